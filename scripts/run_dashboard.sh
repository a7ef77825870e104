#!/usr/bin/env bash
# Set up, build the warehouse from data/raw when it is missing, and start the dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
WAREHOUSE=${KIT_WAREHOUSE:-data/warehouse/kit.duckdb}
if [ ! -f "$WAREHOUSE" ]; then
  echo "Warehouse ontbreekt: laden uit data/raw ..."
  .venv/bin/python -m etl load data/raw --warehouse "$WAREHOUSE"
fi
exec .venv/bin/streamlit run dashboard.py "$@"
