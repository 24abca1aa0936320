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
    """The engine, with the schema brought up to date, the unit registry synchronised and, on a database that has
    no office yet, the configured office registered (idempotent)."""
    from tracker import db
    from tracker.db import offices
    from tracker.db import units as unit_rows

    engine = engine_for(settings)
    configured = configured_office(settings)
    db.upgrade(engine, office=configured)
    unit_rows.sync(engine, registry_for(settings))
    if configured and not offices.registered(engine):
        offices.register(engine, configured, office_profile(settings))
    return engine


def office_profile(settings: Settings) -> dict:
    """How the configured office's drafts are headed and signed, as the database keeps it."""
    from dataclasses import asdict

    return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(settings.office).items() if k != "unit"}


def office_settings(settings: Settings, engine=None) -> Settings:
    """``settings`` whose ``[office]`` is the office a command acts as: as configured, else the database's only
    office with the letterhead and signer it was registered with (or the usual ones for its kind of unit)."""
    from dataclasses import fields, replace

    from config.settings import OfficeSettings
    from tracker.db import offices

    if settings.office.unit:
        return settings
    engine = engine if engine is not None else ready_engine(settings)
    unit = office_unit(settings, engine)
    stored = offices.profile_of(engine, unit.id)
    if stored is None and unit.kind == "ward":
        stored = {"signer_authority": "TM. ỦY BAN NHÂN DÂN", "signer_title": "CHỦ TỊCH"}
    known = {f.name for f in fields(OfficeSettings)}
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in (stored or {}).items() if k in known}
    return replace(settings, office=OfficeSettings(**{**values, "unit": unit.id}))


def configured_office(settings: Settings) -> str | None:
    """The unit id the settings' ``[office] unit`` names (None when it names none); OfficeError when unknown."""
    from tracker.db.offices import unit_named

    return unit_named(registry_for(settings), settings.office.unit).id if settings.office.unit else None


def office_unit(settings: Settings, engine=None):
    """The registry unit a command acts as: the configured office (registered in the database once it has offices),
    else the database's only office. Raises tracker.db.offices.OfficeError (one Vietnamese line) otherwise."""
    from tracker.db.offices import choose

    registry = registry_for(settings)
    engine = engine if engine is not None else ready_engine(settings)
    return registry[choose(engine, registry, settings.office.unit)]


def tracker_for(settings: Settings, engine=None):
    """The tracker's use-case context: database (migrated), registry (with the units clerks added), rule pack,
    calendar and the office."""
    from tracker.db import units as unit_rows
    from tracker.service import Tracker

    engine = engine if engine is not None else ready_engine(settings)
    return Tracker(
        engine=engine,
        registry=unit_rows.with_added(engine, registry_for(settings)),
        pack=rule_pack_for(settings),
        calendar=calendar_for(settings),
        office_unit_id=office_unit(settings, engine).id,
        days_before=tuple(settings.reminders.days_before),
        min_confidence=settings.reminders.min_confidence,
    )
