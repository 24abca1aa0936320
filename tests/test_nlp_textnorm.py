"""normalize(): one spelling for every way Vietnamese text arrives."""

import unicodedata

from hypothesis import example, given, settings, strategies as st

from nlp.legacy import _TCVN3
from nlp.textnorm import normalize

_TO_TCVN3 = str.maketrans({v: k for k, v in _TCVN3.items()})


def test_decomposed_text_comes_out_composed():
    nfd = unicodedata.normalize("NFD", "Cộng hòa xã hội chủ nghĩa Việt Nam")
    assert normalize(nfd) == "Cộng hòa xã hội chủ nghĩa Việt Nam"


def test_old_tone_placement_becomes_the_modern_one_only_at_the_end_of_a_syllable():
    assert normalize("hoà bình, Thuỷ, khoẻ, HOÀ") == "hòa bình, Thủy, khỏe, HÒA"
    assert normalize("hoàn thành, quý, thuyết") == "hoàn thành, quý, thuyết"


def test_tcvn3_text_is_converted():
    legacy = "Quyết định về việc giao nhiệm vụ cho các đơn vị".translate(_TO_TCVN3)
    assert legacy != "Quyết định về việc giao nhiệm vụ cho các đơn vị"
    assert normalize(legacy) == "Quyết định về việc giao nhiệm vụ cho các đơn vị"


def test_vni_text_is_converted():
    assert normalize("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert normalize("Ñaø Naüng, ngaøy 05 thaùng 02 naêm 2026") == "Đà Nẵng, ngày 05 tháng 02 năm 2026"


def test_unicode_lines_with_a_stray_latin1_sign_are_left_alone():
    assert normalize("Thành phố Hồ Chí Minh ß") == "Thành phố Hồ Chí Minh ß"
    assert normalize("Quận 11 and Müller") == "Quận 11 and Müller"


def test_detached_tone_marks_of_a_pdf_text_layer_are_dropped_not_misplaced():
    assert normalize("thiêt hai ̀ ̣ ̣ do lũ lụt. ̉ ̀ Kính") == "thiêt hai do lũ lụt. Kính"


def test_control_characters_and_bom_are_removed_and_lines_kept():
    assert normalize("\ufeffSố:\x00 12\x07/UBND\r\nKính gửi") == "Số: 12/UBND\nKính gửi"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
@example("AÄ¢")  # a first conversion left letters that read as another legacy encoding
def test_any_text_normalizes_to_nfc_idempotently(text):
    once = normalize(text)
    assert unicodedata.is_normalized("NFC", once)
    assert normalize(once) == once


def test_legacy_text_stored_decomposed_converts_like_composed():
    tcvn3 = "céng hoµ x· héi chñ nghÜa viÖt nam\nSè: 488/SXD-QLN\t\tNam S¬n, ngµy 19 th¸ng 5 n¨m 2008"
    decomposed = unicodedata.normalize("NFD", tcvn3)  # a Word add-in's NFD, a decomposed mail body
    assert decomposed != tcvn3
    assert normalize(decomposed) == normalize(tcvn3)
    assert "Số: 488/SXD-QLN" in normalize(decomposed) and "ngày 19 tháng 5 năm 2008" in normalize(decomposed)


def test_an_old_converters_eth_is_the_vietnamese_d_with_stroke():
    assert normalize("Giao Ðội Kiểm tra thuế số 2 chủ trì, ðề nghị các ðơn vị phối hợp.") == \
        "Giao Đội Kiểm tra thuế số 2 chủ trì, đề nghị các đơn vị phối hợp."
