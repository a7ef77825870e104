"""What the browser tests share: Debian's chromium (never `playwright install`), a `streamlit run dashboard.py`
server on a free local port with the test's private paths and accounts, and the page helpers (wait until a run
has finished, log in and out through the form, tell a local request from an external one).

`serve(env, roles)` is a context manager: it creates an account per role (cheap argon2 parameters, the password of
tests/login.py) in the accounts file that `env["KIT_USERS_FILE"]` names, starts the server with `env` over the
current environment, waits for its health check and yields the URL; the server is stopped afterwards.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.login import PASSWORD, ensure_account

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
FIGURE = '[data-testid="stPlotlyChart"] .main-svg'
MENU_LINK = '[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"]'
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
"""Chromium without anything that phones home on its own (so every recorded request is the dashboard's)."""

# On a developer machine without chromium the tests are skipped; under CI (CI=true) a missing browser is a failure,
# because scripts/test.sh installs it there.
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists() and os.environ.get("CI") != "true",
    reason="/usr/bin/chromium is absent (scripts/test.sh installs Debian's chromium when run as root)",
)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def private_env(tmp: Path, warehouse: Path) -> dict[str, str]:
    """The server's private paths under `tmp`: warehouse, accounts, audit log, coding store, key, raw folder and
    archive (nothing under the repository's data/ or ~/.config)."""
    return {"KIT_WAREHOUSE": str(warehouse), "KIT_USERS_FILE": str(tmp / "gebruikers.json"),
            "KIT_AUDIT_LOG": str(tmp / "audit.sqlite"), "KIT_CODING_DB": str(tmp / "codering.sqlite"),
            "KIT_PSEUDONYM_KEY": str(tmp / "pseudoniem.key"), "KIT_RAW_DIR": str(tmp / "raw"),
            "KIT_ARCHIVE_DIR": str(tmp / "archief")}


@contextmanager
def serve(env: dict[str, str], roles: tuple[str, ...] = ()) -> Iterator[str]:
    """Run the dashboard with `env` (see the module docstring) and yield its URL."""
    accounts = {k: env[k] for k in ("KIT_USERS_FILE", "KIT_AUDIT_LOG")}
    saved = {k: os.environ.get(k) for k in accounts}
    os.environ.update(accounts)
    try:
        for role in roles:
            ensure_account(role)
    finally:
        for k, v in saved.items():
            if v is None:
                del os.environ[k]
            else:
                os.environ[k] = v
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("streamlit did not start within 60 s")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def settle(page) -> None:  # noqa: ANN001 - playwright Page
    """Wait until the script run has finished (the running indicator is gone) and the page is drawn."""
    page.wait_for_selector('[data-testid="stMain"]', timeout=90_000)
    page.wait_for_timeout(500)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=90_000)
    page.wait_for_timeout(800)


def open_page(page, label: str) -> None:  # noqa: ANN001
    """Click the menu entry `label` and wait for the page."""
    page.locator(MENU_LINK).filter(has_text=label).first.click()
    settle(page)


def login(page, name: str) -> None:  # noqa: ANN001
    """Log in as account `name` (a test account of tests/login.py) through the login form, the only thing shown
    before login."""
    assert page.locator(MENU_LINK).count() == 0  # no menu before login
    page.get_by_label("Naam").fill(name)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_selector(MENU_LINK, timeout=90_000)
    settle(page)


def logout(page) -> None:  # noqa: ANN001
    """Press Uitloggen and wait for the login form."""
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_selector('input[type="password"]', timeout=90_000)
    settle(page)


def is_local(url: str) -> bool:
    """True for a request that stays on this machine (the test server, or data:/blob: URLs made in the page)."""
    parsed = urlparse(url)
    return parsed.scheme in {"data", "blob", "about"} or parsed.hostname in {"127.0.0.1", "localhost"}
