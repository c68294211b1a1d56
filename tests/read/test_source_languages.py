"""Which scanner reads which file, and what the filter lets through."""

from __future__ import annotations

import pytest

from checker.read.source import LANGUAGES, language_of, scan_source
from tests.read import found, values


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("app/settings.py", "python"),
        ("stubs/anthropic.pyi", "python"),
        ("web/src/client.TS", "javascript"),
        ("web/src/App.tsx", "javascript"),
        ("scripts/build.mjs", "javascript"),
        ("lib/config.cts", "javascript"),
        ("cmd/main.go", "go"),
        ("src/main/java/App.java", "java"),
        ("build.gradle.kts", "kotlin"),
        ("Options.cs", "csharp"),
        ("config/services.php", "php"),
        ("resources/views/chat.blade.php", "template"),
        ("src/lib.rs", "rust"),
        ("Sources/App/Claude.swift", "swift"),
        ("lib/tasks/models.rake", "ruby"),
        ("app/views/chats/new.html.erb", "template"),
        ("templates/chat.jinja2", "template"),
        ("src/App.vue", "template"),
        ("Gemfile", None),
        ("README.md", None),
        ("config.yaml", None),
        ("C:\\repo\\app.py", "python"),
    ],
)
def test_files_are_routed_by_extension(path: str, language: str | None) -> None:
    assert language_of(path) == language


def test_every_language_of_the_table_has_a_scanner_and_an_unknown_one_is_refused() -> None:
    for language in set(LANGUAGES.values()):
        assert scan_source("", language) == []
    with pytest.raises(ValueError, match="cobol"):
        scan_source('MODEL = "claude-3-haiku"', "cobol")


@pytest.mark.parametrize(
    "value",
    ["claude-3-haiku", "anthropic.claude-3-5-sonnet-20240620-v1:0", "my-sonnet", "Opus", "HAIKU"],
)
def test_signal_words_pass_the_filter_in_any_case(value: str) -> None:
    assert values(f'x = "{value}"', "python") == [value]


def test_other_strings_pass_only_under_a_name_that_says_model() -> None:
    text = 'ModelId = "gpt-4o"\ntitle = "gpt-4o"\nprovider = "anthropic"\nfable = 1\n'
    assert values(text, "python") == ["gpt-4o"]


def test_a_key_is_a_name_not_a_value_even_inside_a_model_dict() -> None:
    text = 'MODELS = {"fast": "claude-3-haiku", "backup": "gpt-4o"}\n'
    assert found(text, "python") == [("claude-3-haiku", 1, 19, "fast")]
