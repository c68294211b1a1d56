#!/usr/bin/env bash
# Smoke test of a built image, as the release workflow runs it before pushing (and the container
# test runs it on every CI run, so the release's test is itself tested):
#   1. as GitHub runs the action, on examples/ with the live check off: exit code 1 (the example
#      has mistakes), a job summary whose first line is the headline, and the step outputs;
#   2. as a plain CLI (`docker run --rm -v "$PWD:/work" -w /work IMAGE .`): exit code 1 and the
#      verdict line.
# Usage: scripts/smoke_image.sh IMAGE [docker run option ...]   (e.g. --platform linux/arm64)
set -euo pipefail

IMAGE=${1:?usage: scripts/smoke_image.sh IMAGE [docker run option ...]}
shift
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK" 2>/dev/null || true' EXIT
mkdir -p "$WORK/ws" "$WORK/fc"
cp -a "$ROOT/examples/." "$WORK/ws/"
: >"$WORK/fc/step_summary"
: >"$WORK/fc/output"

fail() { printf 'smoke test FAILED: %s\n' "$*" >&2; exit 1; }

status=0
docker run --rm --network none "$@" --workdir /github/workspace \
    -v "$WORK/ws:/github/workspace" -v "$WORK/fc:/github/file_commands" \
    -e GITHUB_ACTIONS=true -e CI=true -e GITHUB_WORKSPACE=/github/workspace \
    -e GITHUB_STEP_SUMMARY=/github/file_commands/step_summary \
    -e GITHUB_OUTPUT=/github/file_commands/output -e 'INPUT_LIVE-CHECK=off' \
    "$IMAGE" >"$WORK/action.out" 2>&1 || status=$?
((status == 1)) || { cat "$WORK/action.out" >&2; fail "the action exited $status, expected 1"; }
head -n 1 "$WORK/fc/step_summary" | grep -q '^#.*claude-preflight' ||
    fail "the job summary has no headline"
grep -q '^passed<<ghadelimiter_' "$WORK/fc/output" || fail "no 'passed' step output"

status=0
docker run --rm --network none "$@" -v "$WORK/ws:/work" -w /work "$IMAGE" . --live-check off \
    >"$WORK/cli.out" 2>&1 || status=$?
((status == 1)) || { cat "$WORK/cli.out" >&2; fail "the CLI exited $status, expected 1"; }
grep -q '^claude-preflight FAILED' "$WORK/cli.out" || fail "the CLI printed no verdict"

printf 'smoke test passed: %s (action and CLI on examples/, exit code 1, summary written)\n' "$IMAGE"
