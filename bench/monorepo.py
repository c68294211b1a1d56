#!/usr/bin/env python3
"""Monorepo bench: every tracked file of a generated monorepo, next to the `llm-sunset` peer.

`python bench/monorepo.py` writes, in a temporary folder, a git work tree of N tracked files
(default 2,000 and 20,000): 60% source in Python, TypeScript, Go, Java and Ruby, 25% config (YAML,
JSON, TOML, .env, tfvars), 10% docs and tests, 5% vendored code. Exactly 200 Claude model
references sit in runtime source and config, 20 of them retired; docs, tests and vendored code
mention retired models too, and must stay quiet. It then runs, round-robin, the installed
`claude-preflight TREE --live-check off --json OUT` and (when found) `llm-sunset scan --offline`,
and prints best and median wall time, the child's peak RSS, time per 1k files, how many of the 20
retired references each found and how many errors or warnings each raised in docs, tests and
vendored code. `--call-sites N` (default 2,000) spreads N Claude API calls over the runtime Python
and TypeScript files (`client.messages.create(...)`, `anthropic.messages.create({...})`); every
tenth sends `temperature` to a 4.7+ model, which must be exactly that many REQ001 errors. Targets:
at 20,000 files at most 1.5 s and 200 MB, exactly the 20 MOD003 and the REQ001 errors, no noise,
and time per file flat between the sizes. Exit code 0 when every target is met, 1 if not.

`--keep DIR` writes each tree to `DIR/N-files` (replaced if there) and leaves it there, to
profile or rerun by hand.

    python bench/monorepo.py [--files 2000 20000] [--call-sites 2000] [--runs 5] [--peer PATH]
                             [--keep DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "checker" / "models" / "ids" / "catalog.json"
DEFAULT_PEER = ROOT / "bench" / ".peer-venv" / "bin" / "llm-sunset"
API_KEY = "sk-ant-api03-" + "a" * 93 + "AA"  # well formed, so the secrets checks pass
REFERENCES = 200
RETIRED_REFERENCES = 20
CALL_SITES = 2_000
CALLS_PER_FILE = 4
BROKEN_CALL_EVERY = 10  # every tenth call sends `temperature` to a 4.7+ model: REQ001
TARGET_FILES = 20_000
TARGET_SECONDS = 1.5
TARGET_MB = 200.0
FLAT_TOLERANCE = 1.5  # ms per 1k files at the largest size may exceed the smallest by this factor
WARMUP_RUNS = 1
QUIET_PREFIXES = ("docs/", "tests/", "vendor/", "third_party/")

WORDS = (
    "billing", "invoice", "ledger", "search", "ranking", "profile", "session", "audit", "notify",
    "report", "export", "catalog", "pricing", "summary", "chat", "ticket", "review", "upload",
    "webhook", "quota",
)  # fmt: skip

# runtime files: (kind, path pattern, template); `@REF@` is the line a reference may take
PYTHON = '''"""@TITLE@ for the @SVC@ service: small, typed and easy to test."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

@REF@
TIMEOUT_SECONDS = @N@


@dataclass
class @CLASS@:
    """One @WORD@ item as the queue hands it over."""

    key: str
    attempts: int = 0
    tags: list[str] = field(default_factory=list)

    def should_retry(self) -> bool:
        return self.attempts < 3


def load_@WORD@(raw: dict[str, str]) -> @CLASS@:
    key = raw.get("key", "")
    if not key:
        raise ValueError("missing key")
    log.debug("loaded %s", key)
    return @CLASS@(key=key, tags=raw.get("tags", "").split(","))
'''
TYPESCRIPT = """import { z } from "zod";

export const @WORD@Schema = z.object({
  id: z.string(),
  count: z.number().int().nonnegative(),
});

export type @CLASS@ = z.infer<typeof @WORD@Schema>;

export const @WORD@Config = {
@REF@
  retries: @N@,
  timeoutMs: 30000,
};

export function parse@CLASS@(input: unknown): @CLASS@ {
  return @WORD@Schema.parse(input);
}
"""
GO = """package @PKG@

import (
	"context"
	"errors"
	"time"
)

@REF@

// ErrEmpty is returned when a @WORD@ item has no payload.
var ErrEmpty = errors.New("@WORD@: empty payload")

type @CLASS@ struct {
	ID      string
	Payload []byte
	Created time.Time
}

func Handle@CLASS@(ctx context.Context, item @CLASS@) error {
	if len(item.Payload) == 0 {
		return ErrEmpty
	}
	ctx, cancel := context.WithTimeout(ctx, @N@*time.Second)
	defer cancel()
	return ctx.Err()
}
"""
JAVA = """package com.acme.@PKG@;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

public final class @CLASS@ {
@REF@
    private static final Duration TIMEOUT = Duration.ofSeconds(@N@);

    private final String id;
    private final List<String> tags;

    public @CLASS@(String id, List<String> tags) {
        this.id = Objects.requireNonNull(id);
        this.tags = List.copyOf(tags);
    }

    public boolean tagged(String tag) {
        return tags.contains(tag);
    }
}
"""
RUBY = """# frozen_string_literal: true

class @CLASS@Service
@REF@
  TIMEOUT = @N@

  def initialize(client:, logger: Rails.logger)
    @client = client
    @logger = logger
  end

  def call(record)
    return if record.nil?

    @logger.info("processing #{record.id}")
    @client.post("/@WORD@", record.to_h)
  end
end
"""
YAML = """service: @SVC@
owner: team-@N@
replicas: 2
llm:
  provider: anthropic
@REF@
  max_tokens: 4096
  temperature: 0.2
logging:
  level: info
  format: json
"""
JSON = """{
  "name": "@SVC@-@WORD@",
  "version": "1.@N@.0",
  "llm": {
@REF@
    "maxTokens": 4096
  },
  "features": {"beta": false, "cacheTtl": 600}
}
"""
TOML = """[service]
name = "@SVC@-@WORD@"
port = 8@N@

[llm]
@REF@
max_tokens = 4096

[logging]
level = "info"
"""
DOTENV = """# @SVC@ @WORD@ job
LOG_LEVEL=info
PORT=80@N@
@REF@
FEATURE_BETA=false
"""
TFVARS = """service        = "@SVC@-@WORD@"
instance_count = @N@
@REF@
tags = {
  team = "platform"
}
"""
RUNTIME: dict[str, tuple[str, str, str]] = {  # kind: (path, template, line without a reference)
    "py": ("services/@SVC@/src/@PKG@/@WORD@_@I@.py", PYTHON,
           'REGION = os.environ.get("AWS_REGION", "us-east-1")'),
    "ts": ("apps/web-@S@/src/@WORD@/@WORD@@I@.ts", TYPESCRIPT, '  region: "us-east-1",'),
    "go": ("services/@SVC@/internal/@WORD@/@WORD@_@I@.go", GO, 'const defaultRegion = "us-east-1"'),
    "java": ("services/@SVC@/src/main/java/com/acme/@PKG@/@CLASS@.java", JAVA,
             '    private static final String REGION = "us-east-1";'),
    "rb": ("services/@SVC@/app/services/@WORD@_@I@_service.rb", RUBY, '  REGION = "us-east-1"'),
    "yaml": ("services/@SVC@/config/@WORD@-@I@.yaml", YAML, "  timeout_seconds: 30"),
    "json": ("services/@SVC@/config/@WORD@-@I@.json", JSON, '    "region": "us-east-1",'),
    "toml": ("services/@SVC@/@WORD@-@I@.toml", TOML, 'region = "us-east-1"'),
    "env": ("services/@SVC@/jobs/@WORD@-@I@/.env", DOTENV, "AWS_REGION=us-east-1"),
    "tfvars": ("infra/stacks/@WORD@-@I@/terraform.tfvars", TFVARS, 'region = "us-east-1"'),
}  # fmt: skip
SOURCE_KINDS = ("py", "ts", "go", "java", "rb")
CONFIG_KINDS = ("yaml", "json", "toml", "env", "tfvars")
# the shapes real projects use; each holds one model ID where `@REF@` stands
SHAPES: tuple[tuple[str, str], ...] = (
    ("py", 'MODEL = "@ID@"'),
    ("py", 'MODEL = os.getenv("CLAUDE_MODEL", "@ID@")'),
    ("ts", '  model: "@ID@",'),
    ("go", 'const defaultModel = "@ID@"'),
    ("java", '    private static final String MODEL = "@ID@";'),
    ("rb", '  MODEL = ENV.fetch("CLAUDE_MODEL", "@ID@")'),
    ("yaml", "  model: @ID@"),
    ("json", '    "model": "@ID@",'),
    ("toml", 'model = "@ID@"'),
    ("env", "ANTHROPIC_MODEL=@ID@"),
    ("tfvars", 'claude_model = "@ID@"'),
)
# non-runtime files: (path, text); every third one mentions a retired model where `@MENTION@` is
QUIET: tuple[tuple[str, str, str], ...] = (
    ("docs/@WORD@-@I@.md", "# @TITLE@\n\nHow the @SVC@ service handles @WORD@ requests.\n\n"
     "## Configuration\n\nSet `LOG_LEVEL` and `PORT` in the job's `.env`.\n@MENTION@\n",
     "\nWe moved off `@ID@` when it was retired; see the changelog.\n"),
    ("tests/test_@WORD@_@I@.py",
     "import pytest\n\n\n@pytest.mark.parametrize(\"attempts\", [0, 1])\n"
     "def test_@WORD@_retries(attempts: int) -> None:\n    assert attempts < 3\n@MENTION@",
     '\n\ndef test_a_retired_model_is_refused() -> None:\n    MODEL = "@ID@"\n'
     '    assert MODEL.startswith("claude-")\n'),
    ("apps/web-@S@/src/@WORD@/__tests__/@WORD@@I@.test.ts",
     'import { describe, expect, it } from "vitest";\n\ndescribe("@WORD@", () => {\n'
     '  it("parses", () => {\n    expect(1 + 1).toBe(2);\n  });\n@MENTION@});\n',
     '  const legacy = { model: "@ID@" };\n  it("rejects legacy", () => {\n'
     "    expect(legacy.model).toContain(\"claude\");\n  });\n"),
    ("vendor/github.com/acme-oss/llmkit/@WORD@_@I@.go",
     "package llmkit\n\n// Known identifiers.\nconst (\n\tName@I@ = \"@WORD@\"\n@MENTION@)\n",
     '\tLegacyModel@I@ = "@ID@"\n'),
    ("third_party/anthropic_compat/@WORD@_@I@.py",
     '"""Vendored helpers."""\n\nNAME = "@WORD@"\n@MENTION@', 'LEGACY_MODEL = "@ID@"\n'),
)  # fmt: skip
GITIGNORE = "node_modules/\ndist/\n__pycache__/\n*.pyc\n.terraform/\n"
# Claude API calls appended to runtime Python and TypeScript files; `@EXTRA@` is `temperature`
# on a broken call, else nothing. The imports go first in the block (valid anywhere at the top
# level); the temperature line's offset in the block is where REQ001 must point.
PYTHON_CALLS = (
    "\n\nimport anthropic\n\n_client = anthropic.Anthropic()\n",
    """

def ask_@K@(prompt: str) -> str:
    \"\"\"One @WORD@ question to Claude.\"\"\"
    reply = _client.messages.create(
        model="@MODEL@",
        max_tokens=1024,
@EXTRA@        system="You answer questions about @WORD@ records.",
        messages=[{"role": "user", "content": prompt}],
    )
    return reply.content[0].text
""",
    "        temperature=0.2,\n",
)
TYPESCRIPT_CALLS = (
    '\nimport Anthropic from "@anthropic-ai/sdk";\n\nconst anthropic = new Anthropic();\n',
    """
export async function ask@K@(prompt: string): Promise<string> {
  const reply = await anthropic.messages.create({
    model: "@MODEL@",
    max_tokens: 1024,
@EXTRA@    messages: [{ role: "user", content: prompt }],
  });
  const block = reply.content[0];
  return block.type === "text" ? block.text : "";
}
""",
    "    temperature: 0.2,\n",
)
CALL_BLOCKS = {"py": PYTHON_CALLS, "ts": TYPESCRIPT_CALLS}


@dataclass
class Truth:
    """What the generated tree holds, to check each tool's answer against."""

    files: int = 0
    references: int = 0
    retired_at: set[tuple[str, int]] = field(default_factory=set)
    mentions: int = 0
    calls: int = 0
    broken_calls_at: set[tuple[str, int]] = field(default_factory=set)


def catalog_ids(today: datetime.date) -> tuple[list[str], list[str]]:
    """Retired IDs (date passed or status retired) and active pinned IDs with nothing pending."""
    models: list[dict[str, Any]] = json.loads(CATALOG.read_text())["models"]
    retired, active = [], []
    for model in models:
        retirement = model.get("retirement")
        if model["status"] == "retired" or (retirement and retirement < today.isoformat()):
            retired.append(str(model["id"]))
        elif (
            model["status"] == "active"
            and model.get("pinned")
            and not model.get("deprecated")
            and not retirement
            and (model.get("retirement_not_before") or "9999") > today.isoformat()
        ):
            active.append(str(model["id"]))
    return sorted(retired), sorted(active)


def fill(pattern: str, index: int, services: int, **extra: str) -> str:
    word = WORDS[index % len(WORDS)]
    service = f"svc-{index % services:03d}"
    words = {  # a reference or mention goes in first: its own placeholders are filled after
        **extra,
        "@WORD@": word,
        "@CLASS@": f"{word.capitalize()}{index}",
        "@TITLE@": f"{word.capitalize()} handling",
        "@SVC@": service,
        "@PKG@": service.replace("-", "_"),
        "@S@": str(index % max(services // 10, 1)),
        "@I@": str(index),
        "@N@": str(10 + index % 80),
    }
    for name, value in words.items():
        pattern = pattern.replace(name, value)
    return pattern


def spread_calls(by_kind: dict[str, list[int]], calls: int, per_file: int) -> dict[int, int]:
    """Runtime Python and TypeScript file number -> how many calls it holds: `per_file` each (a
    service's Claude client module holds a few), half the files of each language, round-robin
    once every file holds its share."""
    holders = [number for kind in CALL_BLOCKS for number in by_kind.get(kind, [])]
    holders.sort(key=lambda number: (number % 7, number))  # spread, not the first N in a row
    used = holders[: max(1, -(-calls // max(per_file, 1)))] if holders else []
    counts: dict[int, int] = {}
    for index in range(calls if used else 0):
        number = used[index % len(used)]
        counts[number] = counts.get(number, 0) + 1
    return counts


def call_block(
    kind: str, number: int, count: int, first: int, models: list[str]
) -> tuple[str, list[int]]:
    """The calls appended to one file, and the block-relative lines of their `temperature`."""
    header, body, extra = CALL_BLOCKS[kind]
    extra_row = body.split("\n").index(next(r for r in body.split("\n") if r.startswith("@EXTRA@")))
    text, broken = header, []
    for offset in range(count):
        index = first + offset
        chunk = body.replace("@K@", f"{number}_{offset}")
        chunk = chunk.replace("@MODEL@", models[index % len(models)])
        if index % BROKEN_CALL_EVERY == 0:
            broken.append(text.count("\n") + extra_row + 1)
            chunk = chunk.replace("@EXTRA@", extra)
        else:
            chunk = chunk.replace("@EXTRA@", "")
        text += chunk
    return text, broken


def place_references(
    by_kind: dict[str, list[int]],
    rng: random.Random,
    retired: list[str],
    active: list[str],
    files: int,
) -> dict[int, tuple[str, str]]:
    """File number -> (reference line, model ID): the shapes spread evenly, every tenth
    reference a retired model."""
    holders: dict[int, tuple[str, str]] = {}  # file number -> (reference line, model ID)
    share, extra = divmod(REFERENCES, len(SHAPES))
    per_shape = [share + (index < extra) for index in range(len(SHAPES))]
    taken: dict[str, set[int]] = {}
    for shape_index, (kind, line) in enumerate(SHAPES):
        free = [n for n in by_kind[kind] if n not in taken.setdefault(kind, set())]
        if len(free) < per_shape[shape_index]:
            raise SystemExit(f"--files {files} is too small for {REFERENCES} references")
        for number in rng.sample(free, per_shape[shape_index]):
            taken[kind].add(number)
            holders[number] = (line, "")
    for order, number in enumerate(sorted(holders)):  # every 10th reference is a retired model
        pool = retired if order % (REFERENCES // RETIRED_REFERENCES) == 0 else active
        holders[number] = (holders[number][0], pool[order % len(pool)])
    return holders


def generate(
    root: Path,
    files: int,
    seed: int,
    today: datetime.date,
    *,
    calls: int = CALL_SITES,
    per_file: int = CALLS_PER_FILE,
) -> Truth:
    """Write the tree (`files` tracked files plus an ignored `dist/`) and say what it holds."""
    rng = random.Random(seed)
    retired, active = catalog_ids(today)
    services = max(files // 100, 10)
    source, config = round(files * 0.60), round(files * 0.25)
    quiet = files - source - config - 1  # docs and tests (10%) then vendored (5%); .gitignore
    docs_tests = round(files * 0.10)
    kinds = [SOURCE_KINDS[i % 5] for i in range(source)]
    kinds += [CONFIG_KINDS[i % 5] for i in range(config)]
    by_kind: dict[str, list[int]] = {}
    for number, kind in enumerate(kinds):
        by_kind.setdefault(kind, []).append(number)
    holders = place_references(by_kind, rng, retired, active, files)
    truth = Truth(files=files, references=len(holders))
    call_counts = spread_calls(by_kind, calls, per_file)
    calls_made = 0
    made: set[Path] = set()

    def write(relative: str, text: str) -> None:
        path = root / relative
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(text)

    for number, kind in enumerate(kinds):
        path_pattern, template, plain = RUNTIME[kind]
        line, model = holders.get(number, (plain, ""))
        relative = fill(path_pattern, number, services)
        count = call_counts.get(number, 0)
        if count:
            block, broken = call_block(kind, number, count, calls_made, active)
            truth.broken_calls_at |= {(relative, template.count("\n") + row) for row in broken}
            calls_made += count
            template += block
        text = fill(template, number, services, **{"@REF@": line.replace("@ID@", model)})
        if model in retired:
            truth.retired_at.add((relative, template.split("\n").index("@REF@") + 1))
        write(relative, text)
    for index in range(quiet):
        group = QUIET[index % 3] if index < docs_tests else QUIET[3 + index % 2]
        path_pattern, template, mention = group
        said = ""
        if index % 3 == 0:
            said = mention.replace("@ID@", retired[index % len(retired)])
            truth.mentions += 1
        text = fill(template, index, services, **{"@MENTION@": said})
        write(fill(path_pattern, index, services), text)
    write(".gitignore", GITIGNORE)
    write("dist/bundle.js", f'export const model = "{retired[0]}";\n')  # ignored: never read
    truth.calls = calls_made
    return truth


def git_add(root: Path) -> None:
    """The gate lists `git ls-files -co --exclude-standard`: an index is enough, no commit."""
    for command in (["git", "init", "-q"], ["git", "add", "-A"]):
        subprocess.run(command, cwd=root, check=True, stdout=subprocess.DEVNULL)
    listed = subprocess.run(["git", "ls-files"], cwd=root, check=True, capture_output=True)
    print(f"  git tracks {len(listed.stdout.splitlines())} files", flush=True)


def quiet_path(path: str) -> bool:
    return path.startswith(QUIET_PREFIXES) or "/__tests__/" in path


@dataclass
class Outcome:
    """What one tool reported, reduced to the bench's questions."""

    retired_found: int = 0  # at the places the tree holds retired references
    retired_elsewhere: int = 0  # retired reported at any other runtime place
    noise: int = 0  # errors and warnings in docs, tests and vendored code
    note: str = ""
    broken_expected: int = 0  # calls that send `temperature` to a 4.7+ model
    broken_found: int = 0  # REQ001 errors at those `temperature` arguments
    broken_elsewhere: int = 0  # REQ001 or REQ002 errors anywhere else


@dataclass
class Tool:
    """One command of the bench, how to read its answer, and its runs."""

    name: str
    argv: list[str]
    cwd: Path
    output: Path
    read: Callable[[Path, Truth], Outcome]
    to_stdout: bool = False
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    def run_once(self) -> None:
        """One run: wall time and this child's own peak RSS (`wait4`, not the max so far)."""
        env = {key: value for key, value in os.environ.items() if key in ("PATH", "HOME", "LANG")}
        env.update(ANTHROPIC_API_KEY=API_KEY, NO_COLOR="1")
        self.output.unlink(missing_ok=True)
        with self.output.open("wb") if self.to_stdout else open(os.devnull, "wb") as sink:
            started = time.perf_counter()
            process = subprocess.Popen(
                self.argv, cwd=self.cwd, env=env, stdout=sink, stderr=subprocess.DEVNULL
            )
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):
            raise SystemExit(f"{self.name} exited {process.returncode}: {' '.join(self.argv)}")
        self.seconds.append(elapsed)
        self.peak_mb.append(usage.ru_maxrss / 1024)


def read_preflight(report: Path, truth: Truth) -> Outcome:
    if not report.exists():
        return Outcome(note="no JSON report written")
    findings: list[dict[str, Any]] = json.loads(report.read_text())["findings"]
    outcome = Outcome(broken_expected=len(truth.broken_calls_at))
    codes = Counter(f"{item['code']}:{item['severity']}" for item in findings)
    outcome.note = ", ".join(f"{code} x{count}" for code, count in sorted(codes.items()))
    for item in findings:
        file, severity = item.get("file") or "", item["severity"]
        if quiet_path(file):
            outcome.noise += severity in ("error", "warning")
        elif item["code"].startswith("REQ") and severity == "error":
            if item["code"] == "REQ001" and (file, item.get("line")) in truth.broken_calls_at:
                outcome.broken_found += 1
            else:
                outcome.broken_elsewhere += 1
        elif item["code"] == "MOD003" and severity == "error":
            if (file, item.get("line")) in truth.retired_at:
                outcome.retired_found += 1
            else:
                outcome.retired_elsewhere += 1
    if "TOOL001:error" in codes:
        outcome.note += "  <- the gate crashed; run it by hand on a tree to see why"
    return outcome


def read_peer(report: Path, truth: Truth) -> Outcome:
    findings: list[dict[str, Any]] = json.loads(report.read_text() or "{}").get("findings", [])
    outcome = Outcome()
    statuses = Counter(f"{item.get('status')}:{item.get('severity')}" for item in findings)
    outcome.note = f"{len(findings)} findings: " + ", ".join(
        f"{status} x{count}" for status, count in sorted(statuses.items())
    )
    for item in findings:
        file = str(item.get("path", "")).removeprefix("./")
        if quiet_path(file):
            outcome.noise += item.get("severity") in ("error", "warning")
        elif item.get("status") == "retired":
            if (file, item.get("line")) in truth.retired_at:
                outcome.retired_found += 1
            else:
                outcome.retired_elsewhere += 1
    return outcome


def find_peer(given: str | None) -> Path | None:
    if given:
        return Path(given) if Path(given).exists() else None
    if DEFAULT_PEER.exists():
        return DEFAULT_PEER
    found = shutil.which("llm-sunset")
    return Path(found) if found else None


@dataclass(frozen=True)
class Row:
    files: int
    tool: str
    best: float
    median: float
    peak_mb: float
    outcome: Outcome

    @property
    def ms_per_1k(self) -> float:
        return self.best * 1000 / (self.files / 1000)


def scratch_folder(files: int, keep: Path | None) -> contextlib.AbstractContextManager[str]:
    """A temporary folder, or with `--keep` one that stays for profiling."""
    if keep is None:
        return tempfile.TemporaryDirectory(prefix="preflight-monorepo-")
    folder = keep / f"{files}-files"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return contextlib.nullcontext(str(folder))


def bench_size(
    files: int,
    runs: int,
    peer: Path | None,
    seed: int,
    calls: tuple[int, int],
    *,
    keep: Path | None = None,
) -> list[Row]:
    with scratch_folder(files, keep) as folder:
        scratch = Path(folder)
        tree = scratch / "monorepo"
        started = time.perf_counter()
        truth = generate(
            tree, files, seed, datetime.date.today(), calls=calls[0], per_file=calls[1]
        )
        seconds = time.perf_counter() - started
        holders = len({path for path, _ in truth.broken_calls_at})
        print(f"{files} files: {truth.references} references ({len(truth.retired_at)} retired), "
              f"{truth.calls} API calls, up to {calls[1]} a file ({len(truth.broken_calls_at)} "
              f"in {holders} files send `temperature` to a 4.7+ model), {truth.mentions} quiet "
              f"mentions, written in {seconds:.1f} s")  # fmt: skip
        git_add(tree)
        preflight = str(Path(sys.executable).parent / "claude-preflight")
        report = scratch / "preflight.json"
        tools = [
            Tool("claude-preflight", [preflight, str(tree), "--live-check", "off", "--json",
                 str(report)], scratch, report, read_preflight),
        ]  # fmt: skip
        if peer is not None:
            argv = [str(peer), "scan", "--offline", "--format", "json", "--color", "never", "."]
            tools.append(Tool("llm-sunset", argv, tree, scratch / "peer.json", read_peer, True))
        for _ in range(WARMUP_RUNS):
            for tool in tools:
                tool.run_once()
                tool.seconds.clear()
                tool.peak_mb.clear()
        for _ in range(runs):  # round-robin, so machine load hits every tool alike
            for tool in tools:
                tool.run_once()
        return [
            Row(files, tool.name, min(tool.seconds), statistics.median(tool.seconds),
                max(tool.peak_mb), tool.read(tool.output, truth))
            for tool in tools
        ]  # fmt: skip


def report(rows: list[Row]) -> bool:
    print(f"\n{'files':>7}  {'tool':<17}{'best s':>7}{'median s':>10}{'peak MB':>9}"
          f"{'ms/1k files':>13}{'retired found':>15}{'REQ001 found':>14}"
          f"{'noise in docs/tests':>21}")  # fmt: skip
    for row in rows:
        found = f"{row.outcome.retired_found}/{RETIRED_REFERENCES}"
        if row.outcome.retired_elsewhere:
            found += f" +{row.outcome.retired_elsewhere}"
        broken = f"{row.outcome.broken_found}/{row.outcome.broken_expected}"
        if row.outcome.broken_elsewhere:
            broken += f" +{row.outcome.broken_elsewhere}"
        if row.tool != "claude-preflight":
            broken = "-"
        print(f"{row.files:>7}  {row.tool:<17}{row.best:7.2f}{row.median:10.2f}{row.peak_mb:9.1f}"
              f"{row.ms_per_1k:13.1f}{found:>15}{broken:>14}{row.outcome.noise:>21}")  # fmt: skip
    print()
    for row in rows:
        print(f"{row.files:>7}  {row.tool}: {row.outcome.note or 'no findings'}")
    ours = [row for row in rows if row.tool == "claude-preflight"]
    verdicts = [
        row.outcome.retired_found == RETIRED_REFERENCES
        and not row.outcome.retired_elsewhere
        and row.outcome.broken_found == row.outcome.broken_expected
        and not row.outcome.broken_elsewhere
        and not row.outcome.noise
        for row in ours
    ]
    verdicts += [row.best <= TARGET_SECONDS and row.peak_mb <= TARGET_MB
                 for row in ours if row.files == TARGET_FILES]  # fmt: skip
    if len(ours) >= 2:
        verdicts.append(ours[-1].ms_per_1k <= ours[0].ms_per_1k * FLAT_TOLERANCE)
    passed = all(verdicts)
    print(
        f"\ntargets: {TARGET_FILES} files <= {TARGET_SECONDS} s and <= {TARGET_MB:g} MB, exactly "
        f"{RETIRED_REFERENCES} MOD003 errors at the retired references and one REQ001 error per "
        "broken call, no error or warning in "
        f"docs/tests/vendor, flat time per file: {'PASS' if passed else 'FAIL'}"
    )
    return passed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, nargs="+", default=[2_000, TARGET_FILES])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per tool and size")
    parser.add_argument(
        "--call-sites",
        type=int,
        default=CALL_SITES,
        help="Claude API calls in the Python and TS files",
    )
    parser.add_argument(
        "--calls-per-file",
        type=int,
        default=CALLS_PER_FILE,
        help="calls in each file that holds any (1: every call in a file of its own)",
    )
    parser.add_argument("--peer", help="llm-sunset executable (default: bench/.peer-venv, PATH)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the trees here and leave them")
    arguments = parser.parse_args(argv)
    peer = find_peer(arguments.peer)
    if peer is None:
        print("llm-sunset not found: the peer rows are skipped. Install it with\n"
              "  python3 -m venv bench/.peer-venv && bench/.peer-venv/bin/pip install llm-sunset\n"
              "or pass --peer PATH.\n")  # fmt: skip
    rows: list[Row] = []
    for files in sorted(arguments.files):
        calls = (arguments.call_sites, arguments.calls_per_file)
        rows += bench_size(files, arguments.runs, peer, arguments.seed, calls, keep=arguments.keep)
    return 0 if report(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
