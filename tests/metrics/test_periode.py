"""The period parser shared by the sidebar filter and the command line: many typed forms, garbage refused in Dutch."""

from __future__ import annotations

from datetime import date

import pytest

from metrics.periode import Periode, PeriodeFout, beschrijving, invoer, lees_datum, lees_periode, periode_opties


@pytest.mark.parametrize(
    ("tekst", "van", "tot"),
    [
        ("2022", date(2022, 1, 1), date(2022, 12, 31)),
        ("  2022 ", date(2022, 1, 1), date(2022, 12, 31)),
        ("2022-Q3", date(2022, 7, 1), date(2022, 9, 30)),
        ("2022-q1", date(2022, 1, 1), date(2022, 3, 31)),
        ("2022 K4", date(2022, 10, 1), date(2022, 12, 31)),
        ("Q2 2021", date(2021, 4, 1), date(2021, 6, 30)),
        ("3e kwartaal 2022", date(2022, 7, 1), date(2022, 9, 30)),
        ("kwartaal 1 2020", date(2020, 1, 1), date(2020, 3, 31)),
        ("2022-03", date(2022, 3, 1), date(2022, 3, 31)),
        ("2024-2", date(2024, 2, 1), date(2024, 2, 29)),
        ("03-2022", date(2022, 3, 1), date(2022, 3, 31)),
        ("maart 2022", date(2022, 3, 1), date(2022, 3, 31)),
        ("Mrt. 2022", date(2022, 3, 1), date(2022, 3, 31)),
        ("okt 2019", date(2019, 10, 1), date(2019, 10, 31)),
        ("2022-03-15", date(2022, 3, 15), date(2022, 3, 15)),
        ("15-3-2022", date(2022, 3, 15), date(2022, 3, 15)),
        ("15 maart 2022", date(2022, 3, 15), date(2022, 3, 15)),
        ("2021-01-01..2022-06-30", date(2021, 1, 1), date(2022, 6, 30)),
        ("2021-01-01 .. 2022-06-30", date(2021, 1, 1), date(2022, 6, 30)),
        ("1-3-2021 t/m 30-6-2022", date(2021, 3, 1), date(2022, 6, 30)),
        ("01-03-2021 tot en met 30-06-2022", date(2021, 3, 1), date(2022, 6, 30)),
        ("van 1-3-2021 tot 30-6-2022", date(2021, 3, 1), date(2022, 6, 30)),
        ("1.3.2021 - 30.6.2022", date(2021, 3, 1), date(2022, 6, 30)),
        ("jan 2021 – jun 2022", date(2021, 1, 1), date(2022, 6, 30)),
        ("2021 t/m 2022-Q2", date(2021, 1, 1), date(2022, 6, 30)),
        ("2019..2020", date(2019, 1, 1), date(2020, 12, 31)),
        ("2022-03-15..2022-03-15", date(2022, 3, 15), date(2022, 3, 15)),
    ],
)
def test_reads_typed_periods(tekst: str, van: date, tot: date) -> None:
    assert lees_periode(tekst) == Periode(van, tot)


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("", "Geen periode ingevuld"),
        ("   ", "Geen periode ingevuld"),
        ("gisteren", "'gisteren' is geen periode. Schrijf bijvoorbeeld 2022, 2022-Q3"),
        ("June 2022", "'June 2022' is geen periode"),
        ("2022-Q5", "kwartaal 5 bestaat niet (1 t/m 4)"),
        ("2022-13", "maand 13 bestaat niet (1 t/m 12)"),
        ("31-02-2022", "31 februari 2022 bestaat niet (februari 2022 heeft 28 dagen)"),
        ("2022-02-30", "30 februari 2022 bestaat niet"),
        ("0999", "999 is geen jaartal tussen 1900 en 2999"),
        ("2022..2021", "het begin (1 januari 2022) ligt na het eind (31 december 2021)"),
        ("2021..", "precies twee kanten"),
        ("2021 t/m 2022 t/m 2023", "precies twee kanten"),
        ("12345", "'12345' is geen periode"),
        ("2022-Q3; DROP TABLE", "is geen periode"),
    ],
)
def test_garbage_gets_a_dutch_message(tekst: str, melding: str) -> None:
    with pytest.raises(PeriodeFout) as fout:
        lees_periode(tekst)
    assert melding in str(fout.value)


@pytest.mark.parametrize(
    ("van", "tot", "lang", "kort"),
    [
        (date(2022, 1, 1), date(2022, 12, 31), "2022", "2022"),
        (date(2021, 1, 1), date(2022, 12, 31), "2021 t/m 2022", "2021-01-01..2022-12-31"),
        (date(2022, 7, 1), date(2022, 9, 30), "3e kwartaal 2022", "2022-Q3"),
        (date(2022, 3, 1), date(2022, 3, 31), "maart 2022", "2022-03"),
        (date(2022, 3, 1), date(2022, 6, 30), "maart t/m juni 2022", "2022-03-01..2022-06-30"),
        (date(2021, 11, 1), date(2022, 2, 28), "november 2021 t/m februari 2022", "2021-11-01..2022-02-28"),
        (date(2022, 3, 15), date(2022, 3, 15), "15 maart 2022", "2022-03-15..2022-03-15"),
        (date(2020, 6, 2), date(2022, 12, 31), "2 juni 2020 t/m 31 december 2022", "2020-06-02..2022-12-31"),
    ],
)
def test_written_out_and_read_back(van: date, tot: date, lang: str, kort: str) -> None:
    assert beschrijving(van, tot) == lang
    assert invoer(van, tot) == kort
    assert lees_periode(kort) == Periode(van, tot)
    assert lees_periode(lang) == Periode(van, tot)


def test_options_cover_the_range_newest_first() -> None:
    opties = periode_opties(date(2020, 6, 2), date(2021, 2, 10))
    teksten = [p.beschrijving for p in opties]
    assert teksten[:4] == ["2021", "1e kwartaal 2021", "januari 2021", "februari 2021"]
    assert teksten[4:7] == ["2020", "2e kwartaal 2020", "3e kwartaal 2020"]
    assert "mei 2020" not in teksten and "juni 2020" in teksten and "maart 2021" not in teksten
    assert len(opties) == 4 + 1 + 3 + 7


@pytest.mark.parametrize("tekst, dag", [
    ("31-12-2022", date(2022, 12, 31)), ("31 december 2022", date(2022, 12, 31)), ("2022-12-31", date(2022, 12, 31)),
    ("31/12/2022", date(2022, 12, 31)), ("31.12.2022", date(2022, 12, 31)), ("1 mrt 2021", date(2021, 3, 1)),
    ("  5-3-2021 ", date(2021, 3, 5)), ("29 Februari 2024", date(2024, 2, 29)),
])
def test_lees_datum_reads_a_typed_day(tekst: str, dag: date) -> None:
    assert lees_datum(tekst) == dag


@pytest.mark.parametrize("tekst, melding", [
    ("", "Geen datum ingevuld. Schrijf bijvoorbeeld 31-12-2022, 31 december 2022 of 2022-12-31."),
    ("gisteren", "'gisteren' is geen datum. Schrijf bijvoorbeeld 31-12-2022, 31 december 2022 of 2022-12-31."),
    ("30-02-2022", "'30-02-2022': 30 februari 2022 bestaat niet (februari 2022 heeft 28 dagen)."),
    ("31-13-2022", "'31-13-2022': maand 13 bestaat niet (1 t/m 12)."),
    ("maart 2022", "'maart 2022' is een hele periode (maart 2022), geen dag. Vul één dag in, bijvoorbeeld "
                   "31 maart 2022 voor de stand aan het eind ervan."),
    ("1-1-2021..2-2-2021", "'1-1-2021..2-2-2021' is een periode van–tot; vul één dag in, bijvoorbeeld 31-12-2022, "
                           "31 december 2022 of 2022-12-31."),
])
def test_lees_datum_refuses_garbage_in_dutch(tekst: str, melding: str) -> None:
    with pytest.raises(PeriodeFout) as fout:
        lees_datum(tekst)
    assert str(fout.value) == melding
