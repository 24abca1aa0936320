"""The daily sweep over 100,000 open obligations, on SQLite and on a throwaway PostgreSQL.

    .venv/bin/python bench/bench_sweep.py [--only sqlite|postgresql]

Four sweeps are measured on the same database, one after the other:
  typical   the first sweep, in April: every obligation due since January lapses at once (27,124: as many
            "deemed agreed" notices, 2,713 Đ.10.2 reports, 1,644 reminders for those due within 3 working days);
  again     the same sweep run twice: nothing new is written;
  next day  an ordinary day: yesterday's lapses and today's reminders;
  backlog   a sweep after a month without one: every obligation due in that month lapses at once (8,767).
Target: each under 2 s on both databases (issue 9). The machine is shared and the figures vary with its load: run
it several times and take the minimum and the median of each line. What a sweep that meets 27,000 lapses costs, and
what keeps it under 2 s: one read of the window (obligations and their letters), the states moved by one UPDATE ...
RETURNING feeding the history (PostgreSQL), the drafts' shared context (letter, office, day) written once per
letter (draft_shared), the drafts sent by COPY on PostgreSQL and by one executemany on SQLite, and Python's cycle
collector paused meanwhile (its full passes over tens of thousands of new objects cost a quarter of the time).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._postgres import on_postgres  # noqa: E402

from sqlalchemy import func, insert, select  # noqa: E402

from tracker import db  # noqa: E402
from tracker.calendar import WorkingCalendar  # noqa: E402
from tracker.db import units as unit_rows  # noqa: E402
from tracker.db.schema import drafts, letters, obligations  # noqa: E402
from tracker.rules import RulePack  # noqa: E402
from tracker.service import Tracker, sweep  # noqa: E402
from tracker.units import UnitRegistry  # noqa: E402

N = 100_000
PER_LETTER = 10
START = date(2026, 1, 5)
UNITS = ["q11.qldt", "q11.tnmt", "q11.tckh", "q11.kt", "q11.vhtt", "q11.p1", "q11.p3", "q11.p7", "q11.p14", "q11.p16"]


def populate(engine) -> None:
    at = datetime(2026, 1, 5, 2, 0, tzinfo=timezone.utc)
    with engine.begin() as conn:
        conn.execute(insert(letters), [
            {"id": i + 1, "office_id": "q11.p5", "direction": "out", "doc_number": f"{i + 1}/UBND-ĐT", "doc_type": "Công văn",
             "issuer": "Ủy ban nhân dân Phường 5", "issue_date": START, "subject": "V/v lấy ý kiến",
             "received_at": at, "status": "new", "obligations_built": True}
            for i in range(N // PER_LETTER)])
        rows = []
        for i in range(N):
            due = START + timedelta(days=1 + (i * 365) // N)
            rows.append({"letter_id": i // PER_LETTER + 1, "unit_id": UNITS[i % PER_LETTER],
                         "unit_text": UNITS[i % PER_LETTER], "unit_key": UNITS[i % PER_LETTER], "role": "addressee", "kind": "answer",
                         "rule": "written", "start_date": START, "due_date": due, "basis": "default",
                         "on_lapse": "deemed_agreed", "flags": [], "state": "open"})
            if len(rows) == 5000:
                conn.execute(insert(obligations), rows)
                rows = []
        if rows:
            conn.execute(insert(obligations), rows)


def measure(name: str, url: str) -> None:
    engine = db.create(url)
    db.upgrade(engine)
    registry = UnitRegistry.load()
    unit_rows.sync(engine, registry)
    t0 = time.perf_counter()
    populate(engine)
    print(f"[{name}] inserted {N:,} open obligations in {time.perf_counter() - t0:.1f} s")
    tracker = Tracker(engine=engine, registry=registry, pack=RulePack.load(), calendar=WorkingCalendar.vietnam(),
                      office_unit_id="q11.p5")
    for label, day in (("typical", date(2026, 4, 15)), ("again", date(2026, 4, 15)),
                       ("next day", date(2026, 4, 16)), ("backlog", date(2026, 5, 18))):
        t0 = time.perf_counter()
        result = sweep(tracker, day)
        elapsed = time.perf_counter() - t0
        print(f"[{name}] {label:<8} sweep {day}: {elapsed:.2f} s  ({result.reminders} reminders, "
              f"{result.deemed_agreed} deemed agreed, {result.reports} silent-unit reports)")
    with engine.connect() as conn:
        print(f"[{name}] drafts written: {conn.execute(select(func.count()).select_from(drafts)).scalar_one():,}")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.only in (None, "sqlite"):
            measure("sqlite", f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
    if args.only in (None, "postgresql"):
        on_postgres(lambda url: measure("postgresql", url))


if __name__ == "__main__":
    main()
