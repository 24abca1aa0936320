"""How the body readers hold up when a TUNING letter's lines are laid out another way.

    .venv/bin/python bench/perturb_lines.py [--corpus DIR] [--show] [--only X,Y]

Only the tuning half (even file numbers) is read. From "Kính gửi" on (or the body's first line), each transform
re-lays the letter's lines the way its copies do: a PDF text layer that breaks every line at a narrow or a wide
margin (``wrap50``, ``wrap70``: the indent of a wrapped line is lost; a table's rows stay), bullets retyped as "•"
(``bullets``); and a Word copy with a blank line after every line, its header's too (``double``). What a clerk
registers does not change; the bench counts the recipients, lead and cooperating units, deadlines, meeting and
replies that were right on the letter and are wrong on the copy (``--show`` lists them, tuning letters only).
Asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_extract import SHARED, load_scorer, tuning_letters  # noqa: E402
from perturb_header import header_end, t_nbsp  # noqa: E402

FIELDS = ("recipients", "lead_units", "cooperating_units", "deadlines", "meeting", "replies_to")


def _wrap(text: str, width: int) -> str:
    end = header_end(text)
    out = []
    for line in text[end:].split("\n"):
        if len(line) <= width or "|" in line or "\t" in line:  # a table's row stays a row
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""])
    return text[:end] + "\n".join(out)


def t_double(text: str) -> str:
    return text.replace("\n", "\n\n")  # the whole copy, its header too


def t_bullets(text: str) -> str:
    end = header_end(text)
    return text[:end] + re.sub(r"(?m)^([ \t]*)[-–+*][ \t]+", r"\1• ", text[end:])


def t_indent(text: str) -> str:
    return "\n".join("        " + line if line.strip() else line for line in text.split("\n"))


TRANSFORMS = {"wrap70": lambda t: _wrap(t, 70), "wrap50": lambda t: _wrap(t, 50), "double": t_double,
              "bullets": t_bullets, "indent": t_indent, "nbsp": lambda t: t_nbsp(t, {})}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev")
    parser.add_argument("--show", action="store_true", help="list each field that changed")
    parser.add_argument("--only", help="comma-separated transforms")
    args = parser.parse_args(argv)
    from nlp import Extractor

    scorer = load_scorer()
    extractor = Extractor()
    letters = tuning_letters(args.corpus)
    total = 0
    for name in args.only.split(",") if args.only else TRANSFORMS:
        lost, tried = [], 0
        for stem, (text, gold) in letters.items():
            new_text = TRANSFORMS[name](text)
            if new_text == text:
                continue
            tried += 1
            base = extractor.extract(text).to_json(stem)
            pred = extractor.extract(new_text).to_json(stem)
            for field in FIELDS:
                if field in gold and scorer.score_field(field, gold, base) == 1.0 \
                        and scorer.score_field(field, gold, pred) < 1.0:
                    lost.append((stem, field, base.get(field), pred.get(field)))
        total += len(lost)
        counts = " ".join(f"{f.split('_')[0]} {sum(1 for x in lost if x[1] == f)}" for f in FIELDS)
        print(f"{name:8s} letters {tried:3d}  fields lost {len(lost):3d}  ({counts})")
        if args.show:
            for stem, field, before, after in lost:
                print(f"    {stem} {field}: was {before!r:.100} now {after!r:.100}")
    print(f"{'total':8s} fields lost {total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
