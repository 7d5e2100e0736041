"""Location strings → {raw, city, region, country_code}."""

from __future__ import annotations

import pytest

from transforms.locations import parse_locations

CASES = [
    ("Boston, MA; Denver, CO", [("Boston", "MA", "US"), ("Denver", "CO", "US")]),
    ("Austin | Chicago", [("Austin", "TX", "US"), ("Chicago", "IL", "US")]),
    ("US, NC, Durham", [("Durham", "NC", "US")]),
    ("München, Germany", [("Munich", None, "DE")]),
    ("Zürich", [("Zürich", None, "CH")]),
    ("Montréal, QC", [("Montréal", "QC", "CA")]),
    ("Kraków, Poland", [("Kraków", None, "PL")]),
    ("São Paulo, Brazil", [("São Paulo", None, "BR")]),
    ("London, UK", [("London", None, "GB")]),
    ("London, ON", [("London", "ON", "CA")]),
    ("Berlin, DE", [("Berlin", None, "DE")]),
    ("DE, Berlin", [("Berlin", None, "DE")]),
    ("PA, Pittsburgh", [("Pittsburgh", "PA", "US")]),
    ("Newark, DE", [("Newark", "DE", "US")]),
    ("Wilmington, DE", [("Wilmington", "DE", "US")]),
    ("Sydney, New South Wales, Australia", [("Sydney", "New South Wales", "AU")]),
    ("San Francisco Bay Area", [("San Francisco", None, "US")]),
    ("Remote - Canada", [(None, None, "CA")]),
    ("Remoto – España", [(None, None, "ES")]),
    ("Polska (zdalnie)", [(None, None, "PL")]),
    ("Bristol and Cardiff", [("Bristol", None, "GB"), ("Cardiff", None, "GB")]),
    ("Sevilla y Málaga", [("Seville", None, "ES"), ("Málaga", None, "ES")]),
    ("Trinidad and Tobago", [(None, None, "TT")]),
    ("Bosnia and Herzegovina", [(None, None, "BA")]),
    ("Hybrid - Amsterdam", [("Amsterdam", None, "NL")]),
    ("California", [(None, "CA", "US")]),
    ("Remote - FL", [(None, "FL", "US")]),
    ("New York, NY", [("New York City", "NY", "US")]),
    ("Montréal (QC)", [("Montréal", "QC", "CA")]),
    ("Paris (75)", [("Paris", None, "FR")]),
    ("Brisbane QLD", [("Brisbane", None, "AU")]),
    ("Singapore", [("Singapore", None, "SG")]),
    ("Mexico", [(None, None, "MX")]),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_parse(raw: str, expected: list[tuple]) -> None:
    locations, _ = parse_locations([raw])
    assert [(loc.city, loc.region, loc.country_code) for loc in locations] == expected
    assert all(loc.raw for loc in locations)


def test_remote_marker_is_reported_and_not_a_place() -> None:
    locations, remote = parse_locations(["Chicago, IL or Remote"])
    assert remote
    assert [(loc.city, loc.country_code) for loc in locations] == [("Chicago", "US")]


def test_macro_region_keeps_raw_without_country() -> None:
    locations, remote = parse_locations(["Remote (APAC)"])
    assert remote
    assert [(loc.raw, loc.country_code) for loc in locations] == [("Remote (APAC)", None)]


def test_duplicates_and_blanks() -> None:
    locations, remote = parse_locations(["", "  ", "Paris, France | Paris, France"])
    assert len(locations) == 1 and not remote


def test_unknown_place_keeps_raw_only() -> None:
    locations, _ = parse_locations(["Moon Base Alpha"])
    assert locations[0].raw == "Moon Base Alpha"
    assert locations[0].country_code is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Belo Horizonte - MG", [("Belo Horizonte", "BR")]),
        ("Recife - PE", [("Recife", "BR")]),
        ("Cajamar - SP / Extrema - MG", [("Cajamar", "BR"), ("Extrema", "BR")]),
        ("Remote (must reside in Texas)", [(None, "US")]),
        ("Remote (GA, FL, or SC)", [(None, "US")]),
        ("東京都渋谷区", [("Tokyo", "JP")]),
        ("Niseko, Hokkaido", [("Niseko", "JP")]),
        ("Gent", [("Ghent", "BE")]),
        ("Singapore (Jurong East)", [("Singapore", "SG")]),
        ("Portland, ME", [("Portland", "US")]),
    ],
)
def test_location_shapes(raw: str, expected: list[tuple[str | None, str]]) -> None:
    found, _ = parse_locations([raw])
    assert [(loc.city, loc.country_code) for loc in found] == expected
