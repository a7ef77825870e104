"""access.oidc: an OIDC login (Microsoft Entra ID claims) mapped onto the dashboard's roles, failing closed."""

from __future__ import annotations

import pytest

from access.accounts import AccountStore, User
from access.oidc import user_from_claims
from settings import load_settings

TABLE = {"m.jansen@bladel.nl": {"rol": "burgemeester", "gemeente": "GM1728"},
         "a.de.vries@kempen.nl": {"rol": "stuurgroep"}}


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ({"preferred_username": "M.Jansen@Bladel.nl", "roles": ["evaluator"]}, User("m.jansen@bladel.nl",
                                                                                   "burgemeester", "GM1728")),
        ({"email": "a.de.vries@kempen.nl"}, User("a.de.vries@kempen.nl", "stuurgroep")),
        ({"preferred_username": "e.bakker@uwv.nl", "roles": ["evaluator"]}, User("e.bakker@uwv.nl", "evaluator")),
        ({"preferred_username": "e.bakker@uwv.nl", "roles": "Beheerder"}, User("e.bakker@uwv.nl", "beheerder")),
        ({"preferred_username": "x@y.nl", "roles": ["evaluator", "beheerder"]}, None),  # ambiguous
        ({"preferred_username": "x@y.nl", "roles": ["burgemeester"]}, None),  # which municipality?
        ({"preferred_username": "x@y.nl", "roles": ["Global Admin"]}, None),
        ({"preferred_username": "x@y.nl"}, None),
        ({"name": "Zonder Mail", "roles": ["evaluator"]}, None),
    ],
)
def test_claims_to_user(claims: dict, expected: User | None) -> None:
    assert user_from_claims(claims, TABLE) == expected


def test_table_from_the_accounts_file() -> None:
    store = AccountStore.from_settings(load_settings())
    store.map_email("M.Jansen@Bladel.nl", "burgemeester", "Bladel")
    assert store.oidc_table() == {"m.jansen@bladel.nl": {"rol": "burgemeester", "gemeente": "GM1728"}}
    assert user_from_claims({"preferred_username": "m.jansen@bladel.nl"}, store.oidc_table()).gemeente == "GM1728"
