"""The chain from signal to closure (metrics/keten.py) on the invented warehouse of tests/ketenwarehouse.py: seven
signals, nested stages, the evening-or-address link, shares that name their base, and the hit rate per source."""

from __future__ import annotations

import math
from datetime import date

import duckdb
import pytest

from metrics.filters import Filter
from metrics.keten import keten, signalen_keten, trefkans_per_bron

KIT = Filter(teams=("KIT",))
MEI = date(2021, 5, 31)
GEMEENTE = "Gemeente (toezicht en handhaving)"


@pytest.fixture(scope="module")
def con(keten_con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The chain warehouse of tests/ketenwarehouse.py (tests/conftest.py)."""
    return keten_con


def test_stages_per_signal(con: duckdb.DuckDBPyConnection) -> None:
    s = signalen_keten(con, KIT, MEI).set_index("signaal_id")
    stages = s[["besproken", "bezocht", "overtreding", "opgevolgd", "afgesloten"]].astype(int)
    assert stages.values.tolist() == [
        [1, 1, 1, 1, 1],  # M1: ADR-1 visited on K1 (its evening); F1 closed by S1, F2 by S3
        [1, 1, 1, 1, 0],  # M2: ADR-2 on K1; F3 has steps (S4 open, S5 lapsed) but none afgerond
        [1, 0, 0, 0, 0],  # M3: discussed, rejected, never visited
        [0, 0, 0, 0, 0],  # M4: new, not discussed
        [1, 1, 1, 0, 0],  # M5: no evening named; ADR-3 visited on K2 after the signal (address link); F6 no step
        [1, 0, 0, 0, 0],  # M6: names K2, but K2 did not visit ADR-5: not visited
        [0, 0, 0, 0, 0],  # M7: ADR-3 was visited, but M7 was never discussed: the chain stops at the start
    ]
    assert s["koppeling"].tolist() == ["controleavond", "controleavond", "adres", "adres", "adres",
                                       "controleavond", "adres"]
    assert s.loc["M5", "overtredingen"] == 2


def test_funnel_over_the_selection(con: duckdb.DuckDBPyConnection) -> None:
    k = keten(con, KIT, None, MEI)
    assert k["signalen"].tolist() == [7, 5, 3, 3, 2, 1]
    assert k["basis_vorige"].tolist() == [7, 7, 5, 3, 3, 2]
    assert k["aandeel_vorige"].tolist() == pytest.approx([1, 5 / 7, 3 / 5, 1, 2 / 3, 1 / 2])
    assert k["aandeel_signalen"].tolist() == pytest.approx([1, 5 / 7, 3 / 7, 3 / 7, 2 / 7, 1 / 7])
    assert set(k["basis_signalen"]) == {7}
    assert k["stap_naam"].tolist()[-1] == "Alle overtredingen afgesloten"


def test_funnel_per_gemeente_and_per_source(con: duckdb.DuckDBPyConnection) -> None:
    g = keten(con, KIT, "gemeente", MEI)
    assert g.query("gemeente == 'Bladel'")["signalen"].tolist() == [4, 3, 2, 2, 2, 1]
    best = g.query("gemeente == 'Best'")
    assert best["signalen"].tolist() == [3, 2, 1, 1, 0, 0]
    assert math.isnan(best["aandeel_vorige"].iloc[-1])  # nobody was followed up: no base for closure
    b = keten(con, KIT, "bron", MEI)
    assert b.query("bron == @GEMEENTE")["signalen"].tolist() == [3, 2, 2, 2, 1, 1]
    assert b.query("bron == 'Politie basisteam'")["signalen"].tolist() == [2, 2, 1, 1, 1, 0]
    with pytest.raises(ValueError):
        keten(con, KIT, "thema", MEI)


def test_hit_rate_per_source(con: duckdb.DuckDBPyConnection) -> None:
    t = trefkans_per_bron(con, KIT, MEI)
    assert t.values.tolist() == [
        [GEMEENTE, 3, 2, 2, pytest.approx(2 / 3)],
        ["Politie basisteam", 2, 1, 1, 0.5],
        ["Inspectie SZW", 1, 0, 0, 0.0],
        ["UWV", 1, 0, 0, 0.0],
    ]


def test_as_of_an_earlier_date(con: duckdb.DuckDBPyConnection) -> None:
    # on 20-03-2021: M7 (15-03 is before) is in, K2 (01-04) had not happened, so M5 is not yet visited;
    # M1's F1 closed on 20-03, but F2 only on 25-03: M1 not yet closed
    k = keten(con, KIT, None, date(2021, 3, 20))
    assert k["signalen"].tolist() == [7, 5, 2, 2, 2, 0]
    early = keten(con, KIT, None, date(2021, 2, 4))  # only M1 and M2, not yet discussed (15-02)
    assert early["signalen"].tolist() == [2, 0, 0, 0, 0, 0]


def test_empty_selection(con: duckdb.DuckDBPyConnection) -> None:
    assert keten(con, Filter(teams=("PIT",)), "gemeente", MEI).empty
    assert trefkans_per_bron(con, Filter(teams=("PIT",)), MEI).empty
