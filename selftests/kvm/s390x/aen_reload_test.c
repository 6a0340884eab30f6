// SPDX-License-Identifier: GPL-2.0-only
/*
 * The second and third load of kvm must reuse the AEN registration (AIPB) of the first,
 * as each load's "aen: ..." record in kvm-trace (pci.c) says. Opt-in, only with kvm not
 * loaded. A failed AEN setup is not exercised.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

#include "kselftest.h"

#define S390DBF		"/sys/kernel/debug/s390dbf"
#define MODPROBE	"/sbin/modprobe"
#define PTRVAL		"(____ptrval____)"	/* %p before its hash key is ready */
#define LOADS_S		30	/* from the first load on, then its modprobe is killed */
#define ISC_FAAL	" isc=%*u faal=%*u%n"

enum aen_kind { AEN_NONE, AEN_UNAVAILABLE, AEN_FAILED, AEN_BAD, AEN_REGISTERED, AEN_REUSED };

struct aen_record {	/* kind below AEN_BAD: AEN is not set up, above: it is */
	enum aen_kind kind;
	char why[160], aipb[32], text[200];	/* for the result line; hashed AIPB; record */
};

static char why[300];		/* why the last load failed */
static bool kvm_is_ours;	/* the test loaded kvm: it unloads it at the end */
static FILE *out;		/* what modprobe printed */
static struct timespec t_start;	/* of the first load */
static sigset_t stop, start_mask;	/* the signals that would end the test; its old mask */

/* The AEN record of the current load, in the kvm-trace sprintf view */
static void read_record(struct aen_record *rec)
{
	FILE *f = fopen(S390DBF "/kvm-trace/sprintf", "r");
	struct aen_record r;
	char line[1024], *s;

	*rec = (struct aen_record){ .why = "no AEN record (KVM_S390_PCI_AEN unset, or lost)" };
	while (f && fgets(line, sizeof(line), f)) {
		int hdr = 0, n = 0;	/* "area sec:usec level -|* cpu caller  text" */

		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "%*d %*d:%*d %*d %*1[-*] %*d %*s %n", &hdr) == EOF)
			continue;	/* an empty line */
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

/* Whether "sie" is among the features in /proc/cpuinfo ("features\t: esan3 ... sie") */
static bool has_sie(void)
{
	FILE *f = fopen("/proc/cpuinfo", "r");
	char line[1024] = "";

	while (f && fgets(line, sizeof(line), f) && strncmp(line, "features", 8))
		;
	if (f)
		fclose(f);
	line[strcspn(line, "\n")] = ' ';
	return !strncmp(line, "features", 8) && strstr(line, " sie ");
}

/* 1: kvm is loaded as a module, 0: it is not loaded, -1: it is built in */
static int kvm_state(void)
{
	if (!access("/sys/module/kvm/initstate", F_OK))
		return 1;
	return access("/sys/module/kvm", F_OK) ? 0 : -1;
}

enum load_result { LOADED, NOT_LOADED, OVERRAN };	/* of load(); why says why not */

/* modprobe --first-time kvm, killed with its process group LOADS_S after the first */
static enum load_result load(void)
{
	char *const argv[] = { MODPROBE, "--first-time", "kvm", NULL };
	int n, status = 0, ms = 0, killed = 0;
	struct timespec t;
	char line[256];
	pid_t pid = -1;

	out = out ? out : tmpfile();
	if (out && !ftruncate(fileno(out), 0) && !fseek(out, 0, SEEK_SET))
		pid = fork();
	if (!pid) {	/* in a group of its own, not the runner's timeout's */
		setpgid(0, 0);
		signal(SIGPIPE, SIG_DFL);
		sigprocmask(SIG_SETMASK, &start_mask, NULL);
		dup2(fileno(out), 1);
		dup2(fileno(out), 2);
		execv(MODPROBE, argv);
		_exit(127);
	}
	if (pid > 0)	/* as the child does, for kill(-pid); EACCES once it runs modprobe */
		setpgid(pid, pid);
	for (n = pid > 0 ? 0 : -1; !n && (!killed || ms < killed + 1000); ) {
		usleep(10000);
		n = waitpid(pid, &status, WNOHANG);
		clock_gettime(CLOCK_MONOTONIC, &t);
		ms = (t.tv_sec - t_start.tv_sec) * 1000 + (t.tv_nsec - t_start.tv_nsec) / 1000000;
		if (!n && !killed && ms >= LOADS_S * 1000) {
			kill(-pid, SIGKILL);	/* its group: modprobe and what it runs */
			killed = ms;
		}
	}
	snprintf(why, sizeof(why), "modprobe kvm: %s", n < 0 ? strerror(errno) : "failed");
	if (killed)
		snprintf(why, sizeof(why), "modprobe kvm: %s",
			 n ? "timed out" : "no end after SIGKILL");
	if (out)
		rewind(out);
	while (out && fgets(line, sizeof(line), out)) {	/* as "#" lines; the last says why */
		line[strcspn(line, "\n")] = '\0';
		ksft_print_msg("%s\n", line);
		if (line[0] && n > 0 && !killed && status)
			snprintf(why, sizeof(why), "%s", line);
	}
	if (pid > 0 && (n <= 0 || killed))
		return OVERRAN;
	return n > 0 && !status && kvm_state() > 0 ? LOADED : NOT_LOADED;
}

/* Unload the kvm the test loaded, unless it is in use now; report and exit */
static void __attribute__((noreturn)) finish(int rc, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (kvm_is_ours && kvm_state() > 0 && syscall(__NR_delete_module, "kvm", O_NONBLOCK)) {
		if (errno == EWOULDBLOCK) {	/* a VM started meanwhile keeps it */
			ksft_print_msg("kvm is in use now: left loaded\n");
		} else {
			ksft_print_msg("%s\n", msg);
			snprintf(msg, sizeof(msg), "cannot unload kvm again: %s", strerror(errno));
			rc = KSFT_FAIL;
		}
	}
	if (rc == KSFT_SKIP)	/* 5.10's kselftest.h: a SKIP line has no test name */
		ksft_test_result_skip("%s\n", msg);
	else
		ksft_test_result(rc == KSFT_PASS, "aen_reload #  %s\n", msg);
	ksft_print_cnts();
	fflush(stdout);
	sigprocmask(SIG_SETMASK, &start_mask, NULL);	/* a signal that came ends the test */
	exit(rc);
}

static void check_host(void)
{
	const char *ask = getenv("AEN_RELOAD_KVM");
	int err, state;

	if (geteuid())
		finish(KSFT_SKIP, "must be run as root");
	if (!has_sie())	/* not uname(): qemu-user says s390x */
		finish(KSFT_SKIP, "no SIE: no \"sie\" among the features in /proc/cpuinfo");
	if (!ask || strcmp(ask, "1"))
		finish(KSFT_SKIP, "loads and unloads kvm: run with AEN_RELOAD_KVM=1");
	err = syscall(__NR_delete_module, "no-such-module", O_NONBLOCK) ? errno : 0;
	if (err != ENOENT)
		finish(KSFT_SKIP, "no module unloading (delete_module: %s)", strerror(err));
	state = kvm_state();
	if (state)
		finish(KSFT_SKIP, "%s", state < 0 ? "kvm is built in: needs CONFIG_KVM=m" :
		       "kvm is loaded: the test unloads only a kvm it loads");
	if (access(S390DBF, F_OK))
		finish(KSFT_SKIP, "no s390dbf in debugfs: %s: %s", S390DBF, strerror(errno));
}

static void check_signals(void)
{
	sigset_t pending;
	int sig;

	sigpending(&pending);
	for (sig = 1; sig < NSIG; sig++)
		if (sigismember(&stop, sig) == 1 && sigismember(&pending, sig) == 1)
			finish(KSFT_FAIL, "interrupted by signal %d (%s)", sig, strsignal(sig));
}

static void unload_kvm(const char *before)
{
	int err;

	check_signals();
	err = syscall(__NR_delete_module, "kvm", O_NONBLOCK) ? errno : 0;
	if (err == EWOULDBLOCK)
		finish(KSFT_SKIP, "kvm is in use: a VM, or /dev/kvm open");
	if (err)
		finish(KSFT_FAIL, "unload before %s failed: %s", before, strerror(err));
	kvm_is_ours = false;
}

/* Load kvm and read the AEN record of the load; the first load's must set up AEN */
static void load_kvm(const char *name, struct aen_record *r, bool first)
{
	enum load_result rc;

	check_signals();
	rc = load();
	kvm_is_ours = rc != NOT_LOADED;
	if (rc == NOT_LOADED && kvm_state() > 0)	/* a /dev/kvm open loaded it meanwhile */
		finish(KSFT_SKIP, "kvm was loaded by something else: %s", why);
	if (rc == NOT_LOADED && first)	/* the host's: a failed AEN setup does not fail it */
		finish(KSFT_SKIP, "kvm does not load here: %s", why);
	if (rc != LOADED)
		finish(KSFT_FAIL, "%s failed: %s", name, why);
	read_record(r);
	ksft_print_msg("%s: %s\n", name, r->kind ? r->text : r->why);
	if (first && r->kind < AEN_BAD && r->kind != AEN_FAILED)	/* failed: kvm's fault */
		finish(KSFT_SKIP, "%s", r->why);
	if (r->kind <= AEN_BAD)
		finish(KSFT_FAIL, "%s: %s", name, r->why);
	if (!first && r->kind != AEN_REUSED)
		finish(KSFT_FAIL, "%s: second AEN registration", name);
	if (!strcmp(r->aipb, PTRVAL) || strncmp(r->aipb, "00000000", 8))	/* 32-bit hash */
		finish(KSFT_SKIP, "%s: pointers not hashed: %s", name, r->aipb);
}

int main(void)
{
	static const char *const reload[] = { "reload 1", "reload 2" };
	struct aen_record first, rec;
	struct sigaction sa;
	int i;

	ksft_print_header();
	ksft_set_plan(1);
	signal(SIGPIPE, SIG_IGN);	/* a reader of our output that goes first: write fails */
	sigfillset(&stop);	/* but those that ignore, stop or report a fault, or are ignored */
	for (i = 1; i < NSIG; i++)
		if (i == SIGCHLD || i == SIGCONT || i == SIGURG || i == SIGWINCH || i == SIGTSTP ||
		    i == SIGTTIN || i == SIGTTOU || i == SIGSEGV || i == SIGBUS || i == SIGILL ||
		    i == SIGFPE || (!sigaction(i, NULL, &sa) && sa.sa_handler == SIG_IGN))
			sigdelset(&stop, i);
	sigprocmask(SIG_BLOCK, &stop, &start_mask);	/* check_signals() acts on them */
	signal(SIGCHLD, SIG_DFL);	/* if ignored, waitpid() finds no modprobe */
	check_host();
	clock_gettime(CLOCK_MONOTONIC, &t_start);
	load_kvm("first load", &first, true);
	for (i = 0; i < 2; i++) {
		unload_kvm(reload[i]);
		load_kvm(reload[i], &rec, false);
		if (strcmp(rec.aipb, first.aipb))
			finish(KSFT_FAIL, "%s: AIPB %s, not %s", reload[i], rec.aipb, first.aipb);
	}
	check_signals();	/* one that came in the last step: not a pass */
	finish(KSFT_PASS, "first load and 2 reloads keep one AEN registration");
}
