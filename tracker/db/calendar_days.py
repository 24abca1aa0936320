"""The calendar's yearly decisions an administrator added (``congvan calendar add``), applied over the shipped table."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, delete, insert, select

from tracker.db.schema import calendar_days


def entries(db: Engine | Connection) -> tuple[tuple, ...]:
    """(day, kind, reason, source) of every added day, by day: hashable, so a calendar can be cached on it. Given a
    connection, read inside its transaction (what a change just wrote included)."""
    if isinstance(db, Engine):
        with db.connect() as conn:
            return entries(conn)
    rows = db.execute(select(calendar_days.c.day, calendar_days.c.kind, calendar_days.c.reason,
                             calendar_days.c.source).order_by(calendar_days.c.day))
    return tuple(tuple(r) for r in rows)


def on_day(conn: Connection, day) -> dict | None:
    row = conn.execute(select(calendar_days).where(calendar_days.c.day == day)).first()
    return dict(row._mapping) if row else None


def add(conn: Connection, **row) -> None:
    conn.execute(insert(calendar_days).values(**row))


def remove(conn: Connection, day) -> None:
    conn.execute(delete(calendar_days).where(calendar_days.c.day == day))

