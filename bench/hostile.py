"""Hostile-input benchmark: wall time and peak RSS of the worst cases of issue 10, items 4-6.

`python bench/hostile.py` runs each case in its own process (so peak RSS is that case's alone)
and kills it after `--limit` seconds (reported as `>LIMIT`):

- gzip-single / gzip-stacked: the CLI at `--live-check auth` against the fake API answering the
  model list with a 1 GiB gzip bomb, once or twice gzipped (`content-encoding: gzip, gzip`);
- served-ids: the CLI at `auth` against a model list of 1,000,000 IDs in 10 pages;
- glob: an `environments` glob `**a` x 15 against a 251-character name (`a` x 250, then `b`);
- jsonc: a 120 KB `appsettings.production.json` of unclosed `/*` and quotes;
- toml: a TOML key of 30,000 dots;
- redactor: the redactor over a 330 KB run of `eyJ`.

`--cases glob,toml` runs some of them. The figures before and after the fixes are in the issue's
note; this script is not part of `.ci/run` (wall-clock figures on a shared machine are noisy).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from tests.fake_api import Bomb, FakeAnthropic, Reply, fake_key, gzip_bomb  # noqa: E402
from tests.helpers import base_env  # noqa: E402
from tests.loopback import Recorded  # noqa: E402

KEY = fake_key("bench-hostile")
IN_PROCESS = {
    "glob": (
        "from checker.scan.explicit import ExplicitEnvironments\n"
        "ExplicitEnvironments({'production': ['**a' * 15]}).match(['a' * 250 + 'b'])\n"
    ),
    "jsonc": (
        "from checker.workspace.parsers import parse_text, ParseError\n"
        "text = '{\"a\": 1' + '/*\"' * 40_000\n"
        "try:\n    parse_text(text, 'jsonc', 'appsettings.production.json')\n"
        "except ParseError:\n    pass\n"
    ),
    "toml": (
        "from checker.workspace.parsers import parse_text, ParseError, SkipError\n"
        "text = 'a' + '.a' * 30_000 + ' = 1\\n'\n"
        "try:\n    parse_text(text, 'toml', 'config/production.toml')\n"
        "except (ParseError, SkipError):\n    pass\n"
    ),
    "redactor": (
        "from checker.redaction import Redactor\n"
        "Redactor(['sk-ant-api03-' + 'x' * 93 + 'AA'])('eyJ' * 110_000)\n"
    ),
}


def measure(command: list[str], env: dict[str, str], limit: float) -> tuple[str, str]:
    """Wall seconds and peak RSS (MB) of one process, killed after `limit` seconds."""
    started = time.monotonic()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    timer = threading.Timer(limit, process.kill)
    timer.start()
    _, status, usage = os.wait4(process.pid, 0)
    timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.monotonic() - started
    seconds = f">{limit:g}" if elapsed >= limit else f"{elapsed:.2f}"
    return seconds, f"{usage.ru_maxrss / 1024:.0f}"


def _models_page(request: Recorded) -> Reply:
    page = int(request.query.get("after_id", "p0-0").split("-")[0][1:]) + 1
    ids = [f"p{page}-{index}" for index in range(100_000)]
    body = {"data": [{"id": i} for i in ids], "has_more": page < 10, "last_id": ids[-1]}
    return Reply(200, body)


def live_case(name: str, limit: float, workspace: Path) -> tuple[str, str]:
    with FakeAnthropic(keys=(KEY,)) as api:
        if name == "served-ids":
            api.always("GET", "/v1/models", Reply(compute=_models_page))
        else:
            layers = 2 if name == "gzip-stacked" else 1
            bomb = Bomb(1 << 30, layers)
            gzip_bomb(bomb.inflated, bomb.layers)  # built before the clock starts
            api.always("GET", "/v1/models", Reply(200, bomb, action="gzip-bomb"))
        command = [sys.executable, "-m", "checker", str(workspace), "--live-check", "auth"]
        command += ["--base-url", api.url, "--timeout", "30"]
        return measure(command, base_env(ANTHROPIC_API_KEY=KEY), limit)


def run_case(name: str, limit: float, workspace: Path) -> tuple[str, str]:
    if name in IN_PROCESS:
        return measure([sys.executable, "-c", IN_PROCESS[name]], base_env(), limit)
    return live_case(name, limit, workspace)


CASES = (*IN_PROCESS, "gzip-single", "gzip-stacked", "served-ids")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=float, default=120.0, help="seconds before a kill")
    parser.add_argument("--cases", default="", help="comma-separated (default: all)")
    args = parser.parse_args(argv)
    names = [name for name in args.cases.split(",") if name] or list(CASES)
    rows: list[Any] = []
    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder)
        (workspace / "config").mkdir()
        (workspace / "config" / "production.yaml").write_text("model: claude-sonnet-4-6\n")
        for name in names:
            seconds, megabytes = run_case(name, args.limit, workspace)
            rows.append((name, seconds, megabytes))
            print(f"{name:14} {seconds:>8} s {megabytes:>7} MB peak RSS", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
