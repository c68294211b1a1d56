"""Running `fix` and the gate on a small repository written byte for byte by the test."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from tests.helpers import Run, run_cli

FIXED_CODES = frozenset({"MOD003", "MOD005", "MOD007", "MOD011"})


def write_tree(root: Path, files: dict[str, bytes]) -> Path:
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def fix(workspace: Path, *args: str) -> Run:
    return run_cli(["fix", str(workspace), *args])


def findings(workspace: Path, tmp_path: Path) -> list[dict[str, Any]]:
    """The offline gate's findings (live check off, as `fix` runs it)."""
    report = tmp_path / "report.json"
    run_cli([str(workspace), "--live-check", "off", "--json", str(report)])
    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    found: list[dict[str, Any]] = data["findings"]
    return found


def fixable_in(workspace: Path, tmp_path: Path, file: str) -> set[tuple[str, str]]:
    """(code, value) of every finding `fix` applies that the gate raises in `file`."""
    return {
        (f["code"], f["details"].get("value", ""))
        for f in findings(workspace, tmp_path)
        if f["code"] in FIXED_CODES and f["file"] == file
    }


def snapshot(root: Path) -> dict[str, str]:
    """Every path below root with its content hash and mode (links by target), to prove no
    byte changed."""
    out = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        if path.is_symlink():
            out[key] = "link:" + str(path.readlink())
        elif path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            out[key] = f"{digest}:{oct(path.stat().st_mode)}"
        else:
            out[key] = "dir"
    return out
