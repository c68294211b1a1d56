"""A Python file's syntax tree, parsed once for both of its readers (`ast.parse` only: nothing is
imported, compiled or run).

The scan hands a Python file's text to the call reader and then to the model-ID reader; the last
small text's tree is kept, so the second reader gets the first one's. A large file is parsed
afresh each time rather than held.
"""

from __future__ import annotations

import ast
import warnings
from functools import lru_cache

MAX_KEPT_CHARACTERS = 200_000


def parse(text: str) -> ast.Module | Exception:
    """The syntax tree, or the error that stopped the parser (nesting too deep included)."""
    if len(text) > MAX_KEPT_CHARACTERS:
        return _parse(text)
    return _kept(text)


@lru_cache(maxsize=1)
def _kept(text: str) -> ast.Module | Exception:
    return _parse(text)


def _parse(text: str) -> ast.Module | Exception:
    """Warnings (invalid escapes) are not the gate's to print."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(text)
    except (SyntaxError, ValueError, OverflowError, RecursionError, MemoryError) as error:
        return error
