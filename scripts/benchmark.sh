#!/bin/sh
# Runs the benchmark set (never a gate, see docs/performance.md) and writes its results:
#   docs/benchmark-results.md  the medians, ratios, growth exponents and Mermaid charts
#                              (ScaleBenchmark: apply, save, plan, re-apply, export,
#                              inventory, scrape, list throughput; sizes empty, 1/16, 1/4, 1)
#   docs/benchmark-*.svg       time against size per figure, ours and the floor
#   target/benchmark-*.log     the full output of every benchmark run
# Usage: scripts/benchmark.sh [--all]   (--all adds ProcessBenchmark: startup and RSS with
#                                         the production JVM flags, and JmhBenchmarks)
#        scripts/benchmark.sh --vm [perf-vm.sh options]
#                                        (only the real-kernel benchmark in a qemu guest:
#                                         kernel-module/tests/perf-vm.sh, root, ~25 min
#                                         under TCG; its table in
#                                         kernel-module/tests/out/perf-vm/results.md)
# Knobs are passed through MAVEN_ARGS, e.g.
#   MAVEN_ARGS="-Dbench.runs=5 -Dbench.wrk.rounds=3 -Dbench.sizes=0,16,1" scripts/benchmark.sh
set -eu
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--vm" ]; then
	shift
	exec kernel-module/tests/perf-vm.sh "$@"
fi
command -v wrk >/dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 2; }
mkdir -p target
run() {
	name=$1; shift
	echo "== $name"
	./mvnw -o -q test -Pbenchmark -Dtest="$name" "$@" ${MAVEN_ARGS:-} >"target/benchmark-$name.log" 2>&1 ||
		{ tail -40 "target/benchmark-$name.log" >&2; exit 1; }
	sed -n '/==== .*summary/,$p' "target/benchmark-$name.log"
}
run ScaleBenchmark -Dbench.results="$PWD/docs/benchmark-results.md"
if [ "${1:-}" = "--all" ]; then
	./mvnw -o -q package -DskipTests
	run ProcessBenchmark
	run JmhBenchmarks
fi
echo "results: docs/benchmark-results.md, logs: target/benchmark-*.log"
