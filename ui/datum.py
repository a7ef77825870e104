"""A day typed in Dutch: the report date (peildatum) of Opvolging and Terugkoppeling and the split date of
Overtredingen. Streamlit's own date picker shows English month and day names, so no page uses it.

One text input, read by `metrics.periode.lees_datum` ("31-12-2022", "31 december 2022", "2022-12-31"); the day read
is repeated in full ("gelezen als 31 december 2022"), and anything else (or a day outside the allowed range) shows a
Dutch error while the page goes on with the default. Tests type into it with
`at.text_input(key=...).input("31-12-2022").run()`.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from metrics.periode import PeriodeFout, datum_lang, lees_datum

PLACEHOLDER = "bijv. 31-12-2022 of 31 december 2022"


def datum_invoer(
    label: str,
    key: str,
    help: str,
    standaard: str,
    waarde: date | None = None,
    van: date | None = None,
    tot: date | None = None,
) -> date | None:
    """Draw a text input for one day and return the day typed, or `waarde` when it is empty or not a valid day.

    `waarde` is the default (shown typed as dd-mm-jjjj when the input is first drawn); `standaard` says in Dutch
    what is shown without a valid day (e.g. "per team de laatste datum in de gegevens"); `van`/`tot` bound the
    days allowed (inclusive).
    """
    if key not in st.session_state and waarde is not None:
        st.session_state[key] = waarde.strftime("%d-%m-%Y")
    tekst = st.text_input(label, key=key, placeholder=PLACEHOLDER, help=help)
    if not tekst.strip():
        return waarde
    try:
        gekozen = lees_datum(tekst)
    except PeriodeFout as fout:
        st.error(f"{fout} Nu getoond: {standaard}.", icon=":material/event_busy:")
        return waarde
    te_vroeg, te_laat = van is not None and gekozen < van, tot is not None and gekozen > tot
    if te_vroeg or te_laat:
        grens = f"vóór {datum_lang(van)}" if te_vroeg and van else f"na {datum_lang(tot)}" if tot else ""
        st.error(f"{datum_lang(gekozen)} ligt {grens}, buiten de gekozen periode. Nu getoond: {standaard}.",
                 icon=":material/event_busy:")
        return waarde
    st.caption(f"{label} gelezen als {datum_lang(gekozen)}.")
    return gekozen


def peildatum_invoer(key: str, help: str, standaard: str) -> date | None:
    """The report date of a follow-up page: empty (None) means per team the last date in its data."""
    return datum_invoer("Peildatum", key, help, standaard)
