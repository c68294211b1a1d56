"""One pass over every parsed value: model uses, output limits and provider evidence.

The only loop over all values of the workspace; everything after it works on the few model uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.findings import Location
from checker.models.ids.normalize import Normalizer
from checker.models.ids.refs import ModelRef
from checker.models.values import (
    BEDROCK_KEY,
    BEDROCK_URL,
    CLAUDE_ISH,
    MODEL_WORD,
    PLAIN,
    PROVIDER_KEY,
    TRUTHY,
    USE_BEDROCK,
    USE_FOUNDRY,
    USE_VERTEX,
    VERTEX_KEY,
    VERTEX_URL,
    KeyInfo,
    classify_key,
    classify_value,
    has_signal,
    matches_any,
    parse_token_count,
    provider_word,
    slot_name,
)
from checker.workspace.model import ConfigFile, WorkspaceScan
from checker.workspace.names import CANONICAL_ALIASES

Scope = tuple[str, str]  # (environment, group)


@dataclass(slots=True)
class ModelUse:
    """One model value in one environment's file. `ref` is None for a non-Claude value."""

    environment: str
    group: str
    key_path: str
    raw: str
    location: Location
    template: str
    ref: ModelRef | None

    @property
    def slot(self) -> str:
        return slot_name(self.group, self.key_path)


@dataclass(slots=True)
class TokenSetting:
    """A `max_tokens`-like setting with its number."""

    environment: str
    group: str
    key_path: str
    raw: str
    tokens: int
    location: Location


@dataclass(slots=True)
class Evidence:
    """Why an environment's provider is what it is: the key, its value and where."""

    provider: str
    strength: int
    key_path: str
    location: Location


@dataclass(slots=True)
class Collected:
    """Everything the model checks need, gathered in one pass."""

    uses: list[ModelUse] = field(default_factory=list)
    other_uses: list[ModelUse] = field(default_factory=list)
    tokens: list[TokenSetting] = field(default_factory=list)
    evidence: dict[Scope, list[Evidence]] = field(default_factory=dict)
    templates: dict[Scope, dict[str, ConfigFile]] = field(default_factory=dict)
    files: dict[str, list[str]] = field(default_factory=dict)


EXPLICIT, HINT = 2, 1


def collect(scan: WorkspaceScan, normalizer: Normalizer, model_keys: tuple[str, ...]) -> Collected:
    """Walk every value once; classification is cached per distinct key path and value."""
    out = Collected()
    key_cache: dict[str, KeyInfo] = {}
    value_cache: dict[str, int] = {}
    extra_cache: dict[tuple[str, str], bool] = {}
    signal = has_signal
    for config in scan.files:
        env, group = config.environment, config.group
        scope = (env, group)
        template = file_template(config.path, env)
        out.files.setdefault(env, []).append(config.path)
        out.templates.setdefault(scope, {}).setdefault(template, config)
        for item in config.values:
            key_path, raw = item.key_path, item.value
            info = key_cache.get(key_path)
            if info is None:
                info = key_cache[key_path] = classify_key(key_path)
            if not info.interesting and not signal(raw):
                continue
            kind = value_cache.get(raw)
            if kind is None:
                kind = value_cache[raw] = classify_value(raw)
            if kind in (PLAIN, MODEL_WORD) and not info.interesting:
                continue
            model_key = info.model_key
            if model_keys and not model_key:
                cache_key = (group, key_path)
                extra = extra_cache.get(cache_key)
                if extra is None:
                    extra = extra_cache[cache_key] = matches_any(model_keys, group, key_path)
                model_key = extra
            if kind == CLAUDE_ISH:
                ref = normalizer.normalize(raw)
                if ref is None and model_key:
                    ref = normalizer.unknown(raw)
                if ref is not None:
                    out.uses.append(
                        ModelUse(env, group, key_path, raw, item.location, template, ref)
                    )
                    continue
            elif kind == MODEL_WORD and model_key:
                out.other_uses.append(
                    ModelUse(env, group, key_path, raw, item.location, template, None)
                )
            if info.max_tokens:
                tokens = parse_token_count(raw)
                if tokens is not None:
                    out.tokens.append(
                        TokenSetting(env, group, key_path, raw, tokens, item.location)
                    )
            evidence = _evidence(info.provider_role, kind, raw, key_path, item.location)
            if evidence is not None:
                out.evidence.setdefault(scope, []).append(evidence)
    return out


def _evidence(role: int, kind: int, raw: str, key_path: str, where: Location) -> Evidence | None:
    if role == PROVIDER_KEY:
        word = provider_word(raw)
        return Evidence(word, EXPLICIT, key_path, where) if word else None
    if role in (USE_BEDROCK, USE_VERTEX, USE_FOUNDRY):
        if raw.strip().lower() not in TRUTHY:
            return None
        provider = {USE_BEDROCK: "bedrock", USE_VERTEX: "vertex"}.get(role, "anthropic")
        return Evidence(provider, EXPLICIT, key_path, where)
    if role == BEDROCK_KEY or kind == BEDROCK_URL:
        return Evidence("bedrock", HINT, key_path, where)
    if role == VERTEX_KEY or kind == VERTEX_URL:
        return Evidence("vertex", HINT, key_path, where)
    return None


_NAME_TEMPLATES: dict[tuple[str, str], str] = {}
_ENV_PATTERNS: dict[str, re.Pattern[str]] = {}


def file_template(path: str, environment: str) -> str:
    """The file's path with its environment name replaced: `config/{env}.yaml`.

    Files of one template are "the same kind of file" across environments (MOD010).
    """
    head, _, name = path.rpartition("/")
    key = (name, environment)
    named = _NAME_TEMPLATES.get(key)
    if named is None:
        named = _env_pattern(environment).sub("{env}", re.sub(r"\.yml$", ".yaml", name), count=1)
        if len(_NAME_TEMPLATES) < 10_000:
            _NAME_TEMPLATES[key] = named
    if "{env}" not in named and head:
        head = _env_pattern(environment).sub("{env}", head, count=1)
    return f"{head}/{named}" if head else named


def _env_pattern(environment: str) -> re.Pattern[str]:
    pattern = _ENV_PATTERNS.get(environment)
    if pattern is None:
        names = CANONICAL_ALIASES.get(environment, (environment,))
        alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
        pattern = re.compile(rf"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z0-9])", re.I)
        if len(_ENV_PATTERNS) < 1_000:
            _ENV_PATTERNS[environment] = pattern
    return pattern
