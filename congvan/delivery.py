"""Delivering drafts where the clerk already works: appended, flagged \\Draft, to the mailbox's Drafts folder.

A draft is marked "delivered" only after the server took it. A crash between the two leaves it as it was; the next
delivery finds the message already there by its Message-ID (stable for a draft) and does not append it twice.
Nothing is sent: sending needs a person's approval in the mail client.
"""

from __future__ import annotations

import email
import logging
from datetime import datetime, timedelta, timezone

from congvan.context import registry_for, tracker_for
from config.settings import Settings

log = logging.getLogger("congvan.delivery")
LOCAL = timezone(timedelta(hours=7))


def deliver_drafts(settings: Settings, mailbox_name: str | None = None) -> tuple[int, str]:
    """Append every draft still pending or approved to the Drafts folder; returns (how many, the folder)."""
    from congvan.commands.drafts import rendered_message
    from intake.imap import ImapError, Mailbox
    from notices.delivery import DeliveryError, append_to_drafts, drafts_folder
    from tracker.db import store

    if not settings.mailboxes:
        raise ValueError("no [[mailboxes]] in the settings: nowhere to put the drafts")
    box = next((m for m in settings.mailboxes if m.name == mailbox_name), None) if mailbox_name \
        else settings.mailboxes[0]
    if box is None:
        raise ValueError(f"no mailbox named {mailbox_name!r}")
    tracker = tracker_for(settings)
    registry = registry_for(settings)
    count = 0
    try:
        with Mailbox(box) as mailbox:
            folder = drafts_folder(mailbox.client, box.drafts)
            with tracker.engine.connect() as conn:
                pending = [d["id"] for d in store.list_drafts(conn, office=tracker.office_unit_id,
                                                              status=("pending", "approved"))]
            for draft_id in pending:
                with tracker.engine.begin() as conn:
                    row = store.draft(conn, draft_id, office=tracker.office_unit_id)
                    raw = row["eml"]
                    if raw is None:
                        rendered, raw = rendered_message(row, settings, registry, tracker)
                        store.save_rendering(conn, draft_id, body_text=rendered.text, body_html=rendered.html,
                                             docx=rendered.docx, eml=raw)
                if not _already_there(mailbox.client, folder, raw):
                    when = datetime.combine(row["sweep_date"], datetime.min.time().replace(hour=7), LOCAL) \
                        if row["sweep_date"] else datetime.now(LOCAL)
                    appended = append_to_drafts(mailbox.client, folder, raw, when)
                    folder = appended.folder
                with tracker.engine.begin() as conn:
                    store.save_rendering(conn, draft_id, status="delivered")
                    store.record(conn, [{"entity": "draft", "entity_id": draft_id, "action": "state",
                                         "field": "status", "before": row["status"], "after": "delivered",
                                         "note": f"thư mục {folder} của hộp thư {box.name}"}])
                log.info("mailbox %s: draft %s appended to %s", box.name, draft_id, folder)
                count += 1
    except (ImapError, DeliveryError) as exc:
        raise ValueError(str(exc)) from None
    return count, folder if count else box.drafts


def _already_there(client, folder: str, raw: bytes) -> bool:
    """Whether a message with this draft's Message-ID is already in ``folder`` (ASCII-only search)."""
    message_id = email.message_from_bytes(raw.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n").get("Message-ID", "")
    if not message_id or not message_id.isascii():
        return False
    try:
        if not client.folder_exists(folder):
            return False
        client.select_folder(folder, readonly=True)
        return bool(client.search(["HEADER", "Message-ID", message_id.strip()]))
    except Exception:  # noqa: BLE001 - a server that cannot search: append (a duplicate is visible, a loss is not)
        return False
