"""API003 worded with the catalog: a model the API does not serve to this key, and what to use.

At `--live-check models` and above each model is retrieved and a 404 is the finding; at `auth`
only the list is fetched, so a catalog model missing from it is the same finding, from the list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from checker.findings import Finding, make_finding
from checker.live.known import KnownModels
from checker.live.served import ServedModel

LIST_ENDPOINT = "GET /v1/models"


def with_replacement(finding: Finding, known: KnownModels) -> Finding:
    """An API003 whose fix names the catalog's replacement of the model, when it has one."""
    model = finding.details.get("model")
    if finding.code != "API003" or not model:
        return finding
    fix = _fix(model, known)
    return finding if fix is None else replace(finding, fix=fix)


def unlisted_findings(
    model_ids: Sequence[str], served: Mapping[str, ServedModel], known: KnownModels
) -> list[Finding]:
    """API003 for each catalog model the list does not serve (an alias: its snapshot).

    IDs the catalog does not know are MOD002's to report, not this check's.
    """
    findings = []
    for model in model_ids:
        canonical = known.canonical.get(model)
        if canonical is None or model in served or canonical in served:
            continue
        findings.append(
            make_finding(
                "API003",
                f"`{model}` is not in the model list the API serves to this key "
                f"({LIST_ENDPOINT}, {len(served)} models): a request to it would fail with "
                "404 `not_found_error`.",
                fix=_fix(model, known),
                details={"model": model, "endpoint": LIST_ENDPOINT},
            )
        )
    return findings


def _fix(model: str, known: KnownModels) -> str | None:
    replacement = known.replacement(model)
    if replacement is None:
        return None
    return (
        f"Move to `{replacement}`, the catalog's replacement for `{model}`, or to another model "
        f"`{LIST_ENDPOINT}` lists for this key; re-test before deploying."
    )
