"""A draft as an e-mail: parts, the .docx under its Vietnamese name, and no header smuggled in from a letter."""

from __future__ import annotations

import dataclasses
import email
import email.header
import io
from datetime import datetime, timedelta, timezone
from email.policy import default

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from docx import Document

from notices import samples
from notices.mime import MessageError, build_message
from notices.render import render

ICT = timezone(timedelta(hours=7))
WHEN = datetime(2026, 11, 20, 8, 30, tzinfo=ICT)


def build(rendered, **kwargs):
    args = dict(from_addr=("Phòng Quản lý đô thị", "qldt@quan11.example"), to_addrs=["p5@quan11.example"],
                date=WHEN, message_id_domain="quan11.example")
    args.update(kwargs)
    return build_message(rendered, **args)


def parse(raw: bytes):
    return email.message_from_bytes(raw, policy=default)


def test_a_draft_has_text_html_and_the_docx_under_its_vietnamese_name():
    rendered = render("reminder", samples.reminder())
    raw = build(rendered)
    assert b"\r\n" in raw and all(ord(c) < 128 for c in raw.decode("ascii"))
    msg = parse(raw)
    assert msg["Subject"] == rendered.subject
    assert msg["From"].addresses[0].display_name == "Phòng Quản lý đô thị"
    assert msg["Date"].datetime == WHEN
    assert msg.get_body(("plain",)).get_content().replace("\r\n", "\n") == rendered.text
    assert "Kính gửi: Ủy ban nhân dân Phường 5." in msg.get_body(("html",)).get_content()
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_filename() == rendered.filename
    assert b"filename*0*=utf-8''%C4%90%C3%B4n%20%C4%91%E1%BB%91c" in raw.replace(b"\r\n ", b"")
    assert attachment.get_content_type().endswith("wordprocessingml.document")
    doc = Document(io.BytesIO(attachment.get_content()))
    assert doc.tables[0].cell(1, 0).paragraphs[0].text == "Số:      /QLĐT-XD"


def test_the_report_chart_travels_inline_with_a_content_id():
    rendered = render("report", samples.report())
    msg = parse(build(rendered))
    html = msg.get_body(("html",)).get_content()
    assert 'src="cid:chart0@congvan"' in html and "data:image" not in html
    images = [p for p in msg.walk() if p.get_content_type() == "image/png"]
    assert len(images) == 1 and images[0]["Content-ID"] == "<chart0@congvan>"
    assert images[0].get_content() == rendered.chart_png


def test_an_email_only_draft_has_no_attachment():
    msg = parse(build(render("digest", samples.digest())))
    assert not list(msg.iter_attachments())
    assert msg.get_content_type() == "multipart/alternative"


def test_attach_docx_false_leaves_the_docx_out():
    msg = parse(build(render("reminder", samples.reminder()), attach_docx=False))
    assert not list(msg.iter_attachments())


def test_no_header_can_be_injected_through_the_subject_or_a_unit_name():
    hostile = "Phường 5\r\nBcc: spy@attacker.example\r\n\r\nFake body\x00\x0b"
    ctx = dataclasses.replace(samples.reminder(), unit=hostile, to=())
    rendered = render("reminder", ctx)
    rendered = dataclasses.replace(rendered, subject=rendered.subject + "\nX-Evil: 1\rReply-To: spy@attacker.example")
    raw = build(rendered, from_addr=("Phòng QLĐT\r\nX-Injected: yes", "qldt@quan11.example"),
                to_addrs=[(hostile, "p5@quan11.example")])
    msg = parse(raw)
    for name in ("Bcc", "X-Evil", "Reply-To", "X-Injected"):
        assert msg[name] is None, name
    assert "X-Evil: 1 Reply-To: spy@attacker.example" in msg["Subject"]
    to = str(email.header.make_header(email.header.decode_header(email.message_from_bytes(raw)["To"])))
    assert to == "Phường 5 Bcc: spy@attacker.example Fake body <p5@quan11.example>"  # as RFC 2047 readers show it
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert b"\nBcc:" not in head and b"\nX-Injected:" not in head and b"\x00" not in raw
    kinh_gui = [line for line in msg.get_body(("plain",)).get_content().splitlines() if line.startswith("Kính gửi")]
    assert kinh_gui == ["Kính gửi: Phường 5 Bcc: spy@attacker.example Fake body."]


@pytest.mark.parametrize("address", ["p5@quan11.example\r\nBcc: spy@attacker.example", "no-at-sign",
                                     "a@b@c.example", "p5@quan11.example, spy@attacker.example", "p5@bad_host",
                                     "p5@" + "ấ" * 70 + ".example"])
def test_a_bad_address_is_refused_with_a_clear_error(address):
    with pytest.raises(MessageError, match="address"):
        build(render("digest", samples.digest()), to_addrs=[address])


def test_a_date_without_time_zone_and_an_empty_recipient_list_are_refused():
    rendered = render("digest", samples.digest())
    with pytest.raises(MessageError, match="time zone"):
        build(rendered, date=datetime(2026, 11, 20, 8, 30))
    with pytest.raises(MessageError, match="recipient"):
        build(rendered, to_addrs=[])
    with pytest.raises(MessageError, match="domain"):
        build(rendered, message_id_domain="quan11.example>\r\nX: y")


def test_the_same_draft_gets_the_same_message_id_and_another_draft_another():
    first = parse(build(render("reminder", samples.reminder())))["Message-ID"]
    again = parse(build(render("reminder", samples.reminder())))["Message-ID"]
    other = parse(build(render("deemed_agreed", samples.deemed_agreed())))["Message-ID"]
    assert first == again != other
    assert first.startswith("<congvan.reminder.") and first.endswith("@quan11.example>")


@settings(max_examples=40, deadline=None)
@given(unit=st.text(min_size=1, max_size=80), subject=st.text(max_size=120))
def test_any_text_from_a_letter_renders_and_wraps_without_adding_a_header(unit, subject):
    letter = dataclasses.replace(samples.CONSULTATION, subject=subject)
    rendered = render("reminder", dataclasses.replace(samples.reminder(), unit=unit, to=(), letter=letter))
    msg = parse(build(rendered, to_addrs=[(unit, "p5@quan11.example")]))
    assert sorted(set(msg.keys())) == ["Content-Type", "Date", "From", "MIME-Version", "Message-ID", "Subject", "To",
                                       "X-Congvan-Kind"]
    assert "\n" not in msg["Subject"] and "\r" not in msg["Subject"]
    Document(io.BytesIO(rendered.docx))


def legacy_subject(raw: bytes) -> str:
    """The Subject as an older reader decodes it (email.header, the compat32 way)."""
    return str(email.header.make_header(email.header.decode_header(email.message_from_bytes(raw)["Subject"])))


@pytest.mark.parametrize("kind", ["reminder", "deemed_agreed", "noncooperation", "digest", "report"])
def test_the_subject_decodes_to_what_was_written_in_any_reader(kind):
    rendered = render(kind, samples.SAMPLES[kind]())
    raw = build(rendered)
    assert str(parse(raw)["Subject"]) == rendered.subject
    assert legacy_subject(raw) == rendered.subject
    for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        assert len(line) <= 78  # folded as RFC 5322 recommends


def test_from_and_to_carry_the_units_names():
    msg = parse(build(render("reminder", samples.reminder()),
                      to_addrs=[("Ủy ban nhân dân Phường 5", "p5@quan11.example")]))
    assert str(msg["From"]) == "Phòng Quản lý đô thị <qldt@quan11.example>"
    assert str(msg["To"]) == "Ủy ban nhân dân Phường 5 <p5@quan11.example>"


def test_an_encoded_word_written_inside_a_letter_stays_inert_text():
    trap = "=?utf-8?q?x=0D=0ABcc:_spy@attacker.example?="
    letter = dataclasses.replace(samples.CONSULTATION, number=trap)
    rendered = render("reminder", dataclasses.replace(samples.reminder(), letter=letter))
    raw = build(rendered, to_addrs=[(trap, "p5@quan11.example")])
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert not any(line.lower().startswith(b"bcc") for line in head.split(b"\r\n"))
    assert email.message_from_bytes(raw)["Bcc"] is None
    msg = parse(raw)
    assert msg["Bcc"] is None
    assert trap in str(msg["Subject"]) and str(msg["Subject"]) == rendered.subject
    assert legacy_subject(raw) == rendered.subject
    assert msg["To"].addresses[0].display_name == trap


def test_bidi_controls_never_reach_the_subject_the_file_name_or_the_docx():
    bidi = "Phường\u2066 5\u2069\u202e"
    letter = dataclasses.replace(samples.CONSULTATION, subject="góp ý\u2067 vỉa hè\u2069", number="245/QLĐT\u2068-XD")
    rendered = render("reminder", dataclasses.replace(samples.reminder(), unit=bidi, to=(), letter=letter))
    msg = parse(build(rendered))
    controls = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
    assert not controls & set(str(msg["Subject"]))
    (attachment,) = msg.iter_attachments()
    assert not controls & set(attachment.get_filename())
    document = Document(io.BytesIO(rendered.docx))
    text = "\n".join(p.text for p in document.paragraphs) + document.core_properties.title
    assert not controls & set(text)
    assert "Kính gửi: Phường 5." in text and "245/QLĐT-XD" in text


def test_a_166_character_unit_name_still_makes_a_docx_with_a_shortened_title():
    unit = "Ban Chỉ đạo " + "phòng, chống dịch bệnh và bảo đảm trật tự an toàn giao thông " * 3
    unit = unit[:166]
    rendered = render("reminder", dataclasses.replace(samples.reminder(), unit=unit, to=()))
    document = Document(io.BytesIO(rendered.docx))
    assert len(document.core_properties.title) <= 255
    assert unit.strip() in "\n".join(p.text for p in document.paragraphs)
