"""One parser per config format; each records positioned scalars or raises ParseError/SkipError."""

from __future__ import annotations

from collections.abc import Callable

from checker.workspace.model import ConfigValue
from checker.workspace.parsers.common import ParseError, SkipError, Values
from checker.workspace.parsers.dotenv_values import parse_dotenv
from checker.workspace.parsers.hcl_values import parse_hcl
from checker.workspace.parsers.json_values import parse_json, parse_jsonc
from checker.workspace.parsers.properties_values import parse_properties
from checker.workspace.parsers.toml_values import parse_toml
from checker.workspace.parsers.yaml_values import parse_yaml

PARSERS: dict[str, Callable[[str, Values], None]] = {
    "yaml": parse_yaml,
    "json": parse_json,
    "jsonc": parse_jsonc,
    "toml": parse_toml,
    "dotenv": parse_dotenv,
    "properties": parse_properties,
    "hcl": parse_hcl,
}


def parse_text(text: str, file_format: str, path: str) -> list[ConfigValue]:
    """Every scalar of `text` with its key path and position in `path` (workspace-relative)."""
    values = Values(path)
    PARSERS[file_format](text, values)
    return values.result()


__all__ = ["PARSERS", "ParseError", "SkipError", "parse_text"]
