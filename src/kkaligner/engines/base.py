"""What every engine shares: the protocol the pipeline sees, decoding options, language codes, batching.

An engine turns a list of sentences into hypotheses. It owns language codes (``kk`` →
``kaz_Cyrl`` for NLLB), batching, devices and decoding; it knows nothing about documents, layout or
reports, and it never rewrites the text it decoded. Glossary enforcement reaches it as per-sentence
``Constraint`` lists, which each engine honours with the means its library has (logits processors
for transformers, prefix forcing for CTranslate2), asking ``kkaligner.terms`` (read-only) whether
a hypothesis holds its renderings.

``EngineBase`` holds what the engines have in common: the check of engine options (an unknown one
is the same clear error on every engine), the language codes read from the model's vocabulary, and
the one batcher.
"""

from __future__ import annotations

import re
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterable, Optional, Protocol, Sequence, runtime_checkable

from kkaligner.errors import DeviceError, UsageError, choices
from kkaligner.lang import LANGUAGES
from kkaligner.types import Constraint, Hypothesis

Progress = Callable[[int], None]
"""Called with the number of sentences just finished."""


@dataclass(frozen=True)
class DecodeOptions:
    """Decoding settings shared by all engines.

    ``num_hypotheses`` is how many candidates to return per sentence (n-best, for reranking);
    ``batch_tokens`` bounds the source tokens of one batch (token-budget batching), ``batch_size``
    the sentences of one batch. ``enforce`` turns glossary enforcement on in decoding;
    ``read_names`` lets a word that reads like a term's source name count as the term while
    decoding (the model's own spelling, which the repair then replaces).
    """

    beam_size: int = 4
    max_length: int = 256
    num_hypotheses: int = 1
    batch_size: int = 16
    batch_tokens: int = 4096
    enforce: bool = True
    min_new_tokens: int = 0
    read_names: bool = True


# DecodeOptions fields that change what is decoded; batch_size / batch_tokens only change speed.
OUTPUT_OPTIONS = ("beam_size", "max_length", "num_hypotheses", "enforce", "min_new_tokens", "read_names")


@runtime_checkable
class Engine(Protocol):
    """A loaded translation engine.

    ``name`` is the engine's registry name; ``model_id`` and ``revision`` identify the weights (for
    signatures and the translation memory); ``device`` is where it runs (``cpu``, ``cuda``). An
    engine that has ``compute_type`` (``float32``, ``int8``...) gets it into signatures and memory
    keys; one with ``reads_names`` True counts a name's own spelling as the term while decoding, and
    the pipeline decodes again, forcing, a sentence whose repair did not take that word.
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


DEVICES = ("auto", "cpu", "cuda", "cuda:N", "mps")
_DEVICE = re.compile(r"(auto|cpu|mps|cuda)(?::(\d+))?")


def parse_device(device: Optional[str], engine: str, supported: Iterable[str] = ("cpu", "cuda", "mps")) -> tuple[str, Optional[int]]:
    """``(kind, index)`` of a ``--device`` value, checked the same way for every engine: a value
    that is no device is a UsageError (exit 2) naming the valid ones; ``mps`` on an engine without
    it, too. Whether the device is there is the engine's to check (``unavailable``)."""
    text = (device or "auto").strip().lower()
    m = _DEVICE.fullmatch(text)
    if m is None or (m.group(2) is not None and m.group(1) != "cuda"):
        raise UsageError(f"unknown device {device!r}. Choose {choices(DEVICES)}.")
    kind, index = m.group(1), (int(m.group(2)) if m.group(2) is not None else None)
    if kind != "auto" and kind not in supported:
        raise UsageError(f"the {engine} engine cannot run on {kind!r}. Choose {choices(['auto', *supported])}, "
                         "or another engine (--engine).")
    return kind, index


def unavailable(device: str, found: int) -> "DeviceError":
    """The error for a CUDA device that this machine does not have (``found`` GPUs visible)."""
    seen = "no CUDA GPU is visible" if found == 0 else f"only {found} CUDA GPU{'s' if found > 1 else ''} visible (cuda:0 to cuda:{found - 1})"
    return DeviceError(f"device {device!r} was asked for, but {seen}. Use --device cpu or --device auto.")


# What a model folder saved with save_pretrained holds, by the role of the file.
_WEIGHTS = ("model.safetensors", "pytorch_model.bin", "model.safetensors.index.json", "pytorch_model.bin.index.json")
_TOKENIZER = ("tokenizer.json", "sentencepiece.bpe.model", "source.spm", "spiece.model", "vocab.json")


def model_folder_problem(folder, ref, exc: BaseException, engine: str) -> str:
    """The one message for a model folder an engine cannot load: which of its parts is missing or
    broken, and what to do (download again for a Hub model, copy or save again for a local one)."""
    from pathlib import Path

    folder = Path(folder)
    names = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
    missing = []
    if "config.json" not in names:
        missing.append("config.json")
    if not names & set(_WEIGHTS):
        missing.append("the weights (model.safetensors or pytorch_model.bin)")
    if not names & set(_TOKENIZER):
        missing.append("the tokenizer files (tokenizer.json or a sentencepiece model)")
    what = f"it lacks {', '.join(missing)}" if missing else f"a file in it is unreadable or cut short ({type(exc).__name__}: {str(exc)[:200]})"
    if getattr(ref, "kind", "local") == "hub":
        fix = f"download it again: `kkalign models download {ref.name}`"
    else:
        fix = ("copy the whole folder again, or save the model with save_pretrained() (model and tokenizer) "
               "into it")
    return f"cannot load the model in {folder} with the {engine} engine: {what}. To fix it, {fix}."


def check_options(engine: str, given: dict, accepted: Iterable[str]) -> None:
    """UsageError naming the engine options in ``given`` that engine ``engine`` does not take."""
    accepted = sorted(accepted)
    unknown = sorted(k for k in given if k not in accepted)
    if unknown:
        raise UsageError(
            f"the {engine} engine has no option {', '.join(repr(k) for k in unknown)}. "
            f"Its options are {choices(accepted)}."
        )


def batches(lengths: Sequence[int], batch_size: int, batch_tokens: int) -> list[list[int]]:
    """Indices longest first, cut into batches of at most ``batch_size`` sentences whose padded size
    (sentences × longest) stays within ``batch_tokens`` (a single long sentence still goes).

    Longest first: the largest batch is met first (a memory error shows at once), and sentences of
    similar length share a batch, so padding stays small.
    """
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    out: list[list[int]] = []
    current: list[int] = []
    for i in order:
        longest = lengths[current[0]] if current else lengths[i]
        if current and (len(current) >= max(1, batch_size) or longest * (len(current) + 1) > max(batch_tokens, longest)):
            out.append(current)
            current = []
        current.append(i)
    if current:
        out.append(current)
    return out


@contextmanager
def quiet():
    """Silence library chatter that says nothing to a kkaligner user (sacremoses, loading bars)."""
    from transformers.utils import logging as hf_logging

    bars = hf_logging.is_progress_bar_enabled()
    verbosity = hf_logging.get_verbosity()
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*sacremoses.*")
            warnings.filterwarnings("ignore", message=".*max_new_tokens.*max_length.*")
            yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()


# Candidate language codes per kkaligner language, in the order they are looked up in the vocabulary.
# NLLB-200 uses FLORES-200 codes; M2M100 wraps ISO 639-1 in underscores; multilingual OPUS-MT
# (Marian) models select the target with a `>>xxx<<` token (ISO 639-3, sometimes with a script).
NLLB_CODES = {"kk": "kaz_Cyrl", "en": "eng_Latn", "ru": "rus_Cyrl"}
M2M_CODES = {"kk": "__kk__", "en": "__en__", "ru": "__ru__"}
MARIAN_TARGET_TOKENS = {"kk": (">>kaz_Cyrl<<", ">>kaz<<", ">>kk<<"), "en": (">>eng<<", ">>en<<"),
                        "ru": (">>rus<<", ">>ru<<")}
# Codes OPUS-MT model names use for a language or a group containing it (opus-mt-kk-en,
# opus-mt-en-trk: "trk" is the Turkic group, "mul" the multilingual one).
OPUS_NAMES = {"kk": ("kk", "kaz", "trk", "mul"), "en": ("en", "eng", "mul"), "ru": ("ru", "rus", "sla", "zle", "mul")}

_OPUS_PAIR = re.compile(r"opus-mt(?:-tc-[a-z]+)?-([a-z_]+)-([a-z_]+)", re.IGNORECASE)


DEFAULT_POSITIONS = 1024
"""Positions assumed when a model's config names none (NLLB-200, M2M100 and most Marian models)."""


def position_limits(config, tokenizer=None) -> tuple[int, int]:
    """(source, target) token positions a seq2seq model has, read from its config: the encoder's
    ``max_source_positions`` (else ``max_position_embeddings``) bounded by the tokenizer's
    ``model_max_length`` when that is set, and the decoder's ``max_target_positions`` (else
    ``max_position_embeddings``)."""
    def read(name):
        value = getattr(config, name, None) if not isinstance(config, dict) else config.get(name)
        return int(value) if isinstance(value, int) and value > 0 else None

    shared = read("max_position_embeddings")
    source = read("max_source_positions") or shared or DEFAULT_POSITIONS
    target = read("max_target_positions") or shared or DEFAULT_POSITIONS
    tok = getattr(tokenizer, "model_max_length", None)
    if isinstance(tok, int) and 0 < tok < 10**6:  # transformers writes ~1e30 for "not set"
        source = min(source, tok)
    return source, target


class EngineBase:
    """Language codes, position limits and batching for an engine that has ``tokenizer``,
    ``config`` (with ``model_type``), ``ref`` (a ``models.ModelRef``), ``folder`` and ``model_id``.

    Subclasses call ``init_languages()`` once the tokenizer and config are loaded.
    ``max_source_tokens`` / ``max_target_tokens`` are the model's position limits: a longer input
    cannot be read whole (the pipeline cuts such a sentence into windows, ``kkaligner.windows``),
    and no decode runs past the target limit, forced renderings included.
    """

    name = ""
    compute_type = ""
    reads_names = False
    max_source_tokens = DEFAULT_POSITIONS
    max_target_tokens = DEFAULT_POSITIONS

    def init_languages(self) -> None:
        self.family = self._family()
        self._marian_pair = self._marian_direction() if self.family == "marian" else None
        self.max_source_tokens, self.max_target_tokens = position_limits(self.config, self.tokenizer)

    def target_cap(self, options: "DecodeOptions") -> int:
        """The most tokens a decode may produce: the options' ``max_length`` within the target
        positions (one is the decoder's start token)."""
        return max(1, min(options.max_length, self.max_target_tokens - 1))

    def source_lengths(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[int]:
        """Source tokens of each text as the model reads it (language codes and end token included)."""
        prefix, _ = self.language_setup(source_lang, target_lang)
        ids = self.tokenizer([prefix + t for t in texts], add_special_tokens=True)["input_ids"]
        return [len(x) for x in ids]

    def _vocab(self) -> dict:
        """The tokenizer's vocabulary, read once: ``get_vocab()`` builds a fresh dict of every entry
        (256k for NLLB, about half a second) and the language codes are looked up on every call."""
        vocab = self.__dict__.get("_vocab_cache")
        if vocab is None:
            vocab = self._vocab_cache = self.tokenizer.get_vocab()
        return vocab

    def _family(self) -> str:
        vocab = self._vocab()
        if NLLB_CODES["kk"] in vocab and NLLB_CODES["en"] in vocab:
            return "nllb"
        if M2M_CODES["kk"] in vocab and M2M_CODES["en"] in vocab:
            return "m2m100"
        if getattr(self.config, "model_type", "") == "marian":
            return "marian"
        return "other"

    def _marian_direction(self) -> Optional[tuple[str, str]]:
        """The (source, target) OPUS codes of a Marian model, or None when nothing says."""
        src = getattr(self.tokenizer, "source_lang", None)
        tgt = getattr(self.tokenizer, "target_lang", None)
        if src and tgt:
            return (str(src).lower(), str(tgt).lower())
        for name in (self.ref.hub_id, getattr(self.config, "_name_or_path", ""), self.folder.name):
            m = _OPUS_PAIR.search(str(name or ""))
            if m:
                return (m.group(1).lower(), m.group(2).lower())
        return None

    def _target_token(self, lang: str) -> Optional[str]:
        vocab = self._vocab()
        for token in MARIAN_TARGET_TOKENS.get(lang, ()):
            if token in vocab:
                return token
        return None

    def language_setup(self, source_lang: str, target_lang: str) -> tuple[str, Optional[int]]:
        """Prepare the tokenizer for a direction; return (text prefix, forced BOS token id).

        Raises UsageError for a direction the model cannot translate.
        """
        if self.family in ("nllb", "m2m100"):
            codes = NLLB_CODES if self.family == "nllb" else M2M_CODES
            for lang in (source_lang, target_lang):
                if lang not in codes or codes[lang] not in self._vocab():
                    raise UsageError(f"model {self.model_id} has no language code for {lang!r}. "
                                     f"Choose {choices(sorted(codes))}.")
            # M2M100's tokenizer takes the bare ISO code and adds the underscores itself.
            self.tokenizer.src_lang = codes[source_lang] if self.family == "nllb" else source_lang
            return "", self.tokenizer.convert_tokens_to_ids(codes[target_lang])
        if self.family == "marian":
            token = self._target_token(target_lang)
            pair = self._marian_pair
            if pair is not None:
                src_ok = pair[0] in OPUS_NAMES.get(source_lang, ())
                tgt_ok = pair[1] in OPUS_NAMES.get(target_lang, ())
                if not (src_ok and tgt_ok):
                    raise UsageError(
                        f"model {self.model_id} translates {pair[0]}→{pair[1]} only, not "
                        f"{source_lang}→{target_lang}. Pick a model for that direction, or a multilingual "
                        f"one such as nllb-600m (--model nllb-600m)."
                    )
            return (token + " " if token else ""), None
        return "", None  # unknown family: the caller knows what the model expects


__all__ = [
    "LANGUAGES",
    "OUTPUT_OPTIONS",
    "DecodeOptions",
    "Engine",
    "EngineBase",
    "Progress",
    "batches",
    "check_options",
    "model_folder_problem",
    "parse_device",
    "position_limits",
    "unavailable",
    "quiet",
]
