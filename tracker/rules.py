"""The regulation's time limits as a rule pack, and the one function that turns a request into a due date.

The default pack is QĐ 1342/QĐ-UBND (``data/rules-qd1342-2023.toml``). Counting follows Bộ luật Dân sự 2015:
the day of receipt (or the meeting's last day) is not counted (Đ.147); a limit ends at the end of its last working
day, and a date that falls on a day off moves to the next working day (Đ.148).

Precedence for a written consultation (Đ.7.3.a, Đ.8.2.a): a time set by a cited law or procedure wins; else the time
the lead unit asked for (flagged when it leaves less than the pack's minimum time to study); else 15 working days from
receipt of the complete dossier. Other forms (Đ.7.3.c) take the lead unit's time, capped at 15 working days.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Mapping

from tracker.calendar import SkippedDay, WorkingCalendar

DEFAULT_PACK = Path(__file__).with_name("data") / "rules-qd1342-2023.toml"

STARTS = ("receipt", "meeting_end", "answers_received", "fixed_date")
LAPSES = ("deemed_agreed", "escalate", "report_silent", "overdue", "remind_only")
BOUNDS = ("before", "by")


class RuleError(ValueError):
    """Raised when a rule is unknown or a request lacks what its rule needs (a meeting without its date...)."""


# Flags a computed deadline may carry, for the clerk to look at.
FLAG_SHORT_REQUEST = "short_request"  # the lead unit left less than the minimum time to study
FLAG_CAPPED = "capped"  # Đ.7.3.c: the requested time was longer than 15 working days
FLAG_MOVED = "moved_to_working_day"  # the requested date fell on a day off
FLAG_PAST_REQUEST = "requested_date_before_receipt"  # the requested date is not after the day of receipt
# Parametrised flags that keep what the letter wrote: "before:2025-08-14" ("trước ngày 14/8/2025": the limit ends at
# the end of the working day before) and "time:16:00" (an hour the letter gave on the due day).
FLAG_BEFORE = "before:"
FLAG_TIME = "time:"


def flag_value(flags, prefix: str) -> str | None:
    """The value of a parametrised flag ("before:2025-08-14" -> "2025-08-14"), or None."""
    for flag in flags or ():
        if flag.startswith(prefix):
            return flag[len(prefix):]
    return None


def last_working_day_before(calendar: WorkingCalendar, day: date) -> date:
    """The end of "trước ngày X": the last working day before ``day``."""
    due = day - timedelta(days=1)
    while not calendar.is_working_day(due):
        due -= timedelta(days=1)
    return due


@dataclass(frozen=True)
class Rule:
    name: str
    title: str
    articles: tuple[str, ...]
    starts: str
    on_lapse: str
    working_days: int | None = None
    accepts_requested: bool = False
    cap_working_days: int | None = None
    fixed_dates: tuple[tuple[int, int], ...] = ()
    note: str = ""
    sets_time_limit: bool = True  # False: the regulation sets no time; working_days only say when to follow up
    bound: str = "by"  # for fixed dates: "before" ends at the end of the working day before the date

    @classmethod
    def from_dict(cls, name: str, data: Mapping) -> "Rule":
        starts = data.get("starts", "receipt")
        on_lapse = data.get("on_lapse", "remind_only")
        if starts not in STARTS:
            raise RuleError(f"rule {name}: unknown start {starts!r}")
        if on_lapse not in LAPSES:
            raise RuleError(f"rule {name}: unknown lapse {on_lapse!r}")
        fixed = tuple(tuple(int(p) for p in md.split("-")) for md in data.get("fixed_dates", ()))
        if starts == "fixed_date" and not fixed:
            raise RuleError(f"rule {name}: a fixed-date rule needs fixed_dates")
        if starts != "fixed_date" and not data.get("working_days"):
            raise RuleError(f"rule {name}: working_days is missing")
        if data.get("bound", "by") not in BOUNDS:
            raise RuleError(f"rule {name}: unknown bound {data.get('bound')!r}")
        return cls(
            name=name,
            title=data.get("title", name),
            articles=tuple(data.get("articles", ())),
            starts=starts,
            on_lapse=on_lapse,
            working_days=data.get("working_days"),
            accepts_requested=bool(data.get("accepts_requested", False)),
            cap_working_days=data.get("cap_working_days"),
            fixed_dates=fixed,  # type: ignore[arg-type]
            note=data.get("note", ""),
            sets_time_limit=bool(data.get("sets_time_limit", True)),
            bound=data.get("bound", "by"),
        )

    @property
    def deemed_agreed_on_lapse(self) -> bool:
        return self.on_lapse in ("deemed_agreed", "report_silent")


@dataclass(frozen=True)
class RulePack:
    id: str
    version: int
    title: str
    decision: str
    min_requested_working_days: int
    rules: Mapping[str, Rule]
    regulation: str = ""  # the regulation's full name ("Quy chế phối hợp giữa ...")
    report_after_working_days: int = 5  # Đ.10.2: working days after an overdue reminder before the report
    noncooperation_articles: tuple[str, ...] = ("khoản 2 Điều 10",)
    report_to: str = ""  # the registry id the Đ.10.2 report goes to
    report_copy: tuple[str, ...] = ()  # and its copies
    report_period_ends: tuple[tuple[int, int], ...] = ((6, 30), (12, 31))  # cut-offs of the Đ.10.1 reports

    @classmethod
    def load(cls, path: Path | str = DEFAULT_PACK) -> "RulePack":
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        pack = data["pack"]
        rules = {name: Rule.from_dict(name, body) for name, body in data.get("rules", {}).items()}
        return cls(
            id=pack["id"],
            version=int(pack.get("version", 1)),
            title=pack.get("title", ""),
            decision=pack.get("decision", ""),
            min_requested_working_days=int(pack.get("min_requested_working_days", 0)),
            rules=rules,
            regulation=pack.get("regulation", ""),
            report_after_working_days=int(pack.get("report_after_working_days", 5)),
            noncooperation_articles=tuple(pack.get("noncooperation_articles", ("khoản 2 Điều 10",))),
            report_to=pack.get("report_to", ""),
            report_copy=tuple(pack.get("report_copy", ())),
            report_period_ends=tuple(tuple(int(p) for p in md.split("-"))  # type: ignore[misc]
                                     for md in pack.get("report_period_ends", ("06-30", "12-31"))),
        )

    def report_period(self, year: int, half: int) -> tuple[date, date]:
        """The days the Đ.10.1 report of ``half`` (1 or 2) of ``year`` covers: from the day after the previous
        cut-off to this half's cut-off."""
        (m1, d1), (m2, d2) = self.report_period_ends
        if half == 1:
            return date(year - 1, m2, d2) + timedelta(days=1), date(year, m1, d1)
        return date(year, m1, d1) + timedelta(days=1), date(year, m2, d2)

    def on_lapse(self, rule_name: str, stored: str) -> str:
        """What a lapse means for an obligation under ``rule_name``: the pack decides; ``stored`` (the value kept
        with an obligation planned by an older pack) only for rules the pack no longer has."""
        rule = self.rules.get(rule_name)
        return rule.on_lapse if rule is not None else stored

    def rule(self, name: str) -> Rule:
        try:
            return self.rules[name]
        except KeyError:
            known = ", ".join(sorted(self.rules))
            raise RuleError(f"unknown rule {name!r} (known: {known})") from None


@dataclass(frozen=True)
class Request:
    """What a letter (or a meeting) asks, as far as time goes. Dates are local (Asia/Ho_Chi_Minh) calendar days."""

    received: date
    requested_due: date | None = None
    requested_working_days: int | None = None
    statutory_due: date | None = None
    statutory_working_days: int | None = None
    meeting_end: date | None = None
    answers_received: date | None = None
    urgent: bool = False
    requested_bound: str = "by"  # "before": "trước ngày X" ends at the end of the working day before X
    requested_time: str | None = None  # "16:00" when the letter gives an hour on the due day


@dataclass(frozen=True)
class Deadline:
    """A computed due date that explains itself: which rule, which branch, which days it skipped."""

    rule: str
    start: date
    due: date
    basis: str  # statutory | requested | default | capped | fixed_date
    on_lapse: str
    articles: tuple[str, ...]
    working_days: int | None = None
    flags: tuple[str, ...] = ()
    skipped: tuple[SkippedDay, ...] = field(default=(), compare=False)
    moved_from: date | None = None

    def to_json(self) -> dict:
        return {
            "rule": self.rule,
            "from": self.start.isoformat(),
            "due": self.due.isoformat(),
            "basis": self.basis,
            "working_days": self.working_days,
            "on_lapse": self.on_lapse,
            "articles": list(self.articles),
            "flags": list(self.flags),
            "moved_from": self.moved_from.isoformat() if self.moved_from else None,
            "skipped": [s.to_json() for s in self.skipped],
        }


def count_working_days(calendar: WorkingCalendar, start: date, days: int, *, rule: str = "working-days") -> Deadline:
    """``days`` working days after ``start``: the plain count behind every rule."""
    due = calendar.add_working_days(start, days)
    return Deadline(
        rule=rule,
        start=start,
        due=due,
        basis="default",
        on_lapse="remind_only",
        articles=(),
        working_days=days,
        skipped=tuple(calendar.skipped_between(start, due)),
    )


def compute_deadline(pack: RulePack, calendar: WorkingCalendar, rule_name: str, request: Request) -> Deadline:
    """The due date of one unit's obligation under ``rule_name`` for ``request``."""
    rule = pack.rule(rule_name)
    start = _start_of(rule, request)
    flags: list[str] = []

    if rule.starts == "fixed_date":
        due, limit = _fixed_due(rule, calendar, start)
        if rule.bound == "before":
            flags.append(FLAG_BEFORE + limit.isoformat())
        return _deadline(rule, calendar, start, due, "fixed_date", None, flags)

    # 1. A time set by law, procedure or an approved process wins (Đ.7.3.a, first case).
    if request.statutory_due is not None:
        return _dated(rule, calendar, start, request.statutory_due, "statutory", flags)
    if request.statutory_working_days is not None:
        return _counted(rule, calendar, start, request.statutory_working_days, "statutory", flags)

    # 2. The lead unit's (or the chair's) requested time.
    if rule.accepts_requested and (request.requested_due or request.requested_working_days is not None):
        if request.requested_working_days is not None:
            asked = request.requested_working_days
            requested_due = calendar.add_working_days(start, asked)
        else:
            requested_due = request.requested_due  # type: ignore[assignment]
            if request.requested_bound == "before" and request.requested_time is None:
                flags.append(FLAG_BEFORE + requested_due.isoformat())
                requested_due = last_working_day_before(calendar, requested_due)
            elif request.requested_time is not None:
                flags.append(FLAG_TIME + request.requested_time)
            asked = calendar.working_days_between(start, requested_due)
            if requested_due <= start:
                flags.append(FLAG_PAST_REQUEST)
        if rule.cap_working_days is not None and asked > rule.cap_working_days:
            flags.append(FLAG_CAPPED)
            return _counted(rule, calendar, start, rule.cap_working_days, "capped", flags)
        if asked < pack.min_requested_working_days:
            flags.append(FLAG_SHORT_REQUEST)
        if request.requested_working_days is not None:
            return _counted(rule, calendar, start, asked, "requested", flags)
        return _dated(rule, calendar, start, requested_due, "requested", flags)

    # 3. The default time.
    return _counted(rule, calendar, start, int(rule.working_days or 0), "default", flags)


def _start_of(rule: Rule, request: Request) -> date:
    if rule.starts == "meeting_end":
        if request.meeting_end is None:
            raise RuleError(f"rule {rule.name} counts from the end of a meeting: the meeting date is missing")
        return request.meeting_end
    if rule.starts == "answers_received" or (rule.name == "ward-recommendation" and request.answers_received):
        # Đ.8.1.b: when the department must consult others, the 15 days run from receiving their answers.
        return request.answers_received or request.received
    return request.received


def _fixed_due(rule: Rule, calendar: WorkingCalendar, start: date) -> tuple[date, date]:
    """(due day, the date the rule names) for the next fixed date after ``start``: "trước ngày 15/5" (bound
    "before") ends at the end of the last working day before 15/5; "chậm nhất ngày 15/5" (bound "by") at the end of
    15/5, moved to the next working day when it is a day off (BLDS Đ.148)."""
    candidates = []
    for year in (start.year, start.year + 1):
        for month, day in rule.fixed_dates:
            candidates.append(date(year, month, day))
    if rule.bound == "before":
        limit = min(d for d in candidates if d - timedelta(days=1) >= start)
        return last_working_day_before(calendar, limit), limit
    limit = min(d for d in candidates if d >= start)
    return calendar.next_working_day(limit), limit


def _counted(rule: Rule, calendar: WorkingCalendar, start: date, days: int, basis: str, flags: list[str]) -> Deadline:
    if days < 0:
        raise RuleError("a number of working days cannot be negative")
    return _deadline(rule, calendar, start, calendar.add_working_days(start, days), basis, days, flags)


def _dated(rule: Rule, calendar: WorkingCalendar, start: date, due: date, basis: str, flags: list[str]) -> Deadline:
    moved_from = None
    if not calendar.is_working_day(due) and flag_value(flags, FLAG_BEFORE) is None:
        moved_from, due = due, calendar.next_working_day(due)
        flags.append(FLAG_MOVED)
    days = calendar.working_days_between(start, due)
    return _deadline(rule, calendar, start, due, basis, days, flags, moved_from)


def _deadline(rule, calendar, start, due, basis, days, flags, moved_from=None) -> Deadline:
    return Deadline(
        rule=rule.name,
        start=start,
        due=due,
        basis=basis,
        on_lapse=rule.on_lapse,
        articles=rule.articles,
        working_days=days,
        flags=tuple(flags),
        skipped=tuple(calendar.skipped_between(start, due)),
        moved_from=moved_from,
    )
