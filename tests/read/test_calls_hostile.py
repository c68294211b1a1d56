"""Source that breaks naive call readers: whatever a repository holds, the call readers do bounded
work and never raise, a file that cannot be parsed is said in a CFG003 notice, and nothing is
ever imported or run."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from checker.read.calls import find_calls
from checker.read.calls.javascript import MAX_CALLS as JS_MAX_CALLS
from checker.read.calls.python import MAX_CALLS as PY_MAX_CALLS
from tests.helpers import base_env, run_cli

DUMMY_KEY = "sk-ant-api03-" + "a" * 93 + "AA"
CALL = 'client.messages.create(model="claude-opus-5", messages=[])\n'
JS_CALL = 'client.messages.create({ model: "claude-opus-5", messages: [] });\n'
BROKEN_PYTHON = {
    "syntax_error.py": "import anthropic\n\ndef f(:\n    " + CALL,
    "python2.py": 'import anthropic\nprint "drafting"\n' + CALL,
    "template.py": (
        "import anthropic\n{% if cookiecutter.use_claude %}\n"
        'MODEL = "{{ cookiecutter.model }}"\n{% endif %}\n' + CALL
    ),
    "nul_bytes.py": "import anthropic\n\x00\n" + CALL,
}


@pytest.mark.parametrize("name", sorted(BROKEN_PYTHON))
def test_python_that_does_not_parse_gives_no_calls_and_says_why(name: str) -> None:
    calls = find_calls(BROKEN_PYTHON[name], "python", name, "runtime")
    assert calls.sites == []
    assert calls.error


def test_a_jinja_expression_that_parses_as_python_is_read_as_unknown() -> None:
    text = "import anthropic\n" + CALL.replace("messages=[]", "temperature={{ temperature }}")
    [site] = find_calls(text, "python", "t.py", "runtime").sites
    assert site.params["temperature"].shown == "temperature={{ temperature }}"


@pytest.mark.parametrize(
    ("language", "call", "bound"),
    [("python", CALL, PY_MAX_CALLS), ("javascript", JS_CALL, JS_MAX_CALLS)],
)
def test_ten_thousand_calls_in_one_file_are_read_up_to_the_bound(
    language: str, call: str, bound: int
) -> None:
    text = "import anthropic\n" + call * 10_000
    started = time.monotonic()
    calls = find_calls(text, language, "many", "runtime")
    assert time.monotonic() - started < 10
    assert len(calls.sites) == bound
    assert calls.unread == 10_000 - bound


@pytest.mark.parametrize("language", ["python", "javascript"])
def test_a_one_megabyte_literal_is_read_in_bounded_time(language: str) -> None:
    big = "x" * 1_000_000
    if language == "python":
        text = f'import anthropic\nclient.messages.create(model="{big}", system="{big}")\n'
    else:
        text = f'client.messages.create({{ model: "{big}", system: "{big}", messages: [] }});\n'
    started = time.monotonic()
    [site] = find_calls(text, language, "big", "runtime").sites
    assert time.monotonic() - started < 10
    assert site.model is not None
    assert site.model.value is None
    assert len(site.params["system"].shown) <= 60


@pytest.mark.parametrize("depth", [50, 150, 1_000, 100_000])
def test_deeply_nested_python_is_parsed_or_refused_never_raised(depth: int) -> None:
    nested = '{"a": ' * depth + "1" + "}" * depth
    text = f'import anthropic\nclient.messages.create(model="m", thinking={nested}, messages=[])\n'
    calls = find_calls(text, "python", "deep.py", "runtime")
    assert bool(calls.sites) != bool(calls.error)


@pytest.mark.parametrize(
    "expression",
    ["-" * 100_000 + "1", "+".join(["1"] * 100_000), "a" + ".b" * 100_000, "not " * 100_000 + "x"],
)
def test_python_nested_past_the_parser_stack_is_refused(expression: str) -> None:
    text = f'import anthropic\nclient.messages.create(model="m", top_k={expression}, messages=[])\n'
    calls = find_calls(text, "python", "deep.py", "runtime")
    assert len(calls.sites) <= 1


@pytest.mark.parametrize(
    "text",
    [
        "client.messages.create({ thinking: " + "{ a: " * 100_000 + "1" + " }" * 100_000 + " });",
        "client.messages.create(" * 50_000 + "{}" + ")" * 50_000,
        "client.messages.create({ messages: " + "[" * 100_000 + " });",
        "const a = " * 50_000 + '"claude-opus-5";',
        "client.messages.create({ a: () => { const b = () => { " * 5_000 + "} } });",
    ],
    ids=["nested-objects", "nested-calls", "unclosed-arrays", "chained-consts", "nested-arrows"],
)
def test_hostile_javascript_is_read_in_bounded_work(text: str) -> None:
    started = time.monotonic()
    find_calls(text, "javascript", "hostile.ts", "runtime")
    assert time.monotonic() - started < 20


def _gate(workspace: Path, tmp_path: Path) -> dict[str, object]:
    report = tmp_path / "report.json"
    run = run_cli(
        [str(workspace), "--live-check", "off", "--json", str(report)],
        env=base_env(ANTHROPIC_API_KEY=DUMMY_KEY),
        cwd=tmp_path,
    )
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode in (0, 1), run.stderr
    loaded: dict[str, object] = json.loads(report.read_text())
    return loaded


def test_a_workspace_of_broken_sources_gets_notices_and_the_rest_is_still_checked(
    tmp_path: Path,
) -> None:
    workspace = tmp_path / "app"
    workspace.mkdir()
    for name, text in BROKEN_PYTHON.items():
        (workspace / name).write_text(text)
    (workspace / "many.py").write_text("import anthropic\n" + CALL * 10_000)
    (workspace / "ok.py").write_text(
        "import anthropic\nclient.messages.create("
        'model="claude-opus-5", max_tokens=8, temperature=0.3, messages=[])\n'
    )
    report = _gate(workspace, tmp_path)
    findings = report["findings"]
    assert isinstance(findings, list)
    notices = {f["file"]: f["details"]["reason"] for f in findings if f["code"] == "CFG003"}
    assert set(notices) == {*BROKEN_PYTHON, "many.py"}
    assert notices["python2.py"].startswith("it is not Python 3 (line 2")
    assert notices["many.py"] == "it holds more calls than the 1,000 read"
    requests = [(f["code"], f["file"]) for f in findings if f["code"].startswith("REQ")]
    assert ("REQ001", "ok.py") in requests
    assert sum(1 for code, file in requests if file == "many.py") == PY_MAX_CALLS


def test_nothing_in_the_workspace_is_imported_or_run(tmp_path: Path) -> None:
    """Modules that write a file when imported: the call reader and the import resolution read
    them, so their finding proves they were seen, and no file appears."""
    workspace = tmp_path / "app"
    package = workspace / "bot"
    package.mkdir(parents=True)
    payload = 'import pathlib\npathlib.Path("{marker}").write_text("ran")\n'
    markers = [tmp_path / f"ran-{index}.txt" for index in range(3)]
    (package / "__init__.py").write_text(payload.format(marker=markers[0]))
    (package / "config.py").write_text(
        payload.format(marker=markers[1]) + 'MODEL = "claude-opus-5"\n'
    )
    (package / "llm.py").write_text(
        payload.format(marker=markers[2]) + "import anthropic\n"
        "from bot.config import MODEL\n\n"
        "anthropic.Anthropic().messages.create(\n"
        "    model=MODEL, max_tokens=8, temperature=0.5,\n"
        '    messages=[{"role": "user", "content": ""}],\n'
        ")\n"
    )
    report = _gate(workspace, tmp_path)
    findings = report["findings"]
    assert isinstance(findings, list)
    assert [(f["code"], f["file"], f["line"]) for f in findings if f["code"] == "REQ001"] == [
        ("REQ001", "bot/llm.py", 7)
    ]
    assert not [marker for marker in markers if marker.exists()]
    assert not list(workspace.rglob("__pycache__"))


@pytest.mark.parametrize("prefix", ["-", "not ", "~"])
def test_operators_nested_as_deep_as_the_parser_allows_are_read_as_unknown(prefix: str) -> None:
    text = (
        f'import anthropic\nclient.messages.create(model="m", top_k={prefix * 900}1, messages=[])\n'
    )
    calls = find_calls(text, "python", "deep.py", "runtime")
    assert all(site.params["top_k"].value is not None for site in calls.sites)
