"""String literals of source files that a model check cares about, with the names they are bound to.

`language_of` picks a scanner by file name and `scan_source` runs it. The scanners read code as
tokens (Python's own `tokenize`, one C-family lexer configured per language, a markup pass for
templates): the code is never imported or run, every scanner is linear in the text's length, and
broken input gives what can be read, never an exception. A text that mentions none of the signal
words nor `model` is refused before any lexing, so a large bundle without Claude in it costs a scan
for a few substrings.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from functools import partial
from types import MappingProxyType

from checker.read.source import python, ruby, templates
from checker.read.source.binding import MAX_STRINGS, WANTED_WORDS
from checker.read.source.c_family import SYNTAXES
from checker.read.source.c_family import scan as scan_c_family
from checker.read.source.model import SourceString

__all__ = ["LANGUAGES", "MAX_STRINGS", "SourceString", "language_of", "scan_source"]

_EXTENSIONS = {
    "python": ".py .pyi",
    "javascript": ".js .mjs .cjs .jsx .ts .tsx .mts .cts",
    "go": ".go",
    "java": ".java",
    "kotlin": ".kt .kts",
    "csharp": ".cs",
    "php": ".php",
    "rust": ".rs",
    "swift": ".swift",
    "ruby": ".rb .rake",
    "template": ".erb .j2 .jinja .jinja2 .html .htm .hbs .mustache .vue .svelte .twig .liquid"
    " .blade.php",
}
LANGUAGES: Mapping[str, str] = MappingProxyType(
    {extension: language for language, names in _EXTENSIONS.items() for extension in names.split()}
)
_SCANNERS: dict[str, Callable[[str], list[SourceString]]] = {
    language: partial(scan_c_family, syntax=syntax) for language, syntax in SYNTAXES.items()
}
_SCANNERS |= {"python": python.scan, "ruby": ruby.scan, "template": templates.scan}


def language_of(path: str) -> str | None:
    """The scanner language of a file, by its extension (`.blade.php` is a template), or None."""
    name = posixpath.basename(path.replace("\\", "/")).lower()
    if name.endswith(".blade.php"):
        return "template"
    return LANGUAGES.get(posixpath.splitext(name)[1])


def scan_source(text: str, language: str) -> list[SourceString]:
    """The string literals of `text` that name Claude or are bound to a model name, in order.

    Raises ValueError only for a `language` that is not one of `LANGUAGES`' values.
    """
    scanner = _SCANNERS.get(language)
    if scanner is None:
        raise ValueError(f"no source scanner for language {language!r}")
    low = text.lower()
    if not any(word in low for word in WANTED_WORDS):
        return []
    return scanner(text)
