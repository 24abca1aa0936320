"""The source of each letter for download: the e-mail as it came (.eml) and each attachment, or the uploaded file,
kept in the same transaction as the letter (SQLite and PostgreSQL), never for a letter with a secrecy mark, served
as a download under a clean name, and to the letter's own office only.

Letters and e-mails are written by the project (congvan.samples: invented names and numbers)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from email.message import EmailMessage
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from congvan.cli import cli
from congvan.samples.letters import Letter
from tracker import queries, service
from tracker.db.schema import message_raw

ICT = timezone(timedelta(hours=7))
OFFICE = "q11.qldt"
# a name with folders, a right-to-left override and decomposed Vietnamese: what a hostile sender might write
HOSTILE_NAME = unicodedata.normalize("NFD", "..\\..\\thư mục/Công văn 12\u202egpj.pdf")
CLEAN_NAME = "Công văn 12gpj.pdf"


def _letter(number: int, **kw) -> Letter:
    return Letter.cong_van(by="q11.p5", number=number, issued=date(2025, 4, 2),
                           subject=f"V/v đề nghị hỗ trợ kinh phí số {number}", **kw)


def mail_with_pdf(letter: Letter, filename: str) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"] = "vanthu.p5@quan11.example", "qldt@quan11.example"
    msg["Subject"], msg["Date"] = f"Công văn {letter.doc_number}", "Wed, 02 Apr 2025 09:00:00 +0700"
    msg["Message-ID"] = f"<{letter.number}.nguon@quan11.example>"
    msg.set_content("Văn thư Phường 5 gửi kèm công văn (tập tin đính kèm).")
    msg.add_attachment(letter.as_pdf(), maintype="application", subtype="pdf", filename=filename)
    return msg.as_bytes()


def congvan(db_url: str, *args) -> None:
    result = CliRunner().invoke(cli, list(map(str, args)),
                                env={"CONGVAN_DATABASE_URL": db_url, "CONGVAN_CONFIG": ""}, catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture
def tracker(engine, registry, pack, calendar):
    from tracker.db import offices

    offices.register(engine, OFFICE)
    return service.Tracker(engine=engine, registry=registry, pack=pack, calendar=calendar, office_unit_id=OFFICE)


def _other(tracker):
    import dataclasses

    return dataclasses.replace(tracker, office_unit_id="q11.p5")


def _only_letter(tracker) -> int:
    rows, _n = queries.list_letters(tracker, limit=10)
    assert len(rows) == 1
    return rows[0]["id"]


def test_an_imported_mail_and_its_pdf_come_back_byte_for_byte_under_a_clean_name(tracker, db_url, tmp_path):
    letter = _letter(12)
    raw = mail_with_pdf(letter, HOSTILE_NAME)
    (tmp_path / "thu.eml").write_bytes(raw)
    congvan(db_url, "import", tmp_path / "thu.eml")
    letter_id = _only_letter(tracker)

    [source] = queries.letter_sources_files(tracker, letter_id)
    assert source["mailbox"] == "import" and source["subject"] == f"Công văn {letter.doc_number}"
    eml, pdf = source["files"]
    assert eml["part"] is None and eml["filename"].endswith(".eml") and eml["content_type"] == "message/rfc822"
    assert pdf["filename"] == CLEAN_NAME and pdf["content_type"] == "application/pdf"

    name, ctype, data = queries.source_file(tracker, letter_id, source["message_ref"])
    assert data == raw and name.endswith(".eml")
    name, ctype, data = queries.source_file(tracker, letter_id, source["message_ref"], pdf["part"])
    assert (name, ctype, data) == (CLEAN_NAME, "application/pdf", letter.as_pdf())

    with pytest.raises(queries.Missing):  # another office's letter reads as missing
        queries.source_file(_other(tracker), letter_id, source["message_ref"])
    with pytest.raises(queries.Missing):
        queries.letter_sources_files(_other(tracker), letter_id)
    with pytest.raises(queries.Missing):  # no such attachment
        queries.source_file(tracker, letter_id, source["message_ref"], 7)


def test_a_letter_bearing_a_secrecy_mark_keeps_no_bytes(tracker, engine, db_url, tmp_path):
    letter = _letter(9, secrecy="Mật")
    (tmp_path / "mat.eml").write_bytes(letter.as_email(sender="q11.p5", to=["qldt@quan11.example"],
                                                       date=datetime(2025, 4, 3, 9, tzinfo=ICT)))
    congvan(db_url, "import", tmp_path / "mat.eml")
    letter_id = _only_letter(tracker)

    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(message_raw)).scalar() == 0
    [source] = queries.letter_sources_files(tracker, letter_id)
    assert source["files"] == []
    with pytest.raises(queries.Missing):
        queries.source_file(tracker, letter_id, source["message_ref"])


def test_an_uploaded_docx_comes_back_as_it_was_uploaded(tracker):
    letter = _letter(14)
    data = letter.as_docx()
    done = service.register_document(tracker, data, letter.file_name("docx"), actor="vanthu")

    [source] = queries.letter_sources_files(tracker, done.letter_id)
    [whole] = source["files"]
    assert whole["filename"] == letter.file_name("docx")
    name, ctype, back = queries.source_file(tracker, done.letter_id, source["message_ref"])
    assert back == data and name == letter.file_name("docx")
    assert ctype == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# -- the letter page (Flask test client on the seeded desk) -------------------------------------------------------

@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    from tests import webdesk

    root = tmp_path_factory.mktemp("webdesk")
    desk = webdesk.build(root)
    letter = Letter.cong_van(by="q11.qldt", number=21, issued=date(2025, 6, 4),
                             subject="V/v đề nghị báo cáo số liệu chỉnh trang vỉa hè")
    desk.raw = mail_with_pdf(letter, HOSTILE_NAME)
    desk.pdf = letter.as_pdf()
    (root / "nguon.eml").write_bytes(desk.raw)
    webdesk.congvan("--config", desk.config, "import", root / "nguon.eml")
    rows, _n = queries.list_letters(desk.tracker, limit=500)
    desk.source_letter = next(r["id"] for r in rows if r["doc_number"] == letter.doc_number)
    return desk


@pytest.fixture
def app(desk):
    from web.app import create_app

    return create_app(desk.settings, tracker=desk.tracker)


def login(client, name):
    from tests import webdesk

    page = client.get("/dang-nhap").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    client.post("/dang-nhap", data={"name": name, "password": webdesk.PASSWORD, "csrf_token": token})


def _disposition_name(header: str) -> str:
    assert header.startswith("attachment;")
    return unquote(re.search(r"filename\*=UTF-8''([^;]+)", header).group(1))


def test_the_letter_page_offers_the_mail_and_its_pdf_as_downloads(app, desk):
    client = app.test_client()
    login(client, "vanthu")
    page = client.get(f"/van-ban/{desk.source_letter}").get_data(as_text=True)
    links = re.findall(rf'href="(/van-ban/{desk.source_letter}/nguon/[^"]+)"', page)
    assert len(links) == 2 and "Thư gốc (.eml)" in page and CLEAN_NAME in page

    eml = client.get(links[0])
    assert eml.status_code == 200 and eml.data == desk.raw
    assert eml.headers["X-Content-Type-Options"] == "nosniff"
    assert eml.headers["Content-Disposition"].startswith("attachment;")
    pdf = client.get(links[1])
    assert pdf.status_code == 200 and pdf.data == desk.pdf and pdf.mimetype == "application/pdf"
    assert pdf.headers["X-Content-Type-Options"] == "nosniff"
    assert _disposition_name(pdf.headers["Content-Disposition"]) == CLEAN_NAME

    other = app.test_client()
    login(other, "khac")  # a clerk of another office
    assert other.get(links[0]).status_code == 404 and other.get(links[1]).status_code == 404
    assert client.get(f"/van-ban/{desk.other_letter}/nguon/1").status_code == 404


def test_a_mailbox_file_imported_in_batches_keeps_each_message_s_bytes(tracker, engine, db_url, tmp_path):
    import mailbox

    sent = [mail_with_pdf(_letter(n), f"cong-van-{n}.pdf") for n in (31, 32, 33)]
    box = mailbox.mbox(str(tmp_path / "luu.mbox"))
    for raw in sent:
        box.add(raw)
    box.flush()
    congvan(db_url, "import", tmp_path / "luu.mbox")

    rows, _n = queries.list_letters(tracker, limit=10)
    assert len(rows) == 3
    kept = []
    for row in rows:
        [source] = queries.letter_sources_files(tracker, row["id"])
        eml = queries.source_file(tracker, row["id"], source["message_ref"])[2]
        kept.append(eml)
        assert queries.source_file(tracker, row["id"], source["message_ref"], 0)[2].startswith(b"%PDF-")
    # mbox keeps each message as it was, but for its "From " line and line ends: the body is the same
    assert sorted(m.split(b"\n\n", 1)[1].replace(b"\r\n", b"\n")[:200] for m in kept) == \
        sorted(m.split(b"\n\n", 1)[1].replace(b"\r\n", b"\n")[:200] for m in sent)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(message_raw)).scalar() == 3
