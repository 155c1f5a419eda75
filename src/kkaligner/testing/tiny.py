"""Tiny seq2seq models built offline in seconds, for tests, examples and benchmarks.

No Kazakh–English weights can be downloaded where kkaligner is developed and tested, so the test
suite builds its own models and loads them back through exactly the path users take
(``--model PATH``): a sentencepiece BPE model trained on a small synthetic corpus, then

- an NLLB-shaped model: ``M2M100ForConditionalGeneration`` + ``NllbTokenizer`` built without protobuf
  (vocab in the fairseq id layout ``<s>`` 0, ``<pad>`` 1, ``</s>`` 2, ``<unk>`` 3, then the pieces,
  merges recovered with ``generate_merges``, language codes as extra special tokens);
- a MarianMT model: ``MarianMTModel`` + ``MarianTokenizer`` (source.spm, target.spm, vocab.json).

Weights are random (seeded): these models translate nothing. They exercise loading, batching,
decoding, enforcement and writing. ``kkaligner.testing.train`` trains one to map names.
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path
from typing import Iterable, Optional, Sequence

KAZAKH_ALPHABET = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
LATIN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜŞÇĞŪÏÑ"
# Kazakh Latin (2021) letters beyond ASCII are included so Latin-script Kazakh is representable.

NLLB_LANG_CODES = ("eng_Latn", "kaz_Cyrl", "rus_Cyrl")

_KK_WORDS = (
    "Ресей президенті Владимир Путин Қазақстан Нұрсұлтан Назарбаев Мәскеу ВДНХ көрмесін аралап "
    "Бәйтерек зымыран кешенін атауды ұсынды Байқоңыр Роскосмос Астана Протон Зенит Украина Ангара "
    "Союз-5 жоба бюджеті жыл мерзімі ғарыш айлағы министрі премьер-министр сенбі күні павильон "
    "бірінші бұрынғы үкімет елдер арасында келісім жасалды басшысы хабарлады ұшырылды"
).split()
_EN_WORDS = (
    "Russian President Vladimir Putin Kazakhstan Nursultan Nazarbayev Moscow VDNKh exhibition visited "
    "Baiterek rocket complex proposed naming Baikonur Roscosmos Astana Proton Zenit Ukraine Angara "
    "Soyuz-5 project budget year deadline cosmodrome minister prime on Saturday pavilion first former "
    "government countries between agreement signed head announced launched the of and in to"
).split()
_KK_SUFFIXES = ("", "дың", "тың", "ның", "ға", "ге", "қа", "да", "дағы", "дан", "мен", "ы", "і", "лар")


def synthetic_corpus(n: int = 400, seed: int = 0) -> list[str]:
    """Deterministic mixed Kazakh/English lines covering every letter the tiny models must encode."""
    rng = random.Random(seed)
    lines = [KAZAKH_ALPHABET, KAZAKH_ALPHABET.lower(), LATIN_ALPHABET, LATIN_ALPHABET.lower()]
    lines.append("0 1 2 3 4 5 6 7 8 9 . , ; : ! ? « » \" ' ( ) - – — / % № $ € @ # & * + = _ [ ] { }")
    for _ in range(n):
        kk = " ".join(rng.choice(_KK_WORDS) + rng.choice(_KK_SUFFIXES) for _ in range(rng.randint(4, 12)))
        en = " ".join(rng.choice(_EN_WORDS) for _ in range(rng.randint(4, 12)))
        lines.append(kk + rng.choice(".!?"))
        lines.append(en.capitalize() + rng.choice(".!?"))
        lines.append(f"{rng.randint(1, 3000)} {rng.choice(_KK_WORDS)} {rng.randint(1, 99)},{rng.randint(0, 9)}")
    return lines


def train_sentencepiece(
    lines: Iterable[str], vocab_size: int = 600, model_type: str = "bpe"
) -> bytes:
    """Train a sentencepiece model in memory; returns the serialized model proto."""
    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(list(lines)),
        model_writer=buffer,
        vocab_size=vocab_size,
        model_type=model_type,
        character_coverage=1.0,
        num_threads=1,  # deterministic
        unk_id=0,
        bos_id=-1,
        eos_id=-1,
        pad_id=-1,
        hard_vocab_limit=False,
        split_digits=True,
        minloglevel=2,
    )
    return buffer.getvalue()


def _spm_pieces(model_proto: bytes) -> list[tuple[str, float]]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_proto=model_proto)
    return [(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())
            if not (sp.is_unknown(i) or sp.is_control(i))]


def build_nllb_tokenizer(
    model_proto: bytes, lang_codes: Sequence[str] = NLLB_LANG_CODES, vocab_size: Optional[int] = None
):
    """An ``NllbTokenizer`` from a sentencepiece BPE model, without protobuf.

    ``vocab_size`` pads the vocabulary to exactly that many entries with filler pieces the
    tokenizer never produces, before the language codes and <mask> (NLLB's layout), so that a
    model of a real vocabulary size can be built around a tiny tokenizer.
    """
    from transformers import NllbTokenizer
    from transformers.tokenization_utils_base import generate_merges

    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    scores = {}
    for piece, score in _spm_pieces(model_proto):
        if piece not in vocab:
            vocab[piece] = len(vocab)
            scores[piece] = score
    merges = generate_merges(vocab, scores)
    if vocab_size is not None:
        filler = vocab_size - len(vocab) - len(lang_codes) - 1
        if filler < 0:
            raise ValueError(f"vocab_size {vocab_size} is smaller than the {vocab_size - filler} entries needed")
        for i in range(filler):
            vocab[f"\u2581madeup{i}"] = len(vocab)
    for code in lang_codes:
        vocab[code] = len(vocab)
    vocab["<mask>"] = len(vocab)
    return NllbTokenizer(
        vocab=vocab,
        merges=merges,
        extra_special_tokens=list(lang_codes),
        src_lang=lang_codes[1] if len(lang_codes) > 1 else lang_codes[0],
        tgt_lang=lang_codes[0],
    )


def _small_dims(d_model: int, layers: int) -> dict:
    return dict(
        d_model=d_model,
        encoder_layers=layers,
        decoder_layers=layers,
        encoder_attention_heads=max(1, d_model // 16),
        decoder_attention_heads=max(1, d_model // 16),
        encoder_ffn_dim=d_model * 2,
        decoder_ffn_dim=d_model * 2,
        max_position_embeddings=256,
        dropout=0.0,
        attention_dropout=0.0,
        activation_dropout=0.0,
        scale_embedding=True,
    )


def build_tiny_nllb(
    path: Path | str,
    *,
    seed: int = 0,
    d_model: int = 32,
    layers: int = 1,
    vocab_size: int = 600,
    corpus: Optional[Sequence[str]] = None,
) -> Path:
    """Build and ``save_pretrained`` an NLLB-shaped (M2M100) model with random weights; return ``path``."""
    import torch
    from transformers import (
        GenerationConfig,
        M2M100Config,
        M2M100ForConditionalGeneration,
    )

    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    proto = train_sentencepiece(corpus if corpus is not None else synthetic_corpus(seed=seed), vocab_size)
    tokenizer = build_nllb_tokenizer(proto)
    torch.manual_seed(seed)
    config = M2M100Config(
        vocab_size=len(tokenizer),
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
        **_small_dims(d_model, layers),
    )
    model = M2M100ForConditionalGeneration(config).eval()
    model.generation_config = GenerationConfig(
        decoder_start_token_id=2, bos_token_id=0, eos_token_id=2, pad_token_id=1, max_length=64
    )
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


def build_tiny_marian(
    path: Path | str,
    *,
    seed: int = 0,
    d_model: int = 32,
    layers: int = 1,
    vocab_size: int = 600,
    corpus: Optional[Sequence[str]] = None,
) -> Path:
    """Build and ``save_pretrained`` a MarianMT model (shared vocab) with random weights; return ``path``."""
    import torch
    from transformers import (
        GenerationConfig,
        MarianConfig,
        MarianMTModel,
        MarianTokenizer,
    )

    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    proto = train_sentencepiece(corpus if corpus is not None else synthetic_corpus(seed=seed), vocab_size)
    (path / "source.spm").write_bytes(proto)
    (path / "target.spm").write_bytes(proto)
    # Marian layout: </s> 0, <unk> 1, the pieces, <pad> last.
    vocab = {"</s>": 0, "<unk>": 1}
    for piece, _ in _spm_pieces(proto):
        vocab.setdefault(piece, len(vocab))
    vocab["<pad>"] = len(vocab)
    (path / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = MarianTokenizer(
        source_spm=str(path / "source.spm"), target_spm=str(path / "target.spm"), vocab=str(path / "vocab.json")
    )
    torch.manual_seed(seed)
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        pad_token_id=pad,
        eos_token_id=0,
        decoder_start_token_id=pad,
        forced_eos_token_id=0,
        share_encoder_decoder_embeddings=True,
        **_small_dims(d_model, layers),
    )
    model = MarianMTModel(config).eval()
    model.generation_config = GenerationConfig(
        decoder_start_token_id=pad, eos_token_id=0, pad_token_id=pad, max_length=64
    )
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path
