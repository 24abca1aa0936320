"""The civil-servant working-day calendar, 2023-2026, against the government's yearly schedules (domain.md)."""

from datetime import date

import pytest

from tracker.calendar import CalendarTable, WorkingCalendar

D = date.fromisoformat

# (from, working days, due, why): each due date worked out by hand from the schedules in domain.md.
CASES = [
    ("2026-02-10", 15, "2026-03-10", "Tết 2026: 14-22/2 off"),
    ("2025-01-20", 15, "2025-02-17", "Tết 2025: 25/1-2/2 off"),
    ("2024-02-05", 5, "2024-02-19", "Tết 2024: 8-14/2 off"),
    ("2023-01-19", 1, "2023-01-27", "Tết 2023: 20-26/1 off"),
    ("2025-12-31", 1, "2026-01-05", "1/1 and the 2/1/2026 swap"),
    ("2026-01-09", 1, "2026-01-10", "Sat 10/1/2026 is a make-up working day"),
    ("2026-01-09", 2, "2026-01-12", "after the make-up Saturday comes Monday"),
    ("2024-04-26", 2, "2024-05-03", "29/4-1/5/2024 off"),
    ("2024-04-26", 3, "2024-05-04", "Sat 4/5/2024 is worked"),
    ("2025-04-25", 1, "2025-04-26", "Sat 26/4/2025 is worked"),
    ("2025-04-29", 1, "2025-05-05", "30/4, 1/5 and the 2/5/2025 swap"),
    ("2026-03-07", 1, "2026-03-09", "start on a Saturday"),
    ("2026-03-08", 15, "2026-03-27", "start on a Sunday"),
    ("2026-04-30", 1, "2026-05-04", "start on a holiday"),
    ("2026-08-21", 1, "2026-08-22", "Sat 22/8/2026 is worked"),
    ("2026-08-28", 1, "2026-09-03", "31/8 swap, 1/9 and 2/9/2026 off"),
    ("2026-04-24", 1, "2026-04-28", "Giỗ Tổ 26/4/2026 is a Sunday: Monday 27/4 off in lieu"),
    ("2026-11-23", 1, "2026-11-24", "24/11 (Ngày Văn hóa Việt Nam) is not a day off for civil servants"),
    ("2023-08-31", 1, "2023-09-05", "1/9 and 4/9/2023 off"),
    ("2023-04-28", 1, "2023-05-04", "29/4-3/5/2023 off"),
    ("2024-04-17", 1, "2024-04-19", "Giỗ Tổ 18/4/2024"),
    ("2025-04-04", 1, "2025-04-08", "Giỗ Tổ 7/4/2025"),
    ("2026-02-16", 0, "2026-02-23", "zero days from a day off: the next working day"),
    ("2026-02-12", 0, "2026-02-12", "zero days from a working day: that day"),
]


@pytest.mark.parametrize("start,days,due,why", CASES, ids=[c[3] for c in CASES])
def test_counting_working_days_matches_the_civil_service_schedule(calendar, start, days, due, why):
    assert calendar.add_working_days(D(start), days) == D(due), why


@pytest.mark.parametrize("day", ["2026-01-02", "2026-02-16", "2026-02-20", "2026-04-27", "2026-08-31",
                                 "2025-05-02", "2024-04-29", "2023-01-02", "2023-09-04"])
def test_announced_weekdays_off_are_not_working_days(calendar, day):
    assert not calendar.is_working_day(D(day))
    assert calendar.reason_off(D(day))


@pytest.mark.parametrize("day", ["2026-01-10", "2026-08-22", "2025-04-26", "2024-05-04"])
def test_make_up_saturdays_are_working_days(calendar, day):
    assert calendar.is_working_day(D(day))


def test_every_skipped_day_is_explained(calendar):
    start = D("2026-02-10")
    due = calendar.add_working_days(start, 15)
    skipped = calendar.skipped_between(start, due)
    by_day = {s.day: s.reason for s in skipped}
    assert "Tết" in by_day[D("2026-02-17")]
    assert by_day[D("2026-02-14")] == "Thứ Bảy"
    assert by_day[D("2026-03-01")] == "Chủ nhật"
    # 29 calendar days hold 15 working days and 14 skipped ones
    assert len(skipped) == (due - start).days - 15


def test_next_years_decision_is_added_by_editing_data_not_code():
    table = CalendarTable.from_dict({
        "ignored_holiday_names": ["Ngày Văn hóa Việt Nam"],
        "year": [{
            "year": 2027,
            "source": "CV 9999/VPCP-KGVX (giả định cho kiểm thử)",
            "off": [{"date": date(2027, 5, 3), "reason": "Nghỉ hoán đổi"}],
            "work": [{"date": date(2027, 5, 8), "reason": "Làm bù cho thứ Hai 03/5/2027"}],
        }],
    })
    cal = WorkingCalendar.vietnam(table)
    assert not cal.is_working_day(D("2027-05-03"))
    assert cal.is_working_day(D("2027-05-08"))
    off, work = cal.year_listing(2027)
    assert [e.source for e in work] == ["CV 9999/VPCP-KGVX (giả định cho kiểm thử)"]


def test_a_year_without_an_announced_schedule_is_flagged(calendar):
    assert calendar.year_note(2027)
    assert calendar.year_note(2026) is None


def test_calendar_extends_itself_to_far_years(calendar):
    # 2/9/2040 is a holiday whatever the year's schedule; the calendar grows to reach it
    assert not calendar.is_working_day(D("2040-09-03")) or not calendar.is_working_day(D("2040-09-02"))
    assert calendar.add_working_days(D("2040-01-02"), 1) == D("2040-01-03")


def test_negative_counts_are_refused(calendar):
    with pytest.raises(ValueError, match="negative"):
        calendar.add_working_days(D("2026-01-05"), -1)
