"""The live job: climb the zero-token ladder up to `--live-check`.

`auth` lists the models (proves the key), `models` retrieves each model concurrently (proves it
is served, resolves aliases), `count-tokens` and `message` prove the request shape and inference
for production models. Each call runs only if the one before it passed; everything fits in the
`--timeout` budget. httpx is imported only here, when a live check actually runs.

A `Ladder` climbs in two steps because they need different inputs: `list_models` only the key,
`check_models` the model IDs discovery finds. The pipeline runs discovery while the list call is
on the wire (`checker.pipeline`); `run_live` climbs both steps at once when the IDs are known.
The budget's clock runs only inside those two steps, never while the ladder waits for discovery.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from checker.findings import Finding, make_finding
from checker.live.availability import unlisted_findings, with_replacement
from checker.live.base_url import check_base_url, misconfigured
from checker.live.classify import CallTarget, classify, not_the_api, sanitize
from checker.live.known import KnownModels, known_models
from checker.live.outcome import LiveOutcome
from checker.live.report import ListResult, LiveModelResult, LiveReport, LiveRun, TokenCount
from checker.live.result import CallResult
from checker.live.retry import Budget
from checker.live.served import ServedModel, served_model
from checker.live.verdict import unverified_reason
from checker.settings import DEFAULT_BASE_URL, Settings
from checker.vocabulary import LIVE_LEVELS

if TYPE_CHECKING:
    import asyncio

    from checker.live.client import ApiClient

CONCURRENCY = 20
MAX_MODELS = 200
MAX_PAGES = 50
# Model IDs read from the list, across pages: the API serves dozens, a gateway hundreds; a list of
# a million (12 s, 650 MB) is cut here, and the report says so (`served_models_cut`).
MAX_SERVED_MODELS = 5_000
PAGE_SIZE = 1000
GRACE_SECONDS = 0.5
PING = [{"role": "user", "content": "ping"}]
_SENDABLE = re.compile(r"[\x21-\x7e]{1,1024}")


def run_live(
    settings: Settings,
    api_key: str,
    model_ids: Sequence[str],
    production_model_ids: Sequence[str],
) -> LiveOutcome:
    """Climb the whole ladder with the model IDs already known (tests, benchmarks)."""
    import asyncio  # noqa: PLC0415 - the event loop costs startup time; only live runs pay it

    async def climb() -> LiveOutcome:
        ladder = Ladder(settings, api_key)
        try:
            await ladder.open()
            await ladder.list_models()
            await ladder.check_models(model_ids, production_model_ids)
        finally:
            await ladder.close()
        return ladder.outcome()

    return asyncio.run(climb())


class Ladder:
    """One climb: `open`, `list_models`, `check_models`, `close`, then read the `outcome`.

    A step the ladder may not take (the level is `off`, the base URL or the key is unusable, the
    list call failed) does nothing, so callers run every step in that order without checks.
    """

    def __init__(self, settings: Settings, api_key: str) -> None:
        self.catalog_path = settings.catalog_path
        self.level = settings.live_check
        self.rank = LIVE_LEVELS.index(self.level)
        self.api_key = api_key
        self.base = check_base_url(settings.base_url)
        self.budget = Budget.idle(settings.timeout)
        self.production: set[str] = set()
        self.model_ids: list[str] = []
        self.context = CallTarget(
            api_key_env=settings.api_key_env,
            base_url=self.base.display,
            official_api=self.base.url.rstrip("/") == DEFAULT_BASE_URL,
            timeout=settings.timeout,
            secret=api_key,
        )
        self.findings: list[Finding] = []
        self.served: dict[str, ServedModel] | None = None
        self.served_cut: int | None = None  # the list was cut after this many IDs
        self.resolved: dict[str, str] = {}
        self.auth: ListResult | None = None
        self.models: dict[str, LiveModelResult] = {}
        self.tokens = TokenCount()
        self.client: ApiClient | None = None
        self.list_only = False
        self.worded = False
        self.skipped: str | None = None  # why no call may be made at all
        if self.level == "off":
            self.skipped = "live check turned off"
        elif self.base.problem is not None:
            self.findings.append(misconfigured(self.base))
        elif not _SENDABLE.fullmatch(api_key):
            self.skipped = (
                "the key has whitespace or non-ASCII characters and cannot be sent in a header"
            )

    @property
    def may_call(self) -> bool:
        return self.skipped is None and self.base.problem is None

    async def open(self) -> None:
        """Import the HTTP stack here while the CA bundle loads in a worker thread."""
        if not self.may_call:
            return
        import asyncio  # noqa: PLC0415

        from checker.live.client import ApiClient, load_http_stack  # noqa: PLC0415
        from checker.live.tls import build_ssl_context  # noqa: PLC0415

        ssl_context = asyncio.get_running_loop().run_in_executor(None, build_ssl_context)
        load_http_stack()
        try:
            self.client = ApiClient(
                self.base.url,
                self.api_key,
                self.budget,
                concurrency=CONCURRENCY,
                verify=await ssl_context,
            )
        except (OSError, ValueError) as error:  # ssl.SSLError is an OSError
            self.findings.append(_tls_setup_failed(error, self.context))

    async def list_models(self) -> None:
        """The `auth` rung: every page of the model list, on the budget."""
        if self.client is not None:
            with self.budget.spending():
                await self._within_budget(self._list_models())

    async def check_models(self, model_ids: Sequence[str], production_ids: Sequence[str]) -> None:
        """The model rungs for these IDs, concurrently, on the budget; at `auth` the list alone
        says which of them are served."""
        if self.client is None or self.served is None:
            return
        self.production = set(production_ids)
        unique = dict.fromkeys(model for model in [*model_ids, *production_ids] if model)
        self.model_ids = list(unique)[:MAX_MODELS]
        if self.rank < LIVE_LEVELS.index("models"):
            self.list_only = True
            return
        import asyncio  # noqa: PLC0415

        gate = asyncio.Semaphore(CONCURRENCY)
        with self.budget.spending():
            chains = (self._model_chain(model, gate) for model in self.model_ids)
            await self._within_budget(asyncio.gather(*chains))

    async def close(self) -> None:
        if self.client is not None:
            await self.client.aclose()

    async def _within_budget(self, step: Awaitable[object]) -> None:
        """Run one step; past the budget plus grace, stop it with an API009 finding."""
        import asyncio  # noqa: PLC0415

        try:
            await asyncio.wait_for(step, self.budget.remaining() + GRACE_SECONDS)
        except TimeoutError:
            self.findings.append(
                make_finding(
                    "API009",
                    "over_budget",
                    budget=self.budget.seconds,
                    base_url=self.base.display,
                )
            )

    async def _list_models(self) -> bool:
        """`auth`: every page of GET /v1/models; the list is the truth for "exists now"."""
        assert self.client is not None
        served: dict[str, ServedModel] = {}
        after: str | None = None
        result: CallResult | None = None
        for page in range(1, MAX_PAGES + 1):
            path = f"/v1/models?limit={PAGE_SIZE}" + (f"&after_id={quote(after)}" if after else "")
            result = await self.client.call("GET", path, endpoint="GET /v1/models")
            self.auth = ListResult(status=result.status, latency_ms=result.latency_ms, pages=page)
            finding = classify(result, self.context)
            data = result.body.get("data") if isinstance(result.body, dict) else None
            if finding is None and not isinstance(data, list):
                finding = not_the_api(result, self.context, "JSON without a model list")
            if finding is not None:
                self.findings.append(finding)
                self.auth.not_verified = unverified_reason(finding, result)
                return False
            assert isinstance(data, list)
            assert isinstance(result.body, dict)
            room = MAX_SERVED_MODELS - len(served)
            models = [model for model in map(served_model, data[:room]) if model is not None]
            served.update((model.id, model) for model in models)
            ids = [model.id for model in models]
            last = result.body.get("last_id") or (ids[-1] if ids else None)
            more = bool(result.body.get("has_more"))
            if len(data) > room or (more and len(served) >= MAX_SERVED_MODELS):
                self.served_cut = len(served)
                break
            if not more or not isinstance(last, str) or last == after:
                break
            after = last
        else:  # every page said there is more: the list ends here, and the report says so
            self.served_cut = len(served)
        self.served = served
        if self.auth is not None:
            self.auth.ok, self.auth.served = True, len(served)
        return True

    async def _model_chain(self, model: str, gate: asyncio.Semaphore) -> None:
        """`models`, then `count-tokens` and `message` (production only), each after the last."""
        assert self.client is not None
        entry = self.models[model] = LiveModelResult(id=model)
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
        entry.resolved = resolved
        self._learn(served_model(result.body), entry)
        if resolved != model:
            self.resolved[model] = resolved
        if model not in self.production or self.rank < LIVE_LEVELS.index("count-tokens"):
            entry.ok = True
            return
        payload: dict[str, Any] = {"model": model, "messages": PING}
        result = await self._post(gate, "/v1/messages/count_tokens", payload, model)
        counted = isinstance(result.body, dict) and "input_tokens" in result.body
        if not self._passed(result, entry, "count-tokens", counted):
            return
        if self.rank < LIVE_LEVELS.index("message"):
            entry.ok = True
            return
        payload = {"model": model, "max_tokens": 1, "messages": PING}
        result = await self._post(gate, "/v1/messages", payload, model)
        self._count_tokens(result.body)
        usage_ok = isinstance(result.body, dict) and isinstance(result.body.get("usage"), dict)
        entry.ok = self._passed(result, entry, "message", usage_ok)

    async def _post(
        self, gate: asyncio.Semaphore, path: str, payload: dict[str, Any], model: str
    ) -> CallResult:
        """One production-model rung, within the concurrency bound."""
        assert self.client is not None
        async with gate:
            return await self.client.call("POST", path, payload=payload, model=model)

    def _passed(self, result: CallResult, entry: LiveModelResult, rung: str, shaped: bool) -> bool:
        """Record one rung for a model; add its finding when it failed."""
        entry.status = result.status
        entry.latency_ms_by_check[rung] = result.latency_ms
        if entry.latency_ms is None:
            entry.latency_ms = result.latency_ms
        finding = classify(result, self.context)
        if finding is None and not shaped:
            finding = not_the_api(result, self.context, f"JSON that is not a {rung} answer")
        if finding is not None:
            self.findings.append(finding)
            entry.failed = finding.code
            return False
        entry.checked.append(rung)
        return True

    def _learn(self, answer: ServedModel | None, entry: LiveModelResult) -> None:
        """What `GET /v1/models/{id}` says about a model adds to what the list said."""
        if answer is None:
            return
        if self.served is not None:
            listed = self.served.get(answer.id)
            self.served[answer.id] = listed.merged(answer) if listed else answer
            answer = self.served[answer.id]
        entry.about = answer

    def _count_tokens(self, body: Any) -> None:
        usage = body.get("usage") if isinstance(body, dict) else None
        if not isinstance(usage, dict):
            return
        for name in ("input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"):
            value = usage.get(name)
            if isinstance(value, int) and not isinstance(value, bool):
                self.tokens.input_tokens += value
        value = usage.get("output_tokens")
        if isinstance(value, int) and not isinstance(value, bool):
            self.tokens.output_tokens += value

    def outcome(self) -> LiveOutcome:
        report = LiveReport(level=self.level, base_url=self.base.display)
        if self.skipped is not None:
            report.skipped = self.skipped
            return LiveOutcome(self.level, report=report)
        if self.base.problem is not None:
            report.calls = 0
            return LiveOutcome(self.level, findings=list(self.findings), report=report)
        report.calls = self.client.calls if self.client else 0
        self._word_with_catalog()
        report.run = LiveRun(
            duration_ms=self.budget.elapsed_ms(),
            timeout_s=self.budget.seconds,
            tokens=self.tokens,
            auth=self.auth,
            served_models=len(self.served) if self.served is not None else None,
            served_models_cut=self.served_cut,
            models=[self.models[model] for model in self.model_ids if model in self.models],
            rate_limits=self.client.rate_limits if self.client else {},
        )
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
            entry.in_catalog = known.knows(entry.id) or known.knows(entry.resolved or "")


def _tls_setup_failed(error: Exception, context: CallTarget) -> Finding:
    """A CA bundle that cannot be loaded (`SSL_CERT_FILE` pointing nowhere): no call was made."""
    detail = sanitize(getattr(error, "strerror", None) or error, context.secret, limit=200)
    return make_finding(
        "API009", "tls_setup_failed", error_type=type(error).__name__, detail=detail
    )
