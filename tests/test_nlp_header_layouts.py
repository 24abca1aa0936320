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


# ---------------------------------------------------------------- issue 8, second header pass: more layouts
# A party committee: the party's motto on the right with "*" under the letterhead, the number without its colon.
case("""HUYỆN ỦY ĐÔNG KHÊ                          ĐẢNG CỘNG SẢN VIỆT NAM
BAN TUYÊN GIÁO
          *                          Đông Khê, ngày 12 tháng 8 năm 2025
   Số 215-CV/BTGHU

V/v tuyên truyền kỷ niệm 80 năm Cách mạng Tháng Tám

Kính gửi: Các chi, đảng bộ trực thuộc.
""", doc_number="215-CV/BTGHU", issue_date="2025-08-12", doc_type="Công văn",
     issuer="HUYỆN ỦY ĐÔNG KHÊ - BAN TUYÊN GIÁO",
     subject="V/v tuyên truyền kỷ niệm 80 năm Cách mạng Tháng Tám")

# Three levels in the letterhead: ministry, department, its office.
case("""BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
CỤC THỦY LỢI                              Độc lập - Tự do - Hạnh phúc
CHI CỤC THỦY LỢI MIỀN TRUNG
Số: 77/CCTL-KT                          Hà Nội, ngày 02 tháng 10 năm 2025
V/v kiểm tra an toàn hồ chứa

Kính gửi: Sở Nông nghiệp và Môi trường tỉnh Nam Sơn.
""", doc_number="77/CCTL-KT", issuer="BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG - CỤC THỦY LỢI - CHI CỤC THỦY LỢI MIỀN TRUNG")

# A table converted column by column: the left column's lines, then the right column's.
case("""ỦY BAN NHÂN DÂN
HUYỆN ĐÔNG KHÊ
Số: 1408/UBND-TNMT
V/v thu gom rác thải sinh hoạt
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đông Khê, ngày 21 tháng 7 năm 2025

Kính gửi: Ủy ban nhân dân các xã, thị trấn.
""", doc_number="1408/UBND-TNMT", issue_date="2025-07-21", place="Đông Khê", issuer="ỦY BAN NHÂN DÂN HUYỆN ĐÔNG KHÊ",
     subject="V/v thu gom rác thải sinh hoạt")

# The letterhead's cells in title case (a web page's style sheet drops the capitals).
case("""Ủy ban nhân dân                      Cộng hòa xã hội chủ nghĩa Việt Nam
Tỉnh Nam Sơn                         Độc lập - Tự do - Hạnh phúc
Số: 3021/UBND-KT                     Nam Sơn, ngày 09 tháng 9 năm 2025
V/v bảo đảm nguồn điện mùa khô

Kính gửi: Công ty Điện lực Nam Sơn.
""", doc_number="3021/UBND-KT", issue_date="2025-09-09", issuer="Ủy ban nhân dân Tỉnh Nam Sơn",
     subject="V/v bảo đảm nguồn điện mùa khô")

# Urgency written with its label: the label's own word "KHẨN" is not the mark.
case("""ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NAM SƠN                      Độc lập - Tự do - Hạnh phúc
Số: 2350/UBND-NN                  Nam Sơn, ngày 03 tháng 10 năm 2025
ĐỘ KHẨN: HỎA TỐC
V/v ứng phó với áp thấp nhiệt đới

Kính gửi: Ủy ban nhân dân các huyện.
""", urgency="Hỏa tốc", doc_number="2350/UBND-NN", subject="V/v ứng phó với áp thấp nhiệt đới")
case("""SỞ Y TẾ TỈNH NAM SƠN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                  Độc lập - Tự do - Hạnh phúc
Số: 912/SYT-NVY                   Nam Sơn, ngày 15 tháng 10 năm 2025
Mức độ khẩn: Thượng khẩn
V/v phòng chống dịch sốt xuất huyết

Kính gửi: Các bệnh viện, trung tâm y tế.
""", urgency="Thượng khẩn", doc_number="912/SYT-NVY", issuer="SỞ Y TẾ TỈNH NAM SƠN")

# A stamp before the letterhead on the same line as its first words.
case("""HỎA TỐC
ỦY BAN NHÂN DÂN    HỎA TỐC        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN ĐÔNG KHÊ                    Độc lập - Tự do - Hạnh phúc
Số: 990/UBND-VP                   Đông Khê, ngày 06 tháng 11 năm 2025
V/v sơ tán dân khỏi vùng sạt lở

Kính gửi: Ủy ban nhân dân các xã.
""", urgency="Hỏa tốc", issuer="ỦY BAN NHÂN DÂN HUYỆN ĐÔNG KHÊ", doc_number="990/UBND-VP")
case("""THƯỢNG KHẨN   ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
              XÃ TÂN PHÚ           Độc lập - Tự do - Hạnh phúc
Số: 45/UBND                       Tân Phú, ngày 07 tháng 11 năm 2025
V/v kiểm tra đê bao

Kính gửi: Các ấp.
""", urgency="Thượng khẩn", issuer="ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", doc_number="45/UBND")

# Date lines: "ngày" on the next line, in figures, the date before the number.
case("""ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NAM SƠN                      Độc lập - Tự do - Hạnh phúc
Số: 1177/UBND-VX                  Nam Sơn,
                                  ngày 25 tháng 6 năm 2025
V/v tổ chức Ngày Gia đình Việt Nam

Kính gửi: Các sở, ban, ngành.
""", issue_date="2025-06-25", place="Nam Sơn", doc_number="1177/UBND-VX")
case("""ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN ĐÔNG KHÊ                    Độc lập - Tự do - Hạnh phúc
Số: 604/UBND-TC                   Đông Khê, ngày 05/3/2025
V/v quyết toán ngân sách năm 2024

Kính gửi: Các xã, thị trấn.
""", issue_date="2025-03-05", place="Đông Khê", doc_number="604/UBND-TC")
case("""ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN ĐÔNG KHÊ                    Độc lập - Tự do - Hạnh phúc
                                  Đông Khê, ngày 14 tháng 5 năm 2025
Số: 731/UBND-NV
V/v tuyển dụng viên chức giáo dục

Kính gửi: Phòng Giáo dục và Đào tạo.
""", issue_date="2025-05-14", doc_number="731/UBND-NV", issuer="ỦY BAN NHÂN DÂN HUYỆN ĐÔNG KHÊ",
     subject="V/v tuyển dụng viên chức giáo dục")

# A trích yếu wrapped over three lines with ragged indentation, then an attachment note.
case("""ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NAM SƠN                      Độc lập - Tự do - Hạnh phúc
Số: 2905/UBND-KGVX                Nam Sơn, ngày 10 tháng 10 năm 2025
V/v hướng dẫn tổ chức các hoạt động
    kỷ niệm ngày Nhà giáo Việt Nam
  trên địa bàn tỉnh năm 2025
(Kèm theo Kế hoạch số 120/KH-SGDĐT)

Kính gửi: Ủy ban nhân dân các huyện, thị xã.
""", subject="V/v hướng dẫn tổ chức các hoạt động kỷ niệm ngày Nhà giáo Việt Nam trên địa bàn tỉnh năm 2025",
     doc_number="2905/UBND-KGVX")

# A giấy mời without V/v: the event after the title is its trích yếu.
case("""ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN ĐÔNG KHÊ                    Độc lập - Tự do - Hạnh phúc
Số: 88/GM-UBND                    Đông Khê, ngày 02 tháng 12 năm 2025

GIẤY MỜI
Hội nghị tổng kết công tác dân vận năm 2025

Ủy ban nhân dân huyện trân trọng kính mời đại diện lãnh đạo các cơ quan, đơn vị dự hội nghị.
""", doc_type="Giấy mời", subject="Hội nghị tổng kết công tác dân vận năm 2025", doc_number="88/GM-UBND")
case("""ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ TÂN PHÚ                        Độc lập - Tự do - Hạnh phúc
Số: 31/TB-UBND                    Tân Phú, ngày 19 tháng 12 năm 2025

THÔNG BÁO
Lịch tiếp công dân định kỳ
của Chủ tịch Ủy ban nhân dân xã năm 2026

Ủy ban nhân dân xã thông báo lịch tiếp công dân như sau:
""", doc_type="Thông báo", subject="Lịch tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân xã năm 2026")

# A symbol with a parenthesised unit code; "Số:" glued to the last letterhead line.
case("""CÔNG AN TỈNH NAM SƠN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                  Độc lập - Tự do - Hạnh phúc
Số: 409/TTr-CAT(PC04)             Nam Sơn, ngày 11 tháng 11 năm 2025
V/v đề nghị khen thưởng

Kính gửi: Ủy ban nhân dân tỉnh Nam Sơn.
""", doc_number="409/TTr-CAT(PC04)", issuer="CÔNG AN TỈNH NAM SƠN")
case("""ỦY BAN NHÂN DÂN TỈNH NAM SƠN       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ XÂY DỰNG Số: 517/SXD-QLN         Độc lập - Tự do - Hạnh phúc
                                  Nam Sơn, ngày 20 tháng 11 năm 2025
V/v cấp phép xây dựng nhà ở riêng lẻ

Kính gửi: Ủy ban nhân dân các huyện.
""", doc_number="517/SXD-QLN", issuer="ỦY BAN NHÂN DÂN TỈNH NAM SƠN - SỞ XÂY DỰNG")

# A whole header flattened onto one line by a web page.
case("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM TỈNH NAM SƠN Độc lập - Tự do - Hạnh phúc SỞ NỘI VỤ "
     "Số: 640/SNV-CCVC Nam Sơn, ngày 08 tháng 7 năm 2025 V/v thi tuyển công chức năm 2025\n"
     "Kính gửi: Các cơ quan, đơn vị thuộc tỉnh.\n",
     doc_number="640/SNV-CCVC", issue_date="2025-07-08", place="Nam Sơn",
     issuer="ỦY BAN NHÂN DÂN TỈNH NAM SƠN - SỞ NỘI VỤ", subject="V/v thi tuyển công chức năm 2025")
case("Trang chủ > Văn bản UBND TỈNH NAM SƠN SỞ TÀI CHÍNH Số: 1502/STC-QLG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
     "Độc lập - Tự do - Hạnh phúc Nam Sơn, ngày 17 tháng 6 năm 2025 KẾ HOẠCH Kiểm tra giá dịch vụ "
     "trông giữ xe năm 2025 Căn cứ Luật Giá năm 2023;\n",
     doc_number="1502/STC-QLG", issue_date="2025-06-17", doc_type="Kế hoạch", issuer="UBND TỈNH NAM SƠN - SỞ TÀI CHÍNH",
     subject="Kiểm tra giá dịch vụ trông giữ xe năm 2025")


# A copy already double spaced, spaced again: two blank lines after every header line, the date's year among them.
case("""SỞ CÔNG THƯƠNG TỈNH LAM GIANG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM


                                        Độc lập - Tự do - Hạnh phúc


Số: 212/SCT-QLTM                     Lam Giang, ngày 21 tháng 10 năm


                                     2025


V/v tăng cường kiểm tra hàng hóa


lưu thông dịp cuối năm 2025


Kính gửi: Ủy ban nhân dân các huyện, thị xã.
Sở Công Thương đề nghị các địa phương chỉ đạo lực lượng chức năng kiểm tra hàng hóa.
""", doc_number="212/SCT-QLTM", issue_date="2025-10-21", place="Lam Giang", issuer="SỞ CÔNG THƯƠNG TỈNH LAM GIANG",
     subject="V/v tăng cường kiểm tra hàng hóa lưu thông dịp cuối năm 2025")

# A signature record at the top, then the letter double spaced; "Thời gian ký" is not the body.
case("""Ký bởi: Sở Tư pháp tỉnh Lam Giang

Thời gian ký: 03.11.2025 15:20:11 +07:00

SỞ TƯ PHÁP TỈNH LAM GIANG        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

                 Độc lập - Tự do - Hạnh phúc

Số: 905/STP-PBGDPL                 Lam Giang, ngày 03 tháng 11 năm 2025

V/v hưởng ứng

Ngày Pháp luật Việt Nam năm 2025

Kính gửi: Các sở, ban, ngành tỉnh.
""", doc_number="905/STP-PBGDPL", issue_date="2025-11-03",
     subject="V/v hưởng ứng Ngày Pháp luật Việt Nam năm 2025")

# A Party letterhead of two levels, the date line beside its second line: a draft's blank day, a place whose date
# went on the next line, a date whose year did; the parent's line stays in the issuer.
for date_cell in ("Tân Phú, ngày     tháng     năm 2025", "Tân Phú,\n                                    ngày 12 tháng 9 năm 2025",
                  "Tân Phú, ngày 12 tháng 9\n                                    năm 2025"):
    case(f"""  ĐẢNG BỘ HUYỆN LONG ĐIỀN                      ĐẢNG CỘNG SẢN VIỆT NAM
   ĐẢNG ỦY XÃ TÂN PHÚ                 {date_cell}
            *
      Số 41-CV/ĐU

       Ban Thường vụ Đảng ủy xã đề nghị các chi bộ trực thuộc báo cáo kết quả sinh hoạt chuyên đề.
""", doc_number="41-CV/ĐU", issuer="ĐẢNG BỘ HUYỆN LONG ĐIỀN - ĐẢNG ỦY XÃ TÂN PHÚ", place="Tân Phú")

# A header table copied with its cell borders as pipes: the place's cell apart from the date's, the year in the next row.
case("""ỦY BAN NHÂN DÂN HUYỆN LONG HẢI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHÒNG NÔNG NGHIỆP VÀ MÔI TRƯỜNG | Độc lập - Tự do - Hạnh phúc
Số: 77/PNNMT | Long Hải, | ngày 06 tháng 3 năm
 | 2025
V/v báo cáo diện tích lúa Đông Xuân bị nhiễm mặn
Kính gửi: Ủy ban nhân dân các xã.
""", doc_number="77/PNNMT", issue_date="2025-03-06", place="Long Hải",
     subject="V/v báo cáo diện tích lúa Đông Xuân bị nhiễm mặn")

# A portal's record above a news item: the record gives the number, the lead reporting that letter its issuer.
case("""Thông tin văn bản
Số ký hiệu: 19/CT-UBND
Ngày ban hành: 14/02/2025
Loại văn bản: Chỉ thị

BÁO ĐIỆN TỬ LAM GIANG
Thời sự | Kinh tế | Xã hội

Lam Giang: Siết chặt an toàn thực phẩm mùa lễ hội

(LG) - UBND tỉnh Lam Giang vừa ban hành Chỉ thị số 19/CT-UBND ngày 14/02/2025 về tăng cường bảo đảm an toàn thực phẩm trong mùa lễ hội năm 2025.

Theo Chỉ thị, Chủ tịch UBND tỉnh yêu cầu Sở Y tế chủ trì kiểm tra các cơ sở kinh doanh dịch vụ ăn uống.
""", doc_number="19/CT-UBND", issue_date="2025-02-14", doc_type="Chỉ thị", issuer="UBND tỉnh Lam Giang")

# A portal's record, single spaced, above a letter whose every line is followed by a blank one.
case("""Số ký hiệu: 63/TTr-PTC
Ngày ban hành: 09/5/2025
Loại văn bản: Tờ trình
Người ký: Đỗ Thị Lan
Tải về

UBND HUYỆN LONG HẢI              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

PHÒNG TÀI CHÍNH                  Độc lập - Tự do - Hạnh phúc

Số: 63/TTr-PTC                   Long Hải, ngày 09 tháng 5 năm 2025

TỜ TRÌNH

Về việc bổ sung kinh phí mua sắm thiết bị

Trung tâm Văn hóa - Thể thao huyện

Kính gửi: Ủy ban nhân dân huyện Long Hải.
""", doc_number="63/TTr-PTC", doc_type="Tờ trình",
     subject="Về việc bổ sung kinh phí mua sắm thiết bị Trung tâm Văn hóa - Thể thao huyện")

# Flattened onto one line: a Youth Union letter whose trích yếu names the Union in plain case (not its motto), and a
# Party notice whose trích yếu starts in lower case and ends at the rule drawn under it.
case("BCH ĐOÀN HUYỆN LONG HẢI ĐOÀN TNCS HỒ CHÍ MINH *** Số: 52-GTT/HĐTN Long Hải, ngày 14 tháng 3 năm 2025 "
     "GIẤY TRIỆU TẬP Đại biểu dự Hội nghị Ban Chấp hành Đoàn TNCS Hồ Chí Minh huyện Long Hải lần thứ 5\n"
     "Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;\n",
     doc_number="52-GTT/HĐTN", issue_date="2025-03-14", doc_type="Giấy triệu tập",
     subject="Đại biểu dự Hội nghị Ban Chấp hành Đoàn TNCS Hồ Chí Minh huyện Long Hải lần thứ 5")
case("ĐẢNG BỘ TỈNH LAM GIANG ĐẢNG CỘNG SẢN VIỆT NAM HUYỆN ỦY TÂN PHÚ * Tân Phú, ngày 02 tháng 6 năm 2025 "
     "Số 311-TB/HU THÔNG BÁO kết luận của Thường trực Huyện ủy về công tác phòng, chống hạn hán ----- "
     "Ngày 28/5/2025, đồng chí Bí thư Huyện ủy chủ trì buổi làm việc với các phòng, ban của huyện.\n",
     doc_number="311-TB/HU", issue_date="2025-06-02", doc_type="Thông báo",
     subject="kết luận của Thường trực Huyện ủy về công tác phòng, chống hạn hán")

# A portal's record on one line, its cells run together with single spaces.
case("Trang chủ » Văn bản » Giấy mời Số ký hiệu: 75/GM-UBND Ngày ban hành: 03/04/2025 "
     "Cơ quan ban hành: UBND huyện Long Hải Trích yếu: Mời dự họp giao ban công tác cải cách hành chính quý I "
     "Loại văn bản: Giấy mời\nTải về\n",
     doc_number="75/GM-UBND", issue_date="2025-04-03", doc_type="Giấy mời", issuer="UBND huyện Long Hải",
     subject="Mời dự họp giao ban công tác cải cách hành chính quý I")

# A Party letterhead pasted into an e-mail: the columns' gap lost, the second line glued to the date line's place.
case("""ĐẢNG BỘ TỈNH LAM GIANG ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY XÃ TÂN PHÚ Tân Phú, ngày 10 tháng 11 năm 2025
*
Số 24-GM/ĐU
GIẤY MỜI
Hội nghị Ban Chấp hành Đảng bộ xã lần thứ 3
""", doc_number="24-GM/ĐU", issue_date="2025-11-10", place="Tân Phú",
     issuer="ĐẢNG BỘ TỈNH LAM GIANG - ĐẢNG ỦY XÃ TÂN PHÚ")

# A DOCX table copied one cell a line and double spaced: the place's cell, a blank line, the date's cell; the symbol
# cut at its hyphen, its tail three cells further down.
case("""UBND HUYỆN LONG HẢI

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

BAN CHỈ ĐẠO PCGD, XMC

Độc lập - Tự do - Hạnh phúc

Số: 61 / BC-BCĐPCGD-

Long Hải,

ngày 13 tháng 11 năm 2025

XMC

BÁO CÁO

Kết quả phổ cập giáo dục năm 2025

Thực hiện Kế hoạch số 20/KH-BCĐ ngày 10/01/2025 của Ban Chỉ đạo tỉnh.
""", doc_number="61/BC-BCĐPCGD-XMC", issue_date="2025-11-13", place="Long Hải", doc_type="Báo cáo")

# A web editor retyped the type's name in sentence case, two lines under the number with the motto between.
case("""ỦY BAN MTTQ VIỆT NAM
XÃ TÂN PHÚ
BAN THƯỜNG TRỰC
Số: 09/KH-MTTQ-BTT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tân Phú, ngày 12 tháng 01 năm 2026
Kế hoạch
Tổ chức hội nghị hiệp thương lần thứ hai
Căn cứ hướng dẫn của Ban Thường trực Ủy ban MTTQ Việt Nam huyện về công tác bầu cử.
""", doc_number="09/KH-MTTQ-BTT", doc_type="Kế hoạch", subject="Tổ chức hội nghị hiệp thương lần thứ hai")

# A document-sharing site: its title repeats the trích yếu in lower case over a download line and a notice.
case("""v/v rà soát hộ nghèo giữa kỳ năm 2025
Tải bản đầy đủ (.doc) (3 trang)

Bạn đang xem bản rút gọn; tải về để đọc toàn văn tài liệu (52 KB, 3 trang)

1

ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN LONG HẢI                      Độc lập - Tự do - Hạnh phúc
Số: 318/UBND-LĐTBXH                 Long Hải, ngày 04 tháng 6 năm 2025
V/v rà soát hộ nghèo giữa kỳ năm 2025

Kính gửi: Ủy ban nhân dân các xã.
""", doc_number="318/UBND-LĐTBXH", subject="V/v rà soát hộ nghèo giữa kỳ năm 2025")

# "ngày mồng 5": the spoken form of the first ten days, now and then typed in a date line.
case("""ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ TÂN PHÚ                    Độc lập - Tự do - Hạnh phúc
Số: 12/UBND-VP                Tân Phú, ngày mồng 5 tháng 3 năm 2025
V/v chuẩn bị Tết trồng cây
Kính gửi: Các thôn.
""", issue_date="2025-03-05", place="Tân Phú")

# A number with a letter after it, given to a letter inserted after the register's number was taken.
case("""ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ TÂN PHÚ                    Độc lập - Tự do - Hạnh phúc
Số: 15a/KH-UBND               Tân Phú, ngày 06 tháng 3 năm 2025
KẾ HOẠCH
Tổ chức Tết trồng cây năm 2025
""", doc_number="15a/KH-UBND", doc_type="Kế hoạch")

# Flattened by a web editor who also retyped the letterhead and the type's name in title and sentence case.
case("Đảng Bộ Huyện Long Hải Đảng Ủy Xã Tân Phú * Số 21-TB/ĐU Tân Phú, ngày 12 tháng 8 năm 2025 Thông báo Kết luận "
     "của Ban Thường vụ Đảng ủy về công tác chuẩn bị đại hội chi bộ\n\nNgày 10/8/2025, Ban Thường vụ Đảng ủy xã họp.\n",
     doc_number="21-TB/ĐU", issue_date="2025-08-12", doc_type="Thông báo",
     subject="Kết luận của Ban Thường vụ Đảng ủy về công tác chuẩn bị đại hội chi bộ")

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


def test_an_hour_before_a_deadline_is_not_a_place_and_its_day_not_the_letters():
    page = ("THÔNG TIN Ý KIẾN\n\nUBND tỉnh có ý kiến như sau:\n\nGiao UBND huyện Nam Hòa chủ trì, phối hợp với Sở Xây"
            " dựng kiểm tra hiện trạng; hoàn thành chậm nhất 10h00, ngày 20/5/2024./.\n\n"
            "(Theo Công văn số 1962/UBND-KT, ngày 25/4/2024)\n")
    found = EX.extract(page)
    assert found.issue_date.isoformat() == "2024-04-25" and found.place is None
    assert [d["date"] for d in found.deadlines] == ["2024-05-20"]


def test_a_trich_yeu_ends_where_the_body_begins_without_a_blank_line():
    # a PDF text layer drops the blank lines: the body's first paragraph follows the trích yếu directly
    letter = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH NAM SƠN Độc lập - Tự do - Hạnh phúc\n"
              "Số: 07/CT-UBND Nam Sơn, ngày 02 tháng 3 năm 2024\nCHỈ THỊ\nVề việc tăng cường quản lý chợ truyền thống\n"
              "Thời gian vừa qua, công tác quản lý chợ được các cấp quan tâm. Tuy nhiên, một số huyện chưa\n"
              "bố trí đủ cán bộ quản lý chợ.\n")
    assert EX.extract(letter).subject == "Về việc tăng cường quản lý chợ truyền thống"
    body = letter.replace("Thời gian vừa qua, công tác", "Trong thời gian qua công tác")
    assert EX.extract(body).subject == "Về việc tăng cường quản lý chợ truyền thống"


def test_a_thu_moi_is_read_as_an_invitation():
    letter = ("ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "HUYỆN ĐÔNG KHÊ                    Độc lập - Tự do - Hạnh phúc\n"
              "Số: 88/TM-UBND                    Đông Khê, ngày 08 tháng 7 năm 2025\n\nTHƯ MỜI\n"
              "Dự hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2025\n\n"
              "Ủy ban nhân dân huyện trân trọng kính mời lãnh đạo Phòng Nội vụ dự hội nghị.\n"
              "Thời gian: 14 giờ 00, ngày 15/7/2025.\nĐịa điểm: Hội trường Ủy ban nhân dân huyện.\n")
    found = EX.extract(letter)
    assert found.doc_type == "Thư mời"
    assert found.subject == "Dự hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2025"
    assert found.meeting["datetime"] == "2025-07-15T14:00"
    triệu_tập = EX.extract(letter.replace("THƯ MỜI", "GIẤY TRIỆU TẬP"))
    assert triệu_tập.doc_type == "Giấy triệu tập" and triệu_tập.meeting["datetime"] == "2025-07-15T14:00"


_HEAD = ("ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "TỈNH NAM SƠN                      Độc lập - Tự do - Hạnh phúc\n"
         "Số: 321/UBND-VX              Nam Sơn, ngày 12 tháng 3 năm 2024\nV/v phòng, chống dịch sốt xuất huyết\n")
_BODY = "\nKính gửi: Sở Y tế.\n\nỦy ban nhân dân tỉnh giao Sở Y tế chủ trì triển khai, báo cáo trước ngày 20/3/2024.\n"


@pytest.mark.parametrize("text, urgency", [
    ("UBND tỉnh Nam Sơn vừa ban hành Công văn hỏa tốc số 321/UBND-VX ngày 12/3/2024 về phòng, chống dịch sốt xuất"
     " huyết." + _BODY, "Hỏa tốc"),
    ("Công văn khẩn về phòng, chống dịch sốt xuất huyết\n\nUBND tỉnh Nam Sơn vừa ban hành Công văn số 321/UBND-VX"
     " ngày 12/3/2024 về phòng, chống dịch sốt xuất huyết." + _BODY, "Khẩn"),
    ("Mức độ: Thượng khẩn\n" + _HEAD + _BODY, "Thượng khẩn"),
    ("[HỎA TỐC] " + _HEAD + _BODY, "Hỏa tốc"),
    ("Subject: KHẨN - Công văn 321/UBND-VX về phòng, chống dịch\n\n" + _HEAD + _BODY, "Khẩn"),
    ("Tiêu đề: Fwd: [Hỏa tốc] V/v phòng, chống dịch\n\n" + _HEAD + _BODY, "Hỏa tốc"),
    (_HEAD + _BODY.replace("Kính gửi: Sở Y tế.", "Kính gửi: Sở Y tế.                      KHẨN"), "Khẩn"),
    (_HEAD + _BODY.replace("giao Sở Y tế", "yêu cầu Sở Y tế khẩn trương"), None),
    ("Công văn khẩn trương triển khai\n\n" + _HEAD + _BODY, None),
])
def test_an_urgency_mark_is_read_wherever_a_copy_puts_it(text, urgency):
    assert EX.extract(text).urgency == urgency


def test_a_cong_dien_hoa_toc_keeps_its_stamp_out_of_the_trich_yeu():
    letter = _HEAD.replace("V/v phòng, chống dịch sốt xuất huyết\n",
                           "\nCÔNG ĐIỆN HỎA TỐC\nVề việc phòng, chống dịch sốt xuất huyết\n") + _BODY
    found = EX.extract(letter)
    assert (found.doc_type, found.urgency) == ("Công điện", "Hỏa tốc")
    assert found.subject == "Về việc phòng, chống dịch sốt xuất huyết"


# A digitally signed copy: the signing tool prints its stamp (signer, e-mail, body, time) in the first page's top right
# corner, and the text layer gives its lines before the header, between the letterhead's lines, or as a third cell.
_STAMP = ["Ký bởi: Văn phòng Ủy ban nhân dân tỉnh Nam Sơn", "Email: vanphong@namson.example.gov.vn",
          "Cơ quan: Tỉnh Nam Sơn", "Thời gian ký: 12.03.2024 16:42:07 +07:00"]
_SIGNED = _HEAD.replace("V/v phòng", "V/v tăng cường phòng")


def _stamp_in_cells(text):
    lines = text.split("\n")
    for i, cell in enumerate(_STAMP):
        lines[i] += "      " + cell
    return "\n".join(lines)


@pytest.mark.parametrize("text", [
    "\n".join(_STAMP) + "\n\n" + _SIGNED + _BODY,
    _SIGNED.replace("\n", "\n" + "\n".join(_STAMP) + "\n", 1) + _BODY,
    _stamp_in_cells(_SIGNED) + _BODY,
], ids=["before", "between", "cells"])
def test_a_signature_stamp_leaves_the_header_as_it_was(text):
    found = EX.extract(text)
    assert found.issuer == "ỦY BAN NHÂN DÂN TỈNH NAM SƠN"
    assert (found.doc_number, str(found.issue_date), found.place) == ("321/UBND-VX", "2024-03-12", "Nam Sơn")
    assert found.subject == "V/v tăng cường phòng, chống dịch sốt xuất huyết"
    assert found.lead_units == ["Sở Y tế"]
    evidence = found.to_json("x")["evidence"]["doc_number"][0]
    assert text[evidence[0]:evidence[1]].endswith("321/UBND-VX")  # the review page marks the right words


def test_a_date_line_broken_after_nam_beside_a_stamp_cell():
    text = ("UBND HUYỆN ĐÔNG KHÊ            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM      Ký bởi: Phòng Nội vụ huyện Đông Khê\n"
            "PHÒNG NỘI VỤ                   Độc lập - Tự do - Hạnh phúc\n"
            "Số: 88/PNV                     Đông Khê, ngày 05 tháng 9 năm      Thời gian ký: 05.09.2024 10:01:55 +07:00\n"
            "                               2024\n"
            "V/v rà soát hồ sơ cán bộ, công chức cấp xã\n\n"
            "Kính gửi: Ủy ban nhân dân các xã, thị trấn.\n\nPhòng Nội vụ đề nghị các xã báo cáo trước ngày 20/9/2024.\n")
    found = EX.extract(text)
    assert (found.issuer, str(found.issue_date)) == ("UBND HUYỆN ĐÔNG KHÊ - PHÒNG NỘI VỤ", "2024-09-05")


def test_a_mail_forwarded_with_the_letter_pasted_below_keeps_its_header_out():
    forward = ("---------- Forwarded message ---------\nFrom: Văn thư Sở Y tế <vanthu@namson.example.gov.vn>\n"
               "Date: Thứ Ba, 12 thg 3, 2024 lúc 17:05\nSubject: Fwd: Gửi văn bản\nTo: <tiepnhan@example.gov.vn>\n\n")
    news = ("logo\n\nSở Y tế lấy ý kiến góp ý dự thảo Kế hoạch phòng, chống dịch bệnh mùa mưa năm 2024\n\n"
            "Sở Y tế kính gửi các sở, ngành xem xét dự thảo và có ý kiến gửi về Sở Y tế trước ngày 20/3/2024.\n")
    found = EX.extract(forward + news)
    assert found.subject is None  # a news item without a trích yếu: the forward's "Subject:" line is not one
    assert EX.extract(forward + _SIGNED + _BODY).subject == "V/v tăng cường phòng, chống dịch sốt xuất huyết"


def test_a_portal_list_of_other_documents_titles_none_of_them():
    related = ("Văn bản mới\n- Công văn số 58/UBND-KT ngày 04/01/2024 về việc tăng cường phòng cháy, chữa cháy\n"
               "- Quyết định số 12/QĐ-UBND ngày 03/01/2024 về việc thành lập Tổ công tác\n\n")
    news = ("Sở Y tế đề nghị các bệnh viện rà soát cơ số thuốc, báo cáo trước ngày 20/3/2024 để tổng hợp.\n\n"
            "Các bệnh viện chủ động dự trù, không để thiếu thuốc.\n")
    found = EX.extract(related + news)
    assert (found.subject, found.doc_number) == (None, None)


def test_a_party_number_glued_to_the_date_line_by_one_space():
    text = ("BCH ĐOÀN TỈNH NAM SƠN ĐOÀN TNCS HỒ CHÍ MINH\nBCH ĐOÀN HUYỆN ĐÔNG KHÊ\n***\n"
            "Số: 84-CV/HĐTN Đông Khê, ngày 11 tháng 10 năm 2024\nV/v tổ chức Hội thi tìm hiểu pháp luật\n"
            "Kính gửi: Ban Thường vụ Đoàn các xã, thị trấn.\n")
    found = EX.extract(text)
    assert (found.doc_number, found.place, str(found.issue_date)) == ("84-CV/HĐTN", "Đông Khê", "2024-10-11")


@pytest.mark.parametrize("head, issuer", [
    ("TỈNH ĐOÀN NAM SƠN               ĐOÀN TNCS HỒ CHÍ MINH\nBCH ĐOÀN HUYỆN ĐÔNG KHÊ\n***",
     "TỈNH ĐOÀN NAM SƠN - BCH ĐOÀN HUYỆN ĐÔNG KHÊ"),
    ("HND TỈNH NAM SƠN\nBCH HND HUYỆN ĐÔNG KHÊ\n*",
     "HND TỈNH NAM SƠN - BCH HND HUYỆN ĐÔNG KHÊ"),
])
def test_a_union_letterhead_keeps_its_provincial_parent(head, issuer):
    text = head + "\nSố: 34-KH/ĐTN              Đông Khê, ngày 22 tháng 02 năm 2024\n\nKẾ HOẠCH\nTổ chức Hội thi năm 2024\n"
    assert EX.extract(text).issuer == issuer


def test_a_procuracy_request_read_through_an_ocr_motto():
    text = ("VIỆN KIỂM SÁT NHÂN DÂN           CỘNG HOÀ XẢ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "     TỈNH NAM SƠN                     Độc Iập - Tự do - Hạnh phúc\n"
            "Số: 45/YC-VKS-P8              Nam Sơn, ngày 04 tháng 6 năm 2024\n\n"
            "                            YÊU CẦU\n           Tự kiểm tra việc tổ chức thi hành án dân sự\n\n"
            "     Kính gửi: Chi cục Thi hành án dân sự huyện Đông Khê\n")
    found = EX.extract(text)
    assert (found.issuer, found.doc_type) == ("VIỆN KIỂM SÁT NHÂN DÂN TỈNH NAM SƠN", "Yêu cầu")
    assert found.subject == "Tự kiểm tra việc tổ chức thi hành án dân sự"
