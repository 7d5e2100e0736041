"""docs/questions.md shows the answers the warehouse really gives on the demo data."""

from __future__ import annotations

import pytest

from warehouse.questions import DOC, QUESTIONS, generate


@pytest.mark.slow
def test_questions_page_is_current() -> None:
    text = generate()
    assert text.count("```sql") == len(QUESTIONS)
    assert DOC.read_text(encoding="utf-8") == text, "run `python -m warehouse.questions`"


def test_every_question_reads_only() -> None:
    from jobpipe.analyst import check_read_only

    for _, sql in QUESTIONS:
        assert check_read_only(sql) == sql
