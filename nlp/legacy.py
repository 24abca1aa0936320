"""Legacy Vietnamese font encodings (TCVN3/ABC and VNI-Windows) read as Latin-1 text, converted to Unicode.

Old documents typed with .VnTime (TCVN3) or VNI-Times fonts arrive as text such as "Céng hßa X· héi" (TCVN3) or
"Coäng hoøa xaõ hoäi" (VNI). Each converter works on one line; ``best_reading`` keeps whichever reading leaves the
fewest characters that never occur in Vietnamese.
"""

from __future__ import annotations

import re

# TCVN3 (TCVN 5712:1993, VN3): one byte per letter; capitals with tone marks use separate fonts, so only the
# toneless capitals have codes of their own.
_TCVN3 = dict(zip(
    "µ¶·¸¹¨»¼½¾Æ©ÇÈÉÊË®ÌÎÏÐÑªÒÓÔÕÖ×ØÜÝÞßáâãä«åæçèé¬êëìíîïñòóô\xadõö÷øùúûüýþ¡¢£¤¥¦§",
    "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵĂÂÊÔƠƯĐ",
))
_TCVN3_TABLE = str.maketrans(_TCVN3)

# VNI-Windows: a base letter followed by one or two mark characters.
_TONES = {"ø": "\u0300", "ù": "\u0301", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_CIRC = {"â": "", "à": "\u0300", "á": "\u0301", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_BREVE = {"ê": "", "è": "\u0300", "é": "\u0301", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_SINGLE = {
    "ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư",
    "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ",
}
_VNI_RE = re.compile(
    "([aAeEoOuUyY])([âàáåãäêèéúüëÂÀÁÅÃÄÊÈÉÚÜË])?|([ôÔöÖ])([øùûõïØÙÛÕÏ])?|([ñÑæÆîÎóÓòÒ])"
)


def _vni_sub(match: re.Match) -> str:
    import unicodedata

    base, mark, horn, horn_tone, single = match.groups()
    if single:
        return _VNI_SINGLE[single]
    if horn:
        text = _VNI_SINGLE[horn]
        if horn_tone:
            text += _TONES[horn_tone.lower()]
        return unicodedata.normalize("NFC", text)
    if not mark:
        return base
    low = mark.lower()
    if base.lower() in "aeo" and low in _CIRC:
        return unicodedata.normalize("NFC", base + "\u0302" + _CIRC[low])
    if base.lower() == "a" and low in _BREVE:
        return unicodedata.normalize("NFC", base + "\u0306" + _BREVE[low])
    return base + mark


_VNI_TONE_RE = re.compile("([aAeEiIoOuUyYăĂâÂêÊôÔơƠưƯ])([øùûõïØÙÛÕÏ])")


def from_vni(line: str) -> str:
    import unicodedata

    line = _VNI_RE.sub(_vni_sub, line)
    line = _VNI_TONE_RE.sub(lambda m: m.group(1) + _TONES[m.group(2).lower()], line)
    return unicodedata.normalize("NFC", line)


def from_tcvn3(line: str) -> str:
    return line.translate(_TCVN3_TABLE)


# Characters that mark each legacy encoding when read as Latin-1 (TCVN3 uses 0xA1-0xBF, VNI does not).
_TCVN3_SIGNS = set("µ¶·¸¹¨©ª«¬®»¼½¾¡¢£¤¥¦§\xad")
_VNI_SIGNS = set("øûïåäëüæñîöØÛÏÅÄËÜÆÑÎÖ")
_FOREIGN = _TCVN3_SIGNS | _VNI_SIGNS | set("ßÐ×Þçþ÷")
_VIETNAMESE = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")


_FOREIGN_RE = re.compile("[" + re.escape("".join(sorted(_FOREIGN))) + "]")


def foreign_count(text: str) -> int:
    return len(_FOREIGN_RE.findall(text))


# Frequent syllables of administrative Vietnamese: the reading that yields more of them is the right one.
_COMMON = frozenset("""và của các ngày tháng năm được có không cho với trong người việt nam cộng hòa hoà xã hội chủ
nghĩa số tỉnh phố thành ban nhân dân độc lập tự do hạnh phúc đề nghị thực hiện về việc kính gửi nơi nhận quyết định
công văn ủy uỷ sở phòng huyện quận phường đơn vị cơ quan kế hoạch báo cáo thông tư chính phủ nhà nước theo quy tại
những này đã đến từ trên địa bàn tổ chức triển khai giao phối hợp trước chậm nhất lưu như sau điều khoản luật
giám đốc chỉ đạo hướng dẫn tài nội vụ y tế giáo dục đào tạo""".split())


def _common_count(text: str) -> int:
    return sum(1 for word in re.findall(r"\w+", text.lower()) if word in _COMMON)


def _unicode(text: str) -> bool:
    """Whether the text holds letters beyond U+00FF: legacy text read as Latin-1 never does."""
    return any(ch > "\u00ff" and ch.isalpha() for ch in text)


def best_reading(line: str) -> str:
    """The line as it was meant: unchanged, or converted from TCVN3 or VNI when it carries their signs."""
    if not _FOREIGN_RE.search(line) or _unicode(line):
        return line
    best, best_key = line, (_common_count(line), -foreign_count(line))
    for convert in (from_tcvn3, from_vni):
        candidate = convert(line)
        key = (_common_count(candidate), -foreign_count(candidate))
        if key > best_key:
            best, best_key = candidate, key
    return best


def convert_document(text: str) -> str:
    """Every line converted with the encoding the document as a whole is in (a TCVN3 line such as
    "Sè: 07/GM-UBND" carries no sign of its own), or line by line when the document is mixed."""
    signs = len(_FOREIGN_RE.findall(text))
    if not signs:
        return text  # no line carries a legacy sign: nothing to convert (the common case: Unicode letters)
    lines = text.split("\n")
    if signs < 3:  # fewer than three in the whole text, so fewer in the sample below: line by line
        return "\n".join(best_reading(line) if len(line) < 20_000 else line for line in lines)
    legacy = [line for line in lines if not _unicode(line)]
    sample = "\n".join(legacy)[:200_000]
    if foreign_count(sample) < 3:
        return "\n".join(best_reading(line) if len(line) < 20_000 else line for line in lines)
    scores = {convert: _common_count(convert(sample)) for convert in (from_tcvn3, from_vni)}
    convert = max(scores, key=scores.get)
    if scores[convert] <= _common_count(sample):
        return text
    converted = [_convert_cells(line, convert) if len(line) < 20_000 else line for line in lines]
    if convert is from_tcvn3:
        _restore_capitals(converted, lines)
    return "\n".join(converted)


def _convert_cells(line: str, convert) -> str:
    """The line converted; in a line that holds Unicode letters (a signing tool prints its stamp in Unicode beside a
    header typed in a legacy font: "UBND HUYÖN THANH KH£      Ký bởi: ..."), only its cells in no Unicode letter that
    carry a legacy sign or read better converted ("Sè: 58/BC-UBND"; "tháng" reads "thỏng" in TCVN3: kept)."""
    if not _unicode(line):
        return convert(line)
    return "".join(_cell_reading(piece, convert) for piece in _CELL_GAP.split(line))


def _cell_reading(cell: str, convert) -> str:
    if _unicode(cell):
        return cell
    converted = convert(cell)
    return converted if _FOREIGN_RE.search(cell) or _common_count(converted) > _common_count(cell) else cell


# TCVN3 has no codes for capitals with tone marks: a letterhead typed in the capitals font (.VnTimeH) holds the
# small letters' codes ("ubnd huyÖn thanh khª"), and one in the normal font loses the capitals with tones
# ("PHßNG TµI CHÝNH" -> "PHòNG TàI CHíNH"). In the header block (before the body's first line), such lines were
# capitals: a line with no capital at all (the letterhead, the motto, a short type title "tê tr×nh"), or one whose
# only ASCII letters are capitals.
_BODY_START = re.compile(r"^\s{0,40}(?:[-–•*+]\s*)?(?:Kính\s+gửi|Căn\s+cứ|Thực\s+hiện|Xét\s|Theo\s|Phúc\s+đáp)", re.I)
# the date line's words (a portal record's "Ngày ban hành: ..." is not one)
_DATE_WORD = re.compile(r"\bngày\s{1,3}\d{1,2}\s{1,3}tháng\b", re.I)


_CELL_GAP = re.compile(r"(\t{1,20}| {2,200}|\|)")


def _restore_capitals(converted: list[str], original: list[str]) -> None:
    seen_date = False
    for i, line in enumerate(converted[:40]):  # a portal's record may come first
        if _BODY_START.match(line):
            break
        cells, before = _CELL_GAP.split(line), _CELL_GAP.split(original[i])
        for k in range(0, len(cells), 2):
            cell = cells[k]
            if _unicode(before[k] if len(before) == len(cells) else original[i]):
                continue  # a cell already in Unicode (a line typed so, a signing stamp's cell) was left as it was
            letters = [ch for ch in cell if ch.isalpha()]
            if len(letters) < 2 or any(ch.isdigit() for ch in cell):
                continue
            if _DATE_WORD.search(cell):
                seen_date = True
                continue
            no_capital = not any(ch.isupper() for ch in letters)
            ascii_capitals = not any("a" <= ch <= "z" for ch in letters) and any("A" <= ch <= "Z" for ch in letters)
            if ascii_capitals or (no_capital and (not seen_date or len(cell.split()) <= 4)):
                cells[k] = cell.upper()
        converted[i] = "".join(cells)
