"""What the web page reads, as thin use cases over tracker.db.queries: each takes the Tracker (whose office is the
reader's) and returns plain values. Ids of another office read as missing (NotFound).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.db import queries as q
from tracker.db import store


class Missing(LookupError):
    """No such row in the reader's office."""


@dataclass
class LetterView:
    letter: dict
    sources: list[dict]
    obligations: list[dict]
    history: list[dict]
    review: list[dict]  # [{"field", "reason"}] from the extraction, for the clerk
    evidence: dict[str, list[list[int]]] = field(default_factory=dict)


def list_letters(tracker, *, direction=None, waiting=None, limit=50, offset=0):
    with tracker.engine.connect() as conn:
        return q.letters_page(conn, tracker.office_unit_id, direction=direction, waiting=waiting, limit=limit,
                              offset=offset)


def letter_detail(tracker, letter_id: int) -> LetterView:
    with tracker.engine.connect() as conn:
        row = q.letter(conn, tracker.office_unit_id, letter_id)
        if row is None:
            raise Missing(letter_id)
        ex = row.get("extraction") or {}
        return LetterView(letter=row, sources=q.letter_sources(conn, letter_id),
                          obligations=store.obligations_of_letter(conn, letter_id),
                          history=store.history_of(conn, "letter", letter_id),
                          review=[r for r in ex.get("review") or [] if isinstance(r, dict)],
                          evidence=ex.get("evidence") or {})


def list_obligations(tracker, *, states=(), unit_id=None, due_from=None, due_to=None, limit=100, offset=0):
    with tracker.engine.connect() as conn:
        return q.obligations_page(conn, tracker.office_unit_id, states=states, unit_id=unit_id, due_from=due_from,
                                  due_to=due_to, limit=limit, offset=offset)


def obligation_detail(tracker, ob_id: int) -> dict:
    """An obligation with its letter, its history and why its due day is what it is (the days skipped)."""
    with tracker.engine.connect() as conn:
        row = _with_history(conn, q.obligation(conn, tracker.office_unit_id, ob_id), "obligation", ob_id)
    row["skipped"] = tracker.calendar.skipped_between(row["start_date"], row["due_date"])
    row["working_days"] = tracker.calendar.working_days_between(row["start_date"], row["due_date"])
    return row


def with_added_units(tracker):
    """The Tracker with the units clerks added to this database beside the registry's (one small read)."""
    import dataclasses

    from tracker.db import units as unit_rows

    registry = unit_rows.with_added(tracker.engine, tracker.registry)
    return tracker if registry is tracker.registry else dataclasses.replace(tracker, registry=registry)


def list_drafts(tracker, *, statuses=(), limit=100, offset=0):
    with tracker.engine.connect() as conn:
        return q.drafts_page(conn, tracker.office_unit_id, statuses=statuses, limit=limit, offset=offset)


def draft_detail(tracker, draft_id: int) -> dict:
    with tracker.engine.connect() as conn:
        return _with_history(conn, q.draft(conn, tracker.office_unit_id, draft_id), "draft", draft_id)


def _with_history(conn, row: dict | None, entity: str, entity_id: int) -> dict:
    if row is None:
        raise Missing(entity_id)
    row["history"] = store.history_of(conn, entity, entity_id)
    return row


def save_draft_rendering(tracker, draft_id: int, **values) -> None:
    """Keep a draft's rendering (text, HTML, .docx, .eml) once made, so that previews are not redone."""
    with tracker.engine.begin() as conn:
        if q.draft(conn, tracker.office_unit_id, draft_id) is None:
            raise Missing(draft_id)
        store.save_rendering(conn, draft_id, **values)


def record_delivery(tracker, draft_id: int, *, actor: str, folder: str, mailbox: str) -> None:
    """A draft appended to the Drafts folder of ``mailbox``: status "delivered", kept in the history."""
    with tracker.engine.begin() as conn:
        row = q.draft(conn, tracker.office_unit_id, draft_id)
        if row is None:
            raise Missing(draft_id)
        store.save_rendering(conn, draft_id, status="delivered")
        store.record(conn, [{"entity": "draft", "entity_id": draft_id, "action": "state", "field": "status",
                             "before": row["status"], "after": "delivered", "actor": actor,
                             "note": f"thư mục {folder} của hộp thư {mailbox}"}])


def counts(tracker) -> dict[str, int]:
    with tracker.engine.connect() as conn:
        return q.counts(conn, tracker.office_unit_id)
