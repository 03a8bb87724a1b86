#!/usr/bin/env bash
# System packages the browser and PDF tests need: Debian's Chromium (driven by Playwright,
# nothing downloaded by Playwright itself) and poppler-utils (pdfinfo, pdftotext).
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v fc-list >/dev/null && fc-list | grep -qi dejavu || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "needs root to apt-get install: ${missing[*]}" >&2; exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
chromium --version
