# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
#
# scstadmin for the VM test scripts (sourced by scstadmin-roundtrip.sh and
# perf-vm.sh): SCST's scstadmin unpacked from the tarball into a scratch
# folder (never into the repository), the Perl module that lists the Perl
# files a run loaded, and a guest root with Perl and scstadmin. Uses die of
# the sourcing script.

# scstadmin_unpack SCRATCH [TARBALL]: scstadmin and lib/SCST/SCST.pm in
# $sadir (SCRATCH/scstadmin-<tarball sum>), unpacked once per tarball;
# TARBALL defaults to ../shared/scst/scst-*.tar.gz next to the repository
# ($repo of the sourcing script)
# shellcheck disable=SC2154 # repo: set by the sourcing script
scstadmin_unpack() {
	local scratch=$1 tarball=${2:-} sum f
	if [ -z "$tarball" ]; then
		for f in "$repo"/../shared/scst/scst-*.tar.gz; do
			[ -f "$f" ] && { tarball=$f; break; }
		done
	fi
	[ -f "$tarball" ] || die "no SCST tarball (--tarball or SCST_TARBALL; scstadmin comes from it)"
	command -v perl > /dev/null || die "no perl"
	sum=$(sha256sum "$tarball" | cut -c1-12)
	sadir=$scratch/scstadmin-$sum
	[ -f "$sadir/scstadmin" ] && return 0
	rm -rf "$sadir" "$scratch/unpack"
	mkdir -p "$scratch/unpack" "$sadir/lib/SCST"
	tar -xzf "$tarball" -C "$scratch/unpack" scstadmin/scstadmin.sysfs ||
		die "the tarball has no scstadmin/scstadmin.sysfs"
	cp "$scratch"/unpack/scstadmin/scstadmin.sysfs/scstadmin "$sadir/scstadmin.new"
	cp "$scratch"/unpack/scstadmin/scstadmin.sysfs/scst-*/lib/SCST/SCST.pm "$sadir/lib/SCST/"
	rm -rf "$scratch/unpack"
	mv "$sadir/scstadmin.new" "$sadir/scstadmin"
}

# scstadmin_version: the version $sadir/scstadmin declares
scstadmin_version() {
	sed -n "s/^my \$Version *= *'\(.*\)';/\1/p" "$sadir/scstadmin"
}

# perl_inc_dumper DIR: DIR/SaIncDump.pm; a Perl run with PERL5LIB=DIR
# PERL5OPT=-MSaIncDump SA_INC_DUMP=FILE appends every Perl file and shared
# object it loaded to FILE
perl_inc_dumper() {
	mkdir -p "$1"
	cat > "$1/SaIncDump.pm" <<'PERL'
package SaIncDump;
END {
	if (open(my $f, '>>', $ENV{SA_INC_DUMP})) {
		print $f "$_\n" for grep { defined } values %INC;
		print $f "$_\n" for @DynaLoader::dl_shared_objects;
	}
}
1;
PERL
}

# scstadmin_guest_root DEST FILES: the host's /usr/bin/perl with the libraries
# it links, perl-base and every /usr file listed in FILES (perl_inc_dumper's
# list) below DEST; scstadmin in DEST/srv/scstadmin/scstadmin
scstadmin_guest_root() {
	local g=$1 files=$2 perlbase=/usr/lib/x86_64-linux-gnu/perl-base
	mkdir -p "$g"/usr/bin "$g"/srv/scstadmin/scstadmin/lib/SCST "$g$perlbase"
	cp /usr/bin/perl "$g"/usr/bin/perl
	ldd /usr/bin/perl | grep -o '/[^ ]*\.so[^ ]*' | while read -r lib; do
		mkdir -p "$g$(dirname "$lib")"
		cp -L "$lib" "$g$lib"
	done
	cp -a "$perlbase"/. "$g$perlbase"/
	grep '^/usr/' "$files" | sort -u | while read -r f; do
		mkdir -p "$g$(dirname "$f")"
		cp -L "$f" "$g$f"
	done
	cp "$sadir/scstadmin" "$g"/srv/scstadmin/scstadmin/
	cp "$sadir/lib/SCST/SCST.pm" "$g"/srv/scstadmin/scstadmin/lib/SCST/
}
