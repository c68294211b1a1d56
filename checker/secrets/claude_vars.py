"""Which env var references are the gate's business (SEC006): Claude's credentials and settings.

A config reads many variables the deploy platform fills in at run time (`${DB_HOST}`,
`${REDIS_PASSWORD}`, another provider's key) that a CI step never has; reporting those would
block every deploy for nothing. A reference counts only when the variable is a Claude setting:
- its name says so: `ANTHROPIC_*`, `CLAUDE_*`, the `--api-key-env` name (federation's variables
  are all `ANTHROPIC_*`);
- it is read in a Claude slot: a setting that holds a Claude model in some environment
  (`llm.model: ${LLM_MODEL}` in production, `claude-sonnet-5` in staging), the connection of a
  mapping that names a Claude model (LiteLLM's `litellm_params.api_key: os.environ/MY_KEY` beside
  `model: anthropic/claude-…`, or `llm.api_key` beside `llm.model`; not `app.db_url` beside
  `app.model`), or a `model` setting in a group that uses Claude, unless the name is another
  vendor's (`OPENAI_MODEL`, `embedding_model`).
`required_secrets` names the rest; SEC001 checks those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.models.values import CLAUDE_ISH, classify_value, has_signal, parent_path
from checker.workspace.model import ConfigFile, WorkspaceScan

CLAUDE_PREFIXES = ("ANTHROPIC_", "CLAUDE_")
# What a mapping that names a Claude model connects with; under LiteLLM's `litellm_params` every
# key is the route's own.
_CONNECTION = frozenset(
    {
        "apikey", "key", "apitoken", "authtoken", "token", "secret", "baseurl", "apibase",
        "apiurl", "url", "endpoint", "host", "region", "regionname", "project", "location",
        "credentials", "apiversion", "version",
    }
)  # fmt: skip
_OTHER_VENDOR = re.compile(
    r"openai|gpt|gemini|mistral|cohere|groq|ollama|deepseek|grok|xai|llama|embed", re.I
)


@dataclass(slots=True)
class ClaudeSlots:
    """Where the workspace keeps Claude models: per group the slots, and the mappings per file."""

    groups: set[str] = field(default_factory=set)
    slots: set[tuple[str, str]] = field(default_factory=set)
    mappings: dict[str, set[str]] = field(default_factory=dict)

    def holds_claude(self, config: ConfigFile, key_path: str) -> bool:
        """Is a reference at `key_path` of `config` read in a Claude slot?"""
        if (config.group, key_path) in self.slots:
            return True
        parent = parent_path(key_path)
        last = key_path.rsplit(".", 1)[-1].lower()
        if parent and parent in self.mappings.get(config.path, ()) and _connects(parent, last):
            return True
        return "model" in last and config.group in self.groups and not _OTHER_VENDOR.search(last)


def claude_slots(scan: WorkspaceScan) -> ClaudeSlots:
    """One pass over the values: which hold a Claude model, and where."""
    found = ClaudeSlots()
    for config in scan.files:
        for value in config.values:
            if not has_signal(value.value) or classify_value(value.value) != CLAUDE_ISH:
                continue
            found.groups.add(config.group)
            found.slots.add((config.group, value.key_path))
            parent = parent_path(value.key_path)
            if parent and "model" in value.key_path.rsplit(".", 1)[-1].lower():
                found.mappings.setdefault(config.path, set()).add(parent)
    return found


def is_claude_variable(name: str, api_key_env: str) -> bool:
    """A variable whose name says it holds a Claude credential or setting."""
    return name.startswith(CLAUDE_PREFIXES) or name == api_key_env


def names_another_vendor(name: str) -> bool:
    """`OPENAI_MODEL`, `GEMINI_API_KEY`: another provider's setting, even in a Claude slot."""
    return _OTHER_VENDOR.search(name) is not None


def _connects(parent: str, last: str) -> bool:
    """Is `last`, beside a Claude model in `parent`, that model's connection setting?"""
    squashed = last.replace("_", "").replace("-", "")
    return (
        parent.endswith("litellm_params")
        or squashed in _CONNECTION
        or squashed.startswith(("aws", "vertex"))
    )
