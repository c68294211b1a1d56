"""The heavy part of the pass, reading source files for literals and calls, spread over CPUs.

Reading a source file (its string literals, its Claude API calls with `ast` or the lexer) is pure
work on text already in hand, and in a monorepo it is half the pass. Where it is safe and cheap,
the pass hands it to forked worker processes a chunk of files at a time and goes on listing and
reading; the chunks no worker has taken when the listing is done, the pass reads itself. Results
come back in the order the files were met whether workers ran or not, so the report is the same
either way. Safe and cheap means Linux's `fork` (a worker starts with every module imported and
only the texts and results are pickled), a spare CPU, no other thread in the process (a live run
scans in a thread beside its first API call, so it reads in one process) and at least a chunk of
files. A worker that dies or fails costs only speed: its chunk is read in the pass's process.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.read.calls import FileCalls, find_calls
from checker.scan.kinds import FileKind
from checker.scan.readers import read_values
from checker.workspace.model import ConfigValue
from checker.workspace.parsers import SkipError

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

MAX_WORKERS = 4
CHUNK_FILES = 16
CHUNK_CHARACTERS = 1_000_000
WINDOW_PER_WORKER = 2  # chunks handed to each worker ahead of time
MAX_BACKLOG_CHARACTERS = 32_000_000  # texts waiting for a worker; past it, the pass reads


@dataclass(frozen=True, slots=True)
class SourceJob:
    """One source file with a Claude signal; `calls` when it also holds a call word."""

    relative: str
    text: str
    kind: FileKind
    calls: bool


@dataclass(slots=True)
class SourceResult:
    """What reading one source file gave: its calls (or why the call reader failed) and its
    literals (or the limit it hit). It does not carry the job back: the text is the bulk of it."""

    calls: FileCalls | None = None
    failure: str = ""
    values: list[ConfigValue] = field(default_factory=list)
    skip: str = ""


def read_source(job: SourceJob) -> SourceResult:
    """Pure work on the job's text: the same in a worker as in the pass's own process."""
    result = SourceResult()
    if job.calls:
        try:
            result.calls = find_calls(job.text, job.kind.format, job.relative, job.kind.tier)
        except Exception as error:  # a reader bug must not cost the rest of the scan
            result.failure = type(error).__name__
    try:
        result.values = read_values(job.text, job.kind, job.relative)
    except SkipError as skip:
        result.skip = skip.reason
    return result


def read_chunk(jobs: list[SourceJob]) -> list[SourceResult]:
    """A worker's unit of work: a few files, so that pickling and the queue cost little per file."""
    return [read_source(job) for job in jobs]


def usable_workers() -> int:
    """Worker processes this machine can run beside the pass itself; 0: read in one process."""
    if sys.platform != "linux":  # fork is Linux's cheap start; macOS's frameworks break under it
        return 0
    cpus = len(os.sched_getaffinity(0))
    return max(0, min(cpus - 1, MAX_WORKERS))


class _Done:
    """A chunk already read: in the pass's own process, or a worker's result collected."""

    def __init__(self, jobs: list[SourceJob], results: list[SourceResult]) -> None:
        self.jobs = jobs
        self.results = results


class _Waiting:
    """A chunk not yet handed to a worker: the pass may still read it itself."""

    def __init__(self, jobs: list[SourceJob]) -> None:
        self.jobs = jobs
        self.characters = sum(len(job.text) for job in jobs)


class _Sent:
    """A chunk handed to a worker, kept so that the pass can still read it if the worker fails."""

    def __init__(self, jobs: list[SourceJob], future: Future[list[SourceResult]]) -> None:
        self.jobs = jobs
        self.future = future


def _ignore_interrupts() -> None:
    """A worker leaves Ctrl-C to the pass (which gets it too): no traceback of its own, and it
    ends when the pass does and its queue closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the workers a half-started pool did fork: with no thread of the pool to feed them
    they would wait for work forever, and the interpreter joins them on exit. The executor has
    no public way to do this before Python 3.14's `terminate_workers`."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        process.terminate()


def _read_here(jobs: list[SourceJob]) -> _Done:
    return _Done(jobs, read_chunk(jobs))


class SourceWork:
    """Source jobs in, results out in the order they came in.

    `workers` 0 reads each job as it comes (within the pass's own time checks). More buffers
    jobs into chunks and keeps each worker two chunks ahead (a window, so that a chunk no worker
    has taken is still the pass's to read); the rest wait in a backlog, oldest first. When the
    listing is done the pass reads the backlog from its newest end while the workers take it
    from the oldest, and a chunk is never taken back once handed over.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.submitted = 0
        self._chunks: list[_Done | _Waiting | _Sent] = []
        self._backlog: deque[int] = deque()  # indexes of the `_Waiting` chunks, oldest first
        self._backlog_characters = 0
        self._in_flight: list[Future[list[SourceResult]]] = []
        self._buffer: list[SourceJob] = []
        self._buffered = 0
        self._pool: ProcessPoolExecutor | None = None
        self._pool_failed = workers <= 0

    def submit(self, job: SourceJob) -> None:
        self.submitted += 1
        if self._pool_failed:
            self._chunks.append(_read_here([job]))
            return
        self._buffer.append(job)
        self._buffered += len(job.text)
        if len(self._buffer) >= CHUNK_FILES or self._buffered >= CHUNK_CHARACTERS:
            self._queue(self._take_buffer())

    def results(self, deadline: float) -> Iterator[tuple[SourceJob, SourceResult]]:
        """Every job with its result, in order. The wait for a worker ends at `deadline`, and
        what is not in by then is not yielded."""
        if self._buffer:
            self._queue(self._take_buffer())
        try:
            self._read_backlog()
            for chunk in self._chunks:
                assert not isinstance(chunk, _Waiting)  # the backlog is read by now
                done = chunk if isinstance(chunk, _Done) else self._collect(chunk, deadline)
                if done is None:
                    self._close(wait=False)
                    return
                yield from zip(done.jobs, done.results, strict=True)
        finally:
            self._close(wait=True)

    def _take_buffer(self) -> list[SourceJob]:
        jobs, self._buffer, self._buffered = self._buffer, [], 0
        return jobs

    def _queue(self, jobs: list[SourceJob]) -> None:
        if self._started_pool() is None:
            self._chunks.append(_read_here(jobs))
            return
        waiting = _Waiting(jobs)
        self._backlog.append(len(self._chunks))
        self._backlog_characters += waiting.characters
        self._chunks.append(waiting)
        self._hand_over()
        if self._backlog_characters > MAX_BACKLOG_CHARACTERS:  # the workers are far behind
            self._read_newest()

    def _read_backlog(self) -> None:
        while self._backlog:
            self._hand_over()
            if self._backlog:
                self._read_newest()

    def _read_newest(self) -> None:
        index = self._backlog.pop()
        chunk = self._chunks[index]
        assert isinstance(chunk, _Waiting)
        self._backlog_characters -= chunk.characters
        self._chunks[index] = _read_here(chunk.jobs)

    def _hand_over(self) -> None:
        """Top up the window from the oldest end of the backlog."""
        if self._pool is None:
            return
        self._in_flight = [future for future in self._in_flight if not future.done()]
        while self._backlog and len(self._in_flight) < WINDOW_PER_WORKER * self.workers:
            index = self._backlog[0]
            chunk = self._chunks[index]
            assert isinstance(chunk, _Waiting)
            try:  # the first submit forks the workers
                future = self._pool.submit(read_chunk, chunk.jobs)
            except OSError:  # a fork failed (a process limit): the pass reads the rest
                _stop_workers(self._pool)
                self._give_up_pool()
                return
            except RuntimeError:  # the pool broke (a worker died): the pass reads the rest
                self._give_up_pool()
                return
            self._backlog.popleft()
            self._backlog_characters -= chunk.characters
            self._chunks[index] = _Sent(chunk.jobs, future)
            self._in_flight.append(future)

    def _started_pool(self) -> ProcessPoolExecutor | None:
        if self._pool is None and not self._pool_failed:
            if threading.active_count() > 1:  # forking beside another thread can deadlock
                self._pool_failed = True
                return None
            from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - only when used
            from multiprocessing import get_context  # noqa: PLC0415

            try:
                self._pool = ProcessPoolExecutor(
                    self.workers, mp_context=get_context("fork"), initializer=_ignore_interrupts
                )
            except (OSError, ValueError):
                self._pool_failed = True
        return self._pool

    def _collect(self, chunk: _Sent, deadline: float) -> _Done | None:
        """A worker's results; if anything went wrong on its side (it died, a result would not
        pickle, a reader raised), the chunk is read here, where a reader's error is the same
        as in a run without workers."""
        from concurrent.futures import TimeoutError as WaitedTooLong  # noqa: PLC0415

        try:
            results = chunk.future.result(timeout=max(0.0, deadline - time.monotonic()))
        except WaitedTooLong:
            return None
        except Exception:
            results = read_chunk(chunk.jobs)
        return _Done(chunk.jobs, results)

    def _give_up_pool(self) -> None:
        self._pool_failed = True
        self._close(wait=True)

    def _close(self, *, wait: bool) -> None:
        """Shut the pool down; past the deadline (`wait` False) the chunks not yet started are
        dropped, by the pool's own thread, and the workers end after their current chunk."""
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=not wait)
            self._pool = None
