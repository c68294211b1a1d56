"""Property: a live check against a gateway that echoes the key back never puts it in any output.

The other leak property runs offline. Here the key is sent, and a hostile or careless gateway (the
fake API's `echo-key` reply) puts it back in the error message, an HTML error page, a model ID of
the list, the `request-id` header the findings quote, and a header of its own, with every status
the ladder classifies. The run goes through `checker.app.run` with every reporter on, on GitHub
and off; only `::add-mask::` lines may hold the key.
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterator
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from tests.fake_api import FakeAnthropic, Reply
from tests.secrets.support import SK
from tests.secrets.test_leak_property import KEY_CHARS, _leaks, _run

EXAMPLES = int(os.environ.get("LEAK_EXAMPLES", "150"))
# What a header can carry: the key must reach the gateway to be echoed.
HEADER_SAFE = string.ascii_letters + string.digits + "-_.~+/=:@!#*,;%"
# Keys the gate sends: a well-formed Console key, or any header-safe gateway key (the base URL is
# not Anthropic's). A malformed `sk-ant-` key is never sent, so it cannot be echoed.
KEYS = st.one_of(
    st.text(alphabet=KEY_CHARS, min_size=93, max_size=93).map(lambda b: f"{SK}api03-{b}AA"),
    st.text(alphabet=HEADER_SAFE, min_size=8, max_size=48).filter(lambda k: SK not in k),
)
ECHOES = ("message", "html", "model", "request-id")
STATUSES = (200, 400, 401, 403, 404, 413, 429, 500, 529)
PATHS = (("GET", "/v1/models"), ("GET", "*"), ("POST", "*"))


@pytest.fixture(scope="module")
def gateway() -> Iterator[FakeAnthropic]:
    with FakeAnthropic() as server:
        yield server


class Case(NamedTuple):
    key: str
    echo: str
    status: int
    level: str
    event: str
    place: str


CASES = st.builds(
    Case,
    key=KEYS,
    echo=st.sampled_from(ECHOES),
    status=st.sampled_from(STATUSES),
    level=st.sampled_from(["auth", "models", "message"]),
    event=st.sampled_from(["outside", "push"]),
    place=st.sampled_from(["input", "env"]),
)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(case=CASES)
@example(case=Case(f"{SK}api03-" + "a" * 93 + "AA", "request-id", 401, "auth", "push", "env"))
def test_a_gateway_echoing_the_key_never_makes_it_leak(gateway: FakeAnthropic, case: Case) -> None:
    reply = Reply(case.status, case.echo, headers={"x-should-retry": "false"}, action="echo-key")
    for method, path in PATHS:
        gateway.always(method, path, reply)
    sent_before = len(gateway.requests)
    given = {"live-check": case.level, "base-url": gateway.url, "timeout": "5"}
    outputs = _run(case.key, case.key, {case.place}, case.event, given=given)
    sent = len(gateway.requests) > sent_before
    if case.key.startswith(SK):
        assert sent, "a well-formed key never reached the gateway"
    assume(sent)  # a gateway key that looks like a placeholder (SEC005) is rightly not sent
    leaks = {name: _leaks(case.key, text) for name, text in outputs.items()}
    assert not any(leaks.values()), f"{case._replace(key='…')} leaked: {leaks}"
