"""Find environment config files and parse them, under the limits of `checker.workspace.limits`.

Zero-config layouts (SPEC section 2) apply unless `.claude-preflight.yml` lists `environments`,
which then replace them entirely. Every file that cannot be read or parsed becomes a finding
(CFG001 parse error, CFG003 skipped), never an exception.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Mapping, Sequence

from checker.findings import Finding, Location, make_finding
from checker.settings import Settings
from checker.workspace.explicit import ExplicitEnvironments
from checker.workspace.layouts import LayoutMatch, match_layout
from checker.workspace.limits import MAX_CONFIG_FILES
from checker.workspace.model import ConfigFile, WorkspaceScan
from checker.workspace.names import production_env, user_env
from checker.workspace.parsers import ParseError, SkipError, parse_text
from checker.workspace.reading import read_text
from checker.workspace.walk import Walker, shown_path

Matcher = Callable[[list[str]], LayoutMatch | None]


def scan_workspace(settings: Settings) -> WorkspaceScan:
    """Discover and parse every environment config file of the workspace.

    The cyclic garbage collector is paused meanwhile, and the result is frozen out of its reach
    afterwards: a monorepo scan allocates hundreds of thousands of objects that all live until
    the run ends, so every collection pass over them (here or in the checks after) is pure cost.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        scan = _scan(settings)
        gc.freeze()
        return scan
    finally:
        if collecting:
            gc.enable()


def _scan(settings: Settings) -> WorkspaceScan:
    matcher: Matcher = (
        ExplicitEnvironments(settings.environments).match
        if settings.environments is not None
        else match_layout
    )
    walker = Walker(str(settings.workspace), lambda parts: matcher(parts) is not None)
    scan = WorkspaceScan()
    matched: set[str] = set()
    for parts, path in walker.files():
        match = matcher(parts)
        if match is None:
            continue
        matched.add(match.environment)
        if len(scan.files) >= MAX_CONFIG_FILES:
            scan.findings.append(
                make_finding(
                    "CFG003",
                    f"Stopped after {MAX_CONFIG_FILES} config files; the rest were not read.",
                    details={"reason": "too many config files"},
                )
            )
            break
        relative = shown_path(parts)
        config, finding = load_config_file(path, relative, match)
        if config is not None:
            scan.files.append(config)
        if finding is not None:
            scan.findings.append(finding)
    scan.findings[:0] = walker.findings
    scan.files.sort(key=lambda config: config.path)
    scan.environments = sorted({config.environment for config in scan.files})
    if settings.environments is not None:
        scan.findings += _unmatched_environments(settings.environments, matched)
    scan.production = production_env(settings.production, scan.environments)
    return scan


def _unmatched_environments(
    configured: Mapping[str, Sequence[str]], matched: set[str]
) -> list[Finding]:
    """A configured environment whose globs match no file is almost always a typo in a glob."""
    return [
        make_finding(
            "CFG002",
            f"Environment `{name}` of `.claude-preflight.yml` matched no file: its globs "
            f"({', '.join(f'`{glob}`' for glob in globs) or 'none'}) are matched against "
            "workspace-relative paths, so nothing outside the workspace is ever read.",
            fix="Correct the globs (workspace-relative, `/`-separated, `**` crosses folders), "
            "or remove the environment.",
            environment=user_env(name),
        )
        for name, globs in configured.items()
        if user_env(name) not in matched
    ]


def load_config_file(
    path: str, relative: str, match: LayoutMatch
) -> tuple[ConfigFile | None, Finding | None]:
    """Read and parse one discovered file: the parsed file, or the finding that explains why not."""
    environment = match.environment
    if match.format == "unknown":
        return None, _skipped(
            relative,
            environment,
            "not a known config format (.yaml, .yml, .json, .toml, .properties, .env)",
        )
    try:
        text = read_text(path, match.format)
        values = parse_text(text, match.format, relative)
    except SkipError as skip:
        return None, _skipped(relative, environment, skip.reason)
    except ParseError as failure:
        return None, make_finding(
            "CFG001",
            f"`{relative}` is not valid {match.format}: {failure.message}.",
            environment=environment,
            location=Location(relative, failure.line, failure.column),
            details={"format": match.format},
        )
    except OSError as error:
        return None, _skipped(relative, environment, f"cannot be read ({error.strerror})")
    return ConfigFile(relative, environment, match.group, match.format, values), None


def _skipped(relative: str, environment: str, reason: str) -> Finding:
    return make_finding(
        "CFG003",
        f"Skipped `{relative}`: {reason}.",
        environment=environment,
        location=Location(relative),
        details={"reason": reason},
    )
