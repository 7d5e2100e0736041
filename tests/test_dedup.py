"""De-duplication: keys, pair rules, incremental groups, and the labeled-pair targets."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from warehouse_fixtures import DESCRIPTION, publish, query, row, write_day

from warehouse.dedup import DedupRecord, assign_groups, match_kind
from warehouse.dedup_eval import TARGET_PRECISION, TARGET_RECALL, evaluate
from warehouse.keys import canonical_url, employer_key, title_family

D0 = date(2026, 11, 1)
BOSTON = [{"city": "Boston", "country_code": "US"}]


def _rec(pid: str, **over: object) -> DedupRecord:
    args: dict = dict(
        company="Acme",
        url=f"https://a.test/{pid}",
        title="Registered Nurse",
        seniority="mid",
        locations=BOSTON,
        description=DESCRIPTION,
        first_seen=D0,
    )
    args.update(over)
    return DedupRecord.build(pid, **args)


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Senior Data Engineer II (m/w/d) - Berlin", "data engineer"),
        ("Sr. Software Eng", "software engineer"),
        ("Staff Accountant", "accountant"),
        ("Registered Nurse - ICU", "registered nurse"),
        ("Head of Marketing", "marketing"),
        ("Junior Backend Developer [Remote]", "backend developer"),
    ],
)
def test_title_family_strips_seniority_and_qualifiers(title: str, family: str) -> None:
    assert title_family(title) == family


def test_employer_key_and_canonical_url() -> None:
    assert employer_key("Acme, Inc.") == employer_key("ACME GmbH") == "acme"
    assert (
        canonical_url("https://www.Jobs.test/x/1/?utm_source=li&gh_src=9&page=2#apply")
        == canonical_url("https://jobs.test/x/1?page=2")
        == "https://jobs.test/x/1?page=2"
    )


def test_pair_rules() -> None:
    a = _rec("a")
    assert (
        match_kind(
            a,
            _rec(
                "b",
                company="Acme Inc.",
                title="Sr Registered Nurse (m/f/d)",
                seniority=None,
                url="https://b.test/1",
            ),
        )
        == "near"
    )
    assert match_kind(a, _rec("c", url="https://a.test/a?utm_campaign=x", company="Other")) == "url"
    assert match_kind(a, _rec("d", company="Other Hospital")) is None
    assert match_kind(a, _rec("e", seniority="senior")) is None
    assert match_kind(a, _rec("f", locations=[{"city": "Chicago", "country_code": "US"}])) is None
    assert match_kind(a, _rec("g", title="Accountant")) is None
    remote = [{"city": None, "country_code": "US"}]
    assert match_kind(a, _rec("r", locations=remote)) is None  # remote vs. an office
    assert match_kind(_rec("s", locations=remote), _rec("t", locations=remote)) == "near"
    assert match_kind(a, _rec("h", description="Drive a forklift in our warehouse all day")) is None
    closed = _rec("i", closed_at=D0 + timedelta(days=10))
    assert match_kind(closed, _rec("j", first_seen=D0 + timedelta(days=20))) == "repost"
    assert match_kind(closed, _rec("k", first_seen=D0 + timedelta(days=90))) is None


def test_assign_groups_joins_earlier_groups_and_links_new_ones() -> None:
    earlier = [_rec("a", group_id="g-a"), _rec("z", company="Zeta", group_id="g-z")]
    new = [
        _rec("b", url="https://b.test/1"),
        _rec("c", url="https://c.test/1", company="Acme LLC"),
        _rec("y", company="Yoyo"),
        _rec("x", company="Yoyo", url="https://a.test/y"),
    ]
    got = {a.posting_id: (a.duplicate_group_id, a.match_kind) for a in assign_groups(earlier, new)}
    assert got["b"] == ("g-a", "near") and got["c"][0] == "g-a"
    assert got["y"][0] == got["x"][0] == "x"


def test_publish_groups_cross_board_duplicates_and_reposts(tmp_path: Path) -> None:
    days = [D0 + timedelta(days=i) for i in range(4)]
    text = {"description_text": DESCRIPTION}
    write_day(tmp_path, days[0], [row("a1", days[0], **text), row("a2", days[0], title="Welder")])
    # D1: the same nurse job appears on another board/source of the same employer
    dup = row("b1", days[1], board="b", company="A Inc.", source="lever", **text)
    write_day(
        tmp_path, days[1], [row("a1", days[1], **text), row("a2", days[1], title="Welder"), dup]
    )
    write_day(tmp_path, days[2], [row("a2", days[2], title="Welder")])  # a1 and b1 close
    # D3: the employer re-posts the nurse job under a new id
    write_day(tmp_path, days[3], [row("a2", days[3], title="Welder"), row("a3", days[3], **text)])
    db = publish(tmp_path, days[3])
    groups = query(
        db, "select posting_id, duplicate_group_id, match_kind from stg_posting_groups order by 1"
    )
    assert groups == [
        ("a1", "a1", None),
        ("a2", "a2", None),
        ("a3", "a1", "repost"),
        ("b1", "a1", "near"),
    ]
    jobs = query(
        db,
        "select duplicate_group_id, postings, boards, reposts, is_active "
        "from distinct_jobs order by 1",
    )
    assert jobs == [("a1", 3, 2, 1, True), ("a2", 1, 1, 0, True)]


def test_labeled_pairs_meet_the_targets() -> None:
    path = Path(__file__).parent / "eval" / "duplicate_pairs.jsonl"
    score = evaluate(path)
    assert score.tp + score.fp + score.fn + score.tn >= 200
    assert score.tp + score.fn >= 100 and score.tn + score.fp >= 100
    assert score.precision >= TARGET_PRECISION, score.mistakes
    assert score.recall >= TARGET_RECALL, score.mistakes
