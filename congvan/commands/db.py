"""`congvan db upgrade`, `congvan office add|list` and `congvan units [NAME] | units add`."""

from __future__ import annotations

import json

import click

from congvan.commands import ArgOrCommand
from congvan.context import engine_for, registry_for


@click.group()
def db():
    """Cơ sở dữ liệu: nâng cấp cấu trúc."""


@db.command()
@click.pass_obj
def upgrade(settings):
    """Nâng cấp cơ sở dữ liệu lên phiên bản mới nhất, nạp danh mục đơn vị và đăng ký cơ quan trong cấu hình."""
    from sqlalchemy.engine import make_url

    from congvan.context import configured_office, office_profile
    from tracker import db as database
    from tracker.db import offices
    from tracker.db import units as unit_rows

    office = configured_office(settings)  # an unknown unit: OfficeError, one line, exit 2
    engine = engine_for(settings)
    try:
        database.upgrade(engine, office=office)
        written = unit_rows.sync(engine, registry_for(settings))
        if office:
            offices.register(engine, office, office_profile(settings))
    except Exception as exc:  # a database that cannot be reached or migrated: one line, exit 1
        raise click.ClickException(f"nâng cấp cơ sở dữ liệu không thành công: {type(exc).__name__}: "
                                   f"{str(exc).splitlines()[0] if str(exc) else ''}")
    url = make_url(settings.database_url).render_as_string(hide_password=True)
    registry = registry_for(settings)
    known = ", ".join(registry[u].name if u in registry.units else u for u in offices.registered(engine))
    click.echo(f"Cơ sở dữ liệu {url}: phiên bản {database.current_revision(engine)}; {written} đơn vị được cập nhật; "
               f"cơ quan: {known or '(chưa đăng ký)'}.")


@click.group()
def office():
    """Các cơ quan mà cơ sở dữ liệu này theo dõi văn bản (nhiều cơ quan dùng chung một PostgreSQL)."""


@office.command("add")
@click.argument("unit")
@click.pass_obj
def office_add(settings, unit):
    """Đăng ký cơ quan UNIT (mã, tên hoặc tên viết tắt trong danh mục đơn vị)."""
    from congvan.context import ready_engine
    from tracker.db import offices
    from tracker.db import units as unit_rows

    engine = ready_engine(settings)
    chosen = offices.unit_named(unit_rows.with_added(engine, registry_for(settings)), unit)
    if offices.register(engine, chosen.id):
        click.echo(f"Đã đăng ký cơ quan {chosen.name} ({chosen.id}).")
    else:
        click.echo(f"{chosen.name} ({chosen.id}) đã được đăng ký từ trước.")


@office.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def office_list(settings, as_json):
    """Các cơ quan đã đăng ký."""
    from congvan.context import ready_engine
    from tracker.db import offices

    engine = ready_engine(settings)
    registry = registry_for(settings)
    ids = offices.registered(engine)
    for unit_id in ids:
        name = registry[unit_id].name if unit_id in registry.units else unit_id
        click.echo(json.dumps({"id": unit_id, "name": name}, ensure_ascii=False) if as_json
                   else f"{unit_id:<18} {name}")
    if not ids and not as_json:
        click.echo("Chưa đăng ký cơ quan nào.")


class _NameOrCommand(ArgOrCommand):
    """`congvan units [NAME]` looks a unit up; `congvan units add ...` adds one."""

    meta_key = "units.name"


@click.group(cls=_NameOrCommand, invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def units(ctx, as_json):
    """Danh mục đơn vị; với NAME: đơn vị mà tên (hoặc tên viết tắt) đó chỉ đến; `units add`: thêm đơn vị."""
    if ctx.invoked_subcommand is not None:
        return
    from congvan.context import ready_engine
    from tracker.db import units as unit_rows

    settings = ctx.obj
    name = ctx.meta.get("units.name")
    registry = unit_rows.with_added(ready_engine(settings), registry_for(settings))
    chosen = list(registry)
    if name:
        unit = registry.get(name) or registry.resolve(name)
        if unit is None:
            raise click.UsageError(f"không có đơn vị nào ứng với «{name}» (thêm bằng 'congvan units add')")
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


@units.command("add")
@click.argument("name")
@click.option("--kind", required=True, type=click.Choice(["department", "ward", "district", "city", "other"]),
              help="Loại đơn vị: department (phòng, ban), ward (phường), district (quận), city (thành phố), other.")
@click.option("--id", "unit_id", help="Mã đơn vị (mặc định: tạo từ tên).")
@click.option("--short", default="", help="Tên viết tắt.")
@click.option("--alias", "aliases", multiple=True, help="Tên gọi khác (nhiều lần được).")
@click.option("--email", "emails", multiple=True, help="Địa chỉ thư điện tử (nhiều lần được).")
@click.option("--parent", help="Mã đơn vị cấp trên.")
@click.option("--by", "actor", required=True, help="Người thêm (tên văn thư), ghi vào lịch sử.")
@click.pass_obj
def units_add(settings, name, kind, unit_id, short, aliases, emails, parent, actor):
    """Thêm một đơn vị chưa có trong danh mục (để văn thư xác nhận văn bản gửi đơn vị đó)."""
    from congvan.commands import tracker_of as _tracker
    from tracker.service import add_unit

    unit = add_unit(_tracker(settings), actor=actor, name=name, kind=kind, unit_id=unit_id, short=short,
                    aliases=aliases, emails=emails, parent=parent)
    click.echo(f"Đã thêm đơn vị {unit.name} ({unit.id}).")


@units.command("rename")
@click.argument("unit_id", metavar="ID")
@click.option("--name", required=True, help="Tên mới của đơn vị.")
@click.option("--short", default=None, help="Tên viết tắt mới.")
@click.option("--by", "actor", required=True, help="Người đổi tên (quản trị), ghi vào lịch sử.")
@click.pass_obj
def units_rename(settings, unit_id, name, short, actor):
    """Đổi tên đơn vị ID; tên cũ vẫn được nhận ra trong các văn bản trước đó."""
    from congvan.commands import tracker_of as _tracker
    from tracker.service import rename_unit

    unit = rename_unit(_tracker(settings), unit_id, actor=actor, name=name, short=short)
    click.echo(f"Đã đổi tên đơn vị {unit.id} thành {unit.name}.")


@units.command("merge")
@click.argument("unit_id", metavar="ID")
@click.option("--into", "successor_id", required=True, help="Mã đơn vị kế thừa.")
@click.option("--from", "on", required=True, metavar="DATE", help="Ngày đơn vị kế thừa bắt đầu đảm nhận (ngày/tháng/năm).")
@click.option("--by", "actor", required=True, help="Người thực hiện (quản trị), ghi vào lịch sử.")
@click.pass_obj
def units_merge(settings, unit_id, successor_id, on, actor):
    """Sáp nhập đơn vị ID vào đơn vị kế thừa từ một ngày: văn bản gửi đơn vị cũ từ ngày đó thuộc đơn vị kế thừa."""
    from congvan.commands import tracker_of as _tracker
    from tracker.service import merge_unit, parse_user_date

    tracker = _tracker(settings)
    unit = merge_unit(tracker, unit_id, actor=actor, successor_id=successor_id, on=on)
    click.echo(f"Đã sáp nhập {unit.name} vào {tracker.registry[successor_id].name} "
               f"từ ngày {parse_user_date(on):%d/%m/%Y}.")
