"""Where messages come from: IMAP mailboxes (``poll_mailbox``) and mail files on disk (``file_messages``).

IMAP, per folder: redo the server-side action of messages recorded before a crash; list UIDs above the highest
recorded at this UIDVALIDITY; read sizes first and quarantine oversized messages without downloading them; fetch
the rest with BODY.PEEK[] in batches; record each message (one transaction); then do the action (keyword $Congvan,
\\Seen or move) and mark it done. The whole mailbox is handled under its intake lock, so two runs never overlap.
"""

from __future__ import annotations

import logging
import mailbox as mailbox_lib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from config.settings import MailboxSettings, Settings
from intake.pipeline import Intake, Outcome, Source

log = logging.getLogger(__name__)

SENT_NAMES = {"sent", "sent items", "sent messages", "sent mail", "đã gửi", "thư đã gửi", "outbox"}
FETCH_BYTES = 20 * 1024 * 1024  # per FETCH batch


@dataclass
class PollReport:
    mailbox: str
    outcomes: list[Outcome] = field(default_factory=list)
    error: str | None = None
    actions_redone: int = 0
    found: int = 0  # new UIDs seen (the backlog when the pass began)
    stopped: bool = False  # the pass stopped early when asked to (the rest waits for the next pass)


def poll_mailbox(intake: Intake, box: MailboxSettings, *, connect=None) -> PollReport:
    """Process every new message of one mailbox once. Errors of the server end up in ``report.error``."""
    from intake.imap import ImapError, Mailbox
    from tracker.db import mail as ledger

    report = PollReport(box.name)
    connect = connect or Mailbox
    folders = [(f, False) for f in box.incoming] + [(f, True) for f in box.outgoing]
    try:
        with ledger.mailbox_lock(intake.engine, box.name), connect(box) as imap:
            for folder, outgoing in folders:
                poll_folder(intake, imap, box, folder, outgoing, report)
    except ImapError as exc:
        report.error = str(exc)
        log.error("%s", exc)
    except Exception as exc:  # noqa: BLE001 - one mailbox's failure must not stop the others
        log.exception("mailbox %s: intake stopped", box.name)
        report.error = f"mailbox {box.name}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    return report


def poll_folder(intake: Intake, imap, box: MailboxSettings, folder: str, outgoing: bool, report: PollReport,
                should_stop=None, on_found=None, on_outcome=None) -> None:
    """One pass over one folder of a connected mailbox (the caller holds the mailbox's intake lock): redo pending
    server actions, then record every UID above the highest recorded. ``on_outcome(outcome)`` hears of each message
    once it is committed; ``should_stop()`` is asked after each: the pass then ends after that message, with every
    recorded message's server action done."""
    from tracker.db import mail as ledger

    should_stop = should_stop or (lambda: False)

    if not imap.folder_exists(folder):
        log.warning("mailbox %s: folder %s does not exist; skipped", box.name, folder)
        return
    uidvalidity = imap.select(folder)
    pending = ledger.pending_actions(intake.engine, box.name, folder, uidvalidity, office=intake.office_id)
    if pending:
        log.info("mailbox %s folder %s: redoing the server action of %d message(s) recorded before a stop",
                 box.name, folder, len(pending))
        imap.mark_done(pending, box.after)
        ledger.mark_action_done(intake.engine, box.name, folder, uidvalidity, pending,
                                office=intake.office_id)
        report.actions_redone += len(pending)
    after = ledger.max_uid(intake.engine, box.name, folder, uidvalidity, office=intake.office_id)
    uids = imap.new_uids(after)
    report.found += len(uids)
    if on_found is not None:
        on_found(len(uids))
    if not uids:
        return
    log.info("mailbox %s folder %s: %d new message(s) after UID %s (UIDVALIDITY %s)", box.name, folder,
             len(uids), after, uidvalidity)
    sizes = imap.sizes(uids)
    limit = intake.settings.limits.max_message_bytes

    def source(uid: int) -> Source:
        size, arrived = sizes.get(uid, (None, None))
        if arrived is not None and arrived.tzinfo is None:
            arrived = arrived.astimezone()  # imapclient gives local naive time unless normalise=False
        return Source(box.name, folder, uidvalidity, uid, outgoing, arrived, size)

    batch: list[int] = []
    batch_bytes = 0
    for i, uid in enumerate(uids):
        if report.stopped:
            return
        size = sizes.get(uid, (0, None))[0]
        if uid not in sizes:
            continue  # expunged meanwhile
        if size > limit:
            outcome = intake.quarantine_unread(source(uid), f"thư quá lớn ({size} byte > {limit}), chưa tải về")
            report.outcomes.append(outcome)
            _act(intake, imap, box, folder, uidvalidity, [uid])
            continue
        batch.append(uid)
        batch_bytes += size
        if batch_bytes >= FETCH_BYTES or len(batch) >= 25 or i == len(uids) - 1:
            _process_batch(intake, imap, box, folder, uidvalidity, batch, source, report, should_stop, on_outcome)
            batch, batch_bytes = [], 0
    if batch and not report.stopped:
        _process_batch(intake, imap, box, folder, uidvalidity, batch, source, report, should_stop, on_outcome)


def _process_batch(intake, imap, box, folder, uidvalidity, uids, source, report, should_stop=None,
                   on_outcome=None) -> None:
    raws = imap.fetch(uids)
    items = [(raws[uid], source(uid)) for uid in uids if uid in raws]
    done = []
    for outcome in intake.feed(items):  # in UID order: stopping after one leaves only higher UIDs for later
        report.outcomes.append(outcome)
        done.append(outcome.source.uid)
        if on_outcome is not None:
            on_outcome(outcome)
        if should_stop is not None and should_stop():
            report.stopped = True
            break
    _act(intake, imap, box, folder, uidvalidity, done)


def _act(intake, imap, box, folder, uidvalidity, uids) -> None:
    from tracker.db import mail as ledger

    if not uids:
        return
    imap.mark_done(uids, box.after)
    ledger.mark_action_done(intake.engine, box.name, folder, uidvalidity, uids, office=intake.office_id)
    if box.after.startswith("move:"):
        imap.select(folder)  # MOVE leaves the folder selected, but be explicit for servers that differ


# -- files --------------------------------------------------------------------------------------------------------------

@dataclass
class FileMessage:
    folder: str  # the file's or Maildir's path
    uid: int | None  # index in an mbox or a Maildir, None for a single .eml
    outgoing: bool
    read: callable


def is_sent_folder(name: str, settings: Settings) -> bool:
    names = SENT_NAMES | {f.lower() for m in settings.mailboxes for f in m.outgoing}
    return name.strip().lower() in names


MAIL_SUFFIXES = {".eml", ".msg", ".mbox", ".mbx", ".raw", ".txt", ""}


def _looks_like_mail_file(path: Path) -> bool:
    from intake.documents import sniff

    try:
        with open(path, "rb") as fh:
            return sniff(fh.read(2048)) == "eml"
    except OSError:
        return False


def _is_mbox(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(5) == b"From "
    except OSError:
        return False


DOCUMENT_SUFFIXES = {".pdf", ".docx", ".jpg", ".jpeg", ".png", ".tif", ".tiff"}


def is_document(path: Path) -> bool:
    """A letter as a file (PDF, DOCX, a scan as JPEG/PNG/TIFF), not a mail file: recorded by ``tracker.service.register_document``."""
    path = Path(path)
    return path.is_file() and path.suffix.lower() in DOCUMENT_SUFFIXES


def document_files(paths: list[Path]) -> Iterator[Path]:
    """The PDF, DOCX and scan image files given, and those in the folders given (outside Maildir folders), sorted."""
    for path in paths:
        path = Path(path)
        if is_document(path):
            yield path
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                if is_document(child) and child.parent.name not in ("cur", "new", "tmp"):
                    yield child


def file_messages(paths: list[Path], settings: Settings, folder_direction: bool = True) -> Iterator[FileMessage]:
    """Every message under ``paths``: .eml files, Maildir folders (cur/new), mbox files, folder trees of them.

    With ``folder_direction``, a message whose folder is named like a sent folder ("Sent", "Đã gửi", or an
    ``outgoing`` folder of the settings) is the office's own.
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            if (path / "cur").is_dir() or (path / "new").is_dir():
                yield from _maildir(path, settings, folder_direction)
                continue
            for child in sorted(path.rglob("*")):
                if child.is_dir() and ((child / "cur").is_dir() and (child / "new").is_dir()):
                    yield from _maildir(child, settings, folder_direction)
                elif child.is_file() and child.parent.name not in ("cur", "new", "tmp"):
                    if child.suffix.lower() in MAIL_SUFFIXES or _is_mbox(child) or _looks_like_mail_file(child):
                        yield from _file(child, settings, folder_direction)
        elif path.is_file():
            yield from _file(path, settings, folder_direction)
        else:  # a FIFO, socket or device: reading it could block forever
            log.warning("%s: not a regular file or folder; skipped", path)


def _sent(path: Path, settings: Settings, folder_direction: bool) -> bool:
    return folder_direction and any(is_sent_folder(part, settings) for part in path.parts[-3:-1] + (path.stem,))


def _file(path: Path, settings: Settings, folder_direction: bool) -> Iterator[FileMessage]:
    outgoing = _sent(path, settings, folder_direction)
    if _is_mbox(path) and path.suffix.lower() != ".eml":
        box = mailbox_lib.mbox(str(path), create=False)
        for index, key in enumerate(box.keys(), start=1):
            yield FileMessage(str(path.resolve()), index, outgoing, lambda box=box, key=key: box.get_bytes(key))
        return
    yield FileMessage(str(path.resolve()), None, outgoing, path.read_bytes)


def _maildir(path: Path, settings: Settings, folder_direction: bool) -> Iterator[FileMessage]:
    outgoing = folder_direction and (is_sent_folder(path.name.lstrip("."), settings) or
                                     is_sent_folder(path.name.rsplit(".", 1)[-1], settings))
    for sub in ("new", "cur"):
        for f in sorted((path / sub).glob("*")):
            if f.is_file():
                yield FileMessage(str(f.resolve()), None, outgoing, f.read_bytes)
