// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test that the second and third load of kvm do not register AEN interpretation
 * (AIPB) with firmware again, as pci.c records in kvm-trace: "aen: registered|reused
 * aipb=%p isc=%u faal=%u", "aen: failed|unavailable ..." or kvm's "gib not
 * initialized, no AIV facility" per load. It fails on a "registered" after the first
 * load, or a reuse of another AIPB. Opt-in (AEN_RELOAD_KVM=1), and only with kvm not
 * loaded, which it leaves so. Successful loads only: a failed AEN setup would not show.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

#include "kselftest.h"

#define KVM_SYSFS	"/sys/module/kvm"
#define S390DBF		"/sys/kernel/debug/s390dbf"
#define MODPROBE	"/sbin/modprobe"
#define PTRVAL		"(____ptrval____)"	/* %p before its hash key is ready */
#define BUDGET_S	40	/* for every modprobe run together (runner: 45 s) */
#define UNLOAD_S	10	/* of BUDGET_S, kept for the unload at the end */
#define ISC_FAAL	" isc=%*u faal=%*u%n"
#define FINISH(rc, ...) do { snprintf(msg, sizeof(msg), __VA_ARGS__); finish(rc); } while (0)
#define REQUIRE(ok, ...) do { if (!(ok)) FINISH(KSFT_SKIP, __VA_ARGS__); } while (0)
#define FAIL_IF(bad, ...) do { if (bad) FINISH(KSFT_FAIL, __VA_ARGS__); } while (0)

enum aen_kind { AEN_NONE, AEN_UNAVAILABLE, AEN_FAILED, AEN_BAD, AEN_REGISTERED, AEN_REUSED };

struct aen_record {
	enum aen_kind kind;	/* below AEN_BAD: AEN is not set up, above: it is */
	char why[160];		/* what it means */
	char aipb[32];		/* the hashed AIPB of registered and reused */
	char text[200];		/* the record */
};

static const char *const loads[] = { "first load", "reload 1", "reload 2" };
static char why[300], msg[512];	/* why the last modprobe failed; the result */
static bool kvm_changed, stuck;	/* a modprobe ran; one did not end */
static struct timespec t_start;
static sigset_t stop, start_mask;	/* signals that end the test; the mask it got */
static const int go_on[] = { SIGCHLD, SIGCONT, SIGURG, SIGWINCH, SIGTSTP, SIGTTIN, SIGTTOU, 0 };

/* The AEN record of the current load, in the kvm-trace sprintf view */
static void read_record(struct aen_record *rec)
{
	FILE *f = fopen(S390DBF "/kvm-trace/sprintf", "r");
	struct aen_record r;
	const char *s;
	char line[256];

	*rec = (struct aen_record){ .why = "no AEN record in kvm-trace (lost, or not written)" };
	while (f && fgets(line, sizeof(line), f)) {
		int hdr = 0, n = 0;	/* "area sec:usec level -|* cpu caller  text" */

		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "%*d %*d:%*d %*d %*1[-*] %*d %*s %n", &hdr) == EOF)
			continue;
		r = (struct aen_record){ .kind = AEN_BAD, .why = "malformed AEN record" };
		snprintf(r.text, sizeof(r.text), "%s", line + hdr);
		s = strcmp(r.text, "gib not initialized, no AIV facility") ? r.text :
			"aen: unavailable: no AIV facility";	/* kvm's own: no GIB, so no AEN */
		if (sscanf(s, "aen: unavailable: %n", &n) == 0 && n && s[n])
			r.kind = AEN_UNAVAILABLE;
		else if (sscanf(s, "aen: failed rc=%*d: %n", &n) == 0 && n && s[n])
			r.kind = AEN_FAILED;
		else if (sscanf(s, "aen: registered aipb=%31s" ISC_FAAL, r.aipb, &n) == 1 && !s[n])
			r.kind = AEN_REGISTERED;
		else if (sscanf(s, "aen: reused aipb=%31s" ISC_FAAL, r.aipb, &n) == 1 && !s[n])
			r.kind = AEN_REUSED;
		else if (strncmp(s, "aen:", 4))
			continue;
		if (r.kind > AEN_BAD && strcmp(r.aipb, PTRVAL) &&	/* else 16 hex digits */
		    (strlen(r.aipb) != 16 || strspn(r.aipb, "0123456789abcdef") != 16))
			r.kind = AEN_BAD;
		if (r.kind != AEN_BAD)
			snprintf(r.why, sizeof(r.why), "AEN%s", s + 4);
		if (!rec->kind)	/* the first */
			*rec = r;
	}
	if (f)
		fclose(f);
}

/* Whether a line of @path has @key first (before a colon) and, unless NULL, @word */
static bool proc_has(const char *path, const char *key, const char *word)
{
	FILE *f = fopen(path, "r");
	char line[1024], *s = NULL;

	while (f && !s && fgets(line, sizeof(line), f)) {
		s = strtok(line, " \t:\n");
		if (s && strcmp(s, key))
			s = NULL;
		while (s && word && strcmp(s, word))
			s = strtok(NULL, " \t\n");
	}
	if (f)
		fclose(f);
	return s;
}

/* The first line of @path, if whole, without its newline: 0, else -1 */
static int read_line(const char *path, char *buf, int size)
{
	FILE *f = fopen(path, "r");
	bool ok = f && fgets(buf, size, f) && strchr(buf, '\n');

	if (f)
		fclose(f);
	buf[ok ? strcspn(buf, "\n") : 0] = '\0';
	return ok ? 0 : -1;
}

/* -1: kvm cannot be unloaded (built in), 0: not loaded, 1 + its refcnt */
static int kvm_state(void)
{
	char buf[16];

	if (!read_line(KVM_SYSFS "/refcnt", buf, sizeof(buf)))
		return 1 + atoi(buf);
	return access(KVM_SYSFS, F_OK) ? 0 : -1;
}

/* modprobe kvm, or modprobe -r kvm, until @end_s after the start: 0, or -1 and why */
static int run_modprobe(bool load, int end_s)
{
	char *const argv[] = { MODPROBE, load ? "kvm" : "-r", load ? NULL : "kvm", NULL };
	int n, status = 0, ms = 0, killed = 0, ok;
	const char *end = "failed";
	FILE *out = tmpfile();
	struct timespec t;
	char line[256];
	pid_t pid;

	kvm_changed = true;
	pid = out ? fork() : -1;
	if (!pid) {	/* in a group of its own, not the runner's timeout's */
		setpgid(0, 0);
		signal(SIGPIPE, SIG_DFL);
		sigprocmask(SIG_SETMASK, &start_mask, NULL);
		dup2(fileno(out), 1);
		dup2(fileno(out), 2);
		execv(MODPROBE, argv);
		_exit(127);
	}
	for (n = pid > 0 ? 0 : -1; !n && (!killed || ms < killed + 1000); ) {
		usleep(10000);
		n = waitpid(pid, &status, WNOHANG);
		clock_gettime(CLOCK_MONOTONIC, &t);
		ms = (t.tv_sec - t_start.tv_sec) * 1000 + (t.tv_nsec - t_start.tv_nsec) / 1000000;
		if (!n && !killed && ms >= end_s * 1000) {
			kill(-pid, SIGKILL);	/* its group: modprobe and what it runs */
			killed = ms;
		}
	}
	if (n < 0)
		end = strerror(errno);
	stuck = !n;
	if (killed)
		end = stuck ? "no end after SIGKILL" : "timed out";
	ok = n > 0 && !killed && !status;
	if (ok && (kvm_state() > 0) != load) {
		end = load ? "exit 0, but kvm is not loaded" : "exit 0, but kvm is still loaded";
		ok = 0;
	}
	snprintf(why, sizeof(why), "modprobe %skvm: %s", load ? "" : "-r ", end);
	if (out)
		rewind(out);
	while (out && fgets(line, sizeof(line), out)) {	/* to "#" lines; the last one is why */
		line[strcspn(line, "\n")] = '\0';
		ksft_print_msg("%s\n", line);
		if (line[0] && n > 0 && !killed && status)
			snprintf(why, sizeof(why), "%s", line);
	}
	if (out)
		fclose(out);
	return ok ? 0 : -1;
}

/* Unload the kvm the test loaded, unless it is in use now; report msg and exit */
static void __attribute__((noreturn)) finish(int rc)
{
	if (kvm_changed && kvm_state() == 1 && (stuck || run_modprobe(false, BUDGET_S))) {
		ksft_print_msg("%s\n", msg);
		snprintf(msg, sizeof(msg), "cannot unload kvm again: %s", why);
		rc = KSFT_FAIL;
	}
	if (rc == KSFT_SKIP)	/* 5.10's kselftest.h: a SKIP line has no test name */
		ksft_test_result_skip("%s\n", msg);
	else
		ksft_test_result(rc == KSFT_PASS, "aen_reload #  %s\n", msg);
	ksft_print_cnts();
	exit(rc);
}

int main(void)
{
	struct aen_record ref = { .kind = AEN_NONE }, rec;
	struct sigaction sa;
	const char *ask;
	sigset_t pending;
	int i, rc;

	ksft_print_header();
	ksft_set_plan(1);
	REQUIRE(!geteuid(), "must be run as root");
	REQUIRE(proc_has("/proc/sysinfo", "Type", NULL),	/* not uname(): qemu-user: s390x */
		"not a real s390 host: no machine type in /proc/sysinfo");
	REQUIRE(proc_has("/proc/cpuinfo", "features", "sie"),
		"no SIE here (no \"sie\" in /proc/cpuinfo features): kvm cannot run");
	ask = getenv("AEN_RELOAD_KVM");
	REQUIRE(ask && !strcmp(ask, "1"), "loads and unloads kvm: run with AEN_RELOAD_KVM=1");
	rc = syscall(__NR_delete_module, "no-such-module", O_NONBLOCK) ? errno : 0;
	REQUIRE(rc == ENOENT, "no module unloading (delete_module: %s)", strerror(rc));
	rc = kvm_state();
	REQUIRE(rc >= 0, "kvm is built in: needs CONFIG_KVM=m (kvm/config asks for =y)");
	REQUIRE(!rc, "kvm is loaded: it unloads only the kvm it loads (modprobe -r kvm first)");
	REQUIRE(!access(MODPROBE, X_OK), "no %s: %s", MODPROBE, strerror(errno));
	REQUIRE(!access(S390DBF, F_OK), "no s390dbf in debugfs: %s: %s", S390DBF, strerror(errno));
	sigfillset(&stop);	/* but those that do not end it, and those it ignores */
	for (i = 0; go_on[i]; i++)
		sigdelset(&stop, go_on[i]);
	for (i = 1; i < NSIG; i++)
		if (!sigaction(i, NULL, &sa) && sa.sa_handler == SIG_IGN)
			sigdelset(&stop, i);
	sigprocmask(SIG_BLOCK, &stop, &start_mask);	/* and looked for between steps */
	signal(SIGPIPE, SIG_IGN);	/* a reader of our output that goes first: write fails */
	clock_gettime(CLOCK_MONOTONIC, &t_start);
	for (i = 0; ; i++) {
		sigpending(&pending);
		for (rc = 1; rc < NSIG; rc++)
			FAIL_IF(sigismember(&stop, rc) == 1 && sigismember(&pending, rc) == 1,
				"interrupted by signal %d (%s)", rc, strsignal(rc));
		if (i == 3)
			FINISH(KSFT_PASS, "first load and 2 reloads keep one AEN registration");
		rc = i ? run_modprobe(false, BUDGET_S - UNLOAD_S) : 0;
		REQUIRE(!rc || stuck || (kvm_state() < 2 && !strstr(why, "in use")),
			"kvm became busy: %s", why);	/* a VM, or an open of /dev/kvm */
		FAIL_IF(rc, "unload before %s failed: %s", loads[i], why);
		rc = run_modprobe(true, BUDGET_S - UNLOAD_S);
		REQUIRE(!rc || i, "kvm does not load here: %s", why);	/* the host's, not AEN's */
		FAIL_IF(rc, "%s failed: %s", loads[i], why);
		read_record(&rec);	/* the first load's is the reference */
		ksft_print_msg("%s: %s\n", loads[i], rec.kind ? rec.text : rec.why);
		REQUIRE(i || rec.kind >= AEN_BAD, "%s", rec.why);
		FAIL_IF(rec.kind <= AEN_BAD, "%s: %s", loads[i], rec.why);
		FAIL_IF(i && rec.kind != AEN_REUSED, "%s: second AEN registration", loads[i]);
		REQUIRE(strcmp(rec.aipb, PTRVAL), "%s: pointers are not hashed yet", loads[i]);
		FAIL_IF(i && strcmp(rec.aipb, ref.aipb), "%s: reused AIPB %s, not %s",
			loads[i], rec.aipb, ref.aipb);
		ref = i ? ref : rec;
	}
}
