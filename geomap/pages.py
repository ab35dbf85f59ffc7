"""Saved web pages and news feeds as plain texts with their metadata.

A page (``.html``) gives its article: the main text without menus, related-article lists,
comments, footers or scripts, with the title, publication date, site name and canonical URL,
all found by ``trafilatura`` (its dates by ``htmldate``, which prefers the page's metadata to
dates printed in the page). A feed (RSS or Atom, ``feedparser``) gives one article per entry:
title, content or summary (HTML turned into text), date and link. Both libraries are imported
on first use; neither touches the network when given the bytes of a file.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from .errors import InputError


@dataclass(frozen=True)
class Article:
    """The text and metadata of one page or feed entry."""

    title: str
    body: str
    date: dt.date | None
    url: str = ""
    site: str = ""

    def text(self) -> str:
        """The article as a geomap text: a ``date`` header when the date is known (as text
        files carry it), the title on the first line, a blank line, the body (whose first
        line stands for the title when it repeats it)."""
        head = f" date {self.date.isoformat()} " if self.date else ""
        title, body = self.title.strip(), self.body.strip()
        if body.split("\n", 1)[0].strip() == title:     # the page's heading opens the body
            title = ""
        return head + "\n\n".join(p for p in (title, body) if p) + "\n"


def page_article(html: bytes | str, label: str) -> Article:
    """The article of a saved web page (raw bytes: the page's own charset is honoured)."""
    import trafilatura
    from trafilatura.settings import Document

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True,
                                    "outputformat": "%Y-%m-%d"})
    except ValueError as exc:
        raise InputError(f"{label}: not a web page ({exc})") from None
    if not isinstance(doc, Document) or not (doc.text or "").strip():  # None: nothing found
        raise InputError(f"{label}: no article text found in this page")
    return Article(title=doc.title or "", body=doc.text or "", date=_iso_date(doc.date),
                   url=doc.url or "", site=doc.sitename or doc.hostname or "")


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def feed_articles(data: bytes | str, label: str) -> Iterator[Article]:
    """The entries of an RSS or Atom feed, in the feed's order."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        if feed.get("bozo") and not feed.get("version"):
            raise InputError(f"{label}: not an RSS or Atom feed "
                             f"({feed.get('bozo_exception', 'unreadable')})")
        raise InputError(f"{label}: a feed without entries")
    for entry in feed.entries:
        content = entry.get("content") or []
        html = content[0].get("value", "") if content else entry.get("summary", "")
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        yield Article(title=_html_text(entry.get("title", "")), body=_html_text(html),
                      date=dt.date(*when[:3]) if when else None, url=entry.get("link", ""),
                      site=feed.feed.get("title", ""))


BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                    "blockquote", "pre", "table", "tr", "section", "article", "header",
                    "footer", "figure", "figcaption", "dd", "dt", "hr"})


def _html_text(fragment: str) -> str:
    """The text of an HTML fragment, a line break for each block element (feeds carry their
    entries' content as HTML, already sanitised by feedparser)."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several kinds for broken markup
        return fragment.strip()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in BLOCKS:
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
