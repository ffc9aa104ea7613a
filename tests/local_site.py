"""A real HTTP server on 127.0.0.1 for the web-input tests: scripted replies per path, and a log of
every request (path, arrival time, User-Agent) so tests can check what the fetcher really did."""

from __future__ import annotations

import html
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SAMPLE = Path(__file__).parent.parent / "examples" / "putin-erdogan-call.txt"
# Two sentences of a news article: enough text for trafilatura to take a page as an article.
WORDS = ["Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri China Wang Yi di Jakarta pada Selasa.",
         "Kedua menteri membahas kerja sama ekonomi dan keamanan kawasan dalam pertemuan tersebut."]


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0  # seconds before answering, to play a slow server
    send_length: bool = True  # False: no Content-Length, the body ends when the connection closes
    headers: dict = field(default_factory=dict)


@dataclass
class Hit:
    path: str
    at: float  # time.monotonic() when the request arrived
    user_agent: str


def article_page(title: str, paragraphs: list[str], *, date: str = "", lang: str = "id") -> bytes:
    """A news page as sites serve them: navigation, the article, a footer."""
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'{meta}</head><body><nav><a href="/">Beranda</a> <a href="/dunia">Dunia</a></nav>'
            f"<article><h1>{html.escape(title)}</h1>{body}</article>"
            "<footer>Hak cipta dilindungi</footer></body></html>").encode("utf-8")


def sample_page() -> tuple[str, bytes]:
    """The sample article (7 known events) as an HTML page: (title, page)."""
    paras = [p.strip() for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    title, body = paras[0], [p for p in paras[2:] if len(p.split()) > 8]
    return title, article_page(title, body, date="2023-10-12T09:00:00+07:00")


class Site:
    """Serve `routes` (path -> one Reply, or a list played in turn, the last one repeated)."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply | list[Reply]] = {}
        self.hits: list[Hit] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                site.hits.append(Hit(self.path, time.monotonic(), self.headers.get("User-Agent", "")))
                reply = site._next(self.path)
                time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.content_type)
                    if reply.send_length:
                        self.send_header("Content-Length", str(len(reply.body)))
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up: that is the test
                    pass

            def log_message(self, *args) -> None:  # keep test output clean
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def _next(self, path: str) -> Reply:
        reply = self.routes.get(path, Reply(404, b"not found", "text/plain"))
        if isinstance(reply, list):
            return reply.pop(0) if len(reply) > 1 else reply[0]
        return reply

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [h.path for h in self.hits]

    def __enter__(self) -> Site:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
