"""Pay stated in free posting text → one structured salary (amounts, currency, period, OTE).

Pipeline: a C-level byte search jumps from digit to digit (a regex scan of the whole text
would cost ~10 ns a character); at each, one compiled regex reads the number, its multiplier
(k, lakh, crore, 万) and a trailing currency, and a few character checks spot a currency
written before it. Only numbers carrying a marker (and their close neighbours, which may
complete a range) are parsed further; neighbouring amounts joined by a range word become
ranges. Every candidate is judged word by word on its context (pay words, period words,
stipend/budget/bonus words, min/max cues, OTE wording) and the best-scoring base pay wins.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial

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
)
_MULT = (
    r"[kK](?![A-Za-z])|万|L(?![A-Za-z])"
    rf"|{_SP}?(?i:lakhs?|lacs?|lpa|crores?|cr|thousand)(?![a-z])"
)
_AMOUNT_RE = re.compile(
    rf"(?P<num>{_NUMBER})(?P<mult>{_MULT})?(?:(?P<ssp>{_SP}?)(?P<suffix>{_SUFFIX}))?"
)
_PREFIX_SYMBOLS = frozenset("£€¥￥₹₩₱₪₺₽₴₦")
_PREFIX_WORDS = _wordset("Rs Rs. RS RS. Fr. SFr SFr. RM Rp kr kr. Kr Kr. R")
_SCALE_AFTER = re.compile(
    rf"{_SP}*(?:%|(?i:million|billion|trillion|mio|mrd|mln|bn|mn|mil)(?![a-z]))"
)
_GAP_RE = re.compile(
    r"(?:\s*/\s*[a-z]{1,5}\.?|\s+(?:per|an?)\s+[a-z]{3,6})?"  # "$38/hr to $45/hr"
    r"(?:\s*[-–—‑−~]{1,2}\s*"
    r"|\s+(?:to|and|bis|à|a|até|ate|do|hasta|au|et|y|e|und|tot|till|until|or)\s+)",
    re.IGNORECASE,
)
_SPACE_ONLY = re.compile(r"\s*")

# --- context -------------------------------------------------------------------------------

# Period words after an amount: nouns need a connector ("per year", "/hr", "pro Monat"),
# adverbs/adjectives stand alone ("hourly", "mensais", "p.a.").
_PERIOD_NOUNS = {
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour",
    "stunde": "hour", "std.": "hour", "std": "hour", "heure": "hour", "hora": "hour",
    "godzinę": "hour", "godzina": "hour", "uur": "hour", "timme": "hour",
    "day": "day", "days": "day", "d": "day", "tag": "day", "jour": "day", "día": "day",
    "dia": "day", "dzień": "day", "dag": "day",
    "week": "week", "weeks": "week", "wk": "week", "woche": "week", "semaine": "week",
    "semana": "week", "tydzień": "week",
    "month": "month", "months": "month", "mo": "month", "mth": "month", "monat": "month",
    "mois": "month", "mes": "month", "mês": "month", "miesiąc": "month", "maand": "month",
    "månad": "month", "månaden": "month", "m": "month",
    "year": "year", "years": "year", "yr": "year", "y": "year", "annum": "year",
    "jahr": "year", "an": "year", "année": "year", "año": "year", "ano": "year", "rok": "year",
    "jaar": "year", "år": "year", "a": "year",
}  # fmt: skip
_PERIOD_ADJS = {
    "hourly": "hour", "ph": "hour", "p/h": "hour", "stündlich": "hour", "horaire": "hour",
    "de l'heure": "hour", "l'heure": "hour",
    "daily": "day", "per diem": "day", "täglich": "day", "journalier": "day", "diário": "day",
    "diario": "day", "dziennie": "day", "p/d": "day",
    "weekly": "week", "wöchentlich": "week", "hebdomadaire": "week", "semanal": "week",
    "tygodniowo": "week", "p/w": "week",
    "monthly": "month", "monatlich": "month", "mensuel": "month", "mensuelle": "month",
    "mensais": "month", "mensal": "month", "mensuales": "month", "mensual": "month",
    "miesięcznie": "month", "pcm": "month", "p.m.": "month", "p. m.": "month", "pm": "month",
    "p/m": "month", "maandelijks": "month",
    "annually": "year", "annual": "year", "yearly": "year", "jährlich": "year",
    "annuel": "year", "annuelle": "year", "anual": "year", "anuales": "year", "anuais": "year",
    "rocznie": "year", "p.a.": "year", "p.a": "year", "p. a.": "year", "pa": "year",
    "lpa": "year", "ctc": "year", "jaarlijks": "year", "per annum": "year",
    "brutto/jahr": "year",
}  # fmt: skip
_CONNECTORS = _wordset("per a an each every pro par por na im al ao za w i")
_RIGHT_PERIOD = re.compile(
    r"[\s,(\-]*(?:(?:gross|brutto|bruto|brut|net|netto|neto|base|fixed|before tax|pre-tax)"
    r"[\s,]*)*"
    rf"(?:(?P<conn>/\s*|(?:{_alternation(_CONNECTORS)})\s+)(?P<noun>{_alternation(set(_PERIOD_NOUNS))})"
    rf"|(?P<adj>{_alternation(set(_PERIOD_ADJS))}))(?![a-zà-ÿ])"
)
_OTE_RIGHT = re.compile(
    r"\s*(?:ote\b|\(ote\)|on[- ]target|target earnings|incl(?:uding|\.)? commission"
    r"|with commission)"
)
# Context is judged word by word (split + set lookups): far cheaper than regex searches.
_PUNCT = ".,:;!?()[]{}\"'*•·-–—/|"
_LEFT_PERIOD = {
    "hourly": "hour", "stundenlohn": "hour", "stundensatz": "hour", "daily": "day",
    "tagessatz": "day", "weekly": "week", "monthly": "month", "monatlich": "month",
    "monatsgehalt": "month", "mensal": "month", "mensual": "month", "mensuel": "month",
    "miesięcznie": "month", "miesięczne": "month", "annual": "year", "annually": "year",
    "yearly": "year", "jahresgehalt": "year", "jährlich": "year", "annuel": "year",
    "anual": "year", "rocznie": "year", "roczne": "year", "ctc": "year",
}  # fmt: skip
_PER_NOUN = {"hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year",
             "annum": "year"}  # fmt: skip
_PAY_WORDS = _wordset(
    "pay paid comp wage wages rate base earn earning earnings ctc ote package paga lön "
    "lønn løn loon stawka pensja sueldo stipendio retribuzione tc range"
)
_PAY_STEMS = (
    "salar", "salai", "salá", "compensa", "remunera", "rémunéra", "gehalt", "jahresgehalt",
    "monatsgehalt", "bruttogehalt", "vergütung", "verdienst", "wynagrodz", "lohn", "stundenlohn",
)  # fmt: skip
_BASE_WORDS = _wordset("base basic grundgehalt fixed fixe")
_NEG_WORDS = _wordset("arr rsu rsus 401(k 401k 401(k) match matching")
_NEG_STEMS = (
    "stipend", "budget", "allowance", "bonus", "reimburs", "credit", "grant", "voucher",
    "gift", "funding", "equity", "stock", "shares", "valuation", "revenue", "raised", "prize",
    "award", "scholarship", "referral", "relocation", "sign-on", "signing",
)  # fmt: skip
_NEG_FILLERS = _wordset(
    "of up to upto worth is are a an per year annual annually yearly the totaling "
    "totalling valued at amount max maximum including total"
)
_NEG_EXCUSES = _wordset("salary base pay plus and with or")
_OTE_WORDS = _wordset("ote commission commissions tte ottc on-target")
_MIN_CUES = (
    " from", " starting at", " starts at", " starting from", " minimum", " minimum of", " min",
    " at least", " ab", " à partir de", " a partir de", " desde", " od", " vanaf",
    " no less than",
)  # fmt: skip
_MAX_CUES = (
    " up to", " upto", " max", " maximum", " maximum of", " bis zu", " bis", " jusqu'à",
    " jusqu’à", " jusqu'a", " hasta", " até", " do", " tot", " no more than", " not to exceed",
    " as much as",
)  # fmt: skip

_DROP = str.maketrans("", "", " \t\u00a0\u202f\u2009'’")
_DIGITS_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")
_DIGIT_RUN = re.compile(r"[0-9]*")
_SPACES = frozenset(" \t\u00a0\u202f\u2009")
_ASCII_LETTERS = frozenset(string.ascii_letters)
_UPPER = frozenset(string.ascii_uppercase)
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
    s = raw.translate(_DROP)
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


def _digit_finder(text: str) -> Callable[[int], int]:
    """``find(i)``: index of the first ASCII digit at or after ``i`` in ``text`` (-1 if none).

    A regex scan of a whole description costs ~10 ns a character; a byte search for "0" in a
    copy whose digits were all turned into "0" is a C-level memchr, several times faster.
    """
    data = text.encode("utf-8").translate(_DIGITS_TO_ZERO)
    if text.isascii():
        return partial(data.find, b"0")
    at = [0, 0]  # a character index and its byte offset, moved forward as the scan goes

    def find(i: int) -> int:
        char, byte = at
        if i > char:
            byte += len(text[char:i].encode("utf-8"))
            char = i
        hit = data.find(b"0", byte)
        if hit < 0:
            return -1
        at[0], at[1] = char + len(data[byte:hit].decode("utf-8")), hit
        return at[0]

    return find


def _numbers(text: str) -> list[tuple[re.Match[str], bool]]:
    """Every number that could be an amount, in order, with whether a currency or multiplier
    is written right at it (the cheap test that spares most numbers any further work)."""
    found: list[tuple[re.Match[str], bool]] = []
    size = len(text)
    find, match, letters = _digit_finder(text), _AMOUNT_RE.match, _ASCII_LETTERS
    ns = find(0)
    while ns >= 0:
        m = match(text, ns)
        if m is None:  # a digit run too long to be money
            ns = find(_DIGIT_RUN.match(text, ns).end())
            continue
        end = m.end()
        prev = text[ns - 1] if ns else " "
        if not (
            prev.isdigit()
            or (prev in ".,'’" and ns > 1 and text[ns - 2].isdigit())
            or (end < size and text[end] in letters)  # attached unit: "5th", "$50M"
        ):
            marked = m.lastgroup != "num" or _marked_before(text, ns)
            if marked or prev not in letters:  # "Q3", "A4" are not amounts
                found.append((m, marked))
        ns = find(end)
    return found


def _marked_before(text: str, ns: int) -> bool:
    """Whether a currency marker may end just before ``ns`` (cheap, may say yes wrongly)."""
    j = ns - 1
    if j > 0 and text[j] in _SPACES:
        j -= 1
    if j < 0:
        return False
    c = text[j]
    if c in _PREFIX_SYMBOLS or c == "$":
        return True
    if c in _UPPER:
        return j > 0 and text[j - 1] in _UPPER  # ISO code, "RM"
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


def _amount(text: str, m: re.Match[str]) -> _Amount | None:
    """The amount a number match stands for, or None when it is part of something else."""
    ns, end = m.span()
    behind = _prefix_before(text, ns)
    if behind is None and ns and text[ns - 1] in _ASCII_LETTERS:
        return None  # part of a word or code: "Q3", "ISO27001"
    if _SCALE_AFTER.match(text, end):
        return None  # "10%", "$5 million"
    num, mult = m.group("num"), m.group("mult")
    value = _number(num)
    if value is None:
        return None
    return _Amount(
        start=behind[0] if behind else ns,
        num_start=ns,
        core_end=m.start("ssp") if m.group("suffix") else end,
        end=end,
        value=value * _multiplier(mult),
        num=num,
        mult=mult.strip() if mult else None,
        prefix=behind[1] if behind else None,
        suffix=m.group("suffix"),
    )


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
    if len(gap) > _MAX_GAP:
        return None
    if _SPACE_ONLY.fullmatch(gap):  # punctuation stripped by an aggregator
        if not ((a.prefix and b.prefix) or (a.suffix and b.suffix)):
            return None
    elif not (_GAP_RE.fullmatch(gap)):
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


def _bare_pay_shaped(text: str, m: re.Match[str]) -> bool:
    """A bare number that looks like pay: "50,000" or "18.50" followed by a stated period."""
    num = m.group("num")
    if len(num) < 4 and "." not in num and "," not in num:
        return False  # "5 days", "12 months": counts, not money
    return _period_after(text, m.end(), m.end() + 40) is not None


def _candidates(text: str, bare_ok: bool) -> list[_Candidate]:
    """Ranges where two neighbouring numbers join, single amounts otherwise.

    Only numbers with a currency or multiplier (and their neighbours, which may complete a
    range) are looked at closely; with ``bare_ok`` also bare numbers followed by a period.
    """
    nums = _numbers(text)
    n = len(nums)
    marked = [mark for _, mark in nums]
    # a neighbour can complete a range only when it is close: "EUR 50,000 - 60,000"
    close = [nums[i + 1][0].start() - nums[i][0].end() <= _MAX_GAP for i in range(n - 1)]
    want = [
        marked[i]
        or (i > 0 and marked[i - 1] and close[i - 1])
        or (i + 1 < n and marked[i + 1] and close[i])
        for i in range(n)
    ]
    if bare_ok:
        said = [_bare_pay_shaped(text, m) for m, _ in nums]
        want = [
            w or s or (i + 1 < n and said[i + 1])
            for i, (w, s) in enumerate(zip(want, said, strict=True))
        ]
    amounts = [_amount(text, m) if w else None for (m, _), w in zip(nums, want, strict=True)]
    out: list[_Candidate] = []
    i = 0
    while i < n:
        a = amounts[i]
        if a is None:
            i += 1
            continue
        b = amounts[i + 1] if i + 1 < n else None
        pair = _join(a, b, text) if b is not None else None
        if pair is not None:
            out.append(pair)
            i += 2
            continue
        if a.value > 0:
            out.append(_Candidate(a, a, a.value, a.value, ""))
        i += 1
    return out


def _left_context(text: str, start: int, floor: int) -> str:
    """Lower-cased text before a candidate, back to the previous amount or sentence."""
    left = text[max(floor, start - _WINDOW) : start].lower()
    find = left.rfind
    cut = max(find(". "), find("! "), find("? "), find("; "), find("\n\n"), find(".\n"))
    return left[cut + 2 :] if cut >= 0 else left


def _words(chunk: str) -> list[str]:
    """Words of lower-cased ``chunk`` without surrounding punctuation."""
    return [w for w in (t.strip(_PUNCT) for t in chunk.split()) if w]


def _is_pay(word: str) -> bool:
    return word in _PAY_WORDS or word.startswith(_PAY_STEMS)


def _is_neg(word: str) -> bool:
    return word in _NEG_WORDS or word.startswith(_NEG_STEMS)


def _period_before(words: list[str]) -> str | None:
    """Period named before the amount ("Hourly rate:", "salary per annum:"), nearest first."""
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in _LEFT_PERIOD:
            return _LEFT_PERIOD[word]
        if word in _PER_NOUN and i and words[i - 1] == "per":
            return _PER_NOUN[word]
    return None


def _neg_before(words: list[str]) -> bool:
    """A stipend/budget/bonus word leads up to the amount ("learning budget of up to")."""
    tail = words[-4:]
    for i in range(len(tail) - 1, -1, -1):
        if _is_neg(tail[i]):
            return all(w in _NEG_FILLERS for w in tail[i + 1 :])
    return False


def _neg_after(right: str) -> bool:
    """The amount is followed by a stipend/budget/bonus word ("$500 home-office stipend")."""
    for raw in right.split()[:5]:
        if raw in ("+", "&"):
            return False
        word = raw.strip(_PUNCT)
        if word in _NEG_EXCUSES:
            return False
        if _is_neg(word):
            return True
        if raw[-1] in ".,;:":
            return False
    return False


def _cue(left: str, cues: tuple[str, ...]) -> int:
    """Offset in ``left`` of a min/max cue ending it ("starting at", "up to"), or -1."""
    tail = " " + " ".join(_words(left[-24:]))
    if not tail.endswith(cues):
        return -1
    for cue in cues:
        if tail.endswith(cue):
            return left.rfind(cue.split()[0])
    return -1


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
    left = _left_context(text, a.start, floor)
    words = _words(left)
    right = text[b.end : stop].lower()
    ahead = _words(right[:30])[:3]
    period = said[0] if said else None
    if period is None and mult == "lpa":
        period = "year"
    period = period or _period_before(words)
    explicit = period is not None
    pay_said = any(_is_pay(w) for w in words) or any(_is_pay(w) for w in ahead)

    if currency is None:  # bare numbers count only when clearly pay
        if not (explicit and pay_said and country in COUNTRY_CURRENCY):
            return None
        currency = COUNTRY_CURRENCY[country or ""]
    if _neg_before(words) or _neg_after(right):
        return None
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
        if (at := _cue(left, _MIN_CUES)) >= 0:
            high, raw_start = None, a.start - (len(left) - at)
        elif (at := _cue(left, _MAX_CUES)) >= 0:
            low, raw_start = None, a.start - (len(left) - at)
        elif right.startswith("+"):
            high, raw_end = None, b.end + 1
    ote_words = words[-5:]
    is_ote = bool(_OTE_WORDS.intersection(ote_words)) or "on target" in " ".join(ote_words)
    is_ote = is_ote or "target earnings" in left[-40:] or bool(_OTE_RIGHT.match(right))

    score = 2 + 2 * is_range + 2 * explicit + 3 * pay_said - 5 * is_ote
    score += bool(_BASE_WORDS.intersection(words) or _BASE_WORDS.intersection(ahead))
    return _Judged(score, low, high, currency, period, raw_start, raw_end, is_ote)


def parse_salary(text: str, *, country: str | None = None) -> SalaryFinding | None:
    """Best base-pay statement in ``text`` (plain text, possibly a whole description).

    ``country`` (ISO alpha-2 of the posting's first location) resolves a bare ``$``
    (CA→CAD, AU→AUD, NZ→NZD, SG→SGD, MX→MXN, HK→HKD; otherwise USD), ``kr`` and ``¥``; bare
    numbers in lakh/crore/LPA notation are INR. OTE figures are flagged and lose to base pay.
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
