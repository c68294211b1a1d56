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
_TEMPLATE = re.compile(
    r"\$\{\{.*\}\}|\$\{[^}]*\}|\{\{.*\}\}|<[^<>]*>|\[[^\[\]]*\]|%[A-Za-z_][A-Za-z0-9_]*%"
    r"|\$[A-Za-z_][A-Za-z0-9_]*"
)
_FILLER = re.compile(r"[xX*.•…_\-0#?]+")


def placeholder_reason(core: str) -> str | None:
    """Why the stripped, unquoted value is a placeholder, or None when it could be real."""
    if _TEMPLATE.fullmatch(core):
        return "a template reference or `<...>` marker that was never filled in"
    if "..." in core or "…" in core:
        return "an elided example value (it contains `...`)"
    if _FILLER.fullmatch(core) or (len(core) >= 4 and len(set(core.lower())) == 1):
        return "filler characters (such as `xxxx` or `****`), not a key"
    normalized = re.sub(r"[\s\-_.:]+", "", core.lower())
    if normalized in _WORDS:
        return "a placeholder word, not a key"
    if len(normalized) <= 40 and normalized.startswith(_OPENERS) and normalized.endswith(_CLOSERS):
        return "placeholder text such as `your-api-key`, not a key"
    return _anthropic_placeholder(core)


def _anthropic_placeholder(core: str) -> str | None:
    """`sk-ant-xxx`, `sk-ant-api03-...`, `sk-ant-your-key`: a prefix with no real key after it."""
    if not core.startswith("sk-ant-"):
        return None
    body = core[len("sk-ant-") :]
    for fmt in ANTHROPIC_FORMATS:
        if core.startswith(fmt.prefix):
            if fmt.length is not None and len(core) == fmt.length:
                return None
            body = core[len(fmt.prefix) :]
            break
    lowered = body.lower()
    if not body or _FILLER.fullmatch(body) or len(set(lowered)) <= 2:
        return "an Anthropic key prefix followed by filler, not a key"
    if _TEMPLATE.search(body) or any(word in lowered for word in ("your", "here", "placeholder")):
        return "an Anthropic key prefix followed by placeholder text, not a key"
    if re.fullmatch(r"[a-z\-_]+", lowered) and len(lowered) <= 24:
        return "an Anthropic key prefix followed by placeholder text, not a key"
    return None
