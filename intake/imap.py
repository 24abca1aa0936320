"""The one module that talks IMAP (imapclient). Everything else sees ``Mailbox`` and ``ImapError``.

- TLS certificates are always verified (``ca_file`` adds a private authority); ``security = "none"`` is allowed
  only to a loopback address.
- Only new UIDs are looked at (``UID n:*``, UIDVALIDITY-aware); sizes come first (RFC822.SIZE) so that an oversized
  message is never downloaded; bodies are fetched with BODY.PEEK[] so that fetching marks nothing \\Seen.
- SEARCH is only ever sent with ASCII criteria: Dovecot misses windows-1258 subjects in a UTF-8 SEARCH, so any
  filtering on text happens on our side.
- ``append`` / ``ensure_folder`` store messages (tests seed mailboxes with them); the Drafts folder is found by
  ``notices.delivery.drafts_folder``.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import ssl
from datetime import datetime
from typing import Iterable

import imapclient
from imapclient.exceptions import IMAPClientError

from config.settings import MailboxSettings

log = logging.getLogger(__name__)

KEYWORD = "$Congvan"
FETCH_BATCH = 25


class ImapError(Exception):
    """Raised when the server cannot be reached, refuses the login or a command; the message is one line.
    ``kind`` says which: "password", "connect", "tls", "login" or "command"."""

    def __init__(self, message: str, kind: str = "command"):
        super().__init__(message)
        self.kind = kind


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def ssl_context(settings: MailboxSettings) -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    if settings.ca_file:
        ctx.load_verify_locations(cafile=str(settings.ca_file))
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx


class Mailbox:
    """One connected mailbox. Use as a context manager; every server error comes out as ``ImapError``."""

    def __init__(self, settings: MailboxSettings):
        self.settings = settings
        self.client: imapclient.IMAPClient | None = None
        self.folder: str | None = None

    # -- connection --
    def __enter__(self) -> "Mailbox":
        self.connect()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def connect(self) -> None:
        s = self.settings
        if s.security == "none" and not _is_loopback(s.host):
            raise ImapError(f"mailbox {s.name}: security = \"none\" is allowed only to a loopback address", "tls")
        try:
            password = s.password()
        except (ValueError, OSError) as exc:
            raise ImapError(str(exc), "password") from None
        try:
            if s.security == "tls":
                client = imapclient.IMAPClient(s.host, port=s.port, ssl=True, ssl_context=ssl_context(s),
                                               timeout=s.timeout)
            else:
                client = imapclient.IMAPClient(s.host, port=s.port, ssl=False, timeout=s.timeout)
                if s.security == "starttls":
                    client.starttls(ssl_context(s))
            _login(client, s.username, password)
        except ssl.SSLError as exc:
            raise ImapError(f"mailbox {s.name}: TLS failed ({exc.reason or exc.__class__.__name__})", "tls") from None
        except (OSError, socket.timeout) as exc:
            raise ImapError(f"mailbox {s.name}: cannot connect to {s.host}:{s.port} ({_short(exc)})", "connect") from None
        except IMAPClientError as exc:
            raise ImapError(f"mailbox {s.name}: login refused ({_short(exc)})", "login") from None
        finally:
            del password
        self.client = client
        log.info("mailbox %s: connected to %s:%s", s.name, s.host, s.port)

    def close(self) -> None:
        if self.client is None:
            return
        try:
            self.client.logout()
        except Exception:  # noqa: BLE001 - closing anyway
            try:
                self.client.shutdown()
            except Exception:  # noqa: BLE001
                pass
        self.client = None

    def _do(self, what: str, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (IMAPClientError, OSError, ssl.SSLError) as exc:
            raise ImapError(f"mailbox {self.settings.name}: {what} failed ({_short(exc)})") from None

    # -- reading --
    def select(self, folder: str) -> int:
        """Open ``folder`` for reading and flagging; returns its UIDVALIDITY."""
        info = self._do(f"select {folder}", self.client.select_folder, folder)
        self.folder = folder
        return int(info[b"UIDVALIDITY"])

    def folder_exists(self, folder: str) -> bool:
        return bool(self._do("list", self.client.folder_exists, folder))

    def new_uids(self, after_uid: int) -> list[int]:
        """UIDs above ``after_uid`` in the selected folder, ascending (ASCII-only SEARCH)."""
        kept = getattr(getattr(self.client, "_imap", None), "untagged_responses", {})
        for key in ("EXISTS", "RECENT"):  # what is announced from now on is news to ``wait_for_changes``
            kept.pop(key, None)
        uids = self._do("search", self.client.search, ["UID", f"{after_uid + 1}:*"])
        return sorted(u for u in uids if u > after_uid)  # "n:*" always matches the last message

    def sizes(self, uids: list[int]) -> dict[int, tuple[int, datetime | None]]:
        """UID -> (RFC822.SIZE, INTERNALDATE) without downloading anything."""
        out: dict[int, tuple[int, datetime | None]] = {}
        for batch in _chunks(uids, 500):
            data = self._do("fetch sizes", self.client.fetch, batch, ["RFC822.SIZE", "INTERNALDATE"])
            for uid, item in data.items():
                out[uid] = (int(item.get(b"RFC822.SIZE", 0)), item.get(b"INTERNALDATE"))
        return out

    def fetch(self, uids: list[int]) -> dict[int, bytes]:
        """UID -> the raw message, with BODY.PEEK[] (nothing becomes \\Seen)."""
        data = self._do("fetch", self.client.fetch, uids, ["BODY.PEEK[]"])
        return {uid: item.get(b"BODY[]") or b"" for uid, item in data.items()}

    # -- after a message is recorded --
    def mark_done(self, uids: list[int], after: str) -> None:
        """The configured server-side action: keyword $Congvan, \\Seen, or move to a folder."""
        if not uids:
            return
        if after == "keyword":
            self._do("store", self.client.add_flags, uids, [KEYWORD], silent=True)
        elif after == "seen":
            self._do("store", self.client.add_flags, uids, [imapclient.SEEN], silent=True)
        elif after.startswith("move:"):
            target = after[5:]
            self.ensure_folder(target)
            if self.client.has_capability("MOVE"):
                self._do("move", self.client.move, uids, target)
            else:
                self._do("copy", self.client.copy, uids, target)
                self._do("store", self.client.add_flags, uids, [imapclient.DELETED], silent=True)
                if self.client.has_capability("UIDPLUS"):
                    self._do("expunge", self.client.uid_expunge, uids)
                else:
                    self._do("expunge", self.client.expunge)
        else:  # pragma: no cover - settings validate this
            raise ValueError(after)

    # -- storing messages --
    def ensure_folder(self, folder: str) -> None:
        if not self._do("list", self.client.folder_exists, folder):
            self._do(f"create {folder}", self.client.create_folder, folder)
            try:
                self.client.subscribe_folder(folder)
            except (IMAPClientError, OSError):
                pass

    def append(self, folder: str, raw: bytes, flags: Iterable = (), when: datetime | None = None) -> int | None:
        """Store ``raw`` in ``folder``; returns the new UID when the server says it (UIDPLUS), else None."""
        reply = self._do(f"append {folder}", self.client.append, folder, raw, flags=tuple(flags), msg_time=when)
        try:
            text = reply.decode("ascii", "replace") if isinstance(reply, bytes) else str(reply)
            if "APPENDUID" in text:
                return int(text.split("APPENDUID", 1)[1].split("]", 1)[0].split()[1])
        except (IndexError, ValueError):
            pass
        return None

    # -- for the always-on service --
    def has_idle(self) -> bool:
        return bool(self._do("capability", self.client.has_capability, "IDLE"))

    def capabilities(self) -> list[str]:
        caps = self._do("capability", self.client.capabilities)
        return sorted(c.decode("ascii", "replace") if isinstance(c, bytes) else str(c) for c in caps)

    def special_folder(self, flag: bytes) -> str | None:
        """The folder the server marks with a SPECIAL-USE ``flag`` (e.g. b"\\Drafts"), or None."""
        try:
            found = self.client.find_special_folder(flag)
        except (IMAPClientError, OSError, ssl.SSLError):
            return None
        return found.decode() if isinstance(found, bytes) else found

    def noop(self) -> None:
        """A round trip: raises ImapError when the connection is dead (half-open connections time out)."""
        self._do("noop", self.client.noop)

    def keepalive(self, idle_s: int = 60, interval_s: int = 10, count: int = 3) -> None:
        """TCP keepalive on the connection, so that a peer gone silently is noticed by the kernel too."""
        try:
            sock = self.client.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
            for name, value in (("TCP_KEEPIDLE", idle_s), ("TCP_KEEPINTVL", interval_s), ("TCP_KEEPCNT", count)):
                if hasattr(socket, name):
                    sock.setsockopt(socket.IPPROTO_TCP, getattr(socket, name), value)
        except (OSError, AttributeError):
            pass

    def wait_for_changes(self, timeout: float, should_stop=lambda: False, step: float = 1.0) -> bool:
        """IDLE on the selected folder until the server reports a change, ``timeout`` passes or ``should_stop()``
        says so (checked every ``step`` seconds); True when something changed. DONE ends the IDLE either way, so a
        connection that died silently fails here (its socket timeout) instead of hanging."""
        import time

        deadline = time.monotonic() + timeout
        self._do("idle", self.client.idle)
        # A message that arrived between the last SEARCH and IDLE was announced before IDLE's continuation: imaplib
        # kept that EXISTS aside, where idle_check never looks. Take it as a change.
        kept = getattr(getattr(self.client, "_imap", None), "untagged_responses", {})
        changed = any([kept.pop(key, None) for key in ("EXISTS", "RECENT")])
        try:
            while not changed and not should_stop():
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                responses = self._do("idle", self.client.idle_check, timeout=min(step, left))
                changed = any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT", b"EXPUNGE", b"FETCH")
                              for r in responses)
        finally:
            self._do("idle", self.client.idle_done)
        return changed


def _login(client: imapclient.IMAPClient, username: str, password: str) -> None:
    """LOGIN for ASCII credentials; else AUTHENTICATE PLAIN, which carries UTF-8 (RFC 4616), since LOGIN's quoted
    strings cannot (imaplib refuses them, and servers differ on 8-bit literals)."""
    if username.isascii() and password.isascii():
        client.login(username, password)
        return
    if not client.has_capability("AUTH=PLAIN"):
        raise IMAPClientError("the server offers no AUTHENTICATE PLAIN, and LOGIN cannot carry a non-ASCII "
                              "user name or password")
    client.plain_login(username, password)


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    return text[:200]
