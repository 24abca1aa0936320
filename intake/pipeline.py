"""From one message's bytes to recorded letters: the part of intake shared by IMAP and by files.

``analyse_message`` runs in an isolated worker (parse, read each attachment, extract the fields); ``Intake``
runs in the main process: it sends messages to the workers (several at a time, results kept in order), decides
direction and status, and records each message in one transaction (``tracker.db.mail``).

Which parts are letters: each PDF, DOCX or Word .doc attachment is one letter (even unreadable, so that a clerk
sees it); a forwarded message's letters count as the forward's; the body is a letter only when no attachment is
and the extractor finds a number or a type of document in it (a cover note or a chat is not a letter).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import signal
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from sqlalchemy.exc import DataError, OperationalError, StatementError

from config.settings import LimitSettings, Settings
from intake.documents import (NEEDS_OCR, NEEDS_PASSWORD, OK, UNREADABLE, DocumentText, extract_direct, normalize,
                              run_isolated, safe_name, sniff)
from nlp.header import subject_stamp

log = logging.getLogger(__name__)

LETTER_KINDS = ("pdf", "docx", "doc")
SECRECY = re.compile(r"(?m)^\s*(TUYỆT\s+MẬT|TỐI\s+MẬT|MẬT)\s*$")
SECRECY_NAMES = {"MẬT": "Mật", "TỐI MẬT": "Tối mật", "TUYỆT MẬT": "Tuyệt mật"}
MAX_DEPTH = 3


@dataclass
class LetterPart:
    part: str
    doc: DocumentText
    extraction: dict | None


@dataclass
class Analysis:
    """What a worker found in one message (no attachment bytes: only what is recorded)."""

    error: str | None = None  # set when the message is to be quarantined
    message_id: str | None = None
    from_addr: str | None = None
    subject: str | None = None
    date: datetime | None = None
    received: datetime | None = None
    attachments: list[str] = field(default_factory=list)
    letters: list[LetterPart] = field(default_factory=list)


# -- in the worker ------------------------------------------------------------------------------------------------------

@lru_cache(maxsize=4)
def _extractor(spec: str, units_file: str | None):
    from intake.isolate import _resolve

    factory = _resolve(spec)
    registry = None
    try:
        from tracker.units import UnitRegistry

        registry = UnitRegistry.load(units_file) if units_file else UnitRegistry.load()
    except Exception:  # noqa: BLE001 - fields without unit ids are still worth having
        log.warning("unit registry not loaded; letters get no unit ids")
    try:
        return factory(registry=registry)
    except TypeError:
        return factory()


def extract_fields(text: str, source: str, spec: str, units_file: str | None) -> dict | None:
    if not text.strip():
        return None
    try:
        return _extractor(spec, units_file).extract(text).to_json(source)
    except Exception as exc:  # noqa: BLE001 - a letter without fields still gets recorded, for review
        log.warning("extraction failed on %s: %s", source, exc)
        return None


def read_letters(mail, *, read, extract, nested=None) -> "Analysis":
    """The letters of one parsed message: each attachment that is a document (``read(name, data, kind)`` gives its
    text, ``extract(text, source)`` its fields), forwarded messages through ``nested``, else the body when it reads
    as a letter. The fast path and the isolated slow path differ only in those callables."""
    result = Analysis(message_id=mail.message_id, from_addr=mail.from_addr, subject=mail.subject,
                      date=mail.date, received=mail.received)
    scans = []
    for att in mail.attachments:
        name = safe_name(att.name)
        result.attachments.append(name)
        kind = sniff(att.data)
        if kind == "eml" and nested is not None:
            result.letters.extend(nested(att.data).letters)
            continue
        if kind == "image" and len(att.data) >= MIN_SCAN_BYTES:
            scans.append((name, att.data))
        if kind not in LETTER_KINDS:
            continue
        doc = read(name, att.data, kind)
        result.letters.append(LetterPart(name, doc, extract(doc.text, name)))
    waiting = None
    if not result.letters and scans:  # a letter photographed or scanned page by page, with no PDF or DOCX
        pages = [read(name, data, "image") for name, data in scans]
        read_ = [p for p in pages if p.status == OK]
        if read_:
            doc = DocumentText(read_[0].name, "\n\f".join(p.text for p in read_), OK, read_[0].warning, "image",
                               len(read_), ocr=True)
            fields = extract(doc.text, doc.name)
            if _reads_as_letter(fields):
                result.letters.append(LetterPart(doc.name, doc, fields))
        waiting = next((p for p in pages if p.status == NEEDS_OCR), None)
    if not result.letters:
        body = normalize(mail.body)
        fields = extract(body, "body")
        if _reads_as_letter(fields):
            result.letters.append(LetterPart("body", DocumentText("body", body, OK, None, "text"), fields))
        elif waiting is not None:  # OCR is off or missing: the scan waits for it, in the clerk's queue
            result.letters.append(LetterPart(waiting.name, waiting, None))
    stamp = subject_stamp(normalize(mail.subject or ""))
    for part in result.letters:  # "KHẨN - Công văn số ...": the sender's mark on the mail stands for its letters
        if stamp and part.extraction is not None and not part.extraction.get("urgency"):
            part.extraction["urgency"] = stamp
            part.extraction.setdefault("confidence", {})["urgency"] = 0.6
    return result


MIN_SCAN_BYTES = 20_000  # an image attachment smaller than this is a logo or a signature, not a page


def _reads_as_letter(fields: dict | None) -> bool:
    return bool(fields and (fields.get("doc_number") or fields.get("doc_type")))


def analyse_message(raw: bytes, limits: LimitSettings, ocr: bool, spec: str, units_file: str | None,
                    depth: int = 0) -> Analysis:
    """Parse, read and extract one message. Runs in an isolated worker."""
    from intake.mailparse import parse_message

    try:
        mail = parse_message(raw)
    except ValueError as exc:
        return Analysis(error=str(exc))

    def read(name: str, data: bytes, kind: str) -> DocumentText:
        if len(data) > limits.max_attachment_bytes:
            return DocumentText(name, "", UNREADABLE, f"tệp quá lớn ({len(data)} byte)", kind)
        return extract_direct(name, data, limits, ocr, kind)

    def nested(data: bytes) -> Analysis:
        return analyse_message(data, limits, ocr, spec, units_file, depth + 1)

    return read_letters(mail, read=read, extract=lambda text, source: extract_fields(text, source, spec, units_file),
                        nested=nested if depth < MAX_DEPTH else None)


# -- in the main process ------------------------------------------------------------------------------------------------

@dataclass
class Source:
    """Where a message was read: a mailbox folder (with UIDVALIDITY and UID) or a file."""

    mailbox: str
    folder: str
    uidvalidity: int | None = None
    uid: int | None = None
    outgoing: bool = False
    arrived: datetime | None = None  # INTERNALDATE, when the server knows it
    size: int | None = None
    fallback_arrival: datetime | None = None  # a file's time, when the message itself says no date

    def __str__(self) -> str:
        if self.uid is not None and self.uidvalidity is not None:
            return f"{self.mailbox}/{self.folder}/{self.uidvalidity}/{self.uid}"
        if self.uid is not None:
            return f"{self.mailbox}:{self.folder}#{self.uid}"
        return f"{self.mailbox}:{self.folder}"


@dataclass
class _Prepared:
    source: Source
    raw: bytes


@dataclass
class Outcome:
    source: Source
    status: str  # processed | duplicate | quarantined | known
    letters: int = 0
    new_letters: int = 0
    reason: str | None = None
    letter_ids: list[int] = field(default_factory=list)


def text_hash(text: str) -> str:
    return hashlib.sha256(re.sub(r"\s+", " ", text).strip().encode("utf-8")).hexdigest()


def _secrecy(part: LetterPart) -> str | None:
    if part.extraction and part.extraction.get("secrecy"):
        return part.extraction["secrecy"]
    m = SECRECY.search(part.doc.text[:3000])
    return SECRECY_NAMES.get(re.sub(r"\s+", " ", m.group(1))) if m else None


def _confidence(extraction: dict | None) -> float | None:
    conf = (extraction or {}).get("confidence") or {}
    keys = [k for k in ("doc_number", "doc_type", "issuer", "issue_date") if k in conf]
    values = [float(conf[k]) for k in keys] or [float(v) for v in conf.values() if isinstance(v, (int, float))]
    return min(values) if values else None


def _doubtful(extraction: dict | None, min_confidence: float) -> bool:
    """Whether a letter waits for the clerk: a doubt on a field that creates or closes an obligation
    (nlp.confidence); an extraction without a ``review`` (another extractor) by its lowest confidence."""
    from nlp.confidence import needs_clerk

    confidence = _confidence(extraction)
    if confidence is None:
        return True
    if "review" in (extraction or {}):
        return needs_clerk(extraction)
    return confidence < min_confidence


class Intake:
    """Records messages: ``feed(iterable of (raw, Source))`` yields an ``Outcome`` per message, in order."""

    def __init__(self, settings: Settings, engine, *, pool=None, workers: int | None = None,
                 extractor: str = "nlp:Extractor", in_flight: int = 8, office_id: str | None = None):
        from intake.isolate import WorkerPool

        self.settings = settings
        self.engine = engine
        # whose letters these are: the given office, else the configured one or the database's only office
        self.office_id = office_id or _office_of(settings, engine)
        self.extractor = extractor
        self.units_file = str(settings.units_file) if settings.units_file else None
        self.own_addresses = {a.lower() for a in settings.office.addresses}
        self.workers = workers or max(1, min(4, os.cpu_count() or 1))
        self._own_pool = pool is None
        self.pool = pool or WorkerPool(self.workers, memory_mb=settings.limits.parse_memory_mb,
                                       preload=("intake.pipeline:analyse_message", "nlp:Extractor"))
        if self._own_pool:
            self.pool.start()  # the workers import their modules while the caller readies the database
        self.in_flight = max(in_flight, self.workers * 2)
        self._threads = ThreadPoolExecutor(self.in_flight, thread_name_prefix="intake")
        self.after_commit: Callable[[Outcome], None] | None = None

    def close(self) -> None:
        self._threads.shutdown(wait=True)
        if self._own_pool:
            self.pool.close()

    def __enter__(self) -> "Intake":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- analysis (threads wait on isolated workers) --
    def _analyse(self, raw: bytes) -> Analysis:
        from intake.isolate import IsolationError, JobFailed

        limits = self.settings.limits
        try:
            return self.pool.call("intake.pipeline:analyse_message", raw, limits, self.settings.ocr,
                                  self.extractor, self.units_file, timeout=limits.parse_timeout_s * 4)
        except IsolationError as exc:
            log.warning("message analysis failed whole (%s); reading its parts one by one", exc)
        # Slow path: parse alone, then each attachment in its own job, so one bad part spoils only itself.
        try:
            mail = self.pool.call("intake.mailparse:parse_message", raw, timeout=limits.parse_timeout_s)
        except JobFailed as exc:
            return Analysis(error=str(exc).split(": ", 1)[-1] if exc.kind == "ValueError"
                            else f"thư hỏng, không phân tích được ({exc.kind})")
        except IsolationError as exc:
            return Analysis(error=f"thư hỏng: phân tích quá lâu hoặc làm hỏng bộ đọc ({exc})")

        def read(name: str, data: bytes, kind: str) -> DocumentText:
            return run_isolated(self.pool, name, data, limits, self.settings.ocr, kind)

        def extract(text: str, source: str) -> dict | None:
            if not text.strip():
                return None
            try:
                return self.pool.call("intake.pipeline:extract_fields", text, source, self.extractor,
                                      self.units_file, timeout=limits.parse_timeout_s)
            except IsolationError:
                return None

        return read_letters(mail, read=read, extract=extract)

    def feed(self, items: Iterable[tuple[bytes | None, Source]], *, batch: int = 1) -> Iterator[Outcome]:
        """Analyse up to ``in_flight`` messages at once; record and yield them in the order given.

        Each message is committed before its outcome is yielded, so the caller may act on the server then. With
        ``batch`` > 1 (files, where no server action follows), up to ``batch`` analysed messages are committed in
        one transaction, then their outcomes yielded. Messages not downloaded (too big) go through
        ``quarantine_unread`` instead.
        """
        window: deque = deque()
        in_flight = max(self.in_flight, batch + self.workers * 2)
        for raw, source in items:
            window.append((raw, source, self._threads.submit(self._analyse, raw)))
            while len(window) >= in_flight:
                yield from self._record_some(window, batch)
        while window:
            yield from self._record_some(window, batch)

    def _record_some(self, window: deque, batch: int) -> list[Outcome]:
        """The oldest message of the window, with those after it already analysed, up to ``batch`` of them."""
        ready = [self._prepare(*window.popleft())]
        while len(ready) < batch and window and window[0][2].done():
            ready.append(self._prepare(*window.popleft()))
        if len(ready) > 1:
            from tracker.db import mail as ledger

            try:
                done = ledger.record_messages(self.engine, [(rec, letters, kw) for _, rec, letters, kw in ready])
            except OperationalError:
                raise  # the database is gone: stop, nothing is lost (the batch was rolled back)
            except Exception:  # noqa: BLE001 - one message spoils the batch: record each alone, as always
                log.info("a batch of %d messages was rolled back; recording them one by one", len(ready))
            else:
                return [self._outcome(prep[0].source, rec, reason=prep[3].get("quarantine_reason"))
                        for prep, rec in zip(ready, done)]
        return [self._record_one(*prep) for prep in ready]

    # -- recording --
    def _prepare(self, raw: bytes, source: Source, future):
        """What is recorded of one analysed message: (analysis and source, message record, letters, keywords)."""
        from tracker.db import mail as ledger

        try:
            analysis: Analysis = future.result()
        except Exception as exc:  # noqa: BLE001 - never let one message stop the run
            log.exception("%s: analysis failed", source)
            analysis = Analysis(error=f"lỗi khi đọc thư: {type(exc).__name__}")
        outgoing = source.outgoing or (analysis.from_addr or "").lower() in self.own_addresses
        direction = "out" if outgoing else "in"
        received = source.arrived or analysis.received or analysis.date or source.fallback_arrival
        record = ledger.MessageRecord(
            office_id=self.office_id, mailbox=source.mailbox, folder=source.folder, uidvalidity=source.uidvalidity, uid=source.uid,
            content_hash=hashlib.sha256(raw).hexdigest(), direction=direction, message_id=analysis.message_id,
            received_at=received, from_addr=analysis.from_addr, subject=analysis.subject,
            size=source.size if source.size is not None else len(raw))
        context = _Prepared(source, raw)
        if analysis.error:
            log.warning("%s: quarantined: %s", source, analysis.error)
            return context, record, [], {"quarantine_reason": analysis.error, "raw": raw, "origin": str(source)}
        letters = [self._letter(part, direction, received, source) for part in analysis.letters]
        return context, record, letters, {"note": None if letters else "không có văn bản (chỉ có thư)",
                                          "raw": raw}

    def _record_one(self, context: "_Prepared", record, letters: list, kwargs: dict) -> Outcome:
        from tracker.db import mail as ledger

        source, raw = context.source, context.raw
        if kwargs.get("quarantine_reason"):
            done = ledger.record_message(self.engine, record, [], **kwargs)
            return self._outcome(source, done, reason=kwargs["quarantine_reason"])
        try:
            done = ledger.record_message(self.engine, record, letters, **kwargs)
        except (DataError, StatementError) as exc:  # a value the database refuses: keep the bytes, go on
            if isinstance(exc, OperationalError):
                raise  # the database is gone: stop, nothing is lost
            log.exception("%s: could not be recorded; quarantined", source)
            reason = f"không ghi được vào cơ sở dữ liệu ({type(getattr(exc, 'orig', exc)).__name__})"
            done = ledger.record_message(self.engine, record, [], quarantine_reason=reason, raw=raw,
                                         origin=str(source))
            return self._outcome(source, done, reason)
        return self._outcome(source, done)

    def _letter(self, part: LetterPart, direction: str, received, source: Source):
        return letter_record(part, direction, received, source, self.settings.reminders.min_confidence)

    def _outcome(self, source: Source, done, reason: str | None = None) -> Outcome:
        if done is None:
            outcome = Outcome(source, "known")
        else:
            outcome = Outcome(source, done.status, len(done.letter_ids), len(done.new_letter_ids), reason,
                              list(done.letter_ids))
            log.debug("%s: %s, %d letter(s), %d new", source, outcome.status, outcome.letters, outcome.new_letters)
        _fault("after-commit")
        if self.after_commit:
            self.after_commit(outcome)
        return outcome

    def quarantine_unread(self, source: Source, reason: str) -> Outcome:
        """Record a message that was not downloaded (too big), with its reason and without its bytes."""
        from tracker.db import mail as ledger

        record = ledger.MessageRecord(office_id=self.office_id, mailbox=source.mailbox, folder=source.folder, uidvalidity=source.uidvalidity,
                                      uid=source.uid, content_hash=f"unread:{source}"[:64],
                                      direction="out" if source.outgoing else "in", received_at=source.arrived,
                                      size=source.size)
        log.warning("%s: quarantined without download: %s", source, reason)
        done = ledger.record_message(self.engine, record, [], quarantine_reason=reason, raw=None,
                                     origin=str(source))
        return self._outcome(source, done, reason)


def letter_record(part: LetterPart, direction: str, received, source, min_confidence: float):
    """What is recorded of one letter read from a message or an uploaded file (``source`` names it in logs)."""
    from tracker.db.mail import LetterRecord

    fields = part.extraction or {}
    doc = part.doc
    secrecy = _secrecy(part)
    if secrecy:
        log.warning("%s: letter %s (%s) bears the secrecy mark %s: content not stored", source,
                    fields.get("doc_number"), part.part, secrecy)
        kept = {"source": part.part, "doc_number": fields.get("doc_number"), "issuer": fields.get("issuer"),
                "issuer_unit_id": fields.get("issuer_unit_id"), "secrecy": secrecy}
        return LetterRecord(part=part.part, direction=direction, status="secret",
                            content_hash=text_hash(doc.text) if doc.text.strip() else None,
                            fields={"doc_number": kept["doc_number"], "issuer": kept["issuer"],
                                    "issuer_unit_id": kept["issuer_unit_id"], "secrecy": secrecy},
                            extraction=kept, confidence=None, text=None, received_at=received)
    if doc.status in (NEEDS_OCR, NEEDS_PASSWORD, UNREADABLE):
        status = doc.status
    else:
        # text recognised from a scan: its numbers and dates are read by a person before anything is planned
        status = "needs_review" if doc.ocr or _doubtful(part.extraction, min_confidence) else "new"
    values = {k: fields.get(k) for k in ("doc_number", "doc_type", "issuer", "issuer_unit_id", "place",
                                         "subject", "urgency")}
    issue = fields.get("issue_date")
    if issue:
        from datetime import date

        try:
            values["issue_date"] = date.fromisoformat(issue)
        except ValueError:
            values["issue_date"] = None
    extraction = dict(fields) if fields else {"source": part.part}
    if doc.warning:
        extraction["document_warning"] = doc.warning
    return LetterRecord(part=part.part, direction=direction, status=status,
                        content_hash=text_hash(doc.text) if doc.text.strip() else None,
                        fields=values, extraction=extraction, confidence=_confidence(part.extraction),
                        text=doc.text or None, received_at=received)


def _office_of(settings: Settings, engine) -> str:
    from tracker.db.offices import choose
    from tracker.units import UnitRegistry

    registry = UnitRegistry.load(settings.units_file) if settings.units_file else UnitRegistry.load()
    return choose(engine, registry, settings.office.unit)


def _fault(point: str) -> None:
    """Fault injection for the crash tests: CONGVAN_FAULT=kill-<point> kills this process with SIGKILL there."""
    fault = os.environ.get("CONGVAN_FAULT")
    if fault == f"kill-{point}":
        os.kill(os.getpid(), signal.SIGKILL)
    elif fault == f"slow-{point}":  # a slow message, for the tests that stop the service in the middle of one
        import time

        time.sleep(1.0)
