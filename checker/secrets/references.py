"""SEC006: env var references inside environment config files that this run does not provide.

Recognised forms: `${VAR}` (with `:-`/`-`/`:=`/`=` defaults, and Spring's `${VAR:default}`, as
satisfied), `${env:VAR}`, a whole value `$VAR`, `os.environ/VAR` (LiteLLM) or `env:VAR`, and `$VAR`
inside a value only where shells expand it (dotenv files) or where the name is unmistakably an env
var (`$DB_HOST` in upper case with an underscore). Prices (`$5`), regexes (`^a$`) and escaped `$$`
or `\\$` are not references.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from checker.findings import Finding, Severity, make_finding
from checker.workspace.model import ConfigFile, ConfigValue, WorkspaceScan

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_BODY = re.compile(rf"(?:env:)?(?P<name>{_NAME})(?P<op>:?[-=?+]|:)?(?P<rest>.*)", re.DOTALL)
_WHOLE = re.compile(rf"\$(?P<a>{_NAME})|os\.environ/(?P<b>{_NAME})|env:(?P<c>[A-Z_][A-Z0-9_]*)")
_SHELL_ANY = re.compile(rf"(?<![$\\])\$(?P<name>{_NAME})")
_SHELL_CLEAR = re.compile(r"(?<![$\\\w])\$(?P<name>[A-Z][A-Z0-9]*_[A-Z0-9_]+)(?![\w])")
_DOTENV_FORMATS = frozenset({"dotenv", "env", ".env"})
MAX_REFERENCES_PER_VALUE = 50


@dataclass(frozen=True, slots=True)
class Reference:
    """One required variable read by a config value, in the form it was written."""

    name: str
    form: str


def check_references(
    scan: WorkspaceScan,
    environ: Mapping[str, str],
    *,
    production: str | None,
    provided: frozenset[str] = frozenset(),
    withheld: bool = False,
) -> list[Finding]:
    """One finding per (file, variable) this run lacks, at its first reference.

    `provided` names variables checked elsewhere (the required secrets), never reported here.
    """
    findings = []
    for config in scan.files:
        defined = {value.key_path for value in config.values}
        dotenv = _is_dotenv(config)
        seen: set[str] = set()
        for value in config.values:
            for reference in references_in(value.value, dotenv=dotenv):
                name = reference.name
                if name in seen or name in provided or name in defined:
                    continue
                if environ.get(name, "").strip():
                    continue
                seen.add(name)
                is_production = production is not None and config.environment == production
                findings.append(
                    _finding(
                        config,
                        value,
                        reference,
                        is_set=name in environ,
                        is_production=is_production,
                        withheld=withheld,
                    )
                )
    return findings


def references_in(text: str, *, dotenv: bool = False) -> list[Reference]:
    """Every required env var a config value reads, in order; defaults make a reference optional."""
    if "$" not in text and "environ/" not in text and "env:" not in text:
        return []  # the common case, decided without a regex: every form below needs one of these
    stripped = text.strip()
    whole = _WHOLE.fullmatch(stripped)
    if whole:
        name = whole.group("a") or whole.group("b") or whole.group("c")
        form = {"a": "$", "b": "os.environ/", "c": "env:"}[str(whole.lastgroup)]
        return [Reference(name, f"{form}{name}")]
    found = list(_braced(text))
    if "$" in text:
        outside = _blank_braced(text)
        pattern = _SHELL_ANY if dotenv else _SHELL_CLEAR
        found += [
            Reference(match.group("name"), f"${match.group('name')}")
            for match in pattern.finditer(outside)
        ]
    return found[:MAX_REFERENCES_PER_VALUE]


def _braced(text: str) -> Iterator[Reference]:
    """`${...}` references, outermost first; a default's own references are only a fallback."""
    for start, end in _braced_spans(text):
        if start > 0 and text[start - 1] in "$\\":
            continue
        body = text[start + 2 : end]
        match = _BODY.fullmatch(body)
        if not match or body.startswith("{"):
            continue
        op = match.group("op") or ""
        if op == "" and match.group("rest"):
            continue
        if op in ("", "?", ":?"):
            yield Reference(match.group("name"), "${" + match.group("name") + "}")


def _braced_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start of `${`, index of its closing `}`) for every outermost `${...}`, nesting included."""
    index = 0
    while (start := text.find("${", index)) != -1:
        depth = 0
        for position in range(start + 1, len(text)):
            depth += {"{": 1, "}": -1}.get(text[position], 0)
            if depth == 0:
                yield start, position
                index = position + 1
                break
        else:
            return


def _blank_braced(text: str) -> str:
    """The text with every `${...}` span blanked, so `$NAME` is only matched outside of them."""
    result = list(text)
    for start, end in _braced_spans(text):
        result[start : end + 1] = " " * (end + 1 - start)
    return "".join(result)


def _is_dotenv(config: ConfigFile) -> bool:
    name = config.path.rsplit("/", 1)[-1]
    return (
        config.format.lower() in _DOTENV_FORMATS or name.startswith(".env") or name.endswith(".env")
    )


def _finding(
    config: ConfigFile,
    value: ConfigValue,
    reference: Reference,
    *,
    is_set: bool,
    is_production: bool,
    withheld: bool,
) -> Finding:
    name = reference.name
    state = "is set but empty" if is_set else "is not set"
    message = (
        f"`{config.path}` reads `{reference.form}` at `{value.key_path}`, but `{name}` {state} in "
        "this run"
    )
    if withheld:
        severity = Severity.NOTICE
        message += "; secrets are withheld from this run by design, so this may be expected."
    else:
        severity = Severity.ERROR if is_production else Severity.WARNING
        message += (
            ": the deployed app would read an empty value."
            if is_production
            else ". Provide it here if this environment should be checked like production."
        )
    return make_finding(
        "SEC006",
        message,
        severity=severity,
        fix=(
            f"Pass `{name}` to this step (`env: {name}: ...`, from a secret or variable), list it "
            f"in `required-secrets`, or give the reference a default (`${{{name}:-default}}`)."
        ),
        environment=config.environment,
        location=value.location,
        details={"variable": name},
    )
