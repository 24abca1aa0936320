"""The database knows its office: set once, refused when a command's configuration names another, one database for
several offices; and the migration that introduced offices, on a database filled before it (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import insert, select, text

from tracker import db
from tracker.db.schema import drafts, letters, obligations, offices

ROOT = Path(__file__).resolve().parents[1]


def congvan(tmp_path, db_url, *args, unit: str | None = None, office_lines: str = ""):
    cfg = tmp_path / f"congvan-{unit or 'none'}.toml".replace(" ", "_")
    office = f'[office]\nunit = "{unit}"\n{office_lines}' if unit else ""
    cfg.write_text(f'[database]\nurl = "{db_url}"\n{office}', encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "congvan.cli", "--config", str(cfg), *args], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)


def test_db_upgrade_registers_the_configured_office_and_commands_without_it_act_as_it(tmp_path, db_url):
    up = congvan(tmp_path, db_url, "db", "upgrade", unit="UBND Phường 5")
    assert up.returncode == 0, up.stderr
    assert "Ủy ban nhân dân Phường 5" in up.stdout
    listed = congvan(tmp_path, db_url, "office", "list", "--json")
    assert [json.loads(line)["id"] for line in listed.stdout.splitlines()] == ["q11.p5"]
    # no [office] in the configuration: the database's only office
    assert congvan(tmp_path, db_url, "obligations").returncode == 0


def test_a_command_configured_for_an_office_the_database_does_not_keep_is_refused_in_one_line(tmp_path, db_url):
    assert congvan(tmp_path, db_url, "db", "upgrade", unit="q11.p5").returncode == 0
    out = congvan(tmp_path, db_url, "obligations", unit="Phòng Quản lý đô thị")
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
    assert "Phòng Quản lý đô thị" in out.stderr and "congvan office add q11.qldt" in out.stderr
    # once registered, the same database keeps both; without a configured office it cannot tell which is meant
    assert congvan(tmp_path, db_url, "office", "add", "P.QLĐT").returncode == 0
    assert congvan(tmp_path, db_url, "obligations", unit="Phòng Quản lý đô thị").returncode == 0
    ambiguous = congvan(tmp_path, db_url, "obligations")
    assert ambiguous.returncode == 2 and "nhiều cơ quan" in ambiguous.stderr


def test_an_office_the_registry_does_not_know_is_refused(tmp_path, db_url):
    out = congvan(tmp_path, db_url, "db", "upgrade", unit="Phòng Không Có")
    assert out.returncode == 2 and "không có trong danh mục" in out.stderr and "Traceback" not in out.stderr
    bare = congvan(tmp_path, db_url, "obligations")
    assert bare.returncode == 2 and "[office] unit" in bare.stderr


def test_each_office_sees_only_its_own_letters_and_drafts(engine, registry, pack, calendar):
    from tests.test_tracker_service import consult_three_units
    from tracker.db import store
    from tracker.service import Tracker, build_obligations, sweep

    p5 = Tracker(engine=engine, registry=registry, pack=pack, calendar=calendar, office_unit_id="q11.p5")
    qldt = Tracker(engine=engine, registry=registry, pack=pack, calendar=calendar, office_unit_id="q11.qldt")
    letter_id = consult_three_units(engine)
    build_obligations(qldt)
    sweep(qldt, date(2025, 2, 18))
    with engine.connect() as conn:
        assert store.letter(conn, letter_id, office="q11.qldt") is None
        assert store.list_drafts(conn, office="q11.qldt") == []
    assert build_obligations(p5).obligations == 3
    sweep(p5, date(2025, 2, 18))
    sweep(qldt, date(2025, 2, 18))
    with engine.connect() as conn:
        mine = store.list_drafts(conn, office="q11.p5")
        assert mine and store.list_drafts(conn, office="q11.qldt") == []
        assert all(store.draft(conn, d["id"], office="q11.qldt") is None for d in mine)


def test_the_migration_gives_earlier_rows_the_configured_office_and_keeps_a_doubled_obligation_once(db_url):
    engine = db.create(db_url)
    db.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO letters (direction, doc_number, status, obligations_built) "
                          "VALUES ('out', '12/UBND-ĐT', 'new', true)"))
        letter_id = conn.execute(text("SELECT id FROM letters")).scalar_one()
        for _ in range(2):  # what two planners at once used to leave behind
            conn.execute(text(
                "INSERT INTO obligations (letter_id, unit_id, unit_text, role, kind, rule, start_date, due_date, "
                "basis, on_lapse, flags, state) VALUES (:l, 'q11.tnmt', 'Phòng TNMT', 'addressee', 'answer', "
                "'written', '2025-01-20', '2025-02-17', 'statutory', 'deemed_agreed', '[]', 'open')"),
                {"l": letter_id})
        conn.execute(text("INSERT INTO drafts (kind, dedupe_key, subject, context, status) "
                          "VALUES ('digest', 'digest:2025-W06', 'Tin tuần', '{}', 'appended')"))
    db.upgrade(engine, office="q11.p5")
    assert db.current_revision(engine) == "0002_offices"
    with engine.connect() as conn:
        assert conn.execute(select(offices.c.unit_id)).scalars().all() == ["q11.p5"]
        assert conn.execute(select(letters.c.office_id)).scalars().all() == ["q11.p5"]
        assert conn.execute(select(drafts.c.office_id, drafts.c.status)).all() == [("q11.p5", "delivered")]
        states = conn.execute(select(obligations.c.state, obligations.c.unit_key).order_by(obligations.c.id)).all()
    assert states == [("open", "q11.tnmt"), ("superseded", "q11.tnmt")]
    engine.dispose()


def test_the_database_refuses_a_second_live_obligation_for_the_same_letter_and_unit(engine):
    from sqlalchemy.exc import IntegrityError

    from tests.test_tracker_service import consult_three_units

    letter_id = consult_three_units(engine)
    row = {"letter_id": letter_id, "unit_id": "q11.tnmt", "unit_text": "Phòng TNMT", "unit_key": "q11.tnmt",
           "role": "addressee", "kind": "answer", "rule": "written", "start_date": date(2025, 1, 20),
           "due_date": date(2025, 2, 17), "basis": "statutory", "on_lapse": "deemed_agreed",
           "flags": [], "state": "open"}
    with engine.begin() as conn:
        conn.execute(insert(obligations).values(**row))
    with pytest.raises(IntegrityError):
        with engine.begin() as conn:
            conn.execute(insert(obligations).values(**row))
    with engine.begin() as conn:  # a superseded row is history: it does not count
        conn.execute(insert(obligations).values(**{**row, "state": "superseded"}))


def test_drafts_made_without_the_configuration_carry_the_offices_letterhead_and_signer(tmp_path, db_url):
    import docx

    from tests.test_tracker_service import consult_three_units

    signer = 'signer_authority = "TM. ỦY BAN NHÂN DÂN"\nsigner_title = "CHỦ TỊCH"\nsigner_name = "Trần Văn Minh"\n'
    assert congvan(tmp_path, db_url, "db", "upgrade", unit="q11.p5", office_lines=signer).returncode == 0
    engine = db.create(db_url)
    consult_three_units(engine)
    engine.dispose()
    # the demo's closing hint: no configuration, only the database
    assert congvan(tmp_path, db_url, "sweep", "--today", "2025-02-18").returncode == 0
    out = congvan(tmp_path, db_url, "drafts", "export", str(tmp_path / "out"))
    assert out.returncode == 0, out.stderr
    notice = next((tmp_path / "out").glob("*deemed_agreed*.docx"))
    text = "\n".join(p.text for p in docx.Document(notice).paragraphs)
    for table in docx.Document(notice).tables:
        text += "\n".join(c.text for row in table.rows for c in row.cells)
    assert "Trần Văn Minh" in text and "CHỦ TỊCH" in text and "PHƯỜNG 5" in text.upper()
