"""A misconfigured base URL is API010 before any call; a good one is used as given."""

from __future__ import annotations

import pytest

from checker.live.base_url import check_base_url, misconfigured
from tests.fake_api import FakeAnthropic
from tests.live.conftest import CliRunner, live_findings


@pytest.mark.parametrize(
    ("suffix", "words"),
    [
        ("/v1", "ends in `/v1`"),
        ("/v1/", "ends in `/v1`"),
        ("/v1/messages", "names an API endpoint"),
        ("/anthropic/anthropic", "doubled path"),
        ("/v1/v1", "doubled path"),
    ],
)
def test_a_bad_path_is_api010_and_nothing_is_called(
    cli: CliRunner, api: FakeAnthropic, suffix: str, words: str
) -> None:
    run, report = cli(base_url=api.url + suffix)
    (finding,) = live_findings(report)
    assert finding["code"] == "API010"
    assert words in finding["message"]
    assert "No call was made" in finding["message"]
    assert run.returncode == 1
    assert api.requests == []


def test_the_fix_names_the_corrected_url(api: FakeAnthropic) -> None:
    finding = misconfigured(check_base_url("https://gateway.example.com/anthropic/v1/messages"))
    assert finding.code == "API010"
    assert "`https://gateway.example.com/anthropic`" in finding.fix


@pytest.mark.parametrize(
    "url",
    ["ftp://api.anthropic.com", "api.anthropic.com", "https://", "https://api.anthropic.com?x=1"],
)
def test_not_http_or_not_a_url_is_api010(url: str) -> None:
    assert check_base_url(url).problem is not None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://api.anthropic.com", "https://api.anthropic.com"),
        ("https://api.anthropic.com/", "https://api.anthropic.com"),
        (
            "https://gateway.ai.cloudflare.com/v1/acct/gw/anthropic",
            "https://gateway.ai.cloudflare.com/v1/acct/gw/anthropic",
        ),
        ("http://litellm:4000", "http://litellm:4000"),
    ],
)
def test_good_base_urls_are_kept(url: str, expected: str) -> None:
    checked = check_base_url(url)
    assert checked.problem is None
    assert checked.url == expected


def test_userinfo_never_reaches_the_report(cli: CliRunner, api: FakeAnthropic) -> None:
    url = api.url.replace("http://", "http://user:hunter2secret@") + "/v1"
    run, report = cli(base_url=url)
    assert "hunter2secret" not in run.all_text
    assert report["live"]["base_url"] == api.url + "/v1"


def test_a_gateway_prefix_is_kept_in_every_call(cli: CliRunner, api: FakeAnthropic) -> None:
    _, report = cli(base_url=api.url + "/anthropic/")
    # The fake serves the API at the root, so the prefixed list is a 404: a wrong gateway path.
    assert [f["code"] for f in live_findings(report)] == ["API010"]
    assert api.requests[0].path == "/anthropic/v1/models"
