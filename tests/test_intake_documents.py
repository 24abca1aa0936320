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
