"""On-screen text and tables of the coding page: metric frames with Dutch headers and Dutch number text.

Presentation only: every figure comes from metrics.codering and every decision from codering.werkwijze;
here it is put in order and written the Dutch way (0,167; 95,2%; "70% (48–85%)"), so pages/codering.py
only lays out and draws (the tabs themselves are drawn by ui/codering_tabs.py).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import streamlit as st

from ui.format import getal, procent

DIFF_HEADERS = {"respondent_id": "Respondent", "vraag_nr": "Vraag", "vastgesteld": "Vastgesteld",
                "vastgesteld_door": "Vastgesteld door", "toelichting": "Toelichting"}
"""Dutch headers of the disagreements table (coder columns keep the coder's name)."""

HISTORY_HEADERS = {"respondent_id": "Respondent", "soort": "Wat", "door": "Door", "waarde": "Nieuw",
                   "vorige": "Vorige", "op": "Op (UTC)", "toelichting": "Toelichting"}
"""Dutch headers of an audit trail (codering.store.CodingStore.audit_trail)."""


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
    Krippendorffs alfa (three decimals: "0,167"; a dash when undefined), each followed by its 95% bootstrap
    interval ("0,412 – 0,803") and the number of answers it rests on.
    """
    shown = rel[rel["dubbel_gecodeerd"] > 0]
    return pd.DataFrame({
        "Onderdeel": shown["onderdeel"],
        "Codeurs": shown["codeurs"].astype(int),
        "Dubbel gecodeerd": shown["dubbel_gecodeerd"].astype(int),
        "Overeenstemming": [procent(v, 1) for v in shown["overeenstemming"]],
        "Cohens kappa": [getal(v, 3) for v in shown["kappa"]],
        "95%-interval kappa": [_interval(lo, hi) for lo, hi in zip(shown["kappa_laag"], shown["kappa_hoog"],
                                                                     strict=True)],
        "Antwoorden kappa": shown["n_kappa"].astype(int),
        "Krippendorffs alfa": [getal(v, 3) for v in shown["alpha"]],
        "95%-interval alfa": [_interval(lo, hi) for lo, hi in zip(shown["alpha_laag"], shown["alpha_hoog"],
                                                                    strict=True)],
        "Antwoorden alfa": shown["n_alpha"].astype(int),
    }).reset_index(drop=True)


def _interval(low: float, high: float) -> str:
    """A 95% interval in Dutch ("0,412 – 0,803"); a dash when it cannot be computed."""
    return "–" if pd.isna(low) or pd.isna(high) else f"{getal(low, 3)} – {getal(high, 3)}"


def disagreements_display(diff: pd.DataFrame) -> pd.DataFrame:
    """metrics.codering.disagreements with Dutch headers: Respondent, Vraag, one column per coder, Vastgesteld,
    Vastgesteld door, Toelichting."""
    return diff.rename(columns=DIFF_HEADERS)


def history_display(trail: pd.DataFrame, respondent_id: str | None = None) -> pd.DataFrame:
    """An audit trail (codering.store.CodingStore.audit_trail) as shown: Respondent, Wat (code / memo /
    vaststelling), Door, Nieuw, Vorige, Op (UTC), Toelichting.

    With `respondent_id` only that answer's history, without the Respondent column.
    """
    columns = list(HISTORY_HEADERS)
    if respondent_id is not None:
        trail = trail[trail["respondent_id"] == respondent_id]
        columns.remove("respondent_id")
    return trail[columns].fillna("").rename(columns=HISTORY_HEADERS).reset_index(drop=True)


def blind_message(locked: bool, vraag_nr: int) -> str:
    """The notice shown instead of other coders' work while blind coding is on."""
    if locked:
        return (f"Blind coderen staat aan tot u alle antwoorden van vraag {vraag_nr} hebt gecodeerd; daarna kunt u "
                "het uitzetten.")
    return "Blind coderen staat aan: zet het uit om de codes van andere codeurs te zien."


def restriction_note(done: Iterable[int]) -> str:
    """The caption for a second coder who switched blind coding off: only completely coded questions are shown."""
    return ("U ziet alleen de vragen die u helemaal hebt gecodeerd: " + ", ".join(str(q) for q in sorted(done))
            + ". De andere blijven blind.")


def tab_opened(hidden: bool, message: str, note: str = "") -> bool:
    """The guard at the top of every tab that shows other coders' work.

    When `hidden`, shows `message` and returns False (draw nothing else); otherwise shows `note` (if any) as a
    caption and returns True.
    """
    if hidden:
        st.info(message)
        return False
    if note:
        st.caption(note)
    return True


def diverging_data(result: pd.DataFrame, max_label: int = 48) -> pd.DataFrame:
    """Long data for a diverging stacked bar per question, sorted by net opinion (most negative first).

    Negative shares are drawn left (negative values), positive right; the neutral share is split in two
    halves around zero. Columns: label ("Vk. <question text, shortened>"), deel ("neutraal (links)",
    "negatief", "neutraal (rechts)", "positief"), waarde (signed share of n), aandeel (share of n, unsigned),
    aantal (count), netto. Questions with n = 0 are left out.
    """
    rows = []
    for r in result[result["n"] > 0].sort_values(["netto", "vraag_nr"]).itertuples():
        text = r.vraag if len(r.vraag) <= max_label else r.vraag[: max_label - 1].rstrip() + "…"
        label = f"V{r.vraag_nr}. {text}"
        half = r.aandeel_neutraal / 2
        for deel, waarde, aandeel, aantal in (
            ("neutraal (links)", -half, r.aandeel_neutraal, r.neutraal),
            ("negatief", -r.aandeel_negatief, r.aandeel_negatief, r.negatief),
            ("neutraal (rechts)", half, r.aandeel_neutraal, r.neutraal),
            ("positief", r.aandeel_positief, r.aandeel_positief, r.positief),
        ):
            rows.append({"label": label, "deel": deel, "waarde": waarde, "aandeel": aandeel, "aantal": int(aantal),
                         "netto": r.netto})
    return pd.DataFrame(rows, columns=["label", "deel", "waarde", "aandeel", "aantal", "netto"])
