"""Text of *simple* HTML without a parser: the same text lexbor extracts, or None.

Simple means: every ``<`` opens a well-formed start or end tag of a text-flow element
(:data:`SIMPLE_TAGS`: paragraphs, lists, headings, emphasis, links ...; attributes allowed),
every ``&`` starts a complete character reference (``&amp;``, ``&#8377;``) that decodes to a
printable character, and there is no ``\\r`` or NUL. For such markup the HTML5 parser builds
elements whose text, in document order, is exactly the markup with its tags removed and its
references decoded (no foster parenting, raw-text or pre/textarea newline rules apply to these
elements), so tags are cut out with one regex split. Anything else returns None and goes to
the parser. ``tests/test_simple_html.py`` checks the equivalence against lexbor.
"""

from __future__ import annotations

import html
import re
from html.entities import html5

SIMPLE_TAGS = frozenset(
    (
        "p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "section",
        "article", "header", "footer", "blockquote", "hr", "dd", "dt", "dl", "strong", "b",
        "em", "i", "u", "s", "span", "a", "small", "sup", "sub", "mark", "code",
    )
)  # fmt: skip
_WS = "[ \t\n\f]"  # HTML's whitespace (not Unicode's: "<p\xa0x>" is no <p> tag)
_ATTRIBUTE = rf"""{_WS}+[^ \t\n\f"'<>/=]+(?:{_WS}*={_WS}*(?:"[^"]*"|'[^']*'|[^ \t\n\f"'<>=`]+))?"""
# A start or end tag; the one group is its name (re.split puts the names between the texts).
_TAG = re.compile(rf"</?([a-zA-Z][a-zA-Z0-9]*)(?:{_ATTRIBUTE})*{_WS}*/?>")
_CUT_TAG = re.compile(r"</?(?:[a-zA-Z][a-zA-Z0-9]*)?")  # at the very end of the markup
_REFERENCE = re.compile(r"&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[a-zA-Z][a-zA-Z0-9]{0,31};)?")


def _separators(block_tags: tuple[str, ...]) -> dict[str, str]:
    """Tag name (as written, any case) → what replaces the tag: a newline for block tags."""
    return {name: "\n" if name in block_tags else "" for name in SIMPLE_TAGS}


_SEPARATORS: dict[tuple[str, ...], dict[str, str]] = {}


def _safe_reference(ref: str) -> bool:
    if ref[0] != "#":
        return ref in html5
    number = int(ref[2:-1], 16) if ref[1] in "xX" else int(ref[1:-1])
    # printable, not a C1 control (HTML maps those to Windows-1252), not a surrogate
    return 0x20 <= number < 0x7F or 0xA0 <= number < 0xD800 or 0xE000 <= number < 0xFDD0


def simple_html_text(markup: str, block_tags: tuple[str, ...]) -> str | None:
    """The text of ``markup`` with a newline where each tag of ``block_tags`` was, and other
    tags removed; None when ``markup`` is not simple HTML (see the module doc)."""
    if "\r" in markup or "\0" in markup:
        return None
    separators = _SEPARATORS.get(block_tags)
    if separators is None:
        separators = _SEPARATORS[block_tags] = _separators(block_tags)
    end = ""
    if (cut := markup.rfind("<", len(markup) - 40)) != -1 and _CUT_TAG.fullmatch(markup, cut):
        # markup cut off inside a tag: HTML drops a started tag name at the end, but keeps a
        # lone "<" or "</" there as text
        end = markup[cut:] if len(markup) - cut <= 1 or markup[-1] == "/" else ""
        markup = markup[:cut]
    parts = _TAG.split(markup)
    names = parts[1::2]
    seps = list(map(separators.get, names))
    if None in seps:
        seps = [separators.get(name.lower()) for name in names]
        if None in seps:
            return None
    parts[1::2] = seps
    text = "".join(parts)
    if "<" in text:  # a "<" that opens no simple tag (comment, truncated tag, other element)
        return None
    if "&" in text:
        refs = set(_REFERENCE.findall(text))
        if "" in refs or not all(map(_safe_reference, refs)):
            return None
        text = html.unescape(text)
    return text + end
