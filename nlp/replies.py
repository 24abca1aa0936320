"""Which letters this one answers: "Phúc đáp Công văn số 12/UBND-VP", "Phúc đáp các Công văn số A và B", "Trả lời
Tờ trình số ...", "Xét đề nghị của X (Tờ trình số ...)", and "nhận được Công văn số ... của <addressee>".

Linear in the text: each reference looks back at most a bounded window for its sentence's verb.
"""

from __future__ import annotations

import difflib
import re

from nlp.alphabet import LOWER
from nlp.header import PARTY_SYMBOL, SYMBOL, Hit
from nlp.similar import key as name_key

# "12/UBND-VP", "11/2025/TLST-HC", and symbols that put letters first: "TDV/01-2020".
# and the Party's and its unions' "45-CV/HU", "32-CV/HĐTN".
_NUMBER = (r"(?:\d{1,6}(?:\s{0,2}/\s{0,2}\d{4})?\s{0,2}/\s{0,2}" + SYMBOL
           + r"|[A-ZĐ][A-ZĐ0-9]{1,10}/\d{1,6}(?:[-–/][0-9A-ZĐ]{1,8}){0,3}(?![\w/])"
           + r"|\d{1,6}\s{0,2}[-–]\s{0,2}" + PARTY_SYMBOL + r"(?![\w/]))")
_TYPES = {"công văn", "văn bản", "tờ trình", "báo cáo", "đơn", "thông báo", "kế hoạch", "phiếu chuyển", "công điện",
          "giấy mời", "đề nghị"}
# The type's first letter as a character class lets the scan skip ahead fast (an alternation of words was 8 times
# slower); a match whose letters do not spell one of _TYPES ("căn bản") is dropped.
_DOC_REF = re.compile(
    r"(?P<type>[CcVvTtBbĐđKkPpGg](?:ông\s+văn|ăn\s+bản|ờ\s+trình|áo\s+cáo|ơn|hông\s+báo|ế\s+hoạch|hiếu\s+chuyển|"
    r"ông\s+điện|iấy\s+mời|ề\s+nghị))"
    r"(?:\s{1,3}[" + LOWER + r"]{1,7}){0,3}?"  # "Thông báo thụ lý số ...", "Công văn hỏa tốc số ..."
    r"\s{0,2}:?(?:\s+(?:số|hỏa\s+tốc|khẩn))*\s{0,3}:?\s{0,2}(?P<n>" + _NUMBER + ")"  # "các văn bản: số 210/..."
)
# More numbers after the first: "Phúc đáp các Công văn số 12/SNV-TCBC ngày 2/3/2025 và số 15/SNV-TCBC ngày ...".
_MORE = re.compile(
    r"\s{0,3}(?:ngày\s{1,3}\d{1,2}\s{0,2}[/.-]\s{0,2}\d{1,2}(?:\s{0,2}[/.-]\s{0,2}\d{4})?\s{0,3}|"
    r"ngày\s{1,3}\d{1,2}\s{1,3}tháng\s{1,3}\d{1,2}\s{1,3}năm\s{1,3}\d{4}\s{0,3})?"
    r"(?:,|và|;)\s{0,3}(?:(?:[Cc]ông\s+văn|[Vv]ăn\s+bản|[Tt]ờ\s+trình)\s{1,3})?(?:số\s{1,3})?(?P<n>" + _NUMBER + ")"
)
_EXPLICIT_REPLY = re.compile(r"(?<!\w)(?:[Pp]húc\s+đáp|[Tt]rả\s+lời)\s+(?:[^.;\n]{0,40}?)$")
# "Xét đề nghị của X tại Công văn số ..." / "Xét đề nghị của X (Tờ trình số ...)": the request being answered.
_CONSIDERING = re.compile(
    r"(?<!\w)[Xx]ét\s+(?:đề\s+nghị|kiến\s+nghị|đề\s+xuất)\s+của\s+[^.;\n]{3,120}?(?:\s+tại|\s*\()\s*$")
# "Xét Tờ trình số 23/TTr-UBND ... của UBND phường X": a thông báo or công văn that answers the request it weighs
# (a "Xét Báo cáo số ..." weighs a report: its basis, not a request answered).
_WEIGHS_REPORT = re.compile(r"(?<!\w)[Xx]ét\s+(?:các\s+)?báo\s+cáo(?!\w)")
_CONSIDERING_DOC = re.compile(r"(?<!\w)[Xx]ét\s+(?:các\s+)?$")
# "nhận được Công văn số A ngày ... của X về việc ... và Công văn số B ...": a second letter in the same sentence.
_AND_ANOTHER = re.compile(r"(?:\s+và|,)\s+(?:các\s+)?$")
_IMPLICIT = re.compile(r"(?<!\w)(?:[Nn]hận\s+được|[Xx]ét|[Cc]ăn\s+cứ|[Tt]heo\s+đề\s+nghị|[Tt]h[ựụ]c\s+hiện)(?!\w)")
_SENDER = re.compile(r"\s*(?:ngày\s+\S{1,12}\s*(?:tháng\s+\d{1,2}\s+năm\s+\d{4})?\s*,?\s*)?của\s+(?P<who>[^,;.\n(]{3,120})")
_ANSWERED_BEFORE = re.compile(r"(?<!\w)đã\s+(?:được\s+)?(?:phúc\s+đáp|trả\s+lời)(?:\s+(?:tại|bằng))?\s*$")
# "Trả lời kiến nghị của cử tri xã X do Thường trực HĐND huyện chuyển đến tại Công văn số ...": the sentence opens
# with the answer; the letter that carried the petition is the one answered.
_REPLY_OPENS = re.compile(r"[ \t\-–•*+]*(?:[Pp]húc\s+đáp|[Tt]rả\s+lời)\s")  # after the sentence's list mark, if any
_AT_DOC = re.compile(r"(?<!\w)(?:chuyển\s+(?:đến|tới|về)\s+)?tại\s*$")
# A petition record's field naming the letter that asked or carried the petition: "Văn bản kiến nghị: Công văn số
# ...", "Văn bản chuyển kiến nghị: ...", "Đơn vị chuyển: Thường trực HĐND tỉnh (Công văn số ...)".
_ASKED_BY_FIELD = re.compile(r"^[ \t]*(?:[Vv]ăn\s+bản\s+(?:chuyển\s+)?(?:kiến\s+nghị|đề\s+nghị)|[Đđ]ơn\s+vị\s+chuyển)"
                             r"[ \t]*:[^\n:]{0,100}?(?=[CcVvTtĐđ](?:ông\s+văn|ăn\s+bản|ờ\s+trình|ơn)\s)", re.M)
LOOK_BACK = 300  # a reference's verb is looked for at most this far back in its sentence


def _initials(name: str) -> str:
    words = [w for w in re.findall(r"\w+", name) if w.lower() not in ("và", "các")]
    out = ""
    for w in words:
        if w.lower() in ("tỉnh", "thành", "huyện", "quận", "xã", "phường"):
            break
        out += w[0].upper()
    return out


def _symbol_names(m: re.Match, addressees: list[str]) -> bool:
    """Whether the number's symbol names an addressee by its initials ("215/SNV-TCBC" of Sở Nội vụ)."""
    parts = _clean(m.group("n")).split("/")[-1].split("-")
    return any(_initials(a) in parts for a in addressees if a and len(_initials(a)) >= 2)


def _clean(number: str) -> str:
    return re.sub(r"\s+", "", number).replace("–", "-")


def find_replies(flat: str, base: int, addressees: list[str], decision: bool = False) -> list[Hit]:
    """The letters this one answers. In a decision (``decision``: a Quyết định), "Xét đề nghị của X tại Tờ trình số
    ..." is part of its legal basis, not a reply: a decision answers no letter."""
    out: list[Hit] = []
    keys = [name_key(a) for a in addressees if a]

    def hit(m: re.Match, confidence: float) -> Hit:
        return Hit(_clean(m.group("n")), base + m.start("n"), base + m.end("n"), confidence)

    for m in _DOC_REF.finditer(flat):
        if " ".join(m.group("type").lower().split()) not in _TYPES:
            continue
        window = max(0, m.start() - LOOK_BACK)
        s = max(flat.rfind(c, window, m.start()) for c in (".", ";", "\n")) + 1
        s = max(s, window)
        before = flat[max(s, m.start() - 80):m.start()]
        if _ANSWERED_BEFORE.search(before):
            continue  # "nội dung này UBND phường đã trả lời tại Công văn số ...": an earlier answer, told as history
        if (_EXPLICIT_REPLY.search(before + " ") or re.search(r"(?:[Pp]húc\s+đáp|[Tt]rả\s+lời)\s*$", before)
                or (_AT_DOC.search(before) and _REPLY_OPENS.match(flat, s))
                or (not decision and (_CONSIDERING.search(flat, s, m.start())
                                     or (_CONSIDERING_DOC.search(before) and m.group("type").lower() != "báo cáo")))):
            out.append(hit(m, 0.9))
            pos = m.end()
            for _ in range(5):  # "... số A và B", "số A, B và C"
                more = _MORE.match(flat, pos)
                if not more:
                    break
                out.append(hit(more, 0.8))
                pos = more.end()
            continue
        if not keys or decision:
            continue
        if not _IMPLICIT.search(before) and not (_AND_ANOTHER.search(before) and _IMPLICIT.search(flat, s, m.start())):
            continue
        if _WEIGHS_REPORT.search(flat, s, m.start()):
            continue  # "Xét báo cáo của Sở X tại Công văn số ...": a report weighed, not a request answered
        if m.group("type").lower() in ("kế hoạch", "báo cáo") and not re.search(r"[Nn]hận\s+được", before):
            continue  # "Căn cứ / Thực hiện Kế hoạch số ... của UBND huyện": the plan carried out, not a request answered
        # "nhận được Công văn số A ngày ... và Công văn số B ngày ... của Sở X": the sender follows the last number
        chain, pos = [m], m.end()
        for _ in range(5):
            more = _MORE.match(flat, pos)
            if not more:
                break
            chain.append(more)
            pos = more.end()
        sender = None
        sm = _SENDER.match(flat, pos)
        if sm:
            sender = re.split(r"\s+(?:về|ngày|tại|đề nghị|gửi|hỏi|xin|v/v)\b", sm.group("who"))[0]
        else:
            bm = re.search(r"của\s+(?P<who>[^,;.\n]{3,100}?)\s+tại\s*$", before)
            sender = bm.group("who") if bm else None
        if sender:
            sk = name_key(sender)
            if any(sk == k or k.startswith(sk + " ") or sk.startswith(k + " ") or k.endswith(" " + sk) for k in keys):
                out.extend(hit(c, 0.7) for c in chain)
                continue
            if not _symbol_names(m, addressees) or not any(
                    difflib.SequenceMatcher(None, sk, k[:len(sk)]).ratio() >= 0.85 for k in keys):
                continue  # another sender (one spelt with an OCR slip, "Sở Xây dụng", whose symbol names the addressee,
                # is taken below)
        # No sender named: the symbol's issuing part matches the addressee's initials ("215/SNV-..." to Sở Nội vụ).
        if _symbol_names(m, addressees):
            out.append(hit(m, 0.6))
    seen, unique = set(), []
    for h in out:
        if h.value.upper() not in seen:
            seen.add(h.value.upper())
            unique.append(h)
    return unique


def asked_in_record(head: str) -> list[Hit]:
    """The letter a page's petition record says asked or carried the petition its answer replies to."""
    out = []
    for field in _ASKED_BY_FIELD.finditer(head):
        m = _DOC_REF.match(head, field.end())
        if m and " ".join(m.group("type").lower().split()) in _TYPES:
            out.append(Hit(_clean(m.group("n")), m.start("n"), m.end("n"), 0.8))
    return out
