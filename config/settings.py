"""Settings: small value objects with named defaults, read from one TOML file and checked as they are read.

Every section is a frozen dataclass. The loader checks each value against its field's type (str, int, float, bool,
date, time, Path, tuples of them, nested sections) and against the small constraints declared with ``setting(...)``
(ranges, choices), so that a section added later is checked the same way. A bad value is one Vietnamese line
(``ConfigError``) naming the key and what is allowed; nothing is guessed (``ocr = "no"`` is refused, not taken as
true; ``incoming = "INBOX"`` is one folder, never five letters).

Secrets are never stored here: a mailbox names the environment variable or the file that holds its password, and
the password is read only when the mailbox is opened.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
import types
import typing
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Mapping

DEFAULT_DATA_DIR = Path(os.environ.get("CONGVAN_HOME", Path.home() / ".local" / "share" / "congvan"))
DATABASE_URL = re.compile(r"^(sqlite(\+pysqlite)?|postgresql(\+psycopg)?)://")
DATE_RANGE = (date(2000, 1, 1), date(2100, 12, 31))


class ConfigError(ValueError):
    """A setting that cannot be used: ``str()`` is one Vietnamese line naming the key and what is allowed."""


def setting(default=dataclasses.MISSING, *, default_factory=dataclasses.MISSING, min=None, max=None,
            choices=None, prefixes=(), nonempty=False, exists=False, help=None):
    """A dataclass field with the constraints the loader checks: ``min``/``max`` (numbers, each item of a list,
    dates), ``choices`` (plus values starting with one of ``prefixes``, e.g. "move:"), ``nonempty`` and ``exists``
    (a file that must be there)."""
    meta = {"min": min, "max": max, "choices": choices, "prefixes": tuple(prefixes), "nonempty": nonempty,
            "exists": exists, "help": help}
    if default_factory is not dataclasses.MISSING:
        return field(default_factory=default_factory, metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class OfficeSettings:
    # a unit of the registry (id, name or alias): whose mailbox this is. Empty: the database's only office
    unit: str = ""
    addresses: tuple[str, ...] = ()  # mail from these addresses is the office's own (outgoing)
    place: str = "Quận 11"  # the place name of the date line of its drafts
    # How its drafts are signed and numbered (NĐ 30/2020): "Số:      /UBND-ĐT", "TM. ỦY BAN NHÂN DÂN" ...
    abbreviation: str = ""  # the body's part of the number symbol; default: the registry's short name
    drafting_unit: str = ""  # the drafting unit's part ("ĐT", "XD")
    signer_authority: str = ""  # "TM. ỦY BAN NHÂN DÂN", "KT. TRƯỞNG PHÒNG"; empty when the head signs
    signer_title: str = "TRƯỞNG PHÒNG"
    signer_name: str = ""  # left blank for the leader to sign when empty
    email: str = ""  # From: of its drafts; default: the first of addresses


@dataclass(frozen=True)
class MailboxSettings:
    name: str = setting(nonempty=True)
    host: str = setting(nonempty=True)
    port: int = setting(993, min=1, max=65535)
    security: str = setting("tls", choices=("tls", "starttls", "none"))  # none only for loopback
    username: str = ""
    password_env: str | None = None
    password_file: Path | None = setting(None, exists=True)
    incoming: tuple[str, ...] = setting(("INBOX",), nonempty=True)
    outgoing: tuple[str, ...] = ()
    drafts: str = setting("Drafts", nonempty=True)
    after: str = setting("keyword", choices=("keyword", "seen"), prefixes=("move:",))  # keyword ($Congvan) | seen | move:FOLDER
    ca_file: Path | None = setting(None, exists=True)  # extra trusted certificate authority (a private mail server)
    timeout: float = setting(60.0, min=1, max=3600)

    def __post_init__(self) -> None:
        if self.security not in ("tls", "starttls", "none"):
            raise ConfigError(f"[[mailboxes]] {self.name}: security phải là tls, starttls hoặc none")
        if not (self.after in ("keyword", "seen") or (self.after.startswith("move:") and self.after[5:].strip())):
            raise ConfigError(f"[[mailboxes]] {self.name}: after phải là keyword, seen hoặc move:THƯ_MỤC")

    def check(self) -> None:
        """What involves several keys (the loader calls it)."""
        if not self.password_env and not self.password_file:
            raise ConfigError(f"[[mailboxes]] {self.name}: cần password_env (tên biến môi trường) "
                              "hoặc password_file (tệp chứa mật khẩu)")

    def password(self) -> str:
        """The password, read now from the environment or the file named in the settings."""
        if self.password_env:
            value = os.environ.get(self.password_env)
            if value is None:
                raise ValueError(f"hộp thư {self.name}: chưa đặt biến môi trường {self.password_env}")
            return value
        if self.password_file:
            return Path(self.password_file).read_text(encoding="utf-8-sig").strip()
        raise ValueError(f"hộp thư {self.name}: cần password_env hoặc password_file")

    def __repr__(self) -> str:  # no secret can be in here, but keep repr short in logs
        return f"MailboxSettings(name={self.name!r}, host={self.host!r}, port={self.port})"


@dataclass(frozen=True)
class LimitSettings:
    # Below these minimums every real letter (a PDF of a page or two) would be quarantined.
    max_message_bytes: int = setting(40 * 1024 * 1024, min=100_000)  # checked from RFC822.SIZE before download
    parse_timeout_s: float = setting(30.0, min=1, max=3600)  # one PDF or DOCX
    parse_memory_mb: int = setting(512, min=128, max=65536)
    max_attachment_bytes: int = setting(30 * 1024 * 1024, min=100_000)
    max_uncompressed_bytes: int = setting(200 * 1024 * 1024, min=1_000_000)  # DOCX (zip) bombs


@dataclass(frozen=True)
class ReminderSettings:
    days_before: tuple[int, ...] = setting((3, 1), min=1, max=30)  # working days before the due day
    min_confidence: float = setting(0.8, min=0.0, max=1.0)  # below this a letter waits for a clerk


@dataclass(frozen=True)
class ServiceSettings:
    """The always-on service (`congvan run`): when it sweeps, how it watches the mailboxes."""

    sweep_time: str = "07:30"  # local time (+07:00) of the daily sweep, on working days only
    office_start: str = "07:00"  # office hours: the sweep never runs outside them
    office_end: str = "17:00"
    poll_interval: float = setting(60.0, min=0.1, max=3600.0)  # seconds between checks of a server without IDLE
    idle_renew: float = 600.0  # seconds before IDLE is re-issued (servers drop it after 30 minutes)
    backoff_min: float = setting(1.0, min=0.1, max=600.0)  # reconnect delays grow from this to backoff_max, with jitter
    backoff_max: float = setting(300.0, min=0.1, max=3600.0)
    lease_seconds: float = setting(30.0, min=1.0, max=600.0)  # a worker that stops renewing loses its mailboxes after this (PostgreSQL)
    deliver_drafts: bool = True  # append new drafts to the first mailbox's Drafts folder after the sweep

    def __post_init__(self) -> None:
        import re

        for key in ("sweep_time", "office_start", "office_end"):
            value = getattr(self, key)
            if not (isinstance(value, str) and re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value)):
                raise ValueError(f"{key} = {value!r}: cần giờ dạng HH:MM, ví dụ \"07:30\"")
        if not self.office_start < self.office_end:
            raise ValueError("office_start phải sớm hơn office_end")
        if not 0 < self.idle_renew <= 29 * 60:
            raise ValueError("idle_renew phải trong khoảng (0, 1740] giây (máy chủ ngắt IDLE sau 30 phút)")


@dataclass(frozen=True)
class WebSettings:
    """The clerk's desk (`congvan web`, `congvan run --web`) when it is served to others behind a TLS proxy."""

    secure_cookie: bool = False  # the session cookie only over HTTPS (set when users reach the page by https://)
    behind_proxy: bool = False  # trust one reverse proxy's X-Forwarded-For/-Proto (the login limit counts real addresses)


@dataclass(frozen=True)
class Settings:
    database_url: str = ""
    database_busy_timeout_s: float = setting(30.0, min=1, max=600)  # how long to wait for another program's lock
    data_dir: Path = DEFAULT_DATA_DIR
    office: OfficeSettings = field(default_factory=OfficeSettings)
    mailboxes: tuple[MailboxSettings, ...] = ()
    limits: LimitSettings = field(default_factory=LimitSettings)
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    service: ServiceSettings = field(default_factory=ServiceSettings)
    web: WebSettings = field(default_factory=WebSettings)
    calendar_table: Path | None = setting(None, exists=True)  # default: the shipped table
    rule_pack: Path | None = setting(None, exists=True)  # default: QĐ 1342/QĐ-UBND
    units_file: Path | None = setting(None, exists=True)  # default: UBND Quận 11 as of 2023 and its successors
    ocr: bool = True  # use tesseract when it is installed
    source: Path | None = None

    @classmethod
    def load(cls, path: str | os.PathLike | None = None, env: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        data: dict[str, Any] = {}
        if path:
            p = Path(path)
            if p.exists() and not p.is_file():
                raise ConfigError(f"{p}: tệp cấu hình phải là một tệp thường")
            try:
                with open(p, "rb") as fh:
                    data = tomllib.load(fh)
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{p}: không phải TOML hợp lệ ({exc})") from None
            except UnicodeDecodeError:
                raise ConfigError(f"{p}: tệp cấu hình phải mã hóa UTF-8") from None
            except OSError as exc:
                raise ConfigError(f"{p}: không đọc được tệp cấu hình ({exc.strerror or exc})") from None
        settings = cls.from_dict(data, base=Path(path).parent if path else None)
        url = env.get("CONGVAN_DATABASE_URL")
        if url:
            settings = _replace(settings, database_url=_database_url(url, "CONGVAN_DATABASE_URL"))
        if not settings.database_url:
            settings = _replace(settings, database_url=f"sqlite:///{settings.data_dir / 'congvan.sqlite'}")
        return _replace(settings, source=Path(path) if path else None)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], base: Path | None = None) -> "Settings":
        """Settings from parsed TOML. Top-level keys are this class's fields; a field that is a settings class is a
        ``[section]``, a tuple of them an array of tables (``[[mailboxes]]``); ``[database] url`` is
        ``database_url``. Relative paths are taken from ``base`` (the file's folder)."""
        data = dict(data)
        if "database" in data:
            db = data.pop("database")
            if not isinstance(db, Mapping):
                raise ConfigError("[database]: phải là một mục (bảng TOML) có khóa url")
            unknown = set(db) - {"url", "busy_timeout_s"}
            if unknown:
                raise ConfigError(f"[database]: khóa không được hỗ trợ: {', '.join(sorted(unknown))} "
                                  "(chỉ có url, busy_timeout_s)")
            if "url" in db:
                data["database_url"] = _database_url(db["url"], "[database] url")
            if "busy_timeout_s" in db:
                data["database_busy_timeout_s"] = db["busy_timeout_s"]
        if "database_url" in data and not isinstance(data.get("database_url"), str):
            raise ConfigError("[database] url: cần một chuỗi, ví dụ \"postgresql://congvan@db.example/congvan\"")
        data.pop("source", None)
        settings = _build(cls, data, "", base)
        names = [m.name for m in settings.mailboxes]
        if len(set(names)) != len(names):
            raise ConfigError("[[mailboxes]]: mỗi hộp thư cần một name riêng")
        return settings


def _database_url(value: Any, key: str) -> str:
    if not isinstance(value, str) or not DATABASE_URL.match(value):
        raise ConfigError(f"{key} = {_short(value)}: chỉ dùng được sqlite:///ĐƯỜNG_DẪN hoặc "
                          "postgresql://NGƯỜI_DÙNG@MÁY/CSDL")
    return value


# -- the checking loader --------------------------------------------------------------------------------------------

def _label(section: str, key: str) -> str:
    return f"{section} {key}" if section else key


def _short(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + "…"


_TOML_NAMES = {"database_url": "[database] url", "database_busy_timeout_s": "[database] busy_timeout_s"}
_TYPE_VI = {str: "một chuỗi", int: "một số nguyên", float: "một số", bool: "true hoặc false",
            Path: "một đường dẫn tệp (chuỗi)", date: "một ngày (YYYY-MM-DD)", time: "một giờ (HH:MM)"}


def _build(klass, data: Any, section: str, base: Path | None = None):
    """An instance of settings class ``klass`` from a TOML table, every value checked (ConfigError otherwise)."""
    where = section or "cấu hình"
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where}: phải là một mục (bảng TOML), không phải {_short(data)}")
    hints = typing.get_type_hints(klass)
    known = {f.name: f for f in fields(klass) if f.init}
    unknown = set(data) - set(known)
    if unknown:
        raise ConfigError(f"{where}: khóa không được hỗ trợ: {', '.join(sorted(unknown))}")
    values = {}
    for name, value in data.items():
        label = _label(section, _TOML_NAMES.get(name, name))
        values[name] = _value(value, hints[name], known[name].metadata, label, base)
    missing = [f.name for f in known.values() if f.name not in values and
               f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    if missing:
        raise ConfigError(f"{where}: thiếu khóa {', '.join(missing)}")
    try:
        instance = klass(**values)
    except ConfigError:
        raise
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: {exc}") from None
    check = getattr(instance, "check", None)
    if callable(check):
        check()
    return instance


def _value(value: Any, hint, meta: Mapping, key: str, base: Path | None):
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Literal:  # Literal["idle", "poll"]: the choices are the type
        if value not in args or isinstance(value, bool) != isinstance(args[0], bool):
            raise ConfigError(f"{key} = {_short(value)}: chỉ nhận {', '.join(str(a) for a in args)}")
        return value
    if origin in (typing.Union, types.UnionType):  # X | None: TOML has no null, so a value is always an X
        hint = next(a for a in args if a is not type(None))
        return _value(value, hint, meta, key, base)
    if origin is tuple:
        item_hint = args[0]
        items = value if isinstance(value, list) else [value]  # one value is a list of one, never its letters
        if dataclasses.is_dataclass(item_hint):
            if isinstance(value, Mapping):
                items = [value]
            return tuple(_build(item_hint, v, f"[[{key}]] thứ {i}", base) for i, v in enumerate(items, start=1))
        out = tuple(_scalar(v, item_hint, meta, key, base) for v in items)
        if meta.get("nonempty") and not out:
            raise ConfigError(f"{key}: cần ít nhất một giá trị")
        return out
    if dataclasses.is_dataclass(hint):
        return _build(hint, value, f"[{key}]", base)
    return _scalar(value, hint, meta, key, base)


def _scalar(value: Any, hint, meta: Mapping, key: str, base: Path | None):
    raw = value
    wanted = _TYPE_VI.get(hint, getattr(hint, "__name__", str(hint)))
    bad = ConfigError(f"{key} = {_short(value)}: cần {wanted}")
    if hint is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{key} = {_short(value)}: chỉ nhận true hoặc false (không có ngoặc kép)")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad
    elif hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise bad
        value = float(value)
    elif hint is str:
        if not isinstance(value, str):
            raise bad
        if meta.get("nonempty") and not value.strip():
            raise ConfigError(f"{key}: không được để trống")
        choices, prefixes = meta.get("choices"), meta.get("prefixes") or ()
        if choices and value not in choices and not any(value.startswith(p) and value[len(p):].strip()
                                                       for p in prefixes):
            allowed = ", ".join(list(choices) + [f"{p}…" for p in prefixes])
            raise ConfigError(f"{key} = {_short(value)}: chỉ nhận {allowed}")
        return value
    elif hint is Path:
        if not isinstance(value, str) or not value.strip():
            raise bad
        path = Path(value).expanduser()
        if base is not None and not path.is_absolute():
            path = base / path
        if meta.get("exists"):
            if not path.exists():
                raise ConfigError(f"{key} = {_short(value)}: không có tệp {path}")
            if not path.is_file():
                raise ConfigError(f"{key} = {_short(value)}: {path} không phải một tệp thường")
        return path
    elif hint is date:
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                raise bad from None
        if isinstance(value, datetime) or not isinstance(value, date):
            raise bad
        lo, hi = meta.get("min") or DATE_RANGE[0], meta.get("max") or DATE_RANGE[1]
        if not lo <= value <= hi:
            raise ConfigError(f"{key} = {value.isoformat()}: ngày phải từ {lo:%d/%m/%Y} đến {hi:%d/%m/%Y}")
        return value
    elif hint is time:
        if isinstance(value, str):
            try:
                value = time.fromisoformat(value)
            except ValueError:
                raise bad from None
        if not isinstance(value, time):
            raise bad
        return value
    else:  # pragma: no cover - a field type the loader does not know: a programming error
        raise TypeError(f"{key}: settings type {hint!r} is not supported by the loader")
    lo, hi = meta.get("min"), meta.get("max")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        if lo is not None and hi is not None:
            allowed = f"từ {lo} đến {hi}"
        elif lo is not None:
            allowed = f"từ {lo} trở lên"
        else:
            allowed = f"không quá {hi}"
        raise ConfigError(f"{key} = {_short(raw)}: phải {allowed}")
    return value


def _replace(settings: Settings, **changes) -> Settings:
    return dataclasses.replace(settings, **changes)
