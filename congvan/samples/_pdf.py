"""A Letter as an A4 PDF with a text layer, laid out after NĐ 30/2020 Phụ lục I (fpdf2, DejaVu Serif).

Times New Roman is not free to ship, so the samples use DejaVu Serif Condensed (Debian fonts-dejavu-extra), close to
its width; sizes are about half a point smaller than the decree's. The PDF's dates and ID derive from the letter, so the bytes are
the same on every run.
"""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from fpdf import FPDF

if TYPE_CHECKING:
    from congvan.samples.letters import Letter

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"": "DejaVuSerifCondensed.ttf", "B": "DejaVuSerifCondensed-Bold.ttf",
              "I": "DejaVuSerifCondensed-Italic.ttf", "BI": "DejaVuSerifCondensed-BoldItalic.ttf"}
FAMILY = "serif"

# millimetres: margins (PL I §I.3) and the two columns of the header and signature blocks (PL I §IV)
LEFT, TOP, RIGHT, BOTTOM = 30.0, 20.0, 15.0, 20.0
TEXT_W = 210.0 - LEFT - RIGHT
HEAD_L_W = 66.0
HEAD_R_X, HEAD_R_W = LEFT + HEAD_L_W, TEXT_W - HEAD_L_W
SIGN_L_W = 62.0
SIGN_R_X, SIGN_R_W = LEFT + 70.0, TEXT_W - 70.0
RED = (200, 0, 0)


class _Page(FPDF):
    def header(self) -> None:  # page numbers from page 2, centred in the top margin (PL I §I.7)
        if self.page_no() > 1:
            self.set_font(FAMILY, "", 12)
            self.set_xy(LEFT, 10)
            self.cell(TEXT_W, 5, str(self.page_no()), align="C")
            self.set_xy(LEFT, TOP)


def _missing_fonts() -> list[str]:
    return [name for name in FONT_FILES.values() if not (FONT_DIR / name).is_file()]  # fonts-dejavu-extra


def render_pdf(letter: "Letter") -> bytes:
    missing = _missing_fonts()
    if missing:
        raise FileNotFoundError(
            f"fonts {missing} not found in {FONT_DIR}: install the Debian package fonts-dejavu-extra")
    pdf = _Page(format="A4", unit="mm")
    pdf.set_margins(LEFT, TOP, RIGHT)
    pdf.set_auto_page_break(True, BOTTOM)
    pdf.set_creation_date(datetime.combine(letter.issued, time(8, 0), tzinfo=_ict()))
    pdf.set_title(f"{letter.kind_name} số {letter.doc_number}")
    pdf.set_author(letter.issuer)
    if letter.subject:
        pdf.set_subject(letter.subject)
    pdf.set_creator("congvan samples")
    pdf.set_producer("congvan samples")
    pdf.set_lang("vi")
    for style, name in FONT_FILES.items():
        pdf.add_font(FAMILY, style, str(FONT_DIR / name))
    pdf.add_page()

    _header(pdf, letter)
    _marks(pdf, letter)
    _title(pdf, letter)
    _addressees(pdf, letter)
    _body(pdf, letter)
    _signature(pdf, letter)
    if letter.contact:
        pdf.ln(4)
        pdf.line(LEFT, pdf.get_y(), LEFT + TEXT_W, pdf.get_y())
        _block(pdf, LEFT, pdf.get_y() + 1, TEXT_W, letter.contact, "", 10, align="L")
    return bytes(pdf.output())


def _ict():
    from congvan.samples.letters import ICT

    return ICT


def _block(pdf: FPDF, x: float, y: float, w: float, text: str, style: str, size: float, *,
           align: str = "C", h: float | None = None) -> float:
    """Writes ``text`` wrapped in a box of width ``w`` at (x, y); returns the y below it."""
    pdf.set_font(FAMILY, style, size)
    pdf.set_xy(x, y)
    pdf.multi_cell(w, h or size * 0.45, text, align=align, new_x="LMARGIN", new_y="NEXT")
    return pdf.get_y()


def _rule(pdf: FPDF, x: float, w: float, y: float, length: float) -> None:
    pdf.set_line_width(0.3)
    pdf.line(x + (w - length) / 2, y, x + (w + length) / 2, y)


def _header(pdf: FPDF, letter: "Letter") -> None:
    left = letter.header_left()
    parent = [letter.issuer_parent.upper()] if letter.issuer_parent else []
    y_l = TOP
    for line in parent:
        y_l = _block(pdf, LEFT, y_l, HEAD_L_W, line, "", 12.5)
    y_l = _block(pdf, LEFT, y_l, HEAD_L_W, letter.issuer.upper(), "B", 12.5)
    pdf.set_font(FAMILY, "B", 12.5)
    _rule(pdf, LEFT, HEAD_L_W, y_l + 0.6, min(HEAD_L_W * 0.9, pdf.get_string_width(letter.issuer.upper()) * 0.4))

    y_r = _block(pdf, HEAD_R_X, TOP, HEAD_R_W, letter.header_right()[0], "B", 12)
    y_r = _block(pdf, HEAD_R_X, y_r, HEAD_R_W, letter.header_right()[1], "B", 13)
    pdf.set_font(FAMILY, "B", 13)
    _rule(pdf, HEAD_R_X, HEAD_R_W, y_r + 0.6, pdf.get_string_width(letter.header_right()[1]))

    y = max(y_l, y_r) + 3.0  # số, ký hiệu and địa danh, ngày share a line (PL I §II.4.c)
    y_l = _block(pdf, LEFT, y, HEAD_L_W, letter.number_line, "", 13)
    y_r = _block(pdf, HEAD_R_X, y, HEAD_R_W, letter.date_line, "I", 13)
    if letter.kind == "cong_van" and letter.subject:
        y_l = _block(pdf, LEFT + 4, y_l + 2.0, HEAD_L_W - 8, left[-1], "", 12)
    pdf.set_y(max(y_l, y_r) + 3.0)


def _marks(pdf: FPDF, letter: "Letter") -> None:
    for mark in letter.marks():
        pdf.set_font(FAMILY, "B", 12)
        w = pdf.get_string_width(mark) + 8
        y = pdf.get_y()
        pdf.set_draw_color(*RED)
        pdf.set_text_color(*RED)
        pdf.rect(LEFT + 2, y, w, 8)
        pdf.set_xy(LEFT + 2, y)
        pdf.cell(w, 8, mark, align="C")
        pdf.set_draw_color(0, 0, 0)
        pdf.set_text_color(0, 0, 0)
        pdf.set_y(y + 10)


def _title(pdf: FPDF, letter: "Letter") -> None:
    lines = letter.title_lines()
    if not lines:
        return
    y = _block(pdf, LEFT, pdf.get_y() + 2, TEXT_W, lines[0], "B", 13)
    for line in lines[1:]:
        y = _block(pdf, LEFT + 10, y + 0.5, TEXT_W - 20, line, "B", 12.5)
    _rule(pdf, LEFT, TEXT_W, y + 0.8, 45)
    pdf.set_y(y + 4)


def _addressees(pdf: FPDF, letter: "Letter") -> None:
    lines = letter.address_lines()
    if not lines:
        return
    x = LEFT + 30
    y = pdf.get_y() + 2
    y = _block(pdf, x, y, LEFT + TEXT_W - x, lines[0], "", 13.5, align="L")
    pdf.set_font(FAMILY, "", 13.5)
    dash_x = x + pdf.get_string_width("Kính gửi")
    for line in lines[1:]:
        y = _block(pdf, dash_x, y, LEFT + TEXT_W - dash_x, line, "", 13.5, align="L")
    pdf.set_y(y + 3)


def _body(pdf: FPDF, letter: "Letter") -> None:
    pdf.set_font(FAMILY, "", 13.5)
    with pdf.text_columns(text_align="J", line_height=1.3, l_margin=LEFT, r_margin=RIGHT) as cols:
        for para in letter.body_lines():
            with cols.paragraph(first_line_indent=10, bottom_margin=2) as p:
                p.write(para)


def _signature(pdf: FPDF, letter: "Letter") -> None:
    receivers = letter.receivers_lines()
    signature = letter.signature_lines()
    needed = 8 + 6 * len(signature) + 22
    if pdf.get_y() + needed > 297 - BOTTOM:
        pdf.add_page()
    y0 = pdf.get_y() + 4
    y_l = _block(pdf, LEFT, y0, SIGN_L_W, receivers[0], "BI", 11, align="L")
    for line in receivers[1:]:
        y_l = _block(pdf, LEFT, y_l, SIGN_L_W, line, "", 10, align="L")
    y_r = y0
    for line in signature[:-1]:
        y_r = _block(pdf, SIGN_R_X, y_r, SIGN_R_W, line, "B", 12)
    y_r = _block(pdf, SIGN_R_X, y_r + 22, SIGN_R_W, signature[-1], "B", 12.5)
    pdf.set_y(max(y_l, y_r))
