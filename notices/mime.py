"""build_message(rendered, ...) -> bytes: a draft as an RFC 5322 message.

multipart/alternative (text, HTML; a chart goes inline as multipart/related with a Content-ID), the .docx attached
under its Vietnamese name (RFC 2231). Nothing from a letter can add a header: every header value is folded onto one
line with control characters (CR, LF, TAB, NUL, bidi controls...) turned into spaces, and addresses are checked.

Subject and display names are written as RFC 2047 encoded words by ``email.header.Header`` (every character inside
an encoded word, spaces included), never re-parsed: any mail client shows them exactly as written, and text from a
letter that looks like an encoded word ("=?utf-8?q?x=0D=0ABcc:...?=") stays that text instead of decoding to a new
header line.
"""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import datetime
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, getaddresses

from notices.render import Rendered
from notices.vnformat import clean

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
_DATA_PNG = re.compile(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"')
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOMAIN = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*$")


class MessageError(ValueError):
    """Raised when a draft cannot be wrapped as a message: a bad address, a naive date, a bad domain."""


def _address(value: str | tuple[str, str]) -> Address:
    """'Name <user@host>', 'user@host' or (name, address) -> a checked Address with a one-line display name."""
    if isinstance(value, tuple):
        name, addr = value
    else:
        parsed = getaddresses([clean(value)])
        if len(parsed) != 1:
            raise MessageError(f"not one e-mail address: {clean(value)!r}")
        name, addr = parsed[0]
    name, addr = clean(name), clean(addr)
    if addr.count("@") != 1 or " " in addr or any(c in addr for c in '<>,;"()[]\\'):
        raise MessageError(f"not a valid e-mail address: {addr!r}")
    user, host = addr.split("@")
    try:
        ascii_host = host if host.isascii() else host.encode("idna").decode("ascii")
    except UnicodeError:
        ascii_host = ""
    if not user or not _DOMAIN.match(ascii_host):
        raise MessageError(f"not a valid e-mail address: {addr!r}")
    try:
        return Address(display_name=name, username=user, domain=host)
    except (ValueError, IndexError):
        raise MessageError(f"not a valid e-mail address: {addr!r}") from None


class _Encoded(str):
    """A header value already encoded for the wire: the policy keeps it as it is (it has a ``name``) and folds it
    by calling ``fold``, so Python's header parser never sees text that came from a letter."""

    name: str

    def __new__(cls, name: str, value: str) -> "_Encoded":
        obj = super().__new__(cls, value)
        obj.name = name
        return obj

    def fold(self, *, policy) -> str:
        return f"{self.name}: {self}{policy.linesep}"


def _encoded(name: str, text: str) -> _Encoded:
    """``text`` (one line, cleaned) as RFC 2047 encoded words of UTF-8, folded by ``Header``."""
    return _Encoded(name, Header(clean(text), "utf-8", header_name=name).encode(linesep="\r\n"))


def _addresses(name: str, addresses: list[Address]) -> _Encoded:
    """'Tên đơn vị <user@host>' with the display name always encoded (RFC 2047, so that no text of a letter is
    read as an encoded word or a quoted string) and the address on its own folded line when the line gets long."""
    parts = []
    for a in addresses:
        spec = f"<{a.addr_spec}>"
        if not a.display_name:
            parts.append(spec)
            continue
        shown = Header(a.display_name, "utf-8", header_name=name).encode(linesep="\r\n")
        last = shown.rsplit("\r\n", 1)[-1]
        parts.append(f"{shown}\r\n {spec}" if len(last) + len(spec) + len(name) + 3 > 78 else f"{shown} {spec}")
    return _Encoded(name, ",\r\n ".join(parts))


def _many(value) -> list:
    """One address (a string or a (name, address) pair) or a list of them."""
    if isinstance(value, str) or (isinstance(value, tuple) and len(value) == 2
                                  and all(isinstance(v, str) for v in value) and "@" in value[1]):
        return [value]
    return list(value)


def _message_id(rendered: Rendered, to: list[Address], date: datetime, domain: str) -> str:
    """Stable for the same draft: re-appending it after a crash gives the same Message-ID (a duplicate is visible)."""
    digest = hashlib.sha256()
    for part in (rendered.kind, rendered.subject, rendered.text, ",".join(a.addr_spec for a in to), date.isoformat()):
        digest.update(part.encode("utf-8") + b"\0")
    return f"<congvan.{rendered.kind}.{digest.hexdigest()[:24]}@{domain}>"


def build_message(rendered: Rendered, *, from_addr: str | tuple[str, str], to_addrs, date: datetime,
                  message_id_domain: str, attach_docx: bool = True, cc_addrs=()) -> bytes:
    """The draft as bytes (CRLF line ends), ready for IMAP APPEND. ``date`` must carry its UTC offset."""
    if date.tzinfo is None or date.utcoffset() is None:
        raise MessageError("the message date needs a time zone (e.g. +07:00)")
    if not _DOMAIN.match(message_id_domain or ""):
        raise MessageError(f"not a domain name for Message-ID: {message_id_domain!r}")
    sender = _address(from_addr)
    to = [_address(a) for a in _many(to_addrs)]
    cc = [_address(a) for a in _many(cc_addrs)]
    if not to:
        raise MessageError("a draft needs at least one recipient")

    msg = EmailMessage(policy=SMTP)
    msg["From"] = _addresses("From", [sender])
    msg["To"] = _addresses("To", to)
    if cc:
        msg["Cc"] = _addresses("Cc", cc)
    msg["Subject"] = _encoded("Subject", rendered.subject)
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = _message_id(rendered, to, date, message_id_domain)
    msg["X-Congvan-Kind"] = rendered.kind
    msg.set_content(rendered.text, subtype="plain", charset="utf-8", cte="quoted-printable")
    images = _DATA_PNG.findall(rendered.html)
    html = rendered.html
    for i, _ in enumerate(images):
        html = _DATA_PNG.sub(f'src="cid:chart{i}@congvan"', html, count=1)
    msg.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    if images:
        html_part = msg.get_payload()[1]
        for i, data in enumerate(images):
            html_part.add_related(base64.b64decode(data), maintype="image", subtype="png", cid=f"<chart{i}@congvan>",
                                  disposition="inline", filename=f"bieu-do-{i + 1}.png")
    if attach_docx and rendered.docx:
        msg.add_attachment(rendered.docx, maintype=DOCX_TYPE[0], subtype=DOCX_TYPE[1],
                           filename=clean(rendered.filename or f"{rendered.kind}.docx"))
    return msg.as_bytes()
