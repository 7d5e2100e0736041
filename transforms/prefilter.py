"""A regex search skipped when the text cannot hold a match: the cheap test first.

Python's ``re`` tries a case-insensitive pattern at every position of the text, which is slow
for word lists ("preferred|ideally|a plus|..."). A match must start with one of the pattern's
literal prefixes (:func:`transforms.anchors.literal_prefixes`), so on ASCII text that holds
none of them, lowercased, there is no match, and a plain case-sensitive alternation of the
prefixes (which ``re`` scans quickly) says so. When a prefix occurs, or the text is not ASCII,
the pattern itself is searched: the answer is always exactly ``pattern.search``'s.
"""

from __future__ import annotations

import re
import sys

from transforms.anchors import literal_prefixes


def _folds_to_ascii(char: str) -> bool:
    """Whether a non-ASCII pattern character matches some ASCII character when case is ignored
    (the long s matches "s", the Kelvin sign "k")."""
    pattern = re.compile(re.escape(char), re.IGNORECASE)
    return any(pattern.fullmatch(chr(code)) for code in range(128))


def word_trie(words: list[str]) -> str:
    """A regex matching any of ``words``, factored by common prefix (much faster than a|b|c)."""
    heads: dict[str, list[str]] = {}
    for word in words:
        heads.setdefault(word[:1], []).append(word[1:])
    branches = []
    for head, tails in sorted(heads.items()):
        if not head:
            continue
        rest = [tail for tail in tails if tail]
        inner = word_trie(rest) if rest else ""
        optional = "?" if rest and "" in tails else ""
        branches.append(re.escape(head) + (f"(?:{inner}){optional}" if inner else ""))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


class Prefiltered:
    """``pattern.search`` with a literal-prefix test in front (see the module doc)."""

    def __init__(self, pattern: re.Pattern[str], inside: re.Pattern[str] | None = None) -> None:
        """``inside``: a pattern every match of ``pattern`` contains a match of (its prefixes are
        looked for instead), for patterns that start with a gap (``^[^.]{0,60}?(?:a|b)``)."""
        self.pattern = pattern
        self.inside = inside
        prefixes = sorted(
            {text for text, _ in literal_prefixes(inside or pattern)}, key=len, reverse=True
        )
        odd = {char for text in prefixes for char in text if not char.isascii()}
        self._any: re.Pattern[str] | None = None
        if not any(_folds_to_ascii(char) for char in odd):
            ascii_prefixes = [text for text in prefixes if text.isascii()]  # others can't occur
            self._any = re.compile(word_trie(ascii_prefixes) if ascii_prefixes else "(?!)")

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Exactly ``self.pattern.search(text, pos, endpos)``."""
        if self._any is not None:
            window = text[pos:endpos] if pos or endpos < len(text) else text
            if window.isascii() and self._any.search(window.lower()) is None:
                return None
        return self.pattern.search(text, pos, endpos)
