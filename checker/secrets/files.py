"""The workspace's text files for the committed-key scan, bounded in count, size and time.

In a git repository the list comes from `git ls-files` (tracked plus untracked-but-not-ignored, so
`.gitignore` is honoured exactly); otherwise from a walk that skips the usual dependency and build
folders. Symlinks are never followed, so nothing outside the workspace is read.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

MAX_FILES = 20_000
MAX_FILE_BYTES = 2 * 1024 * 1024
BINARY_SNIFF_BYTES = 8192
GIT_TIMEOUT_SECONDS = 10.0
# The container runs as another user than the checkout's owner (git's "dubious ownership"); the
# checkout's own config is not repository content, but no hook or fsmonitor command may run anyway.
_GIT_OPTIONS = (
    "-c", "safe.directory=*", "-c", "core.fsmonitor=false", "-c", "core.quotepath=off",
)  # fmt: skip
SKIPPED_DIRS = frozenset(
    {
        ".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".nox",
        ".mypy_cache", ".pytest_cache", ".ruff_cache", ".next", ".terraform", ".cache",
    }
)  # fmt: skip


@dataclass(slots=True)
class FileList:
    """Workspace-relative `/`-separated paths, and whether the list was cut at MAX_FILES."""

    paths: list[str] = field(default_factory=list)
    capped: bool = False


def list_files(root: Path, *, limit: int = MAX_FILES) -> FileList:
    """Candidate files of the workspace, from git when it can answer, else from a walk."""
    listed = _git_files(root)
    paths = listed if listed is not None else _walk(root, limit + 1)
    result = FileList()
    for path in paths:
        if path.split("/", 1)[0] in SKIPPED_DIRS or "/.git/" in f"/{path}":
            continue
        if len(result.paths) >= limit:
            result.capped = True
            break
        result.paths.append(path)
    return result


def read_text_file(root: Path, relative: str) -> str | None:
    """The file's text, or None for symlinks, non-regular, too large or binary files."""
    path = os.path.join(root, relative)  # str paths: pathlib costs a third of a large walk
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        with open(path, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_FILE_BYTES or b"\0" in data[:BINARY_SNIFF_BYTES]:
        return None
    return data.decode("utf-8", errors="replace")


def _git_files(root: Path) -> list[str] | None:
    """`git ls-files -co --exclude-standard` relative to root, or None when git cannot answer."""
    git = shutil.which("git")
    if git is None or not ((root / ".git").exists() or _inside_git(root)):
        return None
    command = [git, *_GIT_OPTIONS, "ls-files", "-co", "--exclude-standard", "-z"]
    try:
        completed = subprocess.run(
            command,
            cwd=root,
            capture_output=True,
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
            env={"GIT_TERMINAL_PROMPT": "0", "GIT_CONFIG_NOSYSTEM": "1"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if completed.returncode != 0:
        return None
    names = completed.stdout.decode("utf-8", errors="surrogateescape").split("\0")
    return [name for name in names if name and not name.startswith("../")]


def _inside_git(root: Path) -> bool:
    return any((parent / ".git").exists() for parent in root.parents)


def _walk(root: Path, limit: int) -> Iterator[str]:
    count = 0
    for directory, subdirs, files in os.walk(root, followlinks=False):
        subdirs[:] = sorted(name for name in subdirs if name not in SKIPPED_DIRS)
        relative = os.path.relpath(directory, root)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        for name in sorted(files):
            yield prefix + name
            count += 1
            if count >= limit:
                return
