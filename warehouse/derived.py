"""Incremental lifecycle, change history (SCD2) and duplicate groups, one logical date at a time.

``derive_day(root, D)`` reads the state at the end of the previous published date and D's
postings, crawl errors, quarantine and bronze presence, and writes four partitions for D
(each atomically, via :func:`jobpipe.atomic.write_parquet_partition`):

* ``posting_state/dt=D``: open postings (current version + episode) and recently closed ones;
* ``posting_versions/dt=D``: versions that ended on D (content changed or posting closed);
* ``posting_episodes/dt=D``: episodes that closed on D;
* ``posting_groups/dt=D``: the duplicate group of every posting first seen on D.

Work per date is proportional to that date's postings and the open state, not to history.
:func:`publish_derived` keeps the chain consistent: it (re)derives D, any earlier date whose
inputs changed or were never derived, and every later date (their state depends on D), so
days published in any order end in the same tables. Writing a date of a month that
:mod:`warehouse.compact` merged first splits that month back into daily partitions, so
re-deriving after compaction ends exactly as if the month had never been compacted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import orjson
import pyarrow as pa
import pyarrow.compute as pc

from jobpipe import paths
from jobpipe.atomic import atomic_open, write_parquet_partition
from warehouse import compact
from warehouse.dedup import REPOST_WINDOW_DAYS, DedupRecord, assign_groups
from warehouse.derived_schema import (
    ACTIVITY_DIMENSIONS,
    ANNUAL_PAY_SQL,
    DERIVED_LAYERS,
    DERIVED_SCHEMA_VERSION,
    HASHED_COLUMNS,
    VERSION_POSTING_COLUMNS,
    activity_schema,
    closed_durations_schema,
    closed_pay_schema,
    duplicates_schema,
    episode_schema,
    group_schema,
    new_facts_schema,
    new_skills_schema,
    state_schema,
    version_schema,
)
from warehouse.keys import canonical_url, employer_key, title_family

SQL_DIR = Path(__file__).parent / "sql"
BOARD_CRAWLS_MODEL = SQL_DIR / "intermediate" / "int_board_crawls.sql"
MANIFEST = "derived_manifest.json"


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _empty(con: duckdb.DuckDBPyConnection, name: str, schema: pa.Schema) -> None:
    con.register(name, schema.empty_table())


def _relation(
    con: duckdb.DuckDBPyConnection, name: str, path: Path | None, schema: pa.Schema
) -> None:
    """A view ``name`` over one Parquet file, or an empty relation of ``schema``."""
    if path is not None and path.exists():
        _view(con, name, f"select * from read_parquet({_lit(str(path))})")
    else:
        _empty(con, name, schema)


def posting_dates(root: Path) -> list[date]:
    """Logical dates with a published ``postings`` partition, ascending."""
    out = []
    for part in (root / "postings").glob("dt=*/part-0.parquet"):
        try:
            out.append(date.fromisoformat(part.parent.name.removeprefix("dt=")))
        except ValueError:
            continue
    return sorted(out)


def _inputs(root: Path, day: date) -> list[Path]:
    files = [
        paths.parquet_file(root, layer, day) for layer in ("postings", "quarantine", "crawl_errors")
    ]
    return files + paths.bronze_files(root, day)


def fingerprint(root: Path, day: date) -> str:
    """Size and mtime of every input of ``day`` and the derived layers' version: changes when
    any input is rewritten or the derivation changes (the date is derived again)."""
    parts = [f"derived_schema_version:{DERIVED_SCHEMA_VERSION}"]
    for f in _inputs(root, day):
        st = f.stat() if f.exists() else None
        rel = f.relative_to(root)  # relative: a copied data root keeps its derived dates
        parts.append(f"{rel}:{st.st_size}:{st.st_mtime_ns}" if st else f"{rel}:-")
    return "|".join(parts)


def _read_manifest(root: Path) -> dict[str, str]:
    path = root / MANIFEST
    return orjson.loads(path.read_bytes()) if path.exists() else {}


def _write_manifest(root: Path, manifest: dict[str, str]) -> None:
    with atomic_open(root / MANIFEST) as fh:
        fh.write(orjson.dumps(dict(sorted(manifest.items())), option=orjson.OPT_INDENT_2))


def _derived_ok(
    root: Path, day: date, manifest: dict[str, str], prev_ok: bool, present: dict[str, set[date]]
) -> bool:
    """``day`` is derived from its current inputs and every layer has its partition (a daily
    one, or a date inside a compacted month: ``present`` from :func:`_present_dates`)."""
    return (
        prev_ok
        and manifest.get(day.isoformat()) == fingerprint(root, day)
        and all(day in present[layer] for layer in DERIVED_LAYERS)
    )


def _present_dates(root: Path) -> dict[str, set[date]]:
    return {layer: compact.partition_dates(root, layer) for layer in DERIVED_LAYERS}


def publish_derived(root: Path, day: date) -> dict[str, Any]:
    """Derive ``day`` and whatever the chain needs (see module docs); returns what was done."""
    dates = posting_dates(root)
    if day not in dates:
        raise FileNotFoundError(
            f"no postings partition for {day}: run `jobpipe validate --date {day}` first"
        )
    manifest = _read_manifest(root)
    present = _present_dates(root)
    start, ok = day, True
    for d in dates:
        if d >= day:
            break
        ok = _derived_ok(root, d, manifest, ok, present)
        if not ok:
            start = d
            break
    redo = [d for d in dates if d >= start]
    stats = {}
    prev: date | None = max((d for d in dates if d < start), default=None)
    for d in redo:
        stats[d.isoformat()] = derive_day(root, d, prev)
        manifest[d.isoformat()] = fingerprint(root, d)
        _write_manifest(root, manifest)
        prev = d
    for stale in set(manifest) - {d.isoformat() for d in dates}:
        manifest.pop(stale)
    _write_manifest(root, manifest)
    return {"derived_dates": [d.isoformat() for d in redo], "stats": stats}


# --------------------------------------------------------------------------- one date

_HASH_SQL = "md5(cast(to_json(struct_pack({cols})) as varchar))".format(
    cols=", ".join(f"{c} := {c}" for c in HASHED_COLUMNS)
)
_COUNTRY_SQL = (
    "list_filter(list_transform(locations, lambda l: l.country_code), lambda c: c is not null)[1]"
)
_NO_BRONZE = (
    "select cast(null as varchar) as source, cast(null as date) as snapshot_date where false"
)


def _cols(names: list[str], prefix: str = "", **override: str) -> str:
    """A select list of ``names``, some replaced by an expression (``name=expr``)."""
    return ", ".join(f"{override[n]} as {n}" if n in override else prefix + n for n in names)


def _arrow(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> pa.Table:
    return con.sql(sql, params=params).to_arrow_table()


def _view(con: duckdb.DuckDBPyConnection, name: str, sql: str) -> None:
    con.execute(f"create or replace temp view {name} as {sql}")


def _setup_inputs(con: duckdb.DuckDBPyConnection, root: Path, day: date, prev: date | None) -> None:
    """Views named like the warehouse models, over ``day``'s inputs only (for the crawl rule)."""
    from expectations.quarantine import quarantine_schema
    from jobpipe.board_log import board_crawl_schema
    from warehouse.schema import arrow_schema, crawl_error_schema

    def part(layer: str) -> Path:
        return paths.parquet_file(root, layer, day)

    _relation(con, "day_postings", part("postings"), arrow_schema())
    _relation(con, "day_quarantine", part("quarantine"), quarantine_schema())
    _relation(con, "stg_crawl_errors", part("crawl_errors"), crawl_error_schema())
    _relation(con, "stg_board_crawls", part("board_crawls"), board_crawl_schema())
    state = paths.parquet_file(root, "posting_state", prev) if prev else None
    _relation(con, "prev_state", state, state_schema())
    bronze = paths.bronze_files(root, day)
    sources = sorted({f.parent.parent.name.removeprefix("source=") for f in bronze})
    values = ", ".join(f"({_lit(s)}, date {_lit(day.isoformat())})" for s in sources)
    bronze_sql = f"select * from (values {values}) as t(source, snapshot_date)"
    _view(con, "stg_bronze_files", bronze_sql if values else _NO_BRONZE)
    _view(con, "stg_postings", "select source, board, snapshot_date from day_postings")
    _view(
        con,
        "stg_known_boards",
        "select distinct source, board from prev_state "
        "union select distinct source, board from day_postings",
    )


def derive_day(root: Path, day: date, prev: date | None) -> dict[str, int]:
    """Write the four derived partitions of ``day`` from ``prev``'s state (None: no history)."""
    d = f"date {_lit(day.isoformat())}"
    window = f"date {_lit((day - timedelta(days=REPOST_WINDOW_DAYS)).isoformat())}"
    names = state_schema().names
    vnames = version_schema().names[:-1]
    with duckdb.connect() as con:
        con.execute("set threads = 2; set enable_progress_bar = false")
        _setup_inputs(con, root, day, prev)
        # the one board-crawl rule, shared with the warehouse model int_board_crawls
        con.execute(f"create temp table crawls as {BOARD_CRAWLS_MODEL.read_text('utf-8')}")
        con.execute(
            f"""create temp table today as
            select {", ".join(VERSION_POSTING_COLUMNS)}, {_HASH_SQL} as content_hash,
                   {_COUNTRY_SQL} as country_code, description_text
            from day_postings"""
        )
        # jobs listed on the day but not published (quarantined, or their detail failed)
        con.execute(
            """create temp table seen as
            select distinct source, board, source_job_id from day_quarantine
            where source_job_id is not null
            union
            select source, board, source_job_id from stg_crawl_errors
            where source_job_id is not null"""
        )
        con.execute("create temp table open_prev as select * from prev_state where is_open")
        # open postings not listed today: they close when their board was crawled successfully
        con.execute(
            f"""create temp table absent as
            select p.*, (c.crawl_ok is true and s.board is null) as closes,
                   s.board is not null as was_seen
            from open_prev p
            anti join today t using (posting_id)
            left join (select * from crawls where crawl_ok) c
                on c.source = p.source and c.board = p.board and c.snapshot_date = {d}
            left join seen s
                on s.source = p.source and s.board = p.board
                and s.source_job_id = p.source_job_id"""
        )
        closed_versions = _arrow(
            con,
            f"""select {_cols(vnames)}, {d} as valid_to from absent where closes
            union all
            select {_cols(vnames, "p.")}, {d} from open_prev p join today t using (posting_id)
            where p.content_hash <> t.content_hash
            order by source, board, posting_id""",
        )
        closed_episodes = _arrow(
            con,
            f"""select posting_id, source, board, company, title_family, seniority, country_code,
                   first_seen_at, last_seen_at, {d} as closed_at, is_reopen
            from absent where closes
            order by source, board, posting_id""",
        )
        # new versions (changed or new postings) need Python: title family, MinHash, groups
        fresh = _arrow(
            con,
            """select t.*, p.first_seen_at as prev_first_seen, p.is_reopen as prev_reopen,
                   p.duplicate_group_id as prev_group,
                   c.duplicate_group_id as closed_group, c.posting_id is not null as reopened
            from today t
            left join open_prev p using (posting_id)
            left join (select * from prev_state where not is_open) c using (posting_id)
            where p.posting_id is null or p.content_hash <> t.content_hash""",
        ).to_pylist()
        returning = _returning(
            con,
            root,
            day,
            [f["posting_id"] for f in fresh if f["prev_first_seen"] is None and not f["reopened"]],
        )
        for f in fresh:
            f["returned"] = f["posting_id"] in returning
        new_rows, groups = _fresh_rows(con, fresh, day)
        con.register("fresh_rows", pa.Table.from_pylist(new_rows, schema=state_schema()))
        state = _arrow(
            con,
            f"""select {_cols(names)} from fresh_rows
            union all
            select {_cols(names, "p.", last_seen_at=d)}
            from open_prev p join today t using (posting_id)
            where p.content_hash = t.content_hash
            union all
            select {_cols(names, last_seen_at=d)} from absent where not closes and was_seen
            union all
            select {_cols(names)} from absent where not closes and not was_seen
            union all
            select {_cols(names, closed_at=d, is_open="false")} from absent where closes
            union all
            select {_cols(names)} from prev_state
            where not is_open and closed_at > {window}
              and posting_id not in (select posting_id from today)
            order by source, board, posting_id""",
        )
        con.register("new_groups", groups)
        facts = _arrow(
            con,
            f"""select {d} as snapshot_date, country_code, count(*) as new_postings,
                   count(*) filter (where salary_min is not null or salary_max is not null)
                       as with_pay
            from fresh_rows semi join new_groups using (posting_id)
            group by country_code order by country_code""",
        )
        skills = _arrow(
            con,
            f"""select {d} as snapshot_date, s.skill, count(*) as new_postings
            from (select * from fresh_rows semi join new_groups using (posting_id)) as f
            cross join unnest(f.skills) as s(skill)
            group by s.skill order by s.skill""",
        )
        closed_pay = _arrow(
            con,
            f"""select {d} as snapshot_date, posting_id, title_family, seniority, country_code,
                   salary_currency, {ANNUAL_PAY_SQL} as annual_pay, is_reopen
            from absent
            where closes and {ANNUAL_PAY_SQL} is not null and not coalesce(salary_is_ote, false)
            order by posting_id""",
        )
        con.register("state_today", state)
        con.register("closed_today", closed_episodes)
        activity = _arrow(con, _activity_sql(d))
        durations = _arrow(
            con,
            f"""select {d} as snapshot_date, title_family,
                   cast(closed_at - first_seen_at as bigint) as days, count(*) as closed_postings
            from closed_today group by all order by title_family nulls first, days""",
        )
    compact.split_month(root, day)  # a compacted month goes back to days before one is replaced
    write = write_parquet_partition
    write(state.cast(state_schema()), paths.parquet_file(root, "posting_state", day))
    write(closed_versions.cast(version_schema()), paths.parquet_file(root, "posting_versions", day))
    write(closed_episodes.cast(episode_schema()), paths.parquet_file(root, "posting_episodes", day))
    write(groups, paths.parquet_file(root, "posting_groups", day))
    duplicates = groups.filter(pc.not_equal(groups["duplicate_group_id"], groups["posting_id"]))
    write(
        duplicates.cast(duplicates_schema()),
        paths.parquet_file(root, "posting_duplicates", day),
    )
    write(facts.cast(new_facts_schema()), paths.parquet_file(root, "daily_new_facts", day))
    write(skills.cast(new_skills_schema()), paths.parquet_file(root, "daily_new_skills", day))
    write(activity.cast(activity_schema()), paths.parquet_file(root, "daily_activity", day))
    write(closed_pay.cast(closed_pay_schema()), paths.parquet_file(root, "daily_closed_pay", day))
    write(
        durations.cast(closed_durations_schema()),
        paths.parquet_file(root, "daily_closed_durations", day),
    )
    return {
        "state": state.num_rows,
        "versions_closed": closed_versions.num_rows,
        "episodes_closed": closed_episodes.num_rows,
        "new_postings": groups.num_rows,
    }


def _activity_sql(d: str) -> str:
    """Per dimension value: episodes opened on the day, closed on it, open at its end."""
    parts = [
        f"""select {d} as snapshot_date, {_lit(dim)} as dimension, {dim} as key,
               count(*) filter (where opened) as new_postings,
               count(*) filter (where closed) as closed_postings,
               count(*) filter (where not closed) as active_postings
        from events group by {dim}"""
        for dim in ACTIVITY_DIMENSIONS
    ]
    events = f"""select company, country_code, title_family,
               first_seen_at = {d} as opened, false as closed
        from state_today where is_open
        union all
        select company, country_code, title_family, false, true from closed_today"""
    body = "\nunion all\n".join(parts)
    return f"with events as ({events})\n{body}\norder by dimension, key nulls first"


def _sig_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def _sig_array(raw: bytes) -> np.ndarray:
    return np.frombuffer(raw, dtype="<u4").astype(np.uint32)


@dataclass
class _Fresh:
    row: dict[str, Any]
    record: DedupRecord | None


def _returning(
    con: duckdb.DuckDBPyConnection, root: Path, day: date, ids: list[str]
) -> set[str]:
    """Of postings new today, those with an episode closed before (back after the repost
    window, so not in the state): their new episode is a reopen too."""
    if not ids or not any((root / "posting_episodes").glob("*/*.parquet")):
        return set()
    con.register("new_ids", pa.table({"posting_id": ids}))
    glob = _lit(paths.parquet_glob(root, "posting_episodes"))
    found = con.execute(
        f"""select distinct posting_id
        from read_parquet({glob}, hive_partitioning = false)
        where closed_at < date {_lit(day.isoformat())}
          and posting_id in (select posting_id from new_ids)"""
    ).fetchall()
    return {r[0] for r in found}


def _fresh_rows(
    con: duckdb.DuckDBPyConnection, fresh: list[dict[str, Any]], day: date
) -> tuple[list[dict[str, Any]], pa.Table]:
    """State rows for new versions, and duplicate groups for postings first seen today."""
    from warehouse import minhash

    rows: list[dict[str, Any]] = []
    news: list[DedupRecord] = []
    for f in fresh:
        continuing = f["prev_first_seen"] is not None
        row = {k: f[k] for k in VERSION_POSTING_COLUMNS}
        sig = minhash.signature(f["description_text"])
        row.update(
            title_family=title_family(f["title"]),
            country_code=f["country_code"],
            content_hash=f["content_hash"],
            valid_from=day,
            first_seen_at=f["prev_first_seen"] if continuing else day,
            last_seen_at=day,
            closed_at=None,
            is_reopen=bool(f["prev_reopen"]) if continuing else f["reopened"] or f["returned"],
            is_open=True,
            employer_key=employer_key(f["company"]),
            canonical_url=canonical_url(f["url"]),
            duplicate_group_id=f["prev_group"] if continuing else f["closed_group"],
            signature=_sig_bytes(sig),
        )
        rows.append(row)
        if not continuing and not f["reopened"]:
            news.append(
                DedupRecord.build(
                    row["posting_id"], row["company"], row["url"], row["title"], row["seniority"],
                    row["locations"], None, day, signature=sig,
                )
            )  # fmt: skip
    assignments = assign_groups(_earlier(con, news, day), news) if news else []
    by_id = {a.posting_id: a for a in assignments}
    for row in rows:
        if (a := by_id.get(row["posting_id"])) is not None:
            row["duplicate_group_id"] = a.duplicate_group_id
    groups = pa.Table.from_pylist(
        [
            {
                "posting_id": a.posting_id,
                "duplicate_group_id": a.duplicate_group_id,
                "match_kind": a.match_kind,
                "matched_posting_id": a.matched_posting_id,
                "first_seen_at": day,
            }
            for a in assignments
        ],
        schema=group_schema(),
    )
    return rows, groups


def _keys(employers: list[str | None], sigs: np.ndarray, ids: dict[str, int]) -> np.ndarray:
    """Per posting and band: a uint64 mixing its employer and the band's hash."""
    from warehouse import minhash

    eid = np.array([ids.setdefault(e or "", len(ids)) for e in employers], dtype=np.uint64)
    with np.errstate(over="ignore"):
        return minhash.band_hashes(sigs) ^ (eid[:, None] * np.uint64(0xFF51AFD7ED558CCD))


def _earlier(
    con: duckdb.DuckDBPyConnection, news: list[DedupRecord], day: date
) -> list[DedupRecord]:
    """Grouped postings that could match today's new ones: same URL, or same employer and a
    MinHash band in common (the only pairs :func:`assign_groups` would compare)."""
    con.register(
        "new_keys",
        pa.table(
            {
                "employer_key": [r.employer for r in news],
                "canonical_url": [r.url for r in news],
            }
        ),
    )
    cand = _arrow(
        con,
        """select posting_id, employer_key, signature,
                  canonical_url in (select canonical_url from new_keys) as same_url
        from prev_state
        where duplicate_group_id is not null
          and (employer_key in (select employer_key from new_keys)
               or canonical_url in (select canonical_url from new_keys))""",
    )
    if cand.num_rows == 0:
        return []
    ids: dict[str, int] = {}
    new_keys = _keys([r.employer for r in news], np.stack([r.signature for r in news]), ids)
    raw = b"".join(cand.column("signature").to_pylist())
    sigs = np.frombuffer(raw, dtype="<u4").reshape(cand.num_rows, -1).astype(np.uint32)
    old_keys = _keys(cand.column("employer_key").to_pylist(), sigs, ids)
    keep = np.isin(old_keys, new_keys).any(axis=1) | np.asarray(
        cand.column("same_url").to_pylist(), dtype=bool
    )
    wanted = pa.table({"posting_id": cand.column("posting_id").filter(pa.array(keep))})
    con.register("wanted", wanted)
    rows = _arrow(
        con,
        """select p.posting_id, p.company, p.url, p.title, p.seniority, p.locations,
                  p.first_seen_at, coalesce(p.closed_at, a.closed_today) as closed_at,
                  p.duplicate_group_id, p.signature
        from prev_state p
        semi join wanted using (posting_id)
        left join (select posting_id, $day as closed_today from absent where closes) a
            using (posting_id)""",
        {"day": day},
    ).to_pylist()
    return [
        DedupRecord.build(
            r["posting_id"],
            r["company"],
            r["url"],
            r["title"],
            r["seniority"],
            r["locations"],
            None,
            r["first_seen_at"],
            r["closed_at"],
            r["duplicate_group_id"],
            signature=_sig_array(r["signature"]),
        )
        for r in rows
    ]
