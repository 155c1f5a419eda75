"""The engine protocol: what the pipeline needs from a translation engine.

An engine turns a list of sentences into hypotheses. It owns language codes (``kk`` ->
``kaz_Cyrl`` for NLLB), batching, devices and decoding; it knows nothing about documents, layout or
reports. Glossary enforcement reaches it as per-sentence ``Constraint`` lists, which each engine
honours with the means its library has (logits processors for transformers, prefix forcing for
CTranslate2).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Protocol, Sequence, runtime_checkable

from kkaligner.types import Constraint, Hypothesis

LANGUAGES = ("kk", "en")

Progress = Callable[[int], None]
"""Called with the number of sentences just finished."""


@dataclass(frozen=True)
class DecodeOptions:
    """Decoding settings shared by all engines.

    ``num_hypotheses`` is how many candidates to return per sentence (n-best, for reranking);
    ``batch_tokens`` bounds the source tokens of one batch (token-budget batching), ``batch_size``
    the sentences of one batch. ``enforce`` turns glossary enforcement on in decoding.
    """

    beam_size: int = 4
    max_length: int = 256
    num_hypotheses: int = 1
    batch_size: int = 16
    batch_tokens: int = 4096
    enforce: bool = True
    min_new_tokens: int = 0


@runtime_checkable
class Engine(Protocol):
    """A loaded translation engine.

    ``name`` is the engine's registry name; ``model_id`` and ``revision`` identify the weights (for
    signatures and the translation memory); ``device`` is where it runs (``cpu``, ``cuda``).
    """

    name: str
    model_id: str
    revision: str
    device: str

    def translate(
        self,
        texts: Sequence[str],
        source_lang: str,
        target_lang: str,
        options: DecodeOptions = DecodeOptions(),
        constraints: Optional[Sequence[Sequence[Constraint]]] = None,
        progress: Optional[Progress] = None,
    ) -> list[list[Hypothesis]]:
        """Translate ``texts``; return, for each, up to ``options.num_hypotheses`` hypotheses, best first.

        ``constraints[i]`` are the renderings sentence ``i``'s translation must contain.
        """
        ...

    def close(self) -> None:
        """Free the model's memory."""
        ...
