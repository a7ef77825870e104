"""What the council one-pager says: figures, comparisons and the generated Dutch paragraph (no PDF, no streamlit).

Everything comes from metrics/ functions on the warehouse; this module only chooses and words them, so the
one-pager says what the dashboard says. With a `drempel` (the small-count threshold, for a role that sees
suppressed figures, access/suppress.py) every person-based count is suppressed as on Overzicht: the persons tile
and sentence, the persons per month and per municipality (secondary suppression along the column) and the
persons per 10,000 inhabitants (a rate of a hidden count would give it back). Evenings, visited objects and
violations are not person-based.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd

from access.suppress import hidden_label, suppress
from metrics.filters import Filter
from metrics.format import getal, team_label_kort
from metrics.overzicht import kerncijfers, per_gemeente, samenvatting, trend_per_maand
from metrics.periode import Periode, datum_lang
from metrics.vergelijking import vergelijking

BENCHMARK_TEAM = "PIT"
"""The benchmark team of the steering group (Peelland Interventie Team, 2017)."""

VERGELEKEN = ("controleavonden", "bezochte_objecten", "aangetroffen_personen", "overtredingen")
"""Figures compared with the benchmark, per 10,000 inhabitants per year."""

DEFINITIES = (
    "Controleavond: een avond waarop het team met partners controleert (registratie controleavonden).",
    "Bezocht object: één adres dat op een controleavond is bezocht.",
    "Aangetroffen personen: het aantal personen dat bij de bezoeken is aangetroffen.",
    "Overtreding: een bevinding die als overtreding is vastgelegd.",
    "Opgevolgd: een overtreding met minstens één opvolgingsstap; alle overtredingen tellen mee in de noemer.",
    "Per 10.000 inwoners per jaar: aantal / maanden actief × 12 / inwoners × 10.000 (inwoners: CBS, 1 januari "
    "van het jaar in de referentietabel gemeenten), zodat teams en gemeenten van verschillende grootte en duur "
    "vergelijkbaar zijn.",
)


class OnbekendeGemeente(ValueError):
    """A municipality name that is not in the reference table (Dutch message with the names that exist)."""


@dataclass(frozen=True)
class Raadsnotitie:
    """The content of one one-pager."""

    team: str
    gemeente_code: str | None
    gemeente: str | None
    periode: Periode
    filter: Filter
    kerncijfers: list[tuple[str, str]]
    tekst: str
    trend: pd.DataFrame
    gemeenten: pd.DataFrame
    benchmark: list[tuple[str, str, str]]
    opvolging: str
    bronnen: list[str] = field(default_factory=list)

    @property
    def onderwerp(self) -> str:
        """What the note is about: the municipality, or the whole team."""
        return self.gemeente or f"alle gemeenten van het {team_label_kort(self.team)}"

    @property
    def titel(self) -> str:
        return f"{team_label_kort(self.team)} in {self.onderwerp}: {self.periode.beschrijving}"


def gemeente_code(con: duckdb.DuckDBPyConnection, naam: str) -> tuple[str, str]:
    """Return (CBS code, official name) of the municipality called `naam` (case and spaces ignored)."""
    rijen = con.execute("SELECT code, naam FROM dim_gemeente ORDER BY naam").fetchall()
    gezocht = " ".join(naam.split()).lower()
    for code, officieel in rijen:
        if gezocht in (officieel.lower(), code.lower()):
            return code, officieel
    raise OnbekendeGemeente(
        f"Gemeente '{naam}' is onbekend. Bekende gemeenten: {', '.join(n for _, n in rijen)}."
    )


def _gemeente_naam(con: duckdb.DuckDBPyConnection, code: str) -> str:
    rij = con.execute("SELECT naam FROM dim_gemeente WHERE code = ?", [code]).fetchone()
    return rij[0] if rij else code


def _per_10000(cijfers: pd.DataFrame, kengetal: str) -> float | None:
    rij = cijfers[cijfers["kengetal"] == kengetal]
    return None if rij.empty or pd.isna(rij.iloc[0]["per_10000"]) else float(rij.iloc[0]["per_10000"])


def _aantal(cijfers: pd.DataFrame, kengetal: str) -> float:
    rij = cijfers[cijfers["kengetal"] == kengetal]
    return 0.0 if rij.empty or pd.isna(rij.iloc[0]["aantal"]) else float(rij.iloc[0]["aantal"])


def _klein(aantal: float, drempel: int | None) -> bool:
    """Whether a person count is suppressed (1 up to drempel - 1; None: nothing is)."""
    return drempel is not None and 0 < aantal < drempel


def _zonder_kleine_aantallen(frame: pd.DataFrame, drempel: int | None) -> pd.DataFrame:
    """`frame` with its persons column suppressed (primary and secondary along the column), or as it is."""
    if drempel is None or frame.empty:
        return frame
    return suppress(frame.reset_index(drop=True), ["aangetroffen_personen"], drempel).shown


def onderdrukking_tekst(drempel: int) -> str:
    """The sentence that says that (and why) the one-pager hides small person counts."""
    return (f"Aantallen personen onder de {drempel} zijn niet getoond ({hidden_label(drempel)}), en waar nodig ook "
            "een tweede aantal, zodat een verborgen aantal niet uit de totalen is terug te rekenen (zoals het CBS "
            "doet); zo is niemand in de cijfers herkenbaar (AVG).")


def _bronnen(con: duckdb.DuckDBPyConnection) -> list[str]:
    geladen = con.execute("SELECT max(geladen_op), count(*) FROM dim_bestand").fetchone()
    tot = f" (laatst geladen op {datum_lang(pd.Timestamp(geladen[0]).date())})" if geladen[0] is not None else ""
    return [
        f"Bron: de registraties van de partners, {getal(geladen[1])} bestanden in het KIT-dashboard{tot}; "
        "elke figuur is geteld uit de rijen, niet overgenomen uit een rapport.",
        f"Vergelijking: {team_label_kort(BENCHMARK_TEAM)} (Peelland Interventie Team), zijn hele periode in de "
        "gegevens. Inwoners: CBS Kerncijfers wijken en buurten (referentietabel gemeenten).",
    ]


def raadsnotitie(con: duckdb.DuckDBPyConnection, team: str, gemeente: str | None, periode: Periode,
                 drempel: int | None = None) -> Raadsnotitie:
    """Collect the one-pager of `team` for one municipality (CBS code) or the whole team (None) in `periode`;
    person counts below `drempel` suppressed (None: every count shown; see the module)."""
    naam = _gemeente_naam(con, gemeente) if gemeente else None
    f = Filter(teams=(team,), gemeenten=(gemeente,) if gemeente else (), start=periode.van, end=periode.tot)
    team_f = Filter(teams=(team,), start=periode.van, end=periode.tot)
    kern = kerncijfers(con, f).iloc[0]
    tegels = [
        ("Controleavonden", getal(kern["controleavonden"])),
        ("Bezochte objecten", getal(kern["bezochte_objecten"])),
        ("Aangetroffen personen", hidden_label(drempel) if _klein(kern["aangetroffen_personen"], drempel)
         else getal(kern["aangetroffen_personen"])),
        ("Overtredingen", getal(kern["overtredingen"])),
        (
            "Overtredingen opgevolgd",
            "–" if pd.isna(kern["aandeel_opgevolgd"]) else f"{getal(100 * kern['aandeel_opgevolgd'])}%",
        ),
        ("Partners per avond", getal(kern["partners_per_avond"], 1)),
    ]
    zinnen = list(samenvatting(con, f, drempel)["zin"])
    if not zinnen:
        zinnen = [f"In {periode.beschrijving} zijn in {naam or 'de gemeenten van het team'} geen controleavonden "
                  "gehouden."]
    gemeenten = per_gemeente(con, team_f)
    if naam is not None and len(gemeenten) > 1:
        rang = gemeenten.reset_index(drop=True)
        plek = rang.index[rang["gemeente_code"] == gemeente]
        if len(plek):
            zinnen.append(
                f"Van de {len(rang)} gemeenten waar het team in deze periode controleerde, staat {naam} met "
                f"{getal(rang.loc[plek[0], 'controleavonden'])} controleavonden op plaats {plek[0] + 1}."
            )
        else:
            zinnen.append(f"Het team controleerde in deze periode in {len(rang)} andere gemeenten, niet in {naam}.")
    eigen = vergelijking(con, f)
    pit = vergelijking(con, Filter(teams=(BENCHMARK_TEAM,)))
    benchmark: list[tuple[str, str, str]] = []
    for kengetal in VERGELEKEN:
        rij = eigen[eigen["kengetal"] == kengetal]
        naam_kengetal = rij.iloc[0]["kengetal_naam"] if not rij.empty else kengetal.replace("_", " ").capitalize()
        wij, zij = _per_10000(eigen, kengetal), _per_10000(pit, kengetal)
        if kengetal == "aangetroffen_personen":  # a rate of a hidden count would give the count back
            wij_tekst = "niet getoond" if _klein(_aantal(eigen, kengetal), drempel) else getal(wij, 2)
            zij_tekst = "niet getoond" if _klein(_aantal(pit, kengetal), drempel) else getal(zij, 2)
            benchmark.append((naam_kengetal, wij_tekst, zij_tekst))
        else:
            benchmark.append((naam_kengetal, getal(wij, 2), getal(zij, 2)))
    wij, zij = _per_10000(eigen, "controleavonden"), _per_10000(pit, "controleavonden")
    if wij is not None and zij:
        verhouding = "meer" if wij > zij else "minder" if wij < zij else "evenveel"
        zinnen.append(
            f"Omgerekend naar 10.000 inwoners per jaar hield het team hier {getal(wij, 2)} controleavonden, "
            f"{verhouding} dan het {team_label_kort(BENCHMARK_TEAM)} ({getal(zij, 2)})."
        )
    if int(kern["overtredingen"]) > 0:
        opvolging = (
            f"Van de {getal(kern['overtredingen'])} overtredingen hebben er {getal(kern['opgevolgd'])} "
            f"({getal(100 * kern['aandeel_opgevolgd'])}%) minstens één opvolgingsstap gekregen; de andere "
            f"{getal(kern['overtredingen'] - kern['opgevolgd'])} nog geen."
        )
    else:
        opvolging = "Er zijn in deze periode geen overtredingen vastgelegd, dus ook niets op te volgen."
    return Raadsnotitie(
        team=team,
        gemeente_code=gemeente,
        gemeente=naam,
        periode=periode,
        filter=f,
        kerncijfers=tegels,
        tekst=" ".join(zinnen),
        trend=_zonder_kleine_aantallen(trend_per_maand(con, f), drempel),
        gemeenten=_zonder_kleine_aantallen(gemeenten, drempel),
        benchmark=benchmark,
        opvolging=opvolging,
        bronnen=_bronnen(con) + ([onderdrukking_tekst(drempel)] if drempel is not None else []),
    )
