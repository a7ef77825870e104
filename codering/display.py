"""On-screen tables of the coding page: the metric frames with Dutch headers and Dutch number text.

Presentation only: every figure comes from metrics.codering; here it is put in order and written the
Dutch way (0,167; 95,2%; "70% (48–85%)"), so pages/codering.py only lays out and draws.
"""

from __future__ import annotations

import pandas as pd

from ui.format import getal, procent

DIFF_HEADERS = {"respondent_id": "Respondent", "vraag_nr": "Vraag", "vastgesteld": "Vastgesteld",
                "vastgesteld_door": "Vastgesteld door", "toelichting": "Toelichting"}
"""Dutch headers of the disagreements table (coder columns keep the coder's name)."""


def p_value(value: float) -> str:
    """A p-value the Dutch way: three decimals, '< 0,001' below that, a dash when there is no test."""
    if pd.isna(value):  # no positive or negative answers: no test
        return "–"
    return "< 0,001" if value < 0.001 else getal(value, 3)


def share_with_interval(share: float, low: float, high: float) -> str:
    """A share with its 95% interval in whole percents: "70% (48–85%)"; a dash when n = 0."""
    if pd.isna(share):
        return "–"
    return f"{procent(share)} ({getal(low * 100)}–{procent(high)})"


def result_display(result: pd.DataFrame) -> pd.DataFrame:
    """metrics.codering.result_table as shown: the label right after the question, counts, then one column per
    code with its share and 95% Wilson interval, and the sign test p-value.

    Columns: Vraag, Vraagtekst, Oordeel, Positief, Negatief, Neutraal, n, Niet gevraagd, Positief (95%-BI),
    Negatief (95%-BI), Neutraal (95%-BI), p tekentoets.
    """
    shown = result[["vraag_nr", "vraag", "oordeel", "positief", "negatief", "neutraal", "n", "niet_gevraagd"]].rename(
        columns={"vraag_nr": "Vraag", "vraag": "Vraagtekst", "oordeel": "Oordeel", "positief": "Positief",
                 "negatief": "Negatief", "neutraal": "Neutraal", "niet_gevraagd": "Niet gevraagd"})
    for code in ("positief", "negatief", "neutraal"):
        shown[f"{code.capitalize()} (95%-BI)"] = [
            share_with_interval(a, lo, hi)
            for a, lo, hi in zip(result[f"aandeel_{code}"], result[f"{code}_laag"], result[f"{code}_hoog"],
                                 strict=True)
        ]
    shown["p tekentoets"] = [p_value(v) for v in result["p_tekentoets"]]
    return shown.reset_index(drop=True)


def reliability_display(rel: pd.DataFrame) -> pd.DataFrame:
    """metrics.codering.reliability as shown, for the rows with double-coded answers, numbers in Dutch text.

    Columns: Onderdeel, Codeurs, Dubbel gecodeerd, Overeenstemming (one decimal: "95,2%"), Cohens kappa and
    Krippendorffs alfa (three decimals: "0,167"; a dash when undefined).
    """
    shown = rel[rel["dubbel_gecodeerd"] > 0]
    return pd.DataFrame({
        "Onderdeel": shown["onderdeel"],
        "Codeurs": shown["codeurs"].astype(int),
        "Dubbel gecodeerd": shown["dubbel_gecodeerd"].astype(int),
        "Overeenstemming": [procent(v, 1) for v in shown["overeenstemming"]],
        "Cohens kappa": [getal(v, 3) for v in shown["kappa"]],
        "Krippendorffs alfa": [getal(v, 3) for v in shown["alpha"]],
    }).reset_index(drop=True)


def disagreements_display(diff: pd.DataFrame) -> pd.DataFrame:
    """metrics.codering.disagreements with Dutch headers: Respondent, Vraag, one column per coder, Vastgesteld,
    Vastgesteld door, Toelichting."""
    return diff.rename(columns=DIFF_HEADERS)
