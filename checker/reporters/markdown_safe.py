"""Untrusted text made inert for GitHub-flavoured markdown and HTML.

Model IDs, file names, config values and API messages come from the repository or the network.
Every character that HTML or markdown gives a meaning to becomes a numeric character reference:
it displays as itself, cannot open a tag, a link, emphasis or a code span, and `|` cannot split a
table cell (GFM splits cells on the raw `|` before entities are decoded). Line breaks are
flattened, so a value can never start a block (heading, list, table row, `</details>`).
"""

from __future__ import annotations

import re

from markupsafe import Markup

MAX_VALUE_CHARS = 2000

# HTML specials, markdown inline syntax, GitHub math (`$`) and block starters (`#`).
_ALWAYS = frozenset("&<>\"'\\`*[]!~|$#{}")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")
# Other C0/C1 controls, bidi overrides, zero-width characters and lone surrogates: shown as
# U+FFFD so nothing is hidden or reordered (and the file can be written as UTF-8).
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\xad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    r"\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]"
)
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)


def one_line(value: object, limit: int = MAX_VALUE_CHARS) -> str:
    """The value as one bounded line: breaks become spaces, controls become U+FFFD."""
    text = _INVISIBLE.sub("\ufffd", _LINE_BREAKS.sub(" ", str(value)).replace("\t", " "))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _markup(safe: str) -> Markup:
    """Mark text this module has encoded (or vetted) as safe for the template."""
    return Markup(safe)  # noqa: S704 - every caller passes encoded or vetted text


def _encode(text: str) -> str:
    out = []
    for index, char in enumerate(text):
        if char in _ALWAYS or (char == "_" and not _inert_underscore(text, index)):
            out.append(f"&#{ord(char)};")
        else:
            out.append(char)
    return "".join(out)


def _inert_underscore(text: str, index: int) -> bool:
    """`_` between two alphanumerics can neither open nor close emphasis (CommonMark 6.2)."""
    return 0 < index < len(text) - 1 and text[index - 1].isalnum() and text[index + 1].isalnum()


def text(value: object) -> Markup:
    """Untrusted text, inline: displays literally, means nothing to markdown or HTML."""
    return _markup(_encode(one_line(value)))


def code(value: object) -> Markup:
    """Untrusted text in a `<code>` element: a backtick in the value cannot break out of it."""
    return _markup(f"<code>{_encode(one_line(value))}</code>")


def message(value: object) -> Markup:
    """A check's message or fix: its `` `...` `` spans become `<code>`, everything is encoded.

    The spans are the check's formatting around untrusted values; a backtick inside a value can at
    worst move a span boundary, never produce markup, because both sides are encoded.
    """
    flat = one_line(value, limit=MAX_VALUE_CHARS * 2)
    parts: list[str] = []
    position = 0
    for match in _CODE_SPAN.finditer(flat):
        parts.append(_encode(flat[position : match.start()]))
        parts.append(f"<code>{_encode(match.group(2).strip() or match.group(2))}</code>")
        position = match.end()
    parts.append(_encode(flat[position:]))
    return _markup("".join(parts))


def finalize(value: object) -> object:
    """Jinja `finalize`: any `{{ value }}` not already markup is treated as untrusted text."""
    if isinstance(value, Markup):
        return value
    return text(value)


_SAFE_URL = re.compile(r"https://[A-Za-z0-9._~:/?#@!$&*+,;=%-]+")


def url(value: object) -> Markup:
    """A link target we can vouch for (https, no spaces, quotes or brackets), else empty."""
    candidate = str(value)
    return _markup(candidate if _SAFE_URL.fullmatch(candidate) else "")


_BACKTICK_RUNS = re.compile(r"`+")


def fenced(value: object, info: str = "", indent: int = 0) -> Markup:
    """Untrusted text as a one-line fenced code block, shown exactly as written (a fence shows its
    content literally, so nothing is encoded), behind a fence longer than any backtick run in it.
    `indent` spaces start the lines after the first (a block inside a list item)."""
    line = one_line(value)
    longest = max((len(run) for run in _BACKTICK_RUNS.findall(line)), default=0)
    fence = "`" * max(3, longest + 1)
    margin = "\n" + " " * indent
    return _markup(f"{fence}{_encode(one_line(info))}{margin}{line}{margin}{fence}")
