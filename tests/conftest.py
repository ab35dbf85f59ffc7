"""The order of the tests (slow ones first), the compiled gazetteer loaded once per test
process (``compiled_once``) and the browser fixtures: Debian's headless Chromium driven by
Playwright, with no network."""
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """The tests marked ``slow`` (several seconds each) run first, in their order: with
    ``--dist loadgroup`` the two xdist workers take one test at a time from the front, so
    they end together instead of one running a long test alone at the end.
    The tests that use Chromium (the ``browser`` fixture, e.g. through ``offline_page``) form
    the xdist_group "browser" (unless they name a group: a test sharing a fixture with a
    browser test names "browser"), so one worker starts Chromium (~1.5 s of CPU) and their
    module fixtures (the seed map, the generated drawing) are built once. xdist hands out the
    largest groups first."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()) and \
                item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group("browser"))
        group = item.get_closest_marker("xdist_group")
        if group is not None and getattr(config.option, "loadgroup", False):
            _in_group(item, group.args[0] if group.args else group.kwargs.get("name", "default"))


def _in_group(item, name: str) -> None:
    """xdist's loadgroup sends the tests whose node id ends in "@NAME" to one worker; it
    appends the suffix to ``item._nodeid``, which pytest 9.2 no longer reads (the node id is
    ``item._id``), so the groups' tests ran on both workers. Append it where pytest reads
    it (xdist appending it again later leaves the group as it is: the last "@" counts)."""
    nodeid = f"{item.nodeid}@{name}"
    if hasattr(item, "_id"):
        item._id = type(item._id).parse(nodeid)
    else:
        item._nodeid = nodeid


_LOADED: dict[tuple, object] = {}       # (kind, gazetteer directory, its stamp) -> loaded


@pytest.fixture
def compiled_once(monkeypatch):
    """Commands run in this process (CliRunner, the Python API) load the compiled gazetteer
    and borders of a directory once per test process instead of once per command (unpickling
    them costs ~0.3 s of CPU each time, a third of the suite's CPU when every command paid
    it). The loaded objects are kept by the stamp the user cache itself is keyed by
    (``cache.fingerprint``, ``cache.borders_fingerprint``: file sizes and times), so a
    changed gazetteer file is loaded again, exactly as the cache would be read again. For
    modules where loading is not under test (``pytestmark = pytest.mark.usefixtures(
    "compiled_once")``); test_cache, the gazetteer writers and the subprocesses load as
    every command does."""
    from geomap import cache, compiled, extract

    def once(load, kind, stamp):
        def loader(directory, *args, **kwargs):
            path = Path(directory).resolve()
            if not path.is_dir():
                return load(directory, *args, **kwargs)
            key = (kind, str(cache.cache_path(path, kind)), stamp(path))
            if key not in _LOADED:
                if len(_LOADED) >= 8:                # bounded: a process needs a few
                    _LOADED.clear()
                _LOADED[key] = load(directory, *args, **kwargs)
            return _LOADED[key]
        return loader

    monkeypatch.setattr(extract, "load_compiled",
                        once(compiled.load_compiled, "gazetteer", cache.fingerprint))
    monkeypatch.setattr(extract, "load_borders",
                        once(compiled.load_borders, "borders", cache.borders_fingerprint))


@pytest.fixture(scope="session")
def _small_and_compiled(tmp_path_factory):
    """For ``gz`` (test_gazetteer_cli.py, also used by test_unplaced.py): a
    ``small_gazetteer`` at one path of this test process, its user cache compiled there
    (gazetteer, borders: ~2 s of CPU, which every test using ``gz`` paid), and copies of
    both to restore before each test."""
    import shutil

    from test_gazetteer_cli import small_gazetteer

    from geomap.extract import Extractor

    base = tmp_path_factory.mktemp("gz")
    d, cache = base / "gazetteer", base / "cache"
    small_gazetteer(base / "pristine")
    shutil.copytree(base / "pristine", d)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(cache))
        mp.delenv("GEOMAP_CACHE_DIR", raising=False)
        Extractor.from_directory(d)
    shutil.copytree(cache, base / "pristine-cache")
    return d, base / "pristine", cache, base / "pristine-cache"


@pytest.fixture(scope="session")
def browser():
    """One Chromium per test process (each test gets its own context in ``offline_page``).
    Skipped only outside CI when Chromium is missing."""
    if not os.path.exists(CHROMIUM) and not os.environ.get("CI"):
        pytest.skip(f"{CHROMIUM} not found (apt-get install chromium); in CI this test fails")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def offline_page(browser):
    """A page that may load only file: and data: URLs; records what else it tried,
    dialogs (dismissed), uncaught errors and console errors."""
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    context.set_default_timeout(5000)
    page = context.new_page()
    seen = SimpleNamespace(page=page, blocked=[], dialogs=[], errors=[])

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            seen.blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: seen.errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and seen.errors.append(m.text))
    yield seen
    context.close()
