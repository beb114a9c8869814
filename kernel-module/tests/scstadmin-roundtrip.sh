#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The scstadmin round trip (issue 19), one command: SCST's own scstadmin
# (Perl, unpacked from the SCST tarball into a scratch folder, never into the
# repository) against the server's simulator mounted with FUSE at
# /sys/kernel/scst_tgt in a private mount namespace, and against the real
# kernel in the VM of server-e2e.sh; the same steps on both sides
# (tests/e2e/guest-scstadmin.sh), then both sides' results compared.
#
# Phases, each timed:
#   scstadmin   unpack scstadmin/ from the tarball (cached per tarball)
#   jar         ./mvnw -B -q -DskipTests package (skipped with --no-build)
#   simulator   unshare -m: a tmpfs over /sys/kernel and one over /var/lib, a loop
#               device (64 MiB) bound over /dev/loop0 (and its sysfs
#               directory over loop0's), the jar in simulator
#               mode with --scst.simulator.mount=/sys/kernel/scst_tgt on
#               --port; guest-scstadmin.sh --steps
#   guest-root  Perl for the VM: the host's /usr/bin/perl, the libraries it
#               links, perl-base and every other Perl file the simulator run
#               loaded; scstadmin, the steps, the seed
#   vm          server-e2e.sh --extra-root (its own phases; the guest runs
#               guest-scstadmin.sh after the walkthrough); the kernel's
#               results decoded from the console
#   compare     every result file of the kernel against the simulator's
#
# Usage: scstadmin-roundtrip.sh [options] [-- server-e2e.sh options]
#   (server-e2e.sh gets --no-build --out <out>/vm --port N --extra-root
#   --timeout 3000, then the options after --)
#   --no-vm         the simulator side only
#   --no-build      use target/scst-manager-*.jar as it is
#   --out DIR       work directory (default kernel-module/tests/out/scstadmin)
#   --port N        the host servers' port (default 18081; also server-e2e's)
#   --scratch DIR   where scstadmin is unpacked (default /var/tmp/scstadmin-rt)
#   --tarball F     the SCST tarball (env SCST_TARBALL; default
#                   ../shared/scst/scst-*.tar.gz next to the repository)
#
# Exit status: 0 when every check passed on each side that ran and the sides
# agree; 1 when a check failed or they differ; 2 when something could not
# run (the reason is printed last). Nothing is loaded on the host.

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
repo=$(dirname "$src")

VM=1
BUILD=1
OUT=""
PORT=18081
SCRATCH=/var/tmp/scstadmin-rt
SCST_TARBALL=${SCST_TARBALL:-}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}

die() {
	echo "scstadmin-roundtrip: cannot run: $*" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case "$1" in
	--no-vm) VM=0; shift ;;
	--no-build) BUILD=0; shift ;;
	--out) OUT=$2; shift 2 ;;
	--port) PORT=$2; shift 2 ;;
	--scratch) SCRATCH=$2; shift 2 ;;
	--tarball) SCST_TARBALL=$2; shift 2 ;;
	--) shift; break ;;
	-h|--help) sed -n '4,39p' "$0"; exit 0 ;;
	*) die "unknown option $1 (see --help)" ;;
	esac
done
OUT=$(realpath -m "${OUT:-$here/out/scstadmin}")
rm -rf "$OUT"
mkdir -p "$OUT" || die "cannot create $OUT"
[ "$(id -u)" = 0 ] || die "needs root (unshare -m, mount, losetup)"

PHASE_PREFIX=scstadmin-roundtrip
# shellcheck source=kernel-module/tests/phases.sh
. "$here/phases.sh"
# shellcheck source=kernel-module/tests/scstadmin-files.sh
. "$here/scstadmin-files.sh"
loopdev=""
sim_pid=""
# shellcheck disable=SC2317 # called by the trap
on_exit() {
	local rc=$?
	[ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null
	[ -n "$loopdev" ] && losetup -d "$loopdev" 2>/dev/null
	if [ -n "$phase" ] && [ "$rc" != 0 ]; then
		echo "scstadmin-roundtrip: phase '$phase' failed (exit $rc)" >&2
		summary >&2
	fi
	exit "$rc"
}
trap on_exit EXIT

# ---------------------------------------------------------------- scstadmin
phase_begin scstadmin "unpack scstadmin from the SCST tarball"
for t in unshare nsenter losetup curl fusermount; do
	command -v $t > /dev/null || die "no $t"
done
[ -c /dev/fuse ] || die "no /dev/fuse (the simulator's FUSE mount)"
scstadmin_unpack "$SCRATCH" "$SCST_TARBALL"
phase_end "$(scstadmin_version), $sadir"

# ---------------------------------------------------------------- jar
phase_begin jar "./mvnw -B -q -DskipTests package"
build_jar
token_out=$("$JAVA_HOME/bin/java" -jar "$jar" create-token scstadmin admin)
echo "$token_out" | sed -n 2p > "$OUT/token"
echo "$token_out" | sed -n 4p > "$OUT/tokens"
chmod 600 "$OUT/token" "$OUT/tokens"
phase_end "$(basename "$jar")"

# ---------------------------------------------------------------- simulator
phase_begin simulator "scstadmin against the FUSE-mounted simulator, port $PORT"
sim=$OUT/simulator
mkdir -p "$sim"
# a 64 MiB block device at /dev/loop0 in the namespace, as in the VM (the
# simulator reads its size); any free loop device but loop0, which the
# host's other users may rely on
truncate -s 64M "$OUT/block1.img"
for n in 7 6 5 4 3 2 1; do
	if [ -b /dev/loop$n ] && losetup /dev/loop$n "$OUT/block1.img" 2>/dev/null; then
		loopdev=/dev/loop$n
		break
	fi
done
[ -n "$loopdev" ] || die "no free loop device (loop1..loop7) for the vdisk_blockio device"
# Every Perl file scstadmin and the HTTP helper load, for the guest's Perl.
perl_inc_dumper "$OUT/perl-inc"
cat > "$OUT/namespace.sh" <<'EOF'
# runs in unshare -m: the simulator at the real path, the steps
set -u
mount -t tmpfs tmpfs /sys/kernel
mkdir /sys/kernel/scst_tgt
# the backing files where the guest has them (the server's default
# allowed-dirs in kernel mode); the host's /var/lib is hidden in here
mount -t tmpfs tmpfs /var/lib
d=/var/lib/scst-manager/scstadmin-rt
mkdir -p $d
truncate -s 64M $d/file1.img
truncate -s 10M $d/cd1.iso
# the simulator reads a block device's size and discard limit in
# /sys/class/block/<name>/, so the sysfs directory is bound too
mount --bind "$LOOPDEV" /dev/loop0
mount --bind "/sys/devices/virtual/block/${LOOPDEV#/dev/}" /sys/devices/virtual/block/loop0
cd "$OUT"
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx256m -jar "$JAR" --scst.sysfs.mode=simulator \
	--scst.simulator.state=fresh --scst.simulator.persist=false --server.port="$PORT" \
	--scst.simulator.mount=/sys/kernel/scst_tgt --scst.security.token-file="$OUT/tokens" \
	--scst.config.path="$OUT/simulator-server.conf" \
	--scst.security.backing-files.allowed-dirs=/var/lib/scst-manager \
	--scst.security.backing-files.allowed-block-devices=/dev/loop0 \
	> "$OUT/simulator-server.log" 2>&1 < /dev/null &
server=$!
until [ -e /sys/kernel/scst_tgt/version ] &&
	curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/liveness"; do
	kill -0 $server 2>/dev/null || { tail -n 40 "$OUT/simulator-server.log"; exit 2; }
	sleep 0.5
done
PERL5LIB=$OUT/perl-inc PERL5OPT=-MSaIncDump SA_INC_DUMP=$OUT/perl-inc/files \
	SA_BASE=http://127.0.0.1:$PORT SA_TOKEN_FILE=$OUT/token SA_OUT=$OUT/simulator \
	SA_SCSTADMIN=$SADIR SA_SEED=$SEED sh "$STEPS" --steps
rc=$?
kill $server
wait $server
exit $rc
EOF
set +e
# shellcheck disable=SC2097,SC2098 # OUT is the same value for both
LOOPDEV=$loopdev OUT=$OUT JAR=$jar JAVA_HOME=$JAVA_HOME PORT=$PORT SADIR=$sadir \
	SEED=$here/e2e/scstadmin-seed.conf STEPS=$here/e2e/guest-scstadmin.sh \
	unshare -m --propagation private bash "$OUT/namespace.sh" > "$OUT/simulator.log" 2>&1
sim_rc=$?
set -e
losetup -d "$loopdev"
loopdev=""
[ "$sim_rc" = 2 ] && { cat "$OUT/simulator.log" >&2; die "the simulator server did not start"; }
sed 's/^/scstadmin-roundtrip: simulator: /' "$sim/checks"
phase_end "$(grep -c '^PASS' "$sim/checks") passed, $(grep -c '^FAIL' "$sim/checks") failed"

if [ "$VM" = 0 ]; then
	summary
	[ "$sim_rc" = 0 ] && echo "scstadmin-roundtrip: PASS (simulator only, --no-vm)" ||
		echo "scstadmin-roundtrip: FAIL (simulator; see $sim)"
	exit "$sim_rc"
fi

# ---------------------------------------------------------------- guest-root
phase_begin guest-root "Perl and scstadmin for the VM"
g=$OUT/guest-root
scstadmin_guest_root "$g" "$OUT/perl-inc/files"
cp "$here/e2e/guest-scstadmin.sh" "$here/e2e/scstadmin-seed.conf" "$g"/srv/scstadmin/
chmod +x "$g"/srv/scstadmin/guest-scstadmin.sh
phase_end "$(du -sm "$g" | cut -f1) MB"

# ---------------------------------------------------------------- vm
phase_begin vm "server-e2e.sh --extra-root (the walkthrough, then the round trip)"
set +e
"$here/server-e2e.sh" --no-build --out "$OUT/vm" --port "$PORT" --extra-root "$g" --timeout 3000 "$@" 2>&1 |
	tee "$OUT/server-e2e.log" | grep -E '^server-e2e: (==|PASS|FAIL)'
e2e_rc=${PIPESTATUS[0]}
set -e
kern=$OUT/kernel
mkdir -p "$kern"
console=$OUT/vm/kernel.out
[ -f "$console" ] || die "server-e2e.sh left no console output (exit $e2e_rc; see $OUT/server-e2e.log)"
grep -E '^SCSTADMIN-(TIME|LOG|DONE)' "$console" || true
sed -n '/^SCSTADMIN-RESULTS-BEGIN/,/^SCSTADMIN-RESULTS-END/p' "$console" | sed '1d;$d' |
	base64 -d 2>/dev/null | tar -xzf - -C "$kern" 2>/dev/null || true
guest_rc=$(sed -n 's/^SCSTADMIN-DONE rc=//p' "$console")
[ -f "$kern/checks" ] && sed 's/^/scstadmin-roundtrip: kernel: /' "$kern/checks"
phase_end "server-e2e exit $e2e_rc, guest round trip rc=${guest_rc:-none}"

# ---------------------------------------------------------------- compare
phase_begin compare "kernel against simulator"
# The steps' results that must be byte-for-byte the same on both sides.
: > "$OUT/compare.txt"
(cd "$sim" && find . -type f | sort) > "$OUT/files-simulator"
(cd "$kern" && find . -type f | sort) > "$OUT/files-kernel"
diff "$OUT/files-simulator" "$OUT/files-kernel" >> "$OUT/compare.txt" || true
# Normalised: each side's results folder (named in scstadmin's messages) as
# OUT; in -list_sessions the counters (the guest's SCSI scan reads through
# the kernel's sessions, nothing reads the simulator's) as N, runs of blanks
# as one (the column widths follow the longest value), and the session's
# "host" link, which scstadmin skips on the kernel as a directory but lists
# on the simulator (its target, /sys/devices/scst_local/..., is outside the
# mount and does not exist on the host). In the server's JSON answers, the
# save's duration ("save":{...,"millis":N}) as N.
norm() {
	case "$2" in
	*/list_sessions)
		sed -e "s|$1|OUT|g" -e 's/^\(\t[a-z_]*_\(count\|count_kb\) *\)[0-9][0-9]* /\1N /' \
			-e '/^\thost  *<n\/a>/d' -e 's/  */ /g' "$2" ;;
	*) sed -e "s|$1|OUT|g" -e 's/"millis":[0-9.]*/"millis":N/g' "$2" ;;
	esac
}
while read -r f; do
	[ -f "$kern/$f" ] || continue
	diff -u --label "simulator/${f#./}" --label "kernel/${f#./}" <(norm "$sim" "$sim/$f") \
		<(norm /tmp/scstadmin-out "$kern/$f") >> "$OUT/compare.txt" || true
done < "$OUT/files-simulator"
ndiff=$(grep -c '^@@' "$OUT/compare.txt" || true)
cat "$OUT/compare.txt"
phase_end "$ndiff differing hunks"

summary
rc=0
[ "$sim_rc" = 0 ] || { echo "scstadmin-roundtrip: FAIL: a check failed on the simulator"; rc=1; }
[ "${guest_rc:-x}" = 0 ] || { echo "scstadmin-roundtrip: FAIL: the round trip on the kernel failed (rc=${guest_rc:-none})"; rc=1; }
[ -s "$OUT/compare.txt" ] && { echo "scstadmin-roundtrip: FAIL: kernel and simulator differ (see $OUT/compare.txt)"; rc=1; }
[ "$e2e_rc" = 0 ] || { echo "scstadmin-roundtrip: FAIL: server-e2e.sh exited $e2e_rc (see $OUT/server-e2e.log)"; rc=1; }
[ "$rc" = 0 ] && echo "scstadmin-roundtrip: PASS (simulator and kernel, both directions, compared)"
exit "$rc"
