"""The PR comment: the fake GitHub API, stories through the entrypoint, the body builder."""
