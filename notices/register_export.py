"""The register of incoming letters (sổ đăng ký văn bản đến, NĐ 30/2020 Đ.22, Phụ lục IV) as .xlsx and .docx.

``to_xlsx(rows, path)`` and ``to_docx(rows, path)`` take the rows of ``tracker.service.register_rows`` (or any
objects with the same attributes) and write the register's nine columns with their Vietnamese headings and the
column numbers (1)-(9) of the form. The .docx is A4 landscape in Times New Roman with the margins of NĐ 30
(Phụ lục I), the heading row repeated on every page; "Ký nhận" is left blank for the signature on paper.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from notices.vnformat import clean


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable  # row -> value written in the cell
    width_mm: float  # in the .docx (landscape text width 252 mm)
    xlsx_width: float  # characters


# The form's columns, in its order (the column order of the form in TT 07/2012 kept by NĐ 30/2020 Phụ lục IV).
COLUMNS = (
    Column("Ngày đến", lambda r: r.arrival_date, 24, 12),
    Column("Số đến", lambda r: r.arrival_number, 14, 8),
    Column("Tác giả", lambda r: r.author, 36, 28),
    Column("Số, ký hiệu", lambda r: r.doc_number, 28, 18),
    Column("Ngày tháng", lambda r: r.issue_date, 24, 12),
    Column("Tên loại và trích yếu nội dung", lambda r: r.type_and_subject, 62, 55),
    Column("Đơn vị hoặc người nhận", lambda r: r.recipient, 25, 18),
    Column("Ký nhận", lambda r: r.signature, 16, 10),
    Column("Ghi chú", lambda r: r.note, 23, 24),
)
HEADINGS = tuple(c.heading for c in COLUMNS)
TITLE = "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"


def _title_lines(rows: list, year: int | None) -> list[str]:
    lines = [TITLE]
    if year is None and rows:
        year = rows[0].arrival_date.year
    if year is not None:
        lines.append(f"Năm {year}")
    if rows:
        lines.append(f"Từ ngày {_day(rows[0].arrival_date)} đến ngày {_day(rows[-1].arrival_date)}; "
                     f"từ số {rows[0].arrival_number} đến số {rows[-1].arrival_number}")
    return lines


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return _day(value)
    return clean(str(value))


# -- .xlsx ---------------------------------------------------------------------------------------------------------

def to_xlsx(rows: Iterable, path: Path | str | None = None, *, year: int | None = None,
            office: str | None = None) -> bytes:
    """The register as an Excel workbook (written to ``path`` when given); dates are real dates (dd/mm/yyyy)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    rows = list(rows)
    wb = Workbook()
    ws = wb.active
    lines = _title_lines(rows, year)
    ws.title = (f"Sổ văn bản đến {year or ''}").strip()[:31]
    font = Font(name="Times New Roman", size=12)
    bold = Font(name="Times New Roman", size=12, bold=True)
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    n = len(COLUMNS)
    top = 1
    if office:
        ws.cell(top, 1, clean(office.upper())).font = bold
        top += 1
    for i, line in enumerate(lines):
        cell = ws.cell(top, 1, line)
        cell.font = Font(name="Times New Roman", size=14 if i == 0 else 12, bold=i == 0)
        cell.alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=n)
        top += 1
    head = top + 1
    for j, col in enumerate(COLUMNS, start=1):
        for r, text in ((head, col.heading), (head + 1, f"({j})")):
            cell = ws.cell(r, j, text)
            cell.font, cell.alignment, cell.border = (bold if r == head else font), centre, box
        ws.column_dimensions[get_column_letter(j)].width = col.xlsx_width
    for i, row in enumerate(rows, start=head + 2):
        for j, col in enumerate(COLUMNS, start=1):
            value = col.value(row)
            cell = ws.cell(i, j, value if isinstance(value, (int, date)) or value is None else clean(str(value)))
            cell.font, cell.border = font, box
            cell.alignment = centre if isinstance(value, (int, date)) else wrap
            if isinstance(value, date):
                cell.number_format = "DD/MM/YYYY"
    ws.freeze_panes = ws.cell(head + 2, 1)
    ws.print_title_rows = f"{head}:{head + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    buffer = io.BytesIO()
    wb.save(buffer)
    data = buffer.getvalue()
    if path is not None:
        Path(path).write_bytes(data)
    return data


# -- .docx ---------------------------------------------------------------------------------------------------------

PAGE_W, PAGE_H = 297, 210  # A4 landscape
MARGIN_T, MARGIN_B, MARGIN_L, MARGIN_R = 20, 20, 30, 15  # NĐ 30/2020 Phụ lục I §I.3


def to_docx(rows: Iterable, path: Path | str | None = None, *, year: int | None = None,
            office: str | None = None) -> bytes:
    """The register as a Word document: A4 landscape, Times New Roman, a ruled table whose heading repeats on
    every page (written to ``path`` when given)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    from notices.docx_nd30 import FONT, _grid_borders, _para, _table, _twips

    rows = list(rows)
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(PAGE_W), Mm(PAGE_H)
    section.top_margin, section.bottom_margin = _twips(MARGIN_T), _twips(MARGIN_B)
    section.left_margin, section.right_margin = _twips(MARGIN_L), _twips(MARGIN_R)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(12)
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)
    style.paragraph_format.space_before = style.paragraph_format.space_after = Pt(0)
    body = doc.paragraphs[0]._p if doc.paragraphs else None
    if body is not None:
        body.getparent().remove(body)
    if office:
        _para(doc, clean(office.upper()), pt=13, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for i, line in enumerate(_title_lines(rows, year)):
        _para(doc, line, pt=14 if i == 0 else 13, bold=i == 0, after=6 if i == 0 else 0)
    _para(doc, "", pt=6)
    table = _table(doc, 2 + len(rows), tuple(c.width_mm for c in COLUMNS))
    _grid_borders(table)
    for r in (0, 1):  # the heading and the column numbers repeat on every page
        tr_pr = table.rows[r]._tr.get_or_add_trPr()
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        tr_pr.append(el)
    for j, col in enumerate(COLUMNS):
        _cell(table.cell(0, j), col.heading, bold=True, centre=True)
        _cell(table.cell(1, j), f"({j + 1})", centre=True)
    for i, row in enumerate(rows, start=2):
        for j, col in enumerate(COLUMNS):
            value = col.value(row)
            _cell(table.cell(i, j), _text(value), centre=isinstance(value, (int, date)))
    buffer = io.BytesIO()
    doc.save(buffer)
    data = buffer.getvalue()
    if path is not None:
        Path(path).write_bytes(data)
    return data


def _cell(cell, text: str, *, bold: bool = False, centre: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    para = cell.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER if centre else WD_ALIGN_PARAGRAPH.LEFT
    run = para.add_run(text)
    run.font.size, run.font.bold = Pt(12), bold
