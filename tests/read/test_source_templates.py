"""Templates: ERB, Jinja and Vue selects, attributes and tag code; their comments are skipped."""

from __future__ import annotations

from tests.read import found

NEW_HTML_ERB = """\
<%= form_with model: @chat do |f| %>
  <select name="model" id="chat_model">
    <option value="claude-sonnet-4-5" selected>Claude Sonnet 4.5</option>
    <!-- <option value="claude-2">Claude 2</option> -->
    <option>claude-haiku-4-5</option>
  </select>
  <%# default: "claude-instant-1" %>
  <%= f.hidden_field :fallback, value: "claude-opus-4-1" %>
<% end %>
"""

CHAT_HTML_J2 = """\
{# {{ "claude-2" }} is retired #}
{% set default_model = "claude-sonnet-4-5" %}
<input type="hidden" name="model" value="{{ model | default('claude-haiku-4-5') }}">
<p data-model="claude-opus-4-1" title="Don't use 'claude-2'">{{ "Powered by Claude" }}</p>
"""

CHAT_VUE = """\
<template>
  <Picker :model="'claude-sonnet-4-5'" />
</template>
<script setup lang="ts">
const model = ref("claude-haiku-4-5");
// const old = "claude-2";
</script>
"""


def test_an_erb_select_binds_its_options_to_the_select_name() -> None:
    assert found(NEW_HTML_ERB, "template") == [
        ("claude-sonnet-4-5", 3, 19, "model"),
        ("claude-haiku-4-5", 5, 13, "model"),
        ("claude-opus-4-1", 8, 40, ""),
    ]


def test_jinja_tags_attribute_values_and_a_comment() -> None:
    assert found(CHAT_HTML_J2, "template") == [
        ("claude-sonnet-4-5", 2, 24, "default_model"),
        ("claude-haiku-4-5", 3, 61, ""),
        ("claude-opus-4-1", 4, 15, "data-model"),
        ("Don't use 'claude-2'", 4, 39, "title"),
        ("Powered by Claude", 4, 65, ""),
    ]


def test_vue_directive_values_and_script_blocks_are_code() -> None:
    assert found(CHAT_VUE, "template") == [
        ("claude-sonnet-4-5", 2, 19, "model"),
        ("claude-haiku-4-5", 5, 19, "model"),
    ]


def test_unquoted_values_entities_svelte_blocks_and_handlebars_comments() -> None:
    text = (
        "<input name=model value=claude-3-haiku>\n"
        '<meta content="claude &amp; friends">\n'
        '{#if model === "claude-3-opus"}{/if}\n'
        '{{!-- "claude-2" --}}{{! "claude-1" }}<style>a{content:"claude-0"}</style>\n'
        '<Chat model={"claude-3-5-haiku-latest"} />\n'
    )
    assert found(text, "template") == [
        ("claude-3-haiku", 1, 25, "value"),
        ("claude & friends", 2, 15, "content"),
        ("claude-3-opus", 3, 16, ""),
        ("claude-3-5-haiku-latest", 5, 14, "model"),
    ]
