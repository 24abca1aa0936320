"""Drafts a clerk receives: notices rendered from Jinja2 templates, laid out per NĐ 30/2020, wrapped as e-mail and
appended to the clerk's Drafts folder.

Values are computed by the caller (due dates, working days left, tallies); this package only formats them.
Nothing here reads the clock, the database or the network, apart from ``delivery`` which talks to an IMAP client
object handed in.

Public API:
- ``notices.model``: the contexts (ReminderContext, InternalReminderContext, DeemedAgreedContext, EscalationContext,
  ProgressContext, DigestContext, ReportContext) and their parts (Body, Signer, LetterRef, Citation, LateItem,
  Consultation, DigestItem, Tally, CounterpartRow), ``citations_for(pack, rule)``, ``parse_period("2026-H2")``.
- ``notices.render.render(kind, context, *, docx=True) -> Rendered(kind, subject, text, html, docx, filename,
  chart_png)``; ``RenderError``.
- ``notices.mime.build_message(rendered, *, from_addr, to_addrs, date, message_id_domain, attach_docx=True,
  cc_addrs=()) -> bytes``; ``MessageError``.
- ``notices.delivery.append_to_drafts(client, folder, raw, when) -> Appended(folder, uid, uidvalidity)``,
  ``drafts_folder(client, configured)``; ``DeliveryError``; ``ApprovedSender`` (the SMTP interface, not
  implemented here).
"""
