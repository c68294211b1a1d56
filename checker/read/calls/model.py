"""What the call-site readers return: each Claude API call, the arguments it sends and where.

The readers reduce every dialect (the Anthropic SDKs, LangChain, LiteLLM, the AI SDK, a tool's
config) to the API's own parameter names, so the request rules are written once, against the
Messages API, and a finding still quotes the argument as the code spells it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Literal, get_args

if TYPE_CHECKING:
    from checker.scan.kinds import Tier

# What a call reaches: the Messages API itself, its free token counter, or a library in between
# (each of which fills in some parameters and rewrites some shapes on its own).
MESSAGES: Final = "messages"
COUNT_TOKENS: Final = "count_tokens"
LANGCHAIN: Final = "langchain"
LITELLM: Final = "litellm"
AI_SDK: Final = "ai-sdk"
CONFIG: Final = "config"
CallKind = Literal["messages", "count_tokens", "langchain", "litellm", "ai-sdk", "config"]
CALL_KINDS: tuple[str, ...] = get_args(CallKind)
MAX_SHOWN = 60


class Unknown:
    """A value the reader cannot know without running the code (a variable, a call)."""

    _instance: Unknown | None = None

    def __new__(cls) -> Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "<unknown>"


UNKNOWN: Final = Unknown()
Scalar = str | int | float | bool | None
Value = Scalar | Unknown


@dataclass(frozen=True, slots=True)
class Param:
    """One argument of a call. `name` is the API's (`top_p`, `thinking.type`), `written` the
    code's (`topP`, `providerOptions.anthropic.thinking`); `shown` quotes it as written."""

    name: str
    written: str
    value: Value
    shown: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Turn:
    """One entry of a literal `messages` list; `role` None: not a literal message (a variable,
    a spread of any number of them)."""

    role: str | None
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Pending:
    """A name imported from another file of the project, resolved once every file is read.

    `module` is Python's dotted module (leading dots for a relative import) or a JavaScript
    specifier (`./config`); `origin` is the importing file.
    """

    language: str
    origin: str
    module: str
    name: str


@dataclass(frozen=True, slots=True)
class ModelArg:
    """The model a call sends: `value` when the reader could tell it, and how (`via`: empty for
    a literal, else the constant or environment variable it came through)."""

    value: str | None
    via: str = ""
    pending: Pending | None = None


@dataclass(slots=True)
class CallSite:
    """One call (or one tool-config entry) that sends a Messages API request.

    `messages` is None unless the list is written in place; `opaque` means arguments the reader
    cannot see (`**kwargs`, `...spread`), so nothing may be said about what is missing.
    `drop_params` names the LiteLLM setting that turns `drop_params` on for this request, if any.
    """

    file: str
    line: int
    column: int
    kind: str
    callee: str
    params: dict[str, Param] = field(default_factory=dict)
    model: ModelArg | None = None
    messages: tuple[Turn, ...] | None = None
    opaque: bool = False
    tier: Tier = "runtime"
    environment: str | None = None
    drop_params: str = ""

    def drop(self, names: set[str]) -> None:
        """Leave out what LiteLLM's `additional_drop_params` lists: a parameter, or the object
        it sits in (`thinking` covers `thinking.type`); LiteLLM never sends those."""
        for name in list(self.params):
            if name in names or name.split(".", 1)[0] in names:
                del self.params[name]


@dataclass(slots=True)
class FileCalls:
    """One file's calls; `unread` counts the calls past the per-file bound, `error` says why
    the file could not be read as code (a syntax error: no call was read)."""

    sites: list[CallSite] = field(default_factory=list)
    unread: int = 0
    error: str = ""


def number(text: str) -> Value:
    """A number written as text (`0.2`, `1_000`, `"0.2"` from an env default); else UNKNOWN."""
    try:
        return float(text.replace("_", "").strip())
    except ValueError:
        return UNKNOWN


def clipped(text: str) -> str:
    """A piece of source as a message quotes it: one line, backticks replaced, length capped."""
    text = " ".join(text.split()).replace("`", "'")
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"
