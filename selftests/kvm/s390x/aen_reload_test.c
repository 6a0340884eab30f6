// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test that kvm's second and third load reuse the AEN registration (AIPB) firmware
 * takes once per boot, as far as is known, by each load's kvm-trace "aen: ..." record:
 * any "registered" after the first fails. Opt-in (AEN_RELOAD_KVM=1), only with kvm not
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
#define MODPROBE_S	5	/* then SIGKILL to its group; REAP_S to end (CLOCK_MONOTONIC) */
#define REAP_S		1	/* 6 runs max (3 loads, 2 unloads, put back): 36 s < 45 s */
#define ISC_FAAL	" isc=%*u faal=%*u%n"
#define FINISH(rc, ...) do { snprintf(msg, sizeof(msg), __VA_ARGS__); finish(rc); } while (0)
#define REQUIRE(ok, ...) do { if (!(ok)) FINISH(KSFT_SKIP, __VA_ARGS__); } while (0)
#define FAIL_IF(bad, ...) do { if (bad) FINISH(KSFT_FAIL, __VA_ARGS__); } while (0)

enum aen_kind { AEN_NONE, AEN_UNAVAILABLE, AEN_FAILED, AEN_BAD, AEN_REGISTERED, AEN_REUSED };

struct aen_record {
	enum aen_kind kind;	/* below AEN_BAD: AEN is not set up, above: it is */
	char why[160], aipb[32], text[200];	/* what it says, hashed AIPB, record */
};

static const char *const loads[] = { "first load", "reload 1", "reload 2" };
static const int stop[] = { SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGTERM, 0 };
static char why[300], msg[512];
static bool kvm_changed, stuck;
static sigset_t start_mask;
static int kmsg = -1;

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

/* modprobe kvm, or modprobe -r kvm: 0, or -1 with the reason in why */
static int run_modprobe(bool load)
{
	char *const argv[] = { MODPROBE, load ? "kvm" : "-r", load ? NULL : "kvm", NULL };
	const char *end = "failed";
	int n, status = 0, ms = 0, killed = 0, ok;
	FILE *out = tmpfile();
	struct timespec t0, t;
	char line[256];
	pid_t pid;

	kvm_changed = true;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = out ? fork() : -1;
	if (!pid) {	/* in a group of its own, not the runner's timeout's */
		setpgid(0, 0);
		sigprocmask(SIG_SETMASK, &start_mask, NULL);
		dup2(fileno(out), 1);
		dup2(fileno(out), 2);
		execv(MODPROBE, argv);
		_exit(127);
	}
	for (n = pid > 0 ? 0 : -1; !n && (!killed || ms < killed + REAP_S * 1000); ) {
		usleep(10000);
		n = waitpid(pid, &status, WNOHANG);
		clock_gettime(CLOCK_MONOTONIC, &t);
		ms = (t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000;
		if (!n && !killed && ms >= MODPROBE_S * 1000) {
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

/* Unload kvm unless in use now, fail on a problem report of kvm's in the kernel log, exit */
static void __attribute__((noreturn)) finish(int rc)
{
	static const char *const bad[] = { "WARNING:", "BUG:", "Oops", "KASAN", "UBSAN",
		"general protection", "Unable to handle kernel", "Call Trace", NULL };
	char rec[8192], report[200] = "", *text;
	const char *const *p;
	ssize_t n = 0;

	if (kvm_changed && kvm_state() == 1 && (stuck || run_modprobe(false))) {
		ksft_print_msg("%s\n", msg);
		snprintf(msg, sizeof(msg), "cannot unload kvm again: %s", why);
		rc = KSFT_FAIL;
	}
	while (kvm_changed && kmsg >= 0 && ((n = read(kmsg, rec, sizeof(rec) - 1)) > 0 ||
					    (n < 0 && errno == EPIPE))) {
		rec[n > 0 ? n : 0] = '\0';	/* "prio,seq,usec,flags;text\n"; EPIPE: lost ones */
		text = strchr(rec, ';');
		if (!text || atoi(rec) >> 3)	/* facility 0: the kernel */
			continue;
		text[strcspn(text, "\n")] = '\0';
		for (p = bad; *p && !strstr(text, *p); p++)
			;
		if (*p && (!report[0] || strcmp(*p, "Call Trace")))	/* a report's first line */
			snprintf(report, sizeof(report), "%s", text + 1);
		if (report[0] && rc != KSFT_FAIL &&	/* kvm's: a kvm.ko frame, or modprobe */
		    (strstr(text, "[kvm]") || strstr(text, "Comm: modprobe"))) {
			snprintf(msg, sizeof(msg), "kernel log: %s", report);
			rc = KSFT_FAIL;
		}
	}
	if (report[0] && rc != KSFT_FAIL)
		ksft_print_msg("kernel log, not kvm's (no kvm.ko frame or modprobe): %s\n", report);
	if (kvm_changed && (kmsg < 0 || (n < 0 && errno != EAGAIN)))
		ksft_print_msg("kernel log not checked (to its end): /dev/kmsg cannot be read\n");
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
	int i, j, state, rc;
	sigset_t set;

	ksft_print_header();
	ksft_set_plan(1);
	REQUIRE(!geteuid(), "must be run as root");
	REQUIRE(proc_has("/proc/sysinfo", "Type", NULL),	/* not uname(): qemu-user: s390x */
		"not a real s390 host: no machine type in /proc/sysinfo");
	REQUIRE(proc_has("/proc/cpuinfo", "features", "sie"),
		"no SIE here (no \"sie\" in /proc/cpuinfo features): kvm cannot run");
	REQUIRE(getenv("AEN_RELOAD_KVM") && !strcmp(getenv("AEN_RELOAD_KVM"), "1"),
		"reloads the kvm module: run with AEN_RELOAD_KVM=1 in the environment");
	rc = syscall(__NR_delete_module, "no-such-module", O_NONBLOCK) ? errno : 0;
	REQUIRE(rc == ENOENT || rc == EPERM, "no module unloading: %s", strerror(rc));
	state = kvm_state();
	REQUIRE(state >= 0, "kvm is built in: needs CONFIG_KVM=m (kvm/config asks for =y)");
	REQUIRE(!state, "kvm is loaded: it unloads only the kvm it loads (modprobe -r kvm first)");
	REQUIRE(rc != EPERM, "no module unloading: kernel.modules_disabled or no CAP_SYS_MODULE");
	REQUIRE(!access(MODPROBE, X_OK), "no %s: %s", MODPROBE, strerror(errno));
	REQUIRE(!access(S390DBF, F_OK), "no s390dbf in debugfs: %s: %s", S390DBF, strerror(errno));
	kmsg = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (kmsg >= 0)
		lseek(kmsg, 0, SEEK_END);
	sigemptyset(&set);
	for (i = 0; stop[i]; i++)	/* those that would end us */
		if (!sigaction(stop[i], NULL, &sa) && sa.sa_handler != SIG_IGN)
			sigaddset(&set, stop[i]);
	sigprocmask(SIG_BLOCK, &set, &start_mask);
	signal(SIGPIPE, SIG_IGN);	/* a reader of our output that goes first: write fails */
	for (i = 0; ; i++) {	/* loads[i]; from now on, fail on a signal */
		for (j = 0; stop[j] && !sigpending(&set); j++)
			FAIL_IF(sigismember(&set, stop[j]) > 0, "interrupted by signal %d (%s)",
				stop[j], strsignal(stop[j]));
		if (i == 3)
			FINISH(KSFT_PASS, "first load and 2 reloads keep one AEN registration");
		rc = i ? run_modprobe(false) : 0;
		REQUIRE(!rc || stuck || kvm_state() < 2, "kvm became busy: %s", why);
		FAIL_IF(rc, "unload before %s failed: %s", loads[i], why);
		rc = run_modprobe(true);
		REQUIRE(!rc || i || !(strstr(why, "No such device") || strstr(why, "not found")),
			"kvm cannot load here: %s", why);
		FAIL_IF(rc, "%s failed: %s", loads[i], why);
		read_record(&rec);	/* the first judged load sets ref, later ones reuse it */
		ksft_print_msg("%s: %s\n", loads[i], rec.kind ? rec.text : rec.why);
		REQUIRE(ref.kind || rec.kind >= AEN_BAD, "%s", rec.why);
		FAIL_IF(rec.kind <= AEN_BAD, "%s: %s", loads[i], rec.why);
		FAIL_IF(ref.kind && rec.kind < AEN_REUSED, "%s: second AEN registration", loads[i]);
		REQUIRE(strcmp(rec.aipb, PTRVAL), "%s: pointers are not hashed yet", loads[i]);
		FAIL_IF(ref.kind && strcmp(rec.aipb, ref.aipb), "%s: reused AIPB %s, not %s",
			loads[i], rec.aipb, ref.aipb);
		ref = ref.kind ? ref : rec;
	}
}
