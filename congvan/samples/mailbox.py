"""The demo mailbox: UBND Phường 5 (Quận 11) in the first half of 2025, before the 1/7/2025 restructuring.

    python -m congvan.samples.mailbox --out congvan/samples/demo/

writes ``INBOX/*.eml``, ``Sent/*.eml`` and ``scenario.toml`` (the office, the folders, the sweep dates and what each
obligation is expected to come to). Everything is fixed (Message-IDs, dates, boundaries, document metadata), so a
regeneration gives identical bytes. People, numbers, streets and addresses are invented.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from congvan.samples.letters import ICT, Letter, Meeting, forward, plain_email

OFFICE = "q11.p5"
OFFICE_ADDRESS = "phuong5@quan11.example"
CHAIRMAN_P5 = {"signer_authority": ("TM. ỦY BAN NHÂN DÂN",), "signer_title": "CHỦ TỊCH",
               "signer_name": "Ngô Thị Bích Hạnh"}
SWEEP_DATES = (
    (date(2025, 2, 13), "nhắc hạn: Phòng TNMT và UBND Phường 14 còn 2 ngày làm việc (hạn 17/02) cho Công văn 12/UBND-ĐT"),
    (date(2025, 2, 18), "xem như đồng ý: Phòng TNMT và UBND Phường 14 không trả lời Công văn 12/UBND-ĐT"),
    (date(2025, 3, 20), "nhắc hạn: Phòng QLĐT (Công văn 58/UBND-ĐT, hạn 24/3); phường còn nợ ý kiến sau cuộc họp 12/3 (hạn 21/3)"),
    (date(2025, 3, 26), "báo cáo Chủ tịch UBND quận: Phòng QLĐT không trả lời kiến nghị 58/UBND-ĐT; phường quá hạn ý kiến sau họp"),
    (date(2025, 4, 23), "phường còn nợ ý kiến cho Công văn 392/KT, hạn thứ Bảy làm bù 26/4/2025"),
    (date(2025, 5, 22), "Công văn KHẨN 845/VP hạn 23/5; Phòng VHTT còn hạn đến 27/5 cho Công văn 121/UBND-VHXH"),
    (date(2025, 5, 28), "quá hạn (không xem như đồng ý, Đ.7.3.c): Phòng VHTT (121/UBND-VHXH), đôn đốc; phường quá hạn 845/VP và thư của Phòng Y tế"),
    (date(2025, 6, 2), "báo cáo tổng hợp cho lãnh đạo"),
    (date(2025, 6, 4), "Phòng VHTT vẫn chưa thực hiện: báo cáo UBND quận, gửi Phòng Nội vụ (Đ.10.2)"),
)


@dataclass(frozen=True)
class DemoMessage:
    folder: str
    name: str
    raw: bytes
    message_id: str
    comment: str
    letter: Letter | None = None
    attach: str | None = None


@dataclass(frozen=True)
class Expected:
    """One unit's obligation in the demo and what it is expected to come to."""

    letter: str
    owed_by: str
    owed_to: str
    rule: str
    received: date
    due: date
    outcome: str  # answered | deemed_agreed | escalate | overdue
    answered: date | None = None
    note: str = ""
    requested: dict = field(default_factory=dict)


def _at(y: int, m: int, d: int, hh: int, mm: int) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=ICT)


def _mid(slug: str, domain: str = "quan11.example") -> str:
    return f"<demo-{slug}@{domain}>"


# -- the letters --------------------------------------------------------------------------------------------------

L12 = Letter.cong_van(
    by=OFFICE, number=12, symbol="UBND-ĐT", issued=date(2025, 1, 20),
    subject="lấy ý kiến dự thảo Kế hoạch chỉnh trang vỉa hè trên địa bàn Phường 5 năm 2025",
    recipients=("q11.qldt", "q11.tnmt", "q11.p14"),
    body_paragraphs=(
        "Thực hiện Chương trình công tác năm 2025, Ủy ban nhân dân Phường 5 đã xây dựng dự thảo Kế hoạch chỉnh "
        "trang vỉa hè, lối đi bộ trên các tuyến đường Bàu Sen Mới, Kênh Tre và các hẻm chính thuộc khu phố 1, "
        "khu phố 3 (dự thảo gửi kèm theo).",
        "Để hoàn chỉnh dự thảo trước khi ban hành, Ủy ban nhân dân Phường 5 đề nghị Phòng Quản lý đô thị, "
        "Phòng Tài nguyên và Môi trường và Ủy ban nhân dân Phường 14 nghiên cứu, có ý kiến góp ý bằng văn bản "
        "gửi về Ủy ban nhân dân Phường 5 (qua bộ phận Địa chính - Xây dựng, thư điện tử phuong5@quan11.example).",
        "Trong quá trình nghiên cứu, nếu cần trao đổi thêm, đề nghị liên hệ ông Lâm Gia Huy, công chức Địa chính "
        "- Xây dựng Phường 5.",
        "Ủy ban nhân dân Phường 5 trân trọng cảm ơn sự phối hợp của quý cơ quan, đơn vị.",
    ),
    archive="VT, ĐT",
)

L214 = Letter.cong_van(
    by="q11.qldt", number=214, symbol="QLĐT-HT", issued=date(2025, 2, 10),
    subject="góp ý dự thảo Kế hoạch chỉnh trang vỉa hè trên địa bàn Phường 5 năm 2025",
    recipients=(OFFICE,),
    body_paragraphs=(
        "Phúc đáp Công văn số 12/UBND-ĐT ngày 20/01/2025 của UBND Phường 5 về việc lấy ý kiến dự thảo Kế hoạch "
        "chỉnh trang vỉa hè trên địa bàn Phường 5 năm 2025, Phòng Quản lý đô thị có ý kiến như sau:",
        "1. Phòng Quản lý đô thị thống nhất với mục tiêu, phạm vi và các tuyến đường được chọn trong dự thảo.",
        "2. Đề nghị bổ sung tiến độ thi công theo từng tuyến, phương án bảo đảm lối đi cho người khuyết tật và "
        "trách nhiệm hoàn trả mặt bằng vỉa hè sau khi thi công.",
        "3. Các hạng mục có đào vỉa hè để lắp đặt hạ tầng kỹ thuật phải được cấp phép theo quy định; Phòng Quản lý "
        "đô thị sẵn sàng hướng dẫn khi phường có đề nghị.",
        "Phòng Quản lý đô thị gửi Ủy ban nhân dân Phường 5 để tổng hợp, hoàn chỉnh dự thảo.",
    ),
    cc=("Lãnh đạo Phòng",),
    archive="VT, HT",
)

L58 = Letter.cong_van(
    by=OFFICE, number=58, symbol="UBND-ĐT", issued=date(2025, 3, 3),
    subject="kiến nghị xử lý tình trạng ngập nước tại hẻm 46 đường Kênh Tre",
    recipients=("q11.qldt",),
    body_paragraphs=(
        "Thời gian qua, mỗi khi có mưa lớn, hẻm 46 đường Kênh Tre, khu phố 3, Phường 5 thường bị ngập sâu từ "
        "0,3 m đến 0,5 m trong nhiều giờ, ảnh hưởng đến sinh hoạt và việc đi lại của khoảng 120 hộ dân. Qua kiểm "
        "tra thực tế, tuyến cống thoát nước trong hẻm có tiết diện nhỏ, nhiều đoạn bị bồi lắng và hư hỏng.",
        "Ủy ban nhân dân Phường 5 kiến nghị Phòng Quản lý đô thị kiểm tra hiện trạng, đề xuất phương án cải tạo "
        "tuyến cống thoát nước hẻm 46 đường Kênh Tre và trả lời bằng văn bản cho Ủy ban nhân dân Phường 5 để "
        "thông tin đến người dân.",
        "Gửi kèm theo công văn này biên bản kiểm tra hiện trạng ngày 25/02/2025 và hình ảnh ghi nhận tại hiện "
        "trường.",
        "Rất mong nhận được sự quan tâm, giải quyết của Phòng Quản lý đô thị.",
    ),
    cc=("Thường trực Đảng ủy Phường 5",),
    archive="VT, ĐT",
    **CHAIRMAN_P5,
)

GM37 = Letter.giay_moi(
    by="q11.tnmt", number=37, issued=date(2025, 3, 5),
    subject="Dự họp góp ý dự thảo Phương án thu gom, vận chuyển chất thải rắn sinh hoạt năm 2025",
    recipients=(OFFICE, "q11.p14", "q11.p15"),
    body_paragraphs=(
        "Phòng Tài nguyên và Môi trường tổ chức họp góp ý dự thảo Phương án thu gom, vận chuyển chất thải rắn "
        "sinh hoạt trên địa bàn Quận 11 năm 2025, cụ thể như sau:",
        "Thành phần: đại diện lãnh đạo Ủy ban nhân dân phường và công chức phụ trách môi trường của phường.",
        "Dự thảo Phương án được gửi kèm Giấy mời này. Đề nghị các đơn vị nghiên cứu trước, phát biểu ý kiến tại "
        "cuộc họp và gửi ý kiến góp ý bằng văn bản về Phòng Tài nguyên và Môi trường sau cuộc họp để tổng hợp.",
        "Rất mong quý đại biểu tham dự đúng thành phần, thời gian.",
    ),
    meeting=Meeting(start=datetime(2025, 3, 12, 8, 0), place="Phòng họp số 2, UBND Quận 11",
                    chair="Bà Huỳnh Thị Ngọc Lan, Phó Trưởng phòng Tài nguyên và Môi trường"),
    archive="VT, MT",
)

L392 = Letter.cong_van(
    by="q11.kt", number=392, symbol="KT", issued=date(2025, 4, 14),
    subject="lấy ý kiến dự thảo Phương án quản lý chợ truyền thống trên địa bàn quận giai đoạn 2025 - 2027",
    recipients=(OFFICE,),
    body_paragraphs=(
        "Thực hiện chỉ đạo của Ủy ban nhân dân Quận 11 về nâng cao hiệu quả quản lý chợ truyền thống, Phòng Kinh "
        "tế đã xây dựng dự thảo Phương án quản lý chợ truyền thống trên địa bàn quận giai đoạn 2025 - 2027 (đính "
        "kèm).",
        "Do Phương án liên quan trực tiếp đến chợ Bàu Sen Mới trên địa bàn Phường 5, Phòng Kinh tế đề nghị Ủy ban "
        "nhân dân Phường 5 có ý kiến góp ý bằng văn bản gửi về Phòng Kinh tế chậm nhất ngày 26/4/2025 để tổng hợp, "
        "trình Ủy ban nhân dân quận.",
        "Quá thời hạn trên, nếu Ủy ban nhân dân Phường 5 không có ý kiến, Phòng Kinh tế xem như Ủy ban nhân dân "
        "Phường 5 thống nhất với dự thảo.",
    ),
    archive="VT",
)

L103 = Letter.cong_van(
    by=OFFICE, number=103, symbol="UBND-KT", issued=date(2025, 4, 24),
    subject="góp ý dự thảo Phương án quản lý chợ truyền thống trên địa bàn quận giai đoạn 2025 - 2027",
    recipients=("q11.kt",),
    body_paragraphs=(
        "Phúc đáp Công văn số 392/KT ngày 14/4/2025 của Phòng Kinh tế về việc lấy ý kiến dự thảo Phương án quản lý "
        "chợ truyền thống trên địa bàn quận giai đoạn 2025 - 2027, Ủy ban nhân dân Phường 5 có ý kiến như sau:",
        "1. Thống nhất với nội dung dự thảo Phương án.",
        "2. Đề nghị bổ sung quy định về giờ bốc dỡ hàng hóa tại chợ Bàu Sen Mới để hạn chế ùn tắc trên đường "
        "Kênh Tre vào sáng sớm, và bố trí điểm tập kết rác riêng cho khu vực bán hàng tươi sống.",
        "Ủy ban nhân dân Phường 5 gửi Phòng Kinh tế tổng hợp.",
    ),
    archive="VT, KT",
)

L121 = Letter.cong_van(
    by=OFFICE, number=121, symbol="UBND-VHXH", issued=date(2025, 5, 6),
    subject="phối hợp kiểm tra hoạt động quảng cáo ngoài trời trên địa bàn Phường 5",
    recipients=("q11.vhtt",),
    body_paragraphs=(
        "Thực hiện Kế hoạch số 47/KH-UBND ngày 15/4/2025 của Ủy ban nhân dân Phường 5 về chấn chỉnh hoạt động "
        "quảng cáo ngoài trời trên địa bàn phường;",
        "Ủy ban nhân dân Phường 5 đề nghị Phòng Văn hóa và Thông tin phối hợp kiểm tra các bảng quảng cáo, biển "
        "hiệu lắp đặt không đúng quy định trên các tuyến đường Bàu Sen Mới và Kênh Tre, cử công chức tham gia Đoàn "
        "kiểm tra liên ngành của phường và có ý kiến bằng văn bản về phương án xử lý trong thời hạn 20 ngày làm "
        "việc kể từ ngày nhận được công văn này.",
        "Đầu mối liên hệ: bà Phan Thị Diễm Kiều, công chức Văn hóa - Xã hội Phường 5.",
    ),
    archive="VT, VHXH",
)

L845 = Letter.cong_van(
    by="q11.vp", number=845, symbol="VP", issued=date(2025, 5, 20), urgency="Khẩn",
    subject="báo cáo nhanh kết quả ra quân khơi thông cống rãnh, phòng chống ngập đầu mùa mưa năm 2025",
    recipients=(OFFICE, "q11.p14"),
    body_paragraphs=(
        "Thực hiện chỉ đạo của Chủ tịch Ủy ban nhân dân quận về công tác phòng, chống ngập đầu mùa mưa năm 2025, "
        "Văn phòng Ủy ban nhân dân quận đề nghị Ủy ban nhân dân các phường báo cáo nhanh kết quả ra quân khơi "
        "thông cống rãnh, thu gom rác thải tại các điểm ngập trên địa bàn (số điểm đã xử lý, khối lượng rác, bùn "
        "đất đã thu gom, kiến nghị nếu có).",
        "Báo cáo gửi về Văn phòng Ủy ban nhân dân quận trong thời hạn 03 ngày làm việc kể từ ngày nhận được công "
        "văn này, đồng thời gửi bản điện tử qua thư điện tử vp@quan11.example để tổng hợp, báo cáo Chủ tịch Ủy "
        "ban nhân dân quận.",
        "Đây là nội dung khẩn, đề nghị Ủy ban nhân dân các phường quan tâm thực hiện đúng thời hạn.",
    ),
    cc=("Chủ tịch UBND quận (để báo cáo)",),
    archive="VT, TH",
)

YT_BODY = """Kính gửi: Ủy ban nhân dân Phường 5.

Để kịp tổng hợp báo cáo Ủy ban nhân dân quận về công tác chăm sóc sức khỏe người cao tuổi, Phòng Y tế đề nghị \
Ủy ban nhân dân Phường 5 cung cấp gấp các số liệu sau trên địa bàn phường:
- số người cao tuổi từ 80 tuổi trở lên;
- số người cao tuổi sống neo đơn;
- số người cao tuổi đã được khám sức khỏe định kỳ trong 5 tháng đầu năm 2025.

Số liệu đề nghị gửi qua thư điện tử yt@quan11.example trước 16 giờ 00 ngày 27/5/2025. Do yêu cầu gấp, Phòng Y tế \
liên hệ qua thư điện tử và sẽ gửi văn bản chính thức sau.

Trân trọng.
--
Võ Thị Kim Mai
Trưởng phòng Y tế Quận 11
"""


def build() -> list[DemoMessage]:
    """Every message of the demo mailbox, in date order within each folder."""
    out: list[DemoMessage] = []

    def letter_mail(folder, name, letter, *, sender, to, when, attach, slug, comment, **kw):
        mid = _mid(slug)
        raw = letter.as_email(sender=sender, to=to, date=when, attach=attach, message_id=mid, **kw)
        out.append(DemoMessage(folder, name, raw, mid, comment, letter, attach))
        return mid

    letter_mail("Sent", "20250120-0912-ubnd-dt-12.eml", L12, sender=OFFICE,
                to=("q11.qldt", "q11.tnmt", "q11.p14"), when=_at(2025, 1, 20, 9, 12), attach="pdf",
                slug="p5-12-ubnd-dt",
                comment="(a) lấy ý kiến bằng văn bản, không nêu thời hạn: 15 ngày làm việc qua Tết")
    letter_mail("INBOX", "20250210-1435-qldt-214.eml", L214, sender="q11.qldt", to=(OFFICE,),
                when=_at(2025, 2, 10, 14, 35), attach="docx", slug="qldt-214-qldt-ht",
                in_reply_to=_mid("p5-12-ubnd-dt"),
                comment="(a) Phòng QLĐT trả lời Công văn 12/UBND-ĐT")
    letter_mail("Sent", "20250303-1005-ubnd-dt-58.eml", L58, sender=OFFICE, to=("q11.qldt",),
                when=_at(2025, 3, 3, 10, 5), attach="pdf", slug="p5-58-ubnd-dt",
                comment="(b) kiến nghị của phường (Đ.8.1.b): không trả lời thì báo cáo Chủ tịch UBND quận")
    letter_mail("INBOX", "20250305-1520-tnmt-gm-37.eml", GM37, sender="q11.tnmt",
                to=(OFFICE, "q11.p14", "q11.p15"), when=_at(2025, 3, 5, 15, 20), attach="pdf",
                slug="tnmt-37-gm-tnmt",
                comment="(c) giấy mời họp 08 giờ 00 ngày 12/3/2025; ý kiến bằng văn bản sau cuộc họp")
    mid392 = letter_mail("INBOX", "20250414-0940-kt-392.eml", L392, sender="q11.kt", to=(OFFICE,),
                         when=_at(2025, 4, 14, 9, 40), attach="docx", slug="kt-392-kt",
                         comment="(d) Phòng Kinh tế hỏi ý kiến trước ngày 26/4/2025 (thứ Bảy làm bù)")
    letter_mail("Sent", "20250424-1610-ubnd-kt-103.eml", L103, sender=OFFICE, to=("q11.kt",),
                when=_at(2025, 4, 24, 16, 10), attach="body", slug="p5-103-ubnd-kt", in_reply_to=mid392,
                comment="(d) phường trả lời Công văn 392/KT, văn bản trong thân thư")
    letter_mail("Sent", "20250506-0855-ubnd-vhxh-121.eml", L121, sender=OFFICE, to=("q11.vhtt",),
                when=_at(2025, 5, 6, 8, 55), attach="pdf", slug="p5-121-ubnd-vhxh",
                comment="(e) đề nghị phối hợp, 20 ngày làm việc: giới hạn 15 ngày (Đ.7.3.c)")
    letter_mail("INBOX", "20250520-0847-vp-845.eml", L845, sender="q11.vp", to=(OFFICE, "q11.p14"),
                when=_at(2025, 5, 20, 8, 47), attach="pdf", slug="vp-845-vp",
                comment="(f) KHẨN: báo cáo trong 03 ngày làm việc")
    direct = out[-1].raw
    fwd_mid = _mid("fwd-vp-845")
    out.append(DemoMessage(
        "INBOX", "20250520-1005-fwd-vp-845.eml",
        forward(direct, sender=("Trần Minh Khoa", "tmkhoa@quan11.example"), to=(OFFICE,),
                date=_at(2025, 5, 20, 10, 5), message_id=fwd_mid,
                note="Chuyển Văn thư vào sổ công văn đến và trình Chủ tịch. Văn bản khẩn, hạn báo cáo 03 ngày "
                     "làm việc."),
        fwd_mid, "(h) cùng Công văn 845/VP (cùng tệp PDF) do Phó Chủ tịch phường chuyển tiếp: một văn bản, "
                 "hai nguồn", L845, "pdf"))
    yt_mid = _mid("yt-email-20250526")
    out.append(DemoMessage(
        "INBOX", "20250526-1020-yt-email.eml",
        plain_email(sender="q11.yt", to=(OFFICE,), date=_at(2025, 5, 26, 10, 20), message_id=yt_mid,
                    subject="Đề nghị cung cấp gấp số liệu người cao tuổi trên địa bàn phường", body=YT_BODY,
                    urgent=True),
        yt_mid, "(g) yêu cầu gấp qua thư điện tử, không có văn bản (Đ.4.5)"))
    return out


EXPECTED: tuple[Expected, ...] = (
    Expected("12/UBND-ĐT", "q11.qldt", OFFICE, "written", date(2025, 1, 20), date(2025, 2, 17), "answered",
             answered=date(2025, 2, 10), note="trả lời bằng Công văn 214/QLĐT-HT ngày 10/02/2025"),
    Expected("12/UBND-ĐT", "q11.tnmt", OFFICE, "written", date(2025, 1, 20), date(2025, 2, 17), "deemed_agreed",
             note="15 ngày làm việc, bỏ qua Tết 25/01-02/02/2025"),
    Expected("12/UBND-ĐT", "q11.p14", OFFICE, "written", date(2025, 1, 20), date(2025, 2, 17), "deemed_agreed"),
    Expected("58/UBND-ĐT", "q11.qldt", OFFICE, "ward-recommendation", date(2025, 3, 3), date(2025, 3, 24),
             "escalate", note="Đ.8.1.b: không xem như đồng ý; Chủ tịch UBND Phường 5 báo cáo Chủ tịch UBND quận"),
    Expected("37/GM-TNMT", OFFICE, "q11.tnmt", "meeting", date(2025, 3, 12), date(2025, 3, 21), "deemed_agreed",
             note="7 ngày làm việc sau cuộc họp ngày 12/3/2025 (Đ.7.3.b); phường không gửi ý kiến"),
    Expected("392/KT", OFFICE, "q11.kt", "written", date(2025, 4, 14), date(2025, 4, 26), "answered",
             answered=date(2025, 4, 24), requested={"requested_due": date(2025, 4, 26)},
             note="hạn do đơn vị chủ trì yêu cầu, thứ Bảy 26/4/2025 là ngày làm bù; trả lời bằng 103/UBND-KT"),
    Expected("121/UBND-VHXH", "q11.vhtt", OFFICE, "other", date(2025, 5, 6), date(2025, 5, 27), "overdue",
             requested={"requested_working_days": 20},
             note="yêu cầu 20 ngày làm việc, giới hạn 15 (Đ.7.3.c); quá hạn thì đôn đốc rồi báo cáo (Đ.10.2)"),
    Expected("845/VP", OFFICE, "q11.vp", "written", date(2025, 5, 20), date(2025, 5, 23), "overdue",
             requested={"requested_working_days": 3, "urgent": True},
             note="KHẨN, 03 ngày làm việc; đến hai lần (trực tiếp và chuyển tiếp)"),
)


# -- scenario.toml ------------------------------------------------------------------------------------------------


def _toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def scenario_toml(messages: list[DemoMessage]) -> str:
    lines = [
        "# The demo mailbox of congvan: UBND Phường 5, Quận 11, January-June 2025 (before the 1/7/2025 restructuring).",
        "# Generated by `python -m congvan.samples.mailbox --out congvan/samples/demo/`; do not edit by hand.",
        "# People, numbers, streets and addresses are invented. Due dates were computed with",
        "# `congvan due --from DATE --rule RULE --json` (Đ.147 BLDS: the day of receipt is not counted).",
        "",
        "[office]",
        f"unit = {_toml_str(OFFICE)}",
        'name = "Ủy ban nhân dân Phường 5"',
        f"addresses = [{_toml_str(OFFICE_ADDRESS)}]",
        "",
        "[folders]",
        'inbox = "INBOX"',
        'sent = "Sent"',
        'drafts = "Drafts"',
        "",
        "[sweep]",
        "# What each sweep is expected to show:",
    ]
    for day, what in SWEEP_DATES:
        lines.append(f"#   {day.isoformat()}: {what}")
    lines.append("dates = [" + ", ".join(d.isoformat() for d, _ in SWEEP_DATES) + "]")
    for m in messages:
        lines += ["", "[[message]]", f"# {m.comment}", f"file = {_toml_str(f'{m.folder}/{m.name}')}",
                  f"folder = {_toml_str(m.folder)}", f"message_id = {_toml_str(m.message_id)}"]
        if m.letter is not None:
            lines += [f"letter = {_toml_str(m.letter.doc_number)}", f"kind = {_toml_str(m.letter.kind)}",
                      f"issued = {m.letter.issued.isoformat()}", f"attach = {_toml_str(m.attach or '')}"]
    for e in EXPECTED:
        lines += ["", "[[obligation]]"]
        if e.note:
            lines.append(f"# {e.note}")
        lines += [f"letter = {_toml_str(e.letter)}", f"owed_by = {_toml_str(e.owed_by)}",
                  f"owed_to = {_toml_str(e.owed_to)}", f"rule = {_toml_str(e.rule)}",
                  f"received = {e.received.isoformat()}  # not counted",
                  f"due = {e.due.isoformat()}", f"outcome = {_toml_str(e.outcome)}"]
        if e.answered:
            lines.append(f"answered = {e.answered.isoformat()}")
        for k, v in e.requested.items():
            value = v.isoformat() if isinstance(v, date) else ("true" if v is True else str(v))
            lines.append(f"{k} = {value}")
    return "\n".join(lines) + "\n"


def write(out: Path) -> list[Path]:
    """Writes the mailbox under ``out`` (removing .eml files no longer generated); returns the files written."""
    messages = build()
    written: list[Path] = []
    for folder in ("INBOX", "Sent"):
        (out / folder).mkdir(parents=True, exist_ok=True)
        keep = {m.name for m in messages if m.folder == folder}
        for stale in (out / folder).glob("*.eml"):
            if stale.name not in keep:
                stale.unlink()
    for m in messages:
        path = out / m.folder / m.name
        path.write_bytes(m.raw)
        written.append(path)
    scenario = out / "scenario.toml"
    scenario.write_text(scenario_toml(messages), encoding="utf-8")
    written.append(scenario)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("demo"))
    args = parser.parse_args(argv)
    for path in write(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
