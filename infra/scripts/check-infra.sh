#!/usr/bin/env bash
# Checks what can be checked of the deployment files on a machine that cannot run containers:
#  - both compose files parse and interpolate (docker-compose 1.29 from Debian, `config -q`), and refuse to
#    start without their secrets;
#  - every Kubernetes manifest validates against the Kubernetes API's JSON schemas (npm: kubernetes-models);
#  - the Dockerfile's stages, user and health check are there (by reading it; no image is built here).
# Usage: bash infra/scripts/check-infra.sh   (installs docker-compose and the npm packages when missing)
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v docker-compose >/dev/null || apt-get install -y docker-compose >/dev/null
failures=0

dummy=(MSSQL_SA_PASSWORD=x RABBITMQ_PASSWORD=x PW_SIGNING_KEY=x PW_AUDIT_KEY=x POSTGRES_PASSWORD=x)
for file in infra/compose.yaml infra/compose.postgresql.yaml; do
  if env "${dummy[@]}" docker-compose -f "$file" config -q; then echo "ok   $file parses"; else echo "FAIL $file"; failures=$((failures + 1)); fi
  if docker-compose -f "$file" config -q >/dev/null 2>&1; then echo "FAIL $file starts without its secrets"; failures=$((failures + 1)); else echo "ok   $file refuses to start without its secrets"; fi
done

modules="${TMPDIR:-/tmp}/projectworkflow-infra-check"
if [[ ! -d "$modules/node_modules/kubernetes-models" ]]; then
  mkdir -p "$modules"
  (cd "$modules" && npm init -y >/dev/null && npm install --no-audit --no-fund kubernetes-models@5.1.0 js-yaml@4.1.0 >/dev/null 2>&1)
fi
node infra/scripts/check-manifests.mjs "$modules/node_modules" infra/k8s || failures=$((failures + 1))

for expected in 'AS frontend' 'AS build' 'AS runtime' 'USER $APP_UID' 'HEALTHCHECK' 'npm ci' 'migrations bundle'; do
  if grep -qF "$expected" Dockerfile; then echo "ok   Dockerfile has $expected"; else echo "FAIL Dockerfile lacks $expected"; failures=$((failures + 1)); fi
done

echo "infra checks: $failures failed"
exit $(( failures > 0 ))
