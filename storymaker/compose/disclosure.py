"""The methods note every composed story carries.

It says the story is a composite drawn from N interviews, that the narrator is
fictional, that names and details were changed, that the words are the
participants' own apart from the marked linking text, and, for video, which
voice narrates it.
"""
from __future__ import annotations

from ..model import VideoSpec

_STAFF = (
    "About this story: this is a composite narrative drawn from {n} interviews. "
    "The narrator is fictional, and names and identifying details have been changed. "
    "The quoted words are the participants' own; the linking text between them was "
    "written by the research team and is marked as such."
)
_COMMUNITY = (
    "About this story: it is a composite, made from {n} interviews. "
    "The person telling it is fictional: not a real person. We changed names and details so nobody can be recognised. "
    "The words are what people told us, in their own words. "
    "We wrote the linking text, and it is marked."
)


def default_voice_credit(video: VideoSpec) -> str:
    """A voice credit from the story's video settings, when the caller gave none."""
    if video.voice_engine == "recorded":
        return "Narrated by a recorded human voice reading the participants' words."
    return "Narrated by a synthetic voice."


def disclosure(contributors: int, audience: str, channel: str, voice_credit: str = "") -> str:
    """The methods note for one story version."""
    note = (_COMMUNITY if audience == "community" else _STAFF).format(n=contributors)
    if channel == "video" and voice_credit:
        note += " " + voice_credit.strip()
    return note
