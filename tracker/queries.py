"""What the web page reads, as thin use cases over tracker.db.queries: each takes the Tracker (whose office is the
reader's) and returns plain values. Ids of another office read as missing (NotFound).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.db import queries as q
from tracker.db import store


class Missing(LookupError):
    """No such row in the reader's office."""


@dataclass
class LetterView:
    letter: dict
    sources: list[dict]
    obligations: list[dict]
    history: list[dict]
    review: list[dict]  # [{"field", "reason"}] from the extraction, for the clerk
    evidence: dict[str, list[list[int]]] = field(default_factory=dict)


def list_letters(tracker, *, direction=None, waiting=None, limit=50, offset=0):
    with tracker.engine.connect() as conn:
        return q.letters_page(conn, tracker.office_unit_id, direction=direction, waiting=waiting, limit=limit,
                              offset=offset)


def letter_detail(tracker, letter_id: int) -> LetterView:
    with tracker.engine.connect() as conn:
        row = q.letter(conn, tracker.office_unit_id, letter_id)
        if row is None:
            raise Missing(letter_id)
        ex = row.get("extraction") or {}
        return LetterView(letter=row, sources=q.letter_sources(conn, letter_id),
                          obligations=store.obligations_of_letter(conn, letter_id),
                          history=store.history_of(conn, "letter", letter_id),
                          review=[r for r in ex.get("review") or [] if isinstance(r, dict)],
                          evidence=ex.get("evidence") or {})


_TYPES = {"pdf": "application/pdf",
          "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
EML_TYPE = "message/rfc822"


def _kind(data: bytes) -> str:
    """The content type of attacker-controlled bytes, by what they are (PDF, DOCX), never by what they say."""
    from intake.documents import sniff

    return _TYPES.get(sniff(data), "application/octet-stream")


def _attachments(raw: bytes) -> list:
    from intake.mailparse import parse_message

    try:
        return list(parse_message(raw).attachments)
    except ValueError:
        return []


def _uploaded(source: dict) -> bool:
    from tracker.register import UPLOAD_MAILBOX

    return source["mailbox"] == UPLOAD_MAILBOX


def letter_sources_files(tracker, letter_id: int) -> list[dict]:
    """Each source of a letter (mailbox, folder, uid, subject, part) with the files kept of it for download:
    ``files`` is [{"part": None for the whole .eml (or the uploaded file) | index of the attachment, "filename",
    "content_type", "size"}], empty when no bytes were kept (a letter with a secrecy mark, or recorded before)."""
    from intake.documents import safe_name

    with tracker.engine.connect() as conn:
        if q.letter(conn, tracker.office_unit_id, letter_id) is None:
            raise Missing(letter_id)
        sources = q.letter_sources(conn, letter_id)
        raws = {s["message_id"]: q.source_raw(conn, tracker.office_unit_id, letter_id, s["message_id"])
                for s in sources if s["has_raw"]}
    out = []
    for s in sources:
        item = {k: s[k] for k in ("message_id", "mailbox", "folder", "uid", "subject", "part", "received_at")}
        item["message_ref"], files = s["message_id"], []
        row = raws.get(s["message_id"])
        if row is not None:
            name, ctype, data = _whole(row)
            files.append({"part": None, "filename": name, "content_type": ctype, "size": len(data)})
            if not _uploaded(row):
                for i, att in enumerate(_attachments(row["raw"])):
                    files.append({"part": i, "filename": safe_name(att.name or f"tep-{i + 1}"),
                                  "content_type": _kind(att.data), "size": len(att.data)})
        item["files"] = files
        out.append(item)
    return out


def _whole(row: dict) -> tuple[str, str, bytes]:
    from intake.documents import safe_name

    if _uploaded(row):
        return safe_name(row["folder"]), _kind(row["raw"]), row["raw"]
    return f"thu-{row['message_id']}.eml", EML_TYPE, row["raw"]


def source_file(tracker, letter_id: int, message_ref: int, part: int | None = None) -> tuple[str, str, bytes]:
    """(filename, content type, bytes) of a letter's source: the whole message (.eml) or uploaded file when
    ``part`` is None, else the message's attachment number ``part`` (as listed by ``letter_sources_files``).
    Another office's letter, a message that is not its source, or no bytes kept: Missing."""
    from intake.documents import safe_name

    with tracker.engine.connect() as conn:
        row = q.source_raw(conn, tracker.office_unit_id, letter_id, message_ref)
    if row is None:
        raise Missing(message_ref)
    if part is None:
        return _whole(row)
    attachments = [] if _uploaded(row) else _attachments(row["raw"])
    if not 0 <= part < len(attachments):
        raise Missing(part)
    att = attachments[part]
    return safe_name(att.name or f"tep-{part + 1}"), _kind(att.data), att.data


def list_obligations(tracker, *, states=(), unit_id=None, due_from=None, due_to=None, limit=100, offset=0):
    with tracker.engine.connect() as conn:
        return q.obligations_page(conn, tracker.office_unit_id, states=states, unit_id=unit_id, due_from=due_from,
                                  due_to=due_to, limit=limit, offset=offset)


def obligation_detail(tracker, ob_id: int) -> dict:
    """An obligation with its letter, its history and why its due day is what it is (the days skipped)."""
    with tracker.engine.connect() as conn:
        row = _with_history(conn, q.obligation(conn, tracker.office_unit_id, ob_id), "obligation", ob_id)
    row["skipped"] = tracker.calendar.skipped_between(row["start_date"], row["due_date"])
    row["working_days"] = tracker.calendar.working_days_between(row["start_date"], row["due_date"])
    return row


def with_added_units(tracker):
    """The Tracker with the units clerks added to this database beside the registry's (one small read)."""
    import dataclasses

    from tracker.db import units as unit_rows

    registry = unit_rows.with_added(tracker.engine, tracker.registry)
    return tracker if registry is tracker.registry else dataclasses.replace(tracker, registry=registry)


def list_drafts(tracker, *, statuses=(), limit=100, offset=0):
    with tracker.engine.connect() as conn:
        return q.drafts_page(conn, tracker.office_unit_id, statuses=statuses, limit=limit, offset=offset)


def draft_detail(tracker, draft_id: int) -> dict:
    with tracker.engine.connect() as conn:
        return _with_history(conn, q.draft(conn, tracker.office_unit_id, draft_id), "draft", draft_id)


def _with_history(conn, row: dict | None, entity: str, entity_id: int) -> dict:
    if row is None:
        raise Missing(entity_id)
    row["history"] = store.history_of(conn, entity, entity_id)
    return row


def save_draft_rendering(tracker, draft_id: int, **values) -> None:
    """Keep a draft's rendering (text, HTML, .docx, .eml) once made, so that previews are not redone."""
    with tracker.engine.begin() as conn:
        if q.draft(conn, tracker.office_unit_id, draft_id) is None:
            raise Missing(draft_id)
        store.save_rendering(conn, draft_id, **values)


def record_delivery(tracker, draft_id: int, *, actor: str, folder: str, mailbox: str) -> None:
    """A draft appended to the Drafts folder of ``mailbox``: status "delivered", kept in the history."""
    with tracker.engine.begin() as conn:
        row = q.draft(conn, tracker.office_unit_id, draft_id)
        if row is None:
            raise Missing(draft_id)
        store.save_rendering(conn, draft_id, status="delivered")
        store.record(conn, [{"entity": "draft", "entity_id": draft_id, "action": "state", "field": "status",
                             "before": row["status"], "after": "delivered", "actor": actor,
                             "note": f"thư mục {folder} của hộp thư {mailbox}"}])


def counts(tracker) -> dict[str, int]:
    with tracker.engine.connect() as conn:
        return q.counts(conn, tracker.office_unit_id)
