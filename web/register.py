"""Sổ văn bản đến: the register of incoming letters per year (NĐ 30/2020 Phụ lục IV), its .xlsx and .docx exports,
and letters that came on paper or through the e-office system added by uploading their PDF/DOCX."""

from __future__ import annotations

from flask import Blueprint, Response, g, redirect, render_template, request, url_for

from web.app import login_required, office_tracker, settings
from web.labels import today

bp = Blueprint("register", __name__)
VIA = {"giấy": "Văn bản giấy (bản quét)", "hệ thống quản lý văn bản": "Hệ thống quản lý văn bản điện tử"}


def _year() -> int:
    try:
        return min(max(int(request.args.get("nam") or today().year), 2000), 2100)
    except ValueError:
        return today().year


@bp.route("/so-van-ban-den")
@login_required()
def index(result=None, error: str | None = None, status: int = 200):
    from tracker import service

    year = _year()
    rows = service.register_rows(office_tracker(), year)
    return render_template("register.html", rows=rows, year=year, via=VIA, result=result, error=error,
                           can_add=g.user.may("register_letter")), status


@bp.route("/so-van-ban-den/so-<int:year>.<fmt>")
@login_required()
def export(year: int, fmt: str):
    from notices import register_export
    from tracker import service

    if fmt not in ("xlsx", "docx"):
        return redirect(url_for("register.index"))
    tracker = office_tracker()
    rows = service.register_rows(tracker, year)
    write = register_export.to_xlsx if fmt == "xlsx" else register_export.to_docx
    data = write(rows, year=year, office=tracker.office.name)
    mimetype = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" if fmt == "xlsx" else
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    return Response(data, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="so-van-ban-den-{year}.{fmt}"'})


@bp.route("/so-van-ban-den/them", methods=["POST"])
@login_required("register_letter")
def upload():
    from tracker import service

    upload = request.files.get("file")
    via = request.form.get("via") or "giấy"
    if upload is None or not upload.filename:
        return index(error="Chọn tệp PDF hoặc DOCX của văn bản.", status=400)
    try:
        result = service.register_document(office_tracker(), upload.read(), upload.filename, actor=g.user.name,
                                           via=via, limits=settings().limits, ocr=settings().ocr)
    except ValueError as exc:
        return index(error=str(exc), status=400)
    return index(result=result)
