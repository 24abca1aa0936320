"""The unit registry: names as letters write them, letterheads, successors."""

from datetime import date

import pytest


@pytest.mark.parametrize("text,unit_id", [
    ("P.QLĐT", "q11.qldt"),
    ("UBND P.5", "q11.p5"),
    ("Ủy ban nhân dân Phường 15", "q11.p15"),
    ("Phòng Quản lý Đô thị quận 11", "q11.qldt"),
    ("Phòng TN&MT", "q11.tnmt"),
    ("UBND phường Hoà Bình", "hcm.hoa-binh"),
])
def test_names_as_letters_write_them_resolve_to_one_unit(registry, text, unit_id):
    assert registry.resolve(text, date(2025, 1, 1)).id == unit_id


def test_an_unknown_body_is_not_guessed(registry):
    assert registry.resolve("Sở Xây dựng") is None


@pytest.mark.parametrize("letterhead,unit_id", [
    ("ỦY BAN NHÂN DÂN QUẬN 11 - PHÒNG TÀI CHÍNH - KẾ HOẠCH", "q11.tckh"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH - ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH", "hcm.hoa-binh"),
    ("ỦY BAN NHÂN DÂN QUẬN 11 - ỦY BAN NHÂN DÂN PHƯỜNG 5", "q11.p5"),
    ("ỦY BAN NHÂN DÂN QUẬN 11", "q11"),
])
def test_a_letterhead_names_its_issuing_body_not_the_parent(registry, letterhead, unit_id):
    assert registry.resolve_letterhead(letterhead).id == unit_id


def test_a_ward_split_in_2025_has_two_successors(registry):
    assert [u.id for u in registry.current("q11.p8", date(2025, 8, 1))] == ["hcm.binh-thoi", "hcm.phu-tho"]
    assert [u.id for u in registry.current("q11.p8", date(2025, 6, 1))] == ["q11.p8"]
    assert registry.same_or_successor("q11.p14", "hcm.hoa-binh", date(2025, 7, 8))
    assert not registry.same_or_successor("q11.p14", "hcm.hoa-binh", date(2025, 6, 8))
