#!/usr/bin/env python3
"""Rebuild the lifecycle fields of `checker/models/ids/catalog.json` from Anthropic's pages.

    python scripts/refresh_catalog.py --fetch
    python scripts/refresh_catalog.py --models-overview F --deprecations F --bedrock F --vertex F

Reads the models overview, the deprecations page, the Bedrock model table and the Vertex model
table (saved HTML copies, or with `--fetch` their public URLs), rebuilds status, deprecation and
retirement dates, replacements, Bedrock IDs / profile prefixes / profile-only and Vertex IDs /
shutdowns, keeps everything else (limits, aliases, notes), and prints what changed. The file is
written atomically and only when every table parsed and the result fits the catalog schema; on a
page whose structure changed it exits 1 naming the page and table, and leaves the file untouched.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from catalog_html import PageError  # noqa: E402 - scripts/ is on sys.path as the script's folder
from catalog_merge import Outcome, Pages, merge  # noqa: E402
from catalog_pages import (  # noqa: E402
    parse_bedrock,
    parse_deprecations,
    parse_overview,
    parse_vertex,
)

from checker.models.ids.catalog import BUNDLED_CATALOG  # noqa: E402 - needs ROOT on sys.path

URLS = {
    "models_overview": "https://platform.claude.com/docs/en/about-claude/models/overview",
    "deprecations": "https://platform.claude.com/docs/en/about-claude/model-deprecations",
    "bedrock": "https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock-legacy",
    "vertex": "https://cloud.google.com/vertex-ai/generative-ai/docs/partner-models/claude",
}
# An unchanged catalog keeps its as-of date until it is this old, so the weekly run opens a pull
# request for a real change, or about monthly to keep the date (and CFG004) honest.
RESTAMP_AFTER_DAYS = 30
FETCH_TIMEOUT_SECONDS = 30.0


class RefreshError(Exception):
    """The refresh cannot go on; the message says why, and nothing was written."""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    given = [f"--{key.replace('_', '-')}" for key in URLS if getattr(args, key) is not None]
    if args.fetch and given:
        parser.error(f"--fetch reads the public URLs: drop {', '.join(given)}")
    if not args.fetch and len(given) < len(URLS):
        missing = [f"--{key.replace('_', '-')}" for key in URLS if getattr(args, key) is None]
        parser.error(f"give {', '.join(missing)} (saved HTML), or --fetch")
    path: Path = args.catalog
    today: date = args.today or date.today()
    try:
        html = _fetch_all() if args.fetch else _read_all(args)
        pages = _parse(html, URLS if args.fetch else {key: getattr(args, key) for key in URLS})
        catalog = json.loads(path.read_text(encoding="utf-8"))
        outcome = merge(list(catalog.get("models", [])), pages)
        refreshed = _refreshed(catalog, outcome, today)
        _validate(refreshed)
    except (RefreshError, OSError, ValueError) as error:
        sys.stderr.write(f"refresh_catalog: {error}\n{path.name} was not changed.\n")
        return 1
    text = json.dumps(refreshed, indent=2, ensure_ascii=False) + "\n"
    if text == path.read_text(encoding="utf-8"):
        as_of = catalog.get("as_of")
        sys.stdout.write(f"No change: {path} already matches the pages (as of {as_of}).\n")
    else:
        try:
            _write_atomically(path, text)
        except OSError as error:
            sys.stderr.write(f"refresh_catalog: cannot write {path}: {error}\n")
            return 1
        sys.stdout.write(_summary(path, outcome, refreshed["as_of"]))
    for note in outcome.skipped:
        sys.stdout.write(f"  skipped: {note}\n")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    for name, page in (
        ("models-overview", "the models overview page"),
        ("deprecations", "the model deprecations page"),
        ("bedrock", "the Bedrock model table page"),
        ("vertex", "the Vertex model table page"),
    ):
        parser.add_argument(f"--{name}", type=Path, metavar="FILE", help=f"saved HTML of {page}")
    parser.add_argument("--catalog", type=Path, default=BUNDLED_CATALOG, help="catalog to update")
    parser.add_argument("--fetch", action="store_true", help="download the pages from their URLs")
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="date to stamp (default: today)",
    )
    return parser


def _read_all(args: argparse.Namespace) -> dict[str, str]:
    return {key: getattr(args, key).read_text(encoding="utf-8") for key in URLS}


def _fetch_all() -> dict[str, str]:
    import httpx  # noqa: PLC0415 - only a fetching run needs it

    pages = {}
    headers = {"User-Agent": "claude-preflight-catalog-refresh"}
    for key, url in URLS.items():
        try:
            response = httpx.get(
                url, headers=headers, follow_redirects=True, timeout=FETCH_TIMEOUT_SECONDS
            )
            response.raise_for_status()
        except httpx.HTTPError as error:
            raise RefreshError(f"cannot fetch {url}: {type(error).__name__}: {error}") from None
        pages[key] = response.text
    return pages


def _parse(html: dict[str, str], sources: dict[str, Any]) -> Pages:
    """Every page parsed, or a RefreshError naming the page's file or URL too."""
    key = "models_overview"
    try:
        overview = parse_overview(html[key])
        key = "deprecations"
        statuses, replacements = parse_deprecations(html[key])
        key = "bedrock"
        bedrock = parse_bedrock(html[key])
        key = "vertex"
        vertex = parse_vertex(html[key])
    except PageError as error:
        raise RefreshError(f"{error} (read from {sources[key]})") from None
    return Pages(overview, statuses, replacements, bedrock, vertex)


def _refreshed(catalog: dict[str, Any], outcome: Outcome, today: date) -> dict[str, Any]:
    """The catalog with its models refreshed, its as-of date and its page sources updated."""
    refreshed = {**catalog, "models": outcome.models}
    changed = outcome.models != catalog.get("models")
    if changed or _age(catalog.get("as_of"), today) > RESTAMP_AFTER_DAYS:
        refreshed["as_of"] = today.isoformat()
    sources = catalog.get("sources") or []
    sources = [sources] if isinstance(sources, str) else list(sources)
    sources += [url for url in URLS.values() if not any(url in source for source in sources)]
    refreshed["sources"] = sources
    return refreshed


def _age(as_of: object, today: date) -> int:
    try:
        return (today - date.fromisoformat(str(as_of))).days
    except ValueError:
        return RESTAMP_AFTER_DAYS + 1


def _validate(catalog: dict[str, Any]) -> None:
    """Never write a catalog the gate would not load."""
    from checker.models.ids.catalog_schema import validate_bundled  # noqa: PLC0415

    try:
        validate_bundled(catalog)
    except ValueError as error:
        raise RefreshError(f"the refreshed catalog does not fit the schema: {error}") from None


def _write_atomically(path: Path, text: str) -> None:
    """A temporary file beside the catalog, then one rename: readers see old or new, never half."""
    mode = path.stat().st_mode & 0o777
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _summary(path: Path, outcome: Outcome, as_of: str) -> str:
    lines = [f"Refreshed {path} (as of {as_of}):"]
    lines += [f"  added {entry['id']} ({entry['name']})" for entry in outcome.added]
    for model_id, changes in outcome.changes.items():
        lines.append(f"  {model_id}: {'; '.join(changes)}")
    count = f"{len(outcome.added)} added, {len(outcome.changes)} changed"
    lines.append(f"{count}." if outcome.added or outcome.changes else "No model changed.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
