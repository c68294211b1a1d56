#!/usr/bin/env python3
"""Preview a job summary as GitHub shows it: markdown -> HTML (markdown-it-py) -> PNG (Chromium).

    python scripts/preview_summary.py                    # the example repository's summary
    python scripts/preview_summary.py summary.md --png out.png --html out.html
    python scripts/preview_summary.py --pr-comment       # the PR comment, docs/pr-comment.png

Without a file, runs the real CLI on `examples/` with `--live-check off` and no API key. The PNG
needs Debian's `chromium` (and `fonts-noto-color-emoji` for emoji); the HTML needs only the dev
dependencies markdown-it-py and mdit-py-plugins (linkify-it-py, when installed, adds autolinks).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PNG = REPO_ROOT / "docs" / "summary.png"
COMMENT_PNG = REPO_ROOT / "docs" / "pr-comment.png"
WIDTH = 1000
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--hide-scrollbars",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

# A small GitHub-like stylesheet (github-markdown-css in spirit: fonts, tables, details, code).
CSS = """
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; max-width: 980px; padding: 24px 32px; color: #1f2328;
  font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif,
  "Apple Color Emoji", "Noto Color Emoji"; }
.markdown-body h2 { font-size: 1.5em; font-weight: 600; padding-bottom: .3em;
  border-bottom: 1px solid #d1d9e0; margin: 0 0 16px; }
.markdown-body h3 { font-size: 1.25em; font-weight: 600; margin: 24px 0 16px; }
.markdown-body p, .markdown-body ul, .markdown-body table, .markdown-body details,
.markdown-body blockquote { margin: 0 0 16px; }
.markdown-body ul { padding-left: 2em; }
.markdown-body li + li { margin-top: .5em; }
.markdown-body table { border-collapse: collapse; display: block; width: max-content;
  max-width: 100%; overflow: auto; }
.markdown-body th, .markdown-body td { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body th { font-weight: 600; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body code { padding: .2em .4em; font-size: 85%; background: #818b981f;
  border-radius: 6px; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.markdown-body a { color: #0969da; text-decoration: none; }
.markdown-body blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
.markdown-body hr { height: .25em; background: #d1d9e0; border: 0; margin: 24px 0; }
.markdown-body sub { font-size: 80%; color: #59636e; }
.markdown-body summary { cursor: pointer; color: #0969da; }
"""


def markdown_to_html(markdown: str) -> str:
    """The summary's body HTML, parsed as GitHub-flavoured markdown with raw HTML allowed."""
    from markdown_it import MarkdownIt  # noqa: PLC0415 - dev dependency, imported when used
    from mdit_py_plugins.tasklists import tasklists_plugin  # noqa: PLC0415

    try:
        import linkify_it  # type: ignore[import-untyped]  # noqa: F401, PLC0415

        parser = MarkdownIt("gfm-like", {"html": True})
        if parser.linkify is not None:
            parser.linkify.set({"fuzzy_link": False})
    except ImportError:
        parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return str(parser.use(tasklists_plugin).render(markdown))


def html_page(body: str, *, measure: bool = False) -> str:
    """A standalone page; `measure` adds our own script that records the content height."""
    script = (
        "<script>addEventListener('load', () => { document.title = "
        "'height=' + document.documentElement.scrollHeight; });</script>"
        if measure
        else ""
    )
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>summary</title>'
        f"<style>{CSS}</style>{script}</head>\n"
        f'<body><article class="markdown-body">\n{body}</article></body></html>\n'
    )


def example_summary() -> str:
    """The summary of the example repository, from the real CLI (no key, live check off)."""
    keep = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"}
    env = {key: value for key, value in os.environ.items() if key in keep}
    env["NO_COLOR"] = "1"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "summary.md"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "checker",
                str(REPO_ROOT / "examples"),
                "--live-check",
                "off",
                "--summary",
                str(path),
            ],
            env=env,
            cwd=REPO_ROOT,
            capture_output=True,
            check=False,
            timeout=120,
        )
        return path.read_text(encoding="utf-8")


def example_comment() -> str:
    """The PR comment the example repository gets on a blocked pull request (no API involved:
    the body the action would post, with links to a made-up head commit of `acme/app`)."""
    sys.path.insert(0, str(REPO_ROOT))
    from checker.context import RunContext  # noqa: PLC0415 - needs the repository on sys.path
    from checker.github.comment import Links, build_comment, marker  # noqa: PLC0415
    from checker.pipeline import run_gate  # noqa: PLC0415
    from checker.redaction import Redactor  # noqa: PLC0415
    from checker.settings import load_settings  # noqa: PLC0415

    examples = REPO_ROOT / "examples"
    settings = load_settings({"live-check": "off"}, {}, workspace=str(examples))
    report = run_gate(settings, RunContext(), {})
    sha = "3f2c9a1b7d4e6f8091a2b3c4d5e6f708192a3b4c"
    links = Links(
        blob_base=f"https://github.com/acme/app/blob/{sha}/",
        workspace_prefix="",
        run_url="https://github.com/acme/app/actions/runs/42",
        commit=sha,
    )
    return build_comment(
        report,
        Redactor(),
        workspace_marker=marker("."),
        links=links,
        workspace=examples,
        catalog=None,
        previous_failed=False,
    )


def screenshot(page: str, png: Path, *, width: int = WIDTH) -> None:
    """Two Chromium runs: one measures the page height, one shoots exactly that tall."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium not found: apt-get install -y chromium fonts-noto-color-emoji")
    with tempfile.TemporaryDirectory() as folder:
        measured = Path(folder) / "measure.html"
        measured.write_text(page.replace("</head>", _measure_script() + "</head>", 1), "utf-8")
        shown = Path(folder) / "page.html"
        shown.write_text(page, encoding="utf-8")
        flags = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={folder}/profile"]
        dom = subprocess.run(
            [*flags, f"--window-size={width},800", "--dump-dom", measured.as_uri()],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        ).stdout
        found = re.search(r"<title>height=(\d+)</title>", dom)
        height = min(int(found.group(1)) if found else 2400, 16000)
        png.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [*flags, f"--window-size={width},{height}", f"--screenshot={png}", shown.as_uri()],
            capture_output=True,
            check=True,
            timeout=120,
        )


def _measure_script() -> str:
    return html_page("", measure=True).split("</style>", 1)[1].split("</head>", 1)[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("summary", nargs="?", type=Path, help="summary markdown (default: example)")
    parser.add_argument("--html", type=Path, help="write the HTML page here")
    parser.add_argument("--png", type=Path, default=None, help=f"default: {DEFAULT_PNG}")
    parser.add_argument("--no-png", action="store_true", help="skip the screenshot")
    parser.add_argument("--width", type=int, default=WIDTH)
    parser.add_argument(
        "--pr-comment",
        action="store_true",
        help=f"the example's PR comment instead of its summary (default PNG: {COMMENT_PNG})",
    )
    args = parser.parse_args(argv)
    if args.summary:
        markdown = args.summary.read_text(encoding="utf-8")
    else:
        markdown = example_comment() if args.pr_comment else example_summary()
    args.png = args.png or (COMMENT_PNG if args.pr_comment else DEFAULT_PNG)
    page = html_page(markdown_to_html(markdown))
    if args.html:
        args.html.write_text(page, encoding="utf-8")
        print(f"wrote {args.html}")
    if not args.no_png:
        screenshot(page, args.png, width=args.width)
        print(f"wrote {args.png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
