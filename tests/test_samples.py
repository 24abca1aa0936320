"""congvan's own sample letters: the builder makes real e-mails, PDFs and DOCX files, and the demo mailbox is what
scenario.toml says it is, regenerates byte for byte, and reads as correct (NFC) Vietnamese."""

from __future__ import annotations

import io
import tomllib
import unicodedata
from datetime import date, datetime
from email import message_from_bytes
from email.policy import default as default_policy

import docx
import mailparser
import pypdfium2
import pytest

from congvan.samples import DEMO_DIR, ICT, Letter, Meeting, forward, plain_email
from congvan.samples import mailbox as demo

SENT = datetime(2025, 1, 20, 9, 12, tzinfo=ICT)


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def pdf_text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf).replace("\r\n", "\n")
    finally:
        pdf.close()


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for p in block.iter():
                if p.tag.endswith("}p"):
                    lines.append("".join(t.text or "" for t in p.iter() if t.tag.endswith("}t")))
    return "\n".join(lines)


def parse(raw: bytes):
    return message_from_bytes(raw, policy=default_policy)


@pytest.fixture(scope="module")
def letter() -> Letter:
    return Letter.cong_van(
        by="q11.p5", number=12, symbol="UBND-ĐT", issued=date(2025, 1, 20),
        subject="lấy ý kiến dự thảo Kế hoạch chỉnh trang vỉa hè",
        recipients=("q11.qldt", "q11.tnmt", "q11.p14"),
        body_paragraphs=("Ủy ban nhân dân Phường 5 đề nghị các cơ quan, đơn vị có ý kiến bằng văn bản gửi về "
                         "Ủy ban nhân dân Phường 5 trước ngày 07/02/2025.",),
    )


# -- the letter as text ----------------------------------------------------------------------------------------------


def test_the_date_line_pads_days_under_ten_and_only_january_and_february():
    assert Letter.cong_van(issued=date(2025, 1, 20)).date_line == "Phường 5, ngày 20 tháng 01 năm 2025"
    assert Letter.cong_van(issued=date(2025, 3, 5)).date_line == "Phường 5, ngày 05 tháng 3 năm 2025"
    assert Letter.cong_van(by="q11.kt", issued=date(2025, 12, 1)).date_line == "Quận 11, ngày 01 tháng 12 năm 2025"


def test_numbers_under_ten_are_zero_padded_and_an_unnumbered_copy_keeps_its_symbol():
    assert Letter.cong_van(number=5, symbol="UBND-ĐT").number_line == "Số: 05/UBND-ĐT"
    assert Letter.cong_van(number=None, symbol="UBND-ĐT").number_line == "Số:     /UBND-ĐT"
    assert Letter.giay_moi(by="q11.tnmt", number=37).doc_number == "37/GM-TNMT"


def test_the_text_reads_letterhead_first_then_addressees_body_and_signature(letter):
    lines = letter.as_text().splitlines()
    assert lines[:7] == [
        "ỦY BAN NHÂN DÂN QUẬN 11", "ỦY BAN NHÂN DÂN PHƯỜNG 5", "Số: 12/UBND-ĐT",
        "V/v lấy ý kiến dự thảo Kế hoạch chỉnh trang vỉa hè",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Phường 5, ngày 20 tháng 01 năm 2025",
    ]
    assert lines[7:11] == ["Kính gửi:", "- Phòng Quản lý đô thị;", "- Phòng Tài nguyên và Môi trường;",
                           "- Ủy ban nhân dân Phường 14."]
    assert lines[11].endswith("trước ngày 07/02/2025./.")
    assert lines[12:15] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    assert lines[-4:] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Minh Khoa"]


def test_a_giay_moi_states_the_meeting_time_and_place():
    gm = Letter.giay_moi(by="q11.tnmt", number=37, issued=date(2025, 3, 5), subject="Dự họp góp ý",
                         recipients=("q11.p5",), body_paragraphs=("Phòng tổ chức họp.", "Rất mong tham dự."),
                         meeting=Meeting(start=datetime(2025, 3, 12, 8, 0), place="Phòng họp số 2, UBND Quận 11"))
    text = gm.as_text()
    assert "GIẤY MỜI\nDự họp góp ý\nKính gửi: Ủy ban nhân dân Phường 5." in text
    assert "Thời gian: 08 giờ 00, thứ Tư, ngày 12/3/2025.\nĐịa điểm: Phòng họp số 2, UBND Quận 11." in text


def test_unknown_kinds_and_urgencies_are_refused():
    with pytest.raises(ValueError):
        Letter.make("cong_van_hoa_toc")
    with pytest.raises(ValueError):
        Letter.cong_van(urgency="Rất khẩn")


def test_text_given_decomposed_is_stored_composed():
    nfd = unicodedata.normalize("NFD", "góp ý dự thảo")
    assert Letter.cong_van(subject=nfd).subject == "góp ý dự thảo"


# -- documents --------------------------------------------------------------------------------------------------------


def test_the_pdf_has_a_text_layer_with_the_number_and_the_date_line(letter):
    data = letter.as_pdf()
    assert data.startswith(b"%PDF-")
    text = unicodedata.normalize("NFC", pdf_text(data))
    assert "Số: 12/UBND-ĐT" in text
    assert "Phường 5, ngày 20 tháng 01 năm 2025" in text
    assert "Trần Minh Khoa" in text


def test_an_urgent_letter_shows_its_mark_in_the_pdf_and_the_subject(letter):
    urgent = letter.but(urgency="Khẩn", number=13)
    assert "KHẨN" in pdf_text(urgent.as_pdf())
    msg = parse(urgent.as_email(sender="q11.p5", to=["q11.qldt"], date=SENT))
    assert msg["Subject"].startswith("KHẨN - Công văn số 13/UBND-ĐT")
    assert msg["X-Priority"] == "1"


def test_the_docx_opens_with_python_docx_and_holds_the_letter(letter):
    text = docx_text(letter.as_docx())
    for line in ("ỦY BAN NHÂN DÂN PHƯỜNG 5", "Số: 12/UBND-ĐT", "Phường 5, ngày 20 tháng 01 năm 2025",
                 "- Phòng Tài nguyên và Môi trường;", letter.body_lines()[0], "Trần Minh Khoa"):
        assert line in text


def test_documents_are_the_same_bytes_every_time(letter):
    assert letter.as_pdf() == letter.as_pdf()
    assert letter.as_docx() == letter.as_docx()


# -- e-mail -----------------------------------------------------------------------------------------------------------


def test_a_letter_by_e_mail_parses_back_with_the_stdlib_and_mail_parser(letter):
    raw = letter.as_email(sender="q11.p5", to=["q11.qldt", ("Phòng Tài nguyên và Môi trường", "tnmt@quan11.example")],
                          cc=["phuong14@quan11.example"], date=SENT, message_id="<t1@quan11.example>")
    assert b"\r\n" in raw and max(len(line) for line in raw.split(b"\r\n")) <= 998
    msg = parse(raw)
    assert msg["From"].addresses[0].addr_spec == "phuong5@quan11.example"
    assert msg["From"].addresses[0].display_name == "Ủy ban nhân dân Phường 5"
    assert [a.addr_spec for a in msg["To"].addresses] == ["qldt@quan11.example", "tnmt@quan11.example"]
    assert msg["Subject"] == ("Công văn số 12/UBND-ĐT ngày 20/01/2025 về việc lấy ý kiến dự thảo Kế hoạch chỉnh "
                              "trang vỉa hè")
    assert msg["Date"].datetime == SENT
    assert msg["Message-ID"] == "<t1@quan11.example>"
    body = msg.get_body(("plain",)).get_content()
    assert "Văn thư UBND Phường 5 gửi kèm Công văn số 12/UBND-ĐT ngày 20/01/2025" in body
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_filename() == "Công văn 12-UBND-ĐT.pdf"
    assert attachment.get_content() == letter.as_pdf()

    mp = mailparser.parse_from_bytes(raw)
    assert mp.subject == msg["Subject"]
    assert [a["filename"] for a in mp.attachments] == ["Công văn 12-UBND-ĐT.pdf"]
    assert mp.from_ == [("Ủy ban nhân dân Phường 5", "phuong5@quan11.example")]


def test_a_docx_attachment_and_a_letter_in_the_body(letter):
    msg = parse(letter.as_email(sender="q11.p5", to=["q11.qldt"], date=SENT, attach="docx"))
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_filename().endswith(".docx")
    assert "Số: 12/UBND-ĐT" in docx_text(attachment.get_content())

    msg = parse(letter.as_email(sender="q11.p5", to=["q11.qldt"], date=SENT, attach="body"))
    assert list(msg.iter_attachments()) == []
    body = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")  # MIME text is CRLF on the wire
    assert "Số: 12/UBND-ĐT\n" in body and "Phường 5, ngày 20 tháng 01 năm 2025\n" in body


def test_an_e_mail_needs_a_timezone(letter):
    with pytest.raises(ValueError):
        letter.as_email(sender="q11.p5", to=["q11.qldt"], date=datetime(2025, 1, 20, 9, 0))


def test_a_forward_carries_the_same_attachment_bytes(letter):
    original = letter.as_email(sender="q11.p5", to=["q11.qldt"], date=SENT)
    fwd = parse(forward(original, sender=("Lê Văn Bảy", "bay@quan11.example"), to=["q11.qldt"],
                        date=datetime(2025, 1, 20, 10, 0, tzinfo=ICT)))
    assert fwd["Subject"].startswith("Fwd: Công văn số 12/UBND-ĐT")
    assert [a.get_content() for a in fwd.iter_attachments()] == [letter.as_pdf()]


def test_a_plain_e_mail_has_no_attachment():
    msg = parse(plain_email(sender="q11.yt", to=["q11.p5"], date=SENT, subject="Đề nghị cung cấp số liệu",
                            body="Kính gửi: Ủy ban nhân dân Phường 5.\n", urgent=True))
    assert msg["Subject"] == "Đề nghị cung cấp số liệu" and msg["Importance"] == "high"
    assert list(msg.iter_attachments()) == []


# -- the demo mailbox -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scenario() -> dict:
    return tomllib.loads((DEMO_DIR / "scenario.toml").read_text(encoding="utf-8"))


def test_regenerating_the_demo_gives_identical_bytes(tmp_path):
    written = demo.write(tmp_path)
    shipped = sorted(p.relative_to(DEMO_DIR) for p in DEMO_DIR.rglob("*") if p.is_file())
    assert sorted(p.relative_to(tmp_path) for p in written) == shipped
    for rel in shipped:
        assert (tmp_path / rel).read_bytes() == (DEMO_DIR / rel).read_bytes(), rel


def test_the_demo_is_small_and_lists_every_message(scenario):
    files = [p for p in DEMO_DIR.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) < 1_500_000
    listed = {m["file"] for m in scenario["message"]}
    assert listed == {str(p.relative_to(DEMO_DIR)) for p in files if p.suffix == ".eml"}
    assert scenario["office"] == {"unit": "q11.p5", "name": "Ủy ban nhân dân Phường 5",
                                  "addresses": ["phuong5@quan11.example"]}


def test_every_demo_message_is_nfc_vietnamese_with_example_addresses_and_its_stated_id(scenario):
    for entry in scenario["message"]:
        raw = (DEMO_DIR / entry["file"]).read_bytes()
        msg = parse(raw)
        assert msg["Message-ID"] == entry["message_id"]
        for header in ("From", "To", "Cc"):
            for address in (msg[header].addresses if msg[header] else ()):
                assert address.domain.endswith(".example")
                assert is_nfc(address.display_name)
        assert is_nfc(msg["Subject"])
        assert is_nfc(msg.get_body(("plain",)).get_content())
        for attachment in msg.iter_attachments():
            assert is_nfc(attachment.get_filename())
            data = attachment.get_content()
            text = pdf_text(data) if data.startswith(b"%PDF") else docx_text(data)
            text = unicodedata.normalize("NFC", text)
            assert f"Số: {entry['letter']}" in text
            issued = date.fromisoformat(str(entry["issued"]))
            assert f"ngày {issued.day:02d} tháng" in text and f"năm {issued.year}" in text
        if entry.get("attach") == "body":
            assert f"Số: {entry['letter']}" in msg.get_body(("plain",)).get_content()


def test_the_urgent_letter_arrives_twice_with_the_same_pdf(scenario):
    entries = [m for m in scenario["message"] if m.get("letter") == "845/VP"]
    assert len(entries) == 2
    pdfs = [[a.get_content() for a in parse((DEMO_DIR / m["file"]).read_bytes()).iter_attachments()]
            for m in entries]
    assert pdfs[0] == pdfs[1] and len(pdfs[0]) == 1
    senders = {parse((DEMO_DIR / m["file"]).read_bytes())["From"].addresses[0].addr_spec for m in entries}
    assert senders == {"vp@quan11.example", "tmkhoa@quan11.example"}


def test_the_reply_cites_the_letter_it_answers(scenario):
    [reply] = [m for m in scenario["message"] if m.get("letter") == "214/QLĐT-HT"]
    [attachment] = parse((DEMO_DIR / reply["file"]).read_bytes()).iter_attachments()
    text = docx_text(attachment.get_content())
    assert "Phúc đáp Công văn số 12/UBND-ĐT ngày 20/01/2025 của UBND Phường 5" in text


def test_the_expected_due_dates_follow_the_rule_pack_and_the_calendar(scenario):
    from tracker.calendar import WorkingCalendar
    from tracker.rules import Request, RulePack, compute_deadline

    pack, calendar = RulePack.load(), WorkingCalendar.vietnam()
    for ob in scenario["obligation"]:
        received = ob["received"]
        request = Request(
            received=received,
            meeting_end=received if ob["rule"] == "meeting" else None,
            requested_due=ob.get("requested_due"),
            requested_working_days=ob.get("requested_working_days"),
            urgent=ob.get("urgent", False),
        )
        deadline = compute_deadline(pack, calendar, ob["rule"], request)
        assert deadline.due == ob["due"], ob
        if ob["outcome"] == "answered":
            assert ob["answered"] <= ob["due"]
        elif ob["owed_to"] == "q11.p5":
            assert ob["outcome"] == deadline.on_lapse, ob


def test_the_sweep_dates_fall_around_the_due_dates(scenario):
    dues = {(ob["letter"], ob["due"]) for ob in scenario["obligation"]}
    sweeps = scenario["sweep"]["dates"]
    assert date(2025, 2, 17) in {d for _, d in dues}
    assert any(d < date(2025, 2, 17) for d in sweeps) and any(d > date(2025, 2, 17) for d in sweeps)
    assert any(d > date(2025, 3, 24) for d in sweeps)  # the escalation of 58/UBND-ĐT
