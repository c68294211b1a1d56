"""The one pass over the workspace: each listed file read once, classified once, turned into values.

For each file, in this order: `exclude` drops it; its tier and reader come from its path
(`kinds`); an environment layout (`layouts`, or the `environments` globs of `.claude-preflight.yml`,
which replace the layouts) attributes it to an environment; wrangler, samconfig and Helm bases are
split into sections (`sections`); any other file with a Claude signal is a shared source. The
same bytes feed the committed-key search (SEC007) and the inline ignore comments. Every file that
cannot be read or parsed becomes a finding (CFG001, CFG003), never an exception.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from checker.findings import Finding, Location, Severity, make_finding
from checker.read.source import language_of
from checker.scan.calls import CallCollector, worth_parsing
from checker.scan.explicit import ExplicitEnvironments
from checker.scan.files import list_workspace, read_bytes, skipped
from checker.scan.globs import long_glob_findings
from checker.scan.kinds import NON_RUNTIME, RUNTIME, FileKind, kind_of
from checker.scan.layouts import LayoutMatch, match_layout
from checker.scan.litellm import is_litellm_config, keyed_by_name
from checker.scan.promptfoo import is_promptfoo_config, with_provider_models
from checker.scan.readers import decode, has_any_signal, has_signal, read_values, text_values
from checker.scan.runenv import run_environment_file
from checker.scan.sections import HELM_BASES, SECTION_FILES, split_sections
from checker.scan.source_work import SourceJob, SourceResult, SourceWork, usable_workers
from checker.scan.suppress import PathGlobs, Suppression, inline_ignores
from checker.scan.walk import shown_path
from checker.settings import Settings
from checker.workspace.limits import MAX_CONFIG_FILES
from checker.workspace.model import ConfigFile, ConfigValue, WorkspaceScan
from checker.workspace.names import canonical_env, production_env, user_env
from checker.workspace.parsers import ParseError, SkipError

Matcher = Callable[[list[str]], LayoutMatch | None]
SCAN_BUDGET_SECONDS = 20.0
MAX_COMMITTED_FINDINGS = 100


def scan_workspace(
    settings: Settings,
    environ: Mapping[str, str] | None = None,
    *,
    run_key: str | None = None,
    workers: int | None = None,
) -> WorkspaceScan:
    """Read the workspace once; `environ` is the run's own environment (its model variables).
    `workers`: processes that read source files beside the pass (`source_work`); None: as many
    as the machine's CPUs allow, 0: none.

    The cyclic garbage collector is paused meanwhile, and the result is frozen out of its reach
    afterwards: a monorepo scan allocates hundreds of thousands of objects that all live until
    the run ends, so every collection pass over them (here or in the checks after) is pure cost.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        scan = _Pass(settings, run_key, usable_workers() if workers is None else workers).run()
        run_file = run_environment_file(environ or {})
        if run_file is not None:
            scan.files.append(run_file)
        gc.freeze()
        return scan
    finally:
        if collecting:
            gc.enable()


class _Pass:
    """The state of one pass: the settings' matchers and what has been found so far."""

    def __init__(self, settings: Settings, run_key: str | None, workers: int) -> None:
        self.settings = settings
        self.run_key = run_key
        self.explicit = settings.environments is not None
        self.matcher: Matcher = (
            ExplicitEnvironments(settings.environments).match
            if settings.environments is not None
            else match_layout
        )
        self.include = PathGlobs(settings.include)
        self.exclude = PathGlobs(settings.exclude)
        self.production = user_env(settings.production) if settings.production else "production"
        self.scan = WorkspaceScan(suppression=Suppression())
        self.calls = CallCollector()
        self.sources = SourceWork(workers)
        self.matched: set[str] = set()
        self.helm_folders: set[str] = set()
        self.attributed = 0

    def run(self) -> WorkspaceScan:
        scan = self.scan
        listing = list_workspace(str(self.settings.workspace))
        scan.files_listed = len(listing.files)
        scan.findings += listing.findings
        self.helm_folders = _helm_override_folders(listing.files)
        deadline = time.monotonic() + SCAN_BUDGET_SECONDS
        looked_at = len(listing.files)
        for index, (parts, path) in enumerate(listing.files):
            if time.monotonic() > deadline:
                looked_at = index
                break
            self._file(parts, path)
        unread_sources = self._read_sources(deadline)
        if looked_at < len(listing.files) or unread_sources:
            scan.findings.append(_stopped(looked_at - unread_sources, len(listing.files)))
        scan.files.sort(key=lambda config: (config.path, config.environment or ""))
        scan.environments = sorted(
            {config.environment for config in scan.files if config.environment is not None}
        )
        if self.settings.environments is not None:
            scan.findings += _unmatched_environments(self.settings.environments, self.matched)
        scan.findings += long_glob_findings(self.settings)
        scan.production = production_env(self.settings.production, scan.environments)
        scan.call_sites = self.calls.finish()
        scan.findings += self.calls.findings
        return scan

    def _file(self, parts: list[str], path: str) -> None:
        relative = shown_path(parts)
        if self.exclude.matches(relative):
            self.scan.excluded.append(relative)
            return
        layout = self.matcher(parts)
        try:
            data = read_bytes(path)
        except (SkipError, OSError) as error:
            self._unreadable(parts, relative, layout, error)
            return
        self.scan.files_read += 1
        lowered = data.lower()
        if b"sk-ant-" in data:
            self._committed(relative, data)
        if b"claude-preflight:" in lowered:
            assert self.scan.suppression is not None
            text = data.decode("utf-8", "replace")
            self.scan.suppression.by_file[relative] = inline_ignores(text)
        if layout is None and not has_any_signal(lowered):
            return  # most files: nothing to classify further
        kind = self._kind(parts, relative)
        if layout is not None and (self.explicit or kind.tier != NON_RUNTIME):
            self.matched.add(layout.environment)
            self._attributed(relative, data, layout, kind)
        elif has_signal(lowered, kind):
            self._shared(parts, relative, data, kind, lowered)

    def _kind(self, parts: list[str], relative: str) -> FileKind:
        """Tier and reader of a file that holds something to read; its tier is remembered."""
        kind = kind_of(parts, language_of)
        if kind.tier != RUNTIME and self.include.matches(relative):
            kind = replace(kind, tier=RUNTIME)
        if kind.tier != RUNTIME:
            self.scan.tiers[relative] = kind.tier
        return kind

    def _unreadable(
        self, parts: list[str], relative: str, layout: LayoutMatch | None, error: Exception
    ) -> None:
        """A file that cannot be read is a notice where it would have been read for references."""
        kind = self._kind(parts, relative)
        attributed = layout is not None and (self.explicit or kind.tier != NON_RUNTIME)
        if not attributed and kind.reader == "text":
            return  # images, archives and the like: nothing the gate would have read
        if isinstance(error, SkipError):
            reason = error.reason
        else:
            reason = f"cannot be read ({getattr(error, 'strerror', None) or 'I/O error'})"
        environment = layout.environment if attributed and layout is not None else None
        if environment is not None:
            self.matched.add(environment)
        self.scan.findings.append(skipped(relative, reason, environment))

    def _attributed(self, relative: str, data: bytes, layout: LayoutMatch, kind: FileKind) -> None:
        """An environment's own config file: every value is read, whether or not it names Claude."""
        if self.attributed >= MAX_CONFIG_FILES:
            return
        self.attributed += 1
        if layout.format == "unknown":
            reason = "not a known config format (.yaml, .yml, .json, .toml, .properties, .env)"
            self.scan.findings.append(skipped(relative, reason, layout.environment))
            return
        kind = replace(kind, reader="structured", format=layout.format)
        try:
            text = decode(data, layout.format, strict=True)
            values = read_values(text, kind, relative)
        except SkipError as skip:
            self.scan.findings.append(skipped(relative, skip.reason, layout.environment))
            return
        except ParseError as failure:
            self.scan.findings.append(
                _unparsable(relative, layout.format, failure, layout.environment)
            )
            return
        values = keyed_by_name(values, litellm=is_litellm_config(values))
        self._add(relative, layout.environment, layout.group, values, kind)

    def _shared(
        self, parts: list[str], relative: str, data: bytes, kind: FileKind, lowered: bytes
    ) -> None:
        """Any other file with a Claude signal: read by every environment, production included.
        A source file's literals and Claude API calls are read by `source_work`, maybe in a
        worker process, and its text is kept for the models other files import from it."""
        text = decode(data, kind.format, strict=False)
        if kind.reader == "source":
            self.calls.keep(relative, text, kind)
            self.sources.submit(SourceJob(relative, text, kind, worth_parsing(lowered, kind)))
            return
        try:
            values = read_values(text, kind, relative)
        except SkipError as skip:
            self.scan.findings.append(skipped(relative, skip.reason))
            return
        except ParseError as failure:
            # A file that is not an environment's config and fails to parse may be a template
            # of some other tool: said, not blocking, and still searched for model IDs as text.
            self.scan.findings.append(
                _unparsable(relative, kind.format, failure, None, severity=Severity.WARNING)
            )
            values = text_values(text, relative)
            kind = replace(kind, reader="text", format="text")
        if kind.reader != "structured":
            self._add(relative, None, relative, values, kind)
            return
        folder = "/".join(parts[:-1])
        name = parts[-1].lower()
        litellm = is_litellm_config(values)
        values = keyed_by_name(values, litellm=litellm)
        if is_promptfoo_config(relative):
            values = with_provider_models(values, text)
        if kind.tier == NON_RUNTIME:  # docs, tests, examples: never an environment's config
            self._add(relative, None, relative, values, kind)
        elif name in SECTION_FILES:
            self._sections(relative, folder, name, values, kind)
        elif name in HELM_BASES and folder in self.helm_folders:
            self._add(relative, None, folder, values, kind, base=True)
        elif litellm:  # what the proxy serves: production's
            self._add(relative, self.production, folder, values, kind)
        else:
            self._add(relative, None, relative, values, kind)

    def _read_sources(self, deadline: float) -> int:
        """Source files' calls and literals, in the order the files were met (`source_work`);
        the count of those still unread at the deadline."""
        unread = self.sources.submitted
        for job, result in self.sources.results(deadline):
            unread -= 1
            self._source(job, result)
        return unread

    def _source(self, job: SourceJob, result: SourceResult) -> None:
        self.calls.add(job.relative, result.calls, result.failure)
        if result.skip:
            self.scan.findings.append(skipped(job.relative, result.skip))
            return
        self._add(job.relative, None, job.relative, result.values, job.kind)

    def _sections(
        self, relative: str, folder: str, name: str, values: list[ConfigValue], kind: FileKind
    ) -> None:
        for environment, part in split_sections(name, values, user_env).items():
            self._add(relative, environment, folder, part, kind, base=environment is None)
            if environment is not None:
                self.matched.add(environment)

    def _add(
        self,
        relative: str,
        environment: str | None,
        group: str,
        values: list[ConfigValue],
        kind: FileKind,
        *,
        base: bool = False,
    ) -> None:
        if environment is None and not values:
            return
        config = ConfigFile(relative, environment, group, kind.format, values, kind.tier, base)
        self.scan.files.append(config)

    def _committed(self, relative: str, data: bytes) -> None:
        from checker.secrets.committed import committed_keys  # noqa: PLC0415 - rare

        if len(self.scan.committed) >= MAX_COMMITTED_FINDINGS:
            return
        text = data.decode("utf-8", "replace")
        self.scan.committed += committed_keys(relative, text, self.run_key)
        del self.scan.committed[MAX_COMMITTED_FINDINGS:]


def _helm_override_folders(files: list[tuple[list[str], str]]) -> set[str]:
    """Folders holding a `values-ENV.yaml` (or `values.ENV.yaml`): their `values.yaml` is a base."""
    folders = set()
    for parts, _ in files:
        name = parts[-1].lower()
        for prefix in ("values-", "values."):
            if name.startswith(prefix) and name.endswith((".yaml", ".yml")):
                middle = name[len(prefix) :].rsplit(".", 1)[0]
                if canonical_env(middle) is not None:
                    folders.add("/".join(parts[:-1]))
    return folders


def _unparsable(
    relative: str,
    file_format: str,
    failure: ParseError,
    environment: str | None,
    *,
    severity: Severity | None = None,
) -> Finding:
    return make_finding(
        "CFG001",
        "unparsable",
        file=relative,
        file_format=file_format,
        problem=failure.message,
        severity=severity,
        environment=environment,
        location=Location(relative, failure.line, failure.column),
        details={"format": file_format},
    )


def _stopped(read: int, listed: int) -> Finding:
    return make_finding(
        "CFG003",
        "out_of_time",
        seconds=SCAN_BUDGET_SECONDS,
        read=read,
        listed=listed,
        details={"reason": "time budget"},
    )


def _unmatched_environments(
    configured: Mapping[str, Sequence[str]], matched: set[str]
) -> list[Finding]:
    """A configured environment whose globs match no file is almost always a typo in a glob."""
    return [
        make_finding(
            "CFG002",
            "unmatched_environment",
            environment=user_env(name),
            globs=", ".join(f"`{glob}`" for glob in globs) or "none",
        )
        for name, globs in configured.items()
        if user_env(name) not in matched
    ]
