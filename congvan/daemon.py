"""The always-on service behind `congvan run`: mailbox watchers, the daily sweep, and shutdown on a signal.

- Mailboxes: one ``intake.watch.FolderWatcher`` thread per watched folder (incoming and sent). With PostgreSQL,
  several processes (on several machines) share the configured mailboxes through a lease table
  (``tracker.db.service_state``): each holds its fair share, renews it every third of ``lease_seconds``, and a
  dead worker's mailboxes are claimed by the others once its leases expire. With SQLite one process watches
  every mailbox, and a second `congvan run` on the same database is refused.
- Sweep: once each working day of the civil-servant calendar, from ``sweep_time`` until ``office_end``, once per
  office and day whichever worker does it (a row in ``sweep_runs``); then new drafts are appended to the Drafts
  folder. The weekly digest is part of the sweep of the week's first working day.
- Time: ``clock.now()`` (an object passed in) gives the local time; no logic here reads the system clock.
- Stop: SIGTERM or SIGINT ends each watcher after the message it is on (recorded, server action done) and the
  process within seconds; a second signal exits at once. Nothing is lost either way: the ledger records a message
  in one transaction before its server action, and a restart catches up on every UID above the highest recorded.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import secrets
import signal
import socket
import threading
import time
from datetime import datetime, timedelta, timezone

from config.settings import Settings

log = logging.getLogger("congvan.service")
LOCAL = timezone(timedelta(hours=7))  # Asia/Ho_Chi_Minh
PASSES_AT_ONCE = 4


class SystemClock:
    """The real clock, for the command line; tests pass their own object with a ``now()``."""

    def now(self) -> datetime:
        return datetime.now(LOCAL)


class JsonLines(logging.Formatter):
    """One JSON object per line: time, level, event and its fields."""

    def format(self, record: logging.LogRecord) -> str:
        fields = getattr(record, "event_fields", None)
        out = {"ts": datetime.fromtimestamp(record.created, LOCAL).isoformat(timespec="milliseconds"),
               "level": record.levelname.lower()}
        if fields is not None:
            out["event"] = record.getMessage()
            out.update(fields)
        else:
            out.update(event="log", logger=record.name, message=record.getMessage())
        return json.dumps(out, ensure_ascii=False, default=str)


class KeyValues(logging.Formatter):
    """``time level event key=value ...`` for people reading a terminal or the journal."""

    def format(self, record: logging.LogRecord) -> str:
        when = datetime.fromtimestamp(record.created, LOCAL).strftime("%Y-%m-%d %H:%M:%S")
        fields = getattr(record, "event_fields", None)
        if fields is None:
            return f"{when} {record.levelname} {record.name}: {record.getMessage()}"
        pairs = " ".join(f"{k}={json.dumps(v, ensure_ascii=False, default=str)}" for k, v in fields.items()
                         if v is not None)
        return f"{when} {record.levelname} {record.getMessage()} {pairs}".rstrip()


def setup_logging(as_json: bool, verbose: bool = False) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonLines() if as_json else KeyValues())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    logging.getLogger("congvan.service").setLevel(logging.INFO)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(2)}"


def _ready(settings: Settings, ready_engine, tries: int = 5):
    """The migrated database; a start that races another worker's first start (both loading the unit registry)
    tries again instead of failing."""
    from sqlalchemy.exc import IntegrityError

    for attempt in range(tries):
        try:
            return ready_engine(settings)
        except IntegrityError:
            if attempt == tries - 1:
                raise
            time.sleep(0.5 * (attempt + 1))


class ServiceRefused(RuntimeError):
    """The service cannot start (e.g. another one runs on the same SQLite database); the message is Vietnamese."""


class Service:
    """`congvan run`: ``run()`` blocks until ``stop`` is set (by a signal, or by the caller)."""

    def __init__(self, settings: Settings, *, clock=None, worker: str | None = None, workers: int | None = None,
                 engine=None, tick: float = 1.0):
        from congvan.context import office_unit, ready_engine
        from tracker.schedule import parse_hhmm

        self.settings = settings
        self.clock = clock or SystemClock()
        self.worker = worker or worker_name()
        self.engine = engine if engine is not None else _ready(settings, ready_engine)
        self.office = office_unit(settings, self.engine).id
        svc = settings.service
        self.sweep_start = max(parse_hhmm(svc.sweep_time), parse_hhmm(svc.office_start))
        self.sweep_end = parse_hhmm(svc.office_end)
        self.stop = threading.Event()
        self.tick = tick
        self.workers = workers
        self.watchers: dict[str, list] = {}  # mailbox name -> its folder watchers
        self.swept: set = set()
        self._build_lock = threading.Lock()
        # passes at once: each holds the mailbox's lock and one more connection, within the engine's pool of 5 + 10
        self.slots = threading.BoundedSemaphore(PASSES_AT_ONCE)
        self._signals = 0
        self._stopped_by: int | None = None
        self.shared = self.engine.dialect.name == "postgresql"

    # -- signals --------------------------------------------------------------------------------------------------

    def calendar(self):
        """The working-day calendar now: the shipped table with the decisions an administrator added since."""
        from congvan.context import office_calendar

        return office_calendar(self.settings, self.engine)
    def install_signals(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._on_signal)

    def _on_signal(self, signum, _frame) -> None:
        # A handler runs between any two bytecodes of the main thread, even inside an import: it only sets flags
        # (no import, no logging); the main loop says "stopping" when it sees them.
        self._signals += 1
        if self._signals > 1:  # a second signal: leave now; the ledger keeps every recorded message
            os._exit(128 + signum)
        self._stopped_by = signum
        self.stop.set()

    # -- the main loop --------------------------------------------------------------------------------------------
    def run(self) -> None:
        from intake.pipeline import Intake
        from intake.watch import event

        lock = self._single_process_lock()
        event("started", worker=self.worker, office=self.office, mailboxes=[m.name for m in self.settings.mailboxes],
              database=self.engine.dialect.name)
        try:
            with Intake(self.settings, self.engine, workers=self.workers, office_id=self.office) as intake:
                self.intake = intake
                next_lease = 0.0
                while not self.stop.is_set():
                    if time.monotonic() >= next_lease:
                        self._balance()
                        next_lease = time.monotonic() + (self.settings.service.lease_seconds / 3 if self.shared
                                                         else 3600.0)
                    self.sweep_if_due()
                    self.stop.wait(self.tick)
                if self._stopped_by is not None:
                    event("stopping", signal=signal.Signals(self._stopped_by).name, worker=self.worker)
                self._stop_watchers(list(self.watchers))
        finally:
            if self.shared:
                from tracker.db import service_state

                try:
                    service_state.release_leases(self.engine, self.office, self.worker)
                except Exception as exc:  # noqa: BLE001 - they expire anyway
                    log.warning("leases not released (%s); they expire by themselves", type(exc).__name__)
            if lock is not None:
                os.close(lock)
            event("stopped", worker=self.worker)

    def _single_process_lock(self) -> int | None:
        if self.shared:
            return None
        database = self.engine.url.database
        if not database or database == ":memory:":
            return None
        fd = os.open(f"{database}.service.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise ServiceRefused("một tiến trình congvan run khác đang chạy trên cơ sở dữ liệu SQLite này; "
                                 "nhiều tiến trình cần PostgreSQL") from None
        return fd

    # -- mailboxes ------------------------------------------------------------------------------------------------
    def _balance(self) -> None:
        from intake.watch import event
        from tracker.db import service_state

        names = [m.name for m in self.settings.mailboxes]
        if self.shared:
            try:
                mine, extra = service_state.balance_leases(self.engine, self.office, self.worker, names,
                                                           now=self.clock.now(),
                                                           ttl=self.settings.service.lease_seconds)
            except Exception as exc:  # noqa: BLE001 - the database is away: keep what runs, try again later
                log.warning("leases not renewed (%s: %s)", type(exc).__name__, str(exc).splitlines()[0])
                return
        else:
            mine, extra = set(names), set()
        lost = set(self.watchers) - mine
        if lost or extra:
            self._stop_watchers(sorted(lost | extra))
            if extra:
                service_state.release_leases(self.engine, self.office, self.worker, extra)
            event("mailboxes_released", worker=self.worker, mailboxes=sorted(lost | extra))
        new = sorted(mine - extra - set(self.watchers))
        for name in new:
            self._start_watchers(next(m for m in self.settings.mailboxes if m.name == name))
        if new:
            event("mailboxes_taken", worker=self.worker, mailboxes=new)

    def _start_watchers(self, box) -> None:
        from intake.watch import FolderWatcher

        folders = [(f, False) for f in box.incoming] + [(f, True) for f in box.outgoing]
        watchers = [FolderWatcher(self.intake, box, folder, outgoing, service=self.settings.service,
                                  stop=self.stop, now=self.clock.now, worker=self.worker,
                                  on_recorded=self._recorded, slots=self.slots) for folder, outgoing in folders]
        for w in watchers:
            w.start()
        self.watchers[box.name] = watchers

    def _stop_watchers(self, names) -> None:
        stopping = [w for n in names for w in self.watchers.pop(n, [])]
        for w in stopping:
            w.release()
        deadline = time.monotonic() + 30
        for w in stopping:
            w.join(max(0.1, deadline - time.monotonic()))

    # -- after messages are recorded: obligations -----------------------------------------------------------------
    def trackers(self) -> list:
        """The use-case context of the office this service serves (its configuration's; one process per office,
        several processes per office on several machines)."""
        from congvan.context import tracker_for

        return [tracker_for(self.settings, self.engine)]

    def _recorded(self, outcomes) -> None:
        from intake.watch import event
        from tracker.service import build_obligations

        if not any(o.new_letters for o in outcomes):
            return
        with self._build_lock:
            for tracker in self.trackers():
                try:
                    s = build_obligations(tracker)
                except Exception:  # noqa: BLE001 - retried after the next message or sweep; letters are kept
                    log.exception("obligations not built for office %s", tracker.office_unit_id)
                    continue
                event("obligations", office=tracker.office_unit_id, letters=s.letters, obligations=s.obligations,
                      replies=s.replies, waiting=s.waiting)

    # -- the daily sweep ------------------------------------------------------------------------------------------
    def sweep_if_due(self) -> None:
        """Run the sweep of today when it is due at the clock's time and nobody (no worker) has run it yet."""
        from intake.watch import event
        from tracker.db import service_state
        from tracker.schedule import sweep_due
        from tracker.service import build_obligations, sweep

        now = self.clock.now()
        day = sweep_due(now, self.calendar(), start=self.sweep_start, end=self.sweep_end)
        if day is None or day in self.swept:
            return
        self.swept.add(day)
        for tracker in self.trackers():
            office = tracker.office_unit_id
            try:
                if not service_state.claim_sweep(self.engine, office, day, worker=self.worker, now=now):
                    continue
                with self._build_lock:
                    build_obligations(tracker)
                    s = sweep(tracker, day)
                summary = {"reminders": s.reminders, "deemed_agreed": s.deemed_agreed, "escalated": s.escalated,
                           "reports": s.reports, "digest": s.digest}
                service_state.finish_sweep(self.engine, office, day, now=self.clock.now(), summary=summary)
                event("sweep", office=office, day=day.isoformat(), worker=self.worker, **summary)
            except Exception:  # noqa: BLE001 - the next start (or another worker, later) runs it again
                log.exception("sweep of office %s on %s failed", office, day)
                self.swept.discard(day)
                continue
            self._deliver(office)

    def _deliver(self, office: str) -> None:
        from congvan.delivery import deliver_drafts
        from intake.watch import event

        if not (self.settings.service.deliver_drafts and self.settings.mailboxes):
            return
        try:
            count, folder = deliver_drafts(self.settings)
        except Exception as exc:  # noqa: BLE001 - drafts stay "drafted"; the next sweep delivers them
            event("drafts_not_delivered", logging.WARNING, office=office, error=str(exc).splitlines()[0])
            return
        event("drafts_delivered", office=office, count=count, folder=folder)


def serve_web(settings: Settings, host: str, port: int, stop: threading.Event):
    """Serve the review page (``web.app.create_app``, by waitress) in a thread until ``stop``; ModuleNotFoundError
    when the web package is not installed."""
    from waitress import create_server

    from web.app import create_app

    server = create_server(create_app(settings), host=host, port=port, threads=8, ident="congvan")
    thread = threading.Thread(target=server.run, name="web", daemon=True)
    thread.start()

    def shutdown():
        stop.wait()
        server.close()

    threading.Thread(target=shutdown, name="web-stop", daemon=True).start()
    return server
