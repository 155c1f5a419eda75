"""The HTTP shell: parse a request, call ``Service``, format the answer.

Two APIs over one core: LibreTranslate's (``/translate``, ``/languages``, ``/detect``,
``/frontend/settings``, ``/translate_file``), as its clients call it (JSON or form bodies, errors
as ``{"error": ...}``), and kkaligner's own (``/v1/...``, full drafts in the JSON format of
``kkaligner.writers.json``), plus ``/health``, ``/metrics`` and the review page at ``/``.
``KkalignerError`` is turned into a status and a message here, once.
"""

from __future__ import annotations

import json
import logging
import mimetypes
import os
import re
import shutil
import tempfile
import time
import uuid
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from kkaligner import writers
from kkaligner.errors import (
    DocumentTooLargeError,
    InputError,
    KkalignerError,
    RequestError,
    RequestTooLargeError,
    UsageError,
    choices,
)
from kkaligner.server.service import FILE_SUFFIXES, LANGUAGE_NAMES, Service, TranslatorFactory
from kkaligner.server.settings import Settings
from kkaligner.writers import json as draft_json

log = logging.getLogger("kkaligner.server")

DOWNLOAD_TYPES = {
    "txt": "text/plain; charset=utf-8",
    "json": "application/json",
    "xliff": "application/xliff+xml",
    "tmx": "application/x-tmx+xml",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "html": "text/html; charset=utf-8",
}
DOWNLOAD_SUFFIX = {"txt": ".txt", "json": ".json", "xliff": ".xlf", "tmx": ".tmx", "tsv": ".tsv", "html": ".html"}
STATIC_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".css": "text/css; charset=utf-8"}
# Bodies over the limit are read and dropped up to this much, so that a client that sends its
# whole body before reading the answer still sees the 413; beyond it the connection is closed.
DRAIN_BYTES = 16 << 20


def _status(exc: KkalignerError) -> int:
    if isinstance(exc, RequestError):
        return exc.status
    if isinstance(exc, DocumentTooLargeError):
        return 413
    if isinstance(exc, UsageError | InputError) or exc.exit_code == 2:
        return 400
    return 500


def attachment(name: str) -> str:
    """A Content-Disposition header for downloading ``name`` (any letters: RFC 6266's filename*)."""
    plain = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}"


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


class BodyLimit:
    """ASGI middleware: a body over ``limit`` bytes (``paths[path]`` for those paths) answers 413
    before anything parses it."""

    def __init__(self, app, limit: int, paths: Optional[dict] = None) -> None:
        self.app = app
        self.default = limit
        self.paths = dict(paths or {})

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = self.paths.get(scope.get("path"), self.default)
        length = dict(scope.get("headers") or ()).get(b"content-length")
        declared = int(length) if length and length.isascii() and length.isdigit() else None
        if declared is not None and declared > limit:
            if declared <= DRAIN_BYTES:
                more = True
                while more:
                    message = await receive()
                    more = message.get("more_body", False) and message["type"] == "http.request"
            return await self._too_large(scope, receive, send, limit)
        seen = 0

        async def limited():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise RequestTooLargeError(f"the request body is over {limit} bytes.")
            return message

        return await self.app(scope, limited, send)

    async def _too_large(self, scope, receive, send, limit):
        response = _error(413, f"the request body is over {limit} bytes.")
        await response(scope, receive, send)


def default_factory(model: str, **options) -> TranslatorFactory:
    """A factory of ``kkaligner.Translator`` for ``model``; ``options`` are Translator's (engine,
    device, beam_size...). The first Translator loads the model; the service passes it to the rest."""

    def make(*, source_lang, target_lang, glossary, engine, dispatch):
        from kkaligner.pipeline import Translator

        opts = dict(options)
        if engine is not None:
            opts["engine"] = engine
        return Translator(model, source_lang=source_lang, target_lang=target_lang, glossary=glossary,
                          dispatch=dispatch, **opts)

    return make


def create_app(translator_factory: TranslatorFactory, settings: Settings = Settings()) -> FastAPI:
    """The FastAPI app. ``translator_factory(source_lang=, target_lang=, glossary=, engine=,
    dispatch=)`` makes a ``kkaligner.Translator`` (see ``default_factory``); the model is loaded
    once, at start-up."""
    service = Service(settings, translator_factory)
    upload_root = Path(tempfile.mkdtemp(prefix="kkaligner-serve-", dir=settings.upload_dir))
    os.chmod(upload_root, 0o700)  # uploads are readable by this user alone
    downloads: dict[str, Path] = {}

    @asynccontextmanager
    async def lifespan(app):
        await run_in_threadpool(service.start)
        try:
            yield
        finally:
            await run_in_threadpool(service.close)
            shutil.rmtree(upload_root, ignore_errors=True)

    app = FastAPI(title="kkaligner", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.service = service
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes,
                       paths={"/translate_file": settings.max_upload_bytes})
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["*"])

    # --- the edge: errors and metrics ----------------------------------------------------------

    @app.exception_handler(KkalignerError)
    async def _kkaligner_error(request: Request, exc: KkalignerError):
        return _error(_status(exc), str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("request %s failed", request.url.path)
        return _error(500, f"internal error ({type(exc).__name__}); the server logged it.")

    @app.middleware("http")
    async def _observe(request: Request, call_next):
        start = time.perf_counter()
        status = 500
        try:
            response = await call_next(request)
            status = response.status_code
            return response
        finally:
            route = request.scope.get("route")
            path = getattr(route, "path", None) or "unmatched"
            service.metrics.observe(path, status, time.perf_counter() - start)

    # --- request parsing ----------------------------------------------------------------------

    async def params(request: Request) -> dict:
        """The request's fields from a JSON object, a form, or the query string."""
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        data: dict[str, Any] = dict(request.query_params)
        if ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            try:
                form = await request.form(max_files=1, max_fields=settings.max_texts + 16)
            except StarletteHTTPException as exc:
                raise RequestError(f"malformed form body: {exc.detail}") from None
            for key in form.keys():
                values = form.getlist(key)
                data[key] = values if key == "q" and len(values) > 1 else values[0]
            return data
        body = await request.body()
        if body.strip():
            try:
                parsed = json.loads(body)
            except (ValueError, UnicodeDecodeError) as exc:
                raise RequestError(f"malformed JSON body: {exc}.") from None
            if not isinstance(parsed, dict):
                raise RequestError("the JSON body must be an object, such as {\"q\": \"...\", \"source\": \"kk\", \"target\": \"en\"}.")
            data.update(parsed)
        return data

    def client(request: Request) -> str:
        return request.client.host if request.client else "unknown"

    def authorize(request: Request, data: dict) -> None:
        key = data.get("api_key") or request.headers.get("x-api-key")
        service.authorize(str(key) if key else None, client(request))

    def texts_of(data: dict, field: str = "q") -> tuple[list[str], bool]:
        q = data.get(field)
        if q is None:
            raise RequestError(f"invalid request: missing {field} parameter.")
        many = isinstance(q, list)
        texts = q if many else [q]
        if not all(isinstance(t, str) for t in texts):
            raise RequestError(f"invalid request: {field} must be a string or a list of strings.")
        service.check_size(texts)
        if not any(t.strip() for t in texts):
            raise RequestError(f"invalid request: {field} is empty.")
        return texts, many

    def lang_field(data: dict, name: str, default: Optional[str] = None) -> str:
        value = data.get(name, default)
        if value is None:
            raise RequestError(f"invalid request: missing {name} parameter.")
        return str(value).strip().lower()

    def glossaries_field(data: dict) -> tuple:
        names = data.get("glossaries") or ()
        if isinstance(names, str):
            names = [n for n in names.split(",") if n]
        if not isinstance(names, (list, tuple)):
            raise RequestError("glossaries must be a list of names.")
        return service.glossary_names(names)

    async def translate_texts(texts, source, target, names=(), alternatives=0):
        """Drafts of ``texts`` (blank ones untranslated), each text's alternative translations and
        what auto-detection said."""
        src, tgt, detections = service.direction(source, target, texts)
        others: list[list[str]] = [[] for _ in texts]
        if src == tgt:  # auto-detected as the target language already: LibreTranslate answers it as it is
            return list(texts), [], detections, (src, tgt), others
        wanted = [i for i, t in enumerate(texts) if t.strip()]
        drafts = await run_in_threadpool(service.translate, [texts[i] for i in wanted], src, tgt, names, alternatives)
        out = ["" for _ in texts]
        for i, d in zip(wanted, drafts):
            out[i] = d.text
            others[i] = d.alternative_texts()[:alternatives]
        return out, drafts, detections, (src, tgt), others

    # --- LibreTranslate API -------------------------------------------------------------------

    @app.get("/languages")
    async def languages():
        return service.languages()

    @app.get("/frontend/settings")
    async def frontend_settings():
        return {
            "charLimit": settings.max_chars,
            "frontendTimeout": 500,
            "apiKeys": bool(settings.api_keys),
            "keyRequired": bool(settings.api_keys),
            "suggestions": False,
            "filesTranslation": True,
            "supportedFilesFormat": list(FILE_SUFFIXES),
            "language": {"source": {"code": "kk", "name": "Kazakh"}, "target": {"code": "en", "name": "English"}},
        }

    @app.post("/detect")
    async def detect(request: Request):
        data = await params(request)
        authorize(request, data)
        texts, _ = texts_of(data)
        found = service.detect(" ".join(texts))
        return [{"confidence": found.confidence, "language": found.lang}]

    @app.post("/translate")
    async def translate(request: Request):
        data = await params(request)
        authorize(request, data)
        texts, many = texts_of(data)
        source = lang_field(data, "source", "auto")
        target = lang_field(data, "target")
        fmt = str(data.get("format") or "text").lower()
        if fmt not in ("text", "html"):
            raise RequestError(f"unknown format {fmt!r}. Choose {choices(['text', 'html'])}.")
        alternatives = service.alternatives(data.get("alternatives"))
        others: list = [[] for _ in texts]  # format=html: none, as LibreTranslate
        if fmt == "html":
            from kkaligner.server.markup import translate_html

            src, tgt, detections = service.direction(source, target, texts)

            def run(doc: str) -> str:
                if src == tgt:
                    return doc
                return translate_html(doc, lambda runs: [d.text for d in service.translate(list(runs), src, tgt)])

            results = [await run_in_threadpool(run, t) for t in texts]
        else:
            results, _, detections, _, others = await translate_texts(texts, source, target, (), alternatives)

        def one(i: int, text: str) -> dict:
            item: dict[str, Any] = {"translatedText": text}
            if source == "auto":
                d = detections[i]
                item["detectedLanguage"] = {"confidence": d.confidence, "language": d.lang}
            if alternatives > 0:
                item["alternatives"] = others[i]
            return item

        items = [one(i, t) for i, t in enumerate(results)]
        if not many:
            return items[0]
        merged: dict[str, Any] = {"translatedText": [x["translatedText"] for x in items]}
        for key in ("detectedLanguage", "alternatives"):
            if key in items[0]:
                merged[key] = [x[key] for x in items]
        return merged

    @app.post("/translate_file")
    async def translate_file(request: Request):
        data = await params(request)
        authorize(request, data)
        upload = data.get("file")
        if upload is None or not hasattr(upload, "read"):
            raise RequestError("invalid request: missing file parameter (a multipart upload).")
        try:
            suffix = service.file_suffix(upload.filename or "")
            source = lang_field(data, "source", "auto")
            target = lang_field(data, "target")
            names = glossaries_field(data)
            body = await upload.read(settings.max_file_bytes + 1)
        finally:
            await upload.close()
        if len(body) > settings.max_file_bytes:
            raise RequestTooLargeError(f"the file is larger than the server takes: at most {settings.max_file_bytes} bytes a file.")
        work = Path(tempfile.mkdtemp(dir=upload_root))  # inside the private folder; removed below
        try:
            saved = work / f"upload{suffix}"
            saved.write_bytes(body)
            output = await run_in_threadpool(service.translate_file, saved, source, target, names,
                                             Path(upload.filename or "").name)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        token = uuid.uuid4().hex
        stem = re.sub(r"[^\w.-]", "_", Path(upload.filename or "file").stem)[:80] or "file"
        out = upload_root / f"{token}{suffix}"
        out.write_bytes(output)
        downloads[token] = out
        name = f"{stem}.{target}{suffix}"
        return {"translatedFileUrl": str(request.url_for("download_file", token=token, name=name))}

    @app.get("/download_file/{token}/{name}", name="download_file")
    async def download_file(token: str, name: str):
        path = downloads.pop(token, None)
        if path is None or not path.is_file():
            raise StarletteHTTPException(404, "no such file (each translated file is downloaded once).")
        body = path.read_bytes()
        path.unlink(missing_ok=True)  # uploads and their translations do not outlive the download
        suffix = Path(name).suffix.lower()
        kind = DOWNLOAD_TYPES["txt"] if suffix == ".txt" else mimetypes.guess_type(name)[0] or "application/octet-stream"
        return Response(body, media_type=kind, headers={"Content-Disposition": attachment(name)})

    # --- kkaligner's API ----------------------------------------------------------------------

    @app.post("/v1/translate")
    async def v1_translate(request: Request):
        data = await params(request)
        authorize(request, data)
        texts, _ = texts_of(data, "text") if "text" in data else texts_of(data)
        if len(texts) != 1:
            raise RequestError("text must be one document (a string).")
        source = lang_field(data, "source", "kk")
        target = lang_field(data, "target", "en" if source != "en" else "kk")
        names = glossaries_field(data)
        _, drafts, _, (src, tgt), _ = await translate_texts(texts, source, target, names)
        if not drafts:
            raise RequestError(f"the text is in {LANGUAGE_NAMES[tgt]} already; pick the source language.")
        return draft_json.as_dict(drafts[0])

    @app.post("/v1/check")
    async def v1_check(request: Request):
        data = await params(request)
        authorize(request, data)
        sources, targets = data.get("source"), data.get("target")
        for name, value in (("source", sources), ("target", targets)):
            if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
                raise RequestError(f"{name} must be a list of sentences (strings).")
        src = lang_field(data, "source_lang", "kk")
        tgt = lang_field(data, "target_lang", "en" if src != "en" else "kk")
        names = glossaries_field(data)
        findings, uses = await run_in_threadpool(service.check, sources, targets, src, tgt, names)
        as_json = draft_json.as_dict
        from kkaligner.types import Draft, Sentence

        # The writers' JSON shapes for findings and term uses, by way of a draft of these pairs.
        sentences = tuple(Sentence(i, s, t, 0, len(s), 0, tuple(u)) for i, (s, t, u) in enumerate(zip(sources, targets, uses)))
        draft = Draft("", sentences, ("",) * (len(sentences) + 1), service.signature(), tuple(findings), src, tgt)
        d = as_json(draft)
        return {"findings": d["findings"], "matches": d["matches"]}

    @app.post("/v1/export")
    async def v1_export(request: Request):
        data = await params(request)
        authorize(request, data)
        fmt = str(data.pop("format", "") or request.query_params.get("format") or "").lower()
        if fmt not in DOWNLOAD_TYPES:
            raise RequestError(f"unknown format {fmt!r}. Choose {choices(DOWNLOAD_TYPES)}.")
        draft = draft_json.from_dict(data.get("draft"))
        service.check_size([s.source + s.target for s in draft.sentences])
        body = await run_in_threadpool(writers.render, draft, fmt)
        return Response(body, media_type=DOWNLOAD_TYPES[fmt],
                        headers={"Content-Disposition": f'attachment; filename="draft{DOWNLOAD_SUFFIX[fmt]}"'})

    @app.get("/v1/glossary")
    async def v1_glossary(request: Request, name: Optional[str] = None):
        if name is None:
            return {"glossaries": await run_in_threadpool(service.glossary_info),
                    "default": settings.default_glossary}
        authorize(request, dict(request.query_params))  # the entries themselves may be private
        return {"name": name, "terms": await run_in_threadpool(service.glossary_terms, name)}

    @app.get("/health")
    async def health():
        return {"status": "ok", "signature": str(service.signature())}

    @app.get("/metrics")
    async def metrics():
        return PlainTextResponse(
            service.metrics.render(service.memory_hits(), service.batcher.batches, service.batcher.sentences),
            media_type="text/plain; version=0.0.4; charset=utf-8",
        )

    # --- the review page ----------------------------------------------------------------------

    static = resources.files("kkaligner.server") / "static"

    @app.get("/")
    async def page():
        return Response((static / "index.html").read_bytes(), media_type=STATIC_TYPES[".html"])

    @app.get("/static/{name}")
    async def asset(name: str):
        suffix = Path(name).suffix
        if suffix not in STATIC_TYPES or not re.fullmatch(r"[a-z]+\.[a-z]+", name):
            raise StarletteHTTPException(404, "not found")
        f = static / name
        if not f.is_file():
            raise StarletteHTTPException(404, "not found")
        return Response(f.read_bytes(), media_type=STATIC_TYPES[suffix])

    return app
