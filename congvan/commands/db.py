"""`congvan db upgrade` and `congvan units`."""

from __future__ import annotations

import json

import click

from congvan.context import engine_for, registry_for


@click.group()
def db():
    """Cơ sở dữ liệu: nâng cấp cấu trúc."""


@db.command()
@click.pass_obj
def upgrade(settings):
    """Nâng cấp cơ sở dữ liệu lên phiên bản mới nhất và nạp danh mục đơn vị."""
    from sqlalchemy.engine import make_url

    from tracker import db as database
    from tracker.db import units as unit_rows

    engine = engine_for(settings)
    try:
        database.upgrade(engine)
        written = unit_rows.sync(engine, registry_for(settings))
    except Exception as exc:  # a database that cannot be reached or migrated: one line, exit 1
        raise click.ClickException(f"database upgrade failed: {type(exc).__name__}: {str(exc).splitlines()[0]}")
    url = make_url(settings.database_url).render_as_string(hide_password=True)
    click.echo(f"Cơ sở dữ liệu {url}: phiên bản {database.current_revision(engine)}; {written} đơn vị được cập nhật.")


@click.command()
@click.option("--json", "as_json", is_flag=True)
@click.argument("name", required=False)
@click.pass_obj
def units(settings, as_json, name):
    """Danh mục đơn vị; với NAME: đơn vị mà tên (hoặc tên viết tắt) đó chỉ đến."""
    registry = registry_for(settings)
    chosen = list(registry)
    if name:
        unit = registry.resolve(name)
        if unit is None:
            raise click.ClickException(f"no unit matches {name!r}")
        chosen = [unit]
    if as_json:
        for u in chosen:
            click.echo(json.dumps({"id": u.id, "name": u.name, "short": u.short, "kind": u.kind,
                                   "aliases": list(u.aliases), "emails": list(u.emails),
                                   "valid_from": u.valid_from.isoformat() if u.valid_from else None,
                                   "valid_to": u.valid_to.isoformat() if u.valid_to else None,
                                   "successors": list(u.successors)}, ensure_ascii=False))
        return
    for u in chosen:
        life = ""
        if u.valid_to:
            life = f" (đến {u.valid_to:%d/%m/%Y}" + (f"; kế thừa: {', '.join(u.successors)}" if u.successors else "") + ")"
        if u.valid_from:
            life = f" (từ {u.valid_from:%d/%m/%Y})"
        click.echo(f"{u.id:<18} {u.name}{life}")
