"""A 5,001-file monorepo (150k values): the model job stays linear and well under its budget."""

from __future__ import annotations

import time

from checker.findings import Location
from checker.models import check_models, inventory_models, prepare_models
from checker.workspace.model import ConfigFile, ConfigValue, WorkspaceScan
from tests.models.builders import TODAY, settings

ENVIRONMENTS = (("development", "dev"), ("staging", "staging"), ("production", "prod"))


def monorepo(services: int, drifts: int) -> WorkspaceScan:
    files = []
    for index in range(services):
        group = f"services/svc{index:05d}"
        for environment, name in ENVIRONMENTS:
            path = f"{group}/config/{name}.yaml"
            model = "claude-sonnet-4-6"
            if environment == "production" and index % (services // drifts) == 0:
                model = "claude-opus-4-8"
            values = [
                ("app.name", f"svc{index}"),
                ("llm.provider", "anthropic"),
                ("llm.model", model),
                ("llm.fallback_model", "claude-haiku-4-5-20251001"),
                ("llm.max_tokens", "4096"),
            ]
            values += [(f"settings.key{k}", f"value-{index}-{k}") for k in range(25)]
            files.append(
                ConfigFile(
                    path,
                    environment,
                    group,
                    "yaml",
                    [
                        ConfigValue(k, v, Location(path, n + 1, 5))
                        for n, (k, v) in enumerate(values)
                    ],
                )
            )
    return WorkspaceScan(
        files=files,
        environments=["development", "production", "staging"],
        production="production",
    )


def test_150k_values_find_exactly_the_drifts_quickly() -> None:
    workspace = monorepo(1667, 10)
    started = time.perf_counter()
    prepared = prepare_models(settings(), workspace)
    inventory = inventory_models(prepared)
    outcome = check_models(settings(), prepared, None, today=TODAY)
    elapsed = time.perf_counter() - started
    drifts = [f for f in outcome.findings if f.code == "MOD001"]
    assert len(drifts) == 11  # indexes 0, 166, ..., 1660
    assert {f.severity.value for f in drifts} == {"error"}
    assert len(outcome.findings) == len(drifts)
    assert inventory.first_party_ids == [
        "claude-haiku-4-5-20251001", "claude-opus-4-8", "claude-sonnet-4-6",
    ]  # fmt: skip
    assert elapsed < 2.0, f"{elapsed:.2f} s for 150k values (budget about 0.3 s, CI margin)"
