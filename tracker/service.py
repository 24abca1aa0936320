"""Use cases of the tracker: build obligations from recorded letters, close them with replies, sweep them daily,
and let a clerk confirm or correct a letter. Each use case runs in one transaction.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Engine

from tracker import obligations as ob_domain
from tracker import sweep as sweep_domain
from tracker.calendar import WorkingCalendar
from tracker.db import locks, store
from tracker.obligations import DeadlineFact, LetterFacts, UnitRef, normalize_number
from tracker.rules import RulePack
from tracker.units import UnitRegistry
from tracker import validation
from tracker.validation import Conflict, InvalidInput, NotFound, ServiceError, parse_user_date  # noqa: F401

log = logging.getLogger(__name__)

# The clerk's desk (tracker/register.py): the arrival register, uploaded letters, search, figures per unit.
_REGISTER = ("register_letter", "register_document", "register_rows", "search_letters", "unit_stats")
# Quản trị (tracker/admin.py): unit renames and merges, the calendar's yearly decisions.
_ADMIN = ("rename_unit", "merge_unit", "add_calendar_day", "remove_calendar_day")


def __getattr__(name: str):
    if name in _REGISTER:
        from tracker import register

        return getattr(register, name)
    if name in _ADMIN:
        from tracker import admin

        return getattr(admin, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

LOCAL = timezone(timedelta(hours=7))  # Asia/Ho_Chi_Minh has had no daylight saving since 1975
KEY_FIELDS = ("doc_number", "issue_date", "issuer", "subject")
WAITING = ("needs_review", "needs_ocr", "needs_password", "unreadable")


@dataclass(frozen=True)
class Tracker:
    """What the use cases need, built once at the command line's start."""

    engine: Engine
    registry: UnitRegistry
    pack: RulePack
    calendar: WorkingCalendar
    office_unit_id: str
    days_before: tuple[int, ...] = (3, 1)
    min_confidence: float = 0.8

    @property
    def office(self):
        return self.registry[self.office_unit_id]


@dataclass
class BuildSummary:
    letters: int = 0
    obligations: int = 0
    replies: int = 0
    waiting: int = 0
    secret: int = 0
    flags: dict[int, list[str]] = field(default_factory=dict)


@dataclass
class SweepSummary:
    today: date
    reminders: int = 0
    deemed_agreed: int = 0
    escalated: int = 0
    reports: int = 0
    digest: bool = False
    overdue: int = 0


def local_day(moment: datetime | None) -> date | None:
    if moment is None:
        return None
    if moment.tzinfo is None:  # SQLite hands back naive UTC
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(LOCAL).date()


# -- letters -> obligations -------------------------------------------------------------------------------------

def build_obligations(tracker: Tracker) -> BuildSummary:
    """Turn every letter recorded since the last call into obligations, and close what its replies answer.

    Under the office's lock: processes planning at once take turns, and the second finds nothing left to plan."""
    summary = BuildSummary()
    with locks.office_lock(tracker.engine, tracker.office_unit_id), tracker.engine.begin() as conn:
        cited = store.reply_keys(conn, office=tracker.office_unit_id)  # numbers some letter answers
        for row in store.pending_letters(conn, office=tracker.office_unit_id):
            _build_letter(conn, tracker, row, summary, cited=cited)
    return summary


def _build_letter(conn, tracker: Tracker, row: dict, summary: BuildSummary, actor: str = store.SYSTEM,
                  current: list[dict] = (), cited: set[str] | None = None) -> None:
    """One letter's obligations. A letter that waits for the clerk gets provisional ones: shown, never swept,
    replaced when the clerk confirms it; it closes nothing and links nothing until then. ``current``: the letter's
    open obligations when it is planned again (see ``_reconcile``)."""
    status = row["status"]
    official = _is_official(row)
    if status in WAITING and status != "needs_review":  # unreadable, OCR or password needed: nothing to plan from
        summary.waiting += 1
        return
    if status == "secret":
        _alert_secret(conn, tracker, row)
        store.mark_built(conn, row["id"])
        summary.secret += 1
        return
    doubt = _doubt_note(row, tracker.min_confidence) if status == "new" else None
    if doubt and official:
        status = _to_review(conn, tracker, row, doubt)
    facts = letter_facts(conn, tracker, row)
    if facts.replies_to and not facts.deadlines:
        plan = ob_domain.Plan()  # an answer asks nothing more of anyone
    else:
        plan = ob_domain.plan(facts, office_unit_id=tracker.office_unit_id, registry=tracker.registry,
                              pack=tracker.pack, calendar=tracker.calendar)
    if status == "new" and ob_domain.FLAG_UNRESOLVED_UNIT in plan.flags:
        # a notice never goes to a unit the registry does not know unless a clerk confirmed it
        status = _to_review(conn, tracker, row, "có đơn vị không có trong danh mục")
    # a plain e-mail waits for no one: its sender must confirm in writing (Đ.4.5), so its duties are real now
    provisional = status == "needs_review" and official
    rows = [{**_obligation_row(p), "provisional": provisional} for p in plan.obligations]
    rows = _reconcile(conn, tracker, rows, list(current), actor)
    ids = store.add_obligations(conn, row["id"], rows, actor=actor)
    summary.obligations += len(ids)
    if plan.flags:
        summary.flags[row["id"]] = list(plan.flags)
        store.record(conn, [{"entity": "letter", "entity_id": row["id"], "action": "flag",
                             "after": ", ".join(plan.flags)}])
    store.mark_built(conn, row["id"])
    if provisional:
        summary.waiting += 1
        return
    if facts.direction == "out" and ids:
        _link_consultations(conn, tracker, facts, ids)
    summary.replies += _close_replied(conn, tracker, facts)
    answered = {normalize_number(n) for n in facts.replies_to}
    store.add_replies(conn, row["id"], answered)
    if cited is not None:
        cited |= answered
    if facts.doc_number and (ids or current) and (cited is None or normalize_number(facts.doc_number) in cited):
        # replies recorded before the letter they answer (a mailbox read out of order, or a letter confirmed late)
        for reply in store.replies_citing(conn, normalize_number(facts.doc_number), office=tracker.office_unit_id):
            summary.replies += _close_replied(conn, tracker, letter_facts(conn, tracker, reply),
                                              only=facts.doc_number)
    summary.letters += 1


_SAME_PLAN = ("rule", "start_date", "due_date", "on_lapse")


def _reconcile(conn, tracker: Tracker, planned: list[dict], current: list[dict], actor: str) -> list[dict]:
    """A letter planned again: an open obligation planned the same way stays as it is (its reminders already
    written stay written; a provisional one just becomes firm), as does one whose due date a clerk extended under
    the same rule; one planned otherwise, or no longer planned, is
    superseded and its unsigned drafts discarded. Returns the rows still to insert."""
    by_key = {(o["unit_key"], o["role"], o["kind"]): o for o in current}
    fresh = []
    for row in planned:
        key = (row["unit_key"], row["role"], row["kind"])
        old = by_key.get(key)
        # a due date a clerk extended stays the clerk's decision while the letter still asks the same of the unit
        if old is not None and (all(old[k] == row[k] for k in _SAME_PLAN)
                                or (old["basis"] == "extended" and old["rule"] == row["rule"])):
            del by_key[key]
            if old["provisional"] != row["provisional"]:
                store.edit_obligation(conn, old, {"provisional": row["provisional"]}, actor=actor,
                                      note="văn thư xác nhận văn bản")
        else:
            fresh.append(row)
    _supersede(conn, tracker, list(by_key.values()), actor)
    return fresh


def _to_review(conn, tracker: Tracker, row: dict, why: str) -> str:
    store.edit_letter(conn, row["id"], {"status": "needs_review"}, office=tracker.office_unit_id,
                      actor=store.SYSTEM, note=why)
    row["status"] = "needs_review"
    return "needs_review"


def _obligation_row(p: ob_domain.PlannedObligation) -> dict:
    d = p.deadline
    return {"unit_id": p.unit.unit_id, "unit_text": p.unit.text[:500],
            "unit_key": ob_domain.unit_key(p.unit.unit_id, p.unit.text), "role": p.role, "kind": p.kind,
            "rule": d.rule, "start_date": d.start, "due_date": d.due, "basis": d.basis, "on_lapse": d.on_lapse,
            "flags": list(d.flags)}


def letter_facts(conn, tracker: Tracker, row: dict) -> LetterFacts:
    """The domain's view of a recorded letter: extracted fields resolved against the registry."""
    ex: dict[str, Any] = row.get("extraction") or {}
    # the day of receipt; a letter with neither a receipt time nor a date counts from when it was recorded
    received = local_day(row["received_at"]) or row["issue_date"] or local_day(row["created_at"])
    on = row["issue_date"] or received
    reg = tracker.registry

    def ref(text: str | None, unit_id: str | None = None) -> UnitRef | None:
        if not text:
            return None
        if unit_id is None or unit_id not in reg.units:
            unit = reg.resolve(text, on)
            unit_id = unit.id if unit else None
        if unit_id is not None and not reg[unit_id].valid_on(on):
            # A unit that no longer existed that day: its work passed to its successor (the 2025 restructuring).
            current = reg.current(unit_id, on)
            if len(current) == 1:
                unit_id = current[0].id
        return UnitRef(text, unit_id)

    def refs(texts, ids=None) -> tuple[UnitRef, ...]:
        ids = list(ids or [])
        out = []
        for i, text in enumerate(texts or []):
            r = ref(text, ids[i] if i < len(ids) else None)
            if r is not None:
                out.append(r)
        return tuple(out)

    sources = store.source_addresses(conn, row["id"])
    sender = None
    for s in sources:
        unit = reg.by_email(_address(s.get("from_addr") or ""))
        if unit is not None:
            sender = UnitRef(unit.name, unit.id)
            break
    issuer_text = row.get("issuer") or ex.get("issuer")
    issuer_id = row.get("issuer_unit_id") or ex.get("issuer_unit_id")
    if issuer_id is None and issuer_text:
        unit = reg.resolve_letterhead(issuer_text, on)
        issuer_id = unit.id if unit else None
    issuer = ref(issuer_text, issuer_id)
    if row["direction"] == "out":
        issuer = UnitRef(tracker.office.name, tracker.office_unit_id)
    elif (issuer is None or issuer.unit_id is None) and sender is not None:
        issuer = sender
    recipients = refs(ex.get("recipients"), ex.get("recipient_unit_ids"))
    deadlines = []
    for d in ex.get("deadlines") or []:
        day, month_only = _deadline_day(d.get("date") or _quarter_end(d.get("quarter")))
        if day is None and d.get("recurring") == "monthly":
            day = _next_monthly(d.get("day_of_month"), received)
        applies = ref(d.get("applies_to"), d.get("unit_id"))
        deadlines.append(DeadlineFact(text=d.get("text") or "", date=day, month_only=month_only,
                                      relative_working_days=d.get("relative_working_days"), applies_to=applies,
                                      bound=_bound(d), time=_hour(d.get("time"))))
    meeting = ex.get("meeting") or {}
    meeting_date = None
    if meeting.get("datetime"):
        try:
            meeting_date = date.fromisoformat(str(meeting["datetime"])[:10])
        except ValueError:
            meeting_date = None
    return LetterFacts(
        letter_id=row["id"],
        direction=row["direction"],
        received=received,
        doc_number=row["doc_number"],
        doc_type=row["doc_type"],
        issuer=issuer,
        issue_date=row["issue_date"],
        subject=row["subject"],
        urgency=row["urgency"],
        recipients=recipients,
        lead_units=refs(ex.get("lead_units"), ex.get("lead_unit_ids")),
        cooperating_units=refs(ex.get("cooperating_units"), ex.get("cooperating_unit_ids")),
        deadlines=tuple(deadlines),
        meeting_date=meeting_date,
        replies_to=tuple(ex.get("replies_to") or ()),
        text=row.get("text") or "",
        official=_is_official(row),
        sender=sender,
    )


def _doubt_note(row: dict, min_confidence: float) -> str | None:
    """Why a letter must wait for the clerk (nlp.confidence's doubts on obligation fields), or None; a letter read
    before review routing (no ``review`` in its extraction) by its lowest confidence."""
    from nlp.confidence import OBLIGATION_FIELDS, doubts

    ex = row.get("extraction") or {}
    if "review" in ex:
        found = [d for d in doubts(ex) if d.field in OBLIGATION_FIELDS]
        return "; ".join(f"{d.field}: {d.reason}" for d in found) or None
    if row["confidence"] is not None and row["confidence"] < min_confidence:
        return f"độ tin cậy {row['confidence']:.2f} < {min_confidence:.2f}"
    return None


def _is_official(row: dict) -> bool:
    """An official letter has a number, or a type the reader is sure of; a plain e-mail has neither (Đ.4.5)."""
    ex = row.get("extraction") or {}
    return bool(row["doc_number"]) or float((ex.get("confidence") or {}).get("doc_type", 0.0)) >= 0.6


def _deadline_day(value: str | None) -> tuple[date | None, bool]:
    if not value:
        return None, False
    try:
        if len(value) == 7:  # yyyy-mm: the end of that month
            y, m = int(value[:4]), int(value[5:7])
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return nxt - timedelta(days=1), True
        return date.fromisoformat(value), False
    except ValueError:
        return None, False


def _next_monthly(day_of_month, after: date | None) -> date | None:
    """"trước ngày 15 hằng tháng": the first such day on or after ``after`` (the day the letter came), the day
    clamped to the month's length ("ngày 31" in April is the 30th)."""
    import calendar as _cal

    if not isinstance(day_of_month, int) or not 1 <= day_of_month <= 31 or after is None:
        return None
    year, month = after.year, after.month
    for _ in range(2):
        day = date(year, month, min(day_of_month, _cal.monthrange(year, month)[1]))
        if day >= after:
            return day
        year, month = year + (month == 12), month % 12 + 1
    return None


def _quarter_end(value: str | None) -> str | None:
    """"yyyy-mm" of a quarter's last month for nlp's "quarter" ("2025-Q3" -> "2025-09"), read as the end of it."""
    m = re.fullmatch(r"(\d{4})-Q([1-4])", str(value or ""))
    return f"{m.group(1)}-{int(m.group(2)) * 3:02d}" if m else None


def _bound(deadline: dict) -> str:
    """nlp's "bound" of a deadline ("before" for "trước ngày X"); a deadline without one is read as "by"."""
    return "before" if deadline.get("bound") == "before" else "by"


def _hour(value) -> str | None:
    """"HH:MM" when nlp gives a valid hour on the due day, else None."""
    m = re.fullmatch(r"([01]?\d|2[0-3])[:hg](\d{2})", str(value or "").strip())
    return f"{int(m.group(1)):02d}:{m.group(2)}" if m else None


def _address(header: str) -> str:
    from email.utils import parseaddr

    return parseaddr(header)[1]


def _close_replied(conn, tracker: Tracker, facts: LetterFacts, only: str | None = None) -> int:
    """A reply ("Phúc đáp Công văn số X") answers the replying unit's obligation for letter X, late or not."""
    replier = facts.issuer.unit_id if facts.issuer else None
    closed = 0
    for number in facts.replies_to:
        if only is not None and normalize_number(number) != normalize_number(only):
            continue
        key = normalize_number(number)
        for target in store.letters_numbered(conn, key, normalize_number, office=tracker.office_unit_id):
            if target["id"] == facts.letter_id:
                continue
            for ob in store.obligations_of_letter(conn, target["id"], live=True):
                # a provisional one is replaced when its letter is confirmed, and the reply closes that one then
                if ob["state"] in ("answered", "withdrawn") or ob["provisional"]:
                    continue
                if not ob_domain.reply_closes(ob["unit_id"], replier, tracker.registry, facts.received):
                    continue
                late = sweep_domain.is_late(ob["due_date"], facts.received)
                note = f"Trả lời bằng văn bản số {facts.doc_number or '(không số)'}" + (" (trễ hạn)" if late else "")
                store.answer(conn, ob, by_letter=facts.letter_id, on=facts.received, late=late, note=note)
                closed += 1
                if ob.get("consults_for"):
                    _answers_in(conn, tracker, ob["consults_for"], facts.received)
    return closed


# -- Đ.8.1.b: a department consulting others before it answers a ward ------------------------------------------

_CITED_NUMBER = re.compile(r"(?<![\w/])(\d{1,6}\s?/\s?[A-ZĐ][A-ZĐ0-9.\-–]{0,40})")


def _link_consultations(conn, tracker: Tracker, facts: LetterFacts, new_ids: list[int]) -> None:
    """An outgoing letter that cites a ward recommendation the office must answer is a consultation for it: the
    15 working days then run from the consulted units' answers, and the ward is kept informed."""
    owed = store.owed_ward_recommendations(conn, office=tracker.office_unit_id)
    if not owed:
        return
    cited = {normalize_number(m.group(1)) for m in _CITED_NUMBER.finditer(f"{facts.subject or ''}\n{facts.text}")}
    for rec in owed:
        if not rec["doc_number"] or normalize_number(rec["doc_number"]) not in cited:
            continue
        for ob_id in new_ids:
            ob = store.obligation(conn, ob_id, office=tracker.office_unit_id)
            store.edit_obligation(conn, ob, {"consults_for": rec["id"]},
                                  note=f"lấy ý kiến để trả lời kiến nghị {rec['doc_number']}")
        consulted = store.consultations_for(conn, rec["id"], office=tracker.office_unit_id)
        latest = max(c["due_date"] for c in consulted)
        expected = tracker.calendar.add_working_days(latest, int(tracker.pack.rule("ward-recommendation").working_days))
        store.edit_obligation(conn, rec, {"due_date": expected, "flags": sorted(set(rec["flags"]) | {"consulting"})},
                              note="Đ.8.1.b: thời hạn tính từ ngày nhận được trả lời của các đơn vị được lấy ý kiến "
                                   "(tạm tính theo hạn trả lời của các đơn vị)")
        _progress_draft(conn, tracker, rec, consulted, facts.received, expected, stage=str(facts.letter_id))


def _answers_in(conn, tracker: Tracker, rec_id: int, on: date) -> None:
    """All consulted units answered: the recommendation's 15 working days now run from the last answer."""
    from tracker.rules import Request, compute_deadline

    consulted = store.consultations_for(conn, rec_id, office=tracker.office_unit_id)
    if any(c["state"] != "answered" for c in consulted):
        return
    rec = next((r for r in store.owed_ward_recommendations(conn, office=tracker.office_unit_id) if r["id"] == rec_id), None)
    if rec is None:
        return
    last = max(c["answered_on"] for c in consulted)
    deadline = compute_deadline(tracker.pack, tracker.calendar, "ward-recommendation",
                                Request(received=rec["start_date"], answers_received=last))
    store.edit_obligation(conn, rec, {"due_date": deadline.due, "start_date": deadline.start},
                          note="Đ.8.1.b: đã nhận đủ trả lời của các đơn vị được lấy ý kiến")
    _progress_draft(conn, tracker, rec, consulted, on, deadline.due, stage="answers")


def _progress_draft(conn, tracker: Tracker, rec: dict, consulted: list[dict], today: date, expected: date,
                    *, stage: str) -> None:
    from tracker.drafting import letter_label, vn_date

    key = f"progress:{rec['id']}:{stage}"
    if store.existing_keys(conn, [key], office=tracker.office_unit_id):
        return
    ward = tracker.registry.get(rec["issuer_unit_id"]) or (tracker.registry.resolve(rec["issuer"] or "", today))
    ward_name = ward.name if ward else (rec["issuer"] or "")
    context = {
        "kind": "progress", "today": today.isoformat(),
        "office": {"id": tracker.office.id, "name": tracker.office.name},
        "to_unit": {"id": ward.id if ward else None, "name": ward_name},
        "request": {"number": rec["doc_number"], "type": rec["doc_type"] or "Công văn",
                    "date": (rec["issue_date"] or rec["start_date"]).isoformat(), "subject": rec["subject"],
                    "issuer": ward_name},
        "received": rec["start_date"].isoformat(),
        "consulted": [{"unit": (tracker.registry.get(c["unit_id"]).name if tracker.registry.get(c["unit_id"])
                                else c["unit_text"]),
                       "letter_number": c["doc_number"] or "(không số)", "sent": c["start_date"].isoformat(),
                       "due": c["due_date"].isoformat(),
                       "answered": c["answered_on"].isoformat() if c["answered_on"] else None} for c in consulted],
        "expected_by": expected.isoformat(),
        "articles": list(tracker.pack.rule("ward-recommendation").articles),
        "regulation": tracker.pack.decision,
    }
    subject = (f"Thông tin tiến độ giải quyết {letter_label(rec['doc_type'], rec['doc_number'])} của {ward_name} "
               f"(dự kiến trả lời trước ngày {vn_date(expected)})")
    store.add_drafts(conn, [{"kind": "progress", "dedupe_key": key, "obligation_id": rec["id"],
                             "letter_id": rec["letter_id"], "to_unit_id": ward.id if ward else None,
                             "to_unit": ward_name, "letter_number": rec["doc_number"], "due_date": expected,
                             "subject": subject, "context": context, "sweep_date": today}],
                     office=tracker.office_unit_id)


def _alert_secret(conn, tracker: Tracker, row: dict) -> None:
    """A letter with a secrecy mark came by ordinary e-mail: tell the office, keep the content out."""
    key = f"alert:secret:{row['id']}"
    if store.draft_key_exists(conn, key, office=tracker.office_unit_id):
        return
    context = {"kind": "alert", "reason": "secret", "secrecy": row.get("secrecy"),
               "letter": {"number": row["doc_number"], "issuer": row["issuer"],
                          "date": row["issue_date"].isoformat() if row["issue_date"] else None},
               "office": {"id": tracker.office_unit_id, "name": tracker.office.name}}
    subject = (f"Cảnh báo: văn bản mật ({row.get('secrecy') or 'Mật'}) số {row['doc_number'] or '(không rõ số)'} "
               "được gửi qua thư điện tử thông thường")
    store.add_drafts(conn, [{"kind": "alert", "dedupe_key": key, "letter_id": row["id"],
                             "to_unit_id": tracker.office_unit_id, "to_unit": tracker.office.name,
                             "letter_number": row["doc_number"], "subject": subject, "context": context}],
                     office=tracker.office_unit_id)


# -- the clerk ---------------------------------------------------------------------------------------------------

_TEXT_FIELDS = ("doc_number", "doc_type", "place", "subject")
_UNIT_LISTS = {"recipients": "recipient_unit_ids", "lead_units": "lead_unit_ids",
               "cooperating_units": "cooperating_unit_ids"}
EDITABLE = (*_TEXT_FIELDS, "issuer", "issue_date", "urgency", *_UNIT_LISTS, "replies_to", "deadline")
_DRAFT_LIVE = ("pending", "approved", "delivered")  # not yet signed nor discarded


def _actor(actor) -> str:
    return validation.required(actor, "tên người thực hiện (--by)")


def _letter_of(conn, tracker: Tracker, letter_id: int) -> dict:
    row = store.letter(conn, int(letter_id), office=tracker.office_unit_id)
    if row is None:
        raise NotFound(f"Không có văn bản số {letter_id} của {tracker.office.name}.")
    return row


def _obligation_of(conn, tracker: Tracker, obligation_id: int, allowed: tuple[str, ...] | None = None,
                   doing: str = "") -> dict:
    """The office's obligation (NotFound otherwise); with ``allowed``, one a clerk may act on in that state."""
    ob = store.obligation(conn, int(obligation_id), office=tracker.office_unit_id)
    if ob is None:
        raise NotFound(f"Không có nghĩa vụ số {obligation_id} của {tracker.office.name}.")
    if allowed is None:
        return ob
    if ob["provisional"]:
        raise Conflict(f"Nghĩa vụ số {obligation_id} đang tạm tính vì văn bản chưa được xác nhận: hãy xác nhận văn "
                       f"bản {ob['letter_id']} trước (congvan review confirm).")
    if ob["state"] not in allowed:
        raise Conflict(f"Không thể {doing} nghĩa vụ số {obligation_id} đang ở trạng thái «{STATE_VN[ob['state']]}»: "
                       f"chỉ được khi nghĩa vụ {' hoặc '.join(STATE_VN[s] for s in allowed)}.")
    return ob


def _draft_of(conn, tracker: Tracker, draft_id: int, allowed: tuple[str, ...] | None = None, doing: str = "") -> dict:
    row = store.draft(conn, int(draft_id), office=tracker.office_unit_id)
    if row is None:
        raise NotFound(f"Không có dự thảo số {draft_id} của {tracker.office.name}.")
    if allowed is not None and row["status"] not in allowed:
        raise Conflict(f"Không thể {doing} dự thảo số {draft_id} đang ở trạng thái «{DRAFT_STATUS_VN[row['status']]}»: "
                       f"chỉ được khi dự thảo {' hoặc '.join(DRAFT_STATUS_VN[s] for s in allowed)}.")
    return row


STATE_VN = {"open": "đang chờ", "answered": "đã trả lời", "deemed_agreed": "xem như đồng ý",
            "escalated": "đã báo cáo vượt", "overdue": "quá hạn", "withdrawn": "đã rút",
            "superseded": "đã thay thế"}
DRAFT_STATUS_VN = {"pending": "mới", "approved": "đã duyệt", "discarded": "đã hủy", "signed": "đã ký",
                   "delivered": "đã đưa vào Thư nháp"}


def _units(tracker: Tracker, texts: list[str], on: date | None, what: str, *, letterhead: bool = False) -> list:
    """The registry's units for names as a clerk writes them; every one it does not know is named in the error."""
    reg = tracker.registry
    found, unknown = [], []
    for text in texts:
        unit = reg.get(text) or (reg.resolve_letterhead(text, on) if letterhead else reg.resolve(text, on))
        (found if unit is not None else unknown).append(unit or text)
    if unknown:
        raise InvalidInput(f"{what} không có trong danh mục đơn vị: {', '.join(f'«{t}»' for t in unknown)}; dùng "
                           "tên, tên viết tắt hoặc mã trong 'congvan units', hoặc thêm bằng 'congvan units add'.")
    return found


def _validated(tracker: Tracker, row: dict, changes: dict) -> tuple[dict, dict]:
    """(letter column changes, extraction) for a clerk's corrections; InvalidInput names what is allowed."""
    extraction = dict(row.get("extraction") or {})
    columns: dict[str, Any] = {}
    unknown = [f for f in changes if f not in EDITABLE]
    if unknown:
        raise InvalidInput(f"Không sửa được trường «{unknown[0]}»: chỉ sửa được {', '.join(EDITABLE)}.")
    on = row["issue_date"]
    if "issue_date" in changes:
        on = columns["issue_date"] = validation.parse_user_date(changes["issue_date"])
        extraction["issue_date"] = on.isoformat()
    for name in _TEXT_FIELDS:
        if name in changes:
            value = validation.clean(changes[name]) or None
            columns[name] = extraction[name] = value
    if "urgency" in changes:
        columns["urgency"] = extraction["urgency"] = validation.urgency(changes["urgency"])
    if "issuer" in changes:
        (unit,) = _units(tracker, [validation.clean(changes["issuer"])], on, "Cơ quan ban hành", letterhead=True)
        columns["issuer"] = extraction["issuer"] = validation.clean(changes["issuer"])
        columns["issuer_unit_id"] = extraction["issuer_unit_id"] = unit.id
    for name, ids_key in _UNIT_LISTS.items():
        if name in changes:
            units = _units(tracker, _as_list(changes[name]), on, "Đơn vị")
            extraction[name] = [u.name for u in units]
            extraction[ids_key] = [u.id for u in units]
    if "replies_to" in changes:
        extraction["replies_to"] = [validation.clean(n) for n in _as_list(changes["replies_to"])]
    if "deadline" in changes:
        text = validation.clean(changes["deadline"])
        due = validation.parse_user_date(text) if text else None
        extraction["deadlines"] = [] if due is None else [
            {"text": f"hạn {due:%d/%m/%Y} (văn thư xác nhận)", "date": due.isoformat(),
             "relative_working_days": None, "applies_to": None}]
    columns["extraction"] = extraction
    return columns, extraction


def _as_list(value) -> list[str]:
    items = value.split(";") if isinstance(value, str) else list(value or [])
    return [validation.clean(v) for v in items if validation.clean(v)]


def confirm_letter(tracker: Tracker, letter_id: int, *, actor: str, changes: dict | None = None) -> BuildSummary:
    """A clerk confirms a letter's fields, correcting some (validated: units from the registry, urgency from NĐ 30's
    marks, dates as clerks write them). The letter is then planned again in the same transaction: an open
    obligation planned the same way is kept (a provisional one becomes firm), one planned otherwise is superseded
    and its unsigned drafts discarded; obligations already answered or lapsed are kept, and the database refuses
    any double. Every change is in the history."""
    actor = _actor(actor)
    summary = BuildSummary()
    with tracker.engine.begin() as conn:
        row = _letter_of(conn, tracker, letter_id)
        columns, _ = _validated(tracker, row, dict(changes or {}))
        if row["status"] in ("new", *WAITING):
            columns["status"] = "confirmed"
        store.edit_letter(conn, row["id"], columns, office=tracker.office_unit_id, actor=actor,
                          note="văn thư xác nhận")
        current = [o for o in store.obligations_of_letter(conn, row["id"], live=True)
                   if o["state"] == sweep_domain.OPEN] if row["obligations_built"] else []
        _build_letter(conn, tracker, _letter_of(conn, tracker, row["id"]), summary, actor=actor, current=current)
    return summary


def _supersede(conn, tracker: Tracker, obs: list[dict], actor: str) -> None:
    store.set_state(conn, [(o["id"], o["state"], store.SUPERSEDED) for o in obs], actor=actor,
                    note="văn thư xác nhận, sửa văn bản: nghĩa vụ được lập lại")
    _discard_drafts_of(conn, tracker, [o["id"] for o in obs], actor, "nghĩa vụ đã được lập lại")


def _discard_drafts_of(conn, tracker: Tracker, obligation_ids: list[int], actor: str, reason: str) -> None:
    """Unsigned drafts about these obligations are no longer true: discarded, with the reason in the history."""
    for d in store.drafts_of_obligations(conn, obligation_ids, office=tracker.office_unit_id, statuses=_DRAFT_LIVE):
        store.change_draft(conn, d, {"status": "discarded"}, actor=actor, note=reason)


def close_obligation(tracker: Tracker, obligation_id: int, *, actor: str, answer_number: str, answer_date,
                     via: str, note: str | None = None) -> dict:
    """An answer that came another way (on paper, through the e-office system, by e-mail...): the obligation is
    answered on ``answer_date`` by letter ``answer_number``, late or not; unsigned reminders about it are discarded."""
    actor = _actor(actor)
    number = validation.required(answer_number, "số văn bản trả lời (--number)")
    day = validation.parse_user_date(answer_date)
    how = validation.via(via)
    with tracker.engine.begin() as conn:
        ob = _obligation_of(conn, tracker, obligation_id, ("open", "overdue", "deemed_agreed", "escalated"),
                            "ghi nhận trả lời cho")
        if day < ob["start_date"]:
            raise InvalidInput(f"Ngày trả lời {day:%d/%m/%Y} trước ngày nhận yêu cầu {ob['start_date']:%d/%m/%Y}.")
        late = sweep_domain.is_late(ob["due_date"], day)
        text = f"Trả lời bằng văn bản số {number} ngày {day:%d/%m/%Y} qua {how}" + (" (trễ hạn)" if late else "")
        store.edit_obligation(conn, ob, {"state": sweep_domain.ANSWERED, "answered_on": day, "late": late,
                                         "answer_number": number, "answer_via": how}, actor=actor,
                              note="; ".join(filter(None, [text, validation.clean(note)])))
        _discard_drafts_of(conn, tracker, [ob["id"]], actor, "đơn vị đã trả lời")
        if ob.get("consults_for"):
            _answers_in(conn, tracker, ob["consults_for"], day)
        return store.obligation(conn, ob["id"], office=tracker.office_unit_id)


def extend_obligation(tracker: Tracker, obligation_id: int, *, actor: str, new_due, reason: str) -> dict:
    """A new due day, granted for a reason: reminders count down to it afresh (those for the old day are
    discarded unless signed)."""
    actor = _actor(actor)
    reason = validation.required(reason, "lý do gia hạn (--reason)")
    due = validation.parse_user_date(new_due)
    with tracker.engine.begin() as conn:
        ob = _obligation_of(conn, tracker, obligation_id, ("open", "overdue"), "gia hạn")
        if due <= ob["due_date"]:
            raise InvalidInput(f"Hạn mới {due:%d/%m/%Y} phải sau hạn hiện tại {ob['due_date']:%d/%m/%Y}.")
        _discard_drafts_of(conn, tracker, [ob["id"]], actor, f"gia hạn đến {due:%d/%m/%Y}")
        store.retire_reminder_keys(conn, ob["id"], f"~{ob['due_date'].isoformat()}", office=tracker.office_unit_id)
        store.edit_obligation(conn, ob, {"due_date": due, "state": sweep_domain.OPEN, "basis": "extended",
                                         "flags": sorted(set(ob["flags"] or []) | {"extended"})},
                              actor=actor, note=f"gia hạn: {reason}")
        return store.obligation(conn, ob["id"], office=tracker.office_unit_id)


def withdraw_obligation(tracker: Tracker, obligation_id: int, *, actor: str, reason: str) -> dict:
    """The request is withdrawn: nothing more is owed, nothing more is drafted."""
    actor = _actor(actor)
    reason = validation.required(reason, "lý do rút yêu cầu (--reason)")
    with tracker.engine.begin() as conn:
        ob = _obligation_of(conn, tracker, obligation_id, ("open", "overdue"), "rút")
        store.edit_obligation(conn, ob, {"state": sweep_domain.WITHDRAWN}, actor=actor, note=f"rút yêu cầu: {reason}")
        _discard_drafts_of(conn, tracker, [ob["id"]], actor, f"yêu cầu đã rút: {reason}")
        return store.obligation(conn, ob["id"], office=tracker.office_unit_id)


def approve_draft(tracker: Tracker, draft_id: int, *, actor: str) -> dict:
    """The clerk checked the draft: ready for the leader to sign."""
    actor = _actor(actor)
    with tracker.engine.begin() as conn:
        row = _draft_of(conn, tracker, draft_id, ("pending", "delivered"), "duyệt")
        store.change_draft(conn, row, {"status": "approved"}, actor=actor, note="văn thư duyệt")
        return store.draft(conn, row["id"], office=tracker.office_unit_id)


def discard_draft(tracker: Tracker, draft_id: int, *, actor: str, reason: str | None = None) -> dict:
    actor = _actor(actor)
    with tracker.engine.begin() as conn:
        row = _draft_of(conn, tracker, draft_id, _DRAFT_LIVE, "hủy")
        store.change_draft(conn, row, {"status": "discarded"}, actor=actor,
                           note=validation.clean(reason) or "văn thư hủy dự thảo")
        return store.draft(conn, row["id"], office=tracker.office_unit_id)


def sign_draft(tracker: Tracker, draft_id: int, *, actor: str, number: str, signed_on) -> dict:
    """The leader signed it: the number and date given at signing are recorded, in the draft's context too, so the
    notice rendered from now on is the signed record."""
    actor = _actor(actor)
    number = validation.required(number, "số văn bản đã ký (--number)")
    day = validation.parse_user_date(signed_on)
    with tracker.engine.begin() as conn:
        row = _draft_of(conn, tracker, draft_id, _DRAFT_LIVE, "ghi số, ngày ký cho")
        made = row["sweep_date"] or local_day(row["created_at"])
        if made is not None and day < made:
            raise InvalidInput(f"Ngày ký {day:%d/%m/%Y} trước ngày lập dự thảo {made:%d/%m/%Y}.")
        other = store.draft_signed_as(conn, number, office=tracker.office_unit_id)
        if other is not None and other != row["id"]:
            raise Conflict(f"Số {number} đã được ghi cho dự thảo {other}: mỗi văn bản ký một số riêng.")
        context = {**(row["context"] or {}), "signed": {"number": number, "date": day.isoformat()}}
        store.change_draft(conn, row, {"status": "signed", "signed_number": number, "signed_on": day,
                                       "context": context, "body_text": None, "body_html": None, "docx": None,
                                       "eml": None}, actor=actor, note=f"đã ký, số {number} ngày {day:%d/%m/%Y}")
        return store.draft(conn, row["id"], office=tracker.office_unit_id)


def add_unit(tracker: Tracker, *, actor: str, name: str, kind: str, unit_id: str | None = None, short: str = "",
             aliases=(), emails=(), parent: str | None = None):
    """A unit the registry data lacks, added to this database so that a clerk can confirm letters naming it."""
    from tracker.db import units as unit_rows
    from tracker.units import Unit, name_key

    actor = _actor(actor)
    name = validation.required(name, "tên đơn vị")
    existing = tracker.registry.get(unit_id) or tracker.registry.resolve(name)
    if existing is not None and (existing.id == unit_id or name_key(name) in
                                 {name_key(n) for n in (existing.name, *existing.aliases)}):
        raise Conflict(f"Đơn vị «{name}» đã có trong danh mục: {existing.name} ({existing.id}).")
    if parent and tracker.registry.get(parent) is None:
        raise InvalidInput(f"Đơn vị cấp trên «{parent}» không có trong danh mục (dùng mã trong 'congvan units').")
    unit_id = validation.clean(unit_id) or "them." + validation.ascii_slug(name)[:58]
    unit = Unit(id=unit_id, name=name, short=validation.clean(short), kind=kind, parent=parent,
                aliases=tuple(dict.fromkeys(validation.clean(a) for a in (*aliases, short) if validation.clean(a))),
                emails=tuple(e.strip() for e in emails if e.strip()))
    with tracker.engine.begin() as conn:
        unit_rows.add(conn, unit)
        store.record(conn, [{"entity": "unit", "entity_id": 0, "action": "create", "field": "id", "after": unit.id,
                             "actor": actor, "note": unit.name}])
    return unit


# -- reading, for the command line and the web page (never SQL outside tracker/db) ------------------------------

def list_obligations(tracker: Tracker, *, state: str | None = None) -> list[dict]:
    """The office's obligations with their letters' numbers, by due date (superseded ones only when asked for)."""
    with tracker.engine.connect() as conn:
        return store.list_obligations(conn, office=tracker.office_unit_id, state=state)


def list_drafts(tracker: Tracker, *, status: str | tuple[str, ...] | None = None) -> list[dict]:
    with tracker.engine.connect() as conn:
        return store.list_drafts(conn, office=tracker.office_unit_id, status=status)


def waiting_letters(tracker: Tracker) -> list[dict]:
    """Letters that wait for the clerk: to review, to read by OCR, to open with a password, unreadable."""
    with tracker.engine.connect() as conn:
        return store.waiting_letters(conn, office=tracker.office_unit_id, statuses=WAITING)


def get_letter(tracker: Tracker, letter_id: int) -> dict:
    with tracker.engine.connect() as conn:
        return _letter_of(conn, tracker, letter_id)


def get_obligation(tracker: Tracker, obligation_id: int) -> dict:
    with tracker.engine.connect() as conn:
        return _obligation_of(conn, tracker, obligation_id)


def get_draft(tracker: Tracker, draft_id: int) -> dict:
    with tracker.engine.connect() as conn:
        return _draft_of(conn, tracker, draft_id)


def history(tracker: Tracker, entity: str, entity_id: int) -> list[dict]:
    """The history of one letter, obligation or draft of the office, oldest first."""
    finders = {"letter": store.letter, "obligation": store.obligation, "draft": store.draft}
    if entity not in finders:
        raise InvalidInput(f"Không có lịch sử cho «{entity}»: chỉ có letter, obligation, draft.")
    with tracker.engine.connect() as conn:
        if finders[entity](conn, int(entity_id), office=tracker.office_unit_id) is None:
            raise NotFound(f"Không có {entity} số {entity_id} của {tracker.office.name}.")
        return store.history_of(conn, entity, int(entity_id))


# -- the daily sweep ---------------------------------------------------------------------------------------------

@contextlib.contextmanager
def _cycle_collector_paused():
    """Python's cycle collector paused while a sweep builds tens of thousands of small acyclic objects (rows,
    contexts, parameters): each full collection walks every object alive, and a sweep meeting 27,000 lapses set
    off enough of them to cost a quarter of its time. Reference counting frees everything as usual meanwhile; the
    collector resumes after (if it was on), for any cycle left."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def sweep(tracker: Tracker, today: date) -> SweepSummary:
    """Reminders, lapses, escalations and Đ.10.2 reports due ``today``, written as drafts; idempotent. Under the
    office's lock: sweeps run at once take turns, and the later ones find the drafts written and write nothing."""
    from dataclasses import replace

    from tracker import drafting

    summary = SweepSummary(today)
    pack = tracker.pack
    horizon = tracker.calendar.add_working_days(today, max(tracker.days_before, default=0))
    with locks.office_lock(tracker.engine, tracker.office_unit_id), _cycle_collector_paused(), \
            tracker.engine.begin() as conn:
        window, details = store.sweep_window(conn, horizon, office=tracker.office_unit_id)
        candidates = [o if pack.on_lapse(o.rule, o.on_lapse) == o.on_lapse
                      else replace(o, on_lapse=pack.on_lapse(o.rule, o.on_lapse)) for o in window]
        done = store.existing_draft_keys(conn, [o.id for o in candidates])
        actions = sweep_domain.decide(candidates, today, tracker.calendar, days_before=tracker.days_before,
                                      done=done, report_after=pack.report_after_working_days)
        moves = [(a.obligation.id, a.obligation.state, a.new_state) for a in actions
                 if a.new_state and a.new_state != a.obligation.state]
        store.set_state(conn, moves, note=f"quá hạn, quét ngày {today.isoformat()}")
        for ob_id, _, new_state in moves:
            details[ob_id]["state"] = new_state
        rows = drafting.drafts_for_actions(tracker, actions, details, today, conn)
        rows += drafting.silent_unit_reports(tracker, conn, actions, details, today)
        store.add_drafts(conn, rows, office=tracker.office_unit_id)
        digest = drafting.weekly_digest(tracker, conn, today)
        store.add_drafts(conn, digest, office=tracker.office_unit_id)
    for a in actions:
        if a.draft_kind == "reminder":
            summary.reminders += 1
        if a.new_state == sweep_domain.ESCALATED:
            summary.escalated += 1
        elif a.new_state == sweep_domain.DEEMED_AGREED:
            summary.deemed_agreed += 1
        elif a.new_state == sweep_domain.OVERDUE and a.obligation.state != sweep_domain.OVERDUE:
            summary.overdue += 1
    summary.reports = sum(1 for r in rows if r["kind"] in ("escalation", "noncooperation")
                          and r.get("obligation_id") is None)
    summary.digest = bool(digest)
    return summary
