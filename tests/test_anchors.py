"""Anchored rule matching (transforms/anchors.py): same answers as plain regex, far fewer tries."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms import classify
from transforms.anchors import (
    PrefixError,
    RuleSet,
    literal_prefixes,
    lower_same_length,
    split_alternatives,
)
from transforms.enrich import as_text

EVAL = Path(__file__).resolve().parent / "eval" / "postings.jsonl"


def _texts() -> list[str]:
    lines = EVAL.read_text(encoding="utf-8").splitlines()
    return [as_text(json.loads(line)["description"]) or "" for line in lines]


def test_literal_prefixes_expand_groups_classes_and_optionals() -> None:
    pattern = re.compile(r"\b(?:full|part)[- ]?time\b", re.IGNORECASE)
    assert {text for text, _ in literal_prefixes(pattern)} == {
        f"{word}{sep}time" for word in ("full", "part") for sep in ("-", " ", "")
    }
    assert all(word_start for _, word_start in literal_prefixes(pattern))


def test_literal_prefixes_skip_lookarounds_and_keep_case_insensitive_literals() -> None:
    pattern = re.compile(r"(?<!previous )\bINTERN(?:ship)?\b(?! experience)")
    assert literal_prefixes(pattern) == {("intern", True)}


@pytest.mark.parametrize("source", [r"\d+ years", r".remote", r"\s*remote", r"a|remote"])
def test_patterns_without_a_literal_prefix_are_refused(source: str) -> None:
    with pytest.raises(PrefixError):
        literal_prefixes(re.compile(source))


def test_a_refused_rule_names_its_group_and_index() -> None:
    with pytest.raises(PrefixError, match=r"rule g\[1\]"):
        RuleSet({"g": (("a", re.compile("remote")), ("b", re.compile(r"\d days")))})


def test_split_alternatives_keeps_named_groups_and_tails() -> None:
    assert split_alternatives(r"(?P<a>x|y)z|w") == ["(?P<a>x)z", "(?P<a>y)z", "w"]
    assert split_alternatives(r"(?:a|b)+") == ["(?:a|b)+"]  # a repeated group is not split
    assert split_alternatives(r"[a|b]c|\|d") == ["[a|b]c", r"\|d"]
    assert split_alternatives(r"(?<!x)(?:a|b)") == ["(?<!x)(?:a|b)"]
    # a group that opens a named group is split too, the rest of the named group kept
    assert split_alternatives(r"(?P<m>(?:ma|ms)(?:\s+in)?)\b") == [
        r"(?P<m>(?:ma)(?:\s+in)?)\b",
        r"(?P<m>(?:ms)(?:\s+in)?)\b",
    ]
    assert split_alternatives(r"(?P<m>(?:a|b)?c)") == [r"(?P<m>(?:a|b)?c)"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="mas in.Mx,", max_size=30))
def test_split_alternatives_find_what_the_whole_pattern_finds(text: str) -> None:
    whole = re.compile(r"(?P<m>(?:\bma|m\.?s|(?-i:M\.?A))(?:\s+in)?)\b", re.IGNORECASE)
    rules = RuleSet({"g": (("m", whole),)})
    assert len(split_alternatives(whole.pattern)) == 3
    got = [(hit.start, hit.match.group()) for hit in rules.finditer(text, "g")]
    assert got == [(m.start(), m.group()) for m in whole.finditer(text)]


def test_lower_same_length_keeps_offsets() -> None:
    text = "İstanbul Office"
    assert len(lower_same_length(text)) == len(text)
    assert lower_same_length("Remote") == "remote"


def test_rule_order_breaks_ties_at_one_position() -> None:
    rules = RuleSet({"g": (("long", re.compile("remote first")), ("short", re.compile("remote")))})
    hits = list(rules.finditer("We are remote first.", "g"))
    assert [(h.key, h.start) for h in hits] == [("long", 7)]


def _first_plain_matches(rules: tuple[tuple[str, re.Pattern[str]], ...], text: str) -> dict:
    """Per rule key, where plain ``re.search`` first finds any of the key's patterns."""
    first: dict[str, int] = {}
    for key, pattern in rules:
        m = pattern.search(text)
        if m is not None:
            first[key] = min(first.get(key, m.start()), m.start())
    return first


@pytest.mark.parametrize(
    "group",
    ["workplace", "employment", "visa", "education", "workplace_days", "hours", "experience"],
)
def test_anchored_rules_find_what_plain_regex_finds_on_the_eval_texts(group: str) -> None:
    ruleset = classify._ruleset()
    for text in _texts():
        anchored: dict[str, int] = {}
        for hit in ruleset.hits(text, group):
            anchored.setdefault(hit.key, hit.start)
        assert anchored == _first_plain_matches(ruleset.groups[group], text), (group, text)


_SALAD = (
    "remote hybrid on-site onsite office full-time part-time contract internship visa sponsor "
    "sponsorship no not unable to we 3 days week hours 40 bachelor's degree MSc PhD high school "
    "years of experience 5+ Homeoffice télétravail , . ( ) -"
)
WORDS = st.sampled_from([*_SALAD.split(), "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_anchored_rules_match_plain_regex_on_arbitrary_word_salad(text: str) -> None:
    ruleset = classify._ruleset()
    for group, rules in ruleset.groups.items():
        anchored: dict[str, int] = {}
        for hit in ruleset.hits(text, group):
            anchored.setdefault(hit.key, hit.start)
        assert anchored == _first_plain_matches(rules, text), (group, text)
