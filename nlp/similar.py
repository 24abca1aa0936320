"""Comparing names the way a reader does: case, tone placement, abbreviations and punctuation do not matter."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

_ABBREVIATIONS = [
    (re.compile(r"\bubnd\b"), "ủy ban nhân dân"),
    (re.compile(r"\bhđnd\b"), "hội đồng nhân dân"),
    (re.compile(r"\bvp\b"), "văn phòng"),
    (re.compile(r"\btp\.?\s*hcm\b"), "thành phố hồ chí minh"),
    (re.compile(r"\btp\b"), "thành phố"),
    # The Fatherland Front is written out or abbreviated, with or without "Việt Nam", within one letter.
    (re.compile(r"\bubmttq\b"), "ủy ban mặt trận tổ quốc"),
    (re.compile(r"\bmttq\b"), "mặt trận tổ quốc"),
    (re.compile(r"\bmặt trận tổ quốc (?:việt nam|vn)\b"), "mặt trận tổ quốc"),
]
_DIGITS = re.compile(r"\d+")
_PUNCT = re.compile(r"[\"'“”‘’(),;:.!?]")


@lru_cache(maxsize=4096)
def key(text: str | None) -> str:
    text = (text or "").lower()
    for pattern, repl in _ABBREVIATIONS:
        text = pattern.sub(repl, text)
    text = _PUNCT.sub(" ", text)
    text = re.sub(r"\s*[-–]\s*", " - ", text)
    return " ".join(text.split())


def same_name(a: str, b: str, threshold: float = 0.85) -> bool:
    ka, kb = key(a), key(b)
    if ka == kb:
        return True
    if not ka or not kb:
        return False
    if _DIGITS.findall(ka) != _DIGITS.findall(kb):
        return False  # "Phường 3" and "Phường 7", "Trường THCS số 1" and "số 2": numbered units are different units
    if 2 * min(len(ka), len(kb)) < threshold * (len(ka) + len(kb)):
        return False  # the ratio cannot reach the threshold (cheap bound before difflib)
    matcher = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    return matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


def dedupe(names: list, *, text=lambda item: item) -> list:
    """Items whose names are the same as an earlier item's are dropped (the first spelling is kept)."""
    kept: list = []
    for item in names:
        if not any(same_name(text(item), text(other)) for other in kept):
            kept.append(item)
    return kept
