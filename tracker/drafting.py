"""The values each draft needs, computed once when the sweep decides to write it.

A draft row keeps its context (plain JSON values: names, numbers, dates, articles); the templates in ``templates/``
only format it, when the draft is exported or delivered to the clerk's Drafts folder.
"""

from __future__ import annotations

from datetime import date

from tracker.db import store
from tracker.sweep import DEEMED_AGREED, Action


def vn_date(day: date | None) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else "(không rõ ngày)"


def _clean(text: str | None) -> str:
    """One line, no control characters: extracted text must never reach a header as it is."""
    return " ".join((text or "").replace("\r", " ").replace("\n", " ").split())


def letter_label(doc_type: str | None, number: str | None) -> str:
    name = _clean(doc_type) or "Công văn"
    return f"{name} số {_clean(number)}" if number else f"{name} (không số)"


def _context(tracker, action: Action, d: dict, today: date) -> dict:
    rule = tracker.pack.rule(d["rule"])
    left = action.working_days_left
    if left is None:  # a lapse: how many working days late, as a negative count
        left = -tracker.calendar.working_days_between(d["due_date"], today)
    unit = tracker.registry.get(d["unit_id"])
    office = tracker.office
    return {
        "kind": action.draft_kind,
        "stage": action.stage,
        "today": today.isoformat(),
        "office": {"id": office.id, "name": office.name, "short": office.short, "kind": office.kind},
        "to_unit": {"id": d["unit_id"], "name": unit.name if unit else _clean(d["unit_text"]),
                    "kind": unit.kind if unit else None},
        "role": d["role"],
        "letter": {
            "id": d["letter_id"],
            "label": letter_label(d["doc_type"], d["doc_number"]),
            "number": _clean(d["doc_number"]) or None,
            "type": _clean(d["doc_type"]) or None,
            "date": d["issue_date"].isoformat() if d["issue_date"] else None,
            "subject": _clean(d["subject"]) or None,
            "issuer": _issuer_name(tracker, d),
            "direction": d["direction"],
        },
        "obligation": {"id": d["id"], "start": d["start_date"].isoformat(), "due": d["due_date"].isoformat(),
                       "rule": d["rule"], "rule_title": rule.title, "basis": d["basis"],
                       "working_days_left": left, "on_lapse": d["on_lapse"]},
        "articles": list(rule.articles),
        "regulation": tracker.pack.decision,
    }


def _issuer_name(tracker, d: dict) -> str | None:
    """The letter's issuer as a sentence names it: the office for its own letters, else the registry's name."""
    if d["direction"] == "out":
        return tracker.office.name
    unit = tracker.registry.get(d.get("issuer_unit_id"))
    if unit is None and d.get("issuer"):
        unit = tracker.registry.resolve(d["issuer"], d.get("issue_date"))
    return unit.name if unit else (_clean(d["issuer"]) or None)


def _subject(kind: str, ctx: dict) -> str:
    label = ctx["letter"]["label"]
    when = vn_date(date.fromisoformat(ctx["letter"]["date"])) if ctx["letter"]["date"] else None
    of = f"{label}" + (f" ngày {when}" if when else "")
    mine = ctx["role"] == "self"
    if kind == "reminder":
        if ctx["stage"] == "overdue":
            return f"Quá hạn trả lời {of}" if mine else f"Đôn đốc: đã quá hạn trả lời {of}"
        due = vn_date(date.fromisoformat(ctx["obligation"]["due"]))
        return (f"Nhắc việc: hạn trả lời {of} là ngày {due}" if mine
                else f"Đôn đốc trả lời {of} (hạn {due})")
    if kind == "deemed_agreed":
        return (f"Đã quá hạn: đơn vị xem như đồng ý với {of}" if mine
                else f"Thông báo xem như đồng ý đối với {of}")
    if kind == "escalation":
        return (f"Cảnh báo: kiến nghị theo {of} đã quá hạn giải quyết" if mine
                else f"Báo cáo việc chưa trả lời kiến nghị theo {of}")
    return _clean(label)


def drafts_for_actions(tracker, actions: list[Action], details: dict[int, dict], today: date) -> list[dict]:
    rows = []
    for action in actions:
        d = details[action.obligation.id]
        ctx = _context(tracker, action, d, today)
        mine = d["role"] == "self"
        to_id = tracker.office_unit_id if mine else d["unit_id"]
        if action.draft_kind == "escalation" and not mine:
            chair = _chairman(tracker)
            to_id = chair.id if chair else None
            ctx["chairman"] = {"id": to_id, "name": chair.name if chair else "Chủ tịch Ủy ban nhân dân quận"}
            ctx["silent"] = [_silent_row(tracker, d, today)]
        to_name = (tracker.registry[to_id].name if to_id in tracker.registry.units
                   else ctx["to_unit"]["name"])
        rows.append({
            "kind": action.draft_kind,
            "dedupe_key": action.key,
            "obligation_id": d["id"],
            "letter_id": d["letter_id"],
            "to_unit_id": to_id,
            "to_unit": to_name,
            "letter_number": ctx["letter"]["number"],
            "due_date": d["due_date"],
            "subject": _subject(action.draft_kind, ctx),
            "context": ctx,
            "sweep_date": today,
        })
    return rows


def _chairman(tracker):
    office = tracker.office
    parent = tracker.registry.get(office.parent)
    for unit in tracker.registry:
        if unit.kind == "chairman" and parent is not None and unit.parent == parent.id:
            return unit
    return None


def _silent_row(tracker, d: dict, today: date) -> dict:
    unit = tracker.registry.get(d["unit_id"])
    late = tracker.calendar.working_days_between(d["due_date"], today)
    return {"unit": unit.name if unit else _clean(d["unit_text"]), "unit_id": d["unit_id"],
            "letter": letter_label(d["doc_type"], d["doc_number"]),
            "sent": d["start_date"].isoformat(), "due": d["due_date"].isoformat(),
            "working_days_late": max(late, 0)}


def silent_unit_reports(tracker, conn, actions: list[Action], details: dict[int, dict], today: date) -> list[dict]:
    """Đ.8.2.a and Đ.10.2: when the units asked by one of the office's letters lapse, the lead unit lists the silent
    ones for the district chairman (and Phòng Nội vụ). One report per letter per sweep that saw new lapses."""
    letters: dict[int, list[int]] = {}
    for a in actions:
        d = details[a.obligation.id]
        if a.new_state == DEEMED_AGREED and d["role"] != "self":
            letters.setdefault(d["letter_id"], []).append(d["id"])
    if not letters:
        return []
    keys = {letter_id: f"silent:{letter_id}:{','.join(map(str, sorted(ids)))}" for letter_id, ids in letters.items()}
    existing = store.existing_keys(conn, list(keys.values()), office=tracker.office_unit_id)
    lapsed_by_letter = store.lapsed_obligations_of_letters(conn, list(letters))
    rows = []
    chair = _chairman(tracker)
    for letter_id, ids in letters.items():
        key = keys[letter_id]
        if key in existing:
            continue
        first = details[ids[0]]
        silent = [_silent_row(tracker, {**first, **o}, today) for o in lapsed_by_letter.get(letter_id, [])]
        ctx = {
            "kind": "escalation",
            "stage": "silent_units",
            "today": today.isoformat(),
            "office": {"id": tracker.office.id, "name": tracker.office.name, "short": tracker.office.short,
                       "kind": tracker.office.kind},
            "chairman": {"id": chair.id if chair else None,
                         "name": chair.name if chair else "Chủ tịch Ủy ban nhân dân quận"},
            "letter": {"id": letter_id, "label": letter_label(first["doc_type"], first["doc_number"]),
                       "number": _clean(first["doc_number"]) or None, "type": _clean(first["doc_type"]) or None,
                       "date": first["issue_date"].isoformat() if first["issue_date"] else None,
                       "subject": _clean(first["subject"]) or None, "issuer": tracker.office.name},
            "silent": silent,
            "articles": ["Điều 8 khoản 2 điểm a", "Điều 10 khoản 2"],
            "regulation": tracker.pack.decision,
        }
        label = ctx["letter"]["label"]
        rows.append({
            "kind": "escalation",
            "dedupe_key": key,
            "obligation_id": None,
            "letter_id": letter_id,
            "to_unit_id": ctx["chairman"]["id"],
            "to_unit": ctx["chairman"]["name"],
            "letter_number": ctx["letter"]["number"],
            "due_date": first["due_date"],
            "subject": f"Báo cáo danh sách đơn vị không trả lời {label} (xem như đồng ý)",
            "context": ctx,
            "sweep_date": today,
        })
    return rows


def weekly_digest(tracker, conn, today: date) -> list[dict]:
    """The leaders' weekly digest, written on the first working day of each week (once)."""
    from datetime import timedelta

    week_start = today - timedelta(days=today.weekday())
    week_end = week_start + timedelta(days=6)
    first_working = tracker.calendar.next_working_day(week_start)
    if today != first_working:
        return []
    year, week, _ = today.isocalendar()
    key = f"digest:{year}-W{week:02d}"
    if store.existing_keys(conn, [key], office=tracker.office_unit_id):
        return []
    rows = store.digest_rows(conn, today - timedelta(days=7), week_end, office=tracker.office_unit_id)

    def item(r: dict, note: str = "") -> dict:
        unit = tracker.registry.get(r["unit_id"])
        return {"unit": unit.name if unit else _clean(r["unit_text"]),
                "letter_number": _clean(r["doc_number"]) or "(không số)",
                "subject": _clean(r["subject"]) or "", "due": r["due_date"].isoformat() if r["due_date"] else None,
                "note": note}

    def late_note(r: dict) -> str:
        n = tracker.calendar.working_days_between(r["due_date"], today)
        return f"quá hạn {n} ngày làm việc" if n > 0 else ""

    ctx = {
        "kind": "digest",
        "today": today.isoformat(),
        "office": {"id": tracker.office.id, "name": tracker.office.name},
        "week_start": week_start.isoformat(),
        "week_end": week_end.isoformat(),
        "overdue": [item(r, late_note(r)) for r in rows["obligations"]
                    if r["state"] == "open" and r["due_date"] < today],
        "due_this_week": [item(r, "đơn vị mình phải trả lời" if r["role"] == "self" else "")
                          for r in rows["obligations"] if r["state"] == "open" and today <= r["due_date"] <= week_end],
        "deemed_agreed": [item(r) for r in rows["obligations"] if r["state"] == "deemed_agreed"],
        "escalated": [item(r) for r in rows["obligations"] if r["state"] == "escalated"],
        "waiting_review": [{"unit": _clean(r["issuer"]) or "", "letter_number": _clean(r["doc_number"]) or "(không số)",
                            "subject": _clean(r["subject"]) or "", "due": None, "note": "chờ văn thư xác nhận"}
                           for r in rows["review"]],
    }
    subject = f"Tình hình trả lời văn bản tuần {week_start:%d/%m} - {week_end:%d/%m/%Y} của {tracker.office.name}"
    return [{"kind": "digest", "dedupe_key": key, "to_unit_id": tracker.office_unit_id,
             "to_unit": f"Lãnh đạo {tracker.office.name}", "subject": subject, "context": ctx, "sweep_date": today}]
