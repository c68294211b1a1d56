"""Crash injection, one way for the whole suite: one stage's function replaced by one that raises.

There is no input that makes a check crash on purpose, so a test names the function and the error:
`Crash("checker.scan.discovery:scan_workspace", OSError("disk on fire"))`. `patch` replaces it in
this process (for `checker.app.run`), `env` gives the environment that makes a child process (the
CLI, the action's entrypoint) replace it at start-up, through a `sitecustomize` on PYTHONPATH, so
the real entrypoint, pipeline and reporters run exactly as in production. A coroutine function
(`checker.live.ladder:Ladder.list_models`) is replaced by a coroutine function.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

_SITECUSTOMIZE = """
import importlib
import inspect

module, _, path = {target!r}.partition(":")
owner = importlib.import_module(module)
*parents, name = path.split(".")
for parent in parents:
    owner = getattr(owner, parent)

if inspect.iscoroutinefunction(getattr(owner, name)):
    async def crash(*args, **kwargs):
        raise {error}
else:
    def crash(*args, **kwargs):
        raise {error}

setattr(owner, name, crash)
"""


@dataclass(frozen=True, slots=True)
class Crash:
    """`target` is `module:function` or `module:Class.method`; `error` a builtin exception."""

    target: str
    error: Exception

    def patch(self, monkeypatch: pytest.MonkeyPatch) -> None:
        owner, name = self._owner()
        monkeypatch.setattr(owner, name, self._raiser(getattr(owner, name)))

    def env(self, tmp_path: Path) -> dict[str, str]:
        folder = tmp_path / "crash-injection"
        folder.mkdir(exist_ok=True)
        error = f"{type(self.error).__name__}(*{self.error.args!r})"
        (folder / "sitecustomize.py").write_text(
            _SITECUSTOMIZE.format(target=self.target, error=error), encoding="utf-8"
        )
        return {"PYTHONPATH": str(folder)}

    def _owner(self) -> tuple[Any, str]:
        module, _, path = self.target.partition(":")
        owner: Any = importlib.import_module(module)
        *parents, name = path.split(".")
        for parent in parents:
            owner = getattr(owner, parent)
        return owner, name

    def _raiser(self, original: Callable[..., Any]) -> Callable[..., Any]:
        error = self.error

        async def crash_async(*args: object, **kwargs: object) -> None:
            raise error

        def crash(*args: object, **kwargs: object) -> None:
            raise error

        return crash_async if inspect.iscoroutinefunction(original) else crash
