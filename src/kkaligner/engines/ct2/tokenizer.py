"""An NLLB tokenizer that reads ``tokenizer.json`` with the ``tokenizers`` library alone (no torch)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

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


__all__ = ["NllbJsonTokenizer"]
