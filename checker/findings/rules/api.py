"""The live check: how the API answered (API)."""

from __future__ import annotations

from checker.findings.rule import Example, Rule, Wording

# How the API answered, as every HTTP finding opens: `GET /v1/models answered 401
# `authentication_error`: "invalid x-api-key".` (`error` is empty when the body named nothing).
_ANSWERED = "{endpoint} answered {status}{error}."
# How the retries of a transient failure ended: ` on 4 attempts`, `; retries stopped: ...`.
_GAVE_UP = " Failed{tries}{reason}."
# No HTTP answer: `GET /v1/models to `http://localhost:8000`: connection refused after 4 attempts:
# nothing listens on that host and port.` (`kind` is one of `checker.live.network`'s).
_UNREACHED = "{endpoint} to `{base_url}`: {kind}{attempts}: {detail}."
_NO_CALL = " No call was made."
_RAISE_TIMEOUT = "Raise `--timeout`, or check that the runner can reach the host."
_BASE_URL_PATH_FIX = "Set the base URL to `{fixed}`: SDKs append `/v1/messages` themselves."
_NOT_THE_API_FIX = (
    "Set the base URL to the API's origin, e.g. `https://api.anthropic.com` (no `/v1`), or to "
    "the gateway prefix under which it serves `/v1/messages`."
)
_REPLACEMENT_FIX = (
    "Move to `{replacement}`, the catalog's replacement for `{model}`, or to another model "
    "`GET /v1/models` lists for this key; re-test before deploying."
)
_UNLISTED = (
    "`{model}` is not in the model list the API serves to this key (GET /v1/models, {served} "
    "models): a request to it would fail with 404 `not_found_error`."
)

RULES: tuple[Rule, ...] = (
    Rule(
        code="API001",
        title="Authentication failed (401)",
        severity="error",
        job="live",
        since="0.1.0",
        explanation=(
            "The API rejected the credential: the key is invalid, revoked or expired, the "
            "header was missing, or the key was sent as `Authorization: Bearer` instead of "
            "`x-api-key`."
        ),
        fix=(
            "Create a new key in the Console and update the secret; send it in the `x-api-key`"
            " header."
        ),
        words={
            "invalid_key": Wording(
                message=_ANSWERED + " The key in `{key_env}` is wrong, revoked or expired.",
                fix=(
                    "Create a new key in the Console (Settings > API keys) and update the "
                    "`{key_env}` secret; an expired key cannot be reactivated."
                ),
            ),
            "header_stripped": Wording(
                message=_ANSWERED + " The request reached the API without an `x-api-key` header,"
                " though claude-preflight sent one: a proxy or gateway at `{base_url}` strips it.",
                fix="Configure the gateway to forward `x-api-key`, or use the API's own base URL.",
            ),
            "bearer_rewritten": Wording(
                message=_ANSWERED + " The API received the key as `Authorization: Bearer`: a "
                "gateway at the base URL rewrote the header.",
                fix=(
                    "Console API keys go in `x-api-key`; `Authorization: Bearer` is only for "
                    "Workload Identity Federation access tokens. Make the gateway pass "
                    "`x-api-key` through."
                ),
            ),
            "oauth_token": Wording(
                message=_ANSWERED + " `{key_env}` holds a Claude.ai / Claude Code OAuth token, "
                "which the API does not accept.",
                fix="Create a Console API key (`sk-ant-api03-...`) and store it in `{key_env}`.",
            ),
            "rejected": Wording(
                message=_ANSWERED + " The API rejected the credential in `{key_env}`.",
            ),
            "disabled_key": Wording(
                message=_ANSWERED + " On the Anthropic API this means the key in `{key_env}` is "
                "disabled or deleted.",
                fix="Create a new key in the Console and update the secret.",
            ),
        },
        example=Example(
            trigger=(
                "The `ANTHROPIC_API_KEY` secret still holds a key that was revoked in the "
                "Console, and `GET /v1/models` answers 401:\n\n"
                '```json\n{"type": "error", "error": {"type": "authentication_error", '
                '"message": "invalid x-api-key"}}\n```'
            ),
            facts={
                "endpoint": "GET /v1/models",
                "status": 401,
                "error": ' `authentication_error`: "invalid x-api-key"',
                "key_env": "ANTHROPIC_API_KEY",
            },
            fixed=(
                "A new key from the Console, stored in the secret the workflow passes:\n\n"
                "```bash\ngh secret set ANTHROPIC_API_KEY --env production\n```"
            ),
        ),
    ),
    Rule(
        code="API002",
        title="Permission denied (403)",
        severity="error",
        job="live",
        since="0.1.0",
        explanation=(
            "The key is valid but not allowed to use this resource (workspace restrictions, "
            "organization policy, or a scoped key)."
        ),
        fix="Check the key's workspace and the organization's model access in the Console.",
        words={"forbidden": Wording(message=_ANSWERED)},
        example=Example(
            trigger=(
                "The key belongs to a workspace that may not use the model, and "
                "`GET /v1/models/claude-opus-5-5` answers 403 `permission_error`."
            ),
            facts={
                "endpoint": "GET /v1/models/claude-opus-5-5",
                "status": 403,
                "error": (
                    ' `permission_error`: "Your API key does not have permission to use the '
                    'specified resource."'
                ),
            },
            fixed=(
                "The model allowed for the key's workspace in the Console, or the secret "
                "replaced by a key of a workspace that may use it."
            ),
        ),
    ),
    Rule(
        code="API003",
        title="Model not available to this key (404)",
        severity="error",
        job="live",
        since="0.1.0",
        explanation=(
            "The key works, but the API does not serve this model to it: the ID is wrong, "
            "retired, not yet available to the organization, or invitation-only. At "
            "`--live-check auth` a catalog model missing from `GET /v1/models` is reported the"
            " same way."
        ),
        fix=(
            "Use a model that `GET /v1/models` lists for this key (the message names the "
            "catalog's replacement when it has one)."
        ),
        words={
            "not_served": Wording(
                message=_ANSWERED + " Model `{model}` is not served to this key.",
            ),
            "not_served_replaced": Wording(
                message=_ANSWERED + " Model `{model}` is not served to this key.",
                fix=_REPLACEMENT_FIX,
            ),
            "unlisted": Wording(message=_UNLISTED),
            "unlisted_replaced": Wording(message=_UNLISTED, fix=_REPLACEMENT_FIX),
        },
        example=Example(
            trigger=(
                "`config/prod.yaml` names an invitation-only model the organization has no "
                "access to:\n\n```yaml\nanthropic:\n  model: claude-mythos-5\n```"
            ),
            facts={
                "endpoint": "GET /v1/models/claude-mythos-5",
                "status": 404,
                "error": ' `not_found_error`: "model: claude-mythos-5"',
                "model": "claude-mythos-5",
            },
            fixed="```yaml\nanthropic:\n  model: claude-opus-5-5\n```",
        ),
    ),
    Rule(
        code="API004",
        title="Request rejected (400)",
        severity="error",
        job="live",
        since="0.1.0",
        explanation=(
            "The API rejected the request shape for a reason not covered by a more specific code."
        ),
        fix="Read the API's message in this finding; fix the configuration it names.",
        words={"rejected": Wording(message=_ANSWERED)},
        example=Example(
            trigger=(
                "A gateway adds its own `anthropic-version` header to every request, next to "
                "the one the client sends."
            ),
            facts={
                "endpoint": "GET /v1/models",
                "status": 400,
                "error": (
                    ' `invalid_request_error`: "anthropic-version: "2023-06-01, 2023-06-01" is '
                    'not a valid version"'
                ),
            },
            fixed="The gateway passes the client's `anthropic-version` header through unchanged.",
        ),
    ),
    Rule(
        code="API005",
        title="Billing: credit balance too low",
        severity="error",
        job="live",
        since="0.1.0",
        explanation=(
            "The organization's prepaid credit is exhausted (400 `Your credit balance is too "
            "low`) or there is a payment problem (402 `billing_error`). Every call fails until"
            " it is resolved."
        ),
        fix="Buy credits or fix the payment method in the Console under Plans & Billing.",
        words={"billing": Wording(message=_ANSWERED)},
        example=Example(
            trigger="The organization's prepaid credit ran out; `POST /v1/messages` answers 400.",
            facts={
                "endpoint": "POST /v1/messages",
                "status": 400,
                "error": (
                    ' `invalid_request_error`: "Your credit balance is too low to access the '
                    'Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."'
                ),
            },
            fixed="Credits bought (or auto-reload turned on) under Plans & Billing, then a re-run.",
        ),
    ),
    Rule(
        code="API006",
        title="Rate limited (429)",
        severity="warning",
        job="live",
        since="0.1.0",
        explanation=(
            "The API answered 429 with `retry-after` on every retry inside the time budget. "
            "This is transient and does not block the deploy."
        ),
        fix=(
            "Re-run later, or raise the rate limit tier; check the headroom figures in the report."
        ),
        words={
            "gave_up": Wording(
                message=_ANSWERED + " `retry-after`: {retry_after:.1f} s." + _GAVE_UP
            ),
            "not_retried": Wording(message=_ANSWERED + " `retry-after`: {retry_after:.1f} s."),
        },
        example=Example(
            trigger=(
                "Other jobs of the organization use up its request rate while the gate runs; "
                "every attempt at `GET /v1/models` answers 429 with `retry-after: 2`."
            ),
            facts={
                "endpoint": "GET /v1/models",
                "status": 429,
                "error": (
                    ' `rate_limit_error`: "Number of requests has exceeded your rate limit. '
                    'Please try again later."'
                ),
                "retry_after": 2.0,
                "tries": " on 4 attempts",
                "reason": "; retries stopped: still failing after 3 retries",
            },
            fixed="The same run a few minutes later, or a higher rate limit tier.",
        ),
    ),
    Rule(
        code="API007",
        title="Spend or usage limit reached",
        severity="error",
        job="live",
        since="0.1.0",
        explanation=(
            "The organization reached its monthly tier spend cap (429 without `retry-after`, "
            "`enforced_spend_limit_reached`) or a self-set usage limit (400). Calls fail until"
            " the date the API names."
        ),
        fix="Raise the spend limit in the Console (Limits), or move up a usage tier.",
        words={
            "spend_cap": Wording(
                message=_ANSWERED + " A 429 without `retry-after` is the organization's monthly "
                "spend cap, not a rate limit: every call fails until the date the API names.",
                fix="Move up a usage tier or raise the spend limit in the Console (Limits).",
            ),
            "usage_limit": Wording(
                message=_ANSWERED + " A self-set spend limit blocks every call until the date the"
                " API names.",
                fix="Raise the organization's or workspace's spend limit in the Console (Limits).",
            ),
        },
        example=Example(
            trigger=(
                "The organization crossed its tier's monthly spend cap; `GET /v1/models` "
                "answers 429 without `retry-after`."
            ),
            facts={
                "endpoint": "GET /v1/models",
                "status": 429,
                "error": (
                    ' `rate_limit_error`: "You have reached your API usage limits. You will '
                    'regain access on 2026-09-01 at 00:00 UTC."'
                ),
            },
            fixed="A higher usage tier, or the spend limit raised in the Console under Limits.",
        ),
    ),
    Rule(
        code="API008",
        title="Server error or overloaded",
        severity="warning",
        job="live",
        since="0.1.0",
        explanation=(
            "The API answered 5xx or 529 `overloaded_error` on every retry inside the time "
            "budget. This is on Anthropic's side and transient; it does not block the deploy."
        ),
        fix="Re-run later; check status.anthropic.com.",
        words={
            "gave_up": Wording(message=_ANSWERED + _GAVE_UP),
            "not_retried": Wording(message=_ANSWERED),
        },
        example=Example(
            trigger="The API is overloaded: every attempt at `GET /v1/models` answers 529.",
            facts={
                "endpoint": "GET /v1/models",
                "status": 529,
                "error": ' `overloaded_error`: "Overloaded"',
                "tries": " on 4 attempts",
                "reason": "; retries stopped: still failing after 3 retries",
            },
            fixed="The same run once status.anthropic.com reports the API healthy again.",
        ),
    ),
    Rule(
        code="API009",
        title="Network failure",
        severity="error",
        job="live",
        since="0.1.0",
        explanation=(
            "No HTTP answer: DNS failure, connection refused or reset, TLS error, proxy error,"
            " or timeout."
        ),
        fix=(
            "Check the base URL host, proxy variables (`HTTPS_PROXY`, `NO_PROXY`) and the "
            "runner's egress rules."
        ),
        words={
            "connection_refused": Wording(
                message=_UNREACHED,
                fix=(
                    "Nothing listens there: check the base URL's port and that the gateway is "
                    "running."
                ),
            ),
            "dns_lookup_failed": Wording(
                message=_UNREACHED,
                fix="Check the host name in the base URL and the runner's DNS.",
            ),
            "tls_handshake_failed": Wording(
                message=_UNREACHED,
                fix=(
                    "Check the scheme (https to a plain-http server fails), the host name, and a "
                    "TLS-intercepting proxy's CA (`SSL_CERT_FILE`)."
                ),
            ),
            "proxy_error": Wording(
                message=_UNREACHED,
                fix="Check `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` and the proxy's credentials.",
            ),
            "connection_reset": Wording(
                message=_UNREACHED,
                fix=(
                    "A firewall, proxy or the server dropped the connection: check egress rules "
                    "and proxy settings (`HTTPS_PROXY`, `NO_PROXY`)."
                ),
            ),
            "connection_closed": Wording(
                message=_UNREACHED,
                fix=(
                    "The server closed the connection mid-answer: check the gateway and proxy "
                    "settings; re-run if it was transient."
                ),
            ),
            "timeout": Wording(
                message=(
                    "{endpoint} to `{base_url}`: {kind} (budget {budget:g} s){attempts}: {detail}."
                ),
                fix=_RAISE_TIMEOUT,
            ),
            "connection_failed": Wording(message=_UNREACHED),
            "over_budget": Wording(
                message=(
                    "The live phase did not finish within its {budget:g} s budget (`--timeout`) "
                    "against `{base_url}`."
                ),
                fix=_RAISE_TIMEOUT,
            ),
            "tls_setup_failed": Wording(
                message="TLS setup failed before any call ({error_type}: {detail}).",
                fix="Check `SSL_CERT_FILE` / `SSL_CERT_DIR`: they must name a readable CA bundle.",
            ),
        },
        example=Example(
            trigger=(
                "The LiteLLM gateway the workflow calls listens on port 4000, but the step names "
                "another port:\n\n"
                "```yaml\n- uses: claude-preflight/claude-preflight@v1\n  with:\n"
                "    base-url: http://localhost:8000\n```"
            ),
            facts={
                "endpoint": "GET /v1/models",
                "base_url": "http://localhost:8000",
                "kind": "connection refused",
                "attempts": " after 4 attempts",
                "detail": "nothing listens on that host and port",
            },
            fixed=(
                "```yaml\n- uses: claude-preflight/claude-preflight@v1\n  with:\n"
                "    base-url: http://localhost:4000\n```"
            ),
        ),
    ),
    Rule(
        code="API010",
        title="Base URL misconfigured",
        severity="error",
        job="live",
        since="0.1.0",
        explanation=(
            "The base URL ends in `/v1`, doubles a path, is not http(s), or answers with a web"
            " page instead of the API. SDKs append `/v1/messages` themselves."
        ),
        fix=("Set the base URL to the host only, e.g. `https://api.anthropic.com` (no `/v1`)."),
        words={
            "ends_in_v1": Wording(
                message=(
                    "The base URL ends in `/v1` (`{path}`); requests would go to `/v1/v1/...`."
                    + _NO_CALL
                ),
                fix=_BASE_URL_PATH_FIX,
            ),
            "names_endpoint": Wording(
                message="The base URL path `{path}` already names an API endpoint." + _NO_CALL,
                fix=_BASE_URL_PATH_FIX,
            ),
            "doubled_path": Wording(
                message=(
                    "The base URL path `{path}` repeats `/{segment}` (a doubled path)." + _NO_CALL
                ),
                fix=_BASE_URL_PATH_FIX,
            ),
            "empty_segment": Wording(
                message="The base URL path `{path}` has an empty segment (`//`)." + _NO_CALL,
                fix=_BASE_URL_PATH_FIX,
            ),
            "not_http": Wording(
                message="The base URL has {scheme}; the API is reached over http(s)." + _NO_CALL,
                fix="Write the base URL as `https://host`, e.g. `https://api.anthropic.com`.",
            ),
            "empty": Wording(message="The base URL is empty." + _NO_CALL),
            "unprintable": Wording(
                message="The base URL contains whitespace or control characters." + _NO_CALL
            ),
            "unparsable": Wording(message="The base URL cannot be parsed ({problem})." + _NO_CALL),
            "no_host": Wording(message="The base URL has no host name." + _NO_CALL),
            "bad_host": Wording(
                message="The base URL's host name `{host}` is not valid." + _NO_CALL
            ),
            "query_or_fragment": Wording(
                message=(
                    "The base URL has a query string or fragment; SDKs append paths to it."
                    + _NO_CALL
                ),
            ),
            "not_the_api": Wording(
                message=(
                    "{endpoint} at `{base_url}` answered with {answer} (status {status}): the "
                    "base URL does not point at the Claude API."
                ),
                fix=_NOT_THE_API_FIX,
            ),
            "redirect": Wording(
                message=(
                    "{endpoint} at `{base_url}` answered with a redirect ({status}) to "
                    "`{target}`: the base URL does not point at the Claude API."
                ),
                fix=_NOT_THE_API_FIX,
            ),
            "gateway_path": Wording(
                message=_ANSWERED + " The model list is not at `{base_url}/v1/models`: the base "
                "URL's path is wrong for this gateway (or the key is disabled).",
                fix="Set the base URL to the prefix under which the gateway serves `/v1/messages`.",
            ),
            "invalid_url": Wording(message=_UNREACHED),
        },
        example=Example(
            trigger=(
                "The workflow copies the gateway URL with the API version on it:\n\n"
                "```yaml\n- uses: claude-preflight/claude-preflight@v1\n  with:\n"
                "    base-url: https://llm-gateway.example.com/anthropic/v1\n```"
            ),
            facts={"path": "/anthropic/v1", "fixed": "https://llm-gateway.example.com/anthropic"},
            fixed=(
                "```yaml\n- uses: claude-preflight/claude-preflight@v1\n  with:\n"
                "    base-url: https://llm-gateway.example.com/anthropic\n```"
            ),
        ),
    ),
)
