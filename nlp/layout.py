"""Same-length rewrites of a letter's layout before it is read: what a copy added or changed that says nothing.

Each function returns a text of the same length, so every offset the readers report (the review page marks them)
holds in the text as stored. ``nlp.header.unflatten`` (line breaks put back into a header flattened onto one line) is
the other one of its kind.
"""

from __future__ import annotations

import re
import statistics

from nlp.header import lines_of

# A digital signature's stamp, printed on the page by the signing tool: "Ký bởi: Sở Nội vụ", "Email: ...", "Cơ quan:
# Tỉnh X", "Thời gian ký: 12.03.2024 16:42:07 +07:00" (or Adobe's "Digitally signed by ... Date: ..."). Set in the top
# right corner of a copy's first page, its lines come out before the header, between its lines or as a third cell.
_STAMP_ANCHOR = re.compile(r"^(?:Ký\s+(?:số\s+)?bởi|Thời\s+gian\s+ký|Signed\s+by|Digitally\s+signed\s+by|"
                           r"Signature\s+(?:Not\s+)?(?:Valid|Verified))(?!\w)", re.I)
_STAMP_FIELD = re.compile(r"^(?:Ký\s+(?:số\s+)?bởi|Người\s+ký|E-?mail|Cơ\s+quan|Tổ\s+chức|Chức\s+vụ|Thời\s+gian\s+ký|"
                          r"Ngày\s+ký|Signed\s+by|Digitally\s+signed\s+by|Date|Reason|Location|Organization)\s{0,3}:"
                          r"|^Signature\s+(?:Not\s+)?(?:Valid|Verified)", re.I)
_STAMP_LINES = 60  # the stamp of the first page: within its first lines
_STAMP_REACH = 6   # a stamp's fields lie within this many lines of its "Ký bởi" / "Thời gian ký"


def drop_stamps(text: str) -> str:
    """The text with a signature stamp's cells near the top blanked out; same length, no line added. A line that was
    only the stamp joins the line above it (or below, the first line), so the header's lines stay together."""
    head = text[:8000].lower()
    if "bởi" not in head and "gian ký" not in head and "igned" not in head and "ignature" not in head:
        return text  # most letters: nothing to do (a containment test is far cheaper than a pattern)
    lines = lines_of(text[:8000], limit=_STAMP_LINES)
    stamp = [[(c, s) for c, s in line.cells() if _STAMP_FIELD.match(c)] for line in lines]
    anchors = [i for i, cells in enumerate(stamp) if any(_STAMP_ANCHOR.match(c) for c, _ in cells)]
    if not anchors:
        return text
    chars = list(text)
    for i, cells in enumerate(stamp):
        if not cells or min(abs(i - a) for a in anchors) > _STAMP_REACH:
            continue
        for cell, start in cells:
            chars[start:start + len(cell)] = " " * len(cell)
        line = lines[i]
        if not "".join(chars[line.start:line.start + len(line.text)]).strip():
            if line.start > 0:
                chars[line.start - 1] = " "  # the line joins the one above it
            elif line.start + len(line.text) < len(chars):
                chars[line.start + len(line.text)] = " "
    return "".join(chars)


# A copy with one blank line after every line (a PDF's lines become a Word or web page's paragraphs): the blank lines
# say nothing, and a reader that takes a blank line for a paragraph's end cuts a sentence, a name or a list there.
_DOUBLED = re.compile(r"(?<=\S)([ \t]*)\n([ \t]*)\n(?=[ \t]*\S)")
_DOUBLED_SHARE = 0.85  # of the line breaks between two filled lines, this many have one blank line between them
_DOUBLED_MIN = 8
_WRAPPED_LINE = 110    # a PDF's lines, not a web page's paragraphs (one long line each, a blank line between them)


def undouble(text: str) -> str:
    """The text with the one blank line after every line of a double-spaced copy taken out: "A\\n\\nB" becomes
    "A\\n B" (the blank line's break turns into the next line's indent). Two blank lines stay a paragraph's end.
    Left as it is unless nearly every line is followed by one blank line and the lines are a page's, not paragraphs."""
    if 2 * text.count("\n\n") < _DOUBLED_SHARE * text.count("\n"):
        return text  # most letters: far fewer blank lines than that (a cheap count first)
    doubled = len(_DOUBLED.findall(text))
    single = len(re.findall(r"\S[ \t]*\n[ \t]*\S", text))
    if doubled < _DOUBLED_MIN or doubled < _DOUBLED_SHARE * (doubled + single):
        return text
    filled = [len(line) for line in text.split("\n") if line.strip()]
    if statistics.median(filled) > _WRAPPED_LINE:
        return text
    return _DOUBLED.sub(lambda m: m.group(1) + "\n" + " " * (len(m.group(2)) + 1), text)
