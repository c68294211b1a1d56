"""Live job (API001-API010): the zero-token call ladder against the Claude API.

The pipeline climbs a `checker.live.ladder.Ladder` beside discovery (`checker.pipeline`); tests and
benchmarks call `checker.live.ladder.run_live`. Import the ladder only when a live call runs.
"""

from checker.live.outcome import LiveOutcome

__all__ = ["LiveOutcome"]
