"""Header fields on scanned and legacy-font letters: TCVN3 text shown as Latin-1 with its letterhead typed in the
capitals font (small letters' codes), OCR's "Sổ" for "Số", a space inside a short number, a letter read for a digit
in the date line. Every letter here is invented by the project."""

from nlp import Extractor
from nlp.legacy import _TCVN3
from nlp.textnorm import normalize

EX = Extractor()
_TO_TCVN3 = {uni: code for code, uni in _TCVN3.items()}


def tcvn3(text: str) -> str:
    """Unicode text as a TCVN3 file read as Latin-1 shows it (capitals with tones have no code: small ones)."""
    out = []
    for ch in text:
        if ch in _TO_TCVN3:
            out.append(_TO_TCVN3[ch])
        elif ch.lower() in _TO_TCVN3 and not ch.isascii():
            out.append(_TO_TCVN3[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


_LETTER = (tcvn3("ubnd huyện hòa mỹ") + "\t\t" + tcvn3("cộng hoà xã hội chủ nghĩa việt nam") + "\n"
           + tcvn3("PHÒNG NỘI VỤ") + "\t\t" + tcvn3("Độc lập - Tự do - Hạnh phúc") + "\n"
           + tcvn3("Số: 15/TTr-NV\t\tHòa Mỹ, ngày 04 tháng 3 năm 2007") + "\n\n"
           + tcvn3("tờ trình") + "\n"
           + tcvn3("Về việc đề nghị bổ sung biên chế năm 2007") + "\n\n"
           + tcvn3("Kính gửi: Ủy ban nhân dân huyện Hòa Mỹ.") + "\n\n"
           + tcvn3("Phòng Nội vụ kính trình Ủy ban nhân dân huyện xem xét, quyết định.") + "\n")


def test_a_tcvn3_letterhead_in_the_capitals_font_gets_its_capitals_back():
    lines = normalize(_LETTER).split("\n")
    assert lines[0].startswith("UBND HUYỆN HÒA MỸ\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert lines[1].startswith("PHÒNG NỘI VỤ\t\tĐộc lập")  # the motto's cell keeps its case
    assert lines[4] == "TỜ TRÌNH"
    assert lines[5] == "Về việc đề nghị bổ sung biên chế năm 2007"  # the trích yếu is not a capitals line
    assert "Phòng Nội vụ kính trình" in lines[9]  # the body is left as it was


def test_a_tcvn3_letter_reads_its_parent_body_and_type():
    found = EX.extract(_LETTER).to_json("letter.txt")
    assert found["issuer"] == "UBND HUYỆN HÒA MỸ - PHÒNG NỘI VỤ"
    assert found["doc_type"] == "Tờ trình"
    assert found["doc_number"] == "15/TTr-NV"
    assert found["issue_date"] == "2007-03-04"


def test_ocr_so_without_colon_a_split_number_and_a_letter_in_the_date():
    text = ("TỈNH ỦY NAM SƠN                 ĐẢNG CỘNG SẢN VIỆT NAM\n"
            "BAN DÂN VẬN                     Nam Sơn, ngày 0l tháng 6 năm 2O19\n"
            "      *\n"
            "   Sổ 14-HD/BDVTU\n"
            "                        HƯỚNG DẪN\n"
            "     công tác dân vận năm 2019\n"
            "Thực hiện chương trình công tác, Ban Dân vận Tỉnh ủy hướng dẫn như sau:\n")
    found = EX.extract(text).to_json("letter.txt")
    assert found["doc_number"] == "14-HD/BDVTU"
    assert found["issue_date"] == "2019-06-01"
    text = ("| CÔNG AN TỈNH NAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
            "| CÔNG AN HUYỆN HÀ LÂM | Độc lập - Tự do - Hạnh phúc |\n"
            "| Số: 2 47/CAH-TM | Hà Lâm, ngày 09 tháng 8 năm 2022 |\n"
            "| V/v bảo đảm an ninh trật tự | |\n"
            "Kính gửi: Ủy ban nhân dân các xã.\n")
    assert EX.extract(text).to_json("letter.txt")["doc_number"] == "247/CAH-TM"


def test_date_figures_are_mended_only_where_a_real_digit_stands():
    assert normalize("ngày 1O tháng 5 năm 2O24") == "ngày 10 tháng 5 năm 2024"
    assert normalize("năm I của kế hoạch, ngày Lễ") == "năm I của kế hoạch, ngày Lễ"


def test_an_ocr_slip_in_the_motto_does_not_cut_the_letterhead():
    out = EX.extract("""| CÔNG AN TỈNH LAM GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| CÔNG AN HUYỆN TÂN PHÚ | Độc lập - Tụ do - Hanh phúc |
| Số: 214/CAH-QLHC | Tân Phú, ngày 16 tháng 8 năm 2024 |
| V/v thu nhận hồ sơ cấp căn cước | |
Kính gửi: Ủy ban nhân dân các xã.
""").to_json("t")
    assert out["issuer"] == "CÔNG AN TỈNH LAM GIANG - CÔNG AN HUYỆN TÂN PHÚ"


def test_a_legacy_font_header_beside_a_unicode_signature_stamp():
    lines = _LETTER.split("\n")
    lines[0] += "      Ký bởi: Phòng Nội vụ huyện Hòa Mỹ"
    lines[1] += "      Email: pnv@hoamy.example.gov.vn"
    lines[2] += "      Thời gian ký: 04.03.2007 09:10:11 +07:00"
    found = EX.extract("\n".join(lines)).to_json("letter.txt")
    assert found["issuer"] == "UBND HUYỆN HÒA MỸ - PHÒNG NỘI VỤ"
    assert (found["doc_number"], found["issue_date"], found["doc_type"]) == ("15/TTr-NV", "2007-03-04", "Tờ trình")


def test_a_unicode_line_in_a_legacy_letter_keeps_its_words():
    # "tháng" holds no legacy sign and reads "thỏng" in TCVN3: a Unicode line's cells convert only where they gain
    text = _LETTER + "Nam Sơn, ngày     tháng     năm 2007\n"
    assert normalize(text).split("\n")[-2] == "Nam Sơn, ngày     tháng     năm 2007"


def test_an_ocr_date_line_with_misread_tones_still_dates_the_letter():
    text = ("ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "HUYỆN ĐÔNG KHÊ                 Độc lập - Tự do - Hạnh phúc\n"
            "Số: 412/UBND-NV            Đông Khê, ngảy 26 thảng 7 nãm 2023\n"
            "V/v rà soát nhu cầu đào tạo, bồi dưỡng cán bộ\n\n"
            "Kính gửi: Ủy ban nhân dân các xã, thị trấn.\n\nĐề nghị các xã báo cáo trước ngày 10/8/2023.\n")
    found = EX.extract(text)
    assert (found.place, str(found.issue_date)) == ("Đông Khê", "2023-07-26")


def test_a_party_number_typed_with_an_en_dash():
    text = ("HUYỆN ĐOÀN ĐÔNG KHÊ          ĐOÀN TNCS HỒ CHÍ MINH\n"
            "BCH ĐOÀN XÃ TÂN AN\n"
            "Số: 45–KH/ĐTN                 Tân An, ngày 12 tháng 3 năm 2025\n\n"
            "KẾ HOẠCH\nTổ chức Tháng Thanh niên năm 2025\n\n"
            "Căn cứ Chương trình công tác Đoàn năm 2025 của Huyện Đoàn Đông Khê;\n")
    assert EX.extract(text).doc_number == "45-KH/ĐTN"


def test_a_tcvn3_letter_under_a_portal_record_gets_its_capitals_back():
    record = "\n".join(f"Thuộc tính {i} | Giá trị {i}" for i in range(14)) + "\n\n"
    found = EX.extract(record + _LETTER).to_json("letter.txt")
    assert (found["issuer"], found["doc_type"]) == ("UBND HUYỆN HÒA MỸ - PHÒNG NỘI VỤ", "Tờ trình")


def test_an_ocr_so_that_lost_its_tone_mark():
    text = ("ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHỊ XÃ ĐÔNG KHÊ                "
            "Độc lập - Tự do - Hạnh phúc\nSô 234/QĐ-UB                   Đông Khê, ngày 12 tháng 3 năm 2004\n\n"
            "QUYẾT ĐỊNH\nV/v thành lập Ban Chỉ đạo phòng chống dịch\n")
    assert EX.extract(text).doc_number == "234/QĐ-UB"


def test_a_trich_yeu_ends_before_the_body_opening_on_a_day_ocr_misread():
    text = ("ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN ĐÔNG KHÊ                "
            "Độc lập - Tự do - Hạnh phúc\nSố: 88/TB-UBND                   Đông Khê, ngày 25 tháng 11 năm 2021\n\n"
            "THÔNG BÁO\nKết luận của đồng chí Phó Chủ tịch UBND huyện tại buổi làm việc về tiến độ xây dựng\n"
            "Trường Tiểu học Tân An\nNgáy 23/11/2021, đồng chí Phó Chủ tịch UBND huyện đã chủ trì buổi làm việc.\n")
    assert EX.extract(text).subject == ("Kết luận của đồng chí Phó Chủ tịch UBND huyện tại buổi làm việc về tiến độ "
                                        "xây dựng Trường Tiểu học Tân An")
