"""The always-on service (`congvan run`) against a loopback Dovecot (and PostgreSQL for several workers).

    .venv/bin/python bench/bench_service.py latency [--letters 20]
        arrival-to-tracked latency with IDLE: each letter APPENDed, then the time until the service logs the
        message recorded and its obligations built (one letter at a time)
    .venv/bin/python bench/bench_service.py memory [--messages 10000 | --quick]
        resident memory of the service process (and with its parsing workers) while it records N messages
        (one in 20 with a PDF letter, the rest letters in the body), sampled every 500
    .venv/bin/python bench/bench_service.py workers [--mailboxes 300] [--workers 3]
        W workers on a real PostgreSQL share M mailboxes: one message per mailbox, then one worker killed and one
        more per mailbox: every message recorded once, and how long the takeover took

Needs root, Dovecot and (for workers) PostgreSQL, as the tests do. Figures go to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from congvan.samples import ICT, Letter  # noqa: E402
from tests import servers  # noqa: E402

FAST = """
[service]
idle_renew = 300.0
backoff_min = 0.2
backoff_max = 5.0
lease_seconds = 15.0
"""


def config(path: Path, db_url: str, boxes, dovecot) -> Path:
    text = f'[database]\nurl = "{db_url}"\n\n[office]\nunit = "q11.p5"\n'
    for name, folder in boxes:
        text += (f'\n[[mailboxes]]\nname = "{name}"\nhost = "127.0.0.1"\nport = {dovecot.port}\nsecurity = "none"\n'
                 f'username = "{dovecot.user}"\npassword_env = "CONGVAN_IMAP_PASSWORD"\nincoming = ["{folder}"]\n'
                 f'outgoing = []\ntimeout = 30.0\n')
    path.write_text(text + FAST, encoding="utf-8")
    return path


def letter(i: int, attach: str = "pdf") -> bytes:
    body = Letter.cong_van(by="q11.qldt", number=1000 + i, symbol="QLĐT", issued=date(2025, 1, 2) + timedelta(i % 300),
                           subject=f"đề nghị rà soát hồ sơ đợt {i}", recipients=("q11.p5",))
    return body.as_email(sender="q11.qldt", to=["q11.p5"], attach=attach,
                         date=datetime(2025, 1, 2, 8, 0, tzinfo=ICT) + timedelta(minutes=i))


class Service:
    """`congvan run --log-json` as a child process, its events in a queue."""

    def __init__(self, path: Path, password: str, workers: int = 2):
        self.proc = subprocess.Popen([sys.executable, "-m", "congvan.cli", "--config", str(path), "run",
                                      "--log-json", "--workers", str(workers)], cwd=ROOT,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                     env=dict(os.environ, CONGVAN_IMAP_PASSWORD=password, PYTHONPATH=str(ROOT)))
        self.events: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            try:
                item = json.loads(line)
            except ValueError:
                item = {"event": "text", "line": line.rstrip()}
            item["_at"] = time.monotonic()
            self.events.put(item)

    def wait(self, predicate, timeout: float = 300.0) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            item = self.events.get(timeout=max(0.01, deadline - time.monotonic()))
            if item.get("event") == "text":
                print("   ", item["line"], file=sys.stderr)
            if predicate(item):
                return item

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(60)


def imap(server):
    import imapclient

    c = imapclient.IMAPClient("127.0.0.1", port=server.port, ssl=False, timeout=30)
    c.login(server.user, server.password)
    return c


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) / 1024


def latency(args) -> None:
    dovecot = servers.start_dovecot()
    tmp = Path(tempfile.mkdtemp(prefix="congvan-bench-"))
    try:
        path = config(tmp / "c.toml", f"sqlite:///{tmp / 'db.sqlite'}", [("p5", "INBOX")], dovecot)
        letters = [letter(i) for i in range(args.letters + 1)]
        service = Service(path, dovecot.password)
        service.wait(lambda e: e.get("event") == "mailboxes_taken")
        with imap(dovecot) as c:
            c.append("INBOX", letters[0])  # a first letter: the parsing workers start
            service.wait(lambda e: e.get("event") == "obligations")
            time.sleep(1.0)
            recorded, tracked = [], []
            for i in range(1, args.letters + 1):
                start = time.monotonic()
                c.append("INBOX", letters[i])
                msg = service.wait(lambda e: e.get("event") == "message")
                obl = service.wait(lambda e: e.get("event") == "obligations")
                recorded.append(msg["_at"] - start)
                tracked.append(obl["_at"] - start)
                time.sleep(0.2)
        service.stop()
        for name, values in (("recorded", recorded), ("tracked (obligations built)", tracked)):
            print(f"{name:>28}: p50 {statistics.median(values):.2f} s, worst {max(values):.2f} s "
                  f"over {len(values)} letters")
    finally:
        dovecot.cleanup()
        shutil.rmtree(tmp, ignore_errors=True)


def memory(args) -> None:
    total = 2000 if args.quick else args.messages
    extra = "protocol imap {\n  mail_max_userip_connections = 100\n}\n"
    dovecot = servers.start_dovecot(extra=extra)
    tmp = Path(tempfile.mkdtemp(prefix="congvan-bench-"))
    try:
        path = config(tmp / "c.toml", f"sqlite:///{tmp / 'db.sqlite'}", [("p5", "INBOX")], dovecot)
        print(f"building {total} messages...", file=sys.stderr)
        t0 = time.monotonic()
        pdfs = [letter(i, "pdf") for i in range(5)]  # rendering a PDF is slow: five, each sent again and again
        raws = [letter(i, "body") if i % 20 else
                pdfs[(i // 20) % 5].replace(b"Message-ID: <", f"Message-ID: <r{i}.".encode(), 1)
                for i in range(total)]
        print(f"built in {time.monotonic() - t0:.0f} s", file=sys.stderr)
        service = Service(path, dovecot.password)
        service.wait(lambda e: e.get("event") == "mailboxes_taken")
        from bench.bench_import import tree_rss_mb

        samples = []
        done = 0
        start = time.monotonic()
        with imap(dovecot) as c:
            for chunk in range(0, total, 500):
                for raw in raws[chunk:chunk + 500]:
                    c.append("INBOX", raw)
                while done < min(total, chunk + 500):
                    service.wait(lambda e: e.get("event") == "message")
                    done += 1
                samples.append((done, rss_mb(service.proc.pid), tree_rss_mb(service.proc.pid)))
                print(f"  {done:>6} messages: service {samples[-1][1]:.0f} MB, with workers {samples[-1][2]:.0f} MB",
                      file=sys.stderr)
        elapsed = time.monotonic() - start
        service.stop()
        half = [s for s in samples if s[0] > total // 2]
        print(f"{total} messages in {elapsed:.0f} s ({total / elapsed:.0f}/s)")
        print(f"service process RSS: {samples[0][1]:.0f} MB after {samples[0][0]}, {samples[-1][1]:.0f} MB after "
              f"{total}; last half min {min(s[1] for s in half):.0f} / max {max(s[1] for s in half):.0f} MB")
        print(f"with parsing workers: {samples[-1][2]:.0f} MB after {total} (max {max(s[2] for s in samples):.0f})")
    finally:
        dovecot.cleanup()
        shutil.rmtree(tmp, ignore_errors=True)


def workers(args) -> None:
    extra = f"protocol imap {{\n  mail_max_userip_connections = {args.mailboxes * 2 + 50}\n}}\n" \
            f"service imap {{\n  process_limit = {args.mailboxes * 2 + 50}\n}}\n" \
            f"service imap-login {{\n  process_min_avail = 4\n}}\n"
    dovecot = servers.start_dovecot(extra=extra)
    pg = servers.start_postgres()
    tmp = Path(tempfile.mkdtemp(prefix="congvan-bench-"))
    procs = []
    try:
        from sqlalchemy import func, select

        from tracker import db
        from tracker.db import service_state
        from tracker.db.schema import messages

        url = pg.create_database("bench")
        names = [f"m{i:03d}" for i in range(args.mailboxes)]
        path = config(tmp / "c.toml", url, [(n, f"box.{n}") for n in names], dovecot)
        engine = db.create(url)
        db.upgrade(engine)
        with imap(dovecot) as c:
            for n in names:
                c.create_folder(f"box.{n}")

        def deliver(offset: int) -> float:
            t = time.monotonic()
            with imap(dovecot) as c:
                for i, n in enumerate(names):
                    c.append(f"box.{n}", letter(offset + i, "body"))
            return t

        def count() -> tuple[int, int]:
            with engine.connect() as conn:
                rows = conn.execute(select(func.count(), func.count(func.distinct(
                    messages.c.mailbox + "/" + messages.c.folder + "/" + messages.c.uid.cast(db_text()))))
                    .select_from(messages)).one()
            return rows[0], rows[1]

        for k in range(args.workers):
            procs.append(Service(path, dovecot.password, workers=1))
            time.sleep(1.0)

        def shared():
            held = service_state.leases(engine, "q11.p5")
            return len(held) == len(names) and all(w for w, _ in held.values()) and \
                len({w for w, _ in held.values()}) == args.workers
        t = time.monotonic()
        while not shared():
            if time.monotonic() - t > 180:
                raise SystemExit("mailboxes not shared between the workers")
            time.sleep(0.5)
        print(f"{args.mailboxes} mailboxes shared by {args.workers} workers after {time.monotonic() - t:.1f} s")
        time.sleep(5)
        start = deliver(0)
        while count()[0] < len(names):
            time.sleep(0.2)
        print(f"round 1: {len(names)} messages recorded in {time.monotonic() - start:.1f} s")
        if args.workers == 1:
            return  # nobody to take over
        held = service_state.leases(engine, "q11.p5")
        victim = procs[0]
        victim_name = next(w for w, _ in held.values() if w and f":{victim.proc.pid}:" in w)
        lost = sorted(m for m, (w, _) in held.items() if w == victim_name)
        victim.proc.kill()
        victim.proc.wait()
        killed_at = time.monotonic()
        start = deliver(len(names))
        taken = None
        while True:
            held = service_state.leases(engine, "q11.p5")
            if taken is None and all(held[m][0] not in (None, victim_name) for m in lost):
                taken = time.monotonic() - killed_at
            total, distinct = count()
            if total >= 2 * len(names) and taken is not None:
                break
            if time.monotonic() - killed_at > 300:
                raise SystemExit(f"after 300 s: {total} recorded, takeover {'done' if taken else 'not done'}")
            time.sleep(0.2)
        print(f"worker killed with {len(lost)} mailboxes: all taken over {taken:.1f} s after the kill")
        print(f"round 2: {len(names)} messages recorded {time.monotonic() - start:.1f} s after delivery began")
        total, distinct = count()
        print(f"messages recorded: {total}, distinct locations: {distinct} (expected {2 * len(names)})")
    finally:
        for p in procs:
            try:
                p.stop()
            except Exception:  # noqa: BLE001
                p.proc.kill()
        dovecot.cleanup()
        if pg:
            pg.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def db_text():
    from sqlalchemy import String

    return String()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("latency")
    p.add_argument("--letters", type=int, default=20)
    p = sub.add_parser("memory")
    p.add_argument("--messages", type=int, default=10000)
    p.add_argument("--quick", action="store_true", help="2,000 messages")
    p = sub.add_parser("workers")
    p.add_argument("--mailboxes", type=int, default=300)
    p.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # the servers are stopped on the way out
    {"latency": latency, "memory": memory, "workers": workers}[args.what](args)


if __name__ == "__main__":
    main()
