"""Empty output, and a source sentence whose translation covers only part of it.

``dropped-sentence`` splits a source "sentence" that holds several sentences (a translation unit
often does) and the target alike, aligns the pieces and reports source pieces left without a
counterpart.
"""

from __future__ import annotations

from kkaligner.align import align_segments, shared_evidence
from kkaligner.checks.base import CheckContext, present
from kkaligner.split import segment
from kkaligner.types import Finding

# A dropped piece must be a real sentence, not a short fragment the splitter cut off.
_MIN_DROPPED_CHARS = 20
# Shared-anchor evidence (align.shared_evidence) above which a piece has a counterpart: one shared
# name (1.5) or number (2.5) is enough.
_EVIDENCE = 1.5


def run(ctx: CheckContext):
    for i, (src, tgt) in enumerate(zip(ctx.sources, ctx.targets)):
        if not present(src):
            continue
        if not present(tgt):
            yield Finding(
                "empty-output",
                "error",
                "the translation of this sentence is empty.",
                sentence=i,
                source_span=(0, len(src)),
                target_span=(0, len(tgt)),
            )
            continue
        s_parts = segment(src, ctx.source_lang)
        if len(s_parts) < 2:
            continue
        t_parts = segment(tgt, ctx.target_lang)
        if len(t_parts) >= len(s_parts):
            continue
        # First the alignment as kkalign align makes it (a piece it leaves without counterpart is an
        # error); failing that, the reviewer's alignment in which leaving a piece out is as likely as
        # merging it with its neighbour (a warning: worth a look).
        for review, severity, how in ((False, "error", "seems to leave"), (True, "warning", "may leave")):
            links = align_segments(
                s_parts, t_parts, source_lang=ctx.source_lang, target_lang=ctx.target_lang,
                glossary=ctx.glossary, review=review,
            )
            dropped = [
                link.source_span for link in links
                if link.source and not link.target
                and link.source_span[1] - link.source_span[0] >= _MIN_DROPPED_CHARS
            ]
            if review:
                # a piece that shares a number or a name with the translation has a counterpart in it
                dropped = [
                    (a, b) for a, b in dropped
                    if shared_evidence(src[a:b], ctx.source_lang, tgt, ctx.target_lang, ctx.glossary)
                    < _EVIDENCE
                ]
            for start, end in dropped:
                yield Finding(
                    "dropped-sentence",
                    severity,
                    f"the translation {how} out this part of the source: '{_clip(src[start:end])}'.",
                    sentence=i,
                    source_span=(start, end),
                )
            if dropped:
                break


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
