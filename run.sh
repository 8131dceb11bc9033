#!/usr/bin/env bash
# Starts the portal on the embedded SQLite default, seeded with demo data and a demo user for every role.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# Manifests and other PDFs are printed by Debian's Chromium (Playwright cannot download a browser here) with
# DejaVu Sans, Droid Sans Fallback and Noto CJK (docs/adr/0008); install them when missing, as ./test.sh does.
need_packages=()
[[ -x /usr/bin/chromium ]] || need_packages+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || [[ -z "$(fc-list :lang=zh 2>/dev/null)" ]]; then
  need_packages+=(fonts-noto-cjk)
fi
[[ -n "$(fc-list "Droid Sans Fallback" 2>/dev/null)" ]] || need_packages+=(fonts-droid-fallback)
[[ -n "$(fc-list "DejaVu Sans" 2>/dev/null)" ]] || need_packages+=(fonts-dejavu-core)
if (( ${#need_packages[@]} )); then
  echo "Installing ${need_packages[*]} (printing documents needs them)..."
  sudo_cmd=()
  if [[ "$(id -u)" -ne 0 ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${need_packages[@]}"
fi
urls="${PORTAL_URLS:-http://localhost:5080}"
# Where couriers' phones open the manifest QR codes (and what lets manifests be printed ahead): set
# PORTAL_PUBLIC_URL when the portal is reached from other machines.
export Documents__PublicBaseUrl="${PORTAL_PUBLIC_URL:-${urls%%;*}}"
ASPNETCORE_ENVIRONMENT=Development exec dotnet run --project Portal.Web --urls "$urls"
