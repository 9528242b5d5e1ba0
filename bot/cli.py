"""The citebot command line: build, ask, summary, facts, eval, run, sync, extract, add.

A thin layer over `knowledge`; only `run` and `sync` import discord.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from knowledge import FactBase, KnowledgeError, build_file
from knowledge.errors import printable
from knowledge.evaluate import EvalResult, assemble, evaluate, question_sets, results_table

from . import cli_sources, render
from .config import ConfigError, Settings


def _base_args(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--sources", type=Path, help="build a fresh base from this folder of articles")
    g.add_argument(
        "--db", type=Path, help="use this fact base (default: $CITEBOT_DB or var/citebot.db)"
    )


def _open(args: argparse.Namespace, settings: Settings) -> FactBase:
    """The base to answer from; one built from --sources leaves no temp folder (it is read whole)."""
    if getattr(args, "db", None):
        return FactBase.open(args.db)
    if getattr(args, "sources", None):
        with tempfile.TemporaryDirectory(prefix="citebot-") as tmp:
            return FactBase.build(args.sources, Path(tmp) / "base.db")
    return FactBase.ensure(settings.sources, settings.db_path)


def cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    sources = args.sources or settings.sources
    db = args.db or settings.db_path
    meta = build_file(sources, db)
    print(
        f"Built {db} from {sources}: {meta['documents']} articles, {meta['sentences']} sentences, "
        f"{meta['entities']} entities, {meta['facts']} facts in {meta['build_seconds']:.2f} s "
        f"(version {meta['version']})."
    )
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    base = _open(args, settings)
    questions = (
        [" ".join(args.question)] if args.question else (line.rstrip("\n") for line in sys.stdin)
    )
    for q in questions:
        a = base.answer(q)
        if args.json:
            print(json.dumps(a.to_json(), ensure_ascii=False), flush=True)
        else:
            print(render.answer_card(a).to_text(), end="\n\n", flush=True)
    return 0


def cmd_summary(args: argparse.Namespace, settings: Settings) -> int:
    base = _open(args, settings)
    s = base.summary(args.length, args.topic)
    if args.json:
        print(json.dumps(s.to_json(), ensure_ascii=False))
    else:
        print(render.summary_card(s).to_text())
    return 0 if s.found else 1


def cmd_facts(args: argparse.Namespace, settings: Settings) -> int:
    base = _open(args, settings)
    info = base.facts_about(args.name)
    if info is None:
        print(render.unknown_entity_card(args.name, base.suggest_entities(args.name)).to_text())
        return 1
    print(render.facts_card(info).to_text())
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    sets = question_sets(args.questions, each=args.each)
    results: list[tuple[str, EvalResult]] = []
    asked = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="citebot-eval-") as tmp:
        bases: dict[tuple[Path, ...], FactBase] = {}
        for qs in sets:
            if qs.sources:
                if qs.sources not in bases:
                    work = Path(tmp) / str(len(bases))
                    bases[qs.sources] = FactBase.build(assemble(qs.sources, work / "src"), work / "base.db")
                base = bases[qs.sources]
            else:
                base = bases.setdefault((), _open(args, settings))
            results.append((qs.name, evaluate(qs.questions, base.answer)))
            asked += len(qs.questions)
    per = (time.perf_counter() - started) / max(1, asked) * 1000
    if len(results) == 1:
        print(results[0][1].report())
    else:
        print(results_table(results))
    if args.misses:
        for name, result in results:
            if result.misses:
                print(f"\nmisses of {name}:\n{result.misses_report()}")
    print(f"{asked} questions, {per:.2f} ms per answer (building bases included)")
    if args.fail_below:
        acc, ab = (float(x) for x in args.fail_below.split(","))
        if any(r.accuracy < acc or r.abstention < ab for _, r in results):
            return 1
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    if settings.discord_token and not args.console:
        from .client import run_discord

        return run_discord(settings)
    from .console import run_console

    return run_console(settings)


def cmd_sync(args: argparse.Namespace, settings: Settings) -> int:
    from .client import sync_commands

    return sync_commands(settings, args.guild)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="citebot", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command")

    b = sub.add_parser("build", help="derive the fact base from the sources folder")
    b.add_argument("--sources", type=Path, help="folder of articles (default: the shipped sources)")
    b.add_argument("--db", type=Path, help="where to write the base (default: var/citebot.db)")
    b.set_defaults(func=cmd_build)

    a = sub.add_parser("ask", help="answer questions (arguments, or one per line on stdin)")
    _base_args(a)
    a.add_argument("--json", action="store_true", help="one JSON object per answer")
    a.add_argument("question", nargs="*")
    a.set_defaults(func=cmd_ask)

    s = sub.add_parser("summary", help="an extractive summary of the articles or of a topic")
    _base_args(s)
    s.add_argument("--topic")
    s.add_argument("--length", choices=("short", "long"), default="short")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_summary)

    f = sub.add_parser("facts", help="what the base says about a person, country or organisation")
    _base_args(f)
    f.add_argument("name")
    f.set_defaults(func=cmd_facts)

    e = sub.add_parser(
        "eval",
        help="score answers against question files (JSON lines), or folders of articles with questions",
    )
    _base_args(e)
    e.add_argument("questions", type=Path, nargs="+", help="NAME.jsonl files, or folders of NAME.txt with "
                   "NAME.questions.jsonl (answered from one base of the folder's articles)")
    e.add_argument("--each", action="store_true", help="answer each folder article from a base of its own")
    e.add_argument("--fail-below", metavar="ACC,ABST", help="exit 1 below these scores")
    e.add_argument("--misses", action="store_true",
                   help="list every miss of every set: the question, the sentence quoted and its confidence")
    e.set_defaults(func=cmd_eval)

    r = sub.add_parser("run", help="run the Discord bot (console mode without DISCORD_TOKEN)")
    r.add_argument("--console", action="store_true", help="console mode even with a token")
    r.set_defaults(func=cmd_run)

    y = sub.add_parser("sync", help="sync slash commands with Discord (globally or to one guild)")
    y.add_argument("--guild", type=int, help="sync to this guild only (instant)")
    y.set_defaults(func=cmd_sync)
    cli_sources.add_parsers(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not getattr(args, "func", None):
        parser().print_help()
        return 2
    for stream in (sys.stdin, sys.stdout, sys.stderr):  # a line that is not UTF-8 is no crash
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="replace" if stream is sys.stdin else "backslashreplace")
    try:
        settings = Settings.load()
        return args.func(args, settings)
    except (KnowledgeError, ConfigError) as exc:
        return _error(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        where = f"{printable(exc.filename)}: " if exc.filename else ""
        return _error(f"{where}{exc.strerror or exc}")
    except sqlite3.Error as exc:
        return _error(f"database error: {exc}")
    except Exception as exc:  # a bug: still one line, not a traceback
        return _error(f"unexpected {type(exc).__name__}: {exc} (please report this)")


def _error(message: str) -> int:
    print(f"citebot: error: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
