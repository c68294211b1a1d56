"""What the live phase borrows from the model catalog: which IDs it knows, and their replacements.

The live list decides what is served; the catalog only words the answer: an alias is served when
its snapshot is, and a model the key is not given names the catalog's replacement as the fix.
Read after the calls, so loading the catalog never delays the first request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class KnownModels:
    """Every catalog ID and alias -> its canonical ID; canonical ID -> its replacement."""

    canonical: dict[str, str] = field(default_factory=dict)
    replacements: dict[str, str] = field(default_factory=dict)

    def knows(self, model_id: str) -> bool:
        return model_id in self.canonical

    def replacement(self, model_id: str) -> str | None:
        """The catalog's replacement for the model `model_id` names, if it names one."""
        canonical = self.canonical.get(model_id)
        return self.replacements.get(canonical) if canonical else None


def known_models(catalog_path: Path | None) -> KnownModels:
    """The catalog's IDs; empty when it cannot be read (the models job reports why)."""
    from checker.models.ids.catalog import CatalogError, load_catalog  # noqa: PLC0415

    try:
        catalog = load_catalog(catalog_path)
    except CatalogError:
        return KnownModels()
    canonical: dict[str, str] = {}
    replacements: dict[str, str] = {}
    for model in catalog.models.values():
        canonical[model.id] = model.id
        for alias in model.aliases:
            canonical.setdefault(alias, model.id)
        if model.replacement and model.replacement != model.id:
            replacements[model.id] = model.replacement
    return KnownModels(canonical, replacements)
