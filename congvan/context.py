"""Builds the long-lived pieces (calendar, rule pack, unit registry, database) from settings, once per process.

A data file named in the settings that cannot be read, or an office unit the registry does not know, is a
``ConfigError``: one Vietnamese line naming the key, exit 2 (see congvan/cli.py).
"""

from __future__ import annotations

from functools import lru_cache

from config.settings import ConfigError, Settings


def _data_file(key: str, path: str | None, loader):
    """``loader()``, or a ConfigError naming ``key`` when the file it reads is not a usable data file."""
    try:
        return loader()
    except ConfigError:
        raise
    except Exception as exc:  # noqa: BLE001 - any fault in an administrator's data file is a setting to fix
        if path is None:
            raise
        detail = (str(exc).splitlines() or [type(exc).__name__])[0][:160]
        raise ConfigError(f"{key} = \"{path}\": tệp dữ liệu không dùng được ({type(exc).__name__}: {detail})") \
            from None


def calendar_for(settings: Settings):
    return _calendar(str(settings.calendar_table) if settings.calendar_table else None)


@lru_cache(maxsize=4)
def _calendar(path: str | None, added: tuple = ()):
    from tracker.calendar import CalendarTable, WorkingCalendar

    def load():
        table = CalendarTable.load(path) if path else CalendarTable.load()
        return WorkingCalendar.vietnam(table.with_entries(added))

    return _data_file("calendar_table", path, load)


def office_calendar(settings: Settings, engine):
    """The calendar with the yearly decisions an administrator added to this database (``congvan calendar add``);
    a new decision gives a new calendar at once (the entries are part of the cache key)."""
    from tracker.db import calendar_days

    calendar_for(settings)  # a bad calendar_table is said before the database is read
    added = calendar_days.entries(engine)
    return _calendar(str(settings.calendar_table) if settings.calendar_table else None, added) if added \
        else calendar_for(settings)


def rule_pack_for(settings: Settings):
    return _pack(str(settings.rule_pack) if settings.rule_pack else None)


@lru_cache(maxsize=4)
def _pack(path: str | None):
    from tracker.rules import RulePack

    return _data_file("rule_pack", path, lambda: RulePack.load(path) if path else RulePack.load())


def registry_for(settings: Settings):
    return _registry(str(settings.units_file) if settings.units_file else None)


@lru_cache(maxsize=4)
def _registry(path: str | None):
    from tracker.units import UnitRegistry

    return _data_file("units_file", path, lambda: UnitRegistry.load(path) if path else UnitRegistry.load())


def engine_for(settings: Settings):
    """The database engine for these settings (one per URL per process)."""
    return _engine(settings.database_url, settings.database_busy_timeout_s)


@lru_cache(maxsize=4)
def _engine(url: str, busy_timeout_s: float):
    from tracker import db

    return db.create(url, busy_timeout_s=busy_timeout_s)


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

    registry = registry_for(settings)  # a bad units_file, or an office it does not know, is said before any
    configured_office(settings)        # database is made
    engine = engine if engine is not None else ready_engine(settings)
    return registry[choose(engine, registry, settings.office.unit)]


def tracker_for(settings: Settings, engine=None):
    """The tracker's use-case context: database (migrated), registry (with the units clerks added), rule pack,
    calendar and the office."""
    from tracker.db import units as unit_rows
    from tracker.service import Tracker

    # the data files and the configured office are checked before any database is made or touched
    registry, pack = registry_for(settings), rule_pack_for(settings)
    calendar_for(settings)
    configured_office(settings)
    engine = engine if engine is not None else ready_engine(settings)
    return Tracker(
        engine=engine,
        registry=unit_rows.with_added(engine, registry),
        pack=pack,
        calendar=office_calendar(settings, engine),
        office_unit_id=office_unit(settings, engine).id,
        days_before=tuple(settings.reminders.days_before),
        min_confidence=settings.reminders.min_confidence,
    )
