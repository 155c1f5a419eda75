"""The transformers engine: any seq2seq model ``AutoModelForSeq2SeqLM`` loads (NLLB, M2M100, Marian...).

Language codes are this engine's business: the pipeline says ``kk``/``en`` and the engine finds the
model's own codes (``kaz_Cyrl``/``eng_Latn`` for NLLB, ``__kk__`` for M2M100, ``>>kaz<<`` target
tokens for multi-target Marian models). Single-direction models (most Marian ones) refuse the other
direction with a UsageError instead of producing nonsense.

Sentences are sorted by length and grouped under a token budget so that padding is small; results
come back in the caller's order.
"""

from __future__ import annotations

import re
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Optional, Sequence

from kkaligner.engines.base import DecodeOptions, Progress
from kkaligner.errors import EngineError, UsageError, choices
from kkaligner.types import Constraint, Hypothesis

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


@contextmanager
def _quiet():
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


DTYPES = ("auto", "float32", "float16", "bfloat16")


def cpu_has_bf16() -> bool:
    """Whether this CPU computes bfloat16 natively (AVX512-BF16 or AMX), where ``--dtype bfloat16`` pays off."""
    import torch

    probes = ("_is_avx512_bf16_supported", "_is_amx_tile_supported")
    return any(bool(getattr(torch.cpu, name, lambda: False)()) for name in probes)


def pick_device(device: str = "auto") -> str:
    """``auto`` → ``cuda`` when a CUDA GPU is visible, else ``cpu``; anything else is checked and kept."""
    import torch

    if device in (None, "", "auto"):
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise UsageError(f"device {device!r} was asked for, but no CUDA GPU is visible. Use --device cpu or auto.")
    if device == "mps" and not (getattr(torch.backends, "mps", None) and torch.backends.mps.is_available()):
        raise UsageError("device 'mps' was asked for, but Metal is not available. Use --device cpu or auto.")
    if not (device == "cpu" or device == "mps" or re.fullmatch(r"cuda(:\d+)?", device)):
        raise UsageError(f"unknown device {device!r}. Choose {choices(['auto', 'cpu', 'cuda', 'cuda:N', 'mps'])}.")
    return device


class TransformersEngine:
    """A seq2seq model loaded with transformers (eager attention, so cross-attentions are available).

    ``model`` is a preset, a Hub id or a local folder (see ``kkaligner.models``). Loading tries local
    files first and downloads only when allowed; a model that is neither cached nor reachable raises
    ModelNotFoundError. Speed options: ``dtype`` (``auto`` is float16 on CUDA, float32 on CPU;
    ``bfloat16`` pays off on CPUs with native bf16, see ``cpu_has_bf16``) and ``quantize`` (dynamic
    int8 on CPU). ``compute_type`` records what runs, for signatures and the translation memory.
    """

    name = "transformers"

    def __init__(
        self,
        model: str,
        *,
        device: str = "auto",
        dtype: str = "auto",
        quantize: bool = False,
        allow_download: bool = True,
    ) -> None:
        from kkaligner import models

        ref, folder = models.locate(str(model), allow_download=allow_download)
        self.ref = ref
        self.folder = Path(folder)
        self.model_id = ref.model_id
        self.revision = models.revision_of(self.folder)
        self.device = pick_device(device)

        import torch
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        torch_dtype = self._dtype(dtype, torch)
        with _quiet():
            try:
                self.tokenizer = AutoTokenizer.from_pretrained(self.folder)
                self.model = AutoModelForSeq2SeqLM.from_pretrained(
                    self.folder, attn_implementation="eager", dtype=torch_dtype
                )
            except (OSError, ValueError, KeyError, ImportError) as exc:
                raise EngineError(
                    f"cannot load the model in {self.folder} with transformers: {exc}. It must be a "
                    f"seq2seq model saved with save_pretrained (config.json, weights and tokenizer files); "
                    f"if it was a partial download, run `kkalign models download {ref.name}` again."
                ) from None
        self.model.to(self.device).eval()
        self.compute_type = str(torch_dtype).replace("torch.", "")
        if quantize:
            self._quantize(torch)
        self.config = self.model.config
        self.family = self._family()
        self._marian_pair = self._marian_direction() if self.family == "marian" else None

    # --- loading helpers ------------------------------------------------------------------------

    def _dtype(self, dtype: str, torch: Any):
        if dtype in ("auto", None):
            # float16 halves memory and doubles speed on GPUs; NLLB was trained in float16.
            return torch.float16 if self.device.startswith("cuda") else torch.float32
        table = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}
        if dtype not in table:
            raise UsageError(f"unknown dtype {dtype!r}. Choose {choices(DTYPES)}.")
        if self.device == "cpu" and dtype == "bfloat16" and not cpu_has_bf16():
            # Without AVX512-BF16/AMX the CPU emulates bfloat16: half the memory, but slower than float32.
            warnings.warn(
                "this CPU has no native bfloat16 (AVX512-BF16 or AMX): --dtype bfloat16 saves memory but "
                "runs slower than float32; --quantize is the faster CPU option here",
                RuntimeWarning,
                stacklevel=3,
            )
        return table[dtype]

    def _quantize(self, torch: Any) -> None:
        """Dynamic int8 quantization of every Linear layer (weights int8, activations quantized on the fly).

        CPU only, from float32: about 2x faster decoding on x86 and a quarter of the Linear weights'
        memory, at a small quality cost. The embeddings stay float32.
        """
        if self.device != "cpu":
            raise UsageError(f"--quantize is a CPU option (dynamic int8); on {self.device} use --dtype float16.")
        if self.compute_type != "float32":
            raise UsageError(f"--quantize needs float32 weights, not {self.compute_type}. Drop --dtype or use --dtype float32.")
        from torch.ao.quantization import quantize_dynamic

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch.ao.quantization's deprecation notice, not actionable here
            self.model = quantize_dynamic(self.model, {torch.nn.Linear}, dtype=torch.qint8)
        self.compute_type = "int8_dynamic"

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
        if self.config.model_type == "marian":
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

    # --- language codes -------------------------------------------------------------------------

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

    # --- translation ----------------------------------------------------------------------------

    def _batches(self, lengths: Sequence[int], options: DecodeOptions) -> list[list[int]]:
        """Indices grouped longest first, each group within batch_size and the token budget."""
        order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
        batches: list[list[int]] = []
        current: list[int] = []
        for i in order:
            longest = lengths[current[0]] if current else lengths[i]
            fits = len(current) < max(1, options.batch_size) and longest * (len(current) + 1) <= max(
                options.batch_tokens, longest
            )
            if current and not fits:
                batches.append(current)
                current = []
            current.append(i)
        if current:
            batches.append(current)
        return batches

    def _max_input(self) -> int:
        limit = getattr(self.config, "max_position_embeddings", None) or 1024
        tok_limit = getattr(self.tokenizer, "model_max_length", None) or limit
        return int(min(limit, tok_limit))

    def enforcement_kwargs(
        self,
        constraints: Sequence[Sequence[Constraint]],
        options: DecodeOptions,
        num_beams: int,
        num_return_sequences: int,
        target_code: Optional[str],
        max_length: Optional[int] = None,
        sources: Optional[Sequence[str]] = None,
        target_lang: str = "en",
    ) -> dict:
        """Extra ``generate`` arguments that enforce the glossary (kkaligner.enforce.hf); ``sources``
        are the batch's source sentences, in which a term's name is read."""
        if not options.enforce or not any(constraints):
            return {}
        from kkaligner.enforce import hf

        return hf.generation_hooks(
            self.tokenizer,
            [list(c) for c in constraints],
            num_beams=num_beams,
            num_return_sequences=num_return_sequences,
            target_lang_code=target_code,
            max_length=max_length,
            eos_token_id=self._eos_id(),
            sources=sources,
            target_lang=target_lang,
        ) or {}

    def _eos_id(self) -> Optional[int]:
        eos = getattr(self.model.generation_config, "eos_token_id", None)
        if eos is None:
            eos = getattr(self.config, "eos_token_id", None)
        return eos[0] if isinstance(eos, (list, tuple)) and eos else eos

    def translate(
        self,
        texts: Sequence[str],
        source_lang: str,
        target_lang: str,
        options: DecodeOptions = DecodeOptions(),
        constraints: Optional[Sequence[Sequence[Constraint]]] = None,
        progress: Optional[Progress] = None,
    ) -> list[list[Hypothesis]]:
        """Translate ``texts``; up to ``options.num_hypotheses`` hypotheses each, best first."""
        texts = list(texts)
        if not texts:
            return []
        if constraints is not None and len(constraints) != len(texts):
            raise ValueError("constraints must have one entry per text")
        prefix, forced_bos = self.language_setup(source_lang, target_lang)
        target_code = self.tokenizer.convert_ids_to_tokens(forced_bos) if forced_bos is not None else None
        inputs = [prefix + t for t in texts]
        max_input = self._max_input()
        lengths = [len(ids) for ids in self.tokenizer(inputs, add_special_tokens=True)["input_ids"]]
        n_ret = max(1, options.num_hypotheses)
        beams = max(options.beam_size, n_ret, 1)
        # Decoder positions are bounded too; +1 for the decoder start token.
        max_length = min(options.max_length, self._max_input() - 2) + 1
        results: list[list[Hypothesis]] = [[] for _ in texts]

        def generate(batch: list[int], names: bool) -> list[int]:
            """Translate the sentences ``batch`` (indices into ``texts``) into ``results``; return
            those whose draft misses a forceable term after the repair although names were read."""
            import torch

            enc = self.tokenizer(
                [inputs[i] for i in batch], return_tensors="pt", padding=True, truncation=True, max_length=max_input
            ).to(self.device)
            extra = {}
            if constraints is not None:
                extra = self.enforcement_kwargs(
                    [constraints[i] for i in batch], options, beams, n_ret, target_code, max_length,
                    sources=[texts[i] for i in batch] if names else None, target_lang=target_lang,
                )
            if extra:  # renderings the vocabulary cannot spell: not forced, reported per sentence
                from kkaligner.enforce.hf import unforceable_constraints

                unforceable = [
                    tuple(sorted({c.options[0] for c in cs if c.options}))
                    for cs in unforceable_constraints(self.tokenizer, [list(constraints[i]) for i in batch])
                ]
            kwargs = dict(
                num_beams=beams,
                num_return_sequences=n_ret,
                max_length=max_length,
                min_new_tokens=options.min_new_tokens or None,
                output_scores=True,
                return_dict_in_generate=True,
                early_stopping=True if beams > 1 else None,
                do_sample=False,
            )
            if forced_bos is not None:
                kwargs["forced_bos_token_id"] = forced_bos
            kwargs.update(extra)
            with _quiet(), torch.inference_mode():
                out = self.model.generate(**enc, **{k: v for k, v in kwargs.items() if v is not None})
            decoded = self.tokenizer.batch_decode(out.sequences, skip_special_tokens=True)
            scores = self._scores(out, beams)
            retry = []
            for j, i in enumerate(batch):
                hyps = [
                    Hypothesis(text=" ".join(decoded[j * n_ret + k].split()), score=scores[j * n_ret + k])
                    for k in range(n_ret)
                ]
                if extra:  # the model's own spellings decoded as the term become the rendering
                    from kkaligner.enforce import missing_forceable, repair_text

                    flagged = unforceable[j]
                    hyps = [
                        Hypothesis(repair_text(h.text, constraints[i], target_lang, source=texts[i])[0], h.score, flagged)
                        for h in hyps
                    ]
                    if names and missing_forceable(hyps[0].text, constraints[i], flagged, target_lang):
                        retry.append(i)
                results[i] = hyps
            return retry

        retry = []
        for batch in self._batches([min(n, max_input) for n in lengths], options):
            retry += generate(batch, names=True)
            if progress is not None:
                progress(len(batch))
        if retry:
            # A word decoding counted as a name's own spelling that the repair then did not take
            # (their word boundaries can differ): decode those sentences again, forcing the term.
            for batch in self._batches([min(lengths[i], max_input) for i in retry], options):
                generate([retry[b] for b in batch], names=False)
        return results

    def _scores(self, out: Any, beams: int) -> list[float]:
        """Length-normalised log-probability per returned sequence."""
        if getattr(out, "sequences_scores", None) is not None:
            return [float(s) for s in out.sequences_scores]
        if getattr(out, "scores", None):
            steps = self.model.compute_transition_scores(out.sequences, out.scores, normalize_logits=True)
            finite = steps.masked_fill(~steps.isfinite(), 0.0)
            counts = (steps.isfinite() & (steps != 0)).sum(-1).clamp(min=1)
            return [float(s) for s in finite.sum(-1) / counts]
        return [0.0] * len(out.sequences)

    def close(self) -> None:
        """Drop the model and free GPU memory."""
        model = getattr(self, "model", None)
        if model is None:
            return
        self.model = None
        del model
        if self.device.startswith("cuda"):
            import torch

            torch.cuda.empty_cache()

    def __repr__(self) -> str:
        return f"TransformersEngine({self.model_id!r}, device={self.device!r}, family={self.family!r})"
