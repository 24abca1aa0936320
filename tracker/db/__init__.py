"""The tracker database: engine set-up for SQLite (default) and PostgreSQL, and migrations (Alembic).

This package is the one place that knows SQL; the domain modules (calendar, rules, units, obligations) do not import
it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from tracker.db.schema import metadata  # noqa: F401  (re-exported for migrations and tests)

MIGRATIONS = Path(__file__).with_name("migrations")


def create(url: str, *, echo: bool = False) -> Engine:
    """An engine for ``url``. SQLite gets WAL, a busy timeout and foreign keys; its folder is created if missing."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, echo=echo, pool_pre_ping=True)


def alembic_config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["configure_logger"] = False
    return cfg


def upgrade(engine: Engine, revision: str = "head", *, office: str | None = None) -> None:
    """Bring the schema to ``revision`` (Alembic), on the given engine's database. ``office`` (a registry unit id)
    is the office that rows recorded before offices existed belong to (migration 0002_offices).

    SQLite rebuilds a table to change it; its foreign keys are switched off meanwhile (outside the transaction, as
    SQLite requires) and checked before the change is committed."""
    from alembic import command

    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    cfg.attributes["office_unit_id"] = office
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise RuntimeError("migration left rows whose foreign keys point nowhere")
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
