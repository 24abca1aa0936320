"""The meeting a giấy mời summons to: its time, and its place up to the end of its sentence."""

import pytest

from nlp import Extractor

INVITATION = """ỦY BAN NHÂN DÂN QUẬN 11
PHÒNG KINH TẾ
Số: 18/GM-KT
Quận 11, ngày 02 tháng 6 năm 2025
GIẤY MỜI
Phòng Kinh tế trân trọng kính mời đại diện lãnh đạo Ủy ban nhân dân Phường 3 dự họp góp ý phương án sắp xếp
chợ tạm.
Thời gian: lúc 14 giờ 00, thứ Năm, ngày 05/6/2025.
Địa điểm: Phòng họp số 1, Phòng Kinh tế. Thành phần: lãnh đạo phường và cán bộ phụ trách. Đề nghị các đơn vị
gửi ý kiến bằng văn bản sau cuộc họp.
"""


def test_the_meeting_place_stops_at_the_end_of_its_sentence():
    meeting = Extractor().extract(INVITATION).meeting
    assert meeting == {"datetime": "2025-06-05T14:00", "place": "Phòng họp số 1, Phòng Kinh tế"}


HEAD = ("ỦY BAN NHÂN DÂN PHƯỜNG 5\nSố: 21/GM-UBND\nQuận 11, ngày 03 tháng 3 năm 2025\nGIẤY MỜI\n"
        "Họp triển khai công tác phòng cháy\n")


def when(text: str) -> str | None:
    meeting = Extractor().extract(text).meeting
    return meeting["datetime"] if meeting else None


def test_vao_luc_hours_and_minutes_then_the_date():
    assert when(HEAD + "Ủy ban nhân dân phường trân trọng kính mời đại biểu dự họp vào lúc 7 giờ 30 phút, "
                       "ngày 10/3/2025 tại Hội trường Ủy ban nhân dân phường.\n") == "2025-03-10T07:30"


def test_a_time_written_13h30_after_the_date():
    assert when(HEAD + "Kính mời đại biểu dự họp vào ngày 11/3/2025 (thứ Ba), 13h30 tại Phòng họp số 2.\n") \
        == "2025-03-11T13:30"


def test_labelled_time_and_place_on_lines_of_their_own():
    meeting = Extractor().extract(
        HEAD + "Ủy ban nhân dân phường tổ chức họp triển khai công tác phòng cháy, cụ thể như sau:\n- Thời gian:\n"
               "  14 giờ 00, thứ Tư, ngày 12/3/2025.\n- Địa điểm:\n  Hội trường Ủy ban nhân dân phường 5.\n"
               "- Thành phần: Trưởng các khu phố.\n").meeting
    assert meeting == {"datetime": "2025-03-12T14:00", "place": "Hội trường Ủy ban nhân dân phường 5"}


def test_a_time_range_starts_at_its_first_hour():
    assert when(HEAD + "Kính mời đại biểu dự họp. Thời gian: từ 13 giờ 30 đến 17 giờ 00, ngày 12/3/2025. "
                       "Địa điểm: Phòng họp số 2.\n") == "2025-03-12T13:30"


def test_an_event_notice_summons_its_readers_too():
    text = ("ỦY BAN NHÂN DÂN PHƯỜNG 5\nSố: 22/TB-UBND\nQuận 11, ngày 03 tháng 3 năm 2025\nTHÔNG BÁO\n"
            "Về việc tổ chức đối thoại với nhân dân\n"
            "Ủy ban nhân dân phường tổ chức buổi đối thoại với nhân dân khu phố 3.\n"
            "Thời gian: bắt đầu lúc 8 giờ 00, ngày 15/3/2025.\nĐịa điểm: Nhà văn hóa khu phố 3.\n")
    assert Extractor().extract(text).meeting == {"datetime": "2025-03-15T08:00", "place": "Nhà văn hóa khu phố 3"}


@pytest.mark.parametrize("text, when", [
    # a Party notice with one label for time and place
    ("ĐẢNG ỦY PHƯỜNG 5\nSố 14-TB/ĐU\nQuận 11, ngày 03 tháng 3 năm 2025\nTHÔNG BÁO\n"
     "Về việc học tập, quán triệt nghị quyết\n"
     "1. Thời gian, địa điểm: Hội nghị học tập trong 01 ngày, bắt đầu 7 giờ 30 phút thứ Bảy, ngày 15/3/2025, "
     "tại Hội trường Ủy ban nhân dân phường.\n2. Thành phần: toàn thể đảng viên trong Đảng bộ.\n", "2025-03-15T07:30"),
    # a công văn that invites named units "... dự họp" at a time
    ("ỦY BAN NHÂN DÂN HUYỆN LONG HẢI\nSố: 88/UBND-KT\nLong Hải, ngày 10 tháng 3 năm 2025\n"
     "V/v sửa chữa cầu Bến Đá\nKính gửi: Ủy ban nhân dân xã Tân Phú.\n"
     "Để thống nhất phương án sửa chữa, Ủy ban nhân dân huyện mời đại diện lãnh đạo Ủy ban nhân dân xã Tân "
     "Phú, Phòng Kinh tế và Hạ tầng dự họp, kiểm tra hiện trường vào lúc 8 giờ 30 phút, thứ Ba, ngày "
     "18/3/2025 (tập trung tại trụ sở Ủy ban nhân dân xã Tân Phú).\n", "2025-03-18T08:30"),
])
def test_an_event_announced_outside_a_giay_moi_has_its_time(text, when):
    meeting = Extractor().extract(text).meeting
    assert meeting is not None and meeting["datetime"] == when


def test_a_notice_without_an_event_has_no_meeting():
    text = ("ỦY BAN NHÂN DÂN PHƯỜNG 5\nSố: 23/TB-UBND\nQuận 11, ngày 03 tháng 3 năm 2025\nTHÔNG BÁO\n"
            "Về việc tạm ngừng tiếp nhận hồ sơ\n"
            "Từ 8 giờ 00 ngày 10/3/2025, bộ phận một cửa tạm ngừng tiếp nhận hồ sơ để nâng cấp hệ thống.\n")
    assert Extractor().extract(text).meeting is None


def test_the_weekday_before_a_date_in_parentheses_and_the_hour_after_buoi_sang():
    assert when(HEAD + "Kính mời đại biểu dự họp.\nThời gian: 8 giờ 00 ngày thứ Năm (13/3/2025).\n"
                       "Địa điểm: Hội trường.\n") == "2025-03-13T08:00"
    assert when(HEAD + "Kính mời đại biểu dự họp.\nThời gian: 01 buổi, ngày 15/3/2025; buổi sáng: 8h00.\n"
                       "Địa điểm: Hội trường.\n") == "2025-03-15T08:00"


def test_vao_hoi_an_hour_without_minutes():
    assert when(HEAD + "Kính mời đại biểu dự họp vào hồi 8 giờ, ngày 14/3/2025 tại Hội trường phường.\n") \
        == "2025-03-14T08:00"


def test_a_weekday_then_the_date_then_the_hour():
    assert when(HEAD + "Kính mời đại biểu dự họp vào Thứ Năm, ngày 13 tháng 3 năm 2025, lúc 14 giờ 00 tại "
                       "Phòng họp số 2.\n") == "2025-03-13T14:00"


def test_hour_minutes_glued_and_wrapped_before_the_date():
    assert when(HEAD + "Kính mời đại biểu dự họp vào lúc 13h30,\n      ngày 17/3/2025 tại Phòng họp số 2.\n") \
        == "2025-03-17T13:30"


def test_hour_forms_with_g_and_gio_phut():
    assert when(HEAD + "Kính mời đại biểu dự họp vào lúc 7g30, ngày 10/3/2025 tại Hội trường.\n") == "2025-03-10T07:30"
    assert when(HEAD + "Kính mời đại biểu dự họp vào lúc 14 giờ 00 phút, Thứ Năm, ngày 13/3/2025 tại Hội trường.\n") \
        == "2025-03-13T14:00"


def test_a_deadline_hour_is_not_the_meeting():
    assert when(HEAD + "Đề nghị các đơn vị đăng ký danh sách trước 16 giờ 00 ngày 08/3/2025.\n"
                       "Kính mời đại biểu dự họp vào lúc 8 giờ 00 ngày 10/3/2025 tại Hội trường.\n") \
        == "2025-03-10T08:00"


def test_a_postponed_meeting_has_no_time():
    text = ("ỦY BAN NHÂN DÂN XÃ AN ĐÔNG\nSố: 31/TB-UBND\nAn Đông, ngày 06 tháng 3 năm 2025\nTHÔNG BÁO\n"
            "Hoãn tổ chức hội nghị tổng kết\n"
            "Ủy ban nhân dân xã thông báo hoãn hội nghị tổng kết đã dự kiến tổ chức vào lúc 8 giờ 00 ngày 10/3/2025 "
            "tại Hội trường xã. Thời gian tổ chức sẽ thông báo sau.\n")
    assert Extractor().extract(text).meeting is None


def test_a_moved_meeting_keeps_its_new_time():
    text = ("ỦY BAN NHÂN DÂN XÃ AN ĐÔNG\nSố: 32/TB-UBND\nAn Đông, ngày 06 tháng 3 năm 2025\nTHÔNG BÁO\n"
            "Thay đổi thời gian cuộc họp giao ban\n"
            "Ủy ban nhân dân xã thông báo chuyển thời gian cuộc họp giao ban từ 8 giờ 00 ngày 10/3/2025 sang "
            "14 giờ 00 ngày 11/3/2025 tại Phòng họp số 1.\n")
    assert when(text) == "2025-03-11T14:00"


def test_conclusions_of_a_meeting_already_held_give_no_meeting():
    text = ("ỦY BAN NHÂN DÂN XÃ AN ĐÔNG\nSố: 33/TB-UBND\nAn Đông, ngày 06 tháng 3 năm 2025\nTHÔNG BÁO\n"
            "Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban\n"
            "Vào lúc 8 giờ 00 ngày 03/3/2025, Chủ tịch Ủy ban nhân dân xã chủ trì cuộc họp giao ban. "
            "Địa điểm: Phòng họp số 1. Chủ tịch kết luận như sau.\n")
    assert Extractor().extract(text).meeting is None


def test_a_letter_convening_an_online_meeting():
    text = ("ỦY BAN NHÂN DÂN HUYỆN NAM ĐÔNG\nSố: 210/UBND-VP\nNam Đông, ngày 06 tháng 3 năm 2025\n"
            "V/v họp trực tuyến về phòng chống hạn\nKính gửi: Ủy ban nhân dân các xã.\n"
            "Chủ tịch Ủy ban nhân dân huyện triệu tập cuộc họp trực tuyến:\n"
            "- Thời gian: vào lúc 15 giờ 00 ngày 07/3/2025.\n"
            "- Hình thức: trực tuyến, điểm cầu chính tại Phòng họp Ủy ban nhân dân huyện.\n")
    assert when(text) == "2025-03-07T15:00"


def test_a_decision_convening_a_session_and_a_plan_opening_an_event():
    text = ("HỘI ĐỒNG NHÂN DÂN HUYỆN NAM ĐÔNG\nSố: 12/QĐ-HĐND\nNam Đông, ngày 06 tháng 3 năm 2025\nQUYẾT ĐỊNH\n"
            "Về việc triệu tập Kỳ họp thứ tám\nĐiều 1. Triệu tập Kỳ họp thứ tám Hội đồng nhân dân huyện. Kỳ họp khai "
            "mạc vào lúc 7 giờ 30 phút, Thứ Ba, ngày 25/3/2025 tại Hội trường huyện.\n"
            "Điều 2. Ủy ban nhân dân huyện gửi tài liệu chậm nhất ngày 18/3/2025.\n")
    assert when(text) == "2025-03-25T07:30"
    plan = ("TRƯỜNG TIỂU HỌC AN ĐÔNG\nSố: 05/KH-TH\nAn Đông, ngày 06 tháng 3 năm 2025\nKẾ HOẠCH\n"
            "Tổ chức Hội khỏe Phù Đổng cấp trường\n1. Thời gian thi đấu: từ ngày 24/3/2025 đến ngày 28/3/2025.\n"
            "2. Lễ khai mạc vào lúc 7 giờ 00 ngày 24/3/2025 tại sân trường.\n")
    assert when(plan) == "2025-03-24T07:00"


def test_a_meeting_over_several_days_starts_on_the_first():
    assert when(HEAD + "Kính mời đại biểu dự hội nghị. Thời gian: từ ngày 24/3/2025 đến ngày 26/3/2025, khai mạc "
                       "lúc 8 giờ 00. Địa điểm: Hội trường.\n") == "2025-03-24T08:00"
    assert when(HEAD + "Kính mời đại biểu dự họp. Thời gian: 14 giờ 00 - ngày 12/3/2025. Địa điểm: Hội trường.\n") \
        == "2025-03-12T14:00"


def test_a_cong_van_inviting_units_to_a_meeting_in_a_sentence_a_text_layer_wrapped():
    letter = ("ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN ĐÔNG KHÊ             Độc lập - Tự do - "
              "Hạnh phúc\nSố: 301/UBND-KT            Đông Khê, ngày 10 tháng 3 năm 2020\nV/v sửa chữa cầu Khe Lim\n\n"
              "Kính gửi: Ủy ban nhân dân xã Vỹ Khánh.\n\n"
              "Để thống nhất phương án sửa chữa, Ủy ban nhân dân huyện mời đại\n"
              "diện lãnh đạo Ủy ban nhân dân xã Vỹ Khánh, Phòng Tài chính - Kế hoạch\n"
              "dự họp, kiểm tra hiện trường vào lúc 8 giờ 30 phút, thứ Ba, ngày 17/3/2020\n"
              "(tập trung tại trụ sở Ủy ban nhân dân xã Vỹ Khánh).\n")
    assert Extractor().extract(letter).to_json("t")["meeting"]["datetime"] == "2020-03-17T08:30"


@pytest.mark.parametrize("sentence, when", [
    ("Chủ tịch UBND quận sẽ nghe báo cáo tiến độ vào lúc 08 giờ 00, thứ Tư, ngày 03/4/2024 tại Phòng họp số 1, UBND quận.",
     "2024-04-03T08:00"),
    ("Hội thi cấp huyện tổ chức vào 07 giờ 30, Chủ nhật, ngày 10/11/2024 tại Nhà Văn hóa huyện.", "2024-11-10T07:30"),
    ("Đề nghị Sở cử 01 đồng chí lãnh đạo dự Hội nghị ký kết quy chế phối hợp vào lúc 8 giờ 30 ngày 05/9/2024 (thứ Năm)"
     " tại Hội trường Công an tỉnh.", "2024-09-05T08:30"),
    ("Vào lúc 14 giờ 00 ngày 28/02/2024 tại thôn Đông, xã Tân An đã xảy ra vụ cháy nhà dân.", None),
])
def test_an_event_with_its_hour_day_and_place_in_a_cong_van(sentence, when):
    letter = ("ỦY BAN NHÂN DÂN QUẬN 11\nSố: 120/UBND-VP\nQuận 11, ngày 01 tháng 3 năm 2024\nV/v triển khai nhiệm vụ\n\n"
              "Kính gửi: Các phòng, ban thuộc quận.\n\n" + sentence + "\n")
    meeting = Extractor().extract(letter).to_json("t")["meeting"]
    assert (meeting or {}).get("datetime") == when


def test_a_plans_event_after_a_page_of_tasks_is_its_meeting():
    tasks = "".join(f"{i}. Ủy ban nhân dân các xã tổ chức tuyên truyền nội dung thứ {i} của phong trào đến từng "
                    f"thôn, bản, vận động nhân dân tham gia giữ gìn vệ sinh môi trường và trồng cây xanh.\n"
                    for i in range(1, 30))
    letter = ("ỦY BAN NHÂN DÂN HUYỆN BẮC LÃNG\nSố: 15/KH-UBND\nBắc Lãng, ngày 12 tháng 01 năm 2026\nKẾ HOẠCH\n"
              "Phát động phong trào Tết trồng cây năm 2026\n\n" + tasks +
              "Lễ phát động phong trào được tổ chức lúc 8 giờ 00 ngày 06/02/2026 tại Nhà văn hóa trung tâm huyện.\n")
    assert len(letter) > 3500
    meeting = Extractor().extract(letter).to_json("t")["meeting"]
    assert meeting == {"datetime": "2026-02-06T08:00", "place": "Nhà văn hóa trung tâm huyện"}


def test_a_meeting_moved_is_held_at_its_new_time():
    letter = ("SỞ XÂY DỰNG TỈNH HÀ LAM\nSố: 412/TB-SXD\nHà Lam, ngày 14 tháng 5 năm 2024\nTHÔNG BÁO\n"
              "Thay đổi thời gian tổ chức Hội nghị giao ban quý II\n\n"
              "Theo Giấy mời số 398/GM-SXD ngày 08/5/2024, Sở Xây dựng tổ chức Hội nghị giao ban quý II vào lúc "
              "14h00 ngày 16/5/2024.\nDo thay đổi lịch công tác, Sở thông báo lùi thời gian tổ chức Hội nghị như sau:"
              "\n- Thời gian mới: 8h00, thứ Hai, ngày 20/5/2024.\n- Địa điểm: Phòng họp tầng 2, Sở Xây dựng.\n")
    assert Extractor().extract(letter).meeting["datetime"] == "2024-05-20T08:00"


def test_a_meeting_convened_after_a_measure_taking_effect_at_an_hour():
    letter = ("ỦY BAN NHÂN DÂN TỈNH HÀ LAM\nSố: 05/CĐ-UBND\nHà Lam, ngày 02 tháng 9 năm 2024\nCÔNG ĐIỆN\n"
              "Về việc chủ động ứng phó với bão số 3\n\n"
              "1. Bộ Chỉ huy Bộ đội Biên phòng tỉnh không cho tàu thuyền ra khơi kể từ 12 giờ 00 ngày 03/9/2024.\n"
              "2. Chủ tịch Ủy ban nhân dân tỉnh triệu tập cuộc họp trực tuyến với các huyện vào lúc 16 giờ 00 ngày "
              "02/9/2024 tại Phòng họp trực tuyến Ủy ban nhân dân tỉnh.\n")
    assert Extractor().extract(letter).meeting["datetime"] == "2024-09-02T16:00"
