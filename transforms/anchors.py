"""Anchored rule matching: run many regexes over a long text for the price of one C pass.

Python's ``re`` is slow at searching long texts for big alternations (hundreds of ns per
character on this project's patterns). But a rule's match can only *start* where one of its
literal prefixes occurs ("bachelor", "full-time", "no remote" ...). :class:`RuleSet` derives
those prefixes from each compiled pattern's syntax tree, puts all of them in one Aho-Corasick
automaton (C, linear time) and then calls ``pattern.match`` only at the positions the automaton
reports. The result is exactly what ``finditer`` would find at those positions, at a small
fraction of the cost. A pattern whose match could start without a literal prefix (it begins
with ``\\d`` or ``.``) is refused at import time, so a rule can never be silently skipped.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, NamedTuple

import ahocorasick

MIN_PREFIX = 2  # shorter literal prefixes would match almost everywhere
MAX_PREFIXES = 4000  # per pattern; a guard against exponential expansion
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
Path = tuple[str, bool]  # (literal prefix so far, a word boundary is required before it)


class PrefixError(ValueError):
    """A pattern whose matches cannot be anchored on literal prefixes."""


def _in_chars(items: list[tuple[Any, Any]]) -> list[str] | None:
    chars: list[str] = []
    for op, arg in items:
        if op is sre.LITERAL:
            chars.append(chr(arg).lower())
        elif op is sre.RANGE and arg[1] - arg[0] < 10:
            chars.extend(chr(c).lower() for c in range(arg[0], arg[1] + 1))
        else:
            return None
    return sorted(set(chars))


def _seq(items: Sequence[tuple[Any, Any]], open_: set[Path]) -> tuple[set[Path], set[Path]]:
    """(paths still extensible, paths ended) after the parsed items ``items``."""
    closed: set[Path] = set()
    for op, arg in items:
        if not open_:
            break
        if op is sre.LITERAL:
            char = chr(arg).lower()
            open_ = {(text + char, ws) for text, ws in open_}
        elif op is sre.AT:
            if arg in (sre.AT_BOUNDARY,):
                open_ = {(text, ws or not text) for text, ws in open_}
        elif op in _ZERO_WIDTH:
            continue
        elif op is sre.IN and (chars := _in_chars(arg)) is not None:
            open_ = {(text + c, ws) for text, ws in open_ for c in chars}
        elif op is sre.SUBPATTERN:
            sub_open, sub_closed = _seq(arg[-1], open_)
            open_, closed = sub_open, closed | sub_closed
        elif op is sre.BRANCH:
            new_open: set[Path] = set()
            for alternative in arg[1]:
                alt_open, alt_closed = _seq(alternative, set(open_))
                new_open |= alt_open
                closed |= alt_closed
            open_ = new_open
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, sub = arg
            taken_open, taken_closed = _seq(sub, set(open_))
            closed |= taken_closed
            if low == 0 and high == 1:
                open_ = open_ | taken_open
            elif low == 0:
                closed |= taken_open | open_
                open_ = set()
            elif low == 1 and high == 1:
                open_ = taken_open
            else:
                closed |= taken_open
                open_ = set()
        else:
            closed |= open_
            open_ = set()
        if len(open_) + len(closed) > MAX_PREFIXES:
            raise PrefixError("too many literal prefixes")
    return open_, closed


def literal_prefixes(pattern: re.Pattern[str]) -> set[Path]:
    """Every literal (lowercased) a match of ``pattern`` must start with, with a flag saying
    whether a word boundary must precede it. Raises :class:`PrefixError` when a match could
    start with fewer than :data:`MIN_PREFIX` literal characters."""
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    open_, closed = _seq(list(tree), {("", False)})
    paths = open_ | closed
    short = sorted(text for text, _ in paths if len(text) < MIN_PREFIX)
    if short:
        raise PrefixError(f"{pattern.pattern[:60]!r} can start with {short[:5]!r}")
    # A longer prefix that extends a shorter one is redundant (the shorter already anchors it).
    texts = {text for text, _ in paths}
    return {
        (text, ws)
        for text, ws in paths
        if not any(text != other and text.startswith(other) for other in texts)
    }


def _top_level_bars(source: str) -> list[int]:
    """Offsets of the ``|`` characters of ``source`` that are outside groups and classes."""
    bars: list[int] = []
    depth, i, in_class = 0, 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if source[i + 1 : i + 2] == "]":
                i += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            bars.append(i)
        i += 1
    return bars


def _closing_paren(source: str) -> int:
    """Offset of the ``)`` closing the group that opens ``source`` (which starts with ``(``)."""
    depth, i, in_class = 0, 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if source[i + 1 : i + 2] == "]":
                i += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


_GROUP_OPEN = re.compile(r"\((?!\?)|\((?:\?:|\?P<\w+>|\?-?[aiLmsux]+(?:-[imsx]+)?:)")


def split_alternatives(source: str, depth: int = 3) -> list[str]:
    """``source`` split into equivalent alternatives, in order: top-level ``a|b`` → [a, b], and
    ``(?P<x>a|b)tail`` → [``(?P<x>a)tail``, ``(?P<x>b)tail``], ``(?P<x>(?:a|b)rest)tail`` →
    [``(?P<x>(?:a)rest)tail``, ``(?P<x>(?:b)rest)tail``] (recursively, ``depth`` levels).

    Trying the alternatives in order at one position finds what the whole pattern finds there;
    each alternative has fewer literal prefixes, so fewer of them are tried at each position.
    """
    bars = _top_level_bars(source)
    if bars:
        cuts = [-1, *bars, len(source)]
        parts = [source[a + 1 : b] for a, b in itertools.pairwise(cuts)]
    else:
        parts = [source]
    if depth == 0:
        return parts
    out: list[str] = []
    for part in parts:
        opener = _GROUP_OPEN.match(part)
        close = _closing_paren(part) if opener else -1
        tail = part[close + 1 :] if close > 0 else ""
        if (
            opener is None
            or close < 0
            or tail[:1] in ("?", "*", "+", "{")
            or "|" in tail
            or "(?P=" in part
        ):
            out.append(part)
            continue
        inner = part[opener.end() : close]
        head = opener.group()
        if not _top_level_bars(inner):
            # (?P<x>(?:a|b)rest)tail is (?P<x>(?:a)rest)tail or (?P<x>(?:b)rest)tail
            first = _closing_paren(inner) if inner.startswith("(?:") else -1
            rest = inner[first + 1 :]
            if first < 0 or rest[:1] in ("?", "*", "+", "{"):
                out.append(part)
                continue
            for alternative in split_alternatives(inner[3:first], depth - 1):
                out.append(f"{head}(?:{alternative}){rest}){tail}")
            continue
        for alternative in split_alternatives(inner, depth - 1):
            out.append(f"{head}{alternative}){tail}")
    return out


def lower_same_length(text: str) -> str:
    """``text.lower()`` with offsets preserved (a few characters lowercase to two)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower()[:1] or c for c in text)


class Hit(NamedTuple):
    """A rule match: the rule's key, its position and the match object (a named tuple: about
    three times cheaper to create than a frozen dataclass, and made for every match)."""

    key: str
    start: int
    match: re.Match[str]
    order: int  #: rule (alternative) order: at one position the earlier rule wins


def _position(hit: Hit) -> tuple[int, int]:
    return hit.start, hit.order


class RuleSet:
    """Named groups of ``(key, pattern)`` rules, all anchored in one automaton.

    Patterns are matched against the original text (so case-sensitive parts still work);
    prefixes are looked up in its lowercased copy.
    """

    def __init__(self, groups: dict[str, Sequence[tuple[str, re.Pattern[str]]]]) -> None:
        self.groups = {name: tuple(rules) for name, rules in groups.items()}
        self._automaton = ahocorasick.Automaton()
        registry: dict[str, list[tuple[str, str, re.Pattern[str], bool, int]]] = {}
        order = 0
        for name, rules in self.groups.items():
            for index, (key, pattern) in enumerate(rules):
                for source in split_alternatives(pattern.pattern):
                    part = re.compile(source, pattern.flags)
                    try:
                        paths = literal_prefixes(part)
                    except PrefixError as exc:
                        raise PrefixError(f"rule {name}[{index}]: {exc}") from None
                    for text, word_start in paths:
                        registry.setdefault(text, []).append((name, key, part, word_start, order))
                    order += 1
        for text, entries in registry.items():
            self._automaton.add_word(text, (len(text) - 1, tuple(entries)))
        self._automaton.make_automaton()
        self.scan = lru_cache(maxsize=16)(self._scan)

    def _scan(self, text: str) -> dict[str, list[Hit]]:
        """Matches of every group's rules in ``text``, in text order, per group.

        Two prefixes of one rule never match at the same position (the longer of two nested
        prefixes is dropped), so no rule is tried twice at one position.
        """
        low = lower_same_length(text)
        found: dict[str, list[Hit]] = {}
        for end, (length, entries) in self._automaton.iter(low):
            start = end - length
            prev = low[start - 1] if start else " "
            at_word_start = not (prev.isalnum() or prev == "_")
            for name, key, pattern, word_start, order in entries:
                if word_start and not at_word_start:
                    continue
                m = pattern.match(text, start)
                if m is not None:
                    found.setdefault(name, []).append(Hit(key, start, m, order))
        for hits in found.values():
            hits.sort(key=_position)
        return found

    def hits(self, text: str | None, group: str) -> list[Hit]:
        """Matches of ``group``'s rules in ``text``, in text order (empty for empty text)."""
        if not text:
            return []
        return self.scan(text).get(group, [])

    def finditer(self, text: str | None, group: str) -> Iterator[Hit]:
        """Like ``finditer`` over all of the group's rules: leftmost, non-overlapping."""
        last_end = -1
        for hit in self.hits(text, group):
            if hit.start >= last_end:
                last_end = hit.match.end()
                yield hit
