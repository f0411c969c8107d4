"""Project settings (``stories/project.yaml``): the site's title, address, language and furniture.

    read_project_settings(path, rel, root) -> (title, description, base_url, WebSettings, [Problem])

Every bad value becomes one ``path:line: message`` naming the key and the fix.
:func:`sharing_warnings` is the one warning ``check`` and ``build`` print when
a site meant for sharing has no ``base_url``.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path
from urllib.parse import urlsplit

from ..model import Problem, Project, WebSettings
from ..paths import IMAGE_TYPES, confined
from .story_dates import lang_problem, tag_case
from .yamlio import read_text, read_yaml

KEYS = {"title", "description", "base_url", "language", "share", "contact_url",
        "accessibility_url", "logo", "noindex_staff", "theme_color"}
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def key_line(text: str, key: str) -> int:
    """The 1-based line of a top-level ``key:`` in the YAML text (1 when not found)."""
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def url_problem(value: str, key: str) -> str:
    """Why ``value`` is not an absolute http(s) URL, or ``""``."""
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.netloc and " " not in value:
        if "@" in parts.netloc:  # it would be published on every page
            return f"'{key}' must not hold a user name or password: remove the part before @"
        if key == "base_url" and (parts.query or parts.fragment or value.rstrip().endswith(("?", "#"))):
            bare = f"{parts.scheme}://{parts.netloc}{parts.path or '/'}"
            return f"'{key}' must not have a query (?...) or a fragment (#...): pages are addressed under it; use {bare}"
        return ""
    if key == "contact_url" and parts.scheme == "mailto" and "@" in value:
        return ""
    return f"'{key}' must be an absolute address such as https://stories.example.org/, not {value!r}"


class _Reader:
    def __init__(self, data: dict, text: str, rel: str):
        self.data, self.text, self.rel = data, text, rel
        self.problems: list[Problem] = []

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.rel, key_line(self.text, key), message))

    def text_value(self, key: str) -> str:
        value = self.data.get(key)
        if value is None:
            return ""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.problem(key, f"'{key}' must be text")
            return ""
        return str(value).strip()

    def url(self, key: str) -> str:
        value = self.text_value(key)
        if value and (why := url_problem(value, key)):
            self.problem(key, why)
            return ""
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            self.problem(key, f"'{key}' must be true or false, not {value!r}")
            return default
        return value

    def language(self) -> str:
        """The project's language tag, in its usual case (``CY`` is ``cy``)."""
        value = self.text_value("language") or "en-GB"
        if why := lang_problem(value, "language"):
            self.problem("language", why)
            return "en-GB"
        return tag_case(value)

    def matching(self, key: str, pattern: re.Pattern, default: str, example: str) -> str:
        value = self.text_value(key) or default
        if not pattern.match(value):
            self.problem(key, f"'{key}' must look like {example}, not {value!r}")
            return default
        return value


def read_project_settings(path: Path, rel: str, root: Path) -> tuple[str, str, str, WebSettings, list[Problem]]:
    """The settings in ``stories/project.yaml`` (all optional)."""
    if not path.exists():
        return "Stories", "", "", WebSettings(), []
    text, problems = read_text(path, rel)
    data, more = read_yaml(path, rel) if text is not None and not problems else (None, [])
    if problems or more:
        return "Stories", "", "", WebSettings(), problems + more
    if data is not None and not isinstance(data, dict):
        return "Stories", "", "", WebSettings(), [Problem(rel, 1, "expected a mapping (title, description, base_url, ...)")]
    r = _Reader(dict(data or {}), text or "", rel)
    for key in sorted(set(map(str, r.data)) - KEYS):
        close = difflib.get_close_matches(key, sorted(KEYS), n=1)
        r.problem(key, f"unknown setting '{key}'" + (f" (did you mean '{close[0]}'?)" if close else f"; known settings: {', '.join(sorted(KEYS))}"))
    base_url = r.url("base_url")
    logo = ""
    if value := r.text_value("logo"):
        found, problem = confined(root, value, Problem(rel, key_line(r.text, "logo"), ""), "logo", IMAGE_TYPES)
        logo = str(found) if found else ""
        r.problems += [problem] if problem else []
    web = WebSettings(lang=r.language(), share=r.flag("share", True),
                      contact_url=r.url("contact_url"), accessibility_url=r.url("accessibility_url"), logo=logo,
                      noindex_staff=r.flag("noindex_staff", False),
                      theme_color=r.matching("theme_color", COLOUR, "#123b4a", "#123b4a"))
    return r.text_value("title") or "Stories", r.text_value("description"), base_url, web, r.problems


def given(key: str, project: Project) -> bool:
    """Whether project.yaml gives ``key`` a value (one refused with a problem of its own, say)."""
    path = project.root / "stories/project.yaml"
    text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
    return re.search(rf"^{re.escape(key)}[ \t]*:[ \t]*(?![\"']{{2}}|#)\S", text, re.MULTILINE) is not None


def sharing_warnings(project: Project) -> list[str]:
    """One warning when the site is meant for sharing but has no ``base_url``."""
    wants_web = any("web" in spec.outputs for spec in project.stories)
    if not wants_web or not project.web.share or project.base_url or given("base_url", project):
        return []
    return ["stories/project.yaml: base_url is not set, so link previews (LinkedIn, Teams, WhatsApp) show no "
            "picture and feeds, the sitemap and oEmbed are not written: add base_url: https://your.site/stories/ "
            "or, for a site never shared, share: false"]
