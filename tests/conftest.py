"""Shared fixtures: the calendar and rule pack, databases (SQLite and a real PostgreSQL), and real servers."""

from __future__ import annotations

import itertools
from pathlib import Path

import os

import pytest
from hypothesis import settings as hypothesis_settings

from tests import servers

# CI runs the same examples every time (a failure found while developing is kept as a regression example instead).
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
hypothesis_settings.register_profile("dev", deadline=None)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "dev")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def calendar():
    from tracker.calendar import WorkingCalendar

    return WorkingCalendar.vietnam()


@pytest.fixture(scope="session")
def pack():
    from tracker.rules import RulePack

    return RulePack.load()


@pytest.fixture(scope="session")
def registry():
    from tracker.units import UnitRegistry

    return UnitRegistry.load()


@pytest.fixture(scope="session")
def postgres():
    server = servers.start_postgres()
    if server is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    yield server
    server.stop()


_db_counter = itertools.count()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A fresh, empty database URL: SQLite in a temporary folder, and a new database on the test PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'congvan.sqlite'}"
    server = request.getfixturevalue("postgres")
    return server.create_database(f"t{next(_db_counter)}_{request.node.name[:20].lower()}".replace("[", "_")
                                  .replace("]", "").replace("-", "_"))


@pytest.fixture
def engine(db_url):
    """An engine on a fresh database with the schema at head and the default registry loaded."""
    from tracker import db
    from tracker.db import units as unit_rows
    from tracker.units import UnitRegistry

    eng = db.create(db_url)
    db.upgrade(eng)
    unit_rows.sync(eng, UnitRegistry.load())
    yield eng
    eng.dispose()


@pytest.fixture
def dovecot():
    """A fresh Dovecot on loopback for one test (plain IMAP and TLS with a throwaway certificate)."""
    server = servers.start_dovecot()
    if server is None:
        pytest.skip("Dovecot is not installed or not root (apt-get install dovecot-imapd)")
    yield server
    server.cleanup()
