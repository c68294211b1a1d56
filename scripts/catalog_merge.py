"""Apply what the pages say to `catalog.json`'s entries: only the lifecycle fields, nothing else.

Owned here (rebuilt from the pages): `status`, `deprecated`, `retirement`, `retirement_not_before`,
`replacement`, `bedrock` (`ids`, `prefixes`, `profile_only`), `vertex`, `vertex_retirement`.
Kept as written: limits, aliases, names, notes, and every model the pages no longer list. A model
the overview or the status table lists that the catalog lacks is added, limits from the overview.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from catalog_pages import BedrockRow, OverviewModel, Replacement, StatusRow, VertexRow

Entry = dict[str, Any]
OWNED = (
    "status",
    "deprecated",
    "retirement",
    "retirement_not_before",
    "replacement",
    "bedrock.ids",
    "bedrock.prefixes",
    "bedrock.profile_only",
    "vertex",
    "vertex_retirement",
)
PREFIX_ORDER = {"global": 0, "us": 1, "eu": 2, "jp": 3, "apac": 4, "au": 5}
NEW_STYLE = re.compile(r"^claude-([a-z]+)-(\d+)(?:-(\d{1,2}))?(?:-(\d{8}))?$")
OLD_STYLE = re.compile(r"^claude-(\d+)(?:-(\d+))?-([a-z]+)(?:-(\d{8}))?$")
BEDROCK_SUFFIX = re.compile(r"-v\d+(?::\d+)?$")


@dataclass(frozen=True)
class Pages:
    overview: list[OverviewModel]
    statuses: list[StatusRow]
    replacements: list[Replacement]
    bedrock: list[BedrockRow]
    vertex: list[VertexRow]


@dataclass
class Outcome:
    """The refreshed entries and what changed, for the summary."""

    models: list[Entry]
    added: list[Entry] = field(default_factory=list)
    changes: dict[str, list[str]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


class _Index:
    """Finds the entry any written form of a model names: ID, alias, Bedrock or Vertex ID."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.forms: dict[str, Entry] = {}
        for entry in entries:
            self.add(entry)

    def add(self, entry: Entry) -> None:
        self.forms.setdefault(entry["id"], entry)
        for form in (*entry.get("aliases", ()), *entry.get("vertex", ())):
            self.forms.setdefault(form, entry)
        for form in (entry.get("bedrock") or {}).get("ids", ()):
            self.forms.setdefault(form, entry)

    def find(self, *forms: str, name: str | None = None) -> Entry | None:
        for form in forms:
            if form in self.forms:
                return self.forms[form]
        if name:
            return next((entry for entry in self.entries if entry.get("name") == name), None)
        return None


def merge(models: list[Entry], pages: Pages) -> Outcome:
    """The entries with every owned field set from the pages, and the changes it made."""
    before = {entry["id"]: _owned(entry) for entry in models}
    entries = copy.deepcopy(models)
    index = _Index(entries)
    outcome = Outcome(entries)
    listed: set[str] = set()
    for model in pages.overview:
        entry = index.find(model.id, *([model.alias] if model.alias else [])) or _add(
            outcome, index, model.id, model.name
        )
        entry["status"] = model.group
        listed.add(entry["id"])
        if _is_new(outcome, entry):
            entry.update(context_window=model.context_window, aliases=_alias(model))
            entry["max_output_tokens"] = model.max_output_tokens
            index.add(entry)
    for row in pages.statuses:
        entry = index.find(row.id) or _add(outcome, index, row.id, None)
        _apply_status(entry, row, decided=entry["id"] in listed, new=_is_new(outcome, entry))
    for replacement in pages.replacements:
        _apply_replacement(outcome, index, replacement)
    for bedrock in pages.bedrock:
        _apply_bedrock(outcome, index, bedrock)
    for vertex in pages.vertex:
        _apply_vertex(outcome, index, vertex)
    for entry in entries:
        old = before.get(entry["id"])
        new = _owned(entry)
        if old is not None and old != new:
            outcome.changes[entry["id"]] = [
                f"{key} {_shown(old[key])} -> {_shown(new[key])}"
                for key in OWNED
                if old[key] != new[key]
            ]
    outcome.models = outcome.added + [e for e in entries if not _is_new(outcome, e)]
    return outcome


def _is_new(outcome: Outcome, entry: Entry) -> bool:
    return any(added is entry for added in outcome.added)


def _apply_status(entry: Entry, row: StatusRow, *, decided: bool, new: bool) -> None:
    """Deprecated and retired come from the status table; active or legacy from the overview's
    group when it lists the model, else from the table."""
    undecided = not decided and (new or entry.get("status") not in ("active", "legacy"))
    if row.state in ("deprecated", "retired") or undecided:
        entry["status"] = row.state
    entry["deprecated"] = _iso(row.deprecated)
    entry["retirement"] = _iso(row.retirement)
    entry["retirement_not_before"] = _iso(row.not_before)


def _apply_replacement(outcome: Outcome, index: _Index, row: Replacement) -> None:
    entry = index.find(row.id)
    if entry is None:
        outcome.skipped.append(f"deprecation of {row.id}: not a catalog model")
        return
    if row.replacement:  # an announcement without one keeps the catalog's suggestion
        target = index.find(row.replacement)
        entry["replacement"] = target["id"] if target else row.replacement
    if entry.get("retirement") is None:
        entry["retirement"] = _iso(row.retirement)


def _apply_bedrock(outcome: Outcome, index: _Index, row: BedrockRow) -> None:
    derived = BEDROCK_SUFFIX.sub("", row.base_id.removeprefix("anthropic."))
    entry = index.find(row.base_id, derived, name=row.name)
    if entry is None:
        outcome.skipped.append(f"Bedrock row {row.name!r} ({row.base_id}): not a catalog model")
        return
    bedrock = entry.setdefault("bedrock", {"ids": [], "prefixes": None, "profile_only": False})
    bedrock["ids"] = [row.base_id, *(i for i in bedrock.get("ids", ()) if i != row.base_id)]
    bedrock["prefixes"] = sorted(row.prefixes, key=lambda name: (PREFIX_ORDER.get(name, 99), name))
    bedrock["profile_only"] = row.profile_only
    index.add(entry)


def _apply_vertex(outcome: Outcome, index: _Index, row: VertexRow) -> None:
    derived = row.vertex_id.replace("@", "-")
    entry = index.find(row.vertex_id, derived, name=row.name)
    if entry is None:
        outcome.skipped.append(f"Vertex row {row.name!r} ({row.vertex_id}): not a catalog model")
        return
    entry["vertex"] = [row.vertex_id, *(i for i in entry.get("vertex", ()) if i != row.vertex_id)]
    shutdown = _iso(row.shutdown)
    entry["vertex_retirement"] = shutdown if shutdown != entry.get("retirement") else None
    index.add(entry)


def _add(outcome: Outcome, index: _Index, model_id: str, name: str | None) -> Entry:
    family, generation, dated = _identity(model_id)
    entry: Entry = {
        "id": model_id,
        "name": name or _name(family, generation, model_id),
        "family": family,
        "generation": generation,
        "aliases": [],
        "pinned": True,
        "dateless": not dated and NEW_STYLE.match(model_id) is not None,
        "status": "active",
        "deprecated": None,
        "retirement": None,
        "retirement_not_before": None,
        "replacement": None,
        "context_window": None,
        "max_output_tokens": None,
        "bedrock": {"ids": [], "prefixes": None, "profile_only": False},
        "vertex": [],
        "vertex_retirement": None,
        "note": "Added by scripts/refresh_catalog.py from Anthropic's model pages.",
    }
    outcome.added.append(entry)
    index.entries.append(entry)
    index.add(entry)
    return entry


def _identity(model_id: str) -> tuple[str, str, bool]:
    """(family, generation, dated) from the ID: `claude-opus-5-5`, `claude-3-5-haiku-20241022`."""
    if match := NEW_STYLE.match(model_id):
        family, major, minor, day = match.groups()
        return family, f"{major}.{minor}" if minor else major, day is not None
    if match := OLD_STYLE.match(model_id):
        major, minor, family, day = match.groups()
        return family, f"{major}.{minor}" if minor else major, day is not None
    return "claude", model_id.removeprefix("claude-"), False


def _name(family: str, generation: str, model_id: str) -> str:
    if family == "claude":
        return f"Claude {generation}" if generation else model_id
    return f"Claude {family.capitalize()} {generation}"


def _alias(model: OverviewModel) -> list[str]:
    return [model.alias] if model.alias else []


def _owned(entry: Entry) -> dict[str, Any]:
    bedrock = entry.get("bedrock") or {}
    values = {key: entry.get(key) for key in OWNED if "." not in key}
    values.update(
        {f"bedrock.{key}": bedrock.get(key) for key in ("ids", "prefixes", "profile_only")}
    )
    return values


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _shown(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(str(item) for item in value) + "]"
    return str(value).lower() if isinstance(value, bool) else str(value)
