"""Every rule carries its words: its templates fill from named facts, its example shows the finding
as the code words it, every code is emitted by some check and documented, and retired codes stay
unassigned."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.findings import RULES, make_finding
from checker.findings.catalog import RETIRED
from checker.findings.rule import MissingFactError, fill, placeholders
from checker.rules_doc import DOC_PATH, example_section
from tests.helpers import run_cli

CHECKER = Path(__file__).resolve().parents[2] / "checker"
FINDINGS = CHECKER / "findings"
SEMVER = re.compile(r"^\d+\.\d+\.\d+$")


def _check_sources() -> str:
    """Every module of the gate except the catalog itself, where a code is only defined."""
    return "\n".join(
        path.read_text(encoding="utf-8")
        for path in sorted(CHECKER.rglob("*.py"))
        if FINDINGS not in path.parents
    )


@pytest.mark.parametrize("code", list(RULES))
def test_every_code_is_emitted_by_some_check(code: str) -> None:
    assert f'"{code}"' in _check_sources(), f"{code} is in the catalog but no check emits it"


@pytest.mark.parametrize("code", list(RULES))
def test_every_code_is_documented_with_an_example(code: str) -> None:
    docs = DOC_PATH.read_text(encoding="utf-8")
    section = docs.split(f"\n## {code}\n", 1)[1].split("\n## ", 1)[0]
    assert "Example:" in section
    assert "claude-preflight reports:" in section
    assert "After the fix:" in section
    assert f"- Since: {RULES[code].since}" in section


@pytest.mark.parametrize("code", list(RULES))
def test_the_example_fills_the_first_wording_with_exactly_its_facts(code: str) -> None:
    rule = RULES[code]
    assert SEMVER.match(rule.since), f"{code}: since {rule.since!r} is not a version"
    assert "TODO" not in f"{rule.words}{rule.example}", f"{code} still has a placeholder"
    wording = rule.wording(None)
    assert set(wording.placeholders()) == set(rule.example.facts), (
        f"{code}: the example's facts must be exactly the ones its first wording names"
    )
    section = example_section(rule)
    assert fill(wording.message, rule.example.facts) in section


@pytest.mark.parametrize("code", list(RULES))
def test_every_wording_reads_as_a_sentence(code: str) -> None:
    for name, wording in RULES[code].words.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", name), f"{code}: wording name {name!r}"
        assert wording.message, (code, name)
        assert wording.message.strip() == wording.message, (code, name)
        assert wording.message.rstrip("`")[-1] in ".:)?", f"{code}/{name} does not end a sentence"


def test_a_finding_is_worded_by_its_rule() -> None:
    finding = make_finding("CFG003", "skipped", file="assets/app.min.js", reason="binary content")
    assert finding.message == "Skipped `assets/app.min.js`: binary content."
    assert finding.fix == RULES["CFG003"].fix  # no fix template: the rule's own fix
    assert finding.title == RULES["CFG003"].title


def test_a_missing_fact_is_a_programming_error_not_a_blank() -> None:
    with pytest.raises(MissingFactError):
        make_finding("CFG003", "skipped", file="a.txt")
    with pytest.raises(KeyError, match="no wording 'nope'"):
        make_finding("CFG003", "nope")


def test_templates_quote_shell_and_workflow_syntax_literally() -> None:
    template = "Set `${{{{ secrets.KEY }}}}` or `${VAR}` or `{{ jinja }}` for {name}."
    assert placeholders(template) == ("name",)
    assert fill("`${VAR}` and `${{ secrets.X }}` in {file}", {"file": "a.yml"}) == (
        "`${VAR}` and `${{ secrets.X }}` in a.yml"
    )
    assert fill("{seconds:g} s", {"seconds": 20.0}) == "20 s"


def test_facts_are_values_never_templates() -> None:
    """A hostile file name with braces is printed as it is, not filled again."""
    finding = make_finding("CFG003", "skipped", file="{reason}{0}{__class__}", reason="x")
    assert finding.message == "Skipped `{reason}{0}{__class__}`: x."


def test_retired_codes_are_recorded_never_reused_and_explained() -> None:
    assert "MOD009" in RETIRED
    assert not set(RETIRED) & set(RULES)
    docs = DOC_PATH.read_text(encoding="utf-8")
    assert "## Retired codes" in docs
    assert "- MOD009: " in docs
    run = run_cli(["--explain", "mod009"])
    assert run.returncode == 0
    assert run.stdout.startswith("MOD009 is not assigned.")
