"""The PR comment's body: the verdict, the findings that block with links and fixes, a suggested
change where the fix is one line, and the way to the full job summary.

Rendered from `reporters/templates/pr_comment.md.j2` in the summary's sandbox, from the report
redacted value by value, so the comment has the summary's redaction and markdown safety. The
hidden marker on its first line is how the next run finds it again. GitHub refuses bodies over
65,536 characters, so the body shows fewer findings until it fits.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from checker.findings import Finding, Severity
from checker.fix.edits import EditRefusedError, edited_line, encoding_of
from checker.fix.plan import locate_target
from checker.fix.targets import Target, fix_targets
from checker.fix.writer import WriteRefusedError, read_file, target_path
from checker.report import Report
from checker.reporters.redacted import redact_report
from checker.reporters.summary_view import SEVERITY_ICONS, build_view
from checker.scan.kinds import RUNTIME

MARKER_PREFIX = "<!-- claude-preflight:"
FAILED_STATE = "<!-- claude-preflight-verdict:failed -->"
PASSED_STATE = "<!-- claude-preflight-verdict:passed -->"
COMMENT_LIMIT = 65_536
SHOWN_STEPS = (20, 10, 3, 0)
MAX_SUGGESTION_CHARS = 300
Place = tuple[str, str | None, int | None, int | None]  # a finding's code, file, line, column


def marker(workspace_key: str) -> str:
    """The hidden first line that names this workspace's comment (two gates keep two comments)."""
    digest = hashlib.sha256(workspace_key.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f"{MARKER_PREFIX}{digest} -->"


@dataclass(frozen=True, slots=True)
class Links:
    """Where findings link to: the PR's head commit, and the run whose summary has the rest."""

    blob_base: str | None  # `{server}/{repo}/blob/{sha}/`, None when not known
    workspace_prefix: str  # the workspace's path in the repository (`` for its root)
    run_url: str | None
    commit: str | None


@dataclass(frozen=True, slots=True)
class CommentFinding:
    finding: Finding
    icon: str
    location: str | None
    link: str | None
    suggestion: str | None


@dataclass(frozen=True, slots=True)
class CommentView:
    marker: str
    state: str
    icon: str
    headline: str
    why: str
    passes_now: bool
    findings: list[CommentFinding]
    hidden: int
    links: Links
    version: str


def build_comment(
    report: Report,
    redact: Callable[[str], str],
    *,
    workspace_marker: str,
    links: Links,
    workspace: Path,
    catalog: Path | None,
    previous_failed: bool,
) -> str:
    """The comment's markdown, redacted and under GitHub's size limit."""
    from checker.reporters.summary import get_template  # noqa: PLC0415 - Jinja loads on use

    clean = redact_report(report, redact)
    verdict = build_view(clean).verdict
    findings = _blocking(clean)
    targets: dict[Place, Target] = {}
    for target in _targets(findings, catalog):
        targets[(target.code, target.file, target.line, target.column)] = target
    blocking = [_view(f, links, workspace, targets) for f in findings]
    template = get_template("pr_comment.md.j2")
    text = ""
    for shown in SHOWN_STEPS:
        view = CommentView(
            marker=workspace_marker,
            state=PASSED_STATE if clean.passed else FAILED_STATE,
            icon=verdict.icon,
            headline="passes now" if clean.passed and previous_failed else verdict.headline,
            why=verdict.why,
            passes_now=clean.passed and previous_failed,
            findings=blocking[:shown],
            hidden=max(0, len(blocking) - shown),
            links=links,
            version=clean.tool.version,
        )
        text = redact(template.render(view=view))
        if len(text) <= COMMENT_LIMIT:
            return text
    return text[: COMMENT_LIMIT - 200].rsplit("\n", 1)[0] + "\n\n✂️ Cut to fit GitHub's limit.\n"


def _blocking(report: Report) -> list[Finding]:
    """What stops the deploy (errors, or warnings too with `fail-on: warning`); none on a pass."""
    if report.passed:
        return []
    rank = Severity.WARNING.rank if report.tool.fail_on == "warning" else Severity.ERROR.rank
    return [finding for finding in report.findings if finding.severity.rank >= rank]


def _targets(findings: list[Finding], catalog: Path | None) -> list[Target]:
    """The value fixes among the findings, as `fix` would apply them."""
    from checker.models.ids.catalog import load_catalog  # noqa: PLC0415
    from checker.models.ids.normalize import Normalizer  # noqa: PLC0415

    targets, _ = fix_targets(findings, Normalizer(load_catalog(catalog)), lambda _: RUNTIME)
    return targets


def _view(
    finding: Finding,
    links: Links,
    workspace: Path,
    targets: Mapping[Place, Target],
) -> CommentFinding:
    location = link = None
    if finding.file and not finding.file.startswith("env:"):
        location = finding.file + (f":{finding.line}" if finding.line else "")
        if links.blob_base:
            path = quote(links.workspace_prefix + finding.file, safe="/")
            link = links.blob_base + path + (f"#L{finding.line}" if finding.line else "")
    return CommentFinding(
        finding=finding,
        icon=SEVERITY_ICONS.get(finding.severity.value, "•"),
        location=location,
        link=link,
        suggestion=suggested_line(
            targets.get((finding.code, finding.file, finding.line, finding.column)), workspace
        ),
    )


def suggested_line(target: Target | None, workspace: Path) -> str | None:
    """The target's line as it reads with the fix applied (what a suggested change shows)."""
    if target is None:
        return None
    try:
        data = read_file(target_path(workspace, target.file))
        edit = locate_target(data, target)
    except (WriteRefusedError, EditRefusedError, OSError):
        return None
    line = edited_line(data, edit, encoding_of(data, None))
    return line if len(line) <= MAX_SUGGESTION_CHARS else None
