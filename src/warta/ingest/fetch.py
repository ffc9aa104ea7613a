"""HTTP fetching for web inputs: timeouts, a size limit, retries with backoff, a polite pace per host,
robots.txt, and a User-Agent naming warta. Every failure is an IngestError with a readable reason.

    fetcher = Fetcher(FetchSettings.from_config())
    page = fetcher.get("https://example.org/news/1.html")   # a Page, or IngestError("HTTP 404")
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields, replace
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from .decoding import charset_of, media_type
from .errors import IngestError

ROBOTS_AGENT = "warta"  # the token robots.txt rules name
OFFLINE_REASON = "not fetched: offline (--offline)"
RETRY_AFTER_CAP = 60.0  # longest Retry-After (seconds) honoured, so one host cannot stall a run


@dataclass(frozen=True)
class FetchSettings:
    """The [fetch] section of the configuration (see data/config.toml for what each key means)."""

    timeout: float = 20.0
    total_timeout: float = 60.0
    max_bytes: int = 10_000_000
    retries: int = 2
    backoff: float = 1.0
    per_host_interval: float = 1.0
    concurrency: int = 4
    user_agent: str = "warta/0.1"
    robots: bool = True
    proxy: str = ""

    @classmethod
    def from_config(cls, overrides: dict | None = None) -> FetchSettings:
        """Settings from the configuration's [fetch] section, then `overrides` (same keys)."""
        from ..config import load_config

        base = cls()
        for source, values in (("[fetch] in the configuration", load_config().get("fetch", {})),
                               ("fetch settings", overrides or {})):
            unknown = set(values) - {f.name for f in fields(cls)}
            if unknown:
                raise ValueError(f"{source}: unknown key(s) {', '.join(sorted(unknown))}; "
                                 f"known: {', '.join(f.name for f in fields(cls))}")
            base = replace(base, **{k: _checked(source, k, v, type(getattr(base, k))) for k, v in values.items()})
        return base


def _checked(source: str, key: str, value: object, want: type) -> object:
    """`value` as the type of the key's default (an int is fine for seconds); ValueError otherwise."""
    if want is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if type(value) is not want:
        raise ValueError(f"{source}: {key} must be {want.__name__}, not {value!r}")
    return value


def size_reason(max_bytes: int) -> str:
    return f"larger than {max_bytes / 1e6:g} MB (fetch.max_bytes)"


@dataclass
class Page:
    """A fetched response: the final URL (after redirects), its content type and its body."""

    url: str
    content_type: str
    body: bytes

    @property
    def media_type(self) -> str:
        return media_type(self.content_type)

    @property
    def charset(self) -> str | None:
        return charset_of(self.content_type)


class _Retry(Exception):
    """A try that failed in a way worth trying again (5xx, 429, timeout, connection)."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason, self.wait = reason, wait


class Fetcher:
    """Fetches pages for one run, pacing requests per host; `offline` refuses every fetch."""

    def __init__(self, settings: FetchSettings | None = None, *, offline: bool = False) -> None:
        self.settings = settings or FetchSettings()
        self.offline = offline
        self._client = None
        self._last: dict[str, float] = {}  # host -> monotonic time of its last request
        self._robots: dict[str, RobotFileParser | None] = {}
        self._lock = threading.Lock()
        self._robots_lock = threading.Lock()
        if self.settings.concurrency < 1:
            raise ValueError(f"fetch concurrency must be 1 or more, not {self.settings.concurrency}")
        # proxy: "" none, "env" the HTTP(S)_PROXY / NO_PROXY environment, else the proxy's URL
        self._proxy = self.settings.proxy.strip()
        self._proxy_from_env = self._proxy.lower() == "env"
        if self._proxy and not self._proxy_from_env and not self._proxy.lower().startswith(("http://", "https://")):
            raise ValueError(f"fetch proxy {self._proxy!r} must be \"\" (none), \"env\" (HTTP(S)_PROXY from "
                             "the environment) or a proxy URL such as http://proxy.example:3128")

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        """fn(item) for every item, up to `concurrency` at a time, in the items' order. Requests to
        different hosts overlap; those to one host still keep per_host_interval apart (_pace)."""
        workers = self.settings.concurrency
        if workers == 1:
            yield from map(fn, items)
            return
        with ThreadPoolExecutor(workers, thread_name_prefix="warta-fetch") as pool:
            pending: deque = deque()
            for item in items:  # a bounded window: a long URL list is never read ahead
                pending.append(pool.submit(fn, item))
                if len(pending) >= 4 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def get(self, url: str) -> Page:
        """The page at `url` (status 2xx); raises IngestError saying why not."""
        if self.offline:
            raise IngestError(OFFLINE_REASON)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise IngestError(f"not an http(s) URL: {url!r}")
        if self.settings.robots and not self._robots_allow(url):
            raise IngestError(f"disallowed by the site's robots.txt for user agent {ROBOTS_AGENT!r}")
        s = self.settings
        for attempt in range(s.retries + 1):
            try:
                return self._try(url)
            except _Retry as exc:
                reason = exc.reason
                if attempt < s.retries:
                    time.sleep(exc.wait if exc.wait is not None else s.backoff * 2 ** attempt)
        tries = s.retries + 1
        raise IngestError(f"{reason} (after {tries} tries)" if tries > 1 else reason)

    # --- one request --------------------------------------------------------------------------

    def _http(self):
        if self._client is None:
            import httpx  # imported on first fetch: most runs read files only

            s = self.settings
            env = self._proxy_from_env
            self._client = httpx.Client(
                timeout=httpx.Timeout(s.timeout), follow_redirects=True, max_redirects=5,
                headers={"User-Agent": s.user_agent}, trust_env=env,
                proxy=None if env or not self._proxy else self._proxy)
        return self._client

    def _pace(self, url: str) -> None:
        """Wait until the host's last request is at least per_host_interval seconds ago. Each
        request books its host's next slot under the lock and waits outside it, so threads
        fetching other hosts are not held up."""
        host = urlsplit(url).netloc.lower()
        with self._lock:
            now = time.monotonic()
            last = self._last.get(host)
            slot = now if last is None else max(now, last + self.settings.per_host_interval)
            self._last[host] = slot
        wait = slot - time.monotonic()
        if wait > 0:
            time.sleep(wait)

    def _try(self, url: str) -> Page:
        import httpx

        s = self.settings
        client = self._http()  # built before pacing: its set-up time must not eat into the interval
        self._pace(url)
        start = time.monotonic()
        try:
            with client.stream("GET", url) as resp:
                status = resp.status_code
                if status == 429 or status >= 500:
                    raise _Retry(f"HTTP {status}", _retry_after(resp.headers.get("Retry-After")))
                if status >= 400:
                    raise IngestError(f"HTTP {status}")
                if not 200 <= status < 300:
                    raise IngestError(f"HTTP {status} (no page)")
                declared = resp.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > s.max_bytes:
                    raise IngestError(size_reason(s.max_bytes))
                body = bytearray()
                for chunk in resp.iter_bytes():
                    body += chunk
                    if len(body) > s.max_bytes:  # stop reading at the limit: never hold more
                        raise IngestError(size_reason(s.max_bytes))
                    if time.monotonic() - start > s.total_timeout:
                        raise _Retry(f"timed out: response took over {s.total_timeout:g} s (fetch.total_timeout)")
                return Page(url=str(resp.url), content_type=resp.headers.get("Content-Type", ""), body=bytes(body))
        except httpx.TimeoutException:
            raise _Retry(f"timed out after {s.timeout:g} s (fetch.timeout)") from None
        except httpx.TransportError as exc:  # refused, reset, DNS, TLS: the host may be back soon
            raise _Retry(f"connection failed: {exc or type(exc).__name__}") from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:  # too many redirects, a URL httpx cannot use
            raise IngestError(f"fetch failed: {exc or type(exc).__name__}") from None

    # --- robots.txt ---------------------------------------------------------------------------

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc.lower()}"
        with self._robots_lock:  # one robots.txt request per host, whichever thread asks first
            if key not in self._robots:
                self._robots[key] = self._load_robots(key + "/robots.txt")
            rules = self._robots[key]
        return rules is None or rules.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, robots_url: str) -> RobotFileParser | None:
        """Rules for a host; None (allow all) when it has no robots.txt, as RFC 9309 section 2.3.1.3 says."""
        rules = RobotFileParser(robots_url)
        try:
            page = self._try(robots_url)
        except IngestError:  # 4xx: no rules; too large or odd: ignored likewise
            return None
        except _Retry as exc:
            if exc.reason.startswith("HTTP 5"):  # RFC 9309 2.3.1.4: server error means disallow all
                rules.disallow_all = True
                return rules
            return None  # unreachable: the page request will report the real failure
        rules.parse(page.body.decode("utf-8", errors="replace").splitlines())
        return rules


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header given in seconds (dates are rare; they use the backoff)."""
    if value and value.strip().isdigit():
        return min(float(value), RETRY_AFTER_CAP)
    return None
