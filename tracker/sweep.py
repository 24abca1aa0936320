"""The daily sweep: what each open obligation needs today. Pure: obligations and the day come in, actions go out.

- Reminders go out a configurable number of working days before the due day (default 3 and 1), only on working
  days, each once. A sweep that missed a day still sends the nearest reminder not yet sent.
- The day after the last day an obligation lapses (BLDS 2015 Đ.148), and the rule pack says what that means
  (``on_lapse``), as the regulation does:
  - deemed_agreed / report_silent: opinions asked in writing (Đ.7.3.a, Đ.8.2.a) or after a meeting (Đ.7.3.b): the
    unit is deemed to agree and is told so;
  - escalate: a ward's recommendation left unanswered (Đ.8.1.b) goes to the district chairman;
  - overdue: other forms (Đ.7.3.c), assignments (Đ.9.1), personnel (Đ.4.4): the obligation becomes overdue and the
    unit is reminded; when it is still unanswered ``report_after`` working days after its due day, the lead unit
    reports it to UBND quận with a copy to Phòng Nội vụ (Đ.10.2) and the obligation is escalated;
  - remind_only: the regulation sets no time and no consequence (Đ.4.5): one follow-up, no reminders before.
- The office's own duties (role "self") get the same decisions as internal warnings, never a Đ.10.2 report.
- Every action has a key, so running the same sweep twice creates nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from tracker.calendar import WorkingCalendar

OPEN = "open"
ANSWERED = "answered"
DEEMED_AGREED = "deemed_agreed"
ESCALATED = "escalated"
OVERDUE = "overdue"
WITHDRAWN = "withdrawn"
STATES = (OPEN, ANSWERED, DEEMED_AGREED, ESCALATED, OVERDUE, WITHDRAWN)
TRACKED = (OPEN, OVERDUE)  # the states the sweep looks at

_LAPSE_STATE = {"deemed_agreed": DEEMED_AGREED, "report_silent": DEEMED_AGREED, "escalate": ESCALATED,
                "overdue": OVERDUE}


@dataclass(frozen=True)
class OpenObligation:
    id: int
    letter_id: int
    unit_id: str | None
    role: str
    rule: str
    due: date
    on_lapse: str
    state: str = OPEN


@dataclass(frozen=True)
class Action:
    obligation: OpenObligation
    draft_kind: str  # reminder | deemed_agreed | escalation | noncooperation
    key: str  # unique: the same action is never taken twice
    new_state: str | None = None  # the obligation's state after the action
    stage: str | None = None  # for reminders: "3", "1" (working days left) or "overdue"
    working_days_left: int | None = None


def decide(
    obligations: Iterable[OpenObligation],
    today: date,
    calendar: WorkingCalendar,
    *,
    days_before: tuple[int, ...] = (3, 1),
    done: frozenset[str] | set[str] = frozenset(),
    report_after: int = 5,
) -> list[Action]:
    """The actions ``today`` calls for. ``done`` holds the keys of actions already taken."""
    stages = sorted(set(days_before))
    working_today = calendar.is_working_day(today)
    actions: list[Action] = []
    for ob in obligations:
        if ob.state == OVERDUE:
            actions.extend(_report(ob, today, calendar, done, report_after))
        elif today > ob.due:
            actions.extend(_lapse(ob, done))
        elif working_today and stages and ob.on_lapse != "remind_only":
            left = calendar.working_days_between(today, ob.due)
            due_stages = [s for s in stages if left <= s]
            if due_stages:
                stage = due_stages[0]  # the nearest threshold; earlier ones missed are not sent late
                key = f"reminder:{ob.id}:{stage}"
                if key not in done and not any(f"reminder:{ob.id}:{s}" in done for s in stages if s < stage):
                    actions.append(Action(ob, "reminder", key, stage=str(stage), working_days_left=left))
    return actions


def _lapse(ob: OpenObligation, done) -> list[Action]:
    state = _LAPSE_STATE.get(ob.on_lapse)
    if state is None or state == OVERDUE:  # overdue, or no consequence at all: one overdue reminder
        key = f"reminder:{ob.id}:overdue"
        if key in done:
            return [Action(ob, "none", key, new_state=state)] if state else []
        return [Action(ob, "reminder", key, new_state=state, stage="overdue")]
    kind = "escalation" if state == ESCALATED else "deemed_agreed"
    key = f"{kind}:{ob.id}"
    return [] if key in done else [Action(ob, kind, key, new_state=state)]


def _report(ob: OpenObligation, today: date, calendar: WorkingCalendar, done, report_after: int) -> list[Action]:
    """Đ.10.2: an overdue unit still silent ``report_after`` working days after its due day is reported (the
    office's own overdue duties are reported by the other lead unit, not by the office)."""
    if ob.role == "self" or not calendar.is_working_day(today):
        return []
    if calendar.working_days_between(ob.due, today) <= report_after:
        return []
    key = f"noncooperation:{ob.id}"
    return [] if key in done else [Action(ob, "noncooperation", key, new_state=ESCALATED)]


def is_late(due: date, answered_on: date) -> bool:
    """A reply on the due day is on time (the limit ends at 24:00 of its last day)."""
    return answered_on > due
