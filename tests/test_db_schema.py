"""The migrations create exactly the tables the code expects, on SQLite and PostgreSQL, and history is append-only."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import insert, select, text
from sqlalchemy.exc import DBAPIError

from tracker.db.schema import history, metadata, units


def test_migrated_schema_matches_the_models(engine):
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), metadata)
    assert diff == []


def test_the_default_registry_is_loaded_with_its_wards_and_successors(engine):
    with engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(units))}
    assert sum(1 for r in rows.values() if r.kind == "ward" and r.id.startswith("q11.p")) == 16
    assert rows["q11.p8"].successors == ["hcm.binh-thoi", "hcm.phu-tho"]
    assert "P.QLĐT" in rows["q11.qldt"].aliases


def test_history_rows_cannot_be_changed_or_deleted(engine):
    with engine.begin() as conn:
        conn.execute(insert(history).values(entity="letter", entity_id=1, action="edit", field="subject",
                                            before="a", after="b", actor="văn thư"))
    for statement in ("UPDATE history SET after = 'c'", "DELETE FROM history"):
        with pytest.raises(DBAPIError, match="append-only"):
            with engine.begin() as conn:
                conn.execute(text(statement))
    with engine.connect() as conn:
        assert conn.execute(select(history.c.after)).scalar_one() == "b"
