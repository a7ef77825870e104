"""Chart downloads for Dutch Excel: semicolon CSV with decimal comma, Dutch headers, shares as percentages, team
display names; and full euro amounts on a money axis."""

from __future__ import annotations

import pandas as pd
import plotly.express as px

from ui.charts import csv_bytes, euro_as, export_frame, met_teamnamen


def test_export_frame_has_dutch_headers_and_percentages() -> None:
    frame = pd.DataFrame(
        {"team": ["KIT-pilot", "PIT"], "categorie": ["adresfraude", "milieu"], "categorie_naam": ["Adres", "Milieu"],
         "teller": [3, 1], "noemer": [25, 13], "aandeel": [0.12, 1 / 13], "avonden_aanwezig": [2, 1]}
    )
    out = export_frame(frame)
    assert list(out.columns) == ["Team", "Categoriecode", "Categorie", "Aantal", "Basis", "Aandeel (%)",
                                 "Avonden aanwezig"]
    assert list(out["Team"]) == ["KIT pilot", "PIT"]
    assert out["Aandeel (%)"].round(4).tolist() == [12.0, 7.6923]
    assert list(export_frame(frame, {"aandeel": "Aandeel van de personen"}).columns)[5] == "Aandeel van de personen (%)"


def test_csv_for_dutch_excel() -> None:
    tekst = csv_bytes(export_frame(pd.DataFrame({"aandeel": [0.125], "bedrag_eur": [1234.5]}))).decode("utf-8-sig")
    assert tekst.splitlines() == ["Aandeel (%);Bedrag (euro)", "12,5;1234,5"]


def test_team_codes_become_display_names_before_plotting() -> None:
    frame = pd.DataFrame({"team": ["KIT-pilot", "KIT"], "x": [1, 2]})
    assert list(met_teamnamen(frame)["team"]) == ["KIT pilot", "KIT"]
    assert list(frame["team"]) == ["KIT-pilot", "KIT"]  # the input is not changed


def test_money_axis_shows_full_euros() -> None:
    fig = euro_as(px.bar(x=[1_250_000], y=["UWV"], orientation="h"), "x")
    assert (fig.layout.xaxis.tickprefix, fig.layout.xaxis.tickformat) == ("€ ", ",.0f")


def test_export_frame_leaves_the_callers_frame_alone() -> None:
    import pandas as pd

    from ui.charts import export_frame

    df = pd.DataFrame({"stap": ["a"], "aandeel_vorige": [0.5]})
    assert export_frame(df).iloc[0, 1] == 50.0
    assert df["aandeel_vorige"].tolist() == [0.5]  # a cached metric frame must not be scaled in place
