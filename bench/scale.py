"""Scale benchmark: a generated monorepo through the full offline CLI run.

`python bench/scale.py` builds, in a temporary folder, N services x 3 environments
(`services/svc-NNNN/config/{development,staging,production}.yaml`, about 30 lines each) with 10
production drifts, runs `python -m checker DIR --live-check off --json out.json` in a subprocess
for about 1k, 5k and 20k files, and prints seconds, peak RSS and MOD001 counts against the targets
of issue 4: 5,001 files in at most 2 s and 150 MB, and linear growth.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENVIRONMENTS = ("development", "staging", "production")
MODEL = "claude-sonnet-4-6"
DRIFT_MODEL = "claude-opus-4-6"
DRIFTS = 10
TARGET_FILES = 5001
TARGET_SECONDS = 2.0
TARGET_MB = 150.0
LINEAR_TOLERANCE = 1.5  # s per 1k files at the largest size may exceed the smallest by this factor

TEMPLATE = """\
# {service} ({environment})
service:
  name: {service}
  owner: team-{team}
  port: {port}
  replicas: {replicas}
  timeout_seconds: 30
llm:
  provider: anthropic
  model: {model}
  max_tokens: 16000
  temperature: 0.2
  fallback_models:
    - claude-haiku-4-5-20251001
logging:
  level: {level}
  format: json
  sinks:
    - stdout
database:
  host: db-{team}.internal
  port: 5432
  pool: 10
  ssl: true
features:
  beta: false
  cache_ttl: 600
  region: us-east-1
retry:
  attempts: 3
  backoff: 1.5
"""


def drift_services(count: int) -> set[int]:
    """Which services run another model in production: evenly spread, deterministic."""
    return {index * count // DRIFTS for index in range(DRIFTS)} if count >= DRIFTS else set()


def generate(root: Path, services: int) -> int:
    """Write the monorepo; returns the number of config files."""
    drifted = drift_services(services)
    levels = {"development": "debug", "staging": "info", "production": "warning"}
    for index in range(services):
        name = f"svc-{index:04d}"
        folder = root / "services" / name / "config"
        folder.mkdir(parents=True)
        for environment in ENVIRONMENTS:
            drift = environment == "production" and index in drifted
            text = TEMPLATE.format(
                service=name,
                environment=environment,
                team=index % 17,
                port=8000 + index % 1000,
                replicas=3 if environment == "production" else 1,
                model=DRIFT_MODEL if drift else MODEL,
                level=levels[environment],
            )
            (folder / f"{environment}.yaml").write_text(text)
    return services * len(ENVIRONMENTS)


def run_once(root: Path) -> tuple[float, float, int, int]:
    """One CLI run: seconds, peak RSS in MB, MOD001 count, exit code."""
    report = root.parent / "report.json"
    env = {key: value for key, value in os.environ.items() if key in ("PATH", "HOME", "LANG")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    command = [sys.executable, "-m", "checker", str(root), "--live-check", "off"]
    command += ["--json", str(report)]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)  # this child's own peak RSS, not the max so far
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    peak_kb = usage.ru_maxrss
    findings = json.loads(report.read_text())["findings"] if report.exists() else []
    drifts = sum(1 for finding in findings if finding["code"] == "MOD001")
    return seconds, peak_kb / 1024, drifts, process.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, nargs="*", default=[334, 1667, 6667])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is kept")
    args = parser.parse_args()
    rows: list[tuple[int, float, float, int]] = []
    verdicts: list[bool] = []
    for services in sorted(args.services):
        with tempfile.TemporaryDirectory(prefix="preflight-scale-") as temp:
            root = Path(temp) / "monorepo"
            files = generate(root, services)
            runs = [run_once(root) for _ in range(args.repeat)]
        seconds = min(run[0] for run in runs)
        peak_mb = max(run[1] for run in runs)
        drifts = runs[0][2]
        rows.append((files, seconds, peak_mb, drifts))
        print(
            f"{files:>7} files  {seconds:6.2f} s  {peak_mb:7.1f} MB  "
            f"{seconds / files * 1000:5.3f} s/1k files  MOD001={drifts} (want {DRIFTS})"
        )
        if files == TARGET_FILES:
            verdicts.append(seconds <= TARGET_SECONDS and peak_mb <= TARGET_MB)
            verdicts.append(drifts == DRIFTS)
    if len(rows) >= 2:
        per_k = [seconds / files * 1000 for files, seconds, _, _ in rows]
        verdicts.append(per_k[-1] <= per_k[0] * LINEAR_TOLERANCE)
    passed = all(verdicts)
    print(
        f"targets: {TARGET_FILES} files <= {TARGET_SECONDS} s and <= {TARGET_MB} MB, "
        f"exactly {DRIFTS} MOD001, linear growth: {'PASS' if passed else 'FAIL'}"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
