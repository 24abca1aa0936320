"""The regulation's time limits (QĐ 1342/QĐ-UBND) computed by the rule pack."""

from datetime import date

import pytest

from tracker.rules import (FLAG_CAPPED, FLAG_MOVED, FLAG_SHORT_REQUEST, Request, RuleError, RulePack,
                           compute_deadline)

D = date.fromisoformat


def deadline(pack, calendar, rule, **request):
    received = D(request.pop("received", "2026-02-10"))
    for key in ("requested_due", "statutory_due", "meeting_end", "answers_received"):
        if key in request:
            request[key] = D(request[key])
    return compute_deadline(pack, calendar, rule, Request(received=received, **request))


def test_a_written_consultation_without_a_time_is_due_15_working_days_after_receipt(pack, calendar):
    d = deadline(pack, calendar, "written", received="2026-02-10")
    assert (d.due, d.basis, d.working_days, d.on_lapse) == (D("2026-03-10"), "default", 15, "deemed_agreed")
    assert d.articles == ("điểm a khoản 3 Điều 7",)


def test_a_time_set_by_law_wins_over_the_requested_time(pack, calendar):
    d = deadline(pack, calendar, "written", received="2026-03-02", statutory_working_days=10, requested_working_days=5)
    assert d.basis == "statutory"
    assert d.due == D("2026-03-16")


def test_the_lead_units_requested_date_is_honoured(pack, calendar):
    d = deadline(pack, calendar, "written", received="2026-03-02", requested_due="2026-03-12")
    assert (d.due, d.basis, d.flags) == (D("2026-03-12"), "requested", ())


def test_a_requested_date_on_a_day_off_moves_to_the_next_working_day(pack, calendar):
    d = deadline(pack, calendar, "written", received="2026-03-02", requested_due="2026-03-14")
    assert d.due == D("2026-03-16")
    assert d.moved_from == D("2026-03-14")
    assert FLAG_MOVED in d.flags


def test_a_requested_date_on_a_make_up_saturday_stays(pack, calendar):
    d = deadline(pack, calendar, "written", received="2025-04-14", requested_due="2025-04-26")
    assert d.due == D("2025-04-26")
    assert d.moved_from is None


def test_a_request_that_leaves_too_little_time_to_study_is_flagged(pack, calendar):
    d = deadline(pack, calendar, "written", received="2026-03-02", requested_working_days=2, urgent=True)
    assert d.due == D("2026-03-04")
    assert FLAG_SHORT_REQUEST in d.flags


def test_a_meeting_gives_absent_units_7_working_days_after_it_ends(pack, calendar):
    d = deadline(pack, calendar, "meeting", received="2025-03-05", meeting_end="2025-03-12")
    assert (d.start, d.due, d.on_lapse) == (D("2025-03-12"), D("2025-03-21"), "deemed_agreed")


def test_the_chairs_concluded_time_replaces_the_7_days(pack, calendar):
    d = deadline(pack, calendar, "meeting", meeting_end="2025-03-12", requested_due="2025-03-31")
    assert d.due == D("2025-03-31")


def test_a_meeting_rule_needs_the_meeting_date(pack, calendar):
    with pytest.raises(RuleError, match="meeting"):
        deadline(pack, calendar, "meeting")


def test_other_forms_are_capped_at_15_working_days(pack, calendar):
    d = deadline(pack, calendar, "other", received="2025-05-06", requested_working_days=20)
    assert (d.due, d.basis, d.working_days) == (D("2025-05-27"), "capped", 15)
    assert FLAG_CAPPED in d.flags


def test_other_forms_within_the_cap_keep_the_requested_time(pack, calendar):
    d = deadline(pack, calendar, "other", received="2025-05-06", requested_working_days=10)
    assert (d.due, d.basis, d.flags) == (D("2025-05-20"), "requested", ())


def test_a_requested_date_beyond_the_cap_is_capped_too(pack, calendar):
    d = deadline(pack, calendar, "other", received="2025-05-06", requested_due="2025-06-30")
    assert d.due == D("2025-05-27")
    assert FLAG_CAPPED in d.flags


def test_an_unanswered_ward_recommendation_escalates_instead_of_being_deemed_agreed(pack, calendar):
    d = deadline(pack, calendar, "ward-recommendation", received="2025-03-03")
    assert d.on_lapse == "escalate"
    assert d.due == D("2025-03-24")
    assert not pack.rule("ward-recommendation").deemed_agreed_on_lapse


def test_a_department_consulting_others_counts_from_their_answers(pack, calendar):
    d = deadline(pack, calendar, "ward-recommendation", received="2025-03-03", answers_received="2025-03-20")
    assert d.start == D("2025-03-20")
    assert d.due == D("2025-04-11")


def test_a_silent_ward_is_deemed_to_agree_and_listed_for_the_chairman(pack, calendar):
    d = deadline(pack, calendar, "ward-consultation", received="2026-02-10")
    assert d.due == D("2026-03-10")
    assert d.on_lapse == "report_silent"
    assert pack.rule("ward-consultation").deemed_agreed_on_lapse


def test_a_personnel_request_is_not_deemed_agreed(pack, calendar):
    rule = pack.rule("personnel")
    assert rule.on_lapse == "overdue" and not rule.deemed_agreed_on_lapse
    assert "lý do" in rule.note


@pytest.mark.parametrize("received,due", [("2026-11-25", "2027-05-14"), ("2026-05-01", "2026-05-14"),
                                          ("2026-05-20", "2026-11-13")])
def test_semiannual_reports_are_due_before_15_may_and_15_november(pack, calendar, received, due):
    # 14/11/2026 is a Saturday: "before 15/11" is a hard date, so the last working day before it
    assert deadline(pack, calendar, "semiannual-report", received=received).due == D(due)


def test_an_unknown_rule_names_the_known_ones(pack, calendar):
    with pytest.raises(RuleError, match="known: .*written"):
        deadline(pack, calendar, "consultation")


def test_the_default_pack_is_versioned_data():
    pack = RulePack.load()
    assert pack.id == "qd-1342-2023" and pack.version >= 1
    assert "1342/QĐ-UBND" in pack.decision
