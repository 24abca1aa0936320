"""Quản trị: users of the office, the unit registry and the calendar's yearly decisions."""

from __future__ import annotations

from flask import Blueprint, g, redirect, render_template, request, url_for

from web import accounts
from web.app import login_required, office_tracker
from web.labels import today

bp = Blueprint("admin", __name__)


@bp.route("/quan-tri")
@login_required("admin")
def index(error: str | None = None, status: int = 200):
    tracker = office_tracker()
    return render_template("admin.html", users=accounts.list_users(tracker.engine, g.user.office_id),
                           roles=accounts.ROLES, error=error, min_password=accounts.MIN_PASSWORD), status


@bp.route("/quan-tri/nguoi-dung", methods=["POST"])
@login_required("admin")
def add_user():
    form = request.form
    try:
        accounts.add_user(office_tracker().engine, name=form.get("name", ""), role=form.get("role", ""),
                          office_id=g.user.office_id, password=form.get("password", ""),
                          full_name=form.get("full_name", ""))
    except accounts.AccountError as exc:
        return index(error=str(exc), status=400)
    return redirect(url_for("admin.index", ok="them"))


@bp.route("/quan-tri/nguoi-dung/<name>/khoa", methods=["POST"])
@login_required("admin")
def disable_user(name: str):
    if name == g.user.name:
        return index(error="Không thể tự khóa tài khoản của chính mình.", status=400)
    try:
        accounts.set_disabled(office_tracker().engine, name, request.form.get("enable") != "1",
                              office_id=g.user.office_id)
    except accounts.AccountError as exc:
        return index(error=str(exc), status=400)
    return redirect(url_for("admin.index", ok="khoa"))


KINDS = {"department": "Phòng, ban", "ward": "Phường", "district": "Quận", "city": "Thành phố", "other": "Khác"}


@bp.route("/quan-tri/don-vi")
@login_required("units")
def units(error: str | None = None, status: int = 200):
    tracker = office_tracker()
    day = today()
    rows = sorted(tracker.registry, key=lambda u: (not u.valid_on(day), u.kind, u.name))
    live = sorted((u for u in tracker.registry if u.valid_on(day) or not u.successors), key=lambda u: u.name)
    return render_template("units.html", units=rows, today=day, registry=tracker.registry, kinds=KINDS,
                           error=error, live=live), status


@bp.route("/quan-tri/don-vi", methods=["POST"])
@login_required("units")
def add_unit():
    from tracker import service

    form = request.form
    split = [e.strip() for e in (form.get("emails") or "").replace(";", ",").split(",") if e.strip()]
    try:
        service.add_unit(office_tracker(), actor=g.user.name, name=form.get("name", ""),
                         kind=form.get("kind") if form.get("kind") in KINDS else "other",
                         short=form.get("short", ""), emails=split, parent=form.get("parent") or None)
    except ValueError as exc:
        return units(error=str(exc), status=400)
    return redirect(url_for("admin.units", ok="them"))


@bp.route("/quan-tri/don-vi/doi-ten", methods=["POST"])
@login_required("admin")
def rename_unit():
    from tracker import service

    form = request.form
    try:
        service.rename_unit(office_tracker(), form.get("unit_id", ""), actor=g.user.name, name=form.get("name", ""),
                            short=form.get("short") or None)
    except ValueError as exc:
        return units(error=str(exc), status=400)
    return redirect(url_for("admin.units", ok="doi-ten"))


@bp.route("/quan-tri/don-vi/sap-nhap", methods=["POST"])
@login_required("admin")
def merge_unit():
    from tracker import service

    form = request.form
    try:
        service.merge_unit(office_tracker(), form.get("unit_id", ""), actor=g.user.name,
                           successor_id=form.get("successor_id", ""), on=form.get("on", ""))
    except ValueError as exc:
        return units(error=str(exc), status=400)
    return redirect(url_for("admin.units", ok="sap-nhap"))


def _year() -> int:
    try:
        year = int(request.values.get("nam") or today().year)
    except ValueError:
        year = today().year
    return min(max(year, 2000), 2100)


@bp.route("/quan-tri/lich")
@login_required("admin")
def calendar(error: str | None = None, status: int = 200):
    from tracker.admin import DAY_KINDS

    tracker = office_tracker()
    year = _year()
    off, worked = tracker.calendar.year_listing(year)
    return render_template("calendar.html", year=year, off=off, worked=worked, note=tracker.calendar.year_note(year),
                           kinds=DAY_KINDS, error=error), status


@bp.route("/quan-tri/lich", methods=["POST"])
@login_required("admin")
def add_calendar_day():
    from tracker import service

    form = request.form
    try:
        added = service.add_calendar_day(office_tracker(), actor=g.user.name, day=form.get("day", ""),
                                         kind=form.get("kind", ""), source=form.get("source", ""),
                                         reason=form.get("reason", ""), work_on=form.get("work_on") or None)
    except ValueError as exc:
        g.pop("tracker", None)
        return calendar(error=str(exc), status=400)
    return redirect(url_for("admin.calendar", nam=added.entries[0][0].year, ok="them", doi=len(added.moved)))


@bp.route("/quan-tri/lich/bo", methods=["POST"])
@login_required("admin")
def remove_calendar_day():
    from tracker import service

    form = request.form
    try:
        removed = service.remove_calendar_day(office_tracker(), actor=g.user.name, day=form.get("day", ""),
                                              reason=form.get("reason", ""))
    except ValueError as exc:
        g.pop("tracker", None)
        return calendar(error=str(exc), status=400)
    return redirect(url_for("admin.calendar", nam=removed.entries[0][0].year, ok="bo", doi=len(removed.moved)))
