"""Duplicate postings: exact (same canonical URL) and near (same employer, similar title,
overlapping place and time, near-identical description by MinHash/LSH).

:func:`assign_groups` gives every new posting a ``duplicate_group_id``: the group of an earlier
posting it duplicates, else its own id. It is incremental: earlier postings keep their group, so
a day's publish only compares that day's new postings with the postings still open (or closed
within ``REPOST_WINDOW_DAYS``, which makes a re-posted job a *repost* in the same group).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from warehouse import minhash
from warehouse.keys import canonical_url, employer_key, title_family

REPOST_WINDOW_DAYS = 30  # a posting re-appearing within this many days of a close is a repost
DESCRIPTION_SIMILARITY = 0.7  # estimated Jaccard of word 3-shingles, at least
TITLE_SIMILARITY = 0.5  # Jaccard of title-family words, at least
_FAR = date(9999, 12, 31)


@dataclass(frozen=True)
class DedupRecord:
    """What de-duplication needs to know about one posting."""

    posting_id: str
    employer: str | None
    url: str | None
    title_words: frozenset[str]
    seniority: str | None
    countries: frozenset[str]
    cities: frozenset[str]
    first_seen: date
    closed_at: date | None
    signature: np.ndarray
    group_id: str | None = None  # set for postings already grouped

    @classmethod
    def build(
        cls,
        posting_id: str,
        company: str | None,
        url: str | None,
        title: str | None,
        seniority: str | None,
        locations: Iterable[dict] | None,
        description: str | None,
        first_seen: date,
        closed_at: date | None = None,
        group_id: str | None = None,
        signature: np.ndarray | None = None,
    ) -> DedupRecord:
        locs = list(locations or [])
        return cls(
            posting_id=posting_id,
            employer=employer_key(company),
            url=canonical_url(url),
            title_words=frozenset((title_family(title) or "").split()),
            seniority=seniority,
            countries=frozenset(c for loc in locs if (c := loc.get("country_code"))),
            cities=frozenset(c.lower() for loc in locs if (c := loc.get("city"))),
            first_seen=first_seen,
            closed_at=closed_at,
            signature=minhash.signature(description) if signature is None else signature,
            group_id=group_id,
        )


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _places_overlap(a: DedupRecord, b: DedupRecord) -> bool:
    """A shared country (or none known), and a shared city unless neither names one: a
    remote posting and an office posting in the same country are different openings."""
    if a.countries and b.countries and not a.countries & b.countries:
        return False
    if a.cities or b.cities:
        return bool(a.cities & b.cities)
    return True


def match_kind(a: DedupRecord, b: DedupRecord) -> str | None:
    """Why ``a`` and ``b`` are the same job ("url", "near", "repost"), or None when they are not."""
    if a.url and a.url == b.url:
        return "url"
    if not a.employer or a.employer != b.employer:
        return None
    if a.seniority and b.seniority and a.seniority != b.seniority:
        return None
    if _jaccard(a.title_words, b.title_words) < TITLE_SIMILARITY:
        return None
    if not _places_overlap(a, b):
        return None
    if minhash.similarity(a.signature, b.signature) < DESCRIPTION_SIMILARITY:
        return None
    a_end, b_end = a.closed_at or _FAR, b.closed_at or _FAR
    if a.first_seen < b_end and b.first_seen < a_end:
        return "near"
    gap = max(a.first_seen, b.first_seen) - min(a_end, b_end)
    return "repost" if gap <= timedelta(days=REPOST_WINDOW_DAYS) else None


@dataclass(frozen=True)
class Assignment:
    posting_id: str
    duplicate_group_id: str
    match_kind: str | None  # None: first posting of its group
    matched_posting_id: str | None


def _candidate_pairs(records: Sequence[DedupRecord]) -> set[tuple[int, int]]:
    buckets: dict[bytes, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        if r.url:
            buckets[b"u" + r.url.encode()].append(i)
        if r.employer:
            prefix = b"e" + r.employer.encode() + b"\0"
            for key in minhash.band_keys(r.signature):
                buckets[prefix + key].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) > 1:
            for x, i in enumerate(members):
                for j in members[x + 1 :]:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


def assign_groups(earlier: Sequence[DedupRecord], new: Sequence[DedupRecord]) -> list[Assignment]:
    """Group ids for ``new`` postings, given ``earlier`` ones (which carry ``group_id``).

    Only pairs with at least one new posting are compared. A new posting joins the group of
    the earliest-grouped posting it is linked to (directly or through other new postings);
    otherwise its component's group id is its smallest posting id.
    """
    records = [*earlier, *new]
    n_old = len(earlier)
    parent = list(range(len(records)))
    link: dict[int, tuple[str, int]] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(_candidate_pairs(records)):
        if j < n_old:
            continue  # both earlier: already grouped
        kind = match_kind(records[i], records[j])
        if kind is None:
            continue
        link.setdefault(j, (kind, i))
        if i >= n_old:
            link.setdefault(i, (kind, j))
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        members[find(i)].append(i)
    out = []
    for root, idx in members.items():
        news = [i for i in idx if i >= n_old]
        if not news:
            continue
        olds = sorted(
            (records[i].first_seen, records[i].group_id or records[i].posting_id)
            for i in idx
            if i < n_old
        )
        group = olds[0][1] if olds else min(records[i].posting_id for i in news)
        for i in news:
            kind, other = link.get(i, (None, -1))
            pid = records[i].posting_id
            if group == pid:
                kind, matched = None, None
            else:
                matched = records[other].posting_id if other >= 0 else None
            out.append(Assignment(pid, group, kind, matched))
        del root
    return sorted(out, key=lambda a: a.posting_id)
