"""The subcommands of `congvan`, each imported only when it runs (see congvan/cli.py)."""

from __future__ import annotations

from datetime import date

import click


def date_option(ctx, param, value):
    """A click callback for DATE options: an ISO date (or one as clerks write it, dd/mm/yyyy), else a usage error
    naming the value."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return user_date(ctx, param, value)


def user_date(ctx, param, value):
    """A click callback for dates typed by a person: dd/mm/yyyy, d/m/yyyy or ISO; a usage error in Vietnamese."""
    if value is None:
        return None
    from datetime import datetime

    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise click.BadParameter(f"{value!r} không phải là ngày (dùng dd/mm/yyyy hoặc yyyy-mm-dd)")


class ArgOrCommand(click.Group):
    """A group whose first plain argument is either a subcommand or a value kept in ``ctx.meta[meta_key]``
    (`congvan units NAME` / `units add`, `congvan calendar YEAR` / `calendar add`)."""

    meta_key = "arg"

    def parse_args(self, ctx, args):
        rest = list(args)
        for i, arg in enumerate(rest):
            if arg.startswith("-"):
                continue
            if arg not in self.commands:
                ctx.meta[self.meta_key] = rest.pop(i)
            break
        return super().parse_args(ctx, rest)


def tracker_of(settings):
    """The tracker a command acts with; a refusal that is not a bad setting (said by congvan/cli.py) is a usage
    error: one line, exit code 2."""
    from config.settings import ConfigError
    from congvan.context import tracker_for

    try:
        return tracker_for(settings)
    except ConfigError:
        raise
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
