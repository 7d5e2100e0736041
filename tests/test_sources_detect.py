"""Careers URL → ATS, board token and API host (table-driven)."""

from __future__ import annotations

import pytest

from jobpipe.sources import Detected, SourceError, detect, validate_entry


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://boards.greenhouse.io/discord", Detected("greenhouse", "discord")),
        ("boards.greenhouse.io/discord/jobs/123?gh_src=x", Detected("greenhouse", "discord")),
        ("https://job-boards.greenhouse.io/anthropic", Detected("greenhouse", "anthropic")),
        (
            "https://job-boards.eu.greenhouse.io/acme",
            Detected("greenhouse", "acme", "boards-api.eu.greenhouse.io"),
        ),
        (
            "https://boards.greenhouse.io/embed/job_board?for=gitlab",
            Detected("greenhouse", "gitlab"),
        ),
        (
            "https://boards-api.greenhouse.io/v1/boards/gongio/jobs?content=true",
            Detected("greenhouse", "gongio"),
        ),
        ("https://jobs.lever.co/spotify", Detected("lever", "spotify")),
        ("https://jobs.lever.co/spotify/abc-123/apply", Detected("lever", "spotify")),
        ("https://jobs.eu.lever.co/veeva", Detected("lever", "veeva", "api.eu.lever.co")),
        ("https://api.lever.co/v0/postings/outreach?mode=json", Detected("lever", "outreach")),
        ("https://jobs.ashbyhq.com/ramp", Detected("ashby", "ramp")),
        ("https://jobs.ashbyhq.com/wealth-com/1234", Detected("ashby", "wealth-com")),
        ("https://jobs.smartrecruiters.com/Ubisoft2", Detected("smartrecruiters", "Ubisoft2")),
        ("https://careers.smartrecruiters.com/HireVue", Detected("smartrecruiters", "HireVue")),
        ("https://apply.workable.com/crewai/", Detected("workable", "crewai")),
        ("https://zaelab.workable.com", Detected("workable", "zaelab")),
        (
            "https://nvidia.wd5.myworkdayjobs.com/NVIDIAExternalCareerSite",
            Detected("workday", "nvidia/NVIDIAExternalCareerSite", "nvidia.wd5.myworkdayjobs.com"),
        ),
        (
            "https://gdit.wd5.myworkdayjobs.com/en-US/External_Career_Site/job/x_RQ1",
            Detected("workday", "gdit/External_Career_Site", "gdit.wd5.myworkdayjobs.com"),
        ),
        (
            "https://analogdevices.wd1.myworkdayjobs.com/External",
            Detected("workday", "analogdevices/External", "analogdevices.wd1.myworkdayjobs.com"),
        ),
        ("https://channable.recruitee.com/", Detected("recruitee", "channable")),
        ("https://clark.jobs.personio.de", Detected("personio", "clark")),
        (
            "https://acme.jobs.personio.com/job/42",
            Detected("personio", "acme", "acme.jobs.personio.com"),
        ),
        (
            "https://www.careers.acme.example/jobs",
            Detected(
                "schemaorg", "careers.acme.example", None, "https://www.careers.acme.example/jobs"
            ),
        ),
        (
            "http://example.org/careers",
            Detected("schemaorg", "example.org", None, "http://example.org/careers"),
        ),
    ],
)
def test_detect(url: str, expected: Detected) -> None:
    assert detect(url) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://boards.greenhouse.io/", "board name is missing"),
        ("https://jobs.lever.co", "board name is missing"),
        ("https://apply.workable.com/j/ABC123DEF", "one job's link"),
        ("https://job-boards.greenhouse.io/embed/job_app?token=1", "board name is missing"),
        ("https://acme.wd5.myworkdayjobs.com/en-US", "career site is missing"),
        ("https://www.greenhouse.io/pricing", "an ATS host, but no board page"),
        ("ftp://example.org/jobs", "not an http"),
        ("not a url", "not an http"),
        ("https://jobs.lever.co/bad%20token!", "not a valid token"),
        ("https://api.ashbyhq.com/posting-api/", "no board in this ashby API URL"),
    ],
)
def test_detect_rejects_with_a_reason(url: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        detect(url)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("monster", "acme"), "unknown source"),
        (("workday", "acme"), "not a valid token"),
        (("workday", "acme/Site"), "needs its host"),
        (("workday", "acme/Site", "globex.wd5.myworkdayjobs.com"), "another tenant's"),
        (("lever", "acme", "api.lever.com"), "expected e.g. api.eu.lever.co"),
        (("ashby", "acme", "api.eu.ashbyhq.com"), "ashby takes no host"),
        (("schemaorg", "careers.acme.example", None, "ftp://x"), "not an http"),
        (("greenhouse", "a b"), "not a valid token"),
    ],
)
def test_validate_entry(args: tuple, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        validate_entry(*args)


def test_valid_entries_pass() -> None:
    validate_entry("workday", "acme/Site", "acme.wd12.myworkdayjobs.com")
    validate_entry("lever", "acme", "api.eu.lever.co")
    validate_entry("schemaorg", "careers.acme.example", None, "https://careers.acme.example/")
