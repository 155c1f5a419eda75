"""The CTranslate2 engine: the same models, converted once, decoded 3-5x faster in a third of the memory.

``pip install 'kkaligner[fast]'`` adds ``ctranslate2``. On first use a transformers model (preset, Hub
id or local folder) is converted into the cache (``$KKALIGNER_CACHE/ct2/<model>--<revision>--<type>``
or ``~/.cache/kkaligner/ct2/...``) and reused afterwards. The conversion is written to a temporary
folder and renamed into place, so an interrupted conversion never leaves a broken cache entry.

Weights are stored in the compute type they run in: ``int8`` on CPU, ``float16`` on CUDA by default
(``int8_float16`` halves GPU memory again). Language codes are the transformers engine's: NLLB source
tokens are ``[src_code] pieces </s>`` and the target starts with ``[tgt_code]`` (forced here as a
one-token ``target_prefix``); Marian models have no codes. Glossary enforcement (prefix forcing,
``suppress_sequences``, n-best, attention) lives in ``kkaligner.enforce.ct2``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Callable, Optional, Sequence

from kkaligner.engines import transformers as _tf  # light at import: torch loads inside its methods
from kkaligner.engines.base import DecodeOptions, Progress
from kkaligner.errors import EngineError, UsageError, choices
from kkaligner.types import Constraint, Hypothesis

Status = Callable[[str], None]
"""Called with a one-line human-readable status message (conversion start, end, cache reuse)."""

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

# Files that are weights (never fingerprinted by content, only by size and time).
_WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth", ".h5", ".msgpack", ".ot")
_MARKER = "kkaligner.json"


def _import_ct2():
    try:
        import ctranslate2
    except ImportError:
        raise EngineError(
            "the 'ct2' engine needs CTranslate2, which is not installed. Install it with "
            "`pip install 'kkaligner[fast]'`, or use `--engine transformers`."
        ) from None
    return ctranslate2


def available() -> bool:
    """Whether ctranslate2 can be imported (without importing it)."""
    import importlib.util

    return importlib.util.find_spec("ctranslate2") is not None


def _stderr_status(message: str) -> None:
    print(f"kkaligner: {message}", file=sys.stderr, flush=True)


def ct2_cache_root() -> Path:
    from kkaligner.memory import cache_dir

    return cache_dir() / "ct2"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "--", text).strip("-.") or "model"


def local_fingerprint(folder: Path) -> str:
    """A digest of a local model folder: config bytes plus each weight file's name, size and mtime.

    Retraining a model into the same folder therefore gets a fresh conversion.
    """
    h = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        st = path.stat()
        if path.suffix in _WEIGHT_SUFFIXES:
            h.update(f"{path.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        elif path.name in ("config.json", "generation_config.json"):
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\n")
    return h.hexdigest()[:12]


def cache_key(model_id: str, revision: str, quantization: str, folder: Optional[Path] = None) -> str:
    """Folder name of one conversion: model, revision (or local fingerprint) and quantization."""
    if revision and revision != "local":
        rev = revision[:12]
        name = _slug(model_id)
    else:
        path = str(folder if folder is not None else model_id)
        name = _slug(Path(path).name) + "-" + hashlib.sha256(path.encode()).hexdigest()[:8]
        rev = "local-" + (local_fingerprint(folder) if folder is not None else "0")
    return f"{name}--{rev}--{quantization}"


def is_converted(folder: Path) -> bool:
    """A finished conversion: the weights and our marker (written last, before the rename) exist."""
    return (folder / "model.bin").is_file() and (folder / _MARKER).is_file()


def convert(
    model_dir: Path,
    out_dir: Path,
    quantization: str,
    *,
    model_id: str = "",
    revision: str = "",
    status: Optional[Status] = None,
) -> Path:
    """Convert a transformers model folder into ``out_dir`` (atomically); return ``out_dir``.

    The converter writes into a sibling temporary folder that is renamed into place at the end; a
    concurrent conversion of the same model by another process simply wins the rename.
    """
    ctranslate2 = _import_ct2()
    status = status or _stderr_status
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".tmp", dir=out_dir.parent))
    status(f"converting {model_id or model_dir} to CTranslate2 {quantization} (once; cached in {out_dir})")
    start = time.perf_counter()
    try:
        with _tf._quiet():
            converter = ctranslate2.converters.TransformersConverter(str(model_dir), low_cpu_mem_usage=True)
            converter.convert(str(tmp), quantization=quantization, force=True)
        marker = {
            "model_id": model_id,
            "revision": revision,
            "quantization": quantization,
            "ctranslate2": ctranslate2.__version__,
            "source": str(model_dir),
            "converted": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        (tmp / _MARKER).write_text(json.dumps(marker, indent=1), encoding="utf-8")
        try:
            os.replace(tmp, out_dir)
        except OSError:
            if not is_converted(out_dir):  # a broken leftover, not a finished concurrent conversion
                shutil.rmtree(out_dir, ignore_errors=True)
                os.replace(tmp, out_dir)
    except EngineError:
        raise
    except Exception as exc:
        raise EngineError(
            f"converting {model_id or model_dir} to CTranslate2 failed ({type(exc).__name__}: {exc}). "
            "Check that the folder holds a transformers seq2seq model (config.json and weights), or use "
            "`--engine transformers`."
        ) from None
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    status(f"converted {model_id or model_dir} in {time.perf_counter() - start:.1f} s")
    return out_dir


def _cpu_threads() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def _resolve_device(device: str, ctranslate2) -> tuple[str, int]:
    device = (device or "auto").strip().lower()
    index = 0
    if ":" in device:
        device, _, idx = device.partition(":")
        if not idx.isdigit():
            raise UsageError(f"device index must be a number, got {idx!r}; e.g. 'cuda:0'")
        index = int(idx)
    if device == "auto":
        device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    if device not in ("cpu", "cuda"):
        raise UsageError(f"unknown device {device!r} for the ct2 engine; valid: {choices(['auto', 'cpu', 'cuda'])}")
    if device == "cuda" and ctranslate2.get_cuda_device_count() == 0:
        raise EngineError("--device cuda was asked for but CTranslate2 sees no CUDA GPU; use --device cpu")
    return device, index


def _read_vocabulary(folder: Path) -> list[str]:
    for name in ("target_vocabulary", "shared_vocabulary"):
        js, txt = folder / f"{name}.json", folder / f"{name}.txt"
        if js.is_file():
            return json.loads(js.read_text(encoding="utf-8"))
        if txt.is_file():
            return txt.read_text(encoding="utf-8").splitlines()
    return []


def _batches(lengths: Sequence[int], batch_size: int, batch_tokens: int) -> list[list[int]]:
    """Indices sorted by length, cut into batches of at most ``batch_size`` sentences whose padded
    size (sentences x longest) stays within ``batch_tokens`` (a single long sentence still goes)."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batches: list[list[int]] = []
    current: list[int] = []
    longest = 0
    for i in order:
        new_longest = max(longest, lengths[i])
        if current and (len(current) >= batch_size or (len(current) + 1) * new_longest > batch_tokens):
            batches.append(current)
            current, longest, new_longest = [], 0, lengths[i]
        current.append(i)
        longest = new_longest
    if current:
        batches.append(current)
    return batches


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


# tokenizer_config.json classes that NllbJsonTokenizer reads like transformers does.
_NLLB_TOKENIZER_CLASSES = ("NllbTokenizer", "NllbTokenizerFast")


class NllbJsonTokenizer:
    """An NLLB tokenizer read from ``tokenizer.json`` by the ``tokenizers`` library alone.

    transformers' tokenizer classes import torch (about 0.2 GB resident) though CTranslate2 never
    needs it, so for NLLB models the engine uses this instead: the same pieces, ids and text as
    ``transformers.NllbTokenizer`` for what the engine asks of a tokenizer (calling it on texts or
    ``text_target``, id/token conversion, ``batch_decode``, ``get_vocab``, ``src_lang``). Source
    texts get ``[src_lang] pieces </s>`` (``</s> [src_lang]`` after the pieces with
    ``legacy_behaviour``). Other families (Marian, M2M100: sentencepiece files) load through
    transformers. ``load`` returns None when the folder is not an NLLB ``tokenizer.json`` folder.
    """

    def __init__(self, backend, config: dict) -> None:
        # A tokenizer.json saved after a padded or truncated call (any fine-tuning script) keeps
        # that setting, and the backend would apply it to every batch: pad tokens in the middle
        # of a source change its translation, and truncation drops text. transformers resets both
        # on each call; so must this.
        backend.no_padding()
        backend.no_truncation()
        self.backend_tokenizer = backend
        self._config = config
        self.legacy_behaviour = bool(config.get("legacy_behaviour", False))
        self.src_lang = config.get("src_lang") or "eng_Latn"
        self.tgt_lang = config.get("tgt_lang") or "eng_Latn"
        self.unk_token = self._token_text(config.get("unk_token")) or "<unk>"
        self.eos_token = self._token_text(config.get("eos_token")) or "</s>"
        self.clean_up_tokenization_spaces = bool(config.get("clean_up_tokenization_spaces", False))
        added = backend.get_added_tokens_decoder()
        named = [self._token_text(config.get(k)) for k in ("bos_token", "eos_token", "unk_token", "sep_token",
                                                           "pad_token", "cls_token", "mask_token")]
        self.all_special_tokens = list(dict.fromkeys(
            [t for t in named if t] + [a.content for _, a in sorted(added.items()) if a.special]
        ))

    @staticmethod
    def _token_text(value) -> Optional[str]:
        if isinstance(value, dict):  # an AddedToken written out in full
            return value.get("content")
        return value if isinstance(value, str) else None

    @classmethod
    def load(cls, folder: Path) -> Optional["NllbJsonTokenizer"]:
        config_path, json_path = folder / "tokenizer_config.json", folder / "tokenizer.json"
        if not (config_path.is_file() and json_path.is_file()):
            return None
        try:
            config = json.loads(config_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if config.get("tokenizer_class") not in _NLLB_TOKENIZER_CLASSES:
            return None
        try:
            from tokenizers import Tokenizer
        except ImportError:  # transformers' own dependency; without it, transformers decides
            return None
        return cls(Tokenizer.from_file(str(json_path)), config)

    def __len__(self) -> int:
        return self.backend_tokenizer.get_vocab_size(with_added_tokens=True)

    @property
    def eos_token_id(self) -> int:
        return self.convert_tokens_to_ids(self.eos_token)

    @property
    def unk_token_id(self) -> int:
        return self.convert_tokens_to_ids(self.unk_token)

    @property
    def pad_token_id(self) -> Optional[int]:
        pad = self._token_text(self._config.get("pad_token"))
        return self.convert_tokens_to_ids(pad) if pad else None

    def get_vocab(self) -> dict:
        return self.backend_tokenizer.get_vocab(with_added_tokens=True)

    def _specials(self, lang: str) -> tuple[list[int], list[int]]:
        code, eos = self.convert_tokens_to_ids(lang), self.convert_tokens_to_ids(self.eos_token)
        return ([], [eos, code]) if self.legacy_behaviour else ([code], [eos])

    def __call__(self, text=None, *, text_target=None, add_special_tokens: bool = True) -> dict:
        target = text is None
        texts = text_target if target else text
        single = isinstance(texts, str)
        batch = [texts] if single else list(texts)
        encoded = self.backend_tokenizer.encode_batch(batch, add_special_tokens=False)
        ids = [list(e.ids) for e in encoded]
        if add_special_tokens:
            head, tail = self._specials(self.tgt_lang if target else self.src_lang)
            ids = [head + x + tail for x in ids]
        return {"input_ids": ids[0] if single else ids}

    def convert_tokens_to_ids(self, tokens):
        if isinstance(tokens, str):
            found = self.backend_tokenizer.token_to_id(tokens)
            return found if found is not None else self.backend_tokenizer.token_to_id(self.unk_token)
        return [self.convert_tokens_to_ids(t) for t in tokens]

    def convert_ids_to_tokens(self, ids):
        if isinstance(ids, int):
            return self.backend_tokenizer.id_to_token(ids)
        return [self.backend_tokenizer.id_to_token(int(i)) for i in ids]

    def batch_decode(self, sequences, skip_special_tokens: bool = False) -> list[str]:
        texts = self.backend_tokenizer.decode_batch(
            [list(map(int, s)) for s in sequences], skip_special_tokens=skip_special_tokens
        )
        return [_clean_up_tokenization(t) for t in texts] if self.clean_up_tokenization_spaces else texts

    def decode(self, ids, skip_special_tokens: bool = False) -> str:
        return self.batch_decode([ids], skip_special_tokens=skip_special_tokens)[0]


def _clean_up_tokenization(text: str) -> str:
    """transformers' ``clean_up_tokenization``: spaces before punctuation and English contractions."""
    for a, b in ((" .", "."), (" ?", "?"), (" !", "!"), (" ,", ","), (" ' ", "'"), (" n't", "n't"),
                 (" 'm", "'m"), (" 's", "'s"), (" 've", "'ve"), (" 're", "'re")):
        text = text.replace(a, b)
    return text


class Ct2Engine:
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
        **_ignored,
    ) -> None:
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
        self.family = self._family()
        self._marian_pair = self._marian_direction() if self.family == "marian" else None
        # The converted vocabulary is normally the tokenizer's: then one copy of its (256k for NLLB)
        # entries is kept, not two.
        converted = set(_read_vocabulary(self.ct2_dir))
        vocab = self._vocab()
        self._vocab_set = vocab.keys() if vocab.keys() == converted else frozenset(converted)
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

    # Language handling is the transformers engine's, shared function for function, so both engines
    # read the same codes from the same vocabulary (they need tokenizer, config, ref, model_id).
    _vocab = _tf.TransformersEngine._vocab
    _family = _tf.TransformersEngine._family
    _marian_direction = _tf.TransformersEngine._marian_direction
    _target_token = _tf.TransformersEngine._target_token
    language_setup = _tf.TransformersEngine.language_setup

    @staticmethod
    def _read_config(folder: Path) -> SimpleNamespace:
        try:
            data = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        return SimpleNamespace(model_type=data.get("model_type", ""), _name_or_path=data.get("_name_or_path", ""))

    def _load_tokenizer(self, folder: Path):
        light = NllbJsonTokenizer.load(folder)
        if light is not None:
            return light
        try:
            from transformers import AutoTokenizer

            with _tf._quiet():
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

    def in_vocabulary(self, tokens: Sequence[str]) -> bool:
        return bool(tokens) and all(t in self._vocab_set for t in tokens)

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
            max_decoding_length=max(limit, longest_prefix + 1, options.min_new_tokens),
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
        batches = _batches([len(s) for s in source], max(1, options.batch_size), max(1, options.batch_tokens))
        if enforce:
            # One call for the document: sentences that need a term forced are decoded again
            # together, not batch by batch.
            from kkaligner.enforce.ct2 import translate_enforced

            hyps = translate_enforced(
                self, source, [texts[i] for i in todo], [list(constraints[i]) for i in todo], prefix, options,
                target_lang=target_lang, batches=batches, progress=progress,
            )
            for i, h in zip(todo, hyps):
                out[i] = h
            return out
        for batch in batches:
            idx = [todo[b] for b in batch]
            src = [source[b] for b in batch]
            results = self.decode(src, [prefix] * len(src), options, num_hypotheses=options.num_hypotheses)
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
