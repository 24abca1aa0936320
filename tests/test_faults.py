"""The machine's faults said in one line, through the real `congvan` command: a FIFO given to import, a database
that another program holds locked, a full disk (a tiny tmpfs when the tests may mount one; an injected ENOSPC
otherwise). Nothing is lost: after the fault is gone, the same command records everything."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from congvan.samples.letters import Letter

ROOT = Path(__file__).resolve().parents[1]
ICT = timezone(timedelta(hours=7))


def congvan(tmp_path, *args, timeout=120):
    env = {k: v for k, v in os.environ.items() if k not in ("CONGVAN_DATABASE_URL", "CONGVAN_CONFIG")}
    env.update(PYTHONPATH=str(ROOT), OMP_THREAD_LIMIT="1")
    return subprocess.run([sys.executable, "-m", "congvan.cli", "--config", str(tmp_path / "congvan.toml"), *args],
                          capture_output=True, text=True, timeout=timeout, env=env)


def office(tmp_path, db: Path, busy_timeout_s: float = 30) -> None:
    (tmp_path / "congvan.toml").write_text(
        f'[database]\nurl = "sqlite:///{db}"\nbusy_timeout_s = {busy_timeout_s}\n\n'
        '[office]\nunit = "q11.qldt"\naddresses = ["qldt@quan11.example"]\n', encoding="utf-8")


def mails(folder: Path, count: int, start: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        letter = Letter.cong_van(by="q11.tnmt", number=i, issued=date(2025, 3, 5),
                                 subject=f"V/v kiểm tra vệ sinh môi trường đợt {i}")
        (folder / f"{i:03d}.eml").write_bytes(letter.as_email(
            sender="q11.tnmt", to=["qldt@quan11.example"], date=datetime(2025, 3, 5, 9, i % 60, tzinfo=ICT)))
    return folder


def one_line(out) -> str:
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr, out.stderr
    return lines[0]


def test_a_fifo_given_to_import_is_refused_not_read_forever(tmp_path):
    office(tmp_path, tmp_path / "congvan.sqlite")
    fifo = tmp_path / "thu.eml"
    os.mkfifo(fifo)
    out = congvan(tmp_path, "import", str(fifo), timeout=60)
    assert out.returncode == 2 and "không phải tệp thường" in one_line(out)
    folder = mails(tmp_path / "mail", 1)
    os.mkfifo(folder / "pipe.eml")  # inside a folder: skipped, the rest imported
    out = congvan(tmp_path, "import", str(folder), timeout=120)
    assert out.returncode == 0, out.stderr
    assert "1 văn bản mới" in out.stdout


def test_a_database_locked_by_another_program_is_said_in_one_line_and_nothing_is_lost(tmp_path):
    db = tmp_path / "congvan.sqlite"
    office(tmp_path, db, busy_timeout_s=1)
    assert congvan(tmp_path, "db", "upgrade").returncode == 0
    folder = mails(tmp_path / "mail", 2)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program writing, for longer than our busy timeout
    try:
        out = congvan(tmp_path, "import", str(folder))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert out.returncode == 1 and "khóa" in one_line(out)
    out = congvan(tmp_path, "import", str(folder))
    assert out.returncode == 0 and "2 văn bản mới" in out.stdout, out.stderr


@pytest.fixture
def tiny_disk(tmp_path):
    """A 3 MB tmpfs (root only; skipped where mounting is not allowed)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> Path:
    filler = disk / "filler"
    with open(filler, "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def test_a_full_disk_is_said_in_one_line_and_nothing_is_lost(tmp_path, tiny_disk):
    office(tmp_path, tiny_disk / "congvan.sqlite")
    assert congvan(tmp_path, "db", "upgrade").returncode == 0
    folder = mails(tmp_path / "mail", 6)
    filler = fill(tiny_disk)
    out = congvan(tmp_path, "import", str(folder))
    assert out.returncode == 1 and "đĩa đầy" in one_line(out)
    filler.unlink()
    out = congvan(tmp_path, "import", str(folder))
    assert out.returncode == 0 and "6 văn bản mới" in out.stdout, out.stderr


def test_an_enospc_at_the_boundary_is_explained_as_a_full_disk():
    from sqlalchemy.exc import OperationalError

    from congvan.errors import explain

    message, code = explain(OSError(errno.ENOSPC, "No space left on device", "/var/lib/congvan/congvan.sqlite"))
    assert code == 1 and "đĩa đầy" in message and "/var/lib/congvan" in message
    wrapped = OperationalError("INSERT INTO messages ...", {}, sqlite3.OperationalError("database or disk is full"))
    assert explain(wrapped)[0].startswith("đĩa đầy")
    assert explain(KeyError("a bug")) is None  # a bug still shows its traceback
