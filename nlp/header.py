"""The top of a letter under NĐ 30/2020: letterhead, number and symbol, place and date, type, trích yếu, marks.

Works on lines and on the "cells" of a line (two-column letterheads flattened by pdftotext, tables joined with tabs
or pipes), never on the whole text with open-ended patterns.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from nlp.alphabet import LOWER, UPPER
from nlp.dates import make_date

TYPE_CODES = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "QC": "Quy chế", "QYĐ": "Quy định",
    "TC": "Thông cáo", "TB": "Thông báo", "HD": "Hướng dẫn", "CTR": "Chương trình", "KH": "Kế hoạch",
    "PA": "Phương án", "ĐA": "Đề án", "DA": "Dự án", "BC": "Báo cáo", "BB": "Biên bản", "TTR": "Tờ trình",
    "HĐ": "Hợp đồng", "CĐ": "Công điện", "BGN": "Bản ghi nhớ", "BTT": "Bản thỏa thuận", "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời", "GGT": "Giấy giới thiệu", "GNP": "Giấy nghỉ phép", "PG": "Phiếu gửi", "PC": "Phiếu chuyển",
    "PB": "Phiếu báo", "NQLT": "Nghị quyết liên tịch", "TTLT": "Thông tư liên tịch", "NĐ": "Nghị định",
    "KL": "Kết luận", "LCT": "Lịch công tác",
}
# Party documents (HD 36-HD/VPTW) write the type before the slash: "15-TT/TU" is a thông tri, "20-KL/TU" a kết luận.
PARTY_CODES = {**TYPE_CODES, "TT": "Thông tri", "QC": "Quy chế", "QĐ": "Quyết định", "CV": "Công văn",
               "TTr": "Tờ trình", "ĐA": "Đề án"}
TYPE_NAMES = sorted({*TYPE_CODES.values(), "Công văn", "Thông tư", "Nghị định", "Luật", "Lệnh", "Thông tri",
                     "Quy định", "Giấy mời", "Thư công", "Kết luận", "Thư mời", "Giấy triệu tập"},
                    key=len, reverse=True)
# The types that invite to a meeting: a thư mời and a giấy triệu tập are giấy mời by another name.
INVITATION_TYPES = frozenset({"Giấy mời", "Thư mời", "Giấy triệu tập"})
# Types known only by a title line of their own: the procuracy's "KIẾN NGHỊ", "KHÁNG NGHỊ", "YÊU CẦU" (words of every
# sentence elsewhere, never read as a type from prose).
TITLE_TYPES = sorted({*TYPE_NAMES, "Kiến nghị", "Kháng nghị", "Yêu cầu"}, key=len, reverse=True)
_TITLE_RE = re.compile(r"^\W{0,3}(" + "|".join(n.upper() for n in TITLE_TYPES) + r")\W{0,3}$")
# "KẾ HOẠCH Tổ chức Ngày hội ..." / "QUYẾT ĐỊNH Về việc ...": the type and its trích yếu flattened onto one line.
# The type's name and its trích yếu on one line: "KẾ HOẠCH Tổ chức ...", "QUYẾT ĐỊNH VỀ VIỆC ...", "KẾ HOẠCH TỔ CHỨC HỘI
# THI ..." (three words in capitals at least: "THÔNG BÁO KẾT LUẬN" is a type's name of two words, see find_title)
_TITLE_PREFIX_RE = re.compile(r"^\W{0,3}(" + "|".join(n.upper() for n in TYPE_NAMES) + r")[ \t:]{1,4}(?=[" + UPPER + r"][" + LOWER
                              + r"]|VỀ\s|V/V|(?:[" + UPPER + r"]+[ \t]+){2}[" + UPPER + r"])")
_TITLE_CAPS_PREFIX = re.compile(r"^\W{0,3}(" + "|".join(n.upper() for n in TYPE_NAMES) + r")[ \t]{1,3}(?=[" + UPPER + r"]{2})")
# "T H Ô N G   B Á O": a title set in spaced capitals.
# A type's name with the kind of plan or schedule it is, in capitals on the title line; the trích yếu follows below.
_ACTION_TITLE = re.compile(r"^\W{0,3}(CHƯƠNG TRÌNH|KẾ HOẠCH|LỊCH CÔNG TÁC)[ \t]{1,3}(?:HÀNH[ \t]{1,3}ĐỘNG|"
                           r"CÔNG[ \t]{1,3}TÁC|TUẦN|THÁNG|NĂM)(?:[ \t]{1,3}(?:TUẦN|THÁNG|NĂM|\d{1,4}))?\W{0,3}$")
_SPACED_CAPS = re.compile(r"^\s*(?:[^\W\d_][ \t]{1,4}){3,}[^\W\d_]\s*$")
_SQUEEZED_TYPES = {n.upper().replace(" ", ""): n for n in TYPE_NAMES}
_WEB_TITLE_RE = re.compile(r"^(" + "|".join(TYPE_NAMES) + r")\b", re.I)

# A symbol's parts: "UBND-VP", "KH-THPT.PB" (a dotted part), "TTr-CAT(PC04)" (a parenthesised unit code).
_SYMBOL_PART = r"[A-Za-zĐđ0-9&]{0,15}(?:\.[A-ZĐ0-9][A-Za-zĐđ0-9&]{0,10})?"
SYMBOL = (r"[A-ZĐ]" + _SYMBOL_PART + r"(?:[ \t]{0,2}[-–][ \t]{0,2}[A-ZĐ0-9]" + _SYMBOL_PART + r"){0,5}"
          r"(?:\([A-ZĐ0-9][A-Za-zĐđ0-9&.\-]{0,15}\))?")
# "1 024/UBND-VX": a typist's thousands space inside the number is not a break.
# OCR splits a short number the same way ("1 88/CAH-QLHC"), only right before the slash.
# A draft leaves the number blank, the year of a legal document's symbol stays: "Số:      /2025/QĐ-UBND".
NUMBER_RE = re.compile(r"(?P<num>(?:\d{1,3}(?:[ \t]\d{3})+(?!\d)|\d{1,2}[ \t]\d{1,2}(?=[ \t]{0,3}/)|\d{1,6}(?:[a-e](?=[ \t]{0,3}/))?)(?:[ \t]{0,3}/[ \t]{0,3}\d{4})?"
                       r"|[ \t]{0,12}/[ \t]{0,3}(?:19|20)\d{2}(?=[ \t]{0,3}/))?[ \t]{0,12}(?:\|[ \t]{0,3})?/[ \t]{0,3}(?P<sym>" + SYMBOL + r")(?![a-zà-ỹđ])")  # "Số/Ký hiệu": a column's label
# Symbols before NĐ 30 (and some still): the number, a space, then the symbol with its own slash ("1273 TCT/NV2").
_OLD_NUMBER_RE = re.compile(r"(?P<num>\d{1,6})[ \t]{1,3}(?P<sym>[A-ZĐ][A-ZĐ0-9&]{1,12}/[A-ZĐ0-9][A-Za-zĐđ0-9&]{0,12}"
                            r"(?:[-–][A-ZĐ0-9][A-Za-zĐđ0-9&]{0,12}){0,3})(?![\w/])")
# Party and Đoàn letters (HD 36-HD/VPTW): the number, a hyphen, the type, a slash, the body ("88-CV/HU").
# A Party body's symbol after its number and a hyphen: "HD/BTGTU" of "12-HD/BTGTU" (its type before the slash).
PARTY_SYMBOL = r"[A-ZĐ]{1,5}/[A-ZĐ][A-ZĐ0-9&]{0,12}(?:[-–][A-ZĐ0-9][A-Za-zĐđ0-9&]{0,12}){0,3}"
_PARTY_NUMBER_RE = re.compile(r"(?P<num>\d{1,6})[ \t]{0,2}[-–][ \t]{0,2}(?P<sym>" + PARTY_SYMBOL + r")(?![\w/])")
# The "Số" that _SO_ALONE and _SO_LINE find "Số:" by, in each of its spellings.
_SO_WORDS = ("Số", "SỐ", "Sổ", "SỔ", "số", "Sô", "SÔ")
# "Số:" alone on its line, the number and symbol on the next one (a table cell split by the converter).
_SO_ALONE = re.compile(r"(?:^|[ \t]{2})S[ốỐ][ \t]{0,3}:?[ \t]*$")
# The end of a symbol that a two-column layout moved to a line of its own ("Số: 255 / BC-BCĐPCGD-" ... "XMC").
_SYMBOL_TAIL = re.compile(r"^[ \t]{0,60}(?P<tail>[A-ZĐ0-9][A-ZĐ0-9&.]{0,15})[ \t]*$")
# "Số:" also glued to the letterhead's last word ("CỤC THUẾ TỈNH XSố:") and as OCR reads it ("Sổ:").
# Without its colon ("Số 12/UBND-VP", OCR's "Sổ 08-HD/BTGTU") or in lower case ("số: 12/UBND-VP"), only at the start of a cell: "QUYẾT ĐỊNH SỐ
# 1547/QĐ-UBND" in a body heading and "Công văn số 12/..." in a sentence cite other letters.
_CELL_START = r"(?:^|(?<=^[ \t])|(?<=[ \t]{2})|(?<=[\t|]))[ \t]{0,60}"
# (?=[ \tSs]): every match starts with a space, a tab or the "S" of "Số"; the look-ahead lets the engine pass over
# other positions at once instead of trying each look-behind there (2.5 times faster on a letter's header).
_SO_LINE = re.compile(r"(?=[ \tSs])(?:(?<!\w)S[ốỐ]\s{0,3}:|" + _CELL_START + r"(?:S[ốỐổỔôÔ]|số)\s{0,3}:?|(?<=[^\W\d_])Số\s{0,3}:"
                      r"|(?<!\w)S[ổỔ]\s{0,2}:)[ \t]{0,40}(?:\|[ \t]{0,40})?(?=[\d/])")
_OWN_NUMBER = re.compile(
    r"(?:^[ \t]{0,20}|\(\s{0,2}(?:Theo\s+)?)(?:" + "|".join(TYPE_NAMES) + r")\s+"
    r"(?:(?:hỏa|hoả)\s+tốc\s+|thượng\s+khẩn\s+|khẩn\s+)?"
    r"(?:số\s+)?(?P<n>\d{1,6}(?:/\d{4})?/" + SYMBOL + ")"
    r"(?:\s{0,3},?\s{0,3}(?:ngày|ban hành ngày)\s{1,3}(?P<date>\d{1,2}/\d{1,2}/\d{4}))?",
    re.M | re.I,
)
# The date line's words as a scan's OCR may mark them ("ngảy", "thảng", "nãm": a tone or the breve misread).
_NGAY = r"ng[àaáảãạ]y"
_ANG = r"[áaàảãạ]ng"
_NAM = r"n[ăaãắằẳẵặâ]m"
# a date line may break anywhere ("ngày 05 tháng 3\n   năm 2025"), in a double-spaced copy over blank lines, in a table's
# copy into the next row's cell ("năm\n | 2025")
# (blanks that end a line are any number: a cell blanked out after the date line's "năm", see drop_stamps)
_W = r"[ \t]{0,20}(?:[ \t]*+(?=\n))?(?:\|[ \t]{0,20})?(?:\n[ \t]{0,60}(?:\|[ \t]{0,20})?){0,3}"
_DATE_LINE = re.compile(
    # "ngay ... thang ... nam": a PDF text layer that lost the tone marks
    # a PDF's letter-spaced figures come apart: "ngày 0 5 tháng 3 năm 2 024"
    # (the blanks before "ngày" are taken possessively ("{0,5}+"): a blank is never where "|", a line break or "ngày"
    # starts, so giving one back cannot make a match, and a run of layout spaces is not given back blank by blank)
    r"(?:,?[ \t]{0,5}+(?:\|[ \t]{0,5}+)?(?:\n[ \t]{0,60}+){0,2}" + _NGAY + r"(?:" + _W + r"(?:m[ồù]ng[ \t]{1,3})?(?P<d>\d(?:[ \t]?\d)?)?" + _W + r"t?h?" + _ANG + _W +
    r"(?P<m>\d(?:[ \t]?\d)?)?" + _W + _NAM + _W + r"(?P<y>\d(?:[ \t]?\d){3})"
    # web copies and some templates write the date line in figures: "Quận 3, ngày 05/3/2025"
    r"|(?:(?<=,ngày)|(?<=, ngày)|(?<=,  ngày)|(?<=,\nngày))[ \t]{1,3}(?P<nd>\d{1,2})[ \t]{0,2}(?P<sep>[/.-])[ \t]{0,2}(?P<nm>\d{1,2})[ \t]{0,2}(?P=sep)[ \t]{0,2}(?P<ny>\d{4})"
    r"(?![\d/])))"
    # and a few without "ngày", the place and the figures alone ending their cell: "Quận 3, 05/3/2025"
    r"|(?:(?<=\w,)|(?<=\w, ))[ \t]{0,2}(?P<bd>\d{1,2})[ \t]{0,2}(?P<bsep>[/.-])[ \t]{0,2}(?P<bm>\d{1,2})"
    r"[ \t]{0,2}(?P=bsep)[ \t]{0,2}(?P<by>\d{4})(?=[ \t]*(?:\n|$|[ \t]{2}|\t|\|))",
    re.I,
)
# (an OCR's or a legacy font's slips in the motto: "XẢ HỘI", "Tụ do", "Hanh phúc", "Độc lâp", "Độc Iập")
_C, _HOA, _XA, _HOI, _CHU, _NGHIA = "C[ÔỘOỐỒ]NG", "H[ÒOÀÓỎ]A", "X[ÃAẢÁẠ]", "H[ỘOỐỒÔ]I", "CH[ỦUỨ]", "NGH[ĨIÌÍỈ]A"
_MOTTO = re.compile(
    _C + r"\s{0,3}" + _HOA + r"(?:\s{0,3}" + _XA + r"(?:\s{0,3}" + _HOI + r")?)?|(?:(?:^|(?<=\s))" + _HOI + r"\s{1,3})?(?:"
    + _CHU + r"\s{0,3}" + _NGHIA + r"\s{0,3})?VI[ỆE]T\s{0,3}NAM(?=\s|$|\|)"
    r"|ĐẢNG\s{1,3}CỘNG\s{1,3}SẢN(?:\s{1,3}VIỆT\s{1,3}NAM)?|ĐOÀN\s{1,3}(?:TNCS|THANH\s{1,3}NIÊN\s{1,3}CỘNG\s{1,3}SẢN)"
    r"\s{1,3}HỒ\s{1,3}CHÍ\s{1,3}MINH"
    r"|Đ[ộôoốồ]c\s{0,2}[lIi1][ậâaấầ]p|T[ựụưuừứ]\s{0,2}do|H[ạaảà]nh\s{0,2}ph[úuù]c|" + _XA + r"\s{0,3}" + _HOI + r"\s{0,3}"
    + _CHU + r"\s{0,3}" + _NGHIA,
    re.I,
)
_NATIONAL_MOTTO = re.compile(_C + r"\s{0,3}" + _HOA + r"\s{0,3}" + _XA + r"\s{0,3}" + _HOI + r"\s{0,3}" + _CHU + r"\s{0,3}"
                             + _NGHIA, re.I)
# "Kính gửi" as an OCR may mark it ("Kỉnh gửi", "Kính gủi", "Kính gừi")
KINH_GUI = r"K[íìỉĩịi]nh\s+g[ửừứữựủu]i"
BODY_START = re.compile(
    r"^\s{0,40}(?:[-–•*+]\s*)?(?:" + KINH_GUI + r"|Căn\s+cứ|Thực\s+hiện|Xét\s|Theo\s(?!dõi)|Phúc\s+đáp|Trả\s+lời|Qua\s|(?:(?:Sáng|Chiều|Tối|Trưa)\s+ngày|N" + _NGAY[1:] + r")\s+\d{1,2}/\d{1,2}/\d{4}\s*,|"
    r"Nhằm\s|Để\s|Vừa\s+qua|Trong\s+(?:thời\s+gian|những\s+năm|năm)\s+(?:qua|vừa\s+qua|gần\s+đây)|Hiện\s+nay|Trên\s+cơ\s+sở|Sau\s+khi|Thời\s+gian|Nhân\s+dịp|Hưởng\s+ứng|Chào\s+mừng|"
    # a plan's first section: "I. MỤC ĐÍCH, YÊU CẦU", "I. MỤC TIÊU", "I. TÌNH HÌNH ..."
    r"I\.[ \t]{1,3}(?:MỤC\s+ĐÍCH|MỤC\s+TIÊU|QUAN\s+ĐIỂM|TÌNH\s+HÌNH|KẾT\s+QUẢ|ĐẶC\s+ĐIỂM|CĂN\s+CỨ|SỰ\s+CẦN\s+THIẾT|NỘI\s+DUNG|"
    r"THỰC\s+TRẠNG|ĐÁNH\s+GIÁ|PHẠM\s+VI|YÊU\s+CẦU|BỐI\s+CẢNH))",
    re.I,
)
_BODY_KEYWORDS = re.compile(
    r"^(?:SỞ|PHÒNG|BAN|BỘ|CỤC|TỔNG\s+CỤC|CHI\s+CỤC|VỤ|VĂN\s+PHÒNG|TRUNG\s+TÂM|TRƯỜNG|THANH\s+TRA|Ủ?U?[ỶỦ]?\s*Y?\s*BAN|"
    r"ỦY\s+BAN|UỶ\s+BAN|UBND|UB\s|HỘI\s+ĐỒNG|HĐND|CÔNG\s+AN|ĐẢNG|TỈNH\s+ỦY|TỈNH\s+UỶ|BỆNH\s+VIỆN|ĐOÀN|HỘI|LIÊN|"
    r"KHO\s+BẠC|KBNN|BẢO\s+HIỂM|BHXH|UBMTTQ|LĐLĐ|TỔNG\s+LĐLĐ|TỔNG\s+LIÊN\s+ĐOÀN|CHI\s+NHÁNH|TÒA|VIỆN|HỌC\s+VIỆN|ĐẠI\s+HỌC|"
    r"CÔNG\s+TY|TỔNG\s+CÔNG\s+TY|BCH|BTV|TT\.?\s|"
    r"THƯỜNG\s+TRỰC|(?:TỈNH|HUYỆN|THỊ|QUẬN|THÀNH|ĐẢNG|XÃ|PHƯỜNG)\s+(?:ỦY|UỶ|ĐOÀN)|CHI\s+BỘ|NGÂN\s+HÀNG|ĐỘI\s|HẠT\s|TRẠM\s|"
    # the mass organisations by their initials: HND (nông dân), HLHPN (phụ nữ), HCCB (cựu chiến binh), MTTQ
    r"(?:HND|HLHPN|HCCB|HCTĐ|MTTQ)\s)"
)
# A line ending like this goes on on the next line ("... kế hoạch của / Ủy ban nhân dân phường").
# A line that ends on a word needing more ("của", "và", a comma, a hyphen): what it names goes on over the line break.
JOINS = re.compile(r"(?:\b(?:của|cho|với|và|tại|đến|về|giữa|thuộc|trên|trong|các)|[,\-–])\s*$")
_WEEKDAY = re.compile(r"^(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|\d)|Chủ\s+nhật)$", re.I)
_PLACE_WORDS = {"phố", "thành", "xã", "phường", "quận", "huyện", "tỉnh", "thị", "trấn", "khu", "đặc"}
_SUBJECT_START = re.compile(r"(?<!\w)(?:V/[vV]|v/v|V\.v|Về\s+việc|VỀ\s+VIỆC)(?!\w)|^Về\s(?=\w)")
# Word files converted to text glue a text box's copy and the next cell onto the trích yếu: "... cộng đồngV/v ...
# cộng đồngSố:" (the number itself sits in the next cell).
_GLUED_SUBJECT = re.compile(r"(?<=[" + LOWER + r"])(?:V/v|Về\s+việc)(?!\w)")
_GLUED_SO_END = re.compile(r"(?<=[" + LOWER + r"])Số\s{0,3}:?\s{0,3}$")
_URGENCY = re.compile(r"(?<!\w)(HỎA\s+TỐC|HOẢ\s+TỐC|THƯỢNG\s+KHẨN|KHẨN)(?!\w)")
_URGENCY_AFTER_NUMBER = re.compile(r"[ \t](HỎA\s+TỐC|HOẢ\s+TỐC|THƯỢNG\s+KHẨN|KHẨN)\W{0,3}$")
_URGENCY_LABEL = re.compile(r"^(?:Mức\s+)?Độ\s+khẩn\s{0,3}:\s{0,3}(Hỏa\s+tốc|Hoả\s+tốc|Thượng\s+khẩn|Khẩn|Bình\s+thường|Thường)"
                            r"\W{0,3}$", re.I)
# "HỎA TỐC HẸN GIỜ": a hỏa tốc to be delivered by a set hour (NĐ 30/2020, Phụ lục I), the hour on the next line.
_URGENCY_LINE = re.compile(r"^\W{0,3}(Hỏa\s+tốc|Hoả\s+tốc|Thượng\s+khẩn|Khẩn)(?:\s{1,3}hẹn\s{1,3}giờ)?\W{0,3}$", re.I)
_SECRECY = re.compile(r"(?<![\w ]{2})\s{0,3}(TUYỆT\s+MẬT|TỐI\s+MẬT|MẬT)(?!\w)")
_SECRECY_LINE = re.compile(r"^\W{0,3}(Tuyệt\s+mật|Tối\s+mật|Mật)\W{0,3}$", re.I)
# A rule under the letterhead or the motto ("-------", "_____", "|" left of a flattened table cell).
_RULE_LINE = re.compile(r"^[\s\-–—_=*.|~+]*$")
# What a web page or a document portal puts around a letter: its name, breadcrumbs, counters, download links and the
# labels of its record ("Số ký hiệu:", "Người ký:", "Độ khẩn:" ...). Never a letterhead, a trích yếu or a page title.
SITE_LINE = re.compile(
    r"^\W{0,3}(?:Skip\s+to|Insert\s+title|logo|Trang\s+chủ|Tin\s+tức|Chia\s+sẻ|In\s+bài|Cập\s+nhật|Ngày\s+đăng|"
    r"Lượt\s+xem|Lượt\s+tải|Tác\s+giả|Tải\s+về|Tải\s+xuống|Xem\s+(?:thêm|chi\s+tiết|toàn\s+văn|trước)|File\s+đính\s+kèm|"
    r"Tệp\s+đính\s+kèm|Văn\s+bản\s+(?:gốc|liên\s+quan)|Thông\s+tin\s+văn\s+bản|Thuộc\s+tính|Lược\s+đồ|Bản\s+in|"
    r"(?:Cổng|Trang)\s+thông\s+tin(?:\s+điện\s+tử)?|CỔNG\s+THÔNG\s+TIN|TRANG\s+THÔNG\s+TIN|CỔNG\s+DỊCH\s+VỤ\s+CÔNG|"
    r"(?:Người|Chức\s+vụ\s+người)\s+ký|Độ\s+khẩn|Độ\s+mật|Lĩnh\s+vực|Ngày\s+(?:có\s+)?hiệu\s+lực|Ngày\s+hết\s+hiệu\s+lực|"
    r"Tình\s+trạng(?:\s+hiệu\s+lực)?|Số\s+ký\s+hiệu|Ngày\s+ban\s+hành|Cơ\s+quan\s+ban\s+hành|Loại\s+văn\s+bản|"
    r"Trích\s+yếu|(?:Thông\s+tin\s+|Văn\s+bản\s+)?[Cc]hỉ\s+đạo,?\s+điều\s+hành\s*$|[\d/:.\s|-]+$|"
    # a document-sharing site's download line and notice, a legal database's heading over the letter
    r"Tải\s+bản\s+đầy\s+đủ|Bạn\s+đang\s+xem|Nội\s+dung\s+văn\s+bản\s*$|Nội\s+dung\s+toàn\s+văn|"
    # the header of a mail forwarded with the letter pasted below it
    r"(?:From|To|Cc|Date|Sent|Subject|Tiêu\s+đề|Chủ\s+đề)\s?:)"
    r"|^[-\s]*(?:Forwarded\s+message|Original\s+Message|Thư\s+(?:đã\s+)?chuyển\s+tiếp)[-\s]*$"
    r"|^[^\n]{0,80}?\s(?:>|»|›)\s"
    # a news page's posting line: "14/03/2016 08:40 - Lượt xem: 659", "Đăng ngày: 15/10/2013 | Lượt xem: 129"
    r"|^[^\n]{0,60}?(?<!\w)(?:Lượt\s+(?:xem|truy\s+cập|đọc)|Đăng\s+(?:ngày|lúc|bởi)|Ngày\s+đăng|Người\s+đăng)\s{0,2}(?::|\d|$)"
    # and one that starts with the weekday: "Thứ Sáu, 22/10/2021 - 10:35 | Cập nhật: ...", "Chủ nhật, 05/3/2023"
    r"|^(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])|Chủ\s+[Nn]hật)\s*,?\s*(?:ngày\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}",
    re.I,
)
_CELL_SPLIT = re.compile(r"[ \t]{2,}|\t|\|")
_KINH_GUI = re.compile(r"(?<!\w)" + KINH_GUI + r"\s{0,3}:?", re.I)


@dataclass
class Hit:
    value: object
    start: int
    end: int
    confidence: float


@dataclass
class Line:
    text: str
    start: int
    _cells: tuple | None = field(default=None, repr=False, compare=False)

    def cells(self) -> list[tuple[str, int]]:
        """Column cells of the line with their absolute offsets (split once: the readers ask many times)."""
        if self._cells is None:
            cells, pos = [], 0
            for sep in _CELL_SPLIT.finditer(self.text):
                cells.append((self.text[pos:sep.start()], self.start + pos))
                pos = sep.end()
            cells.append((self.text[pos:], self.start + pos))
            self._cells = tuple((c.strip(), s + len(c) - len(c.lstrip())) for c, s in cells if c.strip())
        return list(self._cells)


def lines_of(text: str, limit: int = 200) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n", limit)[:limit]:
        out.append(Line(raw[:2000], pos))
        pos += len(raw) + 1
    return out


def upper_ratio(text: str) -> float:
    """The share of capitals among the letters of ``text``."""
    letters = sum(map(str.isalpha, text))
    return sum(map(str.isupper, text)) / letters if letters else 0.0


# ---------------------------------------------------------------------------------------------------- number
def find_number(lines: list[Line], stop: int) -> tuple[Hit | None, int | None]:
    """The "Số:" line's number and symbol, and the index of that line."""
    found = find_numbers(lines, stop)
    return found[0] if found else (None, None)


def find_numbers(lines: list[Line], stop: int) -> list[tuple[Hit, int]]:
    out = []
    for index, line in enumerate(lines[:stop]):
        if not any(so in line.text for so in _SO_WORDS):
            continue  # every way of writing "Số:" (_SO_LINE, _SO_ALONE) is one of these: most lines are passed over cheaply
        alone = _SO_ALONE.search(line.text)
        if alone and index + 1 < stop:
            hit = _number_on_next_line(lines, index + 1, stop)
            if hit is not None:
                out.append((hit, index))
                continue
        for so in _SO_LINE.finditer(line.text):
            if _wrapped_citation(lines, index, so):
                continue
            party = _PARTY_NUMBER_RE.match(line.text, so.end())
            if party:
                value = f"{party.group('num')}-{party.group('sym').replace('–', '-')}"
                out.append((Hit(value, line.start + party.start(), line.start + party.end(), 0.9), index))
                break
            match = NUMBER_RE.match(line.text, so.end())
            if not match:
                old = _OLD_NUMBER_RE.match(line.text, so.end())
                if old:
                    value = f"{old.group('num')} {old.group('sym').replace('–', '-')}"
                    out.append((Hit(value, line.start + old.start(), line.start + old.end(), 0.85), index))
                    break
                continue
            num = re.sub(r"\s+", "", match.group("num") or "")
            sym = re.sub(r"\s+", "", match.group("sym")).replace("–", "-")
            end = line.start + match.end()
            if re.match(r"[ \t]{0,2}[-–][ \t]*(?:$|[ \t]{2})", line.text[match.end():]):
                tail = _symbol_tail(lines, index + 1, stop)
                if tail is not None:
                    sym += "-" + tail[0]
                    end = tail[1]
            value = f"{num}/{sym}"
            out.append((Hit(value, line.start + match.start(), end, 0.95 if num else 0.9), index))
            break
    return out


# NĐ 30's codes for a copy's own number ("Số: 56/SY-VP": bản sao y, sao lục, trích sao).
_COPY_NUMBER = re.compile(r"^[^/]*/(?:SY|SL|TS)(?:-|$)")
_SEPARATOR = re.compile(r"^[ \t]*[=\-_*~.]{5,}[ \t]*$")  # a rule of five marks or more


def copy_block_end(lines: list[Line], numbers: list[tuple[Hit, int]]) -> int | None:
    """Where the letter starts under a copy's own block set above it ("BẢN SAO", the copier's letterhead, "Số: 56/SY-
    TPH", "SAO Y BẢN CHÍNH", its Nơi nhận and signer): the line after the first rule under its number, else the second
    number's letterhead; None when the first number is no copy's or no letter's number follows."""
    if len(numbers) < 2 or not _COPY_NUMBER.match(numbers[0][0].value):
        return None
    first, second = numbers[0][1], numbers[1][1]
    rules = [i for i in range(first + 1, second) if _SEPARATOR.match(lines[i].text)]
    if rules:
        return rules[0] + 1
    issuer = find_issuer(lines, second)
    if issuer is None:
        return second
    return next(i for i in range(first + 1, second + 1) if lines[i].start + len(lines[i].text) > issuer.start)


# A sentence wrapped before its "số": "... ban hành kèm theo Quyết định" / "số 1178/QĐ-BTP ngày 28/6/2023 của ...".
_ENDS_ON_TYPE = re.compile(r"(?<!\w)(?:" + "|".join(TYPE_NAMES) + r"|[Vv]ăn\s+bản)[ \t]*$")


def _wrapped_citation(lines: list[Line], index: int, so: re.Match) -> bool:
    """A lower-case "số" without its colon at a line's start that goes on the line above, which ends on a
    document's type: a citation a line break split, not the letter's "Số:"."""
    if not so.group().lstrip().startswith("số") or ":" in so.group():
        return False
    above = next((ln.text for ln in reversed(lines[max(0, index - 3):index]) if ln.text.strip()), "")
    return bool(_ENDS_ON_TYPE.search(above))


def _number_on_next_line(lines: list[Line], start: int, stop: int) -> Hit | None:
    """The number under a lone "Số:" (blank lines between allowed): the first cell of the next filled line."""
    for line in [ln for ln in lines[start:min(stop, start + 3)] if ln.text.strip()][:1]:
        lead = len(line.text) - len(line.text.lstrip())
        match = NUMBER_RE.match(line.text, lead)
        if match and match.group("num"):
            value = re.sub(r"\s+", "", match.group("num")) + "/" + re.sub(r"\s+", "", match.group("sym")).replace("–", "-")
            return Hit(value, line.start + match.start(), line.start + match.end(), 0.85)
    return None


def _symbol_tail(lines: list[Line], start: int, stop: int) -> tuple[str, int] | None:
    """The rest of a symbol cut at a hyphen: a lone upper-case token a few lines below (blank lines between)."""
    for line in [ln for ln in lines[start:min(stop, start + 12)] if ln.text.strip()][:3]:
        m = _SYMBOL_TAIL.match(line.text)
        if m:
            return m.group("tail"), line.start + m.end("tail")
    return None


def _own_number_match(text: str) -> re.Match | None:
    for match in _OWN_NUMBER.finditer(text[:20000]):
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[line_start:match.start()].strip().lower()
        if not before or before.endswith("("):
            return match
    return None


def stamp_value(raw: str) -> str:
    """An urgency mark as NĐ 30/2020 names it ("HOẢ  TỐC" -> "Hỏa tốc", "thượng khẩn" -> "Thượng khẩn")."""
    raw = raw.lower()
    return "Hỏa tốc" if "tốc" in raw else "Thượng khẩn" if "thượng" in raw else "Khẩn"


def find_own_number(text: str, default_conf: float = 0.6) -> tuple[Hit | None, Hit | None]:
    """A letter with no "Số:" line often names itself: "(Theo Công văn số 1962/UBND-KT, ngày 25/4/2024)"."""
    match = _own_number_match(text)
    if match is not None:
        number = re.sub(r"\s+", "", match.group("n")).replace("–", "-")
        hit = Hit(number, match.start("n"), match.end("n"), default_conf)
        date_hit = None
        if match.group("date"):
            d, m, y = (int(x) for x in match.group("date").split("/"))
            day = make_date(y, m, d)
            if day:
                date_hit = Hit(day, match.start("date"), match.end("date"), default_conf)
        return hit, date_hit
    return None, None


def type_from_symbol(number: str | None) -> str | None:
    if not number or "/" not in number:
        return None
    symbol = number.rsplit("/", 1)[-1] if not re.search(r"/\d{4}/", number) else number.split("/")[-1]
    party = re.match(r"^\d{1,6}-([A-ZĐ]{1,5})/", number)  # "46-KH/HU": the type sits before the slash
    if party:
        code = party.group(1).upper()
        return PARTY_CODES.get(code, PARTY_CODES.get(party.group(1), "Công văn"))
    first = symbol.split("-")[0].upper()
    if first in TYPE_CODES and "-" in symbol:
        return TYPE_CODES[first]
    if first == "TT" and "-" in symbol and re.search(r"/\d{4}/", number):
        return "Thông tư"  # "05/2024/TT-BTC"; without a year "TT" is a unit's code
    return "Công văn" if "-" in symbol or symbol.isupper() else None


# ------------------------------------------------------------------------------------------------ place, date
def find_place_date(lines: list[Line], stop: int) -> tuple[Hit | None, Hit | None, int | None]:
    found = _find_place_date(lines, stop)
    split = _split_date_line(lines, found[2] if found[2] is not None else stop)
    return split if split is not None else found


# "Nam Sơn, ngày 14 tháng 4" in the right column, its "năm 2024" on the next line beside the V/v's second line.
_DATE_OPEN = re.compile(_NGAY + r"[ \t]{1,3}(?P<d>\d{1,2})[ \t]{1,3}th" + _ANG + r"[ \t]{1,3}(?P<m>\d{1,2})[ \t]*$", re.I)
_YEAR_CELL = re.compile(r"^" + _NAM + r"[ \t]{1,3}(?P<y>(?:19|20)\d{2})\W{0,2}$", re.I)


def _split_date_line(lines: list[Line], stop: int) -> tuple[Hit | None, Hit | None, int] | None:
    """A date line whose year a narrow right column moved under it, the next line's left cell taken by the V/v."""
    for index, line in enumerate(lines[:stop]):
        m = _DATE_OPEN.search(line.text)
        if not m or index + 1 >= len(lines):
            continue
        prefix = line.text[:m.start()]
        if not re.search(r",[ \t]{0,3}$", prefix):
            continue
        place = _place_from(prefix.rstrip(" \t,"))
        nxt_index = next((i for i in range(index + 1, min(index + 3, len(lines))) if lines[i].text.strip()), None)
        nxt = lines[nxt_index] if nxt_index is not None else None
        cells = nxt.cells() if nxt is not None else []
        year = _YEAR_CELL.match(cells[-1][0]) if cells else None
        if place is None or year is None or _WEEKDAY.match(place[0]) or "/" in place[0]:
            continue
        day = make_date(int(year.group("y")), int(m.group("m")), int(m.group("d")))
        if day is None:
            continue
        at = line.start + place[1]
        place_hit = Hit(place[0], at, at + len(place[0]), 0.9)
        date_hit = Hit(day, line.start + m.start(), cells[-1][1] + year.end(), 0.9)
        return place_hit, date_hit, nxt_index
    return None


def _find_place_date(lines: list[Line], stop: int) -> tuple[Hit | None, Hit | None, int | None]:
    text = "\n".join(line.text for line in lines[:stop])
    base = lines[0].start if lines else 0
    for match in _DATE_LINE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        prefix = text[line_start:match.start()]
        if "\n" in match.group(0):  # "Quảng Bình,\nngày 25 ..." — the place sits on the line above
            line_start = text.rfind("\n", 0, match.start()) + 1
        prefix = text[line_start:match.start()]
        place = _place_from(prefix)
        if place is None and not match.group(0).lstrip(", \t\n").lower().startswith(("ngày", "ngay")):
            continue
        ngay = _ngay_at(match)
        if place is None and not text[text.rfind("\n", 0, ngay) + 1:ngay].strip() and match.group("y") \
                and _ends_line(text, match.end()):
            # "ngày 05 tháng 3 năm 2024" alone on its line: the place was lost (OCR, a cell left out)
            day = date_of(match)
            if day:
                return None, Hit(day, base + match.start(), base + match.end(), 0.75), text.count("\n", 0, match.end())
        if place is None:
            # A date line needs a place before it; "ngày 12 tháng 01" inside a sentence is not the letter's date.
            continue
        place_text, place_offset = place
        if _WEEKDAY.match(place_text):
            continue  # "cuộc họp vào Thứ Hai, ngày 22/7/2013": a day of the week, not a place
        before = prefix[:place_offset]
        if "," not in match.group(0)[:3] and before.strip() and not re.search(r"(?:[ \t]{2,}|\t|\|)$", before):
            continue  # "... Thông báo số 491/TB-UBND ngày 06 tháng 10": a citation, not the date line
        if "/" in place_text:
            continue
        if re.search(r"(?<!\w)(?:của|tại|với|cho|theo|đến)[ \t]$", before):
            continue  # "Thực hiện chỉ đạo của Bộ, ngày 07/3/2024, Sở ...": a sentence, the place its object
        if "\n" in match.group(0)[:ngay - match.start()] and not match.group(0).startswith(",") \
                and not _ends_line(text, match.end()):
            continue  # "NỘI DUNG" over "Ngày 28 tháng 10 năm 2017, tại tỉnh X, ...": a heading over a sentence
        day = date_of(match)
        place_hit = Hit(place_text, base + line_start + place_offset, base + line_start + place_offset + len(place_text), 0.9)
        date_hit = Hit(day, base + match.start(), base + match.end(), 0.95) if day else None
        index = text.count("\n", 0, match.end())
        return place_hit, date_hit, index
    return None, None, None


def find_closing_date(lines: list[Line], start: int, window: int = 60) -> tuple[Hit, Hit] | None:
    """A place and date line at the close of a letter whose header has none (some copies and forms date the letter
    above the signature): the line holds nothing but "<place>, ngày ... tháng ... năm ..."."""
    for line in lines[max(start, len(lines) - window):]:
        text = line.text.strip()
        if not text or len(text) > 80:
            continue
        match = _DATE_LINE.search(text)
        if match is None or not _ends_line(text, match.end()):
            continue
        place = _place_from(text[:match.start()])
        day = date_of(match)
        if place is None or place[1] != 0 or day is None or _WEEKDAY.match(place[0]) or "/" in place[0]:
            continue
        at = line.start + line.text.index(text)
        return (Hit(place[0], at, at + len(place[0]), 0.7),
                Hit(day, at + match.start(), at + match.end(), 0.75))
    return None


def _ngay_at(match: re.Match) -> int:
    """Where a date line's "ngày" is (its figures' start when it has none)."""
    ngay = re.search(_NGAY, match.group(0), re.I)
    return match.start() + ngay.start() if ngay else match.start("bd")


def date_of(match: re.Match) -> date | None:
    """The day a ``_DATE_LINE`` match names, in any of its spellings (a day left blank for the signer: None)."""
    for d, m, y in (("d", "m", "y"), ("nd", "nm", "ny"), ("bd", "bm", "by")):
        if match.group(y):
            if not match.group(d) or not match.group(m):
                return None
            day, month, year = (int(re.sub(r"[ \t]", "", match.group(g))) for g in (d, m, y))
            return make_date(year, month, day)
    return None


def _ends_line(text: str, pos: int) -> bool:
    end = text.find("\n", pos)
    return not text[pos:end if end >= 0 else len(text)].strip(" \t.")


def _place_from(prefix: str) -> tuple[str, int] | None:
    """The place name at the end of the text before ", ngày": capitalised words, with "phố", "xã"... allowed."""
    cut = 0
    for sep in list(_CELL_SPLIT.finditer(prefix)) + list(_MOTTO.finditer(prefix)):
        cut = max(cut, sep.end())
    for so in _SO_LINE.finditer(prefix):  # "Số: 84-CV/HĐTN Thạch Vân, ngày ...": one space after the number
        match = _PARTY_NUMBER_RE.match(prefix, so.end()) or NUMBER_RE.match(prefix, so.end())
        if match:
            cut = max(cut, match.end())
    m = re.search(r"(?:phúc|PHÚC)\W*", prefix)
    if m:
        cut = max(cut, m.end())
    segment = prefix[cut:]
    words = list(re.finditer(r"[^\s,]+", segment))
    kept: list[re.Match] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        w = word.group(0)
        if w in ("-", "–") and kept and i > 0 and words[i - 1].group(0)[0].isupper():
            continue  # "Phan Rang - Tháp Chàm": a place of two names
        if _is_caps(w) and len(w) > 2 and not w.endswith(".") and any(not _is_caps(k.group(0)) for k in kept if k.group(0)[0].isalpha()):
            break  # "ĐẢNG ỦY XÃ TÂN PHONG Tân Phong, ngày ...": the letterhead's capitals end before the place
        if w[0].isupper() or w[0].isdigit() or w.lower() in _PLACE_WORDS:
            kept.append(word)
            if len(kept) >= 7:
                break
        else:
            break
    while kept and kept[-1].group(0).lower() in _PLACE_WORDS - {"thành", "thị"} and not kept[-1].group(0)[0].isupper():
        kept.pop()
    while kept and kept[-1].group(0)[0].isdigit():
        kept.pop()  # a place starts with a name ("Quận 11"); "chậm nhất 10h00, ngày 20/5/2024" is an hour
    if not kept:
        return None
    start, end = kept[-1].start(), kept[0].end()
    if re.search(r"(?<!\w)[Tt]hứ\s+$", segment[:start]) and _WEEKDAY.match("Thứ " + kept[-1].group(0)):
        return None  # "... thứ Bảy, ngày 14/10/2025": a day of the week, not a place
    value = segment[start:end].strip(" .-–")
    if not value or not any(ch.isalpha() for ch in value) or value.startswith("V/v"):
        return None
    return value, cut + start


# --------------------------------------------------------------------------------------------------- issuer
def find_issuer(lines: list[Line], anchor: int | None) -> Hit | None:
    """The letterhead block above the "Số:" line: parent body first, parts joined with " - ".

    Walks up over filled lines (blank lines, rules of dashes or underscores and the motto's lines do not count), so a
    double-spaced copy or a letterhead stacked above the motto's column reads like the printed one."""
    if anchor is None:
        return None
    parts: list[tuple[str, int]] = []
    filled = 0
    for index in range(anchor, max(-1, anchor - 40), -1):
        line = lines[index]
        text = line.text
        if index == anchor:
            so = _SO_LINE.search(text)
            text = text[:so.start()] if so else text
        if index != anchor and (not text.strip() or _RULE_LINE.match(text)):
            continue
        if index != anchor:
            dated = _PLACE_CELL.search(text) if "," in text else None  # the place ends with a comma
            text = text[:dated.start()] if dated and text[:dated.start()].strip() else text
        filled += 1
        if filled > 10:
            break
        cells = []
        stop_here = False
        for cell, offset in Line(text, line.start).cells():
            for piece, poff in _split_motto(cell, offset):
                kind = _cell_kind(piece)
                if kind == "letterhead":
                    cells.append((piece, poff))
                elif kind == "other":
                    stop_here = True
        if stop_here and not (parts or cells) and index != anchor and len(text.split()) >= 8 \
                and re.search(r"[.:]\s*$", text):
            break  # a sentence right above the number ("... Nội dung như sau:"): no letterhead above it is this one's
        if stop_here and (parts or cells) and index != anchor:
            from_below = bool(parts)
            parts = cells + parts if not parts else parts
            above = Line(text, line.start).cells()[:1]
            if from_below and above and _LEVEL_LINE.match(parts[0][0]) and _HOST_START.match(above[0][0]) \
                    and len(above[0][0].split()) <= 8 and not re.search(r"[.:;,]$", above[0][0]):
                parts = above + parts  # "Ủy ban nhân dân" over "Tỉnh Nam Sơn": the body's name in plain case
            break
        parts = cells + parts
        if cells and index != anchor and _NATIONAL_MOTTO.search(line.text):
            break  # the letterhead's first line shares its row with the national motto; above it is a site's menu
    if not parts:
        return _plain_case_letterhead(lines, anchor)
    return _join_letterhead(parts)


def _plain_case_letterhead(lines: list[Line], anchor: int) -> Hit | None:
    """A copy that lost the letterhead's capitals ("Ủy ban nhân dân tỉnh X" / "Sở Nội vụ" over "Số:"): the first
    cells above the number that name a body, parent first."""
    names: list[tuple[str, int]] = []
    pending: tuple[str, int] | None = None  # "Tỉnh Nam Sơn" under "Ủy ban nhân dân": the place ends the name above
    for index in range(anchor - 1, max(-1, anchor - 5), -1):
        cells = [piece for cell, off in lines[index].cells() for piece in _split_motto(cell, off)]
        if not cells:
            if names or pending:
                break
            continue
        text, offset = cells[0]
        if len(text.split()) > 12 or text.endswith((".", ":", ";")):
            break
        if not _HOST_START.match(text):
            if pending is None and not names and _LEVEL_LINE.match(text) and len(text.split()) <= 6:
                pending = (text, offset)
                continue
            break
        if pending is not None:
            text, pending = text + " " + pending[0], None
        names.insert(0, (text, offset))
    if not names:
        return None
    end = names[-1][1] + len(names[-1][0])
    return Hit(" - ".join(n for n, _ in names), names[0][1], end, 0.7)


# "Lạc Thủy, ngày 04 tháng 9 năm 2023" as a cell of its own: the place and date line, never a letterhead's part.
# "Hòa Phong, ngày 17 tháng 5 năm 2024", also a draft's blank day or a date line wrapped before its year
_DATED_PLACE = re.compile(r"^[" + UPPER + r"][^\W\d_]{0,12}\.?(?:[ \t][^\W_]{1,13}\.?){0,5},?[ \t]{1,3}" + _NGAY + r"[ \t]{1,12}"
                          r"(?:\d{1,2}[ \t]{1,12})?th" + _ANG + r"(?:[ \t]{1,12}\d{1,2})?(?:[ \t]{1,12}" + _NAM + r"[ \t]{1,3}\d{4})?\W*$")
# The date line's cell beside a letterhead line, however a copy broke it: "Hòa Phong, ngày     tháng     năm 2024" (a
# draft), "Hòa Phong," (its date on the next line), "Hòa Phong, ngày 17 tháng 5" (its year on the next line)
_PLACE_CELL = re.compile(r"(?:[ \t]{2,}|\t|\||(?<=[" + UPPER + r"]{2}) )[ \t]*[" + UPPER + r"][" + LOWER + r"]{1,12}\.?(?:[ \t][^\W_]{1,13}\.?){0,5},"
                         r"[ \t]*(?:" + _NGAY + r"(?!\w)[^\n]{0,40})?$")
# "Tỉnh Nam Sơn", also a numbered ward or district ("Quận 11", "Phường 5")
_LEVEL_LINE = re.compile(r"^(?:Tỉnh|Thành\s+phố|Huyện|Quận|Thị\s+xã|Thị\s+trấn|Xã|Phường)\s+(?:[" + UPPER + r"]|\d{1,2}(?!\d))",
                         re.I)


def letterhead_without_number(lines: list[Line], title_index: int | None, body_index: int) -> Hit | None:
    """A copy without "Số:" and date line still has its letterhead beside the national motto: the capitals above
    the type's name or the body, read as above a "Số:" line."""
    end = title_index if title_index is not None else body_index
    motto = next((i for i in range(min(end, len(lines))) if _NATIONAL_MOTTO.search(lines[i].text)), None)
    if motto is None:
        return None
    hit = find_issuer(lines, min(end - 1, motto + 3)) if end - 1 >= motto else None
    if hit is not None:
        hit.confidence = 0.7
    return hit


# "VIỆT NAM" ends the motto's first line, but also a body's name: "ỦY BAN MTTQ VIỆT NAM", "BẢO HIỂM XÃ HỘI VIỆT NAM".
_BARE_COUNTRY = re.compile(r"^(?:H[ỘO]I\s{1,3})?VI[ỆE]T\s{0,3}NAM$", re.I)
_MOTTO_BEFORE = re.compile(r"(?:NGH[ĨI]A|CH[ỦU])\s*$", re.I)


def _split_motto(cell: str, offset: int) -> list[tuple[str, int]]:
    pieces, pos = [], 0
    for m in _MOTTO.finditer(cell):
        if _BARE_COUNTRY.match(m.group(0)) and (
                cell[pos:m.start()].strip(" -–_|/.\t*") and not _MOTTO_BEFORE.search(cell[pos:m.start()])
                or not cell[pos:m.start()].strip() and pos == 0 and re.match(r"\s[" + UPPER + r"]{2}", cell[m.end():])):
            # the country's name closes a body's name written before it in the same cell, or goes on into the
            # place of a name wrapped over two lines ("ỦY BAN MẶT TRẬN TỔ QUỐC" / "VIỆT NAM TỈNH BẮC HÒA")
            continue
        pieces.append((cell[pos:m.start()], offset + pos))
        pos = m.end()
    pieces.append((cell[pos:], offset + pos))
    out = []
    for piece, off in pieces:
        stripped = piece.strip(" -–_|/.\t*")
        if stripped:
            lead = piece.index(stripped)
            out.append((stripped, off + lead))
    return out


def _cell_kind(cell: str) -> str:
    letters = sum(1 for ch in cell if ch.isalpha())
    if letters < 2:
        return "skip"
    cell = re.sub(r"^\d{1,2}\.\s*", "", cell)
    if re.match(r"^[\d \t]*/[ \t]*[A-ZĐ]", cell):
        return "other"  # a symbol in a cell of its own ("/QĐ-UBND" after a blank number)
    if _URGENCY_LINE.match(cell) or _SECRECY_LINE.match(cell):
        return "skip"  # a stamp beside the letterhead's first words ("ỦY BAN NHÂN DÂN    HỎA TỐC")
    if _DATED_PLACE.match(cell):
        return "skip"  # the date line beside the letterhead's second line (a Party letterhead of two levels)
    if _TITLE_RE.match(cell) or SITE_LINE.match(cell):
        return "other"
    if upper_ratio(cell) >= 0.85:
        return "letterhead"
    words = [w for w in cell.split() if any(ch.isalpha() for ch in w)]
    if 2 <= len(words) <= 12 and all(w[0].isupper() for w in words) and not re.search(r"[.:;,]$", cell) \
            and (_HOST_START.match(cell) or _LEVEL_LINE.match(cell)):
        return "letterhead"  # "Ủy Ban Nhân Dân" / "Tỉnh Nam Sơn": a style sheet left the letterhead in title case
    return "other"


_ORGANISATION_MOTTO = re.compile(r"(?:HỘI|MẶT\s+TRẬN|CÔNG\s+ĐOÀN|TỔNG\s+LIÊN\s+ĐOÀN)[^-–]{0,40}?\s+VIỆT\s+NAM")


def _join_letterhead(parts: list[tuple[str, int]]) -> Hit:
    names: list[list] = []
    for text, offset in parts:
        text = re.sub(r"^\d{1,2}\.\s*", "", text)
        if names and not _BODY_KEYWORDS.match(text):
            names[-1][0] += " " + text
            names[-1][2] = offset + len(text)
        else:
            names.append([text, offset, offset + len(text)])
    # A site's title or section in capitals above the letterhead ("CỔNG THÔNG TIN ĐIỆN TỬ ...", "VĂN BẢN CHỈ ĐẠO"),
    # or the front's name over its committee ("MẶT TRẬN TỔ QUỐC VIỆT NAM" / "ỦY BAN MTTQ ..."), names no body:
    # the letterhead starts at its first body's name.
    while len(names) > 1 and not _BODY_KEYWORDS.match(names[0][0]) and _BODY_KEYWORDS.match(names[1][0]):
        names.pop(0)
    # A mass organisation's national name under its local committees ("HỘI NÔNG DÂN VIỆT NAM" on its own line after
    # "BCH HỘI NÔNG DÂN XÃ ...") is its motto, as "ĐẢNG CỘNG SẢN VIỆT NAM" is the Party's; no branch sits above it.
    while len(names) > 1 and _ORGANISATION_MOTTO.fullmatch(names[-1][0]):
        names.pop()
    value = " - ".join(n[0] for n in names)
    return Hit(value, names[0][1], names[-1][2], 0.85)


def extend_generic_issuer(issuer: Hit, lines: list[Line], start: int, stop: int) -> Hit:
    """"ỦY BAN NHÂN DÂN" alone in the letterhead: a decision's authority line names the place."""
    if re.search(r"\b(?:TỈNH|THÀNH PHỐ|QUẬN|HUYỆN|XÃ|PHƯỜNG|THỊ XÃ|BỘ|SỞ|TỔNG CỤC)\b", issuer.value.upper()):
        return issuer
    for line in lines[start:stop]:
        text = line.text.strip()
        # the letterhead may have lost its capitals in a web copy ("Ủy Ban Nhân Dân"), the authority line not
        if text.upper() == text and text.startswith(issuer.value.upper()) and len(text) > len(issuer.value) + 3:
            return Hit(text, line.start + line.text.index(text), line.start + line.text.index(text) + len(text), 0.7)
    return issuer


# --------------------------------------------------------------------------------------- type and subject
_DOUBLE_BLANK = re.compile(r"[ \t]{2,4}")


# A decision's enacting word over its articles ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:"): the body's, never the title (NĐ 30 sets
# that without a colon, above the grounds).
_ENACTING = re.compile(r"^\W{0,3}(?:QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|NGHỊ\s+QUYẾT|CHỈ\s+THỊ|Quyết\s+định)\s{0,3}:$")


def find_title(lines: list[Line], start: int, stop: int) -> tuple[Hit | None, int | None]:
    for index in range(start, min(stop, len(lines))):
        line = lines[index]
        word = line.text.strip()
        if word.endswith(":") and _ENACTING.match(word):
            break  # the articles follow: a title below them is an annex's or a regulation's the decision issues
        if word and " " not in word and word.isupper() and len(word) <= 6:
            # a type's name broken over two lines ("TỜ" / "TRÌNH", "QUYẾT" / "ĐỊNH"): the title ends on the second
            nxt = next((i for i in range(index + 1, min(index + 3, len(lines))) if lines[i].text.strip()), None)
            if nxt is not None:
                m = _TITLE_RE.match(word + " " + lines[nxt].text.strip())
                if m:
                    value = next(n for n in TITLE_TYPES if n.upper() == m.group(1))
                    offset = line.start + line.text.index(word)
                    return Hit(value, offset, lines[nxt].start + len(lines[nxt].text.rstrip()), 0.85), nxt
        if _SPACED_CAPS.match(line.text) and line.text.upper() == line.text:
            value = _SQUEEZED_TYPES.get(re.sub(r"\s+", "", line.text))
            if value:
                offset = line.start + len(line.text) - len(line.text.lstrip())
                return Hit(value, offset, line.start + len(line.text.rstrip()), 0.8), index
        # (a line without two blanks in a row has nothing to squeeze: most lines skip the substitution)
        squeezed = _DOUBLE_BLANK.sub(" ", word) if "  " in word or "\t" in word else word
        if squeezed != word and len(squeezed) <= 40 and (_TITLE_RE.match(squeezed) or _ACTION_TITLE.match(squeezed)):
            # a converter doubled the spaces between the title's words ("KẾ  HOẠCH"), cutting it into cells
            m = _TITLE_RE.match(squeezed) or _ACTION_TITLE.match(squeezed)
            value = next(n for n in TITLE_TYPES if n.upper() == m.group(1))
            offset = line.start + line.text.index(word)
            return Hit(value, offset, offset + len(word), 0.85), index
        cells = line.cells()  # split once for the checks below
        m = _ACTION_TITLE.match(word)
        if m and len(cells) == 1:
            # "CHƯƠNG TRÌNH HÀNH ĐỘNG", "KẾ HOẠCH HÀNH ĐỘNG", "LỊCH CÔNG TÁC TUẦN": the type's name and its kind
            value = next(n for n in TITLE_TYPES if n.upper() == m.group(1))
            offset = line.start + line.text.index(word)
            return Hit(value, offset, offset + len(word), 0.85), index
        first = cells[:1]
        if first and len(cells) == 1 and sum(1 for ln in lines[start:index]
                                             if ln.text.strip() and not _MOTTO.match(ln.text.strip())) <= 3:
            # a web copy keeps the type's name in ordinary case: "Kế hoạch" alone on its line under the date
            value = next((n for n in TYPE_NAMES if n == first[0][0].strip(" :.")), None)
            if value:
                return Hit(value, first[0][1], first[0][1] + len(first[0][0]), 0.75), index
        if first:
            m = _TITLE_PREFIX_RE.match(first[0][0])
            if m:
                value = next(n for n in TITLE_TYPES if n.upper() == m.group(1))
                return Hit(value, first[0][1], first[0][1] + m.end(1), 0.8), index
        for cell, offset in cells:
            m = _TITLE_RE.match(cell.strip())
            if m:
                name = m.group(1)
                value = next(n for n in TITLE_TYPES if n.upper() == name)
                return Hit(value, offset, offset + len(cell.strip()), 0.9), index
        m = _TITLE_CAPS_PREFIX.match(first[0][0]) if first and len(cells) == 1 else None
        if m and upper_ratio(first[0][0]) >= 0.9 and len(first[0][0].split()) <= 14:
            # "THƯ MỜI CHÀO GIÁ" / "THÔNG BÁO TUYỂN DỤNG" over "Về việc ...": the type's name opens the title line
            nxt = next((ln for ln in lines[index + 1:min(index + 4, len(lines))] if ln.text.strip()), None)
            # ... or "THÔNG BÁO KẾT LUẬN" over "của Ban Thường vụ ...": a trích yếu that goes on in lower case
            if nxt is not None and (_SUBJECT_START.match(nxt.text.strip()) or nxt.text.strip()[:1].islower()):
                value = next(n for n in TITLE_TYPES if n.upper() == m.group(1))
                return Hit(value, first[0][1], first[0][1] + m.end(1), 0.8), index
    return None, None


def web_title_type(lines: list[Line]) -> Hit | None:
    for line in lines[:3]:
        text = line.text.strip()
        m = _WEB_TITLE_RE.match(text)
        if m:
            value = next(n for n in TYPE_NAMES if n.lower() == m.group(1).lower())
            offset = line.start + line.text.index(text)
            return Hit(value, offset, offset + len(m.group(1)), 0.6)
    return None


def find_subject_vv(lines: list[Line], start: int, stop: int) -> Hit | None:
    """A công văn's "V/v ..." (or "Về ...") cell, continued on the following lines of the same column."""
    for index in range(start, min(stop, len(lines))):
        line = lines[index]
        cells = line.cells()
        for col, (cell, offset) in enumerate(cells):
            m = _SUBJECT_START.search(cell)
            if not m:
                continue
            quoted = m.start() > 0 and not cell[:m.start()].strip(" \t\"“'«(")  # "\"V/v ...\"": the trích yếu in quotes
            if m.start() > 0 and col == 0 and not quoted \
                    and not re.search(r"\)\s*$|\d{4}\s+(?:của\s+.{0,60})?$", cell[:m.start()]):
                # "V/v" in the middle of a cell only counts after a title or number ("...ngày 08/5/2019 của X V/v").
                if not re.search(r"\b(?:của|ngày)\b", cell[:m.start()]):
                    continue
            first = cell[m.start():]
            # "V/v   đăng ký  thi đua": spaces of a justified line, not a column gap (those are wider)
            prev_end = offset + len(cell)
            for later, loff in cells[col + 1:]:
                if loff - prev_end > 4 or _stops_subject(later) or upper_ratio(later) >= 0.85 or "\t" in line.text:
                    break
                first += " " + later
                prev_end = loff + len(later)
            cut = _KINH_GUI.search(first) or _SO_LINE.search(first) or _GLUED_SO_END.search(first)
            if cut:
                first = first[:cut.start()]
            again = _SUBJECT_START.search(first, 3) or _GLUED_SUBJECT.search(first, 3)
            if again:  # a text box flattened twice: "V/v abc V/v abc"
                first = first[:again.start()]
            pieces = [first.strip()]
            x0 = offset + m.start()
            end = x0 + len(first.rstrip())
            column = line.text.index(cell) if cell in line.text else 0
            blanks = 0
            spacing = _spacing(lines, stop)
            filled = 0
            window = lines[index + 1:min(stop + 3, index + 16)]
            for pos, follow in enumerate(window):
                fcells = follow.cells()
                if not fcells:
                    if blanks < max(spacing, 1) and (spacing or _goes_on(pieces[-1], window[pos + 1:])):
                        blanks += 1
                        continue
                    break
                blanks = 0
                filled += 1
                if filled > 5:
                    break
                fcell, foff = fcells[0]
                cited = _CITED_NUMBER.match(fcell) and _CITES_END.search(pieces[-1])
                if not cited and (_stops_subject(fcell) or (len(fcells) == 1 and _DATE_LINE.search(follow.text))):
                    break
                if follow.text[:len(follow.text) - len(follow.text.lstrip())].__len__() > column + 25:
                    break
                if fcell[:1].isupper() and fcell.rstrip().endswith((".", ":")) and len(fcell.split()) >= 5:
                    break  # "Sở Tư pháp nhận được ...": the body's first sentence, its blank line lost
                if upper_ratio(fcell) > 0.85 and _BODY_KEYWORDS.match(fcell) and upper_ratio(pieces[-1]) < 0.5:
                    break  # a letterhead below a web title's trích yếu
                pieces.append(fcell.strip())
                end = foff + len(fcell.strip())
                if fcell.rstrip().endswith("."):
                    break
            value = " ".join(p for p in pieces if p)
            value = re.sub(r"^(V/v)\s*\n?\s*:", r"\1:", value)
            if quoted and (value.endswith(("\"", "”", "»")) or value.endswith(")") and "(" not in value):
                value = value[:-1].rstrip()  # the closing quote or parenthesis of "(V/v ...)"
            return Hit(value, x0, end, 0.85)
    return None


# "V/v triển khai Kế hoạch" over "số 118-KH/HU ngày ...": the cited document's number goes on the trích yếu; a "Số:"
# line starts with a capital or has its colon.
_CITED_NUMBER = re.compile(r"^số[ \t]{1,3}\d")
_CITES_END = re.compile(r"(?<!\w)(?:" + "|".join(TYPE_NAMES) + r"|văn\s+bản|Luật)[ \t]*$", re.I)


def _goes_on(last: str, rest: list[Line]) -> bool:
    """Whether a trích yếu goes on past a blank line (Word and web copies put one after every paragraph): the next
    filled line continues it in lower case, the line before ends on a word that needs more ("và", "của", ","), or
    a title in capitals goes on in capitals."""
    nxt = next((ln for ln in rest[:3] if ln.text.strip()), None)
    if nxt is None:
        return False
    cells = nxt.cells()
    if not cells:
        return False
    c = cells[0][0].strip()
    if _stops_subject(c) or _SECTION.match(c) or re.match(r"^(?:[IVX]{1,4}\.|\d{1,2}\.|[-–+•]|[a-zđ]\))\s", c):
        return False
    if c[:1].islower():
        return True
    if JOINS.search(last) and not _HOST_START.match(c):
        return True
    return (upper_ratio(last) > 0.85 and upper_ratio(c) > 0.85 and len(last.split()) >= 4
            and not _BODY_KEYWORDS.match(c) and not re.match(r"^(?:CHỦ TỊCH|BỘ TRƯỞNG|GIÁM ĐỐC|TRƯỞNG)\b", c))


def _short_line(rest: list[Line]) -> bool:
    """In a copy with a blank line after every line, the next filled line goes on a trích yếu when it is as short
    as a centred title line (a body paragraph's lines run the width of the page) and ends no sentence."""
    at = next((i for i, ln in enumerate(rest[:3]) if ln.text.strip()), None)
    if at is None:
        return False
    c, rest = rest[at].text.strip(), rest[at:]
    if c.endswith((".", ":", ";")):
        return False
    if len(c.split()) <= 12:
        return True
    # a longer line is the trích yếu's last when the body opens on the filled line after it
    after = next((ln.text.strip() for ln in rest[1:6] if ln.text.strip()), "")
    return len(c.split()) <= 20 and bool(_KINH_GUI.match(after) or BODY_START.match(after)
                                         or re.match(r"^(?:[IVX]{1,4}\.|\d{1,2}\.)\s", after))


def _spacing(lines: list[Line], stop: int) -> int:
    """The blank lines a copy puts after every line of its header: 0 in a letter as typed; 1 where a web page or a
    converter doubles the spacing, 2 where a copy already double spaced was spaced again. Inside such a copy a run of
    that many blank lines is not a break."""
    head = lines[:min(stop + 3, len(lines))]
    runs, run, seen = [], 0, False
    for line in head:
        text = line.text.strip()
        if text:
            if seen:
                runs.append(run)
            if _KINH_GUI.match(text) or (len(runs) >= 4 and BODY_START.match(text)):
                break  # the recipients' list and the body keep their own spacing
            seen, run = True, 0
        else:
            run += 1
    runs = runs[-8:]  # the letter's own lines: a portal's record or a site's menu above it keeps its own spacing
    if len(runs) < 4 or sum(1 for r in runs if r) < 0.8 * len(runs):
        return 0
    return max(1, Counter(r for r in runs if r).most_common(1)[0][0])


# "(Kèm theo Kế hoạch số ...)" under a trích yếu names an attachment, not the subject.
# "(Trình kỳ họp thứ 9, HĐND huyện khóa XX)", "(Tài liệu phục vụ hội nghị)" under a báo cáo's trích yếu names where
# the paper goes, not what it is about.
_ATTACHED = re.compile(r"^\(\s{0,2}(?:[Kk]èm\s+theo|[Gg]ửi\s+kèm|[Đđ]ính\s+kèm|Trình|Tài\s+liệu|Phục\s+vụ|"
                       r"Báo\s+cáo\s+tại|Lưu\s+hành\s+nội\s+bộ)(?!\w)")


def _stops_subject(cell: str) -> bool:
    c = cell.strip()
    return bool(
        _KINH_GUI.match(c) or BODY_START.match(c) or _DATE_LINE.search(c) or _SO_LINE.match(c)
        or _TITLE_RE.match(c) or _URGENCY_LINE.match(c) or _SECRECY_LINE.match(c) or _MOTTO.match(c)
        or re.match(r"^[-_=*]{3,}$", c) or _ATTACHED.match(c) or re.search(r"(?:^|,)\s*" + _NGAY + r"\s+\d{1,2}\s+th" + _ANG + r"\s+\d{1,2}\s*$", c)
        or SITE_LINE.match(c) and not re.match(r"^[\d/:.\s|-]+$", c) or _RECORD_LABEL.match(c)
    )


# A page's or a record's next field under a trích yếu: "Đăng lúc: 09/10/2010", "Lĩnh vực: Thuế", "Người ký: ..."
_LABEL = r"[" + UPPER + r"][" + LOWER + r"]{1,8}(?: [" + LOWER + r"]{1,8}){0,3} ?:"  # "Lĩnh vực:", "Người ký:"
_RECORD_LABEL = re.compile(r"^" + _LABEL + r"(?:\s|$)")


# A giấy mời's trích yếu names the event ("Dự Hội nghị ...", "Họp ...", "Hội nghị công bố ..."); its first body
# sentence names the host and ends with a full stop ("Ủy ban nhân dân quận tổ chức họp về ...").
_EVENT_START = re.compile(
    r"^(?:V/v|V\.v|Về\s|VỀ\s|(?:Dự|Tham\s+dự|Mời\s+dự)\s|(?:Họp|Hội\s+nghị|Hội\s+thảo|Cuộc\s+họp|Buổi|Lễ|Tọa\s+đàm|"
    r"Toạ\s+đàm|Tập\s+huấn|Làm\s+việc|Giao\s+ban|Đối\s+thoại|Tiếp\s+xúc|Gặp\s+mặt|Kiểm\s+tra|Khai\s+mạc|Sơ\s+kết|"
    r"Tổng\s+kết)(?!\w))",
    re.I,
)
# The first section heading of a báo cáo, kế hoạch or đề án ends its trích yếu.
_SECTION = re.compile(r"^(?:(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+(?:THỨ\s+\w+|thứ\s+\w+|[IVX]{1,4}|\d{1,2})(?!\w)"
                      r"|(?:MỞ\s+ĐẦU|ĐẶT\s+VẤN\s+ĐỀ|Phần\s+mở\s+đầu)\s*$|[A-D]\.\s)")
# A headline that opens with a body's name ("Sở Công thương lấy ý kiến ..."); "Ban hành ..." opens with a verb.
_HOST_START = re.compile(r"(?!ban\s+hành(?!\w))" + _BODY_KEYWORDS.pattern, re.I)


def invitation_subject(value: str) -> bool:
    """Whether the lines after "GIẤY MỜI" are its trích yếu rather than the first sentence of its body."""
    text = value.strip()
    if _EVENT_START.match(text):
        return True
    return not text.endswith(".") and not re.search(r"(?<!\w)mời(?!\w)", text, re.I) and not _HOST_START.match(text)


_SENTENCE_INSIDE = re.compile(r"[" + LOWER + r"]{2}[.;]\s{1,3}[" + UPPER + r"]")


# A plan's trích yếu may name what it carries out: "Thực hiện Nghị quyết số ...", "Triển khai Chỉ thị số ...". A body
# sentence starting so names who acts after a comma and ends with a stop or "như sau:".
_PLAN_TITLE = re.compile(r"^\W{0,3}(?:CHƯƠNG\s+TRÌNH|KẾ\s+HOẠCH|ĐỀ\s+ÁN|PHƯƠNG\s+ÁN|HƯỚNG\s+DẪN)(?!\w)")
_PURPOSE_START = re.compile(r"^(?:Thực\s+hiện|Triển\s+khai)\s")
_HOST_AFTER_COMMA = re.compile(r",\s{1,3}(?:" + _BODY_KEYWORDS.pattern[4:], re.I)


def _plan_purpose(block: list[Line]) -> bool:
    """Whether the lines under a plan's title, up to a blank line, are its trích yếu though they open like a body."""
    pieces = []
    for line in block:
        text = line.text.strip()
        if not text or pieces and (_stops_subject(text) or _SECTION.match(text)
                                   or re.match(r"^(?:[IVX]{1,4}\.|\d{1,2}\.|[-–+•])\s", text)):
            break
        pieces.append(text)
    joined = " ".join(pieces)
    return bool(pieces and _PURPOSE_START.match(joined) and len(joined.split()) <= 50
                and not joined.endswith((".", ":", ";")) and not _SENTENCE_INSIDE.search(joined)
                and not re.search(r"(?<!\w)như\s+sau", joined) and not _HOST_AFTER_COMMA.search(joined))


# The types whose body names the authority that decides between the trích yếu and "Căn cứ" (NĐ 30/2020, Phụ lục I).
_DECIDES = re.compile(r"(?<!\w)(?:QUYẾT\s{1,3}ĐỊNH|NGHỊ\s{1,3}QUYẾT|CHỈ\s{1,3}THỊ)(?!\w)", re.I)
_HOLDER_TITLE = re.compile(r"^(?:Chủ\s+tịch|Giám\s+đốc|Bộ\s+trưởng|Thủ\s+tướng|Trưởng\s+ban|Cục\s+trưởng|"
                           r"Chánh\s+Văn\s+phòng|Viện\s+trưởng|Hiệu\s+trưởng|Tổng\s+cục\s+trưởng)\s", re.I)


def _authority_line(cell: str, after: list[Line]) -> bool:
    """A body or its head named alone right above "Căn cứ ..." is the authority that decides, not the trích yếu."""
    if not (_HOST_START.match(cell) or _HOLDER_TITLE.match(cell)) or len(cell.split()) > 16 \
            or cell.endswith((".", ":", ";", ",")) or re.search(r"[\d,]", cell):
        return False
    nxt = next((ln.text.strip() for ln in after if ln.text.strip() and not _RULE_LINE.match(ln.text)), "")
    return bool(re.match(r"^(?:Căn\s+cứ|Xét\s|Theo\s+đề\s+nghị)", nxt, re.I))


def _closes_with_name(cell: str, after: list[Line]) -> bool:
    """A trích yếu's last line may be a body's name ("Dự Hội nghị hiệp thương ... bầu cử đại biểu" / "Hội đồng nhân
    dân huyện X khóa XX, nhiệm kỳ 2021 - 2026"): short, no sentence, and the block ends with it (a blank line or a
    rule below). A body's first sentence that starts with its host runs on to the next line."""
    if len(cell.split()) > 16 or cell.endswith((".", ":", ";", ",")) or _SENTENCE_INSIDE.search(cell):
        return False
    if not after:
        return True
    nxt = after[0].text.strip()
    return not nxt or bool(re.match(r"^[-_=*]{3,}$", nxt) or BODY_START.match(nxt) or _KINH_GUI.match(nxt))


def _spaced_phrase(line: Line) -> tuple[str, int] | None:
    """A line that a converter cut into cells only by doubling some spaces between words ("Tổ chức  "Ngày hội ...""):
    one phrase, its spaces made single. A real column gap (a tab, a pipe, four spaces or more) keeps the cells."""
    text = line.text.strip()
    if "\t" in text or "|" in text or "    " in text or "  " not in text:
        return None
    return re.sub(r" {2,3}", " ", text), line.start + line.text.index(text)


def find_subject_after_title(lines: list[Line], title_index: int, stop: int) -> Hit | None:
    """A named type's trích yếu: the lines after the type's name, up to the authority line or the body."""
    pieces, x0, end = [], None, None
    first = lines[title_index].cells()[:1] if title_index < len(lines) else []
    same_line = _TITLE_PREFIX_RE.match(first[0][0]) if first else None
    if same_line and _URGENCY_LINE.match(first[0][0][same_line.end():].strip()):
        same_line = None  # "CÔNG ĐIỆN HỎA TỐC": the type and its stamp, no trích yếu
    if same_line:
        rest = first[0][0][same_line.end():].strip()
        pieces, x0, end = [rest], first[0][1] + same_line.end(), first[0][1] + len(first[0][0])
    window = lines[title_index + 1:min(title_index + 16, len(lines))]
    filled = 0
    spacing = None
    blank_run = 0
    bridged = False  # a blank line of a double-spaced copy crossed on the strength of the next line's shortness
    for pos, line in enumerate(window):
        cells = line.cells()
        if not cells:
            blank_run += 1
            if pieces and not _goes_on(pieces[-1], window[pos + 1:]):
                spacing = _spacing(lines, stop) if spacing is None else spacing
                if not (spacing and blank_run <= spacing and _short_line(window[pos + 1:])):
                    break
                bridged = True
            continue
        gap, blank_run = blank_run, 0
        filled += 1
        if filled > 7:
            break
        cell, off = _spaced_phrase(line) or cells[0]
        c = cell.strip()
        c_end = off + len(line.text.strip()) if cell is not cells[0][0] else off + len(c)
        continues = bool(pieces) and c[:1].islower()  # "... năm 2025 / thực hiện ...": the body never starts lower-case
        if not pieces and filled == 1 and _PLAN_TITLE.search(lines[title_index].text) \
                and _plan_purpose(window[pos:pos + 5]):
            continues = True  # "KẾ HOẠCH" / "Thực hiện Nghị quyết số 12-NQ/TU ... đến năm 2030": the plan's trích yếu
        if not continues and (_stops_subject(c) or re.match(r"^[-_=*]{3,}$", c) or _SECTION.match(c)
                              or re.match(r"^(?:[IVX]{1,4}\.|\d{1,2}\.|[-–+•])\s", c)):
            break
        if pieces and upper_ratio(c) > 0.85 and _BODY_KEYWORDS.match(c):
            break  # the authority line ("ỦY BAN NHÂN DÂN TỈNH ...") after the trích yếu
        if pieces and _HOST_START.match(c) and not c[:1].islower() and not JOINS.search(pieces[-1]) and not bridged \
                and not (gap == 0 and _closes_with_name(c, window[pos + 1:pos + 2])):
            break  # "UBND tỉnh tổ chức ...": the body's first sentence, its blank line lost by a PDF text layer
        if pieces and re.match(r"^(?:CHỦ TỊCH|BỘ TRƯỞNG|GIÁM ĐỐC|TRƯỞNG|BAN THƯỜNG VỤ|HỘI ĐỒNG)\b", c):
            break
        if pieces and not c[:1].islower() and _DECIDES.search(lines[title_index].text) \
                and _authority_line(c, window[pos + 1:pos + 5]):
            break  # a decision's authority line in plain case ("Chủ tịch Ủy ban nhân dân huyện X") over "Căn cứ ..."
        if pieces and len(c) > 150:
            break
        if pieces and _SENTENCE_INSIDE.search(c) and not c[:1].islower():
            break  # a trích yếu holds no sentence's end: the body's first paragraph, its blank line lost by a PDF
        if pieces and (c.endswith((".", ":")) or pieces[-1].startswith("(") and pieces[-1].endswith(")")) \
                and not c[:1].islower():
            break  # a trích yếu has no full stop; "(Từ ngày ... đến ngày ...)" closes it
        if x0 is None:
            x0 = off
        pieces.append(c)
        end = c_end
    if not pieces:
        return None
    return Hit(" ".join(pieces), x0, end, 0.8)


# ------------------------------------------------------------------------------------------------ marks
_SQUEEZED_URGENCY = {"KHẨN": "Khẩn", "THƯỢNGKHẨN": "Thượng khẩn", "HỎATỐC": "Hỏa tốc", "HOẢTỐC": "Hỏa tốc"}


_STAMP = r"(HỎA\s+TỐC|HOẢ\s+TỐC|THƯỢNG\s+KHẨN|KHẨN|Hỏa\s+tốc|Hoả\s+tốc|Thượng\s+khẩn|Khẩn)"
# "[HỎA TỐC] ỦY BAN NHÂN DÂN ...": a stamp in brackets opening a line; "Subject: KHẨN - Công văn số ...", "Tiêu đề:
# [Hỏa tốc] V/v ...": the mark a sender puts first in the subject of the mail that carries the letter.
_BRACKET_STAMP = re.compile(r"^[ \t]{0,20}[\[(][ \t]{0,2}" + _STAMP + r"[ \t]{0,2}[\])]")
_FIRST_IN_SUBJECT = (r"(?:(?:Fwd|FWD|FW|Fw|RE|Re|TL|V/v)[ \t]{0,2}:[ \t]{0,3}){0,3}[\[(]?[ \t]{0,2}" + _STAMP
                     + r"(?![^\W\d_])")
_MAIL_SUBJECT_STAMP = re.compile(r"^[ \t]{0,4}" + _FIRST_IN_SUBJECT)
_SUBJECT_STAMP = re.compile(r"^[ \t]{0,4}(?:Subject|Tiêu\s+đề|Chủ\s+đề)[ \t]{0,2}:[ \t]{0,3}" + _FIRST_IN_SUBJECT)


def subject_stamp(subject: str | None) -> str | None:
    """The urgency a sender writes first in a mail's subject ("KHẨN - Công văn số ...", "Fwd: [Hỏa tốc] V/v ..."),
    as NĐ 30 names it, or None."""
    m = _MAIL_SUBJECT_STAMP.match(subject or "")
    return stamp_value(m.group(1)) if m else None


def find_urgency(lines: list[Line], stop: int) -> Hit | None:
    for line in lines[:stop]:
        stamp = _BRACKET_STAMP.match(line.text) or _SUBJECT_STAMP.match(line.text)
        if stamp:
            return Hit(stamp_value(stamp.group(1)), line.start + stamp.start(1), line.start + stamp.end(1), 0.8)
        if _SPACED_CAPS.match(line.text):  # a stamp in spaced capitals: "H Ỏ A   T Ố C", "K H Ẩ N"
            value = _SQUEEZED_URGENCY.get(re.sub(r"\s+", "", line.text).upper())
            if value:
                offset = line.start + len(line.text) - len(line.text.lstrip())
                return Hit(value, offset, line.start + len(line.text.rstrip()), 0.85)
        for cell, offset in line.cells():
            label = _URGENCY_LABEL.match(cell.strip())
            if label:  # "ĐỘ KHẨN: HỎA TỐC", "Mức độ khẩn: Thượng khẩn": the label's own "khẩn" is not the mark
                raw = label.group(1).lower()
                if "thường" in raw and "thượng" not in raw:
                    continue
                return Hit(stamp_value(raw), offset, offset + len(cell), 0.9)
            m = _URGENCY_LINE.match(cell.strip())
            glued = _SO_LINE.search(cell) and _URGENCY_AFTER_NUMBER.search(cell)  # "Số: 12/UBND-VP KHẨN"
            if m or glued or (upper_ratio(cell) > 0.9 and _URGENCY.search(cell) and len(cell.strip()) <= 20):
                raw = (m.group(1) if m else (glued or _URGENCY.search(cell)).group(1))
                return Hit(stamp_value(raw), offset, offset + len(cell), 0.9)
    for line in lines[stop:stop + 4]:
        # a stamp set beside or under the "Kính gửi" line (a copy moved it there): a cell in capitals, nothing else
        for cell, offset in line.cells():
            m = _URGENCY_LINE.match(cell.strip())
            if m and cell.strip().isupper():
                return Hit(stamp_value(m.group(1)), offset, offset + len(cell), 0.7)
    return None


def find_secrecy(lines: list[Line], stop: int) -> Hit | None:
    for line in lines[:stop]:
        for cell, offset in line.cells():
            m = _SECRECY_LINE.match(cell.strip())
            if m:
                raw = m.group(1).lower()
                value = "Tuyệt mật" if "tuyệt" in raw else "Tối mật" if "tối" in raw else "Mật"
                return Hit(value, offset, offset + len(cell), 0.9)
    return None


def header_stop(lines: list[Line], default: int) -> int:
    """Where to stop looking for the header: ``default`` lines, or further when a web page's menus and counters push
    the letterhead (its national motto line) down the text."""
    for index, line in enumerate(lines[:400]):
        if _NATIONAL_MOTTO.search(line.text):
            return max(default, index + default // 2)
    return default


def opens_body(text: str) -> bool:
    return bool(_KINH_GUI.search(text) or BODY_START.match(text))


def body_start_index(lines: list[Line], after: int) -> int:
    for index in range(after, min(len(lines), after + 40)):
        text = lines[index].text
        if _KINH_GUI.search(text) or BODY_START.match(text):
            return index
    return min(len(lines) - 1, after) if lines else 0


# ------------------------------------------------------------------------------------- a flattened header
# A web page that drops line breaks puts the whole header on one line: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI ... TỈNH X
# Độc lập - Tự do - Hạnh phúc Số: 12/UBND-VP X, ngày 5 tháng 3 năm 2025 V/v ...". Its NĐ 30 anchors give the lines
# back: a space before (and after) each is turned into a line break, so every offset stays where it was.
_FLAT_MOTTO = re.compile(
    r"C[ỘO]NG\s{1,3}H[ÒOÀ]A\s{1,3}X[ÃA]\s{1,3}H[ỘO]I\s{1,3}CH[ỦU]\s{1,3}NGH[ĨI]A\s{1,3}VI[ỆE]T\s{1,3}NAM"
    r"|Độc\s{1,3}lập\s{0,3}[-–—]\s{0,3}Tự\s{1,3}do\s{0,3}[-–—]\s{0,3}Hạnh\s{1,3}phúc(?:\s{1,3}[-–—_=*.o0O]{3,40})?"
    # the Party's and the Youth Union's mottos are set in capitals; "Đoàn TNCS Hồ Chí Minh huyện X" in a trích yếu is a name
    r"|(?-i:ĐẢNG\s{1,3}CỘNG\s{1,3}SẢN\s{1,3}VIỆT\s{1,3}NAM)(?:\s{1,3}\*)?"
    r"|(?-i:ĐOÀN\s{1,3}(?:TNCS|THANH\s{1,3}NIÊN\s{1,3}CỘNG\s{1,3}SẢN)\s{1,3}HỒ\s{1,3}CHÍ\s{1,3}MINH)(?:\s{1,3}\*)?",
    re.I,
)
_FLAT_SO = re.compile(r"(?<![\w/])(?:S[ốỐ]|Sổ)[ \t]{0,3}:?[ \t]{0,12}(?=\d|/|[ \t]{1,12}/)")
_FLAT_VV = re.compile(r"(?<!\w)(?:V/[vV]|v/v|V\.v|Về\s+việc|VỀ\s+VIỆC)(?!\w)")
_FLAT_TITLE = re.compile(r"(?<!\w)(?P<type>" + "|".join(n.upper() for n in TITLE_TYPES) + r")(?!\w)")
_FLAT_TITLE_CASE = re.compile(r"[ \t]{1,3}(?P<type>" + "|".join(TYPE_NAMES) + r")(?=[ \t]{1,3}[" + UPPER + r"])")
_FLAT_OPENER = re.compile(
    r"(?<=[" + LOWER + r"0-9)”\".;] )(?:Kính\s+gửi|Căn\s+cứ|Thực\s+hiện|Xét\s|Phúc\s+đáp|Trả\s+lời|Nhằm\s|Để\s|Vừa\s+qua|"
    r"Hiện\s+nay|Trên\s+cơ\s+sở|Sau\s+khi|Nhân\s+dịp|Hưởng\s+ứng|Chào\s+mừng|Trong\s+(?:thời\s+gian|những\s+năm|năm|tháng|quá\s+trình)|"
    r"Ngày\s+\d{1,2}[/ ]|PHẦN\s+THỨ|MỞ\s+ĐẦU|[IVX]{1,4}\.\s+[" + UPPER + r"]{2})"
)
# The body's first sentence names its host and what it does: "... năm 2022 Sở X ban hành Kế hoạch ...".
_FLAT_HOST = re.compile(
    r"(?<=[" + LOWER + r"0-9)] )(?:UBND|HĐND|Ủy\s+ban|Uỷ\s+ban|Sở|Phòng|Ban|Văn\s+phòng|Cục|Trung\s+tâm|Trường|Công\s+an|"
    r"Đảng\s+ủy|Đảng\s+uỷ|Thường\s+trực)\s[^.;:\n]{0,80}?\s(?:tổ\s+chức|ban\s+hành|thông\s+báo|trân\s+trọng|kính\s+mời|"
    r"xây\s+dựng\s+[Kk]ế\s+hoạch)(?!\w)"
)
_NO_HOST_BEFORE = {"của", "cho", "với", "và", "về", "gửi", "mời", "tại", "đến", "thuộc", "giữa", "nghị", "giao", "hợp",
                   "dẫn", "cầu", "là", "các", "do", "bởi", "theo"}
# A decision's authority line, right before "Căn cứ": "ỦY BAN NHÂN DÂN TỈNH X", "CHỦ TỊCH ỦY BAN NHÂN DÂN ...".
_FLAT_AUTHORITY = re.compile(r"(?<!\w)(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|GIÁM\s+ĐỐC|THỦ\s+TƯỚNG|BAN\s+THƯỜNG\s+VỤ|"
                             r"HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|[ỦU][YỶ]\s+BAN\s+NHÂN\s+DÂN)(?!\w)")
_FLAT_LABEL = re.compile(r"(?<=[^\W_] )" + _LABEL + r"(?!\d)")
_FLAT_RULE = re.compile(r"(?<= )[-_=*]{3,}(?= |$)")
_FLAT_KINH_GUI = re.compile(r"(?<!\w)Kính\s+gửi(?!\w)")
_CAPS_WORD = re.compile(r"[^\s]+")
# Where a new body's name starts inside a run of letterhead capitals ("UBND TỈNH X SỞ Y", "BỘ TÀI CHÍNH TỔNG CỤC THUẾ").
_NEW_BODY = {"SỞ": None, "BAN": {"ỦY", "UỶ", "UY", "TRƯỞNG"}, "CỤC": {"TỔNG", "CHI"}, "TỔNG": None, "CHI": None,
             "PHÒNG": {"VĂN", "QUỐC"}, "VĂN": None, "TRUNG": {"TRƯỜNG"}, "BỆNH": None, "TRƯỜNG": {"MÔI", "THỊ", "THƯƠNG"},
             "ĐẢNG": {"BAN", "CHI"}, "ĐOÀN": {"LIÊN", "THÀNH", "HUYỆN", "TỈNH", "QUẬN", "THỊ", "XÃ", "PHƯỜNG"}}
_NEW_BODY_NEXT = {"TỔNG": {"CỤC", "CÔNG"}, "CHI": {"CỤC", "NHÁNH", "BỘ"}, "VĂN": {"PHÒNG"}, "TRUNG": {"TÂM"},
                  "BỆNH": {"VIỆN"}, "ĐẢNG": {"ỦY", "UỶ", "BỘ"},
                  "TRƯỜNG": {"THCS", "THPT", "TIỂU", "MẦM", "MN", "TH", "ĐẠI", "CAO", "TRUNG", "PT", "PTDTBT",
                             "PTDTNT", "CHÍNH", "BỒI"}}


def _prev_word(line: str, pos: int) -> str:
    words = line[max(0, pos - 40):pos].split()
    return words[-1] if words else ""


def _is_caps(word: str) -> bool:
    """A word of a name in capitals ("TỈNH", "UBND"), not a symbol ("/KH-MTTQ", "12/UBND-VP")."""
    letters = [ch for ch in word if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and not re.search(r"[/\d]", word)


# A flattened NĐ 30 header holds its number line or the motto; a long line with neither is a paragraph (cheap test
# before the anchors are looked for).
_FLAT_HINT = re.compile(r"S[ốỐ]\s{0,3}[:\d]|[Hh]ạnh\s{0,2}phúc|HẠNH\s{0,2}PHÚC|C[ỘO]NG\s{0,3}H[ÒOÀ]A|Độc\s{0,2}lập|ĐỘC\s{0,2}LẬP|"
                        r"ĐẢNG\s{1,3}CỘNG|ĐOÀN\s{1,3}(?:TNCS|THANH)")


def unflatten(text: str) -> str:
    """Line breaks put back into a header flattened onto one line (a web page that dropped them); same length."""
    head = text[:8000]
    chars = None
    pos = 0
    for raw in head.split("\n")[:60]:
        if len(raw) >= 100 and _FLAT_HINT.search(raw):
            cuts = _flat_cuts(raw)
            if cuts:
                chars = chars if chars is not None else list(head)
                for cut in cuts:
                    chars[pos + cut] = "\n"
        pos += len(raw) + 1
    return text if chars is None else "".join(chars) + text[8000:]


def _flat_cuts(line: str) -> set[int]:
    limit = len(line)
    kg = _FLAT_KINH_GUI.search(line)
    if kg:
        limit = kg.start()
    before, after, kinds = set(), set(), set()
    for m in _FLAT_MOTTO.finditer(line, 0, limit):
        before.add(m.start())
        after.add(m.end())
        kinds.add("motto")
    places = []
    dated_end = None
    for m in _DATE_LINE.finditer(line, 0, limit):
        ngay = _ngay_at(m)
        start = _flat_place_start(line, m.start())
        if start is None and "," not in m.group(0)[:3]:
            continue
        before.add(start if start is not None else ngay)
        places.append(start if start is not None else ngay)
        after.add(m.end())
        dated_end = m.end()
        kinds.add("date")
        break
    for m in _FLAT_SO.finditer(line, 0, limit):
        before.add(m.start())
        kinds.add("number")
        num = (_PARTY_NUMBER_RE.match(line, m.end()) or NUMBER_RE.match(line, m.end())
               or _OLD_NUMBER_RE.match(line, m.end()))
        if num and not any(m.start() < p < num.end() for p in places):
            after.add(num.end())
    subject_at = []
    for m in _FLAT_VV.finditer(line, 0, limit):
        before.add(m.start())
        subject_at.append(m.start())
        kinds.add("subject")
    anchor = min([p for p in places] + [m for m in before if line.startswith(("S", "s"), m)] or [limit])
    titled = _FLAT_TITLE.search(line, anchor, limit)
    if titled is None and dated_end is not None:
        titled = _FLAT_TITLE_CASE.match(line, dated_end)  # "... năm 2015 Thông báo Kết luận ...": a web editor's case
    if titled is not None:
        before.add(titled.start("type"))
        subject_at.append(titled.end())
        if line[titled.end():titled.end() + 30].strip():
            after.add(titled.end())  # NĐ 30 sets the type's name on a line of its own, its trích yếu below
        kinds.add("title")
    for m in _URGENCY.finditer(line, 0, limit):  # a stamp: "... V/v ... KHẨN", "HỎA TỐC ỦY BAN NHÂN DÂN ..."
        if not _is_caps(_prev_word(line, m.start())):
            before.add(m.start())
            after.add(m.end())
    if kg:
        kinds.add("kinh_gui")
        before.add(kg.start())
    for start in subject_at:
        m = _FLAT_OPENER.search(line, start + 3, limit)
        end = m.start() if m else limit
        label = _FLAT_LABEL.search(line, start + 3, end)
        if label:  # a portal's next field ("Lĩnh vực: Y tế", "Đăng lúc: ...") after the trích yếu
            end = label.start()
            before.add(end)
        rule = _FLAT_RULE.search(line, start + 3, end)
        if rule:  # the rule drawn under a trích yếu
            end = rule.start()
            before.add(rule.start())
            after.add(rule.end())
        for h in _FLAT_HOST.finditer(line, start + 3, end):
            if _prev_word(line, h.start()) not in _NO_HOST_BEFORE:
                end = h.start()
                before.add(end)
                break
        if m:
            before.add(m.start())
        authority = None
        for a in _FLAT_AUTHORITY.finditer(line, start + 3, end):
            authority = a
        if authority is not None and not any(ch.islower() for ch in line[authority.start():end]) \
                and _prev_word(line, authority.start()).strip(",") not in {"THUỘC", "CỦA", "VÀ", "CÁC", "VỚI"}:
            before.add(authority.start())
    if len(kinds) < 2 or (len(kinds) < 3 and (len(line) < 120 or re.search(r"[ \t]{2,}|\t|\|", line))):
        return set()
    _caps_cuts(line, places[0] if places else limit, limit, before, after)
    cuts = set()
    for p in before:
        if p > 0 and line[p - 1] in " \t":
            cuts.add(p - 1)
    for p in after:
        if p < len(line) and line[p] in " \t":
            cuts.add(p)
    return cuts


def _caps_cuts(line: str, first_anchor: int, limit: int, before: set, after: set) -> None:
    """Runs of capitals (a letterhead, the motto, a title): a break before a run that follows ordinary words, and
    inside the letterhead's run before each new body's name ("UBND TỈNH X SỞ Y")."""
    words = list(_CAPS_WORD.finditer(line, 0, limit))
    prev_caps = False
    for i, w in enumerate(words):
        token = w.group(0)
        token = token.lstrip("|*(")
        caps = _is_caps(token)
        nxt = words[i + 1].group(0) if i + 1 < len(words) else ""
        if caps and not prev_caps and i > 0 and _is_caps(nxt):
            before.add(w.start())
        if caps and prev_caps and w.start() < first_anchor and token in _NEW_BODY:
            excluded = _NEW_BODY[token]
            prev = words[i - 1].group(0).strip("/.,:;|*()")
            needs = _NEW_BODY_NEXT.get(token)
            if (excluded is None or prev not in excluded) and (needs is None or nxt in needs) and prev not in {"VÀ", "-", "–"}:
                before.add(w.start())
        prev_caps = caps and any(ch.isalpha() for ch in token)


def _flat_place_start(line: str, date_start: int) -> int | None:
    """Where the place before ", ngày" starts: capitalised words (an abbreviation only as "TP." / "TX."), "phố",
    "xã" ... allowed, at most six words."""
    words = list(re.finditer(r"[^\s,]+", line[max(0, date_start - 80):date_start]))
    base = max(0, date_start - 80)
    start = None
    count = 0
    for w in reversed(words):
        token = w.group(0)
        ok = (token[0].isupper() and (not _is_caps(token) or token.rstrip(".") in {"TP", "TX", "Q", "H"}
                                        or sum(ch.isalpha() for ch in token) == 1)) \
            or token.lower() in _PLACE_WORDS or token in {"-", "–"}
        if not ok or count >= 6:
            break
        start = base + w.start()
        count += 1
    return start
