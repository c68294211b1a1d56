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


# Replies go out under the company's name, so they are drafted by the newest model. The low
# temperature came along from the Sonnet 4.5 days: Claude 4.7 and later reject it (REQ001).
REPLY_MODEL = "claude-opus-5"


def draft_reply(ticket: str) -> str:
    """Draft the customer-facing reply."""
    reply = client.messages.create(
        model=REPLY_MODEL,
        max_tokens=1024,
        temperature=0.2,
        messages=[{"role": "user", "content": f"Draft a reply to: {ticket}"}],
    )
    return reply.content[0].text
