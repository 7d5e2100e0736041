"""The ``jobpipe`` command line."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from jobpipe.config import Settings, load_settings
from jobpipe.registry import BoardRef, Registry, RegistryError, load_registry

app = typer.Typer(
    help="Scrape, clean, validate and warehouse public job postings.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Not a terminal (CI logs, pipes): wide enough that the summary table is not squeezed.
console = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 120)
err = Console(stderr=True, soft_wrap=True)

DEMO_START = date(2026, 11, 1)
DataRoot = Annotated[
    Path | None,
    typer.Option(help="Data root (default: $JOBPIPE_DATA_ROOT or ./data).", show_default=False),
]
RegistryOpt = Annotated[
    Path | None,
    typer.Option(
        "--registry", help="Sources YAML (default: $JOBPIPE_REGISTRY).", show_default=False
    ),
]
DateOpt = Annotated[str, typer.Option("--date", help="Logical date of the partition, YYYY-MM-DD.")]


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date: use YYYY-MM-DD") from None


def _settings(data_root: Path | None) -> Settings:
    return load_settings(data_root)


def _registry(settings: Settings, path: Path | None) -> Registry:
    path = path or settings.registry_path
    if path is None:
        raise typer.BadParameter(
            "no registry: pass --registry sources.yaml or set JOBPIPE_REGISTRY "
            "(or use `jobpipe run` with no registry to crawl the built-in demo board)"
        )
    try:
        return load_registry(path)
    except RegistryError as exc:
        raise typer.BadParameter(str(exc)) from None


@contextmanager
def _crawl_progress(label: str):  # type: ignore[no-untyped-def]
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[errors]} errors"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task(label, total=None, errors=0)

        def update(state: dict[str, Any]) -> None:
            progress.update(
                task,
                total=max(state["discovered"], state["postings"]) or None,
                completed=state["postings"],
                errors=state["errors"],
            )

        yield update


def _summary_table(summaries: list[dict[str, Any]]) -> Table:
    table = Table(title="jobpipe run summary")
    for col in ("date", "source", "boards", "crawled", "crawl errors", "valid", "quarantined"):
        justify = "left" if col in ("date", "source") else "right"
        table.add_column(col, justify=justify, no_wrap=True)
    table.add_column("salary cov.", justify="right", no_wrap=True)
    table.add_column("location cov.", justify="right", no_wrap=True)
    for summary in summaries:
        for source, s in summary["sources"].items():
            table.add_row(
                summary["date"],
                source,
                str(s["boards"]),
                str(s["crawled"]),
                str(s["crawl_errors"]),
                str(s["valid"]),
                str(s["quarantined"]),
                f"{s['salary_coverage']:.0%}",
                f"{s['location_coverage']:.0%}",
            )
    return table


def _print_board_failures(reports: list[dict[str, Any]]) -> None:
    """Boards that failed or logged errors, per crawl report, with counts per reason."""
    table = Table(title="crawl errors by board")
    for col in ("date", "source", "board", "board crawled", "errors by reason"):
        table.add_column(col, no_wrap=col != "errors by reason")
    for report in reports:
        for source, s in report["sources"].items():
            failed = s.get("failed_boards", {})
            for board in sorted(set(failed) | set(s["errors_by_board"])):
                reasons = s["errors_by_board"].get(board, {})
                table.add_row(
                    report["date"],
                    source,
                    board,
                    f"[red]no[/red] ({failed[board]})" if board in failed else "yes",
                    ", ".join(f"{r}: {n}" for r, n in sorted(reasons.items())),
                )
    if table.row_count:
        console.print(table)


def _fail(exc: Exception) -> NoReturn:
    err.print(f"[red]error:[/red] {exc}", soft_wrap=True)
    raise typer.Exit(1)


@app.command()
def run(
    days: Annotated[int, typer.Option(help="How many consecutive days to run.", min=1)] = 3,
    start: Annotated[str, typer.Option(help="First logical date.")] = DEMO_START.isoformat(),
    boards: Annotated[int, typer.Option(help="Demo boards to simulate.", min=1)] = 9,
    jobs_per_board: Annotated[int, typer.Option(help="Demo postings per board.", min=1)] = 20,
    seed: Annotated[int, typer.Option(help="Demo market seed.")] = 7,
    registry: RegistryOpt = None,
    data_root: DataRoot = None,
) -> None:
    """Run the whole pipeline for consecutive days (the demo board unless --registry)."""
    from jobpipe import steps

    settings = _settings(data_root)
    first = _day(start)
    server = None
    try:
        if registry is None and settings.registry_path is None:
            from jobpipe.demo import DemoBoardServer, Market, homes

            market = Market(seed=seed, boards=boards, jobs_per_board=jobs_per_board)
            server = DemoBoardServer(market).start()
            reg = Registry(  # every board in its home wire format: a mix of all sources
                boards=[BoardRef(*ref) for ref in homes.board_refs(market)],
                base_urls=homes.base_urls(server.url),
            )
            err.print(f"Demo board serving {len(reg.boards)} boards at {server.url}")
        else:
            reg = _registry(settings, registry)
        summaries, crawls = [], []
        for offset in range(days):
            day = first + timedelta(days=offset)
            with _crawl_progress(f"crawl {day}") as progress:
                crawls.append(steps.crawl(day, settings, reg, progress=progress))
            steps.normalize(day, settings)
            steps.validate(day, settings)
            summaries.append(steps.publish(day, settings))
    except (steps.StepError, RuntimeError, OSError) as exc:
        _fail(exc)
    finally:
        if server is not None:
            server.stop()
    console.print(_summary_table(summaries))
    _print_board_failures(crawls)
    last = summaries[-1]
    current = sum(s["valid"] for s in last["sources"].values())
    console.print(f"Current postings (valid on {last['date']}): [bold]{current}[/bold]")
    console.print(f"Parquet:   {settings.data_root}/postings/dt=*/part-0.parquet")
    console.print(f"DuckDB:    {last['warehouse']}")
    console.print('Try:       jobpipe query "select count(*) from postings_current"')


@app.command("demo-board")
def demo_board(
    host: Annotated[str, typer.Option(help="Interface to bind (loopback only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port (0 = any free port).")] = 8765,
    boards: Annotated[int, typer.Option(help="Boards to simulate.", min=1)] = 6,
    jobs_per_board: Annotated[int, typer.Option(help="Average open postings per board.")] = 20,
    seed: Annotated[int, typer.Option(help="Market seed.")] = 7,
    day: Annotated[
        str | None, typer.Option(help="Day served without a /d/DATE prefix (default: today).")
    ] = None,
) -> None:
    """Serve the simulated job market in every supported ATS wire format until Ctrl-C."""
    from jobpipe.demo import Market
    from jobpipe.demo.server import serve_forever

    market = Market(seed=seed, boards=boards, jobs_per_board=jobs_per_board)
    err.print(
        f"Demo board on http://{host}:{port} - boards: {', '.join(market.board_tokens())}\n"
        f"Day-specific API root: http://{host}:{port}/d/YYYY-MM-DD (Ctrl-C to stop)\n"
        "Every board is served in all nine wire formats (routes: docs/sources.md)"
    )
    serve_forever(market, host, port, _day(day) if day else None, None)


@app.command()
def crawl(date_: DateOpt, registry: RegistryOpt = None, data_root: DataRoot = None) -> None:
    """Crawl every registry board for one date into the bronze archive."""
    from jobpipe import steps

    settings = _settings(data_root)
    reg = _registry(settings, registry)
    day = _day(date_)
    try:
        with _crawl_progress(f"crawl {day}") as progress:
            report = steps.crawl(day, settings, reg, progress=progress)
    except (steps.StepError, RuntimeError, OSError) as exc:
        _fail(exc)
    for source, s in report["sources"].items():
        console.print(f"{source}: {s['postings']} postings, {s['errors']} errors -> {s['bronze']}")
    _print_board_failures([report])


def _run_step(step: str, date_text: str, data_root: Path | None) -> dict[str, Any]:
    from jobpipe import steps

    try:
        return getattr(steps, step)(_day(date_text), _settings(data_root))
    except steps.StepError as exc:
        _fail(exc)


@app.command()
def normalize(date_: DateOpt, data_root: DataRoot = None) -> None:
    """Turn one date's bronze records into typed rows."""
    r = _run_step("normalize", date_, data_root)
    console.print(f"{r['postings_in']} in, {r['rows']} rows, {r['rejected']} rejected")


@app.command()
def validate(date_: DateOpt, data_root: DataRoot = None) -> None:
    """Validate one date's rows; publishable rows vs quarantine."""
    r = _run_step("validate", date_, data_root)
    console.print(f"{r['rows_in']} in = {r['valid']} valid + {r['quarantined']} quarantined")


KeepDays = Annotated[
    int,
    typer.Option(
        "--keep-days",
        min=0,
        help="Months ending more than this many days before the latest published date are "
        "merged into one file per layer; newer months stay daily.",
    ),
]


@app.command()
def publish(
    date_: DateOpt,
    data_root: DataRoot = None,
    compact: Annotated[
        bool,
        typer.Option(
            "--compact/--no-compact",
            help="After deriving, merge old months of the derived layers (as `jobpipe compact`).",
        ),
    ] = True,
) -> None:
    """Derive one date (and what depends on it), compact old months, rebuild the DuckDB views
    and write the run summary."""
    from jobpipe import steps

    try:
        summary = steps.publish(_day(date_), _settings(data_root), compact=compact)
    except steps.StepError as exc:
        _fail(exc)
    console.print(_summary_table([summary]))
    if summary["compacted"]:
        merged = ", ".join(f"{k}: {len(v)}" for k, v in summary["compacted"].items())
        console.print(f"Compacted months: {merged}")


@app.command("compact")
def compact_cmd(data_root: DataRoot = None, keep_days: KeepDays = 35) -> None:
    """Merge old months of the derived layers (all but posting_state) into one file each.

    Merged: months whose dates all lie more than --keep-days before the latest published date.

    Idempotent; a later publish of a date in a merged month splits that month back first.

    Do not run it while a publish runs on the same data root.
    """
    from warehouse.compact import compact

    report = compact(_settings(data_root).data_root, keep_days=keep_days)
    if report["latest"] is None:
        console.print("Nothing published yet: nothing to compact.")
        return
    console.print(_compaction_table(report))


def _compaction_table(report: dict[str, Any]) -> Table:
    title = f"compaction (latest published {report['latest']}, keep {report['keep_days']} days)"
    table = Table(title=title)
    for col in ("layer", "months merged", "rows merged", "files before", "files after"):
        table.add_column(col, justify="left" if col == "layer" else "right", no_wrap=True)
    table.add_column("notes")
    for layer, r in report["layers"].items():
        months = r["months"]
        span = f"{len(months)} ({months[0]}..{months[-1]})" if months else "0"
        notes = []
        if r["leftovers_removed"]:
            notes.append(f"leftovers removed: {', '.join(r['leftovers_removed'])}")
        if skipped := r["skipped"]:
            left = f"{skipped[0]['month']}..{skipped[-1]['month']}"
            notes.append(f"left daily {len(skipped)} ({left}): {skipped[0]['reason']}")
        table.add_row(
            layer, span, str(r["rows"]), str(r["files_before"]), str(r["files_after"]),
            "; ".join(notes),
        )  # fmt: skip
    return table


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="One SELECT to run against the warehouse views.")],
    data_root: DataRoot = None,
    fmt: Annotated[
        str, typer.Option("--format", help="table, csv, json (lines) or parquet.")
    ] = "table",
    output: Annotated[
        Path | None, typer.Option(help="Write the result to this file (needed for parquet).")
    ] = None,
    limit: Annotated[int, typer.Option(help="Rows to show in table format.")] = 50,
) -> None:
    """Run SQL on the DuckDB warehouse (read-only: statements that write are refused)."""
    import duckdb

    from jobpipe import analyst, paths

    db = paths.warehouse_file(_settings(data_root).data_root)
    if fmt not in ("table", *analyst.FORMATS):
        _fail(ValueError(f"unknown --format {fmt!r}: use table, csv, json or parquet"))
    try:
        result = analyst.run_query(db, sql)
    except (analyst.QueryRefused, FileNotFoundError, duckdb.Error) as exc:
        _fail(exc)
    if fmt != "table" or output is not None:
        try:
            text = analyst.write_result(result, "csv" if fmt == "table" else fmt, output)
        except ValueError as exc:
            _fail(exc)
        if text is not None:
            sys.stdout.write(text)
        else:
            err.print(f"{result.num_rows} rows -> {output}")
        return
    frame = result.to_pandas()
    table = Table()
    for name, dtype in frame.dtypes.items():
        table.add_column(str(name), justify="right" if dtype.kind in "iufb" else "left")
    for row in frame.head(limit).itertuples(index=False):
        table.add_row(*["" if v is None else str(v) for v in row])
    console.print(table)
    if len(frame) > limit:
        console.print(f"({len(frame)} rows, {limit} shown; use --limit or --format csv)")


@app.command()
def export(
    target: Annotated[str, typer.Argument(help="A view name (e.g. distinct_jobs) or a SELECT.")],
    path: Annotated[Path, typer.Argument(help="Output file: .csv, .json/.jsonl or .parquet.")],
    data_root: DataRoot = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="csv, json or parquet (default: from suffix).")
    ] = None,
) -> None:
    """Export a warehouse view or query to a CSV, JSON-lines or Parquet file (atomically)."""
    import duckdb

    from jobpipe import analyst, paths

    db = paths.warehouse_file(_settings(data_root).data_root)
    try:
        rows = analyst.export(db, target, path, fmt)
    except (analyst.QueryRefused, FileNotFoundError, ValueError, duckdb.Error) as exc:
        _fail(exc)
    console.print(f"{rows} rows -> {path}")


@app.command()
def enrich(
    input_path: Annotated[
        Path,
        typer.Argument(
            help="JSON lines: id, title, company, location, description, "
            "[salary], [employment_type]; '-' for standard input."
        ),
    ],
) -> None:
    """Enrich postings: one JSON line out per line in, same order, with every field."""
    from jobpipe.enrichment_io import enrich_lines

    if str(input_path) == "-":
        lines = sys.stdin.buffer
    elif not input_path.is_file():
        _fail(FileNotFoundError(f"{input_path} not found: pass a JSON-lines file or '-'"))
    else:
        lines = input_path.open("rb")
    import orjson

    out = sys.stdout.buffer
    errors = 0
    for result in enrich_lines(lines):
        errors += "error" in result
        out.write(orjson.dumps(result) + b"\n")
    out.flush()
    if errors:
        err.print(f"[yellow]{errors} line(s) could not be enriched; see their 'error' field")


@app.command("eval")
def eval_(
    path: Annotated[Path, typer.Argument(help="Labeled JSON-lines set.")] = Path(
        "tests/eval/postings.jsonl"
    ),
    mistakes: Annotated[
        Path | None, typer.Option(help="Write per-posting mistakes (JSON lines) here.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    markdown: Annotated[
        bool, typer.Option(help="Print the scores as a Markdown table (for the docs).")
    ] = False,
) -> None:
    """Per-field precision and recall of enrichment on a labeled set, against the targets."""
    import orjson

    from jobpipe.evaluation import evaluate, load_eval_set, target_status

    if not path.is_file():
        _fail(FileNotFoundError(f"{path} not found: pass the labeled JSON-lines file"))
    scores, wrong = evaluate(load_eval_set(path))
    targets = target_status(scores)
    if mistakes:
        mistakes.write_bytes(b"".join(orjson.dumps(m) + b"\n" for m in wrong))
    if as_json:
        doc = {"scores": [s.as_dict() for s in scores.values()], "targets": targets}
        sys.stdout.write(orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    if markdown:
        met = {t["target"]: t for t in targets}
        lines = ["| field | precision | recall | F1 | accuracy | support | target |",
                 "|---|---:|---:|---:|---:|---:|---|"]  # fmt: skip
        for score in scores.values():
            d = score.as_dict()
            goal = met.get(d["field"])
            mark = (
                f"{goal['metric']} ≥ {goal['minimum']}: {'met' if goal['met'] else 'missed'}"
                if goal
                else ""
            )
            lines.append(
                f"| {d['field']} | "
                + " | ".join(f"{d[k]:.3f}" for k in ("precision", "recall", "f1", "accuracy"))
                + f" | {d['support']} | {mark} |"
            )
        for name in ("skills_precision", "skills_recall"):
            if goal := met.get(name):
                lines.append(
                    f"| {name} | | | | | | {goal['metric']} {goal['value']:.3f} ≥ "
                    f"{goal['minimum']}: {'met' if goal['met'] else 'missed'} |"
                )
        sys.stdout.write("\n".join(lines) + "\n")
        return
    table = Table(title=f"enrichment on {path} ({next(iter(scores.values())).total} postings)")
    for col in ("field", "precision", "recall", "f1", "accuracy", "support"):
        table.add_column(col, justify="left" if col == "field" else "right")
    for score in scores.values():
        d = score.as_dict()
        table.add_row(
            d["field"],
            *(f"{d[k]:.3f}" for k in ("precision", "recall", "f1", "accuracy")),
            str(d["support"]),
        )
    console.print(table)
    for t in targets:
        mark = "[green]met[/green]" if t["met"] else "[red]MISSED[/red]"
        console.print(
            f"{t['target']:<18} {t['metric']:<9} {t['value']:.3f} >= {t['minimum']}  {mark}"
        )


@app.command()
def coverage(
    recorded: Annotated[
        Path, typer.Option(help="Folder of recorded ATS responses, one sub-folder per platform.")
    ] = Path("../shared/fixtures/recorded"),
    demo_date: Annotated[
        str, typer.Option("--demo-date", help="Also measure the demo board on this day.")
    ] = "2026-11-01",
    markdown: Annotated[bool, typer.Option(help="Print a Markdown table (for the docs).")] = False,
) -> None:
    """Share of postings with each field filled, per source (recorded payloads + demo board)."""
    from jobpipe.coverage import FIELDS, demo_format_coverages, markdown_table, recorded_coverage

    day = _day(demo_date)
    found = list(recorded_coverage(recorded, day).values()) if recorded.is_dir() else []
    if not found:
        err.print(f"[yellow]no recorded responses under {recorded}; demo board only")
    found += demo_format_coverages(day)  # the demo board in every wire format
    if markdown:
        sys.stdout.write(markdown_table(found) + "\n")
    else:
        table = Table(title="field coverage (share of postings with the field filled)")
        table.add_column("source")
        table.add_column("postings", justify="right")
        for name, _ in FIELDS:
            table.add_column(name, justify="right")
        for cov in found:
            table.add_row(
                cov.source,
                str(cov.postings),
                *(f"{cov.share(n):.0%}" if cov.postings else "–" for n, _ in FIELDS),
            )
        console.print(table)
    for cov in found:
        for error in cov.errors:
            err.print(f"[yellow]{cov.source}: {error}")


sources_app = typer.Typer(
    help="The sources registry: add boards from careers URLs, list them, check they answer.",
    no_args_is_help=True,
)
app.add_typer(sources_app, name="sources")
SourcesRegistryOpt = Annotated[
    Path | None,
    typer.Option(
        "--registry",
        help="Sources YAML (default: $JOBPIPE_REGISTRY, else sources.yaml).",
        show_default=False,
    ),
]


def _sources_path(registry: Path | None) -> Path:
    return registry or load_settings().registry_path or Path("sources.yaml")


@sources_app.command("add")
def sources_add(
    url: Annotated[str, typer.Argument(help="A careers page URL, e.g. https://jobs.lever.co/acme")],
    registry: SourcesRegistryOpt = None,
    company: Annotated[str | None, typer.Option(help="Employer name to store.")] = None,
) -> None:
    """Detect the ATS and board token of a careers URL and add it to the registry."""
    from jobpipe.registry import save_registry
    from jobpipe.sources import SourceError, detect

    path = _sources_path(registry)
    try:
        found = detect(url)
        reg = load_registry(path) if path.exists() else Registry(boards=[])
        ref = BoardRef(found.source, found.board, company, found.host, found.url)
        reg = reg.add(ref)
    except (SourceError, RegistryError) as exc:
        _fail(exc)
    save_registry(path, reg)
    host = f" via {ref.host}" if ref.host else ""
    console.print(f"added {ref.source} board {ref.board!r}{host} to {path}")


@sources_app.command("list")
def sources_list(registry: SourcesRegistryOpt = None) -> None:
    """Print the registry's boards."""
    path = _sources_path(registry)
    try:
        reg = load_registry(path)
    except RegistryError as exc:
        _fail(exc)
    table = Table(title=f"{len(reg.boards)} boards in {path}")
    for col in ("company", "source", "board", "host / url"):
        table.add_column(col)
    for ref in reg.boards:
        table.add_row(ref.company or "", ref.source, ref.board, ref.host or ref.url or "")
    console.print(table)


@sources_app.command("check")
def sources_check(
    registry: SourcesRegistryOpt = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for each board.")] = 10.0,
    workers: Annotated[int, typer.Option(help="Boards checked at the same time.", min=1)] = 8,
    date_: Annotated[
        str | None, typer.Option("--date", help="Date for {date} in base_urls (default: today).")
    ] = None,
) -> None:
    """Request each board's list endpoint; exit 1 when some board does not answer."""
    from jobpipe.sources_check import check_registry

    path = _sources_path(registry)
    try:
        reg = load_registry(path)
    except RegistryError as exc:
        _fail(exc)
    day = _day(date_) if date_ else date.today()
    results = check_registry(
        reg, day, user_agent=load_settings().user_agent, timeout=timeout, workers=workers
    )
    table = Table(title=f"sources check: {path}")
    for col in ("company", "source", "board", "answer", "status", "jobs", "seconds", "error"):
        table.add_column(col, justify="right" if col in ("status", "jobs", "seconds") else "left")
    for r in results:
        table.add_row(
            r.ref.company or "",
            r.ref.source,
            r.ref.board,
            "[green]yes[/green]" if r.ok else "[red]no[/red]",
            str(r.status or ""),
            "" if r.jobs is None else str(r.jobs),
            f"{r.seconds:.2f}",
            r.error or "",
        )
    console.print(table)
    failed = sum(not r.ok for r in results)
    console.print(f"{len(results) - failed} of {len(results)} boards answer")
    if failed:
        raise typer.Exit(1)


@app.command()
def quality(
    date_: Annotated[
        str | None, typer.Option("--date", help="Logical date (default: the latest validated).")
    ] = None,
    data_root: DataRoot = None,
    rebuild_docs: Annotated[
        bool, typer.Option("--rebuild-docs", help="Re-render the Data Docs from stored results.")
    ] = False,
) -> None:
    """Latest validation results per suite (bronze, silver, batch) and where the Data Docs are."""
    from jobpipe.quality_report import print_quality

    settings = _settings(data_root)
    try:
        print_quality(console, settings.data_root, _day(date_) if date_ else None, rebuild_docs)
    except FileNotFoundError as exc:
        _fail(exc)


@app.command("schema-docs")
def schema_docs(
    check: Annotated[bool, typer.Option(help="Fail if docs/schema.md is out of date.")] = False,
    path: Annotated[Path, typer.Option(help="Where the docs live.")] = Path("docs/schema.md"),
) -> None:
    """Write (or --check) the schema reference generated from warehouse/schema.py."""
    from warehouse.docs import render_schema_docs

    text = render_schema_docs()
    if check:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            _fail(RuntimeError(f"{path} is stale: run `jobpipe schema-docs`"))
        console.print(f"{path} is up to date")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    console.print(f"wrote {path}")


def main() -> None:  # pragma: no cover - console-script shim
    try:
        app()
    except RegistryError as exc:
        _fail(exc)
