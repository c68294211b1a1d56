"""`claude-preflight fix [WORKSPACE] [--dry-run]`: apply the fixes a machine can apply, in place.

It runs the offline gate, applies the value fixes its findings name, and runs the gate again to
see what is left: a fix can reveal the next one (a replacement that is itself an alias), so it
repeats a few rounds at most. It prints one unified diff per file of everything it changed
(`--dry-run`: would change; nothing is written). Exit 0 when nothing fixable is left, 1 otherwise,
2 on a usage error; every line it prints passes the redactor, as the gate's own output does.
"""

from __future__ import annotations

import argparse
import difflib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, NoReturn, TextIO

from checker.context import RunContext
from checker.errors import UsageError
from checker.fix.edits import encoding_of
from checker.fix.plan import FileChange, plan_changes
from checker.fix.targets import LeftAlone, Target, fix_targets
from checker.fix.writer import WriteRefusedError, write_atomically
from checker.redaction import ALWAYS_SECRET_ENV, Redactor
from checker.report import Report
from checker.scan.kinds import RUNTIME, Tier, tier_of
from checker.scan.suppress import PathGlobs
from checker.settings import Settings, load_settings

if TYPE_CHECKING:
    from checker.models.ids.normalize import Normalizer

EXIT_CLEAN, EXIT_LEFT, EXIT_USAGE = 0, 1, 2
MAX_ROUNDS = 3
PREFIX = "claude-preflight fix: "


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="claude-preflight fix",
        description="Apply the model-ID fixes the gate names (MOD007, MOD005, MOD003, MOD011) "
        "in place, changing only the bytes of each value, and print a unified diff.",
    )
    parser.add_argument("workspace", nargs="?", default=None, help="repository (default: .)")
    parser.add_argument(
        "--dry-run", action="store_true", help="print the diff of what would change; write nothing"
    )
    return parser


def fix_main(
    argv: Sequence[str], environ: Mapping[str, str], *, stdout: TextIO, stderr: TextIO
) -> int:
    """Parse `fix`'s arguments and run it; never raises."""
    redact = Redactor(environ.get(name, "") for name in ALWAYS_SECRET_ENV)
    try:
        arguments = build_parser().parse_args(list(argv))
        settings = load_settings({"live-check": "off"}, environ, workspace=arguments.workspace)
    except UsageError as error:
        stderr.write(redact(f"claude-preflight fix: error: {error}") + "\n")
        return EXIT_USAGE
    for name in settings.required_secrets:
        redact.add(environ.get(name, ""))
    try:
        return _Fixer(settings, environ, redact, stdout, dry_run=arguments.dry_run).run()
    except Exception as error:  # a bug costs the run, never a traceback
        stderr.write(
            redact(f"{PREFIX}internal error ({type(error).__name__}); files already written stay")
            + "\n"
        )
        return EXIT_LEFT


class _Fixer:
    """The rounds of one `fix` run and what they changed."""

    def __init__(
        self,
        settings: Settings,
        environ: Mapping[str, str],
        redact: Callable[[str], str],
        stdout: TextIO,
        *,
        dry_run: bool,
    ) -> None:
        self.settings = settings
        self.environ = environ
        self.redact = redact
        self.stdout = stdout
        self.dry_run = dry_run
        self.tier = _tier_function(settings)
        self.originals: dict[str, bytes] = {}
        self.finals: dict[str, bytes] = {}
        self.applied: list[Target] = []
        self.left: dict[str, LeftAlone] = {}

    def run(self) -> int:
        normalizer = _normalizer(self.settings)
        pending: list[Target] = []
        for round_number in range(MAX_ROUNDS + 1):
            report = _offline_gate(self.settings, self.environ)
            targets, left = fix_targets(report.findings, normalizer, self.tier)
            self._remember(left)
            pending = [t for t in targets if t.where not in self.left]
            if not pending or round_number == MAX_ROUNDS:
                break
            changes, refused = plan_changes(self.settings.workspace, pending, _skipped(report))
            self._remember(refused)
            if self.dry_run:
                for change in changes:
                    self._record(change)
                pending = []
                break
            if not self._write(changes):
                pending = []
                break
        self._print(pending)
        blocking = [item for item in self.left.values() if item.blocking]
        would_change = self.dry_run and bool(self.applied)
        return EXIT_LEFT if pending or blocking or would_change else EXIT_CLEAN

    def _remember(self, items: list[LeftAlone]) -> None:
        for item in items:
            self.left.setdefault(item.where, item)

    def _write(self, changes: list[FileChange]) -> bool:
        """Write each change; False when nothing could be written (no reason for another round)."""
        written = False
        for change in changes:
            try:
                write_atomically(change.path, change.after, expected=change.before)
            except (WriteRefusedError, OSError) as error:
                reason = getattr(error, "reason", None) or f"could not be written ({error})"
                self._remember([LeftAlone(t.code, t.where, reason) for t in change.applied])
                continue
            self._record(change)
            written = True
        return written

    def _record(self, change: FileChange) -> None:
        self.originals.setdefault(change.relative, change.before)
        self.finals[change.relative] = change.after
        self.applied += change.applied

    def _print(self, pending: list[Target]) -> None:
        out: list[str] = []
        for relative in sorted(self.finals):
            out += _diff(relative, self.originals[relative], self.finals[relative])
        verb = "would change" if self.dry_run else "changed"
        if self.applied:
            counts = Counter(target.code for target in self.applied)
            codes = ", ".join(f"{code} x{count}" for code, count in sorted(counts.items()))
            out.append(
                f"{PREFIX}{verb} {_plural(len(self.applied), 'value')} in "
                f"{_plural(len(self.finals), 'file')} ({codes})."
            )
        quiet: Counter[str] = Counter()
        for item in self.left.values():
            if item.blocking:
                out.append(f"{PREFIX}left alone {item.where} ({item.code}): {item.reason}.")
            else:
                quiet[item.reason] += 1
        for reason, count in sorted(quiet.items()):
            out.append(f"{PREFIX}left {_plural(count, 'value')} as written: {reason}.")
        for target in pending:
            out.append(f"{PREFIX}still to fix {target.where} ({target.code}): `{target.new}`.")
        if self.dry_run and self.applied:
            out.append(f"{PREFIX}dry run: nothing was written; run without --dry-run to apply.")
        elif not self.applied and not any(item.blocking for item in self.left.values()):
            out.append(f"{PREFIX}nothing to fix.")
        self.stdout.write(self.redact("".join(_line(text) for text in out)))
        self.stdout.flush()


def _offline_gate(settings: Settings, environ: Mapping[str, str]) -> Report:
    from checker.pipeline import run_gate  # noqa: PLC0415 - the gate's modules load on use

    return run_gate(settings, RunContext(), environ)


def _normalizer(settings: Settings) -> Normalizer:
    from checker.models.ids.catalog import load_catalog  # noqa: PLC0415
    from checker.models.ids.normalize import Normalizer  # noqa: PLC0415

    return Normalizer(load_catalog(settings.catalog_path))


def _skipped(report: Report) -> set[str]:
    """Files the scan said it skipped (CFG003): never written."""
    return {f.file for f in report.findings if f.code == "CFG003" and f.file}


def _tier_function(settings: Settings) -> Callable[[str], Tier]:
    """A path's tier as the scan decides it, `include` globs moving paths back to runtime."""
    include = PathGlobs(settings.include)

    def tier(relative: str) -> Tier:
        found = tier_of(relative.split("/"))
        return RUNTIME if found != RUNTIME and include.matches(relative) else found

    return tier


def _diff(relative: str, before: bytes, after: bytes) -> list[str]:
    encoding = encoding_of(before, None)
    old = before.decode(encoding, "replace").splitlines(keepends=True)
    new = after.decode(encoding, "replace").splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, f"a/{relative}", f"b/{relative}")
    out = []
    for line in lines:
        body = line.removesuffix("\n").removesuffix("\r")
        out.append(body)
        if not line.endswith("\n") and line[:1] in " +-":
            out.append("\\ No newline at end of file")
    return out


def _line(text: str) -> str:
    return text + "\n"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
