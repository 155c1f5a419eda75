"""Empty output, and a source sentence whose translation covers only part of it.

``dropped-sentence`` splits a source "sentence" that holds several sentences (a translation unit
often does) and the target alike, aligns the pieces and reports source pieces left without a
counterpart.
"""

from __future__ import annotations

from kkaligner.checks.base import CheckContext, present
from kkaligner.types import Finding

# A dropped piece must be a real sentence, not a short fragment the splitter cut off.
_MIN_DROPPED_CHARS = 20


def run(ctx: CheckContext):
    from kkaligner.align import align_segments
    from kkaligner.split import segment

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
        links = align_segments(
            s_parts, t_parts, source_lang=ctx.source_lang, target_lang=ctx.target_lang, glossary=ctx.glossary
        )
        for link in links:
            if link.target or not link.source:
                continue
            start, end = link.source_span
            if end - start < _MIN_DROPPED_CHARS:
                continue
            yield Finding(
                "dropped-sentence",
                "error",
                f"the translation seems to leave out this part of the source: "
                f"'{_clip(src[start:end])}'.",
                sentence=i,
                source_span=(start, end),
            )


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
