#!/usr/bin/env bash
# Rehearses the upgrade and backup path of docs/operations.md against a running PostgreSQL server (it creates and
# drops its own databases, never starts or stops the server):
#   1. builds the EF Core migration bundle for PostgreSQL and runs it against a new database (what the Kubernetes
#      migration Job and the compose `migrate` service do);
#   2. starts the app on that database (demo data seeded, so there is something to keep) and checks it is ready;
#   3. backs the database up with pg_dump, restores it into a fresh database with pg_restore;
#   4. starts the app on the restored database: ready, sign-in works, the audit chain verifies, the ledger reconciles.
# Usage: PGHOST=127.0.0.1 PGPORT=55433 PGUSER=postgres bash infra/scripts/rehearse-backup-restore.sh
# Needs a built solution (dotnet build -c Release) and the PostgreSQL client tools (pg_dump, pg_restore, psql).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
: "${PGHOST:?set PGHOST}" "${PGPORT:?set PGPORT}" "${PGUSER:?set PGUSER}"
export PGHOST PGPORT PGUSER
pgbin=/usr/lib/postgresql/15/bin
[[ -x "$pgbin/pg_dump" ]] || pgbin="$(dirname "$(command -v pg_dump)")"

work="$(mktemp -d)"
suffix="$(date +%s)_$$"
original="pw_rehearsal_${suffix}"
restored="pw_rehearsal_${suffix}_restored"
node_pid=""
cleanup() {
  [[ -n "$node_pid" ]] && kill "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null || true
  "$pgbin/psql" -q -d postgres -c "DROP DATABASE IF EXISTS \"$original\" WITH (FORCE)" >/dev/null 2>&1 || true
  "$pgbin/psql" -q -d postgres -c "DROP DATABASE IF EXISTS \"$restored\" WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
connection() { echo "Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$1"; }
audit_key="$(head -c 32 /dev/urandom | base64)"
web="$root/src/ProjectWorkflow.Web/bin/Release/net10.0"
port=$(( 20000 + RANDOM % 20000 ))

start_node() { # database
  (cd "$web" && ASPNETCORE_ENVIRONMENT=Development DOTNET_NOLOGO=1 \
    Database__Provider=PostgreSql ConnectionStrings__ProjectWorkflow="$(connection "$1")" \
    DataDirectory="$work/data-$1" Seed__DemoData=true Seed__DemoApplications=false \
    Auth__SigningKey=rehearsal-signing-key-0123456789-0123456789 \
    Audit__CurrentKeyId=rehearsal Audit__Keys__rehearsal="$audit_key" \
    exec dotnet ProjectWorkflow.Web.dll --urls "http://127.0.0.1:$port" >"$work/node-$1.log" 2>&1) &
  node_pid=$!
  for _ in $(seq 1 600); do
    if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then echo "ok   the app is ready on $1"; return 0; fi
    kill -0 "$node_pid" 2>/dev/null || { tail -40 "$work/node-$1.log"; echo "FAIL the app exited on $1"; exit 1; }
    sleep 0.5
  done
  tail -40 "$work/node-$1.log"; echo "FAIL the app was not ready on $1 after 300 s"; exit 1
}
stop_node() { kill "$node_pid"; wait "$node_pid" 2>/dev/null || true; node_pid=""; }
token() { curl -fsS -X POST "http://127.0.0.1:$port/api/auth/token" -H 'content-type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"Demo#2026\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'; }

echo "== 1. migration bundle"
dotnet tool restore >/dev/null
dotnet ef migrations bundle --configuration Release --force \
  --project src/ProjectWorkflow.Migrations.PostgreSql --startup-project src/ProjectWorkflow.Migrations.PostgreSql \
  --output "$work/efbundle-postgresql" >"$work/bundle.log" 2>&1 || { tail -20 "$work/bundle.log"; exit 1; }
"$pgbin/psql" -q -d postgres -c "CREATE DATABASE \"$original\""
"$work/efbundle-postgresql" --connection "$(connection "$original")" >"$work/migrate.log" 2>&1 || { tail -20 "$work/migrate.log"; exit 1; }
echo "ok   the bundle applied $(grep -c "Applying migration" "$work/migrate.log") migrations to $original"

echo "== 2. the app on the migrated database"
start_node "$original"
if grep -q "Applying migration" "$work/node-$original.log"; then echo "FAIL the app found migrations the bundle had not applied"; exit 1; fi
echo "ok   the app found nothing left to migrate"
stop_node

echo "== 3. backup and restore"
"$pgbin/pg_dump" --format=custom --file="$work/backup.dump" -d "$original"
"$pgbin/psql" -q -d postgres -c "CREATE DATABASE \"$restored\""
"$pgbin/pg_restore" --no-owner --exit-on-error -d "$restored" "$work/backup.dump"
echo "ok   $(du -h "$work/backup.dump" | cut -f1) backup restored into $restored"

echo "== 4. the app on the restored database"
start_node "$restored"
auditor="$(token auditor1)"
verified="$(curl -fsS "http://127.0.0.1:$port/api/audit/verify" -H "Authorization: Bearer $auditor")"
echo "$verified" | grep -q '"verified":true' || { echo "FAIL audit chain after restore: $verified"; exit 1; }
echo "ok   the audit chain verifies after the restore: $verified"
finance="$(token finance1)"
report="$(curl -fsS -X POST "http://127.0.0.1:$port/api/ledger/reconciliations" -H "Authorization: Bearer $finance" -H 'content-type: application/json' -d '{}')"
echo "$report" | grep -q '"clean":true' || { echo "FAIL reconciliation after restore: $report"; exit 1; }
echo "ok   the ledger reconciles after the restore"
stop_node
echo "rehearsal passed"
