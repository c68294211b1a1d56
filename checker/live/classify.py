"""Turn a failed call into one API001-API010 finding: status and `error.type` first, text second.

The API's message is untrusted text: it is shown on one line, capped, and stripped of the key.
Every finding carries the request-id and a UTC timestamp, the two things vendor support asks for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from checker.findings import Finding, make_finding
from checker.live.network import FIXES
from checker.live.result import CallResult
from checker.live.retry import is_spend_limit, server_delay

MAX_MESSAGE_CHARS = 300
MAX_FINDING_CHARS = 900
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


@dataclass(frozen=True, slots=True)
class CallTarget:
    """The API this run calls, as the findings name it: the base URL (and whether it is
    Anthropic's), the env var that holds the key, the budget, and the key itself (to strip)."""

    api_key_env: str
    base_url: str
    official_api: bool
    timeout: float
    secret: str = ""


def sanitize(text: object, secret: str = "", limit: int = MAX_MESSAGE_CHARS) -> str:
    """Untrusted text on one line, capped, without the key or backticks."""
    value = str(text)
    if secret:
        value = value.replace(secret, "[REDACTED]")
    value = _CONTROL.sub(" ", value).replace("`", "'")
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def api_error(body: Any) -> tuple[str, str]:
    """(`error.type`, `error.message`) of an Anthropic error body; empty strings when absent."""
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return "", ""
    kind, message = error.get("type"), error.get("message")
    return (str(kind) if kind is not None else ""), (str(message) if message is not None else "")


def classify(result: CallResult, context: CallTarget) -> Finding | None:
    """The finding for a call that did not succeed; None when it did."""
    if result.ok:
        return None
    if result.network is not None:
        return _network(result, context)
    status = result.status or 0
    kind, message = api_error(result.body)
    said = _said(result, kind, message, context)
    if status >= 500:
        return _finding("API008", result, context, f"{said}{_stopped(result)}")
    if (
        result.body_problem is not None
        or 300 <= status < 400
        or (200 <= status < 300 and not isinstance(result.body, dict))
    ):
        return not_the_api(result, context)
    lowered = message.lower()
    if status == 401:
        return _authentication(result, context, said, lowered)
    if status == 402 or kind == "billing_error" or "credit balance" in lowered:
        return _finding("API005", result, context, said)
    if status == 403:
        return _finding("API002", result, context, said)
    if status == 404:
        return _not_found(result, context, said)
    if status == 429:
        return _rate_limited(result, context, said)
    if status == 400 and ("reached your specified" in lowered or "usage limits" in lowered):
        return _finding(
            "API007",
            result,
            context,
            f"{said} A self-set spend limit blocks every call until the date the API names.",
            fix="Raise the organization's or workspace's spend limit in the Console (Limits).",
        )
    if status in (408, 409):
        return _finding("API008", result, context, f"{said}{_stopped(result)}")
    return _finding("API004", result, context, said)


def _authentication(result: CallResult, context: CallTarget, said: str, lowered: str) -> Finding:
    env = context.api_key_env
    if "x-api-key header is required" in lowered:
        why = (
            "The request reached the API without an `x-api-key` header, though claude-preflight "
            f"sent one: a proxy or gateway at `{context.base_url}` strips it."
        )
        fix = "Configure the gateway to forward `x-api-key`, or use the API's own base URL."
    elif "bearer" in lowered:
        why = (
            "The API received the key as `Authorization: Bearer`: a gateway at the base URL "
            "rewrote the header."
        )
        fix = (
            "Console API keys go in `x-api-key`; `Authorization: Bearer` is only for Workload "
            "Identity Federation access tokens. Make the gateway pass `x-api-key` through."
        )
    elif "oauth" in lowered:
        why = f"`{env}` holds a Claude.ai / Claude Code OAuth token, which the API does not accept."
        fix = f"Create a Console API key (`sk-ant-api03-...`) and store it in `{env}`."
    elif "invalid x-api-key" in lowered:
        why = f"The key in `{env}` is wrong, revoked or expired."
        fix = (
            f"Create a new key in the Console (Settings > API keys) and update the `{env}` "
            "secret; an expired key cannot be reactivated."
        )
    else:
        why = f"The API rejected the credential in `{env}`."
        fix = None
    return _finding("API001", result, context, f"{said} {why}", fix=fix)


def _not_found(result: CallResult, context: CallTarget, said: str) -> Finding:
    if result.model is None and context.official_api:
        return _finding(
            "API001",
            result,
            context,
            f"{said} On the Anthropic API this means the key in `{context.api_key_env}` is "
            "disabled or deleted.",
            fix="Create a new key in the Console and update the secret.",
        )
    if result.model is None:
        return _finding(
            "API010",
            result,
            context,
            f"{said} The model list is not at `{context.base_url}/v1/models`: the base URL's "
            "path is wrong for this gateway (or the key is disabled).",
            fix="Set the base URL to the prefix under which the gateway serves `/v1/messages`.",
        )
    return _finding(
        "API003",
        result,
        context,
        f"{said} Model `{sanitize(result.model, limit=120)}` is not served to this key.",
    )


def _rate_limited(result: CallResult, context: CallTarget, said: str) -> Finding:
    asked = server_delay(result.headers)
    if is_spend_limit(result.body) or asked is None:
        return _finding(
            "API007",
            result,
            context,
            f"{said} A 429 without `retry-after` is the organization's monthly spend cap, not a "
            "rate limit: every call fails until the date the API names.",
            fix="Move up a usage tier or raise the spend limit in the Console (Limits).",
        )
    return _finding(
        "API006",
        result,
        context,
        f"{said} `retry-after`: {asked:.1f} s.{_stopped(result)}",
    )


def not_the_api(result: CallResult, context: CallTarget, what: str | None = None) -> Finding:
    """API010 for an answer that is not the Claude API's: a page, a redirect, foreign JSON."""
    status = result.status or 0
    if what is not None:
        what = f"{what} (status {status})"
    elif 300 <= status < 400:
        target = sanitize(result.headers.get("location", "(no location)"), limit=120)
        what = f"a redirect ({status}) to `{target}`"
    elif result.body_problem is not None:
        what = f"{result.body_problem} (status {status})"
    else:
        what = f"JSON that is not an API object (status {status})"
    return _finding(
        "API010",
        result,
        context,
        f"{result.endpoint} at `{context.base_url}` answered with {what}: the base URL does not "
        "point at the Claude API.",
        fix="Set the base URL to the API's origin, e.g. `https://api.anthropic.com` (no `/v1`), "
        "or to the gateway prefix under which it serves `/v1/messages`.",
    )


def _network(result: CallResult, context: CallTarget) -> Finding:
    kind = result.network or "connection failed"
    detail = sanitize(result.network_detail, context.secret, limit=200)
    code = "API010" if kind == "invalid URL" else "API009"
    budget = f" (budget {context.timeout:g} s)" if kind == "timeout" else ""
    attempts = f" after {result.attempts} attempts" if result.attempts > 1 else ""
    return _finding(
        code,
        result,
        context,
        f"{result.endpoint} to `{context.base_url}`: {kind}{budget}{attempts}: {detail}.",
        fix=FIXES.get(kind),
    )


def _said(result: CallResult, kind: str, message: str, context: CallTarget) -> str:
    """`GET /v1/models answered 401 authentication_error: "invalid x-api-key".`"""
    head = f"{result.endpoint} answered {result.status}"
    if kind:
        head += f" `{sanitize(kind, limit=60)}`"
    if message:
        head += f': "{sanitize(message, context.secret)}"'
    elif result.body_problem:
        head += f" with {result.body_problem}"
    return head + "."


def _stopped(result: CallResult) -> str:
    tries = f" on {result.attempts} attempts" if result.attempts > 1 else ""
    reason = f"; retries stopped: {result.stopped}" if result.stopped else ""
    return f" Failed{tries}{reason}." if tries or reason else ""


def _finding(
    code: str,
    result: CallResult,
    context: CallTarget,
    message: str,
    *,
    fix: str | None = None,
) -> Finding:
    details = {
        "request_id": result.request_id or "",
        "timestamp": result.timestamp,
        "status": str(result.status) if result.status is not None else "",
        "endpoint": result.endpoint,
        "attempts": str(result.attempts),
    }
    if result.model is not None:
        details["model"] = sanitize(result.model, limit=120)
    _, api_message = api_error(result.body)
    if api_message:
        details["api_message"] = sanitize(api_message, context.secret)
    if result.request_id:
        message += f" (request-id {sanitize(result.request_id, limit=100)})"
    if context.secret:
        message = message.replace(context.secret, "[REDACTED]")
    return make_finding(code, message[:MAX_FINDING_CHARS], fix=fix, details=details)
