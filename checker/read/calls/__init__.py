"""Claude API call sites in source code, each argument with its exact line and column.

Python is read with `ast.parse` (parse only: nothing is imported, compiled or run) and
JavaScript/TypeScript with the C-family lexer's tokens; both reduce every library's call to the
Messages API's own parameter names (`dialects`). `find_calls` reads one file; names imported from
another file of the project stay `Pending` until `module_constants` of that file answers them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from checker.read.calls import javascript, python
from checker.read.calls.dialects import has_call_signal
from checker.read.calls.model import CallSite, FileCalls, ModelArg, Param, Pending, Turn

if TYPE_CHECKING:
    from checker.scan.kinds import Tier

__all__ = [
    "LANGUAGES",
    "CallSite",
    "FileCalls",
    "ModelArg",
    "Param",
    "Pending",
    "Turn",
    "find_calls",
    "has_call_signal",
    "module_constants",
]

_READERS: dict[str, Callable[[str, str, Tier], FileCalls]] = {
    "python": python.read,
    "javascript": javascript.read,
}
_CONSTANTS: dict[str, Callable[[str, str], dict[str, ModelArg]]] = {
    "python": python.module_constants,
    "javascript": javascript.module_constants,
}
LANGUAGES = frozenset(_READERS)


def find_calls(text: str, language: str, relative: str, tier: Tier) -> FileCalls:
    """The calls of one file in one of `LANGUAGES` (any other language has none)."""
    reader = _READERS.get(language)
    return reader(text, relative, tier) if reader is not None else FileCalls()


def module_constants(text: str, language: str, relative: str) -> dict[str, ModelArg]:
    """The file's module-level names that hold a model ID (literal, env default or import)."""
    reader = _CONSTANTS.get(language)
    return reader(text, relative) if reader is not None else {}
