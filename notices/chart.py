"""The chart of the semi-annual report: per counterpart unit, how requests ended (matplotlib, Agg, imported lazily)."""

from __future__ import annotations

import io

from notices.model import ReportContext

OUTCOMES = (
    ("on_time", "Đúng hạn", "#2e7d32"),
    ("late", "Trễ hạn", "#f9a825"),
    ("deemed_agreed", "Xem như đồng ý", "#c62828"),
    ("overdue", "Quá hạn", "#ef6c00"),
    ("escalated", "Báo cáo cấp trên", "#6a1b9a"),
    ("open", "Chưa đến hạn", "#9e9e9e"),
)


def report_chart(context: ReportContext, *, dpi: int = 150) -> bytes:
    """A PNG with two panels of stacked horizontal bars: requests sent, requests received."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    with rc_context(_font_params()):
        return _chart(context, dpi, Figure)


def _font_params() -> dict:
    """The document's font (Times New Roman, or its metric twin Liberation Serif) for every text of the chart."""
    from matplotlib import font_manager

    from notices.docx_nd30 import font_file

    path = font_file()
    if path is None:
        return {}
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    return {"font.family": "serif", "font.serif": [name]}


def _chart(context: ReportContext, dpi: int, Figure) -> bytes:
    rows = [r for r in context.rows if r.sent.total or r.received.total] or list(context.rows)
    height = max(2.6, 0.32 * len(rows) + 1.6)
    fig = Figure(figsize=(7.2, height), dpi=dpi)
    axes = fig.subplots(1, 2, sharey=True)
    labels = [r.unit for r in rows]
    for ax, direction, title in ((axes[0], "sent", "Lượt đề nghị gửi đi"),
                                 (axes[1], "received", "Lượt đề nghị nhận được")):
        left = [0] * len(rows)
        for attr, label, colour in OUTCOMES:
            values = [getattr(getattr(r, direction), attr) for r in rows]
            ax.barh(labels, values, left=left, color=colour, label=label)
            left = [a + b for a, b in zip(left, values)]
        ax.set_title(title, fontsize=9)
        ax.tick_params(labelsize=7)
        ax.xaxis.get_major_locator().set_params(integer=True)
    axes[0].invert_yaxis()  # shared: first counterpart on top in both panels
    handles, names = axes[0].get_legend_handles_labels()
    fig.legend(handles, names, loc="lower center", ncol=4, fontsize=7, frameon=False)
    fig.suptitle(f"{context.sender.name}: {context.period_label}", fontsize=10)
    fig.tight_layout(rect=(0, 0.12, 1, 0.95))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
