"""Live job (API001-API010): the zero-token call ladder against the Claude API.

The pipeline starts it with `checker.live.session.start_live` (a thread beside discovery); tests
and benchmarks call `checker.live.ladder.run_live`. Import either only when a live call runs.
"""

from checker.live.outcome import LiveOutcome

__all__ = ["LiveOutcome"]
