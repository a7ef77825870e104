"""Charts, downloads and the empty state: every figure on every page goes through `show_chart`.

Charts are plotly with a Dutch title and axis labels and Dutch number separators (1.234,5); each chart has its
data downloadable as CSV (for Dutch Excel: semicolon, decimal comma) and Excel with Dutch column headers and
shares as percentages; an empty selection shows a Dutch sentence instead of an empty axis.
"""

from __future__ import annotations

import io
import re
from datetime import date

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from access.cells import safe_frame
from ui.auth import audit_export, export_allowed
from ui.format import TEAM_LABELS, team_label_kort

LEEG = "Geen gegevens voor deze keuze. Kies een ander team, andere gemeenten of een andere periode."
"""Default sentence when a filter leaves nothing to show."""

KLEUREN = ["#1f5f8b", "#e07a2f", "#3a9d7a", "#8a6fb0", "#c9a227", "#5b8fb9", "#b5533c", "#7f8c8d"]
"""Calm, colour-blind friendly palette shared by all charts (first colour matches the theme)."""

TEAM_KLEUREN = {TEAM_LABELS.get(code, code): kleur for code, kleur in
                {"KIT-pilot": "#5b8fb9", "KIT": "#1f5f8b", "PIT": "#e07a2f"}.items()}
"""Fixed colour per team (keyed by display name, see `met_teamnamen`) so a team looks the same on every page."""

TEAM_VOLGORDE = list(TEAM_KLEUREN)
"""Teams in time order (display names), for category_orders."""

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


def met_teamnamen(df: pd.DataFrame, kolom: str = "team") -> pd.DataFrame:
    """Return a copy of `df` with team codes in `kolom` replaced by their display names (before plotting)."""
    if kolom not in df.columns:
        return df
    out = df.copy()
    out[kolom] = out[kolom].map(team_label_kort)
    return out


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


def _register_template() -> None:
    """Register the product's plotly template and make it the default for plotly express."""
    template = go.layout.Template(pio.templates["plotly_white"])
    template.layout.colorway = KLEUREN
    template.layout.font = {"family": "Source Sans Pro, Segoe UI, sans-serif", "size": 13, "color": "#1d2a35"}
    pio.templates["kit"] = template
    px.defaults.template = "kit"
    px.defaults.color_discrete_sequence = KLEUREN


_register_template()


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
    """
    if not export_allowed():
        return
    slug = _slug(name)
    df = export_frame(df, kolommen)
    row = st.container(horizontal=True, gap="small")
    row.download_button(
        "CSV",
        data=csv_bytes(df),
        file_name=f"{slug}.csv",
        mime="text/csv",
        key=f"dl_csv_{slug}",
        on_click=audit_export,
        args=(f"{slug}.csv",),
        icon=":material/download:",
        help=f"Download de gegevens van '{name}' als CSV",
    )
    row.download_button(
        "Excel",
        data=excel_bytes(df, name),
        file_name=f"{slug}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"dl_xlsx_{slug}",
        on_click=audit_export,
        args=(f"{slug}.xlsx",),
        icon=":material/download:",
        help=f"Download de gegevens van '{name}' als Excel",
    )


def _horizontal_bar_height(fig: go.Figure) -> int | None:
    """A height that gives horizontal bars a steady thickness (few categories: a low chart; many: a tall one)."""
    bars = [t for t in fig.data if t.type == "bar" and t.orientation == "h"]
    if not bars or len(bars) != len(fig.data) or fig.layout.height is not None:
        return None
    categories = {y for t in bars for y in (t.y if t.y is not None else ())}
    per_category = 26 * (len(bars) if fig.layout.barmode == "group" else 1) + 10
    return max(260, min(1400, 150 + per_category * len(categories)))


PLOTLY_CONFIG = {"displaylogo": False, "displayModeBar": False}
"""Plotly's toolbar (zoom, pan, "Download plot as a png") only speaks English and Streamlit ships no Dutch plotly
locale, so it is hidden; zooming by dragging and double-click to reset still work, data downloads sit under the
chart and the printable version is the one-pager."""

DATUM_FORMAAT = "%d-%m-%Y"
"""Dates on axes and in hovers: day-month-year in digits, so no English month name can appear."""


def _is_datum(values: object) -> bool:
    """True when a trace's x or y values are dates (plotly would then write English month names)."""
    if values is None:
        return False
    try:
        series = pd.Series(list(values))
    except TypeError:
        return False
    if series.empty:
        return False
    if pd.api.types.is_datetime64_any_dtype(series):
        return True
    first = series.dropna().iloc[0] if not series.dropna().empty else None
    return isinstance(first, (pd.Timestamp, date))


def datum_assen(fig: go.Figure) -> go.Figure:
    """Give every date axis of `fig` Dutch digits in ticks and hovers (tick format kept when a page set one)."""
    for trace in fig.data:
        for as_letter in ("x", "y"):
            if not _is_datum(getattr(trace, as_letter, None)):
                continue
            naam = (getattr(trace, f"{as_letter}axis", None) or as_letter).replace(as_letter, f"{as_letter}axis", 1)
            as_ = fig.layout[naam]
            as_.update(hoverformat=DATUM_FORMAAT)
            if as_.tickformat is None:
                as_.update(tickformat=DATUM_FORMAAT)
    return fig


def style(fig: go.Figure) -> go.Figure:
    """Apply the product's calm look to a figure (font, margins, legend, palette, bar thickness, Dutch numbers
    and dates: decimal comma, thousands dot, dd-mm-jjjj)."""
    datum_assen(fig)
    height = _horizontal_bar_height(fig)
    if height is not None:
        fig.update_layout(height=height)
    if fig.layout.legend.y is None:  # a page may place the legend itself (e.g. below a chart with many series)
        fig.update_layout(
            legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0, "title": None}
        )
    fig.update_layout(
        template="kit",
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
        margin={"l": 10, "r": 10, "t": 90, "b": 10},
        title={"x": 0, "xanchor": "left", "y": 0.98, "yanchor": "top", "font": {"size": 15}},
        separators=",.",
        hoverlabel={"namelength": -1},
    )
    return fig


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
