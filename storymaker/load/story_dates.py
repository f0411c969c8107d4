"""The web fields of a story spec: ``lang:``, ``published:``/``updated:`` dates, ``discuss:`` prompts.

Dates are ISO calendar dates (``2026-03-14``). A story without ``published:``
takes, so that builds stay byte-identical for the same inputs and never read
the clock, the date of ``SOURCE_DATE_EPOCH`` when it is set (the reproducible
builds convention), otherwise the date (UTC) the spec file was last modified.
"""
from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from pathlib import Path
from typing import Callable

LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
EPOCH_EXAMPLE = "1767225600"  # 2026-01-01


def read_date(value: object, key: str, problem: Callable[[str], None]) -> str:
    """An ISO date from YAML (text ``YYYY-MM-DD``: the loader keeps dates as text); ``""`` when absent."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.date):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    text = str(value).strip()
    match = ISO_DAY.match(text)
    if not match:
        problem(f"'{key}' must be a date such as 2026-03-14, not {text[:40]!r}")
        return ""
    year, month, day = map(int, match.groups())
    if not 1 <= month <= 12:
        problem(f"'{key}' {text} is not a real date (there is no month {month}): correct it")
        return ""
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        problem(f"'{key}' {text} is not a real date ({calendar.month_name[month]} has {days} days in {year}): correct it")
        return ""
    return dt.date(year, month, day).isoformat()


def epoch_problem() -> str:
    """Why ``SOURCE_DATE_EPOCH`` cannot give a date, or ``""`` (unset, or a whole number of seconds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch or (epoch.isdigit() and int(epoch) < 253402300800):  # before the year 10000
        return ""
    return (f"has no 'published' date and SOURCE_DATE_EPOCH ({epoch[:20]!r}) is not a number of seconds since "
            f"1970 to take one from: add published: YYYY-MM-DD, or set SOURCE_DATE_EPOCH to e.g. {EPOCH_EXAMPLE}")


def fallback_date(path: Path) -> str:
    """``SOURCE_DATE_EPOCH``'s date when set (see :func:`epoch_problem`), else the spec file's
    modification date (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(epoch) if epoch.isdigit() and not epoch_problem() else int(path.stat().st_mtime)
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date().isoformat()


def fallback_source() -> str:
    """Where a story without ``published:`` takes its date from, in words."""
    return "SOURCE_DATE_EPOCH's date" if os.environ.get("SOURCE_DATE_EPOCH", "").strip() and not epoch_problem() else "the file's date"


def future_warning(spec_source: str, line: int, key: str, value: str) -> str:
    """A warning for a date after today (the clock is read for this warning only, never for output)."""
    if not value or value <= dt.datetime.now(dt.timezone.utc).date().isoformat():
        return ""
    return f"{spec_source}:{line}: '{key}' {value} is in the future: is that intended? (a typo such as 2062 for 2026?)"


LANGUAGE_NAMES = {"welsh": "cy", "cymraeg": "cy", "english": "en-GB", "british": "en-GB", "saesneg": "en-GB",
                  "gaelic": "gd", "irish": "ga", "cornish": "kw", "french": "fr", "german": "de", "spanish": "es",
                  "polish": "pl", "urdu": "ur", "punjabi": "pa", "arabic": "ar", "bengali": "bn", "somali": "so"}


def tag_case(text: str) -> str:
    """BCP 47's usual case (tags are case-insensitive): ``CY`` -> ``cy``, ``en-gb`` -> ``en-GB``."""
    first, *rest = text.split("-")
    fix = lambda p: p.upper() if len(p) == 2 or (len(p) == 3 and p.isdigit()) else p.title() if len(p) == 4 else p.lower()
    return "-".join([first.lower(), *map(fix, rest)])


def lang_problem(text: str, key: str = "lang") -> str:
    """Why ``text`` is not a language tag, with the tag meant where it can tell; ``""`` for a tag."""
    if LANG.match(tag_case(text)):
        return ""
    meant = LANGUAGE_NAMES.get(text.casefold()) or (tag_case(text.replace("_", "-")) if "_" in text else "")
    hint = f" (did you mean {meant}?)" if meant and LANG.match(meant) else ""
    return f"'{key}' must be a language tag such as cy or en-GB, not {text[:40]!r}{hint}"


def read_lang(value: object, problem: Callable[[str], None]) -> str:
    """A BCP 47 language tag such as ``cy`` or ``en-GB`` (any case); ``""``: the project's language."""
    if value is None or value == "":
        return ""
    text = str(value).strip()
    if why := lang_problem(text):
        problem(why)
        return ""
    return tag_case(text)


def read_prompts(value: object, problem: Callable[[str], None], what: str) -> tuple[str, ...]:
    """Discussion prompts: one text or a list of texts."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, (str, int, float)) for i in items):
        problem(f"{what}: 'discuss' must be a question or a list of questions")
        return ()
    return tuple(str(i).strip() for i in items if str(i).strip())
