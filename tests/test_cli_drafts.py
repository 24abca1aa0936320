"""`congvan sweep`, `drafts`, `drafts export` and `report semiannual` as a clerk runs them, on a database filled
the way intake fills it."""

import email
import email.header
import email.policy
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
                                      "reports": 1, "overdue": 0}
    listed = [json.loads(line) for line in congvan(office, "drafts", "--jsonl").stdout.splitlines()]
    assert sorted(d["kind"] for d in listed) == ["deemed_agreed"] * 3 + ["noncooperation"]
    notice = next(d for d in listed if d["to_unit"] == "Phòng Tài nguyên và Môi trường")
    assert notice["letter"] == "12/UBND-ĐT" and notice["due"] == "2025-02-17" and notice["status"] == "pending"
    assert notice["created_at"].endswith("+07:00")

    out_dir = tmp_path / "export"
    assert congvan(office, "drafts", "export", str(out_dir)).returncode == 0
    emls = sorted(out_dir.glob("*.eml"))
    docxs = sorted(out_dir.glob("*.docx"))
    assert len(emls) == 4 and len(docxs) == 4
    msg = email.message_from_bytes(next(p for p in emls if "deemed_agreed" in p.name and "Tài" in p.name).read_bytes(),
                                   policy=email.policy.default)
    assert str(msg["To"]) == "Phòng Tài nguyên và Môi trường <tnmt@quan11.example>"
    assert str(msg["From"]) == "Ủy ban nhân dân Phường 5 <phuong5@quan11.example>"
    subjects = {d["id"]: d["subject"] for d in listed}
    for path in emls:  # every exported e-mail's Subject decodes to the draft's subject, in any reader
        raw = path.read_bytes()
        subject = subjects[int(path.name[:4])]
        assert str(email.message_from_bytes(raw, policy=email.policy.default)["Subject"]) == subject
        legacy = email.message_from_bytes(raw)["Subject"]
        assert str(email.header.make_header(email.header.decode_header(legacy))) == subject
    report = email.message_from_bytes(next(p for p in emls if "noncooperation" in p.name).read_bytes(),
                                      policy=email.policy.default)
    assert str(report["Cc"]) == "Phòng Nội vụ <nv@quan11.example>"
    paragraphs = "\n".join(p.text for p in docx.Document(next(p for p in docxs if "deemed_agreed" in p.name
                                                               and "Tài" in p.name)).paragraphs)
    assert "12/UBND-ĐT" in paragraphs and "xem như đồng ý" in paragraphs
    assert "điểm a khoản 3 Điều 7" in paragraphs and "1342/QĐ-UBND" in paragraphs


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


def test_a_166_character_unit_name_is_exported_with_the_other_drafts(office, engine_for, tmp_path):
    long_unit = ("Ban Chỉ đạo thực hiện Chương trình mục tiêu quốc gia về phòng, chống ma túy và phòng, chống tội "
                 "phạm, tệ nạn xã hội trên địa bàn khu dân cư và các khu phố lân cận mới")
    assert len(long_unit) == 166
    add_letter(engine_for, direction="out", received="2025-01-20", number="13/UBND-ĐT", status="confirmed",
               issuer="Ủy ban nhân dân Phường 5", subject="V/v lấy ý kiến dự thảo kế hoạch phòng, chống ma túy",
               text="Đề nghị các đơn vị có ý kiến bằng văn bản.", recipients=[long_unit])
    consult_three_units(engine_for)
    assert congvan(office, "sweep", "--today", "2025-02-18").returncode == 0
    listed = [json.loads(line) for line in congvan(office, "drafts", "--jsonl").stdout.splitlines()]
    assert any(d["to_unit"] == long_unit for d in listed)
    out_dir = tmp_path / "export"
    result = congvan(office, "drafts", "export", str(out_dir))
    assert result.returncode == 0, result.stderr
    assert len(list(out_dir.glob("*.eml"))) == len(listed)
    for path in out_dir.glob("*.docx"):
        document = docx.Document(path)
        assert len(document.core_properties.title) <= 255


def test_an_unconfirmed_letter_to_a_unit_the_registry_does_not_know_drafts_nothing_to_it(office, engine_for):
    add_letter(engine_for, direction="out", received="2025-01-20", number="14/UBND-ĐT",
               issuer="Ủy ban nhân dân Phường 5", subject="V/v lấy ý kiến dự thảo kế hoạch",
               text="Đề nghị các đơn vị có ý kiến bằng văn bản.", recipients=["Kế hoạch"])
    assert congvan(office, "sweep", "--today", "2025-02-18").returncode == 0
    listed = [json.loads(line) for line in congvan(office, "drafts", "--jsonl").stdout.splitlines()]
    assert not any(d["to_unit"] == "Kế hoạch" for d in listed)


def test_the_semiannual_report_counts_letters_over_the_period_before_it_is_due(office, engine_for, tmp_path):
    consult_three_units(engine_for)  # one letter to three units, 20/01/2025
    add_letter(engine_for, direction="out", received="2025-05-06", number="121/UBND-VHXH",  # after the cut-off
               issuer="Ủy ban nhân dân Phường 5", subject="V/v lấy ý kiến", text="Đề nghị có ý kiến bằng văn bản.",
               recipients=["Phòng Kinh tế"])
    add_letter(engine_for, direction="in", received="2025-02-10", number="88/QLĐT-HT",
               issuer="Phòng Quản lý đô thị", replies_to=["12/UBND-ĐT"])
    assert congvan(office, "sweep", "--today", "2025-02-18").returncode == 0
    out = tmp_path / "bao-cao.html"
    result = congvan(office, "report", "semiannual", "--period", "2025-H1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    page = " ".join(out.read_text(encoding="utf-8").split())
    assert "số liệu từ ngày 01/11/2024 đến ngày 30/4/2025" in page
    assert "ban hành 1 văn bản đề nghị 3 cơ quan, đơn vị phối hợp, tổng cộng 3 lượt đề nghị" in page
    assert "được trả lời đúng hạn 1 lượt" in page and "xem như đồng ý do không trả lời 2 lượt" in page
    assert "Phòng Kinh tế" not in page  # its letter came after the cut-off
    assert "Các cơ quan, đơn vị không phối hợp đúng thời hạn (khoản 2 Điều 10)" in page
    assert "<td>Phòng Tài nguyên và Môi trường</td><td>1</td><td>1</td>" in page
    for heading in ("II. ĐÁNH GIÁ", "Ưu điểm", "Tồn tại, hạn chế", "III. ĐỀ XUẤT, KIẾN NGHỊ"):
        assert heading in page
    wider = congvan(office, "report", "semiannual", "--period", "2025-H1", "--to", "2025-06-30", "--out", str(out))
    assert wider.returncode == 0 and "Phòng Kinh tế" in out.read_text(encoding="utf-8")
