"""The bundled catalog is trusted at run time, so the suite proves it fits the schema."""

from __future__ import annotations

import json

import pytest

from checker.models.ids.catalog import BUNDLED_CATALOG, load_catalog
from checker.models.ids.catalog_schema import validate_bundled


def test_bundled_catalog_fits_the_schema() -> None:
    validate_bundled(json.loads(BUNDLED_CATALOG.read_text(encoding="utf-8")))


def test_schema_rejects_a_broken_entry() -> None:
    with pytest.raises(ValueError, match="max_output_tokens"):
        validate_bundled({"models": [{"id": "claude-x", "max_output_tokens": -1}]})


def test_bundled_catalog_loads_every_entry() -> None:
    data = json.loads(BUNDLED_CATALOG.read_text(encoding="utf-8"))
    assert len(load_catalog(None).models) == len(data["models"])


def test_schema_accepts_a_list_of_sources_and_rejects_a_bad_profile_prefix() -> None:
    validate_bundled({"as_of": "2026-12-01", "sources": ["a page", "another"], "models": []})
    with pytest.raises(ValueError, match="prefixes"):
        validate_bundled({"models": [{"id": "claude-x", "bedrock": {"prefixes": ["us."]}}]})


def test_bundled_vertex_dates_are_only_the_ones_that_differ() -> None:
    data = json.loads(BUNDLED_CATALOG.read_text(encoding="utf-8"))
    for raw in data["models"]:
        assert "profile_only" in raw["bedrock"], raw["id"]
        vertex = raw.get("vertex_retirement")
        assert vertex is None or vertex != raw["retirement"], raw["id"]
        assert vertex is None or raw["vertex"], raw["id"]
