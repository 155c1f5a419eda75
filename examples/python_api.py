"""kkaligner from Python: split, match the glossary, translate, check, write a review page.

    python examples/python_api.py [--model nllb-600m | --model PATH]

The model is a preset (``kkalign models list``), a Hub id or a local folder saved with
``save_pretrained``. Without network access and without a cached model, translation stops with a
message that says how to get one; the other steps run without any model.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import kkaligner
from kkaligner.errors import KkalignerError

ARTICLE = Path(__file__).with_name("baiterek-news.kk.txt")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="nllb-600m")
    parser.add_argument("--html", default="baiterek-review.html", help="where to write the review page")
    args = parser.parse_args()
    text = ARTICLE.read_text(encoding="utf-8")

    # 1. Sentences, with offsets into the text (text == source[start:end]).
    sentences = kkaligner.segment(text, lang="kk")
    print(f"{len(sentences)} sentences; the first: {sentences[0].text!r}")

    # 2. The shipped names glossary finds names in any inflected form.
    glossary = kkaligner.Glossary.default()
    for m in glossary.match(sentences[0].text)[:5]:
        print(f"  {m.surface!r} -> {m.term.target!r} (suffix {m.suffix!r})")

    # 3. Translate with glossary enforcement; the Draft keeps the article's layout.
    try:
        with kkaligner.Translator(model=args.model, source_lang="kk", target_lang="en") as translator:
            draft = translator.translate(text)
    except KkalignerError as exc:
        print(f"cannot translate: {exc}", file=sys.stderr)
        return 1
    print(draft.text)
    print("findings by severity:", draft.findings_by_severity())
    print("signature:", draft.signature)

    # 4. A self-contained HTML page for the reviewer.
    from kkaligner.writers import write

    write(draft, args.html, format="html")
    print(f"review page: {args.html}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
