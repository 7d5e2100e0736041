#!/usr/bin/env python3
"""Validate the labeled evaluation set (tests/eval/postings.jsonl) and print its counts.

Usage:
    python tests/eval/check_eval_set.py [PATH] [--markdown]

Checks every line against the schema and label conventions described in
tests/eval/README.md and exits with status 1 when anything is wrong. Only the
standard library, ``pycountry`` (ISO 3166 / 4217 / 639-1 codes) and the vocabularies of
``warehouse/schema.py`` are used.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pycountry

from jobpipe.evaluation import SCALAR_FIELDS
from warehouse import schema

DEFAULT_PATH = Path(__file__).resolve().parent / "postings.jsonl"

TOP_KEYS = {
    "id",
    "title",
    "company",
    "location",
    "description",
    "salary",
    "employment_type",
    "labels",
}
OPTIONAL_TOP_KEYS = {"meta"}
# The labels are exactly the fields `jobpipe eval` scores.
LABEL_KEYS = set(SCALAR_FIELDS) | {"locations", "skills"}
LOCATION_KEYS = {"city", "region", "country_code"}
# Vocabularies come from the one posting schema, so labels and extraction cannot drift apart.
PERIODS = set(schema.SALARY_PERIODS)
WORKPLACE = set(schema.WORKPLACE_TYPES)
EMPLOYMENT = set(schema.EMPLOYMENT_TYPES)
SENIORITY = set(schema.SENIORITIES)
EDUCATION = set(schema.EDUCATION_LEVELS)
VISA = set(schema.YES_NO)
# languages written without spaces between words: length is checked in characters instead
CHAR_LANGS = {"ja", "zh", "th", "ko"}
MIN_WORDS, MAX_WORDS = 80, 400
MIN_CHARS, MAX_CHARS = 150, 2000
ID_RE = re.compile(r"^(?:eval|hold|dev2)-\d{3,}$")


def text_of(description: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", description))


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_record(rec: object, errors: list[str], where: str) -> None:
    def err(msg: str) -> None:
        errors.append(f"{where}: {msg}")

    if not isinstance(rec, dict):
        err("line is not a JSON object")
        return
    missing = TOP_KEYS - rec.keys()
    extra = rec.keys() - TOP_KEYS - OPTIONAL_TOP_KEYS
    if missing:
        err(f"missing keys {sorted(missing)}")
    if extra:
        err(f"unexpected keys {sorted(extra)}")
    if not isinstance(rec.get("id"), str) or not ID_RE.match(rec.get("id", "")):
        err(f"bad id {rec.get('id')!r}")
    for key in ("title", "company", "location", "description"):
        if not isinstance(rec.get(key), str) or not rec.get(key, "").strip():
            err(f"{key} must be a non-empty string")
    for key in ("salary", "employment_type"):
        if rec.get(key) is not None and (not isinstance(rec[key], str) or not rec[key].strip()):
            err(f"{key} must be a non-empty string or null")
    if "meta" in rec:
        meta = rec["meta"]
        if not isinstance(meta, dict) or not all(
            isinstance(meta.get(k), str) and meta.get(k) for k in ("industry", "salary_format")
        ):
            err("meta must hold non-empty strings 'industry' and 'salary_format'")

    labels = rec.get("labels")
    if not isinstance(labels, dict):
        err("labels must be an object")
        return
    if labels.keys() != LABEL_KEYS:
        missing, extra = sorted(LABEL_KEYS - labels.keys()), sorted(labels.keys() - LABEL_KEYS)
        err(f"label keys differ: missing {missing}, extra {extra}")
        return

    lang = labels["language"]
    if not isinstance(lang, str) or len(lang) != 2 or pycountry.languages.get(alpha_2=lang) is None:
        err(f"language {lang!r} is not an ISO 639-1 code")
    if isinstance(rec.get("description"), str):
        body = text_of(rec["description"])
        if lang in CHAR_LANGS:
            n = len(re.sub(r"\s+", "", body))
            if not MIN_CHARS <= n <= MAX_CHARS:
                err(f"description has {n} characters (want {MIN_CHARS}-{MAX_CHARS})")
        else:
            n = len(body.split())
            if not MIN_WORDS <= n <= MAX_WORDS:
                err(f"description has {n} words (want {MIN_WORDS}-{MAX_WORDS})")

    lo, hi = labels["salary_min"], labels["salary_max"]
    for name, value in (("salary_min", lo), ("salary_max", hi)):
        if value is not None and (not is_number(value) or value <= 0):
            err(f"{name} must be a positive number or null, got {value!r}")
    if is_number(lo) and is_number(hi) and lo > hi:
        err(f"salary_min {lo} > salary_max {hi}")
    has_pay = lo is not None or hi is not None
    cur, period = labels["salary_currency"], labels["salary_period"]
    if has_pay:
        if not isinstance(cur, str) or pycountry.currencies.get(alpha_3=cur) is None:
            err(f"salary_currency {cur!r} is not an ISO 4217 code")
        if period not in PERIODS:
            err(f"salary_period {period!r} not in {sorted(PERIODS)}")
    elif cur is not None or period is not None:
        err("salary_currency/salary_period set without any salary amount")

    locations = labels["locations"]
    if not isinstance(locations, list):
        err("locations must be a list")
    else:
        seen = set()
        for loc in locations:
            if not isinstance(loc, dict) or loc.keys() != LOCATION_KEYS:
                err(f"location {loc!r} must have exactly {sorted(LOCATION_KEYS)}")
                continue
            cc, region, city = loc["country_code"], loc["region"], loc["city"]
            if not isinstance(cc, str) or pycountry.countries.get(alpha_2=cc) is None:
                err(f"country_code {cc!r} is not ISO 3166-1 alpha-2")
            if city is not None and (not isinstance(city, str) or not city.strip()):
                err(f"city {city!r} must be a non-empty string or null")
            if cc in ("US", "CA"):
                if region is not None and (
                    not isinstance(region, str)
                    or len(region) != 2
                    or pycountry.subdivisions.get(code=f"{cc}-{region}") is None
                ):
                    err(f"region {region!r} is not a 2-letter {cc} state/province code")
            elif region is not None:
                err(f"region must be null outside US/CA, got {region!r} for {cc}")
            key = (city, region, cc)
            if key in seen:
                err(f"duplicate location {key}")
            seen.add(key)

    for name, vocab in (
        ("workplace_type", WORKPLACE),
        ("employment_type", EMPLOYMENT),
        ("seniority", SENIORITY),
        ("education_level", EDUCATION),
        ("visa_sponsorship", VISA),
    ):
        if labels[name] is not None and labels[name] not in vocab:
            err(f"{name} {labels[name]!r} not in {sorted(vocab)}")

    xlo, xhi = labels["experience_years_min"], labels["experience_years_max"]
    for name, value in (("experience_years_min", xlo), ("experience_years_max", xhi)):
        if value is not None and (not is_number(value) or value < 0 or value > 50):
            err(f"{name} must be a number in 0-50 or null, got {value!r}")
    if is_number(xlo) and is_number(xhi) and xlo > xhi:
        err(f"experience_years_min {xlo} > experience_years_max {xhi}")

    skills = labels["skills"]
    if not isinstance(skills, list) or not all(isinstance(s, str) and s.strip() for s in skills):
        err("skills must be a list of non-empty strings")
    else:
        for s in skills:
            if s != s.lower() or s != s.strip():
                err(f"skill {s!r} must be lowercase and trimmed")
        if len(set(skills)) != len(skills):
            err("duplicate skills")


def salary_bucket(rec: dict) -> str:
    labels = rec["labels"]
    if labels["salary_min"] is None and labels["salary_max"] is None:
        return "no pay"
    if labels["salary_min"] is None:
        return "max only"
    if labels["salary_max"] is None:
        return "min only"
    return "single figure" if labels["salary_min"] == labels["salary_max"] else "range"


def counts(records: list[dict]) -> dict[str, Counter]:
    c: dict[str, Counter] = {
        name: Counter()
        for name in (
            "country",
            "language",
            "industry",
            "salary format",
            "salary shape",
            "salary currency",
            "salary period",
            "employment type",
            "seniority",
            "workplace type",
            "education level",
            "visa sponsorship",
            "locations per posting",
        )
    }
    for rec in records:
        labels = rec["labels"]
        countries = sorted({loc["country_code"] for loc in labels["locations"]}) or [
            "(none: multi-country / worldwide)"
        ]
        c["country"].update(countries)
        c["language"][labels["language"]] += 1
        meta = rec.get("meta") or {}
        c["industry"][(meta.get("industry") or "(unset)").split("/")[0]] += 1
        c["salary format"][meta.get("salary_format") or "(unset)"] += 1
        c["salary shape"][salary_bucket(rec)] += 1
        if labels["salary_currency"]:
            c["salary currency"][labels["salary_currency"]] += 1
        if labels["salary_period"]:
            c["salary period"][labels["salary_period"]] += 1
        for name in (
            "employment_type",
            "seniority",
            "workplace_type",
            "education_level",
            "visa_sponsorship",
        ):
            c[name.replace("_", " ")][labels[name] or "null"] += 1
        n = len(labels["locations"])
        c["locations per posting"]["0" if n == 0 else "1" if n == 1 else "2+"] += 1
    return c


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument(
        "--markdown", action="store_true", help="print the counts as Markdown tables"
    )
    args = parser.parse_args(argv)

    errors: list[str] = []
    records: list[dict] = []
    ids: Counter = Counter()
    with args.path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                errors.append(f"line {lineno}: blank line")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"line {lineno}: invalid JSON ({exc})")
                continue
            where = f"line {lineno} ({rec.get('id') if isinstance(rec, dict) else '?'})"
            before = len(errors)
            check_record(rec, errors, where)
            if isinstance(rec, dict):
                ids[rec.get("id")] += 1
                if len(errors) == before:
                    records.append(rec)
    for dup, n in ids.items():
        if n > 1:
            errors.append(f"id {dup!r} appears {n} times")

    total = sum(ids.values())
    c = counts(records)
    if args.markdown:
        for name, counter in c.items():
            print(f"\n**By {name}**\n\n| {name} | postings |\n|---|---:|")
            for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
                print(f"| {key} | {n} |")
    else:
        for name, counter in c.items():
            items = ", ".join(
                f"{k}={n}" for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
            )
            print(f"{name}: {items}")
    non_en = sum(n for lang, n in c["language"].items() if lang != "en")
    with_pay = total - c["salary shape"]["no pay"]
    print(
        f"\n{total} postings, {len(records)} valid; {non_en} non-English; "
        f"{with_pay} with pay, {c['salary shape']['no pay']} without"
    )

    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for e in errors:
            print(f"  {e}", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
