"""Search over 100,000 letters (300,000 obligations), on SQLite and on a throwaway PostgreSQL.

    .venv/bin/python bench/bench_search.py [--only sqlite|postgresql] [--letters N] [--repeat R]

Letters are bulk-inserted with their folded search words (tracker.search), as intake records them; each query of
the clerk's search page (tracker.service.search_letters: the page of 50 and the count of matches) is timed R times
and the median reported, in milliseconds, for a warm database.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._postgres import on_postgres  # noqa: E402

from sqlalchemy import insert  # noqa: E402

from tracker import db  # noqa: E402
from tracker import service  # noqa: E402
from tracker.calendar import WorkingCalendar  # noqa: E402
from tracker.db import offices  # noqa: E402
from tracker.db import units as unit_rows  # noqa: E402
from tracker.db.schema import letters, obligations  # noqa: E402
from tracker.rules import RulePack  # noqa: E402
from tracker.search import letter_search_text  # noqa: E402
from tracker.units import UnitRegistry  # noqa: E402

OFFICE = "q11.p5"
START = datetime(2024, 1, 2, 2, 0, tzinfo=timezone.utc)
TYPES = ["Công văn", "Quyết định", "Kế hoạch", "Thông báo", "Giấy mời", "Báo cáo", "Tờ trình"]
SYMBOLS = ["UBND", "QĐ-UBND", "KH-UBND", "TB-UBND", "GM-UBND", "BC-UBND", "QLĐT-HT", "TNMT", "TCKH"]
TOPICS = ["chỉnh trang vỉa hè", "quản lý đô thị", "phòng chống dịch sốt xuất huyết", "cải cách hành chính",
          "an toàn thực phẩm", "trật tự xây dựng", "thu ngân sách", "chuyển đổi số", "bảo vệ môi trường",
          "phòng cháy chữa cháy", "giải quyết khiếu nại", "bồi thường giải phóng mặt bằng", "dân số kế hoạch hóa"]
VERBS = ["V/v lấy ý kiến về", "V/v báo cáo tình hình", "V/v triển khai kế hoạch", "về việc ban hành quy chế",
         "V/v đề nghị phối hợp", "V/v tổ chức hội nghị"]
UNITS = ["q11.qldt", "q11.tnmt", "q11.tckh", "q11.kt", "q11.vhtt", "q11.p1", "q11.p3", "q11.p7", "q11.p14",
         "q11.p16", "q11.yt", "q11.ttr"]
STATES = ["open", "answered", "answered", "answered", "deemed_agreed", "escalated"]


def populate(engine, registry, n: int) -> None:
    rnd = random.Random(11)
    names = {u: registry[u].name for u in UNITS}
    wards = [f"Phường {i}" for i in range(1, 17)]
    with engine.begin() as conn:
        batch, obs = [], []
        for i in range(1, n + 1):
            kind = rnd.choice(TYPES)
            issuer_id = rnd.choice(UNITS)
            values = {
                "id": i, "office_id": OFFICE, "direction": "in" if i % 3 else "out",
                "doc_number": f"{rnd.randint(1, 3000)}/{rnd.choice(SYMBOLS)}", "doc_type": kind,
                "issuer": names[issuer_id], "issuer_unit_id": issuer_id,
                "issue_date": (START + timedelta(minutes=10 * i)).date(),
                "subject": f"{rnd.choice(VERBS)} {rnd.choice(TOPICS)} trên địa bàn {rnd.choice(wards)}",
                "received_at": START + timedelta(minutes=10 * i), "status": "confirmed",
                "obligations_built": True, "extraction": {"recipients": [names[rnd.choice(UNITS)]]},
            }
            day = values["received_at"].astimezone(timezone(timedelta(hours=7))).date()
            incoming = values["direction"] == "in"
            values.update(arrival_date=day if incoming else None, arrival_year=day.year if incoming else None,
                          arrival_number=i if incoming else None)
            values["search_text"] = letter_search_text(values, values["extraction"])
            batch.append(values)
            for k in range(3):
                due = values["issue_date"] + timedelta(days=21)
                unit = UNITS[(i + k) % len(UNITS)]
                obs.append({"letter_id": i, "unit_id": unit, "unit_key": unit, "unit_text": names[unit],
                            "role": "addressee", "kind": "answer",
                            "rule": "written", "start_date": values["issue_date"], "due_date": due,
                            "basis": "default", "on_lapse": "deemed_agreed", "flags": [],
                            "state": STATES[(i * 7 + k) % len(STATES)], "late": (i + k) % 5 == 0})
            if len(batch) == 5000:
                conn.execute(insert(letters), batch)
                conn.execute(insert(obligations), obs)
                batch, obs = [], []
        if batch:
            conn.execute(insert(letters), batch)
            conn.execute(insert(obligations), obs)
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('letters', 'id'), (SELECT max(id) FROM letters))")
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()


QUERIES = [
    ("q='quyet dinh 1342'", {"q": "quyet dinh 1342"}),
    ("q='PHUONG 5'", {"q": "PHUONG 5"}),
    ("q='đô thị'", {"q": "đô thị"}),
    ("q='do thi' + 1 month", {"q": "do thi", "date_from": date(2025, 3, 1), "date_to": date(2025, 3, 31)}),
    ("number='1342/QĐ'", {"number": "1342/QĐ"}),
    ("unit=Phòng QLĐT", {"unit": "q11.qldt"}),
    ("state=deemed_agreed", {"state": "deemed_agreed"}),
    ("q + unit + state + direction", {"q": "via he", "unit": "q11.tnmt", "state": "escalated", "direction": "đến"}),
    ("q with no match", {"q": "khong co tu nay"}),
]


def measure(name: str, url: str, n: int, repeat: int, fill: bool = True) -> None:
    engine = db.create(url)
    db.upgrade(engine, office=OFFICE)
    registry = UnitRegistry.load()
    if fill:
        unit_rows.sync(engine, registry)
        offices.register(engine, OFFICE)
        t0 = time.perf_counter()
        populate(engine, registry, n)
        print(f"[{name}] inserted {n:,} letters and {3 * n:,} obligations in {time.perf_counter() - t0:.1f} s")
    tracker = service.Tracker(engine=engine, registry=registry, pack=RulePack.load(),
                              calendar=WorkingCalendar.vietnam(), office_unit_id=OFFICE)
    for label, kwargs in QUERIES:
        times, cpu = [], []
        for _ in range(repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            result = service.search_letters(tracker, **kwargs)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        # on a busy machine wall time includes waiting for a core; this process's CPU time does not (for SQLite it
        # is the query's cost; PostgreSQL's work is in the server, not counted here)
        print(f"[{name}] {label:<32} {statistics.median(times):7.1f} ms (median of {repeat}, max "
              f"{max(times):.1f}; CPU here {statistics.median(cpu):.1f})  "
              f"{result.total:>6,}{'+' if result.more else ' '} found")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--letters", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="SQLite: keep the database in this file (reused when present)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.only in (None, "sqlite"):
            path = args.keep or Path(tmp) / "bench.sqlite"
            measure("sqlite", f"sqlite:///{path}", args.letters, args.repeat, fill=not path.exists())
    if args.only in (None, "postgresql"):
        on_postgres(lambda url: measure("postgresql", url, args.letters, args.repeat))


if __name__ == "__main__":
    main()
