"""Live job (API001-API010): the zero-token call ladder against the Claude API."""

from checker.live.ladder import LiveOutcome, run_live

__all__ = ["LiveOutcome", "run_live"]
