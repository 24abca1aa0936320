"""The civil servants' working-day calendar.

A day is a working day when it is a Monday to Friday that is neither a public holiday nor an announced day off, or a
weekend day the government announced as a make-up working day (QĐ 188/1999/QĐ-TTg; Bộ luật Lao động 2019 Đ.112).

The statutory holidays come from the ``holidays`` package's Vietnam calendar. On top of it the office ships a table
of the government's yearly decisions (``data/calendar-vn.toml``): weekdays off, make-up working Saturdays, and
package entries that are not days off for civil servants. Next year's decision is added by editing that table.

Nothing here reads the clock: every date comes in as an argument.
"""

from __future__ import annotations

import bisect
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable, Mapping

DEFAULT_TABLE = Path(__file__).with_name("data") / "calendar-vn.toml"

WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
SATURDAY, SUNDAY = 5, 6


@dataclass(frozen=True)
class CalendarEntry:
    """One day the yearly table says something about, with the decision it comes from."""

    day: date
    reason: str
    source: str = ""


@dataclass(frozen=True)
class SkippedDay:
    """A day that a count of working days passed over, and why."""

    day: date
    reason: str

    def to_json(self) -> dict:
        return {"date": self.day.isoformat(), "reason": self.reason}


@dataclass(frozen=True)
class YearSchedule:
    """The government's decision for one year: what it adds to and removes from the statutory holidays."""

    year: int
    source: str
    days_off: tuple[CalendarEntry, ...] = ()
    working_days: tuple[CalendarEntry, ...] = ()
    not_days_off: tuple[CalendarEntry, ...] = ()
    complete: bool = True


@dataclass
class CalendarTable:
    """The editable table of yearly decisions (see ``data/calendar-vn.toml``)."""

    years: dict[int, YearSchedule] = field(default_factory=dict)
    # Names of package holidays that are not days off for civil servants unless a year's `off` lists them.
    ignored_names: tuple[str, ...] = ()
    # The table as loaded from its file, before ``with_entries`` laid decisions over it.
    shipped: "CalendarTable | None" = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path | str = DEFAULT_TABLE) -> "CalendarTable":
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: Mapping) -> "CalendarTable":
        years: dict[int, YearSchedule] = {}
        for item in data.get("year", []):
            year = int(item["year"])
            source = item.get("source", "")

            def entries(key: str) -> tuple[CalendarEntry, ...]:
                out = []
                for e in item.get(key, []):
                    day = e["date"]
                    if not isinstance(day, date):
                        day = date.fromisoformat(str(day))
                    if day.year != year:
                        raise ValueError(f"calendar table: {day} is listed under year {year}")
                    out.append(CalendarEntry(day, e["reason"], e.get("source", source)))
                return tuple(out)

            years[year] = YearSchedule(
                year=year,
                source=source,
                days_off=entries("off"),
                working_days=entries("work"),
                not_days_off=entries("not_off"),
                complete=bool(item.get("complete", True)),
            )
        return cls(years, tuple(data.get("ignored_holiday_names", ())))

    def with_entries(self, added: Iterable[tuple]) -> "CalendarTable":
        """This table with more decisions: (day, kind, reason, source) where kind is ``off`` (a weekday not worked)
        or ``work`` (a make-up working weekend day). A later entry for a day replaces the table's."""
        added = list(added)
        if not added:
            return self
        years = dict(self.years)
        for day, kind, reason, source in added:
            sched = years.get(day.year) or YearSchedule(year=day.year, source=source)
            entry = CalendarEntry(day, reason, source)
            off = tuple(e for e in sched.days_off if e.day != day)
            work = tuple(e for e in sched.working_days if e.day != day)
            if kind == "off":
                off += (entry,)
            else:
                work += (entry,)
            years[day.year] = YearSchedule(sched.year, sched.source, tuple(sorted(off, key=lambda e: e.day)),
                                           tuple(sorted(work, key=lambda e: e.day)), sched.not_days_off,
                                           sched.complete)
        return CalendarTable(years, self.ignored_names, shipped=self.shipped or self)


def _statutory_holidays(years: Iterable[int]) -> tuple[dict[date, str], set[date]]:
    """Vietnam's public holidays (with days in lieu) from the ``holidays`` package, named in Vietnamese, and the
    make-up working weekend days the package knows."""
    from holidays.countries.vietnam import Vietnam  # imported here: it is the slowest part of start-up

    years = list(years)
    cal = Vietnam(years=years, language="vi")
    off = {day: name for day, name in cal.items()}
    work = {d for d in getattr(cal, "weekend_workdays", ()) if d.year in years}
    return off, work


class WorkingCalendar:
    """Answers "is this a working day?" and counts working days, explaining every day it skips.

    ``days_off`` maps weekdays that are not worked to their reason; ``working_weekend_days`` maps the make-up
    working Saturdays (or Sundays) to theirs. Both are complete for the years ``first_year``..``last_year``;
    a date outside that range extends the calendar on demand through ``extend``.
    """

    def __init__(
        self,
        days_off: Mapping[date, str],
        working_weekend_days: Mapping[date, str],
        *,
        first_year: int,
        last_year: int,
        extend=None,
        notes: Mapping[int, str] | None = None,
    ) -> None:
        self._days_off = dict(days_off)
        self._working_weekend_days = dict(working_weekend_days)
        self.first_year = first_year
        self.last_year = last_year
        self._extend = extend
        self._notes = dict(notes or {})
        self._rebuild_index()

    # -- construction -------------------------------------------------------------------------------------------

    @classmethod
    def vietnam(
        cls,
        table: CalendarTable | None = None,
        *,
        first_year: int = 2020,
        last_year: int = 2032,
    ) -> "WorkingCalendar":
        """The civil-servant calendar: statutory holidays plus the shipped (or given) table of yearly decisions."""
        table = table if table is not None else CalendarTable.load()

        def build(y0: int, y1: int) -> tuple[dict[date, str], dict[date, str], dict[int, str]]:
            off: dict[date, str] = {}
            work: dict[date, str] = {}
            statutory, package_work = _statutory_holidays(range(y0, y1 + 1))
            off.update((d, n) for d, n in statutory.items() if not any(x in n for x in table.ignored_names))
            for day in package_work:
                work[day] = "Ngày làm bù (gói holidays)"
            notes: dict[int, str] = {}
            for year in range(y0, y1 + 1):
                sched = table.years.get(year)
                if sched is None:
                    notes[year] = "chỉ có các ngày lễ theo Bộ luật Lao động; chưa có thông báo lịch nghỉ của năm"
                    continue
                for e in sched.not_days_off:
                    off.pop(e.day, None)
                for e in sched.days_off:
                    off[e.day] = e.reason
                for e in sched.working_days:
                    work[e.day] = e.reason
                    off.pop(e.day, None)
            return off, work, notes

        off, work, notes = build(first_year, last_year)
        cal = cls(off, work, first_year=first_year, last_year=last_year, extend=build, notes=notes)
        cal.table = table
        return cal

    def _rebuild_index(self) -> None:
        # Ordinals of every working day in range, so that counting N working days is a bisect and an index.
        start = date(self.first_year, 1, 1).toordinal()
        end = date(self.last_year, 12, 31).toordinal()
        self._working = [o for o in range(start, end + 1) if self._is_working_ordinal(o)]
        self._range = (start, end)

    def _ensure(self, day: date, margin_years: int = 1) -> None:
        if self.first_year <= day.year and day.year + margin_years <= self.last_year:
            return
        if self._extend is None:
            raise ValueError(f"{day} is outside the calendar ({self.first_year}-{self.last_year})")
        y0 = min(self.first_year, day.year - 1)
        y1 = max(self.last_year, day.year + margin_years)
        off, work, notes = self._extend(y0, y1)
        self._days_off, self._working_weekend_days, self._notes = off, work, notes
        self.first_year, self.last_year = y0, y1
        self._rebuild_index()

    def _is_working_ordinal(self, ordinal: int) -> bool:
        day = date.fromordinal(ordinal)
        if day in self._working_weekend_days:
            return True
        if day.weekday() in (SATURDAY, SUNDAY):
            return False
        return day not in self._days_off

    # -- questions ----------------------------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        self._ensure(day, margin_years=0)
        return self._is_working_ordinal(day.toordinal())

    def reason_off(self, day: date) -> str | None:
        """Why ``day`` is not a working day (None when it is one)."""
        if self.is_working_day(day):
            return None
        return self._reason(day)

    def _reason(self, day: date) -> str:
        name = self._days_off.get(day)
        weekday = WEEKDAY_NAMES[day.weekday()]
        if name and day.weekday() in (SATURDAY, SUNDAY):
            return f"{weekday}; {name}"
        return name or weekday

    def reason_working_weekend(self, day: date) -> str | None:
        return self._working_weekend_days.get(day)

    def year_note(self, year: int) -> str | None:
        """A warning for years whose schedule has not been announced (only statutory holidays are known)."""
        self._ensure(date(year, 1, 1), margin_years=0)
        return self._notes.get(year)

    def add_working_days(self, start: date, count: int) -> date:
        """The ``count``-th working day after ``start`` (``start`` itself is not counted: BLDS 2015 Đ.147).

        ``count == 0`` gives ``start`` if it is a working day, else the next working day.
        """
        if count < 0:
            raise ValueError("a number of working days cannot be negative")
        self._ensure(start + timedelta(days=2 * count + 60))
        ordinal = start.toordinal()
        if count == 0:
            i = bisect.bisect_left(self._working, ordinal)
        else:
            i = bisect.bisect_right(self._working, ordinal) + count - 1
        return date.fromordinal(self._working[i])

    def next_working_day(self, day: date) -> date:
        """``day`` itself when it is a working day, else the first working day after it (BLDS 2015 Đ.148)."""
        return self.add_working_days(day, 0)

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days lie after ``start`` up to and including ``end`` (negative when end < start)."""
        self._ensure(max(start, end))
        self._ensure(min(start, end))
        a = bisect.bisect_right(self._working, start.toordinal())
        b = bisect.bisect_right(self._working, end.toordinal())
        return b - a

    def skipped_between(self, start: date, end: date) -> list[SkippedDay]:
        """The days after ``start`` up to and including ``end`` that are not working days, each with its reason."""
        if end <= start:
            return []
        self._ensure(end, margin_years=0)
        self._ensure(start, margin_years=0)
        out = []
        for ordinal in range(start.toordinal() + 1, end.toordinal() + 1):
            if not self._is_working_ordinal(ordinal):
                day = date.fromordinal(ordinal)
                out.append(SkippedDay(day, self._reason(day)))
        return out

    def year_listing(self, year: int) -> tuple[list[CalendarEntry], list[CalendarEntry]]:
        """Days off that fall on weekdays or are holidays, and working weekend days, for ``year``, with sources."""
        self._ensure(date(year, 12, 31), margin_years=0)
        sched = getattr(self, "table", CalendarTable()).years.get(year)
        table_sources = {}
        if sched is not None:
            for e in sched.days_off + sched.working_days:
                table_sources[e.day] = e.source
        off = []
        for day in sorted(d for d in self._days_off if d.year == year):
            source = table_sources.get(day) or "Bộ luật Lao động 2019 Đ.112 (gói holidays)"
            off.append(CalendarEntry(day, self._days_off[day], source))
        work = [
            CalendarEntry(day, self._working_weekend_days[day], table_sources.get(day, "gói holidays"))
            for day in sorted(d for d in self._working_weekend_days if d.year == year)
        ]
        return off, work
