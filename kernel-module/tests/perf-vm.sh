#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The real-kernel benchmark (issue 20), one command: in one boot of the VM of
# server-e2e.sh (SCST and our scst_local, the server in kernel mode), the
# same configuration applied, re-applied, exported and cleared by a C floor
# (tests/perf/perf-floor.c), by the server (PUT/GET /api/v1/config) and by
# scstadmin, interleaved run by run (tests/perf/guest-perf.pl has the steps
# and the checks); then a table of medians, spreads and ratios to the floor.
# Never part of CI: it takes about 15 minutes under TCG.
#
# Phases, each timed:
#   floor       gcc -static tests/perf/perf-floor.c
#   scstadmin   unpack scstadmin from the SCST tarball (cached per tarball)
#   guest-root  Perl (the files scstadmin and guest-perf.pl load, listed by
#               running them on the host), scstadmin, the floor,
#               guest-perf.pl and its settings
#   vm          server-e2e.sh --no-simulator --extra-root (its own phases:
#               setup, jar, JRE, initramfs, the boot); the guest runs
#               guest-perf.pl against the server instead of the walkthrough
#   results     the PERF-RUN lines of the console as a table
#
# Usage: perf-vm.sh [options] [-- server-e2e.sh options]
#   --sizes LIST    sizes N (N devices, N targets with a session, 4N LUNs;
#                   6N writes), default 25,100
#   --runs R[,R..]  measured runs per size, one number per size, the last
#                   for the rest (default 3)
#   --warmups W     unmeasured runs before those of the first size (the
#                   server's JIT; default 1)
#   --sa-runs R     runs that include scstadmin (default 3)
#   --sa-max N      scstadmin only at sizes up to N (default 100)
#   --jvm WHICH     the guest server's JVM flags: e2e (default:
#                   server-e2e.sh's choice, C1 only and its class-data
#                   archive, on top of the production JAVA_OPTS of
#                   docs/deploy/systemd/scst-manager.env that guest-e2e.sh
#                   always passes) or production (the archive, C2 on; under
#                   TCG the JVM once died of SIGSEGV in C1-compiled code
#                   during the N=100 runs)
#   --no-build      use target/scst-manager-*.jar as it is
#   --timeout SEC   give up on the VM after SEC seconds (default 1500)
#   --out DIR       work directory (default kernel-module/tests/out/perf-vm);
#                   the table in DIR/results.md, every run in DIR/runs.txt
#   --scratch DIR   where scstadmin is unpacked (default /var/tmp/scstadmin-rt)
#   --tarball F     the SCST tarball (env SCST_TARBALL; default
#                   ../shared/scst/scst-*.tar.gz next to the repository)
#
# Exit status: 0 when every run and check passed; 1 when one failed; 2 when
# something could not run (the reason is printed last).

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
repo=$(dirname "$src")

SIZES=25,100
RUNS=3
WARMUPS=1
SA_RUNS=3
SA_MAX=100
JVM=e2e
BUILD=1
TIMEOUT=1500
OUT=""
SCRATCH=/var/tmp/scstadmin-rt
SCST_TARBALL=${SCST_TARBALL:-}

die() {
	echo "perf-vm: cannot run: $*" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case "$1" in
	--sizes) SIZES=$2; shift 2 ;;
	--runs) RUNS=$2; shift 2 ;;
	--warmups) WARMUPS=$2; shift 2 ;;
	--sa-runs) SA_RUNS=$2; shift 2 ;;
	--sa-max) SA_MAX=$2; shift 2 ;;
	--jvm) JVM=$2; shift 2 ;;
	--no-build) BUILD=0; shift ;;
	--timeout) TIMEOUT=$2; shift 2 ;;
	--out) OUT=$2; shift 2 ;;
	--scratch) SCRATCH=$2; shift 2 ;;
	--tarball) SCST_TARBALL=$2; shift 2 ;;
	--) shift; break ;;
	-h|--help) sed -n '4,48p' "$0"; exit 0 ;;
	*) die "unknown option $1 (see --help)" ;;
	esac
done
case "$JVM" in production|e2e) ;; *) die "--jvm production or e2e" ;; esac
echo "$SIZES" | grep -Eq '^[0-9]+(,[0-9]+)*$' || die "--sizes: numbers separated by commas"
echo "$RUNS" | grep -Eq '^[0-9]+(,[0-9]+)*$' || die "--runs: numbers separated by commas"
OUT=$(realpath -m "${OUT:-$here/out/perf-vm}")
rm -rf "$OUT"
mkdir -p "$OUT" || die "cannot create $OUT"

PHASE_PREFIX=perf-vm
# shellcheck source=kernel-module/tests/phases.sh
. "$here/phases.sh"
# shellcheck source=kernel-module/tests/scstadmin-files.sh
. "$here/scstadmin-files.sh"
# shellcheck disable=SC2317 # called by the trap
on_exit() {
	local rc=$?
	if [ -n "$phase" ] && [ "$rc" != 0 ]; then
		echo "perf-vm: phase '$phase' failed (exit $rc)" >&2
		summary >&2
	fi
	exit "$rc"
}
trap on_exit EXIT

# ---------------------------------------------------------------- floor
phase_begin floor "gcc -static perf-floor.c"
command -v gcc > /dev/null || die "no gcc"
gcc -static -O2 -Wall -Wextra -Werror -o "$OUT/perf-floor" "$here/perf/perf-floor.c" ||
	die "perf-floor.c did not build (a static C library: libc6-dev)"
phase_end

# ---------------------------------------------------------------- scstadmin
phase_begin scstadmin "unpack scstadmin from the SCST tarball"
scstadmin_unpack "$SCRATCH" "$SCST_TARBALL"
phase_end "$(scstadmin_version), $sadir"

# ---------------------------------------------------------------- guest-root
phase_begin guest-root "Perl, scstadmin, the floor and guest-perf.pl for the VM"
# The Perl files a run loads: scstadmin's (it stops when SCST is not loaded,
# after loading everything) and guest-perf.pl's with one request.
perl_inc_dumper "$OUT/perl-inc"
for cmd in "-I$sadir/lib $sadir/scstadmin -list_device" "$here/perf/guest-perf.pl --load"; do
	# shellcheck disable=SC2086 # the command's words
	PERL5LIB=$OUT/perl-inc PERL5OPT=-MSaIncDump SA_INC_DUMP=$OUT/perl-inc/files \
		perl $cmd > /dev/null 2>&1 || true
done
grep -q '/HTTP/Tiny.pm$' "$OUT/perl-inc/files" || die "listing guest-perf.pl's Perl files failed"
g=$OUT/guest-root
scstadmin_guest_root "$g" "$OUT/perl-inc/files"
mkdir -p "$g"/srv/perf "$g"/srv/e2e
cp "$OUT/perf-floor" "$here/perf/guest-perf.pl" "$g"/srv/perf/
chmod +x "$g"/srv/perf/guest-perf.pl
echo "sizes=$SIZES runs=$RUNS warmups=$WARMUPS sa_runs=$SA_RUNS sa_max=$SA_MAX" > "$g"/srv/perf/settings
# replaces server-e2e.sh's jvm-flags (--extra-root is copied last); guest-e2e.sh
# puts the production JAVA_OPTS first (/srv/e2e/java-opts, which server-e2e.sh
# copies from docs/deploy/systemd/scst-manager.env)
[ "$JVM" = e2e ] || echo "-XX:SharedArchiveFile=/srv/e2e/app.jsa" > "$g"/srv/e2e/jvm-flags
phase_end "$(du -sm "$g" | cut -f1) MB"

# ---------------------------------------------------------------- vm
phase_begin vm "server-e2e.sh --no-simulator --extra-root (the benchmark in the guest)"
e2e_args=(--no-simulator --out "$OUT/vm" --extra-root "$g" --timeout "$TIMEOUT")
[ "$BUILD" = 1 ] || e2e_args+=(--no-build)
set +e
"$here/server-e2e.sh" "${e2e_args[@]}" "$@" 2>&1 | tee "$OUT/server-e2e.log" |
	grep --line-buffered -E '^server-e2e: (==|PASS|FAIL|guest)|^PERF-(INFO|DONE)'
e2e_rc=${PIPESTATUS[0]}
set -e
console=$OUT/vm/kernel.out
[ -f "$console" ] || die "server-e2e.sh left no console output (exit $e2e_rc; see $OUT/server-e2e.log)"
perf_rc=$(sed -n 's/^PERF-DONE rc=//p' "$console")
phase_end "server-e2e exit $e2e_rc, benchmark rc=${perf_rc:-none}"

# ---------------------------------------------------------------- results
phase_begin results "the table"
grep -E '^PERF-(RUN|INFO|DONE)' "$console" > "$OUT/runs.txt" || true
grep -E '^E2E-(TIME|LOG)' "$console" >> "$OUT/runs.txt" || true
{
	echo "# Real-kernel benchmark ($(date -u '+%Y-%m-%d %H:%M UTC'))"
	echo
	echo "Command: kernel-module/tests/perf-vm.sh --sizes $SIZES --runs $RUNS --warmups $WARMUPS" \
		"--sa-runs $SA_RUNS --sa-max $SA_MAX --jvm $JVM"
	echo "Host: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
	echo
	sed -n 's/^PERF-INFO /- /p' "$OUT/runs.txt"
	sed -n 's/^E2E-TIME \(server\) \([0-9.]*\)$/- the server healthy after \2 s/p' "$OUT/runs.txt"
	echo
	perl "$here/perf/guest-perf.pl" --table "$OUT/runs.txt"
} > "$OUT/results.md"
cat "$OUT/results.md"
phase_end "$OUT/results.md"

summary
if [ "${perf_rc:-x}" = 0 ] && [ "$e2e_rc" = 0 ]; then
	echo "perf-vm: PASS (every run and check; results in $OUT/results.md)"
	exit 0
fi
echo "perf-vm: FAIL: benchmark rc=${perf_rc:-none}, server-e2e exit $e2e_rc (see $OUT/server-e2e.log, $console)"
exit 1
