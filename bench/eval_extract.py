"""Extraction scores on the dev set, split in two fixed halves, from text and (with --mail) from e-mail.

    .venv/bin/python bench/eval_extract.py [--corpus DIR] [--mail] [--json] [--keep DIR]
    .venv/bin/python bench/eval_extract.py --corpus bench/invented      # the project's own invented letters

The split never changes: a letter whose file stem is an even number (002, 004, ...) is in the TUNING half, an odd
one (025, 027, ...) in the HELD-OUT half. Rules are tuned by reading tuning letters only; the held-out half tells how
the rules do on letters they were not written from, and a large gap between the halves is the warning sign.

Text path: ``nlp.Extractor`` on each .txt. Mail path (--mail): each letter becomes an .eml (a Windows-1258 encoded
subject, a decomposed-Unicode body, the letter attached as a PDF or a DOCX, alternating) and goes through
``congvan extract --jsonl`` like a clerk's saved mail. Each half is scored by ../shared/eval/score.py; prints the
per-field scores "where the letter has the field" and their macro. Asserts nothing.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
HALVES = ("tuning", "held_out")


def half_of(stem: str) -> str:
    """The fixed split: even file number = tuning, odd = held-out."""
    digits = "".join(ch for ch in stem if ch.isdigit())
    return "tuning" if digits and int(digits) % 2 == 0 else "held_out"


def load_scorer():
    import importlib.util

    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def letters_in(corpus: Path) -> dict[str, Path]:
    """Each letter's stem and folder: NNN.txt beside NNN.json, in the corpus or (for the project's invented set,
    bench/invented/) in its sub-folders."""
    return {p.stem: p.parent for p in sorted(corpus.rglob("*.json")) if p.with_suffix(".txt").exists()}


def tuning_letters(corpus: Path) -> dict[str, tuple[str, dict]]:
    """The tuning half's letters (even file numbers) as {stem: (text, gold)}: the only ones a bench may read."""
    return {stem: ((folder / f"{stem}.txt").read_text(encoding="utf-8", errors="replace"),
                   json.loads((folder / f"{stem}.json").read_text(encoding="utf-8")))
            for stem, folder in letters_in(corpus).items() if half_of(stem) == "tuning"}


def score_half(scorer, corpus: Path, stems: list[str], pred_path: Path, workdir: Path) -> dict:
    """score.py on one half: its gold files are linked into a folder of their own."""
    gold = workdir / "gold"
    gold.mkdir(parents=True, exist_ok=True)
    folders = letters_in(corpus)
    for stem in stems:
        link = gold / f"{stem}.json"
        if not link.exists():
            link.symlink_to(folders[stem] / f"{stem}.json")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        scorer.main([str(gold), str(pred_path), "--json"])
    return json.loads(out.getvalue().strip().splitlines()[-1])


# ----------------------------------------------------------------------------------------------- text path
def text_predictions(corpus: Path, stems: list[str]) -> list[dict]:
    from nlp import Extractor

    extractor = Extractor()
    folders = letters_in(corpus)
    out = []
    for stem in stems:
        text = (folders[stem] / f"{stem}.txt").read_text(encoding="utf-8", errors="replace")
        out.append(extractor.extract(text).to_json(f"{stem}.txt"))
    return out


# ----------------------------------------------------------------------------------------------- mail path
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258_form(text: str) -> str:
    """Vietnamese as Windows-1258 writes it: base letters (â, ơ, ư ...) precomposed, tone marks combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)) + tones)
    return "".join(out)


def as_pdf(text: str, *, nfd: bool = False, align: str = "J") -> bytes:
    """The letter as a word processor prints it (7 pt DejaVu Sans, A4; fpdf2's justified lines unless ``align`` is
    "L"), optionally with decomposed text (an NFD text layer)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(12, 12, 12)
    pdf.set_auto_page_break(True, 12)
    pdf.add_font("sans", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("sans", "", 7)
    pdf.add_page()
    for line in text.splitlines():
        line = line.replace("\t", "    ")
        if nfd:
            line = unicodedata.normalize("NFD", line)
        pdf.multi_cell(0, 3.2, line if line.strip() else " ", new_x="LMARGIN", new_y="NEXT", align=align)
    return bytes(pdf.output())


def as_docx(text: str) -> bytes:
    from docx import Document

    doc = Document()
    for line in text.splitlines():
        doc.add_paragraph(unicodedata.normalize("NFD", line))  # decomposed, as some Word add-ins save it
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def encoded_word(text: str) -> str:
    """One RFC 2047 word in Windows-1258, as older Vietnamese mail clients send subjects."""
    data = cp1258_form(text).encode("cp1258")
    return f"=?windows-1258?B?{base64.b64encode(data).decode('ascii')}?="


def build_mail(stem: str, text: str, kind: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "vanthu@so-noivu.example"
    msg["To"] = "tiepnhan@ubnd-phuong.example"
    msg["Subject"] = " ".join(encoded_word(w) for w in ("Chuyển văn bản", f"điện tử số {stem}"))
    msg["Date"] = "Mon, 02 Mar 2026 08:00:00 +0700"
    msg["Message-ID"] = f"<eval-{stem}@so-noivu.example>"
    note = "Văn thư gửi kèm văn bản điện tử (tệp đính kèm).\n\nTrân trọng.\n"
    msg.set_content(unicodedata.normalize("NFD", note), charset="utf-8")
    if kind == "pdf":
        msg.add_attachment(as_pdf(text), maintype="application", subtype="pdf", filename=f"van-ban-{stem}.pdf")
    else:
        msg.add_attachment(as_docx(text), maintype="application",
                           subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                           filename=f"van-ban-{stem}.docx")
    return bytes(msg)


def attachment_kind(stem: str) -> str:
    """PDF and DOCX alternate within each half (by the file number modulo 4)."""
    digits = "".join(ch for ch in stem if ch.isdigit())
    return "pdf" if int(digits or 0) % 4 in (0, 1) else "docx"


def mail_predictions(corpus: Path, stems: list[str], workdir: Path) -> list[dict]:
    mails = workdir / "mail"
    mails.mkdir(parents=True, exist_ok=True)
    paths = []
    folders = letters_in(corpus)
    for stem in stems:
        text = (folders[stem] / f"{stem}.txt").read_text(encoding="utf-8", errors="replace")
        path = mails / f"{stem}.eml"
        path.write_bytes(build_mail(stem, text, attachment_kind(stem)))
        paths.append(str(path))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run([sys.executable, "-m", "congvan.cli", "extract", "--jsonl", *paths], cwd=workdir,
                          capture_output=True, text=True, env=env, check=False)
    preds = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    if len(preds) != len(stems):
        print(f"mail path: {len(preds)} of {len(stems)} letters came back; stderr: {done.stderr[-2000:]}",
              file=sys.stderr)
    return preds


# ----------------------------------------------------------------------------------------------- report
def evaluate(corpus: Path, mail: bool, workdir: Path) -> dict:
    scorer = load_scorer()
    stems = sorted(letters_in(corpus))
    paths = {"text": text_predictions(corpus, stems)}
    if mail:
        paths["mail"] = mail_predictions(corpus, stems, workdir)
    report: dict = {"corpus": str(corpus), "letters": {h: sum(half_of(s) == h for s in stems) for h in HALVES}}
    for path_name, preds in paths.items():
        by_stem = {Path(p["source"]).stem: p for p in preds}
        report[path_name] = {}
        for half in HALVES:
            half_stems = [s for s in stems if half_of(s) == half]
            hdir = workdir / path_name / half
            hdir.mkdir(parents=True, exist_ok=True)
            pred_path = hdir / "pred.jsonl"
            with pred_path.open("w", encoding="utf-8") as handle:
                for stem in half_stems:
                    if stem in by_stem:
                        handle.write(json.dumps({**by_stem[stem], "source": f"{stem}.txt"}, ensure_ascii=False) + "\n")
            report[path_name][half] = score_half(scorer, corpus, half_stems, pred_path, hdir)
    return report


def print_table(report: dict) -> None:
    counts = report["letters"]
    for path_name in ("text", "mail"):
        if path_name not in report:
            continue
        halves = report[path_name]
        print(f"{path_name} path, where the letter has the field (n = letters with the field)")
        print(f"{'field':20s} {'tuning':>8s} {'n':>4s} {'held-out':>9s} {'n':>4s}")
        fields = list(halves["tuning"]["when_present"]) + [
            f for f in halves["held_out"]["when_present"] if f not in halves["tuning"]["when_present"]]
        for field in fields:
            row = f"{field:20s}"
            for half, width in (("tuning", 8), ("held_out", 9)):
                value = halves[half]["when_present"].get(field)
                shown = f"{value:.3f}" if value is not None else "-"
                row += f" {shown:>{width}s} {halves[half]['present_counts'][field]:4d}"
            print(row)
        print(f"{'macro (present)':20s} {halves['tuning']['present_macro']:8.3f} {counts['tuning']:4d}"
              f" {halves['held_out']['present_macro']:9.3f} {counts['held_out']:4d}")
        print(f"{'macro (all)':20s} {halves['tuning']['macro']:8.3f} {'':4s} {halves['held_out']['macro']:9.3f}")
        print(f"{'all fields right':20s} {halves['tuning']['all_fields_right']:8.3f} {'':4s}"
              f" {halves['held_out']['all_fields_right']:9.3f}")
        print()
    if "mail" in report:
        for half in HALVES:
            gap = report["text"][half]["present_macro"] - report["mail"][half]["present_macro"]
            print(f"mail path gap ({half}): text - mail = {gap:+.4f} (macro where present)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev")
    parser.add_argument("--mail", action="store_true", help="also score the mail path (.eml with PDF/DOCX)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--keep", type=Path, help="write pred.jsonl files and mails here instead of a temp dir")
    args = parser.parse_args(argv)
    if not (args.corpus.is_dir() and (SHARED / "eval" / "score.py").is_file()):
        print(f"no corpus at {args.corpus} or no ../shared/eval/score.py", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="eval-extract-") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        report = evaluate(args.corpus.resolve(), args.mail, workdir)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
