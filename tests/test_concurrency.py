"""Several processes at once, never a double: three `congvan run --once` over the same mailbox, three
`congvan sweep`, two first starts on a new database, each as real processes on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import imapclient
import pytest
from sqlalchemy import create_engine, select

from congvan.samples import ICT, Letter
from tracker.db.schema import drafts, letters, messages, obligations

ROOT = Path(__file__).resolve().parents[1]


def config(tmp_path, db_url, dovecot=None) -> Path:
    path = tmp_path / "congvan.toml"
    box = "" if dovecot is None else f'''
[[mailboxes]]
name = "p5"
host = "127.0.0.1"
port = {dovecot.port}
security = "none"
username = "{dovecot.user}"
password_env = "CONGVAN_IMAP_PASSWORD"
incoming = "INBOX"
outgoing = "Sent"
'''
    path.write_text(f'[database]\nurl = "{db_url}"\n\n[office]\nunit = "q11.p5"\n'
                    f'addresses = ["phuong5@quan11.example"]\n{box}', encoding="utf-8")
    return path


def start(cfg: Path, *args, password: str = "") -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in ("CONGVAN_DATABASE_URL", "CONGVAN_CONFIG")}
    env.update(PYTHONPATH=str(ROOT), CONGVAN_IMAP_PASSWORD=password, OMP_THREAD_LIMIT="1")
    return subprocess.Popen([sys.executable, "-m", "congvan.cli", "--config", str(cfg), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def all_at_once(cfg: Path, n: int, *args, password: str = "") -> list[tuple[int, str, str]]:
    procs = [start(cfg, *args, password=password) for _ in range(n)]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        results.append((p.returncode, out, err))
    for rc, out, err in results:
        assert rc == 0 and "Traceback" not in err and "IntegrityError" not in err, err
    return results


def seed(dovecot, count: int = 4) -> None:
    c = imapclient.IMAPClient("127.0.0.1", port=dovecot.port, ssl=False)
    c.login(dovecot.user, dovecot.password)
    if not c.folder_exists("Sent"):
        c.create_folder("Sent")
    for i in range(count):
        request = Letter.cong_van(by="q11.p5", number=20 + i, symbol="UBND-ĐT", issued=date(2025, 1, 20),
                                  subject=f"lấy ý kiến dự thảo kế hoạch chỉnh trang vỉa hè đợt {i + 1}",
                                  recipients=("q11.qldt", "q11.tnmt"))
        at = datetime(2025, 1, 20, 9, 10 + i, tzinfo=ICT)
        c.append("Sent", request.as_email(sender="q11.p5", to=["q11.qldt", "q11.tnmt"], date=at), msg_time=at)
    incoming = Letter.cong_van(by="q11.tnmt", number=77, issued=date(2025, 1, 21),
                               subject="đề nghị báo cáo tình hình vệ sinh môi trường", recipients=("q11.p5",))
    c.append("INBOX", incoming.as_email(sender="q11.tnmt", to=["phuong5@quan11.example"],
                                        date=datetime(2025, 1, 21, 8, 0, tzinfo=ICT)))
    c.logout()


def rows(db_url: str, table, *cols):
    eng = create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with eng.connect() as conn:
            return [tuple(r) for r in conn.execute(select(*(table.c[c] for c in cols)))]
    finally:
        eng.dispose()


@pytest.mark.imap
def test_three_runs_then_three_sweeps_at_once_record_and_draft_everything_exactly_once(dovecot, db_url, tmp_path):
    seed(dovecot)
    cfg = config(tmp_path, db_url, dovecot)
    all_at_once(cfg, 3, "run", "--once", password=dovecot.password)
    assert len(rows(db_url, messages, "id")) == 5  # four in Sent, one in INBOX, each once
    planned = rows(db_url, obligations, "letter_id", "unit_id", "role", "rule")
    assert len(planned) >= 8  # two units asked by each of four letters, and the office's own answer
    assert not [k for k, n in Counter(planned).items() if n > 1]  # no obligation twice
    assert all(built for (built,) in rows(db_url, letters, "obligations_built"))

    results = all_at_once(cfg, 3, "sweep", "--today", "2025-02-18", "--json")
    import json

    worked = [json.loads(out) for _, out, _ in results]
    busy = [w for w in worked if w["deemed_agreed"] or w["reminders"] or w["reports"]]
    assert len(busy) == 1, worked  # one sweep did the day's work; the others found it done
    written = rows(db_url, drafts, "kind", "obligation_id", "letter_id", "dedupe_key")
    assert busy[0]["deemed_agreed"] == sum(1 for kind, *_ in written if kind == "deemed_agreed") >= 8
    assert not [k for k, n in Counter((kind, ob, lt) for kind, ob, lt, _ in written).items() if n > 1]


def test_two_first_starts_on_a_new_database_take_turns(db_url, tmp_path):
    cfg = config(tmp_path, db_url)
    results = all_at_once(cfg, 3, "db", "upgrade")
    assert all("phiên bản" in out for _, out, _ in results)
    assert len(rows(db_url, letters, "id")) == 0
