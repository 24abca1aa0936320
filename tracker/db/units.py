"""Keeps the units table in step with the registry data file."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, insert, select

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
    written = 0
    with engine.begin() as conn:
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


def _unit(row) -> Unit:
    return Unit(id=row.id, name=row.name, short=row.short or "", kind=row.kind, parent=row.parent_id,
                aliases=tuple(row.aliases or ()), emails=tuple(row.emails or ()), valid_from=row.valid_from,
                valid_to=row.valid_to, successors=tuple(row.successors or ()))


def with_added(engine: Engine, registry: UnitRegistry) -> UnitRegistry:
    """``registry`` and the units a clerk added to this database (``congvan units add``)."""
    with engine.connect() as conn:
        extra = [_unit(r) for r in conn.execute(select(units_t).where(units_t.c.id.not_in(list(registry.units))))]
    extra = [u for u in extra if all(other in registry.units or other in {e.id for e in extra}
                                     for other in u.successors + ((u.parent,) if u.parent else ()))]
    if not extra:
        return registry
    return UnitRegistry([*registry, *extra], name=registry.name)


def add(conn: Connection, unit: Unit) -> None:
    """Add a unit a clerk named that the registry data does not have."""
    conn.execute(insert(units_t).values(**_row(unit)))
