"""Render the data contract (etl/contract.py) as Markdown; docs/datacontract.md is this output."""

from __future__ import annotations

from etl import contract
from etl.contract import Column, Sheet


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _rules(col: Column) -> str:
    parts = []
    if col.unique:
        parts.append("uniek")
    if col.allowed:
        parts.append("een van: " + ", ".join(f"`{a}`" for a in col.allowed))
    if col.ref:
        parts.append(f"verwijst naar `{col.ref}`")
    if col.minimum is not None:
        parts.append(f"minimaal {col.minimum:g}")
    if col.maximum is not None:
        parts.append(f"maximaal {col.maximum:g}")
    return "; ".join(parts)


def _sheet(sheet: Sheet) -> list[str]:
    lines = [f"### Blad `{sheet.name}`", "", sheet.description, ""]
    if sheet.key:
        lines.append(f"Sleutel: `{sheet.key}`.")
    if sheet.unique_together:
        lines.append(f"Uniek samen: {', '.join(f'`{c}`' for c in sheet.unique_together)}.")
    if sheet.date_columns_in_period:
        lines.append(f"Datums binnen de periode van het team (`{sheet.team_column}`): "
                     f"{', '.join(f'`{c}`' for c in sheet.date_columns_in_period)}.")
    lines += ["", "| kolom | type | verplicht | eenheid | regels | omschrijving | ook herkend als |",
              "|---|---|---|---|---|---|---|"]
    for col in sheet.columns:
        lines.append(
            f"| `{col.name}` | {col.type} | {'ja' if col.required else 'nee'} | {col.unit or ''} | "
            f"{_cell(_rules(col))} | {_cell(col.description)} | {_cell(', '.join(col.synonyms))} |"
        )
    return lines + [""]


def render() -> str:
    """The whole contract as Markdown, kinds in load order."""
    lines = [
        "# Datacontract",
        "",
        "Gegenereerd uit `etl/contract.py` met `python -m etl contract > docs/datacontract.md`; niet met de hand",
        "bewerken (een test vergelijkt dit bestand met de uitvoer). Kolomtypen staan uitgelegd in de docstring van",
        "`etl/contract.py`; partnerlayouts die afwijken staan beschreven in `docs/mappings.md`.",
        "",
        "Soorten bestanden, in laadvolgorde:",
        "",
    ]
    lines += [f"- `{k.name}`: {k.title} (aangeleverd door {k.delivered_by})" for k in contract.KINDS]
    lines.append("")
    for k in contract.KINDS:
        lines += [f"## {k.title} (`{k.name}`)", "", k.description, "", f"Aangeleverd door: {k.delivered_by}.", ""]
        for sheet in k.sheets:
            lines += _sheet(sheet)
    return "\n".join(lines).rstrip() + "\n"
