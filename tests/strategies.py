"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st


def htmlish(tokens: Sequence[str], max_size: int = 30) -> st.SearchStrategy[str]:
    """Strings stitched from random text, numbers and ``tokens`` (tags, entities, cue words)."""
    return st.lists(
        st.one_of(
            st.text(max_size=40), st.sampled_from(list(tokens)), st.integers(0, 10**7).map(str)
        ),
        max_size=max_size,
    ).map("".join)
