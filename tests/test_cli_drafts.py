"""`congvan sweep`, `drafts`, `drafts export` and `report semiannual` as a clerk runs them, on a database filled
the way intake fills it."""

import email
import json
import subprocess
import sys

import docx
import pytest

from tests.test_tracker_service import add_letter, consult_three_units


@pytest.fixture
def office(tmp_path):
    db = tmp_path / "congvan.sqlite"
    cfg = tmp_path / "congvan.toml"
    cfg.write_text(f'''
[database]
url = "sqlite:///{db}"

[office]
unit = "UBND Phường 5"
addresses = ["phuong5@quan11.example"]
place = "Phường 5"
drafting_unit = "ĐT"
signer_authority = "TM. ỦY BAN NHÂN DÂN"
signer_title = "CHỦ TỊCH"
signer_name = "Trần Văn Minh"
''', encoding="utf-8")
    return cfg


def congvan(cfg, *args):
    out = subprocess.run([sys.executable, "-m", "congvan.cli", "--config", str(cfg), *args],
                         capture_output=True, text=True, timeout=120)
    return out


@pytest.fixture
def engine_for(office):
    from congvan.context import ready_engine
    from config.settings import Settings

    return ready_engine(Settings.load(office))


def test_a_sweep_writes_drafts_a_clerk_can_list_and_export(office, engine_for, tmp_path):
    consult_three_units(engine_for)
    out = congvan(office, "sweep", "--today", "2025-02-18", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"today": "2025-02-18", "reminders": 0, "deemed_agreed": 3, "escalated": 0,
                                      "reports": 1}
    listed = [json.loads(line) for line in congvan(office, "drafts", "--jsonl").stdout.splitlines()]
    assert sorted(d["kind"] for d in listed) == ["deemed_agreed"] * 3 + ["escalation"]
    notice = next(d for d in listed if d["to_unit"] == "Phòng Tài nguyên và Môi trường")
    assert notice["letter"] == "12/UBND-ĐT" and notice["due"] == "2025-02-17" and notice["status"] == "pending"
    assert notice["created_at"].endswith("+07:00")

    out_dir = tmp_path / "export"
    assert congvan(office, "drafts", "export", str(out_dir)).returncode == 0
    emls = sorted(out_dir.glob("*.eml"))
    docxs = sorted(out_dir.glob("*.docx"))
    assert len(emls) == 4 and len(docxs) == 4
    msg = email.message_from_bytes(next(p for p in emls if "deemed_agreed" in p.name and "Tài" in p.name).read_bytes())
    assert msg["To"] == "tnmt@quan11.example" and msg["From"] == "phuong5@quan11.example"
    paragraphs = "\n".join(p.text for p in docx.Document(next(p for p in docxs if "deemed_agreed" in p.name
                                                               and "Tài" in p.name)).paragraphs)
    assert "12/UBND-ĐT" in paragraphs and "xem như đồng ý" in paragraphs
    assert "Điều 7 khoản 3 điểm a" in paragraphs and "1342/QĐ-UBND" in paragraphs


def test_the_semiannual_report_counts_answers_per_counterpart(office, engine_for, tmp_path):
    consult_three_units(engine_for)
    add_letter(engine_for, direction="in", received="2025-02-10", number="88/QLĐT-HT",
               issuer="Phòng Quản lý đô thị", replies_to=["12/UBND-ĐT"])
    assert congvan(office, "sweep", "--today", "2025-02-18").returncode == 0
    html = tmp_path / "bao-cao.html"
    out = congvan(office, "report", "semiannual", "--period", "2025-H1", "--out", str(html))
    assert out.returncode == 0, out.stderr
    page = html.read_text(encoding="utf-8")
    assert "Phòng Quản lý đô thị" in page and "Phòng Tài nguyên và Môi trường" in page
    out = congvan(office, "report", "semiannual", "--period", "2025-H3", "--out", str(html))
    assert out.returncode == 2 and "2025-H3" in out.stderr
    docx_path = tmp_path / "bao-cao.docx"
    assert congvan(office, "report", "semiannual", "--period", "2025-H1", "--out", str(docx_path)).returncode == 0
    assert "BÁO CÁO" in "\n".join(p.text for p in docx.Document(docx_path).paragraphs).upper()


def test_a_clerk_corrects_a_letter_before_it_creates_obligations(office, engine_for):
    letter_id = add_letter(engine_for, direction="out", received="2025-01-20", number="12/UBND-ĐT",
                           issuer="Ủy ban nhân dân Phường 5", subject="V/v lấy ý kiến",
                           text="Đề nghị có ý kiến bằng văn bản.", confidence=0.3,
                           recipients=["Phòng Tài chính - Kế hoạch"])
    congvan(office, "sweep", "--today", "2025-01-21")
    assert str(letter_id) in congvan(office, "review", "list").stdout
    out = congvan(office, "review", "confirm", str(letter_id), "--by", "Lê Thị Hoa",
                  "--set", "recipients=Phòng Quản lý đô thị; UBND Phường 14")
    assert out.returncode == 0, out.stderr
    obligations = [json.loads(l) for l in congvan(office, "obligations", "--jsonl").stdout.splitlines()]
    assert sorted(o["unit_id"] for o in obligations) == ["q11.p14", "q11.qldt"]
    assert all(o["due"] == "2025-02-17" for o in obligations)
