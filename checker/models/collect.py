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
    API_KEY,
    API_KEY_REFERENCE,
    API_KEY_VARIABLE,
    AWS_SETTING,
    BEDROCK_KEY,
    BEDROCK_URL,
    CLAUDE_ISH,
    CLOUD_SETTING,
    CREDENTIAL,
    GOOGLE_SETTING,
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
    aws_region,
    classify_key,
    classify_value,
    has_signal,
    last_segment,
    looks_like_model_id,
    matches_any,
    parse_token_count,
    provider_word,
    slot_name,
)
from checker.scan.promptfoo import is_promptfoo_config
from checker.workspace.model import ConfigFile, WorkspaceScan
from checker.workspace.names import CANONICAL_ALIASES
from checker.workspace.parsers import PARSERS

Scope = tuple[str | None, str]  # (environment, group); environment None: a shared source
# Readers without keys (source code, plain text) give literals: there only an exact ID counts,
# and a near-miss only where the name it is bound to says model (SPEC section 2).
LITERAL_FORMATS = frozenset({"text", "environ"})


@dataclass(slots=True)
class ModelUse:
    """One model value in one environment's file (environment None: a shared source, read by
    every environment). `ref` is None for a non-Claude value; `base` marks a shared value that
    the environments of its group inherit unless they override it."""

    environment: str | None
    group: str
    key_path: str
    raw: str
    location: Location
    template: str
    ref: ModelRef | None
    base: bool = False

    @property
    def slot(self) -> str:
        return slot_name(self.group, self.key_path)


@dataclass(slots=True)
class TokenSetting:
    """A `max_tokens`-like setting with its number."""

    environment: str | None
    group: str
    key_path: str
    raw: str
    tokens: int
    location: Location


@dataclass(slots=True)
class Evidence:
    """Why an environment's provider is what it is: the key, its value and where.

    `variable` names the setting a credential's evidence reads (`ANTHROPIC_API_KEY`), `region`
    the AWS region a value names (not a secret: it picks the Bedrock profile a fix names).
    """

    provider: str
    strength: int
    key_path: str
    location: Location
    variable: str | None = None
    region: str | None = None


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
STRUCTURED = frozenset(PARSERS)


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
        template = file_template(config.path, env) if env is not None else config.path
        if env is not None:
            out.files.setdefault(env, []).append(config.path)
        out.templates.setdefault(scope, {}).setdefault(template, config)
        literal = config.format in LITERAL_FORMATS or config.format not in STRUCTURED
        base = config.base
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
                if ref is not None and literal and not model_key:
                    ref = None if ref.malformation or ref.unknown else ref
                if ref is None and model_key and looks_like_model_id(raw):
                    ref = normalizer.unknown(raw)
                if ref is not None:
                    out.uses.append(
                        ModelUse(env, group, key_path, raw, item.location, template, ref, base)
                    )
                    continue
            elif kind == MODEL_WORD and model_key:
                out.other_uses.append(
                    ModelUse(env, group, key_path, raw, item.location, template, None, base)
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
    return _without_eval_evidence(out, scan)


def _without_eval_evidence(out: Collected, scan: WorkspaceScan) -> Collected:
    """Each promptfoo provider ID states its own platform (`bedrock:…`, and entries keyed by
    it), so such a file says nothing about the platform of anything else it holds."""
    for config in scan.files:
        if is_promptfoo_config(config.path):
            out.evidence.pop((config.environment, config.group), None)
    return out


def _evidence(role: int, kind: int, raw: str, key_path: str, where: Location) -> Evidence | None:
    """Statements (`provider: bedrock`) and hints (Bedrock keys, endpoints) say which platform a
    group calls; what it reads (the Claude API key, AWS or Google settings) is weaker evidence."""
    if role == PROVIDER_KEY:
        word = provider_word(raw)
        return Evidence(word, EXPLICIT, key_path, where) if word else None
    if role in (USE_BEDROCK, USE_VERTEX, USE_FOUNDRY):
        if raw.strip().lower() not in TRUTHY:
            return None
        provider = {USE_BEDROCK: "bedrock", USE_VERTEX: "vertex"}.get(role, "anthropic")
        return Evidence(provider, EXPLICIT, key_path, where)
    region = aws_region(raw)
    if role == BEDROCK_KEY or kind == BEDROCK_URL:
        return Evidence("bedrock", HINT, key_path, where, region=region)
    if role == VERTEX_KEY or kind == VERTEX_URL:
        return Evidence("vertex", HINT, key_path, where)
    if role == API_KEY or kind == API_KEY_REFERENCE:
        return Evidence("anthropic", CREDENTIAL, key_path, where, variable=API_KEY_VARIABLE)
    if role in (AWS_SETTING, GOOGLE_SETTING):
        provider = "bedrock" if role == AWS_SETTING else "vertex"
        variable = last_segment(key_path).upper()
        return Evidence(provider, CLOUD_SETTING, key_path, where, variable=variable, region=region)
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
