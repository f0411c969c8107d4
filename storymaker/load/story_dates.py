"""The web fields of a story spec: ``lang:``, ``published:``/``updated:`` dates, ``discuss:`` prompts.

Dates are ISO calendar dates (``2026-03-14``). A story without ``published:``
takes, so that builds stay byte-identical for the same inputs and never read
the clock, the date of ``SOURCE_DATE_EPOCH`` when it is set (the reproducible
builds convention), otherwise the date (UTC) the spec file was last modified.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Callable

LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def read_date(value: object, key: str, problem: Callable[[str], None]) -> str:
    """An ISO date from YAML (a date, or text ``YYYY-MM-DD``); ``""`` when absent."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        problem(f"story: '{key}' must be a date such as 2026-03-14, not {value!r}")
        return ""


def fallback_date(path: Path) -> str:
    """``SOURCE_DATE_EPOCH``'s date when set, else the spec file's modification date (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(epoch) if epoch.isdigit() else int(path.stat().st_mtime)
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date().isoformat()


def read_lang(value: object, problem: Callable[[str], None]) -> str:
    """A BCP 47 language tag such as ``cy`` or ``en-GB``; ``""``: the project's language."""
    if value is None or value == "":
        return ""
    text = str(value).strip()
    if not LANG.match(text):
        problem(f"story: 'lang' must be a language tag such as cy or en-GB, not {value!r}")
        return ""
    return text


def read_prompts(value: object, problem: Callable[[str], None], what: str) -> tuple[str, ...]:
    """Discussion prompts: one text or a list of texts."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, (str, int, float)) for i in items):
        problem(f"{what}: 'discuss' must be a question or a list of questions")
        return ()
    return tuple(str(i).strip() for i in items if str(i).strip())
