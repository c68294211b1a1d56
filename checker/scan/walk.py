"""The directory walk when git cannot list the files: `os.scandir`, pruned, bounded, `.gitignore`
honoured, and never led out of the workspace by a link.

Real directories are tracked by resolved path, so a directory reached twice (through a link and
directly) is read once. A symlink is followed only when it resolves inside the workspace; a link
out of it, or a link loop, becomes a CFG003 notice naming the link. Each folder's `.gitignore`
applies below it, as git applies it (pathspec's `GitIgnoreSpec` implements git's rules).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from checker.findings import Finding, Location, make_finding
from checker.workspace.limits import MAX_WALK_ENTRIES, PRUNED_DIRECTORIES

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

FileEntry = tuple[list[str], str]
Ignores = tuple[tuple[int, "GitIgnoreSpec"], ...]  # (depth of the folder holding it, its rules)
MAX_GITIGNORE_BYTES = 256 * 1024


class Walker:
    """Yields `(relative path parts, absolute path)` of every regular file; collects notices."""

    def __init__(self, root: str, is_candidate: Callable[[list[str]], bool]) -> None:
        self.root = os.path.realpath(root)
        self.is_candidate = is_candidate
        self.findings: list[Finding] = []
        self.entries = 0
        self._stack: list[_Pending] = []
        self._visited: set[str] = set()

    def files(self) -> Iterator[FileEntry]:
        stack, visited = self._stack, self._visited
        stack[:] = [(self.root, [], self.root, ())]
        visited.add(self.root)
        while stack:
            directory, parts, real, ignores = stack.pop()
            ignores = _with_gitignore(directory, len(parts), ignores)
            try:
                listing = os.scandir(directory)
            except OSError:
                self._skip(parts, "the directory cannot be read")
                continue
            with listing:
                yield from self._entries(listing, parts, real, ignores)

    def _entries(
        self, listing: Iterator[os.DirEntry[str]], parts: list[str], real: str, ignores: Ignores
    ) -> Iterator[FileEntry]:
        stack, visited = self._stack, self._visited
        for entry in sorted(listing, key=lambda item: item.name):
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
                is_dir = entry.is_dir(follow_symlinks=False)
                if ignores and _ignored(ignores, child, is_dir=is_dir):
                    continue
                if entry.is_symlink():
                    yield from self._link(entry.path, child, real, ignores)
                elif is_dir:
                    child_real = f"{real}/{name}"
                    if child_real not in visited:
                        visited.add(child_real)
                        stack.append((entry.path, child, child_real, ignores))
                elif entry.is_file(follow_symlinks=False):
                    yield child, entry.path
            except OSError:
                continue

    def _link(
        self, path: str, parts: list[str], parent_real: str, ignores: Ignores
    ) -> Iterator[FileEntry]:
        visited = self._visited
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
                self._stack.append((path, parts, target, ignores))
        elif os.path.isfile(target):
            yield parts, path

    def _skip(self, parts: list[str], reason: str) -> None:
        where = shown_path(parts) or "."
        self.findings.append(
            make_finding(
                "CFG003",
                "skipped",
                file=where,
                reason=reason,
                location=Location(where) if parts else None,
                details={"reason": reason},
            )
        )


_Pending = tuple[str, list[str], str, Ignores]


def _with_gitignore(directory: str, depth: int, ignores: Ignores) -> Ignores:
    """The rules in force below `directory`: its parents' plus its own `.gitignore`, if any."""
    path = os.path.join(directory, ".gitignore")
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_GITIGNORE_BYTES)
    except OSError:
        return ignores
    from pathspec import GitIgnoreSpec  # noqa: PLC0415 - only a walk without git needs it

    lines = data.decode("utf-8", "replace").splitlines()
    return (*ignores, (depth, GitIgnoreSpec.from_lines(lines)))


def _ignored(ignores: Ignores, parts: list[str], *, is_dir: bool) -> bool:
    """Git's verdict: the deepest `.gitignore` with an opinion on the path decides."""
    for depth, spec in reversed(ignores):
        relative = "/".join(parts[depth:]) + ("/" if is_dir else "")
        verdict = spec.check_file(relative).include
        if verdict is not None:
            return verdict
    return False


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
