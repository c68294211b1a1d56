"""Builders for the secrets tests: keys made at run time (no key-shaped literal is ever committed,
so neither our own SEC007 nor GitHub push protection trips over the test suite), settings and
workspace scans built the way the pipeline builds them.
"""

from __future__ import annotations

import json
import random
import string
from collections.abc import Mapping
from pathlib import Path

from checker.context import RunContext
from checker.findings import Finding, Location
from checker.scan.discovery import scan_workspace
from checker.secrets import SecretsOutcome, check_secrets
from checker.settings import load_settings
from checker.workspace.model import ConfigFile, ConfigValue, WorkspaceScan

KEY_ALPHABET = string.ascii_letters + string.digits + "_-"
SK = "sk-" + "ant-"


def make_key(kind: str = "api03", seed: int = 1, body_length: int = 93) -> str:
    """A key of the documented shape: prefix, 93 random key characters, `AA`."""
    rng = random.Random(seed)
    body = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(body_length))
    suffix = "AA" if kind in {"api03", "admin01"} else ""
    return f"{SK}{kind}-{body}{suffix}"


def secrets_outcome(
    environ: Mapping[str, str],
    workspace: Path,
    *,
    given: Mapping[str, str | None] | None = None,
    context: RunContext | None = None,
    scan: WorkspaceScan | None = None,
) -> SecretsOutcome:
    """check_secrets with settings loaded exactly as the CLI loads them."""
    settings = load_settings(dict(given or {}), environ, workspace=str(workspace))
    if scan is None:  # the one pass over the workspace, as the pipeline runs it
        scan = scan_workspace(settings, environ)
    return check_secrets(settings, context or RunContext(), environ, scan)


def codes(findings: list[Finding]) -> list[str]:
    return sorted(finding.code for finding in findings)


def only(findings: list[Finding], code: str) -> Finding:
    matching = [finding for finding in findings if finding.code == code]
    assert len(matching) == 1, [f"{f.code}: {f.message}" for f in findings]
    return matching[0]


def config_file(
    path: str, environment: str, values: dict[str, str], *, file_format: str = "yaml"
) -> ConfigFile:
    """A parsed config file whose values sit on consecutive lines, column 3."""
    return ConfigFile(
        path=path,
        environment=environment,
        group=".",
        format=file_format,
        values=[
            ConfigValue(key, value, Location(path, line, 3))
            for line, (key, value) in enumerate(values.items(), start=1)
        ],
    )


def assert_no_fragment(secret: str, text: str, *, public: str = "") -> None:
    """Neither the secret nor any 8-character piece of it (outside its public prefix) is in text."""
    for start in range(len(secret) - 7):
        piece = secret[start : start + 8]
        if piece in public:
            continue
        assert piece not in text, f"fragment at {start} of the secret leaked"


OUTPUT_NAMES = {"passed", "errors", "warnings", "report", "models"}


def report_data(text: str, data_maps: tuple[str, ...] = ("models", "environments")) -> str:
    """What a JSON or SARIF file holds as data: every string value, and the keys of the maps keyed
    by data (environment and slot names). The schema's own keys (`duration_ms`, `markdown`) are
    fixed words, not something a secret could leak into."""
    if not text:
        return ""
    document = json.loads(text)
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(document)
    for name in data_maps:
        for environment, inner in document.get(name, {}).items():
            found.append(environment)
            if name == "models":
                found.extend(inner)
    return "\n".join(found)


def output_values(text: str) -> str:
    """The values of a `$GITHUB_OUTPUT` file. Names and delimiters are the file's structure, not
    data the runner shows: a secret that happens to be `warnings` is not leaked by the name."""
    values, lines = [], iter(text.splitlines())
    for header in lines:
        name, _, delimiter = header.partition("<<")
        assert name in OUTPUT_NAMES, f"unexpected line in GITHUB_OUTPUT: {header!r}"
        block = list(iter(lines.__next__, delimiter))
        values.append("\n".join(block))
    return "\n".join(values)
