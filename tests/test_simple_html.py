"""The parser-free path for simple HTML gives exactly lexbor's text, and declines the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.html_text import BLOCK_TAGS, clean_lines, html_to_text, parsed_text
from transforms.simple_html import SIMPLE_TAGS, simple_html_text

EVAL = Path(__file__).parent / "eval"


def _both(markup: str) -> tuple[str | None, str | None]:
    return simple_html_text(markup, BLOCK_TAGS), parsed_text(markup)


def test_simple_markup_is_read_without_the_parser() -> None:
    markup = '<h2 class="x">About</h2><p>R&amp;D <A HREF=/jobs/>team</A> &#8377; &euro;</p><br/>'
    fast, slow = _both(markup)
    assert fast is not None
    assert clean_lines(fast) == clean_lines(slow or "") == "About\nR&D team ₹ €"


@pytest.mark.parametrize(
    "markup",
    [
        "<p>a</p><script>x</script>",  # not a text-flow element
        "<p>a</p><!-- note -->",  # comment
        "<p>salary < 5k</p>",  # stray "<"
        "<p>a</p><a href=x",  # cut off inside attributes
        "<p>AT&T</p>",  # "&" without a reference
        "<p>&notit; &#128;</p>",  # prefix-matched name, C1 number
        "<p>a\r\nb</p>",  # the parser rewrites CR
        "<pre>\ncode</pre>",  # pre drops its first newline
        "<table><tr><td>x</td></tr></table>",  # tables may move text
        "<p\xa0class=x>a</p>",  # not a <p> tag for HTML
    ],
)
def test_other_markup_goes_to_the_parser(markup: str) -> None:
    assert simple_html_text(markup, BLOCK_TAGS) is None


def test_eval_descriptions_read_the_same_both_ways() -> None:
    seen = 0
    for path in sorted(EVAL.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            markup = json.loads(line).get("description") or ""
            fast, slow = _both(markup)
            if fast is not None:
                seen += 1
                assert clean_lines(fast) == clean_lines(slow or "")
    assert seen > 300  # the eval descriptions are simple HTML


_TAGS = [*sorted(SIMPLE_TAGS), "table", "td", "pre", "script", "title", "textarea", "img"]
_PIECES = st.one_of(
    st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(_TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(_TAGS).map(lambda t: f"<{t.upper()} id='a>b' data-x=1/>"),
    st.sampled_from(["&amp;", "&nbsp;", "&lt;p&gt;", "&#8212;", "&#x20AC;", "&euro;", "&", "<"]),
    st.sampled_from([" ", "\n", "\t", "\f", "\xa0", "  ", "\u2009"]),
    st.text(alphabet="abcXYZ 09.,;:-'\"/=>é€", min_size=1, max_size=8),
)


_CUT_ENDS = ["", "<", "</", "<stro", "</u", "<LI", "<p", "</p", "<a href", "<!", "&am", "<p>&"]


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30), st.sampled_from(_CUT_ENDS))
def test_random_markup_reads_the_same_both_ways(pieces: list[str], end: str) -> None:
    markup = "".join(pieces) + end  # descriptions may be cut off anywhere
    fast = simple_html_text(markup, BLOCK_TAGS)
    if fast is not None:
        assert clean_lines(fast) == clean_lines(parsed_text(markup) or "")


@pytest.mark.parametrize("end", ["<stro", "</u", "<", "</"])
def test_markup_cut_off_in_a_tag_is_still_simple(end: str) -> None:
    markup = "<p>a &amp; b</p><ul><li>c</li>" + end
    fast = simple_html_text(markup, BLOCK_TAGS)
    assert fast is not None
    assert clean_lines(fast) == clean_lines(parsed_text(markup) or "")


def test_html_to_text_same_as_parser_on_nested_formatting() -> None:
    markup = "<b>1<p>2</b>3</p><a>4<a>5</a>6</a><i><u><s>7</i>8</u>9</s>"
    assert simple_html_text(markup, BLOCK_TAGS) is not None
    assert html_to_text(markup) == clean_lines(parsed_text(markup) or "")
