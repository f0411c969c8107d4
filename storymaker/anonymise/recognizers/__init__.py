"""The recognizer registry: detection is these layers, run from the highest priority down.

Adding a recognizer is one new file in this folder (a class with ``name``, ``priority`` and
``find(ctx) -> list[Hit]``; see :mod:`.base`) and one line in :data:`REGISTRY`.
"""
from __future__ import annotations

from .base import FLAG_KINDS, NAME_CONTEXT, Context, Recognizer, Tables
from .deny import DefaultDenyRecognizer
from .first_names import FirstNameWordRecognizer
from .gazetteer import GazetteerRecognizer
from .holidays import HolidayDateRecognizer
from .lower_names import LowerNameRecognizer
from .orgs import OrganisationRecognizer
from .places_numbers import PlaceNumberRecognizer
from .quasi import QuasiIdentifierRecognizer
from .register import RegisterRecognizer
from .script import ScriptRecognizer
from .spelt import SpeltRecognizer
from .structured import StructuredRecognizer
from .vehicles import VehicleRecognizer
from .web import WebRecognizer
from .word_names import WordNameRecognizer

REGISTRY: tuple[type, ...] = (
    RegisterRecognizer,  # 100: registered people, places, organisations, other; allowed phrases claimed
    SpeltRecognizer,  # 99: "C-O-L-E-R-A-I-N-E": a registered name spelt out, or one flag for a spelt word
    WebRecognizer,  # 95: web addresses, domains, @handles (unless the domain is allowed), each replaced whole
    StructuredRecognizer,  # 90: email, phone, NHS, NI, postcode, address, date, time, age
    VehicleRecognizer,  # 89: "SV19 KXR", "M123 ABC": a number plate, replaced whole
    HolidayDateRecognizer,  # 88: "the Friday before Whitsun 2019", "Easter 2020"
    PlaceNumberRecognizer,  # 85: "bed 9", "flat nine", "at number 14"
    OrganisationRecognizer,  # 80: "<Name> Surgery", "oakwood surgery"
    GazetteerRecognizer,  # 50: UK first names, surnames, towns, counties; surname after a title
    WordNameRecognizer,  # 30: "I asked June", "Autumn said": safe words used as names, flagged
    FirstNameWordRecognizer,  # 29: "Bill Farrow", "Grace sat", "me and hope went": names that are words, flagged
    LowerNameRecognizer,  # 28: "me and kezia went", "told morven about it": unknown lower-case names, flagged
    QuasiIdentifierRecognizer,  # 20: "the only ...", "the one whose ...", "my cousin who runs ...", single-holder roles
    ScriptRecognizer,  # 10: words in another script (Arabic, Devanagari ...): flagged
    DefaultDenyRecognizer,  # 0: every capitalised word or number left over is flagged
)

__all__ = ["FLAG_KINDS", "NAME_CONTEXT", "REGISTRY", "Context", "Recognizer", "Tables"]
