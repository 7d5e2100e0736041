"""Pay stated in free posting text → one structured salary (amounts, currency, period, OTE).

Pipeline: the text is encoded once to ASCII bytes (one byte per character, anything else →
"?") and translated so that C-level ``bytes.find`` hops from digit run to digit run (a regex
scan of a whole description costs 10–25 ns a character, a find well under one). Each run gets
a two-byte look at its neighbours: only numbers with something currency-like around them (and
their close neighbours, which may complete a range) are read by the amount regex, which takes
the number, its multiplier (k, lakh, crore, 万) and a trailing currency. Neighbouring amounts
joined by a range word become ranges. Every candidate is judged word by word on its context
(pay words, period words incl. compounds such as *Stundenlohn*, *Timlön*, 月給; allowance,
stipend-for-expenses and bonus words; min/max cues; OTE wording) and the best-scoring base
pay wins.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["ANNUAL_FACTORS", "MAX_SCAN", "PERIODS", "SalaryFinding", "annualize", "parse_salary"]

MAX_SCAN = 100_000  # characters of text looked at
PERIODS = ("hour", "day", "week", "month", "year")
ANNUAL_FACTORS = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}


@dataclass(frozen=True)
class SalaryFinding:
    """Pay found in text: amounts are in ``currency`` per ``period``."""

    min: float | None
    max: float | None
    currency: str | None
    period: str | None
    raw: str
    is_ote: bool = False


def annualize(value: float | None, period: str | None) -> float | None:
    """``value`` per ``period`` → per year (None when either is unknown)."""
    if value is None or period not in ANNUAL_FACTORS:
        return None
    return value * ANNUAL_FACTORS[period]


# --- currencies ---------------------------------------------------------------------------


def _wordset(words: str) -> frozenset[str]:
    """Space-separated words → frozenset (keeps long word lists compact)."""
    return frozenset(words.split())


ISO_CODES = _wordset(
    "USD EUR GBP CHF CAD AUD NZD SGD HKD JPY CNY INR BRL MXN PLN SEK NOK DKK ISK CZK HUF "
    "RON BGN ZAR AED SAR QAR KWD BHD OMR ILS TRY KRW PHP MYR IDR THB VND TWD ARS CLP COP "
    "PEN UYU NGN KES EGP MAD UAH RUB PKR BDT LKR"
)
DOLLAR_BY_COUNTRY = {
    "CA": "CAD", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "MX": "MXN", "HK": "HKD",
    "CL": "CLP", "CO": "COP", "AR": "ARS", "UY": "UYU", "TW": "TWD",
}  # fmt: skip
_DOLLAR_PREFIX = {
    "US": "USD", "USD": "USD", "C": "CAD", "CA": "CAD", "CAD": "CAD", "CAN": "CAD",
    "A": "AUD", "AU": "AUD", "AUD": "AUD", "NZ": "NZD", "NZD": "NZD", "S": "SGD",
    "SG": "SGD", "SGD": "SGD", "HK": "HKD", "HKD": "HKD", "R": "BRL", "MX": "MXN",
    "MEX": "MXN", "MXN": "MXN", "NT": "TWD",
}  # fmt: skip
_SYMBOLS = {
    "£": "GBP", "€": "EUR", "₹": "INR", "₩": "KRW", "₱": "PHP", "₪": "ILS", "₺": "TRY",
    "₽": "RUB", "₴": "UAH", "₦": "NGN", "₫": "VND", "円": "JPY", "元": "CNY",
}  # fmt: skip
_WORDS = {
    "zł": "PLN", "zl": "PLN", "złotych": "PLN", "złote": "PLN", "kč": "CZK", "kc": "CZK",
    "ft": "HUF", "lei": "RON", "rs": "INR", "fr": "CHF", "sfr": "CHF", "rm": "MYR",
    "rp": "IDR", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
    "reais": "BRL", "rupee": "INR", "rupees": "INR", "yen": "JPY", "yuan": "CNY", "rmb": "CNY",
}  # fmt: skip
_KRONA = {"SE": "SEK", "NO": "NOK", "DK": "DKK", "IS": "ISK"}
_PESO = {"AR": "ARS", "CL": "CLP", "CO": "COP", "UY": "UYU", "PH": "PHP"}
_EURO_AREA = "AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK"
COUNTRY_CURRENCY = {c: "EUR" for c in _EURO_AREA.split()} | {
    "US": "USD", "GB": "GBP", "CH": "CHF", "IN": "INR", "BR": "BRL", "PL": "PLN", "SE": "SEK",
    "NO": "NOK", "DK": "DKK", "CZ": "CZK", "HU": "HUF", "RO": "RON", "JP": "JPY", "CN": "CNY",
    "KR": "KRW", "ZA": "ZAR", "AE": "AED", "IL": "ILS", "TR": "TRY", "PH": "PHP", "MY": "MYR",
    "ID": "IDR", "TH": "THB", "VN": "VND", "TW": "TWD", "AR": "ARS", "CL": "CLP", "CO": "COP",
    "PE": "PEN", "NG": "NGN", "KE": "KES", "EG": "EGP", "UA": "UAH", "PK": "PKR",
} | DOLLAR_BY_COUNTRY  # fmt: skip

# Upper bounds (in currency units) of an hourly, daily and monthly figure: used to guess the
# period of a figure stated without one, and to reject implausible pay.
_DEFAULT_SCALE = (200, 1_000, 20_000)
_SCALE = {
    "INR": (2_000, 10_000, 100_000), "JPY": (5_000, 50_000, 1_500_000),
    "KRW": (50_000, 500_000, 15_000_000), "CNY": (300, 2_000, 100_000),
    "HKD": (500, 3_000, 150_000), "TWD": (1_000, 5_000, 400_000), "BRL": (300, 2_000, 50_000),
    "MXN": (1_000, 5_000, 150_000), "PLN": (300, 2_000, 60_000),
    "CZK": (1_000, 5_000, 250_000), "HUF": (10_000, 50_000, 4_000_000),
    "RON": (300, 2_000, 50_000), "SEK": (1_000, 5_000, 150_000),
    "NOK": (1_000, 5_000, 150_000), "DKK": (1_000, 5_000, 150_000),
    "ISK": (20_000, 100_000, 3_000_000), "ZAR": (1_000, 5_000, 200_000),
    "AED": (300, 2_000, 100_000), "SAR": (300, 2_000, 100_000), "QAR": (300, 2_000, 100_000),
    "ILS": (500, 3_000, 120_000), "TRY": (2_000, 10_000, 500_000),
    "PHP": (1_000, 5_000, 300_000), "THB": (1_000, 5_000, 400_000),
    "MYR": (200, 1_000, 40_000), "IDR": (200_000, 1_000_000, 60_000_000),
    "VND": (500_000, 2_000_000, 200_000_000), "COP": (50_000, 300_000, 40_000_000),
    "CLP": (20_000, 100_000, 10_000_000), "ARS": (20_000, 100_000, 10_000_000),
    "NGN": (20_000, 100_000, 5_000_000), "KES": (2_000, 10_000, 1_500_000),
    "EGP": (500, 3_000, 300_000), "RUB": (3_000, 15_000, 1_000_000),
    "UAH": (1_000, 5_000, 300_000), "PKR": (3_000, 15_000, 1_000_000),
}  # fmt: skip

# --- the amount scanner -----------------------------------------------------------------------

_SP = "[ \t\u00a0\u202f\u2009]"


def _alternation(words: set[str] | frozenset[str]) -> str:
    """Regex alternation of ``words``, grouped by first character (cheap for the engine)."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in groups.items())


_SUFFIX_SYMBOLS = "$£€¥￥₹₩₽₴₫₪₺₦円元"
_SUFFIX_CODES = ISO_CODES | {"RMB", "Ft", "Kč"}
_SUFFIX_WORDS = _wordset(
    "złotych złote zł zl kr. kr lei euros euro dollars dollar pounds pound reais pesos "
    "peso rupees rupee yen yuan"
)
_SUFFIX_GATE = "".join(
    sorted({w[0] for w in _SUFFIX_CODES} | {c for w in _SUFFIX_WORDS for c in (w[0], w[0].upper())})
)
_SUFFIX = (
    rf"(?=[{_SUFFIX_SYMBOLS}{_SUFFIX_GATE}])(?:[{_SUFFIX_SYMBOLS}]"
    rf"|(?:{_alternation(_SUFFIX_CODES)})(?![A-Za-z])"
    rf"|(?i:{_alternation(_SUFFIX_WORDS)})(?![a-zà-ÿ]))"
)
_NUMBER = (
    r"[0-9](?:"
    r"[0-9]?(?:,[0-9]{2}){1,3},[0-9]{3}"  # Indian grouping: 12,00,000
    r"|[0-9]{0,2}(?:[.,'’ \u00a0\u202f\u2009][0-9]{3}){1,4}(?:[.,][0-9]{1,2})?"  # 1.234.567,89
    r"|[0-9]{0,11}(?:[.,][0-9]{1,2})?"  # 95000, 27.50, 1.2
    r")(?![0-9])"
    r"(?:[.,][-–](?![0-9]))?"  # Swiss / Austrian "95'000.–", "3.100,-"
)
_MULT = (
    r"[kK](?![A-Za-z])|万|L(?![A-Za-z])"
    rf"|{_SP}[kK](?=[€$£])"  # "45 k€"
    rf"|{_SP}?(?i:lakhs?|lacs?|lpa|crores?|cr|thousand)(?![a-z])"
)
_AMOUNT_RE = re.compile(
    rf"(?P<num>{_NUMBER})(?P<mult>{_MULT})?(?:(?P<ssp>{_SP}?)(?P<suffix>{_SUFFIX}))?"
)
_PREFIX_SYMBOLS = frozenset("£€¥￥₹₩₱₪₺₽₴₦")
_PREFIX_WORDS = _wordset("Rs Rs. RS RS. Fr. SFr SFr. RM Rp kr kr. Kr Kr. R")
_SCALE_AFTER = re.compile(
    rf"{_SP}*(?:%|(?i:million|billion|trillion|mio|mrd|mln|bn|mn|mil|millones|milhões)(?![a-z]))"
)
_RANGE_WORDS = "to|and|bis|à|a|até|ate|do|hasta|au|et|y|e|und|tot|till|til|until|or|en|och|og|i|al"
_GAP_RE = re.compile(
    r"(?:\s*/\s*[a-z]{1,5}\.?|\s+(?:per|an?)\s+[a-z]{3,6})?"  # "$38/hr to $45/hr"
    r"(?:\s*[-–—‑−~～〜]{1,2}\s*"
    rf"|\s+(?:{_RANGE_WORDS})\s+"
    # "$16/hr, up to $19/hr"
    r"|\s*,?\s+(?:and\s+)?(?:up to|bis zu|jusqu['’]à|hasta|até|fino a)\s+)",
    re.IGNORECASE,
)
_SPACE_ONLY = re.compile(r"\s*")
_NOTE = re.compile(r"\s*\([^()]{1,16}\)")  # "(1. Jahr)", "(Level 1)"
_NOTE_OPEN = re.compile(r"\s*\([^()]{0,8}$")  # a note opened before the next number

# Digit runs are found with bytes.find on a translated copy of the text: digits → "0",
# number separators → "1", anything else → " ".
_RUN_TABLE = bytes(48 if 48 <= c <= 57 else 49 if c in b".,'" else 32 for c in range(256))
_SPACES = frozenset(" \t\u00a0\u202f\u2009")
_GROUP_GAPS = frozenset(" \u00a0\u202f\u2009’")  # "7 500", "120’000"
# Cheap looks at the bytes around a digit run (integer table lookups, no slicing): 1 = a
# currency or multiplier is certainly there, 2 = maybe (look closer), 3 = a space (look one
# byte further). Before a number: "$", "CHF", "R", "Rs.", "?" (any non-ASCII character, e.g.
# "€" or a no-break space); after it: "k", "K€", "LPA", "lakh", "crore", "thousand", "zł",
# "kr", "euro", "EUR", "€", "円", "万" … They may say yes wrongly; the amount regex decides.
_LETTER_BYTES = frozenset(string.ascii_letters.encode())
_UPPER = bytes(range(65, 91))


def _byte_table(sure: bytes, maybe: bytes, space: bytes = b"") -> bytes:
    return bytes(
        1 if c in sure else 2 if c in maybe else 3 if c in space else 0 for c in range(256)
    )


_BEFORE = _byte_table(b"$", b"?.s" + _UPPER, b" ")
_BEFORE_2 = _byte_table(b"$", b"?.s" + _UPPER)  # one byte further back
_AFTER = _byte_table(b"$", b"?" + _UPPER + b"kz", b" ")
_AFTER_2 = _byte_table(b"$", b"?" + _UPPER + b"kz")
# lowercase words after a number are told apart by their first three letters
_AFTER_WORDS = (
    "kr", "lakh", "lac", "lpa", "lei", "cr", "thousand", "zl", "euro", "dollar", "pound",
    "peso", "reais", "rupee", "yen", "yuan",
)  # fmt: skip
_AFTER_STARTS = frozenset(
    {v[:3].encode() for w in _AFTER_WORDS for v in (w, w.capitalize())}
    | {v.encode() + bytes((c,)) for w in _AFTER_WORDS if len(w) == 2 for v in (w, w.capitalize())
       for c in range(256)}
)  # fmt: skip
_AFTER_INITIALS = frozenset(w[0].encode()[0] for w in _AFTER_WORDS) | {
    w[0].upper().encode()[0] for w in _AFTER_WORDS
}
_AFTER_SYMBOLS = frozenset(_SUFFIX_SYMBOLS + "万")
_PAD = b"   "  # so that the scan may look a few bytes past the end
_SPACE_BYTES = frozenset(b" ?")  # a space, or a non-ASCII character that may be one


def _pair_flags(near: bytes, far: bytes, initials: frozenset[int]) -> list[int]:
    """Flag (0, 1 sure, 2 maybe) of every byte pair: ``near`` is the table of the byte next
    to the number, ``far`` that of the byte beyond it (read when the near one is a space)."""
    flags = [0] * 65536
    for a in range(256):
        t = near[a]
        for b in range(256):
            f = t if t in (1, 2) else (far[b] or (2 if b in initials else 0)) if t == 3 else 0
            if not f and a in initials:
                f = 2
            flags[a << 8 | b] = f
    return flags


_BEFORE_FLAGS = _pair_flags(_BEFORE, _BEFORE_2, frozenset())
_AFTER_FLAGS = _pair_flags(_AFTER, _AFTER_2, _AFTER_INITIALS)
# keyed by the two bytes as they stand in the text: before a number (far, near), after it
# (near, far); one-byte and empty keys at the edges of the text
_BEFORE_TABLE = {bytes((b, a)): f for i, f in enumerate(_BEFORE_FLAGS) if f
                 for a, b in ((i >> 8, i & 255),)}  # fmt: skip
_BEFORE_TABLE.update({bytes((a,)): _BEFORE[a] if _BEFORE[a] in (1, 2) else 0 for a in range(256)})
_AFTER_TABLE = {bytes((a, b)): f for i, f in enumerate(_AFTER_FLAGS) if f
                for a, b in ((i >> 8, i & 255),)}  # fmt: skip


def _hinted_after(text: str, raw: bytes, k: int) -> bool:
    """Whether a multiplier or currency may start at index ``k`` (after a number)."""
    c = raw[k]
    if c == 36:
        return True
    if c == 63:  # non-ASCII: a symbol, or a no-break space before one
        ch = text[k] if k < len(text) else ""
        if ch in _AFTER_SYMBOLS:
            return True
        return ch in _SPACES and k + 1 < len(text) and _hinted_after(text, raw, k + 1)
    if c == 107 or 65 <= c <= 90:  # "k", "K", "L", "EUR", "LPA"
        nxt = raw[k + 1]
        if nxt not in _LETTER_BYTES or 65 <= nxt <= 90 or nxt == 114:
            return True
    if c == 122 and raw[k + 1] == 63:  # "zł"
        return text[k + 1] == "ł"
    return raw[k : k + 3] in _AFTER_STARTS


def _hinted_before(text: str, raw: bytes, k: int) -> bool:
    """Whether a currency may end at index ``k`` (the character before a number)."""
    c = raw[k]
    if c == 36:  # "$"
        return True
    if c == 63:  # non-ASCII: a symbol, or a no-break space after one
        ch = text[k]
        if ch in _PREFIX_SYMBOLS:
            return True
        return ch in _SPACES and k > 0 and raw[k - 1] != 63 and _hinted_before(text, raw, k - 1)
    if 65 <= c <= 90:  # an ISO code, "RM", or a lone "R" (ZAR)
        if k == 0:
            return c == 82
        return 65 <= raw[k - 1] <= 90 or (c == 82 and raw[k - 1] not in _LETTER_BYTES)
    return raw.endswith(_BEFORE_WORDS, 0, k + 1)


_BEFORE_WORDS = (b"Rs", b"Rs.", b"RS.", b"kr.", b"Kr.", b"Fr.")


# --- context -------------------------------------------------------------------------------

# Period words after an amount: nouns need a connector ("per year", "/hr", "pro Monat"),
# adverbs/adjectives stand alone ("hourly", "mensais", "p.a.").
_PERIOD_NOUNS = {
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour",
    "stunde": "hour", "std.": "hour", "std": "hour", "heure": "hour", "hora": "hour",
    "godzinę": "hour", "godzina": "hour", "godz": "hour", "uur": "hour", "timme": "hour",
    "timmen": "hour", "time": "hour", "timen": "hour", "ora": "hour",
    "day": "day", "days": "day", "d": "day", "tag": "day", "jour": "day", "día": "day",
    "dia": "day", "dzień": "day", "dag": "day", "dagen": "day", "giorno": "day",
    "week": "week", "weeks": "week", "wk": "week", "woche": "week", "semaine": "week",
    "semana": "week", "tydzień": "week", "settimana": "week", "uge": "week", "vecka": "week",
    "month": "month", "months": "month", "mo": "month", "mth": "month", "monat": "month",
    "mois": "month", "mes": "month", "mês": "month", "miesiąc": "month", "mies": "month",
    "maand": "month", "månad": "month", "månaden": "month", "måned": "month",
    "måneden": "month", "mese": "month", "m": "month",
    "year": "year", "years": "year", "yr": "year", "y": "year", "annum": "year",
    "jahr": "year", "an": "year", "année": "year", "año": "year", "ano": "year", "rok": "year",
    "jaar": "year", "år": "year", "året": "year", "anno": "year", "a": "year",
}  # fmt: skip
_PERIOD_ADJS = {
    "hourly": "hour", "ph": "hour", "p/h": "hour", "stündlich": "hour", "horaire": "hour",
    "de l'heure": "hour", "l'heure": "hour", "de l’heure": "hour", "l’heure": "hour",
    "all'ora": "hour", "l'ora": "hour",
    "daily": "day", "per diem": "day", "täglich": "day", "journalier": "day", "diário": "day",
    "diario": "day", "dziennie": "day", "p/d": "day",
    "weekly": "week", "wöchentlich": "week", "hebdomadaire": "week", "semanal": "week",
    "tygodniowo": "week", "p/w": "week",
    "monthly": "month", "monatlich": "month", "mensuel": "month", "mensuelle": "month",
    "mensuels": "month", "mensuelles": "month",
    "mensais": "month", "mensal": "month", "mensuales": "month", "mensual": "month",
    "mensile": "month", "mensili": "month",
    "miesięcznie": "month", "pcm": "month", "p.m.": "month", "p. m.": "month", "pm": "month",
    "p/m": "month", "maandelijks": "month",
    "annually": "year", "annual": "year", "yearly": "year", "jährlich": "year",
    "annuel": "year", "annuelle": "year", "annuels": "year", "annuelles": "year",
    "anual": "year", "anuales": "year", "anuais": "year", "annui": "year", "annuo": "year",
    "annua": "year", "rocznie": "year", "p.a.": "year", "p.a": "year", "p. a.": "year",
    "pa": "year", "lpa": "year", "ctc": "year", "jaarlijks": "year", "per annum": "year",
    "brutto/jahr": "year", "årligen": "year",
}  # fmt: skip
_CONNECTORS = _wordset("per a an each every pro par por na im al ao za w i om pr. pr")
# words a period may be written behind: "gross", "brutos", "netto", "HT", "lordi" …
_FILLERS = (
    r"(?:gross|brut(?:to|o|os|a|as|e|es|s)?|net(?:t[oi]|[oa]s?|s)?|lord[oi]|l[íi]quid[oa]s?"
    r"|ht|base|fix(?:ed|e|o)|before tax|pre-tax)"
)
_RIGHT_PERIOD = re.compile(
    rf"[\s,(\-]*(?:{_FILLERS}[\s,]*)*"
    rf"(?:(?P<conn>/\s*|(?:{_alternation(_CONNECTORS)})\s+)(?P<noun>{_alternation(set(_PERIOD_NOUNS))})"
    rf"|(?P<adj>{_alternation(set(_PERIOD_ADJS))}))(?![a-zà-ÿ])"
)
_OTE_RIGHT = re.compile(
    r"\s*(?:ote\b|\(ote\)|on[- ]target|target earnings|incl(?:uding|\.)? commission"
    r"|with commission)"
)
# Context is judged word by word (split + set lookups): far cheaper than regex searches.
_PUNCT = ".,:;!?()[]{}\"'*•·-–—/|+：、（）「」"
_LEFT_PERIOD = {
    "hourly": "hour", "horaire": "hour", "orario": "hour", "oraria": "hour", "daily": "day",
    "journalier": "day", "journalière": "day", "diario": "day", "diaria": "day",
    "weekly": "week", "monthly": "month", "monatlich": "month", "mensal": "month",
    "mensual": "month", "mensuel": "month", "mensile": "month", "miesięcznie": "month",
    "miesięczne": "month", "annual": "year", "annually": "year", "yearly": "year",
    "jährlich": "year", "annuel": "year", "anual": "year", "annuale": "year", "annua": "year",
    "rocznie": "year", "roczne": "year", "ctc": "year", "lpa": "year", "ral": "year",
}  # fmt: skip
# compounds: "Stundenlohn", "Timlön", "uurloon", "Månadslön", "Jahresgehalt", "jaarsalaris"
_PAY_SUFFIXES = (
    "lohn", "lön", "løn", "lønn", "loon", "gehalt", "salaris", "salär", "satz", "tarief",
    "vergütung", "verdienst",
)  # fmt: skip
_COMPOUND_PERIODS = (
    ("stunden", "hour"), ("tim", "hour"), ("uur", "hour"), ("tages", "day"), ("dag", "day"),
    ("wochen", "week"), ("week", "week"), ("monats", "month"), ("månad", "month"),
    ("måned", "month"), ("maand", "month"), ("jahres", "year"), ("bruttojahres", "year"),
    ("års", "year"), ("jaar", "year"),
)  # fmt: skip
_PER_NOUN = {"hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year",
             "annum": "year"}  # fmt: skip
_PAY_WORDS = _wordset(
    "pay paid comp wage wages rate base earn earning earnings ctc ote package paga lön "
    "lønn løn loon stawka pensja sueldo stipendio retribuzione tc range ral renta "
    "vencimento stipend stipends gratification widełki"
)
_PAY_STEMS = (
    "salar", "salai", "salá", "compensa", "remunera", "rémunéra", "gehalt", "jahresgehalt",
    "monatsgehalt", "bruttogehalt", "vergütung", "verdienst", "wynagrodz", "lohn", "stundenlohn",
    "retribu", "compenso", "bolsa",
)  # fmt: skip
_BASE_WORDS = _wordset("base basic grundgehalt fixed fixe")
_NEG_WORDS = _wordset("arr rsu rsus 401(k 401k 401(k) match matching aum gmp")
_NEG_STEMS = (
    "stipend", "budget", "allowance", "bonus", "bônus", "bono", "prämie", "premie", "premio",
    "prime", "reimburs", "credit", "grant", "voucher", "gift", "funding", "equity", "stock",
    "shares", "valuation", "revenue", "raised", "prize", "award", "scholarship", "referral",
    "relocation", "sign-on", "signing", "differential", "subsid", "ticket", "chèque",
    "cheque", "alimenta", "meal", "lunch", "dofinans", "dopłat",
    "auxílio", "auxilio", "assets", "portfolio", "loan", "turnover", "quota", "fund",
    "presupuesto", "orçamento", "indemnit", "zulage", "zuschuss", "pauschale", "vergoeding",
    "bidrag", "tillæg", "tillägg", "dodatek", "scheme",
)  # fmt: skip
_NEG_INFIXES = (
    "zuschuss", "zulage", "pauschale", "vergoeding", "bidrag", "tillæg", "tillägg", "repas",
    "refeiç", "refeic", "ticket",
)  # fmt: skip
# a stipend preceded by these is the job's pay ("monthly stipend", "Stipend:"); other
# qualifiers make it an expense ("housing stipend", "home-office stipend")
_PAY_STIPEND_QUALIFIERS = _wordset(
    "monthly annual weekly intern internship trainee research graduate fellowship residency "
    "the a an our your fixed total training"
)
_NEG_FILLERS = _wordset(
    "of up to upto worth is are a an per year annual annually yearly the totaling "
    "totalling valued at amount max maximum including total de von van di do da"
)
_NEG_EXCUSES = _wordset(
    "salary base pay plus and with or et und y e en og och oraz ed"
)  # "…, and a bonus"
_OTE_WORDS = _wordset("ote commission commissions tte ottc on-target")
_MIN_CUES = (
    " from", " starting at", " starts at", " starting from", " minimum", " minimum of", " min",
    " at least", " ab", " à partir de", " a partir de", " a partire da", " desde", " od",
    " vanaf", " från", " fra", " dès", " no less than", " mindestens",
)  # fmt: skip
_MAX_CUES = (
    " up to", " upto", " max", " maximum", " maximum of", " bis zu", " bis", " jusqu'à",
    " jusqu’à", " jusqu'a", " hasta", " até", " do", " tot", " fino a", " upp till",
    " opp til", " op til", " no more than", " not to exceed", " as much as", " höchstens",
)  # fmt: skip
_MIN_STEMS = ("mindest", "minimum")  # "Mindestgehalt von € 3.100", "minimum salary of"
_CUE_FILLERS = _wordset("of von de van di is ist est salary pay gehalt lohn wage")
_MIN_AFTER = ("以上", " or more", " and above", " or above", " or higher")
_MAX_AFTER = ("以下", "まで", " or less", " at most")
# Japanese context is read from characters, not words
_CJK_PERIOD = (
    ("時給", "hour"), ("日給", "day"), ("日当", "day"), ("週給", "week"), ("月給", "month"),
    ("月収", "month"), ("年収", "year"), ("年俸", "year"),
)  # fmt: skip
_CJK_PAY = ("給", "年収", "月収", "年俸", "報酬", "賃金")
_CJK_NEG = ("手当", "交通費", "賞与", "ボーナス", "補助", "インセンティブ", "売上", "資本金")

_DROP = str.maketrans("", "", " \t\u00a0\u202f\u2009'’")
_ASCII_LETTERS = frozenset(string.ascii_letters)
_PREFIX_TAILS = _wordset("kr Kr Rs Rp kr. Kr. Rs. RS. Fr.")
_WINDOW = 80
_MAX_GAP = 16  # characters between the two figures of a range


@dataclass(slots=True)
class _Amount:
    """One number in the text with what is written around it."""

    start: int  # first character, currency prefix included
    num_start: int
    core_end: int  # after the number and multiplier
    end: int  # after a trailing currency
    value: float
    num: str
    mult: str | None
    prefix: str | None
    suffix: str | None


def _number(raw: str) -> float | None:
    """Locale-aware number: ``1,234.5``, ``1.234,5``, ``120'000``, ``7 500``, ``12,00,000``."""
    if raw.isdigit():
        return float(raw)
    s = raw.translate(_DROP) if not raw.isascii() or " " in raw or "'" in raw else raw
    s = s.rstrip("-–")
    if s[-1:] in ".,":  # "95'000.–"
        s = s[:-1]
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        decimal = "." if s.rfind(".") > s.rfind(",") else ","
        s = s.replace("," if decimal == "." else ".", "").replace(decimal, ".")
    elif dots or commas:
        sep = "." if dots else ","
        tail = s.rpartition(sep)[2]
        s = s.replace(sep, "") if dots + commas > 1 or len(tail) == 3 else s.replace(sep, ".")
    try:
        return float(s)
    except ValueError:
        return None


def _multiplier(mult: str | None) -> float:
    """Factor of a multiplier word: k → 1e3, 万 → 1e4, lakh/L/LPA → 1e5, crore → 1e7."""
    if not mult:
        return 1.0
    word = mult.strip().lower()
    if word in ("k", "thousand"):
        return 1e3
    if word == "万":
        return 1e4
    if word.startswith("cr"):
        return 1e7
    return 1e5


@lru_cache(maxsize=512)
def _resolve(token: str | None, country: str | None) -> str | None:
    """Currency code of a written marker (``$``, ``CA$``, ``€``, ``EUR``, ``zł``, ``kr`` …)."""
    if not token:
        return None
    token = token.strip()
    if token.endswith("$"):
        head = token[:-1].upper()
        return _DOLLAR_PREFIX.get(head) if head else DOLLAR_BY_COUNTRY.get(country or "", "USD")
    if token in ("¥", "￥"):
        return "CNY" if country == "CN" else "JPY"
    if token in _SYMBOLS:
        return _SYMBOLS[token]
    if token in ISO_CODES:
        return token
    word = token.lower().rstrip(".")
    if word == "kr":
        return _KRONA.get(country or "", "SEK")
    if word in ("dollar", "dollars"):
        return DOLLAR_BY_COUNTRY.get(country or "", "USD")
    if word in ("peso", "pesos"):
        return _PESO.get(country or "", "MXN")
    if word == "r":
        return "ZAR" if country == "ZA" else None
    return _WORDS.get(word)


def _scan(text: str) -> tuple[list[list[int]], list[int], bytes]:
    """Numbers in ``text`` as ``[start, end, hint]`` (hint: 1 when something currency-like
    is written right before, 2 right after, 3 both), the indexes of the hinted ones, and the
    digit map used to find them.

    Works on bytes: ``encode("ascii", "replace")`` keeps one byte per character, so indexes
    stay those of ``text``; ``find`` on a translated copy jumps between digit runs in C.
    """
    raw = text.encode("ascii", "replace") + _PAD
    runs = raw.translate(_RUN_TABLE)
    find, size = runs.find, len(runs)
    before, after = _BEFORE_TABLE.get, _AFTER_TABLE.get
    nums: list[list[int]] = []
    hinted: list[int] = []
    last_end = -2
    i = find(b"0")
    while i >= 0:
        j = find(b" ", i)
        if j < 0:
            j = size
        if runs[j - 1] == 49:  # a trailing "." or ","
            j -= 1
            while runs[j - 1] == 49:
                j -= 1
        if last_end == i - 1 and _continues(text, runs, i):
            entry = nums[-1]  # "7 500", "120’000": the same number
            entry[1] = j
            hint = entry[2]
        else:
            hint = 0
            flag = before(raw[i - 2 : i] if i > 1 else raw[:i])
            if flag:
                k = i - 1
                if raw[k] in _SPACE_BYTES and k and (raw[k] == 32 or text[k] in _SPACES):
                    k -= 1
                if flag == 1 or _hinted_before(text, raw, k):
                    hint = 1
            entry = [i, j, hint]
            nums.append(entry)
            if hint:
                hinted.append(len(nums) - 1)
        if hint < 2:
            flag = after(raw[j : j + 2])
            if flag:
                k = j + 1 if raw[j] == 32 or (raw[j] == 63 and text[j] in _SPACES) else j
                if flag == 1 or (k < size and _hinted_after(text, raw, k)):
                    if not hint:
                        hinted.append(len(nums) - 1)
                    entry[2] = hint | 2
        last_end = j
        i = find(b"0", j)
    return nums, hinted, runs


def _continues(text: str, runs: bytes, i: int) -> bool:
    """Whether the digit run at ``i`` continues the number before it ("7 500", "120’000")."""
    return (
        runs.startswith(b"000", i)
        and runs[i + 3 : i + 4] != b"0"
        and text[i - 1] in _GROUP_GAPS
        and i > 1
        and runs[i - 2] == 48
    )


def _marked_before(text: str, ns: int) -> bool:
    """Whether a currency marker ends just before ``ns`` (may say yes wrongly)."""
    j = ns - 1
    if j > 0 and text[j] in _SPACES:
        j -= 1
    if j < 0:
        return False
    c = text[j]
    if c in _PREFIX_SYMBOLS or c == "$":
        return True
    if "A" <= c <= "Z":
        if j > 0 and "A" <= text[j - 1] <= "Z":
            return True
        return c == "R" and (j == 0 or not text[j - 1].isalnum())
    return text[j - 1 : j + 1] in _PREFIX_TAILS or text[j - 2 : j + 1] in _PREFIX_TAILS


def _letters_before(text: str, end: int) -> int:
    """Start of the run of (at most four) ASCII letters ending at ``end``."""
    i = end
    while i > 0 and end - i < 4 and text[i - 1].isascii() and text[i - 1].isalpha():
        i -= 1
    return i


def _prefix_before(text: str, ns: int) -> tuple[int, str] | None:
    """Currency marker written just before index ``ns`` (≤ 2 spaces between): (start, marker)."""
    j = ns
    while j > 0 and ns - j < 2 and text[j - 1] in _SPACES:
        j -= 1
    if j == 0:
        return None
    c = text[j - 1]
    if c in _PREFIX_SYMBOLS:
        return j - 1, c
    i = _letters_before(text, j - 1 if c in "$." else j)
    if i > 0 and text[i - 1].isalpha():
        i = j - 1 if c == "$" else j  # letters are the end of a longer word
    token = text[i:j]
    if c == "$":
        return (i, token) if token[:-1].upper() in _DOLLAR_PREFIX else (j - 1, "$")
    return (i, token) if token in ISO_CODES or token in _PREFIX_WORDS else None


_SCALE_STARTS = frozenset(" \t\u00a0\u202f\u2009%mMbBtT")


def _read(text: str, ns: int, prefixed: bool = True) -> tuple[_Amount | None, bool]:
    """The amount whose number starts at ``ns`` and whether a currency or multiplier is
    written at it; (None, False) when the number is part of something else. ``prefixed``:
    whether a currency may be written before it (the scan's hint)."""
    m = _AMOUNT_RE.match(text, ns)
    if m is None:  # a digit run too long to be money
        return None, False
    end = m.end()
    after = text[end : end + 1]
    if after and after in _ASCII_LETTERS:  # attached unit: "5th", "$50M"
        return None, False
    behind = _prefix_before(text, ns) if prefixed and ns and _marked_before(text, ns) else None
    mult, suffix = m.group("mult", "suffix")
    if behind is None and ns and text[ns - 1] in _ASCII_LETTERS:
        return None, False  # part of a word or code: "Q3", "ISO27001"
    if after in _SCALE_STARTS and _SCALE_AFTER.match(text, end):
        return None, False  # "10%", "$5 million"
    num = m.group("num")
    value = _number(num)
    if value is None:
        return None, False
    amount = _Amount(
        start=behind[0] if behind else ns,
        num_start=ns,
        core_end=m.start("ssp") if suffix else end,
        end=end,
        value=value * _multiplier(mult) if mult else value,
        num=num,
        mult=mult.strip() if mult else None,
        prefix=behind[1] if behind else None,
        suffix=suffix,
    )
    return amount, bool(behind or mult or suffix)


@dataclass(slots=True)
class _Candidate:
    first: _Amount
    last: _Amount
    low: float
    high: float
    gap: str  # text between the two amounts of a range ("" for one amount)


def _join(a: _Amount, b: _Amount, text: str) -> _Candidate | None:
    """``a`` and ``b`` as one range when a range word (or stripped punctuation) joins them."""
    if b.start < a.end:  # "$8000$9000": the "$" read as a's suffix is b's prefix
        if not a.suffix or b.start < a.core_end:
            return None
        a.suffix, a.end = None, a.core_end
    gap = text[a.end : b.start]
    note = _NOTE.match(gap)  # "1.150 € (1. Jahr) bis 1.350 €": a note after the first figure
    core = gap[note.end() :] if note else gap
    if len(core) > _MAX_GAP:
        return None
    if _SPACE_ONLY.fullmatch(core):  # punctuation stripped by an aggregator
        if note or not ((a.prefix and b.prefix) or (a.suffix and b.suffix)):
            return None
    elif not (_GAP_RE.fullmatch(core)):
        return None
    low, high = a.value, b.value
    if a.mult is None and b.mult and a.value < 1000:  # "12-16 LPA", "$5-10k"
        low = a.value * _multiplier(b.mult)
    if b.mult is None and a.mult and b.value < 1000:
        high = b.value * _multiplier(a.mult)
    low, high = min(low, high), max(low, high)
    if low <= 0 or high > 6 * low:
        return None
    return _Candidate(a, b, low, high, gap)


def _period_after(text: str, start: int, stop: int) -> tuple[str, int] | None:
    """Period stated right after ``start`` ("per year", "/hr", "mensais"): (period, end)."""
    window = text[start : min(stop, start + 40)].lower()
    said = _RIGHT_PERIOD.match(window)
    if said is None:
        return None
    adj = said.group("adj")
    period = _PERIOD_ADJS[adj] if adj else _PERIOD_NOUNS[said.group("noun")]
    return period, start + said.end()


def _candidates(text: str, bare_ok: bool) -> list[_Candidate]:
    """Ranges where two neighbouring numbers join, single amounts otherwise.

    Only numbers with a currency or multiplier (and their neighbours, which may complete a
    range) are looked at closely; with ``bare_ok`` also bare pay-shaped numbers ("50,000" or
    "18,50") followed by a period.
    """
    nums, hinted, runs = _scan(text)
    n = len(nums)
    amounts: dict[int, _Amount | None] = {}
    keep: set[int] = set()  # numbers that are candidates on their own
    for k in hinted:
        amount, marked = _read(text, nums[k][0], bool(nums[k][2] & 1))
        amounts[k] = amount
        if marked:
            keep.add(k)
    if bare_ok:
        for k in range(n):
            start, end, _ = nums[k]
            if k in keep or (end - start < 4 and runs.find(b"1", start, end) < 0):
                continue  # "5 days", "12 months": counts, not money
            if _period_after(text, end, end + 40) is not None:
                keep.add(k)
    if not keep:
        return []
    want = set(keep)
    reach = _MAX_GAP + 4  # a neighbour can complete a range only when it is close
    for k in keep:
        if k and nums[k][0] - nums[k - 1][1] <= reach:
            want.add(k - 1)
        if k + 1 < n and nums[k + 1][0] - nums[k][1] <= reach:
            want.add(k + 1)
    order = sorted(want)
    for k in order:
        if k not in amounts:
            amounts[k] = _read(text, nums[k][0], bool(nums[k][2] & 1))[0]
    out: list[_Candidate] = []
    idx, count = 0, len(order)
    while idx < count:
        k = order[idx]
        a = amounts[k]
        idx += 1
        if a is None:
            continue
        pair, used = None, 0
        if idx < count and order[idx] == k + 1:
            if (b := amounts[k + 1]) is not None:
                pair, used = _join(a, b, text), 1
            if (  # the next number is in a note ("(1. Jahr)"): the range may close after it
                pair is None
                and idx + 1 < count
                and order[idx + 1] == k + 2
                and (c := amounts[k + 2]) is not None
                and _NOTE_OPEN.match(text, a.end, nums[k + 1][0])
            ):
                pair, used = _join(a, c, text), 2
        if pair is not None:
            out.append(pair)
            idx += used
            continue
        if k in keep and a.value > 0:
            out.append(_Candidate(a, a, a.value, a.value, ""))
    return out


def _left_context(text: str, start: int, floor: int) -> str:
    """Lower-cased text before a candidate, back to the previous amount or sentence."""
    left = text[max(floor, start - _WINDOW) : start].lower()
    cut = max(map(left.rfind, _SENTENCE_ENDS))
    return left[cut + 2 :] if cut >= 0 else left


_SENTENCE_ENDS = (". ", "! ", "? ", "; ", "\n\n", ".\n", "。")
# punctuation → space, then split: the words of a context in two C calls
_PUNCT_SPACE = str.maketrans(dict.fromkeys('.,:;!?()[]{}"*•·–—/|+：、（）「」', " "))
_EDGE_PUNCT = ".,:;!?()[]{}\"'*•·-–—/|+：、（）「」"


def _words(chunk: str) -> list[str]:
    """Words of lower-cased ``chunk`` (punctuation is a separator, hyphens and ' stay)."""
    return chunk.translate(_PUNCT_SPACE).split()


# What a single word says, as bits (cached: job postings reuse a small vocabulary).
_PAY, _BASE, _OTE, _NEG, _STIPEND = 1, 2, 4, 8, 16
_PERIOD_BITS = {"hour": 32, "day": 64, "week": 128, "month": 256, "year": 512}
_BIT_PERIOD = {bit: period for period, bit in _PERIOD_BITS.items()}
_ANY_PERIOD = sum(_PERIOD_BITS.values())
_NOT_NEG = _PAY_WORDS - {"stipend", "stipends"}
_COMPOUND_STEMS = tuple(stem for stem, _ in _COMPOUND_PERIODS)
_COMPOUND_PERIOD = dict(_COMPOUND_PERIODS)
_NEG_WORDS_ALL = _NEG_WORDS | {"401"}  # "401(k)" splits into "401" and "k"
_word_cache: dict[str, int] = {}


def _word_bits(word: str) -> int:
    """What ``word`` (lower case, no surrounding punctuation) says about an amount near it."""
    bits = _word_cache.get(word)
    if bits is not None:
        return bits
    bits = 0
    if word in _PAY_WORDS or word.startswith(_PAY_STEMS) or word.endswith(_PAY_SUFFIXES):
        bits |= _PAY
    if word in _BASE_WORDS:
        bits |= _BASE
    if word in _OTE_WORDS:
        bits |= _OTE
    if word in _LEFT_PERIOD:
        bits |= _PERIOD_BITS[_LEFT_PERIOD[word]]
    elif word.endswith(_PAY_SUFFIXES) and word.startswith(_COMPOUND_STEMS):
        stem = next(s for s in _COMPOUND_STEMS if word.startswith(s))
        bits |= _PERIOD_BITS[_COMPOUND_PERIOD[stem]]
    if word.startswith("stipend") and word not in _NOT_NEG:
        bits |= _STIPEND
    elif word not in _NOT_NEG and (
        word in _NEG_WORDS_ALL
        or word.startswith(_NEG_STEMS)
        or any(infix in word for infix in _NEG_INFIXES)
    ):
        bits |= _NEG
    if len(_word_cache) > 50_000:
        _word_cache.clear()
    _word_cache[word] = bits
    return bits


@dataclass(slots=True)
class _Context:
    period: str | None  # named before the amount, nearest first
    pay: bool
    base: bool
    ote: bool


def _read_context(words: list[str], chunk: str) -> _Context:
    """What the words before an amount say: a period ("Hourly rate:", "salary per annum:",
    "Monatsgehalt", 月給), a pay word, a base-pay word, OTE wording."""
    bits_of = _word_bits
    every, period, where = 0, None, -1
    for i, word in enumerate(words):
        bits = bits_of(word)
        every |= bits
        if bits & _ANY_PERIOD:
            period, where = _BIT_PERIOD[bits & _ANY_PERIOD], i
    if "per" in words:  # "salary per annum:"
        for i in range(len(words) - 1):
            if words[i] == "per" and words[i + 1] in _PER_NOUN and i + 1 > where:
                period, where = _PER_NOUN[words[i + 1]], i + 1
    ote = bool(every & _OTE)
    if not ote and "target" in words:
        ote = "on target" in chunk or "target earn" in chunk
    ctx = _Context(period, bool(every & _PAY), bool(every & _BASE), ote)
    if not chunk.isascii():
        tail = chunk[-10:]
        ctx.pay = ctx.pay or any(mark in tail for mark in _CJK_PAY)
        where = -1
        for mark, cjk_period in _CJK_PERIOD:
            at = tail.rfind(mark)
            if at > where:
                ctx.period, where = cjk_period, at
        if where < 0 and ctx.period is None:
            tail = chunk[-4:].rstrip(" :：\u3000")
            if tail.endswith("月"):  # "月2万円"
                ctx.period = "month"
            elif tail.endswith("年"):
                ctx.period = "year"
    return ctx


def _neg_before(words: list[str], left: str) -> bool:
    """A stipend/budget/bonus word leads up to the amount ("learning budget of up to")."""
    tail = words[-4:]
    for i in range(len(tail) - 1, -1, -1):
        bits = _word_bits(tail[i])
        if bits & (_NEG | _STIPEND):
            if bits & _STIPEND:  # "Stipend:", "monthly stipend of" are pay
                at = len(words) - len(tail) + i
                if at == 0 or words[at - 1] in _PAY_STIPEND_QUALIFIERS:
                    return False
            # "learning budget of up to", "tickets restaurant de": at most one other word
            others = [w for w in tail[i + 1 :] if w not in _NEG_FILLERS]
            return not others or (
                len(others) == 1
                and others[0] not in _NEG_EXCUSES
                and not _word_bits(others[0]) & _PAY
            )
    if left.isascii():
        return False
    tail_cjk = left[-12:]
    return any(mark in tail_cjk for mark in _CJK_NEG)


def _neg_after(right: str) -> bool:
    """The amount is followed by a stipend/budget/bonus word ("$500 home-office stipend")."""
    for at, raw in enumerate(right.split(None, 5)[:5]):
        # "$90k + bonus", "$90k & equity" stop; "learning & development budget" does not
        if raw == "+" or (raw == "&" and at == 0):
            return False
        word = raw.strip(_EDGE_PUNCT)
        if word in _NEG_EXCUSES:
            return False
        if _word_bits(word) & (_NEG | _STIPEND):
            return True
        if raw[-1] in ".,;:":
            return False
    return False


_MIN_CUE_WORDS = frozenset(c.strip() for c in _MIN_CUES)
_MAX_CUE_WORDS = frozenset(c.strip() for c in _MAX_CUES)


def _cue(words: list[str], left: str) -> tuple[str, int] | None:
    """A min or max cue ending the left context ("starting at", "up to", "Mindestgehalt von"):
    ("min" | "max", its offset in ``left``)."""
    for size in (1, 2, 3):
        if len(words) < size:
            break
        phrase = " ".join(words[-size:])
        if phrase in _MIN_CUE_WORDS:
            return "min", left.rfind(words[-size])
        if phrase in _MAX_CUE_WORDS:
            return "max", left.rfind(words[-size])
    for i in range(len(words) - 1, max(-1, len(words) - 4), -1):
        if words[i].startswith(_MIN_STEMS):
            return "min", left.rfind(words[i])
        if words[i] not in _CUE_FILLERS:
            break
    return None


def _period_by_size(value: float, currency: str) -> str:
    hour, day, month = _SCALE.get(currency, _DEFAULT_SCALE)
    if value < hour:
        return "hour"
    if value < day:
        return "day"
    return "month" if value < month else "year"


@dataclass(slots=True)
class _Judged:
    score: int
    low: float | None
    high: float | None
    currency: str
    period: str
    raw_start: int
    raw_end: int
    is_ote: bool


def _judge(
    cand: _Candidate, text: str, country: str | None, floor: int, ceiling: int
) -> _Judged | None:
    """Score one candidate in its context; None when it is not pay."""
    a, b = cand.first, cand.last
    is_range = a is not b
    currency = _resolve(a.prefix, country) or _resolve(a.suffix, country)
    currency = currency or _resolve(b.prefix, country) or _resolve(b.suffix, country)
    mult = (b.mult or a.mult or "").lower()
    indian = mult.startswith(("la", "l", "cr"))
    bare = currency is None
    if currency is None and indian:
        currency = "INR"
    if currency is None and country not in COUNTRY_CURRENCY:
        return None
    stop = min(ceiling, b.end + _WINDOW)
    said = _period_after(text, b.end, stop)
    said_in_gap = False
    if said is None and is_range:
        said = _period_after(text, a.end, b.start)
        said_in_gap = said is not None
    if currency is None and said is None:
        return None  # a bare number is pay only with a stated period (and a pay word)
    right = text[b.end : stop].lower()
    if _neg_after(right):
        return None
    left = _left_context(text, a.start, floor)
    words = _words(left)
    if _neg_before(words, left):
        return None
    ctx = _read_context(words, left)
    ahead = _read_context(_words(right[:24])[:3], right[:24])
    period = said[0] if said else None
    if period is None and mult == "lpa":
        period = "year"
    period = period or ctx.period
    explicit = period is not None
    pay_said = ctx.pay or ahead.pay

    if currency is None:  # bare numbers count only when clearly pay
        if not (explicit and pay_said and country in COUNTRY_CURRENCY):
            return None
        currency = COUNTRY_CURRENCY[country or ""]
    elif bare and not (explicit or pay_said):
        return None  # "3.5 lakh customers": lakh/crore alone is a count
    plain_year = len(a.num) == 4 and a.mult is None and 1900 <= a.value <= 2100
    if not is_range and plain_year and not (explicit or pay_said):
        return None

    period = period or _period_by_size(cand.high, currency)
    hour_cap = _SCALE.get(currency, _DEFAULT_SCALE)[0]
    yearly = annualize(cand.low, period) or 0.0
    if not 10 * hour_cap <= yearly <= 50_000 * hour_cap:
        return None
    if not (is_range or explicit or pay_said or a.mult) and period in ("hour", "day"):
        return None  # a lone small "$" figure: a price, not pay

    low: float | None = cand.low
    high: float | None = cand.high
    raw_start, raw_end = a.start, (said[1] if said and not said_in_gap else b.end)
    if not is_range:
        cue = _cue(words, left)
        if cue is not None:
            at = a.start - len(left) + cue[1]
            if cue[0] == "max":
                low, raw_start = None, at
            else:
                high, raw_start = None, at
        elif right.startswith("+"):
            high, raw_end = None, b.end + 1
        elif right.startswith(_MIN_AFTER):
            high = None
        elif right.startswith(_MAX_AFTER):
            low = None
    is_ote = ctx.ote or _OTE_RIGHT.match(right) is not None

    score = 2 + 2 * is_range + 2 * explicit + 3 * pay_said - 5 * is_ote
    score += ctx.base or ahead.base
    return _Judged(score, low, high, currency, period, raw_start, raw_end, is_ote)


def parse_salary(text: str, *, country: str | None = None) -> SalaryFinding | None:
    """Best base-pay statement in ``text`` (plain text, possibly a whole description).

    ``country`` (ISO alpha-2 of the posting's first location) resolves a bare ``$``
    (CA→CAD, AU→AUD, NZ→NZD, SG→SGD, MX→MXN, HK→HKD, CL→CLP, CO→COP …; otherwise USD),
    ``kr``, ``R`` (ZA) and ``¥``; bare numbers in lakh/crore/LPA notation are INR. OTE figures
    are flagged and lose to base pay.
    """
    if not isinstance(text, str) or not text:
        return None
    text = text[:MAX_SCAN]
    country = country.strip().upper() if isinstance(country, str) else None
    candidates = _candidates(text, country in COUNTRY_CURRENCY)
    best: _Judged | None = None
    for i, cand in enumerate(candidates):
        floor = candidates[i - 1].last.end if i else 0
        ceiling = candidates[i + 1].first.start if i + 1 < len(candidates) else len(text)
        judged = _judge(cand, text, country, floor, ceiling)
        if judged and (best is None or judged.score > best.score):
            best = judged
    if best is None:
        return None
    raw = text[max(0, best.raw_start) : best.raw_end].strip()
    return SalaryFinding(best.low, best.high, best.currency, best.period, raw, best.is_ote)
