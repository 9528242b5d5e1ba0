"""Fetch a web page for an article without letting a link reach inside the host's network.

Only http(s); every address a host name resolves to must be public (no loopback, private,
link-local, metadata or other special addresses), checked before each request and again at
connect time, and again for every redirect. Size, time, redirect and content-type limits apply.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import ThreadedResolver

from .errors import KnowledgeError

PAGE_TYPES = ("text/html", "application/xhtml+xml")
REDIRECTS = (301, 302, 303, 307, 308)
CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchPolicy:
    """The limits one fetch runs under."""

    max_bytes: int = 3_000_000
    timeout: float = 15.0
    max_redirects: int = 5
    allow_loopback: bool = False  # for tests only: lets a link reach 127.0.0.1 / ::1
    user_agent: str = "citebot/0.1 (article fetcher; +https://github.com/)"


@dataclass(frozen=True)
class Page:
    """A fetched page: where it ended up, and its bytes."""

    url: str
    body: bytes
    content_type: str


class FetchError(KnowledgeError):
    """A link we refused or could not fetch; the message is fit to show the user."""


def address_allowed(address: str, allow_loopback: bool = False) -> bool:
    """True for a public unicast address (or loopback, when allowed)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is not None:
            ip = inner
    if ip.is_loopback:
        return allow_loopback
    return ip.is_global and not ip.is_multicast


class CheckedResolver(AbstractResolver):
    """Resolves like the default resolver, and refuses a host if any of its addresses is not allowed."""

    def __init__(self, allow_loopback: bool = False):
        self.allow_loopback = allow_loopback
        self._inner = ThreadedResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        try:
            results = await self._inner.resolve(host, port, family)
        except OSError:
            raise FetchError(f"could not find the site {host!r}") from None
        if not results or not all(address_allowed(r["host"], self.allow_loopback) for r in results):
            raise FetchError(f"{host} points to a private or local address; I only fetch public sites")
        return results

    async def close(self) -> None:
        await self._inner.close()


async def check_url(url: str, resolver: CheckedResolver) -> None:
    """Refuse *url* unless it is http(s) to a host whose every address is allowed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError("only http:// and https:// links can be added")
    host = parts.hostname
    if not host:
        raise FetchError("the link has no host name")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError("the link has a bad port number") from None
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        await resolver.resolve(host, port, socket.AF_UNSPEC)
        return
    if not address_allowed(host, resolver.allow_loopback):
        raise FetchError(f"{host} is a private or local address; I only fetch public sites")


async def fetch(url: str, policy: FetchPolicy | None = None) -> Page:
    """GET *url* under *policy*, following redirects by hand; FetchError with a polite reason on refusal."""
    policy = policy or FetchPolicy()
    resolver = CheckedResolver(policy.allow_loopback)
    connector = aiohttp.TCPConnector(resolver=resolver, use_dns_cache=False, limit=1)
    headers = {"User-Agent": policy.user_agent, "Accept": "text/html,application/xhtml+xml"}
    try:  # one deadline for the whole fetch, redirects and a slowly dripping body included
        async with (
            asyncio.timeout(policy.timeout),
            aiohttp.ClientSession(connector=connector, headers=headers) as session,
        ):
            return await _follow(session, url.strip(), policy, resolver)
    except TimeoutError:
        raise FetchError(f"the site took longer than {policy.timeout:g} s to answer") from None
    except aiohttp.ClientConnectorError as exc:
        inner = exc.__cause__ or exc.os_error
        if isinstance(inner, FetchError):
            raise inner from None
        raise FetchError("could not connect to the site") from None
    except aiohttp.ClientError:
        raise FetchError("the site's answer could not be read") from None


async def _follow(
    session: aiohttp.ClientSession, url: str, policy: FetchPolicy, resolver: CheckedResolver
) -> Page:
    for _ in range(policy.max_redirects + 1):
        await check_url(url, resolver)
        async with session.get(url, allow_redirects=False) as resp:
            if resp.status in REDIRECTS:
                location = resp.headers.get("Location")
                if not location:
                    raise FetchError(f"the site answered {resp.status} without saying where to go")
                url = urljoin(url, location)
                continue
            if resp.status != 200:
                raise FetchError(f"the site answered {resp.status} {resp.reason or ''}".rstrip())
            content_type = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if content_type not in PAGE_TYPES:
                raise FetchError(f"that link is not a web page ({content_type or 'no content type'})")
            return Page(str(resp.url), await _read_limited(resp, policy.max_bytes), content_type)
    raise FetchError(f"too many redirects (more than {policy.max_redirects})")


async def _read_limited(resp: aiohttp.ClientResponse, limit: int) -> bytes:
    too_large = FetchError(f"the page is larger than {_size(limit)}")
    body = bytearray()
    async for chunk in resp.content.iter_chunked(CHUNK):
        body += chunk
        if len(body) > limit:
            raise too_large
    return bytes(body)


def _size(limit: int) -> str:
    return f"{limit / 1_000_000:g} MB" if limit >= 100_000 else f"{limit:,} bytes"
