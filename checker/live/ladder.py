"""Entry point of the live job: climb the zero-token ladder up to `--live-check`.

`auth` lists the models (proves the key), `models` retrieves each model concurrently (proves it
is served, resolves aliases), `count-tokens` and `message` prove the request shape and inference
for production models. Each call runs only if the one before it passed; everything fits in the
`--timeout` budget. httpx is imported only here, when a live check actually runs.

The model IDs arrive as a future: `checker.live.session` starts the climb before discovery has
found them, and the budget does not run while the ladder waits for them.
"""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar
from urllib.parse import quote

from checker.findings import Finding, make_finding
from checker.live.availability import unlisted_findings, with_replacement
from checker.live.base_url import BaseUrl, check_base_url
from checker.live.classify import Context, classify, not_the_api, sanitize
from checker.live.known import KnownModels, known_models
from checker.live.outcome import LiveOutcome
from checker.live.result import CallResult
from checker.live.retry import Budget
from checker.live.served import ServedModel, served_model
from checker.live.tls import TlsContext
from checker.settings import DEFAULT_BASE_URL, Settings

if TYPE_CHECKING:
    import asyncio

    from checker.live.client import ApiClient

LEVELS = ("off", "auth", "models", "count-tokens", "message")
CONCURRENCY = 20
MAX_MODELS = 200
MAX_PAGES = 50
PAGE_SIZE = 1000
GRACE_SECONDS = 0.5
PING = [{"role": "user", "content": "ping"}]
_SENDABLE = re.compile(r"[\x21-\x7e]{1,1024}")
T = TypeVar("T")


class ModelIds(NamedTuple):
    """What discovery hands the ladder: every first-party ID, and those production uses."""

    all: list[str]
    production: list[str]


class _OutOfTimeError(Exception):
    """A rung did not finish within the budget plus grace."""


def run_live(
    settings: Settings,
    api_key: str,
    model_ids: Sequence[str],
    production_model_ids: Sequence[str],
) -> LiveOutcome:
    """Climb the ladder in this thread with the model IDs already known."""
    known: Future[ModelIds] = Future()
    known.set_result(ModelIds(list(model_ids), list(production_model_ids)))
    return climb_ladder(settings, api_key, known)


def climb_ladder(
    settings: Settings,
    api_key: str,
    pending: Future[ModelIds],
    *,
    on_calling: Callable[[], None] | None = None,
) -> LiveOutcome:
    """Climb up to `settings.live_check`; each rung only if the one before passed.

    `on_calling` runs once the first request is on the wire (or the climb ended before that).
    """
    budget = Budget(settings.timeout)
    level = settings.live_check
    base = check_base_url(settings.base_url)
    report: dict[str, Any] = {"level": level, "base_url": base.display}
    if level == "off":
        return LiveOutcome(level, report={**report, "skipped": "live check turned off"})
    if base.problem is not None:
        finding = make_finding(
            "API010",
            base.problem + " No call was made.",
            fix=base.fix,
            details={"base_url": base.display},
        )
        return LiveOutcome(level, findings=[finding], report={**report, "calls": 0})
    if not _SENDABLE.fullmatch(api_key):
        reason = "the key has whitespace or non-ASCII characters and cannot be sent in a header"
        return LiveOutcome(level, report={**report, "skipped": reason})
    tls = TlsContext()
    import asyncio  # noqa: PLC0415 - the event loop costs startup time; only live runs pay it

    ladder = _Ladder(settings, api_key, base, budget, on_calling=on_calling)
    asyncio.run(ladder.run_guarded(tls, pending))
    return ladder.outcome()


class _Ladder:
    """The state of one climb; kept outside the coroutine so a hard timeout still reports it."""

    def __init__(
        self,
        settings: Settings,
        api_key: str,
        base: BaseUrl,
        budget: Budget,
        *,
        on_calling: Callable[[], None] | None,
    ) -> None:
        self.on_calling = on_calling
        self.catalog_path = settings.catalog_path
        self.level = settings.live_check
        self.rank = LEVELS.index(self.level)
        self.api_key = api_key
        self.base = base
        self.budget = budget
        self.production: set[str] = set()
        self.model_ids: list[str] = []
        self.context = Context(
            api_key_env=settings.api_key_env,
            base_url=base.display,
            official_api=base.url.rstrip("/") == DEFAULT_BASE_URL,
            timeout=settings.timeout,
            secret=api_key,
        )
        self.findings: list[Finding] = []
        self.served: dict[str, ServedModel] | None = None
        self.resolved: dict[str, str] = {}
        self.auth: dict[str, Any] = {}
        self.models: dict[str, dict[str, Any]] = {}
        self.tokens = {"input": 0, "output": 0}
        self.client: ApiClient | None = None
        self.list_only = False
        self.worded = False

    def take_models(self, ids: ModelIds) -> None:
        self.production = set(ids.production)
        unique = dict.fromkeys(model for model in [*ids.all, *ids.production] if model)
        self.model_ids = list(unique)[:MAX_MODELS]

    async def run_guarded(self, tls: TlsContext, pending: Future[ModelIds]) -> None:
        try:
            await self.climb(tls, pending)
        except _OutOfTimeError:
            self.findings.append(
                make_finding(
                    "API009",
                    f"The live phase did not finish within its {self.budget.seconds:g} s budget "
                    f"(`--timeout`) against `{self.base.display}`.",
                    fix="Raise `--timeout`, or check that the runner can reach the host.",
                )
            )

    async def within_budget(self, step: Awaitable[T]) -> T:
        """Run one stretch of the climb; past the budget plus grace, stop it (`_OutOfTimeError`)."""
        import asyncio  # noqa: PLC0415

        try:
            return await asyncio.wait_for(step, self.budget.remaining() + GRACE_SECONDS)
        except TimeoutError:
            raise _OutOfTimeError from None

    async def climb(self, tls: TlsContext, pending: Future[ModelIds]) -> None:
        import asyncio  # noqa: PLC0415

        from checker.live.client import ApiClient  # noqa: PLC0415 - imports httpx

        try:
            self.client = ApiClient(
                self.base.url,
                self.api_key,
                self.budget,
                concurrency=CONCURRENCY,
                tls=tls,
                on_first_sent=self.on_calling,
            )
        except (OSError, ValueError) as error:  # ssl.SSLError is an OSError
            self.findings.append(_tls_setup_failed(error, self.context))
            return
        try:
            if not await self.within_budget(self._list_models()):
                return
            waiting_since = time.monotonic()
            self.take_models(await asyncio.wrap_future(pending))
            self.budget.exclude(time.monotonic() - waiting_since)  # discovery's time, not ours
            if self.rank < LEVELS.index("models"):
                self.list_only = True  # `auth`: the list alone says which models are served
                return
            gate = asyncio.Semaphore(CONCURRENCY)
            chains = (self._model_chain(model, gate) for model in self.model_ids)
            await self.within_budget(asyncio.gather(*chains))
        finally:
            await self.client.aclose()

    async def _list_models(self) -> bool:
        """`auth`: every page of GET /v1/models; the list is the truth for "exists now"."""
        assert self.client is not None
        served: dict[str, ServedModel] = {}
        after: str | None = None
        result: CallResult | None = None
        for page in range(1, MAX_PAGES + 1):
            path = f"/v1/models?limit={PAGE_SIZE}" + (f"&after_id={quote(after)}" if after else "")
            result = await self.client.call("GET", path, endpoint="GET /v1/models")
            self.auth = {
                "ok": False,
                "status": result.status,
                "latency_ms": result.latency_ms,
                "pages": page,
            }
            finding = classify(result, self.context)
            data = result.body.get("data") if isinstance(result.body, dict) else None
            if finding is None and not isinstance(data, list):
                finding = not_the_api(result, self.context, "JSON without a model list")
            if finding is not None:
                self.findings.append(finding)
                return False
            assert isinstance(data, list)
            assert isinstance(result.body, dict)
            models = [model for model in map(served_model, data) if model is not None]
            served.update((model.id, model) for model in models)
            ids = [model.id for model in models]
            last = result.body.get("last_id") or (ids[-1] if ids else None)
            if not result.body.get("has_more") or not isinstance(last, str) or last == after:
                break
            after = last
        self.served = served
        self.auth.update(ok=True, served=len(self.served))
        return True

    async def _model_chain(self, model: str, gate: asyncio.Semaphore) -> None:
        """`models`, then `count-tokens` and `message` (production only), each after the last."""
        assert self.client is not None
        entry: dict[str, Any] = {
            "id": model,
            "resolved": None,
            "ok": False,
            "status": None,
            "latency_ms": None,
            "checked": [],
        }
        self.models[model] = entry
        shown = sanitize(model, limit=120)
        async with gate:
            result = await self.client.call(
                "GET",
                f"/v1/models/{quote(model, safe='')}",
                model=model,
                endpoint=f"GET /v1/models/{shown}",
            )
        resolved = result.body.get("id") if isinstance(result.body, dict) else None
        if not self._passed(result, entry, "models", isinstance(resolved, str)):
            return
        assert isinstance(resolved, str)
        entry["resolved"] = resolved
        self._learn(served_model(result.body), entry)
        if resolved != model:
            self.resolved[model] = resolved
        if model not in self.production or self.rank < LEVELS.index("count-tokens"):
            entry["ok"] = True
            return
        payload: dict[str, Any] = {"model": model, "messages": PING}
        result = await self._post(gate, "/v1/messages/count_tokens", payload, model)
        counted = isinstance(result.body, dict) and "input_tokens" in result.body
        if not self._passed(result, entry, "count-tokens", counted):
            return
        if self.rank < LEVELS.index("message"):
            entry["ok"] = True
            return
        payload = {"model": model, "max_tokens": 1, "messages": PING}
        result = await self._post(gate, "/v1/messages", payload, model)
        self._count_tokens(result.body)
        usage_ok = isinstance(result.body, dict) and isinstance(result.body.get("usage"), dict)
        entry["ok"] = self._passed(result, entry, "message", usage_ok)

    async def _post(
        self, gate: asyncio.Semaphore, path: str, payload: dict[str, Any], model: str
    ) -> CallResult:
        """One production-model rung, within the concurrency bound."""
        assert self.client is not None
        async with gate:
            return await self.client.call("POST", path, payload=payload, model=model)

    def _passed(self, result: CallResult, entry: dict[str, Any], rung: str, shaped: bool) -> bool:
        """Record one rung for a model; add its finding when it failed."""
        entry["status"] = result.status
        entry.setdefault("latency_ms_by_check", {})[rung] = result.latency_ms
        if entry["latency_ms"] is None:
            entry["latency_ms"] = result.latency_ms
        finding = classify(result, self.context)
        if finding is None and not shaped:
            finding = not_the_api(result, self.context, f"JSON that is not a {rung} answer")
        if finding is not None:
            self.findings.append(finding)
            entry["failed"] = finding.code
            return False
        entry["checked"].append(rung)
        return True

    def _learn(self, answer: ServedModel | None, entry: dict[str, Any]) -> None:
        """What `GET /v1/models/{id}` says about a model adds to what the list said."""
        if answer is None:
            return
        if self.served is not None:
            listed = self.served.get(answer.id)
            self.served[answer.id] = listed.merged(answer) if listed else answer
            answer = self.served[answer.id]
        entry.update(answer.facts())

    def _count_tokens(self, body: Any) -> None:
        usage = body.get("usage") if isinstance(body, dict) else None
        if not isinstance(usage, dict):
            return
        for name in ("input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"):
            value = usage.get(name)
            if isinstance(value, int) and not isinstance(value, bool):
                self.tokens["input"] += value
        value = usage.get("output_tokens")
        if isinstance(value, int) and not isinstance(value, bool):
            self.tokens["output"] += value

    def outcome(self) -> LiveOutcome:
        calls = self.client.calls if self.client else 0
        self._word_with_catalog()
        report: dict[str, Any] = {
            "level": self.level,
            "base_url": self.base.display,
            "calls": calls,
            "duration_ms": self.budget.elapsed_ms(),
            "timeout_s": self.budget.seconds,
            "tokens": dict(self.tokens),
            "auth": self.auth,
            "served_models": len(self.served) if self.served is not None else None,
            "models": [self.models[model] for model in self.model_ids if model in self.models],
            "rate_limits": self.client.rate_limits if self.client else {},
        }
        return LiveOutcome(
            self.level,
            findings=list(self.findings),
            served_models=self.served,
            resolved=dict(self.resolved),
            report=report,
        )

    def _word_with_catalog(self) -> None:
        """Fixes naming the catalog's replacement, the list-only API003 of `auth`, and which
        checked models the catalog lacks (the summary describes those from the API's answer).
        Run once, after the calls: the catalog never delays a request."""
        if self.worded or not (self.list_only or self.models or self.findings):
            return
        self.worded = True
        known: KnownModels = known_models(self.catalog_path)
        if self.list_only and self.served is not None:
            self.findings += unlisted_findings(self.model_ids, self.served, known)
        self.findings = [with_replacement(finding, known) for finding in self.findings]
        for entry in self.models.values():
            entry["in_catalog"] = known.knows(entry["id"]) or known.knows(entry["resolved"] or "")


def _tls_setup_failed(error: Exception, context: Context) -> Finding:
    """A CA bundle that cannot be loaded (`SSL_CERT_FILE` pointing nowhere): no call was made."""
    detail = sanitize(getattr(error, "strerror", None) or error, context.secret, limit=200)
    return make_finding(
        "API009",
        f"TLS setup failed before any call ({type(error).__name__}: {detail}).",
        fix="Check `SSL_CERT_FILE` / `SSL_CERT_DIR`: they must name a readable CA bundle.",
    )
