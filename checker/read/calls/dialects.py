"""Which calls send a Messages API request, and each library's spelling of its parameters.

Every reader maps what the code writes to the API's own names (`topP` -> `top_p`,
`maxOutputTokens` -> `max_tokens`), so the rules in the model catalog speak one language.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from checker.read.calls.model import AI_SDK, COUNT_TOKENS, LANGCHAIN, LITELLM, MESSAGES, CallSite

# Cheap tests on a file's lowered bytes, before any parsing: a call needs one of these words ...
CALL_WORDS = (b"messages", b"chatanthropic", b"completion", b"generatetext", b"streamtext")
# ... and something that says Claude.
CLAUDE_WORDS = (b"anthropic", b"claude")

# `client.messages.METHOD(...)`: what each method reaches (Python and TypeScript spellings).
MESSAGES_METHODS: Mapping[str, str] = MappingProxyType(
    {
        "create": MESSAGES,
        "stream": MESSAGES,
        "parse": MESSAGES,
        "count_tokens": COUNT_TOKENS,
        "countTokens": COUNT_TOKENS,
    }
)
# Receivers whose `.messages` is another API (OpenAI's Assistants threads).
FOREIGN_RECEIVERS = frozenset({"threads", "thread", "conversations"})
LANGCHAIN_CLASSES = frozenset({"ChatAnthropic", "ChatAnthropicMessages"})
LITELLM_FUNCTIONS = frozenset({"completion", "acompletion"})
AI_SDK_FUNCTIONS = frozenset({"generateText", "streamText", "generateObject", "streamObject"})

_API = {
    "model": "model",
    "max_tokens": "max_tokens",
    "temperature": "temperature",
    "top_p": "top_p",
    "top_k": "top_k",
    "thinking": "thinking",
    "messages": "messages",
    "system": "system",
}
# written name -> the API's name, per call kind (the TypeScript SDK writes the body as the API)
NAMES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        MESSAGES: MappingProxyType(_API),
        COUNT_TOKENS: MappingProxyType(_API),
        LANGCHAIN: MappingProxyType(
            {
                **_API,
                "model_name": "model",
                "modelName": "model",
                "max_tokens_to_sample": "max_tokens",
                "maxTokens": "max_tokens",
                "topP": "top_p",
                "topK": "top_k",
            }
        ),
        LITELLM: MappingProxyType({**_API, "max_completion_tokens": "max_tokens"}),
        AI_SDK: MappingProxyType(
            {
                "model": "model",
                "maxOutputTokens": "max_tokens",
                "maxTokens": "max_tokens",
                "temperature": "temperature",
                "topP": "top_p",
                "topK": "top_k",
                "messages": "messages",
                "system": "system",
            }
        ),
    }
)
# Where the AI SDK takes Anthropic's own options: `providerOptions.anthropic.thinking`.
AI_SDK_OPTIONS = ("providerOptions", "anthropic")


def is_request(site: CallSite) -> bool:
    """A `.messages.create(...)` that sends neither `model` nor `messages` is another API's
    (an ORM's `conversation.messages.create(role=..., content=...)`), unless `**kwargs` may."""
    if site.kind not in (MESSAGES, COUNT_TOKENS):
        return True
    return site.model is not None or "messages" in site.params or site.opaque


def has_call_signal(lowered: bytes) -> bool:
    """Could this file call the Claude API? Two substring tests on bytes already lowered."""
    return any(word in lowered for word in CALL_WORDS) and any(
        word in lowered for word in CLAUDE_WORDS
    )
