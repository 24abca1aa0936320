"""What the command line says about faults that are not bugs: a bad setting (exit 2), and the machine's own
trouble (a full disk, a database another program holds locked or that cannot be reached: exit 1), each in one
Vietnamese line instead of a traceback."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from config.settings import ConfigError

DISK_FULL = (errno.ENOSPC, errno.EDQUOT)
FULL_BELOW = 1024 * 1024  # free bytes under which an I/O error of SQLite is taken for a full disk
SAID_FULL = "đĩa đầy: cơ sở dữ liệu không ghi được; giải phóng dung lượng rồi chạy lại (không mất thư nào)"


def explain(exc: BaseException, settings=None) -> tuple[str, int] | None:
    """(one line, exit code) for a fault a user can act on, or None for a bug (let it show). ``settings`` (when
    they were read) tell where the database lives, to tell a full disk from another I/O error."""
    if isinstance(exc, ConfigError) or _is_refusal(exc):
        return str(exc), 2
    seen = set()
    while exc is not None and id(exc) not in seen:  # the OSError or database error under SQLAlchemy's wrapper
        seen.add(id(exc))
        said = _one(exc, settings)
        if said is not None:
            return said
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
    return None


def _is_refusal(exc: BaseException) -> bool:
    """The use cases' and the offices' refusals (tracker.service.ServiceError, tracker.db.offices.OfficeError):
    what the user asked is not allowed; a usage error."""
    from tracker.db.offices import OfficeError
    from tracker.validation import ServiceError

    return isinstance(exc, (OfficeError, ServiceError))


def _sqlite_free_bytes(settings) -> int | None:
    url = getattr(settings, "database_url", "") or ""
    if not url.startswith("sqlite") or ":///" not in url:
        return None
    folder = Path(url.split(":///", 1)[1]).expanduser().parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def _one(exc: BaseException, settings) -> tuple[str, int] | None:
    if isinstance(exc, OSError) and exc.errno in DISK_FULL:
        where = f" khi ghi {exc.filename}" if exc.filename else ""
        return f"đĩa đầy{where}: không còn chỗ trống; giải phóng dung lượng rồi chạy lại (không mất thư nào)", 1
    text = str(exc).lower()
    name = type(exc).__name__
    if name in ("OperationalError", "DatabaseError") or "sqlite3" in type(exc).__module__:
        code = getattr(exc, "sqlite_errorname", "") or ""
        if code == "SQLITE_FULL" or "database or disk is full" in text or "no space left" in text:
            return SAID_FULL, 1
        if code.startswith("SQLITE_IOERR") or "disk i/o error" in text:
            free = _sqlite_free_bytes(settings)
            if free is not None and free < FULL_BELOW:
                return SAID_FULL, 1
            return "lỗi đọc/ghi đĩa ở cơ sở dữ liệu; kiểm tra đĩa rồi chạy lại (không mất thư nào)", 1
        if "database is locked" in text or "database table is locked" in text:
            return ("cơ sở dữ liệu đang bị một chương trình khác khóa (đã chờ hết [database] busy_timeout_s); "
                    "đóng chương trình đó hoặc chạy lại sau"), 1
        if "lock timeout" in text or "could not obtain lock" in text:
            return "cơ sở dữ liệu đang bị một phiên khác khóa quá lâu; chạy lại sau", 1
        if "unable to open database" in text:
            return "không mở được tệp cơ sở dữ liệu (kiểm tra [database] url và quyền ghi thư mục)", 1
        if "connection" in text or "could not translate host" in text or "password authentication" in text:
            first = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else name
            return f"không kết nối được cơ sở dữ liệu ({first})", 1
    if isinstance(exc, PermissionError):
        return f"không có quyền truy cập {exc.filename or ''}".rstrip() + " (kiểm tra quyền của người chạy congvan)", 1
    return None
