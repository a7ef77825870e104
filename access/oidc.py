"""Map an OIDC login (Streamlit's st.login, e.g. Microsoft Entra ID) onto the dashboard's roles.

Two sources, in this order: the e-mail -> role table in the accounts file (`python -m access user oidc EMAIL
--role ROLE [--gemeente G]`), then the token's `roles` claim (Entra ID app roles whose values are the role names).
Fail closed: no e-mail, no role, several roles, or a burgemeester without a municipality in the table give None.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from access.accounts import User
from ui.registry import ROLES

EMAIL_CLAIMS = ("email", "preferred_username", "upn")
"""Claims that hold the user's e-mail address, in order of preference (Entra ID puts it in preferred_username)."""


def email_of(claims: Mapping[str, Any]) -> str | None:
    """The user's e-mail address in lower case, None when the token has none."""
    for claim in EMAIL_CLAIMS:
        value = claims.get(claim)
        if isinstance(value, str) and "@" in value:
            return value.strip().casefold()
    return None


def user_from_claims(claims: Mapping[str, Any], table: Mapping[str, Mapping[str, str]]) -> User | None:
    """The User for the identity provider's `claims`, or None when no single role follows (see the module)."""
    email = email_of(claims)
    if email is None:
        return None
    entry = table.get(email)
    if entry is not None:
        role, gemeente = entry.get("rol"), entry.get("gemeente")
        if role not in ROLES or (role == "burgemeester") != bool(gemeente):
            return None
        return User(email, role, gemeente or None)
    raw = claims.get("roles") or []
    if isinstance(raw, str):
        raw = [raw]
    roles = {str(r).strip().casefold() for r in raw} & set(ROLES)
    if len(roles) != 1:
        return None
    role = roles.pop()
    if role == "burgemeester":  # bound to one municipality, which only the table can say
        return None
    return User(email, role)
