"""Bestanden aanleveren (for the beheerder): upload workbooks; the same load as `python -m etl load`, and like it
written to the audit log (event "laden": the files, and the first line of the load summary or why it was
refused)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from etl.guard import Limits
from etl.load import LoadBusy, LoadRefused
from etl.upload import UPLOAD_FOLDER, Upload, receive
from ui.auth import audit
from ui.data import current_settings, warehouse_mtime
from ui.format import plain
from ui.shell import require_shell

require_shell(__file__)

st.title("Bestanden aanleveren")
st.caption(
    "Kies een of meer werkmappen van partners. Ze worden gecontroleerd en geladen zoals `python -m etl load` dat "
    f"doet: een goedgekeurd bestand wordt bewaard in de ruwe map (submap {UPLOAD_FOLDER}/), een afgewezen bestand "
    "niet, en de vorige versie blijft dan gelden. Het dashboard blijft intussen gewoon werken."
)
settings = current_settings()
eerste_keer = warehouse_mtime() is None
if eerste_keer:
    st.info(
        "Er is nog geen datawarehouse: dit is de eerste aanlevering. De eerste laadronde maakt het datawarehouse aan "
        "en ook de pseudoniemsleutel, waarmee namen en adressen bij het laden worden vervangen. Maak direct daarna "
        "een back-up van die sleutel (README, 'De pseudoniemsleutel'): zonder dezelfde sleutel zijn latere "
        "leveringen niet aan deze te koppelen. Lever de controlebestanden eerst of tegelijk aan; bestanden die naar "
        "controleavonden verwijzen hebben ze nodig.",
        icon=":material/info:",
    )
files = st.file_uploader("Werkmappen (.xlsx, .xlsm of .xls)", type=["xlsx", "xlsm", "xls"],
                         accept_multiple_files=True, key="upload_bestanden")
clicked = st.button("Controleren en laden", type="primary", disabled=not files, key="upload_laden")
if clicked and files:
    bar = st.progress(0.0, text="Bestanden lezen ...")

    def progress(done: int, total: int, bestand: str) -> None:
        bar.progress(done / total, text=f"{done}/{total} lezen {bestand}")

    try:
        report = receive([Upload(f.name, f.getvalue()) for f in files], settings.raw_dir, settings.warehouse_path,
                         progress=progress, mappings_dir=settings.mappings_dir, key_path=settings.pseudonym_key_path,
                         reference_dir=settings.reference_dir, limits=Limits.from_settings(settings),
                         archive_dir=settings.archive_dir)
    except LoadBusy as exc:
        bar.empty()
        st.warning(f"Even geduld: {exc}.")
    except LoadRefused as exc:
        bar.empty()
        audit("laden", ", ".join(f.name for f in files), f"upload geweigerd: {exc}")
        st.error(f"Laden geweigerd: {exc}")
    else:
        audit("laden", ", ".join(f.name for f in files),
              "upload: " + (report.summary().splitlines()[0] if report.summary() else ""))
        bar.progress(1.0, text="Klaar")
        if eerste_keer and report.swapped:
            st.success("Het datawarehouse is aangemaakt; de andere pagina's tonen nu de gegevens. Maak nu een back-up "
                       "van de pseudoniemsleutel.")
        if report.ok:
            st.success("Alle bestanden zijn geladen.")
        else:
            st.error("Niet alles is geladen; zie de meldingen hieronder.")
        st.dataframe(pd.DataFrame([{"Bestand": f.bestand, "Status": f.status, "Rijen": f.rijen,
                                    "Problemen": len(f.problems), "Toelichting": f.melding} for f in report.files]),
                     hide_index=True, use_container_width=True)
        for f in report.files:
            if f.problems or f.notes:
                with st.expander(f"{f.bestand}: {len(f.problems)} probleem/problemen, {len(f.notes)} opmerking(en)",
                                 expanded=f.status == "afgewezen"):
                    for p in f.problems:  # partner values inside the messages: never Markdown
                        st.markdown(f"- {plain(p.melding)}")
                    for note in f.notes:
                        st.caption(plain(note))
        for failure in report.data_test_failures:
            st.error(f"Datatest mislukt, het warehouse is niet vervangen: {failure}")
