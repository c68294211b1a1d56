"""The worst input of every format the gate reads, from a pull request that wants it to hang, blow
up or crash: unterminated strings, 100k literals, deep nesting, 5 MB single lines, NUL bytes,
text that is not UTF-8, and the inputs that were quadratic or backtracking before issue 10
(`**a**a...` globs, unclosed JSONC comments, TOML keys of 30,000 dots, `eyJ` runs).

Each case runs through the CLI and through the action's entrypoint (`conftest.run_case`), which
asserts the time bound, the exit code, no traceback, no foreign workflow command, an intact
summary and no leaked key; a case adds what its format must give (CFG001, CFG003, ...).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.hostile.cases import (
    CURRENT,
    NEAR_CAP,
    RETIRED,
    billion_laughs,
    has,
    many_lines,
    never,
)
from tests.hostile.conftest import CaseRunner
from tests.hostile.support import Case

PROD_YAML = "config/production.yaml"
APPSETTINGS = "appsettings.production.json"


def _yaml() -> dict[str, Case]:
    return {
        "yaml-deep-flow": Case("yaml-deep-flow", {PROD_YAML: "model: " + "[" * 100_000}),
        "yaml-alias-bomb": Case(
            "yaml-alias-bomb", {PROD_YAML: billion_laughs()}, check=has("CFG003")
        ),
        "yaml-unterminated-quote": Case(
            "yaml-unterminated-quote",
            {PROD_YAML: f'model: "{CURRENT}\n' + many_lines("x: 1\n", 50_000)},
            check=has("CFG001"),
        ),
        "yaml-5mb-line": Case(
            "yaml-5mb-line", {PROD_YAML: f"model: {CURRENT}\nnote: " + "a" * NEAR_CAP}
        ),
        "yaml-nul": Case("yaml-nul", {PROD_YAML: b"model: claude\x00-sonnet-4-6\n"}),
        "yaml-not-utf8": Case(
            "yaml-not-utf8", {PROD_YAML: b"model: claude-\xff\xfe\n"}, check=has("CFG001")
        ),
        "yaml-100k-literals": Case(
            "yaml-100k-literals",
            {PROD_YAML: "items:\n" + many_lines("  - x\n") + f"model: {RETIRED}\n"},
        ),
    }


def _json() -> dict[str, Case]:
    return {
        "json-deep": Case("json-deep", {APPSETTINGS: "[" * 100_000}),
        "json-huge-int": Case(
            "json-huge-int",
            {"config/production.json": '{"n": ' + "9" * 10_000 + f', "model": "{CURRENT}"}}'},
            check=has("CFG003"),
        ),
        "json-5mb-string": Case(
            "json-5mb-string",
            {"config/production.json": '{"model": "claude-' + "s" * NEAR_CAP + '"}'},
        ),
        "json-lone-surrogate": Case(
            "json-lone-surrogate",
            {"config/production.json": '{"model": "claude-\\ud800sonnet-4-6"}'},
        ),
        "json-not-utf8": Case(
            "json-not-utf8",
            {"config/production.json": b'{"model": "\xc3\x28"}'},
            check=has("CFG001"),
        ),
        "jsonc-unclosed-comment": Case(
            "jsonc-unclosed-comment",
            {APPSETTINGS: '{"model": "claude-x"' + '/*"' * 40_000},
            check=has("CFG001"),
        ),
        "jsonc-unclosed-quotes": Case(
            "jsonc-unclosed-quotes",
            {APPSETTINGS: f'{{"model": "{CURRENT}", // c\n' + '"\\' * 60_000},
            check=has("CFG001"),
        ),
    }


def _toml() -> dict[str, Case]:
    toml = "config/production.toml"
    return {
        "toml-30k-dots": Case(
            "toml-30k-dots", {toml: "a" + ".a" * 30_000 + " = 1\n"}, check=has("CFG003")
        ),
        "toml-unterminated-multiline": Case(
            "toml-unterminated-multiline",
            {toml: 'model = """claude\n' + many_lines("x\n")},
            check=has("CFG001"),
        ),
        "toml-deep-inline": Case(
            "toml-deep-inline", {toml: "a = " + "{b = " * 5_000 + "1" + "}" * 5_000 + "\n"}
        ),
        "toml-huge-int": Case(
            "toml-huge-int", {toml: f'model = "{CURRENT}"\nn = ' + "1" * 10_000 + "\n"}
        ),
    }


def _dotenv_properties() -> dict[str, Case]:
    properties = "src/main/resources/application-production.properties"
    return {
        "dotenv-unterminated": Case(
            "dotenv-unterminated",
            {".env.production": f'ANTHROPIC_MODEL="{CURRENT}\n' + many_lines("X=1\n")},
        ),
        "dotenv-5mb-line": Case(
            "dotenv-5mb-line", {".env.production": "ANTHROPIC_MODEL=claude-" + "x" * NEAR_CAP}
        ),
        "dotenv-late-nul": Case(
            "dotenv-late-nul",
            {".env.production": many_lines("A=b\n", 3_000) + f"\x00ANTHROPIC_MODEL={RETIRED}\n"},
        ),
        "properties-continuations": Case(
            "properties-continuations",
            {properties: many_lines("a=b\\\n") + f"llm.model={CURRENT}\n"},
        ),
        "properties-bad-escapes": Case(
            "properties-bad-escapes", {properties: "llm.model=claude\\uZZZZ\\u12\n"}
        ),
        "properties-latin1": Case(
            "properties-latin1", {properties: b"llm.model=claude-\xe9\xff\nx=\xa0\n"}
        ),
    }


def _hcl() -> dict[str, Case]:
    tfvars = "production.tfvars"
    return {
        "hcl-unterminated-heredoc": Case(
            "hcl-unterminated-heredoc",
            {tfvars: "model = <<EOT\nclaude\n" + many_lines("x\n")},
            check=has("CFG001"),
        ),
        "hcl-deep-braces": Case("hcl-deep-braces", {tfvars: "x = " + "{" * 100_000}),
        "hcl-unterminated-interpolation": Case(
            "hcl-unterminated-interpolation", {tfvars: 'model = "claude-${' + "a" * 100_000}
        ),
        "hcl-5mb-line": Case(
            "hcl-5mb-line",
            {"main.tf": f'variable "m" {{ default = "{CURRENT}" }} #' + "#" * NEAR_CAP},
        ),
    }


def _sources() -> dict[str, Case]:
    return {
        "python-unterminated-triple": Case(
            "python-unterminated-triple", {"src/app.py": 'MODEL = """claude\n' + many_lines("x\n")}
        ),
        "python-100k-literals": Case(
            "python-100k-literals",
            {"src/app.py": many_lines('A = "s"\n') + f'MODEL = "{RETIRED}"\n'},
            check=has("MOD003"),
        ),
        "python-deep-parens": Case(
            "python-deep-parens", {"src/app.py": "MODEL = " + "(" * 100_000 + f'"{CURRENT}"'}
        ),
        "python-late-nul": Case(
            "python-late-nul",
            {"src/app.py": many_lines("# pad\n", 2_000) + f'\x00MODEL = "{RETIRED}"\n'},
        ),
        "js-nested-templates": Case(
            "js-nested-templates", {"src/app.js": "const model = `claude-${" * 50_000}
        ),
        "js-slashes": Case(
            "js-slashes", {"src/app.js": "x = " + "/a" * 100_000 + f'\nconst model = "{RETIRED}"'}
        ),
        "js-5mb-bundle": Case(
            "js-5mb-bundle",
            {"public/app.js": f'!function(){{var m="{CURRENT}";' + "f();" * (NEAR_CAP // 4) + "}"},
        ),
        "go-unterminated-raw": Case(
            "go-unterminated-raw", {"main.go": "var model = `claude" + "x" * 100_000}
        ),
        "java-unterminated-text-block": Case(
            "java-unterminated-text-block",
            {"App.java": 'String model = """\n' + many_lines("claude\n", 50_000)},
        ),
        "kotlin-nested-interpolation": Case(
            "kotlin-nested-interpolation", {"App.kt": 'val model = "${' * 50_000}
        ),
        "csharp-verbatim": Case(
            "csharp-verbatim", {"App.cs": 'var model = @"claude' + '""' * 50_000}
        ),
        "php-unterminated-heredoc": Case(
            "php-unterminated-heredoc",
            {"index.php": "<?php $m = <<<EOT\nclaude\n" + many_lines("x\n", 50_000)},
        ),
        "rust-raw-hashes": Case(
            "rust-raw-hashes", {"src/main.rs": 'let model = r####"claude' + "#" * 100_000}
        ),
        "swift-raw-multiline": Case(
            "swift-raw-multiline", {"App.swift": 'let model = #"""claude' + "\n" * 50_000}
        ),
        "ruby-percent-literal": Case(
            "ruby-percent-literal", {"app.rb": "MODEL = %w[claude" + " x" * 100_000}
        ),
        "template-unclosed": Case(
            "template-unclosed", {"templates/a.html": "{{ model " * 50_000 + "claude"}
        ),
        "text-5mb-of-ids": Case(
            "text-5mb-of-ids", {"docs/models.md": f"{RETIRED} " * (NEAR_CAP // 23)}
        ),
    }


def _linear_now() -> dict[str, Case]:
    """The inputs that were superlinear before issue 10 (item 6)."""
    return {
        "glob-backtracking": Case(
            "glob-backtracking",
            {
                ".claude-preflight.yml": 'environments:\n  production: ["' + "**a" * 15 + '"]\n',
                "a" * 250 + "b": f"model: {CURRENT}\n",
                "config/production.yaml": f"model: {CURRENT}\n",
            },
        ),
        "redactor-eyj-run": Case(
            "redactor-eyj-run",
            {PROD_YAML: "model: " + "eyJ" * 110_000 + "\n", "docs/x.md": "eyJ" * 110_000},
            check=never("eyJeyJeyJeyJeyJeyJeyJeyJeyJeyJeyJeyJeyJeyJeyJeyJeyJeyJeyJeyJeyJeyJ" * 10),
        ),
        "inline-markers-everywhere": Case(
            "inline-markers-everywhere",
            {"src/app.py": many_lines("# claude-preflight: ignore[MOD003]\n", 5_000)},
        ),
    }


CASES: dict[str, Callable[[], dict[str, Case]]] = {
    "yaml": _yaml,
    "json": _json,
    "toml": _toml,
    "dotenv-properties": _dotenv_properties,
    "hcl": _hcl,
    "sources": _sources,
    "linear": _linear_now,
}
NAMES = [(group, name) for group, build in CASES.items() for name in build()]


@pytest.mark.parametrize(("group", "name"), NAMES, ids=[name for _, name in NAMES])
def test_a_hostile_file_is_read_within_bounds(run_case: CaseRunner, group: str, name: str) -> None:
    case = CASES[group]()[name]
    run = run_case(case)
    assert run.report is not None, run.stderr
