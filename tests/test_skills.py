"""Skills taxonomy (transforms/data/skills.tsv) and the context-aware matcher."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.skills import (
    CATEGORIES,
    CONTEXT_RULES,
    TAXONOMY_PATH,
    extract_skills,
    normalize_key,
    read_taxonomy,
    skill_category,
    skill_names,
)


def skills(text: str) -> set[str]:
    return set(extract_skills(text))


# --- the TSV itself -------------------------------------------------------------------------


def test_taxonomy_file_is_well_formed() -> None:
    lines = TAXONOMY_PATH.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "skill\tcategory\taliases"
    body = [line.split("\t") for line in lines[1:] if line.strip()]
    assert all(len(fields) == 3 for fields in body)
    names = [fields[0] for fields in body]
    assert len(names) >= 600
    assert len(set(names)) == len(names), [n for n, c in Counter(names).items() if c > 1]
    assert all(n == n.lower() == n.strip() and n for n in names)
    assert {fields[1] for fields in body} <= CATEGORIES


def test_every_alias_names_exactly_one_skill() -> None:
    owner: dict[str, set[str]] = {}
    for row in read_taxonomy():
        for surface in (row.skill, *row.aliases):
            owner.setdefault(normalize_key(surface), set()).add(row.skill)
    assert {key: names for key, names in owner.items() if len(names) > 1} == {}


def test_every_category_is_used_and_rules_target_real_keys() -> None:
    rows = read_taxonomy()
    assert {row.category for row in rows} == CATEGORIES
    keys = {normalize_key(s) for row in rows for s in (row.skill, *row.aliases)}
    assert set(CONTEXT_RULES) <= keys


def test_public_lookups() -> None:
    names = skill_names()
    assert len(names) >= 600
    assert {"python", "go", "c++", "c#", "r", "microsoft excel", "forklift operation"} <= names
    assert skill_category("kubernetes") == "cloud"
    assert skill_category("phlebotomy") == "healthcare"
    assert skill_category("spanish language") == "language"
    assert skill_category("teamwork") == "soft_skill"
    assert skill_category("no such skill") is None


# --- matching -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We run k8s clusters", "kubernetes"),
        ("Golang services", "go"),
        ("NLP research", "natural language processing"),
        ("Deploy on AWS", "amazon web services"),
        ("Postgres or PostgreSQL", "postgresql"),
        ("MS Excel reporting", "microsoft excel"),
        ("GCP and BigQuery", "google cloud platform"),
        ("ML pipelines", "machine learning"),
        ("EHR/EMR documentation", "electronic health records"),
        ("BLS certified", "basic life support"),
        ("Forklift certified", "forklift operation"),
        ("Active RN license", "registered nurse license"),
        ("Class A CDL", "cdl class a"),
        ("front-end development", "frontend development"),
        ("machine-learning models", "machine learning"),
    ],
)
def test_aliases_map_to_canonical(text: str, expected: str) -> None:
    assert expected in skills(text)


def test_longest_match_wins() -> None:
    assert skills("machine learning engineer") == {"machine learning"}
    assert skills("Google Cloud Platform") == {"google cloud platform"}
    assert skills("React Native apps") == {"react native"}
    assert skills("SQL Server DBA") == {"microsoft sql server"}


def test_word_boundaries() -> None:
    assert skills("JavaScript") == {"javascript"}
    assert skills("a scalable system") == set()
    assert skills("reactive streams") == set()
    assert skills("the sequel") == set()
    assert skills("excellent") == set()
    assert "sql" in skills("sql, python")


def test_symbols() -> None:
    found = skills("C++17, C#, .NET, Node.js and CI/CD; ASP.NET too")
    assert {"c++", "c#", ".net", "node.js", "ci/cd", "asp.net"} <= found
    assert ".net" not in skills("visit www.example.net today")
    assert skills("C/C++ firmware") >= {"c", "c++"}


AMBIGUOUS = [
    ("We go above and beyond for customers", set(), {"go"}),
    ("Experience with Go and Rust", {"go", "rust"}, set()),
    ("Go developer for our backend", {"go"}, set()),
    ("Python, Java, or Go", {"python", "java", "go"}, set()),
    ("She is our go-to person", set(), {"go"}),
    ("Snacks on the go", set(), {"go"}),
    ("Let's go!", set(), {"go"}),
    ("Go-to-market strategy", {"go-to-market strategy"}, {"go"}),
    ("You will excel at communication", {"communication"}, {"microsoft excel"}),
    ("Advanced Excel skills", {"microsoft excel"}, set()),
    ("Excel spreadsheets and pivot tables", {"microsoft excel"}, set()),
    ("Excel in a fast-paced team", set(), {"microsoft excel"}),
    ("Word, Excel and Outlook", {"microsoft word", "microsoft excel", "microsoft outlook"}, set()),
    ("R, Python and SQL", {"r", "python", "sql"}, set()),
    ("Statistics in R", {"statistics", "r"}, set()),
    ("R&D department", set(), {"r"}),
    ("A C grade or better", set(), {"c"}),
    ("C programming", {"c"}, set()),
    ("C-suite executives", set(), {"c"}),
    ("Swift and Kotlin mobile apps", {"swift", "kotlin"}, set()),
    ("A swift response to tickets", set(), {"swift"}),
    ("Rust prevention coatings", set(), {"rust"}),
    ("Spark and Hadoop for big data", {"apache spark", "hadoop", "big data"}, set()),
    ("Ideas that spark joy", set(), {"apache spark"}),
    ("React quickly to alarms", set(), {"react"}),
    ("React and Redux front end", {"react", "redux"}, set()),
    ("Fluent Spanish and English required", {"spanish language", "english language"}, set()),
    ("A German company in Berlin", set(), {"german language"}),
    ("Polish your résumé", set(), {"polish language"}),
    ("Sales Associate, sales tax", set(), {"sales"}),
    ("3+ years of sales experience", {"sales"}, set()),
    ("10 ml syringe", set(), {"machine learning"}),
    ("Under the supervision of the charge nurse", set(), {"supervision"}),
    ("Must have reliable transportation", set(), {"dependability"}),
    ("Epic and Cerner charting", {"epic systems", "cerner", "charting"}, set()),
    ("An epic journey", set(), {"epic systems"}),
    ("Concrete examples of impact", set(), {"concrete work"}),
    ("Pour and finish concrete slabs on site", {"concrete work"}, set()),
]


@pytest.mark.parametrize(("text", "present", "absent"), AMBIGUOUS)
def test_ambiguous_words_need_context(text: str, present: set[str], absent: set[str]) -> None:
    found = skills(text)
    assert present <= found, (text, found)
    assert not (absent & found), (text, found)


def test_non_tech_postings() -> None:
    nurse = (
        "Registered Nurse (RN), ICU. Requirements: active RN license, BLS and ACLS certification, "
        "2+ years of patient care, experience with electronic health records (Epic)."
    )
    assert {
        "patient care",
        "basic life support",
        "advanced cardiac life support",
        "electronic health records",
        "registered nurse license",
    } <= skills(nurse)
    warehouse = (
        "Warehouse Associate: forklift certified, RF scanner, inventory management, "
        "pick and pack, able to lift 50 lbs. We go the extra mile."
    )
    assert {"forklift operation", "inventory management", "rf scanning", "order picking"} <= (
        skills(warehouse)
    )
    assert "go" not in skills(warehouse)
    retail = "Cashier: cash handling, POS systems, excellent customer service and merchandising."
    assert {"cash handling", "point of sale systems", "customer service", "merchandising"} <= (
        skills(retail)
    )
    trades = "HVAC technician, EPA 608, blueprint reading, MIG and TIG welding, OSHA 10."
    assert {"hvac", "epa 608 certification", "blueprint reading", "osha 10"} <= skills(trades)
    assert {"tig welding"} <= skills(trades)


def test_whitespace_case_and_empty_input() -> None:
    assert skills("MACHINE\n\tLEARNING") == {"machine learning"}
    assert extract_skills("") == []
    assert extract_skills("   ") == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_output_is_canonical(text: str) -> None:
    out = extract_skills(text)
    assert out == sorted(set(out))
    assert set(out) <= skill_names()


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Go", "C", "R", "C++", "Excel", "excel", "go", "-", "/", ",", " ", "Python", "İ", "ß"]
        ),
        max_size=30,
    )
)
def test_symbol_soup_never_raises(parts: list[str]) -> None:
    out = extract_skills("".join(parts))
    assert set(out) <= skill_names()
