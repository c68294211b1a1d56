"""Environment names: the aliases of SPEC section 2 and which environment is production."""

from __future__ import annotations

from collections.abc import Iterable

from checker.vocabulary import ENVIRONMENT_ALIASES

CANONICAL_ALIASES = ENVIRONMENT_ALIASES

ALIASES: dict[str, str] = {
    alias: canonical for canonical, names in CANONICAL_ALIASES.items() for alias in names
}


def canonical_env(name: str) -> str | None:
    """The canonical name of a zero-config environment name (case-insensitive), or None."""
    return ALIASES.get(name.lower())


def user_env(name: str) -> str:
    """A name from the config file: an alias maps to its canonical name, any other name stays."""
    stripped = name.strip()
    return canonical_env(stripped) or stripped


def production_env(chosen: str | None, environments: Iterable[str]) -> str | None:
    """`--production` (alias-mapped) when given, else `production` when it was found, else None."""
    if chosen and chosen.strip():
        return user_env(chosen)
    return "production" if "production" in set(environments) else None
