"""Log in through the real login form in AppTest tests.

`login(at, role, gemeente=None)` creates the account (in the accounts file that the autouse fixture
`access_files` of tests/conftest.py points KIT_USERS_FILE at, under tmp_path) when it is missing, runs `at` when it
has not run, fills in the login form, submits it and returns `at` showing the first page of that role. A
burgemeester without a `gemeente` is the burgemeester of Bladel. `role_for(page)` gives a role that may open a
page (an unsuppressed one when there is a choice), read from ui/registry.py.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from access.accounts import AccountStore, municipality_code
from settings import load_settings
from ui.auth import NAME_KEY, PASSWORD_KEY
from ui.registry import PAGES, PageSpec

PASSWORD = "test-wachtwoord-123"
DEFAULT_GEMEENTE = "Bladel"
PREFERENCE = ("evaluator", "beheerder", "stuurgroep", "burgemeester")


def account_name(role: str, gemeente: str | None = None) -> str:
    """The test account's name for `role` (and municipality)."""
    if role != "burgemeester":
        return role
    return f"burgemeester {municipality_code(gemeente or DEFAULT_GEMEENTE, load_settings().reference_dir)}"


def ensure_account(role: str, gemeente: str | None = None, name: str | None = None) -> str:
    """Create the test account for `role` (named `name`, by default after the role) when missing; returns its
    name."""
    store = AccountStore.from_settings(load_settings())
    name = name or account_name(role, gemeente)
    if store.get(name) is None:
        store.add(name, role, PASSWORD, (gemeente or DEFAULT_GEMEENTE) if role == "burgemeester" else None)
    return name


def fill_login(at: AppTest, name: str, password: str) -> AppTest:
    """Type `name` and `password` into the login form of `at` and submit it (runs `at` first when needed)."""
    if not any(t.key == NAME_KEY for t in _text_inputs(at)):
        at.run()
    at.text_input(key=NAME_KEY).input(name)
    at.text_input(key=PASSWORD_KEY).input(password)
    next(b for b in at.button if b.label == "Inloggen").click()
    return at.run()


def login(at: AppTest, role: str, gemeente: str | None = None, name: str | None = None) -> AppTest:
    """Log in to `at` as `role` (account `name`, by default named after the role) through the login form; fails
    the test when the login does not succeed."""
    at = fill_login(at, ensure_account(role, gemeente, name), PASSWORD)
    assert not at.exception, [e.value for e in at.exception]
    assert not any(t.key == NAME_KEY for t in at.text_input), [e.value for e in at.error]
    return at


def role_for(page: str | PageSpec) -> str:
    """A role that may open `page` (a PageSpec or its path), preferring roles without small-count suppression."""
    spec = page if isinstance(page, PageSpec) else next(s for s in PAGES if s.path == page)
    return next(r for r in PREFERENCE if r in spec.roles)


def _text_inputs(at: AppTest) -> list:
    try:
        return list(at.text_input)
    except Exception:  # noqa: BLE001 - AppTest has no element tree before its first run
        return []
