"""The download button of the council one-pager (report/): the PDF is made only when the button is clicked, for
the logged-in role (small person counts suppressed as on the page, ui/privacy.py) and written to the audit log."""

from __future__ import annotations

from functools import partial

import streamlit as st

from metrics.filters import Filter
from metrics.periode import Periode
from report.pdf import onepager_pdf
from ui.auth import audit_export_later, export_allowed
from ui.data import current_settings, run_metric
from ui.format import team_label_kort
from ui.privacy import drempel

KNOP_KEY = "raadsnotitie_pdf"


def bestandsnaam(f: Filter, gemeente: str | None) -> str:
    """File name of the one-pager, e.g. raadsnotitie_KIT_Veldhoven_2019-Q2.pdf."""
    periode = Periode(f.start, f.end).invoer.replace("..", "_tot_")
    wie = (gemeente or "alle-gemeenten").replace(" ", "-")
    return f"raadsnotitie_{team_label_kort(f.teams[0]).replace(' ', '-')}_{wie}_{periode}.pdf"


def raadsnotitie_knop(f: Filter, namen: dict[str, str]) -> None:
    """Offer the one-pager of the chosen team for the chosen municipality (or all) and period as PDF.

    Needs exactly one team and at most one municipality (the note is about one team in one municipality or the
    whole team); otherwise a caption says what to choose. `namen` maps CBS codes to names.
    """
    if not export_allowed():
        return
    if len(f.teams) != 1 or len(f.gemeenten) > 1 or f.start is None or f.end is None:
        st.caption("Raadsnotitie (pdf): kies in het filter één team en één of geen gemeente.")
        return
    gemeente = f.gemeenten[0] if f.gemeenten else None
    settings = current_settings()
    naam = bestandsnaam(f, namen.get(gemeente) if gemeente else None)
    pdf = partial(
        run_metric, settings.warehouse_path, onepager_pdf, f.teams[0], gemeente, Periode(f.start, f.end),
        settings.browser_path, drempel(),
    )
    gelogd = audit_export_later(naam)

    def maak() -> bytes:
        gelogd()
        return pdf()

    st.download_button(
        "Raadsnotitie (pdf)",
        data=maak,
        file_name=naam,
        mime="application/pdf",
        key=KNOP_KEY,
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        help="Eén A4 voor de raad: kerncijfers, verloop, vergelijking met de andere gemeenten en met het PIT, "
        "opvolging, een korte tekst, bronnen en definities. Het maken duurt enkele seconden.",
    )
