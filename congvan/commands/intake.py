"""`congvan import`, `congvan run --once`, `congvan letters`, `congvan quarantine`: mail in, letters out."""

from __future__ import annotations

import json
import logging
import sys
from datetime import timedelta, timezone
from pathlib import Path

import click

from congvan.commands import user_date

ICT = timezone(timedelta(hours=7))
log = logging.getLogger("congvan.intake")


def _after_intake(settings, engine, planner: "_Planner | None" = None) -> None:
    """Called once at the end of `congvan import` and `congvan run --once`, after every message is recorded: the
    new letters become obligations, and replies close the obligations they answer. ``planner``: the one that has
    already planned letters while they were being recorded (its counts are added)."""
    planner = planner or _Planner(settings, engine)
    summary = planner.plan()
    if summary.obligations or summary.replies or summary.waiting:
        click.echo(f"{summary.obligations} nghĩa vụ mới, {summary.replies} nghĩa vụ đã được trả lời, "
                   f"{summary.waiting} văn bản chờ văn thư xác nhận.", err=True)


class _Planner:
    """Plans the letters recorded so far (service.build_obligations), adding up the counts of every round: an import
    plans each batch while the workers read the next ones, instead of all of them at the end. Each round is what a
    poll of `congvan run` does: the same letters, in the same order, with the same replies known."""

    def __init__(self, settings, engine):
        from congvan.context import tracker_for
        from tracker.service import BuildSummary

        self.tracker = tracker_for(settings, engine)
        self.total = BuildSummary()

    def plan(self):
        from tracker.service import build_obligations

        done = build_obligations(self.tracker)
        for name in ("letters", "obligations", "replies", "waiting", "secret"):
            setattr(self.total, name, getattr(self.total, name) + getattr(done, name))
        self.total.flags.update(done.flags)
        return self.total


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def _engine(settings, *, office: bool = False):
    """The database, ready; with ``office``, the configured office is checked first (before any mail is read)."""
    from congvan.context import office_unit, ready_engine

    if office:
        office_unit(settings)
    return ready_engine(settings)


def _office(settings, engine) -> str:
    from congvan.context import office_unit

    return office_unit(settings, engine).id


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--folder-direction/--no-folder-direction", default=True, show_default=True,
              help="Thư trong thư mục tên Sent / Đã gửi (hoặc thư mục đi trong cấu hình) là thư đi của cơ quan.")
@click.option("--outgoing", is_flag=True, help="Coi mọi thư nhập là thư đi của cơ quan.")
@click.option("--workers", type=int, default=None, help="Số tiến trình đọc tệp (mặc định: số lõi CPU).")
@click.option("--via", type=click.Choice(["giấy", "qlvb"]), default="giấy", show_default=True,
              help="Tệp PDF/DOCX/ảnh quét: văn bản giấy (bản chụp) hay nhận từ hệ thống quản lý văn bản (qlvb).")
@click.option("--by", "actor", default=None, help="Người nhập (ghi vào lịch sử); mặc định: tài khoản hệ điều hành.")
@click.option("-v", "--verbose", is_flag=True, help="Ghi nhật ký chi tiết ra stderr.")
@click.pass_obj
def import_(settings, paths, folder_direction, outgoing, workers, via, actor, verbose):
    """Nhập thư từ tệp .eml, thư mục Maildir hoặc tệp mbox, và văn bản đến dạng tệp PDF/DOCX hoặc ảnh quét JPEG/PNG/TIFF (văn bản giấy,
    văn bản từ hệ thống quản lý văn bản): mỗi văn bản đến được vào sổ với số đến."""
    from intake.sources import document_files, is_document

    _setup_logging(verbose)
    for path in paths:  # a FIFO or a device would be read forever (or block on open): refuse it before anything
        if not (path.is_dir() or path.is_file()):
            raise click.UsageError(f"{path}: không phải tệp thường hay thư mục (FIFO, socket, thiết bị…); "
                                   "chỉ nhập tệp .eml, mbox, thư mục Maildir, tệp PDF/DOCX, ảnh quét hoặc thư mục chứa chúng")
    documents = list(document_files(list(paths)))
    mail_paths = [p for p in paths if not is_document(p)]
    if documents and outgoing:
        raise click.UsageError("tệp PDF/DOCX và ảnh quét chỉ được nhập là văn bản đến (bỏ --outgoing)")
    engine = _engine(settings, office=True)  # a wrong office is said before anything is read
    if documents:
        _import_documents(settings, engine, documents, via, actor)
    if mail_paths:
        _import_mail(settings, engine, mail_paths, folder_direction, outgoing, workers, quiet=bool(documents))
    elif documents:
        _after_intake(settings, engine)


IMPORT_BATCH = 32  # files: up to this many analysed messages recorded in one transaction (no server waits for them)
VIA_NAMES = {"giấy": "giấy", "qlvb": "hệ thống quản lý văn bản"}


def _import_documents(settings, engine, documents, via, actor) -> None:
    """Letters on paper (scans) or from the e-office system: each file through service.register_document."""
    import getpass

    from congvan.context import tracker_for
    from tracker import service

    try:
        tracker = tracker_for(settings, engine)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    actor = actor or getpass.getuser() or "congvan"
    counts = {"new": 0, "duplicate": 0, "quarantined": 0, "secret": 0}
    for path in documents:
        done = service.register_document(tracker, path, path.name, actor=actor, via=VIA_NAMES[via],
                                         limits=settings.limits, ocr=settings.ocr)
        if done.status == "quarantined":
            counts["quarantined"] += 1
            click.echo(f"Cách ly {done.filename}: {done.reason}")
        elif done.arrival_number is None:  # a letter bearing a secrecy mark: its own register, kept by hand
            counts["secret"] = counts.get("secret", 0) + 1
            click.echo(f"Văn bản mật {done.filename}: không vào sổ văn bản đến thường; đăng ký vào sổ văn bản mật")
        elif done.duplicate:
            counts["duplicate"] += 1
            number = f" (số đến {done.arrival_number})" if done.arrival_number else ""
            click.echo(f"Đã có {done.filename}: văn bản này đã được ghi nhận trước đó{number}")
        else:
            counts["new"] += 1
            when = done.arrival_date.strftime("%d/%m/%Y") if done.arrival_date else ""
            click.echo(f"Vào sổ {done.filename}: số đến {done.arrival_number}, ngày đến {when}")
    secret = f", {counts['secret']} văn bản mật" if counts["secret"] else ""
    click.echo(f"{len(documents)} tệp văn bản: {counts['new']} vào sổ, {counts['duplicate']} đã có, "
               f"{counts['quarantined']} cách ly{secret}.")


def _import_mail(settings, engine, paths, folder_direction, outgoing, workers, *, quiet: bool = False) -> None:
    """Mail files in; ``quiet``: no summary when the paths held no mail (only documents)."""
    from intake.pipeline import Intake, Source
    from intake.sources import file_messages
    from tracker.db import mail as ledger

    office = _office(settings, engine)
    with Intake(settings, engine, workers=workers, office_id=office) as intake, \
            ledger.mailbox_lock(engine, "import"):
        known = ledger.known_locations(engine, "import", office=office)
        found = list(file_messages(list(paths), settings, folder_direction))
        items = [m for m in found if (m.folder, m.uid) not in known]
        skipped = 0

        oversized = []

        def messages():
            nonlocal skipped
            limit = settings.limits.max_message_bytes
            for m in items:
                try:
                    if m.uid is None and Path(m.folder).stat().st_size > limit:
                        oversized.append(intake.quarantine_unread(
                            Source("import", m.folder, None, None, outgoing or m.outgoing,
                                   size=Path(m.folder).stat().st_size),
                            f"thư quá lớn (> {limit} byte), không đọc"))
                        continue
                    raw = m.read()
                except OSError as exc:
                    skipped += 1
                    click.echo(f"Bỏ qua {m.folder}: không đọc được ({exc.strerror or exc})", err=True)
                    continue
                yield raw, Source("import", m.folder, None, m.uid, outgoing or m.outgoing,
                                  fallback_arrival=_file_time(m.folder))

        counts: dict[str, int] = {}
        letters = 0
        planner = _Planner(settings, engine)
        unplanned = 0
        show = len(items) > 20 and sys.stderr.isatty() or len(items) > 200
        with click.progressbar(length=len(items), label="Đang nhập thư", file=sys.stderr,
                               hidden=not show) as bar:
            for outcome in intake.feed(messages(), batch=IMPORT_BATCH):
                counts[outcome.status] = counts.get(outcome.status, 0) + 1
                letters += outcome.new_letters
                bar.update(1 + len(oversized))
                for _ in oversized:
                    counts["quarantined"] = counts.get("quarantined", 0) + 1
                oversized.clear()
                unplanned += outcome.new_letters
                if unplanned >= IMPORT_BATCH:  # the main process plans while the workers read
                    planner.plan()
                    unplanned = 0
        for _ in oversized:  # oversized files after the last readable one
            counts["quarantined"] = counts.get("quarantined", 0) + 1
        log.info("import: %d message(s) recorded; building obligations", sum(counts.values()))
        _after_intake(settings, engine, planner)
    counts["known"] = len(found) - len(items)
    if found or not quiet:
        click.echo(_summary(counts, letters))


def _file_time(path: str):
    from datetime import datetime

    try:
        return datetime.fromtimestamp(Path(path).stat().st_mtime, tz=timezone.utc)
    except OSError:
        return None


def _summary(counts: dict[str, int], letters: int, skipped_known: int = 0) -> str:
    total = sum(v for k, v in counts.items() if k != "known")
    parts = [f"{total} thư: {counts.get('processed', 0)} đã xử lý",
             f"{counts.get('duplicate', 0)} trùng", f"{counts.get('quarantined', 0)} cách ly"]
    if counts.get("known"):
        parts.append(f"{counts['known']} đã có từ trước")
    return ", ".join(parts) + f"; {letters} văn bản mới."


def run_once(settings, workers, verbose):
    """`congvan run --once`: every configured mailbox read once (the service itself is congvan.commands.service)."""
    from intake.pipeline import Intake
    from intake.sources import poll_mailbox

    _setup_logging(verbose)
    if not settings.mailboxes:
        raise click.UsageError("chưa cấu hình hộp thư nào ([[mailboxes]])")
    engine = _engine(settings, office=True)
    failures = []
    with Intake(settings, engine, workers=workers, office_id=_office(settings, engine)) as intake:
        for box in settings.mailboxes:
            report = poll_mailbox(intake, box)
            counts: dict[str, int] = {}
            for o in report.outcomes:
                counts[o.status] = counts.get(o.status, 0) + 1
            letters = sum(o.new_letters for o in report.outcomes)
            if report.error:
                failures.append(report.error)
                click.echo(f"Hộp thư {box.name}: lỗi: {report.error}", err=True)
            else:
                click.echo(f"Hộp thư {box.name}: {_summary(counts, letters)}")
    _after_intake(settings, engine)
    if failures:
        raise click.ClickException(f"{len(failures)} hộp thư không đọc được: {failures[0]}")


def _iso(dt):
    return dt.astimezone(ICT).isoformat() if dt else None


SCHEMA_KEYS = ("doc_number", "doc_type", "issuer", "place", "issue_date", "subject", "urgency", "lead_units",
               "cooperating_units", "deadlines", "meeting", "replies_to")


def letter_json(item: dict) -> dict:
    sources = item["sources"]
    first = sources[0] if sources else {}
    extraction = item.get("extraction") or {}
    out = {
        "id": item["id"],
        "message_id": first.get("message_id"),
        "mailbox": first.get("mailbox"),
        "folder": first.get("folder"),
        "direction": item["direction"],
        "received_at": _iso(item["received_at"] or first.get("received_at")),
        "attachments": [s["part"] for s in sources if s.get("part") and s["part"] != "body"],
        "status": item["status"],
        "source": extraction.get("source") or (first.get("part") or ""),
    }
    for key in SCHEMA_KEYS:
        value = extraction.get(key)
        if key in ("lead_units", "cooperating_units", "deadlines", "replies_to") and value is None:
            value = []
        out[key] = value
    out["issue_date"] = item["issue_date"].isoformat() if item.get("issue_date") else out["issue_date"]
    out["doc_number"] = item.get("doc_number") or out["doc_number"]
    out["secrecy"] = item.get("secrecy")
    out["issuer_unit_id"] = item.get("issuer_unit_id")
    out["confidence"] = item.get("confidence")
    out["review"] = [d for d in extraction.get("review") or [] if isinstance(d, dict)]
    out["arrival_number"] = item.get("arrival_number")
    out["arrival_date"] = item["arrival_date"].isoformat() if item.get("arrival_date") else None
    out["sources"] = [{"mailbox": s["mailbox"], "folder": s["folder"], "uid": s["uid"],
                       "message_id": s["message_id"], "part": s["part"]} for s in sources]
    return out


STATUS_VI = {"new": "mới", "needs_review": "cần xem lại", "confirmed": "đã xác nhận", "secret": "MẬT",
             "needs_ocr": "cần nhận dạng chữ", "needs_password": "cần mật khẩu", "unreadable": "không đọc được"}


@click.command("letters")
@click.option("--jsonl", is_flag=True, help="Mỗi văn bản một dòng JSON.")
@click.option("--search", "q", metavar="TỪ", help="Tìm theo số, loại, cơ quan ban hành, trích yếu, đơn vị "
              "(không phân biệt dấu, hoa thường): \"quyet dinh 1342\".")
@click.option("--number", metavar="SỐ", help="Số, ký hiệu văn bản (\"1342/QĐ\", \"12\").")
@click.option("--unit", metavar="ĐƠN VỊ", help="Đơn vị ban hành hoặc có nghĩa vụ (tên hoặc mã trong danh mục).")
@click.option("--from", "date_from", metavar="NGÀY", callback=user_date, help="Nhận từ ngày (dd/mm/yyyy).")
@click.option("--to", "date_to", metavar="NGÀY", callback=user_date, help="Nhận đến hết ngày (dd/mm/yyyy).")
@click.option("--state", metavar="TRẠNG THÁI", help="Trạng thái văn bản (needs_review...) hoặc nghĩa vụ (open, "
              "overdue, deemed_agreed...).")
@click.option("--direction", type=click.Choice(["đến", "đi", "in", "out"]), help="Văn bản đến hay đi.")
@click.option("--limit", type=click.IntRange(1, 500), default=50, show_default=True,
              help="Số văn bản tối đa khi tìm kiếm.")
@click.pass_obj
def letters(settings, jsonl, q, number, unit, date_from, date_to, state, direction, limit):
    """Liệt kê các văn bản đã theo dõi, hoặc tìm văn bản (--search và các bộ lọc; mới nhất trước)."""
    from tracker.db import mail as ledger

    engine = _engine(settings)
    searching = any(v is not None for v in (q, number, unit, date_from, date_to, state, direction))
    total = None
    if searching:
        from congvan.context import tracker_for
        from tracker import service

        try:
            found = service.search_letters(tracker_for(settings, engine), q=q, number=number, unit=unit,
                                           date_from=date_from, date_to=date_to, state=state,
                                           direction=direction, limit=limit)
        except ValueError as exc:  # InvalidInput: one Vietnamese line
            raise click.UsageError(str(exc)) from None
        total = f"hơn {found.total:,}".replace(",", ".") if found.more else str(found.total)
        rows = ledger.list_letters(engine, office=_office(settings, engine), ids=[i["id"] for i in found.items])
    else:
        rows = ledger.list_letters(engine, office=_office(settings, engine))
    items = [letter_json(i) for i in rows]
    if jsonl:
        for item in items:
            click.echo(json.dumps(item, ensure_ascii=False))
        return
    if not items:
        click.echo("Không tìm thấy văn bản nào." if searching else "Chưa có văn bản nào.")
        return
    for i in items:
        arrow = "đến" if i["direction"] == "in" else "đi"
        when = (i["received_at"] or "")[:16].replace("T", " ")
        click.echo(f"{i['id']:>5}  {arrow:<3} {when:<16}  {i['doc_number'] or '(chưa rõ số)':<22} "
                   f"{STATUS_VI.get(i['status'], i['status']):<16} {(i['subject'] or '')[:70]}")
    if total is not None and (found.more or found.total > len(items)):
        click.echo(f"(hiện {len(items)} trong {total} văn bản tìm thấy; dùng --limit để xem thêm)")


@click.command("quarantine")
@click.argument("entry", required=False, type=int)
@click.option("--export", "export_to", type=click.Path(dir_okay=False, path_type=Path),
              help="Ghi nguyên văn thư bị cách ly ra tệp .eml này.")
@click.pass_obj
def quarantine(settings, entry, export_to):
    """Thư bị cách ly: liệt kê, xem lý do (ENTRY) hoặc xuất nguyên văn (--export)."""
    from tracker.db import mail as ledger

    engine = _engine(settings)
    if entry is None:
        rows = ledger.list_quarantine(engine, office=_office(settings, engine))
        if not rows:
            click.echo("Không có thư nào bị cách ly.")
        for r in rows:
            click.echo(f"{r['id']:>5}  {r['origin']}  {r['reason']}")
        return
    found = ledger.quarantine_raw(engine, entry, office=_office(settings, engine))
    if found is None:
        raise click.ClickException(f"không có thư cách ly số {entry}")
    row, raw = found
    if export_to:
        if raw is None:
            raise click.ClickException(f"thư cách ly số {entry} không được tải về (quá lớn), không có nguyên văn")
        export_to.write_bytes(raw)
        click.echo(f"Đã ghi {len(raw)} byte vào {export_to}")
        return
    click.echo(f"Số: {row['id']}\nNguồn: {row['origin']}\nLý do: {row['reason']}\n"
               f"Kích thước: {len(raw) if raw is not None else 'không tải về'}")
