"""The recognizer registry: detection is these layers, run from the highest priority down.

Adding a recognizer is one new file in this folder (a class with ``name``, ``priority`` and
``find(ctx) -> list[Hit]``; see :mod:`.base`) and one line in :data:`REGISTRY`.
"""
from __future__ import annotations

from .base import FLAG_KINDS, NAME_CONTEXT, Context, Recognizer, Tables
from .deny import DefaultDenyRecognizer
from .gazetteer import GazetteerRecognizer
from .orgs import OrganisationRecognizer
from .places_numbers import PlaceNumberRecognizer
from .register import RegisterRecognizer
from .structured import StructuredRecognizer

REGISTRY: tuple[type, ...] = (
    RegisterRecognizer,  # 100: registered people, places, organisations, other; allowed phrases claimed
    StructuredRecognizer,  # 90: email, phone, NHS, NI, postcode, address, date, time, age
    PlaceNumberRecognizer,  # 85: "bed 9", "flat nine", "at number 14"
    OrganisationRecognizer,  # 80: "<Name> Surgery", "oakwood surgery"
    GazetteerRecognizer,  # 50: UK first names, surnames, towns, counties; surname after a title
    DefaultDenyRecognizer,  # 0: every capitalised word or number left over is flagged
)

__all__ = ["FLAG_KINDS", "NAME_CONTEXT", "REGISTRY", "Context", "Recognizer", "Tables"]
