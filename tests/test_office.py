"""PDF and Word input: the text layer of real PDF files (written by matplotlib's PDF backend),
lines joined into paragraphs; Word files (written by python-docx) with their tables; one-line
errors for what cannot be read."""
import json
import shutil

import matplotlib
import pytest
from click.testing import CliRunner

from geomap.cli import cli
from geomap.errors import InputError
from geomap.office import docx_text, pdf_text, reflow
from geomap.texts import InputOptions, read_inputs

matplotlib.use("agg")


def write_pdf(path, pages, title=None):
    """A PDF of A4 pages, each a list of lines set at the left margin (TrueType fonts, so the
    text layer holds every letter of the region)."""
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    with matplotlib.rc_context({"pdf.fonttype": 42}), \
            PdfPages(path, metadata={"Title": title} if title else None) as pdf:
        for lines in pages:
            fig = plt.figure(figsize=(8.27, 11.69))
            for i, line in enumerate(lines):
                fig.text(0.08, 0.92 - i * 0.02, line, fontsize=10)
            pdf.savefig(fig)
            plt.close(fig)
    return str(path)


PAGE = ["Situation at the border",
        "",
        "Lithuanian border guards pushed back 30 migrants near the village of",
        "Dieveniškės on Monday, the State Border Guard Service said. Another group of mi-",
        "grants was stopped at Medininkai; officers said 12 of them were Iraqi",
        "citizens.",
        "Straż Graniczna zatrzymała 8 osób koło Kuźnicy."]


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory):
    """A two-page PDF with a title (matplotlib takes a second to write one)."""
    return write_pdf(tmp_path_factory.mktemp("pdf") / "r.pdf",
                     [PAGE, ["Page two names Vilnius."]], title="Weekly  report")


def test_reflow_joins_the_lines_of_a_sentence_and_keeps_headings_and_items():
    body = "The guards said that " + "x" * 40
    page = "\n".join(["Report of the week",                  # a heading: short, no stop
                      f"{body} near the village of",          # a body line, then a name
                      "Dieveniškės on Mon\u00adday. Another group of mi\u00ad",
                      "grants was stopped (near Medininkai) by of\ufb01cers",
                      "in the morning:",
                      "1. the first item of a list",
                      "2021 r. and the year goes on",
                      "",
                      "A new paragraph."])
    assert reflow(page) == (
        "Report of the week\n"
        f"{body} near the village of Dieveniškės on Monday. Another group of migrants was "
        "stopped (near Medininkai) by officers in the morning:\n"
        "1. the first item of a list 2021 r. and the year goes on\n\n"
        "A new paragraph.")


def test_reflow_keeps_a_short_line_before_a_capital_and_a_dash_that_is_no_hyphen():
    body = "The guards said that " + "x" * 40
    assert reflow(f"Contents\nMigrants at the border\n{body}\n{body} Polish -\nbelow") == \
        f"Contents\nMigrants at the border\n{body} {body} Polish - below"


def test_pdf_pages_become_one_text_titled_by_the_pdf(report_pdf):
    path = report_pdf
    got = pdf_text(open(path, "rb").read(), path)
    assert got.title == "Weekly report"
    assert ("Lithuanian border guards pushed back 30 migrants near the village of Dieveniškės on "
            "Monday, the State Border Guard Service said. Another group of migrants was stopped "
            "at Medininkai; officers said 12 of them were Iraqi citizens.") in got.text
    assert got.text.endswith("Kuźnicy.\n\nPage two names Vilnius.\n")
    doc = next(read_inputs([path]))
    assert doc.title == "Weekly report" and doc.text == got.text


def test_incidents_and_extract_read_a_pdf_and_a_folder_of_them(tmp_path, report_pdf):
    (tmp_path / "in").mkdir()
    shutil.copy(report_pdf, tmp_path / "in" / "a.pdf")
    res = CliRunner().invoke(cli, ["incidents", str(tmp_path / "in"), "-q"])
    assert res.exit_code == 0, res.output
    first = json.loads(res.output.splitlines()[0])
    assert first["type"] == "pushback" and first["location"] == "Dieveniškės"
    assert first["counts"]["migrants"] == [30]
    res = CliRunner().invoke(cli, ["extract", str(tmp_path / "in" / "a.pdf")])
    names = [json.loads(line)["name"] for line in res.output.splitlines()]
    assert names[:2] == ["Dieveniškės", "Medininkai"] and "Kuźnica" in names


def test_unreadable_pdfs_are_one_line_input_errors(tmp_path, report_pdf):
    from pypdf import PdfWriter

    bad = tmp_path / "bad.pdf"
    bad.write_text("not a PDF at all")
    blank = tmp_path / "blank.pdf"
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.write(blank)
    locked = tmp_path / "locked.pdf"
    writer = PdfWriter(clone_from=report_pdf)
    writer.encrypt("secret", algorithm="RC4-128")
    writer.write(locked)
    for path, message in ((bad, "not a readable PDF"), (blank, "PDF without a text layer"),
                          (locked, "encrypted PDF")):
        with pytest.raises(InputError, match=message) as err:
            list(read_inputs([str(path)], InputOptions()))
        assert "\n" not in str(err.value)
    res = CliRunner().invoke(cli, ["extract", str(bad), report_pdf])
    assert res.exit_code == 3
    assert "skipped" in res.stderr and "not a readable PDF" in res.stderr
    assert "Traceback" not in res.output


def write_docx(path, paragraphs, table=(), title=None):
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
        grid.cell(0, 0).merge(grid.cell(0, 1))          # a merged cell: listed once
    document.add_paragraph("Straż Graniczna zatrzymała 8 osób koło Kuźnicy.")
    document.save(path)
    return str(path)


def test_word_paragraphs_and_tables_in_order(tmp_path):
    path = write_docx(tmp_path / "w.docx",
                      ["Weekly report", "", "", "Lithuanian border guards pushed back 30 "
                       "migrants near   Dieveniškės on Monday."],
                      table=[["Date", "Place"], ["2021-08-09", "Medininkai"]])
    got = docx_text(open(path, "rb").read(), path)
    assert got.title == "Weekly report"
    assert got.text == ("Weekly report\n\nLithuanian border guards pushed back 30 migrants near "
                        "Dieveniškės on Monday.\nDate Place\n2021-08-09\nMedininkai\n\n"
                        "Straż Graniczna zatrzymała 8 osób koło Kuźnicy.\n")
    titled = write_docx(tmp_path / "t.docx", ["Vilnius."], title="Monitoring  note")
    doc = next(read_inputs([titled]))
    assert doc.title == "Monitoring note" and doc.text.startswith("Vilnius.\n")
    res = CliRunner().invoke(cli, ["incidents", str(tmp_path / "w.docx"), "-q"])
    first = json.loads(res.output.splitlines()[0])
    assert (first["type"], first["location"]) == ("pushback", "Dieveniškės")


def test_a_file_that_is_no_word_document_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("plain text saved as .docx")
    with pytest.raises(InputError, match="bad.docx: not a Word document"):
        list(read_inputs([str(bad)]))
