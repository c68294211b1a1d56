"""The small data files users hand the tool (`.claude-preflight.yml`, extra catalog entries):
read with a size cap and a safe loader, every problem reported as one line with its position."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType

    from pydantic import ValidationError


class DataFileError(ValueError):
    """The file cannot be read or parsed; the message is one line, starting with the file name."""


def read_data_file(path: Path, max_bytes: int) -> object:
    """JSON for `*.json`, YAML (safe, C loader where present) for everything else."""
    try:
        if path.stat().st_size > max_bytes:
            raise DataFileError(f"{path.name}: larger than {max_bytes} bytes")
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(f"{path.name}: cannot be read ({type(error).__name__})") from None
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except ValueError as error:
            line, column = getattr(error, "lineno", 0), getattr(error, "colno", 0)
            raise DataFileError(f"{path.name}:{line}:{column}: not valid JSON") from None
    import yaml  # noqa: PLC0415 - start-up time: the bundled catalog is JSON

    try:
        return yaml.load(text, Loader=_safe_loader(yaml))  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise DataFileError(f"{path.name}{where}: {problem}") from None


def validation_message(error: ValidationError) -> str:
    """pydantic's first complaint as `where: what` (the value itself is never echoed)."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(top level)"
    return f"{where}: {first['msg']}"


def _safe_loader(yaml: ModuleType) -> type:
    """libyaml's safe loader where PyYAML was built with it, else the pure-Python one."""
    loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader
