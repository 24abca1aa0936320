"""Mail intake: every message of the office's mailboxes and mail files recorded exactly once, letters read.

- ``documents``: the text of a PDF / DOCX / text / e-mail (``read_file``, ``read_attachment``), parsed in isolation.
- ``isolate``: worker processes with time and memory limits for untrusted parsing.
- ``mailparse``: one message's bytes -> headers, body text, attachments (mail-parser; the standard library behind).
- ``imap``: the one module that talks IMAP (``Mailbox``: select, new UIDs, sizes, BODY.PEEK fetch, keyword / move /
  \\Seen, append, \\Drafts lookup).
- ``pipeline``: ``Intake`` — analysis in the workers, recording in one transaction per message (``tracker.db.mail``).
- ``sources``: ``poll_mailbox`` (IMAP, under a per-mailbox lock) and ``file_messages`` (.eml, Maildir, mbox).
"""
