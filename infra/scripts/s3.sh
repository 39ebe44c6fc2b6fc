#!/usr/bin/env bash
# A throwaway S3-compatible server for tests: s3rver (npm, pinned in infra/s3/package-lock.json), a real S3-protocol
# HTTP server keeping buckets as folders, bound to 127.0.0.1. Its access key and secret are s3rver's fixed
# S3RVER / S3RVER (a test server's, not a secret).
#
# Usage: s3.sh start|stop DIR
#   start  installs the package when missing (npm ci), starts the server on DIR/data and waits until it answers
#   stop   stops the server this script started (by the pid in DIR/s3rver.pid)
# Port: PW_S3_PORT (default 4568). The log is DIR/s3rver.log.
set -euo pipefail

command="${1:-}"
dir="${2:-}"
if [[ -z "$command" || -z "$dir" ]]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi
port="${PW_S3_PORT:-4568}"
package="$(cd "$(dirname "$0")/../s3" && pwd)"
pid_file="$dir/s3rver.pid"

case "$command" in
  start)
    if [[ ! -x "$package/node_modules/.bin/s3rver" ]]; then
      (cd "$package" && npm ci --no-audit --no-fund >/dev/null)
    fi
    mkdir -p "$dir/data"
    nohup node "$package/node_modules/s3rver/bin/s3rver.js" --directory "$dir/data" --address 127.0.0.1 --port "$port" \
      --no-vhost-buckets >"$dir/s3rver.log" 2>&1 &
    echo $! >"$pid_file"
    for _ in $(seq 1 100); do
      # Its own line, not any answer on the port: another server there must not pass for this one.
      if grep -q "listening on 127.0.0.1:$port" "$dir/s3rver.log"; then exit 0; fi
      if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
        echo "s3rver did not start:" >&2; cat "$dir/s3rver.log" >&2; rm -f "$pid_file"; exit 1
      fi
      sleep 0.1
    done
    echo "s3rver did not listen on 127.0.0.1:$port within 10 s" >&2
    kill "$(cat "$pid_file")" 2>/dev/null || true
    rm -f "$pid_file"
    exit 1
    ;;
  stop)
    [[ -f "$pid_file" ]] || exit 0
    pid="$(cat "$pid_file")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$pid_file"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
