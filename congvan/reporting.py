"""Leaders' reports: the semi-annual report of Đ.10.1 and the weekly digest, counted from the obligations."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime

from sqlalchemy import and_, select

from congvan.context import registry_for, tracker_for
from congvan.drafting import _body, _signer
from config.settings import Settings
from tracker.db.schema import letters, obligations
from tracker.service import LOCAL


def _outcome(state: str, late: bool) -> str:
    """Which part of a Tally an obligation counts in."""
    if state == "answered":
        return "late" if late else "on_time"
    return state if state in ("deemed_agreed", "escalated") else "open"


def counterpart_tallies(rows: list[dict], unit_id: str, office_id: str, registry) -> dict[str, tuple[Counter, Counter]]:
    """Per counterpart unit name: outcomes of (requests ``unit_id`` sent it, requests it sent ``unit_id``)."""
    table: dict[str, tuple[Counter, Counter]] = defaultdict(lambda: (Counter(), Counter()))

    def name(uid, fallback):
        unit = registry.get(uid)
        return unit.name if unit else (fallback or "(đơn vị chưa xác định)")

    for r in rows:
        if r["state"] == "withdrawn":
            continue
        issuer_id = office_id if r["direction"] == "out" else r["issuer_unit_id"]
        owing_id = office_id if r["role"] == "self" else r["unit_id"]
        if issuer_id == unit_id and owing_id != unit_id:
            table[name(owing_id, r["unit_text"])][0][_outcome(r["state"], bool(r["late"]))] += 1
        elif owing_id == unit_id and issuer_id != unit_id:
            table[name(issuer_id, r["issuer"])][1][_outcome(r["state"], bool(r["late"]))] += 1
    return dict(table)


def _tally(counts: Counter):
    from notices.model import Tally

    return Tally(total=sum(counts.values()), **counts)


def semiannual_report(settings: Settings, period: str, unit_name: str | None = None, *, on: date | None = None):
    """The rendered semi-annual report (Đ.10.1) of one unit for ``period`` ("2026-H2")."""
    from notices.model import CounterpartRow, ReportContext, parse_period
    from notices.render import render

    start, end, _label = parse_period(period)
    tracker = tracker_for(settings)
    registry = registry_for(settings)
    unit = tracker.office if unit_name is None else (registry.get(unit_name) or registry.resolve(unit_name))
    if unit is None:
        raise ValueError(f"--unit {unit_name!r} is not in the unit registry")
    q = (select(obligations.c.unit_id, obligations.c.unit_text, obligations.c.role, obligations.c.state,
                obligations.c.late, letters.c.direction, letters.c.issuer_unit_id, letters.c.issuer)
         .join(letters, letters.c.id == obligations.c.letter_id)
         .where(and_(obligations.c.start_date >= start, obligations.c.start_date <= end,
                     letters.c.office_id == tracker.office_unit_id, obligations.c.state != "superseded",
                     obligations.c.provisional.is_(False))))
    with tracker.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q)]
    tallies = counterpart_tallies(rows, unit.id, tracker.office_unit_id, registry)
    table = tuple(
        CounterpartRow(name, sent=_tally(sent), received=_tally(received))
        for name, (sent, received) in sorted(tallies.items())
    )
    report_day = on or datetime.now(LOCAL).date()
    context = ReportContext(sender=_body(settings, registry, unit.id), signer=_signer(settings), date=report_day,
                            to=("Ủy ban nhân dân Quận 11 (qua Phòng Nội vụ)",), archive="VT",
                            period=period, rows=table)
    return render("report", context)
