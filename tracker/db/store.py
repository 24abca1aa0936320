"""Reads and writes of letters, obligations, history and drafts for the tracker's use cases.

Every read is scoped to one office (``office``: the registry unit id in ``Tracker.office_unit_id``): a letter,
obligation or draft of another office is simply not found. Obligations belong to their letter's office.
Inserts that could race with another process (obligations, replies, drafts) skip what the database already holds
(``ON CONFLICT DO NOTHING`` on its unique constraints), so concurrent runs double nothing and raise nothing.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from typing import Iterable, Sequence

from sqlalchemy import (JSON, Connection, Date, Integer, String, Text, and_, any_, bindparam, cast, exists, func,
                        insert, literal, or_, select, type_coerce, update)
from sqlalchemy.dialects.postgresql import ARRAY

from tracker.db import register
from tracker.db.schema import (draft_shared, drafts, history, letter_sources, letters, messages, obligations,
                               replies)
from tracker.sweep import OPEN, TRACKED, OpenObligation

SYSTEM = "congvan"
SUPERSEDED = "superseded"
PENDING = "pending"  # a draft's status when the sweep writes it


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def one_of(conn: Connection, column, values: Sequence, *, text: bool = False):
    """``column IN values`` as ONE bound parameter, however many values: an array on PostgreSQL
    (``= ANY(:values)``), a JSON list read by ``json_each`` on SQLite. A sweep that moves 27,000 obligations then
    sends one statement, not dozens of 900-parameter ones that the driver must split and the server plan anew."""
    values = list(values)
    if conn.dialect.name == "postgresql":
        # a bound array, not text cast to one: the planner sees its values (hashed look-ups, index scans)
        return column == any_(bindparam(None, values, type_=ARRAY(String if text else Integer)))
    listed = func.json_each(bindparam(None, json.dumps(values), type_=Text)).table_valued("value")
    return column.in_(select(listed.c.value))


# -- history ----------------------------------------------------------------------------------------------------

def record(conn: Connection, rows: Sequence[dict]) -> None:
    """Append history rows: dicts with entity, entity_id, action and optionally field, before, after, actor, note."""
    if rows:
        _insert_many(conn, history, [{"field": None, "before": None, "after": None, "note": None,
                                      "actor": SYSTEM, **r} for r in rows])


def _insert_many(conn: Connection, table, rows: list[dict], *, skip_doubles: bool = False,
                 defaults: dict | None = None) -> None:
    """INSERT many rows straight through the driver: SQLAlchemy's per-row parameter processing costs more than the
    insert itself when a sweep writes tens of thousands of drafts and history rows. Values are converted here the
    way the column types would: JSON to compact text, dates to ISO text on SQLite. ``skip_doubles``: a row the
    unique constraints refuse is skipped (ON CONFLICT DO NOTHING); ``defaults``: values of keys a row leaves out.
    Each row becomes its tuple of parameters in one pass. SQLite: executemany of one prepared INSERT. PostgreSQL:
    a large batch is streamed with COPY (no statement per row; see ``_copy_many``), ids following the list."""
    if not rows:
        return
    defaults = defaults or {}
    keys = list(dict.fromkeys([*defaults, *(k for r in rows for k in r)]))
    if conn.dialect.name == "postgresql" and len(rows) >= _COPY_FROM:
        _copy_many(conn, table, rows, keys, defaults, skip_doubles)
        return
    statement = insert_ignoring_doubles(conn, table) if skip_doubles else insert(table)
    compiled = statement.compile(dialect=conn.dialect, column_keys=keys)
    sqlite = conn.dialect.name == "sqlite"
    order = list(compiled.positiontup) if conn.dialect.positional else keys
    params = list(_parameters(table, rows, order, defaults, iso_dates=sqlite))
    if not conn.dialect.positional:
        params = [dict(zip(order, p)) for p in params]
    conn.exec_driver_sql(str(compiled), params)


_COPY_FROM = 500  # rows; below, one executemany costs less than a temporary table


def _parameters(table, rows: list[dict], keys: list[str], defaults: dict, *, iso_dates: bool):
    """Each row's parameters as a tuple in ``keys``' order, one row at a time."""
    fallback = [defaults.get(k) for k in keys]
    converters = []
    for i, key in enumerate(keys):
        kind = table.c[key].type
        if isinstance(kind, JSON):
            converters.append((i, _json_text))
        elif iso_dates and isinstance(kind, Date):
            converters.append((i, _iso))
    for r in rows:
        values = list(map(r.get, keys, fallback))
        for i, convert in converters:
            if values[i] is not None:
                values[i] = convert(values[i])
        yield tuple(values)


def _copy_many(conn: Connection, table, rows: list[dict], keys: list[str], defaults: dict,
               skip_doubles: bool) -> None:
    """COPY straight into ``table`` (its rows in the list's order), the database inserting while the rows are still
    being converted; when a unique constraint refuses one (``skip_doubles``: another writer got there first), the
    COPY is undone to its savepoint and the rows go through a staging table and INSERT ... ON CONFLICT DO NOTHING."""
    from psycopg import errors
    from psycopg.copy import QueuedLibpqWriter

    columns = ", ".join(conn.dialect.identifier_preparer.quote(k) for k in keys)
    name = conn.dialect.identifier_preparer.quote(table.name)
    cursor = conn.connection.driver_connection.cursor()
    try:
        if skip_doubles:
            cursor.execute("SAVEPOINT congvan_copy")
        try:
            with cursor.copy(f"COPY {name} ({columns}) FROM STDIN", writer=QueuedLibpqWriter(cursor)) as copy:
                for values in _parameters(table, rows, keys, defaults, iso_dates=False):
                    copy.write_row(values)
        except errors.UniqueViolation:
            if not skip_doubles:
                raise
            cursor.execute("ROLLBACK TO SAVEPOINT congvan_copy")
        else:
            if skip_doubles:
                cursor.execute("RELEASE SAVEPOINT congvan_copy")
            return
        staging = f"congvan_copy_{table.name}"  # no constraints: every row gets in, then the doubles are skipped
        cursor.execute(f"CREATE TEMPORARY TABLE {staging} ON COMMIT DROP AS "
                       f"SELECT 0 AS congvan_n, {columns} FROM {name} LIMIT 0")
        with cursor.copy(f"COPY {staging} (congvan_n, {columns}) FROM STDIN") as copy:
            for n, values in enumerate(_parameters(table, rows, keys, defaults, iso_dates=False)):
                copy.write_row((n, *values))
        cursor.execute(f"INSERT INTO {name} ({columns}) SELECT {columns} FROM {staging} ORDER BY congvan_n "
                       "ON CONFLICT DO NOTHING")
        cursor.execute(f"DROP TABLE {staging}")
    finally:
        cursor.close()


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)


def _json_text(value) -> str:
    return _JSON.encode(value)


def _iso(value) -> str:
    return value.isoformat()


def history_of(conn: Connection, entity: str, entity_id: int) -> list[dict]:
    q = select(history).where(history.c.entity == entity, history.c.entity_id == entity_id).order_by(history.c.id)
    return [dict(r._mapping) for r in conn.execute(q)]


# -- letters ----------------------------------------------------------------------------------------------------

def insert_ignoring_doubles(conn: Connection, table):
    """INSERT ... ON CONFLICT DO NOTHING, on SQLite and PostgreSQL: a row the unique constraints refuse is skipped."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert(table).on_conflict_do_nothing()


def _office_letter(office: str):
    return letters.c.office_id == office


def _office_obligation(office: str):
    """Obligations whose letter is the office's."""
    return exists().where(letters.c.id == obligations.c.letter_id, letters.c.office_id == office)


def pending_letters(conn: Connection, *, office: str) -> list[dict]:
    """Letters whose obligations have not been built yet, oldest first."""
    q = (select(letters).where(letters.c.obligations_built.is_(False), _office_letter(office))
         .order_by(letters.c.received_at.is_(None), letters.c.received_at, letters.c.id))
    return [dict(r._mapping) for r in conn.execute(q)]


def letter(conn: Connection, letter_id: int, *, office: str) -> dict | None:
    row = conn.execute(select(letters).where(letters.c.id == letter_id, _office_letter(office))).first()
    return dict(row._mapping) if row else None


def letters_numbered(conn: Connection, number_key: str, normalize, *, office: str) -> list[dict]:
    """Letters whose number is ``number_key`` once normalised (spaces, dashes, leading zeros)."""
    head = number_key.split("/", 1)[0]
    q = select(letters).where(or_(letters.c.doc_number == number_key, letters.c.doc_number.like(f"%{head}%/%")),
                              _office_letter(office))
    return [dict(r._mapping) for r in conn.execute(q) if normalize(r.doc_number) == number_key]


def reply_keys(conn: Connection, *, office: str) -> set[str]:
    """Every number some recorded letter of the office answers (normalised): most letters are cited by none, and
    need no look-up."""
    q = (select(replies.c.number_key).distinct().join(letters, letters.c.id == replies.c.letter_id)
         .where(_office_letter(office)))
    return {r[0] for r in conn.execute(q)}


def replies_citing(conn: Connection, number_key: str, *, office: str) -> list[dict]:
    """Letters already built that answer letter ``number_key`` (a reply recorded before the letter it answers)."""
    q = (select(letters).join(replies, replies.c.letter_id == letters.c.id)
         .where(replies.c.number_key == number_key, letters.c.obligations_built.is_(True), _office_letter(office))
         .order_by(letters.c.id))
    return [dict(r._mapping) for r in conn.execute(q)]


def add_replies(conn: Connection, letter_id: int, number_keys: Iterable[str]) -> None:
    keys = sorted({k for k in number_keys if k})
    if keys:
        conn.execute(insert_ignoring_doubles(conn, replies), [{"letter_id": letter_id, "number_key": k} for k in keys])


# Statements run once per letter, built once (compiled once per process).
_SOURCE_ADDRESSES = (select(messages.c.from_addr, messages.c.direction, messages.c.received_at, messages.c.subject)
                     .join(letter_sources, letter_sources.c.message_ref == messages.c.id)
                     .where(letter_sources.c.letter_id == bindparam("letter_id")))
_MARK_BUILT = (update(letters).where(letters.c.id == bindparam("letter_id"))
               .values(obligations_built=bindparam("built"), updated_at=bindparam("now")))


def source_addresses(conn: Connection, letter_id: int) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(_SOURCE_ADDRESSES, {"letter_id": letter_id})]


def mark_built(conn: Connection, letter_id: int, built: bool = True) -> None:
    conn.execute(_MARK_BUILT, {"letter_id": letter_id, "built": built, "now": utcnow()})


def edit_letter(conn: Connection, letter_id: int, changes: dict, *, office: str, actor: str,
                note: str | None = None) -> None:
    """Change fields of a letter, keeping every before/after in the history."""
    old = letter(conn, letter_id, office=office)
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
        register.refresh_search_text(conn, [letter_id])


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

def add_obligations(conn: Connection, letter_id: int, rows: list[dict], *, actor: str = SYSTEM,
                    note: str | None = None) -> list[int]:
    """Insert open obligations; one that would double a live obligation of the same letter, unit, role and kind
    (another planner got there first) is skipped. Returns the ids of those inserted."""
    ids = []
    for row in rows:
        values = {"provisional": False, **row, "letter_id": letter_id, "state": OPEN}
        ob_id = conn.execute(insert_ignoring_doubles(conn, obligations).values(**values)
                             .returning(obligations.c.id)).scalar()
        if ob_id is None:
            continue
        ids.append(ob_id)
        what = "tạm tính, chờ văn thư xác nhận" if values["provisional"] else None
        record(conn, [{"entity": "obligation", "entity_id": ob_id, "action": "create", "actor": actor,
                       "after": f"{row['unit_text']} ({row['rule']}): hạn {row['due_date'].isoformat()}",
                       "note": "; ".join(filter(None, [what, note])) or None}])
    return ids


def obligations_of_letter(conn: Connection, letter_id: int, *, live: bool = False) -> list[dict]:
    """The obligations of a letter (already known to be the office's); ``live``: not superseded."""
    q = select(obligations).where(obligations.c.letter_id == letter_id).order_by(obligations.c.id)
    if live:
        q = q.where(obligations.c.state != SUPERSEDED)
    return [dict(r._mapping) for r in conn.execute(q)]


def set_state(conn: Connection, changes: Iterable[tuple[int, str, str]], *, actor: str = SYSTEM,
              note: str | None = None, extra: dict | None = None) -> None:
    """Move obligations (id, old state, new state) and record each move. The history rows are written by the
    database from the obligations themselves (per group of ids: on PostgreSQL one UPDATE ... RETURNING feeding the
    INSERT, on SQLite an INSERT ... SELECT then the UPDATE), so a sweep that moves 27,000 obligations sends a few
    statements, not 27,000 rows of parameters."""
    groups: dict[tuple[str, str], list[int]] = {}
    for ob_id, old, new in changes:
        groups.setdefault((old, new), []).append(ob_id)
    now = utcnow()
    columns = ["entity", "entity_id", "action", "field", "before", "after", "actor", "note"]
    for (old, new), ids in groups.items():
        move = update(obligations).where(one_of(conn, obligations.c.id, ids)).values(state=new, updated_at=now,
                                                                                      **(extra or {}))
        if conn.dialect.name == "postgresql":  # one statement: the rows moved are the history's rows
            moved = move.returning(obligations.c.id).cte("moved")
            conn.execute(insert(history).from_select(columns, select(*_state_row(moved.c.id, old, new, actor, note))))
            continue
        conn.execute(insert(history).from_select(columns, select(*_state_row(obligations.c.id, old, new, actor, note))
                                                 .where(one_of(conn, obligations.c.id, ids))))
        conn.execute(move)


def _state_row(ob_id, old: str, new: str, actor: str, note: str | None) -> list:
    return [literal("obligation"), ob_id, literal("state"), literal("state"), literal(old), literal(new),
            literal(actor), literal(note, type_=Text)]


def answer(conn: Connection, ob: dict, *, by_letter: int, on: date, late: bool, note: str) -> None:
    conn.execute(update(obligations).where(obligations.c.id == ob["id"])
                 .values(state="answered", answered_by=by_letter, answered_on=on, late=late, updated_at=utcnow()))
    record(conn, [{"entity": "obligation", "entity_id": ob["id"], "action": "state", "field": "state",
                   "before": ob["state"], "after": "answered", "note": note}])


def edit_obligation(conn: Connection, ob: dict, changes: dict, *, actor: str = SYSTEM, note: str | None = None) -> None:
    """Change fields of an obligation (due date, flags...), keeping before/after in the history."""
    rows = [{"entity": "obligation", "entity_id": ob["id"], "action": "state" if k == "state" else "edit", "field": k, "before": _text(ob.get(k)),
             "after": _text(v), "actor": actor, "note": note} for k, v in changes.items() if ob.get(k) != v]
    if rows:
        conn.execute(update(obligations).where(obligations.c.id == ob["id"]).values(**changes, updated_at=utcnow()))
        record(conn, rows)


def open_obligations_spanning(conn: Connection, first, last, *, office: str) -> list[dict]:
    """Open obligations of ``office`` whose time runs over some day in [first, last] (started before ``last``, due
    on or after ``first``): those a new calendar decision on those days may move."""
    q = (select(obligations).where(obligations.c.state == OPEN, obligations.c.due_date >= first,
                                   obligations.c.start_date < last, _office_obligation(office))
         .order_by(obligations.c.letter_id, obligations.c.id))
    return [dict(r._mapping) for r in conn.execute(q)]


def owed_ward_recommendations(conn: Connection, *, office: str) -> list[dict]:
    """Ward recommendations the office itself must still answer, with their letters' numbers."""
    q = (select(obligations, letters.c.doc_number, letters.c.issue_date, letters.c.subject, letters.c.issuer,
                letters.c.issuer_unit_id, letters.c.doc_type)
         .join(letters, letters.c.id == obligations.c.letter_id)
         .where(obligations.c.role == "self", obligations.c.rule == "ward-recommendation",
                obligations.c.state == OPEN, obligations.c.provisional.is_(False), _office_letter(office)))
    return [dict(r._mapping) for r in conn.execute(q)]


def consultations_for(conn: Connection, recommendation_id: int, *, office: str) -> list[dict]:
    """The obligations of the units the office consulted about one ward recommendation (Đ.8.1.b)."""
    q = (select(obligations, letters.c.doc_number).join(letters, letters.c.id == obligations.c.letter_id)
         .where(obligations.c.consults_for == recommendation_id, obligations.c.state != SUPERSEDED,
                _office_letter(office)).order_by(obligations.c.id))
    return [dict(r._mapping) for r in conn.execute(q)]


def obligation(conn: Connection, ob_id: int, *, office: str) -> dict | None:
    row = conn.execute(select(obligations).where(obligations.c.id == ob_id, _office_obligation(office))).first()
    return dict(row._mapping) if row else None


def sweep_window(conn: Connection, last_day: date, *, office: str) -> tuple[list[OpenObligation], dict[int, dict]]:
    """Open (and overdue) obligations whose due day is on or before ``last_day`` (the sweep's window), and each one's
    fields with its letter's, for drafting (each letter read once, however many units it asked): one read of the
    obligations, however many of them lapse at once. Provisional ones (their letter waits for a clerk) and those of
    units the registry does not know in unconfirmed letters (recorded before provisional obligations existed) are
    left alone."""
    o = obligations.c  # only what drafting reads: timestamps cost a parse per row on SQLite
    cols = [o.id, o.letter_id, o.unit_id, o.unit_text, o.role, o.kind, o.rule, o.start_date, o.due_date, o.basis,
            o.on_lapse, o.flags, o.state]
    q = (select(*(_raw(conn, c) for c in cols))
         .join(letters, letters.c.id == o.letter_id)
         .where(and_(o.state.in_(TRACKED), o.due_date <= last_day,
                     o.provisional.is_(False), _office_letter(office),
                     # a unit the registry does not know is written to only once a clerk confirmed the letter
                     or_(o.unit_id.is_not(None), letters.c.status == "confirmed"))))
    names = [c.key for c in cols]
    converted = [(i, _parser(conn, c)) for i, c in enumerate(cols) if isinstance(c.type, (JSON, Date))]
    rows = []
    for r in conn.execute(q).all():
        r = list(r)
        for i, parse in converted:
            r[i] = parse(r[i])
        row = dict(zip(names, r))
        if row["flags"] is not None:  # a list kept by the parser's memo is shared: each row gets its own
            row["flags"] = list(row["flags"])
        rows.append(row)
    l = letters.c
    letter_cols = [l.id, l.doc_number, l.doc_type, l.issue_date, l.subject, l.direction, l.issuer, l.issuer_unit_id,
                   l.status.label("letter_status")]
    wanted = sorted({r["letter_id"] for r in rows})
    by_letter = {}
    if wanted:
        result = conn.execute(select(*letter_cols).where(one_of(conn, l.id, wanted), _office_letter(office)))
        letter_names = list(result.keys())[1:]
        by_letter = {r[0]: dict(zip(letter_names, r[1:])) for r in result.all()}
    window, details = [], {}
    for r in rows:
        window.append(OpenObligation(r["id"], r["letter_id"], r["unit_id"], r["role"], r["rule"], r["due_date"],
                                     r["on_lapse"], r["state"]))
        r.update(by_letter[r["letter_id"]])  # each row gets its letter's fields (the letter's dict is read, not shared)
        details[r["id"]] = r
    return window, details


def _raw(conn: Connection, column):
    """``column`` as the driver hands it over, without SQLAlchemy's conversion per row: dates are ISO text on
    SQLite, JSON is text on both (cast); ``_parser`` converts each distinct value once. A sweep reads tens of
    thousands of rows holding a few hundred distinct due days and a handful of distinct flag lists."""
    if isinstance(column.type, JSON):
        return cast(column, Text).label(column.key)
    if conn.dialect.name == "sqlite" and isinstance(column.type, Date):
        return type_coerce(column, String).label(column.key)
    return column


def _parser(conn: Connection, column):
    """The conversion of ``_raw(column)``'s values, memoised."""
    if isinstance(column.type, JSON):
        convert = json.loads
    elif conn.dialect.name == "sqlite" and isinstance(column.type, Date):
        convert = date.fromisoformat
    else:
        return lambda value: value
    memo: dict = {}

    def parse(value):
        if value is None:
            return None
        parsed = memo.get(value)
        if parsed is None:
            parsed = memo[value] = convert(value)
        return parsed
    return parse


# -- drafts -----------------------------------------------------------------------------------------------------

def existing_draft_keys(conn: Connection, prefixes_for: Sequence[int]) -> set[str]:
    """Keys of drafts already written for these obligations."""
    if not prefixes_for:
        return set()
    q = select(drafts.c.dedupe_key).where(one_of(conn, drafts.c.obligation_id, prefixes_for))
    return {r[0] for r in conn.execute(q).all()}


def existing_keys(conn: Connection, keys: Sequence[str], *, office: str) -> set[str]:
    if not keys:
        return set()
    return {r[0] for r in conn.execute(select(drafts.c.dedupe_key).where(
        one_of(conn, drafts.c.dedupe_key, keys, text=True), drafts.c.office_id == office))}


def digest_rows(conn: Connection, lapsed_since: date, due_until: date, *, office: str) -> dict[str, list[dict]]:
    """What the weekly digest lists: open obligations due by ``due_until``, those that lapsed since
    ``lapsed_since``, and letters waiting for a clerk."""
    # The obligations first (their state and due-day index), then their letters by key: a join lets PostgreSQL,
    # whose statistics lag behind a sweep that just moved thousands of rows, loop over every letter of the office.
    o = obligations.c
    q = (select(o.letter_id, o.unit_id, o.unit_text, o.role, o.state, o.due_date)
         .where(or_(and_(o.state == OPEN, o.due_date <= due_until),
                    and_(o.state.in_(("deemed_agreed", "escalated")), o.due_date >= lapsed_since)),
                o.provisional.is_(False))
         .order_by(o.due_date, o.id))
    found = [dict(r._mapping) for r in conn.execute(q)]
    wanted = sorted({r["letter_id"] for r in found})
    named = {r.id: (r.doc_number, r.subject) for r in conn.execute(
        select(letters.c.id, letters.c.doc_number, letters.c.subject)
        .where(one_of(conn, letters.c.id, wanted), _office_letter(office)))} if wanted else {}
    rows = [{**{k: v for k, v in r.items() if k != "letter_id"}, "doc_number": named[r["letter_id"]][0],
             "subject": named[r["letter_id"]][1]} for r in found if r["letter_id"] in named]
    review = (select(letters.c.doc_number, letters.c.subject, letters.c.issuer)
              .where(letters.c.status.in_(("needs_review", "needs_ocr", "needs_password", "unreadable")),
                     _office_letter(office))
              .order_by(letters.c.id))
    return {"obligations": rows,
            "review": [dict(r._mapping) for r in conn.execute(review)]}


def draft_key_exists(conn: Connection, key: str, *, office: str) -> bool:
    return bool(existing_keys(conn, [key], office=office))


def add_drafts(conn: Connection, rows: list[dict], *, office: str) -> int:
    """Insert drafts of ``office``; a key it already has (a concurrent sweep wrote it) is skipped. Returns how
    many rows were given. A row's ``shared`` (optional): the part of its context that other drafts of the same
    call share (the very same dict: the letter, the office, the day), written once in ``draft_shared`` when two or
    more drafts share it (else merged back into the row's context); ``with_context`` merges it back on reading."""
    if not rows:
        return 0
    defaults = {"status": PENDING, "obligation_id": None, "letter_id": None, "to_unit_id": None, "to_unit": None,
                "letter_number": None, "due_date": None, "sweep_date": None, "shared_id": None}
    defaults["office_id"] = office
    rows = [{**r, "office_id": office} if "office_id" in r else r for r in rows]
    _insert_many(conn, drafts, _share_contexts(conn, rows, office), skip_doubles=True, defaults=defaults)
    return len(rows)


def _share_contexts(conn: Connection, rows: list[dict], office: str) -> list[dict]:
    """The rows to insert: ``shared`` replaced by the ``draft_shared`` row written for it (``shared_id``), or merged
    back into the context when no other row of the call shares it."""
    uses: dict[int, int] = {}
    for r in rows:
        shared = r.get("shared")
        if shared is not None:
            uses[id(shared)] = uses.get(id(shared), 0) + 1
    if not uses:
        return rows
    distinct: dict[int, dict] = {}
    for r in rows:
        shared = r.get("shared")
        if shared is not None and uses[id(shared)] > 1:
            distinct.setdefault(id(shared), shared)
    ids = dict(zip(distinct, _add_shared(conn, list(distinct.values()), office)))
    out = []
    for r in rows:
        if "shared" not in r:
            out.append(r)
            continue
        row = dict(r)
        shared = row.pop("shared")
        if shared is None:
            pass
        elif id(shared) in ids:
            row["shared_id"] = ids[id(shared)]
        else:  # shared by no other draft: kept whole
            row["context"] = {**shared, **row["context"]}
        out.append(row)
    return out


def _add_shared(conn: Connection, contexts: list[dict], office: str) -> list[int]:
    """Insert ``draft_shared`` rows; their ids in the same order. PostgreSQL: ids drawn from the sequence first.
    SQLite: the rows get the next ids in order, and no other writer comes in before the transaction ends."""
    if not contexts:
        return []
    if conn.dialect.name == "postgresql":
        ids = list(conn.execute(select(func.nextval(func.pg_get_serial_sequence("draft_shared", "id")))
                                .select_from(func.generate_series(1, len(contexts)))).scalars())
        _insert_many(conn, draft_shared, [{"id": i, "office_id": office, "context": c} for i, c in zip(ids, contexts)])
        return ids
    _insert_many(conn, draft_shared, [{"office_id": office, "context": c} for c in contexts])
    last = conn.execute(select(func.max(draft_shared.c.id))).scalar_one()
    return list(range(last - len(contexts) + 1, last + 1))


def with_context(conn: Connection, rows: list[dict]) -> list[dict]:
    """Draft rows (dicts of every column) with their whole context: the shared part merged under their own."""
    wanted = sorted({r["shared_id"] for r in rows if r.get("shared_id") is not None})
    shared = {}
    if wanted:
        shared = {r.id: r.context for r in conn.execute(
            select(draft_shared.c.id, draft_shared.c.context).where(one_of(conn, draft_shared.c.id, wanted)))}
    for r in rows:
        shared_id = r.pop("shared_id", None)
        if shared_id is not None and shared_id in shared:
            r["context"] = {**shared[shared_id], **(r["context"] or {})}
    return rows


def list_drafts(conn: Connection, *, office: str, status: str | Sequence[str] | None = None) -> list[dict]:
    q = select(drafts.c.id, drafts.c.kind, drafts.c.to_unit_id, drafts.c.to_unit, drafts.c.letter_number,
               drafts.c.due_date, drafts.c.subject, drafts.c.created_at, drafts.c.status, drafts.c.sweep_date,
               drafts.c.obligation_id, drafts.c.letter_id, drafts.c.signed_number, drafts.c.signed_on
               ).where(drafts.c.office_id == office).order_by(drafts.c.id)
    if status:
        q = q.where(drafts.c.status.in_([status] if isinstance(status, str) else list(status)))
    return [dict(r._mapping) for r in conn.execute(q)]


def draft(conn: Connection, draft_id: int, *, office: str) -> dict | None:
    row = conn.execute(select(drafts).where(drafts.c.id == draft_id, drafts.c.office_id == office)).first()
    return with_context(conn, [dict(row._mapping)])[0] if row else None


def drafts_of_obligations(conn: Connection, obligation_ids: Sequence[int], *, office: str,
                          statuses: Sequence[str]) -> list[dict]:
    out: list[dict] = []
    for chunk in _chunks(list(obligation_ids), 900):
        q = select(drafts).where(drafts.c.obligation_id.in_(chunk), drafts.c.office_id == office,
                                 drafts.c.status.in_(list(statuses))).order_by(drafts.c.id)
        out += [dict(r._mapping) for r in conn.execute(q)]
    return with_context(conn, out)


_DRAFT_HISTORY = ("status", "signed_number", "signed_on")


def change_draft(conn: Connection, row: dict, changes: dict, *, actor: str, note: str | None = None) -> None:
    """Change a draft (status, the number and date it was signed with...), keeping the history."""
    conn.execute(update(drafts).where(drafts.c.id == row["id"]).values(**changes, updated_at=utcnow()))
    record(conn, [{"entity": "draft", "entity_id": row["id"], "action": "state" if k == "status" else "edit",
                   "field": k, "before": _text(row.get(k)), "after": _text(v), "actor": actor, "note": note}
                  for k, v in changes.items() if k in _DRAFT_HISTORY and row.get(k) != v])


def retire_reminder_keys(conn: Connection, obligation_id: int, suffix: str, *, office: str) -> None:
    """The reminders already written for an obligation's old due day no longer stand for the new one: their keys
    get ``suffix``, so the sweep counts down to the new day afresh."""
    q = select(drafts.c.id, drafts.c.dedupe_key).where(drafts.c.obligation_id == obligation_id,
                                                       drafts.c.office_id == office, drafts.c.kind == "reminder")
    for r in conn.execute(q).all():
        conn.execute(update(drafts).where(drafts.c.id == r.id).values(dedupe_key=f"{r.dedupe_key}{suffix}"[:300]))


def draft_signed_as(conn: Connection, number: str, *, office: str) -> int | None:
    """The draft of ``office`` already signed with this number, if any."""
    return conn.execute(select(drafts.c.id).where(drafts.c.office_id == office, drafts.c.signed_number == number)
                        .limit(1)).scalar()


def save_rendering(conn: Connection, draft_id: int, **values) -> None:
    conn.execute(update(drafts).where(drafts.c.id == draft_id).values(**values, updated_at=utcnow()))


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]


# -- what the clerk lists -----------------------------------------------------------------------------------------

def list_obligations(conn: Connection, *, office: str, state: str | None = None) -> list[dict]:
    """The office's obligations with their letters' numbers, by due date; superseded ones only when asked for."""
    q = (select(obligations, letters.c.doc_number, letters.c.direction, letters.c.status.label("letter_status"))
         .join(letters, letters.c.id == obligations.c.letter_id).where(_office_letter(office))
         .order_by(obligations.c.due_date, obligations.c.id))
    q = q.where(obligations.c.state == state) if state else q.where(obligations.c.state != SUPERSEDED)
    return [dict(r._mapping) for r in conn.execute(q)]


def waiting_letters(conn: Connection, *, office: str, statuses: Sequence[str]) -> list[dict]:
    q = select(letters).where(letters.c.status.in_(list(statuses)), _office_letter(office)).order_by(letters.c.id)
    return [dict(r._mapping) for r in conn.execute(q)]
