"""The confidence curve: share of letters sent to a clerk against the share of passed letters whose obligation
fields (number, date, recipients, lead, cooperating, deadlines, meeting, replies_to) are all right.

    .venv/bin/python bench/confidence_curve.py [--corpus DIR] [--errors]

For each half of the dev set (fixed split: even file number = tuning, odd = held-out), one row per threshold on
the per-field confidence, and the shipped setting (``nlp.confidence.needs_clerk``). ``--errors`` lists the passed
letters with a wrong obligation field (read only the tuning ones when tuning). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
THRESHOLDS = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9)


def _score_module():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def half_of(stem: str) -> str:
    digits = "".join(ch for ch in stem if ch.isdigit())
    return "tuning" if digits and int(digits) % 2 == 0 else "held_out"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    from nlp import Extractor
    from nlp.confidence import OBLIGATION_FIELDS, needs_clerk

    score = _score_module()
    extractor = Extractor()
    rows = []  # (half, stem, wrong fields, confidences, shipped decision, review)
    for gold_path in sorted(args.corpus.rglob("*.json")):  # rglob: bench/invented keeps its slices in folders
        text_path = gold_path.with_suffix(".txt")
        if not text_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = extractor.extract(text_path.read_text(encoding="utf-8", errors="replace")).to_json(str(text_path))
        wrong = [f for f in OBLIGATION_FIELDS if (f in gold or f not in score.OPTIONAL)
                 and score.score_field(f, gold, pred) < 1.0]
        conf = {f: float(pred["confidence"].get(f, 1.0)) for f in OBLIGATION_FIELDS}
        rows.append((half_of(gold_path.stem), gold_path.stem, wrong, conf, needs_clerk(pred), pred["review"]))

    print(f"{'half':9s} {'setting':>10s} {'letters':>7s} {'to clerk':>9s} {'passed':>6s} {'passed all right':>17s}")
    for half in ("tuning", "held_out"):
        mine = [r for r in rows if r[0] == half]
        settings = [(f"t={t:.2f}", lambda r, t=t: min(r[3].values()) < t) for t in THRESHOLDS]
        settings.append(("shipped", lambda r: r[4]))
        for label, sent in settings:
            passed = [r for r in mine if not sent(r)]
            right = [r for r in passed if not r[2]]
            share_sent = 1 - len(passed) / len(mine) if mine else 0.0
            precision = len(right) / len(passed) if passed else 1.0
            print(f"{half:9s} {label:>10s} {len(mine):7d} {share_sent:9.0%} {len(passed):6d} "
                  f"{precision:11.0%} ({len(right)}/{len(passed)})")
        all_right = sum(1 for r in mine if not r[2])
        print(f"{half:9s} {'(none)':>10s} {len(mine):7d} {0:9.0%} {len(mine):6d} "
              f"{all_right / len(mine) if mine else 0:11.0%} ({all_right}/{len(mine)})")
    for half in ("tuning", "held_out"):
        wrong_passed = Counter(f for r in rows if r[0] == half and not r[4] for f in r[2])
        wrong_all = Counter(f for r in rows if r[0] == half for f in r[2])
        print(f"{half:9s} fields wrong, passed / all letters: "
              + ", ".join(f"{f} {wrong_passed[f]}/{n}" for f, n in wrong_all.most_common()))
    if args.errors:
        for half, stem, wrong, conf, sent, review in rows:
            if wrong and not sent and half == "tuning":  # the held-out half is only ever counted
                print(f"passed with errors: {half} {stem} {wrong} "
                      f"{ {f: round(conf[f], 2) for f in wrong} }")
    return 0


if __name__ == "__main__":
    sys.exit(main())
