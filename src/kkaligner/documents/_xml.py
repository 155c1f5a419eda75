"""Parsing untrusted XML (DOCX parts, XLIFF) safely.

A document that declares a DTD is refused outright: no DOCX part or XLIFF file needs one, and a
DTD is what entity bombs (billion laughs, quadratic blow-up) and external entities (XXE: reading
local files, fetching URLs) are made of. What is left is parsed by lxml with entity resolution,
DTD loading and network access off, and its default limits on depth and text size kept.
"""

from __future__ import annotations

from kkaligner.documents.base import need
from kkaligner.errors import DocumentError, UnsafeDocumentError


def parse(data: bytes, name: str):
    """The root element of ``data``; UnsafeDocumentError for a DTD, DocumentError when not XML."""
    # Markup declarations cannot hide in text or attributes (there '<' is escaped): a literal
    # one anywhere is a real declaration (or sits in a comment or CDATA, refused all the same).
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data or _wide_doctype(data):
        raise UnsafeDocumentError(
            f"{name} declares a DTD (<!DOCTYPE or <!ENTITY), which can expand into huge text or read "
            "other files. kkaligner does not read such XML: remove the declaration, or export the "
            "document again from the tool that made it."
        )
    etree = need("lxml.etree", "lxml")  # third-party: imported when an XML document is read
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise DocumentError(f"{name} is not well-formed XML ({exc}). The file is damaged; export it again.") from None


def _wide_doctype(data: bytes) -> bool:
    """A DTD in UTF-16 text (the byte check above reads UTF-8)."""
    head = data[:2]
    if head in (b"\xff\xfe", b"\xfe\xff") or (len(data) > 1 and (data[0] == 0 or data[1] == 0)):
        for codec in ("utf-16-le", "utf-16-be"):
            if "<!DOCTYPE".encode(codec) in data or "<!ENTITY".encode(codec) in data:
                return True
    return False


def serialize(root, declaration: bytes) -> bytes:
    """``root`` as UTF-8 bytes, after the source's own XML declaration."""
    from lxml import etree

    body = etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=False)
    return declaration + body


def declaration(data: bytes) -> bytes:
    """The XML declaration ``data`` starts with and the layout after it, rewritten to say UTF-8
    (what ``serialize`` writes)."""
    import re

    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""  # kept: some CAT tools write one
    m = re.match(rb"(?:\xef\xbb\xbf)?\s*(<\?xml[^>]*\?>[ \t\r\n]*)", data)
    if not m:
        return bom
    return bom + re.sub(rb"""encoding=(["'])[^"']*\1""", b'encoding="UTF-8"', m.group(1))


__all__ = ["declaration", "parse", "serialize"]
