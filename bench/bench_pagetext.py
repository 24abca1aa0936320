"""A PDF page's text as intake.documents lays it out: what ``_page_text`` costs a page and, saved and compared, whether
a change to it keeps its output.

The pages: the dev letters and the project's invented letters rendered as eval_extract renders them for the mail path
(``as_pdf``), the dev letters again decomposed (NFD) and justified, the sample letters' own PDFs (the NĐ 30 two-column
header, as bench_import attaches them) and every PDF under ../shared/fixtures (the hostile ones included). Each page is
timed with PDFium's plain text (``get_text_range``, the floor) beside it; the figure is the best of --repeat rounds.

    .venv/bin/python bench/bench_pagetext.py [--repeat 5] [--dump FILE] [--against FILE]

--dump writes every page's text to FILE (JSON); --against FILE prints each page whose text differs from FILE's, and
exits 1 when any does. Run --dump before a change and --against after it.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def documents() -> list[tuple[str, str, bytes]]:
    """(group, name, PDF bytes) for every document of the bench."""
    from bench.eval_extract import as_pdf, letters_in
    from congvan.samples.letters import Letter

    docs = []
    for group, corpus in (("dev", SHARED / "corpus" / "dev"), ("invented", ROOT / "bench" / "invented")):
        for stem, folder in letters_in(corpus).items() if corpus.is_dir() else ():
            text = (folder / f"{stem}.txt").read_text(encoding="utf-8", errors="replace")
            docs.append((group, f"{group}/{stem}", as_pdf(text)))
            if group == "dev":
                docs.append(("variants", f"nfd/{stem}", as_pdf(text, nfd=True, align="L")))
                # as_pdf justifies by default (fpdf2's own default): this variant is the same page, kept so that
                # the page count stays the one the figures were measured on
                docs.append(("variants", f"justified/{stem}", as_pdf(text, align="J")))
    paragraph = ("Thực hiện Kế hoạch số 45/KH-UBND ngày 10 tháng 01 năm 2025 của Ủy ban nhân dân Quận 11 về chỉnh "
                 "trang đô thị, đề nghị các đơn vị rà soát hiện trạng vỉa hè, lòng đường, hệ thống thoát nước.")
    for kind in ("cong_van", "giay_moi", "thong_bao", "ke_hoach", "to_trinh", "bao_cao"):
        letter = Letter.make(kind, by="q11.p5", number=17, issued=date(2025, 3, 5),
                             body_paragraphs=tuple(f"{k + 1}. {paragraph}" for k in range(11)))
        docs.append(("samples", f"samples/{kind}", letter.as_pdf()))
    for path in sorted((SHARED / "fixtures").rglob("*.pdf")):
        docs.append(("fixtures", f"fixtures/{path.relative_to(SHARED / 'fixtures')}", path.read_bytes()))
    return docs


def pages_of(data: bytes):
    """Each readable page's PDFium text page (at most intake's page limit); nothing for a PDF PDFium refuses."""
    import pypdfium2 as pdfium

    from intake.documents import MAX_PDF_PAGES

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None, []
    pages = []
    try:
        for i in range(min(len(pdf), MAX_PDF_PAGES)):
            page = pdf[i]
            pages.append((page, page.get_textpage()))
    except pdfium.PdfiumError:
        pass
    return pdf, pages


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dump", type=Path, help="write every page's text here (JSON)")
    parser.add_argument("--against", type=Path, help="compare every page's text with this --dump file")
    args = parser.parse_args(argv)

    from intake.documents import _page_text

    t0 = time.perf_counter()
    docs = documents()
    print(f"{len(docs)} documents made or read in {time.perf_counter() - t0:.1f} s")
    texts: dict[str, list[str]] = {}
    timing: dict[str, list[float]] = {}  # group: [pages, layout s, plain s, characters]
    for group, name, data in docs:
        pdf, pages = pages_of(data)
        if pdf is None:
            continue
        texts[name] = [_page_text(tp) for _, tp in pages]
        best_layout = best_plain = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            for _, tp in pages:
                _page_text(tp)
            mid = time.perf_counter()
            for _, tp in pages:
                tp.get_text_range()
            end = time.perf_counter()
            best_layout, best_plain = min(best_layout, mid - start), min(best_plain, end - mid)
        row = timing.setdefault(group, [0, 0.0, 0.0, 0])
        row[0] += len(pages)
        row[1] += best_layout
        row[2] += best_plain
        row[3] += sum(tp.count_chars() for _, tp in pages)
        for page, tp in pages:
            tp.close()
            page.close()
        pdf.close()

    print(f"{'group':10s} {'pages':>6s} {'chars/page':>10s} {'layout ms/page':>15s} {'plain ms/page':>14s}")
    total = [0, 0.0, 0.0, 0]
    for group, row in timing.items():
        total = [a + b for a, b in zip(total, row)]
    for group, row in [*timing.items(), ("all", total)]:
        pages = max(row[0], 1)
        print(f"{group:10s} {row[0]:6d} {row[3] / pages:10.0f} {1000 * row[1] / pages:15.3f} "
              f"{1000 * row[2] / pages:14.3f}")

    if args.dump:
        args.dump.write_text(json.dumps(texts, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"page texts written to {args.dump}")
    if args.against:
        before = json.loads(args.against.read_text(encoding="utf-8"))
        differing = 0
        for name in sorted(set(before) | set(texts)):
            old, new = before.get(name), texts.get(name)
            if old == new:
                continue
            differing += 1
            print(f"--- {name}: differs")
            for i, (a, b) in enumerate(zip(old or [], new or [])):
                if a != b:
                    diff = difflib.unified_diff(a.splitlines(), b.splitlines(), f"before p{i + 1}", f"after p{i + 1}",
                                                lineterm="", n=1)
                    print("\n".join(list(diff)[:40]))
            if old is None or new is None or len(old) != len(new):
                counts = [None if pages is None else len(pages) for pages in (old, new)]
                print(f"    pages: {counts[0]} before, {counts[1]} after")
        pages = sum(len(v) for v in texts.values())
        print(f"compared with {args.against}: {len(texts)} documents, {pages} pages; {differing} document(s) differ")
        return 1 if differing else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
