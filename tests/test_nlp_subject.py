"""The trích yếu on layouts that converters mangle, with letters written for these tests (invented names)."""

from nlp import Extractor

EX = Extractor()


def test_a_text_box_copied_twice_and_glued_to_the_number_cell_gives_one_subject():
    text = """ỦY BAN NHÂN DÂN
TỈNH HƯNG LAM

V/v kiểm tra an toàn đập thủy lợi mùa lũV/v kiểm tra an toàn đập thủy lợi mùa lũSố:           /UBND-KT

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Hưng Lam, ngày 03 tháng 9 năm 2025

Kính gửi: Sở Nông nghiệp và Môi trường.

Giao Sở Nông nghiệp và Môi trường kiểm tra các đập xung yếu trước ngày 20/9/2025.
"""
    out = EX.extract(text).to_json("t")
    assert out["subject"] == "V/v kiểm tra an toàn đập thủy lợi mùa lũ"
    assert out["doc_number"] == "/UBND-KT"


def test_a_double_spaced_web_copy_keeps_the_second_line_of_the_subject():
    text = """PHÒNG GIÁO DỤC VÀ ĐÀO TẠO

HUYỆN KHÊ LỤC

Số: 215/PGDĐT-VP                              Khê Lục, ngày 14 tháng 10 năm 2024

V/v cho học sinh nghỉ học do mưa lớn

các ngày 15 và 16/10/2024

Kính gửi: Hiệu trưởng các trường mầm non, tiểu học trên địa bàn huyện.

Đề nghị Hiệu trưởng các trường thông báo cho phụ huynh học sinh biết.
"""
    out = EX.extract(text).to_json("t")
    assert out["subject"] == "V/v cho học sinh nghỉ học do mưa lớn các ngày 15 và 16/10/2024"


def test_a_single_spaced_subject_still_ends_at_a_blank_line():
    text = """PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN KHÊ LỤC
Số: 216/PGDĐT-VP                              Khê Lục, ngày 14 tháng 10 năm 2024
V/v cho học sinh nghỉ học do mưa lớn

Đề nghị Hiệu trưởng các trường thông báo cho phụ huynh học sinh biết.
"""
    out = EX.extract(text).to_json("t")
    assert out["subject"] == "V/v cho học sinh nghỉ học do mưa lớn"


def test_a_guidance_titled_with_what_it_carries_out_keeps_that_line_as_its_subject():
    text = """UBND TỈNH HƯNG LAM
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 1905/HD-SGDĐT                    Hưng Lam, ngày 25 tháng 8 năm 2025
HƯỚNG DẪN
Thực hiện nhiệm vụ chuyển đổi số trong quản lý, dạy học
năm học 2025 - 2026
Kính gửi:
- Phòng Giáo dục và Đào tạo các huyện, thành phố;
- Các trường trung học phổ thông.
Thực hiện Công văn số 4983/BGDĐT-CNTT ngày 18/8/2025 của Bộ Giáo dục và Đào tạo, Sở hướng dẫn như sau:
"""
    found = EX.extract(text)
    assert (found.doc_type, found.subject) == (
        "Hướng dẫn", "Thực hiện nhiệm vụ chuyển đổi số trong quản lý, dạy học năm học 2025 - 2026")


def test_a_trich_yeu_may_open_with_theo_doi_end_on_a_bodys_name_or_stand_in_quotes():
    guide = EX.extract("""UBND TỈNH HƯNG LAM                         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    SỞ NỘI VỤ                                   Độc lập - Tự do - Hạnh phúc
Số: 31/HD-SNV                               Hưng Lam, ngày 08 tháng 10 năm 2025

                                  HƯỚNG DẪN
        Theo dõi việc trả lời kiến nghị của các xã, phường
                 sau khi sắp xếp đơn vị hành chính

      Từ ngày 01/7/2025, Ủy ban nhân dân các xã, phường gửi kiến nghị trực tiếp đến các sở, ngành tỉnh.
""").to_json("t")
    assert guide["subject"] == ("Theo dõi việc trả lời kiến nghị của các xã, phường sau khi sắp xếp đơn vị "
                                "hành chính")
    party = EX.extract("""TỈNH ỦY HƯNG LAM              ĐẢNG CỘNG SẢN VIỆT NAM
BAN TUYÊN GIÁO                 Hưng Lam, ngày 05 tháng 3 năm 2026
       *
   Số 11-HD/BTGTU
                         HƯỚNG DẪN
 tuyên truyền cuộc bầu cử đại biểu Quốc hội và đại biểu
      Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031
Thực hiện Kế hoạch số 40-KH/TU ngày 10/02/2026 của Ban Thường vụ Tỉnh ủy về lãnh đạo cuộc bầu cử,
Ban Tuyên giáo Tỉnh ủy hướng dẫn như sau:
""").to_json("t")
    assert party["subject"] == ("tuyên truyền cuộc bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân các cấp "
                                "nhiệm kỳ 2026 - 2031")
    quoted_letter = """BCH ĐOÀN TỈNH HƯNG LAM                    ĐOÀN TNCS HỒ CHÍ MINH
        ***
Số: 118-CV/TĐTN-PT                  Hưng Lam, ngày 10 tháng 5 năm 2026
"V/v đăng ký tham gia Chiến dịch
Thanh niên tình nguyện hè năm 2026"

Kính gửi: Ban Thường vụ các huyện đoàn.
"""
    quoted = EX.extract(quoted_letter).to_json("t")
    assert quoted["subject"] == "V/v đăng ký tham gia Chiến dịch Thanh niên tình nguyện hè năm 2026"
    bracketed = EX.extract(quoted_letter.replace('"V/v', "(V/v").replace('2026"', "2026)")).to_json("t")
    assert bracketed["subject"] == "V/v đăng ký tham gia Chiến dịch Thanh niên tình nguyện hè năm 2026"


def test_a_compound_type_name_over_its_trich_yeu_and_a_title_line_that_holds_both():
    head = ("ĐẢNG BỘ TỈNH HƯNG LAM                 ĐẢNG CỘNG SẢN VIỆT NAM\n"
            "HUYỆN ỦY SƠN QUẾ                      Sơn Quế, ngày 20 tháng 8 năm 2025\n        *\nSố 145-TB/HU\n\n")
    notice = EX.extract(head + "                 THÔNG BÁO KẾT LUẬN\n   của Ban Thường vụ Huyện ủy về công tác "
                               "chuẩn bị đại hội chi bộ\n\nTại phiên họp ngày 18/8/2025, Ban Thường vụ kết luận:\n"
                        ).to_json("t")
    assert (notice["doc_type"], notice["subject"]) == ("Thông báo", "của Ban Thường vụ Huyện ủy về công tác chuẩn bị "
                                                                    "đại hội chi bộ")
    plan = EX.extract(head.replace("145-TB/HU", "146-KH/HU") + "KẾ HOẠCH TỔ CHỨC HỘI THI TUYÊN TRUYỀN VIÊN GIỎI\n\n"
                      "Thực hiện chương trình công tác năm 2025, Ban Thường vụ Huyện ủy ban hành kế hoạch.\n").to_json("t")
    assert (plan["doc_type"], plan["subject"]) == ("Kế hoạch", "TỔ CHỨC HỘI THI TUYÊN TRUYỀN VIÊN GIỎI")


def test_the_alphabet_ranges_hold_letters_of_one_case_only():
    import re

    from nlp.alphabet import LOWER, UPPER
    capital, small = re.compile("[" + UPPER + "]"), re.compile("[" + LOWER + "]")
    assert all(capital.fullmatch(c) for c in "ĐỀỦƯƠÂĂÝ") and not any(capital.fullmatch(c) for c in "đềủươâăý")
    assert all(small.fullmatch(c) for c in "đềủươâăý") and not any(small.fullmatch(c) for c in "ĐỀỦƯƠÂĂÝ")
