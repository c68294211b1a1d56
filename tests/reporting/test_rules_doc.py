"""`docs/rules.md` is generated from the catalog and current; `--explain` prints the same text."""

from __future__ import annotations

import re

from checker.findings import RULES
from checker.findings.catalog import docs_url
from checker.rules_doc import DOC_PATH, render_rules_doc, rule_body
from tests.helpers import run_cli


def test_docs_rules_md_is_current() -> None:
    assert DOC_PATH.read_text(encoding="utf-8") == render_rules_doc(), (
        "docs/rules.md is stale: run `python -m checker.rules_doc`"
    )


def test_one_section_per_code_whose_anchor_is_the_docs_link() -> None:
    text = render_rules_doc()
    headings = re.findall(r"^## (\S+)$", text, re.MULTILINE)
    assert headings == list(RULES)
    for code in RULES:
        fragment = docs_url(code).rsplit("#", 1)[1]
        assert fragment == code.lower()  # GitHub's anchor for the heading `## CODE`
        assert f"[{code}](#{fragment})" in text


def test_explain_prints_the_section_of_the_docs() -> None:
    for code in ("SEC002", "MOD001", "API001"):
        run = run_cli(["--explain", code.lower()])
        assert run.returncode == 0
        body = rule_body(RULES[code])
        assert run.stdout == f"{body}\nDocs: {docs_url(code)}\n"
        assert f"## {code}\n\n{body}" in DOC_PATH.read_text(encoding="utf-8")
