"""`congvan sweep`, `congvan obligations` and `congvan review`: the tracker's daily work and the clerk's checks."""

from __future__ import annotations

import json
from datetime import date

import click

from congvan.commands import date_option
from congvan.context import tracker_for


def _tracker(settings):
    try:
        return tracker_for(settings)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


@click.command()
@click.option("--today", callback=date_option, metavar="DATE", help="The day to sweep for (default: today, +07:00).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def sweep(settings, today, as_json):
    """Quét hằng ngày: nhắc hạn, xem như đồng ý, báo cáo vượt hạn; chạy lại cùng ngày không tạo gì mới."""
    from tracker.service import build_obligations, sweep as run_sweep

    today = today or _local_today()
    tracker = _tracker(settings)
    build_obligations(tracker)
    result = run_sweep(tracker, today)
    if as_json:
        click.echo(json.dumps({"today": today.isoformat(), "reminders": result.reminders,
                               "deemed_agreed": result.deemed_agreed, "escalated": result.escalated,
                               "reports": result.reports}, ensure_ascii=False))
        return
    click.echo(f"Quét ngày {today:%d/%m/%Y}: {result.reminders} nhắc hạn, {result.deemed_agreed} xem như đồng ý, "
               f"{result.escalated} báo cáo vượt hạn, {result.reports} danh sách đơn vị không trả lời.")


def _local_today() -> date:
    from datetime import datetime

    from tracker.service import LOCAL

    return datetime.now(LOCAL).date()


@click.command()
@click.option("--state", type=click.Choice(["open", "answered", "deemed_agreed", "escalated", "overdue", "withdrawn",
                                            "superseded"]))
@click.option("--jsonl", is_flag=True, help="One JSON object per line.")
@click.pass_obj
def obligations(settings, state, jsonl):
    """Nghĩa vụ trả lời, thực hiện của từng đơn vị, với thời hạn và căn cứ."""
    from tracker.db import store

    tracker = _tracker(settings)
    with tracker.engine.connect() as conn:
        rows = store.list_obligations(conn, office=tracker.office_unit_id, state=state)
    for r in rows:
        if jsonl:
            click.echo(json.dumps({
                "id": r["id"], "letter_id": r["letter_id"], "letter": r["doc_number"], "unit_id": r["unit_id"],
                "unit": r["unit_text"], "role": r["role"], "kind": r["kind"], "rule": r["rule"],
                "start": r["start_date"].isoformat(), "due": r["due_date"].isoformat(), "basis": r["basis"],
                "flags": r["flags"], "state": r["state"], "late": bool(r["late"]),
                "answered_on": r["answered_on"].isoformat() if r["answered_on"] else None,
                "provisional": bool(r["provisional"]),
            }, ensure_ascii=False))
        else:
            notes = (" (trễ)" if r["late"] else "") + (" (tạm tính, chờ văn thư xác nhận)" if r["provisional"] else "")
            click.echo(f"{r['id']:>5}  {r['due_date']:%d/%m/%Y}  {_STATE_VN.get(r['state'], r['state']):<16} "
                       f"{r['unit_text'][:40]:<40} {r['doc_number'] or '(không số)'}{notes}")
    if not rows and not jsonl:
        click.echo("Không có nghĩa vụ nào.")


_STATE_VN = {"open": "đang chờ", "answered": "đã trả lời", "deemed_agreed": "xem như đồng ý",
             "escalated": "đã báo cáo vượt", "overdue": "quá hạn", "withdrawn": "đã rút",
             "superseded": "đã thay thế"}


@click.group()
def review():
    """Văn thư xác nhận, sửa thông tin trích xuất của văn bản."""


@review.command("list")
@click.pass_obj
def review_list(settings):
    """Văn bản đang chờ văn thư xác nhận."""
    from tracker.db import store
    from tracker.service import WAITING

    tracker = _tracker(settings)
    with tracker.engine.connect() as conn:
        rows = store.waiting_letters(conn, office=tracker.office_unit_id, statuses=WAITING)
    for r in rows:
        conf = f"{r['confidence']:.2f}" if r["confidence"] is not None else "-"
        click.echo(f"{r['id']:>5}  {r['status']:<15} {conf:>5}  {r['doc_number'] or '(không số)'}  "
                   f"{(r['subject'] or '')[:60]}")
    if not rows:
        click.echo("Không có văn bản nào chờ xác nhận.")


@review.command("confirm")
@click.argument("letter_id", type=int)
@click.option("--by", "actor", required=True, help="Who confirms (the clerk's name), kept in the history.")
@click.option("--set", "assignments", multiple=True, metavar="FIELD=VALUE",
              help="Correct a field; lists (recipients, lead_units, cooperating_units, replies_to) take ';'.")
@click.pass_obj
def review_confirm(settings, letter_id, actor, assignments):
    """Xác nhận (và sửa) thông tin của văn bản LETTER_ID; sau đó văn bản mới tạo nghĩa vụ."""
    from tracker.service import confirm_letter

    changes = {}
    for item in assignments:
        if "=" not in item:
            raise click.UsageError(f"--set {item!r}: expected FIELD=VALUE")
        field, value = item.split("=", 1)
        field = field.strip()
        if field in ("recipients", "lead_units", "cooperating_units", "replies_to"):
            changes[field] = [v.strip() for v in value.split(";") if v.strip()]
        else:
            changes[field] = value.strip()
    tracker = _tracker(settings)
    try:
        confirm_letter(tracker, letter_id, actor=actor, changes=changes)
    except KeyError:
        raise click.ClickException(f"no letter {letter_id}") from None
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"Đã xác nhận văn bản {letter_id}.")
