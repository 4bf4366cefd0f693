#!/usr/bin/env bash
# Coordinator failover on 127.0.0.1 with the fat jar: an active and a standby coordinator sharing one
# data directory (keep-oldest split-brain strategy) and a labeler node. A campaign is submitted, the
# active coordinator is killed with SIGKILL mid-run, and the campaign manager singleton must resume
# the campaign on the standby from the shared stores and finish it.
#   deploy/dist/verify-failover.sh [deploy/target/eelt.jar]
set -euo pipefail
JAR="${1:-deploy/target/eelt.jar}"
[[ -f "$JAR" ]] || { echo "no $JAR: build it with mvn -B -Pdist -DskipTests package" >&2; exit 2; }
W="$(mktemp -d)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
fp() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
A=$(fp); B=$(fp); L=$(fp); H1=$(fp); H2=$(fp)
node() { # $1 roles, $2 port, $3 data dir, $4 extra
  echo "eelt.node { roles = [$1], host = \"127.0.0.1\", port = $2, seed-nodes = [\"127.0.0.1:$A\"], data-dir = \"$3\","
  echo "  labeler.workers = 2, split-brain { strategy = keep-oldest, stable-after = 2s },"
  echo "  failure-detector.acceptable-heartbeat-pause = 2s }"
  echo "$4"
}
node coordinator "$A" "$W/shared" "eelt.service { http.port = $H1, data-dir = \"$W/shared\", token = \"t\" }" > "$W/c1.conf"
node coordinator "$B" "$W/shared" "eelt.service { http.port = $H2, data-dir = \"$W/shared\", token = \"t\" }" > "$W/c2.conf"
node labeler "$L" "$W/l" "" > "$W/l.conf"
java -Xmx512m -jar "$JAR" serve --config "$W/c1.conf" > "$W/c1.out" 2> "$W/c1.err" & C1=$!; PIDS+=("$C1")
sleep 8   # the active coordinator is the oldest member
java -Xmx512m -jar "$JAR" serve --config "$W/c2.conf" > "$W/c2.out" 2> "$W/c2.err" & PIDS+=($!)
java -Xmx384m -jar "$JAR" serve --config "$W/l.conf" > "$W/l.out" 2> "$W/l.err" & PIDS+=($!)
up=0
for _ in $(seq 1 90); do
  up=$(curl -s "http://127.0.0.1:$H1/api/cluster" | grep -o '"status":"Up"' | wc -l || true)
  [[ "$up" -ge 3 ]] && break
  sleep 1
done
[[ "$up" -ge 3 ]] || { echo "FAIL: cluster did not form; logs in $W" >&2; exit 1; }
SPEC='eelt.campaign { name = failover, type-map = [Cu], systems = [{builder = fcc, element = Cu, a = 3.615, repeat = 2}]
  exploration.stages = [{temperatures = [300], walkers = 1, steps-per-walker = 100}]
  labeling { oracle = "sutton-chen:", workers = 2, simulated-latency { median-s = 0.3, sigma = 0 } }
  training { ensemble-size = 2, model { sel = [60], rcut = 5.0, rcut-smth = 2.0, embedding = [4, 8], fitting = [16, 16] } }
  initial-data.bootstrap = 60
  convergence.max-labels = 60
  test.frames = 0 }'
ID=$(curl -s -H "Authorization: Bearer t" -H "Content-Type: application/hocon" --data-binary "$SPEC" \
  "http://127.0.0.1:$H1/api/campaigns" | sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p')
[[ -n "$ID" ]] || { echo "FAIL: campaign not accepted" >&2; exit 1; }
sleep 6
kill -9 "$C1"
echo "killed the active coordinator (SIGKILL) during campaign $ID"
st=""
for _ in $(seq 1 90); do
  st=$(curl -s -m 5 "http://127.0.0.1:$H2/api/campaigns/$ID" | grep -o '"status":"[^"]*"' | head -1 | cut -d'"' -f4 || true)
  case "$st" in budget-exhausted|converged|failed|stopped) break ;; esac
  sleep 2
done
[[ "$st" == "budget-exhausted" || "$st" == "converged" ]] || { echo "FAIL: campaign ended '$st'; logs in $W" >&2; exit 1; }
grep -q "resuming campaign $ID" "$W/c2.err" || { echo "FAIL: the standby did not resume the campaign" >&2; exit 1; }
echo "OK: the standby coordinator resumed campaign $ID from the shared data directory and finished it ($st)"
rm -rf "$W"
