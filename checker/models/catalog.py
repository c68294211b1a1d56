"""Model catalog (placeholder until the catalog data file lands)."""


def catalog_as_of() -> str:
    return "unknown"
