"""Reproduce every published figure from warehouse rows and list the documents' inconsistencies.

`figures_table(con)` runs the catalogue of `metrics.published` against a warehouse connection and returns
one row per figure: what was printed, what the rows give, and whether they match under the printed
qualifier (`metrics.qualifiers`). `inconsistencies_table(con)` computes both sides of each listed
inconsistency. `python -m metrics reproduce` prints both and exits non-zero when a required figure does
not match.
"""

from __future__ import annotations

import inspect
import math
import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

import duckdb
import pandas as pd

from metrics import pilot
from metrics.format import getal
from metrics.interviews import PrimaryCoderError
from metrics.published import FIGURES, INCONSISTENCIES, Figure, Inconsistency, Metric, Side
from metrics.qualifiers import Qualifier, parse
from metrics.vergelijking import maanden_tussen

MATCH_ICON = {True: "✅", False: "❌"}
FIGURE_COLUMNS = [
    "id", "document", "sectie", "bron", "tekst", "gepubliceerd", "berekend", "match", "icoon", "regel", "basis",
    "teller", "noemer", "verplicht", "definitie", "toelichting",
]
INCONSISTENCY_COLUMNS = [
    "id", "onderwerp", "a_label", "a_gepubliceerd", "a_berekend", "a_herkomst", "b_label", "b_gepubliceerd",
    "b_berekend", "b_herkomst", "consistent", "status", "icoon", "toelichting",
]
HERKOMST = {True: "berekend", False: "uit de tekst"}
"""Where a side's value comes from: computed from rows, or taken from the printed text (dates, listed names)."""


class _Runner:
    """Runs each (metric, arguments) once per connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con
        self._cache: dict[tuple[Metric, tuple[tuple[str, Any], ...]], pd.DataFrame] = {}
        self._reasons: dict[tuple[Metric, tuple[tuple[str, Any], ...]], str] = {}

    def frame(self, metric: Metric, kwargs: Mapping[str, Any]) -> pd.DataFrame:
        """The metric's frame; an empty frame when the data cannot give one (the reason is in `reason`)."""
        key = (metric, tuple(sorted(kwargs.items())))
        if key not in self._cache:
            try:
                self._cache[key] = metric(self._con, **dict(kwargs))
            except PrimaryCoderError as exc:  # the interview workbook names no usable primary coder
                self._cache[key], self._reasons[key] = pd.DataFrame(), str(exc)
        return self._cache[key]

    def reason(self, metric: Metric, kwargs: Mapping[str, Any]) -> str:
        """Why `frame(metric, kwargs)` is empty when the data could not give it (Dutch), else ''."""
        return self._reasons.get((metric, tuple(sorted(kwargs.items()))), "")


def _select(df: pd.DataFrame, where: Mapping[str, Any]) -> pd.DataFrame:
    """Rows of `df` matching every condition (a tuple value means: any of these)."""
    if df.empty:
        return df
    mask = pd.Series(True, index=df.index)
    for column, wanted in where.items():
        if isinstance(wanted, tuple):
            mask &= df[column].isin(wanted)
        else:
            mask &= df[column] == wanted
    return df[mask]


def _number(value: Any) -> float | date | None:
    if value is None or (not isinstance(value, (tuple, list)) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(x) else x


def _value(df: pd.DataFrame, column: str | tuple[str, str], where: Mapping[str, Any]) -> Any:
    """The computed value: the column summed over the selected rows, a (low, high) pair, or a date.

    None when no row is selected (the figure has no rows behind it).
    """
    rows = _select(df, where)
    if rows.empty:
        return None
    if isinstance(column, tuple):
        if len(rows) != 1:
            return None
        low, high = (_number(rows[c].iloc[0]) for c in column)
        return None if low is None or high is None else (low, high)
    series = rows[column]
    if len(rows) == 1:
        return _number(series.iloc[0])
    total = pd.to_numeric(series, errors="coerce").sum(min_count=1)
    return _number(total)


def _sum(df: pd.DataFrame, column: str | None, where: Mapping[str, Any]) -> float | None:
    if column is None:
        return None
    rows = _select(df, where)
    if rows.empty:
        return None
    value = _number(pd.to_numeric(rows[column], errors="coerce").sum(min_count=1))
    return value if isinstance(value, float) else None


def format_value(value: Any, qualifier: Qualifier | None = None) -> str:
    """Show a computed value the way the document prints its kind of figure (Dutch separators)."""
    if value is None:
        return "– (geen rijen)"
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, tuple):
        low, high = value
        if qualifier is not None and qualifier.kind == "rang":
            return getal(low) if low == high else f"{getal(low)}–{getal(high)}"
        if qualifier is not None and qualifier.kind in ("lager", "hoger"):
            unit = "%" if qualifier.percent else ""
            shown = ["–" if pd.isna(x) else f"{getal(x, 1)}{unit}" for x in (low, high)]
            return f"{shown[0]} tegen {shown[1]}"
        return f"{getal(low)} – {getal(high)}"
    if qualifier is not None and qualifier.percent:
        return f"{getal(value, max(1, qualifier.digits + 1))}%"
    if qualifier is not None and qualifier.kind == "euro":
        return f"€{getal(value, 0 if float(value).is_integer() else 2)}"
    return getal(value) if float(value).is_integer() else getal(value, 1)


def _definition(metric: Metric) -> str:
    doc = inspect.getdoc(metric) or ""
    return doc.split("\n\n")[0].replace("\n", " ")


def evaluate_figure(runner: _Runner, figure: Figure) -> dict[str, Any]:
    """Compute one figure and decide its match."""
    qualifier = parse(figure.published)
    df = runner.frame(figure.metric, figure.kwargs)
    reason = runner.reason(figure.metric, figure.kwargs)
    value = _value(df, figure.column, figure.where)
    matched = bool(qualifier.match(value))
    return {
        "id": figure.id,
        "document": figure.document,
        "sectie": figure.section,
        "bron": f"{figure.document} {figure.section}",
        "tekst": figure.text,
        "gepubliceerd": figure.published,
        "berekend": "– (niet te berekenen)" if reason else format_value(value, qualifier),
        "waarde": value,
        "match": matched,
        "icoon": MATCH_ICON[matched] if figure.required else ("➖" if not matched else MATCH_ICON[True]),
        "regel": qualifier.rule,
        "basis": figure.base,
        "teller": _sum(df, figure.numerator, figure.where),
        "noemer": _sum(df, figure.denominator, figure.where),
        "verplicht": figure.required,
        "definitie": f"{figure.metric.__module__}.{figure.metric.__name__}: {_definition(figure.metric)}",
        "toelichting": " ".join(t for t in (reason, figure.note) if t),
    }


def figures_table(
    con: duckdb.DuckDBPyConnection,
    only_mismatches: bool = False,
    figures: Iterable[Figure] = FIGURES,
) -> pd.DataFrame:
    """One row per published figure: printed, computed from rows, match (under the printed qualifier).

    Columns: id, document, sectie, bron, tekst (as printed), gepubliceerd (the printed figure), berekend
    (the computed value, formatted), match, icoon, regel (the check applied), basis (what a share is of),
    teller/noemer (numerator/denominator where the figure is a share or a count of a base), verplicht (False
    for alternative readings that need not match), definitie (metric and its definition), toelichting.
    `only_mismatches` keeps the required figures that do not match (alternative readings are left out).
    """
    runner = _Runner(con)
    rows = [evaluate_figure(runner, f) for f in figures]
    df = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    if only_mismatches:
        df = df[~df["match"] & df["verplicht"]].reset_index(drop=True)
    return df


def figures_records(con: duckdb.DuckDBPyConnection, figures: Iterable[Figure] = FIGURES) -> list[dict[str, Any]]:
    """The figures as plain records for JSON: id, source, published, computed, value, match, required, rule,
    base, numerator, denominator, definition, note, text. `value` is the raw computed number (a [low, high]
    list for a range or rank interval, null without rows)."""
    runner = _Runner(con)
    records = []
    for figure in figures:
        row = evaluate_figure(runner, figure)
        value = row["waarde"]
        records.append({
            "id": row["id"], "source": row["bron"], "text": row["tekst"], "published": row["gepubliceerd"],
            "computed": row["berekend"], "value": list(value) if isinstance(value, tuple) else value,
            "match": row["match"], "required": row["verplicht"], "rule": row["regel"], "base": row["basis"],
            "numerator": row["teller"], "denominator": row["noemer"], "definition": row["definitie"],
            "note": row["toelichting"],
        })
    return records


def _side_value(runner: _Runner, side: Side) -> Any:
    if side.dates is not None:
        start, end = side.dates
        if side.unit == "weken":
            return round((end - start).days / 7, 1)
        # printed periods run from a first of the month to the first of the month after ("1-2-2019 - 1-4-2020"
        # is 14 months): the end date is not a day of the period
        return maanden_tussen(start, end - timedelta(days=1))
    if side.metric is None:
        return side.value
    value = _value(runner.frame(side.metric, side.kwargs), side.column, side.where)
    if isinstance(value, float):
        return value + side.add
    return value


def _format_side(value: Any, side: Side) -> str:
    if value is None:
        return "– (geen rijen)"
    if isinstance(value, float) and "%" in side.printed:
        return f"{getal(value, 1)}%"
    text = format_value(value)
    return f"{text} {side.unit}".strip() if side.unit else text


def _consistent(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b)
    return bool(a == b)


def evaluate_inconsistency(runner: _Runner, item: Inconsistency) -> dict[str, Any]:
    """Compute both sides of one inconsistency and whether they agree.

    When both sides carry a `printed_value` (the documents' own figures disagree, e.g. two printed dates), those
    are compared; the computed values then only show what the rows say beside each printed figure.
    """
    a, b = _side_value(runner, item.a), _side_value(runner, item.b)
    if item.a.printed_value is not None and item.b.printed_value is not None:
        consistent = _consistent(item.a.printed_value, item.b.printed_value)
    else:
        consistent = _consistent(a, b)
    return {
        "id": item.id,
        "onderwerp": item.title,
        "a_label": item.a.label,
        "a_gepubliceerd": item.a.printed,
        "a_berekend": _format_side(a, item.a),
        "a_herkomst": HERKOMST[item.a.metric is not None],
        "b_label": item.b.label,
        "b_gepubliceerd": item.b.printed,
        "b_berekend": _format_side(b, item.b),
        "b_herkomst": HERKOMST[item.b.metric is not None],
        "consistent": consistent,
        "status": ("consistent" if consistent else "tegenstrijdig") if item.same_thing else "verschillende begrippen",
        "icoon": ("✅" if consistent else "⚠️") if item.same_thing else "ℹ️",
        "toelichting": item.note,
    }


def inconsistencies_table(
    con: duckdb.DuckDBPyConnection, items: Iterable[Inconsistency] = INCONSISTENCIES
) -> pd.DataFrame:
    """One row per listed inconsistency: both sides as printed and as computed, and whether they agree.

    Columns: id, onderwerp, a_label, a_gepubliceerd, a_berekend, a_herkomst, b_label, b_gepubliceerd, b_berekend,
    b_herkomst, consistent, status (consistent | tegenstrijdig | verschillende begrippen), icoon, toelichting. A
    side without rows behind it (a duration from printed dates, a count of names in the text) has herkomst
    "uit de tekst", never "berekend".
    """
    runner = _Runner(con)
    return pd.DataFrame([evaluate_inconsistency(runner, i) for i in items], columns=INCONSISTENCY_COLUMNS)


def summary(figures: pd.DataFrame, soorten: pd.DataFrame | None = None) -> str:
    """One Dutch line: how many distinct computations match (the headline), what the printed entries are, how
    many entries deviate, and how many alternative readings were shown. `soorten` is `kinds()` of the same
    catalogue (computed from FIGURES when not given)."""
    soorten = kinds() if soorten is None else soorten
    df = figures.merge(soorten[["id", "soort"]], on="id", how="left")
    required = df[df["verplicht"]]
    eigen = required[required["soort"] != "herhaling"]
    telling = required["soort"].value_counts()
    delen = [f"{int(telling.get(k, 0))} {naam}" for k, naam in (
        ("getal", "getallen"), ("aanwezig", "aanwezigheid"), ("afwezig", "afwezigheid"),
        ("woord", "woorden gelezen als cijfer"), ("herhaling", "herhalingen"))]
    line = (f"{int(eigen['match'].sum())} van {len(eigen)} verschillende berekeningen gereproduceerd "
            f"({len(required)} gedrukte cijfers: {', '.join(delen)})")
    alternatives = int((~df["verplicht"]).sum())
    if alternatives:
        line += f", {alternatives} alternatieve lezingen getoond, niet meegeteld"
    failed = int((~required["match"]).sum())
    return line + (f"; {failed} gedrukte cijfers wijken af." if failed else "; alles klopt.")


def all_match(figures: pd.DataFrame) -> bool:
    """True when every required figure matches."""
    return bool(figures.loc[figures["verplicht"], "match"].all())


def _qualifier_examples(figures: Iterable[Figure], kinds: tuple[str, ...] = ("bijna", "ongeveer", "iets_meer")) -> str:
    """The first printed figure of each qualifier kind in `kinds` (required figures, catalogue order), quoted."""
    first: dict[str, str] = {}
    for figure in figures:
        kind = parse(figure.published).kind
        if figure.required and kind in kinds and kind not in first:
            first[kind] = figure.published
    return ", ".join(f'"{first[k]}"' for k in kinds if k in first)


def overview(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Headline counts of the reproduction, one row.

    Columns: berekeningen (distinct computations among the required entries: herhalingen left out, the
    headline), berekeningen_gereproduceerd (of those, matching), soort_<kind> (required entries per kind of
    SOORTEN: getal, aanwezig, afwezig, woord, herhaling), cijfers (required published figures), gereproduceerd
    (of those, matching), afwijkend (not
    matching), alternatieve_lezingen (figures shown beside the matched reading, not counted), tegenstrijdigheden
    (listed items whose two sides differ, 'verschillende begrippen' not included), consistent (listed items whose
    sides agree), begrippen (items that show two different notions side by side), voorbeelden (the first printed
    figure of each of the qualifiers "bijna", "zo'n"/"ongeveer" and "iets meer dan" in the catalogue, quoted and
    comma separated: how the documents word their figures).
    """
    figures = figures_table(con).merge(kinds()[["id", "soort"]], on="id", how="left")
    items = inconsistencies_table(con)
    required = figures[figures["verplicht"]]
    eigen = required[required["soort"] != "herhaling"]
    telling = required["soort"].value_counts()
    return pd.DataFrame(
        {
            "berekeningen": [len(eigen)],
            "berekeningen_gereproduceerd": [int(eigen["match"].sum())],
            **{f"soort_{k}": [int(telling.get(k, 0))] for k in SOORTEN},
            "cijfers": [len(required)],
            "gereproduceerd": [int(required["match"].sum())],
            "afwijkend": [int((~required["match"]).sum())],
            "alternatieve_lezingen": [int((~figures["verplicht"]).sum())],
            "tegenstrijdigheden": [int((items["status"] == "tegenstrijdig").sum())],
            "consistent": [int((items["status"] == "consistent").sum())],
            "begrippen": [int((items["status"] == "verschillende begrippen").sum())],
            "voorbeelden": [_qualifier_examples(FIGURES)],
        }
    )


def violation_bases(con: duckdb.DuckDBPyConnection, figures: Iterable[Figure] = FIGURES) -> pd.DataFrame:
    """The violation shares §6.1 prints without a base, set against the visited addresses as the base.

    One row per required figure of `pilot.overtredingen` (basis 'personen'), in catalogue order. Columns:
    id, tekst (as printed, from `metrics.published`), gepubliceerd (the printed share), adressen (visited
    addresses of the team, `pilot.activiteit`: the denominator of the addresses reading), heel_aantal (TRUE when
    some whole number of addresses out of `adressen` gives the printed share under its qualifier), lager_aantal
    / hoger_aantal (the whole numbers of addresses just below and above the printed share of `adressen`) with
    lager_pct / hoger_pct (100 * aantal / adressen). Source: HAM/KIT evaluation §6.1 "Overtredingen".
    """
    runner = _Runner(con)
    rows = []
    for figure in figures:
        if figure.metric is not pilot.overtredingen or not figure.required or figure.where.get("basis") != "personen":
            continue
        qualifier = parse(figure.published)
        kwargs = {k: v for k, v in figure.kwargs.items() if k == "team"}
        adressen = int(runner.frame(pilot.activiteit, kwargs)["adressen"].iloc[0])
        lager = math.floor(qualifier.value / 100 * adressen)
        rows.append({
            "id": figure.id,
            "tekst": figure.text,
            "gepubliceerd": figure.published,
            "adressen": adressen,
            "heel_aantal": adressen > 0 and any(
                bool(qualifier.match(100.0 * k / adressen)) for k in range(adressen + 1)
            ),
            "lager_aantal": lager,
            "lager_pct": 100.0 * lager / adressen if adressen else math.nan,
            "hoger_aantal": lager + 1,
            "hoger_pct": 100.0 * (lager + 1) / adressen if adressen else math.nan,
        })
    return pd.DataFrame(rows, columns=[
        "id", "tekst", "gepubliceerd", "adressen", "heel_aantal", "lager_aantal", "lager_pct", "hoger_aantal",
        "hoger_pct",
    ])


SOORTEN: dict[str, str] = {
    "getal": "gedrukt getal",
    "aanwezig": "aanwezigheid (meer dan 0)",
    "afwezig": "afwezigheid (0, geen)",
    "woord": "woord gelezen als cijfer (vooral, elke, alle, meervoud, vergelijking)",
    "herhaling": "herhaling van een ander cijfer (zelfde berekening)",
}
"""What a catalogue entry checks, in Dutch: the breakdown of the reproduction's headline."""

_NUMBER_WORDS = re.compile(r"\d|\b(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|"
                           r"dertig|veertig|vijftig|honderd\w*|duizend\w*|tientallen|geen|nul)\b", re.IGNORECASE)


def computation_key(figure: Figure) -> tuple[str, ...]:
    """What is computed for a figure: the metric, its arguments, the column and the row selection. Two figures
    with the same key are one computation (a reprint or a text sentence repeating a table cell)."""
    return (
        f"{figure.metric.__module__}.{figure.metric.__qualname__}",
        repr(sorted(figure.kwargs.items(), key=lambda kv: kv[0])),
        repr(figure.column),
        repr(sorted(figure.where.items(), key=lambda kv: kv[0])),
    )


def kinds(figures: Iterable[Figure] = FIGURES) -> pd.DataFrame:
    """Classify every catalogue entry (catalogue order): soort (a key of SOORTEN) and alias_van (the id of the
    first entry with the same computation, for a herhaling; else empty).

    - herhaling: the same computation (`computation_key`) as an earlier entry;
    - aanwezig: the printed figure only says "more than 0" (an action named without a number);
    - afwezig: the printed figure is 0 or "geen" (something that does not happen);
    - woord: a word read as a figure ("vooral" = above half, "elke"/"alle" = 100%), a comparison in words
      ("lopen voor", "lager dan") or a sentence without any number (a plural read as more than one);
    - getal: a printed number with its qualifier.
    Columns: id, soort, soort_naam, alias_van, verplicht.
    """
    first: dict[tuple[str, ...], str] = {}
    rows = []
    for figure in figures:
        key = computation_key(figure)
        q = parse(figure.published)
        alias = ""
        if key in first:
            soort, alias = "herhaling", first[key]
        elif q.kind == "meer" and q.value == 0:
            soort = "aanwezig"
        elif q.value == 0 and q.kind in ("exact", "percent"):
            soort = "afwezig"
        elif q.kind in ("alle", "lager", "hoger") or any(w in figure.published.lower() for w in _MOSTLY_WORDS):
            soort = "woord"
        elif not _NUMBER_WORDS.search(figure.text):
            soort = "woord"
        else:
            soort = "getal"
        first.setdefault(key, figure.id)
        rows.append({"id": figure.id, "soort": soort, "soort_naam": SOORTEN[soort], "alias_van": alias,
                     "verplicht": figure.required})
    return pd.DataFrame(rows, columns=["id", "soort", "soort_naam", "alias_van", "verplicht"])


_MOSTLY_WORDS = ("vooral", "meer dan de helft", "merendeels")
