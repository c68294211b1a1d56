"""The one sentence the summary and the console say about references SEC006 left alone."""

from __future__ import annotations

from checker.report import UncheckedReferences


def left_alone_sentence(unchecked: UncheckedReferences) -> str | None:
    """`12 runtime references (e.g. `DB_HOST`, `REDIS_PASSWORD`) were left alone: …`; None
    when every reference was a Claude setting."""
    count = unchecked.references
    if count <= 0:
        return None
    noun = "runtime reference" if count == 1 else "runtime references"
    names = ", ".join(f"`{name}`" for name in unchecked.examples)
    example = f" (e.g. {names})" if names else ""
    verb = "was" if count == 1 else "were"
    pronoun = "it is not a Claude setting" if count == 1 else "they are not Claude settings"
    return (
        f"{count} {noun}{example} {verb} left alone: {pronoun}; list a variable in "
        "`required_secrets` to have the gate check it."
    )
