"""The CTranslate2 engine: the same models, converted once, decoded 3-5x faster in a third of the memory.

``pip install 'kkaligner[fast]'`` adds ``ctranslate2``. On first use a transformers model (preset, Hub
id or local folder) is converted into the cache (``$KKALIGNER_CACHE/ct2/<model>--<revision>--<type>``
or ``~/.cache/kkaligner/ct2/...``) and reused afterwards. The conversion is written to a temporary
folder and renamed into place, so an interrupted conversion never leaves a broken cache entry.

Weights are stored in the compute type they run in: ``int8`` on CPU, ``float16`` on CUDA by default
(``int8_float16`` halves GPU memory again). Language codes are the transformers engine's: NLLB source
tokens are ``[src_code] pieces </s>`` and the target starts with ``[tgt_code]`` (forced here as a
one-token ``target_prefix``); Marian models have no codes. Glossary enforcement (prefix forcing,
``suppress_sequences``, n-best, attention) lives in ``forcing``; the conversion in ``convert``, the
torch-free NLLB tokenizer in ``tokenizer``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace
from typing import Optional, Sequence

from kkaligner.engines.base import (
    DecodeOptions,
    EngineBase,
    Progress,
    batches,
    check_options,
    parse_device,
    quiet,
    unavailable,
)
from kkaligner.engines.ct2.convert import (  # noqa: F401  (re-exported: this engine's API)
    Status,
    _import_ct2,
    _stderr_status,
    available,
    cache_key,
    convert,
    ct2_cache_root,
    is_converted,
    local_fingerprint,
)
from kkaligner.engines.ct2.forcing import translate_enforced
from kkaligner.engines.ct2.tokenizer import NllbJsonTokenizer
from kkaligner.errors import EngineError, UsageError, choices
from kkaligner.types import Constraint, Hypothesis

COMPUTE_TYPES = (
    "int8",
    "int8_float32",
    "int8_float16",
    "int8_bfloat16",
    "int16",
    "float16",
    "bfloat16",
    "float32",
)
DEFAULT_COMPUTE = {"cpu": "int8", "cuda": "float16"}

CPU_BEAM_ROWS = 64
"""Hypotheses (sentences x beam) a CPU beam search decodes together at most. Beyond that a step
costs the same per hypothesis (NLLB-600M shape, int8, 2 cores, beam 4: 0.56-0.69 s of CPU a
sentence in batches of 16, 32 or 64 sentences) while memory grows with them (1.3 GB peak for 16
sentences, 2.6 GB for 64): a larger ``batch_size`` (``kkalign batch``) fills the greedy forcing
rounds instead, whose steps hold one hypothesis a sentence."""

def _cpu_threads() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def _resolve_device(device: str, ctranslate2) -> tuple[str, int]:
    kind, index = parse_device(device, "ct2", supported=("cpu", "cuda"))
    found = ctranslate2.get_cuda_device_count()
    if kind == "auto":
        kind = "cuda" if found > 0 else "cpu"
    if kind == "cuda" and (found == 0 or (index or 0) >= found):
        raise unavailable(device, found)
    return kind, index or 0


def _read_vocabulary(folder: Path) -> list[str]:
    for name in ("target_vocabulary", "shared_vocabulary"):
        js, txt = folder / f"{name}.json", folder / f"{name}.txt"
        if js.is_file():
            return json.loads(js.read_text(encoding="utf-8"))
        if txt.is_file():
            return txt.read_text(encoding="utf-8").splitlines()
    return []


def _compute_from(dtype: Optional[str], quantize: Optional[bool], device: str) -> str:
    """The compute type that the engine-neutral options ``dtype`` / ``quantize`` ask for.

    ``quantize=True`` is int8 weights (``int8_float16`` on CUDA), ``quantize=False`` keeps the
    float ``dtype``; ``dtype`` alone on the default (int8 on CPU) would be silently overridden, so a
    float dtype without ``quantize`` means unquantized weights.
    """
    dtype = (dtype or "auto").strip().lower()
    if quantize:
        if dtype == "auto":
            return "int8_float16" if device == "cuda" else "int8"
        if dtype == "float32" and device == "cpu":
            return "int8"  # the same as int8_float32 on CPU, and the default's cache entry
        return f"int8_{dtype}"
    if dtype != "auto":
        return dtype
    if quantize is False:
        return "float16" if device == "cuda" else "float32"
    return "auto"


class Ct2Engine(EngineBase):
    """A transformers seq2seq model run by CTranslate2.

    ``model`` is a preset, Hub id or local folder (``kkaligner.models.locate``), or an already
    converted CTranslate2 folder (``model.bin`` inside; give ``tokenizer=`` the original folder).
    ``compute_type`` defaults to int8 on CPU and float16 on CUDA; the transformers engine's
    ``dtype`` / ``quantize`` options are mapped onto it when it is not given. ``status`` receives one-line
    messages about conversion; ``cache_dir`` overrides where conversions are kept.
    """

    name = "ct2"

    def __init__(
        self,
        model: str | os.PathLike,
        device: str = "auto",
        *,
        compute_type: Optional[str] = None,
        dtype: str = "auto",
        quantize: Optional[bool] = None,
        cache_dir: Optional[str | os.PathLike] = None,
        status: Optional[Status] = None,
        intra_threads: Optional[int] = None,
        inter_threads: int = 1,
        tokenizer: Optional[str | os.PathLike] = None,
        allow_download: bool = True,
        **unknown,
    ) -> None:
        check_options(self.name, unknown, (
            "device", "compute_type", "dtype", "quantize", "cache_dir", "status", "intra_threads",
            "inter_threads", "tokenizer", "allow_download",
        ))
        ctranslate2 = _import_ct2()
        self._status = status or _stderr_status
        self.device, self.device_index = _resolve_device(device, ctranslate2)
        compute = (compute_type or _compute_from(dtype, quantize, self.device)).strip().lower()
        if compute in ("auto", "default"):
            compute = DEFAULT_COMPUTE[self.device]
        if compute not in COMPUTE_TYPES:
            raise UsageError(f"unknown compute type {compute!r}; valid: {choices(('auto',) + COMPUTE_TYPES)}")
        supported = ctranslate2.get_supported_compute_types(self.device, self.device_index)
        if compute not in supported:
            raise UsageError(
                f"compute type {compute!r} is not supported on this {self.device}; valid here: "
                f"{choices(sorted(supported))}"
            )
        self.compute_type = compute

        folder = Path(model).expanduser() if str(model) else None
        if folder is not None and folder.is_dir() and (folder / "model.bin").is_file():
            # An already converted CTranslate2 model.
            from kkaligner.models import ModelRef

            self.ref = ModelRef(name=str(model), kind="local", path=folder.resolve())
            self.model_id = self.ref.model_id
            self.revision = "local"
            self.model_dir = folder
            model_source = Path(tokenizer).expanduser() if tokenizer else folder
            self.ct2_dir = folder
        else:
            from kkaligner.models import locate, revision_of

            self.ref, model_source = locate(str(model), allow_download=allow_download)
            self.model_id = self.ref.model_id
            self.revision = revision_of(model_source)
            self.model_dir = model_source
            root = Path(cache_dir).expanduser() if cache_dir else ct2_cache_root()
            self.ct2_dir = root / cache_key(self.model_id, self.revision, compute, Path(model_source))
            if is_converted(self.ct2_dir):
                self._status(f"using the CTranslate2 conversion in {self.ct2_dir}")
            else:
                convert(
                    Path(model_source), self.ct2_dir, compute,
                    model_id=self.model_id, revision=self.revision, status=self._status,
                )
            if tokenizer:
                model_source = Path(tokenizer).expanduser()

        self.folder = Path(model_source)
        self.config = self._read_config(self.folder)
        self.tokenizer = self._load_tokenizer(self.folder)
        self.init_languages()
        # The converted vocabulary is normally the tokenizer's: then one copy of its (256k for NLLB)
        # entries is kept, not two.
        converted = set(_read_vocabulary(self.ct2_dir))
        vocab = self._vocab()
        self.vocabulary = vocab.keys() if vocab.keys() == converted else frozenset(converted)
        del converted
        threads = intra_threads if intra_threads is not None else (_cpu_threads() if self.device == "cpu" else 1)
        try:
            self.translator = ctranslate2.Translator(
                str(self.ct2_dir),
                device=self.device,
                device_index=self.device_index,
                compute_type=compute,
                inter_threads=inter_threads,
                intra_threads=threads,
            )
        except Exception as exc:
            raise EngineError(
                f"CTranslate2 cannot load {self.ct2_dir} ({type(exc).__name__}: {exc}). Delete that folder to "
                "convert again, or use `--engine transformers`."
            ) from None

    # --- model family and tokenization ---------------------------------------------------------

    @staticmethod
    def _read_config(folder: Path) -> SimpleNamespace:
        try:
            data = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        keep = ("max_position_embeddings", "max_source_positions", "max_target_positions")
        return SimpleNamespace(
            model_type=data.get("model_type", ""),
            _name_or_path=data.get("_name_or_path", ""),
            **{k: data[k] for k in keep if isinstance(data.get(k), int)},
        )

    def _load_tokenizer(self, folder: Path):
        light = NllbJsonTokenizer.load(folder)
        if light is not None:
            return light
        try:
            from transformers import AutoTokenizer

            with quiet():
                return AutoTokenizer.from_pretrained(str(folder))
        except Exception as exc:
            raise EngineError(
                f"cannot load the tokenizer from {folder} ({type(exc).__name__}: {exc}); pass the original "
                "transformers model folder"
            ) from None

    def encode(self, texts: Sequence[str], source_lang: str, target_lang: str) -> tuple[list[list[str]], list[str]]:
        """Source token strings as the model reads them, and the target prefix tokens.

        NLLB: ``[src_code] pieces </s>`` and ``[tgt_code]``; multi-target Marian: ``>>xxx<<`` in
        the source text; single-direction Marian: no codes (UsageError for the wrong direction).
        """
        text_prefix, forced_bos = self.language_setup(source_lang, target_lang)
        tok = self.tokenizer
        ids = tok([text_prefix + t for t in texts], add_special_tokens=True)["input_ids"]
        target = [tok.convert_ids_to_tokens(forced_bos)] if forced_bos is not None else []
        return [tok.convert_ids_to_tokens(x) for x in ids], target

    def target_tokens(self, text: str) -> list[str]:
        """``text`` as target pieces, as it would appear after a space (for forcing and suppressing)."""
        ids = self.tokenizer(text_target=text, add_special_tokens=False)["input_ids"]
        return self.tokenizer.convert_ids_to_tokens(ids)

    def decode_tokens(self, batch: Sequence[Sequence[str]]) -> list[str]:
        tok = self.tokenizer
        ids = [tok.convert_tokens_to_ids(list(t)) for t in batch]
        return [" ".join(s.split()) for s in tok.batch_decode(ids, skip_special_tokens=True)]

    # --- decoding --------------------------------------------------------------------------------

    def decode(
        self,
        source: Sequence[Sequence[str]],
        prefixes: Sequence[Sequence[str]],
        options: DecodeOptions,
        *,
        num_hypotheses: int = 1,
        suppress: Sequence[Sequence[str]] = (),
        attention: bool = False,
        beam_size: Optional[int] = None,
        max_length: Optional[int] = None,
        prefix_at_once: bool = False,
    ):
        """One ``translate_batch`` call; returns CTranslate2's results (tokens include the prefix).

        ``beam_size`` and ``max_length`` override the options' (a forcing decode continues a fixed
        prefix with a smaller beam, no further than needed); the length never cuts a prefix.
        ``prefix_at_once`` decodes the sentences one by one, each reading its prefix in a single
        pass (CTranslate2's ``return_alternatives`` with one hypothesis: the same greedy search)
        instead of a batch that reads the prefixes a step at a time.
        """
        beam = max(1, beam_size if beam_size is not None else options.beam_size)
        n = max(1, min(num_hypotheses, beam))
        longest_prefix = max((len(p) for p in prefixes), default=0)
        limit = options.max_length if max_length is None else max_length
        kwargs = dict(
            beam_size=beam,
            num_hypotheses=n,
            # never past the decoder's positions, whatever was forced (CTranslate2 aborts the batch)
            max_decoding_length=min(max(limit, longest_prefix + 1, options.min_new_tokens), self.max_target_tokens - 1),
            max_input_length=self.max_source_tokens,
            min_decoding_length=options.min_new_tokens,
            return_scores=True,
            return_attention=attention,
        )
        if any(prefixes):
            kwargs["target_prefix"] = [list(p) if p else None for p in prefixes]
        if suppress:
            kwargs["suppress_sequences"] = [list(s) for s in suppress]
        if prefix_at_once:
            kwargs["return_alternatives"] = True
        try:
            return self.translator.translate_batch([list(s) for s in source], **kwargs)
        except Exception as exc:  # ctranslate2 raises ValueError/RuntimeError on bad input or OOM
            raise EngineError(f"CTranslate2 failed to translate a batch ({type(exc).__name__}: {exc})") from None

    def hypotheses(self, result) -> list[Hypothesis]:
        texts = self.decode_tokens(result.hypotheses)
        scores = list(result.scores) or [0.0] * len(texts)
        return [Hypothesis(text=t, score=float(s)) for t, s in zip(texts, scores)]

    def translate(
        self,
        texts: Sequence[str],
        source_lang: str,
        target_lang: str,
        options: DecodeOptions = DecodeOptions(),
        constraints: Optional[Sequence[Sequence[Constraint]]] = None,
        progress: Optional[Progress] = None,
    ) -> list[list[Hypothesis]]:
        texts = list(texts)
        if not texts:
            return []
        if constraints is not None and len(constraints) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(constraints)} constraint lists")
        # An empty sentence has an empty translation; the model would invent one.
        out: list[list[Hypothesis]] = [[Hypothesis(text="", score=0.0)] for _ in texts]
        todo = [i for i, t in enumerate(texts) if t.strip()]
        if not todo:
            self.language_setup(source_lang, target_lang)  # a bad direction fails all the same
            if progress:
                progress(len(texts))
            return out
        source, prefix = self.encode([texts[i] for i in todo], source_lang, target_lang)
        empty = len(texts) - len(todo)
        if progress and empty:
            progress(empty)
        enforce = bool(options.enforce and constraints is not None and any(constraints[i] for i in todo))
        size = options.batch_size
        if self.device == "cpu":
            size = min(size, max(1, CPU_BEAM_ROWS // max(1, options.beam_size)))
        groups = batches([len(s) for s in source], size, max(1, options.batch_tokens))
        if enforce:
            # One call for the document: sentences that need a term forced are decoded again
            # together, not batch by batch.
            hyps = translate_enforced(
                self, source, [texts[i] for i in todo], [list(constraints[i]) for i in todo], prefix, options,
                target_lang=target_lang, batches=groups, progress=progress,
            )
            for i, h in zip(todo, hyps):
                out[i] = h
            return out
        for batch in groups:
            idx = [todo[b] for b in batch]
            src = [source[b] for b in batch]
            # n-best lists serve enforcement: for a document whose sentences have no constraint
            # the best is the draft (a caller that passes none asked for the n-best itself)
            nbest = 1 if constraints is not None and not any(constraints) else options.num_hypotheses
            results = self.decode(src, [prefix] * len(src), options, num_hypotheses=nbest)
            hyps = [self.hypotheses(r) for r in results]
            for i, h in zip(idx, hyps):
                out[i] = h
            if progress:
                progress(len(idx))
        return out

    def close(self) -> None:
        translator = getattr(self, "translator", None)
        if translator is not None:
            try:
                translator.unload_model()
            except Exception:  # noqa: BLE001 - freeing memory must not fail a run
                pass
        self.translator = None
