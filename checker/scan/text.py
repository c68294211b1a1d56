"""Claude model IDs in plain text (docs, Dockerfiles, shell scripts, lock files, data files).

No grammar to lean on, so only whole tokens count: every occurrence of `claude` is widened to the
token around it (letters, digits, `-._:@/[]`), and the checks keep a token only when it is a
model ID exactly as some platform writes it. `claude-3-opus-2024-06-12-1404` as a run name or
`claude-code` stay tokens that name no model. Linear in the text, bounded in count.
"""

from __future__ import annotations

from checker.workspace.parsers.common import LineIndex

MAX_TOKENS_PER_FILE = 2_000
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._:@/[]")
_TRAILING = ".:,/-"

Token = tuple[str, int, int]  # (text, line, column)


def id_tokens(text: str) -> list[Token]:
    """Every whole token that contains `claude`, with its 1-based line and column."""
    lowered = text.lower()
    found: list[Token] = []
    index = lowered.find("claude")
    if index == -1:
        return found
    lines = LineIndex(text)
    end = -1
    while index != -1 and len(found) < MAX_TOKENS_PER_FILE:
        if index < end:
            index = lowered.find("claude", end)
            continue
        start = index
        while start > 0 and text[start - 1] in _TOKEN_CHARS and index - start < 200:
            start -= 1
        end = index + 6
        while end < len(text) and text[end] in _TOKEN_CHARS and end - index < 200:
            end += 1
        token = text[start:end].rstrip(_TRAILING)
        if token:
            line, column = lines.position(start)
            found.append((token, line, column))
        index = lowered.find("claude", end)
    return found
