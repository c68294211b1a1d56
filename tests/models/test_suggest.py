""" "Did you mean": same family and generation first, active before retired, and nothing rather
than a jump to another generation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from checker.models.ids.catalog import load_catalog
from checker.models.ids.normalize import Normalizer
from checker.models.ids.suggest import Known, suggest

CATALOG = load_catalog(None)
NORMALIZER = Normalizer(CATALOG)


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [
        ("claude-sonet-4-6", "claude-sonnet-4-6"),  # a typo in the family
        ("claude-haiku-5-6", "claude-haiku-5-5"),  # same family and major version
        ("claude-3-sonnet", "claude-3-sonnet-20240229"),  # the same generation, retired or not
        ("claude-3.5-sonnet", "claude-3-5-sonnet-20241022"),
        ("anthropic.claude-sonnet-4-6-v1:0", "anthropic.claude-sonnet-4-6"),  # Bedrock's pool
        ("claude-sonnet-6", None),  # no Sonnet 6: nothing, rather than Sonnet 5.5
        ("claude-opus-9-1", None),
        ("claude-3-7-opus", "claude-3-opus-20240229"),  # no Opus 3.7: the only Opus 3
        ("claude-foo-4-6", None),  # no family is close to `foo`
    ],
)
def test_did_you_mean_stays_in_the_family_and_generation(
    value: str, suggestion: str | None
) -> None:
    assert NORMALIZER.unknown(value).suggestion == suggestion


@pytest.mark.parametrize("value", ["claude-3-sonnet", "claude-3-haiku", "claude-2-sonnet"])
def test_did_you_mean_never_jumps_generations(value: str) -> None:
    """`claude-3-sonnet` is not "did you mean `claude-sonnet-5`"."""
    suggestion = NORMALIZER.unknown(value).suggestion
    if suggestion is not None:
        ref = NORMALIZER.normalize(suggestion)
        assert ref is not None
        assert ref.model is not None
        assert ref.model.generation.split(".")[0] == value.split("-")[1]


def test_an_active_model_beats_a_retired_one_as_close() -> None:
    opus = CATALOG.models["claude-opus-4-8"]
    retired = replace(opus, id="claude-opus-4-8-20260101", status="retired")
    pool = [Known("claude-opus-4-8-20260101", retired), Known("claude-opus-4-8-20260301", opus)]
    assert suggest("claude-opus-4-8-2026010", pool, date(2026, 12, 1)) == (
        "claude-opus-4-8-20260301"
    )
    assert suggest("claude-opus-4-8-2026010", pool[:1], date(2026, 12, 1)) == (
        "claude-opus-4-8-20260101"
    )
