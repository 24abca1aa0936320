"""Dự thảo: each draft previewed as it will be sent (the e-mail, and the NĐ 30 page from its .docx), each in a
sandboxed frame with no script; approved or discarded by a person; its number and date recorded at signing."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, abort, current_app, g, redirect, render_template, request, url_for

from tracker import queries
from web.app import login_required, office_tracker, page_args, settings

bp = Blueprint("drafts", __name__)
log = logging.getLogger("congvan.web")

FILTERS = {"cho-duyet": ("Chờ duyệt", ("pending",)), "da-duyet": ("Đã duyệt", ("approved", "delivered")),
           "da-ky": ("Đã ký, vào số", ("signed",)),
           "da-huy": ("Đã hủy", ("discarded",)), "tat-ca": ("Tất cả", ())}


@bp.route("/du-thao")
@login_required()
def index():
    key = request.args.get("loc") if request.args.get("loc") in FILTERS else "cho-duyet"
    page, limit, offset = page_args(100)
    rows, total = queries.list_drafts(office_tracker(), statuses=FILTERS[key][1], limit=limit, offset=offset)
    return render_template("drafts.html", rows=rows, total=total, page=page, pages=max(1, -(-total // limit)),
                           filters=FILTERS, key=key)


def _row(draft_id: int) -> dict:
    try:
        return queries.draft_detail(office_tracker(), draft_id)
    except queries.Missing:
        abort(404)


def rendered(draft_id: int) -> dict:
    """The draft with its text, HTML, .docx and .eml, rendered once and kept."""
    row = _row(draft_id)
    if row.get("eml") is None or row.get("body_html") is None:
        from congvan.commands.drafts import rendered_message

        tracker = office_tracker()
        result, raw = rendered_message(row, settings(), tracker.registry, tracker)
        values = {"body_text": result.text, "body_html": result.html, "docx": result.docx, "eml": raw}
        queries.save_draft_rendering(tracker, draft_id, **values)
        row.update(values)
    return row


@bp.route("/du-thao/<int:draft_id>")
@login_required()
def detail(draft_id: int, error: str | None = None, status: int = 200):
    import email
    from email import policy

    row = rendered(draft_id)
    head = email.message_from_bytes(row["eml"].split(b"\r\n\r\n", 1)[0], policy=policy.default)
    mail = {"subject": str(head.get("Subject", "")), "to": str(head.get("To", "")), "sender": str(head.get("From", ""))}
    return render_template("draft.html", d=row, mail=mail, error=error, user=g.user), status


def _preview(html: str) -> Response:
    g.preview = True
    return Response(html, mimetype="text/html; charset=utf-8")


@bp.route("/du-thao/<int:draft_id>/thu.html")
@login_required()
def mail_preview(draft_id: int):
    return _preview(rendered(draft_id)["body_html"] or "")


PAGE_STYLE = ("<style>body{font-family:'Times New Roman',serif;font-size:14pt;max-width:17cm;margin:1.5cm auto;"
              "padding:0 1cm;line-height:1.35;color:#000;background:#fff}table{width:100%;border-collapse:collapse}"
              "td{vertical-align:top;text-align:center;padding:2px 4px}p{margin:.3em 0}</style>")


@bp.route("/du-thao/<int:draft_id>/trang.html")
@login_required()
def page_preview(draft_id: int):
    """The NĐ 30 page: the .docx turned into plain HTML (mammoth escapes every text run; no script can come out)."""
    import io

    import mammoth

    docx = rendered(draft_id).get("docx")
    if not docx:
        return _preview("<!doctype html><meta charset=utf-8><p>Dự thảo này chỉ có dạng thư điện tử.</p>")
    html = mammoth.convert_to_html(io.BytesIO(docx)).value
    return _preview(f"<!doctype html><html lang=vi><meta charset=utf-8>{PAGE_STYLE}<body>{html}</body></html>")


def _download(data: bytes | None, name: str, mimetype: str) -> Response:
    if not data:
        abort(404)
    return Response(data, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/du-thao/<int:draft_id>.docx")
@login_required()
def docx(draft_id: int):
    return _download(rendered(draft_id).get("docx"), f"du-thao-{draft_id}.docx",
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


@bp.route("/du-thao/<int:draft_id>.eml")
@login_required()
def eml(draft_id: int):
    return _download(rendered(draft_id).get("eml"), f"du-thao-{draft_id}.eml", "message/rfc822")


def _act(draft_id: int, call):
    from tracker import service

    rendered(draft_id)  # 404 for another office's id; the approved draft is the one that was shown
    try:
        call(service, office_tracker())
    except ValueError as exc:
        return detail(draft_id, error=str(exc), status=400)
    return None


@bp.route("/du-thao/<int:draft_id>/duyet", methods=["POST"])
@login_required("approve_draft")
def approve(draft_id: int):
    failed = _act(draft_id, lambda s, t: s.approve_draft(t, draft_id, actor=g.user.name))
    if failed is not None:
        return failed
    note = "duyet"
    ext = current_app.extensions["congvan"]
    deliver = ext["deliver"] or _deliver_to_mailbox
    try:
        if deliver(settings(), office_tracker(), draft_id) is False:
            note = "duyet-khong-hop-thu"
    except ValueError as exc:  # the mailbox is unreachable: the approval stays, delivery is retried later
        log.warning("draft %s approved, delivery failed: %s", draft_id, exc)
        note = "duyet-loi-hop-thu"
    return redirect(url_for("drafts.detail", draft_id=draft_id, ok=note))


def _deliver_to_mailbox(settings_, tracker, draft_id):
    """Append this approved draft, flagged \\Draft, to the Drafts folder of the office's first mailbox (once: a
    draft already there by its Message-ID is not appended again); False when no mailbox is configured."""
    if not settings_.mailboxes:
        return False
    from datetime import datetime, time

    from congvan.delivery import _already_there
    from intake.imap import ImapError, Mailbox
    from notices.delivery import DeliveryError, append_to_drafts, drafts_folder
    from web.labels import LOCAL

    box = settings_.mailboxes[0]
    row = rendered(draft_id)
    try:
        with Mailbox(box) as mailbox:
            folder = drafts_folder(mailbox.client, box.drafts)
            if not _already_there(mailbox.client, folder, row["eml"]):
                when = datetime.combine(row["sweep_date"], time(7), LOCAL) if row["sweep_date"] else datetime.now(LOCAL)
                folder = append_to_drafts(mailbox.client, folder, row["eml"], when).folder
    except (ImapError, DeliveryError, OSError) as exc:
        raise ValueError(str(exc)) from None
    queries.record_delivery(tracker, draft_id, actor=g.user.name, folder=folder, mailbox=box.name)
    return True


@bp.route("/du-thao/<int:draft_id>/huy", methods=["POST"])
@login_required("discard_draft")
def discard(draft_id: int):
    reason = (request.form.get("reason") or "").strip() or None
    failed = _act(draft_id, lambda s, t: s.discard_draft(t, draft_id, actor=g.user.name, reason=reason))
    return failed or redirect(url_for("drafts.detail", draft_id=draft_id, ok="huy"))


@bp.route("/du-thao/<int:draft_id>/ky", methods=["POST"])
@login_required("sign_draft")
def sign(draft_id: int):
    number = (request.form.get("number") or "").strip()
    failed = _act(draft_id, lambda s, t: s.sign_draft(t, draft_id, actor=g.user.name, number=number,
                                                      signed_on=s.parse_user_date(request.form.get("signed_on", ""))))
    return failed or redirect(url_for("drafts.detail", draft_id=draft_id, ok="ky"))
