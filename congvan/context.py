"""Builds the long-lived pieces (calendar, rule pack, unit registry, database) from settings, once per process."""

from __future__ import annotations

from functools import lru_cache

from config.settings import Settings


def calendar_for(settings: Settings):
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


def office_unit(settings: Settings):
    """The registry unit whose mailbox this is (settings' office.unit: a name, an alias or an id)."""
    registry = registry_for(settings)
    unit = registry.get(settings.office.unit) or registry.resolve(settings.office.unit)
    if unit is None:
        raise ValueError(f"[office] unit {settings.office.unit!r} is not in the unit registry")
    return unit


def tracker_for(settings: Settings, engine=None):
    """The tracker's use-case context: database (migrated), registry, rule pack, calendar and the office."""
    from tracker.service import Tracker

    return Tracker(
        engine=engine if engine is not None else ready_engine(settings),
        registry=registry_for(settings),
        pack=rule_pack_for(settings),
        calendar=calendar_for(settings),
        office_unit_id=office_unit(settings).id,
        days_before=tuple(settings.reminders.days_before),
        min_confidence=settings.reminders.min_confidence,
    )
