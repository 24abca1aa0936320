"""The "Kính gửi" block on letters written for these tests (invented names and places): every entry, never split
inside a name."""

from nlp import Extractor

EX = Extractor()

HEAD = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HƯNG LAM                          Độc lập - Tự do - Hạnh phúc
Số: 78/UBND-VX                     Hưng Lam, ngày 10 tháng 4 năm 2025
V/v tuyên truyền phòng chống thiên tai
"""
TAIL = """
Đề nghị các cơ quan, đơn vị triển khai thực hiện.
Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def recipients(block: str) -> list[str]:
    return EX.extract(HEAD + block + TAIL).to_json("t")["recipients"]


def test_a_hyphen_inside_a_name_never_splits_it():
    assert recipients("Kính gửi: Đài Phát thanh - Truyền hình Hưng Lam.\n") == ["Đài Phát thanh - Truyền hình Hưng Lam"]
    assert recipients("Kính gửi:\n- Phòng Tài chính - Kế hoạch huyện Đồng Xuyên;\n- Sở Nội vụ.\n") == [
        "Phòng Tài chính - Kế hoạch huyện Đồng Xuyên", "Sở Nội vụ"]


def test_a_list_with_blank_lines_between_entries_is_read_whole():
    assert recipients("Kính gửi:\n\n- Sở Xây dựng;\n\n- Ủy ban nhân dân các huyện, thị xã.\n") == [
        "Sở Xây dựng", "Ủy ban nhân dân các huyện, thị xã"]


def test_a_name_wrapped_onto_an_indented_line_stays_one_entry():
    block = ("             Kính gửi: Ban Chủ nhiệm Đoàn Luật sư, Ban chấp hành Hội công\n"
             "                       chứng viên tỉnh Hưng Lam.\n\n")
    assert recipients(block) == ["Ban Chủ nhiệm Đoàn Luật sư", "Ban chấp hành Hội công chứng viên tỉnh Hưng Lam"]


def test_kinh_gui_alone_over_a_list_whose_names_wrap_under_their_bullets():
    assert recipients("""                  Kính gửi:
                     - Các thành viên Ban Chỉ huy Phòng chống thiên tai và
                       Tìm kiếm cứu nạn huyện;
                     - Chủ tịch UBND các xã ven biển: Hải Đông, Hải
                       Tây và thị trấn Cửa Lạch;
                     - Đồn Biên phòng Cửa Lạch.
""") == ["Các thành viên Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn huyện",
         "Chủ tịch UBND các xã ven biển: Hải Đông, Hải Tây và thị trấn Cửa Lạch", "Đồn Biên phòng Cửa Lạch"]


def test_an_ocr_slip_in_kinh_gui_and_a_cong_dien_sender_in_plain_case():
    assert recipients("Kính gừi:\n- Trưởng các khoa, phòng;\n- Điều dưỡng trưởng các khoa lâm sàng.\n") == [
        "Trưởng các khoa, phòng", "Điều dưỡng trưởng các khoa lâm sàng"]
    assert recipients("Chủ tịch Ủy ban nhân dân tỉnh điện:\n- Chủ tịch UBND các huyện, thị xã;\n"
                      "- Giám đốc các Sở: Nông nghiệp và Môi trường, Xây dựng.\n") == [
        "Chủ tịch UBND các huyện, thị xã", "Giám đốc các Sở: Nông nghiệp và Môi trường, Xây dựng"]


def test_a_collective_keeps_its_commas():
    assert recipients("Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương\n\n") == [
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]


def test_the_block_on_one_run_of_text_ends_at_its_full_stop():
    assert recipients("Kính gửi: - Sở Y tế; - Bảo hiểm xã hội tỉnh. Vừa qua, trên địa bàn tỉnh có mưa lớn.\n") == [
        "Sở Y tế", "Bảo hiểm xã hội tỉnh"]


def test_kinh_gui_inside_a_sentence_is_prose_not_a_block():
    assert recipients("Sở Công thương kính gửi các sở, ngành dự thảo để góp ý trước ngày 20/4/2025.\n") == []


def test_recipients_resolve_against_the_registry_where_they_match():
    from tracker.units import UnitRegistry

    extractor = Extractor(registry=UnitRegistry.load())
    out = extractor.extract(HEAD + "Kính gửi:\n- Phòng Quản lý đô thị;\n- Đài Phát thanh - Truyền hình Hưng Lam.\n"
                            + TAIL).to_json("t")
    assert out["recipients"] == ["Phòng Quản lý đô thị", "Đài Phát thanh - Truyền hình Hưng Lam"]
    assert out["recipient_unit_ids"] == ["q11.qldt", None]


def test_an_email_salutation_is_not_the_letters_block():
    text = ("Kính gửi Quý đơn vị,\nVăn phòng Sở gửi Công văn số 77/SXD-QLN (nội dung bên dưới).\n\n" + HEAD
            + "Kính gửi: Ban Quản lý chợ Đình Xuân.\n" + TAIL)
    assert EX.extract(text).to_json("t")["recipients"] == ["Ban Quản lý chợ Đình Xuân"]


def test_a_cong_dien_addresses_its_list_with_dien():
    block = ("CÔNG ĐIỆN\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG LAM điện:\n- Giám đốc Công an tỉnh;\n"
             "- Giám đốc các Sở: Xây dựng, Giao thông vận tải;\n- Chủ tịch UBND các huyện.\n")
    assert recipients(block) == ["Giám đốc Công an tỉnh", "Giám đốc các Sở: Xây dựng, Giao thông vận tải",
                                 "Chủ tịch UBND các huyện"]


def test_an_open_parenthesis_carries_an_entry_onto_the_next_line_and_a_basis_note_is_dropped():
    block = ("Kính gửi:\n- Các thành viên Tổ thẩm định (theo Quyết định số 41/QĐ-SXD ngày\n  02/4/2025 của Giám đốc "
             "Sở Xây dựng);\n- Công ty TNHH Đá Hưng Lam.\n")
    assert recipients(block) == ["Các thành viên Tổ thẩm định", "Công ty TNHH Đá Hưng Lam"]


def test_a_cong_dien_addresses_its_list_after_dien_in_the_same_run():
    text = """ỦY BAN NHÂN DÂN HUYỆN THẠCH LAM
Số: 03/CĐ-UBND                Thạch Lam, ngày 02 tháng 10 năm 2025
CÔNG ĐIỆN
Về việc khắc phục hậu quả mưa lũ

CHỦ TỊCH UBND HUYỆN THẠCH LAM điện: Trưởng các phòng, ban, ngành huyện; Chủ tịch UBND các xã, thị trấn.

Chủ tịch UBND huyện yêu cầu:
1. Chủ tịch UBND các xã, thị trấn huy động lực lượng tại chỗ tìm kiếm người mất tích.
2. Phòng Công thương cắm biển cảnh báo tại các đoạn đường bị sạt lở.
"""
    out = EX.extract(text).to_json("t")
    assert out["recipients"] == ["Trưởng các phòng, ban, ngành huyện", "Chủ tịch UBND các xã, thị trấn"]
    assert out["lead_units"] == ["Chủ tịch UBND các xã, thị trấn", "Phòng Công thương"]


def test_a_text_layer_that_wraps_the_block_at_the_page_margin():
    # the wrap falls after a head that names nothing yet, or after a preposition
    assert recipients("                                   Kính gửi: Sở\nNội vụ tỉnh Hưng Lam\n\n") == ["Sở Nội vụ tỉnh Hưng Lam"]
    assert recipients("Kính gửi: Các khoa, phòng trong\nBệnh viện Đa khoa tỉnh\n\n") == [
        "Các khoa, phòng trong Bệnh viện Đa khoa tỉnh"]
    # the body's first line, however indented, is not the name going on
    letter = HEAD + "Kính gửi: Sở Giao thông vận tải\n          Theo đề nghị của Sở Giao thông vận tải tại\n" \
        "Công văn số 4120/SGTVT-QLGT ngày 02/4/2025, Ủy ban nhân dân tỉnh có ý kiến như sau.\n" + TAIL
    assert EX.extract(letter).recipients == ["Sở Giao thông vận tải"]


def test_kinh_gui_as_an_ocr_marks_its_tones():
    assert recipients("Kỉnh gửi: - Lãnh đạo UBND các xã: Phú An, Tân Lập;\n          - Giám đốc các hợp tác xã nông nghiệp.\n\n") \
        == ["Lãnh đạo UBND các xã: Phú An, Tân Lập", "Giám đốc các hợp tác xã nông nghiệp"]
    assert recipients("Kính gủi: Ban Thường vụ Hội Cựu chiến binh huyện.\n\n") == ["Ban Thường vụ Hội Cựu chiến binh huyện"]


def test_a_companys_tax_code_and_address_are_not_its_name():
    assert recipients("Kính gửi: Công ty TNHH Thương mại Hưng Phát (MST: 0301234567; Địa chỉ: thôn Đông, xã Mỹ An).\n\n") \
        == ["Công ty TNHH Thương mại Hưng Phát"]


def test_a_document_systems_greeting_to_the_official_is_not_the_letters_kinh_gui():
    notice = """Hệ thống Quản lý văn bản và điều hành - UBND huyện Đông Khê
Kính gửi: Đồng chí Lê Văn Hòa - Trưởng phòng Tài chính - Kế hoạch

Đồng chí có văn bản đến cần xử lý.
Số đến: 1532
Ngày đến: 14/08/2024
Số ký hiệu: 412/SNV-CCVC
Trích yếu: V/v rà soát biên chế năm 2025
"""
    assert EX.extract(notice).to_json("n")["recipients"] == []
    letter = notice + """
SỞ NỘI VỤ TỈNH LAM GIANG               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                        Độc lập - Tự do - Hạnh phúc
Số: 412/SNV-CCVC                        Lam Giang, ngày 12 tháng 8 năm 2024
V/v rà soát biên chế năm 2025

Kính gửi: Ủy ban nhân dân các huyện, thị xã.

Sở Nội vụ đề nghị Ủy ban nhân dân các huyện, thị xã rà soát biên chế, gửi về Sở trước ngày 30/8/2024.
"""
    assert EX.extract(letter).to_json("l")["recipients"] == ["Ủy ban nhân dân các huyện, thị xã"]


def test_a_chat_messages_salutation_above_the_letter_is_not_its_kinh_gui():
    got = EX.extract("""Cô Thu Hà (GVCN)
14/09/2019 20:05
Kính gửi các bố mẹ lớp 2A1, cô gửi thư mời họp phụ huynh đầu năm, các bố mẹ sắp xếp đi họp đầy đủ giúp cô ạ

PHÒNG GD&ĐT HUYỆN ĐÔNG KHÊ
TRƯỜNG TIỂU HỌC TÂN AN
Số: 12/TM-THTA
Tân An, ngày 14 tháng 9 năm 2019
THƯ MỜI
Họp cha mẹ học sinh đầu năm học 2019 - 2020
Kính gửi: Quý vị cha mẹ học sinh lớp 2A1
Trường Tiểu học Tân An trân trọng kính mời Quý vị đến dự buổi họp cha mẹ học sinh.
""").to_json("t")
    assert got["recipients"] == ["Quý vị cha mẹ học sinh lớp 2A1"]


def test_entries_one_per_line_whose_list_marks_were_lost_are_each_an_entry():
    # a word processor's automatic dashes do not survive a copy; the body's first line is a sentence, no entry
    assert recipients("""Kính gửi:
Ban Thường trực Ủy ban MTTQ Việt Nam các xã, thị trấn
Các tổ chức thành viên của Ủy ban MTTQ Việt Nam huyện
Ủy ban bầu cử huyện Đông Khê
Ủy ban nhân dân huyện Đông Khê nhận được Công văn số 45/MTTQ-BTT ngày 02/4/2025, có ý kiến như sau:
""") == ["Ban Thường trực Ủy ban MTTQ Việt Nam các xã, thị trấn",
         "Các tổ chức thành viên của Ủy ban MTTQ Việt Nam huyện", "Ủy ban bầu cử huyện Đông Khê"]
