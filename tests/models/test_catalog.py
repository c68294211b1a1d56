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
    assert catalog_as_of() == "2026-11-28"
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
    sonnet = load_catalog(None).models["claude-sonnet-4-5-20250929"]
    assert sonnet.retirement is None
    assert sonnet.retirement_not_before == date(2026, 9, 29)
    assert not sonnet.is_retired(date(2026, 11, 28))
    assert not sonnet.is_deprecated(date(2026, 11, 28))


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


def test_the_data_file_is_data_not_code() -> None:
    document = json.loads(BUNDLED_CATALOG.read_text())
    assert document["as_of"] == "2026-11-28"
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
    )
    catalog = load_catalog(extra)
    assert catalog.models["claude-opus-6"].max_output_tokens == 256_000
    sonnet = catalog.models["claude-sonnet-4-5-20250929"]
    assert sonnet.retirement == date(2026, 12, 15)
    assert sonnet.aliases == ("claude-sonnet-4-5",)
    assert Normalizer(catalog).normalize("claude-opus-6") is not None


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
    ],
)
def test_an_invalid_user_catalog_is_one_clear_error(
    tmp_path: Path, text: str, message: str
) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text(text)
    with pytest.raises(CatalogError, match=message):
        load_catalog(extra)
