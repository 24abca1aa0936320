"""What `congvan status` and `congvan check-config` say: mailbox health, the next sweep, obligations due soon;
and whether each mailbox and the database can be reached. Texts for people are Vietnamese."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Iterator

from config.settings import Settings

DUE_WITHIN = 3  # working days


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:  # SQLite hands back naive UTC
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone(timedelta(hours=7))).isoformat(timespec="seconds")


def service_status(settings: Settings, engine, calendar, now: datetime) -> dict:
    """The status report as plain data (the JSON of `congvan status --json`)."""
    from congvan.context import office_unit
    from tracker.db import service_state
    from tracker.schedule import next_sweep, parse_hhmm

    office = office_unit(settings, engine).id
    health = {(h["mailbox"], h["folder"]): h for h in service_state.health(engine, office)}
    leases = service_state.leases(engine, office)
    boxes = []
    for box in settings.mailboxes:
        for folder in list(box.incoming) + list(box.outgoing):
            h = health.get((box.name, folder), {})
            worker, until = leases.get(box.name, (None, None))
            boxes.append({"mailbox": box.name, "folder": folder, "last_success": _iso(h.get("last_success_at")),
                          "last_error": h.get("last_error"), "last_error_at": _iso(h.get("last_error_at")),
                          "backlog": h.get("backlog", 0), "worker": h.get("worker"),
                          "lease": {"worker": worker, "until": _iso(until)} if worker else None})
    svc = settings.service
    start = max(parse_hhmm(svc.sweep_time), parse_hhmm(svc.office_start))
    today = now.date()
    runs = service_state.sweep_days(engine, office, today - timedelta(days=14))
    last = runs[max(runs)] if runs else None
    upcoming = next_sweep(now, calendar, start=start, end=parse_hhmm(svc.office_end), done_today=today in runs)
    last_day = calendar.add_working_days(today, DUE_WITHIN)
    due = [{"obligation_id": r["id"], "unit_id": r["unit_id"], "unit": r["unit_text"], "role": r["role"],
            "letter_id": r["letter_id"], "letter_number": r["doc_number"],
            "subject": None if r["secrecy"] else r["subject"], "due": r["due_date"].isoformat(),
            "overdue": r["due_date"] < today}
           for r in service_state.open_due_by(engine, office, last_day)]
    return {"now": now.isoformat(timespec="seconds"), "office": office, "mailboxes": boxes,
            "next_sweep": upcoming.isoformat(timespec="minutes"),
            "last_sweep": {"day": last["day"].isoformat(), "worker": last["worker"],
                           "finished_at": _iso(last["finished_at"]), "summary": last["summary"]} if last else None,
            "due_within_working_days": DUE_WITHIN, "due_until": last_day.isoformat(), "due_soon": due}


def _vn(iso: str | None) -> str:
    if not iso:
        return "chưa có"
    moment = datetime.fromisoformat(iso)
    return f"{moment:%H:%M %d/%m/%Y}"


def status_lines(report: dict) -> Iterator[str]:
    yield "Hộp thư:"
    if not report["mailboxes"]:
        yield "  (chưa cấu hình hộp thư nào)"
    for b in report["mailboxes"]:
        line = (f"  {b['mailbox']}/{b['folder']}: thành công lần cuối {_vn(b['last_success'])}; "
                f"tồn {b['backlog']} thư")
        if b["last_error"]:
            line += f"; lỗi lúc {_vn(b['last_error_at'])}: {b['last_error']}"
        if b["lease"]:
            line += f"; do {b['lease']['worker']} theo dõi"
        yield line
    yield f"Lần quét tới: {_vn(report['next_sweep'])}"
    if report["last_sweep"]:
        s = report["last_sweep"]
        yield f"Lần quét gần nhất: ngày {datetime.fromisoformat(s['day']):%d/%m/%Y} ({s['worker']})" + \
            ("" if s["finished_at"] else ", chưa xong")
    due = report["due_soon"]
    until = datetime.fromisoformat(report["due_until"])
    yield f"Nghĩa vụ còn mở đến hạn trước hết ngày {until:%d/%m/%Y} ({report['due_within_working_days']} ngày làm " \
          f"việc): {len(due)}"
    for d in due:
        late = " (đã quá hạn)" if d["overdue"] else ""
        yield (f"  hạn {datetime.fromisoformat(d['due']):%d/%m/%Y}{late}  {(d['unit'] or '')[:40]:<40} "
               f"{d['letter_number'] or '(không số)'}")


# -- check-config ---------------------------------------------------------------------------------------------------

_IMAP_PROBLEM = {
    "password": "không đọc được mật khẩu",
    "connect": "không kết nối được tới máy chủ",
    "tls": "lỗi TLS hoặc kết nối không an toàn",
    "login": "máy chủ từ chối đăng nhập (sai tên hoặc mật khẩu?)",
    "command": "máy chủ báo lỗi",
}


def check(settings: Settings) -> Iterator[tuple[bool, str]]:
    """(ok, one Vietnamese line) for the database and each mailbox."""
    yield from _check_database(settings)
    if not settings.mailboxes:
        yield False, "Chưa cấu hình hộp thư nào ([[mailboxes]])."
    for box in settings.mailboxes:
        yield from _check_mailbox(box, settings)


def _check_database(settings: Settings) -> Iterator[tuple[bool, str]]:
    from sqlalchemy.engine import make_url

    from congvan.context import engine_for
    from tracker import db

    url = make_url(settings.database_url).render_as_string(hide_password=True)
    try:
        engine = engine_for(settings)
        current = db.current_revision(engine)
    except Exception as exc:  # noqa: BLE001
        yield False, f"Cơ sở dữ liệu {url}: không kết nối được ({type(exc).__name__})."
        return
    from alembic.script import ScriptDirectory

    heads = set(ScriptDirectory.from_config(db.alembic_config(settings.database_url)).get_heads())
    if current is None:
        yield False, f"Cơ sở dữ liệu {url}: chưa có cấu trúc (chạy: congvan db upgrade)."
    elif current not in heads:
        yield False, f"Cơ sở dữ liệu {url}: phiên bản {current} cũ (chạy: congvan db upgrade)."
    else:
        yield True, f"Cơ sở dữ liệu {url}: kết nối được, phiên bản {current}."


def _check_mailbox(box, settings: Settings) -> Iterator[tuple[bool, str]]:
    from intake.imap import ImapError, Mailbox

    name = f"Hộp thư {box.name} ({box.username}@{box.host}:{box.port})"
    try:
        with Mailbox(box) as imap:
            yield True, f"{name}: đăng nhập được."
            for folder in list(box.incoming) + list(box.outgoing):
                if imap.folder_exists(folder):
                    yield True, f"{name}: có thư mục {folder}."
                else:
                    yield False, f"{name}: không có thư mục {folder}."
            if imap.has_idle():
                yield True, f"{name}: máy chủ hỗ trợ IDLE, thư mới được xử lý ngay."
            else:
                yield True, (f"{name}: máy chủ không hỗ trợ IDLE, sẽ kiểm tra thư mới mỗi "
                             f"{settings.service.poll_interval:g} giây.")
            special = imap.special_folder(b"\\Drafts")
            if special:
                yield True, f"{name}: thư mục Nháp là {special} (SPECIAL-USE \\Drafts)."
            elif imap.folder_exists(box.drafts):
                yield True, f"{name}: máy chủ không đánh dấu thư mục Nháp; dùng {box.drafts} theo cấu hình."
            else:
                yield True, (f"{name}: chưa có thư mục Nháp {box.drafts} và máy chủ không chỉ ra thư mục "
                              "\\Drafts; thư mục sẽ được tạo khi ghi dự thảo đầu tiên.")
    except ImapError as exc:
        detail = str(exc).split(": ", 1)[-1]
        yield False, f"{name}: {_IMAP_PROBLEM.get(exc.kind, 'lỗi')} ({detail})."
