"""The glob matcher: the same answers as the regular-expression translation it replaced, in time
linear in the path however the glob is written (`**a**a**a...` took minutes with `re`)."""

from __future__ import annotations

import re
import time
import warnings

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.scan.explicit import ExplicitEnvironments
from checker.scan.globs import MAX_DFA_STATES, GlobSet
from checker.scan.suppress import PathGlobs


def regex_oracle(glob: str) -> str:
    """The translation `environments` and `include`/`exclude` used before (backtracking `re`)."""
    glob = glob.strip().removeprefix("./").lstrip("/")
    out: list[str] = []
    index = 0
    while index < len(glob):
        char = glob[index]
        if glob.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if glob.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and "]" in glob[index + 2 :]:
            end = glob.index("]", index + 2)
            body = glob[index + 1 : end]
            negate = body[:1] in ("!", "^")
            rest = body[1:] if negate else body
            if not rest:
                # `[!]`: `re` would read `[^]...]` as a class that runs on to the next `]`, a quirk
                # no glob user means; the matcher documents such a class as invalid, so literal.
                raise re.error("empty class")
            out.append("[" + ("^" if negate else "") + rest.replace("\\", "\\\\") + "]")
            index = end + 1
            continue
        elif char == "{" and "}" in glob[index:]:
            end = glob.index("}", index)
            options = glob[index + 1 : end].split(",")
            out.append("(?:" + "|".join(regex_oracle(option) for option in options) + ")")
            index = end + 1
            continue
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


def oracle_matches(glob: str, path: str) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "possible nested set" and friends
        try:
            pattern = re.compile(regex_oracle(glob))
        except re.error:
            pattern = re.compile(re.escape(glob.strip().removeprefix("./").lstrip("/")))
    return pattern.fullmatch(path) is not None


GLOB_CHARS = st.sampled_from(list("ab/.*?[]{},!-^ "))
PATH_CHARS = st.sampled_from(list("ab/.-^!,"))


@settings(max_examples=1500)
@given(st.text(GLOB_CHARS, max_size=12), st.text(PATH_CHARS, max_size=12))
def test_answers_as_the_regex_translation_did(glob: str, path: str) -> None:
    assert GlobSet([glob]).fullmatch(path) == oracle_matches(glob, path), (glob, path)


def test_the_documented_forms() -> None:
    globs = GlobSet(["config/**/prod*.{yaml,yml}", "deploy/[!x]?/*.env"])
    assert globs.fullmatch("config/prod.yaml")
    assert globs.fullmatch("config/a/b/production.yml")
    assert not globs.fullmatch("config/a/prod/x.yaml")
    assert globs.fullmatch("deploy/eu/app.env")
    assert not globs.fullmatch("deploy/xu/app.env")
    assert GlobSet(["[z-a]"]).fullmatch("[z-a]")  # an invalid class is literal text
    assert not GlobSet([]).fullmatch("")


def test_a_folder_glob_covers_what_is_under_it() -> None:
    globs = PathGlobs(["bench", "**/generated/*.py"])
    assert globs.matches("bench/scale.py")
    assert globs.matches("a/generated/x.py")
    assert not globs.matches("benchmark/x.py")


def test_backtracking_globs_are_linear() -> None:
    """Before: `**a` x 15 against 250 `a`s and a `b` ran for more than 90 s."""
    started = time.monotonic()
    environments = ExplicitEnvironments({"production": ["**a" * 15, "*a" * 200]})
    assert environments.match(["a" * 250 + "b"]) is None
    assert environments.match(["a" * 4000 + "b"]) is None
    assert PathGlobs(["**a" * 300]).matches("a/" * 250 + "b" * 3000) is False
    assert time.monotonic() - started < 2.0


def test_exponentially_many_states_are_not_all_kept() -> None:
    """`**a` and 14 `?`: the DFA would have 2**15 states; the cache stops at its bound."""
    globs = GlobSet(["**a" + "?" * 14])
    path = "".join("ab"[(index * 7) % 3 == 0] for index in range(20_000))
    started = time.monotonic()
    globs.fullmatch(path)
    assert time.monotonic() - started < 10.0
    assert len(globs._cache) <= MAX_DFA_STATES
