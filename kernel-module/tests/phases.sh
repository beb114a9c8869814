# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
#
# Timed phases for the VM test scripts (sourced). Set PHASE_PREFIX first; then
# phase_begin NAME "what", phase_end ["note"], and summary at the end print
# "<prefix>: == NAME ..." lines and one "<prefix>: phases: a=Ns b=Ns total=Ns".
# $phase is the running phase's name ("" between phases), for exit traps.

t_start=$(date +%s)
phase_names=()
phase_secs=()
phase=""
phase_t0=0

phase_begin() {
	phase=$1
	phase_t0=$(date +%s)
	echo "$PHASE_PREFIX: == $phase: $2"
}

phase_end() {
	local d=$(($(date +%s) - phase_t0))
	phase_names+=("$phase")
	phase_secs+=("$d")
	echo "$PHASE_PREFIX: == $phase done in ${d}s${1:+ ($1)}"
	phase=""
}

summary() {
	local i line=""
	for i in "${!phase_names[@]}"; do
		line="$line ${phase_names[$i]}=${phase_secs[$i]}s"
	done
	echo "$PHASE_PREFIX: phases:$line total=$(($(date +%s) - t_start))s"
}

# build_jar: the server jar, built with ./mvnw unless BUILD=0 (--no-build), in
# $jar; dies (die of the sourcing script) when there is none. Uses $repo, $OUT
# and $JAVA_HOME.
# shellcheck disable=SC2154 # repo, OUT, BUILD, JAVA_HOME: set by the sourcing script
build_jar() {
	local f
	if [ "$BUILD" = 1 ]; then
		(cd "$repo" && JAVA_HOME=$JAVA_HOME ./mvnw -B -q -DskipTests package) >"$OUT/mvn.log" 2>&1 ||
			{ tail -n 40 "$OUT/mvn.log" >&2; echo "$PHASE_PREFIX: the jar did not build" >&2; exit 1; }
	fi
	jar=""
	for f in "$repo"/target/scst-manager-*.jar; do
		case "$f" in *-plain.jar) ;; *) [ -f "$f" ] && jar=$f ;; esac
	done
	[ -f "$jar" ] || die "no target/scst-manager-*.jar (build it or drop --no-build)"
}
