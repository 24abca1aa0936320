"""`congvan due` and `congvan calendar`: the working-day calendar and the rule pack from the command line."""

from __future__ import annotations

import json
from datetime import date

import click

from congvan.commands import date_option
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
    calendar = calendar_for(settings)
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


@click.command()
@click.argument("year", type=int)
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
@click.pass_obj
def calendar(settings, year, as_json):
    """Lịch nghỉ của cán bộ, công chức trong năm: ngày nghỉ và ngày làm bù."""
    if not 1900 <= year <= 2200:
        fail(f"year {year} is out of range")
    cal = calendar_for(settings)
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


def _vn_date(d: date) -> str:
    from tracker.calendar import WEEKDAY_NAMES

    return f"{WEEKDAY_NAMES[d.weekday()]} {d.day:02d}/{d.month:02d}/{d.year}"
