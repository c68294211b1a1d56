"""The live phase on its own thread, started before discovery so its network waits overlap the rest.

The `auth` rung needs only the key and the base URL, so it starts as soon as those are known; the
model rungs wait for discovery to hand over the model IDs (`hand_over`). Until then the main thread
scans the workspace and loads the reporters instead of idling on the network. The ladder is the
same one `run_live` climbs; only where it waits changes.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import Future

from checker.live.ladder import GRACE_SECONDS, ModelIds, climb_ladder
from checker.live.outcome import LiveOutcome
from checker.settings import Settings

JOIN_MARGIN_SECONDS = 5.0  # past budget + grace, a live thread that still runs is a bug


class LiveSession:
    """One climb of the ladder in a daemon thread: `hand_over` the models, then `finish`."""

    def __init__(self, settings: Settings, api_key: str) -> None:
        self._settings = settings
        self._models: Future[ModelIds] = Future()
        self._outcome: LiveOutcome | None = None
        self._error: Exception | None = None
        self._calling = threading.Event()
        self._thread = threading.Thread(
            target=self._climb, args=(api_key,), name="live-check", daemon=True
        )
        self._thread.start()

    def _climb(self, api_key: str) -> None:
        try:
            self._outcome = climb_ladder(
                self._settings, api_key, self._models, on_calling=self._calling.set
            )
        except Exception as error:  # re-raised by finish(), where the pipeline guards it
            self._error = error
        finally:
            self._calling.set()

    def wait_until_calling(self) -> None:
        """Block until the first request is on its way (or the climb ended early).

        Loading the HTTP stack is CPU work that would only share the GIL with the caller's own
        work; letting it run alone sends the first request sooner, and the caller's work then
        fills that request's round trip instead.
        """
        self._calling.wait(self._settings.timeout + GRACE_SECONDS)

    def hand_over(self, model_ids: Sequence[str], production_ids: Sequence[str]) -> None:
        """Discovery's model IDs: the model rungs start as soon as the `auth` rung has passed."""
        if not self._models.done():
            self._models.set_result(ModelIds(list(model_ids), list(production_ids)))

    def finish(self) -> LiveOutcome:
        """Wait for the climb (it keeps to its own budget) and return its outcome."""
        self._thread.join(self._settings.timeout + GRACE_SECONDS + JOIN_MARGIN_SECONDS)
        if self._thread.is_alive():
            raise RuntimeError("the live check did not stop within its --timeout budget")
        if self._error is not None:
            raise self._error
        assert self._outcome is not None
        return self._outcome


def start_live(settings: Settings, api_key: str) -> LiveSession:
    """Start the climb now; the caller must `hand_over` the model IDs, then `finish` it."""
    return LiveSession(settings, api_key)
