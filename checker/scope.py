"""`--files`: the gate as a commit hook sees it, reporting on the files it was given.

The whole workspace is still read (drift needs the other environments' files), but only the
findings that involve a given file are reported: a finding in it, or a cross-file finding (drift,
a missing slot) that names it. A developer's machine is not the deploy, so what the run's own
environment lacks (secrets, SEC006) is not the hook's business; a crashed check still fails.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path, PurePosixPath

from checker.findings import Finding
from checker.report import Report, count_findings, gate_passed

ABOUT_THIS_RUN = frozenset({"SEC006"})  # a Claude variable a config reads is unset in this run
ALWAYS_REPORTED = frozenset({"TOOL001"})  # the gate fails closed


def normalized_files(paths: Iterable[str], workspace: Path) -> frozenset[str]:
    """The given paths as findings name files: workspace-relative and `/`-separated."""
    root = workspace.resolve()
    names = set()
    for given in paths:
        path = Path(given)
        if path.is_absolute():
            try:
                path = path.resolve().relative_to(root)
            except ValueError:
                continue  # outside the workspace: no finding can be in it
        names.add(str(PurePosixPath(*path.parts)))
    return frozenset(names)


def involved_files(finding: Finding) -> set[str]:
    """The file a finding is in, and the files a cross-file finding names (`<env>_file`)."""
    files = {finding.file} if finding.file else set()
    files.update(value for key, value in finding.details.items() if key.endswith("_file"))
    return files


def scope_to_files(report: Report, files: frozenset[str]) -> tuple[Report, int]:
    """The report with only the findings that involve `files`; returns it and how many it left
    out, so the console can say so."""
    kept = [
        finding
        for finding in report.findings
        if finding.code in ALWAYS_REPORTED
        or (finding.code not in ABOUT_THIS_RUN and involved_files(finding) & files)
    ]
    scoped = replace(
        report,
        findings=kept,
        counts=count_findings(kept),
        passed=gate_passed(kept, report.tool.fail_on),
    )
    return scoped, len(report.findings) - len(kept)
