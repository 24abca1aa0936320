"""Keeps the units table in step with the registry data file."""

from __future__ import annotations

from sqlalchemy import Engine, select

from tracker.db.schema import units as units_t
from tracker.units import Unit, UnitRegistry


def _row(unit: Unit) -> dict:
    return {
        "id": unit.id,
        "name": unit.name,
        "short": unit.short,
        "kind": unit.kind,
        "parent_id": unit.parent,
        "aliases": list(unit.aliases),
        "emails": list(unit.emails),
        "valid_from": unit.valid_from,
        "valid_to": unit.valid_to,
        "successors": list(unit.successors),
    }


def sync(engine: Engine, registry: UnitRegistry) -> int:
    """Insert or update every unit of ``registry``; units no longer in the data are kept (letters refer to them).
    Returns the number of rows written."""
    from tracker.db.locks import schema_lock

    written = 0
    with schema_lock(engine), engine.begin() as conn:
        existing = {r.id: r._mapping for r in conn.execute(select(units_t))}
        for unit in registry:
            row = _row(unit)
            old = existing.get(unit.id)
            if old is None:
                conn.execute(units_t.insert().values(**row))
                written += 1
            elif any(old[k] != v for k, v in row.items()):
                conn.execute(units_t.update().where(units_t.c.id == unit.id).values(**row))
                written += 1
    return written
