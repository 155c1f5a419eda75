"""TBX-Basic (ISO 30042:2019, TBX v3 DCA style) import and export; TBX v2 (martif) import.

One ``conceptEntry`` per entry, with a ``langSec`` for each language. In the target language the
approved rendering is the ``termSec`` whose administrativeStatus is ``preferredTerm-admn-sts``,
accepted alternatives are ``admittedTerm-admn-sts`` and forbidden variants
``deprecatedTerm-admn-sts`` (or ``supersededTerm-admn-sts``). ``pos`` is the source term's
``partOfSpeech`` termNote, ``provenance`` the concept's ``<admin type="source">``, ``note`` its
``<note>``. The fields TBX-Basic has no data category for (kind, case sensitivity, do not
translate, direction) are concept-level notes prefixed ``kkaligner-``, so a TSV -> TBX -> TSV
round trip loses nothing and other tools still read a valid file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Optional

from kkaligner.errors import GlossaryRowError
from kkaligner.glossary.formats._common import Findings, usable
from kkaligner.types import Term

NAME = "tbx"
SUFFIXES = (".tbx", ".xml")
LOSSY = False

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = ("deprecatedTerm-admn-sts", "supersededTerm-admn-sts")
_META = "kkaligner-"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el, name):
    return [c for c in el if _local(c.tag) == name]


def _text(el) -> str:
    return "".join(el.itertext()).strip() if el is not None else ""


def _lang(el) -> str:
    return (el.get(XML_LANG) or el.get("lang") or "").strip()


def _term_secs(lang_sec):
    """(term text, admin status, pos) for each termSec/tig/ntig of a langSec/langSet."""
    out = []
    for ts in lang_sec:
        if _local(ts.tag) not in ("termSec", "tig", "ntig"):
            continue
        term_el = next((e for e in ts.iter() if _local(e.tag) == "term"), None)
        status = pos = ""
        for e in ts.iter():
            if _local(e.tag) == "termNote":
                if e.get("type") == "administrativeStatus":
                    status = _text(e)
                elif e.get("type") == "partOfSpeech":
                    pos = _text(e)
        if term_el is not None and _text(term_el):
            out.append((_text(term_el), status, pos))
    return out


def read(text: str, name: str, findings: Optional[Findings] = None) -> list[tuple[Term, int]]:
    findings = findings if findings is not None else Findings()
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, col = exc.position
        findings.error(
            GlossaryRowError(
                f"{name}, line {line}",
                f"not well-formed TBX/XML ({exc.msg if hasattr(exc, 'msg') else exc}, column {col}). Fix the "
                "markup there (an unclosed tag or an unescaped & or <).",
                "malformed-xml",
            )
        )
        return []
    if _local(root.tag) not in ("tbx", "martif"):
        findings.error(
            GlossaryRowError(name, f"the root element is <{_local(root.tag)}>, not <tbx> or <martif>; is it a TBX file?", "bad-header")
        )
        return []
    out = []
    for n, concept in enumerate(e for e in root.iter() if _local(e.tag) in ("conceptEntry", "termEntry")):
        where = f"{name}, concept {concept.get('id') or n + 1}"
        try:
            term = _concept(concept, where)
        except GlossaryRowError as exc:
            findings.error(exc)
            continue
        term = usable(term, where, findings)
        if term is not None:
            out.append((term, 0))
    return out


def _concept(concept, where: str) -> Term:
    meta: dict[str, str] = {}
    notes = []
    provenance = ""
    for e in concept:
        tag = _local(e.tag)
        if tag == "note":
            value = _text(e)
            if value.startswith(_META) and ":" in value:
                k, v = value[len(_META):].split(":", 1)
                meta[k.strip()] = v.strip()
            elif value:
                notes.append(value)
        elif tag in ("admin", "descrip") and e.get("type") == "source":
            provenance = _text(e)
    langs = [(_lang(ls), _term_secs(ls)) for ls in concept if _local(ls.tag) in ("langSec", "langSet")]
    langs = [(lang, secs) for lang, secs in langs if secs]
    direction = meta.get("direction", "")
    if "-" in direction:
        src_lang, tgt_lang = direction.split("-", 1)
    else:
        codes = [lang for lang, _ in langs]
        if len(codes) < 2:
            raise GlossaryRowError(
                where, f"needs terms in two languages, found {codes or 'none'}. Add the missing langSec.", "empty-field"
            )
        src_lang = "kk" if "kk" in codes else codes[0]
        tgt_lang = "en" if "en" in codes and src_lang != "en" else next(c for c in codes if c != src_lang)
    by_lang = {lang: secs for lang, secs in langs}
    if src_lang not in by_lang or tgt_lang not in by_lang:
        raise GlossaryRowError(where, f"no terms in language {src_lang!r} or {tgt_lang!r}.", "empty-field")
    src = by_lang[src_lang]
    tgt = by_lang[tgt_lang]
    preferred = [t for t, s, _ in tgt if s == PREFERRED]
    target = preferred[0] if preferred else next((t for t, s, _ in tgt if s not in DEPRECATED), "")
    if not target:
        raise GlossaryRowError(
            where,
            f"every {tgt_lang!r} term is deprecated; there is no approved rendering. Mark one "
            "preferredTerm-admn-sts.",
            "empty-field",
        )
    alternatives = tuple(t for t, s, _ in tgt if t != target and s not in DEPRECATED)
    forbidden = tuple(t for t, s, _ in tgt if s in DEPRECATED)
    extra_src = [t for t, _, _ in src[1:]]
    if extra_src:
        notes.append("also source: " + " | ".join(extra_src))
    yes = ("yes", "true", "1")
    return Term(
        source=src[0][0],
        target=target,
        alternatives=alternatives,
        forbidden=forbidden,
        kind=meta.get("kind", ""),
        pos=src[0][2],
        case_sensitive=meta.get("case-sensitive", "").lower() in yes,
        dnt=meta.get("dnt", "").lower() in yes,
        note="\n".join(notes),
        provenance=provenance,
        source_lang=src_lang,
        target_lang=tgt_lang,
    )


def _term_sec(parent, text: str, status: str = "", pos: str = "") -> None:
    ts = ET.SubElement(parent, f"{{{NS}}}termSec")
    ET.SubElement(ts, f"{{{NS}}}term").text = text
    if pos:
        e = ET.SubElement(ts, f"{{{NS}}}termNote", type="partOfSpeech")
        e.text = pos
    if status:
        e = ET.SubElement(ts, f"{{{NS}}}termNote", type="administrativeStatus")
        e.text = status


def write(terms: tuple[Term, ...]) -> str:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"})
    header = ET.SubElement(root, f"{{{NS}}}tbxHeader")
    fd = ET.SubElement(header, f"{{{NS}}}fileDesc")
    sd = ET.SubElement(fd, f"{{{NS}}}sourceDesc")
    ET.SubElement(sd, f"{{{NS}}}p").text = "Glossary exported by kkaligner"
    body = ET.SubElement(ET.SubElement(root, f"{{{NS}}}text"), f"{{{NS}}}body")
    for i, t in enumerate(terms, 1):
        ce = ET.SubElement(body, f"{{{NS}}}conceptEntry", id=f"c{i}")
        if t.provenance:
            ET.SubElement(ce, f"{{{NS}}}admin", type="source").text = t.provenance
        meta = [("direction", f"{t.source_lang}-{t.target_lang}")]
        if t.kind:
            meta.append(("kind", t.kind))
        if t.case_sensitive:
            meta.append(("case-sensitive", "yes"))
        if t.dnt:
            meta.append(("dnt", "yes"))
        for k, v in meta:
            ET.SubElement(ce, f"{{{NS}}}note").text = f"{_META}{k}: {v}"
        if t.note:
            ET.SubElement(ce, f"{{{NS}}}note").text = t.note
        src = ET.SubElement(ce, f"{{{NS}}}langSec", {XML_LANG: t.source_lang})
        _term_sec(src, t.source, pos=t.pos)
        tgt = ET.SubElement(ce, f"{{{NS}}}langSec", {XML_LANG: t.target_lang})
        _term_sec(tgt, t.target, PREFERRED)
        for a in t.alternatives:
            _term_sec(tgt, a, ADMITTED)
        for f in t.forbidden:
            _term_sec(tgt, f, DEPRECATED[0])
    ET.indent(root)
    body_xml = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body_xml + "\n"
