"""The prefiltered searches answer exactly what the plain regex search answers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms import classify
from transforms.anchors import literal_prefixes
from transforms.prefilter import Prefiltered

FILTERED = {name: value for name, value in vars(classify).items() if isinstance(value, Prefiltered)}
_WORDS = sorted(
    {text for f in FILTERED.values() for text, _ in literal_prefixes(f.inside or f.pattern)}
    | {"preferred", "AT LEAST", "founded", "required", "Experience", "é", "ß", " ", ".", ";", "\n"}
)


def test_classify_uses_prefiltered_searches() -> None:
    assert len(FILTERED) >= 8
    assert all(f._any is not None for f in FILTERED.values())


@pytest.mark.parametrize("name", sorted(FILTERED))
@settings(max_examples=150, deadline=None)
@given(
    pieces=st.lists(
        st.one_of(
            st.sampled_from(_WORDS),
            st.sampled_from(_WORDS).map(str.upper),
            st.text(alphabet="abcst xyz.é", max_size=6),
        ),
        max_size=12,
    ),
    pos=st.integers(0, 30),
    endpos=st.integers(0, 200),
)
def test_same_answer_as_the_regex(name: str, pieces: list[str], pos: int, endpos: int) -> None:
    filtered = FILTERED[name]
    text = " ".join(pieces)
    got = filtered.search(text, pos, endpos)
    expected = filtered.pattern.search(text, pos, endpos)
    assert (got and got.span()) == (expected and expected.span())
    got, expected = filtered.search(text), filtered.pattern.search(text)
    assert (got and got.span()) == (expected and expected.span())


def test_characters_that_fold_to_ascii_turn_the_test_off() -> None:
    long_s = Prefiltered(re.compile("ſince|after", re.IGNORECASE))  # matches "since"
    assert long_s._any is None
    assert long_s.search("ever since") is not None
    assert Prefiltered(re.compile("über|after", re.IGNORECASE)).search("uber alles") is None
