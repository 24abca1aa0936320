"""The arrival register and letter search in SQL: arrival numbers (số đến), the register's rows, search, figures.

Arrival numbers run from 1 each year per office (NĐ 30/2020 Đ.22). The next number comes from a counter row
(``arrival_counters``) moved in the same transaction that records the letter: on PostgreSQL the row lock makes
concurrent recorders wait for each other, on SQLite the database's single writer does; a unique index on
(office, year, number) makes a double impossible whatever happens.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Sequence

from sqlalchemy import Connection, and_, bindparam, case, exists, func, or_, select, update

from tracker.db.schema import arrival_counters, letter_sources, letters, messages, obligations
from tracker.search import letter_search_text, like_patterns

LOCAL = timezone(timedelta(hours=7))  # Asia/Ho_Chi_Minh


def local_day(moment: datetime | None) -> date:
    """The local calendar day of a stored time (now when there is none)."""
    moment = moment or datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(LOCAL).date()


# -- arrival numbers ----------------------------------------------------------------------------------------------

# Statements built once (import numbers thousands of letters in a row): executed with parameters, each is compiled
# once per process and dialect.
_TAKE_NUMBER = (update(arrival_counters)
                .where(arrival_counters.c.office_id == bindparam("o"), arrival_counters.c.year == bindparam("y"))
                .values(last_number=arrival_counters.c.last_number + 1)
                .returning(arrival_counters.c.last_number))
_LETTER_TO_NUMBER = select(letters.c.direction, letters.c.arrival_number, letters.c.received_at,
                           letters.c.created_at, letters.c.office_id).where(letters.c.id == bindparam("id"))
_SET_NUMBER = (update(letters).where(letters.c.id == bindparam("letter_id"))
               .values(arrival_number=bindparam("n"), arrival_date=bindparam("d"), arrival_year=bindparam("y")))
_COUNTER_INSERTS: dict = {}


def _ensure_counter(conn: Connection, office_id: str, year: int) -> None:
    stmt = _COUNTER_INSERTS.get(conn.dialect.name)
    if stmt is None:
        if conn.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        stmt = _COUNTER_INSERTS.setdefault(conn.dialect.name, insert(arrival_counters).on_conflict_do_nothing())
    conn.execute(stmt, {"office_id": office_id, "year": year, "last_number": 0})


def next_arrival_number(conn: Connection, office_id: str, year: int) -> int:
    """Take the next arrival number of ``office_id`` in ``year`` (inside the caller's transaction)."""
    _ensure_counter(conn, office_id, year)
    return conn.execute(_TAKE_NUMBER, {"o": office_id, "y": year}).scalar_one()


def number_letter(conn: Connection, letter_id: int, *, day: date | None = None) -> int | None:
    """Give an incoming letter its arrival number and date, once: a letter already numbered keeps its number; an
    outgoing letter gets none. ``day`` is the day of arrival (default: the day its receipt time falls on)."""
    row = conn.execute(_LETTER_TO_NUMBER, {"id": letter_id}).mappings().first()
    if row is None or row["direction"] != "in":
        return None
    if row["arrival_number"] is not None:
        return row["arrival_number"]
    day = day or local_day(row["received_at"] or row["created_at"])
    number = next_arrival_number(conn, row["office_id"], day.year)
    conn.execute(_SET_NUMBER, {"letter_id": letter_id, "n": number, "d": day, "y": day.year})
    return number


# -- search text --------------------------------------------------------------------------------------------------

def refresh_search_text(conn: Connection, letter_ids: Sequence[int]) -> None:
    """Recompute the folded search words of these letters from their current fields."""
    for letter_id in letter_ids:
        row = conn.execute(select(letters).where(letters.c.id == letter_id)).mappings().first()
        if row is not None:
            conn.execute(update(letters).where(letters.c.id == letter_id)
                         .values(search_text=letter_search_text(dict(row))))


# -- the register's rows ------------------------------------------------------------------------------------------

def register_rows(conn: Connection, office_id: str, year: int, *, date_from: date | None = None,
                  date_to: date | None = None) -> list[dict]:
    """Numbered incoming letters of ``year`` in number order, with how each came (first source) and how often."""
    cond = [letters.c.office_id == office_id, letters.c.arrival_year == year, letters.c.arrival_number.is_not(None)]
    if date_from is not None:
        cond.append(letters.c.arrival_date >= date_from)
    if date_to is not None:
        cond.append(letters.c.arrival_date <= date_to)
    q = (select(letters.c.id, letters.c.arrival_number, letters.c.arrival_date, letters.c.issuer,
                letters.c.issuer_unit_id,
                letters.c.doc_number, letters.c.issue_date, letters.c.doc_type, letters.c.subject, letters.c.urgency,
                letters.c.secrecy, letters.c.status, letters.c.extraction)
         .where(*cond).order_by(letters.c.arrival_number))
    rows = [dict(r) for r in conn.execute(q).mappings()]
    ids = [r["id"] for r in rows]
    routes: dict[int, list[dict]] = {}
    for chunk in _chunks(ids, 900):
        q = (select(letter_sources.c.letter_id, messages.c.mailbox, messages.c.folder, messages.c.from_addr)
             .join(messages, messages.c.id == letter_sources.c.message_ref)
             .where(letter_sources.c.letter_id.in_(chunk)).order_by(letter_sources.c.id))
        for r in conn.execute(q).mappings():
            routes.setdefault(r["letter_id"], []).append(dict(r))
    for row in rows:
        row["sources"] = routes.get(row["id"], [])
    return rows


# -- search -------------------------------------------------------------------------------------------------------

def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, LOCAL).astimezone(timezone.utc)


def search_conditions(*, office_id: str, q: str | None, number: str | None, unit_id: str | None,
                      date_from: date | None, date_to: date | None, letter_states: Sequence[str] = (),
                      obligation_states: Sequence[str] = (), direction: str | None) -> list:
    """The WHERE conditions of a letter search (see tracker.register.search_letters)."""
    cond = [letters.c.office_id == office_id]
    for pattern in like_patterns(q):
        cond.append(letters.c.search_text.like(pattern))
    if number:
        cond.append(letters.c.search_text.like(number))
    if unit_id:  # issued by the unit, or owed by it (an index probe per letter: a common unit stops early)
        cond.append(or_(letters.c.issuer_unit_id == unit_id,
                        exists().where(obligations.c.unit_id == unit_id, obligations.c.letter_id == letters.c.id)))
    if date_from is not None:
        cond.append(letters.c.received_at >= _day_start(date_from))
    if date_to is not None:
        cond.append(letters.c.received_at < _day_start(date_to + timedelta(days=1)))
    if letter_states:
        cond.append(letters.c.status.in_(list(letter_states)))
    if obligation_states:
        cond.append(exists().where(obligations.c.state.in_(list(obligation_states)),
                                   obligations.c.letter_id == letters.c.id))
    if direction:
        cond.append(letters.c.direction == direction)
    return cond


SEARCH_COLUMNS = (letters.c.id, letters.c.direction, letters.c.doc_number, letters.c.doc_type, letters.c.issuer,
                  letters.c.issue_date, letters.c.subject, letters.c.status, letters.c.urgency,
                  letters.c.arrival_number, letters.c.arrival_date, letters.c.received_at)


COUNT_CAP = 1000  # matches counted at most: "more than 1,000" is all a person needs to narrow the search


def search(conn: Connection, cond: list, *, limit: int, offset: int) -> tuple[int, bool, list[dict]]:
    """(how many letters match, whether that is only a lower bound (``COUNT_CAP``), the page, newest first).

    First the ids of up to ``COUNT_CAP`` + 1 matches, in no order (SQLite then reads the narrow index on (office,
    search words) instead of the table, and a common word stops the scan early). When they are all the matches,
    they are sorted here and only the page's rows are read; else the page is read newest first, which stops as
    soon as it is full."""
    where = and_(*cond)
    ids = [r[0] for r in conn.execute(select(letters.c.id).where(where).limit(COUNT_CAP + 1))]
    if len(ids) <= COUNT_CAP:
        page_ids = sorted(ids, reverse=True)[offset:offset + limit]
        if not page_ids:
            return len(ids), False, []
        found = {r["id"]: dict(r) for r in
                 conn.execute(select(*SEARCH_COLUMNS).where(letters.c.id.in_(page_ids))).mappings()}
        return len(ids), False, [found[i] for i in page_ids]
    q = select(*SEARCH_COLUMNS).where(where).order_by(letters.c.id.desc()).limit(limit).offset(offset)
    return COUNT_CAP, True, [dict(r) for r in conn.execute(q).mappings()]


# -- leaders' figures ---------------------------------------------------------------------------------------------

COUNTED = ("open", "answered", "deemed_agreed", "escalated", "overdue")


def unit_figures(conn: Connection, office_id: str, date_from: date, date_to: date) -> list[dict]:
    """Per owing unit, obligations due in [date_from, date_to]: how many, and how many ended each way."""
    cond = [letters.c.office_id == office_id, obligations.c.due_date >= date_from, obligations.c.due_date <= date_to,
            obligations.c.state.in_(COUNTED), obligations.c.provisional.is_(False)]

    def count(*when):
        return func.sum(case((and_(*when), 1), else_=0))

    st = obligations.c.state
    q = (select(obligations.c.unit_id, func.min(obligations.c.unit_text).label("unit_text"),
                func.count().label("asked"),
                count(st == "answered", obligations.c.late.is_(False)).label("on_time"),
                count(st == "answered", obligations.c.late.is_(True)).label("late"),
                count(st.in_(("overdue", "escalated"))).label("overdue"),
                count(st == "deemed_agreed").label("deemed_agreed"),
                count(st == "open").label("open"))
         .join(letters, letters.c.id == obligations.c.letter_id)
         .where(*cond).group_by(obligations.c.unit_id,
                                case((obligations.c.unit_id.is_(None), obligations.c.unit_text), else_=None)))
    return [dict(r) for r in conn.execute(q).mappings()]


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
