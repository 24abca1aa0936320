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
    return render_template("units.html", units=rows, today=day, registry=tracker.registry, kinds=KINDS,
                           error=error), status


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


@bp.route("/quan-tri/lich")
@login_required("admin")
def calendar():
    tracker = office_tracker()
    try:
        year = int(request.args.get("nam") or today().year)
    except ValueError:
        year = today().year
    year = min(max(year, 2000), 2100)
    off, worked = tracker.calendar.year_listing(year)
    return render_template("calendar.html", year=year, off=off, worked=worked, note=tracker.calendar.year_note(year))
