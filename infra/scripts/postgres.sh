#!/usr/bin/env bash
# A throwaway PostgreSQL for tests, without systemd (see STACK-NOTES): run as the postgres user when started by root,
# bound to 127.0.0.1, its socket in its data folder, fsync off.
#
# Usage: postgres.sh init|start|stop|stop-immediate|restart-immediate DIR
#   init               makes a new cluster in DIR (user postgres, trust) and starts it
#   start              starts the cluster in DIR and waits until it accepts connections
#   stop               stops it (fast; immediate if fast fails)
#   stop-immediate     stops it as a crash would (no checkpoint; the next start recovers)
#   restart-immediate  pg_ctl restart -m immediate: the cluster tests' "database restarted mid-run"
# Port: PW_PG_PORT (default 55432). The log is DIR.log. The newest PostgreSQL under /usr/lib/postgresql is used,
# or PW_PG_BIN.
set -euo pipefail

command="${1:-}"
dir="${2:-}"
if [[ -z "$command" || -z "$dir" ]]; then
  echo "usage: $0 init|start|stop|stop-immediate|restart-immediate DIR" >&2
  exit 2
fi
port="${PW_PG_PORT:-55432}"
bin="${PW_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}"
log="$dir.log"

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  as_postgres "$bin/pg_ctl" -D "$dir" -l "$log" -w -t 120 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
}

case "$command" in
  init)
    parent="$(dirname "$dir")"
    mkdir -p "$parent"
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$parent"; fi
    as_postgres "$bin/initdb" -D "$dir" -U postgres -A trust --no-sync -E UTF8 >/dev/null
    start
    ;;
  start)
    start
    ;;
  stop)
    [[ -f "$dir/postmaster.pid" ]] || exit 0
    as_postgres "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 \
      || as_postgres "$bin/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null 2>&1 || true
    ;;
  stop-immediate)
    as_postgres "$bin/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null
    ;;
  restart-immediate)
    # restart reuses the options of the running server (postmaster.opts): same port, socket and settings.
    as_postgres "$bin/pg_ctl" -D "$dir" -l "$log" -m immediate -w -t 120 restart >/dev/null
    ;;
  *)
    echo "usage: $0 init|start|stop|stop-immediate|restart-immediate DIR" >&2
    exit 2
    ;;
esac
