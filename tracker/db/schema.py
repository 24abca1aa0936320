"""The tracker's tables (SQLAlchemy Core). The migrations in ``migrations/versions`` create exactly these; a test
compares the two, so a change here needs a migration.

Times are stored in UTC (``DateTime(timezone=True)``) and shown in Asia/Ho_Chi_Minh (+07:00); calendar days
(issue dates, due dates) are plain dates, already local.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    text,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

now = func.now()

# -- the unit registry (loaded from data; kept in the database so that letters and obligations can refer to it) --
units = Table(
    "units",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(300), nullable=False),
    Column("short", String(64), nullable=False, server_default=""),
    Column("kind", String(32), nullable=False),
    Column("parent_id", String(64), nullable=True),
    Column("aliases", JSON, nullable=False),
    Column("emails", JSON, nullable=False),
    Column("valid_from", Date, nullable=True),
    Column("valid_to", Date, nullable=True),
    Column("successors", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=now),
)

# -- the offices whose letters this database keeps (one database can serve many offices, each a registry unit) --
offices = Table(
    "offices",
    metadata,
    Column("unit_id", String(64), primary_key=True),
    Column("registered_at", DateTime(timezone=True), nullable=False, server_default=now),
    # how its drafts are headed and signed ([office] of the configuration that registered it): a command run
    # without that configuration still gives the office's letterhead and signer
    Column("profile", JSON, nullable=True),
)

# -- intake: one row per message seen, whatever became of it (the ledger) --
messages = Table(
    "messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("office_id", String(64), nullable=False),  # the office whose mailbox (or import) it came through
    Column("mailbox", String(200), nullable=False),  # configured mailbox name, or "import"
    Column("folder", String(500), nullable=False),  # IMAP folder, or the imported file's path
    Column("uidvalidity", BigInteger, nullable=True),
    Column("uid", BigInteger, nullable=True),
    Column("message_id", String(998), nullable=True),
    Column("content_hash", String(64), nullable=False),
    Column("direction", String(3), nullable=False),  # in | out
    Column("received_at", DateTime(timezone=True), nullable=True),
    Column("from_addr", String(500), nullable=True),
    Column("subject", Text, nullable=True),
    Column("size", Integer, nullable=True),
    Column("status", String(20), nullable=False),  # processing | processed | quarantined | duplicate
    Column("reason", Text, nullable=True),
    Column("action_done", Boolean, nullable=False, server_default="0"),  # the server-side action (flag/move)
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=now),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=now),
    UniqueConstraint("office_id", "mailbox", "folder", "uidvalidity", "uid", name="uq_messages_location"),
)
Index("ix_messages_message_id", messages.c.message_id)
Index("ix_messages_content_hash", messages.c.content_hash)

quarantine = Table(
    "quarantine",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("message_ref", Integer, ForeignKey("messages.id"), nullable=True),
    Column("origin", String(1000), nullable=False),  # mailbox/folder/uid or path, for the operator
    Column("reason", Text, nullable=False),
    Column("raw", LargeBinary, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=now),
)

# -- the bytes of each recorded message (RFC 822), or of an uploaded PDF/DOCX, for download from the letter page;
#    none for a message that bears a letter with a secrecy mark (only its number and sender are kept) --
message_raw = Table(
    "message_raw",
    metadata,
    Column("message_ref", Integer, ForeignKey("messages.id"), primary_key=True),
    Column("raw", LargeBinary, nullable=False),
)

# -- letters and where they came from --
letters = Table(
    "letters",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("office_id", String(64), nullable=False),  # the office that received or sent it
    Column("direction", String(3), nullable=False),  # in | out
    Column("doc_number", String(200), nullable=True),
    Column("doc_type", String(100), nullable=True),
    Column("issuer", String(500), nullable=True),
    Column("issuer_unit_id", String(64), nullable=True),
    Column("place", String(200), nullable=True),
    Column("issue_date", Date, nullable=True),
    Column("subject", Text, nullable=True),
    Column("urgency", String(20), nullable=True),
    Column("secrecy", String(20), nullable=True),
    # the arrival register (sổ đăng ký văn bản đến, NĐ 30/2020 Đ.22): consecutive per office and year, incoming only
    Column("arrival_number", Integer, nullable=True),
    Column("arrival_date", Date, nullable=True),
    Column("arrival_year", Integer, nullable=True),
    Column("received_at", DateTime(timezone=True), nullable=True),
    # new | needs_review | confirmed | secret | needs_ocr | needs_password | unreadable
    Column("status", String(20), nullable=False),
    Column("extraction", JSON, nullable=True),  # fields, confidences, evidence as extracted
    Column("confidence", Float, nullable=True),  # the lowest confidence among the key fields
    Column("text", Text, nullable=True),  # NFC; never stored for a letter bearing a secrecy mark
    Column("content_hash", String(64), nullable=True),  # of the normalised text: the same letter by two routes
    Column("obligations_built", Boolean, nullable=False, server_default="0"),
    # folded words (no diacritics, lower case) of number, type, issuer, subject, units: tracker.search
    Column("search_text", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=now),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=now),
)
Index("ix_letters_doc_number", letters.c.doc_number)
# neither register index leads with office_id (see the note below the search indexes)
Index("ux_letters_arrival", letters.c.arrival_year, letters.c.arrival_number, letters.c.office_id, unique=True)
Index("ix_letters_received_at", letters.c.received_at)
Index("ix_letters_issuer_unit_id", letters.c.issuer_unit_id)
# search: a narrow (covering) index that a diacritics-free LIKE scans instead of the table (tracker.db.register.search); on
# PostgreSQL also a trigram index that LIKE '% word%' uses (pg_trgm; the migration falls back to an empty partial
# index where the extension is missing). On SQLite the trigram index is an empty partial index: it costs nothing.
Index("ix_letters_search", letters.c.search_text, letters.c.office_id, letters.c.direction, letters.c.status,
      letters.c.issuer_unit_id)
Index("ix_letters_search_trgm", letters.c.search_text, postgresql_using="gin",
      postgresql_ops={"search_text": "gin_trgm_ops"}, sqlite_where=text("0"))
Index("ix_letters_content_hash", letters.c.content_hash)
Index("ix_letters_obligations_built", letters.c.obligations_built)
# No index leads with office_id: SQLite would then drive the sweep's joins from the office's letters (seconds
# instead of milliseconds); the obligation indexes find the rows and each letter is looked up by its key.
# Except a partial one over the few letters waiting for a clerk (the web page's queue and its count); queries use
# WAITING_SQL word for word so that SQLite matches the index's condition.
WAITING_SQL = "status IN ('needs_review', 'needs_ocr', 'needs_password', 'unreadable')"
Index("ix_letters_waiting", letters.c.office_id, letters.c.id, sqlite_where=text(WAITING_SQL),
      postgresql_where=text(WAITING_SQL))

# the last arrival number given per office and year, moved in the transaction that records the letter
arrival_counters = Table(
    "arrival_counters",
    metadata,
    Column("office_id", String(64), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("last_number", Integer, nullable=False),
)

letter_sources = Table(
    "letter_sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("letter_id", Integer, ForeignKey("letters.id"), nullable=False),
    Column("message_ref", Integer, ForeignKey("messages.id"), nullable=False),
    Column("part", String(500), nullable=True),  # attachment file name, or "body"
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=now),
    UniqueConstraint("letter_id", "message_ref", "part", name="uq_letter_sources_part"),
)

# -- the letters each letter answers ("Phúc đáp Công văn số X"), by normalised number, for replies read early --
replies = Table(
    "replies",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("letter_id", Integer, ForeignKey("letters.id"), nullable=False),  # the reply
    Column("number_key", String(200), nullable=False),  # the number it answers, normalised
    UniqueConstraint("letter_id", "number_key", name="uq_replies_letter_number"),
)
Index("ix_replies_number_key", replies.c.number_key)

# -- obligations: one per owing unit, each with its own clock --
obligations = Table(
    "obligations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("letter_id", Integer, ForeignKey("letters.id"), nullable=False),
    Column("unit_id", String(64), nullable=True),  # null while the unit is not resolved
    Column("unit_text", String(500), nullable=False),  # as written in the letter
    # the unit as a key: its registry id, else "?" and the folded text (see tracker.obligations.unit_key)
    Column("unit_key", String(500), nullable=False),
    Column("role", String(20), nullable=False),  # addressee | lead | cooperating | self
    Column("kind", String(30), nullable=False),  # answer | task | report | confirm_in_writing | progress
    Column("rule", String(50), nullable=False),
    Column("start_date", Date, nullable=False),
    Column("due_date", Date, nullable=False),
    Column("basis", String(20), nullable=False),  # statutory | requested | default | capped | fixed_date
    Column("on_lapse", String(20), nullable=False),
    Column("flags", JSON, nullable=False),
    # open | answered | deemed_agreed | escalated | overdue | withdrawn | superseded (re-planned after a correction)
    Column("state", String(20), nullable=False),
    # the letter waits for a clerk's confirmation: shown, never swept or drafted for, replaced once confirmed
    Column("provisional", Boolean, nullable=False, server_default="0"),
    Column("answered_by", Integer, ForeignKey("letters.id"), nullable=True),
    Column("answered_on", Date, nullable=True),
    # an answer the clerk recorded that came another way: its number and how (giấy, hệ thống quản lý văn bản...)
    Column("answer_number", String(200), nullable=True),
    Column("answer_via", String(40), nullable=True),
    Column("late", Boolean, nullable=False, server_default="0"),
    # Đ.8.1.b: this obligation is a unit's answer the office needs before it can answer a ward's recommendation
    Column("consults_for", Integer, ForeignKey("obligations.id"), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=now),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=now),
)
Index("ix_obligations_state_due", obligations.c.state, obligations.c.due_date)
Index("ix_obligations_consults_for", obligations.c.consults_for)
Index("ix_obligations_letter", obligations.c.letter_id)
Index("ix_obligations_due", obligations.c.due_date, obligations.c.id)  # the web page's list in due order
Index("ix_obligations_unit_letter", obligations.c.unit_id, obligations.c.letter_id)  # search by unit
Index("ix_obligations_state_letter", obligations.c.state, obligations.c.letter_id)  # search by state
# One live obligation per letter, unit, role and kind, whatever the timing of concurrent planners: the database
# refuses a double (planning inserts with ON CONFLICT DO NOTHING). Superseded rows are history.
ACTIVE = obligations.c.state != "superseded"
Index("ux_obligations_active", obligations.c.letter_id, obligations.c.unit_key, obligations.c.role,
      obligations.c.kind, unique=True, sqlite_where=ACTIVE, postgresql_where=ACTIVE)

# -- append-only history of every state change and field edit --
history = Table(
    "history",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("entity", String(20), nullable=False),  # letter | obligation | draft
    Column("entity_id", Integer, nullable=False),
    Column("action", String(20), nullable=False),  # create | state | edit
    Column("field", String(100), nullable=True),
    Column("before", Text, nullable=True),
    Column("after", Text, nullable=True),
    Column("actor", String(200), nullable=False),  # "congvan" for the system, else the clerk's name
    Column("note", Text, nullable=True),
    Column("at", DateTime(timezone=True), nullable=False, server_default=now),
)
Index("ix_history_entity", history.c.entity, history.c.entity_id)

# -- drafts the sweep wrote for a person to check and send --
drafts = Table(
    "drafts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("office_id", String(64), nullable=False),  # whose letterhead and signer it carries
    Column("kind", String(20), nullable=False),  # reminder | deemed_agreed | escalation | progress | digest | report
    Column("dedupe_key", String(300), nullable=False),  # per office: the same sweep twice writes nothing new
    Column("obligation_id", Integer, ForeignKey("obligations.id"), nullable=True),
    Column("letter_id", Integer, ForeignKey("letters.id"), nullable=True),
    Column("to_unit_id", String(64), nullable=True),
    Column("to_unit", String(500), nullable=True),
    Column("letter_number", String(200), nullable=True),
    Column("due_date", Date, nullable=True),
    Column("subject", Text, nullable=False),
    Column("context", JSON, nullable=False),  # the values the templates format, computed by the sweep
    # the part of the context many drafts of one sweep share (the letter, the office, the day), kept once in
    # draft_shared; the draft's context is that row's merged with its own (store.add_drafts, store.with_context).
    # No foreign key: a sweep writes tens of thousands of drafts, and shared rows are never deleted.
    Column("shared_id", Integer, nullable=True),
    Column("body_text", Text, nullable=True),  # rendered lazily (export, delivery) and kept
    Column("body_html", Text, nullable=True),
    Column("docx", LargeBinary, nullable=True),
    Column("eml", LargeBinary, nullable=True),
    Column("status", String(20), nullable=False),  # pending | approved | discarded | signed | delivered
    Column("sweep_date", Date, nullable=True),
    # recorded when the leader signed it: the signed notice is the record (NĐ 30: number and date of issue)
    Column("signed_number", String(200), nullable=True),
    Column("signed_on", Date, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=now),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=now),
    UniqueConstraint("office_id", "dedupe_key", name="uq_drafts_office_key"),
)

# values shared by many drafts of one sweep (the letter's, the office's, the day): one row per letter and sweep
draft_shared = Table(
    "draft_shared",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("office_id", String(64), nullable=False),
    Column("context", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=now),
)

# -- the always-on service (`congvan run`): mailbox health, who watches which mailbox, which sweeps ran --
mailbox_health = Table(
    "mailbox_health",
    metadata,
    Column("office_id", String(64), primary_key=True),
    Column("mailbox", String(200), primary_key=True),
    Column("folder", String(500), primary_key=True),
    Column("last_success_at", DateTime(timezone=True), nullable=True),
    Column("last_error", Text, nullable=True),  # one line, never a password
    Column("last_error_at", DateTime(timezone=True), nullable=True),
    Column("backlog", Integer, nullable=False, server_default="0"),  # messages seen but not yet recorded
    Column("worker", String(200), nullable=True),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=now),
)

# one row per configured mailbox: the worker that watches it until ``expires_at`` (renewed while it lives)
mailbox_leases = Table(
    "mailbox_leases",
    metadata,
    Column("office_id", String(64), primary_key=True),
    Column("mailbox", String(200), primary_key=True),
    Column("worker", String(200), nullable=True),
    Column("expires_at", DateTime(timezone=True), nullable=True),
)

# the workers alive (heartbeat), so that mailboxes are shared evenly between them
service_workers = Table(
    "service_workers",
    metadata,
    Column("office_id", String(64), primary_key=True),
    Column("worker", String(200), primary_key=True),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

# the daily sweep, once per office and day whichever worker runs it
sweep_runs = Table(
    "sweep_runs",
    metadata,
    Column("office_id", String(64), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("worker", String(200), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True), nullable=True),
    Column("summary", JSON, nullable=True),
)

# -- people who use the web page (web/): one office each; passwords only as argon2 hashes --
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),  # the login name, also the history's actor
    Column("full_name", String(200), nullable=False, server_default=""),
    Column("role", String(20), nullable=False),  # clerk | specialist | leader | admin
    Column("office_id", String(64), nullable=False),  # the registry unit whose data the user sees
    Column("password_hash", String(300), nullable=False),
    Column("disabled", Boolean, nullable=False, server_default="0"),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=now),
    Column("last_login_at", DateTime(timezone=True), nullable=True),
)

# -- the administrator's changes over the shipped data files (Quản trị): applied over them when the tracker starts --
unit_changes = Table(
    "unit_changes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", String(64), nullable=False),
    Column("action", String(20), nullable=False),  # rename | merge
    Column("name", String(300), nullable=True),
    Column("short", String(64), nullable=True),
    Column("successor_id", String(64), nullable=True),
    Column("effective_on", Date, nullable=True),  # merge: the successor's first day
    Column("actor", String(100), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=now),
)

calendar_days = Table(
    "calendar_days",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("day", Date, nullable=False, unique=True),
    Column("kind", String(10), nullable=False),  # off | work
    Column("reason", String(300), nullable=False),
    Column("source", String(200), nullable=False),  # the decision's number
    Column("actor", String(100), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=now),
)
