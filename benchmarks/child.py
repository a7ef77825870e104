"""One measurement in a process of its own (so its peak memory and its caches are its own); prints one JSON line.

    python -m benchmarks.child pages [--once]              every page under AppTest (KIT_WAREHOUSE from the env)
    python -m benchmarks.child load RAW WAREHOUSE REFERENCE KEY    one load run
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


PREFERENCE = ("beheerder", "evaluator", "stuurgroep", "burgemeester")
"""The role each page is measured as: the first of these that may open it (beheerders see unsuppressed figures)."""
PASSWORD = "benchmark-wachtwoord-123"


def _logged_in(role: str):  # noqa: ANN202 - AppTest
    """A fresh AppTest of dashboard.py logged in as a benchmark account of `role` (created in the child's own
    accounts file, KIT_USERS_FILE under the benchmark folder) through the real login form."""
    from streamlit.testing.v1 import AppTest

    from access.accounts import AccountStore
    from settings import load_settings
    from ui.auth import NAME_KEY, PASSWORD_KEY

    store = AccountStore.from_settings(load_settings())
    name = f"benchmark {role}"
    if store.get(name) is None:
        store.add(name, role, PASSWORD, "Bladel" if role == "burgemeester" else None)
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "dashboard.py"), default_timeout=3600)
    at.run()
    at.text_input(key=NAME_KEY).input(name)
    at.text_input(key=PASSWORD_KEY).input(PASSWORD)
    next(b for b in at.button if b.label == "Inloggen").click()
    at.run()
    if any(t.key == NAME_KEY for t in at.text_input):
        raise RuntimeError(f"login as {role} failed: {[e.value for e in at.error]}")
    return at


def pages(once: bool) -> dict:
    """Per page, logged in as a role that may open it: the first render with empty caches (cold) and the next
    rerun (warm), all teams chosen. The login itself is not timed."""
    import streamlit as st

    from ui.filters import TEAM_KEY
    from ui.registry import PAGES

    out: dict = {}
    for spec in PAGES:
        if not once:
            st.cache_data.clear()
        at = _logged_in(next(r for r in PREFERENCE if r in spec.roles))
        at.session_state[TEAM_KEY] = []  # "Alle teams": the largest selection
        at.switch_page(spec.path)
        start = time.perf_counter()
        at.run()
        cold = time.perf_counter() - start
        if at.exception or any(t.value == "Geen toegang" for t in at.title):
            raise RuntimeError(f"{spec.path}: {[e.value for e in at.exception] or 'geweigerd'}")
        start = time.perf_counter()
        at.run()
        out[spec.name] = {"cold_s": round(cold, 3), "warm_s": round(time.perf_counter() - start, 3)}
        print(f"{spec.name}: {out[spec.name]}", file=sys.stderr, flush=True)  # progress, for a long run
    out["_peak_rss_bytes"] = _peak_rss()
    return out


def load(raw: str, warehouse: str, reference: str, key: str) -> dict:
    from benchmarks.measure import _load

    start = time.perf_counter()
    _load(Path(raw), Path(warehouse), Path(reference), Path(key))
    return {"load_s": round(time.perf_counter() - start, 3), "_peak_rss_bytes": _peak_rss()}


def main(argv: list[str]) -> None:
    if argv[0] == "pages":
        result = pages("--once" in argv)
    elif argv[0] == "load":
        result = load(*argv[1:5])
    else:
        raise SystemExit(__doc__)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
