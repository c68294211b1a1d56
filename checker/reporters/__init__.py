"""Reporters: turn a Report into console text, workflow commands, outputs, JSON, SARIF, summary."""
