"""Quản trị use cases: rename a unit, merge a unit into its successor, add or take back a yearly calendar decision.

Each change is kept in the database (applied over the shipped data files when a tracker is built) and written to the
append-only history. Errors are one Vietnamese line (ServiceError subclasses).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tracker import validation
from tracker.db import store
from tracker.validation import Conflict, InvalidInput, NotFound


class UnknownUnit(NotFound):
    """A unit id the registry does not have."""


class BadMerge(InvalidInput):
    """A merge the registry cannot take (into itself, into a dissolved unit, a unit already merged)."""


class BadCalendarDay(InvalidInput):
    """A calendar decision that contradicts the day it names (a make-up working day on a weekday, ...)."""


@dataclass(frozen=True)
class CalendarDecision:
    """What a calendar decision changed: the (day, kind, reason) entries added, and the open obligations whose due
    date it moved (id, old due, new due)."""

    entries: list
    moved: list


DAY_KINDS = {"off": "ngày nghỉ", "swap": "ngày nghỉ hoán đổi", "work": "ngày làm bù"}


def _unit(tracker, unit_id: str):
    unit = tracker.registry.get(validation.clean(unit_id))
    if unit is None:
        raise UnknownUnit(f"Không có đơn vị mã «{validation.clean(unit_id)}» trong danh mục (xem 'congvan units').")
    return unit


def rename_unit(tracker, unit_id: str, *, actor: str, name: str, short: str | None = None):
    """Give a unit a new name (and short name); the old ones stay aliases so that earlier letters still bind it."""
    from tracker.db import units as unit_rows
    from tracker.units import name_key

    actor = store_actor(actor)
    unit = _unit(tracker, unit_id)
    name = validation.required(name, "tên mới của đơn vị")
    short = validation.clean(short) if short is not None else None
    other = tracker.registry.resolve(name)
    if other is not None and other.id != unit.id and name_key(name) in {name_key(n) for n in (other.name,
                                                                                                  *other.aliases)}:
        raise Conflict(f"Tên «{name}» đã là tên của đơn vị khác: {other.name} ({other.id}).")
    if name == unit.name and (short is None or short == unit.short):
        raise InvalidInput(f"Đơn vị {unit.id} đã mang tên «{name}».")
    row = {"unit_id": unit.id, "action": "rename", "name": name, "short": short, "actor": actor}
    with tracker.engine.begin() as conn:
        unit_rows.add_change(conn, **row)
        store.record(conn, [{"entity": "unit", "entity_id": 0, "action": "rename", "field": "name",
                             "before": unit.name, "after": name, "actor": actor, "note": unit.id}])
    return unit_rows.changed(unit, row)


def merge_unit(tracker, unit_id: str, *, actor: str, successor_id: str, on):
    """Merge a unit into its successor from ``on``: letters addressed to it for a day from ``on`` bind the successor."""
    from tracker.db import units as unit_rows

    actor = store_actor(actor)
    unit, successor = _unit(tracker, unit_id), _unit(tracker, successor_id)
    on = validation.parse_user_date(on)
    if unit.id == successor.id:
        raise BadMerge(f"Không thể sáp nhập đơn vị {unit.name} vào chính nó.")
    if unit.successors:
        raise BadMerge(f"Đơn vị {unit.name} đã có đơn vị kế thừa: "
                       f"{', '.join(tracker.registry[s].name for s in unit.successors)}.")
    if not successor.valid_on(on):
        raise BadMerge(f"Đơn vị kế thừa {successor.name} không còn hiệu lực vào ngày {on:%d/%m/%Y}.")
    if unit.valid_from is not None and on <= unit.valid_from:
        raise BadMerge(f"Ngày sáp nhập {on:%d/%m/%Y} phải sau ngày đơn vị {unit.name} bắt đầu hoạt động.")
    if any(u.id == unit.id for u in tracker.registry.current(successor.id, on + timedelta(days=3650))):
        raise BadMerge(f"Đơn vị {successor.name} đã sáp nhập vào {unit.name}: không thể sáp nhập ngược lại.")
    row = {"unit_id": unit.id, "action": "merge", "successor_id": successor.id, "effective_on": on, "actor": actor}
    with tracker.engine.begin() as conn:
        unit_rows.add_change(conn, **row)
        store.record(conn, [{"entity": "unit", "entity_id": 0, "action": "merge", "field": "successors",
                             "after": successor.id, "actor": actor,
                             "note": f"{unit.id} sáp nhập vào {successor.id} từ {on:%d/%m/%Y}"}])
    return unit_rows.changed(unit, row)


def add_calendar_day(tracker, *, actor: str, day, kind: str, source: str, reason: str = "",
                     work_on=None) -> CalendarDecision:
    """Add one of the year's decisions: a day off (``off``), a swapped day (``swap``: a weekday off made up on the
    weekend day ``work_on``) or a make-up working day (``work``). Open obligations whose time runs over those days
    are counted again on the new calendar (see ``_move_due_dates``), in the same transaction."""
    from tracker.db import calendar_days

    actor = store_actor(actor)
    if kind not in DAY_KINDS:
        raise InvalidInput(f"Loại ngày «{validation.clean(kind)}» không hợp lệ: off (nghỉ), swap (nghỉ hoán đổi) "
                           "hoặc work (làm bù).")
    day = validation.parse_user_date(day)
    source = validation.required(source, "số văn bản quyết định (nguồn)")
    reason = validation.clean(reason)
    if not 2000 <= day.year <= 2100:
        raise BadCalendarDay(f"Năm {day.year} nằm ngoài lịch (2000–2100).")
    entries: list[tuple[date, str, str]] = []
    if kind == "work":
        _weekend(day, "Ngày làm bù")
        entries.append((day, "work", reason or "Ngày làm bù"))
    else:
        _weekday(day)
        if kind == "swap":
            if not work_on:
                raise BadCalendarDay("Ngày nghỉ hoán đổi cần ngày làm bù (thứ Bảy hoặc Chủ nhật).")
            work_on = validation.parse_user_date(work_on)
            _weekend(work_on, "Ngày làm bù")
            entries.append((day, "off", reason or f"Ngày nghỉ hoán đổi (làm bù {_vn(work_on)})"))
            entries.append((work_on, "work", f"Làm bù cho {_vn(day)}"))
        else:
            entries.append((day, "off", reason or "Ngày nghỉ"))
    with tracker.engine.begin() as conn:
        for d, k, r in entries:
            if calendar_days.on_day(conn, d) is not None:
                raise Conflict(f"Ngày {d:%d/%m/%Y} đã có quyết định trong lịch; không thêm lần nữa.")
            calendar_days.add(conn, day=d, kind=k, reason=r, source=source, actor=actor)
        store.record(conn, [{"entity": "calendar", "entity_id": 0, "action": "add", "field": k, "after": d.isoformat(),
                             "actor": actor, "note": f"{r} ({source})"} for d, k, r in entries])
        moved = _move_due_dates(conn, tracker, _calendar_after(conn, tracker), [d for d, _, _ in entries], actor,
                                f"lịch làm việc thay đổi: {', '.join(f'{r} {d:%d/%m/%Y}' for d, _, r in entries)} "
                                f"({source})")
    return CalendarDecision(entries, moved)


def remove_calendar_day(tracker, *, actor: str, day, reason: str) -> CalendarDecision:
    """Take back a decision an administrator added for ``day`` (entered by mistake, or revoked); the shipped table's
    days are not removed here. A swapped day is two decisions, each taken back on its own. Open obligations whose
    time runs over the day are counted again, as when a decision is added."""
    from tracker.db import calendar_days

    actor = store_actor(actor)
    day = validation.parse_user_date(day)
    reason = validation.required(reason, "lý do xóa")
    with tracker.engine.begin() as conn:
        row = calendar_days.on_day(conn, day)
        if row is None:
            raise NotFound(f"Ngày {day:%d/%m/%Y} không có quyết định nào do quản trị thêm; ngày của lịch gốc "
                           "(tệp lịch) không xóa được ở đây.")
        calendar_days.remove(conn, day)
        store.record(conn, [{"entity": "calendar", "entity_id": 0, "action": "remove", "field": row["kind"],
                             "before": day.isoformat(), "actor": actor,
                             "note": f"{row['reason']} ({row['source']}): {reason}"}])
        moved = _move_due_dates(conn, tracker, _calendar_after(conn, tracker), [day], actor,
                                f"lịch làm việc thay đổi: bỏ {row['reason']} {day:%d/%m/%Y} ({reason})")
    return CalendarDecision([(day, row["kind"], row["reason"])], moved)


def _calendar_after(conn, tracker):
    """The calendar as a change leaves it: the table the tracker's calendar was built on (before any added
    decision) with every decision in the database now, read in the change's own transaction."""
    from tracker.calendar import CalendarTable, WorkingCalendar
    from tracker.db import calendar_days

    table = getattr(tracker.calendar, "table", None) or CalendarTable.load()
    return WorkingCalendar.vietnam((table.shipped or table).with_entries(calendar_days.entries(conn)))


def _move_due_dates(conn, tracker, calendar, days: list[date], actor: str, note: str) -> list[tuple]:
    """Open obligations whose time runs over ``days``, planned again from their letters on the new ``calendar``:
    one whose due date is still the one its letter gave on the old calendar (not extended or set by hand) takes
    the new plan's due date in place, with the reason in its history; its reminders count down afresh and its
    unsigned drafts, which name the old date, are discarded. Returns (obligation id, old due, new due)."""
    from tracker import obligations as ob_domain
    from tracker import service

    moved = []
    spanning = store.open_obligations_spanning(conn, min(days), max(days), office=tracker.office_unit_id)
    by_letter: dict[int, list[dict]] = {}
    for ob in spanning:
        by_letter.setdefault(ob["letter_id"], []).append(ob)
    for letter_id, obs in by_letter.items():
        facts = service.letter_facts(conn, tracker, service._letter_of(conn, tracker, letter_id))

        def planned(cal):
            plan = ob_domain.plan(facts, office_unit_id=tracker.office_unit_id, registry=tracker.registry,
                                  pack=tracker.pack, calendar=cal)
            return {(ob_domain.unit_key(p.unit.unit_id, p.unit.text), p.role, p.kind): p.deadline
                    for p in plan.obligations}

        before, after = planned(tracker.calendar), planned(calendar)
        for ob in obs:
            key = (ob["unit_key"], ob["role"], ob["kind"])
            old, new = before.get(key), after.get(key)
            if old is None or new is None or (old.start, old.due) != (ob["start_date"], ob["due_date"]):
                continue  # extended, re-counted from answers (Đ.8.1.b) or set otherwise: a person decides
            if new.due == ob["due_date"]:
                continue
            store.edit_obligation(conn, ob, {"due_date": new.due, "flags": list(new.flags)}, actor=actor, note=note)
            store.retire_reminder_keys(conn, ob["id"], f"~{ob['due_date'].isoformat()}", office=tracker.office_unit_id)
            service._discard_drafts_of(conn, tracker, [ob["id"]], actor, "hạn đã thay đổi theo lịch làm việc")
            moved.append((ob["id"], ob["due_date"], new.due))
    return moved


def _weekday(day: date) -> None:
    if day.weekday() >= 5:
        raise BadCalendarDay(f"Ngày {day:%d/%m/%Y} là ngày nghỉ cuối tuần; ngày nghỉ thêm phải là ngày thường.")


def _weekend(day: date, what: str) -> None:
    if day.weekday() < 5:
        raise BadCalendarDay(f"{what} {day:%d/%m/%Y} phải là thứ Bảy hoặc Chủ nhật.")


def _vn(day: date) -> str:
    from tracker.calendar import WEEKDAY_NAMES

    return f"{WEEKDAY_NAMES[day.weekday()].lower()} {day:%d/%m/%Y}"


def store_actor(actor) -> str:
    return validation.required(actor, "người thực hiện (--by)")
