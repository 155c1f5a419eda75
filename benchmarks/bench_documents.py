"""The document layer's own cost per format, and the share of formatting spans it keeps, in one run.

    python benchmarks/bench_documents.py [--size MB] [--repeat R]

Builds one synthetic document per format (about MB megabytes of SRT, WebVTT, HTML, Markdown,
XLIFF 1.2 and 2.1; a DOCX with as many paragraphs as the HTML page; Kazakh sentences with bold,
italic and linked words; no model or data needed) and prints one table:

* read / carry+write: best-of-R seconds to parse the file into units, and to cut the translations
  into the units' slots and write the document back; the model is excluded (a stub returns each
  unit's text as its one sentence, so the splitter and the pipeline are not timed either);
* file MB/s: the file's megabytes over read + carry + write (DOCX: the zipped file, which holds
  its text compressed); text MB/s: the same for the units' text (UTF-8), comparable across formats;
* spans kept: the formatted slots (runs, inline tags, codes) whose words in the output are exactly
  the translations of their source words, with three stub translators that keep the word order:
  grow (every word uppercased, +"ия" on words longer than five letters), split (a word of n
  letters followed by n // 6 extra words) and skew (long words cut to three letters, short ones
  doubled: lengths far from proportional); "non-empty" counts slots that got any words at all
  (``DocumentDraft.formatting_kept``).
"""

from __future__ import annotations

import argparse
import io
import time

from kkaligner import documents
from kkaligner.documents import FORMATS, Options, translate_units
from kkaligner.documents._spans import flatten
from kkaligner.types import Draft, Sentence, Signature

WORDS = ("Қазақстан Республикасының Үкіметі ғарыш саласындағы ынтымақтастық туралы келісімге қол "
         "қойды Байқоңыр айлағында жаңа зымыран сынақтан өтті").split()


def sentence(i: int, n: int = 9) -> list[str]:
    words = [WORDS[(i * 7 + k) % len(WORDS)] for k in range(n)]
    words[0] = words[0].capitalize()
    return words


def para(i: int, style: str) -> str:
    """A paragraph of two sentences with one bold, one italic and one linked word group."""
    a, b = sentence(i), sentence(i + 1)
    tags = {"html": ("<b>{}</b>", "<i>{}</i>", '<a href="https://gov.kz/{n}">{}</a>'),
            "md": ("**{}**", "_{}_", "[{}](https://gov.kz/{n})"),
            "srt": ("<b>{}</b>", "<i>{}</i>", "<u>{}</u>"),
            "xliff12": ('<g id="b{n}">{}</g>', '<g id="i{n}">{}</g>', '<x id="x{n}"/>{}'),
            "xliff2": ('<pc id="b{n}">{}</pc>', '<pc id="i{n}">{}</pc>', '<ph id="x{n}"/>{}')}[style]
    a[2] = tags[0].format(" ".join(a[2:4]), n=i)
    del a[3]
    b[1] = tags[1].format(b[1], n=i)
    b[5] = tags[2].format(" ".join(b[5:7]), n=i)
    del b[6]
    return " ".join(a) + ". " + " ".join(b) + "."


def build(fmt: str, size: int) -> bytes:
    out, i = [], 0
    if fmt == "srt":
        while sum(map(len, out)) < size:
            out.append(f"{i + 1}\n00:00:{i % 60:02d},000 --> 00:00:{i % 60:02d},900\n{para(i, 'srt')}\n\n")
            i += 1
        return "".join(out).encode()
    if fmt == "vtt":
        out.append("WEBVTT\n\n")
        while sum(map(len, out)) < size:
            out.append(f"00:{i % 60:02d}.000 --> 00:{i % 60:02d}.900 align:start\n{para(i, 'srt')}\n\n")
            i += 1
        return "".join(out).encode()
    if fmt == "html":
        out.append("<!DOCTYPE html><html><head><title>Бенчмарк</title><style>p{color:red}</style></head><body>\n")
        while sum(map(len, out)) < size:
            out.append(f"<p>{para(i, 'html')}</p>\n<table><tr><td>{' '.join(sentence(i, 3))}</td><td>2024</td></tr></table>\n")
            i += 1
        return ("".join(out) + "</body></html>\n").encode()
    if fmt == "md":
        while sum(map(len, out)) < size:
            out.append(f"## {' '.join(sentence(i, 3))}\n\n{para(i, 'md')}\n\n- {' '.join(sentence(i, 4))} `code()`\n\n"
                       f"| {' '.join(sentence(i, 2))} | 1 |\n|---|---|\n\n```\nкод {i}\n```\n\n")
            i += 1
        return "".join(out).encode()
    if fmt in ("xliff12", "xliff2"):
        v1 = fmt == "xliff12"
        out.append('<?xml version="1.0" encoding="UTF-8"?>\n' + (
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="b" source-language="kk" datatype="plaintext"><body>\n'
            if v1 else '<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="kk"><file id="f">\n'))
        while sum(map(len, out)) < size:
            text = para(i, fmt)
            out.append(f'<trans-unit id="{i}"><source>{text}</source></trans-unit>\n' if v1
                       else f'<unit id="{i}"><segment><source>{text}</source></segment></unit>\n')
            i += 1
        return ("".join(out) + ("</body></file></xliff>\n" if v1 else "</file></xliff>\n")).encode()
    if fmt == "docx":
        import docx

        d = docx.Document()
        n = size // 400
        for i in range(n):
            a, b = sentence(i), sentence(i + 1)
            p = d.add_paragraph(" ".join(a[:2]) + " ")
            p.add_run(" ".join(a[2:4])).bold = True
            p.add_run(" " + " ".join(a[4:]) + ". " + b[0] + " ")
            p.add_run(b[1]).italic = True
            p.add_run(" " + " ".join(b[2:5]) + " ")
            p.add_run(" ".join(b[5:7])).underline = True
            p.add_run(" " + " ".join(b[7:]) + ".")
            if i % 10 == 0:
                t = d.add_table(rows=1, cols=2)
                t.cell(0, 0).text = " ".join(sentence(i, 3))
                t.cell(0, 1).text = "2024"
        buf = io.BytesIO()
        d.save(buf)
        return buf.getvalue()
    raise ValueError(fmt)


class Paragraphs:
    """A translator stub for timing: each paragraph of the text is one sentence, mapped by ``function``."""

    def __init__(self, function=lambda s: s) -> None:
        self.function = function

    def translate(self, text: str) -> Draft:
        sentences, seps, pos = [], [""], 0
        for k, block in enumerate(text.split("\n\n")):
            sentences.append(Sentence(k, block, self.function(block), pos, pos + len(block)))
            pos += len(block) + 2
            seps.append("\n\n")
        seps[-1] = ""
        return Draft(text, tuple(sentences), tuple(seps), Signature("", "stub", "stub"))


def grow(text: str) -> str:
    """Every word's length changed a little, unevenly."""
    return " ".join(w.upper() + ("ия" if len(w) > 5 else "") for w in text.split())


def skew(text: str) -> str:
    """Long words cut to three letters, short ones doubled: lengths far from proportional."""
    return " ".join(w[:3] if len(w) > 7 else w + w for w in text.split())


def split(text: str) -> str:
    """A long (inflected) word becomes several words, as a Kazakh case ending becomes a preposition."""
    return " ".join(" ".join([w.upper()] + ["of"] * (len(w) // 6)) for w in text.split())


STUBS = {"grow": grow, "split": split, "skew": skew}


def best(repeat: int, fn):
    times, value = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - t)
    return min(times), value


def run(fmt: str, module, data: bytes, repeat: int) -> dict:
    read_s, document = best(repeat, lambda: module.read(data, f"bench.{fmt}", Options()))

    def carry_write():
        _, targets, _, _ = translate_units(Paragraphs(), document.units)
        return module.write(document, targets, Options())

    write_s, _ = best(repeat, carry_write)
    text_mb = sum(len(u.text.encode()) for u in document.units) / 1e6
    row = {"format": fmt, "MB": len(data) / 1e6, "text MB": text_mb, "units": len(document.units),
           "read": read_s, "write": write_s}
    for name, stub in STUBS.items():
        _, targets, _, (slots, nonempty) = translate_units(Paragraphs(stub), document.units)
        exact = 0
        for unit in document.units:
            out = targets.get(unit.id)
            if out is None or len(unit.pieces) < 2:
                continue
            for src, tgt in zip(unit.pieces, out):
                if flatten([src])[0] and any(ch.isalnum() for ch in src):
                    exact += tgt.split() == stub(src).split()
        row.update({"slots": slots, name: exact, name + " non-empty": nonempty})
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=float, default=1.0, help="megabytes of each text document (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="best of R runs (default 3)")
    args = parser.parse_args()
    size = int(args.size * 1e6)
    rows = []
    for fmt, name in (("srt", "srt"), ("vtt", "vtt"), ("html", "html"), ("md", "md"), ("docx", "docx"),
                      ("xliff12", "xliff"), ("xliff2", "xliff")):
        rows.append(run(fmt, FORMATS[name], build(fmt, size), args.repeat))
    print(f"{documents.__name__}: the document layer only (model excluded), best of {args.repeat}")
    print(f"{'format':<9}{'file MB':>8}{'text MB':>8}{'units':>7}{'read s':>8}{'carry+write s':>14}{'file MB/s':>10}"
          f"{'text MB/s':>10}{'slots':>7}"
          + "".join(f"{name + ' exact':>12}{name + ' non-empty':>16}" for name in STUBS))
    for r in rows:
        total = r["read"] + r["write"]

        def share(n, r=r):
            return f"{100 * n / r['slots']:.1f}%" if r["slots"] else "-"

        print(f"{r['format']:<9}{r['MB']:>8.2f}{r['text MB']:>8.2f}{r['units']:>7}{r['read']:>8.3f}{r['write']:>14.3f}"
              f"{r['MB'] / total:>10.2f}{r['text MB'] / total:>10.2f}{r['slots']:>7}"
              + "".join(f"{share(r[name]):>12}{share(r[name + ' non-empty']):>16}" for name in STUBS))


if __name__ == "__main__":
    main()
