"""The offices a database keeps letters for, and which one a command acts as.

A database is set once to its office (``congvan db upgrade`` registers the configured one, ``congvan office add``
more of them). A command acts as the office its configuration names, or, when the configuration names none, as the
database's only office; it is refused, in one Vietnamese line, when the office is not registered in a database that
already has offices, or when it cannot tell which office is meant.
"""

from __future__ import annotations

from sqlalchemy import Engine, insert, select, update

from tracker.db.schema import offices
from tracker.units import Unit, UnitRegistry


class OfficeError(ValueError):
    """The office cannot be determined or is not this database's; ``str()`` is one Vietnamese line."""


def registered(engine: Engine) -> list[str]:
    """The registered offices' unit ids, in the order they were registered."""
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(select(offices.c.unit_id).order_by(offices.c.registered_at,
                                                                               offices.c.unit_id))]


def register(engine: Engine, unit_id: str, profile: dict | None = None) -> bool:
    """Register an office (idempotent) with how its drafts are headed and signed (``profile``: the fields of
    ``[office]`` but its unit; kept as it is when None). True when the office was new."""
    from sqlalchemy.exc import IntegrityError

    if unit_id in registered(engine):
        if profile is not None and profile_of(engine, unit_id) != profile:
            with engine.begin() as conn:
                conn.execute(update(offices).where(offices.c.unit_id == unit_id).values(profile=profile))
        return False
    try:
        with engine.begin() as conn:
            conn.execute(insert(offices).values(unit_id=unit_id, profile=profile))
    except IntegrityError:  # registered meanwhile by another process
        return False
    return True


def profile_of(engine: Engine, unit_id: str) -> dict | None:
    with engine.connect() as conn:
        return conn.execute(select(offices.c.profile).where(offices.c.unit_id == unit_id)).scalar()


def unit_named(registry: UnitRegistry, text: str) -> Unit:
    """The registry unit a configuration or a command names (an id, a name or an alias)."""
    unit = registry.get(text) or registry.resolve(text)
    if unit is None:
        raise OfficeError(f"Đơn vị «{text}» không có trong danh mục đơn vị (xem 'congvan units').")
    return unit


def _names(registry: UnitRegistry, ids: list[str]) -> str:
    return ", ".join(f"{registry[i].name} ({i})" if i in registry.units else i for i in ids)


def choose(engine: Engine, registry: UnitRegistry, configured: str | None) -> str:
    """The office a command acts as: the configured one (which must be registered once the database has offices),
    else the database's only office."""
    known = registered(engine)
    if configured:
        unit = unit_named(registry, configured)
        if known and unit.id not in known:
            raise OfficeError(f"Cơ sở dữ liệu này không theo dõi văn bản của {unit.name} (các cơ quan đã đăng ký: "
                              f"{_names(registry, known)}); đăng ký thêm bằng 'congvan office add {unit.id}'.")
        return unit.id
    if len(known) == 1:
        return known[0]
    if not known:
        raise OfficeError("Chưa biết cơ quan: hãy ghi [office] unit trong tệp cấu hình rồi chạy 'congvan db upgrade', "
                          "hoặc đăng ký bằng 'congvan office add ĐƠN_VỊ'.")
    raise OfficeError(f"Cơ sở dữ liệu có nhiều cơ quan ({_names(registry, known)}): hãy ghi [office] unit trong tệp "
                      "cấu hình.")
