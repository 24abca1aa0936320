"""The office's real loop against a real Dovecot: letters arrive in INBOX and Sent, `congvan run --once` records
them, `congvan sweep` drafts the notices, `congvan drafts deliver` puts them in the clerk's Drafts folder."""

import email
import os
import subprocess
import sys
from datetime import date, datetime

import imapclient
import pytest

from congvan.samples import ICT, Letter

pytestmark = pytest.mark.imap


def run(cfg, *args):
    env = dict(os.environ, CONGVAN_IMAP_PASSWORD=cfg["password"])
    return subprocess.run([sys.executable, "-m", "congvan.cli", "--config", str(cfg["path"]), *args],
                          capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture
def office(dovecot, tmp_path):
    path = tmp_path / "congvan.toml"
    path.write_text(f'''
[database]
url = "sqlite:///{tmp_path / 'congvan.sqlite'}"

[office]
unit = "q11.p5"
addresses = ["phuong5@quan11.example"]
place = "Phường 5"
drafting_unit = "ĐT"
signer_authority = "TM. ỦY BAN NHÂN DÂN"
signer_title = "CHỦ TỊCH"
signer_name = "Nguyễn Văn Thành"

[[mailboxes]]
name = "p5"
host = "127.0.0.1"
port = {dovecot.port}
security = "none"
username = "{dovecot.user}"
password_env = "CONGVAN_IMAP_PASSWORD"
incoming = ["INBOX"]
outgoing = ["Sent"]
drafts = "Drafts"
''', encoding="utf-8")
    return {"path": path, "password": dovecot.password, "server": dovecot}


def client(server):
    c = imapclient.IMAPClient("127.0.0.1", port=server.port, ssl=False)
    c.login(server.user, server.password)
    return c


def test_letters_from_the_mailbox_become_drafts_in_the_clerks_drafts_folder(office):
    server = office["server"]
    request = Letter.cong_van(by="q11.p5", number=12, symbol="UBND-ĐT", issued=date(2025, 1, 20),
                              subject="lấy ý kiến dự thảo kế hoạch chỉnh trang vỉa hè",
                              recipients=("q11.qldt", "q11.tnmt"))
    with client(server) as c:
        c.create_folder("Sent")
        sent_at = datetime(2025, 1, 20, 9, 12, tzinfo=ICT)
        c.append("Sent", request.as_email(sender="q11.p5", to=["q11.qldt", "q11.tnmt"], date=sent_at),
                 msg_time=sent_at)
    first = run(office, "run", "--once")
    assert first.returncode == 0, first.stderr
    assert run(office, "run", "--once").returncode == 0  # nothing twice
    assert run(office, "sweep", "--today", "2025-02-18").returncode == 0
    out = run(office, "drafts", "deliver")
    assert out.returncode == 0, out.stderr
    assert "Drafts" in out.stdout
    assert run(office, "drafts", "deliver").returncode == 0  # already delivered: nothing appended again
    with client(server) as c:
        c.select_folder("Drafts", readonly=True)
        uids = c.search(["ALL"])
        fetched = c.fetch(uids, ["FLAGS", "BODY.PEEK[]"])
    assert len(uids) == 3  # two deemed-agreed notices and the list of silent units for the chairman
    assert all(b"\\Draft" in f[b"FLAGS"] for f in fetched.values())
    subjects = sorted(str(email.message_from_bytes(f[b"BODY[]"], policy=email.policy.default)["Subject"])
                      for f in fetched.values())
    assert sum("12/UBND-ĐT" in s for s in subjects) >= 2
    assert sum("xem như đồng ý" in s for s in subjects) >= 2
    listed = run(office, "drafts", "--status", "appended").stdout
    assert listed.count("đã đưa vào Thư nháp") == 3
