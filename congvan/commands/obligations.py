"""`congvan sweep`, `congvan obligations` and `congvan review`: the tracker's daily work and the clerk's checks."""

from __future__ import annotations

import json
from datetime import date

import click

from congvan.commands import date_option, tracker_of as _tracker


@click.command()
@click.option("--today", callback=date_option, metavar="DATE", help="Ngày quét (mặc định: hôm nay, giờ Việt Nam).")
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
                               "reports": result.reports, "overdue": result.overdue}, ensure_ascii=False))
        return
    click.echo(f"Quét ngày {today:%d/%m/%Y}: {result.reminders} nhắc hạn, {result.deemed_agreed} xem như đồng ý, "
               f"{result.overdue} quá hạn, {result.escalated} báo cáo vượt hạn, "
               f"{result.reports} báo cáo đơn vị không phối hợp.")


def _local_today() -> date:
    from datetime import datetime

    from tracker.service import LOCAL

    return datetime.now(LOCAL).date()


@click.group(invoke_without_command=True)
@click.option("--state", type=click.Choice(["open", "answered", "deemed_agreed", "escalated", "overdue", "withdrawn",
                                            "superseded"]))
@click.option("--jsonl", is_flag=True, help="Mỗi dòng một đối tượng JSON.")
@click.pass_context
def obligations(ctx, state, jsonl):
    """Nghĩa vụ trả lời, thực hiện của từng đơn vị, với thời hạn và căn cứ; văn thư ghi nhận trả lời, gia hạn, rút."""
    if ctx.invoked_subcommand is not None:
        return
    from tracker.service import STATE_VN, list_obligations

    rows = list_obligations(_tracker(ctx.obj), state=state)
    for r in rows:
        if jsonl:
            click.echo(json.dumps({
                "id": r["id"], "letter_id": r["letter_id"], "letter": r["doc_number"], "unit_id": r["unit_id"],
                "unit": r["unit_text"], "role": r["role"], "kind": r["kind"], "rule": r["rule"],
                "start": r["start_date"].isoformat(), "due": r["due_date"].isoformat(), "basis": r["basis"],
                "flags": r["flags"], "state": r["state"], "late": bool(r["late"]),
                "answered_on": r["answered_on"].isoformat() if r["answered_on"] else None,
                "provisional": bool(r["provisional"]),
                "answer_number": r["answer_number"], "answer_via": r["answer_via"],
            }, ensure_ascii=False))
        else:
            notes = (" (trễ)" if r["late"] else "") + (" (tạm tính, chờ văn thư xác nhận)" if r["provisional"] else "")
            click.echo(f"{r['id']:>5}  {r['due_date']:%d/%m/%Y}  {STATE_VN.get(r['state'], r['state']):<16} "
                       f"{r['unit_text'][:40]:<40} {r['doc_number'] or '(không số)'}{notes}")
    if not rows and not jsonl:
        click.echo("Không có nghĩa vụ nào.")


_BY = click.option("--by", "actor", required=True, help="Người thực hiện (tên văn thư), ghi vào lịch sử.")


@obligations.command("close")
@click.argument("obligation_id", type=int)
@click.option("--number", required=True, help="Số, ký hiệu văn bản trả lời.")
@click.option("--date", "answer_date", required=True, help="Ngày của văn bản trả lời (dd/mm/yyyy).")
@click.option("--via", required=True, help="Cách nhận: giấy, hệ thống quản lý văn bản, thư điện tử, khác.")
@click.option("--note", help="Ghi chú.")
@_BY
@click.pass_obj
def obligations_close(settings, obligation_id, number, answer_date, via, note, actor):
    """Ghi nhận đơn vị đã trả lời bằng đường khác (văn bản giấy, hệ thống quản lý văn bản...)."""
    from tracker.service import close_obligation

    ob = close_obligation(_tracker(settings), obligation_id, actor=actor, answer_number=number,
                          answer_date=answer_date, via=via, note=note)
    click.echo(f"Đã ghi nhận trả lời cho nghĩa vụ {ob['id']} ({ob['unit_text']}): văn bản số {ob['answer_number']} "
               f"ngày {ob['answered_on']:%d/%m/%Y}" + (", trễ hạn." if ob["late"] else ", đúng hạn."))


@obligations.command("extend")
@click.argument("obligation_id", type=int)
@click.option("--until", "new_due", required=True, help="Hạn mới (dd/mm/yyyy).")
@click.option("--reason", required=True, help="Lý do gia hạn.")
@_BY
@click.pass_obj
def obligations_extend(settings, obligation_id, new_due, reason, actor):
    """Gia hạn một nghĩa vụ đến ngày mới, có lý do."""
    from tracker.service import extend_obligation

    ob = extend_obligation(_tracker(settings), obligation_id, actor=actor, new_due=new_due, reason=reason)
    click.echo(f"Đã gia hạn nghĩa vụ {ob['id']} ({ob['unit_text']}) đến ngày {ob['due_date']:%d/%m/%Y}.")


@obligations.command("withdraw")
@click.argument("obligation_id", type=int)
@click.option("--reason", required=True, help="Lý do rút yêu cầu.")
@_BY
@click.pass_obj
def obligations_withdraw(settings, obligation_id, reason, actor):
    """Rút yêu cầu: đơn vị không còn phải trả lời, không lập thêm dự thảo nào."""
    from tracker.service import withdraw_obligation

    ob = withdraw_obligation(_tracker(settings), obligation_id, actor=actor, reason=reason)
    click.echo(f"Đã rút yêu cầu đối với nghĩa vụ {ob['id']} ({ob['unit_text']}).")


@click.group()
def review():
    """Văn thư xác nhận, sửa thông tin trích xuất của văn bản."""


@review.command("list")
@click.pass_obj
def review_list(settings):
    """Văn bản đang chờ văn thư xác nhận."""
    from tracker.service import waiting_letters

    rows = waiting_letters(_tracker(settings))
    for r in rows:
        conf = f"{r['confidence']:.2f}" if r["confidence"] is not None else "-"
        click.echo(f"{r['id']:>5}  {r['status']:<15} {conf:>5}  {r['doc_number'] or '(không số)'}  "
                   f"{(r['subject'] or '')[:60]}")
    if not rows:
        click.echo("Không có văn bản nào chờ xác nhận.")


@review.command("confirm")
@click.argument("letter_id", type=int)
@click.option("--by", "actor", required=True, help="Người xác nhận (tên văn thư), ghi vào lịch sử.")
@click.option("--set", "assignments", multiple=True, metavar="FIELD=VALUE",
              help="Sửa một trường: doc_number, doc_type, issuer, place, subject, urgency (Khẩn, Thượng khẩn, Hỏa "
                   "tốc), issue_date và deadline (dd/mm/yyyy); danh sách (recipients, lead_units, cooperating_units, "
                   "replies_to) cách nhau bằng ';'.")
@click.pass_obj
def review_confirm(settings, letter_id, actor, assignments):
    """Xác nhận (và sửa) thông tin của văn bản LETTER_ID; nghĩa vụ được lập lại, không trùng lặp."""
    from tracker.service import confirm_letter

    changes = {}
    for item in assignments:
        if "=" not in item:
            raise click.UsageError(f"--set {item!r}: cần dạng TRƯỜNG=GIÁ_TRỊ")
        field, value = item.split("=", 1)
        changes[field.strip()] = value.strip()
    summary = confirm_letter(_tracker(settings), letter_id, actor=actor, changes=changes)
    click.echo(f"Đã xác nhận văn bản {letter_id}: {summary.obligations} nghĩa vụ được lập.")
