"""The request rules are catalog data: which models each reaches follows from the catalog's
families and generations, a new model falls under the ranges already written, and a user's
catalog can change a rule by its id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.findings import Finding
from checker.live.served import ServedModel
from checker.models.checks.requests import request_findings
from checker.models.ids.catalog import BUNDLED_CATALOG, CatalogError, load_catalog
from checker.models.ids.catalog_schema import validate_bundled
from checker.models.ids.normalize import Normalizer
from checker.models.ids.request_rules import generation_key
from checker.read.calls import CallSite, ModelArg, Param, Turn


def reached(rule_id: str, catalog_path: Path | None = None) -> set[str]:
    catalog = load_catalog(catalog_path)
    [rule] = [rule for rule in catalog.request_rules if rule.id == rule_id]
    assert rule.models is not None
    return {model.id for model in catalog.models.values() if rule.models.covers(model)}


def test_the_bundled_rules_fit_the_schema() -> None:
    validate_bundled(json.loads(BUNDLED_CATALOG.read_text(encoding="utf-8")))
    codes = {rule.id: rule.code for rule in load_catalog(None).request_rules}
    assert codes == {
        "sampling-defaults-only": "REQ001",
        "temperature-with-top-p": "REQ001",
        "thinking-enabled-removed": "REQ001",
        "adaptive-thinking-unsupported": "REQ001",
        "prefill-unsupported": "REQ002",
        "assistant-first": "REQ002",
        "system-role-in-messages": "REQ002",
        "max-tokens-required": "REQ002",
    }


def test_generations_order_as_versions() -> None:
    assert generation_key("4.5") == (4, 5)
    assert generation_key("5") == generation_key("5.0") == (5, 0)
    ordered = sorted(["5", "4.10", "4", "4.5"], key=lambda text: generation_key(text) or (0, 0))
    assert ordered == ["4", "4.5", "4.10", "5"]
    assert generation_key("") is None


def test_version_ranges_reach_the_models_the_reference_names() -> None:
    sampling = reached("sampling-defaults-only")
    assert {
        "claude-opus-4-7",
        "claude-opus-4-8",
        "claude-opus-5",
        "claude-mythos-preview",
    } <= sampling
    assert not {"claude-opus-4-6", "claude-sonnet-4-6", "claude-haiku-4-5-20251001"} & sampling
    assert reached("temperature-with-top-p") == {"claude-haiku-4-5-20251001"}
    adaptive = reached("adaptive-thinking-unsupported")
    assert {"claude-opus-4-5-20251101", "claude-3-7-sonnet-20250219"} <= adaptive
    assert "claude-opus-4-6" not in adaptive
    assert "claude-sonnet-4-6" in reached("prefill-unsupported")


def test_a_new_model_is_a_catalog_edit_and_so_is_a_changed_rule(tmp_path: Path) -> None:
    extra = tmp_path / "catalog.json"
    extra.write_text(
        json.dumps(
            {
                "models": [
                    {"id": "claude-opus-6", "name": "Claude Opus 6", "family": "opus",
                     "generation": "6", "dateless": True, "max_output_tokens": 128000},
                ],
                "request_rules": [
                    {"id": "temperature-with-top-p", "code": "REQ001", "check": "together",
                     "parameters": ["temperature", "top_p"], "calls": ["messages"],
                     "models": {"families": ["haiku", "sonnet"], "from": "4.5", "to": "4.6"},
                     "message": "`{argument}` with `{other}`", "fix": "Drop `{parameter}`."},
                ],
            }
        )
    )  # fmt: skip
    assert "claude-opus-6" in reached("sampling-defaults-only", extra)
    assert reached("temperature-with-top-p", extra) == {
        "claude-haiku-4-5-20251001",
        "claude-sonnet-4-5-20250929",
        "claude-sonnet-4-6",
    }


@pytest.mark.parametrize(
    "rule",
    [
        {"check": "equals"},  # no `value`
        {"check": "together", "parameters": ["temperature"]},
        {"check": "sometimes"},
        {"code": "MOD999"},
        {"code": "REQ003"},  # a code with no words
        {"calls": ["openai"]},
        {"models": {"from": "four"}},
    ],
)
def test_a_user_rule_that_does_not_fit_is_refused(tmp_path: Path, rule: dict[str, object]) -> None:
    base = {
        "id": "mine", "code": "REQ001", "check": "set", "parameters": ["top_k"],
        "calls": ["messages"], "message": "m", "fix": "f",
    }  # fmt: skip
    extra = tmp_path / "catalog.json"
    extra.write_text(json.dumps({"request_rules": [{**base, **rule}]}))
    with pytest.raises(CatalogError):
        load_catalog(extra)


def _site(**params: float) -> CallSite:
    site = CallSite("app/llm.py", 3, 5, "messages", "client.messages.create")
    site.model = ModelArg("claude-opus-5")
    site.messages = (Turn("user", 6, 19),)
    for line, (name, value) in enumerate(params.items(), start=4):
        site.params[name] = Param(name, name, value, f"{name}={value}", line, 9)
    return site


def _findings(site: CallSite, served: dict[str, ServedModel] | None = None) -> list[Finding]:
    catalog = load_catalog(None)
    return request_findings([site], catalog.request_rules, Normalizer(catalog), served)


def test_the_default_temperature_is_accepted_and_any_other_value_is_not() -> None:
    assert _findings(_site(max_tokens=64, temperature=1.0)) == []
    [finding] = _findings(_site(max_tokens=64, temperature=0.0))
    assert (finding.code, finding.line, finding.details["rule"]) == (
        "REQ001",
        5,
        "sampling-defaults-only",
    )


def test_mod008_at_a_call_uses_the_live_limit_when_the_api_states_one() -> None:
    site = _site(max_tokens=100_000)
    assert _findings(site) == []  # within the catalog's 128,000
    served = {"claude-opus-5": ServedModel("claude-opus-5", max_tokens=64_000)}
    [finding] = _findings(site, served)
    assert finding.code == "MOD008"
    assert finding.details["limit_source"] == "GET /v1/models"
    assert "64,000 tokens (the limit the API states" in finding.message


def test_an_unknown_model_gets_only_the_rules_that_hold_whatever_the_model() -> None:
    site = _site(temperature=0.2)
    site.model = ModelArg(None, "settings.model")
    site.messages = (Turn("user", 6, 19), Turn("assistant", 7, 19))
    assert [f.details["rule"] for f in _findings(site)] == ["max-tokens-required"]
