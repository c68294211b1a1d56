"""JavaScript and TypeScript: SDK calls, env defaults, template literals, regexes, comments."""

from __future__ import annotations

from checker.read.source import scan_source
from tests.read import found, values

SUMMARIZE_TS = """\
import Anthropic from "@anthropic-ai/sdk";

const anthropic = new Anthropic();

export const DEFAULT_MODEL = process.env.CLAUDE_MODEL ?? "claude-sonnet-4-5";
const FAST = import.meta.env.VITE_FAST_MODEL || "claude-haiku-4-5";

export async function summarize(text: string): Promise<string> {
  // const legacy = "claude-instant-1";
  /* model: "claude-2" */
  const msg = await anthropic.messages.create({
    model: "claude-opus-4-1",
    max_tokens: 1024,
    messages: [{ role: "user", content: `Summarize: ${text}` }],
  });
  return msg.content[0].type === "text" ? msg.content[0].text : "";
}
"""


def test_an_sdk_call_and_env_defaults_in_a_typescript_module() -> None:
    assert found(SUMMARIZE_TS, "javascript") == [
        ("claude-sonnet-4-5", 5, 58, "CLAUDE_MODEL"),
        ("claude-haiku-4-5", 6, 49, "VITE_FAST_MODEL"),
        ("claude-opus-4-1", 12, 12, "model"),
    ]
    assert [s.default_of for s in scan_source(SUMMARIZE_TS, "javascript")][:2] == [
        "CLAUDE_MODEL",
        "VITE_FAST_MODEL",
    ]


def test_declarations_fields_and_quoted_keys_are_bound_to_their_names() -> None:
    text = (
        "let model: string = 'claude-3-haiku';\n"
        'this.model = "claude-3-opus";\n'
        'const config = { "model": "claude-3-5-sonnet-latest", retries: 2 };\n'
        'const MODELS = ["claude-a-1", "claude-b-2"];\n'
        'const { model: chosen = "claude-c-3" } = options;\n'
    )
    assert found(text, "javascript") == [
        ("claude-3-haiku", 1, 21, "model"),
        ("claude-3-opus", 2, 14, "model"),
        ("claude-3-5-sonnet-latest", 3, 27, "model"),
        ("claude-a-1", 4, 17, "MODELS"),
        ("claude-b-2", 4, 31, "MODELS"),
        ("claude-c-3", 5, 25, "model"),
    ]


def test_bracketed_env_lookups_and_prettier_line_breaks_keep_the_default() -> None:
    text = (
        'const a = process.env["CLAUDE_MODEL"] ?? "claude-3-haiku";\n'
        "const b =\n"
        "  process.env.BACKUP_MODEL\n"
        '  || "claude-3-opus";\n'
    )
    assert found(text, "javascript") == [
        ("CLAUDE_MODEL", 1, 23, ""),
        ("claude-3-haiku", 1, 42, "CLAUDE_MODEL"),
        ("claude-3-opus", 4, 6, "BACKUP_MODEL"),
    ]


def test_a_template_literal_without_interpolation_is_a_literal_and_one_with_it_is_not() -> None:
    text = (
        "const plain = `claude-3-haiku`;\n"
        "const mixed = `claude-${version}`;\n"
        'const nested = `${flag ? "claude-3-opus" : "claude-3-sonnet"}`;\n'
    )
    assert found(text, "javascript") == [
        ("claude-3-haiku", 1, 15, "plain"),
        ("claude-3-opus", 3, 26, "nested"),
        ("claude-3-sonnet", 3, 44, "nested"),
    ]


def test_regex_literals_comments_and_strings_in_strings_hide_their_quotes() -> None:
    text = (
        'const re = /"claude-2"/g;\n'
        "const half = total / 2; const m = 'claude-3-haiku' // \"claude-instant-1\"\n"
        "/* 'claude-1' */ const say = 'Answer as \"claude-2\" would';\n"
    )
    assert found(text, "javascript") == [
        ("claude-3-haiku", 2, 35, "m"),
        ('Answer as "claude-2" would', 3, 30, "say"),
    ]


def test_a_positional_argument_has_no_name_unless_the_call_names_a_model() -> None:
    text = 'console.log("claude-3-haiku");\nbuilder.setModel("claude-3-opus");\n'
    assert found(text, "javascript") == [
        ("claude-3-haiku", 1, 13, ""),
        ("claude-3-opus", 2, 18, "setModel"),
    ]


def test_jsx_attributes_and_minified_code_are_read_as_code() -> None:
    text = '<Picker model="claude-3-haiku" />;var a={model:"claude-3-opus"},b=a/2;\n'
    assert found(text, "javascript") == [
        ("claude-3-haiku", 1, 15, "model"),
        ("claude-3-opus", 1, 48, "model"),
    ]
    assert values("export default{models:['claude-x-1','claude-y-2']}", "javascript") == [
        "claude-x-1",
        "claude-y-2",
    ]
