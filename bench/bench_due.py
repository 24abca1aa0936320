"""How fast deadlines are computed: `congvan due` as a whole process, and 100,000 due dates in one process.

    .venv/bin/python bench/bench_due.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONGVAN = str(Path(sys.executable).with_name("congvan"))


def whole_process(runs: int = 15) -> float:
    args = [CONGVAN, "due", "--from", "2026-02-10", "--rule", "written", "--json"]
    subprocess.run(args, check=True, capture_output=True)  # warm the file cache
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def in_process(n: int = 100_000) -> tuple[float, float]:
    from tracker.calendar import WorkingCalendar
    from tracker.rules import Request, RulePack, compute_deadline

    cal = WorkingCalendar.vietnam()
    pack = RulePack.load()
    starts = [date(2023, 1, 1) + timedelta(days=i % 1400) for i in range(n)]
    t0 = time.perf_counter()
    for s in starts:
        cal.add_working_days(s, 15)
    plain = time.perf_counter() - t0
    t0 = time.perf_counter()
    for s in starts[: n // 10]:
        compute_deadline(pack, cal, "written", Request(received=s))
    explained = (time.perf_counter() - t0) * 10
    return plain, explained


if __name__ == "__main__":
    print(f"congvan due (whole process, median of 15): {whole_process():.3f} s")
    plain, explained = in_process()
    print(f"100,000 due dates (15 working days) in one process: {plain:.3f} s")
    print(f"100,000 rule deadlines with the skipped-day explanation (extrapolated from 10,000): {explained:.3f} s")
