"""The values each draft needs, computed once when the sweep decides to write it.

A draft row keeps its context (plain JSON values: names, numbers, dates, articles); the templates in ``templates/``
only format it, when the draft is exported or delivered to the clerk's Drafts folder. What every draft about one
letter shares in a sweep (the day, the office, the letter, the rule pack) is handed over once as the row's
``shared`` (one object), and kept once by ``store.add_drafts``; a draft read back has its whole context.
"""

from __future__ import annotations

import re
from datetime import date

from tracker.db import store
from tracker.sweep import DEEMED_AGREED, Action


def vn_date(day: date | None) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else "(không rõ ngày)"


_INVISIBLE = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")  # bidi controls, BOM
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _clean(text: str | None) -> str:
    """One line, no control or bidi characters: extracted text must never reach a header as it is."""
    return " ".join(_CONTROL.sub(" ", _INVISIBLE.sub("", text or "")).split())


def letter_label(doc_type: str | None, number: str | None) -> str:
    name = _clean(doc_type) or "Công văn"
    return f"{name} số {_clean(number)}" if number else f"{name} (không số)"


def unit_name(tracker, unit_id: str | None, fallback: str | None, today: date) -> str:
    """A unit as a notice names it: the registry's name, with its successor when it no longer exists
    ("Ủy ban nhân dân Phường 7, nay là Ủy ban nhân dân phường Minh Phụng")."""
    if unit_id is None or unit_id not in tracker.registry.units:
        return _clean(fallback)
    key = (id(tracker.registry), unit_id, today)
    name = _NAMES.get(key)
    if name is None:
        if len(_NAMES) > 10_000:
            _NAMES.clear()
        name = _NAMES[key] = _unit_name(tracker, unit_id, today)
    return name


_NAMES: dict[tuple, str] = {}


def _unit_name(tracker, unit_id: str, today: date) -> str:
    unit = tracker.registry[unit_id]
    if not unit.valid_on(today):
        current = [u for u in tracker.registry.current(unit.id, today) if u.id != unit.id]
        if current:
            return f"{unit.name}, nay là {' và '.join(u.name for u in current)}"
    return unit.name


def _letter(tracker, d: dict, memo: dict) -> dict:
    """The letter as every draft about it names it (computed once per letter and sweep)."""
    letter = memo.get(d["letter_id"])
    if letter is None:
        letter = memo[d["letter_id"]] = {
            "id": d["letter_id"],
            "label": letter_label(d["doc_type"], d["doc_number"]),
            "number": _clean(d["doc_number"]) or None,
            "type": _clean(d["doc_type"]) or None,
            "date": d["issue_date"].isoformat() if d["issue_date"] else None,
            "subject": _clean(d["subject"]) or None,
            "issuer": _issuer_name(tracker, d),
            "direction": d["direction"],
        }
    return letter


def _memo(memo: dict, key, compute):
    """``compute()`` once per ``key`` within one sweep's drafting."""
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _office(tracker) -> dict:
    office = tracker.office
    return {"id": office.id, "name": office.name, "short": office.short, "kind": office.kind}


def _context(tracker, action: Action, d: dict, today: date, memo: dict) -> dict:
    """What a draft needs, as plain values. The rule pack's wording (the regulation's name, the explanation of the
    due date) is added when the draft is rendered, from the rule, the dates, the basis and the flags kept here.
    What many drafts of one sweep share (the office, the letter, the addressed unit, the rule's articles) is one
    object computed once; the drafts are written as they are built, never edited after."""
    left = action.working_days_left
    if left is None:  # a lapse: how many working days late, as a negative count
        left = -_late(tracker, d["due_date"], today, memo)
    rule = d["rule"]
    per_rule = memo.get(("rule", rule, d["on_lapse"]))
    if per_rule is None:
        per_rule = memo[("rule", rule, d["on_lapse"])] = (tracker.pack.on_lapse(rule, d["on_lapse"]),
                                                          list(tracker.pack.rule(rule).articles))
    return {
        "kind": action.draft_kind,
        "stage": action.stage,
        "to_unit": _to_unit(tracker, d, today, memo),
        "role": d["role"],
        "obligation": {"id": d["id"], "start": _iso(d["start_date"], memo), "due": _iso(d["due_date"], memo),
                       "rule": rule, "basis": d["basis"], "working_days_left": left,
                       "on_lapse": per_rule[0], "flags": list(d["flags"] or ())},
        "articles": per_rule[1],
    }


def _shared(tracker, d: dict, today: date, memo: dict) -> dict:
    """The part of the context every draft about this letter shares in one sweep (one object, kept once by
    ``store.add_drafts``): the day, the office, the letter, the rule pack."""
    shared = memo.get(("shared", d["letter_id"]))
    if shared is None:
        shared = memo[("shared", d["letter_id"])] = {
            "today": _today(today, memo),
            "office": memo.get("office") or memo.setdefault("office", _office(tracker)),
            "letter": _letter(tracker, d, memo),
            "pack": tracker.pack.id,
        }
    return shared


def _today(today: date, memo: dict) -> str:
    text = memo.get("today")
    if text is None:
        text = memo["today"] = today.isoformat()
    return text


def _iso(day: date, memo: dict) -> str:
    """A date as ISO text (the same few hundred days recur across a sweep's thousands of drafts)."""
    text = memo.get(day)
    if text is None:
        text = memo[day] = day.isoformat()
    return text


def _late(tracker, due: date, today: date, memo: dict) -> int:
    """Working days from the due day to ``today`` (once per due day and sweep)."""
    late = memo.get(("late", due))
    if late is None:
        late = memo[("late", due)] = tracker.calendar.working_days_between(due, today)
    return late


def _to_unit(tracker, d: dict, today: date, memo: dict) -> dict:
    key = ("to_unit", d["unit_id"], d["unit_text"])
    unit = memo.get(key)
    if unit is None:
        known = tracker.registry.get(d["unit_id"])
        unit = memo[key] = {"id": d["unit_id"], "name": unit_name(tracker, d["unit_id"], d["unit_text"], today),
                            "kind": known.kind if known else None}
    return unit


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
    if ctx["obligation"]["rule"] == "confirm-in-writing":
        return ("Đề nghị thực hiện bằng văn bản yêu cầu phối hợp đã trao đổi qua thư điện tử"
                + (f" ngày {vn_date(date.fromisoformat(ctx['obligation']['start']))}" if ctx["obligation"]["start"]
                   else ""))
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


def _with_sender(tracker, conn, d: dict, memo: dict | None = None) -> dict:
    """A plain e-mail (Đ.4.5) has no letterhead: its issuer and subject are those of the message it came in (its
    sources read once per letter and sweep)."""
    if conn is None or d.get("issuer") or d.get("issuer_unit_id"):
        return d
    sources = _memo({} if memo is None else memo, ("sources", d["letter_id"]),
                    lambda: store.source_addresses(conn, d["letter_id"]))
    for source in sources:
        from email.utils import parseaddr

        unit = tracker.registry.by_email(parseaddr(source.get("from_addr") or "")[1])
        if unit is not None:
            return {**d, "issuer_unit_id": unit.id, "issuer": unit.name,
                    "subject": d.get("subject") or _clean(source.get("subject")) or None}
    return d


def drafts_for_actions(tracker, actions: list[Action], details: dict[int, dict], today: date,
                       conn=None) -> list[dict]:
    rows = []
    memo: dict = {}
    for action in actions:
        if action.draft_kind not in ("reminder", "deemed_agreed", "escalation"):
            continue  # Đ.10.2 reports are grouped per letter (silent_unit_reports); "none" only moves a state
        d = _with_sender(tracker, conn, details[action.obligation.id], memo)
        if d["unit_id"] is None and d["role"] != "self" and d.get("letter_status") != "confirmed":
            continue  # never address a unit the registry does not know unless a clerk confirmed the letter
        ctx = _context(tracker, action, d, today, memo)  # the draft's own values
        shared = _shared(tracker, d, today, memo)
        mine = d["role"] == "self"
        to_id = tracker.office_unit_id if mine else d["unit_id"]
        if action.draft_kind == "escalation" and not mine:
            chair = _chairman(tracker)
            to_id = chair.id if chair else None
            ctx["chairman"] = {"id": to_id, "name": chair.name if chair else "Chủ tịch Ủy ban nhân dân quận"}
            ctx["silent"] = [_silent_row(tracker, d, today, memo=memo)]
        to_name = (tracker.registry[to_id].name if to_id in tracker.registry.units
                   else ctx["to_unit"]["name"])
        rows.append({
            "kind": action.draft_kind,
            "dedupe_key": action.key,
            "obligation_id": d["id"],
            "letter_id": d["letter_id"],
            "to_unit_id": to_id,
            "to_unit": to_name,
            "letter_number": shared["letter"]["number"],
            "due_date": d["due_date"],
            "subject": _memo(memo, ("subject", action.draft_kind, d["letter_id"], d["role"], action.stage,
                                        d["due_date"], d["rule"]),
                             lambda: _subject(action.draft_kind, {**shared, **ctx})),
            "context": ctx,
            "shared": shared,
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


def _silent_row(tracker, d: dict, today: date, letter: dict | None = None, memo: dict | None = None) -> dict:
    """One unit of a report: who, the request, when it arrived, its due date and how late; the rule, basis and flags
    let the rendering explain the due date and say what the lapse meant."""
    memo = {} if memo is None else memo
    rule = d["rule"]
    on_lapse = memo.get(("on_lapse", rule, d["on_lapse"]))
    if on_lapse is None:
        on_lapse = memo[("on_lapse", rule, d["on_lapse"])] = tracker.pack.on_lapse(rule, d["on_lapse"])
    return {"unit": _to_unit(tracker, d, today, memo)["name"], "unit_id": d["unit_id"],
            "letter": letter["label"] if letter else letter_label(d["doc_type"], d["doc_number"]),
            "sent": _iso(d["start_date"], memo), "due": _iso(d["due_date"], memo),
            "working_days_late": max(_late(tracker, d["due_date"], today, memo), 0),
            "rule": rule, "basis": d["basis"], "flags": list(d["flags"] or ()), "on_lapse": on_lapse}


def silent_unit_reports(tracker, conn, actions: list[Action], details: dict[int, dict], today: date) -> list[dict]:
    """Đ.10.2 (and Đ.8.2.a for wards consulted by a department): the lead unit reports to UBND quận, with a copy to
    Phòng Nội vụ, the units that did not cooperate in time on one of its letters, with the request, the due date and
    how it was computed, and a proposal line left for the leader. One report per letter and sweep, listing the units
    that lapsed into "deemed agreed" or stayed overdue past the pack's waiting time in that sweep; "điểm a khoản 2
    Điều 8" is cited only when a ward was consulted under it."""
    letters: dict[int, list[dict]] = {}
    for a in actions:
        d = details[a.obligation.id]
        if d["role"] != "self" and (a.new_state == DEEMED_AGREED or a.draft_kind == "noncooperation"):
            letters.setdefault(d["letter_id"], []).append(d)
    if not letters:
        return []
    keys = {letter_id: f"silent:{letter_id}:{','.join(str(d['id']) for d in sorted(ds, key=lambda d: d['id']))}"
            for letter_id, ds in letters.items()}
    existing = store.existing_keys(conn, list(keys.values()), office=tracker.office_unit_id)
    pack = tracker.pack
    to = tracker.registry.get(pack.report_to) or _chairman(tracker)
    chairman = {"id": to.id if to else None, "name": to.name if to else "Chủ tịch Ủy ban nhân dân quận"}
    copies = [{"id": u.id, "name": u.name} for u in (tracker.registry.get(c) for c in pack.report_copy) if u]
    memo: dict = {}
    rows = []
    for letter_id, lapsed in letters.items():
        key = keys[letter_id]
        if key in existing:
            continue
        articles: list[str] = []
        for d in lapsed:
            if pack.on_lapse(d["rule"], d["on_lapse"]) in ("deemed_agreed", "report_silent"):
                articles += pack.rule(d["rule"]).articles
        letter = _letter(tracker, lapsed[0], memo)
        ctx = {
            "kind": "noncooperation",
            "stage": "silent_units",
            "today": _today(today, memo),
            "office": memo.get("office") or memo.setdefault("office", _office(tracker)),
            "chairman": chairman,
            "copies": copies,
            "letter": letter,
            "silent": [_silent_row(tracker, d, today, letter, memo) for d in lapsed],
            "articles": list(dict.fromkeys(articles + list(pack.noncooperation_articles))),
            "pack": pack.id,
        }
        rows.append({
            "kind": "noncooperation",
            "dedupe_key": key,
            "obligation_id": None,
            "letter_id": letter_id,
            "to_unit_id": chairman["id"],
            "to_unit": chairman["name"],
            "letter_number": letter["number"],
            "due_date": lapsed[0]["due_date"],
            "subject": f"Báo cáo các đơn vị không phối hợp đúng thời hạn theo {letter['label']}",
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
