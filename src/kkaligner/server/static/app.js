// The review page: plain DOM, no framework, no network beyond this server.
// Text from users and the model is only ever set as textContent, never parsed as HTML.
"use strict";

let draft = null;       // the Draft JSON of kkaligner.writers.json, edited in place
let glossaries = [];    // names picked for the current draft

const $ = (id) => document.getElementById(id);

function setStatus(text, isError) {
  const s = $("status");
  s.textContent = text;
  s.className = isError ? "error" : "";
}

function headers() {
  const h = { "Content-Type": "application/json" };
  const key = $("api-key").value;
  if (key) h["X-API-Key"] = key;
  return h;
}

async function post(path, body) {
  const response = await fetch(path, { method: "POST", headers: headers(), body: JSON.stringify(body) });
  if (!response.ok) {
    let message = response.statusText;
    try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return response;
}

// Offsets in the draft are code points; JavaScript strings index UTF-16 units.
function highlighted(text, spans) {
  const chars = Array.from(text);
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const sp of spans.slice().sort((a, b) => a.start - b.start)) {
    if (sp.start < at || sp.end > chars.length) continue;
    frag.append(document.createTextNode(chars.slice(at, sp.start).join("")));
    const mark = document.createElement("mark");
    mark.className = "term " + sp.status;
    mark.title = sp.title;
    mark.textContent = chars.slice(sp.start, sp.end).join("");
    frag.append(mark);
    at = sp.end;
  }
  frag.append(document.createTextNode(chars.slice(at).join("")));
  return frag;
}

function spansOf(index, side) {
  return draft.matches
    .filter((m) => m.sentence === index && m[side + "_span"])
    .map((m) => ({
      start: m[side + "_span"][0], end: m[side + "_span"][1], status: m.status,
      title: `${m.term.source} → ${m.term.target} (${m.status})`,
    }));
}

function findingsList(index) {
  const ul = document.createElement("ul");
  ul.className = "findings";
  for (const f of draft.findings.filter((f) => f.sentence === index)) {
    const li = document.createElement("li");
    li.className = f.severity;
    li.textContent = `${f.code}: ${f.message}`;
    ul.append(li);
  }
  for (const m of draft.matches.filter((m) => m.sentence === index && m.status === "missing")) {
    const li = document.createElement("li");
    li.className = "warning";
    li.textContent = `term missing: ${m.term.source} → ${m.term.target}`;
    ul.append(li);
  }
  return ul;
}

function renderRow(tr, s) {
  tr.replaceChildren();
  tr.dataset.index = s.index;
  const num = document.createElement("td");
  num.textContent = String(s.index + 1);
  const src = document.createElement("td");
  src.className = "source";
  src.append(highlighted(s.source, spansOf(s.index, "source")));
  const tgt = document.createElement("td");
  tgt.className = "target";
  tgt.contentEditable = "true";
  tgt.spellcheck = true;
  tgt.append(highlighted(s.target, spansOf(s.index, "target")));
  tgt.addEventListener("blur", () => edited(tr, s.index, tgt.innerText.replace(/\n+$/, "")));
  const fnd = document.createElement("td");
  fnd.className = "findings";
  fnd.append(findingsList(s.index));
  tr.append(num, src, tgt, fnd);
}

function render() {
  const body = document.querySelector("#draft tbody");
  body.replaceChildren();
  for (const s of draft.sentences) {
    const tr = document.createElement("tr");
    renderRow(tr, s);
    body.append(tr);
  }
  $("result").hidden = false;
}

async function edited(tr, index, text) {
  const s = draft.sentences[index];
  if (text === s.target) return;
  s.target = text;
  setStatus("checking…");
  try {
    const r = await (await post("/v1/check", {
      source: [s.source], target: [text], source_lang: draft.source_lang,
      target_lang: draft.target_lang, glossaries,
    })).json();
    draft.findings = draft.findings.filter((f) => f.sentence !== index)
      .concat(r.findings.map((f) => ({ ...f, sentence: index })));
    draft.matches = draft.matches.filter((m) => m.sentence !== index)
      .concat(r.matches.map((m) => ({ ...m, sentence: index })));
    renderRow(tr, s);
    tr.classList.add("checked");
    setStatus("checked");
  } catch (e) {
    setStatus(e.message, true);
  }
}

async function translate(event) {
  event.preventDefault();
  const text = $("source-text").value;
  if (!text.trim()) { setStatus("paste some text or choose a file first", true); return; }
  const [source, target] = $("direction").value.split("-");
  glossaries = Array.from(document.querySelectorAll("#glossaries input:checked")).map((c) => c.value);
  setStatus("translating…");
  $("translate").disabled = true;
  try {
    draft = await (await post("/v1/translate", { text, source, target, glossaries })).json();
    render();
    setStatus(`${draft.sentences.length} sentences`);
  } catch (e) {
    setStatus(e.message, true);
  } finally {
    $("translate").disabled = false;
  }
}

async function download(format) {
  try {
    const blob = await (await post("/v1/export", { format, draft })).blob();
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "draft." + { txt: "txt", xliff: "xlf", tmx: "tmx", json: "json" }[format];
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  } catch (e) {
    setStatus(e.message, true);
  }
}

async function init() {
  $("request").addEventListener("submit", translate);
  $("file").addEventListener("change", async () => {
    const f = $("file").files[0];
    if (f) $("source-text").value = await f.text();
  });
  for (const b of document.querySelectorAll(".downloads button")) {
    b.addEventListener("click", () => download(b.dataset.format));
  }
  try {
    const settings = await (await fetch("/frontend/settings")).json();
    $("key-label").hidden = !settings.keyRequired;
    const g = await (await fetch("/v1/glossary")).json();
    for (const item of g.glossaries) {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.value = item.name;
      box.name = "glossary";
      label.append(box, document.createTextNode(` ${item.name} (${item.entries})`));
      $("glossaries").append(label);
    }
    if (!g.glossaries.length) $("glossaries").append(document.createTextNode(g.default ? "shipped names only" : "none"));
  } catch (e) {
    setStatus("the server did not answer: " + e.message, true);
  }
}

init();
