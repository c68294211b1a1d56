"""Explicit `environments` of `.claude-preflight.yml` (name -> globs): they replace zero-config.

Globs are workspace-relative with `/`: `*` and `?` stay inside one folder, `**` crosses folders,
`[abc]` is a class and `{a,b}` an alternative, matched in linear time (`checker.scan.globs`). A
file matched by several environments belongs to the first one listed. Names are alias-mapped
(`prod` -> `production`); other names stay as written.

The group of a matched file is the one its zero-config layout would give, with the environment's
own names standing in for the alias list (`services/a/deploy/eu/app.yaml` with environment `eu` ->
group `services/a`); failing that, the folder before the deepest folder named after the
environment (`k8s/eu/app.yaml` -> `k8s`); failing that, `""`: the files listed for the environments
are taken as one app's config, so `ops/eu/app.yaml` (eu) and `ops/us/app.yaml` (us) compare.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from checker.scan.globs import GlobSet
from checker.scan.kinds import structured_format
from checker.scan.layouts import LayoutMatch, match_layout
from checker.workspace.names import CANONICAL_ALIASES, user_env


class ExplicitEnvironments:
    """Matches workspace paths against the configured globs of each environment."""

    def __init__(self, environments: Mapping[str, Sequence[str]]) -> None:
        self._patterns: list[tuple[str, GlobSet, frozenset[str]]] = []
        for given, globs in environments.items():
            environment = user_env(given)
            names = {given.strip().lower(), environment.lower()}
            names.update(CANONICAL_ALIASES.get(environment, ()))
            self._patterns.append((environment, GlobSet(globs), frozenset(names)))

    def match(self, parts: list[str]) -> LayoutMatch | None:
        """The environment, group and format of a path, or None when no glob matches it."""
        path = "/".join(parts)
        for environment, pattern, names in self._patterns:
            if not pattern.fullmatch(path):
                continue
            file_format = structured_format(parts[-1]) or "unknown"

            def env_of(
                raw: str, names: frozenset[str] = names, env: str = environment
            ) -> str | None:
                return env if raw.lower() in names else None

            layout = match_layout(parts, env_of)
            if layout is not None:
                return LayoutMatch(environment, layout.group, file_format)
            folder = parts[:-1]
            for index in range(len(folder) - 1, -1, -1):
                if folder[index].lower() in names:
                    return LayoutMatch(environment, "/".join(folder[:index]), file_format)
            return LayoutMatch(environment, "", file_format)
        return None
