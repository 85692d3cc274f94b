#!/usr/bin/env bash
# Runs the libFuzzer target (Fuzz/LedgerFuzz.swift, built with -sanitize=fuzzer,address) on two workers.
#   Fuzz/run.sh --seconds S    fuzz for S seconds per worker (CI: a bounded time)
#   Fuzz/run.sh --runs N       fuzz for N executions in all (N/2 per worker)
# Starts from the kept corpus (Fuzz/corpus, minimised) and the seeds (Fuzz/seeds, real entries); new crashers are
# copied to Fuzz/crashers (replayed by the LedgerRobustnessTests target) and fail the run. Prints the number of
# executions and appends a line to $LEDGER_FUZZ_FIGURES when set. Extra arguments go to libFuzzer.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:?usage: Fuzz/run.sh --seconds S | --runs N}; amount=${2:?}; shift 2
workers=${LEDGER_FUZZ_WORKERS:-2}
binary=$("$root/Fuzz/build.sh" "${LEDGER_FUZZ_BUILD:-$root/.build-fuzz}" 2> >(grep -v 'ld.gold: warning' >&2))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/artifacts" "$root/Fuzz/corpus" "$root/Fuzz/crashers"
case $mode in
    --seconds) limit=(-max_total_time="$amount") ;;
    --runs) limit=(-runs=$(((amount + workers - 1) / workers))) ;;
    *) echo "usage: Fuzz/run.sh --seconds S | --runs N" >&2; exit 64 ;;
esac
seed=${LEDGER_FUZZ_SEED:-$(( $(date +%s) % 100000 ))}
echo "fuzz: $workers workers, $mode $amount, seed $seed (replay with LEDGER_FUZZ_SEED=$seed)"
# Swift's runtime keeps caches for the life of the process, so leak checking would only report those; every
# other AddressSanitizer check stays on. No allocation stacks: they cost two thirds of the time.
export ASAN_OPTIONS=detect_leaks=0:malloc_context_size=0:abort_on_error=0
start=$(date +%s)
pids=()
for worker in $(seq 1 "$workers"); do
    "$binary" "${limit[@]}" -seed=$((seed + worker)) -max_len=4096 -timeout="${LEDGER_FUZZ_TIMEOUT:-60}" -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$work/artifacts/" "$@" "$work/corpus" "$root/Fuzz/corpus" "$root/Fuzz/seeds" \
        >"$work/worker-$worker.log" 2>&1 &
    pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=$?; done
elapsed=$(($(date +%s) - start))
runs=0
for log in "$work"/worker-*.log; do
    n=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    runs=$((runs + n))
done
if [ -n "$(ls -A "$work/artifacts")" ] || [ "$status" -ne 0 ]; then
    cp "$work"/artifacts/* "$root/Fuzz/crashers/" 2>/dev/null || true
    for log in "$work"/worker-*.log; do grep -A40 -E 'ERROR|==[0-9]+==|Fatal error|deadly signal' "$log" | head -80 >&2 || true; done
    echo "fuzz: FAILED after $runs executions in ${elapsed}s; inputs saved to Fuzz/crashers" >&2
    exit 1
fi
cov=$(grep -h -o 'cov: [0-9]*' "$work"/worker-*.log | tail -1 | grep -o '[0-9]*$' || echo 0)
echo "fuzz: $runs executions in ${elapsed}s, no crash, hang or sanitizer report (coverage $cov edges, $(ls "$work/corpus" | wc -l) new inputs)"
[ -n "${LEDGER_FUZZ_CORPUS_OUT:-}" ] && mkdir -p "$LEDGER_FUZZ_CORPUS_OUT" && cp "$work"/corpus/* "$LEDGER_FUZZ_CORPUS_OUT/" 2>/dev/null || true
[ -n "${LEDGER_FUZZ_FIGURES:-}" ] && echo "{\"fuzz_executions\": $runs, \"fuzz_seconds\": $elapsed, \"fuzz_seed\": $seed}" >>"$LEDGER_FUZZ_FIGURES"
exit 0
