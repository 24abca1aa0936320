"""The extractor on letters the project wrote itself (tests/letters_nlp), one per layout pattern."""

from datetime import date
from pathlib import Path

import pytest

from nlp import Extractor, normalize
from nlp.legacy import _TCVN3

LETTERS = Path(__file__).parent / "letters_nlp"


class FakeRegistry:
    def __init__(self, names):
        self.names = names

    def resolve(self, text, on=None):
        unit_id = self.names.get(text)
        return type("Unit", (), {"id": unit_id, "name": text})() if unit_id else None


@pytest.fixture(scope="module")
def extractor():
    return Extractor(registry=FakeRegistry({"Phòng Quản lý đô thị": "qldt", "Ủy ban nhân dân Phường 5": "p5"}))


def read(name):
    return (LETTERS / name).read_text(encoding="utf-8")


def test_a_two_column_cong_van_gives_its_header_fields(extractor):
    found = extractor.extract(read("cong-van-giao-viec.txt"))
    assert found.doc_number == "412/UBND-QLĐT"
    assert found.doc_type == "Công văn"
    assert found.issuer == "ỦY BAN NHÂN DÂN QUẬN 11"
    assert found.place == "Quận 11"
    assert found.issue_date == date(2025, 3, 5)
    assert found.subject == "V/v rà soát vỉa hè trên tuyến đường Lạc Long Quân"
    assert found.urgency == "Khẩn"
    assert found.recipients == ["Phòng Quản lý đô thị", "Ủy ban nhân dân Phường 5"]


def test_giao_chu_tri_phoi_hop_and_de_nghi_name_lead_and_cooperating_units(extractor):
    found = extractor.extract(read("cong-van-giao-viec.txt"))
    assert found.lead_units[0] == "Phòng Quản lý đô thị"
    assert "Phòng Tài chính - Kế hoạch" in found.lead_units
    assert found.cooperating_units == ["các đơn vị liên quan"] or "các đơn vị liên quan" in found.cooperating_units
    assert found.lead_unit_ids[0] == "qldt"


def test_deadlines_absolute_monthly_and_in_working_days(extractor):
    found = extractor.extract(read("cong-van-giao-viec.txt"))
    by_kind = {(d["date"], d["relative_working_days"]): d for d in found.deadlines}
    assert by_kind[("2025-03-20", None)]["applies_to"] == "Phòng Quản lý đô thị"
    assert by_kind[("2025-03-20", None)]["unit_id"] == "qldt"
    assert ("2025-04", None) in by_kind
    assert by_kind[(None, 5)]["applies_to"] == "Phòng Tài chính - Kế hoạch"


def test_a_reply_names_the_letter_it_answers(extractor):
    assert extractor.extract(read("cong-van-giao-viec.txt")).replies_to == ["88/UBND-P5"]


def test_evidence_points_at_the_text_the_value_came_from(extractor):
    text = read("cong-van-giao-viec.txt")
    found = extractor.extract(text)
    start, end = found.evidence["doc_number"][0]
    assert "412" in normalize(text)[start:end]
    start, end = found.evidence["subject"][0]
    assert normalize(text)[start:end].startswith("V/v rà soát")
    assert 0 < found.confidence["doc_number"] <= 1


def test_a_giay_moi_gives_the_meeting_time_and_place_and_no_subject(extractor):
    found = extractor.extract(read("giay-moi.txt"))
    assert found.doc_type == "Giấy mời"
    assert found.subject is None
    assert found.meeting == {"datetime": "2025-06-16T14:00", "place": "Phòng họp số 1, Ủy ban nhân dân quận"}


def test_an_unnumbered_draft_keeps_its_symbol_and_has_no_date(extractor):
    found = extractor.extract(read("quyet-dinh-ban-thao.txt"))
    assert found.doc_number == "/QĐ-UBND"
    assert found.doc_type == "Quyết định"
    assert found.issue_date is None
    assert found.place == "Mẫu Sơn"
    assert found.subject == "Về việc thành lập Tổ công tác rà soát hồ sơ đất đai năm 2025"


def test_urgency_and_secrecy_marks(extractor):
    found = extractor.extract(read("quyet-dinh-ban-thao.txt"))
    assert found.urgency == "Hỏa tốc"
    assert found.secrecy == "Tuyệt mật"
    assert extractor.extract(read("giay-moi.txt")).secrecy is None


def test_the_closing_article_is_not_a_task(extractor):
    found = extractor.extract(read("quyet-dinh-ban-thao.txt"))
    assert all("Văn phòng" not in unit for unit in found.lead_units)


def test_a_tcvn3_letter_reads_like_its_unicode_original(extractor):
    # TCVN3 has no codes for capitals with tone marks (they come from separate fonts), so the sample has none.
    original = ("UBND QUAN MAU\nSố: 12/UBND-VP\nQuận Mẫu, ngày 02 tháng 01 năm 2025\nV/v báo cáo công tác dân vận\n"
                "Kính gửi: Phòng Nội vụ\nGiao Phòng Nội vụ chủ trì, phối hợp với Phòng Tư pháp tổng hợp và "
                "báo cáo trước ngày 15/01/2025.\n")
    legacy = original.translate(str.maketrans({v: k for k, v in _TCVN3.items()}))
    assert legacy != original
    assert normalize(legacy) == original
    assert extractor.extract(legacy).to_json("x") == extractor.extract(original).to_json("x")


def test_a_flattened_letterhead_on_one_line(extractor):
    text = ("UBND TỈNH MẪU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc "
            "Số : 15 /STP-HCTP Mẫu Thành, ngày 02 tháng 01 năm 2024 V/v góp ý dự thảo quy chế. Kính gửi: Sở Nội vụ.")
    found = extractor.extract(text)
    assert found.issuer == "UBND TỈNH MẪU - SỞ TƯ PHÁP"
    assert found.doc_number == "15/STP-HCTP"
    assert found.place == "Mẫu Thành"
    assert found.issue_date == date(2024, 1, 2)
    assert found.subject == "V/v góp ý dự thảo quy chế."


def test_a_web_summary_without_letterhead_names_itself():
    text = ("Thông báo số 31/TB-UBND ngày 08/5/2024 của UBND phường Mẫu V/v treo cờ Tổ quốc\n"
            "Ủy ban nhân dân các khu phố chỉ đạo treo cờ.\n")
    found = Extractor().extract(text)
    assert found.doc_number == "31/TB-UBND"
    assert found.issue_date == date(2024, 5, 8)
    assert found.doc_type == "Thông báo"
    assert found.subject.startswith("V/v treo cờ")


def test_a_deadline_quoted_from_a_decree_is_not_this_letters_deadline():
    text = ("Số: 5/UBND-VP\nQuận 11, ngày 01 tháng 02 năm 2025\nV/v hồ sơ\nKính gửi: Phòng Nội vụ\n"
            "Theo quy định tại Nghị định số 1/2024/NĐ-CP, hồ sơ được giải quyết trong thời hạn 60 ngày làm việc.\n")
    assert Extractor().extract(text).deadlines == []
