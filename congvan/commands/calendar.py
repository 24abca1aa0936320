"""`congvan due` and `congvan calendar`: the working-day calendar and the rule pack from the command line."""

from __future__ import annotations

import json
from datetime import date

import click

from congvan.commands import ArgOrCommand, date_option
from congvan.context import calendar_for, rule_pack_for


def fail(message: str) -> None:
    """A one-line error and exit code 2."""
    click.echo(f"congvan: lỗi: {message}", err=True)
    raise SystemExit(2)


@click.command()
@click.option("--from", "start", required=True, callback=date_option, metavar="DATE",
              help="Ngày nhận văn bản (hoặc ngày kết thúc cuộc họp); ngày này không tính.")
@click.option("--working-days", type=int, help="Số ngày làm việc cần tính.")
@click.option("--rule", "rule_name", help="Quy định áp dụng: written, meeting, other, ward-recommendation, ...")
@click.option("--requested", callback=date_option, metavar="DATE", help="Ngày hạn do cơ quan chủ trì đề nghị.")
@click.option("--requested-days", type=int, help="Số ngày làm việc do cơ quan chủ trì đề nghị.")
@click.option("--statutory-days", type=int, help="Thời hạn do pháp luật hoặc thủ tục quy định, tính bằng ngày làm việc.")
@click.option("--urgent", is_flag=True, help="The request is urgent (Khẩn).")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
@click.pass_obj
def due(settings, start, working_days, rule_name, requested, requested_days, statutory_days, urgent, as_json):
    """Hạn xử lý: N ngày làm việc, hoặc theo một quy định của quy chế, kể từ ngày nhận."""
    from tracker.rules import Request, RuleError, compute_deadline, count_working_days

    if (working_days is None) == (rule_name is None):
        fail("give exactly one of --working-days N or --rule NAME")
    for name, value in (("--working-days", working_days), ("--requested-days", requested_days),
                        ("--statutory-days", statutory_days)):
        if value is not None and value < 0:
            fail(f"{name} cannot be negative ({value})")
    calendar = _calendar(settings)
    try:
        if working_days is not None:
            deadline = count_working_days(calendar, start, working_days)
        else:
            pack = rule_pack_for(settings)
            request = Request(received=start, requested_due=requested, requested_working_days=requested_days,
                              statutory_working_days=statutory_days, meeting_end=start, urgent=urgent)
            deadline = compute_deadline(pack, calendar, rule_name, request)
    except (RuleError, ValueError) as exc:
        fail(str(exc))
    if as_json:
        click.echo(json.dumps(deadline.to_json(), ensure_ascii=False, indent=2))
        return
    click.echo(f"Hạn: {_vn_date(deadline.due)} ({deadline.due.isoformat()})")
    click.echo(f"Quy định: {deadline.rule}  ({deadline.working_days} ngày làm việc kể từ {_vn_date(deadline.start)})")
    if deadline.articles:
        click.echo("Căn cứ: " + "; ".join(deadline.articles))
    if deadline.flags:
        click.echo("Lưu ý: " + ", ".join(deadline.flags))
    if deadline.moved_from:
        click.echo(f"Ngày yêu cầu {_vn_date(deadline.moved_from)} là ngày nghỉ: chuyển sang ngày làm việc kế tiếp.")
    if deadline.skipped:
        click.echo("Ngày không tính:")
        for s in deadline.skipped:
            click.echo(f"  {_vn_date(s.day)}  {s.reason}")


class _YearOrCommand(ArgOrCommand):
    """`congvan calendar YEAR` lists a year; `congvan calendar add ...` adds one of the year's decisions."""

    meta_key = "calendar.year"


def _calendar(settings):
    """The calendar with the decisions added to the database (``calendar add``)."""
    from congvan.context import office_calendar, ready_engine

    calendar_for(settings)  # a bad calendar_table: one line, before any database is made
    return office_calendar(settings, ready_engine(settings))


@click.group(cls=_YearOrCommand, invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
@click.pass_context
def calendar(ctx, as_json):
    """Lịch nghỉ của cán bộ, công chức trong năm YEAR: ngày nghỉ và ngày làm bù; `calendar add`: thêm quyết định."""
    if ctx.invoked_subcommand is not None:
        return
    settings = ctx.obj
    raw = ctx.meta.get("calendar.year")
    if raw is None:
        raise click.UsageError("thiếu năm (ví dụ: congvan calendar 2026)")
    try:
        year = int(raw)
    except ValueError:
        raise click.UsageError(f"năm «{raw}» không hợp lệ") from None
    if not 1900 <= year <= 2200:
        fail(f"year {year} is out of range")
    cal = _calendar(settings)
    off, work = cal.year_listing(year)
    note = cal.year_note(year)
    if as_json:
        click.echo(json.dumps({
            "year": year,
            "days_off": [{"date": e.day.isoformat(), "weekday": e.day.strftime("%a"), "name": e.reason,
                          "source": e.source} for e in off],
            "working_weekend_days": [{"date": e.day.isoformat(), "reason": e.reason, "source": e.source}
                                     for e in work],
            "note": note,
        }, ensure_ascii=False, indent=2))
        return
    click.echo(f"Ngày nghỉ năm {year}:")
    for e in off:
        click.echo(f"  {_vn_date(e.day)}  {e.reason}  [{e.source}]")
    click.echo("Ngày làm bù (thứ Bảy, Chủ nhật đi làm):")
    for e in work:
        click.echo(f"  {_vn_date(e.day)}  {e.reason}  [{e.source}]")
    if not work:
        click.echo("  (không có)")
    if note:
        click.echo(f"Lưu ý: năm {year} {note}.")


@calendar.command("add")
@click.argument("day", metavar="DATE")
@click.option("--kind", type=click.Choice(["off", "swap", "work"]), required=True,
              help="off: ngày nghỉ; swap: ngày nghỉ hoán đổi (cần --work-on); work: ngày làm bù (thứ Bảy, Chủ nhật).")
@click.option("--source", required=True, help="Số văn bản quyết định, ví dụ CV 12729/VPCP-KGVX.")
@click.option("--reason", default="", help="Lý do như văn thư đọc (mặc định theo loại ngày).")
@click.option("--work-on", metavar="DATE", help="Với swap: ngày làm bù (thứ Bảy hoặc Chủ nhật).")
@click.option("--by", "actor", required=True, help="Người thêm (quản trị), ghi vào lịch sử.")
@click.pass_obj
def calendar_add(settings, day, kind, source, reason, work_on, actor):
    """Thêm một quyết định của năm vào lịch: ngày nghỉ, ngày nghỉ hoán đổi hoặc ngày làm bù."""
    from congvan.commands import tracker_of as _tracker
    from tracker.service import add_calendar_day

    decision = add_calendar_day(_tracker(settings), actor=actor, day=day, kind=kind, source=source, reason=reason,
                                work_on=work_on)
    for d, k, r in decision.entries:
        click.echo(f"Đã thêm {'ngày nghỉ' if k == 'off' else 'ngày làm bù'} {_vn_date(d)}: {r} [{source}]")
    _echo_moved(decision)


@calendar.command("remove")
@click.argument("day", metavar="DATE")
@click.option("--reason", required=True, help="Vì sao bỏ quyết định (nhập nhầm, văn bản bị thu hồi...).")
@click.option("--by", "actor", required=True, help="Người xóa (quản trị), ghi vào lịch sử.")
@click.pass_obj
def calendar_remove(settings, day, reason, actor):
    """Bỏ một quyết định đã thêm vào lịch (ngày nghỉ hoặc ngày làm bù); hạn của các nghĩa vụ đang mở được tính lại."""
    from congvan.commands import tracker_of as _tracker
    from tracker.service import remove_calendar_day

    decision = remove_calendar_day(_tracker(settings), actor=actor, day=day, reason=reason)
    for d, k, r in decision.entries:
        click.echo(f"Đã bỏ {'ngày nghỉ' if k == 'off' else 'ngày làm bù'} {_vn_date(d)}: {r}")
    _echo_moved(decision)


def _echo_moved(decision) -> None:
    for ob_id, old, new in decision.moved:
        click.echo(f"Nghĩa vụ #{ob_id}: hạn {_vn_date(old)} chuyển thành {_vn_date(new)}")
    if not decision.moved:
        click.echo("Không có nghĩa vụ đang mở nào phải đổi hạn.")


def _vn_date(d: date) -> str:
    from tracker.calendar import WEEKDAY_NAMES

    return f"{WEEKDAY_NAMES[d.weekday()]} {d.day:02d}/{d.month:02d}/{d.year}"
