""" "Did you mean": the known ID a mistyped one most likely meant, or nothing.

A wrong guess is worse than none: `claude-3-sonnet` suggesting `claude-sonnet-5` tells the user to
change generation, not spelling. So the family (fuzzy: `sonet` is `sonnet`) and the major version
written are hard limits, the exact generation is preferred, and among IDs about as close in
spelling an active model beats a retired one.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date

from checker.models.ids.catalog import ModelInfo

CUTOFF = 0.6  # difflib ratio below which nothing is suggested
AS_CLOSE = 0.05  # ratios this near the best count as "as close"
_PLATFORM_PARTS = re.compile(r"^(?:[a-z][a-z-]{1,9}\.)?anthropic\.|-v\d+(?::\d+)?$|[@-]\d{8}$")
_NUMBER = re.compile(r"^\d{1,2}$")
_WORD = re.compile(r"^[a-z]+$")


@dataclass(frozen=True, slots=True)
class Known:
    """One written form a suggestion may name, and the model it names."""

    written: str
    model: ModelInfo


@dataclass(frozen=True, slots=True)
class _Wanted:
    family: str | None
    version: tuple[int, ...]


def suggest(candidate: str, pool: list[Known], today: date | None = None) -> str | None:
    """The form in `pool` the cleaned `candidate` most likely meant; None rather than a guess
    across families or generations."""
    when = today or date.today()
    wanted = _parse(candidate, {known.model.family for known in pool if known.model.family})
    if wanted is None:
        return None
    options = pool
    if wanted.family is not None:
        options = [known for known in options if known.model.family == wanted.family]
    if wanted.version:
        options = [known for known in options if _version(known.model)[:1] == wanted.version[:1]]
        same = [known for known in options if _version(known.model) == wanted.version]
        options = same or options
    scored = [(difflib.SequenceMatcher(None, candidate, k.written).ratio(), k) for k in options]
    if not scored:
        return None
    best = max(score for score, _ in scored)
    if best < CUTOFF:
        return None
    close = [(score, known) for score, known in scored if score >= best - AS_CLOSE]
    active = [(score, known) for score, known in close if not known.model.is_retired(when)]
    chosen = max(active or close, key=lambda item: (item[0], item[1].written == item[1].model.id))
    return chosen[1].written


def _parse(candidate: str, families: set[str]) -> _Wanted | None:
    """Family and version numbers written: `claude-sonet-4-6` -> (sonnet, (4, 6)); 3.x IDs put
    the version first (`claude-3-5-haiku`)."""
    core = candidate
    while (shorter := _PLATFORM_PARTS.sub("", core)) != core:
        core = shorter
    parts = [part for part in core.split("-") if part]
    if parts and parts[0] == "claude":
        parts = parts[1:]
    words = [part for part in parts if _WORD.match(part)]
    version = tuple(int(part) for part in parts if _NUMBER.match(part))
    if not words:
        # `claude-2-1`: the 2.x models are named by version alone
        return _Wanted("claude" if "claude" in families else None, version)
    for word in words:
        match = difflib.get_close_matches(word, sorted(families), n=1, cutoff=0.75)
        if match:
            return _Wanted(match[0], version)
    return None  # a family word no catalog family is close to: a guess would be noise


def _version(model: ModelInfo) -> tuple[int, ...]:
    """`4.5` -> (4, 5); an entry without a generation (a user's, the live list's) is read from
    its ID: `claude-internal-7` -> (7,)."""
    try:
        written = tuple(int(part) for part in model.generation.split(".") if part)
    except ValueError:
        written = ()
    if written:
        return written
    parts = model.id.removeprefix("claude-").split("-")
    return tuple(int(part) for part in parts if _NUMBER.match(part))
