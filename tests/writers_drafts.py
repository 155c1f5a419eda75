"""Drafts built by hand for the writer tests (no model needed), and a hypothesis strategy."""

from __future__ import annotations

from hypothesis import strategies as st

from kkaligner.types import Draft, Finding, Sentence, Signature, Term, TermUse

SIGNATURE = Signature("0.1.0", "tiny", "tiny-kk-en", splitter="kk", glossary="terms.tsv@3f2a",
                      extra=(("temperature", "0"),))

BAIKONUR = Term("Байқоңыр", "Baikonur", kind="place", note="космодром «Байқоңыр»",
                provenance="https://example.org/glossary")
SPACE = Term("ғарыш", "space", alternatives=("outer space",), forbidden=("kosmos",), kind="noun")
NASA = Term("NASA", "NASA", dnt=True, kind="org")

# Sentence 0: quotes, <, &, an emoji and a tab; sentence 1: RTL marks (RLM, RLO) and Hebrew;
# sentence 2: a line break inside the sentence, CR LF, and a control character.
SRC = [
    'Байқоңырдағы "ғарыш" <айлағы> & 🚀\tжұмыс істейді.',
    "\u200fשלום ғарыш\u202e әлемі.",
    "NASA мен Байқоңыр\r\nбірге\x01 жұмыс істейді.",
]
TGT = [
    'The "space" <port> at Baikonur & 🚀\tworks.',
    "\u200fשלום kosmos\u202e world.",
    "NASA and Baikonur\r\nwork\x01 together.",
]


def _span(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return (start, start + len(word))


def rich_draft() -> Draft:
    """Three sentences in two paragraphs with terms (applied, forced, missing) and findings."""
    sep = ["", "\n\n", " ", "\n"]
    doc = sep[0] + SRC[0] + sep[1] + SRC[1] + sep[2] + SRC[2] + sep[3]
    starts = [doc.index(s) for s in SRC]
    s0 = Sentence(0, SRC[0], TGT[0], starts[0], starts[0] + len(SRC[0]), 0, terms=(
        TermUse(BAIKONUR, _span(SRC[0], "Байқоңырдағы"), _span(TGT[0], "Baikonur"), "Байқоңырдағы"),
        TermUse(SPACE, _span(SRC[0], "ғарыш"), _span(TGT[0], "space"), "ғарыш", "forced"),
    ), score=-0.42)
    s1 = Sentence(1, SRC[1], TGT[1], starts[1], starts[1] + len(SRC[1]), 1, terms=(
        TermUse(SPACE, _span(SRC[1], "ғарыш"), None, "ғарыш", "missing"),
    ))
    s2 = Sentence(2, SRC[2], TGT[2], starts[2], starts[2] + len(SRC[2]), 1, terms=(
        TermUse(NASA, _span(SRC[2], "NASA"), _span(TGT[2], "NASA"), "NASA"),
        TermUse(BAIKONUR, _span(SRC[2], "Байқоңыр"), _span(TGT[2], "Baikonur"), "Байқоңыр"),
    ), score=-1.5)
    findings = (
        Finding("missing-term", "error", "«ғарыш» must be rendered as 'space'", 1,
                _span(SRC[1], "ғарыш"), None, "space"),
        Finding("forbidden-variant", "warning", 'forbidden "kosmos" <variant> & co', 1,
                None, _span(TGT[1], "kosmos"), "space"),
        # crosses the term "Baikonur" in the target: the highlight must be split, not mangled
        Finding("number-mismatch", "info", "check the port", 0, None, (13, 25)),
        Finding("insertion-point", "info", "something is missing here", 0, None, (4, 4)),
        Finding("untranslated", "warning", "document-level\tnote with <markup>", None),
    )
    return Draft(doc, (s0, s1, s2), tuple(sep), SIGNATURE, findings)


def empty_draft(layout: str = "") -> Draft:
    """A document with no sentences (empty, or only whitespace)."""
    return Draft(layout, (), (layout,), SIGNATURE)


# --- hypothesis --------------------------------------------------------------------------------

# Any text but lone surrogates (which no decoded document can hold).
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=25)
WORD = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8)
SEVERITY = st.sampled_from(["error", "warning", "info"])


@st.composite
def spans(draw, text: str):
    a = draw(st.integers(0, len(text)))
    b = draw(st.integers(a, len(text)))
    return (a, b)


@st.composite
def drafts(draw) -> Draft:
    n = draw(st.integers(0, 4))
    sentences, seps, findings = [], [draw(st.sampled_from(["", "\n", "  "]))], []
    doc = seps[0]
    paragraph = 0
    for i in range(n):
        source, target = draw(TEXT), draw(TEXT)
        terms = []
        for _ in range(draw(st.integers(0, 2))):
            term = Term(draw(WORD), draw(WORD), kind=draw(st.sampled_from(["", "place"])),
                        note=draw(TEXT))
            tspan = draw(st.one_of(st.none(), spans(target)))
            status = draw(st.sampled_from(["applied", "forced"])) if tspan else "missing"
            sspan = draw(spans(source))
            terms.append(TermUse(term, sspan, tspan, source[sspan[0]:sspan[1]], status))
        for _ in range(draw(st.integers(0, 2))):
            findings.append(Finding(draw(st.sampled_from(["missing-term", "x"])), draw(SEVERITY),
                                    draw(TEXT), i, draw(st.one_of(st.none(), spans(source))),
                                    draw(st.one_of(st.none(), spans(target))),
                                    draw(st.one_of(st.none(), TEXT))))
        start = len(doc)
        doc += source
        sentences.append(Sentence(i, source, target, start, start + len(source), paragraph,
                                  tuple(terms), draw(st.one_of(st.none(), st.floats(-50, 0)))))
        sep = draw(st.sampled_from([" ", "\n", "\n\n"]))
        paragraph += sep == "\n\n"
        seps.append(sep)
        doc += sep
    if n == 0:
        seps = seps[:1]
    if draw(st.booleans()):
        findings.append(Finding("untranslated", draw(SEVERITY), draw(TEXT), None))
    return Draft(doc, tuple(sentences), tuple(seps), SIGNATURE, tuple(findings))
