"""A Taguette project database (``.sqlite3``, Taguette's own schema) read directly.

Tables read (as Taguette's ``database/models.py`` defines them): ``documents`` (name),
``highlights`` (document_id, start_offset, snippet: HTML), ``tags`` (path, description) and
``highlight_tags``. The database is opened in memory from the file's bytes, never written.
Snippets become plain text with nh3 (all tags stripped, paragraph breaks kept as spaces);
tag paths are split at their dots as Taguette does, and tag descriptions feed the codebook.
"""
from __future__ import annotations

import html
import re
import sqlite3
from collections import defaultdict

import nh3

from .rows import CodedSegment
from .participants import Participants
from .report import ImportReport
from .safety import fail
from .taguette import Highlight, highlight_segments
from .tags import nfc

_BREAK = re.compile(r"</(?:p|div|li|h[1-6]|blockquote|tr)>|<br\s*/?>", re.IGNORECASE)
QUERY = """select h.id, d.name, h.snippet from highlights h join documents d on d.id = h.document_id
           order by h.document_id, h.start_offset, h.id"""


def plain(snippet: str) -> str:
    return html.unescape(nh3.clean(_BREAK.sub("\n", snippet or ""), tags=set()))


def read_taguette_db(data: bytes, label: str, participants: Participants, report: ImportReport) -> list[CodedSegment]:
    con = sqlite3.connect(":memory:")
    try:
        con.deserialize(data)
        highlights = con.execute(QUERY).fetchall()
        tags = con.execute("select t.id, t.path, t.description from tags t").fetchall()
        links = con.execute("select highlight_id, tag_id from highlight_tags").fetchall()
    except sqlite3.Error as exc:
        raise fail(label, 0, f"an SQLite file that is not a Taguette project ({exc}); export highlights from Taguette "
                   "as CSV or open the project's .sqlite3 file") from None
    finally:
        con.close()
    paths = {tag_id: nfc(path) for tag_id, path, _ in tags}
    for _, path, description in tags:
        if nfc(description or ""):
            report.descriptions.setdefault(tuple(p for p in nfc(path).split(".") if p), nfc(description))
    tagged = defaultdict(list)
    for highlight_id, tag_id in links:
        if tag_id in paths:
            tagged[highlight_id].append(paths[tag_id])
    items = [Highlight(str(i), nfc(name), plain(snippet), tuple(tagged.get(i, [])), f"highlight {i}") for i, name, snippet in highlights]
    report.counts["sources"] = len({h.document for h in items})
    return highlight_segments(items, participants, report)
