"""The career-site renderer: sitemap, listing and posting pages the extractor reads back."""

from __future__ import annotations

from demo_shapes import DAY

from jobpipe.demo import Market
from jobpipe.demo import schemaorg as demo
from spiders.extract import schemaorg as so

SITE = "http://127.0.0.1:9/d/2026-11-01/careers"


def test_every_posting_page_carries_one_jobposting_in_the_board_style() -> None:
    market = Market(seed=7, boards=12, jobs_per_board=4)
    styles, sloppy = set(), 0
    for board in market.board_tokens():
        site = f"{SITE}/{board}"
        locs = so.links_from_sitemap(demo.sitemap(market, board, DAY, site))
        listing = demo.listing_page(market, board, DAY, site)
        links = so.posting_links(listing, f"{site}/jobs", "127.0.0.1")
        assert sorted(links) == sorted(locs[1:])  # tracking parameters dropped
        styles.add(demo.style_for(board))
        for posting in market.postings(board, DAY):
            name = demo.page_path(posting).rsplit("/", 1)[-1]
            page = demo.job_page(market, board, name, DAY, site)
            payloads = so.payloads_from_html(page, f"{site}{demo.page_path(posting)}")
            sloppy += b",\n}\n</script>" in page  # invalid JSON-LD, repaired by the extractor
            assert len(payloads) == 1
            item = so.posting_from_payload(payloads[0], board)
            assert item.source_job_id == str(posting.job_id) and item.title == posting.title
            assert item.company == posting.company and "<" in (item.description_html or "")
    assert styles == set(demo.STYLES) and sloppy > 0
