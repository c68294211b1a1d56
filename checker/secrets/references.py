"""SEC006: Claude settings that config files read from the environment and this run lacks.

Only Claude's credentials and settings are checked (`checker.secrets.claude_vars`); every other
reference is counted as left alone, so the summary can say so and how to have one checked.

Recognised forms: `${VAR}` (with `:-`/`-`/`:=`/`=` defaults, and Spring's `${VAR:default}`, as
satisfied), `${env:VAR}`, a whole value `$VAR`, `os.environ/VAR` (LiteLLM) or `env:VAR`, and `$VAR`
inside a value only where shells expand it (dotenv files) or where the name is unmistakably an env
var (`$DB_HOST` in upper case with an underscore). Prices (`$5`), regexes (`^a$`) and escaped `$$`
or `\\$` are not references.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from checker.findings import Finding, Severity, make_finding
from checker.report import UncheckedReferences
from checker.secrets.claude_vars import claude_slots, is_claude_variable, names_another_vendor
from checker.workspace.model import ConfigFile, ConfigValue, WorkspaceScan

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_BODY = re.compile(rf"(?:env:)?(?P<name>{_NAME})(?P<op>:?[-=?+]|:)?(?P<rest>.*)", re.DOTALL)
_WHOLE = re.compile(rf"\$(?P<a>{_NAME})|os\.environ/(?P<b>{_NAME})|env:(?P<c>[A-Z_][A-Z0-9_]*)")
_SHELL_ANY = re.compile(rf"(?<![$\\])\$(?P<name>{_NAME})")
_SHELL_CLEAR = re.compile(r"(?<![$\\\w])\$(?P<name>[A-Z][A-Z0-9]*_[A-Z0-9_]+)(?![\w])")
_DOTENV_FORMATS = frozenset({"dotenv", "env", ".env"})
MAX_REFERENCES_PER_VALUE = 50
MAX_EXAMPLES = 3


@dataclass(frozen=True, slots=True)
class Reference:
    """One required variable read by a config value, in the form it was written."""

    name: str
    form: str


@dataclass(slots=True)
class ReferenceCheck:
    """SEC006 findings, and what was left alone because it is not a Claude setting."""

    findings: list[Finding] = field(default_factory=list)
    unchecked: UncheckedReferences = field(default_factory=UncheckedReferences)


def check_references(
    scan: WorkspaceScan,
    environ: Mapping[str, str],
    *,
    production: str | None,
    api_key_env: str = "ANTHROPIC_API_KEY",
    provided: frozenset[str] = frozenset(),
    withheld: bool = False,
) -> ReferenceCheck:
    """One finding per (file, Claude variable) this run lacks, at its first reference.

    `provided` names variables checked elsewhere (the required secrets), never reported here.
    """
    result = ReferenceCheck()
    slots = claude_slots(scan)
    left_alone = 0
    names: dict[str, None] = {}
    # Only an environment's own config files (a LiteLLM proxy config is production's): a `$VAR`
    # in source code, prose or a workflow's shell step is not a setting the deploy fills in.
    for config in scan.environment_files:
        defined = {value.key_path for value in config.values}
        dotenv = _is_dotenv(config)
        seen: set[str] = set()
        for value in config.values:
            for reference in references_in(value.value, dotenv=dotenv):
                name = reference.name
                # `URL=https://$HOST/v1` reads the file's own `HOST`; `KEY=${KEY}` reads the run's
                own = name in defined and name != value.key_path
                if name in seen or name in provided or own:
                    continue
                seen.add(name)
                claude = is_claude_variable(name, api_key_env) or (
                    slots.holds_claude(config, value.key_path) and not names_another_vendor(name)
                )
                if not claude:
                    left_alone += 1
                    names.setdefault(name)
                    continue
                if environ.get(name, "").strip():
                    continue
                is_production = config.environment is None or config.environment == production
                result.findings.append(
                    _finding(
                        config,
                        value,
                        reference,
                        is_set=name in environ,
                        is_production=is_production,
                        withheld=withheld,
                    )
                )
    result.unchecked = UncheckedReferences(
        references=left_alone, variables=len(names), examples=tuple(names)[:MAX_EXAMPLES]
    )
    return result


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
    if withheld:
        wording, severity = "withheld", Severity.NOTICE
    elif is_production:
        wording, severity = "production", Severity.ERROR
    else:
        wording, severity = "elsewhere", Severity.WARNING
    return make_finding(
        "SEC006",
        wording,
        severity=severity,
        environment=config.environment,
        location=value.location,
        details={"variable": reference.name},
        file=config.path,
        form=reference.form,
        key=value.key_path,
        variable=reference.name,
        state="is set but empty" if is_set else "is not set",
    )
