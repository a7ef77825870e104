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


def pages(once: bool) -> dict:
    """Per page: the first render with empty caches (cold) and the next rerun (warm), all teams chosen."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from ui.filters import TEAM_KEY
    from ui.registry import PAGES

    root = Path(__file__).resolve().parents[1]
    out: dict = {}
    for spec in PAGES:
        if not once:
            st.cache_data.clear()
        at = AppTest.from_file(str(root / "dashboard.py"), default_timeout=3600)
        at.session_state[TEAM_KEY] = []  # "Alle teams": the largest selection
        at.switch_page(spec.path)
        start = time.perf_counter()
        at.run()
        cold = time.perf_counter() - start
        if at.exception:
            raise RuntimeError(f"{spec.path}: {[e.value for e in at.exception]}")
        start = time.perf_counter()
        at.run()
        out[spec.name] = {"cold_s": round(cold, 3), "warm_s": round(time.perf_counter() - start, 3)}
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
