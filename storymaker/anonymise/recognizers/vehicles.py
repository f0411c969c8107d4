"""Layer: vehicle registrations ("SV19 KXR", "sv19kxr", "M123 ABC", "ABC 123D"). A number plate
names one van or car, so it is replaced whole (the postcode-district pattern would otherwise
take "SV19" and leave "KXR"); it is dropped from the sentence, with the commas of an apposition
("drove my van, SV19 KXR, round the island" -> "drove my van, round the island")."""
from __future__ import annotations

import re

from ..hits import Hit
from ..windows import DIGITS
from .base import Context, Tables

# current (2001-): two letters, two digits, three letters, in any case; older forms in capitals only
PLATE = re.compile(r"\b(?i:[a-z]{2}\d{2}[ \t]?[a-z]{3})\b|\b[A-Z]\d{1,3}[ \t]?[A-Z]{3}\b|\b[A-Z]{3}[ \t]?\d{1,3}[A-Z]\b")
_AFTER_VEHICLE = re.compile(r"\b(?:van|car|lorry|bus|truck|motorbike|bike|taxi|cab|vehicle|minibus|reg|registration|"
                            r"plate|plates)[ \t]+$", re.I)


class VehicleRecognizer:
    name = "vehicle registrations"
    priority = 89

    def __init__(self, tables: Tables) -> None:
        self.t = tables

    def find(self, ctx: Context) -> list[Hit]:
        text = ctx.text
        if not any(_beside_a_letter(text, m.start(), m.end()) for m in DIGITS.finditer(text)):
            return []  # every plate has a letter right before or after a digit ("SV19", "123D")
        return [Hit(m.start(), m.end(), "vehicle", "structured", "vehicle registration",
                    f"vehicle:{m.group().lower().replace(' ', '')}", _replacement(text, m.start()))
                for m in PLATE.finditer(text)]


def _beside_a_letter(text: str, start: int, end: int) -> bool:
    return (start > 0 and text[start - 1].isalpha()) or (end < len(text) and text[end].isalpha())


def _replacement(text: str, start: int) -> str:
    """Nothing after a vehicle or between commas ("my van SV19 KXR" -> "my van"); else "a number plate"."""
    before = text[max(0, start - 14):start]
    return "" if before.endswith(", ") or _AFTER_VEHICLE.search(before) else "a number plate"
