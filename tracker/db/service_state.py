"""The always-on service's state in SQL: mailbox health, mailbox leases between workers, and the daily sweep's
claim (once per office and day). Times come in as arguments (the caller's clock); nothing here reads one.

Leases: each configured mailbox has one row naming the worker that watches it until ``expires_at``. A worker
renews its rows while it lives and claims free or expired rows up to its fair share (the mailboxes divided by the
workers alive) with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so that two workers never claim the same row.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from typing import Iterable

from sqlalchemy import Engine, and_, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from tracker.db.schema import letters, mailbox_health, mailbox_leases, obligations, service_workers, sweep_runs


def _upsert(conn, table, values: dict, keys: tuple[str, ...]) -> None:
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    stmt = dialect_insert(table).values(**values)
    changed = {k: v for k, v in values.items() if k not in keys}
    conn.execute(stmt.on_conflict_do_update(index_elements=list(keys), set_=changed) if changed
                 else stmt.on_conflict_do_nothing(index_elements=list(keys)))


# -- mailbox health ---------------------------------------------------------------------------------------------

def record_health(engine: Engine, office: str, mailbox: str, folder: str, *, worker: str, now: datetime,
                  ok: bool | None = None, error: str | None = None, backlog: int | None = None) -> None:
    """Note a success (``ok=True``), an error (one line) or the current backlog of one watched folder."""
    values: dict = {"office_id": office, "mailbox": mailbox, "folder": folder, "worker": worker, "updated_at": now}
    if ok:
        values["last_success_at"] = now
    if error is not None:
        values.update(last_error=error[:1000], last_error_at=now)
    if backlog is not None:
        values["backlog"] = backlog
    with engine.begin() as conn:
        _upsert(conn, mailbox_health, values, ("office_id", "mailbox", "folder"))


def health(engine: Engine, office: str) -> list[dict]:
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(
            select(mailbox_health).where(mailbox_health.c.office_id == office)
            .order_by(mailbox_health.c.mailbox, mailbox_health.c.folder))]


# -- workers and mailbox leases ---------------------------------------------------------------------------------

def balance_leases(engine: Engine, office: str, worker: str, mailboxes: Iterable[str], *, now: datetime,
                   ttl: float) -> tuple[set[str], set[str]]:
    """Renew this worker's leases and claim free or expired ones up to its fair share.

    Returns (the mailboxes it holds now, those it should give back because it holds more than its share).
    """
    names = sorted(set(mailboxes))
    until = now + timedelta(seconds=ttl)
    with engine.begin() as conn:
        _upsert(conn, service_workers, {"office_id": office, "worker": worker, "seen_at": now},
                ("office_id", "worker"))
        conn.execute(delete(service_workers).where(service_workers.c.seen_at < now - timedelta(seconds=3 * ttl)))
        for name in names:
            _upsert(conn, mailbox_leases, {"office_id": office, "mailbox": name}, ("office_id", "mailbox"))
        conn.execute(update(mailbox_leases).where(
            mailbox_leases.c.office_id == office, mailbox_leases.c.worker == worker,
            mailbox_leases.c.mailbox.in_(names)).values(expires_at=until))
        alive = conn.execute(select(func.count()).select_from(service_workers).where(
            service_workers.c.office_id == office,
            service_workers.c.seen_at >= now - timedelta(seconds=ttl))).scalar_one()
    share = math.ceil(len(names) / max(1, alive)) if names else 0
    mine = _held(engine, office, worker, names)
    if len(mine) < share:
        with engine.begin() as conn:
            free = conn.execute(
                select(mailbox_leases.c.mailbox)
                .where(mailbox_leases.c.office_id == office, mailbox_leases.c.mailbox.in_(names),
                       or_(mailbox_leases.c.worker.is_(None), mailbox_leases.c.expires_at.is_(None),
                           mailbox_leases.c.expires_at < now))
                .order_by(mailbox_leases.c.mailbox).limit(share - len(mine))
                .with_for_update(skip_locked=True)).scalars().all()
            if free:
                conn.execute(update(mailbox_leases).where(mailbox_leases.c.office_id == office,
                                                          mailbox_leases.c.mailbox.in_(free))
                             .values(worker=worker, expires_at=until))
        mine = _held(engine, office, worker, names)
    extra = set(sorted(mine)[share:]) if len(mine) > share else set()
    return mine, extra


def _held(engine: Engine, office: str, worker: str, names: list[str]) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(select(mailbox_leases.c.mailbox).where(
            mailbox_leases.c.office_id == office, mailbox_leases.c.worker == worker,
            mailbox_leases.c.mailbox.in_(names))).scalars())


def release_leases(engine: Engine, office: str, worker: str, mailboxes: Iterable[str] | None = None) -> None:
    """Give back leases (all of this worker's when ``mailboxes`` is None), e.g. on a clean stop."""
    cond = [mailbox_leases.c.office_id == office, mailbox_leases.c.worker == worker]
    if mailboxes is not None:
        cond.append(mailbox_leases.c.mailbox.in_(list(mailboxes)))
    with engine.begin() as conn:
        conn.execute(update(mailbox_leases).where(*cond).values(worker=None, expires_at=None))
        if mailboxes is None:
            conn.execute(delete(service_workers).where(service_workers.c.office_id == office,
                                                       service_workers.c.worker == worker))


def leases(engine: Engine, office: str) -> dict[str, tuple[str | None, datetime | None]]:
    with engine.connect() as conn:
        return {r.mailbox: (r.worker, r.expires_at) for r in conn.execute(
            select(mailbox_leases).where(mailbox_leases.c.office_id == office))}


# -- the daily sweep, once per office and day -------------------------------------------------------------------

def claim_sweep(engine: Engine, office_id: str, day: date, *, worker: str, now: datetime,
                stale_after: float = 900.0) -> bool:
    """True when this worker is to run the sweep of ``office_id`` for ``day``: nobody has, or a worker that started
    it died (not finished after ``stale_after`` seconds; the sweep is idempotent, so running it again is safe)."""
    try:
        with engine.begin() as conn:
            conn.execute(insert(sweep_runs).values(office_id=office_id, day=day, worker=worker, started_at=now))
        return True
    except IntegrityError:
        pass
    with engine.begin() as conn:
        taken = conn.execute(update(sweep_runs).where(
            sweep_runs.c.office_id == office_id, sweep_runs.c.day == day, sweep_runs.c.finished_at.is_(None),
            sweep_runs.c.started_at < now - timedelta(seconds=stale_after)).values(worker=worker, started_at=now))
        return taken.rowcount == 1


def finish_sweep(engine: Engine, office_id: str, day: date, *, now: datetime, summary: dict) -> None:
    with engine.begin() as conn:
        conn.execute(update(sweep_runs).where(sweep_runs.c.office_id == office_id, sweep_runs.c.day == day)
                     .values(finished_at=now, summary=summary))


def sweep_days(engine: Engine, office_id: str, since: date) -> dict[date, dict]:
    """The sweeps of an office since ``since``: day -> {worker, started_at, finished_at, summary}."""
    with engine.connect() as conn:
        rows = conn.execute(select(sweep_runs).where(sweep_runs.c.office_id == office_id, sweep_runs.c.day >= since)
                            .order_by(sweep_runs.c.day))
        return {r.day: dict(r._mapping) for r in rows}


# -- what `congvan status` shows --------------------------------------------------------------------------------

def open_due_by(engine: Engine, office: str, last_day: date) -> list[dict]:
    """The office's open obligations due on or before ``last_day``, with their letter's number and subject."""
    q = (select(obligations.c.id, obligations.c.unit_id, obligations.c.unit_text, obligations.c.role,
                obligations.c.due_date, letters.c.id.label("letter_id"), letters.c.doc_number, letters.c.subject,
                letters.c.secrecy)
         .join(letters, letters.c.id == obligations.c.letter_id)
         .where(and_(letters.c.office_id == office, obligations.c.state == "open",
                     obligations.c.due_date <= last_day))
         .order_by(obligations.c.due_date, obligations.c.id))
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]
