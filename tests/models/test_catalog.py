"""The catalog data file: complete, self-consistent, and extensible through the config file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from checker.models.ids.catalog import (
    BUNDLED_CATALOG,
    CatalogError,
    catalog_as_of,
    load_catalog,
)
from checker.models.ids.normalize import Normalizer


def test_bundled_catalog_has_an_as_of_date_and_every_reference_model() -> None:
    catalog = load_catalog(None)
    assert catalog_as_of() == "2026-12-01"
    expected = {
        "claude-fable-5-2", "claude-mythos-5-2", "claude-fable-5-1", "claude-opus-5-5",
        "claude-sonnet-5-5", "claude-haiku-5-5", "claude-fable-5", "claude-opus-5",
        "claude-sonnet-5", "claude-mythos-5", "claude-haiku-4-5-20251001", "claude-opus-4-8",
        "claude-opus-4-7", "claude-opus-4-6", "claude-sonnet-4-6", "claude-sonnet-4-5-20250929",
        "claude-opus-4-5-20251101", "claude-mythos-preview", "claude-opus-4-1-20250805",
        "claude-opus-4-20250514", "claude-sonnet-4-20250514", "claude-3-haiku-20240307",
        "claude-3-7-sonnet-20250219", "claude-3-5-haiku-20241022", "claude-3-opus-20240229",
        "claude-3-5-sonnet-20240620", "claude-3-5-sonnet-20241022", "claude-2.0", "claude-2.1",
        "claude-3-sonnet-20240229",
    }  # fmt: skip
    assert expected <= set(catalog.models)


def test_every_replacement_and_alias_points_inside_the_catalog() -> None:
    catalog = load_catalog(None)
    aliases: list[str] = []
    for model in catalog.models.values():
        assert model.replacement is None or model.replacement in catalog.models, model.id
        aliases.extend(model.aliases)
    assert len(aliases) == len(set(aliases))
    assert not set(aliases) & set(catalog.models)


def test_dateless_pinned_ids_from_4_6_on_and_dated_snapshots_before() -> None:
    models = load_catalog(None).models
    assert models["claude-opus-4-6"].dateless
    assert models["claude-sonnet-5"].dateless
    assert not models["claude-sonnet-4-5-20250929"].dateless
    assert models["claude-sonnet-4-5-20250929"].aliases == ("claude-sonnet-4-5",)


def test_unconfirmed_not_sooner_than_dates_are_not_announcements() -> None:
    opus = load_catalog(None).models["claude-opus-4-5-20251101"]
    assert opus.retirement is None
    assert opus.retirement_not_before == date(2026, 11, 24)
    assert not opus.is_retired(date(2026, 12, 1))
    assert not opus.is_deprecated(date(2026, 12, 1))
    assert opus.status_on(date(2026, 12, 1)) == "legacy"


def test_sonnet_4_5_is_retired_on_2026_11_30_with_sonnet_5_5_as_replacement() -> None:
    sonnet = load_catalog(None).models["claude-sonnet-4-5-20250929"]
    assert (sonnet.deprecated, sonnet.retirement) == (date(2026, 9, 30), date(2026, 11, 30))
    assert sonnet.replacement == "claude-sonnet-5-5"
    assert sonnet.status_on(date(2026, 11, 29)) == "deprecated"
    assert sonnet.status_on(date(2026, 11, 30)) == "retired"
    assert sonnet.is_retired(date(2026, 12, 1))


def test_the_models_released_after_august_2026_are_current() -> None:
    models = load_catalog(None).models
    for model_id in (
        "claude-fable-5-1",
        "claude-opus-5-5",
        "claude-sonnet-5-5",
        "claude-haiku-5-5",
    ):
        model = models[model_id]
        assert model.status_on(date(2026, 12, 1)) == "active", model_id
        assert (model.context_window, model.max_output_tokens) == (1_000_000, 128_000)
    assert models["claude-sonnet-5"].status == "legacy"


def test_an_announced_retirement_date_that_passed_means_retired() -> None:
    preview = load_catalog(None).models["claude-mythos-preview"]
    assert preview.status == "deprecated"
    assert preview.is_deprecated(date(2026, 6, 1))
    assert preview.is_retired(date(2026, 6, 30))


def test_limits_and_platform_ids_come_from_the_reference() -> None:
    models = load_catalog(None).models
    haiku = models["claude-haiku-4-5-20251001"]
    assert (haiku.context_window, haiku.max_output_tokens) == (200_000, 64_000)
    assert haiku.vertex_ids == ("claude-haiku-4-5@20251001",)
    assert "anthropic.claude-haiku-4-5-20251001-v1:0" in haiku.bedrock_ids
    assert haiku.bedrock_prefixes == frozenset({"global", "us", "eu"})
    opus = models["claude-opus-4-6"]
    assert opus.bedrock_ids == ("anthropic.claude-opus-4-6-v1",)
    assert opus.vertex_ids == ("claude-opus-4-6",)
    assert opus.max_output_tokens == 128_000


def test_a_profile_only_bedrock_model_has_its_prefixes() -> None:
    sonnet = load_catalog(None).models["claude-sonnet-4-5-20250929"]
    assert sonnet.bedrock_profile_only
    assert sonnet.bedrock_prefixes == frozenset({"global", "us", "eu", "jp"})
    assert sonnet.profile_ids()[:2] == (
        "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    )
    opus = load_catalog(None).models["claude-opus-4-6"]
    assert opus.bedrock_profile_only
    assert "apac.anthropic.claude-opus-4-6-v1" in opus.profile_ids()


def test_models_with_unknown_bedrock_profiles_are_not_called_profile_only() -> None:
    fable = load_catalog(None).models["claude-fable-5-2"]
    assert not fable.bedrock_profile_only
    assert fable.bedrock_prefixes is None
    assert fable.profile_ids() == ()


def test_vertex_keeps_its_own_shutdown_dates() -> None:
    models = load_catalog(None).models
    haiku = models["claude-3-5-haiku-20241022"]
    assert haiku.retirement == date(2026, 2, 19)
    assert haiku.vertex_retirement == date(2026, 7, 5)
    assert haiku.retirement_on("vertex") == date(2026, 7, 5)
    assert haiku.retirement_on("bedrock") == date(2026, 2, 19)
    assert models["claude-3-opus-20240229"].vertex_retirement == date(2025, 8, 1)
    assert models["claude-sonnet-4-5-20250929"].vertex_retirement is None


def test_the_catalog_names_its_sources() -> None:
    sources = load_catalog(None).sources
    assert any("model-deprecations" in source for source in sources)
    assert any("bedrock" in source for source in sources)


def test_the_data_file_is_data_not_code() -> None:
    document = json.loads(BUNDLED_CATALOG.read_text())
    assert document["as_of"] == "2026-12-01"
    assert len(document["models"]) == len(load_catalog(None).models)


def test_user_entries_add_models_and_override_fields(tmp_path: Path) -> None:
    extra = tmp_path / "models.yaml"
    extra.write_text(
        "models:\n"
        "  - id: claude-opus-6\n"
        "    family: opus\n"
        "    max_output_tokens: 256000\n"
        "  - id: claude-sonnet-4-5-20250929\n"
        "    status: deprecated\n"
        "    retirement: 2026-12-15\n"
        "    vertex_retirement: 2027-01-31\n"
        "    bedrock: {ids: [anthropic.claude-sonnet-4-5-20250929-v1:0], prefixes: [us, au],"
        " profile_only: true}\n"
    )
    catalog = load_catalog(extra)
    assert catalog.models["claude-opus-6"].max_output_tokens == 256_000
    sonnet = catalog.models["claude-sonnet-4-5-20250929"]
    assert sonnet.retirement == date(2026, 12, 15)
    assert sonnet.aliases == ("claude-sonnet-4-5",)
    assert sonnet.vertex_retirement == date(2027, 1, 31)
    assert sonnet.profile_ids() == (
        "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "au.anthropic.claude-sonnet-4-5-20250929-v1:0",
    )
    assert Normalizer(catalog).normalize("claude-opus-6") is not None


def test_a_user_entry_that_gives_only_bedrock_prefixes_keeps_the_bundled_ids(
    tmp_path: Path,
) -> None:
    extra = tmp_path / "models.yaml"
    extra.write_text("models:\n  - id: claude-opus-5\n    bedrock: {prefixes: [us, eu]}\n")
    opus = load_catalog(extra).models["claude-opus-5"]
    assert opus.bedrock_ids == ("anthropic.claude-opus-5",)
    assert opus.profile_ids() == ("us.anthropic.claude-opus-5", "eu.anthropic.claude-opus-5")
    assert not opus.bedrock_profile_only


def test_a_json_user_catalog_is_accepted(tmp_path: Path) -> None:
    extra = tmp_path / "models.json"
    extra.write_text(json.dumps({"models": [{"id": "claude-internal-1", "aliases": ["ci-1"]}]}))
    assert "claude-internal-1" in load_catalog(extra).models


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("models: [{id: x, status: sleeping}]", "status"),
        ("models: [{name: no id}]", "id"),
        ("models: [{id: x, max_output_tokens: -1}]", "max_output_tokens"),
        ("models: {not: a list}", "models"),
        ("[unclosed", r"bad\.yaml:2:1: .*expected"),
        ("models: [{id: x, colour: red}]", "colour"),
        ("models: [{id: x, bedrock: {prefixes: [US.]}}]", "prefixes"),
        ("models: [{id: x, bedrock: {profile_only: maybe}}]", "profile_only"),
        ("models: [{id: x, vertex_retirement: soon}]", "vertex_retirement"),
    ],
)
def test_an_invalid_user_catalog_is_one_clear_error(
    tmp_path: Path, text: str, message: str
) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text(text)
    with pytest.raises(CatalogError, match=message):
        load_catalog(extra)
