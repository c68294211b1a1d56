"""Python sources: constants modules, SDK calls, settings classes, and files `tokenize` refuses."""

from __future__ import annotations

from checker.read.source import scan_source
from tests.read import found, values

CONFIG_PY = '''\
"""Settings for the support bot."""

import os

ANTHROPIC_API_KEY = os.environ["ANTHROPIC_API_KEY"]
DEFAULT_MODEL = os.getenv("CLAUDE_MODEL", "claude-sonnet-4-5")
FAST_MODEL = os.environ.get("FAST_MODEL", "claude-haiku-4-5")
# MODEL = "claude-2"
FALLBACK_MODELS = ["claude-opus-4-1", "claude-3-5-haiku-latest"]
MAX_TOKENS = 1024
'''

CLIENT_PY = """\
from anthropic import Anthropic
from pydantic import BaseModel, Field

client = Anthropic()


class Settings(BaseModel):
    model: str = Field(default="claude-sonnet-4-5", description="Model to call")
    model_id: str = "claude-3-5-sonnet-20241022"
    timeout: float = 30.0


def ask(question: str) -> str:
    response = client.messages.create(
        model="claude-opus-4-1",
        max_tokens=1024,
        messages=[{"role": "user", "content": question}],
    )
    print("asked claude-3-opus")
    return response.content[0].text


LLM = {"provider": "anthropic", "model": "claude-3-5-haiku-20241022", "temperature": 0}
"""


def test_a_constants_module_gives_env_defaults_under_the_variable_and_lists_under_their_name() -> (
    None
):
    assert found(CONFIG_PY, "python") == [
        ("CLAUDE_MODEL", 6, 27, ""),
        ("claude-sonnet-4-5", 6, 43, "CLAUDE_MODEL"),
        ("claude-haiku-4-5", 7, 43, "FAST_MODEL"),
        ("claude-opus-4-1", 9, 20, "FALLBACK_MODELS"),
        ("claude-3-5-haiku-latest", 9, 39, "FALLBACK_MODELS"),
    ]
    defaults = [s.default_of for s in scan_source(CONFIG_PY, "python")]
    assert defaults == ["", "CLAUDE_MODEL", "FAST_MODEL", "", ""]


def test_sdk_calls_settings_fields_and_dicts_are_bound_to_their_keyword_field_or_key() -> None:
    assert found(CLIENT_PY, "python") == [
        ("claude-sonnet-4-5", 8, 32, "model"),
        ("claude-3-5-sonnet-20241022", 9, 21, "model_id"),
        ("claude-opus-4-1", 15, 15, "model"),
        ("asked claude-3-opus", 19, 11, ""),
        ("claude-3-5-haiku-20241022", 23, 42, "model"),
    ]


def test_prefixes_triple_quotes_and_escapes_are_decoded() -> None:
    text = 'A = r"claude\\d"\nB = b\'claude-b\'\nC = """claude\n-c"""\nD = "claude\\x2dd"\n'
    assert found(text, "python") == [
        ("claude\\d", 1, 6, "A"),
        ("claude-b", 2, 6, "B"),
        ("claude\n-c", 3, 5, "C"),
        ("claude-d", 5, 5, "D"),
    ]


def test_an_f_string_with_a_field_is_not_a_literal_but_a_plain_one_is() -> None:
    text = 'name = f"claude-{version}"\nplain = f"claude-3-haiku"\nbraces = f"{{claude}}"\n'
    assert found(text, "python") == [
        ("claude-3-haiku", 2, 10, "plain"),
        ("{claude}", 3, 11, "braces"),
    ]


def test_a_compose_style_placeholder_gives_its_default_at_the_default_column() -> None:
    text = 'IMAGE_ENV = {"model": "${CLAUDE_MODEL:-claude-sonnet-4-5}"}\n'
    [string] = scan_source(text, "python")
    assert (string.value, string.line, string.column) == ("claude-sonnet-4-5", 1, 40)
    assert (string.bound, string.default_of) == ("CLAUDE_MODEL", "CLAUDE_MODEL")


def test_or_defaults_setdefault_and_assignments_to_environ() -> None:
    text = (
        'model = os.environ.get("ANTHROPIC_MODEL") or "claude-haiku-4-5"\n'
        'os.environ.setdefault("ANTHROPIC_MODEL", "claude-opus-4-1")\n'
        'os.environ["ANTHROPIC_MODEL"] = "claude-sonnet-4-5"\n'
    )
    assert found(text, "python") == [
        ("claude-haiku-4-5", 1, 46, "ANTHROPIC_MODEL"),
        ("claude-opus-4-1", 2, 42, "ANTHROPIC_MODEL"),
        ("claude-sonnet-4-5", 3, 33, "ANTHROPIC_MODEL"),
    ]


def test_comments_and_strings_inside_strings_are_not_references() -> None:
    text = (
        '# MODEL = "claude-2"\n'
        'PROMPT = "Answer as \'claude-2\' would"  # or "claude-instant-1"\n'
        "x = 1  # 'claude-3-opus'\n"
    )
    assert found(text, "python") == [("Answer as 'claude-2' would", 2, 10, "PROMPT")]


def test_a_name_that_says_model_keeps_a_near_miss_and_other_strings_need_a_signal() -> None:
    text = 'model_name = "Claude-Sonnet-4-6"\nMODEL = "gpt-4o"\ntitle = "gpt-4o"\n'
    assert values(text, "python") == ["Claude-Sonnet-4-6", "gpt-4o"]


def test_header_colons_and_return_annotations_bind_nothing() -> None:
    text = (
        "def default_model() -> str:\n"
        '    return "claude-3-haiku"\n'
        "match kind:\n"
        '    case "claude-3-opus":\n'
        "        pass\n"
        'handler = lambda m: "claude-instant-1"\n'
    )
    assert found(text, "python") == [
        ("claude-3-haiku", 2, 12, ""),
        ("claude-3-opus", 4, 10, ""),
        ("claude-instant-1", 6, 21, "handler"),
    ]


def test_a_file_tokenize_rejects_is_still_read() -> None:
    bad_dedent = 'def f():\n        x = 1\n    MODEL = "claude-sonnet-4-5"\n# "claude-2"\n'
    assert found(bad_dedent, "python") == [("claude-sonnet-4-5", 3, 13, "MODEL")]
    unterminated = 'BROKEN = "claude-2\nMODEL = "claude-haiku-4-5"\n'
    assert found(unterminated, "python") == [("claude-haiku-4-5", 2, 9, "MODEL")]
    open_bracket = 'MODEL = "claude-opus-4-1"\nCALL = (\n'
    assert found(open_bracket, "python") == [("claude-opus-4-1", 1, 9, "MODEL")]
    unclosed_docstring = 'MODEL = "claude-opus-4-1"\n"""never closed "claude-2"\n'
    assert found(unclosed_docstring, "python") == [("claude-opus-4-1", 1, 9, "MODEL")]
