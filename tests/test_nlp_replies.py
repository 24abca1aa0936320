"""Which letters a letter answers (its obligations to them close): the numbers a clerk would look up. Invented
letters."""

from nlp import Extractor

HEAD = ("ỦY BAN NHÂN DÂN QUẬN MẪU\nSố: 301/UBND-NV\nQuận Mẫu, ngày 12 tháng 5 năm 2025\nV/v biên chế năm 2025\n"
        "Kính gửi: Sở Nội vụ\n")


def replies(body: str) -> list[str]:
    return Extractor().extract(HEAD + body).replies_to


def test_one_phuc_dap_for_two_letters_answers_both():
    assert replies("Phúc đáp các Công văn số 12/SNV-TCBC ngày 02/5/2025 và số 15/SNV-TCBC ngày 05/5/2025 của "
                   "Sở Nội vụ, Ủy ban nhân dân quận có ý kiến như sau:\n") == ["12/SNV-TCBC", "15/SNV-TCBC"]


def test_a_symbol_that_starts_with_letters():
    assert replies("Phúc đáp Công văn số TDV/01-2025 ngày 03/01/2025 của Sở Nội vụ, Ủy ban nhân dân quận "
                   "thống nhất.\n") == ["TDV/01-2025"]


def test_tra_loi_to_trinh():
    assert replies("Trả lời Tờ trình số 45/TTr-SNV ngày 02/5/2025 của Sở Nội vụ, Ủy ban nhân dân quận "
                   "có ý kiến như sau:\n") == ["45/TTr-SNV"]


def test_xet_de_nghi_of_the_sender_in_parentheses():
    assert replies("Xét đề nghị của Sở Nội vụ (Tờ trình số 48/TTr-NV ngày 02 tháng 5 năm 2025), Ủy ban nhân dân "
                   "quận có ý kiến như sau:\n") == ["48/TTr-NV"]


def test_carrying_out_another_bodys_letter_is_not_a_reply():
    assert replies("Thực hiện Công văn số 77/BNV-TCBC ngày 02/4/2025 của Bộ Nội vụ, Ủy ban nhân dân quận báo cáo "
                   "như sau:\n") == []


def test_two_letters_received_from_the_addressee_are_both_answered():
    assert replies("Ủy ban nhân dân quận nhận được Công văn số 12/SNV-TCBC ngày 02/5/2025 và số "
                   "15/SNV-TCBC ngày 05/5/2025 của Sở Nội vụ về việc biên chế, có ý kiến như sau:\n") \
        == ["12/SNV-TCBC", "15/SNV-TCBC"]


def test_a_typist_spaces_inside_a_number_with_its_year():
    assert replies("Ủy ban nhân dân quận nhận được Thông báo thụ lý số 11 / 2025/TLST-HC ngày 02/5/2025 của "
                   "Sở Nội vụ, có ý kiến như sau:\n") == ["11/2025/TLST-HC"]


def test_a_directive_carried_out_is_not_a_reply():
    assert replies("Thực hiện ý kiến chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh Nam Sơn tại Công văn số 77/UBND-TH "
                   "ngày 02/5/2025, Ủy ban nhân dân quận báo cáo như sau:\n") == []


def test_phuc_dap_a_letter_and_another_named_in_full():
    assert replies("Phúc đáp Công văn số 12/SNV-TCBC ngày 02/5/2025 và Công văn số 13/SNV-TCBC ngày 06/5/2025 của "
                   "Sở Nội vụ, Ủy ban nhân dân quận có ý kiến như sau:\n") == ["12/SNV-TCBC", "13/SNV-TCBC"]


def test_xet_to_trinh_of_a_unit_is_answered_but_xet_bao_cao_is_not():
    assert replies("Xét Tờ trình số 31/TTr-UBND ngày 02/5/2025 của UBND phường Hòa Mẫu về việc sửa chữa cống, "
                   "Chủ tịch UBND quận có ý kiến như sau:\n") == ["31/TTr-UBND"]
    assert replies("Xét Báo cáo số 07/BC-TTr ngày 02/5/2025 của Thanh tra quận về kết quả kiểm tra, Ủy ban "
                   "nhân dân quận có ý kiến như sau:\n") == []


def test_a_second_letter_of_the_addressee_in_the_same_sentence_is_answered_too():
    assert replies("Ủy ban nhân dân quận nhận được Công văn số 40/SNV-TCBC ngày 02/5/2025 của Sở Nội vụ về việc "
                   "rà soát biên chế và Công văn số 44/SNV-TCBC ngày 06/5/2025 của Sở Nội vụ về việc tinh giản, "
                   "có ý kiến như sau:\n") == ["40/SNV-TCBC", "44/SNV-TCBC"]


def test_a_party_number_answered_and_a_list_after_a_colon():
    assert replies("Trả lời Công văn số 45-CV/HU ngày 29/8/2025 của Ban Thường vụ Huyện ủy, Ủy ban nhân dân quận "
                   "báo cáo như sau:\n") == ["45-CV/HU"]
    assert replies("Trả lời các văn bản: số 210/SNV-KT ngày 02/5/2025, số 215/SNV-KT ngày 09/5/2025 và Tờ trình "
                   "số 11/TTr-SNV ngày 13/5/2025 của Sở Nội vụ, Ủy ban nhân dân quận có ý kiến như sau:\n") == [
        "210/SNV-KT", "215/SNV-KT", "11/TTr-SNV"]


def test_the_number_answered_only_in_the_trich_yeu():
    letter = HEAD.replace("V/v biên chế năm 2025", "V/v trả lời Công văn số 1502/SNV-TCBC") + \
        "Ủy ban nhân dân quận nhận được đề nghị của Quý Sở về biên chế năm 2025, xin báo cáo như sau.\n"
    assert Extractor().extract(letter).replies_to == ["1502/SNV-TCBC"]


def test_a_requested_report_read_through_ocr_slips():
    # "Thục hiện" and the sender "Sở Nội vụ" misspelt: the symbol's issuing part still names the addressee
    assert replies("Thục hiện Công văn số 2045/SNV-TCBC ngày 15/4/2025 của Sở Nội vu về rà soát biên chế, Ủy ban "
                   "nhân dân quận báo cáo như sau:\n") == ["2045/SNV-TCBC"]


def test_a_report_weighed_is_not_a_request_answered():
    assert replies("Xét báo cáo của Sở Nội vụ tại Công văn số 4873/SNV-TCBC ngày 05/5/2025 về biên chế, Chủ tịch "
                   "Ủy ban nhân dân quận có ý kiến chỉ đạo như sau:\n") == []


def test_the_addressees_plan_carried_out_is_not_a_request_answered():
    assert replies("Căn cứ Kế hoạch số 203/KH-SNV ngày 02/4/2025 của Sở Nội vụ về tuyển dụng công chức năm 2025, "
                   "Ủy ban nhân dân quận báo cáo như sau:\n") == []
    assert replies("Ủy ban nhân dân quận nhận được Kế hoạch số 203/KH-SNV ngày 02/4/2025 của Sở Nội vụ, có ý kiến "
                   "như sau:\n") == ["203/KH-SNV"]


def test_an_answer_to_a_petition_answers_the_letter_that_carried_it():
    assert replies("Trả lời kiến nghị của cử tri phường Tân An do Thường trực Hội đồng nhân dân quận chuyển đến tại "
                   "Công văn số 76/HĐND-VP ngày 02/5/2025 về tình trạng ngập úng, Ủy ban nhân dân quận trả lời như "
                   "sau:\n") == ["76/HĐND-VP"]


def test_a_petition_records_field_names_the_letter_its_answer_replies_to():
    page = """Trang chủ › Tiếp xúc cử tri › Trả lời kiến nghị cử tri
TRẢ LỜI KIẾN NGHỊ CỬ TRI
Cử tri: xã Hòa Lợi, huyện Bắc Sơn
Văn bản chuyển kiến nghị: Công văn số 88/HĐND-VP ngày 14/7/2023 của Thường trực HĐND huyện
Cơ quan trả lời: Phòng Kinh tế và Hạ tầng
Ngày đăng: 02/8/2023
Nội dung trả lời:
Tuyến đường liên xã đã được đưa vào kế hoạch duy tu năm 2024, căn cứ Kế hoạch số 41/KH-UBND ngày 10/3/2023.
"""
    assert Extractor().extract(page).replies_to == ["88/HĐND-VP"]
