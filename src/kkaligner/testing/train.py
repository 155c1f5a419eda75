"""Train a tiny NLLB-shaped kk→en model that renders names its own way, for enforcement tests.

A random-weight model proves that enforcement's guarantee holds whatever the model does; it cannot
show that enforcement fixes what a *real* model gets wrong. This module trains one in about a minute
on two CPU cores: synthetic Kazakh sentences built from templates with inflected names
(Байқоңырда, Бәйтеректің...) and their English translations, in which the model learns to write
Байқоңыр as "Baykonur" and Бәйтерек as "Bayterek" -- so a glossary saying Baikonur/Baiterek
disagrees with it, as glossaries disagree with real models.

Training is deterministic (fixed seeds, one thread, a fixed number of steps) and cached in a folder
keyed by a hash of the recipe: ``$KKALIGNER_CACHE/test-models`` or ``~/.cache/kkaligner/test-models``,
or the ``cache_dir`` given. Some sentences (new combinations of known names and templates) are held
apart from training for evaluation.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Optional

from kkaligner.testing.tiny import (
    KAZAKH_ALPHABET,
    LATIN_ALPHABET,
    build_nllb_tokenizer,
    train_sentencepiece,
)

# Name -> (nominative, genitive, dative, locative, ablative) and the model's own English rendering.
# Case endings follow Kazakh vowel harmony and consonant assimilation by hand (each row checked
# against the ending rules: -дың/-тың/-ның, -ға/-ге/-қа/-ке, -да/-де/-та/-те, -дан/-ден/-тан/-тен/-нан/-нен).
NAMES: dict[str, tuple[tuple[str, str, str, str, str], str]] = {
    "Байқоңыр": (("Байқоңыр", "Байқоңырдың", "Байқоңырға", "Байқоңырда", "Байқоңырдан"), "Baykonur"),
    "Бәйтерек": (("Бәйтерек", "Бәйтеректің", "Бәйтерекке", "Бәйтеректе", "Бәйтеректен"), "Bayterek"),
    "Астана": (("Астана", "Астананың", "Астанаға", "Астанада", "Астанадан"), "Astana"),
    "Алматы": (("Алматы", "Алматының", "Алматыға", "Алматыда", "Алматыдан"), "Almaty"),
    "Мәскеу": (("Мәскеу", "Мәскеудің", "Мәскеуге", "Мәскеуде", "Мәскеуден"), "Moscow"),
    "Шымкент": (("Шымкент", "Шымкенттің", "Шымкентке", "Шымкентте", "Шымкенттен"), "Shymkent"),
    "Ақтөбе": (("Ақтөбе", "Ақтөбенің", "Ақтөбеге", "Ақтөбеде", "Ақтөбеден"), "Aktobe"),
    "Қарағанды": (("Қарағанды", "Қарағандының", "Қарағандыға", "Қарағандыда", "Қарағандыдан"), "Karaganda"),
    "Түркістан": (("Түркістан", "Түркістанның", "Түркістанға", "Түркістанда", "Түркістаннан"), "Turkistan"),
    "Павлодар": (("Павлодар", "Павлодардың", "Павлодарға", "Павлодарда", "Павлодардан"), "Pavlodar"),
    "Атырау": (("Атырау", "Атыраудың", "Атырауға", "Атырауда", "Атыраудан"), "Atyrau"),
    "Ангара": (("Ангара", "Ангараның", "Ангараға", "Ангарада", "Ангарадан"), "Angara"),
}

# (Kazakh template, English template); {A.gen} is name A in the genitive, etc.
TEMPLATES: tuple[tuple[str, str], ...] = (
    ("{A.nom} {B.dat} барды.", "{A} went to {B}."),
    ("{A.gen} министрі {B.dat} келді.", "The minister of {A} came to {B}."),
    ("{A.abl} {B.dat} дейін жол салынды.", "A road was built from {A} to {B}."),
    ("{A.nom} мен {B.nom} келісім жасады.", "{A} and {B} signed an agreement."),
    ("Президент {A.loc} сөз сөйледі.", "The president spoke in {A}."),
    ("{A.nom} үкіметі {B.gen} жобасын қолдады.", "The government of {A} supported the project of {B}."),
    ("Бүгін {A.loc} ауа райы жақсы.", "Today the weather in {A} is good."),
    ("{A.loc} жаңа зымыран ұшырылды.", "A new rocket was launched in {A}."),
    ("{B.abl} келген делегация {A.loc} болды.", "The delegation from {B} was in {A}."),
    ("{A.gen} тұрғындары {B.gen} тұрғындарымен кездесті.", "The residents of {A} met the residents of {B}."),
)

_CASES = ("nom", "gen", "dat", "loc", "abl")


@dataclass(frozen=True)
class Recipe:
    """Everything that determines the trained model (its hash keys the cache)."""

    seed: int = 0
    d_model: int = 128
    layers: int = 2
    vocab_size: int = 700
    steps: int = 1000
    batch_size: int = 48
    lr: float = 2e-3
    held_out: float = 0.1
    version: int = 1

    def key(self) -> str:
        blob = json.dumps({"recipe": asdict(self), "names": NAMES, "templates": TEMPLATES}, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class TrainedModel:
    """A trained tiny model: its folder, the held-apart ``(kk, en)`` pairs, the recipe."""

    path: Path
    held_out: tuple[tuple[str, str], ...]
    recipe: Recipe = field(default_factory=Recipe)


def _fill(template: str, a: str, b: str) -> str:
    out = template
    for slot, name in (("A", a), ("B", b)):
        forms, english = NAMES[name]
        out = out.replace("{" + slot + "}", english)
        for case, form in zip(_CASES, forms):
            out = out.replace("{" + slot + "." + case + "}", form)
    return out


def parallel_corpus(seed: int = 0, held_out: float = 0.1) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """All template × name-pair sentences, shuffled; returns ``(train, held_out)`` pairs.

    Held-apart pairs are new combinations: each contains Байқоңыр or Бәйтерек, whose template and
    names all occur in training in other combinations.
    """
    rng = random.Random(seed)
    pairs = []
    for kk_t, en_t in TEMPLATES:
        for a in NAMES:
            partners = [b for b in NAMES if b != a] if "{B" in kk_t else [a]
            for b in partners:
                pairs.append((_fill(kk_t, a, b), _fill(en_t, a, b)))
    rng.shuffle(pairs)
    wanted = int(len(pairs) * held_out)
    test, train = [], []
    for kk, en in pairs:
        if len(test) < wanted and ("Байқоңыр" in kk or "Бәйтерек" in kk):
            test.append((kk, en))
        else:
            train.append((kk, en))
    return train, test


def default_cache_dir() -> Path:
    """``$KKALIGNER_CACHE/test-models``, else ``~/.cache/kkaligner/test-models``."""
    root = os.environ.get("KKALIGNER_CACHE")
    base = Path(root) if root else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "kkaligner"
    return base / "test-models"


def _train(path: Path, recipe: Recipe, train: list[tuple[str, str]], log=None) -> None:
    import torch
    from transformers import (
        GenerationConfig,
        M2M100Config,
        M2M100ForConditionalGeneration,
    )
    from transformers.models.m2m_100.modeling_m2m_100 import shift_tokens_right

    from kkaligner.testing.tiny import _small_dims

    lines = [KAZAKH_ALPHABET, KAZAKH_ALPHABET.lower(), LATIN_ALPHABET, LATIN_ALPHABET.lower()]
    lines.append("0 1 2 3 4 5 6 7 8 9 . , ; : ! ? « » \" ' ( ) - – — / % № $ € @ # & * + = _ [ ] { }")
    lines += [s for pair in train for s in pair]
    tokenizer = build_nllb_tokenizer(train_sentencepiece(lines, recipe.vocab_size))
    tokenizer.src_lang, tokenizer.tgt_lang = "kaz_Cyrl", "eng_Latn"
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # deterministic and fair to the machine
    try:
        torch.manual_seed(recipe.seed)
        dims = _small_dims(recipe.d_model, recipe.layers)
        dims["max_position_embeddings"] = 128
        config = M2M100Config(
            vocab_size=len(tokenizer), pad_token_id=1, bos_token_id=0, eos_token_id=2, decoder_start_token_id=2, **dims
        )
        model = M2M100ForConditionalGeneration(config)
        model.train()
        enc = tokenizer([kk for kk, _ in train], text_target=[en for _, en in train], padding=True, return_tensors="pt")
        src, mask, labels = enc["input_ids"], enc["attention_mask"], enc["labels"]
        dec_in = shift_tokens_right(labels, 1, 2)
        labels = labels.masked_fill(labels == 1, -100)
        opt = torch.optim.AdamW(model.parameters(), lr=recipe.lr, weight_decay=0.0)
        gen = torch.Generator().manual_seed(recipe.seed)
        n = src.shape[0]
        for step in range(recipe.steps):
            lr = recipe.lr * min(1.0, (step + 1) / 50) * max(0.05, 1 - step / recipe.steps)
            for group in opt.param_groups:
                group["lr"] = lr
            idx = torch.randint(0, n, (recipe.batch_size,), generator=gen)
            out = model(input_ids=src[idx], attention_mask=mask[idx], decoder_input_ids=dec_in[idx], labels=labels[idx])
            opt.zero_grad()
            out.loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            if log and step % 100 == 0:
                log(f"step {step} loss {out.loss.item():.3f}")
    finally:
        torch.set_num_threads(threads)
    model.eval()
    model.generation_config = GenerationConfig(
        decoder_start_token_id=2, bos_token_id=0, eos_token_id=2, pad_token_id=1, max_length=64
    )
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)


def trained_tiny_nllb(
    recipe: Recipe = Recipe(), cache_dir: Optional[Path | str] = None, log=None
) -> TrainedModel:
    """The trained model for ``recipe``, trained now (about a minute) unless already cached."""
    train, test = parallel_corpus(recipe.seed, recipe.held_out)
    root = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    path = root / f"tiny-nllb-names-{recipe.key()}"
    if not (path / "config.json").exists():
        root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".train-", dir=root))
        try:
            _train(tmp, recipe, train, log)
            (tmp / "held_out.json").write_text(json.dumps(test, ensure_ascii=False), encoding="utf-8")
            try:
                tmp.rename(path)
            except OSError:  # built meanwhile by another process: keep theirs
                pass
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return TrainedModel(path=path, held_out=tuple(tuple(p) for p in test), recipe=recipe)


__all__ = ["NAMES", "TEMPLATES", "Recipe", "TrainedModel", "parallel_corpus", "trained_tiny_nllb", "default_cache_dir"]
