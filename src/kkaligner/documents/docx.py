"""Word documents (.docx): body paragraphs, tables (nested too), text boxes, headers, footers,
footnotes and endnotes translated in place, with the runs' formatting and the hyperlinks kept.

The OOXML parts are read with lxml (``_xml``: no DTDs, no entities, no network) and only the text of
``w:t`` elements changes: every run, its formatting, hyperlinks, fields (their codes and shown
results), bookmarks, comments, images and every other part of the package are written back as
they were. A paragraph is one unit, so its sentences are translated whole; each run's share of the
translation is found by ``_spans`` (sentence edges exact, proportional between, moved to word
edges), and consecutive runs with the same formatting count as one, so Word's arbitrary run splits
do not cut the translation. Tracked changes are refused: accept or reject them first, so that the
translation is of the text the author meant.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import Mapping, Sequence

from kkaligner.documents import _xml
from kkaligner.documents.base import DEFAULTS, Document, Options, Unit
from kkaligner.errors import (
    DocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
)

NAME = "docx"
SUFFIXES = (".docx", ".docm", ".dotx")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
PARTS = re.compile(r"(header\d*|footer\d*|footnotes|endnotes)\.xml")  # beside the main part
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TRACKED = (W + "ins", W + "del", W + "moveFrom", W + "moveTo")
# Elements whose paragraphs are translated as their own units, or whose content is kept as is.
_OWN = (W + "p",)
_KEEP = (W + "fldSimple", W + "drawing", W + "pict", W + "object", W + "instrText", W + "delText")
_BREAKS = (W + "tab", W + "br", W + "cr", W + "ptab")
_MARKS = tuple(W + m for m in ("bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
                                "commentReference", "permStart", "permEnd", "footnoteReference", "endnoteReference"))
_NAMED = {W + "tbl": "tbl", W + "tr": "tr", W + "tc": "tc", W + "p": "p", W + "txbxContent": "txbx", W + "sdt": "sdt"}
_TOPS = {W + "footnote": "footnote", W + "endnote": "endnote"}


def _open(data: bytes, name: str, max_bytes: int) -> zipfile.ZipFile:
    if data.startswith(OLE2):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedDocumentError(
                f"{name} is password-protected. Open it in Word, remove the password (File → Info → "
                "Protect Document → Encrypt with Password, clear it), save, and run again."
            )
        raise DocumentError(
            f"{name} is a Word 97-2003 document (.doc), not a .docx. Open it in Word or LibreOffice and "
            "save it as .docx (Word Document), then run again."
        )
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, NotImplementedError, EOFError, OSError):
        raise DocumentError(
            f"{name} is not a .docx: it is not a zip package (a damaged file, or another format with a "
            ".docx name). Open it in Word and save it again as .docx."
        ) from None
    if sum(info.file_size for info in package.infolist()) > 4 * max_bytes:
        raise DocumentTooLargeError(
            f"{name} unpacks to more than {4 * max_bytes / 2**20:.0f} MiB (4 times the size limit): "
            "refused as a possible zip bomb. Raise the limit (--max-size) if the document is genuine."
        )
    # Every part is checked now, not when the translation is written back (after the model ran).
    try:
        bad = package.testzip()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError) as exc:
        raise DocumentError(f"{name} is damaged ({exc}). Open it in Word and save it again.") from None
    if bad is not None:
        raise DocumentError(f"{name} is damaged ({bad} fails its checksum). Open it in Word and save it again.")
    return package


def _main_part(package: zipfile.ZipFile, name: str) -> str:
    """The main document part, as the package's relationships name it (word/document.xml mostly)."""
    names = set(package.namelist())
    if "_rels/.rels" in names:
        rels = _xml.parse(_read_part(package, "_rels/.rels", name), f"{name} (_rels/.rels)")
        for rel in rels:
            if rel.get("Type") == OFFICE_DOCUMENT and rel.get("Target", "").lstrip("/") in names:
                return rel.get("Target", "").lstrip("/")
    if "word/document.xml" in names:
        return "word/document.xml"
    raise DocumentError(f"{name} is a zip package without a Word main document part: not a .docx. Check the file.")


def _read_part(package: zipfile.ZipFile, part: str, name: str) -> bytes:
    try:
        return package.read(part)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise DocumentError(f"{name} is damaged ({part}: {exc}). Open it in Word and save it again.") from None


class _Paths:
    """Stable locations of paragraphs: ``tbl1/tr2/tc1/p3`` (1-based among same-named siblings)."""

    def __init__(self) -> None:
        self.index: dict = {}

    def _of(self, el) -> int:
        if el not in self.index:
            parent = el.getparent()
            counts: dict[str, int] = {}
            for child in parent:
                counts[child.tag] = counts.get(child.tag, 0) + 1
                self.index[child] = counts[child.tag]
        return self.index[el]

    def __call__(self, p) -> str:
        parts = []
        el = p
        while el is not None and el.getparent() is not None:
            if el.tag in _NAMED:
                parts.append(f"{_NAMED[el.tag]}{self._of(el)}")
            elif el.tag in _TOPS:
                parts.append(f"{_TOPS[el.tag]}{el.get(W + 'id')}")
                break
            el = el.getparent()
        return "/".join(reversed(parts))


def _paragraph(p, fields: list) -> tuple[list[list], list[int]]:
    """Groups of w:t elements (consecutive runs of one formatting) and the groups after a break."""
    groups: list[list] = []
    breaks: list[int] = []
    state = {"key": None, "break": False}

    def walk(el) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _OWN or tag in _KEEP:
                continue
            if tag == W + "fldChar":
                kind = child.get(W + "fldCharType")
                if kind == "begin":
                    fields.append("code")
                elif kind == "separate" and fields:
                    fields[-1] = "result"
                elif kind == "end" and fields:
                    fields.pop()
                state["key"] = None
            elif tag == W + "t":
                if fields:  # a field's shown result (a page number, a TOC line) is the field's own
                    state["key"] = None
                    continue
                run = child.getparent()
                rpr = run.find(W + "rPr")
                key = (run.getparent(), b"" if rpr is None else _xml_bytes(rpr))
                if key == state["key"] and not state["break"]:
                    groups[-1].append(child)
                else:
                    if state["break"] and groups:
                        breaks.append(len(groups))
                    groups.append([child])
                state["key"], state["break"] = key, False
            elif tag in _BREAKS:
                state["break"] = True
            elif tag in _MARKS:
                state["key"] = None  # a bookmark or comment anchored here keeps its place in the text
            else:
                walk(child)

    walk(p)
    return groups, breaks


def _xml_bytes(el) -> bytes:
    from lxml import etree

    return etree.tostring(el)


def read(data: bytes, name: str, options: Options = DEFAULTS) -> Document:
    package = _open(data, name, options.max_bytes)
    parts = {}
    units: list[Unit] = []
    slots: dict[str, list[list]] = {}
    tracked = 0
    main = _main_part(package, name)
    folder = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
    for part in package.namelist():
        m = PARTS.fullmatch(part[len(folder):]) if part.startswith(folder) and "/" not in part[len(folder):] else None
        if part != main and not m:
            continue
        kind = "document" if part == main else m.group(1)
        raw = _read_part(package, part, name)
        root = _xml.parse(raw, f"{name} ({part})")
        parts[part] = (root, _xml.declaration(raw))
        tracked += sum(1 for el in root.iter(*TRACKED))
        paths = _Paths()
        fields: list = []
        for p in root.iter(W + "p"):
            groups, breaks = _paragraph(p, fields)
            if not groups:
                continue
            uid = f"{kind}:{paths(p)}"
            if uid in slots:  # a paragraph in a container the path does not name: still unique
                uid += f"#{sum(1 for u in slots if u.split('#')[0] == uid) + 1}"
            units.append(Unit(uid, tuple("".join(t.text or "" for t in g) for g in groups), tuple(breaks)))
            slots[uid] = groups
    if tracked:
        raise DocumentError(
            f"{name} has {tracked} tracked changes (insertions, deletions or moves). Accept or reject them "
            "in Word (Review → Accept → Accept All Changes), save, and run again: the translation must "
            "be of one text."
        )
    return Document(NAME, tuple(units), (data, parts, slots))


def write(document: Document, targets: Mapping[str, Sequence[str]], options: Options = DEFAULTS) -> bytes:
    data, parts, slots = document.skeleton
    changed: dict = {}
    saved: list[tuple] = []
    try:
        for uid, pieces in targets.items():
            for group, piece in zip(slots[uid], pieces):
                # The whole piece goes to the group's first text element; the others are emptied.
                for k, t in enumerate(group):
                    saved.append((t, t.text, t.get(XML_SPACE)))
                    t.text = piece if k == 0 else ""
                    t.set(XML_SPACE, "preserve")
                changed[group[0].getroottree().getroot()] = True
        out = io.BytesIO()
        package = zipfile.ZipFile(io.BytesIO(data))
        with zipfile.ZipFile(out, "w") as result:
            for info in package.infolist():
                entry = parts.get(info.filename)
                if entry is not None and entry[0] in changed:
                    result.writestr(info, _xml.serialize(entry[0], entry[1]), compress_type=info.compress_type)
                else:
                    result.writestr(info, _read_part(package, info.filename, "the document"), compress_type=info.compress_type)
        return out.getvalue()
    finally:
        # The skeleton is the source's: put its text back.
        for t, text, space in reversed(saved):
            t.text = text
            if space is None:
                t.attrib.pop(XML_SPACE, None)
            else:
                t.set(XML_SPACE, space)


__all__ = ["NAME", "SUFFIXES", "read", "write"]
