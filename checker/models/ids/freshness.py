"""CFG004: is the bundled model catalog too old to trust on its own?

Lifecycle data goes stale within weeks (a deprecation announced after the catalog was cut passes as
active), so past a fixed age the gate says so, unless the user gave their own `catalog:` entries.
"""

from __future__ import annotations

from datetime import date

from checker.findings import Finding, make_finding

MAX_CATALOG_AGE_DAYS = 60


def catalog_age_findings(as_of: str, today: date, *, user_catalog: bool) -> list[Finding]:
    """A CFG004 notice when the bundled catalog is more than 60 days old and no user catalog
    was given; nothing otherwise."""
    if user_catalog:
        return []
    try:
        cut = date.fromisoformat(as_of)
    except ValueError:
        return [
            make_finding(
                "CFG004",
                "undated",
                details={"as_of": as_of[:40]},
            )
        ]
    age = (today - cut).days
    if age <= MAX_CATALOG_AGE_DAYS:
        return []
    return [
        make_finding(
            "CFG004",
            "old",
            as_of=cut.isoformat(),
            age=age,
            limit=MAX_CATALOG_AGE_DAYS,
            details={"as_of": cut.isoformat(), "age_days": str(age)},
        )
    ]
