#!/usr/bin/env bash
# Adds the migration NAME to every provider's migrations assembly, so the three never drift.
# Usage: bash infra/scripts/add-migration.sh NAME
set -euo pipefail

if [[ $# -ne 1 || -z "$1" ]]; then
  echo "usage: $0 NAME   (e.g. $0 AddWorkflowInstances)" >&2
  exit 2
fi
name="$1"

cd "$(dirname "$0")/../.."
dotnet tool restore >/dev/null

for provider in Sqlite SqlServer PostgreSql; do
  project="src/ProjectWorkflow.Migrations.$provider"
  echo "== $provider"
  dotnet restore "$project" >/dev/null
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
