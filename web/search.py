"""Tìm kiếm and Sổ văn bản đến: the register branch's use cases (search that ignores diacritics and case, the
arrival register and its exports) behind a form."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from web.app import login_required, office_tracker, page_args

bp = Blueprint("search", __name__)

STATES = {"": "Mọi trạng thái", "waiting": "Chờ văn thư xử lý", "confirmed": "Đã xác nhận", "open": "Còn nghĩa vụ đang chờ",
          "overdue": "Có nghĩa vụ quá hạn", "deemed_agreed": "Xem như đồng ý", "escalated": "Đã báo cáo cấp trên",
          "answered": "Đã được trả lời"}


@bp.route("/tim-kiem")
@login_required()
def index():
    from tracker import service

    args = {k: (request.args.get(k) or "").strip() for k in ("q", "so", "don-vi", "tu", "den", "trang-thai", "huong")}
    rows, total, error, searched = [], 0, None, any(args.values())
    page, limit, offset = page_args()
    if searched:
        try:
            date_from = service.parse_user_date(args["tu"]) if args["tu"] else None
            date_to = service.parse_user_date(args["den"]) if args["den"] else None
            found = service.search_letters(office_tracker(), q=args["q"] or None, number=args["so"] or None,
                                           unit=args["don-vi"] or None, date_from=date_from, date_to=date_to,
                                           state=args["trang-thai"] or None,
                                           direction=args["huong"] if args["huong"] in ("in", "out") else None,
                                           limit=limit, offset=offset)
            rows, total = found.items, found.total
        except ValueError as exc:
            error = str(exc)
    return render_template("search.html", args=args, rows=rows, total=total, error=error, searched=searched,
                           states=STATES, page=page, pages=max(1, -(-total // limit))), 400 if error else 200
