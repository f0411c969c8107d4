"""Import coded interviews from the tools researchers already use (issue 7).

    run_import(project_root, file, into=None, code_map=None, participant_map=None) -> ImportReport

Formats: REFI-QDA projects (.qdpx) and codebooks (.qdc), Taguette highlight exports
(CSV/XLSX), and any coded spreadsheet (CSV/XLSX) through a column map. Modules:
detect (which format) -> refi / taguette / spreadsheet (coded segments) -> excerpts
(code map, ids) -> output (write CSV safely); safety guards every untrusted byte.
"""
from __future__ import annotations

from .report import ImportReport, mask
from .run import run_import

__all__ = ["ImportReport", "mask", "run_import"]
