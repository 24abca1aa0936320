"""Drafts appended to a real Dovecot (started here on loopback) and read back as the clerk's mail client would.

A local launcher until tests/servers.py has a shared IMAP fixture; skipped where Dovecot is not installed
(Debian package dovecot-imapd).
"""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import tempfile
from datetime import datetime, timedelta, timezone
from email.policy import default
from pathlib import Path

import pytest

from notices import samples
from notices.delivery import append_to_drafts
from notices.mime import build_message
from notices.render import render
from tests.servers import free_port, wait_for_port

imapclient = pytest.importorskip("imapclient")
DOVECOT = shutil.which("dovecot") or ("/usr/sbin/dovecot" if os.path.exists("/usr/sbin/dovecot") else None)
pytestmark = [pytest.mark.imap, pytest.mark.skipif(DOVECOT is None or os.geteuid() != 0,
                                                   reason="needs dovecot-imapd, started as root")]
WHEN = datetime(2026, 11, 20, 8, 30, tzinfo=timezone(timedelta(hours=7)))
USER, PASSWORD = "clerk@quan11.example", "s3cret"

CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{d}/mail/%u/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/users
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={d}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
}}
namespace inbox {{
  inbox = yes
{mailboxes}}}
"""


def start_dovecot(folder: Path, mailboxes: str = ""):
    folder.mkdir(parents=True, exist_ok=True)
    folder.parent.chmod(0o755)
    folder.chmod(0o755)
    for sub in ("run", "state", "mail"):
        (folder / sub).mkdir(exist_ok=True)
    shutil.chown(folder / "mail", "nobody", "nogroup")
    users = folder / "users"
    users.write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
    shutil.chown(users, group="dovecot")
    users.chmod(0o640)
    port = free_port()
    (folder / "dovecot.conf").write_text(CONFIG.format(d=folder, port=port, mailboxes=mailboxes))
    process = subprocess.Popen([DOVECOT, "-F", "-c", str(folder / "dovecot.conf")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, timeout=20)
    except TimeoutError:
        process.terminate()
        raise
    return process, port


@pytest.fixture
def imap():
    """A function starting Dovecot with the given mailbox definitions and returning a logged-in client."""
    started = []
    # not under pytest's tmp_path: its parents are 0700 and Dovecot's auth and mail processes run as other users
    scratch = Path(tempfile.mkdtemp(prefix="congvan-notices-dovecot-"))

    def connect(mailboxes: str = ""):
        process, port = start_dovecot(scratch / f"dovecot{len(started)}", mailboxes)
        client = imapclient.IMAPClient("127.0.0.1", port=port, ssl=False, timeout=10)
        client.login(USER, PASSWORD)
        started.append((process, client))
        return client

    yield connect
    for process, client in started:
        try:
            client.logout()
        except Exception:
            pass
        process.terminate()
        process.wait(timeout=10)
    shutil.rmtree(scratch, ignore_errors=True)


def a_draft() -> bytes:
    return build_message(render("deemed_agreed", samples.deemed_agreed()), from_addr="qldt@quan11.example",
                         to_addrs="p5@quan11.example", date=WHEN, message_id_domain="quan11.example")


def read_back(client, folder: str):
    client.select_folder(folder, readonly=True)
    (uid,) = client.search("ALL")
    data = client.fetch([uid], ["FLAGS", "BODY.PEEK[]", "INTERNALDATE"])[uid]
    return uid, data[b"FLAGS"], email.message_from_bytes(data[b"BODY[]"], policy=default), data[b"INTERNALDATE"]


def test_a_draft_is_created_in_a_new_drafts_folder_with_the_draft_flag(imap):
    client = imap()
    raw = a_draft()
    result = append_to_drafts(client, "Drafts", raw, WHEN)
    assert result.folder == "Drafts" and client.folder_exists("Drafts")
    uid, flags, msg, internal = read_back(client, "Drafts")
    assert result.uid == uid
    assert b"\\Draft" in flags and b"\\Seen" not in flags
    assert msg["Subject"].startswith("Thông báo xem như đồng ý: Ủy ban nhân dân Phường 5")
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_filename().startswith("Thông báo xem như đồng ý")
    assert internal.date() == WHEN.date()


def test_the_folder_the_server_marks_drafts_is_used_even_under_a_vietnamese_name(imap):
    client = imap('  mailbox "Thư nháp" {\n    special_use = \\Drafts\n    auto = create\n  }\n')
    result = append_to_drafts(client, "Drafts", a_draft(), WHEN)
    assert result.folder == "Thư nháp"
    assert not client.folder_exists("Drafts")
    _, flags, msg, _ = read_back(client, "Thư nháp")
    assert b"\\Draft" in flags and "245/QLĐT-XD" in msg.get_body(("plain",)).get_content()
