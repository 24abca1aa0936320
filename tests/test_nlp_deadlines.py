"""Deadlines as a clerk reads them: the day, whether it ends before that day or with it, the hour, and only the
deadlines this letter sets. Letters here are invented by the project."""

import time

from nlp import Extractor
from nlp.deadlines import find_deadlines

EX = Extractor()
HEAD = ("ỦY BAN NHÂN DÂN QUẬN 11\nPHÒNG NỘI VỤ\nSố: 41/PNV-TCCB\nQuận 11, ngày 05 tháng 5 năm 2025\n"
        "V/v báo cáo số liệu cán bộ\nKính gửi: Ủy ban nhân dân các phường\n")


def deadlines(body: str) -> list[dict]:
    return EX.extract(HEAD + body).deadlines


def test_before_a_day_at_an_hour_keeps_the_hour_and_the_bound():
    (found,) = deadlines("Đề nghị Ủy ban nhân dân các phường gửi báo cáo trước 16 giờ 00 ngày 27/5/2025.\n")
    assert (found["date"], found["bound"], found["time"]) == ("2025-05-27", "before", "16:00")


def test_before_a_day_is_before_and_at_the_latest_is_by():
    found = deadlines("Các phường gửi danh sách trước ngày 14/8. Hoàn thành chậm nhất trong ngày 20/8/2025.\n")
    assert [(d["date"], d["bound"]) for d in found] == [("2025-08-14", "before"), ("2025-08-20", "by")]
    assert "time" not in found[0]


def test_a_deadline_phrase_wrapped_over_two_lines_is_read():
    found = deadlines("Đề nghị các phường tổng hợp, gửi về Phòng Nội vụ trước\n      ngày 10/6/2025 để tổng hợp.\n")
    assert [d["date"] for d in found] == ["2025-06-10"]


def test_a_limit_in_working_days_counted_from_an_event():
    found = deadlines("Trong thời hạn 60 ngày làm việc kể từ ngày nhận đủ hồ sơ, Ủy ban nhân dân phường trả lời "
                      "bằng văn bản.\n")
    assert [(d["relative_working_days"], d["date"]) for d in found] == [(60, None)]


def test_a_limit_of_at_most_so_many_working_days_is_read():
    found = deadlines("Đề nghị Ủy ban nhân dân các phường có ý kiến bằng văn bản trong thời hạn không quá 15 ngày "
                      "làm việc kể từ ngày nhận được văn bản này. Phòng Tư pháp thẩm định trong vòng tối đa 07 ngày "
                      "làm việc.\n")
    assert [d["relative_working_days"] for d in found] == [15, 7]


def test_month_and_quarter_level_deadlines():
    found = deadlines("Các phường hoàn thành việc rà soát trong tháng 7/2025 và báo cáo kết quả trong Quý III "
                      "năm 2025.\n")
    assert [d["date"] for d in found] == ["2025-07", None]
    assert found[1]["quarter"] == "2025-Q3"


def test_dates_quoted_from_other_documents_are_not_deadlines():
    found = deadlines("Theo Nghị định, “hồ sơ nộp trước ngày 30/6/2025 được giải quyết theo quy định cũ”. "
                      "Giấy chứng nhận đã cấp trước ngày 10/12/2009 được giữ nguyên.\n")
    assert found == []


def test_a_labelled_limit_ends_with_its_day():
    found = deadlines("Hạn nộp hồ sơ: ngày 30/5/2025. Thời hạn gửi báo cáo là 16 giờ 00 ngày 28/5/2025.\n")
    assert [(d["date"], d["bound"], d.get("time")) for d in found] == [("2025-05-30", "by", None),
                                                                        ("2025-05-28", "by", "16:00")]


def test_a_deadline_in_the_subject_of_a_cited_letter_is_not_this_letters():
    found = deadlines("Thực hiện Công văn số 12/SYT-KH ngày 02/5/2025 của Sở Y tế về việc báo cáo trước ngày "
                      "30/5/2025, Phòng Nội vụ đề nghị các phường báo cáo trước ngày 20/5/2025.\n")
    assert [d["date"] for d in found] == ["2025-05-20"]


def test_the_deadline_reader_is_linear_in_repeated_phrases():
    """A quadratic reader takes minutes here (it took 81 s on 184k characters); this one reads 480k characters."""
    phrase = "trong thời hạn 10 ngày làm việc "
    found = find_deadlines(phrase * 15_000, 0, 2025, [])
    assert [d.relative_working_days for d in found] == [10]

    def cost(n: int) -> float:
        runs = []
        for _ in range(3):
            t0 = time.process_time()
            for body in ("Đề nghị Sở Nội vụ báo cáo trước ngày 15/3/2025 " * n, phrase * n,
                         "“chậm nhất ngày 15/3 " * n):
                find_deadlines(body, 0, 2025, [])
            runs.append(time.process_time() - t0)
        return min(runs)

    small, large = cost(400), cost(4_000)
    assert large < 30 * max(small, 1e-3)  # linear: about 10 times; quadratic: about 100 times


def test_a_deadline_a_cited_letter_set_is_not_this_letters():
    found = deadlines("Thực hiện Công văn số 120/SNV-XDCQ ngày 02/5/2025 của Sở Nội vụ yêu cầu báo cáo trước ngày 30/5/2025,"
                      " đề nghị Ủy ban nhân dân các phường gửi báo cáo về Phòng Nội vụ trước ngày 20/5/2025.\n")
    assert [d["date"] for d in found] == ["2025-05-20"]


def test_a_weekday_in_front_of_the_day_in_parentheses():
    found = deadlines("Đề nghị các phường gửi báo cáo chậm nhất vào thứ Sáu (16/5/2025).\n")
    assert [(d["date"], d["bound"], d["text"]) for d in found] == [
        ("2025-05-16", "by", "chậm nhất vào thứ Sáu (16/5/2025)")]


def test_a_day_that_comes_back_every_month():
    found = deadlines("Định kỳ, các phường gửi báo cáo tiến độ về Phòng Nội vụ trước ngày 15 hằng tháng.\n")
    assert [(d["date"], d.get("recurring"), d.get("day_of_month"), d["bound"]) for d in found] == [
        (None, "monthly", 15, "before")]


def test_a_window_for_receiving_closes_on_a_deadline_and_a_window_for_doing_does_not():
    found = deadlines("1. Thời gian nhận hồ sơ: Từ ngày 12/5/2025 đến ngày 30/5/2025.\n\n"
                      "2. Thời gian thực hiện: từ ngày 01/6/2025 đến ngày 30/9/2025.\n")
    assert [(d["date"], d["bound"]) for d in found] == [("2025-05-30", "by")]
    found = deadlines("Thời gian tiếp nhận ý kiến góp ý của nhân dân từ ngày 12/5/2025 đến hết ngày 26/5/2025.\n")
    assert [d["date"] for d in found] == ["2025-05-26"]


def test_a_working_day_limit_this_letter_sets_after_citing_a_decree():
    found = deadlines("Đề nghị các phường lập danh sách theo Mẫu số 02 ban hành kèm theo Nghị định số "
                      "99/2024/NĐ-CP và gửi về Phòng Nội vụ trong thời hạn 10 ngày làm việc kể từ ngày nhận được "
                      "văn bản này.\n")
    assert [d["relative_working_days"] for d in found] == [10]
    found = deadlines("Theo quy định tại Điều 8 Nghị định số 99/2024/NĐ-CP, trong thời hạn 15 ngày làm việc cơ quan "
                      "tiếp nhận phải trả lời.\n")
    assert found == []


def test_a_plans_phases_end_on_their_last_day_and_month_cells_are_deadlines():
    from nlp.deadlines import find_deadlines
    text = ("- Giai đoạn 1: từ ngày 10/3/2025 đến ngày 30/4/2025 (tuyên truyền).\n"
            "| 1 | Tập huấn cán bộ | Phòng Nội vụ | Tháng 6/2025 |\n"
            "2. Tổ chức hội thi. Thời gian: tháng 8 - tháng 10/2025.\n"
            "| 3 | Kiểm tra cơ sở | Phòng Y tế | Tháng 6 và tháng 11/2025 |\n")
    dates = sorted(d.date for d in find_deadlines(text, 0, 2025, []))
    assert dates == ["2025-04-30", "2025-06", "2025-10", "2025-11"]


def test_a_day_to_finish_within_a_labelled_quarter_and_a_regulations_own_date():
    found = deadlines("1. Phường 3 cắm biển cảnh báo tại các điểm sạt lở; hoàn thành trong ngày 08/5/2025.\n"
                      "2. Phường 5 tổ chức tập huấn cho cán bộ. Thời gian hoàn thành: Quý III/2025.\n"
                      "Lưu ý: Theo quy định tại Thông tư số 07/2024/TT-BNV, báo cáo định kỳ được gửi về Bộ trước "
                      "ngày 15 tháng 7 hằng năm.\n")
    assert [(d["date"], d["bound"]) for d in found] == [("2025-05-08", "by"), (None, "by")]
    assert found[1]["quarter"] == "2025-Q3"


def test_the_plan_a_decision_issues_is_read_for_its_deadlines():
    text = ("ỦY BAN NHÂN DÂN QUẬN 11\nSố: 77/QĐ-UBND\nQuận 11, ngày 05 tháng 5 năm 2025\nQUYẾT ĐỊNH\n"
            "Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền cải cách hành chính năm 2025.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n"
            "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nCHỦ TỊCH\n\n"
            "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\n"
            "(Kèm theo Quyết định số 77/QĐ-UBND ngày 05/5/2025 của Ủy ban nhân dân Quận 11)\n"
            "1. Phòng Nội vụ biên soạn tài liệu tuyên truyền, hoàn thành trước ngày 30/6/2025.\n")
    assert [d["date"] for d in EX.extract(text).deadlines] == ["2025-06-30"]


def test_a_limit_counted_from_receipt_under_a_cited_regulation_is_this_letters():
    found = deadlines("1. Phòng Quản lý đô thị có ý kiến bằng văn bản về phương án; thời gian trả lời trong thời hạn "
                      "15 ngày làm việc kể từ ngày nhận được hồ sơ đầy đủ, theo quy định tại Điều 8 của Quy chế phối "
                      "hợp.\nTheo quy định tại Nghị định số 61/2018/NĐ-CP, hồ sơ được giải quyết trong thời hạn 10 ngày "
                      "làm việc.\n")
    assert [d["relative_working_days"] for d in found] == [15]


def test_the_coordination_rules_limit_after_a_meeting_is_this_letters_request():
    found = deadlines("Theo quy định tại Quy chế phối hợp giữa các phòng, ban và Ủy ban nhân dân các phường, đơn vị "
                      "vắng mặt gửi ý kiến bằng văn bản về Phòng Nội vụ trong thời hạn 07 ngày làm việc kể từ ngày kết "
                      "thúc cuộc họp; quá thời hạn nêu trên mà không có ý kiến thì xem như thống nhất.\n")
    assert [d["relative_working_days"] for d in found] == [7]


def test_what_a_cited_letter_holds_after_trong_do_is_not_this_letters():
    found = deadlines("Thực hiện Công văn số 1520/UBND-NN ngày 28/4/2025 của Ủy ban nhân dân thành phố về phòng trừ "
                      "sâu bệnh, trong đó giao Phòng Kinh tế thống kê diện tích nhiễm bệnh, đề xuất hỗ trợ và yêu cầu "
                      "các phường báo cáo kết quả trước ngày 30/5/2025.\nĐề nghị Ủy ban nhân dân các phường báo cáo "
                      "về Phòng Nội vụ trước ngày 22/5/2025.\n")
    assert [d["date"] for d in found] == ["2025-05-22"]


def test_the_writers_own_plan_for_a_month_is_no_units_deadline():
    found = deadlines("Phòng Nội vụ sẽ tổ chức kiểm tra công tác cải cách hành chính tại các phường trong tháng 6/2025. "
                      "Đề nghị các phường hoàn thành báo cáo tự đánh giá trong tháng 5/2025.\n")
    assert [d["date"] for d in found] == ["2025-05"]


def test_a_task_to_have_an_act_signed_by_a_day_is_a_deadline():
    found = deadlines("Đề nghị các phường góp ý dự thảo. Phòng Nội vụ tổng hợp, hoàn chỉnh dự thảo, trình Chủ tịch "
                      "Ủy ban nhân dân quận ký ban hành trước ngày 25/5/2025.\n")
    assert [d["date"] for d in found] == ["2025-05-25"]
    assert deadlines("Quy chế được ban hành trước ngày 01/01/2025 vẫn được áp dụng.\n") == []


def test_a_clause_asking_to_issue_an_act_by_a_day_is_a_deadline_but_acts_issued_before_it_are_not():
    found = deadlines("Phòng Nội vụ chủ trì tổng hợp danh sách học viên, ban hành Quyết định triệu tập trước ngày "
                      "25/5/2025.\n")
    assert [d["date"] for d in found] == ["2025-05-25"]
    assert deadlines("Các văn bản ban hành trước ngày 01/01/2025 tiếp tục được áp dụng.\n") == []


def test_the_limit_a_cited_letter_set_is_not_this_letters():
    got = deadlines("Ngày 17/4/2025, Sở Nội vụ có Công văn số 1097/SNV-CCVC đề nghị các quận báo cáo kết quả tinh "
                    "giản biên chế, thời hạn gửi báo cáo trước ngày 25/4/2025. Đến nay Phòng Nội vụ chưa nhận đủ báo "
                    "cáo; đề nghị các phường gửi báo cáo trước ngày 12/5/2025.\n")
    assert [d["date"] for d in got] == ["2025-05-12"]


def test_a_day_that_dates_what_happened_but_not_yet_is_no_limit():
    got = deadlines("Đối với các hồ sơ đã nộp trước ngày 01/5/2025 nhưng chưa giải quyết xong, đề nghị Ủy ban nhân "
                    "dân các phường giải quyết, báo cáo kết quả trước ngày 20/5/2025.\n")
    assert [d["date"] for d in got] == ["2025-05-20"]


def test_an_earlier_letters_history_told_in_its_own_sentence_sets_no_limit_here():
    got = deadlines("Ngày 12/4/2025, Sở Nội vụ có Công văn số 241/SNV-CCVC đề nghị Ủy ban nhân dân các quận rà soát "
                    "đối tượng, Chương trình bồi dưỡng năm 2025, thời hạn gửi trước ngày 30/4/2025. Đề nghị Ủy ban "
                    "nhân dân các phường gửi báo cáo trước ngày 15/5/2025.\n")
    assert [d["date"] for d in got] == ["2025-05-15"]
