"""`citebot extract` and `citebot add`: the article intake `/source add` uses, from the command line."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from knowledge import build_file

from .config import Settings


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    """Print the article as citebot stores it: the headline on the first line, then the paragraphs."""
    import asyncio  # with the fetcher and extractor: loaded only for the commands that use them

    from knowledge import intake

    article = asyncio.run(intake.read(args.page, settings.fetch_policy()))
    print(article.text(), end="")
    return 0


def cmd_add(args: argparse.Namespace, settings: Settings) -> int:
    """Write the article into a sources folder, checking that the folder still builds."""
    import asyncio

    from knowledge import intake

    folder: Path = args.sources or settings.sources
    article = asyncio.run(intake.read(args.page, settings.fetch_policy()))
    with tempfile.TemporaryDirectory(prefix="citebot-") as tmp:
        added, meta = intake.add(
            folder, article, settings.caps(), lambda: build_file(folder, Path(tmp) / "check.db")
        )
    print(
        f"Added {added.slug} to {folder}: {article.title!r}"
        f"{f' ({article.outlet})' if article.outlet else ''}, {article.words} words; "
        f"the folder now builds to {meta['documents']} articles, {meta['sentences']} sentences. "
        "Run `citebot build` (or /reload) to serve it."
    )
    return 0


def add_parsers(sub: argparse._SubParsersAction) -> None:
    x = sub.add_parser(
        "extract", help="print the article of a web page (link or saved file) as citebot stores it"
    )
    x.add_argument("page", metavar="PAGE_OR_URL")
    x.set_defaults(func=cmd_extract)
    d = sub.add_parser("add", help="add the article of a web page or text file to a sources folder")
    d.add_argument("page", metavar="PAGE_OR_URL")
    d.add_argument(
        "--sources", type=Path, help="the folder to add to (default: $CITEBOT_SOURCES or the shipped)"
    )
    d.set_defaults(func=cmd_add)
