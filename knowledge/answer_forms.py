"""The form of answer a question asks for, put first: the ranker's order stands unless its best sentence
lacks that form and one of the next few, covering the question about as well, has it."""

from __future__ import annotations

from collections.abc import Callable

from .features import Candidate
from .question import Query
from .swap_rules import (
    _AGE_ONLY,
    _ASKS_AGE_NOW,
    _MONEY_ONLY,
    _MONEY_STEMS,
    _OPENING_AGE,
    _age_owners,
    _counts_directly,
    _opening_age_of_another,
    _sum_near,
    act_to_come,
    says_done,
)
from .text import stem

# the kinds a question may ask for that measure_near_first reads: a sum, a length, a time taken
_MEASURES = (_MONEY_ONLY, frozenset({"length", "duration"}), frozenset({"length"}), frozenset({"duration"}))


def _put_first(ranked: list[Candidate], reach: int, accept: Callable[[Candidate], bool]) -> None:
    """Move to the front the first of the *reach* candidates after the best that *accept* takes."""
    for i in range(1, min(len(ranked), reach + 1)):
        if accept(ranked[i]):
            ranked.insert(0, ranked.pop(i))
            return


class AnswerForms:
    """Matcher's re-ordering of its ranked candidates by the form of answer asked for (a mixin: it reads
    the index, and the question's gates, name words and counted words through AbstentionRules)."""

    def answer_form_first(self, query: Query, ranked: list[Candidate]) -> None:
        """Put first the sentence holding the form of answer asked for, when the best lacks it."""
        if len(ranked) < 2:
            return
        self.done_first(query, ranked)
        if query.wanted:
            self.current_age_first(query, ranked)
            self.counted_first(query, ranked)
            self.measure_near_first(query, ranked)
        elif query.asks == "who":
            self.named_answer_first(query, ranked)

    def done_first(self, query: Query, ranked: list[Candidate]) -> None:
        """For "when did it open", the first of the next three sentences that says it done ("opened in
        2018") when the best says it only to come ("will open on Saturday"), if it covers the question as
        well and is no headline."""
        done = self.gates(query).done
        if not done[0]:
            return
        best = ranked[0]
        act = act_to_come(done, self.index.sentences[best.sentences[0]].text)
        if act:
            _put_first(ranked, 3, lambda c: self._holds_form(c, best, lambda t: says_done(act, t)))

    def current_age_first(self, query: Query, ranked: list[Candidate]) -> None:
        """For "how old is X" (now, not when something happened), the first of the next four sentences
        that states X's age as it is now ("Penhaligon, 33," or "The 33-year-old", meaning X) when the best
        states none: "made his debut as an 18-year-old" is an age of then."""
        if query.wanted != _AGE_ONLY or not _ASKS_AGE_NOW.search(query.text):
            return
        person = self.gates(query).person
        if not person:
            return
        mine = self._name_words(person)
        if not self._states_age_of(ranked[0].sentences[0], person, mine):
            _put_first(ranked, 4, lambda c: self._states_age_of(c.sentences[0], person, mine))

    def named_answer_first(self, query: Query, ranked: list[Candidate]) -> None:
        """For "who did it", the first of the next three sentences that names someone besides the
        question's when the best names no one ("Who is the comet named after?" of "It is the third comet
        he has helped to confirm"), if it covers the question nearly as well."""
        if not self.gates(query).asks_actor:
            return
        best = ranked[0]
        if self.name_missing(query, best.sentences[0]):
            _put_first(
                ranked,
                3,
                lambda c: c.coverage >= 0.8 * best.coverage and not self.name_missing(query, c.sentences[0]),
            )

    def counted_first(self, query: Query, ranked: list[Candidate]) -> None:
        """For "how many N", the first of the next three sentences that counts N ("The chain now has 38
        restaurants") when the best does not ("The 140-seat restaurant opened"), if it covers the question
        as well and is no headline."""
        if not query.counted:
            return
        counted = self._counted_stems(query)
        sentences = self.index.sentences
        best = ranked[0]
        if not _counts_directly(counted, sentences[best.sentences[0]].text):
            _put_first(ranked, 3, lambda c: self._holds_form(c, best, lambda t: _counts_directly(counted, t)))

    def measure_near_first(self, query: Query, ranked: list[Candidate]) -> None:
        """For "how much" a sum of money, or "how long" a length or a time, the first of the next two
        sentences that states one within a few words of a word of the question ("£25,000 for his win",
        "Each rope is 20 metres long") when the best states none so ("Total prize money for the race was
        £120,000"), if it covers the question as well and is no headline."""
        kinds = query.wanted
        if kinds not in _MEASURES:
            return
        anchors = frozenset(
            t.key for t in query.terms if not t.entity and not t.light and t.key not in _MONEY_STEMS
        )
        if not anchors:
            return
        sentences = self.index.sentences

        def near(sentence: int) -> bool:
            # the kinds a sentence states are read at build: most hold none asked, and are not read again
            s = sentences[sentence]
            return not kinds.isdisjoint(s.quantities) and _sum_near(anchors, s.text, kinds)

        best = ranked[0]
        if not near(best.sentences[0]):
            _put_first(ranked, 2, lambda c: self._holds_form(c, best, lambda _: near(c.sentences[0])))

    def _holds_form(self, c: Candidate, best: Candidate, form: Callable[[str], bool]) -> bool:
        """Whether *c* covers the question as well as *best*, is no headline, and its sentence has *form*."""
        s = self.index.sentences[c.sentences[0]]
        return c.coverage >= best.coverage and not s.is_headline and form(s.text)

    def _states_age_of(self, sentence: int, person: str, mine: frozenset[str]) -> bool:
        """Whether the sentence gives the person's age as a name's apposition or description ("X, 33,",
        "33-year-old X"), or opens on "The 33-year-old" meaning them."""
        s = self.index.sentences[sentence]
        if person not in s.entities:
            return False
        if _OPENING_AGE.match(s.text):
            return not _opening_age_of_another(s.text, mine)
        owners = _age_owners(s.text)
        return owners is not None and any(not mine.isdisjoint(map(stem, words)) for words in owners)
