#!/usr/bin/env bash
# The one test command (README, CI): installs and starts the services the tests need (PostgreSQL, RabbitMQ, an S3 server),
# builds once, runs every test project on SQLite, the web tests again on PostgreSQL, and
# beside them all the cluster tests (two nodes on PostgreSQL and RabbitMQ, with a server of
# their own: they restart and stop it); ends with "N passed, N failed, N skipped" computed
# from the TRX files.
# Needs a Debian 12 machine with the .NET SDK; installs missing packages when run as root.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

configuration="${CONFIGURATION:-Release}"
artifacts="$root/artifacts/test"
results="$artifacts/results"
services_dir="${PW_SERVICES_DIR:-/tmp/projectworkflow-test-services}"
pg_port="${PW_PG_PORT:-55432}"
cluster_pg_port="${PW_CLUSTER_PG_PORT:-$((pg_port + 1))}"
rabbitmq_port="${PW_RABBITMQ_PORT:-5672}"
export PW_RABBITMQ_PORT="$rabbitmq_port"
s3_port="${PW_S3_PORT:-4568}"
export PW_S3_PORT="$s3_port"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '\n== %s (%ss)\n' "$*" "$SECONDS"; }

# ---------------------------------------------------------------- packages
# One line per service: "test that shows it is installed" "Debian package".
required_packages=(
  "compgen -G '/usr/lib/postgresql/*/bin/initdb'|postgresql"
  "command -v rabbitmq-server|rabbitmq-server"
  "command -v chromium|chromium"
  # Chinese text in Chromium's screenshots needs a CJK font (STACK-NOTES).
  "test -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc|fonts-wqy-zenhei"
  # The Web project's build installs the portal's front-end packages with npm (package-lock.json).
  "command -v npm|npm"
)

install_missing_packages() {
  local missing=() entry check package
  for entry in "${required_packages[@]}"; do
    check="${entry%|*}"; package="${entry##*|}"
    eval "$check" >/dev/null 2>&1 || missing+=("$package")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ $(id -u) -ne 0 ]]; then
    echo "missing packages: ${missing[*]} (run as root, or install them first)" >&2
    return 1
  fi
  step "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ---------------------------------------------------------------- PostgreSQL
# Two servers: one for the web tests' PostgreSQL pass, one for the cluster tests, whose outage stories restart and
# stop their server while the web pass runs beside them.
pg_data="$services_dir/postgres"
cluster_pg_data="$services_dir/postgres-cluster"
pg_started=""

stop_postgres() {
  if [[ -n "$pg_started" ]]; then
    PW_PG_PORT="$pg_port" bash infra/scripts/postgres.sh stop "$pg_data" || true
    PW_PG_PORT="$cluster_pg_port" bash infra/scripts/postgres.sh stop "$cluster_pg_data" || true
  fi
}

start_postgres() {
  # Servers left behind by an interrupted run.
  PW_PG_PORT="$pg_port" bash infra/scripts/postgres.sh stop "$pg_data" 2>/dev/null || true
  PW_PG_PORT="$cluster_pg_port" bash infra/scripts/postgres.sh stop "$cluster_pg_data" 2>/dev/null || true
  rm -rf "$services_dir"
  mkdir -p "$services_dir"
  pg_started=1
  PW_PG_PORT="$pg_port" bash infra/scripts/postgres.sh init "$pg_data"
  PW_PG_PORT="$cluster_pg_port" bash infra/scripts/postgres.sh init "$cluster_pg_data"
  export PW_TEST_PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
}

connection() { echo "Host=127.0.0.1;Port=$1;Username=postgres;Database=postgres;Pooling=true"; }

# ---------------------------------------------------------------- RabbitMQ
rabbitmq_dir="$services_dir/rabbitmq"
rabbitmq_started=""

start_rabbitmq() {
  rabbitmq_started=1   # before starting: a start that fails half-way is still stopped at exit
  bash infra/scripts/rabbitmq.sh start "$rabbitmq_dir"
  # For the cluster tests: the broker, and how to stop and start it (the broker-restart test does).
  export PW_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$rabbitmq_port/"
  export PW_TEST_RABBITMQ_CONTROL="$root/infra/scripts/rabbitmq.sh" PW_TEST_RABBITMQ_DIR="$rabbitmq_dir"
}

stop_rabbitmq() {
  if [[ -n "$rabbitmq_started" ]]; then bash infra/scripts/rabbitmq.sh stop "$rabbitmq_dir" || true; fi
}

# ---------------------------------------------------------------- S3
# s3rver (npm, infra/s3): a real S3-protocol server on the file system for the uploads-in-a-bucket tests, which stop
# and start it (an outage of the store).
s3_dir="$services_dir/s3"
s3_started=""

start_s3() {
  s3_started=1
  bash infra/scripts/s3.sh start "$s3_dir"
  export PW_TEST_S3="http://127.0.0.1:$s3_port"
  export PW_TEST_S3_CONTROL="$root/infra/scripts/s3.sh" PW_TEST_S3_DIR="$s3_dir"
}

stop_s3() {
  if [[ -n "$s3_started" ]]; then bash infra/scripts/s3.sh stop "$s3_dir" || true; fi
}

cleanup() {
  local status=$?
  stop_s3
  stop_rabbitmq
  stop_postgres
  rm -rf "$services_dir"
  exit "$status"
}
trap cleanup EXIT

# ---------------------------------------------------------------- summary
# Sums the Counters of every TRX file: failed includes errors, timeouts and aborts.
summarise() {
  local passed=0 failed=0 skipped=0 file counters
  while IFS= read -r -d '' file; do
    counters="$(grep -o '<Counters [^>]*>' "$file" | head -n 1)"
    attr() { sed -n "s/.* $1=\"\\([0-9]*\\)\".*/\\1/p" <<<"$counters"; }
    local total executed p f e t a
    total="$(attr total)"; executed="$(attr executed)"; p="$(attr passed)"
    f="$(attr failed)"; e="$(attr error)"; t="$(attr timeout)"; a="$(attr aborted)"
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
    skipped=$((skipped + ${total:-0} - ${executed:-0}))
  done < <(find "$results" -name '*.trx' -print0 2>/dev/null)
  summary_passed=$passed; summary_failed=$failed
  summary_line="$passed passed, $failed failed, $skipped skipped"
}

# ---------------------------------------------------------------- run
failures=0
rm -rf "$artifacts"
mkdir -p "$results"

step "packages"
install_missing_packages

step "starting PostgreSQL on 127.0.0.1:$pg_port (web tests) and :$cluster_pg_port (cluster tests)"
bash infra/scripts/rabbitmq.sh stop "$rabbitmq_dir" >/dev/null 2>&1 || true   # a broker left behind by an interrupted run
bash infra/scripts/s3.sh stop "$s3_dir" >/dev/null 2>&1 || true               # and an S3 server
start_postgres

step "starting RabbitMQ on 127.0.0.1:$rabbitmq_port"
start_rabbitmq

step "starting the S3 server (s3rver) on 127.0.0.1:$s3_port"
start_s3

step "restoring tools"
dotnet tool restore >/dev/null

step "building ProjectWorkflow.sln ($configuration)"
dotnet build ProjectWorkflow.sln -c "$configuration" -nologo -v quiet

step "SQL Server migrations script (SQL Server cannot run here: generated, not applied)"
dotnet ef migrations script --idempotent --no-build --configuration "$configuration" \
  --project src/ProjectWorkflow.Migrations.SqlServer --startup-project src/ProjectWorkflow.Migrations.SqlServer \
  --output "$artifacts/sqlserver-migrations.sql" >/dev/null
echo "wrote artifacts/test/sqlserver-migrations.sql ($(wc -l <"$artifacts/sqlserver-migrations.sql") lines)"

# Every test process (and each cluster node) starts apps and runs most of their code once or a few times: the runtime's
# profile-guided tier (TieredPGO), which instruments hot methods to recompile them better, costs these short lives more
# than it returns. Measured on the PostgreSQL funding share alone: 192 → 160 CPU-seconds, 108 → 92 s. The build above
# and the app in production keep the default.
export DOTNET_TieredPGO=0

step "cluster tests (two nodes on PostgreSQL :$cluster_pg_port and RabbitMQ), in the background"
# They mostly wait (for nodes to start, timers, a minute without the broker), so they run beside everything else. Their
# environment alone names their server, how to restart and stop it (the outage tests do) and the broker.
(
  export PW_PG_PORT="$cluster_pg_port"
  export PW_TEST_DB_CONNECTION="$(connection "$cluster_pg_port")" PW_TEST_POSTGRES="$(connection "$cluster_pg_port")"
  export PW_TEST_POSTGRES_CONTROL="$root/infra/scripts/postgres.sh" PW_TEST_POSTGRES_DIR="$cluster_pg_data"
  exec dotnet test tests/ProjectWorkflow.Cluster.Tests -c "$configuration" --no-build --nologo \
    --logger "trx;LogFilePrefix=cluster" --results-directory "$results/cluster"
) >"$artifacts/cluster.log" 2>&1 &
cluster_pid=$!

step "tests on SQLite (engine, funding, web, browser), one project after another"
dotnet test ProjectWorkflow.sln -c "$configuration" --no-build --nologo -maxcpucount:1 \
  --filter "FullyQualifiedName!~ProjectWorkflow.Cluster.Tests" \
  --logger "trx;LogFilePrefix=sqlite" --results-directory "$results/sqlite" || failures=$((failures + 1))
export PW_TEST_DB_CONNECTION="$(connection "$pg_port")"

step "web tests on PostgreSQL (three processes side by side)"
# Inside one process the web tests start their apps one after another (Hangfire keeps process-wide state), and an
# app on PostgreSQL takes seconds to migrate and seed its fresh database: one process alone took 16 minutes, mostly
# waiting. Three processes, each with its own share of the test classes, wait side by side. The last share is
# "everything else", so a new test class always runs somewhere.
web_shares=(
  "funding|FullyQualifiedName~.Web.Tests.Funding."
  "vouchers-operations|FullyQualifiedName~.Web.Tests.Vouchers.|FullyQualifiedName~.Web.Tests.Operations.|FullyQualifiedName~.Web.Tests.Notifications."
  "others|FullyQualifiedName!~.Web.Tests.Funding.&FullyQualifiedName!~.Web.Tests.Vouchers.&FullyQualifiedName!~.Web.Tests.Operations.&FullyQualifiedName!~.Web.Tests.Notifications."
)
share_pids=()
for share in "${web_shares[@]}"; do
  name="${share%%|*}"
  PW_TEST_DB_PROVIDER=PostgreSql \
    dotnet test tests/ProjectWorkflow.Web.Tests -c "$configuration" --no-build --nologo --filter "${share#*|}" \
    --logger "trx;LogFilePrefix=postgres-$name" --results-directory "$results/postgres" >"$artifacts/postgres-$name.log" 2>&1 &
  share_pids+=("$!")
done
for i in "${!share_pids[@]}"; do
  wait "${share_pids[$i]}" || failures=$((failures + 1))
  name="${web_shares[$i]%%|*}"
  echo "-- share $name"
  cat "$artifacts/postgres-$name.log"
done

step "waiting for the cluster tests"
wait "$cluster_pid" || failures=$((failures + 1))
cat "$artifacts/cluster.log"

summarise
step "done"
if [[ $failures -ne 0 || $summary_failed -ne 0 || $summary_passed -eq 0 ]]; then
  echo "$summary_line"
  exit 1
fi
echo "$summary_line"
