"""The subcommands of `congvan`, each imported only when it runs (see congvan/cli.py)."""

from __future__ import annotations

from datetime import date

import click


def date_option(ctx, param, value):
    """A click callback for DATE options: an ISO date, or a usage error naming the value."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)") from None
