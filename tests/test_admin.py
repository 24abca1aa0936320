"""Quản trị (issue 11, item 2): a unit renamed or merged into its successor, and the calendar's yearly decisions,
kept in the database (SQLite and PostgreSQL) over the shipped data files, through the use cases and the commands."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.test_tracker_service import add_letter
from tracker.admin import BadCalendarDay, BadMerge, UnknownUnit
from tracker.db import store
from tracker.db import units as unit_rows
from tracker.service import (Conflict, Tracker, add_calendar_day, build_obligations, merge_unit, rename_unit)

D = date.fromisoformat
ADMIN = "Trần Văn Quản"


def fresh(tracker):
    """The tracker as the next command builds it: the registry with the database's changes."""
    return Tracker(engine=tracker.engine, registry=unit_rows.with_added(tracker.engine, tracker.registry),
                   pack=tracker.pack, calendar=tracker.calendar, office_unit_id=tracker.office_unit_id)


@pytest.fixture
def tracker(engine, registry, pack, calendar):
    return Tracker(engine=engine, registry=registry, pack=pack, calendar=calendar, office_unit_id="q11.p5")


def bound_units(engine, letter_id):
    with engine.connect() as conn:
        return {o["unit_id"] for o in store.obligations_of_letter(conn, letter_id, live=True)}


def consult_tnmt(engine, received, number):
    return add_letter(engine, direction="out", received=received, number=number,
                      issuer="Ủy ban nhân dân Phường 5", subject="V/v lấy ý kiến dự thảo kế hoạch",
                      text="Đề nghị có ý kiến bằng văn bản.", recipients=["Phòng Tài nguyên và Môi trường"])


def test_a_letter_to_a_merged_unit_dated_from_the_merge_binds_its_successor(tracker, engine):
    merged = merge_unit(tracker, "q11.tnmt", actor=ADMIN, successor_id="q11.ldtbxh", on="15/01/2025")
    assert (merged.valid_to, merged.successors) == (D("2025-01-14"), ("q11.ldtbxh",))
    tracker = fresh(tracker)
    before = consult_tnmt(engine, "2025-01-10", "10/UBND-VP")
    after = consult_tnmt(engine, "2025-01-20", "20/UBND-VP")
    build_obligations(tracker)
    assert bound_units(engine, before) == {"q11.tnmt"}
    assert bound_units(engine, after) == {"q11.ldtbxh"}
    with engine.connect() as conn:
        notes = [h["note"] for h in store.history_of(conn, "unit", 0) if h["action"] == "merge"]
    assert notes == ["q11.tnmt sáp nhập vào q11.ldtbxh từ 15/01/2025"]
    with pytest.raises(BadMerge, match="đã có đơn vị kế thừa"):
        merge_unit(tracker, "q11.tnmt", actor=ADMIN, successor_id="q11.qldt", on="15/01/2025")
    with pytest.raises(BadMerge, match="chính nó"):
        merge_unit(tracker, "q11.qldt", actor=ADMIN, successor_id="q11.qldt", on="15/01/2025")
    with pytest.raises(UnknownUnit, match="Không có đơn vị mã «q11.xyz»"):
        merge_unit(tracker, "q11.xyz", actor=ADMIN, successor_id="q11.qldt", on="15/01/2025")


def test_a_renamed_unit_keeps_its_old_name_for_earlier_letters(tracker, engine):
    unit = rename_unit(tracker, "q11.qldt", actor=ADMIN, name="Phòng Kinh tế, Hạ tầng và Đô thị", short="P.KTHTĐT")
    tracker = fresh(tracker)
    assert tracker.registry["q11.qldt"].name == unit.name == "Phòng Kinh tế, Hạ tầng và Đô thị"
    assert tracker.registry.resolve("P.KTHTĐT").id == "q11.qldt"
    assert tracker.registry.resolve("Phòng Quản lý đô thị").id == "q11.qldt"
    with pytest.raises(Conflict, match="đã là tên của đơn vị khác"):
        rename_unit(tracker, "q11.qldt", actor=ADMIN, name="Phòng Tài nguyên và Môi trường")


def test_calendar_decisions_are_checked_and_kept_once(tracker, engine):
    with pytest.raises(BadCalendarDay, match="phải là thứ Bảy hoặc Chủ nhật"):
        add_calendar_day(tracker, actor=ADMIN, day="2027-03-05", kind="work", source="CV 1/VPCP")
    with pytest.raises(BadCalendarDay, match="cần ngày làm bù"):
        add_calendar_day(tracker, actor=ADMIN, day="2027-03-05", kind="swap", source="CV 1/VPCP")
    added = add_calendar_day(tracker, actor=ADMIN, day="05/03/2027", kind="swap", work_on="13/03/2027",
                             source="CV 1/VPCP")
    assert [(d, k) for d, k, _ in added.entries] == [(D("2027-03-05"), "off"), (D("2027-03-13"), "work")]
    with pytest.raises(Conflict, match="đã có quyết định"):
        add_calendar_day(tracker, actor=ADMIN, day="2027-03-05", kind="off", source="CV 2/VPCP")
    from tracker.calendar import CalendarTable, WorkingCalendar
    from tracker.db import calendar_days

    cal = WorkingCalendar.vietnam(CalendarTable.load().with_entries(calendar_days.entries(engine)))
    assert not cal.is_working_day(D("2027-03-05")) and cal.is_working_day(D("2027-03-13"))
    off, work = cal.year_listing(2027)
    assert ("CV 1/VPCP", "CV 1/VPCP") == (next(e.source for e in off if e.day == D("2027-03-05")),
                                          next(e.source for e in work if e.day == D("2027-03-13")))


def test_the_admin_commands_show_in_units_and_due(tmp_path):
    from tests.test_cli_drafts import congvan

    cfg = tmp_path / "congvan.toml"
    cfg.write_text(f'[database]\nurl = "sqlite:///{tmp_path / "db.sqlite"}"\n[office]\nunit = "q11.p5"\n',
                   encoding="utf-8")
    assert congvan(cfg, "due", "--from", "2026-03-02", "--working-days", "3").stdout.startswith(
        "Hạn: Thứ Năm 05/03/2026")
    out = congvan(cfg, "calendar", "add", "04/03/2026", "--kind", "off", "--source", "QĐ 7/QĐ-UBND", "--by", ADMIN)
    assert out.returncode == 0, out.stderr
    due = congvan(cfg, "due", "--from", "2026-03-02", "--working-days", "3", "--json")
    assert json.loads(due.stdout)["due"] == "2026-03-06"
    assert "QĐ 7/QĐ-UBND" in congvan(cfg, "calendar", "2026").stdout
    out = congvan(cfg, "calendar", "remove", "04/03/2026", "--reason", "nhập nhầm", "--by", ADMIN)
    assert out.returncode == 0 and "Đã bỏ ngày nghỉ" in out.stdout, out.stderr
    assert json.loads(congvan(cfg, "due", "--from", "2026-03-02", "--working-days", "3", "--json").stdout)["due"] \
        == "2026-03-05"
    again = congvan(cfg, "calendar", "remove", "04/03/2026", "--reason", "nhập nhầm", "--by", ADMIN)
    assert again.returncode == 2 and "không có quyết định nào do quản trị thêm" in again.stderr
    out = congvan(cfg, "calendar", "add", "04/03/2026", "--kind", "off", "--source", "QĐ 7/QĐ-UBND", "--by", ADMIN)
    assert out.returncode == 0, out.stderr
    out = congvan(cfg, "units", "rename", "q11.qldt", "--name", "Phòng Kinh tế, Hạ tầng và Đô thị", "--by", ADMIN)
    assert out.returncode == 0, out.stderr
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in congvan(cfg, "units").stdout
    out = congvan(cfg, "units", "merge", "q11.tnmt", "--into", "q11.qldt", "--from", "01/01/2025", "--by", ADMIN)
    assert out.returncode == 0, out.stderr
    shown = json.loads(congvan(cfg, "units", "q11.tnmt", "--json").stdout)
    assert (shown["valid_to"], shown["successors"]) == ("2024-12-31", ["q11.qldt"])
    bad = congvan(cfg, "units", "merge", "q11.tnmt", "--into", "q11.xyz", "--from", "01/01/2025", "--by", ADMIN)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1 and "q11.xyz" in bad.stderr


def test_a_notice_explains_its_due_date_with_the_days_off_an_administrator_added(tmp_path):
    """A day off decided after the shipped calendar moves the due date, and the notice's explanation counts it."""
    import email.policy

    from congvan.context import ready_engine
    from config.settings import Settings
    from tests.test_cli_drafts import congvan
    from tests.test_tracker_service import consult_three_units

    cfg = tmp_path / "congvan.toml"
    cfg.write_text(f'[database]\nurl = "sqlite:///{tmp_path / "db.sqlite"}"\n[office]\nunit = "UBND Phường 5"\n'
                   'addresses = ["phuong5@quan11.example"]\n', encoding="utf-8")
    consult_three_units(ready_engine(Settings.load(cfg)))  # sent 20/01/2025; 15 working days end 17/02 (Tết skipped)
    out = congvan(cfg, "calendar", "add", "05/02/2025", "--kind", "off", "--source", "QĐ 9/QĐ-UBND", "--by", ADMIN)
    assert out.returncode == 0, out.stderr
    assert congvan(cfg, "sweep", "--today", "2025-02-19").returncode == 0
    listed = [json.loads(line) for line in congvan(cfg, "drafts", "--jsonl").stdout.splitlines()]
    assert {d["due"] for d in listed if d["kind"] == "deemed_agreed"} == {"2025-02-18"}
    assert congvan(cfg, "drafts", "export", str(tmp_path / "out")).returncode == 0
    notice = next(p for p in (tmp_path / "out").glob("*.eml") if "deemed_agreed" in p.name)
    body = email.message_from_bytes(notice.read_bytes(), policy=email.policy.default).get_body(("plain",)).get_content()
    assert "05/02/2025" in body and "18/02/2025" in body, body


def test_a_day_off_decided_later_moves_the_open_due_dates_it_falls_in_but_not_a_clerks_extension(tracker, engine):
    """The government gives a day off after letters were sent: every open time that runs over it is counted again
    (15 working days stay 15), its reminders start afresh, and what a clerk extended by hand stays as decided."""
    import dataclasses

    from tests.test_tracker_service import consult_three_units, draft_rows, states
    from tracker.calendar import CalendarTable, WorkingCalendar
    from tracker.db import calendar_days
    from tracker.service import extend_obligation, sweep

    letter = consult_three_units(engine)  # sent 20/01/2025: due 17/02/2025 for each of the three units
    build_obligations(tracker)
    sweep(tracker, D("2025-02-12"))  # three working days before: a reminder to each
    assert sorted(d["kind"] for d in draft_rows(engine) if d["status"] != "discarded") == ["reminder"] * 3
    with engine.connect() as conn:
        ward = next(o for o in store.obligations_of_letter(conn, letter, live=True) if o["unit_id"] == "q11.p14")
    extend_obligation(tracker, ward["id"], actor=ADMIN, new_due="20/02/2025", reason="phường xin thêm thời gian")

    decision = add_calendar_day(tracker, actor=ADMIN, day="05/02/2025", kind="off", source="TB 9/TB-VPCP")
    assert sorted((old, new) for _, old, new in decision.moved) == [(D("2025-02-17"), D("2025-02-18"))] * 2
    assert states(engine, letter) == {"q11.qldt": ("open", D("2025-02-18"), False),
                                      "q11.tnmt": ("open", D("2025-02-18"), False),
                                      "q11.p14": ("open", D("2025-02-20"), False)}
    assert all(d["status"] == "discarded" for d in draft_rows(engine))  # no reminder naming 17/02 goes out
    with engine.connect() as conn:
        notes = [h["note"] for h in store.history_of(conn, "obligation", decision.moved[0][0])
                 if h["field"] == "due_date"]
    assert notes == ["lịch làm việc thay đổi: Ngày nghỉ 05/02/2025 (TB 9/TB-VPCP)"]

    moved = dataclasses.replace(tracker, calendar=WorkingCalendar.vietnam(
        CalendarTable.load().with_entries(calendar_days.entries(engine))))
    assert sweep(moved, D("2025-02-18")).deemed_agreed == 0  # 17/02 is no longer the last day
    assert sweep(moved, D("2025-02-19")).deemed_agreed == 2


def test_a_decision_taken_back_restores_the_due_dates_it_had_moved(tracker, engine):
    import dataclasses

    from tests.test_tracker_service import consult_three_units, states
    from tracker.admin import remove_calendar_day
    from tracker.calendar import CalendarTable, WorkingCalendar
    from tracker.db import calendar_days
    from tracker.validation import NotFound

    letter = consult_three_units(engine)
    build_obligations(tracker)
    add_calendar_day(tracker, actor=ADMIN, day="05/02/2025", kind="off", source="TB 9/TB-VPCP")
    moved = dataclasses.replace(tracker, calendar=WorkingCalendar.vietnam(
        CalendarTable.load().with_entries(calendar_days.entries(engine))))
    assert {due for _, due, _ in states(engine, letter).values()} == {D("2025-02-18")}
    with pytest.raises(NotFound, match="lịch gốc"):
        remove_calendar_day(moved, actor=ADMIN, day="29/01/2025", reason="thử")  # Tết, in the shipped table
    taken = remove_calendar_day(moved, actor=ADMIN, day="05/02/2025", reason="thông báo bị thu hồi")
    assert len(taken.moved) == 3 and calendar_days.entries(engine) == ()
    assert {due for _, due, _ in states(engine, letter).values()} == {D("2025-02-17")}
    with engine.connect() as conn:
        removed = [h for h in store.history_of(conn, "calendar", 0) if h["action"] == "remove"]
    assert [(h["before"], h["actor"]) for h in removed] == [("2025-02-05", ADMIN)]
