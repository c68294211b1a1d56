"""When a value's model stops working: on its own platform's date, unless the live list says
the Claude API still serves it.

Vertex AI sets its own shutdowns (`ModelInfo.retirement_on`); the live list speaks only for the
Claude API, so it only ever rescues a value in the Claude API's form.
"""

from __future__ import annotations

from datetime import date

from checker.models.collect import ModelUse
from checker.models.context import ModelCheckInputs
from checker.models.ids.catalog import ModelInfo
from checker.models.ids.refs import ANTHROPIC, ModelRef


def retirement_of(model: ModelInfo, ref: ModelRef) -> date | None:
    """The announced retirement date that applies to the value's platform."""
    return model.retirement_on(ref.platform)


def is_retired(model: ModelInfo, ref: ModelRef, today: date) -> bool:
    """The platform's retirement date has passed; without a date, the catalog's status decides."""
    when = retirement_of(model, ref)
    return when <= today if when is not None else model.status == "retired"


def is_deprecated(model: ModelInfo, ref: ModelRef, today: date) -> bool:
    """A retirement is announced (status or date) and has not happened yet."""
    if is_retired(model, ref, today):
        return False
    if model.deprecated is not None and model.deprecated > today:
        return False
    return model.status in ("deprecated", "retired") or retirement_of(model, ref) is not None


def still_served(use: ModelUse, ctx: ModelCheckInputs) -> bool:
    """The live list serves the value's model and the value is in the Claude API's form."""
    ref = use.ref
    if ctx.served is None or ref is None or ref.model is None:
        return False
    return ANTHROPIC in ref.platforms and ref.model.id in ctx.served


def retired_now(use: ModelUse, ctx: ModelCheckInputs) -> bool:
    """Every request to it fails today: retired, and not rescued by the live list."""
    ref = use.ref
    if ref is None or ref.model is None:
        return False
    return is_retired(ref.model, ref, ctx.today) and not still_served(use, ctx)
