"""What QualCoder's REFI-QDA project import would make of a .qdpx.

An independent checker written from QualCoder's importer,
src/qualcoder/refi.py (class RefiImport; read at commit 06db5fa of
ccbogel/QualCoder, LGPL-3.0; no code of it is copied here), and the
tables of its project database. It follows that importer's reading of
the parts Fieldnotes writes, in the importer's order, and stops where the
importer would stop with an exception:

- import_project: the first *.qde of the archive's top level is the
  project; sources are read from `sources/` (or `Sources/`); the root's
  `origin` is read with `.upper()` when there is no `basePath`
  (parse_project_tag), so a project without `origin` stops the import.
- sub_codes, for the codebook: a Code with isCodable="false" is a
  category, every other Code a code; code names are unique in its
  code_name table (`unique(name)`): a second code of the same name is not
  inserted and its GUID is never looked up again, so its codings get no
  code (cid NULL). Categories likewise (code_cat `unique(name)`).
- load_text_source and name_creating_user_create_date_source_path_helper:
  the text of a TextSource comes from `plainTextPath` after `internal:/`,
  read as text (Python's universal newlines); the owner is the user named
  by `creatingUser`, else `modifyingUser`, else "default".
- load_codings_for_text, for each PlainTextSelection: `int()` of
  startPosition and endPosition; the words are `fulltext[pos0:pos1]` (code
  points); each Coding's first child is its CodeRef (`list(el)[0]`); a
  coding goes into code_text, unique on (cid, fid, pos0, pos1, owner),
  and a duplicate is reported and left out ("Duplicated text coding");
  a selection without any Coding goes into the annotation table, unique
  on (fid, pos0, pos1, owner), and there a duplicate is not caught: the
  sqlite3.IntegrityError ends the whole import.
- parse_notes, after all sources: every Note's `creationDateTime`, else
  `modifiedDateTime`, has `.replace('T', ' ')` called on it, so a Note
  with neither ends the import.

Usage: python3 qualcoderImport.py PROJECT.qdpx. Prints one JSON object:
sources (names, in order), codes, categories, codings (source, owner,
code, start, end, words), duplicate codings, annotations, notes read,
code names taken twice, and `stopped` (null, or where and why the import
would have ended).
"""

import json
import sys
import xml.etree.ElementTree as ET
import zipfile


class Stop(Exception):
    """The import ends here, as QualCoder's would with this exception."""

    def __init__(self, where, reason):
        super().__init__(reason)
        self.where = where
        self.reason = reason


def main(path):
    result = {
        "stopped": None,
        "sources": [],
        "codes": [],
        "categories": [],
        "codeNamesTakenTwice": [],
        "codings": [],
        "duplicateCodings": [],
        "annotations": [],
        "notes": 0,
    }
    try:
        read_project(path, result)
    except Stop as stop:
        result["stopped"] = {"where": stop.where, "reason": stop.reason}
    print(json.dumps(result, ensure_ascii=False))


def read_project(path, result):
    archive = zipfile.ZipFile(path)
    top = [name for name in archive.namelist() if "/" not in name]
    qde = "project.qde"
    for name in top:
        if name.endswith(".qde"):
            qde = name
    folder = "sources/" if any(n.startswith("sources/") for n in archive.namelist()) else "Sources/"
    root = ET.fromstring(archive.read(qde))
    ns = root.tag.split("}")[0] + "}" if root.tag.startswith("{") else ""

    if root.get("basePath") is None and root.get("origin") is None:
        raise Stop("Project", "no origin: parse_project_tag calls .upper() on it")

    users = {}
    for child in root:
        if child.tag == ns + "Users":
            for user in child:
                users[user.get("guid")] = user.get("name")
    code_ids = {}
    names = {"code": set(), "category": set()}
    for child in root:
        if child.tag == ns + "CodeBook":
            codes = list(child)[0]
            for code in codes:
                read_code(code, ns, code_ids, names, result)

    def owner(element):
        guid = element.get("creatingUser")
        if guid is None:
            guid = element.get("modifyingUser")
        return users.get(guid, "default")

    code_text = set()
    annotation = set()
    for child in root:
        if child.tag != ns + "Sources":
            continue
        for source in child:
            if source.tag != ns + "TextSource":
                continue
            name = source.get("name")
            plain = source.get("path") or source.get("plainTextPath")
            if plain is None:
                raise Stop(f"TextSource {name}", "no plainTextPath")
            try:
                member = folder + plain.split("internal:/")[1].lstrip("/")
                raw = archive.read(member)
            except (IndexError, KeyError) as error:
                raise Stop(f"TextSource {name}", f"text not found: {error}")
            # Read in text mode (universal newlines, a BOM kept); when the first line ends
            # with \r\n, each line end gets a space after it, as two characters (not for ATLAS.ti).
            fulltext = raw.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
            first_end = raw.find(b"\n")
            if first_end > 0 and raw[first_end - 1:first_end] == b"\r" and "ATLAS" not in (root.get("origin") or ""):
                fulltext = fulltext.replace("\n", "\n ")
            fid = len(result["sources"])
            result["sources"].append(name)
            for selection in source:
                if selection.tag != ns + "PlainTextSelection":
                    continue
                where = f"PlainTextSelection {selection.get('guid')} in {name}"
                try:
                    pos0 = int(selection.get("startPosition"))
                    pos1 = int(selection.get("endPosition"))
                except (TypeError, ValueError):
                    raise Stop(where, "startPosition or endPosition is not an integer")
                who = owner(selection)
                codings = [c for c in selection if c.tag == ns + "Coding"]
                for coding in codings:
                    refs = list(coding)
                    if not refs:
                        raise Stop(where, "a Coding without a CodeRef (list(el)[0])")
                    cid = code_ids.get(refs[0].get("targetGUID"))
                    row = {"source": name, "owner": who, "code": cid, "start": pos0, "end": pos1, "words": fulltext[pos0:pos1]}
                    key = (cid, fid, pos0, pos1, who)
                    # SQLite: rows whose cid is NULL never clash.
                    if cid is not None and key in code_text:
                        result["duplicateCodings"].append(row)
                        continue
                    code_text.add(key)
                    result["codings"].append(row)
                if not codings:
                    key = (fid, pos0, pos1, who)
                    if key in annotation:
                        raise Stop(where, f"a second annotation at {pos0}-{pos1} by {who}: sqlite3.IntegrityError on annotation unique(fid,pos0,pos1,owner)")
                    annotation.add(key)
                    result["annotations"].append({"source": name, "owner": who, "start": pos0, "end": pos1})

    for child in root:
        if child.tag != ns + "Notes":
            continue
        for note in child:
            if note.get("creationDateTime") is None and note.get("modifiedDateTime") is None:
                raise Stop(f"Note {note.get('guid')} {note.get('name')}", "neither creationDateTime nor modifiedDateTime: parse_notes calls .replace on None")
            result["notes"] += 1


def read_code(element, ns, code_ids, names, result):
    name = element.get("name")
    if element.get("isCodable") == "false":
        if name is not None:
            if name in names["category"]:
                result["codeNamesTakenTwice"].append(name)
            names["category"].add(name)
            result["categories"].append(name)
    elif name is not None:
        if name in names["code"]:
            result["codeNamesTakenTwice"].append(name)
        else:
            names["code"].add(name)
            code_ids[element.get("guid")] = name
            result["codes"].append({"name": name, "color": element.get("color")})
    for child in element:
        if child.tag == ns + "Code":
            read_code(child, ns, code_ids, names, result)


if __name__ == "__main__":
    main(sys.argv[1])
