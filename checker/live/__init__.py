"""Live job (API001-API010): the zero-token call ladder against the Claude API.

`run_live` lives in `checker.live.ladder`; import it from there only when a live call runs.
"""

from checker.live.outcome import LiveOutcome

__all__ = ["LiveOutcome"]
