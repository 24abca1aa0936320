"""Văn bản đến / đi: the queue waiting for a clerk, every letter's page (fields beside the text, evidence marked),
and the clerk's confirmation with corrections."""

from __future__ import annotations

from flask import Blueprint, Response, abort, g, redirect, render_template, request, send_file, url_for

from tracker import queries
from web.app import login_required, office_tracker, page_args
from web.labels import vn_date

bp = Blueprint("letters", __name__)

SCALAR = ("doc_number", "doc_type", "issuer", "issue_date", "subject", "urgency", "deadline")
LISTS = ("lead_units", "cooperating_units", "recipients")


@bp.route("/van-ban")
@login_required()
def index():
    tracker = office_tracker()
    direction = request.args.get("huong") if request.args.get("huong") in ("in", "out") else None
    page, limit, offset = page_args()
    waiting, n_waiting = queries.list_letters(tracker, direction=direction, waiting=True, limit=50) \
        if page == 1 else ([], 0)
    rows, total = queries.list_letters(tracker, direction=direction, waiting=False, limit=limit, offset=offset)
    return render_template("letters.html", waiting=waiting, n_waiting=n_waiting, rows=rows, total=total,
                           page=page, pages=max(1, -(-total // limit)), direction=direction)


def _view(letter_id: int):
    try:
        return queries.letter_detail(office_tracker(), letter_id)
    except queries.Missing:
        abort(404)


def segments(text: str, evidence: dict) -> list[tuple[str, tuple[str, ...]]]:
    """The text cut into pieces, each with the fields whose evidence covers it (for <mark>)."""
    cuts = {0, len(text)}
    spans = []
    for field_name, ranges in (evidence or {}).items():
        for pair in ranges or ():
            try:
                start, end = max(0, int(pair[0])), min(len(text), int(pair[1]))
            except (TypeError, ValueError, IndexError):
                continue
            if start < end:
                spans.append((start, end, field_name))
                cuts.update((start, end))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:]):
        fields = tuple(sorted({f for s, e, f in spans if s <= a and b <= e}))
        out.append((text[a:b], fields))
    return out


def _current(letter: dict) -> dict:
    ex = letter.get("extraction") or {}
    values = {k: letter.get(k) for k in SCALAR}
    values["issue_date"] = letter["issue_date"].strftime("%d/%m/%Y") if letter.get("issue_date") else ""
    dated = [d for d in ex.get("deadlines") or [] if isinstance(d, dict) and len(str(d.get("date") or "")) == 10]
    values["deadline"] = vn_date(dated[0]["date"]) if len(dated) == 1 else ""
    for k in LISTS:
        values[k] = "\n".join(str(v) for v in ex.get(k) or [])
    return {k: ("" if v is None else v) for k, v in values.items()}


@bp.route("/van-ban/<int:letter_id>")
@login_required()
def detail(letter_id: int, error: str | None = None, form: dict | None = None, status: int = 200):
    view = _view(letter_id)
    letter = view.letter
    doubts = {}
    for r in view.review:
        doubts.setdefault(r.get("field"), []).append(r.get("reason") or "")
    if "deadlines" in doubts:  # the form edits the one due day ("deadline") of what was read as "deadlines"
        doubts["deadline"] = doubts["deadlines"]
    ex = letter.get("extraction") or {}
    files = {s["message_ref"]: s["files"] for s in queries.letter_sources_files(office_tracker(), letter_id)}
    return render_template("letter.html", v=view, letter=letter, ex=ex, doubts=doubts, files=files,
                           segments=segments(letter.get("text") or "", view.evidence),
                           form=form or _current(letter), error=error, scalar=SCALAR, lists=LISTS,
                           can_confirm=g.user.may("confirm_letter")), status


@bp.route("/van-ban/<int:letter_id>/xac-nhan", methods=["POST"])
@login_required("confirm_letter")
def confirm(letter_id: int):
    from tracker import service

    view = _view(letter_id)
    current = _current(view.letter)
    form = {k: (request.form.get(k) or "").strip() for k in SCALAR + LISTS}
    changes = {}
    try:
        for k in SCALAR:
            if form[k] != str(current[k]).strip():
                changes[k] = form[k]
        for k in LISTS:
            items = [line.strip() for line in form[k].replace("\r", "").split("\n") if line.strip()]
            if items != [line for line in current[k].split("\n") if line]:
                changes[k] = items
        service.confirm_letter(office_tracker(), letter_id, actor=g.user.name, changes=changes)
    except ValueError as exc:  # ServiceError and its kinds are ValueErrors with one Vietnamese line
        return detail(letter_id, error=str(exc), form=form, status=400)
    return redirect(url_for("letters.detail", letter_id=letter_id, ok=1))


@bp.route("/van-ban/<int:letter_id>/noi-dung.txt")
@login_required()
def text(letter_id: int):
    view = _view(letter_id)
    name = f"van-ban-{letter_id}.txt"
    return Response(view.letter.get("text") or "", mimetype="text/plain; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/van-ban/<int:letter_id>/nguon/<int:message_ref>")
@login_required()
def source(letter_id: int, message_ref: int):
    """The source e-mail as it came (.eml), or the uploaded PDF/DOCX."""
    return _download(letter_id, message_ref, None)


@bp.route("/van-ban/<int:letter_id>/nguon/<int:message_ref>/tep/<int:part>")
@login_required()
def attachment(letter_id: int, message_ref: int, part: int):
    """One attachment of the source e-mail."""
    return _download(letter_id, message_ref, part)


def _download(letter_id: int, message_ref: int, part: int | None):
    """Attacker-controlled bytes: always a download (never shown inline, never sniffed by the browser), under a
    cleaned name (RFC 5987 ``filename*`` for the Vietnamese one, an ASCII ``filename`` beside it)."""
    import io

    try:
        name, content_type, data = queries.source_file(office_tracker(), letter_id, message_ref, part)
    except queries.Missing:
        abort(404)
    response = send_file(io.BytesIO(data), mimetype=content_type, as_attachment=True, download_name=name,
                         max_age=0, etag=False, conditional=False)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-store"
    return response
