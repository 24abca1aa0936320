"""Where a unit's name ends, and how a list of units splits: "Sở Tài nguyên và Môi trường, Sở Giao thông vận tải
và các đơn vị liên quan" is three units, "Ủy ban nhân dân tỉnh, thành phố" is one.

Names run until an action word ("chủ trì", "triển khai", "báo cáo"...), a preposition that starts a complement
("để", "theo", "về"...) or punctuation that ends a clause. No model is needed: the genre's verbs are few.
"""

from __future__ import annotations

import re

# Words that start a unit's name (as the letter capitalises them) — the head of a noun phrase naming a body or an
# office holder.
HEADS = (
    "Sở", "UBND", "Ủy ban", "Uỷ ban", "UB", "Phòng", "Ban", "Công an", "Văn phòng", "Thanh tra", "Chủ tịch",
    "Phó Chủ tịch", "Giám đốc", "Thủ trưởng", "Trưởng", "Trung tâm", "Hội", "Hiệp hội", "Đoàn", "Cục", "Chi cục",
    "Bộ", "Tòa án", "Viện", "Đài", "Báo", "Bảo hiểm", "Kho bạc", "Viễn thông", "Điện lực", "Trường", "Bệnh viện",
    "Hội đồng", "HĐND", "Đảng ủy", "Đảng uỷ", "Mặt trận", "MTTQ", "Liên đoàn", "Chi nhánh", "Công ty",
    "Tổng công ty", "Ngân hàng", "Cơ quan", "Tổ", "Tổng cục", "Vụ", "Ngành", "Người đứng đầu", "Lãnh đạo",
    "Thường trực", "Tỉnh ủy", "Tỉnh uỷ", "Huyện ủy", "Quận ủy", "Thành ủy", "Cục Thuế", "Chi Cục", "Chuyên viên",
    "Bí thư", "Hạt", "Trạm", "Quỹ", "Đội", "Học viện", "Liên minh", "Tổng Liên đoàn", "Phó Giám đốc",
)
_HEAD_RE = re.compile(
    r"(?:các\s+|Các\s+)?(?:" + "|".join(sorted(map(re.escape, HEADS), key=len, reverse=True)) + r")\b"
    r"(?!\s+(?:nghị|thảo|chức|cáo|hành|hợp|phận|dung|trình|nhiệm\s+vụ)\b)"
)
_COLLECTIVE = re.compile(
    r"các\s+(?:sở|ban|ngành|cơ quan|đơn vị|phòng|tổ chức|địa phương|xã|phường|huyện|quận|hội|đoàn thể|chi hội|"
    r"cơ sở|doanh nghiệp|trường|bộ phận|thành viên|tổ dân phố|thôn)\b"
)

# Words that end a name: actions, and prepositions that start what is asked of the unit.
STOPS = (
    "chủ trì", "phối hợp", "phối kết hợp", "thực hiện", "triển khai", "nghiên cứu", "kiểm tra", "chỉ đạo",
    "hướng dẫn", "khẩn trương", "cho ý kiến", "có ý kiến", "có văn bản", "xây dựng", "báo cáo", "tham mưu",
    "rà soát", "quan tâm", "chuẩn bị", "tổ chức thực hiện", "tổ chức", "gửi", "tổng hợp", "theo dõi", "căn cứ",
    "xem xét", "hoàn thành", "hoàn thiện", "thông báo", "treo", "cử", "liên hệ", "đôn đốc", "tiến hành",
    "có trách nhiệm", "chịu trách nhiệm", "biết", "để", "nghiêm túc", "thống nhất", "đề xuất", "trình", "lập",
    "tiếp nhận", "bố trí", "đảm bảo", "bảo đảm", "phổ biến", "tuyên truyền", "giải quyết", "xử lý", "cung cấp",
    "đăng ký", "trả lời", "chủ động", "tập trung", "tăng cường", "phân công", "giám sát", "ban hành", "công bố",
    "thẩm định", "sớm", "kịp thời", "trao đổi", "góp ý", "tiếp tục", "làm việc", "tham dự", "dự", "tham gia",
    "cập nhật", "đánh giá", "giao", "yêu cầu", "đề nghị", "được", "là", "nhằm", "trong", "theo", "tại", "về",
    "từ", "đến", "ngày", "trước", "chậm nhất", "khi", "nếu", "với", "cần", "phải", "sẽ", "đã", "đang", "không",
    "tiếp âm", "tiếp thu", "mời", "nộp", "thường xuyên", "hỗ trợ", "lựa chọn", "quản lý", "vận động", "có văn bản",
    "tạo điều kiện", "nắm", "triệu tập", "chấp thuận", "nơi", "gồm", "đặt", "rút kinh nghiệm", "chỉ", "ghi", "cấp", "trực tiếp", "lấy ý kiến", "tổng kết",
    "điều chỉnh", "bổ sung", "thu hồi", "ký", "soạn thảo", "gấp", "ngay", "thẩm tra", "thanh tra", "tuân thủ",
    "xác minh", "bàn giao", "nhận", "hướng", "đề", "như", "bằng", "qua", "sau", "cho", "tới", "của",
)
# The verbs among them: a list item "- X <verb> ..." is a task for X.
ACTIONS = STOPS[:STOPS.index("được")] + ("triệu tập", "chấp thuận", "tiếp âm", "tiếp thu", "nộp", "hỗ trợ", "lựa chọn",
                                         "quản lý", "vận động", "xác minh", "thẩm tra", "bổ sung", "điều chỉnh")
ACTION_RE = re.compile(r"\s*(?:" + "|".join(sorted(map(re.escape, ACTIONS), key=len, reverse=True)) + r")(?!\w)")
_STOP_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, STOPS), key=len, reverse=True)) + r")(?!\w)"
)
# Lower-case words that still belong to a name when they follow a head word ("Thanh tra tỉnh", "Bộ Công an").
_NAME_CONTINUES_AFTER = re.compile(r"^(?:Thanh tra|Bộ|Sở|Ban|Cục|Vụ|Phòng)\s+$")
_END = re.compile(r"[;:.!?\n]|,\s*(?=(?:đồng thời|sau đó|trong đó|kể cả)\b)")
MAX_WORDS = 45


def head_at(text: str, pos: int) -> bool:
    """Whether a unit's name starts at ``pos``."""
    return bool(_HEAD_RE.match(text, pos) or _COLLECTIVE.match(text, pos))


def bound(text: str, start: int, limit: int = 260) -> tuple[int, int] | None:
    """The span of the unit list that starts at ``start``, or None when no unit starts there."""
    if not head_at(text, start):
        return None
    window = text[start:start + limit]
    end_match = _END.search(window)
    end = end_match.start() if end_match else len(window)
    # An action word ends the list; skip the head itself ("Thanh tra tỉnh" is not the verb "thanh tra").
    head = _HEAD_RE.match(window) or _COLLECTIVE.match(window)
    for stop in _STOP_RE.finditer(window, head.end() if head else 0, end):
        # "Ủy ban nhân dân tỉnh, thành phố" keeps "thành phố"; a stop right after a comma ends the list too.
        end = stop.start()
        break
    # Keep a parenthesis that closes inside the window ("(cũ)", "(Trung tâm Phục vụ hành chính công tỉnh)").
    segment = window[:end]
    if segment.count("(") > segment.count(")"):
        close = window.find(")", end)
        open_at = segment.rfind("(")
        if 0 <= close < len(window) and close - open_at < 80:
            segment = window[:close + 1]
        else:
            segment = segment[:open_at]
    segment = segment.rstrip(" ,-–\t")
    if len(segment.split()) > MAX_WORDS or len(segment) < 3:
        return None
    if len(segment.split()) < 2 and not segment.isupper():
        return None
    return start, start + len(segment)


def split_units(text: str) -> list[tuple[int, int]]:
    """Relative spans of the units listed in ``text``: a new unit starts after ", " or " và " only at a head word."""
    cuts = [0]
    for sep in re.finditer(r",\s*|\s+và\s+|\s+cùng\s+|;\s*", text):
        if head_at(text, sep.end()):
            cuts.append(sep.start())
            cuts.append(sep.end())
    cuts.append(len(text))
    spans = []
    for a, b in zip(cuts[::2], cuts[1::2]):
        piece = text[a:b].strip(" ,;-–")
        if len(piece) >= 3:
            offset = text.index(piece, a)
            spans.append((offset, offset + len(piece)))
    return spans
