"""Vietnamese labels and formats for the templates (values are computed in the views; templates only format)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

LOCAL = timezone(timedelta(hours=7))

LETTER_STATUS = {"new": "Đã đọc tự động", "needs_review": "Chờ xác nhận", "confirmed": "Đã xác nhận", "secret": "Văn bản mật",
                 "needs_ocr": "Cần nhận dạng chữ", "needs_password": "Cần mật khẩu", "unreadable": "Không đọc được"}
OB_STATE = {"open": "Đang trong hạn", "answered": "Đã trả lời", "deemed_agreed": "Xem như đồng ý",
            "escalated": "Đã báo cáo cấp trên", "overdue": "Quá hạn", "withdrawn": "Đã rút",
            "superseded": "Được thay thế"}
DRAFT_STATUS = {"drafted": "Chờ duyệt", "pending": "Chờ duyệt", "approved": "Đã duyệt", "discarded": "Đã hủy",
                "signed": "Đã ký, vào số", "delivered": "Đã đưa vào thư nháp", "appended": "Đã đưa vào thư nháp",
                "sent": "Đã gửi"}
DRAFT_KIND = {"reminder": "Nhắc hạn", "deemed_agreed": "Xem như đồng ý", "escalation": "Báo cáo vượt hạn",
              "progress": "Thông tin tiến độ", "digest": "Tin tổng hợp tuần", "report": "Báo cáo 6 tháng",
              "alert": "Cảnh báo"}
FIELDS = {"doc_number": "Số, ký hiệu", "doc_type": "Loại văn bản", "issuer": "Cơ quan ban hành",
          "place": "Địa danh", "issue_date": "Ngày ban hành", "subject": "Trích yếu", "urgency": "Độ khẩn",
          "secrecy": "Độ mật", "recipients": "Nơi nhận", "lead_units": "Đơn vị chủ trì",
          "cooperating_units": "Đơn vị phối hợp", "deadlines": "Thời hạn", "meeting": "Cuộc họp",
          "replies_to": "Phúc đáp văn bản", "status": "Trạng thái", "extraction": "Nội dung trích xuất",
          "due_date": "Hạn", "state": "Trạng thái", "deadline": "Hạn trả lời (dd/mm/yyyy)",
          "issuer_unit_id": "Mã cơ quan ban hành"}
ROLE_OF_UNIT = {"addressee": "Nơi nhận", "lead": "Chủ trì", "cooperating": "Phối hợp", "self": "Đơn vị mình"}
BASIS = {"statutory": "thời hạn luật định", "requested": "thời hạn văn bản yêu cầu", "default": "thời hạn mặc định",
         "capped": "thời hạn yêu cầu vượt mức tối đa, đã giới hạn", "fixed_date": "ngày cụ thể ghi trong văn bản"}
DIRECTION = {"in": "Đến", "out": "Đi"}
ACTION = {"create": "Tạo", "edit": "Sửa", "state": "Chuyển trạng thái", "flag": "Lưu ý"}


def vn_date(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, datetime):
        value = local(value)
    return value.strftime("%d/%m/%Y")


def local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(LOCAL)


def vn_datetime(value) -> str:
    if not isinstance(value, datetime):
        return vn_date(value)
    return local(value).strftime("%d/%m/%Y %H:%M")


def percent(value) -> str:
    return "—" if value is None else f"{value * 100:.0f}%".replace(".", ",")


def today() -> date:
    return datetime.now(LOCAL).date()


def install(app) -> None:
    env = app.jinja_env
    env.filters.update(vn_date=vn_date, vn_datetime=vn_datetime, percent=percent,
                       field_labels=lambda names: ", ".join(FIELDS.get(n, n) for n in names))
    env.globals.update(LETTER_STATUS=LETTER_STATUS, OB_STATE=OB_STATE, DRAFT_STATUS=DRAFT_STATUS,
                       DRAFT_KIND=DRAFT_KIND, FIELDS=FIELDS, ROLE_OF_UNIT=ROLE_OF_UNIT, BASIS=BASIS,
                       DIRECTION=DIRECTION, ACTION=ACTION)

    @app.context_processor
    def _nav():
        from flask import g

        user = getattr(g, "user", None)
        if user is None:
            return {"nav_counts": {}}
        from tracker import queries
        from web.app import office_tracker

        tracker = office_tracker()
        office = tracker.registry.get(user.office_id)
        return {"nav_counts": queries.counts(tracker), "office_name": office.name if office else user.office_id}
