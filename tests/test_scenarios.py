"""Whole scenarios, from letters sent as e-mails through intake, obligations and sweeps to drafts.

The demo mailbox (congvan/samples/demo) holds a round across Tết 2025, one unit answering and two silent, a
recommendation that escalates, a giấy mời, a due day on a make-up Saturday, a capped request, an urgent letter that
arrived twice and a request by plain e-mail.
"""

import json
import subprocess
import sys
from datetime import date, datetime

import docx
import pytest
from sqlalchemy import create_engine, select

from congvan.samples import ICT, Letter
from tracker.db.schema import drafts, letter_sources, letters, obligations

D = date.fromisoformat


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "congvan.cli", *args], capture_output=True, text=True, timeout=300,
                          cwd=cwd)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "congvan-demo"
    result = run("demo", "--no-serve", "--out", str(out))
    assert result.returncode == 0, result.stderr
    engine = create_engine(f"sqlite:///{out / 'congvan.sqlite'}")
    with engine.connect() as conn:
        rows = conn.execute(select(obligations, letters.c.doc_number)
                            .join(letters, letters.c.id == obligations.c.letter_id)).mappings().all()
        draft_rows = conn.execute(select(drafts)).mappings().all()
        letter_rows = conn.execute(select(letters)).mappings().all()
        sources = conn.execute(select(letter_sources)).mappings().all()
    yield {"out": out, "stdout": result.stdout, "obligations": rows, "drafts": draft_rows, "letters": letter_rows,
           "sources": sources}
    engine.dispose()


def obligation(demo, number, unit_id):
    (row,) = [r for r in demo["obligations"] if r["doc_number"] == number and r["unit_id"] == unit_id]
    return row


def test_a_round_across_tet_with_one_answer_and_two_silent_units(demo):
    assert obligation(demo, "12/UBND-ĐT", "q11.qldt")["state"] == "answered"
    for unit in ("q11.tnmt", "q11.p14"):
        row = obligation(demo, "12/UBND-ĐT", unit)
        assert (row["due_date"], row["state"]) == (D("2025-02-17"), "deemed_agreed")
    notices = [d for d in demo["drafts"] if d["kind"] == "deemed_agreed" and d["letter_number"] == "12/UBND-ĐT"]
    assert sorted(d["to_unit_id"] for d in notices) == ["q11.p14", "q11.tnmt"]


def test_an_unanswered_ward_recommendation_is_escalated_to_the_district_chairman(demo):
    row = obligation(demo, "58/UBND-ĐT", "q11.qldt")
    assert (row["rule"], row["due_date"], row["state"]) == ("ward-recommendation", D("2025-03-24"), "escalated")
    (report,) = [d for d in demo["drafts"] if d["kind"] == "escalation" and d["letter_number"] == "58/UBND-ĐT"]
    assert report["to_unit_id"] == "q11.ct"


def test_a_giay_moi_gives_the_ward_7_working_days_after_the_meeting(demo):
    row = obligation(demo, "37/GM-TNMT", "q11.p5")
    assert (row["rule"], row["start_date"], row["due_date"]) == ("meeting", D("2025-03-12"), D("2025-03-21"))


def test_a_due_day_on_a_make_up_saturday_is_kept_and_the_answer_is_on_time(demo):
    row = obligation(demo, "392/KT", "q11.p5")
    assert (row["due_date"], row["state"], row["late"]) == (D("2025-04-26"), "answered", False)


def test_a_request_for_20_working_days_in_another_form_is_capped_at_15(demo):
    row = obligation(demo, "121/UBND-VHXH", "q11.vhtt")
    assert (row["rule"], row["basis"], row["due_date"]) == ("other", "capped", D("2025-05-27"))


def test_an_urgent_letter_that_arrived_twice_is_one_letter_with_two_sources_and_its_own_time(demo):
    (letter,) = [l for l in demo["letters"] if l["doc_number"] == "845/VP"]
    assert letter["urgency"] == "Khẩn"
    assert len({s["message_ref"] for s in demo["sources"] if s["letter_id"] == letter["id"]}) == 2
    assert obligation(demo, "845/VP", "q11.p5")["due_date"] == D("2025-05-23")


def test_a_request_by_plain_e_mail_must_be_confirmed_in_writing(demo):
    (row,) = [r for r in demo["obligations"] if r["rule"] == "confirm-in-writing"]
    assert row["unit_id"] == "q11.yt"


def test_the_demo_exports_every_draft_as_eml_and_docx_and_prints_where(demo):
    out = demo["out"] / "drafts"
    assert len(list(out.glob("*.eml"))) == len(demo["drafts"])
    escalation = next(out.glob("*escalation*.docx"))
    text = "\n".join(p.text for p in docx.Document(escalation).paragraphs)
    assert "BÁO CÁO" in text.upper() and "điểm b khoản 1 Điều 8" in text
    assert str(out) in demo["stdout"]
    assert {d["kind"] for d in demo["drafts"]} >= {"reminder", "deemed_agreed", "escalation", "digest"}


def test_a_reply_from_a_ward_merged_in_2025_closes_the_old_wards_obligation(tmp_path):
    request = Letter.cong_van(by="q11.p5", number=70, symbol="UBND-ĐT", issued=date(2025, 6, 16),
                              subject="lấy ý kiến phương án sắp xếp chợ tạm", recipients=("q11.p14",))
    reply = Letter.cong_van(
        by="hcm.hoa-binh", number=5, symbol="UBND", issued=date(2025, 7, 8), subject="góp ý phương án sắp xếp chợ tạm",
        recipients=("q11.p5",),
        body_paragraphs=("Phúc đáp Công văn số 70/UBND-ĐT ngày 16/6/2025 của UBND Phường 5, Ủy ban nhân dân phường "
                         "Hòa Bình thống nhất với phương án.",))
    (tmp_path / "Sent").mkdir()
    (tmp_path / "INBOX").mkdir()
    (tmp_path / "Sent" / "70.eml").write_bytes(request.as_email(
        sender="q11.p5", to=["q11.p14"], date=datetime(2025, 6, 16, 9, 0, tzinfo=ICT)))
    (tmp_path / "INBOX" / "5.eml").write_bytes(reply.as_email(
        sender="hcm.hoa-binh", to=["q11.p5"], date=datetime(2025, 7, 8, 10, 0, tzinfo=ICT), attach="docx"))
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'[database]\nurl = "sqlite:///{tmp_path / "db.sqlite"}"\n[office]\nunit = "q11.p5"\n'
                   'addresses = ["phuong5@quan11.example"]\n', encoding="utf-8")
    result = run("--config", str(cfg), "import", str(tmp_path / "INBOX"), str(tmp_path / "Sent"))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(l) for l in run("--config", str(cfg), "obligations", "--jsonl").stdout.splitlines()]
    assert [(r["unit_id"], r["state"], r["letter"]) for r in rows] == [("q11.p14", "answered", "70/UBND-ĐT")]


def test_the_demo_never_dates_a_draft_before_its_letter_came_and_names_who_lapsed(demo):
    from tracker.service import local_day

    arrived = {l["id"]: local_day(l["received_at"]) for l in demo["letters"]}
    for d in demo["drafts"]:
        if d["letter_id"] is not None:
            assert d["sweep_date"] >= arrived[d["letter_id"]], (d["subject"], d["sweep_date"])
    out = demo["stdout"]
    assert "Xem như đồng ý: Phòng Tài nguyên và Môi trường (12/UBND-ĐT" in out
    assert "Đã báo cáo cấp trên: Phòng Quản lý đô thị (58/UBND-ĐT" in out
    assert "Phòng Văn hóa và Thông tin (121/UBND-VHXH" in out
    assert "gửi Chủ tịch Ủy ban nhân dân Quận 11: Báo cáo các đơn vị không phối hợp đúng thời hạn" in out
    row = obligation(demo, "121/UBND-VHXH", "q11.vhtt")
    assert row["state"] == "escalated"  # overdue, reminded, then reported under Đ.10.2: never deemed agreed
    assert not [d for d in demo["drafts"] if d["kind"] == "deemed_agreed" and d["letter_number"] == "121/UBND-VHXH"]
