"""`python -m checker`."""

from checker.cli import console_main

console_main()
