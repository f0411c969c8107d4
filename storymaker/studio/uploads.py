"""Uploaded files: refused when their name tries to be a path, capped in size, and saved
under a generated name in the studio's own temporary folder (never the client's path).

    save_upload(folder, client_name, data) -> Upload
    find_upload(folder, upload_id)         -> Upload
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from ..errors import StudioError
from ..importers import safety

KINDS = {".qdpx", ".qdc", ".qde", ".csv", ".xlsx", ".sqlite3", ".sqlite"}  # .sqlite3: a Taguette project
_ID = re.compile(r"^[a-f0-9]{16}$")


@dataclass(frozen=True)
class Upload:
    id: str
    path: Path  # <folder>/<id>/<stem>.<ext>; the stem is made from the client's name, letters only
    stem: str

    @property
    def name(self) -> str:
        return self.path.name


def _safe_stem(client_name: str) -> tuple[str, str]:
    if not client_name or any(c in client_name for c in "/\\\x00") or ".." in client_name or client_name.startswith("."):
        raise StudioError(f"refused: the upload's name {client_name!r} looks like a path; upload the file itself")
    suffix = Path(client_name).suffix.lower()
    if suffix not in KINDS:
        raise StudioError(f"refused: {suffix or 'a file without an extension'} is not an import format; "
                          f"upload one of {', '.join(sorted(KINDS))}")
    stem = re.sub(r"[^a-z0-9]+", "-", Path(client_name).stem.lower()).strip("-")[:40] or "import"
    return stem, suffix


def save_upload(folder: Path, client_name: str, data: bytes) -> Upload:
    stem, suffix = _safe_stem(client_name)
    if len(data) > safety.MAX_TOTAL:
        raise StudioError(f"refused: the upload is over {safety.MAX_TOTAL // 2**20} MB")
    upload_id = secrets.token_hex(8)
    target = Path(folder) / upload_id / f"{stem}{suffix}"
    target.parent.mkdir(parents=True, exist_ok=False)
    target.write_bytes(data)
    return Upload(upload_id, target, stem)


def find_upload(folder: Path, upload_id: str) -> Upload:
    if not _ID.match(upload_id):
        raise StudioError("no such upload: upload the file again")
    files = sorted((Path(folder) / upload_id).glob("*"))
    if not files:
        raise StudioError("no such upload: upload the file again")
    return Upload(upload_id, files[0], files[0].stem)
