"""Anonymisation that fails closed.

Layered detection (a registry of recognizers in :mod:`.recognizers`: register, web addresses
and handles, structured identifiers, holiday dates, place-noun numbers, organisation
patterns, gazetteers, names that are words, quasi-identifiers, other scripts, then default
deny for every capitalised word and number left over; number words are read as digits first),
consistent replacement, a private log, and the publish gate that scans everything written.

    from storymaker.anonymise import Anonymiser, mask, scan_tree, write_log, LogEntry

Use one Anonymiser per build for excerpts and composed text alike: it remembers its own
pseudonyms, so re-checking composed text does not flag or re-replace them. A fictional
narrator's own text goes through ``anon.anonymise(text, persona=True)``: first names known
only from the gazetteer ("Sam, who answers a council helpline") stay, are not flagged and are
not needles for the gate; registered names and structured identifiers are still replaced.

Replacements are fitted to their sentence: pseudonyms are given names used for anyone, so
they never clash with "she" or "he"; a phone number or email after "on"/"at" or in
apposition is dropped with those words ("ring us on ... today" -> "ring us today"); an
identifier listed under ``other`` is replaced like the identifier it is.

Known limits (each fails towards a flag or the gate where it can): a registered name that
is an ordinary word is matched in lower case only where the words around it say it is the
name ("me and hope went", "hope's mum", "will said"), so "with hope" stays the word; a
quasi-identifier is only found in the phrase shapes of :mod:`.recognizers.quasi`; the gate
reads media metadata and subtitle tracks but not text burned into frames, nor PDFs or fonts.
"""
from .anonymiser import Anonymiser
from .gate import GateHit, scan_tree
from .log import LogEntry, entries_for, read_log, write_log
from .mask import mask
from .problems import flag_problems, gate_problems

__all__ = ["Anonymiser", "GateHit", "LogEntry", "entries_for", "flag_problems", "gate_problems", "mask", "read_log",
           "scan_tree", "write_log"]
