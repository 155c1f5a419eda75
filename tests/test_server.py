"""``kkalign serve`` as its clients see it: a live server on 127.0.0.1 with the tiny model.

The LibreTranslate client (libretranslatepy) lists languages, translates and detects, with and
without keys; 32 concurrent clients get exactly what they get one at a time, in shared batches;
bad requests each get their status and message and the server answers the next one; SIGTERM lets
an in-flight request finish. The batching queue, the rate limiter and the HTML format are also
tested in-process.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError

import httpx
import pytest

pytest.importorskip("fastapi", reason="the server's dependencies: pip install 'kkaligner[server]'")
libretranslatepy = pytest.importorskip("libretranslatepy")

from serving import ServerProcess  # noqa: E402

from kkaligner.errors import EngineError, RateLimitError  # noqa: E402
from kkaligner.types import Hypothesis  # noqa: E402

KEY, RATE_KEY, FILE_KEY = "key-main", "key-rate", "key-file"
TEXT = "Бәйтерек кешені салынды. Ол Байқоңырда тұр."
# 32 different documents: one, two or three sentences each.
WORDS = ["кешен", "зымыран", "ғарыш", "ел", "жыл", "бюджет", "үкімет", "қала"]
DOCS = [
    " ".join(f"{WORDS[(i + j) % 8].capitalize()} {WORDS[(i * 3 + j) % 8]} {i + j}." for j in range(1 + i % 3))
    for i in range(32)
]


@pytest.fixture(scope="module")
def server(tiny_nllb_dir, tmp_path_factory):
    s = ServerProcess(tiny_nllb_dir, tmp_path_factory.mktemp("serve"), ["--no-memory", "--rate-limit", "0"])
    yield s
    assert stopped_cleanly(s)


@pytest.fixture(scope="module")
def keyed(tiny_nllb_dir, tmp_path_factory):
    work = tmp_path_factory.mktemp("serve-keyed")
    keys = work / "keys.txt"
    keys.write_text(f"# one a line\n{KEY}\n{RATE_KEY}\n{FILE_KEY}\n", encoding="utf-8")
    s = ServerProcess(tiny_nllb_dir, work, ["--api-keys", str(keys), "--rate-limit", "6",
                                            "--cors", "http://allowed.example", "--max-chars", "2000",
                                            "--max-file-size", "0.05"])
    yield s
    assert stopped_cleanly(s)


def stopped_cleanly(server) -> bool:
    """SIGTERM, then the app's shutdown ran; uvicorn ends by re-raising the signal it caught."""
    code = server.stop()
    assert code in (0, -signal.SIGTERM), server.output()
    assert "Application shutdown complete" in server.output()
    return True


def post(server, path, **kw) -> httpx.Response:
    return httpx.post(server.url + path, timeout=60, **kw)


def healthy(server) -> None:
    assert httpx.get(server.url + "/health", timeout=10).json()["status"] == "ok"


# --- the LibreTranslate client ----------------------------------------------------------------


def test_libretranslate_client_languages_translate_detect(server):
    lt = libretranslatepy.LibreTranslateAPI(server.url)
    langs = lt.languages()
    assert {lang["code"] for lang in langs} == {"kk", "en"}
    assert next(lang for lang in langs if lang["code"] == "kk")["targets"] == ["en"]
    text = lt.translate(TEXT, "kk", "en")
    assert isinstance(text, str) and text.strip()
    assert text == post(server, "/translate", json={"q": TEXT, "source": "kk", "target": "en"}).json()["translatedText"]
    assert lt.detect("Бәйтерек кешені салынды.")[0]["language"] == "kk"
    assert lt.detect("The complex was built in the steppe.")[0]["language"] == "en"
    assert lt.detect("Baıterek kesheni salyndy, ǵarysh aılaǵy.")[0]["language"] == "kk"


def test_libretranslate_client_with_keys(keyed):
    good = libretranslatepy.LibreTranslateAPI(keyed.url, api_key=KEY)
    assert good.translate("Сәлем.", "kk", "en").strip()
    assert good.detect("Сәлем әлем.")[0]["language"] == "kk"
    assert {lang["code"] for lang in good.languages()} == {"kk", "en"}
    for client, message in ((libretranslatepy.LibreTranslateAPI(keyed.url), "API key is required"),
                            (libretranslatepy.LibreTranslateAPI(keyed.url, api_key="wrong"), "invalid API key")):
        with pytest.raises(HTTPError) as err:
            client.translate("Сәлем.", "kk", "en")
        assert err.value.code == 403
        assert message in json.loads(err.value.read())["error"]
    assert httpx.get(keyed.url + "/frontend/settings").json()["keyRequired"] is True
    # the page lists the glossaries' names to anyone, their entries only with a key
    assert httpx.get(keyed.url + "/v1/glossary").json()["glossaries"] == [{"name": "terms", "entries": 1}]
    assert httpx.get(keyed.url + "/v1/glossary", params={"name": "terms"}).status_code == 403
    listed = httpx.get(keyed.url + "/v1/glossary", params={"name": "terms", "api_key": KEY})
    assert listed.status_code == 200 and listed.json()["terms"][0]["target"] == "Baiterek"


def test_rate_limit_per_key(keyed):
    codes = [post(keyed, "/detect", data={"q": "Сәлем.", "api_key": RATE_KEY}).status_code for _ in range(8)]
    assert codes == [200] * 6 + [429] * 2
    r = post(keyed, "/detect", data={"q": "Сәлем.", "api_key": RATE_KEY})
    assert r.status_code == 429 and "at most 6 a minute" in r.json()["error"]
    # another key has its own budget
    assert post(keyed, "/detect", data={"q": "Сәлем.", "api_key": KEY}).status_code == 200


def test_cors_only_for_the_named_origin(server, keyed):
    asked = {"Origin": "http://allowed.example"}
    r = httpx.options(keyed.url + "/languages", headers={**asked, "Access-Control-Request-Method": "GET"})
    assert r.headers.get("access-control-allow-origin") == "http://allowed.example"
    other = httpx.get(keyed.url + "/languages", headers={"Origin": "http://other.example"})
    assert "access-control-allow-origin" not in other.headers
    plain = httpx.get(server.url + "/languages", headers=asked)
    assert "access-control-allow-origin" not in plain.headers


# --- LibreTranslate's request shapes ----------------------------------------------------------


def test_translate_list_auto_and_alternatives(server):
    single = [post(server, "/translate", json={"q": d, "source": "kk", "target": "en"}).json()["translatedText"]
              for d in DOCS[:3]]
    r = post(server, "/translate", json={"q": DOCS[:3], "source": "auto", "target": "en", "alternatives": 2}).json()
    assert r["translatedText"] == single
    assert [d["language"] for d in r["detectedLanguage"]] == ["kk"] * 3
    assert len(r["alternatives"]) == 3
    for main, others in zip(single, r["alternatives"]):
        assert 0 < len(others) <= 2 and main not in others and len(set(others)) == len(others)
    form = post(server, "/translate", data={"q": DOCS[0], "source": "kk", "target": "en", "alternatives": "1"}).json()
    assert form == {"translatedText": single[0], "alternatives": r["alternatives"][0][:1]}


def test_alternatives_carry_the_glossary_names_and_are_capped(server):
    r = post(server, "/translate", json={"q": TEXT, "source": "kk", "target": "en", "alternatives": 3}).json()
    assert "Baiterek" in r["translatedText"] and r["alternatives"]
    # whole texts, each sentence with its name from the shipped glossary
    assert all("Baiterek" in a and "Baikonur" in a for a in r["alternatives"])
    for value, message in ((6, "at most 5 (got 6)"), ("two", "whole number")):
        bad = post(server, "/translate", json={"q": TEXT, "source": "kk", "target": "en", "alternatives": value})
        assert bad.status_code == 400 and message in bad.json()["error"]
    html = post(server, "/translate", json={"q": "<p>Сәлем.</p>", "source": "kk", "target": "en",
                                            "format": "html", "alternatives": 2}).json()
    assert html["alternatives"] == []  # as LibreTranslate: none for html


def test_auto_finds_the_target_language_already(server):
    r = post(server, "/translate", json={"q": "The complex was built.", "source": "auto", "target": "en"}).json()
    assert r == {"translatedText": "The complex was built.", "detectedLanguage": {"confidence": 100.0, "language": "en"}}
    r = post(server, "/v1/translate", json={"text": "The complex was built.", "source": "auto", "target": "en"})
    assert r.status_code == 400 and "in English already" in r.json()["error"]


def test_translate_html_keeps_tags(server):
    r = post(server, "/translate", json={"q": "<p>Бәйтерек <b>кешені</b></p><script>x</script>",
                                         "source": "kk", "target": "en", "format": "html"}).json()
    out = r["translatedText"]
    assert out.startswith("<p>") and "<b>" in out and out.endswith("</b></p><script>x</script>")


def test_html_format_escapes_translations():
    from kkaligner.server.markup import translate_html

    out = translate_html('<p class="a">one &amp; <i>two</i></p>', lambda runs: ["<script>alert(1)</script>"] * len(runs))
    assert out == '<p class="a">&lt;script&gt;alert(1)&lt;/script&gt; <i>&lt;script&gt;alert(1)&lt;/script&gt;</i></p>'


def test_translate_file_private_and_removed(server):
    files = {"file": ("article.txt", "Бәйтерек кешені салынды.\n".encode("utf-8"), "text/plain")}
    r = post(server, "/translate_file", data={"source": "kk", "target": "en"}, files=files)
    assert r.status_code == 200, r.text
    url = r.json()["translatedFileUrl"]
    assert url.startswith(server.url + "/download_file/") and url.endswith("article.en.txt")
    roots = list(server.tmp.glob("kkaligner-serve-*"))
    assert len(roots) == 1 and roots[0].stat().st_mode & 0o077 == 0
    got = httpx.get(url)
    expected = post(server, "/translate", json={"q": "Бәйтерек кешені салынды.\n", "source": "kk", "target": "en"})
    assert got.status_code == 200 and got.text == expected.json()["translatedText"]
    assert not any(p.is_file() for p in roots[0].rglob("*"))  # neither the upload nor its translation stays
    assert httpx.get(url).status_code == 404
    assert set(httpx.get(server.url + "/frontend/settings").json()["supportedFilesFormat"]) >= {
        ".txt", ".srt", ".vtt", ".html", ".md", ".docx", ".xlf", ".xliff", ".sdlxliff"}


def _upload(server, name, data, **fields):
    r = post(server, "/translate_file", data={"source": "kk", "target": "en", **fields}, files={"file": (name, data)})
    assert r.status_code == 200, r.text
    got = httpx.get(r.json()["translatedFileUrl"])
    assert got.status_code == 200
    return got


def _translations(server, paragraphs):
    """What /translate makes of these paragraphs as one text (the document layer's one call)."""
    r = post(server, "/translate", json={"q": "\n\n".join(paragraphs), "source": "kk", "target": "en"})
    return r.json()["translatedText"].split("\n\n")


def test_translate_file_docx_round_trip(server, tmp_path):
    docx = pytest.importorskip("docx")
    paragraphs = ["Бәйтерек кешені салынды.", "Ол Байқоңырда тұр.", "Жаңа жол ашылды."]
    d = docx.Document()
    d.add_heading(paragraphs[0], 1)
    p = d.add_paragraph("Ол ")
    p.add_run("Байқоңырда").bold = True
    p.add_run(" тұр.")
    d.add_paragraph(paragraphs[2])
    d.save(tmp_path / "есеп.docx")
    for source in ("kk", "auto"):
        got = _upload(server, "есеп.docx", (tmp_path / "есеп.docx").read_bytes(), source=source)
        assert "esep" not in got.headers["content-disposition"]
        assert "filename*=UTF-8''%D0%B5%D1%81%D0%B5%D0%BF.en.docx" in got.headers["content-disposition"]
        (tmp_path / "out.docx").write_bytes(got.content)
        out = docx.Document(tmp_path / "out.docx")
        assert [x.style.name for x in out.paragraphs] == ["Heading 1", "Normal", "Normal"]
        assert [x.text for x in out.paragraphs] == _translations(server, paragraphs)
        assert any(run.bold for run in out.paragraphs[1].runs)  # the formatting went with the words


def test_translate_file_xliff_read_back_with_translate_toolkit(server):
    xliff = pytest.importorskip("translate.storage.xliff")  # translate-toolkit (GPL): tests only
    doc = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.txt" source-language="kk" target-language="en" datatype="plaintext"><body>
    <trans-unit id="1"><source>Бәйтерек кешені салынды.</source></trans-unit>
    <trans-unit id="2"><source>Ол Байқоңырда тұр.</source><target>It stands in Baikonur.</target></trans-unit>
    <trans-unit id="3"><source>Жаңа жол ашылды.</source><target/></trans-unit>
  </body></file>
</xliff>
"""
    got = _upload(server, "a.sdlxliff", doc.encode("utf-8"))
    assert got.headers["content-disposition"].startswith('attachment; filename="a.en.sdlxliff"')
    units = {u.getid().rsplit("\x04", 1)[-1]: u for u in xliff.xlifffile.parsestring(got.content).units}
    assert list(units) == ["1", "2", "3"]
    first, third = _translations(server, ["Бәйтерек кешені салынды.", "Жаңа жол ашылды."])
    assert [units[k].target for k in ("1", "2", "3")] == [first, "It stands in Baikonur.", third]


@pytest.mark.parametrize("name, data, message", [
    ("a.pdf", b"%PDF-1.4", "unsupported file format '.pdf'"),
    ("noext", b"text", "unsupported file format '(none)'"),
    ("a.docx", b"PK\x03\x04 not really a zip", "not a zip"),
    ("a.xlf", b"<xliff><unclosed>", "a.xlf"),
    ("a.txt", ("Бәйтерек кешені салынды. " * 20).encode("utf-16-le"), "iconv"),
], ids=["pdf", "no-suffix", "damaged-docx", "broken-xml", "utf16-without-bom"])
def test_translate_file_unreadable_is_400(server, name, data, message):
    r = post(server, "/translate_file", data={"source": "kk", "target": "en"}, files={"file": (name, data)})
    assert r.status_code == 400, r.text
    assert message in r.json()["error"] and "kkaligner-serve" not in r.json()["error"]  # no server path
    roots = list(server.tmp.glob("kkaligner-serve-*"))
    assert not any(p.is_file() for p in roots[0].rglob("*"))
    healthy(server)


def test_translate_file_limits(keyed, tmp_path):
    docx = pytest.importorskip("docx")

    def send(name, data):
        return post(keyed, "/translate_file", data={"source": "kk", "target": "en", "api_key": FILE_KEY},
                    files={"file": (name, data)})

    big = send("a.txt", "ә".encode("utf-8") * 30_000)  # 60,000 bytes: over --max-file-size 0.05 (52,428)
    assert big.status_code == 413 and "at most 52428 bytes a file" in big.json()["error"]
    huge = send("a.txt", b"a" * (1 << 20))  # over the body limit: refused before it is parsed
    assert huge.status_code == 413 and "body is over" in huge.json()["error"]
    long = send("a.txt", ("Сөйлем. " * 300).encode("utf-8"))  # 2,400 characters: over --max-chars 2000
    assert long.status_code == 413 and "at most 2000" in long.json()["error"]
    d = docx.Document()
    for _ in range(60):
        d.add_paragraph("Бәйтерек кешені салынды деп хабарлады.")
    d.save(tmp_path / "long.docx")
    r = send("long.docx", (tmp_path / "long.docx").read_bytes())
    assert r.status_code == 413 and "at most 2000" in r.json()["error"]
    no_key = post(keyed, "/translate_file", data={"source": "kk", "target": "en"}, files={"file": ("a.txt", b"x")})
    assert no_key.status_code == 403
    healthy(keyed)


# --- concurrency ------------------------------------------------------------------------------


def _metric(server, name: str) -> float:
    text = httpx.get(server.url + "/metrics").text
    return sum(float(line.split()[-1]) for line in text.splitlines() if line.startswith(name + " "))


def test_32_concurrent_clients_get_the_sequential_results_in_shared_batches(server):
    def one(doc):
        with httpx.Client(timeout=120) as c:
            r = c.post(server.url + "/translate", json={"q": doc, "source": "kk", "target": "en"})
            assert r.status_code == 200, r.text
            return r.json()["translatedText"]

    batches, decoded = _metric(server, "kkaligner_decode_batches_total"), _metric(server, "kkaligner_decoded_sentences_total")
    barrier = threading.Barrier(32)

    def together(doc):
        barrier.wait()
        return one(doc)

    with ThreadPoolExecutor(32) as pool:
        concurrent = list(pool.map(together, DOCS))
    batches_concurrent = _metric(server, "kkaligner_decode_batches_total") - batches
    sentences = _metric(server, "kkaligner_decoded_sentences_total") - decoded
    sequential = [one(doc) for doc in DOCS]
    assert concurrent == sequential
    assert len(set(sequential)) > 1  # the documents differ, so a mix-up would show
    assert sentences == sum(1 + i % 3 for i in range(32))
    assert batches_concurrent < 32 / 2, f"{batches_concurrent} engine calls for 32 concurrent clients"


def test_batcher_merges_and_isolates_failures():
    from kkaligner.server.batching import Batcher

    calls = []

    class Engine:
        name = model_id = revision = device = "fake"

        def translate(self, texts, src, tgt, options, constraints=None):
            calls.append(list(texts))
            if "bad" in texts:
                raise EngineError("cannot")
            return [[Hypothesis(t.upper())] for t in texts]

    b = Batcher(max_sentences=64, wait_s=0.2)
    engine = b.wrap(Engine())
    docs = [["a", "b"], ["c"], ["bad"], ["d", "e", "f"]]
    barrier = threading.Barrier(len(docs))

    def run(texts):
        barrier.wait()
        try:
            return [h[0].text for h in engine.translate(texts, "kk", "en", "opts")]
        except EngineError as exc:
            return str(exc)

    with ThreadPoolExecutor(len(docs)) as pool:
        out = list(pool.map(run, docs))
    b.close()
    assert out == [["A", "B"], ["C"], "cannot", ["D", "E", "F"]]
    assert sorted(map(len, calls))[-1] == 7  # one merged call first, then each alone
    with pytest.raises(EngineError, match="shutting down"):
        engine.translate(["x"], "kk", "en", "opts")


def test_batcher_waits_for_announced_requests_not_for_a_lone_one():
    from kkaligner.server.batching import Batcher

    sizes = []

    class Engine:
        name = model_id = revision = device = "fake"

        def translate(self, texts, src, tgt, options, constraints=None):
            sizes.append(len(texts))
            return [[Hypothesis(t.upper())] for t in texts]

    b = Batcher(max_sentences=8, wait_s=0.001, max_wait_s=5)
    engine = b.wrap(Engine())
    start = time.monotonic()
    assert engine.translate(["alone"], "kk", "en", "opts")[0][0].text == "ALONE"
    assert time.monotonic() - start < 2  # nothing announced: decoded after wait_s, not max_wait_s
    barrier = threading.Barrier(4)

    def request(k):
        with b.incoming():
            barrier.wait()
            time.sleep(0.1 * k)  # splitting and planning, slower for some: the queue waits for them
            return engine.translate([f"s{k}"], "kk", "en", "opts")[0][0].text

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(request, range(4))) == ["S0", "S1", "S2", "S3"]
    assert sizes == [1, 4]

    def done_without_decoding():  # a request with nothing to decode (a memory hit) is not waited for
        with b.incoming():
            pass

    done_without_decoding()
    start = time.monotonic()
    engine.translate(["x"], "kk", "en", "opts")
    assert time.monotonic() - start < 2 and sizes == [1, 4, 1]
    b.close()


def test_rate_limiter_window():
    from kkaligner.server.service import RateLimiter

    limiter = RateLimiter(2)
    limiter.hit("a", now=0)
    limiter.hit("a", now=1)
    with pytest.raises(RateLimitError):
        limiter.hit("a", now=59)
    limiter.hit("b", now=59)
    limiter.hit("a", now=60.5)  # the first hit left the window


# --- bad requests -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, status, message",
    [
        (dict(content=b'{"q": "x", ', headers={"content-type": "application/json"}), 400, "malformed JSON body"),
        (dict(content=b"[1, 2]", headers={"content-type": "application/json"}), 400, "must be an object"),
        (dict(json={"q": "Сәлем.", "source": "kk", "target": "fr"}), 400, "unknown language 'fr'"),
        (dict(json={"q": "Сәлем.", "source": "kk", "target": "kk"}), 400, "kk"),
        (dict(json={"q": "   ", "source": "kk", "target": "en"}), 400, "q is empty"),
        (dict(json={"source": "kk", "target": "en"}), 400, "missing q"),
        (dict(json={"q": [1, 2], "source": "kk", "target": "en"}), 400, "list of strings"),
        (dict(json={"q": ["a"] * 10_000, "source": "kk", "target": "en"}), 400, "q has 10000 texts; at most 128"),
        (dict(json={"q": "ә" * 20_001, "source": "kk", "target": "en"}), 413, "at most 20000"),
        (dict(content=b"q=" + b"a" * 10_000_000, headers={"content-type": "application/x-www-form-urlencoded"}),
         413, "body is over"),
        (dict(json={"q": "x", "source": "kk", "target": "en", "format": "pdf"}), 400, "unknown format 'pdf'"),
    ],
    ids=["malformed-json", "not-object", "unknown-language", "same-language", "empty-q", "no-q", "q-not-text",
         "10000-strings", "too-many-chars", "10MB-body", "format"],
)
def test_bad_requests_answer_and_the_server_goes_on(server, kwargs, status, message):
    r = post(server, "/translate", **kwargs)
    assert r.status_code == status, r.text
    assert message in r.json()["error"]
    healthy(server)


def test_wrong_key_and_unknown_route(keyed, server):
    r = post(keyed, "/translate", json={"q": "Сәлем.", "source": "kk", "target": "en", "api_key": "nope"})
    assert r.status_code == 403 and r.json() == {"error": "invalid API key."}
    r = httpx.get(server.url + "/no/such/page")
    assert r.status_code == 404 and "error" in r.json()
    healthy(keyed)


def test_chunked_body_over_the_limit(server):
    def chunks():
        for _ in range(40):
            yield b"a" * 65536

    r = post(server, "/translate", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and "body is over" in r.json()["error"]
    healthy(server)


# --- kkaligner's own API ----------------------------------------------------------------------


def test_v1_translate_check_export(server):
    import jsonschema
    from lxml import etree

    from kkaligner.writers.json import schema

    draft = post(server, "/v1/translate", json={"text": TEXT, "source": "kk", "target": "en",
                                                "glossaries": ["terms"]}).json()
    jsonschema.validate(draft, schema())
    assert [s["source"] for s in draft["sentences"]] == ["Бәйтерек кешені салынды.", "Ол Байқоңырда тұр."]
    term = next(m for m in draft["matches"] if m["term"]["source"] == "Бәйтерек")
    assert term["term"]["target"] == "Baiterek" and term["source_span"] == [0, 8]

    checked = post(server, "/v1/check", json={"source": ["Бәйтерек кешені салынды."], "target": ["It was built."],
                                              "source_lang": "kk", "target_lang": "en", "glossaries": ["terms"]}).json()
    assert [m["status"] for m in checked["matches"]] == ["missing"]
    assert [f["code"] for f in checked["findings"]] == ["missing-term"]
    fixed = post(server, "/v1/check", json={"source": ["Бәйтерек кешені салынды."], "target": ["Baiterek was built."],
                                            "glossaries": ["terms"]}).json()
    assert fixed["matches"][0]["status"] == "applied" and fixed["matches"][0]["target_span"] == [0, 8]
    assert "missing-term" not in [f["code"] for f in fixed["findings"]]

    draft["sentences"][0]["target"] = "Baiterek & <co> was built."
    r = post(server, "/v1/export", json={"format": "xliff", "draft": draft})
    assert r.status_code == 200 and 'filename="draft.xlf"' in r.headers["content-disposition"]
    root = etree.fromstring(r.content)
    targets = [t.xpath("string()") for t in root.iter("{*}target")]
    assert targets[0] == "Baiterek & <co> was built."
    for fmt in ("txt", "tmx", "json"):
        assert post(server, "/v1/export", json={"format": fmt, "draft": draft}).status_code == 200
    bad = post(server, "/v1/export", json={"format": "xliff", "draft": {"sentences": []}})
    assert bad.status_code == 400 and "schema_version" in bad.json()["error"]
    r = post(server, "/v1/translate", json={"text": TEXT, "glossaries": ["nope"]})
    assert r.status_code == 400 and "unknown glossary 'nope'" in r.json()["error"]


def test_glossary_health_metrics(server):
    g = httpx.get(server.url + "/v1/glossary").json()
    assert g["glossaries"] == [{"name": "terms", "entries": 1}]
    terms = httpx.get(server.url + "/v1/glossary", params={"name": "terms"}).json()["terms"]
    assert any(t["source"] == "Бәйтерек" and t["target"] == "Baiterek" for t in terms)
    assert "tiny-nllb" in httpx.get(server.url + "/health").json()["signature"]
    post(server, "/translate", json={"q": "Сәлем.", "source": "kk", "target": "en"})
    text = httpx.get(server.url + "/metrics").text
    assert 'kkaligner_requests_total{path="/translate",status="200"}' in text
    assert _metric(server, "kkaligner_sentences_total") >= 1
    assert 'kkaligner_request_seconds_bucket{le="+Inf"}' in text
    assert "kkaligner_memory_hits_total 0" in text  # this server runs without a memory


def test_page_is_served_from_package_data(server):
    page = httpx.get(server.url + "/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "http://" not in page.text and "https://" not in page.text  # nothing from a CDN
    for asset in ("app.js", "style.css"):
        r = httpx.get(f"{server.url}/static/{asset}")
        assert r.status_code == 200 and "https://" not in r.text
    assert httpx.get(server.url + "/static/..%2Fapp.py").status_code == 404


# --- lifecycle --------------------------------------------------------------------------------


def test_sigterm_finishes_the_request_in_flight(tiny_nllb_dir, tmp_path):
    s = ServerProcess(tiny_nllb_dir, tmp_path, ["--no-memory", "--batch-wait-ms", "1500"])
    result = {}

    def request():
        result["r"] = post(s, "/translate", json={"q": TEXT, "source": "kk", "target": "en"})

    t = threading.Thread(target=request)
    t.start()
    time.sleep(0.7)  # the request is waiting in the batching queue
    started = time.monotonic()
    assert stopped_cleanly(s)
    t.join(30)
    assert result["r"].status_code == 200 and result["r"].json()["translatedText"]
    assert time.monotonic() - started < 30
    assert not list(s.tmp.glob("kkaligner-serve-*"))  # the private upload folder went with it


def test_serve_help_and_import_stay_light():
    code = "import sys, kkaligner.cli; heavy = {'fastapi', 'uvicorn', 'torch', 'transformers'} & set(sys.modules); print(sorted(heavy))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr
    help_ = subprocess.run([sys.executable, "-m", "kkaligner", "serve", "--help"], capture_output=True, text=True, timeout=60)
    assert help_.returncode == 0 and "--api-keys" in help_.stdout
