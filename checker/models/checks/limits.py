"""MOD008: a `max_tokens`-like setting above the output limit of the model it goes with.

The limit is the live model list's `max_tokens` when the API states it (the truth for this key,
today), else the catalog's.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING

from checker.findings import Finding, make_finding
from checker.models.collect import ModelUse, Scope, TokenSetting
from checker.models.context import shown
from checker.models.values import last_segment, parent_path

if TYPE_CHECKING:
    from checker.live.served import ServedModel
    from checker.models.ids.catalog import ModelInfo

Served = Mapping[str, "ServedModel"] | None

_PRIMARY = frozenset({"model", "modelid", "modelname"})
_TOKEN_WORDS = ("max_output_tokens", "max_tokens_to_sample", "max_tokens", "maxtokens")


def limit_findings(
    tokens: list[TokenSetting],
    uses_by_scope: dict[Scope, list[ModelUse]],
    served: Served = None,
) -> list[Finding]:
    """Compare each output-limit setting with the models of its environment and group."""
    findings: list[Finding] = []
    limit_of = partial(_limit, served=served)
    for setting in tokens:
        uses = uses_by_scope.get((setting.environment, setting.group), [])
        pool = _models_for(setting, uses, limit_of)
        if not pool:
            continue
        tightest = min(pool, key=limit_of)
        model = tightest.ref.model if tightest.ref else None
        limit = limit_of(tightest)
        if model is None or setting.tokens <= limit:
            continue
        named = f"`{shown(tightest.raw)}`"
        if model.name != model.id:
            named = f"{model.name} ({named})"
        details = {
            "key": setting.key_path,
            "value": setting.raw,
            "model": model.id,
            "limit": str(limit),
        }
        live = _live_limit(tightest, served) is not None
        if live:
            details["limit_source"] = "GET /v1/models"
        findings.append(
            make_finding(
                "MOD008",
                "setting_live" if live else "setting",
                environment=setting.environment,
                location=setting.location,
                details=details,
                setting=f"{setting.key_path}: {shown(setting.raw)}",
                key=setting.key_path,
                model=named,
                limit=limit,
                tokens=setting.tokens,
            )
        )
    return findings


def _limit(use: ModelUse, served: Served = None) -> int:
    """The model's output limit: the API's when it states one, else the catalog's; 0 unknown."""
    model = use.ref.model if use.ref else None
    return output_limit(model, served)[0] if model is not None else 0


def output_limit(model: ModelInfo, served: Served = None) -> tuple[int, bool]:
    """A model's output limit (0 unknown), and whether it is the live model list's."""
    entry = served.get(model.id) if served is not None else None
    if entry is not None and entry.max_tokens is not None:
        return entry.max_tokens, True
    return model.max_output_tokens or 0, False


def _live_limit(use: ModelUse, served: Served) -> int | None:
    model = use.ref.model if use.ref else None
    if served is None or model is None:
        return None
    entry = served.get(model.id)
    return entry.max_tokens if entry is not None else None


def _models_for(
    setting: TokenSetting, uses: list[ModelUse], limit_of: partial[int]
) -> list[ModelUse]:
    """The models a setting applies to: same mapping first, else the only model of the scope."""
    known = [use for use in uses if limit_of(use) > 0]
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
