"""Where a unit's name ends, and how a list of units splits: "Sở Tài nguyên và Môi trường, Sở Giao thông vận tải
và các đơn vị liên quan" is three units, "Ủy ban nhân dân tỉnh, thành phố" is one.

Names run until an action word ("chủ trì", "triển khai", "báo cáo"...), a preposition that starts a complement
("để", "theo", "về"...) or punctuation that ends a clause. No model is needed: the genre's verbs are few.
"""

from __future__ import annotations

import re
from functools import lru_cache
from nlp.alphabet import LOWER

# Words that start a unit's name (as the letter capitalises them) — the head of a noun phrase naming a body or an
# office holder.
HEADS = (
    "Sở", "UBND", "Ủy ban", "Uỷ ban", "UB", "Phòng", "Ban", "Công an", "Văn phòng", "Thanh tra", "Chủ tịch",
    "Phó Chủ tịch", "Giám đốc", "Thủ trưởng", "Trưởng", "Trung tâm", "Hội", "Hiệp hội", "Đoàn", "Cục", "Chi cục",
    "Bộ", "Tòa án", "Viện", "Đài", "Báo", "Bảo hiểm", "Kho bạc", "Viễn thông", "Điện lực", "Trường", "Bệnh viện",
    "Hội đồng", "HĐND", "Đảng ủy", "Đảng uỷ", "Mặt trận", "MTTQ", "Liên đoàn", "Chi nhánh", "Công ty",
    "Tổng công ty", "Ngân hàng", "Cơ quan", "Tổ", "Tổng cục", "Vụ", "Ngành", "Người đứng đầu", "Lãnh đạo",
    "Thường trực", "Tỉnh ủy", "Tỉnh uỷ", "Huyện ủy", "Quận ủy", "Thành ủy", "Cục Thuế", "Chi Cục", "Chuyên viên",
    "Bí thư", "Hạt", "Trạm", "Quỹ", "Đội", "Học viện", "Liên minh", "Tổng Liên đoàn", "Phó Giám đốc", "BHXH",
    "Giáo viên chủ nhiệm",
    # Youth union and trade union bodies: "Tỉnh đoàn", "Huyện đoàn", "Công đoàn ngành".
    "Tỉnh đoàn", "Huyện đoàn", "Thành đoàn", "Thị đoàn", "Công đoàn",
    # Office holders addressed by title: "Hiệu trưởng các trường", "Cục trưởng Cục Hải quan", "Đồng chí Phó Chủ
    # tịch phụ trách ...", "Thành viên Ban Chỉ đạo".
    "Hiệu trưởng", "Hiệu Trưởng", "Phó Hiệu trưởng", "Cục trưởng", "Vụ trưởng", "Chi cục trưởng", "Chánh Văn phòng",
    "Chánh Thanh tra", "Tổ trưởng", "Trưởng ban", "Thành viên", "Ủy viên", "Uỷ viên", "Chánh án", "Viện trưởng",
    "Thư viện", "Bảo tàng", "Nhà văn hóa", "Nhà xuất bản", "Cảng vụ", "Kiểm toán",
    # A hospital's departments ("Khoa Dược", not "Khoa học"), a border post, the post office.
    "Khoa", "Đồn", "Bưu điện",
    # Party bodies and a commander by their own names: "Đảng đoàn HĐND tỉnh", "Ban cán sự đảng UBND tỉnh", "Chi bộ
    # thôn", "Đảng bộ phường"; "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"; a cooperative.
    "Đảng đoàn", "Ban cán sự", "Chi bộ", "Đảng bộ", "Chỉ huy trưởng", "Hợp tác xã",
)
_HEAD_RE = re.compile(
    r"(?:các\s+|Các\s+)?(?:[Đđ]ồng\s+chí\s+)?(?:" + "|".join(sorted(map(re.escape, HEADS), key=len, reverse=True)) + r")\b"
    # "Phòng họp": a room; "Hội thi", "Hội chợ", "Báo giá": an event or a quotation, not a body; "Phòng, chống thiên
    # tai" (prevention) goes on a name ("Cục Quản lý đê điều và Phòng, chống thiên tai")
    r"(?!\s+(?:nghị|thảo|chức|cáo|hành|hợp|phận|dung|trình|học|họp|khách|nhiệm\s+vụ|thi|diễn|chợ|trại|thao|giá)\b)"
    r"(?<!Phòng(?=,?\s+chống\b))"
)
# ("Tỉnh đoàn" names one body by itself: the province's youth union.)
_BARE_HEADS = frozenset(h.lower() for h in HEADS) - {"tỉnh đoàn", "huyện đoàn", "thành đoàn", "thị đoàn"}
# A collective, also as its holders: "các sở, ban, ngành", "thủ trưởng các cơ quan, đơn vị", "tất cả các trường".
_COLLECTIVE = re.compile(
    r"(?:(?:thủ\s+trưởng|trưởng|lãnh\s+đạo|hiệu\s+trưởng|giám\s+đốc|chủ\s+tịch|người\s+đứng\s+đầu|tất\s+cả|"
    r"thành\s+viên|tổ\s+trưởng)\s+)?các\s+(?:sở|ban|ngành|cơ\s+quan|đơn\s+vị|phòng|tổ\s+chức|địa\s+phương|xã|phường|huyện|"
    r"quận|hội|đoàn\s+thể|chi\s+hội|công\s+đoàn|đảng\s+bộ|hợp\s+tác\s+xã|"
    r"cơ\s+sở|doanh\s+nghiệp|trường|bộ\s+phận|thành\s+viên|tổ\s+dân\s+phố|thôn|cấp|ngành|khu\s+phố|ấp|bản|"
    r"tổ\s+chức|tổ(?!\s+chức)|đội|hộ|khoa(?!\s+học)|ban\s+quản\s+lý|chi\s+bộ|bí\s+thư|tỉnh|thành\s+phố|thị\s+xã|đài|báo|bệnh\s+viện|trung\s+tâm|"
    r"cục|chi\s+cục|bộ|tổng\s+công\s+ty|công\s+ty|ngân\s+hàng)\b",
    re.I,
)

# Verbs of tasks that the first list lacked; they also make a list item a task.
_MORE_VERBS = ("quán triệt", "tuyển sinh", "đẩy mạnh", "nâng cao", "phát huy", "duy trì", "chấp hành", "kiện toàn",
               "củng cố", "niêm yết", "công khai", "phát động", "hưởng ứng", "chú trọng", "ưu tiên", "tăng cường",
               "vận hành", "sử dụng", "lưu ý", "tổ chức triển khai", "theo dõi", "đón tiếp", "tiếp đón", "phục vụ",
               "kiểm soát", "điều tra", "xác nhận", "trình bày", "chú ý", "mở", "sẵn sàng", "ra quân", "ra", "lồng ghép",
               "cấp phát", "hoàn tất", "có nhiệm vụ", "huy động", "kêu gọi", "cắm", "thống kê", "tìm kiếm", "phân bổ",
               "cân đối", "bình xét", "đưa tin", "sắp xếp", "di dời", "tháo dỡ", "lắp đặt", "ứng phó", "kiểm đếm",
               "truy quét", "ngăn chặn", "quan trắc", "thành lập", "quy định", "có nhu cầu", "mỗi",
               "tuần tra", "khoanh vùng", "thanh quyết toán", "thanh toán", "quyết toán", "bắt đầu", "hoàn chỉnh", "tăng",
               "định hướng", "tổng kiểm tra", "tổng rà soát", "tổng điều tra", "đưa", "lãnh đạo",
               "trực ban", "kích hoạt", "phun", "làm chủ đầu tư", "làm đầu mối", "làm thường trực")
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
    "từ", "đến", "ngày", "trước", "chậm nhất", "khi", "nếu", "với", "cần", "phải", "sẽ", "đã", "đang", "không", "họp",
    "tiếp âm", "tiếp thu", "mời", "nộp", "thường xuyên", "hỗ trợ", "lựa chọn", "quản lý", "vận động", "có văn bản",
    "tạo điều kiện", "nắm", "triệu tập", "chấp thuận", "nơi", "gồm", "đặt", "rút kinh nghiệm", "chỉ", "ghi", "cấp", "trực tiếp", "lấy ý kiến", "tổng kết",
    "điều chỉnh", "bổ sung", "thu hồi", "ký", "soạn thảo", "gấp", "ngay", "thẩm tra", "thanh tra", "tuân thủ",
    "xác minh", "bàn giao", "nhận", "hướng", "đề", "như", "bằng", "qua", "sau", "cho", "tới", "của",
    "phụ trách", "tham khảo", "khảo sát", "thu thập", "tập huấn", "phê duyệt", "khắc phục", "biên soạn", "in ấn",
    "trân trọng", "cảm ơn", "rất mong", "mong", "xin", "giúp", "kính đề nghị", "kính trình", "kính gửi",
) + _MORE_VERBS
# The verbs among them: a list item "- X <verb> ..." is a task for X.
ACTIONS = STOPS[:STOPS.index("được")] + ("triệu tập", "chấp thuận", "tiếp âm", "tiếp thu", "nộp", "hỗ trợ", "lựa chọn",
                                         "quản lý", "vận động", "xác minh", "thẩm tra", "bổ sung", "điều chỉnh",
                                         "phụ trách", "tham khảo", "khảo sát", "thu thập", "tập huấn", "phê duyệt",
                                         "khắc phục", "biên soạn", "in ấn") + _MORE_VERBS
# "dự" is the verb "attend" but starts the nouns "dự thảo", "dự án", "dự toán", "dự kiến".
# Nouns that end on a stop word: "công trình", "chương trình", "đơn vị sử dụng lao động", "Ban Quản lý dự án đầu tư
# xây dựng", "cấp xã", "Đội Cảnh sát QLHC về TTXH" (an abbreviation after "về" is part of a name).
_NOT_A_STOP = (r"(?<![Cc]ông\strình)(?<![Cc]hương\strình)(?<![Qq]uá\strình)(?<![Tt]ờ\strình)(?<![Qq]uy\strình)(?<![Ll]ộ\strình)"
               r"(?<!đầu\stư\sxây\sdựng)(?<!sử\sdụng(?=\slao\sđộng))"
               r"(?<!cấp(?=\s(?:xã|huyện|tỉnh|cơ\ssở|trung\sương|Trung\sương|dưới)(?!\w)))"
               r"(?<!về(?=\s[A-ZĐ]{2,8}(?![\w&])))"
               # "giao thông" is traffic, not "assign"; "trật tự xây dựng" is a field ("Đội Quản lý trật tự xây dựng").
               r"(?<!giao(?=\sthông(?!\w)))(?<!trật\stự\sxây\sdựng)"
               # "Phòng Quản lý xây dựng", "Trung tâm Kiểm định chất lượng xây dựng", "Thanh tra xây dựng": the field
               r"(?<![Qq]uản\slý\sxây\sdựng)(?<!chất\slượng\sxây\sdựng)(?<![Tt]hanh\stra\sxây\sdựng)"
               # "hậu cần" is logistics ("Ban Hậu cần - Kỹ thuật"), not "need"; "Phòng Kế hoạch tổng hợp" is a
               # hospital's planning department, not the verb "compile".
               r"(?<![Hh]ậu\scần)(?:(?<![Kk]ế\shoạch\stổng\shợp)|(?<=chính\s-\sKế\shoạch\stổng\shợp))"
               # the police's branches: "Đội Cảnh sát điều tra tội phạm về trật tự xã hội", "Phòng Cảnh sát quản lý
               # hành chính về trật tự xã hội"
               r"(?<!Cảnh\ssát\sđiều\stra)(?<!Cảnh\ssát\squản\slý)(?<!tội\sphạm\svề)(?<!hành\schính\svề)"
               # "Ban bầu cử", "Tổ bầu cử", "người ứng cử": an election, not "send"
               r"(?<![Bb]ầu\scử)(?<![Ứứ]ng\scử)"
               # "Hội đồng bồi thường, hỗ trợ và tái định cư": compensation, support and resettlement, a field
               r"(?<!bồi\sthường,\shỗ\strợ)"
               # "Tổ trực ban", "Đội trực ban": the duty team, not "keeps watch"
               r"(?<![Tt]ổ\strực\sban)(?<![Đđ]ội\strực\sban)"
               # "nhà cung cấp" is a supplier, a noun, not "cung cấp" (provide)
               r"(?<!nhà\scung\scấp)"
               # "người nộp thuế" is the taxpayer ("Đội Tuyên truyền - Hỗ trợ người nộp thuế"), not "nộp" (submit)
               r"(?<!người\snộp)")
ACTION_RE = re.compile(r"\s*(?:" + "|".join(sorted(map(re.escape, ACTIONS), key=len, reverse=True)) + r")(?!\w)"
                       r"(?<!dự(?=\s(?:thảo|án|toán|kiến|báo|phòng|trữ)(?!\w)))" + _NOT_A_STOP)
# A stop of two or more syllables ends a name even when a PDF text layer glued the next word to it
# ("tham khảohướng dẫn"); a one-syllable stop must stand alone ("về" is not the start of "vềnh").
_STOP_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted((w for w in STOPS if " " in w), key=len, reverse=True))
    + r"|(?:" + "|".join(re.escape(w) for w in sorted((w for w in STOPS if " " not in w), key=len, reverse=True))
    + r")(?!\w))(?<!dự(?=\s(?:thảo|án|toán|phòng|trữ)(?!\w)))" + _NOT_A_STOP
)
# "tổ chức" is a noun, not the verb "organise", when a kind of organisation follows ("các tổ chức chính trị - xã
# hội, tổ chức thành viên của Mặt trận").
_NOUN_TO_CHUC = re.compile(
    r"tổ\s+chức\s+(?:thành\s+viên|chính\s+trị|xã\s+hội|đoàn\s+thể|tôn\s+giáo|kinh\s+tế|quốc\s+tế|phi\s+chính\s+phủ|"
    r"nghề\s+nghiệp|cá\s+nhân|có\s+liên\s+quan|liên\s+quan|đảng|công\s+đoàn)(?!\w)"
)
# Lower-case words that still belong to a name when they follow a head word ("Thanh tra tỉnh", "Bộ Công an").
_NAME_CONTINUES_AFTER = re.compile(r"^(?:Thanh tra|Bộ|Sở|Ban|Cục|Vụ|Phòng)\s+$")
_STOP_SET = frozenset(STOPS)
_PLACES_BEFORE_COLON = re.compile(r"(?<!\w)[Cc]ác\s+(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thôn|bản|ấp|tỉnh|"
                                  # the bodies a holder heads, listed after a colon: "Giám đốc các Sở: A, B, C"
                                  r"[Ss]ở|[Pp]hòng|[Bb]an|[Cc]ục|[Tt]rường|đơn\s+vị|cơ\s+quan)"
                                  r"[^:;.\n]{0,30}$")
_CAPITAL_VERB = re.compile(r"(?<!\w)(\w{1,7})[ \t]$")


def _inside_capital_verb(window: str, at: int, stop: str) -> bool:
    """Whether the one-syllable stop at ``at`` ends a two-syllable verb whose first syllable is capitalised: in a name
    ("Văn phòng Đăng ký đất đai", "Tổ Tiếp nhận và Trả kết quả") the verb is a noun."""
    m = _CAPITAL_VERB.search(window, max(0, at - 9), at)
    return bool(m) and m.group(1)[0].isupper() and (m.group(1).lower() + " " + stop) in _STOP_SET
_END = re.compile(r"[;:.!?\n]|,\s*(?=(?:đồng thời|sau đó|trong đó|kể cả)\b)")
# A name never ends on a function word: "UBND tỉnh, các" (the list went on past the window or a stop).
_BODY_OF_TASK = re.compile(r"(?:Ban|Tổ|Hội\s+đồng|(?<!Tỉnh\s)(?<!Huyện\s)(?<!Thành\s)(?<!Thị\s)(?<!Công\s)Đoàn|"
                           r"Ủy\s+ban|Uỷ\s+ban)$", re.I)
_LEVEL_THEN_HEAD = re.compile(r"(?<=\s)(?:tỉnh|huyện|xã|phường|quận|thị\s+xã|thành\s+phố|Trung\s+ương)[ \t]+"
                              r"(?=(?:UBND|Ủy\s+ban|Uỷ\s+ban|Sở|Phòng|Ban|Công\s+an|Văn\s+phòng|Thanh\s+tra|Trung\s+tâm|"
                              r"Cục|Chi\s+cục|Bộ|Đoàn|Hội\s+đồng)\b)")
# Office holders (a person, not a body): "phụ trách <portfolio>" right after the title belongs to the name.
_PERSON_TITLE = re.compile(r"(?:Chủ\s+tịch|Giám\s+đốc|Hiệu\s+trưởng|Cục\s+trưởng|Vụ\s+trưởng|Chánh\s+Văn\s+phòng|"
                           r"Chánh\s+Thanh\s+tra|Trưởng\s+ban|Ủy\s+viên|Uỷ\s+viên|Bí\s+thư|Trưởng)$", re.I)
# Words that never name a body's task: "Đoàn bắt đầu làm việc ..." is the team at work, not a "Đoàn bắt đầu".
_NEVER_A_TASK = frozenset(("bắt đầu", "được", "là", "sẽ", "đã", "đang", "không", "cần", "phải", "nhằm", "trong", "theo",
                           "tại", "về", "từ", "đến", "khi", "nếu", "với", "cho", "ngày", "trước", "sau", "như",
                           "bằng", "qua", "tới", "khẩn trương", "sớm", "kịp thời", "thường xuyên", "nghiêm túc",
                           "chủ động", "tiếp tục", "làm việc", "có trách nhiệm", "chịu trách nhiệm", "hoàn thành", "gấp",
                           "ngay", "để", "biết", "căn cứ"))
_BODY_NOUNS = frozenset(("chỉ đạo", "tổ chức", "thẩm định", "kiểm tra", "giám sát", "soạn thảo", "biên tập",
                         "điều hành", "quản lý", "công tác"))
# ("Tỉnh đoàn tổ chức ...": a youth union organises; it is not an organising committee.)
_BODY_WORD_BEFORE = re.compile(r"(?<!\w)(?:[Bb]an|[Tt]ổ|[Hh]ội\s+đồng|"
                               r"(?<![Tt]ỉnh\s)(?<![Hh]uyện\s)(?<![Tt]hành\s)(?<![Tt]hị\s)(?<![Cc]ông\s)[Đđ]oàn)\s+$")
_COMRADE = re.compile(r"(?:các\s+)?[Đđ]ồng\s+chí\s")
# ("trực thuộc" ends a name: "các đơn vị trực thuộc").
_DANGLING = re.compile(r"(?:[\s,]+(?:các|và|của|cùng|những|với|tại|ở)|(?<!trực)[\s,]+thuộc)+\s*$", re.I)
# A parenthesis that gives the unit's role, not its name: "(cơ quan thường trực Ban Chỉ đạo ...)", "(sau đây gọi tắt
# là ...)".
_ROLE_NOTE = re.compile(r"\s*\((?:cơ\s+quan|đơn\s+vị)\s+(?:thường\s+trực|đầu\s+mối|chủ\s+trì|tham\s+mưu)[^()]*\)\s*$|"
                        r"\s*\((?:sau\s+đây\s+)?(?:gọi|viết)\s+tắt[^()]*\)\s*$", re.I)
_ALL_THE_PEOPLE = re.compile(r"(?:,|\s+và)\s+toàn\s+thể\s+(?:nhân\s+dân|người\s+dân|quần\s+chúng)[^,;]*$")
MAX_WORDS = 45


def is_bare(name: str) -> bool:
    """A head with nothing naming which one ("Cơ quan", "Chuyên viên") is not a unit's name."""
    return not name.isupper() and " ".join(name.split()).lower() in _BARE_HEADS


# A title in lower case before a body's name: "thành viên Ban Chỉ đạo ...", "lãnh đạo Sở ...".
_LOWER_TITLE = re.compile(r"(?:thành\s+viên|thủ\s+trưởng|trưởng|lãnh\s+đạo|tổ\s+trưởng|hiệu\s+trưởng|giám\s+đốc|"
                          r"chủ\s+tịch)\s+(?=(?:Ban|Sở|Phòng|Ủy\s+ban|UBND|Tổ|Hội\s+đồng|Trung\s+tâm|Đoàn|Cục|Chi\s+cục)\b)")


# Holders of a local post and comrades addressed as a group: "tổ trưởng tổ dân phố", "trưởng thôn", "bí thư chi
# bộ", "các đồng chí trong Ban Chỉ đạo ...", "các đồng chí thành viên ...".
_HOLDER = re.compile(r"(?:(?:các\s+)?(?:tổ\s+trưởng|trưởng|bí\s+thư)\s+(?:các\s+)?(?:tổ\s+dân\s+phố|thôn|ấp|bản|xóm|khu\s+phố|"
                     r"tổ\s+dân\s+cư|chi\s+bộ)|chính\s+quyền\s+(?:địa\s+phương\s+)?(?:cùng\s+cấp|các\s+cấp|cơ\s+sở)|các\s+đồng\s+chí\s+(?:trong|thành\s+viên|ủy\s+viên|uỷ\s+viên|lãnh\s+đạo|"
                     r"được\s+phân\s+công|phụ\s+trách))(?!\w)", re.I)


# A commune's civil servant named by the field: "công chức Địa chính - Xây dựng xã", "Công chức Văn hóa - Xã hội".
_CIVIL_SERVANT = re.compile(r"[Cc]ông\s+chức\s+(?=[A-ZĐ][" + LOWER + r"])")
# A steering body named by its programme, up to its level: "Ban Chỉ đạo xây dựng nông thôn mới xã" (the programme's
# verbs are part of the name).
_PROGRAMME_BODY = re.compile(r"(?:[Cc]ác\s+)?(?:Ban|Tổ)\s+(?:[Cc]hỉ\s+đạo|[Cc]hỉ\s+huy)\s+"
                             # the programme's name, never a task ("Ban Chỉ đạo có nhiệm vụ giúp UBND thị xã ...")
                             r"(?:(?:(?!(?:có\s+nhiệm\s+vụ|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|giúp|tham\s+mưu)\s)"
                             r"[^,;:.()\n]){3,60}?\s)??"
                             r"(?:xã|huyện|tỉnh|thành\s+phố|quận|phường|thị\s+xã|thị\s+trấn)(?!\w)")


def head_at(text: str, pos: int) -> bool:
    """Whether a unit's name starts at ``pos``."""
    return bool(_HEAD_RE.match(text, pos) or _COLLECTIVE.match(text, pos) or _LOWER_TITLE.match(text, pos)
                or _HOLDER.match(text, pos) or _CIVIL_SERVANT.match(text, pos))


_OF = re.compile(r"của[ \t]{1,3}")
_OF_LEVEL = re.compile(r"(?:Trung\s+ương|trung\s+ương|tỉnh|[Tt]hành\s+phố|huyện|quận|thị\s+xã|xã|phường)(?!\w)")


def _of_continues(window: str, at: int) -> bool:
    """Whether "của" at ``at`` belongs to a collective's name ("tổ chức thành viên của Mặt trận", "các đơn vị
    trực thuộc của Sở"): the piece before it starts in lower case and a unit's head follows it."""
    comma, and_at = window.rfind(",", 0, at), window.rfind(" và ", 0, at)
    piece_start = max(comma + 1, and_at + 4 if and_at >= 0 else 0)
    piece = window[piece_start:at].lstrip()
    if not piece or not piece[0].islower():
        return False
    after = _OF.match(window, at)
    if after and _OF_LEVEL.match(window, after.end()):
        return True  # "các cơ quan, đơn vị của Trung ương", "các sở, ngành của tỉnh"
    return bool(after and window[after.end():after.end() + 1].isupper() and _HEAD_RE.match(window, after.end()))


def bound(text: str, start: int, limit: int = 260) -> tuple[int, int] | None:
    """The span of the unit list that starts at ``start``, or None when no unit starts there."""
    if not head_at(text, start):
        return None
    window = text[start:start + limit]
    end_match = _END.search(window)
    # "Giao các sở, ngành tỉnh; Ủy ban nhân dân các huyện; Các Ban QLDA báo cáo ...": ';' between names goes on.
    while end_match and end_match.group() == ";" and head_at(window, _skip_space(window, end_match.end())) \
            and not _STOP_RE.search(window, 0, end_match.start()):
        end_match = _END.search(window, end_match.end())
    # "Ủy ban nhân dân các xã: Kim Sơn, Tân Lập và thị trấn Cửa Khê" names the places after a colon: one unit.
    if end_match and end_match.group() == ":" and _PLACES_BEFORE_COLON.search(window, max(0, end_match.start() - 40),
                                                                                end_match.start()):
        after = _skip_space(window, end_match.end())
        if window[after:after + 1].isupper() and not head_at(window, after):
            end_match = _END.search(window, end_match.end())
    end = end_match.start() if end_match else len(window)
    # Two names are never side by side without a separator: "... của tỉnh UBND huyện ..." is a new sentence.
    level = _LEVEL_THEN_HEAD.search(window, 0, end)
    if level:
        end = level.end()
    # An action word ends the list; skip the head itself ("Thanh tra tỉnh" is not the verb "thanh tra").
    title = _LOWER_TITLE.match(window)
    head = (_PROGRAMME_BODY.match(window) or _HOLDER.match(window) or _CIVIL_SERVANT.match(window)
            or _HEAD_RE.match(window, title.end() if title else 0) or _COLLECTIVE.match(window))
    for stop in _STOP_RE.finditer(window, head.end() if head else 0, end):
        # "Ủy ban nhân dân tỉnh, thành phố" keeps "thành phố"; a stop right after a comma ends the list too.
        if stop.group() == "tổ chức" and _NOUN_TO_CHUC.match(window, stop.start()):
            continue
        if stop.group() == "của" and _of_continues(window, stop.start()):
            continue
        if re.search(r"(?<!\w)(?:các|những)\s+$", window[max(0, stop.start() - 8):stop.start()], re.I):
            continue  # a noun after a determiner: "các cấp", "các hội"
        if head and stop.start() <= head.end() + 1 and _BODY_OF_TASK.search(head.group()) \
                and stop.group() not in _NEVER_A_TASK:
            continue  # "Ban chỉ đạo", "Tổ công tác", "Hội đồng thẩm định": the task names the body
        if stop.group() == "phụ trách" and head and (_COMRADE.match(window) or (
                _PERSON_TITLE.search(head.group()) and stop.start() <= head.end() + 1)):
            continue  # "Đồng chí Phó Chủ tịch phụ trách khối văn hóa - xã hội": the holder's portfolio
        if stop.group() in _BODY_NOUNS and _BODY_WORD_BEFORE.search(window, max(0, stop.start() - 10), stop.start()):
            continue  # "các đồng chí trong ban chỉ đạo ...", "Ban tổ chức hội thi": a body's name, not a verb
        if " " not in stop.group() and _inside_capital_verb(window, stop.start(), stop.group()):
            continue  # "Văn phòng Đăng ký đất đai", "Tổ Tiếp nhận và Trả kết quả": a capitalised verb inside a name
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
    segment = _ROLE_NOTE.sub("", segment)  # "Trung tâm Y tế huyện (cơ quan thường trực Ban Chỉ đạo ...)"
    segment = _ALL_THE_PEOPLE.sub("", segment)  # "... tổ trưởng tổ dân phố và toàn thể nhân dân": people, not a unit
    segment = _DANGLING.sub("", segment.rstrip(" ,-–\t")).rstrip(" ,-–\t")
    if len(segment.split()) > MAX_WORDS or len(segment) < 3:
        return None
    if len(segment.split()) < 2 and not segment.isupper():
        return None
    if is_bare(segment):
        return None

    return start, start + len(segment)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


# "Văn phòng HĐND và UBND quận", "Văn phòng Đoàn ĐBQH và HĐND tỉnh": one office serving two bodies.
_DELEGATION = r"Đoàn\s+(?:ĐBQH|đại\s+biểu\s+Quốc\s+hội)"
_COUNCIL_OFFICE = re.compile(r"Văn\s+phòng\s+(?:(?:" + _DELEGATION + r"\s*,\s*)?(?:HĐND|Hội\s+đồng\s+nhân\s+dân)|"
                             + _DELEGATION + r")$")
_PEOPLES_COMMITTEE = re.compile(r"(?:UBND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân|HĐND|Hội\s+đồng\s+nhân\s+dân)(?!\w)")


def split_units(text: str) -> list[tuple[int, int]]:
    """Relative spans of the units listed in ``text``: a new unit starts after ", " or " và " only at a head word."""
    cuts = [0]
    for sep in re.finditer(r",\s*|\s+và\s+|\s+cùng\s+|;\s*", text):
        if text.count("(", 0, sep.start()) > text.count(")", 0, sep.start()):
            continue  # "Các tổ chức thành viên (Hội Nông dân, Hội Cựu chiến binh, Huyện đoàn)": one party, its members
        if head_at(text, sep.end()) and not (
                "và" in sep.group() and _COUNCIL_OFFICE.search(text, max(cuts[-1], sep.start() - 60), sep.start())
                and _PEOPLES_COMMITTEE.match(text, sep.end())):
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


_ABBREV_TOKEN = re.compile(r"^[A-ZĐ&]{2,8}$")
_SKIP_WORDS = frozenset(("và", "&", "-", "–"))
_LEVEL_WORDS = frozenset(("tỉnh", "huyện", "quận", "xã", "phường", "thị", "trấn", "thành", "phố"))
_SPELL = {"UBND": "ủy ban nhân dân", "HĐND": "hội đồng nhân dân", "UBMTTQ": "ủy ban mặt trận tổ quốc",
          "MTTQ": "mặt trận tổ quốc"}
_SPELT = re.compile(r"\b(?:" + "|".join(_SPELL) + r")\b", re.I)


@lru_cache(maxsize=4096)
def skeleton(name: str) -> str:
    """Initials of a name, abbreviations spelt out letter by letter: "Sở GD&ĐT" and "SỞ GIÁO DỤC VÀ ĐÀO TẠO" both
    give "sgdđt"; "UBND tỉnh" and "Ủy ban nhân dân tỉnh" give "ubndt"."""
    caps = name.isupper()
    name = _SPELT.sub(lambda m: _SPELL[m.group().upper()], name)
    out = []
    for word in re.findall(r"[\w&]+", name):
        if word.lower() in _SKIP_WORDS:
            continue
        if not caps and _ABBREV_TOKEN.match(word):
            out.append(word.replace("&", "").lower())
        else:
            out.append(word[0].lower())
    return "".join(out)


_YOUTH_UNION = {"tỉnh đoàn": "đoàn tỉnh", "huyện đoàn": "đoàn huyện", "quận đoàn": "đoàn quận",
                "thành đoàn": "đoàn thành phố", "thị đoàn": "đoàn thị xã"}


def is_issuer(name: str, issuer: str | None) -> bool:
    """Whether ``name`` names the body that issued the letter (its letterhead, last part first): a letter does not
    give a task to itself, nor ask itself to cooperate."""
    from nlp.similar import key

    if not issuer or not name:
        return False
    youth = _YOUTH_UNION.get(key(name))
    if youth and youth in key(issuer):
        return True  # "Tỉnh đoàn" in a letter of "BCH ĐOÀN TỈNH LAM GIANG": the province's youth union
    parts = [p for p in re.split(r"\s+[-–]\s+", issuer) if p.strip()]
    candidates = {issuer, parts[-1], " - ".join(parts[-2:])} if parts else {issuer}
    mine = skeleton(name)
    for cand in candidates:
        if key(name) == key(cand):  # not fuzzy: "Sở Thông tin và Truyền thông" is not "BỘ THÔNG TIN ..."
            return True
        theirs = skeleton(cand)
        if mine == theirs or (len(mine) >= 3 and theirs.startswith(mine) and len(theirs) - len(mine) <= 4):
            return True  # "UBND tỉnh" in a letter of "UBND TỈNH HẢI DƯƠNG"
        extra = len(mine) - len(theirs)
        if len(theirs) >= 3 and mine.startswith(theirs) and 0 < extra <= 3:
            words = [w for w in re.findall(r"[\w&]+", name) if w.lower() not in _SKIP_WORDS]
            if all(w[0].isupper() for w in words[-extra:]):
                return True  # "Sở GD&ĐT Hà Nội" in a letter of "SỞ GIÁO DỤC VÀ ĐÀO TẠO": a place added
            added = [w for w in words[-extra:] if w.lower() not in _LEVEL_WORDS]
            if added and all(w.lower() in key(issuer).split() for w in added):
                return True  # "Phòng Giáo dục và Đào tạo huyện Lạc Vân" of "UBND HUYỆN LẠC VÂN - PHÒNG GIÁO DỤC ..."
    return False
