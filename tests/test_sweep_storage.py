"""How a sweep stores its drafts (SQLite and PostgreSQL): what the drafts of one letter share is kept once and read
back whole, drafts written before that migration read the same after it, and a large batch of drafts (PostgreSQL:
COPY) skips the keys a concurrent sweep already wrote."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, select, text

from congvan.drafting import render_draft
from tests.test_notices_lapse import SETTINGS
from tests.test_tracker_service import D, consult_three_units, draft_rows, tracker  # noqa: F401 - fixture
from tracker import db
from tracker.db import store
from tracker.db.schema import draft_shared, drafts
from tracker.service import build_obligations, sweep


def test_the_notices_of_one_letter_share_its_context_once_and_each_reads_it_whole(tracker, engine):
    consult_three_units(engine)
    build_obligations(tracker)
    summary = sweep(tracker, D("2025-02-18"))  # due 17/02: the three units are deemed to agree
    assert summary.deemed_agreed == 3

    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(draft_shared)).scalar_one() == 1
        stored = conn.execute(select(drafts.c.shared_id, drafts.c.context).where(drafts.c.kind == "deemed_agreed")
                              ).all()
    assert len({shared_id for shared_id, _ in stored}) == 1 and stored[0][0] is not None
    assert all("letter" not in (c if isinstance(c, dict) else json.loads(c)) for _, c in stored)

    notices = [d for d in draft_rows(engine) if d["kind"] == "deemed_agreed"]
    assert sorted(d["to_unit_id"] for d in notices) == ["q11.p14", "q11.qldt", "q11.tnmt"]
    for notice in notices:
        ctx = notice["context"]
        assert ctx["letter"]["number"] == "12/UBND-ĐT" and ctx["office"]["id"] == "q11.p5"
        assert ctx["today"] == "2025-02-18" and ctx["to_unit"]["id"] == notice["to_unit_id"]
        assert "shared_id" not in notice
        rendering = render_draft(notice, SETTINGS, tracker.registry)
        assert "12/UBND-ĐT" in rendering.text and ctx["to_unit"]["name"] in rendering.text

    with engine.connect() as conn:  # the clerk's page and the exports read one draft the same way
        one = store.draft(conn, notices[0]["id"], office="q11.p5")
    assert one["context"] == notices[0]["context"]
    assert sweep(tracker, D("2025-02-18")).deemed_agreed == 0  # run again: nothing new
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(draft_shared)).scalar_one() == 1


def test_a_draft_written_before_the_upgrade_reads_the_same_after_it(db_url, registry):
    from tracker.db import units as unit_rows

    engine = db.create(db_url)
    db.upgrade(engine, "0007_raw", office="q11.p5")
    context = {"kind": "reminder", "stage": "3", "today": "2025-02-12",
               "office": {"id": "q11.p5", "name": "Ủy ban nhân dân Phường 5", "short": "UBND P5", "kind": "ward"},
               "letter": {"id": 1, "label": "Công văn số 12/UBND-ĐT", "number": "12/UBND-ĐT"}, "pack": "qd-1342-2023"}
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO drafts (office_id, kind, dedupe_key, subject, context, status) "
                          "VALUES ('q11.p5', 'reminder', 'reminder:1:3', 'Đôn đốc trả lời', :c, 'pending')"),
                     {"c": json.dumps(context, ensure_ascii=False)})
    db.upgrade(engine)
    unit_rows.sync(engine, registry)
    with engine.connect() as conn:
        draft_id = conn.execute(select(drafts.c.id)).scalar_one()
        row = store.draft(conn, draft_id, office="q11.p5")
    assert row["context"] == context and row["subject"] == "Đôn đốc trả lời" and "shared_id" not in row
    engine.dispose()


def test_a_large_batch_of_drafts_skips_the_keys_already_written_and_keeps_its_order(engine):
    def batch(keys):
        return [{"kind": "reminder", "dedupe_key": f"reminder:{k}:3", "subject": f"Đôn đốc {k}",
                 "context": {"kind": "reminder", "n": k}, "sweep_date": date(2025, 2, 12)} for k in keys]

    with engine.begin() as conn:
        store.add_drafts(conn, batch(range(600)), office="q11.p5")
    with engine.begin() as conn:  # half of it written by another sweep already: no error, no double
        store.add_drafts(conn, batch(range(300, 900)), office="q11.p5")
    rows = draft_rows(engine)
    assert [r["dedupe_key"] for r in rows] == [f"reminder:{k}:3" for k in range(900)]
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    assert rows[700]["context"] == {"kind": "reminder", "n": 700} and rows[700]["sweep_date"] == date(2025, 2, 12)
    assert {r["status"] for r in rows} == {"pending"}


def test_going_back_to_0007_gives_each_draft_its_whole_context(db_url, registry, pack, calendar):
    from alembic import command

    from tracker.db import units as unit_rows
    from tracker.service import Tracker

    engine = db.create(db_url)
    db.upgrade(engine)
    unit_rows.sync(engine, registry)
    tracker = Tracker(engine=engine, registry=registry, pack=pack, calendar=calendar, office_unit_id="q11.p5")
    consult_three_units(engine)
    build_obligations(tracker)
    sweep(tracker, D("2025-02-18"))
    whole = {d["id"]: d["context"] for d in draft_rows(engine)}

    cfg = db.alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":  # as db.upgrade does: SQLite rebuilds the table
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0007_raw")
    assert db.current_revision(engine) == "0007_raw"
    with engine.connect() as conn:
        stored = {i: (c if isinstance(c, dict) else json.loads(c))
                  for i, c in conn.execute(text("SELECT id, context FROM drafts"))}
    assert stored == whole and len(whole) == 4  # three notices and the Đ.10.2 report
    engine.dispose()
