"""The sentences the summary and the console say about what was dropped or weakened, and by whom.

Built from the report's `dropped` findings and `settings` facts only, so every reporter says the
same thing: "SEC001 ignored by `.claude-preflight.yml`", never "Every required secret is present"
when the finding that would have said otherwise was dropped. Values are repository text: they sit
inside `` `...` `` spans, which the summary's `message` filter encodes and the console shows as
they are (`plain_text.visible`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import cast

from checker.findings import RULES
from checker.provenance import Origin, OriginKind
from checker.report import DroppedFinding, GateSetting, Report

MAX_LISTED = 20


def origin_text(kind: str, source: str) -> str:
    """`.claude-preflight.yml`, `--ignore`, input `ignore`, env var `X`, an inline comment."""
    return Origin(cast(OriginKind, kind), source).text


def blocking_drops(dropped: Iterable[DroppedFinding]) -> list[DroppedFinding]:
    """Dropped errors and warnings: findings a job could not have passed with."""
    return [item for item in dropped if item.severity in ("error", "warning")]


def ignored_by(dropped: Iterable[DroppedFinding]) -> str | None:
    """`SEC001 ignored by `.claude-preflight.yml`; MOD003 (2) at an inline comment`, per code."""
    counts = Counter((item.code, origin_text(item.origin, item.source)) for item in dropped)
    if not counts:
        return None
    parts = []
    for (code, origin), count in list(counts.items())[:MAX_LISTED]:
        times = f" ({count} findings)" if count > 1 else ""
        verb = "ignored by" if not origin.startswith("an inline") else "suppressed by"
        parts.append(f"{code}{times} {verb} {origin}")
    more = ", …" if len(counts) > MAX_LISTED else ""
    return "; ".join(parts) + more


def job_drops(report: Report, job: str) -> list[DroppedFinding]:
    """The dropped errors and warnings whose code belongs to one summary job."""
    return [item for item in blocking_drops(report.dropped) if _job(item.code) == job]


def _job(code: str) -> str:
    rule = RULES.get(code)
    return rule.job if rule else "tool"


def _setting_text(setting: GateSetting) -> str:
    return (
        f"`{setting.setting}: {setting.value}` from {origin_text(setting.origin, setting.source)}"
    )


def weakening_sentence(report: Report) -> str | None:
    """The settings that make this run check less, with their origins, inline ignores included."""
    parts = [_setting_text(setting) for setting in report.settings.weakening]
    inline = sum(1 for item in report.dropped if item.origin == "inline comment")
    if inline:
        parts.append(f"{inline} inline `claude-preflight: ignore` comment(s)")
    if not parts:
        return None
    return "Settings that weaken the gate: " + "; ".join(parts) + "."


def repository_config_sentence(report: Report) -> str | None:
    """What `repository-config: report` or `ignore` did with the repository's config file."""
    facts = report.settings
    if facts.repository_config == "ignore":
        return "The repository's config file was not read (`repository-config: ignore`)."
    if facts.repository_config != "report" or facts.config_file is None:
        return None
    head = f"`{facts.config_file}` was read but not applied (`repository-config: report`)"
    if facts.config_problem is not None:
        return f"{head}; it could not be shown: {facts.config_problem}"
    shown = [f"`{item.setting}: {item.value}`" for item in facts.not_applied[:MAX_LISTED]]
    return head + (": it sets " + ", ".join(shown) if shown else ": it sets nothing") + "."


def catalog_sentence(report: Report) -> str | None:
    """Where the user catalog contradicts the bundled lifecycle, with where it came from."""
    overrides = report.settings.catalog_overrides
    if not overrides:
        return None
    catalog = next((s for s in report.settings.weakening if s.setting == "catalog"), None)
    named = (
        f" `{catalog.value}` from {origin_text(catalog.origin, catalog.source)}" if catalog else ""
    )
    return f"The user catalog{named} overrides the bundled lifecycle: " + "; ".join(overrides) + "."


REPOSITORY_ORIGINS = frozenset({"config file", "inline comment"})


def weakened_by_repository(report: Report) -> bool:
    """The repository's own files (not the workflow) weakened this run: the header warns."""
    return (
        any(item.origin in REPOSITORY_ORIGINS for item in report.settings.weakening)
        or any(item.origin in REPOSITORY_ORIGINS for item in report.dropped)
        or bool(report.settings.catalog_overrides)
    )


def header_sentences(report: Report) -> list[str]:
    """Everything the summary's header and the console say about a weakened gate, in order."""
    found = [
        weakening_sentence(report),
        repository_config_sentence(report),
        catalog_sentence(report),
    ]
    dropped = ignored_by(report.dropped)
    if dropped:
        found.append(f"{len(report.dropped)} finding(s) not counted: {dropped}.")
    return [sentence for sentence in found if sentence]
