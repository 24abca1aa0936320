"""The text of a document: a PDF, a DOCX, a plain text or an e-mail, read safely.

``read_attachment(name, data, limits)`` reads one file's bytes; ``read_file(path, limits)`` reads a file on disk
(an .eml gives its body and each attachment). The content type is sniffed from the bytes, never taken from a name
or a header. PDF and DOCX parsing runs in an isolated worker (``intake.isolate``) with the time and memory limits
of the settings: a hostile file costs at most its time limit and ends as ``unreadable``, never as a crash or hang.

PDF: PDFium (pypdfium2) first, as it is ~75 times faster than pdfminer; pdfplumber when PDFium's text looks wrong
(tone marks set apart, replacement characters); tesseract (Vietnamese) for pages without a text layer when it is
installed, else the document is ``needs_ocr``. An encrypted PDF is ``needs_password``.

DOCX: each paragraph's text as Word shows it: "All caps" text in capitals, and the numbers and bullets that automatic
numbering draws ("1.", "a)", "Điều 2.", a bullet as "-") in front of it.
"""

from __future__ import annotations

import atexit
import functools
import io
import logging
import os
import re
import shutil
import struct
import subprocess
import tempfile
import threading
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from config.settings import LimitSettings

log = logging.getLogger(__name__)

OK, NEEDS_OCR, NEEDS_PASSWORD, UNREADABLE = "ok", "needs_ocr", "needs_password", "unreadable"
MAX_PDF_PAGES = 200
MAX_OCR_PAGES = 20
MAX_ZIP_ENTRIES = 2000


@dataclass(frozen=True)
class DocumentText:
    """One document's text (normalised NFC), or why there is none."""

    name: str
    text: str
    status: str = OK  # ok | needs_ocr | needs_password | unreadable
    warning: str | None = None
    kind: str = "text"  # pdf | docx | text | html | eml | doc | image | other
    pages: int | None = None
    ocr: bool = False  # the text was recognised from an image: numbers and dates need a person's eyes


def normalize(text: str) -> str:
    """The project's one spelling of Vietnamese text (nlp.textnorm), NFC at the least."""
    try:
        from nlp.textnorm import normalize as nlp_normalize
    except ImportError:  # pragma: no cover - nlp not installed
        return unicodedata.normalize("NFC", text or "")
    return nlp_normalize(text or "")


# -- sniffing ---------------------------------------------------------------------------------------------------------

def sniff(data: bytes) -> str:
    """The kind of document the bytes are, whatever their name says."""
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, ValueError, OSError, RuntimeError):
            return "other"
        if "word/document.xml" in names:
            return "docx"
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"  # OLE2: .doc, .xls, Outlook .msg
    if head[:4] in (b"\x89PNG", b"GIF8") or head[:3] == b"\xff\xd8\xff" or head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    sample = head.lstrip()
    if re.match(rb"(?i)(<!doctype html|<html|<head|<body|<div|<p[ >])", sample):
        return "html"
    if _looks_like_mail(head):
        return "eml"
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        return "other"
    return "text"


def _looks_like_mail(head: bytes) -> bool:
    first = head.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    names = re.findall(rb"(?m)^([A-Za-z][A-Za-z0-9-]{1,40}):", first)
    known = {n.lower() for n in names} & {b"from", b"to", b"subject", b"date", b"message-id", b"received",
                                          b"mime-version", b"return-path", b"content-type"}
    return len(known) >= 2


def decode_text(data: bytes) -> str:
    """Bytes of a plain text in UTF-8/UTF-16 (BOM) or, failing that, windows-1258 (Vietnamese Windows)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1258", "replace")


# -- the public reading functions -------------------------------------------------------------------------------------

_pool = None
_pool_lock = threading.Lock()


def _default_pool(limits: LimitSettings):
    global _pool
    with _pool_lock:
        if _pool is None:
            from intake.isolate import WorkerPool

            _pool = WorkerPool(1, memory_mb=limits.parse_memory_mb, preload=("intake.documents:extract_isolated",))
            atexit.register(_pool.close)
        return _pool


def read_attachment(name: str, data: bytes, limits: LimitSettings | None = None, *, pool=None,
                    ocr: bool = True) -> DocumentText:
    """The text of one attachment. PDF and DOCX are parsed in an isolated worker (``pool``, or a default one)."""
    limits = limits or LimitSettings()
    name = safe_name(name)
    if len(data) > limits.max_attachment_bytes:
        return DocumentText(name, "", UNREADABLE, f"tệp quá lớn ({len(data)} byte)", sniff(data))
    kind = sniff(data)
    if kind not in ("pdf", "docx"):
        return extract_direct(name, data, limits, ocr, kind)
    pool = pool or _default_pool(limits)
    return run_isolated(pool, name, data, limits, ocr, kind)


def run_isolated(pool, name: str, data: bytes, limits: LimitSettings, ocr: bool, kind: str) -> DocumentText:
    """Extract in ``pool`` and turn a timeout, a crash or an error into an ``unreadable`` document."""
    from intake.isolate import JobCrashed, JobFailed, JobTimeout

    timeout = limits.parse_timeout_s * (1 + (MAX_OCR_PAGES if ocr and kind == "pdf" else 0) // 4)
    try:
        return pool.call("intake.documents:extract_isolated", name, data, limits, ocr, timeout=timeout)
    except JobTimeout:
        log.warning("reading %s (%s) took longer than %.0f s: stopped", name, kind, timeout)
        return DocumentText(name, "", UNREADABLE, f"đọc tệp quá {timeout:.0f} giây, đã dừng", kind)
    except JobCrashed as exc:
        log.warning("reading %s (%s) crashed its worker: %s", name, kind, exc)
        return DocumentText(name, "", UNREADABLE, "tệp làm hỏng bộ đọc (có thể vượt giới hạn bộ nhớ)", kind)
    except JobFailed as exc:
        log.warning("reading %s (%s) failed: %s", name, kind, exc)
        return DocumentText(name, "", UNREADABLE, f"không đọc được tệp: {exc.kind}", kind)


def read_file(path: Path | str, limits: LimitSettings | None = None, *, pool=None,
              ocr: bool = True) -> list[DocumentText]:
    """The documents in a file: one for .txt/.pdf/.docx; for an e-mail, its body then each attachment."""
    limits = limits or LimitSettings()
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max(limits.max_message_bytes, limits.max_attachment_bytes):
            return [DocumentText(path.name, "", UNREADABLE, f"tệp quá lớn ({size} byte)", "other")]
        data = path.read_bytes()
    except OSError as exc:
        return [DocumentText(path.name, "", UNREADABLE, f"không mở được tệp: {exc.strerror or exc}", "other")]
    kind = sniff(data)
    if kind == "eml" or (path.suffix.lower() == ".eml" and kind == "text"):
        from intake.isolate import IsolationError, JobFailed

        pool = pool or _default_pool(limits)
        try:
            mail = pool.call("intake.mailparse:parse_message", data, timeout=limits.parse_timeout_s)
        except JobFailed as exc:
            reason = str(exc).split(": ", 1)[-1] if exc.kind == "ValueError" else f"thư hỏng: {exc.kind}"
            return [DocumentText(path.name, "", UNREADABLE, reason, "eml")]
        except IsolationError:
            return [DocumentText(path.name, "", UNREADABLE, "thư hỏng, đọc quá lâu hoặc làm hỏng bộ đọc", "eml")]
        docs = []
        if mail.body.strip():
            docs.append(DocumentText("body", normalize(mail.body), OK, None, "eml"))
        for att in mail.attachments:
            docs.append(read_attachment(att.name, att.data, limits, pool=pool, ocr=ocr))
        return docs or [DocumentText("body", "", OK, "thư không có nội dung", "eml")]
    return [read_attachment(path.name, data, limits, pool=pool, ocr=ocr)]


def safe_name(name: str | None) -> str:
    """An attachment name fit for display: NFC, no folders, no control or format characters (bidi overrides, which
    can make "exe.pdf" read as "fdp.exe"), at most 200 characters."""
    name = unicodedata.normalize("NFC", name or "")
    name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    name = name.lstrip(".") or "attachment"
    return name[:200]


# -- extraction (runs in the isolated worker for PDF and DOCX) ----------------------------------------------------------

def extract_isolated(name: str, data: bytes, limits: LimitSettings, ocr: bool) -> DocumentText:
    """Entry point of the isolated worker."""
    return extract_direct(name, data, limits, ocr, sniff(data))


def extract_direct(name: str, data: bytes, limits: LimitSettings, ocr: bool, kind: str) -> DocumentText:
    if kind == "pdf":
        return _pdf(name, data, ocr, limits)
    if kind == "docx":
        return _docx(name, data, limits)
    if kind in ("text", "eml"):
        return DocumentText(name, normalize(decode_text(data)), OK, None, kind)
    if kind == "html":
        from intake.mailparse import html_to_text

        return DocumentText(name, normalize(html_to_text(decode_text(data))), OK, None, "html")
    if kind == "doc":
        return _doc(name, data)
    if kind == "image":
        return _image(name, data, ocr)
    return DocumentText(name, "", UNREADABLE, "không nhận ra định dạng tệp", kind)


_BAD_CHARS = re.compile("[\ufffd\ue000-\uf8ff]")
_ORPHAN = re.compile(r"(?:^|\s)[\u0300-\u036f]")


def _text_quality_bad(text: str) -> bool:
    """PDFium text that a second engine should try: replacement or private-use characters, detached tone marks."""
    if not text:
        return False
    bad = len(_BAD_CHARS.findall(text)) + len(_ORPHAN.findall(unicodedata.normalize("NFC", text)))
    return bad > max(3, len(text) // 200)


def _pdf(name: str, data: bytes, ocr: bool, limits: LimitSettings) -> DocumentText:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            return DocumentText(name, "", NEEDS_PASSWORD, "PDF có mật khẩu", "pdf")
        return _pdf_plumber(name, data, None, f"PDFium: {exc}")
    try:
        pages = len(pdf)
        texts = []
        for i in range(min(pages, MAX_PDF_PAGES)):
            page = pdf[i]
            textpage = page.get_textpage()
            texts.append(_page_text(textpage))
            textpage.close()
            page.close()
    except pdfium.PdfiumError as exc:
        pdf.close()
        return _pdf_plumber(name, data, None, f"PDFium: {exc}")
    # PDFium writes a hyphen that ends a line as U+FFFE and joins the next line to it, as if a word had been split.
    # Vietnamese never splits a word across lines: the hyphen is the text's own ("Phòng Tài chính -" over "Kế
    # hoạch", "Số: 255/BC-BCĐ-" over "XMC"), and so is the line break.
    text = "\n\f".join(texts).replace("\ufffe", "-\n")
    if _text_quality_bad(text):
        other = _pdf_plumber(name, data, pages, None)
        if other.status == OK and not _text_quality_bad(other.text):
            pdf.close()
            return other
    warning = f"chỉ đọc {MAX_PDF_PAGES}/{pages} trang" if pages > MAX_PDF_PAGES else None
    if len(text.strip()) < 20 * max(1, min(pages, 3)) // 3:  # no text layer worth the name: a scan
        result = _ocr(name, pdf, pages) if ocr else None
        pdf.close()
        if result is not None:
            return result
        return DocumentText(name, normalize(text), NEEDS_OCR, "bản quét: cần nhận dạng chữ (OCR)", "pdf", pages)
    pdf.close()
    return DocumentText(name, normalize(text), OK, warning, "pdf", pages)


# -- a PDF page's text as the page lays it out ---------------------------------------------------------------------------

_CELL_GAP = 1.0  # a gap wider than this many line heights between two glyphs is a column gap, not a word space
_SAME_ROW = 0.35  # baselines closer than this many line heights are one row (a two-column header's cells)
_BLANK_STEP = 1.6  # a row this many times the page's usual line spacing below the last one leaves a blank line
_BLANK_HEIGHTS = 1.9  # and so does one this many line heights below it (double spacing; 1.5 lines is about 1.6)
_MAX_COLUMN = 1000  # no letter's line is wider than this many characters: a page placing text further is read plain
_OTHER_SPACE = re.compile(r"[^\S \r\n]")  # white space the layout takes as a word space (a tab, a no-break space)
_PIECE = re.compile(r"[^-\ufffe]+-?|[-\ufffe]")  # a word's pieces: a hyphen ends one, a line-end hyphen is one
_RECT = struct.Struct("4f")  # PDFium's FS_RECTF: left, top, right, bottom


def _page_text(textpage) -> str:
    """A page's text rebuilt from PDFium's character boxes: rows ordered by baseline, the cells of one baseline (the
    two columns of an NĐ 30 header, a table's row) joined by a gap of two spaces or more at about the place the page
    shows them, and a blank line where the gap to the next row is clearly wider than the line spacing. PDFium's own
    text (``get_text_range``) is kept for a page it cannot lay out (rotated or vertical text, odd characters)."""
    plain = textpage.get_text_range()
    count = textpage.count_chars()
    if count <= 0 or len(plain) != count:  # characters outside the BMP: indices and text no longer line up
        return plain
    cells = _cells(plain, textpage)
    if cells is None:
        cells = _cells_by_char(plain, textpage)
    if not cells:
        return plain
    cells.sort(key=lambda c: -c[0])
    rows = []
    for c in cells:
        if rows and abs(rows[-1][0][0] - c[0]) <= _SAME_ROW * min(rows[-1][0][1], c[1]):
            rows[-1].append(c)
        else:
            rows.append([c])
    if len(rows) > 2 * (plain.count("\n") + 1) + 10:  # rotated or vertical text: a row for each glyph
        return plain
    heights = sorted(c[1] for c in cells)
    height = heights[len(heights) // 2]
    chars = sum(len(c[4]) for c in cells if len(c[4]) >= 5)
    span = sum(c[3] - c[2] for c in cells if len(c[4]) >= 5)
    char_w = span / chars if chars else 0.5 * height  # the page's mean advance: a character cell of the layout
    char_w = max(char_w, 0.2 * height, 0.5)
    # the usual line spacing: the smallest step between rows that recurs (blank lines may be most of the steps, as in
    # a double-spaced letter), leaving out the small steps between two columns whose baselines do not meet
    steps = sorted(step for a, b in zip(rows, rows[1:]) if (step := a[0][0] - b[0][0]) >= 0.8 * height)
    usual = steps[len(steps) // 4] if len(steps) >= 4 else 1.2 * height
    for i, step in enumerate(steps[:len(steps) // 2]):
        if i + 2 < len(steps) and steps[i + 2] <= 1.1 * step:  # three steps alike: a line spacing
            usual = step
            break
    margin = min(c[2] for c in cells)
    lines = []
    last_bottom = last_height = None
    for row in rows:
        row.sort(key=lambda c: c[2])
        if last_bottom is not None and (last_bottom - row[0][0] > _BLANK_STEP * usual
                                        or last_bottom - row[0][0] > _BLANK_HEIGHTS * max(last_height, row[0][1])):
            lines.append("")
        last_bottom, last_height = row[0][0], row[0][1]
        parts = []
        pos = 0
        right = None
        for c in row:
            text = c[4].strip()
            if not text:
                continue
            place = (c[2] - margin) / char_w
            if not 0.0 <= place <= _MAX_COLUMN:  # also NaN: a text object placed off any page (a crafted matrix)
                return plain  # laid out it would be a line of millions of spaces; PDFium's own text instead
            column = round(place)
            if right is None:
                pad = column
            elif c[2] - right > 0.25 * max(c[1], height):  # apart on one baseline: PDFium's own two lines or a gap
                pad = max(column - pos, 2)
            else:
                pad = 1 if c[2] - right > 0.1 * c[1] else 0
            parts.append(" " * pad + text)
            pos += pad + len(text)
            right = c[3]
        lines.append("".join(parts))
    return "\n".join(lines)


# The cells of a page: [bottom, height, left, right, text], a run of glyphs on one baseline without a column gap, in
# PDFium's order. A glyph is measured (its loose box: the font's ascent to descent, the glyph's advance) where the
# layout needs it: a word's first and last glyph, the glyph after a hyphen, a line-end hyphen (U+FFFE, kept as "-": the
# row ends there); the glyphs between them join the cell unmeasured. A space adds one space to an open cell (a
# justified line's spaces may have no box: the gap to the next glyph decides), a line break closes it.
# _cells_by_char is that rule read one character at a time, the reference; _cells reads it a word at a time, with
# PDFium called directly (under half the cost), and gives the page to _cells_by_char when a glyph has no box or
# one without height (text set at size 0, placed by its character spacing alone): the reference's own way of skipping
# such a glyph then applies.

@functools.lru_cache(maxsize=1)
def _loose_char_box():
    """PDFium's FPDFText_GetLooseCharBox(textpage, index, rect) without pypdfium2's per-call argument conversion;
    the GIL is held through the call (a few hundred nanoseconds, no callback into Python)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    function = ctypes.PYFUNCTYPE(ctypes.c_int)(ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_void_p).value)
    function.argtypes = None  # the arguments as they come: the text page's pointer, an int, a pointer to the box
    return function


def _cells(plain: str, textpage) -> list | None:
    """The page's cells read a word at a time, or None where a glyph's box cannot be taken as it comes."""
    import ctypes

    loose = _loose_char_box()
    box = (ctypes.c_float * 4)()
    ref = ctypes.byref(box)
    view = memoryview(box).cast("B")
    unpack = _RECT.unpack_from
    raw = textpage.raw
    # the layout knows two kinds of white space: a line break (\r or \n) and a space (any other); one character each
    text = plain.replace("\r", "\n")
    if _OTHER_SPACE.search(text):
        text = _OTHER_SPACE.sub(" ", text)
    size = len(text)
    cells = []
    texts = None  # the open cell's text, None when no cell is open; its bottom, height, left and right:
    c_bottom = c_height = c_left = c_right = 0.0
    last = ""  # the open cell's last character
    prev_right = 0.0  # the right of the last glyph measured
    offset = 0
    for line in text.split("\n"):
        hyphens = "-" in line or "\ufffe" in line
        for word in line.split(" "):
            if not word:
                offset += 1
                continue
            if texts is not None:
                texts.append(" ")
                last = " "
            end = offset
            offset += len(word) + 1
            for piece in _PIECE.findall(word) if hyphens and ("-" in word or "\ufffe" in word) else (word,):
                start = end
                end = start + len(piece)
                # the piece's first glyph: a new cell after a line break, a baseline move or a column gap
                if not loose(raw, start, ref):
                    return None
                left, top, right, bottom = unpack(view)
                height = top - bottom
                if height <= 0:
                    return None
                if texts is not None:
                    gap = left - prev_right
                    if gap > 0.0 and last != " ":  # after a hyphen: the glyphs between were not measured
                        gap = 0.0
                    lower = c_height if c_height < height else height  # min() and max(), as the reference has them
                    upper = c_height if c_height > height else height
                    if bottom - c_bottom > _SAME_ROW * lower or c_bottom - bottom > _SAME_ROW * lower or \
                            not -0.5 * height < gap <= _CELL_GAP * upper:
                        cells.append([c_bottom, c_height, c_left, c_right, texts])
                        texts = None
                if texts is None:
                    texts = []
                    c_bottom, c_height, c_left, c_right = bottom, height, left, right
                else:
                    if height > c_height:
                        c_height = height
                    if right > c_right:
                        c_right = right
                prev_right = right
                if len(piece) == 1 or (piece[-1] == "-" and end < size and text[end] not in " \n\ufffe"):
                    if piece == "\ufffe":
                        piece = "-"
                    texts.append(piece)  # one glyph, or a hyphen inside a word: its last glyph is not measured
                    last = piece[-1]
                    continue
                # the piece's last glyph: after unmeasured glyphs only a baseline move or a step back ends the cell
                if not loose(raw, end - 1, ref):
                    return None
                left, top, right, bottom = unpack(view)
                height = top - bottom
                if height <= 0:
                    return None
                last = piece[-1]
                lower = c_height if c_height < height else height
                if bottom - c_bottom > _SAME_ROW * lower or c_bottom - bottom > _SAME_ROW * lower or \
                        not left - prev_right > -0.5 * height:
                    texts.append(piece[:-1])
                    cells.append([c_bottom, c_height, c_left, c_right, texts])
                    texts = [last]
                    c_bottom, c_height, c_left, c_right = bottom, height, left, right
                else:
                    texts.append(piece)
                    if height > c_height:
                        c_height = height
                    if right > c_right:
                        c_right = right
                prev_right = right
        if texts is not None:  # the line break closes the cell, after the spaces before it
            if line[-1] == " ":
                texts.append(" ")
            cells.append([c_bottom, c_height, c_left, c_right, texts])
            texts = None
    for c in cells:
        c[4] = "".join(c[4])
    return cells


def _cells_by_char(plain: str, textpage) -> list:
    """The page's cells read one character at a time: the reference for _cells, and the reader of the pages it
    gives up (a glyph without a box or height is left out here, and the next glyph is measured in its place)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    count = len(plain)
    box = pdfium_c.FS_RECTF()
    ref = ctypes.byref(box)
    loose = pdfium_c.FPDFText_GetLooseCharBox
    raw = textpage.raw
    cells = []  # [bottom, height, x0, x1, chars]
    cell = None
    prev_right = 0.0
    for index, char in enumerate(plain):
        if char in "\r\n":
            cell = None
            continue
        if char.isspace():  # a justified line's spaces may have no box: the gap to the next glyph decides
            if cell is not None and cell[4][-1] != " ":
                cell[4].append(" ")
            continue
        if (cell is not None and index + 1 < count and cell[4][-1] not in " -" and char != "\ufffe"
                and not plain[index + 1].isspace() and plain[index + 1] != "\ufffe"):
            cell[4].append(char)  # inside a word: only its first and last glyphs are measured (speed)
            continue
        if not loose(raw, index, ref):
            continue
        left, right, bottom, height = box.left, box.right, box.bottom, box.top - box.bottom
        if height <= 0:
            continue
        if cell is not None:
            gap = left - prev_right
            if gap > 0.0 and cell[4][-1] != " ":  # a word's last glyph: the glyphs between were not measured
                gap = 0.0
            if abs(bottom - cell[0]) > _SAME_ROW * min(height, cell[1]) or \
                    not -0.5 * height < gap <= _CELL_GAP * max(height, cell[1]):
                cell = None
        if cell is None:
            cell = [bottom, height, left, right, []]
            cells.append(cell)
        cell[4].append("-" if char == "\ufffe" else char)  # a line-end hyphen: the row ends here
        if height > cell[1]:
            cell[1] = height
        if right > cell[3]:
            cell[3] = right
        prev_right = right
    for c in cells:
        c[4] = "".join(c[4])
    return cells


def _pdf_plumber(name: str, data: bytes, pages: int | None, first_error: str | None) -> DocumentText:
    try:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            texts = [(page.extract_text() or "") for page in pdf.pages[:MAX_PDF_PAGES]]
            pages = len(pdf.pages)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on broken files
        if "password" in (type(exc).__name__ + str(exc)).lower():
            return DocumentText(name, "", NEEDS_PASSWORD, "PDF có mật khẩu", "pdf")
        log.info("pdf %s unreadable: %s / %s", name, first_error, exc)
        return DocumentText(name, "", UNREADABLE, "PDF hỏng, không đọc được", "pdf")
    text = "\n\f".join(texts)
    if not text.strip():
        return DocumentText(name, "", NEEDS_OCR, "bản quét: cần nhận dạng chữ (OCR)", "pdf", pages)
    return DocumentText(name, normalize(text), OK, None, "pdf", pages)


@functools.lru_cache(maxsize=1)
def tesseract_available() -> bool:
    """Whether tesseract and its Vietnamese data are installed; asked once per process, not once per page."""
    if not shutil.which("tesseract"):
        return False
    try:
        out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return "vie" in out.split()


def _ocr(name: str, pdf, pages: int) -> DocumentText | None:
    """Tesseract (Vietnamese) on each page image; None when tesseract or its Vietnamese data is missing."""
    if not tesseract_available():
        return None
    images = (pdf[i].render(scale=300 / 72).to_pil() for i in range(min(pages, MAX_OCR_PAGES)))
    return _recognise(name, images, "pdf", pages)


def _recognise(name: str, images, kind: str, pages: int) -> DocumentText:
    """Tesseract (Vietnamese) on each page image, one page at a time."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    texts = []
    with tempfile.TemporaryDirectory(prefix="congvan-ocr-") as tmp:
        for i, image in enumerate(images):
            png = Path(tmp) / f"p{i}.png"
            image.save(png)
            try:
                done = subprocess.run(["tesseract", str(png), "stdout", "-l", "vie", "--psm", "3"],
                                      capture_output=True, timeout=120, env=env)
            except subprocess.TimeoutExpired:
                return DocumentText(name, "", NEEDS_OCR, "nhận dạng chữ quá lâu", kind, pages)
            texts.append(done.stdout.decode("utf-8", "replace"))
    text = normalize("\n\f".join(texts))
    if not text.strip():
        return DocumentText(name, "", NEEDS_OCR, "nhận dạng chữ không ra chữ nào", kind, pages)
    return DocumentText(name, text, OK, "chữ nhận dạng từ bản quét (OCR), cần kiểm tra", kind, pages, ocr=True)


def _doc(name: str, data: bytes) -> DocumentText:
    """A Word 97-2003 file (.doc) by antiword, in UTF-8, tables as rows of cells between pipes; an OLE2 file that
    is not a Word document (.xls, Outlook .msg) is unreadable."""
    if not shutil.which("antiword"):
        return DocumentText(name, "", UNREADABLE, "định dạng Word cũ (.doc): máy chưa cài antiword", "doc")
    with tempfile.NamedTemporaryFile(prefix="congvan-doc-", suffix=".doc") as tmp:
        tmp.write(data)
        tmp.flush()
        try:
            done = subprocess.run(["antiword", "-m", "UTF-8.txt", "-w", "0", tmp.name], capture_output=True,
                                  timeout=60, env=dict(os.environ, LC_ALL="C.UTF-8"))
        except subprocess.TimeoutExpired:
            return DocumentText(name, "", UNREADABLE, "đọc tệp Word cũ (.doc) quá lâu", "doc")
    text = normalize(done.stdout.decode("utf-8", "replace"))
    if done.returncode != 0 or not text.strip():
        return DocumentText(name, "", UNREADABLE, "tệp .doc hỏng hoặc không phải văn bản Word", "doc")
    return DocumentText(name, text, OK, None, "doc")


MIN_SCAN_SIDE = 600  # pixels: a page photographed or scanned; logos and signature pictures are smaller
MAX_IMAGE_PIXELS = 80_000_000  # an A4 page at 600 dpi is 35 million


def _image(name: str, data: bytes, ocr: bool) -> DocumentText:
    """A page (or a multi-page TIFF) scanned or photographed as an image: recognised like a scanned PDF."""
    import warnings

    from PIL import Image, ImageSequence

    try:
        with warnings.catch_warnings():  # the size is checked here, in Vietnamese, against MAX_IMAGE_PIXELS
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data))
        with im:
            width, height = im.size
            if width * height > MAX_IMAGE_PIXELS:
                return DocumentText(name, "", UNREADABLE, f"ảnh quá lớn ({width}×{height} điểm ảnh)", "image")
            if min(width, height) < MIN_SCAN_SIDE:
                return DocumentText(name, "", UNREADABLE, "ảnh quá nhỏ để là trang văn bản", "image")
            if not (ocr and tesseract_available()):
                return DocumentText(name, "", NEEDS_OCR, "ảnh chụp: cần nhận dạng chữ", "image")
            frames = [frame.convert("L") for frame, _ in zip(ImageSequence.Iterator(im), range(MAX_OCR_PAGES))]
    except Image.DecompressionBombError:
        return DocumentText(name, "", UNREADABLE, "ảnh quá lớn", "image")
    except (OSError, ValueError, SyntaxError) as exc:
        log.info("image %s unreadable: %s", name, exc)
        return DocumentText(name, "", UNREADABLE, "ảnh hỏng, không đọc được", "image")
    return _recognise(name, iter(frames), "image", len(frames))


class _CapsStyles:
    """Whether a DOCX run is shown in capitals: its own "All caps" / "Small caps" setting, else its character
    style's, else its paragraph style's (styles inherit through "based on")."""

    def __init__(self, document) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        self._styles = {}
        for style in document.styles.element.iter(qn("w:style")):
            self._styles[style.get(qn("w:styleId"))] = style
        self._cache: dict[str, bool | None] = {}

    def _flag(self, rpr) -> bool | None:
        if rpr is None:
            return None
        for tag in ("w:caps", "w:smallCaps"):
            el = rpr.find(self._qn(tag))
            if el is not None:
                return el.get(self._qn("w:val"), "true").lower() not in ("0", "false", "off")
        return None

    def of_style(self, ref) -> bool | None:
        style_id = ref.get(self._qn("w:val")) if ref is not None else None
        seen = 0
        while style_id and seen < 10:
            if style_id in self._cache:
                return self._cache[style_id]
            style = self._styles.get(style_id)
            if style is None:
                return None
            flag = self._flag(style.find(self._qn("w:rPr")))
            if flag is not None:
                self._cache[style_id] = flag
                return flag
            based = style.find(self._qn("w:basedOn"))
            style_id = based.get(self._qn("w:val")) if based is not None else None
            seen += 1
        return None

    def of_run(self, run, paragraph_caps: bool | None) -> bool:
        if run is None or run.tag != self._qn("w:r"):
            return bool(paragraph_caps)
        rpr = run.find(self._qn("w:rPr"))
        flag = self._flag(rpr)
        if flag is None and rpr is not None:
            flag = self.of_style(rpr.find(self._qn("w:rStyle")))
        return bool(paragraph_caps) if flag is None else flag


class _Numbering:
    """The list number or bullet Word draws in front of a DOCX paragraph from automatic numbering (word/numbering.xml):
    "1.", "a)", "Điều 2.", a bullet printed as "-" or "+". The paragraph's numId/ilvl come from its own properties,
    else from its style's (through "based on"); the number from the level's start, format and text ("%1.%2."), with a
    counter per abstract numbering, as Word continues a list across the numIds that share one. Numbering that is
    broken or hostile (a missing definition, absurd values, loops through styles) gives no prefix, never an error."""

    _LEVELS = 9  # Word's levels are 0-8: an ilvl outside them is ignored
    _MAX_START = 32767  # the largest start value Word accepts
    _ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
              (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))

    def __init__(self, document) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.oxml.ns import qn

        self._qn = qn
        self._styles = {s.get(qn("w:styleId")): s for s in document.styles.element.iter(qn("w:style"))}
        self._default_style = next((s.get(qn("w:styleId")) for s in self._styles.values()
                                    if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")),
                                   None)
        try:
            root = document.part.part_related_by(RT.NUMBERING).element
        except (KeyError, ValueError):
            root = None
        self._abstract: dict[str, dict] = {}  # abstractNumId -> {"levels": {ilvl: w:lvl}, "link": numStyleLink}
        self._nums: dict[str, tuple] = {}  # numId -> (abstractNumId, {ilvl: (w:lvl or None, startOverride)})
        for el in root if root is not None else ():
            if el.tag == qn("w:abstractNum"):
                link = el.find(qn("w:numStyleLink"))
                self._abstract.setdefault(el.get(qn("w:abstractNumId")), {
                    "levels": self._levels(el), "link": link.get(qn("w:val")) if link is not None else None})
            elif el.tag == qn("w:num"):
                ref, overrides = el.find(qn("w:abstractNumId")), {}
                for over in el.iterchildren(qn("w:lvlOverride")):
                    ilvl, start = self._int(over.get(qn("w:ilvl"))), over.find(qn("w:startOverride"))
                    if ilvl is not None and 0 <= ilvl < self._LEVELS:
                        start = self._int(start.get(qn("w:val"))) if start is not None else None
                        overrides[ilvl] = (over.find(qn("w:lvl")), start)
                if ref is not None:
                    self._nums.setdefault(el.get(qn("w:numId")), (ref.get(qn("w:val")), overrides))
        self._counters: dict[str, dict[int, int]] = {}  # abstractNumId -> {ilvl: the number last drawn}
        self._used: set[str] = set()  # numIds met so far: a num's startOverride restarts the list where first used

    @staticmethod
    def _int(value) -> int | None:
        try:
            return int(value)
        except (TypeError, ValueError):
            return None

    def _on(self, el, tag: str) -> bool:
        """Whether a Word on/off property (w:isLgl, w:vanish) of ``el`` is set."""
        el = el.find(self._qn(tag)) if el is not None else None
        return el is not None and el.get(self._qn("w:val"), "true").lower() not in ("0", "false", "off")

    def _levels(self, abstract) -> dict[int, object]:
        levels = {}
        for lvl in abstract.iterchildren(self._qn("w:lvl")):
            ilvl = self._int(lvl.get(self._qn("w:ilvl")))
            if ilvl is not None and 0 <= ilvl < self._LEVELS:
                levels.setdefault(ilvl, lvl)
        return levels

    def _val(self, lvl, tag: str, default=None):
        el = lvl.find(self._qn(tag)) if lvl is not None else None
        return el.get(self._qn("w:val"), default) if el is not None else default

    def _num_pr(self, p) -> tuple[str | None, str | None, str | None]:
        """numId and ilvl from the paragraph's properties, else its style chain; and its style's id."""
        qn = self._qn
        ppr = p.find(qn("w:pPr"))
        style_id = self._val(ppr, "w:pStyle") or self._default_style
        chain, seen, next_id = [ppr], set(), style_id
        while next_id in self._styles and next_id not in seen and len(seen) < 20:  # a loop of "based on" ends
            seen.add(next_id)
            chain.append(self._styles[next_id].find(qn("w:pPr")))
            next_id = self._val(self._styles[next_id], "w:basedOn")
        num_id = ilvl = None
        for num_pr in (el.find(qn("w:numPr")) for el in chain if el is not None):
            if num_pr is not None:
                num_id = num_id if num_id is not None else self._val(num_pr, "w:numId")
                ilvl = ilvl if ilvl is not None else self._val(num_pr, "w:ilvl")
        return num_id, ilvl, style_id

    def _resolve(self, num_id: str) -> tuple[str, dict, dict] | None:
        """The abstract numbering a numId draws from (following a numbering style's link), its levels and overrides."""
        for _ in range(4):
            num = self._nums.get(num_id)
            abstract = self._abstract.get(num[0]) if num else None
            if abstract is None:
                return None
            if abstract["levels"] or not abstract["link"]:
                return num[0], abstract["levels"], num[1]
            style = self._styles.get(abstract["link"])  # w:numStyleLink: the levels are those of the style's list
            num_id = self._val(style.find(self._qn("w:pPr/w:numPr")) if style is not None else None, "w:numId")
        return None

    def _format(self, n: int, fmt: str | None) -> str:
        if fmt in ("none", "bullet"):
            return ""
        if fmt in ("lowerLetter", "upperLetter") and 1 <= n <= 780:  # a .. z, aa .. zz, as Word goes on
            text = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
            return text.upper() if fmt == "upperLetter" else text
        if fmt in ("lowerRoman", "upperRoman") and 1 <= n <= 3999:
            text = ""
            for value, letters in self._ROMAN:
                count, n = divmod(n, value)
                text += letters * count
            return text.upper() if fmt == "upperRoman" else text
        return f"{n:02d}" if fmt == "decimalZero" else str(n)  # decimal, and the formats not drawn here

    def prefix(self, p) -> str:
        """What Word draws before the paragraph's text ("1. ", "- ", "Điều 2. "), or ""; advances the counters."""
        try:
            return self._prefix(p)
        except Exception as exc:  # noqa: BLE001 - numbering is a nicety: a paragraph's text never depends on it
            log.debug("docx numbering ignored: %s", exc)
            return ""

    def _prefix(self, p) -> str:
        num_id, ilvl, style_id = self._num_pr(p)
        resolved = self._resolve(num_id) if num_id not in (None, "0") else None
        if resolved is None:
            return ""
        abstract_id, levels, overrides = resolved
        if ilvl is None:  # a style's numPr without a level: the level linked to the style, else the first
            ilvl = next((i for i, lvl in levels.items() if self._val(lvl, "w:pStyle") == style_id), 0)
        else:
            ilvl = self._int(ilvl)
        if ilvl is None or not 0 <= ilvl < self._LEVELS:
            return ""

        def level(i):
            return overrides[i][0] if i in overrides and overrides[i][0] is not None else levels.get(i)

        def start(i):  # w:start is 0 when left out; a value Word would not take leaves the paragraph unnumbered
            value = overrides[i][1] if i in overrides and overrides[i][1] is not None else \
                self._int(self._val(level(i), "w:start", "0"))
            if value is None or not 0 <= value <= self._MAX_START:
                raise ValueError(f"start value {value} out of range")
            return value

        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._used:
            self._used.add(num_id)
            for i in overrides:
                counters.pop(i, None)
        lvl = level(ilvl)
        if lvl is None:
            return ""
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start(ilvl)
        for deeper in range(ilvl + 1, self._LEVELS):  # a deeper level restarts, unless its w:lvlRestart says not
            restart = self._int(self._val(level(deeper), "w:lvlRestart"))
            if restart is None or ilvl < restart:
                counters.pop(deeper, None)
        text = self._val(lvl, "w:lvlText", "")
        fmt = self._val(lvl, "w:numFmt", "decimal")
        if len(text) > 100 or self._on(lvl.find(self._qn("w:rPr")), "w:vanish"):  # hostile, or hidden
            return ""
        if fmt == "bullet":  # a Vietnamese letter prints its bullets as dashes (•, Symbol/Wingdings glyphs) or "+"
            text = "+" if text.strip() in ("+", "\uf02b") else "-" if text.strip() else ""
        else:
            legal = self._on(lvl, "w:isLgl")

            def number(match):
                i = int(match.group(1)) - 1
                if i > ilvl:
                    return ""
                return self._format(counters[i] if i in counters else start(i),  # a level not yet used: its start
                                    "decimal" if legal else self._val(level(i), "w:numFmt", "decimal"))

            text = re.sub("%([1-9])", number, text)
        if not text:
            return ""
        return text + ("" if self._val(lvl, "w:suff", "tab") == "nothing" else " ")


def _docx(name: str, data: bytes, limits: LimitSettings) -> DocumentText:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            if len(infos) > MAX_ZIP_ENTRIES or total > limits.max_uncompressed_bytes:
                return DocumentText(name, "", UNREADABLE, "tệp nén bất thường (nghi bom nén), đã từ chối", "docx")
            if any(i.compress_size and i.file_size / i.compress_size > 1000 for i in infos):
                return DocumentText(name, "", UNREADABLE, "tệp nén bất thường (nghi bom nén), đã từ chối", "docx")
    except (zipfile.BadZipFile, ValueError, OSError, RuntimeError, NotImplementedError):
        return DocumentText(name, "", UNREADABLE, "tệp DOCX hỏng", "docx")
    try:
        import docx
        from docx.oxml.ns import qn

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
        caps = _CapsStyles(document)
        numbering = _Numbering(document)
        lines = []
        for p in body.iter(qn("w:p")):
            if any(anc.tag == fallback for anc in p.iterancestors()):
                continue  # a text box's legacy copy: its text is already in mc:Choice
            paragraph_caps = caps.of_style(p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}"))
            parts = []
            for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
                if el.tag != qn("w:t"):
                    parts.append("\t" if el.tag == qn("w:tab") else "\n")
                    continue
                text = el.text or ""
                # the page shows what "All caps" formatting makes of the text ("Ủy ban nhân dân" typed, printed
                # "ỦY BAN NHÂN DÂN"): a letterhead, a type's name, the motto
                parts.append(text.upper() if caps.of_run(el.getparent(), paragraph_caps) else text)
            text, prefix = "".join(parts), numbering.prefix(p)
            # the number or bullet Word draws from automatic numbering; an empty item's is left out (noise)
            lines.append(prefix + text if text.strip() else text)
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many kinds on broken files
        log.info("docx %s unreadable: %s", name, exc)
        return DocumentText(name, "", UNREADABLE, "tệp DOCX hỏng, không đọc được", "docx")
    return DocumentText(name, normalize("\n".join(lines)), OK, None, "docx")

