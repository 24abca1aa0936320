"""What a clerk may type, checked and put in the one form the tracker keeps: dates as clerks write them, urgency
marks of NĐ 30/2020, how an answer came, unit names the registry knows. Pure: no clock, no database.

Every refusal is a ``ServiceError`` whose text is one Vietnamese line that says what is allowed.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from nlp.textnorm import modern_tones


class ServiceError(ValueError):
    """A use case refused: ``str()`` is one Vietnamese line that says what is allowed."""


class NotFound(ServiceError):
    """No such letter, obligation or draft in this office."""


class InvalidInput(ServiceError):
    """A value the clerk gave is not one the use case accepts."""


class Conflict(ServiceError):
    """The thing is not in a state that allows this (a closed obligation, a signed draft...)."""


# NĐ 30/2020, Điều 8 and Phụ lục I: the marks of urgency ("độ khẩn") an official letter may bear
URGENCIES = ("Khẩn", "Thượng khẩn", "Hỏa tốc")
# how an answer that did not come through the tracked mailboxes reached the office
VIA = ("giấy", "hệ thống quản lý văn bản", "thư điện tử", "khác")

_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def clean(text) -> str:
    """One line, NFC with modern tone placement, single spaces."""
    text = unicodedata.normalize("NFC", str(text or ""))
    return modern_tones(" ".join(text.split()))


def _key(text: str) -> str:
    return clean(text).lower()


def parse_user_date(text) -> date:
    """A day as a clerk writes it: "05/03/2025", "5/3/2025" (also with "-" or ".") or ISO "2025-03-05"."""
    if isinstance(text, date):
        return text
    value = str(text or "")
    m = _DMY.match(value)
    parts = (m.group(3), m.group(2), m.group(1)) if m else None
    if parts is None and (m := _ISO.match(value)):
        parts = m.groups()
    if parts is not None:
        try:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            pass
    raise InvalidInput(f"Ngày «{clean(value)}» không hợp lệ: viết theo dạng ngày/tháng/năm (ví dụ 05/03/2025) "
                       "hoặc năm-tháng-ngày (2025-03-05).")


def urgency(text) -> str | None:
    """One of the marks of NĐ 30 (any case, either tone placement), or None for an ordinary letter (empty)."""
    if text is None or not clean(text):
        return None
    for mark in URGENCIES:
        if _key(mark) == _key(text):
            return mark
    raise InvalidInput(f"Độ khẩn «{clean(text)}» không hợp lệ: chỉ được {', '.join(URGENCIES)} "
                       "(để trống nếu là văn bản thường).")


def via(text) -> str:
    for way in VIA:
        if _key(way) == _key(text):
            return way
    raise InvalidInput(f"Cách nhận trả lời «{clean(text)}» không hợp lệ: chỉ được "
                       + ", ".join(f"«{v}»" for v in VIA) + ".")


def required(text, what: str) -> str:
    value = clean(text)
    if not value:
        raise InvalidInput(f"Thiếu {what}.")
    return value
