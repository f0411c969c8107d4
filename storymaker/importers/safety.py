"""Untrusted input: zip archives read in memory under limits, XML parsed with defusedxml.

Zip: at most ``MAX_ENTRIES`` entries and ``MAX_TOTAL`` bytes uncompressed, no entry
expanding more than ``MAX_RATIO`` times (above 1 MiB), no names escaping the archive
(``..``, absolute paths, drive letters). Nothing is ever extracted to disk.
XML: no entity declarations, no external references (billion laughs, XXE); elements
carry their source line in the attribute ``LINE``.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..errors import ImportFileError
from ..model import Problem

MAX_ENTRIES = 10_000
MAX_TOTAL = 200 * 1024 * 1024
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024
LINE = "{urn:storymaker}line"
_DRIVE = re.compile(r"^[A-Za-z]:")


def fail(path: str, line: int, message: str) -> ImportFileError:
    return ImportFileError(Problem(path, line, message))


class SafeZip:
    """A zip archive held in memory whose entries are checked before any is read."""

    def __init__(self, data: bytes, label: str):
        self.label = label
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
            raise fail(label, 0, f"not a readable zip archive ({exc}); the file is truncated or damaged: export it again") from None
        if len(infos) > MAX_ENTRIES:
            raise fail(label, 0, f"the archive has {len(infos)} entries (limit {MAX_ENTRIES}); refusing it as unsafe")
        for info in infos:
            _check_name(info.filename, label)
            _check_ratio(info, label)
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL:
            raise fail(label, 0, f"the archive expands to {total // 2**20} MB (limit {MAX_TOTAL // 2**20} MB); refusing it as unsafe")
        self.infos = {i.filename: i for i in infos if not i.is_dir()}

    def names(self) -> list[str]:
        return list(self.infos)

    def read(self, name: str) -> bytes:
        """Read one entry, counting real bytes: declared sizes may lie."""
        info = self.infos[name]
        where = f"{self.label}[{name}]"
        try:
            with self._zip.open(info) as handle:
                data = handle.read(min(info.file_size, MAX_TOTAL) + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise fail(where, 0, f"entry cannot be read ({exc}); the archive is damaged: export it again") from None
        if len(data) > info.file_size:
            raise fail(where, 0, "entry is larger than the archive says; refusing it as unsafe")
        return data


def _check_name(name: str, label: str) -> None:
    shown = repr(name[:80])
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or _DRIVE.match(name) or ".." in parts or "\x00" in name:
        raise fail(label, 0, f"entry {shown} points outside the archive; refusing the file as unsafe")


def _check_ratio(info: zipfile.ZipInfo, label: str) -> None:
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise fail(label, 0, f"entry {info.filename[:80]!r} expands {info.file_size // max(info.compress_size, 1)} times "
                   f"(limit {MAX_RATIO}); refusing a possible zip bomb")


class _LineBuilder(TreeBuilder):
    """TreeBuilder that records each element's line number as the LINE attribute."""

    parser: DefusedXMLParser | None = None

    def start(self, tag, attrs):  # type: ignore[override]
        attrs = dict(attrs)
        if self.parser is not None:
            attrs[LINE] = str(self.parser.parser.CurrentLineNumber)
        return super().start(tag, attrs)


def parse_xml(data: bytes, label: str) -> Element:
    """Parse untrusted XML; any problem becomes one ImportFileError naming line and column."""
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    builder.parser = parser
    try:
        parser.feed(data)
        return parser.close()
    except ParseError as exc:
        line, column = exc.position
        reason = str(exc).split(":")[0]
        raise fail(label, line, f"column {column + 1}: not well-formed XML ({reason}); export the file again") from None
    except DefusedXmlException as exc:
        line = parser.parser.CurrentLineNumber
        raise fail(label, line, f"the XML declares entities or external references ({type(exc).__name__}), "
                   "which storymaker refuses as unsafe; export the file again without them") from None


def local(tag: str) -> str:
    """``{urn:QDA-XML:project:1.0}Code`` -> ``Code``."""
    return tag.rsplit("}", 1)[-1]


def line_of(element: Element) -> int:
    return int(element.get(LINE, "0"))
