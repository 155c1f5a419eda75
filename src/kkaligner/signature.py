"""The one place where signatures are built, from the producing objects' own state.

As sacrebleu does, the signature is read off the objects that produce the output (the engine, its
decoding options, the glossary, the splitter), never assembled from loose values, so a new
output-changing setting cannot be forgotten in it: ``translation`` takes every DecodeOptions field
that changes the output (``engines.base.OUTPUT_OPTIONS``) and fails loudly for one it does not
know how to show. The translation memory keys its entries on the same state.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from kkaligner import __version__
from kkaligner.engines.base import OUTPUT_OPTIONS, DecodeOptions
from kkaligner.memory import model_fingerprint
from kkaligner.types import Signature

# How each output-changing decoding option shows in the signature: as a field, or as an extra part
# when it differs from the default (min_new_tokens and read_names are not user settings).
_OPTION_FIELDS = {"beam_size": "beam", "max_length": "max_length", "num_hypotheses": "hypotheses", "enforce": "enforce"}
_OPTION_EXTRAS = ("min_new_tokens", "read_names")


def model_label(engine) -> str:
    """The model as the signature names it: the Hub id, or a local folder's name and a digest of
    its files (never the absolute path, which says nothing on another machine)."""
    model_id = str(engine.model_id)
    ref = getattr(engine, "ref", None)
    if getattr(ref, "kind", "hub") != "local" and not Path(model_id).is_absolute():
        return model_id
    digest = model_fingerprint(engine)
    name = Path(model_id).name or "model"
    return f"{name}@{digest}" if digest else name


def translation(engine, options: DecodeOptions, *, source_lang: str, target_lang: str, splitter: str,
                glossary: str, auto_names: bool = True) -> Signature:
    """The signature of a draft ``engine`` decoded with ``options`` (see module doc)."""
    values = dataclasses.asdict(options)
    unknown = set(OUTPUT_OPTIONS) - set(_OPTION_FIELDS) - set(_OPTION_EXTRAS)
    if unknown:  # pragma: no cover - a new option must be given a place here first
        raise AssertionError(f"output-changing options missing from the signature: {sorted(unknown)}")
    fields = {name: values[opt] for opt, name in _OPTION_FIELDS.items()}
    default = DecodeOptions()
    extra = tuple(
        (opt, str(values[opt]).lower()) for opt in _OPTION_EXTRAS if values[opt] != getattr(default, opt)
    )
    if not auto_names:  # names without an entry left as the model wrote them (on by default)
        extra += (("auto_names", "off"),)
    return Signature(
        kkaligner=__version__,
        engine=engine.name,
        model=model_label(engine),
        revision=getattr(engine, "revision", "") or "local",
        source_lang=source_lang,
        target_lang=target_lang,
        splitter=splitter,
        glossary=glossary,
        compute_type=str(getattr(engine, "compute_type", "") or ""),
        extra=extra,
        **fields,
    )


def check(*, source_lang: str, target_lang: str, splitter: str, glossary: str, aligned: bool) -> Signature:
    """The signature of a check report on a human translation: no engine, no decoding."""
    return Signature(
        kkaligner=__version__,
        engine="human",
        model="-",
        source_lang=source_lang,
        target_lang=target_lang,
        beam=0,
        max_length=0,
        enforce=False,
        splitter=splitter,
        glossary=glossary,
        hypotheses=0,
        extra=(("aligned", "given" if aligned else "auto"),),
    )


__all__ = ["translation", "check", "model_label"]
