"""Requests: the shape of the requests the code sends (REQ)."""

from __future__ import annotations

from checker.findings.rule import Example, Rule, Wording

# `rejection` and `advice` are a catalog request rule's own `message` and `fix` (data, like the
# rules themselves: `request_rules` in the model catalog), filled from the call's facts;
# `api_message` is the API's own error text for it, where the catalog knows it.
_REJECTED = " would be rejected with 400 `invalid_request_error`"
_CALL = "{rejection}. The call" + _REJECTED + "."
_CALL_QUOTING_API = "{rejection}. The call" + _REJECTED + ": `{api_message}`."
_CONFIG = "{rejection}. Every request it configures" + _REJECTED + "."
_CONFIG_QUOTING_API = "{rejection}. Every request it configures" + _REJECTED + ": `{api_message}`."
# A LiteLLM entry (or `litellm_settings`) with `drop_params: true`, which does not drop it.
_NOT_DROPPED = (
    " `{drop_flag}: true` does not remove it: LiteLLM drops only the parameters it maps as "
    "unsupported for the model, and `{name}` is not one of them for Claude "
    "(BerriAI/litellm#26444); listing `{name}` in the entry's `additional_drop_params` does."
)
# The same at a `litellm.completion(..., drop_params=True)` call.
_CALL_NOT_DROPPED = (
    " `{drop_flag}` does not remove it: LiteLLM drops only the parameters it maps as "
    "unsupported for the model, and `{name}` is not one of them for Claude "
    '(BerriAI/litellm#26444); `additional_drop_params=["{name}"]` does.'
)


def _words(first: str) -> dict[str, Wording]:
    """A call's or a tool config's words, quoting the API's message where the catalog knows it;
    `first` is the rule's usual case."""
    words = {
        "call": Wording(message=_CALL, fix="{advice}"),
        "call_quoting_api": Wording(message=_CALL_QUOTING_API, fix="{advice}"),
        "call_not_dropped": Wording(message=_CALL + _CALL_NOT_DROPPED, fix="{advice}"),
        "call_quoting_api_not_dropped": Wording(
            message=_CALL_QUOTING_API + _CALL_NOT_DROPPED, fix="{advice}"
        ),
        "config": Wording(message=_CONFIG, fix="{advice}"),
        "config_quoting_api": Wording(message=_CONFIG_QUOTING_API, fix="{advice}"),
        "config_not_dropped": Wording(message=_CONFIG + _NOT_DROPPED, fix="{advice}"),
        "config_quoting_api_not_dropped": Wording(
            message=_CONFIG_QUOTING_API + _NOT_DROPPED, fix="{advice}"
        ),
    }
    return {first: words.pop(first), **words}


RULES: tuple[Rule, ...] = (
    Rule(
        code="REQ001",
        title="Request parameter the model rejects",
        severity="error",
        job="models",
        since="0.2.0",
        explanation=(
            "A call in the code (or a request setting in a LiteLLM or promptfoo config) sends "
            "a parameter that this model rejects with 400 `invalid_request_error`: a "
            "non-default `temperature`, `top_p` or `top_k` on Claude 4.7 and later, "
            "`temperature` together with `top_p` on Claude Haiku 4.5, `thinking.type: enabled`"
            " on 4.7 and later, adaptive thinking on 4.5 and earlier. The model is the one the"
            " call names: a literal, a constant of the same file or imported from the project,"
            " or an environment lookup's default. Which parameter which models reject is data "
            "in the model catalog (`request_rules`)."
        ),
        fix=(
            "Change the argument as the finding says (e.g. drop `temperature` on a 4.7+ "
            "model), or send the request to a model that accepts it."
        ),
        words=_words("call"),
        example=Example(
            trigger=(
                '```python\nclient.messages.create(\n    model="claude-opus-4-7",\n'
                "    max_tokens=1024,\n    temperature=0.2,\n    messages=messages,\n)\n```"
            ),
            facts={
                "rejection": (
                    "`temperature=0.2` is rejected by Claude Opus 4.7 (`claude-opus-4-7`): from "
                    "Claude 4.7 on, `temperature`, `top_p` and `top_k` accept only their defaults"
                ),
                "advice": "Drop `temperature`; 4.7+ models accept only the default.",
            },
            fixed=(
                '```python\nclient.messages.create(\n    model="claude-opus-4-7",\n'
                "    max_tokens=1024,\n    messages=messages,\n)\n```"
            ),
        ),
    ),
    Rule(
        code="REQ002",
        title="Request the API rejects",
        severity="error",
        job="models",
        since="0.2.0",
        explanation=(
            "A call in the code builds a request the Messages API rejects with 400 whatever "
            "the model: `max_tokens` missing (the SDKs' `messages.create` and `stream`; "
            "`count_tokens` takes none), a `messages` list written in the code that starts "
            "with an `assistant` turn, or holds a `system` role. A list that ends with an "
            "`assistant` turn (prefill) is rejected by Claude 4.6 and later, so that one is "
            "reported when the model is known. Only what the code writes is seen: a list built"
            " at run time from data is out of reach."
        ),
        fix=(
            "Add `max_tokens`; start and end `messages` with a `user` turn; move the system "
            "prompt to the top-level `system` parameter."
        ),
        words=_words("call_quoting_api"),
        example=Example(
            trigger=(
                '```python\nclient.messages.create(\n    model="claude-sonnet-4-6",\n'
                '    messages=[{"role": "user", "content": question}],\n)\n```'
            ),
            facts={
                "rejection": (
                    "`client.messages.create` sends no `max_tokens`, which every Messages API "
                    "request must set"
                ),
                "api_message": "max_tokens: Field required",
                "advice": (
                    "Pass `max_tokens`: the most output tokens this call may produce (e.g. "
                    "`max_tokens=1024`)."
                ),
            },
            fixed=(
                '```python\nclient.messages.create(\n    model="claude-sonnet-4-6",\n'
                "    max_tokens=1024,\n"
                '    messages=[{"role": "user", "content": question}],\n)\n```'
            ),
        ),
    ),
)
