// SPDX-License-Identifier: GPL-2.0
/*
 * The floors of the real-kernel benchmark (perf-vm.sh): the least a program
 * can do to make SCST's changes or to read its whole tree. Built on the host
 * with gcc -static, run in the guest.
 *
 *   perf-floor write FILE   each line of FILE is "<path>\t<command>", <path>
 *                           relative to /sys/kernel/scst_tgt: one write of
 *                           <command> to it, as SCST wants it (SCST-SYSFS.md
 *                           1.4): a write that returns is done (an error
 *                           fails the run); only a write that fails with
 *                           EAGAIN is still running, and then
 *                           last_sysfs_mgmt_res is read (every millisecond
 *                           while it says EAGAIN, up to 300 s) for its result
 *   perf-floor write FILE settle
 *                           the same, then wait (polling every millisecond,
 *                           up to 300 s) until the SCSI midlayer has, for
 *                           every session of every scst_local target, a
 *                           device with a block node and a generic node for
 *                           each LUN of its target: what the server waits for
 *                           before it answers an apply (session/SessionHosts)
 *   perf-floor write FILE [settle] suspend
 *                           the same inside one suspension of SCST's I/O:
 *                           "30" to /sys/kernel/scst_tgt/suspend before the
 *                           first command, "-1" after the last (before the
 *                           wait: the scans need I/O)
 *   perf-floor readall DIR  read every file below DIR (a queued read that
 *                           says EAGAIN is retried every millisecond, up to
 *                           300 s) and every link's target; nothing followed
 *
 * Prints one line, "writes=N eagain=N ms=T" (with settle: "... sessions=N
 * settled_ms=S", S from the first write to the last device), or "files=N links=N dirs=N
 * unreadable=N bytes=N ms=T" (T the program's own wall clock), and exits 0,
 * or prints the failed command and its errno and exits 1.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define ROOT "/sys/kernel/scst_tgt"
#define POLLS 300000

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void pause_ms(void)
{
	struct timespec t = { 0, 1000000 };

	nanosleep(&t, NULL);
}

/* The result of the queued work a write left running: 0 or -errno. */
static int mgmt_result(void)
{
	char buf[32];
	int i;

	for (i = 0; i < POLLS; i++) {
		int fd = open(ROOT "/last_sysfs_mgmt_res", O_RDONLY);
		ssize_t n;

		if (fd < 0)
			return -errno;
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		if (n >= 0) {
			buf[n] = 0;
			return atoi(buf);
		}
		if (errno != EAGAIN)
			return -errno;
		pause_ms();
	}
	return -ETIMEDOUT;
}

#define HOSTS 4096

/* The scst_local sessions' SCSI hosts and how many LUNs each must show. */
static int hosts[HOSTS], host_luns[HOSTS], nhosts;

static int count_entries(const char *dir, int digits_only)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.' && (!digits_only || (e->d_name[0] >= '0' && e->d_name[0] <= '9')))
			n++;
	closedir(d);
	return n;
}

static int find_hosts(void)
{
	const char *tdir = ROOT "/targets/scst_local";
	DIR *t = opendir(tdir), *s;
	struct dirent *te, *se;
	char path[4096], link[4096];
	ssize_t n;

	if (!t)
		return -1;
	while ((te = readdir(t))) {
		int luns;

		snprintf(path, sizeof(path), "%s/%s/luns", tdir, te->d_name);
		luns = count_entries(path, 1);
		if (te->d_name[0] == '.' || luns < 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s/sessions", tdir, te->d_name);
		s = opendir(path);
		while (s && (se = readdir(s))) {
			char *h;

			snprintf(path, sizeof(path), "%s/%s/sessions/%s/host", tdir, te->d_name, se->d_name);
			n = readlink(path, link, sizeof(link) - 1);
			if (se->d_name[0] == '.' || n < 0)
				continue;
			link[n] = 0;
			h = strrchr(link, '/');
			if (!h || strncmp(h, "/host", 5) || nhosts == HOSTS)
				continue;
			hosts[nhosts] = atoi(h + 5);
			host_luns[nhosts++] = luns;
		}
		if (s)
			closedir(s);
	}
	closedir(t);
	return 0;
}

/* Whether host i has a device with both nodes for each of its LUNs. */
static int host_settled(int i)
{
	char dir[256], node[1024];
	DIR *d;
	struct dirent *e;
	int ready = 0, h = hosts[i];

	snprintf(dir, sizeof(dir), "/sys/class/scsi_host/host%d/device/target%d:0:0", h, h);
	d = opendir(dir);
	if (!d)
		return host_luns[i] == 0;
	while ((e = readdir(d))) {
		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		snprintf(node, sizeof(node), "%s/%s/block", dir, e->d_name);
		if (access(node, F_OK))
			continue;
		snprintf(node, sizeof(node), "%s/%s/scsi_generic", dir, e->d_name);
		if (!access(node, F_OK))
			ready++;
	}
	closedir(d);
	return ready >= host_luns[i];
}

/* Wait until every session's host is settled; ms from t0, or -1. */
static double settle(double t0)
{
	int i, left, polls;

	if (find_hosts())
		return -1;
	for (polls = 0; polls < POLLS; polls++) {
		left = 0;
		for (i = 0; i < nhosts; i++)
			if (host_luns[i] >= 0 && !host_settled(i))
				left++;
			else
				host_luns[i] = -1; /* done: not looked at again */
		if (!left)
			return now_ms() - t0;
		pause_ms();
	}
	return -1;
}

/* Write SCST's suspend file: a drain timeout to suspend, -1 to resume. */
static int suspend_write(const char *value)
{
	int fd = open(ROOT "/suspend", O_WRONLY);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, value, strlen(value));
	close(fd);
	return n < 0 ? -errno : 0;
}

static int write_all(const char *file, int wait, int suspend)
{
	FILE *in = fopen(file, "r");
	char line[4096], last[4096] = "", path[4200];
	long writes = 0, eagain = 0;
	double t0 = now_ms();
	int fd = -1;

	if (!in) {
		perror(file);
		return 1;
	}
	if (suspend && suspend_write("30\n")) {
		fprintf(stderr, "suspend: %s\n", strerror(errno));
		return 1;
	}
	while (fgets(line, sizeof(line), in)) {
		char *cmd = strchr(line, '\t');
		size_t len;
		ssize_t n;

		if (!cmd)
			continue;
		*cmd++ = 0;
		len = strlen(cmd);
		/* the same file as the last command: the same descriptor */
		if (fd < 0 || strcmp(line, last)) {
			if (fd >= 0)
				close(fd);
			snprintf(path, sizeof(path), ROOT "/%s", line);
			fd = open(path, O_WRONLY);
			if (fd < 0) {
				fprintf(stderr, "open %s: %s\n", path, strerror(errno));
				return 1;
			}
			strcpy(last, line);
		}
		n = pwrite(fd, cmd, len, 0);
		writes++;
		if (n < 0 && errno == EAGAIN) {
			int r = mgmt_result();

			eagain++;
			if (r) {
				fprintf(stderr, "%s: %.*s: %s (after EAGAIN)\n", line, (int)len - 1, cmd,
					strerror(-r));
				return 1;
			}
		} else if (n < 0) {
			fprintf(stderr, "%s: %.*s: %s\n", line, (int)len - 1, cmd, strerror(errno));
			return 1;
		}
	}
	if (fd >= 0)
		close(fd);
	fclose(in);
	if (suspend && suspend_write("-1\n")) {
		fprintf(stderr, "resume: %s\n", strerror(errno));
		return 1;
	}
	printf("writes=%ld eagain=%ld ms=%.1f", writes, eagain, now_ms() - t0);
	if (wait) {
		double settled = settle(t0);

		if (settled < 0) {
			printf("\n");
			fprintf(stderr, "the SCSI midlayer did not settle in 300 s\n");
			return 1;
		}
		printf(" sessions=%d settled_ms=%.1f", nhosts, settled);
	}
	printf("\n");
	return 0;
}

static long files, links, dirs, unreadable, bytes;

static void read_file(int dir, const char *name)
{
	char buf[4096];
	int fd = openat(dir, name, O_RDONLY);
	int i;

	if (fd < 0) {
		unreadable++; /* the write-only mgmt files */
		return;
	}
	for (i = 0; i < POLLS; i++) {
		ssize_t n = read(fd, buf, sizeof(buf));

		if (n > 0) {
			bytes += n;
			continue;
		}
		if (n == 0)
			break;
		if (errno != EAGAIN) {
			unreadable++;
			break;
		}
		pause_ms();
	}
	files++;
	close(fd);
}

static void read_dir(int parent, const char *name)
{
	int fd = openat(parent, name, O_RDONLY | O_DIRECTORY);
	DIR *d;
	struct dirent *e;
	char target[4096];

	if (fd < 0)
		return;
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return;
	}
	dirs++;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (e->d_type == DT_DIR) {
			read_dir(fd, e->d_name);
		} else if (e->d_type == DT_LNK) {
			if (readlinkat(fd, e->d_name, target, sizeof(target)) >= 0)
				links++;
		} else {
			read_file(fd, e->d_name);
		}
	}
	closedir(d);
}

int main(int argc, char **argv)
{
	double t0;

	if (argc >= 3 && !strcmp(argv[1], "write")) {
		int i, wait = 0, suspend = 0;

		for (i = 3; i < argc; i++) {
			if (!strcmp(argv[i], "settle"))
				wait = 1;
			else if (!strcmp(argv[i], "suspend"))
				suspend = 1;
			else
				goto usage;
		}
		return write_all(argv[2], wait, suspend);
	}
	if (argc == 3 && !strcmp(argv[1], "readall")) {
		t0 = now_ms();
		read_dir(AT_FDCWD, argv[2]);
		printf("files=%ld links=%ld dirs=%ld unreadable=%ld bytes=%ld ms=%.1f\n", files, links,
		       dirs, unreadable, bytes, now_ms() - t0);
		return dirs ? 0 : 1;
	}
usage:
	fprintf(stderr, "usage: perf-floor write FILE [settle] [suspend] | perf-floor readall DIR\n");
	return 2;
}
