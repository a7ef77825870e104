"""Violation shares (named base), top 10, and the chi-square test on the small synthetic warehouse."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from metrics.filters import Filter
from metrics.overtredingen import (
    OVERIGE,
    aandelen_per_categorie,
    aandelen_per_categorie_per_team,
    categorievolgorde,
    chi_kwadraat,
    kruistabel,
    midden_van,
    rest_na_top,
    toets_tabel,
    top_overtredingen,
    twee_perioden,
    twee_teams,
)

PILOT = Filter(teams=("KIT-pilot",))


def _shares(frame) -> dict[str, float]:
    return dict(zip(frame["categorie"], frame["aandeel"], strict=True))


def test_share_of_persons_counts_persons_affected(con: duckdb.DuckDBPyConnection) -> None:
    frame = aandelen_per_categorie(con, PILOT, "personen")
    assert _shares(frame) == {
        "adresfraude": pytest.approx(3 / 25),  # person-level: P-1, P-2 (B1) and P-5 (B3)
        "strijdig gebruik bestemmingsplan": pytest.approx(15 / 25),  # object-level: everyone at B1 (10), B5 (5)
        "brandveiligheidseisen": pytest.approx(4 / 25),  # object-level: everyone at B2 (4)
    }
    assert set(frame["basis"]) == {"van de aangetroffen personen"}
    assert set(frame["noemer"]) == {25}


def test_share_of_objects(con: duckdb.DuckDBPyConnection) -> None:
    frame = aandelen_per_categorie(con, PILOT, "objecten")
    assert _shares(frame) == {
        "adresfraude": pytest.approx(2 / 5),  # B1, B3
        "strijdig gebruik bestemmingsplan": pytest.approx(2 / 5),  # B1, B5
        "brandveiligheidseisen": pytest.approx(1 / 5),  # B2
    }
    assert set(frame["basis"]) == {"van de bezochte objecten"}


def test_share_of_findings_includes_non_violations_in_the_base(con: duckdb.DuckDBPyConnection) -> None:
    frame = aandelen_per_categorie(con, PILOT, "bevindingen")
    assert _shares(frame)["adresfraude"] == pytest.approx(3 / 7)  # 7 findings, one (F6) is no violation
    assert "milieuovertreding" not in _shares(frame)


def test_share_per_municipality_uses_the_municipality_base(con: duckdb.DuckDBPyConnection) -> None:
    frame = aandelen_per_categorie(con, PILOT, "objecten", "gemeente")
    bergeijk = frame[frame["gemeente"] == "Bergeijk"]
    assert _shares(bergeijk) == {"strijdig gebruik bestemmingsplan": pytest.approx(1 / 2)}  # B5 of B4, B5
    veldhoven = frame[frame["gemeente"] == "Veldhoven"]
    assert _shares(veldhoven)["adresfraude"] == pytest.approx(2 / 3)  # B1, B3 of B1, B2, B3


def test_unknown_base_is_refused(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ValueError):
        aandelen_per_categorie(con, PILOT, "inwoners")


def test_top_and_rest(con: duckdb.DuckDBPyConnection) -> None:
    # ranks with ties, as the infographic: the four categories with 1 violation share places 3-6, so a top 3
    # keeps all of them and a top 2 leaves them (4 violations in 4 categories) to the rest
    top = top_overtredingen(con, Filter(), 3, alleen_top=True)
    assert list(top["categorie"])[:3] == ["adresfraude", "strijdig gebruik bestemmingsplan", "fraude energiemeters"]
    assert list(top["overtredingen"]) == [5, 2, 1, 1, 1, 1]
    assert (list(top["rang_min"]), list(top["rang_max"])) == ([1, 2, 3, 3, 3, 3], [1, 2, 6, 6, 6, 6])
    rest = rest_na_top(con, Filter(), 3).iloc[0]
    assert (rest["overtredingen"], rest["categorieen"]) == (0, 0)
    rest = rest_na_top(con, Filter(), 2).iloc[0]
    assert (rest["overtredingen"], rest["categorieen"]) == (4, 4)
    assert len(top_overtredingen(con, Filter(), 2, alleen_top=True)) == 2
    assert rest_na_top(con, Filter(), 10).iloc[0]["overtredingen"] == 0


def test_category_order_for_the_axis() -> None:
    frame = pd.DataFrame({"categorie_naam": ["B", "A", "B", "C"], "volgorde": [2, 1, 2, 3]})
    assert categorievolgorde(frame) == ["A", "B", "C"]


def test_chi_square_two_teams_pools_small_categories(con: duckdb.DuckDBPyConnection) -> None:
    groepen = twee_teams(Filter(teams=("KIT-pilot", "PIT")))
    tabel = kruistabel(con, groepen)
    assert len(tabel) == 12  # 2 groups x 6 categories, zeros filled in
    assert tabel.groupby("groep")["aandeel"].sum().round(9).tolist() == [1.0, 1.0]
    toets = chi_kwadraat(con, groepen).iloc[0]
    # n = 11 (6 + 5): every expected count is below 5 (largest: adresfraude 5 * 6 / 11 = 2.7), so all 6 categories
    # are pooled into one and no test is possible; no conclusion is printed
    assert toets["n"] == 11
    assert (toets["categorieen"], toets["samengevoegd"], toets["categorieen_getoetst"]) == (6, 6, 1)
    assert pd.isna(toets["chi2"]) and toets["conclusie"] is None
    assert "minder dan twee categorieën" in toets["reden"]


def test_chi_square_test_table_pools_and_concludes() -> None:
    matrix = pd.DataFrame(
        {"x": [20, 10], "y": [10, 20], "z": [3, 2], "w": [2, 3]}, index=["A", "B"]
    )
    uitkomst = toets_tabel(matrix)
    # z and w have expected 2.5 < 5 -> pooled into (5, 5); x, y expected 15: chi2 = 4 * 25 / 15 = 6.667, df 2
    assert (uitkomst["samengevoegd"], uitkomst["categorieen_getoetst"]) == (2, 3)
    assert uitkomst["chi2"] == pytest.approx(20 / 3)
    assert uitkomst["vrijheidsgraden"] == 2
    assert uitkomst["p_waarde"] == pytest.approx(0.035674, abs=1e-6)  # exp(-chi2 / 2) for 2 degrees of freedom
    assert uitkomst["kleine_verwachting"] == 0.0 and not uitkomst["waarschuwing"]
    assert uitkomst["conclusie"].startswith("De verdeling over de categorieën verschilt significant")


def test_chi_square_withholds_the_conclusion_when_cells_stay_small() -> None:
    # x, y expected 10 * 11 / 22 = 5 in both groups; the pooled rest (1, 1) has expected 1 -> 2 of 6 cells below 5
    uitkomst = toets_tabel(pd.DataFrame({"x": [7, 3], "y": [3, 7], "z": [1, 0], "w": [0, 1]}, index=["A", "B"]))
    assert uitkomst["samengevoegd"] == 2
    assert uitkomst["kleine_verwachting"] == pytest.approx(2 / 6)
    assert uitkomst["waarschuwing"]
    assert uitkomst["conclusie"].startswith("De uitkomst is onzeker")
    assert "significant" not in uitkomst["conclusie"]


def test_top_categories_with_one_pooled_row(con: duckdb.DuckDBPyConnection) -> None:
    # all teams: adresfraude 5, strijdig gebruik 2, then four categories with 1 violation each (ties by name)
    tabel = kruistabel(con, twee_teams(Filter(teams=("KIT-pilot", "PIT"))), top=2)
    assert list(tabel["categorie"].drop_duplicates()) == ["adresfraude", "strijdig gebruik bestemmingsplan", OVERIGE]
    overig = tabel[tabel["categorie"] == OVERIGE].set_index("groep")
    assert overig.loc["KIT-pilot", "aantal"] + overig.loc["PIT", "aantal"] == 4
    assert overig["categorie_naam"].iloc[0] == "Overige categorieën"
    assert tabel.groupby("groep")["aantal"].sum().to_dict() == {"KIT-pilot": 6, "PIT": 5}
    bevindingen = aandelen_per_categorie(con, Filter(), "bevindingen", top=2).set_index("categorie")
    assert list(bevindingen.sort_values("volgorde").index) == ["adresfraude", "strijdig gebruik bestemmingsplan",
                                                               OVERIGE]
    assert bevindingen.loc[OVERIGE, "teller"] == 4
    personen = aandelen_per_categorie(con, PILOT, "personen", top=1).set_index("categorie")
    # top 1 on the pilot: strijdig gebruik (15 persons); pooled: adresfraude P-1, P-2, P-5 and brand (4 at B2)
    assert personen.loc["strijdig gebruik bestemmingsplan", "teller"] == 15
    assert personen.loc[OVERIGE, "teller"] == 7
    assert len(aandelen_per_categorie(con, PILOT, "personen", top=10)) == 3  # nothing to pool


def test_chi_square_not_possible_without_violations(con: duckdb.DuckDBPyConnection) -> None:
    toets = chi_kwadraat(con, twee_teams(Filter(teams=("KIT-pilot", "KIT")))).iloc[0]
    assert pd.isna(toets["chi2"]) and pd.isna(toets["p_waarde"])
    assert toets["reden"] == "Geen overtredingen in: KIT."


def test_two_periods_split_the_filter() -> None:
    f = Filter(teams=("KIT-pilot",), start=date(2019, 2, 1), end=date(2019, 6, 30))
    assert midden_van(f) == date(2019, 4, 16)
    groepen = twee_perioden(f, date(2019, 4, 1))
    assert list(groepen) == ["01-02-2019 t/m 31-03-2019", "01-04-2019 t/m 30-06-2019"]
    assert [g.end for g in groepen.values()] == [date(2019, 3, 31), date(2019, 6, 30)]


def test_chi_square_two_periods(con: duckdb.DuckDBPyConnection) -> None:
    f = Filter(teams=("KIT-pilot",), start=date(2019, 2, 1), end=date(2019, 6, 30))
    toets = chi_kwadraat(con, twee_perioden(f, date(2019, 4, 1))).iloc[0]
    # March: adres 3, bestemmingsplan 1, brand 1; May: bestemmingsplan 1 -> 2 x 3 table, n = 6, all expected < 5
    assert toets["n"] == 6
    assert (toets["categorieen"], toets["samengevoegd"]) == (3, 3)
    assert pd.isna(toets["chi2"]) and toets["reden"] is not None


@pytest.mark.parametrize("basis", ["personen", "objecten", "bevindingen"])
@pytest.mark.parametrize("per, top", [(None, None), (None, 3), ("gemeente", 2), ("thema", None)])
def test_shares_of_every_team_in_one_query_are_each_teams_own(demo_warehouse: Path, basis: str, per: str | None,
                                                              top: int | None) -> None:
    """The Overtredingen page's one query for every team gives each team the rows of its own selection: its own
    top categories and pooled row, its own base and ranking (demo data: KIT pilot, KIT and PIT)."""
    with duckdb.connect(str(demo_warehouse), read_only=True) as demo:
        alle = aandelen_per_categorie_per_team(demo, Filter(), basis, per, top)
        teams = sorted(set(alle["team"]))
        assert teams == ["KIT", "KIT-pilot", "PIT"]
        for team in teams:
            eigen = aandelen_per_categorie(demo, Filter(teams=(team,)), basis, per, top)
            van_team = alle[alle["team"] == team].drop(columns="team").reset_index(drop=True)
            pd.testing.assert_frame_equal(van_team, eigen)
        if top == 3:  # KIT and PIT pool their other categories, the pilot has no more than three: nothing pooled
            gepoold = alle.groupby("team")["categorie"].apply(lambda c: int((c == OVERIGE).sum())).to_dict()
            assert gepoold == {"KIT": 1, "KIT-pilot": 0, "PIT": 1}
