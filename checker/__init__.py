"""claude-preflight: a CI gate that proves a Claude integration will work in production."""

__version__ = "0.1.0"
