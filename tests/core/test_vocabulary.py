"""Every word list is written once (`checker.vocabulary`) and every other place agrees with it:
the config file's dataclass and its schema, the CLI's choices, the severities, the jobs."""

from __future__ import annotations

import dataclasses
import typing

from checker.config_file import ProjectConfig
from checker.config_schema import ConfigFileModel
from checker.findings import RULES, Severity
from checker.options import OPTIONS_BY_NAME
from checker.vocabulary import (
    COMMENT_MODES,
    ENVIRONMENT_ALIASES,
    ENVIRONMENTS,
    FAIL_ON_LEVELS,
    JOB_TITLES,
    JOBS,
    LIVE_LEVELS,
    PRE_PRODUCTION_ORDER,
    SEVERITIES,
    UNAVAILABLE_SECRET_POLICIES,
)


def test_the_config_dataclass_and_its_schema_list_the_same_fields_in_the_same_order() -> None:
    dataclass_fields = [field.name for field in dataclasses.fields(ProjectConfig)]
    assert dataclass_fields == list(ConfigFileModel.model_fields)


def test_the_config_files_choices_are_the_vocabularys() -> None:
    hints = typing.get_type_hints(ConfigFileModel)
    live = typing.get_args(hints["live_check"])[0]
    fail_on = typing.get_args(hints["fail_on"])[0]
    assert typing.get_args(live) == LIVE_LEVELS
    assert typing.get_args(fail_on) == FAIL_ON_LEVELS


def test_the_cli_offers_the_vocabularys_choices() -> None:
    assert OPTIONS_BY_NAME["live-check"].choices == LIVE_LEVELS
    assert OPTIONS_BY_NAME["fail-on"].choices == FAIL_ON_LEVELS
    assert OPTIONS_BY_NAME["on-unavailable-secrets"].choices == UNAVAILABLE_SECRET_POLICIES
    assert OPTIONS_BY_NAME["comment-on-pr"].choices == COMMENT_MODES


def test_severities_are_the_vocabularys_heaviest_first() -> None:
    by_rank = sorted(Severity, key=lambda severity: -severity.rank)
    assert tuple(severity.value for severity in by_rank) == SEVERITIES
    assert {rule.severity for rule in RULES.values()} <= set(SEVERITIES)


def test_every_rule_belongs_to_a_job_with_a_title() -> None:
    assert tuple(JOB_TITLES) == JOBS
    assert {rule.job for rule in RULES.values()} <= set(JOBS)


def test_environment_aliases_follow_the_promotion_order() -> None:
    assert tuple(ENVIRONMENT_ALIASES) == ENVIRONMENTS
    assert all(ENVIRONMENT_ALIASES[name][0] == name for name in ENVIRONMENTS)
    assert PRE_PRODUCTION_ORDER == ("staging", "test", "development")
