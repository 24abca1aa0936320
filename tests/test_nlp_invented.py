"""The extractor on the project's invented letters (bench/invented/: 180 letters written blind from the genre, six
slices), scored by ../shared/eval/score.py per half of the same fixed split as the dev corpus (even numbers tuned on,
odd ones only scored). Skipped where ../shared/eval is absent. A floor sits below the figure measured when it was set,
so that a change that loses a kind of letter the rules already read fails here."""

import contextlib
import importlib.util
import io
import json
from pathlib import Path

import pytest

from nlp import Extractor

ROOT = Path(__file__).resolve().parents[1]
INVENTED = ROOT / "bench" / "invented"
SCORE = ROOT.parent / "shared" / "eval" / "score.py"

pytestmark = pytest.mark.skipif(not SCORE.is_file(), reason="../shared/eval/score.py not present")

# Measured when set (macro where the letter has the field): see docs/extraction.md, "Invented letters".
FLOORS = {"tuning": 0.90, "held_out": 0.87}
HEADER_FLOOR = 0.92
HEADER_FIELDS = ("doc_number", "issue_date", "doc_type", "issuer", "place")


def _half(stem: str) -> str:
    return "tuning" if int(stem) % 2 == 0 else "held_out"


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("score", SCORE)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    extractor = Extractor()
    out = {}
    for half in FLOORS:
        folder = tmp_path_factory.mktemp(half)
        gold, pred = folder / "gold", folder / "pred.jsonl"
        gold.mkdir()
        with pred.open("w", encoding="utf-8") as handle:
            for path in sorted(INVENTED.rglob("*.txt")):
                if _half(path.stem) != half or not path.with_suffix(".json").exists():
                    continue
                (gold / f"{path.stem}.json").symlink_to(path.with_suffix(".json"))
                text = path.read_text(encoding="utf-8")
                handle.write(json.dumps(extractor.extract(text).to_json(path.name), ensure_ascii=False) + "\n")
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            score.main([str(gold), str(pred), "--json"])
        out[half] = json.loads(buffer.getvalue())
    return out


def test_the_invented_set_has_its_six_slices_and_a_gold_label_for_every_letter():
    slices = sorted(p.name for p in INVENTED.iterdir() if p.is_dir())
    assert slices == ["body", "exchanges", "header", "meetings", "plans", "web"]
    letters = sorted(INVENTED.rglob("*.txt"))
    assert len(letters) == 180 and all(p.with_suffix(".json").is_file() for p in letters)


@pytest.mark.parametrize("half", list(FLOORS))
def test_each_half_scores_at_least_its_floor(scores, half):
    assert scores[half]["present_macro"] >= FLOORS[half]


@pytest.mark.parametrize("half", list(FLOORS))
def test_header_fields_hold_on_both_halves(scores, half):
    low = {f: scores[half]["when_present"][f] for f in HEADER_FIELDS if scores[half]["when_present"][f] < HEADER_FLOOR}
    assert low == {}
