// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test that every kvm load after the first judged one (kvm's current load, if loaded)
 * reuses the AEN registration (AIPB) that firmware takes once per boot, as far as is
 * known, by each load's kvm-trace record: "aen: registered|reused aipb=%p isc=%u
 * faal=%u", "aen: failed|unavailable ..." or "gib not initialized, no AIV facility".
 * Any later "registered" fails, whatever the address. Only successful loads are
 * exercised: a failed setup that leaves firmware state behind would not show.
 * Opt-in: AEN_RELOAD_KVM=1 (5.10's runner passes no arguments). A reload resets the
 * kvm-trace and kvm-uv logs, levels and sizes too; an open of /dev/kvm while kvm is
 * unloaded autoloads it with modprobe.d's options; a boot's first load registers.
 */
#include <fcntl.h>
#include <glob.h>
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
#define REAP_S		1	/* 7 runs max (unload, load, 2 reloads, put back): 42 s < 45 s */
#define ISC_FAAL	" isc=%*u faal=%*u%n"
#define MAX_PARAMS	32
#define FINISH(rc, ...) do { snprintf(msg, sizeof(msg), __VA_ARGS__); finish(rc); } while (0)
#define REQUIRE(ok, ...) do { if (!(ok)) FINISH(KSFT_SKIP, __VA_ARGS__); } while (0)
#define FAIL_IF(bad, ...) do { if (bad) FINISH(KSFT_FAIL, __VA_ARGS__); } while (0)

enum aen_kind { AEN_NONE, AEN_UNAVAILABLE, AEN_FAILED, AEN_BAD, AEN_REGISTERED, AEN_REUSED };

struct aen_record {
	enum aen_kind kind;	/* below AEN_BAD: AEN is not set up, above: it is */
	char why[160], aipb[32], text[200];	/* what it says, hashed AIPB, record */
};

static const char *const loads[] = { "current load", "first load", "reload 1", "reload 2" };
static const char *const stop[] = { [SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT",
				    [SIGTERM] = "SIGTERM" };	/* signals that stop the test */
static const char *kvm_params[MAX_PARAMS + 2] = { "kvm" };
static char param_buf[MAX_PARAMS][320], why[300], msg[512];
static bool kvm_was_loaded, kvm_changed, stuck;
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

/* modprobe -r kvm, or modprobe kvm with kvm_params: 0, or -1 with the reason in why */
static int run_modprobe(bool load)
{
	const char *argv[MAX_PARAMS + 3] = { MODPROBE, "-r", "kvm" }, *end = "failed";
	int n, status = 0, ms = 0, killed = 0;
	FILE *out = tmpfile();
	struct timespec t0, t;
	char line[256];
	pid_t pid;

	if (load)
		memcpy(&argv[1], kvm_params, sizeof(kvm_params));
	kvm_changed = true;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = out ? fork() : -1;
	if (!pid) {	/* in a group of its own, not the runner's timeout's */
		setpgid(0, 0);
		sigprocmask(SIG_SETMASK, &start_mask, NULL);
		dup2(fileno(out), 1);
		dup2(fileno(out), 2);
		execv(MODPROBE, (char *const *)argv);
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
	if (n > 0 && !killed && !status && (kvm_state() > 0) != load)
		end = load ? "exit 0, but kvm is not loaded" : "exit 0, but kvm is still loaded";
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
	return n > 0 && !killed && !status && (kvm_state() > 0) == load ? 0 : -1;
}

/* Put kvm back, fail on a kernel line that shows a problem, report msg, exit */
static void __attribute__((noreturn)) finish(int rc)
{
	static const char *const bad[] = { "WARNING:", "BUG:", "Oops", "KASAN", "UBSAN",
		"Call Trace", "general protection", "Unable to handle kernel", NULL };
	const char *const *p;
	char rec[8192], *text;
	ssize_t n = 0;

	if (kvm_changed && (kvm_state() > 0) != kvm_was_loaded &&
	    (stuck || run_modprobe(kvm_was_loaded)) &&
	    (stuck || kvm_was_loaded || kvm_state() < 2)) {	/* else in use now: stays */
		ksft_print_msg("%s\n", msg);
		snprintf(msg, sizeof(msg), "cannot put kvm back: %s", why);
		rc = KSFT_FAIL;
	}
	while (kvm_changed && kmsg >= 0 && ((n = read(kmsg, rec, sizeof(rec) - 1)) > 0 ||
					    (n < 0 && errno == EPIPE))) {
		rec[n > 0 ? n : 0] = '\0';	/* "prio,seq,usec,flags;text\n"; EPIPE: lost ones */
		text = strchr(rec, ';');
		for (p = bad; text && !(atoi(rec) >> 3) && *p; p++)	/* facility 0: the kernel */
			if (strstr(text, *p) && rc != KSFT_FAIL) {
				snprintf(msg, sizeof(msg), "kernel log: %.*s",
					 (int)strcspn(text + 1, "\n"), text + 1);
				rc = KSFT_FAIL;
			}
	}
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
	char type[16] = "", line[300];
	struct sigaction sa;
	int i, j, state, rc;
	glob_t g = { 0 };
	sigset_t set;
	FILE *f;

	ksft_print_header();
	ksft_set_plan(1);
	REQUIRE(!geteuid(), "must be run as root");
	f = fopen("/proc/sysinfo", "r");	/* not uname(): qemu-user says s390x */
	while (f && !type[0] && fgets(line, sizeof(line), f))
		sscanf(line, "Type: %15s", type);
	if (f)
		fclose(f);
	REQUIRE(type[0], "not a real s390 host: no machine type in /proc/sysinfo");
	REQUIRE(getenv("AEN_RELOAD_KVM") && !strcmp(getenv("AEN_RELOAD_KVM"), "1"),
		"reloads the kvm module: run with AEN_RELOAD_KVM=1 in the environment");
	rc = syscall(__NR_delete_module, "no-such-module", O_NONBLOCK) ? errno : 0;
	REQUIRE(rc == ENOENT || rc == EPERM, "no module unloading: %s", strerror(rc));
	state = kvm_state();
	REQUIRE(state >= 0, "kvm is built in: needs CONFIG_KVM=m (kvm/config asks for =y)");
	REQUIRE(state < 2, "kvm is in use (refcnt %d)", state - 1);
	kvm_was_loaded = state;
	REQUIRE(rc != EPERM, "module unloading is not permitted: %s",
		"kernel.modules_disabled, or no CAP_SYS_MODULE");
	REQUIRE(!access(MODPROBE, X_OK), "no %s: %s", MODPROBE, strerror(errno));
	REQUIRE(!access(S390DBF, F_OK), "no s390dbf in debugfs: %s: %s", S390DBF, strerror(errno));
	glob(KVM_SYSFS "/parameters/*", 0, NULL, &g);	/* kvm's, to load it with them */
	for (j = 0; j < (int)g.gl_pathc; j++) {
		REQUIRE(j < MAX_PARAMS && !read_line(g.gl_pathv[j], line, sizeof(line)) &&
			!strpbrk(line, " \t\"'"), "cannot keep kvm parameter %s", g.gl_pathv[j]);
		snprintf(param_buf[j], sizeof(param_buf[j]), "%s=%s",
			 strrchr(g.gl_pathv[j], '/') + 1, line);
		kvm_params[j + 1] = param_buf[j];
	}
	globfree(&g);
	kmsg = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (kmsg >= 0)
		lseek(kmsg, 0, SEEK_END);
	sigemptyset(&set);
	for (i = 1; i <= SIGTERM; i++)	/* SIGHUP, SIGINT, SIGTERM, but ignored ones */
		if (stop[i] && !sigaction(i, NULL, &sa) && sa.sa_handler != SIG_IGN)
			sigaddset(&set, i);
	sigprocmask(SIG_BLOCK, &set, &start_mask);
	signal(SIGPIPE, SIG_IGN);	/* a reader of our output that goes first: write fails */
	for (i = !kvm_was_loaded; ; i++) {	/* loads[i]; from now on, fail on a signal */
		for (j = 1; j <= SIGTERM && !sigpending(&set); j++)
			FAIL_IF(sigismember(&set, j) > 0 && stop[j], "interrupted by %s", stop[j]);
		if (i == 4)
			FINISH(KSFT_PASS, "first load and 2 reloads keep one AEN registration");
		rc = i && kvm_state() > 0 ? run_modprobe(false) : 0;
		REQUIRE(!rc || stuck || kvm_state() < 2, "kvm became busy: %s", why);
		FAIL_IF(rc, "unload before %s failed: %s", loads[i], why);
		rc = i ? run_modprobe(true) : 0;
		REQUIRE(!rc || i > 1 || kvm_was_loaded || !(strstr(why, "No such device") ||
							    strstr(why, "not found")),
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
