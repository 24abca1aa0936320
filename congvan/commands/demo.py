"""`congvan demo`: the whole flow on the sample mailbox the project ships (UBND Phường 5, January-June 2025).

Letters enter on their arrival dates, with the scenario's sweeps between them (a sweep never sees a letter that had
not arrived yet, so no reminder is dated before its letter came): reminders, "deemed agreed" notices where the
regulation says so, overdue units reminded and then reported under Đ.10.2, an escalation to the district chairman,
a weekly digest. Each draft is written as .eml and .docx, and the summary names who was deemed to agree, who is
overdue, what was escalated and which drafts go to whom. It needs no configuration: a fresh SQLite database in the
output folder.
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
              show_default=True, help="Thư mục chứa cơ sở dữ liệu chạy thử và các dự thảo xuất ra (được làm trống trước).")
@click.option("--no-serve", is_flag=True, help="Dừng sau phần tóm tắt (không mở trang làm việc).")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(1, 65535),
              help="Cổng của trang làm việc (trên 127.0.0.1).")
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

    click.secho("1. Thư đến, thư đi và các lần quét theo đúng ngày (lịch làm việc của cơ quan nhà nước)", bold=True)
    messages = sorted((p for folder in (scenario["folders"]["inbox"], scenario["folders"]["sent"])
                       for p in (DEMO_DIR / folder).glob("*.eml")), key=lambda p: p.name)
    days = sorted(d if isinstance(d, date) else date.fromisoformat(str(d)) for d in scenario["sweep"]["dates"])
    tracker = tracker_for(settings)
    for day in days:
        arrived = [p for p in messages if _arrival(p) < day]
        messages = [p for p in messages if p not in arrived]
        _import(ctx, import_, arrived)
        r = sweep(tracker, day)
        click.echo(f"   quét {day:%d/%m/%Y}: {r.reminders} nhắc hạn, {r.deemed_agreed} xem như đồng ý, "
                   f"{r.overdue} quá hạn, {r.escalated} báo cáo vượt hạn, {r.reports} báo cáo đơn vị không phối hợp"
                   + (", tin tổng hợp tuần" if r.digest else ""))
    _import(ctx, import_, messages)

    click.secho("\n3. Văn bản", bold=True)
    _letters(tracker)
    click.secho("\n4. Nghĩa vụ của từng đơn vị", bold=True)
    _obligations(tracker)
    click.secho("\n5. Dự thảo chờ văn thư kiểm tra", bold=True)
    drafts_dir = out / "drafts"
    ctx.invoke(drafts_group.get_command(ctx, "export"), directory=drafts_dir, status=None)
    ctx.invoke(drafts_group, jsonl=False, status=None)
    click.secho("\n6. Tóm tắt", bold=True)
    _summary(tracker)

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
             "escalated": "đã báo cáo vượt", "overdue": "quá hạn", "withdrawn": "đã rút",
             "superseded": "đã thay thế"}


def _arrival(path: Path) -> date:
    """The demo's file names start with the arrival day (YYYYMMDD-HHMM-...)."""
    return date(int(path.name[:4]), int(path.name[4:6]), int(path.name[6:8]))


def _import(ctx, import_, paths: list[Path]) -> None:
    """Import the letters that arrived since the last sweep, printing one line per letter."""
    import contextlib
    import io

    if not paths:
        return
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        ctx.invoke(import_, paths=tuple(paths), folder_direction=True, outgoing=False, workers=1, verbose=False)
    for p in paths:
        way = "gửi" if p.parent.name == "Sent" else "nhận"
        click.echo(f"   {way} {_arrival(p):%d/%m/%Y}: {p.name}")


def _summary(tracker) -> None:
    """Who was deemed to agree, who is overdue, what was escalated, which drafts go to whom."""
    from sqlalchemy import select

    from tracker.db.schema import drafts, letters, obligations

    q = (select(obligations.c.state, obligations.c.unit_text, obligations.c.unit_id, obligations.c.role,
                obligations.c.due_date, letters.c.doc_number)
         .join(letters, letters.c.id == obligations.c.letter_id).order_by(obligations.c.due_date))
    with tracker.engine.connect() as conn:
        rows = conn.execute(q).all()
        sent = conn.execute(select(drafts.c.kind, drafts.c.to_unit, drafts.c.subject).order_by(drafts.c.id)).all()

    def who(r):
        if r.role == "self":
            return tracker.office.name
        unit = tracker.registry.get(r.unit_id)
        return unit.name if unit else r.unit_text

    for state, title in (("deemed_agreed", "Xem như đồng ý"), ("overdue", "Quá hạn, đang đôn đốc"),
                         ("escalated", "Đã báo cáo cấp trên")):
        picked = [f"{who(r)} ({r.doc_number or 'thư điện tử'}, hạn {r.due_date:%d/%m/%Y})"
                  for r in rows if r.state == state]
        click.echo(f"   {title}: " + ("; ".join(picked) if picked else "không có"))
    click.echo(f"   Dự thảo ({len(sent)}):")
    for kind, to_unit, subject in sent:
        click.echo(f"     - gửi {to_unit}: {subject}")


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
