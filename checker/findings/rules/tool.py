"""The gate itself (TOOL)."""

from __future__ import annotations

from checker.findings.rule import Example, Rule, Wording

RULES: tuple[Rule, ...] = (
    Rule(
        code="TOOL001",
        title="A check crashed",
        severity="error",
        job="tool",
        since="0.1.0",
        explanation=(
            "An internal error stopped one of claude-preflight's checks. The other checks ran;"
            " the gate fails closed because part of it could not be verified."
        ),
        fix=(
            "Re-run; if it persists, report it with the message shown (it never contains secrets)."
        ),
        words={
            "stage_crashed": Wording(
                message="The {stage} check crashed with {error}{detail}. The rest of the gate ran."
            ),
            "gate_crashed": Wording(message="The gate crashed before it could finish."),
        },
        example=Example(
            trigger="A bug in claude-preflight raises an exception while it checks the models.",
            facts={"stage": "models", "error": "KeyError", "detail": ": 'provider'"},
            fixed=(
                "Re-run the job. If the finding comes back, open an issue with the message: it "
                "names the check and the error, never a secret."
            ),
        ),
    ),
)
