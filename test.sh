#!/usr/bin/env bash
# Runs every test (unit, slice, component and browser E2E) in Release, installing what the E2E tests need.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# The browser tests drive Debian's Chromium (`playwright install` cannot download browsers here) and need
# CJK fonts to render the Chinese UI and print documents (docs/adr/0008); the slice, API and race tests also run on
# a throwaway PostgreSQL cluster.
need_packages=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need_packages+=(postgresql)
[[ -x /usr/bin/chromium ]] || need_packages+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || [[ -z "$(fc-list :lang=zh 2>/dev/null)" ]]; then
  need_packages+=(fonts-noto-cjk)
fi
[[ -n "$(fc-list "Droid Sans Fallback" 2>/dev/null)" ]] || need_packages+=(fonts-droid-fallback)
[[ -n "$(fc-list "DejaVu Sans" 2>/dev/null)" ]] || need_packages+=(fonts-dejavu-core)
if (( ${#need_packages[@]} )); then
  echo "Installing ${need_packages[*]} (the tests need them)..."
  sudo_cmd=()
  if [[ "$(id -u)" -ne 0 ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${need_packages[@]}"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Release everywhere: the E2E fixture starts Portal.Web/bin/Release/... because its own assembly runs from
# Portal.E2E/bin/Release/... (it has no project reference to Portal.Web, so the solution build must build it).
dotnet build Portal.sln -c Release
dotnet test Portal.sln -c Release --no-build --logger "console;verbosity=normal"

# The slice, pipeline and API tests again on PostgreSQL (tests that name their engines already ran on both).
PORTAL_TEST_DATABASE=PostgreSql dotnet test Portal.Tests -c Release --no-build --logger "console;verbosity=normal" \
  --filter "(FullyQualifiedName~Portal.Tests.Features|FullyQualifiedName~Portal.Tests.Api|FullyQualifiedName~Portal.Tests.Common)&Engine!=Named"

# Every benchmark scenario once at a tiny size, so the harness keeps building and running (no timing is checked).
bench=(dotnet Portal.Bench/bin/Release/net10.0/Portal.Bench.dll)
"${bench[@]}" intake 20 1
"${bench[@]}" webhooks 20 1
"${bench[@]}" webhooks --engine postgres 20 1
"${bench[@]}" tracking --rate 20 --duration 1
"${bench[@]}" tracking --engine postgres --rate 20 --duration 1
"${bench[@]}" circuits --seconds 1 2
"${bench[@]}" routing 20 3 0.2
"${bench[@]}" manifests 2 2
"${bench[@]}" reconcile 3000
