"""The look of every chart, without streamlit: palette, team colours, Dutch numbers and dates, and the figures that
the dashboard and the printed one-pager (report/) share, so a chart on paper is the chart on screen.

ui/charts.py re-exports the look for the pages and adds the Streamlit parts (drawing, downloads, empty state).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import plotly.io as pio

from metrics.format import TEAM_LABELS, team_label_kort

KLEUREN = ["#1f5f8b", "#e07a2f", "#3a9d7a", "#8a6fb0", "#c9a227", "#5b8fb9", "#b5533c", "#7f8c8d"]
"""Calm, colour-blind friendly palette shared by all charts (first colour matches the theme)."""

TEAM_KLEUREN = {TEAM_LABELS.get(code, code): kleur for code, kleur in
                {"KIT-pilot": "#5b8fb9", "KIT": "#1f5f8b", "PIT": "#e07a2f"}.items()}
"""Fixed colour per team (keyed by display name, see `met_teamnamen`) so a team looks the same on every page."""

TEAM_VOLGORDE = list(TEAM_KLEUREN)
"""Teams in time order (display names), for category_orders."""

def met_teamnamen(df: pd.DataFrame, kolom: str = "team") -> pd.DataFrame:
    """Return a copy of `df` with team codes in `kolom` replaced by their display names (before plotting)."""
    if kolom not in df.columns:
        return df
    out = df.copy()
    out[kolom] = out[kolom].map(team_label_kort)
    return out


def _register_template() -> None:
    """Register the product's plotly template and make it the default for plotly express."""
    template = go.layout.Template(pio.templates["plotly_white"])
    template.layout.colorway = KLEUREN
    template.layout.font = {"family": "Source Sans Pro, Segoe UI, sans-serif", "size": 13, "color": "#1d2a35"}
    pio.templates["kit"] = template
    px.defaults.template = "kit"
    px.defaults.color_discrete_sequence = KLEUREN


_register_template()


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




KENGETALLEN_OVERZICHT: dict[str, str] = {
    "controleavonden": "Controleavonden",
    "bezochte_objecten": "Bezochte objecten",
    "aangetroffen_personen": "Aangetroffen personen",
    "overtredingen": "Overtredingen",
}
"""The headline figures of Overzicht and the one-pager, with their Dutch names."""


def trend_figuur(trend: pd.DataFrame, kengetal: str) -> go.Figure:
    """One figure of `metrics.overzicht.trend_per_maand` per month, a line per team (Overzicht and one-pager)."""
    naam = KENGETALLEN_OVERZICHT[kengetal]
    fig = px.line(
        met_teamnamen(trend),
        x="maand",
        y=kengetal,
        color="team",
        markers=True,
        color_discrete_map=TEAM_KLEUREN,
        category_orders={"team": TEAM_VOLGORDE},
        title=f"{naam} per maand",
        labels={"maand": "Maand", kengetal: naam, "team": "Team"},
    )
    fig.update_xaxes(tickformat="%m-%Y")
    return fig


def gemeenten_figuur(gemeenten: pd.DataFrame, uitgelicht: str | None = None) -> go.Figure:
    """Evenings, visited objects and violations per municipality (`metrics.overzicht.per_gemeente`), grouped bars;
    `uitgelicht` (a municipality name) is printed in bold on the axis (the one-pager's own municipality)."""
    fig = px.bar(
        gemeenten.sort_values("controleavonden"),
        x=["controleavonden", "bezochte_objecten", "overtredingen"],
        y="gemeente",
        orientation="h",
        barmode="group",
        title="Controleavonden, bezochte objecten en overtredingen per gemeente",
        labels={"value": "Aantal", "gemeente": "Gemeente", "variable": "Kengetal"},
    )
    fig.for_each_trace(lambda t: t.update(name=KENGETALLEN_OVERZICHT.get(t.name, t.name)))
    if uitgelicht is not None:
        namen = list(gemeenten.sort_values("controleavonden")["gemeente"])
        fig.update_yaxes(
            tickmode="array", tickvals=namen, ticktext=[f"<b>{n}</b>" if n == uitgelicht else n for n in namen]
        )
    return fig
