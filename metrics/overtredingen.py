"""Violations by category: shares with a named base, the top 10 of the PIT infographic, and a chi-square test.

Sources: fct_bevinding (category, overtreding), fct_bezoek (objects and persons found); the PIT 2017
infographic "Bevindingen acties: Top 10 van de meest voorkomende overtredingen"; HAM/KIT evaluation §6.1
("40% in overtreding op de basisregistratie personen").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import duckdb
import pandas as pd
from scipy.stats import chi2_contingency

from metrics.filters import Filter

BASES: dict[str, str] = {
    "personen": "van de aangetroffen personen",
    "objecten": "van de bezochte objecten",
    "bevindingen": "van alle bevindingen",
}
"""The base a share is computed on, with the Dutch words that name it next to every share."""

GROEPERINGEN: dict[str, str] = {"gemeente": "gemeente", "object_type": "object_type", "thema": "thema"}
"""Columns a share can be split by (fct_bevinding and fct_bezoek both carry them)."""


OVERIGE = "overige"
"""Category code of the pooled row "Overige categorieën" (all categories outside the top n)."""


def _categorie_sql(top: list[str] | None) -> tuple[str, str, list[str]]:
    """SQL expressions for the category code and name, pooling categories outside `top` into OVERIGE."""
    if top is None:
        return "categorie", "coalesce(categorie_naam, categorie)", []
    lijst = ", ".join("?" for _ in top) or "NULL"
    return (
        f"CASE WHEN categorie IN ({lijst}) THEN categorie ELSE '{OVERIGE}' END",
        f"CASE WHEN categorie IN ({lijst}) THEN coalesce(categorie_naam, categorie) ELSE 'Overige categorieën' END",
        list(top),
    )


def _top_categorieen(frame: pd.DataFrame, waarde: str, top: int) -> list[str] | None:
    """The `top` categories with the largest total `waarde` over all groups (ties by name), or None when there
    are no more than `top` categories (nothing to pool)."""
    totaal = frame.groupby(["categorie", "categorie_naam"], as_index=False)[waarde].sum()
    if len(totaal) <= top:
        return None
    totaal = totaal.sort_values([waarde, "categorie_naam"], ascending=[False, True])
    return list(totaal["categorie"].head(top))


def _volgorde(frame: pd.DataFrame, waarde: str) -> pd.Series:
    """Rank of each row's category by its total `waarde` over all groups (1 = largest; the pooled row last)."""
    totaal = frame.groupby("categorie")[waarde].sum()
    namen = frame.drop_duplicates("categorie").set_index("categorie")["categorie_naam"]
    volgorde = (
        pd.DataFrame({"totaal": totaal, "naam": namen.reindex(totaal.index), "overig": totaal.index == OVERIGE})
        .sort_values(["overig", "totaal", "naam"], ascending=[True, False, True])
    )
    rang = pd.Series(range(1, len(volgorde) + 1), index=volgorde.index)
    return frame["categorie"].map(rang).astype("int64")


def aandelen_per_categorie(
    con: duckdb.DuckDBPyConnection, f: Filter, basis: str = "personen", per: str | None = None,
    top: int | None = None,
) -> pd.DataFrame:
    """Share of each violation category on the chosen base, optionally per municipality, object type or theme.

    Numerator (teller), per category:
    - basis "personen": persons affected, summed over visits: all persons found at the visit
      (aantal_personen) when the visit has an object-level violation of that category (persoon_id empty),
      otherwise the distinct persons with a person-level violation; denominator: persons found, sum of
      fct_bezoek.aantal_personen. (The same reading as the reproduction of §6.1, metrics/pilot.py, which
      gives the printed 40% / 26% / 8%.)
    - basis "objecten": distinct visits (objects) with at least one violation of that category (about the
      object or one of its persons); denominator: visits in fct_bezoek.
    - basis "bevindingen": violations of that category; denominator: all findings (violations or not).
    The denominator covers the whole selection (or the whole group when `per` is given), so categories
    with no violation in a group simply do not appear. With `top`, only the `top` categories with the largest
    total numerator (over all groups) are kept and the rest is pooled into one category OVERIGE ("Overige
    categorieën"), counted with the same rule (a person or object with violations in several pooled categories
    counts once). volgorde ranks the categories by total numerator, descending, the pooled row last.
    Columns: [groep], categorie, categorie_naam, teller, noemer, aandeel, basis (the Dutch name of the base),
    volgorde.
    """
    if basis not in BASES:
        raise ValueError(f"unknown base {basis!r}; choose from {sorted(BASES)}")
    if per is not None and per not in GROEPERINGEN:
        raise ValueError(f"unknown grouping {per!r}; choose from {sorted(GROEPERINGEN)}")
    gekozen = None
    if top is not None:
        alles = aandelen_per_categorie(con, f, basis, per)
        gekozen = _top_categorieen(alles, "teller", top)
        if gekozen is None:
            return alles
    cat, naam, cat_params = _categorie_sql(gekozen)
    frame = _aandelen(con, f, basis, per, cat, naam, cat_params, "'alle'")
    frame["volgorde"] = _volgorde(frame, "teller") if not frame.empty else pd.Series(dtype="int64")
    return _groep_kolom(frame.drop(columns="team"), per)


def _groep_kolom(frame: pd.DataFrame, per: str | None) -> pd.DataFrame:
    """`frame` with its groep column named after `per`, or dropped without a grouping."""
    return frame.drop(columns="groep") if per is None else frame.rename(columns={"groep": per})


def _aandelen(con: duckdb.DuckDBPyConnection, f: Filter, basis: str, per: str | None, cat: str, naam: str,
              cat_params: list[object], team: str) -> pd.DataFrame:
    """The counts of `aandelen_per_categorie` per `team` (a SQL expression: the column team, or a constant), group
    and category expression `cat` (named `naam`). Columns: team, groep, categorie, categorie_naam, teller, noemer,
    aandeel, basis."""
    groep = GROEPERINGEN[per] if per else "'alle'"
    cond, params = f.sql()
    teller_sql = {
        "personen": f"""
            SELECT team, groep, categorie, any_value(categorie_naam) AS categorie_naam, sum(getroffen) AS teller
            FROM (
                SELECT {team} AS team, {groep} AS groep, {cat} AS categorie, any_value({naam}) AS categorie_naam,
                       CASE WHEN bool_or(persoon_id IS NULL) THEN max(personen_op_bezoek)
                            ELSE count(DISTINCT persoon_id) END AS getroffen
                FROM fct_bevinding WHERE overtreding AND {cond} GROUP BY 1, 2, 3, bezoek_id
            ) GROUP BY team, groep, categorie""",
        "objecten": f"""
            SELECT {team} AS team, {groep} AS groep, {cat} AS categorie, any_value({naam}) AS categorie_naam,
                   count(DISTINCT bezoek_id) AS teller
            FROM fct_bevinding WHERE overtreding AND {cond} GROUP BY 1, 2, 3""",
        "bevindingen": f"""
            SELECT {team} AS team, {groep} AS groep, {cat} AS categorie, any_value({naam}) AS categorie_naam,
                   count(*) AS teller
            FROM fct_bevinding WHERE overtreding AND {cond} GROUP BY 1, 2, 3""",
    }[basis]
    noemer_sql = {
        "personen": f"SELECT {team} AS team, {groep} AS groep, sum(aantal_personen) AS noemer FROM fct_bezoek "
                    f"WHERE {cond} GROUP BY 1, 2",
        "objecten": f"SELECT {team} AS team, {groep} AS groep, count(*) AS noemer FROM fct_bezoek WHERE {cond} "
                    "GROUP BY 1, 2",
        "bevindingen": f"SELECT {team} AS team, {groep} AS groep, count(*) AS noemer FROM fct_bevinding "
                       f"WHERE {cond} GROUP BY 1, 2",
    }[basis]
    return con.execute(
        f"""
        WITH teller AS ({teller_sql}),
             noemer AS ({noemer_sql})
        SELECT t.team, t.groep, t.categorie, t.categorie_naam, t.teller::BIGINT AS teller, n.noemer::BIGINT AS noemer,
               t.teller / nullif(n.noemer, 0) AS aandeel, ? AS basis
        FROM teller t JOIN noemer n USING (team, groep)
        ORDER BY t.team, t.groep, t.teller DESC, t.categorie_naam
        """,
        [*cat_params, *cat_params, *params, *params, BASES[basis]],
    ).df()


def aandelen_per_categorie_per_team(
    con: duckdb.DuckDBPyConnection, f: Filter, basis: str = "personen", per: str | None = None,
    top: int | None = None,
) -> pd.DataFrame:
    """`aandelen_per_categorie` of every team of the selection in two queries instead of two per team: per team
    the same rows as `aandelen_per_categorie(con, replace(f, teams=(team,)), basis, per, top)` (each team's own
    top categories, its own pooled row OVERIGE and its own volgorde; teams are never added up).
    Columns: team, then those of `aandelen_per_categorie`; ordered by team.
    """
    if basis not in BASES:
        raise ValueError(f"unknown base {basis!r}; choose from {sorted(BASES)}")
    if per is not None and per not in GROEPERINGEN:
        raise ValueError(f"unknown grouping {per!r}; choose from {sorted(GROEPERINGEN)}")
    frame = _aandelen(con, f, basis, per, *_categorie_sql(None), "team")
    if top is not None:
        gepoold = {team: _top_categorieen(deel, "teller", top) for team, deel in frame.groupby("team")}
        houden = [f"{team}\x1f{c}" for team, gekozen in gepoold.items() if gekozen is not None for c in gekozen]
        alles = [team for team, gekozen in gepoold.items() if gekozen is None]
        if houden:
            sleutel = "list_contains(?::VARCHAR[], team || chr(31) || categorie)"
            cat = f"CASE WHEN list_contains(?::VARCHAR[], team) OR {sleutel} THEN categorie ELSE '{OVERIGE}' END"
            naam = (f"CASE WHEN list_contains(?::VARCHAR[], team) OR {sleutel} THEN coalesce(categorie_naam, "
                    "categorie) ELSE 'Overige categorieën' END")
            frame = _aandelen(con, f, basis, per, cat, naam, [alles, houden], "team")
    delen = [deel.assign(volgorde=_volgorde(deel, "teller")) for _, deel in frame.groupby("team", sort=True)]
    if not delen:
        return _groep_kolom(frame.assign(volgorde=pd.Series(dtype="int64")), per)
    return _groep_kolom(pd.concat(delen, ignore_index=True), per)


def categorievolgorde(frame: pd.DataFrame) -> list[str]:
    """The category names of a frame with a `volgorde` column (`aandelen_per_categorie`, `kruistabel`) in that
    order, each once: the order of the categories on a chart axis."""
    return list(frame.sort_values("volgorde", kind="stable")["categorie_naam"].drop_duplicates())


def top_overtredingen(
    con: duckdb.DuckDBPyConnection, f: Filter, n: int = 10, alleen_top: bool = False
) -> pd.DataFrame:
    """Violations per finding category, ranked with ties as in the PIT infographic ("54 keer adresfraude").

    overtredingen = findings with overtreding = TRUE in that category (fct_bevinding, within the filter).
    rang_min, rang_max = the ranks the category holds: equal counts share a range (two categories with 14 at
    places 6-7 both get 6..7); in_top = rang_min <= n, so a tie at place n keeps every tied category in the
    top. All categories with a violation, or only those in the top with `alleen_top`; ordered by count
    descending, then name. Columns: categorie, categorie_naam, overtredingen, rang_min, rang_max, in_top.
    Source: PIT evaluation infographic "Top 10 van de meest voorkomende overtredingen".
    """
    cond, params = f.sql()
    ranked = con.execute(
        f"""
        WITH c AS (SELECT categorie, any_value(coalesce(categorie_naam, categorie)) AS categorie_naam,
                          count(*) AS overtredingen
                   FROM fct_bevinding WHERE overtreding AND {cond} GROUP BY categorie)
        SELECT categorie, categorie_naam, overtredingen,
               rank() OVER (ORDER BY overtredingen DESC) AS rang_min,
               count(*) OVER (ORDER BY overtredingen DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
                 AS rang_max,
               rank() OVER (ORDER BY overtredingen DESC) <= ? AS in_top
        FROM c ORDER BY overtredingen DESC, categorie_naam, categorie
        """,
        [*params, n],
    ).df()
    return ranked[ranked["in_top"]].reset_index(drop=True) if alleen_top else ranked


def rest_na_top(con: duckdb.DuckDBPyConnection, f: Filter, n: int = 10) -> pd.DataFrame:
    """The violations outside the top n: "+ nog X bevindingen verspreid over Y categorieën" (PIT infographic).

    overtredingen = violations whose category is not in the top n of `top_overtredingen` (ties at place n
    count as top); categorieen = the number of such categories. One row.
    """
    ranked = top_overtredingen(con, f, n)
    rest = ranked[~ranked["in_top"]]
    return pd.DataFrame({"overtredingen": [int(rest["overtredingen"].sum())], "categorieen": [len(rest)]})


def kruistabel(con: duckdb.DuckDBPyConnection, groepen: dict[str, Filter], top: int | None = None) -> pd.DataFrame:
    """Violations per category for each named group (e.g. two teams or two periods), in long form.

    aantal = findings with overtreding = TRUE per category in the group's filter; categories that occur in
    any group are listed for every group (0 where absent); aandeel = aantal / all violations of that group
    (base: the group's violations). With `top`, the `top` categories with the most violations over all groups
    are kept and the rest is summed into one category OVERIGE ("Overige categorieën"). volgorde ranks the
    categories by their total over the groups, descending, the pooled row last. Columns: groep, categorie,
    categorie_naam, aantal, aandeel, volgorde.
    """
    kolommen = ["groep", "categorie", "categorie_naam", "aantal", "aandeel", "volgorde"]
    delen = []
    for label, f in groepen.items():
        cond, params = f.sql()
        deel = con.execute(
            f"""
            SELECT ? AS groep, categorie, any_value(coalesce(categorie_naam, categorie)) AS categorie_naam,
                   count(*) AS aantal
            FROM fct_bevinding WHERE overtreding AND {cond} GROUP BY categorie
            """,
            [label, *params],
        ).df()
        delen.append(deel)
    lang = pd.concat(delen, ignore_index=True) if delen else pd.DataFrame()
    if lang.empty:
        return pd.DataFrame(columns=kolommen)
    gekozen = _top_categorieen(lang, "aantal", top) if top is not None else None
    if gekozen is not None:
        overig = ~lang["categorie"].isin(gekozen)
        lang.loc[overig, "categorie"] = OVERIGE
        lang.loc[overig, "categorie_naam"] = "Overige categorieën"
        lang = lang.groupby(["groep", "categorie", "categorie_naam"], as_index=False, sort=False)["aantal"].sum()
    namen = lang.drop_duplicates("categorie").set_index("categorie")["categorie_naam"]
    volledig = pd.MultiIndex.from_product([list(groepen), sorted(namen.index)], names=["groep", "categorie"])
    tabel = lang.set_index(["groep", "categorie"])["aantal"].reindex(volledig, fill_value=0).reset_index()
    tabel["categorie_naam"] = tabel["categorie"].map(namen)
    tabel["aantal"] = tabel["aantal"].astype("int64")
    totaal = tabel.groupby("groep")["aantal"].transform("sum")
    tabel["aandeel"] = tabel["aantal"] / totaal.where(totaal > 0)
    tabel["volgorde"] = _volgorde(tabel, "aantal")
    return tabel.sort_values(["volgorde", "groep"], kind="stable")[kolommen].reset_index(drop=True)


def toets_tabel(matrix: pd.DataFrame) -> dict[str, object]:
    """Chi-square test of independence on a contingency table (rows: groups, columns: categories, counts).

    Categories with an expected count below 5 in any group are pooled into one column OVERIGE first (expected
    count of a cell = row total * column total / n); when the pooled column is itself too small in a group it
    is kept anyway (the caveat below then reports it). scipy.stats.chi2_contingency without continuity
    correction on the pooled table. kleine_verwachting = share of cells of the pooled table with an expected
    count below 5; waarschuwing is TRUE when that share exceeds 20% (the usual rule of thumb): the p-value is
    then unreliable and conclusie says the outcome is uncertain instead of stating a (non-)difference. When
    fewer than two categories remain the test is not possible: reden says why. Keys: categorieen (before
    pooling), categorieen_getoetst, samengevoegd (categories pooled), chi2, vrijheidsgraden, p_waarde,
    kleine_verwachting, waarschuwing, reden, conclusie.
    """
    resultaat: dict[str, object] = {
        "categorieen": matrix.shape[1], "categorieen_getoetst": None, "samengevoegd": 0, "chi2": None,
        "vrijheidsgraden": None, "p_waarde": None, "kleine_verwachting": None, "waarschuwing": False,
        "reden": None, "conclusie": None,
    }
    n = matrix.to_numpy().sum()
    verwacht = pd.DataFrame(
        matrix.sum(axis=1).to_numpy()[:, None] * matrix.sum(axis=0).to_numpy()[None, :] / n,
        index=matrix.index, columns=matrix.columns,
    )
    groot = (verwacht >= 5).all(axis=0)
    getoetst = matrix.loc[:, groot]
    if (~groot).any():
        getoetst = getoetst.assign(**{OVERIGE: matrix.loc[:, ~groot].sum(axis=1)})
        resultaat["samengevoegd"] = int((~groot).sum())
    resultaat["categorieen_getoetst"] = getoetst.shape[1]
    if getoetst.shape[1] < 2:
        resultaat["reden"] = (
            "Na het samenvoegen van categorieën met een verwachte frequentie onder 5 blijft minder dan twee "
            "categorieën over: er zijn te weinig overtredingen om de verdelingen te toetsen."
        )
        return resultaat
    toets = chi2_contingency(getoetst.to_numpy(), correction=False)
    klein = float((toets.expected_freq < 5).mean())
    waarschuwing = klein > 0.2
    if waarschuwing:
        conclusie = "De uitkomst is onzeker: er zijn te weinig overtredingen per categorie voor een betrouwbare toets."
    elif toets.pvalue < 0.05:
        conclusie = "De verdeling over de categorieën verschilt significant tussen de groepen (p < 0,05)."
    else:
        conclusie = "Er is geen significant verschil in de verdeling over de categorieën (p ≥ 0,05)."
    resultaat.update(
        chi2=float(toets.statistic), vrijheidsgraden=int(toets.dof), p_waarde=float(toets.pvalue),
        kleine_verwachting=klein, waarschuwing=waarschuwing, conclusie=conclusie,
    )
    return resultaat


def chi_kwadraat(con: duckdb.DuckDBPyConnection, groepen: dict[str, Filter]) -> pd.DataFrame:
    """Chi-square test of independence: do the violation category distributions of the groups differ?

    Contingency table: groups x categories from `kruistabel` (counts of violations), tested by `toets_tabel`
    (small categories pooled first; uncertain outcome when still more than 20% of expected counts are below 5).
    When a group has no violations or fewer than two categories occur, the test is not possible: chi2,
    p_waarde and vrijheidsgraden are NULL and reden says why. One row: n, groepen, categorieen,
    categorieen_getoetst, samengevoegd, chi2, vrijheidsgraden, p_waarde, kleine_verwachting, waarschuwing,
    reden, conclusie.
    """
    tabel = kruistabel(con, groepen)
    matrix = tabel.pivot_table(index="groep", columns="categorie", values="aantal", aggfunc="sum", fill_value=0)
    matrix = matrix.reindex(list(groepen), fill_value=0)
    n = int(matrix.to_numpy().sum())
    leeg = [g for g in groepen if matrix.loc[g].sum() == 0] if not matrix.empty else list(groepen)
    resultaat: dict[str, object] = {
        "n": n, "groepen": len(groepen), "categorieen": matrix.shape[1], "categorieen_getoetst": None,
        "samengevoegd": 0, "chi2": None, "vrijheidsgraden": None, "p_waarde": None, "kleine_verwachting": None,
        "waarschuwing": False, "reden": None, "conclusie": None,
    }
    if len(groepen) < 2:
        resultaat["reden"] = "Er zijn twee groepen nodig om te vergelijken."
    elif leeg:
        resultaat["reden"] = "Geen overtredingen in: " + ", ".join(leeg) + "."
    elif matrix.shape[1] < 2:
        resultaat["reden"] = "Er komt maar één categorie voor; er valt geen verdeling te vergelijken."
    else:
        resultaat.update(toets_tabel(matrix))
    return pd.DataFrame([resultaat])


def twee_teams(f: Filter) -> dict[str, Filter]:
    """The groups for a team comparison: one Filter per chosen team (same municipalities and period)."""
    return {team: replace(f, teams=(team,)) for team in f.teams}


def twee_perioden(f: Filter, splitsdatum: date) -> dict[str, Filter]:
    """The groups for a period comparison: the filter's period cut in two at `splitsdatum`.

    Group 1 runs from the filter's start up to the day before `splitsdatum`, group 2 from `splitsdatum` to
    the filter's end; the labels name the dates (dd-mm-jjjj).
    """
    eerste_eind = splitsdatum - timedelta(days=1)
    van = f.start.strftime("%d-%m-%Y") if f.start else "begin"
    tot = f.end.strftime("%d-%m-%Y") if f.end else "eind"
    return {
        f"{van} t/m {eerste_eind.strftime('%d-%m-%Y')}": replace(f, end=eerste_eind),
        f"{splitsdatum.strftime('%d-%m-%Y')} t/m {tot}": replace(f, start=splitsdatum),
    }


def midden_van(f: Filter) -> date | None:
    """The middle day of the filter's period (a default split date), or None when the period is open."""
    if f.start is None or f.end is None:
        return None
    return f.start + (f.end - f.start) / 2
