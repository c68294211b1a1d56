"""Live-check benchmark: what the `models` level adds to a full CLI run, and the tokens it spends.

`python bench/live.py` generates a repository whose staging and production configs name 20
distinct models, starts the fake Anthropic API (tests/fake_api.py) answering every request after
250 ms, and times `python -m checker DIR --live-check models` against `--live-check off` (median
of several runs). Target (issue 5): the `models` level adds at most 0.75 s (sequential calls
would take 5 s or more). It also runs the `message` level and counts the tokens the fake server
served (target: at most one output token per production model), and times `run_live` directly
with the 20 IDs, which does not depend on model discovery.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from checker.live.ladder import run_live  # noqa: E402
from checker.settings import Settings  # noqa: E402
from checker.vocabulary import LiveLevel  # noqa: E402
from tests.fake_api import DEFAULT_ALIASES, DEFAULT_MODELS, FakeAnthropic, fake_key  # noqa: E402
from tests.helpers import base_env  # noqa: E402

LATENCY = 0.25
TARGET_ADDED_SECONDS = 0.75
MODELS = (  # 20 distinct IDs: the fake API's default models plus ten more it is told to serve
    "claude-fable-5-2",
    "claude-fable-5-1",
    "claude-mythos-5",
    "claude-mythos-5-2",
    "claude-opus-5-5",
    "claude-sonnet-5-5",
    "claude-haiku-5-5",
    "claude-haiku-4-5",
    "claude-sonnet-4-5",
    "claude-opus-4-5",
    *DEFAULT_MODELS,
)
KEY = fake_key("bench")
CPU_SECONDS: list[float] = []  # CPU time of each CLI run, in order


def write_repo(root: Path) -> None:
    """Staging and production configs, each with 20 slots whose keys contain `model`."""
    (root / "config").mkdir(parents=True)
    for environment in ("staging", "production"):
        lines = [f"# {environment}: one slot per agent", "agents:"]
        for index, model in enumerate(MODELS):
            lines += [f"  agent_{index:02d}:", f"    model: {model}", "    max_tokens: 1024"]
        (root / "config" / f"{environment}.yaml").write_text("\n".join(lines) + "\n")


def run_cli(
    repo: Path, api: FakeAnthropic, level: str, out: Path
) -> tuple[float, dict[str, object]]:
    command = [
        sys.executable,
        "-m",
        "checker",
        str(repo),
        "--live-check",
        level,
        "--base-url",
        api.url,
        "--json",
        str(out),
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        command,
        env=base_env(ANTHROPIC_API_KEY=KEY),
        cwd=REPO_ROOT,
        capture_output=True,
        check=False,
        timeout=120,
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_SECONDS.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    report = json.loads(out.read_text())
    live = report.get("live", {})
    return seconds, live if isinstance(live, dict) else {}


def direct(api: FakeAnthropic, level: LiveLevel) -> tuple[float, dict[str, object]]:
    settings = Settings(
        workspace=REPO_ROOT, config_path=None, base_url=api.url, live_check=level, timeout=30
    )
    started = time.perf_counter()
    outcome = run_live(settings, KEY, list(MODELS), list(MODELS))
    seconds = time.perf_counter() - started
    return seconds, outcome.report.to_dict() if outcome.report is not None else {}


def report_direct(api: FakeAnthropic, runs: int) -> None:
    """`run_live` in this process: the ladder alone, without process start or discovery."""
    times = [direct(api, "models")[0] for _ in range(runs)]
    seconds, report = direct(api, "models")
    print(
        f"run_live directly, {len(MODELS)} models, models level: median "
        f"{statistics.median(times):.3f} s, {report.get('calls')} calls, "
        f"tokens {report.get('tokens')}"
    )
    tokens_before = api.output_tokens
    seconds, report = direct(api, "message")
    print(
        f"run_live directly, message level: {seconds:.3f} s, "
        f"{api.output_tokens - tokens_before} output tokens served"
    )


def _seconds(values: list[float]) -> str:
    return " ".join(f"{value:.3f}" for value in values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    served = tuple(model for model in MODELS if model not in DEFAULT_ALIASES)
    ok = True
    with (
        tempfile.TemporaryDirectory() as temp,
        FakeAnthropic(keys=(KEY,), models=served, latency=LATENCY) as api,
    ):
        repo, out = Path(temp) / "repo", Path(temp) / "report.json"
        write_repo(repo)
        run_cli(repo, api, "off", out)  # warm the file cache
        offline_times, online_times, live_ms = [], [], []
        offline_cpu: list[float] = []
        calls_per_run: list[int] = []
        online_cpu: list[float] = []
        for _ in range(args.runs):  # interleaved, so load from other processes hits both alike
            offline_times.append(run_cli(repo, api, "off", out)[0])
            offline_cpu.append(CPU_SECONDS[-1])
            sent = len(api.requests)
            seconds, live = run_cli(repo, api, "models", out)
            calls_per_run.append(len(api.requests) - sent)
            online_times.append(seconds)
            online_cpu.append(CPU_SECONDS[-1])
            live_ms.append(float(live.get("duration_ms") or 0))  # type: ignore[arg-type]
        calls = statistics.median(calls_per_run)
        offline, online = statistics.median(offline_times), statistics.median(online_times)
        _, live = run_cli(repo, api, "models", out)
        added = online - offline
        print(
            f"CLI, {len(MODELS)} models, fake API latency {LATENCY * 1000:.0f} ms, "
            f"median of {args.runs}:"
        )
        print(f"  --live-check off    {offline:.3f} s")
        print(f"  --live-check models {online:.3f} s  (calls per run: {calls_per_run})")
        print(
            f"  added by the live check: {added:.3f} s (target <= {TARGET_ADDED_SECONDS} s; "
            f"sequential would be >= {(calls or 21) * LATENCY:.2f} s)"
        )
        print(
            f"  live phase alone (report duration_ms): median {statistics.median(live_ms):.0f} ms"
        )
        pairs = sorted(on - off for on, off in zip(online_times, offline_times, strict=True))
        print(f"  added, run by run (models - off of the same round): {_seconds(pairs)}")
        added_cpu = statistics.median(online_cpu) - statistics.median(offline_cpu)
        print(
            f"  CPU time added (load-independent): {added_cpu:.3f} s: the HTTP stack's imports, "
            f"TLS and {calls:.0f} requests; the floor is 2 x {LATENCY:.2f} s of waiting, and the "
            "offline checks run during the first call's round trip"
        )
        print(f"  tokens at models level: {live.get('tokens')}")
        checked = len(live.get("models", []) or [])  # type: ignore[arg-type]
        if checked < len(MODELS):
            print(f"  note: the CLI checked {checked} models (model discovery not complete?)")
        ok = ok and added <= TARGET_ADDED_SECONDS

        tokens_before = api.output_tokens
        _, live = run_cli(repo, api, "message", out)
        production = len(MODELS)
        spent = api.output_tokens - tokens_before
        print(
            f"  message level: {spent} output tokens served by the fake API for "
            f"{production} production models; report says {live.get('tokens')}"
        )
        ok = ok and spent <= production

        report_direct(api, args.runs)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
