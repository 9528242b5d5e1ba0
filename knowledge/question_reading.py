"""Reading a question into a Query (its words, names, spelling, numbers and ties): the methods of
Matcher that do it, as the QuestionReading mixin."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .acronyms import COMMON
from .gazetteer import GENERIC_ROLE_WORDS, SPECIFIC_ROLES, first_names
from .index import ENTITY_PREFIX, QUANTITY_PREFIX
from .lexicon import FORM_WORDS, LIGHT, PLACE_KINDS, dictionary, other_spellings, synonyms
from .quantities import STATED_KINDS, is_tens, number_value, numbers_in, wanted_kind_of
from .question import (
    _AGE,
    _ANY_COUNT,
    _ASIDES,
    _ASKING_WHICH,
    _CAPITAL_STARTS,
    _CAPITALS,
    _CHAT_CAPITALS,
    _DEMONYMS,
    _EMPLOYER_WORDS,
    _HIS_HER,
    _HYPHEN_UNITS_READ,
    _JOB_WORDS,
    _LAST_VERB,
    _LEADING_FILLERS,
    _LONG_NUMBER,
    _MODEL_CODE,
    _NAME_KIND_WORDS,
    _PREFIXES,
    _QUESTION_OPENERS,
    _QUESTION_SPELLINGS,
    _QUESTION_WORD_AT,
    _QUESTION_WORD_SET,
    _ROLE_STEMS,
    _ROLE_WORDS,
    _SMALL_TALK_OR_GLUE,
    _STANDS_FOR,
    _TITLE_TOKENS,
    _TYPED_IN_CAPITALS,
    AGENT_COSINE,
    COMMON_WORD_COSINE,
    RELATED_KEPT,
    Query,
    Term,
    _add_bounded,
    _capitalised,
    _content_stem,
    _in_compound,
    _near_long_stopword,
    _question_form,
    _Reading,
    _same_root,
    _tokenise,
    _world_place_starts,
    _world_places,
)
from .scoring import question_word
from .swap_rules import _verbal
from .text import STOPWORDS, fold, is_english_word, stem, stem_as_written, tokens
from .wordvectors import cosine, default_vectors


def _counted_at(toks: list[str], pos: int) -> bool:
    """Whether the word at *pos* is one of the words "how many" counts: "how many iron plates", not
    "how many went" nor "how many people" (anyone may be counted as people)."""
    at = pos
    while at >= 1 and toks[at - 1] not in STOPWORDS and at > pos - 3:
        at -= 1
    if at < 2 or toks[at - 2] != "how" or toks[at - 1] != "many":
        return False
    return toks[at] not in _ANY_COUNT and not _verbal(toks[at])


# units of measure typed short, which spell no name's initials ("how many km", not Karen Mackie)
_UNIT_ABBREVIATIONS = frozenset(
    "km kg cm mm ml mg mph kph kmh ft yd yds lb lbs oz mi hr hrs min mins sec secs kw mw gw kwh mwh gwh "
    "hz mhz ghz kb mb gb tb".split()
)
_LOWER_UNITS_READ = 40  # units _written_lower_uncached reads for a word a name of the base may be



# the words "how" asks a measure with, the most asked first: "how mcuh" is read "how much"
_HOW_WORDS = (
    "many", "much", "long", "old", "often", "far", "big", "tall", "high", "fast", "heavy", "deep", "wide"
)


def _one_edit_from(tok: str, words: tuple[str, ...]) -> str:
    """The first of *words* one edit (a transposition counts as one) from *tok*, or ""; of several, one
    *tok* is cut short from first ("wher" is "where", not "when")."""
    near = [word for word in words if OSA.distance(tok, word, score_cutoff=1) <= 1]
    return next((word for word in near if word.startswith(tok)), near[0] if near else "")

_UNRANKED = 10**6  # the frequency rank of a word the word vectors do not hold: rarer than any they do
_RARE_RANK = 20000  # an English word rarer than this may be a slip for a common one ("manger": 28,707th)
# the common acronyms of things, not of titles or bodies ("TB", "IVF"), folded (_read_word)
_THINGS_ACRONYMS = frozenset(acronym.lower() for acronym, (_, kind) in COMMON.items() if kind == "other")
# words a "where" question says again what it asks with: a place in the sentence answers them ("where is
# ISAS located", "where was the final played" of "at the Aldgate Aquatics Centre")
_SAYS_WHERE = frozenset({"located", "situated", "sited", "locate", "situate", "held", "played", "staged"})


class QuestionReading:
    """Matcher's reading of a question (analyse and the methods it calls); a mixin of Matcher, whose
    __init__ makes the index and the caches these methods read."""

    # --- question analysis -------------------------------------------------

    def analyse(self, question: str) -> Query:
        """Question words, entities, kind of question and the ties between them."""
        toks, possessive = _tokenise(question, self._phrases, self._phrase_re, self._phrase_firsts)
        self._read_question_word(toks)
        # speed: words known to read as themselves in both are passed in one C-level test
        if not self._as_written.issuperset(toks):
            toks, possessive = self._spell_out_acronyms(question, toks, possessive)
            toks, possessive = self._split_joined_words(toks, possessive)
        if _LONG_NUMBER.search(question):
            toks, possessive = self._group_thousands(toks, possessive)
        qtype, form_at = _question_form(toks)
        query = Query(question, qtype, wanted=wanted_kind_of(toks))  # toks are what tokens() would give
        query.toks = toks
        asked = _STANDS_FOR.search(question)
        if asked:
            query.spelled_out = asked.group(1)
        spans = self._entity_terms(query, toks, form_at)
        query.name_spans = spans
        query.absent_name = self._another_given_name(question, toks, spans)
        query.name_neighbours = [  # (not a name of one everyday word, "the grant")
            (eid, _content_stem(toks, a - 1, -1), _content_stem(toks, b, 1))
            for a, b, eid in spans
            if b - a > 1 or not is_english_word(toks[a])
        ]
        if spans and not self._one_article:  # for _drop_articles_lacking_names
            query.name_stems = {
                ENTITY_PREFIX + eid: frozenset([stem(w) for w in toks[a:b] if w not in STOPWORDS])
                for a, b, eid in spans
            }
        used = {pos for start, end, _ in spans for pos in range(start, end)}
        used |= self._absent_places(query, toks, used | form_at)
        used |= self._job_words(toks, spans)
        used |= self._titles_before_people(toks, spans, used)
        used |= self._misspelt_given_names(toks, spans, used)
        query.absent_number = self._absent_number(toks, used)
        self._word_terms(query, toks, used, form_at, possessive, question)
        if qtype == "thing" and _asks_a_name(toks, possessive):
            query.qtype = "name"  # a name answers it, whatever word the article introduces it with
        query.absent_counted = self._absent_counted(query, toks)
        # the question's own words, stemmed as hand-written phrasings are, for comparing with them
        query.words = [t for t in toks if t not in STOPWORDS]
        query.content_text = " ".join([stem(t) for t in query.words])
        query.pairs, adjacent = self._pairs(toks, spans, used | form_at, possessive)
        self._resolve_roles(query, adjacent)
        query.small_talk = bool(toks) and _SMALL_TALK_OR_GLUE.issuperset(toks)
        query.asks = question_word(toks)
        query.entity_only = all([t.entity or t.from_alias for t in query.terms])
        return query

    def _spell_out_acronyms(
        self, question: str, toks: list[str], possessive: set[int]
    ) -> tuple[list[str], set[int]]:
        """An acronym the base never writes, read as the name whose initials it is: "SDNY" in an article
        that says "the Southern District of New York", "DOJ" for "the Department of Justice". Typed in
        lower case, a word that is a misspelling of a common word is not one ("teh")."""
        typed: set[str] | None = None  # the words typed in capitals, read when first needed
        vocab = self.index.vocab
        out: list[str] = []
        marks: set[int] = set()
        for i, tok in enumerate(toks):
            names = None
            if (
                tok not in vocab
                and 2 <= len(tok) <= 6
                and tok.isalpha()
                and tok not in STOPWORDS
                and tok not in self._alias_sizes
                and not is_english_word(tok)
                and tok not in _UNIT_ABBREVIATIONS
            ):
                spelled = self.index.spelled_out.get(tok)
                if spelled is None:
                    self._add_no_acronym(tok)  # spells out no name of the base, however it is typed
                else:
                    if typed is None:
                        typed = {fold(w) for w in _TYPED_IN_CAPITALS.findall(question)}
                    if (tok in typed or self._common_word(tok) is None) and not _in_compound(question, tok):
                        names = spelled
            else:  # the word's own tests: it reads as itself in any question
                self._add_no_acronym(tok)
            if i in possessive:
                marks.add(len(out) + (len(names) if names else 1) - 1)
            out.extend(names or (tok,))
        return out, marks

    def _add_no_acronym(self, tok: str) -> None:
        """Note *tok* as a word _spell_out_acronyms reads as itself whatever the question (bounded)."""
        _add_bounded(self._no_acronym, tok)

    def _split_joined_words(self, toks: list[str], possessive: set[int]) -> tuple[list[str], set[int]]:
        """A word typed solid that the article writes as two ("wifi" for "Wi-Fi", "keytravel"): read as
        those two words, when it is no English word, no name and no misspelling of a common word."""
        vocab = self.index.vocab
        out: list[str] = []
        marks: set[int] = set()
        for i, tok in enumerate(toks):
            parts = [tok]
            if (
                tok not in vocab
                and len(tok) >= 4
                and tok.isalpha()
                and tok not in STOPWORDS
                and tok not in self._alias_sizes
                and tok not in self._joined_aliases
                and not is_english_word(tok)
            ):
                for cut in range(2, len(tok) - 1):
                    head, tail = tok[:cut], tok[cut:]
                    if head in vocab and tail in vocab and head not in STOPWORDS and tail not in STOPWORDS:
                        if self._common_word(tok) is None:
                            parts = [head, tail]
                        break
            if len(parts) == 1 and tok not in vocab and tok.isalpha() and tok not in self._alias_sizes:
                parts = list(self._hyphenated(tok) or parts)  # "rollout" of "roll-out"
            out.extend(parts)
            if i in possessive:
                marks.add(len(out) - 1)
            if len(parts) == 1 and tok in self._no_acronym:  # as written in both, whatever the question
                _add_bounded(self._as_written, tok)
        return out, marks

    def _hyphenated_uncached(self, token: str) -> tuple[str, str] | None:
        """The two words the base writes joined by a hyphen that *token* types solid ("rollout",
        "ebikes", "preorder" of "roll-out", "e-bikes", "pre-orders"), or None."""
        idx = self.index
        vocab, postings = idx.vocab, idx.postings
        for cut in range(1, len(token) - 1):
            head, tail = token[:cut], token[cut:]
            if head not in vocab and head not in _PREFIXES:
                continue
            for written in (tail, tail + "s", tail[:-1] if tail.endswith("s") else ""):
                if not written or (written not in vocab and written not in STOPWORDS):  # "out" of "roll-out"
                    continue
                keys = [k for k in {stem(head), stem(written)} if k in postings]
                if not keys:
                    continue
                pattern = re.compile(rf"\b{head}-{written}\b")
                # the units holding the rarer half, a few of them: a word is written one way throughout
                units = min((postings[k] for k in keys), key=len)
                for u in units[:_HYPHEN_UNITS_READ]:
                    if any(pattern.search(fold(idx.sentences[i].text)) for i in idx.units[u].sentences):
                        return head, written
        return None

    def _person_named(self, eid: str, token: str) -> bool:
        """Whether *token* is the surname of a person of the base, after a given name ("grant" of Neil
        Grant), not a word the article calls them by ("the minister", "Minister of Fisheries")."""
        entity = self.index.entities.get(eid)
        if entity is None or entity.kind != "person":
            return False
        words = tokens(entity.name)
        return len(words) >= 2 and words[-1] == token and words[0] in first_names()

    def _written_lower_uncached(self, token: str) -> bool:
        """Whether the base writes *token* in lower case somewhere, as a word and not a name ("an annual
        grant" of a base naming Neil Grant); a few of the units holding it are read."""
        idx = self.index
        units = idx.postings.get(stem(token))
        if not units:
            return False
        pattern = re.compile(rf"(?<![\w-]){re.escape(token)}(?![\w-])")
        read = units[:_LOWER_UNITS_READ]
        return any(pattern.search(idx.sentences[i].text) for u in read for i in idx.units[u].sentences)

    def _group_thousands(self, toks: list[str], possessive: set[int]) -> tuple[list[str], set[int]]:
        """A number typed without its thousands commas, read as the article writes it: "40816" is the
        "40" and "816" of "40,816" (the words its comma parts)."""
        vocab = self.index.vocab
        out: list[str] = []
        marks: set[int] = set()
        for i, tok in enumerate(toks):
            groups = [tok]
            if tok.isdigit() and len(tok) > 3 and tok not in vocab:
                head = len(tok) % 3 or 3
                parts = [tok[:head]] + [tok[j : j + 3] for j in range(head, len(tok), 3)]
                if all(g in vocab for g in parts):
                    groups = parts
            out.extend(groups)
            if i in possessive:
                marks.add(len(out) - 1)
        return out, marks

    def _read_question_word(self, toks: list[str]) -> None:
        """Rewrite, in place, a misspelt question word among the first words ("wat happend" asks
        "what"): one that is neither a word of the base nor of the dictionary, one edit from a question
        word. Read as a word, it would weigh as a rare term no sentence holds."""
        first = toks[:_QUESTION_WORD_AT]
        if _QUESTION_WORD_SET.isdisjoint(first):  # speed: most questions have theirs
            for pos, tok in enumerate(first):
                if self._misspelt(tok) and (word := _one_edit_from(tok, _QUESTION_SPELLINGS)):
                    toks[pos] = word
                    break
        # "how mcuh", "how fsat": the word after "how", misspelt, is the measure asked ("how much")
        if "how" in toks[:_QUESTION_WORD_AT]:
            at = toks.index("how") + 1
            if at < len(toks) and self._misspelt(toks[at]) and (word := _one_edit_from(toks[at], _HOW_WORDS)):
                toks[at] = word

    def _misspelt(self, tok: str) -> bool:
        """Whether a question's word is neither a word of the base, of the dictionary, a number nor glue."""
        return not (tok in STOPWORDS or tok in self.index.vocab or tok.isdigit() or is_english_word(tok))

    def _entity_terms(self, query: Query, toks: list[str], skip: set[int]) -> list[tuple[int, int, str]]:
        """Add a term per entity named (by alias, misspelt alias or capital); return their spans."""
        idx = self.index
        spans: list[tuple[int, int, str]] = []
        names_nothing = self._names_nothing
        i = 0
        while i < len(toks):
            if i in skip or toks[i] in names_nothing:  # speed: most words, met before
                i += 1
                continue
            initial = self._initial_before(toks, i)  # "C. Battin" of Christopher D. Battin
            hit = initial or (self._alias_at(toks, i) if toks[i] in self._alias_sizes else None)
            if hit is None and toks[i] in self._joined_aliases and toks[i] not in idx.vocab:
                hit = (self._joined_aliases[toks[i]], 1)  # "jpmorgan" for "JP Morgan"
            if hit and hit[1] == 1 and i and toks[i - 1] in _ASKING_WHICH and is_english_word(toks[i]):
                # "which observatory did they use": the kind of thing asked for, not the one named
                # "W.M. Keck Observatory" (a name the article's "the observatory" gave it)
                hit = None
            if (
                hit
                and hit[1] == 1
                and is_english_word(toks[i])
                and toks[i] not in _capitalised(query.text)
                and self._person_named(hit[0], toks[i])
                and self._written_lower(toks[i])
            ):
                hit = None  # "the council grant" of a base that writes "grant" and names Neil Grant
            if (
                hit
                and hit[1] == 1
                and is_english_word(toks[i])
                and self._acronym_of(hit[0], toks[i])
                and toks[i] not in {fold(w) for w in _TYPED_IN_CAPITALS.findall(query.text)}
                and self._written_lower(toks[i])
            ):
                hit = None  # "record pace" of a base that writes "pace" and names a PACE team
            if hit is None and len(toks[i]) >= 4 and self._may_be_misspelt(toks[i]):
                near = self._correct(toks[i], True)
                # "seson" is "season", not the last word of "No Lean Season"; "Fmae" may be "Fame"
                if (
                    near
                    and is_english_word(near)
                    and self._common_word(toks[i]) == near
                    and toks[i] not in _capitalised(query.text)
                ):
                    near = None
                eid = idx.alias_to_entity.get((near,)) if near else None
                hit = (eid, 1) if eid else None
            if hit is None:
                hit = self._given_name_alone(toks, i)
            if hit is None:
                hit = self._capital(toks, i)
            if hit is None:
                if toks[i] not in self._alias_sizes and toks[i] not in _CAPITAL_STARTS:
                    # no name wherever it stands: the misspelling test is the word's alone
                    if len(names_nothing) >= RELATED_KEPT:
                        names_nothing.clear()  # bounded however many odd words users type
                    names_nothing.add(toks[i])
                i += 1
                continue
            eid, size = hit
            entity_term, alias_terms = self._named(tuple(toks[i + bool(initial) : i + size]), eid)
            if eid not in query.entities:
                query.entities.append(eid)
                query.terms.append(entity_term)
            spans.append((i, i + size, eid))
            for term in alias_terms:  # _add_alias_words, read from what is kept
                if term.key not in [t.key for t in query.terms]:
                    query.terms.append(term)
            i += size
        return spans

    def _another_given_name(self, question: str, toks: list[str], spans: list[tuple[int, int, str]]) -> str:
        """A name mixed of two people the base names: one's given name before the other's surname ("How
        old is Elizabeth Harris?" of Elizabeth A. Burton and Matt Harris); "". A given name the base
        never writes is taken for a slip ("Greta Vosberg" of Marta Vosberg)."""
        known = self.index.entities
        named = {i for a, b, _ in spans for i in range(a, b)}
        for start, stop, eid in spans:
            entity = known.get(eid)
            if start == 0 or start - 1 in named or entity is None or entity.kind != "person":
                continue
            given = toks[start - 1]
            others = self._given_names().get(given, ())
            surname = set(toks[start:stop])
            if any(surname & set(tokens(known[other].name)) for other in others):
                continue  # "Victor Burton" is Victor N. Burton, whoever "Burton" alone was read as
            # written as a name: "Matt Burton", not "how old is matt burton" read for chat
            if others and eid not in others and re.search(rf"\b{given.capitalize()}\b", question):
                return " ".join(toks[start - 1 : stop])
        return ""

    def _misspelt_given_names(
        self, toks: list[str], spans: list[tuple[int, int, str]], used: set[int]
    ) -> set[int]:
        """The positions of a person's given name typed with a slip before their surname ("calum reid" of
        Callum Reid): part of the name, not a word of the question the sentence lacks."""
        known = self.index.entities
        found = set()
        for start, _stop, eid in spans:
            entity = known.get(eid)
            if start == 0 or start - 1 in used or entity is None or entity.kind != "person":
                continue
            typed = toks[start - 1]
            given = fold(entity.name.split()[0])
            if typed[:1] == given[:1] and OSA.distance(typed, given, score_cutoff=2) <= 2 and typed != given:
                found.add(start - 1)
        return found

    def _given_name_alone(self, toks: list[str], i: int) -> tuple[str, int] | None:
        """(person, 1) when toks[i] is a given name, no English word, that starts the name of one person
        of the base and stands alone ("how old is marco" of Marco Bellandi); chat names people so."""
        tok = toks[i]
        owners = self._given_names().get(tok)
        if not owners or len(owners) != 1 or is_english_word(tok) or tok not in first_names():
            return None
        after = toks[i + 1] if i + 1 < len(toks) else ""
        if after and (after in self._alias_sizes or not (after in STOPWORDS or is_english_word(after))):
            return None  # "elizabeth harris", "harriet velasqez": a surname follows, another's or misspelt
        (eid,) = owners
        surname = tokens(self.index.entities[eid].name)[-1]
        if len(self._family_names().get(surname, ())) > 1:
            return None  # "lin" of Lin and Mei Chen: the family's name would find the other
        return eid, 1

    def _family_names(self) -> dict[str, frozenset[str]]:
        """The folded last word of each person's name of two words or more -> those people."""
        if self._families is None:
            found: dict[str, set[str]] = {}
            for eid, entity in self.index.entities.items():
                words = tokens(entity.name)
                if entity.kind == "person" and len(words) >= 2:
                    found.setdefault(words[-1], set()).add(eid)
            self._families = {w: frozenset(e) for w, e in found.items()}
        return self._families

    def _given_names(self) -> dict[str, frozenset[str]]:
        """The folded first word of each person's name of two words or more -> those people."""
        if self._given is None:
            found: dict[str, set[str]] = {}
            for eid, entity in self.index.entities.items():
                words = tokens(entity.name)
                if entity.kind == "person" and len(words) >= 2 and words[0] not in STOPWORDS:
                    found.setdefault(words[0], set()).add(eid)
            self._given = {w: frozenset(e) for w, e in found.items()}
        return self._given

    def _initial_before(self, toks: list[str], i: int) -> tuple[str, int] | None:
        """(person, length with the initial) when toks[i] is the initial of a given name of the person
        named right after it ("C. Battin", "E. Burton" of Elizabeth A. Burton); None otherwise."""
        letter = toks[i]
        if len(letter) != 1 or i + 1 >= len(toks) or toks[i + 1] not in self._alias_sizes:
            return None
        after = self._alias_at(toks, i + 1)
        if after is None:
            return None
        entity = self.index.entities.get(after[0])
        if entity is None or entity.kind != "person":
            return None
        given = tokens(entity.name)[:-1]
        return (after[0], after[1] + 1) if any(w.startswith(letter) for w in given) else None

    def _acronym_of(self, eid: str, token: str) -> bool:
        """Whether *token* names the entity only as an acronym the base writes in capitals ("PACE")."""
        entity = self.index.entities.get(eid)
        return entity is not None and any(a.isupper() and fold(a) == token for a in entity.aliases)

    def _alias_at(self, toks: list[str], i: int) -> tuple[str, int] | None:
        """(entity, length) of the longest alias starting at toks[i]; a lone stopword names none.
        Speed: only the lengths of the aliases starting with that word are tried."""
        left = len(toks) - i
        for size in self._alias_sizes.get(toks[i], ()):
            if size <= left:
                eid = self.index.alias_to_entity.get(tuple(toks[i : i + size]))
                if eid and not (size == 1 and toks[i] in STOPWORDS):
                    return eid, size
        return None

    def _absent_places(self, query: Query, toks: list[str], skip: set[int]) -> set[int]:
        """A country or city the base never names ("the capital of France", of an article that has
        "France" only in "Agence France-Presse"): the question is about something the base does not
        cover. Note the first in query.absent_place and return the positions such names take."""
        starts = _world_place_starts()
        taken: set[int] = set()
        if starts.isdisjoint(toks):
            return taken  # speed: no word starts a place's name
        places = _world_places()
        i = 0
        while i < len(toks):
            found = None
            for size in (4, 3, 2, 1) if toks[i] in starts else ():
                span = tuple(toks[i : i + size])
                if len(span) == size and span in places and not skip.intersection(range(i, i + size)):
                    found = size
                    break
            # a single name that is also an English word (china the porcelain, turkey the bird) stays a word
            if found is None or (found == 1 and is_english_word(toks[i])):
                i += 1
                continue
            query.absent_place = query.absent_place or places[tuple(toks[i : i + found])]
            taken.update(range(i, i + found))
            i += found
        return taken

    def _word_terms(
        self,
        query: Query,
        toks: list[str],
        used: set[int],
        form_at: set[int],
        possessive: set[int],
        question: str = "",
    ) -> None:
        """Add a term per remaining content word: stemmed, spell-corrected, with its synonyms."""
        idx = self.index
        names: frozenset[str] | None = None  # the words written with a capital, read when first needed
        counting = "many" in toks  # speed: most questions count nothing (_counted_at)
        meta = _about_the_writer(toks) if not _WRITERS.isdisjoint(toks) else set()
        for pos, tok in enumerate(toks):
            if pos in used or tok in STOPWORDS or (tok in FORM_WORDS and pos in form_at) or pos in meta:
                continue
            if tok in _ASIDES and tok not in idx.vocab:
                continue
            if pos == 0 and tok in _LEADING_FILLERS and toks[1:2] and toks[1] in _QUESTION_OPENERS:
                continue  # "wait who's the new coach", "so what caused it": chat's opening, not asked about
            if query.wanted and pos > 0 and toks[pos - 1] == "how":
                continue  # "how old", "how big": the quantity answers it, not the word ("47", "20-hectare")
            far_away = tok == "away" and toks[pos - 2 : pos] == ["how", "far"]  # "12 feet" says how far
            if tok == "time" and toks[pos - 2 : pos] == ["how", "much"] and query.wanted:
                continue  # "how much time did he take off": "14 days" answers it, not the word
            if tok == "age" and query.wanted == _AGE:
                continue  # "what age is Blair", "Blair's age": "29" answers it, not the word
            if tok in ("name", "names") and (toks[pos + 1 : pos + 2] == ["of"] or pos - 1 in possessive):
                continue  # "the name of X", "X's name" ask for X
            if tok == "tell" and toks[pos + 1 : pos + 2] in (["me"], ["us"]):
                continue
            if tok in ("stand", "short") and toks[pos + 1 :] == ["for"] and query.spelled_out:
                continue  # "what does DGPC stand for": the name's spelled-out form answers it
            if tok in _LAST_VERB and query.wanted and "duration" in query.wanted and "long" in toks[:pos]:
                continue  # "how long will the strike last": the duration answers it; "last month" does not
            word = self._known_words.get(tok)  # speed: a word of the base is read once per base
            if word is None:
                # a word the base lacks: what it is read as is the word's alone, but for whether it is
                # written with a capital (speed: worked out once per word, kept)
                reading = self._unknown_words.get(tok) or self._read_word(tok)
                word = self._known_words.get(tok)  # its first reading found it in the base after all
            if word is None:
                if _MODEL_CODE.fullmatch(tok):
                    query.absent_name = query.absent_name or tok  # "A220" of an article on the A350
                by_case, if_name, if_not = reading
                as_name = False
                if by_case:
                    if names is None:
                        names = _capitalised(question)
                    as_name = tok in names
                got, may_name = if_name if as_name else if_not
                if may_name and as_name and names is not None and len(names) * 2 > len(toks):
                    may_name = not is_english_word(tok)  # Title Case ("What Did The Bank Report"): no names
                unknown = may_name and self._is_unknown_name(toks, pos, as_name, possessive)
                if unknown or self._absent_capitals(tok, question):
                    query.absent_name = query.absent_name or tok
                if got is None:
                    continue
                word = got
            if counting and _counted_at(toks, pos):
                query.counted.append((tok, word))
            if word.key in [t.key for t in query.terms]:
                continue
            if query.wanted and (stated := STATED_KINDS.get(tok)) in query.wanted:
                # "how much did it cost": a sum stated answers it ("a budget of")
                word = replace(word, alternatives=word.alternatives | {QUANTITY_PREFIX + stated})
                if stated == "score" and query.wanted == {"score"}:
                    # "what was the final score": a scoreline answers it, not "opened the scoring"
                    nothing: frozenset[str] = frozenset()
                    word = replace(word, key=QUANTITY_PREFIX + stated, alternatives=nothing, kin=nothing)
            if (
                (pos in form_at and tok in PLACE_KINDS)  # "in which county": "in Shropshire"
                or far_away
                or (tok in _SAYS_WHERE and "where" in toks[:pos])  # "where is ISAS located": "in Sagamihara"
                or (tok == "final" and toks[pos + 1 : pos + 2] in (["score"], ["scoreline"]))  # "71-68"
            ):
                word = replace(word, weight=word.weight * 0.25, light=True)
            query.terms.append(word)

    def _read_word(self, tok: str) -> _Reading:
        """How _word_terms reads *tok*, a content word not kept in _known_words: (whether the reading
        depends on *tok* being written with a capital, the reading if it is, if it is not); a reading
        is (the term, or None to leave the word out; whether it may be a name the base never mentions).
        A word of the base goes into _known_words, any other into _unknown_words."""
        idx = self.index
        key = stem(tok)
        known = key in idx.idf or tok in idx.vocab
        if not known and 2 < len(tok) < 6 and not is_english_word(tok):
            # an abbreviation's plural or singular the stemmer leaves alone ("TDs" of an article
            # saying "TD passes", "NGO" of one saying "NGOs")
            other = stem(tok[:-1]) if tok.endswith("s") else stem(tok + "s")
            if other in idx.idf:
                key, known = other, True
        if not known and len(tok) > 3:
            # "color" of an article writing "colour", "apnea" of "apnoea"; as written, since a stem may
            # be another word's ("tire" of "tyre" is "tired"'s)
            spelt = next((w for w in other_spellings(tok) if w in idx.vocab), None)
            if spelt:
                key, known = stem(spelt), True
        if not known and tok in _THINGS_ACRONYMS and not synonyms().get(key, frozenset()).isdisjoint(idx.idf):
            known = True  # "TB" of an article writing "tuberculosis": a thing's acronym the base spells out
        # a form that is its own lemma for some words and another's form for stem ("found" of "founded"
        # and of "find", "lay" of "laid" and of "lie", "number" of "numbers" and of "numb"): both readings
        own = stem_as_written(tok)
        twin = own if own != key and own in idx.idf else ""
        known = known or bool(twin)
        reading: _Reading
        if known:
            word = self._term(key, 1.0)
            if twin:
                word = replace(word, alternatives=word.alternatives | {twin}, kin=word.kin | {twin})
            if len(self._known_words) >= RELATED_KEPT:
                self._known_words.clear()  # bounded however many words users type
            self._known_words[tok] = word
            return False, (word, False), (word, False)
        if self._is_misspelt_stopword(tok):
            reading = (False, (None, False), (None, False))
        elif tok.isdigit():
            word = self._term(key, 1.0)
            reading = (False, (word, False), (word, False))
        else:
            near = self._correct(tok, False) if self._may_be_misspelt(tok) else None
            if near:
                word = self._term(idx.stem_of.get(near, stem(near)), 0.9)
                reading = (False, (word, False), (word, False))
            else:
                # _is_unknown_name is False of these however the word is written; written with a
                # capital, an English word may be a name too ("did Smith take", "Mr Baker")
                may_name = not (tok.isdigit() or len(tok) < 3 or is_english_word(tok))
                as_name = (self._term(key, 1.0), not (tok.isdigit() or len(tok) < 3))
                near = self._common_word(tok)
                typed = self._chat_spelling(tok) if near is None and may_name else None
                typed = typed or (self._rarer_typo(tok) if near is None and not may_name else None)
                if near in STOPWORDS:
                    if_not: tuple[Term | None, bool] = (None, False)
                elif near:
                    if_not = (self._term(stem(near), 0.9), False)
                elif typed:
                    if_not = (self._term(idx.stem_of.get(typed, stem(typed)), 0.8), False)
                else:
                    if_not = (self._term(key, 1.0), may_name)
                # _is_unknown_name reads the capital, so a word it may be asked of has one
                reading = (as_name != if_not or as_name[1], as_name, if_not)
        if len(self._unknown_words) >= RELATED_KEPT:
            self._unknown_words.clear()
        self._unknown_words[tok] = reading
        return reading

    def _chat_spelling(self, token: str) -> str | None:
        """The base's word a lower-case word in no dictionary was typed for in chat: its "g" dropped
        ("comin", "playin"), or two slips in a longer word ("sherrif", "compnys"); else None."""
        vocab = self.index.vocab
        if token.endswith("in") and len(token) >= 4 and token + "g" in vocab:
            return token + "g"
        if not token.isalpha():
            return None
        if len(token) < 6:
            return self._clipped(token)
        found = process.extractOne(token, self._vocab_words, scorer=OSA.distance, score_cutoff=2)
        if found is not None and found[0][0] == token[0]:
            return found[0]
        return self._clipped(token)

    def _clipped(self, token: str) -> str | None:
        """The base's one word that *token* (or its singular) is the start of, as chat clips words
        ("insta" for Instagram, "cert" for certificate, "lancs" for Lancashire); None when no word or
        words of more than one stem start so."""
        words = self._vocab_words
        found: set[str] = set()
        first = None
        for start in (token, token[:-1]) if token.endswith("s") else (token,):
            if len(start) < 3:
                continue
            at = bisect_left(words, start)
            while at < len(words) and words[at].startswith(start):
                word = words[at]
                if len(word) >= len(start) + 2:
                    found.add(self.index.stem_of.get(word, stem(word)))
                    first = first or word
                if len(found) > 1:
                    return None
                at += 1
        return first if len(found) == 1 else None

    def _term(self, key: str, weight_factor: float) -> Term:
        """The term of a content word read as *key*, its weight scaled by *weight_factor*."""
        idx = self.index
        weight = idx.idf.get(key, idx.max_idf) * weight_factor
        light = key in LIGHT
        if light:
            weight *= 0.25
        alts, kin = self._related_words(key)
        return Term(key, weight, False, alts, light, kin=kin)

    def _absent_counted(self, query: Query, toks: list[str]) -> str:
        """The word a "how many" question counts when the base never names it or anything it may stand
        for ("How many doctors did Labor promise to hire?" of an article on nurses), else ""."""
        for i in range(len(toks) - 2):
            if toks[i] == "how" and toks[i + 1] == "many" and toks[i + 2] not in _ANY_COUNT:
                key = stem(toks[i + 2])
                term = next((t for t in query.terms if t.key == key and not t.entity), None)
                idf = self.index.idf
                if term is not None and key not in idf and not any(a in idf for a in term.alternatives):
                    return toks[i + 2]
        return ""

    def _absent_number(self, toks: list[str], skip: set[int]) -> str:
        """The first number of the question the base states nowhere, in digits or words ("fourth" or
        "4th", "twenty five" or "25"), beyond one; "" when there is none."""
        # speed: whether a word states a number >= 2 the base does not hold as a word is the word's
        # alone, kept per word (0 for no); most questions hold none, seen in one pass in C
        kept = self._number_words
        values = list(map(kept.get, toks))
        if None in values:
            if len(kept) >= RELATED_KEPT:
                kept.clear()  # bounded however many words users type
            for tok in toks:
                if tok not in kept:
                    value = number_value(tok)
                    stated = value is not None and value >= 2 and tok not in self.index.vocab
                    kept[tok] = value if stated else 0
            values = [kept[tok] for tok in toks]
        elif not any(values):
            return ""
        compound = -1  # the unit word of a "twenty five" already read
        for pos, (tok, value) in enumerate(zip(toks, values, strict=True)):
            if not value or pos in skip or pos == compound:
                continue
            unit = number_value(toks[pos + 1]) if is_tens(value) and pos + 1 < len(toks) else None
            if unit is not None and unit < 10:
                value, compound = value + unit, pos + 1
            if self._base_numbers is None:
                self._base_numbers = numbers_in(self.index.vocab)
            if value not in self._base_numbers:
                return tok
        return ""

    def _absent_capitals(self, tok: str, question: str) -> bool:
        """Whether *tok* is a name of two capitals the base never writes ("When does the UK license
        expire?"), not one chat writes for no name ("on TV")."""
        return (
            len(tok) == 2
            and tok.isalpha()
            and tok not in _CHAT_CAPITALS
            and tok not in self._alias_word_set
            and re.search(rf"\b{tok.upper()}\b", question) is not None
        )

    def _is_unknown_name(
        self, toks: list[str], pos: int, capitalised: bool, possessive: set[int] = frozenset()
    ) -> bool:
        """Whether toks[pos], a word the base does not hold and no misspelling of its words, names
        something the base never mentions: written with a capital (an English word too: "Smith",
        "Baker", unless the question capitalises most of its words), or in lower case and in no
        dictionary at all (abbreviations aside), and not beside a name the base knows ("Raymond
        Sullivan" of an article naming Raymond; "Japan's Jasdaq" is not one name)."""
        token = toks[pos]
        if token.isdigit() or len(token) < (3 if capitalised else 4):
            return False
        if not capitalised and is_english_word(token):
            return False
        if not capitalised and (token in dictionary().rank or not token.isalpha()):
            return False  # "1100s", "r&d": no name
        before = toks[pos - 1 : pos] if pos and pos - 1 not in possessive else []
        beside = before + toks[pos + 1 : pos + 2] if pos not in possessive else before
        # (an English word is no evidence, as a word every name of a kind has is not: "Labour Party" is
        # not "People's Party", the "ESA telescope" not "NASA's Hubble Space Telescope")
        return not any(
            word in self._alias_word_set and word not in _NAME_KIND_WORDS and not is_english_word(word)
            for word in beside
        )

    def _common_word_uncached(self, token: str) -> str | None:
        """The common English word a token that is no word at all was meant to be ("happend":
        "happened", "teh": "the"): the nearest and most frequent one edit away (two from eight
        letters), with the same first letter and, when the word vectors know both, a similar vector."""
        words = dictionary()
        if len(token) < 3 or token in words.rank or not token.isalpha() or is_english_word(token):
            return None  # a word already (SymSpell's list spells the British way: "tumor" is lemminflect's)
        limit = 1 if len(token) < 8 else 2
        found = process.extract(
            token, words.by_first.get(token[0], ()), scorer=OSA.distance, score_cutoff=limit, limit=None
        )
        if len(token) == 3:  # three letters are one edit from too many words: only glue words ("teh")
            found = [f for f in found if f[0] in STOPWORDS]
        if not found:
            return None
        word = min(found, key=lambda f: (f[1], f[2]))[0]  # nearest, then most frequent
        if word in STOPWORDS:
            return word  # glue words have no meaning of their own for the vectors to agree on
        vectors = default_vectors()
        mine, theirs = vectors.vec(token), vectors.vec(word)
        if mine is not None and theirs is not None and cosine(mine, theirs) < COMMON_WORD_COSINE:
            return None  # a name the web writes often, not a misspelling of a word that looks like it
        return word

    def _may_be_misspelt(self, token: str) -> bool:
        """Neither a word of the base nor a common English word ("birds" is not a typo of "bid")."""
        return token not in STOPWORDS and token not in self.index.vocab and token not in self._english

    def _rarer_typo(self, token: str) -> str | None:
        """The base's word an English word it lacks was typed for, when that word is one slip away and
        ten times as common and the word itself rare ("manger" for "manager"; not "thick" for "think")."""
        rank = default_vectors().index
        if len(token) < 5 or token in STOPWORDS or rank.get(token, _UNRANKED) < _RARE_RANK:
            return None
        near = self._correct(token, False)
        if near is None:
            return None
        return near if rank.get(near, _UNRANKED) * 10 < rank.get(token, _UNRANKED) else None

    @staticmethod
    def _is_misspelt_stopword(token: str) -> bool:
        """'befor', 'abuot': glue words typed wrong should not become content words; an English word is
        none ("Chile" is no "while", "bring" no "being")."""
        return len(token) >= 5 and _near_long_stopword(token) and not is_english_word(token)

    def _related_words(self, key: str) -> tuple[frozenset[str], frozenset[str]]:
        """(synonyms and kin, kin) of *key* in this base; kept, as they depend on the base alone."""
        got = self._related.get(key)
        if got is None:
            kin = self._kin(key)
            alts = frozenset(s for s in synonyms().get(key, ()) if s in self.index.idf) | kin
            if len(self._related) >= RELATED_KEPT:
                self._related.clear()  # bounded however many odd words users type
            got = self._related[key] = (alts, kin)
        return got

    def _kin(self, key: str) -> frozenset[str]:
        """Words of the base built on the same stem: "leader" and "leadership", "skill" and "skillful";
        and the one who does and the doing, "rusher" and "rush", "winner" and "win"."""
        agents = self._agent_kin(key)
        if len(key) < 5:
            return agents
        same = frozenset(w for w in self.index.by_prefix.get(key[:5], ()) if w != key and _same_root(w, key))
        return same | agents if agents else same

    def _agent_kin(self, key: str) -> frozenset[str]:
        """The verb of an agent noun or the agent noun of a verb, when the base has it and the word
        vectors find the two alike ("rusher": "rush", "win": "winner"; not "show": "shower")."""
        if key.endswith(("er", "or")):
            forms = [key[:-2], key[:-1]] + ([key[:-3]] if len(key) > 4 and key[-3] == key[-4] else [])
        else:
            forms = [key + "er", key + "r", key + "or", key + key[-1:] + "er"]
        idf = self.index.idf
        found = [f for f in forms if len(f) >= 3 and f in idf]
        if not found:
            return frozenset()
        vectors = default_vectors()
        mine = vectors.vec(key)
        if mine is None:
            return frozenset()
        return frozenset(
            f for f in found if (v := vectors.vec(f)) is not None and cosine(mine, v) >= AGENT_COSINE
        )

    def _capital(self, toks: list[str], i: int) -> tuple[str, int] | None:
        """A capital city standing for its country ("Budapest agreed"), when the base has it."""
        if toks[i] not in _CAPITAL_STARTS:
            return None
        for size in (2, 1):
            if i + size > len(toks):
                continue  # a one-word capital ending the question is no two-word one
            country = _CAPITALS.get(" ".join(toks[i : i + size]))
            if country:
                eid = self.index.alias_to_entity.get(tuple(tokens(country)))
                if eid:
                    return eid, size
        return None

    def _resolve_roles(self, query: Query, adjacent: list[tuple[str, str]]) -> None:
        """ "the Hungarian leader" -> the person whose title names Hungary and a leader's role."""
        for key, eid in adjacent:
            if key not in _ROLE_STEMS:
                continue
            holders = self._role_holders(eid, _ROLE_STEMS[key])
            if len(holders) != 1 or holders[0] in query.entities:
                continue
            person = holders[0]
            term = next((t for t in query.terms if t.key == key), None)
            if term is None:
                continue
            query.terms.remove(term)
            ekey = ENTITY_PREFIX + person
            query.terms.append(Term(ekey, max(term.weight, self.index.idf.get(ekey, 0.0)), True))
            query.entities.append(person)

    def _role_holders(self, eid: str, role: str) -> list[str]:
        if (eid, role) not in self._roles:
            idx = self.index
            entity = idx.entities.get(eid)
            # "of" and "the" of "Kingdom of the Netherlands" do not make "Secretary of State" Dutch
            names = self._alias_words_of(eid) - STOPWORDS if entity else frozenset()
            wanted = _ROLE_WORDS
            if role not in GENERIC_ROLE_WORDS:
                wanted = next(group for group in SPECIFIC_ROLES if role in group)
            holders = []
            if entity and entity.kind in ("country", "organisation"):
                for p in idx.entities.values():
                    if p.kind != "person" or not p.sentences:
                        continue
                    for text in [p.title, *p.aliases]:
                        words = set(tokens(text))
                        if words & names and words & wanted:
                            holders.append(p.id)
                            break
            self._roles[eid, role] = holders
        return self._roles[eid, role]

    def _pairs(
        self,
        toks: list[str],
        spans: list[tuple[int, int, str]],
        skip: set[int],
        possessive: set[int],
    ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(tied, adjacent): nouns the question ties to an entity ("X's noun", "noun of X"),
        and nouns written right after an entity ("Hungarian leader", "alliance chief")."""
        tied, adjacent = [], []
        for start, end, eid in spans:
            after = end
            if after < len(toks) and after not in skip and toks[after] not in STOPWORDS:
                adjacent.append((stem(toks[after]), eid))
                if end - 1 in possessive:
                    tied.append((stem(toks[after]), eid))
            before = start - 1
            if before >= 1 and toks[before] == "the":
                before -= 1
            if before >= 1 and toks[before] == "of":
                noun = toks[before - 1]
                if noun not in STOPWORDS and before - 1 not in skip:
                    tied.append((stem(noun), eid))
                    adjacent.append((stem(noun), eid))
        return tied, adjacent

    def _correct_uncached(self, token: str, names: bool) -> str | None:
        """The base's word closest to a misspelt *token*, or None when nothing is close enough."""
        choices = self._alias_words if names else self._vocab_words
        if len(token) < (4 if names else 5) or not choices:
            return None
        limit = 1 if len(token) < 8 else 2
        near = process.extract(token, choices, scorer=OSA.distance, score_cutoff=limit, limit=None)
        if not near:
            return None
        closest = min(d for _, d, _ in near)
        # of the words as close, one the typing left a letter out of first ("batery": "battery", not
        # "bakery"), then the first in order
        tied = [w for w, d, _ in near if d == closest]
        word = next((w for w in tied if _letter_left_out(token, w)), tied[0])
        if word[0] != token[0] and not names:
            return None
        return word

    def _job_words(self, toks: list[str], spans: list[tuple[int, int, str]]) -> set[int]:
        """Positions of words asking what a named person is ("Oza's job", "the role of Oza"): the title
        the article gives them answers it, not the word."""
        if _JOB_WORDS.isdisjoint(toks) and _EMPLOYER_WORDS.isdisjoint(toks[1:2]):
            return set()  # speed: the usual case
        known = self.index.entities
        out = set()
        people = [(start, end) for start, end, eid in spans if eid in known and known[eid].kind == "person"]
        for start, end in people:
            after = [i for i in range(end, min(end + 2, len(toks))) if toks[i] in _JOB_WORDS]
            before = start - 2 if start >= 2 and toks[start - 1] == "of" else -1
            if after:  # the word before the job word too: "Rutte's current job", "Oza's official title"
                out.update(range(end, after[0] + 1))
            if before >= 0 and toks[before] in _JOB_WORDS:
                out.add(before)
        for start, _ in people:  # "which organization is Biesbroek with": whom they work for
            if (
                start in (2, 3)
                and toks[0] in ("which", "what")
                and toks[1] in _EMPLOYER_WORDS
                and toks[start - 1] in ("is", "was", "are", "were")
                and toks[-1] in ("with", "at", "from")
            ):
                out.add(1)
        if len(people) == 1:  # "what about Ngo-Anh, what is her job": the one person named
            out.update(i for i in range(1, len(toks)) if toks[i] in _JOB_WORDS and toks[i - 1] in _HIS_HER)
        return out

    def _titles_before_people(
        self, toks: list[str], spans: list[tuple[int, int, str]], used: set[int]
    ) -> set[int]:
        """Positions of a title before a named person ("Prime Minister Orban", "Hungarian Prime Minister
        Viktor Orban"): it says who is meant, not what is asked, so a sentence need not repeat it."""
        known = self.index.entities
        out: set[int] = set()
        for start, _, eid in spans:
            if eid not in known or known[eid].kind != "person":
                continue
            i = start - 1
            while i >= 0 and i not in used and toks[i] in _TITLE_TOKENS:
                i -= 1
            if i < start - 1 and i >= 0 and i not in used and toks[i] in _DEMONYMS:
                i -= 1  # "Hungarian" of "Hungarian Prime Minister"
            out.update(range(i + 1, start))
        return out

    def _named(self, words: tuple[str, ...], eid: str) -> tuple[Term, list[Term]]:
        """What _entity_terms makes of *words* naming *eid*: the entity's term, and the terms
        _add_alias_words would add for its words. Kept per name, as they depend on the base alone
        (speed: no stem or idf lookup per name a question)."""
        got = self._names.get((words, eid))
        if got is None:
            idx = self.index
            key = ENTITY_PREFIX + eid
            # a name made of one everyday word ("the summit") also matches that word written plainly
            plain = frozenset({stem(words[0])}) if len(words) == 1 and words[0] in idx.vocab else frozenset()
            plain = frozenset(plain & idx.idf.keys())
            probe = Query("", "")
            self._add_alias_words(probe, list(words), eid)
            got = (Term(key, idx.idf.get(key, idx.max_idf), True, plain, kin=plain), probe.terms)
            if len(self._names) >= RELATED_KEPT:
                self._names.clear()  # bounded however many names users type
            self._names[words, eid] = got
        return got

    def _add_alias_words(self, query: Query, words: list[str], eid: str) -> None:
        """An alias that says more than the name ("Teflon Mark" for Mark Rutte) also counts as words."""
        name_stems = self._name_stems.get(eid)
        if name_stems is None:
            name_stems = self._name_stems[eid] = {stem(n) for n in tokens(self.index.entities[eid].name)}
        idf = self.index.idf
        for w in words:
            key = stem(w)
            if key in name_stems or w in STOPWORDS or key not in idf:
                continue  # most alias words are the name's: the cheap tests first
            if key not in [t.key for t in query.terms]:
                query.terms.append(Term(key, idf[key] * 0.5, False, light=True, from_alias=True))


# "What does the author think X will do?", "in the writer's view": who wrote the piece is not asked about
_WRITERS = frozenset({"writer", "author", "columnist"})
_WRITER_SAYS = frozenset({"think", "thinks", "say", "says", "believe", "believes", "view", "opinion"})


def _about_the_writer(toks: list[str]) -> set[int]:
    """The positions of "the writer" and its verb or view ("does the author think", "the writer's view")."""
    found: set[int] = set()
    for pos, tok in enumerate(toks[1:-1], 1):
        if tok in _WRITERS and toks[pos - 1] == "the" and toks[pos + 1] in _WRITER_SAYS:
            found.update((pos, pos + 1))
    return found


# "what is the new pill called", "what was Cirencester called", "what is the name of the trial", "whats his
# real name" ask for a name ("The drug, called velunertib", "known as HELIOS-2", "a rover, Pika,"); "what is
# the band named after" does not
_NAME_KEYS = frozenset({"call", "name"})


def _asks_a_name(toks: list[str], possessive: set[int]) -> bool:
    """Whether the question asks what something is called (see _NAME_KEYS above)."""
    if toks[:1] != ["what"]:
        return False
    for pos, tok in enumerate(toks[2:], 2):
        after = toks[pos + 1 : pos + 2]
        if tok in ("name", "names") and (after in (["of"], []) or pos - 1 in possessive):
            return True
        naming = stem(tok) in _NAME_KEYS or OSA.distance(tok, "called") == 1  # chat's "caled"
        if naming and tok not in ("name", "names") and after not in (["after"], ["for"]):
            return True
        if tok == "known" and after == ["as"]:
            return True
    return False


def _letter_left_out(typed: str, word: str) -> bool:
    """Whether *typed* is *word* with one letter left out ("batery" of "battery")."""
    return len(word) == len(typed) + 1 and any(word[:i] + word[i + 1 :] == typed for i in range(len(word)))
