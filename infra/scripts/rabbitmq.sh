#!/usr/bin/env bash
# A throwaway RabbitMQ for tests, without systemd (Debian's package does not start it; see STACK-NOTES):
# run as the rabbitmq user, bound to 127.0.0.1, with data, logs, pid and Erlang cookie under DIR.
#
# Usage: rabbitmq.sh start|stop|stop-broker DIR
#   start        starts the broker (and epmd) and waits until it accepts connections
#   stop-broker  stops the broker and leaves epmd (the cluster tests restart the broker with it)
#   stop         stops the broker, then the epmd it started
# Ports: PW_RABBITMQ_PORT (AMQP, default 5672) and PW_EPMD_PORT (default 4369); the node name follows the
# AMQP port, so two runs with different ports do not meet.
set -euo pipefail

command="${1:-}"
dir="${2:-}"
if [[ -z "$command" || -z "$dir" ]]; then
  echo "usage: $0 start|stop|stop-broker DIR" >&2
  exit 2
fi
port="${PW_RABBITMQ_PORT:-5672}"
epmd_port="${PW_EPMD_PORT:-4369}"
pid_file="$dir/rabbitmq.pid"
# Debian's wrappers in /usr/sbin cd to /var/lib/rabbitmq and use its Erlang cookie for the CLI while the
# server takes HOME's: the CLI then cannot talk to the server. The real scripts honour HOME for both.
bin="/usr/lib/rabbitmq/bin"
[[ -x "$bin/rabbitmq-server" ]] || bin="$(dirname "$(command -v rabbitmq-server)")"

as_rabbitmq() {
  local env=(
    RABBITMQ_NODENAME="rabbit-$port@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$port"
    RABBITMQ_DIST_PORT="$((port + 20000))" ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT="$epmd_port"
    RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_PID_FILE="$pid_file" HOME="$dir"
    # Inter-node and CLI traffic on loopback too, not on every interface.
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  )
  if [[ $(id -u) -eq 0 ]]; then runuser -u rabbitmq -- env "${env[@]}" "$@"; else env "${env[@]}" "$@"; fi
}

epmd_answers() { as_rabbitmq epmd -names >/dev/null 2>&1; }

stop_broker() {
  [[ -f "$pid_file" ]] || return 0
  as_rabbitmq "$bin/rabbitmqctl" stop "$pid_file" >/dev/null 2>&1 || {
    # Not answering its CLI: end the broker by the pid it wrote, which is ours.
    kill "$(cat "$pid_file")" 2>/dev/null || true
  }
  rm -f "$pid_file"
}

case "$command" in
  start)
    mkdir -p "$dir"
    if [[ $(id -u) -eq 0 ]]; then chown rabbitmq: "$dir"; fi
    # Only an epmd this script brought up is stopped by "stop"; one that was already running belongs to
    # someone else (or to this broker, when the cluster tests start it again after stop-broker).
    if ! epmd_answers; then touch "$dir/epmd-ours"; fi
    as_rabbitmq "$bin/rabbitmq-server" -detached
    as_rabbitmq "$bin/rabbitmqctl" wait --timeout 120 "$pid_file" >/dev/null
    ;;
  stop-broker)
    stop_broker
    ;;
  stop)
    stop_broker
    if [[ -f "$dir/epmd-ours" ]]; then
      as_rabbitmq epmd -kill >/dev/null 2>&1 || true
      rm -f "$dir/epmd-ours"
    fi
    ;;
  *)
    echo "usage: $0 start|stop|stop-broker DIR" >&2
    exit 2
    ;;
esac
