"""Findings: the one vocabulary every check speaks and every reporter renders."""

from checker.findings.catalog import RULES, rule_for
from checker.findings.model import Finding, Location, Severity, make_finding
from checker.findings.rule import Rule

__all__ = ["RULES", "Finding", "Location", "Rule", "Severity", "make_finding", "rule_for"]
