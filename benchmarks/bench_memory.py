"""Memory and time against input size: a large document is translated piece by piece.

    python benchmarks/bench_memory.py                 # 1, 10 and 50 MB
    python benchmarks/bench_memory.py --sizes 1 5     # MB of UTF-8 Kazakh text

Each input is Kazakh prose built from the FLORES-200 dev sentences (../shared/data), every sentence
made unique with a number so that neither the pipeline's de-duplication nor the translation memory
shortens the work. Each row runs ``kkalign translate FILE -o OUT.txt`` in its own process on the
trained tiny model (``kkalign models demo``; CTranslate2, beam 1, max length 8, no translation
memory) and reads that process's peak RSS from the operating system. The first row is the same
command on a 2 kB document: the model and libraries loaded, the baseline every other row's memory
is compared with. Target (issue "Bounded memory on big inputs"): the 50 MB row's peak RSS under the
model plus 300 MB, and time linear in size (flat seconds per MB).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "parallel" / "flores200-dev-docs.jsonl"


def make_text(path: Path, size: int) -> int:
    """Write about ``size`` bytes of unique Kazakh paragraphs to ``path``; return the bytes written."""
    sentences = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        sentences += doc["kk"] if isinstance(doc["kk"], list) else [doc["kk"]]
    written, k = 0, 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            base = k % len(sentences)
            para = " ".join(f"{s[:-1]} №{k}{s[-1]}" for s in sentences[base : base + 5]) + "\n\n"
            out.write(para)
            written += len(para.encode("utf-8"))
            k += 1
    return written


def run(src: Path, out: Path, model: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one ``kkalign translate`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    cmd = [sys.executable, "-m", "kkaligner", "translate", str(src), "-o", str(out), "--model", str(model),
           "--engine", "ct2", "--beam", "1", "--max-length", "8", "--no-memory", "-q"]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest child so far: run rows smallest first
    return wall, max(peak, before) / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 50], help="input sizes in MB")
    args = ap.parse_args(argv)
    if not DATA.exists():
        print(f"{DATA} not found (../shared/data beside the repository)")
        return 2
    from kkaligner.models import demo_folder

    model = demo_folder(build=True)
    lines = ["size MB  sentences   wall s  s/MB  peak RSS MB  over model MB", "-" * 62]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        small = tmp / "small.txt"
        make_text(small, 2000)
        wall, base = run(small, tmp / "small.out.txt", model)
        lines.append(f"{0.002:7.3f}  {'-':>9}  {wall:7.1f}  {'-':>4}  {base:11.0f}  {'(baseline)':>13}")
        worst = 0.0
        for mb in sorted(args.sizes):
            src = tmp / f"in-{mb}.txt"
            size = make_text(src, int(mb * 1_000_000))
            n = sum(text.count(". ") + 1 for text in src.read_text(encoding="utf-8").split("\n\n") if text.strip())
            wall, peak = run(src, tmp / f"out-{mb}.txt", model)
            assert (tmp / f"out-{mb}.txt").read_bytes().count(b"\n") == src.read_bytes().count(b"\n")
            worst = max(worst, peak - base)
            lines.append(f"{size / 1e6:7.1f}  {n:9d}  {wall:7.1f}  {wall / (size / 1e6):4.1f}  {peak:11.0f}  {peak - base:13.0f}")
            src.unlink()
    lines.append("")
    lines.append(f"target: peak RSS <= model + 300 MB on every row: {'met' if worst <= 300 else 'NOT met'} "
                 f"(largest: +{worst:.0f} MB); s/MB flat = linear time")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
