"""Each model check, on scans built the way discovery builds them; positions asserted exactly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from checker.live.served import ServedModel
from checker.models import inventory_models, prepare_models
from checker.workspace.model import ConfigFile
from tests.models.builders import codes, config, run, scan, settings, where

STAGING = "config/staging.yaml"
PRODUCTION = "config/production.yaml"


def three_envs(dev: str, staging: str, prod: str, key: str = "llm.model") -> list[ConfigFile]:
    return [
        config(
            "config/development.yaml", "development", [("llm.provider", "anthropic"), (key, dev)]
        ),
        config(STAGING, "staging", [("llm.provider", "anthropic"), (key, staging)]),
        config(PRODUCTION, "production", [("llm.provider", "anthropic"), (key, prod)]),
    ]


# MOD001 ------------------------------------------------------------------------------------


def test_production_differing_from_staging_is_an_error_at_the_production_value() -> None:
    outcome = run(scan(*three_envs("claude-sonnet-4-6", "claude-sonnet-4-6", "claude-opus-4-8")))
    [drift] = codes(outcome, "MOD001")
    assert where(drift) == ("production", PRODUCTION, 2, 8, "error")
    assert "`claude-opus-4-8` in production (config/production.yaml:2)" in drift.message
    assert "`claude-sonnet-4-6` in staging (config/staging.yaml:2)" in drift.message


def test_development_differing_is_only_a_warning() -> None:
    outcome = run(scan(*three_envs("claude-haiku-5-5", "claude-sonnet-4-6", "claude-sonnet-4-6")))
    [drift] = codes(outcome, "MOD001")
    assert where(drift) == ("development", "config/development.yaml", 2, 8, "warning")


def test_without_staging_production_is_compared_with_test_then_development() -> None:
    files = [
        config("config/development.yaml", "development", [("model", "claude-opus-4-8")]),
        config("config/test.yaml", "test", [("model", "claude-opus-4-7")]),
        config(PRODUCTION, "production", [("model", "claude-opus-4-7")]),
    ]
    outcome = run(scan(*files))
    [drift] = codes(outcome, "MOD001")
    assert where(drift)[:2] == ("development", "config/development.yaml")
    assert drift.severity.value == "warning"


def test_platform_forms_of_one_model_are_not_drift() -> None:
    files = [
        config(STAGING, "staging", [("model", "claude-sonnet-4-5")]),
        config(PRODUCTION, "production", [("model", "claude-sonnet-4-5-20250929")]),
        config("config/test.yaml", "test", [("model", "Claude-Sonnet-4-5-20250929")]),
    ]
    assert codes(run(scan(*files)), "MOD001") == []
    bedrock = [
        config(STAGING, "staging", [("model", "us.anthropic.claude-opus-4-6-v1")]),
        config(PRODUCTION, "production", [("model", "global.anthropic.claude-opus-4-6-v1")]),
    ]
    assert codes(run(scan(*bedrock)), "MOD001") == []


def test_allow_drift_silences_a_slot_by_key_path_or_slot_name() -> None:
    workspace = scan(*three_envs("claude-opus-4-8", "claude-sonnet-4-6", "claude-opus-4-8"))
    assert codes(run(workspace, allow_drift=("llm.model",)), "MOD001") == []
    grouped = [
        config(
            "svc/a/config/staging.yaml", "staging", [("model", "claude-opus-4-8")], group="svc/a"
        ),
        config(
            "svc/a/config/prod.yaml", "production", [("model", "claude-opus-4-7")], group="svc/a"
        ),
    ]
    assert codes(run(scan(*grouped), allow_drift=("svc/a:model",)), "MOD001") == []
    assert len(codes(run(scan(*grouped), allow_drift=("svc/b:model",)), "MOD001")) == 1


def test_groups_are_compared_only_with_themselves() -> None:
    files = [
        config("a/config/staging.yaml", "staging", [("model", "claude-opus-4-8")], group="a"),
        config("a/config/production.yaml", "production", [("model", "claude-opus-4-8")], group="a"),
        config("b/config/staging.yaml", "staging", [("model", "claude-haiku-5-5")], group="b"),
        config("b/config/production.yaml", "production", [("model", "claude-opus-4-8")], group="b"),
    ]
    outcome = run(scan(*files))
    [drift] = codes(outcome, "MOD001")
    assert drift.file == "b/config/production.yaml"
    assert drift.details["slot"] == "b:model"
    assert outcome.matrix["production"] == {
        "a:model": "claude-opus-4-8",
        "b:model": "claude-opus-4-8",
    }


def test_a_non_claude_value_in_a_model_slot_is_drift_too() -> None:
    files = [
        config(STAGING, "staging", [("llm.model", "claude-sonnet-4-6")]),
        config(PRODUCTION, "production", [("llm.model", "gpt-4o")]),
    ]
    [drift] = codes(run(scan(*files)), "MOD001")
    assert where(drift) == ("production", PRODUCTION, 1, 8, "error")


# MOD002 ------------------------------------------------------------------------------------


def test_unknown_id_under_a_model_key_says_did_you_mean() -> None:
    files = [config(STAGING, "staging", [("app.name", "bot"), ("llm.model", "claude-sonet-4-6")])]
    [unknown] = codes(run(scan(*files)), "MOD002")
    assert where(unknown) == ("staging", STAGING, 2, 8, "error")
    assert "Did you mean `claude-sonnet-4-6`?" in unknown.message
    assert unknown.details["suggestion"] == "claude-sonnet-4-6"


def test_dated_4_6_id_is_unknown_with_the_dateless_suggestion() -> None:
    files = [
        config(".env.production", "production", [("ANTHROPIC_MODEL", "claude-sonnet-4-6-20250514")])
    ]
    [unknown] = codes(run(scan(*files)), "MOD002")
    assert "no date" in unknown.message
    assert unknown.details["suggestion"] == "claude-sonnet-4-6"


def test_other_vendors_models_and_non_ids_are_left_alone() -> None:
    values = [
        ("embedding_model", "text-embedding-3-small"),
        ("model_provider", "anthropic"),
        ("model_family", "sonnet"),
        ("model_timeout", "30"),
        ("model_enabled", "true"),
        ("model_url", "https://api.anthropic.com/v1"),
        ("model_dir", "/opt/models/claude"),
        ("model_from_env", "${CLAUDE_MODEL}"),
        ("model_label", "Claude Sonnet 4.6"),
        ("code_model", "opus"),
    ]
    outcome = run(scan(config(STAGING, "staging", values)))
    assert [finding.code for finding in outcome.findings] == ["CFG002"]
    assert outcome.matrix == {}


def test_a_typo_outside_model_keys_is_not_guessed_at() -> None:
    files = [config(STAGING, "staging", [("llm.engine", "claude-sonet-4-6")])]
    assert codes(run(scan(*files)), "MOD002") == []
    assert len(codes(run(scan(*files), model_keys=("llm.engine",)), "MOD002")) == 1
    assert len(codes(run(scan(*files), model_keys=("llm.*",)), "MOD002")) == 1


def test_served_models_make_an_id_known() -> None:
    files = [config(PRODUCTION, "production", [("llm.model", "claude-opus-6")])]
    assert len(codes(run(scan(*files)), "MOD002")) == 1
    outcome = run(scan(*files), served=frozenset({"claude-opus-6", "claude-opus-4-8"}))
    assert codes(outcome, "MOD002") == []
    assert [f.code for f in outcome.findings] == []


def test_served_list_is_named_in_the_message_when_it_was_fetched() -> None:
    files = [config(PRODUCTION, "production", [("llm.model", "claude-opus-9")])]
    [unknown] = codes(run(scan(*files), served=frozenset({"claude-opus-4-8"})), "MOD002")
    assert "nor the live model list" in unknown.message


def test_bedrock_prefix_that_does_not_exist_for_the_model_is_mod011_not_unknown() -> None:
    files = [
        config(
            ".env.production",
            "production",
            [
                ("CLAUDE_CODE_USE_BEDROCK", "1"),
                ("ANTHROPIC_MODEL", "apac.anthropic.claude-opus-4-5-20251101-v1:0"),
            ],
        )
    ]
    outcome = run(scan(*files))
    assert codes(outcome, "MOD002") == []
    [profile] = codes(outcome, "MOD011")
    assert "`apac.`" in profile.message
    assert profile.details["profile"] == "global.anthropic.claude-opus-4-5-20251101-v1:0"


# MOD003 / MOD004 / MOD005 -------------------------------------------------------------------


def test_retired_model_names_its_date_and_replacement() -> None:
    files = [
        config(
            "config/development.yaml", "development", [("llm.model", "claude-3-5-sonnet-20241022")]
        )
    ]
    [retired] = codes(run(scan(*files)), "MOD003")
    assert where(retired) == ("development", "config/development.yaml", 1, 8, "error")
    assert "retired on 2025-10-28" in retired.message
    assert retired.details["replacement"] == "claude-sonnet-4-6"


def test_retired_bedrock_model_gets_a_bedrock_replacement() -> None:
    files = [
        config(
            "values-prod.yaml",
            "production",
            [("env.MODEL", "us.anthropic.claude-opus-4-1-20250805-v1:0")],
        )
    ]
    [retired] = codes(run(scan(*files)), "MOD003")
    assert retired.details["replacement"] == "anthropic.claude-opus-4-8"


def test_retired_aliases_are_retired_not_unpinned() -> None:
    files = [config(STAGING, "staging", [("model", "claude-3-7-sonnet-latest")])]
    outcome = run(scan(*files))
    assert [f.code for f in outcome.findings] == ["MOD003"]


def test_deprecation_inside_the_window_blocks_production_only() -> None:
    files = [
        config(STAGING, "staging", [("model", "claude-opus-4-1-20250805")]),
        config(PRODUCTION, "production", [("model", "claude-opus-4-1-20250805")]),
    ]
    inside = run(scan(*files), today=date(2026, 7, 10))
    severities = {f.environment: f.severity.value for f in codes(inside, "MOD004")}
    assert severities == {"staging": "warning", "production": "error"}
    [prod] = [f for f in codes(inside, "MOD004") if f.environment == "production"]
    assert "26 days from today" in prod.message
    assert prod.details["replacement"] == "claude-opus-4-8"
    outside = run(scan(*files), today=date(2026, 7, 5))
    assert {f.severity.value for f in codes(outside, "MOD004")} == {"warning"}
    wider = run(scan(*files), today=date(2026, 7, 5), deprecation_window=60)
    assert {f.severity.value for f in codes(wider, "MOD004")} == {"warning", "error"}
    after = run(scan(*files), today=date(2026, 8, 5))
    assert codes(after, "MOD004") == []
    assert len(codes(after, "MOD003")) == 2


def test_alias_is_a_warning_in_production_and_a_notice_elsewhere() -> None:
    files = [
        config(STAGING, "staging", [("fallback_model", "claude-haiku-4-5")]),
        config(PRODUCTION, "production", [("fallback_model", "claude-haiku-4-5")]),
    ]
    aliases = codes(run(scan(*files)), "MOD005")
    assert sorted(where(f) for f in aliases) == [
        ("production", PRODUCTION, 1, 17, "warning"),
        ("staging", STAGING, 1, 17, "notice"),
    ]
    assert "resolves to `claude-haiku-4-5-20251001`" in aliases[0].message


def test_dateless_ids_from_4_6_on_are_pinned_not_aliases() -> None:
    files = [config(PRODUCTION, "production", [("model", "claude-sonnet-4-6")])]
    assert run(scan(*files)).findings == []


# MOD006 ------------------------------------------------------------------------------------


def test_first_party_id_on_bedrock_gives_the_bedrock_id() -> None:
    files = [
        config(
            "config/production.yaml",
            "production",
            [
                ("llm.provider", "bedrock"),
                ("llm.model", "claude-sonnet-4-5-20250929"),
            ],
        )
    ]
    [mismatch] = codes(run(scan(*files)), "MOD006")
    assert where(mismatch) == ("production", PRODUCTION, 2, 8, "error")
    assert "`global.anthropic.claude-sonnet-4-5-20250929-v1:0`" in mismatch.message
    assert "`llm.provider` at config/production.yaml:1" in mismatch.message


def test_bedrock_id_with_the_claude_api_gives_the_first_party_id() -> None:
    files = [
        config(
            ".env.staging",
            "staging",
            [
                ("ANTHROPIC_PROVIDER", "anthropic"),
                ("ANTHROPIC_MODEL", "anthropic.claude-opus-4-6-v1"),
            ],
        )
    ]
    [mismatch] = codes(run(scan(*files)), "MOD006")
    assert mismatch.details["expected"] == "claude-opus-4-6"


def test_vertex_accepts_dateless_ids_but_not_dated_first_party_ones() -> None:
    files = [
        config(
            ".env.production",
            "production",
            [
                ("CLAUDE_CODE_USE_VERTEX", "1"),
                ("ANTHROPIC_MODEL", "claude-opus-4-6"),
                ("ANTHROPIC_SMALL_FAST_MODEL", "claude-haiku-4-5-20251001"),
            ],
        )
    ]
    [mismatch] = codes(run(scan(*files)), "MOD006")
    assert mismatch.line == 3
    assert mismatch.details["expected"] == "claude-haiku-4-5@20251001"


def test_bedrock_keys_nearby_make_the_provider_bedrock() -> None:
    files = [
        config(
            ".env.production",
            "production",
            [
                ("AWS_REGION", "us-east-1"),
                ("AWS_BEARER_TOKEN_BEDROCK", "${TOKEN}"),
                ("ANTHROPIC_MODEL", "claude-opus-4-6"),
            ],
        )
    ]
    outcome = run(scan(*files))
    assert [f.code for f in outcome.findings] == ["MOD006"]
    assert outcome.environments["production"].provider == "bedrock"


def test_provider_inferred_from_the_ids_never_causes_a_mismatch() -> None:
    files = [
        config(
            PRODUCTION,
            "production",
            [
                ("a.model", "us.anthropic.claude-opus-4-6-v1"),
                ("b.model", "claude-opus-4-6"),
            ],
        )
    ]
    outcome = run(scan(*files))
    assert codes(outcome, "MOD006") == []
    assert outcome.environments["production"].provider == "unknown"


# MOD007 ------------------------------------------------------------------------------------


def test_malformed_id_is_reported_with_the_corrected_id_and_no_drift() -> None:
    files = [
        config(".env.staging", "staging", [("ANTHROPIC_MODEL", "claude-opus-4-8")]),
        config(".env.production", "production", [("ANTHROPIC_MODEL", "claude-opus-4.8")]),
    ]
    outcome = run(scan(*files))
    [malformed] = codes(outcome, "MOD007")
    assert where(malformed) == ("production", ".env.production", 1, 18, "error")
    assert malformed.details["corrected"] == "claude-opus-4-8"
    assert codes(outcome, "MOD001") == []


def test_malformed_id_outside_model_keys_is_still_a_model_value() -> None:
    files = [config(STAGING, "staging", [("llm.engine", "Claude-Sonnet-4-6")])]
    [malformed] = codes(run(scan(*files)), "MOD007")
    assert "wrong case" in malformed.message


# MOD008 ------------------------------------------------------------------------------------


def test_max_tokens_above_the_models_limit() -> None:
    files = [
        config(
            PRODUCTION,
            "production",
            [
                ("llm.model", "claude-sonnet-4-5-20250929"),
                ("llm.max_tokens", "100000"),
            ],
        )
    ]
    [limit] = codes(run(scan(*files)), "MOD008")
    assert where(limit) == ("production", PRODUCTION, 2, 13, "error")
    assert "64,000 tokens" in limit.message
    assert "100000 > 64000" in limit.message


def test_max_tokens_synonyms() -> None:
    for key in (
        "maxTokens",
        "max_output_tokens",
        "MAX_TOKENS",
        "SUMMARY_MAX_TOKENS",
        "max_tokens_to_sample",
        "maxOutputTokens",
        "llm.maxTokens",
    ):
        files = [
            config(
                ".env.production",
                "production",
                [
                    ("ANTHROPIC_MODEL", "claude-3-5-haiku-20241022"),
                    (key, "9000"),
                ],
            )
        ]
        assert len(codes(run(scan(*files)), "MOD008")) == 1, key


def test_max_tokens_within_the_limit_or_unrelated_keys_pass() -> None:
    files = [
        config(
            PRODUCTION,
            "production",
            [
                ("llm.model", "claude-opus-4-8"),
                ("llm.max_tokens", "128000"),
                ("llm.max_input_tokens", "900000"),
                ("llm.max_tokens_note", "huge"),
            ],
        )
    ]
    assert codes(run(scan(*files)), "MOD008") == []


def test_max_tokens_goes_with_the_model_of_its_own_mapping() -> None:
    files = [
        config(
            PRODUCTION,
            "production",
            [
                ("chat.model", "claude-opus-4-8"),
                ("chat.max_tokens", "100000"),
                ("summary.model", "claude-haiku-4-5-20251001"),
                ("summary.max_tokens", "8000"),
            ],
        )
    ]
    assert codes(run(scan(*files)), "MOD008") == []
    ambiguous = [
        config(
            PRODUCTION,
            "production",
            [
                ("chat.model", "claude-opus-4-8"),
                ("summary.model", "claude-haiku-4-5-20251001"),
                ("max_tokens", "100000"),
            ],
        )
    ]
    assert codes(run(scan(*ambiguous)), "MOD008") == []


def test_dotenv_max_tokens_matches_the_model_by_name_prefix() -> None:
    files = [
        config(
            ".env.production",
            "production",
            [
                ("CHAT_MODEL", "claude-opus-4-8"),
                ("SUMMARY_MODEL", "claude-3-5-haiku-20241022"),
                ("SUMMARY_MAX_TOKENS", "16000"),
                ("CHAT_MAX_TOKENS", "16000"),
            ],
        )
    ]
    [limit] = codes(run(scan(*files)), "MOD008")
    assert limit.line == 3


# MOD010 ------------------------------------------------------------------------------------


def test_slot_missing_in_production_is_an_error_pointing_at_its_mapping() -> None:
    files = [
        config(
            STAGING,
            "staging",
            [("llm.model", "claude-opus-4-8"), ("llm.fallback_model", "claude-haiku-5-5")],
        ),
        config(PRODUCTION, "production", [("llm.model", "claude-opus-4-8")]),
    ]
    [missing] = codes(run(scan(*files)), "MOD010")
    assert where(missing) == ("production", PRODUCTION, 1, 8, "error")
    assert "`llm.fallback_model`" in missing.message


def test_slot_missing_elsewhere_is_a_warning_at_line_1_when_no_sibling() -> None:
    files = [
        config(".env.development", "development", [("DEBUG", "1")]),
        config(".env.production", "production", [("ANTHROPIC_MODEL", "claude-opus-4-8")]),
    ]
    [missing] = codes(run(scan(*files)), "MOD010")
    assert where(missing) == ("development", ".env.development", 1, 1, "warning")


def test_missing_only_counts_environments_with_that_kind_of_file() -> None:
    files = [
        config("config/development.yaml", "development", [("app.name", "x")]),
        config(".env.staging", "staging", [("ANTHROPIC_MODEL", "claude-opus-4-8")]),
        config(".env.production", "production", [("ANTHROPIC_MODEL", "claude-opus-4-8")]),
    ]
    assert codes(run(scan(*files)), "MOD010") == []


# CFG002, matrix, environments, inventory ---------------------------------------------------


def test_nothing_to_check() -> None:
    [empty] = run(scan()).findings
    assert (empty.code, empty.severity.value) == ("CFG002", "warning")
    [no_models] = run(scan(config(STAGING, "staging", [("app.name", "bot")]))).findings
    assert no_models.code == "CFG002"
    assert "in the 1 file read (1 environment config file among them)" in no_models.message


def test_matrix_and_environment_facts() -> None:
    outcome = run(scan(*three_envs("claude-opus-4-8", "claude-opus-4-8", "claude-opus-4-8")))
    assert outcome.matrix == {
        "development": {"llm.model": "claude-opus-4-8"},
        "staging": {"llm.model": "claude-opus-4-8"},
        "production": {"llm.model": "claude-opus-4-8"},
    }
    assert outcome.environments["production"].to_dict() == {
        "production": True,
        "pre_production": False,
        "provider": "anthropic",
        "files": [PRODUCTION],
    }
    assert outcome.environments["staging"].pre_production is True


def test_inventory_lists_first_party_ids_to_prove() -> None:
    files = [
        config(
            STAGING,
            "staging",
            [("llm.model", "claude-opus-4.8"), ("fast_model", "claude-haiku-4-5")],
        ),
        config(
            PRODUCTION,
            "production",
            [
                ("llm.model", "claude-opus-4-8"),
                ("old_model", "claude-2.1"),
                ("typo_model", "claude-opuss-4-8"),
            ],
        ),
        config(
            "b/.env.production",
            "production",
            [
                ("CLAUDE_CODE_USE_BEDROCK", "1"),
                ("ANTHROPIC_MODEL", "claude-sonnet-4-6"),
            ],
            group="b",
        ),
    ]
    inventory = inventory_models(prepare_models(settings(), scan(*files)))
    assert inventory.first_party_ids == ["claude-haiku-4-5", "claude-opus-4-8"]
    assert inventory.production_ids == ["claude-opus-4-8"]


def test_the_live_check_proves_litellm_anthropic_routes_but_not_gateway_names() -> None:
    """A LiteLLM `model_list` mixes routes in one file: only `anthropic/` goes to the Claude API."""
    files = [
        config(
            PRODUCTION,
            "production",
            [
                ("model_list[0].litellm_params.model", "anthropic/claude-opus-4-8"),
                ("model_list[1].litellm_params.model", "bedrock/anthropic.claude-haiku-4-5"),
                (
                    "model_list[1].litellm_params.aws_bedrock_runtime_endpoint",
                    "https://bedrock-runtime.us-east-1.amazonaws.com",
                ),  # Bedrock evidence: the file's provider is Bedrock
                ("model_list[2].litellm_params.model", "openrouter/anthropic/claude-sonnet-4.5"),
                ("model_list[3].litellm_params.model", "anthropic/claude-sonnet-4.5"),
            ],
        )
    ]
    inventory = inventory_models(prepare_models(settings(), scan(*files)))
    assert inventory.first_party_ids == ["claude-opus-4-8"]
    outcome = run(scan(*files))
    assert codes(outcome, "MOD006") == []  # the route states the platform of its own value
    assert codes(outcome, "MOD007") == []  # `claude-sonnet-4.5` is the gateway's own spelling


def test_a_gateway_spelling_of_a_retired_model_is_still_retired() -> None:
    files = [config(PRODUCTION, "production", [("llm.model", "anthropic/claude-opus-4.1")])]
    [retired] = codes(run(scan(*files)), "MOD003")
    assert retired.details["replacement"] == "claude-opus-4-8"
    assert retired.fix is not None
    assert "your gateway may spell it differently" in retired.fix


def test_user_catalog_entries_are_used_by_the_checks(tmp_path: Path) -> None:
    extra = tmp_path / "catalog.yaml"
    extra.write_text(
        "models:\n  - id: claude-opus-6\n    max_output_tokens: 200000\n"
        "  - id: claude-opus-4-8\n    status: deprecated\n    retirement: 2026-12-10\n"
    )
    files = [
        config(
            PRODUCTION,
            "production",
            [
                ("llm.model", "claude-opus-6"),
                ("llm.max_tokens", "300000"),
                ("b.model", "claude-opus-4-8"),
            ],
        )
    ]
    outcome = run(scan(*files), catalog_path=extra)
    assert sorted(f.code for f in outcome.findings) == ["MOD004", "MOD008"]
    [deprecated] = codes(outcome, "MOD004")
    assert deprecated.severity.value == "error"


# One fix per value, and the live list as the truth --------------------------------------------


def test_a_misspelt_retired_id_gets_one_mod003_naming_the_replacement() -> None:
    files = [config(PRODUCTION, "production", [("llm.model", "Claude-3-Opus-20240229")])]
    outcome = run(scan(*files))
    assert [f.code for f in outcome.findings] == ["MOD003"]  # not MOD007 + MOD003
    [retired] = outcome.findings
    assert "also misspelt" in retired.message
    assert retired.details["replacement"] == "claude-opus-4-8"


def test_a_misspelt_base_id_of_a_profile_only_model_gets_one_fix_with_the_profile() -> None:
    files = [
        config(
            ".env.production",
            "production",
            [("CLAUDE_CODE_USE_BEDROCK", "1"), ("ANTHROPIC_MODEL", "anthropic.claude-sonnet-4.6")],
        )
    ]
    outcome = run(scan(*files))
    assert [f.code for f in outcome.findings] == ["MOD007"]  # not MOD007 + MOD011
    assert outcome.findings[0].fix == "Replace the value with `global.anthropic.claude-sonnet-4-6`."


def test_an_alias_in_a_bedrock_environment_gets_mod006_only() -> None:
    files = [
        config(
            ".env.production",
            "production",
            [("CLAUDE_CODE_USE_BEDROCK", "1"), ("ANTHROPIC_MODEL", "claude-haiku-4-5")],
        )
    ]
    outcome = run(scan(*files))
    assert [f.code for f in outcome.findings] == ["MOD006"]  # the Bedrock ID is pinned anyway
    assert outcome.findings[0].details["expected"] == (
        "global.anthropic.claude-haiku-4-5-20251001-v1:0"
    )


def test_a_retired_model_the_live_list_still_serves_is_a_warning() -> None:
    files = [config(PRODUCTION, "production", [("llm.model", "claude-sonnet-4-5-20250929")])]
    assert [f.code for f in run(scan(*files), today=date(2026, 12, 1)).findings] == ["MOD003"]
    outcome = run(
        scan(*files),
        served={"claude-sonnet-4-5-20250929", "claude-sonnet-5-5"},
        today=date(2026, 12, 1),
    )
    [served] = outcome.findings
    assert (served.code, served.severity.value) == ("MOD004", "warning")
    assert "retired on 2026-11-30 per the catalog, but the API still serves it today" in (
        served.message
    )


def test_the_live_list_does_not_rescue_a_bedrock_id() -> None:
    """The Claude API's list says nothing about what Bedrock still serves."""
    files = [
        config(
            ".env.production",
            "production",
            [
                ("CLAUDE_CODE_USE_BEDROCK", "1"),
                ("ANTHROPIC_MODEL", "us.anthropic.claude-sonnet-4-5-20250929-v1:0"),
            ],
        )
    ]
    outcome = run(scan(*files), served={"claude-sonnet-4-5-20250929"}, today=date(2026, 12, 1))
    assert [f.code for f in outcome.findings] == ["MOD003"]


def test_mod008_takes_the_live_max_tokens_when_the_api_states_it() -> None:
    files = [
        config(
            PRODUCTION,
            "production",
            [("llm.model", "claude-opus-4-8"), ("llm.max_tokens", "64000")],
        )
    ]
    assert codes(run(scan(*files)), "MOD008") == []
    served = {"claude-opus-4-8": ServedModel("claude-opus-4-8", max_tokens=32_000)}
    [limit] = codes(run(scan(*files), served=served), "MOD008")
    assert limit.details["limit"] == "32000"
    assert limit.details["limit_source"] == "GET /v1/models"
    assert "the limit the API states" in limit.message
