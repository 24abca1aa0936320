"""Search keys that ignore diacritics and case: "Quyết định 1342/QĐ-UBND" and "quyet dinh 1342" meet.

``fold`` reduces a text to lower-case ASCII words separated by single spaces (tone and vowel marks dropped, đ -> d,
punctuation a separator). A letter's ``search_text`` column holds the folded words of its number, type, issuer,
subject, place and units, with a space at each end, so that a query word is found as the start of a stored word with
``LIKE '% word%'`` on SQLite and PostgreSQL alike. Pure functions: no database, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

_MARKS = re.compile(r"[\u0300-\u036f]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
MAX_TERMS = 8
MAX_CHARS = 1000  # of search_text: an index entry stays well under PostgreSQL's B-tree limit (2,704 bytes)


def fold(text: str | None) -> str:
    """Lower-case ASCII words separated by one space: "Phường 5, Quận 11" -> "phuong 5 quan 11"."""
    if not text:
        return ""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    text = _MARKS.sub("", text).lower()
    return _NON_WORD.sub(" ", text).strip()


def _words(text: str | None) -> list[str]:
    """Folded words; a number loses its leading zeros ("05/UBND" and "5/UBND" are the same number)."""
    return [w.lstrip("0") or "0" if w.isdigit() else w for w in fold(text).split()]


def terms(query: str | None) -> list[str]:
    """The words of a query, folded, in order, without repeats (at most ``MAX_TERMS``)."""
    out: list[str] = []
    for word in _words(query):
        if word not in out:
            out.append(word)
    return out[:MAX_TERMS]


def like_patterns(query: str | None) -> list[str]:
    """One ``LIKE`` pattern per query word: the word at the start of a stored word (only [0-9a-z] remain, so
    nothing needs escaping). Longest first: the rarest word, tested first, rejects most rows soonest."""
    return [f"% {word}%" for word in sorted(terms(query), key=len, reverse=True)]


def _texts(value) -> Iterable[str]:
    if value is None:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key in ("name", "text", "unit", "applies_to"):
            if isinstance(value.get(key), str):
                yield value[key]
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)


SEARCHED_COLUMNS = ("doc_number", "doc_type", "issuer", "subject", "place", "urgency")
SEARCHED_EXTRACTION = ("recipients", "lead_units", "cooperating_units", "source")


def letter_search_text(values: dict, extraction: dict | None = None, extra: Iterable[str] = ()) -> str:
    """The folded words a letter is found by, " word word ... " (a space at each end), for ``search_text``."""
    parts: list[str] = []
    for key in SEARCHED_COLUMNS:
        parts.extend(_texts(values.get(key)))
    ex = extraction if extraction is not None else (values.get("extraction") or {})
    for key in SEARCHED_EXTRACTION:
        parts.extend(_texts(ex.get(key)))
    parts.extend(extra)
    words = _words(" ".join(parts))
    seen: set[str] = set()
    unique = [w for w in words if not (w in seen or seen.add(w))]
    text = f" {' '.join(unique)} "
    return text if len(text) <= MAX_CHARS else text[:text.rfind(" ", 0, MAX_CHARS) + 1]
