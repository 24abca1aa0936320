"""`congvan import`, `letters` and `quarantine` on real files, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import mailbox
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from congvan.cli import cli
from congvan.samples.letters import Letter
from tracker.db.schema import letter_sources, letters, messages, quarantine

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "congvan" / "samples" / "demo"
HOSTILE = ROOT.parent / "shared" / "fixtures" / "hostile"
ICT = timezone(timedelta(hours=7))


@pytest.fixture(autouse=True)
def _office(engine):
    """The database knows its office: commands run without a configuration act as it."""
    from tracker.db import offices

    offices.register(engine, "q11.qldt")


def congvan(db_url: str, *args: str):
    result = CliRunner().invoke(cli, list(args), env={"CONGVAN_DATABASE_URL": db_url, "CONGVAN_CONFIG": ""},
                                catch_exceptions=False)
    return result


def rows(engine, table):
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(table).order_by(table.c.id)).mappings()]


def write(folder: Path, name: str, raw: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(raw)
    return path


def test_the_demo_mailbox_imports_with_directions_from_folder_names_and_only_once(engine, db_url):
    first = congvan(db_url, "import", str(DEMO))
    assert first.exit_code == 0, first.output
    recorded = rows(engine, letters)
    inbox = len(list((DEMO / "INBOX").glob("*.eml")))
    sent = len(list((DEMO / "Sent").glob("*.eml")))
    by_direction = {d: sum(1 for m in rows(engine, messages) if m["direction"] == d) for d in ("in", "out")}
    assert by_direction == {"in": inbox, "out": sent}
    assert recorded

    again = congvan(db_url, "import", str(DEMO))
    assert again.exit_code == 0 and "đã có từ trước" in again.output
    assert len(rows(engine, letters)) == len(recorded)
    assert len(rows(engine, messages)) == inbox + sent


def test_letters_jsonl_has_the_schema_fields_and_local_times(engine, db_url):
    congvan(db_url, "import", str(DEMO))
    out = congvan(db_url, "letters", "--jsonl")
    assert out.exit_code == 0
    items = [json.loads(line) for line in out.output.splitlines()]
    assert len(items) == len(rows(engine, letters))
    schema = json.loads((ROOT.parent / "shared" / "eval" / "extraction.schema.json").read_text()) \
        if (ROOT.parent / "shared" / "eval").is_dir() else {"required": []}
    for item in items:
        for key in ["id", "message_id", "mailbox", "folder", "direction", "received_at", "attachments", "status"] \
                + schema["required"]:
            assert key in item, key
        assert item["direction"] in ("in", "out")
        assert item["received_at"].endswith("+07:00")
    assert any(i["doc_number"] for i in items)


def _letter(number: int, **kw) -> Letter:
    return Letter.cong_van(by="q11.p5", number=number, issued=date(2025, 4, 2),
                           subject=f"V/v đề nghị hỗ trợ kinh phí số {number}", **kw)


def test_the_same_letter_by_two_routes_is_one_letter_with_two_sources(engine, db_url, tmp_path):
    letter = _letter(7)
    direct = letter.as_email(sender="q11.p5", to=["qldt@quan11.example"], date=datetime(2025, 4, 2, 9, tzinfo=ICT))
    forwarded = letter.as_email(sender="vanthu@quan11.example", to=["qldt@quan11.example"],
                                date=datetime(2025, 4, 2, 11, tzinfo=ICT), message_id="<fw-7@quan11.example>",
                                note="Chuyển tiếp công văn của Phường 5.")
    write(tmp_path / "in", "a.eml", direct)
    write(tmp_path / "in", "b.eml", forwarded)

    assert congvan(db_url, "import", str(tmp_path / "in")).exit_code == 0

    assert len(rows(engine, letters)) == 1
    assert len(rows(engine, letter_sources)) == 2
    assert [m["status"] for m in rows(engine, messages)] == ["processed", "processed"]


def test_two_messages_without_message_id_and_with_the_same_headers_are_both_kept(engine, db_url, tmp_path):
    head = ("From: p5@quan11.example\r\nTo: qldt@quan11.example\r\nSubject: Cong van\r\n"
            "Date: Wed, 02 Apr 2025 09:00:00 +0700\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
    one = head + "UỶ BAN NHÂN DÂN PHƯỜNG 5\r\nSố: 11/UBND\r\nV/v thứ nhất\r\n"
    two = head + "UỶ BAN NHÂN DÂN PHƯỜNG 5\r\nSố: 12/UBND\r\nV/v thứ hai\r\n"
    box = mailbox.mbox(str(tmp_path / "archive.mbox"))
    for text in (one, two):
        box.add(text.encode("utf-8"))
    box.flush()

    assert congvan(db_url, "import", str(tmp_path / "archive.mbox")).exit_code == 0

    recorded = rows(engine, messages)
    assert len(recorded) == 2 and {m["status"] for m in recorded} == {"processed"}
    assert all(m["message_id"] is None for m in recorded)
    assert sorted(r["doc_number"] for r in rows(engine, letters)) == ["11/UBND", "12/UBND"]


def test_a_letter_bearing_a_secrecy_mark_keeps_only_its_number_and_sender(engine, db_url, tmp_path, caplog):
    letter = _letter(9, secrecy="Mật")
    raw = letter.as_email(sender="q11.p5", to=["qldt@quan11.example"], date=datetime(2025, 4, 3, 9, tzinfo=ICT))
    write(tmp_path, "mat.eml", raw)

    assert congvan(db_url, "import", str(tmp_path / "mat.eml")).exit_code == 0

    [row] = rows(engine, letters)
    assert row["status"] == "secret" and row["secrecy"] == "Mật"
    assert row["text"] is None and row["subject"] is None
    assert row["doc_number"] == letter.doc_number
    assert "kinh phí" not in json.dumps(row["extraction"], ensure_ascii=False)
    assert "secrecy mark" in caplog.text


def test_quarantine_lists_shows_and_exports_the_raw_bytes(engine, db_url, tmp_path):
    junk = write(tmp_path / "in", "junk.eml", b"\x00\x01 not a mail at all")
    assert congvan(db_url, "import", str(junk)).exit_code == 0
    [entry] = rows(engine, quarantine)

    listing = congvan(db_url, "quarantine")
    shown = congvan(db_url, "quarantine", str(entry["id"]))
    exported = congvan(db_url, "quarantine", str(entry["id"]), "--export", str(tmp_path / "out.eml"))

    assert str(junk.resolve()) in listing.output
    assert "Lý do:" in shown.output
    assert exported.exit_code == 0 and (tmp_path / "out.eml").read_bytes() == junk.read_bytes()
    assert rows(engine, messages)[0]["status"] == "quarantined"


def test_every_hostile_mail_ends_processed_or_quarantined_with_its_bytes(engine, db_url):
    folder = HOSTILE / "eml"
    if not folder.is_dir():
        pytest.skip("hostile fixtures not present")
    result = congvan(db_url, "import", str(folder))
    assert result.exit_code == 0, result.output

    recorded = rows(engine, messages)
    files = {str(p.resolve()) for p in folder.iterdir()}
    assert {m["folder"] for m in recorded} == files
    assert {m["status"] for m in recorded} <= {"processed", "quarantined", "duplicate"}
    held = {q["message_ref"]: q for q in rows(engine, quarantine)}
    for m in recorded:
        if m["status"] == "quarantined" and m["uid"] is None:
            assert held[m["id"]]["raw"] == Path(m["folder"]).read_bytes()
    assert sum(m["status"] == "processed" for m in recorded) > 350


def test_the_same_broken_bytes_seen_again_are_held_in_quarantine_once(engine, db_url, tmp_path):
    write(tmp_path / "a", "junk.eml", b"\x00\x01 not a mail at all")
    write(tmp_path / "b", "junk.eml", b"\x00\x01 not a mail at all")

    assert congvan(db_url, "import", str(tmp_path / "a"), str(tmp_path / "b")).exit_code == 0

    assert [m["status"] for m in rows(engine, messages)] == ["quarantined", "duplicate"]
    assert len(rows(engine, quarantine)) == 1


def test_control_characters_in_headers_never_stop_an_import(engine, db_url, tmp_path):
    raw = (b"From: p5@quan11.example\r\nTo: qldt@quan11.example\r\nSubject: C\x00ong v\x01an\r\n"
           b"Message-ID: <nul@quan11.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           + "Số: 21/UBND\r\nV/v thử\r\n".encode())
    write(tmp_path, "nul.eml", raw)
    write(tmp_path, "big.eml", b"From: a@b.example\r\nSubject: big\r\n\r\n" + b"x" * 120_000)

    config = tmp_path / "conf" / "congvan.toml"
    config.parent.mkdir()
    config.write_text("[limits]\nmax_message_bytes = 100000\n")
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "nul.eml"), str(tmp_path / "big.eml")],
                                catch_exceptions=False,
                                env={"CONGVAN_DATABASE_URL": db_url, "CONGVAN_CONFIG": str(config)})
    assert result.exit_code == 0

    assert {m["subject"]: m["status"] for m in rows(engine, messages)} == {None: "quarantined",
                                                                           "Cong van": "processed"}
    # no Date and no Received header: the file's time stands for the arrival
    assert all(m["received_at"] is not None for m in rows(engine, messages) if m["status"] == "processed")



def test_the_urgency_a_sender_puts_in_the_mails_subject_stands_for_the_attached_letter(engine, db_url, tmp_path):
    letter = _letter(9)  # its PDF bears no stamp
    raw = letter.as_email(sender="q11.p5", to=["qldt@quan11.example"], date=datetime(2025, 4, 2, 9, tzinfo=ICT),
                          subject=f"Fwd: [HỎA TỐC] Công văn số {letter.doc_number} đề nghị hỗ trợ kinh phí")
    write(tmp_path / "in", "a.eml", raw)
    plain = _letter(10).as_email(sender="q11.p5", to=["qldt@quan11.example"],
                                 date=datetime(2025, 4, 2, 10, tzinfo=ICT))
    write(tmp_path / "in", "b.eml", plain)

    assert congvan(db_url, "import", str(tmp_path / "in")).exit_code == 0

    assert sorted((r["doc_number"], r["urgency"]) for r in rows(engine, letters)) == [
        (letter.doc_number, "Hỏa tốc"), (_letter(10).doc_number, None)]
