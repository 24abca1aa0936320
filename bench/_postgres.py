"""The benchmarks' PostgreSQL: a throwaway server on loopback (tests/servers.py), one database named ``bench``."""

from __future__ import annotations

from typing import Callable


def on_postgres(measure: Callable[[str], None]) -> None:
    """``measure(url)`` on a fresh PostgreSQL database, the server stopped after; said and skipped when PostgreSQL
    is not installed."""
    from tests.servers import start_postgres

    server = start_postgres()
    if server is None:
        print("[postgresql] not installed: skipped")
        return
    try:
        measure(server.create_database("bench"))
    finally:
        server.stop()
