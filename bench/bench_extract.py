"""Letters per second from text, one process, one core, extractor built once; and one `congvan extract` process.

    .venv/bin/python bench/bench_extract.py [CORPUS_DIR]

Prints figures; asserts nothing. Uses ../shared/corpus/dev when present, else tests/letters_nlp.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "dev"
    if not corpus.is_dir():
        corpus = ROOT / "tests" / "letters_nlp"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(corpus.glob("*.txt"))]
    t0 = time.perf_counter()
    from nlp import Extractor

    extractor = Extractor()
    load = time.perf_counter() - t0
    rounds = max(1, 2000 // len(texts))
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for text in texts:
            extractor.extract(text)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    n = rounds * len(texts)
    print(f"corpus {corpus} ({len(texts)} letters, {sum(map(len, texts)) / len(texts):.0f} chars average)")
    print(f"import + build extractor: {load * 1000:.0f} ms")
    print(f"extract: {n} letters in {elapsed:.2f} s = {n / elapsed:.0f} letters/s (one process, one core)")
    # On a shared machine the wall clock counts other processes' turns; CPU time counts this one's work only.
    print(f"extract: {n / cpu:.0f} letters per CPU-second ({cpu:.2f} s of CPU)")
    sample = sorted(corpus.glob("*.txt"))[0]
    exe = ROOT / ".venv" / "bin" / "congvan"
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([str(exe), "extract", "--jsonl", str(sample)], check=True, capture_output=True,
                       env={**os.environ, "OMP_NUM_THREADS": "1"})
        runs.append(time.perf_counter() - t0)
    print(f"congvan extract on one file, whole process: median {sorted(runs)[2]:.2f} s (of 5 runs)")


if __name__ == "__main__":
    main()
