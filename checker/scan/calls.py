"""The scan's share of the request checks: each source file's Claude API calls (read by
`source_work`), and the models they import from other files, resolved once every file is read.

Only files whose lowered bytes hold a call word and a Claude word are parsed, so the cost stays
flat; the text of every Python and JavaScript file with a Claude signal is kept (within a budget)
until the end of the pass, because a call's `MODEL` may be imported from any of them. A reader
that fails on a file says so in a CFG003 notice and the scan goes on.
"""

from __future__ import annotations

import posixpath
from dataclasses import replace

from checker.findings import Finding, Location, make_finding
from checker.read.calls import (
    LANGUAGES,
    CallSite,
    FileCalls,
    ModelArg,
    Pending,
    has_call_signal,
    module_constants,
)
from checker.read.calls.resolve import candidates
from checker.scan.kinds import FileKind

MAX_CALL_SITES = 20_000
MAX_KEPT_CHARACTERS = 16_000_000
MAX_IMPORT_HOPS = 3


def worth_parsing(lowered: bytes, kind: FileKind) -> bool:
    """Could this source file hold a Claude API call? Only those are parsed for calls."""
    return kind.format in LANGUAGES and has_call_signal(lowered)


class CallCollector:
    """Call sites of the files seen so far, and the texts a pending import may need."""

    def __init__(self) -> None:
        self.sites: list[CallSite] = []
        self.findings: list[Finding] = []
        self._texts: dict[str, tuple[str, str]] = {}  # path -> (language, text)
        self._by_name: dict[str, list[str]] = {}
        self._kept = 0
        self._constants: dict[str, dict[str, ModelArg]] = {}
        self._full = False

    def keep(self, relative: str, text: str, kind: FileKind) -> None:
        """One source file with a Claude signal, already decoded: its text may define a model
        another file's call imports."""
        if kind.format not in LANGUAGES:
            return
        if self._kept + len(text) <= MAX_KEPT_CHARACTERS:
            self._kept += len(text)
            self._texts[relative] = (kind.format, text)
            self._by_name.setdefault(posixpath.basename(relative), []).append(relative)

    def add(self, relative: str, calls: FileCalls | None, failure: str = "") -> None:
        """One file's calls, as `find_calls` read them; `failure` names the reader's crash."""
        if failure:
            self._notice(relative, f"its reader failed ({failure})")
            return
        if calls is None:
            return
        if calls.error:
            self._notice(relative, calls.error)
        if calls.unread:
            self._notice(relative, f"it holds more calls than the {len(calls.sites):,} read")
        room = MAX_CALL_SITES - len(self.sites)
        if len(calls.sites) > room and not self._full:
            self._full = True
            self._notice(relative, f"the workspace holds more than {MAX_CALL_SITES:,} calls")
        self.sites += calls.sites[: max(room, 0)]

    def finish(self) -> list[CallSite]:
        """Every call site, its imported model resolved where the project defines it."""
        sites = []
        for found in self.sites:
            model = found.model
            if model is not None and model.pending is not None:
                resolved = self._resolve(model.pending, 0)
                model = ModelArg(resolved.value, model.via, resolved.pending)
                found = replace(found, model=model)  # noqa: PLW2901 - the resolved copy
            sites.append(found)
        sites.sort(key=lambda site: (site.file, site.line, site.column))
        self._texts.clear()
        self._constants.clear()
        return sites

    def _resolve(self, pending: Pending, hops: int) -> ModelArg:
        for path in candidates(pending, self._by_name):
            found = self._module(path).get(pending.name)
            if found is None:
                continue
            if found.pending is not None and hops < MAX_IMPORT_HOPS:
                return self._resolve(found.pending, hops + 1)
            return found
        return ModelArg(None, pending=pending)

    def _module(self, path: str) -> dict[str, ModelArg]:
        constants = self._constants.get(path)
        if constants is None:
            language, text = self._texts[path]
            try:
                constants = module_constants(text, language, path)
            except Exception:  # as in `add`: an unresolved import, not a crash
                constants = {}
            self._constants[path] = constants
        return constants

    def _notice(self, relative: str, reason: str) -> None:
        self.findings.append(
            make_finding(
                "CFG003",
                "calls_unchecked",
                file=relative,
                reason=reason,
                location=Location(relative),
                details={"reason": reason},
            )
        )
