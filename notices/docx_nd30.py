"""build_docx(layout) -> bytes: a notice laid out per NĐ 30/2020 Phụ lục I (../shared/docs/nd30-layout.md).

A4 portrait; margins T 20, B 20, L 30, R 15 mm; Times New Roman; a borderless two-column header table (left: parent
body, issuing body in bold with a short rule, "Số:", "V/v"; right: Quốc hiệu, Tiêu ngữ with a rule of its own length,
the italic place and date line on the same row as "Số:"); tên loại + trích yếu for a THÔNG BÁO / BÁO CÁO; "Kính
gửi:"; a justified body; a borderless signature table ("Nơi nhận:" left, authority / title / name right); page
numbers in the header from page 2.
"""

from __future__ import annotations

import io
from math import ceil
from functools import lru_cache
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor, Twips

from notices.document import Block, Layout
from notices.vnformat import clean

FONT = "Times New Roman"
PAGE_W, PAGE_H = 210, 297
MARGIN_T, MARGIN_B, MARGIN_L, MARGIN_R = 20, 20, 30, 15
TEXT_W = PAGE_W - MARGIN_L - MARGIN_R  # 165 mm
TWIPS_PER_MM = 1440 / 25.4
HEAD_COLS = (70, TEXT_W - 70)
SIGN_COLS = (68, TEXT_W - 68)
CELL_PAD = 1.9  # mm, Word's default left and right cell margin (108 twips)
FIT_SLACK = 2.0  # mm kept free when choosing a size that keeps a line on one line
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
STAMP_MM = {"KHẨN": 20, "THƯỢNG KHẨN": 40, "HỎA TỐC": 30, "HOẢ TỐC": 30}
RED = RGBColor(0xC0, 0x00, 0x00)
_FONT_FILES = {
    (False, False): ("times.ttf", "Times_New_Roman.ttf", "LiberationSerif-Regular.ttf"),
    (True, False): ("timesbd.ttf", "Times_New_Roman_Bold.ttf", "LiberationSerif-Bold.ttf"),
    (False, True): ("timesi.ttf", "Times_New_Roman_Italic.ttf", "LiberationSerif-Italic.ttf"),
}
# Liberation 2.x has Vietnamese glyphs (fonts-liberation2); 1.x does not
_FONT_DIRS = ("/usr/share/fonts/truetype/msttcorefonts", "/usr/share/fonts/truetype/liberation2")


def font_file(bold: bool = False, italic: bool = False) -> Path | None:
    """The installed file of the document's font (Times New Roman, else Liberation Serif 2.x), if any."""
    for folder in _FONT_DIRS:
        for name in _FONT_FILES[(bold, italic)]:
            path = Path(folder) / name
            if path.exists():
                return path
    return None


@lru_cache(maxsize=8)
def _font(bold: bool, italic: bool):
    try:
        from PIL import ImageFont
    except ImportError:  # pragma: no cover - Pillow comes with matplotlib
        return None
    path = font_file(bold, italic)
    return ImageFont.truetype(str(path), size=1000) if path is not None else None


def text_width_mm(text: str, pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Printed width of one line in Times New Roman (measured on a metric-compatible font when one is installed)."""
    font = _font(bold, italic)
    if font is not None:
        em = font.getlength(text) / 1000
    else:  # rough average advance widths of Times
        em = sum(0.72 if c.isupper() else 0.5 for c in text) * (1.05 if bold else 1.0)
    return em * pt * 25.4 / 72


def build_docx(layout: Layout) -> bytes:
    doc = Document()
    _page(doc)
    _header_table(doc, layout)
    if layout.urgency:
        _stamp(doc, layout.urgency)
    if layout.title:
        _title(doc, layout.title, layout.abstract)
    if layout.to:
        _kinh_gui(doc, layout.to)
    for block in layout.blocks:
        _block(doc, block, layout.chart_png)
    _signature(doc, layout)
    doc.core_properties.title = _property(layout.abstract or layout.vv)
    doc.core_properties.author = _property(layout.body)
    doc.core_properties.language = "vi-VN"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --- page, styles, header with page numbers -------------------------------------------------------------------------

def _page(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_W), Mm(PAGE_H)
    section.top_margin, section.bottom_margin = _twips(MARGIN_T), _twips(MARGIN_B)
    # whole twips, rounded up so that no margin falls a hair below the decree's minimum
    section.left_margin, section.right_margin = _twips(MARGIN_L), _twips(MARGIN_R)
    section.header_distance = section.footer_distance = Mm(10)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    style.font.color.rgb = RGBColor(0, 0, 0)
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    style.element.get_or_add_rPr().append(lang)
    fmt = style.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    section.different_first_page_header_footer = True  # page 1 shows no number (PL I §I.7)
    para = section.header.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(para.add_run())
    for run in para.runs:
        run.font.size = Pt(14)


def _twips(millimetres: float) -> Twips:
    return Twips(ceil(millimetres * TWIPS_PER_MM))


def _page_field(run) -> None:
    run.font.size = Pt(14)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


# --- small helpers --------------------------------------------------------------------------------------------------

def _para(container, text: str = "", *, pt: float = 14, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER,
          before: float = 0, after: float = 0):
    para = container.add_paragraph()
    para.alignment = align
    fmt = para.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if text:
        run = para.add_run(text)
        run.font.size, run.font.bold, run.font.italic = Pt(pt), bold, italic
    _mark_size(para, pt)
    return para


def _first_para(cell, text: str, **kwargs):
    """Write a paragraph into a cell, replacing the empty paragraph a new cell starts with."""
    first = cell.paragraphs[0]
    if len(cell.paragraphs) == 1 and not first.runs and first._p.pPr is None:
        first._p.getparent().remove(first._p)
    return _para(cell, text, **kwargs)


def _mark_size(para, pt: float) -> None:
    """Size of the paragraph mark, which sets the height of an empty paragraph."""
    ppr = para._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.append(rpr)
    for tag in ("w:sz", "w:szCs"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(int(pt * 2)))
        rpr.append(el)


def _border(para, side: str = "bottom", *, size: int = 6, space: int = 1, color: str = "000000") -> None:
    ppr = para._p.get_or_add_pPr()
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = OxmlElement("w:pBdr")
        # pBdr must come before spacing/ind/jc in CT_PPr's sequence
        anchor = next((ppr.find(qn(t)) for t in ("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr")
                       if ppr.find(qn(t)) is not None), None)
        if anchor is not None:
            anchor.addprevious(bdr)
        else:
            ppr.append(bdr)
    for s in (("top", "left", "bottom", "right") if side == "box" else (side,)):
        el = OxmlElement(f"w:{s}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(size))
        el.set(qn("w:space"), str(space))
        el.set(qn("w:color"), color)
        bdr.append(el)


def _rule(container, width_mm: float, box_mm: float) -> None:
    """A short centred solid line, ``width_mm`` long, in a box ``box_mm`` wide."""
    para = _para(container, pt=3)
    side = max(0.0, (box_mm - width_mm) / 2)
    para.paragraph_format.left_indent = para.paragraph_format.right_indent = Mm(side)
    para.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    para.paragraph_format.line_spacing = Pt(3)
    _border(para, "bottom", size=6, space=0)


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _grid_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)


def _table(doc, rows: int, widths_mm: tuple[float, ...]):
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # fixed layout: the widths below hold
    for i, width in enumerate(widths_mm):
        table.columns[i].width = Mm(width)
        for cell in table.columns[i].cells:
            cell.width = Mm(width)
    return table


# --- the parts ------------------------------------------------------------------------------------------------------

def _header_table(doc, layout: Layout) -> None:
    left_w, right_w = (w - 2 * CELL_PAD for w in HEAD_COLS)
    table = _table(doc, 2, HEAD_COLS)
    _no_borders(table)
    left, right = table.cell(0, 0), table.cell(0, 1)
    if layout.parent:
        _first_para(left, layout.parent, pt=_fit(layout.parent, left_w), bold=False)
    body_pt = _fit(layout.body, left_w, bold=True)
    _first_para(left, layout.body, pt=body_pt, bold=True)
    body_w = min(text_width_mm(layout.body, body_pt, bold=True), left_w)
    _rule(left, body_w * 0.4, left_w)
    qh_pt = 13 if text_width_mm(QUOC_HIEU, 13, bold=True) <= right_w - FIT_SLACK else 12
    _first_para(right, QUOC_HIEU, pt=qh_pt, bold=True)
    tn = _para(right, TIEU_NGU, pt=14, bold=True)
    tn_w = text_width_mm(TIEU_NGU, 14, bold=True) + 0.6
    side = max(0.0, (right_w - tn_w) / 2)
    tn.paragraph_format.left_indent = tn.paragraph_format.right_indent = Mm(side)
    _border(tn, "bottom", size=6, space=1)
    number, date_cell = table.cell(1, 0), table.cell(1, 1)
    _first_para(number, layout.number_line, pt=13, before=6)
    if layout.vv:
        _para(number, layout.vv, pt=12, before=6)
    date_pt = 14 if text_width_mm(layout.date_line, 14, italic=True) <= right_w - FIT_SLACK else 13
    _first_para(date_cell, layout.date_line, pt=date_pt, italic=True, before=6)


def _fit(text: str, width_mm: float, *, bold: bool = False) -> float:
    """13 pt, or 12 pt when that keeps a name on one line (NĐ 30 allows 12-13 pt for ô 1 and ô 2)."""
    if text_width_mm(text, 13, bold=bold) <= width_mm - FIT_SLACK:
        return 13
    return 12


def _stamp(doc, urgency: str) -> None:
    width = STAMP_MM.get(urgency, text_width_mm(urgency, 13, bold=True) + 8)
    para = _para(doc, urgency, pt=13, bold=True, before=6)
    para.runs[0].font.color.rgb = RED
    para.paragraph_format.left_indent = Mm(8)
    para.paragraph_format.right_indent = Mm(TEXT_W - 8 - width)
    _border(para, "box", size=8, space=1, color="C00000")


_PROPERTY_LIMIT = 255  # python-docx (and the OOXML core properties it writes) refuse longer values


def _property(text: str) -> str:
    """A core property value: one clean line cut at a word within the 255-character limit, with an ellipsis."""
    text = clean(text)
    if len(text) <= _PROPERTY_LIMIT:
        return text
    cut = text[:_PROPERTY_LIMIT - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[-40:] else cut).rstrip(" ,;.-") + "…"


def _title(doc, title: str, abstract: str) -> None:
    _para(doc, title, pt=14, bold=True, before=12)
    para = _para(doc, abstract, pt=14, bold=True)
    para.paragraph_format.left_indent = para.paragraph_format.right_indent = Mm(12)
    width = min(text_width_mm(abstract, 14, bold=True), TEXT_W - 24)
    _rule(doc, width / 3, TEXT_W)


KINH_GUI_INDENT = 30  # mm from the left margin (the sơ đồ puts ô 9a at about 40-85% of the width)


def _kinh_gui(doc, recipients: tuple[str, ...]) -> None:
    label = "Kính gửi:"
    label_w = text_width_mm("Kính gửi", 14)
    if len(recipients) == 1:
        para = _para(doc, f"{label} {recipients[0]}.", pt=14, align=WD_ALIGN_PARAGRAPH.LEFT, before=12)
        hang = text_width_mm(f"{label} ", 14)
        para.paragraph_format.left_indent = Mm(KINH_GUI_INDENT + hang)
        para.paragraph_format.first_line_indent = Mm(-hang)
    else:
        para = _para(doc, label, pt=14, align=WD_ALIGN_PARAGRAPH.LEFT, before=12)
        para.paragraph_format.left_indent = Mm(KINH_GUI_INDENT)
        dash = text_width_mm("- ", 14)
        for i, name in enumerate(recipients):
            end = "." if i == len(recipients) - 1 else ";"
            para = _para(doc, f"- {name}{end}", pt=14, align=WD_ALIGN_PARAGRAPH.LEFT)
            # the dash sits under the colon; wrapped lines align with the name
            para.paragraph_format.left_indent = Mm(KINH_GUI_INDENT + label_w + dash)
            para.paragraph_format.first_line_indent = Mm(-dash)
    doc.paragraphs[-1].paragraph_format.space_after = Pt(6)


def _body_para(doc, text: str, *, bold: bool = False):
    para = _para(doc, text, pt=14, bold=bold, align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=6)
    para.paragraph_format.first_line_indent = Cm(1.27)
    para.paragraph_format.line_spacing = 1.15
    return para


def _block(doc, block: Block, chart_png: bytes | None) -> None:
    if block.kind == "paragraph":
        _body_para(doc, block.text)
    elif block.kind == "heading":
        _body_para(doc, block.text, bold=True)
    elif block.kind == "table":
        _data_table(doc, block.rows)
    elif block.kind == "chart" and chart_png:
        para = _para(doc, before=6)
        para.add_run().add_picture(io.BytesIO(chart_png), width=Mm(TEXT_W - 5))


def _column_widths(rows: tuple[tuple[str, ...], ...]) -> tuple[float, ...]:
    """Widths in mm: every column gets room for its longest word (dates and numbers never break); the rest of the
    text width goes to the columns whose text is longer than that."""
    cols = max(len(r) for r in rows)
    pad = 2 * CELL_PAD + 0.8
    least, wanted = [], []
    for i in range(cols):
        texts = [(r[i], r is rows[0]) for r in rows if i < len(r)]
        word = max((text_width_mm(w, 12, bold=b) for t, b in texts for w in t.split()), default=0.0)
        line = max((text_width_mm(t, 12, bold=b) for t, b in texts), default=0.0)
        least.append(max(word, 4.0) + pad)
        wanted.append(max(word, min(line, 60.0), 4.0) + pad)
    if sum(wanted) <= TEXT_W:
        return tuple(TEXT_W * w / sum(wanted) for w in wanted)
    if sum(least) >= TEXT_W:
        return tuple(TEXT_W * w / sum(least) for w in least)
    spare, extra = TEXT_W - sum(least), [w - m for w, m in zip(wanted, least)]
    return tuple(m + spare * e / sum(extra) for m, e in zip(least, extra))


def _data_table(doc, rows: tuple[tuple[str, ...], ...]) -> None:
    if not rows:
        return
    _para(doc, pt=6)
    table = _table(doc, len(rows), _column_widths(rows))
    _grid_borders(table)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            numeric = text.isdigit() or c == 0
            align = WD_ALIGN_PARAGRAPH.CENTER if r == 0 or numeric else WD_ALIGN_PARAGRAPH.LEFT
            bold = r == 0 or (c == 1 and text == "Tổng cộng")
            _first_para(cell, text, pt=12, bold=bold, align=align)


def _signature(doc, layout: Layout) -> None:
    _para(doc, pt=8)
    table = _table(doc, 1, SIGN_COLS)
    _no_borders(table)
    left, right = table.cell(0, 0), table.cell(0, 1)
    _first_para(left, "Nơi nhận:", pt=12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for i, name in enumerate(layout.recipients):
        end = "." if i == len(layout.recipients) - 1 else ";"
        _para(left, f"- {name}{end}", pt=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    if layout.authority:
        _first_para(right, layout.authority, pt=14, bold=True)
    _first_para(right, layout.signer_title, pt=14, bold=True)
    for _ in range(4):
        _para(right, pt=14)
    _para(right, layout.signer_name, pt=14, bold=True)
