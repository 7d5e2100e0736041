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
        # board "mapped" has a sitemap; "unmapped" has none and no /careers, but a /jobs listing;
        # "gone" has nothing at all
        locs = [f"{s.url}/mapped{path}" for path in pages]
        locs += ["https://elsewhere.example/jobs/not-ours", f"{s.url}/mapped/about-us"]
        sitemap = "".join(f"<url><loc>{u}</loc></url>" for u in locs)
        s.route("/mapped/sitemap.xml", Canned(200, f"<urlset>{sitemap}</urlset>".encode(), {}))
        links = "".join(f'<a href="/unmapped/jobs/{p}">{p}</a>' for p in ("graph", "rdfa"))
        s.route("/unmapped/jobs", Canned(200, f"<html><body>{links}</body></html>".encode(), HTML))
        for path, name in pages.items():
            body = (FIXTURES / "schemaorg" / name).read_bytes()
            s.route(f"/mapped{path}", Canned(200, body, HTML))
        for name in ("graph", "rdfa"):
            body = (FIXTURES / "schemaorg" / f"job-{name}.html").read_bytes()
            s.route(f"/unmapped/jobs/{name}", Canned(200, body, HTML))
        boards = ["mapped", "unmapped", "gone"]
        records, _ = crawl("schemaorg", boards, f"{s.url}/{{board}}", tmp_path)
        hits = dict(s.hits)
    assert "/mapped/about-us" not in hits  # not a job page
    assert all(hits.get(f"/mapped{p}") == 1 for p in pages)
    assert hits["/unmapped/careers"] == 1 and hits["/gone/careers"] == hits["/gone/jobs"] == 1
    found = {(r["board"], r["request_url"].rsplit("/", 1)[-1]) for r in postings(records)}
    assert found == {
        ("mapped", "graph"), ("mapped", "invalid-json"), ("mapped", "microdata"),
        ("unmapped", "graph"), ("unmapped", "rdfa"),
    }  # fmt: skip
    assert errors(records) == {"mapped": {"no_jobposting"}, "gone": {"http_404"}}
    gone = next(r for r in records if r["board"] == "gone")
    assert gone["request_url"].endswith("/gone/sitemap.xml") and "/gone/jobs" in gone["detail"]
    assert len(replay(tmp_path / "schemaorg.jsonl.gz")) == len(postings(records))
