"""Turn a failed call into one API001-API010 finding: status and `error.type` first, text second.

Each branch names a wording of the rule (`checker/findings/rules/api.py`) and the facts that fill
it. The API's message is untrusted text: every fact is shown on one line, capped, and stripped of
the key before it fills a template. Every finding carries the request-id and a UTC timestamp, the
two things vendor support asks for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from checker.findings import Finding, make_finding
from checker.live.network import FALLBACK_KIND, WORDINGS
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
    value = _strip(str(text), secret)
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
    if status >= 500:
        return _transient("API008", result, context)
    if (
        result.body_problem is not None
        or 300 <= status < 400
        or (200 <= status < 300 and not isinstance(result.body, dict))
    ):
        return not_the_api(result, context)
    lowered = message.lower()
    if status == 401:
        return _finding("API001", _authentication(lowered), result, context)
    if status == 402 or kind == "billing_error" or "credit balance" in lowered:
        return _finding("API005", "billing", result, context)
    if status == 403:
        return _finding("API002", "forbidden", result, context)
    if status == 404:
        return _not_found(result, context)
    if status == 429:
        return _rate_limited(result, context)
    if status == 400 and ("reached your specified" in lowered or "usage limits" in lowered):
        return _finding("API007", "usage_limit", result, context)
    if status in (408, 409):
        return _transient("API008", result, context)
    return _finding("API004", "rejected", result, context)


def _authentication(lowered: str) -> str:
    """The API001 wording for what the 401's message says."""
    if "x-api-key header is required" in lowered:
        return "header_stripped"
    if "bearer" in lowered:
        return "bearer_rewritten"
    if "oauth" in lowered:
        return "oauth_token"
    if "invalid x-api-key" in lowered:
        return "invalid_key"
    return "rejected"


def _not_found(result: CallResult, context: CallTarget) -> Finding:
    if result.model is None and context.official_api:
        return _finding("API001", "disabled_key", result, context)
    if result.model is None:
        return _finding("API010", "gateway_path", result, context)
    return _finding(
        "API003", "not_served", result, context, model=sanitize(result.model, limit=120)
    )


def _rate_limited(result: CallResult, context: CallTarget) -> Finding:
    asked = server_delay(result.headers)
    if is_spend_limit(result.body) or asked is None:
        return _finding("API007", "spend_cap", result, context)
    return _transient("API006", result, context, retry_after=asked)


def _transient(code: str, result: CallResult, context: CallTarget, **facts: object) -> Finding:
    """API006 or API008, worded with how the retries ended when there were any."""
    tries = f" on {result.attempts} attempts" if result.attempts > 1 else ""
    reason = f"; retries stopped: {result.stopped}" if result.stopped else ""
    wording = "gave_up" if tries or reason else "not_retried"
    return _finding(code, wording, result, context, tries=tries, reason=reason, **facts)


def not_the_api(result: CallResult, context: CallTarget, what: str | None = None) -> Finding:
    """API010 for an answer that is not the Claude API's: a page, a redirect, foreign JSON."""
    status = result.status or 0
    if what is None and 300 <= status < 400:
        target = sanitize(result.headers.get("location", "(no location)"), limit=120)
        return _finding("API010", "redirect", result, context, status=status, target=target)
    answer = what or result.body_problem or "JSON that is not an API object"
    return _finding("API010", "not_the_api", result, context, status=status, answer=answer)


def _network(result: CallResult, context: CallTarget) -> Finding:
    kind = result.network or FALLBACK_KIND
    code, wording = WORDINGS.get(kind, WORDINGS[FALLBACK_KIND])
    return _finding(
        code,
        wording,
        result,
        context,
        kind=kind,
        budget=context.timeout,
        attempts=f" after {result.attempts} attempts" if result.attempts > 1 else "",
        detail=sanitize(result.network_detail, context.secret, limit=200),
    )


def _error(result: CallResult, context: CallTarget) -> str:
    """The `{error}` fact, what the answer said after its status: ` `authentication_error`:
    "invalid x-api-key"`, ` with an HTML page instead of JSON`, or nothing."""
    kind, message = api_error(result.body)
    error = f" `{sanitize(kind, limit=60)}`" if kind else ""
    if message:
        error += f': "{sanitize(message, context.secret)}"'
    elif result.body_problem:
        error += f" with {result.body_problem}"
    return error


def _finding(
    code: str, wording: str, result: CallResult, context: CallTarget, **facts: object
) -> Finding:
    """The finding in the rule's words, from facts stripped of the key; then the request-id, the
    key stripped once more from the whole text, and the cap."""
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
    named: dict[str, object] = {
        "endpoint": result.endpoint,
        "status": result.status,
        "error": _error(result, context),
        "base_url": context.base_url,
        "key_env": context.api_key_env,
        **facts,
    }
    secret = context.secret
    clean: dict[str, Any] = {
        name: _strip(value, secret) if isinstance(value, str) else value
        for name, value in named.items()
    }
    finding = make_finding(code, wording, details=details, **clean)
    message = finding.message
    if result.request_id:
        message += f" (request-id {sanitize(result.request_id, limit=100)})"
    return replace(
        finding,
        message=_strip(message, secret)[:MAX_FINDING_CHARS],
        fix=_strip(finding.fix, secret),
    )


def _strip(text: str, secret: str) -> str:
    """The text with the key replaced by `[REDACTED]`."""
    return text.replace(secret, "[REDACTED]") if secret else text
