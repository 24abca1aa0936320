"""Reads and writes of letters, obligations, history and drafts for the tracker's use cases."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from typing import Iterable, Sequence

from sqlalchemy import JSON, Connection, Date, Text, and_, func, insert, literal, or_, select, update

from tracker.db.schema import drafts, history, letter_sources, letters, messages, obligations, replies
from tracker.sweep import OPEN, TRACKED, OpenObligation

SYSTEM = "congvan"


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


# -- history ----------------------------------------------------------------------------------------------------

def record(conn: Connection, rows: Sequence[dict]) -> None:
    """Append history rows: dicts with entity, entity_id, action and optionally field, before, after, actor, note."""
    if rows:
        _insert_many(conn, history, [{"field": None, "before": None, "after": None, "note": None,
                                      "actor": SYSTEM, **r} for r in rows])


def _insert_many(conn: Connection, table, rows: list[dict]) -> None:
    """INSERT many rows straight through the driver's executemany: SQLAlchemy's per-row parameter processing costs
    more than the insert itself when a sweep writes tens of thousands of drafts and history rows. Values are
    converted here the way the column types would: JSON to compact text, dates to ISO text on SQLite."""
    if not rows:
        return
    keys = list(dict.fromkeys(k for r in rows for k in r))
    rows = [{k: r.get(k) for k in keys} for r in rows]
    sql = str(insert(table).compile(dialect=conn.dialect, column_keys=keys))
    positional = conn.dialect.positional
    sqlite = conn.dialect.name == "sqlite"
    convert = {}
    for key in keys:
        kind = table.c[key].type
        if isinstance(kind, JSON):
            convert[key] = _json_text
        elif sqlite and isinstance(kind, Date):
            convert[key] = _iso
    order = keys
    if positional:
        compiled = insert(table).compile(dialect=conn.dialect, column_keys=keys)
        order = list(compiled.positiontup)
    params = []
    for row in rows:
        values = {k: (convert[k](row[k]) if k in convert and row[k] is not None else row[k]) for k in keys}
        params.append(tuple(values[k] for k in order) if positional else values)
    conn.exec_driver_sql(sql, params)


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)


def _json_text(value) -> str:
    return _JSON.encode(value)


def _iso(value) -> str:
    return value.isoformat()


def history_of(conn: Connection, entity: str, entity_id: int) -> list[dict]:
    q = select(history).where(history.c.entity == entity, history.c.entity_id == entity_id).order_by(history.c.id)
    return [dict(r._mapping) for r in conn.execute(q)]


# -- letters ----------------------------------------------------------------------------------------------------

def pending_letters(conn: Connection) -> list[dict]:
    """Letters whose obligations have not been built yet, oldest first."""
    q = (select(letters).where(letters.c.obligations_built.is_(False))
         .order_by(letters.c.received_at.is_(None), letters.c.received_at, letters.c.id))
    return [dict(r._mapping) for r in conn.execute(q)]


def letter(conn: Connection, letter_id: int) -> dict | None:
    row = conn.execute(select(letters).where(letters.c.id == letter_id)).first()
    return dict(row._mapping) if row else None


def letters_numbered(conn: Connection, number_key: str, normalize) -> list[dict]:
    """Letters whose number is ``number_key`` once normalised (spaces, dashes, leading zeros)."""
    head = number_key.split("/", 1)[0]
    q = select(letters).where(or_(letters.c.doc_number == number_key, letters.c.doc_number.like(f"%{head}%/%")))
    return [dict(r._mapping) for r in conn.execute(q) if normalize(r.doc_number) == number_key]


def replies_citing(conn: Connection, number_key: str) -> list[dict]:
    """Letters already built that answer letter ``number_key`` (a reply recorded before the letter it answers)."""
    q = (select(letters).join(replies, replies.c.letter_id == letters.c.id)
         .where(replies.c.number_key == number_key, letters.c.obligations_built.is_(True)).order_by(letters.c.id))
    return [dict(r._mapping) for r in conn.execute(q)]


def add_replies(conn: Connection, letter_id: int, number_keys: Iterable[str]) -> None:
    keys = sorted({k for k in number_keys if k})
    if keys:
        conn.execute(insert(replies), [{"letter_id": letter_id, "number_key": k} for k in keys])


def source_addresses(conn: Connection, letter_id: int) -> list[dict]:
    q = (select(messages.c.from_addr, messages.c.direction, messages.c.received_at, messages.c.subject)
         .join(letter_sources, letter_sources.c.message_ref == messages.c.id)
         .where(letter_sources.c.letter_id == letter_id))
    return [dict(r._mapping) for r in conn.execute(q)]


def mark_built(conn: Connection, letter_id: int) -> None:
    conn.execute(update(letters).where(letters.c.id == letter_id)
                 .values(obligations_built=True, updated_at=utcnow()))


def edit_letter(conn: Connection, letter_id: int, changes: dict, *, actor: str, note: str | None = None) -> None:
    """Change fields of a letter, keeping every before/after in the history."""
    old = letter(conn, letter_id)
    if old is None:
        raise KeyError(letter_id)
    rows = []
    for field, value in changes.items():
        if old.get(field) != value:
            rows.append({"entity": "letter", "entity_id": letter_id, "action": "edit", "field": field,
                         "before": _text(old.get(field)), "after": _text(value), "actor": actor, "note": note})
    if rows:
        conn.execute(update(letters).where(letters.c.id == letter_id).values(**changes, updated_at=utcnow()))
        record(conn, rows)


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        import json

        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


# -- obligations ------------------------------------------------------------------------------------------------

def add_obligations(conn: Connection, letter_id: int, rows: list[dict]) -> list[int]:
    ids = []
    for row in rows:
        ob_id = conn.execute(insert(obligations).values(letter_id=letter_id, state=OPEN, **row)
                             .returning(obligations.c.id)).scalar_one()
        ids.append(ob_id)
        record(conn, [{"entity": "obligation", "entity_id": ob_id, "action": "create",
                       "after": f"{row['unit_text']} ({row['rule']}): hạn {row['due_date'].isoformat()}"}])
    return ids


def obligations_of_letter(conn: Connection, letter_id: int) -> list[dict]:
    q = select(obligations).where(obligations.c.letter_id == letter_id).order_by(obligations.c.id)
    return [dict(r._mapping) for r in conn.execute(q)]


def set_state(conn: Connection, changes: Iterable[tuple[int, str, str]], *, actor: str = SYSTEM,
              note: str | None = None, extra: dict | None = None) -> None:
    """Move obligations (id, old state, new state) and record each move. The history rows are written by the
    database from the obligations themselves (INSERT ... SELECT per group of ids), so a sweep that moves 27,000
    obligations sends a few dozen statements, not 27,000 rows of parameters."""
    groups: dict[tuple[str, str], list[int]] = {}
    for ob_id, old, new in changes:
        groups.setdefault((old, new), []).append(ob_id)
    now = utcnow()
    for (old, new), ids in groups.items():
        for chunk in _chunks(ids, 900):
            conn.execute(insert(history).from_select(
                ["entity", "entity_id", "action", "field", "before", "after", "actor", "note"],
                select(literal("obligation"), obligations.c.id, literal("state"), literal("state"), literal(old),
                       literal(new), literal(actor), literal(note, type_=Text))
                .where(obligations.c.id.in_(chunk))))
            conn.execute(update(obligations).where(obligations.c.id.in_(chunk))
                         .values(state=new, updated_at=now, **(extra or {})))


def answer(conn: Connection, ob: dict, *, by_letter: int, on: date, late: bool, note: str) -> None:
    conn.execute(update(obligations).where(obligations.c.id == ob["id"])
                 .values(state="answered", answered_by=by_letter, answered_on=on, late=late, updated_at=utcnow()))
    record(conn, [{"entity": "obligation", "entity_id": ob["id"], "action": "state", "field": "state",
                   "before": ob["state"], "after": "answered", "note": note}])


def edit_obligation(conn: Connection, ob: dict, changes: dict, *, actor: str = SYSTEM, note: str | None = None) -> None:
    """Change fields of an obligation (due date, flags...), keeping before/after in the history."""
    rows = [{"entity": "obligation", "entity_id": ob["id"], "action": "edit", "field": k, "before": _text(ob.get(k)),
             "after": _text(v), "actor": actor, "note": note} for k, v in changes.items() if ob.get(k) != v]
    if rows:
        conn.execute(update(obligations).where(obligations.c.id == ob["id"]).values(**changes, updated_at=utcnow()))
        record(conn, rows)


def owed_ward_recommendations(conn: Connection) -> list[dict]:
    """Ward recommendations the office itself must still answer, with their letters' numbers."""
    q = (select(obligations, letters.c.doc_number, letters.c.issue_date, letters.c.subject, letters.c.issuer,
                letters.c.issuer_unit_id, letters.c.doc_type)
         .join(letters, letters.c.id == obligations.c.letter_id)
         .where(obligations.c.role == "self", obligations.c.rule == "ward-recommendation",
                obligations.c.state == OPEN))
    return [dict(r._mapping) for r in conn.execute(q)]


def consultations_for(conn: Connection, recommendation_id: int) -> list[dict]:
    """The obligations of the units the office consulted about one ward recommendation (Đ.8.1.b)."""
    q = (select(obligations, letters.c.doc_number).join(letters, letters.c.id == obligations.c.letter_id)
         .where(obligations.c.consults_for == recommendation_id).order_by(obligations.c.id))
    return [dict(r._mapping) for r in conn.execute(q)]


def obligation(conn: Connection, ob_id: int) -> dict | None:
    row = conn.execute(select(obligations).where(obligations.c.id == ob_id)).first()
    return dict(row._mapping) if row else None


def open_obligations_due_by(conn: Connection, last_day: date) -> list[OpenObligation]:
    """Open (and overdue) obligations whose due day is on or before ``last_day`` (the sweep's window)."""
    q = (select(obligations.c.id, obligations.c.letter_id, obligations.c.unit_id, obligations.c.role,
                obligations.c.rule, obligations.c.due_date, obligations.c.on_lapse, obligations.c.state)
         .where(and_(obligations.c.state.in_(TRACKED), obligations.c.due_date <= last_day)))
    return [OpenObligation(r.id, r.letter_id, r.unit_id, r.role, r.rule, r.due_date, r.on_lapse, r.state)
            for r in conn.execute(q)]


def obligation_details(conn: Connection, ids: Sequence[int]) -> dict[int, dict]:
    """Obligations with their letter's fields, for drafting (each letter read once, however many units it asked)."""
    o = obligations.c  # only what drafting reads: timestamps cost a parse per row on SQLite
    cols = [o.id, o.letter_id, o.unit_id, o.unit_text, o.role, o.kind, o.rule, o.start_date, o.due_date, o.basis,
            o.on_lapse, o.flags, o.state]
    rows: list[dict] = []
    for chunk in _chunks(list(ids), 900):
        rows += [dict(r._mapping) for r in conn.execute(select(*cols).where(o.id.in_(chunk)))]
    l = letters.c
    letter_cols = [l.id, l.doc_number, l.doc_type, l.issue_date, l.subject, l.direction, l.issuer, l.issuer_unit_id,
                   l.status.label("letter_status")]
    by_letter: dict[int, dict] = {}
    for chunk in _chunks(sorted({r["letter_id"] for r in rows}), 900):
        for r in conn.execute(select(*letter_cols).where(l.id.in_(chunk))):
            values = dict(r._mapping)
            by_letter[values.pop("id")] = values
    return {r["id"]: {**r, **by_letter[r["letter_id"]]} for r in rows}


# -- drafts -----------------------------------------------------------------------------------------------------

def existing_draft_keys(conn: Connection, prefixes_for: Sequence[int]) -> set[str]:
    """Keys of drafts already written for these obligations."""
    keys: set[str] = set()
    for chunk in _chunks(list(prefixes_for), 900):
        q = select(drafts.c.dedupe_key).where(drafts.c.obligation_id.in_(chunk))
        keys.update(r[0] for r in conn.execute(q))
    return keys


def existing_keys(conn: Connection, keys: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(list(keys), 900):
        found.update(r[0] for r in conn.execute(select(drafts.c.dedupe_key).where(drafts.c.dedupe_key.in_(chunk))))
    return found


def lapsed_obligations_of_letters(conn: Connection, letter_ids: Sequence[int]) -> dict[int, list[dict]]:
    """Obligations deemed agreed or escalated, per letter."""
    out: dict[int, list[dict]] = {}
    cols = (obligations.c.id, obligations.c.letter_id, obligations.c.unit_id, obligations.c.unit_text,
            obligations.c.start_date, obligations.c.due_date, obligations.c.state, obligations.c.role,
            obligations.c.rule, obligations.c.basis, obligations.c.flags, obligations.c.on_lapse)
    for chunk in _chunks(list(letter_ids), 900):
        q = (select(*cols).where(obligations.c.letter_id.in_(chunk),
                                 obligations.c.state.in_(("deemed_agreed", "escalated"))).order_by(obligations.c.id))
        for r in conn.execute(q):
            out.setdefault(r.letter_id, []).append(dict(r._mapping))
    return out


def digest_rows(conn: Connection, lapsed_since: date, due_until: date) -> dict[str, list[dict]]:
    """What the weekly digest lists: open obligations due by ``due_until``, those that lapsed since
    ``lapsed_since``, and letters waiting for a clerk."""
    cols = (obligations.c.unit_id, obligations.c.unit_text, obligations.c.role, obligations.c.state,
            obligations.c.due_date, letters.c.doc_number, letters.c.subject)
    q = (select(*cols).join(letters, letters.c.id == obligations.c.letter_id)
         .where(or_(and_(obligations.c.state == OPEN, obligations.c.due_date <= due_until),
                    and_(obligations.c.state.in_(("deemed_agreed", "escalated")),
                         obligations.c.due_date >= lapsed_since)))
         .order_by(obligations.c.due_date, obligations.c.id))
    review = (select(letters.c.doc_number, letters.c.subject, letters.c.issuer)
              .where(letters.c.status.in_(("needs_review", "needs_ocr", "needs_password", "unreadable")))
              .order_by(letters.c.id))
    return {"obligations": [dict(r._mapping) for r in conn.execute(q)],
            "review": [dict(r._mapping) for r in conn.execute(review)]}


def draft_key_exists(conn: Connection, key: str) -> bool:
    return conn.execute(select(func.count()).select_from(drafts).where(drafts.c.dedupe_key == key)).scalar_one() > 0


def add_drafts(conn: Connection, rows: list[dict]) -> int:
    if not rows:
        return 0
    defaults = {"status": "drafted", "obligation_id": None, "letter_id": None, "to_unit_id": None, "to_unit": None,
                "letter_number": None, "due_date": None, "sweep_date": None}
    for chunk in _chunks(rows, 2000):
        keys = list(dict.fromkeys([*defaults, *(k for r in chunk for k in r)]))
        _insert_many(conn, drafts, [{k: {**defaults, **r}.get(k) for k in keys} for r in chunk])
    return len(rows)


def list_drafts(conn: Connection, *, status: str | None = None) -> list[dict]:
    q = select(drafts.c.id, drafts.c.kind, drafts.c.to_unit_id, drafts.c.to_unit, drafts.c.letter_number,
               drafts.c.due_date, drafts.c.subject, drafts.c.created_at, drafts.c.status, drafts.c.sweep_date,
               drafts.c.obligation_id, drafts.c.letter_id).order_by(drafts.c.id)
    if status:
        q = q.where(drafts.c.status == status)
    return [dict(r._mapping) for r in conn.execute(q)]


def draft(conn: Connection, draft_id: int) -> dict | None:
    row = conn.execute(select(drafts).where(drafts.c.id == draft_id)).first()
    return dict(row._mapping) if row else None


def save_rendering(conn: Connection, draft_id: int, **values) -> None:
    conn.execute(update(drafts).where(drafts.c.id == draft_id).values(**values, updated_at=utcnow()))


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
