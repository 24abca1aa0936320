"""Header fields when a copy changes the letter's layout but not what a clerk registers: every line followed by a
blank one (Word and web copies), rules under the letterhead and the motto set in its own column, a site's menus and
a portal's record above the letter, "số:" in lower case, drafts with the number or the date left blank, stamps in
spaced capitals, a type's name broken over two lines, date lines that lost their tone marks or broke in two, party
symbols. Every letter here is invented by the project."""

import pytest

from nlp import Extractor

EX = Extractor()
CASES = []


def case(text, **want):
    CASES.append(pytest.param(text, want, id=f"layout{len(CASES):02d}"))


# Double spaced: the letterhead's lines, the trích yếu's lines, all one blank line apart.
case("""ỦY BAN NHÂN DÂN                       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

TỈNH NAM SƠN                          Độc lập - Tự do - Hạnh phúc

SỞ VĂN HÓA VÀ THỂ THAO

Số: 318/SVHTT-QLDL                    Nam Sơn, ngày 14 tháng 4 năm 2025

V/v đề nghị rà soát, báo cáo số liệu cơ sở lưu trú du lịch và

dịch vụ ăn uống đạt chuẩn trên địa bàn

Kính gửi: Ủy ban nhân dân các huyện, thị xã.

Sở Văn hóa và Thể thao đề nghị các địa phương báo cáo trước ngày 30/4/2025.
""", doc_number="318/SVHTT-QLDL", issue_date="2025-04-14",
     issuer="ỦY BAN NHÂN DÂN TỈNH NAM SƠN - SỞ VĂN HÓA VÀ THỂ THAO",
     subject="V/v đề nghị rà soát, báo cáo số liệu cơ sở lưu trú du lịch và dịch vụ ăn uống đạt chuẩn trên địa bàn")

# The letterhead column comes first, then the motto's column split over lines, with rules of dashes and underscores.
case("""ỦY BAN NHÂN
DÂN
HUYỆN ĐÔNG KHÊ
--------
CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
      ________          ______________________
---------------
Số: 27/CT-UBND
Đông Khê,
ngày 09 tháng 6 năm 2025
CHỈ THỊ
VỀ VIỆC TĂNG CƯỜNG CÔNG TÁC PHÒNG CHÁY, CHỮA CHÁY

TRONG MÙA KHÔ NĂM 2025
Thời gian qua, trên địa bàn huyện xảy ra một số vụ cháy rừng.
""", doc_number="27/CT-UBND", issue_date="2025-06-09", doc_type="Chỉ thị", issuer="ỦY BAN NHÂN DÂN HUYỆN ĐÔNG KHÊ",
     subject="VỀ VIỆC TĂNG CƯỜNG CÔNG TÁC PHÒNG CHÁY, CHỮA CHÁY TRONG MÙA KHÔ NĂM 2025")

# A site's breadcrumbs and name in capitals above the letterhead; the page title carries the number too.
case("""Trang chủ > Văn bản > Văn bản chỉ đạo điều hành
CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN ĐÔNG KHÊ
Cập nhật: 12/6/2025 09:15 | Lượt xem: 87
Công văn Số: 512/UBND-VX V/v: triển khai Tháng hành động vì trẻ em
BỘ Y TẾ
CỤC QUẢN LÝ KHÁM, CHỮA BỆNH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
_______________
Số: 512/KCB-PHCN
V/v triển khai Tháng hành động vì trẻ em
Hà Nội, ngày 03 tháng 6 năm 2025

Kính gửi: Sở Y tế các tỉnh, thành phố.
""", doc_number="512/KCB-PHCN", issuer="BỘ Y TẾ - CỤC QUẢN LÝ KHÁM, CHỮA BỆNH", issue_date="2025-06-03")

# A news summary below a site's menus: the site's name is no trích yếu; the lead still gives number and date.
case("""Trang chủ > Tin tức > Chỉ đạo điều hành
CỔNG THÔNG TIN ĐIỆN TỬ TỈNH NAM SƠN
Cập nhật: 02/6/2025 08:30 | Lượt xem: 1034

Ngày 30/5/2025, UBND tỉnh ban hành Công văn số 1207/UBND-KT về việc đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2025.
Theo đó, UBND tỉnh giao Sở Tài chính tổng hợp, báo cáo trước ngày 15/6/2025.
""", doc_number="1207/UBND-KT", issue_date="2025-05-30",
     subject="về việc đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2025")

# A web copy with no title of its own: the site's name in capitals and the portal's labels are no trích yếu.
case("""Trang chủ > Văn bản
CỔNG THÔNG TIN ĐIỆN TỬ THỊ XÃ BẮC LÂM
Độ khẩn: Bình thường

Phòng Văn hóa và Thông tin thị xã đề nghị các phường, xã cử cán bộ tham dự lớp tập huấn nghiệp vụ.
Thời gian tập huấn từ ngày 10/6/2025.
""", subject=None, urgency=None)

# "số:" in lower case at the start of its cell.
case("""ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ TÂN PHÚ                        Độc lập - Tự do - Hạnh phúc
số: 88/UBND-VP                    Tân Phú, ngày 20 tháng 5 năm 2025
V/v vận động ủng hộ Quỹ Vì người nghèo

Kính gửi: Các thôn.
""", doc_number="88/UBND-VP", issue_date="2025-05-20", issuer="ỦY BAN NHÂN DÂN XÃ TÂN PHÚ")

# A draft: the number left blank, the year of the symbol kept; a body heading that cites a decision in capitals.
case("""ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NAM SƠN                      Độc lập - Tự do - Hạnh phúc
Số:      /2025/QĐ-UBND             Nam Sơn, ngày      tháng      năm 2025

QUYẾT ĐỊNH
Ban hành Quy định về quản lý chợ trên địa bàn tỉnh

I. SỬA ĐỔI QUYẾT ĐỊNH SỐ 15/2019/QĐ-UBND NGÀY 03/4/2019
Căn cứ Luật Tổ chức chính quyền địa phương, Bắc Lâm, ngày 12 tháng 3 năm 2025.
""", doc_number="/2025/QĐ-UBND", issue_date=None, doc_type="Quyết định", issuer="ỦY BAN NHÂN DÂN TỈNH NAM SƠN",
     subject="Ban hành Quy định về quản lý chợ trên địa bàn tỉnh")

# A table's pipes: the number left blank in its own cell.
case("""| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| HUYỆN ĐÔNG KHÊ | Độc lập - Tự do - Hạnh phúc |
| Số: | /UBND-TCKH | Đông Khê, ngày 04 tháng 7 năm 2025 |
V/v lập dự toán ngân sách năm 2026

Kính gửi: Các cơ quan, đơn vị thuộc huyện.
""", doc_number="/UBND-TCKH", issuer="ỦY BAN NHÂN DÂN HUYỆN ĐÔNG KHÊ", issue_date="2025-07-04")

# Stamps in spaced capitals; "khẩn trương" in the body is no stamp.
case("""ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NAM SƠN                      Độc lập - Tự do - Hạnh phúc
Số: 2210/UBND-NN                  Nam Sơn, ngày 18 tháng 9 năm 2025

   H Ỏ A   T Ố C

V/v ứng phó với bão số 5

Kính gửi: Ủy ban nhân dân các huyện ven biển.
""", urgency="Hỏa tốc", doc_number="2210/UBND-NN")
case("""ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NAM SƠN                      Độc lập - Tự do - Hạnh phúc
Số: 2211/UBND-NN                  Nam Sơn, ngày 18 tháng 9 năm 2025
         K H Ẩ N
V/v kiểm tra hồ đập

Kính gửi: Sở Nông nghiệp và Môi trường.
""", urgency="Khẩn")
case("""ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NAM SƠN                      Độc lập - Tự do - Hạnh phúc
Số: 2212/UBND-NN                  Nam Sơn, ngày 19 tháng 9 năm 2025
V/v khắc phục hậu quả bão số 5

Kính gửi: Sở Nông nghiệp và Môi trường.

Đề nghị Sở KHẨN TRƯƠNG tổng hợp thiệt hại; các đơn vị khẩn trương khắc phục.
""", urgency=None)

# A type's name broken over two lines; its trích yếu follows the second.
case("""UBND TỈNH NAM SƠN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ NỘI VỤ                         Độc lập - Tự do - Hạnh phúc
Số: 77/TTr-SNV                    Nam Sơn, ngày 02 tháng 10 năm 2025
                   TỜ
                  TRÌNH
Về việc đề nghị thành lập Hội Cựu giáo chức tỉnh

Kính gửi: Ủy ban nhân dân tỉnh.
""", doc_type="Tờ trình", subject="Về việc đề nghị thành lập Hội Cựu giáo chức tỉnh")
case("""ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ TÂN PHÚ                        Độc lập - Tự do - Hạnh phúc
Số: 31/UBND                       Tân Phú, ngày 02 tháng 10 năm 2025
                 GIẤY
                 MỜI
Họp triển khai công tác chuyển đổi số năm 2025
Ủy ban nhân dân xã trân trọng kính mời đại diện các thôn tham dự.
""", doc_type="Giấy mời", subject="Họp triển khai công tác chuyển đổi số năm 2025")

# A PDF text layer that lost the date line's tone marks.
case("""UBND TỈNH NAM SƠN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ TÀI CHÍNH                      Độc lập - Tự do - Hạnh phúc
Số: 905/STC-NS                    Nam Sơn, ngay 11 thang 8 nam 2025
V/v thẩm định dự toán

Kính gửi: Sở Xây dựng.
""", issue_date="2025-08-11", place="Nam Sơn")

# The date line broken in two right under a trích yếu: the trích yếu stops above it.
case("""BỘ TÀI CHÍNH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
_______________
Số: 4410/BTC-NSNN
V/v bổ sung kinh phí thực hiện chính sách an sinh xã hội
Hà Nội, ngày 21 tháng 8
                     năm 2025

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố.
""", subject="V/v bổ sung kinh phí thực hiện chính sách an sinh xã hội", issue_date="2025-08-21")

# Party symbols: the type before the slash; a state symbol with "TT" and a year is a thông tư.
case("""ĐẢNG BỘ TỈNH NAM SƠN                     ĐẢNG CỘNG SẢN VIỆT NAM
HUYỆN ỦY ĐÔNG KHÊ
*
Số 15-TT/HU                             Đông Khê, ngày 06 tháng 3 năm 2025

Kính gửi: Các chi bộ, đảng bộ trực thuộc.
""", doc_number="15-TT/HU", doc_type="Thông tri", issuer="ĐẢNG BỘ TỈNH NAM SƠN - HUYỆN ỦY ĐÔNG KHÊ")
case("""ĐẢNG BỘ TỈNH NAM SƠN                     ĐẢNG CỘNG SẢN VIỆT NAM
HUYỆN ỦY ĐÔNG KHÊ
*
Số 20-KL/HU                             Đông Khê, ngày 06 tháng 3 năm 2025
KẾT LUẬN
của Ban Thường vụ Huyện ủy về công tác cán bộ

Kính gửi: Các chi bộ, đảng bộ trực thuộc.
""", doc_number="20-KL/HU", doc_type="Kết luận")
case("""BỘ TÀI CHÍNH                        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                    Độc lập - Tự do - Hạnh phúc
Số: 05/2025/TT-BTC                  Hà Nội, ngày 15 tháng 1 năm 2025
""", doc_number="05/2025/TT-BTC", doc_type="Thông tư")

# No letterhead: the author names itself in the body.
case("""Về việc bảo đảm an ninh trật tự dịp Tết Nguyên đán

Công an tỉnh Nam Sơn có ý kiến như sau: đề nghị Công an các huyện tăng cường tuần tra.
""", issuer="Công an tỉnh Nam Sơn")


@pytest.mark.parametrize(("text", "want"), CASES)
def test_header_fields_survive_the_copy(text, want):
    found = EX.extract(text).to_json("letter.txt")
    got = {name: found.get(name) for name in want}
    assert got == want


# ------------------------------------------------------------------------------------- a portal's record
_LETTER = """ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN ĐÔNG KHÊ                    Độc lập - Tự do - Hạnh phúc
Số: 640/UBND-VP                   Đông Khê, ngày 08 tháng 7 năm 2025
V/v trực ban phòng chống thiên tai

Kính gửi: Ủy ban nhân dân các xã.
"""


def _portal(number: str, issued: str) -> str:
    return (f"Thông tin văn bản\nSố ký hiệu: {number}\nNgày ban hành: {issued}\nLoại văn bản: Công văn\n"
            "Người ký: Trần Văn Bình\nTải về\n\n" + _LETTER)


def test_a_portal_record_that_agrees_raises_confidence():
    found = EX.extract(_portal("640/UBND-VP", "08/07/2025"))
    assert (found.doc_number, found.issue_date.isoformat()) == ("640/UBND-VP", "2025-07-08")
    assert found.confidence["doc_number"] >= 0.95 and found.confidence["issue_date"] >= 0.95
    assert not [d for d in found.review if d.field in ("doc_number", "issue_date")]


def test_a_portal_record_that_disagrees_is_a_doubt():
    found = EX.extract(_portal("604/UBND-VP", "18/07/2025"))
    assert found.doc_number == "640/UBND-VP"  # the letter's own header wins
    reasons = {d.field: d.reason for d in found.review}
    assert "604/UBND-VP" in reasons["doc_number"] and "640/UBND-VP" in reasons["doc_number"]
    assert "18/07/2025" in reasons["issue_date"]
    assert found.confidence["doc_number"] < 0.7
