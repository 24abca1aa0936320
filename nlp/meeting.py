"""The event a giấy mời summons its readers to: "bắt đầu lúc 14 giờ 30, ngày 12 tháng 01 năm 2026", "vào Thứ Hai,
ngày 22/7/2013, từ 07h00 tại Hội trường ..."; the place from "Địa điểm:" or "tại ...".
"""

from __future__ import annotations

import re
from datetime import datetime

from nlp.dates import DATE_RE, parse_date
from nlp.header import INVITATION_TYPES, Hit

_TIME = r"(?P<h>\d{1,2})\s{0,2}(?:giờ|h|g|:)\s{0,2}(?P<min>\d{2})?(?:\s{0,2}phút)?"
_TIME_RE = re.compile(r"(?<![\d/])" + _TIME + r"(?![\d/])", re.I)
_PLACE = re.compile(r"(?:Địa\s+điểm\s*:\s*(?:[-–]\s*)?(?P<a>[^\n]{3,200})|(?<!\w)tại\s+(?P<b>[^\n.;]{3,160}))", re.I)
_PLACE_END = re.compile(r"\.\s+(?=[A-ZĐÀ-Ỹ])|\s(?=(?:Thành\s+phần|Nội\s+dung|Chủ\s+trì|Thời\s+gian)\s*:)")
_INVITATION = re.compile(r"(?<!\w)(?:mời|họp|hội\s+nghị|cuộc\s+họp)(?!\w)", re.I)


# A time right after the date: "ngày 11/3/2025 (thứ Ba), 13h30", "ngày 11/3/2025, 8 giờ 00".
# "ngày 15/3/2025", "thứ Năm (15/3/2025)", "Thứ Bảy, 15/3/2025": what stands before a meeting's date.
_BEFORE_DATE = re.compile(r"(?:ngày|thứ\s{1,3}\w{2,4}|chủ\s{1,3}nhật)\s{0,3}[,(]?\s{0,3}$", re.I)
_TIME_AFTER = re.compile(
    r"\s{0,3}(?:\([^)]{0,20}\)\s{0,3})?[,;–-]?\s{0,3}(?:(?:buổi\s{1,3})?(?:sáng|chiều)\s{0,2}:?\s{0,3})?(?P<h>\d{1,2})\s{0,2}(?:giờ|h)\s{0,2}(?P<min>\d{2})?", re.I)


def _time_before(window: str) -> re.Match | None:
    """The start time among the times before a date: "từ 13 giờ 30 đến 17 giờ 00, ngày ..." starts at 13:30."""
    times = list(_TIME_RE.finditer(window))
    if not times:
        return None
    last = times[-1]
    if len(times) > 1 and re.search(r"(?:đến|tới|-|–)\s{0,3}$", window[max(0, last.start() - 8):last.start()]):
        return times[-2]
    return last


def find_meeting(flat: str, base: int, default_year: int | None) -> Hit | None:
    """The first time-and-date pair of the letter's announcement (a "Thời gian:" line is preferred)."""
    label = re.search(r"Thời\s+gian\s*:", flat)
    regions = ([label.start()] if label else []) + [0]
    for region in regions:
        for dm in DATE_RE.finditer(flat, region, min(len(flat), region + 6000)):
            if not _BEFORE_DATE.search(flat, max(0, dm.start() - 24), dm.start()):
                continue
            day = parse_date(dm, default_year)
            if day is None:
                continue
            window_a = flat[max(0, dm.start() - 70):dm.start()]
            window_b = flat[dm.end():dm.end() + 40]
            tm = _time_before(window_a)
            if tm is None or not re.search(r"(?:lúc|từ|vào|giờ|\dh)", window_a[max(0, tm.start() - 12):tm.end() + 2], re.I):
                tm2 = re.search(r"(?:lúc|từ|vào|hồi)\s{1,3}" + _TIME, window_b, re.I) or _TIME_AFTER.match(window_b)
                tm = tm2 or (tm if tm and re.search(r"giờ|h\d|\dh", tm.group(0)) else None)
            if tm is None:
                continue
            hour, minute = int(tm.group("h")), int(tm.group("min") or 0)
            if hour > 23 or minute > 59:
                continue
            when = datetime(day.year, day.month, day.day, hour, minute)
            place = None
            pm = _PLACE.search(flat, dm.start(), min(len(flat), dm.end() + 600))
            if pm:
                place = (pm.group("a") or pm.group("b")).strip(" .;")
                place = re.sub(r"^[-–]\s*", "", place)
                # the place ends with its sentence or at the next label ("... UBND Quận 11. Thành phần: ...")
                place = _PLACE_END.split(place, maxsplit=1)[0].strip(" .;,")
            value = {"datetime": when.strftime("%Y-%m-%dT%H:%M"), "place": place}
            return Hit(value, base + max(0, dm.start() - 70), base + dm.end(), 0.7)
    return None


_EVENT = re.compile(
    r"(?<!\w)(?:mời\s+(?:dự|họp|tham\s+dự)|tổ\s+chức\s+(?:cuộc\s+họp|buổi|hội\s+nghị|lễ|đối\s+thoại|tiếp\s+xúc|"
    r"hội\s+thảo|tọa\s+đàm|toạ\s+đàm|gặp\s+mặt))",
    re.I,
)
# An event notice announces its time and place under labels: "Thời gian: ... / Địa điểm: ...".
_LABELS = re.compile(
    r"Thời\s+gian\s*:[^\n]{0,200}(?:\n[^\n]{0,200}){0,3}?\n[ \t]{0,20}(?:[-–•+*]\s*)?Địa\s+điểm\s*:", re.I)
_NOT_EVENT_TYPES = {"Kế hoạch", "Quyết định", "Báo cáo", "Nghị quyết", "Quy chế", "Quy định", "Chương trình",
                    "Hướng dẫn", "Tờ trình", "Đề án", "Phương án"}


def is_invitation(doc_type: str | None, head: str) -> bool:
    """A giấy mời, a letter inviting to a meeting, or a notice of an event with its time and place."""
    if doc_type in INVITATION_TYPES:
        return True
    if doc_type in _NOT_EVENT_TYPES:
        return bool(re.search(r"(?<!\w)mời\s+(?:dự|họp|tham\s+dự)", head, re.I))
    return bool(_EVENT.search(head) or _LABELS.search(head))
