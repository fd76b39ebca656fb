#!/bin/bash
# Runs the quality suites once on the defaults and once with each retrieval stage switched off, each time
# against a fresh server on a fresh embedded database, and prints one line per run (shared sets, own sets,
# LoCoMo half). Extra environment (e.g. MEMORIA_EMBEDDING_MODEL=e5-small-v2) is passed to every server.
#
#   bench/ablation.sh [JAR] [SHARED_BENCH_DIR]
#   defaults: memoria-server/target/memoria-server.jar, ../shared/bench
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${1:-memoria-server/target/memoria-server.jar}
BENCH=${2:-../shared/bench}
PORT=${ABLATION_PORT:-18390}
KEY=ablation-master-key-0123456789
STAGES=${ABLATION_STAGES:-"vector keyword recency current-state feedback association diversity cutoff"}

run() {  # $1 = label, $2 = stages off
  local data; data=$(mktemp -d)
  MEMORIA_PORT=$PORT MEMORIA_DATA_DIR=$data MEMORIA_MASTER_KEY=$KEY MEMORIA_RETRIEVAL_STAGES_OFF=$2 \
    java -jar "$JAR" > "$data.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break; sleep 1; done
  local own=()
  for f in "$HERE"/own/*.json; do own+=(--dataset "$f"); done
  local shared ownScore locomo
  shared=$(python3 "$BENCH/run.py" --api-url "http://127.0.0.1:$PORT" --token $KEY 2>&1 | grep '^SCORE' | sed 's/.*MEAN=//')
  ownScore=$(python3 "$BENCH/run.py" --api-url "http://127.0.0.1:$PORT" --token $KEY "${own[@]}" 2>&1 | grep '^SCORE' | sed 's/.*MEAN=//')
  locomo=$(python3 "$BENCH/locomo/run_locomo.py" --api-url "http://127.0.0.1:$PORT" --token $KEY 2>&1 | tail -1 | sed 's/.*R@10=\([0-9.]*\).*/\1/')
  kill $pid; wait $pid 2> /dev/null
  rm -rf "$data" "$data.log"
  printf '%-16s shared=%-6s own=%-6s locomo_r10=%s\n' "$1" "$shared" "$ownScore" "$locomo"
}

run defaults ""
for stage in $STAGES; do
  run "-$stage" "$stage"
done
