"""Links between pages: audience versions, language versions (hreflang), related stories, sharing.

Share links are plain URLs (e-mail, LinkedIn, WhatsApp, Facebook) that need
no JavaScript and load nothing from those sites until a reader follows one.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import escape

from ..model import Story
from ..i18n import Language, language
from .web_meta import absolute


def family(story: Story) -> str:
    """The slug that names a story and all its translations."""
    return story.translation_of or story.slug


def page_url(story: Story) -> str:
    return f"{story.audience}/{story.slug}.html"


def versions(story: Story, chosen: list[Story], lang: Language) -> list[dict[str, str]]:
    """The same story told for the other audience, in the same language."""
    other = [s for s in chosen if s.slug == story.slug and s.audience != story.audience]
    text = {"staff": lang.gettext("Read the version of this story for staff"),
            "community": lang.gettext("Read the version of this story for the community")}
    return [{"url": page_url(s), "text": text[s.audience]} for s in other]


def translations(story: Story, chosen: list[Story], templates_dir: Path) -> list[dict[str, str]]:
    """The story in other languages, each offered in its own language (``Darllenwch ... yn Gymraeg``)."""
    out = []
    for s in chosen:
        if s.audience == story.audience and family(s) == family(story) and s.slug != story.slug:
            own = language(templates_dir, s.lang)
            out.append({"lang": s.lang, "url": page_url(s),
                        "text": own.gettext("Read this story in %(language)s", language=own.name)})
    return out


def alternates(story: Story, chosen: list[Story], base_url: str) -> list[tuple[str, str]]:
    """``hreflang`` links for every language version, this one included (none for a single language)."""
    group = [s for s in chosen if s.audience == story.audience and family(s) == family(story)]
    if len({s.lang for s in group}) < 2:
        return []
    return sorted((s.lang, absolute(base_url, page_url(s))) for s in group)


def related(story: Story, chosen: list[Story], most: int = 3) -> list[dict[str, str]]:
    """Other stories for the same audience in the same language."""
    others = [s for s in chosen if s.audience == story.audience and s.lang == story.lang and s.slug != story.slug]
    return [{"href": page_url(s), "text": s.title} for s in others[:most]]  # as share links: one macro shows both


def share_links(title: str, url: str, lang: Language, social: bool = True) -> list[dict[str, str]]:
    """E-mail, LinkedIn, WhatsApp and Facebook share URLs for an absolute page ``url`` (e-mail only unless ``social``)."""
    if not url:
        return []
    mail = "mailto:?" + urlencode({"subject": title, "body": f"{title}\n{url}"}, quote_via=quote)
    if not social:  # an internal (noindex) story: passed on by e-mail, never posted
        return [{"text": lang.gettext("Share by e-mail"), "href": mail}]
    return [
        {"text": lang.gettext("Share by e-mail"), "href": mail},
        {"text": lang.gettext("Share on LinkedIn"), "href": "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})},
        {"text": lang.gettext("Share on WhatsApp"), "href": "https://wa.me/?" + urlencode({"text": f"{title} {url}"}, quote_via=quote)},
        {"text": lang.gettext("Share on Facebook"), "href": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})},
    ]


def page_title(story: Story, chosen: list[Story], lang: Language) -> str:
    """The story's title, naming the audience when the story has a version for each."""
    if not any(s.slug == story.slug and s.audience != story.audience for s in chosen):
        return story.title
    label = lang.gettext("staff version") if story.audience == "staff" else lang.gettext("community version")
    return f"{story.title} ({label})"


def card_kicker(story: Story, chosen: list[Story], lang: Language) -> str:
    """The link-preview card's label: "A composite story", naming the version when the story has two."""
    kicker = lang.gettext("A composite story")
    if page_title(story, chosen, lang) == story.title:
        return kicker
    version = lang.gettext("staff version") if story.audience == "staff" else lang.gettext("community version")
    return f"{kicker} · {version}"


def page_description(story: Story, chosen: list[Story], description: str, lang: Language) -> str:
    """The description, saying which version it is when there are two."""
    if page_title(story, chosen, lang) == story.title:
        return description
    lead = lang.gettext("For staff:") if story.audience == "staff" else lang.gettext("For the community:")
    return f"{lead} {description}"


def embed_snippet(story: Story, base_url: str, title: str, size: tuple[int, int]) -> str:
    """The ``<iframe>`` a web editor pastes into a CMS (absolute, so only with a base URL)."""
    if not base_url:
        return ""
    src = absolute(base_url, f"embed/{story.audience}/{story.slug}.html")
    return (f'<iframe src="{src}" width="{size[0]}" height="{size[1]}" title="{escape(title)}" '
            f'loading="lazy" allowfullscreen style="border:0;max-width:100%"></iframe>')


def links(story: Story, chosen: list[Story], lang: Language, templates_dir: Path) -> dict[str, Any]:
    """Every link the story page offers besides its own content."""
    return {"versions": versions(story, chosen, lang), "translations": translations(story, chosen, templates_dir),
            "related": related(story, chosen)}
