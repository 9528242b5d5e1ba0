"""Console mode: the bot's answers in a terminal, for trying citebot without a Discord token."""

from __future__ import annotations

import contextlib
import logging
import sys
from typing import TextIO

from knowledge import FactBase

from . import handlers, render
from .config import Settings
from .conversations import Conversations
from .guild_settings import GuildSettings

log = logging.getLogger("citebot")
CONSOLE_GUILD = 0  # the gaps log's guild id for questions asked here
BANNER = (
    "citebot console: type a question about the article and press Enter; every answer quotes the "
    "sentences it stands on. Commands: /summary [short|long] [topic], /facts NAME, /source, /reload, "
    "/gaps, /help, /quit (or Ctrl-D). Set DISCORD_TOKEN to run on Discord."
)
USAGE = (
    "Type a question, or one of: /summary [short|long] [topic], /facts NAME, /source, /reload, "
    "/gaps, /help, /quit."
)


class Console:
    """Turns each input line into the text of the card the bot would send."""

    def __init__(self, base: FactBase, store: GuildSettings):
        self.base = base
        self.store = store
        self.conversations = Conversations(kept=1)  # the console is one conversation

    def card_for(self, line: str) -> render.Card:
        """The card for a question or a /command."""
        if not line.startswith("/"):
            focus = self.conversations.focus(CONSOLE_GUILD, self.base.version)
            answer, card, kept = handlers.converse(self.base, line, focus)
            self.conversations.remember(CONSOLE_GUILD, kept, answer.version)
            if answer.abstained:
                self.store.record_gap(CONSOLE_GUILD, line)
            return card
        command, _, rest = line[1:].partition(" ")
        rest = rest.strip()
        match command.lower():
            case "summary":
                words = rest.split()
                length = words.pop(0).lower() if words and words[0].lower() in ("short", "long") else "short"
                return handlers.summary(self.base, length, " ".join(words) or None)
            case "facts" if rest:
                return handlers.facts(self.base, rest)
            case "facts":
                return render.Card("Usage", "/facts NAME, e.g. /facts Rutte", colour=render.COLOUR_ABSTAIN)
            case "source":
                return handlers.source(self.base)
            case "reload":
                return handlers.reload(self.base)
            case "gaps":
                return render.gaps_card(self.store.top_gaps(CONSOLE_GUILD))
            case "help":
                return render.Card("citebot", USAGE)
            case _:
                return render.Card(
                    f"Unknown command /{command[:50]}", USAGE, colour=render.COLOUR_ABSTAIN
                )


def _card(console: Console, line: str) -> render.Card:
    """The card for *line*; a bug behind one line is reported and the console goes on."""
    try:
        return console.card_for(line)
    except Exception:
        log.exception("console line failed")
        return render.error_card("Something went wrong", "That line failed; the details are in the log.")


def run_console(settings: Settings, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Answer lines from *stdin* until /quit, end of input or Ctrl-C; 0 on a clean exit."""
    base = FactBase.ensure(settings.sources, settings.db_path)
    store = GuildSettings(settings.settings_db)
    console = Console(base, store)
    with contextlib.suppress(AttributeError, ValueError):
        stdin.reconfigure(errors="replace")  # type: ignore[attr-defined]  # bad bytes become U+FFFD
    prompt = "> " if stdin.isatty() else ""
    print(BANNER, file=stdout, end="\n\n", flush=True)
    try:
        while True:
            stdout.write(prompt)
            stdout.flush()
            line = stdin.readline()
            if not line:
                break
            line = line.strip()
            if line.lower() in ("/quit", "/exit"):
                break
            if line:
                print(_card(console, line).fitted().to_text(), file=stdout, end="\n\n", flush=True)
    except KeyboardInterrupt:
        print(file=stdout)
    finally:
        store.close()
    return 0
