#!/usr/bin/env python3
"""Startup bench: wall time of a full offline gate run next to `import anthropic` and bare Python.

Every command runs N times (default 15) round-robin, so load on a shared machine hits them all
alike; the table shows medians, ratios and the targets of issue 2: a full offline run takes at most
0.15x the SDK import and at most 10x bare Python. Exit code 0 when both targets are met, 1 if not.

    python bench/startup.py [--runs 15] [--python PATH] [--no-sdk]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ENTRYPOINT = ROOT / "entrypoint.py"
SDK_TARGET = 0.15
BARE_TARGET = 10.0
WARMUP_RUNS = 2
ACTION_INPUTS = (
    "working-directory", "api-key", "config", "live-check", "base-url", "api-key-env",
    "required-secrets", "production", "fail-on", "on-unavailable-secrets", "timeout",
    "deprecation-window", "ignore", "json", "sarif", "summary",
)  # fmt: skip


@dataclass
class Command:
    """One command of the bench and its wall times in milliseconds."""

    name: str
    argv: list[str]
    env: dict[str, str]
    expected_exit: tuple[int, ...] = (0,)
    times: list[float] = field(default_factory=list)

    def run_once(self) -> float:
        started = time.perf_counter()
        completed = subprocess.run(
            self.argv, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
        )
        elapsed = (time.perf_counter() - started) * 1000
        if completed.returncode not in self.expected_exit:
            message = completed.stderr.decode(errors="replace").strip()[-500:]
            raise RuntimeError(f"{self.name} exited {completed.returncode}: {message}")
        return elapsed

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def clean_env(**extra: str) -> dict[str, str]:
    """No GitHub variables, no inherited key, bytecode caching allowed (as in a real install)."""
    keep = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SSL_CERT_FILE", "PIP_CERT"}
    env = {key: value for key, value in os.environ.items() if key in keep}
    env["NO_COLOR"] = "1"
    env.update(extra)
    return env


def action_env(scratch: Path, workspace: Path) -> dict[str, str]:
    """What the runner gives the docker action, with live-check off and no key."""
    files = scratch / "file_commands"
    files.mkdir(parents=True, exist_ok=True)
    (scratch / "runner_temp").mkdir(exist_ok=True)
    (scratch / "event.json").write_text("{}")
    env = clean_env(
        GITHUB_ACTIONS="true",
        CI="true",
        GITHUB_WORKSPACE=str(workspace),
        GITHUB_STEP_SUMMARY=str(files / "step_summary"),
        GITHUB_OUTPUT=str(files / "output"),
        GITHUB_EVENT_PATH=str(scratch / "event.json"),
        GITHUB_EVENT_NAME="push",
        GITHUB_REPOSITORY="acme/app",
        RUNNER_TEMP=str(scratch / "runner_temp"),
    )
    for name in ACTION_INPUTS:
        env[f"INPUT_{name.upper()}"] = ""
    env["INPUT_LIVE-CHECK"] = "off"
    return env


def sdk_python(python: str, cache: Path) -> tuple[str | None, str]:
    """An interpreter that can `import anthropic`: this one, or a venv made for the bench."""
    probe = [python, "-c", "import anthropic"]
    if subprocess.run(probe, capture_output=True, check=False).returncode == 0:
        return python, "anthropic importable in the measured interpreter"
    target = cache / "sdk-venv"
    bin_python = target / "bin" / "python"
    if not bin_python.exists():
        print(f"installing the anthropic SDK into {target} (once) ...", file=sys.stderr)
        shutil.rmtree(target, ignore_errors=True)
        venv.create(target, with_pip=True)
        install = [str(bin_python), "-m", "pip", "install", "-q", "anthropic"]
        if subprocess.run(install, check=False).returncode != 0:
            shutil.rmtree(target, ignore_errors=True)
            return None, "anthropic could not be installed (no network to PyPI?)"
    check = subprocess.run(
        [str(bin_python), "-c", "import anthropic; print(anthropic.__version__)"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if check.returncode != 0:
        return None, "anthropic is installed but does not import"
    return str(bin_python), f"anthropic {check.stdout.strip()} in {target}"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claude-preflight-bench"


def measure(commands: list[Command], runs: int) -> None:
    for command in commands:
        for _ in range(WARMUP_RUNS):
            command.run_once()
    for _ in range(runs):
        for command in commands:
            command.times.append(command.run_once())


def verdict(value: float, limit: float) -> str:
    return "PASS" if value <= limit else "FAIL"


def report(commands: dict[str, Command], sdk_note: str) -> bool:
    bare = commands["bare"].median
    sdk = commands["sdk"].median if "sdk" in commands else None
    print(f"{'command':<44} {'median':>9} {'min':>9} {'x bare':>8} {'x SDK':>7}")
    for command in commands.values():
        ratio_sdk = f"{command.median / sdk:7.2f}" if sdk else "      -"
        print(
            f"{command.name:<44} {command.median:7.1f}ms {min(command.times):7.1f}ms "
            f"{command.median / bare:8.1f} {ratio_sdk}"
        )
    print(f"\nSDK: {sdk_note}")
    ok = True
    for key in ("cli", "entrypoint"):
        run = commands[key].median
        line = f"{commands[key].name}: {run / bare:.1f}x bare (target <= {BARE_TARGET:g}x) "
        line += verdict(run / bare, BARE_TARGET)
        ok = ok and run / bare <= BARE_TARGET
        if sdk:
            line += f"; {run / sdk:.2f}x SDK import (target <= {SDK_TARGET}x) "
            line += verdict(run / sdk, SDK_TARGET)
            ok = ok and run / sdk <= SDK_TARGET
        print(line)
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command")
    parser.add_argument("--python", default=sys.executable, help="interpreter with the package")
    parser.add_argument("--no-sdk", action="store_true", help="skip the anthropic SDK figure")
    arguments = parser.parse_args(argv)
    python = arguments.python
    with tempfile.TemporaryDirectory(prefix="preflight-bench-") as folder:
        scratch = Path(folder)
        workspace = scratch / "workspace"
        shutil.copytree(EXAMPLES, workspace)
        commands = {
            "bare": Command("python -c pass", [python, "-c", "pass"], clean_env()),
            "cli": Command(
                "python -m checker examples --live-check off",
                [python, "-m", "checker", str(workspace), "--live-check", "off"],
                clean_env(),
                expected_exit=(0, 1),
            ),
            "entrypoint": Command(
                "entrypoint.py (action env, live-check off)",
                [python, str(ENTRYPOINT)],
                action_env(scratch, workspace),
                expected_exit=(0, 1),
            ),
        }
        sdk_note = "skipped (--no-sdk)"
        if not arguments.no_sdk:
            sdk, sdk_note = sdk_python(python, cache_dir())
            if sdk:
                commands["sdk"] = Command('python -c "import anthropic"', [sdk, "-c",
                                          "import anthropic"], clean_env())  # fmt: skip
        print(f"python: {python}; {arguments.runs} runs each, round-robin, after "
              f"{WARMUP_RUNS} warm-up runs\n")  # fmt: skip
        measure(list(commands.values()), arguments.runs)
        return 0 if report(commands, sdk_note) else 1


if __name__ == "__main__":
    sys.exit(main())
