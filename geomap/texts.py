"""Reading input texts: files (texts, saved pages, feeds, PDF and Word files), folders, ``-``
for stdin, and tables (JSON Lines, CSV/TSV or Parquet files with a text column, one document a
row).

Offsets are Python ``str`` offsets into the text as ``open(path, encoding="utf-8").read()``
returns it (universal newlines); a leading ``" date YYYY-MM-DD "`` header stays part of the text.
A table row's offsets are into its text value as stored.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TypeVar

from .accel import compiled
from .errors import InputError
from .model import Document

DATE_HEADER = re.compile(r"\ufeff?\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\s")
# A sentence ends at a line break, or at whitespace (group 1) after ".", "!", "?" or "…" (and
# maybe a closing quote or bracket) before a capital or digit (maybe after an opening quote or
# bracket). Each match ends where the next sentence starts; the regex engine skips ahead to the
# first character class.
SENTENCE_END = re.compile(r"[.!?…\n](?:(?<=\n)\s*|[\"'”’»)]?(\s+)(?=[\"'“‘«(]*[A-ZÀ-ŽА-ЯЁІЎ0-9]))")


def parse_header(text: str) -> tuple[dt.date | None, int]:
    """Return the date of a leading date header and the offset where the prose starts."""
    m = DATE_HEADER.match(text)
    if not m:
        return None, 1 if text.startswith("\ufeff") else 0
    year, month, day = m.groups()
    try:
        date = dt.date(int(year), int(month), int(day)) if day else None
    except ValueError:
        date = None
    return date, m.end()


def make_document(path: str, text: str) -> Document:
    """Build a Document from already-read text (date header and title line parsed)."""
    date, body = parse_header(text)
    doc = _new_object(Document)         # ``Document(...)``, without a frozen dataclass's
    _set_attr(doc, "__dict__", {        # ``object.__setattr__`` per field
        "path": path, "text": text, "date": date, "title": _title(text, body)[:300],
        "url": "", "site": ""})
    return doc


_new_object, _set_attr = object.__new__, object.__setattr__
_TITLE_READ = 2000     # characters in which ``_title`` looks for the title line first


def _title(text: str, body: int) -> str:
    """The first line of ``text[body:]`` that is not blank, stripped ("" when none): looked
    for in the first ``_TITLE_READ`` characters, and only if need be in the whole text."""
    lines = text[body:body + _TITLE_READ].splitlines()
    whole = body + _TITLE_READ >= len(text)
    for k, line in enumerate(lines):
        if line.strip():
            if whole or k < len(lines) - 1:  # a line the part cut off cannot go on with
                return line.strip()
            break
    else:
        if whole:
            return ""
    return next((ln.strip() for ln in text[body:].splitlines() if ln.strip()), "")


def decode(data: bytes, label: str, encoding: str | None = None,
           notice: Callable[[str], None] | None = None) -> str:
    """Decode the bytes of a text file like ``open(..., encoding=...).read()`` (universal
    newlines): UTF-8, UTF-16/32 with a byte-order mark, else the region's code page that fits
    (see ``decoding``), or ``encoding`` when given; refuse binary input."""
    from .decoding import decode_bytes

    text, used = decode_bytes(data, label, encoding)
    if notice is not None and used not in ("utf-8", "ascii"):
        notice(f"{label}: read as {used}")
    # Universal newlines change nothing in a text without a carriage return (most texts).
    return io.StringIO(text, newline=None).read() if "\r" in text else text


@dataclass(frozen=True)
class Fields:
    """The columns of a table input: the text, and optionally the document's name (else
    ``PATH#ROW``), date (else its text's date header), title (else the text's first line) and
    URL (the page it came from; its host name becomes the document's site)."""

    text: str = "text"
    id: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None

    def columns(self) -> list[str]:
        """The columns named, each once, in this order."""
        return list(dict.fromkeys(c for c in (self.text, self.id, self.date, self.title,
                                              self.url) if c))


@dataclass(frozen=True)
class InputOptions:
    """How inputs are read, shared by every command.

    ``text_field``/``id_field``/``date_field``/``title_field``/``url_field``: the columns of
    tables (``Fields``). ``encoding``: force this encoding on text files instead of detecting
    one. ``repair``: repair mojibake (``decoding.repair``). ``notice``: called with one line
    for each decision worth a ``--verbose`` message (the encoding chosen)."""

    text_field: str = "text"
    id_field: str | None = None
    date_field: str | None = None
    encoding: str | None = None
    repair: bool = True
    notice: Callable[[str], None] | None = None
    title_field: str | None = None
    url_field: str | None = None

    @property
    def fields(self) -> Fields:
        """The table columns to read."""
        return Fields(self.text_field, self.id_field, self.date_field, self.title_field,
                      self.url_field)


DEFAULT = InputOptions()


def _raw(path: str) -> bytes:
    """The bytes of a file, or of stdin for ``-``."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return _read_all(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def _read_all(path: str) -> bytes:
    """The bytes of a file, read with ``os.read`` until it gives none (a text of up to 64 KiB
    in one call and the call that finds its end: about half the time of ``open(path,
    "rb").read()``, whose file objects cost more than reading a short text)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        parts: list[bytes] = []
        while data := os.read(fd, _READ if not parts else 1 << 20):
            parts.append(data)
    finally:
        os.close(fd)
    return parts[0] if len(parts) == 1 else b"".join(parts)


_READ = 1 << 16


def _fixed(text: str, options: InputOptions) -> str:
    if not options.repair:
        return text
    from .decoding import repair

    return repair(text)


def read_document(path: str, options: InputOptions = DEFAULT) -> Document:
    """Read one text file (or ``-`` for stdin) into a Document."""
    label = "stdin" if path == "-" else path
    text = decode(_raw(path), label, options.encoding, options.notice)
    return _check_not_empty(make_document(path, _fixed(text, options)))


def _check_not_empty(doc: Document) -> Document:
    if not doc.text or doc.text.isspace():        # ``not text.strip()``, without the copy
        raise InputError(f"{doc.path}: empty (no text)")
    return doc


TEXT_SUFFIXES = (".txt",)
CSV_SUFFIXES = (".csv", ".tsv")
# tables read whole by one process (no byte range is sure to start a row)
WHOLE_TABLE_SUFFIXES = CSV_SUFFIXES + (".json",)
TABLE_SUFFIXES = (".jsonl", ".ndjson", ".parquet", ".pq") + WHOLE_TABLE_SUFFIXES
PAGE_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
OFFICE_SUFFIXES = (".pdf", ".docx")
INPUT_SUFFIXES = TEXT_SUFFIXES + TABLE_SUFFIXES + PAGE_SUFFIXES + FEED_SUFFIXES + OFFICE_SUFFIXES
# What a folder is expanded to: CSV and JSON files are read only when named (a folder of
# articles often holds an index or metadata file of those kinds, without texts)
FOLDER_SUFFIXES = tuple(x for x in INPUT_SUFFIXES if x not in WHOLE_TABLE_SUFFIXES)


@dataclass(frozen=True)
class Scan:
    """The input files named by the user, folders expanded, and the files of other kinds
    that the folders held."""

    paths: list[str]
    ignored: list[str]


def scan(inputs: Iterable[str]) -> Scan:
    """Expand folders recursively to the files geomap reads (``FOLDER_SUFFIXES``, any case),
    sorted by path, skipping hidden files and folders (names starting with "."); keep files
    and ``-`` as given, whatever their kind."""
    paths: list[str] = []
    ignored: list[str] = []
    for item in inputs:
        if item != "-" and os.path.isdir(item):
            found, other = _walk(item)
            if not found:
                raise InputError(f"{item}: no input files in this folder (*.txt, *.html, "
                                 "*.xml, *.pdf, *.docx, *.jsonl, *.parquet)")
            paths += found
            ignored += other
        elif item != "-" and not os.path.exists(item):
            raise InputError(f"{item}: no such file or directory")
        else:
            paths.append(item)
    return Scan(paths, ignored)


def _walk(folder: str) -> tuple[list[str], list[str]]:
    """The input files and the other files under ``folder``, each sorted by path components."""
    found: list[tuple[list[str], str]] = []
    other: list[tuple[list[str], str]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(root, folder)
        parts = [] if rel == os.curdir else rel.split(os.sep)
        for name in files:
            if name.startswith("."):
                continue
            kind = found if name.lower().endswith(FOLDER_SUFFIXES) else other
            kind.append((parts + [name], os.path.join(root, name)))
    return [p for _, p in sorted(found)], [p for _, p in sorted(other)]


def expand(inputs: Iterable[str]) -> list[str]:
    """The paths ``scan`` finds."""
    return scan(inputs).paths


OnError = Callable[[str, InputError], None]


def read_documents(inputs: Iterable[str], on_error: OnError | None = None) -> Iterator[Document]:
    """``read_inputs`` with the default options."""
    return read_inputs(inputs, DEFAULT, on_error)


def _each(paths: Iterable[str], read: Callable[[str], Iterator[Document]],
          on_error: OnError | None) -> Iterator[Document]:
    """The documents ``read`` gives for each path; an InputError goes to ``on_error``."""
    for path in paths:
        try:
            yield from read(path)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(path, exc)


def is_table(path: str) -> bool:
    """True for a JSON Lines, JSON, CSV/TSV or Parquet input (by its suffix)."""
    return path.lower().endswith(TABLE_SUFFIXES)


def _row_date(path: str, row: int, value: object, field: str) -> dt.date | None:
    """The date in a table's date field: a date, a datetime, or a string in ISO 8601 or
    RFC 2822 form ("2021-08-10", "2021-08-10T09:30:00Z", "Tue, 10 Aug 2021 09:30:00 GMT")."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(value).date()
        except (TypeError, ValueError, IndexError):
            pass
    raise InputError(f"{path}#{row}: not a date in field {field!r}: {str(value)[:40]!r}")


def row_document(path: str, row: int, values: dict, fields: Fields = Fields(),
                 repair: bool = True) -> Document:
    """The Document of one table row (row numbers from 1), from its ``fields``."""
    text = values.get(fields.text)
    if not isinstance(text, str):
        raise InputError(f"{path}#{row}: no text in field {fields.text!r}")
    if repair:
        from .decoding import repair as fix

        text = fix(text)
    if fields.id is None:
        name = f"{path}#{row}"
    else:
        ident = values.get(fields.id)
        if ident is None:
            raise InputError(f"{path}#{row}: no value in id field {fields.id!r}")
        name = str(ident)
    doc = make_document(name, text)
    if fields.date is not None:
        date = _row_date(path, row, values.get(fields.date), fields.date)
        if date is not None:
            doc = replace(doc, date=date)
    if fields.title is not None and (title := values.get(fields.title)):
        doc = replace(doc, title=" ".join(str(title).split())[:300])
    if fields.url is not None and (url := values.get(fields.url)):
        doc = replace(doc, url=str(url).strip(), site=_host(str(url)))
    return doc


def _host(url: str) -> str:
    """The host name of a URL without "www." ("https://www.lrt.lt/x" -> "lrt.lt"), or ""."""
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def read_jsonl(path: str, fields: Fields = Fields(), *, start: int = 0, stop: int | None = None,
               first_row: int = 1, repair: bool = True) -> Iterator[Document]:
    """Documents of a JSON Lines file, line by line; with ``start``/``stop`` only the lines
    that begin in that byte range (``first_row`` numbers the first of them). Blank lines
    count as rows but yield nothing."""
    try:
        with open(path, "rb") as fh:
            fh.seek(start)
            row, pos = first_row, start
            for line in fh:
                if stop is not None and pos >= stop:
                    break
                pos += len(line)
                if line.strip():
                    try:
                        values = json.loads(line)
                    except ValueError:
                        raise InputError(f"{path}#{row}: not a JSON object") from None
                    if not isinstance(values, dict):
                        raise InputError(f"{path}#{row}: not a JSON object")
                    yield row_document(path, row, values, fields, repair)
                row += 1
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def read_json(path: str, fields: Fields = Fields(), *, repair: bool = True
              ) -> Iterator[Document]:
    """Documents of a JSON file (read whole): a list of objects, an object holding one list
    of objects (``{"status": "ok", "articles": [...]}``, as news APIs answer), or one object;
    rows numbered from 1."""
    try:
        value = json.loads(_raw(path))
    except ValueError as exc:
        where = f" at line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        raise InputError(f"{path}: not JSON{where}") from None
    if isinstance(value, dict):
        lists = [k for k, v in value.items() if isinstance(v, list)
                 and any(isinstance(x, dict) for x in v)]
        if len(lists) > 1:
            raise InputError(f"{path}: several lists of rows ({', '.join(lists[:4])}); give "
                             "one list, or JSON Lines")
        value = value[lists[0]] if lists else [value]
    if not isinstance(value, list):
        raise InputError(f"{path}: not a list of JSON objects")
    for row, values in enumerate(value, 1):
        if not isinstance(values, dict):
            raise InputError(f"{path}#{row}: not a JSON object")
        yield row_document(path, row, values, fields, repair)


def read_parquet(path: str, fields: Fields = Fields(), *, row_groups: list[int] | None = None,
                 first_row: int = 1, batch_size: int = 1024,
                 repair: bool = True) -> Iterator[Document]:
    """Documents of a Parquet file, read in record batches (only the columns of ``fields``);
    ``row_groups`` restricts it to those row groups, ``first_row`` numbering their first
    row."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds for a bad file
        raise InputError(f"{path}: not a Parquet file ({exc})") from None
    columns = fields.columns()
    _check_columns(path, columns, pf.schema_arrow.names)
    row = first_row
    for batch in pf.iter_batches(batch_size=batch_size, row_groups=row_groups, columns=columns):
        for values in batch.to_pylist():
            yield row_document(path, row, values, fields, repair)
            row += 1


def _check_columns(path: str, wanted: list[str], names: list[str]) -> None:
    """Refuse a table without one of the ``wanted`` columns, naming the columns it has."""
    missing = [c for c in wanted if c not in names]
    if missing:
        have = ", ".join(names[:12]) + (", ..." if len(names) > 12 else "")
        raise InputError(f"{path}: no column {missing[0]!r} (columns: {have}); name the "
                         "text column with --text-field")


# How much of a CSV file tells its encoding and delimiter (cut at a line break).
_CSV_PROBE = 1 << 20


def _csv_format(path: str, encoding: str | None) -> tuple[str, str]:
    """The encoding (``encoding``, a byte-order mark's, UTF-8, else the region's code page
    that fits, as ``decode`` chooses for texts) and delimiter of a CSV file, from its first
    ``_CSV_PROBE`` bytes: a tab for ``.tsv``; otherwise whichever of ",", ";" and a tab the
    header line holds most of (spreadsheets of the region save ";"), "," on a tie."""
    from .decoding import decode_bytes

    with open(path, "rb") as fh:
        head = fh.read(_CSV_PROBE)
    if len(head) == _CSV_PROBE and b"\n" in head:
        head = head[:head.rindex(b"\n") + 1]          # no character cut in two
    text, used = decode_bytes(head, path, encoding)
    if used == "utf-8" and head.startswith(b"\xef\xbb\xbf"):
        used = "utf-8-sig"                             # the mark is no part of a field name
    if path.lower().endswith(".tsv"):
        return used, "\t"
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts.values())
    return used, next((d for d in counts if counts[d] == best), ",") if best else ","


def read_csv_table(path: str, fields: Fields = Fields(), *, encoding: str | None = None,
                   repair: bool = True) -> Iterator[Document]:
    """Documents of a CSV or TSV file with a header row, row by row (rows numbered from 1
    after the header; a field may hold line breaks inside quotes). The file is streamed: its
    encoding and delimiter come from its start (``_csv_format``); blank rows count but yield
    nothing."""
    import csv

    csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))   # articles of over 128 KiB
    try:
        used, delimiter = _csv_format(path, encoding)
        with open(path, encoding=used, newline="") as fh:
            reader = csv.reader(fh, delimiter=delimiter)
            names = next(reader, None)
            if names is None:
                raise InputError(f"{path}: empty (no header row)")
            names = [n.strip() for n in names]
            wanted = fields.columns()
            _check_columns(path, wanted, names)
            at = {c: names.index(c) for c in wanted}
            row = 0
            while True:
                try:
                    cells = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    raise InputError(f"{path}#{row + 1}: not CSV ({exc})") from None
                row += 1
                if not any(cells):
                    continue
                values = {c: cells[i] if i < len(cells) else None for c, i in at.items()}
                text = values[fields.text]
                if text and "\r" in text:                 # universal newlines, as in texts
                    values[fields.text] = text.replace("\r\n", "\n").replace("\r", "\n")
                yield row_document(path, row, values, fields, repair)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid {exc.encoding} after its first "
                         f"{_CSV_PROBE >> 20} MB; give --encoding") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def read_table(path: str, options: InputOptions = DEFAULT) -> Iterator[Document]:
    """The documents of a table (``is_table``), read with ``options``."""
    low = path.lower()
    if low.endswith((".parquet", ".pq")):
        return read_parquet(path, options.fields, repair=options.repair)
    if low.endswith(CSV_SUFFIXES):
        return read_csv_table(path, options.fields, encoding=options.encoding,
                              repair=options.repair)
    if low.endswith(".json"):
        return read_json(path, options.fields, repair=options.repair)
    return read_jsonl(path, options.fields, repair=options.repair)


def read_page(path: str, options: InputOptions = DEFAULT) -> Document:
    """The article of a saved web page (see ``pages``): its text is the title and the main
    text after a date header made from the page's publication date."""
    from .pages import page_article

    raw = _raw(path)
    data: bytes | str = raw
    if options.encoding:
        data = decode(raw, path, options.encoding)
    elif b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: binary file (contains NUL bytes), not a page")
    art = page_article(data, path)
    doc = make_document(path, _fixed(art.text(), options))
    return _check_not_empty(replace(doc, title=art.title[:300] or doc.title, url=art.url,
                                    site=art.site))


def read_feed(path: str, options: InputOptions = DEFAULT) -> Iterator[Document]:
    """The entries of an RSS or Atom feed, one document each, named ``PATH#N`` (from 1)."""
    from .pages import feed_articles

    raw = _raw(path)
    data: bytes | str = decode(raw, path, options.encoding) if options.encoding else raw
    for n, art in enumerate(feed_articles(data, path), 1):
        doc = make_document(f"{path}#{n}", _fixed(art.text(), options))
        if doc.text.strip():
            yield replace(doc, title=art.title[:300] or doc.title, url=art.url, site=art.site)


def read_office(path: str, options: InputOptions = DEFAULT) -> Document:
    """The text of a PDF or Word file (see ``office``), titled by its title property or first
    line."""
    from .office import docx_text, pdf_text

    read = docx_text if path.lower().endswith(".docx") else pdf_text
    got = read(_raw(path), path)
    doc = make_document(path, _fixed(got.text, options))
    return _check_not_empty(replace(doc, title=got.title[:300] or doc.title))


def read_file(path: str, options: InputOptions = DEFAULT) -> Iterator[Document]:
    """The documents of one input that is not a table: a saved web page (``.html``,
    ``.htm``), a feed (``.xml``, ``.rss``, ``.atom``: one document per entry), a PDF or Word
    file (``.pdf``, ``.docx``), else a text."""
    low = path.lower()
    if path != "-" and low.endswith(PAGE_SUFFIXES):
        return iter((read_page(path, options),))
    if path != "-" and low.endswith(OFFICE_SUFFIXES):
        return iter((read_office(path, options),))
    if path != "-" and low.endswith(FEED_SUFFIXES):
        return read_feed(path, options)
    return iter((read_document(path, options),))


def read_inputs(inputs: Iterable[str], options: InputOptions = DEFAULT,
                on_error: OnError | None = None) -> Iterator[Document]:
    """Documents of every input, lazily, in order: tables row by row, feeds entry by entry,
    pages and texts one each. An unreadable input raises InputError, or, with ``on_error``,
    is passed to it and skipped (a bad table row skips the rest of that table)."""
    def read(path: str) -> Iterator[Document]:
        if path == "-" or not is_table(path):
            return read_file(path, options)
        return read_table(path, options)

    return _each(expand(inputs), read, on_error)


def input_units(paths: Iterable[str], options: InputOptions = DEFAULT,
                on_error: OnError | None = None) -> Iterator[str | Document]:
    """The expanded input ``paths`` as units of work, lazily, in order: each text file, page
    or feed as its path, left to ``read_units`` (which may run on a worker process: reading
    and decoding are then done there, in parallel); the rows of tables and stdin as their
    documents, read here as ``read_inputs`` reads them."""
    for path in paths:
        if path != "-" and not is_table(path):
            yield path
        else:
            yield from read_inputs([path], options, on_error)


Event = tuple[str, str | InputError]
R = TypeVar("R")


def read_units(units: Iterable[str | Document], options: InputOptions = DEFAULT
               ) -> tuple[list[Document], list[Event]]:
    """The documents of ``units`` (see ``input_units``), and in input order what reading them
    had to say: (path, InputError) for an unreadable one (the documents a feed gave before
    failing are kept, as ``read_inputs`` keeps them), ("", line) for a ``notice``. Nothing is
    raised or printed here: ``replay`` does that where the run is driven."""
    docs: list[Document] = []
    events: list[Event] = []
    if options.notice is not None:
        options = replace(options, notice=lambda line: events.append(("", line)))
    for unit in units:
        if isinstance(unit, Document):
            docs.append(unit)
            continue
        try:
            docs.extend(read_file(unit, options))
        except InputError as exc:
            events.append((unit, exc))
    return docs, events


def replay(events: Iterable[Event], options: InputOptions = DEFAULT,
           on_error: OnError | None = None) -> None:
    """Report the events of ``read_units`` as ``read_inputs`` would have while reading: a
    notice to ``options.notice``, an error to ``on_error``, or raised without one."""
    for path, event in events:
        if isinstance(event, InputError):
            if on_error is None:
                raise event
            on_error(path, event)
        elif options.notice is not None:
            options.notice(event)


def replayed(results: Iterable[tuple[R, list[Event]]], options: InputOptions = DEFAULT,
             on_error: OnError | None = None) -> Iterator[R]:
    """The results of work on ``read_units`` (each with what reading its units said), what
    reading said reported (``replay``) before each."""
    for result, events in results:
        replay(events, options, on_error)
        yield result


def write_texts(docs: Iterable[Document], folder: str) -> Iterator[Document]:
    """Yield ``docs``, writing the text of each to ``folder`` as it passes (UTF-8, line
    breaks as read): named after the document's path, every run of characters other than
    letters, digits, "." and "-" turned into "_", with ".txt" added ("pages/a.html" ->
    "pages_a.html.txt", "feed.xml#2" -> "feed.xml_2.txt"); a repeated name gets "-2", "-3"."""
    from .io.atomic import atomic_write

    os.makedirs(folder, exist_ok=True)
    used: set[str] = set()
    for doc in docs:
        with atomic_write(os.path.join(folder, text_name(doc.path, used)), "wb") as fh:
            fh.write(doc.text.encode("utf-8"))
        yield doc


def text_name(path: str, used: set[str]) -> str:
    """The file name ``write_texts`` gives the text of the document ``path``, not one of
    ``used`` (the names given so far, to which it is added)."""
    stem = re.sub(r"[^\w.-]+", "_", path).strip("._") or "stdin"
    name, n = stem + ".txt", 1
    while name in used:
        n += 1
        name = f"{stem}-{n}.txt"
    used.add(name)
    return name


def sentence_spans_py(text: str) -> list[tuple[int, int]]:
    """The sentence spans of a text by the rules of ``sentence_spans``, without its length
    bound: in Python, as the compiled scanner (``geomap/_speedups.c``) finds them."""
    out: list[tuple[int, int]] = []
    a = 0
    for m in SENTENCE_END.finditer(text):
        b = m.start(1)
        if b < 0:
            b = m.start()
        _trimmed(text, a, b, out)
        a = m.end()
    _trimmed(text, a, len(text), out)
    return out


def _trimmed(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    """Append the span ``a:b`` of ``text`` without its outer whitespace, unless it is empty."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        out.append((a, b))


# The same rules compiled, when they are (``geomap.accel``).
split_sentences = compiled.sentence_spans if compiled else sentence_spans_py

MAX_SENTENCE = 600   # characters; a longer run without a sentence end is cut (see ``bounded``)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """All sentence (start, end) spans of a text, in order, whitespace trimmed: a sentence
    ends at a line break, or at ".", "!", "?" or an ellipsis (maybe with a closing quote or
    bracket) before whitespace and a capital or digit; none is longer than MAX_SENTENCE."""
    return bounded(text, split_sentences(text))


def bounded(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each one longer than MAX_SENTENCE characters cut into pieces at the last
    space before the limit (anywhere when there is none). A text without sentence ends (a
    scraped page, a name repeated for megabytes) would otherwise be one sentence that every
    mention, event and fingerprint copies and scans whole."""
    if max((b - a for a, b in spans), default=0) <= MAX_SENTENCE:
        return spans
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while b - a > MAX_SENTENCE:
            cut = text.rfind(" ", a + 1, a + MAX_SENTENCE)
            if cut < 0:
                cut = a + MAX_SENTENCE
            _trimmed(text, a, cut, out)
            a = cut
        _trimmed(text, a, b, out)
    return out
