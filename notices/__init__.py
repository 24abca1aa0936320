"""Drafts a clerk receives: notices rendered from Jinja2 templates, laid out per NĐ 30/2020, wrapped as e-mail and
appended to the clerk's Drafts folder.

Values are computed by the caller (due dates, working days left, tallies); this package only formats them.
Nothing here reads the clock, the database or the network, apart from ``delivery`` which talks to an IMAP client
object handed in.
"""
