"""`congvan register`: the register of incoming letters (sổ đăng ký văn bản đến) on screen, as JSON lines, or
exported as .xlsx / .docx (notices/register_export.py)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import click

EXPORTS = {".xlsx": "to_xlsx", ".docx": "to_docx"}


@click.command("register")
@click.option("--year", type=click.IntRange(1900, 9999), default=None, help="Năm của sổ (mặc định: năm nay).")
@click.option("--jsonl", is_flag=True, help="Mỗi văn bản một dòng JSON.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Ghi sổ ra tệp .xlsx hoặc .docx.")
@click.pass_obj
def register(settings, year, jsonl, out):
    """Sổ đăng ký văn bản đến: số đến liên tiếp trong năm, theo các cột của Nghị định 30/2020/NĐ-CP."""
    from congvan.context import ready_engine, tracker_for
    from tracker import service

    if out is not None and out.suffix.lower() not in EXPORTS:
        raise click.UsageError(f"--out {out}: sổ chỉ xuất ra tệp .xlsx hoặc .docx")
    try:
        tracker = tracker_for(settings, ready_engine(settings))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    year = year or datetime.now(service.LOCAL).year
    rows = service.register_rows(tracker, year)
    if out is not None:
        from notices import register_export

        export = getattr(register_export, EXPORTS[out.suffix.lower()])
        try:
            export(rows, out, year=year, office=tracker.office.name)
        except OSError as exc:
            raise click.ClickException(f"không ghi được {out}: {exc.strerror or exc}") from None
        click.echo(f"Đã ghi sổ đăng ký văn bản đến năm {year} ({len(rows)} văn bản) vào {out}")
        return
    if jsonl:
        for row in rows:
            click.echo(json.dumps(row.as_dict(), ensure_ascii=False))
        return
    if not rows:
        click.echo(f"Sổ văn bản đến năm {year} chưa có văn bản nào.")
        return
    click.echo(f"{'Số đến':>6}  {'Ngày đến':<10}  {'Số, ký hiệu':<20}  {'Tác giả':<30}  Tên loại và trích yếu")
    for r in rows:
        click.echo(f"{r.arrival_number:>6}  {r.arrival_date.strftime('%d/%m/%Y'):<10}  {r.doc_number[:20]:<20}  "
                   f"{r.author[:30]:<30}  {r.type_and_subject[:80]}")
