"""The transformers engine: any seq2seq model ``AutoModelForSeq2SeqLM`` loads (NLLB, M2M100, Marian...).

Language codes are this engine's business: the pipeline says ``kk``/``en`` and the engine finds the
model's own codes (``kaz_Cyrl``/``eng_Latn`` for NLLB, ``__kk__`` for M2M100, ``>>kaz<<`` target
tokens for multi-target Marian models). Single-direction models (most Marian ones) refuse the other
direction with a UsageError instead of producing nonsense.

Sentences are sorted by length and grouped under a token budget so that padding is small; results
come back in the caller's order.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any, Optional, Sequence

from kkaligner import models
from kkaligner.engines import hf_forcing
from kkaligner.engines.base import (  # noqa: F401  (the code tables are re-exported for callers)
    M2M_CODES,
    MARIAN_TARGET_TOKENS,
    NLLB_CODES,
    OPUS_NAMES,
    DecodeOptions,
    EngineBase,
    Progress,
    batches,
    check_options,
    model_folder_problem,
    parse_device,
    unavailable,
)
from kkaligner.engines.base import quiet as _quiet
from kkaligner.engines.hf_forcing import unforceable_constraints
from kkaligner.errors import DeviceError, EngineError, UsageError, choices
from kkaligner.types import Constraint, Hypothesis

DTYPES = ("auto", "float32", "float16", "bfloat16")


def cpu_has_bf16() -> bool:
    """Whether this CPU computes bfloat16 natively (AVX512-BF16 or AMX), where ``--dtype bfloat16`` pays off."""
    import torch

    probes = ("_is_avx512_bf16_supported", "_is_amx_tile_supported")
    return any(bool(getattr(torch.cpu, name, lambda: False)()) for name in probes)


def pick_device(device: str = "auto") -> str:
    """``auto`` → ``cuda`` when a CUDA GPU is visible, else ``cpu``; anything else is checked and kept."""
    import torch

    kind, index = parse_device(device, "transformers")
    if kind == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if kind == "cuda":
        found = torch.cuda.device_count() if torch.cuda.is_available() else 0
        if found == 0 or (index or 0) >= found:
            raise unavailable(device, found)
        return "cuda" if index is None else f"cuda:{index}"
    if kind == "mps" and not (getattr(torch.backends, "mps", None) and torch.backends.mps.is_available()):
        raise DeviceError("device 'mps' was asked for, but Metal is not available. Use --device cpu or --device auto.")
    return kind


class TransformersEngine(EngineBase):
    """A seq2seq model loaded with transformers (eager attention, so cross-attentions are available).

    ``model`` is a preset, a Hub id or a local folder (see ``kkaligner.models``). Loading tries local
    files first and downloads only when allowed; a model that is neither cached nor reachable raises
    ModelNotFoundError. Speed options: ``dtype`` (``auto`` is float16 on CUDA, float32 on CPU;
    ``bfloat16`` pays off on CPUs with native bf16, see ``cpu_has_bf16``) and ``quantize`` (dynamic
    int8 on CPU). ``compute_type`` records what runs, for signatures and the translation memory.
    """

    name = "transformers"
    reads_names = True  # the logits processor takes a name's own spelling for the term (NameLikeness)

    def __init__(
        self,
        model: str,
        *,
        device: str = "auto",
        dtype: str = "auto",
        quantize: bool = False,
        allow_download: bool = True,
        **unknown,
    ) -> None:
        check_options(self.name, unknown, ("device", "dtype", "quantize", "allow_download"))
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
            except Exception as exc:  # noqa: BLE001 - any loader failure is a bad model folder to the user
                raise EngineError(model_folder_problem(self.folder, ref, exc, "transformers")) from None
        self.model.to(self.device).eval()
        self.compute_type = str(torch_dtype).replace("torch.", "")
        if quantize:
            self._quantize(torch)
        self.config = self.model.config
        self.init_languages()

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

    # --- translation ----------------------------------------------------------------------------

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
        """Extra ``generate`` arguments that enforce the glossary (``engines.hf_forcing``); ``sources``
        are the batch's source sentences, in which a term's name is read."""
        if not options.enforce or not any(constraints):
            return {}
        return hf_forcing.generation_hooks(
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
        max_input = self.max_source_tokens
        lengths = [len(ids) for ids in self.tokenizer(inputs, add_special_tokens=True)["input_ids"]]
        n_ret = max(1, options.num_hypotheses)
        beams = max(options.beam_size, n_ret, 1)
        # Decoder positions bound every hypothesis, forced renderings included (generate's
        # max_length counts the decoder start token).
        max_length = self.target_cap(options) + 1
        results: list[list[Hypothesis]] = [[] for _ in texts]

        def generate(batch: list[int]) -> None:
            """Translate the sentences ``batch`` (indices into ``texts``) into ``results``."""
            import torch

            enc = self.tokenizer(
                [inputs[i] for i in batch], return_tensors="pt", padding=True, truncation=True, max_length=max_input
            ).to(self.device)
            extra = {}
            if constraints is not None:
                extra = self.enforcement_kwargs(
                    [constraints[i] for i in batch], options, beams, n_ret, target_code, max_length,
                    sources=[texts[i] for i in batch] if options.read_names else None, target_lang=target_lang,
                )
            flagged = [()] * len(batch)
            if extra:  # renderings the vocabulary cannot spell: not forced, reported per sentence
                flagged = [
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
            for j, i in enumerate(batch):
                results[i] = [
                    Hypothesis(" ".join(decoded[j * n_ret + k].split()), scores[j * n_ret + k], flagged[j])
                    for k in range(n_ret)
                ]

        for batch in batches([min(n, max_input) for n in lengths], options.batch_size, options.batch_tokens):
            generate(batch)
            if progress is not None:
                progress(len(batch))
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
