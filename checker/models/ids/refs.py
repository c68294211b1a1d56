"""What one written model value names: the types every model check shares."""

from __future__ import annotations

from dataclasses import dataclass

from checker.models.ids.catalog import ModelInfo

ANTHROPIC, BEDROCK, VERTEX = "anthropic", "bedrock", "vertex"
# A router's or gateway's own model namespace (OpenRouter, AI gateways): it names Claude models in
# its own spelling (`anthropic/claude-sonnet-4.5`), so the value is compared but never "corrected".
GATEWAY = "gateway"


@dataclass(frozen=True, slots=True)
class ModelRef:
    """What one written value names.

    `model` is the catalog model (through aliases and platform forms), `written` the ID as it
    should be written (the corrected form when the value is malformed), `platforms` where that
    exact form is valid. `unknown` values carry a `suggestion` and the `platform` their form
    implies. `profile` is the inference-profile prefix of a Bedrock ID (`us`), None for a base ID
    or another platform's form.
    """

    raw: str
    written: str
    platform: str
    platforms: frozenset[str]
    model: ModelInfo | None = None
    alias: bool = False
    corrected: str | None = None
    malformation: str | None = None
    unknown: bool = False
    suggestion: str | None = None
    note: str | None = None
    opaque: bool = False
    route: str | None = None
    profile: str | None = None

    @property
    def key(self) -> str:
        """What drift compares: the model's canonical ID, else the cleaned string."""
        return self.model.id if self.model is not None else self.written

    @property
    def first_party(self) -> str | None:
        """The ID to prove against the Claude API, if this value names one."""
        if self.unknown or self.opaque:
            return None
        if ANTHROPIC in self.platforms:
            return self.written
        return self.model.id if self.model is not None else None
