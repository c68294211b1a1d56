"""The gate's one conversation with GitHub's REST API: a sticky comment on the pull request.

`inputs` reads `comment-on-pr` and `github-token`, `client` makes the calls (with its own error
types), `comment` builds the body from the report, `sticky` finds the comment again by its hidden
marker and creates or edits it, and says in a notice why it could not.
"""
