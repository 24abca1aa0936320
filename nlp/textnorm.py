"""One spelling for Vietnamese text: NFC, modern tone-mark placement, legacy encodings converted, junk removed.

``normalize`` is applied to every text before it is stored or read, so offsets reported by the extractor are
offsets into ``normalize(text)``.
"""

from __future__ import annotations

import re
import unicodedata

from nlp.legacy import convert_document

MAX_CHARS = 5_000_000

# Old placement -> modern placement, only where the vowel pair ends the syllable ("hoà" -> "hòa", but "hoàn",
# "quý" stay). Same direction as ../shared/eval/score.py.
_TONE_MOVES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_MOVES.update({k.upper(): v.upper() for k, v in list(_TONE_MOVES.items())})
_TONE_MOVES.update({k[0].upper() + k[1]: v[0].upper() + v[1] for k, v in list(_TONE_MOVES.items()) if k.islower()})
# A character class first lets the engine skip ahead to candidate vowels; "qu" ("quý") is checked in _fix_tone.
_TONE_RE = re.compile("[oOuU][" + "".join(sorted({k[1] for k in _TONE_MOVES})) + r"](?!\w)")

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\ufeff\ufffe]")
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# A combining mark with no letter to sit on (PDF text layers put tone marks apart: "thiêt hai ̀ ̣ ̣").
_ORPHAN_MARKS = re.compile(r"(?:(?<=\s)|^)[\u0300-\u036f]+[ \t]?", re.M)
_STRAY_MARKS = re.compile(r"(?<=[^\w\u0300-\u036f])[\u0300-\u036f]+")
# Spacing accents some converters emit instead of combining ones, directly after a vowel.
# OCR reads a digit of a date as a letter ("ngày 0l tháng 8", "năm 2O24"): a figure after "ngày", "tháng" or "năm"
# holding at least one real digit gets its look-alike letters back as digits.
# (?=ngày|tháng|năm) first: the engine passes over positions where none of the three words starts.
_OCR_DATE_FIGURE = re.compile(r"(?=ngày|tháng|năm)\b((?:ngày|tháng|năm)[ \t])(?=[0-9OlI]{0,3}\d)([0-9OlI]{1,4})\b")
_OCR_DIGITS = str.maketrans("OlI", "011")
_SPACING = {"\u00b4": "\u0301", "\u02cb": "\u0300", "\u02dc": "\u0303", "\u0060": "\u0300"}
_MARKS = re.compile(r"[\u0300-\u036f]")
_SPACING_CHARS = re.compile(r"[\u00b4\u02cb\u02dc]")
_SPACING_RE = re.compile(r"(?<=[aeiouyăâêôơưAEIOUYĂÂÊÔƠƯ])[\u00b4\u02cb\u02dc]")


def _fix_tone(match: re.Match) -> str:
    pair = match.group(0)
    start = match.start()
    if pair not in _TONE_MOVES or (start and match.string[start - 1] in "qQ"):
        return pair  # "uà" is no pair to move; "quý" keeps its mark
    return _TONE_MOVES[pair]


def modern_tones(text: str) -> str:
    """Old tone-mark placement moved to the modern one ("hoà" -> "hòa", "thuỷ" -> "thủy"); NFC in, NFC out."""
    return _TONE_RE.sub(_fix_tone, text)


_last_output: list[str] = [""]  # the latest result: intake normalises a text, then the extractor gets that same object


def normalize(text: str) -> str:
    """NFC text with modern tone placement; legacy TCVN3/VNI lines converted; control characters removed.

    Idempotent; the very string object this function returned last is given back as it is (no second pass when the
    extractor is handed the text intake has just normalised)."""
    if not text:
        return ""
    if text is _last_output[0]:
        return text
    result = _normalize(text)
    _last_output[0] = result
    return result


_LATIN1_SIGN = re.compile("[\u00a1-\u00ff]")
_ETH = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})


def _normalize(text: str) -> str:
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    if not unicodedata.is_normalized("NFC", text):
        # composed first: a legacy letter stored decomposed ("e" + U+0301 for TCVN3's "é", a Word add-in's NFD) must
        # still be seen as that letter by the converter
        text = unicodedata.normalize("NFC", text)
    # A conversion can leave letters that read as another legacy encoding ("AÄ¢"): convert until nothing changes,
    # so that normalize(normalize(t)) == normalize(t).
    for _ in range(4):
        if not _LATIN1_SIGN.search(text, 0, 200_000):
            break
        converted = convert_document(text)
        if converted == text:
            break
        text = converted
    text = _CONTROL.sub("", text)
    if "\u00d0" in text or "\u00f0" in text:
        text = text.translate(_ETH)  # an old converter's "Ðội" (Icelandic eth, as Windows-1258 draws it): "Đội"
    if "ngày" in text or "năm" in text:
        text = _OCR_DATE_FIGURE.sub(lambda m: m.group(1) + m.group(2).translate(_OCR_DIGITS), text)
    if _SPACING_CHARS.search(text):
        text = _SPACING_RE.sub(lambda m: _SPACING[m.group(0)], text)
    text = unicodedata.normalize("NFC", text)
    if _MARKS.search(text):  # after NFC only marks with no letter to sit on are left: most texts have none
        text = _ORPHAN_MARKS.sub("", text)
        text = _STRAY_MARKS.sub("", text)
    text = modern_tones(text)
    return unicodedata.normalize("NFC", text)
