"""Python call sites as the request checks see them: which calls count, what each argument holds
and where it sits, read from the syntax tree only."""

from __future__ import annotations

from checker.read.calls import CallSite, find_calls, module_constants
from checker.read.calls.model import UNKNOWN, Pending


def calls(text: str, path: str = "app/llm.py") -> list[CallSite]:
    return sorted(find_calls(text, "python", path, "runtime").sites, key=lambda s: s.line)


def only(text: str) -> CallSite:
    [site] = calls(text)
    return site


def test_every_client_and_method_of_the_messages_api_is_a_call_site() -> None:
    text = """\
import anthropic
from anthropic import AsyncAnthropic, AnthropicBedrock, AnthropicVertex

a = anthropic.Anthropic().messages.create(model="m", max_tokens=1, messages=[])
b = await AsyncAnthropic().messages.stream(model="m", max_tokens=1, messages=[])
c = AnthropicBedrock().messages.count_tokens(model="m", messages=[])
d = AnthropicVertex().beta.messages.create(model="m", max_tokens=1, messages=[])
e = self.client.messages.parse(model="m", max_tokens=1, messages=[])
"""
    found = [(site.kind, site.callee) for site in calls(text)]
    assert found == [
        ("messages", "anthropic.Anthropic().messages.create"),
        ("messages", "AsyncAnthropic().messages.stream"),
        ("count_tokens", "AnthropicBedrock().messages.count_tokens"),
        ("messages", "AnthropicVertex().beta.messages.create"),
        ("messages", "self.client.messages.parse"),
    ]


def test_langchain_and_litellm_calls_are_read_with_their_own_spellings() -> None:
    text = """\
from langchain_anthropic import ChatAnthropic
from litellm import completion
import litellm

llm = ChatAnthropic(model_name="claude-opus-5", max_tokens_to_sample=512, temperature=0.1)
reply = completion("anthropic/claude-opus-5", [{"role": "user", "content": "hi"}], top_p=0.5)
later = litellm.acompletion(model="anthropic/claude-opus-5", messages=[])
"""
    langchain, positional, keyword = calls(text)
    assert langchain.kind == "langchain"
    assert langchain.model is not None
    assert langchain.model.value == "claude-opus-5"
    assert langchain.params["max_tokens"].written == "max_tokens_to_sample"
    assert positional.kind == "litellm"
    assert positional.model is not None
    assert positional.model.value == "anthropic/claude-opus-5"
    assert positional.messages is not None
    assert [t.role for t in positional.messages] == ["user"]
    assert keyword.callee == "litellm.acompletion"


def test_other_apis_that_look_alike_are_not_call_sites() -> None:
    text = """\
import anthropic
from openai import OpenAI

openai = OpenAI()
openai.beta.threads.messages.create(thread_id="t", role="user", content="hi")
Ticket.objects.create(title="claude")
completion(model="x")  # no LiteLLM import: someone else's `completion`
"""
    assert calls(text) == []


def test_each_argument_is_placed_at_its_keyword_in_characters() -> None:
    text = (
        "import anthropic\n"
        'TITLE = "Schöne Grüße"; reply = client.messages.create(model="claude-opus-5",'
        " max_tokens=10, temperature=0.5, messages=[])\n"
    )
    site = only(text)
    temperature = site.params["temperature"]
    line = text.splitlines()[1]
    assert (temperature.line, temperature.column) == (2, line.index("temperature") + 1)
    assert temperature.value == 0.5
    assert temperature.shown == "temperature=0.5"
    assert (site.line, site.column) == (2, line.index("client") + 1)


def test_models_resolve_through_constants_env_defaults_and_fallbacks() -> None:
    text = """\
import os
import anthropic

DEFAULT = "claude-sonnet-4-6"
MODEL = os.environ.get("CLAUDE_MODEL", DEFAULT)
FAST = os.getenv("FAST_MODEL") or "claude-haiku-4-5-20251001"

def run(client):
    local = "claude-opus-5"
    client.messages.create(model=MODEL, max_tokens=1, messages=[])
    client.messages.create(model=FAST, max_tokens=1, messages=[])
    client.messages.create(model=local, max_tokens=1, messages=[])
    client.messages.create(model=os.getenv("X", default="claude-opus-4-8"), max_tokens=1)
"""
    models = [(s.model.value, s.model.via) for s in calls(text) if s.model is not None]
    assert models == [
        ("claude-sonnet-4-6", "MODEL"),
        ("claude-haiku-4-5-20251001", "FAST"),
        ("claude-opus-5", "local"),
        ("claude-opus-4-8", "$X"),
    ]


def test_a_name_bound_twice_or_a_parameter_is_not_a_constant() -> None:
    text = """\
import anthropic

MODEL = "claude-opus-5"
if FAST:
    MODEL = "claude-haiku-4-5-20251001"

def run(client, model="claude-opus-5"):
    client.messages.create(model=MODEL, max_tokens=1, messages=[])
    client.messages.create(model=model, max_tokens=1, messages=[])
"""
    assert [s.model.value if s.model else None for s in calls(text)] == [None, None]


def test_a_messages_list_changed_in_place_is_not_read_but_its_written_ends_are() -> None:
    text = """\
import anthropic

def run(client, history):
    turns = [{"role": "user", "content": "hi"}]
    turns.append({"role": "assistant", "content": "{"})
    client.messages.create(model="m", max_tokens=1, messages=turns)
    client.messages.create(model="m", messages=history + [{"role": "assistant", "content": "{"}])
    client.messages.create(model="m", messages=[*history, {"role": "user", "content": "go"}])
"""
    mutated, added, starred = calls(text)
    assert mutated.messages is None
    assert added.messages is not None
    assert [t.role for t in added.messages] == [None, "assistant"]
    assert starred.messages is not None
    assert [t.role for t in starred.messages] == [None, "user"]


def test_thinking_is_read_from_a_dict_a_call_or_a_constant() -> None:
    text = """\
import anthropic

THINKING = {"type": "enabled", "budget_tokens": 1024}
client.messages.create(model="m", max_tokens=1, messages=[], thinking={"type": "adaptive"})
client.messages.create(model="m", max_tokens=1, messages=[], thinking=dict(type="enabled"))
client.messages.create(model="m", max_tokens=1, messages=[], thinking=THINKING)
"""
    kinds = [s.params["thinking.type"] for s in calls(text)]
    assert [kind.value for kind in kinds] == ["adaptive", "enabled", "enabled"]
    assert (kinds[0].line, kinds[0].column) == (4, 80)  # the "adaptive" value itself
    assert (kinds[2].line, kinds[2].column) == (6, 62)  # a constant's: placed at `thinking=`


def test_a_keyword_splat_makes_the_call_opaque_and_values_stay_unknown() -> None:
    site = only(
        "import anthropic\n"
        "client.messages.create(model=pick(), temperature=settings.t, messages=m, **extra)\n"
    )
    assert site.opaque
    assert site.model is not None
    assert site.model.value is None
    assert site.params["temperature"].value is UNKNOWN
    assert site.messages is None


def test_imported_names_wait_for_the_project_file_that_defines_them() -> None:
    text = """\
import anthropic
from app.config import MODEL
from . import settings
import app.models as models

client.messages.create(model=MODEL, max_tokens=1, messages=[])
client.messages.create(model=settings.MODEL, max_tokens=1, messages=[])
client.messages.create(model=models.FAST, max_tokens=1, messages=[])
"""
    pending = [s.model.pending for s in calls(text, "app/llm.py") if s.model]
    assert pending == [
        Pending("python", "app/llm.py", "app.config", "MODEL"),
        Pending("python", "app/llm.py", ".settings", "MODEL"),
        Pending("python", "app/llm.py", "app.models", "FAST"),
    ]


def test_module_constants_are_what_another_file_may_import() -> None:
    text = """\
import os
from .models import FAST

MODEL = os.getenv("CLAUDE_MODEL", "claude-opus-5")
TIMEOUT = 30
"""
    constants = module_constants(text, "python", "app/config.py")
    assert constants["MODEL"].value == "claude-opus-5"
    assert constants["FAST"].pending == Pending("python", "app/config.py", ".models", "FAST")
    assert "TIMEOUT" not in constants


def test_an_orm_manager_named_messages_is_not_the_messages_api() -> None:
    text = """\
import anthropic

conversation.messages.create(role="user", content=ticket)
client.messages.create(model="claude-opus-5", max_tokens=8, messages=[])
"""
    assert [site.line for site in calls(text)] == [4]
