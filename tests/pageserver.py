"""A loopback HTTP server for fetch tests: saved pages, redirects, slow, huge and odd answers."""

from __future__ import annotations

import asyncio
import gzip
import json
from pathlib import Path

from aiohttp import web

PAGES = Path(__file__).resolve().parent / "data" / "pages"  # a copy of ../shared/pages

BIG = 4_000_000  # bytes served by /huge and /huge-chunked; tests set a smaller limit


def page_keys() -> list[str]:
    return sorted(json.loads((PAGES / "ground-truth.json").read_text()))


def page_html(key: str) -> bytes:
    return gzip.decompress((PAGES / f"{key}.html.gz").read_bytes())


def page_truth(key: str) -> dict:
    return json.loads((PAGES / "ground-truth.json").read_text())[key]


class PageServer:
    """Serves /page/KEY (a saved page) and misbehaving paths on 127.0.0.1; `url(path)` gives links."""

    def __init__(self) -> None:
        self.app = web.Application()
        r = self.app.router
        r.add_get("/page/{key}", self._page)
        r.add_get("/redirect", self._redirect)  # ?to=URL
        r.add_get("/loop/{n}", self._loop)
        r.add_get("/slow", self._slow)
        r.add_get("/huge", self._huge)
        r.add_get("/huge-chunked", self._huge_chunked)
        r.add_get("/pdf", self._pdf)
        self.runner = web.AppRunner(self.app)
        self.port = 0
        self.hits: list[str] = []

    async def __aenter__(self) -> PageServer:
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.runner.cleanup()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    async def _page(self, request: web.Request) -> web.Response:
        self.hits.append(request.path)
        key = request.match_info["key"]
        if not (PAGES / f"{key}.html.gz").exists():
            raise web.HTTPNotFound()
        return web.Response(body=page_html(key), content_type="text/html", charset="utf-8")

    async def _redirect(self, request: web.Request) -> web.Response:
        self.hits.append(request.path)
        raise web.HTTPFound(request.query["to"])

    async def _loop(self, request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        raise web.HTTPFound(f"/loop/{n + 1}")

    async def _slow(self, request: web.Request) -> web.Response:
        await asyncio.sleep(5)
        return web.Response(text="<html><body>late</body></html>", content_type="text/html")

    async def _huge(self, request: web.Request) -> web.Response:
        return web.Response(body=b"<p>" + b"x" * BIG, content_type="text/html")

    async def _huge_chunked(self, request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "text/html"})
        resp.enable_chunked_encoding()
        await resp.prepare(request)
        for _ in range(BIG // 100_000):
            await resp.write(b"<p>" + b"y" * 100_000)
        await resp.write_eof()
        return resp

    async def _pdf(self, request: web.Request) -> web.Response:
        return web.Response(body=b"%PDF-1.4 ...", content_type="application/pdf")
