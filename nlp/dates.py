"""Dates as Vietnamese letters write them: "05/02/2026", "5-2-2026", "ngày 05 tháng 02 năm 2026"."""

from __future__ import annotations

import re
from datetime import date

DATE_RE = re.compile(
    r"(?P<d>\d{1,2})\s{0,2}(?P<sep>[/.\-])\s{0,2}(?P<m>\d{1,2})(?:\s{0,2}(?P=sep)\s{0,2}(?P<y>\d{4}))?(?!\d)"
    r"|(?P<d2>\d{1,2})\s{1,3}tháng\s{0,3}(?P<m2>\d{1,2})(?:\s{1,3}năm\s{1,3}(?P<y2>\d{4}))?"
)

# A cited document and its date: "Công văn số 12/BNV-TCBC ngày 20/5/2024" (the number, then its day).
CITED_DATE = re.compile(r"(?=[Ss])(?<!\w)[Ss]ố\s{1,3}\d{1,6}(?:/\d{4})?/[A-ZĐ][\w&.\-/()]{0,30}\s{0,3},?\s{0,3}ngày\s{1,3}"
                        r"(?P<d>\d{1,2})\s{0,2}[/.\-]\s{0,2}(?P<m>\d{1,2})\s{0,2}[/.\-]\s{0,2}(?P<y>\d{4})")


def make_date(year: int | None, month: int | None, day: int | None) -> date | None:
    if not year or not month or not day:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(match: re.Match, default_year: int | None = None) -> date | None:
    """The date a DATE_RE match denotes; a day and month with no year take ``default_year``."""
    if match.group("d"):
        d, m, y = match.group("d"), match.group("m"), match.group("y")
    else:
        d, m, y = match.group("d2"), match.group("m2"), match.group("y2")
    year = int(y) if y else default_year
    return make_date(year, int(m), int(d))
