"""The tiny-model builders the tests and benchmarks share."""

from __future__ import annotations

import pytest

from kkaligner.testing.tiny import NLLB_LANG_CODES, build_nllb_tokenizer, synthetic_corpus, train_sentencepiece


@pytest.fixture(scope="module")
def proto() -> bytes:
    return train_sentencepiece(synthetic_corpus(), 300)


def test_nllb_tokenizer_in_the_fairseq_layout(proto):
    tok = build_nllb_tokenizer(proto)
    assert [tok.convert_ids_to_tokens(i) for i in range(4)] == ["<s>", "<pad>", "</s>", "<unk>"]
    assert tok.convert_ids_to_tokens(len(tok) - 1) == "<mask>"
    assert [tok.convert_tokens_to_ids(c) for c in NLLB_LANG_CODES] == list(
        range(len(tok) - 1 - len(NLLB_LANG_CODES), len(tok) - 1)
    )


def test_padded_vocabulary_keeps_the_pieces_and_ends_with_the_codes(proto):
    plain = build_nllb_tokenizer(proto)
    padded = build_nllb_tokenizer(proto, vocab_size=5000)
    assert len(padded) == 5000
    assert padded.convert_ids_to_tokens(4999) == "<mask>"
    assert padded.convert_tokens_to_ids("kaz_Cyrl") == 4999 - len(NLLB_LANG_CODES) + NLLB_LANG_CODES.index("kaz_Cyrl")
    text = "Қазақстан Астана"
    assert padded(text, add_special_tokens=False)["input_ids"] == plain(text, add_special_tokens=False)["input_ids"]
    with pytest.raises(ValueError, match="smaller"):
        build_nllb_tokenizer(proto, vocab_size=10)
