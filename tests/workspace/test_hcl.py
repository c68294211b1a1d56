"""Terraform files read like the team wrote them: every literal keeps its key path and position."""

from __future__ import annotations

import contextlib
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.workspace.limits import MAX_VALUES
from checker.workspace.parsers.common import ParseError, SkipError, Values
from checker.workspace.parsers.hcl_values import parse_hcl

Row = tuple[str, str, int, int]


def positions(text: str) -> list[Row]:
    values = Values("infra/main.tf")
    parse_hcl(text, values)
    return [
        (v.key_path, v.value, v.location.line or 0, v.location.column or 0) for v in values.result()
    ]


def error_at(text: str) -> tuple[str, int | None, int | None]:
    with pytest.raises(ParseError) as caught:
        positions(text)
    return caught.value.message, caught.value.line, caught.value.column


VARIABLES_TF = """\
# Inputs of the assistant service.
variable "claude_model" {
  description = "Bedrock inference profile the API calls"
  type        = string
  default     = "us.anthropic.claude-sonnet-4-20250514-v1:0"

  validation {
    condition     = contains(["claude-opus-5-5", "claude-sonnet-5-5"], var.claude_model)
    error_message = "Pick a model from ${join(", ", local.allowed)}."
  }
}

variable "max_tokens" {
  type    = number
  default = 4096
}

variable "streaming" {
  type    = bool
  default = true // the UI needs it
}

variable "fallback_models" {
  type    = list(string)
  default = [
    "claude-haiku-5-5",
    "claude-sonnet-5-5", /* cheaper */
  ]
}
"""


def test_a_variables_file_records_defaults_descriptions_and_validation_literals() -> None:
    assert positions(VARIABLES_TF) == [
        ("variable.claude_model.description", "Bedrock inference profile the API calls", 3, 17),
        ("variable.claude_model.default", "us.anthropic.claude-sonnet-4-20250514-v1:0", 5, 17),
        ("variable.claude_model.validation.condition[0]", "claude-opus-5-5", 8, 31),
        ("variable.claude_model.validation.condition[1]", "claude-sonnet-5-5", 8, 50),
        (
            "variable.claude_model.validation.error_message",
            'Pick a model from ${join(", ", local.allowed)}.',
            9,
            21,
        ),
        ("variable.max_tokens.default", "4096", 15, 13),
        ("variable.streaming.default", "true", 20, 13),
        ("variable.fallback_models.default[0]", "claude-haiku-5-5", 26, 5),
        ("variable.fallback_models.default[1]", "claude-sonnet-5-5", 27, 5),
    ]


MAIN_TF = """\
locals {
  model_id = "anthropic.claude-opus-5-5"
  env      = terraform.workspace
}

resource "aws_lambda_function" "api" {
  function_name = "assistant-api"
  timeout       = 30

  environment {
    variables = {
      CLAUDE_MODEL = var.claude_model
      FALLBACK     = "claude-haiku-5-5"
      "LOG_LEVEL"  = "info"
      region: "us-east-1"
    }
  }
}

resource "aws_iam_role_policy" "bedrock" {
  role = aws_iam_role.api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-opus-20240229-v1:0"
    }]
  })
}

module "summarizer" {
  source = "./modules/summarizer"
  model  = local.env == "prod" ? "claude-opus-5-5" : "claude-haiku-5-5"
}
"""


def test_a_main_file_records_a_lambda_environment_and_a_bedrock_arn_in_a_policy() -> None:
    lambda_env = "resource.aws_lambda_function.api.environment.variables"
    statement = "resource.aws_iam_role_policy.bedrock.policy.Statement[0]"
    assert positions(MAIN_TF) == [
        ("locals.model_id", "anthropic.claude-opus-5-5", 2, 14),
        ("resource.aws_lambda_function.api.function_name", "assistant-api", 7, 19),
        ("resource.aws_lambda_function.api.timeout", "30", 8, 19),
        (f"{lambda_env}.FALLBACK", "claude-haiku-5-5", 13, 22),
        (f"{lambda_env}.LOG_LEVEL", "info", 14, 22),
        (f"{lambda_env}.region", "us-east-1", 15, 15),
        ("resource.aws_iam_role_policy.bedrock.policy.Version", "2012-10-17", 23, 15),
        (f"{statement}.Effect", "Allow", 25, 18),
        (f"{statement}.Action[0]", "bedrock:InvokeModel", 26, 19),
        (f"{statement}.Action[1]", "bedrock:InvokeModelWithResponseStream", 26, 42),
        (
            f"{statement}.Resource",
            "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-opus-20240229-v1:0",
            27,
            18,
        ),
        ("module.summarizer.source", "./modules/summarizer", 33, 12),
        # every literal of one expression is kept: the 2nd and later get `#2`, `#3`
        ("module.summarizer.model", "prod", 34, 25),
        ("module.summarizer.model#2", "claude-opus-5-5", 34, 34),
        ("module.summarizer.model#3", "claude-haiku-5-5", 34, 54),
    ]


PROD_TFVARS = """\
environment  = "production"
claude_model = "us.anthropic.claude-opus-5-5"
max_tokens   = 8192
temperature  = -1
model_overrides = {
  summarize = "claude-haiku-5-5"
  classify  = "claude-3-5-haiku-20241022"
}
"""

STAGING_TFVARS = """\
environment  = "staging"
claude_model = "claude-sonnet-5-5"
max_tokens   = 4096
enable_trace = false
"""


def test_tfvars_files_are_plain_top_level_attributes() -> None:
    assert positions(PROD_TFVARS) == [
        ("environment", "production", 1, 16),
        ("claude_model", "us.anthropic.claude-opus-5-5", 2, 16),
        ("max_tokens", "8192", 3, 16),
        ("temperature", "-1", 4, 16),
        ("model_overrides.summarize", "claude-haiku-5-5", 6, 15),
        ("model_overrides.classify", "claude-3-5-haiku-20241022", 7, 15),
    ]
    assert positions(STAGING_TFVARS) == [
        ("environment", "staging", 1, 16),
        ("claude_model", "claude-sonnet-5-5", 2, 16),
        ("max_tokens", "4096", 3, 16),
        ("enable_trace", "false", 4, 16),
    ]


def test_comments_hold_no_values() -> None:
    text = (
        '# model = "claude-2.0"\n'
        '// model = "claude-2.1"\n'
        '/* model = "claude-1.3"\n'
        '   model = "claude-instant-1.2" */\n'
        'model = "claude-sonnet-5-5" # was "claude-2.0"\n'
    )
    assert positions(text) == [("model", "claude-sonnet-5-5", 5, 9)]


def test_references_calls_and_for_expressions_record_only_their_literals() -> None:
    text = (
        "type     = list(string)\n"
        "model    = var.model\n"
        'picked   = lookup(var.models, "prod", "claude-sonnet-5-5")\n'
        "upper    = [for m in var.models : upper(m)]\n"
        'by_env   = { for k, v in var.m : k => "claude-haiku-5-5" }\n'
        'tags     = merge(local.tags, { Model = "claude-opus-5-5" })\n'
        "first    = var.list[0]\n"
        "nothing  = null\n"
        "count    = var.on ? 1 : 0\n"
    )
    assert positions(text) == [
        ("picked", "prod", 3, 31),
        ("picked#2", "claude-sonnet-5-5", 3, 39),
        ("by_env", "claude-haiku-5-5", 5, 39),
        ("tags.Model", "claude-opus-5-5", 6, 40),
    ]


def test_string_escapes_are_decoded_and_templates_kept_raw() -> None:
    text = (
        r'escaped  = "say \"hi\"\n\\ caf\u00e9 \U0001F600"' + "\n"
        'dollars  = "$${not.a.template} %%{nor.this}"\n'
        'template = "claude-${local.version}"\n'
        'nested   = "${lookup(var.m, "k", "claude-x")}"\n'
        'directive = "%{ if var.prod }claude-opus-5-5%{ else }claude-haiku-5-5%{ endif }"\n'
    )
    assert positions(text) == [
        ("escaped", 'say "hi"\n\\ café 😀', 1, 12),
        ("dollars", "${not.a.template} %{nor.this}", 2, 12),
        ("template", "claude-${local.version}", 3, 12),
        ("nested", '${lookup(var.m, "k", "claude-x")}', 4, 12),
        ("directive", "%{ if var.prod }claude-opus-5-5%{ else }claude-haiku-5-5%{ endif }", 5, 13),
    ]


def test_heredocs_are_their_body_placed_at_its_first_line() -> None:
    text = (
        "prompt = <<EOT\n"
        "You are terse.\n"
        "  Use ${var.model}.\n"
        "EOT\n"
        "policy = <<-POLICY\n"
        "    {\n"
        '      "model": "claude-opus-5-5"\n'
        "    }\n"
        "    POLICY\n"
        "empty = <<EOT\n"
        "EOT\n"
    )
    assert positions(text) == [
        ("prompt", "You are terse.\n  Use ${var.model}.\n", 2, 1),
        ("policy", '{\n  "model": "claude-opus-5-5"\n}\n', 6, 5),
        ("empty", "", 11, 1),
    ]


def test_a_repeated_nested_block_keeps_every_value() -> None:
    text = (
        'resource "aws_security_group" "api" {\n'
        "  ingress { from_port = 443 }\n"
        "  ingress { from_port = 8443 }\n"
        "}\n"
    )
    assert positions(text) == [
        ("resource.aws_security_group.api.ingress.from_port", "443", 2, 25),
        ("resource.aws_security_group.api.ingress.from_port#2", "8443", 3, 25),
    ]


def test_crlf_line_endings_keep_positions() -> None:
    text = 'locals {\r\n  model = "claude-opus-5-5"\r\n  note = <<EOT\r\nhi\r\nEOT\r\n}\r\n'
    assert positions(text) == [
        ("locals.model", "claude-opus-5-5", 2, 11),
        ("locals.note", "hi\n", 4, 1),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('resource "a" "b" {\n  x = 1\n', ("`{` is never closed", 1, 18)),
        ("x = [1, 2\n", ("`[` is never closed", 1, 5)),
        ("x = [1, 2}\n", ("`}` does not close the `[` of line 1", 1, 10)),
        ("locals {\n  a = 1\n}\n}\n", ("unexpected `}`", 4, 1)),
        ('model = "claude-opus-5-5\n', ("unterminated string", 1, 9)),
        ('model = "${var.m\n', ("unterminated string", 1, 9)),
        ("prompt = <<EOT\nhello\n", ("heredoc `EOT` is never closed", 1, 10)),
        ("a = 1 /* note", ("unterminated comment", 1, 7)),
        ('a = "\\q"\n', ("invalid escape '\\\\q'", 1, 6)),
        ("model =\n", ("expected a value for `model`", 1, 8)),
        ("this is not hcl\n", ("expected `=` or `{` after `this`", 1, 16)),
        ('{"model": "claude-opus-5-5"}\n', ("expected an attribute or a block", 1, 1)),
        ("a = 1\0\n", ("NUL byte", 1, 6)),
    ],
)
def test_input_that_is_not_hcl_says_where(text: str, expected: tuple[str, int, int]) -> None:
    message, line, column = expected
    assert error_at(text) == (f"invalid HCL: {message}", line, column)


def test_more_values_than_the_limit_skip_the_file() -> None:
    text = "".join(f'attr_{index} = "value"\n' for index in range(MAX_VALUES + 1))
    with pytest.raises(SkipError, match="more than"):
        positions(text)


@pytest.mark.parametrize(
    "text",
    [
        "a {\n" * 10_000 + "}\n" * 10_000,
        "a = " + "[" * 10_000 + "]" * 10_000,
        "a = " + "{ b = " * 10_000 + "}" * 10_000,
        "a = " + "(" * 10_000 + ")" * 10_000,
        'a = "' + '${"' * 10_000,
    ],
)
def test_nesting_ten_thousand_deep_skips_the_file_without_recursion(text: str) -> None:
    started = time.monotonic()
    with pytest.raises(SkipError, match="nested deeper"):
        positions(text)
    assert time.monotonic() - started < 2.0


FRAGMENTS = [
    "a",
    " = ",
    '"claude-x"',
    '"${var.m}"',
    '"',
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    ",",
    ":",
    "\n",
    "\r\n",
    "<<EOT\n",
    "<<-EOT\n",
    "EOT",
    "# c",
    "/*",
    "*/",
    "for",
    " in ",
    "=>",
    "?",
    "-",
    "1",
    "true",
    "${",
    "%{",
    "\\",
    "\\u00",
    'resource "x" "y" ',
    "\0",
]


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)))
def test_any_text_is_read_or_refused_with_a_parse_or_skip_error(text: str) -> None:
    with contextlib.suppress(ParseError, SkipError):
        positions(text)
