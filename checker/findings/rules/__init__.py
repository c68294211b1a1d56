"""The rules, one module per family; `checker.findings.catalog` assembles them in code order."""
