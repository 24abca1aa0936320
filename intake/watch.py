"""Watching one folder of one mailbox for as long as the service runs (the IMAP side of `congvan run`).

A ``FolderWatcher`` is a thread with its own connection: it catches up on every UID above the highest recorded
(what arrived while the service was down), then waits with IDLE (re-issued every ``idle_renew`` seconds, well
under the 29 minutes after which servers may drop it) or, on a server without IDLE, polls every
``poll_interval`` seconds. Each wait ends with a NOOP, so a connection that died silently (half-open) fails on
its socket timeout; TCP keepalive backs this up. Any failure closes the connection and reconnects after an
exponential delay with jitter (``backoff_min`` to ``backoff_max``); the other watchers go on meanwhile.

Every pass runs under the mailbox's intake lock (``tracker.db.mail.mailbox_lock``: a PostgreSQL advisory lock
across machines, a file lock with SQLite), so a mailbox is never processed by two passes at once, and the ledger
makes a message recorded at most once whatever happens.
"""

from __future__ import annotations

import contextlib
import logging
import random
import threading
from typing import Callable

from config.settings import MailboxSettings, ServiceSettings
from intake.pipeline import Intake, Outcome
from intake.sources import PollReport, poll_folder

log = logging.getLogger("congvan.service")


def event(name: str, level: int = logging.INFO, **fields) -> None:
    """One structured log line: the event's name and its fields (mailbox, folder, uid, letters, outcome...).
    Never pass a password or the text of a letter here."""
    log.log(level, name, extra={"event_fields": fields})


def backoff_delay(attempt: int, low: float, high: float, rand: Callable[[], float] = random.random) -> float:
    """Seconds to wait before reconnect number ``attempt`` (0-based): doubling from ``low`` up to ``high``, with
    jitter (between half and all of it) so that many workers do not reconnect in step."""
    base = min(high, low * (2 ** min(attempt, 30)))
    return base * (0.5 + rand() / 2)


class FolderWatcher(threading.Thread):
    """Watches ``folder`` of mailbox ``box`` until ``stop`` is set or ``release`` is called."""

    def __init__(self, intake: Intake, box: MailboxSettings, folder: str, outgoing: bool, *,
                 service: ServiceSettings, stop: threading.Event, now: Callable, worker: str = "",
                 on_recorded: Callable[[list[Outcome]], None] | None = None, connect=None,
                 slots: threading.Semaphore | None = None):
        super().__init__(name=f"watch-{box.name}-{folder}", daemon=True)
        self.intake, self.box, self.folder, self.outgoing = intake, box, folder, outgoing
        self.service, self.stop_all, self.now, self.worker = service, stop, now, worker
        self.on_recorded = on_recorded
        self.released = threading.Event()
        self.connected = threading.Event()  # set while the folder is watched: logged in and read once
        self.passes = 0
        self._connect = connect
        self.slots = slots  # passes at once in this process (each holds up to two database connections)

    def release(self) -> None:
        """Stop watching (the mailbox goes to another worker, or the service stops)."""
        self.released.set()

    def stopping(self) -> bool:
        return self.stop_all.is_set() or self.released.is_set()

    def _wait(self, seconds: float) -> None:
        end = threading.Event()
        while seconds > 0 and not self.stopping():
            step = min(seconds, 0.5)
            end.wait(step)
            seconds -= step

    def run(self) -> None:
        from intake.imap import ImapError, Mailbox

        attempt = 0
        connect = self._connect or Mailbox
        while not self.stopping():
            try:
                with connect(self.box) as imap:
                    imap.keepalive()
                    idle = imap.has_idle()
                    while not self.stopping():
                        self._pass(imap)
                        self.connected.set()  # logged in and the folder read once: watched
                        if attempt:  # back to the shortest delay only once a whole pass succeeded
                            event("reconnected", mailbox=self.box.name, folder=self.folder, attempts=attempt)
                            attempt = 0
                        if self.stopping():
                            break
                        if idle:
                            imap.wait_for_changes(self.service.idle_renew, self.stopping)
                        else:
                            self._wait(self.service.poll_interval)
                        if not self.stopping():
                            imap.noop()
            except ImapError as exc:
                self._failed(str(exc))
            except Exception as exc:  # noqa: BLE001 - one mailbox's failure must not stop the others
                log.exception("mailbox %s folder %s: watcher failed", self.box.name, self.folder)
                self._failed(f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
            finally:
                self.connected.clear()
            if self.stopping():
                break
            delay = backoff_delay(attempt, self.service.backoff_min, self.service.backoff_max)
            attempt += 1
            event("retry", mailbox=self.box.name, folder=self.folder, attempt=attempt, delay_s=round(delay, 2))
            self._wait(delay)

    def _failed(self, error: str) -> None:
        from tracker.db import service_state

        event("mailbox_error", logging.WARNING, mailbox=self.box.name, folder=self.folder, error=error)
        try:
            service_state.record_health(self.intake.engine, self.intake.office_id, self.box.name, self.folder, worker=self.worker,
                                        now=self.now(), error=error)
        except Exception as exc:  # noqa: BLE001 - the database may be what failed; the next pass retries
            log.warning("mailbox %s: health not recorded (%s)", self.box.name, type(exc).__name__)

    def _pass(self, imap) -> None:
        """Record what is new in the folder; note the mailbox's health."""
        from tracker.db import mail as ledger
        from tracker.db import service_state

        engine = self.intake.engine
        report = PollReport(self.box.name)

        def found(n: int) -> None:
            if n:
                service_state.record_health(engine, self.intake.office_id, self.box.name, self.folder, worker=self.worker, now=self.now(),
                                            backlog=n)

        with self.slots or contextlib.nullcontext(), ledger.mailbox_lock(engine, self.box.name):
            if not imap.folder_exists(self.folder):
                raise_missing(self.box.name, self.folder)
            poll_folder(self.intake, imap, self.box, self.folder, self.outgoing, report,
                        should_stop=self.stopping, on_found=found, on_outcome=self._message)
        self.passes += 1
        if report.outcomes and self.on_recorded is not None:
            self.on_recorded(report.outcomes)
        service_state.record_health(engine, self.intake.office_id, self.box.name, self.folder, worker=self.worker, now=self.now(), ok=True,
                                    backlog=report.found - len(report.outcomes) if report.stopped else 0)


    def _message(self, o: Outcome) -> None:
        event("message", mailbox=self.box.name, folder=self.folder, uid=o.source.uid, outcome=o.status,
              letters=o.letter_ids, reason=o.reason)


def raise_missing(mailbox: str, folder: str) -> None:
    from intake.imap import ImapError

    raise ImapError(f"mailbox {mailbox}: folder {folder} does not exist")
