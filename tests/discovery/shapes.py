"""Each fixture repository's exact expectation: what must be reported, and what must stay quiet.

Columns follow the existing readers: a quoted value's column is its opening quote, an unquoted
one's is its first character. A column is given only where that is unambiguous (not for an ID
inside `${VAR:-default}` or inside another string).

Model facts these rest on (catalog as of 2026-12-01): Sonnet 3.5 v2 and 3.5 (June), Sonnet 3.7,
Sonnet 3, Haiku 3, Haiku 3.5, Opus 3, Opus 4.1 and Sonnet 4.5 (on 2026-11-30) are retired;
`claude-haiku-4-5` is an alias of an active model; Sonnet 4.6, Sonnet 5.5, Opus 4.6 and Haiku 4.5
are current.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.discovery.support import Loud


@dataclass(frozen=True, slots=True)
class Shape:
    """A repository written the way real projects write one integration."""

    name: str
    story: str
    exit_code: int
    loud: tuple[Loud, ...]
    quiet: tuple[str, ...] = ()
    """Files, or folders ending in `/`, where nothing above a notice may be reported."""
    silent: tuple[tuple[str, int], ...] = ()
    """(file, line) pairs that are not references at all: no finding of any severity."""


SHAPES = (
    Shape(
        "python-constants",
        "A Python package keeps its model in a module constant and an `os.getenv` default; both "
        "are retired and both reach production. Docs, README and tests mention retired models.",
        exit_code=1,
        loud=(
            Loud("MOD003", "error", "src/ticketbot/llm.py", 7, column=9),
            Loud("MOD003", "error", "src/ticketbot/settings.py", 6, column=42),
        ),
        quiet=("README.md", "docs/", "tests/", "pyproject.toml"),
        silent=(("src/ticketbot/settings.py", 7),),  # `# MODEL = "claude-2.1"`
    ),
    Shape(
        "typescript-sdk",
        "A TypeScript service calls `messages.create` with an alias (unpinned in production) and "
        "falls back from `process.env.CLAUDE_MODEL ??` to a retired Opus 4.1.",
        exit_code=1,
        loud=(
            Loud("MOD003", "error", "src/lib/anthropic.ts", 9, column=60),
            Loud("MOD005", "warning", "src/lib/anthropic.ts", 13, column=12),
        ),
        quiet=("src/__tests__/", "README.md", "package.json", "package-lock.json"),
    ),
    Shape(
        "go-struct",
        "A Go struct literal defaults to a retired Opus 3; a commented-out field is no reference.",
        exit_code=1,
        loud=(Loud("MOD003", "error", "internal/llm/config.go", 20, column=10),),
        quiet=("internal/llm/config_test.go", "go.mod"),
        silent=(("internal/llm/config.go", 21),),  # `// Model: "claude-instant-1.2",`
    ),
    Shape(
        "terraform-bedrock",
        "A Terraform variable's default is a retired Bedrock ID; prod.tfvars ships another model "
        "than staging.tfvars tested.",
        exit_code=1,
        loud=(
            Loud("MOD003", "error", "infra/variables.tf", 15, column=17),
            Loud(
                "MOD001",
                "error",
                "infra/environments/prod.tfvars",
                3,
                column=16,
                environment="production",
            ),
        ),
        quiet=("README.md",),
        silent=(("infra/main.tf", 30), ("infra/environments/staging.tfvars", 3)),
    ),
    Shape(
        "sam-app",
        "SAM: the template's parameter default is a retired Bedrock ID, and `samconfig.toml`'s "
        "prod section overrides the model to one staging never ran.",
        exit_code=1,
        loud=(
            Loud("MOD003", "error", "template.yaml", 12, column=14),
            Loud("MOD001", "error", "samconfig.toml", 33, environment="production"),
        ),
        silent=(("samconfig.toml", 25),),
    ),
    Shape(
        "compose-default",
        "Compose: the base file's `${CLAUDE_MODEL:-...}` default is retired (shared, so "
        "production's), the production override is an alias, and `.env.example` is a template "
        "(a warning at most, never an error).",
        exit_code=1,
        loud=(
            Loud("MOD003", "error", "docker-compose.yml", 7),
            Loud(
                "MOD005",
                "warning",
                "docker-compose.production.yml",
                6,
                column=21,
                environment="production",
            ),
            Loud("MOD003", "warning", ".env.example", 3, column=14),
        ),
    ),
    Shape(
        "wrangler-sections",
        "wrangler.toml: `[env.staging.vars]` moved to Sonnet 5.5, production's still runs Sonnet "
        "4.6; the Worker only reads `env.CLAUDE_MODEL`.",
        exit_code=1,
        loud=(Loud("MOD001", "error", "wrangler.toml", 29, column=16, environment="production"),),
        silent=(("wrangler.toml", 7), ("wrangler.toml", 20)),
    ),
    Shape(
        "litellm-single",
        "One LiteLLM proxy config is production's: a retired route is an error, while the "
        "client-facing `model_name`s and team/key `models` allow-lists (one of them spelled like a "
        "retired ID) are names, not model IDs.",
        exit_code=1,
        loud=(Loud("MOD003", "error", "litellm_config.yaml", 10, column=14),),
        quiet=("README.md",),
        silent=(
            ("litellm_config.yaml", 3),
            ("litellm_config.yaml", 5),
            ("litellm_config.yaml", 8),
            ("litellm_config.yaml", 14),
            ("litellm_config.yaml", 16),
            ("litellm_config.yaml", 24),
            ("litellm_config.yaml", 31),
            ("litellm_config.yaml", 33),
            ("litellm_config.yaml", 35),
            ("litellm_config.yaml", 38),
            ("litellm_config.yaml", 39),
        ),
    ),
    Shape(
        "promptfoo-evals",
        "A promptfoo eval compares the app's model with old baselines: the model inside each "
        "Claude provider ID (`anthropic:messages:`, the `anthropic:` shorthand, `vertex:`, "
        "`bedrock:`, the grader's `provider`) is judged at its own column, as every shared "
        "source is (SPEC section 2), so the retired baselines block. The agent provider, a "
        "label that quotes an old ID and the current models stay silent.",
        exit_code=1,
        loud=(
            Loud("MOD003", "error", "promptfooconfig.yaml", 12, column=28),
            Loud("MOD003", "error", "promptfooconfig.yaml", 16, column=17),
            Loud("MOD007", "error", "promptfooconfig.yaml", 20, column=15),
            Loud("MOD003", "error", "promptfooconfig.yaml", 28, column=34),
        ),
        quiet=("src/", "README.md", "evals/"),
        silent=(
            ("promptfooconfig.yaml", 8),  # anthropic:messages:claude-sonnet-4-6
            ("promptfooconfig.yaml", 13),  # a label, not a provider ID
            ("promptfooconfig.yaml", 19),  # bedrock:us.anthropic.claude-haiku-4-5-…
            ("promptfooconfig.yaml", 21),  # anthropic:claude-agent-sdk
        ),
    ),
    Shape(
        "claude-code-settings",
        '`.claude/settings.json`: `"model": "opus"` is a Claude Code alias, `ANTHROPIC_MODEL` is '
        "a retired Opus 3, and `claude-sonnet-4-5[1m]` names Sonnet 4.5 (retired 2026-11-30).",
        exit_code=1,
        loud=(
            Loud("MOD003", "error", ".claude/settings.json", 5, column=24),
            Loud("MOD003", "error", ".claude/settings.json", 6, column=39),
        ),
        quiet=("CLAUDE.md", ".claude/commands/"),
        silent=((".claude/settings.json", 2), (".claude/settings.json", 3)),
    ),
    Shape(
        "docs-and-tests-only",
        "Retired models appear only in README, CHANGELOG, docs, tests, examples, a notebook, eval "
        "data and vendored code: the deploy is not blocked.",
        exit_code=0,
        loud=(),
        quiet=(
            "README.md",
            "CHANGELOG.md",
            "docs/",
            "tests/",
            "examples/",
            "analysis.ipynb",
            "data/",
            "vendor/",
        ),
        silent=(("src/evalkit/run.py", 8),),
    ),
    Shape(
        "spring-placeholders",
        "Spring profiles full of `${DB_HOST}`-style placeholders need none of them in the gate's "
        "run; the one Claude setting is current. The Java `@Value` default is a retired Haiku 3.",
        exit_code=1,
        loud=(Loud("MOD003", "error", "src/main/java/com/acme/orders/ai/LlmConfig.java", 11),),
        quiet=("src/main/resources/",),
        silent=(
            ("src/main/resources/application-prod.yml", 21),
            ("src/main/resources/application-staging.yml", 19),
            ("pom.xml", 3),
        ),
    ),
    Shape(
        "suppressed",
        "An ignore comment on the line above (Python) or at the end of the line (JavaScript) drops "
        "the finding; one naming another code does not.",
        exit_code=1,
        loud=(Loud("MOD003", "error", "src/digests/weekly.py", 4, column=16),),
        silent=(("src/digests/nightly.py", 6), ("web/src/chat.js", 4)),
    ),
)

BY_NAME = {shape.name: shape for shape in SHAPES}
