"""Settings: small value objects with named defaults, read from one TOML file.

Secrets are never stored here: a mailbox names the environment variable or the file that holds its password, and
the password is read only when the mailbox is opened.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

DEFAULT_DATA_DIR = Path(os.environ.get("CONGVAN_HOME", Path.home() / ".local" / "share" / "congvan"))


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
    name: str
    host: str
    port: int = 993
    security: str = "tls"  # tls | starttls | none (none only for loopback)
    username: str = ""
    password_env: str | None = None
    password_file: str | None = None
    incoming: tuple[str, ...] = ("INBOX",)
    outgoing: tuple[str, ...] = ()
    drafts: str = "Drafts"
    after: str = "keyword"  # keyword ($Congvan) | move:FOLDER | seen
    ca_file: str | None = None  # extra trusted certificate authority (a private mail server)
    timeout: float = 60.0

    def __post_init__(self) -> None:
        if self.security not in ("tls", "starttls", "none"):
            raise ValueError(f"mailbox {self.name}: security must be tls, starttls or none")
        if not (self.after in ("keyword", "seen") or self.after.startswith("move:")):
            raise ValueError(f"mailbox {self.name}: after must be keyword, seen or move:FOLDER")

    def password(self) -> str:
        """The password, read now from the environment or the file named in the settings."""
        if self.password_env:
            value = os.environ.get(self.password_env)
            if value is None:
                raise ValueError(f"mailbox {self.name}: environment variable {self.password_env} is not set")
            return value
        if self.password_file:
            return Path(self.password_file).read_text(encoding="utf-8").strip()
        raise ValueError(f"mailbox {self.name}: set password_env or password_file")

    def __repr__(self) -> str:  # no secret can be in here, but keep repr short in logs
        return f"MailboxSettings(name={self.name!r}, host={self.host!r}, port={self.port})"


@dataclass(frozen=True)
class LimitSettings:
    max_message_bytes: int = 40 * 1024 * 1024  # checked from RFC822.SIZE before downloading
    parse_timeout_s: float = 30.0  # one PDF or DOCX
    parse_memory_mb: int = 512
    max_attachment_bytes: int = 30 * 1024 * 1024
    max_uncompressed_bytes: int = 200 * 1024 * 1024  # DOCX (zip) bombs


@dataclass(frozen=True)
class ReminderSettings:
    days_before: tuple[int, ...] = (3, 1)  # working days before the due day
    min_confidence: float = 0.8  # below this a letter waits for a clerk's confirmation


@dataclass(frozen=True)
class Settings:
    database_url: str = ""
    data_dir: Path = DEFAULT_DATA_DIR
    office: OfficeSettings = field(default_factory=OfficeSettings)
    mailboxes: tuple[MailboxSettings, ...] = ()
    limits: LimitSettings = field(default_factory=LimitSettings)
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    calendar_table: Path | None = None  # default: the shipped table
    rule_pack: Path | None = None  # default: QĐ 1342/QĐ-UBND
    units_file: Path | None = None  # default: UBND Quận 11 as of 2023 and its successors
    ocr: bool = True  # use tesseract when it is installed
    source: Path | None = None

    @classmethod
    def load(cls, path: str | os.PathLike | None = None, env: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        data: dict[str, Any] = {}
        if path:
            p = Path(path)
            try:
                with open(p, "rb") as fh:
                    data = tomllib.load(fh)
            except tomllib.TOMLDecodeError as exc:
                raise ValueError(f"{p}: not valid TOML: {exc}") from None
        settings = cls.from_dict(data, base=Path(path).parent if path else None)
        url = env.get("CONGVAN_DATABASE_URL")
        if url:
            settings = _replace(settings, database_url=url)
        if not settings.database_url:
            settings = _replace(settings, database_url=f"sqlite:///{settings.data_dir / 'congvan.sqlite'}")
        return _replace(settings, source=Path(path) if path else None)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], base: Path | None = None) -> "Settings":
        def path_of(value: str | None) -> Path | None:
            if not value:
                return None
            p = Path(value).expanduser()
            return p if p.is_absolute() or base is None else base / p

        db = data.get("database", {})
        kwargs: dict[str, Any] = {}
        if "url" in db:
            kwargs["database_url"] = db["url"]
        if "data_dir" in data:
            kwargs["data_dir"] = path_of(data["data_dir"])
        if "office" in data:
            kwargs["office"] = _build(OfficeSettings, data["office"], "office")
        if "mailboxes" in data:
            kwargs["mailboxes"] = tuple(_build(MailboxSettings, m, "mailboxes") for m in data["mailboxes"])
            names = [m.name for m in kwargs["mailboxes"]]
            if len(set(names)) != len(names):
                raise ValueError("mailboxes: each mailbox needs its own name")
        if "limits" in data:
            kwargs["limits"] = _build(LimitSettings, data["limits"], "limits")
        if "reminders" in data:
            kwargs["reminders"] = _build(ReminderSettings, data["reminders"], "reminders")
        for key in ("calendar_table", "rule_pack", "units_file"):
            if key in data:
                kwargs[key] = path_of(data[key])
        if "ocr" in data:
            kwargs["ocr"] = bool(data["ocr"])
        unknown = set(data) - {"database", "data_dir", "office", "mailboxes", "limits", "reminders",
                               "calendar_table", "rule_pack", "units_file", "ocr"}
        if unknown:
            raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
        return cls(**kwargs)


def _build(klass, data: Mapping[str, Any], section: str):
    names = {f.name for f in fields(klass)}
    unknown = set(data) - names
    if unknown:
        raise ValueError(f"[{section}]: unknown keys: {', '.join(sorted(unknown))}")
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    return klass(**values)


def _replace(settings: Settings, **changes) -> Settings:
    from dataclasses import replace

    return replace(settings, **changes)
