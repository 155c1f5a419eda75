"""XLIFF 2.1 writer, for CAT tools (OmegaT 6+, Okapi, memoQ, Trados...).

Structure (core namespace ``urn:oasis:names:tc:xliff:document:2.0``, which XLIFF 2.1 keeps, with
``version="2.1"``)::

    <xliff version="2.1" srcLang="kk" trgLang="en">
      <file id="f1">
        <mda:metadata>…the signature and its parts as <mda:meta>…</mda:metadata>
        <notes><note category="kkaligner:signature">…</note> + document-level findings</notes>
        <group id="p0" name="paragraph 0">           one group a paragraph
          <unit id="s0" name="0" xml:space="preserve">  one unit a sentence (index in name)
            <gls:glossary><gls:glossEntry>…</gls:glossEntry></gls:glossary>   terms of the sentence
            <notes><note category="kkaligner:finding" …>…</note></notes>     findings of it
            <segment state="translated"><source>…</source><target>…</target></segment>

Characters that XML 1.0 cannot hold (most C0 controls) are written as ``<cp hex="…"/>`` in
``<source>``/``<target>``, as XLIFF 2 prescribes (notes, glossary entries and attributes cannot hold
``<cp/>``: there they become U+FFFD); carriage returns as ``&#13;`` so that parsers keep them. An
empty document gives one empty paragraph group (a ``<file>`` needs at least one child).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kkaligner.types import Draft, Finding
from kkaligner.writers._common import (
    XML_INVALID,
    indent,
    rendering,
    serialize,
    signature_items,
    source_form,
)

NS = "urn:oasis:names:tc:xliff:document:2.0"
NS_GLS = "urn:oasis:names:tc:xliff:glossary:2.0"
NS_MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
VERSION = "2.1"

# Priority of notes is 1 (highest) to 10 (XLIFF 2 core, 4.3.1.29).
PRIORITY = {"error": "1", "warning": "3", "info": "5"}
_LEAVES = ("source", "target", "note", "gls:term", "gls:translation", "gls:definition", "mda:meta")


def _inline(elem: ET.Element, text: str) -> None:
    """Put ``text`` into ``<source>``/``<target>``, writing XML-invalid characters as ``<cp/>``."""
    pos = 0
    last = None
    elem.text = ""
    for m in XML_INVALID.finditer(text):
        chunk = text[pos:m.start()]
        if last is None:
            elem.text += chunk
        else:
            last.tail = (last.tail or "") + chunk
        last = ET.SubElement(elem, "cp", {"hex": f"{ord(m.group()):04X}"})
        last.tail = ""
        pos = m.end()
    rest = text[pos:]
    if last is None:
        elem.text += rest
    else:
        last.tail += rest


def _plain(text: str) -> str:
    # Only <source>/<target> can carry <cp/>; elsewhere XML-invalid characters become U+FFFD.
    return XML_INVALID.sub("\ufffd", text)


def _text(elem: ET.Element, text: str) -> None:
    elem.text = _plain(text)


def _finding_text(f: Finding) -> str:
    text = f"[{f.severity}] {f.code}: {f.message}"
    spans = []
    if f.source_span is not None:
        spans.append(f"source {f.source_span[0]}-{f.source_span[1]}")
    if f.target_span is not None:
        spans.append(f"target {f.target_span[0]}-{f.target_span[1]}")
    if spans:
        text += f" ({', '.join(spans)})"
    if f.suggestion is not None:
        text += f" Suggestion: {f.suggestion}"
    return text


def _note(parent: ET.Element, f: Finding, note_id: str) -> None:
    attrs = {"id": note_id, "category": "kkaligner:finding",
             "priority": PRIORITY.get(f.severity, "5")}
    if f.target_span is not None or (f.source_span is None and f.sentence is not None):
        attrs["appliesTo"] = "target"
    elif f.source_span is not None:
        attrs["appliesTo"] = "source"
    _text(ET.SubElement(parent, "note", attrs), _finding_text(f))


def render(draft: Draft) -> str:
    root = ET.Element("xliff", {
        "xmlns": NS,
        "xmlns:gls": NS_GLS,
        "xmlns:mda": NS_MDA,
        "version": VERSION,
        "srcLang": _plain(draft.source_lang),
        "trgLang": _plain(draft.target_lang),
    })
    file = ET.SubElement(root, "file", {"id": "f1"})

    metadata = ET.SubElement(file, "mda:metadata")
    group = ET.SubElement(metadata, "mda:metaGroup", {"category": "kkaligner:signature"})
    for key, value in signature_items(draft):
        _text(ET.SubElement(group, "mda:meta", {"type": _plain(key)}), value)

    rows = {s.index for s in draft.sentences}
    file_notes = ET.SubElement(file, "notes")
    _text(ET.SubElement(file_notes, "note", {"id": "signature", "category": "kkaligner:signature"}),
          str(draft.signature))
    by_sentence: dict[int, list[tuple[int, Finding]]] = {}
    for i, f in enumerate(draft.findings):
        if f.sentence in rows:
            by_sentence.setdefault(f.sentence, []).append((i, f))
        else:  # document-level, or pointing at no sentence: keep it on the file
            _note(file_notes, f, f"f{i}")

    # One group a run of sentences of one paragraph, so the units keep the document's order.
    used: set[str] = set()
    para = None
    previous = None
    for s in draft.sentences:
        if para is None or s.paragraph != previous:
            gid = f"p{s.paragraph}"
            while gid in used:
                gid += "x"
            used.add(gid)
            para = ET.SubElement(file, "group", {"id": gid, "name": f"paragraph {s.paragraph}"})
            previous = s.paragraph
        unit = ET.SubElement(para, "unit", {"id": f"s{s.index}", "name": str(s.index),
                                            "xml:space": "preserve"})
        if s.terms:
            glossary = ET.SubElement(unit, "gls:glossary")
            for use in s.terms:
                entry = ET.SubElement(glossary, "gls:glossEntry")
                term_attrs = {"source": _plain(use.term.provenance)} if use.term.provenance else {}
                _text(ET.SubElement(entry, "gls:term", term_attrs), source_form(use.term, draft.target_lang))
                _text(ET.SubElement(entry, "gls:translation"), rendering(use.term, draft.target_lang))
                details = [f"status: {use.status}", f"in source: {use.surface}"]
                if use.target_span is not None:
                    a, b = use.target_span
                    details.append(f"in draft: {s.target[a:b]}")
                details += [d for d in (use.term.kind, use.term.note) if d]
                _text(ET.SubElement(entry, "gls:definition"), "; ".join(details))
        found = by_sentence.get(s.index, [])
        if found:
            notes = ET.SubElement(unit, "notes")
            for i, f in found:
                _note(notes, f, f"f{i}")
        segment = ET.SubElement(unit, "segment",
                                {"state": "translated" if s.target else "initial"})
        _inline(ET.SubElement(segment, "source"), s.source)
        if s.target:
            _inline(ET.SubElement(segment, "target"), s.target)
    if para is None:
        ET.SubElement(file, "group", {"id": "p0", "name": "empty document"})
    indent(root, _LEAVES)
    return serialize(root)
