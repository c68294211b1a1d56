"""REQ001, REQ002 and MOD008 at call sites: the requests the code (and tool configs) would send,
judged by the catalog's request rules before any of them is sent.

The rules are data (`catalog.json` `request_rules`); this module only knows how each kind of
check reads a call. A rule that depends on the model is skipped where the model cannot be told
(a value computed at run time); LiteLLM and AI SDK calls are judged only when their model is a
Claude model, since the same call serves every provider. Findings sit at the offending argument.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.findings import Finding, Location, make_finding
from checker.models.checks.limits import output_limit
from checker.models.context import shown
from checker.models.ids.normalize import Normalizer
from checker.read.calls.model import AI_SDK, CONFIG, COUNT_TOKENS, LITELLM, UNKNOWN, Value

if TYPE_CHECKING:
    from checker.live.served import ServedModel
    from checker.models.ids.catalog import ModelInfo
    from checker.models.ids.request_rules import RequestRule
    from checker.read.calls import CallSite, Param, Turn

_FACT = re.compile(r"\{(\w+)\}")
_PROVIDER_AGNOSTIC = frozenset({LITELLM, AI_SDK})
MAX_ROLE_FINDINGS = 3


@dataclass(frozen=True, slots=True)
class _Model:
    """The catalog model a call names, as written and through what."""

    info: ModelInfo
    written: str
    via: str

    def shown(self) -> str:
        via = f", via `{shown(self.via)}`" if self.via else ""
        return f"{self.info.name} (`{shown(self.written)}`{via})"


def request_findings(
    sites: Iterable[CallSite],
    rules: tuple[RequestRule, ...],
    normalizer: Normalizer,
    served: Mapping[str, ServedModel] | None = None,
) -> list[Finding]:
    """Every rule over every call it reaches, plus MOD008 for a call's `max_tokens`."""
    findings: list[Finding] = []
    seen: set[tuple[str, str, int, int]] = set()
    for site in sites:
        model = _model_of(site, normalizer)
        if model is None and site.kind in _PROVIDER_AGNOSTIC:
            continue
        for rule in rules:
            if site.kind not in rule.calls:
                continue
            if rule.models is not None and (model is None or not rule.models.covers(model.info)):
                continue
            for finding in _apply(rule, site, model):
                place = (finding.code, finding.file or "", finding.line or 0, finding.column or 0)
                if place not in seen:  # one finding per code and place (`[assistant]` alone)
                    seen.add(place)
                    findings.append(finding)
        if model is not None:
            findings.extend(_above_limit(site, model, served))
    return findings


def _model_of(site: CallSite, normalizer: Normalizer) -> _Model | None:
    arg = site.model
    if arg is None or not arg.value:
        return None
    ref = normalizer.normalize(arg.value)
    if ref is None or ref.model is None or ref.unknown:
        return None
    return _Model(ref.model, arg.value, arg.via)


def _apply(rule: RequestRule, site: CallSite, model: _Model | None) -> list[Finding]:
    """The findings one rule raises on one call (its `check` decides how it reads the call)."""
    params = site.params
    if rule.check == "set":
        return [
            _finding(rule, site, model, param)
            for name in rule.parameters
            if (param := params.get(name)) is not None and _rejected(param.value, rule, name)
        ]
    if rule.check == "together":
        present = [params[name] for name in rule.parameters if _sent(params.get(name))]
        if len(present) < len(rule.parameters):
            return []
        present.sort(key=lambda param: (param.line, param.column))
        return [_finding(rule, site, model, present[-1], other=present[0])]
    if rule.check == "equals":
        return [
            _finding(rule, site, model, param)
            for name in rule.parameters
            if (param := params.get(name)) is not None and param.value == rule.value
        ]
    if rule.check == "missing":
        if site.opaque or any(name in params for name in rule.parameters):
            return []
        return [_finding(rule, site, model, None)]
    return _roles(rule, site, model)


def _roles(rule: RequestRule, site: CallSite, model: _Model | None) -> list[Finding]:
    turns = site.messages
    if not turns:
        return []
    if rule.check == "first_role":
        chosen: list[Turn] = [turns[0]] if turns[0].role == rule.value else []
    elif rule.check == "last_role":
        chosen = [turns[-1]] if turns[-1].role == rule.value else []
    else:
        chosen = [turn for turn in turns if turn.role == rule.value][:MAX_ROLE_FINDINGS]
    return [_finding(rule, site, model, None, at=(turn.line, turn.column)) for turn in chosen]


def _rejected(value: Value, rule: RequestRule, name: str) -> bool:
    """A `set` rule: a literal value other than the ones the rule accepts (the default)."""
    if value is None or value is UNKNOWN or isinstance(value, bool):
        return False
    accepted = rule.accepts.get(name, ())
    number = _number(value)
    if number is None:
        return value not in accepted
    return all(_number(item) != number for item in accepted)


def _sent(param: Param | None) -> bool:
    """The parameter goes out: written, and not `None` (which the SDKs leave out)."""
    return param is not None and param.value is not None


def _finding(
    rule: RequestRule,
    site: CallSite,
    model: _Model | None,
    param: Param | None,
    *,
    other: Param | None = None,
    at: tuple[int, int] | None = None,
) -> Finding:
    facts = {
        "argument": param.shown if param else "",
        "parameter": param.written if param else (rule.parameters[0] if rule.parameters else ""),
        "other": other.written if other else "",
        "model": model.shown() if model else "the model",
        "call": shown(site.callee),
    }
    line, column = at or ((param.line, param.column) if param else (site.line, site.column))
    wording = "config" if site.kind == CONFIG else "call"
    if rule.api_message:
        wording += "_quoting_api"
    details = {"rule": rule.id, "call": site.callee}
    if model is not None:
        details["model"] = model.info.id
    if param is not None:
        details["parameter"] = param.written
    if site.drop_params and param is not None:
        details["drop_params"] = site.drop_params
        wording += "_not_dropped"
    return make_finding(
        rule.code,
        wording,
        environment=site.environment,
        location=Location(site.file, line, column),
        details=details,
        rejection=_filled(rule.message, facts),
        advice=_filled(rule.fix, facts),
        api_message=rule.api_message or "",
        drop_flag=site.drop_params,
        name=param.name if param else "",
    )


def _above_limit(
    site: CallSite, model: _Model, served: Mapping[str, ServedModel] | None
) -> list[Finding]:
    """MOD008 at a call: a literal `max_tokens` above the model's output limit (the live
    model list's when the API states one, as for config)."""
    param = site.params.get("max_tokens")
    if param is None or site.kind == COUNT_TOKENS:
        return []
    tokens = _number(param.value)
    limit, live = output_limit(model.info, served)
    if tokens is None or not limit or tokens <= limit:
        return []
    requested = int(tokens)
    details = {"call": site.callee, "value": str(requested), "model": model.info.id}
    details |= {"limit": str(limit), "parameter": param.written}
    if live:
        details["limit_source"] = "GET /v1/models"
    wording = "request_config" if site.kind == CONFIG else "call"
    return [
        make_finding(
            "MOD008",
            wording + "_live" if live else wording,
            environment=site.environment,
            location=Location(site.file, param.line, param.column),
            details=details,
            setting=param.shown,
            key=param.written,
            model=model.shown(),
            model_id=model.info.id,
            limit=limit,
            tokens=requested,
        )
    ]


def _filled(template: str, facts: dict[str, str]) -> str:
    """A rule's template with its named facts (no format-string evaluation: the catalog may
    be the user's)."""
    return _FACT.sub(lambda match: facts.get(match.group(1), match.group(0)), template)


def _number(value: Value | float | str) -> float | None:
    if isinstance(value, bool) or value is None or value is UNKNOWN:
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).strip())
    except ValueError:
        return None
