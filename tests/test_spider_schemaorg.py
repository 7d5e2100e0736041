"""Career-site spider: sitemap or listing page → posting pages on the same domain → schema.org
JobPosting (JSON-LD, @graph, microdata, RDFa); pages without markup become error records."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES
from spider_harness import DAY, by_board, crawl, demo_base_url, errors, postings, replay
from stubserver import Canned, StubServer

from jobpipe.demo import DemoBoardServer, Market
from jobpipe.demo.schemaorg import STYLES, style_for
from spiders.extract import schemaorg as so

pytestmark = pytest.mark.slow
HTML = {"Content-Type": "text/html; charset=utf-8"}


def _one_board_per_style(market: Market) -> list[str]:
    found: dict[str, str] = {}
    for token in market.board_tokens():
        found.setdefault(style_for(token), token)
    assert set(found) == set(STYLES)
    return [found[s] for s in STYLES]


def test_every_markup_style_from_sitemap_or_listing(tmp_path: Path) -> None:
    market = Market(seed=18, boards=10, jobs_per_board=6)
    boards = _one_board_per_style(market)
    broken = next(t for t in market.board_tokens() if t not in boards)
    with DemoBoardServer(market, faults={broken: "not_found"}) as server:
        base = demo_base_url(server, "schemaorg")
        listing = base.replace("{board}", boards[2]) + "/jobs"  # a start URL, not a domain
        records, _ = crawl(
            "schemaorg", [boards[0], boards[1], listing, boards[3], broken], base, tmp_path
        )
    assert by_board(records) == {
        boards[0]: len(market.postings(boards[0], DAY)),
        boards[1]: len(market.postings(boards[1], DAY)),
        "127.0.0.1": len(market.postings(boards[2], DAY)),  # a URL board is named by its domain
        boards[3]: len(market.postings(boards[3], DAY)),
    }
    assert errors(records) == {broken: {"http_404"}}
    syntaxes = {r["payload"]["syntax"] for r in postings(records)}
    assert syntaxes == {"json-ld", "microdata", "rdfa"}
    for record in postings(records):
        item = so.posting_from_payload(record["payload"], record["board"])
        assert item.title and item.company and item.description_html and item.location_raw
        assert item.source_job_id.isdigit()  # from the identifier, not a URL hash
    rows = replay(tmp_path / "schemaorg.jsonl.gz")
    assert len(rows) == len(postings(records))
    assert all(r["posted_at"] and r["description_text"] for r in rows)


def test_off_domain_links_are_not_followed_and_pages_without_markup_are_errors(
    tmp_path: Path,
) -> None:
    pages = {
        "/jobs/graph": "job-graph.html",
        "/jobs/invalid-json": "job-invalid-jsonld.html",
        "/jobs/microdata": "job-microdata.html",
        "/jobs/nothing-here": "no-jobposting.html",
    }
    with StubServer() as s:
        locs = [f"{s.url}{path}" for path in pages]
        locs += ["https://elsewhere.example/jobs/not-ours", f"{s.url}/about-us"]
        sitemap = "".join(f"<url><loc>{u}</loc></url>" for u in locs)
        s.route("/sitemap.xml", Canned(200, f"<urlset>{sitemap}</urlset>".encode(), {}))
        for path, name in pages.items():
            s.route(path, Canned(200, (FIXTURES / "schemaorg" / name).read_bytes(), HTML))
        records, _ = crawl("schemaorg", ["careers.local"], f"{s.url}", tmp_path)
        hits = dict(s.hits)
    assert "/about-us" not in hits  # not a job page
    assert all(hits.get(p) == 1 for p in pages)
    found = {r["request_url"].rsplit("/", 1)[-1] for r in postings(records)}
    assert found == {"graph", "invalid-json", "microdata"}
    assert errors(records) == {"careers.local": {"no_jobposting"}}
    assert len(replay(tmp_path / "schemaorg.jsonl.gz")) == len(postings(records))
