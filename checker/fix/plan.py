"""From targets to new file contents: each file read once, every edit verified against its bytes.

An edit that cannot be verified is set aside with its reason and the file's other edits still
apply; a file that may not be touched sets all of its edits aside.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from checker.fix.edits import Edit, EditRefusedError, apply_edits, locate, replacement_for
from checker.fix.targets import LeftAlone, Target
from checker.fix.writer import WriteRefusedError, read_file, target_path
from checker.read.source import language_of
from checker.scan.kinds import kind_of


@dataclass(slots=True)
class FileChange:
    """One file's bytes before and after, and the targets that changed them."""

    relative: str
    path: Path
    before: bytes
    after: bytes
    applied: list[Target] = field(default_factory=list)


def plan_changes(
    root: Path, targets: list[Target], skipped_files: set[str]
) -> tuple[list[FileChange], list[LeftAlone]]:
    """The changes to make, file by file in path order, and the targets set aside."""
    by_file: dict[str, list[Target]] = {}
    for target in targets:
        by_file.setdefault(target.file, []).append(target)
    changes: list[FileChange] = []
    left: list[LeftAlone] = []
    for relative in sorted(by_file):
        change, refused = _plan_file(root, relative, by_file[relative], skipped_files)
        left += refused
        if change is not None:
            changes.append(change)
    return changes, left


def _plan_file(
    root: Path, relative: str, targets: list[Target], skipped_files: set[str]
) -> tuple[FileChange | None, list[LeftAlone]]:
    try:
        if relative in skipped_files:
            raise WriteRefusedError("the scan skipped this file")
        path = target_path(root, relative)
        before = read_file(path)
    except WriteRefusedError as refusal:
        return None, [LeftAlone(t.code, t.where, refusal.reason) for t in targets]
    edits: list[Edit] = []
    applied: list[Target] = []
    left: list[LeftAlone] = []
    for target in sorted(targets, key=lambda t: (t.line, t.column)):
        try:
            edit = locate_target(before, target)
        except EditRefusedError as refusal:
            left.append(LeftAlone(target.code, target.where, refusal.reason))
            continue
        if edits and edit.start < edits[-1].end:
            left.append(LeftAlone(target.code, target.where, "overlaps another fix"))
            continue
        edits.append(edit)
        applied.append(target)
    if not edits:
        return None, left
    return FileChange(relative, path, before, apply_edits(before, edits), applied), left


def locate_target(data: bytes, target: Target) -> Edit:
    """The edit for one target in its file's bytes; raises EditRefusedError."""
    file_format = kind_of(target.file.split("/"), language_of).format
    new = replacement_for(target.old, target.new)
    return locate(data, target.line, target.column, target.old, new, file_format=file_format)
