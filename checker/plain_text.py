"""Untrusted text for the log: console lines, annotations, one-line error messages.

One path for every piece of repository or user text that reaches stdout or stderr: line breaks
become spaces (so no text can start a line, hence no workflow command), and every other control or
invisible character becomes a visible escape, so nothing is hidden, reordered or interpreted by a
terminal: C0 and C1 controls (`\\x1b`, `\\x9b` the CSI), bidi overrides and isolates (`\\u202e`),
zero-width characters (`\\u200b`, `\\ufeff`) and lone surrogates (which cannot even be encoded).
The markdown summary has its own path (`reporters/markdown_safe`), which also encodes markdown.
"""

from __future__ import annotations

import re

MAX_MESSAGE_CHARS = 2_000
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\t\v\f\x1c-\x1e\x85\u2028\u2029]")
# Breaks other than CR, LF and tab, which a terminal or the runner may still act on.
_VISIBLE_BREAKS = re.compile(r"[\v\f\x1c-\x1e\x85\u2028\u2029]")
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\xad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    r"\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]"
)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: object, limit: int | None = None) -> str:
    """The text on one line, every control or invisible character shown as an escape."""
    flat = _INVISIBLE.sub(_escape, _LINE_BREAKS.sub(" ", str(text)))
    if limit is not None and len(flat) > limit:
        return flat[: limit - 1] + "…"
    return flat


def shown(text: object) -> str:
    """The text with its line breaks kept, every other control or invisible character escaped:
    for workflow-command data, whose escaping (`%0A`) keeps lines inside one command."""
    return _INVISIBLE.sub(_escape, _VISIBLE_BREAKS.sub(_escape, str(text)))


def quoted(text: object, limit: int = 80) -> str:
    """A user value inside a message: visible, bounded and in quotes, so its ends show."""
    return "'" + visible(text, limit).replace("'", "\\'") + "'"
