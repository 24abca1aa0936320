"""Letters copied from a web page, with no letterhead: the site's lines before the letter, the page title that
carries the letter's own number ("... (3585/VP-KTN, ngày 23/10/2017)", "(Nguồn: Công văn số 1150/UBND-VP ngày
22/04/2021)"), a news lead ("Ngày 21/5, UBND tỉnh ban hành Công văn số 846/UBND-TH về việc ..."), and the author's
formula in the body ("Ủy ban nhân dân huyện X có ý kiến như sau", "UBND huyện thông báo ...").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date

from nlp import unitnames
from nlp.alphabet import LOWER
from nlp.dates import CITED_DATE, make_date
from nlp.header import PARTY_SYMBOL, SITE_LINE, SYMBOL, TITLE_TYPES, TYPE_NAMES, Hit, Line, stamp_value

_TYPES = "|".join(TYPE_NAMES)
# A lead also reports the procuracy's "Kiến nghị số ...", "Kháng nghị số ...", "Yêu cầu số ..." (capitalised: a
# document's name, not the words of a sentence): the types a title line names.
_LEAD_TYPES = "|".join(TITLE_TYPES)
# a letter's number as a page writes it: "12/UBND-VP", "05/2025/QĐ-UBND", and a Party body's "12-HD/BTGTU"
_NUMBER = r"(?:\d{1,6}(?:/\d{4})?\s{0,2}/\s{0,2}" + SYMBOL + r"|\d{1,6}\s{0,2}-\s{0,2}" + PARTY_SYMBOL + r")"
_DMY = r"(?P<d>\d{1,2})\s{0,2}/\s{0,2}(?P<m>\d{1,2})\s{0,2}/\s{0,2}(?P<y>\d{4})"
# "(3585/VP-KTN, ngày 23/10/2017)" closing a page title: the number and date of the letter the page shows.
_TITLE_NUMBER = re.compile(r"\(\s{0,2}(?:số\s+)?(?P<n>" + _NUMBER + r")\s{0,2}(?:,\s{0,2}(?:ngày\s{1,3})?" + _DMY
                           + r")?\s{0,2}\)\s{0,3}\.?\s{0,3}$")
# The heads a body's name starts with when a page names its author in prose (not "Phòng chống ...", "Trường hợp").
UNIT_HEAD = (r"(?:UBND|HĐND|Ủy\s+ban|Uỷ\s+ban|Hội\s+đồng|Phòng(?!\s+(?:chống|ngừa|tránh|khi|họp|làm))|Sở|Bộ(?!\s+phận)|"
             r"Ban(?!\s+(?:hành|đầu|ngày|đêm))|Văn\s+phòng|Cục|Tổng\s+cục|Chi\s+cục|Trung\s+tâm|Thường\s+trực|Công\s+an|"
             r"Trường(?!\s+hợp)|Thanh\s+tra|Kho\s+bạc|Bảo\s+hiểm|Bệnh\s+viện|Tỉnh\s+[uủ]y|Huyện\s+[uủ]y|Thành\s+[uủ]y|"
             r"Thị\s+[uủ]y|Quận\s+[uủ]y|Đảng\s+[uủ]y|Mặt\s+trận|Liên\s+đoàn|Tòa\s+án|Viện\s+kiểm\s+sát|Học\s+viện|"
             r"Đại\s+học|Chi\s+nhánh|Ngân\s+hàng|Cục\s+Thuế|Chi\s+cục|Điện\s+lực|Công\s+ty)(?!\w)")
_HEAD_RE = re.compile(UNIT_HEAD)
# The page's credit line for the letter it shows: "(Nguồn: Từ Công văn số 1150/UBND-VP ngày 22/04/2021)", "(Theo
# Công văn số 1962/UBND-KT, ngày 25/4/2024)", "Nguồn: Công văn số 45/UBND-NC ngày 02/4/2024 của UBND huyện X", and a
# closing "Văn bản số 1500/CT-TTHT ngày 20/02/2024 của X." alone on its line.
_CREDIT = re.compile(
    r"(?:\(\s{0,2}(?P<lead>(?:Nguồn|Theo|Trích)\s{0,2}:?\s{0,3}(?:Từ\s+|Theo\s+)?)?"
    r"|^[ \t]{0,20}(?P<source>Nguồn\s{0,2}:\s{0,3}(?:Từ\s+|Theo\s+)?)?)"
    r"(?P<type>" + _TYPES + r"|Văn\s+bản)\s+(?:số\s+)?(?P<n>" + _NUMBER + r")"
    r"(?:\s{0,3},?\s{0,3}(?:ngày|ban\s+hành\s+ngày)\s{1,3}" + _DMY + r")?"
    r"(?:\s{0,3},?\s{0,3}của\s{1,3}(?P<who>[^\n(),;]{3,100}?))?(?P<end>\s{0,3}\)|\s{0,3}\.?[ \t]{0,3}$)",
    re.I | re.M,
)
# "Công văn 1234/UBND-KT năm 2024 về ... do Ủy ban nhân dân tỉnh X ban hành", "Công văn số 1234/UBND-KT ngày
# 12/3/2024 của UBND tỉnh về việc ...": a page title that is the letter's record.
_TITLE_RECORD = re.compile(
    r"^[ \t]{0,20}(?P<type>" + _TYPES + r"|Văn\s+bản)\s+(?:(?:hỏa|hoả)\s+tốc\s+|khẩn\s+)?(?:số\s+)?(?P<n>" + _NUMBER + r")"
    r"(?:\s{1,3}năm\s{1,3}\d{4})?(?:\s{0,3},?\s{0,3}(?:ngày|ban\s+hành\s+ngày)\s{1,3}" + _DMY + r")?"
    r"(?:\s{1,3}của\s{1,3}(?P<who>[^\n]{3,120}?))?\s{1,3}(?P<s>(?:về\s+việc|V/v|về)\s[^\n]{3,400}?)"
    r"(?:\s{1,3}do\s{1,3}(?P<by>(?=" + UNIT_HEAD + r")[^\n]{3,120}?)\s{1,3}ban\s+hành)?[ \t]{0,3}\.?[ \t]{0,3}$",
    re.M,
)
# A news lead about the letter itself: "Ngày 21/ 5, UBND tỉnh ban hành Công văn số 846 /UBND-TH về việc ...",
# "UBND tỉnh X vừa ban hành Công văn số ... ngày ...", "Mới đây, Sở X đã có Công văn số ... gửi ...", and the date
# after a clause that cites another document: "Thực hiện Kế hoạch số ..., ngày 5/6, UBND huyện ban hành ...".
_OPENER = r"(?:Mới\s+đây|Vừa\s+qua|Gần\s+đây|Hôm\s+nay|Hôm\s+qua|Mới\s+nhất|Theo\s+đó)"
# A news agency's byline before its lead: "(NSO) - ", "(Baonamson.vn) – ", "NSO - ", "TTXVN – ".
_BYLINE = r"(?:\([^()\n]{2,40}\)\s{0,3}[-–—]\s{0,3}|[A-ZĐ][A-ZĐa-z.]{1,20}\s{0,2}[-–—]\s{1,3})"
# The day of the lead, also as a part of the day ("Chiều 12/4, Chủ tịch UBND tỉnh ký ban hành ...").
_DAY_WORD = r"(?:[Nn]gày|(?:Sáng|Trưa|Chiều|Tối|Đêm)(?:\s+ngày)?)"
_LEAD = re.compile(
    r"(?:^[ \t]{0,20}" + _BYLINE + r"?(?:" + _OPENER + r"\s{0,3},\s{0,3})?|,\s{0,3}(?=ngày\s{1,3}\d|" + UNIT_HEAD + r"))"
    r"(?:" + _DAY_WORD + r"\s{1,3}(?P<d>\d{1,2})\s{0,2}[/.\-]\s{0,2}(?P<m>\d{1,2})(?:\s{0,2}[/.\-]\s{0,2}(?P<y>\d{4}))?"
    r"(?:\s{0,3},\s{0,3}|\s{1,3}(?=" + UNIT_HEAD + r")))?"  # "ngày 08/4/2024 UBND phường X đã ban hành ..."
    r"(?P<who>[^,.;:\n]{3,100}?)\s+(?P<type>" + _LEAD_TYPES + r"|[Vv]ăn\s+bản)\s+(?:(?:hỏa|hoả)\s+tốc\s+|khẩn\s+)?"
    # (the type's own words before its number: "Thông báo thu hồi đất số 09/TB-UBND")
    r"(?:(?:[" + LOWER + r"]+\s+){1,4}(?=số\s))?(?:số\s+)?(?P<n>" + _NUMBER + r")"
    r"(?:\s{0,3},?\s{0,3}(?:ngày|ban\s+hành\s+ngày)\s{1,3}(?:(?P<d2>\d{1,2})\s{0,2}[/.\-]\s{0,2}(?P<m2>\d{1,2})\s{0,2}"
    r"[/.\-]\s{0,2}(?P<y2>\d{4})|(?P<d3>\d{1,2})\s{1,3}tháng\s{1,3}(?P<m3>\d{1,2})\s{1,3}năm\s{1,3}(?P<y3>\d{4})))?"
    r"(?P<rest>[^\n]{0,400})",
    re.M,
)
_LEAD_HINT = re.compile(r"(?:" + _LEAD_TYPES + r"|[Vv]ăn\s+bản)\s+(?:(?:hỏa|hoả)\s+tốc\s+|khẩn\s+)?"
                        r"(?:(?:[" + LOWER + r"]+\s+){1,4}số\s+|(?:số\s+)?)\d")
# What a lead's name runs into: adverbs and the verb of issuing ("vừa ban hành", "đã có", "tiếp tục gửi").
_VERBS = (r"vừa|đã|mới|đang|cũng|tiếp\s+tục|chính\s+thức|ban\s+hành|phát\s+hành|có|ký|gửi|ra|thông\s+báo|đề\s+nghị|"
          r"yêu\s+cầu|hướng\s+dẫn")
_VERB_TAIL = re.compile(r"(?:\s+(?:" + _VERBS + r")){1,5}\s*$")
_VERB_NEXT = re.compile(r"\s+(?:" + _VERBS + r")(?!\w)")
# The subject runs to the end of the sentence, across a line a PDF text layer wrapped; "gửi các trường về việc ...",
# "truyền đạt ý kiến chỉ đạo của ... về việc ..." (a clause before "về việc" that names no other document).
_LEAD_SUBJECT = re.compile(r"\s{0,3},?\s{0,3}(?P<pre>[^.\n]{1,160}?\s(?=về\s+việc|V/v))?"
                           r"(?P<s>(?:về\s+việc|V/v|về)\s(?:[^.\n]|\n(?=[" + LOWER + r"\d]))[^.\n]{0,300}?"
                           r"(?:\n[" + LOWER + r"\d][^.\n]{0,200}?)?)(?:\.(?:\s|$)|\n|$)")
# Where a lead's subject ends before the end of its sentence: the addressees and the request that follow it
# (", gửi Sở X và ...", ", yêu cầu các sở ..."), its purpose (", nhằm ..."), and a note on the attachment ("(file
# đính kèm)", "(bản ký số gửi kèm)").
_SUBJECT_TAIL = re.compile(r",\s{1,3}(?:gửi|đến|yêu\s+cầu|đề\s+nghị|giao|theo\s+đó|nhằm|qua\s+đó)\s|"
                           r"\s(?:để|đề\s+nghị)\s{1,3}(?:[Qq]uý\s|các\s+(?:cơ\s+quan|đơn\s+vị|địa\s+phương)|đơn\s+vị\s)|"
                           r"\s{0,3}\((?=[^()\n]{0,60}(?:kèm|ký\s+số|[Ff]ile|tệp))[^()\n]{0,80}\)\s{0,3}$")
_OTHER_DOCUMENT = re.compile(r"(?<!\w)số\s{1,3}\d|\d\s{0,2}/\s{0,2}[A-ZĐ]")
_CITING = re.compile(r"(?<!\w)(?:theo|thực\s+hiện|căn\s+cứ|nhận\s+được|phúc\s+đáp|trả\s+lời|tại|của)(?!\w)", re.I)
_YEAR = re.compile(r"(?:năm\s{1,3}|/)(?P<y>(?:19|20)\d{2})(?!\d)")
_KEEP_LOWER = {"tỉnh", "huyện", "quận", "xã", "phường", "thị", "trấn", "phố", "dân", "vụ", "chính", "phủ"}
# The author names itself in the body: "UBND tỉnh có ý kiến như sau:", "Ủy ban nhân dân phường X thông báo ...".
_AUTHOR = re.compile(
    r"(?:^|[;:.,]\s{1,3}|\n[ \t]{0,20}|Vậy,\s{1,3})(?P<who>" + UNIT_HEAD + r"\s[^;:.\n]{0,80}?)\s+"
    r"(?:(?:vừa|đã|mới|cũng|tiếp\s+tục)\s+){0,2}"
    r"(?P<verb>có\s+ý\s+kiến(?:\s+chỉ\s+đạo)?\s+như\s+sau"
    r"|(?:trân\s+trọng\s+)?thông\s+báo(?=\s+(?:để|đến|như|cho|về|tới|kết|lịch|việc|mời|niêm|công\s+khai|tạm|"
    r"danh|tuyển|thu\s+hồi|nghỉ|tổ\s+chức|thời\s+gian|điều\s+chỉnh|hoãn|triệu\s+tập))"
    r"|đề\s+nghị(?=\s+(?:các|quý|Quý|Ủy|UBND|Sở|Phòng|Ban|Thủ|Hiệu|Giám|Chủ|những|toàn))"
    r"|yêu\s+cầu(?=\s+(?:các|Thủ|Ủy|UBND|Sở|Phòng|Ban|Chủ|Giám|Hiệu))"
    r"|hướng\s+dẫn(?=\s+(?:các|việc|thực|triển|công|tổ))|kính\s+gửi(?=\s)|trân\s+trọng\s+kính\s+mời)",
)
# What a web page puts before the letter: navigation, counters, dates, "Cập nhật", "Lượt xem", "logo".
_SITE_LINE = SITE_LINE
SUMMARY_LINES = 12


@dataclass
class Lead:
    number: Hit
    issued: Hit | None
    issuer: Hit | None
    subject: Hit | None
    kind: str = "Công văn"


# "Ngày 02/12, UBND tỉnh ban hành ...": a news lead's day without its year. The letter's own number may carry it
# ("12/2024/QĐ-UBND"); else the body's first deadline, which falls on or after the letter's day, and the latest
# document the lead or the body cites with its date ("Thực hiện Công văn số 45/UBND-VX ngày 20/11/2024, ngày 02/12
# ..."), which the letter postdates (the later of the two years); else the first year the body names.
_NUMBER_YEAR = re.compile(r"^\d{1,6}/((?:19|20)\d{2})/")
_FIRST_DEADLINE = re.compile(r"(?<!\w)(?:trước|chậm\s+nhất|hạn\s+chót)\s+(?:ngày\s+)?(?P<d>\d{1,2})\s{0,2}[/.\-]\s{0,2}"
                             r"(?P<m>\d{1,2})\s{0,2}[/.\-]\s{0,2}(?P<y>(?:19|20)\d{2})(?!\d)", re.I)


def _lead_year(work: str, m: re.Match) -> int | None:
    own = _NUMBER_YEAR.match(_number(m.group("n")))
    if own:
        return int(own.group(1))
    month, day = int(m.group("m")), int(m.group("d"))
    year = None
    deadline = _FIRST_DEADLINE.search(work, m.end("n"), m.end("n") + 3000)
    if deadline:
        year = int(deadline.group("y"))
        year = year if (month, day) <= (int(deadline.group("m")), int(deadline.group("d"))) else year - 1
    # (from the lead's line on, and with a deadline only the documents cited before it: a page's list of other
    # documents above or below the letter is no ground of it)
    end = deadline.start() if deadline else m.end("n") + 3000
    cited = [make_date(int(c.group("y")), int(c.group("m")), int(c.group("d")))
             for c in itertools.islice(CITED_DATE.finditer(work, work.rfind("\n", 0, m.start()) + 1, end), 50)]
    cited = [c for c in cited if c is not None and c.year >= 1900]
    if cited:
        latest = max(cited)
        after = latest.year if (month, day) >= (latest.month, latest.day) else latest.year + 1
        # a letter comes after what it cites: a first "trước ngày ..." that would put it earlier is a period quoted
        # from elsewhere ("số liệu đến trước ngày 30/6/2025")
        year = after if year is None or year < after else year
    if year is not None:
        return year
    ym = _YEAR.search(work, m.end("n"), m.end("n") + 1500)
    return int(ym.group("y")) if ym else None


def _date(m: re.Match, fallback_year: int | None = None) -> date | None:
    if not m.group("d") or not m.group("m"):
        return None
    year = int(m.group("y")) if m.group("y") else fallback_year
    return make_date(year, int(m.group("m")), int(m.group("d"))) if year else None


def _number(raw: str) -> str:
    return re.sub(r"\s+", "", raw).replace("–", "-")


def _is_lead(text: str) -> bool:
    m = _LEAD.match(text)
    return bool(m and _lead_ok(m))


_LIST_ITEM = re.compile(r"[-–•*+]\s")


# A record's row: a label of one to six words, its colon, its value ("Người hỏi: Nông Văn Sinh"); not a headline that
# opens with a type's name ("Thông báo: Lịch tiếp công dân tháng 3").
_RECORD_ROW = re.compile(r"^(?!(?:" + _TYPES + r")\s{0,2}:)[^\W\d_]+(?:\s[^\W\d_]+){0,5}\s{0,2}:\s{0,3}\S", re.I)
# A question-and-answer page's headline is the question: "Hỏi về chế độ ...", "... có được cấp đổi không?"
_QUESTION = re.compile(r"^(?:Hỏi|Xin\s+hỏi|Câu\s+hỏi)\s|\?\s*$")


def page_title(lines: list[Line]) -> Hit | None:
    """The page's title: the last line before the body's first sentence, past the site's own lines; not a news
    headline naming a unit ("Sở Công thương lấy ý kiến ..."), not a sentence."""
    from nlp.header import BODY_START, _HOST_START, _KINH_GUI

    candidate = None
    filled = [ln for ln in lines[:SUMMARY_LINES * 3] if ln.text.strip()][:SUMMARY_LINES]
    for index, line in enumerate(filled):
        text = line.text.strip()
        if _SITE_LINE.match(text) or _LIST_ITEM.match(text) or _RECORD_ROW.match(text):
            # a portal's list of other documents ("- Công văn số ... ngày ... về ...") titles none of them, nor does
            # a record's row ("Địa chỉ: ...", "Trạng thái: Đã trả lời")
            continue
        following = filled[index + 1].text.strip() if index + 1 < len(filled) else ""
        if _TITLE_NUMBER.search(text) and len(text) <= 400:  # "... (số 12/UBND-VP, ngày ...)" names the letter
            offset = line.start + line.text.index(text)
            candidate = Hit(text, offset, offset + len(text), 0.5)
            break
        if (len(text) > 250 or text.endswith((".", ":")) or _KINH_GUI.match(text) or BODY_START.match(text)
                or _is_lead(text) or text[:1].islower() or following[:1].islower()
                or (text.endswith(",") and len(text) < 40)):  # a greeting: "Chào các anh chị,"
            break  # the body has begun (a paragraph a PDF text layer wrapped goes on in lower case)
        offset = line.start + line.text.index(text)
        candidate = Hit(text, offset, offset + len(text), 0.5)
    if candidate is None:
        return None
    text = candidate.value
    paren = _TITLE_NUMBER.search(text)
    if paren and paren.start() > 0:  # "Đẩy nhanh ... (số 3456/UBND-KT, ngày 12/3/2024)": the number is not the subject
        text = text[:paren.start()].rstrip(" ,-–")
        candidate = Hit(text, candidate.start, candidate.start + len(text), candidate.confidence)
    if _HOST_START.match(text) or _QUESTION.search(text) or (
            len(text.split()) < 4 and not re.match(r"(?:" + _TYPES + r")\b", text, re.I)):
        return None
    return candidate


def _kind(raw: str) -> str:
    raw = " ".join(raw.split())
    return "Công văn" if raw.lower() == "văn bản" else next(t for t in TITLE_TYPES if t.lower() == raw.lower())


_CLOSES_LINE = re.compile(r"[ \t.;]*(?:\n|$)")


def own_number(lines: list[Line], work: str) -> Lead | None:
    """The letter's own number from a page title's parenthesis, a title that is the letter's record, or the page's
    credit line; the credit's "của X" names the issuer."""
    for line in lines[:SUMMARY_LINES * 2]:
        m = _TITLE_NUMBER.search(line.text)
        if m:
            day = _date(m)
            n0 = line.start + m.start("n")
            return Lead(Hit(_number(m.group("n")), n0, line.start + m.end("n"), 0.7),
                        Hit(day, line.start + m.start("d"), line.start + m.end("y"), 0.7) if day else None,
                        None, None)
    record = title_record(lines)
    if record is not None:
        return record
    credits = list(_CREDIT.finditer(work, 0, min(len(work), 20000)))
    # a credit that says so ("(Nguồn: ...", "(Theo ...", "(Trích ...") before a document in bare parentheses
    for m in sorted(credits, key=lambda c: not (c.group("lead") or c.group("source"))):
        if not (m.group("lead") or m.group("source") or work[m.start()] == "("
                or (m.group("who") and m.group("type").lower() == "văn bản")):
            continue  # a bare "Công văn số ..." line is the header's own-number reading
        if work[m.start()] == "(" and not (m.group("lead") or "")[:1].isupper() and not _CLOSES_LINE.match(work, m.end()):
            continue  # "chỉ đạo của ... (Thông báo số 208/TB-VPCP ngày ...) về việc ...": a sentence cites it
        if m.group("who") and re.search(r"(?<!\w)(?:về|V/v)(?!\w)", m.group("who")):
            continue  # "... của Bộ Y tế về việc ...": a sentence that cites a document
        day = _date(m)
        issuer = None
        if m.group("who"):
            span = unitnames.bound(work, m.start("who"))
            if span and _HEAD_RE.match(work, span[0]) and span[1] >= m.end("who") - 1:
                issuer = trim_name(work, span[0], min(span[1], m.end("who")))
            elif not (m.group("lead") or m.group("source")):
                continue  # "Văn bản số ... của X được dẫn ...": a sentence, not a credit
        return Lead(Hit(_number(m.group("n")), m.start("n"), m.end("n"), 0.6),
                    Hit(day, m.start("d"), m.end("y"), 0.6) if day else None, issuer, None, _kind(m.group("type")))
    return None


_CITES_BELOW = re.compile(r"^\W{0,3}(?:Căn\s+cứ|Thực\s+hiện|Theo|Xét|Tham\s+chiếu|Triển\s+khai)[^\n]{0,60}:\s*$", re.I)


def cited_line(text: str, start: int, lines: list[Line]) -> bool:
    """A line that names a document as an item of a list of grounds: it ends on ";" or "," or sits under "Căn cứ:"."""
    if text.rstrip().endswith((";", ",")):
        return True
    above = [ln for ln in lines if ln.start < start and ln.text.strip()][-1:]
    return bool(above and _CITES_BELOW.match(above[0].text.strip()))


def title_record(lines: list[Line]) -> Lead | None:
    """A page title that is the letter's record: its type ("Văn bản" for a công văn), number, date, issuer ("của X",
    "do X ban hành") and subject ("về ...")."""
    # the first lines with words of their own (an app's bar and buttons, a post's author and time may come first)
    filled = [ln for ln in lines[:SUMMARY_LINES * 3] if ln.text.strip() and not _SITE_LINE.match(ln.text.strip())][:8]
    for line in filled:
        m = _TITLE_RECORD.match(line.text)
        if m is None or cited_line(line.text, line.start, lines):
            continue
        base = line.start
        day = _date(m)
        issuer = None
        for group in ("who", "by"):
            if m.group(group):
                text = line.text
                start = m.start(group)
                span = unitnames.bound(text, start)
                if span and _HEAD_RE.match(text, span[0]):
                    hit = trim_name(text, span[0], min(span[1], m.end(group)))
                    if hit is not None:
                        issuer = Hit(hit.value, base + hit.start, base + hit.end, 0.6)
                break
        value = " ".join(m.group("s").split())
        return Lead(Hit(_number(m.group("n")), base + m.start("n"), base + m.end("n"), 0.7),
                    Hit(day, base + m.start("d"), base + m.end("y"), 0.7) if day else None, issuer,
                    Hit(value, base + m.start("s"), base + m.start("s") + len(value), 0.6), _kind(m.group("type")))
    return None


def _lead_end(work: str) -> int:
    """Where a news page's lead ends: three lines past the site's own (menus, counters), and on to the first paragraph
    when a news page puts its section, date and headline first; 0 for an empty text."""
    head_end, counted, prose = 0, 0, False
    while (counted < 3 or not prose) and counted < 12 and head_end < min(len(work), 6000):
        nl = work.find("\n", head_end)
        line = work[head_end:len(work) if nl < 0 else nl].strip()
        head_end = len(work) if nl < 0 else nl + 1
        if line and not _SITE_LINE.match(line):
            counted += 1
            prose = prose or len(line) > 100 or line.endswith((".", ":"))
    return min(len(work), head_end + 400) if head_end else 0


# A lead that reports a letter without its number: "Ngày 20/5/2023, UBND xã X có văn bản chỉ đạo ...", "Ngày
# 14/10/2013, Chi cục Thuế huyện Y có giấy mời các doanh nghiệp ...".
_DATED_LEAD = re.compile(
    r"^[ \t]{0,20}" + _BYLINE + r"?" + _DAY_WORD + r"\s{1,3}(?P<d>\d{1,2})\s{0,2}/\s{0,2}(?P<m>\d{1,2})\s{0,2}/\s{0,2}"
    r"(?P<y>\d{4})\s{0,3},\s{0,3}(?P<who>(?=" + UNIT_HEAD + r")[^,.;:\n]{3,100}?)\s+(?:vừa\s+|đã\s+)?"
    r"(?:có|ban\s+hành|gửi|phát\s+hành)\s+(?P<type>văn\s+bản|" + "|".join(t.lower() for t in TYPE_NAMES) + r")"
    r"(?!\s+(?:số\s+)?\d)(?!\w)",
    re.M,
)


def dated_lead(work: str) -> tuple[Hit, Hit | None, str] | None:
    """The day, the author and the type of a letter a news lead reports without its number."""
    stop = _lead_end(work)
    m = _DATED_LEAD.search(work, 0, stop) if stop else None
    if m is None:
        return None
    day = _date(m)
    if day is None:
        return None
    return Hit(day, m.start("d"), m.end("y"), 0.5), trim_name(work, m.start("who"), m.end("who")), _kind(m.group("type"))


# A question-and-answer page's answer, on its own line: "Trả lời:", "Nội dung trả lời:", "Ý kiến trả lời của Sở:".
_ANSWER_MARK = re.compile(r"^[ \t]{0,20}\W{0,3}(?:Nội\s+dung\s+|Ý\s+kiến\s+|Phần\s+)?(?:trả\s+lời|Trả\s+lời|TRẢ\s+LỜI)"
                          r"(?:\s+của\s+[^\n:]{3,80})?\s{0,3}:[ \t]*$", re.M)
# The answer names its letter: "Sở Nội vụ đã trả lời tại Công văn số 905/SNV-XDCQ ngày 11/5/2021, nội dung như sau".
_ANSWERED_AT = re.compile(
    r"(?P<who>(?=" + UNIT_HEAD + r")[^,.;:\n]{3,100}?)\s+(?:đã\s+)?(?:trả\s+lời|có\s+ý\s+kiến|phúc\s+đáp)\s+"
    r"(?:tại|bằng|theo)\s+(?P<type>" + _TYPES + r"|văn\s+bản)\s+(?:số\s+)?(?P<n>" + _NUMBER + r")"
    r"(?:\s{0,3},?\s{0,3}ngày\s{1,3}" + _DMY + r")?"
)


def news_lead(work: str) -> Lead | None:
    """A news lead in the first lines that reports this very letter being issued; on a question-and-answer page,
    the answer's first lines that name the answering letter."""
    stop = _lead_end(work)
    if not stop:
        return None
    found = _lead_in(work, 0, stop)
    if found is None:
        mark = _ANSWER_MARK.search(work, 0, min(len(work), 8000))
        if mark is not None:
            end = min(len(work), mark.end() + 500)
            at = _ANSWERED_AT.search(work, mark.end(), end)
            if at is not None:
                day = _date(at)
                return Lead(Hit(_number(at.group("n")), at.start("n"), at.end("n"), 0.6),
                            Hit(day, at.start("d"), at.end("y"), 0.5) if day else None,
                            trim_name(work, at.start("who"), at.end("who")), None, _kind(at.group("type")))
            found = _lead_in(work, mark.end(), end)
    return found


def _lead_in(work: str, pos: int, stop: int) -> Lead | None:
    """The news lead between ``pos`` and ``stop``."""
    if not _LEAD_HINT.search(work, pos, stop):
        return None  # no "<type> số <number>" in the first lines: no lead to look for
    start = pos
    for _ in range(8):  # a lead that cites another document ("Thực hiện Kế hoạch số ...") is passed over
        m = _LEAD.search(work, pos, stop)
        if m is None:
            return _issued_by_lead(work, start, stop)
        if _lead_ok(m):
            break
        pos = m.start() + 1
    else:
        return _issued_by_lead(work, start, stop)
    rest_end = m.end() + 300
    if m.group("d2") or m.group("d3"):
        g = "2" if m.group("d2") else "3"
        day = make_date(int(m.group("y" + g)), int(m.group("m" + g)), int(m.group("d" + g)))
        issued = Hit(day, m.start("d" + g), m.end("y" + g), 0.6) if day else None
    else:
        year = None
        if m.group("d") and not m.group("y"):
            year = _lead_year(work, m)
        day = _date(m, year)
        issued = Hit(day, m.start("d"), m.end("y") if m.group("y") else m.end("m"), 0.5) if day else None
    number = Hit(_number(m.group("n")), m.start("n"), m.end("n"), 0.6)
    issuer = _lead_issuer(work, m)
    subject = None
    sm = _LEAD_SUBJECT.match(work, m.start("rest"), min(len(work), rest_end))
    if sm and not (sm.group("pre") and _OTHER_DOCUMENT.search(sm.group("pre"))):
        raw = sm.group("s")
        tail = _SUBJECT_TAIL.search(raw)
        raw = raw[:tail.start()] if tail and tail.start() > 0 else raw
        value = " ".join(raw.split())
        subject = Hit(value, sm.start("s"), sm.start("s") + len(raw.rstrip()), 0.5)
    return Lead(number, issued, issuer, subject, _kind(m.group("type")))


# A lead that names the letter before its author: "Theo Kế hoạch số 1015/KH-SCT do Sở Công Thương tỉnh X ban hành ngày
# 20/12/2018, ...", "Tại Công văn số 45/UBND-VX ngày 3/4/2024 do UBND huyện vừa ban hành, ...".
_ISSUED_BY = re.compile(
    r"^[ \t]{0,20}" + _BYLINE + r"?(?:Theo|Tại)\s+(?P<type>" + _TYPES + r"|văn\s+bản)\s+(?:số\s+)?(?P<n>" + _NUMBER + r")"
    r"(?:\s{0,3},?\s{0,3}ngày\s{1,3}" + _DMY + r")?\s{1,3}do\s{1,3}(?P<who>(?=" + UNIT_HEAD + r")[^,.;:\n]{3,100}?)"
    r"\s{1,3}(?:vừa\s+|mới\s+)?ban\s+hành(?:\s{1,3}ngày\s{1,3}(?P<d2>\d{1,2})\s{0,2}/\s{0,2}(?P<m2>\d{1,2})\s{0,2}/\s{0,2}"
    r"(?P<y2>\d{4}))?",
    re.M,
)


def _issued_by_lead(work: str, pos: int, stop: int) -> Lead | None:
    """The lead's "Theo <type> số N do X ban hành ngày D": the letter it reports, named before its author."""
    m = _ISSUED_BY.search(work, pos, stop)
    if m is None:
        return None
    g = "2" if m.group("d2") else ""
    day = make_date(int(m.group("y" + g)), int(m.group("m" + g)), int(m.group("d" + g))) if m.group("d" + g) else None
    issued = Hit(day, m.start("d" + g), m.end("y" + g), 0.5) if day else None
    hit = trim_name(work, m.start("who"), m.end("who"))
    return Lead(Hit(_number(m.group("n")), m.start("n"), m.end("n"), 0.6), issued, hit, None, _kind(m.group("type")))


# The mark written into the letter's name by a page or a news lead: "Công văn hỏa tốc số 55/UBND-VX", "Công điện
# khẩn về ...".
# It opens with a look-ahead on the first letters of the names (case folded), so that the engine tries the long
# alternation of names only where one of them can start.
_NAMED_URGENCY = re.compile(r"(?i:(?=[" + "".join(sorted({n[0] for n in TYPE_NAMES})) + r"v]))"
                            r"(?i:" + _TYPES + r"|văn\s+bản)\s+(?P<u>(?:[Hh]ỏa|[Hh]oả|HỎA|HOẢ)\s+(?:tốc|TỐC)|"
                            r"(?:[Tt]hượng|THƯỢNG)\s+(?:khẩn|KHẨN)|[Kk]hẩn|KHẨN)(?!\w)(?!\s+(?:trương|TRƯƠNG)(?!\w))")


def urgency_named(work: str, start: int, end: int) -> Hit | None:
    """A stamp the page writes beside the letter's type between ``start`` and ``end`` (a lead or a title)."""
    m = _NAMED_URGENCY.search(work, max(0, start), end)
    if m is None:
        return None
    return Hit(stamp_value(m.group("u")), m.start("u"), m.end("u"), 0.6)


def _lead_ok(m: re.Match) -> bool:
    """A lead names its author: after its date ("Ngày 5/6, UBND tỉnh ban hành"), or a body's name followed by the verb
    of issuing ("Sở X vừa ban hành"); never a clause that cites ("Thực hiện Kế hoạch số ...")."""
    who = m.group("who")
    if _CITING.search(who):
        return False
    return m.group("d") is not None or bool((_HEAD_RE.match(who.strip()) or _HOLDER.match(who.strip()))
                                            and _VERB_TAIL.search(" " + who))


# A lead that names the body's head rather than the body ("Chủ tịch UBND tỉnh X Nguyễn Văn A ký ban hành Công điện"):
# the letter is the body's; the title goes, and so does the person's name after the body's.
_HOLDER = re.compile(r"(?:Phó\s+)?(?:Chủ\s+tịch|Giám\s+đốc|Bí\s+thư|Trưởng\s+ban|Chánh\s+Văn\s+phòng|Thủ\s+trưởng|"
                     r"Hiệu\s+trưởng|Cục\s+trưởng|Chi\s+cục\s+trưởng|Tổng\s+cục\s+trưởng)\s+(?=" + UNIT_HEAD + r")")
_SURNAMES = frozenset("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Đoàn Lương "
                      "Mai Cao Lâm Hà Tạ Vương Châu Thái Tô Triệu Quách Kiều Lưu Chu Nông Lò Hứa La Từ Tăng".split())


def _lead_issuer(work: str, m: re.Match) -> Hit | None:
    start = m.start("who")
    start += len(work[start:m.end("who")]) - len(work[start:m.end("who")].lstrip())
    holder = _HOLDER.match(work, start, m.end("who"))
    if holder:
        start = holder.end()
    span = unitnames.bound(work, start)
    if not span:
        return None
    end = min(span[1], m.end("who"))
    hit = trim_name(work, span[0], end, guess=True)
    return _without_person(hit) if holder and hit is not None else hit


def _without_person(hit: Hit) -> Hit:
    """"UBND tỉnh Nam Sơn Nguyễn Văn An" less the person: a surname inside the closing run of capitalised words, with
    a place word before it and a given name after it ("thành phố Hồ Chí Minh" keeps its name)."""
    words = hit.value.split()
    run = len(words)
    while run > 0 and words[run - 1][:1].isupper():
        run -= 1
    for i in range(max(run, 1), len(words) - 1):
        # right after the level word only a full name of three words ("tỉnh Lê Thanh Bình", not "thành phố Hồ Chí Minh")
        if words[i] in _SURNAMES and (i > run or (len(words) - i >= 3 and words[i:] != ["Hồ", "Chí", "Minh"])):
            value = " ".join(words[:i])
            return Hit(value, hit.start, hit.start + len(value), hit.confidence)
    return hit


def trim_name(work: str, start: int, end: int, guess: bool = False) -> Hit | None:
    """A name found in prose, without the adverbs and the verb it runs into ("UBND tỉnh X vừa ban hành")."""
    text = work[start:end]
    tail = _VERB_TAIL.search(text)
    if tail and tail.start() > 0:
        text = text[:tail.start()]
    elif guess and not _VERB_NEXT.match(work, end):  # "Sở Y tế có văn bản": the name ends before the verb
        words = text.split()
        if len(words) > 2 and words[-1].islower() and words[-1].lower() not in _KEEP_LOWER:
            text = text[:text.rstrip().rfind(" ")]  # the verb the name runs into ("UBND tỉnh banh")
    value = " ".join(text.split())
    return Hit(value, start, start + len(text.rstrip()), 0.5) if value else None


def author(work: str, start: int, end: int) -> tuple[Hit | None, str | None]:
    """The body's author formula: the issuer it names, and "Thông báo" when the author announces."""
    m = _AUTHOR.search(work, start, min(end, start + 6000))
    if not m:
        return None, None
    span = unitnames.bound(work, m.start("who"))
    who_end = min(span[1], m.end("who")) if span else m.end("who")
    hit = trim_name(work, m.start("who"), who_end)
    return hit, ("Thông báo" if "thông" in m.group("verb") else None)


# A document portal's record of the letter: "Số ký hiệu: 12/UBND-VP", "Số hiệu văn bản", "Ngày ban hành" / "Ngày ký
# ban hành", "Cơ quan ban hành", "Trích yếu", "Loại văn bản", "Độ khẩn" / "Mức độ khẩn", as "label: value", as cells
# of a table flattened with tabs or pipes (several pairs to a row), or as a label alone on its line over its value.
_LABELS = (
    ("doc_number", r"Số\s+ký\s+hiệu|Số\s+hiệu(?:\s+văn\s+bản)?|Ký\s+hiệu(?:\s+văn\s+bản)?|Số\s+văn\s+bản|"
                   r"Số\s*[/,]\s*[Kk]ý\s+hiệu|Số\s+và\s+ký\s+hiệu|Số\s+VB"),
    ("issue_date", r"Ngày\s+ban\s+hành|Ngày\s+ký(?:\s+ban\s+hành)?|Ngày\s+văn\s+bản|Ban\s+hành\s+ngày|Ngày\s+VB|"
                   r"Ngày\s+phát\s+hành|Ngày\s+trả\s+lời"),
    ("issuer", r"Cơ\s+quan\s+ban\s+hành|Đơn\s+vị\s+ban\s+hành|Nơi\s+ban\s+hành|Cơ\s+quan\s*/\s*đơn\s+vị\s+ban\s+hành|"
               r"(?:Cơ\s+quan|Đơn\s+vị|Nơi)\s+(?:gửi|phát\s+hành|trả\s+lời)"),
    # a question-and-answer page's record of the answering letter: "Văn bản trả lời: Công văn số 140/UBND-VP ngày
    # 05/9/2025 của UBND phường X"
    ("answer", r"Văn\s+bản\s+(?:trả\s+lời|phúc\s+đáp)"),
    ("subject", r"Trích\s+yếu(?:\s+nội\s+dung)?|Nội\s+dung\s+trích\s+yếu|Về\s+việc(?=\s{0,2}:)"),
    ("doc_type", r"Loại\s+văn\s+bản|Hình\s+thức\s+văn\s+bản"),
    ("urgency", r"(?:Mức\s+)?[Đđ]ộ\s+khẩn(?:\s+văn\s+bản)?|Mức\s+độ(?=\s{0,2}:\s{0,3}(?:[Kk]hẩn|[Tt]hượng|[Hh]ỏa|[Hh]oả))"),
    # a document system's own record of the letter's arrival: its entry number and date, the deadline it set
    (None, r"Người\s+ký|Chức\s+vụ(?:\s+người\s+ký)?|Lĩnh\s+vực|Độ\s+mật|Ngày\s+(?:có\s+)?hiệu\s+lực|Tình\s+trạng(?:\s+hiệu"
           r"\s+lực)?|Ngày\s+hết\s+hiệu\s+lực|Cơ\s+quan\s+soạn\s+thảo|Ngày\s+đăng|Số\s+đến|Ngày\s+đến|"
           r"Hạn\s+(?:xử\s+lý|giải\s+quyết)|Người\s+(?:chuyển|gửi|nhận)"),
)
_LABEL_RE = re.compile(r"(?:" + "|".join(f"(?P<f{i}>{pat})" for i, (_, pat) in enumerate(_LABELS)) + r")", re.I)
_CELL = re.compile(r"[^|\t]+")
# A label with its colon inside a cell: a record whose row lost its tabs ("Số ký hiệu: 12/UBND Ngày ban hành: ...").
_INLINE_LABEL = re.compile(r"(?<=\s)(?:" + "|".join(pat for _, pat in _LABELS) + r")\s{0,2}:", re.I)
_META_DATE = re.compile(_DMY.replace(r"\s{0,2}/\s{0,2}", r"\s{0,2}[/.\-]\s{0,2}") + r"(?!\d)")
_META_NUMBER = re.compile(r"^(?:số\s+)?(?P<n>" + _NUMBER + r")(?![\w/])", re.I)
_META_URGENCY = {"khẩn": "Khẩn", "thượng khẩn": "Thượng khẩn", "hỏa tốc": "Hỏa tốc", "hoả tốc": "Hỏa tốc"}


def _label(cell: str) -> tuple[str | None, int] | None:
    """The field a cell's label names and where its value starts (the cell's end when the value is elsewhere)."""
    m = _LABEL_RE.match(cell)
    if not m:
        return None
    tail = cell[m.end():]
    stripped = tail.lstrip(" ")
    if not stripped.strip():
        return _LABELS[int(m.lastgroup[1:])][0], len(cell)
    if not stripped.startswith(":"):
        return None  # "Ngày ban hành văn bản này ...": a sentence, not a label
    value = stripped[1:]
    return _LABELS[int(m.lastgroup[1:])][0], len(cell) - len(value)


def _label_pieces(cell: str, start: int) -> list[tuple[str, int]]:
    """A cell cut before each label that follows other text in it; the cell alone when it holds one label or none."""
    if ":" not in cell:
        return [(cell, start)]  # every label ends with its colon: most cells are passed over without a search
    cuts = [m.start() for m in _INLINE_LABEL.finditer(cell) if cell[:m.start()].strip()]
    if not cuts:
        return [(cell, start)]
    bounds = [0, *cuts, len(cell)]
    return [(cell[a:b], start + a) for a, b in zip(bounds, bounds[1:]) if cell[a:b].strip()]


def metadata(text: str, limit: int = 6000) -> dict[str, Hit]:
    """The labelled fields of a document portal's record, by field name (doc_number, issue_date, issuer, subject,
    doc_type, urgency); only what is there and readable."""
    out: dict[str, Hit] = {}
    end = min(len(text), limit)
    pending = None  # a label alone at the end of its line: the next filled line is its value
    pos = 0
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        cells = [piece for m in _CELL.finditer(text, pos, line_end) if m.group().strip()
                 for piece in _label_pieces(m.group(), m.start())]
        pos = line_end + 1
        if not cells:
            continue
        waiting, pending = pending, None
        for index, (cell, start) in enumerate(cells):
            lead = len(cell) - len(cell.lstrip())
            cell, start = cell.strip(), start + lead
            label = _label(cell)
            if label is None:
                if waiting is not None:
                    _keep(out, waiting, cell, start)
                waiting = None
                continue
            field, at = label
            value = cell[at:].strip()
            if value:
                _keep(out, field, value, start + cell.index(value, at))
                waiting = None
            elif index + 1 < len(cells):
                waiting = field
            else:
                pending = field
    return out


def _keep(out: dict[str, Hit], field: str | None, value: str, start: int) -> None:
    if field is None or field in out:
        return
    end = start + len(value)
    if field == "doc_number":
        n = _META_NUMBER.match(value)
        if n:
            out[field] = Hit(re.sub(r"\s+", "", n.group("n")).replace("–", "-"), start, start + n.end(), 0.8)
    elif field == "issue_date":
        d = _META_DATE.search(value)
        day = make_date(int(d.group("y")), int(d.group("m")), int(d.group("d"))) if d else None
        if day:
            out[field] = Hit(day, start + d.start(), start + d.end(), 0.8)
    elif field in ("issuer", "subject"):
        if len(value) > 2 and not _LABEL_RE.match(value):
            out[field] = Hit(value, start, end, 0.75)
    elif field == "doc_type":
        kind = next((t for t in TYPE_NAMES if t.lower() == value.lower().rstrip(".")), None)
        if kind:
            out[field] = Hit(kind, start, end, 0.75)
    elif field == "urgency":
        mark = _META_URGENCY.get(value.lower().rstrip("."))
        if mark:
            out[field] = Hit(mark, start, end, 0.75)
    elif field == "answer":
        m = _ANSWER_VALUE.match(value)
        if m is None:
            return
        out[field] = Hit(value, start, end, 0.75)
        _keep(out, "doc_number", value[m.start("n"):], start + m.start("n"))
        if m.group("d"):
            _keep(out, "issue_date", value[m.start("d"):], start + m.start("d"))
        if m.group("who"):
            hit = trim_name(value, m.start("who"), m.end("who"))
            if hit is not None:
                _keep(out, "issuer", hit.value, start + hit.start)


_ANSWER_VALUE = re.compile(r"(?:(?:" + _TYPES + r"|[Vv]ăn\s+bản)\s+)?(?:[Ss]ố\s+)?(?P<n>" + _NUMBER + r")"
                           r"(?:\s{0,3},?\s{0,3}ngày\s{1,3}" + _DMY + r")?(?:\s{1,3}của\s{1,3}(?P<who>(?=" + UNIT_HEAD
                           + r")[^,;()\n]{3,100}))?")


def number_label(text: str) -> bool:
    """A line that starts with a record's label for the number ("Số/Ký hiệu: ..."), not a letter's "Số:"."""
    m = _LABEL_RE.match(text.strip())
    return bool(m and m.lastgroup == "f0")
