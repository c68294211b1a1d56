"""Static checks of the base URL, before any call (API010 without touching the network).

SDKs append `/v1/messages` themselves, so a base URL ending in `/v1` or naming an endpoint turns
into `/v1/v1/messages`: the most common gateway misconfiguration.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

_ENDPOINT_TAIL = re.compile(r"/v1/(messages|models|complete)(/|$)", re.IGNORECASE)
_WHITESPACE = re.compile(r"\s")


@dataclass(frozen=True, slots=True)
class BaseUrl:
    """A base URL fit to call (`url`, no trailing slash) or the reason it is not (`problem`)."""

    url: str
    display: str
    problem: str | None = None
    fix: str | None = None


def check_base_url(raw: str) -> BaseUrl:
    """Validate `raw`; `display` never contains userinfo or a query (they may hold secrets)."""
    text = raw.strip()
    display = _display(text)
    if not text:
        return BaseUrl("", display, "The base URL is empty.")
    if _WHITESPACE.search(text) or not text.isprintable():
        return BaseUrl("", display, "The base URL contains whitespace or control characters.")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as error:
        return BaseUrl("", display, f"The base URL cannot be parsed ({error}).")
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"`{scheme}://`" if scheme else "no scheme"
        return BaseUrl(
            "",
            display,
            f"The base URL has {shown}; the API is reached over http(s).",
            fix="Write the base URL as `https://host`, e.g. `https://api.anthropic.com`.",
        )
    host = parts.hostname or ""
    if not host:
        return BaseUrl("", display, "The base URL has no host name.")
    if not _host_encodable(host):
        return BaseUrl("", display, f"The base URL's host name `{host[:80]}` is not valid.")
    if parts.query or parts.fragment:
        return BaseUrl(
            "", display, "The base URL has a query string or fragment; SDKs append paths to it."
        )
    path = parts.path.rstrip("/")
    problem = _path_problem(path)
    if problem:
        fixed = _origin(scheme, host, port) + _suggested_path(path)
        return BaseUrl(
            "",
            display,
            problem,
            fix=f"Set the base URL to `{fixed}`: SDKs append `/v1/messages` themselves.",
        )
    netloc = parts.netloc
    return BaseUrl(f"{scheme}://{netloc}{path}", display)


def _path_problem(path: str) -> str | None:
    segments = path.split("/")[1:] if path else []
    if any(segment == "" for segment in segments):
        return f"The base URL path `{path}` has an empty segment (`//`)."
    lowered = [segment.lower() for segment in segments]
    for first, second in itertools.pairwise(lowered):
        if first == second:
            return f"The base URL path `{path}` repeats `/{first}` (a doubled path)."
    if _ENDPOINT_TAIL.search(path):
        return f"The base URL path `{path}` already names an API endpoint."
    if lowered and lowered[-1] == "v1":
        return f"The base URL ends in `/v1` (`{path}`); requests would go to `/v1/v1/...`."
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
