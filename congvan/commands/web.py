"""`congvan web` (the clerk's desk, served by waitress) and `congvan user add|list|disable`."""

from __future__ import annotations

import sys

import click

from congvan.commands import tracker_of as _tracker


def serve(settings, host: str, port: int, tracker=None) -> None:
    """Serve the page until interrupted (waitress: a pure-Python WSGI server with a few threads)."""
    import logging

    from waitress import serve as waitress_serve

    from web.app import create_app

    app = create_app(settings, tracker=tracker or _tracker(settings))
    logging.getLogger("waitress").setLevel(logging.WARNING)
    click.echo(f"Trang làm việc: http://{host}:{port}/  (Ctrl+C để dừng)")
    try:
        waitress_serve(app, host=host, port=port, threads=8, ident="congvan")
    except OSError as exc:
        raise click.UsageError(f"không mở được cổng {host}:{port}: {exc.strerror or exc}") from None


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Địa chỉ lắng nghe.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(1, 65535), help="Cổng lắng nghe.")
@click.pass_obj
def web(settings, host, port):
    """Trang làm việc của văn thư, chuyên viên và lãnh đạo (trình duyệt)."""
    serve(settings, host, port)


@click.group()
def user():
    """Tài khoản đăng nhập trang làm việc."""


def _office_id(tracker, office: str | None) -> str:
    from tracker.db import offices

    if not office:
        return tracker.office_unit_id
    unit = tracker.registry.get(office) or tracker.registry.resolve(office)
    if unit is None:
        raise click.UsageError(f"không có đơn vị {office!r} trong danh mục đơn vị")
    if unit.id not in offices.registered(tracker.engine):
        raise click.UsageError(f"{unit.name} chưa được đăng ký là cơ quan trong cơ sở dữ liệu này "
                               f"(đăng ký bằng 'congvan office add {unit.id}')")
    return unit.id


@user.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(["clerk", "specialist", "leader", "admin"]),
              help="clerk: văn thư, specialist: chuyên viên, leader: lãnh đạo, admin: quản trị.")
@click.option("--office", help="Cơ quan của người dùng (một đơn vị trong danh mục); mặc định: cơ quan trong cấu hình.")
@click.option("--full-name", default="", help="Họ và tên, hiện trên trang.")
@click.pass_obj
def user_add(settings, name, role, office, full_name):
    """Thêm người dùng NAME; mật khẩu đọc từ đầu vào chuẩn (một dòng)."""
    from web.accounts import AccountError, add_user

    tracker = _tracker(settings)
    office_id = _office_id(tracker, office)
    if sys.stdin.isatty():
        password = click.prompt("Mật khẩu", hide_input=True, confirmation_prompt="Nhập lại mật khẩu")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        added = add_user(tracker.engine, name=name, role=role, office_id=office_id, password=password,
                         full_name=full_name)
    except AccountError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"Đã thêm {added.name} ({added.role_label}, {tracker.registry[office_id].name}).")


@user.command("list")
@click.option("--jsonl", is_flag=True, help="Mỗi dòng một đối tượng JSON.")
@click.pass_obj
def user_list(settings, jsonl):
    """Danh sách người dùng."""
    import json

    from web.accounts import list_users

    rows = list_users(_tracker(settings).engine)
    for r in rows:
        if jsonl:
            click.echo(json.dumps({"name": r["name"], "full_name": r["full_name"], "role": r["role"],
                                   "office": r["office_id"], "disabled": bool(r["disabled"])}, ensure_ascii=False))
        else:
            state = "  (đã khóa)" if r["disabled"] else ""
            click.echo(f"{r['name']:<20} {r['role_label']:<12} {r['office_id']:<20} {r['full_name']}{state}")
    if not rows and not jsonl:
        click.echo("Chưa có người dùng nào.")


@user.command("disable")
@click.argument("name")
@click.pass_obj
def user_disable(settings, name):
    """Khóa tài khoản NAME (không xóa: lịch sử vẫn giữ tên)."""
    from web.accounts import AccountError, set_disabled

    try:
        set_disabled(_tracker(settings).engine, name)
    except AccountError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"Đã khóa tài khoản {name}.")
