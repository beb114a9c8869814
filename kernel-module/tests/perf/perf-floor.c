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
 *   perf-floor readall DIR  read every file below DIR (a queued read that
 *                           says EAGAIN is retried every millisecond, up to
 *                           300 s) and every link's target; nothing followed
 *
 * Prints one line, "writes=N eagain=N ms=T" or "files=N links=N dirs=N
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

static int write_all(const char *file)
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
	printf("writes=%ld eagain=%ld ms=%.1f\n", writes, eagain, now_ms() - t0);
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

	if (argc == 3 && !strcmp(argv[1], "write"))
		return write_all(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "readall")) {
		t0 = now_ms();
		read_dir(AT_FDCWD, argv[2]);
		printf("files=%ld links=%ld dirs=%ld unreadable=%ld bytes=%ld ms=%.1f\n", files, links,
		       dirs, unreadable, bytes, now_ms() - t0);
		return dirs ? 0 : 1;
	}
	fprintf(stderr, "usage: perf-floor write FILE | perf-floor readall DIR\n");
	return 2;
}
