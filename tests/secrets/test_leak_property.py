"""Property: no output of any reporter ever holds a key, or 8 or more characters of one.

Keys of every shape (valid `sk-ant-api03-`, admin keys, OAuth tokens, arbitrary strings) are put in
hostile surroundings (newlines, quotes, `::`, `%`, Unicode) and in every place a key can sit: the
`api-key` input, the key env var, another required secret, a committed file, a config value. The
run goes through `checker.app.run` in process (the CLI and the action share it), on and off GitHub,
with every reporter on: stdout (annotations, console), stderr, job summary, step outputs, JSON and
SARIF. Only `::add-mask::` lines may hold the key: that is how the runner learns to mask it.
"""

from __future__ import annotations

import io
import json
import os
import string
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checker.app import run
from tests.secrets.support import SK, output_values, report_data

EXAMPLES = int(os.environ.get("LEAK_EXAMPLES", "500"))
KEY_CHARS = string.ascii_letters + string.digits + "_-"
RANDOM_CHARS = string.ascii_letters + string.digits + "-_.~+/=:%@!#*,;éßñ日本Ωж"
SURROUNDINGS = ["", " ", "  ", "\n", "\r\n", "\t", '"', "'", "`", "::", "%", "%0A", "::error::x",
                "é", "\u200b", "${", "\\", "<", "&"]  # fmt: skip
PLACES = ("input", "env", "required", "committed", "config")
EVENTS = {
    "outside": None,
    "push": ("push", {}, "octocat"),
    "fork": (
        "pull_request",
        {"pull_request": {"head": {"repo": {"fork": True, "full_name": "eve/app"}}}},
        "eve",
    ),
    "dependabot": ("pull_request", {"pull_request": {"head": {"repo": None}}}, "dependabot[bot]"),
}


def _body(size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=KEY_CHARS, min_size=size, max_size=size)


KEYS = st.one_of(
    _body(93).map(lambda body: f"{SK}api03-{body}AA"),
    _body(93).map(lambda body: f"{SK}admin01-{body}AA"),
    st.text(alphabet=KEY_CHARS, min_size=40, max_size=100).map(lambda b: f"{SK}oat01-{b}"),
    st.text(alphabet=KEY_CHARS, min_size=60, max_size=120).map(lambda b: f"{SK}api03-{b}"),
    st.text(alphabet=RANDOM_CHARS, min_size=8, max_size=48),
)
WRAPS = st.lists(st.sampled_from(SURROUNDINGS), max_size=3).map("".join)


def _public_prefix(key: str) -> str:
    if not key.startswith(SK):
        return ""
    return key[: key.index("-", len(SK)) + 1] if "-" in key[len(SK) :] else SK


def _leaks(key: str, text: str) -> list[str]:
    public = _public_prefix(key)
    pieces = {key[i : i + 8] for i in range(len(key) - 7)}
    return sorted(piece for piece in pieces if piece not in public and piece in text)


def _workspace(root: Path, key: str, places: set[str], wrapped: str) -> None:
    (root / "config").mkdir()
    llm: dict[str, object] = {"model": "claude-haiku-4-5-20251001", "max_tokens": 512}
    if "config" in places:
        llm["api_key"] = wrapped
    config = {"llm": llm}
    (root / "config" / "production.json").write_text(json.dumps(config))
    (root / ".env.staging").write_text(
        "ANTHROPIC_MODEL=claude-haiku-4-5-20251001\n"
        + (f"ANTHROPIC_API_KEY={wrapped}\n" if "config" in places else "")
    )
    if "committed" in places:
        (root / "app.py").write_text(f'client = Anthropic(api_key="{wrapped}")\n# {key}\n')


def _run(
    key: str,
    wrapped: str,
    places: set[str],
    event: str,
    *,
    given: Mapping[str, str | None] | None = None,
) -> dict[str, str]:
    """Run the gate in process with every reporter on; `given` adds or overrides options."""
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp) / "ws"
        root.mkdir()
        _workspace(root, key, places, wrapped)
        files = {name: Path(temp) / name for name in ("summary", "output", "json", "sarif")}
        for path in files.values():
            path.write_text("")
        options: dict[str, str | None] = {
            "live-check": "off",
            "json": str(files["json"]),
            "sarif": str(files["sarif"]),
            **(given or {}),
        }
        environ = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1"}
        if "input" in places:
            options["api-key"] = wrapped
        if "env" in places:
            environ["ANTHROPIC_API_KEY"] = wrapped
        if "required" in places:
            environ["PAYMENTS_TOKEN"] = wrapped
            options["required-secrets"] = "PAYMENTS_TOKEN"
        github = EVENTS[event]
        if github is None:
            options["summary"] = str(files["summary"])
        else:
            event_name, payload, actor = github
            event_path = Path(temp) / "event.json"
            event_path.write_text(json.dumps(payload))
            environ |= {
                "GITHUB_ACTIONS": "true",
                "GITHUB_EVENT_NAME": event_name,
                "GITHUB_EVENT_PATH": str(event_path),
                "GITHUB_ACTOR": actor,
                "GITHUB_REPOSITORY": "acme/app",
                "GITHUB_STEP_SUMMARY": str(files["summary"]),
                "GITHUB_OUTPUT": str(files["output"]),
            }
        stdout, stderr = io.StringIO(), io.StringIO()
        code = run(options, environ, workspace=str(root), stdout=stdout, stderr=stderr)
        assert code in (0, 1), stderr.getvalue()
        shown = [
            line for line in stdout.getvalue().splitlines() if not line.startswith("::add-mask::")
        ]
        outputs = {name: path.read_text(encoding="utf-8") for name, path in files.items()}
        outputs["output"] = output_values(outputs["output"])
        outputs["json"] = report_data(outputs["json"])
        outputs["sarif"] = report_data(outputs["sarif"], data_maps=())
        return {"stdout": "\n".join(shown), "stderr": stderr.getvalue(), **outputs}


@st.composite
def _cases(draw: Any) -> tuple[str, str, set[str], str]:
    key = draw(KEYS)
    wrapped = draw(WRAPS) + key + draw(WRAPS)
    places = draw(st.sets(st.sampled_from(PLACES), min_size=1, max_size=3))
    if not key.startswith(SK) and not places & {"input", "env", "required"}:
        # An arbitrary string only in a file is not known to be a secret by anyone.
        places.add(draw(st.sampled_from(["input", "env", "required"])))
    return key, wrapped, places, draw(st.sampled_from(sorted(EVENTS)))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_cases())
# A secret may be any string, even one inside the tool's own words ("claude-preflight PASSED").
@example(("claude-p", "claude-p", {"input"}, "dependabot"))
@example(("PASSED: 0", " PASSED: 0\n", {"env"}, "outside"))
# ... or a field name of a report: redacted as data, never renamed as a field.
@example(("duration", "duration", {"input"}, "dependabot"))
@example(("production", "production", {"required"}, "push"))
def test_no_output_ever_holds_a_key_or_a_fragment_of_one(
    case: tuple[str, str, set[str], str],
) -> None:
    key, wrapped, places, event = case
    outputs = _run(key, wrapped, places, event)
    leaks = {name: _leaks(key, text) for name, text in outputs.items() if _leaks(key, text)}
    assert not leaks, f"places={sorted(places)} event={event} leaked into {sorted(leaks)}"


def test_the_property_runs_fast_enough_for_ci() -> None:
    """One run in process must stay well under 60 s / 500 examples = 120 ms."""
    started = time.monotonic()
    for seed in range(5):
        key = f"{SK}api03-" + (KEY_CHARS * 2)[seed : seed + 93] + "AA"
        _run(key, f'"{key}"\n', {"input", "committed", "config"}, "push")
    assert (time.monotonic() - started) / 5 < 0.5
