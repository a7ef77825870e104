"""Charts, downloads and the empty state: every figure on every page goes through `show_chart`.

Charts are plotly with a Dutch title and axis labels and Dutch number separators (1.234,5); each chart has its
data downloadable as CSV (for Dutch Excel: semicolon, decimal comma) and Excel with Dutch column headers and
shares as percentages; an empty selection shows a Dutch sentence instead of an empty axis.
"""

from __future__ import annotations

import io
import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from access.cells import safe_frame
from ui.auth import audit_exporter, export_allowed
from ui.figuren import (  # noqa: F401  (re-exported: pages import the chart look from here)
    KLEUREN,
    PLOTLY_CONFIG,
    TEAM_KLEUREN,
    TEAM_VOLGORDE,
    datum_assen,
    met_teamnamen,
    style,
)

LEEG = "Geen gegevens voor deze keuze. Kies een ander team, andere gemeenten of een andere periode."
"""Default sentence when a filter leaves nothing to show."""

KOLOMNAMEN: dict[str, str] = {
    "team": "Team",
    "groep": "Groep",
    "categorie": "Categoriecode",
    "categorie_naam": "Categorie",
    "teller": "Aantal",
    "noemer": "Basis",
    "aantal": "Aantal",
    "basis": "Basis (omschrijving)",
    "kengetal": "Kengetal (code)",
    "kengetal_naam": "Kengetal",
    "maanden": "Maanden actief",
    "inwoners_jaar": "Jaar inwoners",
    "per_maand": "Per maand",
    "per_gemeente": "Per gemeente per jaar",
    "per_10000": "Per 10.000 inwoners per jaar",
    "heeft_gegevens": "Heeft gegevens",
    "bedrag_eur": "Bedrag (euro)",
    "partner": "Partnercode",
    "partner_naam": "Partner",
    "bron_partner": "Partnercode",
    "bron_partner_naam": "Ingebracht door",
    "object_type": "Objecttype",
    "maand": "Maand",
    "rang": "Rang",
    "volgorde": "Volgorde",
}
"""Dutch column headers for downloads; other columns get their name with spaces and a capital."""


def export_frame(df: pd.DataFrame, kolommen: dict[str, str] | None = None) -> pd.DataFrame:
    """Return `df` ready for a download: Dutch headers, team display names, shares (aandeel*) as percentages.

    `kolommen` overrides KOLOMNAMEN for this download. A share column becomes "<name> (%)" with values 0..100.
    """
    namen = {**KOLOMNAMEN, **(kolommen or {})}
    out = met_teamnamen(df).copy()  # never scale the caller's (possibly cached) frame in place
    hernoemd: dict[str, str] = {}
    for col in out.columns:
        naam = namen.get(col, str(col).replace("_", " ").strip().capitalize())
        if str(col).startswith("aandeel") and pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col] * 100
            naam = f"{naam} (%)"
        hernoemd[col] = naam
    return out.rename(columns=hernoemd)


def empty_state(text: str | None = None) -> None:
    """Show a Dutch sentence saying there is no data for this choice."""
    st.info(text or LEEG, icon=":material/filter_alt_off:")


def _slug(name: str) -> str:
    """Return a file-name-safe version of `name`."""
    return re.sub(r"[^0-9A-Za-z]+", "_", name).strip("_").lower() or "gegevens"


def excel_bytes(df: pd.DataFrame, sheet: str = "gegevens") -> bytes:
    """Return `df` as an .xlsx workbook (one sheet; time zones dropped because Excel has none); text that Excel
    would read as a formula is neutralised (access.cells), numbers stay numbers."""
    out = safe_frame(df)
    for col in out.columns:
        if isinstance(out[col].dtype, pd.DatetimeTZDtype):
            out[col] = out[col].dt.tz_localize(None)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        out.to_excel(writer, sheet_name=re.sub(r"[\[\]:*?/\\]", "", sheet)[:31] or "gegevens", index=False)
    return buffer.getvalue()


def csv_bytes(df: pd.DataFrame) -> bytes:
    """Return `df` as CSV for Dutch Excel: semicolon separated, decimal comma, UTF-8 with byte-order mark (so
    Excel shows accents correctly); text that a spreadsheet would read as a formula is neutralised (access.cells)."""
    return safe_frame(df).to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n").encode("utf-8-sig")


def download_buttons(df: pd.DataFrame, name: str, kolommen: dict[str, str] | None = None) -> None:
    """Offer `df` for download as CSV and as Excel, side by side; the files are named after `name`.

    Both files have Dutch column headers and shares as percentages (`export_frame`; `kolommen` adds headers).
    The files are made when a button is clicked (a deferred download), not on every run of the page: a page with
    large tables (the overdue steps of a national installation) would otherwise write every workbook at each
    rerun and hold its bytes. Each click is written to the audit log; a click does not rerun the page.
    """
    if not export_allowed():
        return
    slug = _slug(name)
    df = export_frame(df, kolommen)
    export = audit_exporter()

    def csv() -> bytes:
        export(f"{slug}.csv")
        return csv_bytes(df)

    def xlsx() -> bytes:
        export(f"{slug}.xlsx")
        return excel_bytes(df, name)

    row = st.container(horizontal=True, gap="small")
    row.download_button(
        "CSV",
        data=csv,
        file_name=f"{slug}.csv",
        mime="text/csv",
        key=f"dl_csv_{slug}",
        on_click="ignore",
        icon=":material/download:",
        help=f"Download de gegevens van '{name}' als CSV",
    )
    row.download_button(
        "Excel",
        data=xlsx,
        file_name=f"{slug}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"dl_xlsx_{slug}",
        on_click="ignore",
        icon=":material/download:",
        help=f"Download de gegevens van '{name}' als Excel",
    )


def euro_as(fig: go.Figure, as_: str = "x") -> go.Figure:
    """Show full euro amounts on a money axis ("€ 1.250.000", no 1.2M), on every facet of `fig`."""
    update = fig.update_xaxes if as_ == "x" else fig.update_yaxes
    update(tickprefix="€ ", tickformat=",.0f", separatethousands=True)
    return fig


def euro_paneel(fig: go.Figure, facet_tekst: str) -> go.Figure:
    """In a faceted figure, show the panel whose facet title starts with `facet_tekst` in full euro amounts."""
    for trace in fig.data:
        if f"={facet_tekst}" in (trace.hovertemplate or ""):
            as_ = "yaxis" + (trace.yaxis or "y")[1:]
            fig.layout[as_].update(tickprefix="€ ", tickformat=",.0f")
            trace.update(texttemplate="€ %{y:,.0f}")
    return fig


def show_chart(
    fig: go.Figure | None, data: pd.DataFrame | None, name: str, kolommen: dict[str, str] | None = None
) -> None:
    """Draw a plotly chart with its data downloadable (CSV and Excel) underneath.

    When `data` is empty the Dutch empty-state sentence is shown instead, never an empty axis.
    """
    if fig is None or data is None or data.empty:
        empty_state()
        return
    st.plotly_chart(
        style(fig), width="stretch", theme=None, key=f"chart_{_slug(name)}", config=PLOTLY_CONFIG
    )
    download_buttons(data, name, kolommen)
