"""The gate's own configuration and the files it could not read (CFG)."""

from __future__ import annotations

from checker.findings.rule import Example, Rule, Wording

_NARROW_THE_SCAN = (
    "Run claude-preflight on the sub-folder that holds the app (`working-directory`), or "
    "`exclude` generated folders in `.claude-preflight.yml`."
)

RULES: tuple[Rule, ...] = (
    Rule(
        code="CFG001",
        title="Config file cannot be parsed",
        severity="error",
        job="config",
        since="0.1.0",
        explanation=(
            "An environment config file is not valid YAML, JSON, TOML, dotenv or properties; "
            "the deployed app would fail to read it too."
        ),
        fix="Fix the syntax at the line and column shown.",
        words={
            "unparsable": Wording(message="`{file}` is not valid {file_format}: {problem}."),
        },
        example=Example(
            trigger=(
                "`config/prod.yaml` has a tab where YAML needs spaces:\n\n"
                "```yaml\nanthropic:\n\tmodel: claude-opus-4-5\n```"
            ),
            facts={
                "file": "config/prod.yaml",
                "file_format": "YAML",
                "problem": "found character '\\t' that cannot start any token",
            },
            fixed="```yaml\nanthropic:\n  model: claude-opus-4-5\n```",
        ),
    ),
    Rule(
        code="CFG002",
        title="Nothing to check",
        severity="warning",
        job="config",
        since="0.1.0",
        explanation=(
            "No environment config files or no Claude model IDs were found, so the model "
            "checks had nothing to compare."
        ),
        fix=(
            "Point `environments` in `.claude-preflight.yml` at your config files, or add "
            "`model_keys` for settings whose names do not contain `model`."
        ),
        words={
            "no_model": Wording(
                message=(
                    "No Claude model ID was found in the {read} read ({attributed} among "
                    "them); the model checks had nothing to check{elsewhere}."
                ),
                fix=(
                    "If the app names its model somewhere the gate does not read (a secret, a "
                    "database), pass it to this step as `ANTHROPIC_MODEL`, or list the file's "
                    "key under `model_keys` in `.claude-preflight.yml`."
                ),
            ),
            "unmatched_environment": Wording(
                message=(
                    "Environment `{environment}` of `.claude-preflight.yml` matched no file: its "
                    "globs ({globs}) are matched against workspace-relative paths, so nothing "
                    "outside the workspace is ever read."
                ),
                fix=(
                    "Correct the globs (workspace-relative, `/`-separated, `**` crosses "
                    "folders), or remove the environment."
                ),
            ),
        },
        example=Example(
            trigger=(
                "The app reads its model from a secret, and the repository names no Claude "
                "model anywhere the gate reads."
            ),
            facts={
                "read": "42 files",
                "attributed": "3 environment config files",
                "elsewhere": "",
            },
            fixed=(
                "```yaml\n# the deploy job\n- uses: claude-preflight/claude-preflight@v1\n"
                "  env:\n    ANTHROPIC_MODEL: ${{ vars.ANTHROPIC_MODEL }}\n```"
            ),
        ),
    ),
    Rule(
        code="CFG003",
        title="File skipped",
        severity="notice",
        job="config",
        since="0.1.0",
        explanation=(
            "A file was not read: too large, binary, outside the workspace through a symlink, "
            "a symlink loop, or too deeply nested. Nothing in it was checked."
        ),
        fix="Nothing to do if the file is not configuration; otherwise shrink or move it.",
        words={
            "skipped": Wording(message="Skipped `{file}`: {reason}."),
            "calls_unchecked": Wording(
                message=(
                    "The Claude API calls in `{file}` were not checked: {reason}. Its model "
                    "IDs were still read."
                ),
                fix=(
                    "Nothing to do if the file never runs (a template, Python 2 code); "
                    "otherwise make it parse, so that the request checks (REQ001, REQ002) see "
                    "its calls."
                ),
            ),
            "too_many_files": Wording(
                message=(
                    "Stopped listing after {limit} files; the rest of the workspace was not read."
                ),
                fix=_NARROW_THE_SCAN,
            ),
            "out_of_time": Wording(
                message=(
                    "The scan stopped after {seconds:g} s: {read} of {listed} files were read, "
                    "the rest were not."
                ),
                fix=_NARROW_THE_SCAN,
            ),
            "glob_too_long": Wording(
                message=(
                    "{count} glob(s) of `{key}` in `.claude-preflight.yml` are longer than "
                    "{limit} characters; only their first {limit} are matched."
                ),
                fix="Shorten the glob, or split it into several.",
            ),
        },
        example=Example(
            trigger="`assets/app.min.js` is 12 MB of minified code.",
            facts={"file": "assets/app.min.js", "reason": "larger than 5 MB (12582912 bytes)"},
            fixed=(
                "Nothing to do: generated files hold no settings of the deploy. To silence "
                "the notice, `exclude: [assets/**]` in `.claude-preflight.yml`."
            ),
        ),
    ),
    Rule(
        code="CFG004",
        title="Bundled model catalog is out of date",
        severity="notice",
        job="config",
        since="0.2.0",
        explanation=(
            "The model catalog bundled with this version of claude-preflight is more than 60 "
            "days old and no `catalog:` file was given. Model lifecycles change within weeks: "
            "a model deprecated or retired since the catalog's as-of date still passes as "
            "current here, and newer models are known only through the live model list. The "
            "live check (`--live-check models`) still reports a model the API no longer "
            "serves."
        ),
        fix=(
            "Upgrade claude-preflight (a newer action version carries a newer catalog), or "
            "list newer entries in a file named by `catalog:` in `.claude-preflight.yml`. "
            "Maintainers refresh the bundled catalog with `python scripts/refresh_catalog.py "
            "--fetch`."
        ),
        words={
            "old": Wording(
                message=(
                    "The bundled model catalog is as of {as_of}, {age} days ago (more than "
                    "{limit}): models deprecated or retired since then still pass as current "
                    "here, and newer models are known only through the live model list."
                ),
            ),
            "undated": Wording(
                message=(
                    "The bundled model catalog has no valid as-of date, so its age is unknown; "
                    "treat its lifecycle data (deprecations, retirements) as possibly stale."
                ),
            ),
        },
        example=Example(
            trigger="A workflow pinned to an old release of the action, run months later.",
            facts={"as_of": "2026-06-01", "age": 183, "limit": 60},
            fixed=("```yaml\n- uses: claude-preflight/claude-preflight@v1  # a newer release\n```"),
        ),
    ),
)
