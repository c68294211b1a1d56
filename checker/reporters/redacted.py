"""A copy of the report with every data string redacted, for reporters that transform text before
writing it (encoding, hashing, JSON escaping), where redacting the final output would be too late.

`map_strings` walks the typed report: every string value is data and is redacted, and so are the
dict keys that are data (environment and slot names: the `Report` fields marked `DATA_KEYS`). The
schema's own keys stay as written: a secret that happens to be `duration` or `error` must not
rename a field or corrupt the JSON a consumer parses. Enum members (a finding's severity) are
the schema's vocabulary, not text, and stay too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace
from enum import Enum
from typing import Any, TypeVar, cast

from checker.report import Report

T = TypeVar("T")


def redact_report(report: Report, redact: Callable[[str], str]) -> Report:
    return map_strings(report, redact)


def map_strings(value: T, change: Callable[[str], str], *, keys: bool = False) -> T:
    """`value` with every string in it changed; dict keys too when `keys` is set (data-keyed
    sections). Dataclasses are copied field by field, so the copy keeps its types."""
    result: Any = value
    if isinstance(value, Enum):
        result = value
    elif isinstance(value, str):
        result = change(value)
    elif is_dataclass(value) and not isinstance(value, type):
        result = replace(
            value,
            **{
                item.name: map_strings(
                    getattr(value, item.name), change, keys=bool(item.metadata.get("data_keys"))
                )
                for item in fields(value)
            },
        )
    elif isinstance(value, dict):
        result = {
            (change(key) if keys and isinstance(key, str) else key): map_strings(
                item, change, keys=keys
            )
            for key, item in value.items()
        }
    elif isinstance(value, list):
        result = [map_strings(item, change, keys=keys) for item in value]
    elif isinstance(value, tuple):
        result = tuple(map_strings(item, change, keys=keys) for item in value)
    return cast(T, result)


def redact_strings(value: Any, redact: Callable[[str], str]) -> Any:
    """Every string value in nested JSON-like data, redacted; keys and other types untouched."""
    return map_strings(value, redact)
