"""Static checks of the base URL, before any call (API010 without touching the network).

SDKs append `/v1/messages` themselves, so a base URL ending in `/v1` or naming an endpoint turns
into `/v1/v1/messages`: the most common gateway misconfiguration. A problem is named by its API010
wording, with the facts that fill it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from checker.findings import Finding, make_finding

_ENDPOINT_TAIL = re.compile(r"/v1/(messages|models|complete)(/|$)", re.IGNORECASE)
_WHITESPACE = re.compile(r"\s")


@dataclass(frozen=True, slots=True)
class BaseUrl:
    """A base URL fit to call (`url`, no trailing slash) or the reason it is not (`problem`, an
    API010 wording, filled by `facts`)."""

    url: str
    display: str
    problem: str | None = None
    facts: dict[str, str] = field(default_factory=dict)


def misconfigured(base: BaseUrl) -> Finding:
    """The API010 finding for a base URL with a problem: no call is made."""
    assert base.problem is not None, "a base URL fit to call is not a finding"
    facts: dict[str, Any] = dict(base.facts)
    return make_finding("API010", base.problem, details={"base_url": base.display}, **facts)


def check_base_url(raw: str) -> BaseUrl:
    """Validate `raw`; `display` never contains userinfo or a query (they may hold secrets)."""
    text = raw.strip()
    display = _display(text)
    if not text:
        return BaseUrl("", display, "empty")
    if _WHITESPACE.search(text) or not text.isprintable():
        return BaseUrl("", display, "unprintable")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as error:
        return BaseUrl("", display, "unparsable", {"problem": str(error)})
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"`{scheme}://`" if scheme else "no scheme"
        return BaseUrl("", display, "not_http", {"scheme": shown})
    host = parts.hostname or ""
    if not host:
        return BaseUrl("", display, "no_host")
    if not _host_encodable(host):
        return BaseUrl("", display, "bad_host", {"host": host[:80]})
    if parts.query or parts.fragment:
        return BaseUrl("", display, "query_or_fragment")
    path = parts.path.rstrip("/")
    problem = _path_problem(path)
    if problem is not None:
        wording, facts = problem
        fixed = _origin(scheme, host, port) + _suggested_path(path)
        return BaseUrl("", display, wording, {**facts, "path": path, "fixed": fixed})
    netloc = parts.netloc
    return BaseUrl(f"{scheme}://{netloc}{path}", display)


def _path_problem(path: str) -> tuple[str, dict[str, str]] | None:
    """The API010 wording for what is wrong with the path, and its facts beyond the path."""
    segments = path.split("/")[1:] if path else []
    if any(segment == "" for segment in segments):
        return "empty_segment", {}
    lowered = [segment.lower() for segment in segments]
    for first, second in itertools.pairwise(lowered):
        if first == second:
            return "doubled_path", {"segment": first}
    if _ENDPOINT_TAIL.search(path):
        return "names_endpoint", {}
    if lowered and lowered[-1] == "v1":
        return "ends_in_v1", {}
    return None


def _suggested_path(path: str) -> str:
    cut = _ENDPOINT_TAIL.search(path)
    if cut:
        path = path[: cut.start()]
    segments = [segment for segment in path.split("/") if segment]
    deduplicated: list[str] = []
    for segment in segments:
        if not deduplicated or deduplicated[-1].lower() != segment.lower():
            deduplicated.append(segment)
    if deduplicated and deduplicated[-1].lower() == "v1":
        deduplicated.pop()
    return "".join("/" + segment for segment in deduplicated)


def _origin(scheme: str, host: str, port: int | None) -> str:
    shown_host = f"[{host}]" if ":" in host else host
    return f"{scheme}://{shown_host}" + (f":{port}" if port else "")


def _host_encodable(host: str) -> bool:
    if host.isascii():
        labels = host.rstrip(".").split(".")
        return all(0 < len(label) <= 63 for label in labels) and len(host) < 254
    try:
        host.encode("idna")
    except UnicodeError:
        return False
    return True


def _display(text: str) -> str:
    """The URL as it may be shown: no userinfo, no query, one line, capped."""
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return "(unparseable URL)"
    if not parts.scheme or not host:
        shown = text.split("?", maxsplit=1)[0].split("#", maxsplit=1)[0]
        shown = shown.rsplit("@", 1)[-1]
        return "".join(ch if ch.isprintable() and not ch.isspace() else "?" for ch in shown)[:200]
    return (_origin(parts.scheme.lower(), host, port) + parts.path)[:200]
