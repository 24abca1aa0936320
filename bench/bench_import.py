"""Import throughput: N letters as .eml with a 2-page PDF attached, through `congvan import` (fresh SQLite).

The figure is the whole `congvan import` command as a user runs it, measured from outside: from starting the
process to its exit (interpreter start, database creation, reading, extraction, recording, building obligations),
with the peak resident memory and the CPU time of the whole process tree (the command and its isolated workers).
The floor is the bare work on the same files, mail-parser + PDFium text and nothing else, in one process, measured
before and after the import (the machine's load varies; both are printed, the mean is used).

    .venv/bin/python bench/bench_import.py [--letters 2000] [--workers 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import base64
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ICT = timezone(timedelta(hours=7))
UNITS = ["q11.p5", "q11.p14", "q11.tnmt", "q11.kt", "q11.vhtt", "q11.yt"]
PARAGRAPH = ("Thực hiện Kế hoạch số 45/KH-UBND ngày 10 tháng 01 năm 2025 của Ủy ban nhân dân Quận 11 về chỉnh trang "
             "đô thị, đề nghị các đơn vị rà soát hiện trạng vỉa hè, lòng đường, hệ thống thoát nước trên địa bàn; "
             "tổng hợp số liệu, hình ảnh và đề xuất giải pháp xử lý cụ thể cho từng tuyến đường.")


def build(folder: Path, n: int) -> list[Path]:
    from congvan.samples.letters import Letter

    folder.mkdir(parents=True, exist_ok=True)
    existing = sorted(folder.glob("*.eml"))
    if len(existing) >= n:
        return existing[:n]
    paths = []
    for i in range(n):
        path = folder / f"{i:05d}.eml"
        if not path.exists():
            letter = Letter.cong_van(
                by=UNITS[i % len(UNITS)], number=i + 1, issued=date(2025, 1, 2) + timedelta(days=i % 300),
                subject=f"V/v rà soát, chỉnh trang vỉa hè và thoát nước đợt {i + 1}",
                body_paragraphs=tuple(f"{k + 1}. {PARAGRAPH}" for k in range(11)))
            raw = letter.as_email(sender=UNITS[i % len(UNITS)], to=["qldt@quan11.example"],
                                  date=datetime(2025, 1, 2, 8, 0, tzinfo=ICT) + timedelta(minutes=7 * i))
            path.write_bytes(raw)
        paths.append(path)
    return paths


def tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, in MB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            ppid, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = pages
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, []))
    return total * os.sysconf("SC_PAGE_SIZE") / 1e6


def run_import(files_dir: Path, workers: int | None) -> tuple[float, float, float, str, float]:
    db = Path(tempfile.mkdtemp(prefix="congvan-bench-db-")) / "bench.sqlite"
    config = db.parent / "congvan.toml"  # the office whose archive it is (import refuses to guess)
    config.write_text('[office]\nunit = "q11.qldt"\naddresses = ["qldt@quan11.example"]\n', encoding="utf-8")
    env = dict(os.environ, CONGVAN_DATABASE_URL=f"sqlite:///{db}")
    env.pop("CONGVAN_CONFIG", None)
    cmd = [sys.executable, "-m", "congvan.cli", "--config", str(config), "import", "-v", str(files_dir)]
    if workers:
        cmd += ["--workers", str(workers)]
    peak = 0.0
    before = os.times()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()
    recorded_at = None
    errors = ""

    def watch():  # the moment every message is recorded, before the obligations are built
        nonlocal recorded_at, errors
        for line in proc.stderr:
            errors = (errors + line)[-4000:]
            if "message(s) recorded" in line:
                recorded_at = time.perf_counter()

    w = threading.Thread(target=watch, daemon=True)
    w.start()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mb(proc.pid))
            time.sleep(0.1)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out = proc.stdout.read()
    proc.wait()
    elapsed = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    done.set()
    t.join()
    w.join()
    shutil.rmtree(db.parent, ignore_errors=True)
    if proc.returncode != 0:
        raise SystemExit(f"import failed ({proc.returncode}): {out}{errors[-2000:]}")
    intake = (recorded_at - start) if recorded_at else elapsed
    return elapsed, intake, peak, out.strip(), cpu


def floor(paths: list[Path]) -> tuple[float, float]:
    """(wall, CPU) seconds of the bare parse-and-text work in this process."""
    import mailparser
    import pypdfium2 as pdfium

    start, cpu0 = time.perf_counter(), time.process_time()
    chars = 0
    for path in paths:
        mail = mailparser.parse_from_bytes(path.read_bytes())
        for att in mail.attachments:
            pdf = pdfium.PdfDocument(base64.b64decode(att["payload"]))
            for page in pdf:
                chars += len(page.get_textpage().get_text_range())
            pdf.close()
    assert chars > 0
    return time.perf_counter() - start, time.process_time() - cpu0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--letters", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "congvan-bench-import")
    args = parser.parse_args()

    t0 = time.perf_counter()
    paths = build(args.keep / str(args.letters), args.letters)
    print(f"files: {len(paths)} .eml in {args.keep / str(args.letters)} (built/found in "
          f"{time.perf_counter() - t0:.1f} s)")
    import pypdfium2 as pdfium
    import mailparser

    sample = mailparser.parse_from_bytes(paths[0].read_bytes()).attachments[0]
    print(f"pages per PDF: {len(pdfium.PdfDocument(base64.b64decode(sample['payload'])))}; cores: {os.cpu_count()}")

    first, first_cpu = floor(paths)
    elapsed, intake, peak, summary, cpu = run_import(paths[0].parent, args.workers)
    second, second_cpu = floor(paths)
    bare, bare_cpu = (first + second) / 2, (first_cpu + second_cpu) / 2
    n = len(paths)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    print(f"floor (mail-parser + PDFium, one process): {first:.1f} s before, {second:.1f} s after; "
          f"{n / bare:.0f} letters/s; CPU {1000 * bare_cpu / n:.1f} ms per letter")
    print(f"congvan import, whole command from outside: {elapsed:.1f} s, {n / elapsed:.0f} letters/s; "
          f"CPU of the process tree {1000 * cpu / n:.1f} ms per letter; peak RSS of the process tree {peak:.0f} MB")
    print(f"  of which until every message was recorded (before building obligations): {intake:.1f} s")
    print(f"  ({summary})")
    print(f"ratio, whole command / floor: {bare / elapsed:.2f} (wall); CPU per letter, floor / command: "
          f"{bare_cpu / cpu:.2f}")


if __name__ == "__main__":
    main()
