"""Deadlines a letter sets: "trước ngày 14/8/2025", "chậm nhất trong ngày 20/5", "trước 16 giờ 00 ngày 27/5",
"trong thời hạn 60 ngày làm việc kể từ ...", "trong tháng 8/2025", "trong Quý III năm 2025".

Each deadline says whether it ends before the day ("trước ngày X": ``bound="before"``) or with it ("chậm nhất
ngày X", "hạn chót ngày X": ``bound="by"``), and keeps an hour when one is given (``time="16:00"``). Dates quoted
from other documents (inside quotation marks, before the letter's own date, in a cited regulation's sentence) are
not this letter's deadlines.

Linear in the text: sentence and quotation boundaries are indexed once and looked up by bisection; every pattern
has bounded gaps, so repeated phrases cost a constant each.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date

from nlp.alphabet import UPPER
from nlp.dates import make_date
from nlp.header import Hit

_GAP = r"\s{1,30}"  # spaces, or a line break and the next line's indentation: PDF text wraps mid-phrase
_DAY_MONTH_YEAR = (
    r"(?:(?P<d>\d{1,2})\s{0,2}(?P<sep>[/.\-])\s{0,2}(?P<m>\d{1,2})(?:\s{0,2}(?P=sep)\s{0,2}(?P<y>\d{4}))?(?![\d/])"
    r"|(?P<d2>\d{1,2})" + _GAP + r"tháng" + _GAP + r"(?P<m2>\d{1,2})(?:" + _GAP + r"năm" + _GAP + r"(?P<y2>\d{4}))?)"
)
_HOUR = (r"(?:(?:vào\s{1,3})?lúc\s{1,3})?(?P<hh>\d{1,2})\s{0,2}(?:giờ|h|g|:)\s{0,2}(?P<mm>\d{2})?(?:\s{0,2}phút)?"
         r"(?:\s{0,2}\((?:sáng|chiều)\))?(?:\s{1,3}(?:sáng|chiều))?\s{0,2},?")
_DEADLINE = re.compile(
    r"(?<!\w)(?P<kw>trước|chậm\s{1,30}nhất(?:\s{1,3}là)?(?:\s{1,3}(?:vào|trong))?|hạn\s{1,3}chót(?:\s{1,3}là)?"
    r"|không\s{1,3}muộn\s{1,3}hơn|hạn\s{1,3}cuối(?:\s{1,3}là)?"
    # "hoàn thành trong ngày 02/10/2025": done within that day
    r"|(?:(?<=hoàn\sthành\s)|(?<=xong\s))trong(?=\s{1,3}ngày\s))" + _GAP +
    r"(?:" + _HOUR + _GAP + r")?"
    r"(?:(?:vào\s{1,3})?(?:hết\s{1,3})?ngày" + _GAP + r")?"
    # a weekday before the day: "trước thứ Sáu, ngày 15/3", "chậm nhất vào thứ sáu (15/3/2025)"
    r"(?:(?:thứ\s{1,3}\w{1,4}|chủ\s{1,3}nhật)\s{0,2}[,(]?\s{0,3}(?:ngày" + _GAP + r")?)?"
    + _DAY_MONTH_YEAR,
    re.I,
)
# "Hạn nộp hồ sơ: ngày 15/3/2025", "Thời hạn gửi báo cáo là 15/3/2025": a labelled limit ends with its day.
_LIMIT_LABEL = re.compile(
    r"(?<!\w)(?P<kw>hạn(?:\s{1,3}(?:chót|cuối))?)\s{1,3}"
    r"(?:nộp|gửi|hoàn\s{1,3}thành|báo\s{1,3}cáo|đăng\s{1,3}ký|góp\s{1,3}ý)"
    r"[^.;:\n]{0,40}?(?:\s{1,3}là|\s{0,2}:)\s{0,3}(?:(?:" + _HOUR + r")\s{1,3})?(?:ngày" + _GAP + r")?"
    + _DAY_MONTH_YEAR,
    re.I,
)
# A second day given with the first, for another round: "chậm nhất ngày 30/6/2025 (đợt 1) và ngày 15/12/2025 (đợt 2)".
_ANOTHER_DAY = re.compile(
    r"\s{0,2}(?:\([^()\n]{1,30}\)\s{0,2})?(?:,|và|;)\s{1,3}(?P<at>(?:(?:chậm\s{1,3}nhất|trước)\s{1,3})?ngày\s{1,3}"
    r"(?P<d>\d{1,2})\s{0,2}(?P<sep>[/.\-])\s{0,2}(?P<m>\d{1,2})\s{0,2}(?P=sep)\s{0,2}(?P<y>\d{4})(?![\d/])"
    r"(?:\s{0,2}\([^()\n]{1,30}\))?)")
_MONTH = re.compile(
    r"(?<!\w)(?P<kw>trong|trước|chậm\s{1,30}nhất(?:\s{1,3}(?:là|trong))?)" + _GAP + r"tháng" + _GAP +
    r"(?P<m>\d{1,2})\s{0,2}(?:/|năm\s)\s{0,2}(?P<y>\d{4})(?![\d/])",
    re.I,
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_QUARTER = re.compile(
    r"(?<!\w)(?P<kw>trong|trước|chậm\s{1,30}nhất(?:\s{1,3}(?:là|trong))?|"
    r"Thời\s{1,3}gian(?:\s{1,3}(?:hoàn\s{1,3}thành|thực\s{1,3}hiện))?\s{0,2}:)" + _GAP + r"quý" + _GAP +
    r"(?P<q>IV|III|II|I|[1-4])(?!\w)\s{0,2}(?:/|năm\s)\s{0,2}(?P<y>\d{4})(?!\d)",
    re.I,
)
_RELATIVE = re.compile(
    r"(?<!\w)(?:trong\s{1,3}(?:thời\s{1,3}hạn|vòng|thời\s{1,3}gian)|trong|sau|chậm\s{1,30}nhất(?:\s{1,3}là)?)"
    # "trong thời hạn không quá 15 ngày làm việc", "trong vòng tối đa 07 ngày làm việc"
    + _GAP + r"(?:(?:không\s{1,3}quá|tối\s{1,3}đa|là)\s{1,3})?"
    r"(?P<n>\d{1,3})(?:\s{0,2}\([^)]{1,20}\))?" + _GAP + r"ngày\s{1,30}làm\s{1,30}việc",
    re.I,
)
# A day that comes back every month or quarter: "trước ngày 15 hằng tháng", "chậm nhất ngày 20 hàng quý".
_RECURRING = re.compile(
    r"(?<!\w)(?P<kw>trước|chậm\s{1,30}nhất(?:\s{1,3}(?:là|vào))?|hạn\s{1,3}chót(?:\s{1,3}là)?)" + _GAP +
    r"(?:" + _HOUR + _GAP + r")?(?:vào\s{1,3})?ngày" + _GAP + r"(?P<d>\d{1,2})(?:\s{1,3}của)?\s{1,3}"
    r"(?:hằng|hàng|mỗi)\s{1,3}(?P<unit>tháng|quý)(?!\w)",
    re.I,
)
# This letter's own request between a cited regulation and a limit: "... theo Nghị định số 126/2024/NĐ-CP và gửi về
# Bộ Nội vụ trong thời hạn 10 ngày làm việc" sets the limit; "theo quy định, trong thời hạn 10 ngày ..." quotes it.
_REQUEST = re.compile(r"(?<!\w)(?:đề\s+nghị|yêu\s+cầu|gửi\s+(?:về|đến|cho)|nộp\s+(?:về|cho)|báo\s+cáo\s+về)(?!\w)",
                      re.I)
# A window for receiving something closes on a deadline: "Thời gian dự thi: Từ ngày 05/4 đến ngày 30/4/2025",
# "Thời gian tiếp nhận ý kiến ... từ ngày A đến ngày B". A window for doing something ("Thời gian thực hiện") does not.
_ANY_DATE = r"\d{1,2}\s{0,2}[/.\-]\s{0,2}\d{1,2}(?:\s{0,2}[/.\-]\s{0,2}\d{4})?|\d{1,2}\s{1,3}tháng\s{1,3}\d{1,2}(?:\s{1,3}năm\s{1,3}\d{4})?"
_WINDOW = re.compile(
    r"(?<!\w)(?P<kw>Thời\s{1,3}(?:gian|hạn))\s{1,3}(?:tiếp\s{1,3}nhận|nhận|nộp|dự\s{1,3}thi|đăng\s{1,3}ký|góp\s{1,3}ý|"
    r"lấy\s{1,3}ý\s{1,3}kiến|gửi|thu\s{1,3}nhận)(?!\w)[^.;:\n]{0,80}?\s{0,2}:?\s{0,3}"
    r"(?:từ\s{1,3}(?:ngày\s{1,3})?(?:" + _ANY_DATE + r")\s{0,3}(?:\([^)]{0,20}\)\s{0,3})?)?(?:đến|tới)\s{1,3}(?:hết\s{1,3})?"
    r"(?:ngày" + _GAP + r")?" + _DAY_MONTH_YEAR,
    re.I,
)
# A plan's timetable: a time column's cell or a "Thời gian:" label holding a month ("| Tháng 6/2022 |", "Thời gian:
# tháng 8 - tháng 10/2020", "Tháng 6 và tháng 11/2024"), and a phase that ends on a day ("Đợt 1: từ ngày 15/12/2025
# đến ngày 15/01/2026", "Giai đoạn 2: từ ...").
_MONTH_CELL = re.compile(
    r"(?:(?<=\|)|(?<=\n)|(?<=\t)|(?<=Thời gian:)|(?<=Thời gian hoàn thành:))[ \t]{0,3}[Tt]háng\s{1,3}(?P<m1>\d{1,2})"
    r"(?:\s{0,3}(?:-|–|và|đến)\s{0,3}tháng\s{1,3}(?P<m2>\d{1,2}))?\s{0,2}/\s{0,2}(?P<y>\d{4})(?=[ \t]{0,3}(?:\||\n|\.|$))")
_PHASE = re.compile(
    r"(?<!\w)(?:Đợt|Giai\s{1,3}đoạn)(?:\s{1,3}(?:\d{1,2}|[IVX]{1,4}))?(?:\s{1,3}cao\s{1,3}điểm(?:\s{1,3}thứ\s{1,3}\w{2,5})?)?"
    r"\s{0,2}:\s{0,3}[Tt]ừ\s{1,3}(?:ngày\s{1,3})?(?:" + _ANY_DATE + r")\s{0,3}(?:đến|-|–)\s{0,3}(?:hết\s{1,3})?"
    r"(?:ngày" + _GAP + r")?" + _DAY_MONTH_YEAR)
# Where any of the patterns above can start: one fast scan (a character class first, no case folding) finds the
# keywords, and each pattern is tried only there. Scanning with each case-insensitive pattern was 5 times slower.
_KEYWORD = re.compile(r"[TtCcHhKkSs](?:rước|RƯỚC|rong|RONG|hậm|HẬM|ạn|ẠN|hông|HÔNG|au|AU|hời|HỜI)(?!\w)")
# The same for a month cell (up to three blanks before its "tháng") and a phase (at its "Đợt" or "Giai").
_MONTH_WORD = re.compile(r"[Tt]háng")
_PHASE_WORD = re.compile(r"Đợt|Giai")


def _matches(pattern: re.Pattern, flat: str, starts: list[int]) -> list[re.Match]:
    """``pattern.finditer(flat)`` restricted to the keyword positions (non-overlapping, in order)."""
    out, end = [], 0
    for pos in starts:
        if pos < end:
            continue
        m = pattern.match(flat, pos)
        if m:
            out.append(m)
            end = m.end()
    return out


# A regulation cited in the sentence: its limits are quoted, not set by this letter.
_CITED = re.compile(r"(?:theo\s+quy\s+định|quy\s+định\s+tại|Nghị\s+định|Thông\s+tư|Luật\s|Điều\s+\d+\s+của)", re.I)
# The date of an act, not of a task: "các văn bản ban hành trước ngày", "có hiệu lực", "được thành lập" (but "trình
# Chủ tịch ký ban hành trước ngày ..." and a clause of its own, "..., ban hành Quyết định triệu tập trước ngày ...",
# ask for the act: a task).
_NOT_TASK = re.compile(r"(?:(?<!ký\s)(?<!trình\s)(?<![,:;]\s)ban\s+hành|hiệu\s+lực|được\s+thành\s+lập|đã\s+cấp|"
                       r"được\s+cấp)", re.I)
# Another document named before a quotation: what is quoted are its words ("Điều 76 Nghị định số 43/2014/NĐ-CP: “...”").
_CITED_DOC = re.compile(
    r"(?:quy\s+định|Nghị\s+định|Thông\s+tư|Luật|Điều\s+\d+|(?:Quyết\s+định|Công\s+văn|Chỉ\s+thị|Kế\s+hoạch|Thông\s+báo)"
    r"\s+số|nêu\s+rõ|trích)",
    re.I,
)
_CITED_SUBJECT = re.compile(
    r"số\s{1,3}\d{1,6}\s{0,2}/[^,;\n]{1,150}?\s(?P<s>(?:về\s+việc|V/v)\s(?:[^,;.\n]|\.(?=\d)){0,300})")
# "Thực hiện Công văn số 12/BTP-VP ngày 01/4/2025 của Bộ Tư pháp yêu cầu báo cáo trước ngày 30/4/2025, ...": the
# cited letter's own request, in the clause of its number (the letter's request comes after a comma).
_ASKED = r"(?:yêu\s+cầu|đề\s+nghị|giao|chỉ\s+đạo)\s"  # what a cited letter asks
_CITED_REQUEST = re.compile(r"số\s{1,3}\d{1,6}\s{0,2}/[^,;\n]{1,150}?\s(?P<s>" + _ASKED + r"(?:[^,;.\n]|\.(?=\d)){0,300})")
# "Thực hiện Công văn số 1520/UBND-NN ... về việc ..., trong đó giao Sở X ... và yêu cầu các huyện báo cáo trước ngày
# 30/9": what the cited letter holds, up to the sentence's end or the comma before this letter's own request
_CITED_CONTENT = re.compile(
    r"số\s{1,3}\d{1,6}\s{0,2}/[^;\n]{1,300}?,\s{1,3}trong\s{1,3}đó\s{1,3}(?P<s>" + _ASKED
    + r"(?:[^;.\n,]|\.(?=\d)|,(?!\s{1,3}(?:[" + UPPER + r"]|đề\s+nghị|yêu\s+cầu)))*)")
# "Ngày 17/10, Sở Nội vụ có Công văn số 1097/SNV-CCVC đề nghị ... báo cáo ..., thời hạn gửi báo cáo trước ngày
# 25/10/2017": the limit a cited letter set, in the clause after its request (this letter's own request would open
# after a comma, with its author or "đề nghị").
_CITED_LIMIT = re.compile(
    r"số\s{1,3}\d{1,6}\s{0,2}/(?:[^;.\n,]|\.(?=\d)|,(?!\s{1,3}(?:[" + UPPER + r"]|đề\s+nghị|yêu\s+cầu|thời\s+hạn))){0,400}"
    r",\s{1,3}(?P<s>thời\s+hạn\s(?:[^;.\n]|\.(?=\d)){0,150})")
_HISTORY = re.compile(
    r"(?:^|(?<=\n)|(?<=\.\s))[ \t]*Ngày\s{1,3}(?P<d>\d{1,2})\s{0,2}/\s{0,2}(?P<m>\d{1,2})\s{0,2}/\s{0,2}(?P<y>\d{4})\s{0,3},"
    r"[^,.;\n]{3,120}?\s(?:đã\s+)?(?:có|ban\s+hành|gửi)\s[^,.;\n]{0,40}?số\s{1,3}\d{1,6}\s{0,2}[/-]"
    r"(?P<s>(?:[^.;\n]|\.(?=\d)){0,600})")
# "hồ sơ đã nộp trước ngày 01/7/2025 nhưng chưa giải quyết xong": a day that dates what happened, not a limit
_BUT_NOT_YET = re.compile(r"\s{0,3}(?:nhưng|mà)\s+(?:chưa|không|vẫn\s+chưa)\s")
_SENTENCE_END = re.compile(r"\.(?=\s)|;|\n")
_QUOTE = re.compile(r"[“”«»]")
MAX_QUOTE = 3000  # an unclosed quotation mark does not swallow the rest of the letter
NEAR_LEAD = 400  # a deadline applies to the last lead unit named at most this far before its sentence


@dataclass
class Deadline:
    text: str
    start: int
    end: int
    date: str | None
    relative_working_days: int | None
    applies_to: str | None
    confidence: float
    bound: str | None = None
    time: str | None = None
    quarter: str | None = None
    recurring: str | None = None  # "monthly" / "quarterly": the day comes back ("trước ngày 15 hằng tháng")
    day_of_month: int | None = None

    def key(self) -> str:
        if self.recurring:
            return f"{self.recurring}:{self.day_of_month}"
        return self.date or self.quarter or f"rel:{self.relative_working_days}"

    def as_json(self) -> dict:
        out = {"text": self.text, "date": self.date, "relative_working_days": self.relative_working_days,
               "applies_to": self.applies_to}
        for name in ("bound", "time", "quarter", "recurring", "day_of_month"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out


class _Index:
    """Sentence and quotation boundaries of one text, found once and looked up in O(log n)."""

    def __init__(self, flat: str, issued: date | None = None) -> None:
        self.flat = flat
        self.ends = [m.start() for m in _SENTENCE_END.finditer(flat)]
        self.quotes: list[tuple[int, int]] = []
        opened = None
        for m in _QUOTE.finditer(flat):
            if m.group() in "“«":
                opened = m.start()
            elif opened is not None:
                if m.start() - opened <= MAX_QUOTE and _CITED_DOC.search(flat, max(0, opened - 200), opened):
                    self.quotes.append((opened, m.start()))  # words of another document, not this letter's
                opened = None
        # "Thực hiện Công văn số 12/BYT-KH về việc báo cáo trước ngày 15/3/2025, ...": the cited letter's trích yếu
        for pattern in (_CITED_SUBJECT, _CITED_REQUEST, _CITED_CONTENT, _CITED_LIMIT):
            for m in pattern.finditer(flat):
                self.quotes.append((m.start("s"), m.end("s")))
        # "Ngày 12/3/2024, Ban Dân tộc tỉnh có Công văn số 241/BDT-CSDT đề nghị ..., thời hạn gửi trước ngày
        # 31/3/2024.": the history of an earlier letter, dated before this one, told in a sentence of its own
        if issued is not None:
            for m in _HISTORY.finditer(flat):
                day = make_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
                if day is not None and day < issued:
                    self.quotes.append((m.start("s"), m.end("s")))
        self.quotes.sort()
        self.quote_starts = [q[0] for q in self.quotes]

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_left(self.ends, pos)
        start = self.ends[i - 1] + 1 if i > 0 else 0
        end = self.ends[i] if i < len(self.ends) else len(self.flat)
        return start, end

    def quoted(self, pos: int) -> bool:
        i = bisect_right(self.quote_starts, pos) - 1
        return any(self.quotes[j][0] < pos < self.quotes[j][1] for j in range(i, max(-1, i - 3), -1))


# The writer announcing what it will do itself ("Trạm Y tế xã sẽ tổ chức chiến dịch ... trong tháng 10/2019"), asking
# nothing in the same sentence: its month is no unit's deadline.
_OWN_PLAN = re.compile(r"^(?!.*(?:đề\s+nghị|yêu\s+cầu|giao|chỉ\s+đạo|đôn\s+đốc)).*\ssẽ\s", re.I | re.S)


def _time(m: re.Match) -> str | None:
    if not m.group("hh"):
        return None
    hour, minute = int(m.group("hh")), int(m.group("mm") or 0)
    return f"{hour:02d}:{minute:02d}" if hour <= 24 and minute <= 59 else None


_FROM_RECEIPT = re.compile(r"\s{1,3}kể\s{1,3}từ\s{1,3}(?:ngày\s{1,3}nhận\s{1,3}(?:được|đủ)\s{1,3}(?:văn\s{1,3}bản|"
                           r"công\s{1,3}văn|hồ\s{1,3}sơ|đề\s{1,3}nghị|tờ\s{1,3}trình)|ngày\s{1,3}(?:kết\s{1,3}thúc|tổ\s{1,3}chức)\s{1,3}"
                           r"(?:cuộc\s{1,3}họp|buổi\s{1,3}làm\s{1,3}việc|hội\s{1,3}nghị)|ngày\s{1,3}họp)", re.I)
# "quá thời hạn trên mà không có ý kiến thì xem như thống nhất": the deemed-agreement clause of this letter's request
_DEEMED = re.compile(r"xem\s{1,3}như\s{1,3}(?:đã\s{1,3})?(?:thống\s{1,3}nhất|đồng\s{1,3}ý)", re.I)


def _cited_limit(flat: str, m: re.Match, s: int, e: int) -> bool:
    """A limit stated by a regulation the sentence cites, unless this letter's request comes between the two."""
    if _FROM_RECEIPT.match(flat, m.end()) or _DEEMED.search(flat, m.end(), min(e, m.end() + 300)):
        # "... trong thời hạn 15 ngày làm việc kể từ ngày nhận được hồ sơ, theo quy định tại Điều 8 của Quy chế",
        # "Theo quy định tại Quy chế ..., đơn vị vắng mặt gửi ý kiến trong thời hạn 07 ngày làm việc kể từ ngày kết
        # thúc cuộc họp; quá thời hạn ... xem như thống nhất": the letter applies the regulation's limit to its own
        # request, counted from its receipt or its meeting
        return False
    if _CITED.search(flat, m.end(), min(e, m.end() + 300)):
        return True  # "... trong thời hạn 15 ngày làm việc theo quy định tại Nghị định ...": the regulation's limit
    last = None
    for c in _CITED.finditer(flat, max(s, m.start() - 300), m.start()):
        last = c
    return last is not None and not _REQUEST.search(flat, last.end(), m.start())


# A sentence that tells what a regulation says: "Theo quy định tại Thông tư số ..., báo cáo ... trước ngày 15/7".
_REGULATION_SAYS = re.compile(r"[\s\-–•*+]*(?:Lưu\s+ý\s*:\s*)?(?:Theo\s+quy\s+định\s+(?:tại|của)|Theo\s+(?:Nghị\s+định|Thông\s+tư|"
                              r"Luật)|Quy\s+định\s+tại)\s", re.I)


def _tells_a_regulation(flat: str, s: int, e: int) -> bool:
    """A sentence that opens by citing a regulation and asks nothing: its dates are the regulation's."""
    if not _REGULATION_SAYS.match(flat, s):
        return False
    # "được gửi về Bộ" tells the regulation's rule; "đề nghị ... gửi về" asks
    return not any(not flat[max(s, r.start() - 5):r.start()].endswith("được ") for r in _REQUEST.finditer(flat, s, e))


def _end_day(m: re.Match, default_year: int | None) -> date | None:
    """The day a pattern with two spellings of its date (groups d/m/y or d2/m2/y2) names."""
    g = "" if m.group("d") else "2"
    year = m.group("y" + g)
    return make_date(int(year) if year else default_year, int(m.group("m" + g)), int(m.group("d" + g)))


def _past(day: date, issued: date | None) -> bool:
    return issued is not None and day < issued


def _bound(keyword: str) -> str:
    return "before" if keyword.lower().startswith("trước") else "by"


def find_deadlines(flat: str, base: int, default_year: int | None, leads: list[Hit],
                   issued: date | None = None) -> list[Deadline]:
    """Deadlines in a flattened body (offsets are shifted by ``base``); ``leads`` give ``applies_to``."""
    index = _Index(flat, issued)
    lead_list = sorted(leads, key=lambda h: h.start)
    lead_starts = [h.start - base for h in lead_list]
    out: list[Deadline] = []

    def applies(pos: int) -> str | None:
        s, _ = index.sentence(pos)
        i = bisect_right(lead_starts, pos) - 1
        return lead_list[i].value if i >= 0 and lead_starts[i] >= s - NEAR_LEAD else None

    def context(pos: int, width: int = 120) -> str:
        s, _ = index.sentence(pos)
        return flat[max(s, pos - width):pos]

    def add(m: re.Match, **fields) -> None:
        end = m.end()
        if flat.startswith(")", end) and flat.count("(", m.start(), end) > flat.count(")", m.start(), end):
            end += 1  # "chậm nhất vào thứ Sáu (16/5/2025)" keeps its closing parenthesis
        out.append(Deadline(flat[m.start():end], base + m.start(), base + end, applies_to=applies(m.start()),
                            **fields))

    starts = [m.start() for m in _KEYWORD.finditer(flat)]

    for m in _matches(_DEADLINE, flat, starts):
        if m.group("d"):
            d, mo, y = m.group("d"), m.group("m"), m.group("y")
        else:
            d, mo, y = m.group("d2"), m.group("m2"), m.group("y2")
        day = make_date(int(y) if y else default_year, int(mo), int(d))
        if day is not None and not y and issued is not None and day < issued:
            day = make_date(day.year + 1, day.month, day.day)  # "trước ngày 15/01" in a December letter
        if day is None or index.quoted(m.start()) or _NOT_TASK.search(context(m.start(), 40)):
            continue
        if _tells_a_regulation(flat, *index.sentence(m.start())) or _BUT_NOT_YET.match(flat, m.end()):
            continue
        # A day before the letter's own date is doubtful (a late letter, or a misread date): kept, less sure.
        add(m, date=day.isoformat(), relative_working_days=None, confidence=0.8 if not _past(day, issued) else 0.4,
            bound=_bound(m.group("kw")), time=_time(m))
        more = _ANOTHER_DAY.match(flat, m.end())
        if more:
            second = make_date(int(more.group("y")), int(more.group("m")), int(more.group("d")))
            if second is not None and second > day:
                a, b = more.span("at")
                out.append(Deadline(flat[a:b], base + a, base + b, second.isoformat(), None, applies(m.start()),
                                    0.7 if not _past(second, issued) else 0.4, bound=_bound(m.group("kw"))))
    # a labelled limit ("Thời hạn hoàn thành: ..."), a window for receiving and a phase: each closes on its end day
    dated = [(m, 0.7, 0.4, True) for m in _matches(_LIMIT_LABEL, flat, starts)]
    dated += [(m, 0.6, 0.3, False) for m in _matches(_WINDOW, flat, starts)]
    dated += [(m, 0.6, 0.3, False) for m in _matches(_PHASE, flat, [m.start() for m in _PHASE_WORD.finditer(flat)])]
    for m, sure, if_past, timed in dated:
        day = _end_day(m, default_year)
        if day is None or index.quoted(m.start()):
            continue
        add(m, date=day.isoformat(), relative_working_days=None, confidence=if_past if _past(day, issued) else sure,
            bound="by", **({"time": _time(m)} if timed else {}))
    month_starts = [pos for m in _MONTH_WORD.finditer(flat) for pos in range(max(0, m.start() - 3), m.start() + 1)]
    for m in _matches(_MONTH_CELL, flat, month_starts):
        year = int(m.group("y"))
        months = [int(m.group("m1"))] + ([int(m.group("m2"))] if m.group("m2") else [])
        if re.match(r"\s{0,3}(?:-|–|đến)", flat[m.end("m1"):m.end("m1") + 5]):
            months = months[-1:]  # a span ends with its last month
        for month in months:
            if not 1 <= month <= 12 or index.quoted(m.start()):
                continue
            past = issued is not None and (year, month) < (issued.year, issued.month)
            add(m, date=f"{year:04d}-{month:02d}", relative_working_days=None, confidence=0.3 if past else 0.6,
                bound="by")
    for m in _matches(_MONTH, flat, starts):
        month, year = int(m.group("m")), int(m.group("y"))
        if not 1 <= month <= 12 or index.quoted(m.start()) or _OWN_PLAN.search(context(m.start())):
            continue
        past = issued is not None and (year, month) < (issued.year, issued.month)
        add(m, date=f"{year:04d}-{month:02d}", relative_working_days=None, confidence=0.3 if past else 0.6,
            bound=_bound(m.group("kw")))
    for m in _matches(_QUARTER, flat, starts):
        q = m.group("q").upper()
        quarter = _ROMAN.get(q) or int(q)
        year = int(m.group("y"))
        if index.quoted(m.start()):
            continue
        past = issued is not None and (year, quarter) < (issued.year, (issued.month + 2) // 3)
        add(m, date=None, relative_working_days=None, confidence=0.3 if past else 0.5, bound=_bound(m.group("kw")),
            quarter=f"{year:04d}-Q{quarter}")
    for m in _matches(_RECURRING, flat, starts):
        d = int(m.group("d"))
        if not 1 <= d <= 31 or index.quoted(m.start()) or _NOT_TASK.search(context(m.start(), 40)):
            continue
        add(m, date=None, relative_working_days=None, confidence=0.6, bound=_bound(m.group("kw")), time=_time(m),
            recurring="monthly" if m.group("unit").lower() == "tháng" else "quarterly", day_of_month=d)
    for m in _matches(_RELATIVE, flat, starts):
        s, e = index.sentence(m.start())
        if index.quoted(m.start()) or _cited_limit(flat, m, s, e):
            continue  # a limit quoted from a regulation, not one this letter sets
        end = e if e - m.start() < 160 else m.end()
        text = flat[m.start():end].rstrip(" .;")
        out.append(Deadline(text, base + m.start(), base + m.start() + len(text), None, int(m.group("n")),
                            applies(m.start()), 0.7, bound="by"))
    seen, unique = set(), []
    for d in out:
        if d.key() not in seen:
            seen.add(d.key())
            unique.append(d)
    return unique
