"""Builds the long-lived pieces (calendar, rule pack, unit registry, database) from settings, once per process."""

from __future__ import annotations

from functools import lru_cache

from congvan.settings import Settings


def calendar_for(settings: Settings):
    from tracker.calendar import CalendarTable, WorkingCalendar

    return _calendar(str(settings.calendar_table) if settings.calendar_table else None)


@lru_cache(maxsize=4)
def _calendar(path: str | None):
    from tracker.calendar import CalendarTable, WorkingCalendar

    table = CalendarTable.load(path) if path else CalendarTable.load()
    return WorkingCalendar.vietnam(table)


def rule_pack_for(settings: Settings):
    return _pack(str(settings.rule_pack) if settings.rule_pack else None)


@lru_cache(maxsize=4)
def _pack(path: str | None):
    from tracker.rules import RulePack

    return RulePack.load(path) if path else RulePack.load()


def registry_for(settings: Settings):
    return _registry(str(settings.units_file) if settings.units_file else None)


@lru_cache(maxsize=4)
def _registry(path: str | None):
    from tracker.units import UnitRegistry

    return UnitRegistry.load(path) if path else UnitRegistry.load()


def engine_for(settings: Settings):
    """The database engine for these settings (one per URL per process)."""
    return _engine(settings.database_url)


@lru_cache(maxsize=4)
def _engine(url: str):
    from tracker import db

    return db.create(url)


def ready_engine(settings: Settings):
    """The engine, with the schema brought up to date and the unit registry synchronised (idempotent)."""
    from tracker import db
    from tracker.db import units as unit_rows

    engine = engine_for(settings)
    db.upgrade(engine)
    unit_rows.sync(engine, registry_for(settings))
    return engine
