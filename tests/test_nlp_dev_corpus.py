"""The extractor on the shared real letters, scored by ../shared/eval/score.py (skipped where ../shared is absent)."""

import importlib.util
import json
from pathlib import Path

import pytest

from nlp import Extractor

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "corpus" / "dev"
SCORE = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(not (DEV.is_dir() and SCORE.is_file()), reason="../shared corpus not present")


def test_dev_letters_score_at_least_the_agreed_floor(tmp_path):
    spec = importlib.util.spec_from_file_location("score", SCORE)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    extractor = Extractor()
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for path in sorted(DEV.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            out.write(json.dumps(extractor.extract(text).to_json(str(path)), ensure_ascii=False) + "\n")
    summary = tmp_path / "summary.json"
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        score.main([str(DEV), str(pred), "--json"])
    result = json.loads(buffer.getvalue())
    assert result["present_macro"] >= 0.93
    for field in ("doc_number", "issue_date", "doc_type", "issuer", "place", "deadlines", "replies_to"):
        assert result["when_present"][field] >= 0.9, field
