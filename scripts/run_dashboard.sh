#!/usr/bin/env bash
# Set up, bring the warehouse up to date with data/raw (built when missing; unchanged files are skipped), and start
# the dashboard. Extra arguments go to `streamlit run` (e.g. --server.port 8502).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
WAREHOUSE=${KIT_WAREHOUSE:-data/warehouse/kit.duckdb}
echo "Warehouse bijwerken uit data/raw ..."
if ! .venv/bin/python -m etl load data/raw --warehouse "$WAREHOUSE"; then
  echo "Let op: niet alle bestanden zijn geladen; zie de samenvatting hierboven en de pagina Datakwaliteit." >&2
fi
# Demo only: when there is no accounts file yet (KIT_USERS_FILE, default ~/.config/kit-dashboard/gebruikers.json),
# create the documented demo accounts (README, "Inloggen en rollen"). A real deployment adds its own accounts.
.venv/bin/python -m access demo
exec .venv/bin/streamlit run dashboard.py "$@"
