"""HTML → plain text, block-aware (one line per paragraph/list item), via selectolax/lexbor.

Every posting passes through here, so it is built for speed: instead of walking the DOM to
mark block elements, a newline is put in front of every block-level tag in the markup before
parsing, so lexbor's own text extraction yields one line per block. Whitespace is then
collapsed with plain string operations (no per-character Python or Unicode regex work).

Most descriptions are *simple* HTML (well-formed tags from a short list of text-flow elements,
common entities); those skip the parser (:mod:`transforms.simple_html`), which gives the same
text at a fraction of the cost. Everything else goes through lexbor.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from transforms.simple_html import simple_html_text

BLOCK_TAGS = (
    "p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul", "ol", "section",
    "article", "header", "footer", "table", "blockquote", "pre", "hr", "dd", "dt",
)  # fmt: skip
DROP_TAGS = ["script", "style", "noscript", "template", "iframe"]
_BLOCK_TAG = re.compile(r"<(?=/?(?:" + "|".join(BLOCK_TAGS) + r")[\s/>])", re.IGNORECASE)
_DROP_MARKER = re.compile("<(?:" + "|".join(DROP_TAGS) + ")", re.IGNORECASE)
_ODD_SPACES = ("\xa0", "\t", "\r", "\f", "\v", "\u2009", "\u202f", "\u3000")


def html_to_text(markup: str | None) -> str | None:
    """Visible text of ``markup`` with block elements on their own lines; None when empty."""
    if not markup or not markup.strip():
        return None
    text = simple_html_text(markup, BLOCK_TAGS)
    if text is None:
        text = parsed_text(markup)
        if text is None:
            return None
    return clean_lines(text)


def parsed_text(markup: str) -> str | None:
    """Text of ``markup`` as lexbor extracts it, a newline in front of every block tag."""
    tree = LexborHTMLParser(_BLOCK_TAG.sub("\n<", markup))
    if _DROP_MARKER.search(markup):
        tree.strip_tags(DROP_TAGS)
    root = tree.body or tree.root
    if root is None:
        return None
    return root.text(separator="", deep=True)


def clean_lines(text: str) -> str | None:
    """Odd spaces to one space, runs of spaces collapsed, lines stripped, blank lines dropped."""
    for char in _ODD_SPACES:
        if char in text:
            text = text.replace(char, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return "\n".join(filter(None, map(str.strip, text.split("\n")))) or None
