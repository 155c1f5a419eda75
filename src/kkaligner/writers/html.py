"""HTML writer: one self-contained review page.

No network and no external assets: CSS and a few lines of JS are inline, and a
Content-Security-Policy forbids loading anything else. The page shows a summary (sentences, term
uses by status, findings by severity), the list of findings (each linking to its row), and source
and draft side by side, one table row a sentence (``id="s-<index>"``). Glossary terms are
``<mark class="term">`` on both sides at their spans, with the entry in ``title``
(``source → target (kind; note)``); findings with spans are ``<span class="hit">``.
The signature is in the footer.

Every text is escaped. Each cell carries ``dir="auto"`` (so it is a bidi isolate: right-to-left
text or stray RLM/RLO marks inside cannot reorder the page), and other user text sits in ``<bdi>``.
Each highlight carries ``data-from``/``data-to``: its offsets in code points within the cell text,
so a test (or a script) can check that it lines up with the span it shows. Where annotations cross
(a term half inside a finding), the later one is split into several elements with the same
``data-use`` / ``data-finding``.
"""

from __future__ import annotations

import html
from typing import Optional

from kkaligner.types import SEVERITIES, Draft, Finding, Sentence
from kkaligner.writers._common import clamp, severity_rank, summary, term_title

# An annotation of a cell's text: [start, end), the tag name and its attributes.
_Ann = tuple[int, int, str, dict]


def _esc(text: str) -> str:
    """Escape text for HTML content or a quoted attribute, keeping every code point's offset.

    The HTML parser turns CR LF into LF and drops U+0000 in text, which would shift offsets; a
    character reference keeps the CR, and U+0000 is shown as U+FFFD (one code point either way).
    """
    return html.escape(text, quote=True).replace("\r", "&#13;").replace("\x00", "\ufffd")


def _attrs(attrs: dict) -> str:
    return "".join(f' {k}="{_esc(str(v))}"' for k, v in attrs.items() if v is not None)


def _open(ann, start: int, end: int) -> str:
    return f"<{ann[3]}{_attrs(dict(ann[4], **{'data-from': start, 'data-to': end}))}>"


def annotate(text: str, anns: list[_Ann]) -> str:
    """``text`` escaped, with each annotation wrapped in its element, properly nested.

    Between two consecutive boundaries the covering annotations are nested in order of (start,
    longest first, given order). At each boundary the open elements that end, and any opened after
    them, are closed and those still running reopened, so crossing spans give well-formed markup
    (split elements). Empty spans become empty elements. Invalid spans are left out.
    """
    valid = []
    for order, (start, end, tag, attrs) in enumerate(anns):
        span = clamp((start, end), len(text))
        if span is not None:
            valid.append((span[0], span[1], order, tag, attrs))
    points = sorted({0, len(text), *(a[0] for a in valid), *(a[1] for a in valid)})
    out: list = []
    stack: list[tuple] = []  # (annotation, index of its opening tag in out, piece start)
    for i, pos in enumerate(points):
        nxt = points[i + 1] if i + 1 < len(points) else None
        active = [] if nxt is None else sorted(
            (a for a in valid if a[0] <= pos and nxt <= a[1]), key=lambda a: (a[0], -a[1], a[2]))
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep][0] is active[keep]:
            keep += 1
        for ann, slot, start in reversed(stack[keep:]):
            out[slot] = _open(ann, start, pos)
            out.append(f"</{ann[3]}>")
        del stack[keep:]
        for a in valid:
            if a[0] == a[1] == pos:
                out.append(_open(a, pos, pos) + f"</{a[3]}>")
        if nxt is None:
            break
        for a in active[keep:]:
            stack.append((a, len(out), pos))
            out.append(None)
        out.append(_esc(text[pos:nxt]))
    return "".join(out)


def _cell(sentence: Sentence, side: str, findings: list[tuple[int, Finding]], target_lang: str = "en") -> str:
    text = sentence.source if side == "src" else sentence.target
    anns: list[_Ann] = []
    for u, use in enumerate(sentence.terms):
        span = use.source_span if side == "src" else use.target_span
        if span is None:
            continue
        anns.append((span[0], span[1], "mark", {
            "class": f"term st-{use.status}",
            "data-term": use.term.source,
            "data-use": f"s{sentence.index}-t{u}",
            "data-side": side,
            "title": term_title(use.term, use.status, target_lang),
        }))
    for fid, f in findings:
        span = f.source_span if side == "src" else f.target_span
        if span is None:
            continue
        cls = f"hit sev-{f.severity}" + (" point" if span[0] == span[1] else "")
        anns.append((span[0], span[1], "span", {
            "class": cls,
            "data-finding": f"f-{fid}",
            "data-side": side,
            "title": f"{f.code}: {f.message}",
        }))
    return annotate(text, anns)


_CSS = """
:root{--err:#c62828;--warn:#ef6c00;--info:#1565c0;--line:#ddd}
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1400px;padding:0 1rem;color:#222}
h1{font-size:1.3rem;margin:1rem 0 .3rem}h2{font-size:1.1rem;margin:1rem 0 .3rem}
.summary{display:flex;flex-wrap:wrap;gap:.4rem 1.5rem;list-style:none;padding:0;margin:.3rem 0}
.summary b{font-size:1.1rem}
.badge{display:inline-block;border-radius:3px;padding:0 .35em;color:#fff;font-size:.8em}
.badge.sev-error{background:var(--err)}.badge.sev-warning{background:var(--warn)}
.badge.sev-info{background:var(--info)}
#findings ol{padding-left:1.5rem}#findings li{margin:.15rem 0}
table.pairs{border-collapse:collapse;width:100%;table-layout:fixed}
table.pairs th,table.pairs td{border-bottom:1px solid var(--line);padding:.35rem .5rem;
  vertical-align:top;text-align:start;overflow-wrap:anywhere}
table.pairs td.src,table.pairs td.tgt{white-space:pre-wrap;unicode-bidi:isolate;tab-size:4}
col.idx{width:3.5rem}col.notes{width:11rem}
tr.para-start>*{border-top:2px solid #999}
tr.has-error>th{box-shadow:inset 4px 0 var(--err)}
tr.has-warning>th{box-shadow:inset 4px 0 var(--warn)}
tr:target{background:#fffbe0}
mark.term{background:#dff3df;border-radius:2px;padding:0}
mark.term.st-forced{background:#d8e8fb}
mark.term.st-auto{background:#e6f4ea}
mark.term.st-missing{background:#fde0e0;outline:1px dashed var(--err)}
mark.term.st-variant{background:#ffe9c7;outline:1px dashed var(--warn)}
mark.term.pair{outline:2px solid #333}
span.hit{text-decoration:underline wavy;text-decoration-skip-ink:none}
span.hit.sev-error{text-decoration-color:var(--err)}span.hit.sev-warning{text-decoration-color:var(--warn)}
span.hit.sev-info{text-decoration-color:var(--info)}
span.hit.point::after{content:"\\2038";color:var(--err);font-weight:bold}
td.notes a{display:block;font-size:.85em;text-decoration:none}
.hide-clean tr.row:not(.has-findings){display:none}
footer{margin:1.5rem 0;color:#555;font-size:.85em;overflow-wrap:anywhere}
"""

# Hovering a term shows its counterpart on the other side; the checkbox hides rows without findings.
_JS = """
document.addEventListener('mouseover',function(e){
var m=e.target.closest&&e.target.closest('mark.term');
document.querySelectorAll('mark.term.pair').forEach(function(x){x.classList.remove('pair')});
if(m){document.querySelectorAll('mark.term[data-use="'+m.dataset.use+'"]').forEach(function(x){x.classList.add('pair')})}});
var cb=document.getElementById('only-findings');if(cb){cb.addEventListener('change',function(){
document.getElementById('pairs').classList.toggle('hide-clean',cb.checked)})}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _summary_html(draft: Draft) -> str:
    c = summary(draft)
    t = c["terms"]
    f = c["findings"]
    terms = ", ".join(f'<b data-count="terms-{k}">{v}</b> {k}' for k, v in t.items())
    sev = ", ".join(
        f'<b data-count="findings-{s}">{f.get(s, 0)}</b> <span class="badge sev-{s}">{s}</span>'
        for s in SEVERITIES
    )
    return (
        '<ul class="summary" id="summary">'
        f'<li><b data-count="sentences">{c["sentences"]}</b> sentences</li>'
        f"<li>terms: {terms}</li>"
        f"<li>findings: {sev}</li>"
        "</ul>"
    )


def _findings_html(draft: Draft, rows: set[int]) -> str:
    if not draft.findings:
        return '<section id="findings"><h2>Findings</h2><p>No findings.</p></section>'
    items = []
    order = sorted(range(len(draft.findings)), key=lambda i: (
        severity_rank(draft.findings[i].severity),
        -1 if draft.findings[i].sentence is None else draft.findings[i].sentence, i))
    for i in order:
        f = draft.findings[i]
        # People count sentences from 1 (as the CLI summary does); ids and anchors keep the index.
        if f.sentence in rows:
            where = f'<a href="#s-{f.sentence}">sentence {f.sentence + 1}</a>'
        elif f.sentence is None:
            where = "document"
        else:
            where = f"sentence {f.sentence + 1} (not in this draft)"
        suggestion = ""
        if f.suggestion is not None:
            suggestion = f" → <q><bdi>{_esc(f.suggestion)}</bdi></q>"
        items.append(
            f'<li id="f-{i}" class="finding sev-{_esc(f.severity)}">'
            f'<span class="badge sev-{_esc(f.severity)}">{_esc(f.severity)}</span> {where} '
            f"<code>{_esc(f.code)}</code> <bdi>{_esc(f.message)}</bdi>{suggestion}</li>"
        )
    return ('<section id="findings"><h2>Findings</h2>'
            '<label><input type="checkbox" id="only-findings"> only rows with findings</label>'
            f'<ol>{"".join(items)}</ol></section>')


def render(draft: Draft, title: Optional[str] = None) -> str:
    rows = {s.index for s in draft.sentences}
    by_sentence: dict[int, list[tuple[int, Finding]]] = {}
    for i, f in enumerate(draft.findings):
        if f.sentence is not None:
            by_sentence.setdefault(f.sentence, []).append((i, f))
    src, tgt = _esc(draft.source_lang), _esc(draft.target_lang)
    body = []
    previous_paragraph = None
    for s in draft.sentences:
        found = by_sentence.get(s.index, [])
        classes = ["row"]
        if previous_paragraph is not None and s.paragraph != previous_paragraph:
            classes.append("para-start")
        previous_paragraph = s.paragraph
        if found:
            classes.append("has-findings")
            classes.append(f"has-{min((f.severity for _, f in found), key=severity_rank)}")
        notes = "".join(
            f'<a href="#f-{i}" class="sev-{_esc(f.severity)}" title="{_esc(f.message)}">'
            f"{_esc(f.code)}</a>"
            for i, f in found
        )
        body.append(
            f'<tr id="s-{s.index}" class="{" ".join(classes)}" data-index="{s.index}" '
            f'data-paragraph="{s.paragraph}">'
            f'<th scope="row"><a href="#s-{s.index}">{s.index + 1}</a></th>'
            f'<td class="src" lang="{src}" dir="auto">{_cell(s, "src", found, draft.target_lang)}</td>'
            f'<td class="tgt" lang="{tgt}" dir="auto">{_cell(s, "tgt", found, draft.target_lang)}</td>'
            f'<td class="notes">{notes}</td></tr>'
        )
    if not body:
        body.append('<tr class="empty"><td colspan="4">The document has no sentences.</td></tr>')
    page_title = title or f"kkaligner review ({draft.source_lang} → {draft.target_lang})"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="kkaligner {_esc(draft.signature.kkaligner)}">'
        f"<title>{_esc(page_title)}</title><style>{_CSS}</style></head>\n<body>\n"
        f"<header><h1>{_esc(page_title)}</h1>{_summary_html(draft)}</header>\n"
        f"{_findings_html(draft, rows)}\n"
        '<main><table class="pairs" id="pairs">'
        '<colgroup><col class="idx"><col class="src"><col class="tgt"><col class="notes">'
        "</colgroup>"
        f'<thead><tr><th scope="col">#</th><th scope="col">Source ({src})</th>'
        f'<th scope="col">Draft ({tgt})</th><th scope="col">Findings</th></tr></thead>\n<tbody>\n'
        + "\n".join(body)
        + "\n</tbody></table></main>\n"
        f'<footer>Signature: <code id="signature"><bdi>{_esc(str(draft.signature))}</bdi></code>'
        "</footer>\n"
        f"<script>{_JS}</script>\n</body></html>\n"
    )
