"""Server time of the web page's busiest views over a large office, on SQLite and on a throwaway PostgreSQL.

    .venv/bin/python bench/bench_web.py [--letters 100000] [--only sqlite|postgresql] [--repeat 20]

The database gets ``--letters`` letters (1% waiting for a clerk) and three obligations per letter (those of the last
5% of letters open), bulk-inserted,
then each view is requested through Flask's test client (routing, the queries, the template: everything but the
network) by a signed-in clerk:
  letters list   /van-ban: the waiting queue and the first page of 50 letters, with their count
  a letter       /van-ban/ID: fields, text with marked evidence, sources, obligations, history
  search         /tim-kiem?q=quyet dinh 1342: words without diacritics, through register's search_letters
  obligations    /theo-doi: open obligations by due day (100 a page)
Targets: list < 200 ms, a letter < 100 ms, search < 300 ms.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._postgres import on_postgres  # noqa: E402

from sqlalchemy import insert  # noqa: E402

OFFICE = "q11.qldt"
UNITS = ["q11.tnmt", "q11.tckh", "q11.kt", "q11.vhtt", "q11.p1", "q11.p3", "q11.p7", "q11.p14", "q11.p16", "q11.yt"]
TYPES = ["Công văn", "Quyết định", "Giấy mời", "Kế hoạch", "Tờ trình", "Thông báo"]
TOPICS = ["chỉnh trang vỉa hè", "phòng chống ngập", "quản lý chợ truyền thống", "cấp phép xây dựng",
          "an toàn thực phẩm", "cây xanh đô thị", "chiếu sáng công cộng", "quảng cáo ngoài trời"]
TEXT = ("ỦY BAN NHÂN DÂN QUẬN 11\nPHÒNG {unit}\nSố: {number}\nV/v {topic}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nQuận 11, ngày {day} tháng {month} năm {year}\nKính gửi: Phòng Quản lý đô thị.\n"
        + "Căn cứ Quyết định số 1342/QĐ-UBND ngày 06/7/2023 của Ủy ban nhân dân Quận 11; đề nghị có ý kiến "
          "bằng văn bản trước ngày {due}. " * 6)


def populate(engine, n: int) -> int:
    """n letters and 3n obligations for the office, in chunks; returns the id of a letter in the middle."""
    from tracker.db.schema import letters, obligations
    from tracker.search import letter_search_text

    utc = timezone.utc
    start = datetime(2024, 1, 2, 1, 0, tzinfo=utc)
    chunk = 5000
    with engine.begin() as conn:
        for base in range(0, n, chunk):
            rows, obs = [], []
            for i in range(base, min(base + chunk, n)):
                kind = TYPES[i % len(TYPES)]
                number = f"{1342 if i % 997 == 0 else i % 9000 + 1}/{'QĐ' if kind == 'Quyết định' else 'UBND'}-VP"
                when = start + timedelta(minutes=7 * i)
                day = when.date()
                values = {"doc_number": number, "doc_type": kind, "issuer": f"Ủy ban nhân dân Phường {i % 16 + 1}",
                          "subject": f"V/v {TOPICS[i % len(TOPICS)]} năm {day.year}", "place": "Quận 11",
                          "urgency": None}
                extraction = {"lead_units": ["Phòng Quản lý đô thị"], "evidence": {"doc_number": [[30, 40]]},
                              "review": [{"field": "deadlines", "reason": "thời hạn đọc được không chắc chắn"}]
                              if i % 100 == 0 else []}
                rows.append({"id": i + 1, "office_id": OFFICE, "direction": "in" if i % 4 else "out",
                             "issue_date": day, "received_at": when, "arrival_number": i + 1, "arrival_date": day,
                             "status": "needs_review" if i % 100 == 0 else "confirmed", "extraction": extraction,
                             "confidence": 0.9, "obligations_built": True,
                             "text": TEXT.format(unit="KINH TẾ", number=number, topic=values["subject"], day=day.day,
                                                 month=day.month, year=day.year, due=day + timedelta(days=15)),
                             "search_text": letter_search_text(values, extraction), **values})
                for k in range(3):
                    unit = UNITS[(i + k) % len(UNITS)]
                    due = day + timedelta(days=15 + k)
                    recent = i >= n * 0.95  # the last 5% of letters still wait for answers
                    state = "open" if recent else ("answered" if (i + k) % 3 else "deemed_agreed")
                    obs.append({"letter_id": i + 1, "unit_id": unit, "unit_key": unit, "unit_text": unit,
                                "role": "addressee", "kind": "answer", "rule": "written", "start_date": day,
                                "due_date": due, "basis": "default", "on_lapse": "deemed_agreed", "flags": [],
                                "state": state, "late": False, "provisional": False,
                                "answered_on": due - timedelta(days=2) if state == "answered" else None})
            conn.execute(insert(letters), rows)
            conn.execute(insert(obligations), obs)
    return n // 2 + 1


def timed(client, url: str, repeat: int) -> tuple[float, float, int]:
    """(median ms, max ms, bytes) of ``repeat`` requests after one warm-up."""
    first = client.get(url)
    assert first.status_code == 200, (url, first.status_code, first.get_data(as_text=True)[:500])
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - t) * 1000)
        assert response.status_code == 200
    return statistics.median(times), max(times), len(first.get_data())


def measure(label: str, url: str, n: int, repeat: int) -> None:
    from config.settings import OfficeSettings, Settings
    from congvan.context import tracker_for
    from web import accounts
    from web.app import create_app

    folder = Path(tempfile.mkdtemp(prefix="congvan-bench-web-"))
    settings = Settings(database_url=url, data_dir=folder, office=OfficeSettings(unit=OFFICE))
    tracker = tracker_for(settings)
    t = time.perf_counter()
    middle = populate(tracker.engine, n)
    if tracker.engine.dialect.name == "postgresql":  # what autovacuum does after a bulk load (visibility map)
        with tracker.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    else:
        with tracker.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    print(f"[{label}] {n:,} letters and {3 * n:,} obligations inserted in {time.perf_counter() - t:.1f} s")
    accounts.add_user(tracker.engine, name="vanthu", role="clerk", office_id=OFFICE, password="mat-khau-bench-1")
    app = create_app(settings, tracker=tracker)
    app.config["WTF_CSRF_ENABLED"] = False
    client = app.test_client()
    assert client.post("/dang-nhap", data={"name": "vanthu", "password": "mat-khau-bench-1"}).status_code == 302
    views = [("letters list", "/van-ban", 200), ("a letter", f"/van-ban/{middle}", 100),
             ("search 'quyet dinh 1342'", "/tim-kiem?q=quyet+dinh+1342", 300),
             ("obligations", "/theo-doi", None)]
    for name, path, target in views:
        median, worst, size = timed(client, path, repeat)
        goal = f"(target < {target} ms)" if target else ""
        print(f"[{label}] {name:<26} median {median:7.1f} ms  max {worst:7.1f} ms  {size / 1024:6.0f} KiB {goal}")
    page = client.get("/tim-kiem?q=quyet+dinh+1342").get_data(as_text=True)
    found = re.search(r'Kết quả <span class="count">(\d+)', page).group(1)
    print(f"[{label}] search found {found} letters")
    tracker.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--letters", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    if args.only in (None, "sqlite"):
        folder = Path(tempfile.mkdtemp(prefix="congvan-bench-web-db-"))
        measure("sqlite", f"sqlite:///{folder / 'bench.sqlite'}", args.letters, args.repeat)
    if args.only in (None, "postgresql"):
        on_postgres(lambda url: measure("postgresql", url, args.letters, args.repeat))


if __name__ == "__main__":
    main()
