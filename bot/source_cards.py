"""Cards for a server's articles: what /source add added, /source list's statuses, what /teach taught."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from knowledge import FactBase
from knowledge.shelf import ShelfArticle

from .render import COLOUR_ERROR, COLOUR_INFO, Card, clip, neutralise, neutralise_plain, quote_block, where

BUSY = "This server's articles are being rebuilt; try again in a moment."
NOT_OWNER = "Only the bot's owner can change the shipped articles (the ones DMs use)."
SHIPPED_RELOAD = (
    "This server reads the shipped articles, which only the bot's owner reloads. "
    "Add an article with /source add to give this server its own."
)
NEED_LINK_OR_FILE = "Give me a link or attach a .txt, .md or .html file (one of the two)."
TEACH_NEEDS_ONE = "Pick the sentence that answers it, or set not_covered (one of the two)."
UNKNOWN_SENTENCE = "Pick a sentence from the list I offer while you type."


def rebuild_cooldown_text(retry_after: float) -> str:
    return f"This server's articles changed a moment ago; try again in {max(1, round(retry_after + 0.49))} s."


def refused_text(what: str, reason: str) -> str:
    return f"I could not {what}: {neutralise_plain(reason)}"


def added_card(slug: str, base: FactBase) -> Card:
    """What /source add took in: the article, its counts, who is in it and a three-point summary."""
    doc = next((d for d in base.source_info().documents if d.slug == slug), None)
    title = doc.title if doc else slug
    bits = [b for b in ((doc.outlet, doc.published, doc.url) if doc else ()) if b]
    lines = [" · ".join(neutralise_plain(b) for b in bits)] if bits else []
    if doc:
        lines.append(f"{doc.sentences} sentences in {doc.paragraphs} paragraphs, saved as `{slug}`.")
    fields = []
    for label, kind in (("People", ("person",)), ("Organisations", ("organisation",))):
        names = base.article_entities(slug, kind)
        fields.append((label, clip(", ".join(names[:15]) or "none found", 1000)))
    summary = base.article_summary(slug, 3)
    points = [f"{quote_block(p.text)}\n— {where(p.citation)}" for p in summary.points]
    fields.append(("Summary", clip("\n".join(points) or "—", 1000)))
    return Card(
        f"Added: {clip(title, 200)}", "\n".join(lines), fields, f"Fact base {base.version}", COLOUR_INFO
    )


@dataclass(frozen=True)
class Status:
    """One article of a server and whether its base serves it."""

    article: ShelfArticle
    ready: bool


def list_card(statuses: Sequence[Status], base: FactBase, problem: str = "") -> Card:
    """Each article with its status, and the fact base's version; *problem* is a build error to show."""
    info = base.source_info()
    c = info.counts
    desc = (
        f"Fact base version **{info.version}**, built {info.built_at}: {c.get('documents', 0)} articles, "
        f"{c.get('sentences', 0)} sentences, {c.get('facts', 0)} facts "
        f"({c.get('hand_facts', 0)} hand-written)."
    )
    if problem:
        desc += f"\n⚠️ The sources do not build, so the last good base is serving: {neutralise_plain(problem)}"
    fields = []
    for s in statuses:
        a = s.article
        state = "✅ ready" if s.ready else "⏳ not in the base yet (/reload)"
        bits = [f"**{neutralise_plain(a.title)}**"]
        meta = " · ".join(b for b in (a.outlet, a.published) if b)
        if meta:
            bits.append(neutralise_plain(meta))
        if a.url:
            bits.append(a.url)
        bits.append(state)
        fields.append((a.slug, "\n".join(bits)))
    colour = COLOUR_ERROR if problem else COLOUR_INFO
    return Card("Sources", desc, fields, "Answers quote these articles word for word", colour)


def removed_text(article: ShelfArticle) -> str:
    return f"Removed “{neutralise(article.title)}” (`{article.slug}`); its files are kept under retired/."


def taught_card(question: str, sentence: str, answered: bool) -> Card:
    text = f"**{clip(neutralise(question), 300)}** is now answered with:\n{quote_block(sentence)}"
    if not answered:
        text += "\n(I still pick another answer for this exact wording; try adding another phrasing.)"
    return Card("Taught", text, colour=COLOUR_INFO)


def not_covered_text(question: str) -> str:
    return f"Marked as not covered: {clip(neutralise(question), 300)} — it leaves /gaps."
