"""Go, Java, Kotlin, C#, Rust and Swift: constants, fields, named arguments, env defaults."""

from __future__ import annotations

from checker.read.source import scan_source
from tests.read import found, values

CONFIG_GO = """\
package config

import "os"

const DefaultModel = "claude-sonnet-4-5"

// var legacy = "claude-2"
/* Model: "claude-instant-1" */
type Config struct {
	Model     string
	MaxTokens int
}

func Default() Config {
	model := os.Getenv("CLAUDE_MODEL")
	if model == "" {
		model = "claude-haiku-4-5"
	}
	return Config{
		Model:     "claude-opus-4-1",
		MaxTokens: 1024,
	}
}

var prompt = `Answer as "claude-2" would`
"""

CLAUDE_SERVICE_JAVA = '''\
@Service
public class ClaudeService {
    @Value("${anthropic.model:claude-sonnet-4-5}")
    private String model;

    private static final String FALLBACK_MODEL = "claude-haiku-4-5";
    // private static final String OLD_MODEL = "claude-2";
    private final String fast = System.getenv().getOrDefault("FAST_MODEL", "claude-opus-4-1");
    private final char quote = '"';
    private final String notice = """
        Powered by "claude-3-opus"
        """;
}
'''

CLAUDE_KT = """\
const val DEFAULT_MODEL = "claude-sonnet-4-5"

data class ClaudeConfig(val model: String = "claude-haiku-4-5", val maxTokens: Int = 1024)

val model = System.getenv("CLAUDE_MODEL") ?: "claude-opus-4-1"
val params = MessageCreateParams.builder().model("claude-3-5-haiku-latest").maxTokens(1024).build()
val versioned = "claude-$version"
/* outer /* nested */ val old = "claude-2" */
@Value("\\${claude.model:claude-3-haiku}")
lateinit var configured: String
"""

CLAUDE_OPTIONS_CS = """\
public class ClaudeOptions
{
    public const string DefaultModel = "claude-sonnet-4-5";
    public string Model { get; set; } = "claude-haiku-4-5";
}

var options = new ClaudeOptions { Model = "claude-opus-4-1", MaxTokens = 1024 };
var model = Environment.GetEnvironmentVariable("CLAUDE_MODEL") ?? "claude-3-5-haiku-latest";
// var old = "claude-2";
var prompt = @"Answer as ""claude-2"" would";
var greeting = $"Hello from {model}, not claude-2";
"""

LIB_RS = """\
pub const DEFAULT_MODEL: &str = "claude-sonnet-4-5";
pub static MODELS: &[&str] = &["claude-opus-4-1", "claude-haiku-4-5"];

pub fn model<'a>(fallback: &'a str) -> String {
    std::env::var("CLAUDE_MODEL").unwrap_or_else(|_| "claude-3-5-haiku-latest".to_string())
}

// const OLD: &str = "claude-2";
fn body() -> serde_json::Value {
    let raw = r#"{"model": "claude-2"}"#;
    json!({ "model": "claude-3-opus", "max_tokens": 1024 })
}
"""

CLAUDE_SWIFT = """\
struct ClaudeConfig {
    let model: String = "claude-sonnet-4-5"
    static let fallbackModel = "claude-haiku-4-5"
}

let model = ProcessInfo.processInfo.environment["CLAUDE_MODEL"] ?? "claude-opus-4-1"
let request = MessageRequest(model: "claude-3-5-haiku-latest", maxTokens: 1024)
// let old = "claude-2"
let versioned = "claude-\\(version)"
let raw = #"Answer as "claude-2" would"#
"""


def test_go_constants_short_declarations_and_struct_defaults() -> None:
    assert found(CONFIG_GO, "go") == [
        ("claude-sonnet-4-5", 5, 22, "DefaultModel"),
        ("CLAUDE_MODEL", 15, 21, ""),
        ("claude-haiku-4-5", 17, 11, "model"),
        ("claude-opus-4-1", 20, 14, "Model"),
        ('Answer as "claude-2" would', 25, 14, "prompt"),
    ]


def test_go_typed_vars_runes_and_a_cmp_or_default() -> None:
    text = (
        'var fallback string = "claude-3-haiku"\n'
        "quote := '\"'\n"
        'model := cmp.Or(os.Getenv("ANTHROPIC_MODEL"), "claude-3-opus")\n'
    )
    assert found(text, "go") == [
        ("claude-3-haiku", 1, 23, "fallback"),
        ("claude-3-opus", 3, 47, "ANTHROPIC_MODEL"),
    ]


def test_a_spring_value_default_and_java_constants() -> None:
    assert found(CLAUDE_SERVICE_JAVA, "java") == [
        ("claude-sonnet-4-5", 3, 31, "anthropic.model"),
        ("claude-haiku-4-5", 6, 50, "FALLBACK_MODEL"),
        ("claude-opus-4-1", 8, 76, "FAST_MODEL"),
        ('\n        Powered by "claude-3-opus"\n        ', 10, 35, "notice"),
    ]
    assert scan_source(CLAUDE_SERVICE_JAVA, "java")[0].default_of == "anthropic.model"


def test_kotlin_vals_named_defaults_elvis_builders_and_nested_comments() -> None:
    assert found(CLAUDE_KT, "kotlin") == [
        ("claude-sonnet-4-5", 1, 27, "DEFAULT_MODEL"),
        ("claude-haiku-4-5", 3, 45, "model"),
        ("CLAUDE_MODEL", 5, 27, ""),
        ("claude-opus-4-1", 5, 46, "CLAUDE_MODEL"),
        ("claude-3-5-haiku-latest", 6, 50, "model"),
        ("claude-3-haiku", 9, 25, "claude.model"),
    ]


def test_csharp_constants_initializers_properties_and_verbatim_strings() -> None:
    assert found(CLAUDE_OPTIONS_CS, "csharp") == [
        ("claude-sonnet-4-5", 3, 40, "DefaultModel"),
        ("claude-haiku-4-5", 4, 41, "Model"),
        ("claude-opus-4-1", 7, 43, "Model"),
        ("CLAUDE_MODEL", 8, 48, ""),
        ("claude-3-5-haiku-latest", 8, 67, "CLAUDE_MODEL"),
        ('Answer as "claude-2" would', 10, 15, "prompt"),
    ]


def test_rust_consts_statics_lifetimes_raw_strings_and_unwrap_defaults() -> None:
    assert found(LIB_RS, "rust") == [
        ("claude-sonnet-4-5", 1, 33, "DEFAULT_MODEL"),
        ("claude-opus-4-1", 2, 32, "MODELS"),
        ("claude-haiku-4-5", 2, 51, "MODELS"),
        ("CLAUDE_MODEL", 5, 19, ""),
        ("claude-3-5-haiku-latest", 5, 54, "CLAUDE_MODEL"),
        ('{"model": "claude-2"}', 10, 17, "raw"),
        ("claude-3-opus", 11, 22, "model"),
    ]


def test_rust_unwrap_or_and_nested_block_comments() -> None:
    text = (
        '/* outer /* inner */ "claude-2" */\n'
        'let model = env::var("MODEL").unwrap_or("claude-3-haiku".to_string());\n'
    )
    assert found(text, "rust") == [("claude-3-haiku", 2, 41, "MODEL")]


def test_swift_lets_environment_defaults_named_arguments_and_raw_strings() -> None:
    assert found(CLAUDE_SWIFT, "swift") == [
        ("claude-sonnet-4-5", 2, 25, "model"),
        ("claude-haiku-4-5", 3, 32, "fallbackModel"),
        ("CLAUDE_MODEL", 6, 49, ""),
        ("claude-opus-4-1", 6, 68, "CLAUDE_MODEL"),
        ("claude-3-5-haiku-latest", 7, 37, "model"),
        ('Answer as "claude-2" would', 10, 12, "raw"),
    ]


def test_interpolated_strings_are_not_literals_in_any_of_these_languages() -> None:
    assert values('val v = "claude-$version"\nval w = "claude-${v}"\n', "kotlin") == []
    assert values('var v = $"claude-{version}";\n', "csharp") == []
    assert values('let v = "claude-\\(version)"\n', "swift") == []
    assert values('let v = format!("claude-{}", version);\n', "rust") == ["claude-{}"]
