"""TMX 1.4b writer: the draft as a translation memory, one ``<tu>`` a sentence.

The header names the tool and carries the signature in ``<prop>`` elements
(``x-kkaligner-signature`` and one ``x-kkaligner-<part>`` a part of it). Each ``<tu>`` has
``tuid`` = the sentence index, a ``x-kkaligner-paragraph`` prop, the sentence's findings as
``<note>`` (so a memory manager can filter out flagged pairs) and one ``<tuv>`` a language. No
creation date is written, so the same draft always gives the same file.

TMX has no escape for characters XML 1.0 cannot hold (most C0 controls): they become U+FFFD, and
the ``<tu>`` gets a note saying so. Carriage returns are written as ``&#13;`` so that parsers keep
them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kkaligner import __version__
from kkaligner.types import Draft, Finding
from kkaligner.writers._common import XML_INVALID, indent, serialize, signature_items

_LEAVES = ("seg", "note", "prop")


def _clean(text: str) -> tuple[str, bool]:
    cleaned = XML_INVALID.sub("\ufffd", text)
    return cleaned, cleaned != text


def _finding_text(f: Finding) -> str:
    text = f"[{f.severity}] {f.code}: {f.message}"
    if f.suggestion is not None:
        text += f" Suggestion: {f.suggestion}"
    return text


def render(draft: Draft) -> str:
    root = ET.Element("tmx", {"version": "1.4"})
    header = ET.SubElement(root, "header", {
        "creationtool": "kkaligner",
        "creationtoolversion": draft.signature.kkaligner or __version__,
        "datatype": "plaintext",
        "segtype": "sentence",
        "adminlang": "en",
        "srclang": _clean(draft.source_lang)[0],
        "o-tmf": "kkaligner",
    })
    rows = {s.index for s in draft.sentences}
    # DTD order in <header>: (note|prop|ude)*; in <tu> and <tuv>: (note|prop)* then the rest.
    for f in draft.findings:
        if f.sentence not in rows:
            ET.SubElement(header, "note").text = _clean(_finding_text(f))[0]
    for key, value in signature_items(draft):
        name = "signature" if key == "string" else _clean(key)[0]
        ET.SubElement(header, "prop", {"type": f"x-kkaligner-{name}"}).text = _clean(value)[0]

    by_sentence: dict[int, list[Finding]] = {}
    for f in draft.findings:
        if f.sentence in rows:
            by_sentence.setdefault(f.sentence, []).append(f)
    body = ET.SubElement(root, "body")
    for s in draft.sentences:
        tu = ET.SubElement(body, "tu", {"tuid": str(s.index)})
        source, lost_source = _clean(s.source)
        target, lost_target = _clean(s.target)
        for f in by_sentence.get(s.index, []):
            ET.SubElement(tu, "note").text = _clean(_finding_text(f))[0]
        if lost_source or lost_target:
            ET.SubElement(tu, "note").text = (
                "characters not allowed in XML were replaced by U+FFFD; see the json output")
        ET.SubElement(tu, "prop", {"type": "x-kkaligner-paragraph"}).text = str(s.paragraph)
        for lang, text in ((draft.source_lang, source), (draft.target_lang, target)):
            tuv = ET.SubElement(tu, "tuv", {"xml:lang": _clean(lang)[0]})
            ET.SubElement(tuv, "seg").text = text
    indent(root, _LEAVES)
    return serialize(root)
