"""Obligations from recorded letters, replies, and the daily sweep, on a real database (SQLite and PostgreSQL).

Letters are inserted as intake records them (fields already extracted); the end-to-end tests from e-mails are in
test_scenarios.py.
"""

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import insert, select

from tracker.db import store
from tracker.db.schema import drafts, letters
from tracker.service import Tracker, build_obligations, confirm_letter, sweep

D = date.fromisoformat
LOCAL = timezone(timedelta(hours=7))


@pytest.fixture
def tracker(engine, registry, pack, calendar):
    return Tracker(engine=engine, registry=registry, pack=pack, calendar=calendar, office_unit_id="q11.p5")


def add_letter(engine, *, direction, received, number=None, doc_type="Công văn", issuer=None, subject="",
               text="", confidence=0.95, status="new", office="q11.p5", **extraction):
    at = datetime.fromisoformat(received + "T09:30").replace(tzinfo=LOCAL)
    with engine.begin() as conn:
        return conn.execute(insert(letters).values(
            office_id=office, direction=direction, doc_number=number, doc_type=doc_type, issuer=issuer,
            issue_date=D(received), subject=subject, received_at=at, status=status, text=text,
            confidence=confidence, extraction={"issuer": issuer, **extraction},
        ).returning(letters.c.id)).scalar_one()


def consult_three_units(engine):
    return add_letter(
        engine, direction="out", received="2025-01-20", number="12/UBND-ĐT", issuer="Ủy ban nhân dân Phường 5",
        subject="V/v lấy ý kiến dự thảo kế hoạch chỉnh trang vỉa hè",
        text="Đề nghị các đơn vị có ý kiến bằng văn bản gửi về UBND Phường 5.",
        recipients=["Phòng Quản lý đô thị", "Phòng Tài nguyên và Môi trường", "UBND Phường 14"],
    )


def states(engine, letter_id):
    with engine.connect() as conn:
        return {o["unit_id"]: (o["state"], o["due_date"], o["late"])
                for o in store.obligations_of_letter(conn, letter_id, live=True)}


def draft_rows(engine):
    """Every draft as the use cases read it (the context its letter's drafts share merged back)."""
    with engine.connect() as conn:
        return store.with_context(conn, [dict(r._mapping) for r in conn.execute(select(drafts).order_by(drafts.c.id))])


def test_a_written_consultation_gives_each_unit_its_own_clock_across_tet(tracker, engine):
    letter_id = consult_three_units(engine)
    summary = build_obligations(tracker)
    assert summary.obligations == 3
    assert states(engine, letter_id) == {
        "q11.qldt": ("open", D("2025-02-17"), False),
        "q11.tnmt": ("open", D("2025-02-17"), False),
        "q11.p14": ("open", D("2025-02-17"), False),
    }


def test_one_unit_answers_and_the_two_silent_ones_are_reminded_then_deemed_to_agree(tracker, engine):
    letter_id = consult_three_units(engine)
    build_obligations(tracker)
    add_letter(engine, direction="in", received="2025-02-10", number="88/QLĐT-HT", issuer="Phòng Quản lý đô thị",
               subject="V/v góp ý dự thảo kế hoạch", replies_to=["12/UBND-ĐT"])
    assert build_obligations(tracker).replies == 1
    assert states(engine, letter_id)["q11.qldt"] == ("answered", D("2025-02-17"), False)

    assert sweep(tracker, D("2025-02-12")).reminders == 2  # 3 working days before 17/2
    assert sweep(tracker, D("2025-02-12")).reminders == 0  # the same sweep twice writes nothing new
    assert sweep(tracker, D("2025-02-14")).reminders == 2  # 1 working day before
    assert sweep(tracker, D("2025-02-15")).reminders == 0  # Saturday: no reminders
    assert sweep(tracker, D("2025-02-17")).deemed_agreed == 0  # the last day is still on time
    lapsed = sweep(tracker, D("2025-02-18"))
    assert (lapsed.deemed_agreed, lapsed.reports) == (2, 1)
    assert {u: s for u, (s, _, _) in states(engine, letter_id).items()} == {
        "q11.qldt": "answered", "q11.tnmt": "deemed_agreed", "q11.p14": "deemed_agreed"}

    notices = [d for d in draft_rows(engine) if d["kind"] == "deemed_agreed"]
    assert sorted(d["to_unit_id"] for d in notices) == ["q11.p14", "q11.tnmt"]
    assert all("12/UBND-ĐT" in d["subject"] and d["context"]["articles"] == ["điểm a khoản 3 Điều 7"]
               for d in notices)
    report = [d for d in draft_rows(engine) if d["kind"] == "noncooperation"]
    assert len(report) == 1 and report[0]["to_unit_id"] == "q11.ct"
    assert report[0]["context"]["articles"] == ["điểm a khoản 3 Điều 7", "khoản 2 Điều 10"]  # a ward leads: no Đ.8.2.a
    assert [c["id"] for c in report[0]["context"]["copies"]] == ["q11.nv"]
    assert sorted(r["unit"] for r in report[0]["context"]["silent"]) == [
        "Phòng Tài nguyên và Môi trường", "Ủy ban nhân dân Phường 14"]
    assert sweep(tracker, D("2025-02-18")).deemed_agreed == 0


def test_a_reply_after_the_due_day_is_recorded_as_late_not_lost(tracker, engine):
    letter_id = consult_three_units(engine)
    build_obligations(tracker)
    sweep(tracker, D("2025-02-18"))
    add_letter(engine, direction="in", received="2025-02-20", number="31/TNMT", issuer="Phòng Tài nguyên và Môi trường",
               replies_to=["12 /UBND – ĐT"])
    build_obligations(tracker)
    assert states(engine, letter_id)["q11.tnmt"] == ("answered", D("2025-02-17"), True)
    with engine.connect() as conn:
        ob = next(o for o in store.obligations_of_letter(conn, letter_id) if o["unit_id"] == "q11.tnmt")
        moves = [(h["before"], h["after"]) for h in store.history_of(conn, "obligation", ob["id"]) if h["action"] == "state"]
    assert moves == [("open", "deemed_agreed"), ("deemed_agreed", "answered")]


def test_an_unanswered_ward_recommendation_is_escalated_to_the_chairman(tracker, engine):
    letter_id = add_letter(
        engine, direction="out", received="2025-03-03", number="25/UBND-ĐT", issuer="Ủy ban nhân dân Phường 5",
        subject="V/v kiến nghị xử lý tình trạng ngập nước tại hẻm 120",
        text="UBND Phường 5 kiến nghị Phòng Quản lý đô thị xem xét, giải quyết và trả lời bằng văn bản.",
        recipients=["Phòng Quản lý đô thị"])
    build_obligations(tracker)
    assert states(engine, letter_id)["q11.qldt"][1] == D("2025-03-24")
    result = sweep(tracker, D("2025-03-25"))
    assert (result.escalated, result.deemed_agreed) == (1, 0)
    esc = [d for d in draft_rows(engine) if d["kind"] == "escalation"]
    assert esc[0]["to_unit_id"] == "q11.ct" and esc[0]["context"]["silent"][0]["unit_id"] == "q11.qldt"


def test_an_incoming_request_is_the_offices_own_obligation(tracker, engine):
    letter_id = add_letter(
        engine, direction="in", received="2025-04-14", number="45/KT", issuer="Phòng Kinh tế",
        subject="V/v lấy ý kiến phương án quản lý chợ", text="Đề nghị UBND Phường 5 có ý kiến bằng văn bản.",
        recipients=["UBND Phường 5"], deadlines=[{"text": "trước ngày 26/4/2025", "date": "2025-04-26",
                                                  "relative_working_days": None, "applies_to": None}])
    build_obligations(tracker)
    assert states(engine, letter_id) == {"q11.p5": ("open", D("2025-04-26"), False)}  # a make-up Saturday
    sweep(tracker, D("2025-04-23"))
    (reminder,) = draft_rows(engine)
    assert reminder["to_unit_id"] == "q11.p5" and reminder["context"]["role"] == "self"


def test_a_reply_from_a_ward_merged_in_2025_closes_the_old_wards_obligation(tracker, engine):
    letter_id = add_letter(
        engine, direction="out", received="2025-06-16", number="70/UBND-ĐT", issuer="Ủy ban nhân dân Phường 5",
        subject="V/v lấy ý kiến", text="Đề nghị có ý kiến bằng văn bản.", recipients=["UBND Phường 14"])
    build_obligations(tracker)
    add_letter(engine, direction="in", received="2025-07-03", number="05/UBND", issuer="Ủy ban nhân dân phường Hòa Bình",
               replies_to=["70/UBND-ĐT"])
    build_obligations(tracker)
    assert states(engine, letter_id)["q11.p14"][0] == "answered"


def test_a_letter_read_with_low_confidence_waits_for_the_clerk(tracker, engine):
    letter_id = add_letter(
        engine, direction="out", received="2025-01-20", number="12/UBND-ĐT", issuer="Ủy ban nhân dân Phường 5",
        subject="V/v lấy ý kiến", text="Đề nghị có ý kiến bằng văn bản.", confidence=0.4,
        recipients=["Phòng Tài chính - Kế hoạch"])
    build_obligations(tracker)
    # shown as provisional, and nothing is drafted for it however late it gets
    with engine.connect() as conn:
        assert [o["provisional"] for o in store.obligations_of_letter(conn, letter_id)] == [True]
    sweep(tracker, D("2025-02-18"))
    assert draft_rows(engine) == []
    # the clerk sees the unit was misread and corrects it before any notice goes out
    confirm_letter(tracker, letter_id, actor="Nguyễn Thị Văn Thư", changes={"recipients": ["Phòng Quản lý đô thị"]})
    assert set(states(engine, letter_id)) == {"q11.qldt"}
    with engine.connect() as conn:
        edits = [h for h in store.history_of(conn, "letter", letter_id) if h["actor"] == "Nguyễn Thị Văn Thư"]
    assert any("Phòng Quản lý đô thị" in (h["after"] or "") and "Tài chính" in (h["before"] or "") for h in edits)


def test_a_request_in_another_form_is_capped_at_15_working_days(tracker, engine):
    letter_id = add_letter(
        engine, direction="out", received="2025-05-06", number="40/UBND-VX", issuer="Ủy ban nhân dân Phường 5",
        subject="V/v phối hợp kiểm tra", text="Đề nghị Phòng Văn hóa và Thông tin phối hợp kiểm tra và báo cáo kết quả.",
        recipients=["Phòng Văn hóa và Thông tin"],
        deadlines=[{"text": "trong thời hạn 20 ngày làm việc", "date": None, "relative_working_days": 20,
                    "applies_to": None}])
    build_obligations(tracker)
    with engine.connect() as conn:
        (ob,) = store.obligations_of_letter(conn, letter_id)
    assert (ob["rule"], ob["due_date"], ob["basis"], ob["flags"]) == ("other", D("2025-05-27"), "capped", ["capped"])


def test_leaders_get_one_digest_on_the_first_working_day_of_the_week(tracker, engine, registry):
    from congvan.drafting import render_draft
    from config.settings import Settings

    consult_three_units(engine)
    build_obligations(tracker)
    assert sweep(tracker, D("2025-02-14")).digest is False  # a Friday
    assert sweep(tracker, D("2025-02-17")).digest is True  # Monday
    assert sweep(tracker, D("2025-02-17")).digest is False  # once a week
    (digest,) = [d for d in draft_rows(engine) if d["kind"] == "digest"]
    assert [i["unit"] for i in digest["context"]["due_this_week"]] == [
        "Phòng Quản lý đô thị", "Phòng Tài nguyên và Môi trường", "Ủy ban nhân dân Phường 14"]
    rendered = render_draft(digest, Settings(), registry)
    assert "12/UBND-ĐT" in rendered.text and "Phòng Tài nguyên và Môi trường" in rendered.html


def test_a_letter_to_a_ward_that_no_longer_exists_binds_its_successor(tracker, engine):
    letter_id = add_letter(
        engine, direction="out", received="2025-07-14", number="90/UBND-ĐT", issuer="Ủy ban nhân dân Phường 5",
        subject="V/v lấy ý kiến", text="Đề nghị có ý kiến bằng văn bản.", recipients=["UBND Phường 14"])
    build_obligations(tracker)
    # Phường 14 merged into phường Hòa Bình on 1/7/2025
    assert set(states(engine, letter_id)) == {"hcm.hoa-binh"}


def test_a_department_consulting_others_keeps_the_ward_informed_and_counts_from_their_answers(
        engine, registry, pack, calendar):
    from congvan.drafting import render_draft
    from config.settings import Settings

    qldt = Tracker(engine=engine, registry=registry, pack=pack, calendar=calendar, office_unit_id="q11.qldt")
    rec_letter = add_letter(
        engine, office="q11.qldt", direction="in", received="2025-03-03", number="58/UBND-ĐT", issuer="Ủy ban nhân dân Phường 5",
        subject="V/v kiến nghị xử lý ngập nước hẻm 46",
        text="UBND Phường 5 kiến nghị Phòng Quản lý đô thị xem xét, giải quyết.", recipients=["Phòng Quản lý đô thị"])
    build_obligations(qldt)
    assert states(engine, rec_letter) == {"q11.qldt": ("open", D("2025-03-24"), False)}
    # the department asks Phòng TNMT before answering, citing the ward's letter
    consult = add_letter(
        engine, office="q11.qldt", direction="out", received="2025-03-05", number="301/QLĐT-HT", issuer="Phòng Quản lý đô thị",
        subject="V/v lấy ý kiến về kiến nghị của UBND Phường 5",
        text="Xét Công văn số 58/UBND-ĐT ngày 03/3/2025 của UBND Phường 5, đề nghị Phòng Tài nguyên và Môi trường "
             "có ý kiến bằng văn bản.", recipients=["Phòng Tài nguyên và Môi trường"])
    build_obligations(qldt)
    assert states(engine, consult)["q11.tnmt"][1] == D("2025-03-26")
    # provisional: 15 working days after the consulted unit's due day
    assert states(engine, rec_letter)["q11.qldt"][1] == D("2025-04-17")
    (progress,) = [d for d in draft_rows(engine) if d["kind"] == "progress"]
    assert progress["to_unit_id"] == "q11.p5"
    assert "Phòng Tài nguyên và Môi trường" in render_draft(progress, Settings(), registry).text
    # the answer comes: 15 working days from it
    add_letter(engine, office="q11.qldt", direction="in", received="2025-03-20", number="77/TNMT", issuer="Phòng Tài nguyên và Môi trường",
               replies_to=["301/QLĐT-HT"])
    build_obligations(qldt)
    assert states(engine, rec_letter)["q11.qldt"][1] == D("2025-04-11")
    assert len([d for d in draft_rows(engine) if d["kind"] == "progress"]) == 2


def test_a_report_asked_within_a_quarter_is_due_at_the_quarters_end(engine, registry, pack, calendar):
    # received 15/9/2025, "trong quý III/2025": the end of September comes before Đ.7.3.c's 15 working days
    qldt = Tracker(engine=engine, registry=registry, pack=pack, calendar=calendar, office_unit_id="q11.qldt")
    letter_id = add_letter(
        engine, direction="in", received="2025-09-15", number="88/UBND", issuer="Ủy ban nhân dân Quận 11",
        subject="V/v báo cáo tình hình chỉnh trang vỉa hè", office="q11.qldt",
        text="Đề nghị Phòng Quản lý đô thị báo cáo kết quả trong quý III/2025.",
        recipients=["Phòng Quản lý đô thị"], deadlines=[{"text": "trong quý III/2025", "date": None,
                                                        "quarter": "2025-Q3", "relative_working_days": None,
                                                        "applies_to": None}])
    build_obligations(qldt)
    assert states(engine, letter_id) == {"q11.qldt": ("open", D("2025-09-30"), False)}


def test_a_report_asked_every_month_is_first_due_on_the_next_such_day(engine, registry, pack, calendar):
    # received Thursday 20/11/2025, "trước ngày 10 hằng tháng": the first report is due on 10/12/2025
    qldt = Tracker(engine=engine, registry=registry, pack=pack, calendar=calendar, office_unit_id="q11.qldt")
    letter_id = add_letter(
        engine, direction="in", received="2025-11-20", number="95/UBND", issuer="Ủy ban nhân dân Quận 11",
        subject="V/v báo cáo tiến độ giải ngân", office="q11.qldt",
        text="Đề nghị Phòng Quản lý đô thị báo cáo tiến độ trước ngày 10 hằng tháng.",
        recipients=["Phòng Quản lý đô thị"], deadlines=[{"text": "trước ngày 10 hằng tháng", "date": None,
                                                        "recurring": "monthly", "day_of_month": 10, "bound": "before",
                                                        "relative_working_days": None, "applies_to": None}])
    build_obligations(qldt)
    (state,) = states(engine, letter_id).values()
    assert state[:2] == ("open", D("2025-12-09"))  # "trước ngày 10": the day before it
