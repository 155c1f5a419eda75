"""Reviewer checks on a translation, sentence pair by sentence pair.

``check(source_sentences, target_sentences, glossary=...)`` runs every registered check and returns
their findings; ``check_documents(source_text, target_text, ...)`` splits and aligns two documents
first and returns a ``Draft`` whose sentences are the aligned pairs, so that the output writers render
a check report as they render a draft.

Adding a check = one module with ``run(ctx) -> Iterable[Finding]`` + one line in ``CHECKS``.
"""

from __future__ import annotations

import dataclasses
from typing import Iterable, Optional, Sequence

from kkaligner import reading
from kkaligner import signature as signature_of
from kkaligner.align import align_segments, split_documents
from kkaligner.checks import (
    brackets,
    consistency,
    empty,
    length,
    numbers,
    repeats,
    script,
    terms,
)
from kkaligner.checks.base import Check, CheckContext
from kkaligner.errors import InputError, UsageError, choices
from kkaligner.io import check_text
from kkaligner.lang import check_pair
from kkaligner.split import SPLITTER_VERSION
from kkaligner.types import Draft, Finding, Link, Sentence

# name -> check; the order is the order findings of one sentence are listed in.
CHECKS: dict[str, Check] = {
    c.name: c
    for c in (
        Check("empty", ("empty-output", "dropped-sentence"), empty.run, "empty or partial translations"),
        Check("script", ("untranslated",), script.run, "text left in the source's script"),
        Check("terms", ("missing-term", "forbidden-variant", "term-variant"), terms.run, "glossary terms"),
        Check("consistency", ("inconsistent-rendering",), consistency.run, "one rendering per term"),
        Check("numbers", ("number-mismatch",), numbers.run, "numbers in digits and words"),
        Check("length", ("length-ratio",), length.run, "much longer or shorter than the source"),
        Check("repeats", ("repeated-ngram",), repeats.run, "repeated words (decoding loops)"),
        Check("brackets", ("unbalanced-brackets",), brackets.run, "quotes and brackets"),
    )
}

# Findings check_documents adds from the alignment itself.
ALIGNMENT_CODES = ("unaligned-source", "unaligned-target")

CODES: tuple[str, ...] = tuple(code for c in CHECKS.values() for code in c.codes) + ALIGNMENT_CODES


def _selected(only, skip) -> list[Check]:
    valid = list(CHECKS) + list(CODES)

    def names(values, what):
        if values is None:
            return None
        values = [values] if isinstance(values, str) else list(values)
        for v in values:
            if v not in valid:
                raise UsageError(f"unknown check {v!r} in {what}; valid: {choices(valid)}.")
        return set(values)

    only_set, skip_set = names(only, "only"), names(skip, "skip")
    out = []
    for c in CHECKS.values():
        wanted = {c.name, *c.codes}
        if only_set is not None and not (wanted & only_set):
            continue
        if skip_set and c.name in skip_set:
            continue
        out.append(c)
    return out


def _code_filter(only, skip):
    only_codes = None
    if only is not None:
        only = [only] if isinstance(only, str) else list(only)
        only_codes = set()
        for v in only:
            only_codes |= set(CHECKS[v].codes) if v in CHECKS else {v}
    skip = [skip] if isinstance(skip, str) else list(skip or ())
    skip_codes = {v for v in skip if v not in CHECKS}
    return lambda code: (only_codes is None or code in only_codes) and code not in skip_codes


def _check_langs(source_lang: str, target_lang: str) -> None:
    check_pair(source_lang, target_lang)


def check(
    source_sentences: Sequence[str],
    target_sentences: Sequence[str],
    glossary=None,
    *,
    source_lang: str = "kk",
    target_lang: str = "en",
    only: Optional[Iterable[str]] = None,
    skip: Optional[Iterable[str]] = None,
    plans: Optional[Sequence] = None,
) -> list[Finding]:
    """Run the checks on aligned sentence pairs; ``sources[i]`` is translated by ``targets[i]``.

    ``only`` / ``skip`` take check names (``numbers``) or finding codes (``number-mismatch``). An
    empty target string is a sentence left untranslated (``empty-output``), not an error. Findings
    come sorted by sentence, in the order of ``CHECKS``. ``plans`` are the sources' term plans
    (``kkaligner.terms.plan``) when the caller has them already (the pipeline does).
    """
    for name, seq in (("source", source_sentences), ("target", target_sentences)):
        if isinstance(seq, str):
            raise UsageError(f"check() takes lists of {name} sentences; use check_documents() for texts.")
    sources, targets = tuple(source_sentences), tuple(target_sentences)
    if len(sources) != len(targets):
        raise UsageError(
            f"{len(sources)} source sentences but {len(targets)} target sentences: check() needs "
            "aligned pairs. Align them first (kkaligner.align / check_documents), or pass an empty "
            "string for a sentence left untranslated."
        )
    for name, seq in (("source", sources), ("target", targets)):
        for i, s in enumerate(seq):
            if not isinstance(s, str):
                raise UsageError(f"{name} sentence {i} is a {type(s).__name__}, not a str.")
            check_text(s, f"{name} sentence {i}")
    _check_langs(source_lang, target_lang)
    ctx = CheckContext(sources, targets, glossary, source_lang, target_lang, plans)
    keep = _code_filter(only, skip)
    found: list[tuple[int, int, Finding]] = []
    for order, c in enumerate(_selected(only, skip)):
        for f in c.run(ctx):
            if keep(f.code):
                found.append((f.sentence if f.sentence is not None else -1, order, f))
    found.sort(key=lambda t: (t[0], t[1]))
    return [f for *_, f in found]


def check_documents(
    source_text: str,
    target_text: str,
    glossary=None,
    *,
    source_lang: str = "kk",
    target_lang: str = "en",
    aligned: bool = False,
    lines: bool = False,
    only: Optional[Iterable[str]] = None,
    skip: Optional[Iterable[str]] = None,
) -> Draft:
    """Split and align a document and its translation, then check the aligned pairs.

    ``lines=True`` takes every non-empty line as one sentence; ``aligned=True`` says the two files
    are already line-aligned (line i translates line i; implies ``lines``; unequal line counts are an
    error). Returns a Draft whose sentences are the aligned pairs (a 0-1 link gives a sentence with an
    empty source, a 1-0 link one with an empty target) and whose findings are the checks' plus
    ``unaligned-source`` / ``unaligned-target`` for the links with one side empty.
    """

    _check_langs(source_lang, target_lang)
    for name, text in (("source", source_text), ("target", target_text)):
        if not isinstance(text, str):
            raise UsageError(f"the {name} document must be a str, got {type(text).__name__}.")
        if not text.strip():
            raise InputError(f"the {name} document is empty: nothing to check.")
    source_read = reading.read(source_text, source_lang)
    target_read = reading.read(target_text, target_lang)
    if source_read is not None or target_read is not None:
        # Kazakh in Latin letters is checked as read in Cyrillic; the source is shown as written,
        # a translation as read (a finding says so).
        draft = _check_documents(
            source_read.text if source_read else source_text,
            target_read.text if target_read else target_text,
            glossary, source_lang=source_lang, target_lang=target_lang, aligned=aligned, lines=lines,
            only=only, skip=skip,
        )
        if target_read is not None:
            draft = dataclasses.replace(draft, findings=(reading.note(target_read, "translation"), *draft.findings))
        return reading.map_source(draft, source_read) if source_read else draft
    return _check_documents(source_text, target_text, glossary, source_lang=source_lang, target_lang=target_lang,
                            aligned=aligned, lines=lines, only=only, skip=skip)


def _check_documents(source_text: str, target_text: str, glossary, *, source_lang: str, target_lang: str,
                     aligned: bool, lines: bool, only, skip) -> Draft:
    """``check_documents`` on texts as they are (no reading of Latin-script Kazakh)."""
    src, tgt = split_documents(source_text, target_text, source_lang, target_lang, lines or aligned)
    if aligned:
        if len(src) != len(tgt):
            raise InputError(
                f"--aligned needs line-aligned files, but the source has {len(src)} non-empty lines "
                f"and the target {len(tgt)}. Drop --aligned to align them by content."
            )
        links = [Link((i,), (i,), 1.0, (s.start, s.end), (t.start, t.end)) for i, (s, t) in enumerate(zip(src, tgt))]
    else:
        links = align_segments(src, tgt, source_lang=source_lang, target_lang=target_lang, glossary=glossary)

    sentences, pairs_s, pairs_t = [], [], []
    pos = 0
    for k, link in enumerate(links):
        s_text = " ".join(src[i].text for i in link.source)
        t_text = " ".join(tgt[j].text for j in link.target)
        if link.source_span:
            start, end = link.source_span
            s_text = source_text[start:end]  # keep the source's own layout inside the link
            paragraph = src[link.source[0]].paragraph
        else:
            start = end = pos
            paragraph = sentences[-1].paragraph if sentences else 0
        pos = end
        sentences.append(Sentence(k, s_text, t_text, start, end, paragraph, score=link.score))
        pairs_s.append(s_text)
        pairs_t.append(t_text)

    findings = check(pairs_s, pairs_t, glossary, source_lang=source_lang, target_lang=target_lang, only=only, skip=skip)
    keep = _code_filter(only, skip)
    extra = []
    for k, link in enumerate(links):
        if not link.target and keep("unaligned-source"):
            extra.append(Finding(
                "unaligned-source", "error",
                "no sentence of the translation corresponds to this source sentence: dropped?",
                sentence=k, source_span=(0, len(pairs_s[k])),
            ))
        elif not link.source and keep("unaligned-target"):
            extra.append(Finding(
                "unaligned-target", "warning",
                "this sentence of the translation corresponds to no source sentence: added?",
                sentence=k, target_span=(0, len(pairs_t[k])),
            ))
    # empty-output on a 1-0 link says the same as unaligned-source
    findings = [f for f in findings if not (f.code == "empty-output" and not links[f.sentence].target)]
    findings = sorted(findings + extra, key=lambda f: (f.sentence if f.sentence is not None else -1))

    separators = _separators(source_text, sentences)
    signature = signature_of.check(
        source_lang=source_lang,
        target_lang=target_lang,
        splitter="lines" if (lines or aligned) else SPLITTER_VERSION,
        glossary=getattr(glossary, "hash", None) or "none",
        aligned=aligned,
    )
    return Draft(
        source_text=source_text,
        sentences=tuple(sentences),
        separators=separators,
        signature=signature,
        findings=tuple(findings),
        source_lang=source_lang,
        target_lang=target_lang,
    )


def _separators(source_text: str, sentences) -> tuple[str, ...]:
    """Layout of the source around the pairs; a space between pairs that would otherwise touch."""
    if not sentences:
        return (source_text,)
    seps = [source_text[: sentences[0].start]]
    for a, b in zip(sentences, sentences[1:]):
        gap = source_text[a.end : b.start]
        seps.append(gap if gap or not (a.target and b.target) else " ")
    seps.append(source_text[sentences[-1].end :])
    return tuple(seps)


__all__ = ["check", "check_documents", "CHECKS", "CODES", "ALIGNMENT_CODES", "CheckContext", "Check"]
