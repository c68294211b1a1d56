"""Model-ID job (MOD001-MOD010): catalog, normalization, drift across environments."""

from checker.models.check import ModelInventory, ModelsOutcome, check_models, inventory_models

__all__ = ["ModelInventory", "ModelsOutcome", "check_models", "inventory_models"]
