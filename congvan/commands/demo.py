"""`congvan demo`: the whole flow on the sample mailbox the project ships (UBND Phường 5, January-June 2025).

It imports the mailbox's INBOX and Sent folders, builds every unit's obligations, sweeps at the scenario's dates
(reminders, "deemed agreed" notices, an escalation to the district chairman, a weekly digest), writes each draft as
.eml and .docx, and prints a summary. It needs no configuration: a fresh SQLite database in the output folder.
"""

from __future__ import annotations

import shutil
import tomllib
from datetime import date
from pathlib import Path

import click


def _settings(out: Path, scenario: dict):
    from config.settings import OfficeSettings, Settings

    office = scenario["office"]
    return Settings(
        database_url=f"sqlite:///{out / 'congvan.sqlite'}",
        data_dir=out,
        office=OfficeSettings(unit=office["unit"], addresses=tuple(office["addresses"]), place="Phường 5",
                              drafting_unit="ĐT", signer_authority="TM. ỦY BAN NHÂN DÂN",
                              signer_title="CHỦ TỊCH", signer_name="Nguyễn Văn Thành"),
    )


@click.command()
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("congvan-demo"),
              show_default=True, help="Folder for the demo database and the exported drafts (emptied first).")
@click.option("--no-serve", is_flag=True, help="Exit after the summary (the review page is not served).")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(1, 65535),
              help="Port of the review page (on 127.0.0.1).")
@click.pass_context
def demo(ctx, out, no_serve, port):
    """Chạy thử trọn quy trình trên hộp thư mẫu của UBND Phường 5 (dữ liệu tự soạn, SQLite)."""
    from congvan.commands.drafts import drafts as drafts_group
    from congvan.commands.intake import import_
    from congvan.context import tracker_for
    from congvan.samples import DEMO_DIR
    from tracker.service import sweep

    scenario = tomllib.loads((DEMO_DIR / "scenario.toml").read_text(encoding="utf-8"))
    out = out.resolve()
    if out.exists():
        for name in ("congvan.sqlite", "congvan.sqlite-wal", "congvan.sqlite-shm"):
            (out / name).unlink(missing_ok=True)
        shutil.rmtree(out / "drafts", ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    settings = _settings(out, scenario)
    ctx.obj = settings

    click.secho("1. Nhập hộp thư mẫu (thư đến và thư đã gửi của UBND Phường 5)", bold=True)
    folders = [DEMO_DIR / scenario["folders"]["inbox"], DEMO_DIR / scenario["folders"]["sent"]]
    ctx.invoke(import_, paths=tuple(folders), folder_direction=True, outgoing=False, workers=None, verbose=False)

    tracker = tracker_for(settings)
    click.secho("\n2. Quét hằng ngày theo lịch làm việc", bold=True)
    for day in scenario["sweep"]["dates"]:
        day = day if isinstance(day, date) else date.fromisoformat(str(day))
        r = sweep(tracker, day)
        click.echo(f"   {day:%d/%m/%Y}: {r.reminders} nhắc hạn, {r.deemed_agreed} xem như đồng ý, "
                   f"{r.escalated} báo cáo vượt hạn, {r.reports} danh sách đơn vị không trả lời"
                   + (", tin tổng hợp tuần" if r.digest else ""))

    click.secho("\n3. Văn bản", bold=True)
    _letters(tracker)
    click.secho("\n4. Nghĩa vụ của từng đơn vị", bold=True)
    _obligations(tracker)
    click.secho("\n5. Dự thảo chờ văn thư kiểm tra", bold=True)
    drafts_dir = out / "drafts"
    ctx.invoke(drafts_group.get_command(ctx, "export"), directory=drafts_dir, status=None)
    ctx.invoke(drafts_group, jsonl=False, status=None)

    click.secho("\nTệp kết quả", bold=True)
    click.echo(f"   Cơ sở dữ liệu:  {out / 'congvan.sqlite'}")
    click.echo(f"   Dự thảo:        {drafts_dir}/ (.eml mở bằng trình thư điện tử, .docx mở bằng trình soạn thảo)")
    click.echo(f"   Xem tiếp:       CONGVAN_DATABASE_URL=sqlite:///{out / 'congvan.sqlite'} congvan obligations")
    if not no_serve:
        _serve(settings, tracker, port)


def _serve(settings, tracker, port: int) -> None:
    """The review page on the demo office, with one clerk's login made up now and printed."""
    import secrets

    from congvan.commands.web import serve
    from web.accounts import add_user

    password = secrets.token_urlsafe(9)
    add_user(tracker.engine, name="vanthu", role="clerk", office_id=tracker.office_unit_id, password=password,
             full_name="Văn thư (chạy thử)")
    click.secho("\nTrang làm việc của văn thư", bold=True)
    click.echo(f"   Địa chỉ:        http://127.0.0.1:{port}/")
    click.echo(f"   Đăng nhập:      vanthu / {password}")
    serve(settings, "127.0.0.1", port, tracker=tracker)


_STATE_VN = {"open": "đang chờ", "answered": "đã trả lời", "deemed_agreed": "xem như đồng ý",
             "escalated": "đã báo cáo vượt", "withdrawn": "đã rút"}


def _letters(tracker) -> None:
    from sqlalchemy import select

    from tracker.db.schema import letters
    from tracker.service import local_day

    with tracker.engine.connect() as conn:
        rows = conn.execute(select(letters).where(letters.c.office_id == tracker.office_unit_id)
                            .order_by(letters.c.received_at, letters.c.id)).all()
    for r in rows:
        day = local_day(r.received_at)
        way = "đi " if r.direction == "out" else "đến"
        click.echo(f"   {way} {day:%d/%m/%Y}  {(r.doc_number or '(không số)'):<16} "
                   f"{(r.subject or r.doc_type or '')[:70]}")


def _obligations(tracker) -> None:
    from sqlalchemy import select

    from tracker.db.schema import letters, obligations

    q = (select(obligations, letters.c.doc_number).join(letters, letters.c.id == obligations.c.letter_id)
         .where(letters.c.office_id == tracker.office_unit_id, obligations.c.state != "superseded")
         .order_by(obligations.c.due_date, obligations.c.id))
    with tracker.engine.connect() as conn:
        rows = conn.execute(q).all()
    for r in rows:
        who = "UBND Phường 5 (đơn vị mình)" if r.role == "self" else r.unit_text
        late = ", trễ hạn" if r.late else ""
        click.echo(f"   hạn {r.due_date:%d/%m/%Y}  {_STATE_VN[r.state]:<16} {who[:38]:<38} "
                   f"{r.doc_number or '(thư điện tử)'} [{r.rule}{late}]")
