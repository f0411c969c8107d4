"""Anonymisation that fails closed.

Layered detection (register, structured identifiers, organisation patterns, gazetteers,
then default deny for every capitalised word and number left over), consistent
replacement, a private log, and the publish gate that scans everything written.

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
is an ordinary word is only matched when capitalised ("hope" is the word); numbers spoken
as words ("oh seven seven double oh ...") are not recognised; the gate reads media
metadata and subtitle tracks but not text burned into frames, nor PDFs or fonts.
"""
from .anonymiser import Anonymiser
from .gate import GateHit, scan_tree
from .log import LogEntry, entries_for, read_log, write_log
from .mask import mask
from .problems import flag_problems, gate_problems
from .register import register_from_mapping

__all__ = ["Anonymiser", "GateHit", "LogEntry", "entries_for", "flag_problems", "gate_problems", "mask", "read_log",
           "register_from_mapping", "scan_tree", "write_log"]
