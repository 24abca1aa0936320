"""How a due date was computed, worded for a notice: received on ..., N working days, the days off skipped, the
cap of Đ.7.3.c, "trước ngày X" and an hour the letter gave. Pure: the calendar and the values come in.

The sentences are Vietnamese, for the unit that reads the notice; the tracker computes them when a draft is written
so that templates only print them.
"""

from __future__ import annotations

from datetime import date, timedelta

from tracker.calendar import SATURDAY, SUNDAY, WorkingCalendar
from tracker.rules import FLAG_BEFORE, FLAG_MOVED, FLAG_TIME, RulePack, flag_value


def vn_day(day: date) -> str:
    """'05/02/2026', '29/6/2026': NĐ 30 pads days below 10 and the months 1 and 2."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def due_phrase(due: date, flags=()) -> str:
    """'hết ngày 17/02/2025', or '16 giờ 00 ngày 27/5/2025' when the letter gave an hour."""
    hour = flag_value(flags, FLAG_TIME)
    if hour:
        hh, mm = hour.split(":")
        return f"{hh} giờ {mm} ngày {vn_day(due)}"
    return f"hết ngày {vn_day(due)}"


def _days_off(calendar: WorkingCalendar, start: date, due: date) -> str:
    skipped = calendar.skipped_between(start, due)
    weekends = [s for s in skipped if s.day.weekday() in (SATURDAY, SUNDAY)]
    holidays = [s.day for s in skipped if s.day.weekday() not in (SATURDAY, SUNDAY)]
    parts = []
    if weekends:
        parts.append(f"{len(weekends)} ngày thứ Bảy, Chủ nhật")
    if holidays:
        listed = ", ".join(vn_day(d) for d in holidays)
        parts.append(f"{len(holidays)} ngày nghỉ lễ, Tết, nghỉ bù ({listed})")
    text = "không kể " + " và ".join(parts) if parts else "không có ngày nghỉ xen giữa"
    worked = [start + timedelta(days=i) for i in range(1, (due - start).days + 1)
              if (start + timedelta(days=i)).weekday() == SATURDAY and calendar.is_working_day(start + timedelta(days=i))]
    if worked:
        text += "; có tính ngày thứ Bảy " + ", ".join(vn_day(d) for d in worked) + " là ngày làm việc bù"
    return text


_STARTS = {
    "receipt": "Văn bản được nhận ngày {start}",
    "meeting_end": "Cuộc họp kết thúc ngày {start}",
    "answers_received": "Ngày nhận được trả lời của các cơ quan, đơn vị được lấy ý kiến là {start}",
}


_EVENT = {"receipt": "nhận văn bản", "meeting_end": "cuộc họp kết thúc", "answers_received": "nhận được trả lời"}


_EXPLAINED: dict[tuple, str] = {}  # a sweep meets the same few (rule, start, due) thousands of times


def explain_due(pack: RulePack, calendar: WorkingCalendar, *, rule: str, start: date, due: date, basis: str,
                flags=()) -> str:
    """One or two sentences that let a reader check ``due`` by hand."""
    key = (id(pack), id(calendar), rule, start, due, basis, tuple(flags or ()))
    text = _EXPLAINED.get(key)
    if text is None:
        if len(_EXPLAINED) > 50_000:
            _EXPLAINED.clear()
        text = _EXPLAINED[key] = _explain(pack, calendar, rule, start, due, basis, tuple(flags or ()))
    return text


def _explain(pack: RulePack, calendar: WorkingCalendar, rule: str, start: date, due: date, basis: str,
             flags: tuple) -> str:
    r = pack.rule(rule)
    if basis == "fixed_date":
        before = flag_value(flags, FLAG_BEFORE)
        if before:
            return (f"Theo {r.articles[0] if r.articles else 'Quy chế'}, thời hạn là trước ngày "
                    f"{vn_day(date.fromisoformat(before))}, tức là hết ngày làm việc liền trước ngày đó, ngày "
                    f"{vn_day(due)}.")
        return f"Theo {r.articles[0] if r.articles else 'Quy chế'}, thời hạn là {due_phrase(due, flags)}."
    starts = r.starts if r.starts in _STARTS else "receipt"
    if "consulting" in (flags or ()):
        starts = "answers_received"
    opening = _STARTS[starts].format(start=vn_day(start))
    days = calendar.working_days_between(start, due)
    first = calendar.add_working_days(start, 1)
    counted = (f"{days} ngày làm việc, tính từ ngày {vn_day(first)} là ngày làm việc tiếp theo ngày "
               f"{_EVENT[starts]}, {_days_off(calendar, start, due)}")
    before = flag_value(flags, FLAG_BEFORE)
    if basis == "capped":
        cap = r.cap_working_days or days
        why = (f"văn bản đề nghị thời hạn dài hơn {cap} ngày làm việc; theo {r.articles[0]}, thời hạn phối hợp "
               f"không quá {cap} ngày làm việc, nên thời hạn là {counted}")
    elif basis == "requested" and before:
        why = (f"văn bản đề nghị trả lời trước ngày {vn_day(date.fromisoformat(before))}, nên thời hạn kết thúc "
               f"vào cuối ngày làm việc liền trước ngày đó; thời hạn là {counted}")
    elif basis == "requested":
        asked = ("trước " + due_phrase(due, flags)) if flag_value(flags, FLAG_TIME) else f"chậm nhất ngày {vn_day(due)}"
        moved = (" (ngày đề nghị trùng ngày nghỉ nên chuyển sang ngày làm việc tiếp theo)"
                 if FLAG_MOVED in (flags or ()) else "")
        why = f"văn bản đề nghị trả lời {asked}{moved}, tức là {counted}"
    elif basis == "statutory":
        why = f"thời hạn theo quy định của văn bản quy phạm pháp luật, thủ tục hành chính là {counted}"
    else:
        why = f"theo {r.articles[0] if r.articles else 'Quy chế'}, thời hạn là {counted}"
    return f"{opening}; {why}; thời hạn kết thúc vào {_end(due, flags)}."


def _end(due: date, flags) -> str:
    hour = flag_value(flags, FLAG_TIME)
    return due_phrase(due, flags) if hour else f"cuối ngày {vn_day(due)}"
