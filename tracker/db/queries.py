"""Read-only listings for the web page: pages of letters, obligations and drafts of one office, and tallies.

Every function takes the office whose data may be read; a row of another office is never returned (its id reads as
missing). Paging is by LIMIT/OFFSET on indexed orders, so that a page costs the same with 100,000 letters.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from sqlalchemy import Connection, func, select, text

from tracker.db import schema as t
from tracker.db.schema import WAITING_SQL, drafts, letters, messages, obligations, units
from tracker.db.store import with_context

WAITING = ("needs_review", "needs_ocr", "needs_password", "unreadable")
LETTER_LIST = (letters.c.id, letters.c.direction, letters.c.doc_number, letters.c.doc_type, letters.c.issuer,
               letters.c.subject, letters.c.issue_date, letters.c.arrival_number, letters.c.received_at,
               letters.c.status, letters.c.confidence, letters.c.urgency)


def _mine(table, office_id: str):
    """Rows of ``office_id`` (letters and drafts carry their office; obligations are their letter's)."""
    return table.c.office_id == office_id


def _rows(conn: Connection, q) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(q)]


# -- letters ----------------------------------------------------------------------------------------------------

def letters_page(conn: Connection, office_id: str, *, direction: str | None = None, waiting: bool | None = None,
                 limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
    """One page of letters, the last recorded first, and how many there are. ``waiting``: only (True) or no
    (False) letters waiting for a clerk."""
    where = [_mine(letters, office_id)]
    if direction:
        where.append(letters.c.direction == direction)
    waiting_where = [*where, text(WAITING_SQL)]  # the partial index ix_letters_waiting

    def count(conditions) -> int:
        return conn.execute(select(func.count()).select_from(letters).where(*conditions)).scalar_one()

    if waiting is True:
        where, total = waiting_where, count(waiting_where)
    elif waiting is False:
        total = count(where) - count(waiting_where)  # two index counts instead of a scan of every status
        where = [*where, text(f"NOT ({WAITING_SQL})")]
    else:
        total = count(where)
    q = select(*LETTER_LIST).where(*where).order_by(letters.c.id.desc()).limit(limit).offset(offset)
    return _rows(conn, q), total


def letter(conn: Connection, office_id: str, letter_id: int) -> dict | None:
    row = conn.execute(select(letters).where(letters.c.id == letter_id, _mine(letters, office_id))).first()
    return dict(row._mapping) if row else None


def letter_sources(conn: Connection, letter_id: int) -> list[dict]:
    """Where a letter came from: each message (mailbox, folder, sender, subject, time) and the part it was in."""
    q = (select(t.letter_sources.c.part, messages.c.id.label("message_id"), messages.c.mailbox, messages.c.folder,
                messages.c.uid, messages.c.from_addr, messages.c.subject, messages.c.received_at,
                messages.c.message_id.label("mid"), t.message_raw.c.message_ref.is_not(None).label("has_raw"))
         .join(messages, messages.c.id == t.letter_sources.c.message_ref)
         .outerjoin(t.message_raw, t.message_raw.c.message_ref == messages.c.id)
         .where(t.letter_sources.c.letter_id == letter_id).order_by(t.letter_sources.c.id))
    return _rows(conn, q)


def source_raw(conn: Connection, office_id: str, letter_id: int, message_ref: int) -> dict | None:
    """The kept bytes (``raw``) of one source message of a letter of ``office_id``, with where it came from; None
    when the letter is another office's, the message is not its source, or no bytes were kept."""
    q = (select(messages.c.id.label("message_id"), messages.c.mailbox, messages.c.folder, messages.c.subject,
                t.message_raw.c.raw)
         .join(t.letter_sources, t.letter_sources.c.message_ref == messages.c.id)
         .join(letters, letters.c.id == t.letter_sources.c.letter_id)
         .join(t.message_raw, t.message_raw.c.message_ref == messages.c.id)
         .where(letters.c.id == letter_id, _mine(letters, office_id), messages.c.id == message_ref,
                messages.c.office_id == office_id)
         .limit(1))
    rows = _rows(conn, q)
    return rows[0] if rows else None


# -- obligations ------------------------------------------------------------------------------------------------

OB_LIST = (obligations.c.id, obligations.c.letter_id, obligations.c.unit_id, obligations.c.unit_text,
           obligations.c.role, obligations.c.kind, obligations.c.rule, obligations.c.start_date,
           obligations.c.due_date, obligations.c.basis, obligations.c.flags, obligations.c.state,
           obligations.c.late, obligations.c.answered_on, obligations.c.provisional, letters.c.doc_number, letters.c.subject,
           letters.c.direction, letters.c.status.label("letter_status"))


def _letter_office(office_id: str):
    """Obligations of ``office_id``'s letters, as a per-row lookup of the letter by its key: both databases then
    walk the obligations in due order and stop at the page's end, instead of joining every letter of the office."""
    return (select(letters.c.office_id).where(letters.c.id == obligations.c.letter_id)
            .scalar_subquery() == office_id)


def obligations_page(conn: Connection, office_id: str, *, states: Sequence[str] = (), unit_id: str | None = None,
                     due_from: date | None = None, due_to: date | None = None,
                     limit: int = 100, offset: int = 0) -> tuple[list[dict], bool]:
    """Obligations by due day (earliest first), with their letter's number and subject; and whether more follow."""
    where = [_letter_office(office_id)]
    if unit_id:
        where.append(obligations.c.unit_id == unit_id)
    if due_from:
        where.append(obligations.c.due_date >= due_from)
    if due_to:
        where.append(obligations.c.due_date <= due_to)

    def page(conditions, first: int, count: int) -> list[tuple]:
        q = (select(obligations.c.due_date, obligations.c.id).where(*conditions)
             .order_by(obligations.c.due_date, obligations.c.id).limit(count).offset(first))
        return [tuple(r) for r in conn.execute(q)]

    if len(states) > 1:  # one walk of the (state, due_date) index per state, merged: no sort of every row
        keys = sorted(k for state in states
                      for k in page([*where, obligations.c.state == state], 0, offset + limit + 1))
        keys = keys[offset:offset + limit + 1]
    else:
        keys = page([*where, *([obligations.c.state == states[0]] if states else [])], offset, limit + 1)
    ids = [k[1] for k in keys]
    more = len(ids) > limit
    ids = ids[:limit]
    if not ids:
        return [], more
    q = (select(*OB_LIST).select_from(obligations.join(letters, letters.c.id == obligations.c.letter_id))
         .where(obligations.c.id.in_(ids)))
    rows = {r["id"]: r for r in _rows(conn, q)}
    return [rows[i] for i in ids if i in rows], more


def obligation(conn: Connection, office_id: str, ob_id: int) -> dict | None:
    q = (select(*OB_LIST, letters.c.issue_date, letters.c.issuer).select_from(
        obligations.join(letters, letters.c.id == obligations.c.letter_id))
         .where(obligations.c.id == ob_id, _mine(letters, office_id)))
    row = conn.execute(q).first()
    return dict(row._mapping) if row else None


# -- drafts -----------------------------------------------------------------------------------------------------

DRAFT_LIST = (drafts.c.id, drafts.c.kind, drafts.c.to_unit_id, drafts.c.to_unit, drafts.c.letter_number,
              drafts.c.due_date, drafts.c.subject, drafts.c.created_at, drafts.c.status, drafts.c.sweep_date,
              drafts.c.obligation_id, drafts.c.letter_id)


def _draft_office(office_id: str):
    return drafts.c.office_id == office_id


def drafts_page(conn: Connection, office_id: str, *, statuses: Sequence[str] = (), limit: int = 100,
                offset: int = 0) -> tuple[list[dict], int]:
    where = [_draft_office(office_id)]
    if statuses:
        where.append(drafts.c.status.in_(list(statuses)))
    q = select(*DRAFT_LIST).where(*where).order_by(drafts.c.id.desc()).limit(limit).offset(offset)
    total = conn.execute(select(func.count()).select_from(drafts).where(*where)).scalar_one()
    return _rows(conn, q), total


def draft(conn: Connection, office_id: str, draft_id: int) -> dict | None:
    row = conn.execute(select(drafts).where(drafts.c.id == draft_id, _draft_office(office_id))).first()
    return with_context(conn, [dict(row._mapping)])[0] if row else None


def counts(conn: Connection, office_id: str) -> dict[str, int]:
    """The figures of the navigation bar: letters waiting, obligations overdue or due, drafts to check."""
    waiting = conn.execute(select(func.count()).select_from(letters)
                           .where(_mine(letters, office_id), text(WAITING_SQL))).scalar_one()
    pending = conn.execute(select(func.count()).select_from(drafts)
                           .where(_draft_office(office_id), drafts.c.status == "pending")).scalar_one()
    return {"waiting": waiting, "drafts": pending}


def unit_rows(conn: Connection) -> list[dict]:
    return _rows(conn, select(units).order_by(units.c.kind, units.c.name))


