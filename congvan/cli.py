"""The `congvan` command line: the one place that wires settings, database, calendar and mailboxes together.

Subcommands live in ``congvan/commands/`` and are imported only when they run, so that a quick command such as
``congvan due`` does not pay for the NLP models or the database driver.
"""

from __future__ import annotations

import importlib
import sys

import click

from congvan import clickvi

clickvi.install()

# command name -> "module:attribute" (a click command). Keep names stable: they are a public interface.
COMMANDS = {
    "due": "congvan.commands.calendar:due",
    "calendar": "congvan.commands.calendar:calendar",
    "db": "congvan.commands.db:db",
    "units": "congvan.commands.db:units",
    "office": "congvan.commands.db:office",
    "extract": "congvan.commands.extract:extract",
    "import": "congvan.commands.intake:import_",
    "run": "congvan.commands.service:run",
    "status": "congvan.commands.service:status",
    "check-config": "congvan.commands.service:check_config",
    "letters": "congvan.commands.intake:letters",
    "register": "congvan.commands.register:register",
    "quarantine": "congvan.commands.intake:quarantine",
    "review": "congvan.commands.obligations:review",
    "obligations": "congvan.commands.obligations:obligations",
    "sweep": "congvan.commands.obligations:sweep",
    "drafts": "congvan.commands.drafts:drafts",
    "report": "congvan.commands.drafts:report",
    "demo": "congvan.commands.demo:demo",
    "web": "congvan.commands.web:web",
    "user": "congvan.commands.web:user",
}


_loaded: dict = {}  # the settings once read, for main's one-line account of a fault


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.commands:
            return self.commands[name]
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None  # not built yet
            raise
        return getattr(module, attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    envvar="CONGVAN_CONFIG",
    help="Tệp cấu hình (TOML). Biến CONGVAN_DATABASE_URL thay cơ sở dữ liệu ghi trong tệp.",
)
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """congvan: theo dõi công văn, thời hạn phối hợp và văn bản nhắc việc."""
    from config.settings import Settings

    ctx.obj = _loaded["settings"] = Settings.load(config_path)  # a bad setting: one line, exit 2 (see main)


def main(argv: list[str] | None = None) -> None:
    """Entry point. Usage errors are one line on stderr with exit code 2, as scripts relying on us expect."""
    try:
        rc = cli.main(args=argv, prog_name="congvan", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.ctx.get_help() if exc.ctx else str(exc))
        sys.exit(0)
    except click.UsageError as exc:
        hint = f" (xem 'congvan {exc.ctx.command_path.split(' ', 1)[-1]} --help')" if exc.ctx and " " in exc.ctx.command_path else ""
        click.echo(f"congvan: lỗi: {exc.format_message()}{hint}", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        click.echo(f"congvan: lỗi: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except click.Abort:
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - settings and the machine's faults are said in one line
        from congvan.errors import explain

        said = explain(exc, _loaded.get("settings"))
        if said is None:
            raise
        message, code = said
        click.echo(f"congvan: lỗi: {message}", err=True)
        sys.exit(code)
    except KeyboardInterrupt:  # pragma: no cover - interactive
        sys.exit(130)
    sys.exit(rc if isinstance(rc, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
