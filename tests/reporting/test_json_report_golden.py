"""The JSON report of the example repository, pinned byte for byte: offline and against the fake
API at `--live-check models`. Consumers parse this file, so its shape (keys, their order, types)
changes only on purpose.

Only what differs from run to run is normalized: durations and latencies (`duration_ms`,
`latency_ms`, `latency_ms_by_check`), the fake API's port, and the rate-limit figures that
depend on which concurrent answer came back last (`remaining`, `reset`).
Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/reporting`, then read
the diff: it is the change every consumer of the report will see.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from tests.fake_api import VALID_KEY, FakeAnthropic
from tests.helpers import EXAMPLES, base_env, run_cli

GOLDEN = Path(__file__).parent / "golden"
_PORT = re.compile(r"127\.0\.0\.1:\d+")


def normalized(value: Any, key: str = "") -> Any:
    if key == "duration_ms" or key.startswith("latency_ms"):
        return dict.fromkeys(value, 0) if isinstance(value, dict) else 0
    if key in ("reset", "remaining"):  # rate-limit figures of whichever answer came back last
        return f"<{key}>"
    if isinstance(value, dict):
        return {name: normalized(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [normalized(item, key) for item in value]
    if isinstance(value, str):
        return _PORT.sub("127.0.0.1:<port>", value)
    return value


def report_of_examples(tmp_path: Path, level: str, api: FakeAnthropic | None) -> str:
    path = tmp_path / "report.json"
    args = [str(EXAMPLES), "--live-check", level, "--json", str(path)]
    env = base_env()
    if api is not None:
        args += ["--base-url", api.url]
        env = base_env(ANTHROPIC_API_KEY=VALID_KEY)
    run = run_cli(args, env=env)
    assert run.returncode == 1, run.stderr  # the example's mistakes fail the gate
    text = json.dumps(normalized(json.loads(path.read_text())), indent=2, ensure_ascii=False)
    return text + "\n"


@pytest.mark.parametrize("level", ["off", "models"])
def test_the_example_repositorys_json_report_matches_golden(tmp_path: Path, level: str) -> None:
    if level == "off":
        text = report_of_examples(tmp_path, level, None)
    else:
        with FakeAnthropic() as api:
            text = report_of_examples(tmp_path, level, api)
    golden = GOLDEN / f"report-examples-{level}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"missing {golden}: run UPDATE_GOLDEN=1 pytest tests/reporting"
    assert text == golden.read_text(encoding="utf-8"), f"{golden} differs; see the docstring"
