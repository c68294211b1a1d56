"""The small data files users hand the tool (`.claude-preflight.yml`, extra catalog entries):
read with a size cap and a safe loader, every problem reported as one line with its position."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from checker.plain_text import quoted
from checker.regular_files import NotRegularFileError, read_regular

_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]{1,40}")

if TYPE_CHECKING:
    from types import ModuleType

    from pydantic import ValidationError


class DataFileError(ValueError):
    """The file cannot be read or parsed; the message is one line, starting with the file name."""


def read_data_file(path: Path, max_bytes: int) -> object:
    """JSON for `*.json`, YAML (safe, C loader where present) for everything else."""
    try:
        text = read_regular(path, max_bytes).decode("utf-8-sig")
    except NotRegularFileError as error:
        raise DataFileError(f"{path.name}: cannot be read: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise DataFileError(f"{path.name}: cannot be read ({type(error).__name__})") from None
    except ValueError:  # `read_regular`: larger than the cap
        raise DataFileError(f"{path.name}: larger than {max_bytes} bytes") from None
    except OSError as error:
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
    """pydantic's first complaint as `where: what` (the value itself is never echoed); a key
    that is not a plain name (a newline, `::`, markdown) is quoted with its controls escaped."""
    first = error.errors()[0]
    where = ".".join(_location_part(part) for part in first["loc"]) or "(top level)"
    return f"{where}: {first['msg']}"


def _location_part(part: object) -> str:
    text = str(part)
    return text if _PLAIN_KEY.fullmatch(text) else quoted(text, 40)


def _safe_loader(yaml: ModuleType) -> type:
    """libyaml's safe loader where PyYAML was built with it, else the pure-Python one."""
    loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader
