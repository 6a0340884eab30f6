// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test that the AEN interpretation setup survives kvm module reload.
 *
 * Firmware accepts the AEN interpretation controls (SIC "set AENI
 * controls") only once per host boot, so kvm keeps the adapter
 * interruption parameter block (AIPB) in the built-in s390 PCI code and
 * reuses it on the next load. Each load reports what it did in the
 * kvm-trace debug feature (see aen_records.h). This test unloads and
 * loads kvm several times and checks that
 *  - every load succeeds and reports no AEN failure,
 *  - the registration seen first is reused on every later load, with the
 *    same (hashed) AIPB address, forwarding ISC and table size,
 *  - unreclaimable slab memory does not grow over the cycles, and
 *    kmemleak, where enabled, finds no new leak from the module loads.
 * kvm is left loaded if it was loaded before, unloaded otherwise.
 *
 * Environment:
 *  AEN_RELOAD_CYCLES=N     unload/load cycles (default 3, also -c N)
 *  KVM_MODULE=/path/kvm.ko load with finit_module() and unload with
 *                          delete_module() instead of modprobe [-r] kvm
 *  AEN_SLAB_TOLERANCE_KB=K allowed SUnreclaim growth (default 1024)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/vfs.h>
#include <sys/wait.h>

#include "kselftest_harness.h"
#include "aen_records.h"

#define KVM_SYSFS		"/sys/module/kvm"
#define DEBUGFS			"/sys/kernel/debug"
#define KVM_TRACE		DEBUGFS "/s390dbf/kvm-trace/sprintf"
#define KMEMLEAK		DEBUGFS "/kmemleak"
#define DEBUGFS_MAGIC_NR	0x64626720

#define CYCLES_DEFAULT		3
#define CYCLES_MAX		1000
/* a modprobe that takes longer is killed */
#define CMD_TIMEOUT_S		60
/* stop cycling after this, to leave time for the checks and restoring */
#define CYCLE_BUDGET_S		420
#define TEST_TIMEOUT_S		600
#define TRACE_MAX		(16 << 20)
/*
 * Allowed growth of SUnreclaim from the first to the last load. Only
 * unreclaimable slab is compared: the reclaimable part (dentries,
 * inodes) follows what the test and the rest of the system read. One
 * MiB absorbs per-cpu slab caches and unrelated kernel activity; a leak
 * of L KiB per load shows after about 1024 / L cycles, so run many
 * cycles to find small leaks this way. kmemleak finds them in one.
 */
#define SLAB_TOLERANCE_KB	1024
/* kmemleak does not report objects younger than 5 s */
#define KMEMLEAK_MIN_AGE_S	6

static unsigned int aen_cycles = CYCLES_DEFAULT;
static long aen_slab_tolerance = SLAB_TOLERANCE_KB;

enum kvm_state {
	KVM_ABSENT,
	KVM_LIVE,
	KVM_TRANSIENT,		/* coming or going */
	KVM_BUILTIN,
};

static const char *errno_name(int err)
{
	switch (err) {
	case ENODEV:
		return "ENODEV";
	case ENOENT:
		return "ENOENT";
	case EEXIST:
		return "EEXIST";
	case EPERM:
		return "EPERM";
	case EACCES:
		return "EACCES";
	case EBUSY:
		return "EBUSY";
	case EAGAIN:
		return "EAGAIN";
	case ENOEXEC:
		return "ENOEXEC";
	case EINVAL:
		return "EINVAL";
	case ENOMEM:
		return "ENOMEM";
	}
	return "errno";
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Read a whole (pseudo) file; NULL and errno set on failure. */
static char *read_file(const char *path, size_t *len)
{
	size_t size = 4096, n = 0;
	char *buf, *tmp;
	ssize_t r;
	int fd, err;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	buf = malloc(size + 1);
	while (buf) {
		if (n == size) {
			if (size >= TRACE_MAX) {
				errno = EFBIG;
				goto fail;
			}
			size *= 2;
			tmp = realloc(buf, size + 1);
			if (!tmp)
				goto fail;
			buf = tmp;
		}
		r = read(fd, buf + n, size - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			goto fail;
		if (!r)
			break;
		n += r;
	}
	close(fd);
	if (buf) {
		buf[n] = '\0';
		*len = n;
	}
	return buf;
fail:
	err = errno;
	free(buf);
	close(fd);
	errno = err;
	return NULL;
}

static int write_file(const char *path, const char *s)
{
	int fd, ret = 0;

	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (write(fd, s, strlen(s)) < 0)
		ret = -errno;
	close(fd);
	return ret;
}

static enum kvm_state kvm_state(int *refcnt)
{
	struct stat st;
	size_t len;
	char *s;
	enum kvm_state state;

	*refcnt = 0;
	if (stat(KVM_SYSFS, &st))
		return KVM_ABSENT;
	s = read_file(KVM_SYSFS "/initstate", &len);
	if (!s)
		return KVM_BUILTIN;
	state = strncmp(s, "live", 4) ? KVM_TRANSIENT : KVM_LIVE;
	free(s);
	s = read_file(KVM_SYSFS "/refcnt", &len);
	if (s) {
		*refcnt = atoi(s);
		free(s);
	}
	return state;
}

static bool kvm_loaded(void)
{
	int refcnt;

	return kvm_state(&refcnt) == KVM_LIVE;
}

/*
 * Run a command with a time limit; its output goes to @out (first line,
 * for messages) and, prefixed with "# ", to the test log.
 * Returns the exit status, or -1 with @out saying why.
 */
static int run_cmd(const char *const argv[], char *out, size_t size)
{
	static const char *const dirs[] = { "/sbin/", "/usr/sbin/", "" };
	char buf[4096], path[256];
	size_t n = 0;
	double end = now_s() + CMD_TIMEOUT_S;
	struct pollfd pfd;
	int p[2], status, i;
	bool timed_out = false;
	ssize_t r;
	pid_t pid;

	out[0] = '\0';
	if (pipe2(p, O_CLOEXEC)) {
		snprintf(out, size, "pipe: %s", strerror(errno));
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		snprintf(out, size, "fork: %s", strerror(errno));
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (!pid) {
		dup2(p[1], 1);
		dup2(p[1], 2);
		for (i = 0; i < 3; i++) {
			snprintf(path, sizeof(path), "%s%s", dirs[i], argv[0]);
			if (i < 2)
				execv(path, (char *const *)argv);
			else
				execvp(path, (char *const *)argv);
		}
		fprintf(stderr, "%s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(p[1]);
	pfd.fd = p[0];
	pfd.events = POLLIN;
	for (;;) {
		int ms = (int)((end - now_s()) * 1000);

		if (ms <= 0) {
			timed_out = true;
			break;
		}
		if (poll(&pfd, 1, ms) < 0 && errno != EINTR)
			break;
		if (!pfd.revents)
			continue;
		r = read(p[0], buf + n, sizeof(buf) - 1 - n);
		if (r <= 0)
			break;
		n += r;
		if (n == sizeof(buf) - 1)
			n = 0;	/* keep reading, drop excess output */
	}
	close(p[0]);
	if (timed_out)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	buf[n] = '\0';
	for (char *l = strtok(buf, "\n"); l; l = strtok(NULL, "\n")) {
		printf("# %s\n", l);
		if (!out[0])
			snprintf(out, size, "%s", l);
	}
	if (timed_out) {
		snprintf(out, size, "%s %s: killed after %d s", argv[0],
			 argv[1], CMD_TIMEOUT_S);
		return -1;
	}
	if (!WIFEXITED(status)) {
		snprintf(out, size, "%s %s: killed by signal", argv[0],
			 argv[1]);
		return -1;
	}
	if (WEXITSTATUS(status) && !out[0])
		snprintf(out, size, "%s %s: exit status %d", argv[0], argv[1],
			 WEXITSTATUS(status));
	return WEXITSTATUS(status);
}

/*
 * Load kvm, from the file @ko if given, else with modprobe.
 * Returns 0, or -1 with @why saying what failed.
 */
static int kvm_load(const char *ko, char *why, size_t size)
{
	const char *const argv[] = { "modprobe", "kvm", NULL };
	int fd, err;

	if (!ko)
		return run_cmd(argv, why, size) ? -1 : 0;
	fd = open(ko, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(why, size, "open %s: %s", ko, strerror(errno));
		return -1;
	}
	if (syscall(__NR_finit_module, fd, "", 0)) {
		err = errno;
		snprintf(why, size, "finit_module(%s): %s (%s)%s", ko,
			 errno_name(err), strerror(err),
			 err == ENODEV ? ", interpretive execution facility missing?" : "");
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

/*
 * Unload kvm, with delete_module() if @ko is given, else modprobe -r.
 * Returns 0, -EBUSY if kvm is in use, or -1 with @why set.
 */
static int kvm_unload(const char *ko, char *why, size_t size)
{
	const char *const argv[] = { "modprobe", "-r", "kvm", NULL };
	int refcnt, err;

	if (!ko) {
		if (!run_cmd(argv, why, size))
			return 0;
		kvm_state(&refcnt);
		return refcnt > 0 ? -EBUSY : -1;
	}
	if (!syscall(__NR_delete_module, "kvm", O_NONBLOCK))
		return 0;
	err = errno;
	snprintf(why, size, "delete_module(kvm): %s (%s)", errno_name(err),
		 strerror(err));
	return err == EBUSY || err == EAGAIN ? -EBUSY : -1;
}

/* A value of /proc/meminfo in kB, or -1. */
static long meminfo_kb(const char *key)
{
	size_t len, klen = strlen(key);
	long val = -1;
	char *s, *p;

	s = read_file("/proc/meminfo", &len);
	if (!s)
		return -1;
	for (p = s; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (!strncmp(p, key, klen) && p[klen] == ':') {
			val = strtol(p + klen + 1, NULL, 10);
			break;
		}
	}
	free(s);
	return val;
}

/*
 * Count kmemleak reports that come from the module loads: allocated by
 * modprobe or this test, or with kvm, zpci or airq code in the
 * backtrace. Others are only logged.
 */
static int kmemleak_ours(struct __test_metadata *_metadata)
{
	size_t len;
	char *s, *obj, *next;
	int ours = 0, others = 0;

	s = read_file(KMEMLEAK, &len);
	if (!s)
		return 0;
	for (obj = strstr(s, "unreferenced object"); obj; obj = next) {
		next = strstr(obj + 1, "unreferenced object");
		if (next)
			next[-1] = '\0';
		if (strstr(obj, "comm \"modprobe\"") ||
		    strstr(obj, "comm \"aen_reload_test") ||
		    strstr(obj, "[kvm]") || strstr(obj, "zpci") ||
		    strstr(obj, "airq") || strstr(obj, "kvm_")) {
			ours++;
			TH_LOG("kmemleak: %s", obj);
		} else {
			others++;
		}
	}
	if (others)
		TH_LOG("kmemleak: %d unrelated reports ignored", others);
	free(s);
	return ours;
}

FIXTURE(aen_reload) {
	bool skipped;		/* by setup: the 5.10 harness runs the test */
	bool was_loaded;	/* kvm state to restore */
	bool mounted_debugfs;
	bool kmemleak;
	const char *ko;		/* KVM_MODULE */
};

FIXTURE_SETUP(aen_reload)
{
	struct utsname uts = { 0 };
	struct statfs sfs;
	int refcnt;

	self->ko = getenv("KVM_MODULE");
	if (self->ko && !self->ko[0])
		self->ko = NULL;
	if (geteuid()) {
		self->skipped = true;
		SKIP(return, "must be run as root");
	}
	if (uname(&uts) || strcmp(uts.machine, "s390x")) {
		self->skipped = true;
		SKIP(return, "not s390x (machine %s)", uts.machine);
	}
	switch (kvm_state(&refcnt)) {
	case KVM_BUILTIN:
		self->skipped = true;
		SKIP(return, "kvm is built in, not a module");
	case KVM_TRANSIENT:
		self->skipped = true;
		SKIP(return, "kvm is being loaded or unloaded");
	case KVM_LIVE:
		if (refcnt > 0) {
			self->skipped = true;
			SKIP(return, "kvm is in use (refcnt %d)", refcnt);
		}
		self->was_loaded = true;
		break;
	case KVM_ABSENT:
		break;
	}
	if (statfs(DEBUGFS, &sfs) || sfs.f_type != DEBUGFS_MAGIC_NR) {
		if (mount("debugfs", DEBUGFS, "debugfs", 0, NULL)) {
			self->skipped = true;
			SKIP(return, "debugfs unavailable: mount on %s: %s",
			     DEBUGFS, strerror(errno));
		}
		self->mounted_debugfs = true;
	}
	if (access(DEBUGFS "/s390dbf", F_OK)) {
		self->skipped = true;
		SKIP(return, "debugfs has no s390dbf directory");
	}
	if (!access(KMEMLEAK, F_OK)) {
		if (write_file(KMEMLEAK, "scan") || write_file(KMEMLEAK, "clear"))
			TH_LOG("kmemleak present but not usable, not checked");
		else
			self->kmemleak = true;
	}
	TH_LOG("kvm %s, %u cycles, loading with %s%s",
	       self->was_loaded ? "loaded" : "not loaded", aen_cycles,
	       self->ko ? "finit_module " : "modprobe",
	       self->ko ? self->ko : "");
}

FIXTURE_TEARDOWN(aen_reload)
{
	char why[256];
	bool loaded = kvm_loaded();
	int ret = 0;

	if (self->skipped)
		goto out;
	if (self->was_loaded && !loaded) {
		ret = kvm_load(self->ko, why, sizeof(why));
		if (ret)
			TH_LOG("cannot reload kvm as it was: %s", why);
	} else if (!self->was_loaded && loaded) {
		ret = kvm_unload(self->ko, why, sizeof(why));
		if (ret)
			TH_LOG("cannot unload kvm as it was: %s", why);
	}
	if (ret) {
		/* leaving the system changed is a failure, not a skip */
		_metadata->skip = 0;
		_metadata->passed = 0;
	}
out:
	if (self->mounted_debugfs && umount(DEBUGFS))
		TH_LOG("umount %s: %s", DEBUGFS, strerror(errno));
}

/*
 * Read and judge the kvm-trace records of the current load. Returns the
 * verdict, with the explanation in @why and the setup record in @rec.
 */
static enum aen_verdict check_trace(struct __test_metadata *_metadata,
				    const struct aen_record *ref,
				    struct aen_record *rec,
				    char *why, size_t size)
{
	struct aen_scan scan;
	enum aen_verdict v;
	size_t len;
	char *buf;

	buf = read_file(KVM_TRACE, &len);
	if (!buf) {
		snprintf(why, size, "cannot read %s: %s", KVM_TRACE,
			 strerror(errno));
		return AEN_V_MISSING;
	}
	aen_scan_text(buf, len, &scan);
	free(buf);
	if (scan.no_header)
		TH_LOG("%u of %u kvm-trace lines without sprintf-view header",
		       scan.no_header, scan.lines);
	v = aen_check_load(&scan, ref, why, size);
	*rec = scan.setup;
	return v;
}

TEST_F_TIMEOUT(aen_reload, reload_cycles, TEST_TIMEOUT_S)
{
	struct aen_record ref, rec;
	bool have_ref = false;
	long slab_first = -1, slab_last = -1;
	double start = now_s();
	enum aen_verdict v;
	unsigned int i;
	char why[512];
	int ret;

	if (self->skipped)
		return;

	if (self->was_loaded) {
		/* the records of the load before the test, if still there */
		v = check_trace(_metadata, NULL, &ref, why, sizeof(why));
		TH_LOG("before the test: %s", why);
		if (v == AEN_V_UNAVAILABLE)
			SKIP(return, "no AEN interpretation: %s", why);
		if (v == AEN_V_OK)
			have_ref = true;
		if (v == AEN_V_OK && ref.aipb[0] == '(')
			TH_LOG("AIPB printed as %s (no hash key yet): not compared",
			       ref.aipb);
		else if (v != AEN_V_MISSING)
			goto fail;
	}

	for (i = 1; i <= aen_cycles; i++) {
		if (kvm_loaded()) {
			ret = kvm_unload(self->ko, why, sizeof(why));
			if (ret == -EBUSY)
				SKIP(return, "kvm is in use: %s", why);
			if (ret) {
				TH_LOG("cycle %u: unload failed: %s", i, why);
				goto fail;
			}
		}
		if (kvm_loaded()) {
			TH_LOG("cycle %u: kvm still loaded after unload", i);
			goto fail;
		}
		if (kvm_load(self->ko, why, sizeof(why))) {
			if (i == 1 && !self->was_loaded)
				SKIP(return, "kvm cannot load: %s", why);
			TH_LOG("cycle %u: load failed: %s", i, why);
			goto fail;
		}
		if (!kvm_loaded()) {
			TH_LOG("cycle %u: kvm not live after load", i);
			goto fail;
		}
		v = check_trace(_metadata, have_ref ? &ref : NULL, &rec, why,
				sizeof(why));
		TH_LOG("cycle %u: %s", i, why);
		if (v == AEN_V_UNAVAILABLE && !have_ref)
			SKIP(return, "no AEN interpretation: %s", why);
		if (v != AEN_V_OK)
			goto fail;
		if (!have_ref) {
			ref = rec;
			have_ref = true;
			if (ref.aipb[0] == '(')
				TH_LOG("AIPB printed as %s (no hash key yet): not compared",
				       ref.aipb);
		}
		if (i == 1)
			slab_first = meminfo_kb("SUnreclaim");
		slab_last = meminfo_kb("SUnreclaim");
		if (now_s() - start > CYCLE_BUDGET_S) {
			TH_LOG("cycle %u: over the %d s budget, stopping", i,
			       CYCLE_BUDGET_S);
			goto fail;
		}
	}

	TH_LOG("SUnreclaim: %ld kB after the first load, %ld kB after the last, tolerance %ld kB",
	       slab_first, slab_last, aen_slab_tolerance);
	if (slab_first < 0 || slab_last < 0)
		TH_LOG("no SUnreclaim in /proc/meminfo, memory not checked");
	else
		EXPECT_GE(slab_first + aen_slab_tolerance, slab_last);

	if (self->kmemleak) {
		sleep(KMEMLEAK_MIN_AGE_S);
		if (write_file(KMEMLEAK, "scan") ||
		    write_file(KMEMLEAK, "scan")) {
			TH_LOG("kmemleak scan failed, not checked");
		} else {
			ret = kmemleak_ours(_metadata);
			TH_LOG("kmemleak: %d new reports from the module loads",
			       ret);
			EXPECT_EQ(0, ret);
		}
	}
	return;
fail:
	_metadata->passed = 0;
}

static void help(const char *prog)
{
	fprintf(stderr,
		"usage: %s [-c CYCLES]\n"
		"  -c N  unload/load kvm N times (default: $AEN_RELOAD_CYCLES or %d)\n"
		"  environment: KVM_MODULE=/path/kvm.ko, AEN_SLAB_TOLERANCE_KB=K\n",
		prog, CYCLES_DEFAULT);
}

static bool parse_count(const char *s, long max, long *val)
{
	char *end;

	errno = 0;
	*val = strtol(s, &end, 10);
	return !errno && end != s && !*end && *val >= 1 && *val <= max;
}

/* As TEST_HARNESS_MAIN, with the option and environment parsed first */
static void __attribute__((constructor)) __constructor_order_last(void)
{
	if (!__constructor_order)
		__constructor_order = _CONSTRUCTOR_ORDER_BACKWARD;
}

int main(int argc, char **argv)
{
	const char *cycles = getenv("AEN_RELOAD_CYCLES");
	const char *tol = getenv("AEN_SLAB_TOLERANCE_KB");
	long val;
	int opt;

	while ((opt = getopt(argc, argv, "c:h")) != -1) {
		switch (opt) {
		case 'c':
			cycles = optarg;
			break;
		default:
			help(argv[0]);
			return opt == 'h' ? KSFT_PASS : KSFT_FAIL;
		}
	}
	if (optind != argc) {
		help(argv[0]);
		return KSFT_FAIL;
	}
	if (cycles) {
		if (!parse_count(cycles, CYCLES_MAX, &val))
			ksft_exit_fail_msg("cycles must be 1..%d, not '%s'\n",
					   CYCLES_MAX, cycles);
		aen_cycles = val;
	}
	if (tol) {
		if (!parse_count(tol, LONG_MAX, &val))
			ksft_exit_fail_msg("bad AEN_SLAB_TOLERANCE_KB '%s'\n",
					   tol);
		aen_slab_tolerance = val;
	}
	return test_harness_run(argc, argv);
}
