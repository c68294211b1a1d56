"""One value's bytes, found at a finding's line and column, and replaced: those bytes only.

The readers report a value either at its first character or at its opening quote (JSON, dotenv,
source literals), counting columns in characters of the decoded line (a UTF-8 BOM is not one).
So the same arithmetic, run backwards on the raw bytes, finds the value's byte span; nothing
around it is re-serialised, which is what keeps quotes, comments, key order, line endings and the
encoding exactly as they were. A span whose bytes are not the value (the file changed, an escape
sequence, a block scalar) is refused, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BOM = b"\xef\xbb\xbf"
QUOTES = frozenset("\"'`")
# A replacement made only of these never needs quoting or escaping inside any quotes, nor as a
# bare YAML, dotenv, properties or shell word: the characters model IDs, ARNs and routes use.
SAFE_VALUE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/@+\-]*")
# Characters that would continue a bare value: the byte after it must not be one of them.
_WORD = re.compile(r"[A-Za-z0-9._:/@+\-\[\]]")
CONTEXT_SUFFIX = "[1m]"  # Claude Code's 1M-context marker: it belongs to the setting, not the ID


class EditRefusedError(Exception):
    """This value cannot be replaced safely; `reason` says why, in words for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `data[start:end]` (the old value's bytes) with `new`; `line_start`/`line_end`
    bound the line that holds it (without its line break)."""

    start: int
    end: int
    new: bytes
    line_start: int
    line_end: int
    quoted: bool


def replacement_for(old: str, new: str) -> str:
    """The value to write: a `[1m]` suffix the old value carried is kept."""
    if old.endswith(CONTEXT_SUFFIX) and not new.endswith(CONTEXT_SUFFIX):
        return new + CONTEXT_SUFFIX
    return new


def encoding_of(data: bytes, file_format: str | None) -> str:
    """The encoding the scan decoded this file with: UTF-8, or ISO-8859-1 for `.properties`."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "iso-8859-1" if file_format == "properties" else "utf-8"
    return "utf-8"


def locate(
    data: bytes,
    line: int,
    column: int,
    old: str,
    new: str,
    *,
    file_format: str | None = None,
) -> Edit:
    """The edit that turns `old` at (line, column) into `new`; raises EditRefusedError otherwise."""
    if not SAFE_VALUE.fullmatch(new.removesuffix(CONTEXT_SUFFIX)):
        raise EditRefusedError(f"`{new}` would need quoting or escaping here; change it by hand")
    encoding = encoding_of(data, file_format)
    line_start, line_end = _line_span(data, line)
    try:
        text = data[line_start:line_end].decode(encoding)
    except UnicodeDecodeError:
        raise EditRefusedError("the line is not valid UTF-8") from None
    text = text.removesuffix("\r")
    if column < 1 or column > len(text):
        raise EditRefusedError("the value is no longer at the reported position")
    index = column - 1
    quoted = text[index] in QUOTES and not text.startswith(old, index)
    if quoted:
        index += 1
    if not text.startswith(old, index):
        raise EditRefusedError("the bytes at the reported position are not the value")
    after = text[index + len(old) : index + len(old) + 1]
    if quoted and after != text[column - 1]:
        raise EditRefusedError("the value is written with escapes or continues past its quotes")
    if not quoted and after and _WORD.fullmatch(after):
        raise EditRefusedError("the bytes at the reported position are part of a longer word")
    if not quoted and file_format == "yaml" and not _plain_yaml_string(new):
        raise EditRefusedError(f"`{new}` would need quotes in YAML; change it by hand")
    start = line_start + len(text[:index].encode(encoding))
    end = start + len(old.encode(encoding))
    return Edit(start, end, new.encode(encoding), line_start, line_end, quoted)


def apply_edits(data: bytes, edits: list[Edit]) -> bytes:
    """The bytes with every edit applied (spans must not overlap), from the last to the first."""
    out = data
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        out = out[: edit.start] + edit.new + out[edit.end :]
    return out


def edited_line(data: bytes, edit: Edit, encoding: str = "utf-8") -> str:
    """The line holding the edit, as it reads after it (line break and CR left out)."""
    before = data[edit.line_start : edit.start]
    after = data[edit.end : edit.line_end]
    return (before + edit.new + after).decode(encoding, "replace").removesuffix("\r")


def _line_span(data: bytes, line: int) -> tuple[int, int]:
    """Byte offsets of a 1-based line (LF-separated), after a leading BOM on line 1."""
    start = len(BOM) if data.startswith(BOM) else 0
    for _ in range(line - 1):
        found = data.find(b"\n", start)
        if found == -1:
            raise EditRefusedError("the file has fewer lines than the reported position")
        start = found + 1
    end = data.find(b"\n", start)
    return start, len(data) if end == -1 else end


def _plain_yaml_string(value: str) -> bool:
    """A bare YAML scalar that still reads as this string (not a number, date, bool or null)."""
    import yaml  # noqa: PLC0415 - only a YAML edit needs it

    try:
        loaded = yaml.safe_load(value)
    except yaml.YAMLError:
        return False
    return isinstance(loaded, str) and loaded == value
