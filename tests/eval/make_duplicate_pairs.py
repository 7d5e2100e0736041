"""Write tests/eval/duplicate_pairs.jsonl: labeled duplicate / non-duplicate posting pairs.

Derived from the demo market (seed 11, 30 boards) with the edits real job-board copies show:
the same job syndicated to another ATS or aggregator (legal-form company names, reformatted
titles and locations, boilerplate added, a paragraph dropped, truncated text, tracking
parameters), re-posted by the employer after closing, and edited between crawls. Negatives
are the hard cases: distinct openings with the same title at the same employer, the same
template text for another city or seniority, the same title at another employer, and a
re-post long after the first one closed. Deterministic: re-running gives the same file.

    .venv/bin/python tests/eval/make_duplicate_pairs.py
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson

from jobpipe.demo import Market
from jobpipe.demo.market import DemoPosting
from transforms.html_text import html_to_text

OUT = Path(__file__).with_name("duplicate_pairs.jsonl")
DAY = date(2026, 11, 1)
BOILERPLATE = [
    "{company} is an equal opportunity employer. All qualified applicants will receive "
    "consideration for employment without regard to race, color, religion, sex, national origin, "
    "disability or veteran status.",
    "Apply now! This job was posted via our careers partner. Click apply to submit your CV.",
    "About {company}: we believe great people build great products. Join us.",
    "Please note: we do not accept unsolicited resumes from agencies.",
]
TITLE_EDITS = [
    lambda t: t.replace("Senior ", "Sr. "),
    lambda t: f"{t} (m/w/d)",
    lambda t: f"{t} - Remote" if "Remote" not in t else t,
    lambda t: t.upper(),
    lambda t: f"{t} | Full-time",
    lambda t: t,
]
SOURCES = ["lever", "ashby", "smartrecruiters", "workable", "schemaorg", "recruitee"]
LEGAL = [" Inc.", ", Inc.", " LLC", " GmbH", " Ltd", ""]
LEVEL_PREFIX = re.compile(r"^(Senior|Sr\.|Junior|Staff|Lead|Principal) ")
CITIES = [
    ("Chicago", "US"),
    ("Toronto", "CA"),
    ("London", "GB"),
    ("Berlin", "DE"),
    ("Austin", "US"),
]


def _pid(*parts: object) -> str:
    return hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()[:16]


def _record(p: DemoPosting, first_seen: date, closed_at: date | None = None) -> dict[str, Any]:
    return {
        "posting_id": _pid("greenhouse", p.board, p.job_id),
        "source": "greenhouse",
        "board": p.board,
        "company": p.company,
        "title": p.title,
        "url": f"https://job-boards.greenhouse.io/{p.board}/jobs/{p.job_id}",
        "seniority": p.seniority,
        "locations": [
            {"raw": loc.raw, "city": loc.city or None, "country_code": loc.country_code or None}
            for loc in p.locations
        ],
        "description": html_to_text(p.description_html) or "",
        "first_seen": first_seen.isoformat(),
        "closed_at": closed_at.isoformat() if closed_at else None,
    }


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def _edit_text(rng: random.Random, text: str, company: str, how: str) -> str:
    paras = _paragraphs(text)
    if how == "boilerplate":
        paras = [*paras, rng.choice(BOILERPLATE).format(company=company)]
        if rng.random() < 0.5:
            paras.insert(0, rng.choice(BOILERPLATE).format(company=company))
    elif how == "drop" and len(paras) > 4:
        paras.pop(rng.randrange(1, len(paras) - 1))
    elif how == "truncate":
        words = " ".join(paras).split()
        paras = [" ".join(words[: max(20, int(len(words) * rng.uniform(0.75, 0.9)))]) + " …"]
    elif how == "whitespace":
        paras = [re.sub(r"\s+", " ", p).replace(" - ", " • ") for p in paras]
    return "\n".join(paras)


def _syndicated(rng: random.Random, a: dict[str, Any], how: str) -> dict[str, Any]:
    source = rng.choice(SOURCES)
    board = re.sub(r"[^a-z0-9]", "", a["company"].lower())
    b = dict(a)
    b.update(
        posting_id=_pid(source, board, rng.randrange(10**9)),
        source=source,
        board=board,
        company=a["company"] + rng.choice(LEGAL),
        title=rng.choice(TITLE_EDITS)(a["title"]),
        url=f"https://jobs.{source}.test/{board}/{rng.randrange(10**6)}",
        locations=[dict(loc, raw=loc["raw"].upper()) for loc in a["locations"]],
        description=_edit_text(rng, a["description"], a["company"], how),
        first_seen=(
            date.fromisoformat(a["first_seen"]) + timedelta(rng.randrange(0, 5))
        ).isoformat(),
    )
    return b


def _pair(label: int, kind: str, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return {"label": label, "kind": kind, "a": a, "b": b}


def build() -> list[dict[str, Any]]:
    rng = random.Random(20261101)
    market = Market(seed=11, boards=30, jobs_per_board=25)
    postings = [p for b in market.board_tokens() for p in market.postings(b, DAY)]
    rng.shuffle(postings)
    records = [(_record(p, DAY), p) for p in postings]
    pairs: list[dict[str, Any]] = []
    it = iter(records)
    # positives ------------------------------------------------------------------------
    for how in ("boilerplate", "drop", "whitespace", "none", "boilerplate", "drop", "truncate"):
        for _ in range(14):
            a, _p = next(it)
            pairs.append(_pair(1, f"syndicated_{how}", a, _syndicated(rng, a, how)))
    for _ in range(15):  # same URL with tracking parameters, on an aggregator
        a, _p = next(it)
        b = _syndicated(rng, a, "boilerplate")
        b["url"] = a["url"] + f"?utm_source=aggregator&gh_src={rng.randrange(10**6):x}#apply"
        b["company"] = f"{a['company']} (via JobAggregator)"
        pairs.append(_pair(1, "tracking_url", a, b))
    for _ in range(15):  # the employer closes and re-posts the same job within weeks
        a, _p = next(it)
        closed = DAY + timedelta(rng.randrange(10, 40))
        a = dict(a, closed_at=closed.isoformat())
        b = dict(
            a,
            posting_id=_pid("greenhouse", a["board"], rng.randrange(10**9)),
            url=a["url"] + "1",
            closed_at=None,
            first_seen=(closed + timedelta(rng.randrange(1, 25))).isoformat(),
            description=_edit_text(rng, a["description"], a["company"], "whitespace"),
        )
        pairs.append(_pair(1, "repost", a, b))
    for _ in range(10):  # a later version (pay or text edited) of the same job elsewhere
        a, p = next(it)
        later = market.posting(p.board, p.job_id, p.closes_on - timedelta(1))
        b = _syndicated(rng, _record(later, DAY) if later else a, "none")
        pairs.append(_pair(1, "syndicated_later_version", a, b))
    # negatives ------------------------------------------------------------------------
    by_title: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    by_family: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec, p in records:
        by_title[(p.board, p.title)].append(rec)
        by_family[p.title.split(" ")[-1]].append(rec)
    for recs in by_title.values():
        if len(recs) > 1:
            pairs.append(_pair(0, "same_employer_same_title_distinct_opening", recs[0], recs[1]))
    for _ in range(30):  # the employer's template for another city
        a, _p = next(it)
        city, cc = rng.choice([c for c in CITIES if c[0] not in a["description"]])
        if any(loc["city"] == city for loc in a["locations"]):
            continue
        b = dict(
            a,
            posting_id=_pid("x", a["posting_id"]),
            url=a["url"] + "2",
            locations=[{"raw": f"{city}, {cc}", "city": city, "country_code": cc}],
        )
        pairs.append(_pair(0, "same_text_other_city", a, b))
    for _ in range(30):  # a more senior opening written from the same template
        a, p = next(it)
        senior = {"senior": "staff", "staff": "principal"}.get(p.seniority, "senior")
        base = LEVEL_PREFIX.sub("", a["title"])
        b = dict(
            a,
            posting_id=_pid("y", a["posting_id"]),
            url=a["url"] + "3",
            title=f"{senior.title()} {base}",
            seniority=senior,
            description=a["description"].replace("years", "or more years"),
        )
        pairs.append(_pair(0, "same_template_other_seniority", a, b))
    for recs in list(by_family.values())[:40]:  # the same kind of job at another employer
        others = [r for r in recs[1:] if r["company"] != recs[0]["company"]]
        if others:
            pairs.append(_pair(0, "same_title_family_other_employer", recs[0], others[0]))
    for _ in range(15):  # re-posted long after the first one closed: a new hiring round
        a, _p = next(it)
        closed = DAY + timedelta(rng.randrange(10, 40))
        a = dict(a, closed_at=closed.isoformat())
        b = dict(
            a,
            posting_id=_pid("z", a["posting_id"]),
            url=a["url"] + "4",
            closed_at=None,
            first_seen=(closed + timedelta(rng.randrange(60, 200))).isoformat(),
        )
        pairs.append(_pair(0, "repost_after_months", a, b))
    return pairs


def main() -> None:
    pairs = build()
    OUT.write_bytes(b"".join(orjson.dumps(p) + b"\n" for p in pairs))
    counts: dict[str, int] = defaultdict(int)
    for p in pairs:
        counts[f"{p['label']} {p['kind']}"] += 1
    for k, v in sorted(counts.items()):
        print(f"{v:4d}  {k}")
    print(f"{len(pairs):4d}  pairs -> {OUT}")


if __name__ == "__main__":
    main()
