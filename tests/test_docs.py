"""The docs agree with the data they describe (counts of gazetteer rows)."""
import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = ("geonames.csv", "countries.csv", "admin.csv", "curated.csv")


def rows(name: str) -> int:
    with open(ROOT / "gazetteer" / name, encoding="utf-8", newline="") as fh:
        return sum(1 for _ in csv.DictReader(fh))


def test_row_counts_in_the_docs_are_the_files():
    counts = {name: rows(name) for name in FILES}
    table = (ROOT / "docs" / "data-places.md").read_text(encoding="utf-8")
    info = (ROOT / "docs" / "gazetteer.md").read_text(encoding="utf-8")
    for name, n in counts.items():
        shown = re.search(rf"\| `{re.escape(name)}` \| ([\d,]+)", table)
        assert shown and int(shown[1].replace(",", "")) == n, name
        assert f"  {name}: {n} entries" in info, name
    user = int(re.search(r"local\.csv \(user\): (\d+) entries", info)[1])
    assert f"entries in effect: {sum(counts.values()) + user} " in info
