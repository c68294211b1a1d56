"""Fuzz every reader of repository text for N minutes: parsers, source tokenizers, plain-text
tokens, globs and the redactor (issue 10, "a fuzz entry over the parsers and tokenizers").

    python bench/fuzz.py --minutes 15                 # every target, round-robin
    python bench/fuzz.py --minutes 2 --targets toml,jsonc --out /tmp/fuzz

Inputs come from hypothesis (generation only: a defect is recorded, not shrunk, and the hunt goes
on): random text over each format's own punctuation, seed documents with spliced fragments, and
one fragment repeated up to tens of thousands of times, which is what finds quadratic scans and
backtracking. A defect is an exception the target may not raise (a parser may raise only
ParseError or SkipError; a tokenizer nothing), a call slower than `--slow` seconds plus
`--per-mb` seconds per MB of input (linear work on a large input is not a defect; superlinear
work is), a call cut by the hang guard, or a redactor output that still holds the secret. Each
distinct defect is printed once, and its input saved under `--out` for reproduction. Exit code 1
when any was found.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/fuzz.py` from a checkout
    sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from checker.read.source import LANGUAGES, scan_source  # noqa: E402
from checker.redaction import Redactor  # noqa: E402
from checker.scan.globs import GlobSet  # noqa: E402
from checker.scan.text import id_tokens  # noqa: E402
from checker.workspace.parsers import PARSERS, ParseError, SkipError, parse_text  # noqa: E402

BATCH = 60
HANG_SECONDS = 20.0
SECRET = "sk-ant-api03-" + "Fz9" * 31 + "AA"

# Each format's own punctuation and words, so random text reaches past the first character.
PUNCTUATION = {
    "yaml": ":-?[]{}&*!|>'\"#%@`,\n  \t",
    "json": '{}[],:"\\/*\n trufalsn0123456789.eE+-',
    "jsonc": '{}[],:"\\/*\n trufalsn0123456789.eE+-',
    "toml": "[]=.\"'#\n{},\\ trufalse0123456789-:T",
    "dotenv": "=#'\"\\$ {}\nexport\t:",
    "properties": "=:!#\\ \nu0041\t",
    "hcl": '{}[]()="<>-#/*$%\\,:?. \nEOTvarlocal',
    "python": "\"'#()[]{}=:,.\\\nfrb ",
    "javascript": "\"'`${}/*\\()[]=,;:.+\n rgxim",
    "go": "\"'`/*\\{}()=:,.\n ",
    "java": "\"'/*\\{}()=,;.\n @",
    "kotlin": "\"'$/*\\{}()=,;.\n ",
    "csharp": "\"'@$/*\\{}()=,;.\n #",
    "php": "\"'$/*\\{}()=,;.\n<?php>#",
    "rust": "\"'#r/*\\{}()=,;.\n b",
    "swift": "\"'#/*\\{}()=,;.\n",
    "ruby": "\"'#%{}()=,;.\\\n<-~:/",
    "template": "<>{}%#\"'=/-!\n ",
    "text": "claude-3.5opusnet@/:._[]\n ",
    "glob": "*?[]{},!/a.-",
    "redactor": 'sk-ant-api03eyJ._-AKIA"\\ \n',
}
WORDS = (
    "model",
    "claude-sonnet-4-6",
    "claude-3-opus-20240229",
    "anthropic.claude-3-haiku-20240307-v1:0",
    "claude-preflight: ignore",
    "MODEL",
    "ANTHROPIC_API_KEY",
)
SEEDS = {
    "yaml": "llm:\n  model: claude-sonnet-4-6\n  list: [a, {b: c}]\nx: &a 1\ny: *a\n",
    "json": '{"llm": {"model": "claude-sonnet-4-6", "n": [1, 2.5, true, null]}}',
    "jsonc": '{\n  // c\n  "model": "claude-sonnet-4-6", /* b */\n  "a": [1,],\n}',
    "toml": '[llm]\nmodel = "claude-sonnet-4-6"\na.b.c = 1\n[[t]]\nx = """m"""\n',
    "dotenv": "export ANTHROPIC_MODEL=\"claude-sonnet-4-6\"\nA=b # c\nB='x'\n",
    "properties": "llm.model=claude-sonnet-4-6\na : b\\\n  c\n! x\n",
    "hcl": 'variable "m" {\n  default = "claude-sonnet-4-6"\n}\nx = <<EOT\nhi\nEOT\n',
    "python": 'MODEL = os.getenv("M", "claude-sonnet-4-6")\nf(model=f"x{y}")\n',
    "javascript": 'const model = process.env.M ?? "claude-sonnet-4-6"; x = `a${b}`; /r/g\n',
    "go": 'const Model = "claude-sonnet-4-6"\nvar s = `raw`\n',
    "java": 'String model = "claude-sonnet-4-6"; var t = """\n x\n""";\n',
    "kotlin": 'val model = "claude-sonnet-4-6"; val t = "${a}"\n',
    "csharp": 'var model = @"claude-sonnet-4-6"; var s = $"{x}";\n',
    "php": '<?php $model = "claude-sonnet-4-6"; echo <<<EOT\nx\nEOT;\n',
    "rust": "let model = r#\"claude-sonnet-4-6\"#; let c = 'x';\n",
    "swift": 'let model = "claude-sonnet-4-6"; let s = #"x"#\n',
    "ruby": 'MODEL = ENV.fetch("M", "claude-sonnet-4-6")\nx = %w[a b]\n',
    "template": '<div data-model="claude-sonnet-4-6">{{ model }}{% if x %}{% endif %}</div>\n',
    "text": "Use claude-sonnet-4-6 or claude-3.5-sonnet (see claude-code).\n",
    "glob": "config/**/prod*.{yaml,yml}",
    "redactor": f"key={SECRET} jwt=eyJhbGciOi.eyJzdWIiOi.sig",
}


class HangError(Exception):
    """The hang guard fired: one call ran longer than HANG_SECONDS."""


@dataclass(slots=True)
class Defect:
    target: str
    kind: str
    detail: str
    size: int
    saved: str


@dataclass(slots=True)
class Tally:
    tried: Counter[str] = field(default_factory=Counter)
    defects: dict[tuple[str, str, str], Defect] = field(default_factory=dict)
    slowest: dict[str, tuple[float, int]] = field(default_factory=dict)


def _parser(file_format: str) -> Callable[[str], object]:
    return lambda text: parse_text(text, file_format, "fuzz")


def _source(language: str) -> Callable[[str], object]:
    return lambda text: scan_source(text, language)


def _redact(text: str) -> object:
    out = Redactor([SECRET])(text)
    if SECRET in out:
        raise AssertionError("the secret survived redaction")
    return out


def _glob(text: str) -> object:
    pattern, _, path = text.partition("\n")
    globs = GlobSet([pattern[:2000]])
    return globs.matches((path or pattern)[:100_000])


TARGETS: dict[str, tuple[str, Callable[[str], object], tuple[type[BaseException], ...]]] = {
    **{f"parse:{name}": (name, _parser(name), (ParseError, SkipError)) for name in PARSERS},
    **{f"source:{name}": (name, _source(name), ()) for name in sorted(set(LANGUAGES.values()))},
    "text:id_tokens": ("text", id_tokens, ()),
    "glob": ("glob", _glob, ()),
    "redactor": ("redactor", _redact, ()),
}


def documents(kind: str) -> st.SearchStrategy[str]:
    """Random, spliced and repeated text for one format."""
    alphabet = st.sampled_from(PUNCTUATION[kind]) | st.characters(codec="utf-8")
    piece = st.text(alphabet, max_size=40) | st.sampled_from(WORDS)
    random_text = st.lists(piece, max_size=30).map("".join)
    seed = SEEDS[kind]
    spliced = st.builds(
        lambda cut, inserted: seed[:cut] + inserted + seed[cut:],
        st.integers(0, len(seed)),
        random_text,
    )
    repeated = st.builds(
        lambda head, unit, count, tail: head + unit * count + tail,
        random_text,
        st.text(alphabet, min_size=1, max_size=6) | st.sampled_from(WORDS),
        st.integers(1, 60_000),
        random_text,
    )
    return random_text | spliced | repeated


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise HangError


def _record(tally: Tally, name: str, kind: str, detail: str, text: str, *, out: Path) -> None:
    key = (name, kind, detail if kind == "exception" else "")  # one slow or hang per target
    if key in tally.defects:
        return
    out.mkdir(parents=True, exist_ok=True)
    saved = out / f"{name.replace(':', '-')}-{len(tally.defects):03d}.txt"
    saved.write_text(text, encoding="utf-8", errors="surrogatepass")
    tally.defects[key] = Defect(name, kind, detail, len(text), str(saved))
    print(f"DEFECT {name}: {kind}: {detail} ({len(text)} chars, saved {saved})", flush=True)


def _where(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    last = frames[-1] if frames else None
    place = f" at {Path(last.filename).name}:{last.lineno}" if last else ""
    return f"{type(error).__name__}{place}: {str(error)[:120]}"


def run_target(name: str, tally: Tally, *, slow: float, per_mb: float, out: Path) -> None:
    kind, call, allowed = TARGETS[name]

    @settings(
        max_examples=BATCH,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(documents(kind))
    def one(text: str) -> None:
        tally.tried[name] += 1
        started = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
        try:
            call(text)
        except HangError:
            _record(tally, name, "hang", f"more than {HANG_SECONDS:g} s", text, out=out)
            return
        except allowed:
            pass
        except Exception as error:  # every other exception is the defect being hunted
            _record(tally, name, "exception", _where(error), text, out=out)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.perf_counter() - started
        if took > tally.slowest.get(name, (0.0, 0))[0]:
            tally.slowest[name] = (took, len(text))
        allowed_seconds = slow + per_mb * len(text) / 1_000_000
        if took > allowed_seconds:
            _record(
                tally,
                name,
                "slow",
                f"{took:.1f} s, more than {allowed_seconds:.1f} s",
                text,
                out=out,
            )

    one()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=15.0)
    parser.add_argument("--targets", default="", help="comma-separated names (default: all)")
    parser.add_argument("--slow", type=float, default=2.0, help="seconds that make a call slow")
    parser.add_argument("--per-mb", type=float, default=4.0, help="and seconds per MB of input")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / ".fuzz-findings")
    parser.add_argument("--report", type=Path, default=None, help="write the tally as JSON")
    args = parser.parse_args(argv)
    names = [n for n in args.targets.split(",") if n] or list(TARGETS)
    unknown = sorted(set(names) - set(TARGETS))
    if unknown:
        parser.error(f"unknown targets {unknown}; known: {', '.join(TARGETS)}")
    signal.signal(signal.SIGALRM, _alarm)
    tally = Tally()
    started = time.monotonic()
    deadline = started + args.minutes * 60
    next_progress = started + 60
    while time.monotonic() < deadline:
        for name in names:
            run_target(name, tally, slow=args.slow, per_mb=args.per_mb, out=args.out)
            if time.monotonic() >= deadline:
                break
        if time.monotonic() >= next_progress:
            next_progress += 60
            minutes = (time.monotonic() - started) / 60
            print(
                f"{minutes:.1f} min: {sum(tally.tried.values())} inputs, "
                f"{len(tally.defects)} defects",
                flush=True,
            )
    minutes = (time.monotonic() - started) / 60
    print(
        f"\n{minutes:.1f} minutes, {sum(tally.tried.values())} inputs, {len(tally.defects)} defects"
    )
    for name in names:
        took, size = tally.slowest.get(name, (0.0, 0))
        print(f"  {name:22} {tally.tried[name]:8} inputs, slowest {took:.3f} s ({size} chars)")
    for defect in tally.defects.values():
        print(f"  DEFECT {defect.target}: {defect.kind}: {defect.detail} -> {defect.saved}")
    if args.report is not None:
        args.report.write_text(
            json.dumps(
                {
                    "minutes": round(minutes, 2),
                    "inputs": dict(tally.tried),
                    "slowest": {name: list(value) for name, value in tally.slowest.items()},
                    "defects": [
                        {"target": d.target, "kind": d.kind, "detail": d.detail, "size": d.size}
                        for d in tally.defects.values()
                    ],
                },
                indent=2,
            )
        )
    return 1 if tally.defects else 0


if __name__ == "__main__":
    sys.exit(main())
