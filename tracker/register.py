"""Use cases of the clerk's desk: the arrival register (sổ đăng ký văn bản đến), letters that came on paper or from
the e-office system, search that ignores diacritics, and the leaders' figures per unit.

They are reached as ``tracker.service.register_document`` etc. (the command line and the web call the same
functions); each runs in one transaction, and reads and writes only the tracker's office.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from tracker import service
from tracker.db import register as db
from tracker.db import store
from tracker.db.mail import as_aware
from tracker.search import fold, terms

log = logging.getLogger(__name__)

# How a letter that is not an e-mail reached the office (the register's "Ghi chú").
VIA = ("giấy", "hệ thống quản lý văn bản")
UPLOAD_MAILBOX = "upload"
LETTER_STATES = ("new", "needs_review", "confirmed", "secret", "needs_ocr", "needs_password", "unreadable")
OBLIGATION_STATES = ("open", "answered", "deemed_agreed", "escalated", "overdue", "withdrawn")
DIRECTIONS = {"in": "in", "đến": "in", "out": "out", "đi": "out"}


def _office(tracker) -> str:
    return tracker.office_unit_id


# -- the arrival register ----------------------------------------------------------------------------------------

def register_letter(tracker, letter_id: int, *, actor: str) -> int:
    """Give an incoming letter of the office its arrival number now (a letter already numbered keeps its number).
    Letters get their number when they are recorded; this is for a letter left out (one bearing a secrecy mark,
    which goes to the separate register of secret letters unless the clerk enters it here)."""
    with tracker.engine.begin() as conn:
        row = store.letter(conn, letter_id, office=_office(tracker))
        if row is None:
            raise service.NotFound(f"không có văn bản số {letter_id}")
        if row["direction"] != "in":
            raise service.InvalidInput("chỉ văn bản đến mới được vào sổ đăng ký văn bản đến")
        if row["arrival_number"] is not None:
            return row["arrival_number"]
        number = db.number_letter(conn, letter_id, day=db.local_day(None))
        store.record(conn, [{"entity": "letter", "entity_id": letter_id, "action": "edit", "field": "arrival_number",
                             "after": str(number), "actor": actor, "note": "vào sổ văn bản đến"}])
        return number


@dataclass
class Registered:
    """What became of one uploaded file."""

    filename: str
    letter_id: int | None = None
    arrival_number: int | None = None
    arrival_date: date | None = None
    status: str = ""  # the letter's status, or "quarantined"
    duplicate: bool = False  # the same letter was already recorded (it keeps its number)
    reason: str | None = None  # why it was quarantined

    def as_dict(self) -> dict:
        out = asdict(self)
        out["arrival_date"] = self.arrival_date.isoformat() if self.arrival_date else None
        return out


_extractors: dict[int, object] = {}
_extractors_lock = threading.Lock()


def _extract(tracker, text: str, name: str) -> dict | None:
    if not text.strip():
        return None
    with _extractors_lock:
        extractor = _extractors.get(id(tracker.registry))
        if extractor is None:
            from nlp import Extractor

            extractor = _extractors[id(tracker.registry)] = Extractor(registry=tracker.registry)
    try:
        return extractor.extract(text).to_json(name)
    except Exception as exc:  # noqa: BLE001 - a letter without fields is still recorded, for the clerk
        log.warning("extraction failed on %s: %s", name, exc)
        return None


def register_document(tracker, path_or_bytes: Path | str | bytes, filename: str | None = None, *, actor: str,
                      via: str = "giấy", limits=None, ocr: bool = True, pool=None,
                      received_at: datetime | None = None) -> Registered:
    """Record a letter that came on paper (its scan) or from the e-office system: a PDF or DOCX file.

    The file is read in an isolated worker (scans through tesseract when installed), its fields extracted by the
    same reader as e-mail, and the letter recorded as incoming with its arrival number, in one transaction. A file
    that is neither PDF nor DOCX, or cannot be read, is quarantined with its bytes and the reason (no number). The
    same letter recorded before, by any route, keeps its one number (``duplicate``)."""
    from config.settings import LimitSettings
    from intake.documents import UNREADABLE, read_attachment, safe_name, sniff
    from intake.pipeline import LetterPart, letter_record
    from tracker.db import mail as ledger

    if via not in VIA:
        raise service.InvalidInput(f"nguồn văn bản không hợp lệ: {via!r} (chỉ nhận: {', '.join(VIA)})")
    limits = limits or LimitSettings()
    if isinstance(path_or_bytes, (bytes, bytearray)):
        data = bytes(path_or_bytes)
        name = safe_name(filename or "van-ban")
    else:
        path = Path(path_or_bytes)
        name = safe_name(filename or path.name)
        try:
            size = path.stat().st_size
            data = b"" if size > limits.max_attachment_bytes else path.read_bytes()
        except OSError as exc:
            raise service.InvalidInput(f"không mở được tệp {name}: {exc.strerror or exc}") from None
    received = received_at or datetime.now(timezone.utc)
    msg = ledger.MessageRecord(office_id=_office(tracker), mailbox=UPLOAD_MAILBOX, folder=name, uidvalidity=None, uid=None,
                               content_hash=hashlib.sha256(data).hexdigest(), direction="in", received_at=received,
                               from_addr=None, subject=f"{name} ({via})", size=len(data))
    kind = sniff(data) if data else "other"
    reason = None
    if not data:
        reason = f"tệp rỗng hoặc quá lớn (tối đa {limits.max_attachment_bytes} byte)"
    elif kind not in ("pdf", "docx", "image"):
        reason = "không phải tệp PDF, DOCX hoặc ảnh quét (JPEG, PNG, TIFF)"
    else:
        doc = read_attachment(name, data, limits, pool=pool, ocr=ocr)
        if doc.status == UNREADABLE:
            reason = f"tệp hỏng, không đọc được ({doc.warning or 'lỗi không rõ'})"
    if reason:
        log.warning("upload %s: quarantined: %s", name, reason)
        ledger.record_message(tracker.engine, msg, [], quarantine_reason=reason, raw=data or None,
                              origin=f"{UPLOAD_MAILBOX}: {name}")
        return Registered(name, status="quarantined", reason=reason)
    extraction = _extract(tracker, doc.text, name)
    record = letter_record(LetterPart(name, doc, extraction), "in", received, f"upload {name}", tracker.min_confidence)
    record.extraction = {**(record.extraction or {}), "received_via": via}
    done = ledger.record_message(tracker.engine, msg, [record], raw=data, origin=f"{UPLOAD_MAILBOX}: {name}",
                                 actor=actor)
    letter_id = done.letter_ids[0] if done and done.letter_ids else None
    if letter_id is None:
        return Registered(name, status="duplicate", duplicate=True)
    with tracker.engine.connect() as conn:
        row = store.letter(conn, letter_id, office=_office(tracker))
    return Registered(name, letter_id, row["arrival_number"], row["arrival_date"], row["status"],
                      duplicate=letter_id not in done.new_letter_ids)


# -- the register per NĐ 30/2020 Phụ lục IV ----------------------------------------------------------------------

@dataclass
class RegisterRow:
    """One line of the register of incoming letters (columns of NĐ 30/2020 Phụ lục IV)."""

    arrival_number: int
    arrival_date: date
    author: str  # Tác giả: the issuing body
    doc_number: str  # Số, ký hiệu
    issue_date: date | None  # Ngày tháng văn bản
    type_and_subject: str  # Tên loại và trích yếu nội dung
    recipient: str = ""  # Đơn vị hoặc người nhận (filled by hand when the letter is handed over)
    signature: str = ""  # Ký nhận (signed on paper)
    note: str = ""  # Ghi chú
    letter_id: int | None = None
    urgency: str | None = None

    def as_dict(self) -> dict:
        out = asdict(self)
        out["arrival_date"] = self.arrival_date.isoformat()
        out["issue_date"] = self.issue_date.isoformat() if self.issue_date else None
        return out


STATUS_NOTES = {"needs_review": "chờ văn thư xác nhận", "needs_ocr": "bản chụp, cần nhận dạng chữ",
                "needs_password": "tệp có mật khẩu", "unreadable": "tệp không đọc được", "secret": "văn bản mật"}


def _note(row: dict) -> str:
    ex = row.get("extraction") or {}
    parts = []
    if row.get("urgency"):
        parts.append(row["urgency"])
    sources = row.get("sources") or []
    via = ex.get("received_via") or ("thư điện tử" if sources and sources[0]["mailbox"] != UPLOAD_MAILBOX else None)
    if via:
        parts.append(f"nhận qua {via}")
    if len(sources) > 1:
        parts.append(f"nhận {len(sources)} lần")
    if row["status"] in STATUS_NOTES:
        parts.append(STATUS_NOTES[row["status"]])
    return "; ".join(parts)


def _type_and_subject(row: dict) -> str:
    return " ".join(p for p in (row.get("doc_type") or "", (row.get("subject") or "").strip()) if p).strip()


def _author(tracker, row: dict) -> str:
    """Tác giả: the issuing body by its registry name when known, else as written, else the sender's address."""
    unit = tracker.registry.get(row["issuer_unit_id"]) if row.get("issuer_unit_id") else None
    if unit is not None:
        return unit.name
    return row["issuer"] or (row["sources"][0]["from_addr"] if row["sources"] else "") or ""


def register_rows(tracker, year: int, *, date_from: date | None = None, date_to: date | None = None) -> list[RegisterRow]:
    """The office's register of incoming letters for ``year``, in arrival-number order (optionally only the
    letters that arrived between ``date_from`` and ``date_to``)."""
    if not isinstance(year, int) or not 1900 <= year <= 9999:
        raise service.InvalidInput(f"năm không hợp lệ: {year!r}")
    with tracker.engine.connect() as conn:
        rows = db.register_rows(conn, _office(tracker), year, date_from=date_from, date_to=date_to)
    return [RegisterRow(arrival_number=r["arrival_number"], arrival_date=r["arrival_date"], author=_author(tracker, r),
                        doc_number=r["doc_number"] or "", issue_date=r["issue_date"],
                        type_and_subject=_type_and_subject(r), note=_note(r), letter_id=r["id"],
                        urgency=r["urgency"]) for r in rows]


# -- search ------------------------------------------------------------------------------------------------------

@dataclass
class SearchResult:
    """A page of letters found. ``total`` counts the matches, at most 1,000: ``more`` is True when there are
    more than that ("hơn 1.000 văn bản")."""

    total: int
    items: list[dict] = field(default_factory=list)
    limit: int = 50
    offset: int = 0
    more: bool = False


def _number_pattern(number: str) -> str:
    """A LIKE pattern anchored at the start of ``search_text`` (the number's words come first there): whole
    words, the last one a prefix unless the number is only digits ("12" finds 12/UBND, not 123/UBND)."""
    words = terms(number)
    if not words:
        raise service.InvalidInput(f"số văn bản không hợp lệ: {number!r}")
    tail = " %" if len(words) == 1 and words[0].isdigit() else "%"
    return " " + " ".join(words) + tail


def search_letters(tracker, q: str | None = None, number: str | None = None, unit: str | None = None,
                   date_from: date | None = None, date_to: date | None = None, state: str | None = None,
                   direction: str | None = None, limit: int = 50, offset: int = 0) -> SearchResult:
    """The office's letters matching every given criterion, newest first, ``limit`` at a time.

    ``q``: words found in the number, type, issuer, subject, place or units, ignoring diacritics and case
    ("quyet dinh 1342" finds "Quyết định 1342/QĐ-UBND"); ``number``: the letter's number ("1342/QĐ", "12");
    ``unit``: a registry id or name, the issuer or an owing unit; ``date_from``/``date_to``: days of receipt
    (inclusive); ``state``: a letter status (new, needs_review, ...) or an obligation state (open, overdue, ...);
    ``direction``: "in"/"đến" or "out"/"đi"."""
    if not 1 <= int(limit) <= 500 or int(offset) < 0:
        raise service.InvalidInput("số dòng mỗi trang phải từ 1 đến 500 và vị trí bắt đầu không âm")
    if date_from and date_to and date_from > date_to:
        raise service.InvalidInput("ngày bắt đầu phải trước hoặc bằng ngày kết thúc")
    unit_id = None
    if unit:
        found = tracker.registry.get(unit) or tracker.registry.resolve(unit)
        if found is None:
            raise service.InvalidInput(f"không có đơn vị {unit!r} trong danh mục đơn vị")
        unit_id = found.id
    letter_states: tuple[str, ...] = ()
    obligation_states: tuple[str, ...] = ()
    if state:
        if state in LETTER_STATES:
            letter_states = (state,)
        elif state == "waiting":
            letter_states = service.WAITING
        elif state in OBLIGATION_STATES:
            obligation_states = (state,)
        else:
            raise service.InvalidInput(f"trạng thái không hợp lệ: {state!r} (chỉ nhận: "
                                         f"{', '.join(LETTER_STATES + OBLIGATION_STATES)})")
    if direction and direction not in DIRECTIONS:
        raise service.InvalidInput(f"chiều văn bản không hợp lệ: {direction!r} (chỉ nhận: đến, đi)")
    if q and not terms(q) and not number:
        return SearchResult(0, [], limit, offset)  # only punctuation: nothing to look for
    cond = db.search_conditions(office_id=_office(tracker), q=q,
                                number=_number_pattern(number) if number else None, unit_id=unit_id,
                                date_from=date_from, date_to=date_to, letter_states=letter_states,
                                obligation_states=obligation_states,
                                direction=DIRECTIONS[direction] if direction else None)
    with tracker.engine.connect() as conn:
        total, more, items = db.search(conn, cond, limit=int(limit), offset=int(offset))
    for item in items:
        item["received_at"] = as_aware(item["received_at"])
    return SearchResult(total, items, int(limit), int(offset), more)


# -- leaders' figures --------------------------------------------------------------------------------------------

@dataclass
class UnitStats:
    """A unit's obligations due in a period, by how they ended."""

    unit_id: str | None
    unit: str
    asked: int
    on_time: int
    late: int
    overdue: int  # lapsed without a deemed agreement (escalated, overdue)
    deemed_agreed: int
    open: int

    @property
    def on_time_rate(self) -> float | None:
        """Answered on time among the obligations already decided (None when none is)."""
        decided = self.asked - self.open
        return self.on_time / decided if decided else None

    def as_dict(self) -> dict:
        return {**asdict(self), "on_time_rate": self.on_time_rate}


def unit_stats(tracker, date_from: date, date_to: date) -> list[UnitStats]:
    """Per unit, the obligations due between ``date_from`` and ``date_to`` (inclusive): asked, answered on time,
    late, lapsed, deemed agreed, still open; worst on-time rate first."""
    if date_from > date_to:
        raise service.InvalidInput("ngày bắt đầu phải trước hoặc bằng ngày kết thúc")
    with tracker.engine.connect() as conn:
        rows = db.unit_figures(conn, _office(tracker), date_from, date_to)
    out = []
    for r in rows:
        unit = tracker.registry.get(r["unit_id"]) if r["unit_id"] else None
        out.append(UnitStats(r["unit_id"], unit.name if unit else r["unit_text"], int(r["asked"]),
                             int(r["on_time"]), int(r["late"]), int(r["overdue"]), int(r["deemed_agreed"]),
                             int(r["open"])))
    out.sort(key=lambda s: (s.on_time_rate if s.on_time_rate is not None else 2.0, -s.asked, fold(s.unit)))
    return out
