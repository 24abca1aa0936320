"""From a letter to the obligations it creates: who owes what to whom, under which rule, by when.

Pure domain logic: a letter arrives as ``LetterFacts`` (already extracted and resolved against the unit registry),
and the plan comes back as ``PlannedObligation`` values with their computed ``Deadline``. Nothing here reads the
clock, the database or the network.

How a letter is read (QĐ 1342/QĐ-UBND):
- a giấy mời that asks for opinions: the invited units owe a written opinion 7 working days after the meeting
  (Đ.7.3.b);
- a ward's recommendation (kiến nghị) to a department: 15 working days, escalated when unanswered (Đ.8.1.b);
- a request for opinions: written consultation (Đ.7.3.a), or ward consultation when a ward is asked (Đ.8.2.a);
- a request to send staff: personnel (Đ.4.4, a refusal must be reasoned in writing);
- an assignment naming lead and cooperating units: tasks with the letter's deadlines (Đ.9.1), flagged when it
  lacks what Đ.9.1 requires;
- any other request with a time: other forms, capped at 15 working days (Đ.7.3.c);
- an e-mail that asks without an official letter: the sender must confirm in writing (Đ.4.5).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from tracker.calendar import WorkingCalendar
from tracker.rules import Deadline, Request, RulePack, compute_deadline
from tracker.units import UnitRegistry

# Flags for the clerk about a whole letter.
FLAG_ASSIGNMENT_INCOMPLETE = "assignment_missing_{}"  # Đ.9.1: lead | deadline | report_deadline
FLAG_UNRESOLVED_UNIT = "unresolved_unit"


@dataclass(frozen=True)
class UnitRef:
    """A unit as the letter writes it, and the registry's id for it (None when it matched nothing)."""

    text: str
    unit_id: str | None = None


@dataclass(frozen=True)
class DeadlineFact:
    text: str
    date: date | None = None  # a day; month-level deadlines arrive as the month's last day with month_only
    relative_working_days: int | None = None
    applies_to: UnitRef | None = None
    month_only: bool = False
    kind: str = "answer"  # answer | finish | report
    bound: str = "by"  # "before": "trước ngày X" (ends at the end of the working day before X); "by": the end of X
    time: str | None = None  # "16:00": an hour the letter gives on that day


@dataclass(frozen=True)
class LetterFacts:
    letter_id: int
    direction: str  # in | out
    received: date  # local day of receipt; for a letter sent by e-mail, the day it was sent
    doc_number: str | None = None
    doc_type: str | None = None
    issuer: UnitRef | None = None
    issue_date: date | None = None
    subject: str | None = None
    urgency: str | None = None
    recipients: tuple[UnitRef, ...] = ()
    lead_units: tuple[UnitRef, ...] = ()
    cooperating_units: tuple[UnitRef, ...] = ()
    deadlines: tuple[DeadlineFact, ...] = ()
    meeting_date: date | None = None
    replies_to: tuple[str, ...] = ()
    text: str = ""  # the letter's text (for the request's wording); empty for secret letters
    official: bool = True  # False for an e-mail that carries no official letter (Đ.4.5)
    sender: UnitRef | None = None  # who sent the e-mail (for e-mail-only requests)


@dataclass(frozen=True)
class PlannedObligation:
    unit: UnitRef
    role: str  # addressee | lead | cooperating | self
    kind: str  # answer | task | report | confirm_in_writing
    deadline: Deadline


@dataclass(frozen=True)
class Plan:
    obligations: tuple[PlannedObligation, ...] = ()
    flags: tuple[str, ...] = ()
    rule: str | None = None


# The types that invite to a meeting (NĐ 30 names the giấy mời; thư mời and giấy triệu tập are the same in use).
_INVITATIONS = ("giấy mời", "thư mời", "triệu tập")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "").lower()
    return " ".join(text.split())


_ASKS_OPINION = re.compile(r"(lấy ý kiến|góp ý|có ý kiến|cho ý kiến|tham gia ý kiến|ý kiến bằng văn bản|ý kiến đóng góp)")
_RECOMMENDS = re.compile(r"(kiến nghị|đề nghị .{0,80}(xem xét|giải quyết|xử lý|hỗ trợ|khắc phục))")
# Coordination in a form other than meeting or written opinion (Đ.7.3.c): joint inspection, survey, handling...
_OTHER_FORM = re.compile(r"phối hợp (kiểm tra|khảo sát|xử lý|rà soát|giải quyết|thực hiện|tổ chức|tuyên truyền)")
_PERSONNEL = re.compile(r"cử (cán bộ|công chức|nhân sự|người|đại diện|lãnh đạo)")
_ASSIGNS = re.compile(r"\b(giao|phân công)\b.{0,200}\bchủ trì\b|\bchủ trì\b.{0,200}\bphối hợp\b")
_REQUESTS = re.compile(r"(đề nghị|yêu cầu|kính đề nghị|đề nghị quý|báo cáo|cung cấp|gửi về|phối hợp)")
_ANSWER_REQUESTED = re.compile(r"(trả lời|phúc đáp|phản hồi|có văn bản)")


def classify(facts: LetterFacts, registry: UnitRegistry) -> str | None:
    """The rule a letter's request falls under, or None when it asks nothing of anyone (a notice, a decision)."""
    text = _fold(" ".join(filter(None, [facts.subject, facts.text])))
    doc_type = _fold(facts.doc_type or "")
    if not facts.official:
        return "confirm-in-writing" if _REQUESTS.search(text) else None
    if any(kind in doc_type for kind in _INVITATIONS) or facts.meeting_date is not None:
        return "meeting" if _ASKS_OPINION.search(text) and facts.meeting_date else None
    issuer = registry.get(facts.issuer.unit_id) if facts.issuer else None
    recipient_units = [registry.get(r.unit_id) for r in facts.recipients]
    asks_departments = any(u is not None and u.kind == "department" for u in recipient_units)
    asks_wards = bool(recipient_units) and all(u is not None and u.kind == "ward" for u in recipient_units)
    if facts.lead_units and _ASSIGNS.search(text):
        return "assignment"
    if issuer is not None and issuer.kind == "ward" and asks_departments and _RECOMMENDS.search(text) \
            and not _ASKS_OPINION.search(text):
        return "ward-recommendation"
    if _OTHER_FORM.search(text) and facts.deadlines:
        return "other"
    if _PERSONNEL.search(text):
        return "personnel"
    if _ASKS_OPINION.search(text):
        return "ward-consultation" if asks_wards and issuer is not None and issuer.kind != "ward" else "written"
    if facts.deadlines and (_REQUESTS.search(text) or _ANSWER_REQUESTED.search(text)):
        return "other"
    if facts.lead_units:
        return "assignment"
    return None


def plan(
    facts: LetterFacts,
    *,
    office_unit_id: str,
    registry: UnitRegistry,
    pack: RulePack,
    calendar: WorkingCalendar,
) -> Plan:
    """The obligations ``facts`` creates, from the point of view of the office whose mailbox it came through."""
    rule = classify(facts, registry)
    if rule is None:
        return Plan()
    flags: list[str] = []

    if rule == "confirm-in-writing":
        owner = facts.sender or facts.issuer
        if owner is None or owner.unit_id == office_unit_id:
            return Plan(rule=rule)
        planned = [PlannedObligation(owner, "addressee", "confirm_in_writing",
                                     compute_deadline(pack, calendar, rule, Request(received=facts.received)))]
        if facts.direction == "in" and facts.deadlines:
            # the urgent request itself: the office answers it in the time asked (Đ.7.3.c caps it at 15 days)
            me = UnitRef(registry[office_unit_id].name, office_unit_id)
            planned.append(PlannedObligation(me, "self", "answer", compute_deadline(
                pack, calendar, "other", _request_for(facts, me, "other", calendar))))
        return Plan(tuple(planned), rule=rule)

    # Who owes: the lead and cooperating units of an assignment, else the units the letter is addressed to.
    owing: list[tuple[UnitRef, str]] = []
    if rule == "assignment":
        owing += [(u, "lead") for u in facts.lead_units]
        owing += [(u, "cooperating") for u in facts.cooperating_units]
        _check_assignment(facts, flags)
    else:
        owing += [(u, "addressee") for u in facts.recipients]
        owing += [(u, "lead") for u in facts.lead_units if u not in facts.recipients]
        owing += [(u, "cooperating") for u in facts.cooperating_units if u not in facts.recipients]

    if facts.direction == "in":
        # The office's own duty: to answer (or do) what it was asked. Others' duties are theirs to track.
        mine = [(u, role) for u, role in owing if u.unit_id == office_unit_id]
        if not mine and not any(u.unit_id for u, _ in owing):
            mine = [(UnitRef(registry[office_unit_id].name, office_unit_id), "addressee")]
        owing = [(u, "self" if role == "addressee" else role) for u, role in mine]
    else:
        owing = [(u, role) for u, role in owing if u.unit_id != office_unit_id]

    seen: set[str] = set()
    planned: list[PlannedObligation] = []
    for unit, role in owing:
        key = unit.unit_id or _fold(unit.text)
        if key in seen:
            continue
        seen.add(key)
        if unit.unit_id is None:
            flags.append(FLAG_UNRESOLVED_UNIT)
        unit_rule = rule
        if rule == "ward-consultation" and unit.unit_id and registry[unit.unit_id].kind != "ward":
            unit_rule = "written"
        request = _request_for(facts, unit, unit_rule, calendar)
        kind = "task" if rule == "assignment" else "answer"
        planned.append(PlannedObligation(unit, role, kind, compute_deadline(pack, calendar, unit_rule, request)))
    return Plan(tuple(planned), tuple(dict.fromkeys(flags)), rule)


def _request_for(facts: LetterFacts, unit: UnitRef, rule: str, calendar: WorkingCalendar) -> Request:
    """The time the letter asks of ``unit``: a deadline that names it, else one that names no one."""
    own = [d for d in facts.deadlines if d.applies_to and _same_unit(d.applies_to, unit)]
    general = [d for d in facts.deadlines if d.applies_to is None]
    # "các phường", "các đơn vị": a deadline for a group that names no one unit in particular
    collective = [d for d in facts.deadlines if d.applies_to is not None and d.applies_to.unit_id is None]
    chosen = (own or general or collective or [None])[0]
    requested_due = requested_days = None
    bound, hour = "by", None
    if chosen is not None:
        if chosen.date is not None:
            requested_due = chosen.date
            bound, hour = chosen.bound, chosen.time
        elif chosen.relative_working_days is not None:
            requested_days = chosen.relative_working_days
    return Request(
        received=facts.received,
        requested_due=requested_due,
        requested_working_days=requested_days,
        meeting_end=facts.meeting_date,
        urgent=facts.urgency is not None,
        requested_bound=bound,
        requested_time=hour,
    )


def unit_key(unit_id: str | None, text: str | None) -> str:
    """An owing unit as a key: its registry id, else "?" and its folded text (one live obligation per key)."""
    return unit_id or ("?" + _fold(text or ""))[:500]


def _same_unit(a: UnitRef, b: UnitRef) -> bool:
    if a.unit_id and b.unit_id:
        return a.unit_id == b.unit_id
    return _fold(a.text) == _fold(b.text)


def _check_assignment(facts: LetterFacts, flags: list[str]) -> None:
    """Đ.9.1: an assignment names the lead unit, the cooperating units (if any) and its deadlines."""
    if not facts.lead_units:
        flags.append(FLAG_ASSIGNMENT_INCOMPLETE.format("lead"))
    if not facts.deadlines:
        flags.append(FLAG_ASSIGNMENT_INCOMPLETE.format("deadline"))
    elif not any(d.kind == "report" or "báo cáo" in _fold(d.text) for d in facts.deadlines):
        flags.append(FLAG_ASSIGNMENT_INCOMPLETE.format("report_deadline"))


def reply_closes(obligation_unit_id: str | None, replying_unit_id: str | None, registry: UnitRegistry,
                 on: date) -> bool:
    """Whether a reply from ``replying_unit_id`` answers an obligation owed by ``obligation_unit_id``: the same
    unit, or the unit that took over its work by ``on`` (the 2025 restructuring)."""
    if obligation_unit_id is None or replying_unit_id is None:
        return False
    return registry.same_or_successor(obligation_unit_id, replying_unit_id, on)


def normalize_number(number: str | None) -> str:
    """A letter number as a key: "12 /UBND – ĐT" and "12/UBND-ĐT" are the same letter."""
    if not number:
        return ""
    text = unicodedata.normalize("NFC", number).upper().replace("–", "-").replace("—", "-")
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"^0+(?=\d)", "", text)
    return text
