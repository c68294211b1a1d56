"""What the job summary shows, computed from a Report: verdict, jobs, findings, limits.

The templates see only these small records, built from the report's typed sections.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from checker.findings import RULES, Finding, Rule, Severity
from checker.findings.catalog import docs_url
from checker.report import Report
from checker.reporters.left_alone import left_alone_sentence
from checker.reporters.summary_live import LiveView, live_view
from checker.reporters.summary_matrix import MatrixView, matrix_view
from checker.reporters.weakened import (
    blocking_drops,
    header_sentences,
    ignored_by,
    job_drops,
    origin_text,
    weakened_by_repository,
)
from checker.reporters.workflow_commands import ANNOTATION_LIMIT_PER_SEVERITY, annotation_plan
from checker.vocabulary import JOB_TITLES, Job
from checker.vocabulary import JOBS as JOB_ORDER

SEVERITY_ICONS = {"error": "❌", "warning": "⚠️", "notice": "ℹ️"}
JOB_ICONS: dict[Job, str] = {
    "secrets": "🔑",
    "models": "🏷️",
    "live": "📡",
    "config": "🗂️",
    "tool": "🧰",
}
JOBS = tuple((job, JOB_TITLES[job], JOB_ICONS[job]) for job in JOB_ORDER)
OPEN_FINDINGS_PER_JOB = 8


@dataclass(frozen=True, slots=True)
class Extra:
    """One labelled fact under a finding; `value` is untrusted and rendered as code."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class FindingView:
    finding: Finding
    icon: str
    rule: Rule | None
    docs: str | None
    location: str | None
    extras: list[Extra]
    guidance: str | None = None


@dataclass(slots=True)
class JobView:
    key: str
    name: str
    icon: str
    status_icon: str
    status: str
    counts: Counter[str]
    shown: list[FindingView] = field(default_factory=list)
    folded: list[FindingView] = field(default_factory=list)
    cut: int = 0
    dropped: str | None = None  # errors and warnings of this job that were not counted, by whom

    @property
    def has_content(self) -> bool:
        return bool(self.shown or self.folded or self.cut)


@dataclass(frozen=True, slots=True)
class Verdict:
    icon: str
    headline: str
    why: str


@dataclass(slots=True)
class SummaryView:
    """Everything the template shows besides the report's own footer facts."""

    verdict: Verdict
    jobs: list[JobView]
    matrix: MatrixView
    live: LiveView
    not_annotated: int
    annotation_limit: int
    cut_findings: int
    left_alone: str | None = None
    weakened: list[str] = field(default_factory=list)  # the header: what weakens this run
    weakened_alert: str = "NOTE"  # `WARNING` when the repository's own files weakened it


def build_view(
    report: Report,
    *,
    open_per_job: int = OPEN_FINDINGS_PER_JOB,
    max_per_job: int | None = None,
    max_matrix_rows: int | None = None,
) -> SummaryView:
    """The `max_*` limits drop findings and matrix rows (with a count) when the summary must
    shrink to fit GitHub's size limit."""
    by_job: dict[Job, list[Finding]] = {key: [] for key, _, _ in JOBS}
    for finding in report.findings:
        by_job[_job_of(finding)].append(finding)
    live = live_view(report.live)
    off_by = _origin_of(report, "live-check")
    if off_by:
        live = replace(live, off_by=f"`live-check: off`{off_by}")
    jobs = []
    cut_total = 0
    for key, name, icon in JOBS:
        findings = by_job[key]
        status_icon, status = _job_status(key, findings, report, live)
        views = [_finding_view(finding, report) for finding in findings]
        kept = views if max_per_job is None else views[:max_per_job]
        # Notices (docs, tests, examples among them) are always folded: they never block.
        loud = [view for view in kept if view.finding.severity is not Severity.NOTICE]
        quiet = [view for view in kept if view.finding.severity is Severity.NOTICE]
        job = JobView(
            key,
            name,
            icon,
            status_icon,
            status,
            Counter(finding.severity.value for finding in findings),
            shown=loud[:open_per_job],
            folded=loud[open_per_job:] + quiet,
            cut=len(views) - len(kept),
            dropped=ignored_by(job_drops(report, key)),
        )
        cut_total += job.cut
        if key in {"secrets", "models", "live"} or findings:
            jobs.append(job)
    plan = annotation_plan(report.findings)
    return SummaryView(
        verdict=_verdict(report, by_job),
        jobs=jobs,
        matrix=matrix_view(
            report.models, report.environments, max_matrix_rows, report.canonical_models
        ),
        live=live,
        not_annotated=plan.left_out_total,
        annotation_limit=ANNOTATION_LIMIT_PER_SEVERITY,
        cut_findings=cut_total,
        left_alone=left_alone_sentence(report.unchecked_references),
        weakened=header_sentences(report),
        weakened_alert="WARNING" if weakened_by_repository(report) else "NOTE",
    )


def _job_of(finding: Finding) -> Job:
    rule = RULES.get(finding.code)
    return rule.job if rule else "tool"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _count_text(counts: Counter[str]) -> str:
    parts = [_plural(counts[s.value], s.value) for s in Severity if counts[s.value]]
    return ", ".join(parts)


def _job_status(
    key: str, findings: list[Finding], report: Report, live: LiveView
) -> tuple[str, str]:
    counts = Counter(finding.severity.value for finding in findings)
    if key == "tool" and findings:
        return "💥", "crashed: part of the gate could not run"
    if counts["error"]:
        return "❌", f"failed: {_count_text(counts)}"
    dropped = ignored_by(job_drops(report, key))
    if dropped:  # never "passed" on the strength of a finding that was not counted
        return "⚠️", f"not verified: {dropped}"
    if key == "live" and live.skipped:
        return "⏭️", f"skipped: {live.skipped}{_origin_of(report, 'live-check')}"
    if key == "live" and live.not_verified:
        return "⚠️", f"key not verified: {live.not_verified}"
    if counts["warning"]:
        return "⚠️", f"passed with {_count_text(counts)}"
    if key == "models" and not report.models:
        return "➖", "no model IDs found"
    detail = f" ({_count_text(counts)})" if counts else ""
    if key == "live":
        return "✅", f"passed at level `{live.level or report.tool.live_level}`{detail}"
    return "✅", f"passed{detail}"


def _verdict(report: Report, by_job: dict[Job, list[Finding]]) -> Verdict:
    errors, warnings = report.errors, report.warnings
    if not report.passed:
        return Verdict("❌", "deploy blocked", _blocked_why(report))
    dropped = blocking_drops(report.dropped)
    if dropped:
        return Verdict(
            "⚠️",
            "passed with findings not counted",
            f"{len(dropped)} error(s) or warning(s) were not counted: {ignored_by(dropped)}.",
        )
    if errors:
        return Verdict(
            "⚠️",
            "passed with errors",
            f"{_plural(errors, 'error')} found, but `fail-on: {report.tool.fail_on}`"
            f"{_origin_of(report, 'fail-on')} lets the deploy through.",
        )
    if warnings:
        jobs = Counter(
            JOB_TITLES[key]
            for key, items in by_job.items()
            for f in items
            if f.severity == "warning"
        )
        where = ", ".join(jobs)
        return Verdict(
            "⚠️",
            "passed with warnings",
            f"Nothing blocks the deploy; {_plural(warnings, 'warning')} in {where} to look at.",
        )
    models = len({model for slots in report.models.values() for model in slots.values()})
    live = report.live.skipped if report.live is not None else None
    live_text = (
        f"live check skipped ({live})" if live else f"live check `{report.tool.live_level}` passed"
    )
    ids, environments = _plural(models, "model ID"), _plural(len(report.models), "environment")
    why = f"Secrets present, {ids} in {environments} consistent, {live_text}."
    return Verdict("✅", "passed", why)


def _origin_of(report: Report, setting: str) -> str:
    """` by `.claude-preflight.yml`` for a weakening setting's origin, else nothing."""
    for item in report.settings.weakening:
        if item.setting == setting:
            return f" by {origin_text(item.origin, item.source)}"
    return ""


def _blocked_why(report: Report) -> str:
    """One sentence: how many findings block, in which jobs, and which one to fix first."""
    blocking = _blocking(report)
    if not blocking:
        return "The gate failed."
    kind = "error" if report.tool.fail_on != "warning" else "finding"
    jobs = Counter(JOB_TITLES[_job_of(finding)] for finding in blocking)
    first = f"{blocking[0].code} ({blocking[0].title})"
    if len(blocking) == 1:
        return f"1 {kind} in {next(iter(jobs))} blocks the deploy: {first}."
    count = _plural(len(blocking), kind)
    if len(jobs) == 1:
        return f"{count} in {next(iter(jobs))} block the deploy; start with {first}."
    where = ", ".join(f"{name} {n}" for name, n in jobs.items())
    return f"{count} block the deploy ({where}); start with {first}."


def _blocking(report: Report) -> list[Finding]:
    threshold = Severity.WARNING.rank if report.tool.fail_on == "warning" else Severity.ERROR.rank
    return [finding for finding in report.findings if finding.severity.rank >= threshold]


def _finding_view(finding: Finding, report: Report) -> FindingView:
    rule = RULES.get(finding.code)
    location = None
    if finding.file:
        location = finding.file
        if finding.line:
            location += f":{finding.line}" + (f":{finding.column}" if finding.column else "")
    return FindingView(
        finding=finding,
        icon=SEVERITY_ICONS.get(finding.severity.value, "•"),
        rule=rule,
        docs=docs_url(rule.code) if rule else None,
        location=location,
        extras=_extras(finding),
        guidance=_guidance(finding, report),
    )


_DETAIL_LABELS = (
    ("retirement_date", "Retirement date"),
    ("retired_on", "Retired on"),
    ("retires_on", "Retires on"),
    ("replacement", "Recommended replacement"),
    ("suggestion", "Did you mean"),
    ("corrected", "Corrected ID"),
    ("resolves_to", "Resolves to"),
    ("limit", "Model's limit"),
    ("status", "HTTP status"),
    ("endpoint", "Endpoint"),
    ("model", "Model"),
    ("error_type", "Error type"),
    ("api_message", "API said"),
    ("attempts", "Attempts"),
    ("request_id", "Request ID"),
    ("timestamp", "Time"),
    ("retry_after", "Retry after"),
)
_HIDDEN_DETAILS = frozenset({"slot", "stage", "value", "key"})


# What support asks for about an API failure: shown even when the message mentions it too.
_ALWAYS_SHOWN = frozenset({"request_id", "timestamp"})


def _extras(finding: Finding) -> list[Extra]:
    """Known details first, in a stable order, then any others the check attached; a value the
    message or fix already shows is not repeated (except the facts the summary promises)."""
    shown = f"{finding.message} {finding.fix}"
    details = {
        str(k): str(v)
        for k, v in finding.details.items()
        if str(v) and (k in _ALWAYS_SHOWN or str(v) not in shown)
    }
    extras = [Extra(label, details.pop(key)) for key, label in _DETAIL_LABELS if key in details]
    extras += [
        Extra(key.replace("_", " ").capitalize(), value)
        for key, value in sorted(details.items())
        if key not in _HIDDEN_DETAILS
    ]
    return extras


def _guidance(finding: Finding, report: Report) -> str | None:
    """Template-level advice that depends on the run, not only on the finding."""
    if finding.code == "SEC002":
        reason = finding.details.get("reason", "")
        if report.context.get("dependabot") or "dependabot" in reason:
            return (
                "Dependabot runs only get Dependabot secrets: add the key under Settings > "
                "Secrets and variables > Dependabot with the same name, and this check runs."
            )
        return (
            "Pull requests from forks get no secrets. Run the live check after merge, or from a "
            "`workflow_run` workflow in the base repository that does not check out the fork's "
            "code; never expose the key to fork code through `pull_request_target`."
        )
    if finding.code == "TOOL001":
        return "The gate failed closed. Other checks above still ran and their results stand."
    return None
