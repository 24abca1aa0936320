"""The .docx as a person sees it: converted to PDF by LibreOffice (headless), positions read back with pdfplumber.

Needs the Debian packages libreoffice-writer-nogui and fonts-liberation2 (Times New Roman metrics with Vietnamese
glyphs); skipped where LibreOffice is absent.
"""

from __future__ import annotations

import shutil
import subprocess

import pdfplumber
import pytest

from notices import samples
from notices.render import render

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
A4 = (595.3, 841.9)  # points


def to_pdf(docx: bytes, folder) -> pdfplumber.PDF:
    source = folder / "notice.docx"
    source.write_bytes(docx)
    profile = folder / "lo-profile"  # a private profile: parallel conversions do not share a lock
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(source)], check=True, capture_output=True, timeout=180)
    return pdfplumber.open(folder / "notice.pdf")


def line_of(page, text: str) -> list[dict]:
    """The words of the first run of text starting with ``text`` (words on one line, no wide gap between them: the
    other column of a table is not part of it)."""
    words = page.extract_words(extra_attrs=["fontname", "size"])
    first = text.split()[0]
    for i, word in enumerate(words):
        if word["text"] == first:
            line = [word]
            for w in words[i + 1:]:
                if abs(w["top"] - word["top"]) > 2 or w["x0"] - line[-1]["x1"] > 12:
                    break
                line.append(w)
            if " ".join(w["text"] for w in line).startswith(text):
                return line
    raise AssertionError(f"{text!r} not found on the page")


@pytest.fixture(scope="module")
def reminder_pdf(tmp_path_factory):
    pdf = to_pdf(render("reminder", samples.reminder()).docx, tmp_path_factory.mktemp("pdf"))
    yield pdf
    pdf.close()


def test_a_short_notice_is_one_a4_page(reminder_pdf):
    assert len(reminder_pdf.pages) == 1
    page = reminder_pdf.pages[0]
    assert (round(page.width, 1), round(page.height, 1)) == A4


def test_the_national_title_is_top_right_and_the_issuing_body_top_left(reminder_pdf):
    page = reminder_pdf.pages[0]
    qh = line_of(page, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    body = line_of(page, "PHÒNG QUẢN LÝ ĐÔ THỊ")
    assert qh[0]["x0"] > page.width * 0.45 and qh[-1]["x1"] < page.width
    assert qh[0]["top"] < 30 / 25.4 * 72  # within the first 30 mm of the page
    assert body[-1]["x1"] < page.width * 0.5
    assert all("Bold" in w["fontname"] for w in qh + body)


def test_the_number_line_is_left_and_the_italic_date_line_right_on_the_same_line(reminder_pdf):
    page = reminder_pdf.pages[0]
    so = line_of(page, "Số:")[0]
    number = [w for w in page.extract_words() if abs(w["top"] - so["top"]) < 2 and w["x1"] < page.width / 2]
    when = line_of(page, "Quận 11, ngày 20 tháng 11 năm 2026")
    assert [w["text"] for w in number] == ["Số:", "/QLĐT-XD"]
    assert number[1]["x0"] - number[0]["x1"] > 4 / 25.4 * 72  # at least 4 mm left blank for the number
    assert when[0]["x0"] > page.width / 2
    assert all("Italic" in w["fontname"] for w in when)
    assert abs(number[0]["bottom"] - when[0]["bottom"]) < 3


def test_the_letter_uses_a_times_font_with_every_vietnamese_glyph(reminder_pdf):
    """A missing glyph makes LibreOffice fall back to another family (DejaVu) for the Vietnamese letters."""
    fonts = {c["fontname"].split("+")[-1] for c in reminder_pdf.pages[0].chars}
    assert fonts and all(f.startswith(("TimesNewRoman", "Times", "LiberationSerif")) for f in fonts), fonts


def test_the_body_closes_before_the_signature_with_noi_nhan_at_left(reminder_pdf):
    page = reminder_pdf.pages[0]
    label = line_of(page, "Nơi nhận:")
    signer = line_of(page, "Trần Văn Bình")
    closing = [w for w in page.extract_words() if w["text"].endswith("./.")]
    assert closing and closing[0]["top"] < label[0]["top"]
    assert label[0]["x0"] < page.width * 0.3 and signer[0]["x0"] > page.width * 0.5
    assert "BoldItalic" in label[0]["fontname"] or "Bold-Italic" in label[0]["fontname"]


def test_a_long_report_numbers_its_second_page_only(tmp_path):
    with to_pdf(render("report", samples.report()).docx, tmp_path) as pdf:
        assert len(pdf.pages) >= 2
        first, second = pdf.pages[0], pdf.pages[1]
        top_band = 20 / 25.4 * 72
        assert not [w for w in first.extract_words() if w["bottom"] < top_band]
        numbers = [w for w in second.extract_words() if w["bottom"] < top_band]
        assert [w["text"] for w in numbers] == ["2"]
        assert abs((numbers[0]["x0"] + numbers[0]["x1"]) / 2 - (30 + 165 / 2) / 25.4 * 72) < 15
        assert second.images  # the chart
