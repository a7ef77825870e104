"""Auditlog (for the beheerder): who did what when, newest first, with a filter on kind and person, and the
log as CSV or Excel. The log itself is append-only (access.audit); this page only reads it."""

from __future__ import annotations

import streamlit as st

from access.audit import EVENTS, AuditLog
from ui.charts import download_buttons, empty_state
from ui.data import current_settings
from ui.shell import require_shell

require_shell(__file__)

HEADERS = {"op": "Tijdstip (UTC)", "wie": "Wie", "rol": "Rol", "omschrijving": "Wat", "onderwerp": "Waarover",
           "details": "Details"}

st.title("Auditlog")
st.caption("Inloggen (ook mislukt), uitloggen, blokkades, geweigerde pagina's, exports, coderingen, laadrondes en "
           "accountwijzigingen. Het log kan alleen worden aangevuld: wijzigen of verwijderen weigert de opslag zelf.")
log = AuditLog(current_settings().audit_log_path).entries()
if log.empty:
    empty_state("Het auditlog is nog leeg.")
    st.stop()
links, rechts = st.columns(2)
soorten = links.multiselect("Soort", list(EVENTS), format_func=EVENTS.get, key="audit_soort",
                            placeholder="Alle soorten")
wie = rechts.multiselect("Wie", sorted(log["wie"].unique()), key="audit_wie", placeholder="Iedereen")
if soorten:
    log = log[log["gebeurtenis"].isin(soorten)]
if wie:
    log = log[log["wie"].isin(wie)]
shown = log.assign(omschrijving=log["gebeurtenis"].map(EVENTS))[list(HEADERS)].rename(columns=HEADERS)
st.caption(f"{len(shown)} gebeurtenissen.")
st.dataframe(shown, hide_index=True, width="stretch", key="audit_tabel")
download_buttons(shown, "Auditlog")
