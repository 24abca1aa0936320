"""Small formatting rules for Vietnamese administrative text (NĐ 30/2020 Phụ lục I) and a text cleaner."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# C0 and C1 controls, DEL, line/paragraph separators, bidi embeddings, overrides, isolates and marks (which can make
# a name or a file name read differently from what it is), lone surrogates (from undecodable bytes) and other
# characters that must not reach a header, a file name or a .docx (XML 1.0 forbids most C0 controls).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")
_INVISIBLE = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")  # removed, not spaced


def clean(text: str) -> str:
    """One line of NFC text: control characters (CR, LF, TAB...) become spaces, runs of spaces collapse."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", str(text)))
    return " ".join(_CONTROL.sub(" ", text).split())


def fold(text: str) -> str:
    """NFC text with every control character (CR, LF, TAB...) turned into a space; other spacing is kept."""
    return _CONTROL.sub(" ", _INVISIBLE.sub("", unicodedata.normalize("NFC", str(text))))


def day_month(d: date) -> tuple[str, str]:
    """Day and month as NĐ 30 writes them: day < 10 and months 1, 2 get a leading zero (PL I §II.4.b)."""
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return day, month


def long_date(d: date) -> str:
    """'ngày 05 tháng 02 năm 2026'."""
    day, month = day_month(d)
    return f"ngày {day} tháng {month} năm {d.year}"


def date_line(place: str, d: date) -> str:
    """The place and date line: 'Quận 11, ngày 05 tháng 02 năm 2026'."""
    return f"{clean(place)}, {long_date(d)}"


def short_date(d: date) -> str:
    """'05/02/2026', '29/6/2026', '15/11/2026': the same padding rule in the short form used in body text."""
    day, month = day_month(d)
    return f"{day}/{month}/{d.year}"


def upper(text: str) -> str:
    """IN HOA of a Vietnamese name (Python's upper() maps đ→Đ and keeps tone marks)."""
    return clean(text).upper()
