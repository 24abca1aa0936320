"""When the service sweeps (civil-servant calendar, office hours; the time is passed in), once per office and day
whichever worker runs it, and how workers share mailboxes through the database (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, time, timedelta

import pytest

from congvan.samples import ICT
from tracker.schedule import next_sweep, parse_hhmm, sweep_due

OPEN, CLOSE = time(7, 30), time(17, 0)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ICT)


def test_the_sweep_is_due_on_working_days_in_office_hours_only(calendar):
    assert sweep_due(at("2025-04-19T09:00"), calendar, start=OPEN, end=CLOSE) is None  # an ordinary Saturday
    assert sweep_due(at("2025-04-26T09:00"), calendar, start=OPEN, end=CLOSE) == date(2025, 4, 26)  # make-up
    assert sweep_due(at("2025-04-26T06:59"), calendar, start=OPEN, end=CLOSE) is None  # before office hours
    assert sweep_due(at("2025-04-28T22:00"), calendar, start=OPEN, end=CLOSE) is None  # at night
    assert sweep_due(at("2025-04-30T09:00"), calendar, start=OPEN, end=CLOSE) is None  # Reunification Day
    assert sweep_due(at("2025-01-29T09:00"), calendar, start=OPEN, end=CLOSE) is None  # Tết


def test_the_next_sweep_skips_days_off_and_lands_on_a_make_up_saturday(calendar):
    assert next_sweep(at("2025-04-25T18:00"), calendar, start=OPEN, end=CLOSE, done_today=False) == \
        at("2025-04-26T07:30")
    assert next_sweep(at("2025-04-29T08:00"), calendar, start=OPEN, end=CLOSE, done_today=True) == \
        at("2025-05-05T07:30")  # 30/4, 1/5 and 2/5 (2025) off, then the weekend
    assert next_sweep(at("2025-04-28T06:00"), calendar, start=OPEN, end=CLOSE, done_today=False) == \
        at("2025-04-28T07:30")
    assert next_sweep(at("2025-04-28T10:15"), calendar, start=OPEN, end=CLOSE, done_today=False) == \
        at("2025-04-28T10:15")  # started late: due now


def test_times_of_day_are_read_strictly():
    assert parse_hhmm("07:30") == time(7, 30)
    for bad in ("7h30", "25:00", "07:3", ""):
        with pytest.raises(ValueError):
            parse_hhmm(bad)


def test_reconnect_delays_double_up_to_the_limit_with_jitter():
    from intake.watch import backoff_delay

    assert [backoff_delay(n, 1, 300, rand=lambda: 1.0) for n in range(11)] == \
        [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]
    assert backoff_delay(3, 1, 300, rand=lambda: 0.0) == 4  # never below half
    assert backoff_delay(10_000, 1, 300, rand=lambda: 1.0) == 300


def test_the_sweep_of_a_day_is_claimed_once_whatever_the_worker(engine):
    from tracker.db import service_state

    now = at("2025-04-26T07:30")
    day = date(2025, 4, 26)
    assert service_state.claim_sweep(engine, "q11.p5", day, worker="w1", now=now)
    assert not service_state.claim_sweep(engine, "q11.p5", day, worker="w2", now=now)
    assert service_state.claim_sweep(engine, "q11.p6", day, worker="w2", now=now)  # another office
    # w1 died in the middle: after the stale time another worker runs it again (the sweep is idempotent)
    assert service_state.claim_sweep(engine, "q11.p5", day, worker="w2", now=now + timedelta(minutes=20))
    service_state.finish_sweep(engine, "q11.p5", day, now=now + timedelta(minutes=21), summary={"reminders": 1})
    assert not service_state.claim_sweep(engine, "q11.p5", day, worker="w3", now=now + timedelta(hours=2))
    assert service_state.sweep_days(engine, "q11.p5", day)[day]["worker"] == "w2"


def test_workers_share_the_mailboxes_and_take_over_a_dead_ones(engine):
    from tracker.db import service_state

    names = [f"box{i:02d}" for i in range(10)]
    now = at("2025-04-26T08:00:00")

    def balance(worker, moment):
        return service_state.balance_leases(engine, "q11.p5", worker, names, now=moment, ttl=30)

    assert balance("w1", now) == (set(names), set())  # alone: all of them
    mine, extra = balance("w2", now + timedelta(seconds=1))
    assert mine == set()  # all held by a live worker
    mine, extra = balance("w1", now + timedelta(seconds=10))
    assert len(extra) == 5  # w1 holds more than its share now: it gives five back
    service_state.release_leases(engine, "q11.p5", "w1", extra)
    assert balance("w2", now + timedelta(seconds=11))[0] == extra
    held = service_state.leases(engine, "q11.p5")
    assert sorted(w for w, _ in held.values()) == ["w1"] * 5 + ["w2"] * 5
    # w1 dies (no more renewals): once its leases expire, w2 takes everything
    later = now + timedelta(seconds=45)
    assert balance("w2", later)[0] == set(names)
    assert {w for w, _ in service_state.leases(engine, "q11.p5").values()} == {"w2"}


# -- the service's sweep with the time passed in --------------------------------------------------------------------

class Clock:
    def __init__(self):
        self.moment = None

    def now(self):
        return self.moment


@pytest.fixture
def office_settings(tmp_path):
    from config.settings import Settings

    path = tmp_path / "c.toml"
    path.write_text(f'[database]\nurl = "sqlite:///{tmp_path / "db.sqlite"}"\n\n[office]\nunit = "q11.p5"\n',
                    encoding="utf-8")
    return path, Settings.load(path)


def test_the_service_sweeps_on_a_make_up_saturday_and_not_on_a_saturday_off(office_settings):
    from congvan.daemon import Service
    from tracker.db import service_state

    path, settings = office_settings
    clock = Clock()
    one = Service(settings, clock=clock, worker="w1")
    two = Service(settings, clock=clock, worker="w2")  # a second worker on the same office
    for moment in ("2025-04-19T09:00", "2025-04-20T09:00", "2025-04-26T06:00", "2025-04-25T22:00"):
        clock.moment = at(moment)
        one.sweep_if_due()
    assert service_state.sweep_days(one.engine, "q11.p5", date(2025, 4, 1)) == {}
    clock.moment = at("2025-04-26T08:05")
    one.sweep_if_due()
    two.sweep_if_due()
    clock.moment = at("2025-04-26T10:00")
    one.sweep_if_due()
    runs = service_state.sweep_days(one.engine, "q11.p5", date(2025, 4, 1))
    assert list(runs) == [date(2025, 4, 26)] and runs[date(2025, 4, 26)]["worker"] == "w1"
    assert runs[date(2025, 4, 26)]["finished_at"] is not None

    out = subprocess.run([sys.executable, "-m", "congvan.cli", "--config", str(path), "status", "--json",
                          "--at", "2025-04-26T18:00"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["last_sweep"]["day"] == "2025-04-26"
    assert report["next_sweep"] == "2025-04-28T07:30+07:00"
    text = subprocess.run([sys.executable, "-m", "congvan.cli", "--config", str(path), "status",
                           "--at", "2025-04-26T18:00"], capture_output=True, text=True, timeout=120)
    assert "Lần quét tới: 07:30 28/04/2025" in text.stdout


def test_the_signal_handler_only_sets_flags_so_a_signal_inside_an_import_is_harmless(monkeypatch):
    """SIGTERM can land while the main thread is half-way through importing a module; a handler that imported or
    logged there failed with a circular ImportError and `congvan run` exited 1 instead of stopping cleanly."""
    import signal
    import threading

    from congvan.daemon import Service

    class NoImports:
        def find_spec(self, name, path=None, target=None):
            raise AssertionError(f"the signal handler imported {name}")

    service = Service.__new__(Service)  # the handler's state only; no database or mailbox
    service._signals, service._stopped_by, service.stop = 0, None, threading.Event()
    monkeypatch.setattr(sys, "meta_path", [NoImports()])
    for name in [n for n in sys.modules if n.startswith(("intake", "logging"))]:
        monkeypatch.delitem(sys.modules, name)
    service._on_signal(signal.SIGTERM, None)
    monkeypatch.undo()
    assert service.stop.is_set() and service._stopped_by == signal.SIGTERM
