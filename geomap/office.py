"""PDF and Word files as plain texts: their text and title, without their dates (a file's
"created" and "modified" dates are when it was written, printed or exported, not when the
events were reported; the text's own date lines and datelines are read as for any text).

PDF (``pypdf``): the text layer of every page. A PDF breaks a paragraph into the lines of its
layout, and geomap ends a sentence at a line break, so the lines are joined again
(``reflow``): ligatures are spelled out; a word hyphenated across two lines is joined without
its hyphen; a line is joined to the next with a space when it does not end a sentence and the
next one goes on in lower case, or when it is as wide as the page's body lines (a sentence
broken before a name); a short line without a full stop (a heading, a caption) keeps its
break. Pages are separated by a blank line. The title is the PDF's /Title, else its first line.

Word (``.docx``, ``python-docx``): the body's paragraphs and tables in document order, one line
per paragraph (a table's cells one line each, row by row), empty paragraphs as paragraph
breaks; headers, footers and comments are left out. The title is the core title property,
else the first line.
"""
from __future__ import annotations

import io
import logging
import re
import statistics
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from .errors import InputError

# The end of a sentence (maybe in a closing quote or bracket), and of a clause that ends a
# line before a list or a new sentence.
STOP = re.compile(r"[.!?…][\"'”’»)\]]*$")
CLAUSE_END = re.compile(r"[:;]$")
# A numbered list's item ("1.", "2)").
ITEM = re.compile(r"\d+[.)]\s")
# A word hyphenated at a line's end: a letter and a hyphen (not a dash, not "-" after a space).
HYPHENATED = re.compile(r"(?<=[^\W\d_])-$")
# Typographic ligatures that text layers keep as one character ("ﬁ" in "oﬃcers"), and the
# soft hyphen, which only marks where a word may break.
UNLIGATE = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                          "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st", "\u00ad": None})
# Body lines are at least this share of the page's typical (median) long line.
FULL = 0.8


@dataclass(frozen=True)
class FileText:
    """The text of a PDF or Word file and its title."""

    title: str
    text: str


def pdf_text(data: bytes, label: str) -> FileText:
    """The text and title of the PDF ``data``; InputError for an encrypted PDF, a broken one,
    or one without a text layer (a scan)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)   # its repairs are no user's news
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{label}: encrypted PDF (needs a password)")
        pages = [reflow(page.extract_text() or "") for page in reader.pages]
        meta = reader.metadata
        title = str(meta.title or "") if meta is not None else ""
    except InputError:
        raise
    # what pypdf raises for a broken file besides its own errors
    except (PyPdfError, ValueError, KeyError, IndexError, TypeError, AttributeError,
            AssertionError, NotImplementedError, OSError) as exc:
        raise InputError(f"{label}: not a readable PDF ({exc})") from None
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise InputError(f"{label}: PDF without a text layer (a scan? run OCR on it first)")
    first = text.lstrip().split("\n", 1)[0].strip()
    return FileText(" ".join(title.split()) or first, text + "\n")


def reflow(page: str) -> str:
    """The lines of one page joined into paragraphs (see the module's docstring)."""
    page = page.replace("\u00ad\n", "-\n").translate(UNLIGATE)   # a soft hyphen that broke a word
    lines = [" ".join(line.split()) for line in page.splitlines()]
    widths = [len(line) for line in lines if len(line) >= 20]
    body = statistics.median(widths) if widths else 0
    out: list[str] = []
    prev = ""                                       # the last line, as the PDF gave it
    for line in lines:
        if not line:
            if out and out[-1]:
                out.append("")                      # a paragraph break stays
        elif prev and _joins(prev, line, body):
            if HYPHENATED.search(prev) and line[0].islower():
                out[-1] = out[-1][:-1] + line
            else:
                out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        prev = line
    return "\n".join(out).strip()


def _joins(prev: str, line: str, body: float) -> bool:
    """Whether ``line`` goes on the sentence that the line ``prev`` breaks off."""
    if STOP.search(prev):
        return False
    if line[0].islower() or line[0] in "(," or (line[0].isdigit() and not ITEM.match(line)):
        return True
    return not CLAUSE_END.search(prev) and body > 0 and len(prev) >= FULL * body


def docx_text(data: bytes, label: str) -> FileText:
    """The text and title of the Word document ``data``; InputError for what is not one."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_lines(document))
        title = document.core_properties.title or ""
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{label}: not a Word document (.docx) ({exc})") from None
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    text = "\n".join(out).strip()
    if not text:
        raise InputError(f"{label}: empty (no text)")
    return FileText(" ".join(title.split()) or text.split("\n", 1)[0].strip(), text + "\n")


def _lines(document) -> Iterator[str]:
    """The body's paragraphs and table cells, in order, whitespace collapsed."""
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen: set[int] = set()
                for cell in row.cells:           # a merged cell is listed once per column
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    yield " ".join(cell.text.split())
            yield ""
        else:
            yield " ".join(block.text.split())
