"""What the extractor found in one letter, and its JSON form (../shared/eval/extraction.schema.json plus extras)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SCHEMA_KEYS = ("doc_number", "doc_type", "issuer", "place", "issue_date", "subject", "urgency", "lead_units",
               "cooperating_units", "deadlines", "meeting", "replies_to")


@dataclass
class Extraction:
    doc_number: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    issuer_unit_id: str | None = None
    place: str | None = None
    issue_date: date | None = None
    subject: str | None = None
    urgency: str | None = None
    secrecy: str | None = None
    lead_units: list[str] = field(default_factory=list)
    lead_unit_ids: list[str | None] = field(default_factory=list)
    cooperating_units: list[str] = field(default_factory=list)
    cooperating_unit_ids: list[str | None] = field(default_factory=list)
    deadlines: list[dict] = field(default_factory=list)
    meeting: dict | None = None
    replies_to: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    recipient_unit_ids: list[str | None] = field(default_factory=list)
    confidence: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, list[list[int]]] = field(default_factory=dict)
    warning: str | None = None
    review: list = field(default_factory=list)  # nlp.confidence.Doubt: fields a clerk must check, and why

    def to_json(self, source: str) -> dict:
        return {
            "source": source,
            "doc_number": self.doc_number,
            "doc_type": self.doc_type,
            "issuer": self.issuer,
            "place": self.place,
            "issue_date": self.issue_date.isoformat() if self.issue_date else None,
            "subject": self.subject,
            "urgency": self.urgency,
            "lead_units": list(self.lead_units),
            "cooperating_units": list(self.cooperating_units),
            "deadlines": [dict(d) for d in self.deadlines],
            "meeting": dict(self.meeting) if self.meeting else None,
            "replies_to": list(self.replies_to),
            "secrecy": self.secrecy,
            "issuer_unit_id": self.issuer_unit_id,
            "lead_unit_ids": list(self.lead_unit_ids),
            "cooperating_unit_ids": list(self.cooperating_unit_ids),
            "recipients": list(self.recipients),
            "recipient_unit_ids": list(self.recipient_unit_ids),
            "confidence": dict(self.confidence),
            "evidence": {k: [list(s) for s in v] for k, v in self.evidence.items()},
            "review": [d.to_json() for d in self.review],
        }


def empty_json(source: str) -> dict:
    return Extraction().to_json(source)
