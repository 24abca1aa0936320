"""The meeting a giấy mời summons to: its time, and its place up to the end of its sentence."""

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
