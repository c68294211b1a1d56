"""Model slots: (group, key path) -> the value each environment gives it."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.models.collect import Collected, ModelUse


@dataclass(slots=True)
class Slot:
    """One model setting across environments; the first value per environment wins."""

    group: str
    key_path: str
    name: str
    values: dict[str, ModelUse] = field(default_factory=dict)


def build_slots(collected: Collected) -> list[Slot]:
    """Every slot holding a Claude value somewhere, with non-Claude values of the same slot."""
    slots: dict[tuple[str, str], Slot] = {}
    for use in collected.uses:
        key = (use.group, use.key_path)
        slot = slots.get(key)
        if slot is None:
            slot = slots[key] = Slot(use.group, use.key_path, use.slot)
        slot.values.setdefault(use.environment, use)
    for use in collected.other_uses:
        slot = slots.get((use.group, use.key_path))
        if slot is not None:
            slot.values.setdefault(use.environment, use)
    return [slots[key] for key in sorted(slots)]


def drift_key(use: ModelUse) -> str:
    """What drift compares: the model named (all platform forms alike), else the cleaned text."""
    return use.ref.key if use.ref is not None else use.raw.strip().lower()
