"""A hostile or broken API behind the base URL, on a real server on 127.0.0.1 (`tests/fake_api`):
gzip bombs single and stacked, endless pagination, huge pages, trickled bodies, a silent server,
a reset half-way through the body, HTML error pages, `retry-after` of 0, 5 and 3600 s, and a
persistent 529. Each runs through the CLI and the action; the budget holds, memory stays bounded
(`bench/hostile.py` measures it), and a key the API never confirmed is never called verified.

Cases `tests/live` already covers are not repeated here: a persistent reset before any answer,
a slow single-byte body, a 200 HTML page, `retry-after` above the cap as the only failure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from checker.live.ladder import MAX_SERVED_MODELS
from tests.fake_api import HTML_PAGE, Bomb, FakeAnthropic, Reply
from tests.helpers import Run
from tests.hostile.cases import CURRENT, both, has, says
from tests.hostile.conftest import CaseRunner
from tests.hostile.support import KEY, Case
from tests.loopback import Recorded

FILES: dict[str, bytes | str] = {"config/production.yaml": f"model: {CURRENT}\n"}
GRACE_MS = 1500  # the ladder's grace past the budget, and a loaded machine's scheduling


@pytest.fixture
def api() -> Iterator[FakeAnthropic]:
    with FakeAnthropic(keys=(KEY,)) as server:
        yield server


def _endless(request: Recorded) -> Reply:
    """Every page says there is more, with fresh IDs: the list never ends."""
    page = int(request.query.get("after_id", "p0-0").split("-")[0][1:]) + 1
    ids = [f"p{page}-{index}" for index in range(1000)]
    return Reply(200, {"data": [{"id": i} for i in ids], "has_more": True, "last_id": ids[-1]})


def _huge_page(request: Recorded) -> Reply:
    ids = [f"m{index}" for index in range(400_000)]  # about 6 MB: under the body cap
    return Reply(200, {"data": [{"id": i} for i in ids], "has_more": False})


def _within_budget(seconds: float) -> Callable[[Run], None]:
    def check(run: Run) -> None:
        live = (run.report or {}).get("live", {})
        assert live.get("duration_ms", 0) <= seconds * 1000 + GRACE_MS, live

    return check


def _cut_at_the_cap(run: Run) -> None:
    live = (run.report or {})["live"]
    assert live["served_models_cut"] == MAX_SERVED_MODELS, live
    assert live["served_models"] == MAX_SERVED_MODELS


def _api_message(code: str, fragment: str) -> Callable[[Run], None]:
    def check(run: Run) -> None:
        found = [f for f in (run.report or {})["findings"] if f["code"] == code]
        assert found, [f["code"] for f in (run.report or {})["findings"]]
        assert fragment in found[0]["message"], found[0]["message"]

    return check


# name -> (reply for every GET /v1/models, --timeout, expected exits, check)
FAULTS: dict[str, tuple[Reply, str, tuple[int, ...], Callable[[Run], None]]] = {
    "gzip-bomb": (
        Reply(200, Bomb(256 << 20, 1), action="gzip-bomb"),
        "10",
        (1,),
        both(_api_message("API010", "inflates to more than 8 MB"), _within_budget(10)),
    ),
    "stacked-gzip-bomb": (
        Reply(200, Bomb(1 << 30, 2), action="gzip-bomb"),
        "10",
        (1,),
        both(_api_message("API010", "2 stacked content encodings"), _within_budget(10)),
    ),
    "triple-stacked-gzip-bomb": (
        Reply(200, Bomb(1 << 30, 3), action="gzip-bomb"),
        "10",
        (1,),
        _api_message("API010", "3 stacked content encodings"),
    ),
    "endless-pagination": (
        Reply(compute=_endless),
        "10",
        (0, 1),
        both(_cut_at_the_cap, says("read up to 5,000 IDs")),
    ),
    "a-huge-page": (Reply(compute=_huge_page), "10", (0, 1), _cut_at_the_cap),
    "a-trickled-body": (
        Reply(200, {"data": [{"id": "x" * 200}] * 1000}, action="trickle"),
        "3",
        (1,),
        both(has("API009"), _within_budget(3)),
    ),
    "a-silent-server": (Reply(action="silent"), "3", (1,), both(has("API009"), _within_budget(3))),
    "a-reset-mid-body": (
        Reply(200, {"data": [{"id": "claude-x" * 100}] * 200}, action="reset-mid-body"),
        "4",
        (1,),
        both(has("API009"), _within_budget(4)),
    ),
    "an-html-error-page": (
        Reply(502, HTML_PAGE.encode(), headers={"content-type": "text/html"}),
        "5",
        (0,),
        both(has("API008"), says("Key not verified: the API answered 502 four times")),
    ),
    "retry-after-0": (
        Reply(429, headers={"retry-after": "0"}),
        "5",
        (0,),
        both(has("API006"), says("key not verified: the API answered 429 four times")),
    ),
    "retry-after-5": (
        Reply(429, headers={"retry-after": "5"}),
        "8",
        (0,),
        both(
            has("API006"), says("key not verified: the API answered 429 twice"), _within_budget(8)
        ),
    ),
    "retry-after-3600": (
        Reply(429, headers={"retry-after": "3600"}),
        "5",
        (0,),
        both(has("API006"), says("key not verified: the API answered 429 once")),
    ),
    "a-persistent-529": (
        Reply(529, headers={"retry-after-ms": "20"}),
        "5",
        (0,),
        both(
            has("API008"),
            says("key not verified: the API answered 529 four times"),
            says("key not verified: the API answered 529 four times", where="stdout"),
        ),
    ),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_hostile_api_never_hangs_the_gate_nor_passes_for_a_verified_key(
    run_case: CaseRunner, api: FakeAnthropic, fault: str
) -> None:
    reply, timeout, exits, check = FAULTS[fault]
    api.always("GET", "/v1/models", reply)
    case = Case(
        fault,
        FILES,
        options={"live-check": "auth", "timeout": timeout},
        exit_codes=exits,
        check=check,
    )
    run = run_case(case, base_url=api.url)
    live: dict[str, Any] = (run.report or {})["live"]
    assert live["calls"] >= 1
