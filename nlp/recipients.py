"""The "Kính gửi" block (NĐ 30/2020, Phụ lục I: "nơi nhận" of a công văn, under the trích yếu): one entry per
addressee, as written.

The block is either one run ("Kính gửi: Sở Tư pháp.", "Kính gửi: Sở A, Ban B.") or a list of lines ("- Sở A;",
"- Sở B."), where a long name wraps onto an indented line. An entry is never cut at a hyphen inside a name ("Phòng
Tài chính - Kế hoạch", "Tòa án nhân dân khu vực 1 - Lâm Đồng"), at a comma inside a collective ("Ủy ban nhân dân
các tỉnh, thành phố") or at a line break; a one-run block splits at ", " / " và " only where a unit's head word
starts the next name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp import unitnames
from nlp.alphabet import UPPER
from nlp.header import BODY_START, JOINS, KINH_GUI

# "Kính gửi:" as NĐ 30 writes it (capital K, or all capitals); a lower-case "kính gửi" inside a sentence is prose.
# A công điện addresses its list with "<SENDER> điện:" ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:"), on its lines or in
# the same run ("... điện: Giám đốc các sở; Chủ tịch UBND các huyện.").
# (an OCR's "Kính gừi", "Kỉnh gửi", "Kính gủi"; "Chủ tịch Ủy ban nhân dân tỉnh điện:" typed in plain case, see _SENDER)
_KINH_GUI = re.compile(r"(?<!\w)(?:" + KINH_GUI + r"|KÍNH\s+GỬI)(?:[ \t]*:|[ \t]+(?=[-–+•]|\S))[ \t]*|"
                       r"(?<=[^\W\d_][ \t])(?<!CÔNG )(?<!Công )(?:điện|ĐIỆN)[ \t]*:[ \t]*")
# Who sends a công điện, from the start of its line: in capitals, or a holder's title in plain case.
_SENDER = re.compile(r"[ \t]*(?:[" + UPPER + r"]+[ \t]+)+$|[ \t]*(?:Chủ\s+tịch|Thủ\s+tướng|Bộ\s+trưởng|Giám\s+đốc|Chỉ\s+huy|"
                     r"Trưởng\s+ban)\s[^\n]{0,80}$")
# A role or a basis in parentheses is not part of an addressee's name: "(theo Quyết định số ...)".
# a note, not the name: its basis, an attachment, a short name, a tax code or an address ("(MST: 0301234567; Địa
# chỉ: ...)")
_NOTE = re.compile(r"\s*\((?:theo|tại|kèm\s+theo|gọi\s+tắt|MST|[Mm]ã\s+số\s+thuế|[Đđ]ịa\s+chỉ|ĐT|[Đđ]iện\s+thoại)[\s:][^()]{0,200}\)")
_WITH_COLON = re.compile(r"(?<!\w)(?:" + KINH_GUI + r"|KÍNH\s+GỬI)[ \t]*:")
# A document system's notice of an incoming letter under its greeting: "Đồng chí có văn bản đến cần xử lý", "Số đến:".
_SYSTEM_NOTICE = re.compile(r"^\W{0,3}(?:[Đđ]ồng\s+chí|Anh/chị|Ông/bà|Bạn)\s+có\s+(?:\d+\s+)?văn\s+bản\s+(?:đến|mới|cần)|"
                            r"^[ \t]*(?:Số\s+đến|Ngày\s+đến)[ \t]*:", re.M)
_BULLET = re.compile(r"[ \t]*[-–+•*][ \t]+")
# A full stop ends the block unless it closes an abbreviation ("TP. Hồ Chí Minh", "Q. 11").
_FULL_STOP = re.compile(r"(?<![\s.][A-ZĐa-zđ])(?<![\s.][A-ZĐ]{2})(?<![\s.][A-ZĐ]{3})\.(?=\s|$)")
MAX_LINES = 14
MAX_WORDS = 30


@dataclass
class Recipients:
    names: list[str]
    start: int
    end: int
    listed: bool  # the block is a list of lines / ';'-separated entries (True) or one run (False)
    bounded: bool  # the block ended at its own punctuation or a blank line, not at a length limit


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def find(work: str, start: int, end: int) -> Recipients | None:
    """The "Kính gửi" entries found between ``start`` and ``end`` of ``work`` (normalised text)."""
    for m in _KINH_GUI.finditer(work, start, end):
        if m.group().lstrip()[:1] in "đĐ" and not _SENDER.fullmatch(work, work.rfind("\n", 0, m.start()) + 1,
                                                                     m.start()):
            continue  # "... điện:" only after its sender's name
        colon = ":" in m.group()
        eol = work.find("\n", m.end())
        eol = eol if eol >= 0 else len(work)
        if not colon and work[m.end():eol].rstrip().endswith((",", "!")):
            continue  # an e-mail's or a portal's salutation ("Kính gửi Quý đơn vị,"), not the letter's block
        if _SYSTEM_NOTICE.search(work, eol, min(len(work), m.end() + 400)):
            continue  # a document system greeting the official it routes the letter to ("Đồng chí có văn bản đến")
        if not colon and _WITH_COLON.search(work, eol, end):
            continue  # a message's salutation ("Kính gửi các bố mẹ lớp 1A2, cô gửi ...") above the letter's "Kính gửi:"
        if colon or not work[work.rfind("\n", 0, m.start()) + 1:m.start()].strip():
            break  # without a colon, only at a line's start
    else:
        return None
    pos = m.end()
    line_start = work.rfind("\n", 0, m.start()) + 1
    entry_col = pos - line_start
    chunks: list[str] = []
    bounded = False
    cursor = pos
    line_end = work.find("\n", pos)
    alone = not work[pos:line_end if line_end >= 0 else len(work)].strip()  # "Kính gửi:" on a line of its own
    for _ in range(MAX_LINES):
        eol = work.find("\n", cursor)
        eol = len(work) if eol < 0 or eol > end else eol
        line = work[cursor:eol]
        text = line.strip()
        if not text:
            if not chunks:
                cursor = eol + 1
                if cursor >= end:
                    break
                continue
            nxt = _next_nonblank(work, eol + 1, end)
            if nxt is not None and _BULLET.match(nxt) and chunks[-1].rstrip().endswith((";", ",")):
                cursor = eol + 1
                continue
            bounded = True
            break
        if chunks:
            bullet = _BULLET.match(line)
            previous = chunks[-1].rstrip()
            last_bullet = next((c for c in reversed(chunks) if _BULLET.match(c)), None)
            wrapped = text[0].islower() or (entry_col >= 10 and _indent(line) >= entry_col - 2) \
                or previous.count("(") > previous.count(")") \
                or JOINS.search(previous) is not None or _BARE_HEAD.search(previous) is not None \
                or (not bullet and last_bullet is not None and _indent(line) > _indent(last_bullet))
            # ("(theo Quyết định số ... ngày" / "04/3/2024 ...)"; "... Phòng chống thiên tai và" / "Tìm kiếm cứu nạn";
            # "Kính gửi: Sở" / "Nội vụ tỉnh Lâm Đồng", a text layer's wrap after a head that names nothing yet;
            # a line under a bullet's text, indented past the bullet: the name goes on)
            if alone and not (bullet or wrapped or previous.endswith((";", ","))) and _only_a_name(text):
                chunks[-1] = previous + ";"  # entries one per line, their marks lost (a DOCX's numbering)
                previous = chunks[-1]
            if not (bullet or wrapped or previous.endswith((";", ","))) or \
                    (not bullet and text[0].isupper() and BODY_START.match(line)):
                bounded = True  # (the body's first line, however indented: "        Theo đề nghị của ...")
                break
        stop = _FULL_STOP.search(line)
        if stop:
            chunks.append(line[:stop.start()])
            bounded = True
            cursor += stop.end()
            break
        chunks.append(line)
        cursor = eol + 1
        if cursor >= end:
            bounded = True
            break
    block = "\n".join(chunks)
    listed = ";" in block or bool(re.search(r"\n" + _BULLET.pattern, block.strip()))
    names = _entries(block, listed)
    if not names:
        return None
    return Recipients(names, m.start(), min(cursor, len(work)), listed, bounded)



def _only_a_name(text: str) -> bool:
    """Whether a line holds one unit's name and nothing more (a closing full stop aside)."""
    text = text.rstrip(" .")
    span = unitnames.bound(text, 0)
    of = re.match(r"[ \t]+của[ \t]+", text[span[1]:]) if span else None
    if of:  # "Các tổ chức thành viên của Ủy ban MTTQ Việt Nam huyện": the body they belong to
        span = unitnames.bound(text, span[1] + of.end())
    return span is not None and span[1] >= len(text) - 1


# A line that ends on a unit's head word alone: the name goes on on the next line.
_BARE_HEAD = re.compile(r"(?:^|[:;,]|\s)(?:Sở|Phòng|Ban|Ủy\s+ban|Uỷ\s+ban|UBND|Cục|Chi\s+cục|Tổng\s+cục|Trung\s+tâm|Công\s+an|"
                        r"Bộ|Trường|Bệnh\s+viện|Kho\s+bạc|Ngân\s+hàng|Tòa\s+án|Toà\s+án|Viện)\s*$")

def _next_nonblank(work: str, pos: int, end: int) -> str | None:
    for line in work[pos:min(end, pos + 400)].split("\n"):
        if line.strip():
            return line
    return None


def _entries(block: str, listed: bool) -> list[str]:
    # Items start at a bullet at a line's start (or the block's), or after ';' outside parentheses ("Công ty X (MST:
    # 0301234567; Địa chỉ: ...)" is one). A hyphen inside a line is a name's.
    items = re.split(r";(?![^()\n]*\))|\n(?=" + _BULLET.pattern + ")", block)
    names: list[str] = []
    for item in items:
        item = item.lstrip("\n")
        bullet = _BULLET.match(item)
        item = item[bullet.end():] if bullet else item
        item = _NOTE.sub("", " ".join(item.split())).strip(" .;,:-–\t/")
        if len(item) < 3:
            continue
        if not listed:
            pieces = [item[a:b] for a, b in unitnames.split_units(item)] or [item]
        else:
            pieces = [item]
        for piece in pieces:
            piece = piece.strip(" .;,:-–\t/")
            if len(piece) >= 3 and len(piece.split()) <= MAX_WORDS:
                names.append(piece)
    return names[:30]
