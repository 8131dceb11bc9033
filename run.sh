#!/usr/bin/env bash
# Starts the portal on the embedded SQLite default, seeded with demo data and a demo user for every role.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ASPNETCORE_ENVIRONMENT=Development exec dotnet run --project Portal.Web --urls "${PORTAL_URLS:-http://localhost:5080}"
