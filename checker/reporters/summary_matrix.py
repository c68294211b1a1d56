"""The drift matrix: one row per model slot, one column per environment, production first.

Each row is compared with the value that was tested before production (its pre-production
environment's), so the cell that would ship an untested model stands out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from checker.report import SHARED_COLUMN, EnvironmentFacts
from checker.vocabulary import ENVIRONMENT_ALIASES, PRE_PRODUCTION_ORDER

Matrix = Mapping[str, Mapping[str, str]]  # environment -> slot -> model ID

PRODUCTION_NAMES = ENVIRONMENT_ALIASES["production"]
# Each pre-production environment with its spellings, nearest to production first.
PRE_PRODUCTION_SPELLINGS = tuple(ENVIRONMENT_ALIASES[name] for name in PRE_PRODUCTION_ORDER)
MAX_ENVIRONMENTS = 12


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    production: bool
    pre_production: bool
    provider: str | None


@dataclass(frozen=True, slots=True)
class Cell:
    """`mark`: "" same as the reference, "blocks" production differs, "differs", "missing",
    "respelled" (the same model as the reference, written another way: no drift)."""

    value: str | None
    mark: str


@dataclass(frozen=True, slots=True)
class Row:
    slot: str
    cells: list[Cell]

    @property
    def differs(self) -> bool:
        return any(cell.mark and cell.mark not in ("respelled", "inherits") for cell in self.cells)

    @property
    def group(self) -> str:
        return _group(self.slot)

    @property
    def key(self) -> str:
        return self.slot.rpartition(":")[2]


@dataclass(frozen=True, slots=True)
class MatrixView:
    columns: list[Column]
    rows: list[Row]
    reference: str | None
    cut_rows: int = 0

    @property
    def differing(self) -> int:
        return sum(row.differs for row in self.rows)

    @property
    def marks(self) -> frozenset[str]:
        """The marks present, so the legend explains only what is shown."""
        return frozenset(cell.mark for row in self.rows for cell in row.cells if cell.mark)


def matrix_view(
    models: Matrix,
    environments: Mapping[str, EnvironmentFacts],
    max_rows: int | None = None,
    canonical: Matrix | None = None,
) -> MatrixView:
    """The matrix; with `max_rows`, differing rows are kept first and the rest counted.

    `canonical` (environment -> slot -> canonical model ID) tells a different model from the same
    model written another way; without it, any different text is a difference.
    """
    table = models
    canonical_table = canonical or {}
    columns = _columns(list(table), environments)[:MAX_ENVIRONMENTS]
    production = next((c.name for c in columns if c.production), None)
    reference = next((c.name for c in columns if c.pre_production), None) or production
    slots = sorted({slot for slots in table.values() for slot in slots})
    rows = [
        _row(slot, columns, table, canonical_table, reference=reference, production=production)
        for slot in slots
    ]
    if max_rows is None or len(rows) <= max_rows:
        return MatrixView(columns, rows, reference)
    kept = sorted(rows, key=lambda row: not row.differs)[:max_rows]
    kept.sort(key=lambda row: row.slot)
    return MatrixView(columns, kept, reference, cut_rows=len(rows) - len(kept))


def _columns(names: list[str], environments: Mapping[str, EnvironmentFacts]) -> list[Column]:
    """Production first, then what was tested before it; by the facts the model checks stated,
    else (an environment they say nothing about) by name."""
    stated = {name: environments[name] for name in names if name in environments}
    flagged_production = [name for name, facts in stated.items() if facts.production]
    production = flagged_production[0] if flagged_production else _by_name(names, PRODUCTION_NAMES)
    flagged_pre = [n for n, facts in stated.items() if facts.pre_production and n != production]
    pre = flagged_pre[0] if flagged_pre else None
    if pre is None and not stated:
        rest = [name for name in names if name != production]
        pre = next(
            (_by_name(rest, group) for group in PRE_PRODUCTION_SPELLINGS if _by_name(rest, group)),
            None,
        )

    def rank(name: str) -> tuple[int, str]:
        if name == production:
            return (0, name)
        if name == pre:
            return (1, name)
        for position, group in enumerate(PRE_PRODUCTION_SPELLINGS):
            if name.lower() in group:
                return (2 + position, name)
        return (9, name)

    return [
        Column(
            name,
            production=name == production,
            pre_production=name == pre,
            provider=(stated[name].provider or None) if name in stated else None,
        )
        for name in sorted(names, key=rank)
    ]


def _by_name(names: list[str], candidates: tuple[str, ...]) -> str | None:
    return next((name for name in names if name.lower() in candidates), None)


def _row(
    slot: str,
    columns: list[Column],
    table: Matrix,
    canonical: Matrix,
    *,
    reference: str | None,
    production: str | None,
) -> Row:
    values = [table.get(column.name, {}).get(slot) for column in columns]
    models = [canonical.get(column.name, {}).get(slot) for column in columns]
    base = table.get(SHARED_COLUMN, {}).get(slot)
    present = [
        value
        for column, value in zip(columns, values, strict=True)
        if value is not None and column.name != SHARED_COLUMN
    ]
    tested = table.get(reference, {}).get(slot) if reference else None
    expected = tested
    if expected is None and present:
        expected = Counter(present).most_common(1)[0][0]
    expected_model = next(
        (model for value, model in zip(values, models, strict=True) if value == expected), None
    )
    group = _group(slot)
    cells = []
    for column, value, model in zip(columns, values, models, strict=True):
        if column.name == SHARED_COLUMN:
            mark = ""
        elif value is None and base is not None:
            mark = "inherits"
        elif value is None:
            has_group = any(_group(other) == group for other in table.get(column.name, {}))
            mark = "missing" if present and has_group else ""
        elif value == expected:
            mark = ""
        elif model is not None and model == expected_model:
            mark = "respelled"
        elif column.name == production and reference != production and tested is not None:
            mark = "blocks"
        else:
            mark = "differs"
        cells.append(Cell(value, mark))
    return Row(slot, cells)


def _group(slot: str) -> str:
    """`services/billing:llm.model` -> `services/billing`; ungrouped slots share one group."""
    return slot.rpartition(":")[0]
