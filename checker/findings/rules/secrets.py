"""Secrets: the key and settings the deploy needs (SEC)."""

from __future__ import annotations

from checker.findings.rule import Example, Rule, Wording

# The aside SEC001 adds, as its `near_miss` fact, when a similar name is set ("" when none is).
NEAR_MISS = " (`{similar}` is set, though: a misspelt name, or a variable your SDK does not read?)"

_EMPTY_ON_GITHUB = (
    " On GitHub this is what a secret that does not exist, is misspelt, belongs to an environment "
    "the job does not declare, or is not passed to this step looks like."
)
_JOB_ENVIRONMENT = (
    "If it is an environment secret, give the job `environment: <name>`; with required reviewers "
    "it is only available once approved."
)
_WIRE_API_KEY = (
    "Create the secret `{variable}` (Settings > Secrets and variables > Actions) and pass it to "
    "this step with `with: api-key: ${{ secrets.{variable} }}` (or `env: {variable}: ${{ "
    "secrets.{variable} }}`). " + _JOB_ENVIRONMENT
)
_WIRE_SECRET = (
    "Create the secret `{variable}` (Settings > Secrets and variables > Actions) and pass it to "
    "this step with `env: {variable}: ${{ secrets.{variable} }}`. " + _JOB_ENVIRONMENT
)
_EXPORT = "Export `{variable}` in the environment that runs claude-preflight."
_OFFLINE_RAN = " The live check was skipped; every offline check ran."
_UNAVAILABLE_FAILS = " `on-unavailable-secrets: fail` makes this an error."
_FORK_PR = (
    "This run is a pull request{fork}: GitHub passes no secrets to it, so {names} {verb} empty, "
    "as expected." + _OFFLINE_RAN
)
_DEPENDABOT = (
    "This run was triggered by Dependabot, which only sees Dependabot secrets, and {names} "
    "{verb} not among them." + _OFFLINE_RAN
)
_FORK_PR_FIX = (
    "Nothing to fix in this pull request. To check the key for fork PRs too, run claude-preflight "
    "from a second workflow triggered by `workflow_run` after this one: it runs in the base "
    "repository with its secrets (do not check out or run the PR's code there). Do not switch to "
    "`pull_request_target` to get secrets: it hands them to untrusted code."
)
_DEPENDABOT_FIX = (
    "Add {names} as Dependabot secret{plural} with the same name (Settings > Secrets and "
    "variables > Dependabot), or accept that Dependabot PRs skip the live check."
)
_FEDERATION_SETUP = (
    "Set every federation variable in the job's `env:`: `ANTHROPIC_IDENTITY_TOKEN_FILE` (the "
    "file the OIDC token was written to, with `permissions: id-token: write`), "
    "`ANTHROPIC_FEDERATION_RULE_ID` (`fdrl_...`), `ANTHROPIC_ORGANIZATION_ID` (UUID), "
    "`ANTHROPIC_SERVICE_ACCOUNT_ID` (`svac_...`), and `ANTHROPIC_WORKSPACE_ID` when the rule "
    "spans several workspaces."
)
_FEDERATION_IDS_COPIED = "; federation IDs are copied from the Console exactly."
_CONSOLE_KEY = (
    "Create a regular API key in the Claude Console (Settings > API keys, not Admin keys) and "
    "store that in {where}."
)
_SHADOWS_FEDERATION = (
    " in this run, and a set `{variable}` takes precedence over keyless federation: the SDK uses "
    "it and never exchanges the OIDC token"
)
_UNSHADOW_FEDERATION = (
    "Remove `{variable}` from the step's and the job's `env:` (an `env:` entry pointing at a "
    "secret that does not exist still sets it, to an empty string), or drop the federation "
    "variables if the key is what you mean to use."
)
_PROVIDE_VARIABLE = (
    "Pass `{variable}` to this step (`env: {variable}: ...`, from a secret or variable), list it "
    "in `required-secrets`, or give the reference a default (`${{variable}:-default}`)."
)
_READS_UNSET = "`{file}` reads `{form}` at `{key}`, but `{variable}` {state} in this run"
_STEP = "- uses: claude-preflight/claude-preflight@v1"

RULES: tuple[Rule, ...] = (
    Rule(
        code="SEC001",
        title="Required secret missing or empty",
        severity="error",
        job="secrets",
        since="0.1.0",
        explanation=(
            "A secret the deploy needs is not set, or is set to an empty string, in this run. "
            "GitHub turns a secret that does not exist, is misspelt, belongs to an environment"
            " the job does not use, or is not wired into the step into the same empty string, "
            "so the app would start without a credential and fail on its first Claude call."
        ),
        fix=(
            "Create the secret (Settings > Secrets and variables > Actions, or the "
            "environment's secrets) and pass it to this step, e.g. `with: api-key: ${{ "
            "secrets.ANTHROPIC_API_KEY }}`. For environment secrets, give the job "
            "`environment: production`."
        ),
        words={
            "api_key_unset": Wording(
                message=(
                    "No API key in this run: the `api-key` input is empty and `{variable}` is "
                    "not set{near_miss}."
                ),
                fix=_WIRE_API_KEY,
            ),
            "api_key_empty": Wording(
                message=(
                    "No API key in this run: the `api-key` input is empty and `{variable}` "
                    "{state}{near_miss}." + _EMPTY_ON_GITHUB
                ),
                fix=_WIRE_API_KEY,
            ),
            "input_blank": Wording(
                message=(
                    "No API key in this run: the `api-key` input contains only whitespace"
                    "{near_miss}." + _EMPTY_ON_GITHUB
                ),
                fix=_WIRE_API_KEY,
            ),
            "secret_unset": Wording(
                message="`{variable}` is not set in this run{near_miss}.", fix=_WIRE_SECRET
            ),
            "secret_empty": Wording(
                message="`{variable}` {state} in this run{near_miss}." + _EMPTY_ON_GITHUB,
                fix=_WIRE_SECRET,
            ),
            "api_key_local": Wording(
                message="No API key in this run: `{variable}` {state}{near_miss}.", fix=_EXPORT
            ),
            "input_blank_local": Wording(
                message=(
                    "No API key in this run: the `api-key` input contains only whitespace"
                    "{near_miss}."
                ),
                fix=_EXPORT,
            ),
            "secret_local": Wording(
                message="`{variable}` {state} in this run{near_miss}.", fix=_EXPORT
            ),
        },
        example=Example(
            trigger=(
                "The deploy workflow runs the gate without giving it the key:\n\n"
                "```yaml\n" + _STEP + "\n```"
            ),
            facts={"variable": "ANTHROPIC_API_KEY", "near_miss": ""},
            fixed=(
                "```yaml\n"
                + _STEP
                + "\n  with:\n    api-key: ${{ secrets.ANTHROPIC_API_KEY }}\n```"
            ),
        ),
    ),
    Rule(
        code="SEC002",
        title="Secrets withheld by design in this run",
        severity="notice",
        job="secrets",
        since="0.1.0",
        explanation=(
            "GitHub gives no repository secrets to workflows triggered from a fork and only "
            "Dependabot secrets to Dependabot runs. The live check cannot run here; every "
            "offline check still ran."
        ),
        fix=(
            "Nothing is wrong with the key. To check it on these runs anyway: add the key as a"
            " Dependabot secret (Dependabot), or run the live check from a `workflow_run` "
            "workflow that runs after the PR workflow in the base repository (fork PRs)."
        ),
        severity_note="error with `--on-unavailable-secrets fail`",
        words={
            "fork_pr": Wording(message=_FORK_PR, fix=_FORK_PR_FIX),
            "dependabot": Wording(message=_DEPENDABOT, fix=_DEPENDABOT_FIX),
            "fork_pr_fail": Wording(message=_FORK_PR + _UNAVAILABLE_FAILS, fix=_FORK_PR_FIX),
            "dependabot_fail": Wording(
                message=_DEPENDABOT + _UNAVAILABLE_FAILS, fix=_DEPENDABOT_FIX
            ),
        },
        example=Example(
            trigger=(
                "A contributor opens a pull request from their fork; the PR workflow runs the "
                "gate with `api-key: ${{ secrets.ANTHROPIC_API_KEY }}`."
            ),
            facts={
                "fork": " from the fork `octo-contributor/app`",
                "names": "`ANTHROPIC_API_KEY`",
                "verb": "is",
            },
            fixed=(
                "The PR passes with the notice. To check the key after it, in the base "
                "repository:\n\n```yaml\n# .github/workflows/live-check.yml\non:\n"
                "  workflow_run:\n    workflows: [CI]\n    types: [completed]\njobs:\n"
                "  live-check:\n    runs-on: ubuntu-latest\n    steps:\n"
                "      - uses: claude-preflight/claude-preflight@v1\n        with:\n"
                "          api-key: ${{ secrets.ANTHROPIC_API_KEY }}\n```"
            ),
        ),
    ),
    Rule(
        code="SEC003",
        title="Malformed secret",
        severity="error",
        job="secrets",
        since="0.1.0",
        explanation=(
            "The secret has a shape no valid credential has: surrounding whitespace or a "
            "trailing newline (common when pasted or read from a file), wrapping quotes, the "
            "wrong length, or characters outside the key alphabet. HTTP clients reject or "
            "mangle such header values, and some echo the key into their error message. Also "
            "raised when the API key does not start with `sk-ant-` while the base URL is "
            "Anthropic's: the API would refuse it, so it is not sent (a gateway's own keys "
            "need `base-url` set to the gateway)."
        ),
        fix=(
            "Re-create the secret from the Console value exactly, with no quotes, spaces or "
            'newline (`printf %s "$KEY" | gh secret set ANTHROPIC_API_KEY`).'
        ),
        words={
            "shape": Wording(
                message="{slot} {problems}.",
                fix=(
                    "Re-create the secret from the exact value, with no quotes, spaces or "
                    'newline: `printf %s "$VALUE" | gh secret set {variable}` (`echo` adds a '
                    "newline; so do most editors when saving a file)."
                ),
            ),
            "not_anthropic": Wording(
                message=(
                    "{slot} {other_problems}does not start with `sk-ant-`, as every Anthropic "
                    "API key does, and the base URL is Anthropic's API (the value was not sent "
                    "anywhere)."
                ),
                fix=(
                    "Store the API key from the Claude Console (it starts with `sk-ant-api03-`). "
                    "If the app calls Claude through a gateway that issues its own keys, set "
                    "`base-url` to the gateway."
                ),
            ),
            "federation_id_whitespace": Wording(
                message="`{variable}` has surrounding whitespace" + _FEDERATION_IDS_COPIED,
                fix=_FEDERATION_SETUP,
            ),
            "federation_id_shape": Wording(
                message="`{variable}` does not {expected}" + _FEDERATION_IDS_COPIED,
                fix=_FEDERATION_SETUP,
            ),
            "identity_token_not_jwt": Wording(
                message=(
                    "`ANTHROPIC_IDENTITY_TOKEN` is not shaped like a JWT (three base64url parts "
                    "joined by dots)."
                ),
                fix=_FEDERATION_SETUP,
            ),
        },
        example=Example(
            trigger=(
                "The key was stored with `echo`, which adds a newline:\n\n"
                '```sh\necho "$KEY" | gh secret set ANTHROPIC_API_KEY\n```'
            ),
            facts={
                "slot": "`ANTHROPIC_API_KEY`",
                "problems": "ends with a newline",
                "variable": "ANTHROPIC_API_KEY",
            },
            fixed='```sh\nprintf %s "$KEY" | gh secret set ANTHROPIC_API_KEY\n```',
        ),
    ),
    Rule(
        code="SEC004",
        title="Wrong kind of credential in the API-key slot",
        severity="error",
        job="secrets",
        since="0.1.0",
        explanation=(
            "The API-key slot holds a credential the Messages API does not accept in "
            "`x-api-key`: an Admin API key (`sk-ant-admin01-`), an OAuth or federation access "
            "token (`sk-ant-oat01-`), a refresh or session token (`sk-ant-ort01-`, "
            "`sk-ant-sid01-`, `sk-ant-cc-`, `sk-ant-si-`), or another provider's key (OpenAI, "
            "AWS, Google, GitHub, ...; only flagged when the base URL is Anthropic's, since "
            "gateways issue their own keys). Such values are never sent to the live check. "
            "`sk-ant-api01-` is the prefix of Claude Enterprise admin keys, but early API keys"
            " may share it, so it is a warning and the live check decides. Also raised when "
            "keyless GitHub OIDC federation is configured but incomplete, or shadowed by a set"
            " `ANTHROPIC_API_KEY` (even an empty one)."
        ),
        fix=(
            "Create a regular API key in the Console (API keys, not Admin keys) and store "
            "that. For keyless GitHub OIDC federation, set every `ANTHROPIC_*` federation "
            "variable and leave `ANTHROPIC_API_KEY` unset."
        ),
        words={
            "admin_key": Wording(
                message=(
                    "{slot} holds an Admin API key. Admin keys only work with the Admin API "
                    "(usage, keys, workspaces); the Messages API rejects them."
                ),
                fix=_CONSOLE_KEY,
            ),
            "enterprise_admin_key": Wording(
                message=(
                    "{slot} holds a key with the prefix Claude Enterprise uses for admin keys, "
                    "which cannot call the Messages API. Keys created in the early days of the "
                    "API may carry the same prefix: if the live check passes, this is such a key."
                ),
                fix=_CONSOLE_KEY,
            ),
            "oauth_token": Wording(
                message=(
                    "{slot} holds an OAuth access token (a Claude.ai or Claude Code subscription "
                    "token, or a short-lived federation access token), not an API key. The API "
                    "does not accept it as `x-api-key`."
                ),
                fix=(
                    _CONSOLE_KEY + " To run without a stored key, use keyless GitHub OIDC "
                    "federation (`ANTHROPIC_IDENTITY_TOKEN_FILE` and the other `ANTHROPIC_*` "
                    "federation variables) instead of storing a token."
                ),
            ),
            "account_token": Wording(
                message="{slot} holds a {kind}, which is not an API credential.",
                fix=(
                    _CONSOLE_KEY + " Revoke the token if it was shared: it grants access to the "
                    "account that made it."
                ),
            ),
            "other_provider": Wording(
                message=(
                    "{slot} holds {kind}, not an Anthropic key, and the base URL is Anthropic's "
                    "API. The key was not sent anywhere."
                ),
                fix=(
                    _CONSOLE_KEY + " If the app calls Claude through a gateway that issues its "
                    "own keys, set `base-url` to the gateway."
                ),
            ),
            "federation_incomplete": Wording(
                message=(
                    "Keyless OIDC federation is partly configured: {missing}. The SDK falls back "
                    "to no credential at all."
                ),
                fix=_FEDERATION_SETUP,
            ),
            "shadows_federation": Wording(
                message="`{variable}` is set" + _SHADOWS_FEDERATION + ".",
                fix=_UNSHADOW_FEDERATION,
            ),
            "empty_shadows_federation": Wording(
                message=(
                    "`{variable}` is set to an empty string"
                    + _SHADOWS_FEDERATION
                    + " (an empty one fails every call)."
                ),
                fix=_UNSHADOW_FEDERATION,
            ),
            "identity_token_is_key": Wording(
                message=(
                    "`ANTHROPIC_IDENTITY_TOKEN` holds an API key or token, not the GitHub OIDC "
                    "token (a JWT) that federation exchanges."
                ),
                fix=_FEDERATION_SETUP,
            ),
        },
        example=Example(
            trigger=(
                "`ANTHROPIC_API_KEY` holds a key created under Admin keys in the Console "
                "(`sk-ant-admin01-…`)."
            ),
            facts={"slot": "`ANTHROPIC_API_KEY`", "where": "`ANTHROPIC_API_KEY`"},
            fixed=(
                "A regular API key (`sk-ant-api03-…`, from Settings > API keys) stored in its "
                'place:\n\n```sh\nprintf %s "$KEY" | gh secret set ANTHROPIC_API_KEY\n```'
            ),
        ),
    ),
    Rule(
        code="SEC005",
        title="Placeholder secret",
        severity="error",
        job="secrets",
        since="0.1.0",
        explanation=(
            "The secret still holds a placeholder copied from an example file: a `your-…-key` "
            "phrase, a stand-in word (change me, to do, dummy), one filler character repeated "
            "(`x`, `*`), an Anthropic key prefix with nothing real after it, or an unfilled "
            "template marker (`<…>`, `${…}`). The finding names the pattern that matched, "
            "never the value."
        ),
        fix="Replace the placeholder with the real key from the Console.",
        words={"placeholder": Wording(message="{slot} holds {reason}.")},
        example=Example(
            trigger=(
                "The secret was filled from `.env.example`:\n\n"
                "```sh\nANTHROPIC_API_KEY=your-api-key-here\n```"
            ),
            facts={
                "slot": "`ANTHROPIC_API_KEY`",
                "reason": "a value that looks like the placeholder `your-…-here`, not a key",
            },
            fixed=(
                "The real key from the Console (`sk-ant-api03-…`), stored as the secret:\n\n"
                '```sh\nprintf %s "$KEY" | gh secret set ANTHROPIC_API_KEY\n```'
            ),
        ),
    ),
    Rule(
        code="SEC006",
        title="Config references a Claude setting this run lacks",
        severity="error",
        job="secrets",
        since="0.1.0",
        explanation=(
            "A config file reads a Claude credential or setting (`${VAR}`, `$VAR`, "
            "`os.environ/VAR`, `env:VAR`) that is not set in this run, so the deployed app "
            "would read an empty value. Only Claude's variables are checked: names starting "
            "`ANTHROPIC_` or `CLAUDE_`, the `--api-key-env` name, and variables read in a "
            "Claude slot (a model setting, or the key of a LiteLLM `anthropic/` route). A "
            "database URL or another provider's key is left alone (the summary counts them); "
            "list one in `required_secrets` to have it checked. `${VAR:-default}` counts as "
            "satisfied."
        ),
        fix=(
            "Provide the variable to this step (`env:` or `with: required-secrets`), or give "
            "the reference a default."
        ),
        severity_note="error in production, warning elsewhere",
        words={
            "production": Wording(
                message=_READS_UNSET + ": the deployed app would read an empty value.",
                fix=_PROVIDE_VARIABLE,
            ),
            "elsewhere": Wording(
                message=(
                    _READS_UNSET
                    + ". Provide it here if this environment should be checked like production."
                ),
                fix=_PROVIDE_VARIABLE,
            ),
            "withheld": Wording(
                message=(
                    _READS_UNSET
                    + "; secrets are withheld from this run by design, so this may be expected."
                ),
                fix=_PROVIDE_VARIABLE,
            ),
        },
        example=Example(
            trigger=(
                "`config/prod.yaml` reads the model from the environment, and the deploy step "
                "does not set it:\n\n```yaml\nllm:\n  model: ${CLAUDE_MODEL}\n```"
            ),
            facts={
                "file": "config/prod.yaml",
                "form": "${CLAUDE_MODEL}",
                "key": "llm.model",
                "variable": "CLAUDE_MODEL",
                "state": "is not set",
            },
            fixed=(
                "```yaml\n" + _STEP + "\n  env:\n    CLAUDE_MODEL: ${{ vars.CLAUDE_MODEL }}\n```"
            ),
        ),
    ),
    Rule(
        code="SEC007",
        title="Anthropic key committed to the repository",
        severity="error",
        job="secrets",
        since="0.1.0",
        explanation=(
            "A literal Anthropic key is in a file of the workspace. Anyone with read access to"
            " the repository, or its history, can use it. The value is never shown."
        ),
        fix=(
            "Revoke the key in the Console now, create a new one, store it as a secret, and "
            "remove the literal from the file (and from history if the repository is or was "
            "public)."
        ),
        words={
            "committed": Wording(message="`{file}` line {line} contains {kind} in plain text."),
            "committed_run_key": Wording(
                message=(
                    "`{file}` line {line} contains {kind} in plain text. It is the same key this "
                    "run uses."
                ),
            ),
        },
        example=Example(
            trigger=(
                "`scripts/smoke.py` line 12 holds a literal key:\n\n"
                '```python\nclient = anthropic.Anthropic(api_key="sk-ant-api03-…")\n```'
            ),
            facts={"file": "scripts/smoke.py", "line": 12, "kind": "an Anthropic API key"},
            fixed=(
                "The key revoked in the Console, and the client reading its replacement from "
                "the environment:\n\n```python\n"
                "client = anthropic.Anthropic()  # reads ANTHROPIC_API_KEY\n```"
            ),
        ),
    ),
)
