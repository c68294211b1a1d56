"""Secrets job (SEC001-SEC007): presence, shape, kind, placeholders, references, committed keys."""

from checker.secrets.check import (
    SecretFiles,
    SecretsOutcome,
    check_credentials,
    check_secret_files,
    check_secrets,
)

__all__ = [
    "SecretFiles",
    "SecretsOutcome",
    "check_credentials",
    "check_secret_files",
    "check_secrets",
]
