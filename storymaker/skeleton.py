"""What ``storymaker init --empty`` writes: the folders, the templates and commented
skeletons of every input file, and none of the bundled example's stories, excerpts or names."""
from __future__ import annotations

CODEBOOK = """\
# The codebook: every theme an excerpt or a story beat uses must be listed here, as
#   tag: what the theme means
# Tags may be dotted: a beat asking for "staff.care" also matches "staff.care.manager".
# 'storymaker import' adds the themes it imports (with your codes' descriptions); edit them here.
#   staff.care: Organisations caring about their own staff.
themes: {}
"""

REGISTER = """\
# The anonymisation register: identifiers that must never be published.
# storymaker replaces each one wherever it appears in an excerpt, and refuses to publish
# anything that still contains one. Add every real name from your interviews.
#
# people:
#   - "Jo Bloggs"                                   # replaced with a neutral phrase
#   - {name: "Jo Bloggs", replace: "my manager", aliases: ["Jo"]}
# places:
#   - "Abertawe Road"
# organisations:
#   - "Riverside Housing"
#
# allow: capitalised words and numbers reviewed as safe to publish (acronyms, days,
# benefits). Anything else capitalised mid-sentence blocks publishing until listed here.
#   - "NHS"
#   - "Monday"
people: []
places: []
organisations: []
other: []
allow: []
"""

PROJECT = """\
# Site title and description.
title: "Stories"
description: ""
"""

STORY = """\
# A story spec. Copy this file to stories/<slug>.story.yaml (e.g. stories/our-first-story.story.yaml)
# once your excerpts are imported, and use themes from stories/codebook.yaml.
#
# title: "Our first story"
# audience: staff                      # staff, community, or [staff, community]
# narrator: "Sam, who works on a helpline"
# summary: "One line for the index page."
# beats:
#   - heading: "How it was"
#     themes: [staff.care]             # codebook tags; excerpts with these themes fill the beat
#     intro: "Connecting words you write yourself (shown as authored, not quoted)."
#   - heading: "What changed"
#     themes: [working.together]
#     excerpts: 2
# video:
#   formats: ["16:9"]
#   voice: {engine: espeak, name: en-gb}
"""

FILES = {
    "stories/codebook.yaml": CODEBOOK,
    "stories/anonymise.yaml": REGISTER,
    "stories/project.yaml": PROJECT,
    "stories/first-story.story.yaml.example": STORY,
}
