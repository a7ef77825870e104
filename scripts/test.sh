#!/usr/bin/env bash
# Set up and run the whole test suite (lint, unit, page and browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if { [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/truetype/noto ] || ! command -v pdftotext >/dev/null 2>&1 \
     || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; } && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian chromium, chromium-driver, poppler-utils (pdftotext) and fonts for the browser and PDF tests ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-color-emoji \
    fonts-dejavu-core poppler-utils >/dev/null
fi
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
