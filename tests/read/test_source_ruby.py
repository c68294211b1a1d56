"""Ruby: `ENV.fetch` and `ENV[]` defaults, keyword arguments, hash keys, comments, heredocs."""

from __future__ import annotations

from tests.read import found, values

CLAUDE_RB = """\
# frozen_string_literal: true

module Support
  DEFAULT_MODEL = ENV.fetch("CLAUDE_MODEL", "claude-sonnet-4-5")
  FAST_MODEL = ENV["FAST_MODEL"] || "claude-haiku-4-5"
  SLOW_MODEL = ENV.fetch("SLOW_MODEL") { "claude-opus-4-1" }

  def self.options
    { model: "claude-3-5-haiku-latest", max_tokens: 1024 }
  end

  # MODEL = "claude-2"
=begin
  OLD = "claude-instant-1"
=end
  LEGACY = { "model" => "claude-3-haiku", :fallback_model => "claude-3-opus" }
  PROMPT = <<~TEXT
    Answer as "claude-2" would
  TEXT
  VERSIONED = "claude-#{VERSION}"
end
"""


def test_a_rails_style_module_gives_env_defaults_keywords_and_hash_keys() -> None:
    assert found(CLAUDE_RB, "ruby") == [
        ("CLAUDE_MODEL", 4, 29, ""),
        ("claude-sonnet-4-5", 4, 45, "CLAUDE_MODEL"),
        ("claude-haiku-4-5", 5, 37, "FAST_MODEL"),
        ("claude-opus-4-1", 6, 42, "SLOW_MODEL"),
        ("claude-3-5-haiku-latest", 9, 14, "model"),
        ("claude-3-haiku", 16, 25, "model"),
        ("claude-3-opus", 16, 62, "fallback_model"),
    ]


def test_single_quotes_ternaries_or_defaults_and_data_after_end() -> None:
    text = (
        "model = ENV['CLAUDE_MODEL'] or 'claude-3-haiku'\n"
        "pick = fast? ? 'claude-3-5-haiku-latest' : 'claude-3-opus'\n"
        "__END__\n"
        "MODEL = 'claude-2'\n"
    )
    assert found(text, "ruby") == [
        ("CLAUDE_MODEL", 1, 13, ""),
        ("claude-3-haiku", 1, 32, "CLAUDE_MODEL"),
        ("claude-3-5-haiku-latest", 2, 16, "pick"),
        ("claude-3-opus", 2, 44, "pick"),
    ]


def test_a_regex_literal_and_an_unterminated_heredoc_do_not_leak_strings() -> None:
    assert values("ok = name =~ /\"claude-2\"/\nx = <<~EOS\n  'claude-2'\n", "ruby") == []
