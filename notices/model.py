"""What a draft needs, as frozen value objects. The caller computes every value; templates only format them.

Names of units are written in sentence case as the body text uses them ("Ủy ban nhân dân Phường 5"); the .docx
prints them IN HOA where NĐ 30/2020 asks for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

DECISION_1342 = "Quyết định số 1342/QĐ-UBND ngày 06 tháng 7 năm 2023 của Ủy ban nhân dân Quận 11"
REGULATION_1342 = ("Quy chế phối hợp giữa các phòng, ban, đơn vị thuộc Ủy ban nhân dân quận và Ủy ban nhân dân 16 "
                   "phường trong công tác tham mưu và triển khai thực hiện nhiệm vụ quản lý nhà nước trên địa bàn "
                   "Quận 11")
URGENCIES = ("", "Khẩn", "Thượng khẩn", "Hỏa tốc")
LAPSES = ("deemed_agreed", "escalate", "report_silent", "overdue", "remind_only")


def _strings(owner: object, name: str, value: object) -> None:
    if isinstance(value, str) or not all(isinstance(v, str) for v in value):  # type: ignore[union-attr]
        raise TypeError(f"{type(owner).__name__}.{name} must be a tuple of strings")


@dataclass(frozen=True)
class Body:
    """The issuing body (NĐ 30 ô 2) and where it sits (ô 4).

    ``abbreviation`` is the body's part of the number symbol ("QLĐT", "UBND"); ``drafting_unit`` the drafting
    unit's part for a công văn ("XD" gives "Số:      /QLĐT-XD").
    """

    name: str  # "Phòng Quản lý đô thị", "Ủy ban nhân dân Phường 5"
    abbreviation: str  # "QLĐT"
    place: str = "Quận 11"  # the date line's địa danh
    parent: str = ""  # "Ủy ban nhân dân Quận 11" (printed above the body, not bold)
    drafting_unit: str = ""  # "XD"


@dataclass(frozen=True)
class Signer:
    """The signature block (ô 7): ``authority`` is "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"... or "" when the head
    signs in their own name; ``title`` the signer's position ("PHÓ CHỦ TỊCH", "TRƯỞNG PHÒNG")."""

    title: str
    name: str
    authority: str = ""


@dataclass(frozen=True)
class LetterRef:
    """A letter cited by a notice: its number and symbol, date, trích yếu and who issued it."""

    number: str  # "123/QLĐT-XD"
    date: date
    subject: str  # the trích yếu, without "V/v"
    issuer: str  # "Phòng Quản lý đô thị"
    kind: str = "Công văn"  # tên loại as written in a sentence: "Công văn", "Tờ trình", "Giấy mời"


@dataclass(frozen=True)
class Citation:
    """Clauses of the regulation, in Vietnamese order ("điểm a khoản 3 Điều 7", several joined with "và"), of the
    Quy chế named ``regulation`` issued with ``decision``. ``full`` is how a notice cites it."""

    article: str
    decision: str = DECISION_1342
    regulation: str = REGULATION_1342

    @property
    def full(self) -> str:
        """'điểm a khoản 3 Điều 7 Quy chế phối hợp ... ban hành kèm theo Quyết định số 1342/QĐ-UBND ngày ...'."""
        law = f"{self.regulation or 'Quy chế'} ban hành kèm theo {self.decision}" if self.decision else self.regulation
        return f"{self.article} {law}".strip()


def join_articles(articles) -> str:
    """'điểm a khoản 2 Điều 8 và khoản 2 Điều 10'."""
    articles = [a for a in dict.fromkeys(articles) if a]
    return ", ".join(articles[:-1]) + (" và " if len(articles) > 1 else "") + (articles[-1] if articles else "")


def citations_for(pack, rule_name: str) -> tuple[Citation, ...]:
    """The clauses a rule of a rule pack enforces (``tracker.rules.RulePack``: ``.decision``, ``.regulation`` and
    ``.rule(name).articles``), as one citation of that pack's regulation."""
    decision = getattr(pack, "decision", "") or DECISION_1342
    regulation = getattr(pack, "regulation", "") or REGULATION_1342
    articles = pack.rule(rule_name).articles
    return (Citation(join_articles(articles), decision, regulation),) if articles else ()


@dataclass(frozen=True, kw_only=True)
class Notice:
    """What every formal notice (.docx + e-mail) has: who issues and signs it, its date, to whom it goes.

    ``to`` is the "Kính gửi" list; ``copies`` the other lines of "Nơi nhận" (before "Lưu"); ``archive`` the "Lưu:"
    line's content ("VT, XD"); ``urgency`` one of URGENCIES.
    """

    sender: Body
    signer: Signer
    date: date
    to: tuple[str, ...] = ()
    copies: tuple[str, ...] = ()
    archive: str = "VT"
    urgency: str = ""

    def __post_init__(self) -> None:
        _strings(self, "to", self.to)
        _strings(self, "copies", self.copies)
        if self.urgency not in URGENCIES:
            raise ValueError(f"urgency must be one of {', '.join(repr(u) for u in URGENCIES)}")


@dataclass(frozen=True, kw_only=True)
class ReminderContext(Notice):
    """Đôn đốc: ``unit`` has not answered ``letter``, due at the end of ``due`` (``working_days_left`` to go)."""

    unit: str
    letter: LetterRef
    due: date
    working_days_left: int
    citation: Citation
    on_lapse: str = "deemed_agreed"  # what happens after ``due`` (tracker.rules LAPSES)
    explain: str = ""  # how ``due`` was computed, worded by the caller (tracker.explain)
    due_text: str = ""  # "hết ngày 24/11/2026" or "16 giờ 00 ngày 27/5/2025" (an hour the letter gave)
    stage: str = ""  # "overdue" once the time has run out
    rule: str = ""  # the rule pack's rule ("confirm-in-writing" reads differently: there is no time limit)
    note: str = ""  # what the rule adds ("nếu không cử được nhân sự thì ...")
    report_on: date | None = None  # overdue: the day the lead unit may report under Đ.10.2
    report_citation: Citation | None = None  # Đ.10.2

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.on_lapse not in LAPSES:
            raise ValueError(f"on_lapse must be one of {', '.join(LAPSES)}")


@dataclass(frozen=True, kw_only=True)
class InternalReminderContext:
    """A reminder to the office's own clerk: ``office`` must answer ``letter`` (from ``letter.issuer``) by ``due``.
    E-mail only."""

    office: str
    letter: LetterRef
    due: date
    working_days_left: int
    citation: Citation
    date: date
    on_lapse: str = "deemed_agreed"
    explain: str = ""
    due_text: str = ""
    lapse_on: date | None = None  # the first day after the time limit (when the consequence takes effect)
    report_citation: Citation | None = None  # Đ.10.2, for overdue duties
    rule: str = ""

    def __post_init__(self) -> None:
        if self.on_lapse not in LAPSES:
            raise ValueError(f"on_lapse must be one of {', '.join(LAPSES)}")


@dataclass(frozen=True, kw_only=True)
class DeemedAgreedContext(Notice):
    """Thông báo: the time limit of ``letter`` lapsed at the end of ``due`` without an answer from ``unit``, which is
    therefore deemed to agree with the lead unit's content and answerable for it."""

    unit: str
    letter: LetterRef
    due: date
    citation: Citation
    working_days: int | None = None  # the limit that applied, when it was counted in working days
    explain: str = ""  # how ``due`` was computed (tracker.explain)
    meeting: bool = False  # Đ.7.3.b: the opinion was owed after a meeting


@dataclass(frozen=True)
class LateItem:
    """One silent unit of an escalation: the letter it did not answer and how late it is."""

    unit: str
    letter: LetterRef
    sent: date  # when the letter reached the unit (the day the clock started)
    due: date
    working_days_late: int


@dataclass(frozen=True, kw_only=True)
class EscalationContext(Notice):
    """Báo cáo to the district chairman listing units that did not answer in time.

    ``basis`` is "ward_recommendation" (a ward chairman reports departments that did not answer its
    recommendations, Đ.8.1.b) or "silent_units" (the lead unit lists the units that stayed silent on its
    consultation, Đ.8.2.a, Đ.10.2).
    """

    items: tuple[LateItem, ...]
    citations: tuple[Citation, ...]
    basis: str = "ward_recommendation"

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.basis not in ("ward_recommendation", "silent_units"):
            raise ValueError("basis must be ward_recommendation or silent_units")
        if not self.items:
            raise ValueError("an escalation needs at least one late unit")


@dataclass(frozen=True)
class NoncooperationItem:
    """One unit that did not cooperate in time: the request, when it reached the unit, the due date and how it was
    computed, and where it stands ("Không trả lời; xem như đồng ý ...", "Chưa thực hiện ...")."""

    unit: str
    letter: LetterRef
    sent: date
    due: date
    working_days_late: int
    explain: str = ""
    status: str = ""


@dataclass(frozen=True, kw_only=True)
class NoncooperationContext(Notice):
    """Báo cáo of Đ.10.2: the lead unit reports to UBND quận (the chairman), with a copy to Phòng Nội vụ, the units
    that did not cooperate in time on ``request``; the proposal is left for the leader to write."""

    request: LetterRef
    items: tuple[NoncooperationItem, ...]
    citation: Citation

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.items:
            raise ValueError("a Đ.10.2 report needs at least one unit")


@dataclass(frozen=True)
class Consultation:
    """A unit the department asked for its opinion while handling a ward's recommendation."""

    unit: str
    letter_number: str
    sent: date
    due: date
    answered: date | None = None


@dataclass(frozen=True, kw_only=True)
class ProgressContext(Notice):
    """Công văn from a department to ``unit`` (a ward) on the progress of its ``request`` while the department
    consults others (Đ.8.1.b): the 15 working days run from the answers; ``expected_by`` when already known."""

    unit: str
    request: LetterRef
    received: date
    consulted: tuple[Consultation, ...]
    citation: Citation
    expected_by: date | None = None


@dataclass(frozen=True)
class DigestItem:
    unit: str
    letter_number: str
    subject: str
    due: date | None = None
    note: str = ""  # "trễ 3 ngày làm việc", "chờ xác nhận"... already worded by the caller


@dataclass(frozen=True, kw_only=True)
class DigestContext:
    """The weekly digest for leaders (e-mail only)."""

    office: str
    date: date
    week_start: date
    week_end: date
    overdue: tuple[DigestItem, ...] = ()
    due_this_week: tuple[DigestItem, ...] = ()
    deemed_agreed: tuple[DigestItem, ...] = ()
    escalated: tuple[DigestItem, ...] = ()
    waiting_review: tuple[DigestItem, ...] = ()


@dataclass(frozen=True)
class Tally:
    """Requests in one direction: how they ended. The parts add up to ``total``; ``overdue`` is a request not done
    after its time where the regulation deems nothing (Đ.7.3.c, Đ.9.1, Đ.4.4)."""

    total: int = 0
    on_time: int = 0
    late: int = 0
    deemed_agreed: int = 0
    escalated: int = 0
    open: int = 0
    overdue: int = 0

    def __post_init__(self) -> None:
        parts = (self.on_time, self.late, self.deemed_agreed, self.escalated, self.open, self.overdue)
        if min(parts + (self.total,)) < 0 or sum(parts) != self.total:
            raise ValueError(f"tally does not add up: {self}")

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple())))

    def as_tuple(self) -> tuple[int, ...]:
        return (self.total, self.on_time, self.late, self.deemed_agreed, self.escalated, self.open, self.overdue)

    @property
    def not_in_time(self) -> int:
        """Requests not answered in time: late, deemed agreed, reported, overdue."""
        return self.late + self.deemed_agreed + self.escalated + self.overdue


@dataclass(frozen=True)
class CounterpartRow:
    """Per counterpart unit: requests the reporting unit sent it, and requests it received from it."""

    unit: str
    sent: Tally = field(default_factory=Tally)
    received: Tally = field(default_factory=Tally)


_PERIOD = re.compile(r"^(\d{4})-H([12])$")


def parse_period(period: str) -> tuple[date, date, str]:
    """'2026-H2' -> (2026-07-01, 2026-12-31, '6 tháng cuối năm 2026')."""
    m = _PERIOD.match(period.strip())
    if not m:
        raise ValueError(f"period {period!r}: expected YYYY-H1 or YYYY-H2")
    year, half = int(m.group(1)), int(m.group(2))
    if half == 1:
        return date(year, 1, 1), date(year, 6, 30), f"6 tháng đầu năm {year}"
    return date(year, 7, 1), date(year, 12, 31), f"6 tháng cuối năm {year}"


@dataclass(frozen=True)
class LateUnit:
    """A unit of the report's Đ.10.2 list: how many of the office's letters it did not answer in time, and how."""

    unit: str
    letters: int
    deemed_agreed: int = 0
    overdue: int = 0  # overdue, or reported to UBND quận
    late: int = 0


@dataclass(frozen=True)
class LetterCounts:
    """Letters (not obligations): how many, and to or from how many units."""

    letters: int = 0
    units: int = 0


@dataclass(frozen=True, kw_only=True)
class ReportContext(Notice):
    """The semi-annual report of Đ.10.1 for the sending unit: figures per counterpart (requests, "lượt"), letters and
    units counted once, the Đ.10.2 list, a chart, and sections whose prose is left for the specialist.

    ``start``/``end``: the period the figures cover, when it is not the calendar half year (a report due before 15/5
    covers up to a cut-off before that day)."""

    period: str  # "2026-H2"
    rows: tuple[CounterpartRow, ...]
    citation: Citation = Citation("khoản 1 Điều 10")
    chart: bool = True
    start: date | None = None
    end: date | None = None
    sent_letters: LetterCounts = LetterCounts()
    received_letters: LetterCounts = LetterCounts()
    late_units: tuple[LateUnit, ...] = ()
    report_citation: Citation = Citation("khoản 2 Điều 10")

    def __post_init__(self) -> None:
        super().__post_init__()
        parse_period(self.period)
        if (self.start is None) != (self.end is None) or (self.start and self.end and self.start > self.end):
            raise ValueError("a report period needs a start on or before its end")

    @property
    def period_start(self) -> date:
        return self.start or parse_period(self.period)[0]

    @property
    def period_end(self) -> date:
        return self.end or parse_period(self.period)[1]

    @property
    def period_label(self) -> str:
        return parse_period(self.period)[2]

    @property
    def total_sent(self) -> Tally:
        return sum((r.sent for r in self.rows), Tally())

    @property
    def total_received(self) -> Tally:
        return sum((r.received for r in self.rows), Tally())

    @property
    def on_time_rate(self) -> str:
        """The share of requests sent that were answered on time, "80,0%" (Vietnamese decimal comma)."""
        sent = self.total_sent
        closed = sent.total - sent.open
        return f"{100 * sent.on_time / closed:.1f}%".replace(".", ",") if closed else "—"
