"""`congvan drafts` (list, export, deliver) and `congvan report semiannual`."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import click

from congvan.commands import date_option
from congvan.context import registry_for, tracker_for

LOCAL = timezone(timedelta(hours=7))


def _iso_local(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(LOCAL).isoformat(timespec="seconds")


@click.group(invoke_without_command=True)
@click.option("--jsonl", is_flag=True, help="Mỗi dự thảo một dòng JSON.")
@click.option("--status", help="Chỉ dự thảo ở trạng thái này: pending (mới), approved (đã duyệt), signed (đã ký), "
                               "delivered (đã đưa vào Thư nháp), discarded (đã hủy).")
@click.pass_context
def drafts(ctx, jsonl, status):
    """Văn bản dự thảo (nhắc hạn, xem như đồng ý, báo cáo vượt hạn...) chờ văn thư kiểm tra."""
    from congvan.context import office_settings

    ctx.obj = office_settings(ctx.obj)  # the office's letterhead and signer, even without its configuration
    if ctx.invoked_subcommand is not None:
        return
    from tracker.service import DRAFT_STATUS_VN, list_drafts

    rows = list_drafts(tracker_for(ctx.obj), status=_status(status))
    for r in rows:
        if jsonl:
            click.echo(json.dumps({
                "id": r["id"], "kind": r["kind"], "to_unit": r["to_unit"], "to_unit_id": r["to_unit_id"],
                "letter": r["letter_number"], "due": r["due_date"].isoformat() if r["due_date"] else None,
                "subject": r["subject"], "created_at": _iso_local(r["created_at"]), "status": r["status"],
                "sweep_date": r["sweep_date"].isoformat() if r["sweep_date"] else None,
                "signed_number": r["signed_number"],
                "signed_on": r["signed_on"].isoformat() if r["signed_on"] else None,
            }, ensure_ascii=False))
        else:
            due = r["due_date"].strftime("%d/%m/%Y") if r["due_date"] else "          "
            status = DRAFT_STATUS_VN.get(r["status"], r["status"])
            click.echo(f"{r['id']:>5}  {_KIND_VN.get(r['kind'], r['kind']):<18} {due}  {status:<20} {r['subject']}")
    if not rows and not jsonl:
        click.echo("Chưa có văn bản dự thảo nào.")


# the statuses' names before the clerk could steer drafts, still accepted
_OLD_STATUS = {"drafted": "pending", "appended": "delivered"}


def _status(value: str | None) -> str | None:
    return _OLD_STATUS.get(value, value) if value else None


_KIND_VN = {"reminder": "nhắc hạn", "deemed_agreed": "xem như đồng ý", "escalation": "báo cáo vượt hạn",
            "noncooperation": "báo cáo Đ.10.2",
            "progress": "thông tin tiến độ", "digest": "tin tổng hợp", "report": "báo cáo 6 tháng",
            "alert": "cảnh báo"}


def _safe_name(text: str, limit: int = 80) -> str:
    import unicodedata

    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[^\w\s.-]", "", text, flags=re.UNICODE).strip().replace(" ", "_")
    return text[:limit] or "du-thao"


def rendered_message(row: dict, settings, registry, tracker):
    """(Rendered, RFC 5322 bytes) for a draft row; renderings are kept in the row for the next time.

    From and To carry the units' names ("Ủy ban nhân dân Phường 5 <phuong5@...>"); the copies a notice names
    (Phòng Nội vụ for a Đ.10.2 report) go on Cc."""
    from congvan.drafting import render_draft
    from notices.mime import build_message

    rendered = render_draft(row, settings, registry, tracker.calendar)
    if row.get("subject"):  # the e-mail says what the clerk's list of drafts says
        import dataclasses

        rendered = dataclasses.replace(rendered, subject=row["subject"])
    to_unit = registry.get(row["to_unit_id"])
    to_name = row["to_unit"] or (to_unit.name if to_unit else "")
    to_addrs = [(to_name, e) for e in to_unit.emails] if to_unit else []
    from_email = settings.office.email or (settings.office.addresses[0] if settings.office.addresses
                                           else (tracker.office.emails[0] if tracker.office.emails
                                                 else "congvan@localhost"))
    from_addr = (tracker.office.name, from_email)
    cc = [(u.name, e) for c in (row.get("context") or {}).get("copies") or ()
          if (u := registry.get(c.get("id"))) is not None for e in u.emails]
    when = datetime.combine(row["sweep_date"] or date.today(), datetime.min.time().replace(hour=7), LOCAL)
    raw = build_message(rendered, from_addr=from_addr, to_addrs=to_addrs or [from_addr], date=when,
                        message_id_domain=from_email.rpartition("@")[2] or "localhost", cc_addrs=cc)
    return rendered, raw


@drafts.command("export")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--status", help="Chỉ các dự thảo ở trạng thái này.")
@click.pass_obj
def export(settings, directory, status):
    """Ghi mỗi dự thảo ra DIRECTORY thành tệp .eml (thư điện tử) và .docx (văn bản theo Nghị định 30/2020).

    Một dự thảo lỗi không chặn các dự thảo khác: lỗi được báo một dòng, các dự thảo còn lại vẫn được ghi."""
    from tracker.db import store

    tracker = tracker_for(settings)
    registry = registry_for(settings)
    directory.mkdir(parents=True, exist_ok=True)
    count = failed = 0
    with tracker.engine.connect() as conn:
        ids = [item["id"] for item in store.list_drafts(conn, office=tracker.office_unit_id, status=_status(status))]
    for draft_id in ids:
        try:
            with tracker.engine.begin() as conn:
                row = store.draft(conn, draft_id, office=tracker.office_unit_id)
                rendered, raw = rendered_message(row, settings, registry, tracker)
                stem = f"{row['id']:04d}-{row['kind']}-{_safe_name(row['to_unit'] or 'don-vi', 40)}"
                (directory / f"{stem}.eml").write_bytes(raw)
                if rendered.docx:
                    (directory / f"{stem}.docx").write_bytes(rendered.docx)
                store.save_rendering(conn, row["id"], body_text=rendered.text, body_html=rendered.html,
                                     docx=rendered.docx, eml=raw)
            count += 1
        except Exception as exc:  # noqa: BLE001 - one bad draft must not stop the others
            failed += 1
            click.echo(f"Dự thảo {draft_id}: không ghi được ({draft_error(exc)}).", err=True)
    click.echo(f"Đã ghi {count} dự thảo vào {directory}." + (f" {failed} dự thảo lỗi." if failed else ""))


def draft_error(exc: Exception) -> str:
    """One line about why a draft could not be rendered or written."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]


@drafts.command("deliver")
@click.option("--mailbox", "mailbox_name", help="Hộp thư có thư mục Thư nháp nhận dự thảo (mặc định: hộp thư đầu tiên).")
@click.pass_obj
def deliver(settings, mailbox_name):
    """Đưa các dự thảo mới vào thư mục Thư nháp (Drafts) của văn thư trên máy chủ thư."""
    from congvan.delivery import deliver_drafts

    try:
        failed: list[str] = []
        count, folder = deliver_drafts(settings, mailbox_name, failed=failed)
    except (ValueError, OSError) as exc:
        raise click.ClickException(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    for line in failed:
        click.echo(f"Không đưa được {line}.", err=True)
    click.echo(f"Đã đưa {count} dự thảo vào thư mục {folder}." + (f" {len(failed)} dự thảo lỗi." if failed else ""))


_BY = click.option("--by", "actor", required=True, help="Người thực hiện, ghi vào lịch sử.")


@drafts.command("approve")
@click.argument("draft_id", type=int)
@_BY
@click.pass_obj
def approve(settings, draft_id, actor):
    """Văn thư duyệt dự thảo DRAFT_ID, chờ lãnh đạo ký."""
    from tracker.service import approve_draft

    row = approve_draft(tracker_for(settings), draft_id, actor=actor)
    click.echo(f"Đã duyệt dự thảo {row['id']}: {row['subject']}")


@drafts.command("discard")
@click.argument("draft_id", type=int)
@click.option("--reason", help="Lý do hủy.")
@_BY
@click.pass_obj
def discard(settings, draft_id, reason, actor):
    """Hủy dự thảo DRAFT_ID (không gửi)."""
    from tracker.service import discard_draft

    row = discard_draft(tracker_for(settings), draft_id, actor=actor, reason=reason)
    click.echo(f"Đã hủy dự thảo {row['id']}.")


@drafts.command("sign")
@click.argument("draft_id", type=int)
@click.option("--number", required=True, help="Số, ký hiệu văn bản được cấp khi ký.")
@click.option("--date", "signed_on", required=True, help="Ngày ký (dd/mm/yyyy).")
@_BY
@click.pass_obj
def sign(settings, draft_id, number, signed_on, actor):
    """Ghi số và ngày ký của dự thảo DRAFT_ID: văn bản đã ký là văn bản lưu."""
    from tracker.service import sign_draft

    row = sign_draft(tracker_for(settings), draft_id, actor=actor, number=number, signed_on=signed_on)
    click.echo(f"Đã ghi dự thảo {row['id']}: số {row['signed_number']}, ký ngày {row['signed_on']:%d/%m/%Y}.")


@click.group()
@click.pass_context
def report(ctx):
    """Báo cáo định kỳ."""
    from congvan.context import office_settings

    ctx.obj = office_settings(ctx.obj)


@report.command("semiannual")
@click.option("--period", required=True, help="YYYY-H1 hoặc YYYY-H2 (khoản 1 Điều 10: trước ngày 15/5 và 15/11).")
@click.option("--unit", "unit_name", help="Đơn vị báo cáo (mặc định: cơ quan trong cấu hình).")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp kết quả: .docx hoặc .html.")
@click.option("--from", "start", callback=date_option, metavar="DATE",
              help="Ngày đầu kỳ báo cáo (mặc định: ngày sau ngày chốt số liệu kỳ trước).")
@click.option("--to", "end", callback=date_option, metavar="DATE",
              help="Ngày cuối kỳ báo cáo (mặc định: ngày chốt số liệu, ví dụ 30/4 cho báo cáo gửi "
                   "trước ngày 15/5).")
@click.pass_obj
def semiannual(settings, period, unit_name, out, start, end):
    """Báo cáo kết quả thực hiện Quy chế phối hợp 6 tháng (khoản 1 Điều 10), theo từng đơn vị phối hợp."""
    from congvan.reporting import semiannual_report

    if out.suffix.lower() not in (".docx", ".html"):
        raise click.UsageError(f"--out {out}: the report is written as .docx or .html")
    try:
        rendered = semiannual_report(settings, period, unit_name, start=start, end=end)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".docx":
        out.write_bytes(rendered.docx)
    else:
        out.write_text(rendered.html, encoding="utf-8")
    click.echo(f"Đã ghi báo cáo {period} vào {out}.")
