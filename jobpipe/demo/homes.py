"""Which wire format each demo board calls home, and the registry that crawls them that way.

Any demo board can be crawled in any format; its *home* ATS is the one the built-in demo run
(``jobpipe run`` without a registry) uses. Homes go round-robin over :data:`SOURCES` in board
order, so a market of nine or more boards covers every source.
"""

from __future__ import annotations

import weakref

from jobpipe.demo import workday
from jobpipe.demo.market import Market
from warehouse.schema import SOURCES  # every source, in the order boards take them

_INDEX: weakref.WeakKeyDictionary[Market, dict[str, int]] = weakref.WeakKeyDictionary()


def home_ats(market: Market, board: str) -> str:
    """The ATS whose wire format ``board`` is crawled in by the demo run (KeyError: unknown)."""
    index = _INDEX.get(market)
    if index is None:
        index = _INDEX[market] = {t: i for i, t in enumerate(market.board_tokens())}
    if board not in index:
        raise KeyError(f"unknown board {board!r}")
    return SOURCES[index[board] % len(SOURCES)]


def source_board(source: str, board: str) -> str:
    """The board token a ``source`` spider takes for a demo board (Workday: ``tenant/site``)."""
    return f"{board}/{workday.site_for(board)}" if source == "workday" else board


def base_urls(server_url: str) -> dict[str, str]:
    """Registry ``base_urls`` pointing every source at the demo server (``{date}`` kept)."""
    root = f"{server_url.rstrip('/')}/d/{{date}}"
    urls = {source: root for source in SOURCES}
    urls["recruitee"] = f"{root}/recruitee/{{board}}"
    urls["personio"] = f"{root}/personio/{{board}}"
    urls["schemaorg"] = f"{root}/careers/{{board}}"
    return urls


def board_refs(market: Market, source: str | None = None) -> list[tuple[str, str, str]]:
    """``(source, board token, company)`` for every board, in its home format or ``source``."""
    out = []
    for index, board in enumerate(market.board_tokens()):
        kind = source or SOURCES[index % len(SOURCES)]
        out.append((kind, source_board(kind, board), market.company_name(board)))
    return out
