"""Reading documents: real PDF and DOCX files, encrypted, scanned, bombs, and the hostile corpus."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from datetime import date
from pathlib import Path

import pytest

from congvan.samples.letters import Letter
from config.settings import LimitSettings
from intake.documents import read_attachment, read_file, sniff, tesseract_available
from intake.isolate import JobCrashed, JobTimeout, WorkerPool

HOSTILE = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "hostile"

LETTER = Letter.cong_van(by="q11.tnmt", number=37, issued=date(2025, 3, 5),
                         subject="V/v kiểm tra vệ sinh môi trường và thủy lợi trên địa bàn phường")


@pytest.fixture(scope="module")
def pool():
    with WorkerPool(1, memory_mb=512) as p:
        yield p


def _words(text: str) -> list[str]:
    return unicodedata.normalize("NFC", text).split()


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_letters_vietnamese_text_comes_out_whole_and_nfc(kind, pool):
    data = LETTER.as_pdf() if kind == "pdf" else LETTER.as_docx()

    doc = read_attachment(f"Công văn.{kind}", data, pool=pool)

    assert doc.status == "ok" and doc.kind == kind
    assert doc.text == unicodedata.normalize("NFC", doc.text)
    text = " ".join(doc.text.split())
    assert "kiểm tra vệ sinh môi trường và thủy lợi" in text
    assert "37/" in text and "Độc lập - Tự do - Hạnh phúc" in text


def test_the_kind_is_sniffed_from_the_bytes_not_the_name(pool):
    doc = read_attachment("thu-moi.txt", LETTER.as_pdf(), pool=pool)
    assert doc.kind == "pdf" and "vệ sinh" in doc.text
    assert sniff(b"hello") == "text" and sniff(LETTER.as_docx()) == "docx"


def test_an_attachment_name_is_never_a_path():
    doc = read_attachment("../../etc/passwd\x00.txt", "nội dung".encode())
    assert "/" not in doc.name and "\x00" not in doc.name and doc.text == "nội dung"


def test_a_windows_1258_text_file_is_read_as_vietnamese():
    doc = read_attachment("a.txt", "Ki\u00ea\u0309m tra".encode("cp1258"))
    assert doc.text == "Kiểm tra"


def test_an_encrypted_pdf_needs_a_password(pool):
    path = HOSTILE / "pdf" / "pypdf__r4-user-password.pdf"
    if not path.exists():
        pytest.skip("hostile fixtures not present")
    [doc] = read_file(path, pool=pool)
    assert doc.status == "needs_password"


def test_a_docx_zip_bomb_is_refused(pool):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (50 * 1024 * 1024) + b"</w:document>")
    doc = read_attachment("bom.docx", buf.getvalue(), LimitSettings(max_uncompressed_bytes=10 * 1024 * 1024),
                          pool=pool)
    assert doc.status == "unreadable" and "bom" in doc.warning


def test_a_scanned_pdf_is_read_by_ocr_or_marked_needs_ocr(pool):
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(LETTER.as_pdf())
    image = src[0].render(scale=200 / 72).to_pil()
    buf = io.BytesIO()
    image.save(buf, format="PDF", resolution=200)
    scan = buf.getvalue()

    with_ocr = read_attachment("scan.pdf", scan, pool=pool, ocr=True)
    without = read_attachment("scan.pdf", scan, pool=pool, ocr=False)

    assert without.status == "needs_ocr"
    if tesseract_available():
        assert with_ocr.status == "ok" and "vệ sinh môi trường" in " ".join(with_ocr.text.split())
    else:
        assert with_ocr.status == "needs_ocr"


def test_a_hanging_parser_is_stopped_at_its_time_limit_and_the_next_job_runs():
    with WorkerPool(1, memory_mb=256) as pool:
        with pytest.raises(JobTimeout):
            pool.call("time:sleep", 30, timeout=1)
        assert pool.call("math:factorial", 5, timeout=30) == 120


def test_a_crashing_parser_ends_its_worker_and_the_next_job_runs():
    with WorkerPool(1, memory_mb=256) as pool:
        with pytest.raises(JobCrashed):
            pool.call("os:_exit", 3, timeout=30)
        assert pool.call("math:factorial", 4, timeout=30) == 24


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_every_hostile_file_ends_in_a_final_state(kind, pool):
    folder = HOSTILE / kind
    if not folder.is_dir():
        pytest.skip("hostile fixtures not present")
    seen = {}
    for path in sorted(folder.iterdir()):
        for doc in read_file(path, LimitSettings(parse_timeout_s=20), pool=pool, ocr=False):
            seen[path.name] = doc.status
            assert doc.status in ("ok", "needs_ocr", "needs_password", "unreadable")
            assert doc.text == unicodedata.normalize("NFC", doc.text)
    if kind == "pdf":
        assert seen["pdfminer__encryption__aes-256.pdf"] == "needs_password"
        assert sum(s == "ok" for s in seen.values()) > 100


def test_a_parser_that_needs_too_much_memory_is_stopped_and_the_next_job_runs():
    from intake.isolate import IsolationError

    with WorkerPool(1, memory_mb=128) as pool:
        with pytest.raises(IsolationError):
            pool.call("builtins:bytearray", 2 * 1024 ** 3, timeout=60)
        assert pool.call("math:factorial", 3, timeout=30) == 6


def test_attachment_names_are_decoded_from_rfc_2231_and_2047_and_made_nfc():
    from intake.mailparse import parse_message

    nfd = unicodedata.normalize("NFD", "Giấy mời.pdf")
    raw = ("From: a@quan11.example\r\nTo: b@quan11.example\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=BB\r\n\r\n--BB\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
           "--BB\r\nContent-Type: application/pdf\r\n"
           "Content-Disposition: attachment; filename*=utf-8''C%C3%B4ng%20v%C4%83n%2012.pdf\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n"
           "--BB\r\nContent-Type: application/pdf\r\n"
           f"Content-Disposition: attachment; filename=\"=?utf-8?b?{__import__('base64').b64encode(nfd.encode()).decode()}?=\"\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--BB--\r\n").encode()

    mail = parse_message(raw)

    assert [a.name for a in mail.attachments] == ["Công văn 12.pdf", "Giấy mời.pdf"]


def word97(tmp_path) -> bytes:
    """The project's letter saved as a Word 97-2003 .doc by LibreOffice, as an older office computer sends it."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed to make a .doc")
    (tmp_path / "cv.docx").write_bytes(LETTER.as_docx())
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "doc",
                    "--outdir", str(tmp_path), str(tmp_path / "cv.docx")], check=True, capture_output=True,
                   timeout=180)
    return (tmp_path / "cv.doc").read_bytes()


def test_an_old_word_doc_is_read_with_its_table_letterhead(pool, tmp_path):
    import shutil

    from nlp import Extractor

    doc = read_attachment("Công văn 37.doc", word97(tmp_path), pool=pool)
    if shutil.which("antiword") is None:
        assert (doc.status, doc.warning) == ("unreadable", "định dạng Word cũ (.doc): máy chưa cài antiword")
        return
    assert doc.status == "ok" and doc.kind == "doc"
    fields = Extractor().extract(doc.text).to_json("cv.doc")
    assert (fields["doc_number"], fields["issue_date"], fields["recipients"]) == \
        ("37/TNMT", "2025-03-05", ["Phòng Quản lý đô thị"])
    assert fields["subject"] == "V/v kiểm tra vệ sinh môi trường và thủy lợi trên địa bàn phường"
    not_word = read_attachment("bang.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000, pool=pool)
    assert (not_word.status, not_word.warning) == ("unreadable", "tệp .doc hỏng hoặc không phải văn bản Word")


def test_a_hyphen_that_ends_a_pdf_line_stays_with_its_line_break(pool):
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.add_font("sans", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("sans", "", 11)
    pdf.add_page()
    for line in ("Số: 41/BC-BCĐ-", "PCTT", "Kính gửi: Phòng Tài chính -", "Kế hoạch quận Nam Hòa."):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")

    doc = read_attachment("bao-cao.pdf", bytes(pdf.output()), pool=pool)

    lines = [ln.strip() for ln in doc.text.splitlines()]
    assert "Số: 41/BC-BCĐ-" in lines and "PCTT" in lines
    assert "Kính gửi: Phòng Tài chính -" in lines and "Kế hoạch quận Nam Hòa." in lines


def test_a_pdf_keeps_its_two_column_header_on_one_line_and_its_blank_lines(pool):
    """The NĐ 30 header's two columns, placed apart as a word processor does, come out on one line with a wide gap;
    the gap on the page between the trích yếu and "Kính gửi" comes out as a blank line."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.add_font("serif", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("serif", "", 11)
    pdf.add_page()
    left, right = 20, 90
    rows = (("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("XÃ TÂN HÒA", "Độc lập - Tự do - Hạnh phúc"),
            ("Số: 214/UBND-VP", "Tân Hòa, ngày 09 tháng 10 năm 2025"),
            ("V/v rà soát hộ nghèo năm 2025", ""))
    for y, (a, b) in enumerate(rows):  # each cell its own text object, the left column first as in a table
        pdf.set_xy(left, 20 + 6 * y)
        pdf.cell(60, 6, a)
    for y, (a, b) in enumerate(rows):
        if b:
            pdf.set_xy(right, 20 + 6 * y)
            pdf.cell(100, 6, b)
    pdf.set_xy(left, 20 + 6 * len(rows) + 10)  # paragraph spacing of a blank line and more
    pdf.cell(0, 6, "Kính gửi: Phòng Lao động - Thương binh và Xã hội huyện Nam Sơn.", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "Ủy ban nhân dân xã Tân Hòa báo cáo như sau:", new_x="LMARGIN", new_y="NEXT")

    doc = read_attachment("cong-van.pdf", bytes(pdf.output()), pool=pool)

    lines = doc.text.splitlines()
    first = next(line for line in lines if "ỦY BAN NHÂN DÂN" in line)
    assert re.fullmatch(r"\s*ỦY BAN NHÂN DÂN {2,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", first)
    date_row = next(line for line in lines if "Số: 214/UBND-VP" in line)
    assert re.search(r"Số: 214/UBND-VP {2,}Tân Hòa, ngày 09 tháng 10 năm 2025", date_row)
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("Kính gửi:"))
    assert lines[at - 1].strip() == "" and "rà soát hộ nghèo" in lines[at - 2]
    assert lines[at + 1].strip().startswith("Ủy ban nhân dân xã Tân Hòa")  # no blank line within a paragraph


def test_a_task_table_drawn_in_a_pdf_gives_its_lead_and_cooperating_units(pool):
    """A plan's table of tasks, each cell placed in its column as a word processor draws a table: the text layer
    has the cells apart on one line, and the extractor reads the lead and cooperating columns from it."""
    from fpdf import FPDF

    from nlp import Extractor

    pdf = FPDF(format="A4", unit="mm")
    pdf.add_font("sans", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("sans", "", 10)
    pdf.add_page()
    for line in ("ỦY BAN NHÂN DÂN HUYỆN TÂN HÒA", "Số: 52/KH-UBND", "Tân Hòa, ngày 03 tháng 3 năm 2025", "",
                 "KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2025", "", "III. PHÂN CÔNG NHIỆM VỤ"):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    columns = (12, 22, 64, 124, 176)
    rows = (("TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"),
            ("1", "Đăng tin bài", "Phòng Văn hóa và Thông tin", "Trung tâm Văn hóa huyện", "Hằng quý"),
            ("2", "Khảo sát hài lòng", "Phòng Nội vụ", "Bưu điện huyện Tân Hòa", "Quý III/2025"))
    y = pdf.get_y() + 2
    for row in rows:
        for x, text in zip(columns, row):
            pdf.set_xy(x, y)
            pdf.cell(0, 6, text)
        y += 7

    doc = read_attachment("ke-hoach.pdf", bytes(pdf.output()), pool=pool)
    out = Extractor().extract(doc.text).to_json("ke-hoach.pdf")

    assert out["lead_units"] == ["Phòng Văn hóa và Thông tin", "Phòng Nội vụ"]
    assert out["cooperating_units"] == ["Trung tâm Văn hóa huyện", "Bưu điện huyện Tân Hòa"]


def test_a_docx_shows_all_caps_text_in_capitals_as_the_page_does(pool):
    """A letterhead typed in plain case and printed in capitals by "All caps" formatting, on the run or through a
    paragraph style, is read as the page shows it; a run that turns the style's capitals off keeps its case."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE

    document = Document()
    heading = document.styles.add_style("Tiêu đề văn bản", WD_STYLE_TYPE.PARAGRAPH)
    heading.font.all_caps = True
    first = document.add_paragraph()
    first.add_run("Ủy ban nhân dân").font.all_caps = True
    document.add_paragraph("Phường Tân Hòa", style=heading)
    document.add_paragraph("Số: 12/UBND-VP")
    title = document.add_paragraph(style=heading)
    title.add_run("Quyết định")
    title.add_run(" (dự thảo)").font.all_caps = False
    document.add_paragraph("Về việc kiện toàn tổ công tác")
    buf = io.BytesIO()
    document.save(buf)

    lines = read_attachment("quyet-dinh.docx", buf.getvalue(), pool=pool).text.splitlines()

    assert lines[:5] == ["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN HÒA", "Số: 12/UBND-VP", "QUYẾT ĐỊNH (dự thảo)",
                         "Về việc kiện toàn tổ công tác"]


def _raw_pdf(content: bytes) -> bytes:
    """A one-page PDF whose page shows ``content`` (a content stream) in Helvetica as /F1."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
            b"/Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_a_pdf_page_read_a_word_at_a_time_has_the_cells_read_a_character_at_a_time():
    """The page layout's fast reader (_cells: a word at a time, PDFium called directly) gives the cells of its
    reference (_cells_by_char), box for box, on what tests it: two columns, line-end and inner hyphens, a justified
    paragraph, tabs, no-break and double spaces, spaces before a line break, glyphs drawn over each other, kerning
    gaps, raised and lowered words, mirrored and turned lines; and it hands a page whose glyphs have no height (set at
    size 0, placed by character spacing) to the reference."""
    import pypdfium2 as pdfium
    from fpdf import FPDF

    from intake.documents import _cells, _cells_by_char, _page_text

    pdf = FPDF(format="A4", unit="mm")
    pdf.add_font("sans", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("sans", "", 11)
    pdf.add_page()
    for y, (a, b) in enumerate((("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                                ("Số: 41/BC-BCĐ-", "Độc lập - Tự do - Hạnh phúc"))):
        pdf.set_xy(20, 20 + 6 * y)
        pdf.cell(60, 6, a)
        pdf.set_xy(90, 20 + 6 * y)
        pdf.cell(100, 6, b)
    pdf.set_xy(20, 40)
    pdf.multi_cell(120, 6, "Kính gửi: Phòng Tài chính - Kế hoạch quận; Ủy ban nhân dân xã Tân Hòa báo cáo kết quả "
                   "rà soát hộ nghèo, hộ cận nghèo năm 2025 như sau, theo Kế hoạch số 45/KH-UBND.", align="J")
    pdf.multi_cell(0, 6, "Nơi\u00a0nhận:  như trên;\u00a0\u00a0lưu: VT, VP-TH.", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, unicodedata.normalize("NFD", "Tân Hòa, ngày 09 tháng 10 năm 2025"))
    made = [bytes(pdf.output()), _raw_pdf(
        b"BT /F1 11 Tf 1 0 0 1 50 760 Tm (Ke\thoach  so-\t45) Tj T* 12 TL (BC-BCD-) Tj ET\n"
        b"BT /F1 11 Tf -2 Tc 1 0 0 1 50 700 Tm (chong chu len nhau) Tj ET\n"
        b"BT /F1 11 Tf 1 0 0 1 50 650 Tm [(Noi) -3000 (nhan) -9000 (xa) 400 (nhau)] TJ ET\n"
        b"BT /F1 11 Tf 1 0 0 1 50 600 Tm (m) Tj 6 Ts (2 cao) Tj 0 Ts ( o a x) Tj -6 Ts (thap) Tj ET\n"
        b"BT /F1 11 Tf 12 TL 1 0 0 1 50 580 Tm (Ke hoach  ) Tj T* (so 45 ) Tj T* (\t xa ) Tj ( ) Tj ET\n"
        b"BT /F1 11 Tf -1 0 0 1 300 550 Tm (guong soi) Tj ET\nBT /F1 11 Tf 0 1 -1 0 500 300 Tm (xoay doc) Tj ET\n")]
    sizeless = _raw_pdf(b"BT /F1 11 Tf 1 0 0 1 50 760 Tm (Cong van so 12) Tj ET\n"
                        b"BT /F1 0 Tf 2 Tc 1 0 0 1 300 700 Tm (khong co co chu) Tj ET\n")
    for data in [*made, sizeless]:
        document = pdfium.PdfDocument(data)
        textpage = document[0].get_textpage()
        plain = textpage.get_text_range()
        fast = _cells(plain, textpage)
        if data is sizeless:
            assert fast is None and "Cong van so 12" in _page_text(textpage)
        else:
            assert fast == _cells_by_char(plain, textpage) and len(fast) > 3
        textpage.close()
        document.close()


def test_text_placed_far_off_the_page_is_read_plain_not_laid_out_as_millions_of_spaces(pool):
    content = (b"BT /F1 11 Tf 1 0 0 1 72 770 Tm (So: 214/UBND-VP) Tj ET\n"
               b"BT /F1 11 Tf 1 0 0 1 72 750 Tm (Kinh gui: Phong Noi vu) Tj ET\n"
               b"BT /F1 11 Tf 1 0 0 1 100000000 750 Tm (xa) Tj ET\n")
    doc = read_attachment("xa.pdf", _raw_pdf(content), pool=pool)
    assert doc.status == "ok"
    assert "214/UBND-VP" in doc.text and "Kinh gui: Phong Noi vu" in doc.text
    assert len(doc.text) < 1000


# -- automatic numbering in a DOCX: the numbers and bullets Word draws from word/numbering.xml -------------------------

def _numbering(document, num_id: int, definition: str, *, abstract: int | None = None, override: str = "") -> int:
    """Adds to the document's numbering part a list ``num_id`` drawing from the abstract numbering ``abstract``, which
    is made from ``definition`` (w:lvl elements) unless it is given; ``override`` holds w:lvlOverride elements."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    numbering = document.part.numbering_part.element
    if abstract is None:
        abstract = num_id
        numbering.find(qn("w:num")).addprevious(  # the schema puts every w:abstractNum before the w:num elements
            parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract}">{definition}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
                               f'{override}</w:num>'))
    return num_id


def _lvl(ilvl: int, fmt: str, text: str, start: int | str = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            f'{extra}</w:lvl>')


def _number(element, num_id, ilvl=None) -> None:
    """Gives a paragraph or a paragraph style (``element``) the w:numPr of list ``num_id`` at level ``ilvl``."""
    from docx.oxml.ns import qn

    num_pr = element.get_or_add_pPr().get_or_add_numPr()
    if ilvl is not None:
        num_pr.get_or_add_ilvl().set(qn("w:val"), str(ilvl))
    num_pr.get_or_add_numId().set(qn("w:val"), str(num_id))


def _item(document, text: str, num_id, ilvl=0):
    """A paragraph numbered by its own w:numPr."""
    paragraph = document.add_paragraph(text)
    _number(paragraph._p, num_id, ilvl)
    return paragraph


def _read_docx(document, pool, name="van-ban.docx"):
    buf = io.BytesIO()
    document.save(buf)
    return read_attachment(name, buf.getvalue(), pool=pool)


def test_a_docx_shows_its_automatic_bullets_as_the_dashes_a_letter_prints(pool):
    """A "Kính gửi:" list typed with Word's automatic bullets (the template's "List Bullet", a Symbol-font dot) and
    the bullets of a nested list (a dash, Wingdings and Symbol glyphs, "•", "+") read as "- " or "+ " in front of
    their text, as the printed letter shows them."""
    from docx import Document

    document = Document()
    document.add_paragraph("Kính gửi:")
    for unit in ("Sở Y tế;", "Sở Tài chính;", "Ủy ban nhân dân các phường."):
        document.add_paragraph(unit, style="List Bullet")
    bullets = _numbering(document, 30, _lvl(0, "bullet", "–", extra='<w:suff w:val="space"/>')
                         + _lvl(1, "bullet", "+") + _lvl(2, "bullet", "\uf0a7") + _lvl(3, "bullet", "•")
                         + _lvl(4, "bullet", "\uf0d8", extra='<w:suff w:val="nothing"/>'))
    _item(document, "Nội dung kiểm tra:", bullets, 0)
    _item(document, "Hồ sơ môi trường;", bullets, 1)
    _item(document, "Nước thải;", bullets, 2)
    _item(document, "Chất thải rắn;", bullets, 3)
    _item(document, "Khác.", bullets, 4)
    _item(document, "", bullets, 0)  # an empty item: no lone dash
    document.add_paragraph("Nơi nhận:")

    doc = _read_docx(document, pool)

    assert doc.status == "ok"
    assert doc.text.splitlines() == ["Kính gửi:", "- Sở Y tế;", "- Sở Tài chính;", "- Ủy ban nhân dân các phường.",
                                     "- Nội dung kiểm tra:", "+ Hồ sơ môi trường;", "- Nước thải;",
                                     "- Chất thải rắn;", "-Khác.", "", "Nơi nhận:"]


def test_a_docx_shows_its_automatic_numbers_as_word_draws_them(pool):
    """Task items "1.", "2.", "a)", a quyết định's "Điều 1." drawn by numbering, a nested list ("2.1.1." in legal
    style), restarts (a lower level after a higher one; a list whose override restarts it) and continuations (a
    level that never restarts; a second list on the same definition), roman, letter and zero-padded formats, and a
    numbering that a paragraph takes from its style's base style."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE

    document = Document()
    document.add_paragraph("Bước một", style="List Number")
    document.add_paragraph("Bước hai", style="List Number")
    articles = _numbering(document, 31, _lvl(0, "decimal", "Điều %1.", extra='<w:suff w:val="space"/>'))
    _item(document, "Phê duyệt kế hoạch kiểm tra vệ sinh môi trường năm 2025.", articles)
    _item(document, "Giao Phòng Tài nguyên và Môi trường chủ trì thực hiện.", articles)
    _item(document, "Quyết định này có hiệu lực kể từ ngày ký.", articles)
    tasks = _numbering(document, 32, _lvl(0, "decimal", "%1.") + _lvl(1, "lowerLetter", "%2)")
                       + _lvl(2, "decimal", "%1.%2.%3.", extra="<w:isLgl/>"))
    _item(document, "Phòng Tài chính - Kế hoạch:", tasks, 0)
    _item(document, "Bố trí kinh phí;", tasks, 1)
    _item(document, "Hướng dẫn thanh quyết toán.", tasks, 1)
    _item(document, "Phòng Y tế:", tasks, 0)
    _item(document, "Kiểm tra an toàn thực phẩm;", tasks, 1)
    _item(document, "Tại các chợ.", tasks, 2)
    again = _numbering(document, 33, "", abstract=32,
                       override='<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
    _item(document, "Danh sách mới, đánh số lại.", again, 0)
    _item(document, "Tiếp tục danh sách trên cùng định nghĩa.", _numbering(document, 34, "", abstract=32), 0)
    parts = _numbering(document, 35, _lvl(0, "upperRoman", "%1.") + _lvl(1, "decimalZero", "%2.", start=9,
                                                                         extra='<w:lvlRestart w:val="0"/>'))
    _item(document, "MỤC ĐÍCH", parts, 0)
    _item(document, "Mục thứ chín;", parts, 1)
    _item(document, "YÊU CẦU", parts, 0)
    _item(document, "Mục thứ mười, không đánh số lại.", parts, 1)
    base = document.styles.add_style("Khoản cơ sở", WD_STYLE_TYPE.PARAGRAPH)
    _number(base.element, _numbering(document, 36, _lvl(0, "lowerLetter", "%1)")))
    clause = document.styles.add_style("Khoản", WD_STYLE_TYPE.PARAGRAPH)
    clause.base_style = base
    document.add_paragraph("Khoản theo kiểu đoạn;", style=clause)
    document.add_paragraph("Khoản thứ hai.", style=clause)

    lines = _read_docx(document, pool).text.splitlines()

    assert lines == [
        "1. Bước một", "2. Bước hai",
        "Điều 1. Phê duyệt kế hoạch kiểm tra vệ sinh môi trường năm 2025.",
        "Điều 2. Giao Phòng Tài nguyên và Môi trường chủ trì thực hiện.",
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
        "1. Phòng Tài chính - Kế hoạch:", "a) Bố trí kinh phí;", "b) Hướng dẫn thanh quyết toán.",
        "2. Phòng Y tế:", "a) Kiểm tra an toàn thực phẩm;", "2.1.1. Tại các chợ.",
        "1. Danh sách mới, đánh số lại.", "2. Tiếp tục danh sách trên cùng định nghĩa.",
        "I. MỤC ĐÍCH", "09. Mục thứ chín;", "II. YÊU CẦU", "10. Mục thứ mười, không đánh số lại.",
        "a) Khoản theo kiểu đoạn;", "b) Khoản thứ hai."]


def test_a_docx_with_broken_or_hostile_numbering_keeps_its_text_without_a_prefix(pool):
    """A list that names a missing definition, absurd start values, 10,000 levels, a level out of range, a numbering
    style that links back to itself, styles "based on" each other in a loop: the text, unnumbered, and no error."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE

    document = Document()
    texts = []

    def item(text, num_id, ilvl=0):
        texts.append(text)
        return _item(document, text, num_id, ilvl)

    item("Danh sách không có định nghĩa.", _numbering(document, 40, "", abstract=999))
    item("Bắt đầu từ số quá lớn.", _numbering(document, 41, _lvl(0, "decimal", "%1.", start="9" * 5000)))
    item("Bắt đầu từ số âm.", _numbering(document, 42, _lvl(0, "decimal", "%1.", start=-5)))
    item("Bắt đầu không phải số.", _numbering(document, 43, _lvl(0, "lowerRoman", "%1.", start="abc")))
    many = _numbering(document, 44, "".join(_lvl(i, "decimal", f"%{i % 9 + 1}.{i}") for i in range(10_000)))
    item("Mức ngoài giới hạn.", many, 9_000)
    item("Mức không phải số.", many, "x")
    item("Danh sách số không phải số.", "không")
    item("Văn bản đánh số quá dài.", _numbering(document, 45, _lvl(0, "decimal", "%1" * 5000)))
    link = document.styles.add_style("Danh sách vòng", WD_STYLE_TYPE.PARAGRAPH)  # its list's levels are its own
    _number(link.element, _numbering(document, 46, f'<w:numStyleLink w:val="{link.style_id}"/>'))
    item("Kiểu danh sách trỏ về chính nó.", 46)
    first = document.styles.add_style("Vòng A", WD_STYLE_TYPE.PARAGRAPH)
    second = document.styles.add_style("Vòng B", WD_STYLE_TYPE.PARAGRAPH)
    first.base_style, second.base_style = second, first
    texts.append("Kiểu dựa trên nhau thành vòng.")
    document.add_paragraph(texts[-1], style=first)

    doc = _read_docx(document, pool)

    assert (doc.status, doc.text.splitlines()) == ("ok", texts)


def test_a_docx_letter_whose_kinh_gui_list_has_automatic_bullets_gives_its_recipients(pool):
    from docx import Document

    from nlp import Extractor

    document = Document()
    for line in ("ỦY BAN NHÂN DÂN QUẬN 11", "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Số: 37/TNMT",
                 "V/v kiểm tra vệ sinh môi trường", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Quận 11, ngày 05 tháng 3 năm 2025", "Kính gửi:"):
        document.add_paragraph(line)
    for unit in ("Sở Y tế;", "Sở Tài chính;", "Ủy ban nhân dân các phường."):
        document.add_paragraph(unit, style="List Bullet")
    document.add_paragraph("Phòng Tài nguyên và Môi trường đề nghị các đơn vị phối hợp kiểm tra./.")

    doc = _read_docx(document, pool, "Công văn 37.docx")

    assert "\n- Sở Y tế;\n" in doc.text
    assert Extractor().extract(doc.text).to_json("Công văn 37.docx")["recipients"] == \
        ["Sở Y tế", "Sở Tài chính", "Ủy ban nhân dân các phường"]
