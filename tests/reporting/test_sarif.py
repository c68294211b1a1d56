"""SARIF 2.1.0 for code scanning, validated against the OASIS schema (vendored, see schemas/)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checker.findings import RULES, Location, make_finding
from checker.redaction import Redactor
from checker.reporters.sarif import build_sarif, render_sarif
from tests.helpers import EXAMPLES, base_env, run_cli
from tests.reporting.reports import REPORTS, api_echoing, build_report, model_finding

SCHEMA = Path(__file__).parent / "schemas" / "sarif-2.1.0.json"


@cache
def validator() -> Any:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def assert_valid(sarif: dict[str, Any]) -> None:
    errors = sorted(validator().iter_errors(sarif), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_report_is_valid_sarif(name: str) -> None:
    assert_valid(json.loads(render_sarif(REPORTS[name](), lambda s: s)))


def test_the_cli_writes_valid_sarif_for_the_example(tmp_path: Path) -> None:
    path = tmp_path / "out" / "results.sarif"
    run = run_cli([str(EXAMPLES), "--live-check", "off", "--sarif", str(path)], env=base_env())
    assert run.returncode == 1, run.stderr
    sarif = json.loads(path.read_text(encoding="utf-8"))
    assert_valid(sarif)
    results = sarif["runs"][0]["results"]
    assert {result["ruleId"] for result in results} >= {"SEC001"}


def test_one_rule_per_code_and_results_point_at_their_rule() -> None:
    sarif = build_sarif(REPORTS["models_failing"]())
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(RULES)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert rules[result["ruleIndex"]]["helpUri"].endswith("#" + result["ruleId"].lower())


def test_every_result_has_a_location_as_code_scanning_requires() -> None:
    located = model_finding("MOD002", "x", location=Location("a b/c|d.yaml", 4, 2))
    bare = make_finding(
        "SEC001",
        "api_key_unset",
        environment="production",
        variable="ANTHROPIC_API_KEY",
        near_miss="",
    )
    orphan = make_finding(
        "API009", "over_budget", budget=30.0, base_url="https://api.anthropic.com"
    )
    sarif = build_sarif(build_report([located, bare, orphan]))
    assert_valid(sarif)
    by_rule = {r["ruleId"]: r for r in sarif["runs"][0]["results"]}
    loc = by_rule["MOD002"]["locations"][0]["physicalLocation"]
    assert loc == {
        "artifactLocation": {"uri": "a%20b/c%7Cd.yaml"},
        "region": {"startLine": 4, "startColumn": 2},
    }
    fallback = by_rule["SEC001"]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert fallback == "config/production.yaml"
    assert by_rule["SEC001"]["properties"]["locationIsFallback"] is True
    orphan_uri = by_rule["API009"]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert orphan_uri == ".claude-preflight.yml"


def test_fingerprints_survive_a_line_move_but_not_a_different_problem() -> None:
    def fingerprint(line: int, value: str) -> str:
        finding = model_finding("MOD002", value, location=Location("config/p.yaml", line))
        result = build_sarif(build_report([finding]))["runs"][0]["results"][0]
        return str(result["partialFingerprints"]["claudePreflight/v1"])

    assert fingerprint(3, "a") == fingerprint(30, "a")
    assert fingerprint(3, "a") != fingerprint(3, "b")


def test_sarif_never_holds_a_secret_even_hashed() -> None:
    secret = 'sk-live-value_with"quote'
    finding = api_echoing(secret)
    text = render_sarif(build_report([finding]), Redactor([secret]))
    assert "sk-live" not in text
    clean = render_sarif(build_report([api_echoing("[REDACTED]")]), str)
    assert (
        json.loads(text)["runs"][0]["results"][0]["partialFingerprints"]
        == json.loads(clean)["runs"][0]["results"][0]["partialFingerprints"]
    )
