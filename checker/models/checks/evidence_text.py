"""How MOD006 says which evidence decided: the statement, or what the inference rests on."""

from __future__ import annotations

from collections.abc import Mapping

from checker.models.checks.final import Expected
from checker.models.collect import Evidence, ModelUse
from checker.models.context import where

MAX_SHOWN = 2  # siblings and settings named in a message; the rest are counted


def evidence_text(use: ModelUse, expected: Expected, names: Mapping[str, str]) -> str:
    """`provider` at config/production.yaml:3, or, inferred: "no provider is stated, but
    staging's `ANTHROPIC_MODEL` uses the Claude API form at .env.staging:3, and this file reads
    `ANTHROPIC_API_KEY` at line 1"."""
    if expected.evidence is not None:
        evidence = expected.evidence
        return f"`{evidence.key_path}` at {where(evidence.location.file, evidence.location.line)}"
    inferred = expected.inferred
    if inferred is None:
        return "no provider is stated"
    form = names.get(inferred.platform, inferred.platform)
    parts = [
        f"{sibling.environment}'s `{sibling.key_path}` uses the {form} form at "
        f"{where(sibling.location.file, sibling.location.line)}"
        for sibling in inferred.siblings[:MAX_SHOWN]
    ]
    if len(inferred.siblings) > MAX_SHOWN:
        parts.append(f"{len(inferred.siblings) - MAX_SHOWN} more environments do too")
    parts += [_reads(use, item) for item in inferred.credentials[:MAX_SHOWN]]
    return "no provider is stated, but " + _join(parts)


def _reads(use: ModelUse, item: Evidence) -> str:
    variable = item.variable or item.key_path
    if item.location.file == use.location.file:
        return f"this file reads `{variable}` at line {item.location.line}"
    return f"`{item.location.file}` reads `{variable}` at line {item.location.line}"


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + ", and " + parts[-1]
