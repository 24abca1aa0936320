"""Leaders' reports: the semi-annual report of Đ.10.1, counted from the letters and the obligations they created.

A request to several units is one letter and several "lượt" (one per unit): the per-counterpart tables count
requests, the totals count letters and units once. The period ends at the pack's cut-off before the report is due
(a report due before 15/5 covers 01/11-30/4 by default). The Đ.10.2 list names the units that did not answer the
office's letters in time.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import and_, select

from congvan.context import registry_for, rule_pack_for, tracker_for
from congvan.drafting import _body, _signer
from config.settings import Settings
from tracker.db.schema import letters, obligations
from tracker.service import LOCAL

OUTCOMES = ("on_time", "late", "deemed_agreed", "escalated", "open", "overdue")


def _outcome(state: str, late: bool) -> str:
    """Which part of a Tally an obligation counts in."""
    if state == "answered":
        return "late" if late else "on_time"
    return state if state in ("deemed_agreed", "escalated", "overdue") else "open"


def counterpart_tallies(rows: list[dict], unit_id: str, office_id: str, registry) -> dict[str, tuple[dict, dict]]:
    """Per counterpart unit name: outcome -> set of letter ids, for (requests ``unit_id`` sent it, requests it sent
    ``unit_id``). A withdrawn or superseded request counts nowhere."""
    table: dict[str, tuple[dict, dict]] = defaultdict(lambda: (defaultdict(set), defaultdict(set)))

    def name(uid, fallback):
        unit = registry.get(uid)
        return unit.name if unit else (fallback or "(đơn vị chưa xác định)")

    for r in rows:
        if r["state"] in ("withdrawn", "superseded"):
            continue
        issuer_id = office_id if r["direction"] == "out" else r["issuer_unit_id"]
        owing_id = office_id if r["role"] == "self" else r["unit_id"]
        outcome = _outcome(r["state"], bool(r["late"]))
        if issuer_id == unit_id and owing_id != unit_id:
            table[name(owing_id, r["unit_text"])][0][outcome].add(r.get("letter_id", id(r)))
        elif owing_id == unit_id and issuer_id != unit_id:
            table[name(issuer_id, r["issuer"])][1][outcome].add(r.get("letter_id", id(r)))
    return dict(table)


def _tally(counts):
    """A Tally from outcome -> letters (or outcome -> count)."""
    from notices.model import Tally

    values = {k: (len(v) if isinstance(v, (set, frozenset)) else int(v)) for k, v in counts.items()}
    return Tally(total=sum(values.values()), **values)


def _letters(table: dict, side: int):
    from notices.model import LetterCounts

    ids = {i for sides in table.values() for ids in sides[side].values() for i in ids}
    units = sum(1 for sides in table.values() if any(sides[side].values()))
    return LetterCounts(letters=len(ids), units=units)


def _late_units(table: dict):
    """Đ.10.2: counterparts that did not answer the office's letters in time, most letters first."""
    from notices.model import LateUnit

    out = []
    for unit, (sent, _received) in table.items():
        late = {k: len(sent.get(k, ())) for k in ("deemed_agreed", "escalated", "overdue", "late")}
        letters_late = set().union(*(sent.get(k, set()) for k in ("deemed_agreed", "escalated", "overdue", "late")))
        if letters_late:
            out.append(LateUnit(unit=unit, letters=len(letters_late), deemed_agreed=late["deemed_agreed"],
                                overdue=late["escalated"] + late["overdue"], late=late["late"]))
    return tuple(sorted(out, key=lambda u: (-u.letters, u.unit)))


def semiannual_report(settings: Settings, period: str, unit_name: str | None = None, *, on: date | None = None,
                      start: date | None = None, end: date | None = None):
    """The rendered semi-annual report (Đ.10.1) of one unit for ``period`` ("2026-H2"), covering the pack's
    period (or ``start``-``end``)."""
    from notices.model import Citation, CounterpartRow, ReportContext, join_articles, parse_period
    from notices.render import render

    first, _last, _label = parse_period(period)
    pack = rule_pack_for(settings)
    default_start, default_end = pack.report_period(first.year, 1 if first.month == 1 else 2)
    start, end = start or default_start, end or default_end
    if start > end:
        raise ValueError(f"kỳ báo cáo không hợp lệ: từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}")
    tracker = tracker_for(settings)
    registry = registry_for(settings)
    unit = tracker.office if unit_name is None else (registry.get(unit_name) or registry.resolve(unit_name))
    if unit is None:
        raise ValueError(f"--unit {unit_name!r} is not in the unit registry")
    q = (select(obligations.c.letter_id, obligations.c.unit_id, obligations.c.unit_text, obligations.c.role,
                obligations.c.state, obligations.c.late, letters.c.direction, letters.c.issuer_unit_id,
                letters.c.issuer)
         .join(letters, letters.c.id == obligations.c.letter_id)
         .where(and_(obligations.c.start_date >= start, obligations.c.start_date <= end,
                     letters.c.office_id == tracker.office_unit_id, obligations.c.state != "superseded",
                     obligations.c.provisional.is_(False))))
    with tracker.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q)]
    table = counterpart_tallies(rows, unit.id, tracker.office_unit_id, registry)
    counterparts = tuple(CounterpartRow(name, sent=_tally(sent), received=_tally(received))
                         for name, (sent, received) in sorted(table.items()))
    decision, regulation = pack.decision, pack.regulation
    context = ReportContext(
        sender=_body(settings, registry, unit.id), signer=_signer(settings), date=on or datetime.now(LOCAL).date(),
        to=("Ủy ban nhân dân Quận 11 (qua Phòng Nội vụ)",), archive="VT", period=period, rows=counterparts,
        start=start, end=end, sent_letters=_letters(table, 0), received_letters=_letters(table, 1),
        late_units=_late_units(table),
        citation=Citation(join_articles(pack.rule("semiannual-report").articles), decision, regulation),
        report_citation=Citation(join_articles(pack.noncooperation_articles), decision, regulation))
    return render("report", context)
