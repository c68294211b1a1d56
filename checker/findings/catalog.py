"""The finding-code catalog: the single source for titles, explanations, fixes and docs links.

`--explain`, `docs/rules.md`, the job summary and SARIF rules all read this table; a code is never
reused for another meaning.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.vocabulary import Job, SeverityName

DOCS_BASE = "https://github.com/claude-preflight/claude-preflight/blob/main/docs/rules.md"


@dataclass(frozen=True, slots=True)
class Rule:
    """Documentation of one finding code."""

    code: str
    title: str
    severity: SeverityName
    job: Job
    explanation: str
    fix: str
    severity_note: str = ""


_RULES: tuple[Rule, ...] = (
    Rule(
        "SEC001",
        "Required secret missing or empty",
        "error",
        "secrets",
        "A secret the deploy needs is not set, or is set to an empty string, in this run. GitHub "
        "turns a secret that does not exist, is misspelt, belongs to an environment the job does "
        "not use, or is not wired into the step into the same empty string, so the app would start "
        "without a credential and fail on its first Claude call.",
        "Create the secret (Settings > Secrets and variables > Actions, or the environment's "
        "secrets) and pass it to this step, e.g. "
        "`with: api-key: ${{ secrets.ANTHROPIC_API_KEY }}`. "
        "For environment secrets, give the job `environment: production`.",
    ),
    Rule(
        "SEC002",
        "Secrets withheld by design in this run",
        "notice",
        "secrets",
        "GitHub gives no repository secrets to workflows triggered from a fork and only Dependabot "
        "secrets to Dependabot runs. The live check cannot run here; every offline check "
        "still ran.",
        "Nothing is wrong with the key. To check it on these runs anyway: add the key as a "
        "Dependabot secret (Dependabot), or run the live check from a `workflow_run` workflow that "
        "runs after the PR workflow in the base repository (fork PRs).",
        "error with `--on-unavailable-secrets fail`",
    ),
    Rule(
        "SEC003",
        "Malformed secret",
        "error",
        "secrets",
        "The secret has a shape no valid credential has: surrounding whitespace or a trailing "
        "newline (common when pasted or read from a file), wrapping quotes, the wrong length, or "
        "characters outside the key alphabet. HTTP clients reject or mangle such header values, "
        "and some echo the key into their error message. Also raised when the API key does not "
        "start with `sk-ant-` while the base URL is Anthropic's: the API would refuse it, so it "
        "is not sent (a gateway's own keys need `base-url` set to the gateway).",
        "Re-create the secret from the Console value exactly, with no quotes, spaces or newline "
        '(`printf %s "$KEY" | gh secret set ANTHROPIC_API_KEY`).',
    ),
    Rule(
        "SEC004",
        "Wrong kind of credential in the API-key slot",
        "error",
        "secrets",
        "The API-key slot holds a credential the Messages API does not accept in `x-api-key`: an "
        "Admin API key (`sk-ant-admin01-`), an OAuth or federation access token (`sk-ant-oat01-`), "
        "a refresh or session token (`sk-ant-ort01-`, `sk-ant-sid01-`, `sk-ant-cc-`, "
        "`sk-ant-si-`), or another provider's key (OpenAI, AWS, Google, GitHub, ...; only flagged "
        "when the base URL is Anthropic's, since gateways issue their own keys). Such values are "
        "never sent to the live check. `sk-ant-api01-` is the prefix of Claude Enterprise admin "
        "keys, but early API keys may share it, so it is a warning and the live check decides. "
        "Also raised when keyless GitHub OIDC federation is configured but incomplete, or shadowed "
        "by a set `ANTHROPIC_API_KEY` (even an empty one).",
        "Create a regular API key in the Console (API keys, not Admin keys) and store that. For "
        "keyless GitHub OIDC federation, set every `ANTHROPIC_*` federation variable and leave "
        "`ANTHROPIC_API_KEY` unset.",
    ),
    Rule(
        "SEC005",
        "Placeholder secret",
        "error",
        "secrets",
        "The secret still holds a placeholder copied from an example file: a `your-…-key` "
        "phrase, a stand-in word (change me, to do, dummy), one filler character repeated (`x`, "
        "`*`), an Anthropic key prefix with nothing real after it, or an unfilled template marker "
        "(`<…>`, `${…}`). The finding names the pattern that matched, never the value.",
        "Replace the placeholder with the real key from the Console.",
    ),
    Rule(
        "SEC006",
        "Config references a Claude setting this run lacks",
        "error",
        "secrets",
        "A config file reads a Claude credential or setting (`${VAR}`, `$VAR`, `os.environ/VAR`, "
        "`env:VAR`) that is not set in this run, so the deployed app would read an empty value. "
        "Only Claude's variables are checked: names starting `ANTHROPIC_` or `CLAUDE_`, the "
        "`--api-key-env` name, and variables read in a Claude slot (a model setting, or the key "
        "of a LiteLLM `anthropic/` route). A database URL or another provider's key is left "
        "alone (the summary counts them); list one in `required_secrets` to have it checked. "
        "`${VAR:-default}` counts as satisfied.",
        "Provide the variable to this step (`env:` or `with: required-secrets`), or give the "
        "reference a default.",
        "error in production, warning elsewhere",
    ),
    Rule(
        "SEC007",
        "Anthropic key committed to the repository",
        "error",
        "secrets",
        "A literal Anthropic key is in a file of the workspace. Anyone with read access to the "
        "repository, or its history, can use it. The value is never shown.",
        "Revoke the key in the Console now, create a new one, store it as a secret, and remove "
        "the literal from the file (and from history if the repository is or was public).",
    ),
    Rule(
        "MOD001",
        "Model drift between environments",
        "error",
        "models",
        "The same setting names a different Claude model in different environments, so "
        "production would run a model staging never tested.",
        "Make production's value equal its pre-production environment's, or list the slot under "
        "`allow_drift` in `.claude-preflight.yml` if the difference is intentional.",
        "error when production differs from its pre-production environment, warning otherwise",
    ),
    Rule(
        "MOD002",
        "Unknown model ID",
        "error",
        "models",
        "Neither the bundled model catalog nor the live model list knows this ID; the API would "
        "answer 404 `not_found_error` on every call.",
        "Use the suggested ID, or one listed by `GET /v1/models`.",
    ),
    Rule(
        "MOD003",
        "Retired model",
        "error",
        "models",
        "The model has been retired; requests to it fail.",
        "Move to the recommended replacement model and re-test.",
    ),
    Rule(
        "MOD004",
        "Deprecated model",
        "warning",
        "models",
        "A retirement date has been announced for this model; after it every request fails. Also "
        "raised when the catalog's retirement date has passed but the live model list still "
        "serves the model: it works today and can stop at any moment.",
        "Plan the move to the replacement before the retirement date.",
        "error in production when retirement is inside the deprecation window, warning otherwise; "
        "always a warning for a model the API still serves past its retirement date",
    ),
    Rule(
        "MOD005",
        "Unpinned model alias",
        "warning",
        "models",
        "The value is an alias that resolves to a dated snapshot; the snapshot behind it can "
        "change without a deploy.",
        "Pin the dated snapshot ID the alias resolves to today.",
        "warning in production, notice elsewhere",
    ),
    Rule(
        "MOD006",
        "Model ID in another platform's format",
        "error",
        "models",
        "The ID is in Bedrock, Vertex or first-party format, but the environment's provider "
        "expects another; the call would fail with 400 or 404.",
        "Use the ID in the provider's format (shown in the message).",
    ),
    Rule(
        "MOD007",
        "Malformed model ID",
        "error",
        "models",
        "The ID is almost right: wrong case, whitespace, or the wrong separators "
        "(`claude-sonnet-4.5`). The API matches IDs exactly.",
        "Use the corrected ID shown in the message.",
    ),
    Rule(
        "MOD008",
        "max_tokens above the model's output limit",
        "error",
        "models",
        "The configured output limit exceeds what the model can produce; every call is rejected "
        "with 400 `max_tokens: N > M`. The limit is the live model list's `max_tokens` when the "
        "API states it, else the catalog's.",
        "Lower `max_tokens` to at most the model's limit, or choose a model with a higher one.",
    ),
    Rule(
        "MOD010",
        "Model setting missing in an environment",
        "error",
        "models",
        "A model setting present in other environments is absent from this one, so the app "
        "falls back to a code default nobody reviewed.",
        "Add the setting to this environment's config file.",
        "error when missing in production, warning otherwise",
    ),
    Rule(
        "MOD011",
        "Bedrock model ID without a valid inference profile",
        "error",
        "models",
        "Amazon Bedrock serves this model on demand only through a cross-region inference "
        "profile, so its bare base model ID (`anthropic.claude-…`) fails every call with 400 "
        "`Invocation of model ID … with on-demand throughput isn't supported. Retry your request "
        "with the ID or ARN of an inference profile that contains this model.` Also raised when "
        "the ID carries a profile prefix (`us.`, `eu.`, `jp.`, `apac.`, `au.`, `global.`) that "
        "Bedrock does not offer for this model: no such profile exists, and the call fails too. "
        "`claude-preflight --catalog` lists the prefixes each model has.",
        "Use the inference-profile ID the message names: a prefix the model has plus the base "
        "ID, e.g. `global.anthropic.claude-sonnet-4-5-20250929-v1:0` (`us.`, `eu.`, `jp.` keep "
        "the data in that geography), or the profile's ARN.",
    ),
    Rule(
        "API001",
        "Authentication failed (401)",
        "error",
        "live",
        "The API rejected the credential: the key is invalid, revoked or expired, the header was "
        "missing, or the key was sent as `Authorization: Bearer` instead of `x-api-key`.",
        "Create a new key in the Console and update the secret; send it in the `x-api-key` header.",
    ),
    Rule(
        "API002",
        "Permission denied (403)",
        "error",
        "live",
        "The key is valid but not allowed to use this resource (workspace restrictions, "
        "organization policy, or a scoped key).",
        "Check the key's workspace and the organization's model access in the Console.",
    ),
    Rule(
        "API003",
        "Model not available to this key (404)",
        "error",
        "live",
        "The key works, but the API does not serve this model to it: the ID is wrong, retired, "
        "not yet available to the organization, or invitation-only. At `--live-check auth` a "
        "catalog model missing from `GET /v1/models` is reported the same way.",
        "Use a model that `GET /v1/models` lists for this key (the message names the catalog's "
        "replacement when it has one).",
    ),
    Rule(
        "API004",
        "Request rejected (400)",
        "error",
        "live",
        "The API rejected the request shape for a reason not covered by a more specific code.",
        "Read the API's message in this finding; fix the configuration it names.",
    ),
    Rule(
        "API005",
        "Billing: credit balance too low",
        "error",
        "live",
        "The organization's prepaid credit is exhausted (400 `Your credit balance is too low`) or "
        "there is a payment problem (402 `billing_error`). Every call fails until it is resolved.",
        "Buy credits or fix the payment method in the Console under Plans & Billing.",
    ),
    Rule(
        "API006",
        "Rate limited (429)",
        "warning",
        "live",
        "The API answered 429 with `retry-after` on every retry inside the time budget. This is "
        "transient and does not block the deploy.",
        "Re-run later, or raise the rate limit tier; check the headroom figures in the report.",
    ),
    Rule(
        "API007",
        "Spend or usage limit reached",
        "error",
        "live",
        "The organization reached its monthly tier spend cap (429 without `retry-after`, "
        "`enforced_spend_limit_reached`) or a self-set usage limit (400). Calls fail until the "
        "date the API names.",
        "Raise the spend limit in the Console (Limits), or move up a usage tier.",
    ),
    Rule(
        "API008",
        "Server error or overloaded",
        "warning",
        "live",
        "The API answered 5xx or 529 `overloaded_error` on every retry inside the time budget. "
        "This is on Anthropic's side and transient; it does not block the deploy.",
        "Re-run later; check status.anthropic.com.",
    ),
    Rule(
        "API009",
        "Network failure",
        "error",
        "live",
        "No HTTP answer: DNS failure, connection refused or reset, TLS error, proxy error, or "
        "timeout.",
        "Check the base URL host, proxy variables (`HTTPS_PROXY`, `NO_PROXY`) and the runner's "
        "egress rules.",
    ),
    Rule(
        "API010",
        "Base URL misconfigured",
        "error",
        "live",
        "The base URL ends in `/v1`, doubles a path, is not http(s), or answers with a web page "
        "instead of the API. SDKs append `/v1/messages` themselves.",
        "Set the base URL to the host only, e.g. `https://api.anthropic.com` (no `/v1`).",
    ),
    Rule(
        "CFG001",
        "Config file cannot be parsed",
        "error",
        "config",
        "An environment config file is not valid YAML, JSON, TOML, dotenv or properties; the "
        "deployed app would fail to read it too.",
        "Fix the syntax at the line and column shown.",
    ),
    Rule(
        "CFG002",
        "Nothing to check",
        "warning",
        "config",
        "No environment config files or no Claude model IDs were found, so the model checks "
        "had nothing to compare.",
        "Point `environments` in `.claude-preflight.yml` at your config files, or add "
        "`model_keys` for settings whose names do not contain `model`.",
    ),
    Rule(
        "CFG003",
        "File skipped",
        "notice",
        "config",
        "A file was not read: too large, binary, outside the workspace through a symlink, a "
        "symlink loop, or too deeply nested. Nothing in it was checked.",
        "Nothing to do if the file is not configuration; otherwise shrink or move it.",
    ),
    Rule(
        "CFG004",
        "Bundled model catalog is out of date",
        "notice",
        "config",
        "The model catalog bundled with this version of claude-preflight is more than 60 days "
        "old and no `catalog:` file was given. Model lifecycles change within weeks: a model "
        "deprecated or retired since the catalog's as-of date still passes as current here, and "
        "newer models are known only through the live model list. The live check "
        "(`--live-check models`) still reports a model the API no longer serves.",
        "Upgrade claude-preflight (a newer action version carries a newer catalog), or list "
        "newer entries in a file named by `catalog:` in `.claude-preflight.yml`. Maintainers "
        "refresh the bundled catalog with `python scripts/refresh_catalog.py --fetch`.",
    ),
    Rule(
        "REQ001",
        "Request parameter the model rejects",
        "error",
        "models",
        "A call in the code (or a request setting in a LiteLLM or promptfoo config) sends a "
        "parameter that this model rejects with 400 `invalid_request_error`: a non-default "
        "`temperature`, `top_p` or `top_k` on Claude 4.7 and later, `temperature` together with "
        "`top_p` on Claude Haiku 4.5, `thinking.type: enabled` on 4.7 and later, adaptive "
        "thinking on 4.5 and earlier. The model is the one the call names: a literal, a constant "
        "of the same file or imported from the project, or an environment lookup's default. "
        "Which parameter which models reject is data in the model catalog (`request_rules`).",
        "Change the argument as the finding says (e.g. drop `temperature` on a 4.7+ model), or "
        "send the request to a model that accepts it.",
    ),
    Rule(
        "REQ002",
        "Request the API rejects",
        "error",
        "models",
        "A call in the code builds a request the Messages API rejects with 400 whatever the "
        "model: `max_tokens` missing (the SDKs' `messages.create` and `stream`; `count_tokens` "
        "takes none), a `messages` list written in the code that starts with an `assistant` "
        "turn, or holds a `system` role. A list that ends with an `assistant` turn (prefill) is "
        "rejected by Claude 4.6 and later, so that one is reported when the model is known. "
        "Only what the code writes is seen: a list built at run time from data is out of reach.",
        "Add `max_tokens`; start and end `messages` with a `user` turn; move the system prompt "
        "to the top-level `system` parameter.",
    ),
    Rule(
        "TOOL001",
        "A check crashed",
        "error",
        "tool",
        "An internal error stopped one of claude-preflight's checks. The other checks ran; the "
        "gate fails closed because part of it could not be verified.",
        "Re-run; if it persists, report it with the message shown (it never contains secrets).",
    ),
)

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}


def rule_for(code: str) -> Rule:
    """Look a code up, case-insensitively; unknown codes are a programming error."""
    return RULES[code.upper()]


def docs_url(code: str) -> str:
    """Link to the rule's section of `docs/rules.md`."""
    return f"{DOCS_BASE}#{code.lower()}"
