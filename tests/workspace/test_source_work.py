"""Source files read by worker processes give the very scan one process gives, and a worker
that dies or hangs costs speed or a CFG003 notice, never a finding."""

from __future__ import annotations

import errno
import multiprocessing
import os
import shutil
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.scan import discovery, source_work
from checker.scan.discovery import scan_workspace
from checker.scan.source_work import CHUNK_FILES, SourceJob, SourceResult, SourceWork
from checker.settings import Settings
from checker.workspace.model import WorkspaceScan

REQUESTS = Path(__file__).parents[1] / "fixtures" / "requests"
SERVICES = 6


@pytest.fixture(scope="module")
def monorepo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Services built the way the request fixtures are, each with its own helpdesk package
    (a constants module, calls that import it), and two files the Python reader cannot parse."""
    root = tmp_path_factory.mktemp("monorepo")
    for index in range(SERVICES):
        for fixture in ("python_broken", "python_clean", "typescript_broken", "typescript_clean"):
            shutil.copytree(REQUESTS / fixture, root / "services" / f"svc{index:02}-{fixture}")
    legacy = root / "services" / "legacy" / "src"
    legacy.mkdir(parents=True)
    (legacy / "claude_py2.py").write_text(
        'import anthropic\nprint "calling claude-3-opus-20240229"\n'
        'client.messages.create(model="claude-3-opus-20240229", max_tokens=100)\n'
    )
    (legacy / "prompt_template.py").write_text(
        "from anthropic import Anthropic\n{% if claude %}MODEL = '{{ claude_model }}'{% endif %}\n"
        "Anthropic().messages.create(model=MODEL, max_tokens={{ limit }})\n"
    )
    return root


def _scan(root: Path, workers: int) -> WorkspaceScan:
    return scan_workspace(Settings(workspace=root, config_path=None), workers=workers)


def _source_jobs(root: Path) -> int:
    seen: list[SourceJob] = []
    submit = SourceWork.submit

    def counting(self: SourceWork, job: SourceJob) -> None:
        seen.append(job)
        submit(self, job)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(SourceWork, "submit", counting)
        _scan(root, 0)
    return len(seen)


def _record_pids(monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
    """Every process that reads a file notes its pid and what it does on Ctrl-C (a forked
    worker inherits the patch)."""
    read_source = source_work.read_source

    def noting(job: SourceJob) -> SourceResult:
        with log.open("a") as out:
            interrupt = "ignored" if signal.getsignal(signal.SIGINT) == signal.SIG_IGN else "raised"
            out.write(f"{os.getpid()} {interrupt}\n")
        return read_source(job)

    monkeypatch.setattr(source_work, "read_source", noting)


def test_the_fixture_is_several_chunks(monorepo: Path) -> None:
    assert _source_jobs(monorepo) > 4 * CHUNK_FILES


def test_workers_give_the_same_scan_as_one_process(
    monorepo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = _scan(monorepo, 0)
    log = tmp_path / "pids"
    _record_pids(monkeypatch, log)
    shared = _scan(monorepo, 2)
    readers = set(log.read_text().splitlines())
    assert readers - {f"{os.getpid()} raised"}, "no worker process read a chunk"
    assert all(line.endswith(" ignored") for line in readers - {f"{os.getpid()} raised"})
    assert shared == alone
    assert len(alone.call_sites) > 40
    unchecked = {f.file for f in alone.findings if f.code == "CFG003"}
    assert {
        "services/legacy/src/claude_py2.py",
        "services/legacy/src/prompt_template.py",
    } <= unchecked
    imported = [
        site.model for site in alone.call_sites if site.model and site.model.via == "ANSWER_MODEL"
    ]
    # every service's llm.py and claude.ts import it from its own config.py or models.ts
    assert len(imported) == 4 * SERVICES
    assert {model.value for model in imported} == {"claude-opus-5"}


def _in_worker(parent: int, action: Callable[[], None]) -> Callable[[SourceJob], SourceResult]:
    """`read_source`, but a worker process does `action` first."""
    read_source = source_work.read_source

    def reading(job: SourceJob) -> SourceResult:
        if os.getpid() != parent:
            action()
        return read_source(job)

    return reading


def test_a_worker_that_dies_costs_only_speed(
    monorepo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = _scan(monorepo, 0)
    died = tmp_path / "died"

    def die() -> None:
        died.touch()
        os._exit(3)

    monkeypatch.setattr(source_work, "read_source", _in_worker(os.getpid(), die))
    assert _scan(monorepo, 1) == alone
    assert died.exists()


def test_a_fork_that_fails_costs_only_speed(
    monorepo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process limit lets the first worker start and refuses the second: the scan is the
    same, and the worker that did start does not outlive it (the interpreter would wait)."""
    alone = _scan(monorepo, 0)
    real_fork, forks = os.fork, []

    def limited() -> int:
        forks.append(1)
        if len(forks) > 1:
            raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")
        return real_fork()

    monkeypatch.setattr(os, "fork", limited)
    assert _scan(monorepo, 2) == alone
    assert len(forks) == 2
    for child in multiprocessing.active_children():
        child.join(timeout=10)
    assert multiprocessing.active_children() == []


def test_a_worker_past_the_time_budget_is_a_notice(
    monorepo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(discovery, "SCAN_BUDGET_SECONDS", 1.0)
    started = time.monotonic()

    def stall() -> None:  # until 3 s after the start, then the worker is done quickly
        time.sleep(max(0.0, started + 3 - time.monotonic()))

    monkeypatch.setattr(source_work, "read_source", _in_worker(os.getpid(), stall))
    scan = _scan(monorepo, 1)
    assert time.monotonic() - started < 2.5  # the wait ended at the budget, not the worker
    stopped = [f for f in scan.findings if f.details.get("reason") == "time budget"]
    assert [f.code for f in stopped] == ["CFG003"]
    assert f"of {scan.files_listed} files were read, the rest were not." in stopped[0].message
    assert len(scan.call_sites) < len(_scan(monorepo, 0).call_sites)
    for thread in threading.enumerate():  # the pool's thread ends with the worker's last chunk
        if thread is not threading.main_thread():
            thread.join(timeout=30)
    assert threading.active_count() == 1
