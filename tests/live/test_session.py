"""The live check runs beside discovery: discovery fills its first call's round trip, its model
calls wait for discovery's IDs, and it ends cleanly whatever discovery does.

Discovery is slowed down or broken on purpose (the one stage replaced, as in tests/core/test_crash);
every live call is real, through the real client, against the fake API.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import checker.live.session
import checker.scan.discovery
from checker.app import run
from checker.settings import Settings
from checker.workspace.model import WorkspaceScan
from tests.fake_api import VALID_KEY, FakeAnthropic
from tests.live.conftest import BASIC_REPO

REAL_SCAN = checker.scan.discovery.scan_workspace


def gate(
    tmp_path: Path,
    api: FakeAnthropic,
    *,
    timeout: float = 10,
) -> tuple[int, dict[str, Any], str]:
    """Run the whole gate in this process on the basic repo; exit code, JSON report, output."""
    report_path = tmp_path / "report.json"
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run(
        {
            "live-check": "models",
            "base-url": api.url,
            "timeout": f"{timeout:g}",
            "json": str(report_path),
        },
        {"ANTHROPIC_API_KEY": VALID_KEY},
        workspace=str(BASIC_REPO),
        stdout=stdout,
        stderr=stderr,
    )
    output = stdout.getvalue() + stderr.getvalue()
    assert "Traceback" not in output
    assert VALID_KEY not in output
    return code, json.loads(report_path.read_text()), output


def replace_scan(monkeypatch: pytest.MonkeyPatch, scan: Callable[..., WorkspaceScan]) -> None:
    monkeypatch.setattr(checker.scan.discovery, "scan_workspace", scan)


def test_discovery_runs_while_the_first_call_waits_for_its_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run one after the other, the list call would reach the server after discovery's 0.5 s."""
    started: list[float] = []

    def slow_scan(settings: Settings, *args: Any, **kwargs: Any) -> WorkspaceScan:
        started.append(time.monotonic())
        time.sleep(0.5)
        return REAL_SCAN(settings, *args, **kwargs)

    replace_scan(monkeypatch, slow_scan)
    with FakeAnthropic(latency=0.5) as api:
        code, report, _ = gate(tmp_path, api)
        listing = api.to("GET", "/v1/models")
    assert code == 0, report["findings"]
    assert len(listing) == 1
    arrived = listing[0].at
    assert arrived < started[0] + 0.25  # the call was out when discovery began (250 ms slack)
    assert started[0] < arrived + 0.5  # and discovery began before the answer came
    assert report["live"]["calls"] == 2  # the list, then the one model the repo names


def test_time_spent_in_discovery_is_not_taken_from_the_live_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow_scan(settings: Settings, *args: Any, **kwargs: Any) -> WorkspaceScan:
        time.sleep(2.5)
        return REAL_SCAN(settings, *args, **kwargs)

    replace_scan(monkeypatch, slow_scan)
    with FakeAnthropic(latency=0.2) as api:
        code, report, _ = gate(tmp_path, api, timeout=2)
    assert code == 0, report["findings"]
    assert not [f for f in report["findings"] if f["code"].startswith("API")]
    assert [model["checked"] for model in report["live"]["models"]] == [["models"]]
    assert report["live"]["duration_ms"] < 2000  # the budget's clock stopped while discovery ran


def test_a_crashed_discovery_still_lets_the_live_check_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_scan(settings: Settings) -> WorkspaceScan:
        raise OSError("disk on fire")

    replace_scan(monkeypatch, broken_scan)
    with FakeAnthropic() as api:
        code, report, _ = gate(tmp_path, api)
    assert code == 1
    crashed = [f for f in report["findings"] if f["code"] == "TOOL001"]
    assert [f["details"]["stage"] for f in crashed] == ["discovery"]
    assert report["live"]["auth"]["ok"] is True
    assert report["live"]["calls"] == 1  # no model IDs were handed over, so no model calls


def test_a_crash_inside_the_live_thread_is_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_climb(*args: object, **kwargs: object) -> None:
        raise KeyError("event loop")

    monkeypatch.setattr(checker.live.session, "climb_ladder", broken_climb)
    with FakeAnthropic() as api:
        code, report, _ = gate(tmp_path, api)
    assert code == 1
    crashed = [f for f in report["findings"] if f["code"] == "TOOL001"]
    assert [f["details"]["stage"] for f in crashed] == ["live"]
    assert "KeyError" in crashed[0]["message"]
    assert report["environments"], "discovery and the model checks still ran"
