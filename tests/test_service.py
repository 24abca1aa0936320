"""The always-on service (`congvan run`) against a real Dovecot (and a real PostgreSQL for several workers):
letters arriving during IDLE, a server restart, a cut or silent connection, a stop in the middle of a message,
a killed worker, and the sweep on the civil-servant calendar (time passed in, never the real clock)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import date, datetime

import imapclient
import pytest
from sqlalchemy import func, select

from congvan.samples import ICT, Letter
from tests import servers

pytestmark = pytest.mark.imap

FAST = '''
[service]
idle_renew = 2.0
poll_interval = 0.5
backoff_min = 0.1
backoff_max = 0.5
lease_seconds = 3.0
'''


class FixedClock:
    """The service's clock, set by the test."""

    def __init__(self, moment: datetime):
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


NIGHT = FixedClock(datetime(2025, 1, 20, 22, 0, tzinfo=ICT))  # a Monday night: no sweep is due


def write_config(path, db_url, boxes, *, extra="", idle_renew=2.0):
    """A settings file for mailboxes given as (name, port, incoming folders, outgoing folders)."""
    text = f'[database]\nurl = "{db_url}"\n\n[office]\nunit = "q11.p5"\naddresses = ["phuong5@quan11.example"]\n'
    for name, port, user, incoming, outgoing in boxes:
        text += f'''
[[mailboxes]]
name = "{name}"
host = "127.0.0.1"
port = {port}
security = "none"
username = "{user}"
password_env = "CONGVAN_IMAP_PASSWORD"
incoming = {json.dumps(incoming)}
outgoing = {json.dumps(outgoing)}
timeout = 2.0
'''
    path.write_text(text + FAST.replace("idle_renew = 2.0", f"idle_renew = {idle_renew}") + extra, encoding="utf-8")
    return path


def letter(n: int) -> bytes:
    body = Letter.cong_van(by="q11.qldt", number=100 + n, symbol="QLĐT", issued=date(2025, 1, 17),
                           subject=f"đề nghị góp ý hồ sơ số {n}", recipients=("q11.p5",))
    return body.as_email(sender="q11.qldt", to=["q11.p5"], date=datetime(2025, 1, 17, 9, n % 60, tzinfo=ICT))


def imap(server, port=None):
    c = imapclient.IMAPClient("127.0.0.1", port=port or server.port, ssl=False, timeout=10)
    c.login(server.user, server.password)
    return c


def deliver(server, n: int, folder: str = "INBOX") -> None:
    with imap(server) as c:
        if not c.folder_exists(folder):
            c.create_folder(folder)
        c.append(folder, letter(n))


def recorded(engine, mailbox=None) -> list[tuple]:
    from tracker.db.schema import messages

    q = select(messages.c.mailbox, messages.c.folder, messages.c.uid, messages.c.action_done)
    if mailbox:
        q = q.where(messages.c.mailbox == mailbox)
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(q.order_by(messages.c.id))]


def wait_until(check, timeout=30.0, what="the condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"{what} not reached within {timeout}s")


@pytest.fixture
def password(dovecot, monkeypatch):
    monkeypatch.setenv("CONGVAN_IMAP_PASSWORD", dovecot.password)
    return dovecot.password


@pytest.fixture
def service_of(tmp_path, password):
    """Starts a Service in a thread on a settings file; stops every one at the end."""
    from config.settings import Settings
    from congvan.daemon import Service

    started = []

    def start(path, clock=NIGHT):
        service = Service(Settings.load(path), clock=clock, workers=1, tick=0.1)
        thread = threading.Thread(target=service.run, daemon=True)
        thread.start()
        started.append((service, thread))
        return service

    yield start
    for service, thread in started:
        service.stop.set()
        thread.join(30)
        assert not thread.is_alive(), "the service did not stop"


def connected(service, name):
    return service.watchers.get(name) and all(w.connected.is_set() for w in service.watchers[name])


def test_a_letter_arriving_during_idle_is_recorded_and_tracked(dovecot, tmp_path, service_of):
    path = write_config(tmp_path / "c.toml", f"sqlite:///{tmp_path / 'db.sqlite'}",
                        [("p5", dovecot.port, dovecot.user, ["INBOX"], ["Sent"])])
    deliver(dovecot, 0)  # arrived while the service was down: caught up at start
    with imap(dovecot) as c:
        c.create_folder("Sent")
    service = service_of(path)
    wait_until(lambda: len(recorded(service.engine)) == 1, what="catch-up")
    wait_until(lambda: connected(service, "p5"), what="connection")
    time.sleep(0.3)  # in IDLE now
    deliver(dovecot, 1)
    rows = wait_until(lambda: len(recorded(service.engine)) == 2 and recorded(service.engine), what="IDLE arrival")
    assert [(m, f, uid) for m, f, uid, _ in rows] == [("p5", "INBOX", 1), ("p5", "INBOX", 2)]
    wait_until(lambda: all(done for *_, done in recorded(service.engine)), what="server action")
    from tracker.db.schema import obligations

    def built():
        with service.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(obligations)).scalar() >= 2
    wait_until(built, what="obligations")
    with imap(dovecot) as c:
        c.select_folder("INBOX", readonly=True)
        assert set(c.search(["KEYWORD", "$Congvan"])) == {1, 2}


def test_a_burst_of_letters_is_recorded_without_waiting_for_idle_to_be_renewed(dovecot, tmp_path, service_of):
    """Letters arriving between a pass's SEARCH and the next IDLE are announced before IDLE starts: they must start
    a pass at once, not wait for the IDLE to be renewed (here 10 minutes)."""
    path = write_config(tmp_path / "c.toml", f"sqlite:///{tmp_path / 'db.sqlite'}",
                        [("p5", dovecot.port, dovecot.user, ["INBOX"], [])], idle_renew=600.0)
    service = service_of(path)
    wait_until(lambda: connected(service, "p5"), what="connection")
    raws = [letter(n) for n in range(30)]
    with imap(dovecot) as c:
        for raw in raws:
            c.append("INBOX", raw)
            time.sleep(0.05)
    wait_until(lambda: len(recorded(service.engine)) == 30, timeout=120, what="every letter of the burst")


def test_a_server_without_idle_is_polled(dovecot, tmp_path, service_of, monkeypatch):
    from intake.imap import Mailbox

    monkeypatch.setattr(Mailbox, "has_idle", lambda self: False)  # as a server that does not advertise IDLE
    path = write_config(tmp_path / "c.toml", f"sqlite:///{tmp_path / 'db.sqlite'}",
                        [("p5", dovecot.port, dovecot.user, ["INBOX"], [])])
    service = service_of(path)
    wait_until(lambda: connected(service, "p5"), what="connection")
    watcher = service.watchers["p5"][0]
    first = watcher.passes  # the folder was read once (empty) before it counts as watched
    assert first >= 1
    deliver(dovecot, 1)
    wait_until(lambda: len(recorded(service.engine)) == 1, what="the letter, by polling")
    wait_until(lambda: watcher.passes > first, what="the pass that found it ending")


def test_dovecot_restarted_mid_idle_the_service_reconnects_and_loses_nothing(dovecot, tmp_path, service_of):
    path = write_config(tmp_path / "c.toml", f"sqlite:///{tmp_path / 'db.sqlite'}",
                        [("p5", dovecot.port, dovecot.user, ["INBOX"], [])])
    service = service_of(path)
    wait_until(lambda: connected(service, "p5"), what="connection")
    dovecot.stop()
    wait_until(lambda: not connected(service, "p5"), what="the service noticing the restart")
    dovecot.start()
    deliver(dovecot, 1)
    deliver(dovecot, 2)
    wait_until(lambda: len(recorded(service.engine)) == 2, what="letters after the restart")
    from tracker.db import service_state

    # the pass that recorded the letters ends by writing its health: success, and nothing left behind
    wait_until(lambda: (h := service_state.health(service.engine, service.office)) and h[0]["last_success_at"]
               and h[0]["backlog"] == 0, what="the mailbox's health after the pass")
    health = service_state.health(service.engine, service.office)[0]
    assert health["last_error"] and "p5" in health["last_error"]


@pytest.mark.parametrize("fault", ["cut", "freeze"])
def test_a_cut_or_silent_connection_is_replaced(dovecot, tmp_path, service_of, fault):
    proxy = servers.TcpProxy(dovecot.port)
    try:
        path = write_config(tmp_path / "c.toml", f"sqlite:///{tmp_path / 'db.sqlite'}",
                            [("p5", proxy.port, dovecot.user, ["INBOX"], [])])
        service = service_of(path)
        wait_until(lambda: connected(service, "p5"), what="connection")
        first = proxy.accepted
        getattr(proxy, fault)()  # freeze: a half-open connection, noticed by the NOOP after IDLE (timeout 2 s)
        deliver(dovecot, 1)
        wait_until(lambda: len(recorded(service.engine)) == 1, what="the letter through a new connection")
        assert proxy.accepted > first
    finally:
        proxy.close()


def test_other_mailboxes_go_on_while_one_is_down(dovecot, tmp_path, service_of):
    path = write_config(tmp_path / "c.toml", f"sqlite:///{tmp_path / 'db.sqlite'}",
                        [("good", dovecot.port, dovecot.user, ["INBOX"], []),
                         ("down", servers.free_port(), dovecot.user, ["INBOX"], [])])
    service = service_of(path)
    deliver(dovecot, 1)
    wait_until(lambda: len(recorded(service.engine, "good")) == 1, what="the good mailbox's letter")
    from tracker.db import service_state

    errors = wait_until(lambda: [h for h in service_state.health(service.engine, service.office)
                                 if h["mailbox"] == "down" and h["last_error"]], what="the down mailbox's error")
    assert "cannot connect" in errors[0]["last_error"]


# -- as a process: signals, several workers ----------------------------------------------------------------------

def start_process(path, password, **env):
    """`congvan run --log-json` as a child process; its log lines are read into ``proc.lines`` as they come."""
    import queue

    proc = subprocess.Popen([sys.executable, "-m", "congvan.cli", "--config", str(path), "run", "--log-json",
                             "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, CONGVAN_IMAP_PASSWORD=password, **env))
    proc.lines = queue.Queue()

    def read():
        for line in proc.stderr:
            proc.lines.put(line)
        proc.lines.put(None)
    threading.Thread(target=read, daemon=True).start()
    return proc


def events_until(proc, wanted: str, timeout=60.0) -> list[dict]:
    import queue

    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = proc.lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            break
        if line is None:
            break
        try:
            item = json.loads(line)
        except ValueError:
            item = {"event": "text", "line": line}
        seen.append(item)
        if item.get("event") == wanted:
            return seen
    raise AssertionError(f"no {wanted!r} event; saw {seen[-5:]}")


def test_sigterm_in_the_middle_of_a_message_loses_and_doubles_nothing(dovecot, tmp_path, password):
    from tracker import db

    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    path = write_config(tmp_path / "c.toml", url, [("p5", dovecot.port, dovecot.user, ["INBOX"], [])])
    for n in range(6):
        deliver(dovecot, n)
    proc = start_process(path, password, CONGVAN_FAULT="slow-after-commit")  # 1 s after each commit
    events_until(proc, "message")
    proc.send_signal(signal.SIGTERM)
    seen = events_until(proc, "stopped", timeout=30)
    assert proc.wait(30) == 0
    assert any(e["event"] == "stopping" for e in seen)
    engine = db.create(url)
    first = recorded(engine)
    assert 1 <= len(first) < 6 and all(done for *_, done in first)  # stopped early, each recorded one flagged
    with imap(dovecot) as c:
        c.select_folder("INBOX", readonly=True)
        assert set(c.search(["KEYWORD", "$Congvan"])) == {uid for _, _, uid, _ in first}
    # a second SIGTERM right after the first: the process leaves at once, the ledger still holds what it holds
    proc = start_process(path, password, CONGVAN_FAULT="slow-after-commit")
    events_until(proc, "message")
    proc.send_signal(signal.SIGTERM)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(30) in (143, 0)
    proc = start_process(path, password)
    wait_until(lambda: len(recorded(engine)) == 6, what="the rest after a restart")
    proc.send_signal(signal.SIGINT)
    assert proc.wait(30) == 0
    rows = recorded(engine)
    assert sorted(uid for _, _, uid, _ in rows) == [1, 2, 3, 4, 5, 6]


@pytest.mark.postgres
def test_a_killed_workers_mailboxes_are_taken_over_and_nothing_is_doubled(dovecot, postgres, tmp_path, password):
    from tracker import db
    from tracker.db import service_state

    url = postgres.create_database("takeover")
    names = ["a", "b", "c", "d"]
    path = write_config(tmp_path / "c.toml", url.replace("+psycopg", ""),
                        [(n, dovecot.port, dovecot.user, [f"box{n}"], []) for n in names])
    for i, n in enumerate(names):
        deliver(dovecot, i, f"box{n}")
    engine = db.create(url)
    db.upgrade(engine)  # before the workers: two first starts on an empty database is another issue's matter
    one, two = start_process(path, password), start_process(path, password)
    try:
        def split():
            held = service_state.leases(engine, "q11.p5")
            workers = {w for w, _ in held.values() if w}
            return len(held) == 4 and len(workers) == 2 and all(w for w, _ in held.values()) and held
        held = wait_until(split, what="the mailboxes shared by two workers")
        wait_until(lambda: len(recorded(engine)) == 4, what="the first letters")
        victim_name = held["a"][0]
        victim = one if str(one.pid) in victim_name.split(":")[1] else two
        survivor = two if victim is one else one
        victim_boxes = {m for m, (w, _) in held.items() if w == victim_name}
        victim.kill()
        victim.wait(10)
        for i, n in enumerate(names):
            deliver(dovecot, 10 + i, f"box{n}")
        wait_until(lambda: len(recorded(engine)) == 8, what="letters of the dead worker's mailboxes")
        holders = {w for w, _ in service_state.leases(engine, "q11.p5").values()}
        assert len(holders) == 1 and holders != {victim_name}
        rows = recorded(engine)
        assert len(set((m, f, uid) for m, f, uid, _ in rows)) == 8
        assert victim_boxes  # the killed worker did hold mailboxes
        survivor.send_signal(signal.SIGTERM)
        assert survivor.wait(30) == 0
    finally:
        for p in (one, two):
            if p.poll() is None:
                p.kill()
                p.wait(10)
        engine.dispose()


# -- the command line ------------------------------------------------------------------------------------------------

def cli(path, *args, password="s3cret-Pw!"):
    return subprocess.run([sys.executable, "-m", "congvan.cli", "--config", str(path), *args], capture_output=True,
                          text=True, timeout=120, env=dict(os.environ, CONGVAN_IMAP_PASSWORD=password))


def test_check_config_reaches_each_mailbox_and_says_what_is_wrong_in_one_line_each(dovecot, tmp_path):
    path = write_config(tmp_path / "c.toml", f"sqlite:///{tmp_path / 'db.sqlite'}",
                        [("p5", dovecot.port, dovecot.user, ["INBOX"], ["Sent"])])
    assert cli(path, "db", "upgrade").returncode == 0
    with imap(dovecot) as c:
        c.create_folder("Sent")
        c.create_folder("Drafts")
    good = cli(path, "check-config", password=dovecot.password)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "IDLE" in good.stdout and "SPECIAL-USE \\Drafts" in good.stdout and "✗" not in good.stdout
    assert dovecot.password not in good.stdout + good.stderr

    bad = write_config(tmp_path / "bad.toml", f"sqlite:///{tmp_path / 'db.sqlite'}",
                       [("p5", dovecot.port, dovecot.user, ["INBOX", "Hồ sơ"], []),
                        ("wrong", dovecot.port, "nobody@quan11.example", ["INBOX"], []),
                        ("closed", servers.free_port(), dovecot.user, ["INBOX"], [])])
    out = cli(bad, "check-config", password=dovecot.password)
    assert out.returncode == 1
    problems = [line for line in out.stdout.splitlines() if line.startswith("✗")]
    assert len(problems) == 3, out.stdout
    assert any("không có thư mục Hồ sơ" in p for p in problems)
    assert any("wrong" in p and "từ chối đăng nhập" in p for p in problems)
    assert any("closed" in p and "không kết nối được" in p for p in problems)
    assert "Traceback" not in out.stderr


def test_run_with_web_serves_the_clerks_page_and_stops_on_sigterm(dovecot, tmp_path):
    import urllib.request

    path = write_config(tmp_path / "c.toml", f"sqlite:///{tmp_path / 'db.sqlite'}",
                        [("p5", dovecot.port, dovecot.user, ["INBOX"], [])])
    port = servers.free_port()
    proc = subprocess.Popen([sys.executable, "-m", "congvan.cli", "--config", str(path), "run", "--web",
                             "--web-port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=dict(os.environ, CONGVAN_IMAP_PASSWORD=dovecot.password))
    try:
        servers.wait_for_port(port, timeout=60)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/dang-nhap", timeout=10) as page:
            assert page.status == 200
            assert "Đăng nhập" in page.read().decode("utf-8")
            assert "script-src" in page.headers["Content-Security-Policy"]
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(30)
        assert code == 0, proc.stderr.read().decode("utf-8", "replace")[-3000:]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


def test_run_without_a_mailbox_says_so_in_one_line(tmp_path):
    none = write_config(tmp_path / "none.toml", f"sqlite:///{tmp_path / 'db.sqlite'}", [])
    out = cli(none, "run")
    assert out.returncode == 2 and "chưa cấu hình hộp thư" in out.stderr
