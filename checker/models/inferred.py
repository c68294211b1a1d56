"""MOD006 without a stated provider: the other environments of a slot and what a group reads.

Where no config says `provider: bedrock` or `CLAUDE_CODE_USE_BEDROCK=1`, a value's platform form
is judged by the rest of the workspace:
- the Claude API key the group reads (`ANTHROPIC_API_KEY`, or `${ANTHROPIC_API_KEY}` anywhere
  in it) says the Claude API, on its own;
- AWS or Google settings (`AWS_REGION`, `GOOGLE_APPLICATION_CREDENTIALS`, ...) say Bedrock or
  Vertex, but S3 and BigQuery clients read them too: they excuse an ID in their platform's form,
  and condemn another form only when the slot's other environments agree with them;
- with nothing read at all, a value whose form differs from that of every other environment of
  its slot (two or more of them, agreeing) is the odd one out.
Anything read that fits the value's own form keeps the check quiet: a wrong MOD006 blocks a
deploy that works.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from checker.findings import Location
from checker.models.collect import Collected, Evidence, ModelUse, Scope
from checker.models.ids.refs import ANTHROPIC
from checker.models.values import CLOUD_SETTING, CREDENTIAL

MIN_SIBLINGS_ALONE = 2  # other environments that must agree when nothing is read at all


@dataclass(frozen=True, slots=True)
class Inference:
    """The platform the evidence points to for one value, and the evidence: what the group
    reads, and the other environments' values of the same slot in that platform's form."""

    platform: str
    credentials: tuple[Evidence, ...] = ()
    siblings: tuple[ModelUse, ...] = ()


def credentials_of(collected: Collected) -> dict[Scope, tuple[Evidence, ...]]:
    """What each scope reads that names a platform (statements and hints excluded)."""
    found: dict[Scope, tuple[Evidence, ...]] = {}
    for scope, items in collected.evidence.items():
        reads = tuple(item for item in items if item.strength in (CREDENTIAL, CLOUD_SETTING))
        if reads:
            found[scope] = reads
    return found


def infer(
    collected: Collected,
    stated: set[Scope],
    credentials: Mapping[Scope, tuple[Evidence, ...]],
) -> dict[Scope, dict[Location, Inference]]:
    """Per scope without a stated provider: where a value is -> the inference condemning it."""
    slots: dict[tuple[str, str], dict[str, ModelUse]] = {}
    for use in collected.uses:
        ref = use.ref
        if use.environment is None or ref is None or ref.model is None:
            continue
        if ref.unknown or ref.opaque or ref.route is not None:
            continue
        slots.setdefault((use.group, use.key_path), {}).setdefault(use.environment, use)
    found: dict[Scope, dict[Location, Inference]] = {}
    for values in slots.values():
        for environment, use in values.items():
            scope: Scope = (environment, use.group)
            if scope in stated or (environment, "") in stated:
                continue
            reads = credentials.get(scope) or credentials.get((environment, ""), ())
            others = [other for name, other in values.items() if name != environment]
            inference = _judge(use, reads, others)
            if inference is not None:
                found.setdefault(scope, {})[use.location] = inference
    return found


def _judge(
    use: ModelUse, reads: Sequence[Evidence], others: Sequence[ModelUse]
) -> Inference | None:
    assert use.ref is not None
    own = use.ref.platforms
    read = {item.provider for item in reads}
    if own & read:
        return None  # the group reads what this form needs
    common = _common(others)
    keys = {item.provider for item in reads if item.strength == CREDENTIAL}
    if len(keys) == 1:
        target = keys.pop()
    elif len(read) == 1 and read <= common:
        target = next(iter(read))
    elif not read and len(others) >= MIN_SIBLINGS_ALONE and common and not common & own:
        target = ANTHROPIC if ANTHROPIC in common else sorted(common)[0]
    else:
        return None
    if target in own:
        return None
    siblings = tuple(other for other in others if target in _platforms(other))
    evidence = tuple(item for item in reads if item.provider == target)
    return Inference(target, evidence, siblings if target in common else ())


def _common(uses: Sequence[ModelUse]) -> frozenset[str]:
    """The platforms whose form every one of `uses` is in (empty for none)."""
    common: frozenset[str] | None = None
    for use in uses:
        platforms = _platforms(use)
        common = platforms if common is None else common & platforms
    return common or frozenset()


def _platforms(use: ModelUse) -> frozenset[str]:
    return use.ref.platforms if use.ref is not None else frozenset()
