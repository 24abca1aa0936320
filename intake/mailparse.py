"""One e-mail's bytes -> its headers, its body text and its attachments (mail-parser; the standard library behind).

Header and attachment names are decoded (RFC 2047 / RFC 2231) and made NFC; attachment names are for display only
and are never used as paths. Body text comes from text/plain, else from HTML turned into text. Charsets Python does
not know (``x-unknown``, ``fakescii``) fall back to windows-1258 then Latin-1 rather than failing.
"""

from __future__ import annotations

import base64
import email
import email.policy
import email.utils
import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.header import decode_header, make_header
from html.parser import HTMLParser

log = logging.getLogger(__name__)
logging.getLogger("mailparser").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Attachment:
    name: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class ParsedMail:
    message_id: str | None
    from_addr: str | None
    to_addrs: tuple[str, ...]
    subject: str
    date: datetime | None  # aware; the Date header
    received: datetime | None  # aware; the newest Received header (arrival at the last hop)
    body: str  # not normalised; the caller normalises
    attachments: tuple[Attachment, ...] = field(default=())


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


def decode_header_value(value) -> str:
    """A header value as text: RFC 2047 words decoded, raw 8-bit bytes read as UTF-8 or windows-1258."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        value = _decode_bytes(value, None)
    value = str(value)
    try:
        value = str(make_header(decode_header(value)))
    except (LookupError, ValueError, UnicodeDecodeError, email.errors.HeaderParseError):
        pass
    if any("\udc80" <= ch <= "\udcff" for ch in value):  # surrogateescape'd raw bytes
        value = _decode_bytes(value.encode("utf-8", "surrogateescape"), None)
    value = re.sub(r"\s*\n\s*", " ", value)
    value = re.sub("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]", "", value)  # no NUL or lone surrogate reaches SQL
    return _nfc(value).strip()


def _decode_bytes(data: bytes, charset: str | None) -> str:
    for cs in (charset, "utf-8", "cp1258"):
        if not cs:
            continue
        try:
            return data.decode(cs)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    if not (1990 <= dt.year <= 2200):
        return None
    return dt


def _first_address(value: str) -> str | None:
    addrs = email.utils.getaddresses([value])
    for _name, addr in addrs:
        if "@" in addr:
            return addr.strip().lower()
    return None


def parse_message(raw: bytes) -> ParsedMail:
    """Parse one message. Raises ValueError (a one-line reason) when the bytes are not an e-mail at all."""
    if not raw or not raw.strip():
        raise ValueError("thư rỗng")
    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ValueError("không phải thư điện tử chuẩn (tệp Outlook .msg)")
    body, attachments, msg = _parts_with_mailparser(raw)
    if msg is None:
        msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    header_names = {k.lower() for k in msg.keys()}
    if not header_names & {"from", "to", "subject", "date", "message-id", "received", "content-type",
                           "mime-version", "return-path", "sender"}:
        raise ValueError("không phải thư điện tử (không có tiêu đề thư)")
    if body is None:
        body, attachments = _parts_with_stdlib(msg)

    message_id = decode_header_value(msg.get("Message-ID")) or None
    if message_id:
        message_id = message_id.strip()[:998]
    from_addr = _first_address(decode_header_value(msg.get("From")))
    to_addrs = tuple(a.lower() for _n, a in email.utils.getaddresses(
        [decode_header_value(v) for v in (msg.get_all("To") or []) + (msg.get_all("Cc") or [])]) if "@" in a)
    received = None
    for hop in msg.get_all("Received") or []:
        received = _parse_date(str(hop).rsplit(";", 1)[-1].strip()) if ";" in str(hop) else None
        break
    return ParsedMail(
        message_id=message_id,
        from_addr=from_addr,
        to_addrs=to_addrs,
        subject=decode_header_value(msg.get("Subject")),
        date=_parse_date(str(msg.get("Date") or "")),
        received=received,
        body=body,
        attachments=tuple(attachments),
    )


def _parts_with_mailparser(raw: bytes):
    """(body, attachments, the parsed email.message.Message) by mail-parser, or (None, [], None) if it fails."""
    try:
        import mailparser

        mail = mailparser.parse_from_bytes(raw)
        plain = "\n".join(mail.text_plain)
        body = plain if plain.strip() else html_to_text("\n".join(mail.text_html))
        attachments = []
        for att in mail.attachments:
            payload = att.get("payload") or ""
            if att.get("binary"):
                data = base64.b64decode(payload, validate=False)
            else:
                data = payload.encode("utf-8", "surrogateescape") if isinstance(payload, str) else bytes(payload)
            name = decode_header_value(att.get("filename") or "")
            ctype = (att.get("mail_content_type") or "application/octet-stream").lower()
            if ctype.startswith("message/") and not name:
                name = "forwarded.eml"
            attachments.append(Attachment(name, ctype, data))
        return body, attachments, mail.message
    except Exception as exc:  # noqa: BLE001 - mail-parser raises anything on hostile input; stdlib takes over
        log.debug("mail-parser failed (%s); using the standard library", type(exc).__name__)
        return None, [], None


def _parts_with_stdlib(msg) -> tuple[str, list[Attachment]]:
    plain, html, attachments = [], [], []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = (part.get_content_type() or "text/plain").lower()
        disposition = (part.get("Content-Disposition") or "").lower()
        filename = part.get_filename()
        try:
            data = part.get_payload(decode=True) or b""
        except Exception:  # noqa: BLE001
            data = b""
        if filename or "attachment" in disposition or not ctype.startswith("text/"):
            attachments.append(Attachment(decode_header_value(filename or ""), ctype, data))
        elif ctype == "text/html":
            html.append(_decode_bytes(data, part.get_content_charset()))
        else:
            plain.append(_decode_bytes(data, part.get_content_charset()))
    body = "\n".join(plain)
    if not body.strip():
        body = html_to_text("\n".join(html))
    return body, attachments


class _TextOfHtml(HTMLParser):
    BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
             "blockquote", "pre", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head", "title"):
            self.skip += 1
        elif tag in self.BLOCK:
            self.out.append("\n")
        elif tag in ("td", "th"):
            self.out.append("\t")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head", "title"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_to_text(html: str) -> str:
    """The visible text of an HTML body, one line per block."""
    if not html:
        return ""
    parser = _TextOfHtml()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - malformed HTML: keep what was read
        pass
    text = "".join(parser.out)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()
