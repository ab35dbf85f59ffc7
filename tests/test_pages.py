"""Saved web pages and feeds: the article only, with its title, date, site and URL."""
import datetime as dt

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from geomap.errors import InputError
from geomap.texts import read_feed, read_inputs, read_page

pytestmark = pytest.mark.usefixtures("compiled_once")   # loading is not under test

# A news site's page: menu with archive months, the article with a publication-date meta tag,
# related articles with other dates, reader comments, a footer naming cities, inline scripts.
PAGE = """
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Migrants pushed back near Medininkai | Baltic Border News</title>
<meta property="og:title" content="Migrants pushed back near Medininkai">
<meta property="og:site_name" content="Baltic Border News">
<meta property="article:published_time" content="2021-08-10T09:30:00+03:00">
<link rel="canonical" href="https://news.example.org/2021/08/10/medininkai-pushback">
<script>var track = {city: "Vilnius", event: "death"};</script>
</head>
<body>
<header>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/lithuania">Lithuania</a></li>
  <li><a href="/poland">Poland</a></li><li><a href="/latvia">Latvia</a></li>
  <li><a href="/archive/2025-05">May 2025</a></li><li><a href="/archive/2025-04">April 2025</a></li></ul></nav>
</header>
<main>
<article>
  <h1>Migrants pushed back near Medininkai</h1>
  <p class="byline">By Staff reporter, <time datetime="2021-08-10">10 August 2021</time></p>
  <p>Lithuanian border guards turned back a group of 35 migrants near Medininkai on Monday, the State Border Guard Service said on Tuesday.</p>
  <p>The group, mostly from Iraq, had crossed from Belarus through the forest south of the crossing point. Officers used tear gas when several men tried to break through the line, the service said.</p>
  <p>Since the start of the year more than 4,000 people have crossed the border from Belarus, most of them near Druskininkai and Varėna.</p>
</article>
<aside class="related">
  <h2>Related articles</h2>
  <ul>
    <li><a href="/2019/03/02/a">Flood in Daugavpils</a> <span class="date">2 March 2019</span></li>
    <li><a href="/2020/11/15/b">Protest in Grodno</a> <span class="date">15 November 2020</span></li>
    <li><a href="/2025/05/01/c">Fire near Białystok</a> <span class="date">1 May 2025</span></li>
  </ul>
</aside>
<section class="comments"><h3>Comments</h3><p>A reader from Kaunas: the police killed a man near Gudogai.</p></section>
</main>
<footer><p>Offices in Vilnius, Riga and Minsk</p><p>© 2021 Baltic Border News</p></footer>
<script>document.write("Vilnius Minsk death");</script>
</body>
</html>
"""

FEED = """
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Border wire</title><link>https://wire.example.org/</link>
<description>News</description>
<item><title>Migrants detained near Kapčiamiestis</title><link>https://wire.example.org/1</link>
<pubDate>Tue, 10 Aug 2021 09:30:00 +0300</pubDate><description>&lt;p&gt;Lithuanian border guards detained 12 migrants near Kapčiamiestis on Monday.&lt;/p&gt;</description></item>
<item><title>Camp set up at Kuźnica</title><link>https://wire.example.org/2</link>
<pubDate>Mon, 08 Nov 2021 18:00:00 +0100</pubDate><description>Hundreds of migrants camped near Kuźnica on the Belarusian side.</description></item>
<item><title>Patrols in Latgale</title><link>https://wire.example.org/3</link>
<pubDate>Wed, 11 Aug 2021 07:00:00 +0300</pubDate><description>Latvia sent more patrols to the border near Daugavpils.</description></item>
</channel></rss>
"""


def test_a_saved_page_gives_the_article_only(tmp_path):
    path = tmp_path / "article.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_page(str(path))
    assert doc.title == "Migrants pushed back near Medininkai"
    assert doc.date == dt.date(2021, 8, 10)
    assert doc.url == "https://news.example.org/2021/08/10/medininkai-pushback"
    assert doc.site == "Baltic Border News"
    assert doc.text.startswith(" date 2021-08-10 Migrants pushed back near Medininkai\n")
    assert "turned back a group of 35 migrants near Medininkai" in doc.text
    assert "Druskininkai and Varėna" in doc.text
    for furniture in ("Home", "May 2025", "Related", "Daugavpils", "Grodno", "Białystok",
                      "Kaunas", "Gudogai", "Offices", "Minsk", "track", "document.write"):
        assert furniture not in doc.text, furniture


def test_the_page_incident_gets_the_page_date_and_offsets_refer_to_the_text(tmp_path):
    page = tmp_path / "article.html"
    page.write_text(PAGE, encoding="utf-8")
    out, texts = tmp_path / "i.jsonl", tmp_path / "texts"
    res = CliRunner().invoke(cli, ["incidents", str(page), "-o", str(out)],
                             catch_exceptions=False)
    assert res.exit_code == 0
    import json

    (incident,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert incident["location"] == "Medininkai" and incident["type"] == "pushback"
    # "on Monday" in a page dated Tuesday 2021-08-10, not a related article's or menu's date
    assert incident["date"] == "2021-08-09"
    assert incident["sources"][0]["date"] == "2021-08-10"
    res = CliRunner().invoke(cli, ["extract", str(page), "--texts-out", str(texts)],
                             catch_exceptions=False)
    (written,) = texts.iterdir()
    text = written.read_text("utf-8")
    records = [json.loads(line) for line in res.output.splitlines()]
    assert records and all(text[r["start"]:r["end"]] == r["text"] for r in records)
    assert {r["text"] for r in records} >= {"Medininkai", "Druskininkai", "Varėna"}
    assert not {"Vilnius", "Minsk", "Riga", "Kaunas", "Daugavpils"} & {r["text"] for r in records}


def test_a_feed_gives_one_document_per_entry(tmp_path):
    path = tmp_path / "wire.xml"
    path.write_text(FEED, encoding="utf-8")
    docs = list(read_feed(str(path)))
    assert [d.path for d in docs] == [f"{path}#{n}" for n in (1, 2, 3)]
    assert [d.date for d in docs] == [dt.date(2021, 8, 10), dt.date(2021, 11, 8),
                                      dt.date(2021, 8, 11)]
    assert [d.title for d in docs] == ["Migrants detained near Kapčiamiestis",
                                       "Camp set up at Kuźnica", "Patrols in Latgale"]
    assert docs[0].url == "https://wire.example.org/1" and docs[0].site == "Border wire"
    assert "<p>" not in docs[0].text and "12 migrants near Kapčiamiestis" in docs[0].text


def test_atom_feed_and_not_a_feed(tmp_path):
    atom = tmp_path / "a.atom"
    atom.write_text("""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id>
<updated>2021-08-12T00:00:00Z</updated>
<entry><title>Vilnius summit</title><id>urn:1</id><updated>2021-08-12T10:00:00Z</updated>
<content type="html">&lt;p&gt;Ministers met in Vilnius.&lt;/p&gt;</content></entry></feed>""",
                    encoding="utf-8")
    (doc,) = read_inputs([str(atom)])
    assert doc.date == dt.date(2021, 8, 12) and "Ministers met in Vilnius." in doc.text
    bad = tmp_path / "b.xml"
    bad.write_text("<config><a>1</a></config>", encoding="utf-8")
    with pytest.raises(InputError, match="b.xml"):
        list(read_inputs([str(bad)]))


def test_a_page_in_a_windows_code_page_and_an_empty_page(tmp_path):
    path = tmp_path / "lt.htm"
    path.write_bytes(PAGE.replace('charset="utf-8"', 'charset="windows-1257"')
                     .encode("cp1257", errors="replace"))
    assert "Varėna" in read_page(str(path)).text
    empty = tmp_path / "e.html"
    empty.write_text("<html><head><script>var a = 1;</script></head><body></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        read_page(str(empty))
