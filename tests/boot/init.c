// SPDX-License-Identifier: GPL-2.0-only
/*
 * init (PID 1) of the boot test's initramfs: mount the pseudo file
 * systems, try to load /kvm.ko, then run the kselftest /aen_reload_test
 * once per scenario (scenarios[]) the way the kselftest runner does, and
 * power off. Every step prints an "AEN-BOOT:" marker that
 * tests/boot/run.sh parses from the console log. AEN_BOOT_PRELOAD=0 on the
 * kernel command line skips the initial load of /kvm.ko.
 * The initramfs has no shell and no kmod: /sbin/modprobe is a link to
 * this program, which then loads the scenario's module (modprobe()).
 * /kvm.ko is the real kvm, which cannot load under TCG (no SIE);
 * /kvm-standin.ko is tests/boot/standin, a module named kvm that writes
 * the kvm-trace records a scenario asks for through its hidden
 * parameters: modprobe gives those of the scenario's Nth load to the Nth
 * load it makes, and sends the test a signal after the load a scenario
 * names. The stand-in needs no SIE, but the test looks for "sie" in
 * /proc/cpuinfo before it touches kvm: a stand-in cpuinfo (the real one
 * with "sie" added to its features) is bind-mounted over it, but in the
 * scenario that keeps the real one. The test is asked to reload kvm as
 * its runners ask it (the argument --reload-kvm, which 7.2's runner
 * passes from KSELFTEST_AEN_RELOAD_TEST_ARGS; AEN_RELOAD_KVM=1 in the
 * environment for 5.10's, which passes none), but in the scenario that
 * runs it unasked; /aen_reload_test-enosys is the test linked with
 * tests/boot/enosys.c, whose delete_module(2) answers ENOSYS as without
 * CONFIG_MODULE_UNLOAD.
 * Built static for s390x: s390x-linux-gnu-gcc -static -o init init.c
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#define M "AEN-BOOT: "
/* tools/testing/selftests/kselftest/runner.sh: kselftest_default_timeout */
#define RUNNER_TIMEOUT_S 45
#define RUNNER_HDR "selftests: kvm: aen_reload_test"

/* the scenario: line 1 the module file, then one line per load by modprobe */
#define SCENARIO "/tmp/aen-scenario"
/* modprobe's runs during a scenario: "load", one a line */
#define CALLS "/tmp/aen-modprobe-calls"
/* "N SIG": after its Nth modprobe run (from 1), the test gets signal SIG */
#define TERM_AT "/tmp/aen-term-at"
#define CPUINFO "/tmp/aen-cpuinfo"
#define STANDIN "/kvm-standin.ko"
#define ENOSYS_BIN "./aen_reload_test-enosys"

static const struct scenario {
	const char *name, *ko;
	const char *preload;	/* parameters of a load before the test; NULL: none */
	const char *loads[3];	/* hidden parameters of the test's loads */
	const char *bin;	/* NULL: ./aen_reload_test */
	bool unasked;		/* run without the argument and variable that ask it */
	bool no_sie;		/* the real /proc/cpuinfo: TCG has no SIE */
	bool chld_ignored;	/* run with SIGCHLD ignored, which exec keeps */
	int term_at, sig;	/* signal sig to the test after its term_at'th modprobe run */
} scenarios[] = {
	{ "registration-reused", STANDIN, NULL,
	  { "aipb=1 registers=1", "aipb=1", "aipb=1" } },
	{ "loaded", STANDIN, "nested=1 use_gisa=0 aipb=1 registers=1", { "aipb=1" } },
	{ "second-registration", STANDIN, NULL,
	  { "aipb=1 registers=1", "aipb=2 registers=1", "aipb=2" } },
	{ "reload-fails", STANDIN, NULL, { "aipb=1 registers=1", "fail=5" } },
	{ "first-load-fails", STANDIN, NULL, { "fail=12" } },
	{ "first-load-eio", STANDIN, NULL, { "fail=5" } },
	{ "enodev", "/kvm.ko", NULL, { "" } },
	{ "no-sie", "/kvm.ko", NULL, { "" }, .no_sie = true },
	{ "no-module", "/no-such-dir/kvm.ko", NULL, { "" } },
	{ "unavailable", STANDIN, NULL, { "aipb=0" } },
	{ "busy-after-first-load", STANDIN, NULL, { "aipb=1 registers=1 busy=1" } },
	{ "unasked", STANDIN, NULL, { "aipb=1 registers=1" }, .unasked = true },
	{ "module-unload-off", STANDIN, NULL, { "aipb=1 registers=1" }, .bin = ENOSYS_BIN },
	{ "registration-same-address", STANDIN, NULL,
	  { "aipb=1 registers=1", "aipb=1 registers=1", "aipb=1" } },
	{ "unreadable-hash", STANDIN, NULL, { "aipb=1 registers=1 ptrval=1", "aipb=1", "aipb=1" } },
	{ "unhashed-pointer", STANDIN, NULL,
	  { "aipb=1 registers=1 raw=1", "aipb=1 raw=1", "aipb=1 raw=1" } },
	{ "reuse-other-aipb", STANDIN, NULL, { "aipb=1 registers=1", "aipb=2", "aipb=2" } },
	{ "no-gib-record", STANDIN, NULL, { "aipb=1 registers=1 nogib=1", "aipb=1", "aipb=1" } },
	{ "sigchld-ignored", STANDIN, NULL, { "aipb=1 registers=1", "aipb=1", "aipb=1" },
	  .chld_ignored = true },
	{ "sigterm-after-first-load", STANDIN, NULL, { "aipb=1 registers=1", "aipb=1", "aipb=1" },
	  .term_at = 1, .sig = SIGTERM },
	{ "sigquit-after-reload", STANDIN, NULL, { "aipb=1 registers=1", "aipb=1", "aipb=1" },
	  .term_at = 2, .sig = SIGQUIT },
};

static pid_t selftest_pid;
static volatile sig_atomic_t selftest_timed_out;

static void do_mount(const char *src, const char *dir, const char *type)
{
	mkdir(dir, 0755);
	if (mount(src, dir, type, 0, NULL) && errno != EBUSY)
		printf(M "mount %s on %s: %s\n", type, dir, strerror(errno));
	else
		printf(M "mounted %s on %s\n", type, dir);
}

static void console(void)
{
	int fd;

	mkdir("/dev", 0755);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	fd = open("/dev/console", O_RDWR | O_NOCTTY);
	if (fd < 0)
		return;
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
}

static const char *errno_name(int err)
{
	switch (err) {
	case 0:
		return "OK";
	case ENODEV:
		return "ENODEV";
	case ENOENT:
		return "ENOENT";
	case EEXIST:
		return "EEXIST";
	case ENOEXEC:
		return "ENOEXEC";
	case EINVAL:
		return "EINVAL";
	case ENOMEM:
		return "ENOMEM";
	case EPERM:
		return "EPERM";
	}
	return "other";
}

static void cat_head(const char *path, int lines)
{
	char line[512];
	FILE *f = fopen(path, "r");

	if (!f) {
		printf(M "cannot read %s: %s\n", path, strerror(errno));
		return;
	}
	while (lines-- > 0 && fgets(line, sizeof(line), f))
		printf(M "s390dbf sample: %s", line);
	fclose(f);
}

/* "not loaded", or "loaded" and kvm's parameters as in sysfs */
static const char *kvm_state(void)
{
	static char state[512];
	struct dirent **names;
	char path[300], val[64];
	int i, n;
	FILE *f;

	if (access("/sys/module/kvm/initstate", F_OK))
		return "not loaded";
	strcpy(state, "loaded");
	n = scandir("/sys/module/kvm/parameters", &names, NULL, alphasort);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "/sys/module/kvm/parameters/%s", names[i]->d_name);
		f = names[i]->d_name[0] == '.' ? NULL : fopen(path, "r");
		if (f && fgets(val, sizeof(val), f))
			snprintf(state + strlen(state), sizeof(state) - strlen(state), " %s=%.*s",
				 names[i]->d_name, (int)strcspn(val, "\n"), val);
		if (f)
			fclose(f);
		free(names[i]);
	}
	if (n >= 0)
		free(names);
	return state;
}

static void append_line(const char *path, const char *line)
{
	FILE *f = fopen(path, "a");

	if (f) {
		fprintf(f, "%s\n", line);
		fclose(f);
	}
}

/* Line @n (from 1) of @path in @buf, "" if none */
static void get_line(const char *path, int n, char *buf, int size)
{
	FILE *f = fopen(path, "r");

	buf[0] = '\0';
	while (f && n-- > 0 && fgets(buf, size, f))
		;
	if (n >= 0)
		buf[0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	if (f)
		fclose(f);
}

/* How many lines of @path are @line */
static int count_lines(const char *path, const char *line)
{
	char buf[64];
	int n = 0;
	FILE *f = fopen(path, "r");

	while (f && fgets(buf, sizeof(buf), f))
		n += !strncmp(buf, line, strlen(line)) && buf[strlen(line)] == '\n';
	if (f)
		fclose(f);
	return n;
}

/* CPUINFO: /proc/cpuinfo with "sie" added to its features, for the stand-in kvm */
static void standin_cpuinfo(void)
{
	FILE *in = fopen("/proc/cpuinfo", "r"), *out = fopen(CPUINFO, "w");
	char line[1024];

	while (in && out && fgets(line, sizeof(line), in)) {
		if (!strncmp(line, "features", 8) && !strstr(line, " sie")) {
			line[strcspn(line, "\n")] = '\0';
			fprintf(out, "%s sie\n", line);
		} else {
			fputs(line, out);
		}
	}
	if (in)
		fclose(in);
	if (out)
		fclose(out);
}

static void power_off(void)
{
	printf(M "power off\n");
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	printf(M "reboot(RB_POWER_OFF) failed: %s\n", strerror(errno));
	fflush(stdout);
	for (;;)
		pause();
}

/*
 * "modprobe --first-time kvm" loads the scenario's module with
 * finit_module() and the hidden parameters of this load, and refuses, as
 * kmod does, when kvm is loaded; exit status 0 or 1 as kmod's modprobe.
 */
static int modprobe(int argc, char *argv[])
{
	char ko[256], extra[256];
	int fd, sig = 0, at = 0;

	if (argc != 3 || strcmp(argv[1], "--first-time") || strcmp(argv[2], "kvm")) {
		fprintf(stderr, "modprobe: this initramfs has only 'modprobe --first-time kvm'\n");
		return 1;
	}
	append_line(CALLS, "load");
	get_line(TERM_AT, 1, extra, sizeof(extra));
	if (sscanf(extra, "%d %d", &at, &sig) != 2 || at != count_lines(CALLS, "load"))
		sig = 0;
	if (!access("/sys/module/kvm/initstate", F_OK)) {
		fprintf(stderr, "modprobe: ERROR: could not insert 'kvm': Module already in kernel\n");
		return 1;
	}
	get_line(SCENARIO, 1, ko, sizeof(ko));
	get_line(SCENARIO, 1 + count_lines(CALLS, "load"), extra, sizeof(extra));
	fd = open(ko[0] ? ko : "/kvm.ko", O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT) {	/* as kmod says it */
		fprintf(stderr, "modprobe: FATAL: Module kvm not found in directory /lib/modules\n");
		return 1;
	}
	if (fd >= 0 && !syscall(__NR_finit_module, fd, extra, 0)) {
		/* the test's signal comes once kvm is loaded, as from a runner's timeout */
		if (sig)
			kill(getppid(), sig);
		return 0;
	}
	fprintf(stderr, "modprobe: ERROR: could not insert 'kvm': %s\n",
		strerror(errno));
	return 1;
}

static void selftest_alarm(int sig)
{
	(void)sig;
	selftest_timed_out = 1;
	kill(selftest_pid, SIGKILL);
}

/*
 * Run ./aen_reload_test as runner.sh's run_one() does: its output
 * prefixed with "# ", at most RUNNER_TIMEOUT_S, and the result line made
 * from its exit code (0 ok, 4 SKIP, 124 TIMEOUT, other not ok). Returns
 * the exit code as the runner sees it.
 */
static int run_selftest(const struct scenario *sc)
{
	char *const argv[] = { (char *)(sc->bin ? sc->bin : "./aen_reload_test"),
			       sc->unasked ? NULL : "--reload-kvm", NULL };
	int p[2], status = 0, rc;
	char line[512];
	FILE *out;

	printf("TAP version 13\n1..1\n# " RUNNER_HDR "\n");
	fflush(stdout);
	if (pipe(p)) {
		printf(M "pipe: %s\n", strerror(errno));
		return -1;
	}
	selftest_pid = fork();
	if (selftest_pid == 0) {
		dup2(p[1], 1);
		dup2(p[1], 2);
		close(p[0]);
		close(p[1]);
		setenv("PATH", "/sbin:/bin", 1);
		if (!sc->unasked)
			setenv("AEN_RELOAD_KVM", "1", 1);
		if (sc->chld_ignored)
			signal(SIGCHLD, SIG_IGN);
		execv(argv[0], argv);
		printf(M "exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(p[1]);
	if (selftest_pid < 0) {
		printf(M "fork: %s\n", strerror(errno));
		close(p[0]);
		return -1;
	}
	signal(SIGALRM, selftest_alarm);
	alarm(RUNNER_TIMEOUT_S);
	out = fdopen(p[0], "r");
	while (out && fgets(line, sizeof(line), out))
		printf("# %s%s", line, strchr(line, '\n') ? "" : "\n");
	if (out)
		fclose(out);
	while (waitpid(selftest_pid, &status, 0) < 0 && errno == EINTR)
		;
	alarm(0);
	rc = selftest_timed_out ? 124 : WIFEXITED(status) ?
		WEXITSTATUS(status) : 128 + WTERMSIG(status);
	if (rc == 0)
		printf("ok 1 " RUNNER_HDR "\n");
	else if (rc == 4)
		printf("ok 1 " RUNNER_HDR " # SKIP\n");
	else if (rc == 124)
		printf("#\nnot ok 1 " RUNNER_HDR " # TIMEOUT %d seconds\n",
		       RUNNER_TIMEOUT_S);
	else
		printf("not ok 1 " RUNNER_HDR " # exit=%d\n", rc);
	return rc;
}

/*
 * One run of the kselftest: kvm unloaded, the scenario written for
 * modprobe, kvm loaded first if the scenario says so; kvm's state before
 * and after and modprobe's calls during the run are printed.
 */
static void run_scenario(const struct scenario *sc)
{
	int i, fd, status, err;
	char num[16];
	FILE *f;

	printf(M "scenario %s start\n", sc->name);
	if (!access("/sys/module/kvm/initstate", F_OK) &&
	    syscall(__NR_delete_module, "kvm", O_NONBLOCK))
		printf(M "cannot unload kvm: %s\n", strerror(errno));
	f = fopen(SCENARIO, "w");
	for (i = -1; f && i < 3; i++)
		fprintf(f, "%s\n", i < 0 ? sc->ko : sc->loads[i] ? sc->loads[i] : "");
	if (f)
		fclose(f);
	unlink(CALLS);
	unlink(TERM_AT);
	if (sc->term_at) {
		snprintf(num, sizeof(num), "%d %d", sc->term_at, sc->sig);
		append_line(TERM_AT, num);
	}
	if (!sc->no_sie && mount(CPUINFO, "/proc/cpuinfo", NULL, MS_BIND, NULL))
		printf(M "bind-mount %s on /proc/cpuinfo: %s\n", CPUINFO, strerror(errno));
	if (sc->preload) {
		fd = open(sc->ko, O_RDONLY | O_CLOEXEC);
		err = fd < 0 || syscall(__NR_finit_module, fd, sc->preload, 0) ? errno : 0;
		if (fd >= 0)
			close(fd);
		printf(M "load before the selftest (%s): %s\n", sc->preload,
		       err ? strerror(err) : "loaded");
	}
	printf(M "kvm before the selftest: %s\n", kvm_state());
	printf(M "selftest start\n");
	printf(M "selftest exit status %d\n", run_selftest(sc));
	/* reap whatever the test left behind */
	while (waitpid(-1, &status, WNOHANG) > 0)
		;
	printf(M "kvm after the selftest: %s\n", kvm_state());
	if (!sc->no_sie)
		umount("/proc/cpuinfo");
	printf(M "modprobe during the selftest: %d runs\n", count_lines(CALLS, "load"));
	/* drop the reference the stand-in takes in scenario busy */
	fd = open("/sys/kernel/debug/s390dbf/kvm-trace/release", O_WRONLY);
	if (fd >= 0 && write(fd, "1\n", 2) != 2)
		printf(M "write kvm-trace/release: %s\n", strerror(errno));
	if (fd >= 0)
		close(fd);
	printf(M "scenario %s end\n", sc->name);
}

int main(int argc, char *argv[])
{
	const char *preload = getenv("AEN_BOOT_PRELOAD");
	const char *name = strrchr(argv[0], '/');
	char up[64] = "?";
	int fd, err;
	size_t i;
	FILE *f;

	if (!strcmp(name ? name + 1 : argv[0], "modprobe"))
		return modprobe(argc, argv);
	console();
	setvbuf(stdout, NULL, _IOLBF, 0);
	setrlimit(RLIMIT_CORE, &(struct rlimit){ 0, 0 });	/* SIGQUIT: no core file */
	do_mount("proc", "/proc", "proc");
	do_mount("sysfs", "/sys", "sysfs");
	do_mount("debugfs", "/sys/kernel/debug", "debugfs");
	f = fopen("/proc/uptime", "r");
	if (f) {
		if (!fgets(up, sizeof(up), f))
			strcpy(up, "?");
		up[strcspn(up, " \n")] = '\0';
		fclose(f);
	}
	printf(M "init started, pid %d, uptime %s s\n", getpid(), up);

	/* a sample of the real sprintf-view header, for the parser */
	cat_head("/sys/kernel/debug/s390dbf/cio_msg/sprintf", 2);

	standin_cpuinfo();

	/* AEN_BOOT_PRELOAD=0 on the kernel command line: start unloaded */
	if (preload && !strcmp(preload, "0")) {
		err = -1;
		printf(M "no initial load of /kvm.ko\n");
	} else if ((fd = open("/kvm.ko", O_RDONLY | O_CLOEXEC)) < 0) {
		err = errno;
		printf(M "open /kvm.ko: %s\n", strerror(err));
	} else {
		err = syscall(__NR_finit_module, fd, "", 0) ? errno : 0;
		close(fd);
	}
	if (err >= 0)
		printf(M "finit_module(/kvm.ko): errno %d %s (%s)\n", err,
		       errno_name(err), err ? strerror(err) : "loaded");

	for (i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++)
		run_scenario(&scenarios[i]);
	power_off();
	return 0;
}
