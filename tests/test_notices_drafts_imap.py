"""Drafts appended to a real Dovecot (started here on loopback) and read back as the clerk's mail client would.

Skipped where Dovecot is not installed (Debian package dovecot-imapd).
"""

from __future__ import annotations

import email
import os
from datetime import datetime, timedelta, timezone
from email.policy import default

import pytest

from notices import samples
from notices.delivery import append_to_drafts
from notices.mime import build_message
from notices.render import render
from tests import servers

imapclient = pytest.importorskip("imapclient")
pytestmark = [pytest.mark.imap, pytest.mark.skipif(servers.dovecot_binary() is None or os.geteuid() != 0,
                                                   reason="needs dovecot-imapd, started as root")]
WHEN = datetime(2026, 11, 20, 8, 30, tzinfo=timezone(timedelta(hours=7)))
USER, PASSWORD = "clerk@quan11.example", "s3cret"

@pytest.fixture
def imap():
    """A function starting Dovecot with the given mailbox definitions and returning a logged-in client."""
    started = []

    def connect(mailboxes: str = ""):
        server = servers.start_dovecot(USER, PASSWORD, mailboxes=mailboxes)
        client = imapclient.IMAPClient("127.0.0.1", port=server.port, ssl=False, timeout=10)
        client.login(USER, PASSWORD)
        started.append((server, client))
        return client

    yield connect
    for server, client in started:
        try:
            client.logout()
        except Exception:
            pass
        server.cleanup()


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
