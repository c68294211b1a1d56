"""Render a summary to HTML the way the preview script does, and read its structure back."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from html.parser import HTMLParser
from types import ModuleType

from tests.helpers import REPO_ROOT


def _preview_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "preview_summary", REPO_ROOT / "scripts" / "preview_summary.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


preview = _preview_module()


@dataclass
class Table:
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Structure:
    """What a reader sees: headings, tables (cell texts), and every element name used."""

    h2: list[str] = field(default_factory=list)
    h3: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    text: str = ""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = Structure()
        self._heading: str | None = None
        self._heading_text: list[str] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._in_head = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.result.tags.append(tag)
        if tag in {"h2", "h3"}:
            self._heading, self._heading_text = tag, []
        elif tag == "table":
            self.result.tables.append(Table())
        elif tag == "thead":
            self._in_head = True
        elif tag == "tbody":
            self._in_head = False
        elif tag == "tr":
            self._row = []
        elif tag in {"td", "th"}:
            self._cell = []
        elif tag == "a":
            self.result.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._heading:
            getattr(self.result, tag).append("".join(self._heading_text).strip())
            self._heading = None
        elif tag in {"td", "th"} and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            table = self.result.tables[-1]
            if self._in_head:
                table.header = self._row
            else:
                table.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        self._text.append(data)
        if self._heading:
            self._heading_text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    def close(self) -> None:
        super().close()
        self.result.text = "".join(self._text)


def to_html(markdown: str) -> str:
    return str(preview.markdown_to_html(markdown))


def structure(markdown: str) -> Structure:
    reader = _Reader()
    reader.feed(to_html(markdown))
    reader.close()
    return reader.result


def assert_tables_whole(found: Structure) -> None:
    """No broken table: every body row has exactly the header's number of cells."""
    for table in found.tables:
        assert table.header, "a table without a header row"
        for row in table.rows:
            assert len(row) == len(table.header), (table.header, row)


def markdown_table_blocks(markdown: str) -> list[list[str]]:
    """Consecutive lines starting with `|`: each block is one table in the markdown source."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in [*markdown.split("\n"), ""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    return blocks


def assert_markdown_tables_whole(markdown: str) -> None:
    """GFM pads or drops cells silently, so check the source: every row splits like the header
    (the HTML check alone could not see a value that split a cell)."""
    for block in markdown_table_blocks(markdown):
        assert len(block) >= 2, block
        assert set(block[1].replace("|", "").replace("-", "").replace(":", "")) <= {" ", ""}, block
        separators = {line.count("|") - line.count("\\|") for line in block}
        assert len(separators) == 1, block
