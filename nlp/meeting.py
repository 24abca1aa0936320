"""The event a giấy mời summons its readers to: "bắt đầu lúc 14 giờ 30, ngày 12 tháng 01 năm 2026", "vào Thứ Hai,
ngày 22/7/2013, từ 07h00 tại Hội trường ..."; the place from "Địa điểm:" or "tại ...".
"""

from __future__ import annotations

import re
from datetime import date, datetime

from nlp.alphabet import UPPER
from nlp.dates import DATE_RE, parse_date
from nlp.header import INVITATION_TYPES, Hit

_TIME = r"(?P<h>\d{1,2})\s{0,2}(?:giờ|h|g|:)\s{0,2}(?P<min>\d{2})?(?:\s{0,2}phút)?"
_TIME_RE = re.compile(r"(?<![\d/])" + _TIME + r"(?![\d/])", re.I)
_PLACE = re.compile(r"(?:Địa\s+điểm\s*:\s*(?:[-–]\s*)?(?P<a>[^\n]{3,200})|(?<!\w)tại\s+(?P<b>[^\n.;]{3,160}))", re.I)
_PLACE_END = re.compile(r"\.\s+(?=[" + UPPER + r"])|\s(?=(?:Thành\s+phần|Nội\s+dung|Chủ\s+trì|Thời\s+gian)\s*:)")
_INVITATION = re.compile(r"(?<!\w)(?:mời|họp|hội\s+nghị|cuộc\s+họp)(?!\w)", re.I)


# A time right after the date: "ngày 11/3/2025 (thứ Ba), 13h30", "ngày 11/3/2025, 8 giờ 00".
# "ngày 15/3/2025", "thứ Năm (15/3/2025)", "Thứ Bảy, 15/3/2025": what stands before a meeting's date.
_BEFORE_DATE = re.compile(r"(?:ngày|thứ\s{1,3}\w{2,4}|chủ\s{1,3}nhật)\s{0,3}[,(]?\s{0,3}$", re.I)
_TIME_AFTER = re.compile(
    r"\s{0,3}(?:\([^)]{0,20}\)\s{0,3})?[,;–-]?\s{0,3}(?:(?:buổi\s{1,3})?(?:sáng|chiều)\s{0,2}:?\s{0,3})?(?P<h>\d{1,2})\s{0,2}(?:giờ|h|g)\s{0,2}(?P<min>\d{2})?(?!\w)", re.I)
# A time that closes a deadline, not one that opens a meeting: "trước 16 giờ 30 phút ngày 25/6/2020".
# (and a time from which a measure holds: "không cho tàu thuyền ra khơi kể từ 12 giờ 00 ngày 10/10/2017")
_DEADLINE_BEFORE = re.compile(
    r"(?:kể\s{1,3}từ|trước|chậm\s{1,3}nhất(?:\s{1,3}là)?|hạn(?:\s{1,3}(?:chót|cuối))?(?:\s{1,3}là)?\s{0,2}:?|không\s{1,3}muộn\s{1,3}hơn|hết)"
    r"\s{0,3}(?:(?:vào\s{1,3})?lúc\s{1,3})?$", re.I)
# The old time of a meeting moved or put off: "hoãn Hội nghị ... đã dự kiến tổ chức vào lúc 8h00 ngày ...", "chuyển
# thời gian họp từ 8 giờ 00 ngày ... sang 14 giờ 00 ngày ...": the new time, if any, comes after "sang".
_OLD_TIME = re.compile(
    r"(?:(?:đã\s{1,3}dự\s{1,3}kiến|dự\s{1,3}kiến\s{1,3}ban\s{1,3}đầu|thay\s{1,3}vì|thời\s{1,3}gian\s{1,3}cũ)[^.;\n]{0,100}"
    r"|hoãn(?:(?!sang|đến|tới|lại)[^.;\n]){0,100}"
    r"|(?:chuyển|dời|lùi|thay\s{1,3}đổi|điều\s{1,3}chỉnh)[^.;\n]{0,80}\stừ\s{1,3}(?:(?:vào\s{1,3})?lúc\s{1,3})?)$", re.I)


# The label of an announcement's time, also of a meeting moved: "Thời gian:", "Thời gian mới:", "Thời gian tổ chức:".
_TIME_LABEL = re.compile(r"Thời\s+gian(?:\s+(?:mới|tổ\s+chức|họp|khai\s+mạc|bắt\s+đầu))?\s*:")
_RANGE_END = re.compile(r"(?:(?<!\w)(?:đến|tới)|\d[/.]\d{1,2}(?:[/.]\d{4})?\s{0,2}[-–])\s{0,3}(?:hết\s{1,3})?(?:ngày\s{1,3})?(?:thứ\s{1,3}\w{2,4}\s{0,2},?\s{0,3})?$", re.I)
_RANGE_REST = re.compile(
    r"\s{0,3}(?:đến|tới|[-–])\s{0,3}(?:hết\s{1,3})?(?:ngày\s{1,3})?\d{1,2}\s{0,2}[/.\-]\s{0,2}\d{1,2}(?:\s{0,2}[/.\-]\s{0,2}\d{4})?",
    re.I)
_SENTENCE_END = re.compile(r"\.(?:\s|$)|\n")


def _time_before(window: str) -> re.Match | None:
    """The start time among the times before a date: "từ 13 giờ 30 đến 17 giờ 00, ngày ..." starts at 13:30."""
    times = list(_TIME_RE.finditer(window))
    if not times:
        return None
    last = times[-1]
    if len(times) > 1 and re.search(r"(?:đến|tới|-|–)\s{0,3}$", window[max(0, last.start() - 8):last.start()]):
        return times[-2]
    return last


def find_meeting(flat: str, base: int, default_year: int | None, issued: date | None = None) -> Hit | None:
    """The first time-and-date pair of the letter's announcement (a "Thời gian:" line is preferred).

    Skipped: a time that closes a deadline ("trước 16 giờ 00 ngày ..."), the old time of a meeting moved or put off,
    and a time before the letter's own date (a meeting already held, whose conclusions the letter gives)."""
    label = _TIME_LABEL.search(flat)
    cue = _EVENT.search(flat) or _CONVENES.search(flat)
    regions = ([label.start()] if label else []) + ([max(0, cue.start() - 150)] if cue else []) + [0]
    for region in regions:
        for dm in DATE_RE.finditer(flat, region, min(len(flat), region + 6000)):
            if not _BEFORE_DATE.search(flat, max(0, dm.start() - 24), dm.start()):
                continue
            if _RANGE_END.search(flat, max(0, dm.start() - 24), dm.start()):
                continue  # the last day of a meeting over several days: it starts on the first

            day = parse_date(dm, default_year)
            if day is None:
                continue
            window_a = flat[max(0, dm.start() - 70):dm.start()]
            b0 = dm.end()
            rest = _RANGE_REST.match(flat, b0)  # "từ ngày 24/3 đến ngày 26/3/2025, khai mạc lúc 8 giờ 00"
            if rest:
                b0 = rest.end()
            window_b = _SENTENCE_END.split(flat[b0:b0 + 40], maxsplit=1)[0]
            a0 = max(0, dm.start() - 70)
            tm = _time_before(window_a)
            at = a0 + tm.start() if tm else 0
            if tm is None or not re.search(r"(?:lúc|từ|vào|giờ|\dh|\dg)", window_a[max(0, tm.start() - 12):tm.end() + 2], re.I):
                tm2 = re.search(r"(?:lúc|từ|vào|hồi)\s{1,3}" + _TIME, window_b, re.I) or _TIME_AFTER.match(window_b)
                if tm2:
                    tm, at = tm2, dm.end() + tm2.start()
                elif not (tm and re.search(r"giờ|h\d|\dh|\dg", tm.group(0))):
                    tm = None
            if tm is None:
                continue
            hour, minute = int(tm.group("h")), int(tm.group("min") or 0)
            if hour > 23 or minute > 59:
                continue
            if _DEADLINE_BEFORE.search(flat, max(0, at - 24), at) or _OLD_TIME.search(flat, max(0, at - 140), at):
                continue
            when = datetime(day.year, day.month, day.day, hour, minute)
            if issued is not None and when.date() < issued:
                continue
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


# A character of the same sentence, over a line break where a text layer wrapped it (not over a blank line, a new
# item or bullet, nor past "." or ";").
_IN_SENTENCE = r"(?:[^.;\n]|\n(?![ \t]*(?:\n|[-–•+*]\s|\d{1,2}[.)]\s)))"
# (?=[mtcđdl]): the first letters of its matches (case folded); the engine passes over other positions at once
# instead of trying the alternatives at each.
_EVENT = re.compile(
    r"(?=[mtcđdl])"
    r"(?<!\w)(?:mời\s+(?:dự|họp|tham\s+dự)|mời\s" + _IN_SENTENCE + r"{0,160}?\s(?:dự\s+họp|tham\s+dự\s+(?:cuộc\s+)?họp)(?!\w)|tổ\s+chức\s+(?:cuộc\s+họp|họp|buổi|hội\s+nghị|lễ|đối\s+thoại|tiếp\s+xúc|"
    r"hội\s+thảo|tọa\s+đàm|toạ\s+đàm|gặp\s+mặt)|triệu\s+tập\s+(?:cuộc\s+họp|kỳ\s+họp|phiên\s+họp|hội\s+nghị|họp)"
    # a meeting moved: "thay đổi thời gian cuộc họp", "lùi lịch tổ chức hội nghị"
    r"|(?:thay\s+đổi|điều\s+chỉnh|chuyển|dời|lùi)\s+(?:thời\s+gian|lịch|ngày)\s+(?:tổ\s+chức\s+)?"
    r"(?:cuộc\s+họp|họp|hội\s+nghị|kỳ\s+họp))",
    re.I,
)
# A plan or decision that convenes its own event says when it opens: "triệu tập Kỳ họp thứ ...", "Lễ khai mạc vào
# lúc 7 giờ 00 ngày ...", "Ngày hội điểm cấp huyện tổ chức vào lúc 7 giờ 30 phút, Chủ nhật ngày ...".
_CONVENES = re.compile(
    r"(?=[tkdb])(?<!\w)(?:triệu\s+tập\s+(?:cuộc\s+họp|kỳ\s+họp|phiên\s+họp|hội\s+nghị)"
    r"|(?:khai\s+mạc|tổ\s+chức|diễn\s+ra|bắt\s+đầu)\s{1,3}(?:vào\s{1,3})?(?:(?:lúc|hồi)\s{1,3})?\d{1,2}\s{0,2}(?:giờ|h|g)(?!\w))",
    re.I,
)
# An event notice announces its time and place under labels: "Thời gian: ... / Địa điểm: ...".
# (an online meeting names its "Hình thức: trực tuyến" instead of a place; the labels may be numbered "2. Địa điểm:")
_LABELS = re.compile(
    r"Thời\s+gian\s*:[^\n]{0,200}(?:\n[^\n]{0,200}){0,3}?\n[ \t]{0,20}(?:[-–•+*]\s*|\d{1,2}[.)]\s*)?"
    r"(?:Địa\s+điểm|Hình\s+thức)\s*:"
    r"|Thời\s+gian\s*(?:,|và)\s*địa\s+điểm\s*:" + _IN_SENTENCE + r"{0,120}\d{1,2}\s{0,2}(?:giờ|h|g)(?!\w)",  # one label for both
    re.I)
# An event set in the letter's own words, with its hour, day and place in one clause: "Chủ tịch UBND quận sẽ nghe báo
# cáo tiến độ vào lúc 08 giờ 00, thứ Tư, ngày 03/4/2024 tại Phòng họp số 1", "Hội thi cấp huyện tổ chức vào 07 giờ
# 30, Chủ nhật, ngày 10/11/2019 tại Nhà Văn hóa", "dự Hội nghị ... vào lúc 8 giờ 30 ngày 05/9/2019 (thứ Năm) tại ...".
# (an incident the letter reports, "vào lúc 14 giờ ngày 10/5 tại xã X đã xảy ra ...", is dated before the letter:
# find_meeting passes over a time before the letter's own date)
_SCHEDULED = re.compile(r"(?=[vl])(?<!\w)(?:vào\s{1,3}(?:lúc\s{1,3})?|lúc\s{1,3})\d{1,2}\s{0,2}(?:giờ|h|g)(?!\w)"
                        + _IN_SENTENCE + r"{0,40}?ngày\s{1,3}\d{1,2}\s{0,2}[/.\-]\s{0,2}\d{1,2}" + _IN_SENTENCE
                        + r"{0,60}?\stại\s", re.I)
_NOT_EVENT_TYPES = {"Kế hoạch", "Quyết định", "Báo cáo", "Nghị quyết", "Quy chế", "Quy định", "Chương trình",
                    "Hướng dẫn", "Tờ trình", "Đề án", "Phương án"}


def is_invitation(doc_type: str | None, head: str) -> bool:
    """A giấy mời, a letter inviting to a meeting, or a notice of an event with its time and place."""
    if doc_type in INVITATION_TYPES:
        return True
    if doc_type in _NOT_EVENT_TYPES:
        return bool(re.search(r"(?<!\w)mời\s+(?:dự|họp|tham\s+dự)", head, re.I) or _CONVENES.search(head)
                    or _LABELS.search(head) or _scheduled(head))
    return bool(_EVENT.search(head) or _LABELS.search(head) or _scheduled(head))


def _scheduled(head: str) -> bool:
    return " tại " in head and ("lúc" in head or "vào" in head) and _SCHEDULED.search(head) is not None
