"""Files written the way QualCoder and Taguette write them (their export code, read with the
search tool: QualCoder ``refi.py`` and ``report_codes.py``; Taguette ``export.py`` and
``database/models.py``), so the importers are tested against what those tools really produce."""
from __future__ import annotations

import csv
import io
import sqlite3
import uuid
import zipfile
from pathlib import Path

CODES = [("c1", "1. Oltás", "first vaccine dose"), ("c2", "Covid/Non-covid", ""), ("c3", "Staff care", "caring for staff")]


def _guid() -> str:
    return str(uuid.uuid4())  # QualCoder's create_guid(): a fresh random GUID every export


def qualcoder_qdpx(lf_text: str, selections: list[tuple[int, int, str]], transcript: str, spans: list[tuple[int, int, str]]) -> bytes:
    """A QualCoder REFI-QDA export with the MAXQDA line-ending option: the text file has CRLF
    line endings while positions count a line break as one character (as in QualCoder's database).
    Like QualCoder, Case SourceRefs use the GUIDs of get_sources(), which sources_xml() never writes."""
    code_guid = {cid: _guid() for cid, _, _ in CODES}
    text_file, transcript_file, listed_guid = _guid() + ".txt", _guid() + ".txt", _guid()
    xml = '<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" origin="QualCoder 3.5" name="test">\n'
    xml += '<CodeBook>\n<Codes>\n'
    for cid, name, memo in CODES:
        xml += f'<Code guid="{code_guid[cid]}" name="{name}" isCodable="true" color="#F00082"'
        xml += f'>\n<Description>{memo}</Description>\n</Code>\n' if memo else ' />\n'
    xml += '</Codes>\n</CodeBook>\n<Variables>\n<Variable guid="v1000000-0000-4000-8000-000000000001" name="Consent" typeOfVariable="Text" />\n</Variables>\n'
    xml += '<Cases>\n<Case guid="' + _guid() + '" name="P04">\n<Description />\n<VariableValue>\n'
    xml += '<VariableRef targetGUID="v1000000-0000-4000-8000-000000000001" />\n<TextValue>yes - web and video</TextValue>\n</VariableValue>\n'
    xml += f'<SourceRef targetGUID="{listed_guid}"/>\n</Case>\n</Cases>\n<Sources>\n'
    xml += f'<TextSource richTextPath="internal://{_guid()}.txt" plainTextPath="internal://{text_file}" guid="{_guid()}" name="interview-b.txt">\n'
    for start, end, cid in selections:
        xml += f'<PlainTextSelection guid="{_guid()}" startPosition="{start}" endPosition="{end}" '
        xml += f'name="{lf_text[start:end].replace("&", "&#038;")}" creatingUser="{_guid()}" creationDateTime="2024-05-01T10:00:00Z">\n'
        xml += f'<Coding guid="{_guid()}" creatingUser="{_guid()}" ><CodeRef targetGUID="{code_guid[cid]}" />\n</Coding>\n</PlainTextSelection>\n'
    xml += '</TextSource>\n'
    xml += _audio(transcript_file, spans, code_guid)
    xml += '</Sources>\n</Project>\n'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", xml.encode("utf-8"))
        zf.writestr(f"Sources/{text_file}", lf_text.replace("\n", "\r\n").encode("utf-8"))
        zf.writestr(f"Sources/{transcript_file}", transcript.encode("utf-8"))
    return buffer.getvalue()


def _audio(transcript_file: str, spans: list[tuple[int, int, str]], code_guid: dict) -> str:
    xml = f'<AudioSource path="internal://{_guid()}.m4a" guid="{_guid()}" name="P05 interview.m4a" >\n'
    xml += f'<Transcript plainTextPath="internal://{transcript_file}" guid="{_guid()}" name="P05 interview.m4a.transcribed" >\n'
    points, selections = ['<SyncPoint guid="' + _guid() + '" position="0" timeStamp="0" />\n'], ""
    for start, end, cid in spans:
        a, b = _guid(), _guid()
        points += [f'<SyncPoint guid="{a}" position="{start}" timeStamp="{start * 40}" />\n',
                   f'<SyncPoint guid="{b}" position="{end}" timeStamp="{end * 40}" />\n']
        selections += f'<TranscriptSelection guid="{_guid()}" name="P05 interview.m4a.transcribed" fromSyncPoint="{a}" toSyncPoint="{b}">\n'
        selections += f'<Coding guid="{_guid()}" >\n<CodeRef targetGUID="{code_guid[cid]}" />\n</Coding>\n</TranscriptSelection>\n'
    xml += "".join(points) + selections + '</Transcript>\n'
    xml += f'<AudioSelection guid="{_guid()}" begin="1000" end="4000" name="" creatingUser="{_guid()}" >'
    xml += f'<Coding guid="{_guid()}" creatingUser="{_guid()}" creationDateTime="2024-05-01T10:00:00Z">\n'
    xml += f'<CodeRef targetGUID="{code_guid["c3"]}"/>\n</Coding>\n</AudioSelection>\n</AudioSource>\n'
    return xml


def qualcoder_report_csv(rows: list[list[str]]) -> bytes:
    """QualCoder's coding report as export_csv_file writes it (utf-8-sig, every cell quoted)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=",", quotechar='"', quoting=csv.QUOTE_ALL)
    writer.writerow(["File", "Coder", "Coded", "Id", "Codename", "Coded_Memo", "Category", "Category"])
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def taguette_xlsx(path: Path, highlights: list[tuple[int, str, list[str], str]]) -> None:
    """Taguette's highlights_xslx: xlsxwriter's write(), which turns text starting with '=' into a formula."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("highlights")
    header = workbook.add_format({"bold": True})
    for col, name in enumerate(("id", "document", "tag", "content")):
        sheet.write(0, col, name, header)
    row = 1
    for ident, document, tags, content in highlights:
        for tag_path in tags or [""]:
            sheet.write(row, 0, str(ident))
            sheet.write(row, 1, document)
            sheet.write(row, 2, tag_path)
            sheet.write(row, 3, content)
            row += 1
    workbook.close()


def taguette_codebook_csv(tags: list[tuple[str, str, str, int]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["tag", "parent", "description", "number of highlights"])
    writer.writerows(tags)
    return buffer.getvalue().encode("utf-8")


SCHEMA = """
create table projects (id integer primary key autoincrement, name varchar(200) not null, description text not null,
    created datetime not null);
create table documents (id integer primary key autoincrement, name varchar(200) not null, description text not null,
    filename varchar(200) not null, created datetime not null, project_id integer not null references projects(id) on delete cascade,
    text_direction varchar(13) not null, contents text not null);
create table highlights (id integer primary key autoincrement, document_id integer not null references documents(id) on delete cascade,
    start_offset integer not null, end_offset integer not null, snippet text not null);
create table tags (id integer primary key autoincrement, project_id integer not null references projects(id) on delete cascade,
    path varchar(200) not null, description text not null, parent_id integer references tags(id) on delete cascade,
    unique (project_id, path));
create table highlight_tags (highlight_id integer not null references highlights(id) on delete cascade,
    tag_id integer not null references tags(id) on delete cascade, primary key (highlight_id, tag_id));
create table alembic_version (version_num varchar(32) not null primary key);
"""


def taguette_db(path: Path, documents: dict[str, str], highlights: list[tuple[str, str, list[str]]],
                tags: dict[str, str]) -> None:
    """A Taguette project database with the tables of taguette/database/models.py.
    ``highlights``: (document name, words inside the document's HTML, tag paths)."""
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    con.execute("insert into alembic_version values ('63d7ca28fc0c')")
    con.execute("insert into projects (name, description, created) values ('Kindness', '', '2024-05-01 10:00:00')")
    ids = {}
    for name, html in documents.items():
        cur = con.execute("insert into documents (name, description, filename, created, project_id, text_direction, contents) "
                          "values (?, '', ?, '2024-05-01 10:00:00', 1, 'LEFT_TO_RIGHT', ?)", (name, name + ".docx", html))
        ids[name] = cur.lastrowid
    tag_ids = {p: con.execute("insert into tags (project_id, path, description) values (1, ?, ?)", (p, d)).lastrowid
               for p, d in tags.items()}
    for document, snippet, paths in highlights:
        start = documents[document].index(snippet)
        cur = con.execute("insert into highlights (document_id, start_offset, end_offset, snippet) values (?, ?, ?, ?)",
                          (ids[document], start, start + len(snippet), snippet))
        for p in paths:
            con.execute("insert into highlight_tags values (?, ?)", (cur.lastrowid, tag_ids[p]))
    con.commit()
    con.close()


def taguette_codebook_xlsx(path: Path, tags: list[tuple[str, str, str, int]]) -> None:
    """Taguette's codebook_xlsx: sheet 'codebook', columns tag, parent, description, number of highlights."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("codebook")
    header = workbook.add_format({"bold": True})
    for col, name in enumerate(("tag", "parent", "description", "number of highlights")):
        sheet.write(0, col, name, header)
    for row, tag in enumerate(tags, start=1):
        for col, value in enumerate(tag):
            sheet.write(row, col, value)
    workbook.close()
