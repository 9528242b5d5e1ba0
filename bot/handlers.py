"""What citebot says to each request, as a Card: shared by the Discord cogs and the console."""

from __future__ import annotations

import logging

from knowledge import Answer, FactBase, Focus, KnowledgeError

from . import render

log = logging.getLogger("citebot")


def ask(base: FactBase, question: str, focus: Focus | None = None) -> tuple[Answer, render.Card]:
    """The answer to *question* (read as a follow-up of an answer about *focus*) and its card."""
    # without a focus, the plain call: wrappers of answer(question) and of ask(base, question) keep working
    answer = base.answer(question) if focus is None else base.answer(question, focus)
    return answer, render.answer_card(answer)


def converse(base: FactBase, question: str, focus: Focus | None) -> tuple[Answer, render.Card, Focus | None]:
    """The answer to *question* read as the next in a conversation about *focus*, its card, and the
    focus to keep for the question after (None when nothing was answered)."""
    answer, card = ask(base, question) if focus is None else ask(base, question, focus)
    kept = None if answer.abstained else base.focus_of(answer, focus)
    return answer, card, kept


def summary(base: FactBase, length: str = "short", topic: str | None = None) -> render.Card:
    """A short or long cited summary, of everything or of *topic*."""
    return render.summary_card(base.summary(length, (topic or "").strip() or None))


def facts(base: FactBase, name: str) -> render.Card:
    """What the base says about *name*, or suggestions when it does not know it."""
    info = base.facts_about(name)
    if info is None:
        return render.unknown_entity_card(name, base.suggest_entities(name))
    return render.facts_card(info)


def source(base: FactBase) -> render.Card:
    """The articles and the fact base's version, counts and build time."""
    return render.source_card(base.source_info())


def reload(base: FactBase) -> render.Card:
    """Rebuild the base from its sources (blocking); on failure the old base keeps serving."""
    try:
        report = base.reload()
    except KnowledgeError as exc:
        return render.error_card(render.RELOAD_FAILED, exc.shown(base.sources))
    except Exception:  # the old base keeps serving whatever went wrong; the log has the details
        log.exception("reload failed")
        return render.error_card(render.RELOAD_FAILED, "an unexpected error; the bot's log has the details")
    return render.reload_card(report)
