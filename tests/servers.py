"""Real servers for integration tests, started and stopped by the tests themselves.

Each launcher skips the test (with the reason) when the server's program is not installed; `.ci/run` installs them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout}s")


# -- PostgreSQL -----------------------------------------------------------------------------------------------------

def _pg_bindir() -> Path | None:
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return candidate
    return None


@dataclass
class PostgresServer:
    root: Path
    port: int
    bindir: Path

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def create_database(self, name: str) -> str:
        subprocess.run([str(self.bindir / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                        "-q", "-c", f'CREATE DATABASE "{name}"'], check=True, capture_output=True)
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        _as_postgres([str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "stop"],
                     check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def _as_postgres(cmd: list[str], check: bool = True) -> subprocess.CompletedProcess:
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--"] + cmd
    return subprocess.run(cmd, check=check, capture_output=True, text=True)


def start_postgres() -> PostgresServer | None:
    """A throwaway PostgreSQL cluster on a free loopback port, or None when PostgreSQL is not installed."""
    bindir = _pg_bindir()
    if bindir is None:
        return None
    root = Path(tempfile.mkdtemp(prefix="congvan-pg-"))
    os.chmod(root, 0o755)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    port = free_port()
    _as_postgres([str(bindir / "initdb"), "-D", str(root / "data"), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--locale=C.UTF-8"])
    _as_postgres([str(bindir / "pg_ctl"), "-D", str(root / "data"), "-l", str(root / "log"), "-w", "-o",
                  f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off", "start"])
    wait_for_port(port)
    return PostgresServer(root, port, bindir)


# -- Dovecot (IMAP) -------------------------------------------------------------------------------------------------

_DOVECOT_CONF = """\
protocols = imap
listen = 127.0.0.1
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
{ssl}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:{d}/mail/%u/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/users
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={d}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
    ssl = yes
  }}
}}
namespace inbox {{
  inbox = yes
{mailboxes}}}
"""
DEFAULT_MAILBOXES = """\
  mailbox Sent {
    special_use = \\Sent
  }
  mailbox Drafts {
    special_use = \\Drafts
  }
"""


def dovecot_binary() -> str | None:
    found = shutil.which("dovecot") or ("/usr/sbin/dovecot" if os.path.exists("/usr/sbin/dovecot") else None)
    return found if found and os.geteuid() == 0 else None


def make_certificate(folder: Path, name: str = "localhost") -> tuple[Path, Path]:
    """A throwaway self-signed certificate (its own authority) for localhost / 127.0.0.1: (cert, key)."""
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / f"{name}.crt", folder / f"{name}.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                    f"/CN={name}", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    os.chmod(key, 0o644)
    return cert, key


@dataclass
class DovecotServer:
    """A throwaway Dovecot on loopback: plain IMAP on ``port``, implicit TLS on ``tls_port`` (throwaway cert)."""

    root: Path
    port: int
    tls_port: int
    user: str
    password: str
    cert: Path
    process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen([dovecot_binary(), "-F", "-c", str(self.root / "dovecot.conf")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True)
        wait_for_port(self.port)
        wait_for_port(self.tls_port)

    def stop(self) -> None:
        """Stop the server and end its open IMAP sessions now (its own process group), as a restart does."""
        if self.process is not None:
            import signal

            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
            self.process = None

    def maildir(self, folder: str = "INBOX") -> Path:
        base = self.root / "mail" / self.user / "Maildir"
        return base if folder == "INBOX" else base / f".{folder}"

    def bump_uidvalidity(self, folder: str = "INBOX") -> None:
        """Give ``folder`` a new UIDVALIDITY (as a restored or rebuilt server does): stop, renumber, start."""
        self.stop()
        path = self.maildir(folder)
        uidlist = path / "dovecot-uidlist"
        lines = uidlist.read_text().splitlines()
        head = lines[0].split()
        head = [f"V{int(h[1:]) + 1000}" if h.startswith("V") else h for h in head]
        uidlist.write_text("\n".join([" ".join(head)] + lines[1:]) + "\n")
        for index in path.glob("dovecot.index*"):
            index.unlink()
        self.start()

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def start_dovecot(user: str = "congvan@quan11.example", password: str = "s3cret-Pw!",
                  mailboxes: str = DEFAULT_MAILBOXES, extra: str = "") -> DovecotServer | None:
    """Dovecot on free loopback ports in a scratch folder, or None when it is not installed (or not root).
    ``mailboxes`` holds the namespace's mailbox definitions (SPECIAL-USE names, auto-created folders); ``extra``
    is appended to the configuration (e.g. ``protocol imap { mail_max_userip_connections = 1000 }``)."""
    if dovecot_binary() is None:
        return None
    # not under pytest's tmp_path: its parents are 0700 and Dovecot's processes run as other users
    root = Path(tempfile.mkdtemp(prefix="congvan-dovecot-"))
    os.chmod(root, 0o755)
    for sub in ("run", "state", "mail"):
        (root / sub).mkdir()
    shutil.chown(root / "mail", "nobody", "nogroup")
    users = root / "users"
    users.write_text(f"{user}:{{PLAIN}}{password}\n")
    shutil.chown(users, group="dovecot")
    users.chmod(0o640)
    cert, key = make_certificate(root / "tls")
    port, tls_port = free_port(), free_port()
    ssl = f"ssl = yes\nssl_cert = <{cert}\nssl_key = <{key}"
    (root / "dovecot.conf").write_text(_DOVECOT_CONF.format(d=root, port=port, tls_port=tls_port, ssl=ssl,
                                                          mailboxes=mailboxes) + extra)
    server = DovecotServer(root, port, tls_port, user, password, cert)
    server.start()
    return server


# -- a loopback TCP proxy that a test can cut or freeze ------------------------------------------------------------

class TcpProxy:
    """Forwards 127.0.0.1:``port`` to ``target_port``. ``cut()`` closes every connection open now (a network drop);
    ``freeze()`` stops forwarding on them without closing (a half-open connection); new connections work again."""

    def __init__(self, target_port: int):
        import threading

        self.target_port = target_port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.pairs: list[tuple[socket.socket, socket.socket, "threading.Event"]] = []
        self.accepted = 0
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import threading

        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            frozen = threading.Event()
            with self._lock:
                self.pairs.append((client, upstream, frozen))
                self.accepted += 1
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b, frozen), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket, frozen) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if frozen.is_set():
                    continue  # swallowed: the peer never hears of it
                dst.sendall(data)
        except OSError:
            pass
        if not frozen.is_set():
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self) -> None:
        with self._lock:
            pairs, self.pairs = self.pairs, []
        for client, upstream, _ in pairs:
            for s in (client, upstream):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                    s.close()
                except OSError:
                    pass

    def freeze(self) -> None:
        with self._lock:
            pairs, self.pairs = self.pairs, []
        for _, _, frozen in pairs:
            frozen.set()

    def close(self) -> None:
        self.cut()
        self.listener.close()
