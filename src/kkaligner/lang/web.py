"""Web addresses, which every script and language writes as they are: URLs, e-mail addresses and
sites named by their domain.

A sentence never ends inside one (``kkaligner.split``), and Kazakh read from a Latin alphabet keeps
them in Latin letters (``kkaligner.lang.latin``): https://adyrna.kz is no хттпс://адырна.кз.
"""

from __future__ import annotations

import re

# URLs and e-mail addresses; a URL's last character is no punctuation, so "... www.gov.kz." ends
# a sentence.
ADDRESS = re.compile(
    r"(?:(?:https?|ftp)://|www\.)[^\s<>«»\"]*[^\s<>«»\".,;:!?)\]'’]"
    # An e-mail's local part: at most 64 characters (RFC 5321), starting where no such character
    # precedes it, so that a long run of word characters costs linear time, not quadratic.
    r"|(?<![\w.+\-])[\w.+\-]{1,64}@[\w\-]+(?:\.[\w\-]+)+"
)

# A site named by its domain, as Kazakh news credits its sources (деп хабарлайды Egemen.kz; Zakon.kz
# порталы; Tengrinews.kz сайты): labels of letters and digits and a top-level domain of the
# region's and the news's usual ones (IANA root zone: the generic ones and the country codes of
# Kazakhstan, its neighbours and the sites it most often cites), in lower case or in capitals
# (BAQ.KZ), a path after it included, a Kazakh case ending after a hyphen not (Tengrinews.kz-ке).
_TLDS = (
    "kz ru uz kg tj tm az ua by ge cn tr uk us de fr eu "
    "com org net info gov edu int io me tv asia news media online "
    # Kazakhstan's and Russia's Cyrillic domains, and .kz as Kazakh text spells it (Жерұйық.кз)
    "қаз рф кз"
).split()
# The domain in lower case, or all of it in capitals (BAQ.KZ): "jaqsy.Kz", "қойылды.РФ" are full stops
# missing their space. A Kazakh ending may follow after a hyphen (Tengrinews.kz-те).
_END = r"(?!\w|-[\w\-]*\.\w|\.[^\W_])(?:/[^\s<>«»\"]*[^\s<>«»\".,;:!?)\]'’])?"
SITE = re.compile(
    r"(?<![\w.@/\-])(?:"
    rf"[^\W_](?:[\w\-]*[^\W_])?(?:\.[\w\-]+)*\.(?:{'|'.join(_TLDS)}){_END}"
    rf"|[^\W\d_a-zа-яәғқңөұүһі](?:[^\W_a-zа-яәғқңөұүһі]|-)*(?:\.[^\W_a-zа-яәғқңөұүһі]+)*\.(?:{'|'.join(t.upper() for t in _TLDS)}){_END}"
    r")"
)


# A file named with its extension (report.pdf, Ереже_2024.docx): written as it is in any language too.
FILE = re.compile(
    r"(?<![\w.@/\-])[\w\-]+(?:\.[\w\-]+)*\.(?:pdf|docx?|xlsx?|pptx?|odt|rtf|txt|csv|json|xml|html?|zip|rar|jpe?g|png|gif|svg|mp3|mp4|srt|vtt|xliff|xlf|tmx|tbx)(?!\w)"
)

# Anything shaped like an address, a file's or a version's name: letters or digits on both sides
# of a dot, an @ or a slash (yna.co.kr, setup.exe, node.js, v1.2): text that a translation keeps
# as it is, however unlike a known domain or extension.
ADDRESS_LIKE = re.compile(r"[^\s«»\"()]*[A-Za-z0-9][.@/][^\s«»\"()]*[A-Za-z0-9]")


def address_spans(text: str, sites: bool = False) -> list[tuple[int, int]]:
    """The (start, end) of each URL and e-mail address in ``text`` and, with ``sites``, of each site
    named by its domain and each file named with its extension, in order, none overlapping another."""
    spans = [m.span() for m in ADDRESS.finditer(text)] if "://" in text or "www." in text or "@" in text else []
    if sites and "." in text:
        for pattern in (SITE, FILE):
            spans += [
                m.span() for m in pattern.finditer(text) if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in spans)
            ]
        spans.sort()
    return spans


__all__ = ["ADDRESS", "ADDRESS_LIKE", "FILE", "SITE", "address_spans"]
