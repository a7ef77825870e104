"""The period a figure is about, typed or chosen in Dutch: one parser for the sidebar filter and the command line.

`lees_periode` reads a year (`2022`), a quarter (`2022-Q3`, `2022-K3`, `Q3 2022`, `3e kwartaal 2022`), a month
(`2022-03`, `03-2022`, `maart 2022`), a day (`2022-03-15`, `15-3-2022`, `15 maart 2022`) or a range of any two of
those (`2021-01-01..2022-06-30`, `1-3-2021 t/m 30-6-2022`, `2021 tot en met 2022-Q2`, `jan 2021 - jun 2022`).
Bad input raises `PeriodeFout` with a Dutch message that repeats what was typed and gives examples.
`lees_datum` reads one day the same way (`31-12-2022`, `31 december 2022`, `2022-12-31`): the report date
(peildatum) of the follow-up pages; a month, a range or garbage raises `PeriodeFout`.
`beschrijving` writes a period out in full Dutch ("3e kwartaal 2022", "1 maart 2021 t/m 30 juni 2022"),
`invoer` gives the short typed form that `lees_periode` reads back (`2022-Q3`, `2021-03-01..2022-06-30`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")
"""Dutch month names, January first."""

_MAAND_AFKORTINGEN = {
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "maa": 3, "mar": 3, "apr": 4, "mei": 5, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}
_MAAND_NUMMER = {**{naam: i for i, naam in enumerate(MAANDEN, start=1)}, **_MAAND_AFKORTINGEN}
_MAAND = "(" + "|".join(sorted(_MAAND_NUMMER, key=len, reverse=True)) + r")\.?"

VOORBEELDEN = "2022, 2022-Q3, 2022-03, maart 2022, 2021-01-01..2022-06-30 of 1-3-2021 t/m 30-6-2022"
"""The examples every error message ends with."""

_SCHEIDING = re.compile(r"\s*(?:\.\.|\bt/m\b|\btot en met\b|\btot\b|\s-\s)\s*")


class PeriodeFout(ValueError):
    """Typed text that is not a period; the message is Dutch and says what was wrong."""


@dataclass(frozen=True)
class Periode:
    """A closed range of days: from `van` up to and including `tot`."""

    van: date
    tot: date

    @property
    def beschrijving(self) -> str:
        """The period written out in Dutch (see `beschrijving`)."""
        return beschrijving(self.van, self.tot)

    @property
    def invoer(self) -> str:
        """The short typed form that `lees_periode` reads back (see `invoer`)."""
        return invoer(self.van, self.tot)


def _laatste_dag(jaar: int, maand: int) -> date:
    return date(jaar, maand, calendar.monthrange(jaar, maand)[1])


def _jaar(tekst: str, origineel: str) -> int:
    jaar = int(tekst)
    if not 1900 <= jaar <= 2999:
        raise PeriodeFout(f"'{origineel}': {jaar} is geen jaartal tussen 1900 en 2999.")
    return jaar


def _maand(nummer: int, origineel: str) -> int:
    if not 1 <= nummer <= 12:
        raise PeriodeFout(f"'{origineel}': maand {nummer} bestaat niet (1 t/m 12).")
    return nummer


def _dag(jaar: int, maand: int, dag: int, origineel: str) -> date:
    maand = _maand(maand, origineel)
    try:
        return date(jaar, maand, dag)
    except ValueError:
        raise PeriodeFout(
            f"'{origineel}': {dag} {MAANDEN[maand - 1]} {jaar} bestaat niet "
            f"({MAANDEN[maand - 1]} {jaar} heeft {calendar.monthrange(jaar, maand)[1]} dagen)."
        ) from None


def _kwartaal(jaar: int, kwartaal: int, origineel: str) -> Periode:
    if not 1 <= kwartaal <= 4:
        raise PeriodeFout(f"'{origineel}': kwartaal {kwartaal} bestaat niet (1 t/m 4).")
    eerste = 3 * kwartaal - 2
    return Periode(date(jaar, eerste, 1), _laatste_dag(jaar, eerste + 2))


def _maandperiode(jaar: int, maand: int, origineel: str) -> Periode:
    maand = _maand(maand, origineel)
    return Periode(date(jaar, maand, 1), _laatste_dag(jaar, maand))


def _deel(tekst: str, origineel: str) -> Periode:
    """Read one side of a range (or a whole period without a range)."""
    if m := re.fullmatch(r"(\d{4})", tekst):
        jaar = _jaar(m[1], origineel)
        return Periode(date(jaar, 1, 1), date(jaar, 12, 31))
    if m := re.fullmatch(r"(\d{4})\s*[-/ ]?\s*[qk]\s*(\d)", tekst):
        return _kwartaal(_jaar(m[1], origineel), int(m[2]), origineel)
    if m := re.fullmatch(r"[qk]\s*(\d)\s*[-/ ]?\s*(\d{4})", tekst):
        return _kwartaal(_jaar(m[2], origineel), int(m[1]), origineel)
    if m := re.fullmatch(r"(\d)\s*(?:e|de|ste)?\s*kwartaal\s*(\d{4})", tekst):
        return _kwartaal(_jaar(m[2], origineel), int(m[1]), origineel)
    if m := re.fullmatch(r"kwartaal\s*(\d)\s*(\d{4})", tekst):
        return _kwartaal(_jaar(m[2], origineel), int(m[1]), origineel)
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", tekst):
        return _maandperiode(_jaar(m[1], origineel), int(m[2]), origineel)
    if m := re.fullmatch(r"(\d{1,2})[-/](\d{4})", tekst):
        return _maandperiode(_jaar(m[2], origineel), int(m[1]), origineel)
    if m := re.fullmatch(_MAAND + r"\s*(\d{4})", tekst):
        return _maandperiode(_jaar(m[2], origineel), _MAAND_NUMMER[m[1]], origineel)
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", tekst):
        dag = _dag(_jaar(m[1], origineel), int(m[2]), int(m[3]), origineel)
        return Periode(dag, dag)
    if m := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", tekst):
        dag = _dag(_jaar(m[3], origineel), int(m[2]), int(m[1]), origineel)
        return Periode(dag, dag)
    if m := re.fullmatch(r"(\d{1,2})\s*" + _MAAND + r"\s*(\d{4})", tekst):
        dag = _dag(_jaar(m[3], origineel), _MAAND_NUMMER[m[2]], int(m[1]), origineel)
        return Periode(dag, dag)
    raise PeriodeFout(f"'{origineel}' is geen periode. Schrijf bijvoorbeeld {VOORBEELDEN}.")


def lees_periode(tekst: str) -> Periode:
    """Read a typed period (see the module docstring for the forms); raise PeriodeFout with a Dutch message."""
    origineel = " ".join(str(tekst).split())
    if not origineel:
        raise PeriodeFout(f"Geen periode ingevuld. Schrijf bijvoorbeeld {VOORBEELDEN}.")
    schoon = origineel.lower().replace("–", " - ").replace("—", " - ")
    schoon = re.sub(r"^(?:van|vanaf)\s+", "", schoon)
    delen = _SCHEIDING.split(schoon)
    if len(delen) == 1:
        return _deel(delen[0].strip(), origineel)
    if len(delen) != 2 or not all(d.strip() for d in delen):
        raise PeriodeFout(
            f"'{origineel}': een periode van–tot heeft precies twee kanten, zoals 1-3-2021 t/m 30-6-2022."
        )
    links, rechts = (d.strip() for d in delen)
    jaar_rechts = re.search(r"(\d{4})$", rechts)
    if jaar_rechts and re.fullmatch(r"(?:\d{1,2}\s*)?" + _MAAND, links):  # "maart t/m juni 2022"
        links = f"{links} {jaar_rechts[1]}"
    begin, eind = _deel(links, origineel), _deel(rechts, origineel)
    if begin.van > eind.tot:
        raise PeriodeFout(
            f"'{origineel}': het begin ({datum_lang(begin.van)}) ligt na het eind ({datum_lang(eind.tot)})."
        )
    return Periode(begin.van, eind.tot)


DATUM_VOORBEELDEN = "31-12-2022, 31 december 2022 of 2022-12-31"
"""The examples of a single day every date error message ends with."""


def lees_datum(tekst: str) -> date:
    """Read one typed day ("31-12-2022", "31/12/2022", "31.12.2022", "31 december 2022", "31 dec 2022",
    "2022-12-31"); raise PeriodeFout with a Dutch message for anything else (empty, garbage, a day that does not
    exist, a whole month or year, a range)."""
    origineel = " ".join(str(tekst).split())
    if not origineel:
        raise PeriodeFout(f"Geen datum ingevuld. Schrijf bijvoorbeeld {DATUM_VOORBEELDEN}.")
    schoon = origineel.lower()
    if len(_SCHEIDING.split(schoon)) > 1:
        raise PeriodeFout(f"'{origineel}' is een periode van–tot; vul één dag in, bijvoorbeeld {DATUM_VOORBEELDEN}.")
    try:
        gelezen = _deel(schoon, origineel)
    except PeriodeFout as fout:
        if "bestaat niet" in str(fout) or "jaartal" in str(fout):
            raise
        raise PeriodeFout(f"'{origineel}' is geen datum. Schrijf bijvoorbeeld {DATUM_VOORBEELDEN}.") from None
    if gelezen.van != gelezen.tot:
        raise PeriodeFout(
            f"'{origineel}' is een hele periode ({gelezen.beschrijving}), geen dag. Vul één dag in, bijvoorbeeld "
            f"{datum_lang(gelezen.tot)} voor de stand aan het eind ervan."
        )
    return gelezen.van


def datum_lang(d: date) -> str:
    """A date written out in Dutch: "1 maart 2021"."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def _hele_jaren(van: date, tot: date) -> bool:
    return (van.month, van.day) == (1, 1) and (tot.month, tot.day) == (12, 31)


def _hele_maanden(van: date, tot: date) -> bool:
    return van.day == 1 and tot == _laatste_dag(tot.year, tot.month)


def _kwartaalnummer(van: date, tot: date) -> int | None:
    """The quarter that `van`..`tot` is exactly, or None."""
    if van.year == tot.year and van.day == 1 and van.month % 3 == 1 and tot == _laatste_dag(van.year, van.month + 2):
        return (van.month + 2) // 3
    return None


def beschrijving(van: date, tot: date) -> str:
    """Write `van`..`tot` out in full Dutch: "2022", "2021 t/m 2022", "3e kwartaal 2022", "maart 2022",
    "maart t/m juni 2022", "15 maart 2022", "1 maart 2021 t/m 30 juni 2022"."""
    if _hele_jaren(van, tot):
        return str(van.year) if van.year == tot.year else f"{van.year} t/m {tot.year}"
    if (kwartaal := _kwartaalnummer(van, tot)) is not None:
        return f"{kwartaal}e kwartaal {van.year}"
    if _hele_maanden(van, tot):
        if (van.year, van.month) == (tot.year, tot.month):
            return f"{MAANDEN[van.month - 1]} {van.year}"
        if van.year == tot.year:
            return f"{MAANDEN[van.month - 1]} t/m {MAANDEN[tot.month - 1]} {van.year}"
        return f"{MAANDEN[van.month - 1]} {van.year} t/m {MAANDEN[tot.month - 1]} {tot.year}"
    if van == tot:
        return datum_lang(van)
    return f"{datum_lang(van)} t/m {datum_lang(tot)}"


def invoer(van: date, tot: date) -> str:
    """The short typed form of `van`..`tot` that `lees_periode` reads back: "2022", "2022-Q3", "2022-03", or
    "2021-03-01..2022-06-30"."""
    if _hele_jaren(van, tot) and van.year == tot.year:
        return str(van.year)
    if (kwartaal := _kwartaalnummer(van, tot)) is not None:
        return f"{van.year}-Q{kwartaal}"
    if _hele_maanden(van, tot) and (van.year, van.month) == (tot.year, tot.month):
        return f"{van.year}-{van.month:02d}"
    return f"{van.isoformat()}..{tot.isoformat()}"


def periode_opties(start: date, eind: date) -> list[Periode]:
    """Every year, quarter and month that overlaps `start`..`eind`, newest year first; within a year the year
    itself, then its quarters, then its months (the choices of the period list in the sidebar)."""
    opties: list[Periode] = []
    for jaar in range(eind.year, start.year - 1, -1):
        kandidaten = [Periode(date(jaar, 1, 1), date(jaar, 12, 31))]
        kandidaten += [_kwartaal(jaar, k, "") for k in range(1, 5)]
        kandidaten += [_maandperiode(jaar, m, "") for m in range(1, 13)]
        opties += [p for p in kandidaten if p.van <= eind and p.tot >= start]
    return opties
