"""The Recruitee renderer: recorded core keys, string pay, UTC timestamp text."""

from __future__ import annotations

import re

from demo_shapes import DAY, common_keys, recorded_objects

from jobpipe.demo import Market
from jobpipe.demo import recruitee as demo


def test_offers_have_the_core_keys_string_pay_and_utc_text() -> None:
    core = common_keys(recorded_objects("recruitee", "*.json", lambda d: d["offers"][0]))
    optional = {"salary", "open_questions", "options_cv", "options_cover_letter", "options_phone",
                "options_photo", "options_title", "options_salutation", "mailbox_email",
                "sharing_description", "sharing_image", "sharing_title", "cover_image",
                "highlight", "dynamic_fields", "locations_question", "locations_question_required",
                "locations_question_type", "location_question_visible", "max_hours",
                "min_hours", "max_hours_per_week", "min_hours_per_week"}  # fmt: skip
    market = Market(seed=7, boards=3, jobs_per_board=20)
    paid = 0
    for board in market.board_tokens():
        for offer in demo.offers(market, board, DAY)["offers"]:
            assert core - optional <= set(offer)
            assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", offer["published_at"])
            if "salary" in offer:
                paid += 1
                assert isinstance(offer["salary"]["min"], str)
    assert paid > 0
