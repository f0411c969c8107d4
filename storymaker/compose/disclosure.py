"""The methods note every composed story carries, in the story's language.

It says the story is a composite drawn from N interviews, that the narrator is
fictional, that names and details were changed, that the words are the
participants' own apart from the marked linking text, and, for video, which
voice narrates it.

The wording is gettext: the English below is the msgid, and a story in another
language takes its translation from the same catalogue as the page furniture
(``templates/web/locale/<lang>/LC_MESSAGES/messages.po``, the project's own
``templates/web/`` first), so the page, the handout, the video description and
the script all say it in one language. A language with no catalogue keeps the
English.
"""
from __future__ import annotations

from babel.support import NullTranslations

from ..i18n import Language, N_, Nn_, wording
from ..model import VideoSpec

__all__ = ["RECORDED", "SYNTHETIC", "VOICE_ARTIST", "default_voice_credit", "disclosure", "wording"]

RECORDED = N_("Narrated by a recorded human voice reading the participants' words.")
SYNTHETIC = N_("Narrated by a synthetic voice.")
VOICE_ARTIST = N_("Narrated by a voice artist reading the participants' words.")  # render/video/voices.py says it

# Per audience: how many interviews (singular, plural), then what was made up and changed.
NOTES = {
    "staff": (Nn_("About this story: this is a composite narrative drawn from %(num)s interview.",
                  "About this story: this is a composite narrative drawn from %(num)s interviews."),
              N_("The narrator is fictional, and names and identifying details have been changed. The quoted "
                 "words are the participants' own; the linking text between them was written by the research "
                 "team and is marked as such.")),
    "community": (Nn_("About this story: it is a composite, made from %(num)s interview.",
                      "About this story: it is a composite, made from %(num)s interviews."),
                  N_("The person telling it is fictional: not a real person. We changed names and details so "
                     "nobody can be recognised. The words are what people told us, in their own words. We wrote "
                     "the linking text, and it is marked.")),
}


def default_voice_credit(video: VideoSpec) -> str:
    """A voice credit from the story's video settings, when the caller gave none."""
    return RECORDED if video.voice_engine == "recorded" else SYNTHETIC


def disclosure(contributors: int, audience: str, channel: str, voice_credit: str = "",
               words: Language | None = None) -> str:
    """The methods note for one story version, in the language of ``words`` (English without)."""
    words = words or Language("en-GB", NullTranslations())
    (one, many), changed = NOTES["community" if audience == "community" else "staff"]
    note = words.ngettext(one, many, contributors) + " " + words.gettext(changed)
    if channel == "video" and voice_credit.strip():
        note += " " + words.gettext(voice_credit.strip())
    return note
