"""PHP: Laravel config files, `env()` and `getenv()` defaults, comments, inline HTML."""

from __future__ import annotations

from tests.read import found, values

SERVICES_PHP = """\
<?php

return [
    'anthropic' => [
        'key' => env('ANTHROPIC_API_KEY'),
        'model' => env('ANTHROPIC_MODEL', 'claude-sonnet-4-5'),
        // 'model' => 'claude-2',
        # 'fallback' => 'claude-instant-1',
        'fallback_model' => 'claude-haiku-4-5',
    ],
];
"""

CHAT_PHP = """\
<?php
const DEFAULT_MODEL = 'claude-sonnet-4-5';
$model = getenv('CLAUDE_MODEL') ?: 'claude-haiku-4-5';
$fast = $_ENV['FAST_MODEL'] ?? 'claude-opus-4-1';
$label = "Using $model";
?>
<p>Don't pick "claude-2"</p>
<?php $this->model = 'claude-3-5-haiku-latest';
"""


def test_a_laravel_services_config_gives_the_env_default_and_the_fallback_key() -> None:
    assert found(SERVICES_PHP, "php") == [
        ("claude-sonnet-4-5", 6, 43, "ANTHROPIC_MODEL"),
        ("claude-haiku-4-5", 9, 29, "fallback_model"),
    ]


def test_constants_elvis_and_superglobal_defaults_and_members_skip_inline_html() -> None:
    assert found(CHAT_PHP, "php") == [
        ("claude-sonnet-4-5", 2, 23, "DEFAULT_MODEL"),
        ("CLAUDE_MODEL", 3, 17, ""),
        ("claude-haiku-4-5", 3, 36, "CLAUDE_MODEL"),
        ("claude-opus-4-1", 4, 32, "FAST_MODEL"),
        ("claude-3-5-haiku-latest", 8, 22, "model"),
    ]


def test_double_quoted_interpolation_is_not_a_literal_and_attributes_are_not_comments() -> None:
    text = (
        "<?php\n"
        '$a = "claude-$version";\n'
        "$b = \"claude-{$parts['v']}\";\n"
        "#[Attribute]\n"
        "class Pick { public string $model = 'claude-3-haiku'; }\n"
    )
    assert values(text, "php") == ["claude-3-haiku"]


def test_a_heredoc_body_is_skipped_up_to_its_terminator() -> None:
    text = "<?php\n$help = <<<EOT\n  Don't use 'claude-2'\n  EOT;\n$model = 'claude-3-haiku';\n"
    assert found(text, "php") == [("claude-3-haiku", 5, 10, "model")]
