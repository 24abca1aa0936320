"""How the deadline, meeting and reply readers hold up when a TUNING letter words its sentences another way.

    .venv/bin/python bench/perturb_body.py [--corpus DIR] [--show] [--only X,Y] [--hostile]

Only the tuning half (even file numbers) is read. Each transform finds, in a letter, the phrase that gives a gold
deadline, the meeting's time and date, or a reply's number, and rewrites it in another form real letters use
("chậm nhất trong ngày …", a phrase wrapped over two lines, "trong tháng 6/2025", "quý III/2025", "vào lúc 7 giờ 30
phút, ngày …", "13h30", a weekday before the date, the time after it, "Trả lời Công văn số …", two numbers in one
reply, a directive carried out that is not a reply ...). The rewritten letter has a known answer; the bench counts
the fields that were right on the letter and are wrong on the rewrite (``--show`` lists them, tuning letters only).
``--hostile`` times the three readers on 200 KB of one repeated phrase instead. Asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_extract import SHARED, load_scorer, tuning_letters  # noqa: E402

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def flex(phrase: str) -> re.Pattern:
    """The phrase with any run of white space allowed where it has one (letters wrap and indent)."""
    return re.compile(r"\s+".join(re.escape(w) for w in phrase.split()))


def date_forms(day: date) -> re.Pattern:
    d, m, y = day.day, day.month, day.year
    return re.compile(
        rf"(?<!\d)0?{d}\s{{0,2}}([/.\-])\s{{0,2}}0?{m}\s{{0,2}}\1\s{{0,2}}{y}(?!\d)"
        rf"|(?<!\d)0?{d}\s{{1,3}}tháng\s{{1,3}}0?{m}\s{{1,3}}năm\s{{1,3}}{y}(?!\d)"
        rf"|(?<!\d)0?{d}\s{{0,2}}/\s{{0,2}}0?{m}(?![\d/])")


# ------------------------------------------------------------------------------------------------ deadlines
# Each variant renders a deadline day; it returns the phrase and the deadline key the reader should give.
def dl(render, key=None):
    return render, key


DEADLINE_FORMS = {
    "d_chamnhat": dl(lambda t: f"chậm nhất trong ngày {t.day}/{t.month}/{t.year}"),
    "d_chamnhat_la": dl(lambda t: f"chậm nhất là ngày {t.day:02d}/{t.month:02d}/{t.year}"),
    "d_wrap": dl(lambda t: f"trước\n        ngày {t.day}/{t.month}/{t.year}"),
    "d_wrap_words": dl(lambda t: f"chậm nhất ngày {t.day:02d} tháng\n   {t.month:02d} năm {t.year}"),
    "d_words": dl(lambda t: f"trước ngày {t.day:02d} tháng {t.month:02d} năm {t.year}"),
    "d_hour": dl(lambda t: f"trước 16 giờ 00 ngày {t.day}/{t.month}/{t.year}"),
    "d_hour_h": dl(lambda t: f"chậm nhất 10h00, ngày {t.day:02d}/{t.month:02d}/{t.year}"),
    "d_weekday": dl(lambda t: f"trước {_WEEKDAYS[t.weekday()]}, ngày {t.day}/{t.month}/{t.year}"),
    "d_weekday_paren": dl(lambda t: f"chậm nhất vào {_WEEKDAYS[t.weekday()].lower()} ({t.day}/{t.month}/{t.year})"),
    "d_noyear": dl(lambda t: f"trước {t.day}/{t.month}"),
    "d_hanchot": dl(lambda t: f"hạn chót là ngày {t.day}/{t.month}/{t.year}"),
    "d_khongmuon": dl(lambda t: f"không muộn hơn ngày {t.day}/{t.month}/{t.year}"),
    "d_dotted": dl(lambda t: f"trước ngày {t.day:02d}.{t.month:02d}.{t.year}"),
    "d_month": dl(lambda t: f"trong tháng {t.month}/{t.year}", lambda t: f"{t.year}-{t.month:02d}"),
    "d_month_words": dl(lambda t: f"trong tháng {t.month:02d} năm {t.year}", lambda t: f"{t.year}-{t.month:02d}"),
    "d_month_before": dl(lambda t: f"chậm nhất trong tháng\n  {t.month}/{t.year}", lambda t: f"{t.year}-{t.month:02d}"),
    "d_quarter": dl(lambda t: f"trong quý {_ROMAN[(t.month + 2) // 3]}/{t.year}", lambda t: ""),
    "d_working": dl(lambda t: "trong thời hạn 10 ngày làm việc kể từ ngày nhận được văn bản này", lambda t: "rel:10"),
    "d_working_words": dl(lambda t: "trong vòng 05 (năm) ngày\n  làm việc", lambda t: "rel:5"),
    "d_monthly": dl(lambda t: f"trước ngày {t.day} hằng tháng", lambda t: ""),
}
QUARTER_WANTED = {"d_quarter"}
MONTHLY_WANTED = {"d_monthly"}


def deadline_cases(name: str, text: str, gold: dict, issued: date | None):
    """One rewrite per gold deadline with a day whose phrase is found in the letter."""
    render, key = DEADLINE_FORMS[name]
    items = [d for d in gold.get("deadlines") or [] if isinstance(d, dict)]
    for i, item in enumerate(items):
        if not item.get("date") or len(item["date"]) != 10 or not item.get("text"):
            continue
        day = date.fromisoformat(item["date"])
        if name == "d_noyear" and (issued is None or issued.year != day.year or day < issued):
            continue
        if any(d.get("date") == item["date"] for d in items[:i]):
            continue  # the same day for another unit: rewritten with the first
        said = re.compile(r"(?i)(?:trước|chậm\s+nhất(?:\s+là)?|hạn\s+chót(?:\s+là)?|không\s+muộn\s+hơn)\s+(?:ngày\s+)?"
                          r"(?:" + date_forms(day).pattern + ")")
        found, end = [], -1
        for m in sorted([*flex(item["text"]).finditer(text), *said.finditer(text)], key=lambda m: m.start()):
            if m.start() >= end:
                found.append(m)
                end = m.end()
        if not found:
            continue
        new_text = text
        for m in reversed(found):  # every place the letter states it (a trích yếu may repeat the body's deadline)
            # keep the words before the keyword ("hoàn thành chậm nhất ngày ..." keeps "hoàn thành")
            km = re.search(r"(?i)(?:trước|chậm\s+nhất|hạn\s+chót|đến\s+ngày|không\s+muộn)", m.group())
            start = m.start() + (km.start() if km else 0)
            new_text = new_text[:start] + render(day) + new_text[m.end():]
        want = [dict(d) for d in items]
        new_key = key(day) if key else item["date"]
        for j, other in enumerate(items):
            if other.get("date") != item["date"]:
                continue
            if new_key.startswith("rel:"):
                want[j] = {**other, "date": None, "relative_working_days": int(new_key[4:])}
            else:
                want[j] = {**other, "date": new_key or None, "relative_working_days": None}
        check = None
        if name in QUARTER_WANTED:
            quarter = f"{day.year}-Q{(day.month + 2) // 3}"
            check = ("quarter", quarter)
        if name in MONTHLY_WANTED:
            check = ("day_of_month", day.day)
        yield new_text, {"deadlines": want}, check


def quoted_cases(name: str, text: str, gold: dict, issued: date | None):
    """A sentence relaying another document's deadline or a regulation's limit, added before the letter's own."""
    if not gold.get("deadlines") or issued is None:
        return
    at = _body_start(text)
    if at is None:
        return
    y = issued.year
    sentences = {
        "q_cited": f"Thực hiện Công văn số 45/SNV-VP ngày 02/01/{y} của Sở Nội vụ tỉnh Nam Sơn về việc báo cáo "
                   f"trước ngày 28/12/{y}, ",
        "q_quote": f"Điều 5 Quy chế mẫu quy định: “hồ sơ gửi trước ngày 28/12/{y} được xét trong đợt 1”.\n",
        "q_directive": f"Thực hiện ý kiến chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh Nam Sơn tại Công văn số "
                       f"77/UBND-TH ngày 02/01/{y} yêu cầu hoàn thành chậm nhất ngày 28/12/{y};\n",
    }
    yield text[:at] + sentences[name] + text[at:], {"deadlines": gold.get("deadlines")}, None


# ------------------------------------------------------------------------------------------------ meeting
_TIME = re.compile(r"(?<![\d/])(?P<h>\d{1,2})\s{0,2}(?:giờ|h|g|:)\s{0,2}(?P<mm>\d{2})?(?:\s{0,2}phút)?(?![\d/])", re.I)


def meeting_span(text: str, when: datetime) -> tuple[int, int] | None:
    """From the meeting's time to its date (either order), as the letter writes them."""
    for dm in date_forms(when.date()).finditer(text):
        before = text[max(0, dm.start() - 90):dm.start()]
        for tm in reversed(list(_TIME.finditer(before))):
            if int(tm.group("h")) == when.hour and int(tm.group("mm") or 0) == when.minute:
                start = dm.start() - len(before) + tm.start()
                lead = re.search(r"(?i)(?:(?:vào\s+)?(?:lúc|hồi)\s+|từ\s+)$", text[max(0, start - 12):start])
                return (start - len(lead.group()) if lead else start), dm.end()
        after = text[dm.end():dm.end() + 60]
        for tm in _TIME.finditer(after):
            if int(tm.group("h")) == when.hour and int(tm.group("mm") or 0) == when.minute:
                lead = re.search(r"(?i)ngày\s+$", text[max(0, dm.start() - 8):dm.start()])
                return (dm.start() - len(lead.group()) if lead else dm.start()), dm.end() + tm.end()
    return None


def _hm(w: datetime, sep: str = " giờ ") -> str:
    return f"{w.hour}{sep}{w.minute:02d}"


MEETING_FORMS = {
    "m_vaoluc": lambda w: f"vào lúc {w.hour} giờ {w.minute:02d} phút, ngày {w.day}/{w.month}/{w.year}",
    "m_13h30": lambda w: f"{_hm(w, 'h')} ngày {w.day:02d}/{w.month:02d}/{w.year}",
    "m_gio00": lambda w: f"{_hm(w)}, ngày {w.day}/{w.month}/{w.year}",
    "m_hoi": lambda w: (f"vào hồi {w.hour} giờ" + (f" {w.minute:02d}" if w.minute else "")
                        + f", ngày {w.day}/{w.month}/{w.year}"),
    "m_weekday": lambda w: f"{_hm(w)}, {_WEEKDAYS[w.weekday()]}, ngày {w.day}/{w.month}/{w.year}",
    "m_after": lambda w: f"ngày {w.day}/{w.month}/{w.year}, lúc {_hm(w)}",
    "m_after_weekday": lambda w: (f"{_WEEKDAYS[w.weekday()]}, ngày {w.day:02d} tháng {w.month:02d} năm {w.year},"
                                  f" vào lúc {_hm(w, 'h')}"),
    "m_after_buoi": lambda w: (f"ngày {w.day}/{w.month}/{w.year} ({_WEEKDAYS[w.weekday()]}), buổi "
                               f"{'sáng' if w.hour < 12 else 'chiều'} từ {_hm(w, 'h')}"),
    "m_words": lambda w: f"{w.hour} giờ {w.minute:02d} phút ngày {w.day} tháng {w.month} năm {w.year}",
    "m_wrap": lambda w: f"vào lúc {_hm(w)},\n     ngày {w.day}/{w.month}/{w.year}",
    "m_range": lambda w: f"từ {_hm(w)} đến {min(w.hour + 3, 23)} giờ 00, ngày {w.day}/{w.month}/{w.year}",
    "m_labels": lambda w: f"như sau:\n- Thời gian:\n   {_hm(w)}, {_WEEKDAYS[w.weekday()]}, ngày "
                          f"{w.day}/{w.month}/{w.year}.\n- Địa điểm:\n   Hội trường khu phố 3.\n",
}


def meeting_cases(name: str, text: str, gold: dict, issued: date | None):
    meeting = gold.get("meeting")
    if not meeting or not meeting.get("datetime"):
        return
    when = datetime.fromisoformat(meeting["datetime"])
    span = meeting_span(text, when)
    if span is None:
        return
    yield text[:span[0]] + MEETING_FORMS[name](when) + text[span[1]:], {"meeting": meeting}, None


# ------------------------------------------------------------------------------------------------ replies
_REF = r"(?:[Cc]ông\s+văn|[Vv]ăn\s+bản|[Tt]ờ\s+trình|[Tt]hông\s+báo(?:\s+\w+){0,2})(?:\s+số)?\s*:?\s*"
_DATE_AFTER = re.compile(r"\s{0,3}ngày\s{1,3}(?:\d{1,2}\s{0,2}/\s{0,2}\d{1,2}\s{0,2}/\s{0,2}\d{4}"
                         r"|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})")


def reply_cases(name: str, text: str, gold: dict, issued: date | None):
    replies = [r for r in gold.get("replies_to") or [] if r]
    for number in replies:
        m = re.search(r"(?P<ref>" + _REF + r")(?P<n>" + r"\s*".join(map(re.escape, number.replace(" ", ""))) + r")",
                      text)
        if not m:
            continue
        ref_start, n_start, n_end = m.start("ref"), m.start("n"), m.end("n")
        verb = re.search(r"(?P<v>[Pp]húc\s+đáp|[Tt]rả\s+lời)\s+$", text[max(0, ref_start - 20):ref_start])
        dm = _DATE_AFTER.match(text, n_end)
        after = dm.end() if dm else n_end
        want = list(replies)
        if name == "r_tra_loi":
            if not verb:
                continue
            v0 = ref_start - len(verb.group())
            new = text[:v0] + "Trả lời " + text[ref_start:]
        elif name == "r_phuc_dap":
            if not verb:
                continue
            v0 = ref_start - len(verb.group())
            new = text[:v0] + "Phúc đáp " + text[ref_start:]
        elif name == "r_spaces":
            n = text[n_start:n_end].replace("/", " / ", 1)
            new = text[:n_start] + n + text[n_end:]
        elif name == "r_wrap":
            new = text[:n_start].rstrip(" ") + "\n    " + text[n_start:]
        elif name == "r_letterfirst":
            new = text[:n_start] + "TDV/01-2020" + text[n_end:]
            want = [("TDV/01-2020" if r == number else r) for r in replies]
        elif name == "r_two":
            new = text[:after] + f" và Công văn số 13/XDCB-VP ngày 02/01/{(issued or date(2025, 1, 1)).year}" + text[after:]
            want = replies + ["13/XDCB-VP"]
        elif name == "r_two_so":
            new = text[:after] + " và số 13/XDCB-VP" + text[after:]
            want = replies + ["13/XDCB-VP"]
        elif name == "r_directive":
            at = _body_start(text)
            if at is None:
                continue
            new = text[:at] + ("Thực hiện ý kiến chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh Nam Sơn tại Công văn số "
                               "77/UBND-TH ngày 02/01/2025 về việc rà soát hồ sơ;\n") + text[at:]
        else:
            raise KeyError(name)
        yield new, {"replies_to": want}, None
        return  # one rewrite per letter


_BODY = re.compile(r"^[ \t]*(?:Kính\s+gửi[^\n]*\n(?:[ \t]*(?:[-–+]\s*)?[^\n]{0,150}\n){0,8}?[ \t]*\n)", re.M)


def _body_start(text: str) -> int | None:
    """The first line after the "Kính gửi" block (or after the trích yếu when there is none)."""
    m = _BODY.search(text, 0, 6000)
    if m:
        return m.end()
    m = re.search(r"^[ \t]*(?:Căn\s+cứ|Thực\s+hiện|Nhằm|Để)", text[:6000], re.M)
    return m.start() if m else None


TRANSFORMS = {
    **{name: ("deadlines", deadline_cases) for name in DEADLINE_FORMS},
    **{name: ("deadlines", quoted_cases) for name in ("q_cited", "q_quote", "q_directive")},
    **{name: ("meeting", meeting_cases) for name in MEETING_FORMS},
    **{name: ("replies_to", reply_cases) for name in ("r_tra_loi", "r_phuc_dap", "r_spaces", "r_wrap",
                                                      "r_letterfirst", "r_two", "r_two_so", "r_directive")},
}


def extra_ok(pred: dict, check) -> bool:
    if check is None:
        return True
    key, value = check
    return any(isinstance(d, dict) and d.get(key) == value for d in pred.get("deadlines") or [])


HOSTILE = ("trước ngày 12/3/2024 ", "phúc đáp công văn số 1/UBND ", "Phúc đáp Công văn số 1/UBND-VP và số ",
           "nhận được Công văn số 1/SNV-VP ngày 2/3/2025 và ", "trước ngày 15 hằng ", "Thời gian nhận hồ sơ từ ngày 1/3 ",
           "trong thời hạn 10 ngày làm việc theo Nghị định ", "lúc 7 giờ 30 phút, ngày 1/3/2025 ", "Thứ Năm, ngày ",
           "mời đại\ndiện lãnh đạo ", "vào lúc 8 giờ 00, thứ Hai, ngày 1/3/2025 ")


def hostile(size: int = 200_000) -> None:
    """CPU seconds of the three readers (and the test whether a letter invites) on ``size`` characters of one repeated
    phrase (linear: about 2x for 2x)."""
    import time

    from nlp.deadlines import find_deadlines
    from nlp.meeting import find_meeting, is_invitation
    from nlp.replies import find_replies

    for phrase in HOSTILE:
        row = []
        for n in (size // 2, size):
            text = (phrase * (n // len(phrase) + 1))[:n]
            t0 = time.process_time()
            find_deadlines(text, 0, 2025, [])
            find_meeting(text, 0, 2025)
            is_invitation("Công văn", text)
            find_replies(text, 0, ["Sở Nội vụ"])
            row.append(time.process_time() - t0)
        print(f"hostile {phrase!r:52s} {size // 2 // 1000:4d} KB {row[0]:6.3f} s   {size // 1000:4d} KB {row[1]:6.3f} s")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev")
    parser.add_argument("--show", action="store_true", help="list each rewrite that went wrong")
    parser.add_argument("--only", help="comma-separated transforms")
    parser.add_argument("--hostile", action="store_true", help="time the readers on 200 KB of repeated phrases")
    args = parser.parse_args(argv)
    if args.hostile:
        hostile()
        return 0
    from nlp import Extractor

    scorer = load_scorer()
    extractor = Extractor()
    letters = tuning_letters(args.corpus)
    base = {s: extractor.extract(t).to_json(s) for s, (t, _) in letters.items()}
    names = args.only.split(",") if args.only else list(TRANSFORMS)
    total_lost = total_tried = 0
    for name in names:
        field, cases = TRANSFORMS[name]
        lost, tried = [], 0
        for stem, (text, gold) in letters.items():
            if scorer.score_field(field, gold, base[stem]) < 1.0:
                continue  # only what the reader got right on the letter itself
            issued = date.fromisoformat(gold["issue_date"]) if gold.get("issue_date") else None
            for new_text, want, check in cases(name, text, gold, issued):
                tried += 1
                pred = extractor.extract(new_text).to_json(stem)
                if scorer.score_field(field, {**gold, **want}, pred) < 1.0 or not extra_ok(pred, check):
                    lost.append((stem, want[field], pred.get(field), check))
        total_lost += len(lost)
        total_tried += tried
        print(f"{name:16s} {field:10s} rewrites {tried:3d}  lost {len(lost):3d}")
        if args.show:
            for stem, want, got, check in lost:
                if field == "deadlines":
                    want = [d.get("date") or d.get("relative_working_days") for d in want or []]
                    got = [(d.get("date") or d.get("relative_working_days") or d.get("quarter"), d.get("text"))
                           for d in got or []]
                print(f"    {stem}: want {want!r:.100} {check or ''} got {got!r:.160}")
    print(f"{'total':16s} rewrites {total_tried}  lost {total_lost}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
