"""Per-server articles: time to add a ~1,000-word article and answer from it, and memory per server.

1. Pipeline, in-process, for the saved pages (../shared/pages) of 600-1,400 words: extract
   (trafilatura + htmldate), write into a server's folder, rebuild the server's base (shipped
   article + the new one), first answer. Median of --runs runs per page; no fetch.
2. Discord, command to reply: the real CitebotBot against the fake Discord (tests/fakediscord);
   `/source add` with the page as an .html attachment (served by the fake over loopback, so no
   web fetch), timed from INTERACTION_CREATE to the final private reply, then `/ask` to its answer.
3. Memory (tracemalloc, Python heap): servers that never changed their articles (they read the
   shipped base), servers whose base is open, and the same servers after close_idle().

    python benchmarks/bench_servers.py [--runs 3] [--servers 40]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import gzip
import json
import shutil
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from _common import ROOT, SHIPPED, scratch

from knowledge import FactBase, shelf
from knowledge.extract import from_html
from knowledge.library import Library

PAGES = ROOT.parent / "shared" / "pages"
KB = 1024


def pages_near_1000_words() -> list[tuple[str, bytes, str, int]]:
    truth = json.loads((PAGES / "ground-truth.json").read_text())
    out = []
    for key, want in sorted(truth.items()):
        html = gzip.decompress((PAGES / f"{key}.html.gz").read_bytes())
        words = from_html(html, want["url"]).words
        if 600 <= words <= 1400:
            out.append((key, html, want["url"], words))
    return out


def pipeline(runs: int) -> None:
    print("## Add and answer, in-process (no fetch), median of", runs, "runs\n")
    print("| page | words | extract ms | write ms | rebuild ms | first answer ms | total ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    totals = []
    shipped = FactBase.build(SHIPPED, scratch("bench-shipped-") / "base.db")
    for key, html, url, words in pages_near_1000_words():
        rows = []
        for _ in range(runs):
            lib = Library(scratch("bench-lib-"), shipped)
            folder = lib.fork(1)
            t0 = time.perf_counter()
            article = from_html(html, url)
            t1 = time.perf_counter()
            shelf.add_article(folder, article, shelf.Caps())
            t2 = time.perf_counter()
            base = lib.rebuild(1)
            t3 = time.perf_counter()
            base.answer(article.title)
            t4 = time.perf_counter()
            rows.append((t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0))
        med = [statistics.median(col) * 1000 for col in zip(*rows, strict=True)]
        totals.append(med[-1])
        print(f"| {key[:10]} | {words} | " + " | ".join(f"{m:.0f}" for m in med) + " |")
    print(f"\nworst total {max(totals):.0f} ms over {len(totals)} pages (target < 2,000 ms)\n")


async def discord_round_trip(runs: int) -> None:
    sys.path.insert(0, str(ROOT))
    from bot.client import create_bot
    from bot.config import Settings
    from tests.fakediscord import FakeDiscord, World, running_bot

    key, html, _, words = min(pages_near_1000_words(), key=lambda p: abs(p[3] - 1000))
    tmp = scratch("bench-discord-")
    world = World()
    async with FakeDiscord(world) as fake:
        settings = Settings(
            db_path=tmp / "base.db",
            sources=Path(shutil.copytree(SHIPPED, tmp / "sources")),
            settings_db=tmp / "guilds.db",
            servers_dir=tmp / "servers",
            rebuild_cooldown=0,
            cooldown_rate=1000,
            api_base_url=fake.api_base,
            gateway_url=fake.gateway_url,
        )
        async with running_bot(create_bot(settings), fake, ready_timeout=30) as bot:
            adds, asks = [], []
            for _ in range(runs):
                if bot.library.has_own(world.guild_id):
                    shutil.rmtree(bot.library.home(world.guild_id))
                    bot.library.close(world.guild_id)
                file = fake.add_attachment("page.html", html, "text/html")
                t0 = time.perf_counter()
                iid = await fake.invoke_command_with_file("source add", "file", file, user=world.moderator)
                done = await fake.wait_for_original(iid, timeout=30)
                adds.append(time.perf_counter() - t0)
                assert done.embeds and done.embeds[0]["title"].startswith("Added:"), done
                t0 = time.perf_counter()
                iid = await fake.invoke_command("ask", {"question": done.embeds[0]["title"][7:]})
                await fake.wait_for_interaction_response(iid)
                asks.append(time.perf_counter() - t0)
    print("## Discord, command to reply (real client, fake Discord, attachment instead of fetch)\n")
    print(f"page {key[:10]} ({words} words), {runs} runs\n")
    print("| step | median ms | max ms |")
    print("| --- | ---: | ---: |")
    for name, xs in (("/source add (file) to the 'Added' reply", adds), ("/ask to its answer", asks)):
        print(f"| {name} | {statistics.median(xs) * 1000:.0f} | {max(xs) * 1000:.0f} |")
    total = statistics.median(adds) + statistics.median(asks)
    print(f"\nadd + answer, median: {total * 1000:.0f} ms (target < 2,000 ms)\n")


def memory(servers: int) -> None:
    key, html, url, words = min(pages_near_1000_words(), key=lambda p: abs(p[3] - 1000))
    article = from_html(html, url)
    shipped = FactBase.build(SHIPPED, scratch("bench-mem-shipped-") / "base.db")
    root = scratch("bench-mem-")
    lib = Library(root, shipped, max_open=servers * 2)
    for s in range(1, servers + 1):  # each server: the shipped article plus a ~1,000-word one, built
        folder = lib.fork(s)
        shelf.add_article(folder, article, shelf.Caps())
        FactBase.build(folder, lib.db(s))
    disk = sum(p.stat().st_size for p in lib.home(1).rglob("*") if p.is_file())

    gc.collect()
    tracemalloc.start()
    start = tracemalloc.take_snapshot()
    for s in range(10_000, 10_000 + 1000):
        lib.base(s)  # never changed: the shipped base
    gc.collect()
    never = _delta(start) / 1000
    before = tracemalloc.take_snapshot()
    for s in range(1, servers + 1):
        lib.base(s)
    gc.collect()
    active = _delta(before) / servers
    lib.idle_seconds = 0
    closed = lib.close_idle()
    gc.collect()
    after = _delta(before) / servers
    tracemalloc.stop()
    print("## Memory per server (tracemalloc, Python heap)\n")
    print(f"{servers} servers with the shipped article + page {key[:10]} ({words} words)\n")
    print("| server state | heap per server | on disk per server |")
    print("| --- | ---: | ---: |")
    print(f"| never changed its articles (reads the shipped base) | {never:,.0f} B | 0 |")
    print(f"| own articles, base open (active) | {active / KB:,.0f} KiB | {disk / KB:,.0f} KiB |")
    print(
        f"| own articles, closed when idle ({closed} closed) | {max(after, 0) / KB:,.1f} KiB | "
        f"{disk / KB:,.0f} KiB |"
    )
    print()


def _delta(since: tracemalloc.Snapshot) -> float:
    return sum(s.size_diff for s in tracemalloc.take_snapshot().compare_to(since, "filename"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--servers", type=int, default=40)
    args = ap.parse_args()
    if not (PAGES / "ground-truth.json").exists():
        print(f"no saved pages at {PAGES}")
        return 0
    pipeline(args.runs)
    asyncio.run(discord_round_trip(args.runs))
    memory(args.servers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
