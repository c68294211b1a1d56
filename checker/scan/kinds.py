"""What a workspace path is, decided once from its path alone: its tier and the reader it needs.

Tiers (SPEC section 2): a **runtime** file is what a deploy runs, judged as the table says; a
**template** (`.env.example`, `config.sample.yaml`) is what a new deploy starts from, so its
findings are warnings at most; a **non-runtime** file (docs, tests, examples, notebooks, lock
files, vendored code, data) never blocks: its findings are notices at most.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from checker.findings import Finding, Severity

Tier = Literal["runtime", "template", "nonruntime"]
RUNTIME: Tier = "runtime"
TEMPLATE: Tier = "template"
NON_RUNTIME: Tier = "nonruntime"
ReaderKind = Literal["structured", "source", "text"]
LanguageOf = Callable[[str], "str | None"]

NON_RUNTIME_FOLDERS = frozenset(
    {
        "docs", "tests", "test", "spec", "__tests__", "fixtures", "testdata", "examples",
        "samples", "vendor", "third_party", "node_modules",
    }
)  # fmt: skip
NON_RUNTIME_EXTENSIONS = frozenset(
    {"md", "markdown", "rst", "adoc", "txt", "ipynb", "csv", "tsv", "jsonl", "ndjson", "parquet"}
)
NON_RUNTIME_PREFIXES = ("changelog", "history", "changes", "releases", "news")
LOCK_FILES = frozenset(
    {
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb",
        "poetry.lock", "pipfile.lock", "uv.lock", "pdm.lock", "cargo.lock", "gemfile.lock",
        "composer.lock", "go.sum", "packages.lock.json", "mix.lock", "pubspec.lock",
        "podfile.lock", "flake.lock", ".terraform.lock.hcl", "requirements.lock",
    }
)  # fmt: skip
TEMPLATE_SUFFIXES = frozenset({"example", "sample", "template", "dist", "tmpl", "tpl", "default"})
TEST_NAME_MARKERS = (".test.", ".spec.", "_test.", "_spec.")

STRUCTURED_FORMATS = {
    "yaml": "yaml",
    "yml": "yaml",
    "json": "json",
    "jsonc": "jsonc",
    "toml": "toml",
    "properties": "properties",
    "env": "dotenv",
    "tf": "hcl",
    "tfvars": "hcl",
    "hcl": "hcl",
}
# Folders whose YAML is a template language, not data (Helm charts, Jinja'd Ansible files).
TEMPLATED_FOLDERS = frozenset({"templates"})


@dataclass(frozen=True, slots=True)
class FileKind:
    """How one file is judged (tier) and read (reader kind plus format or language)."""

    tier: Tier
    reader: ReaderKind
    format: str


def tier_of(parts: list[str]) -> Tier:
    """The tier of a workspace-relative path split on `/`."""
    name = parts[-1].lower()
    if any(part.lower() in NON_RUNTIME_FOLDERS for part in parts[:-1]):
        return NON_RUNTIME
    if name in LOCK_FILES or name.endswith(".lock"):
        return NON_RUNTIME
    _, dot, extension = name.rpartition(".")
    if dot and extension in NON_RUNTIME_EXTENSIONS:
        return NON_RUNTIME
    if name.startswith(NON_RUNTIME_PREFIXES) or name.startswith("test_"):
        return NON_RUNTIME
    if any(marker in name for marker in TEST_NAME_MARKERS):
        return NON_RUNTIME
    pieces = name.split(".")
    if any(piece in TEMPLATE_SUFFIXES for piece in pieces[1:]):
        return TEMPLATE
    return RUNTIME


def structured_format(name: str) -> str | None:
    """The structured reader of a file name, by extension; `.env` and `.env.*` are dotenv."""
    lowered = name.lower()
    if lowered == ".env" or lowered.startswith(".env."):
        return "dotenv"
    if lowered.startswith("appsettings") and lowered.endswith(".json"):
        return "jsonc"  # .NET allows comments and trailing commas
    _, dot, extension = lowered.rpartition(".")
    return STRUCTURED_FORMATS.get(extension) if dot else None


def kind_of(parts: list[str], language_of: LanguageOf) -> FileKind:
    """Tier and reader of a path. Non-runtime prose and data are read as plain text."""
    tier = tier_of(parts)
    name = parts[-1]
    lowered = name.lower()
    _, _, extension = lowered.rpartition(".")
    if extension in NON_RUNTIME_EXTENSIONS or lowered in LOCK_FILES:
        return FileKind(tier, "text", "text")
    file_format = structured_format(_without_template_suffix(name))
    if file_format is not None:
        templated = file_format == "yaml" and any(
            part.lower() in TEMPLATED_FOLDERS for part in parts[:-1]
        )
        reader: ReaderKind = "text" if templated else "structured"
        return FileKind(tier, reader, "text" if templated else file_format)
    language = language_of(name)
    if language is not None:
        return FileKind(tier, "source", language)
    return FileKind(tier, "text", "text")


def _without_template_suffix(name: str) -> str:
    """`.env.example` -> `.env`, `config.sample.yaml` stays: the reader follows the real format."""
    stem, dot, last = name.rpartition(".")
    return stem if dot and stem and last.lower() in TEMPLATE_SUFFIXES else name


# A key committed to a test or a doc is leaked all the same.
NEVER_CAPPED = frozenset({"SEC007"})


def capped_by_tier(findings: list[Finding], tiers: dict[str, Tier]) -> tuple[list[Finding], int]:
    """Findings in non-runtime files become notices, in templates warnings at most; how many."""
    capped = 0
    result = []
    for finding in findings:
        if finding.code in NEVER_CAPPED:
            result.append(finding)
            continue
        tier = tiers.get(finding.file or "") if finding.file else None
        ceiling = {NON_RUNTIME: Severity.NOTICE, TEMPLATE: Severity.WARNING}.get(tier or RUNTIME)
        if ceiling is not None and finding.severity.rank > ceiling.rank:
            capped += 1
            result.append(replace(finding, severity=ceiling))
        else:
            result.append(finding)
    return result, capped
