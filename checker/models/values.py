"""Which config values are model IDs, output limits or provider hints, and how slots are named.

Every answer is cached per distinct key path or value: the hot loop over 150k values must stay a
handful of dict lookups per value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fnmatch import fnmatchcase

from checker.models.ids.routes import ROUTED

_CLAUDE_ISH = re.compile(r"claude|anthropic\.|(?:sonnet|opus|haiku|fable|mythos)\D{0,3}\d", re.I)
_SPACE = re.compile(r"\s")
_NUMBER = re.compile(r"^[+-]?\d[\d_,]*(?:\.\d+)?(?:e[+-]?\d+)?$", re.I)
_INDEX = re.compile(r"\[\d+\]")
_NOT_VALUES = frozenset({"", "true", "false", "yes", "no", "on", "off", "null", "none", "~", "nil"})
_MAX_TOKENS_NAMES = frozenset(
    {"maxoutputtokens", "maxtokenstosample", "maxcompletiontokens", "maxnewtokens"}
)

BEDROCK_WORDS = frozenset({"bedrock", "aws-bedrock", "amazon-bedrock", "aws", "amazon"})
VERTEX_WORDS = frozenset(
    {"vertex", "vertex-ai", "vertexai", "google-vertex", "google", "gcp", "google-cloud"}
)
ANTHROPIC_WORDS = frozenset({"anthropic", "claude", "anthropic-api", "first-party", "foundry"})
TRUTHY = frozenset({"1", "true", "yes", "on"})
# What a group reads besides its model: the Claude API key, or a cloud's general settings (which
# S3 or BigQuery clients read too, so they excuse a platform's ID but never condemn another's).
API_KEY_VARIABLE = "ANTHROPIC_API_KEY"
AWS_SETTINGS = frozenset(
    {
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
    }
)  # fmt: skip
GOOGLE_SETTINGS = frozenset(
    {"GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_CLOUD_PROJECT", "GCLOUD_PROJECT"}
)

# Strengths of evidence below collect's EXPLICIT (2) and HINT (1): what a group reads
CREDENTIAL, CLOUD_SETTING = 0, -1
_AWS_REGION = re.compile(r"^(?:us|eu|ap|ca|sa|me|af|il|mx)(?:-gov)?-[a-z]+-\d$")

# Value classes
PLAIN, CLAUDE_ISH, MODEL_WORD, BEDROCK_URL, VERTEX_URL, API_KEY_REFERENCE = range(6)
# Key provider roles
NO_ROLE, PROVIDER_KEY, USE_BEDROCK, USE_VERTEX, USE_FOUNDRY, BEDROCK_KEY, VERTEX_KEY = range(7)
API_KEY, AWS_SETTING, GOOGLE_SETTING = 7, 8, 9


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """What a key path means to the model checks; `interesting` if any of it is true."""

    model_key: bool
    max_tokens: bool
    provider_role: int
    interesting: bool


def slot_name(group: str, key_path: str) -> str:
    """How a slot is shown in reports: the key path, prefixed by its group in a monorepo."""
    return f"{group}:{key_path}" if group else key_path


def last_segment(key_path: str) -> str:
    """`llm.models[0].id` -> `id`; a dotenv name is its own last segment."""
    return _INDEX.sub("", key_path).rsplit(".", 1)[-1]


def parent_path(key_path: str) -> str:
    """The mapping that holds a key: `llm.max_tokens` -> `llm`."""
    return key_path.rsplit(".", 1)[0] if "." in key_path else ""


def has_signal(value: str) -> bool:
    """Could a check care about this value under an ordinary key? Substring tests, no regex:
    this runs once per value of the workspace."""
    low = value.lower()
    return (
        "claude" in low
        or "anthropic." in low
        or "sonnet" in low
        or "opus" in low
        or "haiku" in low
        or "fable" in low
        or "mythos" in low
        or "bedrock-" in low
        or "aiplatform." in low
        or "anthropic_api_key" in low
    )


def classify_key(key_path: str) -> KeyInfo:
    """Model key (name contains `model`), output-limit key, or provider evidence."""
    lowered = key_path.lower()
    last = last_segment(key_path)
    squashed = last.lower().replace("_", "").replace("-", "")
    max_tokens = squashed.endswith("maxtokens") or squashed in _MAX_TOKENS_NAMES
    upper = last.upper()
    if upper == "CLAUDE_CODE_USE_BEDROCK":
        role = USE_BEDROCK
    elif upper == "CLAUDE_CODE_USE_VERTEX":
        role = USE_VERTEX
    elif upper == "CLAUDE_CODE_USE_FOUNDRY":
        role = USE_FOUNDRY
    elif "provider" in squashed:
        role = PROVIDER_KEY
    elif "bedrock" in lowered:
        role = BEDROCK_KEY
    elif "vertex" in lowered or upper == "CLOUD_ML_REGION":
        role = VERTEX_KEY
    elif upper == API_KEY_VARIABLE:
        role = API_KEY
    elif upper in AWS_SETTINGS:
        role = AWS_SETTING
    elif upper in GOOGLE_SETTINGS:
        role = GOOGLE_SETTING
    else:
        role = NO_ROLE
    model_key = "model" in lowered
    interesting = model_key or max_tokens or role != NO_ROLE
    return KeyInfo(model_key, max_tokens, role, interesting)


def classify_value(value: str) -> int:
    """PLAIN, CLAUDE_ISH (may be a Claude ID), MODEL_WORD (another ID-like word), a URL hint, or
    API_KEY_REFERENCE (`${ANTHROPIC_API_KEY}`: the group calls the Claude API)."""
    if "://" in value:
        if "bedrock-runtime." in value or "bedrock-mantle." in value:
            return BEDROCK_URL
        if "aiplatform.googleapis.com" in value or "aiplatform." in value:
            return VERTEX_URL
        return PLAIN
    stripped = value.strip()
    if not stripped or stripped.lower() in _NOT_VALUES or _NUMBER.match(stripped):
        return PLAIN
    if _is_reference(stripped):
        return API_KEY_REFERENCE if API_KEY_VARIABLE in stripped else PLAIN
    if _SPACE.search(stripped):
        return PLAIN
    if (
        "/" in stripped
        and not stripped.startswith("arn:")
        and "/publishers/" not in stripped
        and not ROUTED.match(stripped)
    ):
        return PLAIN
    return CLAUDE_ISH if _CLAUDE_ISH.search(stripped) else MODEL_WORD


def provider_word(value: str) -> str | None:
    """`provider: bedrock` -> "bedrock"; None for other vendors or free text."""
    word = value.strip().lower().replace("_", "-")
    if word in BEDROCK_WORDS:
        return "bedrock"
    if word in VERTEX_WORDS:
        return "vertex"
    if word in ANTHROPIC_WORDS:
        return "anthropic"
    return None


def aws_region(value: str) -> str | None:
    """`eu-west-1` -> itself; anything else None."""
    text = value.strip().lower()
    return text if _AWS_REGION.match(text) else None


def parse_token_count(value: str) -> int | None:
    """`100000`, `100_000`, `100,000` -> 100000; anything else None."""
    text = value.strip().replace("_", "").replace(",", "")
    if not text.isdigit() or len(text) > 12:
        return None
    return int(text)


def matches_any(patterns: tuple[str, ...], group: str, key_path: str) -> bool:
    """A configured key pattern (`model_keys`, `allow_drift`) names this slot or key path."""
    if not patterns:
        return False
    slot = slot_name(group, key_path)
    return any(
        pattern in (key_path, slot) or fnmatchcase(key_path, pattern) or fnmatchcase(slot, pattern)
        for pattern in patterns
    )


def _is_reference(text: str) -> bool:
    """`${VAR}`, `$VAR`, `{{ .Values.x }}`, `os.environ/VAR`, `env:VAR`: not a literal ID."""
    return (
        text.startswith("$")
        or "${" in text
        or "{{" in text
        or text.startswith(("os.environ/", "env:", "secret:", "ref+"))
    )


_ID_ATTEMPT = re.compile(
    r"sonnet|opus|haiku|fable|mythos|instant|claude[-_.\s]*(?:[a-z]{1,12}[-_.\s]*)?v?\d", re.I
)


def looks_like_model_id(value: str) -> bool:
    """Worth a MOD002 "unknown model" under a model key: it names a family or a version.

    `claude-code`, `claude` or `claude-cli` under a `model` key are product names, not typos.
    """
    return _ID_ATTEMPT.search(value) is not None
