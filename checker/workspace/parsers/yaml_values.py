"""YAML values with positions: the fast path for plain block YAML, else libyaml's composer.

PyYAML is imported only when a file needs the composer, so a run over plain files never pays
for it (about 25 ms of start-up).
"""

from __future__ import annotations

from checker.workspace.parsers.common import Values
from checker.workspace.parsers.yaml_fast import parse_plain_yaml


def parse_yaml(text: str, values: Values) -> None:
    """Collect every scalar of every document; a multi-document file prefixes `[i].`."""
    if not parse_plain_yaml(text, values):
        from checker.workspace.parsers.yaml_composed import (  # noqa: PLC0415 - see above
            parse_composed_yaml,
        )

        parse_composed_yaml(text, values)
