"""Reads and writes of the web page's users (hashes only; the hashing itself is web.accounts')."""

from __future__ import annotations

from sqlalchemy import Connection, insert, select, update

from tracker.db.schema import users
from tracker.db.store import utcnow

PUBLIC = (users.c.id, users.c.name, users.c.full_name, users.c.role, users.c.office_id, users.c.disabled,
          users.c.created_at, users.c.last_login_at)


def add(conn: Connection, *, name: str, full_name: str, role: str, office_id: str, password_hash: str) -> int:
    return conn.execute(insert(users).values(name=name, full_name=full_name, role=role, office_id=office_id,
                                             password_hash=password_hash).returning(users.c.id)).scalar_one()


def by_name(conn: Connection, name: str) -> dict | None:
    """The user with this login name, hash included (for checking a password)."""
    row = conn.execute(select(users).where(users.c.name == name)).first()
    return dict(row._mapping) if row else None


def by_id(conn: Connection, user_id: int) -> dict | None:
    row = conn.execute(select(*PUBLIC).where(users.c.id == user_id)).first()
    return dict(row._mapping) if row else None


def listing(conn: Connection, office_id: str | None = None) -> list[dict]:
    q = select(*PUBLIC).order_by(users.c.office_id, users.c.name)
    if office_id is not None:
        q = q.where(users.c.office_id == office_id)
    return [dict(r._mapping) for r in conn.execute(q)]


def change(conn: Connection, user_id: int, **values) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(**values))


def touch_login(conn: Connection, user_id: int) -> None:
    change(conn, user_id, last_login_at=utcnow())
