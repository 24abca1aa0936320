"""Letters that come as images: a page scanned or photographed as JPEG, PNG or TIFF, alone or page by page in an
e-mail, read by tesseract like a scanned PDF; logos and signature pictures are not letters; broken or enormous
images are refused in one line. Text recognised from an image always waits for the clerk."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta, timezone
from email.message import EmailMessage

import pytest
from click.testing import CliRunner
from PIL import Image

from congvan.cli import cli
from congvan.samples.letters import Letter
from intake.documents import read_attachment, tesseract_available

LETTER = Letter.cong_van(by="q11.tnmt", number=37, issued=date(2025, 3, 5),
                         subject="V/v kiểm tra vệ sinh môi trường và thủy lợi trên địa bàn phường")
OCR = tesseract_available()


def page_image(fmt: str = "PNG") -> bytes:
    import pypdfium2 as pdfium

    image = pdfium.PdfDocument(LETTER.as_pdf())[0].render(scale=200 / 72).to_pil().convert("RGB")
    buf = io.BytesIO()
    image.save(buf, format=fmt, **({"quality": 90} if fmt == "JPEG" else {}))
    return buf.getvalue()


def logo() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (180, 60), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


@pytest.mark.parametrize("fmt, name", [("PNG", "trang-1.png"), ("JPEG", "Công văn 37.jpg"), ("TIFF", "scan.tif")])
def test_a_page_as_an_image_is_read_by_ocr_or_waits_for_it(fmt, name):
    data = page_image(fmt)
    with_ocr, without = read_attachment(name, data, ocr=True), read_attachment(name, data, ocr=False)
    assert without.status == "needs_ocr" and without.kind == "image"
    if OCR:
        assert with_ocr.status == "ok" and with_ocr.ocr and "vệ sinh môi trường" in " ".join(with_ocr.text.split())
    else:
        assert with_ocr.status == "needs_ocr"


def test_a_logo_a_broken_image_and_an_image_bomb_are_refused_in_one_line():
    assert read_attachment("logo.png", logo(), ocr=True).warning == "ảnh quá nhỏ để là trang văn bản"
    broken = read_attachment("hong.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, ocr=True)
    assert (broken.status, broken.warning) == ("unreadable", "ảnh hỏng, không đọc được")
    buf = io.BytesIO()
    Image.new("1", (12000, 12000), 1).save(buf, format="PNG")  # 144 million pixels in a few kilobytes
    bomb = read_attachment("bom.png", buf.getvalue(), ocr=True)
    assert bomb.status == "unreadable" and bomb.warning.startswith("ảnh quá lớn")


def scanned_mail() -> bytes:
    msg = EmailMessage()
    msg["From"] = "Văn thư Phòng TNMT <tnmt@quan11.example>"
    msg["To"] = "qldt@quan11.example"
    msg["Subject"] = "Gửi văn bản scan"
    msg["Date"] = "Thu, 06 Mar 2025 09:00:00 +0700"
    msg["Message-ID"] = "<scan-37@quan11.example>"
    msg.set_content("Văn thư gửi quý phòng văn bản scan đính kèm.\n\nTrân trọng.")
    msg.add_attachment(logo(), maintype="image", subtype="png", filename="logo.png")
    msg.add_attachment(page_image("JPEG"), maintype="image", subtype="jpeg", filename="trang1.jpg")
    return msg.as_bytes()


def test_an_email_with_a_letter_photographed_is_one_letter_for_the_clerk(engine, db_url, tmp_path):
    from tracker.db import offices

    offices.register(engine, "q11.qldt")
    (tmp_path / "scan.eml").write_bytes(scanned_mail())
    env = {"CONGVAN_DATABASE_URL": db_url, "CONGVAN_CONFIG": ""}
    done = CliRunner().invoke(cli, ["import", str(tmp_path / "scan.eml")], env=env, catch_exceptions=False)
    assert done.exit_code == 0, done.output
    listed = CliRunner().invoke(cli, ["letters", "--jsonl"], env=env, catch_exceptions=False)
    letters = [json.loads(line) for line in listed.output.splitlines()]
    assert len(letters) == 1  # the logo is not a letter, the cover note is not read as one
    if OCR:
        assert letters[0]["doc_number"] == "37/TNMT" and letters[0]["status"] == "needs_review"
    else:
        assert letters[0]["status"] == "needs_ocr"


def test_a_scan_saved_as_an_image_is_registered_with_its_arrival_number(engine, db_url, tmp_path):
    from tracker.db import offices

    offices.register(engine, "q11.qldt")
    path = tmp_path / "ban-chup.png"
    path.write_bytes(page_image("PNG"))
    env = {"CONGVAN_DATABASE_URL": db_url, "CONGVAN_CONFIG": ""}
    done = CliRunner().invoke(cli, ["import", str(path), "--by", "Lê Thị Hoa"], env=env, catch_exceptions=False)
    assert done.exit_code == 0, done.output
    assert "số đến 1" in done.output or "Số đến 1" in done.output, done.output
