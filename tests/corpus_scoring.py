"""Score the extractor on a folder of letters with gold labels (NNN.txt beside NNN.json), per half of the fixed split
(even file number: tuning; odd: held-out), with ../shared/eval/score.py. Shared by the dev-corpus and invented-set
tests."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from pathlib import Path

from nlp import Extractor

SCORE = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score.py"
HALVES = ("tuning", "held_out")


def half_of(stem: str) -> str:
    return "tuning" if int(stem) % 2 == 0 else "held_out"


def score_halves(letters: list[Path], workdir: Path) -> dict[str, dict]:
    """score.py's JSON report for each half of ``letters`` (their .txt paths)."""
    spec = importlib.util.spec_from_file_location("score", SCORE)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    extractor = Extractor()
    out = {}
    for half in HALVES:
        gold, pred = workdir / half / "gold", workdir / half / "pred.jsonl"
        gold.mkdir(parents=True)
        with pred.open("w", encoding="utf-8") as handle:
            for path in letters:
                if half_of(path.stem) != half or not path.with_suffix(".json").exists():
                    continue
                (gold / f"{path.stem}.json").symlink_to(path.with_suffix(".json"))
                text = path.read_text(encoding="utf-8", errors="replace")
                handle.write(json.dumps(extractor.extract(text).to_json(path.name), ensure_ascii=False) + "\n")
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            score.main([str(gold), str(pred), "--json"])
        out[half] = json.loads(buffer.getvalue())
    return out
