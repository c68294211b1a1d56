"""The outcome of one logical API call, after retries: what classification and the report read.

It never holds request headers, so nothing downstream can leak the key from it.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field, fields
from typing import Any


@dataclass(slots=True)
class Answer:
    """What one attempt got back: an HTTP answer, or the network failure that replaced it."""

    _: KW_ONLY
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    body_problem: str | None = None
    network: str | None = None
    network_detail: str = ""

    def copy_to(self, other: Answer) -> None:
        """Overwrite `other`'s answer with this one (the last attempt is the one reported)."""
        for answer_field in fields(Answer):
            setattr(other, answer_field.name, getattr(self, answer_field.name))


@dataclass(slots=True)
class CallResult(Answer):
    """The final outcome of one logical call, after retries; never holds request headers."""

    endpoint: str
    model: str | None = None
    timestamp: str = ""
    latency_ms: int = 0
    attempts: int = 0
    statuses: list[int | None] = field(default_factory=list)  # each attempt's, None: no answer
    stopped: str | None = None

    @property
    def ok(self) -> bool:
        return (
            self.network is None
            and self.status is not None
            and 200 <= self.status < 300
            and self.body_problem is None
            and isinstance(self.body, dict)
        )

    @property
    def request_id(self) -> str | None:
        value = self.headers.get("request-id")
        if not value and isinstance(self.body, dict):
            body_id = self.body.get("request_id")
            value = body_id if isinstance(body_id, str) else None
        return value[:100] if value else None
