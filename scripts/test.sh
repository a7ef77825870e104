#!/usr/bin/env bash
# Set up and run the whole test suite (lint, unit, page and browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if { [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/truetype/noto ]; } && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian chromium and chromium-driver for the browser tests ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-color-emoji >/dev/null
fi
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
