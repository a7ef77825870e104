"""The one list of pages: the menu (dashboard.py), the roles that may open each page and the page tests read it.

No streamlit import here, so tests and the access layer can read the registry without a running app. A page is
added by adding one `PageSpec` to `PAGES`; nothing else lists pages.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES: tuple[str, ...] = ("burgemeester", "stuurgroep", "evaluator", "beheerder")
"""Every role a user can have (see the role x page x export matrix in the README)."""

ALLE_ROLLEN = frozenset(ROLES)
BESTUUR = frozenset({"burgemeester", "stuurgroep", "evaluator", "beheerder"})
STUURGROEP = frozenset({"burgemeester", "stuurgroep"})


@dataclass(frozen=True)
class PageSpec:
    """One page of the dashboard."""

    path: str
    """Script path relative to the project root, e.g. "pages/overzicht.py"."""
    title: str
    """Menu title (Dutch)."""
    icon: str
    """Material icon shown in the menu."""
    section: str
    """Menu section (Dutch): Bestuur, Stuurgroep, Evaluatie, Beheer."""
    roles: frozenset[str]
    """Roles that may open the page; anybody else gets a refusal (fail closed)."""
    filtered: bool = False
    """The page follows the sidebar filter (team, municipality, period)."""
    default: bool = False
    """The page opened at the root URL."""
    opent_met: tuple[str, ...] = ()
    """Teams a comparison page opens with when fewer than two teams are chosen (e.g. KIT vs PIT: KIT and PIT)."""
    figure: bool = False
    """The page always draws a chart (the browser test waits for one); others may show only tables and text."""

    @property
    def name(self) -> str:
        """The page's URL path and file stem, e.g. "overzicht"."""
        return self.path.rsplit("/", 1)[-1].removesuffix(".py")


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/overzicht.py", "Overzicht", ":material/dashboard:", "Bestuur", BESTUUR, filtered=True,
             default=True, figure=True),
    PageSpec("pages/overtredingen.py", "Overtredingen", ":material/gavel:", "Bestuur", BESTUUR, filtered=True,
             figure=True),
    PageSpec("pages/partners.py", "Resultaten per partner", ":material/handshake:", "Bestuur", BESTUUR,
             filtered=True, figure=True),
    PageSpec("pages/kit_vs_pit.py", "KIT vs PIT", ":material/compare_arrows:", "Stuurgroep", STUURGROEP,
             filtered=True, opent_met=("KIT", "PIT"), figure=True),
    PageSpec("pages/opvolging.py", "Opvolging", ":material/assignment_turned_in:", "Stuurgroep", STUURGROEP,
             filtered=True, figure=True),
    PageSpec("pages/waterbed.py", "Waterbedeffect", ":material/water:", "Stuurgroep", STUURGROEP, filtered=True),
    PageSpec("pages/terugkoppeling.py", "Terugkoppeling", ":material/feedback:", "Stuurgroep", STUURGROEP,
             filtered=True),
    PageSpec("pages/reproductie.py", "Reproductie", ":material/fact_check:", "Stuurgroep",
             frozenset({"stuurgroep", "evaluator"})),
    PageSpec("pages/codering.py", "Codering interviews", ":material/forum:", "Evaluatie", frozenset({"evaluator"})),
    PageSpec("pages/datakwaliteit.py", "Datakwaliteit", ":material/rule:", "Beheer", frozenset({"beheerder"}),
             figure=True),
    PageSpec("pages/upload.py", "Bestanden aanleveren", ":material/upload_file:", "Beheer", frozenset({"beheerder"})),
    PageSpec("pages/auditlog.py", "Auditlog", ":material/history:", "Beheer", frozenset({"beheerder"})),
)

SECTIONS: tuple[str, ...] = ("Bestuur", "Stuurgroep", "Evaluatie", "Beheer")


def page(name: str) -> PageSpec:
    """Return the page whose file stem is `name` (e.g. "overzicht"); KeyError when there is none."""
    for spec in PAGES:
        if spec.name == name:
            return spec
    raise KeyError(name)


def pages_for(role: str | None) -> list[PageSpec]:
    """Return the pages `role` may open, in menu order; no role (nobody logged in) gets none."""
    if role is None:
        return []
    return [spec for spec in PAGES if role in spec.roles]


def menu(specs: list[PageSpec]) -> dict[str, list[PageSpec]]:
    """Group `specs` by section in menu order, leaving out empty sections."""
    grouped = {section: [s for s in specs if s.section == section] for section in SECTIONS}
    return {section: items for section, items in grouped.items() if items}
