"""The daily sweep: what each open obligation needs today. Pure: obligations and the day come in, actions go out.

- Reminders go out a configurable number of working days before the due day (default 3 and 1), only on working
  days, each once. A sweep that missed a day still sends the nearest reminder not yet sent.
- The day after the last day, an obligation lapses (BLDS 2015 Đ.148): a consultation is deemed agreed and the unit
  is told (Đ.7.3, Đ.8.2.a); an unanswered ward recommendation is escalated to the district chairman (Đ.8.1.b);
  other duties stay open and the unit gets one overdue reminder.
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
WITHDRAWN = "withdrawn"
STATES = (OPEN, ANSWERED, DEEMED_AGREED, ESCALATED, WITHDRAWN)

_LAPSE_STATE = {"deemed_agreed": DEEMED_AGREED, "report_silent": DEEMED_AGREED, "escalate": ESCALATED}


@dataclass(frozen=True)
class OpenObligation:
    id: int
    letter_id: int
    unit_id: str | None
    role: str
    rule: str
    due: date
    on_lapse: str


@dataclass(frozen=True)
class Action:
    obligation: OpenObligation
    draft_kind: str  # reminder | deemed_agreed | escalation
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
) -> list[Action]:
    """The actions ``today`` calls for. ``done`` holds the keys of actions already taken."""
    stages = sorted(set(days_before))
    working_today = calendar.is_working_day(today)
    actions: list[Action] = []
    for ob in obligations:
        if today > ob.due:
            actions.extend(_lapse(ob, done))
        elif working_today and stages:
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
    if state is None:  # remind_only: stays open, one overdue reminder
        key = f"reminder:{ob.id}:overdue"
        return [] if key in done else [Action(ob, "reminder", key, stage="overdue")]
    kind = "escalation" if state == ESCALATED else "deemed_agreed"
    key = f"{kind}:{ob.id}"
    return [] if key in done else [Action(ob, kind, key, new_state=state)]


def is_late(due: date, answered_on: date) -> bool:
    """A reply on the due day is on time (the limit ends at 24:00 of its last day)."""
    return answered_on > due
