"""Lead and cooperating units on letters written for these tests (invented names and places): the forms of
assignment the genre uses, one per test."""

from nlp import Extractor

EX = Extractor()

HEAD = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HƯNG LAM                          Độc lập - Tự do - Hạnh phúc
Số: 77/KH-UBND                     Hưng Lam, ngày 09 tháng 4 năm 2025
"""


def units(body: str) -> tuple[list[str], list[str]]:
    out = EX.extract(HEAD + body + "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n").to_json("t")
    return out["lead_units"], out["cooperating_units"]


def test_headings_of_a_plans_duty_section_name_the_lead_units():
    lead, coop = units("""KẾ HOẠCH
Tập huấn phòng cháy cho các chợ năm 2025
I. MỤC ĐÍCH
Nâng cao kỹ năng thoát nạn cho tiểu thương.
II. TỔ CHỨC THỰC HIỆN
1. Sở Công Thương
- Xây dựng chương trình tập huấn tại các chợ loại một.
- Chủ trì, phối hợp với Công an tỉnh bố trí giảng viên.
2. Ban Quản lý chợ Đồng Xuyên
- Bố trí hội trường và danh sách tiểu thương tham dự.
""")
    assert lead == ["Sở Công Thương", "Ban Quản lý chợ Đồng Xuyên"]
    assert coop == ["Công an tỉnh"]


def test_a_unit_heading_counts_outside_a_duty_section_when_its_items_are_tasks():
    lead, _ = units("""Để chuẩn bị mùa mưa bão, Chủ tịch UBND tỉnh yêu cầu:
1. Văn phòng UBND tỉnh (Phòng Kinh tế ngành)
a) Theo dõi diễn biến thời tiết hằng ngày.
b) Tổng hợp thiệt hại báo cáo Chủ tịch UBND tỉnh.
""")
    assert lead == ["Văn phòng UBND tỉnh (Phòng Kinh tế ngành)"]


def test_an_indented_unit_heading_over_a_task_sentence_keeps_the_names_apart_from_the_task():
    lead, _ = units("""CHỈ THỊ
Về phòng cháy, chữa cháy rừng mùa khô năm 2026
Để chủ động phòng cháy rừng, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:
   1. Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh
   Xây dựng kế hoạch huy động lực lượng tham gia chữa cháy rừng khi có yêu cầu.
   2. Báo Hưng Lam
   Mở chuyên mục tuyên truyền về phòng cháy, chữa cháy rừng trong mùa khô.
""")
    assert lead == ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh", "Báo Hưng Lam"]


def test_a_contest_a_fair_or_a_quotation_is_not_a_body():
    lead, _ = units("""Kính gửi: Các trường THCS.
1. Hội thi giáo viên dạy giỏi tổ chức từ ngày 05/5/2025.
2. Báo giá gửi về Phòng Tài chính trước ngày 10/5/2025.
3. Các trường THCS đăng ký dự thi trước ngày 25/4/2025.
""")
    assert lead == ["Các trường THCS"]


def test_a_programme_in_capitals_a_holder_of_listed_bodies_and_a_body_that_begins():
    lead, _ = units("""Kính gửi: Các phòng, ban.
1. Ban Chỉ đạo các Chương trình mục tiêu quốc gia huyện tổng hợp kết quả trước ngày 10/5/2025.
2. Giám đốc các Sở: Tài chính, Xây dựng, Nội vụ báo cáo tiến độ trước ngày 12/5/2025.
3. Đoàn kiểm tra bắt đầu làm việc từ ngày 15/5/2025.
""")
    assert lead == ["Ban Chỉ đạo các Chương trình mục tiêu quốc gia huyện",
                    "Giám đốc các Sở: Tài chính, Xây dựng, Nội vụ", "Đoàn kiểm tra"]


def test_numbered_wards_are_different_units():
    lead, _ = units("Kính gửi: Ủy ban nhân dân Phường 3, Phường 7.\n"
                    "Đề nghị Ủy ban nhân dân Phường 3 và Ủy ban nhân dân Phường 7 chuẩn bị báo cáo hiện trạng vỉa hè.\n")
    assert lead == ["Ủy ban nhân dân Phường 3", "Ủy ban nhân dân Phường 7"]


def test_heads_of_every_village_and_a_commune_that_completes_a_file():
    lead, _ = units("Kính gửi: Các thôn.\nỦy ban nhân dân huyện yêu cầu:\n"
                    "1. Trưởng các thôn rà soát danh sách hộ nghèo trước ngày 10/5/2025.\n"
                    "2. Ủy ban nhân dân xã Tân Phú hoàn chỉnh hồ sơ gửi Phòng Tài chính - Kế hoạch.\n"
                    "3. Đài Truyền thanh huyện tăng thời lượng phát sóng về phòng, chống dịch.\n")
    assert lead == ["Trưởng các thôn", "Ủy ban nhân dân xã Tân Phú", "Đài Truyền thanh huyện"]


def test_a_team_at_work_and_a_provinces_steering_committee_keep_their_names_short():
    lead, _ = units("Kính gửi: Các huyện.\nỦy ban nhân dân tỉnh yêu cầu:\n"
                    "1. Ban chỉ đạo tỉnh chỉ đạo các huyện rà soát hộ nghèo trước ngày 10/5/2025.\n"
                    "2. Đoàn bắt đầu làm việc từ ngày 15/5/2025.\n3. Sở Tài chính bố trí kinh phí.\n")
    assert lead == ["Ban chỉ đạo tỉnh", "Sở Tài chính"]


def test_an_item_that_tells_the_addressee_to_have_a_unit_lead_names_that_unit():
    lead, coop = units("Kính gửi: Ủy ban nhân dân các tỉnh.\nBộ đề nghị Ủy ban nhân dân các tỉnh:\n"
                       "1. Chỉ đạo Sở Nông nghiệp và Môi trường chủ trì, phối hợp với các sở, ngành liên quan tổng hợp "
                       "tình hình.\n2. Gửi báo cáo về Bộ trước ngày 30/6/2025.\n")
    assert "Sở Nông nghiệp và Môi trường" in lead


def test_the_clause_after_a_semicolon_gives_its_unit_a_task_of_the_same_request():
    lead, coop = units("Kính gửi: Các phòng.\n3. Giao Phòng Kinh tế và Hạ tầng chủ trì, phối hợp với Phòng Tài chính - "
                       "Kế hoạch thẩm định hồ sơ, dự toán; Phòng Tài chính - Kế hoạch tham mưu Ủy ban nhân dân huyện bố "
                       "trí kinh phí trong tháng 4/2025.\n")
    assert lead == ["Phòng Kinh tế và Hạ tầng", "Phòng Tài chính - Kế hoạch"]
    assert coop == ["Phòng Tài chính - Kế hoạch"]


def test_the_issuer_named_with_its_district_is_the_issuer_and_a_namesake_elsewhere_is_not():
    from nlp.unitnames import is_issuer

    issuer = "UBND HUYỆN LẠC VÂN - PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"
    assert is_issuer("Phòng Giáo dục và Đào tạo huyện Lạc Vân", issuer)
    assert not is_issuer("Phòng Giáo dục và Đào tạo huyện Tân Phú", issuer)
    assert not is_issuer("Phòng Tài chính - Kế hoạch huyện Lạc Vân", issuer)


def test_a_unit_whose_duty_is_to_cooperate_cooperates():
    lead, coop = units("Kính gửi: Các khoa, phòng.\n5. Phòng Hành chính quản trị chủ trì sửa chữa biển báo, hoàn thành "
                       "trong tháng 11/2025; các khoa lâm sàng có trách nhiệm phối hợp, bố trí mặt bằng để thi công.\n")
    assert (lead, coop) == (["Phòng Hành chính quản trị"], ["các khoa lâm sàng"])
    _, coop = units("Kính gửi: Các xã.\n1. Công an huyện chủ trì, phối hợp với Công an các xã, thị trấn tổng kiểm tra các "
                    "cơ sở kinh doanh; phối hợp với các đoàn thể chính trị - xã hội huyện định hướng dư luận.\n")
    assert coop == ["Công an các xã, thị trấn", "các đoàn thể chính trị - xã hội huyện"]

def test_members_listed_in_parentheses_stay_with_their_collective():
    lead, _ = units("Kính gửi: Các tổ chức thành viên.\nỦy ban MTTQ huyện đề nghị:\n"
                    "1. Các tổ chức thành viên (Hội Nông dân, Hội Cựu chiến binh, Huyện đoàn) tuyên truyền, vận động "
                    "hội viên tham gia ngày hội.\n")
    assert lead == ["Các tổ chức thành viên (Hội Nông dân, Hội Cựu chiến binh, Huyện đoàn)"]

def test_an_item_that_opens_with_a_time_clause_before_its_unit():
    lead, _ = units("Kính gửi: Các đơn vị.\n4. Trong thời gian chưa triển khai thi công, Công ty TNHH MTV Thoát nước "
                    "Hưng Lam bố trí máy bơm cơ động tại hai tuyến ngõ khi có mưa lớn.\n")
    assert lead == ["Công ty TNHH MTV Thoát nước Hưng Lam"]

def test_a_numbered_sentence_or_a_report_heading_is_not_a_unit_heading():
    lead, _ = units("""BÁO CÁO
Kết quả quý I
1. Sở Nông nghiệp và Môi trường
- Đã trồng mới 40 ha rừng phòng hộ.
2. Sở Xây dựng đã hoàn thành tuyến đường Bắc Nam.
""")
    assert lead == []


def test_de_nghi_x_phoi_hop_makes_x_cooperating_and_not_the_unit_it_helps():
    lead, coop = units("""Đề nghị Trung tâm Y tế huyện Khê Lục, Đài Truyền thanh huyện phối hợp với Phòng Văn hóa huyện
trong việc tuyên truyền tiêm chủng mở rộng.
""")
    assert lead == []
    assert coop == ["Trung tâm Y tế huyện Khê Lục", "Đài Truyền thanh huyện"]


def test_chu_tri_phoi_hop_still_names_a_lead_and_its_partners():
    lead, coop = units("""Giao Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ và Thanh tra tỉnh rà soát các thủ tục.
""")
    assert lead == ["Sở Tư pháp"]
    assert coop == ["Sở Nội vụ", "Thanh tra tỉnh"]


def test_a_unit_that_only_joins_in_is_cooperating_one_that_works_with_a_partner_leads():
    lead, coop = units("""III. TỔ CHỨC THỰC HIỆN
1. Hội Nông dân xã Bình Khê phối hợp với Đoàn Thanh niên xã vận động nông dân đăng ký.
2. Ban công tác Mặt trận các thôn căn cứ kế hoạch này, khi có thông báo chủ động phối hợp thực hiện.
""")
    assert lead == ["Hội Nông dân xã Bình Khê"]
    assert sorted(coop) == ["Ban công tác Mặt trận các thôn", "Đoàn Thanh niên xã"]


def test_a_draft_sent_to_units_for_their_comments_makes_them_cooperating():
    lead, coop = units("""Phòng Tư pháp gửi đến các cơ quan, đơn vị, địa phương phối hợp góp ý dự thảo quy chế.
""")
    assert lead == []
    assert coop == ["các cơ quan, đơn vị, địa phương"]


def test_member_organisations_of_the_front_are_one_name():
    _, coop = units("""Ban Thường trực Ủy ban MTTQ Việt Nam xã chủ trì, phối hợp với các tổ chức chính trị - xã hội, tổ chức
thành viên của Mặt trận giám sát việc niêm yết danh sách cử tri.
""")
    assert coop == ["các tổ chức chính trị - xã hội, tổ chức thành viên của Mặt trận"]


def test_if_troubles_arise_the_closing_request_for_feedback_is_not_a_task():
    lead, _ = units("""Yêu cầu Giám đốc Sở Giáo dục và Đào tạo nghiêm túc thực hiện. Trong quá trình thực hiện, nếu có khó
khăn, vướng mắc, đề nghị các cơ quan, đơn vị phản ánh về Sở Nội vụ để tổng hợp.
""")
    assert lead == ["Giám đốc Sở Giáo dục và Đào tạo"]


def test_a_bare_head_word_is_not_a_unit():
    lead, _ = units("""- Chuyên viên phụ trách tổng hợp chuẩn bị tài liệu cho hội nghị.
- Cơ quan chủ trì, thành phần và số lượng đại biểu.
""")
    assert lead == []


def test_a_verb_glued_to_the_next_word_by_a_pdf_text_layer_still_ends_the_name():
    lead, _ = units("""Đề nghị Chi cục Thuế khu vực Tây Sơn tham khảohướng dẫn nêu trên để giải quyết.
""")
    assert lead == ["Chi cục Thuế khu vực Tây Sơn"]


def test_the_closing_exhortation_keeps_roles_and_drops_collectives_when_units_were_named():
    lead, coop = units("""1. Giao Phòng Kinh tế huyện Tân Mỹ chủ trì, phối hợp với Hội Phụ nữ huyện khảo sát các hộ nghèo.
2. Giao Trung tâm Văn hóa huyện Tân Mỹ biên soạn tài liệu tuyên truyền.
Đề nghị các cơ quan, đơn vị, Hội Phụ nữ huyện nghiêm túc triển khai thực hiện./.
""")
    assert lead == ["Phòng Kinh tế huyện Tân Mỹ", "Trung tâm Văn hóa huyện Tân Mỹ"]
    assert coop == ["Hội Phụ nữ huyện"]


def test_a_collective_told_to_carry_out_the_letter_is_its_lead_when_no_unit_is_named():
    lead, _ = units("""Để bảo đảm an toàn dịp lễ, đề nghị các trường học trên địa bàn xã nghiêm túc thực hiện./.
""")
    assert lead == ["các trường học trên địa bàn xã"]


def test_the_front_written_out_and_abbreviated_is_one_unit():
    lead, _ = units("""III. TỔ CHỨC THỰC HIỆN
1. Ban Thường trực Ủy ban MTTQ xã Hòa Lạc chủ trì tổ chức hội nghị cử tri.
2. Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Hòa Lạc có trách nhiệm báo cáo kết quả về huyện.
""")
    assert lead == ["Ban Thường trực Ủy ban MTTQ xã Hòa Lạc"]


def test_a_party_named_by_its_role_is_a_lead_when_it_is_asked_to_act():
    lead, _ = units("""Sau khi nghiên cứu dự thảo Quy định về chợ đêm, Sở Tư pháp có ý kiến như sau: đề nghị cơ quan soạn thảo
rà soát lại Điều 4 cho thống nhất. Yêu cầu chủ đầu tư khẩn trương hoàn thiện hồ sơ thiết kế.
Đề nghị chủ đầu tư của dự án cho ý kiến.
""")
    assert lead == ["cơ quan soạn thảo", "chủ đầu tư"]


def test_a_role_word_without_an_action_is_not_a_unit():
    lead, _ = units("""Sở Tư pháp đề nghị cơ quan soạn thảo dự thảo này.
""")
    assert lead == []


# -- issue 8: failure kinds seen on letters the rules were not written from -----------------------------------------

def test_a_hyphenated_name_is_one_lead_and_one_cooperating_unit():
    lead, coop = units("""Giao Phòng Tài chính - Kế hoạch huyện Đồng Xuyên chủ trì, phối hợp với Đài Phát thanh - Truyền
hình Hưng Lam rà soát kinh phí tuyên truyền năm 2025.
""")
    assert lead == ["Phòng Tài chính - Kế hoạch huyện Đồng Xuyên"]
    assert coop == ["Đài Phát thanh - Truyền hình Hưng Lam"]


def test_a_clause_after_the_name_is_not_part_of_it():
    lead, _ = units("Giao Sở Nội vụ giúp Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch này.\n")
    assert lead == ["Sở Nội vụ"]


def test_office_holders_addressed_by_title_are_leads():
    lead, _ = units("Đề nghị Hiệu trưởng các trường trung học cơ sở tổ chức cho học sinh tham gia cuộc thi.\n"
                    "Đề nghị Cục trưởng Cục Thống kê tỉnh Hưng Lam cung cấp số liệu dân số.\n")
    assert lead == ["Hiệu trưởng các trường trung học cơ sở", "Cục trưởng Cục Thống kê tỉnh Hưng Lam"]


def test_a_collective_keeps_its_commas_and_a_semicolon_list_names_each_collective():
    lead, _ = units("Giao các sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thị xã báo cáo tình hình giải ngân.\n")
    assert lead == ["các sở, ban, ngành tỉnh", "Ủy ban nhân dân các huyện, thị xã"]


def test_a_persons_title_in_a_list_of_participants_is_not_a_unit():
    lead, coop = units("""Ủy ban nhân dân tỉnh tổ chức hội nghị sơ kết công tác chuyển đổi số.
1. Thành phần mời dự
- Đồng chí Lò Văn Khải, Phó Giám đốc Sở Thông tin và Truyền thông, chủ trì hội nghị;
- Trưởng phòng Văn hóa và Thông tin các huyện tham dự.
2. Thời gian: 08 giờ 00 phút, ngày 15/4/2025.
""")
    assert lead == [] and coop == []


def test_a_task_quoted_from_another_letter_is_not_this_letters_task():
    lead, coop = units("""Thực hiện Công văn số 120/UBND-VX ngày 02/4/2025 của Ủy ban nhân dân tỉnh với nội dung yêu cầu Sở
Y tế chủ trì, phối hợp với Công an tỉnh kiểm tra an toàn thực phẩm; đề nghị Trung tâm Y tế huyện Đồng Xuyên báo cáo kết
quả kiểm tra.
""")
    assert lead == ["Trung tâm Y tế huyện Đồng Xuyên"]
    assert coop == []


def test_the_issuer_is_neither_lead_nor_cooperating():
    out = EX.extract("""SỞ GIÁO DỤC VÀ ĐÀO TẠO                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HƯNG LAM                          Độc lập - Tự do - Hạnh phúc
Số: 41/SGDĐT-VP                     Hưng Lam, ngày 09 tháng 4 năm 2025
V/v tổ chức ngày hội đọc sách

Kính gửi: Phòng Văn hóa và Thông tin huyện Đồng Xuyên.

Đề nghị Phòng Văn hóa và Thông tin huyện Đồng Xuyên chủ trì, phối hợp với Sở GD&ĐT và Thư viện tỉnh Hưng Lam
tổ chức ngày hội đọc sách.
Nơi nhận:
- Như trên;
- Lưu: VT.
""").to_json("t")
    assert out["lead_units"] == ["Phòng Văn hóa và Thông tin huyện Đồng Xuyên"]
    assert out["cooperating_units"] == ["Thư viện tỉnh Hưng Lam"]


def test_quy_co_quan_names_the_addressees_as_leads():
    out = EX.extract(HEAD + """V/v góp ý dự thảo quy hoạch
Kính gửi: Ủy ban nhân dân huyện Đồng Xuyên
Ủy ban nhân dân tỉnh đề nghị Quý Ủy ban có ý kiến bằng văn bản về dự thảo quy hoạch.
Nơi nhận:
- Như trên;
- Lưu: VT.
""").to_json("t")
    assert out["lead_units"] == ["Ủy ban nhân dân huyện Đồng Xuyên"]


def test_a_lead_of_one_item_cooperates_on_another():
    lead, coop = units("""Để chuẩn bị hội nghị, Ủy ban nhân dân tỉnh giao:
a) Văn phòng Ủy ban nhân dân tỉnh chuẩn bị hội trường, trang thiết bị.
b) Công an tỉnh chuẩn bị tài liệu, phối hợp với Văn phòng Ủy ban nhân dân tỉnh đón tiếp đại biểu.
""")
    assert lead == ["Văn phòng Ủy ban nhân dân tỉnh", "Công an tỉnh"]
    assert coop == ["Văn phòng Ủy ban nhân dân tỉnh"]


# -- issue 8, second round: plan tables, duty headings, titles, cited documents ---------------------------------------

def test_a_plans_task_table_with_pipes_gives_each_rows_lead_and_cooperating_units():
    lead, coop = units("""KẾ HOẠCH
Kiểm tra an toàn thực phẩm dịp Tết Nguyên đán năm 2026
II. TỔ CHỨC THỰC HIỆN
| TT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |
| 1 | Xây dựng kế hoạch kiểm tra liên ngành | Sở Y tế | Công an tỉnh | Tháng 12/2025 |
| 2 | Tuyên truyền trên báo, đài | Sở Văn hóa, Thể thao và Du lịch | Đài Phát thanh - Truyền hình tỉnh | Tháng 01/2026 |
""")
    assert lead == ["Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch"]
    assert coop == ["Công an tỉnh", "Đài Phát thanh - Truyền hình tỉnh"]


def test_a_task_table_with_tabs_is_read_by_its_column_titles():
    lead, coop = units("""KẾ HOẠCH
Chuyển đổi số trong trường học năm 2025
III. PHÂN CÔNG NHIỆM VỤ
STT\tNhiệm vụ\tCơ quan phối hợp\tCơ quan chủ trì
1\tCấp tài khoản học liệu số cho giáo viên\tTrung tâm Viễn thông Hưng Lam\tSở Giáo dục và Đào tạo
2\tBồi dưỡng kỹ năng số cho cán bộ quản lý\tCác trường học\tTrường Cao đẳng Sư phạm Hưng Lam
""")
    assert lead == ["Sở Giáo dục và Đào tạo", "Trường Cao đẳng Sư phạm Hưng Lam"]
    assert coop == ["Trung tâm Viễn thông Hưng Lam", "Các trường học"]


def test_a_table_without_a_lead_column_names_no_lead():
    lead, _ = units("""BÁO CÁO
Kết quả giải ngân quý I
| TT | Đơn vị | Kế hoạch vốn | Đã giải ngân |
| 1 | Sở Xây dựng | 120 tỷ đồng | 40 tỷ đồng |
""")
    assert lead == []


def test_numbered_headings_naming_a_units_duties_make_it_a_lead():
    lead, _ = units("""IV. TỔ CHỨC THỰC HIỆN
1. Trách nhiệm của Sở Nông nghiệp và Môi trường
- Chủ trì hướng dẫn các địa phương thống kê diện tích lúa bị hạn.
2. Đối với Ủy ban nhân dân các huyện
- Chỉ đạo các xã bố trí máy bơm chống hạn.
""")
    assert lead == ["Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân các huyện"]


def test_a_sentence_of_a_duty_section_that_starts_with_a_unit_gives_it_the_task():
    lead, _ = units("""IV. TỔ CHỨC THỰC HIỆN
Các sở, ngành căn cứ chức năng, nhiệm vụ triển khai Kế hoạch này. Sở Nội vụ giúp Ủy ban nhân dân tỉnh theo dõi,
đôn đốc việc thực hiện Kế hoạch này.
""")
    assert lead == ["Các sở, ngành", "Sở Nội vụ"]


def test_a_report_sentence_that_starts_with_a_unit_is_not_a_task():
    lead, _ = units("""I. KẾT QUẢ THỰC HIỆN
Năm 2024, Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh ban hành 12 quyết định. Sở Tư pháp thẩm định 30 dự thảo.
""")
    assert lead == []


def test_a_vice_chairs_portfolio_is_part_of_the_title_that_leads():
    lead, _ = units("Đề nghị Đồng chí Phó Chủ tịch phụ trách khối văn hóa - xã hội chỉ đạo các phòng chuyên môn triển khai.\n")
    assert lead == ["Đồng chí Phó Chủ tịch phụ trách khối văn hóa - xã hội"]


def test_heads_of_the_units_under_the_issuer_are_one_lead():
    lead, _ = units("Thủ trưởng các đơn vị trực thuộc có trách nhiệm phổ biến Kế hoạch này đến công chức, viên chức.\n")
    assert lead == ["Thủ trưởng các đơn vị trực thuộc"]


def test_a_task_given_by_a_document_cited_in_can_cu_is_not_this_letters_task():
    lead, _ = units("""Căn cứ Quyết định số 12/QĐ-UBND ngày 02/01/2025 của Ủy ban nhân dân tỉnh giao Sở Công Thương chủ trì quản
lý chợ tạm;
Ủy ban nhân dân tỉnh đề nghị Ủy ban nhân dân huyện Đồng Xuyên báo cáo tình hình chợ tạm.
""")
    assert lead == ["Ủy ban nhân dân huyện Đồng Xuyên"]


def test_a_task_inside_quotation_marks_belongs_to_the_quoted_document():
    lead, coop = units("""Thực hiện chỉ đạo của Bộ Y tế tại Công văn số 55/BYT-DP: “Sở Y tế các tỉnh chủ trì, phối hợp với Công an
tỉnh kiểm tra cơ sở”, Ủy ban nhân dân tỉnh giao Trung tâm Kiểm soát bệnh tật tỉnh triển khai kiểm tra.
""")
    assert lead == ["Trung tâm Kiểm soát bệnh tật tỉnh"]
    assert coop == []


def test_local_post_holders_and_comrades_of_a_steering_committee_are_leads():
    lead, _ = units("""Chủ tịch UBND thị trấn Đồng Mai yêu cầu các đồng chí trong ban chỉ đạo phòng chống dịch phụ trách các khu
phố, trưởng các đoàn thể, tổ trưởng tổ dân phố và toàn thể nhân dân khẩn trương phát quang bụi rậm.
""")
    assert lead == ["các đồng chí trong ban chỉ đạo phòng chống dịch phụ trách các khu phố", "trưởng các đoàn thể",
                    "tổ trưởng tổ dân phố"]


def test_a_parenthesis_giving_the_units_role_is_not_part_of_its_name():
    lead, coop = units("""1. Giao Trung tâm Y tế huyện Khê Lục (cơ quan thường trực Ban Chỉ đạo tiêm chủng huyện) chủ trì, phối hợp
với Phòng Giáo dục và Đào tạo huyện tổ chức tiêm bổ sung cho trẻ.
""")
    assert lead == ["Trung tâm Y tế huyện Khê Lục"]
    assert coop == ["Phòng Giáo dục và Đào tạo huyện"]


def test_names_that_end_on_a_verb_like_word_and_names_cut_by_the_task():
    lead, _ = units("Kính gửi: Sở Nội vụ.\nỦy ban nhân dân tỉnh yêu cầu:\n"
                    "1. Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng tỉnh báo cáo tiến độ.\n"
                    "2. Công ty TNHH MTV Khai thác công trình thủy lợi Hưng Lam rà soát các hồ chứa.\n"
                    "3. Công an tỉnh sẵn sàng lực lượng hỗ trợ sơ tán.\n"
                    "4. Báo Hưng Lam mở chuyên mục tuyên truyền.\n"
                    "5. Giao công chức Địa chính - Xây dựng xã lập danh sách.\n")
    assert sorted(lead) == sorted(["Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng tỉnh",
                                   "Công ty TNHH MTV Khai thác công trình thủy lợi Hưng Lam", "Công an tỉnh",
                                   "Báo Hưng Lam", "công chức Địa chính - Xây dựng xã"])
    lead, _ = units("Kính gửi: Sở Nội vụ.\nỦy ban nhân dân tỉnh yêu cầu:\n"
                    "1. Trung tâm Y tế huyện thành lập 03 đội cấp cứu cơ động.\n"
                    "2. Ủy ban nhân dân các xã: Khe Mai, Na Lương mỗi xã bố trí 01 điểm sơ tán.\n"
                    "3. Bệnh viện Đa khoa huyện có nhu cầu mua sắm thiết bị thì lập dự toán gửi Sở Tài chính.\n")
    assert sorted(lead) == sorted(["Trung tâm Y tế huyện", "Ủy ban nhân dân các xã: Khe Mai, Na Lương",
                                   "Bệnh viện Đa khoa huyện"])
    _, coop = units("Kính gửi: Công an các xã.\nỦy ban nhân dân tỉnh yêu cầu:\n"
                    "1. Công an huyện chủ trì, phối hợp với Thanh tra giao thông tuần tra trên Quốc lộ 6C.\n"
                    "2. Trung tâm Y tế huyện chủ trì, phối hợp với UBND các xã có dịch khoanh vùng ổ dịch.\n")
    assert sorted(coop) == sorted(["Thanh tra giao thông", "UBND các xã có dịch"])
    lead, _ = units("Kính gửi: Công an các xã.\nTrưởng Công an huyện yêu cầu:\n"
                    "1. Đội Cảnh sát điều tra tội phạm về trật tự xã hội lập danh sách đối tượng truy nã.\n"
                    "2. Đội Cảnh sát quản lý hành chính về trật tự xã hội kiểm tra cơ sở kinh doanh có điều kiện.\n")
    assert sorted(lead) == sorted(["Đội Cảnh sát điều tra tội phạm về trật tự xã hội",
                                   "Đội Cảnh sát quản lý hành chính về trật tự xã hội"])


def test_a_unit_heading_over_a_task_sentence_and_a_closing_courtesy():
    lead, _ = units("IV. TỔ CHỨC THỰC HIỆN\n1. Phòng Văn hóa và Thông tin\nHướng dẫn các xã treo băng rôn.\n"
                    "2. Phòng Tài chính - Kế hoạch\nTham mưu bố trí kinh phí.\n"
                    "Đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.\n")
    assert sorted(lead) == ["Phòng Tài chính - Kế hoạch", "Phòng Văn hóa và Thông tin"]


def test_a_task_table_written_one_cell_per_line_gives_its_lead_and_cooperating_units():
    lead, coop = units("""KẾ HOẠCH
Cải tiến chất lượng khám chữa bệnh năm 2025
Căn cứ Kế hoạch số 12/KH-SYT ngày 05/01/2025 của Sở Y tế, Bệnh viện ban hành Kế hoạch như sau:
I. MỤC TIÊU
Giảm thời gian chờ khám trung bình xuống dưới 60 phút.
II. CÁC HOẠT ĐỘNG
TT
Hoạt động
Khoa/Phòng thực hiện
Phối hợp
Thời gian
1
Triển khai đặt lịch khám qua ứng dụng
Phòng Công nghệ thông tin
Khoa Khám bệnh
Trước 30/6/2025
2
Giám sát vệ sinh tay
Khoa Kiểm soát nhiễm khuẩn
Phòng Điều dưỡng
Hằng tháng
III. TỔ CHỨC THỰC HIỆN
Các khoa, phòng căn cứ Kế hoạch triển khai thực hiện.
""")
    assert "Phòng Công nghệ thông tin" in lead and "Khoa Kiểm soát nhiễm khuẩn" in lead
    assert coop == ["Khoa Khám bệnh", "Phòng Điều dưỡng"]


def test_a_schedules_chair_column_names_no_lead():
    lead, _ = units("""LỊCH CÔNG TÁC TUẦN
Ngày | Thời gian | Nội dung | Chủ trì | Địa điểm
Thứ Hai 05/5 | 8h00 | Giao ban | Chủ tịch UBND tỉnh | Phòng họp số 1
Thứ Ba 06/5 | 14h00 | Họp nghe báo cáo quy hoạch | Phó Chủ tịch UBND tỉnh | Phòng họp số 2
Ghi chú:
- Sở Xây dựng gửi tài liệu về Văn phòng UBND tỉnh trước ngày 05/5/2025.
""")
    assert lead == ["Sở Xây dựng"]


def test_a_capitalised_verb_inside_a_name_does_not_cut_it():
    lead, coop = units("""CÔNG VĂN
V/v cấp đổi giấy chứng nhận cho hộ dân
Kính gửi: Ủy ban nhân dân huyện Đông Lâm.
Đề nghị Ủy ban nhân dân huyện Đông Lâm chỉ đạo rà soát hồ sơ; giao Tổ Tiếp nhận và Trả kết quả huyện hướng dẫn hộ dân
bổ sung giấy tờ, phối hợp với Chi nhánh Văn phòng Đăng ký đất đai huyện Đông Lâm thực hiện đo đạc. Đề nghị Đội Cảnh
sát giao thông - Trật tự Công an huyện và Đội Quản lý trật tự xây dựng đô thị huyện kiểm tra hiện trường.
""")
    assert "Tổ Tiếp nhận và Trả kết quả huyện" in lead
    assert "Đội Cảnh sát giao thông - Trật tự Công an huyện" in lead
    assert "Đội Quản lý trật tự xây dựng đô thị huyện" in lead
    assert "Chi nhánh Văn phòng Đăng ký đất đai huyện Đông Lâm" in coop


def test_places_listed_after_a_colon_belong_to_the_name_and_the_front_and_its_organisations_are_two_parties():
    lead, _ = units("""CÔNG VĂN
V/v ra quân vệ sinh môi trường
Kính gửi: Ủy ban nhân dân các xã.
Đề nghị Ủy ban nhân dân các xã: Đồng Tiến, Khe Mai, Na Lương khẩn trương ra quân dọn vệ sinh; đề nghị Ủy ban MTTQ
Việt Nam huyện và các đoàn thể chính trị - xã hội huyện vận động nhân dân tham gia.
""")
    assert "Ủy ban nhân dân các xã: Đồng Tiến, Khe Mai, Na Lương" in lead
    assert "Ủy ban MTTQ Việt Nam huyện" in lead and "các đoàn thể chính trị - xã hội huyện" in lead


INVITE = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HƯNG LAM                          Độc lập - Tự do - Hạnh phúc
Số: 81/GM-UBND                     Hưng Lam, ngày 10 tháng 4 năm 2025
GIẤY MỜI
Họp bàn tiến độ xây dựng trường học
Ủy ban nhân dân tỉnh trân trọng kính mời lãnh đạo các sở dự cuộc họp vào lúc 8 giờ 00 ngày 15/4/2025 tại Hội trường
số 2. Giao Sở Giáo dục và Đào tạo chuẩn bị báo cáo chung; Ban Quản lý dự án đầu tư xây dựng tỉnh báo cáo tiến độ các
công trình. Sở Tài chính bố trí kinh phí tổ chức cuộc họp.
"""


def test_an_invitation_assigns_in_sentences_that_open_with_the_unit():
    out = EX.extract(INVITE + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n").to_json("t")
    assert set(out["lead_units"]) == {"Sở Giáo dục và Đào tạo", "Ban Quản lý dự án đầu tư xây dựng tỉnh",
                                      "Sở Tài chính"}


def test_a_report_telling_what_a_unit_does_assigns_nothing():
    report = INVITE.replace("GM-UBND", "BC-UBND").replace("GIẤY MỜI", "BÁO CÁO").replace(
        "Giao Sở Giáo dục và Đào tạo chuẩn bị báo cáo chung; ", "")
    out = EX.extract(report + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n").to_json("t")
    assert "Sở Tài chính" not in out["lead_units"]


def test_union_bodies_logistics_and_a_joint_office_keep_their_names():
    lead, coop = units("""V/v chuẩn bị Ngày hội thanh niên

Kính gửi: Các cơ quan, đơn vị liên quan.

1. Văn phòng HĐND và UBND huyện chủ trì, phối hợp với Huyện đoàn, Ban Hậu cần - Kỹ thuật chuẩn bị hội trường.
2. Liên đoàn Lao động huyện, Công đoàn ngành Giáo dục báo cáo kết quả trước ngày 20/4/2025.
3. Phòng Kế hoạch tổng hợp phối hợp với Phòng Tổ chức cán bộ hoàn tất hồ sơ.
4. Sở Thông tin và Truyền thông chủ trì, phối hợp với Tỉnh đoàn tổ chức tuyên truyền.
""")
    assert {"Văn phòng HĐND và UBND huyện", "Liên đoàn Lao động huyện", "Công đoàn ngành Giáo dục",
            "Phòng Kế hoạch tổng hợp", "Sở Thông tin và Truyền thông"} <= set(lead)
    assert {"Huyện đoàn", "Ban Hậu cần - Kỹ thuật", "Phòng Tổ chức cán bộ", "Tỉnh đoàn"} <= set(coop)


def test_a_working_group_with_a_duty_is_named_without_it():
    from nlp import unitnames

    text = "Tổ công tác có nhiệm vụ hướng dẫn các thôn rà soát."
    assert text[:unitnames.bound(text, 0)[1]] == "Tổ công tác"


ANNEXED = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HƯNG LAM                          Độc lập - Tự do - Hạnh phúc
Số: 412/QĐ-UBND                    Hưng Lam, ngày 09 tháng 4 năm 2025

QUYẾT ĐỊNH
Ban hành Danh mục nhiệm vụ chuyển đổi số năm 2025

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG LAM

Điều 1. Ban hành kèm theo Quyết định này Danh mục nhiệm vụ chuyển đổi số năm 2025.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:                              CHỦ TỊCH
- Như Điều 2;
- Lưu: VT.                              Trần Văn Bình

PHỤ LỤC
DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2025
(Kèm theo Quyết định số {number} ngày 09/4/2025 của Chủ tịch UBND tỉnh)

STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành
1\tSố hóa hồ sơ hộ tịch\tSở Tư pháp\tUBND các huyện\tTháng 9/2025
2\tNâng cấp Cổng dịch vụ công\tSở Khoa học và Công nghệ\tVăn phòng UBND tỉnh\tTrước ngày 15/11/2025
"""


def test_the_task_table_of_the_letters_own_annex_gives_units_and_deadlines_and_another_documents_does_not():
    own = EX.extract(ANNEXED.replace("{number}", "412/QĐ-UBND")).to_json("t")
    assert own["lead_units"] == ["Sở Tư pháp", "Sở Khoa học và Công nghệ"]
    assert own["cooperating_units"] == ["UBND các huyện", "Văn phòng UBND tỉnh"]
    assert sorted(d["date"] for d in own["deadlines"]) == ["2025-09", "2025-11-15"]
    assert not any("STT" in e["reason"] for e in own["review"])  # the table's header is no unread task
    other = EX.extract(ANNEXED.replace("{number}", "388/QĐ-UBND")).to_json("t")  # an annex of another decision
    assert other["lead_units"] == [] and other["deadlines"] == []


def test_a_task_table_whose_who_column_is_named_by_its_kind_gives_the_leads_and_a_statistics_table_none():
    lead, _ = units("""KẾ HOẠCH
Tổ chức Hội khỏe Phù Đổng cấp trường năm học 2025 - 2026
III. PHÂN CÔNG NHIỆM VỤ
| Bộ phận | Nhiệm vụ | Thời hạn |
| Tổ Thể dục - Nghệ thuật | Xây dựng điều lệ, lịch thi đấu | Trước ngày 26/9/2025 |
| Giáo viên chủ nhiệm các lớp | Đăng ký danh sách vận động viên | Trước ngày 30/9/2025 |
""")
    assert lead == ["Tổ Thể dục - Nghệ thuật", "Giáo viên chủ nhiệm các lớp"]
    lead, _ = units("""BÁO CÁO
Số liệu học sinh năm học 2025 - 2026
| Đơn vị | Số lớp | Số học sinh |
| Trường Tiểu học Hòa Bình | 12 | 410 |
| Trường Tiểu học Tân Lập | 9 | 302 |
""")
    assert lead == []


def test_a_procedures_table_laid_out_with_spaces_tells_roles_not_tasks():
    lead, _ = units("""KẾ HOẠCH
Quy trình tiếp nhận mẫu xét nghiệm
* Bước 1: Tiếp nhận mẫu
 STT      Công việc                 Bộ phận thực hiện        Ghi chú
   1      Nhập thông tin mẫu        Các cơ sở lấy mẫu         Gửi mẫu về Trung tâm
""")
    assert lead == []
    lead, _ = units("""KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2025
 STT      Nội dung                  Đơn vị chủ trì           Thời gian
   1      Đăng tin bài              Phòng Văn hóa và Thông tin      Hằng quý
""")
    assert lead == ["Phòng Văn hóa và Thông tin"]


def test_a_double_spaced_copy_keeps_names_and_items_that_its_blank_lines_cut():
    # a PDF's lines turned into a Word copy's paragraphs: one blank line after every line, the header's too
    letter = """ỦY BAN NHÂN DÂN                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAM GIANG                   Độc lập - Tự do - Hạnh phúc
Số: 512/UBND-KGVX                Lam Giang, ngày 04 tháng 5 năm 2025
V/v triển khai chuyển đổi số trong khám, chữa bệnh

Kính gửi: Sở Y tế; Sở Khoa học và Công nghệ.

Ủy ban nhân dân tỉnh có ý kiến như sau:
1. Giao Sở Y tế chủ trì, phối hợp với Sở Khoa học
và Công nghệ xây dựng lộ trình triển khai bệnh án điện tử
tại các bệnh viện tuyến tỉnh, báo cáo trước ngày 30/5/2025.
2. Sở Khoa học và Công nghệ hướng dẫn các bệnh viện
đánh giá mức độ an toàn thông tin của hệ thống.
"""
    single = EX.extract(letter)
    double = EX.extract(letter.replace("\n", "\n\n"))
    assert single.cooperating_units == ["Sở Khoa học và Công nghệ"]
    assert (double.lead_units, double.cooperating_units) == (single.lead_units, single.cooperating_units)


def test_election_bodies_a_joint_office_and_verbs_that_end_a_name():
    lead, coop = units("V/v chuẩn bị bầu cử\n\nKính gửi: Các Ban bầu cử.\n\n"
                       "1. Các Ban bầu cử kiểm tra công tác chuẩn bị của các Tổ bầu cử, báo cáo trước ngày 12/3/2026.\n"
                       "2. Văn phòng Đoàn ĐBQH và HĐND tỉnh chuẩn bị hội trường, phối hợp với Sở Nội vụ.\n"
                       "3. Các chi bộ trực thuộc đưa nội dung bầu cử vào sinh hoạt chi bộ tháng 3/2026.\n")
    assert lead == ["Các Ban bầu cử", "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Các chi bộ trực thuộc"]
    assert coop == ["Sở Nội vụ"]


def test_the_kinh_gui_line_is_not_read_into_the_body_sentence_under_it():
    letter = ("HỘI NÔNG DÂN TỈNH NAM SƠN\nBCH HỘI NÔNG DÂN HUYỆN ĐÔNG KHÊ\n*\nSố 21-GM/HNDH\n"
              "Đông Khê, ngày 07 tháng 4 năm 2025\nGIẤY MỜI\nTập huấn kỹ thuật canh tác bưởi hữu cơ\n"
              "Kính gửi: Ban Thường vụ Hội Nông dân các xã, thị trấn\n"
              "Trung tâm Khuyến nông huyện tổ chức lớp tập huấn kỹ thuật canh tác bưởi cho hội viên, cụ thể như sau:\n"
              "1. Thời gian: 01 ngày, khai mạc lúc 7 giờ 30 ngày 15/4/2025.\n"
              "Đề nghị Ban Thường vụ Hội Nông dân các xã, thị trấn lựa chọn học viên, gửi danh sách trước ngày 11/4/2025.\n")
    assert EX.extract(letter).lead_units == ["Ban Thường vụ Hội Nông dân các xã, thị trấn", "Trung tâm Khuyến nông huyện"]


def test_a_plan_that_opens_with_its_first_section_is_read_from_there():
    # no "Căn cứ" or "Thực hiện" before "I. MỤC ĐÍCH, YÊU CẦU": the body starts at the section, not at the task
    # table's "Thời gian hoàn thành" column further down
    letter = ("ỦY BAN NHÂN DÂN\nTỈNH NAM SƠN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "Số: 74/KH-UBND\nNam Sơn, ngày 28 tháng 3 năm 2024\nKẾ HOẠCH\nNâng cao chỉ số cải cách hành chính năm 2024\n"
              "I. MỤC ĐÍCH, YÊU CẦU\nKhắc phục các chỉ số thành phần giảm điểm năm 2023.\n"
              "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh theo dõi, báo cáo trước ngày "
              "15/6/2024.\n2. Các sở, ban, ngành thực hiện nhiệm vụ tại Phụ lục.\n"
              "PHỤ LỤC\nSTT\nNhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành\n"
              "1\nCông khai thủ tục hành chính\nSở Thông tin và Truyền thông\nCác sở, ban, ngành\nQuý II/2024\n")
    found = EX.extract(letter)
    assert "Sở Nội vụ" in found.lead_units and "Văn phòng UBND tỉnh" in found.cooperating_units
    assert "2024-06-15" in [d["date"] for d in found.deadlines]


def test_a_units_role_in_parentheses_between_its_name_and_its_task():
    lead, _ = units("V/v ứng phó bão số 3\n\nKính gửi: Các sở, ngành tỉnh.\n\n"
                    "1. Sở Nông nghiệp và Môi trường (cơ quan thường trực Ban Chỉ huy phòng, chống thiên tai tỉnh) theo dõi"
                    " chặt chẽ diễn biến của bão, báo cáo Chủ tịch UBND tỉnh trước 16 giờ hằng ngày.\n"
                    "2. Công an tỉnh bố trí lực lượng hỗ trợ sơ tán dân.\n")
    assert lead == ["Sở Nông nghiệp và Môi trường", "Công an tỉnh"]


def test_notes_and_qualifiers_around_a_units_name():
    lead, coop = units("V/v tổ chức kỳ thi tuyển sinh lớp 10\n\nKính gửi: Các đơn vị liên quan.\n\n"
                       "1. Trường THPT Nguyễn Trãi (nơi đặt điểm thi) bố trí phòng thi, phối hợp với Đội Cảnh sát giao "
                       "thông - Trật tự (Công an huyện) bảo đảm an toàn.\n"
                       "2. Sở Giao thông vận tải, Sở Y tế theo chức năng, nhiệm vụ được giao chủ động phương án hỗ trợ.\n"
                       "3. Hội đồng bồi thường, hỗ trợ và tái định cư huyện hoàn thành phương án trước ngày 30/6/2025.\n")
    assert lead == ["Trường THPT Nguyễn Trãi", "Sở Giao thông vận tải", "Sở Y tế",
                    "Hội đồng bồi thường, hỗ trợ và tái định cư huyện"]
    assert coop == ["Đội Cảnh sát giao thông - Trật tự (Công an huyện)"]


def test_a_capitalised_collective_before_its_colon_list():
    lead, _ = units("V/v ứng phó bão\n\nKính gửi: Các sở, ngành.\n\n"
                    "1. Các Sở: Xây dựng, Công Thương, Y tế theo chức năng, nhiệm vụ chủ động triển khai phương án.\n")
    assert lead == ["Các Sở: Xây dựng, Công Thương, Y tế"]


def test_a_steering_body_ends_before_its_task():
    decision = HEAD.replace("77/KH-UBND", "77/QĐ-UBND") + (
        "QUYẾT ĐỊNH\nVề việc thành lập Ban Chỉ đạo phòng, chống dịch\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Thành lập Ban Chỉ đạo phòng, chống dịch tỉnh gồm các ông, bà có tên sau.\n"
        "Điều 2. Ban Chỉ đạo có nhiệm vụ giúp UBND tỉnh chỉ đạo, kiểm tra các huyện triển khai phòng, chống dịch.\n")
    assert EX.extract(decision).lead_units == ["Ban Chỉ đạo"]
    lead, _ = units("V/v nông thôn mới\n\nKính gửi: Các xã.\n\n"
                    "1. Ban Chỉ đạo xây dựng nông thôn mới huyện kiểm tra các xã, báo cáo trước ngày 30/6/2025.\n")
    assert lead == ["Ban Chỉ đạo xây dựng nông thôn mới huyện"]


def test_a_note_that_tells_which_body_stays_with_the_name():
    lead, _ = units("V/v bàn giao hồ sơ\n\nKính gửi: Các đơn vị.\n\n"
                    "1. Phòng Tài nguyên và Môi trường huyện Đông Khê (cũ) chủ trì bàn giao hồ sơ địa chính trước ngày "
                    "30/9/2025.\n")
    assert lead == ["Phòng Tài nguyên và Môi trường huyện Đông Khê (cũ)"]


def test_a_party_committee_that_leads_a_task_ends_before_lanh_dao():
    lead, _ = units("V/v phòng cháy rừng\n\nKính gửi: Các chi, đảng bộ cơ sở.\n\n"
                    "Ban Thường vụ yêu cầu Đảng ủy các xã, thị trấn lãnh đạo kiện toàn Ban Chỉ huy phòng cháy rừng cấp xã,"
                    " hoàn thành trước ngày 20/12/2025.\n")
    assert lead == ["Đảng ủy các xã, thị trấn"]


def test_a_body_that_keeps_watch_ends_before_truc_ban_and_a_duty_team_keeps_its_name():
    lead, _ = units("V/v ứng phó bão\n\nKính gửi: Các sở, ngành.\n\n"
                    "1. Văn phòng Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh trực ban nghiêm túc 24/24 "
                    "giờ, báo cáo kịp thời.\n")
    assert lead == ["Văn phòng Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh"]
    lead, _ = units("V/v trực Tết\n\nKính gửi: Các phòng.\n\n"
                    "1. Tổ trực ban cơ quan báo cáo tình hình hằng ngày về Văn phòng trước 16 giờ.\n")
    assert lead == ["Tổ trực ban cơ quan"]


def test_paragraphs_under_a_request_that_lists_its_tasks_are_its_items():
    lead, coop = units("V/v phòng dịch\n\nKính gửi: Các đơn vị.\n\nSở Y tế yêu cầu:\n\n"
                       "Trung tâm Kiểm soát bệnh tật tỉnh chủ trì tổ chức giám sát véc tơ.\n\n"
                       "Các bệnh viện tuyến tỉnh rà soát, sẵn sàng khu vực cách ly.\n\n"
                       "Trung tâm Truyền thông phối hợp với Đài Phát thanh tỉnh xây dựng phóng sự.\n")
    assert lead == ["Trung tâm Kiểm soát bệnh tật tỉnh", "Các bệnh viện tuyến tỉnh", "Trung tâm Truyền thông"]
    assert coop == ["Đài Phát thanh tỉnh"]


def test_a_ground_over_the_articles_opens_no_list_of_tasks():
    decision = HEAD.replace("77/KH-UBND", "78/QĐ-UBND") + (
        "QUYẾT ĐỊNH\nVề việc ban hành Quy định tuyển chọn nhiệm vụ khoa học\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n"
        "Căn cứ Luật Khoa học và Công nghệ;\nXét đề nghị của Giám đốc Sở Khoa học và Công nghệ:\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy định tuyển chọn nhiệm vụ khoa học.\n\n"
        "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này.\n")
    assert EX.extract(decision).lead_units == []


def test_the_plural_of_a_word_for_any_body_points_back_at_the_named_addressees():
    lead, coop = units("""V/v khắc phục ngập úng tại khu dân cư Bến Sậy
Kính gửi:
- Phòng Quản lý đô thị huyện;
- Công ty Cổ phần Cấp nước Hưng Lam.
1. Công ty Cổ phần Cấp nước Hưng Lam kiểm tra, nạo vét tuyến cống dọc đường Lê Lợi.
2. Phòng Quản lý đô thị huyện chủ trì, phối hợp với các đơn vị trên kiểm tra hiện trường.
Đề nghị các đơn vị xem xét, trả lời bằng văn bản trong thời hạn 15 ngày làm việc.
""")
    assert sorted(lead) == ["Công ty Cổ phần Cấp nước Hưng Lam", "Phòng Quản lý đô thị huyện"]
    assert coop == ["các đơn vị trên"]


def test_the_same_plural_in_a_letter_to_collectives_names_them():
    lead, _ = units("""V/v góp ý dự thảo Quy định bảo vệ môi trường
Kính gửi:
- Các sở, ban, ngành thuộc tỉnh;
- Ủy ban nhân dân các huyện, thị xã.
Sở Tài nguyên và Môi trường đề nghị các cơ quan, đơn vị nghiên cứu, góp ý vào dự thảo.
""")
    assert lead == ["các cơ quan, đơn vị"]


def test_more_verbs_end_a_name_and_a_supplier_is_a_noun():
    lead, coop = units("""V/v chuẩn bị ứng phó mưa lũ
Kính gửi: Ủy ban nhân dân các xã.
1. Ủy ban nhân dân xã Tân An kích hoạt phương án sơ tán dân tại các thôn ven sông.
2. Ủy ban nhân dân xã Hòa Bình làm chủ đầu tư công trình kè chống sạt lở.
3. Trạm Y tế xã Tân An chủ trì, phối hợp với Trung tâm Kiểm soát bệnh tật tỉnh phun hóa chất diệt khuẩn.
Đề nghị các đơn vị, nhà cung cấp gửi báo giá trước ngày 20/4/2025.
""")
    assert sorted(lead) == ["Trạm Y tế xã Tân An", "các đơn vị, nhà cung cấp", "Ủy ban nhân dân xã Hòa Bình",
                            "Ủy ban nhân dân xã Tân An"]
    assert coop == ["Trung tâm Kiểm soát bệnh tật tỉnh"]


def test_the_addressees_asked_again_to_join_in_are_no_cooperating_unit():
    lead, coop = units("""V/v tổ chức Ngày hội đọc sách năm 2025
Kính gửi: Hiệu trưởng các trường tiểu học.
Phòng Giáo dục và Đào tạo đề nghị Hiệu trưởng các trường tiểu học tổ chức Ngày hội đọc sách cho học sinh.
Đề nghị các đơn vị phối hợp triển khai thực hiện./.
""")
    assert lead == ["Hiệu trưởng các trường tiểu học"]
    assert coop == []


def test_a_list_of_asked_units_goes_on_past_a_semicolon_and_a_duty_clause_past_one_too():
    lead, _ = units("""V/v treo cờ Tổ quốc dịp Quốc khánh
Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị của Trung ương đóng trên địa bàn; các sở, ban, ngành treo cờ Tổ quốc từ ngày 01/9/2025 đến hết ngày 03/9/2025.
Ủy ban nhân dân các xã có trách nhiệm nhắc nhở việc treo cờ ở khu dân cư; Thủ trưởng các cơ quan, đơn vị kiểm tra việc treo cờ tại đơn vị mình./.
""")
    assert set(lead) == {"Thủ trưởng các cơ quan, đơn vị", "Ủy ban nhân dân các xã",
                         "các cơ quan, đơn vị của Trung ương đóng trên địa bàn", "các sở, ban, ngành"}


def test_the_plural_over_items_that_name_each_unit_is_those_units():
    # the addressees include a collective ("các xã"), so only the items can tell that "các đơn vị" are the named ones
    lead, coop = units("""GIẤY MỜI
Dự Hội nghị sơ kết công tác thu ngân sách 6 tháng đầu năm 2025
Kính gửi:
- Chi cục Thuế khu vực Tây Hà;
- Kho bạc Nhà nước khu vực Tây Hà;
- Chủ tịch UBND các xã.
Để Hội nghị đạt kết quả, đề nghị các đơn vị chuẩn bị:
- Chi cục Thuế khu vực Tây Hà chuẩn bị báo cáo kết quả thu 6 tháng.
- Kho bạc Nhà nước khu vực Tây Hà cung cấp số liệu thu, chi ngân sách.
Đề nghị các đồng chí được mời dự đúng thành phần./.
""")
    assert sorted(lead) == ["Chi cục Thuế khu vực Tây Hà", "Kho bạc Nhà nước khu vực Tây Hà"]
    assert coop == []


def test_phong_chong_prevention_goes_on_a_name_and_is_no_department():
    lead, coop = units("""V/v ứng phó với bão số 5
Giao Cục Quản lý đê điều và Phòng, chống thiên tai chủ trì, phối hợp với Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh Nam Sơn theo dõi diễn biến của bão.
""")
    assert lead == ["Cục Quản lý đê điều và Phòng, chống thiên tai"]
    assert coop == ["Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh Nam Sơn"]


def test_the_taxpayer_in_a_teams_name_is_a_noun():
    lead, coop = units("""V/v tập huấn hóa đơn điện tử
Giao Đội Tuyên truyền - Hỗ trợ người nộp thuế chủ trì, phối hợp với Đội Kê khai - Kế toán thuế và Tin học chuẩn bị tài liệu tập huấn.
""")
    assert lead == ["Đội Tuyên truyền - Hỗ trợ người nộp thuế"]
    assert coop == ["Đội Kê khai - Kế toán thuế và Tin học"]


def test_an_addressees_portfolio_in_the_kinh_gui_block_is_no_task():
    # a word processor's header table read row by row (tabs): the lines below are read for table rows too
    got = EX.extract("""ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
QUẬN ĐÔNG KHÊ\tĐộc lập - Tự do - Hạnh phúc
Số: 356/GM-UBND\tĐông Khê, ngày 14 tháng 7 năm 2025
GIẤY MỜI\tGIẤY MỜI
Dự Hội nghị sơ kết công tác cải cách hành chính\tDự Hội nghị sơ kết công tác cải cách hành chính
Kính gửi:
Trưởng các phòng, ban, đơn vị thuộc UBND quận;
Chủ tịch UBND các phường;
Công chức Văn phòng - Thống kê phụ trách cải cách hành chính các phường.
Ủy ban nhân dân quận Đông Khê trân trọng kính mời các đồng chí dự Hội nghị:
Thời gian: 14 giờ 00 phút, thứ Năm ngày 17 tháng 7 năm 2025.
Giao Phòng Nội vụ chuẩn bị báo cáo sơ kết.
Nơi nhận:
Như thành phần mời;
Lưu: VT.
""").to_json("t")
    assert got["recipients"][-1] == "Công chức Văn phòng - Thống kê phụ trách cải cách hành chính các phường"
    assert got["lead_units"] == ["Phòng Nội vụ"]


def test_a_conclusions_item_names_its_matter_before_the_unit_that_acts():
    lead, _ = units("""THÔNG BÁO
Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc với huyện Đông Khê
1. Về đầu tư tuyến đường liên xã: Ủy ban nhân dân huyện Đông Khê hoàn thiện hồ sơ, gửi Sở Xây dựng.
2. Về đề nghị hỗ trợ kinh phí sửa chữa trụ sở: Sở Tài chính xem xét, tham mưu trước ngày 30/5/2025.
""")
    assert sorted(lead) == ["Sở Tài chính", "Ủy ban nhân dân huyện Đông Khê"]


def test_the_youth_union_of_the_province_is_the_issuer_by_its_short_name():
    got = EX.extract("""BCH ĐOÀN TỈNH HƯNG LAM
Số: 215-CV/TĐTN-VP
Hưng Lam, ngày 09 tháng 9 năm 2024
V/v trả lời đề nghị của Hội đồng Đội tỉnh
Kính gửi: Hội đồng Đội tỉnh Hưng Lam.
3. Về đề nghị hỗ trợ kinh phí: Tỉnh đoàn hỗ trợ 5.000.000 đồng từ nguồn kinh phí hoạt động năm 2024.
""").to_json("t")
    assert got["lead_units"] == []


def test_chief_judges_and_chief_procurators_are_office_holders():
    lead, _ = units("""V/v giải đáp vướng mắc trong xét xử
Đề nghị Chánh án Tòa án nhân dân tỉnh Hưng Lam, Viện trưởng Viện kiểm sát nhân dân tỉnh Hưng Lam nghiên cứu, áp dụng thống nhất.
""")
    assert sorted(lead) == ["Chánh án Tòa án nhân dân tỉnh Hưng Lam", "Viện trưởng Viện kiểm sát nhân dân tỉnh Hưng Lam"]


def test_party_bodies_commanders_and_cooperatives_are_units():
    lead, coop = units("""V/v chuẩn bị diễn tập phòng thủ khu vực
Đề nghị Đảng đoàn Hội đồng nhân dân huyện Tân Lạc, Chỉ huy trưởng Ban Chỉ huy Quân sự huyện Tân Lạc chủ trì, phối hợp với Hợp tác xã Nông nghiệp Thành Công và các công đoàn cơ sở xây dựng phương án.
""")
    assert sorted(lead) == ["Chỉ huy trưởng Ban Chỉ huy Quân sự huyện Tân Lạc", "Đảng đoàn Hội đồng nhân dân huyện Tân Lạc"]
    assert sorted(coop) == ["Hợp tác xã Nông nghiệp Thành Công", "các công đoàn cơ sở"]
