"""The one exception that means "invoked wrongly": the CLI turns it into exit code 2."""


class UsageError(Exception):
    """Bad option value, missing workspace or invalid config file; the message is one line."""
