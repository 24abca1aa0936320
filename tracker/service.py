"""Use cases of the tracker: build obligations from recorded letters, close them with replies, sweep them daily,
and let a clerk confirm or correct a letter. Each use case runs in one transaction.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Engine

from tracker import obligations as ob_domain
from tracker import sweep as sweep_domain
from tracker.calendar import WorkingCalendar
from tracker.db import store
from tracker.obligations import DeadlineFact, LetterFacts, UnitRef, normalize_number
from tracker.rules import RulePack
from tracker.units import UnitRegistry

log = logging.getLogger(__name__)

LOCAL = timezone(timedelta(hours=7))  # Asia/Ho_Chi_Minh has had no daylight saving since 1975
KEY_FIELDS = ("doc_number", "issue_date", "issuer", "subject")
WAITING = ("needs_review", "needs_ocr", "needs_password", "unreadable")


class ServiceError(ValueError):
    """A use case refused: ``str()`` is one Vietnamese line that says what is allowed."""


class NotFound(ServiceError):
    """No such letter, obligation or draft in this office."""


class InvalidInput(ServiceError):
    """A value the clerk gave is not one the use case accepts."""


class Conflict(ServiceError):
    """The thing is not in a state that allows this (a closed obligation, a signed draft...)."""


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


def local_day(moment: datetime | None) -> date | None:
    if moment is None:
        return None
    if moment.tzinfo is None:  # SQLite hands back naive UTC
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(LOCAL).date()


# -- letters -> obligations -------------------------------------------------------------------------------------

def build_obligations(tracker: Tracker) -> BuildSummary:
    """Turn every letter recorded since the last call into obligations, and close what its replies answer."""
    summary = BuildSummary()
    with tracker.engine.begin() as conn:
        for row in store.pending_letters(conn, office=tracker.office_unit_id):
            status = row["status"]
            if status in WAITING and not (status == "needs_review" and not _is_official(row)):
                summary.waiting += 1  # a plain e-mail (no official letter) needs no confirmation of its fields
                continue
            if status == "secret":
                _alert_secret(conn, tracker, row)
                store.mark_built(conn, row["id"])
                summary.secret += 1
                continue
            if status == "new" and row["confidence"] is not None and row["confidence"] < tracker.min_confidence \
                    and _is_official(row):
                store.edit_letter(conn, row["id"], {"status": "needs_review"}, office=tracker.office_unit_id,
                                  actor=store.SYSTEM,
                                  note=f"độ tin cậy {row['confidence']:.2f} < {tracker.min_confidence:.2f}")
                summary.waiting += 1
                continue
            facts = letter_facts(conn, tracker, row)
            if facts.replies_to and not facts.deadlines:
                plan = ob_domain.Plan()  # an answer asks nothing more of anyone
            else:
                plan = ob_domain.plan(facts, office_unit_id=tracker.office_unit_id, registry=tracker.registry,
                                      pack=tracker.pack, calendar=tracker.calendar)
            rows = [_obligation_row(p) for p in plan.obligations]
            ids = store.add_obligations(conn, row["id"], rows)
            summary.obligations += len(rows)
            if facts.direction == "out" and ids:
                _link_consultations(conn, tracker, facts, ids)
            summary.replies += _close_replied(conn, tracker, facts)
            store.add_replies(conn, row["id"], (normalize_number(n) for n in facts.replies_to))
            if facts.doc_number and ids:
                # replies recorded before the letter they answer (a mailbox read out of order)
                for reply in store.replies_citing(conn, normalize_number(facts.doc_number),
                                                   office=tracker.office_unit_id):
                    summary.replies += _close_replied(conn, tracker, letter_facts(conn, tracker, reply),
                                                      only=facts.doc_number)
            if plan.flags:
                summary.flags[row["id"]] = list(plan.flags)
                store.record(conn, [{"entity": "letter", "entity_id": row["id"], "action": "flag",
                                     "after": ", ".join(plan.flags)}])
            store.mark_built(conn, row["id"])
            summary.letters += 1
    return summary


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
        day, month_only = _deadline_day(d.get("date"))
        applies = ref(d.get("applies_to"), d.get("unit_id"))
        deadlines.append(DeadlineFact(text=d.get("text") or "", date=day, month_only=month_only,
                                      relative_working_days=d.get("relative_working_days"), applies_to=applies))
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
            for ob in store.obligations_of_letter(conn, target["id"]):
                if ob["state"] in ("answered", "withdrawn"):
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

def confirm_letter(tracker: Tracker, letter_id: int, *, actor: str, changes: dict | None = None) -> None:
    """A clerk confirms a letter's fields, correcting some: the letter then creates its obligations. Corrections
    of units made before obligations exist replace the extracted ones; every edit is kept in the history."""
    changes = dict(changes or {})
    with tracker.engine.begin() as conn:
        row = store.letter(conn, letter_id, office=tracker.office_unit_id)
        if row is None:
            raise KeyError(f"no letter {letter_id}")
        extraction = dict(row.get("extraction") or {})
        column_changes = {}
        for field_name, value in changes.items():
            if field_name in ("doc_number", "doc_type", "issuer", "place", "subject", "urgency"):
                column_changes[field_name] = value
                extraction[field_name] = value
            elif field_name == "issue_date":
                column_changes[field_name] = date.fromisoformat(value) if isinstance(value, str) else value
                extraction[field_name] = str(value)
            elif field_name in ("recipients", "lead_units", "cooperating_units", "replies_to"):
                extraction[field_name] = list(value)
                extraction.pop(field_name[:-1] + "_ids" if field_name.endswith("s") else field_name, None)
                extraction.pop({"recipients": "recipient_unit_ids", "lead_units": "lead_unit_ids",
                                "cooperating_units": "cooperating_unit_ids"}.get(field_name, ""), None)
            else:
                raise ValueError(f"field {field_name!r} cannot be edited")
        column_changes["extraction"] = extraction
        if row["status"] in ("new", "needs_review"):
            column_changes["status"] = "confirmed"
        store.edit_letter(conn, letter_id, column_changes, office=tracker.office_unit_id, actor=actor,
                          note="văn thư xác nhận")
        if row["obligations_built"]:
            _rebuild_open_obligations(conn, tracker, letter_id, actor)
    build_obligations(tracker)


def _rebuild_open_obligations(conn, tracker: Tracker, letter_id: int, actor: str) -> None:
    """After a correction, open obligations not yet acted on are withdrawn and the letter planned again."""
    obs = store.obligations_of_letter(conn, letter_id)
    store.set_state(conn, [(o["id"], o["state"], sweep_domain.WITHDRAWN) for o in obs if o["state"] == "open"],
                    actor=actor, note="văn thư sửa thông tin văn bản")
    from sqlalchemy import update

    from tracker.db.schema import letters

    conn.execute(update(letters).where(letters.c.id == letter_id).values(obligations_built=False))


# -- the daily sweep ---------------------------------------------------------------------------------------------

def sweep(tracker: Tracker, today: date) -> SweepSummary:
    """Reminders, lapses and escalations due ``today``, written as drafts; idempotent."""
    from tracker import drafting

    summary = SweepSummary(today)
    horizon = tracker.calendar.add_working_days(today, max(tracker.days_before, default=0))
    with tracker.engine.begin() as conn:
        candidates = store.open_obligations_due_by(conn, horizon, office=tracker.office_unit_id)
        done = store.existing_draft_keys(conn, [o.id for o in candidates])
        actions = sweep_domain.decide(candidates, today, tracker.calendar, days_before=tracker.days_before,
                                      done=done)
        store.set_state(conn, [(a.obligation.id, sweep_domain.OPEN, a.new_state) for a in actions if a.new_state],
                        note=f"quá hạn, quét ngày {today.isoformat()}")
        details = store.obligation_details(conn, [a.obligation.id for a in actions], office=tracker.office_unit_id)
        rows = drafting.drafts_for_actions(tracker, actions, details, today)
        rows += drafting.silent_unit_reports(tracker, conn, actions, details, today)
        store.add_drafts(conn, rows, office=tracker.office_unit_id)
        digest = drafting.weekly_digest(tracker, conn, today)
        store.add_drafts(conn, digest, office=tracker.office_unit_id)
    for a in actions:
        if a.draft_kind == "reminder":
            summary.reminders += 1
        elif a.new_state == sweep_domain.ESCALATED:
            summary.escalated += 1
        elif a.new_state == sweep_domain.DEEMED_AGREED:
            summary.deemed_agreed += 1
    summary.reports = sum(1 for r in rows if r["kind"] == "escalation" and r.get("obligation_id") is None)
    summary.digest = bool(digest)
    return summary
