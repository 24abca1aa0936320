"""Drafts go where the clerk already works: appended with \\Draft to their own IMAP Drafts folder.

The client is any object with imapclient's methods (``intake/imap.py`` opens the real one; tests may pass a fake):
``append``, ``folder_exists``, ``create_folder``, and optionally ``find_special_folder`` and ``subscribe_folder``.
This module never imports imapclient. Sending by SMTP is not done here: see ``ApprovedSender``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

log = logging.getLogger(__name__)

DRAFT_FLAG = b"\\Draft"
_APPENDUID = re.compile(rb"\[APPENDUID (\d+) (\d+)\]", re.IGNORECASE)


class DeliveryError(RuntimeError):
    """Raised when a draft could not be appended (folder missing and not creatable, server refusal, connection
    lost). The draft itself is untouched; the caller keeps it and may retry."""


class DraftsClient(Protocol):
    def append(self, folder: str, msg: bytes, flags=(), msg_time: datetime | None = None): ...

    def folder_exists(self, folder: str) -> bool: ...

    def create_folder(self, folder: str): ...


@dataclass(frozen=True)
class Appended:
    folder: str
    uid: int | None  # from APPENDUID (RFC 4315) when the server reports it
    uidvalidity: int | None


def drafts_folder(client, configured: str = "Drafts") -> str:
    """The folder the server marks \\Drafts (RFC 6154 SPECIAL-USE) when it advertises one, else ``configured``."""
    finder = getattr(client, "find_special_folder", None)
    if finder is not None:
        try:
            found = finder(b"\\Drafts")
        except Exception as exc:  # a server without SPECIAL-USE / LIST-EXTENDED: use the configured name
            log.debug("no SPECIAL-USE \\Drafts folder: %s", exc)
            found = None
        if found:
            return found.decode() if isinstance(found, bytes) else str(found)
    return configured


def append_to_drafts(client, folder: str, raw: bytes, when: datetime) -> Appended:
    """Append ``raw`` with the \\Draft flag to the Drafts folder (``folder`` unless the server names its own),
    creating it when missing. ``when`` is the message's internal date (timezone-aware)."""
    if not isinstance(raw, (bytes, bytearray)) or not raw:
        raise DeliveryError("a draft must be a non-empty message in bytes")
    target = drafts_folder(client, folder)
    try:
        if not client.folder_exists(target):
            log.info("creating the drafts folder %s", target)
            client.create_folder(target)
            subscribe = getattr(client, "subscribe_folder", None)
            if subscribe is not None:
                subscribe(target)
        response = client.append(target, bytes(raw), flags=(DRAFT_FLAG,), msg_time=when)
    except Exception as exc:  # the library's own errors (IMAP NO/BAD, socket) become one clear error
        raise DeliveryError(f"could not append the draft to {target}: {type(exc).__name__}: {exc}") from exc
    match = _APPENDUID.search(response or b"") if isinstance(response, (bytes, bytearray)) else None
    uidvalidity, uid = (int(match.group(1)), int(match.group(2))) if match else (None, None)
    log.info("draft appended to %s (uid %s)", target, uid)
    return Appended(folder=target, uid=uid, uidvalidity=uidvalidity)


class ApprovedSender(Protocol):
    """Sending a draft by SMTP: only after a person approved it, never from the sweep.

    An implementation (not part of this package) takes the message bytes as they are in the Drafts folder after the
    clerk's edits, the name of the person who approved it, and sends it; it must refuse an empty ``approved_by``.
    """

    def send(self, raw: bytes, *, approved_by: str) -> None: ...
