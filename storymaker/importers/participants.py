"""Which pseudonymous participant a source belongs to.

In order: the ``--participants`` map (``{document or case name: P01}``), then the first
``P12``/``C3``-like token in the case name (or participant column), then such a value
whole if it is short and holds a digit (``N07``), then a token in the document name. Names are
compared NFC-normalised with spacing collapsed, so a map typed normally matches ATLAS.ti's decomposed names. A source with none
is skipped and reported (its name masked): a real name is never used as a participant id.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .safety import fail
from .tags import nfc

TOKEN = re.compile(r"(?<![A-Za-z0-9])([PC]\d{1,4})(?![A-Za-z0-9])", re.IGNORECASE)
VALID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,19}$")


class Participants:
    """Resolves names (case or document) to participant ids."""

    def __init__(self, mapping: dict[str, str] | None = None):
        self.mapping = {nfc(k): str(v).strip() for k, v in (mapping or {}).items()}

    def resolve(self, *names: str, ids: tuple[str, ...] = ()) -> str:
        """The participant id for the first name that yields one, else ''.

        ``ids`` are values meant as participant ids (case names, a participant column):
        besides a ``P03`` token, a whole short value with a digit (``N07``) is accepted.
        """
        ids, names = tuple(nfc(n or "") for n in ids), tuple(nfc(n or "") for n in names)
        for name in (*ids, *names):
            if name and name in self.mapping:
                return self.mapping[name]
        for name in ids:
            found = TOKEN.search(name or "")
            if found:
                return found.group(1).upper()
        for name in ids:
            if VALID.match((name or "").strip()) and any(c.isdigit() for c in name):
                return name.strip()
        for name in names:
            found = TOKEN.search(name or "")
            if found:
                return found.group(1).upper()
        return ""


def load_participants(path: Path | None) -> Participants:
    if path is None:
        return Participants()
    label = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise fail(label, 0, f"cannot read the participant map ({exc.strerror}); check the --participants path") from None
    except (yaml.YAMLError, UnicodeDecodeError):
        raise fail(label, 0, "the participant map is not valid UTF-8 YAML; write it as 'document name: P01', one a line") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise fail(label, 0, "the participant map must map document or case names to ids, e.g. 'Interview 3.docx: P03'")
    bad = [str(v) for v in data.values() if not VALID.match(str(v or "").strip())]
    if bad:
        raise fail(label, 0, f"{len(bad)} participant id(s) are not short ids like P03 (letters, digits, '-' or '_'); fix the map's values")
    return Participants(data)
