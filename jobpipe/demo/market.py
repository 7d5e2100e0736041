"""A deterministic, seeded, simulated job market (pure: no I/O).

The market knows *what* postings exist on any day and what they say; renderers such as
:mod:`jobpipe.demo.greenhouse` decide how an ATS shows them.

Model: for every board and every week slot a seeded RNG draws how many postings open that week,
on which day, for how long (5-90 days) and on which later days they change. A posting's content
is drawn from its own seed; each change (title, pay or text) is replayed on top of the original,
so version ``k`` of a posting is the same whichever day or process asks for it. Looking up one
board-day only touches the week slots of the last 90 days, so cost is O(active postings).
"""

from __future__ import annotations

import html
import math
import random
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple, TypeVar

from jobpipe.demo import vocab as V

_T = TypeVar("_T")

MIN_DURATION = 5  # days a posting stays open, at least
MAX_DURATION = 90  # ... and at most
DURATION_SCALE = 18.0  # mean of the exponential part of a duration
CHANGE_RATE = 0.03  # chance per active day that a posting is edited
WEEK_OFFSET = 10_000  # week slots reach this many weeks (~190 years) before the epoch
BOARD_RADIX = 10_000  # job ids embed the board index below this radix (max boards)
REGULAR_BOARDS = 8  # the first boards are never tiny, so small test markets have postings
MEAN_DURATION = MIN_DURATION + sum(
    math.exp(-i / DURATION_SCALE) for i in range(1, MAX_DURATION - MIN_DURATION + 1)
)
_PERIOD_DIVISOR = {"year": 1, "month": 12, "week": 52, "day": 220, "hour": 2080}
_SENIOR_FULL_TIME = frozenset({"staff", "principal", "manager", "director", "executive"})
_REGION_CC = {"US", "CA", "AU", "BR"}  # countries whose region code is shown ("Boston, MA")
_SENIORITY_WEIGHTS = {
    False: {"intern": 3, "entry": 12, "mid": 36, "senior": 24, "staff": 5, "principal": 2,
            "manager": 11, "director": 5, "executive": 1},
    True: {"intern": 1, "entry": 32, "mid": 40, "senior": 12, "manager": 11, "director": 3,
           "executive": 0.5},
}  # fmt: skip
_SENIORITY_BY_FAMILY = {
    f.key: {s: w for s, w in _SENIORITY_WEIGHTS[f.hourly].items() if s in f.titles}
    for f in V.FAMILIES.values()
}
_LOC_STYLES = ("city_region", "city_region_country", "workday", "city_only", "city_cc")


# --------------------------------------------------------------------------------------------
# Public records
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DemoLocation:
    """One location of a posting.

    ``city`` is "" for remote locations; ``country_code`` is "" for multi-country remote
    regions, whose name ("APAC", "EMEA", "LATAM") is then in ``region``.
    """

    city: str
    region: str | None
    country_code: str
    raw: str


@dataclass(frozen=True, slots=True)
class DemoPay:
    """Pay as the posting states it (``min``/``max`` None when open-ended)."""

    min: float | None
    max: float | None
    currency: str
    period: str


@dataclass(frozen=True, slots=True)
class DemoPosting:
    """A posting as it reads on one day (``version`` counts the edits applied so far)."""

    job_id: int
    board: str
    company: str
    title: str
    department: str
    locations: tuple[DemoLocation, ...]
    workplace_type: str
    employment_type: str
    seniority: str
    description_html: str
    pay: DemoPay | None
    pay_text: str | None
    pay_structured: bool
    opened_on: date
    closes_on: date
    first_published: datetime
    updated_at: datetime
    version: int
    requisition_id: str
    language: str


@dataclass(frozen=True, slots=True)
class DemoBoard:
    """Static facts about one board (company)."""

    token: str
    company: str
    industry: str
    home_country: str
    size: float  # average active postings relative to ``jobs_per_board``


# --------------------------------------------------------------------------------------------
# Internal records
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Board:
    index: int
    token: str
    company: str
    industry: V.Industry
    size: float
    countries: tuple[str, ...]
    country_cum: tuple[float, ...]  # cumulative hiring weights of ``countries``
    offices: dict[str, tuple[V.City, ...]]
    loc_style: str
    remote_style: int
    pay_rate: float
    structured_rate: float
    local_lang_rate: float
    remote_bias: float
    style: int
    req_style: int
    phase: float
    blurb_numbers: dict[str, str]


class _Slot(NamedTuple):
    """When one posting exists and when it is edited (days as proleptic ordinals)."""

    job_id: int
    opened: int
    closes: int
    changes: tuple[int, ...]


@dataclass
class _Draft:
    """Mutable working copy of a posting's content; edits are applied to it in order."""

    family: V.Family
    seniority: str
    lang: str
    title: str
    team: str | None
    team_sep: int
    local_title: bool
    department: str
    locations: tuple[DemoLocation, ...]
    workplace: str
    employment: str
    pay_country: str
    currency: str
    first_published: datetime
    updated_at: datetime
    period: str | None = None
    pay_fmt: V.PayFormat | None = None
    pay_mid: float = 0.0
    pay_spread: float = 0.0
    pay_structured: bool = False
    pay_sentence: int = 0
    no_pay: int | None = None
    intro: int = 0
    years: int = 0
    duties: list[str] = field(default_factory=list)
    reqs: list[str] = field(default_factory=list)
    nice: list[str] = field(default_factory=list)
    benefits: list[str] = field(default_factory=list)
    emp_label: str = ""
    wp_label: str = ""
    headings: tuple[int, ...] = ()
    culture: tuple[int, ...] = ()
    process: int = 0  # number of hiring-process steps shown (0: none)
    eeo: str = ""


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


class _Dice(random.Random):
    """``random.Random`` with leaner ``choice``/``randrange``/``sample`` for small sequences.

    Seeded from a string key, so draws are stable across processes (never uses ``hash()``).
    """

    def __init__(self, *parts: object) -> None:
        super().__init__(":".join(map(str, parts)))

    def choice(self, seq: Sequence[_T]) -> _T:
        return seq[int(self.random() * len(seq))]

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None:
            start, stop = 0, start
        return start + int(self.random() * (stop - start))

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def sample(  # type: ignore[override]
        self, population: Sequence[_T], k: int, *, counts: object = None
    ) -> list[_T]:
        pool = list(population)
        n = len(pool)
        for i in range(k):
            j = i + int(self.random() * (n - i))
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]


_rng = _Dice

_TABLES: dict[int, tuple[tuple[str, ...], list[float], dict[str, float]]] = {}


def _pick(rng: random.Random, weights: dict[str, float], *, cache: bool = True) -> str:
    """Weighted choice of a key. ``cache`` only for long-lived (module/board level) dicts."""
    table = _TABLES.get(id(weights)) if cache else None
    if table is None or table[2] is not weights:
        table = (tuple(weights), list(accumulate(weights.values())), weights)
        if cache:
            _TABLES[id(weights)] = table
    keys, cum, _ = table
    return keys[bisect_right(cum, rng.random() * cum[-1])]


def _poisson(rng: random.Random, mu: float) -> int:
    if mu <= 0:
        return 0
    if mu > 30:
        return max(0, round(rng.gauss(mu, math.sqrt(mu))))
    limit, n, p = math.exp(-mu), 0, rng.random()
    while p > limit:
        n += 1
        p *= rng.random()
    return n


def slugify(name: str) -> str:
    """ASCII, lowercase, dash-separated token for a company name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


@lru_cache(maxsize=8192)
def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _round_to(x: float, unit: float) -> float:
    return float(max(unit, round(x / unit) * unit))


def _amounts(fmt: V.PayFormat, mid: float, spread: float) -> tuple[float | None, float | None]:
    """Rounded (min, max) a format shows for a midpoint and relative spread."""
    lo = _round_to(mid * (1 - spread / 2), fmt.unit)
    hi = _round_to(mid * (1 + spread / 2), fmt.unit)
    if fmt.kind == "range":
        return lo, max(hi, lo + fmt.unit)
    if fmt.kind == "single":
        one = _round_to(mid, fmt.unit)
        return one, one
    return (lo, None) if fmt.kind == "from" else (None, hi)


_FORMATS: dict[tuple[str, str], list[V.PayFormat]] = {}
for _f in V.PAY_FORMATS:
    _FORMATS.setdefault((_f.currency, _f.period), []).append(_f)


def _pay_formats(currency: str, period: str, lang: str) -> list[V.PayFormat]:
    fits = _FORMATS.get((currency, period), [])
    own = [f for f in fits if f.langs is None or lang in f.langs]
    if own:
        return own
    english = [f for f in fits if f.langs is not None and "en" in f.langs]
    return english or [V.generic_pay_format(currency, period)]


# --------------------------------------------------------------------------------------------
# The market
# --------------------------------------------------------------------------------------------


class Market:
    """Deterministic simulated job market over ``boards`` companies.

    Same (seed, boards, jobs_per_board, epoch) gives the same postings on every day, in any
    process. Any date works, before or after ``epoch``.
    """

    def __init__(
        self,
        seed: int = 7,
        boards: int = 5,
        jobs_per_board: int = 25,
        epoch: date = date(2026, 1, 1),
    ) -> None:
        if not 0 < boards <= BOARD_RADIX:
            raise ValueError(f"boards must be in 1..{BOARD_RADIX}")
        if jobs_per_board < 0:
            raise ValueError("jobs_per_board must be >= 0")
        self.seed = seed
        self.jobs_per_board = jobs_per_board
        self.epoch = epoch
        self._epoch_ordinal = epoch.toordinal()
        self._boards = self._make_boards(boards)
        self._by_token = {b.token: b for b in self._boards}
        peak_weekly = 7 * jobs_per_board * 2.0 * 1.15 / MEAN_DURATION
        self._cap = 16 + math.ceil(2 * peak_weekly)  # max postings opened per board-week
        # Caches: week skeletons are tiny; built postings (~3 KB each) are sized so a whole
        # day of the market plus the next day's new versions fit, making day-to-day walks cheap.
        self._week_slots = lru_cache(maxsize=65_536)(self._compute_week_slots)
        self._build = lru_cache(maxsize=max(4096, int(1.3 * boards * jobs_per_board) + 1024))(
            self._compute_posting
        )
        self._board_day = lru_cache(maxsize=512)(self._compute_board_day)
        self._department = lru_cache(maxsize=65_536)(self._compute_department)

    # -- public API ---------------------------------------------------------------------------

    def board_tokens(self) -> list[str]:
        """Board tokens in creation order (unique, url-safe, stable)."""
        return [b.token for b in self._boards]

    def company_name(self, board: str) -> str:
        """Display name of the company behind ``board``."""
        return self._board(board).company

    def board(self, board: str) -> DemoBoard:
        """Static facts about ``board`` (KeyError if unknown)."""
        b = self._board(board)
        return DemoBoard(b.token, b.company, b.industry.key, b.countries[0], b.size)

    def postings(self, board: str, day: date) -> list[DemoPosting]:
        """Postings active on ``day`` in their version of that day, sorted by job_id."""
        return list(self._board_day(self._board(board).index, day))

    def posting(self, board: str, job_id: int, day: date) -> DemoPosting | None:
        """One posting as of ``day``; None if it is not active then (KeyError: unknown board)."""
        b = self._board(board)
        if job_id < 0 or job_id % BOARD_RADIX != b.index:
            return None
        seq, k = divmod(job_id // BOARD_RADIX, self._cap)
        slots = self._week_slots(b.index, seq - WEEK_OFFSET)
        if k >= len(slots):
            return None
        slot, today = slots[k], day.toordinal()
        if not slot.opened <= today < slot.closes:
            return None
        return self._build(b.index, slot, bisect_right(slot.changes, today))

    # -- boards -------------------------------------------------------------------------------

    def _board(self, token: str) -> _Board:
        try:
            return self._by_token[token]
        except KeyError:
            raise KeyError(f"unknown board {token!r}") from None

    def _make_boards(self, n: int) -> list[_Board]:
        boards: list[_Board] = []
        seen: set[str] = set()  # tokens and company names taken so far
        for i in range(n):
            rng = _rng(self.seed, "board", i)
            industry = V.INDUSTRIES[_pick(rng, V.INDUSTRY_WEIGHTS)]
            company, token = self._company(rng, industry, seen, i)
            seen.update((token, company))
            boards.append(self._profile(rng, i, token, company, industry))
        return boards

    @staticmethod
    def _company(
        rng: random.Random, industry: V.Industry, seen: set[str], i: int
    ) -> tuple[str, str]:
        for _ in range(40):
            stem = rng.choice(V.NAME_STEMS)
            name = stem if rng.random() < 0.12 else f"{stem} {rng.choice(industry.suffixes)}"
            token = slugify(name)
            if rng.random() < 0.3:
                token = token.replace("-", "")
            if token not in seen and name not in seen:
                return name, token
        name = f"{rng.choice(V.NAME_STEMS)} {rng.choice(industry.suffixes)} {i}"
        return name, slugify(name)

    def _profile(
        self, rng: random.Random, i: int, token: str, company: str, industry: V.Industry
    ) -> _Board:
        home = _pick(rng, V.HOME_COUNTRY_WEIGHTS)
        n_extra = rng.choice((0, 0, 1, 2, 3, 4)) if industry.remote_friendly >= 0.7 else (
            rng.choice((0, 0, 0, 1)))
        others = [c for c in V.COUNTRIES if c != home]
        extra = rng.sample(others, n_extra)
        countries = (home, *extra)
        weights = (1.0, *(rng.uniform(0.08, 0.3) for _ in extra))
        offices = {}
        for c in countries:
            cities = V.CITIES[c]
            most = min(len(cities), 5 if c == home else 2)
            offices[c] = tuple(rng.sample(cities, rng.randint(1, most)))
        tiny, draw = rng.random() < 0.06, rng.random()
        if tiny and i >= REGULAR_BOARDS:
            size = 0.04 + 0.08 * draw
        else:
            size = 0.3 + 1.7 * draw**1.3
            size = max(size, 0.6) if i < REGULAR_BOARDS else size
        numbers = {
            "founded": str(rng.randint(1962, 2021)),
            "n_customers": f"{rng.choice((2, 3, 5, 8, 12, 40, 250))},000",
            "n_employees": f"{rng.choice((1, 2, 4, 9))},{rng.randint(100, 999)}",
            "n_offices": str(rng.randint(3, 60)),
            "n_countries": str(rng.randint(2, 40)),
            "years_active": str(rng.randint(15, 120)),
            "n_vehicles": f"{rng.randint(1, 9)},{rng.randint(100, 999)}",
        }
        return _Board(
            index=i, token=token, company=company, industry=industry, size=size,
            countries=countries, country_cum=tuple(accumulate(weights)), offices=offices,
            loc_style=rng.choice(_LOC_STYLES), remote_style=rng.randrange(4),
            pay_rate=min(0.95, max(0.3, rng.gauss(0.66, 0.15))),
            structured_rate=rng.uniform(0.25, 0.8),
            local_lang_rate=rng.choice((0.0, 0.3, 0.6, 0.9)),
            remote_bias=rng.uniform(0.5, 1.5), style=rng.randrange(9),
            req_style=rng.randrange(6), phase=rng.uniform(0, 2 * math.pi),
            blurb_numbers=numbers,
        )  # fmt: skip

    def _compute_department(self, b: int, family: str) -> str:
        rng = _rng(self.seed, self._boards[b].token, "dept", family)
        return rng.choice(V.FAMILIES[family].departments)

    # -- timeline -----------------------------------------------------------------------------

    def _week_of(self, day: date) -> int:
        return (day - self.epoch).days // 7

    def _compute_week_slots(self, b: int, week: int) -> tuple[_Slot, ...]:
        """Postings of board ``b`` opened during week ``week`` (relative to the epoch)."""
        seq = week + WEEK_OFFSET
        if seq < 0:
            return ()
        board = self._boards[b]
        rng = _rng(self.seed, board.token, "week", week)
        rand = rng.random
        season = 1 + 0.15 * math.sin(2 * math.pi * week / 52 + board.phase)
        mu = 7 * self.jobs_per_board * board.size * season / MEAN_DURATION
        count = min(_poisson(rng, mu), self._cap)
        start = self._epoch_ordinal + 7 * week
        log, scale, step = math.log, DURATION_SCALE, -1 / CHANGE_RATE
        opened_days = sorted(start + int(7 * rand()) for _ in range(count))
        slots = []
        for k, opened in enumerate(opened_days):
            length = MIN_DURATION + int(-scale * log(1.0 - rand()))
            closes = opened + min(MAX_DURATION, length)
            changes, t = [], opened + 1 + int(step * log(1.0 - rand()))
            while t < closes:
                changes.append(t)
                t += 1 + int(step * log(1.0 - rand()))
            job_id = (seq * self._cap + k) * BOARD_RADIX + b
            slots.append(_Slot(job_id, opened, closes, tuple(changes)))
        return tuple(slots)

    def _compute_board_day(self, b: int, day: date) -> tuple[DemoPosting, ...]:
        today = day.toordinal()
        first = self._week_of(day - timedelta(days=MAX_DURATION - 1))
        out = []
        for week in range(first, self._week_of(day) + 1):
            for slot in self._week_slots(b, week):
                if slot.opened <= today < slot.closes:
                    out.append(self._build(b, slot, bisect_right(slot.changes, today)))
        return tuple(out)

    # -- posting content ----------------------------------------------------------------------

    def _compute_posting(self, b: int, slot: _Slot, version: int) -> DemoPosting:
        board = self._boards[b]
        draft = self._draft(board, slot)
        for i in range(1, version + 1):
            self._edit(draft, board, slot, i)
        pay, pay_text = _pay_of(draft)
        return DemoPosting(
            job_id=slot.job_id, board=board.token, company=board.company,
            title=_title_of(draft), department=draft.department, locations=draft.locations,
            workplace_type=draft.workplace, employment_type=draft.employment,
            seniority=draft.seniority, description_html=_render_html(board, draft, pay_text),
            pay=pay, pay_text=pay_text, pay_structured=draft.pay_structured and pay is not None,
            opened_on=date.fromordinal(slot.opened), closes_on=date.fromordinal(slot.closes),
            first_published=draft.first_published, updated_at=draft.updated_at,
            version=version, requisition_id=_requisition(board, slot),
            language=draft.lang,
        )  # fmt: skip

    def _draft(self, board: _Board, slot: _Slot) -> _Draft:
        """The original (version 0) content of a posting."""
        rng = _rng(self.seed, board.token, slot.job_id)
        fam = V.FAMILIES[_pick(rng, board.industry.families)]
        seniority = _pick(rng, _SENIORITY_BY_FAMILY[fam.key])
        workplace = _workplace(rng, board, fam)
        locations = _locations(rng, board, workplace)
        pay_country, currency = _pay_country(locations[0])
        lang = _language(rng, board, locations[0])
        title, local_title = _base_title(rng, fam, seniority, lang)
        employment = _employment(rng, fam, seniority, title)
        team = rng.choice(fam.teams) if fam.teams and rng.random() < 0.3 else None
        published = datetime.combine(
            date.fromordinal(slot.opened),
            time(12 + rng.randrange(8), rng.randrange(60), rng.randrange(60)),
            tzinfo=UTC,
        )
        draft = _Draft(
            family=fam, seniority=seniority, lang=lang, title=title, team=team,
            team_sep=rng.randrange(3), local_title=local_title,
            department=self._department(board.index, fam.key), locations=locations,
            workplace=workplace, employment=employment, pay_country=pay_country,
            currency=currency, first_published=published,
            updated_at=published + timedelta(minutes=rng.randrange(0, 180)),
        )  # fmt: skip
        if rng.random() < board.pay_rate:
            _add_pay(rng, board, draft)
        elif rng.random() < 0.5:
            draft.no_pay = rng.randrange(len(V.LANGS[lang].no_pay))
        _fill_text(rng, board, draft)
        return draft

    def _edit(self, draft: _Draft, board: _Board, slot: _Slot, i: int) -> None:
        """Apply the ``i``-th edit of a posting: a title, pay or text change."""
        rng = _rng(self.seed, board.token, slot.job_id, "edit", i)
        kind = rng.choices(("title", "pay", "text"), (3, 3, 4))[0]
        day = date.fromordinal(slot.changes[i - 1])
        draft.updated_at = datetime.combine(
            day, time(8 + rng.randrange(14), rng.randrange(60), rng.randrange(60)), tzinfo=UTC
        )
        if kind == "title" and not draft.local_title:
            _edit_title(rng, draft)
        elif kind == "pay" and _edit_pay(rng, board, draft):
            return
        else:
            _edit_text(rng, draft)


# --------------------------------------------------------------------------------------------
# Drawing a posting
# --------------------------------------------------------------------------------------------


def _workplace(rng: random.Random, board: _Board, fam: V.Family) -> str:
    weights = dict(fam.workplace)
    friendly = board.industry.remote_friendly * board.remote_bias
    if "remote" in weights:
        weights["remote"] *= friendly
    if "hybrid" in weights:
        weights["hybrid"] *= 0.5 + 0.5 * friendly
    return _pick(rng, weights, cache=False)


def _city_raw(city: V.City, style: str) -> str:
    country = V.COUNTRIES[city.country]
    if city.country == "SG":
        return city.name
    regional = city.region is not None and city.country in _REGION_CC
    if style == "city_region":
        return f"{city.name}, {city.region}" if regional else f"{city.name}, {country.name}"
    if style == "city_region_country":
        mid = f", {city.region}" if regional else ""
        return f"{city.name}{mid}, {country.name}"
    if style == "workday":
        return f"{city.country}, {city.region}, {city.name}" if regional else (
            f"{city.country}, {city.name}")
    if style == "city_only":
        return city.name
    return f"{city.name}, {city.region}" if regional else f"{city.name}, {country.label}"


@lru_cache(maxsize=4096)
def _city_location(city: V.City, style: str) -> DemoLocation:
    return DemoLocation(city.name, city.region, city.country, _city_raw(city, style))


@lru_cache(maxsize=256)
def _remote_location(country_code: str, style: int) -> DemoLocation:
    c = V.COUNTRIES[country_code]
    raw = (f"Remote - {c.label}", f"Remote ({c.label})", f"{c.label} Remote",
           f"Remote, {c.name}")[style]
    return DemoLocation("", None, country_code, raw)


def _remote_region(rng: random.Random, board: _Board) -> DemoLocation | None:
    eligible = {
        "APAC": {"AU", "SG", "JP", "IN"}, "EMEA": {"GB", "DE", "FR", "NL", "ES", "IE", "CH", "PL"},
        "LATAM": {"BR", "MX"},
    }  # fmt: skip
    regions = [r for r in V.REMOTE_REGIONS if eligible[r[1]] & set(board.countries)]
    if not regions:
        return None
    raw, name, _ = rng.choice(regions)
    return DemoLocation("", name, "", raw)


def _locations(rng: random.Random, board: _Board, workplace: str) -> tuple[DemoLocation, ...]:
    country = board.countries[bisect_right(board.country_cum, rng.random() * board.country_cum[-1])]
    style = board.loc_style if rng.random() < 0.9 else rng.choice(_LOC_STYLES)
    offices = board.offices[country]
    if workplace == "remote":
        r = rng.random()
        if r < 0.06 and (region := _remote_region(rng, board)) is not None:
            return (region,)
        if r < 0.22:
            return (_city_location(rng.choice(offices), style),
                    DemoLocation("", None, country, "Remote"))
        if r < 0.32 and len(board.countries) > 1:
            second = rng.choice([c for c in board.countries if c != country])
            return (_remote_location(country, board.remote_style),
                    _remote_location(second, board.remote_style))
        return (_remote_location(country, board.remote_style),)
    r = rng.random()
    n = 1 if r < 0.75 else rng.randint(2, 3) if r < 0.95 else rng.randint(4, 5)
    picked = list(rng.sample(offices, min(n, len(offices))))
    if len(picked) < n:
        pool = [c for cc in board.countries for c in board.offices[cc] if c not in picked]
        picked += rng.sample(pool, min(n - len(picked), len(pool)))
    return tuple(_city_location(c, style) for c in picked)


def _pay_country(first: DemoLocation) -> tuple[str, str]:
    """Country whose pay levels apply, and the currency pay is quoted in."""
    if first.country_code:
        return first.country_code, V.COUNTRIES[first.country_code].currency
    currency = next(cur for raw, _, cur in V.REMOTE_REGIONS if raw == first.raw)
    return ("IE" if currency == "EUR" else "US"), currency


def _language(rng: random.Random, board: _Board, first: DemoLocation) -> str:
    city = V.CITY_INDEX.get((first.country_code, first.city))
    local = city.lang if city is not None else V.COUNTRY_LANG.get(first.country_code)
    return local if local and rng.random() < board.local_lang_rate else "en"


def _base_title(
    rng: random.Random, fam: V.Family, seniority: str, lang: str
) -> tuple[str, bool]:
    local = V.LOCAL_TITLES.get(lang, {}).get(fam.key, {}).get(seniority)
    if local and rng.random() < 0.8:
        return rng.choice(local), True
    return rng.choice(fam.titles[seniority]), False


def _employment(rng: random.Random, fam: V.Family, seniority: str, title: str) -> str:
    if seniority == "intern":
        return "internship"
    for word, kind in V.TITLE_EMPLOYMENT.items():
        if word in title:
            return kind
    if seniority in _SENIOR_FULL_TIME:
        return "full_time"
    return _pick(rng, fam.employment)


def _title_of(d: _Draft) -> str:
    title = d.title
    if d.team and not d.local_title:
        title = (f"{title}, {d.team}", f"{title} - {d.team}", f"{title} ({d.team})")[d.team_sep]
    if not d.local_title:
        title += V.TITLE_GENDER_SUFFIX.get(d.lang, "")
    return title


# --------------------------------------------------------------------------------------------
# Pay
# --------------------------------------------------------------------------------------------


def _period(rng: random.Random, d: _Draft) -> str:
    country = V.COUNTRIES[d.pay_country]
    fam = d.family
    if fam.hourly and d.seniority not in V.SALARIED_SENIORITIES:
        if country.hourly_ok:
            if fam.key == "driving" and country.code == "US" and rng.random() < 0.35:
                return "week"
            return "hour"
        return "month" if rng.random() < max(country.monthly, 0.5) else "year"
    if d.employment == "contract" and rng.random() < 0.6:
        return "hour" if country.code in ("US", "CA") or rng.random() < 0.3 else "day"
    if d.employment in ("internship", "part_time"):
        if country.hourly_ok and rng.random() < 0.7:
            return "hour"
        if d.employment == "internship":
            return "month"
    return "month" if rng.random() < country.monthly else "year"


def _add_pay(rng: random.Random, board: _Board, d: _Draft) -> None:
    """Give a draft a pay statement (and maybe structured pay)."""
    d.period = _period(rng, d)
    fam = d.family
    annual_usd = fam.base_usd * (2080 if fam.hourly else 1) * V.SENIORITY_PAY[d.seniority]
    annual_usd *= rng.uniform(0.85, 1.2) * (1.25 if d.employment == "contract" else 1.0)
    local = annual_usd * V.COUNTRIES[d.pay_country].pay_mult
    d.pay_mid = local / _PERIOD_DIVISOR[d.period]
    d.pay_spread = rng.uniform(0.12, 0.4)
    d.pay_fmt = rng.choice(_pay_formats(d.currency, d.period, d.lang))
    d.pay_structured = d.pay_fmt.kind == "range" and rng.random() < board.structured_rate
    d.pay_sentence = rng.randrange(len(V.LANGS[d.lang].pay_sentence[d.period]))
    d.no_pay = None


def _pay_of(d: _Draft) -> tuple[DemoPay | None, str | None]:
    if d.pay_fmt is None or d.period is None:
        return None, None
    lo, hi = _amounts(d.pay_fmt, d.pay_mid, d.pay_spread)
    text = d.pay_fmt.render(lo or 0.0, hi or 0.0)
    return DemoPay(lo, hi, d.currency, d.period), text


# --------------------------------------------------------------------------------------------
# Edits
# --------------------------------------------------------------------------------------------


def _edit_title(rng: random.Random, d: _Draft) -> None:
    teams = [t for t in d.family.teams if t != d.team]
    if d.team is not None and (not teams or rng.random() < 0.5):
        d.team = None
    elif teams:
        d.team = rng.choice(teams)
    else:
        d.team_sep = (d.team_sep + 1) % 3


def _edit_pay(rng: random.Random, board: _Board, d: _Draft) -> bool:
    """Raise/lower the pay or add pay where there was none; False if nothing visible changed."""
    if d.pay_fmt is None:
        _add_pay(rng, board, d)
        return True
    before = _pay_of(d)
    for _ in range(6):
        d.pay_mid *= rng.choice((0.92, 0.95, 1.04, 1.06, 1.08, 1.1))
        if _pay_of(d) != before:
            return True
    return False


def _edit_text(rng: random.Random, d: _Draft) -> None:
    """Add or drop a duty, or reword the intro and experience line."""
    lang = V.LANGS[d.lang]
    pool = _FAMILY_TEXT[d.family.key].duties if d.lang == "en" else lang.generic_duties
    unused = [x for x in pool if x not in d.duties]
    r = rng.random()
    if r < 0.45 and unused:
        d.duties.insert(rng.randrange(len(d.duties) + 1), rng.choice(unused))
    elif r < 0.7 and len(d.duties) > 3:
        d.duties.pop(rng.randrange(len(d.duties)))
    else:
        d.intro = (d.intro + 1) % len(lang.intro)
        if d.seniority != "intern":
            d.years += 1


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _FamilyText:
    """A family's list items, HTML-escaped once."""

    duties: tuple[str, ...]
    skills: tuple[str, ...]
    education: tuple[str, ...]
    extra_us: str | None


_FAMILY_TEXT = {
    f.key: _FamilyText(
        tuple(map(_esc, f.duties)), tuple(map(_esc, f.skills)), tuple(map(_esc, f.education)),
        _esc(V.EXTRA_BENEFITS_US[f.key]) if f.key in V.EXTRA_BENEFITS_US else None,
    )
    for f in V.FAMILIES.values()
}
_NON_US_BENEFITS = tuple(b for b in V.LANGS["en"].benefit_items if b not in V.US_ONLY_BENEFITS)


def _window(rng: random.Random, pool: Sequence[str], lo: int, hi: int) -> list[str]:
    """``lo..hi`` consecutive items of ``pool`` from a random start (wrapping around)."""
    n = len(pool)
    k = min(n, lo + int(rng.random() * (hi - lo + 1)))
    start = int(rng.random() * n)
    return [*pool[start:], *pool[:start]][:k]


def _fill_text(rng: random.Random, board: _Board, d: _Draft) -> None:
    """Choose the description's sentences and list items once, for all versions."""
    lang = V.LANGS[d.lang]
    rand = rng.random
    us = d.pay_country == "US" and d.locations[0].country_code == "US"
    d.intro = int(rand() * len(lang.intro))
    d.years = rng.choice(V.SENIORITY_YEARS[d.seniority])  # edits may bump it
    if d.lang == "en":
        text = _FAMILY_TEXT[d.family.key]
        d.duties = _window(rng, text.duties, 4, 7)
        skills = _window(rng, text.skills, 5, 5)
        d.reqs = [rng.choice(text.education),
                  f"Experience with {skills[0]}, {skills[1]} and {skills[2]}",
                  *_window(rng, lang.generic_reqs, 2, 2)]
        if rand() < 0.6:
            d.nice = [f"Familiarity with {skills[3]}", f"Hands-on experience with {skills[4]}"]
        d.benefits = _window(rng, lang.benefit_items if us else _NON_US_BENEFITS, 3, 6)
        if us and text.extra_us and rand() < 0.6:
            d.benefits.insert(0, text.extra_us)
        eeo = lang.eeo if us else V.EEO_NON_US_EN
    else:
        d.duties = _window(rng, lang.generic_duties, 3, len(lang.generic_duties))
        d.reqs = list(lang.generic_reqs)
        d.benefits = _window(rng, lang.benefit_items, 3, len(lang.benefit_items))
        eeo = lang.eeo
    d.eeo = rng.choice(eeo)
    d.emp_label = rng.choice(V.EMPLOYMENT_LABELS[d.lang][d.employment])
    d.wp_label = rng.choice(V.WORKPLACE_LABELS[d.lang][d.workplace])
    bits = int(rand() * (1 << 18))
    d.headings = tuple((bits >> (3 * i)) & 7 for i in range(6))
    n = len(lang.culture)
    d.culture = tuple((bits + i) % n for i in range(1 + (bits >> 7) % min(n, 2)))
    d.process = (0, 0, 3, 4, 5)[bits % 5] if board.style % 2 == 0 else 0


def _place_words(d: _Draft) -> dict[str, str]:
    first = d.locations[0]
    cc = first.country_code or d.pay_country
    country = V.COUNTRIES[cc]
    city = next((loc.city for loc in d.locations if loc.city), country.name)
    local_name = V.COUNTRY_NAMES_LOCAL.get(d.lang, {}).get(cc, country.name)
    label = country.label if d.lang == "en" else local_name
    if not first.country_code:  # multi-country remote region
        label = local_name = first.region or label
    return {"city": city, "country": label, "country_name": local_name}


def _heading(style: int, text: str) -> str:
    kind = style % 3
    if kind == 0:
        return f"<h2><strong>{text}</strong></h2>"
    if kind == 1:
        return f"<h3>{text}</h3>"
    return f"<p><strong>{text}</strong></p>"


def _ul(items: list[str]) -> str:
    return "<ul>\n" + "\n".join(f"<li>{x}</li>" for x in items) + "\n</ul>"


def _facts(board: _Board, d: _Draft, lang: V.Lang, place: dict[str, str]) -> str:
    where = _esc("; ".join(loc.raw for loc in d.locations))
    emp = _esc(d.emp_label)
    wp = _esc(d.wp_label.format(**place))
    kind = board.style // 3
    if kind == 0:
        return (f"<p><strong>{lang.label_location}:</strong> {where}<br>"
                f"<strong>{lang.label_employment}:</strong> {emp}<br>"
                f"<strong>{lang.label_workplace}:</strong> {wp}</p>")
    if kind == 1:
        return (f"<ul>\n<li><strong>{lang.label_location}:</strong> {where}</li>\n"
                f"<li><strong>{lang.label_employment}:</strong> {emp}</li>\n"
                f"<li><strong>{lang.label_workplace}:</strong> {wp}</li>\n</ul>")
    return f"<p>{where}&nbsp;&middot; {emp}&nbsp;&middot; {wp}</p>"


def _requirements(d: _Draft, lang: V.Lang, place: dict[str, str]) -> list[str]:
    if d.seniority == "intern":
        first = ("Currently enrolled in a relevant degree program" if d.lang == "en"
                 else lang.generic_reqs[0])
    elif d.years == 0 and d.lang == "en":
        first = "No prior experience required"
    else:
        years = lang.years[d.intro % len(lang.years)]
        first = years.format(n=max(1, d.years), area=_esc(d.family.area))
    return [first, *(r.format(**place) for r in d.reqs)]


def _render_html(board: _Board, d: _Draft, pay_text: str | None) -> str:
    """The posting's description as HTML (entities and all, like a real ATS stores it)."""
    lang = V.LANGS[d.lang]
    place = _place_words(d)
    company = _esc(board.company)
    dept = _esc(d.department)
    h, style = d.headings, board.style
    boss = "CEO" if d.seniority in ("director", "executive") else (
        _pick_str(V.BOSSES, h[5]).format(dept=dept))
    blurbs = lang.blurbs or board.industry.blurbs
    blurb = "</p>\n<p>".join(_pick_str(blurbs, style + i) for i in range(1 + style % 2))
    intro = lang.intro[d.intro].format(
        title=_esc(_title_of(d)), dept=dept, company=company, boss=boss,
        team_size=4 + (board.index + d.years) % 20,
    )
    about = _pick_str(lang.about, h[0]).format(company=company)
    parts = [
        f'<div class="content-intro">{_heading(style, about)}',
        f"<p>{blurb.format(company=company, **board.blurb_numbers)}</p></div>",
        _heading(style, _pick_str(lang.role, h[1])),
        f"<p>{intro}</p>",
        *(f"<p>{lang.culture[i % len(lang.culture)]}</p>" for i in d.culture),
        _facts(board, d, lang, place),
        _heading(style, _pick_str(lang.duties, h[2])),
        _ul(d.duties),
        _heading(style, _pick_str(lang.reqs, h[3])),
        _ul(_requirements(d, lang, place)),
        *((_heading(style, "Nice to have"), _ul(d.nice)) if d.nice else ()),
        _heading(style, _pick_str(lang.benefits, h[4])),
        _ul(d.benefits),
    ]
    if pay_text is not None and d.period is not None:
        sentence = _pick_str(lang.pay_sentence[d.period], d.pay_sentence)
        parts += [_heading(style, _pick_str(lang.pay, h[5])),
                  f"<p>{sentence.replace('{pay}', pay_text)}</p>"]
    elif d.no_pay is not None:
        parts.append(f"<p>{_pick_str(lang.no_pay, d.no_pay)}</p>")
    if d.process and lang.process:
        parts += [_heading(style, lang.process_heading), _ul(list(lang.process[:d.process]))]
    parts.append(
        f'<div class="content-conclusion"><p>{d.eeo.format(company=company)}</p>'
        f"<p><strong>{_pick_str(lang.apply, h[0])}</strong>&nbsp;</p></div>"
    )
    return "\n".join(parts)


def _pick_str(options: tuple[str, ...], i: int) -> str:
    return options[i % len(options)]


def _requisition(board: _Board, slot: _Slot) -> str:
    n = slot.job_id // BOARD_RADIX
    opened = date.fromordinal(slot.opened)
    style = board.req_style
    if style == 0:
        return f"R-{n % 100_000:05d}"
    if style == 1:
        return f"P{70_000 + n % 30_000}"
    if style == 2:
        return str(n % 997 + 1)
    if style == 3:
        return f"{opened:%y%m}{n % 100:02d}"
    if style == 4:
        return f"JR-{n % 10_000_000:07d}"
    return f"REQ-{opened.year}-{n % 10_000:04d}"
