"""`claude-preflight fix`: byte-exact edits, round trips per format, and what it refuses."""
