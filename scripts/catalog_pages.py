"""The four pages the catalog's lifecycle data follows, each read into plain records.

The layout each parser relies on, as the public pages have it:
- models overview: tables under "Latest models" and "Legacy models" headings, one column per
  model after `Feature`, one row per feature (`Claude API ID`, `Claude API alias`,
  `Context window`, `Max output`);
- deprecations: the "Model status" table (`API Model Name`, `Current State`, `Deprecated`,
  `Tentative Retirement Date`) and, under "Deprecation history", one table per announcement
  (`Retirement Date`, `Deprecated Model`, `Recommended Replacement`);
- Bedrock: the model table (`Model`, `Base Bedrock model ID`, then one Yes/No column per
  cross-region inference-profile prefix: `global`, `us`, `eu`, `jp`, `apac`, ...);
- Vertex: the model table (`Model`, `Model ID`, `Shutdown date`).
Anything else raises `PageError` (see `catalog_html`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from catalog_html import (
    BEDROCK_ID,
    FIRST_PARTY_ID,
    NOT_SOONER,
    PREFIX_HEADER,
    VERTEX_ID,
    PageError,
    find_tables,
    parse_date,
    parse_tokens,
    read_tables,
    yes_no,
)

OVERVIEW, DEPRECATIONS, BEDROCK, VERTEX = "models overview", "deprecations", "Bedrock", "Vertex"
OVERVIEW_GROUPS = (
    ("active", "latest models", "Latest models"),
    ("legacy", "legacy models", "Legacy models"),
)
OVERVIEW_ROWS = ("Claude API ID", "Context window", "Max output")
STATUS_COLUMNS = ("API Model Name", "Current State", "Deprecated", "Tentative Retirement Date")
HISTORY_COLUMNS = ("Retirement Date", "Deprecated Model", "Recommended Replacement")
BEDROCK_COLUMNS = ("Model", "Base Bedrock model ID")
VERTEX_COLUMNS = ("Model", "Model ID", "Shutdown date")
STATES = {"active": "active", "legacy": "legacy", "deprecated": "deprecated", "retired": "retired"}


@dataclass(frozen=True)
class OverviewModel:
    id: str
    name: str
    alias: str | None
    group: str  # "active" (Latest) or "legacy"
    context_window: int | None
    max_output_tokens: int | None


@dataclass(frozen=True)
class StatusRow:
    id: str
    state: str
    deprecated: date | None
    retirement: date | None
    not_before: date | None


@dataclass(frozen=True)
class Replacement:
    id: str
    replacement: str | None
    retirement: date | None


@dataclass(frozen=True)
class BedrockRow:
    name: str
    base_id: str
    prefixes: tuple[str, ...]
    profile_only: bool


@dataclass(frozen=True)
class VertexRow:
    name: str
    vertex_id: str
    shutdown: date | None


def parse_overview(html: str) -> list[OverviewModel]:
    """Every model of the Latest and Legacy tables, in page order."""
    tables = read_tables(html)
    models: list[OverviewModel] = []
    for group, keyword, title in OVERVIEW_GROUPS:
        found = [table for table in tables if table.under(keyword)]
        if not found:
            raise PageError(OVERVIEW, title, f"not found: expected a table under {title!r}")
        features = [table for table in found if table.header[:1] == ("Feature",)]
        if not features:
            header = ", ".join(repr(name) for name in found[0].header[:4])
            raise PageError(OVERVIEW, title, f"expected a first column 'Feature'; found {header}")
        for table in features:
            rows = {row[0]: row for row in table.rows if row}
            for label in OVERVIEW_ROWS:
                if label not in rows:
                    raise PageError(OVERVIEW, title, f"expected a row {label!r}")
            for column, name in enumerate(table.header[1:], start=1):
                match = FIRST_PARTY_ID.search(_cell(rows["Claude API ID"], column))
                if match is None:
                    raise PageError(OVERVIEW, title, f"no Claude API ID for {name!r}")
                alias = FIRST_PARTY_ID.search(_cell(rows.get("Claude API alias", ()), column))
                models.append(
                    OverviewModel(
                        id=match.group(0),
                        name=name,
                        alias=alias.group(0)
                        if alias and alias.group(0) != match.group(0)
                        else None,
                        group=group,
                        context_window=parse_tokens(_cell(rows["Context window"], column)),
                        max_output_tokens=parse_tokens(_cell(rows["Max output"], column)),
                    )
                )
    return models


def parse_deprecations(html: str) -> tuple[list[StatusRow], list[Replacement]]:
    """The status of every model, and each announcement's replacement."""
    tables = read_tables(html)
    title = "Model status"
    [(status, index)] = find_tables(tables, DEPRECATIONS, title, STATUS_COLUMNS, "model status")[:1]
    statuses = []
    for row in status.rows:
        match = FIRST_PARTY_ID.search(_cell(row, index["API Model Name"]))
        if match is None:
            continue
        state = _cell(row, index["Current State"]).lower()
        if state not in STATES:
            raise PageError(DEPRECATIONS, title, f"unexpected state {state[:30]!r}")
        deprecated = parse_date(_cell(row, index["Deprecated"]), DEPRECATIONS, title)
        retirement_text = _cell(row, index["Tentative Retirement Date"])
        tentative = NOT_SOONER.match(retirement_text) is not None
        day = parse_date(NOT_SOONER.sub("", retirement_text), DEPRECATIONS, title)
        firm = not tentative and STATES[state] in ("deprecated", "retired")
        statuses.append(
            StatusRow(
                id=match.group(0),
                state=STATES[state],
                deprecated=deprecated,
                retirement=day if firm else None,
                not_before=None if firm else day,
            )
        )
    history = find_tables(
        tables, DEPRECATIONS, "Deprecation history", HISTORY_COLUMNS, "deprecation history"
    )
    replacements = []
    for table, index in history:
        for row in table.rows:
            deprecated_ids = FIRST_PARTY_ID.findall(_cell(row, index["Deprecated Model"]))
            replacement = FIRST_PARTY_ID.search(_cell(row, index["Recommended Replacement"]))
            day = parse_date(_cell(row, index["Retirement Date"]), DEPRECATIONS, "history")
            replacements += [
                Replacement(model_id, replacement.group(0) if replacement else None, day)
                for model_id in deprecated_ids
            ]
    return statuses, replacements


def parse_bedrock(html: str) -> list[BedrockRow]:
    """Each model's base ID, its profile prefixes, and whether it is served only through them."""
    title = "model IDs"
    rows = []
    for table, index in find_tables(read_tables(html), BEDROCK, title, BEDROCK_COLUMNS, None):
        start = index["Base Bedrock model ID"] + 1
        prefixes = [
            (i, name.strip("`. ").lower())
            for i, name in enumerate(table.header[start:], start=start)
            if PREFIX_HEADER.match(name.strip("`. ").lower())
        ]
        if not prefixes:
            raise PageError(
                BEDROCK, title, "expected Yes/No columns per profile prefix (`us`, ...)"
            )
        for row in table.rows:
            match = BEDROCK_ID.search(_cell(row, index["Base Bedrock model ID"]))
            if match is None:
                continue
            offered = tuple(
                prefix for i, prefix in prefixes if yes_no(_cell(row, i), BEDROCK, title, prefix)
            )
            # The table lists base IDs as the root of profile IDs: a model that has profiles is
            # served on demand through them, not through its bare base ID.
            rows.append(
                BedrockRow(_cell(row, index["Model"]), match.group(0), offered, bool(offered))
            )
    return rows


def parse_vertex(html: str) -> list[VertexRow]:
    """Each model's Vertex ID and Vertex's own shutdown date."""
    title = "Claude models"
    rows = []
    for table, index in find_tables(read_tables(html), VERTEX, title, VERTEX_COLUMNS, None):
        for row in table.rows:
            match = VERTEX_ID.search(_cell(row, index["Model ID"]))
            if match is None:
                continue
            shutdown = parse_date(_cell(row, index["Shutdown date"]), VERTEX, title)
            rows.append(VertexRow(_cell(row, index["Model"]), match.group(0), shutdown))
    return rows


def _cell(row: tuple[str, ...], column: int) -> str:
    return row[column] if column < len(row) else ""
