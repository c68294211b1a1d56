"""Every platform form of an ID normalizes to the model it names; near-misses get corrected."""

from __future__ import annotations

import pytest

from checker.models.ids.catalog import load_catalog
from checker.models.ids.normalize import Normalizer

NORMALIZER = Normalizer(load_catalog(None))

ACCOUNT = "arn:aws:bedrock:us-east-1:123456789012"


@pytest.mark.parametrize(
    ("value", "platform", "model", "alias"),
    [
        ("claude-sonnet-4-5-20250929", "anthropic", "claude-sonnet-4-5-20250929", False),
        ("claude-sonnet-4-5", "anthropic", "claude-sonnet-4-5-20250929", True),
        ("claude-opus-4-6", "anthropic", "claude-opus-4-6", False),
        ("claude-sonnet-5", "anthropic", "claude-sonnet-5", False),
        ("claude-fable-5-2", "anthropic", "claude-fable-5-2", False),
        ("claude-3-7-sonnet-latest", "anthropic", "claude-3-7-sonnet-20250219", True),
        ("claude-opus-4-0", "anthropic", "claude-opus-4-20250514", True),
        ("claude-2.1", "anthropic", "claude-2.1", False),
        ("claude-sonnet-4-6[1m]", "anthropic", "claude-sonnet-4-6", False),
        (
            "anthropic.claude-sonnet-4-5-20250929-v1:0",
            "bedrock",
            "claude-sonnet-4-5-20250929",
            False,
        ),
        (
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "bedrock",
            "claude-sonnet-4-5-20250929",
            False,
        ),
        ("global.anthropic.claude-opus-4-6-v1", "bedrock", "claude-opus-4-6", False),
        ("apac.anthropic.claude-opus-4-6-v1", "bedrock", "claude-opus-4-6", False),
        ("jp.anthropic.claude-sonnet-4-6", "bedrock", "claude-sonnet-4-6", False),
        (
            "eu.anthropic.claude-haiku-4-5-20251001-v1:0",
            "bedrock",
            "claude-haiku-4-5-20251001",
            False,
        ),
        ("anthropic.claude-haiku-4-5", "bedrock", "claude-haiku-4-5-20251001", False),
        ("anthropic.claude-opus-5", "bedrock", "claude-opus-5", False),
        ("us.anthropic.claude-fable-5-2", "bedrock", "claude-fable-5-2", False),
        (
            "anthropic.claude-3-5-sonnet-20241022-v2:0",
            "bedrock",
            "claude-3-5-sonnet-20241022",
            False,
        ),
        ("anthropic.claude-v2:1", "bedrock", "claude-2.1", False),
        (
            f"{ACCOUNT}:inference-profile/us.anthropic.claude-sonnet-4-6",
            "bedrock",
            "claude-sonnet-4-6",
            False,
        ),
        (
            "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-opus-4-6-v1",
            "bedrock",
            "claude-opus-4-6",
            False,
        ),
        ("claude-sonnet-4-5@20250929", "vertex", "claude-sonnet-4-5-20250929", False),
        ("claude-sonnet-4@20250514", "vertex", "claude-sonnet-4-20250514", False),
        ("claude-3-5-sonnet-v2@20241022", "vertex", "claude-3-5-sonnet-20241022", False),
        (
            "projects/p/locations/global/publishers/anthropic/models/claude-haiku-4-5@20251001",
            "vertex",
            "claude-haiku-4-5-20251001",
            False,
        ),
    ],
)
def test_platform_forms_name_one_model(value: str, platform: str, model: str, alias: bool) -> None:
    ref = NORMALIZER.normalize(value)
    assert ref is not None
    assert (ref.platform, ref.key, ref.alias) == (platform, model, alias)
    assert ref.corrected is None
    assert not ref.unknown


def test_dateless_ids_from_4_6_are_valid_on_the_claude_api_and_vertex() -> None:
    ref = NORMALIZER.normalize("claude-opus-4-6")
    assert ref is not None
    assert ref.platforms == frozenset({"anthropic", "vertex"})
    dated = NORMALIZER.normalize("claude-opus-4-5-20251101")
    assert dated is not None
    assert dated.platforms == frozenset({"anthropic"})


@pytest.mark.parametrize(
    ("value", "corrected", "problem"),
    [
        ("claude-sonnet-4.5", "claude-sonnet-4-5", "`.` instead of `-`"),
        ("claude-opus-4.8", "claude-opus-4-8", "`.` instead of `-`"),
        ("Claude-Opus-4-8", "claude-opus-4-8", "wrong case"),
        ("CLAUDE-SONNET-4-6", "claude-sonnet-4-6", "wrong case"),
        (" claude-opus-4-8 ", "claude-opus-4-8", "surrounding whitespace"),
        ("claude-opus-4-8\n", "claude-opus-4-8", "surrounding whitespace"),
        ("claude_sonnet_4_6", "claude-sonnet-4-6", "`_` instead of `-`"),
        ("sonnet-4-6", "claude-sonnet-4-6", "prefix is missing"),
        ("claude-sonnet-4.5@20250929", "claude-sonnet-4-5@20250929", "`.` instead of `-`"),
        ("us.anthropic.claude-opus-4.6-v1", "us.anthropic.claude-opus-4-6-v1", "`.`"),
        ("Claude-2.1", "claude-2.1", "wrong case"),
    ],
)
def test_malformed_ids_come_with_the_corrected_id(value: str, corrected: str, problem: str) -> None:
    ref = NORMALIZER.normalize(value)
    assert ref is not None
    assert ref.corrected == corrected
    assert ref.malformation is not None
    assert problem in ref.malformation


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [
        ("claude-sonet-4-6", "claude-sonnet-4-6"),
        ("claude-sonnet-4-6-20250514", "claude-sonnet-4-6"),
        ("claude-sonnet-4-5-latest", "claude-sonnet-4-5"),
        ("claude-opus-4-6@20260205", "claude-opus-4-6"),
        ("anthropic.claude-sonnet-4-6-v1:0", "anthropic.claude-sonnet-4-6"),
        ("claude-haiku-5-6", "claude-haiku-5-5"),
    ],
)
def test_unknown_ids_get_a_did_you_mean(value: str, suggestion: str) -> None:
    ref = NORMALIZER.normalize(value) or NORMALIZER.unknown(value)
    assert ref.unknown
    assert ref.suggestion == suggestion


def test_values_that_are_not_model_ids_do_not_normalize() -> None:
    for value in ("gpt-4o", "anthropic", "sonnet", "", "https://api.anthropic.com"):
        assert NORMALIZER.normalize(value) is None


def test_application_inference_profiles_are_opaque_not_unknown() -> None:
    ref = NORMALIZER.normalize(f"{ACCOUNT}:application-inference-profile/a1b2c3")
    assert ref is not None
    assert ref.opaque
    assert ref.platform == "bedrock"
    assert not ref.unknown


def test_format_for_gives_the_id_each_platform_expects() -> None:
    model = load_catalog(None).models["claude-sonnet-4-5-20250929"]
    assert NORMALIZER.format_for(model, "anthropic") == "claude-sonnet-4-5-20250929"
    assert NORMALIZER.format_for(model, "vertex") == "claude-sonnet-4-5@20250929"
    assert NORMALIZER.format_for(model, "bedrock") == (
        "global.anthropic.claude-sonnet-4-5-20250929-v1:0"
    )


@pytest.mark.parametrize(
    ("value", "platform", "model", "first_party"),
    [
        ("anthropic/claude-sonnet-4-5-20250929", "anthropic", "claude-sonnet-4-5-20250929",
         "claude-sonnet-4-5-20250929"),
        ("anthropic/claude-opus-4-8", "anthropic", "claude-opus-4-8", "claude-opus-4-8"),
        ("bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0", "bedrock",
         "claude-sonnet-4-5-20250929", "claude-sonnet-4-5-20250929"),
        ("bedrock/converse/global.anthropic.claude-opus-4-6-v1", "bedrock", "claude-opus-4-6",
         "claude-opus-4-6"),
        ("bedrock/invoke/anthropic.claude-haiku-4-5-20251001-v1:0", "bedrock",
         "claude-haiku-4-5-20251001", "claude-haiku-4-5-20251001"),
        ("vertex_ai/claude-opus-4-5@20251101", "vertex", "claude-opus-4-5-20251101",
         "claude-opus-4-5-20251101"),
        ("vertex_ai/claude-sonnet-4-6", "vertex", "claude-sonnet-4-6", "claude-sonnet-4-6"),
    ],
)  # fmt: skip
def test_router_prefixes_name_the_platform_and_the_rest_names_the_model(
    value: str, platform: str, model: str, first_party: str
) -> None:
    """LiteLLM's routes: `anthropic/`, `bedrock/` (`converse/`, `invoke/`), `vertex_ai/`."""
    ref = NORMALIZER.normalize(value)
    assert ref is not None
    assert (ref.platform, ref.key, ref.first_party) == (platform, model, first_party)
    assert ref.platforms == frozenset({platform})
    assert (ref.unknown, ref.corrected, ref.opaque) == (False, None, False)
    assert ref.route == value.rsplit("/", 1)[0]


@pytest.mark.parametrize(
    ("value", "model"),
    [
        ("anthropic/claude-sonnet-4.5", "claude-sonnet-4-5-20250929"),  # OpenRouter, AI gateways
        ("openrouter/anthropic/claude-haiku-4.5", "claude-haiku-4-5-20251001"),
        ("openrouter/anthropic/claude-opus-4-8", "claude-opus-4-8"),
        ("anthropic/claude-3.5-sonnet", None),  # the gateway's own name, not a catalog form
    ],
)
def test_gateway_spellings_are_compared_by_model_but_never_corrected(
    value: str, model: str | None
) -> None:
    """`anthropic/claude-sonnet-4.5` is exactly right on OpenRouter: no MOD007, no MOD002."""
    ref = NORMALIZER.normalize(value)
    assert ref is not None
    assert ref.opaque
    assert not ref.unknown
    assert ref.corrected is None
    assert ref.first_party is None  # never sent to the Claude API by the live check
    assert (ref.model.id if ref.model else None) == model
    assert ref.key == (model or value)


@pytest.mark.parametrize(
    ("value", "suggestion", "note"),
    [
        ("bedrock/claude-sonnet-4-5-20250929",
         "bedrock/global.anthropic.claude-sonnet-4-5-20250929-v1:0", "Bedrock form"),
        ("bedrock/converse/claude-opus-4-6", "bedrock/converse/global.anthropic.claude-opus-4-6-v1",
         "Bedrock form"),
        ("vertex_ai/claude-opus-4-5-20251101", "vertex_ai/claude-opus-4-5@20251101",
         "Vertex AI form"),
        ("anthropic/claude-opus-4-5@20251101", "anthropic/claude-opus-4-5-20251101",
         "Claude API form"),
        ("bedrock/anthropic.claude-sonet-4-6", "bedrock/anthropic.claude-sonnet-4-6", None),
        ("vertex_ai/claude-sonet-4-6", "vertex_ai/claude-sonnet-4-6", None),
    ],
)  # fmt: skip
def test_a_route_with_another_platforms_form_is_unknown_with_the_routed_fix(
    value: str, suggestion: str, note: str | None
) -> None:
    ref = NORMALIZER.normalize(value) or NORMALIZER.unknown(value)
    assert ref.unknown
    assert ref.suggestion == suggestion
    if note is not None:
        assert ref.note is not None
        assert note in ref.note


def test_a_malformed_rest_after_a_litellm_route_is_corrected_with_the_route() -> None:
    ref = NORMALIZER.normalize("bedrock/us.anthropic.claude-opus-4.6-v1")
    assert ref is not None
    assert ref.corrected == "bedrock/us.anthropic.claude-opus-4-6-v1"


@pytest.mark.parametrize(
    ("value", "profile"),
    [
        ("apac.anthropic.claude-sonnet-4-5-20250929-v1:0", "apac"),
        ("anthropic.claude-sonnet-4-5-20250929-v1:0", None),
        ("bedrock/eu.anthropic.claude-opus-4-6-v1", "eu"),
        (f"{ACCOUNT}:inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0", "us"),
    ],
)
def test_a_bedrock_id_is_known_with_its_profile_prefix(value: str, profile: str | None) -> None:
    """Whether the profile exists is MOD011's question, not the grammar's: the model is known."""
    ref = NORMALIZER.normalize(value)
    assert ref is not None
    assert not ref.unknown
    assert ref.model is not None
    assert ref.profile == profile
