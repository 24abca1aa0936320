"""How sure the reading of each field is, from its evidence, and which fields a clerk must check.

Each field that creates or closes an obligation (``OBLIGATION_FIELDS``) gets a score in [0, 1] from what was seen
while reading it: which pattern found it, how its span was bounded, whether the unit registry knows the unit,
whether two readings disagree, and whether the letter shows the cues of the field without a reading of it (a
"Kính gửi" with no list, a "Phúc đáp" with no number, a giấy mời with no time). Every signal that lowers a score
carries the reason a clerk reads. A field below ``THRESHOLD`` is a doubt; a letter with a doubt on an obligation
field waits for the clerk (``needs_clerk``). The weights and the threshold were set on the tuning half of the dev
set (bench/confidence_curve.py prints the curve on both halves).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from nlp import unitnames
from nlp.body import STRUCTURAL, is_row
from nlp.dates import CITED_DATE
from nlp.header import INVITATION_TYPES
from nlp.meeting import is_invitation
from nlp.similar import key, same_name

OBLIGATION_FIELDS = ("doc_number", "issue_date", "recipients", "lead_units", "cooperating_units", "deadlines",
                     "meeting", "replies_to")
THRESHOLD = 0.7
SURE = 0.95


@dataclass(frozen=True)
class Doubt:
    field: str
    reason: str  # Vietnamese, for the clerk

    def to_json(self) -> dict:
        return {"field": self.field, "reason": self.reason}


@dataclass
class Score:
    value: float = SURE
    reasons: list[str] = field(default_factory=list)

    def cap(self, value: float, reason: str) -> None:
        """Lower the score to at most ``value``; the reason of the lowest cap is listed first."""
        if value < self.value:
            self.value = value
            self.reasons.insert(0, reason)
        elif value < THRESHOLD:
            self.reasons.append(reason)


# Cues in the body that a field should have a reading.
_TASK_CUE = re.compile(r"(?<!\w)(?:[Gg]iao|chủ\s+trì|có\s+trách\s+nhiệm|[Đđ]ề\s+nghị|[Yy]êu\s+cầu)(?!\w)")
# "sự phối hợp của quý cơ quan" thanks; it asks nothing.
# The cues below open with a look-ahead on the first letters of their matches ("(?=p)"): the engine passes over other
# positions at once instead of trying the look-behinds at each.
_COOP_CUE = re.compile(r"(?=p)(?<!\w)(?<!sự )phối\s+hợp(?!\w)(?!\s+của)")
# "phối hợp" that asks nothing: a noun ("Quy chế phối hợp", "công tác phối hợp"), a report of what was done ("đã phối
# hợp", "sau khi phối hợp"), the purpose of the writer ("để phối hợp"), what the writer will do ("sẽ phối hợp với"),
# the closing courtesy that names no party ("đề nghị Quý cơ quan quan tâm, phối hợp thực hiện", "để UBND xã biết,
# phối hợp thực hiện").
_COOP_NOT_ASKED = re.compile(r"(?:quy\s+chế|cơ\s+chế|công\s+tác|chương\s+trình|việc|về|sự|đã|sẽ|sau\s+khi|để|nhằm|"
                             r"mối\s+quan\s+hệ|quan\s+tâm\s{0,2},?|biết\s{0,2}(?:,|và))\s+$", re.I)
_REPLY_CUE = re.compile(r"(?=[PpTt])(?<!\w)(?:[Pp]húc\s+đáp|[Tt]rả\s+lời)\s+(?:[^.;\n]{0,40}?)"
                        r"(?:[Cc]ông\s+văn|[Vv]ăn\s+bản|[Tt]ờ\s+trình|[Đđ]ơn|[Tt]hông\s+báo)\s+(?:số\s*:?\s*)?\d")
_DEADLINE_CUE = re.compile(r"(?=[tch])(?<!\w)(?:trước\s+ngày|chậm\s+nhất|hạn\s+chót|thời\s+hạn|hạn\s+cuối)(?!\w)", re.I)
# "(từ ngày ... ) đến ngày 30/4/2021", "hết ngày ...": the end of a period, often the deadline itself.
_UNTIL = re.compile(r"(?=[đth])"
                    r"(?<!\w)(?:đến|tới|hết)\s+(?:hết\s+)?ngày\s+(\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4})")
# The letter shows a number that was not read: a "Số:" label, or a symbol shaped like "12/UBND-VP".
_NUMBER_CUE = re.compile(r"(?<!\w)S[ốỐ]\s{0,3}:|\d{1,6}\s{0,2}/\s{0,2}(?:\d{4}/)?[A-ZĐ][A-ZĐ0-9&]{0,12}\s?-\s?[A-ZĐ]")
# A cited document and its date: "Công văn số 12/BNV-TCBC ngày 20/5/2024".
_CITED = CITED_DATE
# A date line's shape: "<place>, ngày 05 tháng 3 năm 2024" (a web page's "Ngày đăng: 05/03/2024" is not one).
_FULL_DATE = re.compile(r"(?<!\w)ngày\s{1,3}\d{1,2}\s{1,3}tháng\s{1,3}\d{1,2}\s{1,3}năm\s{1,3}\d{4}", re.I)
# Where the header ends: the addressees or the first sentence of the body (its citations carry dates).
_HEADER_END = re.compile(r"\n[ \t\-–•]{0,40}(?:Kính\s+gửi|Căn\s+cứ|Thực\s+hiện|Theo\s|Xét\s|Phúc\s+đáp|Ngày\s+\d)")
# An hour of the day, as an invitation gives it: "14 giờ 00", "8h30", "7g30".
_CLOCK = re.compile(r"(?<![\w/.])\d{1,2}\s{0,2}(?:giờ|h|g)\s{0,2}(?:\d{2})?(?!\w)")
_NUMBER_YEAR = re.compile(r"^\d+/(\d{4})/")
_TYPED = ("Quyết định", "Kế hoạch", "Thông báo", *sorted(INVITATION_TYPES), "Tờ trình", "Báo cáo", "Chỉ thị",
          "Công điện", "Hướng dẫn", "Công văn")
MAX_NAME_WORDS = 14
MAX_TASKS = 200  # task sentences looked at per letter: hostile text stays linear
# Plans and notices give tasks section by section, often in tables: their units are the hardest to read.
_BY_SECTION = ("Kế hoạch", "Thông báo")
# A báo cáo tells what was done, a tờ trình asks a superior to decide: a task read from them is rarely one.
_NOT_ASSIGNING = ("Báo cáo", "Tờ trình")
# Words of a clause, never of a unit's name: a name that holds one ran on past its end ("Sở X đã", "... khi có").
_CLAUSE_WORD = re.compile(r"(?<!\w)(?:đã|sẽ|nếu|khi|thì|cần|phải|nhằm|để|vào\s+ngày|trước\s+ngày)(?!\w)")
# A symbol that goes on after what was read: "255/BC-BCĐPCGD-" + "XMC" on the next line, "230/KH-THPT" + ".PB".
_CUT_SYMBOL = re.compile(r"[ \t]*(?:[-–.]\s*[A-ZĐ0-9]|\()")


def assess(result, *, text: str = "", flat: str = "", block=None, leads=(), coops=(), summary: bool = False) -> None:
    """Score the obligation fields of ``result`` (an ``nlp.Extraction``) in place and list its doubts in
    ``result.review``. ``flat`` is the body as the task reader saw it, ``block`` the "Kính gửi" reading,
    ``leads`` / ``coops`` the unit hits (with the confidence of the pattern that found each); ``text`` is the
    normalised letter that the evidence offsets point into."""
    scores = {
        "doc_number": _doc_number(result, text),
        "issue_date": _issue_date(result, flat, text),
        "recipients": _recipients(result, block, flat),
        "lead_units": _units(result.lead_units, leads, result.lead_unit_ids, result, flat, lead=True,
                             extra_hits=coops, text=text),
        "cooperating_units": _units(result.cooperating_units, coops, result.cooperating_unit_ids, result, flat,
                                    lead=False, text=text),
        "deadlines": _deadlines(result, flat),
        "meeting": _meeting(result, text),
        "replies_to": _replies(result, flat),
    }
    if summary:
        # A news item or a page summarising a letter reports its tasks in other words and leaves some out: the
        # tracker creates no obligation from it until a clerk has the letter itself.
        for name in ("lead_units", "cooperating_units", "deadlines"):
            if getattr(result, name):
                scores[name].cap(0.6, "chỉ đọc được bản tin hoặc trang tóm tắt văn bản (không có phần đầu, không có"
                                      " “Kính gửi”): cần đối chiếu văn bản gốc")
    review = []
    for name, score in scores.items():
        result.confidence[name] = round(score.value, 2)
        if score.value < THRESHOLD:
            review.append(Doubt(name, "; ".join(dict.fromkeys(score.reasons)) or "cần kiểm tra"))
    for name, (value, reason) in header_notes(result, text).items():
        if value <= result.confidence.get(name, SURE):
            result.confidence[name] = value
            review.append(Doubt(name, reason))
    result.review = review


def second_reading(result, readings: dict) -> None:
    """A document portal's record of the letter ("Số ký hiệu:", "Ngày ban hành:") read beside its own header: the
    same value raises the field's confidence; another value is a doubt, since one of the two readings is wrong."""
    reasons = {"doc_number": "số, ký hiệu ở phần đầu văn bản ({}) khác số ghi trên trang đăng văn bản ({})",
               "issue_date": "ngày ban hành ở phần đầu văn bản ({}) khác ngày ghi trên trang đăng văn bản ({})"}
    for name, (own, other) in readings.items():
        if name == "doc_number":
            same = re.sub(r"\s+", "", str(own)).upper() == re.sub(r"\s+", "", str(other)).upper()
            shown = (own, other)
        else:
            same = own == other
            shown = (f"{own:%d/%m/%Y}", f"{other:%d/%m/%Y}")
        if same:
            if not any(d.field == name for d in result.review):
                result.confidence[name] = max(result.confidence.get(name, 0.0), 0.97)
        else:
            result.confidence[name] = min(result.confidence.get(name, SURE), 0.5)
            result.review.append(Doubt(name, reasons[name].format(*shown)))


def doubts(extraction) -> list[Doubt]:
    """The doubts of an extraction (an ``nlp.Extraction`` or its JSON form). A JSON form without a ``review``
    key (recorded before review routing) is judged by its per-field confidence against ``THRESHOLD``."""
    if isinstance(extraction, dict):
        if "review" in extraction:
            return [Doubt(str(d.get("field")), str(d.get("reason") or "")) for d in extraction.get("review") or []
                    if isinstance(d, dict)]
        conf = extraction.get("confidence") or {}
        return [Doubt(k, f"độ tin cậy {float(v):.2f} thấp") for k, v in conf.items()
                if isinstance(v, (int, float)) and k in OBLIGATION_FIELDS and float(v) < THRESHOLD]
    return list(getattr(extraction, "review", []) or [])


def needs_clerk(extraction) -> bool:
    """Whether the letter waits for the clerk: a doubt on a field that creates or closes an obligation."""
    return any(d.field in OBLIGATION_FIELDS for d in doubts(extraction))


# ------------------------------------------------------------------------------------------------ fields
def _hit(result, name: str) -> float:
    return float(result.confidence.get(name, SURE))


def _official(result) -> bool:
    return bool(result.doc_type in _TYPED or result.issuer)


def _years_disagree(result) -> bool:
    m = _NUMBER_YEAR.match(result.doc_number or "")
    return bool(m and result.issue_date and abs(int(m.group(1)) - result.issue_date.year) > 0)


def _header_field(result, name: str, missing: tuple[float, str], placed: str, year: str) -> Score:
    """A header field: missing on a typed letter, found outside its NĐ 30 place, its year against the other's."""
    s = Score()
    if not getattr(result, name):
        if _official(result):
            s.cap(*missing)
        return s
    s.cap(min(SURE, _hit(result, name) + 0.15), placed)
    if _years_disagree(result):
        s.cap(0.5, year)
    return s


def _doc_number(result, text: str) -> Score:
    # A letter copied from a web page often has no number (and no date) at all: no doubt unless the header shows one
    # ("Số:" or a symbol "12/UBND-VP") that was not read. The body's citations ("Thực hiện Công văn số 12/UBND-VP")
    # are other documents' numbers.
    head = text[:3000]
    end = _HEADER_END.search(head)
    shown = not text or result.issue_date is None or _NUMBER_CUE.search(head, 0, end.start() if end else len(head))
    missing = (0.3 if shown else 0.75, "không tìm thấy số, ký hiệu văn bản")
    s = _header_field(result, "doc_number", missing,
                      "số, ký hiệu không ở vị trí quy định của phần đầu văn bản", "năm trong số văn bản khác năm ban hành")
    spans = result.evidence.get("doc_number") or []
    if result.doc_number and spans and text and _CUT_SYMBOL.match(text, spans[0][1]):
        s.cap(0.5, "ký hiệu văn bản có thể bị ngắt dòng hoặc còn phần sau")
    return s


def _issue_date(result, flat: str = "", text: str = "") -> Score:
    # A missing date is a doubt when the top of the letter shows a full date that was not read as the date line.
    head = text[:1500]
    end = _HEADER_END.search(head)
    shown = _FULL_DATE.search(head, 0, end.start() if end else len(head))
    missing = (0.5, "phần đầu văn bản có ngày tháng nhưng không đọc được ngày ban hành") if shown else \
        (0.75, "không tìm thấy ngày ban hành")
    s = _header_field(result, "issue_date", missing,
                      "ngày ban hành không ở dòng địa danh, ngày tháng", "năm ban hành khác năm trong số văn bản")
    later = _cited_after(result.issue_date, flat) if result.issue_date else None
    if later:
        s.cap(0.5, f"ngày ban hành trước ngày của văn bản được dẫn “{_short(later)}”")
    return s


def _cited_after(issued, flat: str) -> str | None:
    """A document the letter cites ("Công văn số 12/BNV-TCBC ngày 20/5/2024") dated after the letter itself: the
    date line, or the citation, was misread."""
    for m in _CITED.finditer(flat, 0, 20000):
        d, mo, y = (int(m.group(k)) for k in ("d", "m", "y"))
        try:
            day = issued.replace(year=y, month=mo, day=d)
        except ValueError:
            continue
        if day > issued:
            return m.group(0)
    return None


def header_notes(result, text: str) -> dict[str, tuple[float, str]]:
    """Doubts on the header fields that create no obligation (issuer, trích yếu): shown to the clerk, never a reason
    on their own to hold the letter."""
    notes = {}
    subject = result.subject or ""
    words = len(subject.split())
    if result.subject and words < 3 and result.doc_type != "Công văn" or subject.rstrip().endswith(
            (" của", " và", " về", " cho", " các", ",", " tại", " với")):
        notes["subject"] = (0.5, "trích yếu có thể bị cắt ngắn")
    elif words > 60:
        notes["subject"] = (0.5, "trích yếu dài bất thường, có thể lẫn nội dung văn bản")
    if result.issuer and _hit(result, "issuer") < 0.6:
        notes["issuer"] = (0.5, "không thấy cơ quan ban hành ở phần đầu văn bản, đọc từ nội dung")
    return notes


def _looks_like_unit(name: str) -> bool:
    return unitnames.head_at(name, 0) or name.isupper()


def _recipients(result, block, flat: str) -> Score:
    s = Score()
    if block is None:
        if re.search(r"(?<!\w)[Kk]ính\s+gửi(?!\w)", flat[:400]):
            s.cap(0.5, "có \u201cKính gửi\u201d nhưng không đọc được danh sách nơi nhận")
        return s
    if not block.bounded:
        s.cap(0.5, "không rõ danh sách \u201cKính gửi\u201d kết thúc ở đâu")
    for name in result.recipients:
        if len(name.split()) > MAX_NAME_WORDS:
            s.cap(0.5, f"nơi nhận \u201c{_short(name)}\u201d quá dài, có thể lẫn nội dung")
        elif not _looks_like_unit(name):
            s.cap(0.6, f"\u201c{_short(name)}\u201d không giống tên cơ quan, đơn vị")
    return s


_QUOTING = re.compile(r"(?:nội\s+dung|về\s+việc|theo\s+đó|đã|đã\s+được)\s+(?:giao|yêu\s+cầu|đề\s+nghị)(?!\w)", re.I)


def _coop_asked(flat: str) -> bool:
    """Whether the body asks someone to "phối hợp" (not a noun, a past report, the writer's purpose, or a task
    quoted from another document: "... với nội dung yêu cầu Sở X chủ trì, phối hợp với ...")."""
    for m in itertools.islice(_COOP_CUE.finditer(flat), MAX_TASKS):
        if _COOP_NOT_ASKED.search(flat, max(0, m.start() - 20), m.start()):
            continue
        start = max(flat.rfind(c, max(0, m.start() - 200), m.start()) for c in (".", ";", "\n")) + 1
        if _QUOTING.search(flat, max(start, m.start() - 200), m.start()):
            continue
        return True
    return False


def _units(names, hits, ids, result, flat: str, *, lead: bool, extra_hits=(), text: str = "") -> Score:
    s = Score()
    what = "chủ trì" if lead else "phối hợp"
    if not names:
        if (_TASK_CUE.search(flat) if lead else _coop_asked(flat)):
            s.cap(0.75 if lead else 0.65, f"văn bản có giao việc nhưng không xác định được đơn vị {what}")
        if lead and result.doc_type in _BY_SECTION and _TASK_CUE.search(flat):
            s.cap(0.65, f"{result.doc_type.lower()} giao việc theo mục, bảng: cần xác định đơn vị chủ trì")
        if lead:
            missed = _unexplained_tasks(flat, list(extra_hits), result.issuer)
            if missed:
                s.cap(0.65, f"có câu giao việc nhưng không đọc được đơn vị chủ trì: \u201c{_short(missed, 50)}\u201d")
        return s
    if lead and result.doc_type in _BY_SECTION:
        s.cap(0.65, f"{result.doc_type.lower()} giao việc theo mục, bảng: cần đối chiếu đơn vị chủ trì")
    if lead and result.doc_type in _NOT_ASSIGNING:
        s.cap(0.65, f"{result.doc_type.lower()} thường thuật lại hoặc xin ý kiến, ít khi giao việc: cần xác định "
                    "đơn vị chủ trì")
    if lead:
        missed = _unexplained_tasks(flat, list(hits) + list(extra_hits), result.issuer)
        if missed:
            s.cap(0.65, f"có câu giao việc chưa xác định được đơn vị: \u201c{_short(missed, 50)}\u201d")
    for hit in hits:
        told = _told_before(text, hit, result.issue_date) if text else None
        if told:
            s.cap(0.6, f"\u201c{_short(hit.value)}\u201d có trong câu thuật lại việc đã giao trước đây ({told}): "
                       "cần xác định có phải nhiệm vụ của văn bản này")
        if abs(hit.confidence - STRUCTURAL) < 1e-6:
            s.cap(0.65, f"\u201c{_short(hit.value)}\u201d đọc từ bảng hoặc mục phân công nhiệm vụ, cần đối chiếu")
        if hit.confidence < 0.6:
            s.cap(0.55, f"\u201c{_short(hit.value)}\u201d chỉ được nhắc ở câu kết, vai trò chưa rõ")
        elif hit.confidence < STRUCTURAL - 1e-6:
            s.cap(0.65, f"\u201c{_short(hit.value)}\u201d được suy ra từ cách gọi (\u201cQuý cơ quan\u201d, "
                        "\u201cchủ đầu tư\u201d...)")
    for name in names:
        if _words(name) > MAX_NAME_WORDS:
            s.cap(0.5, f"tên đơn vị {what} \u201c{_short(name)}\u201d dài bất thường")
        elif not _looks_like_unit(name):
            s.cap(0.55, f"\u201c{_short(name)}\u201d không giống tên đơn vị")
        elif _CLAUSE_WORD.search(name):
            s.cap(0.55, f"tên \u201c{_short(name)}\u201d lẫn từ của một mệnh đề "
                        f"(\u201c{_CLAUSE_WORD.search(name).group()}\u201d), có thể đọc quá tên đơn vị")
    for name in names:
        longer = _continued_in(name, result.recipients)
        if longer:
            s.cap(0.6, f"tên \u201c{_short(name)}\u201d có thể bị cắt: phần \u201cKính gửi\u201d ghi "
                       f"\u201c{_short(longer)}\u201d")
            break
    if lead and extra_hits:
        both = [n for n in names if any(same_name(n, str(c.value)) for c in extra_hits)]
        if both:
            s.cap(0.65, f"\u201c{_short(both[0])}\u201d vừa là đơn vị chủ trì vừa là đơn vị phối hợp")
    if len(names) > 4:
        s.cap(0.6, f"nhiều đơn vị {what} ({len(names)}), cần đối chiếu từng nhiệm vụ")
    if lead and result.recipients:
        strays = [n for n in names if n[:1].isupper() and not any(_overlaps(n, r) for r in result.recipients)]
        if strays:  # two readings disagree: the addressees and the units the body asks to act
            s.cap(0.65, f"đơn vị chủ trì \u201c{_short(strays[0])}\u201d không có trong phần \u201cKính gửi\u201d")
    known = [i for i in ids if i]
    if ids and known and len(known) < len(ids):
        s.cap(0.65, "có đơn vị không tìm thấy trong danh mục đơn vị")
    return s


# Where a task names its party: after "giao / đề nghị / yêu cầu" ("theo đề nghị của", "xét đề nghị", "đề nghị tại
# Công văn" name none), and before "chủ trì / có trách nhiệm" at the start of a clause.
# (?=[ĐđYyGg]) first: the first letters of its matches (see _COOP_CUE).
_ASKS = re.compile(r"(?=[ĐđYyGg])(?<!\w)(?<![Tt]heo )(?<![Xx]ét )(?:[Đđ]ề\s+nghị|[Yy]êu\s+cầu|[Gg]iao(?:\s+cho)?)\s+"
                   r"(?!(?:của|tại|số|nhiệm|về|đã|được)(?!\w))")
_DUTY_WORD = re.compile(r"\s(?:chủ\s+trì|có\s+trách\s+nhiệm)(?!\w)")
# A party named by words, not by a unit's name: "trưởng các đoàn thể", "các đồng chí", "Ban Giám hiệu ...".
_PARTY_WORDS = re.compile(r"(?:các\s|[Tt]hủ\s+trưởng|[Tt]rưởng|[Hh]iệu\s+trưởng|[Ll]ãnh\s+đạo|[Tt]ổ\s+trưởng|[Bb]í\s+thư|"
                          r"[Đđ]ồng\s+chí|[Cc]án\s+bộ|[Gg]iáo\s+viên|[Nn]gười\s|[Tt]ất\s+cả|[A-ZĐ])")
_POLITE = re.compile(r"(?:[Qq]uý|các\s+đồng\s+chí\s+(?:có\s+tên|được\s+mời))(?!\w)")
# The addressees named by a bare collective: "Đề nghị các đơn vị nghiêm túc triển khai thực hiện", "Yêu cầu các cơ
# quan, đơn vị, địa phương khẩn trương triển khai ...", "Đề nghị các đồng chí dự họp đúng thành phần": a bare
# collective urged to carry the letter out or to attend names no party of its own ("Đề nghị các đơn vị báo cáo
# ..." asks a task of someone the reader should name; "các đồng chí Thành viên Ban Chỉ đạo" is a party).
_BARE_KIND = r"(?:cơ\s+quan|đơn\s+vị|địa\s+phương|đồng\s+chí|thành\s+phần|bộ\s+phận|cá\s+nhân|cơ\s+sở|đại\s+biểu|tổ\s+chức)"
_ADDRESSEES = re.compile(r"(?:[Cc]ác|[Tt]ất\s+cả\s+các|[Tt]oàn\s+thể)\s+" + _BARE_KIND +
                         r"(?:\s*,\s*" + _BARE_KIND + r"){0,4}(?:\s+(?:liên\s+quan|trực\s+thuộc|dự\s+họp|được\s+mời))?"
                         r"\s+(?:(?:nghiêm\s+túc|khẩn\s+trương|quan\s+tâm|chủ\s+động|tích\s+cực|kịp\s+thời)\s+)?"
                         r"(?:triển\s+khai|thực\s+hiện|tổ\s+chức\s+thực\s+hiện|phối\s+hợp\s+thực\s+hiện|dự\s+họp|"
                         r"tham\s+dự|có\s+mặt|bố\s+trí\s+(?:thành\s+phần|người|đại\s+biểu))(?!\w)")


def _unexplained_tasks(flat: str, hits, issuer: str | None) -> str | None:
    """The first party asked to act that no unit reading accounts for: a unit dropped by a rule, or a party named
    in words the name reader does not know ("trưởng các đoàn thể", "các đồng chí trong ban chỉ đạo")."""
    values = [str(h.value) for h in hits]

    def explained(pos: int) -> bool:
        if _POLITE.match(flat, pos) or _ADDRESSEES.match(flat, pos) or unitnames.ACTION_RE.match(flat, pos) or \
                unitnames.ACTION_RE.match(flat[pos:pos + 1].lower() + flat[pos + 1:pos + 40]):
            return True  # the addressees, or a verb ("Ban hành kèm theo ..."): no new party
        span = unitnames.bound(flat, pos)
        if span is None:  # a party in words the name reader does not know, or no party at all
            return not _PARTY_WORDS.match(flat, pos)
        name = flat[span[0]:span[1]]
        return any(_overlaps(name, v) for v in values) or unitnames.is_issuer(name, issuer)

    for m in itertools.islice(_ASKS.finditer(flat), MAX_TASKS):
        if m.group().lower().startswith("giao") and not unitnames.head_at(flat, m.end()):
            continue  # "Giao thông", "giao ban": not the verb; "giao" names its unit or nothing
        if re.search(r"(?:[Nn]ếu|[Tt]rường\s+hợp)[^.;\n]{0,120}$", flat[max(0, m.start() - 120):m.start()]):
            continue  # "nếu có khó khăn, vướng mắc, đề nghị ... phản ánh": feedback, not a task
        if not explained(m.end()):
            return flat[m.start():m.start() + 80]
    for m in itertools.islice(_DUTY_WORD.finditer(flat), MAX_TASKS):
        start = max(flat.rfind(c, 0, m.start()) for c in (".", ";", "\n", ":")) + 1
        while start < m.start() and flat[start] in " \t-–•*+0123456789.)":
            start += 1
        if _ASKS.match(flat, start):
            continue  # "Giao X chủ trì": read above
        line_start = flat.rfind("\n", 0, m.start()) + 1
        line_end = flat.find("\n", m.end())
        if is_row(flat, line_start, len(flat) if line_end < 0 else line_end):
            continue  # a table's header ("STT | Nhiệm vụ | Cơ quan chủ trì"): its rows were read as a table
        if not explained(start) and m.start() - start < 120:
            return flat[start:m.end()]
    return None


_PAST_DATE = re.compile(r"(?<!\d)(\d{1,2})\s{0,2}/\s{0,2}(\d{1,2})\s{0,2}/\s{0,2}(\d{4})(?!\d)|"
                        r"ngày\s{1,3}(\d{1,2})\s{1,3}tháng\s{1,3}(\d{1,2})\s{1,3}năm\s{1,3}(\d{4})")
_PAST_WORD = re.compile(r"(?<!\w)(?:đã|trước\s+đây|\(cũ\))(?!\w)")
_NOW_CALLED = re.compile(r"\(cũ\)|\(nay\s+là|\bnay\s+là\b")


def _told_before(text: str, hit, issued) -> str | None:
    """Why a task sentence reads as a history of what was assigned before (a complaint's or a report's account:
    "Ngày 12/3/2023, Ủy ban nhân dân thành phố (cũ) đã giao Sở X xác minh ..."), else None."""
    if _NOW_CALLED.search(str(hit.value)):
        return "tên đơn vị cũ"
    start = max(text.rfind(c, max(0, hit.start - 300), hit.start) for c in (".", ";", "\n")) + 1
    before = text[max(start, hit.start - 300):hit.start]
    if _PAST_WORD.search(before):
        return "\u201cđã\u201d, \u201ccũ\u201d"
    if issued is not None:
        for m in _PAST_DATE.finditer(before):
            d, mo, y = (int(x) for x in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
            try:
                day = issued.replace(year=y, month=mo, day=d)
            except ValueError:
                continue
            if day < issued:
                return f"ngày {m.group().strip()}"
    return None


def _deadlines(result, flat: str) -> Score:
    s = Score()
    if not result.deadlines:
        if _DEADLINE_CUE.search(flat):
            s.cap(0.75, "có cụm từ về thời hạn nhưng không đọc được hạn")
        for m in _UNTIL.finditer(flat):
            day = m.group(1).replace(".", "/").replace("-", "/").split("/")
            if result.issue_date is None or int(day[-1]) >= result.issue_date.year:
                s.cap(0.6, f"có mốc \u201c{_short(m.group(), 40)}\u201d nhưng chưa xác định là thời hạn")
                break
        return s
    if not result.lead_units and not result.recipients and any(not d.get("applies_to") for d in result.deadlines):
        # no "Kính gửi" and no unit given a task: whose deadline this is must be read by a person
        s.cap(0.6, "có thời hạn nhưng văn bản không có \u201cKính gửi\u201d và không xác định được đơn vị phải "
                   "thực hiện")
    for d in result.deadlines:
        day = d.get("date")
        if day and result.issue_date and len(day) == 10 and day < result.issue_date.isoformat():
            s.cap(0.4, f"hạn {day} trước ngày ban hành: có thể trích từ văn bản khác")
    return s


def _meeting(result, text: str) -> Score:
    s = Score()
    if result.meeting is None:
        if result.doc_type in INVITATION_TYPES:
            s.cap(0.3, "giấy mời nhưng không đọc được thời gian họp")
        elif is_invitation(result.doc_type, text[:3000]) and _CLOCK.search(text, 0, 8000):
            # a letter that only mentions an event (held, put off, cited, linked on its page) gives it no hour
            s.cap(0.5, "văn bản mời họp, dự sự kiện nhưng không đọc được thời gian")
        return s
    when = str(result.meeting.get("datetime") or "")
    if result.issue_date and when[:10] and when[:10] < result.issue_date.isoformat():
        s.cap(0.4, "thời gian họp trước ngày ban hành")
    s.cap(min(SURE, _hit(result, "meeting") + 0.1), "thời gian họp đọc được từ mẫu câu không chắc chắn")
    return s


def _replies(result, flat: str) -> Score:
    s = Score()
    if not result.replies_to:
        if _REPLY_CUE.search(flat[:1500]):
            s.cap(0.4, "có \u201cPhúc đáp/Trả lời\u201d nhưng không đọc được số văn bản được trả lời")
        return s
    if _hit(result, "replies_to") < 0.8:
        s.cap(0.75, "văn bản được trả lời suy ra từ \u201cnhận được/xét\u201d, không có \u201cPhúc đáp\u201d")
    return s


_HONORIFIC = re.compile(r"^(?:các\s+)?[Đđ]ồng\s+chí\s+")


def _words(name: str) -> int:
    """Words of a unit's name, without the honorific "đồng chí" before a title."""
    return len(_HONORIFIC.sub("", name).split())


def _overlaps(a: str, b: str) -> bool:
    """The same unit, or one named inside the other ("Sở Nội vụ" / "Sở Nội vụ tỉnh Lâm Đồng", "Sở KH&ĐT" /
    "Giám đốc Sở Kế hoạch và Đầu tư")."""
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return False
    if same_name(a, b) or ka in kb or kb in ka:
        return True
    sa, sb = unitnames.skeleton(a), unitnames.skeleton(b)
    return len(sa) >= 3 and len(sb) >= 3 and (sa in sb or sb in sa)


# What may follow a unit's name and still name the same unit: its place ("Sở Tài chính tỉnh Nam Sơn"), a role in
# brackets, a note to the recipient ("(để biết)").
_SAME_UNIT_TAIL = re.compile(r"^(?:(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn)(?!\w)|\(|[-–]\s*[A-ZĐ]|$)")


def _continued_in(name: str, entries) -> str | None:
    """A "Kính gửi" entry that starts with ``name`` and goes on with words of a name ("Đội Cảnh sát" / "Đội Cảnh sát
    giao thông - Trật tự Công an quận", "Văn phòng HĐND" / "Văn phòng HĐND và UBND huyện"): the name was cut at a
    word the name reader took for a verb."""
    name = " ".join(name.split())
    for entry in entries:
        entry = " ".join(str(entry).split())
        if len(entry) > len(name) + 1 and entry.startswith(name + " "):
            tail = entry[len(name) + 1:]
            if not _SAME_UNIT_TAIL.match(tail):
                return entry
    return None


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
