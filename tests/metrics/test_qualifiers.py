"""Each qualifier rule of metrics.qualifiers with values that pass and values that fail."""

from __future__ import annotations

from datetime import date

import pytest

from metrics.qualifiers import parse, round_half_up


@pytest.mark.parametrize(
    ("printed", "passing", "failing"),
    [
        ("40%", [40.09, 39.5, 40.49], [39.49, 40.5, 41.0]),
        ("8%", [8.19, 7.76, 7.5], [7.14, 9.52, 8.5]),
        ("bijna 64%", [63.79, 63.5], [64.0, 64.2, 63.49]),
        ("zo'n 13%", [12.93, 13.4, 12.5], [12.49, 13.5]),
        ("ongeveer 13%", [13.0], [14.0]),
        ("ca. 17%", [17.24], [18.0]),
        ("iets meer dan 1%", [1.29, 1.01, 1.49], [1.0, 0.99, 1.5, 2.0]),
        ("iets minder dan 10", [9.6], [10.0, 9.5]),
        ("meer dan 0", [1, 15], [0, -1]),
        ("minder dan 5", [4.9], [5, 6]),
        ("1000den", [1000, 2500, 9999], [999, 10000]),
        ("€396.939", [396939, 396938.6, 396939.49], [396938.49, 396940, 39693.9]),
        ("17", [17], [16, 18, 17.2]),
        ("geen", [0], [1]),
    ],
)
def test_rules_pass_and_fail(printed: str, passing: list[float], failing: list[float]) -> None:
    q = parse(printed)
    for value in passing:
        assert q.match(value), f"{printed} should accept {value}"
    for value in failing:
        assert not q.match(value), f"{printed} should reject {value}"


def test_counts_approximately_within_ten_percent() -> None:
    q = parse("ca. 30")
    assert q.kind == "ongeveer" and not q.percent
    assert [q.match(v) for v in (26, 27, 30, 33, 34)] == [False, True, True, True, False]
    assert "±10%" in q.rule


@pytest.mark.parametrize(
    ("printed", "value"),
    [("een tweetal", 2), ("vijftal", 5), ("een vijftal", 5), ("Zestien", 16), ("twee", 2), ("één", 1), ("Eén", 1),
     ("acht", 8), ("zes", 6), ("een", 1), ("negen", 9)],
)
def test_dutch_number_words(printed: str, value: int) -> None:
    q = parse(printed)
    assert q.kind == "exact" and q.value == value
    assert q.match(value) and not q.match(value + 1)


def test_range_needs_equal_minimum_and_maximum() -> None:
    q = parse("tussen 195 en 625")
    assert q.match((195.0, 625.0))
    assert not q.match((200.0, 625.0))
    assert not q.match((195.0, 620.0))
    assert not q.match(410.0)
    assert parse("tussen de 195 en 625 euro per maand").match((195, 625))


def test_rank_accepts_any_place_in_a_tie() -> None:
    q = parse("rang 7")
    assert q.match((6.0, 7.0)) and q.match((7.0, 7.0))
    assert not q.match((6.0, 6.0)) and not q.match((8.0, 9.0))


def test_decimals_printed_are_the_rounding_precision() -> None:
    q = parse("12,5%")
    assert q.digits == 1 and q.match(12.46) and not q.match(12.44)
    assert parse("€396.939").digits == 0


def test_missing_value_never_matches() -> None:
    assert not parse("17").match(None)
    assert not parse("40%").match(float("nan"))


def test_round_half_up_on_the_percentage() -> None:
    assert round_half_up(12.5) == 13.0
    assert round_half_up(0.5) == 1.0
    assert round_half_up(2.675, 2) == 2.68


def test_unreadable_text_is_an_error() -> None:
    with pytest.raises(ValueError):
        parse("veel")


def test_every_means_exactly_one_hundred_percent() -> None:
    q = parse("elke")
    assert q.kind == "alle" and q.percent
    assert q.match(100.0)
    assert not q.match(99.76)  # 409 of 410 rounds to 100% but is not "elke"
    assert not q.match(95.1)
    assert parse("alle").match(100)


def test_mostly_means_more_than_half() -> None:
    for printed in ("vooral", "meer dan de helft"):
        q = parse(printed)
        assert (q.kind, q.value, q.percent) == ("meer", 50.0, True)
        assert q.match(89.6) and q.match(50.1)
        assert not q.match(50.0) and not q.match(31.0)
    assert parse("vooral").rule == "groter dan 50%"


def test_comparison_of_a_group_with_the_rest() -> None:
    lower = parse("aandeel lager dan bij de overige vier gemeenten")
    assert (lower.kind, lower.percent, lower.other) == ("lager", True, "bij de overige vier gemeenten")
    assert lower.match((30.6, 89.3))
    assert not lower.match((89.3, 30.6)) and not lower.match((50.0, 50.0))
    assert not lower.match((float("nan"), 50.0)) and not lower.match(30.6)
    assert lower.rule == "aandeel lager dan bij de overige vier gemeenten (eerste berekende waarde < tweede)"
    higher = parse("hoger dan de rest")
    assert higher.kind == "hoger" and not higher.percent
    assert higher.match((3.0, 2.0)) and not higher.match((2.0, 3.0))
    with pytest.raises(ValueError):
        parse("lager dan 5")  # a comparison names what it compares with, not a number


def test_a_printed_date_matches_only_that_date() -> None:
    for printed in ("1 maart 2019", "01-03-2019", "1-3-2019"):
        q = parse(printed)
        assert (q.kind, q.day) == ("datum", date(2019, 3, 1))
        assert q.match(date(2019, 3, 1))
        assert not q.match(date(2019, 3, 2))
        assert not q.match(737119.0)  # a number is no date
    assert parse("31 december 2017").rule == "datum gelijk aan 31-12-2017"
    assert not parse("17").match(date(2019, 3, 1))  # a date is no count
