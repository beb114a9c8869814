#!/usr/bin/perl
# SPDX-License-Identifier: GPL-2.0
#
# The real-kernel benchmark (perf-vm.sh, issue 20).
#
#   guest-perf.pl           in the VM, called by guest-e2e.sh while the server
#                           it started (kernel mode, port 8080) runs: for each
#                           size N of /srv/perf/settings, the same change made
#                           by the floor (perf-floor, C), by the server and by
#                           scstadmin, interleaved run by run in one boot.
#                           Prints "PERF-RUN n=N measure=M run=R ms=T" for
#                           every measured run, "PERF-INFO ..." lines and
#                           "PERF-DONE rc=R" last.
#   guest-perf.pl --table F the results table (Markdown) of the PERF-RUN lines
#                           in F: median, spread, ratio to the floor
#   guest-perf.pl --load    loads what the other modes load and one request
#                           (to a closed port), so that perf-vm.sh can list
#                           the Perl files the guest needs
#
# Settings (/srv/perf/settings): sizes=N,N.. runs=R,R.. (per size, the last
# for the rest) warmups=W (before the first size) sa_runs=R (runs with
# scstadmin) sa_max=N (scstadmin only up to this size).
#
# Size N: N vdisk_nullio devices, N scst_local targets with one session each
# and 4 LUNs each (6N management writes). A run, in this order, with the
# state it leaves:
#   floor-apply    perf-floor write of the 6N commands            -> applied
#                  (floor-settled: the same process, until it has seen
#                  every session's LUNs attached by the SCSI midlayer,
#                  as the server waits before its answer)
#   floor-readall  perf-floor readall /sys/kernel/scst_tgt
#   export         GET /api/v1/config (text/plain)
#   sa-export      scstadmin -write_config
#   floor-clear    perf-floor write of del_target and del_device  -> empty
#   plan           POST /api/v1/config/plan of the file (empty state)
#   apply          PUT /api/v1/config of the file                 -> applied
#                  (also save: the answer's save.millis, and
#                  server-timing: the Server-Timing save duration,
#                  st-parse, st-plan, st-write, st-scan: its other phases)
#   reapply        the same PUT again (nothing to do)
#   clear          PUT /api/v1/config of an empty file with
#                  prune=devices,targets,luns,sessions             -> empty
#   floor-apply-susp  the floor inside SCST's suspend/resume       -> applied
#                  (then floor-clear again, untimed)               -> empty
#   apply-susp     PUT /api/v1/config?suspend=true                -> applied
#                  (then the clear again, untimed)                 -> empty
#   sa-apply       scstadmin -config of the file                  -> applied
#   sa-clear       scstadmin -clear_config -force                 -> empty
# Every step checks the state it leaves (devices, targets, LUNs counted in
# sysfs) or the answer; a failed check stops the run (PERF-DONE rc=1). Times
# are wall clock in this process around the request or the child process.

use strict;
use warnings;
use HTTP::Tiny;
use Time::HiRes qw(time sleep);

my $ROOT = '/sys/kernel/scst_tgt';
my $BASE = 'http://127.0.0.1:8080';
my $DIR = '/tmp/perf';
my $SA = '/srv/scstadmin/scstadmin';
my $FLOOR = '/srv/perf/perf-floor';

sub median {
	my @s = sort { $a <=> $b } @_;
	my $n = @s;
	return $n % 2 ? $s[($n - 1) / 2] : ($s[$n / 2 - 1] + $s[$n / 2]) / 2;
}

# ------------------------------------------------------------------ --table
sub table {
	my ($file) = @_;
	my (%runs, @sizes, %seen);
	open(my $in, '<', $file) or die "$file: $!\n";
	while (<$in>) {
		next unless /^PERF-RUN n=(\d+) measure=(\S+) run=(\d+) ms=([0-9.]+)/;
		push @{ $runs{$1}{$2} }, $4;
		push @sizes, $1 unless $seen{$1}++;
	}
	# measure => [what, floor measure]
	my @rows = (
		[ 'floor-apply', 'floor: 6N writes (C)', '' ],
		[ 'floor-settled', 'floor: 6N writes, then every LUN attached as sdX and sgN (C)', '' ],
		[ 'apply', 'PUT /api/v1/config (client side)', 'floor-apply' ],
		[ 'apply', '… the same, against the floor that waits for the devices', 'floor-settled' ],
		[ 'st-parse', '… of which reading the text (Server-Timing)', 'apply' ],
		[ 'st-plan', '… of which the plan (Server-Timing)', 'apply' ],
		[ 'st-write', '… of which the 6N writes (Server-Timing)', 'floor-apply' ],
		[ 'st-scan', '… of which waiting for the SCSI scans (Server-Timing)', 'apply' ],
		[ 'server-timing', '… of which the save (Server-Timing)', 'apply' ],
		[ 'save', '… save.millis in the answer', 'apply' ],
		[ 'plan', 'POST /api/v1/config/plan (empty state)', 'floor-apply' ],
		[ 'sa-apply', 'scstadmin -config', 'floor-apply' ],
		[ 'floor-apply-susp', 'floor: suspend, 6N writes, resume (C)', '' ],
		[ 'floor-settled-susp', '… then every LUN attached (C)', '' ],
		[ 'apply-susp', 'PUT /api/v1/config?suspend=true (6N + 2 steps)', 'floor-apply-susp' ],
		[ 'apply-susp', '… against the floor without suspend', 'floor-apply' ],
		[ 'apply-susp', '… against the floor with suspend that waits for the devices', 'floor-settled-susp' ],
		[ 'st-write-susp', '… of which suspend, the 6N writes, resume (Server-Timing)', 'floor-apply-susp' ],
		[ 'st-scan-susp', '… of which waiting for the SCSI scans (Server-Timing)', 'apply-susp' ],
		[ 'st-save-susp', '… of which the save (Server-Timing)', 'apply-susp' ],
		[ 'floor-readall', 'floor: read all of /sys/kernel/scst_tgt (C)', '' ],
		[ 'reapply', 'same PUT again (0 steps)', 'floor-readall' ],
		[ 'export', 'GET /api/v1/config (text/plain)', 'floor-readall' ],
		[ 'sa-export', 'scstadmin -write_config', 'floor-readall' ],
		[ 'floor-clear', 'floor: del_target + del_device, 2N writes (C)', '' ],
		[ 'clear', 'PUT empty file, prune=devices,targets,luns,sessions', 'floor-clear' ],
		[ 'clear-save', '… save.millis in the answer', 'clear' ],
		[ 'sa-clear', 'scstadmin -clear_config -force', 'floor-clear' ],
	);
	print "| N | measure | runs | median ms | spread | ratio | to |\n";
	print "|---|---|---|---|---|---|---|\n";
	for my $n (@sizes) {
		for my $row (@rows) {
			my ($m, $what, $floor) = @$row;
			my $r = $runs{$n}{$m} or next;
			my $med = median(@$r);
			my @s = sort { $a <=> $b } @$r;
			my $spread = $med > 0 ? sprintf('%.0f %%', 100 * ($s[-1] - $s[0]) / $med) : '-';
			my ($ratio, $to) = ('', '');
			if ($floor && $runs{$n}{$floor}) {
				my $f = median(@{ $runs{$n}{$floor} });
				$ratio = sprintf('%.2f', $med / $f) if $f > 0;
				$to = $floor;
			}
			printf "| %d | %s | %d | %.1f | %s | %s | %s |\n", $n, $what, scalar(@$r), $med, $spread,
				$ratio, $to;
		}
	}
}

# ------------------------------------------------------------------ the guest
my %set = (sizes => '25,100', runs => 3, warmups => 1, sa_runs => 3, sa_max => 100);
my ($token, $http, $rc);

sub info { print "PERF-INFO @_\n"; }

sub fail {
	print "PERF-INFO FAIL: @_\n";
	print "PERF-INFO server: $_" for (split(/^/, slurp('/tmp/server.log')))[-20 .. -1];
	$rc = 1;
	die "fail\n";
}

sub slurp {
	my ($f) = @_;
	open(my $h, '<', $f) or return '';
	local $/;
	my $t = <$h>;
	return $t;
}

sub spew {
	my ($f, $t) = @_;
	open(my $h, '>', $f) or die "$f: $!\n";
	print $h $t;
	close($h);
}

sub entries {
	my ($d, $re) = @_;
	opendir(my $h, $d) or return ();
	return grep { /$re/ } readdir($h);
}

# devices, scst_local targets and their LUNs, as sysfs has them
sub counts {
	my @dev = entries("$ROOT/devices", qr/^[^.]/);
	my @tgt = grep { -d "$ROOT/targets/scst_local/$_" } entries("$ROOT/targets/scst_local", qr/^[^.]/);
	my $luns = 0;
	$luns += () = entries("$ROOT/targets/scst_local/$_/luns", qr/^\d+$/) for @tgt;
	return scalar(@dev) . '/' . scalar(@tgt) . '/' . $luns;
}

sub expect_state {
	my ($what, $n) = @_;
	my $want = $n . '/' . $n . '/' . 4 * $n;
	my $have = counts();
	fail("$what: devices/targets/LUNs $have, expected $want") unless $have eq $want;
}

sub request {
	my ($method, $path, $body) = @_;
	my %h = (headers => { 'Authorization' => "Bearer $token", 'Accept' => 'text/plain' });
	if (defined $body) {
		$h{content} = $body;
		$h{headers}{'Content-Type'} = 'text/plain';
		$h{headers}{'Accept'} = 'application/json';
	}
	my $t0 = time;
	my $r = $http->request($method, "$BASE$path", \%h);
	my $ms = (time - $t0) * 1000;
	fail("$method $path: HTTP $r->{status}: " . substr($r->{content} // '', 0, 300)) unless $r->{success};
	return ($ms, $r);
}

sub child {
	my ($what, @cmd) = @_;
	my $t0 = time;
	my $out = qx{@cmd 2>&1};
	my $ms = (time - $t0) * 1000;
	fail("$what: exit " . ($? >> 8) . ": " . substr($out, -300)) if $?;
	return ($ms, $out);
}

sub files {
	my ($n) = @_;
	my ($conf, @apply, @clear) = ("HANDLER vdisk_nullio {\n");
	my @d = map { sprintf('pd%03d', $_) } 0 .. $n - 1;
	for my $d (@d) {
		$conf .= "\tDEVICE $d\n";
		push @apply, "handlers/vdisk_nullio/mgmt\tadd_device $d\n";
	}
	$conf .= "}\n\nTARGET_DRIVER scst_local {\n";
	for my $t (0 .. $n - 1) {
		my $tgt = sprintf('pt%03d', $t);
		my $ses = sprintf('ps%03d', $t);
		$conf .= "\tTARGET $tgt {\n\t\tsession_name $ses\n\n";
		push @apply, "targets/scst_local/mgmt\tadd_target $tgt session_name=$ses\n";
		for my $l (0 .. 3) {
			my $d = $d[($t * 4 + $l) % $n];
			$conf .= "\t\tLUN $l $d\n";
			push @apply, "targets/scst_local/$tgt/luns/mgmt\tadd $d $l\n";
		}
		$conf .= "\t}\n";
		push @clear, "targets/scst_local/mgmt\tdel_target $tgt\n";
	}
	$conf .= "}\n";
	push @clear, "handlers/vdisk_nullio/mgmt\tdel_device $_\n" for @d;
	spew("$DIR/scst-$n.conf", $conf);
	spew("$DIR/apply-$n.txt", join('', @apply));
	spew("$DIR/clear-$n.txt", join('', @clear));
	return ($conf, scalar(@apply), scalar(@clear));
}

# the plan's commands against the floor's: the same writes
sub same_commands {
	my ($n, $plan) = @_;
	my @p = sort map { s/\\"/"/gr } $plan =~ /"command":"([^"]*(?:\\"[^"]*)*)"/g;
	my @f = sort map { chomp; s/\t/: /r } split(/^/, slurp("$DIR/apply-$n.txt"));
	return 1 if "@p" eq "@f";
	my %f = map { $_ => 1 } @f;
	my @only = grep { !$f{$_} } @p;
	info("N=$n: the plan has " . scalar(@p) . " commands, the floor " . scalar(@f) . "; plan only: @only[0 .. ($#only < 4 ? $#only : 4)]");
	return 0;
}

sub emit {
	my ($n, $m, $run, $ms) = @_;
	printf "PERF-RUN n=%d measure=%s run=%d ms=%.1f\n", $n, $m, $run, $ms if $run > 0;
}

sub size {
	my ($n, $runs, $warmups) = @_;
	my ($conf, $writes, $deletes) = files($n);
	my $empty = "# nothing\n";
	my $prune = '/api/v1/config?prune=devices,targets,luns,sessions';
	my $sa = -f "$SA/scstadmin" && $n <= $set{sa_max};
	info("N=$n: $writes writes to apply, $deletes to clear; scstadmin " . ($sa ? 'yes' : 'no'));
	for my $run (1 - $warmups .. $runs) {
		my $t0 = time;
		my ($ms, $out, $r);
		($ms, $out) = child('floor-apply', $FLOOR, 'write', "$DIR/apply-$n.txt", 'settle');
		# the writes alone: the wall clock less the wait that followed them
		my ($wrote, $settled) = $out =~ /\bms=([0-9.]+) .*\bsettled_ms=([0-9.]+)/
			or fail("floor-apply: no settled_ms in '$out'");
		emit($n, 'floor-apply', $run, $ms - ($settled - $wrote));
		emit($n, 'floor-settled', $run, $ms);
		info("N=$n run $run floor-apply: $out") if $run == 1;
		expect_state('floor-apply', $n);
		($ms, $out) = child('floor-readall', $FLOOR, 'readall', $ROOT);
		emit($n, 'floor-readall', $run, $ms);
		info("N=$n run $run floor-readall: $out") if $run == 1;
		($ms, $r) = request('GET', '/api/v1/config');
		emit($n, 'export', $run, $ms);
		my $targets = () = $r->{content} =~ /^\tTARGET pt\d+/mg;
		fail("export: $targets targets of pt*, expected $n") unless $targets == $n;
		if ($sa && $run >= 1 && $run <= $set{sa_runs}) {
			unlink("$DIR/sa.conf");
			($ms, $out) = child('sa-export', 'perl', "-I$SA/lib", "$SA/scstadmin", '-write_config', "$DIR/sa.conf");
			emit($n, 'sa-export', $run, $ms);
			my $t = () = slurp("$DIR/sa.conf") =~ /^\tTARGET pt\d+/mg;
			fail("scstadmin -write_config: $t targets of pt*, expected $n") unless $t == $n;
		}
		($ms, $out) = child('floor-clear', $FLOOR, 'write', "$DIR/clear-$n.txt");
		emit($n, 'floor-clear', $run, $ms);
		expect_state('floor-clear', 0);
		($ms, $r) = request('POST', '/api/v1/config/plan', $conf);
		emit($n, 'plan', $run, $ms);
		fail("plan: not the floor's $writes commands") if $run == 1 && !same_commands($n, $r->{content});
		($ms, $r) = request('PUT', '/api/v1/config', $conf);
		emit($n, 'apply', $run, $ms);
		fail("apply: " . substr($r->{content}, 0, 200)) unless $r->{content} =~ /"applied":$writes\b/;
		emit($n, 'save', $run, $1) if $r->{content} =~ /"save":\{[^}]*"millis":([0-9.]+)/;
		my $st = $r->{headers}{'server-timing'} // '';
		emit($n, 'server-timing', $run, $1) if $st =~ /save;dur=([0-9.]+)/;
		while ($st =~ /\b(parse|plan|write|scan);dur=([0-9.]+)/g) {
			emit($n, "st-$1", $run, $2);
		}
		info("N=$n run $run apply: Server-Timing: $st") if $run == 1;
		expect_state('apply', $n);
		($ms, $r) = request('PUT', '/api/v1/config', $conf);
		emit($n, 'reapply', $run, $ms);
		fail("reapply: " . substr($r->{content}, 0, 200)) unless $r->{content} =~ /"applied":0\b/;
		($ms, $r) = request('PUT', $prune, $empty);
		emit($n, 'clear', $run, $ms);
		emit($n, 'clear-save', $run, $1) if $r->{content} =~ /"save":\{[^}]*"millis":([0-9.]+)/;
		info("N=$n run $run clear: " . ($r->{content} =~ /("applied":\d+)/ ? $1 : '?')) if $run == 1;
		expect_state('clear', 0);
		# the same apply inside one suspension of SCST's I/O, floor and server
		($ms, $out) = child('floor-apply-susp', $FLOOR, 'write', "$DIR/apply-$n.txt", 'settle', 'suspend');
		($wrote, $settled) = $out =~ /\bms=([0-9.]+) .*\bsettled_ms=([0-9.]+)/
			or fail("floor-apply-susp: no settled_ms in '$out'");
		emit($n, 'floor-apply-susp', $run, $ms - ($settled - $wrote));
		emit($n, 'floor-settled-susp', $run, $ms);
		info("N=$n run $run floor-apply-susp: $out") if $run == 1;
		expect_state('floor-apply-susp', $n);
		child('floor-clear', $FLOOR, 'write', "$DIR/clear-$n.txt");
		expect_state('floor-clear', 0);
		($ms, $r) = request('PUT', '/api/v1/config?suspend=true', $conf);
		emit($n, 'apply-susp', $run, $ms);
		my $suspended = $writes + 2;
		fail("apply?suspend=true: " . substr($r->{content}, 0, 200)) unless $r->{content} =~ /"applied":$suspended\b/;
		$st = $r->{headers}{'server-timing'} // '';
		while ($st =~ /\b(write|scan|save);dur=([0-9.]+)/g) {
			emit($n, "st-$1-susp", $run, $2);
		}
		info("N=$n run $run apply?suspend=true: Server-Timing: $st") if $run == 1;
		expect_state('apply?suspend=true', $n);
		($ms, $r) = request('PUT', $prune, $empty);
		expect_state('clear', 0);
		if ($sa && $run >= 1 && $run <= $set{sa_runs}) {
			($ms, $out) = child('sa-apply', 'perl', "-I$SA/lib", "$SA/scstadmin", '-config', "$DIR/scst-$n.conf",
				'-noprompt');
			emit($n, 'sa-apply', $run, $ms);
			info("N=$n run $run sa-apply: " . ($out =~ /(Done, \d+ change\(s\) made)/ ? $1 : '?')) if $run == 1;
			expect_state('sa-apply', $n);
			($ms, $out) = child('sa-clear', 'perl', "-I$SA/lib", "$SA/scstadmin", '-clear_config', '-force',
				'-noprompt');
			emit($n, 'sa-clear', $run, $ms);
			expect_state('sa-clear', 0);
		}
		info(sprintf('N=%d run %d took %.1f s', $n, $run, time - $t0));
	}
}

sub guest {
	$| = 1;
	for (split(' ', slurp('/srv/perf/settings'))) {
		$set{$1} = $2 if /^(\w+)=(\S+)$/;
	}
	$token = slurp('/srv/e2e/token');
	chomp($token);
	$http = HTTP::Tiny->new(timeout => 1800);
	mkdir($DIR);
	my $cpus = () = slurp('/proc/cpuinfo') =~ /^processor\s*:/mg;
	my ($model) = slurp('/proc/cpuinfo') =~ /^model name\s*:\s*(.*)$/m;
	my ($mem) = slurp('/proc/meminfo') =~ /^MemTotal:\s*(\d+)/m;
	my ($kernel) = split(' ', slurp('/proc/sys/kernel/osrelease'));
	my ($scst) = split(/\n/, slurp("$ROOT/version"));
	info("guest: $cpus CPUs ($model), MemTotal $mem kB, kernel $kernel, SCST $scst");
	info("settings: " . join(' ', map { "$_=$set{$_}" } sort keys %set));
	info("server JVM flags: " . slurp('/srv/e2e/jvm-flags'));
	$rc = 0;
	my $t0 = time;
	eval {
		# nothing of an earlier run (the module's own objects) in the counts
		request('PUT', '/api/v1/config?prune=devices,targets,luns,sessions', "# nothing\n");
		expect_state('start', 0);
		# runs: one number per size (the last for the rest); the warm-up
		# runs (the server's JIT) before the first size only
		my @runs = split(/,/, $set{runs});
		my $i = 0;
		for my $n (split(/,/, $set{sizes})) {
			size($n, $runs[$i < @runs ? $i : -1], $i ? 0 : $set{warmups});
			$i++;
		}
		1;
	} or do {
		$rc ||= 1;
		info("stopped: $@") unless $@ eq "fail\n";
	};
	info(sprintf('all sizes took %.1f s', time - $t0));
	print "PERF-DONE rc=$rc\n";
	return $rc;
}

if (@ARGV && $ARGV[0] eq '--table') {
	table($ARGV[1]);
} elsif (@ARGV && $ARGV[0] eq '--load') {
	HTTP::Tiny->new(timeout => 1)->request('PUT', 'http://127.0.0.1:1/', { content => 'x' });
	time;
} else {
	exit(guest());
}
