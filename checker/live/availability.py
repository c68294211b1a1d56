"""API003 worded with the catalog: a model the API does not serve to this key, and what to use.

At `--live-check models` and above each model is retrieved and a 404 is the finding; at `auth`
only the list is fetched, so a catalog model missing from it is the same finding, from the list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from checker.findings import Finding, make_finding, rule_for
from checker.findings.rule import fill
from checker.live.known import KnownModels
from checker.live.served import ServedModel

LIST_ENDPOINT = "GET /v1/models"


def with_replacement(finding: Finding, known: KnownModels) -> Finding:
    """An API003 whose fix names the catalog's replacement of the model, when it has one.

    The 404 was worded before the catalog was read (it never delays a request), so only the fix
    changes: to the `not_served_replaced` wording's.
    """
    model = finding.details.get("model")
    replacement = known.replacement(model) if finding.code == "API003" and model else None
    if replacement is None:
        return finding
    template = rule_for("API003").wording("not_served_replaced").fix
    assert template is not None
    return replace(finding, fix=fill(template, {"model": model, "replacement": replacement}))


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
        replacement = known.replacement(model)
        findings.append(
            make_finding(
                "API003",
                "unlisted" if replacement is None else "unlisted_replaced",
                model=model,
                served=len(served),
                replacement=replacement,
                details={"model": model, "endpoint": LIST_ENDPOINT},
            )
        )
    return findings
