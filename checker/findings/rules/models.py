"""Models: the IDs the deploy will run, across environments (MOD)."""

from __future__ import annotations

from checker.findings.rule import Example, Rule, Wording

_DRIFT = (
    "`{slot}` is `{value}` in {environment} ({place}) but `{other_value}` in "
    "{other_environment} ({other_place})"
)
_ALLOW_DRIFT = (
    "or list `{slot}` under `allow_drift` in `.claude-preflight.yml` if the difference is "
    "intentional."
)

_UNKNOWN = "`{value}` is not a Claude model ID: {known} (catalog as of {as_of}){note}."
_TRY = "Replace the value with `{final}`, or an ID `GET /v1/models` lists."

_NAMES = "`{value}` names {model} (`{model_id}`)"
_RETIRED = _NAMES + ", retired{on}; every request to it fails."
_ALSO = {
    "": "",
    "_misspelt": " (It is also misspelt: {malformation}.)",
    "_noted": " (Also, {note}.)",
}
_THROUGH = {"": "", "_through": " {caller} calls Claude through {platform}."}
_DEPRECATED = _NAMES + ", which is deprecated"
_REPLACEMENT = " Replacement: `{replacement}`."
_MOVE = "Move to `{replacement}` ({replacement_name}) and re-test before deploying."
_MOVE_VIA_GATEWAY = (
    "Move to {replacement_name} (`{replacement}` on the Claude API; your gateway may spell it "
    "differently) and re-test before deploying."
)

_MISMATCH = (
    "`{value}` is {article} {platform} model ID, but {caller} calls Claude through {provider} "
    "({evidence})"
)

_MALFORMED = (
    "`{value}` is not a valid model ID ({malformation}); the API matches IDs exactly. Did you "
    "mean `{final}`?"
)
_REPLACE = "Replace the value with `{final}`."

_ABOVE = "`{setting}` is above the output limit of {model}, {limit:,} tokens"
_LIVE = " (the limit the API states for this model in `GET /v1/models` today)"
_IN_CONFIG = "; every call would be rejected with 400 `max_tokens: {tokens} > {limit}`."
_AT_CALL = (
    " would be rejected with 400 `max_tokens: {tokens} > {limit}, which is the maximum allowed "
    "number of output tokens for {model_id}`."
)
_LOWER = "Set `{key}` to at most {limit}, or choose a model with a higher output limit."

_BASE_ID = (
    "`{value}` is the Bedrock base model ID of {model}, which Bedrock serves on demand only "
    "through a cross-region inference profile: every call with the base ID fails with 400 "
    "(on-demand throughput isn't supported)."
)
_WRONG_PREFIX = (
    "`{value}` uses the `{prefix}.` inference profile, which Bedrock does not offer for {model} "
    "(its profiles: {profiles}); every call fails."
)
_USE_PROFILE = " Use the inference profile `{profile}`."
_PROFILE_FIX = (
    "Replace the value with `{profile}` (or that profile's ARN, "
    "`arn:aws:bedrock:<region>:<account-id>:inference-profile/{profile_id}`)."
)
_CHOOSE_IN_REGION = (
    "Choose a model Bedrock serves in your region (`aws bedrock list-inference-profiles`)."
)


def _replaced(**situations: str) -> dict[str, Wording]:
    """Each lifecycle situation three ways: naming the replacement (`retired`), naming one a
    gateway may spell differently (`retired_via_gateway`), or with none in the catalog
    (`retired_unreplaced`, the rule's generic fix)."""
    words: dict[str, Wording] = {}
    for name, message in situations.items():
        words[name] = Wording(message=message + _REPLACEMENT, fix=_MOVE)
        words[f"{name}_via_gateway"] = Wording(
            message=message + _REPLACEMENT, fix=_MOVE_VIA_GATEWAY
        )
        words[f"{name}_unreplaced"] = Wording(message=message)
    return words


RULES: tuple[Rule, ...] = (
    Rule(
        code="MOD001",
        title="Model drift between environments",
        severity="error",
        job="models",
        since="0.1.0",
        explanation=(
            "The same setting names a different Claude model in different environments, so "
            "production would run a model staging never tested."
        ),
        fix=(
            "Make production's value equal its pre-production environment's, or list the slot "
            "under `allow_drift` in `.claude-preflight.yml` if the difference is intentional."
        ),
        severity_note=(
            "error when production differs from its pre-production environment, warning otherwise"
        ),
        words={
            "production": Wording(
                message=_DRIFT + ": production would run a model {other_environment} never tested.",
                fix=(
                    "Set `{key_path}` in {file} to `{other_value}` (the value {other_environment} "
                    "tested), " + _ALLOW_DRIFT
                ),
            ),
            "elsewhere": Wording(
                message=_DRIFT + ".",
                fix="Align the value with {other_environment}'s, " + _ALLOW_DRIFT,
            ),
        },
        example=Example(
            trigger=(
                "Staging tested one model, production names another:\n\n"
                "```yaml\n# config/staging.yaml\nllm:\n  model: claude-sonnet-4-6\n```\n\n"
                "```yaml\n# config/production.yaml\nllm:\n  model: claude-opus-4-8\n```"
            ),
            facts={
                "slot": "llm.model",
                "value": "claude-opus-4-8",
                "environment": "production",
                "place": "config/production.yaml:2",
                "other_value": "claude-sonnet-4-6",
                "other_environment": "staging",
                "other_place": "config/staging.yaml:2",
                "key_path": "llm.model",
                "file": "config/production.yaml",
            },
            fixed="```yaml\n# config/production.yaml\nllm:\n  model: claude-sonnet-4-6\n```",
        ),
    ),
    Rule(
        code="MOD002",
        title="Unknown model ID",
        severity="error",
        job="models",
        since="0.1.0",
        explanation=(
            "Neither the bundled model catalog nor the live model list knows this ID; the API "
            "would answer 404 `not_found_error` on every call."
        ),
        fix="Use the suggested ID, or one listed by `GET /v1/models`.",
        words={
            "suggestion": Wording(message=_UNKNOWN + " Did you mean `{suggestion}`?", fix=_TRY),
            "suggestion_alias": Wording(
                message=(
                    _UNKNOWN + " Did you mean `{suggestion}`? It is an alias: the fix pins the "
                    "snapshot it resolves to, `{final}`."
                ),
                fix=_TRY,
            ),
            "suggestion_retired": Wording(
                message=_UNKNOWN + " Did you mean `{suggestion}`? That model is retired{on}.",
                fix=_TRY,
            ),
            "suggestion_replaced": Wording(
                message=(
                    _UNKNOWN + " Did you mean `{suggestion}`? That model is retired{on}; its "
                    "replacement is `{final}`."
                ),
                fix=_TRY,
            ),
            "no_suggestion": Wording(message=_UNKNOWN),
        },
        example=Example(
            trigger="```yaml\n# config/production.yaml\nllm:\n  model: claude-sonet-4-6\n```",
            facts={
                "value": "claude-sonet-4-6",
                "known": "the model catalog does not know it",
                "as_of": "2026-12-01",
                "note": "",
                "suggestion": "claude-sonnet-4-6",
                "final": "claude-sonnet-4-6",
            },
            fixed="```yaml\n# config/production.yaml\nllm:\n  model: claude-sonnet-4-6\n```",
        ),
    ),
    Rule(
        code="MOD003",
        title="Retired model",
        severity="error",
        job="models",
        since="0.1.0",
        explanation="The model has been retired; requests to it fail.",
        fix="Move to the recommended replacement model and re-test.",
        words=_replaced(
            **{
                f"retired{also}{through}": _RETIRED + aside + calls
                for also, aside in _ALSO.items()
                for through, calls in _THROUGH.items()
            }
        ),
        example=Example(
            trigger=(
                "```yaml\n# config/production.yaml\nllm:\n  model: claude-3-5-sonnet-20241022\n```"
            ),
            facts={
                "value": "claude-3-5-sonnet-20241022",
                "model": "Claude Sonnet 3.5 v2",
                "model_id": "claude-3-5-sonnet-20241022",
                "on": " on 2025-10-28",
                "replacement": "claude-sonnet-4-6",
                "replacement_name": "Claude Sonnet 4.6",
            },
            fixed="```yaml\n# config/production.yaml\nllm:\n  model: claude-sonnet-4-6\n```",
        ),
    ),
    Rule(
        code="MOD004",
        title="Deprecated model",
        severity="warning",
        job="models",
        since="0.1.0",
        explanation=(
            "A retirement date has been announced for this model; after it every request "
            "fails. Also raised when the catalog's retirement date has passed but the live "
            "model list still serves the model: it works today and can stop at any moment."
        ),
        fix="Plan the move to the replacement before the retirement date.",
        severity_note=(
            "error in production when retirement is inside the deprecation window, warning "
            "otherwise; always a warning for a model the API still serves past its retirement "
            "date"
        ),
        words=_replaced(
            retires=_DEPRECATED + " and retires on {retirement}, {days} days from today.",
            retires_soon=(
                _DEPRECATED + " and retires on {retirement}, {days} days from today (inside the "
                "{window}-day deprecation window)."
            ),
            undated=_DEPRECATED + "; its retirement date is not announced yet.",
            still_served=(
                _NAMES + ", retired{on} per the catalog, but the API still serves it today "
                "(`GET /v1/models` lists it); it can stop at any moment."
            ),
        ),
        example=Example(
            trigger=(
                "A staging run on 2026-10-16, after Claude Sonnet 4.5's retirement was "
                "announced for 2026-11-30:\n\n"
                "```yaml\n# config/staging.yaml\nllm:\n  model: claude-sonnet-4-5-20250929\n```"
            ),
            facts={
                "value": "claude-sonnet-4-5-20250929",
                "model": "Claude Sonnet 4.5",
                "model_id": "claude-sonnet-4-5-20250929",
                "retirement": "2026-11-30",
                "days": 45,
                "replacement": "claude-sonnet-5-5",
                "replacement_name": "Claude Sonnet 5.5",
            },
            fixed="```yaml\n# config/staging.yaml\nllm:\n  model: claude-sonnet-5-5\n```",
        ),
    ),
    Rule(
        code="MOD005",
        title="Unpinned model alias",
        severity="warning",
        job="models",
        since="0.1.0",
        explanation=(
            "The value is an alias that resolves to a dated snapshot; the snapshot behind it "
            "can change without a deploy."
        ),
        fix="Pin the dated snapshot ID the alias resolves to today.",
        severity_note="warning in production, notice elsewhere",
        words={
            "alias": Wording(
                message=(
                    "`{value}` is an alias: today it resolves to `{model_id}`, and the snapshot "
                    "behind it can change without a deploy."
                ),
                fix="Pin the snapshot: replace the value with `{final}`.",
            ),
        },
        example=Example(
            trigger="```yaml\n# config/production.yaml\nllm:\n  model: claude-haiku-4-5\n```",
            facts={
                "value": "claude-haiku-4-5",
                "model_id": "claude-haiku-4-5-20251001",
                "final": "claude-haiku-4-5-20251001",
            },
            fixed=(
                "```yaml\n# config/production.yaml\nllm:\n  model: claude-haiku-4-5-20251001\n```"
            ),
        ),
    ),
    Rule(
        code="MOD006",
        title="Model ID in another platform's format",
        severity="error",
        job="models",
        since="0.1.0",
        explanation=(
            "The ID is in Bedrock, Vertex or first-party format, but the environment's "
            "provider expects another; the call would fail with 400 or 404."
        ),
        fix="Use the ID in the provider's format (shown in the message).",
        words={
            "expected": Wording(
                message=_MISMATCH + "; on {provider} this model is `{expected}`.",
                fix="Replace the value with `{expected}`.",
            ),
            "no_equivalent": Wording(
                message=_MISMATCH + "; {model} has no known {provider} ID.",
                fix="Choose a model available on {provider}.",
            ),
        },
        example=Example(
            trigger=(
                "```yaml\n# config/production.yaml\nprovider: bedrock\nllm:\n"
                "  model: claude-sonnet-4-6\n```"
            ),
            facts={
                "value": "claude-sonnet-4-6",
                "article": "a",
                "platform": "Claude API",
                "caller": "production",
                "provider": "Amazon Bedrock",
                "evidence": "`provider` at config/production.yaml:1",
                "expected": "global.anthropic.claude-sonnet-4-6",
            },
            fixed=(
                "```yaml\n# config/production.yaml\nprovider: bedrock\nllm:\n"
                "  model: global.anthropic.claude-sonnet-4-6\n```"
            ),
        ),
    ),
    Rule(
        code="MOD007",
        title="Malformed model ID",
        severity="error",
        job="models",
        since="0.1.0",
        explanation=(
            "The ID is almost right: wrong case, whitespace, or the wrong separators "
            "(`claude-sonnet-4.5`). The API matches IDs exactly."
        ),
        fix="Use the corrected ID shown in the message.",
        words={
            "misspelt": Wording(message=_MALFORMED, fix=_REPLACE),
            "other_platform": Wording(
                message=_MALFORMED + " That is {model} in the {platform} form ({evidence}).",
                fix=_REPLACE,
            ),
            "no_such_profile": Wording(
                message=_MALFORMED + " Bedrock has no `{prefix}.` inference profile for it.",
                fix=_REPLACE,
            ),
            "base_id": Wording(
                message=(
                    _MALFORMED + " Bedrock serves this model on demand only through an inference "
                    "profile."
                ),
                fix=_REPLACE,
            ),
            "alias": Wording(
                message=(
                    _MALFORMED + " `{corrected}` would be the alias, which can move to another "
                    "snapshot without a deploy: the fix pins the snapshot it resolves to today."
                ),
                fix=_REPLACE,
            ),
        },
        example=Example(
            trigger=(
                "```yaml\n# config/production.yaml\nllm:\n  model: claude-haiku-4.5-20251001\n```"
            ),
            facts={
                "value": "claude-haiku-4.5-20251001",
                "malformation": "`.` instead of `-` between the parts",
                "final": "claude-haiku-4-5-20251001",
            },
            fixed=(
                "```yaml\n# config/production.yaml\nllm:\n  model: claude-haiku-4-5-20251001\n```"
            ),
        ),
    ),
    Rule(
        code="MOD008",
        title="max_tokens above the model's output limit",
        severity="error",
        job="models",
        since="0.1.0",
        explanation=(
            "The configured output limit exceeds what the model can produce; every call is "
            "rejected with 400 `max_tokens: N > M`. The limit is the live model list's "
            "`max_tokens` when the API states it, else the catalog's."
        ),
        fix=(
            "Lower `max_tokens` to at most the model's limit, or choose a model with a higher one."
        ),
        words={
            "setting": Wording(message=_ABOVE + _IN_CONFIG, fix=_LOWER),
            "setting_live": Wording(message=_ABOVE + _LIVE + _IN_CONFIG, fix=_LOWER),
            "call": Wording(message=_ABOVE + "; the call" + _AT_CALL, fix=_LOWER),
            "call_live": Wording(message=_ABOVE + _LIVE + "; the call" + _AT_CALL, fix=_LOWER),
            "request_config": Wording(
                message=_ABOVE + "; every request it configures" + _AT_CALL, fix=_LOWER
            ),
            "request_config_live": Wording(
                message=_ABOVE + _LIVE + "; every request it configures" + _AT_CALL, fix=_LOWER
            ),
        },
        example=Example(
            trigger=(
                "```yaml\n# config/production.yaml\nllm:\n  model: claude-haiku-4-5-20251001\n"
                "  max_tokens: 100000\n```"
            ),
            facts={
                "setting": "llm.max_tokens: 100000",
                "model": "Claude Haiku 4.5 (`claude-haiku-4-5-20251001`)",
                "limit": 64000,
                "tokens": 100000,
                "key": "llm.max_tokens",
            },
            fixed=(
                "```yaml\n# config/production.yaml\nllm:\n  model: claude-haiku-4-5-20251001\n"
                "  max_tokens: 64000\n```"
            ),
        ),
    ),
    Rule(
        code="MOD010",
        title="Model setting missing in an environment",
        severity="error",
        job="models",
        since="0.1.0",
        explanation=(
            "A model setting present in other environments is absent from this one, so the app"
            " falls back to a code default nobody reviewed."
        ),
        fix="Add the setting to this environment's config file.",
        severity_note="error when missing in production, warning otherwise",
        words={
            "missing": Wording(
                message=(
                    "`{slot}` is set in {present} (e.g. `{value}` at {place}) but missing from "
                    "{environment}'s {file}: the app would fall back to a code default nobody "
                    "reviewed."
                ),
                fix="Add `{key_path}` to {file}.",
            ),
        },
        example=Example(
            trigger=(
                "`config/staging.yaml` and `config/development.yaml` set `llm.model`; "
                "`config/production.yaml` has an `llm:` section without it:\n\n"
                "```yaml\n# config/production.yaml\nllm:\n  max_tokens: 4096\n```"
            ),
            facts={
                "slot": "llm.model",
                "present": "development, staging",
                "value": "claude-sonnet-4-6",
                "place": "config/development.yaml:2",
                "environment": "production",
                "file": "config/production.yaml",
                "key_path": "llm.model",
            },
            fixed=(
                "```yaml\n# config/production.yaml\nllm:\n  model: claude-sonnet-4-6\n"
                "  max_tokens: 4096\n```"
            ),
        ),
    ),
    Rule(
        code="MOD011",
        title="Bedrock model ID without a valid inference profile",
        severity="error",
        job="models",
        since="0.2.0",
        explanation=(
            "Amazon Bedrock serves this model on demand only through a cross-region inference "
            "profile, so its bare base model ID (`anthropic.claude-…`) fails every call with "
            "400 `Invocation of model ID … with on-demand throughput isn't supported. Retry "
            "your request with the ID or ARN of an inference profile that contains this "
            "model.` Also raised when the ID carries a profile prefix (`us.`, `eu.`, `jp.`, "
            "`apac.`, `au.`, `global.`) that Bedrock does not offer for this model: no such "
            "profile exists, and the call fails too. `claude-preflight --catalog` lists the "
            "prefixes each model has."
        ),
        fix=(
            "Use the inference-profile ID the message names: a prefix the model has plus the "
            "base ID, e.g. `global.anthropic.claude-sonnet-4-5-20250929-v1:0` (`us.`, `eu.`, "
            "`jp.` keep the data in that geography), or the profile's ARN."
        ),
        words={
            "base_id": Wording(message=_BASE_ID + _USE_PROFILE, fix=_PROFILE_FIX),
            "base_id_no_profile": Wording(message=_BASE_ID, fix=_CHOOSE_IN_REGION),
            "wrong_prefix": Wording(message=_WRONG_PREFIX + _USE_PROFILE, fix=_PROFILE_FIX),
            "wrong_prefix_no_profile": Wording(message=_WRONG_PREFIX, fix=_CHOOSE_IN_REGION),
        },
        example=Example(
            trigger=(
                "```yaml\n# config/production.yaml\nprovider: bedrock\nllm:\n"
                "  model: anthropic.claude-sonnet-4-6\n```"
            ),
            facts={
                "value": "anthropic.claude-sonnet-4-6",
                "model": "Claude Sonnet 4.6",
                "profile": "global.anthropic.claude-sonnet-4-6",
                "profile_id": "global.anthropic.claude-sonnet-4-6",
            },
            fixed=(
                "```yaml\n# config/production.yaml\nprovider: bedrock\nllm:\n"
                "  model: global.anthropic.claude-sonnet-4-6\n```"
            ),
        ),
    ),
)
