"""When the daily sweep runs: once each working day of the civil-servant calendar, in office hours, never at night
and never on a day off. Pure functions: the moment comes in as an argument (local time, +07:00); no clock is read.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from tracker.calendar import WorkingCalendar


def parse_hhmm(text: str) -> time:
    """"07:30" -> time(7, 30); ValueError otherwise."""
    hours, _, minutes = str(text).partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise ValueError(f"{text!r} is not a time of day (HH:MM)")
    return time(int(hours), int(minutes))


def sweep_due(now: datetime, calendar: WorkingCalendar, *, start: time, end: time) -> date | None:
    """The day whose sweep is due at ``now`` (today, when it is a working day between ``start`` and ``end``)."""
    today = now.date()
    if calendar.is_working_day(today) and start <= now.time().replace(tzinfo=None) < end:
        return today
    return None


def next_sweep(now: datetime, calendar: WorkingCalendar, *, start: time, end: time, done_today: bool) -> datetime:
    """The moment of the next sweep: today at ``start`` (or now, when today's is due and not done), else the next
    working day at ``start``."""
    today = now.date()
    if not done_today and calendar.is_working_day(today) and now.time().replace(tzinfo=None) < end:
        return max(now, datetime.combine(today, start, now.tzinfo))
    day = calendar.next_working_day(today + timedelta(days=1))
    return datetime.combine(day, start, now.tzinfo)
