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
# Project settings. Every key is optional.
title: "Stories"
description: ""

# Where the site will live, e.g. https://www.example.gov.uk/stories/
# With it, link previews get absolute image URLs and canonical links, and the build
# writes the Atom feed, sitemap.xml, share links and oEmbed. Without it, check and
# build warn once (set share: false for a site that is never shared).
base_url: ""
language: en-GB                 # the pages' language (cy for Welsh); a story can set its own with lang: cy
# share: false                  # no share links and no base_url warning, for a site never shared
# contact_url: https://www.example.gov.uk/contact
# accessibility_url: https://www.example.gov.uk/accessibility-statement
# logo: assets/images/logo.png  # shown in the header and used for the favicons
# noindex_staff: true           # keep staff stories out of search engines, the feed and the sitemap
# theme_color: "#123b4a"
"""

STORY = """\
# A story spec. Copy this file to stories/<slug>.story.yaml (e.g. stories/our-first-story.story.yaml)
# once your excerpts are imported, and use themes from stories/codebook.yaml.
#
# title: "Our first story"
# audience: staff                      # staff, community, or [staff, community]
# narrator: "Sam, who works on a helpline"
# summary: "One line for the index page."
# published: 2026-01-31                # the date first published (without it, the file's date, which moves)
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
