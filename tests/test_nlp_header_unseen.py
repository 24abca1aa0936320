"""Header fields on letters the rules were not written from: invented letters in the variety NĐ 30/2020 allows
and real offices produce (ministries, provinces, districts, wards, Sở, Đảng and Đoàn bodies, schools, companies;
letterheads in two columns flattened into one line; "Số:" and the symbol on different lines; spaces inside
numbers; date lines with figures or broken over lines; trích yếu wrapped over lines; urgency marks). Each case
asserts the fields a clerk checks when registering the letter. Every letter here is invented by the project."""

import pytest

from nlp import Extractor

EX = Extractor()
CASES = []


def case(text, **want):
    CASES.append(pytest.param(text, want, id=f"letter{len(CASES):02d}"))

case("""ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BÌNH LAM                  Độc lập - Tự do - Hạnh phúc
SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 1234/SNNMT-KHTC            Bình Lam, ngày 05 tháng 3 năm 2024
V/v tăng cường công tác phòng, chống
dịch bệnh trên đàn gia súc, gia cầm

Kính gửi: Ủy ban nhân dân các huyện, thành phố.

Sở đề nghị các địa phương báo cáo.
""", doc_number="1234/SNNMT-KHTC", issue_date="2024-03-05", issuer="ỦY BAN NHÂN DÂN TỈNH BÌNH LAM - SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
     subject="V/v tăng cường công tác phòng, chống dịch bệnh trên đàn gia súc, gia cầm", doc_type="Công văn")

case("""UBND QUẬN HÒA TIẾN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHÒNG TÀI CHÍNH - KẾ HOẠCH Độc lập - Tự do - Hạnh phúc
Số: 45 /TCKH          Hòa Tiến, ngày 5 tháng 3 năm 2024
V/v rà soát kinh phí

Kính gửi: Các phường.
""", doc_number="45/TCKH", issue_date="2024-03-05", issuer="UBND QUẬN HÒA TIẾN - PHÒNG TÀI CHÍNH - KẾ HOẠCH", subject="V/v rà soát kinh phí")

case("""BỘ GIÁO DỤC VÀ ĐÀO TẠO
-------
Số: 789/BGDĐT-GDPT
V/v hướng dẫn thực hiện nhiệm vụ năm học 2024-2025
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
_______________
Hà Nội, ngày 12 tháng 8 năm 2024

Kính gửi: Các Sở Giáo dục và Đào tạo.
""", doc_number="789/BGDĐT-GDPT", issue_date="2024-08-12", issuer="BỘ GIÁO DỤC VÀ ĐÀO TẠO",
     subject="V/v hướng dẫn thực hiện nhiệm vụ năm học 2024-2025")

case("""ỦY BAN NHÂN DÂN
PHƯỜNG AN KHÁNH
_______
Số:
  56/UBND-VP
V/v tổ chức tổng vệ sinh môi trường
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
________________________
An Khánh, ngày 20 tháng 4 năm 2025

Kính gửi: Các khu phố.
""", doc_number="56/UBND-VP", issue_date="2025-04-20", issuer="ỦY BAN NHÂN DÂN PHƯỜNG AN KHÁNH",
     subject="V/v tổ chức tổng vệ sinh môi trường")

case("""ỦY BAN NHÂN DÂN TỈNH SƠN NGỌC  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  Độc lập - Tự do - Hạnh phúc  Số: 210/KH-UBND  Sơn Ngọc, ngày 07 tháng 6 năm 2024
KẾ HOẠCH
Triển khai chương trình chuyển đổi số
năm 2024 trên địa bàn tỉnh

Căn cứ Nghị quyết số 12/NQ-HĐND;
""", doc_number="210/KH-UBND", issue_date="2024-06-07", issuer="ỦY BAN NHÂN DÂN TỈNH SƠN NGỌC", doc_type="Kế hoạch",
     subject="Triển khai chương trình chuyển đổi số năm 2024 trên địa bàn tỉnh")

case("""ĐẢNG BỘ TỈNH HẢI VÂN                 ĐẢNG CỘNG SẢN VIỆT NAM
HUYỆN ỦY THẠCH LONG
*
Số 88-CV/HU                        Thạch Long, ngày 15 tháng 01 năm 2025
V/v chuẩn bị đại hội chi bộ

Kính gửi: Các chi bộ trực thuộc.
""", doc_number="88-CV/HU", issue_date="2025-01-15", issuer="ĐẢNG BỘ TỈNH HẢI VÂN - HUYỆN ỦY THẠCH LONG",
     subject="V/v chuẩn bị đại hội chi bộ")

case("""TỈNH ĐOÀN PHÚ NAM              ĐOÀN TNCS HỒ CHÍ MINH
BAN CHẤP HÀNH
Số: 321-CV/TĐTN-VP             Phú Nam, ngày 3 tháng 2 năm 2025
V/v tham gia Tháng Thanh niên

Kính gửi: Các huyện đoàn.
""", doc_number="321-CV/TĐTN-VP", issue_date="2025-02-03", subject="V/v tham gia Tháng Thanh niên")

case("""SỞ Y TẾ TỈNH ĐÔNG HÀ               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
BỆNH VIỆN ĐA KHOA TỈNH            Độc lập - Tự do - Hạnh phúc
Số: 77/GM-BVĐK                    Đông Hà, ngày 10 tháng 10 năm 2024
GIẤY MỜI
Họp giao ban công tác khám chữa bệnh quý IV

Bệnh viện trân trọng kính mời đại diện các khoa dự họp.
Thời gian: 14 giờ 00, ngày 15/10/2024.
""", doc_number="77/GM-BVĐK", issue_date="2024-10-10", doc_type="Giấy mời", issuer="SỞ Y TẾ TỈNH ĐÔNG HÀ - BỆNH VIỆN ĐA KHOA TỈNH",
     subject="Họp giao ban công tác khám chữa bệnh quý IV")

case("""ỦY BAN NHÂN DÂN QUẬN 12     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 1 024/UBND-VX      Quận 12, ngày 05/3/2024
V/v triển khai kế hoạch

Kính gửi: Phòng Văn hóa và Thông tin.
""", doc_number="1024/UBND-VX", issue_date="2024-03-05", issuer="ỦY BAN NHÂN DÂN QUẬN 12")

case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN LONG ĐIỀN               Độc lập - Tự do - Hạnh phúc
KHẨN
Số: 300/UBND-NC               Long Điền, ngày 2 tháng 9 năm 2024
V/v ứng phó bão số 3

Kính gửi: UBND các xã, thị trấn.
""", doc_number="300/UBND-NC", urgency="Khẩn", issue_date="2024-09-02", issuer="ỦY BAN NHÂN DÂN HUYỆN LONG ĐIỀN")

case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NAM SƠN                  Độc lập - Tự do - Hạnh phúc
Số: 300/UBND-NC               Nam Sơn, ngày 2 tháng 9 năm 2024
V/v ứng phó bão số 3
HỎA TỐC

Kính gửi: UBND các huyện.
""", doc_number="300/UBND-NC", urgency="Hỏa tốc", subject="V/v ứng phó bão số 3")

case("""BỘ TÀI CHÍNH           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                       Độc lập - Tự do - Hạnh phúc
Số: 5/BTC-NSNN      THƯỢNG KHẨN        Hà Nội, ngày 1 tháng 1 năm 2025
V/v cấp kinh phí

Kính gửi: Các bộ, cơ quan ngang bộ.
""", doc_number="5/BTC-NSNN", urgency="Thượng khẩn", issuer="BỘ TÀI CHÍNH", issue_date="2025-01-01", subject="V/v cấp kinh phí")

case("""ỦY BAN NHÂN DÂN TỈNH KIM BẢO
Số: 15/QĐ-UBND                 Kim Bảo, ngày 08 tháng 01 năm 2025
QUYẾT ĐỊNH
Về việc thành lập Tổ công tác rà soát
thủ tục hành chính
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIM BẢO
Căn cứ Luật Tổ chức chính quyền địa phương;
""", doc_number="15/QĐ-UBND", doc_type="Quyết định", issuer="ỦY BAN NHÂN DÂN TỈNH KIM BẢO",
     subject="Về việc thành lập Tổ công tác rà soát thủ tục hành chính")

case("""UBND HUYỆN TÂN HÀ
TRƯỜNG THCS NGUYỄN TRÃI
Số: 12/TTr-THCS
Tân Hà, ngày  14  tháng  5  năm  2024
TỜ TRÌNH
Về việc đề nghị sửa chữa phòng học

Kính gửi: Phòng Giáo dục và Đào tạo huyện Tân Hà.
""", doc_number="12/TTr-THCS", issue_date="2024-05-14", doc_type="Tờ trình", issuer="UBND HUYỆN TÂN HÀ - TRƯỜNG THCS NGUYỄN TRÃI",
     subject="Về việc đề nghị sửa chữa phòng học")

case("""CÔNG TY TNHH MỘT THÀNH VIÊN CẤP NƯỚC HÀ PHONG       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 98/CV-CN                        Hà Phong, ngày 22 tháng 11 năm 2024
V/v tạm ngừng cấp nước để sửa chữa
đường ống

Kính gửi: Ủy ban nhân dân phường Đông Hải.
""", doc_number="98/CV-CN", issuer="CÔNG TY TNHH MỘT THÀNH VIÊN CẤP NƯỚC HÀ PHONG", issue_date="2024-11-22",
     subject="V/v tạm ngừng cấp nước để sửa chữa đường ống")

case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ PHÚ LỘC                    Độc lập - Tự do - Hạnh phúc

Số: 41/BC-UBND                          Phú Lộc, ngày 30 tháng 6 năm 2024

BÁO CÁO
Kết quả thực hiện nhiệm vụ
6 tháng đầu năm 2024

I. KẾT QUẢ
""", doc_type="Báo cáo", subject="Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2024", issue_date="2024-06-30",
     issuer="ỦY BAN NHÂN DÂN XÃ PHÚ LỘC")

case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH THANH BÌNH               Độc lập - Tự do - Hạnh phúc
Số: 502/TB-UBND               Thanh Bình, ngày 18 tháng 7 năm 2024
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp
về tiến độ giải ngân vốn đầu tư công

Ngày 15/7/2024, Chủ tịch UBND tỉnh chủ trì họp.
""", doc_type="Thông báo", subject="Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về tiến độ giải ngân vốn đầu tư công")

case("""ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                   Độc lập - Tự do - Hạnh phúc
Số: 77/UBND-TNMT                  Ba Đình, ngày 9 tháng 9 năm 2024
V/v xử lý vi phạm trật tự xây dựng
tại số 12 phố Đội Cấn

                                  Kính gửi:
                     - Ủy ban nhân dân phường Đội Cấn;
                     - Đội Quản lý trật tự đô thị quận.
""", subject="V/v xử lý vi phạm trật tự xây dựng tại số 12 phố Đội Cấn", issuer="ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH")

case("""Trang 1/3
ỦY BAN NHÂN DÂN  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAM ĐỒNG  Độc lập - Tự do - Hạnh phúc
Số: 9/UBND-KT   Lam Đồng, ngày 02 tháng 02 năm 2024
V/v giá đất
Kính gửi: Sở Tài chính.
""", doc_number="9/UBND-KT", issuer="ỦY BAN NHÂN DÂN TỈNH LAM ĐỒNG", issue_date="2024-02-02", subject="V/v giá đất")

case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH THANH BÌNH               Độc lập - Tự do - Hạnh phúc
Số: 88/GM-UBND               Thanh Bình, ngày 18 tháng 7 năm 2024
GIẤY MỜI
Ủy ban nhân dân tỉnh tổ chức hội nghị sơ kết công tác 6 tháng đầu năm.
Trân trọng kính mời đồng chí Giám đốc Sở Nội vụ tham dự.
""", doc_type="Giấy mời", doc_number="88/GM-UBND")

case("""UBND THÀNH PHỐ HÀ AN
SỞ XÂY DỰNG
Số: 3456/SXD-QLN
V/v góp ý dự thảo Quyết định
ban hành quy chế quản lý nhà chung cư
trên địa bàn thành phố
Hà An, ngày 11 tháng 12 năm 2024
Kính gửi: Các sở, ban, ngành thành phố.
""", doc_number="3456/SXD-QLN", issue_date="2024-12-11", issuer="UBND THÀNH PHỐ HÀ AN - SỞ XÂY DỰNG",
     subject="V/v góp ý dự thảo Quyết định ban hành quy chế quản lý nhà chung cư trên địa bàn thành phố")

case("""ỦY BAN NHÂN DÂN
TỈNH BẮC THỦY
Số: 1500/UBND-KGVX
Bắc Thủy, ngày
20 tháng 10 năm 2024
V/v tổ chức Ngày Chuyển đổi số
Kính gửi: Các sở, ngành.
""", issue_date="2024-10-20", doc_number="1500/UBND-KGVX", issuer="ỦY BAN NHÂN DÂN TỈNH BẮC THỦY")

case("""HỘI ĐỒNG NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ GIANG NAM            Độc lập - Tự do - Hạnh phúc
THƯỜNG TRỰC
Số: 60/HĐND-VP              Hà Giang Nam, ngày 4 tháng 4 năm 2024
V/v chuẩn bị kỳ họp thứ 18
Kính gửi: Ủy ban nhân dân tỉnh.
""", doc_number="60/HĐND-VP", issuer="HỘI ĐỒNG NHÂN DÂN TỈNH HÀ GIANG NAM - THƯỜNG TRỰC", issue_date="2024-04-04")

case("""CÔNG AN TỈNH NAM ĐỊNH HẢI        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHÒNG CẢNH SÁT GIAO THÔNG       Độc lập - Tự do - Hạnh phúc
Số: 409/PC08-Đ1              Nam Định Hải, ngày 1 tháng 3 năm 2025
V/v phối hợp xử lý vi phạm
Kính gửi: UBND các huyện.
""", doc_number="409/PC08-Đ1", issue_date="2025-03-01", issuer="CÔNG AN TỈNH NAM ĐỊNH HẢI - PHÒNG CẢNH SÁT GIAO THÔNG")

case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHỐ HỒ CHÍ MINH        Độc lập - Tự do - Hạnh phúc
Số: 2 345 /UBND-ĐT            Thành phố Hồ Chí Minh, ngày 25 tháng 12 năm 2024
V/v chỉnh trang đô thị
Kính gửi: Sở Xây dựng.
""", doc_number="2345/UBND-ĐT", issue_date="2024-12-25", issuer="ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH")

case("""ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH KHÁNH ĐÔNG                         Độc lập - Tự do - Hạnh phúc
Số: 17/UBND-TH                           Khánh Đông, ngày 6 tháng 5 năm 2024
V/v thực hiện Công văn số 12/BNV-TCBC ngày 2/5/2024
của Bộ Nội vụ
Kính gửi: Sở Nội vụ.
""", subject="V/v thực hiện Công văn số 12/BNV-TCBC ngày 2/5/2024 của Bộ Nội vụ", issue_date="2024-05-06", doc_number="17/UBND-TH")

case("""ỦY BAN NHÂN DÂN TỈNH AN PHÚ
Số: 3/CĐ-UBND                 An Phú, ngày 10 tháng 9 năm 2024
CÔNG ĐIỆN
Về việc tập trung ứng phó mưa lũ
CHỦ TỊCH UBND TỈNH AN PHÚ điện:
""", doc_type="Công điện", subject="Về việc tập trung ứng phó mưa lũ")

case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
QUẬN 5                        Độc lập - Tự do - Hạnh phúc
Số: 33/UBND                   Quận 5, ngày 3 tháng 3 năm 2025
V/v rà soát hộ nghèo
Kính gửi: UBND các phường.
""", doc_number="33/UBND", issuer="ỦY BAN NHÂN DÂN QUẬN 5", issue_date="2025-03-03")

case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN HÒA VANG                 Độc lập - Tự do - Hạnh phúc
Số:   112 / UBND – VP          Hòa Vang, ngày   9   tháng   8   năm 2024
V/v   đăng ký  thi đua
Kính gửi: Các xã.
""", doc_number="112/UBND-VP", issue_date="2024-08-09", subject="V/v đăng ký thi đua")

case("""CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
ỦY BAN NHÂN DÂN
TỈNH ĐẮK NAM
Số: 812/UBND-KT
Đắk Nam, ngày 14 tháng 6 năm 2024
V/v điều chỉnh kế hoạch vốn
Kính gửi: Sở Tài chính.
""", issuer="ỦY BAN NHÂN DÂN TỈNH ĐẮK NAM", doc_number="812/UBND-KT", issue_date="2024-06-14", subject="V/v điều chỉnh kế hoạch vốn")

case("""- 1 -
SỞ GD&ĐT TỈNH TRÀ LONG              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TRƯỜNG THPT LÊ QUÝ ĐÔN                Độc lập - Tự do - Hạnh phúc
---oOo---                                    ---oOo---
Số: 45/KH-THPT                        Trà Long, ngày 02 tháng 9 năm 2024
KẾ HOẠCH
Tổ chức Lễ khai giảng năm học 2024 - 2025

I. MỤC ĐÍCH, YÊU CẦU
""", issuer="SỞ GD&ĐT TỈNH TRÀ LONG - TRƯỜNG THPT LÊ QUÝ ĐÔN", doc_type="Kế hoạch", issue_date="2024-09-02",
     subject="Tổ chức Lễ khai giảng năm học 2024 - 2025", doc_number="45/KH-THPT")

case("""ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHỐ HỒ CHÍ MINH              Độc lập - Tự do - Hạnh phúc
Số: 4 512/UBND-ĐT                   TP. Hồ Chí Minh, ngày 28 tháng 10 năm 2024
V/v đẩy nhanh tiến độ dự án
Kính gửi: Sở Giao thông vận tải.
""", doc_number="4512/UBND-ĐT", issue_date="2024-10-28", place="TP. Hồ Chí Minh")

case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN CỦ MỸ                   Độc lập - Tự do - Hạnh phúc
Số: 12/UBND-VP    HỎA TỐC     Củ Mỹ, ngày 1 tháng 8 năm 2024
V/v sơ tán dân
Kính gửi: UBND các xã.
""", urgency="Hỏa tốc", doc_number="12/UBND-VP", issue_date="2024-08-01", issuer="ỦY BAN NHÂN DÂN HUYỆN CỦ MỸ")

case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN CỦ MỸ                   Độc lập - Tự do - Hạnh phúc
Số : 12 / UBND-VP             Củ Mỹ, ngày 01 tháng 08 năm 2024
V/v sơ tán dân
| KHẨN |
Kính gửi: UBND các xã.
""", urgency="Khẩn", doc_number="12/UBND-VP", issue_date="2024-08-01")

case("""ỦY BAN NHÂN DÂN TỈNH GIA HƯNG
SỞ TƯ PHÁP
Số: 901/QĐ-STP
Gia Hưng, ngày 19 tháng 11 năm 2024
QUYẾT ĐỊNH
Ban hành Quy chế làm việc
của Sở Tư pháp tỉnh Gia Hưng
GIÁM ĐỐC SỞ TƯ PHÁP
Căn cứ Luật Tổ chức chính quyền địa phương;
""", issuer="ỦY BAN NHÂN DÂN TỈNH GIA HƯNG - SỞ TƯ PHÁP", doc_type="Quyết định",
     subject="Ban hành Quy chế làm việc của Sở Tư pháp tỉnh Gia Hưng", issue_date="2024-11-19")

case("""UBND PHƯỜNG TÂN ĐỊNH                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 15/TB-UBND                      Tân Định, ngày 3 tháng 4 năm 2025
THÔNG BÁO
Về việc tạm ngừng tiếp công dân
ngày 30/4 và 01/5/2025

Ủy ban nhân dân phường thông báo đến toàn thể nhân dân.
""", doc_type="Thông báo", subject="Về việc tạm ngừng tiếp công dân ngày 30/4 và 01/5/2025", issuer="UBND PHƯỜNG TÂN ĐỊNH")

case("""BỘ Y TẾ
CỤC QUẢN LÝ KHÁM, CHỮA BỆNH
_______________
Số: 1503/KCB-NV
V/v tăng cường công tác
bảo đảm an toàn người bệnh
trong các cơ sở khám bệnh,
chữa bệnh
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
_______________________
Hà Nội, ngày 7 tháng 7 năm 2024

Kính gửi: Sở Y tế các tỉnh, thành phố trực thuộc Trung ương.
""", issuer="BỘ Y TẾ - CỤC QUẢN LÝ KHÁM, CHỮA BỆNH", doc_number="1503/KCB-NV", issue_date="2024-07-07",
     subject="V/v tăng cường công tác bảo đảm an toàn người bệnh trong các cơ sở khám bệnh, chữa bệnh")

case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
QUẬN TÂY HỒ                   Độc lập - Tự do - Hạnh phúc
Số: 620/GM-UBND               Tây Hồ, ngày 12 tháng 3 năm 2025
GIẤY MỜI
Dự hội nghị triển khai công tác
phòng cháy, chữa cháy năm 2025

Ủy ban nhân dân quận trân trọng kính mời:
""", doc_type="Giấy mời", subject="Dự hội nghị triển khai công tác phòng cháy, chữa cháy năm 2025", issue_date="2025-03-12")

case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH VĨNH XUYÊN               Độc lập - Tự do - Hạnh phúc
Số: 75/TTr-UBND              Vĩnh Xuyên, ngày 21 tháng 2 năm 2025
TỜ TRÌNH
Đề nghị thông qua Nghị quyết quy định mức chi
hỗ trợ cán bộ không chuyên trách

Kính gửi: Hội đồng nhân dân tỉnh.
""", doc_type="Tờ trình", subject="Đề nghị thông qua Nghị quyết quy định mức chi hỗ trợ cán bộ không chuyên trách")

case("""SỞ NỘI VỤ TỈNH AN GIANG NAM
Số: 233/SNV-XDCQ
V/v báo cáo số lượng cán bộ, công chức
cấp xã năm 2024
An Giang Nam, ngày 4/12/2024
Kính gửi: UBND các huyện, thị xã, thành phố.
""", issuer="SỞ NỘI VỤ TỈNH AN GIANG NAM", issue_date="2024-12-04", doc_number="233/SNV-XDCQ",
     subject="V/v báo cáo số lượng cán bộ, công chức cấp xã năm 2024")

case("""BAN CHẤP HÀNH ĐẢNG BỘ             ĐẢNG CỘNG SẢN VIỆT NAM
TỈNH VĨNH XUYÊN
*
Số 1200-CV/TU                      Vĩnh Xuyên, ngày 9 tháng 1 năm 2025
V/v tổ chức các hoạt động mừng Đảng, mừng Xuân
Kính gửi: Các huyện ủy, thành ủy.
""", doc_number="1200-CV/TU", issue_date="2025-01-09", issuer="BAN CHẤP HÀNH ĐẢNG BỘ TỈNH VĨNH XUYÊN",
     subject="V/v tổ chức các hoạt động mừng Đảng, mừng Xuân")

case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ ĐÔNG HƯNG                  Độc lập - Tự do - Hạnh phúc
Số: 08/UBND
                              Đông Hưng, ngày 15 tháng 5 năm 2024
V/v vận động nhân dân tham gia
bảo hiểm y tế hộ gia đình
Kính gửi: Trưởng các thôn.
""", issuer="ỦY BAN NHÂN DÂN XÃ ĐÔNG HƯNG", doc_number="08/UBND", issue_date="2024-05-15",
     subject="V/v vận động nhân dân tham gia bảo hiểm y tế hộ gia đình")

case("""NGÂN HÀNG NHÀ NƯỚC                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
VIỆT NAM                          Độc lập - Tự do - Hạnh phúc
Số: 2010/NHNN-TD                  Hà Nội, ngày 18 tháng 3 năm 2024
V/v triển khai chương trình tín dụng
Kính gửi: Các tổ chức tín dụng.
""", doc_number="2010/NHNN-TD", issue_date="2024-03-18", subject="V/v triển khai chương trình tín dụng")

case("""ỦY BAN NHÂN DÂN QUẬN GÒ XANH
PHÒNG NỘI VỤ
Số: 55/PNV
V/v: Cử cán bộ tham dự lớp bồi dưỡng
Gò Xanh, ngày 06 tháng 6 năm 2024
Kính gửi: Ủy ban nhân dân các phường.
""", issuer="ỦY BAN NHÂN DÂN QUẬN GÒ XANH - PHÒNG NỘI VỤ", doc_number="55/PNV", issue_date="2024-06-06",
     subject="V/v: Cử cán bộ tham dự lớp bồi dưỡng")

case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BẮC NINH ĐÔNG            Độc lập - Tự do - Hạnh phúc
Số: 14/KH-UBND               Bắc Ninh Đông, ngày 17 tháng 01 năm 2025
KẾ HOẠCH
Tổ chức các hoạt động kỷ niệm 95 năm
Ngày thành lập Đảng Cộng sản Việt Nam
(03/02/1930 - 03/02/2025)

Thực hiện Hướng dẫn số 10-HD/BTGTW;
""", doc_type="Kế hoạch", subject="Tổ chức các hoạt động kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025)")

case("""CÔNG TY CỔ PHẦN MÔI TRƯỜNG ĐÔ THỊ SÔNG LAM
Số: 27/2024/CV-MTĐT
V/v thu gom rác thải dịp Tết
Sông Lam, ngày 20 tháng 12 năm 2024
Kính gửi: Ủy ban nhân dân phường Bến Thủy.
""", doc_number="27/2024/CV-MTĐT", issuer="CÔNG TY CỔ PHẦN MÔI TRƯỜNG ĐÔ THỊ SÔNG LAM", issue_date="2024-12-20")

case("""ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HOÀ MINH Độc lập - Tự do - Hạnh phúc
Số: 3021/UBND-NC Hoà Minh, ngày 11 tháng 11 năm 2024
V/v giải quyết đơn của công dân
Kính gửi: Thanh tra tỉnh.
""", issuer="ỦY BAN NHÂN DÂN TỈNH HÒA MINH", doc_number="3021/UBND-NC", issue_date="2024-11-11", subject="V/v giải quyết đơn của công dân")
_H3 = ("ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "HUYỆN ĐỨC MINH                Độc lập - Tự do - Hạnh phúc\n")
case(_H3 + """Số: 91/UBND-VP
ngày 05 tháng 3 năm 2024
V/V TỔ CHỨC HỘI NGHỊ
Kính gửi: UBND các xã.
""", issue_date="2024-03-05", subject="V/V TỔ CHỨC HỘI NGHỊ", doc_number="91/UBND-VP")
case(_H3 + """Số: 92/UBND-VP               Đức Minh, ngày 06 tháng 3 năm 2024
v/v tổ chức hội nghị tổng kết
Kính gửi: UBND các xã.
""", subject="v/v tổ chức hội nghị tổng kết")
case(_H3 + """Sổ: 93/UBND-VP               Đức Minh, ngày 07 tháng 3 năm 2024
V/v kiểm tra
Kính gửi: UBND các xã.
""", doc_number="93/UBND-VP")
case("""BỘ GIAO THÔNG                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
VẬN TẢI                        Độc lập - Tự do - Hạnh phúc
Số: 1100/BGTVT-KCHT            Hà Nội, ngày 2 tháng 2 năm 2024
V/v bảo trì quốc lộ
Kính gửi: Sở Giao thông vận tải các tỉnh.
""", issuer="BỘ GIAO THÔNG VẬN TẢI", doc_number="1100/BGTVT-KCHT")
case("""UBND TỈNH HƯNG YÊN BẮC
SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH
Số: 77/HD-SVHTTDL              Hưng Yên Bắc, ngày 9 tháng 4 năm 2024
HƯỚNG DẪN
Tổ chức Ngày hội văn hóa các dân tộc
năm 2024
Căn cứ Kế hoạch số 10/KH-UBND;
""", issuer="UBND TỈNH HƯNG YÊN BẮC - SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", doc_type="Hướng dẫn",
     subject="Tổ chức Ngày hội văn hóa các dân tộc năm 2024")
case("""ỦY BAN NHÂN DÂN TỈNH HẢI LONG
Số: 05/CT-UBND                 Hải Long, ngày 3 tháng 3 năm 2025
CHỈ THỊ
Về tăng cường công tác quản lý
tài nguyên khoáng sản
Thời gian qua, công tác quản lý khoáng sản trên địa bàn tỉnh đã đạt kết quả.
""", doc_type="Chỉ thị", subject="Về tăng cường công tác quản lý tài nguyên khoáng sản")
case(_H3 + """Số: 94/UBND-VP               Đức Minh, ngày 08 tháng 3 năm 2024
Khẩn
V/v phòng chống rét cho gia súc
Kính gửi: UBND các xã.
""", urgency="Khẩn", subject="V/v phòng chống rét cho gia súc")
case("""TỔNG CỤC THUẾ
CỤC THUẾ TỈNH BẠC LÂMSố: 321/CTBL-TTHT    Bạc Lâm, ngày 2 tháng 5 năm 2024
V/v chính sách thuế
Kính gửi: Công ty TNHH Minh Phát.
""", doc_number="321/CTBL-TTHT", issuer="TỔNG CỤC THUẾ - CỤC THUẾ TỈNH BẠC LÂM")
case(_H3 + """Số: 95/UBND-VP               Đức Minh, ngày 09 tháng 3 năm 2024
V/v đề nghị hỗ trợ kinh phí khắc phục hậu quả
thiên tai năm 2024 cho các hộ dân bị thiệt hại
tại các xã vùng ven sông
Kính gửi: Ủy ban nhân dân tỉnh.
""", subject="V/v đề nghị hỗ trợ kinh phí khắc phục hậu quả thiên tai năm 2024 cho các hộ dân bị thiệt hại tại các xã vùng ven sông")
case(_H3 + """Số: 96/UBND-VP               Đức Minh, ngày 10 tháng 3 năm 2024
V/v kiểm tra
                                                                    12
Kính gửi: UBND các xã.
""", subject="V/v kiểm tra")
case("""ỦY BAN NHÂN DÂN
HUYỆN ĐỨC MINH
Số: 97/UBND-VP
V/v khảo sát nhu cầu học nghề
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đức Minh, ngày 11 tháng 3 năm 2024
Kính gửi: UBND các xã.
""", issuer="ỦY BAN NHÂN DÂN HUYỆN ĐỨC MINH", issue_date="2024-03-11", subject="V/v khảo sát nhu cầu học nghề")
case(_H3 + """Số: 98/UBND-VP               Đức Minh, ngày 12 tháng 3 năm 2024
V/v: Tăng cường quản lý
Kính gửi: UBND các xã.
""", subject="V/v: Tăng cường quản lý")
case(_H3 + """Số:98/UBND-VP               Đức Minh,ngày 12 tháng 3 năm 2024
Về việc tăng cường quản lý
Kính gửi: UBND các xã.
""", doc_number="98/UBND-VP", issue_date="2024-03-12", subject="Về việc tăng cường quản lý")
case(_H3 + """Số: 99/UBND-VP               Đức Minh, ngày 12 tháng 3 năm 2024
V/v tăng cường quản lý
Kính gửi: UBND các xã.
Ủy ban nhân dân huyện nhận được Công văn số 15/SNV-TCBC ngày 20/02/2024 của Sở Nội vụ.
""", issue_date="2024-03-12", doc_number="99/UBND-VP")
case("""UBND TỈNH QUẢNG HÀ
SỞ KẾ HOẠCH VÀ ĐẦU TƯ
Số: 1024/SKHĐT-ĐKKD
V/v hướng dẫn đăng ký
doanh nghiệp
Quảng Hà, ngày 14 tháng 3 năm 2024
Kính gửi: Các doanh nghiệp.
""", subject="V/v hướng dẫn đăng ký doanh nghiệp", issue_date="2024-03-14", issuer="UBND TỈNH QUẢNG HÀ - SỞ KẾ HOẠCH VÀ ĐẦU TƯ")
case("""ĐẠI HỌC QUỐC GIA PHÚ XUÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TRƯỜNG ĐẠI HỌC KHOA HỌC            Độc lập - Tự do - Hạnh phúc
Số: 250/ĐHKH-ĐT                    Phú Xuân, ngày 15 tháng 3 năm 2024
V/v đăng ký học phần
Kính gửi: Các khoa.
""", issuer="ĐẠI HỌC QUỐC GIA PHÚ XUÂN - TRƯỜNG ĐẠI HỌC KHOA HỌC", doc_number="250/ĐHKH-ĐT")
case("""Cổng thông tin điện tử tỉnh Mẫu Lâm
Trang chủ | Văn bản | Liên hệ
Số ký hiệu: 1502/UBND-KGVX
Ngày ban hành: 12/06/2024
Loại văn bản: Công văn
Cơ quan ban hành: Ủy ban nhân dân tỉnh Mẫu Lâm
Trích yếu: V/v tổ chức các hoạt động hưởng ứng Ngày Môi trường thế giới
Độ khẩn: Khẩn
Tệp đính kèm: 1502.pdf
Ủy ban nhân dân tỉnh đề nghị các sở, ngành tổ chức hưởng ứng.
""", doc_number="1502/UBND-KGVX", issue_date="2024-06-12", issuer="Ủy ban nhân dân tỉnh Mẫu Lâm",
     subject="V/v tổ chức các hoạt động hưởng ứng Ngày Môi trường thế giới", urgency="Khẩn", doc_type="Công văn")
case("""Văn bản điều hành
Số hiệu	88/KH-UBND
Ngày ký	03-01-2025
Loại văn bản	Kế hoạch
Trích yếu	Triển khai công tác cải cách hành chính năm 2025
Độ khẩn	Bình thường
Căn cứ Quyết định số 10/QĐ-UBND, Ủy ban nhân dân huyện ban hành kế hoạch.
""", doc_number="88/KH-UBND", issue_date="2025-01-03", doc_type="Kế hoạch",
     subject="Triển khai công tác cải cách hành chính năm 2025", urgency=None)
case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN ĐỨC MINH                Độc lập - Tự do - Hạnh phúc
Số: 91/UBND-VP               Đức Minh, ngày 05 tháng 3 năm 2024
V/v tổ chức hội nghị
Kính gửi: UBND các xã.
Ngày ban hành: 01/01/2020
""", issue_date="2024-03-05", doc_number="91/UBND-VP")
case("""CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN ĐỨC MINH
TIN TỨC - SỰ KIỆN

ỦY BAN NHÂN DÂN
HUYỆN ĐỨC MINH
Số: 91/UBND-VP
V/v tổ chức hội nghị
Đức Minh, ngày 05 tháng 3 năm 2024
Kính gửi: UBND các xã.
""", issuer="ỦY BAN NHÂN DÂN HUYỆN ĐỨC MINH", doc_number="91/UBND-VP")
case("""VĂN BẢN CHỈ ĐẠO ĐIỀU HÀNH
ỦY BAN NHÂN DÂN
HUYỆN ĐỨC MINH
Số: 92/UBND-VP
V/v tổ chức hội nghị
Đức Minh, ngày 05 tháng 3 năm 2024
Kính gửi: UBND các xã.
""", issuer="ỦY BAN NHÂN DÂN HUYỆN ĐỨC MINH")
case("""ỦY BAN NHÂN DÂN TỈNH KHÁNH LÂM
SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG
CHI CỤC BẢO VỆ MÔI TRƯỜNG
Số: 12/CCBVMT-KS               Khánh Lâm, ngày 1 tháng 4 năm 2024
V/v quan trắc môi trường
Kính gửi: Các doanh nghiệp.
""", issuer="ỦY BAN NHÂN DÂN TỈNH KHÁNH LÂM - SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG - CHI CỤC BẢO VỆ MÔI TRƯỜNG")
case("""ỦY BAN NHÂN DÂN QUẬN 3
VĂN PHÒNG HĐND VÀ UBND
Số: 210/VP                     Quận 3, ngày 7 tháng 4 năm 2024
THÔNG BÁO
Ý kiến kết luận của Chủ tịch Ủy ban nhân dân quận
tại cuộc họp giao ban

Ngày 05/4/2024, Chủ tịch Ủy ban nhân dân quận chủ trì cuộc họp.
""", issuer="ỦY BAN NHÂN DÂN QUẬN 3 - VĂN PHÒNG HĐND VÀ UBND", doc_type="Thông báo",
     subject="Ý kiến kết luận của Chủ tịch Ủy ban nhân dân quận tại cuộc họp giao ban")
case("""ỦY BAN NHÂN DÂN
TỈNH ĐỒNG PHÚ

Số: 400/UBND-KT

V/v xử lý kiến nghị của cử tri

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Độc lập - Tự do - Hạnh phúc

Đồng Phú, ngày 08 tháng 4 năm 2024

Kính gửi: Sở Xây dựng.
""", issuer="ỦY BAN NHÂN DÂN TỈNH ĐỒNG PHÚ", issue_date="2024-04-08", subject="V/v xử lý kiến nghị của cử tri", doc_number="400/UBND-KT")
case("""MẶT TRẬN TỔ QUỐC VIỆT NAM           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
ỦY BAN MTTQ VIỆT NAM HUYỆN ĐỨC MINH   Độc lập - Tự do - Hạnh phúc
BAN THƯỜNG TRỰC
Số: 33/MTTQ-BTT                       Đức Minh, ngày 9 tháng 4 năm 2024
V/v vận động Quỹ Vì người nghèo
Kính gửi: Ban Công tác Mặt trận các khu dân cư.
""", doc_number="33/MTTQ-BTT", issue_date="2024-04-09")
case("""LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐỒNG PHÚ     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 55/LĐLĐ                          Đồng Phú, ngày 10 tháng 4 năm 2024
V/v tổ chức Tháng Công nhân
Kính gửi: Các công đoàn cơ sở.
""", issuer="LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐỒNG PHÚ", doc_number="55/LĐLĐ")
case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG 7                      Độc lập - Tự do - Hạnh phúc
Số: 101/UBND                  Phường 7, ngày 11 tháng 4 năm 2024
V/v kiểm tra
Kính gửi: Các khu phố.
""", issuer="ỦY BAN NHÂN DÂN PHƯỜNG 7", issue_date="2024-04-11", place="Phường 7")
case("""ỦY BAN NHÂN DÂN TỈNH HẢI LONG     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 15/UBND-VP                    Hải Long, ngày 3 tháng 3 năm 2025
KẾ HOẠCH Tổ chức Ngày hội đọc sách năm 2025
Căn cứ Quyết định số 1862/QĐ-TTg;
""", doc_type="Kế hoạch", subject="Tổ chức Ngày hội đọc sách năm 2025")
case("""HUYỆN ỦY ĐỨC MINH                 ĐẢNG CỘNG SẢN VIỆT NAM
Số 45-TB/HU                       Đức Minh, ngày 4 tháng 3 năm 2025
THÔNG BÁO
Kết luận của Ban Thường vụ Huyện ủy
về công tác cán bộ
Ngày 01/3/2025, Ban Thường vụ Huyện ủy họp.
""", doc_type="Thông báo", doc_number="45-TB/HU", issuer="HUYỆN ỦY ĐỨC MINH",
     subject="Kết luận của Ban Thường vụ Huyện ủy về công tác cán bộ")
case("""HUYỆN ỦY ĐỨC MINH                 ĐẢNG CỘNG SẢN VIỆT NAM
Số 46-KH/HU                       Đức Minh, ngày 4 tháng 3 năm 2025
Căn cứ Chỉ thị số 35-CT/TW của Bộ Chính trị, Ban Thường vụ Huyện ủy ban hành kế hoạch.
""", doc_type="Kế hoạch", doc_number="46-KH/HU")
case("""ỦY BAN NHÂN DÂN TỈNH HẢI LONG     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 16/QĐ-UBND                    Hải Long, ngày 3 tháng 3 năm 2025
QUYẾT ĐỊNH Về việc phê duyệt danh sách hộ nghèo năm 2025
ỦY BAN NHÂN DÂN TỈNH HẢI LONG
Căn cứ Luật Tổ chức chính quyền địa phương;
""", doc_type="Quyết định", subject="Về việc phê duyệt danh sách hộ nghèo năm 2025")
case("""ỦY BAN NHÂN DÂN TỈNH HẢI LONG     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 17/UBND-VP                    Hải Long, ngày 3 tháng 3 năm 2025
T H Ô N G   B Á O
Lịch làm việc của lãnh đạo tỉnh
Lãnh đạo tỉnh làm việc theo lịch sau.
""", doc_type="Thông báo")
case("""ỦY BAN NHÂN DÂN TỈNH HẢI LONG     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 18/TB-UBND                    Hải Long, ngày 3 tháng 3 năm 2025
THÔNG BÁO
Lịch làm việc của lãnh đạo tỉnh
(Từ ngày 04/3 đến ngày 08/3/2025)
Lãnh đạo tỉnh làm việc theo lịch sau.
""", doc_type="Thông báo", subject="Lịch làm việc của lãnh đạo tỉnh (Từ ngày 04/3 đến ngày 08/3/2025)")
case("""ỦY BAN NHÂN DÂN TỈNH HẢI LONG     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 19/UBND-VP KHẨN               Hải Long, ngày 3 tháng 3 năm 2025
V/v phòng, chống dịch
Kính gửi: Sở Y tế.
""", urgency="Khẩn", doc_number="19/UBND-VP")
case("""Công văn hỏa tốc số 20/UBND-VP về việc ứng phó bão
ỦY BAN NHÂN DÂN TỈNH HẢI LONG     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 20/UBND-VP                    Hải Long, ngày 3 tháng 3 năm 2025
V/v ứng phó bão
Kính gửi: Sở Nông nghiệp và Môi trường.
""", urgency="Hỏa tốc", doc_number="20/UBND-VP")
case("""ỦY BAN NHÂN DÂN TỈNH HẢI LONG     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 21/UBND-VP                    Hải Long, ngày 3 tháng 3 năm 2025
V/v ứng phó bão
Kính gửi: Sở Nông nghiệp và Môi trường.
Thực hiện Công điện khẩn số 5/CĐ-TTg ngày 01/3/2025 của Thủ tướng Chính phủ.
Công văn hỏa tốc số 3/BNN-ĐĐ ngày 02/3/2025 của Bộ cũng yêu cầu.
""", urgency=None)
case("""Văn bản: 22/UBND-VP
Độ khẩn: Thượng khẩn
ỦY BAN NHÂN DÂN TỈNH HẢI LONG     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 22/UBND-VP                    Hải Long, ngày 3 tháng 3 năm 2025
V/v ứng phó bão
Kính gửi: Sở Nông nghiệp và Môi trường.
""", urgency="Thượng khẩn", doc_number="22/UBND-VP")
case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HẢI LONG                 Độc lập - Tự do - Hạnh phúc
Số: 23/UBND-VP
V/v tăng cường công tác        Hải Long, ngày 3 tháng 3 năm 2025
phòng, chống dịch sốt xuất huyết
Kính gửi: Sở Y tế.
""", subject="V/v tăng cường công tác phòng, chống dịch sốt xuất huyết", issue_date="2025-03-03")
case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HẢI LONG                 Độc lập - Tự do - Hạnh phúc
Số: 24/UBND-VP                Hải Long, ngày 3 tháng 3 năm 2025
V/v triển khai Kế hoạch số 12/KH-BCĐ
Quyết định số 45/QĐ-UBND của
Ủy ban nhân dân tỉnh

Kính gửi: Sở Y tế.
""", subject="V/v triển khai Kế hoạch số 12/KH-BCĐ Quyết định số 45/QĐ-UBND của Ủy ban nhân dân tỉnh")
case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HẢI LONG                 Độc lập - Tự do - Hạnh phúc
Số: 25/UBND-VP                Hải Long, ngày 3 tháng 3 năm 2025
V/v góp ý dự thảo
                     Kính gửi: Sở Tư pháp.
""", subject="V/v góp ý dự thảo")
case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HẢI LONG                 Độc lập - Tự do - Hạnh phúc
Số: 26/UBND-VP                Hải Long, ngày 3 tháng 3 năm 2025
V/v góp ý dự thảo Nghị quyết quy định chính sách
  hỗ trợ phát triển nông nghiệp
Kính gửi: Sở Tư pháp.
""", subject="V/v góp ý dự thảo Nghị quyết quy định chính sách hỗ trợ phát triển nông nghiệp")
case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HẢI LONG                 Độc lập - Tự do - Hạnh phúc
Số: 27/UBND-VP                Hải Long, ngày 3 tháng 3 năm 2025
V/v góp ý dự thảo Nghị quyết quy định chính sách hỗ trợ phát triển nông nghiệp
Sở Tư pháp nhận được văn bản đề nghị góp ý.
""", subject="V/v góp ý dự thảo Nghị quyết quy định chính sách hỗ trợ phát triển nông nghiệp")
case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HẢI LONG                 Độc lập - Tự do - Hạnh phúc
Số: 28/UBND-VP                Hải Long, ngày 3 tháng 3 năm 2025
Về việc góp ý dự thảo Nghị quyết
Kính gửi: Sở Tư pháp.
""", subject="Về việc góp ý dự thảo Nghị quyết")
case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN ĐỨC MINH                Độc lập - Tự do - Hạnh phúc
THÔNG BÁO
Lịch tiếp công dân tháng 5 năm 2025
Ủy ban nhân dân huyện thông báo lịch tiếp công dân như sau.
""", issuer="ỦY BAN NHÂN DÂN HUYỆN ĐỨC MINH", doc_type="Thông báo")
case("""SỞ Y TẾ TỈNH ĐÔNG HÀ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Kính gửi: Các bệnh viện.
Sở Y tế đề nghị các bệnh viện báo cáo.
""", issuer="SỞ Y TẾ TỈNH ĐÔNG HÀ")
case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN ĐỨC MINH                Độc lập - Tự do - Hạnh phúc
Số: 61/UBND-VP                Đức Minh, ngày 2 tháng 6 năm 2025
Kế hoạch
Tổ chức Tháng hành động vì môi trường
Căn cứ Kế hoạch số 5/KH-UBND của tỉnh;
""", doc_type="Kế hoạch", subject="Tổ chức Tháng hành động vì môi trường")
case("""ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN ĐỨC MINH                Độc lập - Tự do - Hạnh phúc
Số: 62/UBND-VP                Đức Minh, ngày 2 tháng 6 năm 2025
V/v triển khai
Kính gửi: Các xã.
Ủy ban nhân dân huyện đề nghị các xã thực hiện nội dung sau:
1. Rà soát danh sách.
Thông báo
cho nhân dân biết.
""", doc_type="Công văn", subject="V/v triển khai")

# Round 4: a parent written short or as a confederation over the issuing body; a title whose words a converter spaced
# twice; action plans and weekly schedules; a trích yếu whose last line is a body's name; a plan's trích yếu opening
# with "Thực hiện"; a body that opens "Chiều ngày dd/mm/yyyy," right under the trích yếu.
case("""BHXH TỈNH HÀ LAM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
BẢO HIỂM XÃ HỘI HUYỆN TÂN ĐỒI\tĐộc lập - Tự do - Hạnh phúc
Số: 31/BHXH-QLT\tTân Đồi, ngày 4 tháng 3 năm 2024
V/v đối chiếu số liệu thu

Kính gửi: Các đơn vị sử dụng lao động.
""", issuer="BHXH TỈNH HÀ LAM - BẢO HIỂM XÃ HỘI HUYỆN TÂN ĐỒI", subject="V/v đối chiếu số liệu thu")
case("""TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM      CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
  LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ LAM          Độc lập - Tự do - Hạnh phúc
      Số: 88/LĐLĐ              Hà Lam, ngày 20 tháng 7 năm 2022
V/v tổ chức tháng công nhân

Kính gửi: Các công đoàn cơ sở.
""", issuer="TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM - LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ LAM")
case("""ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ ĐÔNG SƠN                  Độc lập - Tự do - Hạnh phúc
Số: 19/KH-UBND                Đông Sơn, ngày 3 tháng 9 năm 2023

KẾ  HOẠCH
Tổ chức  "Tết Trung thu"  cho thiếu nhi năm 2023

I. MỤC ĐÍCH, YÊU CẦU
1. Tạo sân chơi cho thiếu nhi.
""", doc_type="Kế hoạch", subject='Tổ chức "Tết Trung thu" cho thiếu nhi năm 2023')
case("""ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ LAM                  Độc lập - Tự do - Hạnh phúc
Số: 45/CTr-UBND              Hà Lam, ngày 03 tháng 4 năm 2024

CHƯƠNG TRÌNH HÀNH ĐỘNG
Thực hiện Nghị quyết số 12-NQ/TU ngày 10/01/2024 của Ban Thường vụ Tỉnh ủy
về phát triển kinh tế số tỉnh Hà Lam đến năm 2030

I. MỤC ĐÍCH, YÊU CẦU
1. Cụ thể hóa các nhiệm vụ.
""", doc_type="Chương trình",
     subject="Thực hiện Nghị quyết số 12-NQ/TU ngày 10/01/2024 của Ban Thường vụ Tỉnh ủy về phát triển kinh tế số "
             "tỉnh Hà Lam đến năm 2030")
case("""ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ ĐÔNG SƠN                  Độc lập - Tự do - Hạnh phúc
Số: 20/KH-UBND                Đông Sơn, ngày 3 tháng 9 năm 2023

KẾ HOẠCH
Thực hiện Công văn số 77/UBND-VX của UBND huyện, UBND xã xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
""", doc_type="Kế hoạch", subject=None)
case("""UBND TỈNH HÀ LAM
VĂN PHÒNG
Số: 7/LCT-VP
Hà Lam, ngày 03 tháng 5 năm 2024

LỊCH CÔNG TÁC TUẦN
Của Chủ tịch, các Phó Chủ tịch UBND tỉnh
(Từ ngày 06/5/2024 đến ngày 10/5/2024)

Thứ Hai | 7h30 | Giao ban
""", doc_type="Lịch công tác",
     subject="Của Chủ tịch, các Phó Chủ tịch UBND tỉnh (Từ ngày 06/5/2024 đến ngày 10/5/2024)")
case("""ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN TÂN ĐỒI                        Độc lập - Tự do - Hạnh phúc
Số: 52/TB-UBND                     Tân Đồi, ngày 08 tháng 10 năm 2022

                               THÔNG BÁO
      Lịch tiếp công dân định kỳ tháng 10 năm 2022 của Chủ tịch
                    Ủy ban nhân dân huyện Tân Đồi

    Ủy ban nhân dân huyện thông báo lịch tiếp công dân như sau:
""", doc_type="Thông báo",
     subject="Lịch tiếp công dân định kỳ tháng 10 năm 2022 của Chủ tịch Ủy ban nhân dân huyện Tân Đồi")
case("""UBND TỈNH HÀ LAM             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
   VĂN PHÒNG                        Độc lập - Tự do - Hạnh phúc
Số: 90/TB-VP                  Hà Lam, ngày 10 tháng 4 năm 2023
THÔNG BÁO
Ý kiến kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp
về phòng, chống hạn hán trên địa bàn huyện Tân Đồi
Sáng ngày 05/4/2023, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp về tình hình
hạn hán. Tham dự có đại diện các sở.
""", subject="Ý kiến kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về phòng, chống hạn hán trên địa bàn huyện "
             "Tân Đồi")
for _authority in ("Chủ tịch Ủy ban nhân dân huyện Tân Đồi", "Ủy ban nhân dân huyện Tân Đồi"):
    case("Ủy ban nhân dân          Cộng hòa xã hội chủ nghĩa Việt Nam\n"
         "Huyện Tân Đồi              Độc lập - Tự do - Hạnh phúc\n"
         "Số: 92/QĐ-UBND           Tân Đồi, ngày 05 tháng 03 năm 2024\n\n"
         "Quyết định\nVề việc thành lập Tổ công tác\n" + _authority + "\n\n"
         "Căn cứ Luật Tổ chức chính quyền địa phương;\n", subject="Về việc thành lập Tổ công tác")
case("""KHO BẠC NHÀ NƯỚC          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
KBNN HÀ LAM            Độc lập - Tự do - Hạnh phúc
Số: 120/KBHL-KSC                  Hà Lam, ngày 05 tháng 3 năm 2024
V/v kiểm soát chi
Kính gửi: Các đơn vị sử dụng ngân sách.
""", issuer="KHO BẠC NHÀ NƯỚC - KBNN HÀ LAM")
case("""UBND TỈNH HÀ LAM            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

    SỞ Y TẾ                      Độc lập - Tự do - Hạnh phúc

Số: 109/BC-SYT               Hà Lam, ngày 11 tháng 6 năm 2021

                    BÁO CÁO

        Tình hình triển khai thí điểm phần mềm quản lý

Hồ sơ sức khỏe điện tử tại các trạm y tế trên địa bàn các huyện miền núi phía tây

        Nhằm đánh giá tình hình triển khai thí điểm phần mềm, Sở Y tế báo cáo như sau:

        1. Tình hình chung
""", subject="Tình hình triển khai thí điểm phần mềm quản lý Hồ sơ sức khỏe điện tử tại các trạm y tế trên địa bàn "
             "các huyện miền núi phía tây")


@pytest.mark.parametrize(("text", "want"), CASES)
def test_header_fields_a_clerk_checks(text, want):
    found = EX.extract(text).to_json("letter.txt")
    got = {name: found.get(name) for name in want}
    assert got == want


# ------------------------------------------------------------------------------------------- confidence
from nlp.confidence import needs_clerk  # noqa: E402

_HEAD = ("ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "PHƯỜNG MẪU SƠN                Độc lập - Tự do - Hạnh phúc\n")


def _review(found) -> dict:
    return {d.field: d.reason for d in found.review}


def test_a_web_copy_without_any_number_is_not_held_for_the_number():
    text = ("Thông báo lịch tiếp công dân tháng 5\n"
            "Mẫu Sơn, ngày 02 tháng 5 năm 2025\n"
            "Ủy ban nhân dân phường Mẫu Sơn thông báo lịch tiếp công dân định kỳ vào thứ Năm hằng tuần.\n")
    found = EX.extract(text)
    assert found.doc_number is None
    assert "doc_number" not in _review(found)


def test_a_so_label_whose_number_was_not_read_goes_to_the_clerk():
    text = (_HEAD + "Số:  ....  /UBND              Mẫu Sơn, ngày 02 tháng 5 năm 2025\n"
            "V/v tổng vệ sinh\nKính gửi: Các khu phố.\n")
    found = EX.extract(text)
    assert found.doc_number is None
    assert "doc_number" in _review(found) and needs_clerk(found)


def test_neither_number_nor_date_read_goes_to_the_clerk():
    text = "Về việc tổng vệ sinh môi trường\nỦy ban nhân dân phường đề nghị các khu phố ra quân.\n"
    found = EX.extract(text)
    assert (found.doc_number, found.issue_date) == (None, None)
    assert "doc_number" in _review(found)


def test_a_letter_dated_before_the_document_it_answers_is_doubted():
    text = (_HEAD + "Số: 40/UBND-VP                Mẫu Sơn, ngày 02 tháng 5 năm 2024\n"
            "V/v triển khai Công văn của Sở Nội vụ\nKính gửi: Các khu phố.\n"
            "Thực hiện Công văn số 120/SNV-XDCQ ngày 20/5/2024 của Sở Nội vụ, Ủy ban nhân dân phường đề nghị "
            "các khu phố báo cáo.\n")
    found = EX.extract(text)
    assert "văn bản được dẫn" in _review(found).get("issue_date", "")
    assert needs_clerk(found)


def test_a_trich_yeu_cut_short_is_shown_but_does_not_hold_the_letter_alone():
    text = (_HEAD + "Số: 41/UBND-VP                Mẫu Sơn, ngày 02 tháng 5 năm 2025\n"
            "V/v phối hợp kiểm tra của\n\nKính gửi: Công an phường.\n"
            "Ủy ban nhân dân phường đề nghị Công an phường kiểm tra.\n")
    found = EX.extract(text)
    assert "cắt ngắn" in _review(found).get("subject", "")
    assert not any(d.field in ("doc_number", "issue_date") for d in found.review)


def test_a_date_line_without_its_comma_in_a_flattened_row():
    text = (_HEAD + "Số: 42/UBND-VP                Mẫu Sơn ngày 3 tháng 3 năm 2025\n"
            "V/v kiểm tra\nKính gửi: Các khu phố.\n")
    found = EX.extract(text)
    assert (found.place, found.issue_date.isoformat()) == ("Mẫu Sơn", "2025-03-03")


def test_a_date_line_shown_but_unreadable_is_doubted():
    text = (_HEAD + "Số: 43/UBND-VP\n"
            "V/v kiểm tra (ngày 3 tháng 3 năm 2025 họp giao ban)\nKính gửi: Các khu phố.\n")
    found = EX.extract(text)
    assert found.issue_date is None
    assert "không đọc được ngày ban hành" in _review(found).get("issue_date", "")


def test_a_letterhead_that_lost_its_capitals_is_still_the_issuer():
    text = ("Ủy ban nhân dân tỉnh Hải Long      Cộng hòa xã hội chủ nghĩa Việt Nam\n"
            "Sở Nội vụ                           Độc lập - Tự do - Hạnh phúc\n"
            "Số: 12/SNV-VP          Hải Long, ngày 2 tháng 6 năm 2025\n"
            "V/v kiểm tra\nKính gửi: Các xã.\nĐề nghị các xã báo cáo.\n")
    assert EX.extract(text).issuer == "Ủy ban nhân dân tỉnh Hải Long - Sở Nội vụ"


def test_an_issuer_read_from_the_body_is_shown_to_the_clerk():
    text = ("Về việc tổng vệ sinh môi trường\n"
            "Ủy ban nhân dân phường Mẫu Sơn đề nghị các khu phố ra quân vào ngày 05/6/2025.\n")
    found = EX.extract(text)
    assert found.issuer and "issuer" in _review(found)
