"""Confidence from evidence and the fields a clerk must check (nlp.confidence), on letters written for these tests
(invented names and places)."""

from nlp import Extractor
from nlp.confidence import OBLIGATION_FIELDS, doubts, needs_clerk

EX = Extractor()

CLEAN = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HƯNG LAM                          Độc lập - Tự do - Hạnh phúc
Số: 81/UBND-KT                     Hưng Lam, ngày 14 tháng 4 năm 2025
V/v báo cáo tiến độ giải ngân vốn đầu tư công

Kính gửi: Sở Tài chính tỉnh Hưng Lam.

Ủy ban nhân dân tỉnh đề nghị Sở Tài chính tỉnh Hưng Lam báo cáo tiến độ giải ngân vốn đầu tư công quý I
năm 2025 trước ngày 25/4/2025.
Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def review(text: str) -> list[dict]:
    return EX.extract(text).to_json("t")["review"]


def test_a_clean_letter_has_no_doubt_and_passes():
    out = EX.extract(CLEAN).to_json("t")
    assert out["review"] == []
    assert not needs_clerk(out)
    assert all(out["confidence"][f] >= 0.7 for f in OBLIGATION_FIELDS)


def test_an_invitation_without_a_time_is_sent_to_the_clerk_with_the_field_named():
    text = CLEAN.replace("Số: 81/UBND-KT", "Số: 82/GM-UBND").replace(
        "V/v báo cáo tiến độ giải ngân vốn đầu tư công", "GIẤY MỜI\nDự họp bàn giải ngân vốn đầu tư công")
    entries = review(text)
    assert [e["field"] for e in entries] == ["meeting"]
    assert "giấy mời" in entries[0]["reason"] and "thời gian họp" in entries[0]["reason"]
    assert needs_clerk(EX.extract(text).to_json("t"))


def test_a_symbol_that_goes_on_past_the_line_is_doubtful():
    text = CLEAN.replace("Số: 81/UBND-KT ", "Số: 81/UBND-KT-\nVP")
    fields = {e["field"] for e in review(text)}
    assert "doc_number" in fields


def test_a_deadline_before_the_letters_own_date_is_doubtful():
    text = CLEAN.replace("trước ngày 25/4/2025", "trước ngày 25/3/2025")
    entries = [e for e in review(text) if e["field"] == "deadlines"]
    assert entries and "trước ngày ban hành" in entries[0]["reason"]


def test_a_lead_that_is_not_an_addressee_is_doubtful():
    text = CLEAN.replace("đề nghị Sở Tài chính tỉnh Hưng Lam báo cáo", "đề nghị Sở Xây dựng tỉnh Hưng Lam báo cáo")
    entries = [e for e in review(text) if e["field"] == "lead_units"]
    assert entries and "Sở Xây dựng tỉnh Hưng Lam" in entries[0]["reason"] and "Kính gửi" in entries[0]["reason"]


def test_a_reply_whose_number_cannot_be_read_is_doubtful():
    text = CLEAN.replace("Ủy ban nhân dân tỉnh đề nghị", "Phúc đáp Công văn số 12 ngày 02/4/2025 của Sở Tài chính,"
                                                            " Ủy ban nhân dân tỉnh đề nghị")
    assert "replies_to" in {e["field"] for e in review(text)}


def test_a_recorded_extraction_without_review_is_judged_by_its_confidence():
    assert [d.field for d in doubts({"confidence": {"doc_number": 0.95, "lead_units": 0.5, "subject": 0.2}})] == [
        "lead_units"]
    assert doubts({"review": [{"field": "meeting", "reason": "giấy mời nhưng không đọc được thời gian họp"}]})[0] \
        .field == "meeting"
    assert not needs_clerk({"review": [{"field": "subject", "reason": "trích yếu chưa rõ"}]})


def test_a_party_named_in_words_the_reader_does_not_know_makes_the_leads_doubtful():
    text = CLEAN.replace("Nơi nhận:", "Đề nghị cán bộ địa chính phường kiểm tra hiện trạng khu đất.\nNơi nhận:")
    entries = [e for e in review(text) if e["field"] == "lead_units"]
    assert entries and "cán bộ địa chính" in entries[0]["reason"]


def _lead_doubt(text: str) -> str:
    return "; ".join(e["reason"] for e in review(text) if e["field"] == "lead_units")


def test_a_task_told_as_history_of_the_case_is_doubtful():
    text = CLEAN.replace("Ủy ban nhân dân tỉnh đề nghị Sở Tài chính tỉnh Hưng Lam báo cáo",
                         "Ngày 12/3/2023, Ủy ban nhân dân huyện Đồng Xuyên giao Sở Tài chính tỉnh Hưng Lam kiểm tra. "
                         "Ủy ban nhân dân tỉnh đề nghị Sở Tài chính tỉnh Hưng Lam báo cáo")
    reason = _lead_doubt(text)
    assert "thuật lại" in reason and "12/3/2023" in reason
    assert needs_clerk(EX.extract(text).to_json("t"))


def test_a_unit_under_its_former_name_is_doubtful():
    text = CLEAN.replace("Ủy ban nhân dân tỉnh đề nghị Sở Tài chính tỉnh Hưng Lam báo cáo",
                         "Ủy ban nhân dân tỉnh đề nghị Sở Tài chính tỉnh Hưng Lam và Sở Kế hoạch và Đầu tư (cũ) báo cáo")
    assert "tên đơn vị cũ" in _lead_doubt(text)


def test_a_party_asked_to_act_with_no_lead_read_is_doubtful():
    text = CLEAN.replace("Ủy ban nhân dân tỉnh đề nghị Sở Tài chính tỉnh Hưng Lam báo cáo",
                         "Ủy ban nhân dân tỉnh đề nghị Bộ phận Một cửa các xã báo cáo")
    out = EX.extract(text).to_json("t")
    assert out["lead_units"] == []
    assert "không đọc được đơn vị chủ trì" in _lead_doubt(text)


def test_a_unit_both_leading_and_helping_is_doubtful():
    text = CLEAN.replace("Ủy ban nhân dân tỉnh đề nghị Sở Tài chính tỉnh Hưng Lam báo cáo",
                         "Ủy ban nhân dân tỉnh giao:\n- Sở Tài chính tỉnh Hưng Lam kiểm tra hồ sơ.\n"
                         "- Sở Xây dựng tổng hợp, phối hợp với Sở Tài chính tỉnh Hưng Lam báo cáo")
    assert "vừa là đơn vị chủ trì vừa là đơn vị phối hợp" in _lead_doubt(text)


def test_units_read_from_a_task_table_are_for_the_clerk_to_compare():
    text = CLEAN.replace("Ủy ban nhân dân tỉnh đề nghị Sở Tài chính tỉnh Hưng Lam báo cáo tiến độ giải ngân vốn đầu tư "
                         "công quý I\nnăm 2025 trước ngày 25/4/2025.",
                         "| TT | Nội dung | Đơn vị chủ trì | Thời hạn |\n"
                         "| 1 | Báo cáo tiến độ giải ngân | Sở Tài chính tỉnh Hưng Lam | Quý II/2025 |\n")
    out = EX.extract(text).to_json("t")
    assert out["lead_units"] == ["Sở Tài chính tỉnh Hưng Lam"]
    assert "bảng" in _lead_doubt(text)


def test_cooperation_named_as_a_noun_or_reported_as_done_asks_for_no_cooperating_unit():
    text = CLEAN.replace("Ủy ban nhân dân tỉnh đề nghị", "Năm 2024, Sở Tài chính đã phối hợp với Kho bạc Nhà nước tỉnh "
                         "xây dựng Quy chế phối hợp. Ủy ban nhân dân tỉnh đề nghị")
    out = EX.extract(text).to_json("t")
    assert out["cooperating_units"] == []
    assert "cooperating_units" not in {e["field"] for e in out["review"]}
    asked = CLEAN.replace("báo cáo tiến độ", "chủ trì, phối hợp với các sở, ngành liên quan báo cáo tiến độ")
    assert EX.extract(asked).to_json("t")["cooperating_units"] == ["các sở, ngành liên quan"]


def test_a_decision_considering_a_submission_does_not_reply_to_it():
    decision = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HƯNG LAM                          Độc lập - Tự do - Hạnh phúc
Số: 412/QĐ-UBND                     Hưng Lam, ngày 14 tháng 4 năm 2025
QUYẾT ĐỊNH
Về việc công nhận Ban vận động thành lập Hội Làm vườn tỉnh
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG LAM
Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ;
Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 88/TTr-SNV ngày 02/4/2025.
QUYẾT ĐỊNH:
Điều 1. Công nhận Ban vận động thành lập Hội Làm vườn tỉnh Hưng Lam.
"""
    assert EX.extract(decision).to_json("t")["replies_to"] == []
    letter = CLEAN.replace("Ủy ban nhân dân tỉnh đề nghị", "Xét đề nghị của Sở Tài chính tại Tờ trình số 88/TTr-STC, "
                                                          "Ủy ban nhân dân tỉnh đề nghị")
    assert EX.extract(letter).to_json("t")["replies_to"] == ["88/TTr-STC"]


def test_cooperation_inside_a_quoted_task_is_not_asked_of_anyone_here():
    text = CLEAN.replace("Ủy ban nhân dân tỉnh đề nghị", "Thực hiện Công văn số 45/BTC-ĐT của Bộ Tài chính với nội dung "
                         "yêu cầu các tỉnh chủ động phối hợp với Kho bạc Nhà nước, Ủy ban nhân dân tỉnh đề nghị")
    assert "cooperating_units" not in {e["field"] for e in review(text)}


def test_a_long_title_after_the_honorific_is_read_whole_and_passes():
    text = CLEAN.replace("Kính gửi: Sở Tài chính tỉnh Hưng Lam.",
                         "Kính gửi: Cục Thuế các tỉnh Hưng Lam, Hưng Sơn và Đồng Xuyên.").replace(
        "Ủy ban nhân dân tỉnh đề nghị Sở Tài chính tỉnh Hưng Lam báo cáo",
        "Ủy ban nhân dân tỉnh đề nghị đồng chí Cục trưởng Cục Thuế các tỉnh Hưng Lam, Hưng Sơn và Đồng Xuyên"
        " chú ý báo cáo")
    out = EX.extract(text).to_json("t")
    assert out["lead_units"] == ["đồng chí Cục trưởng Cục Thuế các tỉnh Hưng Lam, Hưng Sơn và Đồng Xuyên"]
    assert not needs_clerk(out)


def test_a_lead_read_from_a_report_is_doubtful():
    text = CLEAN.replace("Số: 81/UBND-KT", "Số: 81/BC-UBND").replace(
        "V/v báo cáo tiến độ giải ngân vốn đầu tư công", "BÁO CÁO\nTiến độ giải ngân vốn đầu tư công quý I năm 2025")
    out = EX.extract(text).to_json("t")
    assert out["doc_type"] == "Báo cáo" and out["lead_units"]
    assert "báo cáo thường thuật lại" in _lead_doubt(text)


def test_a_name_that_runs_into_a_clause_is_doubtful():
    text = CLEAN.replace("đề nghị Sở Tài chính tỉnh Hưng Lam báo cáo",
                         "đề nghị Sở Tài chính tỉnh Hưng Lam (Phòng Ngân sách, nếu có thay đổi) báo cáo")
    assert "mệnh đề" in _lead_doubt(text)
    # a note in lower case is no part of the name: dropped, no doubt
    noted = CLEAN.replace("đề nghị Sở Tài chính tỉnh Hưng Lam báo cáo",
                          "đề nghị Sở Tài chính tỉnh Hưng Lam (nếu có thay đổi) báo cáo")
    assert Extractor().extract(noted).lead_units == ["Sở Tài chính tỉnh Hưng Lam"]


def test_tasks_read_from_a_news_item_wait_for_the_clerk():
    news = ("Tin tức > Chỉ đạo điều hành\n\nUBND tỉnh Nam Sơn vừa ban hành Công văn số 456/UBND-VX ngày 05/6/2024 về"
            " việc tổ chức Tháng hành động vì trẻ em năm 2024.\n\nTheo đó, UBND tỉnh giao Sở Y tế chủ trì, phối hợp"
            " với các sở, ngành liên quan triển khai thực hiện; báo cáo kết quả trước ngày 15/7/2024.\n")
    found = Extractor().extract(news)
    assert found.doc_number == "456/UBND-VX" and found.lead_units == ["Sở Y tế"]
    reasons = {d.field: d.reason for d in found.review}
    assert "bản tin" in reasons["lead_units"] and "deadlines" in reasons
    assert needs_clerk(found)
    letter = ("ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "TỈNH NAM SƠN                 Độc lập - Tự do - Hạnh phúc\n"
              "Số: 456/UBND-VX              Nam Sơn, ngày 05 tháng 6 năm 2024\n"
              "V/v tổ chức Tháng hành động vì trẻ em năm 2024\n\nKính gửi: Sở Y tế.\n\n"
              "Ủy ban nhân dân tỉnh giao Sở Y tế chủ trì triển khai thực hiện; báo cáo kết quả trước ngày 15/7/2024.\n")
    assert not any("bản tin" in d.reason for d in Extractor().extract(letter).review)


def test_a_closing_call_on_the_addressees_raises_no_doubt_but_a_bare_task_does():
    closing = CLEAN.replace("trước ngày 25/4/2025.\n", "trước ngày 25/4/2025. Đề nghị các cơ quan, đơn vị nghiêm túc "
                                                       "triển khai thực hiện./.\n")
    assert not [e for e in review(closing) if e["field"] == "lead_units"]
    task = CLEAN.replace("trước ngày 25/4/2025.\n", "trước ngày 25/4/2025. Đề nghị cán bộ địa chính các xã "
                                                    "rà soát số liệu.\n")
    assert [e for e in review(task) if e["field"] == "lead_units"]


def test_a_unit_cut_short_of_its_kinh_gui_entry_is_a_doubt():
    text = CLEAN.replace("Kính gửi: Sở Tài chính tỉnh Hưng Lam.", "Kính gửi: Đội Quản lý trật tự xây dựng đô thị "
                                                                    "huyện.").replace(
        "đề nghị Sở Tài chính tỉnh Hưng Lam báo cáo", "đề nghị Đội Quản lý trật tự xây dựng đô thị huyện báo cáo")
    out = EX.extract(text).to_json("t")
    if out["lead_units"] == ["Đội Quản lý trật tự"]:  # the name reader stopped at "xây dựng"
        assert any(e["field"] == "lead_units" and "bị cắt" in e["reason"] for e in out["review"])
    # The entry's place after the name is the same unit: no doubt.
    assert not [e for e in review(CLEAN.replace("đề nghị Sở Tài chính tỉnh Hưng Lam báo cáo",
                                                "đề nghị Sở Tài chính báo cáo")) if e["field"] == "lead_units"]


def test_a_unit_asked_to_help_the_issuer_needs_no_other_lead():
    # "Ủy ban nhân dân phường đề nghị Phòng X phối hợp ...": the issuer leads its own task, the unit helps
    text = CLEAN.replace("đề nghị Sở Tài chính tỉnh Hưng Lam báo cáo", "đề nghị Sở Tài chính tỉnh Hưng Lam phối hợp "
                                                                      "kiểm tra và báo cáo")
    out = EX.extract(text).to_json("t")
    assert out["cooperating_units"] == ["Sở Tài chính tỉnh Hưng Lam"] and out["lead_units"] == []
    assert not [e for e in out["review"] if e["field"] == "lead_units"]


def test_a_closing_courtesy_or_the_writers_own_plan_to_cooperate_asks_no_cooperating_unit():
    closings = ("Ủy ban nhân dân tỉnh đề nghị Quý cơ quan quan tâm, phối hợp thực hiện./.",
                "Ủy ban nhân dân tỉnh trả lời để Sở Tài chính biết, phối hợp thực hiện./.",
                "Quá hạn trên, Ủy ban nhân dân tỉnh sẽ phối hợp với Thanh tra tỉnh Hưng Lam kiểm tra.")
    for closing in closings:
        text = CLEAN.replace("Nơi nhận:", closing + "\nNơi nhận:")
        assert "cooperating_units" not in {e["field"] for e in review(text)}, closing
    asked = CLEAN.replace("Nơi nhận:", "Đề nghị Kho bạc Nhà nước tỉnh phối hợp thực hiện.\nNơi nhận:")
    assert needs_clerk(EX.extract(asked).to_json("t")) or EX.extract(asked).cooperating_units


def test_many_deadlines_alone_raise_no_doubt():
    text = CLEAN.replace("trước ngày 25/4/2025.", "trước ngày 25/4/2025, báo cáo quý II trước ngày 25/7/2025 và "
                         "báo cáo quý III trước ngày 25/10/2025.")
    out = EX.extract(text).to_json("t")
    assert len(out["deadlines"]) >= 3
    assert "deadlines" not in {e["field"] for e in out["review"]}


def test_an_event_mentioned_without_an_hour_is_no_meeting_doubt_but_one_with_an_hour_is():
    held = CLEAN.replace("Ủy ban nhân dân tỉnh đề nghị", "Ngày 02/4/2025, Ủy ban nhân dân tỉnh đã tổ chức hội nghị "
                         "sơ kết quý I. Ủy ban nhân dân tỉnh đề nghị")
    assert "meeting" not in {e["field"] for e in review(held)}
    invited = CLEAN.replace("Ủy ban nhân dân tỉnh đề nghị", "Ủy ban nhân dân tỉnh tổ chức hội nghị sơ kết quý I. "
                            "Thời gian: từ 8 giờ 00, buổi sáng thứ Hai trong tuần tới.\nĐịa điểm: Hội trường tầng 2.\n"
                            "Ủy ban nhân dân tỉnh đề nghị")
    out = EX.extract(invited).to_json("t")
    assert out["meeting"] or "meeting" in {e["field"] for e in out["review"]}


def test_a_deadline_with_no_addressee_and_no_unit_to_meet_it_waits_for_the_clerk():
    text = CLEAN.replace("Kính gửi: Sở Tài chính tỉnh Hưng Lam.\n", "").replace(
        "Ủy ban nhân dân tỉnh đề nghị Sở Tài chính tỉnh Hưng Lam báo cáo",
        "Kết quả kiểm tra được tổng hợp, báo cáo")
    out = EX.extract(text).to_json("t")
    assert out["lead_units"] == [] and out["recipients"] == [] and out["deadlines"]
    entry = next(e for e in out["review"] if e["field"] == "deadlines")
    assert "không xác định được đơn vị" in entry["reason"]
    assert needs_clerk(out)
    assert not needs_clerk(EX.extract(CLEAN).to_json("t"))
