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
def _calendar(path: str | None):
    from tracker.calendar import CalendarTable, WorkingCalendar

    def load():
        table = CalendarTable.load(path) if path else CalendarTable.load()
        return WorkingCalendar.vietnam(table)

    return _data_file("calendar_table", path, load)


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
    """The engine, with the schema brought up to date and the unit registry synchronised (idempotent; processes
    starting at once take turns)."""
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
        raise ConfigError(f"[office] unit = \"{settings.office.unit}\": không có trong danh mục đơn vị "
                          "(xem `congvan units`; dùng tên, tên viết tắt hoặc mã đơn vị)")
    return unit


def tracker_for(settings: Settings, engine=None):
    """The tracker's use-case context: database (migrated), registry, rule pack, calendar and the office."""
    from tracker.service import Tracker

    office = office_unit(settings)
    return Tracker(
        engine=engine if engine is not None else ready_engine(settings),
        registry=registry_for(settings),
        pack=rule_pack_for(settings),
        calendar=calendar_for(settings),
        office_unit_id=office.id,
        days_before=tuple(settings.reminders.days_before),
        min_confidence=settings.reminders.min_confidence,
    )
