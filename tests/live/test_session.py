"""The live check runs beside discovery: its list call is on the wire while discovery runs, its
model calls use discovery's IDs, its budget ignores discovery's time, and it ends cleanly whatever
discovery does.

Discovery is held back or broken on purpose (crashes injected with `tests.crash`, as elsewhere);
every live call is real, through the real client, against the fake API. Nothing here reads a
wall clock: the tests wait on events and assert what happened, and in what order.
"""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import checker.live.retry
import checker.scan.discovery
from checker.app import run
from checker.live.ladder import Ladder
from checker.settings import Settings
from checker.workspace.model import WorkspaceScan
from tests.crash import Crash
from tests.fake_api import VALID_KEY, FakeAnthropic
from tests.live.conftest import BASIC_REPO
from tests.loopback import Recorded

REAL_SCAN = checker.scan.discovery.scan_workspace
PATIENCE = 10.0  # seconds an event may take; only a broken overlap ever waits this long


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


class ListingHeldUntilDiscovered(FakeAnthropic):
    """Says when the list call arrives, and answers it only once discovery has finished."""

    def __init__(self) -> None:
        super().__init__()
        self.list_arrived = threading.Event()
        self.discovered = threading.Event()

    def record(self, recorded: Recorded) -> None:
        super().record(recorded)
        if recorded.method == "GET" and recorded.path == "/v1/models":
            self.list_arrived.set()

    def answer(self, request: Recorded, request_id: str) -> tuple[int, Any]:
        if request.path == "/v1/models":
            self.discovered.wait(PATIENCE)
        return super().answer(request, request_id)


def test_discovery_runs_while_the_list_call_waits_for_its_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Discovery starts only once the list call has reached the server, and the server answers
    it only once discovery is done: run one after the other, either wait would time out."""
    seen: list[bool] = []
    api = ListingHeldUntilDiscovered()

    def scan_after_the_list_call_arrived(settings: Settings, *a: Any, **k: Any) -> WorkspaceScan:
        seen.append(api.list_arrived.wait(PATIENCE))
        try:
            return REAL_SCAN(settings, *a, **k)
        finally:
            api.discovered.set()

    replace_scan(monkeypatch, scan_after_the_list_call_arrived)
    with api:
        code, report, _ = gate(tmp_path, api)
    assert seen == [True], "discovery waited for a list call that never came"
    assert code == 0, report["findings"]
    assert len(api.to("GET", "/v1/models")) == 1
    assert report["live"]["calls"] == 2  # the list, then the one model the repo names
    assert [model["id"] for model in report["live"]["models"]] == ["claude-sonnet-4-6"]


class Clock:
    """Stands in for `time` in the budget's module: `monotonic()` plus whatever was skipped."""

    def __init__(self) -> None:
        self.skipped = 0.0

    def monotonic(self) -> float:
        return time.monotonic() + self.skipped


def test_time_spent_in_discovery_is_not_taken_from_the_live_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Discovery that takes a minute of the budget's clock, after the list call is back, leaves
    the model call its whole 2 s budget."""
    clock = Clock()
    monkeypatch.setattr(checker.live.retry, "time", clock)
    listed = threading.Event()
    list_models = Ladder.list_models

    async def list_then_tell(self: Ladder) -> None:
        await list_models(self)
        listed.set()

    def a_minute_long_scan(settings: Settings, *args: Any, **kwargs: Any) -> WorkspaceScan:
        assert listed.wait(PATIENCE)
        clock.skipped += 60
        return REAL_SCAN(settings, *args, **kwargs)

    monkeypatch.setattr(Ladder, "list_models", list_then_tell)
    replace_scan(monkeypatch, a_minute_long_scan)
    with FakeAnthropic() as api:
        code, report, _ = gate(tmp_path, api, timeout=2)
    assert code == 0, report["findings"]
    assert not [f for f in report["findings"] if f["code"].startswith("API")]
    assert [model["checked"] for model in report["live"]["models"]] == [["models"]]
    assert report["live"]["duration_ms"] < 2000  # the budget's clock stopped while discovery ran


def test_a_crashed_discovery_still_lets_the_live_check_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Crash("checker.scan.discovery:scan_workspace", OSError("disk on fire")).patch(monkeypatch)
    with FakeAnthropic() as api:
        code, report, _ = gate(tmp_path, api)
    assert code == 1
    crashed = [f for f in report["findings"] if f["code"] == "TOOL001"]
    assert [f["details"]["stage"] for f in crashed] == ["discovery"]
    assert report["live"]["auth"]["ok"] is True
    assert report["live"]["calls"] == 1  # discovery found no model IDs, so no model calls


def test_a_crash_inside_the_live_check_is_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Crash("checker.live.ladder:Ladder.list_models", KeyError("event loop")).patch(monkeypatch)
    with FakeAnthropic() as api:
        code, report, _ = gate(tmp_path, api)
    assert code == 1
    crashed = [f for f in report["findings"] if f["code"] == "TOOL001"]
    assert [f["details"]["stage"] for f in crashed] == ["live"]
    assert "KeyError" in crashed[0]["message"]
    assert report["environments"], "discovery and the model checks still ran"
