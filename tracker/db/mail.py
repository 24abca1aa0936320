"""The mail ledger, letters and quarantine in SQL: what intake records, and what `congvan letters` reads.

One transaction records a message with everything that came of it (letters, their sources, or its quarantine
entry), so that after a crash a message is either fully recorded or not at all. The server-side action (keyword,
move, \\Seen) is marked done in a second step, after the server has done it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import Engine, and_, bindparam, func, insert, select, update
from sqlalchemy.engine import Connection

from tracker.db import register
from tracker.db.schema import history, letter_sources, letters, message_raw, messages, quarantine
from tracker.search import letter_search_text


@dataclass
class MessageRecord:
    office_id: str  # the office whose mailbox (or import) it came through; its letters are that office's
    mailbox: str
    folder: str
    uidvalidity: int | None
    uid: int | None
    content_hash: str
    direction: str
    message_id: str | None = None
    received_at: datetime | None = None
    from_addr: str | None = None
    subject: str | None = None
    size: int | None = None


@dataclass
class LetterRecord:
    part: str  # attachment name or "body"
    direction: str
    status: str
    content_hash: str | None
    fields: dict = field(default_factory=dict)  # doc_number, doc_type, issuer, issuer_unit_id, place, issue_date...
    extraction: dict | None = None
    confidence: float | None = None
    text: str | None = None
    received_at: datetime | None = None


@dataclass
class Recorded:
    message_ref: int
    status: str  # processed | quarantined | duplicate
    letter_ids: list[int]
    new_letter_ids: list[int]


def _utc(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def as_aware(dt: datetime | None) -> datetime | None:
    """A stored time as an aware UTC datetime (SQLite gives them back naive)."""
    if dt is None:
        return None
    return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt


_LETTER_COLUMNS = ("doc_number", "doc_type", "issuer", "issuer_unit_id", "place", "issue_date", "subject",
                   "urgency", "secrecy")


def location_known(engine: Engine, mailbox: str, folder: str, uidvalidity: int | None, uid: int | None, *,
                   office: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(messages.c.id).where(_at(office, mailbox, folder, uidvalidity, uid))).first() \
            is not None


def _at(office, mailbox, folder, uidvalidity, uid):
    cond = [messages.c.office_id == office, messages.c.mailbox == mailbox, messages.c.folder == folder]
    cond.append(messages.c.uidvalidity.is_(None) if uidvalidity is None else messages.c.uidvalidity == uidvalidity)
    cond.append(messages.c.uid.is_(None) if uid is None else messages.c.uid == uid)
    return and_(*cond)


def max_uid(engine: Engine, mailbox: str, folder: str, uidvalidity: int, *, office: str) -> int:
    """The highest UID recorded for this folder at this UIDVALIDITY (0 when none)."""
    with engine.connect() as conn:
        value = conn.execute(select(func.max(messages.c.uid)).where(
            messages.c.office_id == office, messages.c.mailbox == mailbox, messages.c.folder == folder,
            messages.c.uidvalidity == uidvalidity)).scalar()
    return int(value or 0)


# Statements built once: executed with parameters, each is compiled once per process (import runs them per message).
_EARLIER_COPY = (select(messages.c.id).where(messages.c.content_hash == bindparam("h"),
                                             messages.c.office_id == bindparam("o"),
                                             messages.c.status.in_(("processed", "duplicate")))
                 .order_by(messages.c.id).limit(1))
_HELD_IN_QUARANTINE = (select(quarantine.c.id).join(messages, messages.c.id == quarantine.c.message_ref)
                       .where(messages.c.content_hash == bindparam("h"), messages.c.office_id == bindparam("o"))
                       .limit(1))
_INSERT_MESSAGE = insert(messages).returning(messages.c.id)
_INSERT_QUARANTINE = insert(quarantine)
_INSERT_RAW = insert(message_raw)
_SOURCES_OF = select(letter_sources.c.letter_id, letter_sources.c.part).where(
    letter_sources.c.message_ref == bindparam("ref"))
_INSERT_SOURCE = insert(letter_sources)
_LETTER_WITH_TEXT = (select(letters.c.id).where(letters.c.content_hash == bindparam("h"),
                                                letters.c.office_id == bindparam("o"))
                     .order_by(letters.c.id).limit(1))
_INSERT_LETTER = insert(letters).returning(letters.c.id)


def record_message(engine: Engine, msg: MessageRecord, letter_records: list[LetterRecord], *,
                   quarantine_reason: str | None = None, raw: bytes | None = None, origin: str = "",
                   note: str | None = None, actor: str | None = None) -> Recorded | None:
    """Record one message and what came of it, in one transaction.

    Returns None when this location (mailbox, folder, UIDVALIDITY, UID) is already recorded (another run got it
    first). A message whose exact bytes are already recorded from elsewhere is a ``duplicate``: it gets its own row
    and becomes a second source of the same letters, which are not recorded again. A letter whose text is already
    recorded (the same letter by another route) gets one more source instead of a second row. A new incoming
    letter gets its arrival number (tracker.db.register). ``raw`` (the message's bytes, or the uploaded file's) is
    kept with the quarantine entry, or for download unless a letter bears a secrecy mark. With ``actor``, each new letter's creation is written to
    the history under that name (a person who uploaded it).
    """
    from sqlalchemy.exc import IntegrityError

    try:
        with engine.begin() as conn:
            return _record(conn, msg, letter_records, quarantine_reason=quarantine_reason, raw=raw, origin=origin,
                           note=note, actor=actor)
    except IntegrityError:  # UNIQUE(mailbox, folder, uidvalidity, uid): recorded already, by this run or another
        if msg.uid is not None and location_known(engine, msg.mailbox, msg.folder, msg.uidvalidity, msg.uid,
                                                  office=msg.office_id):
            return None  # a concurrent run recorded it between our check and our insert
        raise


def record_messages(engine: Engine, batch: list[tuple[MessageRecord, list[LetterRecord], dict]]) -> list[Recorded]:
    """Several messages (each ``(msg, letter_records, keyword arguments of record_message)``) in ONE transaction:
    all are recorded or none. For files, where no server waits for the record; any error (a location recorded
    meanwhile, a value the database refuses) rolls the whole batch back and is raised: the caller then records the
    messages one by one with ``record_message``, which knows what to do with each error."""
    with engine.begin() as conn:
        return [_record(conn, msg, letter_records, **kwargs) for msg, letter_records, kwargs in batch]


def _record(conn: Connection, msg: MessageRecord, letter_records: list[LetterRecord], *,
            quarantine_reason: str | None = None, raw: bytes | None = None, origin: str = "",
            note: str | None = None, actor: str | None = None) -> Recorded:
    """``record_message`` inside the caller's transaction."""
    earlier = conn.execute(_EARLIER_COPY, {"h": msg.content_hash, "o": msg.office_id}).scalar()
    if quarantine_reason and conn.execute(_HELD_IN_QUARANTINE,
                                          {"h": msg.content_hash, "o": msg.office_id}).first():
        # the same bytes are already held in quarantine (e.g. seen again after a UIDVALIDITY change)
        earlier, note, quarantine_reason = None, f"đã cách ly trước đó: {quarantine_reason}", None
        status = "duplicate"
    else:
        status = "quarantined" if quarantine_reason else ("duplicate" if earlier else "processed")
    now = datetime.now(timezone.utc)
    ref = conn.execute(_INSERT_MESSAGE, {
        "office_id": msg.office_id, "mailbox": msg.mailbox, "folder": msg.folder,
        "uidvalidity": msg.uidvalidity, "uid": msg.uid,
        "message_id": msg.message_id, "content_hash": msg.content_hash, "direction": msg.direction,
        "received_at": _utc(msg.received_at), "from_addr": (msg.from_addr or None) and msg.from_addr[:500],
        "subject": msg.subject, "size": msg.size, "status": status, "reason": quarantine_reason or note,
        "action_done": False, "created_at": now, "updated_at": now,
    }).scalar_one()
    if quarantine_reason:
        conn.execute(_INSERT_QUARANTINE, {"message_ref": ref, "origin": origin[:1000],
                                          "reason": quarantine_reason, "raw": raw, "created_at": now})
        return Recorded(ref, status, [], [])
    if status == "duplicate" and not earlier:
        return Recorded(ref, status, [], [])
    if raw is not None and not any(rec.status == "secret" for rec in letter_records):
        # the bytes, for download from the letter page; a letter with a secrecy mark keeps only number and sender
        conn.execute(_INSERT_RAW, {"message_ref": ref, "raw": raw})
    if earlier:
        linked = []
        for row in conn.execute(_SOURCES_OF, {"ref": earlier}).all():
            conn.execute(_INSERT_SOURCE, {"letter_id": row.letter_id, "message_ref": ref, "part": row.part,
                                          "created_at": now})
            linked.append(row.letter_id)
        return Recorded(ref, status, linked, [])
    ids, new_ids = [], []
    for rec in letter_records:
        letter_id = _existing_letter(conn, rec, msg.office_id)
        if letter_id is None:
            values = {k: rec.fields.get(k) for k in _LETTER_COLUMNS}
            letter_id = conn.execute(_INSERT_LETTER, {
                "office_id": msg.office_id, "direction": rec.direction, "status": rec.status,
                "extraction": rec.extraction, "confidence": rec.confidence, "text": rec.text,
                "content_hash": rec.content_hash, "received_at": _utc(rec.received_at),
                "obligations_built": False, "created_at": now, "updated_at": now,
                "search_text": letter_search_text(values, rec.extraction), **values,
            }).scalar_one()
            new_ids.append(letter_id)
            if rec.status != "secret":  # a secret letter goes to the separate register of secret letters
                register.number_letter(conn, letter_id, day=register.local_day(rec.received_at or now))
            if actor:
                conn.execute(insert(history).values(
                    entity="letter", entity_id=letter_id, action="create", actor=actor,
                    after=rec.part[:500], note=msg.subject, at=now))
        if letter_id not in ids:  # one source per letter and message
            conn.execute(_INSERT_SOURCE, {"letter_id": letter_id, "message_ref": ref,
                                          "part": rec.part[:500], "created_at": now})
            ids.append(letter_id)
    return Recorded(ref, status, ids, new_ids)


def _existing_letter(conn: Connection, rec: LetterRecord, office: str) -> int | None:
    if not rec.content_hash:
        return None
    return conn.execute(_LETTER_WITH_TEXT, {"h": rec.content_hash, "o": office}).scalar()


def pending_actions(engine: Engine, mailbox: str, folder: str, uidvalidity: int, *, office: str) -> list[int]:
    """UIDs recorded in this folder whose server-side action is not done yet (a crash came between)."""
    with engine.connect() as conn:
        rows = conn.execute(select(messages.c.uid).where(
            messages.c.office_id == office, messages.c.mailbox == mailbox, messages.c.folder == folder, messages.c.uidvalidity == uidvalidity,
            messages.c.action_done.is_(False), messages.c.uid.is_not(None)).order_by(messages.c.uid)).all()
    return [int(r.uid) for r in rows]


def mark_action_done(engine: Engine, mailbox: str, folder: str, uidvalidity: int, uids: list[int], *,
                     office: str) -> None:
    if not uids:
        return
    with engine.begin() as conn:
        for start in range(0, len(uids), 500):
            conn.execute(update(messages).where(
                messages.c.office_id == office, messages.c.mailbox == mailbox, messages.c.folder == folder,
                messages.c.uidvalidity == uidvalidity, messages.c.uid.in_(uids[start:start + 500]))
                .values(action_done=True, updated_at=datetime.now(timezone.utc)))


def known_locations(engine: Engine, mailbox: str = "import", *, office: str) -> set[tuple[str, int | None]]:
    """(folder, uid) of every message recorded for ``mailbox`` (imported files: path and index in the file)."""
    with engine.connect() as conn:
        return {(r[0], r[1]) for r in conn.execute(select(messages.c.folder, messages.c.uid)
                                                   .where(messages.c.mailbox == mailbox,
                                                          messages.c.office_id == office))}


# -- reading back -------------------------------------------------------------------------------------------------------

def list_letters(engine: Engine, *, office: str, ids: list[int] | None = None) -> list[dict]:
    """Every letter of the office (or those of ``ids``, in that order) with its sources (first source first), for
    `congvan letters`."""
    with engine.connect() as conn:
        q = select(letters).where(letters.c.office_id == office).order_by(letters.c.id)
        s = (select(letter_sources.c.letter_id, letter_sources.c.part, messages.c.message_id, messages.c.mailbox,
                    messages.c.folder, messages.c.uid, messages.c.received_at, messages.c.direction)
             .join(messages, messages.c.id == letter_sources.c.message_ref).where(messages.c.office_id == office)
             .order_by(letter_sources.c.letter_id, letter_sources.c.id))
        if ids is not None:
            q, s = q.where(letters.c.id.in_(ids)), s.where(letter_sources.c.letter_id.in_(ids))
        rows = conn.execute(q).mappings().all()
        sources = conn.execute(s).mappings().all()
        if ids is not None:
            order = {letter_id: i for i, letter_id in enumerate(ids)}
            rows = sorted(rows, key=lambda r: order[r["id"]])
    by_letter: dict[int, list[dict]] = {}
    for s in sources:
        by_letter.setdefault(s["letter_id"], []).append(dict(s))
    out = []
    for row in rows:
        item = dict(row)
        item["received_at"] = as_aware(item["received_at"])
        item["sources"] = by_letter.get(row["id"], [])
        for s in item["sources"]:
            s["received_at"] = as_aware(s["received_at"])
        out.append(item)
    return out


def message_counts(engine: Engine, *, office: str) -> dict[str, int]:
    with engine.connect() as conn:
        return {r[0]: r[1] for r in conn.execute(select(messages.c.status, func.count())
                                                 .where(messages.c.office_id == office)
                                                 .group_by(messages.c.status))}


def list_quarantine(engine: Engine, *, office: str) -> list[dict]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(
            select(quarantine.c.id, quarantine.c.origin, quarantine.c.reason, quarantine.c.created_at,
                   func.length(quarantine.c.raw).label("size"), messages.c.subject, messages.c.from_addr)
            .join(messages, messages.c.id == quarantine.c.message_ref)
            .where(messages.c.office_id == office).order_by(quarantine.c.id)).mappings()]


def quarantine_raw(engine: Engine, entry_id: int, *, office: str) -> tuple[dict, bytes | None] | None:
    with engine.connect() as conn:
        row = conn.execute(select(quarantine).join(messages, messages.c.id == quarantine.c.message_ref)
                           .where(quarantine.c.id == entry_id, messages.c.office_id == office)).mappings().first()
    if row is None:
        return None
    return dict(row), row["raw"]


# -- one run at a time per mailbox --------------------------------------------------------------------------------------

def mailbox_lock(engine: Engine, name: str):
    """Hold the intake lock of mailbox ``name`` (waits for another run to finish with it); see ``locks.hold``."""
    from tracker.db.locks import hold

    return hold(engine, f"intake:{name}")
