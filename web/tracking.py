"""Theo dõi: every unit's obligations by due day; why each due day is what it is; close, extend, withdraw."""

from __future__ import annotations

from flask import Blueprint, abort, g, redirect, render_template, request, url_for

from tracker import queries
from web.app import login_required, office_tracker, page_args
from web.labels import today

bp = Blueprint("tracking", __name__)

FILTERS = {
    "can-xu-ly": ("Cần theo dõi", ("open", "overdue")),
    "qua-han": ("Đã quá hạn", ("open", "overdue")),
    "xem-nhu-dong-y": ("Xem như đồng ý", ("deemed_agreed",)),
    "bao-cao": ("Đã báo cáo cấp trên", ("escalated",)),
    "da-tra-loi": ("Đã trả lời", ("answered",)),
    "da-rut": ("Đã rút", ("withdrawn", "superseded")),
    "tat-ca": ("Tất cả", ()),
}
VIA = ("giấy", "hệ thống quản lý văn bản", "thư điện tử", "khác")


def decorate(row: dict, day) -> dict:
    """What the list shows beside the state: overdue, provisional (letter not confirmed yet)."""
    row["overdue"] = row["state"] == "overdue" or (row["state"] == "open" and row["due_date"] < day)
    row["provisional"] = bool(row.get("provisional")) or row.get("letter_status") in queries.q.WAITING
    return row


@bp.route("/theo-doi")
@login_required()
def index():
    tracker = office_tracker()
    key = request.args.get("loc") if request.args.get("loc") in FILTERS else "can-xu-ly"
    unit_id = request.args.get("don-vi") or None
    day = today()
    page, limit, offset = page_args(100)
    due_to = None
    if key == "qua-han":
        from datetime import timedelta

        due_to = day - timedelta(days=1)
    rows, more = queries.list_obligations(tracker, states=FILTERS[key][1], unit_id=unit_id, due_to=due_to,
                                          limit=limit, offset=offset)
    rows = [decorate(r, day) for r in rows]
    return render_template("obligations.html", rows=rows, page=page, pages=page + 1 if more else page,
                           filters=FILTERS, key=key, unit_id=unit_id, units=_units(tracker, day), today=day)


def _units(tracker, day):
    """The units of the filter: the registry's, those still in existence first (no count over obligations)."""
    units = [u for u in tracker.registry if u.kind != "city"]
    return sorted(units, key=lambda u: (not u.valid_on(day), u.kind != "department", u.name))


def _detail(ob_id: int) -> dict:
    try:
        return queries.obligation_detail(office_tracker(), ob_id)
    except queries.Missing:
        abort(404)


@bp.route("/theo-doi/<int:ob_id>")
@login_required()
def detail(ob_id: int, error: str | None = None, status: int = 200):
    row = decorate(_detail(ob_id), today())
    return render_template("obligation.html", ob=row, error=error, via=VIA, user=g.user), status


def _act(ob_id: int, call):
    from tracker import service

    _detail(ob_id)  # 404 for another office's id before anything else
    try:
        call(service, office_tracker())
    except ValueError as exc:
        return detail(ob_id, error=str(exc), status=400)
    return redirect(url_for("tracking.detail", ob_id=ob_id, ok=1))


def _form(name: str) -> str:
    return (request.form.get(name) or "").strip()


@bp.route("/theo-doi/<int:ob_id>/dong", methods=["POST"])
@login_required("close_obligation")
def close(ob_id: int):
    return _act(ob_id, lambda s, t: s.close_obligation(
        t, ob_id, actor=g.user.name, answer_number=_form("answer_number"),
        answer_date=s.parse_user_date(_form("answer_date")), via=_form("via"), note=_form("note") or None))


@bp.route("/theo-doi/<int:ob_id>/gia-han", methods=["POST"])
@login_required("extend_obligation")
def extend(ob_id: int):
    return _act(ob_id, lambda s, t: s.extend_obligation(
        t, ob_id, actor=g.user.name, new_due=s.parse_user_date(_form("new_due")), reason=_form("reason")))


@bp.route("/theo-doi/<int:ob_id>/rut", methods=["POST"])
@login_required("withdraw_obligation")
def withdraw(ob_id: int):
    return _act(ob_id, lambda s, t: s.withdraw_obligation(t, ob_id, actor=g.user.name, reason=_form("reason")))
