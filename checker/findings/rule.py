"""What a rule is: its documentation, the words its findings use, and an example.

A rule carries its words, as ruff's rules do: a check names the facts it found
(`make_finding("MOD001", "production", slot=..., value=...)`) and the rule's templates turn them
into the message and the fix, so the wording a user reads is written once, next to the rule's
documentation, and the docs can show a finding exactly as the code produces it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from checker.vocabulary import Job, SeverityName

# `{name}` or `{name:spec}` with a lower-case name; anything else (`${VAR}`, `${{ secrets.X }}`,
# `{{ }}`) is literal text, so templates can quote shell and workflow syntax unescaped.
_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)(?::([^{}]+))?\}")


class MissingFactError(KeyError):
    """A template names a fact its call site did not pass: a programming error, caught by tests."""


def placeholders(template: str) -> tuple[str, ...]:
    """The fact names a template uses, in order of first use."""
    return tuple(dict.fromkeys(match.group(1) for match in _PLACEHOLDER.finditer(template)))


def fill(template: str, facts: Mapping[str, object]) -> str:
    """The template with each `{name}` replaced by its fact (formatted by `{name:spec}`)."""

    def replace(match: re.Match[str]) -> str:
        name, spec = match.group(1), match.group(2)
        if name not in facts:
            raise MissingFactError(f"no fact {name!r} for template {template[:60]!r}")
        return format(facts[name], spec or "")

    return _PLACEHOLDER.sub(replace, template)


@dataclass(frozen=True, slots=True, kw_only=True)
class Wording:
    """One way a rule's finding reads: a message template and, when the situation calls for a
    more specific one than the rule's, a fix template."""

    message: str
    fix: str | None = None

    def placeholders(self) -> tuple[str, ...]:
        return placeholders(self.message + "\n" + (self.fix or ""))


@dataclass(frozen=True, slots=True, kw_only=True)
class Example:
    """What triggers the rule and what the fix looks like, with the facts that fill the rule's
    first wording: docs and `--explain` show the finding exactly as the code words it."""

    trigger: str
    facts: Mapping[str, object] = field(default_factory=dict)
    fixed: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One finding code: its documentation, its words and the version that introduced it."""

    code: str
    title: str
    severity: SeverityName
    job: Job
    since: str
    explanation: str
    fix: str
    words: Mapping[str, Wording]
    example: Example
    severity_note: str = ""

    def wording(self, name: str | None) -> Wording:
        """The named wording, or the first one (the rule's usual case) when no name is given."""
        if name is None:
            return next(iter(self.words.values()))
        try:
            return self.words[name]
        except KeyError:
            known = ", ".join(self.words)
            raise KeyError(f"{self.code} has no wording {name!r} (it has {known})") from None


@dataclass(frozen=True, slots=True)
class RetiredCode:
    """A code that is not (or no longer) assigned; recorded so it is never reused."""

    code: str
    reason: str
