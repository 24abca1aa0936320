"""Settings checked when they are read: every bad value is one Vietnamese line naming the key, exit code 2, no
traceback, through the real `congvan` command; good values keep their meaning (one folder is one folder)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Literal

import pytest

from config.settings import ConfigError, Settings, _build, setting

ROOT = Path(__file__).resolve().parents[1]
MAILBOX = '[[mailboxes]]\nname = "congvan"\nhost = "127.0.0.1"\npassword_env = "CONGVAN_PW"\n'


def congvan(tmp_path, *args, env=None):
    environment = {k: v for k, v in os.environ.items() if k not in ("CONGVAN_DATABASE_URL", "CONGVAN_CONFIG")}
    environment.update(CONGVAN_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.run([sys.executable, "-m", "congvan.cli", *args], capture_output=True, text=True,
                          timeout=120, env=environment, cwd=tmp_path)


BAD = [
    ('ocr = "no"', "ocr"),
    ("ocr = 1", "ocr"),
    ("[limits]\nmax_message_bytes = 0", "max_message_bytes"),
    ("[limits]\nmax_message_bytes = -40", "max_message_bytes"),
    ("[limits]\nparse_timeout_s = 0", "parse_timeout_s"),
    ('[limits]\nparse_memory_mb = "512"', "parse_memory_mb"),
    ("[limits]\nmax_attachment_bytes = 1.5e6", "max_attachment_bytes"),
    ("[limits]\nmax_pages = 3", "max_pages"),
    ('[reminders]\ndays_before = "3"', "days_before"),
    ("[reminders]\ndays_before = [3, 0]", "days_before"),
    ("[reminders]\nmin_confidence = 1.5", "min_confidence"),
    ("[reminders]\nmin_confidence = true", "min_confidence"),
    (MAILBOX + "incoming = 5", "incoming"),
    (MAILBOX + "incoming = []", "incoming"),
    (MAILBOX + 'port = "993"', "port"),
    (MAILBOX + "port = 70000", "port"),
    (MAILBOX + 'security = "ssl"', "security"),
    (MAILBOX + 'after = "move:"', "after"),
    (MAILBOX + "timeout = 0", "timeout"),
    ('[[mailboxes]]\nname = "congvan"\nhost = "127.0.0.1"', "password_env"),
    ('[[mailboxes]]\nname = "congvan"\nhost = "127.0.0.1"\npassword_file = "missing.txt"', "password_file"),
    ('[[mailboxes]]\nname = "congvan"\npassword_env = "X"', "host"),
    (MAILBOX + "\n" + MAILBOX, "name"),
    ('mailboxes = "congvan"', "mailboxes"),
    ('[office]\nunit = "Phòng Không Tồn Tại"', "unit"),
    ('office = "Phòng Quản lý đô thị"', "office"),
    ('[database]\nurl = "mysql://congvan@db.example/congvan"', "url"),
    ("[database]\nurl = 5", "url"),
    ("[database]\nbusy_timeout_s = 0", "busy_timeout_s"),
    ('calendar_table = "missing.toml"', "calendar_table"),
    ('rule_pack = "."', "rule_pack"),
    ('units_file = "broken.toml"', "units_file"),
    ("data_dir = 5", "data_dir"),
    ("colour = 1", "colour"),
    ("[database\n", "TOML"),
]


@pytest.mark.parametrize("text,key", BAD, ids=[f"{i:02d}-{k}" for i, (_, k) in enumerate(BAD)])
def test_a_bad_setting_is_one_line_naming_its_key_with_exit_code_2(tmp_path, text, key):
    (tmp_path / "broken.toml").write_text("[[unit]]\nid = \n", encoding="utf-8")
    cfg = tmp_path / "congvan.toml"
    cfg.write_text(text + "\n", encoding="utf-8")
    out = congvan(tmp_path, "--config", str(cfg), "sweep", "--today", "2025-03-03")
    lines = out.stderr.strip().splitlines()
    assert out.returncode == 2, out.stderr
    assert len(lines) == 1 and "Traceback" not in out.stderr, out.stderr
    assert key in lines[0], lines[0]
    assert out.stdout == ""
    assert not (tmp_path / "home").exists()  # refused before any database was made


def test_a_database_url_of_another_kind_in_the_environment_is_refused(tmp_path):
    out = congvan(tmp_path, "letters", env={"CONGVAN_DATABASE_URL": "mssql://sa@db.example/congvan"})
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "CONGVAN_DATABASE_URL" in out.stderr


def test_a_fifo_as_the_settings_file_is_refused_not_read_forever(tmp_path):
    fifo = tmp_path / "congvan.toml"
    os.mkfifo(fifo)
    out = congvan(tmp_path, "--config", str(fifo), "letters")
    assert out.returncode == 2 and "tệp thường" in out.stderr


def test_good_values_keep_their_meaning(tmp_path):
    (tmp_path / "pw").write_text("x", encoding="utf-8")
    s = Settings.from_dict({"mailboxes": [{"name": "a", "host": "h", "password_file": "pw", "incoming": "INBOX",
                                           "outgoing": "Sent"}],
                            "ocr": False, "reminders": {"days_before": 2, "min_confidence": 1},
                            "database": {"url": "postgresql://congvan@db.example/congvan"}}, base=tmp_path)
    box = s.mailboxes[0]
    assert box.incoming == ("INBOX",) and box.outgoing == ("Sent",)  # one folder, not I, N, B, O, X
    assert box.password_file == tmp_path / "pw" and box.password() == "x"
    assert s.ocr is False and s.reminders.days_before == (2,) and s.reminders.min_confidence == 1.0
    assert s.database_url.startswith("postgresql://")


@dataclass(frozen=True)
class _LaterSection:  # a section added later (the daemon's) is checked from its field types alone
    start_on: date = date(2025, 1, 1)
    sweep_at: time = time(8, 0)
    every_s: int = setting(60, min=5, max=3600)
    mode: str = setting("idle", choices=("idle", "poll"))
    log_format: Literal["text", "json"] = "text"


@pytest.mark.parametrize("data,key", [
    ({"start_on": "2025-02-30"}, "start_on"),
    ({"start_on": date(1900, 1, 1)}, "start_on"),
    ({"start_on": date(2300, 1, 1)}, "start_on"),
    ({"sweep_at": "25:00"}, "sweep_at"),
    ({"every_s": 1}, "every_s"),
    ({"every_s": True}, "every_s"),
    ({"mode": "push"}, "mode"),
    ({"log_format": "xml"}, "log_format"),
])
def test_a_later_section_is_checked_from_its_field_types(data, key):
    with pytest.raises(ConfigError) as caught:
        _build(_LaterSection, data, "[service]")
    assert f"[service] {key}" in str(caught.value) and "\n" not in str(caught.value)


def test_a_later_section_reads_good_values():
    got = _build(_LaterSection, {"start_on": date(2026, 1, 5), "sweep_at": "07:30", "mode": "poll",
                                 "log_format": "json"}, "[service]")
    assert got == _LaterSection(date(2026, 1, 5), time(7, 30), 60, "poll", "json")
