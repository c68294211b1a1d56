"""The one pass over the workspace: which files, what each is, where it belongs, what it holds."""
