"""Intake against a real Dovecot on loopback (started by the `dovecot` fixture) and a real database."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from congvan.samples.letters import Letter
from config.settings import LimitSettings, MailboxSettings, OfficeSettings, Settings
from intake.imap import KEYWORD, ImapError, Mailbox
from intake.pipeline import Intake
from intake.sources import poll_mailbox
from tracker.db.schema import letter_sources, letters, messages, quarantine
from tests import servers

pytestmark = pytest.mark.imap
ICT = timezone(timedelta(hours=7))
PASSWORD_ENV = "CONGVAN_TEST_IMAP_PASSWORD"
ROOT = Path(__file__).resolve().parents[1]


def box_settings(server, **changes) -> MailboxSettings:
    values = dict(name="congvan", host="127.0.0.1", port=server.port, security="none", username=server.user,
                  password_env=PASSWORD_ENV, incoming=("INBOX",), outgoing=("Sent",), after="keyword", timeout=10)
    values.update(changes)
    return MailboxSettings(**values)


@pytest.fixture
def env_password(dovecot, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, dovecot.password)


def settings_for(db_url: str, *boxes, limits=None) -> Settings:
    return Settings(database_url=db_url, office=OfficeSettings(unit="q11.qldt", addresses=("qldt@quan11.example",)),
                    mailboxes=tuple(boxes), limits=limits or LimitSettings())


def make_letter(number: int, **kw) -> Letter:
    return Letter.cong_van(by="q11.tnmt", number=number, issued=date(2025, 3, 5),
                           subject=f"V/v kiểm tra vệ sinh môi trường đợt {number}", **kw)


def letter_mail(number: int, attach: str = "pdf", **kw) -> bytes:
    letter = make_letter(number, **kw)
    return letter.as_email(sender="q11.tnmt", to=["qldt@quan11.example"],
                           date=datetime(2025, 3, 5, 9, number % 60, tzinfo=ICT), attach=attach)


def deliver(server, raws: list[bytes], folder: str = "INBOX") -> None:
    with Mailbox(box_settings(server)) as imap:
        imap.ensure_folder(folder)
        for raw in raws:
            imap.append(folder, raw, when=datetime(2025, 3, 5, 10, 0, tzinfo=ICT))


def server_flags(server, folder: str = "INBOX") -> dict[int, set]:
    with Mailbox(box_settings(server)) as imap:
        imap.select(folder)
        data = imap.client.fetch(imap.client.search(["ALL"]), ["FLAGS"])
    return {uid: {f.decode() if isinstance(f, bytes) else f for f in item[b"FLAGS"]} for uid, item in data.items()}


def poll(settings: Settings, engine, box=None):
    with Intake(settings, engine, workers=1) as intake:
        return poll_mailbox(intake, box or settings.mailboxes[0])


def rows(engine, table):
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(table).order_by(table.c.id)).mappings()]


def test_new_mail_is_recorded_once_flagged_with_the_keyword_and_left_unseen(dovecot, env_password, engine,
                                                                            db_url):
    deliver(dovecot, [letter_mail(11, "pdf"), letter_mail(12, "docx"), letter_mail(13, "body")])
    deliver(dovecot, [Letter.cong_van(by="q11.qldt", number=5, issued=date(2025, 3, 6),
                                      subject="V/v đề nghị phối hợp").as_email(
        sender="qldt@quan11.example", to=["q11.tnmt"], date=datetime(2025, 3, 6, 8, 0, tzinfo=ICT))], "Sent")
    settings = settings_for(db_url, box_settings(dovecot))

    report = poll(settings, engine)

    assert report.error is None
    assert sorted(o.status for o in report.outcomes) == ["processed"] * 4
    recorded = rows(engine, letters)
    assert {make_letter(n).doc_number for n in (11, 12, 13)} <= {r["doc_number"] for r in recorded}
    assert len(recorded) == 4
    assert {r["direction"] for r in recorded} == {"in", "out"}
    assert [r["direction"] for r in recorded].count("out") == 1
    flags = server_flags(dovecot)
    assert all(KEYWORD in f and "\\Seen" not in f for f in flags.values())
    assert all(m["action_done"] for m in rows(engine, messages))

    again = poll(settings, engine)
    assert again.outcomes == [] and again.error is None
    assert len(rows(engine, letters)) == 4


def _run_once(config: Path, env: dict, fault: str | None = None) -> subprocess.CompletedProcess:
    env = dict(env)
    if fault:
        env["CONGVAN_FAULT"] = fault
    return subprocess.run([sys.executable, "-m", "congvan.cli", "--config", str(config), "run", "--once"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)


def _config(tmp_path: Path, server, db_url: str, after: str = "keyword") -> tuple[Path, dict]:
    config = tmp_path / "congvan.toml"
    config.write_text(f"""
[database]
url = "{db_url}"

[office]
unit = "q11.qldt"
addresses = ["qldt@quan11.example"]

[[mailboxes]]
name = "congvan"
host = "127.0.0.1"
port = {server.port}
security = "none"
username = "{server.user}"
password_env = "{PASSWORD_ENV}"
incoming = ["INBOX"]
outgoing = ["Sent"]
after = "{after}"
""", encoding="utf-8")
    env = dict(os.environ, **{PASSWORD_ENV: server.password})
    env.pop("CONGVAN_DATABASE_URL", None)
    return config, env


def test_a_kill_between_the_commit_and_the_server_action_is_redone_on_the_next_run(dovecot, env_password,
                                                                                   engine, db_url, tmp_path):
    deliver(dovecot, [letter_mail(n) for n in (21, 22, 23)])
    config, env = _config(tmp_path, dovecot, db_url)

    killed = _run_once(config, env, fault="kill-after-commit")
    assert killed.returncode == -9
    recorded = rows(engine, messages)
    assert len(recorded) == 1 and not recorded[0]["action_done"]
    assert all(KEYWORD not in f for f in server_flags(dovecot).values())

    rerun = _run_once(config, env)
    assert rerun.returncode == 0, rerun.stderr
    assert len(rows(engine, messages)) == 3
    assert len(rows(engine, letters)) == 3
    assert all(m["action_done"] for m in rows(engine, messages))
    assert all(KEYWORD in f for f in server_flags(dovecot).values())


def test_a_uidvalidity_change_neither_loses_nor_duplicates(dovecot, env_password, engine, db_url):
    settings = settings_for(db_url, box_settings(dovecot))
    deliver(dovecot, [letter_mail(31), letter_mail(32)])
    poll(settings, engine)
    dovecot.bump_uidvalidity()
    deliver(dovecot, [letter_mail(33)])

    report = poll(settings, engine)

    assert sorted(o.status for o in report.outcomes) == ["duplicate", "duplicate", "processed"]
    assert len(rows(engine, letters)) == 3
    validities = {m["uidvalidity"] for m in rows(engine, messages)}
    assert len(validities) == 2
    # each of the first two letters now has two sources: before and after the change
    sources = rows(engine, letter_sources)
    assert sorted(sum(1 for s in sources if s["letter_id"] == lid) for lid in {s["letter_id"] for s in sources}) \
        == [1, 2, 2]


def test_two_runs_at_once_record_each_message_once(dovecot, env_password, engine, db_url, tmp_path):
    deliver(dovecot, [letter_mail(n, "body") for n in range(40, 52)])
    config, env = _config(tmp_path, dovecot, db_url)
    cmd = [sys.executable, "-m", "congvan.cli", "--config", str(config), "run", "--once"]
    first = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    second = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert first.wait(300) == 0 and second.wait(300) == 0

    assert len(rows(engine, messages)) == 12
    assert len(rows(engine, letters)) == 12
    assert len({(m["uidvalidity"], m["uid"]) for m in rows(engine, messages)}) == 12


def test_tls_with_the_servers_certificate_works_and_a_wrong_certificate_fails_closed(dovecot, env_password,
                                                                                     engine, db_url, tmp_path):
    deliver(dovecot, [letter_mail(61)])
    good = box_settings(dovecot, port=dovecot.tls_port, security="tls", ca_file=str(dovecot.cert))
    other_cert, _ = servers.make_certificate(tmp_path / "other", "other")
    wrong = box_settings(dovecot, name="wrong", port=dovecot.tls_port, security="tls", ca_file=str(other_cert))
    no_ca = box_settings(dovecot, name="system-ca", port=dovecot.tls_port, security="tls")
    settings = settings_for(db_url, wrong, no_ca, good)

    with Intake(settings, engine, workers=1) as intake:
        bad = poll_mailbox(intake, wrong)
        bad_too = poll_mailbox(intake, no_ca)
        assert rows(engine, messages) == []
        ok = poll_mailbox(intake, good)

    assert bad.error and "TLS" in bad.error and bad.outcomes == []
    assert bad_too.error and "TLS" in bad_too.error
    assert ok.error is None and [o.status for o in ok.outcomes] == ["processed"]


def test_plain_imap_is_refused_to_a_remote_host():
    remote = MailboxSettings(name="remote", host="mail.example", security="none", password_env=PASSWORD_ENV)
    os.environ.setdefault(PASSWORD_ENV, "x")
    with pytest.raises(ImapError, match="loopback"):
        Mailbox(remote).connect()


def test_the_password_reaches_neither_the_database_nor_the_logs(dovecot, env_password, engine, db_url, caplog,
                                                                 tmp_path):
    deliver(dovecot, [letter_mail(71)])
    caplog.set_level(logging.DEBUG)
    settings = settings_for(db_url, box_settings(dovecot))
    poll(settings, engine)
    wrong = box_settings(dovecot, name="wrongpw", password_env="CONGVAN_WRONG_PW")
    os.environ["CONGVAN_WRONG_PW"] = "Wr0ng-" + dovecot.password
    try:
        report = poll(settings_for(db_url, wrong), engine, wrong)
    finally:
        del os.environ["CONGVAN_WRONG_PW"]
    assert report.error and "login" in report.error
    assert dovecot.password not in caplog.text and dovecot.password not in report.error

    dump = json.dumps([rows(engine, t) for t in (messages, letters, quarantine)], default=repr)
    assert dovecot.password not in dump and dovecot.password.encode().hex() not in dump


def test_an_oversized_message_is_quarantined_without_download_and_the_next_one_still_processed(
        dovecot, env_password, engine, db_url):
    big = letter_mail(81, "pdf")
    small = letter_mail(82, "body")
    deliver(dovecot, [big, small])
    settings = settings_for(db_url, box_settings(dovecot), limits=LimitSettings(max_message_bytes=len(small) + 500))

    report = poll(settings, engine)

    assert [o.status for o in report.outcomes] == ["quarantined", "processed"]
    entry = rows(engine, quarantine)[0]
    assert entry["raw"] is None and "quá lớn" in entry["reason"]
    assert all(KEYWORD in f for f in server_flags(dovecot).values())


def test_move_after_processing_empties_the_inbox_into_the_target_folder(dovecot, env_password, engine, db_url):
    deliver(dovecot, [letter_mail(91), letter_mail(92)])
    settings = settings_for(db_url, box_settings(dovecot, after="move:Đã xử lý"))

    poll(settings, engine)

    assert server_flags(dovecot) == {}
    assert len(server_flags(dovecot, "Đã xử lý")) == 2
    assert len(rows(engine, letters)) == 2


def test_a_windows_1258_subject_is_stored_as_nfc(dovecot, env_password, engine, db_url):
    from email.header import Header

    # windows-1258 writes tone marks as combining characters after the letter ("ê" + U+0309 for "ể")
    text_1258 = "Ki\u00ea\u0309m tra v\u00ea\u0323 sinh"
    raw = ("From: Phong TNMT <tnmt@quan11.example>\r\nTo: qldt@quan11.example\r\n"
           f"Subject: {Header(text_1258, 'windows-1258').encode()}\r\nMessage-ID: <w1258@quan11.example>\r\n"
           "Date: Wed, 05 Mar 2025 09:00:00 +0700\r\nMIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=windows-1258\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").encode() \
        + f"{text_1258}\r\n".encode("cp1258")
    deliver(dovecot, [raw])

    poll(settings_for(db_url, box_settings(dovecot)), engine)

    assert rows(engine, messages)[0]["subject"] == "Kiểm tra vệ sinh"


def test_run_once_reports_an_unreachable_mailbox_and_still_processes_the_others(dovecot, env_password, db_url,
                                                                                  tmp_path, engine):
    deliver(dovecot, [letter_mail(95)])
    config, env = _config(tmp_path, dovecot, db_url)
    dead = servers.free_port()
    config.write_text(config.read_text(encoding="utf-8").replace('[[mailboxes]]', f"""[[mailboxes]]
name = "dead"
host = "127.0.0.1"
port = {dead}
security = "none"
username = "x"
password_env = "{PASSWORD_ENV}"
timeout = 3

[[mailboxes]]""", 1), encoding="utf-8")

    done = _run_once(config, env)

    assert done.returncode != 0
    error_lines = [line for line in done.stderr.splitlines() if line.startswith("congvan: error")]
    assert len(error_lines) == 1 and "dead" in error_lines[0]
    assert len(rows(engine, letters)) == 1


def test_starttls_on_the_plain_port_verifies_the_certificate(dovecot, env_password, engine, db_url):
    deliver(dovecot, [letter_mail(97)])
    box = box_settings(dovecot, host="localhost", security="starttls", ca_file=str(dovecot.cert))

    report = poll(settings_for(db_url, box), engine, box)

    assert report.error is None and [o.status for o in report.outcomes] == ["processed"]


def test_hostile_mails_over_imap_all_end_in_a_final_state_and_are_flagged(dovecot, env_password, engine, db_url):
    folder = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "hostile" / "eml"
    if not folder.is_dir():
        pytest.skip("hostile fixtures not present")
    accepted = 0
    with Mailbox(box_settings(dovecot)) as imap:
        for path in sorted(folder.iterdir())[::4]:
            try:
                imap.append("INBOX", path.read_bytes())
                accepted += 1
            except ImapError:
                pass  # the server refuses some bytes outright; nothing to take in then
    settings = settings_for(db_url, box_settings(dovecot))

    report = poll(settings, engine)

    assert report.error is None
    assert len(report.outcomes) == accepted > 80
    assert {o.status for o in report.outcomes} <= {"processed", "quarantined", "duplicate"}
    assert len(rows(engine, messages)) == accepted
    assert all(KEYWORD in f for f in server_flags(dovecot).values())
