"""A Letter as a .docx laid out after NĐ 30/2020 (python-docx): borderless header and signature tables, Times New
Roman, A4 with the decree's margins. Core properties and zip entry times derive from the letter, so the bytes are
the same on every run.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, time
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt, RGBColor

if TYPE_CHECKING:
    from congvan.samples.letters import Letter

FONT = "Times New Roman"


def render_docx(letter: "Letter") -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(0)

    _header(doc, letter)
    for mark in letter.marks():
        p = doc.add_paragraph()
        _run(p, mark, 13, bold=True).font.color.rgb = RGBColor(0xC0, 0, 0)
    title = letter.title_lines()
    if title:
        _para(doc, title[0], 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=12)
        for line in title[1:]:
            _para(doc, line, 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    address = letter.address_lines()
    for i, line in enumerate(address):
        p = _para(doc, line, 14, before=12 if i == 0 else 0)
        p.paragraph_format.left_indent = Cm(3.5) if i == 0 else Cm(5.6)
    for para in letter.body_lines():
        p = _para(doc, para, 14, align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=6)
        p.paragraph_format.first_line_indent = Cm(1)
    _signature(doc, letter)
    if letter.contact:
        _para(doc, letter.contact, 11, before=12)

    stamp = datetime.combine(letter.issued, time(8, 0))
    props = doc.core_properties
    props.author = props.last_modified_by = letter.issuer
    props.title = f"{letter.kind_name} số {letter.doc_number}"
    props.subject = letter.subject or ""
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    out = io.BytesIO()
    doc.save(out)
    return _stable_zip(out.getvalue(), stamp)


def _run(paragraph, text: str, size: float, *, bold: bool = False, italic: bool = False):
    run = paragraph.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    return run


def _para(container, text: str, size: float, *, bold: bool = False, italic: bool = False,
          align=None, before: float = 0):
    p = container.add_paragraph()
    _run(p, text, size, bold=bold, italic=italic)
    if align is not None:
        p.alignment = align
    if before:
        p.paragraph_format.space_before = Pt(before)
    return p


def _cell_lines(cell, lines: list[tuple[str, float, bool, bool]], align=WD_ALIGN_PARAGRAPH.CENTER) -> None:
    first = True
    for text, size, bold, italic in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        p.alignment = align
        _run(p, text, size, bold=bold, italic=italic)


def _table(doc, left_mm: float, right_mm: float):
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = table.rows[0].cells
    left.width, right.width = Mm(left_mm), Mm(right_mm)
    return left, right


def _header(doc, letter: "Letter") -> None:
    left, right = _table(doc, 68, 97)
    lines = []
    if letter.issuer_parent:
        lines.append((letter.issuer_parent.upper(), 13, False, False))
    lines += [(letter.issuer.upper(), 13, True, False), (letter.number_line, 13, False, False)]
    if letter.kind == "cong_van" and letter.subject:
        lines.append((letter.header_left()[-1], 12, False, False))
    _cell_lines(left, lines)
    qh, tn, dl = letter.header_right()
    _cell_lines(right, [(qh, 12, True, False), (tn, 13, True, False), (dl, 13, False, True)])


def _signature(doc, letter: "Letter") -> None:
    doc.add_paragraph()
    left, right = _table(doc, 62, 103)
    receivers = letter.receivers_lines()
    _cell_lines(left, [(receivers[0], 12, True, True)] + [(r, 11, False, False) for r in receivers[1:]],
                align=WD_ALIGN_PARAGRAPH.LEFT)
    sig = letter.signature_lines()
    lines = [(s, 14, True, False) for s in sig[:-1]] + [("", 14, False, False)] * 3 + [(sig[-1], 14, True, False)]
    _cell_lines(right, lines)


def _stable_zip(data: bytes, stamp: datetime) -> bytes:
    """Rewrites the package with fixed entry times (zipfile stamps the current time otherwise)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()
