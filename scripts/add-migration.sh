#!/usr/bin/env bash
# Adds a migration to one service for all three providers (SQLite, PostgreSQL, SQL Server).
#   scripts/add-migration.sh <service folder> <MigrationName>     e.g. scripts/add-migration.sh notice Objections
# Each provider has its own context subclass and migrations folder (docs/adr, DESIGN.md Persistence);
# tests/Zgc.<Svc>.Tests/Persistence/MigrationsTests.cs fails when one is forgotten.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
folder=$1; name=$2
svc="$(tr '[:lower:]' '[:upper:]' <<< "${folder:0:1}")${folder:1}"
project="services/$folder/Zgc.$svc"
dotnet tool restore >/dev/null
dotnet build "$project" -c Release
for provider in Sqlite Postgres SqlServer; do
  dotnet dotnet-ef migrations add "$name" --project "$project" --startup-project "$project" \
    --context "${provider}${svc}DbContext" --output-dir "Persistence/Migrations/$provider" --configuration Release --no-build
done
