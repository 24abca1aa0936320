"""A desk to test the web page on: the demo office (UBND Phường 5, its sample mailbox swept through June 2025), a
letter whose subject, body, attachment name and unit carry script payloads, a second office with a letter of its
own, and one user per role. Built once per test module with the real command line."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from click.testing import CliRunner

PASSWORD = "mat-khau-thu-nghiem-1"
PAYLOAD = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
ROLES = {"vanthu": "clerk", "chuyenvien": "specialist", "lanhdao": "leader", "quantri": "admin"}


@dataclass
class Desk:
    root: Path
    settings: object
    tracker: object
    config: Path
    other_config: Path
    hostile_letter: int = 0
    other_letter: int = 0
    other_obligation: int | None = None
    other_draft: int | None = None
    users: dict = field(default_factory=dict)


def congvan(*args, input=None) -> str:
    from congvan.cli import cli

    result = CliRunner().invoke(cli, list(map(str, args)), input=input, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _eml(path: Path, *, sender: str, to: str, subject: str, body: str, attachment: tuple[str, bytes] | None,
         date: str) -> None:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"], msg["Date"] = sender, to, subject, date
    msg["Message-ID"] = f"<{path.stem}@quan11.example>"
    msg.set_content(body)
    if attachment:
        msg.add_attachment(attachment[1], maintype="application",
                           subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename=attachment[0])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(msg.as_bytes())


def _docx(text: str) -> bytes:
    import io

    from docx import Document

    doc = Document()
    for line in text.split("\n"):
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


HOSTILE_LETTER = f"""ỦY BAN NHÂN DÂN QUẬN 11
PHÒNG QUẢN LÝ ĐÔ THỊ
Số: 77/QLĐT-HT
V/v lấy ý kiến {PAYLOAD} về phương án chỉnh trang vỉa hè
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quận 11, ngày 03 tháng 6 năm 2025
Kính gửi: Ủy ban nhân dân Phường 5 {PAYLOAD}
Phòng Quản lý đô thị đề nghị {PAYLOAD} có ý kiến bằng văn bản trước ngày 13/6/2025.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. TRƯỞNG PHÒNG
PHÓ TRƯỞNG PHÒNG
Lê Văn Bình
"""

OTHER_LETTER = """ỦY BAN NHÂN DÂN QUẬN 11
ỦY BAN NHÂN DÂN PHƯỜNG 14
Số: 31/UBND-VP
V/v đề nghị cắt tỉa cây xanh trên đường Lạc Long Quân
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phường 14, ngày 02 tháng 6 năm 2025
Kính gửi: Phòng Quản lý đô thị Quận 11.
Đề nghị Phòng Quản lý đô thị xem xét, trả lời bằng văn bản trước ngày 20/6/2025.
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Phạm Thị Hoa
"""


def build(root: Path, *, mailbox: dict | None = None) -> Desk:
    """The desk in ``root``: SQLite, the demo office, a hostile letter, another office. ``mailbox``: an IMAP
    mailbox for the demo office's drafts (a [[mailboxes]] table)."""

    from congvan.context import tracker_for
    from web import accounts

    out = root / "demo"
    congvan("demo", "--no-serve", "--out", out)
    db = f"sqlite:///{out / 'congvan.sqlite'}"
    config = root / "office.toml"
    lines = [f'data_dir = "{out}"', "[database]", f'url = "{db}"', "[office]", 'unit = "q11.p5"',
             'addresses = ["phuong5@quan11.example"]', 'place = "Phường 5"']
    if mailbox:
        lines += ["[[mailboxes]]"] + [f"{k} = {json.dumps(v)}" for k, v in mailbox.items()]
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    other = root / "other.toml"
    other.write_text("\n".join([f'data_dir = "{out}"', "[database]", f'url = "{db}"', "[office]",
                                'unit = "q11.qldt"', 'addresses = ["qldt@quan11.example"]']) + "\n", encoding="utf-8")
    congvan("--config", other, "office", "add", "q11.qldt")

    _eml(root / "in" / "hostile.eml", sender=f'"{PAYLOAD}" <qldt@quan11.example>', to="phuong5@quan11.example",
         subject=f"Công văn 77/QLĐT-HT {PAYLOAD}", body=HOSTILE_LETTER,
         attachment=(f'{PAYLOAD}.docx', _docx(HOSTILE_LETTER)), date="Tue, 03 Jun 2025 09:15:00 +0700")
    congvan("--config", config, "import", root / "in" / "hostile.eml")
    _eml(root / "other" / "p14.eml", sender="phuong14@quan11.example", to="qldt@quan11.example",
         subject="Công văn 31/UBND-VP đề nghị cắt tỉa cây xanh", body=OTHER_LETTER, attachment=None,
         date="Mon, 02 Jun 2025 10:00:00 +0700")
    congvan("--config", other, "import", root / "other" / "p14.eml")
    congvan("--config", other, "sweep", "--today", "2025-06-18")

    from config.settings import Settings

    settings = Settings.load(config)
    tracker = tracker_for(settings)
    desk = Desk(root, settings, tracker, config, other)
    for name, role in ROLES.items():
        accounts.add_user(tracker.engine, name=name, role=role, office_id="q11.p5", password=PASSWORD,
                          full_name=f"Người dùng {name}")
    accounts.add_user(tracker.engine, name="khac", role="clerk", office_id="q11.qldt", password=PASSWORD)

    from tracker import queries

    letters, _n = queries.list_letters(tracker, limit=500)
    desk.hostile_letter = next(r["id"] for r in letters if r["doc_number"] == "77/QLĐT-HT")
    other_tracker = tracker_for(Settings.load(other))
    other_letters, _n = queries.list_letters(other_tracker, limit=10)
    desk.other_letter = other_letters[0]["id"]
    obs, _n = queries.list_obligations(other_tracker, limit=10)
    desk.other_obligation = obs[0]["id"] if obs else None
    drafts, _n = queries.list_drafts(other_tracker, limit=10)
    desk.other_draft = drafts[0]["id"] if drafts else None
    return desk


def serve(app):
    """The app on a free loopback port in a thread (werkzeug's server); returns (base URL, server)."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server
