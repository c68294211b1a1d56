"""The rendered summary read as HTML, the way a reviewer sees it on the PR."""

from __future__ import annotations

import dataclasses

from checker.findings import Location, Severity, make_finding
from checker.findings.catalog import docs_url
from checker.live.report import LiveModelResult, LiveReport, LiveRun
from checker.redaction import Redactor
from checker.reporters.summary import SUMMARY_LIMIT_BYTES, cap_summary, render_summary
from checker.reporters.workflow_commands import annotation_plan
from tests.reporting.rendered import (
    assert_markdown_tables_whole,
    assert_tables_whole,
    structure,
)
from tests.reporting.reports import (
    LIVE_PASSED,
    REPORTS,
    api_echoing,
    build_report,
    live_failing,
    model_finding,
    models_failing,
    passing_report,
)


def plain(report_text: str) -> str:
    return report_text


def render(report: object) -> str:
    from checker.report import Report  # noqa: PLC0415

    assert isinstance(report, Report)
    return render_summary(report, plain)


def test_a_failed_gate_says_blocked_and_why_in_one_sentence() -> None:
    found = structure(render(models_failing()))
    assert found.h2 == ["❌ claude-preflight: deploy blocked"]
    assert "3 errors in Model IDs block the deploy; start with MOD001" in found.text


def test_a_clean_run_passes_and_says_what_was_proven() -> None:
    found = structure(render(passing_report()))
    assert found.h2 == ["✅ claude-preflight: passed"]
    assert "2 model IDs in 3 environments consistent" in found.text
    assert "live check `models` passed" not in found.text  # code spans became <code>
    assert "live check models passed" in found.text


def test_warnings_only_pass_with_warnings() -> None:
    alias = model_finding("MOD005", "claude-haiku-4-5", severity=Severity.WARNING)
    found = structure(render(build_report([alias])))
    assert found.h2 == ["⚠️ claude-preflight: passed with warnings"]
    assert "1 warning in Model IDs to look at" in found.text


def test_fail_on_never_lets_errors_through_and_says_so() -> None:
    missing = make_finding("SEC001", "api_key_unset", variable="ANTHROPIC_API_KEY", near_miss="")
    found = structure(render(build_report([missing], fail_on="never")))
    assert found.h2 == ["⚠️ claude-preflight: passed with errors"]
    assert "fail-on: never" in found.text


def test_one_status_row_and_one_section_per_job() -> None:
    found = structure(render(live_failing()))
    jobs = found.tables[0]
    assert jobs.header == ["Job", "Status"]
    assert [row[0] for row in jobs.rows] == ["🔑 Secrets", "🏷️ Model IDs", "📡 Live check"]
    assert jobs.rows[2][1] == "❌ failed: 1 error, 1 warning"
    assert found.h3 == [
        "🔑 Secrets: ✅ passed",
        "🏷️ Model IDs: ✅ passed",
        "📡 Live check: ❌ failed: 1 error, 1 warning",
    ]


def test_drift_matrix_puts_production_first_and_marks_what_staging_did_not_test() -> None:
    found = structure(render(models_failing()))
    matrix = found.tables[1]
    assert matrix.header == ["Model setting", "🚀 production", "staging 🧪", "development"]
    rows = {row[0]: row[1:] for row in matrix.rows}
    assert rows["llm.model"] == [
        "❌ claude-sonnet-4-5-20250929",
        "claude-sonnet-4-6",
        "⚠️ claude-3-5-sonnet-20241022",
    ]
    assert rows["ANTHROPIC_MODELservices/summarizer"] == [
        "❌ claude-opus-4.8",
        "claude-opus-4-8",
        "",
    ]
    assert rows["worker.fallback_modelservices/summarizer"][:2] == ["claude-haiku-4-5"] * 2


def test_production_column_comes_first_whatever_the_names_and_order() -> None:
    models = {"uat": {"model": "claude-opus-4-8"}, "prd": {"model": "claude-opus-4-7"}}
    report = dataclasses.replace(build_report([], models=models), environments={})
    matrix = structure(render(report)).tables[1]
    assert matrix.header == ["Model setting", "🚀 prd", "uat 🧪"]
    assert matrix.rows == [["model", "❌ claude-opus-4-7", "claude-opus-4-8"]]


def test_a_setting_missing_where_its_group_exists_is_marked_missing() -> None:
    models = {
        "production": {"llm.model": "claude-opus-4-8", "llm.fallback_model": "claude-haiku-4-5"},
        "staging": {"llm.model": "claude-opus-4-8"},
    }
    matrix = structure(render(build_report([], models=models))).tables[1]
    rows = {row[0]: row[1:] for row in matrix.rows}
    assert rows["llm.fallback_model"] == ["claude-haiku-4-5", "➖ missing"]


def test_the_same_model_written_another_way_is_not_marked_as_drift() -> None:
    """`anthropic/claude-opus-4-8` (a LiteLLM route) and `claude-opus-4-8` name one model: the
    gate finds no drift, so the matrix must not show the production cell as blocking."""
    models = {
        "production": {"llm.model": "anthropic/claude-opus-4-8", "llm.fast": "claude-haiku-4-5"},
        "staging": {"llm.model": "claude-opus-4-8", "llm.fast": "claude-sonnet-4-6"},
    }
    canonical = {
        "production": {"llm.model": "claude-opus-4-8", "llm.fast": "claude-haiku-4-5-20251001"},
        "staging": {"llm.model": "claude-opus-4-8", "llm.fast": "claude-sonnet-4-6"},
    }
    report = dataclasses.replace(build_report([], models=models), canonical_models=canonical)
    text = render(report)
    matrix = structure(text).tables[1]
    rows = {row[0]: row[1:] for row in matrix.rows}
    assert rows["llm.model"] == ["🟰 anthropic/claude-opus-4-8", "claude-opus-4-8"]
    assert rows["llm.fast"] == ["❌ claude-haiku-4-5", "claude-sonnet-4-6"]
    assert "2 settings, 1 differing" in text
    assert "🟰 the same model, written another way" in text


def test_every_table_is_whole_in_every_golden_report() -> None:
    for factory in REPORTS.values():
        markdown = render(factory())
        assert_markdown_tables_whole(markdown)
        assert_tables_whole(structure(markdown))


def test_findings_link_to_their_rule_and_say_what_why_and_fix() -> None:
    markdown = render(models_failing())
    found = structure(markdown)
    assert docs_url("MOD001") in found.links
    assert "Fix: Set llm.model in config/production.yaml to claude-sonnet-4-6" in found.text
    assert "Why: The same setting names a different Claude model" in found.text


def test_retired_model_shows_retirement_date_and_replacement_once() -> None:
    text = structure(render(models_failing())).text
    assert (
        "retired on 2025-10-28; every request to it fails. Replacement: claude-sonnet-4-6." in text
    )
    assert "Fix: Move to claude-sonnet-4-6 (Claude Sonnet 4.6) and re-test" in text
    assert "Retirement date" not in text  # the message already says it
    assert "Recommended replacement" not in text  # the fix already names it


def test_a_replacement_the_message_does_not_name_is_added_from_details() -> None:
    retired = model_finding(
        "MOD003",
        "claude-2.1",
        details={"replacement": "claude-opus-4-8", "retirement_date": "2025-07-21"},
    )
    text = structure(render(build_report([retired]))).text
    assert "Retirement date: 2025-07-21 · Recommended replacement: claude-opus-4-8" in text


def test_api_findings_show_request_id_and_time() -> None:
    text = structure(render(live_failing())).text
    assert "Request ID: req_011CV8Zq3bXhJt9wYV6pRk2m" in text
    assert "Time: 2026-12-01T09:59:58Z" in text
    assert "API said:" not in text  # the message quotes the API, so details do not repeat it


def test_fork_pr_and_dependabot_get_their_own_way_to_the_secret() -> None:
    withheld = make_finding(
        "SEC002", "fork_pr", fork="", names="`ANTHROPIC_API_KEY`", verb="is", plural=""
    )
    fork = build_report([withheld], context={"event": "pull_request", "fork_pr": True})
    assert "workflow_run" in structure(render(fork)).text
    bot = build_report([withheld], context={"event": "pull_request", "dependabot": True})
    assert "Secrets and variables > Dependabot" in structure(render(bot)).text


def test_rate_limit_headroom_is_shown_and_low_headroom_flagged() -> None:
    found = structure(render(passing_report()))
    limits = next(table for table in found.tables if table.header[0] == "Limit")
    assert limits.rows[0][:3] == ["Requests", "3,998 of 4,000", "100%"]
    assert limits.rows[1][:3] == ["Tokens", "52,000 of 400,000", "⚠️ 13%"]


def test_long_lists_fold_into_details() -> None:
    findings = [
        model_finding(
            "MOD002", f"claude-nope-{index}", location=Location(f"config/app{index}.yaml", 1, 1)
        )
        for index in range(20)
    ]
    markdown = render(build_report(findings))
    assert "<details><summary>12 more findings in Model IDs</summary>" in markdown
    assert structure(markdown).tags.count("details") == 1


def test_findings_beyond_the_annotation_limit_are_counted_in_the_summary() -> None:
    findings = [model_finding("MOD002", f"claude-x-{n}") for n in range(25)]
    plan = annotation_plan(findings)
    assert plan.left_out_total == 15
    text = structure(render(build_report(findings))).text
    assert "15 more findings are not annotated" in text


def test_no_note_about_annotations_when_all_fit() -> None:
    assert "not annotated" not in render(models_failing())


def test_a_huge_report_stays_under_the_limit_without_breaking_a_table() -> None:
    slots = {f"services/s{n}:llm.model": f"claude-opus-4-{n % 7}" for n in range(3000)}
    models = {"production": slots, "staging": dict.fromkeys(slots, "claude-opus-4-8")}
    findings = [
        model_finding("MOD002", f"claude-{n}" + "x" * 1500, location=Location(f"f{n}.yaml", 1))
        for n in range(3000)
    ]
    markdown = render(build_report(findings, models=models))
    assert len(markdown.encode("utf-8")) <= SUMMARY_LIMIT_BYTES
    assert "not shown to keep this summary under GitHub's 1 MiB limit" in markdown
    assert_markdown_tables_whole(markdown)
    found = structure(markdown)
    assert found.h2 == ["❌ claude-preflight: deploy blocked"]
    assert found.h3[-1].startswith("📡 Live check")


def test_last_resort_cut_never_leaves_half_a_table() -> None:
    text = "## head\n\n| a | b |\n|---|---|\n" + "| x | y |\n" * 100_000
    capped = cap_summary(text, limit=50_000)
    assert len(capped.encode("utf-8")) <= 50_000
    assert "Summary truncated" in capped
    assert_markdown_tables_whole(capped)


def test_the_sparsest_report_the_types_allow_still_renders_the_full_summary() -> None:
    """A model with nothing known but its ID, a rate limit with text for figures, no call
    count, no facts about any environment: every part is optional, so the summary still is."""
    report = dataclasses.replace(
        build_report(
            [],
            live=LiveReport(
                level="models",
                run=LiveRun(
                    models=[LiveModelResult(id="claude-opus-4-8")],
                    rate_limits={"requests": {"limit": "n/a", "remaining": "many"}},
                ),
            ),
        ),
        environments={},
    )
    found = structure(render(report))
    assert found.h2 == ["✅ claude-preflight: passed"]
    assert "claude-opus-4-8" in found.text
    assert_tables_whole(found)


def test_secrets_are_redacted_before_encoding_could_hide_them() -> None:
    secret = "sk_live_under_scored*value"
    leak = api_echoing(secret)
    markdown = render_summary(build_report([leak], live=LIVE_PASSED), Redactor([secret]))
    assert "under" not in markdown.replace("under GitHub", "")
    assert "[REDACTED]" in structure(markdown).text
