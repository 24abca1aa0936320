"""Letters that reach the office as a web page or a news item: a site's title, menus and record around the letter,
or a news lead that summarises it with no letterhead. Each case asserts what a clerk would register (number, date,
issuer as written, type, subject). Every page here is invented by the project."""

import pytest

from nlp import Extractor

EX = Extractor()
CASES = []


def case(text, **want):
    CASES.append(pytest.param(text, want, id=f"web{len(CASES):02d}"))


# News leads: the author, the verb of issuing, the letter's own number, date and subject.
case("""Tin tức - Sự kiện
UBND tỉnh Nam Sơn vừa ban hành Công văn số 456/UBND-VX ngày 05/6/2024 về việc tăng cường công tác phòng, chống dịch sốt xuất huyết trên địa bàn tỉnh.
Theo đó, UBND tỉnh yêu cầu Sở Y tế chủ trì, phối hợp với UBND các huyện triển khai các biện pháp phòng, chống dịch.
""", doc_number="456/UBND-VX", issue_date="2024-06-05", issuer="UBND tỉnh Nam Sơn", doc_type="Công văn",
     subject="về việc tăng cường công tác phòng, chống dịch sốt xuất huyết trên địa bàn tỉnh")
case("""Ngày 5/6/2024, UBND huyện Đông Khê ban hành Công văn số 1203/UBND-NV về việc rà soát, sắp xếp đội ngũ cán bộ, công chức cấp xã.
Theo đó, UBND huyện giao Phòng Nội vụ chủ trì, phối hợp với UBND các xã rà soát và báo cáo trước ngày 20/6/2024.
""", doc_number="1203/UBND-NV", issue_date="2024-06-05", issuer="UBND huyện Đông Khê",
     subject="về việc rà soát, sắp xếp đội ngũ cán bộ, công chức cấp xã")
case("""Mới đây, Sở Giáo dục và Đào tạo tỉnh Nam Sơn đã có Công văn số 789/SGDĐT-GDTrH gửi các trường trung học phổ thông về việc tổ chức ôn tập cho học sinh lớp 12 năm học 2023-2024.
Sở đề nghị hiệu trưởng các trường xây dựng kế hoạch ôn tập phù hợp với điều kiện của đơn vị.
""", doc_number="789/SGDĐT-GDTrH", issue_date=None, issuer="Sở Giáo dục và Đào tạo tỉnh Nam Sơn", doc_type="Công văn",
     subject="về việc tổ chức ôn tập cho học sinh lớp 12 năm học 2023-2024")
# The date after a clause that cites another document: the cited plan is not the letter.
case("""Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2024 của UBND tỉnh Nam Sơn, ngày 5/6, UBND huyện Đông Khê ban hành Công văn số 321/UBND-VX về việc triển khai Tháng hành động vì trẻ em năm 2024.
Theo đó, UBND huyện đề nghị Phòng Lao động - Thương binh và Xã hội chủ trì tổ chức các hoạt động.
""", doc_number="321/UBND-VX", issue_date="2024-06-05", issuer="UBND huyện Đông Khê",
     subject="về việc triển khai Tháng hành động vì trẻ em năm 2024")
case("""Vừa qua, Ban Quản lý các khu công nghiệp tỉnh Nam Sơn đã ban hành Thông báo số 88/TB-BQL ngày 14/8/2024 về việc tạm dừng tiếp nhận hồ sơ trực tiếp.
Các doanh nghiệp nộp hồ sơ qua Cổng dịch vụ công trực tuyến.
""", doc_number="88/TB-BQL", issue_date="2024-08-14", issuer="Ban Quản lý các khu công nghiệp tỉnh Nam Sơn",
     doc_type="Thông báo", subject="về việc tạm dừng tiếp nhận hồ sơ trực tiếp")

# Page titles that are the letter's record.
case("""Công văn 1234/UBND-KT năm 2024 về tăng cường quản lý hoạt động khai thác cát, sỏi lòng sông do Ủy ban nhân dân tỉnh Nam Sơn ban hành

Thực hiện chỉ đạo của Chính phủ về quản lý khoáng sản, Ủy ban nhân dân tỉnh yêu cầu Sở Tài nguyên và Môi trường kiểm tra các mỏ cát.
""", doc_number="1234/UBND-KT", issue_date=None, issuer="Ủy ban nhân dân tỉnh Nam Sơn", doc_type="Công văn",
     subject="về tăng cường quản lý hoạt động khai thác cát, sỏi lòng sông")
case("""Công văn số 2345/UBND-KT ngày 12/3/2024 của UBND tỉnh về việc đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2024

Để hoàn thành kế hoạch giải ngân vốn đầu tư công năm 2024, UBND tỉnh yêu cầu các chủ đầu tư khẩn trương hoàn thiện hồ sơ.
""", doc_number="2345/UBND-KT", issue_date="2024-03-12", issuer="UBND tỉnh",
     subject="về việc đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2024")
case("""Đẩy nhanh tiến độ giải phóng mặt bằng dự án đường tỉnh 712 (số 3456/UBND-KT, ngày 12/3/2024)

Ủy ban nhân dân tỉnh giao Sở Giao thông vận tải chủ trì, phối hợp với UBND huyện Đông Khê đẩy nhanh tiến độ.
""", doc_number="3456/UBND-KT", issue_date="2024-03-12", issuer="Ủy ban nhân dân tỉnh",
     subject="Đẩy nhanh tiến độ giải phóng mặt bằng dự án đường tỉnh 712")
# The title cites a decision; the credit line names the letter itself.
case("""Triển khai Quyết định số 55/QĐ-TTg ngày 03/01/2024 của Thủ tướng Chính phủ

Căn cứ Quyết định số 55/QĐ-TTg ngày 03/01/2024 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh Nam Sơn có ý kiến như sau:
Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở, ngành liên quan tham mưu triển khai thực hiện.
(Theo Công văn số 88/UBND-TH ngày 15/01/2024)
""", doc_number="88/UBND-TH", issue_date="2024-01-15", issuer="Ủy ban nhân dân tỉnh Nam Sơn", doc_type="Công văn")

# Portal records with other labels, label and value on separate lines, flattened tables.
case("""CỔNG THÔNG TIN ĐIỆN TỬ TỈNH NAM SƠN
Trang chủ > Văn bản > Văn bản điều hành
Số hiệu văn bản: 77/SNV-TCBC
Ngày ký ban hành: 14/02/2024
Cơ quan ban hành: Sở Nội vụ tỉnh Nam Sơn
Người ký: Trần Văn Bình
Lĩnh vực: Tổ chức bộ máy
Mức độ khẩn: Khẩn
Trích yếu: V/v rà soát vị trí việc làm trong các cơ quan hành chính

Sở Nội vụ đề nghị các sở, ban, ngành rà soát vị trí việc làm, gửi báo cáo về Sở Nội vụ trước ngày 28/02/2024.
""", doc_number="77/SNV-TCBC", issue_date="2024-02-14", issuer="Sở Nội vụ tỉnh Nam Sơn", urgency="Khẩn",
     subject="V/v rà soát vị trí việc làm trong các cơ quan hành chính")
case("""Thông tin văn bản
Số hiệu
15/TB-UBND
Ngày ban hành
08/4/2024
Người ký
Lê Thị Hoa
Loại văn bản
Thông báo
Cơ quan ban hành
UBND huyện Đông Khê
Trích yếu
Lịch tiếp công dân định kỳ tháng 4 năm 2024

UBND huyện Đông Khê thông báo lịch tiếp công dân định kỳ của Chủ tịch UBND huyện như sau.
""", doc_number="15/TB-UBND", issue_date="2024-04-08", issuer="UBND huyện Đông Khê", doc_type="Thông báo",
     subject="Lịch tiếp công dân định kỳ tháng 4 năm 2024")
case("""| Số hiệu | 321/QĐ-UBND | Ngày ban hành | 02/5/2024 |
| Cơ quan ban hành | UBND tỉnh Nam Sơn | Người ký | Lê Văn Cường |
| Trích yếu | Về việc phê duyệt danh mục dự án khuyến khích đầu tư năm 2024 |

Điều 1. Phê duyệt danh mục dự án khuyến khích đầu tư năm 2024.
""", doc_number="321/QĐ-UBND", issue_date="2024-05-02", issuer="UBND tỉnh Nam Sơn", doc_type="Quyết định",
     subject="Về việc phê duyệt danh mục dự án khuyến khích đầu tư năm 2024")
case("""Số ký hiệu\t99/KH-UBND\tNgày ký\t20/5/2024
Cơ quan ban hành\tỦy ban nhân dân huyện Đông Khê
Trích yếu\tKế hoạch tổ chức Ngày hội đại đoàn kết toàn dân tộc năm 2024

Thực hiện chỉ đạo của UBND tỉnh, UBND huyện ban hành kế hoạch như sau.
""", doc_number="99/KH-UBND", issue_date="2024-05-20", issuer="Ủy ban nhân dân huyện Đông Khê", doc_type="Kế hoạch")

# Credit lines.
case("""Tăng cường công tác phòng cháy, chữa cháy mùa khô

Ủy ban nhân dân huyện yêu cầu các xã, thị trấn tăng cường kiểm tra, phát hiện sớm các nguy cơ cháy rừng.
Nguồn: Công văn số 45/UBND-NC ngày 02/4/2024 của UBND huyện Đông Khê
""", doc_number="45/UBND-NC", issue_date="2024-04-02", issuer="UBND huyện Đông Khê", doc_type="Công văn")
case("""Hướng dẫn quyết toán thuế thu nhập cá nhân năm 2023

Cục Thuế tỉnh Nam Sơn hướng dẫn các tổ chức chi trả thu nhập thực hiện quyết toán thuế thu nhập cá nhân năm 2023.
Văn bản số 1500/CTNSO-TTHT ngày 20/02/2024 của Cục Thuế tỉnh Nam Sơn.
""", doc_number="1500/CTNSO-TTHT", issue_date="2024-02-20", issuer="Cục Thuế tỉnh Nam Sơn", doc_type="Công văn")

# The author named in prose, without the adverbs and verbs around the name.
case("""Phòng chống bệnh tay chân miệng trong trường học

Sở Y tế tỉnh Nam Sơn đề nghị các trường mầm non, tiểu học tăng cường vệ sinh lớp học và theo dõi sức khỏe học sinh.
""", doc_number=None, issuer="Sở Y tế tỉnh Nam Sơn", doc_type="Công văn")
case("""Thông báo nghỉ Tết Dương lịch năm 2025

UBND huyện Đông Khê vừa thông báo về việc nghỉ Tết Dương lịch năm 2025 đối với cán bộ, công chức, viên chức.
""", issuer="UBND huyện Đông Khê", doc_type="Thông báo")
case("""Trường hợp cần hỗ trợ, liên hệ Phòng Văn hóa và Thông tin huyện.

Phòng Tài chính - Kế hoạch huyện Đông Khê đề nghị các cơ quan, đơn vị gửi dự toán năm 2025 trước ngày 15/7/2024.
""", issuer="Phòng Tài chính - Kế hoạch huyện Đông Khê")

# A self-reference beats the documents the body cites.
case("""Căn cứ Công văn số 12/BYT-KCB ngày 02/01/2024 của Bộ Y tế về việc bảo đảm công tác khám bệnh, chữa bệnh dịp Tết;
Sở Y tế tỉnh Nam Sơn đề nghị các bệnh viện bố trí đủ nhân lực trực Tết.
(Theo Công văn số 99/SYT-NVY ngày 10/01/2024)
""", doc_number="99/SYT-NVY", issue_date="2024-01-10", issuer="Sở Y tế tỉnh Nam Sơn")
case("""Bảo đảm trật tự an toàn giao thông dịp lễ

Theo Công văn số 300/BGTVT-VT ngày 20/4/2024 của Bộ Giao thông vận tải.
Sở Giao thông vận tải tỉnh Nam Sơn đề nghị các doanh nghiệp vận tải tăng cường kiểm tra phương tiện.
""", doc_number=None, issuer="Sở Giao thông vận tải tỉnh Nam Sơn")
case("""Ngày 10/5/2024, UBND tỉnh Nam Sơn nhận được Công văn số 77/BNV-CQĐP của Bộ Nội vụ về việc sắp xếp đơn vị hành chính.
UBND tỉnh giao Sở Nội vụ chủ trì tham mưu.
""", doc_number=None)
case("""Tăng cường phòng, chống dịch bệnh mùa mưa

Căn cứ:
Công văn số 12/BYT-DP ngày 02/01/2024 của Bộ Y tế về việc phòng, chống dịch bệnh;
Sở Y tế tỉnh Nam Sơn đề nghị các bệnh viện chuẩn bị đủ thuốc, vật tư.
""", doc_number=None, issue_date=None, issuer="Sở Y tế tỉnh Nam Sơn")
case("""UBND huyện Đông Khê vừa ban hành Kế hoạch số 90/KH-UBND về tổ chức Hội khỏe Phù Đổng năm 2024.
Kế hoạch số 12/KH-SVHTT ngày 01/02/2024 của Sở Văn hóa và Thể thao được dẫn làm căn cứ.
""", doc_number="90/KH-UBND", issue_date=None, issuer="UBND huyện Đông Khê", doc_type="Kế hoạch",
     subject="về tổ chức Hội khỏe Phù Đổng năm 2024")
case("""Ngày 12/3/2024, UBND tỉnh Nam Sơn có Công văn số 555/UBND-VX gửi các sở, ngành về việc triển khai Công văn số 12/BYT-DP của Bộ Y tế.
""", doc_number="555/UBND-VX", issue_date="2024-03-12", issuer="UBND tỉnh Nam Sơn")

# Round 3 (issue 8): a news item after a byline "(NSO) - ", past its section, date and headline lines.
case("""BÁO NAM SƠN ĐIỆN TỬ
Thời sự | Kinh tế | Xã hội

Xã hội
Thứ Hai, 07/04/2025, 08:15 (GMT+7)

Nam Sơn: Đẩy mạnh phòng, chống dịch sốt xuất huyết

(NSO) - UBND tỉnh Nam Sơn vừa ban hành Chỉ thị số 05/CT-UBND ngày 04/4/2025 về tăng cường phòng, chống dịch sốt xuất huyết trên địa bàn tỉnh.

Theo Chỉ thị, Sở Y tế chủ trì, phối hợp với các địa phương giám sát chặt chẽ ổ dịch.
""", doc_number="05/CT-UBND", issue_date="2025-04-04", issuer="UBND tỉnh Nam Sơn", doc_type="Chỉ thị",
     subject="về tăng cường phòng, chống dịch sốt xuất huyết trên địa bàn tỉnh")
# A "thông tin chỉ đạo" page: the subject after a clause ("truyền đạt ý kiến chỉ đạo của ... về việc ...").
case("""Cổng thông tin điện tử tỉnh Nam Sơn
Thông tin chỉ đạo, điều hành
12/03/2024 15:20

Tăng cường quản lý an toàn thực phẩm dịp cuối năm

Ngày 11/3/2024, Văn phòng UBND tỉnh có Công văn số 845/VP-KGVX truyền đạt ý kiến chỉ đạo của Phó Chủ tịch UBND tỉnh Trần Minh Đức về việc tăng cường quản lý an toàn thực phẩm.

Theo đó, Phó Chủ tịch UBND tỉnh giao Sở Y tế chủ trì, phối hợp với Sở Công Thương kiểm tra các cơ sở sản xuất.
""", doc_number="845/VP-KGVX", issue_date="2024-03-11", issuer="Văn phòng UBND tỉnh",
     subject="về việc tăng cường quản lý an toàn thực phẩm")
# E-mail that forwards a letter: the sender names it; the attachment note is not the subject.
case("""---------- Forwarded message ---------
From: Văn thư Sở Nội vụ <vanthu.snv@namson.example.vn>
Date: Thứ 3, 8 thg 4, 2025 lúc 09:15
Subject: Công văn 512/SNV-TCBC về việc báo cáo số lượng người làm việc năm 2025
To: <ubnd.dongkhe@namson.example.vn>

Kính gửi UBND huyện Đông Khê,
Sở Nội vụ gửi Công văn số 512/SNV-TCBC ngày 07/4/2025 về việc báo cáo số lượng người làm việc năm 2025 (file đính kèm).
Trân trọng.
--
Văn thư Sở Nội vụ tỉnh Nam Sơn
ĐT: 0233.3812.456
""", doc_number="512/SNV-TCBC", issue_date="2025-04-07", issuer="Sở Nội vụ",
     subject="về việc báo cáo số lượng người làm việc năm 2025")
# A reply that quotes the letter line by line with "> ".
case("""From: Phong Noi vu huyen Dong Khe <noivu.dongkhe@namson.example.vn>
Sent: Monday, April 14, 2025 9:02 AM
To: Van thu UBND huyen
Subject: RE: Cong van 77/UBND-NV

Chị ơi, em gửi lại nội dung công văn như bên dưới.

> UBND HUYỆN ĐÔNG KHÊ
> PHÒNG NỘI VỤ
> Số: 77/PNV-TCCB
> V/v đăng ký nhu cầu bồi dưỡng công chức năm 2025
> CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
> Độc lập - Tự do - Hạnh phúc
> Đông Khê, ngày 10 tháng 4 năm 2025
>
> Kính gửi: UBND các xã, thị trấn.
>
> Phòng Nội vụ đề nghị UBND các xã, thị trấn đăng ký nhu cầu bồi dưỡng, gửi về Phòng trước ngày 25/4/2025./.
""", doc_number="77/PNV-TCCB", issue_date="2025-04-10", issuer="UBND HUYỆN ĐÔNG KHÊ - PHÒNG NỘI VỤ",
     subject="V/v đăng ký nhu cầu bồi dưỡng công chức năm 2025")
# A document system's automatic notice: its arrival number and date are not the letter's.
case("""[VBĐH] Thông báo văn bản đến: 1320/STC-QLG

Hệ thống Quản lý văn bản và Điều hành tỉnh Nam Sơn
Kính gửi: Phòng Tài chính - Kế hoạch

Văn bản đến mới đã được chuyển đến đơn vị:
Số đến: 2210 | Ngày đến: 15/05/2024
Số/Ký hiệu: 1320/STC-QLG
Ngày VB: 13/05/2024
Nơi gửi: Sở Tài chính tỉnh Nam Sơn
Về việc: Báo cáo tình hình thực hiện giá dịch vụ vận chuyển hành khách
Hạn giải quyết: 24/05/2024

Đây là thư tự động từ hệ thống, vui lòng không trả lời.
""", doc_number="1320/STC-QLG", issue_date="2024-05-13", issuer="Sở Tài chính tỉnh Nam Sơn",
     subject="Báo cáo tình hình thực hiện giá dịch vụ vận chuyển hành khách")
# The body's head issues ("Chiều 12/4, Chủ tịch UBND tỉnh X <person> đã ký ban hành"); no year given, no date.
case("""Chiều 12/4, Chủ tịch UBND tỉnh Nam Sơn Nguyễn Văn An đã ký ban hành Công điện số 07/CĐ-UBND về việc chủ động ứng phó với nắng nóng, hạn hán, xâm nhập mặn.
Công điện yêu cầu Giám đốc Sở Nông nghiệp và Môi trường theo dõi chặt chẽ tình hình.
""", doc_number="07/CĐ-UBND", issue_date=None, issuer="UBND tỉnh Nam Sơn", doc_type="Công điện")
# "Phó Chủ tịch UBND tỉnh <person> vừa ký Quyết định số ...": the body, not the person.
case("""Tin tức > Chỉ đạo điều hành

Phó Chủ tịch UBND tỉnh Lê Thanh Bình vừa ký Quyết định số 1022/QĐ-UBND ngày 14/5/2025 về việc phê duyệt danh mục dự án kêu gọi đầu tư năm 2025.
Theo đó, Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan tổ chức xúc tiến đầu tư.
""", doc_number="1022/QĐ-UBND", issue_date="2025-05-14", issuer="UBND tỉnh", doc_type="Quyết định")
# A date in words after the number; the subject ends before "để Quý cơ quan thực hiện".
case("""Fwd: Công văn của Sở Nội vụ

---------- Forwarded message ---------
Từ: Văn thư Sở Nội vụ <vanthu.snv@namson.example.vn>
Date: Thứ 3, 8 thg 4, 2025 lúc 09:15
Subject: CV báo cáo số lượng người làm việc
To: <ubnd.dongkhe@namson.example.vn>

Kính gửi Ủy ban nhân dân huyện Đông Khê,
Sở Nội vụ trân trọng gửi Công văn số 512/SNV-TCBC ngày 07 tháng 4 năm 2025 về việc báo cáo số lượng người làm việc năm 2025 để Quý cơ quan thực hiện.
Trân trọng.
""", doc_number="512/SNV-TCBC", issue_date="2025-04-07", issuer="Sở Nội vụ",
     subject="về việc báo cáo số lượng người làm việc năm 2025")
# A date with dashes; the page's section name "Thông tin chỉ đạo, điều hành" is not a title.
case("""Thông tin chỉ đạo, điều hành
Cập nhật: 14/05/2025

Ngày 13-5-2025, UBND huyện Đông Khê ban hành Văn bản số 640/UBND-TNMT về việc tăng cường quản lý khai thác khoáng sản trái phép trên địa bàn huyện.
Theo đó, UBND huyện yêu cầu UBND các xã kiểm tra, xử lý nghiêm các trường hợp vi phạm.
""", doc_number="640/UBND-TNMT", issue_date="2025-05-13", issuer="UBND huyện Đông Khê",
     subject="về việc tăng cường quản lý khai thác khoáng sản trái phép trên địa bàn huyện")
# The lead comes after a clause that cites another plan.
case("""Trang chủ » Tin tức » Tin trong tỉnh
Triển khai Tháng hành động vì an toàn thực phẩm năm 2025
15/04/2025 09:30

Thực hiện Kế hoạch số 45/KH-BCĐTW ngày 02/4/2025 của Ban Chỉ đạo liên ngành Trung ương, UBND tỉnh Nam Sơn đã ban hành Kế hoạch số 77/KH-UBND ngày 10/4/2025 triển khai Tháng hành động vì an toàn thực phẩm năm 2025.
Kế hoạch giao Sở Y tế chủ trì tổ chức các hoạt động.
""", doc_number="77/KH-UBND", issue_date="2025-04-10", issuer="UBND tỉnh Nam Sơn", doc_type="Kế hoạch")

# A tax office's answer in a portal's record: its symbol opens with the office's code "CT", not a chỉ thị's.
case("""CỤC THUẾ TỈNH NAM SƠN
Trang chủ | Tin tức | Văn bản | Hỏi đáp

Số ký hiệu:        3150/CT-TTHT
Cơ quan ban hành:  Cục Thuế tỉnh Nam Sơn
Loại văn bản:      Công văn
Ngày ban hành:     21/09/2024
Trích yếu:         V/v chính sách thuế GTGT đối với hoạt động cho thuê nhà

Nội dung:
Trả lời Công văn số 08/2024/CV-HL ngày 04/9/2024 của Công ty TNHH Hưng Lợi, Cục Thuế có ý kiến như sau:
""", doc_number="3150/CT-TTHT", issue_date="2024-09-21", doc_type="Công văn")


# A Party body's number ("12-HD/BTGTU": its type between a hyphen and the slash) in a news lead and in a record.
case("""Ngày 06/7/2025, Ban Tuyên giáo Tỉnh ủy Lam Giang ban hành Hướng dẫn số 12-HD/BTGTU về tuyên truyền kỷ niệm 80 năm Cách mạng Tháng Tám.

Các cấp ủy, tổ chức đảng chỉ đạo tổ chức các hoạt động tuyên truyền phù hợp.
""", doc_number="12-HD/BTGTU", issue_date="2025-07-06", doc_type="Hướng dẫn")
case("""Thông tin văn bản
Số hiệu
45-KH/ĐTN
Ngày ban hành
14/3/2025
Loại văn bản
Kế hoạch

Ban Thường vụ Huyện đoàn xây dựng kế hoạch tổ chức Tháng Thanh niên năm 2025 như sau:
""", doc_number="45-KH/ĐTN", issue_date="2025-03-14")

# A news lead's day without its year: the body's first deadline tells it (a December letter may set a January one);
# a year cited from another document before it does not.
case("""Thực hiện Kế hoạch số 15/KH-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh, ngày 02/12, Sở Y tế Lam Giang ban hành Công văn số 2140/SYT-NVY về phòng, chống dịch bệnh mùa đông xuân.

Sở Y tế đề nghị các đơn vị báo cáo kết quả trước ngày 15/01/2026.
""", doc_number="2140/SYT-NVY", issue_date="2025-12-02")

# With no deadline, the latest document the lead or the body cites dates it: the letter comes after it.
case("""Thực hiện Công văn số 1580/UBND-VX ngày 18/11/2024 của Ủy ban nhân dân tỉnh, ngày 03/12, Phòng Giáo dục và Đào tạo huyện Đông Khê ban hành Công văn số 812/PGDĐT-TH về tổ chức Hội khỏe Phù Đổng cấp trường.

Căn cứ Kế hoạch số 35/KH-UBND ngày 12/3/2021 của Ủy ban nhân dân huyện, Phòng đề nghị các trường chủ động triển khai.
""", doc_number="812/PGDĐT-TH", issue_date="2024-12-03")
# A first "trước ngày ..." that would date the letter before a document it cites is a period quoted from elsewhere.
case("""Thực hiện Kế hoạch số 15/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân tỉnh, ngày 21/7, Sở Nội vụ Lam Giang ban hành Công văn số 702/SNV-TCBC về báo cáo số lượng cán bộ, công chức.

Sở đề nghị các đơn vị báo cáo số liệu có đến trước ngày 30/6/2025, gửi về Sở trước ngày 05/8/2025.
""", doc_number="702/SNV-TCBC", issue_date="2025-07-21")
# ... but a portal's list of newer documents above the lead is no ground of the letter.
case("""Văn bản khác:
- Công văn số 1502/UBND-TH ngày 12/9/2024 về việc giải ngân vốn đầu tư công
- Công văn số 1688/UBND-TH ngày 03/10/2024 về việc báo cáo kế hoạch vốn

Ngày 21/5, UBND tỉnh Lam Giang ban hành Công văn số 846/UBND-TH về việc báo cáo giải ngân kế hoạch đầu tư công.
Giao các sở, ngành gửi báo cáo về Sở Kế hoạch và Đầu tư trước ngày 23/5/2019.
""", doc_number="846/UBND-TH", issue_date="2019-05-21")
case("""Ngày 15/01, Sở Nội vụ Lam Giang ban hành Công văn số 64/SNV-CCVC về tuyển dụng viên chức.

Thực hiện Kế hoạch số 210/KH-UBND ngày 20/12/2023 của Ủy ban nhân dân tỉnh, Sở Nội vụ đề nghị các đơn vị rà soát nhu cầu.
""", doc_number="64/SNV-CCVC", issue_date="2024-01-15")

# A portal's record over a body that names an event's weekday and date: "thứ Bảy, ngày 14/10/2025" is no date line.
case("""Số hiệu văn bản: 21-TB/ĐU
Ngày ký ban hành: 2/10/2025
Cơ quan ban hành: Đảng ủy Bệnh viện Đa khoa tỉnh

Hội nghị học tập nghị quyết tổ chức trong 01 ngày, bắt đầu 7 giờ 30 phút thứ Bảy, ngày 14/10/2025, tại Hội trường.
""", doc_number="21-TB/ĐU", issue_date="2025-10-02")

# A news lead over the letter's body as a PDF text layer wraps it: a line the wrap opens with "số 1178/QĐ-BTP ngày
# ... của ..." goes on a citation ("... ban hành kèm theo Quyết định") and is not the letter's "Số:".
case("""Tin tức - Sự kiện
Sở Tư pháp tỉnh Lam Giang vừa ban hành Công văn số 415/STP-BTTP ngày 12/8/2025 về việc kiện toàn tổ chức hành nghề công chứng trên địa bàn tỉnh.

          Kính gửi: Ban Chấp hành Hội Công chứng viên tỉnh Lam Giang.

     Căn cứ quy định tại Điều lệ Hội Công chứng viên ban hành kèm theo Quyết định
số 2207/QĐ-BTP ngày 14/5/2022 của Bộ trưởng Bộ Tư pháp, Sở Tư pháp đề nghị Ban
Chấp hành Hội xây dựng phương án kiện toàn, gửi về Sở trước ngày 05/9/2025.
""", doc_number="415/STP-BTTP", issue_date="2025-08-12", issuer="Sở Tư pháp tỉnh Lam Giang", doc_type="Công văn")
# A document named in parentheses inside a sentence is cited by it ("... chỉ đạo của Chủ tịch (Thông báo số ... ngày
# ...) về việc ..."); the news lead above names the letter.
case("""Tin tức - Sự kiện
Sở Kế hoạch và Đầu tư Lam Giang vừa ban hành Công văn số 918/SKHĐT-KTN ngày 3/4/2024.

Kính gửi: Ủy ban nhân dân các huyện
Thực hiện ý kiến chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh (Thông báo số 77/TB-VP ngày 21/3/2024) về việc rà soát các dự án chậm tiến độ, Sở đề nghị các huyện báo cáo trước ngày 15/4/2024.
""", doc_number="918/SKHĐT-KTN", issue_date="2024-04-03", issuer="Sở Kế hoạch và Đầu tư Lam Giang", doc_type="Công văn")

# A decision under a news lead: its enacting "QUYẾT ĐỊNH:" and the first article are the body, not a title and a
# trích yếu; the lead's "về việc ..." is the subject.
case("""Ngày 14/4/2023, Ủy ban nhân dân huyện Đông Khê ban hành Quyết định số 512/QĐ-UBND về việc thành lập Tổ công tác rà soát hồ sơ đất đai tồn đọng.

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Xét đề nghị của Trưởng phòng Tài nguyên và Môi trường huyện,

QUYẾT ĐỊNH:

Điều 1. Thành lập Tổ công tác rà soát hồ sơ đất đai tồn đọng trên địa bàn huyện, gồm các ông, bà có tên sau:
1. Ông Trần Văn Hậu, Phó Chủ tịch UBND huyện - Tổ trưởng;
""", doc_number="512/QĐ-UBND", doc_type="Quyết định",
     subject="về việc thành lập Tổ công tác rà soát hồ sơ đất đai tồn đọng")
# A page titled with the decision's trích yếu "Ban hành Quy định ..." and its number in parentheses: "Ban hành" is a
# verb, not a body's name opening a headline.
case("""Ban hành Quy định quản lý cụm công nghiệp trên địa bàn tỉnh Lam Giang (số 18/2021/QĐ-UBND, ngày 9/7/2021)

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Nghị định số 68/2017/NĐ-CP ngày 25 tháng 5 năm 2017 của Chính phủ về quản lý, phát triển cụm công nghiệp;
""", doc_number="18/2021/QĐ-UBND", issue_date="2021-07-09",
     subject="Ban hành Quy định quản lý cụm công nghiệp trên địa bàn tỉnh Lam Giang")
# "(theo Giấy mời số ... ngày ...)" inside a sentence cites the earlier invitation; the lead names this notice.
case("""Ngày 13/3/2020, Phòng Giáo dục và Đào tạo huyện Đông Khê ban hành Thông báo số 97/TB-PGDĐT về việc hoãn Hội nghị sơ kết học kỳ I.

Kính gửi: Hiệu trưởng các trường trong huyện.
Phòng Giáo dục và Đào tạo thông báo hoãn Hội nghị dự kiến tổ chức ngày 17/3/2020 (theo Giấy mời số 88/GM-PGDĐT ngày 06/3/2020). Thời gian tổ chức sẽ thông báo sau.
""", doc_number="97/TB-PGDĐT", issue_date="2020-03-13", doc_type="Thông báo")

# A news page's posting line ("12/05/2019 07:15 - Lượt xem: 431", "Đăng bởi: ...") is no title; the lead names "Sở Y
# tế" whole before its verb ("có văn bản").
case("""SỞ Y TẾ TỈNH LAM GIANG
Trang chủ > Tin tức > Chỉ đạo điều hành
SỞ Y TẾ YÊU CẦU CÁC BỆNH VIỆN SẴN SÀNG THU DUNG BỆNH NHÂN SỐT XUẤT HUYẾT
12/05/2019 07:15 - Lượt xem: 431

Ngày 10/5/2019, Sở Y tế có văn bản số 902/SYT-NVY gửi các bệnh viện đề nghị sẵn sàng giường bệnh, thuốc và vật tư.

Các bệnh viện báo cáo tình hình thu dung về Sở Y tế trước ngày 20/5/2019.
""", doc_number="902/SYT-NVY", issue_date="2019-05-10", issuer="Sở Y tế", subject=None)
# "Theo Kế hoạch số ... do X ban hành ngày ...": the lead names the letter before its author.
case("""BÁO LAM GIANG ĐIỆN TỬ
Kinh tế | Xã hội | Pháp luật
Trang chủ > Kinh tế
Bảo đảm hàng hóa phục vụ Tết
Thứ Hai, 16/12/2024 - 09:30

Theo Kế hoạch số 742/KH-SCT do Sở Công Thương tỉnh Lam Giang ban hành ngày 13/12/2024, tổng lượng hàng hóa dự trữ phục vụ Tết tăng khoảng 8% so với năm trước.

Sở giao Phòng Quản lý thương mại theo dõi sát diễn biến giá cả thị trường.
""", doc_number="742/KH-SCT", issue_date="2024-12-13", issuer="Sở Công Thương tỉnh Lam Giang", doc_type="Kế hoạch")
# A lead that reports a letter without its number: its day, its author (not the site's banner) and its type.
case("""UBND XÃ TÂN AN - HUYỆN ĐÔNG KHÊ
Trang chủ | Tin tức | Thông báo
Trang chủ > Tin tức > Nông nghiệp
Ra quân diệt chuột bảo vệ mùa màng
Ngày đăng: 06/03/2024 | Lượt xem: 52

Ngày 04/3/2024, UBND xã Tân An có văn bản chỉ đạo các thôn tổ chức ra quân diệt chuột trên đồng ruộng.

Trưởng các thôn vận động nhân dân tham gia, hoàn thành trước ngày 15/3/2024.
""", doc_number=None, issue_date="2024-03-04", issuer="UBND xã Tân An")
case("""CHI CỤC THUẾ HUYỆN ĐÔNG KHÊ
Trang chủ > Tin tức > Hỗ trợ người nộp thuế
Đối thoại với người nộp thuế năm 2022
Đăng ngày: 09/11/2022 | Lượt xem: 210

Ngày 07/11/2022, Chi cục Thuế huyện Đông Khê có giấy mời các doanh nghiệp trên địa bàn dự Hội nghị đối thoại với người nộp thuế.

Hội nghị tổ chức vào lúc 8 giờ 00 ngày 15/11/2022 tại Hội trường Chi cục Thuế.
""", issue_date="2022-11-07", doc_type="Giấy mời", issuer="Chi cục Thuế huyện Đông Khê")
# A blog titled "... (theo Công văn 3158/CT-TTHT)" and a lead reporting the same number: the lead dates it and names
# its author; a greeting is no title.
case("""KẾ TOÁN LAM GIANG - Blog chia sẻ kinh nghiệm kế toán
Trang chủ » Hóa đơn » Bài viết
Xuất hóa đơn sai tên người mua: xử lý ra sao? (theo Công văn 2215/CTLGI-TTHT)
Đăng bởi: Trần Mai | 20/6/2023 | 905 lượt xem
Chào các bạn,
Tuần này nhiều bạn hỏi về hóa đơn ghi sai tên người mua; mình chia sẻ văn bản cơ quan thuế vừa trả lời một doanh nghiệp để mọi người cùng tham khảo nhé.
Ngày 15/6/2023, Cục Thuế tỉnh Lam Giang ban hành Công văn số 2215/CTLGI-TTHT trả lời Công ty TNHH Minh Phát về hóa đơn có sai sót.
""", doc_number="2215/CTLGI-TTHT", issue_date="2023-06-15", issuer="Cục Thuế tỉnh Lam Giang")
# A lead's subject ends before the article's ", nhằm ..." purpose.
case("""Ngày 18/9/2023, Trường THCS Tân An ban hành Kế hoạch số 45/KH-THCS về việc tổ chức Hội thi giáo viên dạy giỏi cấp trường năm học 2023 - 2024, nhằm phát hiện, bồi dưỡng giáo viên tham gia hội thi cấp huyện.
""", doc_number="45/KH-THCS", subject="về việc tổ chức Hội thi giáo viên dạy giỏi cấp trường năm học 2023 - 2024")

# A portal's record gives the type ("Loại văn bản: Công văn"): the page's headline in capitals ("HƯỚNG DẪN ...") is
# no title; a page titled with the record ("Công văn số ... về việc ...") past its menus gives the trích yếu.
case("""BỘ GIÁO DỤC VÀ ĐÀO TẠO
Trang chủ   Tin tức   Văn bản
Tìm kiếm
Trang chủ / Văn bản / Văn bản mới
HƯỚNG DẪN TỔ CHỨC NGÀY HỘI ĐỌC SÁCH NĂM HỌC 2023-2024
10/10/2023 | 1.205 lượt xem
Số ký hiệu
4102/BGDĐT-GDTH
Ngày ban hành
06/10/2023
Loại văn bản
Công văn
Trích yếu
Hướng dẫn tổ chức Ngày hội đọc sách năm học 2023-2024
Kính gửi: Các Sở Giáo dục và Đào tạo
""", doc_number="4102/BGDĐT-GDTH", doc_type="Công văn")
case("""SỞ CÔNG THƯƠNG TỈNH LAM GIANG	Đăng nhập	Sơ đồ cổng
Trang chủ	Giới thiệu	Tin tức	Văn bản
Tìm kiếm
Trang chủ   /   Văn bản   /   Văn bản chỉ đạo điều hành
Công văn số 615/SCT-QLTM về việc bình ổn thị trường dịp cuối năm 2024
  03/12/2024   |   lượt xem: 211
Số hiệu:	615/SCT-QLTM
Ngày ký:	02/12/2024
Loại văn bản:	Công văn

Kính gửi: Ủy ban nhân dân các huyện, thành phố
""", doc_number="615/SCT-QLTM", issue_date="2024-12-02",
     subject="về việc bình ổn thị trường dịp cuối năm 2024")

# A lead reports a procuracy's "Kiến nghị số ..." as it does any other type.
case("""Ngày 12/5/2025, Viện kiểm sát nhân dân tỉnh Lam Giang ban hành Kiến nghị số 11/KN-VKS-P10 về việc khắc phục vi phạm trong việc cung cấp tài liệu cho Tòa án.

Kính gửi: Giám đốc Sở Nông nghiệp và Môi trường tỉnh Lam Giang.
""", doc_number="11/KN-VKS-P10", issue_date="2025-05-12", doc_type="Kiến nghị",
     issuer="Viện kiểm sát nhân dân tỉnh Lam Giang")

# Question-and-answer pages: the answer names its letter after "Trả lời:" ("Sở X đã trả lời tại Công văn số ... ngày
# ...", "Ngày ..., Sở X có Công văn số ... trả lời ông ..."), or the record does ("Văn bản trả lời: Số ... ngày ... của
# ..."); the asker's date and a forwarding letter in parentheses are not the answer's.
case("""CỔNG THÔNG TIN ĐIỆN TỬ TỈNH LAM GIANG
Trang chủ > Hỏi đáp > Nội vụ
Hỏi về chế độ của trưởng thôn khi sáp nhập thôn

Người hỏi: Lò Văn Piềng
Ngày gửi: 19/04/2022

Nội dung câu hỏi:
Tôi làm trưởng thôn từ năm 2010, năm 2021 thôn sáp nhập thì thôi làm trưởng thôn. Xin hỏi tôi có được hỗ trợ gì không?

Trả lời:
Sở Nội vụ đã trả lời tại Công văn số 611/SNV-XDCQ ngày 12/5/2022, nội dung như sau:
Trường hợp của ông thuộc đối tượng được hỗ trợ một lần theo Nghị quyết của HĐND tỉnh.
""", doc_number="611/SNV-XDCQ", issue_date="2022-05-12", issuer="Sở Nội vụ")
case("""CỔNG THÔNG TIN ĐIỆN TỬ TỈNH LAM GIANG
Trang chủ > Hỏi đáp > Đất đai
Hỏi về cấp Giấy chứng nhận cho diện tích tăng thêm
Ngày đăng: 12/09/2019 | Lượt xem: 517

Câu hỏi:
Bà Nguyễn Thị Hoa, trú tại xã Tân An hỏi: Gia đình tôi được cấp Giấy chứng nhận quyền sử dụng đất năm 2004 với diện tích 300 m2. Năm 2018 đo đạc lại thì diện tích thực tế là 341 m2, ranh giới vẫn giữ nguyên như khi được cấp, không tranh chấp với các hộ liền kề, các hộ liền kề đều đã ký xác nhận ranh giới. Vậy phần diện tích tăng thêm có được cấp Giấy chứng nhận không, gia đình tôi có phải nộp tiền sử dụng đất cho phần diện tích này không, thủ tục thực hiện ở đâu?
(Câu hỏi gửi ngày 18/8/2019)

Trả lời:
Ngày 05/9/2019, Sở Tài nguyên và Môi trường có Công văn số 1288/STNMT-QLĐĐ trả lời bà Nguyễn Thị Hoa, nội dung như sau:
Trường hợp ranh giới thửa đất không thay đổi thì phần diện tích chênh lệch được xem xét cấp Giấy chứng nhận.
""", doc_number="1288/STNMT-QLĐĐ", issue_date="2019-09-05", issuer="Sở Tài nguyên và Môi trường")
case("""HĐND TỈNH LAM GIANG - TRANG THÔNG TIN ĐIỆN TỬ
Trang chủ › Tiếp xúc cử tri › Trả lời kiến nghị cử tri
TRẢ LỜI KIẾN NGHỊ CỬ TRI

Cử tri: xã Tân An, huyện Đông Khê
Ngày tiếp nhận: 12/07/2023
Đơn vị chuyển: Thường trực HĐND tỉnh (Công văn số 312/HĐND-VP ngày 20/7/2023)
Cơ quan trả lời: Sở Giao thông vận tải

Nội dung trả lời:
(Trích Công văn số 1604/SGTVT-KHTC ngày 15/8/2023 của Sở Giao thông vận tải)
Sở đã bố trí kinh phí sửa chữa các vị trí hư hỏng nặng trên tuyến đường.
""", doc_number="1604/SGTVT-KHTC", issue_date="2023-08-15")
case("""ỦY BAN NHÂN DÂN PHƯỜNG TÂN AN
Trang chủ > Trả lời kiến nghị cử tri
Văn bản trả lời: Số 140/UBND-VP ngày 05/9/2025 của UBND phường Tân An
Nội dung trả lời:
Ủy ban nhân dân phường đã chỉ đạo nạo vét tuyến cống dọc đường Lê Lợi.
""", doc_number="140/UBND-VP", issue_date="2025-09-05", issuer="UBND phường Tân An")

# Short notices as commune portals retype them: the author's "UBND xã X thông báo mời ..." makes a thông báo; a
# closing "Tân An, ngày ..." dates it without making the body's lines above it a letterhead; a lead's type may carry
# its own words before its number ("Thông báo thu hồi đất số 09/TB-UBND"); an electricity company is a body.
case("""Trang thông tin điện tử xã Tân An - huyện Đông Khê
Trang chủ | Giới thiệu | Nông thôn mới | Tin tức
Trang chủ > Nông thôn mới > Thông báo
Thông báo mời họp dân lấy ý kiến về quy hoạch khu dân cư
Ngày đăng: 15/10/2014 | Lượt xem: 48
Thực hiện kế hoạch xây dựng nông thôn mới, UBND xã Tân An thông báo mời đại diện các hộ gia đình dự họp lấy ý kiến về quy hoạch khu dân cư mới, cụ thể:
- Thời gian: 7 giờ 30 phút, Chủ nhật, ngày 19/10/2014.
- Địa điểm: Hội trường UBND xã Tân An.
Trưởng các thôn gửi giấy mời đến từng hộ trước ngày 17/10/2014.
Ban Quản lý xây dựng nông thôn mới xã chuẩn bị bản đồ quy hoạch trưng bày tại hội trường.
Tân An, ngày 15 tháng 10 năm 2014
""", doc_type="Thông báo", issuer="UBND xã Tân An", issue_date="2014-10-15")
case("""Cổng thông tin điện tử xã Tân An - tỉnh Lam Giang
Trang chủ | Tin tức | Thông báo
Trang chủ > Thông báo
Thông báo thu hồi đất thực hiện dự án Khu dân cư Bãi Giữa
Ngày đăng: 08/01/2026 | Lượt xem: 731
UBND xã Tân An đã ban hành Thông báo thu hồi đất số 11/TB-UBND ngày 06/01/2026 để thực hiện dự án Khu dân cư Bãi Giữa. Một số nội dung chính:
- Diện tích dự kiến thu hồi khoảng 3,2 ha.
""", doc_number="11/TB-UBND", issue_date="2026-01-06", doc_type="Thông báo")
case("""CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN ĐÔNG KHÊ
Trang chủ > Thông báo
Thông báo lịch cắt điện tuần từ ngày 14/5 đến ngày 19/5/2018
07/05/2018 | 412 lượt xem
Điện lực Đông Khê thông báo tạm ngừng cung cấp điện để bảo dưỡng lưới điện, cụ thể như sau:
- Thứ Hai, ngày 14/5/2018, từ 6 giờ 00 đến 11 giờ 30: xã Tân An.
""", issuer="Điện lực Đông Khê", doc_type="Thông báo")

# A question-and-answer page: neither the question's headline nor a row of its record ("Trạng thái: Đã trả lời") is
# the answer's trích yếu.
case("""CỔNG THÔNG TIN ĐIỆN TỬ TỈNH LAM GIANG
Trang chủ > Hỏi đáp > Lao động
Hỏi về chế độ thai sản của lao động nam khi vợ sinh con?
Người hỏi: Trần Văn Nam
Trạng thái: Đã trả lời
Trả lời:
Bảo hiểm xã hội tỉnh trả lời như sau: lao động nam đang đóng bảo hiểm xã hội khi vợ sinh con được nghỉ việc hưởng chế độ thai sản.
""", subject=None)
# ... but a headline that opens with its type's name and a colon is the page's title, not a record's row.
case("""CỔNG THÔNG TIN ĐIỆN TỬ XÃ TÂN AN
Trang chủ > Thông báo
Thông báo: Lịch tiếp công dân tháng 3 năm 2024
Ngày đăng: 01/03/2024 | Lượt xem: 12

Ủy ban nhân dân xã Tân An thông báo lịch tiếp công dân tháng 3 năm 2024 như sau: Chủ tịch UBND xã tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở.
""", subject="Thông báo: Lịch tiếp công dân tháng 3 năm 2024", doc_type="Thông báo")

# A portal's list of new documents over the one it opens: the column "Số/Ký hiệu" is a label, not a blank "Số:".
case("""TRANG THÔNG TIN ĐIỆN TỬ HUYỆN ĐÔNG KHÊ
VĂN BẢN MỚI
STT | Số/Ký hiệu | Ngày ban hành | Trích yếu | Cơ quan ban hành
1 | 305/TB-VP | 14/04/2022 | Kết luận của Chủ tịch UBND huyện tại buổi kiểm tra đê bao | Văn phòng HĐND và UBND huyện
2 | 298/UBND-NN | 11/04/2022 | V/v gieo sạ lúa vụ Hè Thu | UBND huyện Đông Khê

UBND HUYỆN ĐÔNG KHÊ                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
VĂN PHÒNG HĐND VÀ UBND                         Độc lập - Tự do - Hạnh phúc
Số: 305/TB-VP                              Đông Khê, ngày 14 tháng 4 năm 2022

THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại buổi kiểm tra đê bao

Ngày 12/4/2022, Chủ tịch UBND huyện kiểm tra đê bao xã Tân An và kết luận như sau:
""", doc_number="305/TB-VP", issuer="UBND HUYỆN ĐÔNG KHÊ - VĂN PHÒNG HĐND VÀ UBND", issue_date="2022-04-14",
     doc_type="Thông báo")
# A headline that names its author announcing, under a tax office's banner: the body is a thông báo.
case("""CỤC THUẾ TỈNH LAM GIANG
Trang thông tin điện tử
Trang chủ > Công khai thông tin
Chi cục Thuế huyện Đông Khê thông báo công khai danh sách hộ kinh doanh nộp thuế khoán năm 2023
Ngày đăng: 05/01/2023 | Lượt xem: 210
Chi cục Thuế huyện Đông Khê thông báo niêm yết công khai dự kiến mức thuế khoán năm 2023 của 812 hộ kinh doanh.
Thời gian niêm yết: từ ngày 09/01/2023 đến ngày 19/01/2023.
Địa điểm niêm yết: trụ sở Chi cục Thuế huyện và trụ sở UBND các xã.
""", issuer="Chi cục Thuế huyện Đông Khê", doc_type="Thông báo")

# A document system's notice headed "THÔNG BÁO VĂN BẢN ĐẾN" over its record of a báo cáo: the record's type and
# trích yếu, not the headline's.
case("""THÔNG BÁO VĂN BẢN ĐẾN
Kính gửi: Đồng chí Hà Văn Lực - Phó Chủ tịch UBND huyện Đông Khê

Đồng chí có văn bản đến cần xử lý.

Số đến: 904 ; Ngày đến: 12/07/2021
Số ký hiệu: 57/BC-PNN ; Ngày văn bản: 09/07/2021
Loại văn bản: Báo cáo
Cơ quan ban hành: Phòng Nông nghiệp và PTNT huyện Đông Khê
Trích yếu: Kết quả sản xuất vụ Đông Xuân và kế hoạch vụ Hè Thu năm 2021
Hạn xử lý: (không có)
""", doc_number="57/BC-PNN", issue_date="2021-07-09", doc_type="Báo cáo", recipients=[],
     subject="Kết quả sản xuất vụ Đông Xuân và kế hoạch vụ Hè Thu năm 2021")

# A post that cites the higher letter first, then reports this one: "..., ngày 08/4/2024 UBND phường X đã ban hành
# Kế hoạch số ..." (no comma after the day).
case("""UBND Phường Tân An
Bài viết · 09/04/2024
PHƯỜNG TÂN AN RA QUÂN VỆ SINH MÔI TRƯỜNG
Thực hiện Công văn số 88/UBND-VP ngày 01/4/2024 của UBND thị xã Đông Khê về việc phát động phong trào vệ sinh môi trường, ngày 05/4/2024 UBND phường Tân An đã ban hành Kế hoạch số 31/KH-UBND về việc tổ chức ra quân vệ sinh môi trường năm 2024.
""", doc_number="31/KH-UBND", issue_date="2024-04-05", doc_type="Kế hoạch", issuer="UBND phường Tân An",
     subject="về việc tổ chức ra quân vệ sinh môi trường năm 2024")

# A post's pictographs around its headline: "📢📢 THÔNG BÁO" is the type's name.
case("""Công an huyện Đông Khê
5 tháng 11, 2022 lúc 09:12 · 🌏
📢📢📢 THÔNG BÁO
Về việc cấp Căn cước công dân lưu động tại các xã
Công an huyện Đông Khê tổ chức cấp Căn cước công dân lưu động tại các xã theo lịch dưới đây.
👉 Ngày 12/11/2022: tại Hội trường UBND xã Tân An.
""", doc_type="Thông báo", subject="Về việc cấp Căn cước công dân lưu động tại các xã")
# A post that retypes a letter from its number down, under a slogan in capitals and the post's own sentence: the
# slogan is no letterhead; the body names the author.
case("""Trung tâm Y tế huyện Đông Khê
15 tháng 7, 2023 ·
🦟🦟 PHÒNG CHỐNG SỐT XUẤT HUYẾT - KHÔNG ĐỂ DỊCH BÙNG PHÁT 🦟🦟
Trung tâm Y tế huyện đã có văn bản gửi các Trạm Y tế. Nội dung như sau:
Số: 301/TTYT-KSBT
V/v tăng cường phòng, chống sốt xuất huyết
Đông Khê, ngày 14 tháng 7 năm 2023
Kính gửi: Trạm Y tế các xã, thị trấn.
Trung tâm Y tế huyện Đông Khê đề nghị Trạm Y tế các xã, thị trấn triển khai diệt lăng quăng tại hộ gia đình.
""", doc_number="301/TTYT-KSBT", issuer="Trung tâm Y tế huyện Đông Khê", issue_date="2023-07-14")

# A citizen app's view: its bar, the app's name, filters, the poster and time come before the title that is the
# letter's record; "Văn bản số ..." titles a công văn.
case("""20:13                                   5G  41%
‹  Thông tin từ chính quyền
TÂN AN SỐ - Ứng dụng công dân
Phường Tân An ▾   |   Tất cả  Thông báo  Cảnh báo
UBND phường Tân An · Thông báo
10:24 · 15/08/2025 · 1.208 lượt xem

Thông báo số 71/TB-UBND ngày 14/8/2025 của UBND phường Tân An về việc lấy ý kiến Nhân dân đối với dự thảo quy hoạch khu dân cư Bến Đò

UBND phường Tân An thông báo đến toàn thể Nhân dân khu phố 2 về việc lấy ý kiến đối với dự thảo quy hoạch.
""", doc_number="71/TB-UBND", issue_date="2025-08-14", doc_type="Thông báo", issuer="UBND phường Tân An",
     subject="về việc lấy ý kiến Nhân dân đối với dự thảo quy hoạch khu dân cư Bến Đò")
case("""CỔNG THÔNG TIN ĐIỆN TỬ TỈNH NAM SƠN
Chỉ đạo, điều hành > Văn bản của Trung ương

Văn bản số 905/VPCP-ĐMDN ngày 09/02/2026 của Văn phòng Chính phủ về việc ý kiến chỉ đạo của Thủ tướng Chính phủ đối với kiến nghị của tỉnh Nam Sơn
Ngày đăng: 12/02/2026 | Người đăng: Ban Biên tập

Kính gửi: Ủy ban nhân dân tỉnh Nam Sơn.
Xét đề nghị của Ủy ban nhân dân tỉnh Nam Sơn, Thủ tướng Chính phủ có ý kiến như sau:
""", doc_number="905/VPCP-ĐMDN", issue_date="2026-02-09", doc_type="Công văn", issuer="Văn phòng Chính phủ",
     subject="về việc ý kiến chỉ đạo của Thủ tướng Chính phủ đối với kiến nghị của tỉnh Nam Sơn")

# A record, then "NỘI DUNG" over a text whose first sentence opens with a day: no place and date line.
case("""THÔNG TIN VĂN BẢN
Số ký hiệu: 208/TB-VPCP
Ngày ban hành: 06/11/2017
Loại văn bản: Thông báo
Cơ quan ban hành: Văn phòng Chính phủ
Trích yếu: Kết luận của Phó Thủ tướng Chính phủ tại buổi làm việc với lãnh đạo tỉnh Nam Sơn

NỘI DUNG

Ngày 28 tháng 10 năm 2017, tại tỉnh Nam Sơn, Phó Thủ tướng Chính phủ đã làm việc với lãnh đạo tỉnh về tình hình kinh tế - xã hội.
""", doc_number="208/TB-VPCP", issue_date="2017-11-06", issuer="Văn phòng Chính phủ", place=None)

# A newspaper's posting line that starts with the weekday titles nothing; a headline naming a unit is no trích yếu.
case("""BÁO NAM SƠN ĐIỆN TỬ
Thời sự | Chính trị | Kinh tế
UBND tỉnh Nam Sơn yêu cầu các địa phương rà soát việc hỗ trợ người dân
Thứ Sáu, 22/10/2021 - 10:35 | Cập nhật: 22/10/2021 15:02

(BNS) - UBND tỉnh Nam Sơn vừa có công văn gửi UBND các huyện đề nghị rà soát, tổng hợp kết quả hỗ trợ người dân.
""", subject=None, issuer="UBND tỉnh Nam Sơn")

# "chỉ đạo của Bộ, ngày 07/3/2024, Sở ..." is a sentence in a news item, not a place and date line.
case("""Tin tức > Tin giáo dục
Bộ Giáo dục và Đào tạo lưu ý các địa phương về tuyển sinh lớp 10
(GDNS) - Ngày 06/3/2024, Bộ Giáo dục và Đào tạo có Công văn số 1046/BGDĐT-GDTrH gửi các sở giáo dục và đào tạo về việc thực hiện công tác tuyển sinh năm học 2024 - 2025.
Thực hiện chỉ đạo của Bộ, ngày 07/3/2024, Sở Giáo dục và Đào tạo Nam Sơn đã có Công văn số 512/SGDĐT-QLCL hướng dẫn các trường rà soát số liệu học sinh.
""", doc_number="1046/BGDĐT-GDTrH", issue_date="2024-03-06", place=None)


@pytest.mark.parametrize("text,want", CASES)
def test_web_page(text, want):
    got = EX.extract(text).to_json("page.txt")
    for field, value in want.items():
        assert got.get(field) == value, (field, got.get(field), value)
