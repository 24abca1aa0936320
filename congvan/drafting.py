"""Turns a stored draft (its computed context) into the notices package's value objects, and renders it.

The sweep stores plain values; this module adds what the office's settings say about signing and numbering, and
picks the template: a formal notice (.docx + e-mail) when the draft goes to another unit, an internal reminder
when it is for the office's own clerk.
"""

from __future__ import annotations

from datetime import date

from config.settings import Settings
from congvan.context import calendar_for, rule_pack_for

_D = date.fromisoformat


def _body(settings: Settings, registry, office_id: str):
    from notices.model import Body

    office = registry[office_id]
    parent = registry.get(office.parent)
    short = settings.office.abbreviation or (office.short.split()[0] if office.short else "")
    return Body(name=office.name, abbreviation=short, place=settings.office.place,
                parent=parent.name if parent and office.kind != "district" else "",
                drafting_unit=settings.office.drafting_unit)


def _signer(settings: Settings):
    from notices.model import Signer

    return Signer(title=settings.office.signer_title, name=settings.office.signer_name,
                  authority=settings.office.signer_authority)


def _letter_ref(letter: dict, fallback_date: date):
    from notices.model import LetterRef

    subject = letter.get("subject") or ""
    for prefix in ("V/v ", "v/v ", "Về việc ", "về việc "):
        if subject.startswith(prefix):
            subject = subject[len(prefix):]
            break
    return LetterRef(number=letter.get("number") or "(không số)",
                     date=_D(letter["date"]) if letter.get("date") else fallback_date,
                     subject=subject or "(không có trích yếu)",
                     issuer=letter.get("issuer") or "",
                     kind=letter.get("type") or "Công văn")


def notice_context(row: dict, settings: Settings, registry, calendar=None):
    """(template kind, context object) for a stored draft row. ``calendar``: the office's working-day calendar with
    the decisions its administrator added (``congvan.context.office_calendar``); the shipped one when not given."""
    from notices.model import (Citation, DeemedAgreedContext, EscalationContext, LateItem, ReminderContext,
                               join_articles)

    ctx = row["context"]
    today = _D(ctx["today"]) if ctx.get("today") else row["sweep_date"]
    if ctx.get("signed"):  # the signed notice is dated the day it was signed
        today = _D(ctx["signed"]["date"])
    if row["kind"] == "digest":
        return "digest", _digest(ctx, today)
    office_id = ctx["office"]["id"]
    pack = rule_pack_for(settings)
    decision, regulation = pack.decision or Citation("").decision, pack.regulation or Citation("").regulation
    citations = (Citation(join_articles(ctx.get("articles") or ()), decision, regulation),)
    report_citation = Citation(join_articles(pack.noncooperation_articles), decision, regulation)
    calendar = calendar if calendar is not None else calendar_for(settings)
    explain = _explainer(settings, calendar)
    archive = "VT" + (f", {settings.office.drafting_unit}" if settings.office.drafting_unit else "")
    common = dict(sender=_body(settings, registry, office_id), signer=_signer(settings), date=today, archive=archive)
    kind = row["kind"]

    if kind == "escalation":
        items = []
        for s in ctx.get("silent") or ():
            letter = dict(ctx["letter"])
            items.append(LateItem(unit=s["unit"], letter=_letter_ref(letter, _D(s["sent"])), sent=_D(s["sent"]),
                                  due=_D(s["due"]), working_days_late=int(s["working_days_late"])))
        if ctx.get("role") == "self":
            return _internal(ctx, today, citations[0], "escalate")
        basis = "silent_units" if ctx.get("stage") == "silent_units" else "ward_recommendation"
        return "escalation", EscalationContext(**common, to=(ctx["chairman"]["name"],), items=tuple(items),
                                               citations=citations, basis=basis)

    if kind == "noncooperation":
        from notices.model import NoncooperationContext, NoncooperationItem

        request = _letter_ref(ctx["letter"], today)
        items = tuple(NoncooperationItem(unit=s["unit"], letter=request, sent=_D(s["sent"]), due=_D(s["due"]),
                                         working_days_late=int(s["working_days_late"]),
                                         explain=explain(s.get("rule"), s["sent"], s["due"], s.get("basis"),
                                                         s.get("flags")),
                                         status=_status(pack, s))
                      for s in ctx.get("silent") or ())
        copies = tuple(f"{c['name']} (để tổng hợp)" for c in ctx.get("copies") or ())
        return "noncooperation", NoncooperationContext(**common, to=(ctx["chairman"]["name"],), copies=copies,
                                                       request=request, items=items, citation=citations[0])

    if kind == "progress":
        from notices.model import Consultation, ProgressContext

        consulted = tuple(Consultation(unit=c["unit"], letter_number=c["letter_number"], sent=_D(c["sent"]),
                                       due=_D(c["due"]), answered=_D(c["answered"]) if c.get("answered") else None)
                          for c in ctx["consulted"])
        ward = ctx["to_unit"]["name"]
        return "progress", ProgressContext(**common, to=(ward,), unit=ward,
                                           request=_letter_ref(ctx["request"], _D(ctx["received"])),
                                           received=_D(ctx["received"]), consulted=consulted,
                                           citation=citations[0], expected_by=_D(ctx["expected_by"]))

    ob = dict(ctx["obligation"])
    rule = pack.rules.get(ob.get("rule") or "")
    ob["explain"] = explain(ob.get("rule"), ob["start"], ob["due"], ob.get("basis"), ob.get("flags"))
    ob["note"] = rule.note if rule else ""
    ob["working_days"] = calendar.working_days_between(_D(ob["start"]), _D(ob["due"]))
    letter = _letter_ref(ctx["letter"], _D(ob["start"]))
    if ctx.get("role") == "self":
        return _internal({**ctx, "obligation": ob}, today, citations[0], ob["on_lapse"], report_citation)
    unit = ctx["to_unit"]["name"]
    if kind == "reminder":
        on_lapse = ob["on_lapse"] if ob["on_lapse"] in _LAPSES else "remind_only"
        return "reminder", ReminderContext(**common, to=(unit,), unit=unit, letter=letter, due=_D(ob["due"]),
                                           working_days_left=int(ob.get("working_days_left") or 0),
                                           citation=citations[0], on_lapse=on_lapse,
                                           explain=ob.get("explain") or "", due_text=_due_text(ob),
                                           stage=ctx.get("stage") or "", rule=ob.get("rule") or "",
                                           note=ob.get("note") or "", report_citation=report_citation)
    if kind == "deemed_agreed":
        return "deemed_agreed", DeemedAgreedContext(**common, to=(unit,), unit=unit, letter=letter,
                                                    due=_D(ob["due"]), citation=citations[0],
                                                    working_days=ob.get("working_days"),
                                                    explain=ob.get("explain") or "",
                                                    meeting=ob.get("rule") == "meeting")
    raise ValueError(f"draft {row.get('id')}: no template for kind {kind!r}")


def _explainer(settings: Settings, calendar):
    """explain(rule, start, due, basis, flags) -> how a due date was computed ("" when the rule sets no time)."""
    from tracker.explain import explain_due

    pack = rule_pack_for(settings)

    def explain(rule_name, start, due, basis, flags) -> str:
        rule = pack.rules.get(rule_name or "")
        if rule is None or not rule.sets_time_limit:
            return ""
        return explain_due(pack, calendar, rule=rule.name, start=_D(start), due=_D(due), basis=basis or "default",
                           flags=tuple(flags or ()))

    return explain


def _status(pack, item: dict) -> str:
    """Where a unit of a Đ.10.2 report stands: deemed to agree (and under which clause) or not done."""
    rule = pack.rules.get(item.get("rule") or "")
    if rule is not None and pack.on_lapse(rule.name, item.get("on_lapse") or "") in ("deemed_agreed", "report_silent"):
        return f"Không trả lời; xem như đồng ý theo {rule.articles[0]}" if rule.articles else "Không trả lời"
    return "Chưa thực hiện, chưa có văn bản trả lời"


def _digest(ctx: dict, today: date):
    from notices.model import DigestContext, DigestItem

    def items(key):
        return tuple(DigestItem(unit=i["unit"], letter_number=i["letter_number"], subject=i["subject"],
                                due=_D(i["due"]) if i.get("due") else None, note=i.get("note") or "")
                     for i in ctx.get(key) or ())

    return DigestContext(office=ctx["office"]["name"], date=today, week_start=_D(ctx["week_start"]),
                         week_end=_D(ctx["week_end"]), overdue=items("overdue"), due_this_week=items("due_this_week"),
                         deemed_agreed=items("deemed_agreed"), escalated=items("escalated"),
                         waiting_review=items("waiting_review"))


def _internal(ctx: dict, today: date, citation, on_lapse: str, report_citation=None):
    from datetime import timedelta

    from notices.model import InternalReminderContext

    ob = ctx.get("obligation") or {}
    start = _D(ob["start"]) if ob.get("start") else today
    letter = _letter_ref(ctx["letter"], start)
    due = _D(ob["due"]) if ob.get("due") else today
    return "internal_reminder", InternalReminderContext(
        office=ctx["office"]["name"], letter=letter, due=due,
        working_days_left=int(ob.get("working_days_left") or 0), citation=citation, date=today,
        on_lapse=on_lapse if on_lapse in _LAPSES else "remind_only", explain=ob.get("explain") or "",
        due_text=_due_text(ob) if ob.get("due") else "", lapse_on=due + timedelta(days=1),
        report_citation=report_citation, rule=ob.get("rule") or "")


_LAPSES = ("deemed_agreed", "escalate", "report_silent", "overdue", "remind_only")


def _due_text(ob: dict) -> str:
    """'hết ngày 17/02/2025', or '16 giờ 00 ngày 27/5/2025' when the letter gave an hour."""
    from tracker.explain import due_phrase

    return due_phrase(_D(ob["due"]), ob.get("flags") or ())



def render_draft(row: dict, settings: Settings, registry, calendar=None):
    """The rendered draft (subject, text, HTML, .docx) of a stored draft row; ``calendar`` as for notice_context."""
    from notices.render import render

    if row["kind"] == "alert":
        return _render_alert(row)
    kind, context = notice_context(row, settings, registry, calendar)
    return render(kind, context)


def _render_alert(row: dict):
    from notices.render import Rendered, environment

    env = environment()
    ctx = row["context"]
    values = {"subject": row["subject"], "letter": ctx["letter"], "office": ctx["office"],
              "secrecy": ctx.get("secrecy") or "Mật"}
    text = env.get_template("alert.txt.j2").render(values)
    html = env.get_template("alert.html.j2").render(values)
    return Rendered(kind="alert", subject=row["subject"], text=text, html=html)
