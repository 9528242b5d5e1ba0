"""The link fetcher's safety checks, each against a loopback server that would otherwise answer."""

from __future__ import annotations

import pytest
from aiohttp.resolver import ThreadedResolver

from knowledge.fetch import FetchError, FetchPolicy, address_allowed, fetch

try:
    from tests.pageserver import PageServer, page_keys
except ModuleNotFoundError:  # plain `pytest`: tests/ itself is on sys.path
    from pageserver import PageServer, page_keys

LOOPBACK_OK = FetchPolicy(allow_loopback=True, timeout=2.0, max_bytes=3_000_000, max_redirects=3)


@pytest.fixture
async def server():
    async with PageServer() as s:
        yield s


async def refused(url: str, policy: FetchPolicy = LOOPBACK_OK) -> str:
    with pytest.raises(FetchError) as info:
        await fetch(url, policy)
    return info.value.message


async def test_a_public_looking_page_is_fetched_when_loopback_is_allowed(server: PageServer) -> None:
    page = await fetch(server.url(f"/page/{page_keys()[0]}"), LOOPBACK_OK)
    assert page.content_type == "text/html" and b"<html" in page.body.lower()


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.1",
        "172.16.5.4",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fd00:ec2::254",
        "::ffff:10.0.0.1",
        "224.0.0.1",
    ],
)
def test_special_addresses_are_not_allowed(address: str) -> None:
    assert not address_allowed(address)


def test_public_addresses_are_allowed() -> None:
    assert address_allowed("93.184.216.34") and address_allowed("2606:4700::6810:84e5")
    assert address_allowed("127.0.0.1", allow_loopback=True) and not address_allowed("10.0.0.1", True)


async def test_loopback_is_refused_by_default_by_address_and_by_name(server: PageServer) -> None:
    strict = FetchPolicy(timeout=2.0)
    assert "private or local address" in await refused(server.url(f"/page/{page_keys()[0]}"), strict)
    by_name = f"http://localhost:{server.port}/page/{page_keys()[0]}"
    assert "private or local address" in await refused(by_name, strict)
    assert server.hits == []


async def test_a_private_address_is_refused_without_connecting() -> None:
    assert "private or local address" in await refused("http://10.255.255.1/article", LOOPBACK_OK)


async def test_a_redirect_to_a_private_address_is_refused(server: PageServer) -> None:
    to_metadata = server.url("/redirect?to=http://169.254.169.254/latest/meta-data/")
    assert "private or local address" in await refused(to_metadata)
    assert server.hits == ["/redirect"]


async def test_a_redirect_to_a_file_url_is_refused(server: PageServer) -> None:
    assert "only http:// and https://" in await refused(server.url("/redirect?to=file:///etc/passwd"))


async def test_a_redirect_is_followed_to_a_public_page(server: PageServer) -> None:
    key = page_keys()[1]
    page = await fetch(server.url(f"/redirect?to=/page/{key}"), LOOPBACK_OK)
    assert page.url.endswith(f"/page/{key}") and server.hits == ["/redirect", f"/page/{key}"]


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/a.html", "gopher://x/", "example.com"]
)
async def test_only_http_and_https_links(url: str) -> None:
    assert "only http:// and https://" in await refused(url)


async def test_too_many_redirects(server: PageServer) -> None:
    assert "too many redirects" in await refused(server.url("/loop/0"))


async def test_a_slow_site_times_out(server: PageServer) -> None:
    assert "longer than 0.5 s" in await refused(
        server.url("/slow"), FetchPolicy(allow_loopback=True, timeout=0.5)
    )


async def test_a_page_over_the_size_limit_is_refused(server: PageServer) -> None:
    assert "larger than" in await refused(server.url("/huge"))


async def test_a_streamed_page_over_the_size_limit_is_refused(server: PageServer) -> None:
    assert "larger than" in await refused(server.url("/huge-chunked"))


async def test_not_a_web_page(server: PageServer) -> None:
    assert "not a web page (application/pdf)" in await refused(server.url("/pdf"))


async def test_not_found(server: PageServer) -> None:
    assert "answered 404" in await refused(server.url("/page/no-such-page"))


async def test_a_name_that_turns_private_between_check_and_connect_is_refused(
    server: PageServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the address is checked again when the connection is made, not only before."""
    answers = iter(["93.184.216.34", "127.0.0.1", "127.0.0.1"])

    async def rebinding(self, host: str, port: int = 0, family: int = 0) -> list[dict]:
        return [{"hostname": host, "host": next(answers), "port": port, "family": 2, "proto": 6, "flags": 4}]

    monkeypatch.setattr(ThreadedResolver, "resolve", rebinding)
    url = f"http://rebind.example:{server.port}/page/{page_keys()[0]}"
    assert "private or local address" in await refused(url, FetchPolicy(timeout=2.0))
    assert server.hits == []
