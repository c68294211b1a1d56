# The claude-preflight docker action. GitHub's runner builds this file (`image: Dockerfile`) and runs
# it with the workspace mounted at /github/workspace, as root, with `--workdir /github/workspace`.
#
# BASE_IMAGE is pinned by digest (the multi-arch index of python:3.12-slim; re-resolve with
# `docker buildx imagetools inspect python:3.12-slim` when bumping). The runner passes no build
# args, so releases always use this pin; the container test overrides it with a local stand-in.
ARG BASE_IMAGE=python:3.12-slim@sha256:78387bc3881b8273120a12ebe6c1ab22b018ccc2c9adf565ae1ac9b536e184ea
FROM ${BASE_IMAGE}

LABEL org.opencontainers.image.title="claude-preflight" \
      org.opencontainers.image.description="A CI gate that proves a Claude API integration will work in production before you deploy." \
      org.opencontainers.image.licenses="MIT" \
      com.github.actions.name="claude-preflight" \
      com.github.actions.icon="shield" \
      com.github.actions.color="orange"

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CLAUDE_PREFLIGHT_TEMPLATE_CACHE=/app/template-cache

# Dependencies first (their layer survives code changes); every file is checked against its hash.
# The runtime venv holds the runtime dependencies only: pip (and setuptools, where the base's
# venv brings it) leave in the same layer, so they never reach the image (10-15 MB saved).
COPY requirements.lock /app/requirements.lock
RUN python3 -m venv /app/venv \
    && /app/venv/bin/pip install --no-cache-dir --require-hashes --only-binary=:all: \
        -r /app/requirements.lock \
    && /app/venv/bin/python -m pip uninstall --yes --quiet pip setuptools

# The image is a plain CLI too: `claude-preflight` on PATH is what a GitLab job (which replaces the
# entrypoint with a shell) and `docker run --entrypoint claude-preflight` call.
RUN printf '#!/bin/sh\nexec /app/venv/bin/python -E -B -u /app/entrypoint.py "$@"\n' \
        >/usr/local/bin/claude-preflight \
    && chmod 0755 /usr/local/bin/claude-preflight

# The code runs from /app (the entrypoint's directory is on sys.path), so no build backend is
# needed in the image; bytecode is compiled now because nothing may be written at run time.
COPY checker/ /app/checker/
COPY entrypoint.py /app/entrypoint.py
# The summary's templates are compiled into the cache now too: compiling them at run time would
# cost more than the rest of the gate.
RUN /app/venv/bin/python -m compileall -q /app/checker /app/entrypoint.py \
    && /app/venv/bin/python -c "import sys; sys.path.insert(0, '/app'); \
from checker.reporters.summary import warm_template_cache; warm_template_cache()"

# -E: a workflow's PYTHON* env vars (PYTHONPATH, PYTHONWARNINGS, ...) cannot change the action;
# -B -u restate PYTHONDONTWRITEBYTECODE/PYTHONUNBUFFERED, which -E would otherwise ignore.
ENTRYPOINT ["/app/venv/bin/python", "-E", "-B", "-u", "/app/entrypoint.py"]
