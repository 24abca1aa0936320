"""A small model of an NĐ 30/2020 administrative letter and the ways congvan's samples render it.

``Letter`` holds what a letter says; ``as_text()`` gives the text as a PDF or DOCX of it reads (the NĐ 30 layout
flattened to lines), ``as_docx()`` / ``as_pdf()`` give the documents, ``as_email()`` an RFC 5322 message carrying it.
Everything is deterministic: the same letter and arguments give the same bytes.

Helpers fill the letterhead, symbol and signature of a unit of the registry (``by="q11.qldt"``), so a test can write
``Letter.cong_van(by="q11.tnmt", number=37, issued=date(2025, 3, 5), subject=...)`` and vary one field at a time
with ``letter.but(urgency="Khẩn")``. All people, numbers and streets are invented.
"""

from __future__ import annotations

import base64
import hashlib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta, timezone
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import SMTP, default as default_policy
from email.utils import format_datetime, formataddr, parseaddr
from functools import lru_cache

ICT = timezone(timedelta(hours=7), "ICT")  # Asia/Ho_Chi_Minh, no DST

# kind -> (name in running text, title printed on the letter, type abbreviation of NĐ 30 Phụ lục III)
KINDS: dict[str, tuple[str, str | None, str | None]] = {
    "cong_van": ("Công văn", None, None),
    "giay_moi": ("Giấy mời", "GIẤY MỜI", "GM"),
    "thong_bao": ("Thông báo", "THÔNG BÁO", "TB"),
    "to_trinh": ("Tờ trình", "TỜ TRÌNH", "TTr"),
    "ke_hoach": ("Kế hoạch", "KẾ HOẠCH", "KH"),
    "bao_cao": ("Báo cáo", "BÁO CÁO", "BC"),
    "quyet_dinh": ("Quyết định", "QUYẾT ĐỊNH", "QĐ"),
}
URGENCIES = ("Khẩn", "Thượng khẩn", "Hỏa tốc")
WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

# Invented signers of the sample letters: unit id -> (authority lines, title, name).
SIGNERS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "q11": (("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), "PHÓ CHỦ TỊCH", "Đặng Quang Vinh"),
    "q11.vp": (("KT. CHÁNH VĂN PHÒNG",), "PHÓ CHÁNH VĂN PHÒNG", "Lê Thanh Tùng"),
    "q11.qldt": ((), "TRƯỞNG PHÒNG", "Phạm Hữu Lộc"),
    "q11.tnmt": (("KT. TRƯỞNG PHÒNG",), "PHÓ TRƯỞNG PHÒNG", "Huỳnh Thị Ngọc Lan"),
    "q11.kt": ((), "TRƯỞNG PHÒNG", "Đỗ Hoàng Phúc"),
    "q11.vhtt": (("KT. TRƯỞNG PHÒNG",), "PHÓ TRƯỞNG PHÒNG", "Trương Mỹ Duyên"),
    "q11.yt": ((), "TRƯỞNG PHÒNG", "Võ Thị Kim Mai"),
    "q11.ttr": (("KT. CHÁNH THANH TRA",), "PHÓ CHÁNH THANH TRA", "Quách Văn Sang"),
    "q11.p5": (("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), "PHÓ CHỦ TỊCH", "Trần Minh Khoa"),
    "q11.p14": (("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), "PHÓ CHỦ TỊCH", "Lý Thị Thu Sương"),
}
DEFAULT_SIGNER_NAME = "Nguyễn Minh Tâm"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def vn_date(day: date) -> str:
    """'20/01/2025', '05/3/2025': NĐ 30 padding (day < 10, months 1-2), as letters cite dates in running text."""
    return f"{_dd(day)}/{_mm(day)}/{day.year}"


def date_line(place: str, day: date) -> str:
    """'Phường 5, ngày 20 tháng 01 năm 2025' (NĐ 30 PL I §II.4.b)."""
    return f"{place}, ngày {_dd(day)} tháng {_mm(day)} năm {day.year}"


def _dd(day: date) -> str:
    return f"{day.day:02d}"


def _mm(day: date) -> str:
    return f"{day.month:02d}" if day.month <= 2 else str(day.month)


@dataclass(frozen=True)
class Meeting:
    """The event a giấy mời summons its readers to; ``start`` is local time (naive or +07:00)."""

    start: datetime
    place: str
    chair: str | None = None
    end: datetime | None = None

    def lines(self) -> list[str]:
        s = self.start
        when = f"{s.hour:02d} giờ {s.minute:02d}, {WEEKDAYS[s.weekday()]}, ngày {vn_date(s.date())}"
        if self.end is not None:
            when = f"Từ {s.hour:02d} giờ {s.minute:02d} đến {self.end.hour:02d} giờ {self.end.minute:02d}, " \
                   f"{WEEKDAYS[s.weekday()]}, ngày {vn_date(s.date())}"
        out = [f"Thời gian: {when}.", f"Địa điểm: {self.place}."]
        if self.chair:
            out.insert(0, f"Chủ trì: {self.chair}.")
        return out


@dataclass(frozen=True)
class Letter:
    """One letter as its issuer wrote it. Strings are stored NFC; sequences as tuples."""

    kind: str
    number: int | None
    symbol: str
    issuer_parent: str | None
    issuer: str
    place: str
    issued: date
    subject: str | None
    recipients: tuple[str, ...]
    body_paragraphs: tuple[str, ...]
    signer_authority: tuple[str, ...]
    signer_title: str
    signer_name: str
    cc: tuple[str, ...] = ()
    urgency: str | None = None
    secrecy: str | None = None
    meeting: Meeting | None = None
    archive: str = "VT"
    contact: str | None = None
    issuer_email: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r} (known: {', '.join(KINDS)})")
        if self.urgency is not None and self.urgency not in URGENCIES:
            raise ValueError(f"urgency must be one of {URGENCIES}, not {self.urgency!r}")
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str):
                object.__setattr__(self, f.name, nfc(value))
            elif isinstance(value, (list, tuple)):
                object.__setattr__(self, f.name, tuple(nfc(v) if isinstance(v, str) else v for v in value))

    # -- construction helpers --------------------------------------------------------------------------------------

    @classmethod
    def make(cls, kind: str, *, by: str = "q11.p5", **kw) -> "Letter":
        """A letter of ``kind`` issued by registry unit ``by``; any field may be given, the rest are defaults.

        ``recipients`` and ``cc`` may name registry ids ("q11.qldt"); they are written as the units' names.
        """
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r} (known: {', '.join(KINDS)})")
        profile = issuer_profile(by, kind)
        values: dict = dict(profile)
        values.update(
            number=1,
            issued=date(2025, 1, 20),
            subject="lấy ý kiến góp ý dự thảo kế hoạch",
            recipients=("q11.qldt",),
            body_paragraphs=(
                "Ủy ban nhân dân Phường 5 đề nghị quý cơ quan có ý kiến bằng văn bản về nội dung nêu trên.",
            ),
        )
        values.update(kw)
        values["kind"] = kind
        values["recipients"] = tuple(unit_name(r) for r in _tuple(values["recipients"]))
        values["cc"] = tuple(unit_name(r) for r in _tuple(values.get("cc", ())))
        values["body_paragraphs"] = _tuple(values["body_paragraphs"])
        values["signer_authority"] = _tuple(values["signer_authority"])
        return cls(**values)

    @classmethod
    def cong_van(cls, **kw) -> "Letter":
        return cls.make("cong_van", **kw)

    @classmethod
    def giay_moi(cls, **kw) -> "Letter":
        return cls.make("giay_moi", **kw)

    @classmethod
    def thong_bao(cls, **kw) -> "Letter":
        return cls.make("thong_bao", **kw)

    @classmethod
    def ke_hoach(cls, **kw) -> "Letter":
        return cls.make("ke_hoach", **kw)

    @classmethod
    def to_trinh(cls, **kw) -> "Letter":
        return cls.make("to_trinh", **kw)

    @classmethod
    def bao_cao(cls, **kw) -> "Letter":
        return cls.make("bao_cao", **kw)

    def but(self, **changes) -> "Letter":
        """A copy with some fields changed (``letter.but(urgency="Khẩn", number=13)``)."""
        return replace(self, **changes)

    # -- what the letter reads -----------------------------------------------------------------------------------

    @property
    def kind_name(self) -> str:
        return KINDS[self.kind][0]

    @property
    def doc_number(self) -> str:
        """'12/UBND-ĐT'; an unnumbered copy keeps its symbol ('/UBND-ĐT')."""
        return f"{self.number:02d}/{self.symbol}" if self.number is not None else f"/{self.symbol}"

    @property
    def number_line(self) -> str:
        return f"Số: {self.doc_number}" if self.number is not None else f"Số:     /{self.symbol}"

    @property
    def date_line(self) -> str:
        return date_line(self.place, self.issued)

    @property
    def issuer_short(self) -> str:
        """'UBND Phường 5' for 'Ủy ban nhân dân Phường 5', as clerks write it in e-mails."""
        return self.issuer.replace("Ủy ban nhân dân", "UBND")

    def citation(self) -> str:
        """'Công văn số 12/UBND-ĐT ngày 20/01/2025 của Ủy ban nhân dân Phường 5', as a reply cites it."""
        return f"{self.kind_name} số {self.doc_number} ngày {vn_date(self.issued)} của {self.issuer}"

    def subject_phrase(self) -> str:
        """'về việc lấy ý kiến ...' or '' when the letter has no trích yếu."""
        if not self.subject:
            return ""
        s = self.subject
        for prefix in ("V/v ", "Về việc ", "về việc "):
            if s.startswith(prefix):
                s = s[len(prefix):]
        return f"về việc {s[:1].lower()}{s[1:]}"

    def header_left(self) -> list[str]:
        lines = [self.issuer_parent.upper()] if self.issuer_parent else []
        lines += [self.issuer.upper(), self.number_line]
        if self.kind == "cong_van" and self.subject:
            lines.append(self.subject if self.subject.startswith("V/v") else f"V/v {self.subject}")
        return lines

    def header_right(self) -> list[str]:
        return [QUOC_HIEU, TIEU_NGU, self.date_line]

    def marks(self) -> list[str]:
        return [m.upper() for m in (self.secrecy, self.urgency) if m]

    def title_lines(self) -> list[str]:
        title = KINDS[self.kind][1]
        if title is None:
            return []
        return [title] + ([self.subject] if self.subject else [])

    def address_lines(self) -> list[str]:
        r = [x.rstrip(";.") for x in self.recipients]
        if not r:
            return []
        if len(r) == 1:
            return [f"Kính gửi: {r[0]}."]
        return ["Kính gửi:"] + [f"- {x};" for x in r[:-1]] + [f"- {r[-1]}."]

    def body_lines(self) -> list[str]:
        paras = list(self.body_paragraphs)
        if self.meeting is not None:
            paras[1:1] = self.meeting.lines()
        if paras and not paras[-1].endswith("./."):
            paras[-1] = paras[-1].rstrip(".") + "./."
        return paras

    def receivers_lines(self) -> list[str]:
        entries = ["Như trên"] if self.recipients else []
        entries += [c.rstrip(";.") for c in self.cc]
        entries.append(f"Lưu: {self.archive}")
        return ["Nơi nhận:"] + [f"- {e};" for e in entries[:-1]] + [f"- {entries[-1]}."]

    def signature_lines(self) -> list[str]:
        return [*self.signer_authority, self.signer_title, self.signer_name]

    def as_text(self) -> str:
        """The letter as the text of its PDF or DOCX reads: header cells, title, addressees, body, signature."""
        parts = [
            self.header_left(), self.header_right(), self.marks(), self.title_lines(), self.address_lines(),
            self.body_lines(), self.receivers_lines(), self.signature_lines(),
            [self.contact] if self.contact else [],
        ]
        return "\n".join(line for part in parts for line in part) + "\n"

    # -- documents -------------------------------------------------------------------------------------------------

    def as_pdf(self) -> bytes:
        from congvan.samples._pdf import render_pdf

        return render_pdf(self)

    def as_docx(self) -> bytes:
        from congvan.samples._docx import render_docx

        return render_docx(self)

    def file_name(self, ext: str) -> str:
        """'Công văn 12-UBND-ĐT.pdf'."""
        return f"{self.kind_name} {self.doc_number.strip('/').replace('/', '-')}.{ext}"

    # -- e-mail ----------------------------------------------------------------------------------------------------

    def cover_note(self, *, attach: str = "pdf") -> str:
        """The few lines a clerk writes above the attachment."""
        sender = self.issuer_short
        what = f"{self.kind_name} số {self.doc_number} ngày {vn_date(self.issued)} của {self.issuer}"
        phrase = self.subject_phrase()
        if phrase:
            what += f" {phrase}"
        lines = []
        if self.recipients:
            lines += [f"Kính gửi: {'; '.join(r.rstrip(';.') for r in self.recipients)}.", ""]
        if attach == "body":
            lines += [f"Văn thư {sender} gửi nội dung {what} như sau:", ""]
        else:
            lines += [f"Văn thư {sender} gửi kèm {what} (tập tin đính kèm).", "",
                      "Đề nghị quý cơ quan nhận và xử lý theo nội dung văn bản.", "", "Trân trọng."]
        return "\n".join(lines)

    def as_email(
        self,
        *,
        sender: str | tuple[str, str],
        to: Sequence[str | tuple[str, str]],
        date: datetime,
        attach: str = "pdf",
        message_id: str | None = None,
        cc: Sequence[str | tuple[str, str]] = (),
        subject: str | None = None,
        note: str | None = None,
        in_reply_to: str | None = None,
        extra_headers: Iterable[tuple[str, str]] = (),
    ) -> bytes:
        """The letter sent as an e-mail: a cover note and the PDF or DOCX attached, or the letter in the body.

        ``sender``/``to``/``cc`` take addresses ("a@b.example", "Name <a@b.example>", ("Name", "a@b.example")) or
        registry unit ids ("q11.p5"). ``date`` must be timezone-aware. Bytes use CRLF line ends, as on the wire.
        """
        if attach not in ("pdf", "docx", "body"):
            raise ValueError("attach must be 'pdf', 'docx' or 'body'")
        if subject is None:
            subject = f"{self.kind_name} số {self.doc_number} ngày {vn_date(self.issued)}"
            if self.subject:
                subject += f" {self.subject_phrase()}"
            if self.urgency:
                subject = f"{self.urgency.upper()} - {subject}"
        body = note if note is not None else self.cover_note(attach=attach)
        if attach == "body":
            body = f"{body}\n\n{self.as_text()}"
        if self.issuer_email is None or _addr_of(sender) == self.issuer_email:
            body += _signature_block(self.issuer_short, _addr_of(sender))
        if message_id is None:
            message_id = default_message_id(date, f"{self.doc_number}.{attach}", _addr_of(sender))
        msg, head = _message(sender=sender, to=to, cc=cc, date=date, subject=subject, message_id=message_id,
                       in_reply_to=in_reply_to, extra_headers=extra_headers, urgent=bool(self.urgency))
        msg.set_content(nfc(body))
        if attach == "pdf":
            msg.add_attachment(self.as_pdf(), maintype="application", subtype="pdf",
                               filename=self.file_name("pdf"))
        elif attach == "docx":
            msg.add_attachment(self.as_docx(), maintype="application",
                               subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                               filename=self.file_name("docx"))
        return _to_bytes(msg, head)


# -- e-mails without a letter, forwards --------------------------------------------------------------------------


def plain_email(
    *,
    sender: str | tuple[str, str],
    to: Sequence[str | tuple[str, str]],
    date: datetime,
    subject: str,
    body: str,
    message_id: str | None = None,
    cc: Sequence[str | tuple[str, str]] = (),
    urgent: bool = False,
    in_reply_to: str | None = None,
) -> bytes:
    """A text-only e-mail (no letter attached), e.g. an urgent request by e-mail under Đ.4.5."""
    if message_id is None:
        message_id = default_message_id(date, subject, _addr_of(sender))
    msg, head = _message(sender=sender, to=to, cc=cc, date=date, subject=subject, message_id=message_id,
                   in_reply_to=in_reply_to, extra_headers=(), urgent=urgent)
    msg.set_content(nfc(body))
    return _to_bytes(msg, head)


def forward(
    original: bytes,
    *,
    sender: str | tuple[str, str],
    to: Sequence[str | tuple[str, str]],
    date: datetime,
    message_id: str | None = None,
    note: str = "Chuyển tiếp để Văn thư vào sổ, theo dõi.",
) -> bytes:
    """``original`` forwarded inline by someone else: a note, the quoted headers and text, the same attachments."""
    orig = BytesParser(policy=default_policy).parsebytes(original)
    text_part = orig.get_body(preferencelist=("plain",))
    quoted = text_part.get_content() if text_part is not None else ""
    body = (
        f"{note}\n\n---------- Thư chuyển tiếp ----------\n"
        f"Từ: {orig['From']}\nNgày: {orig['Date']}\nTiêu đề: {orig['Subject']}\nĐến: {orig['To']}\n\n{quoted}"
    )
    if message_id is None:
        message_id = default_message_id(date, f"fwd.{orig['Message-ID']}", _addr_of(sender))
    msg, head = _message(sender=sender, to=to, cc=(), date=date, subject=f"Fwd: {orig['Subject']}",
                   message_id=message_id, in_reply_to=None, extra_headers=(), urgent=False)
    msg.set_content(nfc(body))
    for part in orig.iter_attachments():
        msg.add_attachment(part.get_content(), maintype=part.get_content_maintype(),
                           subtype=part.get_content_subtype(), filename=part.get_filename())
    return _to_bytes(msg, head)


# -- internals ---------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _registry():
    from tracker.units import UnitRegistry

    return UnitRegistry.load()


def unit_name(text: str) -> str:
    """A registry id ('q11.qldt') as the unit's official name; anything else unchanged."""
    if " " not in text and "." in text and "@" not in text:
        unit = _registry().get(text)
        if unit is not None:
            return unit.name
    return text


def issuer_profile(unit_id: str, kind: str = "cong_van") -> dict:
    """Letterhead, place, symbol, signature and address of a registry unit, as Letter keyword arguments."""
    reg = _registry()
    unit = reg[unit_id]
    if unit.kind == "chairman" and unit.parent:
        unit = reg[unit.parent]
    abbr = KINDS[kind][2]
    if unit.kind == "ward":
        parent = "Ủy ban nhân dân Quận 11" if unit.id.startswith("q11.") else "Ủy ban nhân dân Thành phố Hồ Chí Minh"
        place = unit.name.replace("Ủy ban nhân dân ", "")
        place = place[:1].upper() + place[1:]
        body_abbr = "UBND"
    elif unit.kind == "district":
        parent, place, body_abbr = "Ủy ban nhân dân Thành phố Hồ Chí Minh", "Quận 11", "UBND"
    elif unit.kind == "city":
        parent, place, body_abbr = None, "Thành phố Hồ Chí Minh", "UBND"
    else:
        parent, place, body_abbr = "Ủy ban nhân dân Quận 11", "Quận 11", unit.short
    symbol = f"{abbr}-{body_abbr}" if abbr else body_abbr
    if unit.id in SIGNERS:
        authority, title, name = SIGNERS[unit.id]
    elif unit.kind in ("ward", "district", "city"):
        authority, title, name = ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), "PHÓ CHỦ TỊCH", DEFAULT_SIGNER_NAME
    else:
        authority, title, name = ("KT. TRƯỞNG PHÒNG",), "PHÓ TRƯỞNG PHÒNG", DEFAULT_SIGNER_NAME
    return {
        "issuer_parent": parent,
        "issuer": unit.name,
        "place": place,
        "symbol": symbol,
        "signer_authority": authority,
        "signer_title": title,
        "signer_name": name,
        "issuer_email": unit.emails[0] if unit.emails else None,
    }


def _tuple(value) -> tuple:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _address(value: str | tuple[str, str]) -> Address | str:
    if isinstance(value, tuple):
        name, addr = value
        return Address(display_name=nfc(name), addr_spec=addr)
    if "@" not in value:
        unit = _registry()[value]
        return Address(display_name=unit.name, addr_spec=unit.emails[0])
    return nfc(value)


def _addr_of(value: str | tuple[str, str]) -> str:
    a = _address(value)
    if isinstance(a, Address):
        return a.addr_spec
    return a.rsplit("<", 1)[-1].rstrip(">").strip()


def default_message_id(when: datetime, key: str, sender: str) -> str:
    """A stable Message-ID made of the date, a hash of ``key`` and the sender's domain."""
    digest = hashlib.sha1(nfc(key).encode("utf-8")).hexdigest()[:12]
    domain = sender.rsplit("@", 1)[-1]
    return f"<{when.strftime('%Y%m%d%H%M%S')}.{digest}@{domain}>"


def _message(*, sender, to, cc, date, subject, message_id, in_reply_to, extra_headers,
             urgent) -> tuple[EmailMessage, str]:
    """The message without its address and subject headers: ``_to_bytes`` writes those itself (see there)."""
    if date.tzinfo is None:
        raise ValueError("an e-mail date must be timezone-aware (e.g. tzinfo=ICT)")
    msg = EmailMessage(policy=SMTP)
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    if urgent:
        msg["X-Priority"] = "1"
        msg["Importance"] = "high"
    for name, value in extra_headers:
        msg[name] = value
    msg["MIME-Version"] = "1.0"
    head = [f"From: {_format_address(sender)}", "To: " + ",\r\n ".join(_format_address(t) for t in to)]
    if cc:
        head.append("Cc: " + ",\r\n ".join(_format_address(c) for c in cc))
    head.append(f"Subject: {encode_header_text(subject)}")
    return msg, "".join(line + "\r\n" for line in head)


def encode_header_text(text: str) -> str:
    """RFC 2047 encoded words covering the whole text (spaces inside the words), folded between words.

    The standard library's own folding splits non-ASCII text into encoded and plain words in a way that loses or
    adds spaces for some decoders ("địabàn"); whole-text encoded words decode the same everywhere.
    """
    text = nfc(text)
    if text.isascii():
        return text
    words: list[str] = []
    chunk = ""
    for ch in text:
        if len(base64.b64encode((chunk + ch).encode("utf-8"))) > 75 - len("=?utf-8?b??="):
            words.append(chunk)
            chunk = ch
        else:
            chunk += ch
    words.append(chunk)
    return "\r\n ".join(f"=?utf-8?b?{base64.b64encode(w.encode('utf-8')).decode('ascii')}?=" for w in words)


def _format_address(value: str | tuple[str, str]) -> str:
    a = _address(value)
    if isinstance(a, str):
        name, addr = parseaddr(a)
        if not addr:
            raise ValueError(f"not an e-mail address: {value!r}")
        a = Address(display_name=name, addr_spec=addr)
    if not a.display_name:
        return a.addr_spec
    if a.display_name.isascii():
        return formataddr((a.display_name, a.addr_spec))
    return f"{encode_header_text(a.display_name)} <{a.addr_spec}>"


def _signature_block(name: str, address: str) -> str:
    return f"\n\n--\nVăn thư {name}\nThư điện tử: {address}\n" if name else "\n"


def _to_bytes(msg: EmailMessage, head: str) -> bytes:
    # Fixed multipart boundaries, so that the same message always has the same bytes.
    seed = hashlib.sha1(str(msg["Message-ID"]).encode()).hexdigest()[:20]
    for i, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"=_congvan_{seed}_{i}")
    return head.encode("ascii") + msg.as_bytes(policy=SMTP)
