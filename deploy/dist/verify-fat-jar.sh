#!/usr/bin/env bash
# Checks the fat jar (mvn -B -Pdist -DskipTests package): --help runs, its merged reference.conf
# holds the cluster settings, and two nodes started from it form a cluster on 127.0.0.1 that runs a
# small campaign (coordinator with HTTP API + one labeler node).
#   deploy/dist/verify-fat-jar.sh [deploy/target/eelt.jar]
set -euo pipefail
JAR="$(cd "$(dirname "${1:-deploy/target/eelt.jar}")" && pwd)/$(basename "${1:-deploy/target/eelt.jar}")"
[[ -f "$JAR" ]] || { echo "no $JAR: build it with mvn -B -Pdist -DskipTests package" >&2; exit 2; }
WORK="$(mktemp -d)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

java -jar "$JAR" --help > "$WORK/help.txt"
grep -q "serve" "$WORK/help.txt" || { echo "FAIL: --help lists no serve command" >&2; exit 1; }
unzip -p "$JAR" reference.conf > "$WORK/reference.conf"
grep -q "^eelt.node" "$WORK/reference.conf" || { echo "FAIL: merged reference.conf lacks eelt.node" >&2; exit 1; }
grep -q "pekko.cluster.typed.receptionist" "$WORK/reference.conf" \
  || { echo "FAIL: merged reference.conf lacks Pekko cluster-typed settings" >&2; exit 1; }

SEED=$(free_port); LAB=$(free_port); HTTP=$(free_port)
cat > "$WORK/coord.conf" <<CONF
eelt.node { roles = [coordinator], host = "127.0.0.1", port = $SEED, seed-nodes = ["127.0.0.1:$SEED"], data-dir = "$WORK/c" }
eelt.service { http.port = $HTTP, data-dir = "$WORK/c", token = "verify" }
CONF
cat > "$WORK/lab.conf" <<CONF
eelt.node { roles = [labeler], host = "127.0.0.1", port = $LAB, seed-nodes = ["127.0.0.1:$SEED"], data-dir = "$WORK/l", labeler.workers = 2 }
CONF
java -Xmx512m -jar "$JAR" serve --config "$WORK/coord.conf" > "$WORK/coord.out" 2> "$WORK/coord.err" & PIDS+=($!)
java -Xmx384m -jar "$JAR" serve --config "$WORK/lab.conf" > "$WORK/lab.out" 2> "$WORK/lab.err" & PIDS+=($!)
for _ in $(seq 1 120); do
  up=$(curl -s "http://127.0.0.1:$HTTP/api/cluster" | grep -o '"status":"Up"' | wc -l || true)
  [[ "$up" -ge 2 ]] && break
  sleep 1
done
[[ "${up:-0}" -ge 2 ]] || { echo "FAIL: the two nodes did not form a cluster; logs in $WORK" >&2; exit 1; }
echo "cluster: $(curl -s "http://127.0.0.1:$HTTP/api/cluster")"
SPEC='eelt.campaign { name = verify, type-map = [Cu], systems = [{builder = fcc, element = Cu, a = 3.615, repeat = 2}]
  exploration.stages = [{temperatures = [300], walkers = 1, steps-per-walker = 100}]
  labeling { oracle = "sutton-chen:", workers = 2, simulated-latency { median-s = 0.05, sigma = 0 } }
  training { ensemble-size = 2, model { sel = [60], rcut = 5.0, rcut-smth = 2.0, embedding = [4, 8], fitting = [16, 16] } }
  initial-data.bootstrap = 8
  convergence.max-labels = 8
  test.frames = 0 }'
ID=$(curl -s -H "Authorization: Bearer verify" -H "Content-Type: application/hocon" --data-binary "$SPEC" \
  "http://127.0.0.1:$HTTP/api/campaigns" | sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p')
[[ -n "$ID" ]] || { echo "FAIL: campaign not accepted" >&2; exit 1; }
for _ in $(seq 1 120); do
  st=$(curl -s "http://127.0.0.1:$HTTP/api/campaigns/$ID" | sed -n 's/^{"id":"[^"]*","name":"[^"]*","kind":"[^"]*","status":"\([^"]*\)".*/\1/p')
  st=${st:-$(curl -s "http://127.0.0.1:$HTTP/api/campaigns/$ID" | grep -o '"status":"[^"]*"' | head -1 | cut -d'"' -f4)}
  case "$st" in starting|running|paused|stopping|evaluating|"") sleep 1 ;; *) break ;; esac
done
echo "campaign $ID: $st"
[[ "$st" == "budget-exhausted" || "$st" == "converged" ]] || { echo "FAIL: campaign ended $st; logs in $WORK" >&2; exit 1; }
grep -q "joined campaign" "$WORK/lab.err" || { echo "FAIL: the labeler node never joined the campaign" >&2; exit 1; }
echo "OK: fat jar runs, reference.conf merged, 2-node cluster ran a campaign with a remote labeler node"
rm -rf "$WORK"
