import datetime as dt
import io
import sys

import pytest

from geomap.errors import InputError
from geomap.texts import (MAX_SENTENCE, expand, make_document, read_document, read_documents, scan,
                          sentence_spans)


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return str(p)


def test_date_header_is_parsed_and_stays_in_the_text(tmp_path):
    path = write(tmp_path, "a.txt", " date 2021-08-18 Lithuania protests.\nSecond line.".encode())
    doc = read_document(path)
    assert doc.date == dt.date(2021, 8, 18)
    assert doc.title == "Lithuania protests."
    assert doc.text.startswith(" date 2021-08-18 ")
    assert doc.text.index("Lithuania") == 17


def test_no_header_and_month_only_header():
    assert make_document("x", "Tensions again.\nMore.").date is None
    doc = make_document("x", " date 2021-08 Riga says.")
    assert doc.date is None and doc.title == "Riga says."


def test_bom_is_tolerated_and_counts_as_a_character(tmp_path):
    path = write(tmp_path, "b.txt", "\ufeff date 2021-01-02 Vilnius.".encode())
    doc = read_document(path)
    assert doc.date == dt.date(2021, 1, 2)
    assert doc.text.index("Vilnius") == 18     # the BOM is offset 0, as open().read() gives


def test_universal_newlines_match_open_read(tmp_path):
    path = write(tmp_path, "c.txt", b"One.\r\nTwo Minsk.\rThree.")
    with open(path, encoding="utf-8") as fh:
        assert read_document(path).text == fh.read()


def test_binary_is_refused_and_a_code_page_is_detected(tmp_path):
    with pytest.raises(InputError, match="binary"):
        read_document(write(tmp_path, "bin.txt", b"\x89PNG\x00\x00\x01"))
    text = "Pasieniečiai sulaikė migrantus Šalčininkų rajone."
    assert read_document(write(tmp_path, "lt.txt", text.encode("cp1257"))).text == text


def test_missing_file_and_empty_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        expand([str(tmp_path / "nope.txt")])
    with pytest.raises(InputError, match="no input files"):
        expand([str(tmp_path)])


def test_directory_lists_txt_files_sorted(tmp_path):
    for name in ("b.txt", "a.txt", "notes.md"):
        write(tmp_path, name, b"Vilnius.")
    assert [p.rsplit("/", 1)[-1] for p in expand([str(tmp_path)])] == ["a.txt", "b.txt"]


def test_a_folder_leaves_csv_and_json_files_to_be_named(tmp_path):
    """An index or metadata file beside the articles is no table of texts; named, it is."""
    write(tmp_path, "a.txt", b"Vilnius.")
    write(tmp_path, "index.csv", b"url,title\nhttps://x,y\n")
    write(tmp_path, "meta.json", b'{"source": "scraper"}')
    write(tmp_path, "c.jsonl", b'{"text": "Minsk."}\n')
    found = scan([str(tmp_path)])
    assert [p.rsplit("/", 1)[-1] for p in found.paths] == ["a.txt", "c.jsonl"]
    assert sorted(p.rsplit("/", 1)[-1] for p in found.ignored) == ["index.csv", "meta.json"]
    assert scan([str(tmp_path / "index.csv")]).paths == [str(tmp_path / "index.csv")]


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(" date 2020-02-03 Minsk.".encode())))
    (doc,) = read_documents(["-"])
    assert doc.path == "-" and doc.name == "stdin" and doc.date == dt.date(2020, 2, 3)


def test_sentence_spans():
    text = 'He said "no." Then Minsk replied.\n\nNew paragraph here'
    spans = [text[a:b] for a, b in sentence_spans(text)]
    assert spans == ['He said "no."', "Then Minsk replied.", "New paragraph here"]


def test_sentence_spans_at_line_breaks_and_odd_whitespace():
    text = 'One. Two!  \t\nThree \u00a0\nfour? "Five."  (Six) seven.\u00a0Eight\n\n  Nine…“Ten” 11.'
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "One.", "Two!", "Three", "four?", '"Five."', "(Six) seven.", "Eight", "Nine…“Ten” 11."]


def test_sentence_spans_cut_a_run_without_sentence_ends():
    """One line of 50,000 words (a scraped page, a hostile input) gives sentences of at most
    MAX_SENTENCE characters, cut at spaces, that keep every word once and in order."""
    text = "near Dieveniškės " * 25_000 + "x" * 1500 + " end"  # a word longer than the bound
    spans = sentence_spans(text)
    assert max(b - a for a, b in spans) <= MAX_SENTENCE
    assert all(b0 <= a1 for (_, b0), (a1, _) in zip(spans, spans[1:]))
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")
    assert [text[a:b] for a, b in spans[-2:]] == ["x" * MAX_SENTENCE, "x" * 301 + " end"]
    assert sentence_spans("Short one. Two.") == [(0, 10), (11, 15)]


def test_units_read_elsewhere_report_as_read_inputs_does(tmp_path):
    from geomap.texts import InputOptions, input_units, read_inputs, read_units, replay

    (tmp_path / "a.txt").write_text("Migrants near Vilnius.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("Migrantai prie Šalčininkų.".encode("cp1257"))
    (tmp_path / "c.txt").write_bytes(b"\x00\x01 binary")
    (tmp_path / "t.jsonl").write_text('{"text": "Row one in Minsk."}\nnot json\n',
                                      encoding="utf-8")
    paths = [str(tmp_path / n) for n in ("a.txt", "t.jsonl", "b.txt", "c.txt")]

    def run(read):
        said: list[str] = []
        opts = InputOptions(notice=said.append)
        docs = read(opts, lambda path, exc: said.append(f"skipped {exc}"))
        return [(d.path, d.text) for d in docs], said

    def by_units(opts, on_error):
        units = list(input_units(paths, opts, on_error))
        assert [u for u in units if isinstance(u, str)] == [paths[0], paths[2], paths[3]]
        docs, events = read_units(units, opts)        # may run on another process
        replay(events, opts, on_error)
        return docs

    expected = run(lambda opts, on_error: list(read_inputs(paths, opts, on_error)))
    assert run(by_units) == expected
    assert len(expected[0]) == 3 and len(expected[1]) == 3    # 1 notice, 2 skipped
    docs, events = read_units([paths[3]])
    with pytest.raises(InputError, match="binary"):
        replay(events)                                  # no on_error: raised, as --strict does


def test_make_document_equals_the_dataclass_and_finds_the_title_line_anywhere():
    import random

    from geomap.model import Document
    from geomap.texts import _TITLE_READ, parse_header

    rng = random.Random(3)
    pieces = ["Vilnius", " ", "\n", "\r\n", "\r", "\x0b", "\x1c", "\u2028", "\xa0", "\t", "",
              " date 2021-08-18 ", "x" * (_TITLE_READ - 3)]
    texts = ["", " ", "\n" * (2 * _TITLE_READ) + "Late title", " " * _TITLE_READ + "Cut",
             "\n" * (_TITLE_READ - 1) + "Title across the cut", "A" * (3 * _TITLE_READ)]
    texts += ["".join(rng.choices(pieces, k=rng.randint(1, 12))) for _ in range(3000)]
    for text in texts:
        date, body = parse_header(text)
        title = next((ln.strip() for ln in text[body:].splitlines() if ln.strip()), "")
        want = Document(path="p", text=text, date=date, title=title[:300])
        doc = make_document("p", text)
        assert doc == want and doc.__dict__ == want.__dict__ and hash(doc) == hash(want)


def test_files_of_any_size_are_read_whole_and_errors_are_input_errors(tmp_path):
    from geomap.texts import _raw

    for n in (0, 1, (1 << 16) - 1, 1 << 16, (1 << 16) + 1, 3 << 20):
        data = bytes(range(256)) * (n // 256) + b"x" * (n % 256)
        assert _raw(write(tmp_path, f"{n}.txt", data)) == data
    with pytest.raises(InputError, match="is a directory"):
        _raw(str(tmp_path))
    with pytest.raises(InputError, match="no such file"):
        _raw(str(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match="empty"):
        read_document(write(tmp_path, "blank.txt", b" \n\t\r\n"))
