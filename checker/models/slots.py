"""Model slots: (group, key path) -> the value each environment gives it.

Shared sources (source code, single config files) are never compared across environments; a
shared base (Helm's `values.yaml`, wrangler's `[vars]`) is: every environment with a file in its
group that does not override a key runs the base's value, so drift compares what each one runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.models.collect import Collected, ModelUse


@dataclass(slots=True)
class Slot:
    """One model setting across environments; the first value per environment wins.

    `inherited` names the environments whose value is the base's, not their own.
    """

    group: str
    key_path: str
    name: str
    values: dict[str, ModelUse] = field(default_factory=dict)
    base: ModelUse | None = None
    inherited: set[str] = field(default_factory=set)


def build_slots(collected: Collected) -> list[Slot]:
    """Every slot holding a Claude value somewhere, with non-Claude values of the same slot."""
    slots: dict[tuple[str, str], Slot] = {}
    for use in collected.uses:
        if use.environment is None and not use.base:
            continue
        key = (use.group, use.key_path)
        slot = slots.get(key)
        if slot is None:
            slot = slots[key] = Slot(use.group, use.key_path, use.slot)
        _place(slot, use)
    for use in collected.other_uses:
        slot = slots.get((use.group, use.key_path))
        if slot is not None:
            _place(slot, use)
    environments_by_group: dict[str, set[str]] = {}
    for environment, group in collected.templates:
        if environment is not None:
            environments_by_group.setdefault(group, set()).add(environment)
    for slot in slots.values():
        if slot.base is None:
            continue
        for environment in environments_by_group.get(slot.group, ()):
            if environment not in slot.values:
                slot.values[environment] = slot.base
                slot.inherited.add(environment)
    return [slots[key] for key in sorted(slots)]


def _place(slot: Slot, use: ModelUse) -> None:
    if use.environment is None:
        slot.base = slot.base or use
    else:
        slot.values.setdefault(use.environment, use)


def drift_key(use: ModelUse) -> str:
    """What drift compares: the model named (all platform forms alike), else the cleaned text."""
    return use.ref.key if use.ref is not None else use.raw.strip().lower()
