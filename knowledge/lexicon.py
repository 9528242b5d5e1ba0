"""General English word knowledge for matching: synonym groups, light verbs, question forms.

Nothing here is about one article: these are the everyday paraphrases of news questions.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .acronyms import COMMON
from .text import STOPWORDS, stem, tokens

# WordNet synonyms of everyday words, derived by scripts/derive_synonyms.py (stem -> synonym stems).
SYNONYMS_PATH = Path(__file__).parent / "data" / "synonyms.txt"
# question word -> words of the sentence answering it, learned from the testers' rounds
# (scripts/derive_associations.py): "tix" -> "ticket", "heavy" -> "weigh"
ASSOCIATIONS_PATH = Path(__file__).parent / "data" / "associations.txt"
ANTONYMS_PATH = Path(__file__).parent / "data" / "antonyms.txt"
CONVERSES_PATH = Path(__file__).parent / "data" / "converses.txt"
# Words WordNet uses mostly as verbs or adverbs (scripts/derive_word_classes.py), one lemma a line.
VERBS_ADVERBS_PATH = Path(__file__).parent / "data" / "verbs-adverbs.txt"
# Verbs that say of an object what they say of a subject: "the museum began it", "it began".
ERGATIVE_VERBS_PATH = Path(__file__).parent / "data" / "ergative-verbs.txt"
# Nouns whose first sense is a kind of person ("secretary", "undergraduate"; scripts/derive_person_nouns.py).
PERSON_NOUNS_PATH = Path(__file__).parent / "data" / "person-nouns.txt"
# English words most frequent first, from SymSpell's dictionary (scripts/derive_english_words.py).
ENGLISH_WORDS_PATH = Path(__file__).parent / "data" / "english-words.txt.gz"

_GROUPS = [
    "replace replacement successor succeed succession next new predecessor follow",
    "resign quit leave step depart exit",
    "support back backing endorse endorsement favour favor approve",
    "approve approval clearance",
    "oppose objection object block veto against resist",
    "say said add added tell told state post posted write wrote announce reveal comment claim describe",
    "nickname nicknamed call called dub dubbed known titled entitled",
    "job role position office tenure work career employ employment manager profession occupation living",
    "lead leader led head headed chief chair run boss ceo chairman chairwoman",
    "country nation state",
    "government administration cabinet coalition",
    "elect election reelection re-election vote ballot run stand standing",
    "decide decision decided choose chose agree",
    "begin start started commence enter entering launch introduce debut",
    "end finish conclude conclusion over",
    "collapse fall fell fail failure break",
    "competitor rival opponent challenger candidate contender",
    "candidate nominee contender",
    "deal agreement accord pact arrangement contract",
    "sack fire oust",
    "sack sacked dismiss dismissed",
    "game match fixture",
    "team squad",
    "house home",
    "strike walkout stoppage",
    "robbery raid heist",
    "meet meeting met talk talks summit gathering",
    "troops soldiers forces personnel military staff",
    "weapons arms weaponry supplies munitions",
    "fund funding money finance financial aid pay paid payment cost",
    "money cost price billion million euro euros dollar dollars pound pounds",
    "help aid assist assistance support",
    "invite invitation join membership member",
    "war invasion conflict attack fight",
    "threat danger risk",
    "promise pledge commit commitment vow",
    "describe described call portray characterise characterize view regard consider",
    "friend friendliness ally close relationship relations ties",
    "before previously earlier once prior formerly",
    "previous former old",  # "the old record" of "the previous record"
    "politics political politician",
    "party",
    # titles as news abbreviates them before a name ("Gov. Elena Marquez", "Sen. Ben Sasse")
    "governor gov",
    "senator sen",
    "representative rep",
    "lieutenant lt",
    "sergeant sgt",
    "detective det",
    "superintendent supt",
    "professor prof",
    "councillor cllr",
    "doctor dr",
    "term mandate tenure",
    "year years annual",
    "born birth",
    "reason why cause because due blame",
    "theme topic focus agenda issue priority",
    "summit conference meeting",
    "company firm corporation business giant",
    "spokesperson spokesman spokeswoman representative",
    "lawyer attorney counsel represent",
    "withdraw pull drop",
    "extend extension prolong renew",
    "require need must necessary demand condition insist request",
    "president",
    "minister premier",
    "media press newspaper report reports outlet according",
    "chosen selected picked named appointed",
    "become became",
    "race contest competition running",
    "first initial original",
    "expert experts analyst analysts observer commentator",
    "skill skills skillful skilled talent ability",
    "leaning ideology wing conservative liberal center centre",
    "briefing conference press",
    "exchange return trade swap",
    "social media twitter tweet post posted",
    "upcoming next coming forthcoming",
    "weapons military aid",
    "nationality citizen",
    "cabinet minister ministry portfolio",
    "break beat smash surpass",
    "record mark",
    "operation activity activities mission initiative initiatives",
    "stance position view opinion attitude",
    "based headquarters headquartered hq",
    # family words as people type them (WordNet's first senses miss "dad" for "father", "mum" for "mother")
    "father dad daddy",
    "mother mum mom mummy mommy",
    "child children kid kids",
    "baby babies infant newborn",
    # news paraphrases WordNet's first senses miss, as testers asked them
    "share shares stock stocks",
    "fine fined penalty",
    "goalkeeper keeper",
    "spectator spectators fan fans crowd supporter supporters",
    "complete completed completion finish finished",
    "hack hacked hackers cyberattack",
    "legal lawful",
    "pupil pupils student students",
    "police cops",
    "jab jabs dose doses",
    "injured injury injuries hurt wounded",
    "worker workers employee employees staff employ employs employed workforce headcount",
    "juvenile young",
    "coach manager",
    "lend lent loan loaned",
    "yearly annual annually",
    # and rounds 171-206's: "how many people were killed" of "died", "where was the gig", "the crash"
    "kill killed die died death deaths",
    "gig gigs concert concerts show shows",
    "crash crashes collision collisions",
    "vessel vessels boat boats ship ships",
    "stream streamed streaming livestream livestreamed",
    # and rounds 513-548's: "on a typical weekday" of "on an average weekday"
    "typical typically average",
    "debut first",  # "what was her first album" of "her debut album"
    "top highest",  # "who got the top score" of "the highest individual score"
    # "who owns brightmoor" of "was bought by"; "who owns the farm" of "the farm belongs to"
    "own owner owned owns ownership bought acquired belong belongs belonged",
    "lose lost loss losses",  # "how much did it lose" of "a pre-tax loss of £6.8 million"
    "run runs operate operates operated operator",  # "who runs the van" of "its operator"
    # chat's short forms (rounds 657-704)
    "subs subscribers subscriber",
    "refurb refurbishment refurbished",
    "indie independent",
    "merch merchandise",
    # "how many extra stewards" of "40 additional stewards"; "how many people were there" of "a crowd of"
    "extra additional",
    "people crowd attendance",
]

# Verbs so light that, missing from a sentence, they should not sink a match.
LIGHT = frozenset(
    stem(w)
    for w in """get got do does did make made go went happen happened take took give gave come came
    put use used want need think mean know role going expect expected start begin place hold held
    people person someone somebody anyone everyone current incumbent now currently
    """.split()
)

# Idioms rewritten before matching, so their meaning meets the synonym groups above.
PHRASES = {
    "head of state": "president",
    "head of government": "prime minister",
    "for a living": "job",
    "take part": "participate",
    "took part": "participate",
    "on board": "support",
    "step down": "resign",
    "stepping down": "resign",
    "take office": "start",
    "took office": "start",
    "take over": "succeed",
    "took over": "succeed",
    "take place": "happen",
    "took place": "happen",
    "in charge of": "lead",
    "in exchange for": "return",
    "show up": "appear",
    "showed up": "appear",
    "shows up": "appear",
    # everyday phrasings of a news verb (rounds 81-86)
    "set up": "establish",
    "call off": "cancel",
    "called off": "cancel",
    "sent to prison": "jail",
    "sent to jail": "jail",
    "straight away": "immediately",
    "right away": "immediately",
    "money back": "refund",
    "go bust": "collapse",
    "went bust": "collapse",
    "gone bust": "collapse",
    "pull out": "withdraw",
    "pulled out": "withdraw",
    # and of chat's (rounds 105-128)
    "take down": "remove",
    "took down": "remove",
    "taken down": "remove",
    "knock down": "demolish",
    "knocked down": "demolish",
    "break down": "collapse",
    "broke down": "collapse",
    "broken down": "collapse",
    "turn down": "reject",
    "turned down": "reject",
    "hand over": "present",
    "head office": "headquarters",
    "head offices": "headquarters",
    "handed over": "present",
    # and chat's (rounds 351-410); "come out" as "release" lost more answers than it found
    "chip in": "contribute",
    "chipped in": "contribute",
    "kick off": "start",
    "kicks off": "start",
    "kicked off": "start",
    "sign up": "register",
    "signed up": "register",
    "shut down": "close",
    "shuts down": "close",
    "split up": "split",
    "go up": "rise",
    "goes up": "rise",
    "going up": "rise",
    "gone up": "rise",
    "went up": "rise",
    "turn up": "attend",
    "turned up": "attend",
    "kick in": "start",
    "kicks in": "start",
    "put in": "contribute",
    "find out": "learn",
    # a title's acronym typed in chat, as the article spells the title: "who's the cto" is not the
    # "officer" or "chief" of any title (rounds 135-146)
    "ceo": "chief executive",
    "cfo": "chief financial",
    "coo": "chief operating",
    "cto": "chief technology",
    # a party's everyday short name ("lib" alone is clipped from too many words: "library", "liberty")
    "lib dems": "liberal democrats",
    "lib dem": "liberal democrat",
    "lib democrats": "liberal democrats",  # chat's "dems" is read as "democrats" first
    "lib democrat": "liberal democrat",
    # chat's ordinals in digits, as articles write them in words: "who came 3rd" of "who came third"
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    "4th": "fourth",
    "5th": "fifth",
    "6th": "sixth",
    "7th": "seventh",
    "8th": "eighth",
    "9th": "ninth",
    "10th": "tenth",
    # who wrote the piece is not what is asked: "Why did the interview happen, according to the writer?"
    "according to the writer": "",
    "according to the author": "",
    "according to the columnist": "",
}

# "In which county is X?": the kind of place asked, which the answer's name seldom carries ("in Shropshire")
PLACE_KINDS = ("country", "county", "city")
# Question openings and what kind of answer they want.
QUESTION_FORMS: list[tuple[tuple[str, ...], str]] = [
    (("how", "many"), "number"),
    (("how", "much"), "number"),
    (("how", "long"), "duration"),
    (("how", "old"), "age"),
    (("what", "time"), "date"),
    (("what", "year"), "date"),
    (("what", "date"), "date"),
    (("what", "day"), "date"),
    (("what", "month"), "date"),
    (("which", "year"), "date"),
    (("since", "when"), "date"),
    (("how", "come"), "reason"),
    (("what", "reason"), "reason"),
    *(((w, kind), "place") for w in ("which", "what") for kind in PLACE_KINDS),
    (("who",), "person"),
    (("whom",), "person"),
    (("whose",), "person"),
    (("when",), "date"),
    (("where",), "place"),
    (("why",), "reason"),
    (("which",), "entity"),
    (("what",), "thing"),
    (("how",), "manner"),
]
# Words of a question form that say nothing about the subject ("what time" -> time).
FORM_WORDS = frozenset({"time", "year", "date", "day", "month", "reason", "many", "much", "long", "come"})


def _build() -> dict[str, frozenset[str]]:
    related = _related()
    for key, words in _read_word_table(ASSOCIATIONS_PATH).items():  # one way: the question's to the text's
        related.setdefault(key, set()).update(words)
    return {k: frozenset(v) for k, v in related.items()}


def related_without_associations() -> dict[str, frozenset[str]]:
    """synonyms() as it is without the learned associations (what they are learned beside)."""
    return {k: frozenset(v) for k, v in _related().items()}


def _related() -> dict[str, set[str]]:
    related = _read_word_table(SYNONYMS_PATH)
    for group in _GROUPS:
        stems = {stem(w) for w in group.split()}
        for s in stems:
            related.setdefault(s, set()).update(stems - {s})
    for acronym, (expansion, kind) in COMMON.items():
        if kind == "organisation":
            continue  # names, matched through the entity's aliases
        short = stem(acronym.lower())
        words = {stem(w) for w in tokens(expansion) if w not in STOPWORDS}
        related.setdefault(short, set()).update(words)
        for w in words:
            related.setdefault(w, set()).add(short)  # "chief" -> "ceo", not "chief" -> "officer"
    return related


@dataclass(frozen=True)
class Dictionary:
    """English words by frequency rank (0 is the most frequent), and how many of them are common."""

    rank: dict[str, int]
    common: int
    by_first: dict[str, list[str]]  # the common words by their first letter, most frequent first


@lru_cache(maxsize=1)
def _other_spellings() -> dict[str, str]:
    """British and American spellings of the same words, each to the other (breame's tables)."""
    from breame.data.spelling_constants import AMERICAN_ENGLISH_SPELLINGS, BRITISH_ENGLISH_SPELLINGS

    return {**BRITISH_ENGLISH_SPELLINGS, **AMERICAN_ENGLISH_SPELLINGS}


def other_spellings(word: str) -> list[str]:
    """The word as the other side of the Atlantic may spell it: "color" of "colour", "centre" of "center"
    (breame's tables), and with "ae" or "oe" for "e" or the other way, which the tables miss of medicine's
    words ("apnoea" of "apnea"). Read only for a word the base lacks, so the tables load when needed."""
    found = [spelt] if (spelt := _other_spellings().get(word)) else []
    for digraph in ("ae", "oe"):
        at = word.find(digraph)
        if at > 0:
            found.append(word[:at] + word[at + 1 :])  # "apnoea" -> "apnea", "paediatric" -> "pediatric"
    found += [word[:i] + vowel + word[i:] for i in range(1, len(word)) if word[i] == "e" for vowel in "ao"]
    return found


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    """The English dictionary, read once (empty without its file)."""
    if not ENGLISH_WORDS_PATH.exists():
        return Dictionary({}, 0, {})
    with gzip.open(ENGLISH_WORDS_PATH, "rt", encoding="utf-8") as lines:
        common = int(next(lines).split(":")[1])
        words = lines.read().split()
    by_first: dict[str, list[str]] = {}
    for word in words[:common]:
        by_first.setdefault(word[0], []).append(word)
    return Dictionary({w: i for i, w in enumerate(words)}, common, by_first)


@lru_cache(maxsize=1)
def synonyms() -> dict[str, frozenset[str]]:
    """Stem -> the stems that may stand for it: WordNet's, the groups above, acronyms (read once)."""
    return _build()


@lru_cache(maxsize=1)
def antonyms() -> dict[str, frozenset[str]]:
    """Stem -> the stems of its opposites (scripts/derive_antonyms.py; read once, empty without the file)."""
    return {key: frozenset(words) for key, words in _read_word_table(ANTONYMS_PATH).items()}


@lru_cache(maxsize=1)
def converses() -> dict[str, frozenset[str]]:
    """Verb stem -> the stems of the verbs that say its act from the other side ("win": "lose"; read once)."""
    return {key: frozenset(words) for key, words in _read_word_table(CONVERSES_PATH).items()}


@lru_cache(maxsize=1)
def verbs_and_adverbs() -> frozenset[str]:
    """Lemmas WordNet gives more senses as verbs or adverbs than as nouns or adjectives (read once)."""
    return _read_word_list(VERBS_ADVERBS_PATH)


@lru_cache(maxsize=1)
def ergative_verbs() -> frozenset[str]:
    """Verbs whose subject may be what another subject acts on ("the project began"; read once)."""
    return _read_word_list(ERGATIVE_VERBS_PATH) | _NEWS_ERGATIVES


# news says "the probe launched" and "the series premiered" as often as "launched the probe"; WordNet gives
# these verbs no "Something ----s" frame
_NEWS_ERGATIVES = frozenset({"launch", "relaunch", "premiere", "debut"})


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns whose first sense is a kind of person ("secretary", "undergraduate"; read once)."""
    return _read_word_list(PERSON_NOUNS_PATH)


def _read_word_list(path: Path) -> frozenset[str]:
    """One word a line (the scripts/derive_word_classes.py lists); empty without the file."""
    return frozenset(path.read_text("utf-8").split()) if path.exists() else frozenset()


def _read_word_table(path: Path) -> dict[str, set[str]]:
    """A stem, a tab and its related stems on each line (the scripts/derive_*.py tables); {} without it."""
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as lines:
        pairs = (line.rstrip("\n").partition("\t") for line in lines)
        return {key: set(words.split()) for key, _, words in pairs}
