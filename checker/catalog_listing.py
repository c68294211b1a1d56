"""`--catalog`: what the gate believes about every model, so a user can see why a model passed.

Plain text, one block per model, in catalog order, after the catalog's as-of date and sources.
Every line goes through the same redaction as `--explain`: a user's `catalog:` file is theirs to
fill, and nothing it holds leaves the process unredacted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import TextIO

from checker.errors import UsageError
from checker.models.ids.catalog import Catalog, ModelInfo, load_catalog

LABEL_WIDTH = 13


def list_catalog(
    given: Mapping[str, str | None],
    environ: Mapping[str, str],
    *,
    workspace: str | None,
    stdout: TextIO,
    stderr: TextIO,
    redact: Callable[[str], str],
    today: date | None = None,
) -> int:
    """Print the catalog the gate would use (with the config's `catalog:` entries); exit 0,
    or 2 when the settings or the user catalog are invalid."""
    from checker.settings import load_settings  # noqa: PLC0415 - only this command needs it

    try:
        user_path = load_settings(given, environ, workspace=workspace).catalog_path
    except UsageError as error:
        stderr.write(redact(f"claude-preflight: error: {error}") + "\n")
        return 2
    lines = render_catalog(load_catalog(user_path), today or date.today(), user_path=user_path)
    stdout.write("".join(redact(line) + "\n" for line in lines))
    return 0


def render_catalog(catalog: Catalog, today: date, *, user_path: Path | None) -> list[str]:
    """The whole listing as lines: header, then one block per model."""
    lines = ["claude-preflight model catalog", f"As of: {catalog.as_of}{_age(catalog, today)}"]
    if catalog.sources:
        lines.append("Sources:")
        lines += [f"  - {source}" for source in catalog.sources]
    if user_path is not None:
        lines.append(
            f"User entries: {user_path} (config key `catalog:`; they override the bundled "
            "entries of the same ID)"
        )
    lines.append(f"Models: {len(catalog.models)}, status as of {today.isoformat()}")
    for model in catalog.models.values():
        lines += ["", *_block(model, today)]
    return lines


def _age(catalog: Catalog, today: date) -> str:
    try:
        days = (today - date.fromisoformat(catalog.as_of)).days
    except ValueError:
        return " (not a date: its age is unknown)"
    return f" ({days} days old)" if days >= 0 else ""


def _block(model: ModelInfo, today: date) -> list[str]:
    rows = [
        ("status", model.status_on(today)),
        ("aliases", ", ".join(model.aliases) or "none"),
        ("deprecated", _day(model.deprecated)),
        ("retirement", _retirement(model)),
        ("replacement", model.replacement or "none"),
        ("context", _tokens(model.context_window)),
        ("max output", _tokens(model.max_output_tokens)),
        ("bedrock", ", ".join(model.bedrock_ids) or "none"),
        ("profiles", _profiles(model)),
        ("on demand", _on_demand(model)),
        ("vertex", ", ".join(model.vertex_ids) or "none"),
        ("vertex end", _vertex_end(model)),
    ]
    head = model.id if model.name == model.id else f"{model.id}  {model.name}"
    return [head] + [f"  {label + ':':<{LABEL_WIDTH}} {value}" for label, value in rows]


def _day(value: date | None) -> str:
    return value.isoformat() if value else "none"


def _retirement(model: ModelInfo) -> str:
    if model.retirement is not None:
        return model.retirement.isoformat()
    if model.retirement_not_before is not None:
        return f"not announced (not sooner than {model.retirement_not_before.isoformat()})"
    return "not announced"


def _tokens(value: int | None) -> str:
    return f"{value:,} tokens" if value else "unknown"


def _profiles(model: ModelInfo) -> str:
    if not model.bedrock_ids:
        return "none"
    if model.bedrock_prefixes is None:
        return "unknown (every prefix is accepted)"
    prefixes = model.profile_prefixes()
    if not prefixes:
        return "none"
    listed = ", ".join(f"{prefix}." for prefix in prefixes)
    return f"{listed} (e.g. {model.profile_ids()[0]})"


def _on_demand(model: ModelInfo) -> str:
    if not model.bedrock_ids:
        return "not on Bedrock"
    if model.bedrock_profile_only:
        return "profile only: a bare base ID fails on Bedrock"
    return "base ID accepted (not known to need a profile)"


def _vertex_end(model: ModelInfo) -> str:
    if not model.vertex_ids:
        return "not on Vertex"
    if model.vertex_retirement is not None:
        return f"{model.vertex_retirement.isoformat()} (Vertex's own shutdown)"
    return "as the Claude API"
