"""Demo accounts for the shipped synthetic demo data: one per role, documented in the README. For the demo only:
scripts/run_dashboard.sh creates them when no accounts file exists; a real deployment adds its own accounts."""

from __future__ import annotations

from access.accounts import AccountStore

DEMO_ACCOUNTS: tuple[tuple[str, str, str | None, str], ...] = (
    ("burgemeester", "burgemeester", "Bladel", "demo-burgemeester"),
    ("stuurgroep", "stuurgroep", None, "demo-stuurgroep"),
    ("evaluator", "evaluator", None, "demo-evaluator"),
    ("beheerder", "beheerder", None, "demo-beheerder"),
)
"""(name, role, municipality, password) of every demo account."""


def create_demo_accounts(store: AccountStore) -> bool:
    """Create the demo accounts when `store` has no file yet; returns whether it did."""
    if store.exists():
        return False
    for name, role, gemeente, password in DEMO_ACCOUNTS:
        store.add(name, role, password, gemeente, by="demo")
    return True
