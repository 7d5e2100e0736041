"""The simulated market: determinism, churn, truth/text consistency, variety and speed."""

from __future__ import annotations

import hashlib
import html
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobpipe.demo import vocab as V
from jobpipe.demo.market import (
    MAX_DURATION,
    MIN_DURATION,
    DemoPosting,
    Market,
    slugify,
)

DAY = date(2026, 5, 4)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def market() -> Market:
    return Market(seed=7, boards=20, jobs_per_board=25)


@pytest.fixture(scope="module")
def month(market: Market) -> list[dict[int, DemoPosting]]:
    """All postings of the 20-board market on 21 consecutive days, keyed by job id."""
    return [
        {p.job_id: p for b in market.board_tokens() for p in market.postings(b, DAY + timedelta(i))}
        for i in range(21)
    ]


def _digest(m: Market, days: list[date]) -> str:
    h = hashlib.sha256()
    for day in days:
        for board in m.board_tokens():
            for p in m.postings(board, day):
                h.update(repr(p).encode())
    return h.hexdigest()


# -- determinism ---------------------------------------------------------------------------------


def test_same_arguments_give_identical_postings() -> None:
    days = [date(2026, 1, 1), date(2026, 8, 15)]
    a, b = Market(seed=3, boards=6, jobs_per_board=12), Market(seed=3, boards=6, jobs_per_board=12)
    assert a.board_tokens() == b.board_tokens()
    for day in days:
        for board in a.board_tokens():
            assert a.postings(board, day) == b.postings(board, day)


def test_identical_across_processes() -> None:
    """No dependence on hash() randomization: a fresh interpreter computes the same market."""
    days = [date(2026, 2, 1), date(2026, 2, 2)]
    code = (
        "import hashlib\n"
        "from datetime import date\n"
        "from jobpipe.demo.market import Market\n"
        "m = Market(seed=9, boards=4, jobs_per_board=10)\n"
        "h = hashlib.sha256()\n"
        "for day in (date(2026, 2, 1), date(2026, 2, 2)):\n"
        "    for b in m.board_tokens():\n"
        "        for p in m.postings(b, day):\n"
        "            h.update(repr(p).encode())\n"
        "print(h.hexdigest())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
    )  # fmt: skip
    assert out.stdout.strip() == _digest(Market(seed=9, boards=4, jobs_per_board=10), days)


def test_different_seed_gives_a_different_market() -> None:
    a, b = Market(seed=1, boards=5), Market(seed=2, boards=5)
    assert _digest(a, [DAY]) != _digest(b, [DAY])


def test_boards_are_a_stable_prefix() -> None:
    """Growing the market keeps the first boards (tokens and companies) unchanged."""
    small, big = Market(seed=4, boards=5), Market(seed=4, boards=50)
    assert big.board_tokens()[:5] == small.board_tokens()
    assert [big.company_name(t) for t in small.board_tokens()] == [
        small.company_name(t) for t in small.board_tokens()
    ]


# -- boards ----------------------------------------------------------------------------------------


def test_board_tokens_are_unique_and_url_safe() -> None:
    m = Market(seed=7, boards=400, jobs_per_board=1)
    tokens = m.board_tokens()
    assert len(tokens) == len(set(tokens)) == 400
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", t) for t in tokens)
    assert all(m.company_name(t) for t in tokens)
    assert slugify("Müller & Co.") == "muller-co"


def test_unknown_board_raises_key_error(market: Market) -> None:
    with pytest.raises(KeyError):
        market.postings("no-such-board", DAY)
    with pytest.raises(KeyError):
        market.posting("no-such-board", 1, DAY)
    with pytest.raises(KeyError):
        market.company_name("no-such-board")


# -- time ------------------------------------------------------------------------------------------


def test_postings_are_active_sorted_and_unique(month: list[dict[int, DemoPosting]]) -> None:
    for i, postings in enumerate(month):
        day = DAY + timedelta(i)
        for p in postings.values():
            assert p.opened_on <= day < p.closes_on
            assert MIN_DURATION <= (p.closes_on - p.opened_on).days <= MAX_DURATION
            assert p.first_published.date() == p.opened_on
            assert p.first_published.tzinfo is not None and p.updated_at.tzinfo is not None
            assert p.first_published <= p.updated_at
    board = next(iter(month[0].values())).board
    ids = [p.job_id for p in month[0].values() if p.board == board]
    assert ids == sorted(ids)


def test_churn_between_consecutive_days(month: list[dict[int, DemoPosting]]) -> None:
    new, closed, changed = [], [], []
    for before, after in pairwise(month):
        kept = before.keys() & after.keys()
        new.append(len(after.keys() - before.keys()) / len(before))
        closed.append(len(before.keys() - after.keys()) / len(before))
        changed.append(sum(before[k].version != after[k].version for k in kept) / len(before))
    mean = statistics.mean
    assert 0.025 <= mean(new) <= 0.09, mean(new)
    assert 0.025 <= mean(closed) <= 0.09, mean(closed)
    assert 0.012 <= mean(changed) <= 0.06, mean(changed)
    assert all(x > 0 for x in new) and all(x > 0 for x in closed)


def test_changes_move_updated_at_and_keep_first_published(
    month: list[dict[int, DemoPosting]],
) -> None:
    kinds = Counter()
    for i, (before, after) in enumerate(pairwise(month)):
        day = DAY + timedelta(i + 1)
        for job_id in before.keys() & after.keys():
            old, new = before[job_id], after[job_id]
            assert new.first_published == old.first_published
            assert new.opened_on == old.opened_on and new.closes_on == old.closes_on
            if new.version == old.version:
                assert new == old
                continue
            assert new.version == old.version + 1
            assert new.updated_at.date() == day
            assert new.updated_at > old.updated_at
            assert new.description_html != old.description_html or new.title != old.title
            kind = "title" if new.title != old.title else "pay" if new.pay != old.pay else "text"
            kinds[kind] += 1
    assert set(kinds) == {"title", "pay", "text"}, kinds


def test_any_date_works_and_lookup_agrees() -> None:
    m = Market(seed=7, boards=3, jobs_per_board=15)
    for day in (date(1999, 12, 31), date(2025, 6, 30), date(2031, 2, 28)):
        listed = [p for b in m.board_tokens() for p in m.postings(b, day)]
        assert listed
        for p in listed:
            assert m.posting(p.board, p.job_id, day) == p
            assert m.posting(p.board, p.job_id, p.closes_on) is None
            assert m.posting(p.board, p.job_id, p.opened_on - timedelta(1)) is None


def test_lookup_of_foreign_or_bogus_ids(market: Market) -> None:
    a, b = market.board_tokens()[:2]
    job = market.postings(a, DAY)[0]
    assert market.posting(b, job.job_id, DAY) is None
    assert market.posting(a, 12345, DAY) is None
    assert market.posting(a, -1, DAY) is None


@settings(max_examples=25, deadline=None)
@given(offset=st.integers(min_value=-2000, max_value=2000), board=st.integers(0, 19))
def test_list_and_lookup_agree_on_random_days(market: Market, offset: int, board: int) -> None:
    token = market.board_tokens()[board]
    day = DAY + timedelta(offset)
    for p in market.postings(token, day):
        assert market.posting(token, p.job_id, day) == p


def test_job_ids_unique_across_boards_and_time(month: list[dict[int, DemoPosting]]) -> None:
    seen: dict[int, tuple[str, date]] = {}
    for postings in month:
        for p in postings.values():
            assert seen.setdefault(p.job_id, (p.board, p.opened_on)) == (p.board, p.opened_on)
    assert all(len(str(i)) >= 10 for i in seen)


def test_average_size_tracks_jobs_per_board() -> None:
    m = Market(seed=21, boards=80, jobs_per_board=10)
    counts = [len(m.postings(b, DAY)) for b in m.board_tokens()]
    assert 0.7 * 10 <= sum(counts) / len(counts) <= 1.3 * 10
    assert max(counts) > 2 * min(counts)  # boards differ in size


# -- text and truth --------------------------------------------------------------------------------


def test_pay_text_is_in_the_html_and_matches_the_truth(month: list[dict[int, DemoPosting]]) -> None:
    for p in month[0].values():
        if p.pay_text is None:
            assert p.pay is None and not p.pay_structured
            continue
        assert p.pay is not None
        assert p.pay_text in p.description_html
        assert p.pay.currency in {c.currency for c in V.COUNTRIES.values()}
        assert p.pay.period in {"hour", "day", "week", "month", "year"}
        assert p.pay.min is not None or p.pay.max is not None
        if p.pay.min is not None and p.pay.max is not None:
            assert 0 < p.pay.min <= p.pay.max
        if p.pay_structured:
            assert p.pay.min is not None and p.pay.max is not None
        first = p.locations[0]
        if first.country_code:
            assert p.pay.currency == V.COUNTRIES[first.country_code].currency


@pytest.mark.parametrize(
    ("currency", "period", "lo", "hi", "text"),
    [
        ("USD", "year", 95_000, 110_000, "$95,000–$110,000"),
        ("USD", "year", 130_000, 160_000, "$130K-$160K"),
        ("USD", "hour", 38, 38, "$38/hr"),
        ("USD", "hour", 27.5, 27.5, "from $27.50 an hour"),
        ("GBP", "year", 40_000, 48_000, "£40,000 to £48,000 a year"),
        ("EUR", "year", 55_000, 65_000, "€55.000 – €65.000"),
        ("EUR", "year", 70_000, 85_000, "€70k-€85k"),
        ("EUR", "year", 50_000, 60_000, "EUR 50,000 - 60,000"),
        ("CHF", "year", 120_000, 120_000, "CHF 120'000"),
        ("CAD", "year", 70_000, 70_000, "C$70,000"),
        ("AUD", "year", 90_000, 90_000, "AU$90k"),
        ("BRL", "month", 9_500, 9_500, "R$ 9.500,00 mensais"),
        ("PLN", "month", 7_500, 7_500, "7 500 zł brutto"),
        ("INR", "year", 1_200_000, 1_600_000, "12-16 LPA"),
        ("INR", "year", 1_200_000, 1_600_000, "₹12,00,000 - ₹16,00,000 per annum"),
        ("USD", "year", 95_000, 95_000, "starting at $95,000"),
        ("GBP", "year", 48_000, 48_000, "up to £48,000"),
    ],
)
def test_pay_formats_write_real_world_strings(
    currency: str, period: str, lo: float, hi: float, text: str
) -> None:
    fits = [f for f in V.PAY_FORMATS if (f.currency, f.period) == (currency, period)]
    rendered = {f.render(lo, hi) for f in fits}
    assert text in rendered


def test_truth_fields_agree_with_the_text(month: list[dict[int, DemoPosting]]) -> None:
    for p in month[0].values():
        text = html.unescape(p.description_html)
        labels = V.EMPLOYMENT_LABELS[p.language][p.employment_type]
        assert any(label in text for label in labels), (p.employment_type, p.title)
        wp = [w.split("{")[0] for w in V.WORKPLACE_LABELS[p.language][p.workplace_type]]
        assert any(w in text for w in wp), (p.workplace_type, p.title)
        assert all(loc.raw in text for loc in p.locations)
        assert (p.seniority == "intern") == (p.employment_type == "internship")
        if p.title.startswith(("Senior ", "Sr. ")):
            assert p.seniority == "senior"
        if p.title.startswith(("VP ", "Chief ")):
            assert p.seniority == "executive"
        if re.search(r"\bIntern\b", p.title):
            assert p.seniority == "intern"
        assert html.escape(p.title, quote=False) in p.description_html


def test_html_is_realistic(month: list[dict[int, DemoPosting]]) -> None:
    sizes = [len(p.description_html.encode()) for p in month[0].values()]
    assert min(sizes) >= 1000 and max(sizes) <= 7000
    assert 2000 <= sum(sizes) / len(sizes) <= 6000
    sample = "\n".join(p.description_html for p in month[0].values())
    for needle in ("<ul>", "<li>", "<strong>", "<br>", "&amp;", "&nbsp;", "401(k)", "years"):
        assert needle in sample, needle


def test_variety_over_a_twenty_board_market(month: list[dict[int, DemoPosting]]) -> None:
    postings = [p for day in month[::7] for p in day.values()]
    countries = {loc.country_code for p in postings for loc in p.locations}
    currencies = {p.pay.currency for p in postings if p.pay}
    assert len(countries) >= 8 and len(currencies) >= 6, (countries, currencies)
    assert {p.employment_type for p in postings} == {
        "full_time", "part_time", "contract", "temporary", "internship",
    }  # fmt: skip
    assert len({p.seniority for p in postings}) >= 7
    assert {p.workplace_type for p in postings} == {"onsite", "hybrid", "remote"}
    assert len({p.language for p in postings}) >= 2
    assert {p.pay.period for p in postings if p.pay} >= {"year", "hour", "month"}
    assert any(len(p.locations) > 1 for p in postings)
    assert any(not loc.raw.isascii() for p in postings for loc in p.locations)
    paid = [p for p in postings if p.pay]
    assert 0.5 <= len(paid) / len(postings) <= 0.8
    assert 0.2 <= sum(p.pay_structured for p in paid) / len(paid) <= 0.5
    assert len({p.department for p in postings}) >= 10


def test_timestamps_are_utc(market: Market) -> None:
    p = market.postings(market.board_tokens()[0], DAY)[0]
    assert p.first_published.utcoffset() == UTC.utcoffset(None)


# -- speed -----------------------------------------------------------------------------------------


def test_two_hundred_boards_generate_quickly() -> None:
    m = Market(seed=7, boards=200, jobs_per_board=25)
    start = time.perf_counter()
    total = sum(len(m.postings(b, DAY)) for b in m.board_tokens())
    first = time.perf_counter() - start
    start = time.perf_counter()
    sum(len(m.postings(b, DAY + timedelta(1))) for b in m.board_tokens())
    second = time.perf_counter() - start
    assert 2500 <= total <= 7500
    assert first < 6.0, first  # ~1 s on a laptop; generous for slow CI
    assert second < first  # the next day reuses unchanged postings
