"""How the web-page readers hold up when a TUNING letter reaches the office as a web page or a news item.

    .venv/bin/python bench/perturb_web.py [--corpus DIR] [--show] [--only X]

Only the tuning half (even file numbers) is read. Each transform drops the letter's own header (letterhead, number,
date line, title and trích yếu) and keeps its body, then names the letter the way a portal or a news site does: a
news lead ("X vừa ban hành Công văn số ... ngày ... về việc ...", "Ngày 5/6/2024, X ban hành ...", "Mới đây, X đã
có ...", a date after a clause that cites another document), a page title that is the letter's record ("Công văn
12/UBND-VP năm 2024 về ... do X ban hành", "Công văn số ... ngày ... của X về ...", "... (số ..., ngày ...)"), a
portal's record with other labels ("Số hiệu văn bản", "Ngày ký ban hành", label over value, a table's pipes), a
credit line ("(Theo Công văn số ...)", "Nguồn: ... của X"). The clerk registers the same number, date, type, issuer
and subject; prints, per transform, how many of those the reader misses (``--show`` lists them, tuning letters
only). Where the gold's issuer is a letterhead in capitals the page names an invented body instead. Asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_extract import SHARED, load_scorer, tuning_letters  # noqa: E402
from perturb_header import header_end  # noqa: E402

FIELDS = ("doc_number", "issue_date", "doc_type", "issuer", "subject")
CITED = "Kế hoạch số 15/KH-UBND ngày {} của Ủy ban nhân dân tỉnh Nam Sơn"


def _cited(gold: dict) -> str:
    """The plan a lead cites: issued before the letter (10 January of its year, or of the year before)."""
    y, m, d = (int(x) for x in gold["issue_date"].split("-"))
    return CITED.format(f"10/01/{y if (m, d) > (1, 10) else y - 1}")


def _prose_issuer(gold: dict) -> bool:
    issuer = gold.get("issuer") or ""
    letters = [c for c in issuer if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) < 0.6 * len(letters) and "\n" not in issuer


def _name(gold: dict) -> str:
    """The issuer as prose names it: the gold's own wording, or an invented body where the gold is a letterhead in
    capitals (no news item writes one)."""
    return " ".join(gold["issuer"].split()) if _prose_issuer(gold) else "Ủy ban nhân dân huyện Đông Khê"


def _dmy(gold: dict, year: bool = True) -> str:
    y, m, d = gold["issue_date"].split("-")
    return f"{int(d)}/{int(m)}/{y}" if year else f"{int(d)}/{int(m)}"


def _about(gold: dict) -> str:
    subject = " ".join((gold.get("subject") or "").split()).rstrip(". ")
    subject = re.sub(r"^(?:V/[vV]|v/v|Về\s+việc|VỀ\s+VIỆC|Về|VỀ)\s*:?\s*", "", subject)
    if not subject:
        return ""
    if subject.isupper():
        subject = subject.lower()
    return "về việc " + subject[:1].lower() + subject[1:]


def _body(text: str) -> str:
    return text[header_end(text):]


def _kind(gold: dict) -> str:
    return gold.get("doc_type") or "Công văn"


def t_lead_vua(text, gold):
    date = f" ngày {_dmy(gold)}" if gold.get("issue_date") else ""
    return f"Tin tức - Sự kiện\n{_name(gold)} vừa ban hành {_kind(gold)} số {gold['doc_number']}{date} " \
           f"{_about(gold)}.\n\n" + _body(text)


def t_lead_ngay(text, gold):
    if not gold.get("issue_date"):
        return text
    return f"Ngày {_dmy(gold)}, {_name(gold)} ban hành {_kind(gold)} số {gold['doc_number']} {_about(gold)}.\n\n" \
           + _body(text)


def t_lead_moiday(text, gold):
    return f"Mới đây, {_name(gold)} đã có {_kind(gold)} số {gold['doc_number']} gửi các cơ quan, đơn vị " \
           f"{_about(gold)}.\n\n" + _body(text)


def t_lead_cited(text, gold):
    if not gold.get("issue_date"):
        return text
    return f"Thực hiện {_cited(gold)}, ngày {_dmy(gold, year=False)}, {_name(gold)} ban hành {_kind(gold)} số " \
           f"{gold['doc_number']} {_about(gold)}.\n\n" + _body(text)


def t_title_do(text, gold):
    if not gold.get("issue_date") or not _about(gold):
        return text
    return f"{_kind(gold)} {gold['doc_number']} năm {gold['issue_date'][:4]} {_about(gold)} do {_name(gold)} " \
           f"ban hành\n\n" + _body(text)


def t_title_cua(text, gold):
    if not gold.get("issue_date") or not _about(gold):
        return text
    return f"{_kind(gold)} số {gold['doc_number']} ngày {_dmy(gold)} của {_name(gold)} {_about(gold)}\n\n" \
           + _body(text)


def t_title_paren(text, gold):
    subject = _about(gold)[len("về việc "):]
    if not gold.get("issue_date") or not subject:
        return text
    return f"{subject[:1].upper()}{subject[1:]} (số {gold['doc_number']}, ngày {_dmy(gold)})\n\n" + _body(text)


def t_portal_labels(text, gold):
    rows = [f"Số hiệu văn bản: {gold['doc_number']}"]
    if gold.get("issue_date"):
        rows.append(f"Ngày ký ban hành: {_dmy(gold)}")
    rows += [f"Cơ quan ban hành: {_name(gold)}", "Người ký: Nguyễn Văn An", "Lĩnh vực: Hành chính",
             "Mức độ khẩn: " + (gold.get("urgency") or "Bình thường")]
    if gold.get("subject"):
        rows.append("Trích yếu: " + " ".join(gold["subject"].split()))
    return "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH NAM SƠN\n" + "\n".join(rows) + "\n\n" + _body(text)


def t_portal_lines(text, gold):
    rows = ["Số hiệu", gold["doc_number"]]
    if gold.get("issue_date"):
        rows += ["Ngày ban hành", _dmy(gold)]
    rows += ["Loại văn bản", _kind(gold), "Cơ quan ban hành", _name(gold)]
    if gold.get("subject"):
        rows += ["Trích yếu", " ".join(gold["subject"].split())]
    return "Thông tin văn bản\n" + "\n".join(rows) + "\n\n" + _body(text)


def t_portal_pipes(text, gold):
    date = _dmy(gold) if gold.get("issue_date") else ""
    rows = [f"| Số hiệu | {gold['doc_number']} | Ngày ban hành | {date} |",
            f"| Cơ quan ban hành | {_name(gold)} | Người ký | Nguyễn Văn An |"]
    if gold.get("subject"):
        rows.append("| Trích yếu | " + " ".join(gold["subject"].split()) + " |")
    return "\n".join(rows) + "\n\n" + _body(text)


def t_credit_theo(text, gold):
    date = f", ngày {_dmy(gold)}" if gold.get("issue_date") else ""
    return _body(text).rstrip() + f"\n\n(Theo {_kind(gold)} số {gold['doc_number']}{date})\n"


def t_credit_nguon(text, gold):
    date = f" ngày {_dmy(gold)}" if gold.get("issue_date") else ""
    return _body(text).rstrip() + f"\n\nNguồn: {_kind(gold)} số {gold['doc_number']}{date} của {_name(gold)}\n"


TRANSFORMS = {
    "lead_vua": t_lead_vua, "lead_ngay": t_lead_ngay, "lead_moiday": t_lead_moiday, "lead_cited": t_lead_cited,
    "title_do": t_title_do, "title_cua": t_title_cua, "title_paren": t_title_paren,
    "portal_labels": t_portal_labels, "portal_lines": t_portal_lines, "portal_pipes": t_portal_pipes,
    "credit_theo": t_credit_theo, "credit_nguon": t_credit_nguon,
}
# The fields each form carries (a credit line names no subject; a paren title gives no issuer).
CARRIES = {
    "lead_vua": FIELDS, "lead_ngay": FIELDS, "lead_moiday": ("doc_number", "doc_type", "issuer", "subject"),
    "lead_cited": FIELDS, "title_do": ("doc_number", "doc_type", "issuer", "subject"), "title_cua": FIELDS,
    "title_paren": ("doc_number", "issue_date", "doc_type", "subject"), "portal_labels": FIELDS,
    "portal_lines": FIELDS, "portal_pipes": FIELDS, "credit_theo": ("doc_number", "issue_date", "doc_type"),
    "credit_nguon": ("doc_number", "issue_date", "doc_type", "issuer"),
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev")
    parser.add_argument("--show", action="store_true", help="list each field missed")
    parser.add_argument("--only", help="comma-separated transforms")
    args = parser.parse_args(argv)
    from nlp import Extractor

    scorer = load_scorer()
    extractor = Extractor()
    # a page can only name a letter that has its number and issuer
    letters = {stem: (text, gold) for stem, (text, gold) in tuning_letters(args.corpus).items()
               if gold.get("doc_number") and not gold["doc_number"].startswith("/") and gold.get("issuer")}
    names = args.only.split(",") if args.only else list(TRANSFORMS)
    total = checked = 0
    for name in names:
        lost, tried, fields = [], 0, 0
        for stem, (text, gold) in letters.items():
            new_text = TRANSFORMS[name](text, gold)
            if new_text == text:
                continue
            tried += 1
            pred = extractor.extract(new_text).to_json(stem)
            for field in CARRIES[name]:
                if field == "subject" and not gold.get("subject"):
                    continue
                fields += 1
                want = {**gold, "issuer": _name(gold)}
                if scorer.score_field(field, want, pred) < 1.0:
                    lost.append((stem, field, want.get(field), pred.get(field)))
        total += len(lost)
        checked += fields
        print(f"{name:14s} letters {tried:3d}  fields {fields:4d}  missed {len(lost):3d}")
        if args.show:
            for stem, field, g, p in lost:
                print(f"    {stem} {field}: gold {g!r:.90} got {p!r:.90}")
    print(f"{'total':14s} fields {checked:4d}  missed {total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
