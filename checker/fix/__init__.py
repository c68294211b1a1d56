"""`claude-preflight fix`: the value fixes the gate names, applied in place, byte for byte.

`targets` picks the findings and the value each names, `edits` finds a value's bytes and replaces
them alone, `plan` turns targets into file contents, `writer` writes them atomically and only
where allowed, `command` runs the rounds and prints the diff.
"""
