"""How GitHub's runner reads workflow commands (actions/runner `ActionCommand.TryParseV2`).

Used by the tests to prove that what we print parses back to exactly what we meant, whatever the
repository put into file names and messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_PROPERTY_UNESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))
_DATA_UNESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))


@dataclass
class Command:
    """One parsed `::command key=value,...::data` line."""

    name: str
    properties: dict[str, str] = field(default_factory=dict)
    data: str = ""


def _unescape(text: str, table: tuple[tuple[str, str], ...]) -> str:
    for escaped, plain in table:
        text = text.replace(escaped, plain)
    return text


def parse_command(line: str) -> Command | None:
    """The command a runner would execute for this stdout line, or None for plain output."""
    if not line.startswith("::"):
        return None
    end = line.find("::", 2)
    if end < 0:
        return None
    info, data = line[2:end], line[end + 2 :]
    name, _, raw_properties = info.partition(" ")
    properties = {}
    for pair in filter(None, raw_properties.split(",")):
        key, sep, value = pair.partition("=")
        if sep and key:
            properties[key] = _unescape(value, _PROPERTY_UNESCAPES)
    return Command(name, properties, _unescape(data, _DATA_UNESCAPES))


def parse_stream(text: str) -> list[Command]:
    """Every command in a stream, honouring `::stop-commands::TOKEN` ... `::TOKEN::`."""
    commands: list[Command] = []
    stop_token: str | None = None
    for line in text.split("\n"):
        if stop_token is not None:
            if line == f"::{stop_token}::":
                stop_token = None
            continue
        command = parse_command(line)
        if command is None:
            continue
        if command.name == "stop-commands":
            stop_token = command.data
            continue
        commands.append(command)
    return commands
