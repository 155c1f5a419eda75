"""Hallucination loops: the same words repeated back to back ("of the of the of the").

Flagged when a run of n words (n = 1..8) repeats consecutively at least _MIN_RUNS[n] times in the
target and the source has no such repetition itself (a poem's refrain, "very, very"). The suggestion
collapses the loop to one copy.
"""

from __future__ import annotations

import re

from kkaligner.checks.base import CheckContext, skip_pair
from kkaligner.types import Finding

_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
_MAX_N = 8


def _min_runs(n: int) -> int:
    # one word three times ("the the the"); two or three words three times; longer phrases twice
    return 3 if n <= 3 else 2


def loops(text: str):
    """Yield (start, end, n, runs, first_copy_end) for each maximal consecutive repetition."""
    toks = [(m.start(), m.end(), m.group().casefold()) for m in _TOKEN.finditer(text)]
    words = [t[2] for t in toks]
    i = 0
    while i < len(words):
        found = None
        for n in range(1, _MAX_N + 1):
            if i + 2 * n > len(words):
                break
            runs = 1
            while words[i + runs * n : i + (runs + 1) * n] == words[i : i + n]:
                runs += 1
            if runs >= _min_runs(n):
                found = (n, runs)
                break
        if found:
            n, runs = found
            yield toks[i][0], toks[i + runs * n - 1][1], n, runs, toks[i + n - 1][1]
            i += runs * n
        else:
            i += 1


def run(ctx: CheckContext):
    for i, (src, tgt) in enumerate(zip(ctx.sources, ctx.targets)):
        if skip_pair(ctx, i):
            continue
        source_runs = max((r for *_, r, _ in loops(src)), default=1)
        for start, end, n, runs, first_end in loops(tgt):
            if runs <= source_runs:
                continue
            yield Finding(
                "repeated-ngram",
                "warning",
                f"'{tgt[start:first_end]}' is repeated {runs} times in a row; the source has no "
                "such repetition (a typical decoding loop).",
                sentence=i,
                target_span=(start, end),
                suggestion=tgt[start:first_end],
            )
