"""Review routing on the mail path: a letter with a doubt on an obligation field waits for the clerk, with the
fields and reasons in `congvan letters --jsonl`; a clean letter goes on (real PDF attachments, SQLite and
PostgreSQL)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

from click.testing import CliRunner

from congvan.cli import cli
from congvan.samples.letters import Letter

ICT = timezone(timedelta(hours=7))


def congvan(db_url: str, *args: str):
    return CliRunner().invoke(cli, list(args), env={"CONGVAN_DATABASE_URL": db_url, "CONGVAN_CONFIG": ""},
                              catch_exceptions=False)


def test_a_doubtful_letter_waits_for_the_clerk_and_says_why_a_clean_one_does_not(db_url, tmp_path):
    clean = Letter.cong_van(by="q11.p5", number=31, issued=date(2025, 4, 2), recipients=("q11.qldt",),
                            subject="V/v đề nghị kiểm tra tuyến cống hẻm 46")
    invitation = Letter.giay_moi(by="q11.p5", number=32, issued=date(2025, 4, 2), recipients=("q11.qldt",),
                                 subject="họp bàn phương án chống ngập hẻm 46", meeting=None)
    folder = tmp_path / "in"
    folder.mkdir()
    for name, letter in (("a.eml", clean), ("b.eml", invitation)):
        raw = letter.as_email(sender="q11.p5", to=["qldt@quan11.example"], date=datetime(2025, 4, 2, 9, tzinfo=ICT))
        (folder / name).write_bytes(raw)

    assert congvan(db_url, "office", "add", "q11.qldt").exit_code == 0  # the office whose mailbox this is
    assert congvan(db_url, "import", str(folder)).exit_code == 0
    out = congvan(db_url, "letters", "--jsonl")
    assert out.exit_code == 0
    items = {i["doc_number"]: i for i in map(json.loads, out.output.splitlines())}

    assert items[clean.doc_number]["status"] == "new"
    assert items[clean.doc_number]["review"] == []
    waiting = items[invitation.doc_number]
    assert waiting["status"] == "needs_review"
    assert [r["field"] for r in waiting["review"]] == ["meeting"]
    assert "thời gian họp" in waiting["review"][0]["reason"]
