"""Import coded interviews from the tools researchers already use (issues 7 and 14).

    run_import(project_root, file, into=None, code_map=None, participant_map=None,
               add_themes=True, settings=None) -> ImportReport

Formats: REFI-QDA projects (.qdpx, .qde) and codebooks (.qdc), Taguette projects (.sqlite3),
highlight and codebook exports (CSV/XLSX), QualCoder coding reports, and any coded
spreadsheet through a column map. Modules: sniff (which format) -> readers -> refi /
taguette / qualcoder / spreadsheet (coded segments) -> rows (code map, value maps, ids)
-> output (write or update the CSV) -> codebook (the codebook follows). :mod:`.api` is the
small surface the studio's Import screen uses; safety guards every untrusted byte.
"""
from __future__ import annotations

from .report import ImportReport, mask
from .run import run_import

__all__ = ["ImportReport", "mask", "run_import"]
