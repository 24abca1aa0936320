"""Named locks shared by every process that uses one database: an office's planning and sweeping, a mailbox's
intake, and migrations.

PostgreSQL: a session advisory lock (good across machines) on a connection of its own. SQLite: an advisory file
lock (flock) beside the database file. Either is released by the operating system when the process dies. Within
one process the lock is re-entrant per thread (a use case that calls another under the same lock does not wait on
itself), and threads of one process take turns.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import threading
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, text

_guard = threading.Lock()
_thread_locks: dict[tuple[str, str], threading.RLock] = {}
_depth: dict[tuple[str, str], int] = {}


def lock_key(name: str) -> int:
    """A signed 64-bit key for ``name`` (PostgreSQL advisory locks take a bigint)."""
    return int.from_bytes(hashlib.sha256(f"congvan-{name}".encode()).digest()[:8], "big", signed=True)


def lock_path(engine: Engine, name: str) -> Path | None:
    """The lock file of ``name`` beside a SQLite database file (None for PostgreSQL or an in-memory database)."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    kind = name.split(":", 1)[0]
    return Path(f"{database}.{kind}-{lock_key(name) & 0xFFFFFFFF:08x}.lock")


@contextlib.contextmanager
def hold(engine: Engine, name: str) -> Iterator[None]:
    """Hold lock ``name`` of this database, waiting for whoever holds it (another process, machine or thread)."""
    ident = (engine.url.render_as_string(hide_password=True), name)
    with _guard:
        local = _thread_locks.setdefault(ident, threading.RLock())
    with local:
        depth = _depth.get(ident, 0)
        _depth[ident] = depth + 1
        try:
            if depth:
                yield  # this thread holds it already
            else:
                with _os_lock(engine, name):
                    yield
        finally:
            _depth[ident] -= 1


@contextlib.contextmanager
def _os_lock(engine: Engine, name: str) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        key = lock_key(name)
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": key})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                conn.commit()
        return
    path = lock_path(engine, name)
    if path is None:  # an in-memory database lives in this process only: the thread lock is enough
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def office_lock(engine: Engine, office_unit_id: str):
    """The lock under which an office's obligations are planned and swept: one planner or sweeper at a time."""
    return hold(engine, f"office:{office_unit_id}")


def schema_lock(engine: Engine):
    """The lock around migrations and the unit registry's synchronisation: two first starts take turns."""
    return hold(engine, "schema:migrations")
