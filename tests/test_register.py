"""The clerk's desk on a real database (SQLite and PostgreSQL): arrival numbers, letters that came on paper or from
the e-office system, the register of incoming letters as .xlsx and .docx, search without diacritics, and the
leaders' figures per unit.

Letters are written by the project's sample helpers (congvan.samples: invented names and numbers) as real PDF,
DOCX and e-mail files.
"""

from __future__ import annotations

import json
import threading
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import insert, select

from congvan.cli import cli
from congvan.samples.letters import ICT, Letter
from tracker import service
from tracker.db import mail as ledger
from tracker.db import register as register_db
from tracker.db.schema import letters, quarantine
from tracker.search import fold, letter_search_text, terms

D = date.fromisoformat


OFFICE = "q11.p5"


@pytest.fixture
def office(engine):
    """The database keeps the letters of UBND Phường 5: commands without a configuration act as it."""
    from tracker.db import offices

    offices.register(engine, OFFICE)
    return OFFICE


@pytest.fixture
def tracker(engine, office, registry, pack, calendar):
    return service.Tracker(engine=engine, registry=registry, pack=pack, calendar=calendar, office_unit_id=office)


def congvan(db_url: str, *args: str):
    result = CliRunner().invoke(cli, list(args), env={"CONGVAN_DATABASE_URL": db_url, "CONGVAN_CONFIG": ""},
                                catch_exceptions=False)
    return result


def cong_van(number: int, subject: str, *, by: str = "q11.tnmt", issued: date = date(2026, 3, 2)) -> Letter:
    return Letter.cong_van(by=by, number=number, issued=issued, subject=subject)


def rows(engine, table=letters):
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(table).order_by(table.c.id))]


def numbers(engine) -> dict[str, int | None]:
    return {r["doc_number"]: r["arrival_number"] for r in rows(engine)}


# -- folding (pure) -------------------------------------------------------------------------------------------------

def test_folding_drops_tone_and_vowel_marks_case_and_punctuation():
    assert fold("Quyết định 1342/QĐ-UBND") == "quyet dinh 1342 qd ubnd"
    assert fold("PHƯỜNG 5") == fold("Phường 5") == "phuong 5"
    assert fold("đô thị") == fold("do thi") == fold("ĐÔ THỊ") == "do thi"
    assert fold("Hỏa tốc: Thủy lợi, Ủy ban") == "hoa toc thuy loi uy ban"
    assert terms("Số 05/UBND, số 05") == ["so", "5", "ubnd"]  # leading zeros dropped, repeats once


def test_a_letters_search_words_start_with_its_number():
    text = letter_search_text({"doc_number": "1342/QĐ-UBND", "doc_type": "Quyết định", "issuer": "UBND Quận 11",
                               "subject": "về việc ban hành Quy chế phối hợp"}, {"recipients": ["Phường 5"]})
    assert text.startswith(" 1342 qd ubnd quyet dinh ") and text.endswith(" ")
    assert " phuong 5 " in text


# -- arrival numbers ------------------------------------------------------------------------------------------------

def test_import_of_a_pdf_and_a_docx_registers_both_with_consecutive_numbers(engine, office, db_url, tmp_path):
    pdf = tmp_path / "qd-1342.pdf"
    pdf.write_bytes(Letter.make("quyet_dinh", by="q11", number=1342, issued=date(2026, 3, 2),
                                subject="về việc ban hành Quy chế phối hợp của Phường 5").as_pdf())
    docx = tmp_path / "cv-37.docx"
    docx.write_bytes(cong_van(37, "V/v lấy ý kiến về quản lý đô thị").as_docx())

    result = congvan(db_url, "import", str(pdf), str(docx), "--by", "Nguyễn Thị Văn Thư")
    assert result.exit_code == 0, result.output
    assert "2 vào sổ" in result.output

    out = congvan(db_url, "letters", "--jsonl")
    items = {i["doc_number"]: i for i in map(json.loads, out.output.splitlines())}
    assert set(items) == {"1342/QĐ-UBND", "37/TNMT"}
    assert sorted(i["arrival_number"] for i in items.values()) == [1, 2]
    assert items["1342/QĐ-UBND"]["arrival_number"] == 1  # files are taken in the order given
    today = datetime.now(ICT).date().isoformat()
    assert {i["arrival_date"] for i in items.values()} == {today}
    assert items["37/TNMT"]["source"] == "cv-37.docx" and items["37/TNMT"]["mailbox"] == "upload"
    assert items["37/TNMT"]["direction"] == "in"
    assert items["1342/QĐ-UBND"]["doc_type"] == "Quyết định"


def test_a_folder_of_files_mixes_mail_and_documents_and_a_broken_file_is_quarantined(engine, office, db_url,
                                                                                      tmp_path):
    folder = tmp_path / "den"
    folder.mkdir()
    (folder / "cv-40.pdf").write_bytes(cong_van(40, "V/v báo cáo tình hình vỉa hè").as_pdf())
    (folder / "hong.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> broken")
    (folder / "thu.eml").write_bytes(cong_van(41, "V/v phối hợp kiểm tra", by="q11.qldt").as_email(
        sender="q11.qldt", to=["p5@quan11.example"], date=datetime(2026, 3, 3, 9, tzinfo=ICT)))

    result = congvan(db_url, "import", str(folder))
    assert result.exit_code == 0, result.output
    assert "1 cách ly" in result.output

    assert sorted(n for n in numbers(engine).values()) == [1, 2]
    held = rows(engine, quarantine)
    assert len(held) == 1 and "hong.pdf" in held[0]["origin"] and held[0]["raw"].startswith(b"%PDF")


def test_three_concurrent_uploads_get_three_consecutive_numbers(tracker, engine):
    files = [cong_van(50 + i, f"V/v nội dung thứ {i + 1}").as_docx() for i in range(3)]
    results, errors = [], []
    start = threading.Barrier(3)

    def upload(data: bytes, i: int) -> None:
        try:
            start.wait()
            results.append(service.register_document(tracker, data, f"cv-{i}.docx", actor="văn thư", via="giấy"))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=upload, args=(data, i)) for i, data in enumerate(files)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    assert sorted(r.arrival_number for r in results) == [1, 2, 3]
    assert sorted(numbers(engine).values()) == [1, 2, 3]


def test_the_counter_never_gives_a_number_twice_under_concurrent_transactions(engine):
    got, errors = [], []

    def take() -> None:
        try:
            for _ in range(10):
                with engine.begin() as conn:
                    got.append(register_db.next_arrival_number(conn, "q11.p5", 2026))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=take) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    assert sorted(got) == list(range(1, 41))


def test_a_letter_by_two_routes_keeps_one_number_and_an_outgoing_letter_gets_none(tracker, engine, db_url,
                                                                                   tmp_path):
    letter = cong_van(7, "V/v đề nghị hỗ trợ kinh phí", by="q11.qldt")
    inbox, sent = tmp_path / "INBOX", tmp_path / "Sent"
    inbox.mkdir()
    sent.mkdir()
    (inbox / "a.eml").write_bytes(letter.as_email(sender="q11.qldt", to=["p5@quan11.example"],
                                                  date=datetime(2026, 3, 3, 9, tzinfo=ICT)))
    (inbox / "b.eml").write_bytes(letter.as_email(sender="vanthu@quan11.example", to=["p5@quan11.example"],
                                                  date=datetime(2026, 3, 3, 11, tzinfo=ICT),
                                                  message_id="<fw-7@quan11.example>", note="Chuyển tiếp."))
    (sent / "c.eml").write_bytes(cong_van(9, "V/v trả lời", by="q11.p5").as_email(
        sender="q11.p5", to=["qldt@quan11.example"], date=datetime(2026, 3, 4, 9, tzinfo=ICT)))
    assert congvan(db_url, "import", str(inbox), str(sent)).exit_code == 0

    # the same letter on paper, scanned by the clerk: still the one letter with its one number
    again = service.register_document(tracker, letter.as_pdf(), "cv-7.pdf", actor="văn thư", via="giấy")
    assert again.duplicate and again.arrival_number == 1
    by_number = {r["doc_number"]: r for r in rows(engine)}
    assert len(by_number) == 2
    assert (by_number["07/QLĐT"]["arrival_number"], by_number["07/QLĐT"]["arrival_date"]) == (1, D("2026-03-03"))
    assert by_number["09/UBND"]["direction"] == "out" and by_number["09/UBND"]["arrival_number"] is None
    # the next letter continues the sequence
    nxt = service.register_document(tracker, cong_van(8, "V/v khác").as_docx(), "cv-8.docx", actor="văn thư",
                                    via="hệ thống quản lý văn bản")
    assert (nxt.arrival_number, nxt.duplicate) == (2, False)
    assert [r.note for r in service.register_rows(tracker, nxt.arrival_date.year)][-1] \
        == "nhận qua hệ thống quản lý văn bản"


def test_a_scanned_paper_letter_is_read_through_ocr_and_registered(tracker, engine):
    import io

    import pypdfium2 as pdfium

    from intake.documents import tesseract_available

    letter = cong_van(61, "V/v kiểm tra vệ sinh môi trường")
    image = pdfium.PdfDocument(letter.as_pdf())[0].render(scale=200 / 72).to_pil()
    buf = io.BytesIO()
    image.save(buf, format="PDF", resolution=200)

    done = service.register_document(tracker, buf.getvalue(), "ban-chup.pdf", actor="văn thư", via="giấy")
    assert done.arrival_number == 1 and not done.duplicate
    row = rows(engine)[0]
    if tesseract_available():
        assert row["doc_number"] == "61/TNMT"
        assert [i["id"] for i in service.search_letters(tracker, q="kiem tra ve sinh").items] == [row["id"]]
    else:
        assert row["status"] == "needs_ocr"
        assert service.register_rows(tracker, done.arrival_date.year)[0].note.endswith("cần nhận dạng chữ")


def test_numbers_restart_each_year(engine):
    with engine.begin() as conn:
        assert [register_db.next_arrival_number(conn, "q11.p5", y) for y in (2025, 2025, 2026, 2025)] == [1, 2, 1, 3]
        assert register_db.next_arrival_number(conn, "q11.qldt", 2025) == 1  # another office, its own register


def test_a_file_that_is_not_a_letter_is_quarantined_without_a_number(tracker, engine):
    done = service.register_document(tracker, b"just some words", "ghi-chu.txt", actor="văn thư")
    assert done.status == "quarantined" and "không phải tệp PDF, DOCX hoặc ảnh quét" in done.reason
    assert rows(engine) == []
    with pytest.raises(ValueError, match="nguồn văn bản không hợp lệ"):
        service.register_document(tracker, b"%PDF-", "x.pdf", actor="văn thư", via="fax")


def test_letters_recorded_before_the_register_are_numbered_in_arrival_order_at_upgrade(db_url):
    from tracker import db

    engine = db.create(db_url)
    db.upgrade(engine, "0001")
    def t(local: str) -> datetime:  # stored in UTC, as intake stores times
        return datetime.fromisoformat(local).replace(tzinfo=ICT).astimezone(timezone.utc)

    with engine.begin() as conn:
        for number, direction, at, status in [("3/A", "in", "2025-12-31T23:30", "new"),
                                              ("1/A", "in", "2025-12-30T08:00", "needs_review"),
                                              ("2/A", "out", "2025-12-30T09:00", "new"),
                                              ("4/A", "in", "2026-01-01T00:30", "confirmed"),
                                              ("5/A", "in", "2025-12-31T09:00", "secret")]:
            conn.execute(insert(letters).values(direction=direction, doc_number=number, subject="Phường 5",
                                                received_at=t(at), status=status))
    db.upgrade(engine)
    got = {r["doc_number"]: (r["arrival_year"], r["arrival_number"]) for r in rows(engine)}
    assert got == {"1/A": (2025, 1), "3/A": (2025, 2), "2/A": (None, None), "4/A": (2026, 1), "5/A": (None, None)}
    with engine.begin() as conn:  # letters from before offices belong to the office of that time (0002_offices)
        assert register_db.next_arrival_number(conn, "q11.qldt", 2025) == 3  # the counter goes on from there
    assert rows(engine)[0]["search_text"] == " 3 a phuong 5 "
    engine.dispose()


# -- the register and its files -------------------------------------------------------------------------------------

@pytest.fixture
def three_letters(tracker):
    done = []
    for letter, via in [(Letter.make("quyet_dinh", by="q11", number=1342, issued=date(2026, 3, 2),
                                     subject="về việc ban hành Quy chế phối hợp"), "giấy"),
                        (cong_van(37, "V/v lấy ý kiến về chỉnh trang đô thị").but(urgency="Khẩn"),
                         "hệ thống quản lý văn bản"),
                        (cong_van(38, "V/v báo cáo số liệu", by="q11.qldt"), "giấy")]:
        done.append(service.register_document(tracker, letter.as_docx(), letter.file_name("docx"),
                                              actor="văn thư", via=via))
    return done


def test_register_rows_follow_the_decrees_columns(tracker, three_letters):
    year = three_letters[0].arrival_date.year
    reg = service.register_rows(tracker, year)
    assert [r.arrival_number for r in reg] == [1, 2, 3]
    first, second = reg[0], reg[1]
    assert (first.doc_number, first.issue_date, first.author) == ("1342/QĐ-UBND", D("2026-03-02"),
                                                                  "Ủy ban nhân dân Quận 11")
    assert first.type_and_subject == "Quyết định về việc ban hành Quy chế phối hợp"
    assert second.author == "Phòng Tài nguyên và Môi trường"
    assert second.note.startswith("Khẩn; nhận qua hệ thống quản lý văn bản")
    assert service.register_rows(tracker, year - 1) == []
    with pytest.raises(ValueError, match="năm không hợp lệ"):
        service.register_rows(tracker, 0)


def test_the_register_as_xlsx_has_the_headings_and_the_rows_a_clerk_checks(tracker, three_letters, db_url,
                                                                            tmp_path):
    from openpyxl import load_workbook

    year = three_letters[0].arrival_date.year
    out = tmp_path / "so-den.xlsx"
    result = congvan(db_url, "--config", str(_office_config(tmp_path)), "register", "--year", str(year),
                     "--out", str(out))
    assert result.exit_code == 0, result.output
    ws = load_workbook(out).active
    cells = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    heading = next(i for i, row in enumerate(cells) if row[0] == "Ngày đến")
    assert list(cells[heading]) == ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng",
                                    "Tên loại và trích yếu nội dung", "Đơn vị hoặc người nhận", "Ký nhận", "Ghi chú"]
    assert list(cells[heading + 1]) == [f"({i})" for i in range(1, 10)]
    data = cells[heading + 2:]
    assert [r[1] for r in data] == [1, 2, 3]
    assert data[0][3] == "1342/QĐ-UBND" and data[0][4].date() == D("2026-03-02")
    assert data[1][0].date() == three_letters[1].arrival_date
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in [r[0] for r in cells[:heading]]


def test_the_register_as_docx_is_a4_landscape_in_times_new_roman(tracker, three_letters, tmp_path):
    import shutil

    from docx import Document

    from notices.register_export import HEADINGS, to_docx

    reg = service.register_rows(tracker, three_letters[0].arrival_date.year)
    path = tmp_path / "so-den.docx"
    to_docx(reg, path, year=three_letters[0].arrival_date.year, office="Ủy ban nhân dân Phường 5")
    doc = Document(str(path))
    section = doc.sections[0]
    assert section.page_width > section.page_height
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    assert section.left_margin.mm >= 30 and section.right_margin.mm >= 15
    assert doc.styles["Normal"].font.name == "Times New Roman"
    table = doc.tables[0]
    assert tuple(c.text for c in table.rows[0].cells) == HEADINGS
    assert [table.cell(i, 1).text for i in (2, 3, 4)] == ["1", "2", "3"]
    assert table.cell(2, 3).text == "1342/QĐ-UBND" and table.cell(2, 4).text == "02/03/2026"
    if shutil.which("soffice") or shutil.which("libreoffice"):
        from tests.test_notices_pdf import to_pdf

        pdf = to_pdf(path.read_bytes(), tmp_path)
        page = pdf.pages[0]
        assert page.width > page.height
        text = page.extract_text()
        assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in text and "1342/QĐ" in text and "Phòng Tài nguyên" in text
        pdf.close()


def _office_config(tmp_path: Path) -> Path:
    path = tmp_path / "congvan.toml"
    path.write_text('[office]\nunit = "Ủy ban nhân dân Phường 5"\n', encoding="utf-8")
    return path


# -- search ---------------------------------------------------------------------------------------------------------

def add(engine, number, subject, *, doc_type="Công văn", issuer="Ủy ban nhân dân Quận 11", direction="in",
        received="2026-03-02", status="new", issuer_unit_id=None, **extraction):
    at = datetime.fromisoformat(received + "T09:00").replace(tzinfo=ICT)
    msg = ledger.MessageRecord(office_id=OFFICE, mailbox="test", folder="INBOX", uidvalidity=1, uid=abs(hash(number)) % 10**9,
                               content_hash=f"h{number}", direction=direction, received_at=at)
    rec = ledger.LetterRecord(part="body", direction=direction, status=status, content_hash=f"t{number}",
                              fields={"doc_number": number, "doc_type": doc_type, "issuer": issuer,
                                      "issuer_unit_id": issuer_unit_id, "subject": subject}, extraction=extraction, received_at=at)
    return ledger.record_message(engine, msg, [rec]).letter_ids[0]


@pytest.fixture
def some_letters(engine, office):
    return {
        "qd": add(engine, "1342/QĐ-UBND", "về việc ban hành Quy chế phối hợp", doc_type="Quyết định"),
        "p5": add(engine, "12/UBND", "V/v chỉnh trang vỉa hè", issuer="Ủy ban nhân dân Phường 5",
                  received="2026-03-05"),
        "p15": add(engine, "123/UBND", "V/v chỉnh trang vỉa hè", issuer="Ủy ban nhân dân Phường 15",
                   received="2026-03-06"),
        "dt": add(engine, "88/QLĐT-HT", "V/v góp ý đồ án quy hoạch đô thị", issuer="Phòng Quản lý đô thị",
                  issuer_unit_id="q11.qldt", received="2026-03-09", status="needs_review"),
        "out": add(engine, "9/UBND-ĐT", "V/v đề nghị các phường báo cáo", direction="out", received="2026-03-10",
                   recipients=["UBND Phường 5", "UBND Phường 14"]),
    }


def found(tracker, **kw) -> set[int]:
    return {i["id"] for i in service.search_letters(tracker, **kw).items}


def test_search_ignores_diacritics_and_case(tracker, some_letters):
    s = some_letters
    assert found(tracker, q="quyet dinh 1342") == {s["qd"]}
    assert found(tracker, q="Quyết định 1342/QĐ-UBND") == {s["qd"]}
    assert found(tracker, q="PHUONG 5") == {s["p5"], s["out"]}  # the issuer, and a recipient
    assert found(tracker, q="đô thị") == found(tracker, q="do thi") == {s["dt"]}
    assert found(tracker, q="vỉa hè") == {s["p5"], s["p15"]}
    assert found(tracker, q="?!") == set()


def test_search_by_number_unit_dates_state_and_direction(tracker, some_letters):
    s = some_letters
    assert found(tracker, number="12") == {s["p5"]}  # not 123/UBND
    assert found(tracker, number="1342/QĐ") == {s["qd"]}
    assert found(tracker, number="88/qldt-ht") == {s["dt"]}
    assert found(tracker, date_from=D("2026-03-05"), date_to=D("2026-03-06")) == {s["p5"], s["p15"]}
    assert found(tracker, state="needs_review") == {s["dt"]}
    assert found(tracker, direction="đi") == {s["out"]}
    assert found(tracker, unit="Phòng Quản lý đô thị") == {s["dt"]}
    result = service.search_letters(tracker, q="ubnd", limit=2)
    assert result.total == 4 and len(result.items) == 2  # newest first, two at a time
    assert [i["id"] for i in result.items] == sorted((i["id"] for i in result.items), reverse=True)
    for bad in ({"state": "lost"}, {"direction": "ngang"}, {"unit": "Phòng Không Có"}, {"limit": 0},
                {"date_from": D("2026-03-06"), "date_to": D("2026-03-05")}):
        with pytest.raises(ValueError):
            service.search_letters(tracker, **bad)


def test_a_corrected_letter_is_found_by_its_new_words(tracker, some_letters):
    from tracker.db import store

    with tracker.engine.begin() as conn:
        store.edit_letter(conn, some_letters["p15"], {"subject": "V/v lát đá hoa cương"}, office=OFFICE,
                          actor="văn thư")
    assert found(tracker, q="hoa cuong") == {some_letters["p15"]}
    assert some_letters["p15"] not in found(tracker, q="via he")


def test_letters_search_on_the_command_line(some_letters, db_url, tmp_path):
    cfg = str(_office_config(tmp_path))
    out = congvan(db_url, "--config", cfg, "letters", "--search", "quyet dinh 1342", "--jsonl")
    assert out.exit_code == 0, out.output
    assert [json.loads(line)["doc_number"] for line in out.output.splitlines()] == ["1342/QĐ-UBND"]
    bad = congvan(db_url, "--config", cfg, "letters", "--state", "lost")
    assert bad.exit_code == 2


# -- leaders' figures -----------------------------------------------------------------------------------------------

def test_unit_stats_count_each_units_answers(tracker, engine):
    at = datetime(2025, 1, 20, 9, 30, tzinfo=ICT)
    with engine.begin() as conn:
        conn.execute(insert(letters).values(
            office_id=OFFICE, direction="out", doc_number="12/UBND-ĐT", doc_type="Công văn", issuer="Ủy ban nhân dân Phường 5",
            issue_date=D("2025-01-20"), subject="V/v lấy ý kiến dự thảo kế hoạch", received_at=at, status="new",
            text="Đề nghị các đơn vị có ý kiến bằng văn bản gửi về UBND Phường 5.", confidence=0.95,
            extraction={"recipients": ["Phòng Quản lý đô thị", "Phòng Tài nguyên và Môi trường",
                                       "UBND Phường 14"]}))
        conn.execute(insert(letters).values(
            office_id=OFFICE, direction="in", doc_number="88/QLĐT-HT", doc_type="Công văn", issuer="Phòng Quản lý đô thị",
            issue_date=D("2025-02-10"), subject="V/v góp ý dự thảo kế hoạch", status="new", confidence=0.95,
            received_at=datetime(2025, 2, 10, 9, tzinfo=ICT), extraction={"replies_to": ["12/UBND-ĐT"]}))
    service.build_obligations(tracker)
    service.sweep(tracker, D("2025-02-18"))

    stats = {s.unit_id: s for s in service.unit_stats(tracker, D("2025-01-01"), D("2025-03-31"))}
    assert (stats["q11.qldt"].asked, stats["q11.qldt"].on_time, stats["q11.qldt"].on_time_rate) == (1, 1, 1.0)
    assert (stats["q11.tnmt"].deemed_agreed, stats["q11.tnmt"].on_time_rate) == (1, 0.0)
    assert stats["q11.p14"].unit == "Ủy ban nhân dân Phường 14"
    assert service.unit_stats(tracker, D("2025-06-01"), D("2025-06-30")) == []


def test_a_secret_letter_waits_out_of_the_register_until_the_clerk_enters_it(tracker, engine, office):
    secret = add(engine, "3/QĐ-UBND", "(mật)", status="secret")
    outgoing = add(engine, "10/UBND", "V/v trả lời", direction="out")
    ordinary = add(engine, "11/UBND", "V/v thường")
    assert [r["arrival_number"] for r in rows(engine)] == [None, None, 1]
    assert service.register_letter(tracker, secret, actor="văn thư") == 2
    assert service.register_letter(tracker, secret, actor="văn thư") == 2  # once only
    assert service.register_letter(tracker, ordinary, actor="văn thư") == 1
    with pytest.raises(service.InvalidInput):
        service.register_letter(tracker, outgoing, actor="văn thư")
    other = service.Tracker(engine=engine, registry=tracker.registry, pack=tracker.pack, calendar=tracker.calendar,
                            office_unit_id="q11.qldt")
    with pytest.raises(service.NotFound):
        service.register_letter(other, secret, actor="văn thư")
    assert service.search_letters(other, q="ubnd").total == 0  # another office sees none of them
    assert service.register_rows(other, 2026) == []
    uploaded = service.register_document(tracker, cong_van(70, "V/v mật").but(secrecy="Mật").as_docx(), "mat.docx",
                                         actor="văn thư")
    assert (uploaded.status, uploaded.arrival_number) == ("secret", None)
