"""Python files are tokenized only where a statement may hold a model ID, and read the same."""

from __future__ import annotations

import io

import pytest

from checker.read.source import scan_source
from checker.read.source.binding import WANTED_WORDS, bind
from checker.read.source.python import _tokens
from checker.read.source.python_spans import hot_spans

TRICKY = {
    "semicolons": 'x = 1; fast = (\n    "claude-haiku-4-5")\nother = "claude-opus-4-1"\n',
    "continuation": 'a = 1 + \\\n    2\nMODEL = "claude-opus-4-1"\n',
    "comment ending in a backslash": '# see C:\\\nMODEL = "claude-opus-4-1"\n',
    "decorators and nesting": (
        "@app.route(\n    '/x',\n)\ndef handler():\n    if ok:\n        return 1\n"
        '    else:\n        model = "claude-sonnet-4-5"\n\n\nclass A:\n'
        '    NAME = "x"\n    MODEL = "claude-3-opus-20240229"\n'
    ),
    "handlers and cases": (
        'try:\n    pass\nexcept ValueError:\n    m = {"model": "claude-opus-4-1"}\nfinally:\n'
        '    pass\nmatch x:\n    case 1:\n        FAST = "claude-haiku-4-5"\n'
    ),
    "multi-line strings": 'DOC = """\nno model here\n"""\nMODEL = """claude-opus-4-1"""\n',
    "escapes that spell a signal": 'VALUE = "\\x63laude-opus-4-1"\n',
    "no newline at the end": 'import os\nMODEL = os.getenv("MODEL", "claude-opus-4-1")',
    "windows line ends": 'import os\r\nMODEL = "claude-opus-4-1"\r\nx = 1\r\n',
    "a lone carriage return": 'x = 1\rMODEL = "claude-opus-4-1"\n',
    "not Python 3": 'print "claude-2"\nMODEL = "claude-opus-4-1"\n',
    "a file with only comments": "# claude-opus-4-1\n",
    "non-ASCII before a string": 'ÉTAT = "prêt"; MODEL = "claude-opus-4-1"\n',
}


@pytest.mark.parametrize("text", TRICKY.values(), ids=TRICKY.keys())
def test_a_file_read_by_statements_gives_what_the_whole_file_gives(text: str) -> None:
    whole = bind(_tokens(io.StringIO(text).readline))
    assert scan_source(text, "python") == whole


def test_statements_that_name_no_model_are_not_tokenized() -> None:
    text = (
        '"""Billing."""\n\nimport os\n\n\ndef load(raw):\n    return raw.get("key", "")\n\n\n'
        'MODEL = "claude-opus-4-1"\n'
    )
    split = hot_spans(text, WANTED_WORDS)
    assert split is not None
    assert split[1] == [(8, 10)]  # the blank lines before the statement, and the statement


def test_a_file_the_parser_refuses_is_tokenized_whole() -> None:
    assert hot_spans('print "claude-2"\n', WANTED_WORDS) is None
