"""HTML tables for the catalog refresh: every table of a page with the headings above it.

Parsed with the stdlib `html.parser` (no dependency). Helpers read the cells the refresh needs
(dates, token counts, Yes/No) and raise `PageError`, naming the page, the table and what was
expected, on anything else: a misread page must stop the refresh, never feed it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from html.parser import HTMLParser

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
FIRST_PARTY_ID = re.compile(r"\bclaude-[a-z0-9][a-z0-9.-]*[a-z0-9]")
VERTEX_ID = re.compile(r"\bclaude-[a-z0-9][a-z0-9.-]*[a-z0-9](?:@\d{8})?")
BEDROCK_ID = re.compile(r"\banthropic\.claude-[a-z0-9][a-z0-9.:-]*[a-z0-9]")
PREFIX_HEADER = re.compile(r"^[a-z][a-z-]{1,9}$")
TOKENS = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([KkMm])?")
NOT_SOONER = re.compile(r"^not sooner than\s+", re.IGNORECASE)
DATE_FORMATS = ("%Y-%m-%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%b. %d, %Y")
EMPTY = frozenset({"", "-", "—", "–", "n/a", "na", "none", "tbd"})
YES = ("yes", "✅", "✓", "✔")
NO = ("no", "❌", "✗", "✘", "-", "—", "–", "n/a", "")


class PageError(ValueError):
    """A page does not have the structure the refresh relies on."""

    def __init__(self, page: str, table: str, problem: str) -> None:
        super().__init__(f"the {page} page changed: table {table!r}: {problem}")


@dataclass(frozen=True)
class Table:
    """One HTML table: the headings it sits under, its header row and its body rows."""

    headings: tuple[str, ...]
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def under(self, keyword: str) -> bool:
        return any(keyword in heading.lower() for heading in self.headings)


@dataclass
class _OpenTable:
    headings: tuple[str, ...]
    rows: list[list[str]] = field(default_factory=list)
    cell: list[str] | None = None


class _TableReader(HTMLParser):
    """Collects every table with the heading path above it; footnote markers are dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self._path: list[tuple[int, str]] = []
        self._heading: tuple[int, list[str]] | None = None
        self._open: list[_OpenTable] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HEADINGS:
            self._heading = (HEADINGS[tag], [])
        elif tag == "table":
            self._open.append(_OpenTable(tuple(text for _, text in self._path)))
        elif tag == "tr" and self._open:
            self._open[-1].rows.append([])
        elif tag in ("td", "th") and self._open:
            table = self._open[-1]
            if not table.rows:
                table.rows.append([])
            table.cell = []
        elif tag == "br":
            self.handle_data(" ")
        elif tag == "sup":
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in HEADINGS and self._heading is not None:
            level, parts = self._heading
            self._heading = None
            while self._path and self._path[-1][0] >= level:
                self._path.pop()
            self._path.append((level, _clean("".join(parts))))
        elif tag in ("td", "th") and self._open and self._open[-1].cell is not None:
            table = self._open[-1]
            table.rows[-1].append(_clean("".join(table.cell or [])))
            table.cell = None
        elif tag == "table" and self._open:
            done = self._open.pop()
            rows = [row for row in done.rows if row]
            if rows:
                body = tuple(tuple(row) for row in rows[1:])
                self.tables.append(Table(done.headings, tuple(rows[0]), body))
        elif tag == "sup" and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._heading is not None:
            self._heading[1].append(data)
        if self._open and self._open[-1].cell is not None:
            self._open[-1].cell.append(data)


def read_tables(html: str) -> list[Table]:
    reader = _TableReader()
    reader.feed(html)
    reader.close()
    return reader.tables


def _clean(text: str) -> str:
    return " ".join(text.split())


def find_tables(
    tables: list[Table], page: str, title: str, columns: tuple[str, ...], heading: str | None
) -> list[tuple[Table, dict[str, int]]]:
    """The tables (under `heading`, when given) that have every column; PageError otherwise."""
    candidates = [table for table in tables if heading is None or table.under(heading)]
    found = []
    for table in candidates:
        index = {name: i for i, name in enumerate(table.header)}
        if all(column in index for column in columns):
            found.append((table, index))
    if found:
        return found
    expected = ", ".join(repr(column) for column in columns)
    where = f" under a heading containing {heading!r}" if heading else ""
    closest = max(candidates, key=lambda t: len(set(columns) & set(t.header)), default=None)
    if closest is None or not set(columns) & set(closest.header):
        raise PageError(page, title, f"not found: expected a table{where} with columns {expected}")
    missing = ", ".join(repr(column) for column in columns if column not in closest.header)
    header = ", ".join(repr(name) for name in closest.header)
    raise PageError(page, title, f"expected columns {expected}; missing {missing}; found {header}")


def parse_date(text: str, page: str, title: str) -> date | None:
    """A date cell (`November 30, 2026`, `2026-11-30`); empty cells and `N/A` are None."""
    cleaned = text.strip().rstrip("*").strip()
    if cleaned.lower() in EMPTY:
        return None
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    raise PageError(page, title, f"expected a date, found {cleaned[:60]!r}")


def parse_tokens(text: str) -> int | None:
    """`1M tokens`, `200K tokens / 1M tokens (beta)`, `64,000 tokens` -> the first figure."""
    match = TOKENS.search(text)
    if match is None:
        return None
    number = float(match.group(1).replace(",", ""))
    scale = {"k": 1_000, "m": 1_000_000}.get((match.group(2) or "").lower(), 1)
    return int(number * scale)


def yes_no(text: str, page: str, title: str, column: str) -> bool:
    value = text.strip().lower().rstrip("*").strip()
    if value.startswith(YES):
        return True
    if value in NO:
        return False
    raise PageError(page, title, f"column {column!r}: expected Yes or No, found {text[:40]!r}")
