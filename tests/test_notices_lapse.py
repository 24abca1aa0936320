"""What the regulation says happens when a time runs out, and what the notices say about it, on a real database.

Deemed agreed only where QĐ 1342 says it (Đ.7.3.a, Đ.7.3.b, Đ.8.2.a); other forms, assignments and personnel become
overdue, are reminded, then reported under Đ.10.2; every notice cites its clauses in Vietnamese order and explains
its due date; "trước ngày X" ends on the working day before X; an hour the letter gives is kept.
"""

from __future__ import annotations

import re

import pytest

from config.settings import OfficeSettings, Settings
from congvan.drafting import render_draft
from tests.test_tracker_service import D, add_letter, draft_rows, states, tracker  # noqa: F401 - fixture
from tracker.service import build_obligations, sweep

SETTINGS = Settings(office=OfficeSettings(unit="q11.p5", place="Phường 5", drafting_unit="ĐT",
                                          signer_authority="TM. ỦY BAN NHÂN DÂN", signer_title="CHỦ TỊCH",
                                          signer_name="Nguyễn Văn Thành"))
REVERSED = re.compile(r"Điều \d+ khoản|khoản \d+ điểm")


def rendered(tracker, kind=None, **match):
    rows = [d for d in draft_rows(tracker.engine) if (kind is None or d["kind"] == kind)
            and all(d[k] == v for k, v in match.items())]
    return [(row, render_draft(row, SETTINGS, tracker.registry)) for row in rows]


def data_request(engine, received="2025-05-06"):
    """A ward asks a department for figures within 10 working days: coordination in another form (Đ.7.3.c)."""
    return add_letter(engine, direction="out", received=received, number="121/UBND-VHXH",
                      issuer="Ủy ban nhân dân Phường 5", subject="V/v cung cấp số liệu hộ kinh doanh",
                      text="Đề nghị Phòng Kinh tế phối hợp thực hiện rà soát, cung cấp số liệu hộ kinh doanh trên "
                           "địa bàn phường, gửi về UBND Phường 5 trong thời hạn 10 ngày làm việc.",
                      recipients=["Phòng Kinh tế"],
                      deadlines=[{"text": "trong thời hạn 10 ngày làm việc", "relative_working_days": 10}])


def test_a_data_request_lapses_to_overdue_then_a_d10_2_report_never_deemed_agreed(tracker, engine):
    letter_id = data_request(engine)
    build_obligations(tracker)
    assert states(engine, letter_id)["q11.kt"][:2] == ("open", D("2025-05-20"))

    lapsed = sweep(tracker, D("2025-05-21"))
    assert (lapsed.deemed_agreed, lapsed.overdue, lapsed.reminders) == (0, 1, 1)
    assert states(engine, letter_id)["q11.kt"][0] == "overdue"
    ((row, overdue),) = rendered(tracker, "reminder", to_unit_id="q11.kt")
    assert "xem như đồng ý" not in overdue.text
    assert "điểm c khoản 3 Điều 7 Quy chế phối hợp giữa các phòng, ban" in overdue.text
    assert "khoản 2 Điều 10" in overdue.text and "Phòng Nội vụ" in overdue.text

    assert sweep(tracker, D("2025-05-27")).reports == 0  # 5 working days after the due day: still waiting
    later = sweep(tracker, D("2025-05-28"))
    assert (later.reports, later.escalated) == (1, 1)
    assert states(engine, letter_id)["q11.kt"][0] == "escalated"
    ((row, report),) = rendered(tracker, "noncooperation")
    assert row["to_unit_id"] == "q11.ct" and [c["id"] for c in row["context"]["copies"]] == ["q11.nv"]
    assert "xem như đồng ý" not in report.text
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân Quận 11." in report.text
    assert "- Phòng Nội vụ (để tổng hợp);" in report.text
    assert "Phòng Kinh tế | Công văn số 121/UBND-VHXH ngày 06/5/2025" in report.text
    assert "10 ngày làm việc, tính từ ngày 07/5/2025" in report.text  # how the due date was computed
    assert "đề xuất Ủy ban nhân dân quận hình thức xử lý như sau: ...." in report.text  # left for the leader
    assert "điểm a khoản 2 Điều 8" not in report.text  # a ward leads: Đ.8.2.a does not apply
    assert sweep(tracker, D("2025-05-29")).reports == 0  # reported once


def test_an_answer_after_the_due_day_closes_an_overdue_obligation_as_late(tracker, engine):
    letter_id = data_request(engine)
    build_obligations(tracker)
    sweep(tracker, D("2025-05-21"))
    add_letter(engine, direction="in", received="2025-05-23", number="77/KT", issuer="Phòng Kinh tế",
               subject="V/v cung cấp số liệu hộ kinh doanh", replies_to=["121/UBND-VHXH"])
    assert build_obligations(tracker).replies == 1
    assert states(engine, letter_id)["q11.kt"] == ("answered", D("2025-05-20"), True)
    assert sweep(tracker, D("2025-05-28")).reports == 0


def test_every_notice_cites_in_vietnamese_order_and_explains_its_due_date(tracker, engine):
    add_letter(engine, direction="out", received="2025-01-20", number="12/UBND-ĐT", issuer="Ủy ban nhân dân Phường 5",
               subject="V/v lấy ý kiến dự thảo kế hoạch chỉnh trang vỉa hè",
               text="Đề nghị các đơn vị có ý kiến bằng văn bản gửi về UBND Phường 5.",
               recipients=["Phòng Tài chính - Kế hoạch", "UBND Phường 14"])
    data_request(engine)
    build_obligations(tracker)
    for day in ("2025-02-12", "2025-02-18", "2025-05-16", "2025-05-21", "2025-05-28"):
        sweep(tracker, D(day))
    notices = rendered(tracker)
    assert {row["kind"] for row, _ in notices} >= {"reminder", "deemed_agreed", "noncooperation"}
    for row, r in notices:
        assert not REVERSED.search(r.text), (row["kind"], REVERSED.search(r.text))
        if r.docx:
            assert "ban hành kèm theo Quyết định số 1342/QĐ-UBND ngày 06 tháng 7 năm 2023" in r.text
    (deemed,) = [r for row, r in notices if row["kind"] == "deemed_agreed" and row["to_unit_id"] == "q11.tckh"]
    assert ("15 ngày làm việc, tính từ ngày 21/01/2025 là ngày làm việc tiếp theo ngày nhận văn bản, không kể "
            "8 ngày thứ Bảy, Chủ nhật và 5 ngày nghỉ lễ, Tết, nghỉ bù (27/01/2025") in deemed.text
    assert "Kính gửi" not in deemed.text or "Phòng Tài chính - Kế hoạch" in deemed.text
    assert "Phòng Tài chính - Kế hoạch" in deemed.text and "Kế hoạch." not in deemed.text.replace("- Kế hoạch", "")


def test_a_request_for_more_than_15_working_days_in_another_form_says_it_was_capped(tracker, engine):
    add_letter(engine, direction="out", received="2025-05-06", number="122/UBND-VHXH",
               issuer="Ủy ban nhân dân Phường 5", subject="V/v phối hợp kiểm tra quảng cáo ngoài trời",
               text="Đề nghị Phòng Văn hóa và Thông tin phối hợp kiểm tra, gửi kết quả trong 20 ngày làm việc.",
               recipients=["Phòng Văn hóa và Thông tin"],
               deadlines=[{"text": "trong 20 ngày làm việc", "relative_working_days": 20}])
    build_obligations(tracker)
    sweep(tracker, D("2025-05-22"))
    ((_, r),) = rendered(tracker, "reminder")
    assert "văn bản đề nghị thời hạn dài hơn 15 ngày làm việc; theo điểm c khoản 3 Điều 7, thời hạn phối hợp " \
           "không quá 15 ngày làm việc" in r.text
    assert "hết ngày 27/5/2025" in r.text


def test_truoc_ngay_ends_on_the_working_day_before_and_an_hour_is_kept(tracker, engine):
    before = add_letter(engine, direction="out", received="2025-08-04", number="150/UBND-ĐT",
                        issuer="Ủy ban nhân dân Phường 5", subject="V/v lấy ý kiến phương án chợ tạm",
                        text="Đề nghị các đơn vị có ý kiến bằng văn bản trước ngày 18/8/2025.",
                        recipients=["Phòng Kinh tế"],
                        deadlines=[{"text": "trước ngày 18/8/2025", "date": "2025-08-18", "bound": "before"}])
    by = add_letter(engine, direction="out", received="2025-08-04", number="151/UBND-ĐT",
                    issuer="Ủy ban nhân dân Phường 5", subject="V/v lấy ý kiến phương án chợ tạm",
                    text="Đề nghị các đơn vị có ý kiến bằng văn bản chậm nhất ngày 18/8/2025.",
                    recipients=["Phòng Kinh tế"], deadlines=[{"text": "chậm nhất ngày 18/8/2025", "date": "2025-08-18"}])
    hour = add_letter(engine, direction="out", received="2025-05-20", number="152/UBND-ĐT",
                      issuer="Ủy ban nhân dân Phường 5", subject="V/v lấy ý kiến phương án chợ tạm",
                      text="Đề nghị các đơn vị có ý kiến bằng văn bản trước 16 giờ 00 ngày 27/5/2025.",
                      recipients=["Phòng Kinh tế"],
                      deadlines=[{"text": "trước 16 giờ 00 ngày 27/5/2025", "date": "2025-05-27", "bound": "before",
                                  "time": "16:00"}])
    build_obligations(tracker)
    assert states(engine, before)["q11.kt"][1] == D("2025-08-15")  # 16-17/8 is a weekend: Friday 15/8
    assert states(engine, by)["q11.kt"][1] == D("2025-08-18")
    assert states(engine, hour)["q11.kt"][1] == D("2025-05-27")
    sweep(tracker, D("2025-05-26"))
    ((_, r),) = rendered(tracker, "reminder", letter_number="152/UBND-ĐT")
    assert "thời hạn trả lời là 16 giờ 00 ngày 27/5/2025" in r.text
    sweep(tracker, D("2025-08-13"))
    ((_, r),) = rendered(tracker, "reminder", letter_number="150/UBND-ĐT")
    assert "hết ngày 15/8/2025" in r.text
    assert "văn bản đề nghị trả lời trước ngày 18/8/2025, nên thời hạn kết thúc vào cuối ngày làm việc liền trước" \
           in r.text


def test_a_unit_merged_since_the_letter_is_named_with_its_successor(tracker, engine):
    add_letter(engine, direction="out", received="2025-06-16", number="70/UBND-ĐT", issuer="Ủy ban nhân dân Phường 5",
               subject="V/v lấy ý kiến phương án sắp xếp chợ tạm",
               text="Đề nghị các đơn vị có ý kiến bằng văn bản.", recipients=["UBND Phường 7"])
    build_obligations(tracker)
    sweep(tracker, D("2025-07-08"))
    ((row, r),) = rendered(tracker, "deemed_agreed")
    assert "Ủy ban nhân dân Phường 7, nay là Ủy ban nhân dân phường Minh Phụng" in r.text


def test_the_confirm_in_writing_reminder_says_who_asked_whom_and_sets_no_time(tracker, engine):
    from sqlalchemy import insert

    from tracker.db.schema import letter_sources, messages

    letter_id = add_letter(engine, direction="in", received="2025-05-26", number=None, doc_type=None,
                           subject="Đề nghị cung cấp gấp số liệu người cao tuổi",
                           text="Đề nghị UBND Phường 5 cung cấp gấp số liệu người cao tuổi trên địa bàn.")
    with engine.begin() as conn:
        ref = conn.execute(insert(messages).values(
            mailbox="test", folder="INBOX", uid=1, message_id="<yt@quan11.example>", from_addr="yt@quan11.example",
            subject="Đề nghị cung cấp gấp số liệu người cao tuổi", direction="in", status="processed",
            content_hash="0" * 64, office_id="q11.p5",
        ).returning(messages.c.id)).scalar_one()
        conn.execute(insert(letter_sources).values(letter_id=letter_id, message_ref=ref))
    build_obligations(tracker)
    for day in ("2025-05-28", "2025-06-02", "2025-06-03"):
        sweep(tracker, D(day))
    ((row, r),) = rendered(tracker, "reminder", to_unit_id="q11.yt")
    assert "Phòng Y tế đã đề nghị Ủy ban nhân dân Phường 5 phối hợp qua thư điện tử" in r.text
    assert "khoản 5 Điều 4" in r.text
    assert "thời hạn" not in r.text.lower() and "xem như đồng ý" not in r.text
