"""JavaScript/TypeScript call sites: object literals taken apart from the lexer's tokens, names
resolved to their `const`, calls found wherever the code nests them."""

from __future__ import annotations

from checker.read.calls import CallSite, find_calls, module_constants
from checker.read.calls.model import UNKNOWN, Pending


def calls(text: str, path: str = "src/llm.ts") -> list[CallSite]:
    return sorted(find_calls(text, "javascript", path, "runtime").sites, key=lambda s: s.line)


def test_sdk_ai_sdk_and_langchain_calls_are_read_with_their_spellings() -> None:
    text = """\
import Anthropic from "@anthropic-ai/sdk";
const client = new Anthropic();
await client.messages.create({ model: "claude-opus-5", max_tokens: 64, messages: [] });
await client.beta.messages.countTokens({ model: "claude-opus-5", messages: [] });
const { text } = await generateText({ model: anthropic("claude-opus-5"), topP: 0.5 });
const llm = new ChatAnthropic({ modelName: "claude-opus-5", maxTokens: 100 });
"""
    found = [(s.kind, s.callee, s.model.value if s.model else None) for s in calls(text)]
    assert found == [
        ("messages", "client.messages.create", "claude-opus-5"),
        ("count_tokens", "client.beta.messages.countTokens", "claude-opus-5"),
        ("ai-sdk", "generateText", "claude-opus-5"),
        ("langchain", "new ChatAnthropic", "claude-opus-5"),
    ]
    ai_sdk, langchain = calls(text)[2:]
    assert ai_sdk.params["top_p"].written == "topP"
    assert langchain.params["max_tokens"].value == 100


def test_arguments_are_placed_at_their_keys() -> None:
    text = 'x.messages.create({\n  model: "m",\n  max_tokens: 10,\n    "temperature": 0.5,\n});\n'
    [site] = calls(text)
    temperature = site.params["temperature"]
    assert (temperature.line, temperature.column, temperature.value) == (4, 5, 0.5)
    assert temperature.shown == "temperature: 0.5"
    assert (site.line, site.column) == (1, 1)


def test_models_resolve_through_consts_env_fallbacks_and_imports() -> None:
    text = """\
import { SHARED } from "./models.js";
import * as config from "../config";
const DEFAULT = "claude-sonnet-4-6";
export const MODEL: string = process.env.CLAUDE_MODEL ?? DEFAULT;
a.messages.create({ model: MODEL, max_tokens: 1, messages: [] });
a.messages.create({ model: SHARED, max_tokens: 1, messages: [] });
a.messages.create({ model: config.FAST, max_tokens: 1, messages: [] });
a.messages.create({ model: process.env.X || "claude-opus-4-8", max_tokens: 1, messages: [] });
"""
    models = [s.model for s in calls(text, "src/lib/llm.ts") if s.model]
    assert [(m.value, m.via) for m in models] == [
        ("claude-sonnet-4-6", "MODEL"),
        (None, "SHARED"),
        (None, "config.FAST"),
        ("claude-opus-4-8", "$X"),
    ]
    assert models[1].pending == Pending("javascript", "src/lib/llm.ts", "./models.js", "SHARED")
    assert models[2].pending == Pending("javascript", "src/lib/llm.ts", "../config", "FAST")


def test_a_let_or_a_twice_declared_name_is_not_trusted() -> None:
    text = """\
let model = "claude-opus-5";
const other = "claude-opus-5";
function f() { const other = "claude-haiku-4-5-20251001"; }
a.messages.create({ model, max_tokens: 1, messages: [] });
a.messages.create({ model: other, max_tokens: 1, messages: [] });
"""
    assert [s.model.value if s.model else None for s in calls(text)] == [None, None]


def test_calls_nested_in_arrow_functions_methods_and_declarations_are_found() -> None:
    text = """\
const handlers = {
  ask: async (q) => client.messages.create({ model: "m", max_tokens: 1, messages: [] }),
  async review(a) { return client.messages.create({ model: "m", messages: [] }); },
};
export const reply = await client.messages.stream({ model: "m", max_tokens: 2, messages: [] })
"""
    assert [(s.line, "max_tokens" in s.params) for s in calls(text)] == [
        (2, True),
        (3, False),
        (5, True),
    ]


def test_calls_in_comments_and_strings_are_not_calls() -> None:
    text = """\
// client.messages.create({ model: "claude-opus-5", temperature: 0.2 })
/* client.messages.create({ model: "claude-opus-5" }) */
const doc = "client.messages.create({ temperature: 0.2 })";
const tpl = `client.messages.create({ ${doc} })`;
"""
    assert calls(text) == []


def test_spreads_and_built_values_stay_unknown() -> None:
    text = """\
const turns = [{ role: "user", content: "hi" }];
turns.push({ role: "assistant", content: "{" });
a.messages.create({ ...base, model: pick(), temperature: t * 2, messages: turns });
a.messages.create({ model: "m", messages: [...history, { role: "assistant", content: "{" }] });
a.messages.create(params);
"""
    spread, tail = calls(text)
    assert spread.opaque
    assert spread.model is not None
    assert spread.model.value is None
    assert spread.params["temperature"].value is UNKNOWN
    assert spread.messages is None  # `turns` is changed in place
    assert tail.messages is not None
    assert [t.role for t in tail.messages] == [None, "assistant"]


def test_ai_sdk_thinking_comes_from_the_provider_options() -> None:
    text = """\
streamText({
  model: anthropic("claude-haiku-4-5-20251001"),
  providerOptions: { anthropic: { thinking: { type: "adaptive" } } },
});
"""
    [site] = calls(text)
    kind = site.params["thinking.type"]
    assert (kind.value, kind.line, kind.column) == ("adaptive", 3, 53)
    assert kind.written == "providerOptions.anthropic.thinking"


def test_module_constants_are_what_another_file_may_import() -> None:
    text = (
        'export const MODEL = process.env.CLAUDE_MODEL ?? "claude-opus-5";\n'
        'export { FAST } from "./fast";\n'
        "export const RETRIES = 3;\n"
    )
    constants = module_constants(text, "javascript", "src/models.ts")
    assert constants["MODEL"].value == "claude-opus-5"
    assert "RETRIES" not in constants


def test_a_store_named_messages_is_not_the_messages_api() -> None:
    text = """\
await db.messages.create({ data: { role: "user", content: text } });
await client.messages.create({ model: "claude-opus-5", max_tokens: 8, messages: [] });
"""
    assert [site.line for site in calls(text)] == [2]
