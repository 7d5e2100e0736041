"""Incremental crawling: remember what each board looked like, fetch only what changed.

One gzipped state file per board (``<JOBPIPE_STATE_DIR>/source=<s>/board=<b>.json.gz``) holds, for
every job listed on the last successful crawl, a version (the list's ``updated_at`` plus a hash
of the list entry), the list entry, the detail payload and when it was fetched; and the list
response's validators (``ETag``, ``Last-Modified``). On the next crawl:

- the list request carries ``If-None-Match`` / ``If-Modified-Since``; a ``304`` replays every
  stored job without any other request;
- a job whose version did not change reuses the stored detail (the bronze record is complete and
  says ``detail_reused``); new and changed jobs fetch their detail.

The file is rewritten atomically only when a board's crawl succeeded, i.e. its list parsed and
every detail request finished; jobs that vanished from the list drop out of it. A board with
a failed detail or an unusable job keeps no validators, so the next crawl lists it in full.

A spider whose list shows no update time (SmartRecruiters, Workday: an edit of the text alone
leaves the list entry as it was) sets ``detail_max_age_days``: a stored detail older than that
(stretched per job by up to 2x, from a hash of its id, so refreshes spread over days) is fetched
again. The setting ``JOBPIPE_DETAIL_MAX_AGE_DAYS`` overrides it (0: reuse without limit).

Spiders use one :class:`IncrementalTracker`; it also records how many ids each board listed
(stats key ``jobpipe/boards_listed``), which the crawl step turns into the board crawl log.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import orjson

log = logging.getLogger(__name__)

STATE_SETTING = "JOBPIPE_STATE_DIR"
LISTED_STAT = "jobpipe/boards_listed"
FAILED_STAT = "jobpipe/boards_failed"
MAX_AGE_SETTING = "JOBPIPE_DETAIL_MAX_AGE_DAYS"


def detail_expired(
    job_id: str, fetched_at: Any, max_age_days: float | None, now: datetime | None = None
) -> bool:
    """Whether a stored detail fetched at ``fetched_at`` (ISO-8601) is due for a refresh.

    The limit is ``max_age_days`` times 1..2, fixed per job id; an unreadable time is expired.
    """
    if not max_age_days or max_age_days <= 0:
        return False
    try:
        fetched = datetime.fromisoformat(str(fetched_at).replace("Z", "+00:00"))
    except ValueError:
        return True
    if fetched.tzinfo is None:
        fetched = fetched.replace(tzinfo=UTC)
    stretch = 1 + int(hashlib.sha1(job_id.encode()).hexdigest()[:4], 16) / 0x10000
    return (now or datetime.now(UTC)) - fetched > timedelta(days=max_age_days * stretch)


def state_file(root: Path, source: str, board: str) -> Path:
    """Where a board's crawl state lives under the state root."""
    return root / f"source={source}" / f"board={quote(board, safe='')}.json.gz"


def version_of(listed: dict[str, Any], updated_key: str = "updated_at") -> str:
    """A job's version as listed: its update timestamp and a hash of the whole list entry."""
    digest = hashlib.sha1(orjson.dumps(listed, option=orjson.OPT_SORT_KEYS)).hexdigest()[:16]
    return f"{listed.get(updated_key)}|{digest}"


def reused_payload(listed: dict[str, Any], stored: dict[str, Any]) -> dict[str, Any]:
    """Bronze payload of a job whose stored detail is reused: today's list entry, the stored
    detail, and ``detail_reused`` saying when and from where that detail was fetched."""
    reused = {"fetched_at": stored.get("fetched_at"), "url": stored.get("url")}
    return {"list": listed, "detail": stored["detail"], "detail_reused": reused}


def validators_of(headers: Any) -> dict[str, str]:
    """``ETag`` and ``Last-Modified`` of a response (Scrapy ``Headers`` or a plain mapping)."""
    out = {}
    for name, key in (("ETag", "etag"), ("Last-Modified", "last_modified")):
        value = headers.get(name)
        if value:
            out[key] = value.decode("latin-1") if isinstance(value, bytes) else str(value)
    return out


def conditional_headers(validators: dict[str, str]) -> dict[str, str]:
    """Request headers that ask the server for ``304 Not Modified`` when nothing changed."""
    headers = {}
    if validators.get("etag"):
        headers["If-None-Match"] = validators["etag"]
    if validators.get("last_modified"):
        headers["If-Modified-Since"] = validators["last_modified"]
    return headers


def load_state(path: Path) -> dict[str, Any]:
    """A board's stored state; empty when missing or unreadable (the crawl then fetches all)."""
    try:
        data = orjson.loads(gzip.decompress(path.read_bytes()))
    except FileNotFoundError:
        return {}
    except (OSError, EOFError, orjson.JSONDecodeError) as exc:
        log.warning("ignoring unreadable crawl state %s: %s", path, exc)
        return {}
    return data if isinstance(data, dict) and isinstance(data.get("jobs"), dict) else {}


def save_state(path: Path, state: dict[str, Any]) -> None:
    """Write a board's state atomically (temp file + rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(gzip.compress(orjson.dumps(state), compresslevel=3))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@dataclass
class _Board:
    old: dict[str, Any]
    new_jobs: dict[str, Any] = field(default_factory=dict)
    pending: set[str] = field(default_factory=set)
    list_done: bool = False
    complete: bool = True  #: every listed job ended in the new state
    validators: dict[str, str] = field(default_factory=dict)
    list_url: str = ""
    saved: bool = False


class IncrementalTracker:
    """Per-spider bookkeeping of board state; a no-op store when ``root`` is None."""

    def __init__(
        self,
        root: Path | str | None,
        source: str,
        stats: Any = None,
        max_age_days: float | None = None,
    ) -> None:
        self.root = Path(root) if root else None
        self.source = source
        self.stats = stats
        self.max_age_days = max_age_days  #: refresh stored details older than this (None: never)
        self.boards: dict[str, _Board] = {}

    @classmethod
    def from_spider(cls, spider: Any) -> IncrementalTracker:
        crawler = getattr(spider, "crawler", None)
        root = crawler.settings.get(STATE_SETTING) if crawler is not None else None
        max_age = getattr(spider, "detail_max_age_days", None)
        if crawler is not None and crawler.settings.get(MAX_AGE_SETTING) not in (None, ""):
            max_age = crawler.settings.getfloat(MAX_AGE_SETTING)
        stats = crawler.stats if crawler is not None else None
        return cls(root or None, spider.source, stats, max_age)

    @property
    def enabled(self) -> bool:
        return self.root is not None

    def _path(self, board: str) -> Path:
        assert self.root is not None
        return state_file(self.root, self.source, board)

    def _board(self, board: str) -> _Board:
        if board not in self.boards:
            self.boards[board] = _Board(load_state(self._path(board)) if self.enabled else {})
        return self.boards[board]

    def _inc(self, key: str, n: int = 1) -> None:
        if self.stats is not None:
            self.stats.inc_value(key, n)

    # -- list ----------------------------------------------------------------------------------

    def list_headers(self, board: str, url: str) -> dict[str, str]:
        """Conditional headers for ``board``'s list request at ``url`` (empty when unknown)."""
        if not self.enabled:
            return {}
        # read, keep only the validators: states are loaded for real when the list arrives,
        # so memory holds only the boards in flight
        known = self.boards.get(board)
        state = known.old if known is not None else load_state(self._path(board))
        listed = state.get("list") or {}
        return conditional_headers(listed) if listed.get("url") == url else {}

    def listed(self, board: str, job_ids: list[str], url: str = "", headers: Any = None) -> None:
        """The board's list parsed with these job ids (starts a new state for the board)."""
        b = self._board(board)
        if url:
            b.list_url = url
        if headers is not None:
            b.validators = validators_of(headers)
        if self.stats is not None:
            counts = self.stats.get_value(LISTED_STAT) or {}
            counts[board] = len(job_ids)
            self.stats.set_value(LISTED_STAT, counts)

    def board_failed(self, board: str, reason: str) -> None:
        """The board's list could not be used: keep its old state untouched."""
        self.boards.pop(board, None)
        if self.stats is not None:
            failed = self.stats.get_value(FAILED_STAT) or {}
            failed[board] = reason
            self.stats.set_value(FAILED_STAT, failed)

    def incomplete(self, board: str) -> None:
        """Something listed could not be kept (e.g. a job without id): no validators saved."""
        self._board(board).complete = False

    def replay(self, board: str) -> list[dict[str, Any]]:
        """All stored jobs of ``board`` (after a ``304``), each ``{list, detail, fetched_at}``."""
        b = self._board(board)
        jobs = b.old.get("jobs") or {}
        b.new_jobs = dict(jobs)
        b.validators = {k: v for k, v in (b.old.get("list") or {}).items() if k != "url"}
        b.list_url = (b.old.get("list") or {}).get("url", "")
        self._inc("jobpipe/lists_not_modified")
        self._inc("jobpipe/details_reused", len(jobs))
        return list(jobs.values())

    def list_finished(self, board: str) -> None:
        """Every request for the board's jobs has been issued."""
        self._board(board).list_done = True
        self._maybe_save(board)

    # -- details -------------------------------------------------------------------------------

    def reusable(self, board: str, job_id: str, version: str) -> dict[str, Any] | None:
        """The stored job when its version is unchanged (it then joins the new state)."""
        b = self._board(board)
        entry = (b.old.get("jobs") or {}).get(job_id)
        if not entry or entry.get("version") != version or entry.get("detail") is None:
            return None
        if detail_expired(job_id, entry.get("fetched_at"), self.max_age_days):
            self._inc("jobpipe/details_expired")
            return None
        b.new_jobs[job_id] = entry
        self._inc("jobpipe/details_reused")
        return entry

    def expect(self, board: str, job_id: str) -> None:
        """A detail request for ``job_id`` is on its way."""
        self._board(board).pending.add(job_id)
        self._inc("jobpipe/details_requested")

    def fetched(
        self,
        board: str,
        job_id: str,
        version: str,
        listed: dict[str, Any],
        detail: dict[str, Any],
        fetched_at: str,
        url: str = "",
    ) -> None:
        """A detail arrived and parsed: it joins the new state."""
        b = self._board(board)
        b.new_jobs[job_id] = {
            "version": version,
            "list": listed,
            "detail": detail,
            "fetched_at": fetched_at,
            "url": url,
        }
        b.pending.discard(job_id)
        self._maybe_save(board)

    def detail_failed(self, board: str, job_id: str) -> None:
        """A detail could not be used: the job is fetched again next time."""
        b = self._board(board)
        b.pending.discard(job_id)
        b.complete = False
        self._maybe_save(board)

    # -- saving --------------------------------------------------------------------------------

    def _maybe_save(self, board: str) -> None:
        b = self.boards.get(board)
        if b is None or not b.list_done or b.pending or b.saved:
            return
        b.saved = True
        if self.enabled:
            listed = {"url": b.list_url, **b.validators} if b.complete and b.validators else {}
            state = {"source": self.source, "board": board, "list": listed, "jobs": b.new_jobs}
            save_state(self._path(board), state)
        self.boards.pop(board, None)  # free the payloads
