"""Model-ID job (MOD001-MOD011): prepare the uses once, then the checks and the drift matrix."""

from checker.models.check import ModelsOutcome, check_models
from checker.models.prepare import ModelInventory, PreparedModels, inventory_models, prepare_models

__all__ = [
    "ModelInventory",
    "ModelsOutcome",
    "PreparedModels",
    "check_models",
    "inventory_models",
    "prepare_models",
]
