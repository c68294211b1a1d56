#!/usr/bin/env bash
# Container test: build the action's real Dockerfile and run the image exactly as GitHub's runner
# runs a docker action, then assert on exit codes, the job summary, step outputs and annotations.
#
# Default mode (a fresh Debian/Ubuntu machine, as root, with only the package mirror and PyPI
# reachable): install docker.io + debootstrap if missing, start a private dockerd in a scratch
# directory (no bridge, no iptables: nothing is left on the host's network), build a stand-in
# python base with debootstrap from the machine's own apt mirror (Docker Hub is not reachable),
# build the Dockerfile on top of it with --build-arg BASE_IMAGE, run, and stop dockerd by its PID.
#
# PREFLIGHT_CONTAINER_MODE=existing-daemon uses the docker daemon already running (GitHub-hosted
# runners) and the Dockerfile's own pinned base image.
#
# Environment: PREFLIGHT_CI_CACHE (default /var/cache/claude-preflight-ci) caches the base rootfs;
# PREFLIGHT_SUITE overrides the Debian/Ubuntu suite (default: this machine's codename).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
MODE=${PREFLIGHT_CONTAINER_MODE:-own-daemon}
CACHE_DIR=${PREFLIGHT_CI_CACHE:-/var/cache/claude-preflight-ci}
BASE_TAG=local/preflight-base:test
IMAGE=claude-preflight:test
PYTHON=${PYTHON:-python3}
RECIPE_VERSION=1   # bump when the stand-in recipe changes, to invalidate cached rootfs tarballs
STARTED=$(date +%s)

log() { printf '[container-test %4ss] %s\n' "$(($(date +%s) - STARTED))" "$*"; }
die() { printf '[container-test] FAILED: %s\n' "$*" >&2; exit 1; }

SCRATCH=""
DOCKERD_PID=""
HAD_DOCKER0=0
IP_FORWARD_BEFORE=""

cleanup() {
    local status=$?
    set +e
    if [[ -n "$DOCKERD_PID" ]] && kill -0 "$DOCKERD_PID" 2>/dev/null; then
        log "stopping dockerd (pid $DOCKERD_PID)"
        kill "$DOCKERD_PID"
        for _ in $(seq 1 40); do
            kill -0 "$DOCKERD_PID" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$DOCKERD_PID" 2>/dev/null; then
            log "dockerd did not stop in 20 s; sending SIGKILL to pid $DOCKERD_PID"
            kill -9 "$DOCKERD_PID"
        fi
    fi
    if [[ -n "$SCRATCH" && -d "$SCRATCH" ]]; then
        # Mounts dockerd leaves behind (netns/default, overlay layers), deepest first.
        awk -v s="$SCRATCH" 'index($2, s) == 1 { print $2 }' /proc/mounts | sort -r |
            while read -r mount_point; do umount -l "$mount_point" 2>/dev/null; done
        rm -rf "$SCRATCH"
    fi
    if [[ "$MODE" == own-daemon ]]; then
        if [[ "$HAD_DOCKER0" == 0 ]] && ip link show docker0 >/dev/null 2>&1; then
            ip link delete docker0 2>/dev/null
        fi
        if [[ -n "$IP_FORWARD_BEFORE" ]]; then
            sysctl -qw "net.ipv4.ip_forward=$IP_FORWARD_BEFORE" 2>/dev/null
        fi
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. engine and tools ------------------------------------------------------------------------
install_packages() {
    local missing=()
    command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
    command -v docker >/dev/null 2>&1 || missing+=(docker.io)
    command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
    if ((${#missing[@]})); then
        log "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

start_dockerd() {
    SCRATCH=$(mktemp -d /tmp/cpf-docker.XXXXXX)
    ip link show docker0 >/dev/null 2>&1 && HAD_DOCKER0=1
    IP_FORWARD_BEFORE=$(cat /proc/sys/net/ipv4/ip_forward 2>/dev/null || true)
    # No bridge and no iptables: builds use the host network, runs use --network none.
    dockerd --data-root "$SCRATCH/data" --exec-root "$SCRATCH/exec" \
        -H "unix://$SCRATCH/docker.sock" --pidfile "$SCRATCH/dockerd.pid" \
        --bridge=none --iptables=false --ip-forward=false --ip-masq=false \
        >"$SCRATCH/dockerd.log" 2>&1 </dev/null &
    DOCKERD_PID=$!
    export DOCKER_HOST="unix://$SCRATCH/docker.sock"
    for _ in $(seq 1 60); do
        if docker info >/dev/null 2>&1; then
            log "dockerd ready (pid $DOCKERD_PID)"
            return
        fi
        kill -0 "$DOCKERD_PID" 2>/dev/null || break
        sleep 0.5
    done
    tail -n 30 "$SCRATCH/dockerd.log" >&2 || true
    die "dockerd did not start"
}

# --- 2. stand-in base image -----------------------------------------------------------------------
# The first `deb` mirror of this machine's apt sources that serves $1 (one-line or deb822 format).
apt_mirror() {
    local suite=$1 file
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [[ -f "$file" ]] || continue
        awk -v suite="$suite" '
            $1 == "deb" {
                i = 2
                if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                if ($(i + 1) == suite) { print $i; exit }
            }' "$file"
    done
    for file in /etc/apt/sources.list.d/*.sources; do
        [[ -f "$file" ]] || continue
        awk -v suite="$suite" '
            function flush() {
                if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " suite " ") && uris != "") {
                    split(uris, parts, " "); print parts[1]; found = 1
                }
                types = ""; uris = ""; suites = ""; enabled = 1
            }
            BEGIN { enabled = 1 }
            /^[ \t]*$/ { if (enabled) flush(); else { types = ""; uris = ""; suites = ""; enabled = 1 }
                         if (found) exit; next }
            /^#/ { next }
            { key = tolower($1); sub(/:$/, "", key); $1 = ""; sub(/^ +/, "")
              if (key == "types") types = $0
              else if (key == "uris") uris = $0
              else if (key == "suites") suites = $0
              else if (key == "enabled" && tolower($0) == "no") enabled = 0 }
            END { if (!found && enabled) flush() }' "$file"
    done
}

build_base_image() {
    local suite mirror ca_file ca_sum key tarball rootfs
    # shellcheck disable=SC1091
    suite=${PREFLIGHT_SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")}
    mirror=$(apt_mirror "$suite" | head -n 1)
    [[ -n "$mirror" ]] || die "no apt mirror for suite '$suite' in /etc/apt/sources.list(.d)"
    ca_file=/etc/ssl/certs/ca-certificates.crt
    ca_sum=none
    [[ -f "$ca_file" ]] && ca_sum=$(sha256sum "$ca_file" | cut -c1-16)
    key=$(printf '%s %s %s %s' "$RECIPE_VERSION" "$suite" "$mirror" "$ca_sum" | sha256sum | cut -c1-16)
    tarball="$CACHE_DIR/rootfs-$suite-$key.tar"
    if [[ ! -s "$tarball" ]]; then
        log "debootstrap $suite from $mirror (cached afterwards in $tarball)"
        mkdir -p "$CACHE_DIR"
        rootfs="$SCRATCH/rootfs"
        debootstrap --variant=minbase --include=python3,python3-venv,python3-pip,ca-certificates \
            "$suite" "$rootfs" "$mirror" >"$SCRATCH/debootstrap.log" 2>&1 ||
            { tail -n 30 "$SCRATCH/debootstrap.log" >&2; die "debootstrap failed"; }
        # A proxy that intercepts HTTPS signs with the host's CA; pip in the build must trust it.
        [[ -f "$ca_file" ]] && cp "$ca_file" "$rootfs/etc/ssl/certs/ca-certificates.crt"
        # Official python images ship stdlib bytecode; without it every run compiles the stdlib.
        chroot "$rootfs" sh -c 'python3 -m compileall -q -j 0 /usr/lib/python3*/ >/dev/null 2>&1 || true'
        rm -rf "$rootfs/var/cache/apt/archives/"*.deb "$rootfs/var/lib/apt/lists/"*
        tar -C "$rootfs" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
        rm -rf "$rootfs"
    else
        log "using cached base rootfs $tarball"
    fi
    docker import \
        -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        -c 'ENV LANG=C.UTF-8' \
        -c 'ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt' \
        -c 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt' \
        "$tarball" "$BASE_TAG" >/dev/null
    log "imported stand-in base $BASE_TAG"
}

# --- 3. run the image as the runner does -----------------------------------------------------------
# Every input action.yml declares, read from action.yml itself so a new input is exported too.
mapfile -t ACTION_INPUTS < <(awk '
    /^inputs:/ { inside = 1; next }
    /^[^ #]/ { inside = 0 }
    inside && /^  [A-Za-z_][A-Za-z0-9_-]*:[ ]*$/ { name = $1; sub(/:$/, "", name); print name }
' "$ROOT/action.yml")
((${#ACTION_INPUTS[@]} > 0)) || die "no inputs found in action.yml"

# The stdlib-only assertion helper, run from the repository root so `tests` is importable.
check_runs() { (cd "$ROOT" && PYTHONDONTWRITEBYTECODE=1 "$PYTHON" -m tests.container.check_runs "$@"); }

# run_action NAME WORKSPACE_SOURCE [input=value ...]: a fresh run directory under the scratch dir.
run_action() {
    local name=$1 source=$2
    shift 2
    local dir="$RUNS/$name" input value upper
    mkdir -p "$dir/ws" "$dir/fc" "$dir/wf" "$dir/rt" "$dir/home"
    cp -a "$source/." "$dir/ws/"
    : >"$dir/fc/step_summary"
    : >"$dir/fc/output"
    printf '{"ref": "refs/heads/main", "repository": {"full_name": "acme/app"}}\n' >"$dir/wf/event.json"
    declare -A given=()
    for input in "$@"; do given[${input%%=*}]=${input#*=}; done
    local env_args=() docker_env=()
    for input in "${ACTION_INPUTS[@]}"; do
        upper=$(printf '%s' "$input" | tr '[:lower:] ' '[:upper:]_')
        value=${given[$input]-}
        env_args+=("INPUT_$upper=$value")
        docker_env+=(-e "INPUT_$upper")   # value-less, as the runner does: taken from our env
    done
    check_runs snapshot "$dir/ws" >"$dir/ws.before"
    set +e
    env "${env_args[@]}" docker run --rm --network none \
        --workdir /github/workspace \
        -v "$dir/ws:/github/workspace" -v "$dir/fc:/github/file_commands" \
        -v "$dir/wf:/github/workflow" -v "$dir/rt:/github/runner_temp" -v "$dir/home:/github/home" \
        -e HOME=/github/home -e GITHUB_ACTIONS=true -e CI=true \
        -e GITHUB_WORKSPACE=/github/workspace -e GITHUB_EVENT_PATH=/github/workflow/event.json \
        -e GITHUB_EVENT_NAME=push -e GITHUB_REPOSITORY=acme/app -e GITHUB_ACTOR=octocat \
        -e GITHUB_REF=refs/heads/main -e GITHUB_RUN_ID=42 -e GITHUB_SERVER_URL=https://github.com \
        -e GITHUB_STEP_SUMMARY=/github/file_commands/step_summary \
        -e GITHUB_OUTPUT=/github/file_commands/output -e RUNNER_TEMP=/github/runner_temp \
        "${docker_env[@]}" "$IMAGE" >"$dir/stdout" 2>"$dir/stderr"
    echo $? >"$dir/exit_code"
    set -e
    check_runs snapshot "$dir/ws" >"$dir/ws.after"
    log "run '$name' exited $(cat "$dir/exit_code")"
}

# run_cli NAME WORKSPACE_SOURCE [docker run options] -- [args ...]: the image as a plain CLI, the
# way the README documents it (`docker run --rm -v "$PWD:/work" -w /work IMAGE .`): no GitHub env.
run_cli() {
    local name=$1 source=$2
    shift 2
    local dir="$RUNS/$name" docker_opts=()
    while (($#)) && [[ $1 != -- ]]; do docker_opts+=("$1"); shift; done
    (($#)) && shift
    mkdir -p "$dir/ws" "$dir/fc"
    cp -a "$source/." "$dir/ws/"
    : >"$dir/fc/step_summary"
    : >"$dir/fc/output"
    check_runs snapshot "$dir/ws" >"$dir/ws.before"
    set +e
    docker run --rm --network none -v "$dir/ws:/work" -w /work "${docker_opts[@]}" "$IMAGE" "$@" \
        >"$dir/stdout" 2>"$dir/stderr"
    echo $? >"$dir/exit_code"
    set -e
    check_runs snapshot "$dir/ws" >"$dir/ws.after"
    log "cli run '$name' exited $(cat "$dir/exit_code")"
}

# Milliseconds from `docker run` to the container's exit, best of three runs of the action on
# examples/ with the live check off (the first run may still be warming the page cache).
start_to_exit_ms() {
    local best="" began ended elapsed dir="$RUNS/timing"
    mkdir -p "$dir/ws" "$dir/fc"
    cp -a "$ROOT/examples/." "$dir/ws/"
    for _ in 1 2 3; do
        : >"$dir/fc/step_summary"
        : >"$dir/fc/output"
        began=$(date +%s%N)
        docker run --rm --network none --workdir /github/workspace \
            -v "$dir/ws:/github/workspace" -v "$dir/fc:/github/file_commands" \
            -e GITHUB_ACTIONS=true -e CI=true -e GITHUB_WORKSPACE=/github/workspace \
            -e GITHUB_STEP_SUMMARY=/github/file_commands/step_summary \
            -e GITHUB_OUTPUT=/github/file_commands/output -e 'INPUT_LIVE-CHECK=off' \
            "$IMAGE" >/dev/null 2>&1 || true
        ended=$(date +%s%N)
        elapsed=$(((ended - began) / 1000000))
        if [[ -z "$best" ]] || ((elapsed < best)); then best=$elapsed; fi
    done
    echo "$best"
}

# Bytes of an image as `docker image inspect` reports them (the uncompressed layers).
image_bytes() { docker image inspect --format '{{.Size}}' "$1"; }

# --- main -----------------------------------------------------------------------------------------
case "$MODE" in
    own-daemon)
        [[ $EUID -eq 0 ]] || die "the container test starts its own dockerd and must run as root"
        install_packages
        start_dockerd
        build_base_image
        build_args=(--network host --build-arg "BASE_IMAGE=$BASE_TAG")
        ;;
    existing-daemon)
        docker info >/dev/null || die "PREFLIGHT_CONTAINER_MODE=existing-daemon but no docker daemon"
        SCRATCH=$(mktemp -d /tmp/cpf-docker.XXXXXX)
        build_args=()
        ;;
    *) die "unknown PREFLIGHT_CONTAINER_MODE '$MODE' (own-daemon or existing-daemon)" ;;
esac

log "building $IMAGE from $ROOT/Dockerfile"
DOCKER_BUILDKIT=0 docker build -q "${build_args[@]}" -t "$IMAGE" "$ROOT" >"$SCRATCH/build.log" 2>&1 ||
    { tail -n 40 "$SCRATCH/build.log" >&2; die "docker build failed"; }
log "built $IMAGE"

RUNS="$SCRATCH/runs"
mkdir -p "$RUNS" "$SCRATCH/repo"
cp -a "$ROOT/examples" "$SCRATCH/repo/examples"
# A well-formed Console key (sk-ant-api03- + 93 characters + AA) that exists nowhere.
FAKE_KEY=$("$PYTHON" -c 'import secrets, string
alphabet = string.ascii_letters + string.digits
print("sk-ant-api03-" + "".join(secrets.choice(alphabet) for _ in range(93)) + "AA")')

run_action offline "$ROOT/examples" live-check=off
run_action bogus "$ROOT/examples" live-check=bogus
run_action fake-key "$SCRATCH/repo" live-check=off working-directory=examples "api-key=$FAKE_KEY"
run_cli cli "$ROOT/examples" -- . --live-check off
run_cli cli-version "$ROOT/examples" --entrypoint claude-preflight -- --version
# A GitLab job: the entrypoint replaced by a shell that runs the documented script line.
run_cli gitlab "$ROOT/examples" --entrypoint /bin/sh -e CI=true -e GITLAB_CI=true -- \
    -c 'claude-preflight . --live-check off --gitlab gl-code-quality-report.json'

FAKE_KEY="$FAKE_KEY" check_runs check "$RUNS"
# The release workflow's smoke test, on the image this run built.
bash "$ROOT/scripts/smoke_image.sh" "$IMAGE" || die "scripts/smoke_image.sh failed"

# Small and quick (targets: at most 80 MB over the base image; under 1 s from start to exit).
base_ref=$BASE_TAG
if [[ "$MODE" == existing-daemon ]]; then
    base_ref=$(sed -n 's/^ARG BASE_IMAGE=//p' "$ROOT/Dockerfile")
fi
image_size=$(image_bytes "$IMAGE")
base_size=$(image_bytes "$base_ref")
over_base_mb=$(((image_size - base_size) / 1000000))
elapsed_ms=$(start_to_exit_ms)
log "image size: $((image_size / 1000000)) MB, $over_base_mb MB over the base $base_ref (target: <= 80 MB)"
log "start to exit on examples/, live check off: $elapsed_ms ms (target: < 1000 ms)"
((over_base_mb <= 80)) || die "the image is $over_base_mb MB over its base (target: <= 80 MB)"
if ((elapsed_ms >= 1000)); then
    log "WARNING: start to exit took $elapsed_ms ms, over the 1 s target (a loaded machine?)"
fi
log "container test passed in $(($(date +%s) - STARTED)) s"
