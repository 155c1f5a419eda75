"""XLIFF 1.2 and 2.x (.xlf, .xliff, .sdlxliff) for pre-translation in a CAT tool: empty targets filled.

A target that already has text is kept unless ``overwrite`` is set; units marked translate="no"
are skipped. A filled target gets the version's machine-translation state: in 1.2
state="needs-review-translation" state-qualifier="mt-suggestion", in 2.x the segment's
state="translated" with subState="kkaligner:mt". A segmented 1.2 unit (``<seg-source>`` with
``<mrk mtype="seg">``, as SDLXLIFF and Okapi write them) is translated segment by segment into the
target's ``<mrk>`` of the same ``mid``; in SDLXLIFF the segment's ``sdl:seg`` gets conf="Draft"
origin="mt".

Inline codes (1.2: g, x, bx, ex, ph, bpt, ept, it, mrk; 2.x: pc, ph, sc, ec, cp, mrk, sm, em) go
through the model as placeholders: ``{a}``…``{/a}`` for a code with content, ``{b/}`` for one
without. Where the model kept them all, well nested, they stay where it put them; otherwise they
are all placed again by mapping their source positions onto the translation (``_spans``), in
source order, so every code comes back exactly once with its id and attributes.
"""

from __future__ import annotations

import copy
import re
from typing import Mapping, Sequence

from kkaligner.documents import _xml
from kkaligner.documents._spans import map_offsets
from kkaligner.documents.base import DEFAULTS, Document, Options, Unit
from kkaligner.errors import DocumentError

NAME = "xliff"
SUFFIXES = (".xlf", ".xliff", ".sdlxliff")

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PAIRED = frozenset({"g", "mrk", "pc"})
# Placeholders are named by letters (a, b, ..., z, aa, ...): digits would read as numbers to the
# number check and the model.
TOKEN = re.compile(r"\{(/?)([a-zA-Z]+)(/?)\}")  # a model may change their case


def _name(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(97 + r) + out
    return out


def _number(name: str) -> int:
    n = 0
    for ch in name:
        n = n * 26 + ord(ch.lower()) - 96
    return n


def _local(el) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _flatten(el, codes: list) -> str:
    """``el``'s content as text with a placeholder for each inline code (codes numbered from 1)."""
    out = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str):  # a comment or processing instruction inside the text
            out.append(child.tail or "")
            continue
        codes.append(child)
        n = len(codes)
        if _local(child) in PAIRED:
            out += [f"{{{_name(n)}}}", _flatten(child, codes), f"{{/{_name(n)}}}"]
        else:
            out.append(f"{{{_name(n)}/}}")
        out.append(child.tail or "")
    return "".join(out)


def _expected(text: str) -> list[str]:
    return [m.group().lower() for m in TOKEN.finditer(text)]


def _well_placed(target: str, expected: list[str]) -> bool:
    """Every expected placeholder exactly once, pairs opened before closed and properly nested."""
    found = _expected(target)
    if sorted(found) != sorted(expected):
        return False
    stack: list[str] = []
    for token in found:
        m = TOKEN.fullmatch(token)
        if m is None:
            return False
        if m.group(3):
            continue
        if m.group(1):
            if not stack or stack[-1] != m.group(2):
                return False
            stack.pop()
        else:
            stack.append(m.group(2))
    return not stack


def restore(source: str, target: str) -> tuple[str, bool]:
    """``target`` with every placeholder of ``source`` exactly once; True when they had to be placed again."""
    expected = _expected(source)
    if _well_placed(target, expected):
        return target, False
    plain_target = TOKEN.sub("", target)
    plain_source, offsets = "", []
    pos = 0
    for m in TOKEN.finditer(source):
        plain_source += source[pos:m.start()]
        offsets.append(len(plain_source))
        pos = m.end()
    plain_source += source[pos:]
    # Collapse spaces the removed placeholders left doubled.
    plain_target = re.sub(r" {2,}", " ", plain_target)
    mapped = map_offsets(plain_source, plain_target, offsets)
    out, pos = [], 0
    for token, at in zip(expected, mapped):
        out += [plain_target[pos:at], token]
        pos = at
    out.append(plain_target[pos:])
    return "".join(out), True


def _build(target_el, text: str, codes: Sequence) -> None:
    """Fill ``target_el`` from placeholder ``text``: copies of the source codes, text between."""
    for child in list(target_el):
        target_el.remove(child)
    target_el.text = None
    stack = [target_el]
    last = None  # the element whose tail takes the next text, None: the current parent's text

    def add_text(s: str) -> None:
        if not s:
            return
        if last is None:
            stack[-1].text = (stack[-1].text or "") + s
        else:
            last.tail = (last.tail or "") + s

    pos = 0
    for m in TOKEN.finditer(text):
        add_text(text[pos:m.start()])
        pos = m.end()
        closing, n, single = m.group(1), _number(m.group(2)), m.group(3)
        code = codes[n - 1]
        if closing:
            last = stack.pop()
            continue
        if single:
            el = copy.deepcopy(code)
            el.tail = None
            stack[-1].append(el)
            last = el
        else:
            el = code.makeelement(code.tag, dict(code.attrib))
            stack[-1].append(el)
            stack.append(el)
            last = None
    add_text(text[pos:])


def _has_text(el) -> bool:
    return el is not None and ("".join(el.itertext()).strip() != "" or len(el) > 0)


def _skipped(el) -> bool:
    while el is not None:
        if el.get("translate") == "no":
            return True
        el = el.getparent()
    return False


def read(data: bytes, name: str, options: Options = DEFAULTS) -> Document:
    root = _xml.parse(data, name)
    version = root.get("version", "")
    if _local(root) != "xliff" or not version[:1] in ("1", "2"):
        raise DocumentError(
            f"{name} is not XLIFF 1.2 or 2.x (root <{_local(root)}> version {version!r}). Export XLIFF "
            "from your CAT tool, or name another format with --input-format."
        )
    ns = root.tag[: -len("xliff")]
    units: list[Unit] = []
    places: dict[str, tuple] = {}
    files = root.findall(ns + "file")
    if version.startswith("1"):
        pairs = [(tu, tu.get("id", str(k)), f) for fi, f in enumerate(files) for k, tu in enumerate(f.iter(ns + "trans-unit"), 1)]
    else:
        pairs = []
        for f in files:
            for unit in f.iter(ns + "unit"):
                for k, seg in enumerate(unit.findall(ns + "segment"), 1):
                    pairs.append((seg, f"{unit.get('id')}/{seg.get('id') or k}", f))
    prefix = len(files) > 1
    for holder, uid, f in pairs:
        if prefix:
            uid = f"{f.get('original') or f.get('id') or files.index(f) + 1}:{uid}"
        if _skipped(holder):
            continue
        segments = _segments(holder, ns) if version.startswith("1") else []
        if segments:
            # A segmented unit (SDLXLIFF, Okapi): each <mrk mtype="seg"> of <seg-source> is a unit,
            # filled into the <mrk> of <target> with the same mid.
            target = holder.find(ns + "target")
            for mrk in segments:
                mid = mrk.get("mid", "")
                there = _mrk(target, ns, mid) if target is not None else None
                if _has_text(there) and not options.overwrite:
                    continue
                _add(units, places, name, f"{uid}/{mid}", holder, mrk)
            continue
        source = holder.find(ns + "source")
        if source is None or (_has_text(holder.find(ns + "target")) and not options.overwrite):
            continue
        _add(units, places, name, uid, holder, source)
    return Document(NAME, tuple(units), (root, _xml.declaration(data), ns, version, places))


def _segments(tu, ns: str) -> list:
    seg_source = tu.find(ns + "seg-source")
    if seg_source is None:
        return []
    return [m for m in seg_source.iter(ns + "mrk") if m.get("mtype") == "seg"]


def _mrk(el, ns: str, mid: str):
    return next((m for m in el.iter(ns + "mrk") if m.get("mtype") == "seg" and m.get("mid") == mid), None)


def _add(units: list, places: dict, name: str, uid: str, holder, source) -> None:
    if uid in places:
        raise DocumentError(f"{name}: unit id {uid!r} occurs twice. Give each unit its own id in the CAT tool.")
    codes: list = []
    units.append(Unit(uid, (_flatten(source, codes),)))
    places[uid] = (holder, source, codes)


def review(document: Document, targets: Mapping[str, Sequence[str]]) -> list[tuple[str, str]]:
    """(unit id, message) for each unit whose inline codes had to be placed again."""
    out = []
    for unit in document.units:
        pieces = targets.get(unit.id)
        if pieces is not None and restore(unit.pieces[0], "".join(pieces))[1]:
            out.append((unit.id, "the model moved or dropped inline codes (tags, placeholders); they were "
                        "placed again by position: check where they stand in the target."))
    return out


def write(document: Document, targets: Mapping[str, Sequence[str]], options: Options = DEFAULTS) -> bytes:
    root, declaration, ns, version = document.skeleton[:4]
    # Written from a copy: the skeleton stays the source's.
    root = copy.deepcopy(root)
    pairs = list(zip(document.skeleton[0].iter(), root.iter()))  # held, so that ids stay unique
    copies = {id(a): b for a, b in pairs}
    places = document.skeleton[4]
    v1 = version.startswith("1")
    for unit in document.units:
        pieces = targets.get(unit.id)
        if pieces is None:
            continue
        holder, source, codes = places[unit.id]
        holder, source = copies[id(holder)], copies[id(source)]
        codes = [copies[id(c)] for c in codes]
        text, _ = restore(unit.pieces[0], "".join(pieces))
        target = holder.find(ns + "target")
        segmented = v1 and _local(source) == "mrk"
        if target is None:
            # A segmented unit's target starts as a copy of <seg-source> (its tags and the text
            # between segments), a plain one as an empty <target> after <source>.
            target = copy.deepcopy(holder.find(ns + "seg-source")) if segmented else source.makeelement(ns + "target", {})
            target.tag = ns + "target"
            after = holder.find(ns + "seg-source") if v1 else None
            anchor = after if after is not None else source
            anchor.addnext(target)
            # The new line gets the source line's indentation.
            before = anchor.getprevious()
            indent = before.tail if before is not None else holder.text
            target.tail = anchor.tail
            if indent is not None and not indent.strip():
                anchor.tail = indent
        if segmented:
            mid = source.get("mid", "")
            place = _mrk(target, ns, mid)
            if place is None:
                place = source.makeelement(source.tag, dict(source.attrib))
                target.append(place)
            _build(place, text, codes)
            for seg in holder.iter("{http://sdl.com/FileTypes/SdlXliff/1.0}seg"):
                if seg.get("id") == mid:
                    seg.set("conf", "Draft")
                    seg.set("origin", "mt")
            continue
        _build(target, text, codes)
        if v1:
            target.set("state", "needs-review-translation")
            target.set("state-qualifier", "mt-suggestion")
        else:
            holder.set("state", "translated")
            holder.set("subState", "kkaligner:mt")
    if v1:
        for f in root.findall(ns + "file"):
            if not f.get("target-language"):
                f.set("target-language", options.target_lang)
    elif not root.get("trgLang"):
        root.set("trgLang", options.target_lang)
    return _xml.serialize(root, declaration)


__all__ = ["NAME", "SUFFIXES", "read", "restore", "write"]
