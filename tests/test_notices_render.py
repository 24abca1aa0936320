"""What a clerk checks in a rendered draft: the cited article, the original letter's number and date, the due
date, the Vietnamese date line, the number left blank, the recipients, and that nothing is silently left out."""

from __future__ import annotations

import dataclasses
import io
import shutil
import unicodedata
from datetime import date

import pytest
from docx import Document

from notices import samples
from notices.model import Citation, LateItem, LetterRef, ReportContext, Tally, citations_for, parse_period
from notices.render import KINDS, RenderError, render
from notices.vnformat import date_line
from templates import templates_dir


def body_paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.startswith("    ")]


@pytest.mark.parametrize("day, expected", [
    (date(2026, 1, 5), "Quận 11, ngày 05 tháng 01 năm 2026"),
    (date(2026, 2, 28), "Quận 11, ngày 28 tháng 02 năm 2026"),
    (date(2026, 6, 29), "Quận 11, ngày 29 tháng 6 năm 2026"),
    (date(2026, 3, 9), "Quận 11, ngày 09 tháng 3 năm 2026"),
    (date(2026, 11, 15), "Quận 11, ngày 15 tháng 11 năm 2026"),
])
def test_the_date_line_pads_days_below_10_and_months_1_and_2_only(day, expected):
    assert date_line("Quận 11", day) == expected
    rendered = render("reminder", dataclasses.replace(samples.reminder(), date=day), docx=False)
    assert expected in rendered.text
    assert expected in rendered.html


def test_a_reminder_cites_the_article_the_letter_and_the_days_left():
    r = render("reminder", samples.reminder())
    assert r.subject == "Đôn đốc trả lời Công văn số 245/QLĐT-XD ngày 02/11/2026 (hạn 24/11/2026)"
    assert "V/v đôn đốc trả lời Công văn số 245/QLĐT-XD ngày 02/11/2026" in r.text
    for part in (r.text, r.html):
        assert ("điểm a khoản 3 Điều 7 Quy chế phối hợp giữa các phòng, ban, đơn vị thuộc Ủy ban nhân dân quận và Ủy ban nhân "
                "dân 16 phường trong công tác tham mưu và triển khai thực hiện nhiệm vụ quản lý nhà nước trên địa bàn "
                "Quận 11 ban hành kèm theo Quyết định số 1342/QĐ-UBND ngày 06 tháng 7 năm 2023 của Ủy ban nhân dân "
                "Quận 11") in part
        assert "Công văn số 245/QLĐT-XD về việc góp ý phương án chỉnh trang vỉa hè" in part
        assert "hết ngày 24/11/2026 (còn 2 ngày làm việc)" in part
    assert "được xem như đồng ý" in r.text


def test_a_reminder_for_a_ward_recommendation_warns_of_a_report_not_of_deemed_agreement():
    r = render("reminder", dataclasses.replace(samples.reminder(), on_lapse="escalate",
                                               citation=Citation("điểm b khoản 1 Điều 8")), docx=False)
    assert "báo cáo bằng văn bản Chủ tịch Ủy ban nhân dân Quận 11" in r.text
    assert "xem như đồng ý" not in r.text


def test_the_number_is_left_blank_for_the_clerk():
    r = render("reminder", samples.reminder())
    assert "Số:      /QLĐT-XD" in r.text
    assert "<span style=\"white-space:pre\">Số:      /QLĐT-XD</span>" in r.html
    doc = Document(io.BytesIO(r.docx))
    number = [p.text for p in doc.tables[0].cell(1, 0).paragraphs if p.text.startswith("Số:")]
    assert number == ["Số:      /QLĐT-XD"]
    deemed = render("deemed_agreed", samples.deemed_agreed())
    assert "Số:      /TB-QLĐT" in deemed.text
    assert "Số:      /BC-UBND" in render("escalation", samples.escalation(), docx=False).text


def test_a_deemed_agreed_notice_says_so_and_cites_the_original_letter():
    r = render("deemed_agreed", samples.deemed_agreed())
    assert r.subject.startswith("Thông báo xem như đồng ý: Ủy ban nhân dân Phường 5")
    lines = r.text.splitlines()
    assert "THÔNG BÁO" in lines
    assert not any(line.startswith("Kính gửi") for line in lines)  # a thông báo lists its recipients in Nơi nhận
    text = " ".join(body_paragraphs(r.text))
    assert "Căn cứ điểm a khoản 3 Điều 7 Quy chế phối hợp giữa các phòng, ban" in text
    assert "đã kết thúc vào cuối ngày 24/11/2026" in text
    assert ("Ủy ban nhân dân Phường 5 được xem như đồng ý với nội dung lấy ý kiến tại Công văn số 245/QLĐT-XD "
            "ngày 02/11/2026 của Phòng Quản lý đô thị và chịu trách nhiệm") in text
    assert "- Ủy ban nhân dân Phường 5;" in lines


def test_an_escalation_lists_each_silent_unit_with_letter_dates_and_days_late():
    r = render("escalation", samples.escalation())
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân Quận 11." in r.text
    assert "Thực hiện điểm b khoản 1 Điều 8 Quy chế" in r.text
    rows = [line for line in r.text.splitlines() if line[:2] in ("1 ", "2 ")]
    assert rows[0].split(" | ")[1] == "Phòng Quản lý đô thị"
    assert rows[0].split(" | ")[3:] == ["15/9/2026", "06/10/2026", "7"]
    assert "Công văn số 91/UBND ngày 21/9/2026" in rows[1]
    grid = r.html.split('<table class="grid">')[1].split("</table>")[0]
    assert grid.count("<tr>") == 3 and "<td>Phòng Tài nguyên và Môi trường</td>" in grid
    doc = Document(io.BytesIO(r.docx))
    grid = doc.tables[1]
    assert [c.text for c in grid.rows[0].cells] == ["STT", "Đơn vị", "Văn bản", "Ngày nhận", "Hạn trả lời",
                                                    "Số ngày làm việc trễ hạn"]
    assert [c.text for c in grid.rows[2].cells][-1] == "2"


def test_the_lead_units_list_of_silent_units_cites_its_own_articles():
    ctx = dataclasses.replace(samples.escalation(), basis="silent_units",
                              citations=(Citation("điểm a khoản 2 Điều 8 và khoản 2 Điều 10"),))
    r = render("escalation", ctx, docx=False)
    assert "Thực hiện điểm a khoản 2 Điều 8 và khoản 2 Điều 10 Quy chế phối hợp" in r.text
    assert "được xem như đồng ý" in r.text


def test_the_progress_notice_shows_who_was_consulted_and_who_has_answered():
    r = render("progress", samples.progress())
    assert "V/v thông tin tiến độ giải quyết Công văn số 88/UBND ngày 14/9/2026 của Ủy ban nhân dân Phường 5" in r.text
    assert "Phòng Tài chính - Kế hoạch | 260/QLĐT-XD | 18/9/2026 | 09/10/2026 | Đã trả lời ngày 05/10/2026" in r.text
    assert "Ban Quản lý dự án đầu tư xây dựng khu vực | 261/QLĐT-XD | 18/9/2026 | 09/10/2026 | Chưa trả lời" in r.text
    assert "điểm b khoản 1 Điều 8" in r.text


def test_every_formal_notice_ends_its_body_with_the_closing_mark_once():
    for kind, (_, doc_type) in KINDS.items():
        if doc_type is None:
            continue
        paragraphs = body_paragraphs(render(kind, samples.SAMPLES[kind](), docx=False).text)
        assert paragraphs[-1].endswith("./."), kind
        assert not any("./." in p for p in paragraphs[:-1]), kind


def test_the_semiannual_report_adds_up_per_counterpart_and_carries_its_chart():
    ctx = samples.report()
    assert ctx.total_sent == Tally(15, 9, 1, 3, 0, 2)
    r = render("report", ctx)
    assert "Kết quả thực hiện Quy chế phối hợp 6 tháng cuối năm 2026" in r.text
    assert "(số liệu từ ngày 01/7/2026 đến ngày 31/12/2026)" in r.text
    assert "tổng cộng 15 lượt đề nghị: được trả lời đúng hạn 9 lượt" in r.text
    assert " | Tổng cộng | 11 | 8 | 2 | 0 | 0 | 1 | 0" in r.text
    for heading in ("I. TÌNH HÌNH THỰC HIỆN", "II. ĐÁNH GIÁ", "III. ĐỀ XUẤT, KIẾN NGHỊ"):
        assert heading in r.text
    assert r.chart_png.startswith(b"\x89PNG")
    assert 'src="data:image/png;base64,' in r.html
    doc = Document(io.BytesIO(r.docx))
    assert len(doc.inline_shapes) == 1


def test_a_report_period_is_a_half_year():
    assert parse_period("2026-H1") == (date(2026, 1, 1), date(2026, 6, 30), "6 tháng đầu năm 2026")
    with pytest.raises(ValueError, match="YYYY-H1"):
        dataclasses.replace(samples.report(), period="2026-Q3")


def test_a_tally_that_does_not_add_up_is_refused():
    with pytest.raises(ValueError, match="does not add up"):
        Tally(total=3, on_time=1)


def test_the_digest_counts_each_list_and_leaves_out_empty_ones():
    r = render("digest", samples.digest())
    assert r.docx is None
    assert r.subject == "Tổng hợp tuần 23/11/2026 - 27/11/2026: 1 quá hạn, 1 đến hạn"
    assert "- Xem như đồng ý: 0" in r.text
    assert "XEM NHƯ ĐỒNG Ý (" not in r.text
    assert "1. Ủy ban nhân dân Phường 8 - số 240/QLĐT-XD: góp ý quy hoạch hẻm 45 Lò Siêu - hạn 18/11/2026" in r.text
    assert "<h3>Quá hạn (1)</h3>" in r.html


def test_the_clerks_own_reminder_is_an_email_without_a_letter():
    r = render("internal_reminder", samples.internal_reminder())
    assert r.docx is None
    assert r.subject == ("Nhắc việc: Phòng Quản lý đô thị phải trả lời Công văn số 512/UBND-VP của Văn phòng "
                         "Ủy ban nhân dân quận (hạn: hết ngày 01/12/2026)")
    assert "Hạn trả lời: hết ngày 01/12/2026 (còn 3 ngày làm việc)." in r.text


def test_one_recipient_goes_on_the_kinh_gui_line_several_go_one_per_line():
    one = render("reminder", samples.reminder(), docx=False).text.splitlines()
    assert "Kính gửi: Ủy ban nhân dân Phường 5." in one
    many = render("reminder", dataclasses.replace(samples.reminder(), to=(
        "Ủy ban nhân dân Phường 5", "Ủy ban nhân dân Phường 8", "Ủy ban nhân dân Phường 14")), docx=False)
    lines = many.text.splitlines()
    at = lines.index("Kính gửi:")
    assert lines[at + 1:at + 4] == ["  - Ủy ban nhân dân Phường 5;", "  - Ủy ban nhân dân Phường 8;",
                                    "  - Ủy ban nhân dân Phường 14."]


def test_noi_nhan_starts_with_nhu_tren_and_ends_with_the_archive_line():
    lines = render("reminder", samples.reminder(), docx=False).text.splitlines()
    at = lines.index("Nơi nhận:")
    assert lines[at + 1:] == ["- Như trên;", "- Trưởng phòng (để báo cáo);", "- Lưu: VT, XD."]


def test_a_template_asking_for_a_missing_value_is_an_error_not_a_blank(tmp_path):
    folder = tmp_path / "notices"
    shutil.copytree(templates_dir() / "notices", folder)
    path = folder / "reminder.j2"
    path.write_text(path.read_text(encoding="utf-8").replace("{{ letter.number }}", "{{ letter.arrival_number }}"),
                    encoding="utf-8")
    with pytest.raises(RenderError, match="arrival_number"):
        render("reminder", samples.reminder(), templates=folder)


def test_a_wrong_context_or_kind_is_a_clear_error():
    with pytest.raises(RenderError, match="expected a ReminderContext"):
        render("reminder", samples.deemed_agreed())
    with pytest.raises(RenderError, match="unknown kind"):
        render("memo", samples.reminder())
    with pytest.raises(TypeError, match="tuple of strings"):
        dataclasses.replace(samples.reminder(), to="Ủy ban nhân dân Phường 5")


def test_names_from_letters_are_escaped_in_html_and_folded_onto_one_line():
    hostile = "Phường 5 <script>alert(1)</script>\r\nBcc: x@example.com\x0b"
    ctx = dataclasses.replace(samples.escalation(), items=(
        LateItem(unit=hostile, letter=LetterRef("12/UBND", date(2026, 9, 1), "a | b", "Phường 5"),
                 sent=date(2026, 9, 2), due=date(2026, 9, 23), working_days_late=1),))
    r = render("escalation", ctx)
    assert "<script>" not in r.html and "&lt;script&gt;" in r.html
    row = next(line for line in r.text.splitlines() if line.startswith("1 | "))
    assert "Phường 5 <script>alert(1)</script> Bcc: x@example.com" in row
    assert len(row.split(" | ")) == 6  # a "|" in a subject does not add a column
    Document(io.BytesIO(r.docx))  # no control character made the .docx unreadable


def test_decomposed_input_comes_out_composed():
    nfd = unicodedata.normalize("NFD", "Ủy ban nhân dân Phường 5")
    r = render("reminder", dataclasses.replace(samples.reminder(), unit=nfd, to=()), docx=False)
    assert unicodedata.is_normalized("NFC", r.text) and unicodedata.is_normalized("NFC", r.html)
    assert "Kính gửi: Ủy ban nhân dân Phường 5." in r.text


def test_an_urgent_notice_carries_the_urgency_mark():
    r = render("reminder", dataclasses.replace(samples.reminder(), urgency="Hỏa tốc"), docx=False)
    assert "[HỎA TỐC]" in r.text
    with pytest.raises(ValueError, match="urgency"):
        dataclasses.replace(samples.reminder(), urgency="rất gấp")


def test_the_attachment_name_is_the_subject_without_path_characters():
    r = render("reminder", samples.reminder())
    assert r.filename == "Đôn đốc trả lời Công văn số 245-QLĐT-XD ngày 02-11-2026 (hạn 24-11-2026).docx"


def test_report_without_counterparts_still_renders():
    ctx = ReportContext(sender=samples.QLDT, signer=samples.DEPUTY, date=date(2027, 5, 10), period="2027-H1",
                        rows=(), chart=False)
    r = render("report", ctx)
    assert "0 văn bản" in r.text and r.chart_png is None


def test_citations_come_from_the_rule_pack(pack):
    assert citations_for(pack, "written") == (
        Citation("điểm a khoản 3 Điều 7", "Quyết định số 1342/QĐ-UBND ngày 06 tháng 7 năm 2023 của Ủy ban nhân dân "
                 "Quận 11", pack.regulation),)
    r = render("reminder", dataclasses.replace(samples.reminder(),
                                               citation=citations_for(pack, "ward-recommendation")[0]), docx=False)
    assert "điểm b khoản 1 Điều 8 Quy chế phối hợp giữa các phòng, ban, đơn vị" in r.text


def test_undecodable_bytes_kept_as_surrogates_do_not_break_the_docx():
    unit = b"Ph\xb0\xeeng 5".decode("utf-8", errors="surrogateescape")
    r = render("reminder", dataclasses.replace(samples.reminder(), unit=unit, to=()))
    assert "Kính gửi: Ph ng 5." in r.text
    Document(io.BytesIO(r.docx))
