"""The story's language: gettext catalogues read with Babel, for every stage that words things.

Every string storymaker says besides the story itself (the web pages' headings, key,
navigation, share links and dates; the composite disclosure; a video's title and end cards)
is marked for translation (``{% trans %}`` or ``_()`` in the templates, ``N_()`` in Python)
and translated from ``templates/web/locale/<lang>/LC_MESSAGES/messages.po`` (the project's
own ``templates/web/`` first). The web renderer, compose and the video's labels
(:mod:`storymaker.assets.labels`) all read them through this module, which depends on no
stage. The ``.po`` files are read directly (no compile step), so an editor can change a
wording in any language and rebuild. ``messages.pot`` beside them is the template,
extracted with ``pybabel extract -F babel.cfg``. A language with no catalogue falls back
to the English wording in the templates.
"""
from __future__ import annotations

import datetime as dt
import io
import re
from string import Formatter
from textwrap import shorten
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date
from babel.messages.catalog import Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import NullTranslations, Translations

from .bundled import templates_dir
from .errors import InputError
from .model import Problem


def N_(message: str) -> str:
    """Marks a message for ``pybabel extract`` where it is translated later."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a singular and plural pair (``keywords = Nn_:1,2`` in babel.cfg) translated later with ``ngettext``."""
    return singular, plural


def locale_of(lang: str) -> Locale:
    """A Babel locale for a BCP 47 tag (``cy``, ``en-GB``); English when Babel does not know it."""
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en_GB")


def og_locale(tag: str) -> str:
    """Open Graph's ``language_TERRITORY`` for a BCP 47 tag: ``cy`` -> ``cy_GB``, ``en-gb`` -> ``en_GB``."""
    parts = tag.replace("_", "-").split("-")
    if len(parts) > 1 and len(parts[-1]) == 2:
        return f"{parts[0].lower()}_{parts[-1].upper()}"
    likely = get_global("likely_subtags").get(parts[0].lower(), "")
    territory = likely.split("_")[-1] if likely.count("_") else ""
    return f"{parts[0].lower()}_{territory}" if len(territory) == 2 else parts[0].lower()


def catalogue_path(templates_dir: Path, lang: str) -> Path | None:
    """``locale/cy_GB/...`` then ``locale/cy/...``; ``None`` when neither exists."""
    tag = lang.replace("-", "_")
    for name in (tag, tag.split("_")[0]):
        path = Path(templates_dir) / "locale" / name / "LC_MESSAGES" / "messages.po"
        if path.is_file():
            return path
    return None


@lru_cache(maxsize=32)
def _load(path: Path, stamp: float) -> Translations:
    try:
        with path.open("rb") as fh:
            catalog = read_po(fh, abort_invalid=True)
    except (PoFileError, ValueError, UnicodeError, OSError) as exc:
        raise InputError(Problem(str(path), getattr(exc, "lineno", 0),
                                 f"message catalogue cannot be read ({exc}): save it as UTF-8 gettext .po, "
                                 "or restore it from storymaker's templates/web/locale/")) from exc
    unclosed = _unclosed(path)
    if unclosed:
        raise InputError(Problem(str(path), unclosed, 'this string is not closed with " (Babel would drop its last '
                                 'letter): end the line with a double quote'))
    for message, errors in [*catalog.check(), *_brace_errors(catalog)]:  # placeholders not the English ones
        english = shorten(message.id if isinstance(message.id, str) else message.id[0], 60, placeholder=" ...")
        raise InputError(Problem(str(path), message.lineno, f"the translation of \"{english}\" has {errors[0]}: "
                                 "keep the English's %(name)s or {name} placeholders as they are, or empty the msgstr"))
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


_QUOTED = re.compile(r'(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*"(?:[^"\\]|\\.)*"')


def _unclosed(path: Path) -> int:
    """The first line of a string that does not end with its closing quote (0 for none)."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if line.startswith(("msg", '"')) and not _QUOTED.fullmatch(line):
            return n
    return 0


def _brace_errors(catalog) -> list[tuple[Message, list[str]]]:
    """Translations of ``{name}`` messages (the video theme's labels) with a field the English lacks, or a stray brace."""
    out = []
    for message in catalog:
        if "python-brace-format" not in message.flags or not isinstance(message.string, str) or not message.string:
            continue
        try:
            names = {field for _, field, _, _ in Formatter().parse(message.string) if field is not None}
        except ValueError as exc:
            out.append((message, [f"a stray brace ({exc})"]))
            continue
        extra = names - set(re.findall(r"\{(\w*)\}", message.id))
        if extra:
            out.append((message, [f"the placeholder {{{sorted(extra)[0]}}}, which the English does not have"]))
    return out


def translations(templates_dir: Path, lang: str) -> NullTranslations:
    """The catalogue for ``lang`` (English wording when there is none)."""
    path = catalogue_path(templates_dir, lang)
    return _load(path, path.stat().st_mtime) if path else NullTranslations()


@dataclass(frozen=True)
class Language:
    """What the renderer needs to speak one language: gettext, names, dates."""

    tag: str
    t: NullTranslations

    def gettext(self, message: str, **values) -> str:
        return self.t.gettext(message) % values if values else self.t.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int, **values) -> str:
        return self.t.ngettext(singular, plural, n) % dict(values, num=n)

    def pgettext(self, context: str, message: str) -> str:
        return self.t.pgettext(context, message)

    @property
    def catalogued(self) -> bool:
        """Whether a catalogue speaks this language (else the wording is the templates' English)."""
        return isinstance(self.t, Translations)

    @property
    def name(self) -> str:
        """The language's own name (``Cymraeg``, ``English``)."""
        locale = locale_of(self.tag)
        return (locale.get_display_name(locale) or self.tag).split(" (")[0]

    def date(self, iso: str) -> str:
        """``2026-03-14`` -> ``14 March 2026`` / ``14 Mawrth 2026``."""
        return format_date(dt.date.fromisoformat(iso), format="long", locale=locale_of(self.tag)) if iso else ""


def language(templates_dir: Path, tag: str) -> Language:
    return Language(tag, translations(templates_dir, tag))


def wording(root: Path, tag: str) -> Language:
    """The catalogue a story in ``tag`` is told in: the project's ``templates/web/`` first, else storymaker's."""
    return language(templates_dir(Path(root), "web"), tag)
