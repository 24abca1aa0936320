"""Tổng hợp (for leaders): on-time rates per unit, a chart drawn by matplotlib, the semi-annual report."""

from __future__ import annotations

import io
import re
from datetime import date

from flask import Blueprint, Response, abort, render_template, request

from web.app import login_required, office_tracker, settings
from web.labels import today

bp = Blueprint("reports", __name__)
_PERIOD = re.compile(r"^(\d{4})-H([12])$")


def _period() -> tuple[str, date, date]:
    value = request.args.get("ky") or ""
    m = _PERIOD.match(value)
    if not m:
        day = today()
        value = f"{day.year}-H{1 if day.month <= 6 else 2}"
        m = _PERIOD.match(value)
    year, half = int(m.group(1)), int(m.group(2))
    return value, date(year, 1 if half == 1 else 7, 1), date(year, 6 if half == 1 else 12, 30 if half == 1 else 31)


def _choices() -> list[tuple[str, str]]:
    year = today().year
    return [(f"{y}-H{h}", f"6 tháng {'đầu' if h == 1 else 'cuối'} năm {y}") for y in range(year, year - 4, -1)
            for h in (2, 1)]


@bp.route("/tong-hop")
@login_required("reports")
def index():
    from tracker.service import unit_stats
    from tracker.register import UnitStats

    period, start, end = _period()
    rates = unit_stats(office_tracker(), start, end)
    totals = UnitStats(None, "Tổng cộng", *(sum(getattr(r, k) for r in rates) for k in
                                           ("asked", "on_time", "late", "overdue", "deemed_agreed", "open")))
    return render_template("reports.html", rates=rates, totals=totals, period=period, start=start, end=end,
                           choices=_choices())


@bp.route("/tong-hop/bieu-do.svg")
@login_required("reports")
def chart():
    """On-time rate per unit (the 15 lowest), as a static SVG."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    from tracker.service import unit_stats

    _period_, start, end = _period()
    rates = [r for r in unit_stats(office_tracker(), start, end) if r.on_time_rate is not None][:15]
    fig = Figure(figsize=(8, 0.42 * max(len(rates), 3) + 1.2))
    ax = fig.subplots()
    if rates:
        names = [r.unit if len(r.unit) <= 38 else r.unit[:37] + "…" for r in rates][::-1]
        values = [r.on_time_rate * 100 for r in rates][::-1]
        colors = ["#b42318" if v < 50 else "#c4750b" if v < 80 else "#1f7a4d" for v in values]
        bars = ax.barh(names, values, color=colors)
        for bar, v in zip(bars, values):
            ax.text(min(v + 1, 92), bar.get_y() + bar.get_height() / 2, f"{v:.0f}%", va="center", fontsize=9)
    else:
        ax.text(0.5, 0.5, "Chưa có nghĩa vụ nào đến hạn trong kỳ", ha="center", va="center",
                transform=ax.transAxes)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Tỷ lệ trả lời đúng hạn (%)")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None})
    return Response(out.getvalue(), mimetype="image/svg+xml")


@bp.route("/tong-hop/bao-cao-6-thang.<fmt>")
@login_required("reports")
def semiannual(fmt: str):
    from congvan.reporting import semiannual_report

    if fmt not in ("docx", "html"):
        abort(404)
    period, _s, _e = _period()
    rendered = semiannual_report(settings(), period, office_tracker().office_unit_id, on=today())
    if fmt == "docx":
        return Response(rendered.docx, headers={"Content-Disposition": f'attachment; filename="bao-cao-{period}.docx"'},
                        mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    return Response(rendered.html.encode("utf-8"), mimetype="text/html; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="bao-cao-{period}.html"'})
