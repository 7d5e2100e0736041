"""HTML → plain text, block-aware (one line per paragraph/list item), via selectolax/lexbor."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

BLOCK_TAGS = (
    "p,div,li,br,h1,h2,h3,h4,h5,h6,tr,ul,ol,section,article,header,footer,table,"
    "blockquote,pre,hr,dd,dt"
)
DROP_TAGS = ["script", "style", "noscript", "template", "iframe"]


def html_to_text(markup: str | None) -> str | None:
    """Visible text of ``markup`` with block elements on their own lines; None when empty."""
    if not markup or not markup.strip():
        return None
    tree = LexborHTMLParser(markup)
    tree.strip_tags(DROP_TAGS)
    root = tree.body or tree.root
    if root is None:
        return None
    for node in root.css(BLOCK_TAGS):
        node.insert_after("\n")
    text = root.text(separator="", deep=True)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line) or None
