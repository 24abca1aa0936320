"""Keeps the units table in step with the registry data file."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from sqlalchemy import Connection, Engine, insert, select

from tracker.db.schema import unit_changes
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


def _unit(row) -> Unit:
    return Unit(id=row.id, name=row.name, short=row.short or "", kind=row.kind, parent=row.parent_id,
                aliases=tuple(row.aliases or ()), emails=tuple(row.emails or ()), valid_from=row.valid_from,
                valid_to=row.valid_to, successors=tuple(row.successors or ()))


def with_added(engine: Engine, registry: UnitRegistry) -> UnitRegistry:
    """``registry`` and the units a clerk added to this database (``congvan units add``), with the administrator's
    renames and merges (``congvan units rename|merge``) applied over them in the order they were made."""
    with engine.connect() as conn:
        extra = [_unit(r) for r in conn.execute(select(units_t).where(units_t.c.id.not_in(list(registry.units))))]
        changes = list(conn.execute(select(unit_changes).order_by(unit_changes.c.id)))
    extra = [u for u in extra if all(other in registry.units or other in {e.id for e in extra}
                                     for other in u.successors + ((u.parent,) if u.parent else ()))]
    if not extra and not changes:
        return registry
    units = {u.id: u for u in (*registry, *extra)}
    for change in changes:
        unit = units.get(change.unit_id)
        if unit is None or (change.successor_id and change.successor_id not in units):
            continue
        units[unit.id] = changed(unit, change._mapping)
    return UnitRegistry(units.values(), name=registry.name)


def changed(unit: Unit, change) -> Unit:
    """``unit`` after one rename (the old name stays an alias, so letters written before still bind) or merge (valid
    to the day before the successor's first day)."""
    if change["action"] == "rename":
        aliases = tuple(dict.fromkeys(a for a in (*unit.aliases, unit.name, unit.short, change["short"])
                                      if a and a != change["name"]))
        return dataclasses.replace(unit, name=change["name"], short=change["short"] or unit.short, aliases=aliases)
    last: date = change["effective_on"] - timedelta(days=1)
    return dataclasses.replace(unit, valid_to=min(last, unit.valid_to or last), successors=(change["successor_id"],))


def add_change(conn: Connection, **row) -> None:
    """Keep one rename or merge (see ``changed``)."""
    conn.execute(insert(unit_changes).values(**row))


def add(conn: Connection, unit: Unit) -> None:
    """Add a unit a clerk named that the registry data does not have."""
    conn.execute(insert(units_t).values(**_row(unit)))
