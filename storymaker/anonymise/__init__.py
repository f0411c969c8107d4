"""Anonymisation that fails closed.

Layered detection (register, structured identifiers, organisation patterns, gazetteers,
then default deny for every capitalised word and number left over), consistent
replacement, a private log, and the publish gate that scans everything written.

    from storymaker.anonymise import Anonymiser, mask, scan_tree, write_log, LogEntry
"""
from .anonymiser import Anonymiser
from .gate import GateHit, scan_tree
from .log import LogEntry, entries_for, read_log, write_log
from .mask import mask
from .register import register_from_mapping

__all__ = ["Anonymiser", "GateHit", "LogEntry", "entries_for", "mask", "read_log", "register_from_mapping", "scan_tree", "write_log"]
