"""Command line for accounts: `python -m access user add NAME --role ROLE [--gemeente G]`, `user reset NAME`,
`user remove NAME`, `user list`, `user oidc EMAIL --role ROLE [--gemeente G]`, and `demo` (the demo accounts).

A password is read from standard input (first line) or, on a terminal, prompted twice; never an argument.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from access.accounts import AccountError, AccountStore
from access.audit import operator
from access.demo import create_demo_accounts
from access.files import OpenFileError, owner_only
from settings import load_settings
from ui.registry import ROLES


def _password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Wachtwoord: ")
        if getpass.getpass("Nogmaals: ") != first:
            raise AccountError("de twee wachtwoorden zijn niet gelijk")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and run the command; returns the exit code."""
    owner_only()
    parser = argparse.ArgumentParser(prog="python -m access", description="Accounts van het KIT-dashboard.")
    sub = parser.add_subparsers(dest="command", required=True)
    user = sub.add_parser("user", help="Accounts beheren.").add_subparsers(dest="action", required=True)
    add = user.add_parser("add", help="Account toevoegen (wachtwoord via standaardinvoer of prompt).")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--gemeente", help="Verplicht voor een burgemeester: naam of CBS-code.")
    reset = user.add_parser("reset", help="Nieuw wachtwoord instellen (heft ook een blokkade op).")
    reset.add_argument("name")
    remove = user.add_parser("remove", help="Account verwijderen.")
    remove.add_argument("name")
    user.add_parser("list", help="Accounts tonen (zonder wachtwoorden).")
    oidc = user.add_parser("oidc", help="E-mailadres koppelen aan een rol voor inloggen via OIDC.")
    oidc.add_argument("email")
    oidc.add_argument("--role", required=True, choices=ROLES)
    oidc.add_argument("--gemeente")
    sub.add_parser("demo", help="Demo-accounts aanmaken als er nog geen accountbestand is (alleen voor de demo).")
    args = parser.parse_args(argv)
    store = AccountStore.from_settings(load_settings())
    try:
        if args.command == "demo":
            made = create_demo_accounts(store)
            print(f"Demo-accounts aangemaakt in {store.path} (alleen voor de demo)." if made
                  else f"Accountbestand {store.path} bestaat al; geen demo-accounts aangemaakt.")
        elif args.action == "add":
            made = store.add(args.name, args.role, _password(), args.gemeente, by=operator())
            print(f"Account {made.name} toegevoegd (rol {made.role}" + (f", gemeente {made.gemeente})" if made.gemeente
                                                                          else ")"))
        elif args.action == "reset":
            store.reset(args.name, _password(), by=operator())
            print(f"Nieuw wachtwoord ingesteld voor {args.name}.")
        elif args.action == "remove":
            store.remove(args.name, by=operator())
            print(f"Account {args.name} verwijderd.")
        elif args.action == "oidc":
            store.map_email(args.email, args.role, args.gemeente, by=operator())
            print(f"{args.email.strip().casefold()} gekoppeld aan rol {args.role}.")
        else:
            for u in store.users():
                print(f"{u.name}\t{u.role}\t{u.gemeente or ''}")
    except (AccountError, OpenFileError) as error:
        print(f"Fout: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
