"""Invented sample contexts of every kind of draft (for tests, the benchmark and demonstrations).

Names of people, letter numbers and subjects are made up; units are those of the default registry.
"""

from __future__ import annotations

from datetime import date

from notices.model import (
    Body,
    Citation,
    Consultation,
    CounterpartRow,
    DeemedAgreedContext,
    DigestContext,
    DigestItem,
    EscalationContext,
    InternalReminderContext,
    LateItem,
    LetterRef,
    NoncooperationContext,
    NoncooperationItem,
    ProgressContext,
    ReminderContext,
    ReportContext,
    Signer,
    Tally,
)

QLDT = Body(name="Phòng Quản lý đô thị", abbreviation="QLĐT", parent="Ủy ban nhân dân Quận 11",
            drafting_unit="XD")
WARD_5 = Body(name="Ủy ban nhân dân Phường 5", abbreviation="UBND", parent="Ủy ban nhân dân Quận 11")
DEPUTY = Signer(authority="KT. TRƯỞNG PHÒNG", title="Phó Trưởng phòng", name="Trần Văn Bình")
WARD_CHAIR = Signer(authority="TM. ỦY BAN NHÂN DÂN", title="Chủ tịch", name="Lê Thị Thu Hà")
CONSULTATION = LetterRef(number="245/QLĐT-XD", date=date(2026, 11, 2), issuer="Phòng Quản lý đô thị",
                         subject="góp ý phương án chỉnh trang vỉa hè đường Lạc Long Quân")
WARD_REQUEST = LetterRef(number="88/UBND", date=date(2026, 9, 14), issuer="Ủy ban nhân dân Phường 5",
                         subject="kiến nghị sửa chữa hệ thống thoát nước hẻm 120 đường Tân Hóa")


def reminder() -> ReminderContext:
    return ReminderContext(sender=QLDT, signer=DEPUTY, date=date(2026, 11, 20), unit="Ủy ban nhân dân Phường 5",
                           copies=("Trưởng phòng (để báo cáo)",), archive="VT, XD", letter=CONSULTATION,
                           due=date(2026, 11, 24), working_days_left=2, citation=Citation("điểm a khoản 3 Điều 7"))


def internal_reminder() -> InternalReminderContext:
    letter = LetterRef(number="512/UBND-VP", date=date(2026, 11, 10), issuer="Văn phòng Ủy ban nhân dân quận",
                       subject="lấy ý kiến dự thảo kế hoạch trật tự đô thị năm 2027")
    return InternalReminderContext(office="Phòng Quản lý đô thị", letter=letter, due=date(2026, 12, 1),
                                   working_days_left=3, citation=Citation("điểm a khoản 3 Điều 7"),
                                   date=date(2026, 11, 26))


def deemed_agreed() -> DeemedAgreedContext:
    return DeemedAgreedContext(sender=QLDT, signer=DEPUTY, date=date(2026, 11, 25), unit="Ủy ban nhân dân Phường 5",
                               copies=("Văn phòng Ủy ban nhân dân quận",), archive="VT, XD", letter=CONSULTATION,
                               due=date(2026, 11, 24), citation=Citation("điểm a khoản 3 Điều 7"), working_days=15)


def escalation() -> EscalationContext:
    items = (
        LateItem(unit="Phòng Quản lý đô thị", letter=WARD_REQUEST, sent=date(2026, 9, 15), due=date(2026, 10, 6),
                 working_days_late=7),
        LateItem(unit="Phòng Tài nguyên và Môi trường",
                 letter=LetterRef(number="91/UBND", date=date(2026, 9, 21), issuer="Ủy ban nhân dân Phường 5",
                                  subject="kiến nghị xử lý điểm tập kết rác tự phát"),
                 sent=date(2026, 9, 22), due=date(2026, 10, 13), working_days_late=2),
    )
    return EscalationContext(sender=WARD_5, signer=WARD_CHAIR, date=date(2026, 10, 15),
                             to=("Chủ tịch Ủy ban nhân dân Quận 11",), copies=("Văn phòng Ủy ban nhân dân quận",),
                             archive="VT", items=items, citations=(Citation("điểm b khoản 1 Điều 8"),))


def noncooperation() -> NoncooperationContext:
    request = LetterRef(number="131/UBND", date=date(2026, 9, 14), issuer="Ủy ban nhân dân Phường 5",
                        subject="phối hợp kiểm tra trật tự xây dựng hẻm 120 đường Tân Hóa")
    items = (
        NoncooperationItem(unit="Phòng Quản lý đô thị", letter=request, sent=date(2026, 9, 14),
                           due=date(2026, 10, 5), working_days_late=8, status="Chưa thực hiện, chưa có văn bản trả lời",
                           explain="Văn bản được nhận ngày 14/9/2026; theo điểm c khoản 3 Điều 7, thời hạn là 15 ngày "
                                   "làm việc; thời hạn kết thúc vào cuối ngày 05/10/2026."),
    )
    return NoncooperationContext(sender=WARD_5, signer=WARD_CHAIR, date=date(2026, 10, 16),
                                 to=("Chủ tịch Ủy ban nhân dân Quận 11",), copies=("Phòng Nội vụ (để tổng hợp)",),
                                 archive="VT", request=request, items=items,
                                 citation=Citation("điểm c khoản 3 Điều 7 và khoản 2 Điều 10"))


def progress() -> ProgressContext:
    consulted = (
        Consultation(unit="Phòng Tài chính - Kế hoạch", letter_number="260/QLĐT-XD", sent=date(2026, 9, 18),
                     due=date(2026, 10, 9), answered=date(2026, 10, 5)),
        Consultation(unit="Ban Quản lý dự án đầu tư xây dựng khu vực", letter_number="261/QLĐT-XD",
                     sent=date(2026, 9, 18), due=date(2026, 10, 9)),
    )
    return ProgressContext(sender=QLDT, signer=DEPUTY, date=date(2026, 10, 7), unit="Ủy ban nhân dân Phường 5",
                           archive="VT, XD", request=WARD_REQUEST, received=date(2026, 9, 15), consulted=consulted,
                           citation=Citation("điểm b khoản 1 Điều 8"))


def digest() -> DigestContext:
    return DigestContext(
        office="Phòng Quản lý đô thị", date=date(2026, 11, 23), week_start=date(2026, 11, 23),
        week_end=date(2026, 11, 27),
        overdue=(DigestItem("Ủy ban nhân dân Phường 8", "240/QLĐT-XD", "góp ý quy hoạch hẻm 45 Lò Siêu",
                            date(2026, 11, 18), "trễ 3 ngày làm việc"),),
        due_this_week=(DigestItem("Ủy ban nhân dân Phường 5", "245/QLĐT-XD", CONSULTATION.subject,
                                  date(2026, 11, 24)),),
        deemed_agreed=(),
        escalated=(DigestItem("Phòng Tài nguyên và Môi trường", "91/UBND", "xử lý điểm tập kết rác tự phát",
                              date(2026, 10, 13), "Phường 5 đã báo cáo Chủ tịch UBND quận"),),
        waiting_review=(DigestItem("Ủy ban nhân dân Phường 3", "77/UBND", "đề nghị cấp phép đào đường",
                                   None, "độ tin cậy trích xuất thấp"),),
    )


def report() -> ReportContext:
    rows = (
        CounterpartRow("Ủy ban nhân dân Phường 5", sent=Tally(6, 3, 1, 1, 0, 1), received=Tally(2, 2, 0, 0, 0, 0)),
        CounterpartRow("Ủy ban nhân dân Phường 8", sent=Tally(4, 2, 0, 2, 0, 0), received=Tally(1, 0, 1, 0, 0, 0)),
        CounterpartRow("Phòng Tài chính - Kế hoạch", sent=Tally(3, 3, 0, 0, 0, 0), received=Tally(5, 4, 1, 0, 0, 0)),
        CounterpartRow("Phòng Tài nguyên và Môi trường", sent=Tally(2, 1, 0, 0, 0, 1),
                       received=Tally(3, 2, 0, 0, 1, 0)),
    )
    return ReportContext(sender=QLDT, signer=DEPUTY, date=date(2026, 11, 10),
                         to=("Ủy ban nhân dân Quận 11 (qua Phòng Nội vụ)",), archive="VT, NV", period="2026-H2",
                         rows=rows)


SAMPLES = {
    "reminder": reminder,
    "internal_reminder": internal_reminder,
    "deemed_agreed": deemed_agreed,
    "escalation": escalation,
    "noncooperation": noncooperation,
    "progress": progress,
    "digest": digest,
    "report": report,
}
