"""The release story: one version everywhere, the workflow publishing the image action.yml names,
and the release commit pinning action.yml and the reusable workflow to that image by digest."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import checker
from scripts import release
from tests.helpers import REPO_ROOT

WORKFLOWS = REPO_ROOT / ".github" / "workflows"
RELEASE_YML = WORKFLOWS / "release.yml"
DIGEST = "sha256:" + "0123456789abcdef" * 4
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def workflow(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def steps(job: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = workflow(RELEASE_YML)["jobs"][job]["steps"]
    return found


def step_using(job: str, action: str) -> list[dict[str, Any]]:
    return [step for step in steps(job) if str(step.get("uses", "")).startswith(action + "@")]


def test_one_version_in_pyproject_the_package_and_the_changelog() -> None:
    version = release.project_version()
    assert checker.__version__ == version == release.package_version()
    assert release.check(f"v{version}")["version"] == version
    assert release.changelog_section(version).strip()


def test_the_changelog_keeps_an_unreleased_section_on_top() -> None:
    text = (REPO_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\]", text, re.M)
    assert headings[0] == "Unreleased"
    assert release.project_version() in headings


def test_a_tag_that_disagrees_with_the_version_stops_the_release() -> None:
    with pytest.raises(release.ReleaseError, match=r"pyproject\.toml says"):
        release.check("v99.0.0")
    for bad in ("1.2.3", "v1.2", "v1.2.3-rc1", "v01.2.3"):
        with pytest.raises(release.ReleaseError, match="not a release tag"):
            release.check(bad)


def test_a_release_publishes_the_image_as_vx_y_z_vx_y_and_vx() -> None:
    assert release.image_tags("v1.4.2") == ["v1.4.2", "v1.4", "v1"]
    assert (
        release.check("v" + release.project_version())["major"]
        == release.image_tags("v" + release.project_version())[2]
    )
    meta = step_using("image", "docker/metadata-action")
    assert len(meta) == 1
    patterns = meta[0]["with"]["tags"].split()
    assert patterns == [
        "type=semver,pattern=v{{version}}",
        "type=semver,pattern=v{{major}}.{{minor}}",
        "type=semver,pattern=v{{major}}",
    ]
    assert meta[0]["with"]["flavor"] == "latest=false"  # no mutable `latest`


def test_the_workflow_pushes_the_image_action_yml_names_for_both_architectures() -> None:
    data = workflow(RELEASE_YML)
    assert data["env"]["IMAGE"] == release.IMAGE
    assert step_using("image", "docker/metadata-action")[0]["with"]["images"] == "${{ env.IMAGE }}"
    action_text = (REPO_ROOT / "action.yml").read_text(encoding="utf-8")
    assert f"docker://{release.IMAGE}@sha256:" in action_text  # the comment says what releases run
    builds = step_using("image", "docker/build-push-action")
    pushed = [step for step in builds if step["with"].get("push") is True]
    assert len(pushed) == 1
    assert set(pushed[0]["with"]["platforms"].split(",")) == {"linux/amd64", "linux/arm64"}
    assert pushed[0]["with"]["tags"] == "${{ steps.meta.outputs.tags }}"
    assert pushed[0].get("id") == "push"


def test_the_image_is_smoke_tested_on_both_architectures_before_it_is_pushed() -> None:
    names = [step.get("uses", step.get("run", "")) for step in steps("image")]
    smoke = next(i for i, text in enumerate(names) if "scripts/smoke_image.sh" in text)
    push = next(i for i, step in enumerate(steps("image")) if step.get("id") == "push")
    assert smoke < push
    assert "--platform linux/amd64" in names[smoke]
    assert "--platform linux/arm64" in names[smoke]
    assert (REPO_ROOT / "scripts" / "smoke_image.sh").is_file()


def test_the_release_job_pins_the_digest_moves_the_tags_and_uses_the_changelog() -> None:
    runs = "\n".join(step.get("run", "") for step in steps("release"))
    assert 'scripts/release.py pin-image "$IMAGE@$DIGEST"' in runs
    assert 'git push --force origin "refs/tags/$TAG" "refs/tags/$MAJOR"' in runs
    assert 'scripts/release.py notes "$VERSION"' in runs
    assert "gh release create" in runs
    job = workflow(RELEASE_YML)["jobs"]["release"]
    assert job["needs"] == "image"
    assert job["permissions"] == {"contents": "write"}


def test_every_workflow_has_least_privilege_and_pins_third_party_actions_by_sha() -> None:
    for path in sorted(WORKFLOWS.glob("*.yml")):
        data = workflow(path)
        assert data.get("permissions") == {}, f"{path.name}: top-level permissions must be {{}}"
        for name, job in data["jobs"].items():
            assert "permissions" in job, f"{path.name}:{name} has no permissions"
        for line in path.read_text(encoding="utf-8").splitlines():
            uses = line.strip().removeprefix("- ").strip()
            if not uses.startswith("uses: ") or uses.startswith(("uses: ./", "uses: docker://")):
                continue
            assert SHA_PIN.match(uses.removeprefix("uses: ")), f"{path.name}: {uses}"
        for job in data["jobs"].values():
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, path.name


def test_pin_image_rewrites_only_the_image_lines_and_keeps_both_files_valid(
    tmp_path: Path,
) -> None:
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    for name in ("action.yml", ".github/workflows/preflight.yml"):
        shutil.copy(REPO_ROOT / name, tmp_path / name)
    reference = f"{release.IMAGE}@{DIGEST}"
    changed = release.pin_image(reference, root=tmp_path)
    assert len(changed) == 2
    action = yaml.safe_load((tmp_path / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"] == {"using": "docker", "image": f"docker://{reference}"}
    before = (REPO_ROOT / "action.yml").read_text(encoding="utf-8").splitlines()
    after = (tmp_path / "action.yml").read_text(encoding="utf-8").splitlines()
    assert [(a, b) for a, b in zip(before, after, strict=True) if a != b] == [
        ("  image: Dockerfile", f"  image: docker://{reference}")
    ]
    reusable = workflow(tmp_path / ".github/workflows/preflight.yml")
    gate = next(s for s in reusable["jobs"]["preflight"]["steps"] if s.get("id") == "gate")
    assert gate["uses"] == f"docker://{reference}"
    for schema, path in (
        ("vendor.github-actions", tmp_path / "action.yml"),
        ("vendor.github-workflows", tmp_path / ".github/workflows/preflight.yml"),
    ):
        checked = subprocess.run(
            [
                sys.executable,
                "-m",
                "check_jsonschema",
                "--builtin-schema",
                schema,
                str(path),
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr
    with pytest.raises(release.ReleaseError, match="exactly one"):
        release.pin_image(reference, root=tmp_path)  # already pinned: nothing to rewrite


def test_pin_image_refuses_another_image_or_a_tag_instead_of_a_digest(tmp_path: Path) -> None:
    for reference in (f"ghcr.io/someone/else@{DIGEST}", f"{release.IMAGE}:v1", release.IMAGE):
        with pytest.raises(release.ReleaseError, match="expected"):
            release.pin_image(reference, root=tmp_path)


def test_the_script_prints_workflow_outputs_and_release_notes() -> None:
    version = release.project_version()
    script = REPO_ROOT / "scripts" / "release.py"
    outputs = subprocess.run(
        [sys.executable, str(script), "check", f"v{version}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert f"version={version}\n" in outputs
    assert f"major=v{version.split('.')[0]}\n" in outputs
    notes = subprocess.run(
        [sys.executable, str(script), "notes", version],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert notes == release.changelog_section(version)
    wrong = subprocess.run(
        [sys.executable, str(script), "check", "v99.0.0"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert wrong.returncode == 1
    assert wrong.stderr.startswith("release: ")
