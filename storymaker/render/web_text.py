"""Authored text (connective intros, outros, summary, disclosure) to safe HTML.

Editors may use a little Markdown (emphasis, links, paragraphs) in the text
they write. Everything is untrusted: Markdown is rendered with ``markdown``
and the result sanitised with ``nh3`` down to a short allow-list, so no
script, event handler, ``javascript:`` URL, iframe or style survives.
Participants' quotations are never run through Markdown: they are verbatim
words and are escaped by the templates as plain text.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {"p", "em", "strong", "a", "br", "ul", "ol", "li"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
_MARKDOWN = markdown.Markdown(output_format="html")  # built once: making one per text is slow


def to_html(text: str) -> str:
    """Markdown to (unsanitised) HTML."""
    return _MARKDOWN.reset().convert(text)


def _address(element: str, attribute: str, value: str) -> str | None:
    """An ``href`` that is no address (empty, or words such as the anonymiser's "a website") is dropped."""
    return None if attribute == "href" and (not value.strip() or any(c.isspace() for c in value.strip())) else value


_ADDRESSLESS = re.compile(r'<a rel="noopener noreferrer">(.*?)</a>', re.S)


def clean_html(html: str) -> str:
    """Sanitise HTML to the allow-list; links get ``rel="noopener noreferrer"``; a link left with no
    address (a ``javascript:`` one, or one whose address was anonymised) becomes its words alone."""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_address,
    )
    return _ADDRESSLESS.sub(r"\1", cleaned)


def authored_html(text: str) -> Markup:
    """Render an editor's Markdown paragraph(s) as sanitised HTML."""
    if not text.strip():
        return Markup("")
    html = to_html(text)
    return Markup(clean_html(html).strip())


def plain_paragraphs(text: str) -> list[str]:
    """Split plain text into paragraphs on blank lines (for escaping by Jinja2)."""
    parts = [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n")]
    return [p for p in parts if p]


@lru_cache(maxsize=1024)
def plain_text(text: str) -> str:
    """An editor's Markdown as one line of plain text (for meta descriptions)."""
    if not text.strip():
        return ""
    rendered = nh3.clean(to_html(text), tags=set(), strip_comments=True)
    return " ".join(html.unescape(rendered).split())
