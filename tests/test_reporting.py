"""The semi-annual report's counts per counterpart unit (Đ.10.1)."""

from congvan.reporting import _tally, counterpart_tallies


def row(state, unit_id, *, late=False, direction="out", role="addressee", issuer_unit_id=None):
    return {"state": state, "late": late, "direction": direction, "role": role, "unit_id": unit_id,
            "unit_text": unit_id, "issuer_unit_id": issuer_unit_id, "issuer": None}


def test_requests_sent_and_received_are_counted_by_outcome_per_counterpart(registry):
    rows = [
        row("answered", "q11.qldt"), row("answered", "q11.qldt", late=True), row("deemed_agreed", "q11.qldt"),
        row("escalated", "q11.tnmt"), row("open", "q11.tnmt"), row("withdrawn", "q11.tnmt"),
        row("answered", "q11.p5", direction="in", role="self", issuer_unit_id="q11.qldt"),
    ]
    table = counterpart_tallies(rows, "q11.p5", "q11.p5", registry)
    sent, received = table["Phòng Quản lý đô thị"]
    assert _tally(sent).as_tuple() == (3, 1, 1, 1, 0, 0, 0)
    assert _tally(received).as_tuple() == (1, 1, 0, 0, 0, 0, 0)
    assert _tally(table["Phòng Tài nguyên và Môi trường"][0]).as_tuple() == (2, 0, 0, 0, 1, 1, 0)
