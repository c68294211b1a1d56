"""The support bot's Claude client: one place that knows which models it calls."""

import os

import anthropic

# The triage step is cheap and frequent, so it runs on the small model.
TRIAGE_MODEL = "claude-3-5-haiku-20241022"
ANSWER_MODEL = os.getenv("ANSWER_MODEL", "claude-sonnet-4-5-20250929")

client = anthropic.Anthropic()


def triage(ticket: str) -> str:
    """Label a ticket as billing, bug or question."""
    reply = client.messages.create(
        model=TRIAGE_MODEL,
        max_tokens=16,
        messages=[{"role": "user", "content": f"Label this ticket: {ticket}"}],
    )
    return reply.content[0].text


def answer(ticket: str) -> str:
    """Draft an answer for a human to review."""
    reply = client.messages.create(
        model=ANSWER_MODEL,
        max_tokens=1024,
        messages=[{"role": "user", "content": ticket}],
    )
    return reply.content[0].text
