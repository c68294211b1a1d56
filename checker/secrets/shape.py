"""SEC003: a secret whose shape no valid credential has, described without showing the value.

Surrounding whitespace and quotes are checked for every single-line secret; length, alphabet and
suffix only for known `sk-ant-` formats; characters that cannot go into an HTTP header for the API
key whatever its format (gateways issue their own keys, so nothing else is assumed about them).
"""

from __future__ import annotations

from checker.secrets.formats import KEY_ALPHABET, KeyFormat, describe_character
from checker.secrets.values import QUOTES


def shape_problems(
    value: str, core: str, fmt: KeyFormat | None, *, header_value: bool
) -> list[str]:
    """What is wrong with the value's shape, as phrases like "ends with a newline"."""
    problems = _surrounding(value)
    if fmt is not None:
        problems += _format(core, fmt)
    elif header_value:
        problems += _header_unsafe(core)
    return problems


def is_single_line_token(value: str) -> bool:
    """True for values that should have no whitespace at all (not PEM blocks or JSON blobs)."""
    return not any(char.isspace() for char in value.strip())


def header_safe(core: str) -> bool:
    """Whether the value can be sent as an HTTP header value (visible ASCII only)."""
    return all(33 <= ord(char) < 127 for char in core)


def _surrounding(value: str) -> list[str]:
    problems = []
    leading = value[: len(value) - len(value.lstrip())]
    trailing = value[len(value.rstrip()) :]
    if leading:
        problems.append("starts with " + _whitespace_name(leading))
    if trailing:
        problems.append("ends with " + _whitespace_name(trailing))
    stripped = value.strip()
    if len(stripped) >= 2 and stripped[0] == stripped[-1] and stripped[0] in QUOTES:
        problems.append(f"is wrapped in {_quote_name(stripped[0])}")
    elif stripped[:1] and stripped[0] in QUOTES:
        problems.append(f"starts with {_quote_name(stripped[0], one=True)}")
    elif stripped[-1:] and stripped[-1] in QUOTES:
        problems.append(f"ends with {_quote_name(stripped[-1], one=True)}")
    return problems


def _format(core: str, fmt: KeyFormat) -> list[str]:
    problems = []
    body = core[len(fmt.prefix) :]
    outside = [(index, char) for index, char in enumerate(body) if char not in KEY_ALPHABET]
    if outside:
        position, char = outside[0]
        count = len(outside)
        problems.append(
            f"contains {count} character{'s' if count > 1 else ''} outside A-Z a-z 0-9 _ - "
            f"(the first, at position {len(fmt.prefix) + position + 1}, is "
            f"{describe_character(char)})"
        )
    if fmt.length is not None and len(core) != fmt.length:
        problems.append(
            f"is {len(core)} characters long, where {_article(fmt.label)} {fmt.label} has "
            f"exactly {fmt.length} (copied only in part, or two values run together?)"
        )
    elif fmt.suffix and not outside and not core.endswith(fmt.suffix):
        problems.append(f"does not end in `{fmt.suffix}` as every {fmt.label} does")
    return problems


def _header_unsafe(core: str) -> list[str]:
    unsafe = [(index, char) for index, char in enumerate(core) if not 33 <= ord(char) < 127]
    if not unsafe:
        return []
    position, char = unsafe[0]
    count = len(unsafe)
    return [
        f"contains {count} character{'s' if count > 1 else ''} that cannot be sent in an HTTP "
        f"header (the first, at position {position + 1}, is {describe_character(char)})"
    ]


def _whitespace_name(run: str) -> str:
    if run.endswith("\r\n") or run.startswith("\r\n"):
        return "a Windows line break (CR LF)"
    if "\n" in run:
        return "a newline" if run.count("\n") == 1 else f"{run.count(chr(10))} newlines"
    if set(run) == {" "}:
        return "a space" if len(run) == 1 else f"{len(run)} spaces"
    if set(run) == {"\t"}:
        return "a tab"
    if "\r" in run:
        return "a carriage return"
    return "whitespace"


def _quote_name(char: str, *, one: bool = False) -> str:
    names = {"'": "single quote", '"': "double quote", "`": "backtick"}
    return f"a {names[char]}" if one else f"{names[char]}s"


def _article(label: str) -> str:
    return "an" if label[:1].lower() in "aeiou" else "a"
