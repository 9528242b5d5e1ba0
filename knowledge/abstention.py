"""The abstention rules of Matcher.swapped, as SQuAD 2.0's unanswerable questions are made: the methods
of Matcher that read the best sentence against the question, as the AbstentionRules mixin."""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

from . import coref
from .entities import may_be_personal
from .gazetteer import TITLE_WORDS, first_names
from .index import YEAR
from .lemmas import lemma
from .lexicon import PLACE_KINDS, antonyms, converses, ergative_verbs, person_nouns, synonyms
from .quantities import CARDINAL_WORDS
from .question import (
    _ASKING_WHICH,
    _CAPITALS,
    _DEMONYMS,
    _TITLE_TOKENS,
    RELATED_KEPT,
    Query,
    Term,
    _capitalised,
    _content_stem,
    _QuestionGates,
)
from .swap_rules import (
    _ACTING_KINDS,
    _AGED,
    _AGENT_KINDS,
    _AGENT_MARKS,
    _ASKING_WORDS,
    _ASKS_NAME,
    _ASKS_ORIGIN,
    _ASKS_WHO_THE,
    _AUXILIARIES,
    _BARE_COUNT,
    _BE,
    _BEFORE_ACT,
    _BEING,
    _CAPITALISED_WORD,
    _COMPARED_FIGURE,
    _COMPARED_NAME,
    _DENYING,
    _DETERMINERS,
    _DID,
    _DIGIT,
    _GROUPS_OF_PEOPLE,
    _HELPING,
    _IN_ORDER,
    _INNER_PAUSE,
    _MODIFIER_KINDS,
    _MONTH_WORDS,
    _NAMED_KINDS,
    _NAMED_NOUNS,
    _NAMING,
    _NAMING_AFTER,
    _NEGATED_GLUE,
    _NOT_MODIFIERS,
    _OBJECT_KINDS,
    _OLD,
    _OPENING_PRONOUN,
    _OWNER,
    _PAUSE,
    _PEOPLE_COUNTED,
    _PERSONAL,
    _POSSESSIVE,
    _QUOTE_MARKS,
    _SAYING,
    _SAYS_ORIGIN,
    _SUBJECT_PRONOUNS,
    _SWAP_PREPOSITIONS,
    _SYMMETRIC,
    _THIRD_PERSON,
    _TITLE_STEMS,
    _UNTIL,
    _WHICH_ONES,
    _WHICH_TIME,
    ACT_ALIKE_COSINE,
    ALIKE_NAMES_COSINE,
    COUNTED_ALIKE_COSINE,
    FORM_WORDS,
    NEIGHBOUR_ALIKE_COSINE,
    QUALIFIERS,
    SAYS_POST_START,
    SUPERLATIVES,
    _after_auxiliary,
    _age_owners,
    _approval_unsaid,
    _count_given,
    _counts,
    _counts_asked,
    _degree,
    _forms_asked,
    _future_unsaid,
    _kind_unnamed,
    _measured,
    _month_days,
    _name_runs,
    _negation_added,
    _next_stem,
    _numbered_names,
    _numeric,
    _only_the_total,
    _opening_age_of_another,
    _opposite_qualifier,
    _part_of_total,
    _post_start_asked,
    _qualifiers_asked,
    _quantities_asked,
    _quoted_phrases,
    _relative_missing,
    _says_no,
    _superlative_reversed,
    _superlatives_asked,
    _swapped_alternative,
    _swapped_count,
    _swapped_date,
    _swapped_day,
    _swapped_dimension,
    _swapped_measure,
    _swapped_quantity,
    _unnamed_asked,
    _verbal,
    _which_noun,
    _who_is,
    act_only_described,
    act_to_come,
    done_asked,
    name_asked_of,
    numbers_after,
)
from .text import STOPWORDS, fold, is_english_word, stem, tokens, word_gaps
from .wordvectors import cosine, default_vectors

# a sentence holding a pronoun, "that" and a noun, or "the" and a word for a body or a place may mean the
# question's name ("The company raised £160 million", "It also plans to invest £11.5 million", "there")
_REFERS_BACK = re.compile(
    r"\W*(?:It|Its|They|Their|There)\b"
    r"|.*\b(?:it|its|there|he|she|we|they|(?:that|those|this|these) [a-z]+|the (?:company|group|firm|country|"
    r"continent|site|city|town|region|state|charity|council|club|team|trust|university|business|authority|"
    r"local authority|government|agency|start-up|studio|brewery|plant|factory|home|board))\b",
    re.S | re.I,
)
_MANY = frozenset({"many", "much"})
_PERSON = frozenset({"person"})
_WHERE_IN = (["where", "in"], ["whereabouts", "in"])
_IS_THERE = frozenset({"is", "are", "will", "was", "were"})
# words before the thing "is there" asks of: "is there gonna be a", "is there any"
_BEFORE_THING = frozenset("gonna going any some still also even really actually another other more".split())
# "what did X say about it", "what does X think": what a person said is asked
_ASKS_SAID = re.compile(
    r"^\W*what (?:did|does|has|do|had) .+? (?:say|said|tell|told|think|claim|add|reveal|write|wrote)\b", re.I
)
_NOTHING_DONE: tuple[str, tuple[str, ...]] = ("", ())
# the openings of questions _counts_asked may read a place or giver of ("who" and "which" lost as many
# right answers as they caught)
_OF_ONE = (["how"], ["when"], ["what"])
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|of|from|near|for|with|to|on|by|across)\s*$", re.I)
# before the noun, words that pick out no one of its kind: "a local primary school"
_UNPICKING = _DETERMINERS | frozenset("local nearby small large big major minor several some unnamed".split())
YES_NO_OPENERS = _AUXILIARIES | _BEING  # a question opening with one asks yes or no
_PLACE_PREPOSITIONS = frozenset(map(stem, ("above", "below", "beneath", "under", "over")))
# one of them not before a name: "above normal", "under budget", "over 40"
# staying open until a time says when a place closes (opposite_said)
def _only_compared(text: str, words: set[str]) -> bool:
    """Whether the stems *words* stand in *text* only where it says what a figure is set against."""
    if not _COMPARED_FIGURE.search(text):
        return False
    return words.isdisjoint(stem(w) for w in tokens(_COMPARED_FIGURE.sub(" ", text)))


_OPEN_UNTIL = re.compile(
    r"\b(?:stay|stays|stayed|remain|remains|remained|kept|keep|be)\s+open\s+(?:until|till)\b", re.I
)
_PREPOSITION_AS_WORD = re.compile(r"\b(?i:above|below|beneath|under|over)\b(?!\s+(?:the\s+)?[A-Z])")


# another_named_before: the kinds of name it reads, how far back, how often an article names its subject
_BEFORE_KINDS = frozenset({"other", "place", "organisation", "country"})
_LOOK_BACK = 3
_MUCH_NAMED = 4
# "Workers there", "we see growth" (the firm quoted), "If he doesn't play": words that may mean the name
_MAY_MEAN_A_NAME = re.compile(r"\b(?:there|we|our|us|he|she|his|her|him|they|their|them)\b", re.I)


# "in which county", "from what country": the words before a kind of place asked (place_unnamed), and the
# kinds of entity that may be such a place ("Shropshire" is an "other")
_BEFORE_PLACE_ASKED = frozenset({"in", "from", "to", "into", "near", "at", "across"})
_PLACE_NAMED = frozenset({"place", "country", "other"})
# "which company", "what charity": asked for an organisation's name (organisation_unnamed)
_ORGANISATION_ASKED = frozenset(
    """company companies firm firms organisation organization charity agency bank airline university
    college hospital newspaper journal publisher broadcaster team club party union council studio
    developer retailer manufacturer maker brand supermarket operator insurer lender regulator""".split()
)
_ORGANISATION_KINDS = frozenset({"organisation", "other", "place"})

_WHICH_WHAT = (["which"], ["what"])
# "what dose", "which breed": what the question asks is an attribute the sentence must name, or one like it
_ATTRIBUTES_ASKED = frozenset(
    """colour color colours colors speed resolution dose dosage grade language languages breed flavour flavor
    flavours flavors model version salary wage fee fees genre subject subjects format channel platform
    platforms rocket rockets make architect architects contractor contractors label councillors emperor
    fine engine app website song songs prize supermarkets games wavelength payload""".split()
)
# "what is the average age", "what was its wingspan": the attribute asked after "the" (asked_kind_missing)
_BEING_NOW = frozenset({"is", "was", "are", "were", "s"})
_OWNING = frozenset({"the", "its", "their", "his", "her"})
_ATTRIBUTES_OF = _ATTRIBUTES_ASKED | frozenset(
    """average median wingspan phone interest capacity weather address diameter specificity sensitivity
    survival magnitude occupancy salinity temperature weight speed names top mass thrust""".split()
)
_FORM_ATTRIBUTES = frozenset({"names"})  # attributes the question's reading keeps no term of
# an attribute a sentence may state by its unit alone (asked_kind_missing)
_STATED_AS = {
    "speed": re.compile(r"\bper (?:second|hour|minute)\b|\b(?:mph|km/h|kph|knots)\b", re.I),
    "temperature": re.compile(r"\d\s?(?:°|degrees?\b|[CF]\b)", re.I),
    "resolution": re.compile(r"\b\d{3,4}p\b|\b[48]K\b|\bmegapixels?\b|\bpixels\b", re.I),
}

_SINCE_OR_IN = frozenset({"since", "in"})  # "have not won since 2008", "not lost in 14 months"
_ACTOR_KINDS = frozenset({"person", "country", "organisation", "other"})  # a town does nothing
_NO_SCALE: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())  # no superlative asked


class AbstentionRules:
    """Matcher's abstention rules (swapped and every rule it calls); a mixin of Matcher, whose __init__
    makes the index and the caches these methods read."""

    def swapped(self, query: Query, sentence: int) -> bool:
        """Whether the best sentence answers another question than the one asked, as SQuAD 2.0's
        unanswerable questions are made: another person, name, time or count, the other role, an
        opposite, a denial, or no name when a name is asked (the rules below); the bot abstains.
        Each rule the question gives nothing to check (gates) does not read the sentence."""
        text = self.index.sentences[sentence].text
        gates = self.gates(query)
        return (
            self.swapped_name(query, sentence)
            or _swapped_date(query.text, text)
            or self.year_elsewhere(query, sentence)
            or _swapped_alternative(query.text, text)
            or _relative_missing(query.text, text)
            or _future_unsaid(query.text, text)
            or (gates.asks_name and _unnamed_asked(query.text, text))
            or (gates.negated and _negation_added(query.text, text))
            or (bool(gates.counts) and _swapped_count(gates.counts, text))
            or (bool(gates.measured) and _swapped_measure(gates.measured, text))
            or (bool(gates.month_days) and _swapped_day(gates.month_days, text))
            or (bool(gates.opposed) and self.opposite_said(query, sentence))
            or (gates.role is not None and self.role_swapped(query, sentence))
            or self.swapped_modifier(query, sentence)
            or self.swapped_agent(query, sentence)
            or self.another_person_acts(query, sentence)
            or (bool(gates.acts) and self.opposite_act(query, sentence))
            or (bool(gates.person) and self.about_another_person(query, sentence))
            or (bool(gates.person) and self.age_of_another(query, sentence))
            or (bool(gates.person) and self.said_by_another(query, sentence))
            or self.about_another_country(query, sentence)
            or (bool(query.entities) and self.about_another_name(query, sentence))
            or (bool(query.entities) and self.another_named_before(query, sentence))
            or (bool(gates.objects) and self.swapped_object(query, sentence))
            or (len(query.name_spans) > 1 and self.order_swapped(query, sentence))
            or (bool(gates.models) and self.swapped_model(query, sentence))
            or (gates.asks_what and self.denied(query, sentence))
            or (gates.asks_name and self.name_missing(query, sentence))
            or (gates.asks_name and self.person_unnamed(query, sentence))
            or (gates.asks_actor and self.actor_missing(query, sentence))
            or (gates.asks_who_the and self.nobody_named(query, sentence))
            or (gates.asks_actor and self.act_missing(query, sentence))
            or (query.asks == "where" and self.origin_missing(query, sentence))
            or (bool(gates.forms) and any(not said.search(text) for said in gates.forms))
            or (bool(gates.totals[0]) and _part_of_total(gates.totals[0], text))
            or (bool(gates.totals[0]) and self.asked_of_unnamed(query, gates.totals[0], sentence))
            or (bool(gates.totals[1]) and _only_the_total(gates.totals[1], text))
            or (bool(gates.superlatives[0]) and _superlative_reversed(gates.superlatives, text))
            or (bool(gates.qualifiers) and _opposite_qualifier(gates.qualifiers, text))
            or (bool(gates.quantities) and _swapped_quantity(gates.quantities, text))
            or (query.asks == "how" and _swapped_dimension(query.text, self.index.sentences[sentence].text))
            or (bool(gates.which) and self.which_unpicked(query, gates.which, sentence))
            or self.organisation_unnamed(query, sentence)
            or self.place_unnamed(query, sentence)
            or (query.toks[1:2] == ["there"] and self.thing_there_missing(query, sentence))
            or _kind_unnamed(query.text, text)
            or (query.asks == "when" and _approval_unsaid(query.text, text))
            or (bool(gates.done[0]) and bool(act_to_come(gates.done, text)))
            or (bool(gates.done[0]) and act_only_described(gates.done, text))
            or (bool(gates.neighbours) and self.swapped_neighbour(query, gates.neighbours, sentence))
            or (bool(gates.quoted) and self.quote_missing(query, sentence))
            or (bool(query.counted) and self.counted_missing(query, sentence))
            or (bool(query.counted) and not _count_given(self._counted_stems(query), text))
            or (query.toks[:1] in _WHICH_WHAT and self.asked_kind_missing(query, sentence))
        )

    def gates(self, query: Query) -> _QuestionGates:
        """What the rules of swapped read of the question, read when first asked and kept on it."""
        if query.gates is None:
            text = query.text
            toks = query.toks or tokens(text)
            negated = _says_no(toks)
            counted = _DIGIT.search(text) is not None or not CARDINAL_WORDS.isdisjoint(toks)
            opposites = antonyms()
            opposable = [t for t in query.terms if not t.entity and t.key in opposites]
            opposed: tuple = ()
            # "who isn't able to" asks for the "unable"; "is the shop closing" is answered by "open"
            if opposable and not negated and toks and toks[0] not in YES_NO_OPENERS:
                keys = {t.key for t in query.terms}
                stems = list(map(stem, toks))
                opposed = tuple(
                    (t.key, t.alternatives, opposites[t.key], _next_stem(stems, toks, t.key))
                    for t in opposable
                    if opposites[t.key].isdisjoint(keys)
                )
            query.gates = _QuestionGates(
                negated=negated,
                counts=frozenset(_counts(text)) if counted else frozenset(),
                measured=_measured(text) if " of " in text else frozenset(),
                month_days=frozenset(_month_days(text)) if not _MONTH_WORDS.isdisjoint(toks) else frozenset(),
                asks_name=("name" in toks or "names" in toks) and bool(_ASKS_NAME.search(text)),
                asks_actor=toks[:1] == ["who"]
                and toks[1:2] != []
                and toks[1] not in _BEING
                and not _who_is(text),
                asks_who_the=_ASKS_WHO_THE.match(text) is not None,
                asks_what=not negated and toks[:1] in _ASKING_WORDS,
                opposed=opposed,
                role=self._asked_role(query, toks),
                quoted=_quoted_phrases(text) if _QUOTE_MARKS.search(text) else (),
                person=(person := self._asked_person(query)),
                acts=self._asked_acts(query),
                objects=self._asked_objects(query),
                models=_numbered_names(text) if counted else (),
                which=_which_noun(toks),
                neighbours=self._asked_neighbours(query),
                forms=self._forms_asked(query, toks, person),
                totals=_counts_asked(text) if toks[:1] in _OF_ONE or not _MANY.isdisjoint(toks) else ("", ""),
                superlatives=_superlatives_asked(text) if not SUPERLATIVES.isdisjoint(toks) else _NO_SCALE,
                qualifiers=_qualifiers_asked(toks) if not QUALIFIERS.isdisjoint(toks) else (),
                quantities=_quantities_asked(text) if counted else (),
                done=done_asked(text) if "when" in toks[:3] else _NOTHING_DONE,
            )
        return query.gates

    @staticmethod
    def _forms_asked(query: Query, toks: list[str], person: str) -> tuple[re.Pattern[str], ...]:
        """gates.forms: the words a sentence must say to answer the form of fact asked (_forms_asked), and
        when a person took a post (_post_start_asked); most questions hold no word of any form (speed)."""
        if FORM_WORDS.isdisjoint(toks):
            return ()
        text = query.text
        forms = _forms_asked(text)
        if person and _post_start_asked(text, coref.ROLE_NOUNS):
            forms += (SAYS_POST_START,)
        return forms

    def denied(self, query: Query, sentence: int) -> bool:
        """Whether the sentence denies what a question with no negation asks about (a "who", "what",
        "when"... question: a yes-no question is answered by the denial), and does not assert it too ("Who
        pleaded guilty?" of "Noel and Thomas pleaded not guilty";
        "What is the best thing for the brand?" of "that's not the best thing for the brand")."""
        denied = self._denials(sentence)
        asked = query.toks or ()
        if denied and ("last" in asked or ("since" in asked and "long" in asked)):
            # "When did the Mariners last win a series?" of "have not won a series since 2016": when last;
            # "how long since helix lost a bo5" of "had not lost a best-of-five series in 14 months"
            toks = self._sentence_words(sentence)
            denied = {i: w for i, w in denied.items() if _SINCE_OR_IN.isdisjoint(toks[i + 1 : i + 12])}
        if not denied:
            return False
        stems = self._stemmed_tokens(sentence)
        keys = {t.key for t in query.terms if not t.entity}
        said = {w for i, w in enumerate(stems) if i not in denied}
        return any(k in keys and k not in said for k in denied.values())

    def _denials(self, sentence: int) -> dict[int, str]:
        """Position -> stem of each word of the sentence that a negation denies ("did not accept")."""
        toks = self._sentence_words(sentence)
        if _DENYING.isdisjoint(toks) and "t" not in toks:
            return {}  # no negation to read (speed: most sentences)
        stems = self._stemmed_tokens(sentence)
        denied: dict[int, str] = {}
        for i, w in enumerate(toks):
            if w in _DENYING or (w == "t" and i and toks[i - 1].endswith("n")):  # "didn't": "didn", "t"
                ahead = range(i + 1, min(i + 5, len(toks)))
                at = next((j for j in ahead if toks[j] not in _NEGATED_GLUE), None)
                if at is not None and _UNTIL.isdisjoint(toks[at + 1 : at + 5]):
                    denied[at] = stems[at]  # (not "will not begin until": it begins then)
        return denied

    def swapped_modifier(self, query: Query, sentence: int) -> bool:
        """Whether the sentence puts another name of the kind of the question's right before the word
        the question's stands before ("the American manufacturer" of "the French manufacturer", of
        countries and organisations), or right after the word it stands after ("observe Enceladus" of
        "observed Europa"; see _may_swap)."""
        s = self.index.sentences[sentence]
        known = self.index.entities
        stems = self.index.sentence_fixed(sentence).stems
        for eid, before, after in query.name_neighbours:
            if eid in s.entities or eid not in known:
                continue
            kind = known[eid].kind
            for other in s.entities:
                if other in query.entities or other not in known or known[other].kind != kind:
                    continue
                if self._demonym(other):
                    continue  # "a North American tour" of "the Lantern Singers tour": where, not which
                theirs = self._name_words(other)
                if theirs & self._name_words(eid):
                    continue  # one under two names
                for i, w in enumerate(stems[:-1]):
                    if after and kind in _MODIFIER_KINDS and w in theirs and stems[i + 1] == after:
                        return True
                    if before and w == before and stems[i + 1] in theirs and self._may_swap(eid):
                        return True
        return False

    def _demonym(self, eid: str) -> bool:
        """Whether the name ends in a people's name ("North American", "South African"): it says where
        something is from, not which one of the question's kind it is."""
        return fold(self.index.entities[eid].name.rsplit(" ", 1)[-1]) in _DEMONYMS

    def _may_swap(self, eid: str) -> bool:
        """Whether swapped_modifier reads names of *eid*'s kind as standing for each other: not places
        (they nest: "Southern California", "California"); people are swapped_name's, which asks more of
        them (two capitalised words are not always a person's name)."""
        return self.index.entities[eid].kind not in ("place", "person")

    def role_swapped(self, query: Query, sentence: int) -> bool:
        """Whether the sentence gives a name of the question the other role in the same act ("Who did
        Battin arrest?" of "Officers arrested Battin"; "Who replaced the Normans?" of "The Normans
        replaced the Anglo-Saxons"): it answers another question."""
        asked = self.gates(query).role
        if asked is None:
            return False
        words, verb, role = asked
        if verb in _SYMMETRIC or verb in _SAYING:
            return False  # "Y married X" answers "who did X marry"; "said X" puts its subject last
        toks = self._stemmed_tokens(sentence)
        if verb not in toks:
            return False
        at_verb = [i for i, w in enumerate(toks) if w == verb]
        at_name = _name_runs(toks, words)
        if len(at_verb) != 1 or not at_name:
            return False
        v = at_verb[0]
        if v and toks[v - 1] in _DETERMINERS:
            return False  # "the port of Ostend": a noun, not the question's verb ("did ostend port reopen")
        if verb in _TITLE_STEMS and v + 1 < len(toks) and self._names_person(sentence, toks[v + 1]):
            return False  # "Gulls coach Renata Solberg": a title, not "who coaches the Gulls"
        # the end of a run before the verb, the start of one after it
        e = min((end if end < v else start for start, end in at_name), key=lambda i: abs(i - v))
        if abs(e - v) > 4:
            return False  # another clause, maybe
        # "was founded by", or a participle after the name with its agent: "the Trust, founded in 1981 by"
        passive = any(w in _BE for w in toks[max(0, v - 2) : v]) or (e < v and "by" in toks[v + 1 : v + 6])
        if e < v:
            if any(w not in STOPWORDS and w not in words for w in toks[e + 1 : v]):
                return False  # another name or noun acts ("In a profile of Rutte, analysts described him")
            said = "object" if passive else "subject"
        else:
            said = "subject" if "by" in toks[v:e] else "object"  # "announced by MOTIE": its agent
        return said != role

    def _names_person(self, sentence: int, word: str) -> bool:
        """Whether the stem *word* is a word of the name of a person the sentence names."""
        known = self.index.entities
        return any(
            e in known and known[e].kind == "person" and word in self._name_words(e)
            for e in self.index.sentences[sentence].entities
        )

    def _asked_role(self, query: Query, toks: list[str]) -> tuple[frozenset[str], str, str] | None:
        """(the name's stems, the verb's stem, the name's role) of a question asking "who did NAME
        VERB", "who VERBed NAME", "who was VERBed by NAME" or "when (where, why) did NAME VERB" (*toks*:
        its tokens); None for any other."""
        if len(toks) < 3 or not query.entities:
            return None
        first, second = toks[0], toks[1]
        if first in ("when", "where", "why") and second in _DID:  # "when did Harold conquer England"
            found = None if _POSSESSIVE.search(query.text) else self._name_at(query, toks, 2)
            if found and found[1] < len(toks):
                if found[1] + 1 == len(toks) and toks[found[1]] in ergative_verbs():
                    return None  # "When did Operation Night Watch begin?" of "the museum began it"
                if found[1] + 1 < len(toks) and not _verbal(toks[found[1]]):
                    return None  # "When did the K2 mission begin?": the name's noun, then its verb
                return found[0], stem(toks[found[1]]), "subject"
            return None
        if first not in ("who", "whom", "what", "which"):
            return None
        if second in _DID:  # "who did Battin arrest": the name acts
            if _POSSESSIVE.search(query.text):
                return None
            found = self._name_at(query, toks, 2)
            if found and found[1] < len(toks):
                if found[1] + 1 < len(toks) and not _verbal(toks[found[1]]):
                    return None  # "What does the PrK tunnel connect?": the name's noun, then its verb
                return found[0], stem(toks[found[1]]), "subject"
        elif second in _BE and len(toks) > 4 and toks[3] == "by":  # "who was arrested by Battin"
            found = self._name_at(query, toks, 4)
            if found:
                return found[0], stem(toks[2]), "subject"
        elif second not in STOPWORDS:  # "who arrested Battin": the name is acted on
            found = self._name_at(query, toks, 2)
            if found:
                return found[0], stem(second), "object"
        return None

    def _name_at(self, query: Query, toks: list[str], i: int) -> tuple[frozenset[str], int] | None:
        """The stems of the question's name starting at toks[i] (after "the" or a title) and where it
        ends; an initial inside it is part of it ("Christopher D. Battin")."""
        i += toks[i : i + 1] == ["the"]
        if i >= len(toks):
            return None
        for words in [self._name_words(e) for e in query.entities if e in self.index.entities]:
            j = i
            while j < len(toks) and (
                stem(toks[j]) in words
                or (j == i and toks[j] in _TITLE_TOKENS)
                or (len(toks[j]) == 1 and j > i and toks[j + 1 : j + 2] and stem(toks[j + 1]) in words)
            ):
                j += 1
            if j > i and stem(toks[j - 1]) in words:
                return words, j
        return None

    def opposite_said(self, query: Query, sentence: int) -> bool:
        """Whether the sentence says the opposite of a word of the question and not the word ("the
        smallest" of "the largest"), or says it of the thing the question says its word of ("the
        market's low valuations" of "high valuations... low bond yields")."""
        said = self.index.sentence_fixed(sentence).stems
        stems = set(said)
        for key, alternatives, opposite, following in self.gates(query).opposed:
            if opposite.isdisjoint(stems):
                continue
            text = self.index.sentences[sentence].text
            if opposite & stems == {"old"} and not _OLD.search(_AGED.sub("", text)):
                continue  # "a five-month-old male" says an age, not "old" against "young"
            if opposite & stems <= _PLACE_PREPOSITIONS and not _PREPOSITION_AS_WORD.search(text):
                continue  # "the station above Davos" says where, not "above normal"
            if opposite & stems == {"open"} and _OPEN_UNTIL.search(text):
                continue  # "will stay open until 31 March" says when it closes
            if _only_compared(text, opposite & stems):
                continue  # "62 spaces, compared with 11 at the old site": the old is what it is set against
            denied = self._denials(sentence)
            if denied and all(
                i in denied for i, w in enumerate(self._stemmed_tokens(sentence)) if w in opposite
            ):
                continue  # the opposite denied is the word: "chose not to accept" for "refuse"
            if key not in stems and alternatives.isdisjoint(stems):
                return True
            # the word is said of something else: "low bond yields", "high valuations" for "low valuations"
            if following:
                pairs = list(zip(said, said[1:], strict=False))
                if any(a in opposite and b == following for a, b in pairs) and not any(
                    (a == key or a in alternatives) and b == following for a, b in pairs
                ):  # "the urban routes ... and the rural routes" says both
                    return True
        return False

    def quote_missing(self, query: Query, sentence: int) -> bool:
        """Whether the question quotes words the sentence does not write ("Who called Epstein's death
        'a crisis of public health'?" of "called his death 'a crisis of public trust'")."""
        words = self._sentence_words(sentence)
        return any(
            not any(words[i : i + len(phrase)] == phrase for i in range(len(words) - len(phrase) + 1))
            for phrase in self.gates(query).quoted
        )

    def name_missing(self, query: Query, sentence: int, kinds: frozenset[str] = _NAMED_KINDS) -> bool:
        """Whether the question asks for a name and the sentence names nothing of *kinds* but the question's
        own ("What is the patient's name?" of "The patient was given steroids"; gates.asks_name)."""
        known = self.index.entities
        return not any(
            e not in query.entities and e in known and known[e].kind in kinds
            for e in self.index.sentences[sentence].entities
        )

    def person_unnamed(self, query: Query, sentence: int) -> bool:
        """Whether the question asks the name of a kind of person and the sentence names no person but
        the question's own ("What was the name of the boy who broke his leg?" of "a nine-year-old boy")."""
        asked = name_asked_of(query.text)
        if asked not in person_nouns():
            return False
        text = self.index.sentences[sentence].text
        return self.name_missing(query, sentence, _PERSON) and not _named_right_after(asked, text)

    def nobody_named(self, query: Query, sentence: int) -> bool:
        """Whether "who were the two potential buyers" meets a sentence naming no one (no person, country or
        organisation) the question does not name itself; one the question reaches by a title, "the
        Education Secretary", is an answer."""
        known = self.index.entities
        named = {eid for _, _, eid in query.name_spans}
        return not any(
            e not in named and e in known and known[e].kind in _ACTOR_KINDS
            for e in self.index.sentences[sentence].entities
        )

    def asked_of_unnamed(self, query: Query, named: str, sentence: int) -> bool:
        """Whether "how much did Historic England contribute" (or "how many ... in Canada") meets a sentence
        that names neither that giver nor place, nor refers to it ("The dig was funded by a grant of
        £186,000 from the NLHF"): the sum or count is someone else's."""
        text = self.index.sentences[sentence].text
        if named in text or _REFERS_BACK.match(text):
            return False  # "The company raised £160 million", "It was also ordered to pay": whose it is
        words = {stem(w) for w in tokens(named) if w not in STOPWORDS}
        known = self.index.entities
        asked = [e for e in query.entities if e in known and words & self._name_words(e)]
        return bool(asked) and not any(e in self.index.sentences[sentence].entities for e in asked)

    def asked_kind_missing(self, query: Query, sentence: int) -> bool:
        """Whether "what N" or "which N", N an attribute (_ATTRIBUTES_ASKED), meets a sentence with no N nor a
        word that may stand for it ("What dose of veltorasib did patients take?" of its side effects)."""
        toks = query.toks
        if len(toks) >= 3 and toks[1] in _ATTRIBUTES_ASKED:
            asked = toks[1]
        elif len(toks) >= 5 and toks[1] in _BEING_NOW and toks[2] in _OWNING and toks[3] in _ATTRIBUTES_OF:
            asked = toks[3]  # "what is the average age", "what was its wingspan"
        else:
            return False
        key = stem(asked)
        term = next((t for t in query.terms if t.key == key and not t.entity), None)
        if term is None and asked in _FORM_ATTRIBUTES:
            term = Term(key, 1.0, False)  # "what are the names of": a form word, read as no term
        if term is None or self._holds_any([term], sentence):
            return False
        stated = _STATED_AS.get(asked)
        if stated is not None and stated.search(self.index.sentences[sentence].text):
            return False  # "what speed was reached" of "reached 2.5 gigabits per second"
        return not self._near_in_meaning([asked], sentence, COUNTED_ALIKE_COSINE)

    def counted_missing(self, query: Query, sentence: int) -> bool:
        """Whether the sentence never names what a "how many" question counts, nor a word that may
        stand for it ("How many stumps were destroyed?" of "the rockfall destroyed 40 metres of track";
        "vessels" may stand for "ships", "trout" for "fish")."""
        counted = query.counted
        if self._holds_any([t for _, t in counted], sentence):
            return False
        named = self.index.sentences[sentence].entities
        toks = query.toks
        for a, _b, eid in query.name_spans:
            if a >= 2 and toks[a - 2] == "how" and toks[a - 1] == "many" and eid in named:
                return False  # "How many TB cases" of "62 people ... developed active TB"
        text = self.index.sentences[sentence].text
        if _BARE_COUNT.search(text):
            return False  # "Nine had been discharged": what it counts is said before
        if _PEOPLE_COUNTED.search(text) and any(
            lemma(w) in person_nouns() or w in _GROUPS_OF_PEOPLE for w, _ in counted
        ):
            return False  # "how many staff" of "about 120 people had been offered jobs"
        return not self._near_in_meaning([w for w, _ in counted], sentence, COUNTED_ALIKE_COSINE)

    @staticmethod
    def _counted_stems(query: Query) -> frozenset[str]:
        """The stems a "how many" question counts by: the word's, its kin's and its synonyms'."""
        return frozenset().union(*({t.key} | t.alternatives | t.kin for _, t in query.counted))

    def origin_missing(self, query: Query, sentence: int) -> bool:
        """Whether a question asking where a person is from meets a sentence that says no origin ("Where
        is Tomás Ferreira from?" of "stroked by engineering student Tomás Ferreira"). A thing's origin
        is said in too many ways ("named after", "based in", "came through")."""
        if not _ASKS_ORIGIN.search(query.text):
            return False
        known = self.index.entities
        if not any(e in known and known[e].kind == "person" for e in query.entities):
            return False
        return not _SAYS_ORIGIN.search(self.index.sentences[sentence].text)

    def act_missing(self, query: Query, sentence: int) -> bool:
        """Whether a "who did it" question meets a sentence that never says the act, nor a word that may
        stand for it ("Who designed the altitude sensor?" of "its altitude sensor misread the height";
        "noticed" may stand for "spotted", "sold" for "bought"): it says who did something else."""
        toks = query.toks
        at = 1
        while at < len(toks) and toks[at] in _BEFORE_ACT:
            at += 1
        if at >= len(toks) or toks[at] in STOPWORDS or len(toks[at]) < 3:
            return False
        verb = toks[at]
        term = next((t for t in query.terms if t.key == stem(verb) and not t.entity), None)
        if term is None or term.light:
            return False  # "who got sacked", "who made the pump": a light verb says little of the act
        return not self._act_said(query, verb, term, sentence)

    def _act_said(self, query: Query, verb: str, term: Term, sentence: int) -> bool:
        """Whether the sentence says the act of *verb*: the word or its kin, a word near in meaning, or
        what it was done to with its doer after "by", "from" or "under" ("a study by the WWA group")."""
        if self._holds_any([term], sentence):
            return True
        words = self._sentence_words(sentence)
        objects = {t.key for t in query.terms if not t.entity} - {term.key}
        for i, w in enumerate(words[:-1]):
            if words[i + 1] in _AGENT_MARKS and stem(w) in objects:
                return True
        return self._near_in_meaning([verb], sentence, ACT_ALIKE_COSINE)

    def _holds_any(self, terms: list[Term], sentence: int) -> bool:
        """Whether the sentence holds one of *terms*: its word, kin or synonyms."""
        held = self.index.sentence_fixed(sentence).stem_set.split()
        return any(t.key in held or not t.alternatives.isdisjoint(held) for t in terms)

    def _near_in_meaning(self, words: list[str], sentence: int, at: float) -> bool:
        """Whether a word of the sentence is near one of *words* in meaning (word vectors' cosine *at* or
        more), or the vectors know none of *words*: then nothing tells them apart."""
        vectors = default_vectors()
        mine = [v for w in words if (v := vectors.vec(w)) is not None]
        if not mine:
            return True
        for w in self._sentence_words(sentence):
            theirs = vectors.vec(w) if w not in STOPWORDS else None
            if theirs is not None and any(cosine(m, theirs) >= at for m in mine):
                return True
        return False

    def actor_missing(self, query: Query, sentence: int) -> bool:
        """Whether a "who did it" question meets a sentence where no one does it: no name beyond the
        question's, no one speaking, no "he" or "they" ("Who designed the dam?" of "the cabinet approved
        the dam"; "Who repainted the bridge?" of "The bridge has been repainted")."""
        # "who" is no town ("Who founded Myocardis?" of "Myocardis, based in Göttingen"); "which" may be
        kinds = _ACTOR_KINDS if query.text.lstrip().lower().startswith("who") else _NAMED_KINDS
        if not self.name_missing(query, sentence, kinds):
            return False
        text = self.index.sentences[sentence].text
        if _QUOTE_MARKS.search(text) or _PERSONAL.search(text):
            return False
        # the agent of a passive ("will be used mainly by undergraduates") did it
        words = self._sentence_words(sentence)
        people = person_nouns()
        for i, w in enumerate(words):
            if w == "by" and any(lemma(v) in people for v in words[i + 1 : i + 4]):
                return False
            # so did people described who do it: "The two board members who voted against the plan"
            if w == "who" and i and lemma(words[i - 1]) in people:
                return False
        return True

    def _asked_neighbours(self, query: Query) -> tuple[tuple[str, str, frozenset[str], str], ...]:
        """gates.neighbours: each everyday word right before another word of the question (no glue word
        or comma between), with the stems it matches by (the word's, its synonyms', its forms')."""
        terms = {t.key: t for t in query.terms if not t.entity}
        if len(terms) < 2:
            return ()
        every = tokens(query.text)
        at = [i for i, t in enumerate(every) if t not in STOPWORDS]  # where each content word stands
        toks = [every[i] for i in at]
        # speed: a comma or a dash between two words the tokens alone cannot tell; most questions have none
        gaps = word_gaps(query.text) if _INNER_PAUSE.search(query.text) else None
        whose = _WHICH_ONES.findall(query.text)
        folded = fold(query.text)
        apostrophe = "'" in query.text or "\u2019" in query.text
        owners = {fold(w) for w in _OWNER.findall(query.text)} if apostrophe else set()
        found = []
        for i in range(len(toks) - 1):
            word, a, b = toks[i], at[i], at[i + 1]
            term = terms.get(key := stem(word))
            if term is None or b != a + 1 or word in _NOT_MODIFIERS or word in CARDINAL_WORDS:
                continue
            if (gaps is not None and gaps[i].strip(" -")) or not is_english_word(word):
                continue
            if _degree(word):
                continue  # "the company's best year" of "the peak year"
            if _verbal(word) or (a and every[a - 1] in ("to", "who")):
                continue  # a verb ("did graham get backlash", "who scored late") names no kind of thing
            if whose and word in [fold(w) for w in whose]:
                continue  # whose it is is asked ("which country's expansion"), not a kind of the thing
            if _after_auxiliary(every, a) and (b + 1 == len(every) or every[b + 1] in STOPWORDS):
                continue  # "did the clinic cost", "did the team use it": a subject and its verb
            if i + 1 == len(toks) - 1 and _verbal(toks[i + 1]):
                continue  # "does the oldest wolf weigh": a subject and the verb ending the question
            if word in owners:
                continue  # "the factory's annual output": whose it is, not a kind of output
            if toks[i + 1] in _WHICH_TIME:
                continue  # "the lighthouse last year": the word after says when, it is no thing
            if f"-{word}" in folded:
                continue  # "long-term empty homes": the end of a compound is no modifier alone
            found.append((word, key, term.alternatives | {key}, stem(toks[i + 1])))
        return tuple(found)

    def swapped_neighbour(
        self, query: Query, asked: tuple[tuple[str, str, frozenset[str], str], ...], sentence: int
    ) -> bool:
        """Whether the sentence puts another everyday word right before the word the question's stands
        before, and lacks the question's ("How long did quiet sleep episodes last?" of "Active sleep
        episodes lasted about 70 seconds"): it is about another kind of the thing."""
        text = self.index.sentences[sentence].text
        stems = self.index.sentence_fixed(sentence).stems
        present = set(stems)
        asked_stems = {t.key for t in query.terms} | {stem(w) for w in query.words}
        words: list[str] = []  # the sentence's content words, gaps and names: read when first needed
        for word, _key, matched, after in asked:
            if after not in present or not matched.isdisjoint(present):
                continue
            if not words:
                words = [t for t in tokens(text) if t not in STOPWORDS]
                gaps = word_gaps(text)
                names = self._sentence_name_words(sentence)
            if len(words) != len(stems):
                return False
            for i in range(1, len(stems)):
                other = stems[i - 1]
                if stems[i] != after or other in asked_stems or other in names:
                    continue  # a name is other rules' ("the Halifax explosion", "Manchester United")
                if gaps[i - 1].strip(" -"):
                    continue  # a glue word or a comma between: not one phrase
                if i > 1 and gaps[i - 2] == "-":
                    continue  # "an out-of-competition sample": the end of a compound is no kind alone
                if word not in _IN_ORDER and (
                    _numeric(words[i - 1]) or (i > 1 and _numeric(words[i - 2]) and gaps[i - 2] == "-")
                ):
                    continue  # "two members", "2.3 million people", "the A615 road", "a 28-hectare site"
                    # name no kind of the thing; "the second engine" of "one of four engines" does
                if not self._alike_words(word, words[i - 1]):
                    return True
        return False

    def _sentence_name_words(self, sentence: int) -> frozenset[str]:
        """The stems of the words naming the sentence's entities."""
        return frozenset().union(*(self._name_words(e) for e in self.index.sentences[sentence].entities))

    def _alike_words(self, word: str, other: str) -> bool:
        """Whether two words may say the same: synonyms, one typed for the other, or near in meaning."""
        if stem(other) in synonyms().get(stem(word), ()) or stem(word) in synonyms().get(stem(other), ()):
            return True
        if OSA.distance(word, other, score_cutoff=1) <= 1:
            return True
        vectors = default_vectors()
        a, b = vectors.vec(word), vectors.vec(other)
        return a is None or b is None or cosine(a, b) >= NEIGHBOUR_ALIKE_COSINE

    def which_unpicked(self, query: Query, noun: str, sentence: int) -> bool:
        """Whether a "which N" question meets a sentence that says of N nothing that picks one out: no
        name or number beyond the question's own, and N only after "a" or "the" ("Which drug would be
        used?" of "a drug would be administered"; "Bank and financial stocks" picks some out)."""
        if not self.name_missing(query, sentence):
            return False
        text = self.index.sentences[sentence].text
        named_kind = not _NAMED_NOUNS.isdisjoint(noun.split())  # a number picks out no company or city
        if not named_kind and _DIGIT.search(text):
            return False
        toks = tokens(text)
        if not named_kind and not CARDINAL_WORDS.isdisjoint(toks):
            return False
        if _NAMING.search(text):
            return False  # 'a childhood game called "duck on a rock"' picks one out by its name
        asked = set(query.toks)
        nouns = noun.split()
        for i, w in enumerate(toks):
            if stem(w) in nouns and i and toks[i - 1] not in _UNPICKING and toks[i - 1] not in asked:
                return False
        return True

    def organisation_unnamed(self, query: Query, sentence: int) -> bool:
        """Whether "which company" or "what charity" meets a sentence naming no organisation beyond the
        question's own ("Which company built the solar array?" of "plants built by mining companies")."""
        toks = query.toks
        if len(toks) < 3 or toks[0] not in _ASKING_WHICH or toks[1] not in _ORGANISATION_ASKED:
            return False
        if toks[2] not in STOPWORDS and not _verbal(toks[2]):
            return False  # "which council members voted": the members are asked for, not a council
        known = self.index.entities
        record = self.index.sentences[sentence]
        return not any(
            e not in query.entities
            and e in known
            and (self._may_be_organisation(e) or _named_as(known[e].name, toks[1], record.text))
            for e in record.entities
        )

    def place_unnamed(self, query: Query, sentence: int) -> bool:
        """Whether "which county" or "in what city" meets a sentence naming no place beyond the question's
        own ("What county is Fenmoor in?" of "the declaration at Fenmoor Leisure Centre")."""
        toks = query.toks
        known = self.index.entities
        at = 1 if toks[:1] and toks[0] in _BEFORE_PLACE_ASKED else 0
        if toks[:2] in _WHERE_IN:  # "where in Devon was the release site": a place inside a named one
            if not any(e in known and known[e].kind in _PLACE_NAMED for e in query.entities):
                return False
        elif len(toks) < at + 2 or toks[at] not in _ASKING_WHICH or toks[at + 1] not in PLACE_KINDS:
            return False
        asked = {stem(t) for t in toks if t not in PLACE_KINDS}  # "fenmoor" may be no entity: its words are
        return not any(
            e not in query.entities and e in known and known[e].kind in _PLACE_NAMED
            and asked.isdisjoint(self._name_words(e))
            for e in self.index.sentences[sentence].entities
        )

    def thing_there_missing(self, query: Query, sentence: int) -> bool:
        """Whether "is there a bar" meets a sentence that never says the thing asked of, nor a word that may
        stand for it ("is there a veggie option" of "Among the options is moving the race")."""
        toks = query.toks
        if toks[0] not in _IS_THERE:
            return False
        thing = next((t for t in toks[2:] if t not in STOPWORDS and t not in _BEFORE_THING), "")
        term = next((t for t in query.terms if t.key == stem(thing) and not t.entity), None)
        if term is None or term.light:
            return False
        return not self._holds_any([term], sentence) and not self._near_in_meaning(
            [thing], sentence, COUNTED_ALIKE_COSINE
        )

    def _may_be_organisation(self, eid: str) -> bool:
        """Whether the entity may name an organisation: one, a place or other name ("Royal Derby Hospital"),
        or a "person" of three words or ending in a word of the dictionary ("Devon Wildlife Trust")."""
        entity = self.index.entities[eid]
        if entity.kind in _ORGANISATION_KINDS:
            return True
        words = tokens(entity.name)
        return entity.kind == "person" and (len(words) > 2 or is_english_word(words[-1]))

    def swapped_name(self, query: Query, sentence: int) -> bool:
        """Whether the sentence puts another person where the question has its own ("When is Rutte due
        to step down?" of "Stoltenberg is due to step down"): it is about someone else, and the bot
        abstains (SQuAD 2.0's unanswerable questions swap names so)."""
        s = self.index.sentences[sentence]
        known = self.index.entities
        fixed = self.index.sentence_fixed(sentence)
        stems = fixed.stems
        for eid, before, after in query.name_neighbours:
            # people only: places nest ("California", "Southern California")
            if eid in s.entities or eid not in known or known[eid].kind != "person" or not (before or after):
                continue
            mine = self._name_words(eid)
            for other in s.entities:
                if other in query.entities or other not in known or known[other].kind != "person":
                    continue
                theirs = self._name_words(other)
                if theirs & mine:
                    continue  # one person under two names
                start = next((i for i, w in enumerate(stems) if w in theirs), len(stems))
                lead = start
                while lead < len(stems) and stems[lead] in theirs:
                    lead += 1
                # two capitalised words are not always a person's name: one has a title, or the other
                # speaks here ("Graham said she once encountered backlash")
                speaks = stems[lead : lead + 1] == ["say"] or (start and stems[start - 1] == "say")
                if not (known[eid].title or known[other].title or speaks or self._surely_people(eid, other)):
                    continue
                # the other is the first person the sentence names and the question's next word follows
                # ("Stoltenberg is due", "On Tuesday, Orban posted", "Although Stoltenberg had actually
                # accepted", "Graham said she once encountered"), or the other follows the question's word
                # before ("backing Orban")
                if (
                    speaks
                    and after in stems[lead + 1 : lead + 3]
                    and not any(w in self._people_words(s.entities) - theirs for w in stems[:start])
                ):
                    return True
                if (
                    after
                    and after in stems[lead : lead + 2]
                    and not any(w in self._people_words(s.entities) - theirs for w in stems[:start])
                ):
                    return True
                if before and any(
                    stems[i] == before and stems[i + 1] in theirs for i in range(len(stems) - 1)
                ):
                    return True
            if after and self._pronoun_acts(query, sentence, after):
                return True
        return False

    def swapped_agent(self, query: Query, sentence: int) -> bool:
        """Whether another organisation (or other name) acts in the sentence where the question's does,
        right before the question's next word ("How many games in a row has Nashville won?" of "Winnipeg
        has won three in a row"). People are swapped_name's and about_another_person's."""
        s = self.index.sentences[sentence]
        known = self.index.entities
        stems = self.index.sentence_fixed(sentence).stems
        for eid, _before, after in query.name_neighbours:
            if not after or eid in s.entities or eid not in known or known[eid].kind not in _AGENT_KINDS:
                continue
            for other in s.entities:
                if other in query.entities or other not in known or known[other].kind not in _ACTING_KINDS:
                    continue
                if self._demonym(other):
                    continue  # "a North American tour": where, not who
                if self._one_name(eid, other) or self._alike_names(eid, other):
                    continue  # one under two names
                theirs = self._name_words(other)
                for i, w in enumerate(stems[:-1]):
                    # (stems are the content words: "Winnipeg has won" is "winnipeg", "win")
                    # not across a comma or a quotation ("beyond Earth," study lead author)
                    if (
                        w in theirs
                        and stems[i + 1] == after
                        and not s.words[i + 1].endswith("ing")  # "the Grammy winning band": no act
                        and not _PAUSE.search(word_gaps(s.text)[i])
                        and not self._after_preposition(s.text, stems, i, theirs)
                    ):
                        return True
        return False

    @staticmethod
    def _after_preposition(text: str, stems: list[str], end: int, words: frozenset[str]) -> bool:
        """Whether the name whose last word is stems[end] follows a preposition: it is where or whose,
        not who acts ("The Riverbend Festival in Shropshire has cancelled")."""
        start = end
        while start > 0 and stems[start - 1] in words:
            start -= 1
        return start > 0 and _PREPOSITION_BEFORE.search(word_gaps(text)[start - 1]) is not None

    def another_person_acts(self, query: Query, sentence: int) -> bool:
        """Whether another person does the question's act in the sentence, right before its verb, while
        the question's person is there but not doing it ("Whom did Clark choose as co-commander?" of
        "William Clark, ... whom Lewis chose as co-commander")."""
        s = self.index.sentences[sentence]
        known = self.index.entities
        if query.toks and query.toks[-1] == "by":
            return False  # "who was Sawyer put in charge by": the one acting is asked for
        stems: list[str] = []
        for eid, after in self._asked_person_acts(query):
            if eid not in s.entities or after in _SYMMETRIC or after in _SAYING:
                continue  # "Lund met Rask" answers "who did Rask meet"
            if not stems:
                stems = self.index.sentence_fixed(sentence).stems
                gaps = word_gaps(s.text)
            if len(gaps) != len(stems):
                return False
            mine = self._name_words(eid)
            acting = [
                i for i in range(len(stems) - 1) if stems[i + 1] == after and not _PAUSE.search(gaps[i])
            ]
            if not acting or any(stems[i] in mine for i in acting):
                continue
            for other in s.entities:
                if other == eid or other in query.entities or other not in known:
                    continue
                if known[other].kind != "person":
                    continue
                if self._one_name(eid, other) or self._alike_names(eid, other):
                    continue
                theirs = self._name_words(other)
                for i in acting:
                    if stems[i] not in theirs:
                        continue
                    j = i - 1  # "Noel and Thomas pleaded": both act
                    while j >= 0 and stems[j] in theirs:
                        j -= 1
                    if j < 0 or stems[j] not in mine:
                        return True
        return False

    def _asked_person_acts(self, query: Query) -> list[tuple[str, str]]:
        """(person, the stem of the verb right after the name) of each person of the question a verb
        follows ("did Clark choose"; not an adverb: "did Andrew allegedly meet")."""
        known = self.index.entities
        found = []
        for _start, end, eid in query.name_spans:
            if eid not in known or known[eid].kind != "person":
                continue
            word = next((t for t in query.toks[end:] if t not in STOPWORDS), "")
            # not "allegedly", nor "Achterberg's winning time": no act of the name's
            if word and not word.endswith(("ly", "ing")) and _verbal(word):
                found.append((eid, stem(word)))
        return found

    def _asked_person(self, query: Query) -> str:
        """The question's one person when surely a person, unless it asks "who": another person is what
        it asks for then ("Who will replace Stoltenberg?"); "" otherwise."""
        if query.asks in ("who", "whom", "whose"):
            return ""
        known = self.index.entities
        people = [e for e in query.entities if e in known and known[e].kind == "person"]
        return people[0] if len(people) == 1 and self._surely_people(people[0]) else ""

    def _asked_acts(self, query: Query) -> tuple[tuple[str, str, frozenset[str]], ...]:
        """(name, the verb after it, the verb's converses) of each name of the question a verb with
        converses follows ("have Spurs lost": "lose", {"win", ...})."""
        table = converses()
        found = []
        for _start, end, eid in query.name_spans:
            after = _content_stem(query.toks, end, 1)
            if after in table:
                found.append((eid, after, table[after]))
        return tuple(found)

    def _asked_objects(self, query: Query) -> tuple[tuple[str, str], ...]:
        """(name, preposition) of each organisation, country or other name the question puts right after
        a preposition ("for the Wild", "at Kotak Securities"), not in the possessive ("the name of
        Aldmouth's first lifeboat": the preposition is the name's, not Aldmouth's)."""
        known = self.index.entities
        toks = query.toks
        found = []
        owners: set[str] | None = None
        for a, b, eid in query.name_spans:
            at = a - 1 - (a >= 2 and toks[a - 1] == "the")
            if at < 0 or toks[at] not in _SWAP_PREPOSITIONS:
                continue
            if owners is None:
                owners = {fold(w) for w in _OWNER.findall(query.text)}
            if toks[b - 1] in owners:
                continue
            if eid in known and known[eid].kind in _OBJECT_KINDS:
                found.append((eid, toks[at]))
        return tuple(found)

    def about_another_person(self, query: Query, sentence: int) -> bool:
        """Whether the sentence is about another person than the question's one person, who it neither
        names nor may mean ("How many senior trophies has Pochettino won?" of "Jose is one of the
        world's most accomplished managers having won 25 senior trophies"). Both must surely be people
        (_surely_people); a "he" or "she" may mean the question's, and a "who" question asks for another."""
        person = self.gates(query).person
        if not person:
            return False
        known = self.index.entities
        s = self.index.sentences[sentence]
        if person in s.entities:
            return False
        words = self._sentence_words(sentence)
        if not set(words).isdisjoint(tokens(known[person].name)):
            return False  # a word of their name may be them under another entity
        others = [
            e
            for e in s.entities
            if e not in query.entities and e in known and known[e].kind == "person" and self._surely_people(e)
        ]
        if not others:
            return False
        # "he" may be them, unless another person is named before it ("Pelletier tied it, his 12th goal")
        return not self._may_mean_by_pronoun(sentence, others)

    def said_by_another(self, query: Query, sentence: int) -> bool:
        """Whether "what did X say" meets a quotation another person said, in a sentence that never names
        X ("What did Lars Kjeldsen say about safety data?" of '"We need ten years of data," Ingram said')."""
        if not _ASKS_SAID.match(query.text):
            return False
        person = self.gates(query).person
        s = self.index.sentences[sentence]
        if not s.speaker or s.speaker == person or person in s.entities:
            return False
        known = self.index.entities
        if s.speaker not in known or known[s.speaker].kind != "person":
            return False
        return set(self._sentence_words(sentence)).isdisjoint(tokens(known[person].name))

    def age_of_another(self, query: Query, sentence: int) -> bool:
        """Whether a question asking the age of its one person meets a sentence whose every age is another
        person's ("how old is Lena Harcourt" of "Megan Tolley, 34, ... paid £2,150 for Ms Harcourt's
        concert"); an age that may be anyone's ("the 36-year-old") may be theirs."""
        if not query.wanted or "age" not in query.wanted:
            return False
        text = self.index.sentences[sentence].text
        mine = self._name_words(self.gates(query).person)
        if _opening_age_of_another(text, mine):
            return True
        owners = _age_owners(text)
        if owners is None:
            return False
        given = self._given_names_asked(query)
        if any(_may_be_theirs(mine, given, words) for words in owners):
            return False
        # the question's name just before an owner is a club or a firm of theirs, taken for a person
        # ("Kingsholm captain Dafydd Morgan, 34," of "how old is the Kingsholm captain")
        toks = tokens(text)
        for words in filter(None, owners):
            at = next((i for i, t in enumerate(toks) if fold(t) in words), None)
            if at is not None and not mine.isdisjoint(map(stem, toks[max(0, at - 4) : at])):
                return False
        return True

    def _given_names_asked(self, query: Query) -> frozenset[str]:
        """The given names of the question's one person, unless it asks of someone of theirs ("how old is
        kierans mum"): then their names say nothing of whose age it is."""
        person = self.gates(query).person
        toks = query.toks
        for _start, end, eid in query.name_spans:
            kin = end < len(toks) and (lemma(toks[end]) in person_nouns() or toks[end] in _KIN)
            if eid == person and kin:
                return frozenset()
        return _given_names(frozenset(self._alias_words_of(person))) if person else frozenset()

    def about_another_country(self, query: Query, sentence: int) -> bool:
        """Whether the sentence names another country and not the question's ("How many French soldiers
        died of disease?" of "of roughly 21,000 British deaths, about 16,000 were caused by illness")."""
        known = self.index.entities
        mine = [e for e in query.entities if e in known and known[e].kind == "country"]
        if not mine:
            return False
        s = self.index.sentences[sentence]
        others = [
            e for e in s.entities if e not in query.entities and e in known and known[e].kind == "country"
        ]
        if not any(e in s.entities for e in mine):
            return bool(others)
        # the question's country only as the measure of another's: "Chile has about 90 active volcanoes,
        # the second-largest number in the world after Indonesia" does not say Indonesia's number
        if not others:
            return False
        text = s.text
        words = {w for e in mine for w in self._name_words(e)}
        at = [m.start() for m in _COMPARED_NAME.finditer(text) if stem(fold(m.group(1))) in words]
        if not at:  # speed: most sentences measure nothing by the question's country
            return False
        said = [m.start() for m in _CAPITALISED_WORD.finditer(text) if stem(fold(m.group(0))) in words]
        placed = [text.find(known[e].name) for e in others if known[e].name in text]
        return len(at) == len(said) and bool(placed) and min(placed) < min(at)

    def about_another_name(self, query: Query, sentence: int) -> bool:
        """Whether the sentence lacks a name of the question and names another thing of its kind ("How
        many puffins did Solheim count at Hornoya?" of "reached Rost, and Solheim counted 400 puffins
        there"; the story names Hornoya elsewhere). Not when the name is what the article is about or
        was named before in the paragraph ("it", "the lake" may mean those), is a person "he" may mean
        or a "who" question asks around, a capital of the sentence's country, or alike to a name it has.
        A name of no known kind counts only against another of that kind; a people's name or an
        everyday word in lower case is no name here ("Dutch", "running")."""
        known = self.index.entities
        s = self.index.sentences[sentence]
        toks = query.toks
        stems = None
        for a, b, eid in query.name_spans:
            if eid in s.entities or eid not in known or known[eid].kind not in _NAMED_KINDS:
                continue
            if b - a == 1 and (
                toks[a] in _DEMONYMS or is_english_word(toks[a]) and toks[a] not in _capitalised(query.text)
            ):
                continue  # "Dutch" says where from (about_another_country's); "running" is a word here
            kind, mine = known[eid].kind, self._name_words(eid)
            if stems is None:
                stems = set(self.index.sentence_fixed(sentence).stems)
            others = [
                e for e in s.entities if e not in query.entities and e in known and not self._one_name(eid, e)
            ]
            # a word of its name the sentence says, not as a word of another's ("Lake" of "Lake Ngami")
            said = mine - frozenset().union(*(self._name_words(e) for e in others))
            if not said.isdisjoint(stems) or eid in self.index.document_subjects(s.document):
                continue
            if kind == "other" and not any(known[e].kind == kind for e in others):
                continue
            country = _CAPITALS.get(" ".join(tokens(known[eid].name)))
            if country and any(known[e].name == country for e in others):
                continue  # a capital stands for its country ("Will Kyiv be invited?" of "Ukraine")
            if kind == "person" and (query.asks == "who" or self._may_mean_by_pronoun(sentence, others)):
                continue  # another person is what "who" asks for; "he" may be the question's
            if self._named_before_in_paragraph(eid, sentence):
                continue
            # a team's nickname and its town may name one club ("Spurs", "Tottenham"); two countries are two
            if kind == "country" or not any(
                known[e].kind in _NAMED_KINDS and self._alike_names(eid, e) for e in others
            ):
                return True
        return False

    def another_named_before(self, query: Query, sentence: int) -> bool:
        """Whether the sentence names nothing of the kind of a name of the question, nor a word of it, and
        the sentences just before it name another of that kind before naming it: the sentence is about
        the other ("How much did MTG-I1 cost to build?" of "The satellite weighs 3.8 tonnes and cost
        €560 million", after MTG-S1). Not for what the article is much about (its headline's, or named in
        four sentences), nor of a sentence saying "the company", "its", "he" or "there", which may mean it."""
        known = self.index.entities
        sentences = self.index.sentences
        s = sentences[sentence]
        for eid in query.entities:
            if eid in s.entities or eid not in known or known[eid].kind not in _BEFORE_KINDS:
                continue
            name, kind = known[eid].name, known[eid].kind
            if " " not in name and all(map(is_english_word, name.split("-"))):
                continue  # "Crime", "First", "Close-kin": words the question capitalised
            if any(e in known and known[e].kind == kind for e in s.entities):
                continue  # another of its kind in the sentence itself: about_another_name's
            mine = self._name_words(eid)
            if not mine.isdisjoint(self.index.sentence_fixed(sentence).stems):
                continue
            if eid in self.index.document_subjects(s.document):
                continue
            named = [i for i in known[eid].sentences if sentences[i].document == s.document]
            if len(named) >= _MUCH_NAMED or any(sentences[i].is_headline for i in named):
                continue
            if _MAY_MEAN_A_NAME.search(s.text) or coref.organisation_reference(s.text) is not None:
                continue
            for i in range(sentence - 1, max(sentence - 1 - _LOOK_BACK, -1), -1):
                t = sentences[i]
                if t.document != s.document or eid in t.entities:
                    break
                before = [
                    e for e in t.entities
                    if e not in query.entities and e in known and known[e].kind == kind
                    and mine.isdisjoint(self._name_words(e))
                ]
                if before:
                    return True
        return False

    def _may_mean_by_pronoun(self, sentence: int, others: list[str]) -> bool:
        """Whether the sentence has a "he" or "she" with no person of *others* named before it: it may
        mean the question's person (about_another_person, about_another_name)."""
        words = self._sentence_words(sentence)
        first = next((i for i, w in enumerate(words) if w in _THIRD_PERSON), None)
        if first is None:
            return False
        known = self.index.entities
        named = set().union(*(self._name_words(e) for e in others if known[e].kind == "person"))
        return not any(stem(w) in named for w in words[:first])

    def year_elsewhere(self, query: Query, sentence: int) -> bool:
        """Whether the question pins a year the sentence and its paragraph before it lack, which the
        article gives to something else ("How many people needed aid in 2011?" of "has left 2.3 million
        people in need", the article's 2011 another crisis). Not the article's latest year: its present,
        which a sentence seldom repeats."""
        asked = YEAR.findall(query.text)
        if not asked:
            return False
        sentences = self.index.sentences
        s = sentences[sentence]
        i = sentence
        while i >= 0 and sentences[i].document == s.document and sentences[i].paragraph == s.paragraph:
            if any(y in sentences[i].text for y in asked):
                return False
            i -= 1
        written = self.index.document_years(s.document)
        return not written.isdisjoint(asked) and not set(asked) <= {max(written)}

    def _named_before_in_paragraph(self, eid: str, sentence: int) -> bool:
        """Whether an earlier sentence of *sentence*'s paragraph names the entity."""
        s = self.index.sentences[sentence]
        i = sentence - 1
        while i >= 0:
            t = self.index.sentences[i]
            if t.document != s.document or t.paragraph != s.paragraph:
                return False
            if eid in t.entities:
                return True
            i -= 1
        return False

    def opposite_act(self, query: Query, sentence: int) -> bool:
        """Whether the question's name does in the sentence what the question's verb says from the other
        side, and not that ("How many matches have Spurs lost?" of "Spurs have won just five matches")."""
        s = self.index.sentences[sentence]
        stems = None
        for eid, after, others in self.gates(query).acts:
            if eid not in s.entities:
                continue
            if stems is None:
                stems = self.index.sentence_fixed(sentence).stems
                if after in stems:
                    return False  # it says the question's verb too
            mine = self._name_words(eid)
            if any(w in mine and stems[i + 1] in others for i, w in enumerate(stems[:-1])):
                return True
            if not others.isdisjoint(stems) and self._pronoun_does(s.text, others):
                return True  # "did Lewis sell" of "He bought" (he is Lewis: the name is in the sentence)
        return False

    @staticmethod
    def _pronoun_does(text: str, verbs: frozenset[str]) -> bool:
        """Whether a personal pronoun stands right before one of *verbs* ("He bought", "they had sold")."""
        toks = tokens(text)
        for i in range(1, len(toks)):
            if stem(toks[i]) not in verbs:
                continue
            before = toks[i - 1]
            if before in _HELPING and i > 1:
                before = toks[i - 2]
            if before in _SUBJECT_PRONOUNS:
                return True
        return False

    def swapped_object(self, query: Query, sentence: int) -> bool:
        """Whether the sentence has another organisation or country after the preposition the question
        has its own after ("Who stopped 22 shots for the Wild?" of "for the Sabres"; "What is Pandey's
        position at Kotak Securities?" of "Head of Research at ICICI Securities")."""
        s = self.index.sentences[sentence]
        known = self.index.entities
        words = stems = None
        for eid, preposition in self.gates(query).objects:
            if eid in s.entities:
                continue
            for other in s.entities:
                if other in query.entities or other not in known or known[other].kind not in _OBJECT_KINDS:
                    continue
                if self._one_name(eid, other) or self._alike_names(eid, other):
                    continue
                theirs = self._name_words(other)
                if words is None:
                    words, stems = self._sentence_words(sentence), self._stemmed_tokens(sentence)
                for i, w in enumerate(stems):
                    if w in theirs and (i == 0 or stems[i - 1] not in theirs):
                        j = i - 1 - (i >= 2 and words[i - 1] == "the")
                        if j >= 1 and stems[j - 1] in theirs:
                            continue  # "the Ministry of Justice": the name's own "of", not the question's
                        if j >= 0 and words[j] == preposition:
                            return True
        return False

    def swapped_model(self, query: Query, sentence: int) -> bool:
        """Whether the sentence numbers the question's numbered thing otherwise, and never as the question
        does ("How much do Thunderbolt 2 docks start at?" of "Thunderbolt 3 docks start at $199", "When
        did Selene-2 land?" of "Selene-3 landed", "the route 5 bus" of "one bus on route 11")."""
        numbered = numbers_after(self.index.sentences[sentence].text)
        return any(number not in numbered.get(word, {number}) for word, number in self.gates(query).models)

    def order_swapped(self, query: Query, sentence: int) -> bool:
        """Whether the sentence has two names of the question the other way round about the same words
        ("Who scored to lead Tampa Bay past St. Louis?" of "scored to lead St. Louis past Tampa Bay")."""
        spans = query.name_spans
        if len(spans) < 2:
            return False
        s = self.index.sentences[sentence]
        for (_, end, first), (start, _, second) in zip(spans, spans[1:], strict=False):
            between = tuple(query.toks[end:start])
            if not (0 < len(between) <= 3 and first in s.entities and second in s.entities):
                continue
            swapped = self._joined(sentence, second, between, first)
            if swapped and not self._joined(sentence, first, between, second):
                return True
        return False

    def _joined(self, sentence: int, first: str, between: tuple[str, ...], second: str) -> bool:
        """Whether the sentence names *first*, then the words *between*, then *second*."""
        words, stems = self._sentence_words(sentence), self._stemmed_tokens(sentence)
        mine, theirs = self._name_words(first), self._name_words(second)
        n = len(between)
        return any(
            stems[i - 1] in mine
            and stems[i] not in mine
            and words[i : i + n] == between
            and i + n < len(stems)
            and stems[i + n] in theirs
            for i in range(1, len(stems))
        )

    def _one_name(self, eid: str, other: str) -> bool:
        """Whether two names may name one thing: they share a word of their own, not an English word
        ("ICICI Bank", "ICICI Securities"; not "Kotak Securities", "ICICI Securities"), or one's words
        are all the other's ("Champions League", "UEFA Champions League")."""
        mine, theirs = self._alias_words_of(eid) - STOPWORDS, self._alias_words_of(other) - STOPWORDS
        shared = mine & theirs
        return any(not is_english_word(w) for w in shared) or (bool(shared) and shared in (mine, theirs))

    def _alike_names(self, eid: str, other: str) -> bool:
        """Whether the word vectors find two names nearly alike, as a team's nickname and its town are
        ("Spurs", "Tottenham"; not "Nashville", "Winnipeg")."""
        got = self._alike.get((eid, other))
        if got is None:
            vectors = default_vectors()
            words = [tokens(self.index.entities[e].name) for e in (eid, other)]
            shared = set(words[0]) & set(words[1])  # "Securities" of Kotak and ICICI Securities
            mine, theirs = (vectors.mean([w for w in ws if w not in shared]) for ws in words)
            got = mine is not None and theirs is not None and cosine(mine, theirs) >= ALIKE_NAMES_COSINE
            if len(self._alike) >= RELATED_KEPT:
                self._alike.clear()  # bounded however many names questions bring
            self._alike[(eid, other)] = got
        return got

    def _surely_people(self, *eids: str) -> bool:
        """Whether each is a person's name of two words or more, as entities reads one (a given name
        first, or no English word: "Sergei Bobrovsky", not "Southern California" or "Inland Empire")."""
        for eid in eids:
            sure = self._surely_person.get(eid)
            if sure is None:
                words = tokens(self.index.entities[eid].name)
                sure = self._surely_person[eid] = len(words) >= 2 and may_be_personal(words)
            if not sure:
                return False
        return True

    def _pronoun_acts(self, query: Query, sentence: int, after: str) -> bool:
        """Whether the sentence opens with "he" or "she" for another person, and the question's word after
        its own person follows ("When did Hege post materials?" of "On Tuesday morning, he posted
        materials", he being Sanborn)."""
        s = self.index.sentences[sentence]
        known = self.index.entities
        stems = set(self.index.sentence_fixed(sentence).stems)
        meant = [
            e
            for e in s.entities
            if e in known and known[e].kind == "person" and self._name_words(e).isdisjoint(stems)
        ]
        if len(meant) != 1 or meant[0] in query.entities:
            return False
        if _OPENING_PRONOUN.match(s.text) is None:
            return False  # none, or inside a quotation, where "he" is whoever the speaker means
        toks = tokens(s.text)[:8]
        at = next((i for i, w in enumerate(toks) if w in ("he", "she")), None)
        if at is None:
            return False
        follows = [stem(w) for w in toks[at + 1 : at + 4] if w not in STOPWORDS][:2]
        return after in follows

    def _people_words(self, entities: frozenset[str]) -> frozenset[str]:
        """The name words of the people among *entities*."""
        known = self.index.entities
        people = [e for e in entities if e in known and known[e].kind == "person"]
        return frozenset().union(*map(self._name_words, people))

    def _name_words(self, eid: str) -> frozenset[str]:
        """The stems of the words of an entity's aliases (its name among them), kept per entity."""
        got = self._name_word_sets.get(eid)
        if got is None:
            got = frozenset(stem(w) for w in self._alias_words_of(eid) - STOPWORDS)
            self._name_word_sets[eid] = got
        return got


def _may_be_theirs(mine: frozenset[str], given: frozenset[str], owner: frozenset[str]) -> bool:
    """Whether an age's owner (folded words) may be the question's person (the stems of their names;
    their *given* names): they share a name, and not only a surname beside another given name ("Tom
    Redfern, 39" is not Anna Redfern)."""
    if mine.isdisjoint(map(stem, owner)):
        return False
    theirs = _given_names(owner)
    return not (given and theirs and given.isdisjoint(theirs))


# titles, which the given names' list holds as names ("Mr", "Mrs"): the gazetteer's, and the forms of address
_TITLES = frozenset(fold(w) for w in TITLE_WORDS) | frozenset("miss mx sir dame lord lady".split())
_KIN = frozenset("mum mom mam dad nan gran grandad grandma grandpa bro sis".split())  # as people type them


def _given_names(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in words if w in first_names() and w not in _TITLES)


def _named_right_after(noun: str, text: str) -> bool:
    """Whether *text* names the *noun* right after it ("the emperor Hadrian", "a swift known as Y47")."""
    for m in re.finditer(rf"\b{re.escape(noun)}s?\b", text, re.I):
        if _NAMING_AFTER.match(text[m.end() :]):
            return True
    return False


def _named_as(name: str, noun: str, text: str) -> bool:
    """Whether *text* calls *name* a *noun* by putting the noun after it: "the Pennine Velo team"."""
    return re.search(rf"\b[Tt]he {re.escape(name)} {re.escape(noun)}s?\b", text) is not None
