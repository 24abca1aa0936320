"""`congvan run` (the always-on service, or one pass with --once), `congvan status`, `congvan check-config`."""

from __future__ import annotations

import json
from datetime import datetime

import click

from congvan.daemon import LOCAL


def _moment(ctx, param, value):
    """An ISO date-time option (local time when no offset is given)."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} không phải thời điểm (YYYY-MM-DDTHH:MM)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=LOCAL)


@click.command("run")
@click.option("--once", is_flag=True, help="Đọc mọi hộp thư một lần rồi thoát.")
@click.option("--web", is_flag=True, help="Mở cả trang xem xét văn bản (cần gói web).")
@click.option("--web-host", default="127.0.0.1", show_default=True, help="Địa chỉ của trang xem xét.")
@click.option("--web-port", type=click.IntRange(1, 65535), default=8080, show_default=True,
              help="Cổng của trang xem xét.")
@click.option("--log-json", is_flag=True, help="Nhật ký dạng JSON, mỗi sự kiện một dòng.")
@click.option("--workers", type=int, default=None, help="Số tiến trình đọc tệp (mặc định: số lõi CPU).")
@click.option("-v", "--verbose", is_flag=True, help="Ghi nhật ký chi tiết ra stderr.")
@click.pass_obj
def run(settings, once, web, web_host, web_port, log_json, workers, verbose):
    """Chạy thường trực: theo dõi hộp thư (IMAP IDLE), quét hạn mỗi ngày làm việc; --once: đọc một lần rồi thoát."""
    if once:
        if web:
            raise click.UsageError("--web chỉ dùng khi chạy thường trực (không kèm --once)")
        from congvan.commands.intake import run_once

        return run_once(settings, workers, verbose)
    if not settings.mailboxes:
        raise click.UsageError("chưa cấu hình hộp thư nào ([[mailboxes]])")
    from congvan.daemon import Service, ServiceRefused, serve_web, setup_logging

    if web:
        try:
            import web.app  # noqa: F401
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.split(".")[0] == "web":
                raise click.UsageError("chưa có trang xem xét (gói web chưa được cài), không dùng được --web") \
                    from None
            raise
    setup_logging(log_json, verbose)
    from tracker.db.offices import OfficeError

    try:
        service = Service(settings, workers=workers)
    except OfficeError as exc:
        raise click.UsageError(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - a database that cannot be reached: one line
        raise click.ClickException(f"không mở được cơ sở dữ liệu: {type(exc).__name__}: "
                                   f"{str(exc).splitlines()[0] if str(exc) else ''}") from None
    service.install_signals()
    if web:
        try:
            serve_web(settings, web_host, web_port, service.stop)
        except OSError as exc:
            raise click.ClickException(f"không mở được trang xem xét tại {web_host}:{web_port} "
                                       f"({exc.strerror or exc})") from None
        click.echo(f"Trang xem xét: http://{web_host}:{web_port}/", err=True)
    try:
        service.run()
    except ServiceRefused as exc:
        raise click.ClickException(str(exc)) from None


@click.command("status")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
@click.option("--at", "at", callback=_moment, default=None, help="Tính tại thời điểm này (mặc định: bây giờ).")
@click.pass_obj
def status(settings, as_json, at):
    """Tình trạng: từng hộp thư, lần quét tới, nghĩa vụ đến hạn trong 3 ngày làm việc."""
    from congvan.context import office_calendar, ready_engine
    from congvan.daemon import SystemClock
    from congvan.status import service_status

    from tracker.db.offices import OfficeError

    now = at or SystemClock().now()
    try:
        engine = ready_engine(settings)
        report = service_status(settings, engine, office_calendar(settings, engine), now)
    except OfficeError as exc:
        raise click.UsageError(str(exc)) from None
    except Exception as exc:  # noqa: BLE001
        raise click.ClickException(f"không đọc được cơ sở dữ liệu: {type(exc).__name__}: "
                                   f"{str(exc).splitlines()[0] if str(exc) else ''}") from None
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    from congvan.status import status_lines

    for line in status_lines(report):
        click.echo(line)


@click.command("check-config")
@click.pass_obj
def check_config(settings):
    """Kiểm tra cấu hình: đăng nhập từng hộp thư, thư mục, IDLE, thư mục Nháp, cơ sở dữ liệu."""
    from congvan.status import check

    problems = 0
    for ok, line in check(settings):
        click.echo(("  " if ok else "✗ ") + line)
        problems += not ok
    if problems:
        click.echo(f"Có {problems} vấn đề cần sửa.")
        click.get_current_context().exit(1)
    click.echo("Cấu hình dùng được.")
