"""MOD008: a `max_tokens`-like setting above the output limit of the model it goes with."""

from __future__ import annotations

from checker.findings import Finding, make_finding
from checker.models.collect import ModelUse, Scope, TokenSetting
from checker.models.context import shown
from checker.models.values import last_segment, parent_path

_PRIMARY = frozenset({"model", "modelid", "modelname"})
_TOKEN_WORDS = ("max_output_tokens", "max_tokens_to_sample", "max_tokens", "maxtokens")


def limit_findings(
    tokens: list[TokenSetting], uses_by_scope: dict[Scope, list[ModelUse]]
) -> list[Finding]:
    """Compare each output-limit setting with the models of its environment and group."""
    findings: list[Finding] = []
    for setting in tokens:
        pool = _models_for(setting, uses_by_scope.get((setting.environment, setting.group), []))
        if not pool:
            continue
        tightest = min(pool, key=_limit)
        model = tightest.ref.model if tightest.ref else None
        limit = _limit(tightest)
        if model is None or setting.tokens <= limit:
            continue
        named = f"`{shown(tightest.raw)}`"
        if model.name != model.id:
            named = f"{model.name} ({named})"
        findings.append(
            make_finding(
                "MOD008",
                f"`{setting.key_path}: {shown(setting.raw)}` is above the output limit of "
                f"{named}, {limit:,} tokens; every call would be rejected with 400 "
                f"`max_tokens: {setting.tokens} > {limit}`.",
                fix=f"Set `{setting.key_path}` to at most {limit}, or choose a model with a "
                "higher output limit.",
                environment=setting.environment,
                location=setting.location,
                details={
                    "key": setting.key_path,
                    "value": setting.raw,
                    "model": model.id,
                    "limit": str(limit),
                },
            )
        )
    return findings


def _limit(use: ModelUse) -> int:
    model = use.ref.model if use.ref else None
    return model.max_output_tokens if model and model.max_output_tokens else 0


def _models_for(setting: TokenSetting, uses: list[ModelUse]) -> list[ModelUse]:
    """The models a setting applies to: same mapping first, else the only model of the scope."""
    known = [use for use in uses if _limit(use) > 0]
    if not known:
        return []
    parent = parent_path(setting.key_path)
    pool = [use for use in known if parent_path(use.key_path) == parent]
    primary = [use for use in pool if _squashed(last_segment(use.key_path)) in _PRIMARY]
    pool = primary or pool
    if not pool:
        distinct = {use.ref.model.id for use in known if use.ref and use.ref.model}
        pool = known if len(distinct) == 1 else []
    stem = _stem(last_segment(setting.key_path))
    if stem:
        named = [use for use in pool if last_segment(use.key_path).lower().startswith(stem)]
        pool = named or pool
    return pool


def _squashed(name: str) -> str:
    return name.lower().replace("_", "").replace("-", "")


def _stem(name: str) -> str:
    """`SUMMARY_MAX_TOKENS` -> `summary_`: the prefix that names which model it is for."""
    lowered = name.lower()
    for word in _TOKEN_WORDS:
        if lowered.endswith(word):
            return lowered[: -len(word)]
    return ""
