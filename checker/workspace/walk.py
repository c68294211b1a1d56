"""The directory walk: `os.scandir`, pruned, bounded, and never led out of the workspace by a link.

Real directories are tracked by resolved path, so a directory reached twice (through a link and
directly) is read once. A symlink is followed only when it resolves inside the workspace; a link
out of it, or a link loop, becomes a CFG003 notice naming the link.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator

from checker.findings import Finding, Location, make_finding
from checker.workspace.limits import MAX_WALK_ENTRIES, PRUNED_DIRECTORIES

FileEntry = tuple[list[str], str]


class Walker:
    """Yields `(relative path parts, absolute path)` of every regular file; collects notices."""

    def __init__(self, root: str, is_candidate: Callable[[list[str]], bool]) -> None:
        self.root = os.path.realpath(root)
        self.is_candidate = is_candidate
        self.findings: list[Finding] = []
        self.entries = 0

    def files(self) -> Iterator[FileEntry]:
        stack: list[tuple[str, list[str], str]] = [(self.root, [], self.root)]
        visited = {self.root}
        while stack:
            directory, parts, real = stack.pop()
            try:
                listing = os.scandir(directory)
            except OSError:
                self._skip(parts, "the directory cannot be read")
                continue
            with listing:
                yield from self._entries(listing, parts, real, visited, stack)

    def _entries(
        self,
        listing: Iterator[os.DirEntry[str]],
        parts: list[str],
        real: str,
        visited: set[str],
        stack: list[tuple[str, list[str], str]],
    ) -> Iterator[FileEntry]:
        for entry in listing:
            self.entries += 1
            if self.entries > MAX_WALK_ENTRIES:
                stack.clear()
                self._skip([], f"the walk stopped after {MAX_WALK_ENTRIES} entries")
                return
            name = entry.name
            if name in PRUNED_DIRECTORIES:
                continue
            child = [*parts, name]
            try:
                if entry.is_symlink():
                    yield from self._link(entry.path, child, real, visited, stack)
                elif entry.is_dir(follow_symlinks=False):
                    child_real = f"{real}/{name}"
                    if child_real not in visited:
                        visited.add(child_real)
                        stack.append((entry.path, child, child_real))
                elif entry.is_file(follow_symlinks=False):
                    yield child, entry.path
            except OSError:
                continue

    def _link(
        self,
        path: str,
        parts: list[str],
        parent_real: str,
        visited: set[str],
        stack: list[tuple[str, list[str], str]],
    ) -> Iterator[FileEntry]:
        try:
            target = os.path.realpath(path, strict=True)
        except OSError as error:
            if error.errno == errno.ELOOP:
                self._skip(parts, "a symlink loop")
            return
        if target != self.root and not target.startswith(self.root + os.sep):
            if os.path.isdir(target) or self.is_candidate(parts):
                self._skip(parts, "a symlink that points outside the workspace")
            return
        if os.path.isdir(target):
            if parent_real == target or parent_real.startswith(target + os.sep):
                self._skip(parts, "a symlink loop (it points at a folder that contains it)")
            elif target not in visited:
                visited.add(target)
                stack.append((path, parts, target))
        elif os.path.isfile(target):
            yield parts, path

    def _skip(self, parts: list[str], reason: str) -> None:
        where = shown_path(parts) or "."
        self.findings.append(
            make_finding(
                "CFG003",
                f"Skipped `{where}`: {reason}.",
                location=Location(where) if parts else None,
                details={"reason": reason},
            )
        )


def shown_path(parts: list[str]) -> str:
    """The workspace-relative path as text every reporter can write.

    A file name that is not valid UTF-8 reaches Python with lone surrogates, which no UTF-8
    writer accepts; they become U+FFFD here. Reading always uses the real path.
    """
    path = "/".join(parts)
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return path
