"""The body of a letter: who is asked to do what (lead and cooperating units), by when, and which letters it
answers. Patterns follow the administrative language: "giao X chủ trì, phối hợp với Y", "đề nghị X ...",
"trước ngày", "chậm nhất", "trong thời hạn N ngày làm việc", "Phúc đáp Công văn số ...".
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from nlp import unitnames
from nlp.alphabet import UPPER
from nlp.header import INVITATION_TYPES, JOINS, KINH_GUI, Hit

# (?=\n) first: the engine goes from line break to line break instead of trying the look-behinds at every position.
_ADDRESS_LINE = re.compile(r"[ \t]*" + KINH_GUI + r"\b[^\n]*$")
_FLAT_BREAK = re.compile(r"(?=\n)(?<!\n)(?<!\n[ \t])\n(?![ \t]*\n)"
                         r"(?!\s*(?:[-–•*+]\s|\d{1,2}[./)]\s?|[a-zđ]\)|[IVX]{1,4}\.|Điều\s+\d|Nơi nhận))")


def is_row(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (one line) is a table's row: cells between two pipes or two tabs at least."""
    return text.count("|", start, end) >= 2 or text.count("\t", start, end) >= 2


def _lines(text: str):
    """(start, end) of each line of ``text``."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield start, end
        start = end + 1


_UNIT_HEADING = re.compile(r"[ \t]{0,20}(?:\d{1,2}(?:\.\d{1,2})?[.)]|[a-zđ]\)|[IVX]{1,4}\.)[ \t]{1,3}(?=[" + UPPER + r"])")


def _heading_line(body: str, start: int, end: int) -> bool:
    """Whether body[start:end] is a numbered heading that is only a unit's name ("2. Phòng Văn hóa và Thông tin")."""
    m = _UNIT_HEADING.match(body, start, end)
    if not m:
        return False
    span = unitnames.bound(body[:end], m.end())
    return bool(span) and span[1] >= len(body[:end].rstrip(" \t:."))


# A task table copied from a PDF or a DOCX with one cell per line: "TT" / "Hoạt động" / "Đơn vị thực hiện" /
# "Phối hợp" / "Thời gian", then rows "1" / <task> / <unit> / <units> / <time>, each opened by its number.
_LINE_LEAD_COLUMN = re.compile(r"(?:[^\n]{0,30}\s)?(?:chủ\s+trì|thực\s+hiện|phụ\s+trách)(?:\s+thực\s+hiện)?", re.I)
_LINE_COOP_COLUMN = re.compile(r"(?:[^\n]{0,30}\s)?phối\s+hợp(?:\s+thực\s+hiện)?", re.I)
MAX_LINE_COLUMNS = 8
_TT_LINE = re.compile(r"(?:^|\n)[ \t]{0,20}(?:S?TT|Số\s+TT)\.?[ \t]*(?=\n)")


def line_tables(text: str) -> list[tuple[int, int, int | None, int | None, list[list[tuple[int, int]]]]]:
    """Tables written one cell per line: (start, end, lead column, cooperating column, rows of cell spans). The
    header is "TT" or "STT" and up to 7 short titles, one with "chủ trì" / "thực hiện"; each row opens with its
    number (1, 2, ...) and has as many lines as the header; the table ends where a row does not."""
    out: list = []
    pos = 0
    for m in _TT_LINE.finditer(text):
        if m.start() < pos:
            continue
        start, eol = m.start() + (text[m.start()] == "\n"), m.end()
        titles: list[str] = []
        line_start = eol + 1
        while len(titles) < MAX_LINE_COLUMNS:
            line_end = text.find("\n", line_start)
            if line_end < 0:
                break
            title = text[line_start:line_end].strip()
            if not title or title == "1" or len(title) > 40:
                break
            titles.append(title)
            line_start = line_end + 1
        if text[line_start:text.find("\n", line_start)].strip() != "1" or len(titles) < 2:
            continue
        lead = next((i + 1 for i, t in enumerate(titles) if _LINE_LEAD_COLUMN.fullmatch(t)), None)
        coop = next((i + 1 for i, t in enumerate(titles) if _LINE_COOP_COLUMN.fullmatch(t)), None)
        if lead is None:
            continue
        width = len(titles) + 1
        rows: list[list[tuple[int, int]]] = []
        end = line_start
        while True:
            cells, cursor = [], end
            for _ in range(width):
                nl = text.find("\n", cursor)
                nl = len(text) if nl < 0 else nl
                if cursor >= len(text) or not text[cursor:nl].strip():
                    break
                cells.append((cursor, nl))
                cursor = nl + 1
            if len(cells) < width or text[cells[0][0]:cells[0][1]].strip() != str(len(rows) + 1):
                break
            rows.append(cells)
            end = cursor
        if rows:
            out.append((start, end, lead, coop, rows))
            pos = end
    return out


_GAP = re.compile(r"[ ]{2,}")
_GAP_HEAD_LINE = re.compile(r"^(?=[^\n]*  )[^\n]*(?:chủ\s+trì|thực\s+hiện|phụ\s+trách)[^\n]*$", re.M | re.I)
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n|$)")
_TIME_COLUMN = re.compile(r"(?:thời\s+(?:gian|hạn)|tiến\s+độ|hạn)(?:\s+(?:hoàn\s+thành|thực\s+hiện|báo\s+cáo))?", re.I)


def _gap_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a line laid out with spaces (a PDF's table: two spaces or more between cells)."""
    spans, pos = [], start
    while pos < end and text[pos] == " ":
        pos += 1
    for sep in _GAP.finditer(text, pos, end):
        spans.append((pos, sep.start()))
        pos = sep.end()
    if pos < end and text[pos:end].strip():
        spans.append((pos, end))
    return spans


def gap_tables(text: str) -> list[tuple[int, int]]:
    """Task tables laid out with spaces, as a PDF's text layer gives them: a header line of three cells or more, one a
    lead column ("Đơn vị chủ trì") and one a time column ("Thời gian"), and the lines under it up to a blank line.
    (start, end) of each."""
    tables = []
    end = -1
    for head in _GAP_HEAD_LINE.finditer(text):  # only lines naming a lead column can head such a table
        a, b = head.span()
        if a <= end:
            continue
        heads = [" ".join(text[x:y].split()) for x, y in _gap_cells(text, a, b)]
        # a lead column and a time column: a plan's tasks (a procedure's steps, "Bộ phận thực hiện" beside "Ghi
        # chú", tell roles, not tasks with a time)
        if len(heads) >= 3 and any(_LEAD_COLUMN.fullmatch(h) for h in heads) \
                and any(_TIME_COLUMN.fullmatch(h) for h in heads):
            blank = _BLANK_LINE.search(text, b)
            end = blank.start() if blank else len(text)
            tables.append((a, end))
    return tables


def flatten(body: str) -> str:
    """Lines joined into paragraphs (same length, so offsets stay valid): PDF and web text wrap mid-sentence. A
    blank line ends a paragraph, a table's row (cells between pipes or tabs) stays a line of its own, and so does a
    unit's numbered heading over its task ("2. Phòng Văn hóa và Thông tin" / "Hướng dẫn các cơ quan ...")."""
    rows = "|" in body or "\t" in body
    kept = [(a - 1, b) for a, b, *_ in line_tables(body)] if "TT\n" in body else []
    if "  " in body:
        kept += [(a - 1, b) for a, b in gap_tables(body)]  # a table laid out with spaces keeps its lines

    def join(m: re.Match) -> str:
        if any(a <= m.start() < b for a, b in kept):
            return "\n"  # a table written one cell per line keeps its lines
        before = body.rfind("\n", 0, m.start()) + 1
        if rows:
            after = body.find("\n", m.end())
            if is_row(body, before, m.start()) or is_row(body, m.end(), len(body) if after < 0 else after):
                return "\n"
        nxt = body[m.end():m.end() + 40].lstrip(" \t")[:1]  # past the next line's indent
        if nxt.isupper() and _heading_line(body, before, m.start()):
            return "\n"
        if nxt.isupper() and _ADDRESS_LINE.match(body, before, m.start()) and not JOINS.search(body, before, m.start()):
            return "\n"  # "Kính gửi: Ban X các xã" / "Ban X huyện tổ chức ...": the addressees, then the body
        return " "

    return _FLAT_BREAK.sub(join, body)


# ------------------------------------------------------------------------------------------------- units
# Each of these patterns opens with a look-ahead on the first letters of its matches ("(?=[GgĐđYy])"): the engine passes
# over other positions at once instead of trying the look-behinds at each (twice as fast over a letter's body).
_LEAD_TRIGGERS = re.compile(
    r"(?=[GgĐđYy])"
    r"(?<!\w)(?:(?<!được )(?<!bàn )[Gg]iao(?:\s+cho)?|[Đđ]ề\s+nghị|[Yy]êu\s+cầu|[Đđ]ơn\s+vị\s+(?:chủ\s+trì|thực\s+hiện|báo\s+cáo)\s*:)\s+"
)
_COOP_TRIGGERS = re.compile(r"(?=[PpĐđ])"
                            r"(?<!\w)(?:[Pp]hối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+với)?|[Đđ]ơn\s+vị\s+phối\s+hợp\s*:)\s+")
_ITEM_START = re.compile(r"(?:^|\n)[ \t]{0,40}(?:[-–•*+]|\d{1,2}[.)]|[a-zđ]\))[ \t]{0,3}(?:Giao\s+)?")
# (a run of blanks is tried from its first one only: linear on a page of blanks)
_DUTY = re.compile(r"(?<!\s)\s+(?:có\s+trách\s+nhiệm|chủ\s+trì|phối\s+hợp)(?!\w)")
_NOT_TASK = re.compile(r"chịu\s+trách\s+nhiệm\s+thi\s+hành")


@dataclass
class Assignments:
    lead: list[Hit] = field(default_factory=list)
    cooperating: list[Hit] = field(default_factory=list)


def _units_at(flat: str, pos: int) -> list[Hit]:
    span = unitnames.bound(flat, pos)
    if not span:
        return []
    start, end = span
    return [Hit(flat[start + a:start + b], start + a, start + b, 0.7) for a, b in unitnames.split_units(flat[start:end])
            if len(flat[start + a:start + b].split()) <= 25 and not unitnames.is_bare(flat[start + a:start + b])]


# What follows a unit list when the unit is asked to help rather than lead: "đề nghị X phối hợp ...", "X chủ động
# phối hợp thực hiện", "X căn cứ kế hoạch này, khi có thông báo phối hợp ...". "chủ trì, phối hợp" is a lead's.
_COOP_VERB = re.compile(
    r"[ \t]{0,3}(?:căn\s+cứ\s[^,.;\n]{0,80},\s{0,3})?(?:khi\s[^,.;\n]{0,60}?\s)?"
    r"(?:(?:chủ\s+động|tích\s+cực|thường\s+xuyên|tiếp\s+tục|có\s+trách\s+nhiệm)\s+)?phối\s+(?:kết\s+)?hợp(?!\w)"
)
# "phối hợp (chặt chẽ) với <unit>" / "phối hợp <unit>": the unit after it is the partner being helped.
_PARTNER = re.compile(r"\s{0,3}(?:chặt\s+chẽ\s+)?(?:với\s+)?")
# Handing a draft or a plan to units "to cooperate": "gửi đến các cơ quan, đơn vị phối hợp góp ý".
_SEND_TO = re.compile(r"(?=[Gg])(?<!\w)[Gg]ửi\s+(?:đến|tới|cho)\s+")
# The closing formula "nếu có khó khăn, vướng mắc, đề nghị X phản ánh về ..." asks for feedback, not a task.
_IF_TROUBLE = re.compile(r"(?:[Nn]ếu|[Tt]rường\s+hợp|[Qq]uá\s+trình)[^.;\n]{0,120}(?:khó\s+khăn|vướng\s+mắc)[^.;\n]{0,40}$")
# A plan's duty section: "IV. TỔ CHỨC THỰC HIỆN", "PHÂN CÔNG NHIỆM VỤ", "TRÁCH NHIỆM CỦA CÁC CƠ QUAN".
_DUTY_SECTION = re.compile(
    r"(?:^|\n)[ \t]{0,20}(?:[IVX]{1,4}|\d{1,2})[.)][ \t]{0,3}(?:TỔ\s+CHỨC\s+THỰC\s+HIỆN|PHÂN\s+CÔNG|TRÁCH\s+NHIỆM|"
    r"NHIỆM\s+VỤ\s+CỤ\s+THỂ|Tổ\s+chức\s+thực\s+hiện)"
)
# A numbered heading of a plan or a letter that is only a unit's name; its duties follow as items below it.
# "Trách nhiệm của", "Nhiệm vụ của", "Đối với" may come before the name.
_DUTY_OF = re.compile(r"(?:[Tt]rách\s+nhiệm\s+của|[Nn]hiệm\s+vụ\s+của|[Đđ]ối\s+với)[ \t]+")
_HEADING = re.compile(r"(?:^|\n)[ \t]{0,20}(?:\d{1,2}(?:\.\d{1,2})?[.)]|[a-zđ]\))[ \t]{1,3}")
_SUB_ITEM = re.compile(r"\n(?:[ \t]*\n)?[ \t]{0,20}(?:[-–•+*]|[a-zđ]\)|\d{1,2}\.\d{1,2}\.?)[ \t]{0,3}")


# The closing exhortation "Đề nghị X nghiêm túc thực hiện", "... quan tâm, phối hợp thực hiện", "... nghiêm túc triển
# khai;" gives no task of its own: a unit named there and as
# cooperating in the body stays cooperating, and a collective named there ("các sở, ngành") adds nothing when
# named units were given tasks.
_GENERIC_EXECUTION = re.compile(
    r"\s{0,3}(?:(?:quan\s+tâm|nghiêm\s+túc|khẩn\s+trương|tích\s+cực|phối\s+hợp)\s*,?\s+){0,3}"
    r"(?:(?:triển\s+khai|tổ\s+chức)(?:\s*,?\s+thực\s+hiện)?|thực\s+hiện)"
    r"(?:\s+(?:tốt|nghiêm|nghiêm\s+túc|có\s+hiệu\s+quả|đầy\s+đủ))?"
    r"(?:\s+(?:kế\s+hoạch|công\s+văn|văn\s+bản|chỉ\s+thị|thông\s+báo)\s+này|\s+(?:các\s+)?nội\s+dung\s+(?:nêu\s+)?trên)?"
    r"(?:\s+(?:đúng|theo)\s+(?:thời\s+hạn|quy\s+định|tiến\s+độ))?"
    r"\s*(?:[.,;]|$)"
)
WEAK = 0.5
_WEAK = WEAK
# A unit read from a plan's task table or from a duty section's sentence without a list mark rather than from a
# sentence that assigns the task: the reading the clerk should compare with the plan.
STRUCTURAL = 0.68


# Parties named by their role rather than their name, as comments on a draft and investment letters address them:
# "đề nghị cơ quan soạn thảo xem xét", "yêu cầu chủ đầu tư khẩn trương hoàn thiện hồ sơ".
_ROLE = re.compile(
    r"(?:(?:cơ\s+quan|đơn\s+vị)\s+(?:chủ\s+trì\s+)?soạn\s+thảo|[Bb]an\s+soạn\s+thảo|[Tt]ổ\s+biên\s+tập|"
    r"(?:[Cc]ác\s+)?chủ\s+đầu\s+tư|[Cc]hủ\s+đầu\s+tư|(?:cơ\s+quan|đơn\s+vị)\s+chủ\s+quản)(?!\w)"
)


def _role_at(flat: str, pos: int) -> list[Hit]:
    m = _ROLE.match(flat, pos)
    if not m or not unitnames.ACTION_RE.match(flat, m.end()):
        return []
    return [Hit(m.group(), m.start(), m.end(), 0.6)]


def _helps(flat: str, end: int) -> re.Match | None:
    """The "phối hợp" right after a unit list when the units are asked to help, else None."""
    return _COOP_VERB.match(flat, end)


def _helps_alone(flat: str, end: int) -> bool:
    """A clause "X ... phối hợp <task>" with no partner named: X helps. With a partner ("X phối hợp với Y <task>"),
    X does the task and Y helps."""
    verb = _helps(flat, end)
    return bool(verb) and not unitnames.head_at(flat, _PARTNER.match(flat, verb.end()).end())


# A decision's article on a body's duties: "Điều 2. Nhiệm vụ của Tổ công tác" over the duties.
_ARTICLE_DUTIES = re.compile(r"(?:^|\n)[ \t]{0,20}Điều[ \t]{1,3}\d{1,2}[.:][ \t]{0,3}(?:[Nn]hiệm\s+vụ|[Tt]rách\s+nhiệm)"
                             r"(?:\s*,\s*quyền\s+hạn)?\s+của[ \t]+")


def _heading_units(flat: str, sections: list[int]) -> list[Hit]:
    """"2. Văn phòng Ủy ban nhân dân tỉnh" alone on its line, then "a) Khẩn trương ..." items: the unit leads them.
    ``sections``: where the duty sections of ``flat`` start (``_duty_sections``)."""
    out: list[Hit] = []
    for m in _ARTICLE_DUTIES.finditer(flat):
        eol = flat.find("\n", m.end())
        line_end = len(flat[:eol if eol >= 0 else len(flat)].rstrip(" \t:."))
        units = _units_at(flat, m.end())
        if units and units[-1].end >= line_end:
            out.extend(units)
    for m in _HEADING.finditer(flat):
        pos = m.end()
        duty_of = _DUTY_OF.match(flat, pos)
        if duty_of:  # "1. Trách nhiệm của Sở Y tế" / "2. Đối với Ủy ban nhân dân các huyện"
            pos = duty_of.end()
        eol = flat.find("\n", pos)
        if eol < 0:
            continue
        line = flat[pos:eol].rstrip(" \t:.")
        if not line or line[-1] in ";,":
            continue
        units = _units_at(flat, pos)
        if not units or units[-1].end < pos + len(line):
            continue  # the line goes on past the names: a sentence, not a heading
        item = _SUB_ITEM.match(flat, eol)
        in_duty_section = any(s <= pos for s in sections)
        first = (flat[item.end():item.end() + 60] if item else flat[eol + 1:eol + 61]).lstrip(" \t")
        acts = bool(unitnames.ACTION_RE.match(first[:1].lower() + first[1:]))
        if not item and not acts:
            continue  # the task may follow as a sentence of its own: "Hướng dẫn các ...", "Xây dựng kế hoạch ..."
        if acts or in_duty_section:
            out.extend(units)
    return out


# "Quý Ủy ban", "Quý cơ quan", "Quý Sở": the letter's addressees, asked politely.
_ADDRESSEE = re.compile(r"Quý\s+(?:[Ủủ]y\s+ban|[Uu]ỷ\s+ban|cơ\s+quan|[Đđ]ơn\s+vị|Sở|Bộ|Cục|Ban|Hội|Trường|Phòng|"
                        r"Văn\s+phòng|UBND|Công\s+ty|Ngân\s+hàng)(?!\w)")
# A task quoted from another document: "Thực hiện Công văn số ... với nội dung yêu cầu Sở X chủ trì ...", "Công văn
# số ... về việc giao Sở X ...", "đã giao Sở X ...".
_QUOTED_TASK = re.compile(r"(?:nội\s+dung|về\s+việc|theo\s+đó|trong\s+đó|đã|đã\s+được|đã\s+có\s+văn\s+bản)\s+$", re.I)
# A list of participants ("Thành phần mời dự:", "1. Thành phần:") names who attends, not who does what.
_PARTICIPANTS = re.compile(r"(?:^|\n)[ \t]{0,20}(?:(?:\d{1,2}|[IVX]{1,4}|[a-zđ])[.)][ \t]{0,3})?(?:Thành\s+phần|THÀNH\s+PHẦN)"
                           r"[^\n]{0,40}")
_NEXT_SECTION = re.compile(r"\n[ \t]{0,20}(?:\d{1,2}|[IVX]{1,4})[.)][ \t]")


# "Phòng X là cơ quan thường trực của Tổ công tác, chủ trì, ...": the unit's standing role between it and its duty.
_STANDING_ROLE = re.compile(r"\s+là\s+(?:cơ\s+quan|đơn\s+vị)\s+(?:thường\s+trực|đầu\s+mối|chủ\s+trì|tham\s+mưu)[^,.;\n]{0,80},?")
_SENTENCE_START = re.compile(r"(?:\n|(?<=[.;:])[ \t])[ \t]*(?:[-–•*+][ \t]*|\d{1,2}(?:\.\d{1,2})*[.)][ \t]*|[a-zđ]\)[ \t]*)?")
_DUTY_VERB = re.compile(unitnames.ACTION_RE.pattern + r"|\s*(?:giúp|là\s+cơ\s+quan\s+thường\s+trực)(?!\w)")
_SECTION_END = re.compile(r"\n[ \t]{0,20}[IVX]{1,4}[.)][ \t]|\n[ \t]{0,20}(?:Nơi\s+nhận|NƠI\s+NHẬN)")


def _skip_blank(flat: str, pos: int) -> int:
    while pos < len(flat) and flat[pos] in " \t\n":
        pos += 1
    return pos


# A request that lists its tasks below it, one paragraph each: "Sở Y tế yêu cầu:", "... đề nghị các đơn vị thực hiện
# một số nội dung sau:".
# ("Xét đề nghị của ...:" over "QUYẾT ĐỊNH:" is a ground.)
_REQUEST_BLOCK = re.compile(r"(?<!\w)(?<![Xx]ét\s)(?<![Tt]heo\s)(?:yêu\s+cầu|đề\s+nghị|giao\s+nhiệm\s+vụ)(?!\s+của)"
                            r"(?:\s[^\n:]{0,80})?\s{0,2}:[ \t]*\n")


def _duty_sections(flat: str) -> list[tuple[int, int]]:
    """Spans of a plan's duty sections ("IV. TỔ CHỨC THỰC HIỆN" to the next Roman-numbered section), and of the
    paragraphs under a request that lists its tasks ("Sở Y tế yêu cầu:")."""
    spans = []
    for m in itertools.chain(_DUTY_SECTION.finditer(flat), _REQUEST_BLOCK.finditer(flat)):
        nxt = _SECTION_END.search(flat, m.end())
        spans.append((m.end(), nxt.start() if nxt else len(flat)))
    return sorted(spans)


# A task of a cited document, in the same clause as its number: "Căn cứ Quyết định số 12/QĐ-UBND ngày 02/01/2025 của
# Ủy ban nhân dân tỉnh giao Sở X ...", "nhận được Công văn số 55/SYT ngày ... của Sở Y tế đề nghị ...". The letter's
# own request comes after a comma: "Thực hiện Công văn số ..., Sở Y tế đề nghị ...".
_CITED_DOC = re.compile(r"(?<!\w)số\s{0,3}:?\s{0,3}\d{1,6}(?:/\d{4})?/[A-ZĐ][^\s,;]*[^,;:\n]{0,120}$")
_QUOTE = re.compile(r"“[^“”]{0,800}”|\"[^\"\n]{0,400}\"")


class _Spans:
    """Spans of text looked up by position in O(log n): quotations (sorted) and quoted tasks (added in order)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.lists: tuple[list[tuple[int, int]], list[tuple[int, int]]] = (sorted(spans), [])

    def add(self, start: int, end: int) -> None:
        self.lists[1].append((start, end))  # callers add in increasing order of start

    def __contains__(self, pos: int) -> bool:
        for spans in self.lists:
            i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
            if any(spans[j][0] <= pos < spans[j][1] for j in range(i, max(-1, i - 3), -1)):
                return True
        return False


def _quotations(flat: str) -> list[tuple[int, int]]:
    """Spans of quoted text ("... tại Công văn số ...: “Sở Y tế chủ trì ...”"): another document's words."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(flat)]


# A plan's task table: a header row with a "chủ trì" column (and often a "phối hợp" one), cells between pipes or
# tabs; each row below gives its lead and cooperating units in those columns.
_CELL_SPLIT = re.compile(r"(?:(?<![ \t])[ \t]+)?(?:\||\t+)[ \t]*")  # blanks before a bar taken from their first
_LEAD_COLUMN = re.compile(r"(?:(?:đơn\s+vị|cơ\s+quan|bộ\s+phận)\s+)?(?:chủ\s+trì|thực\s+hiện|phụ\s+trách)"
                          r"(?:\s+thực\s+hiện)?", re.I)
_TASK_COLUMN = re.compile(r"(?:nhiệm\s+vụ|công\s+việc|nội\s+dung(?:\s+(?:công\s+việc|nhiệm\s+vụ|thực\s+hiện))?)"
                          r"(?:\s+(?:cụ\s+thể|được\s+giao))?", re.I)
_WHO_COLUMN = re.compile(r"(?:bộ\s+phận|đơn\s+vị|cơ\s+quan|người|cá\s+nhân|tổ|phòng|ban|trách\s+nhiệm)"
                         r"(?:\s+(?:thực\s+hiện|phụ\s+trách|chịu\s+trách\s+nhiệm|được\s+giao))?", re.I)
_SCHEDULE_COLUMN = re.compile(r"địa\s+điểm|thành\s+phần(?:\s+dự|\s+tham\s+dự)?", re.I)
_COOP_COLUMN = re.compile(r"(?:(?:đơn\s+vị|cơ\s+quan|bộ\s+phận)\s+)?phối\s+hợp(?:\s+thực\s+hiện)?", re.I)


def _cells(flat: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for sep in _CELL_SPLIT.finditer(flat, start, end):
        spans.append((pos, sep.start()))
        pos = sep.end()
    spans.append((pos, end))
    if flat[start:spans[0][1]].strip() == "":
        spans = spans[1:]  # a row that opens with a pipe
    if spans and flat[spans[-1][0]:spans[-1][1]].strip() == "":
        spans = spans[:-1]
    return spans


def _table_units(flat: str) -> tuple[list[Hit], list[Hit]]:
    lead: list[Hit] = []
    coop: list[Hit] = []
    columns: tuple[int, int | None, int] | None = None  # (lead column, cooperating column, cells in a row)
    gapped = gap_tables(flat) if "  " in flat else []
    for row_start, row_end in _lines(flat):
        if is_row(flat, row_start, row_end):
            cells = _cells(flat, row_start, row_end)
        elif any(a <= row_start <= b for a, b in gapped):
            cells = _gap_cells(flat, row_start, row_end)
        else:
            continue
        texts = [" ".join(flat[a:b].split()) for a, b in cells]
        lead_col = next((i for i, t in enumerate(texts) if _LEAD_COLUMN.fullmatch(t)), None)
        if lead_col is None and any(_TASK_COLUMN.fullmatch(t) for t in texts):
            # "| Bộ phận | Nhiệm vụ | Thời hạn |": the column beside the tasks names who does them
            lead_col = next((i for i, t in enumerate(texts) if _WHO_COLUMN.fullmatch(t)), None)
        if lead_col is not None and any(_SCHEDULE_COLUMN.fullmatch(t) for t in texts):
            columns = None  # a schedule ("Ngày | Thời gian | Nội dung | Chủ trì | Địa điểm"): who chairs, not a task
            continue
        if lead_col is not None:
            coop_col = next((i for i, t in enumerate(texts) if _COOP_COLUMN.fullmatch(t)), None)
            columns = (lead_col, coop_col, len(cells))
            continue
        if columns is None or len(cells) != columns[2]:
            continue
        for col, out in ((columns[0], lead), (columns[1], coop)):
            if col is None:
                continue
            a, b = cells[col]
            cell = flat[a:b]
            span = unitnames.bound(cell, 0)
            if span:
                out.extend(Hit(cell[x:y], a + x, a + y, STRUCTURAL) for x, y in unitnames.split_units(cell[:span[1]])
                           if not unitnames.is_bare(cell[x:y]))
    return lead, coop


def _sentence_end(flat: str, pos: int, *, clause: bool = True) -> int:
    """Where the sentence at ``pos`` ends: its full stop or its line's end, and with ``clause`` a ";" too."""
    ends = [i for i in (flat.find(". ", pos), flat.find(";", pos) if clause else -1, flat.find("\n", pos)) if i >= 0]
    return min(ends) if ends else len(flat)


# A unit's role in parentheses between its name and its task, or "theo chức năng, nhiệm vụ (được giao)".
_ASIDE = re.compile(r"[ \t]{0,3}\([^()\n]{1,160}\)|,?[ \t]{1,3}theo\s+(?:chức\s+năng|thẩm\s+quyền)(?:\s*,?\s*nhiệm\s+vụ)?"
                    r"(?:\s+(?:được\s+giao|của\s+(?:mình|ngành|đơn\s+vị)))?,?")
# A time or condition an item opens with, before the unit and its task.
_OPENING_CLAUSE = re.compile(r"(?:Trong\s+(?:thời\s+gian|khi|quá\s+trình)|Trước\s+mắt|Sau\s+khi|Khi|Trường\s+hợp|Đối\s+với)"
                             r"[^,.;:\n]{0,100},[ \t]{1,3}"
                             # the matter an item of a conclusion answers: "3. Về đề nghị sử dụng trụ sở ...: UBND tỉnh ..."
                             r"|Về\s[^.;:\n]{2,160}:[ \t]{1,3}")
_LIST_SEMICOLON = re.compile(r"[ \t]*;[ \t]*\n?[ \t]*")
_NEXT_CLAUSE = re.compile(r";[ \t]+(?=[" + UPPER + r"])")


_PLURAL_OF = re.compile(r"[Cc]ác\s+[A-ZĐ]\w{0,8}")
# "đề nghị các đơn vị xem xét, trả lời ...", "Các phòng gửi tài liệu ...": the bare plural of a word for any body
# points back at the units the letter has named, and names no other.
_ANAPHOR = re.compile(r"[Cc]ác\s+(?:cơ\s+quan,\s+đơn\s+vị|đơn\s+vị,\s+địa\s+phương|đơn\s+vị|cơ\s+quan|phòng|địa\s+phương)"
                      r"(?:\s+(?:trên|nêu\s+trên|này|được\s+giao|được\s+mời|có\s+tên\s+(?:nêu\s+)?trên))?")
_DIRECTS = re.compile(r"\s*[Cc]hỉ\s+đạo(?:\s+cho)?\s+")


def _shared_out(flat: str, hit: Hit, leads: list[Hit]) -> bool:
    """Whether the sentence of ``hit`` ends in a colon and units named in the next lines lead items of their own."""
    colon = flat.find(":", hit.end, min(_sentence_end(flat, hit.end), hit.end + 100))
    return colon >= 0 and any(colon < h.start < colon + 800 and not _ANAPHOR.fullmatch(h.value) for h in leads)


def _told_to_lead(flat: str, pos: int) -> list[Hit]:
    """The units a "chỉ đạo X chủ trì" at ``pos`` tells to lead: X, when "chủ trì" follows its name."""
    directs = _DIRECTS.match(flat, pos)
    directed = _units_at(flat, directs.end()) if directs else []
    if directed and re.match(r"\s*chủ\s+trì", flat[directed[-1].end:directed[-1].end + 12]):
        return directed
    return []
# "Theo đề nghị của ...", "Xét đề nghị ...", "theo yêu cầu ...": the request of another, not this letter's task (a
# "theo" further back, as in "... theo mẫu.\n- Đề nghị X ...", is another sentence's).
_ON_REQUEST = re.compile(r"(?<!\w)(?:theo|xét)(?:\s+(?:như|các|những))?\s*$")


def _participant_spans(flat: str) -> list[tuple[int, int]]:
    spans = []
    for m in _PARTICIPANTS.finditer(flat):
        nxt = _NEXT_SECTION.search(flat, m.end())
        spans.append((m.start(), nxt.start() if nxt else len(flat)))
    return spans


# Letters whose sentences assign: "Sở Tài chính cấp phát kinh phí" in these is a task, in a báo cáo it is a report.
ASSIGNING = INVITATION_TYPES | {"Quyết định"}
# A duty the letter explains from a law, citing its point or clause: the law's allocation, not this letter's task.
_LAW_DUTY = re.compile(r"theo\s+quy\s+định\s+tại\s+(?:điểm|khoản)\s")
_ARTICLE = re.compile(r"Điều[ \t]{1,3}\d{1,2}[.:][ \t]{0,3}")


def find_assignments(flat: str, base: int = 0, addressees: list[str] | tuple = (), assigns: bool = False) -> Assignments:
    """Lead and cooperating units of the tasks in ``flat``. ``assigns``: the letter (a giấy mời, a quyết định)
    assigns tasks, so a sentence that opens with a unit and a task verb gives the unit that task; a báo cáo or a
    tờ trình telling what units do does not."""
    found = Assignments()
    partners: set[int] = set()  # where a "phối hợp" names the unit being helped, not a cooperating one
    quoted = _Spans(_quotations(flat))  # another document's words: quotations, its tasks to their sentence's end
    courtesy: set[int] = set()  # "đề nghị Quý đơn vị quan tâm thực hiện": the addressees, thanked at the close

    def sort(units: list[Hit], lead: bool = True) -> None:
        """Units asked to "phối hợp" are cooperating; the unit after that "phối hợp" is the one they help."""
        verb = _helps(flat, units[-1].end)
        if verb:
            found.cooperating.extend(units)
            partners.add(verb.end())
        elif lead:
            found.lead.extend(units)

    for m in _LEAD_TRIGGERS.finditer(flat):
        before = flat[max(0, m.start() - 16):m.start()].lower()
        if _ON_REQUEST.search(before) or before.rstrip().endswith("nhiệm vụ"):
            continue
        sentence_start = max(flat.rfind(c, 0, m.start()) for c in ("\n", ".", ";")) + 1
        if _IF_TROUBLE.search(flat, max(sentence_start, m.start() - 200), m.start()):
            continue
        if m.start() in quoted:
            continue
        if _QUOTED_TASK.search(flat, max(sentence_start, m.start() - 30), m.start()) or \
                _CITED_DOC.search(flat, max(sentence_start, m.start() - 160), m.start()):
            quoted.add(m.start(), _sentence_end(flat, m.end()))
            continue
        polite = _ADDRESSEE.match(flat, m.end())
        if polite and addressees:
            units = [Hit(name, m.end(), polite.end(), 0.6) for name in addressees]
        else:
            units = _units_at(flat, m.end()) or _role_at(flat, m.end())
        if not units:
            continue
        for _ in range(6):  # "đề nghị các cơ quan, đơn vị của Trung ương; các sở, ban, ngành ... treo cờ": one list
            semi = _LIST_SEMICOLON.match(flat, units[-1].end)
            more = _units_at(flat, semi.end()) if semi else []
            if not more:
                break
            units = units + more
        after = flat[units[-1].end:units[-1].end + 40]
        if re.match(r"\s*(?:của|tại|về)\b", after):
            continue  # "đề nghị của X": X is asking, not asked
        if _GENERIC_EXECUTION.match(flat, units[-1].end):
            for hit in units:
                hit.confidence = _WEAK  # "đề nghị X nghiêm túc thực hiện": X's role is the one given above
            if polite:
                courtesy.update(id(h) for h in units)
        sort(units)
        # "Giao Phòng X chủ trì, phối hợp với Phòng Y thẩm định hồ sơ; Phòng Y tham mưu bố trí kinh phí.": the clause
        # after ";" that opens with a unit and a task verb gives that unit a task of the same request
        for clause in _NEXT_CLAUSE.finditer(flat, units[-1].end, _sentence_end(flat, units[-1].end, clause=False)):
            more = _units_at(flat, clause.end())
            if more and unitnames.ACTION_RE.match(flat, more[-1].end) and not _helps(flat, more[-1].end):
                found.lead.extend(more)
        # "đề nghị Quý Ủy ban chỉ đạo Sở X chủ trì, ...": the unit told to lead leads too.
        found.lead.extend(_told_to_lead(flat, units[-1].end))
    for m in _SEND_TO.finditer(flat):
        units = _units_at(flat, m.end())
        if units:
            sort(units, lead=False)
    participants = _Spans(_participant_spans(flat))
    for m in _ITEM_START.finditer(flat):
        pos = m.end()
        if pos in participants:
            continue
        if _DIRECTS.match(flat, pos):  # "1. Chỉ đạo Sở X chủ trì, phối hợp ...", as in "X chỉ đạo Y chủ trì"
            found.lead.extend(_told_to_lead(flat, pos))
            continue
        units = _units_at(flat, pos) or _role_at(flat, pos)  # "3. Các chủ đầu tư lập kế hoạch ..."
        if not units:
            opening = _OPENING_CLAUSE.match(flat, pos)  # "4. Trong thời gian chưa thi công, Công ty X bố trí ..."
            units = _units_at(flat, opening.end()) if opening else []
        if not units:
            continue
        after = units[-1].end
        aside = _ASIDE.match(flat, after)  # "5. Sở X (cơ quan thường trực Ban Chỉ huy ...) theo dõi ...": its role
        rest = flat[aside.end() if aside else after:(aside.end() if aside else after) + 60]
        colon = re.match(r"\s*:\s*", rest)
        if colon:  # "c) Sở Thông tin và Truyền thông: Đảm bảo ..." — the unit, then its task on the same line
            rest = rest[colon.end():colon.end() + 1].lower() + rest[colon.end() + 1:]
        if not unitnames.ACTION_RE.match(rest):
            continue  # a list of names (Kính gửi, Nơi nhận, thành phần), not a task
        if _helps_alone(flat, units[-1].end):
            found.cooperating.extend(units)  # "X chủ động phối hợp thực hiện": X helps
        else:
            found.lead.extend(units)  # "X phối hợp với Y <task>": X does the task with Y's help
    duty_sections = _duty_sections(flat)
    found.lead.extend(_heading_units(flat, [a for a, _ in duty_sections]))
    for _, _, lead_col, coop_col, rows in line_tables(flat) if "TT\n" in flat else ():
        for cells in rows:
            for col, out in ((lead_col, found.lead), (coop_col, found.cooperating)):
                if col is None:
                    continue
                a, b = cells[col]
                span = unitnames.bound(flat[:b], a)
                if span:
                    out.extend(Hit(flat[a + x:a + y], a + x, a + y, STRUCTURAL)
                               for x, y in unitnames.split_units(flat[a:span[1]])
                               if not unitnames.is_bare(flat[a + x:a + y]))
    if "|" in flat or "\t" in flat or "  " in flat:
        table_lead, table_coop = _table_units(flat)
        found.lead.extend(table_lead)
        found.cooperating.extend(table_coop)
    # In a plan's duty section a sentence that starts with a unit's name and a task verb gives the unit its task
    # even without a list mark: "Sở Nội vụ giúp Ủy ban nhân dân tỉnh theo dõi, đôn đốc ...".
    read_at = {h.start for h in found.lead + found.cooperating}
    for a, b in duty_sections:
        first = _skip_blank(flat, a)
        for pos in itertools.chain((first,), (m.end() for m in _SENTENCE_START.finditer(flat, first, b))):
            if pos in read_at:
                continue  # read above as a list item
            units = _units_at(flat, pos)
            if not units or not _DUTY_VERB.match(flat, units[-1].end):
                continue
            for hit in units:
                hit.confidence = STRUCTURAL
            if _helps_alone(flat, units[-1].end):
                found.cooperating.extend(units)
            else:
                found.lead.extend(units)
    if assigns:
        # A giấy mời or a quyết định assigns in plain sentences that open with the unit and its task, no "giao" /
        # "đề nghị" before it: "...; Ban Quản lý dự án báo cáo tiến độ", "Sở Tài chính cấp phát kinh phí".
        read_at = {h.start for h in found.lead + found.cooperating}
        for m in _SENTENCE_START.finditer(flat):
            pos = m.end()
            article = _ARTICLE.match(flat, pos)
            if article:
                pos = article.end()
            if pos in read_at or pos in quoted or pos in participants:
                continue
            units = _units_at(flat, pos)
            if not units:
                continue
            end = units[-1].end
            if not unitnames.ACTION_RE.match(flat, end) or _NOT_TASK.match(flat, _skip_blank(flat, end)):
                continue
            if _helps_alone(flat, end):
                found.cooperating.extend(units)
            else:
                found.lead.extend(units)
    for m in _DUTY.finditer(flat):
        if _NOT_TASK.match(flat, m.start() + 1) or m.start() in quoted:
            continue
        # "X có trách nhiệm / X chủ trì": X starts the clause
        clause_start = max(flat.rfind(c, 0, m.start()) for c in ("\n", ".", ";", ":"))
        pos = clause_start + 1
        while pos < m.start() and flat[pos] in " \t-–•*+0123456789.)":
            pos += 1
        if re.match(r"(?:Điều\s+\d+\.?\s*)", flat[pos:]):
            pos += re.match(r"(?:Điều\s+\d+\.?\s*)", flat[pos:]).end()
        if re.match(r"(?:Giao|giao|Đề nghị|đề nghị|Yêu cầu|yêu cầu)\s", flat[pos:]):
            continue
        units = _units_at(flat, pos)
        if _LAW_DUTY.search(flat, m.end(), min(_sentence_end(flat, m.end()), m.end() + 300)):
            continue  # "X có trách nhiệm đo đạc ... theo quy định tại điểm a khoản 2 Điều 75 ...": the law's duty
        if units and (units[-1].end >= m.start() - 1 or _STANDING_ROLE.fullmatch(flat, units[-1].end, m.start())):
            if _helps_alone(flat, units[-1].end):
                found.cooperating.extend(units)
            else:
                found.lead.extend(units)
            # "X có trách nhiệm chỉ đạo ...; Thủ trưởng các cơ quan, đơn vị chỉ đạo ...": the next clause's unit too
            for clause in _NEXT_CLAUSE.finditer(flat, m.end(), _sentence_end(flat, m.end(), clause=False)):
                more = _units_at(flat, clause.end())
                if more and unitnames.ACTION_RE.match(flat, more[-1].end) and not _helps(flat, more[-1].end):
                    found.lead.extend(more)
    for m in _COOP_TRIGGERS.finditer(flat):
        if m.start() in quoted:
            continue  # "... với nội dung yêu cầu Sở X chủ trì, phối hợp với Y": another document's task
        if re.search(r"(?<!\w)(?:để|nhằm|đã|sẽ|đã\s+chủ\s+động|sau\s+khi)\s+$", flat[max(0, m.start() - 16):m.start()]):
            continue  # "để phối hợp với X": the writer's purpose; "đã phối hợp với X": a report of what was done;
            # "(quá hạn,) ... sẽ phối hợp với X": what the writer will do, not a task given
        if any(m.start() <= p <= m.end() for p in partners):
            continue  # "đề nghị X phối hợp với Y": Y is helped, X cooperates
        units = _units_at(flat, m.end())
        found.cooperating.extend(units)
    # "đề nghị các Sở gửi báo cáo ..." in a letter to "Sở Lao động ... các tỉnh": the plural of a lead's head word
    # names the leads again, not another unit.
    if any(h.confidence > _WEAK for h in found.lead):  # the addressees were given their tasks by name above
        found.lead = [h for h in found.lead if id(h) not in courtesy]
    heads = {h.value.split()[0] for h in found.lead if len(h.value.split()) > 2}
    spoken_to = {" ".join(u.lower().split()) for u in addressees}

    def points_back(hit: Hit) -> bool:
        return bool(_ANAPHOR.fullmatch(hit.value)) and " ".join(hit.value.lower().split()) not in spoken_to
    # A lead only where the letter is sent to named units, each by its own name: "các cơ quan, đơn vị" in a letter to
    # "Các sở, ban, ngành thuộc tỉnh" are those collectives, asked by no other name.
    if addressees and not any(re.search(r"(?:^|\s)[Cc]ác\s", u) for u in addressees):
        found.lead = [h for h in found.lead if not points_back(h)]
    # "đề nghị các đơn vị chuẩn bị:" over items that give each unit its part by name: the plural names those units.
    found.lead = [h for h in found.lead if not (points_back(h) and _shared_out(flat, h, found.lead))]
    if addressees:
        # "đề nghị các đơn vị phối hợp triển khai thực hiện": the addressees again, asked to join in; "phối hợp với
        # các đơn vị trên" names the partners
        found.cooperating = [h for h in found.cooperating
                             if not (points_back(h) and not re.search(r"\bvới\s*$", flat[max(0, h.start - 8):h.start]))]
    found.lead = [h for h in found.lead if not (_PLURAL_OF.fullmatch(h.value) and h.value.split()[1] in heads)]
    for hit in found.lead + found.cooperating:
        hit.start += base
        hit.end += base
    return found
