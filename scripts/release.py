#!/usr/bin/env python3
"""Release helpers for `.github/workflows/release.yml`, kept here so tests can run them.

python scripts/release.py check vX.Y.Z            # tag == pyproject == __version__ == CHANGELOG
python scripts/release.py notes X.Y.Z             # the CHANGELOG section of a version
python scripts/release.py pin-image IMAGE@DIGEST  # action.yml and preflight.yml run the image

The repository's own `action.yml` says `image: Dockerfile`, so `uses: ./`, the self-test and the
container test build the working tree. Only the release commit (a child of the tagged commit that
the release workflow creates and moves the tags to) points at the published image by digest.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGE = "ghcr.io/claude-preflight/claude-preflight"
TAG = re.compile(r"^v(?P<major>0|[1-9]\d*)\.(?P<minor>0|[1-9]\d*)\.(?P<patch>0|[1-9]\d*)$")
DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")
ACTION_IMAGE_LINE = "  image: Dockerfile\n"
WORKFLOW_USES = re.compile(
    r"^(?P<indent> +)uses: \./ # zizmor: ignore\[self-repository\] release:.*\n", re.M
)


class ReleaseError(Exception):
    """A release precondition that does not hold; the message says which and how to fix it."""


def project_version(root: Path = ROOT) -> str:
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def package_version(root: Path = ROOT) -> str:
    text = (root / "checker" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"$', text, re.M)
    if not found:
        raise ReleaseError('checker/__init__.py has no `__version__ = "..."` line')
    return found.group(1)


def changelog_section(version: str, root: Path = ROOT) -> str:
    """The body of `## [version] - YYYY-MM-DD` in CHANGELOG.md, without its heading."""
    text = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    heading = re.compile(rf"^## \[{re.escape(version)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", re.M)
    found = heading.search(text)
    if not found:
        raise ReleaseError(
            f"CHANGELOG.md has no `## [{version}] - YYYY-MM-DD` section: rename `## [Unreleased]`"
        )
    rest = text[found.end() :]
    end = re.search(r"^## \[", rest, re.M)
    body = (rest[: end.start()] if end else rest.split("\n[", 1)[0]).strip()
    if not body:
        raise ReleaseError(f"the CHANGELOG.md section of {version} is empty")
    return body + "\n"


def image_tags(tag: str) -> list[str]:
    """The image tags a release tag publishes: vX.Y.Z, vX.Y and vX."""
    found = TAG.match(tag)
    if not found:
        raise ReleaseError(f"{tag!r} is not a release tag (vMAJOR.MINOR.PATCH)")
    major, minor = found.group("major"), found.group("minor")
    return [tag, f"v{major}.{minor}", f"v{major}"]


def check(tag: str, root: Path = ROOT) -> dict[str, str]:
    """Every place that states the version agrees with the tag; returns the workflow outputs."""
    tags = image_tags(tag)
    version = tag.removeprefix("v")
    for where, stated in (
        ("pyproject.toml", project_version(root)),
        ("checker/__init__.py", package_version(root)),
    ):
        if stated != version:
            raise ReleaseError(f"{where} says {stated}, the tag says {version}: bump it first")
    changelog_section(version, root)
    return {"version": version, "tag": tag, "minor": tags[1], "major": tags[2]}


def pin_image(reference: str, root: Path = ROOT) -> list[Path]:
    """Point action.yml and the reusable workflow at IMAGE@sha256:...; returns the files changed."""
    image, _, digest = reference.partition("@")
    if image != IMAGE or not DIGEST.match(digest):
        raise ReleaseError(f"expected {IMAGE}@sha256:<64 hex digits>, got {reference!r}")
    action = root / "action.yml"
    text = action.read_text(encoding="utf-8")
    if text.count(ACTION_IMAGE_LINE) != 1:
        raise ReleaseError("action.yml must have exactly one `  image: Dockerfile` line")
    action.write_text(
        text.replace(ACTION_IMAGE_LINE, f"  image: docker://{reference}\n"), encoding="utf-8"
    )
    workflow = root / ".github" / "workflows" / "preflight.yml"
    text = workflow.read_text(encoding="utf-8")
    pinned, count = WORKFLOW_USES.subn(rf"\g<indent>uses: docker://{reference}\n", text)
    if count != 1:
        raise ReleaseError("preflight.yml must have exactly one `uses: ./ # ... release: ...` line")
    workflow.write_text(pinned, encoding="utf-8")
    return [action, workflow]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check").add_argument("tag")
    commands.add_parser("notes").add_argument("version")
    commands.add_parser("pin-image").add_argument("reference")
    arguments = parser.parse_args(argv)
    try:
        if arguments.command == "check":
            outputs = check(arguments.tag)
            sys.stdout.write("".join(f"{key}={value}\n" for key, value in outputs.items()))
        elif arguments.command == "notes":
            sys.stdout.write(changelog_section(arguments.version))
        else:
            for path in pin_image(arguments.reference):
                sys.stderr.write(f"release: {path.relative_to(ROOT)} runs {arguments.reference}\n")
    except ReleaseError as error:
        sys.stderr.write(f"release: {error}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
