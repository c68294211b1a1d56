"""SEC005: a value copied from an example file instead of a real credential.

A value of a valid key shape is never called a placeholder: 93 random characters contain `xxx` or
`key` often enough that substring rules would block real keys.
"""

from __future__ import annotations

import re

from checker.secrets.formats import ANTHROPIC_FORMATS

_WORDS = frozenset(
    {
        "apikey", "apikeyhere", "anthropicapikey", "anthropickey", "claudeapikey", "changeme",
        "changeit", "replaceme", "replacethis", "todo", "tbd", "fixme", "dummy", "dummykey",
        "test", "testkey", "testing", "example", "examplekey", "placeholder", "secret", "password",
        "key", "token", "null", "none", "nil", "undefined", "fake", "fakekey", "mykey", "myapikey",
        "sample", "samplekey", "notset", "unset", "empty", "default", "redacted", "masked",
        "secretkey", "insertkey", "insertkeyhere", "keyhere", "skant", "sk", "abc", "abc123",
        "123", "1234", "12345", "123456", "foo", "bar", "foobar", "xyz", "demo", "demokey",
    }
)  # fmt: skip
_OPENERS = ("your", "insert", "enter", "paste", "put", "add", "replace", "my")
_CLOSERS = ("key", "token", "secret", "here", "value")
# Each template marker and the label that names it; none holds a run of 8 key characters, so a
# label never shares a fragment with the value and the redactor leaves it readable.
_TEMPLATES = (
    (re.compile(r"\$\{\{.*\}\}"), "${{ … }}"),
    (re.compile(r"\$\{[^}]*\}"), "${…}"),
    (re.compile(r"\{\{.*\}\}"), "{{ … }}"),
    (re.compile(r"<[^<>]*>"), "<…>"),
    (re.compile(r"\[[^\[\]]*\]"), "[…]"),
    (re.compile(r"%[A-Za-z_][A-Za-z0-9_]*%"), "%…%"),
    (re.compile(r"\$[A-Za-z_][A-Za-z0-9_]*"), "$…"),
)
_FILLER_CHARS = "xX*.•…_-0#?"
_FILLER = re.compile(r"[xX*.•…_\-0#?]+")
_WORD_EXAMPLES = ("changeme", "dummy", "todo", "placeholder")


def placeholder_reason(core: str) -> str | None:
    """Why the stripped, unquoted value is a placeholder, or None when it could be real.

    The reason names the pattern that matched, in our own fixed words, never the value: a value
    is a secret until proven otherwise, and the redactor would blank any piece of it.
    """
    for pattern, label in _TEMPLATES:
        if pattern.fullmatch(core):
            return f"an unfilled template marker (`{label}`), not a key"
    if "..." in core or "…" in core:
        return "an elided example value (it contains `...`)"
    if _FILLER.fullmatch(core) or (len(core) >= 4 and len(set(core.lower())) == 1):
        return _filler(core)
    normalized = re.sub(r"[\s\-_.:]+", "", core.lower())
    if normalized in _WORDS:
        examples = [word for word in _WORD_EXAMPLES if normalized not in word][:2]
        named = " or ".join(f"`{word}`" for word in examples)
        return f"a placeholder word from the list of common stand-ins (such as {named}), not a key"
    if len(normalized) <= 40:
        opener = next((word for word in _OPENERS if normalized.startswith(word)), None)
        closer = next((word for word in _CLOSERS if normalized.endswith(word)), None)
        if opener and closer:
            return f"a value that looks like the placeholder `{opener}-…-{closer}`, not a key"
    return _anthropic_placeholder(core)


def _filler(core: str) -> str:
    """Name the filler character only when it is one of ours (`x`, `*`, `0`, ...)."""
    if len(set(core)) == 1:
        if core[0] in _FILLER_CHARS:
            return f"the filler character `{core[0]}` repeated, not a key"
        return "one character repeated, not a key"
    return "filler characters only (such as `x`, `*` or `0`), not a key"


def _anthropic_placeholder(core: str) -> str | None:
    """`sk-ant-xxx`, `sk-ant-api03-...`, `sk-ant-your-key`: a prefix with no real key after it."""
    if not core.startswith("sk-ant-"):
        return None
    prefix = "sk-ant-"
    body = core[len(prefix) :]
    for fmt in ANTHROPIC_FORMATS:
        if core.startswith(fmt.prefix):
            if fmt.length is not None and len(core) == fmt.length:
                return None
            prefix = fmt.prefix
            body = core[len(fmt.prefix) :]
            break
    lowered = body.lower()
    if not body or _FILLER.fullmatch(body) or len(set(lowered)) <= 2:
        return f"the key prefix `{prefix}` followed by filler, not a key"
    if any(pattern.search(body) for pattern, _ in _TEMPLATES) or any(
        word in lowered for word in ("your", "here", "placeholder")
    ):
        return f"the key prefix `{prefix}` followed by placeholder text, not a key"
    if re.fullmatch(r"[a-z\-_]+", lowered) and len(lowered) <= 24:
        return f"the key prefix `{prefix}` followed by placeholder text, not a key"
    return None
