"""The html review page in a real headless browser (Debian's chromium).

A small script is added to the page before loading it; it measures the rendered page and writes the
measurements into the DOM, which ``--dump-dom`` hands back. Checked: every sentence row renders,
each cell shows its sentence, every highlight covers exactly the characters of its span (compared
with a DOM Range built independently over the same code point offsets), right-to-left text does not
disturb the table's columns, and the inline script pairs a term's two highlights on hover.
"""

from __future__ import annotations

import html as stdhtml
import json
import re
import subprocess
from pathlib import Path

import pytest
from writers_drafts import empty_draft, rich_draft

from kkaligner.writers import html

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium at /usr/bin/chromium (`apt-get install -y chromium`); "
    "the test setup installs it where it can",
)

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--window-size=1200,1600",
]

# Offsets are code points; JS strings are UTF-16, so count with Array.from.
MEASURE = r"""
<pre id="measure"></pre>
<script>
(function(){
function cp(s){return Array.from(s).length}
function rangeAt(cell, from, to){
  var w=document.createTreeWalker(cell, NodeFilter.SHOW_TEXT), n, seen=0, r=document.createRange(), started=false;
  while((n=w.nextNode())){
    var chars=Array.from(n.data), len=chars.length;
    if(!started && from<=seen+len){r.setStart(n, chars.slice(0, from-seen).join('').length); started=true}
    if(started && to<=seen+len){r.setEnd(n, chars.slice(0, to-seen).join('').length); return r}
    seen+=len;
  }
  return null;
}
function box(r){return {x:r.left, y:r.top, w:r.width, h:r.height, r:r.right, b:r.bottom}}
var out={title:document.title, rows:[], pieces:[], pairs:{}};
document.querySelectorAll('tbody tr.row').forEach(function(tr){
  var th=tr.querySelector('th'), s=tr.querySelector('td.src'), t=tr.querySelector('td.tgt');
  out.rows.push({id:tr.id, th:box(th.getBoundingClientRect()), src:box(s.getBoundingClientRect()),
    tgt:box(t.getBoundingClientRect()), srcText:s.textContent, tgtText:t.textContent});
});
document.querySelectorAll('td mark.term, td span.hit').forEach(function(el){
  var cell=el.closest('td'), before=document.createRange();
  before.setStart(cell, 0); before.setEndBefore(el);
  var from=+el.dataset.from, to=+el.dataset.to, ref=rangeAt(cell, from, to);
  out.pieces.push({row:el.closest('tr').id, side:cell.className, key:el.dataset.use||el.dataset.finding,
    from:from, to:to, before:cp(before.toString()), len:cp(el.textContent), text:el.textContent,
    box:box(el.getBoundingClientRect()), ref:ref?box(ref.getBoundingClientRect()):null,
    cell:box(cell.getBoundingClientRect())});
});
document.querySelectorAll('td mark.term').forEach(function(m){
  m.dispatchEvent(new MouseEvent('mouseover', {bubbles:true}));
  out.pairs[m.dataset.use]=document.querySelectorAll('mark.term.pair').length;
});
document.getElementById('measure').textContent=JSON.stringify(out);
})();
</script>
"""


def _measure(tmp_path: Path, page: str) -> dict:
    assert page.count("</body>") == 1
    path = tmp_path / "page.html"
    path.write_text(page.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    profile = tmp_path / "profile"
    profile.mkdir()
    cmd = [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "--dump-dom", path.as_uri()]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired:
        pytest.fail("chromium did not finish within 90 s")
    m = re.search(r'<pre id="measure">(.*?)</pre>', done.stdout, re.S)
    assert m, f"no measurements in chromium's output (exit {done.returncode}): {done.stderr[-2000:]}"
    assert m.group(1), "the measuring script did not run"
    return json.loads(stdhtml.unescape(m.group(1)))


def test_review_page_in_chromium(tmp_path):
    d = rich_draft()
    out = _measure(tmp_path, html.render(d))
    assert out["title"].startswith("kkaligner review")

    # every sentence row is there, shows its sentence, and is laid out as two side-by-side columns
    assert [r["id"] for r in out["rows"]] == [f"s-{s.index}" for s in d.sentences]
    for s, r in zip(d.sentences, out["rows"]):
        assert r["srcText"] == s.source and r["tgtText"] == s.target
        assert r["th"]["r"] <= r["src"]["x"] + 1 and r["src"]["r"] <= r["tgt"]["x"] + 1
        assert r["src"]["h"] > 0 and r["tgt"]["w"] > 100
    lefts = {(round(r["src"]["x"]), round(r["tgt"]["x"])) for r in out["rows"]}
    assert len(lefts) == 1  # the RTL marks of sentence 1 moved no column

    # every highlight sits exactly on its span
    assert out["pieces"]
    expected = {}
    for s in d.sentences:
        for u, use in enumerate(s.terms):
            expected[(f"s-{s.index}", "src", f"s{s.index}-t{u}")] = use.source_span
            if use.target_span:
                expected[(f"s-{s.index}", "tgt", f"s{s.index}-t{u}")] = use.target_span
    for i, f in enumerate(d.findings):
        for side, span in (("src", f.source_span), ("tgt", f.target_span)):
            if span is not None and f.sentence is not None:
                expected[(f"s-{f.sentence}", side, f"f-{i}")] = span
    seen = {}
    for p in out["pieces"]:
        key = (p["row"], p["side"], p["key"])
        text = d.sentences[int(p["row"][2:])].source if p["side"] == "src" else \
            d.sentences[int(p["row"][2:])].target
        assert (p["before"], p["len"]) == (p["from"], p["to"] - p["from"])
        assert p["text"] == text[p["from"]:p["to"]]
        span = expected[key]
        assert span[0] <= p["from"] <= p["to"] <= span[1]
        seen.setdefault(key, 0)
        seen[key] += p["to"] - p["from"]
        if p["to"] > p["from"]:  # rendered where the characters are, inside the cell
            assert p["ref"] is not None
            for k in ("x", "y", "r", "b"):
                assert abs(p["box"][k] - p["ref"][k]) <= 1.5, (key, p)
            assert p["box"]["w"] > 0 and p["box"]["h"] > 0
            assert p["cell"]["x"] - 1 <= p["box"]["x"] and p["box"]["r"] <= p["cell"]["r"] + 1
    assert {k: v for k, v in seen.items()} == {k: b - a for k, (a, b) in expected.items()}

    # hovering a term highlights it on both sides (one side only when the rendering is missing)
    for s in d.sentences:
        for u in range(len(s.terms)):
            pieces = sum(1 for p in out["pieces"] if p["key"] == f"s{s.index}-t{u}")
            assert out["pairs"][f"s{s.index}-t{u}"] == pieces


def test_empty_review_page_in_chromium(tmp_path):
    out = _measure(tmp_path, html.render(empty_draft()))
    assert out["rows"] == [] and out["pieces"] == []
