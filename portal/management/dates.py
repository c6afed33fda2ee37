"""Command-line arguments shared by the management commands."""

import argparse
from datetime import date


def day(text):
    """A --date argument: YYYY-MM-DD, or a clear error."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("expected a date as YYYY-MM-DD") from None
