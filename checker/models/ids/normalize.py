"""Normalization: any platform form of a model ID -> the model it names, so drift compares models.

A `Normalizer` is built once per catalog and caches its answer per distinct string: a monorepo
repeats the same few IDs thousands of times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from checker.models.ids.catalog import Catalog, ModelInfo
from checker.models.ids.profiles import profile_id
from checker.models.ids.refs import ANTHROPIC, BEDROCK, VERTEX, ModelRef
from checker.models.ids.routes import ROUTED, resolve_route
from checker.models.ids.suggest import Known, suggest

_ARN = re.compile(
    r"^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d*:"
    r"(inference-profile|foundation-model|application-inference-profile|provisioned-model"
    r"|custom-model|imported-model)/(.+)$"
)
_BEDROCK = re.compile(r"^(?:([a-z][a-z-]{1,9})\.)?(anthropic\..+)$")
_VERTEX_PATH = re.compile(r"(?:^|/)publishers/anthropic/models/([^/:]+)")
_VERTEX = re.compile(r"^(.+)@(\d{8})$")
_DATED_PINNED = re.compile(r"^(claude-[a-z]+-\d+(?:-\d+)?)-(\d{8})$")
_LATEST = re.compile(r"^(.+)-latest$")
_SEPARATORS = re.compile(r"[\s_.]+")
_DASHES = re.compile(r"-{2,}")
_FAMILY_START = re.compile(r"^(?:sonnet|opus|haiku|fable|mythos|instant)-\d")
CONTEXT_SUFFIX = "[1m]"


@dataclass(frozen=True, slots=True)
class _Form:
    model: ModelInfo
    platforms: frozenset[str]
    alias: bool = False


@dataclass(slots=True)
class Normalizer:
    """Index of every known written form of every catalog model, with a per-string cache."""

    catalog: Catalog
    _forms: dict[str, _Form] = field(default_factory=dict)
    _bedrock: dict[str, ModelInfo] = field(default_factory=dict)
    _cache: dict[str, ModelRef | None] = field(default_factory=dict)
    _unknown_cache: dict[str, ModelRef] = field(default_factory=dict)
    _pools: dict[str, list[Known]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        today = date.today()
        pools: dict[str, list[Known]] = {ANTHROPIC: [], BEDROCK: [], VERTEX: []}
        for model in self.catalog.models.values():
            self._add(model.id, model, ANTHROPIC)
            pools[ANTHROPIC].append(Known(model.id, model))
            retired = model.is_retired(today)
            for alias in model.aliases:
                self._forms.setdefault(alias, _Form(model, frozenset({ANTHROPIC}), alias=True))
                if not retired:  # an alias of a retired model answers 404: never suggested
                    pools[ANTHROPIC].append(Known(alias, model))
            for vertex_id in model.vertex_ids:
                self._add(vertex_id, model, VERTEX)
                pools[VERTEX].append(Known(vertex_id, model))
            for bedrock_id in model.bedrock_ids:
                self._bedrock.setdefault(bedrock_id, model)
                pools[BEDROCK].append(Known(bedrock_id, model))
        self._pools = pools

    def _add(self, written: str, model: ModelInfo, platform: str) -> None:
        known = self._forms.get(written)
        platforms = frozenset({platform}) | (known.platforms if known else frozenset())
        self._forms[written] = _Form(model, platforms)

    def normalize(self, raw: str) -> ModelRef | None:
        """The value as a known model ID (exact, or malformed but correctable), else None."""
        cached = self._cache.get(raw, _MISSING)
        if cached is not _MISSING:
            return cached  # type: ignore[return-value]
        ref = self._normalize(raw)
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[raw] = ref
        return ref

    def unknown(self, raw: str) -> ModelRef:
        """A Claude-looking value no known form matches (MOD002), with the closest known ID."""
        cached = self._unknown_cache.get(raw)
        if cached is None:
            cached = self._unknown(raw, _clean(raw)[0])
            if len(self._unknown_cache) < _CACHE_LIMIT:
                self._unknown_cache[raw] = cached
        return cached

    def _normalize(self, raw: str) -> ModelRef | None:
        routed = ROUTED.match(raw)
        if routed is not None:
            return resolve_route(self, raw, routed.group(1), routed.group(2))
        exact = self._exact(raw)
        if exact is not None:
            return exact
        candidate, problems = _clean(raw)
        separated = _fix_separators(candidate)
        separator = [_separator_problem(candidate)] if separated != candidate else []
        attempts = [(candidate, problems), (separated, problems + separator)]
        if _FAMILY_START.match(separated):
            missing = "the `claude-` prefix is missing"
            attempts.append(("claude-" + separated, [*problems, missing, *separator]))
        for text, found in attempts:
            ref = self._exact(text)
            if ref is not None:
                return _malformed(raw, ref, found)
        return None

    def _exact(self, value: str) -> ModelRef | None:
        """A form written exactly as the platform expects it."""
        text = value[: -len(CONTEXT_SUFFIX)] if value.endswith(CONTEXT_SUFFIX) else value
        form = self._forms.get(text)
        if form is not None:
            platform = ANTHROPIC if ANTHROPIC in form.platforms else next(iter(form.platforms))
            return ModelRef(value, text, platform, form.platforms, form.model, alias=form.alias)
        if text.startswith("arn:"):
            return self._arn(value, text)
        vertex_path = _VERTEX_PATH.search(text)
        if vertex_path and vertex_path.group(1) != text:
            inner = self._exact(vertex_path.group(1))
            if inner is not None and VERTEX in inner.platforms:
                return ModelRef(value, text, VERTEX, frozenset({VERTEX}), inner.model)
            return None
        match = _BEDROCK.match(text)
        if match is not None:
            return self._bedrock_form(value, text, match.group(1), match.group(2))
        return None

    def _arn(self, value: str, text: str) -> ModelRef | None:
        match = _ARN.match(text)
        if match is None:
            return None
        kind, resource = match.groups()
        if kind not in ("inference-profile", "foundation-model"):
            return ModelRef(value, text, BEDROCK, frozenset({BEDROCK}), opaque=True)
        inner = _BEDROCK.match(resource)
        if inner is None or (kind == "foundation-model" and inner.group(1)):
            return None
        ref = self._bedrock_form(value, resource, inner.group(1), inner.group(2))
        if ref is None:
            return None
        return ModelRef(value, text, BEDROCK, frozenset({BEDROCK}), ref.model, profile=ref.profile)

    def _bedrock_form(
        self, value: str, text: str, prefix: str | None, base: str
    ) -> ModelRef | None:
        """A Bedrock base ID or inference-profile ID; whether the profile exists is MOD011's."""
        model = self._bedrock.get(base)
        if model is None:
            return None
        return ModelRef(value, text, BEDROCK, frozenset({BEDROCK}), model, profile=prefix)

    def _unknown(self, raw: str, candidate: str) -> ModelRef:
        platform = _platform_of(candidate)
        note: str | None = None
        suggestion: str | None = None
        dated = _DATED_PINNED.match(candidate)
        latest = _LATEST.match(candidate)
        vertex = _VERTEX.match(candidate)
        if vertex and self._is_dateless(vertex.group(1)):
            suggestion = vertex.group(1)
            note = "from the 4.6 generation on, Vertex uses the dateless Claude API ID"
        elif dated and self._is_dateless(dated.group(1)):
            suggestion = dated.group(1)
            note = "IDs from the 4.6 generation on have no date: a date appended to them is invalid"
        elif latest and latest.group(1) in self._forms:
            suggestion = latest.group(1)
            note = "there are no `-latest` aliases for Claude 4 and later"
        else:
            suggestion = suggest(_fix_separators(candidate), self._pools.get(platform, []))
        return ModelRef(
            raw,
            candidate,
            platform,
            frozenset({platform}),
            unknown=True,
            suggestion=suggestion,
            note=note,
        )

    def _is_dateless(self, model_id: str) -> bool:
        model = self.catalog.models.get(model_id)
        return model is not None and model.dateless

    def format_for(self, model: ModelInfo, platform: str, region: str | None = None) -> str | None:
        """The ID of `model` as `platform` expects it (on Bedrock an inference profile where
        one is known or needed, for the AWS `region` when given), for the fixes."""
        if platform == ANTHROPIC:
            return model.id
        if platform == VERTEX:
            return model.vertex_ids[0] if model.vertex_ids else None
        if platform == BEDROCK and model.bedrock_ids:
            if model.bedrock_prefixes is None and not model.bedrock_profile_only:
                return model.bedrock_ids[0]
            return profile_id(model, region) or model.bedrock_ids[0]
        return None


_MISSING = object()
_CACHE_LIMIT = 200_000


def _clean(raw: str) -> tuple[str, list[str]]:
    """Strip whitespace and lowercase, saying what was wrong."""
    problems: list[str] = []
    text = raw
    stripped = text.strip()
    if stripped != text:
        problems.append("surrounding whitespace")
        text = stripped
    lowered = text.lower()
    if lowered != text and not text.startswith("arn:"):
        problems.append("wrong case (model IDs are lowercase)")
        text = lowered
    return text, problems


def _fix_separators(text: str) -> str:
    """`claude_sonnet 4.5` -> `claude-sonnet-4-5`, keeping a Bedrock `anthropic.` prefix."""
    match = _BEDROCK.match(text)
    if match is not None:
        prefix = f"{match.group(1)}." if match.group(1) else ""
        head, _, rest = match.group(2).partition(".")
        return prefix + head + "." + _dash(rest)
    name, at, date = text.partition("@")
    return _dash(name) + at + date


def _dash(text: str) -> str:
    suffix = ""
    version = re.search(r"-v\d+(:\d+)?$", text)
    if version:
        text, suffix = text[: version.start()], version.group(0)
    return _DASHES.sub("-", _SEPARATORS.sub("-", text)).strip("-") + suffix


def _separator_problem(text: str) -> str:
    if "." in text:
        return "`.` instead of `-` between the parts"
    if "_" in text:
        return "`_` instead of `-` between the parts"
    return "wrong separators"


def _malformed(raw: str, fixed: ModelRef, problems: list[str]) -> ModelRef:
    return ModelRef(
        raw,
        fixed.written,
        fixed.platform,
        fixed.platforms,
        fixed.model,
        alias=fixed.alias,
        corrected=fixed.raw,
        malformation="; ".join(dict.fromkeys(problems)) or "wrong separators",
        unknown=fixed.unknown,
        suggestion=fixed.suggestion,
        note=fixed.note,
        opaque=fixed.opaque,
        profile=fixed.profile,
    )


def _platform_of(text: str) -> str:
    if text.startswith("arn:") or _BEDROCK.match(text):
        return BEDROCK
    if _VERTEX.match(text) or "/publishers/" in text:
        return VERTEX
    return ANTHROPIC
