"""The council one-pager as an A4 PDF (at most two pages): fpdf2 lays it out, kaleido draws the charts with the
system chromium (the same plotly figures and look as the dashboard, ui/figuren.py), offline: no MathJax, and
plotly.js from the installed plotly package."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import duckdb
import plotly.graph_objects as go
from fpdf import FPDF

from metrics.format import team_label_kort
from metrics.periode import Periode, datum_lang
from report.inhoud import DEFINITIES, Raadsnotitie, raadsnotitie
from ui.figuren import gemeenten_figuur, style, trend_figuur

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
"""DejaVu Sans (Debian fonts-dejavu-core): a font with €, accents and the en dash, embedded in the PDF."""

BREEDTE, HOOGTE = 760, 480
"""Chart size in pixels before scaling (×2): two charts side by side on A4 keep a readable font."""
BLAUW = (31, 95, 139)
GRIJS = (90, 100, 110)


def _png(figuren: list[go.Figure], browser: Path, breedte: int = BREEDTE, hoogte: int = HOOGTE) -> list[bytes]:
    """Render `figuren` to PNG in one chromium session (kaleido); no network: MathJax off, local plotly.js."""
    import kaleido

    async def render() -> list[bytes]:
        async with kaleido.Kaleido(n=1, mathjax=False, path=str(browser)) as k:
            return [
                await k.calc_fig(fig, opts={"format": "png", "width": breedte, "height": hoogte, "scale": 2})
                for fig in figuren
            ]

    return asyncio.run(render())


def _voor_papier(fig: go.Figure) -> go.Figure:
    fig = style(fig)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 80, "b": 10}, font={"size": 16}, title={"font": {"size": 17}})
    return fig


class _Pdf(FPDF):
    def __init__(self, voettekst: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.voettekst = voettekst
        self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(15, 14, 15)
        self.set_auto_page_break(auto=True, margin=16)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", "", 7)
        self.set_text_color(*GRIJS)
        self.cell(0, 5, f"{self.voettekst} · pagina {self.page_no()} van {{nb}}", align="C")


def _kop(pdf: FPDF, tekst: str) -> None:
    pdf.ln(2)
    pdf.set_font("DejaVu", "B", 11)
    pdf.set_text_color(*BLAUW)
    pdf.cell(0, 6, tekst, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "", 9)


def pdf_bytes(notitie: Raadsnotitie, browser: Path, gemaakt: date | None = None) -> bytes:
    """Lay out `notitie` on at most two A4 pages and return the PDF; charts rendered with `browser` (chromium)."""
    gemaakt = gemaakt or date.today()
    team = team_label_kort(notitie.team)
    figuren = [_voor_papier(trend_figuur(notitie.trend, "controleavonden"))] if not notitie.trend.empty else []
    if not notitie.gemeenten.empty:
        figuren.append(_voor_papier(gemeenten_figuur(notitie.gemeenten, notitie.gemeente)))
    plaatjes = _png(figuren, browser) if figuren else []

    pdf = _Pdf(f"Raadsnotitie {team} · {notitie.onderwerp} · {notitie.periode.beschrijving} · gemaakt op "
               f"{datum_lang(gemaakt)} met het KIT-dashboard")
    pdf.set_title(notitie.titel)
    pdf.set_author("KIT-dashboard")
    pdf.set_lang("nl")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 16)
    pdf.set_text_color(*BLAUW)
    pdf.multi_cell(0, 8, notitie.titel, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.set_text_color(*GRIJS)
    p = notitie.periode
    pdf.multi_cell(
        0, 5, f"Raadsinformatie · periode {datum_lang(p.van)} t/m {datum_lang(p.tot)} · gemaakt op "
        f"{datum_lang(gemaakt)}", new_x="LMARGIN", new_y="NEXT",
    )
    pdf.set_text_color(0, 0, 0)

    _kop(pdf, "Kerncijfers")
    breedte = (pdf.w - pdf.l_margin - pdf.r_margin) / 3
    for rij in range(0, len(notitie.kerncijfers), 3):
        y = pdf.get_y()
        for i, (label, waarde) in enumerate(notitie.kerncijfers[rij:rij + 3]):
            x = pdf.l_margin + i * breedte
            pdf.set_xy(x, y)
            pdf.set_fill_color(242, 245, 248)
            pdf.set_font("DejaVu", "", 8)
            pdf.cell(breedte - 2, 5, label, fill=True, new_x="LEFT", new_y="NEXT")
            pdf.set_x(x)
            pdf.set_font("DejaVu", "B", 14)
            pdf.cell(breedte - 2, 8, waarde, fill=True)
        pdf.set_xy(pdf.l_margin, y + 15)
    pdf.set_font("DejaVu", "", 9)

    _kop(pdf, "In het kort")
    pdf.multi_cell(0, 4.6, notitie.tekst, align="L", new_x="LMARGIN", new_y="NEXT")

    if plaatjes:
        _kop(pdf, "Verloop en vergelijking met de andere gemeenten")
        y = pdf.get_y()
        half = (pdf.w - pdf.l_margin - pdf.r_margin - 4) / 2
        for i, png in enumerate(plaatjes):
            pdf.image(png, x=pdf.l_margin + i * (half + 4), y=y, w=half)
        pdf.set_y(y + half * HOOGTE / BREEDTE + 2)

    _kop(pdf, f"Vergeleken met het {team_label_kort('PIT')} (per 10.000 inwoners per jaar)")
    with pdf.table(col_widths=(60, 60, 60), text_align=("LEFT", "RIGHT", "RIGHT"), line_height=5,
                   first_row_as_headings=True) as tabel:
        kop = tabel.row()
        for tekst in ("Kengetal", f"{team} in {notitie.onderwerp}", f"{team_label_kort('PIT')} (2017)"):
            kop.cell(tekst)
        for naam, wij, zij in notitie.benchmark:
            rij = tabel.row()
            for tekst in (naam, wij, zij):
                rij.cell(tekst)

    _kop(pdf, "Opvolging")
    pdf.multi_cell(0, 4.6, notitie.opvolging, align="L", new_x="LMARGIN", new_y="NEXT")

    _kop(pdf, "Bronnen en definities")
    pdf.set_font("DejaVu", "", 7.5)
    for regel in [*notitie.bronnen, *DEFINITIES]:
        pdf.multi_cell(0, 3.6, regel, align="L", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def onepager_pdf(
    con: duckdb.DuckDBPyConnection, team: str, gemeente: str | None, periode: Periode, browser: Path,
    drempel: int | None = None,
) -> bytes:
    """The one-pager of `team` for a municipality (CBS code, or None for the whole team) and `periode`, as PDF;
    person counts below `drempel` suppressed (report/inhoud.py; None: every count shown)."""
    return pdf_bytes(raadsnotitie(con, team, gemeente, periode, drempel), browser)
