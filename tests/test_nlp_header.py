"""The header fields a clerk checks when a letter arrives (number, type, issuer, date, trích yếu), on the layouts
that real letters take: web pages around the letter, letterheads glued to the number, symbols with dotted or
parenthesised parts, broken date lines. Every letter here is invented by the project."""

from datetime import date

import pytest

from nlp import Extractor

EX = Extractor()


def test_site_lines_before_the_letterhead_do_not_hide_it():
    menus = "".join(f"Chuyên mục {i}\n" for i in range(70))
    text = (menus + "Lượt xem: 1024\n"
            "ỦY BAN NHÂN DÂN PHƯỜNG 9          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "                                  Độc lập - Tự do - Hạnh phúc\n"
            "Số: 77/UBND-VP                    Phường 9, ngày 12 tháng 5 năm 2025\n"
            "V/v kiểm tra hộ kinh doanh\n"
            "Kính gửi: Đội Quản lý trật tự đô thị\n")
    found = EX.extract(text)
    assert (found.doc_number, found.issue_date) == ("77/UBND-VP", date(2025, 5, 12))
    assert found.subject == "V/v kiểm tra hộ kinh doanh"


def test_so_glued_to_the_last_letterhead_line_with_an_old_style_symbol():
    text = ("BỘ XÂY DỰNG\n"
            "CỤC QUẢN LÝ NHÀ Số: 1273 QLN/KH   Hà Nội, ngày 05 tháng 4 năm 2004\n"
            "V/v báo cáo quỹ nhà\n"
            "Kính gửi: Sở Xây dựng các tỉnh\n")
    found = EX.extract(text)
    assert found.doc_number == "1273 QLN/KH"
    assert found.issuer == "BỘ XÂY DỰNG - CỤC QUẢN LÝ NHÀ"


def test_symbols_with_a_parenthesised_or_a_dotted_part():
    paren = EX.extract("CÔNG AN TỈNH MẪU\nSố: 409/TTr-CAT(PC04)      Mẫu Sơn, ngày 2 tháng 3 năm 2025\nTỜ TRÌNH\n"
                       "Về việc mua sắm thiết bị\n")
    dotted = EX.extract("TRƯỜNG THCS MẪU\nSố: 31/KH-THCS.MS      Mẫu Sơn, ngày 9 tháng 9 năm 2025\nKẾ HOẠCH\n"
                        "Tổ chức hội thao\n")
    assert (paren.doc_number, paren.doc_type) == ("409/TTr-CAT(PC04)", "Tờ trình")
    assert (dotted.doc_number, dotted.doc_type) == ("31/KH-THCS.MS", "Kế hoạch")


def test_a_symbol_cut_at_a_hyphen_by_a_two_column_layout():
    text = ("UBND HUYỆN MẪU\n\nBAN CHỈ ĐẠO PCGD\n\nSố: 25 / BC-BCĐ-\n\nMẫu Sơn, ngày 13 tháng 11 năm 2020\n\nXMC\n\n"
            "BÁO CÁO\nKết quả phổ cập giáo dục năm 2020\n")
    assert EX.extract(text).doc_number == "25/BC-BCĐ-XMC"


def test_a_date_line_broken_across_lines():
    text = ("ỦY BAN NHÂN DÂN QUẬN MẪU\nSố: 15/UBND-KT              Quận Mẫu, ngày 05 tháng 3\n"
            "                                          năm 2025\nV/v sửa chữa trường học\n")
    found = EX.extract(text)
    assert (found.place, found.issue_date) == ("Quận Mẫu", date(2025, 3, 5))


def test_a_web_summary_title_carries_the_letters_own_number_not_the_ones_it_cites():
    text = ("Trang chủ\nTin chỉ đạo điều hành\n"
            "Về việc triển khai Kế hoạch số 12/KH-UBND của tỉnh (215/UBND-VX, ngày 08/4/2025)\n"
            "Thực hiện Kế hoạch số 12/KH-UBND ngày 02/3/2025 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân huyện Mẫu "
            "có ý kiến như sau:\n1. Phòng Văn hóa và Thông tin chủ trì tuyên truyền.\n")
    found = EX.extract(text)
    assert (found.doc_number, found.issue_date) == ("215/UBND-VX", date(2025, 4, 8))
    assert found.issuer == "Ủy ban nhân dân huyện Mẫu"
    assert found.subject.startswith("Về việc triển khai Kế hoạch số 12/KH-UBND")


def test_a_page_title_after_the_site_lines_is_the_subject_and_a_source_note_the_number():
    text = ("Tin chỉ đạo điều hành\n  22/04/2025\n\n"
            "Tăng cường phòng, chống dịch sốt xuất huyết trên địa bàn huyện\n\n"
            "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh; Ủy ban nhân dân huyện Mẫu có ý kiến như sau:\n"
            "1. Trung tâm Y tế huyện chủ trì phun hóa chất.\n\n"
            "(Nguồn: Từ Công văn số 1150/UBND-VP ngày 22/04/2025)\n")
    found = EX.extract(text)
    assert found.subject == "Tăng cường phòng, chống dịch sốt xuất huyết trên địa bàn huyện"
    assert (found.doc_number, found.issue_date) == ("1150/UBND-VP", date(2025, 4, 22))


def test_a_news_lead_about_the_letter_gives_its_number_date_issuer_and_subject():
    text = ("Ngày 21/5, UBND tỉnh ban hành Công văn số 846 /UBND-TH về việc báo cáo giải ngân vốn đầu tư công "
            "năm 2025.\nCông văn nêu rõ: giao các sở báo cáo trước ngày 28/5/2025.\n")
    found = EX.extract(text)
    assert (found.doc_number, found.issue_date, found.issuer) == ("846/UBND-TH", date(2025, 5, 21), "UBND tỉnh")
    assert found.subject == "về việc báo cáo giải ngân vốn đầu tư công năm 2025"


def test_a_giay_moi_without_v_v_has_the_line_after_its_type_as_subject():
    text = ("ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "TỈNH MẪU          Độc lập - Tự do - Hạnh phúc\n"
            "Số: 272/GM-UBND          Mẫu Sơn, ngày 26 tháng 7 năm 2025\n\n"
            "GIẤY MỜI\n   Hội nghị sơ kết 6 tháng đầu năm 2025\n   thực hiện chuyển đổi số\n\n"
            "Ủy ban nhân dân tỉnh tổ chức Hội nghị trực tuyến sơ kết công tác chuyển đổi số.\n")
    found = EX.extract(text)
    assert found.subject == "Hội nghị sơ kết 6 tháng đầu năm 2025 thực hiện chuyển đổi số"


def test_a_thong_bao_copied_without_its_header_is_a_thong_bao_from_its_author():
    text = ("Theo lịch tiếp công dân của Chủ tịch Ủy ban nhân dân huyện Mẫu, buổi tiếp ngày 18/3/2025 chuyển về "
            "Trụ sở Tiếp công dân huyện.\nVậy, UBND huyện thông báo để các cơ quan, đơn vị và nhân dân được biết./.\n")
    found = EX.extract(text)
    assert (found.doc_type, found.issuer) == ("Thông báo", "UBND huyện")


def test_a_date_line_in_figures_but_not_a_weekday_in_the_body():
    found = EX.extract("ỦY BAN NHÂN DÂN QUẬN MẪU\nSố: 12/UBND-VP\nQuận Mẫu, ngày 05/3/2025\nV/v kiểm tra\n"
                       "Kính gửi: Phòng Y tế\n")
    assert (found.place, found.issue_date) == ("Quận Mẫu", date(2025, 3, 5))
    web = EX.extract("Giấy mời họp ngày 22/7/2025\nLãnh đạo UBND tỉnh tổ chức cuộc họp vào Thứ Hai, ngày 22/7/2025, "
                     "từ 07h00 tại Hội trường tầng 1.\n")
    assert (web.place, web.issue_date) == (None, None)


def test_an_urgency_mark_written_into_a_web_copys_name_for_the_letter():
    found = EX.extract("Công văn hỏa tốc số 55/UBND-VX ngày 03/02/2025 của UBND tỉnh về việc phòng, chống dịch\n"
                       "UBND tỉnh yêu cầu các sở thực hiện ngay.\n")
    assert (found.doc_number, found.urgency, found.issue_date) == ("55/UBND-VX", "Hỏa tốc", date(2025, 2, 3))


@pytest.mark.parametrize("text", [
    "Ngày 1/1, " + "UBND " * 30_000,
    "(Nguồn: Công văn số " + "1/" * 30_000,
    "số 1/" + "A " * 70 + "về việc " + "x " * 100_000,
    "“" * 100_000,
    "Thời gian: " + "x\n" * 50_000 + "Địa điểm:",
    "Phúc đáp Công văn số 1/A-B " + "và số 2/C-D " * 20_000,
    "Quận 1, ngày " + "\n" * 50_000,
    "Số: 1/A-\n" + "\n" * 50_000 + "B",
    "UBND tỉnh có ý kiến như sau" * 10_000,
])
def test_hostile_web_header_and_reply_inputs_finish_with_sane_output(text):
    """Each would take minutes with an unbounded or nested pattern; none has a timing assertion."""
    out = EX.extract(text).to_json("x")
    assert isinstance(out["replies_to"], list) and isinstance(out["deadlines"], list)
