"""The unit registry: departments, wards and their names, aliases, addresses, lifetimes and successors.

Loaded from data (``data/units-quan11.toml`` by default). Matching a name as a letter writes it ("P.QLĐT",
"UBND P.5", "Phòng Quản lý Đô thị quận") ignores case, tone-mark placement, punctuation, and the usual
abbreviations ("Ủy ban nhân dân" / "UBND", "Phường" / "P.").
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable

from nlp.textnorm import modern_tones

DEFAULT_UNITS = Path(__file__).with_name("data") / "units-quan11.toml"

_EXPANSIONS = (
    (re.compile(r"\bủy ban nhân dân\b"), "ubnd"),
    (re.compile(r"\bhội đồng nhân dân\b"), "hđnd"),
    (re.compile(r"\bphường\b"), "p"),
    (re.compile(r"\bquận\b"), "q"),
    (re.compile(r"\bthành phố\b"), "tp"),
    (re.compile(r"\bphòng\b"), "p"),
    (re.compile(r"&"), " và "),
    (re.compile(r"\bvà\b"), " "),
)


def name_key(text: str) -> str:
    """A matching key for a unit name: lower case, one tone placement, abbreviations folded, punctuation gone."""
    text = modern_tones(unicodedata.normalize("NFC", text).lower())
    for pattern, repl in _EXPANSIONS:
        text = pattern.sub(repl, text)
    text = re.sub(r"[^\w]+", " ", text)
    text = re.sub(r"(?<=[a-zđ])(?=\d)|(?<=\d)(?=[a-zđ])", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    short: str
    kind: str  # district | department | ward | chairman | city
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None
    successors: tuple[str, ...] = ()

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


class UnitRegistry:
    def __init__(self, units: Iterable[Unit], *, name: str = "") -> None:
        self.name = name
        self.units: dict[str, Unit] = {}
        for unit in units:
            if unit.id in self.units:
                raise ValueError(f"unit registry: duplicate id {unit.id}")
            self.units[unit.id] = unit
        for unit in self.units.values():
            for other in unit.successors + ((unit.parent,) if unit.parent else ()):
                if other not in self.units:
                    raise ValueError(f"unit registry: {unit.id} refers to unknown unit {other}")
        self._keys: dict[str, list[str]] = {}
        for unit in self.units.values():
            for text in (unit.name, *unit.aliases):
                ids = self._keys.setdefault(name_key(text), [])
                if unit.id not in ids:
                    ids.append(unit.id)
        # Longest first, so "p 15" wins over "p 1" and "p qlđt" over "p".
        self._by_length = sorted(self._keys, key=len, reverse=True)
        self._emails = {e.lower(): u.id for u in self.units.values() for e in u.emails}

    @classmethod
    def load(cls, path: Path | str = DEFAULT_UNITS) -> "UnitRegistry":
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        units = []
        for item in data.get("unit", []):
            units.append(Unit(
                id=item["id"],
                name=unicodedata.normalize("NFC", item["name"]),
                short=item.get("short", ""),
                kind=item.get("kind", "department"),
                parent=item.get("parent"),
                aliases=tuple(unicodedata.normalize("NFC", a) for a in item.get("aliases", ())),
                emails=tuple(item.get("emails", ())),
                valid_from=item.get("valid_from"),
                valid_to=item.get("valid_to"),
                successors=tuple(item.get("successors", ())),
            ))
        return cls(units, name=data.get("registry", {}).get("name", ""))

    def __getitem__(self, unit_id: str) -> Unit:
        return self.units[unit_id]

    def __iter__(self):
        return iter(self.units.values())

    def get(self, unit_id: str | None) -> Unit | None:
        return self.units.get(unit_id) if unit_id else None

    def resolve(self, text: str, on: date | None = None) -> Unit | None:
        """The unit a name as written refers to, or None. ``on`` prefers units that existed that day."""
        if not text or len(text) > 300:
            return None
        key = name_key(text)
        ids = self._keys.get(key)
        if not ids:
            padded = f" {key} "
            for candidate in self._by_length:
                if len(candidate) >= 3 and f" {candidate} " in padded:
                    ids = self._keys[candidate]
                    break
        if not ids:
            return None
        units = [self.units[i] for i in ids]
        if on is not None:
            valid = [u for u in units if u.valid_on(on)]
            units = valid or units
        return units[0]

    def resolve_letterhead(self, text: str, on: date | None = None) -> Unit | None:
        """The issuing body of a letterhead written "PARENT - BODY" (NĐ 30: the parent body above the issuing one).
        Shorter tails are tried first, so "UBND QUẬN 11 - PHÒNG TÀI CHÍNH - KẾ HOẠCH" gives the department."""
        if not text:
            return None
        parts = text.split(" - ")
        for i in range(len(parts) - 1, -1, -1):
            unit = self.resolve(" - ".join(parts[i:]), on)
            if unit is not None:
                return unit
        return None

    def by_email(self, address: str) -> Unit | None:
        return self.get(self._emails.get(address.strip().lower()))

    def current(self, unit_id: str, on: date) -> list[Unit]:
        """The units doing ``unit_id``'s work on ``on``: itself while valid, else its successors (transitively)."""
        unit = self.units[unit_id]
        if unit.valid_on(on) or not unit.successors:
            return [unit]
        out: list[Unit] = []
        for succ in unit.successors:
            for u in self.current(succ, on):
                if u not in out:
                    out.append(u)
        return out

    def same_or_successor(self, owing_id: str, answering_id: str, on: date) -> bool:
        """True when ``answering_id`` may answer for ``owing_id`` on ``on`` (itself, or a successor by then)."""
        if owing_id == answering_id:
            return True
        return any(u.id == answering_id for u in self.current(owing_id, on))
