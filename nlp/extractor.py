"""Reads one letter's text into an Extraction: header fields from the NĐ 30/2020 layout, tasks from the body."""

from __future__ import annotations

import bisect
import re

from nlp import body as body_rules
from nlp import confidence as doubt
from nlp import header as hdr
from nlp import layout
from nlp import recipients
from nlp import unitnames, webpage
from nlp.alphabet import LOWER
from nlp.deadlines import find_deadlines
from nlp.extraction import Extraction
from nlp.meeting import find_meeting, is_invitation
from nlp.replies import asked_in_record, find_replies
from nlp.similar import dedupe, key, same_name
from nlp.textnorm import normalize

MAX_BODY = 300_000
HEADER_LINES = 60
_CLAUSE_END = re.compile("\n|;")  # where a line or a clause ends
_NOI_NHAN = re.compile(r"(?:^|\n)[ \t]{0,60}Nơi\s+nhận\s*:?", re.I)
# An annex after the signature, and the line that ties it to its letter: "(Kèm theo Quyết định số 1877/QĐ-UBND ngày
# 30/8/2022 của ...)", "(Ban hành kèm theo Kế hoạch này)".
# An annex, or the plan, regulation or programme a decision issues ("KẾ HOẠCH ... (Kèm theo Quyết định số ...)")
_ANNEX_TITLE = re.compile(r"(?:^|\n)[ \t]{0,60}(?:PHỤ\s+LỤC|Phụ\s+lục|(?:KẾ\s+HOẠCH|QUY\s+CHẾ|QUY\s+ĐỊNH|CHƯƠNG\s+TRÌNH|"
                          r"ĐỀ\s+ÁN|PHƯƠNG\s+ÁN|HƯỚNG\s+DẪN)(?=[ \t]*\n))(?:\s+[0-9IVX]{1,4}|\s*\n|\s*:|\s+[^\W\d_])")
_ANNEX_TIE = re.compile(r"\(\s{0,3}(?:[Bb]an\s+hành\s+)?[Kk]èm\s+theo\s+[^()\n]{0,40}?"
                        r"(?:số\s{1,3}(?P<n>[^\s,;()]{3,40})|(?P<this>này))")
_ISSUER_FALLBACK = re.compile(r"(?:^|\n)[ \t]{0,20}(?:Tác\s+giả\s*:\s*|Lãnh\s+đạo\s+|Cơ\s+quan\s+ban\s+hành\s*:\s*)?(?=\S)")


# The heads a body's name starts with when a copy names its issuer in the text, not in a letterhead.
_ISSUER_HEAD = re.compile(
    r"(?:UBND|HĐND|Ủy\s+ban|Uỷ\s+ban|Hội\s+đồng|Phòng|Sở|Bộ|Ban|Văn\s+phòng|Cục|Tổng\s+cục|Chi\s+cục|Trung\s+tâm|"
    r"Công\s+an|Trường|Thanh\s+tra|Kho\s+bạc|Bảo\s+hiểm|Bệnh\s+viện|Tỉnh\s+ủy|Huyện\s+ủy|Thành\s+ủy|Thị\s+ủy|Quận\s+ủy|"
    r"Đảng\s+ủy|Mặt\s+trận|Liên\s+đoàn|Tòa\s+án|Viện\s+kiểm\s+sát|Học\s+viện|Đại\s+học|Chi\s+nhánh|Ngân\s+hàng)(?!\w)"
)
_PORTAL_LABEL = re.compile(r"ộ\s+khẩn|Mức\s+độ\s{0,2}:|Số\s+ký\s+hiệu|Ngày\s+ban\s+hành", re.I)
_WORD = re.compile(r"[^\W\d_]+")


def _has_letters(text: str, wanted: int) -> bool:
    """At least ``wanted`` letters in the first 5000 characters (stops as soon as they are found)."""
    found = 0
    for m in _WORD.finditer(text, 0, 5000):
        found += m.end() - m.start()
        if found >= wanted:
            return True
    return False


# An e-mail reply quotes the letter it answers line by line ("> Số: 77/PNV-TCCB", ">> Kính gửi: ..."); the marks are
# blanked, not removed, so offsets into the text stay those of the normalised letter.
_QUOTE_MARKS = re.compile(r"^(?:[ \t]{0,3}>){1,6}", re.M)


def _unquote(text: str) -> str:
    head = text[:20000]
    if len(_QUOTE_MARKS.findall(head)) < 3:
        return text
    return _QUOTE_MARKS.sub(lambda m: " " * len(m.group()), text)


# Pictographs a post decorates its lines with ("📢📢 THÔNG BÁO", "👉 Thời gian: ...", "🦟🦟 PHÒNG CHỐNG ... 🦟🦟"): blanked,
# each a space, so that a line opens with its words and offsets stay those of the normalised letter. Emoji, their
# joiners and variation selectors, dingbats, arrows and geometric bullets.
_PICTOGRAPHS = re.compile("[\U0001F000-\U0001FAFF\u2190-\u21FF\u2300-\u23FF\u25A0-\u27BF\u2B00-\u2BFF"
                          "\uFE0F\u200D\u20E3]")


def _unpicture(text: str) -> str:
    return _PICTOGRAPHS.sub(" ", text) if _PICTOGRAPHS.search(text) else text


def _own_annex(work: str, after: int, number: str | None) -> tuple[int, int] | None:
    """The span of this letter's first annex after ``after``: its title, tied to the letter by number or "này"."""
    title = _ANNEX_TITLE.search(work, after)
    if title is None:
        return None
    tie = _ANNEX_TIE.search(work, title.start(), title.start() + 600)
    if tie is None:
        return None
    if not tie.group("this"):
        if not number or re.sub(r"\s", "", tie.group("n")).upper() != re.sub(r"\s", "", number).upper():
            return None
    return title.start(), len(work)


# A note in parentheses after a unit's name, in lower case: "(nơi đặt điểm thi)", "(đặt tại Phòng Nông nghiệp)" (a
# name's own part opens in capitals: "(Phòng Quản lý đô thị)", "(Hội Nông dân, Hội Cựu chiến binh)").
# "(cũ)", "(mới)", "(nay là ...)" tell which body the name means: kept.
_NOTE_AFTER_NAME = re.compile(r"\s*\((?!cũ\)|mới\)|nay\s)[" + LOWER + r"][^()]*\)$")


def _unit_value(name: str) -> str:
    """A unit's name as registered: one space where a line break and an indent were, a lower-case note dropped."""
    name = " ".join(name.split())
    return _NOTE_AFTER_NAME.sub("", name) or name


class Extractor:
    """Turns letter text into fields. Holds nothing but the optional unit registry (anything with ``resolve``)."""

    def __init__(self, registry=None) -> None:
        self.registry = registry

    def extract(self, text: str) -> Extraction:
        if not isinstance(text, str):
            raise TypeError("Extractor.extract expects str")
        norm = normalize(text)
        result = Extraction()
        if not norm.strip() or not _has_letters(norm, 10):
            return result
        work = layout.undouble(layout.drop_stamps(hdr.unflatten(_unpicture(_unquote(norm[:MAX_BODY])))))
        lines = hdr.lines_of(work, limit=400)
        stop = min(len(lines), hdr.header_stop(lines, HEADER_LINES))
        evidence: dict[str, list[list[int]]] = {}
        confidence: dict[str, float] = {}

        def keep(field: str, hit) -> object:
            if hit is None:
                return None
            evidence.setdefault(field, []).append([hit.start, hit.end])
            confidence[field] = max(confidence.get(field, 0.0), hit.confidence)
            return hit.value

        # "Số/Ký hiệu: 12/STC-QLG" in a document system's record is its label, not a blank "Số:" of a draft
        numbers = [(hit, i) for hit, i in hdr.find_numbers(lines, stop)
                   if not (hit.value.startswith("/") and webpage.number_label(lines[i].text))]
        skip = hdr.copy_block_end(lines, numbers)
        if skip is not None:  # a copy's own block above the letter it copies: the letter is read from below it
            lines = lines[skip:]
            stop = min(len(lines), hdr.header_stop(lines, HEADER_LINES))
            numbers = [(hit, i - skip) for hit, i in numbers if i >= skip]
        number, so_index = numbers[0] if numbers else (None, None)
        date_stop = stop
        if so_index is not None:
            # NĐ 30 puts the date line above "Kính gửi" and the body: a dated place in the body is a citation
            opening = hdr.body_start_index(lines, so_index + 1)
            if opening > so_index + 1 and hdr.opens_body(lines[opening].text):
                date_stop = min(stop, opening + 1)
        place, issued, date_index = hdr.find_place_date(lines, date_stop)
        anchor = so_index if so_index is not None else date_index
        if so_index is None and date_index is not None and any(
                hdr.opens_body(ln.text) or len(ln.text) > 200 for ln in lines[:date_index]):
            anchor = None  # a dated place under the body closes a retyped notice: no letterhead stands above it
        issuer = hdr.find_issuer(lines, anchor)
        for other, other_index in numbers[1:3]:
            if issuer is not None:
                break
            issuer = hdr.find_issuer(lines, other_index)
            if issuer is not None:
                number, so_index, anchor = other, other_index, other_index
        if issuer is None and date_index is not None and so_index is not None and date_index < so_index:
            issuer = hdr.find_issuer(lines, date_index)
        # NĐ 30 puts the type's name below the number and date; a menu's "THÔNG BÁO" above the letterhead is not it
        title_from = min([i for i in (so_index, date_index) if i is not None], default=0)
        title, title_index = hdr.find_title(lines, title_from, stop)
        after = max([i for i in (so_index, date_index, title_index) if i is not None], default=0)
        body_index = hdr.body_start_index(lines, after + 1 if anchor is not None or title is not None else 0)
        if issuer and title_index is not None:
            issuer = hdr.extend_generic_issuer(issuer, lines, title_index + 1, body_index + 3)

        lead = None
        meta = webpage.metadata(work) if number is None or issued is None or issuer is None \
            or _PORTAL_LABEL.search(work, 0, 6000) else {}
        # A portal's record beside the letter's own header is a second reading of the number and the date.
        second = {name: (own.value, meta[name].value) for name, own in (("doc_number", number), ("issue_date", issued))
                  if own is not None and name in meta}
        number = number or meta.get("doc_number")
        issued = issued or meta.get("issue_date")
        named = None  # where a copy without "Số:" names the letter: a title, a credit line, a news lead
        if number is None:
            named, bare = self._own_number(lines, work)
            lead = webpage.news_lead(work)
            # a lead reporting the letter beats a line further down that only starts with a document's number
            if lead is not None and (named is None or (bare and lead.number.start < named.number.start)):
                named = lead
            elif lead is not None and not bare and lead.number.value == named.number.value:
                # a title or credit line names the letter; the news lead reporting the same number dates it
                named = webpage.Lead(named.number, named.issued or lead.issued, named.issuer or lead.issuer,
                                     named.subject, named.kind if named.kind != "Công văn" else lead.kind)
            if named is not None:
                number = named.number
                issuer = issuer or named.issuer
                if issued is None and named.issued is not None:
                    issued = named.issued
        elif anchor is None and issuer is None and "doc_number" in meta and "issuer" not in meta:
            # a portal's record above a news item gives the number; the lead reporting that letter names its issuer
            lead = webpage.news_lead(work)
            if lead is not None and lead.issuer is not None and lead.number.value == number.value:
                issuer = lead.issuer
        # a news lead that reports the letter without its number: "Ngày 20/5/2023, UBND xã X có văn bản ..."
        dated = webpage.dated_lead(work) if number is None and anchor is None and not meta else None
        if issued is None and dated is not None:
            issued = dated[0]
        if issued is None and place is None:
            place, issued = hdr.find_closing_date(lines, body_index) or (None, None)
        result.doc_number = keep("doc_number", number)
        result.place = keep("place", place)
        result.issue_date = keep("issue_date", issued)
        urgency = hdr.find_urgency(lines, body_index)
        if urgency is None:
            urgency = meta.get("urgency")
        if urgency is None:
            # a web copy names the mark beside the letter's type ("Công văn hỏa tốc số ...", a page titled "Công điện
            # khẩn về ..."): in the line or lead that names the letter, or in the lines above its letterhead
            top = lines[anchor].start if anchor is not None else min(len(work), 600)
            if named is not None:
                urgency = webpage.urgency_named(work, named.number.start - 40, named.number.start)
            urgency = urgency or webpage.urgency_named(work, 0, top)
        result.urgency = keep("urgency", urgency)
        result.secrecy = keep("secrecy", hdr.find_secrecy(lines, body_index))

        symbol_type = hdr.type_from_symbol(result.doc_number)
        code_type = symbol_type if symbol_type and symbol_type != "Công văn" else None
        if code_type and title is None and anchor is not None:
            # NĐ 30: only a công văn goes without its type's name and carries a "V/v" trích yếu; a symbol that opens
            # with an office's code ("3456/CT-TTHT" of a Cục Thuế) does not make it a chỉ thị
            vv = hdr.find_subject_vv(lines, 0, body_index + 1)
            if vv is not None and re.match(r"V[/.]v\b", str(vv.value), re.I):
                code_type = None
        if code_type and title is None and "doc_type" in meta:
            code_type = None  # a portal's record ("Loại văn bản: Công văn") names the type the symbol only suggests
        if code_type:
            result.doc_type = code_type
            confidence["doc_type"] = 0.9
            if number is not None:
                evidence["doc_type"] = [[number.start, number.end]]
        elif title is not None and not (anchor is None and "doc_type" in meta):
            # (with no "Số:" nor date line, a title-like line is a page's headline; the page's record names the type)
            result.doc_type = keep("doc_type", title)
        elif "doc_type" in meta:
            result.doc_type = keep("doc_type", meta["doc_type"])
        elif named is not None and anchor is None and named.kind != "Công văn":
            result.doc_type = named.kind
            confidence["doc_type"] = 0.6
        elif dated is not None and dated[2] != "Công văn":
            result.doc_type = dated[2]
            confidence["doc_type"] = 0.5
        elif named is not None and anchor is None and symbol_type == "Công văn":
            result.doc_type = "Công văn"  # "Văn bản số 12/UBND-VP": a headline's first word is not its type
            confidence["doc_type"] = 0.7
        else:
            web = None
            if anchor is None:
                page = webpage.page_title(lines)
                web = hdr.web_title_type(lines) or (hdr.web_title_type([hdr.Line(page.value, page.start)])
                                                    if page is not None else None)
            if web is not None:
                result.doc_type = keep("doc_type", web)
            else:
                result.doc_type = "Công văn"
                # NĐ 30: a công văn has no tên loại and a symbol without a type abbreviation ("12/UBND-ĐT")
                confidence["doc_type"] = 0.85 if symbol_type else 0.4

        subject = None
        # a headline "THÔNG BÁO VĂN BẢN ĐẾN" over a record of a báo cáo ("Loại văn bản: Báo cáo") heads no trích yếu
        recorded = meta.get("doc_type")
        contradicted = title is not None and recorded is not None and result.doc_type == recorded.value != title.value
        if title is not None and result.doc_type != "Công văn" and not contradicted:
            subject = hdr.find_subject_after_title(lines, title_index, body_index + 2)
        if subject is not None and result.doc_type in hdr.INVITATION_TYPES and not hdr.invitation_subject(subject.value):
            subject = None  # a giấy mời often has no trích yếu; its first body sentence is not one
        if subject is None:
            # the letter's own trích yếu under its number before a page title above the letterhead that repeats it
            subject = (hdr.find_subject_vv(lines, so_index, body_index + 1) if so_index is not None else None) \
                or hdr.find_subject_vv(lines, 0, body_index + 1)
        subject = subject or meta.get("subject")
        if subject is None and anchor is None:
            record = webpage.title_record(lines) if named is None and number is not None else None
            if named is not None and named.subject is not None:
                subject = named.subject
            elif record is not None and record.subject is not None and record.number.value == number.value:
                subject = record.subject  # a page titled with the record its labels also give ("Số hiệu: ...")
            else:
                if lead is None and number is not None:  # the number came from a portal's record; the lead has the rest
                    lead = webpage.news_lead(work)
                subject = lead.subject if lead is not None and lead.subject is not None else webpage.page_title(lines)
        result.subject = keep("subject", subject)

        body_start = lines[body_index].start if body_index < len(lines) else len(work)
        nn = _NOI_NHAN.search(work, body_start)
        body_end = nn.start() if nn else len(work)
        body_text = work[body_start:body_end]
        annex = _own_annex(work, body_end, result.doc_number)
        if annex is not None:
            # the letter's own annex ("PHỤ LỤC ... (Kèm theo Quyết định số <this letter's number> ...)") gives tasks
            # too, often as a table; the "Nơi nhận" and signature between are blanked so that offsets stay valid
            gap = re.sub(r"[^\n]", " ", work[body_end:annex[0]])
            body_text = body_text + gap + work[annex[0]:annex[1]]
        flat = body_rules.flatten(body_text)

        block = recipients.find(work, 0, min(body_end, body_start + 3000))
        if block is not None:
            result.recipients = block.names
            evidence["recipients"] = [[block.start, block.end]]

        issuer = issuer or meta.get("issuer")
        if issuer is None and anchor is None and dated is not None:
            issuer = dated[1]  # the body the lead names beats a site's banner
        if issuer is None and anchor is None:
            issuer = hdr.letterhead_without_number(lines, title_index, body_index)
        if anchor is None and title is None and not code_type and result.doc_type == "Công văn" and named is None:
            # "UBND huyện thông báo ...": a thông báo copied without its header (a lead or credit that names a "Công
            # văn" keeps it); the author is the issuer when none was found, else it must be the issuer found
            author, announces = webpage.author(work, 0, body_end)
            if announces and (issuer is None or (author is not None and same_name(author.value, issuer.value))):
                result.doc_type = announces
            if issuer is None:
                issuer = author
        elif issuer is None:
            issuer, _ = webpage.author(work, body_start, body_end)
        if issuer is None:
            issuer = self._issuer_from_text(work)
        result.issuer = keep("issuer", issuer)

        assignments = body_rules.find_assignments(flat, body_start, result.recipients,
                                                  assigns=result.doc_type in body_rules.ASSIGNING)
        if block is not None and block.end > body_start:
            # the "Kính gửi" entries name the addressees, not their tasks: "Công chức ... phụ trách cải cách hành
            # chính" is a portfolio
            assignments.lead = [h for h in assignments.lead if not block.start <= h.start < block.end]
            assignments.cooperating = [h for h in assignments.cooperating if not block.start <= h.start < block.end]
        # A unit named only in the closing exhortation keeps the cooperating role the body gave it.
        leads = [h for h in assignments.lead if h.confidence > body_rules.WEAK
                 or not any(same_name(h.value, c.value) for c in assignments.cooperating)]
        if any(h.confidence > body_rules.WEAK for h in leads):
            leads = [h for h in leads if h.confidence > body_rules.WEAK or not h.value.startswith("các ")]
        leads = dedupe(leads, text=lambda h: h.value)
        # A lead of one task may help with another ("b) Công an tỉnh ..., phối hợp với Văn phòng UBND tỉnh ..."
        # while "a) Văn phòng UBND tỉnh ..." leads its own): cooperating where named on a line or clause of its own
        # ("Giao X chủ trì, phối hợp với Y thẩm định ...; Y tham mưu bố trí kinh phí").
        breaks = [m.start() for m in _CLAUSE_END.finditer(flat)] if assignments.cooperating else []
        line_of = lambda h: bisect.bisect(breaks, h.start - body_start)  # noqa: E731
        lead_lines = {(line_of(h), key(h.value)) for h in assignments.lead}
        coops = [h for h in dedupe(assignments.cooperating, text=lambda h: h.value)
                 if not any(same_name(h.value, lead.value) for lead in leads)
                 or all((line_of(c), key(c.value)) not in lead_lines
                        for c in assignments.cooperating if same_name(c.value, h.value))]
        if result.issuer:  # a letter gives no task to its own issuer, nor asks it to cooperate
            leads = [h for h in leads if not unitnames.is_issuer(h.value, result.issuer)]
            coops = [h for h in coops if not unitnames.is_issuer(h.value, result.issuer)]
        for hit in leads:
            result.lead_units.append(_unit_value(keep("lead_units", hit)))
        for hit in coops:
            result.cooperating_units.append(_unit_value(keep("cooperating_units", hit)))

        year = result.issue_date.year if result.issue_date else self._year(lines, stop)
        for d in find_deadlines(flat, body_start, year, leads, result.issue_date):
            evidence.setdefault("deadlines", []).append([d.start, d.end])
            confidence["deadlines"] = max(confidence.get("deadlines", 0.0), d.confidence)
            item = {**d.as_json(), "text": work[d.start:d.end]}
            unit_id = self._resolve(d.applies_to, result.issue_date)
            if unit_id:
                item["unit_id"] = unit_id
            result.deadlines.append(item)

        # a plan's launch event may come after pages of purpose and tasks: the first two pages are read for one
        if is_invitation(result.doc_type, work[:6000]):
            meeting = find_meeting(flat, body_start, year, result.issue_date) or find_meeting(
                body_rules.flatten(work[:body_end]), 0, year, result.issue_date)
            result.meeting = keep("meeting", meeting)

        decision = result.doc_type == "Quyết định"
        answered = find_replies(flat, body_start, list(result.recipients), decision=decision)
        if not decision:
            if subject is not None and isinstance(subject.value, str):
                # "V/v trả lời Công văn số 1502/BHXH-GĐBHYT": the trích yếu names the letter answered
                answered += find_replies(work[subject.start:subject.end], subject.start, [])
            # a page's record above the answer: "Văn bản chuyển kiến nghị: Công văn số ..."
            answered += asked_in_record(work[:body_end])
        seen: set[str] = set()
        for hit in answered:
            if hit.value.upper() not in seen:
                seen.add(hit.value.upper())
                result.replies_to.append(keep("replies_to", hit))

        result.issuer_unit_id = self._resolve_issuer(result.issuer, result.issue_date)
        result.lead_unit_ids = [self._resolve(u, result.issue_date) for u in result.lead_units]
        result.cooperating_unit_ids = [self._resolve(u, result.issue_date) for u in result.cooperating_units]
        result.recipient_unit_ids = [self._resolve(u, result.issue_date) for u in result.recipients]
        result.confidence = confidence
        result.evidence = evidence
        # Known only through a page about it: no "Số:" nor date line, no "Kính gửi", the letter named by a news lead,
        # a page title or a credit line. Its tasks are a paraphrase, not the letter's own words.
        summary = anchor is None and named is not None and block is None
        doubt.assess(result, text=work, flat=flat, block=block, leads=leads, coops=coops, summary=summary)
        doubt.second_reading(result, second)
        return result

    # ------------------------------------------------------------------------------------------------------
    def _resolve_issuer(self, issuer: str | None, on):
        """The issuing body is the last part of the letterhead ("UBND QUẬN 11 - PHÒNG QUẢN LÝ ĐÔ THỊ")."""
        if not issuer or self.registry is None:
            return None
        if not hasattr(self.registry, "resolve_letterhead"):
            return self._resolve(issuer, on)
        try:
            unit = self.registry.resolve_letterhead(issuer, on)
        except Exception:  # a registry problem must not lose the letter's other fields
            return None
        return getattr(unit, "id", None) if unit else None

    def _resolve(self, name: str | None, on) -> str | None:
        if not name or self.registry is None:
            return None
        try:
            unit = self.registry.resolve(name, on)
        except Exception:  # a registry problem must not lose the letter's other fields
            return None
        return getattr(unit, "id", None) if unit else None

    @staticmethod
    def _own_number(lines, work: str):
        """A letter with no "Số:" line: the number its page title, a credit line or its own first line gives; the
        flag tells a bare line that starts with a document's number (it may cite another letter)."""
        found = webpage.own_number(lines, work)
        own, own_date = hdr.find_own_number(work)
        if own is not None:
            line_start = work.rfind("\n", 0, own.start) + 1
            line_end = work.find("\n", own.start)
            line = work[line_start:len(work) if line_end < 0 else line_end]
            if webpage.cited_line(line, line_start, lines[:400]):
                own, own_date = None, None  # "Căn cứ:" over "Công văn số 12/BYT-DP ...;": a ground, not the letter
        if own is not None and (found is None or own.start < found.number.start) and not (
                found is not None and found.subject is not None):
            return webpage.Lead(own, own_date, None, None, "Công văn"), True
        return found, False

    @staticmethod
    def _year(lines, stop) -> int | None:
        for line in lines[:stop]:
            m = re.search(r"năm\s{1,3}(\d{4})\b", line.text)
            if m and "ngày" in line.text:
                return int(m.group(1))
        return None

    @staticmethod
    def _issuer_from_text(work: str):
        for m in _ISSUER_FALLBACK.finditer(work[:4000]):
            span = unitnames.bound(work, m.end())
            if span and _ISSUER_HEAD.match(work, span[0]):
                value = work[span[0]:span[1]]
                return hdr.Hit(value, span[0], span[1], 0.5)
        for m in re.finditer(r"(?<!\w)của\s+(?=UBND|Ủy ban|Uỷ ban)", work[:3000]):
            span = unitnames.bound(work, m.end())
            if span:
                return hdr.Hit(work[span[0]:span[1]], span[0], span[1], 0.4)
        return None
