"""kkaligner: a Kazakh–English translation aid.

Split Kazakh or English text into sentences, translate it with a seq2seq model, enforce a glossary in
every inflected form, and check the draft like a reviewer::

    import kkaligner
    draft = kkaligner.translate(text, model="nllb-600m")
    print(draft.text)

Importing this package is cheap: torch and transformers are imported only when an engine is loaded.
Names are resolved lazily (PEP 562) so that ``import kkaligner`` pulls in nothing heavy.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "segment": "kkaligner.split",
    "Glossary": "kkaligner.glossary",
    "Translator": "kkaligner.pipeline",
    "translate": "kkaligner.pipeline",
    "check": "kkaligner.checks",
    "check_documents": "kkaligner.checks",
    "align": "kkaligner.align",
    "romanize": "kkaligner.lang.romanize",
    "extract_terms": "kkaligner.names",
    "Segment": "kkaligner.types",
    "Term": "kkaligner.types",
    "Match": "kkaligner.types",
    "Constraint": "kkaligner.types",
    "Finding": "kkaligner.types",
    "Sentence": "kkaligner.types",
    "Draft": "kkaligner.types",
    "Signature": "kkaligner.types",
    "Link": "kkaligner.types",
    "TermUse": "kkaligner.types",
    "KkalignerError": "kkaligner.errors",
}

__all__ = ["__version__", *_EXPORTS]


# Subpackages reachable as attributes (kkaligner.writers.write), imported on first use.
_SUBMODULES = frozenset({"writers", "glossary", "terms", "lang", "checks", "engines", "io", "models", "errors"})


def __getattr__(name: str):
    if name in _SUBMODULES:
        value = importlib.import_module(f"kkaligner.{name}")
        globals()[name] = value
        return value
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kkaligner' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(__all__)
