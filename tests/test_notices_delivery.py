"""Appending drafts to the clerk's Drafts folder, through an object with imapclient's methods.

The fake below keeps folders in memory the way a server would; a test against real Dovecot runs when the IMAP
fixture of tests/conftest.py (``imap_server``) exists.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from notices import samples
from notices.delivery import DeliveryError, append_to_drafts, drafts_folder
from notices.mime import build_message
from notices.render import render

WHEN = datetime(2026, 11, 20, 8, 30, tzinfo=timezone(timedelta(hours=7)))


class FakeImap:
    """In-memory folders; ``special`` maps SPECIAL-USE flags to folder names (empty: not advertised)."""

    def __init__(self, folders=("INBOX",), special=None, fail_append=None):
        self.folders = {name: [] for name in folders}
        self.special = special
        self.fail_append = fail_append
        self.subscribed = []

    def find_special_folder(self, flag):
        if self.special is None:
            raise RuntimeError("server does not support SPECIAL-USE")
        return self.special.get(flag)

    def folder_exists(self, folder):
        return folder in self.folders

    def create_folder(self, folder):
        self.folders[folder] = []

    def subscribe_folder(self, folder):
        self.subscribed.append(folder)

    def append(self, folder, msg, flags=(), msg_time=None):
        if self.fail_append:
            raise self.fail_append
        if folder not in self.folders:
            raise RuntimeError(f"NO [TRYCREATE] Mailbox doesn't exist: {folder}")
        self.folders[folder].append((msg, tuple(flags), msg_time))
        return f"[APPENDUID 1700000000 {len(self.folders[folder])}] Append completed.".encode()


def a_draft() -> bytes:
    return build_message(render("reminder", samples.reminder()), from_addr="qldt@quan11.example",
                         to_addrs="p5@quan11.example", date=WHEN, message_id_domain="quan11.example")


def test_a_draft_lands_in_the_configured_folder_flagged_as_draft():
    client = FakeImap(folders=("INBOX", "Drafts"))
    raw = a_draft()
    result = append_to_drafts(client, "Drafts", raw, WHEN)
    assert (result.folder, result.uid, result.uidvalidity) == ("Drafts", 1, 1700000000)
    assert client.folders["Drafts"] == [(raw, (b"\\Draft",), WHEN)]


def test_the_folder_the_server_marks_as_drafts_wins_over_the_configured_name():
    client = FakeImap(folders=("INBOX", "Thư nháp"), special={b"\\Drafts": "Thư nháp"})
    assert drafts_folder(client, "Drafts") == "Thư nháp"
    append_to_drafts(client, "Drafts", a_draft(), WHEN)
    assert len(client.folders["Thư nháp"]) == 1 and "Drafts" not in client.folders


def test_a_missing_drafts_folder_is_created_and_subscribed():
    client = FakeImap(folders=("INBOX",), special={})
    append_to_drafts(client, "Drafts", a_draft(), WHEN)
    assert len(client.folders["Drafts"]) == 1 and client.subscribed == ["Drafts"]


def test_a_server_refusal_is_one_clear_error_and_nothing_else_changes():
    client = FakeImap(folders=("INBOX", "Drafts"), fail_append=OSError("connection reset by peer"))
    with pytest.raises(DeliveryError, match="could not append the draft to Drafts: OSError: connection reset"):
        append_to_drafts(client, "Drafts", a_draft(), WHEN)
    assert client.folders["Drafts"] == []


def test_an_empty_draft_is_refused():
    with pytest.raises(DeliveryError, match="non-empty"):
        append_to_drafts(FakeImap(folders=("Drafts",)), "Drafts", b"", WHEN)


def test_a_server_without_appenduid_still_takes_the_draft():
    class NoUidPlus(FakeImap):
        def append(self, folder, msg, flags=(), msg_time=None):
            super().append(folder, msg, flags, msg_time)
            return b"APPEND completed"

    client = NoUidPlus(folders=("Drafts",))
    result = append_to_drafts(client, "Drafts", a_draft(), WHEN)
    assert result.uid is None and len(client.folders["Drafts"]) == 1
