"""One redaction step that every reporter passes its text through before it leaves the process.

The second layer of "no secret in any output" (the first: checks never put any part of a value in a
message). Three passes:
1. the exact secret values of this run and every form a reporter might turn them into (stripped,
   unquoted, JSON-, HTML-, URL- and workflow-command-escaped);
2. any run of text made of 8-character fragments of a registered secret, so a truncated or partly
   quoted secret is caught too (fragments that lie inside a public key prefix such as
   `sk-ant-api03-` are not secret and stay readable);
3. anything shaped like an Anthropic credential or a well-known provider key, whatever its source.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from urllib.parse import quote

from checker.secrets.formats import PUBLIC_PREFIXES

REDACTED = "[REDACTED]"
MIN_SECRET_LENGTH = 4
FRAGMENT_LENGTH = 8
# A fragment's aligned quarter: any 8 characters from position p hold the 4 from the first
# multiple of 4 at or after p, so a text none of whose aligned 4-grams is a fragment's holds none.
QUAD = 4
# A report repeats the same strings thousands of times (codes, titles, fixes, paths): each text up
# to this long is redacted once per registered set of secrets, within a bound on what is kept.
MEMO_MAX_TEXT = 4_096
MEMO_MAX_ENTRIES = 50_000
_ALIGNED_QUADS = re.compile(r".{4}", re.DOTALL)
# Env vars that hold credentials whatever the settings say; registered before anything is printed.
ALWAYS_SECRET_ENV = ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_IDENTITY_TOKEN")

KEY_SHAPED = re.compile(
    r"sk-ant-[A-Za-z0-9]{2,12}-[A-Za-z0-9_\-]{8,}"
    r"|sk-ant-[A-Za-z0-9_\-]{12,}"
    r"|(?:api03|admin01|api01|oat01|ort01|sid01)-[A-Za-z0-9_\-]{8,}"
    r"|sk-(?:proj|svcacct|admin|or-v\d)-[A-Za-z0-9_\-]{16,}"
    r"|(?:AKIA|ASIA)[A-Z0-9]{16}"
    r"|AIza[A-Za-z0-9_\-]{35}"
    r"|gh[pousr]_[A-Za-z0-9]{30,}"
    r"|github_pat_[A-Za-z0-9_]{30,}"
    r"|xox[abeoprs]-[A-Za-z0-9\-]{10,}"
)
# A JSON Web Token: `eyJ` and 8+ token characters, a dot, 8+, a dot, any. As one regular
# expression it is tried from every `eyJ` of a long run and scans the run each time (48 s for
# 330 KB of `eyJeyJ...`), so `_redact_jwts` reads each dotted run of token characters once.
_TOKEN_RUN = re.compile(r"(?<![A-Za-z0-9_\-])[A-Za-z0-9_\-]++(?:\.[A-Za-z0-9_\-]*+)++")
JWT_SEGMENT = 8
# A fragment holding one of these could be structure (JSON quotes, escapes, line breaks), so it is
# left to the exact pass; a secret's other fragments still cover it.
_STRUCTURAL = frozenset("\"\\'`") | frozenset(" \t\r\n\f\v")


class Redactor:
    """Replaces known secret values, their fragments and key-shaped strings in any text."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._masks: list[str] = []
        self._exact: list[str] = []
        self._fragments: set[str] = set()
        self._quads: set[str] = set()
        self._memo: dict[str, str] = {}
        for value in secrets:
            self.add(value)

    def add(self, value: str) -> None:
        """Register a secret, the forms reporters might render it in, and its fragments."""
        plain = [variant for variant in _plain_variants(value) if len(variant) >= MIN_SECRET_LENGTH]
        for variant in plain:
            if variant not in self._masks:
                self._masks.append(variant)
            for form in (variant, *_escaped_forms(variant)):
                if form not in self._exact:
                    self._exact.append(form)
            self._fragments |= _fragments(variant)
        self._quads = {gram[at : at + QUAD] for gram in self._fragments for at in range(QUAD + 1)}
        self._memo.clear()
        self._masks.sort(key=len, reverse=True)
        self._exact.sort(key=len, reverse=True)

    @property
    def secrets(self) -> tuple[str, ...]:
        """The values to register with the runner's `::add-mask::` (raw, stripped, unquoted)."""
        return tuple(self._masks)

    def __call__(self, text: str) -> str:
        if len(text) > MEMO_MAX_TEXT:
            return self._redact(text)
        done = self._memo.get(text)
        if done is None:
            done = self._redact(text)
            if len(self._memo) < MEMO_MAX_ENTRIES:
                self._memo[text] = done
        return done

    def _redact(self, text: str) -> str:
        for secret in self._exact:
            if secret in text:
                text = text.replace(secret, REDACTED)
        if self._fragments and len(text) >= FRAGMENT_LENGTH:
            text = self._redact_fragments(text)
        text = KEY_SHAPED.sub(REDACTED, text)
        return _redact_jwts(text) if "eyJ" in text else text

    def _redact_fragments(self, text: str) -> str:
        """Replace every maximal run of text covered by registered 8-character fragments."""
        if self._quads.isdisjoint(_ALIGNED_QUADS.findall(text)):
            return text
        fragments = self._fragments
        covered_until = -1
        spans: list[tuple[int, int]] = []
        for start in range(len(text) - FRAGMENT_LENGTH + 1):
            if text[start : start + FRAGMENT_LENGTH] not in fragments:
                continue
            end = start + FRAGMENT_LENGTH
            if spans and start <= covered_until:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
            covered_until = end
        if not spans:
            return text
        parts, last = [], 0
        for start, end in spans:
            parts += [text[last:start], REDACTED]
            last = end
        parts.append(text[last:])
        return "".join(parts)


def _redact_jwts(text: str) -> str:
    """What `eyJ[T]{8,}\\.[T]{8,}\\.[T]*` (T: a token character) would replace, in one pass."""
    return _TOKEN_RUN.sub(lambda found: _jwts_in_run(found.group()), text)


def _jwts_in_run(run: str) -> str:
    """Leftmost-first, as the regular expression would: a segment holding `eyJ` with 8 more
    characters after it, the next segment of 8 or more, and one more segment (maybe empty)."""
    segments = run.split(".")
    out: list[str] = []
    index = 0
    while index < len(segments):
        segment = segments[index]
        start = segment.find("eyJ")
        fits = (
            start != -1
            and len(segment) - start - 3 >= JWT_SEGMENT
            and index + 2 < len(segments)
            and len(segments[index + 1]) >= JWT_SEGMENT
        )
        if not fits:
            out.append(segment + ("." if index + 1 < len(segments) else ""))
            index += 1
            continue
        out.append(segment[:start] + REDACTED + ("." if index + 3 < len(segments) else ""))
        index += 3
    return "".join(out)


def _plain_variants(value: str) -> list[str]:
    stripped = value.strip()
    unquoted = stripped.strip("'\"`").strip()
    return list(dict.fromkeys([value, stripped, unquoted]))


def _escaped_forms(value: str) -> list[str]:
    """How reporters may encode a value: JSON strings, HTML, URLs, workflow-command data."""
    percent = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    forms = [
        json.dumps(value)[1:-1],
        json.dumps(value, ensure_ascii=False)[1:-1],
        html.escape(value),
        html.escape(value, quote=False),
        quote(value, safe=""),
        percent,
        percent.replace(":", "%3A").replace(",", "%2C"),
    ]
    return [form for form in dict.fromkeys(forms) if form != value]


def _fragments(value: str) -> set[str]:
    grams = set()
    for start in range(len(value) - FRAGMENT_LENGTH + 1):
        gram = value[start : start + FRAGMENT_LENGTH]
        if _STRUCTURAL.isdisjoint(gram) and not any(gram in prefix for prefix in PUBLIC_PREFIXES):
            grams.add(gram)
    return grams
