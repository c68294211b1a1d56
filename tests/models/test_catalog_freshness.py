"""CFG004: a bundled catalog older than 60 days is a notice, unless the user gave their own."""

from __future__ import annotations

from datetime import date

from checker.findings import Severity
from checker.models.ids.catalog import catalog_as_of
from checker.models.ids.freshness import catalog_age_findings


def test_a_catalog_61_days_old_is_a_notice_that_says_its_date_and_age() -> None:
    [finding] = catalog_age_findings("2026-12-01", date(2027, 1, 31), user_catalog=False)
    assert finding.code == "CFG004"
    assert finding.severity is Severity.NOTICE
    assert "2026-12-01" in finding.message
    assert "61 days" in finding.message
    assert finding.details == {"as_of": "2026-12-01", "age_days": "61"}


def test_the_fix_says_how_to_get_a_newer_catalog() -> None:
    [finding] = catalog_age_findings("2026-12-01", date(2027, 6, 1), user_catalog=False)
    assert "Upgrade claude-preflight" in finding.fix
    assert "`catalog:`" in finding.fix
    assert "scripts/refresh_catalog.py" in finding.fix
    assert finding.docs.endswith("#cfg004")


def test_a_catalog_exactly_60_days_old_is_still_fresh() -> None:
    assert catalog_age_findings("2026-12-01", date(2027, 1, 30), user_catalog=False) == []


def test_a_user_catalog_silences_the_notice() -> None:
    assert catalog_age_findings("2026-01-01", date(2027, 1, 1), user_catalog=True) == []


def test_an_as_of_date_that_is_not_a_date_is_reported_rather_than_trusted() -> None:
    [finding] = catalog_age_findings("unknown", date(2026, 12, 1), user_catalog=False)
    assert finding.code == "CFG004"
    assert "no valid as-of date" in finding.message


def test_the_bundled_catalog_is_fresh_on_its_own_as_of_date() -> None:
    as_of = date.fromisoformat(catalog_as_of())
    assert catalog_age_findings(catalog_as_of(), as_of, user_catalog=False) == []
