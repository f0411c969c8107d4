"""The words a video says of itself (title card, end card, credits, chapters) in the story's language.

Resolved with the theme, before anything renders (the slide plan and ``check`` use them too).

A theme's ``labels:`` are written in one language (``labels.lang``, English unless the theme
says otherwise) and win for stories in that language. A story in another language takes each
label from the message catalogues the web pages use (``templates/web/locale/``, see
:mod:`storymaker.i18n`): the translation of storymaker's own wording below, whatever the
theme wrote instead; a label the theme leaves empty stays empty in every language, so the
cards keep their shape. The number of interviews and the reader ("a synthetic voice") come
from the same catalogues.
"""
from __future__ import annotations

import dataclasses

from ..bundled import default_templates
from ..i18n import Language, N_, language
from .settings import Labels

STOCK = Labels(
    told_by=N_("Told by {narrator}"),
    composite=N_("A composite story"),
    end_heading=N_("About this story"),
    short_disclosure=N_("A composite story from {n} interviews, with a fictional narrator, read by {reader}."),
    voice="{voice}",
    music=N_("Music: {licence}"),
)
# ISO 639-2/T codes for the MP4's audio and caption tracks ("und" for a language not listed)
ISO_639_2 = {"en": "eng", "cy": "cym", "ga": "gle", "gd": "gla", "kw": "cor", "fr": "fra", "de": "deu", "es": "spa",
             "pl": "pol", "pa": "pan", "ur": "urd", "bn": "ben", "ar": "ara", "so": "som", "ro": "ron"}


def _primary(tag: str) -> str:
    return tag.replace("_", "-").split("-")[0].lower()


def told_in(tag: str, words: Language | None = None) -> Language:
    """``words`` if given (the project's catalogue, resolved before rendering), else storymaker's own for ``tag``."""
    return words or language(default_templates("web"), tag)


def card_labels(labels: Labels, words: Language) -> Labels:
    """The theme's labels for a story told in ``words``: its own where they are in that language."""
    if _primary(labels.lang) == _primary(words.tag):
        return labels
    said = {f.name: words.gettext(getattr(STOCK, f.name)) if getattr(labels, f.name) else ""
            for f in dataclasses.fields(Labels) if f.name != "lang"}
    return Labels(**said, lang=words.tag)


def interviews(words: Language, n: int) -> str:
    """``n`` as the word the short disclosure puts before "interviews" (digits above twelve)."""
    spelt = (words.pgettext("interviews", "no"), words.pgettext("interviews", "one"),
             words.pgettext("interviews", "two"), words.pgettext("interviews", "three"),
             words.pgettext("interviews", "four"), words.pgettext("interviews", "five"),
             words.pgettext("interviews", "six"), words.pgettext("interviews", "seven"),
             words.pgettext("interviews", "eight"), words.pgettext("interviews", "nine"),
             words.pgettext("interviews", "ten"), words.pgettext("interviews", "eleven"),
             words.pgettext("interviews", "twelve"))
    return spelt[n] if 0 <= n < len(spelt) else str(n)


def reader(words: Language, voice_credit: str) -> str:
    """Who reads the story aloud, from its (English) voice credit."""
    if voice_credit.startswith("Narrated by a voice artist"):
        return words.gettext("a voice artist")
    return words.gettext("a synthetic voice")


def part(words: Language, n: int) -> str:
    """A chapter's title when its beat has no heading."""
    return words.gettext("Part %(num)d", num=n)


def track_language(tag: str) -> str:
    """The MP4's language code for the audio and captions (``cy`` -> ``cym``)."""
    return ISO_639_2.get(_primary(tag), "und")

