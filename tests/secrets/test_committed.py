"""SEC007: literal Anthropic keys committed to the workspace, found by file, line and column."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from checker.findings import Finding
from checker.scan.discovery import scan_workspace
from checker.scan.files import list_workspace
from checker.settings import Settings
from checker.workspace.limits import MAX_FILE_BYTES
from tests.secrets.support import SK, make_key

KEY = make_key()


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True,
        env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e",
             "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e"},
    )  # fmt: skip


def scan_committed(root: Path, *, run_key: str | None = None) -> list[Finding]:
    """SEC007 rides the one pass over the workspace: the findings it left."""
    return scan_workspace(Settings(workspace=root, config_path=None), run_key=run_key).committed


def _findings(root: Path) -> list[tuple[str, int | None, int | None]]:
    return [(f.file or "", f.line, f.column) for f in scan_committed(root)]


def test_a_committed_key_is_reported_by_file_line_and_column_never_by_value(
    tmp_path: Path,
) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "client.py").write_text(f'import os\n\nclient = Client(api_key="{KEY}")\n')
    [finding] = scan_committed(tmp_path)
    assert (finding.code, finding.file, finding.line, finding.column) == (
        "SEC007",
        "src/client.py",
        3,
        26,
    )
    assert finding.message == "`src/client.py` line 3 contains an Anthropic API key in plain text."
    assert KEY[13:21] not in finding.message + finding.fix + str(finding.details)


def test_every_kind_the_rules_know_is_found(tmp_path: Path) -> None:
    lines = [
        f"admin={make_key('admin01', seed=2)}",
        f"oauth={make_key('oat01', seed=3, body_length=60)}",
        f"refresh={make_key('ort01', seed=4, body_length=60)}",
    ]
    (tmp_path / "notes.md").write_text("\n".join(lines) + "\n")
    kinds = [f.details["kind"] for f in scan_committed(tmp_path)]
    assert kinds == ["admin-key", "oauth-token", "refresh-token"]


@pytest.mark.parametrize(
    "text",
    [
        SK + "api03-" + "x" * 93 + "AA",
        SK + "api03-" + "abcAB" * 18 + "abc" + "AA",
        SK + "api03-...",
        KEY[:-1],
        KEY + "B",
        "prefix" + KEY,
    ],
)
def test_examples_and_look_alikes_are_not_keys(tmp_path: Path, text: str) -> None:
    (tmp_path / "README.md").write_text(f"export ANTHROPIC_API_KEY={text}\n")
    assert _findings(tmp_path) == []


def test_the_same_key_this_run_uses_is_called_out(tmp_path: Path) -> None:
    (tmp_path / ".env.production").write_text(f"ANTHROPIC_API_KEY={KEY}\n")
    [finding] = scan_committed(tmp_path, run_key=KEY)
    assert finding.message.endswith("It is the same key this run uses.")


def test_gitignored_files_and_the_git_folder_are_skipped(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    (tmp_path / ".gitignore").write_text(".env\nbuild/\n")
    (tmp_path / ".env").write_text(f"ANTHROPIC_API_KEY={KEY}\n")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "bundle.js").write_text(f'const k="{KEY}"\n')
    (tmp_path / "tracked.txt").write_text(f"{KEY}\n")
    (tmp_path / "untracked.txt").write_text(f"  {KEY}\n")
    _git(tmp_path, "add", "tracked.txt", ".gitignore")
    _git(tmp_path, "commit", "-q", "-m", "init")
    (tmp_path / ".git" / "leftover").write_text(f"{KEY}\n")
    assert sorted(_findings(tmp_path)) == [("tracked.txt", 1, 1), ("untracked.txt", 1, 3)]


def test_a_sub_folder_of_a_repository_is_scanned_alone(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "a.txt").write_text(f"{KEY}\n")
    (tmp_path / "other.txt").write_text(f"{KEY}\n")
    assert _findings(tmp_path / "app") == [("a.txt", 1, 1)]


def test_without_git_common_dependency_folders_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "node_modules" / "pkg").mkdir(parents=True)
    (tmp_path / "node_modules" / "pkg" / "index.js").write_text(f"{KEY}\n")
    (tmp_path / "app.js").write_text(f"x\n{KEY}\n")
    assert _findings(tmp_path) == [("app.js", 2, 1)]


def test_binaries_large_files_and_symlinks_are_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{KEY}\n")
    root = tmp_path / "ws"
    root.mkdir()
    (root / "image.png").write_bytes(b"\x89PNG\0\0" + KEY.encode())
    (root / "big.log").write_bytes(b"a" * MAX_FILE_BYTES + KEY.encode())
    (root / "link.txt").symlink_to(outside / "secret.txt")
    (root / "linkdir").symlink_to(outside, target_is_directory=True)
    assert _findings(root) == []


def test_the_scan_stops_at_the_file_cap_with_a_notice(tmp_path: Path) -> None:
    for index in range(30):
        (tmp_path / f"f{index:02}.txt").write_text("nothing\n")
    listing = list_workspace(str(tmp_path), limit=10)
    [notice] = listing.findings
    assert notice.code == "CFG003"
    assert "after 10 files" in notice.message
    assert len(listing.files) == 10


def test_invalid_utf8_does_not_stop_the_scan(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9 " + KEY.encode() + b"\n")
    assert _findings(tmp_path) == [("latin1.txt", 1, 6)]


def test_a_key_among_a_thousand_files_is_found(tmp_path: Path) -> None:
    for index in range(1000):
        (tmp_path / f"m{index:04}.py").write_text("import os\n" * 200)
    (tmp_path / "m0500.py").write_text(f"k = '{KEY}'\n")
    assert _findings(tmp_path) == [("m0500.py", 1, 6)]
