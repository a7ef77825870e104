"""Cell parsers: numbers, dates, yes/no, postcodes and name matching."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from etl.parse import Format, Lookup, parse_date, parse_decimal, parse_int, parse_jn, parse_postcode

DMY = Format()


@pytest.mark.parametrize(("raw", "expected"), [(3, 3), (3.0, 3), (" 12 ", 12), ("-4", -4)])
def test_int_accepts_whole_numbers(raw, expected):
    assert parse_int(raw) == expected


@pytest.mark.parametrize("raw", ["drie", "12,5", 12.5, "1.5", True])
def test_int_rejects_words_and_fractions(raw):
    with pytest.raises(ValueError, match="geen geheel getal"):
        parse_int(raw)


@pytest.mark.parametrize(("raw", "expected"), [("12,5", 12.5), ("1.250,00", 1250.0), ("12.5", 12.5), (7, 7.0),
                                               ("€ 350", 350.0), ("1.250", 1250.0), ("1,250.75", 1250.75)])
def test_decimal_accepts_dutch_and_english_notation(raw, expected):
    assert parse_decimal(raw, DMY) == expected


def test_decimal_rejects_text():
    with pytest.raises(ValueError, match="geen getal"):
        parse_decimal("twaalf", DMY)


@pytest.mark.parametrize(("raw", "fmt", "expected"), [
    ("3 maart 2019", DMY, date(2019, 3, 3)), ("3 mrt. 2019", DMY, date(2019, 3, 3)),
    ("03-04-2019", DMY, date(2019, 4, 3)), ("03-04-2019", Format(date_order="mdy"), date(2019, 3, 4)),
    ("2019-04-03", DMY, date(2019, 4, 3)), ("3/4/19", DMY, date(2019, 4, 3)), (43527, DMY, date(2019, 3, 3)),
    (datetime(2019, 3, 3, 0, 0), DMY, date(2019, 3, 3)), ("2019-03-03 00:00:00", DMY, date(2019, 3, 3)),
])
def test_date_spellings(raw, fmt, expected):
    assert parse_date(raw, fmt) == expected


@pytest.mark.parametrize("raw", ["31-02-2019", "morgen", "3 brumaire 2019", -5])
def test_date_rejects_nonsense(raw):
    with pytest.raises(ValueError, match="datum"):
        parse_date(raw, DMY)


def test_yes_no_unknown():
    assert [parse_jn(v, DMY) for v in ("Ja", "x", 1, "NEE", 0, "weet niet", "?")] == [
        "ja", "ja", "ja", "nee", "nee", "onbekend", "onbekend"]
    with pytest.raises(ValueError):
        parse_jn("misschien", DMY)


def test_postcode_keeps_pc4():
    assert [parse_postcode(v) for v in ("5531 AB", "5531ab", 5531, " 5531 ")] == ["5531"] * 4
    with pytest.raises(ValueError, match="postcode"):
        parse_postcode("B-2400")


def test_lookup_ignores_case_spaces_and_dashes():
    lookup = Lookup("gemeente")
    lookup.add("GM1667", "Reusel-De Mierden")
    assert {lookup.code(v) for v in ("reusel de mierden", "REUSEL – DE MIERDEN", " Reusel-de  Mierden")} == {"GM1667"}
    with pytest.raises(ValueError, match="onbekende gemeente"):
        lookup.code("Reusel")


def test_bsn_suspects_are_the_cells_find_bsn_must_look_at() -> None:
    from datetime import date, datetime, time

    from etl.parse import bsn_suspects

    rows = [
        (2, ["nr 1234.56.782", 111222333.0, "tel 0612345678", date(2021, 3, 1), True, -123456789]),
        (3, [12345678.0, 1234567.82, "bedrag 1.111.222.333", "", None, 999999999]),
        (4, ["a\n123 456 789\nb", 100000000, time(12, 30), datetime(2021, 3, 1), float("nan"), "x"]),
    ]
    assert bsn_suspects(rows) == {0: {0, 1, 5}, 1: {5}, 2: {0, 1, 2}}
    assert bsn_suspects(rows, skip={0, 5}) == {0: {1}, 2: {1, 2}}
    assert bsn_suspects([]) == {}


def test_memo_key_keeps_equal_values_of_other_types_apart() -> None:
    from datetime import date, datetime

    from etl.parse import _memo_key

    assert _memo_key("3") == (str, "3") and _memo_key(3) == (int, 3) and _memo_key(3.0) == (float, 3.0)
    assert _memo_key(True) is None and _memo_key(0.0) is None and _memo_key(-0.0) is None
    assert _memo_key(date(2021, 3, 1)) == (date, date(2021, 3, 1))
    assert _memo_key(datetime(2021, 3, 1, tzinfo=UTC)) is None and _memo_key((1, 2)) is None
