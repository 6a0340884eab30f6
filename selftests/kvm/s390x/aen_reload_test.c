// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test that kvm reloads reuse the one AEN registration (AIPB) that firmware
 * takes per boot, as far as is known, from each load's kvm-trace record: "aen:
 * registered|reused aipb=%p ...", "aen: failed ...", "aen: unavailable: ..."
 * or "gib not initialized, no AIV facility". Reloads reset the kvm-trace and
 * kvm-uv logs; with kvm not loaded, the test makes the registration.
 */
#include <fcntl.h>
#include <glob.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <sys/wait.h>

#include "kselftest.h"

#define KVM_SYSFS	"/sys/module/kvm"
#define S390DBF		"/sys/kernel/debug/s390dbf"
#define RELOADS		2
/* runs of modprobe: unload, first load, 2 a reload, put back: 7 * 6 s < 45 s (runner) */
#define MODPROBE_S	5
#define REAP_S		1
#define MAX_PARAMS	32

enum aen_kind { AEN_NONE, AEN_REGISTERED, AEN_SET, AEN_UNAVAILABLE, AEN_FAILED, AEN_OLD, AEN_BAD };

struct aen_record {
	enum aen_kind kind;
	char aipb[32], why[160], text[200];	/* hashed AIPB, what it says, record */
};

#define KVM_M_NOTE "kvm/config asks for CONFIG_KVM=y"

/* Parse a kvm-trace record (r->text) */
static enum aen_kind aen_parse(struct aen_record *r)
{
	const char *s = r->text;
	int n = 0, m = 0;
	char verb[16] = "";

	if (!strcmp(s, "gib not initialized, no AIV facility"))
		s = "aen: unavailable: no AIV facility";
	if (strncmp(s, "aen:", 4))
		return r->kind = AEN_NONE;
	r->kind = AEN_BAD;
	if (sscanf(s, "aen: %15s %n", verb, &n) == 1 && !strcmp(verb, "unavailable:") && s[n])
		r->kind = AEN_UNAVAILABLE;
	else if (!strcmp(verb, "failed") && sscanf(s + n, "rc=%*d: %n", &m) == 0 && m && s[n + m])
		r->kind = AEN_FAILED;
	else if (sscanf(s + n, "aipb=%31s isc=%*u faal=%*u%n", r->aipb, &m) == 1 &&
		 !s[n + m] && (!strcmp(verb, "registered") || !strcmp(verb, "reused")))
		r->kind = strcmp(verb, "reused") ? AEN_REGISTERED : AEN_SET;
	snprintf(r->why, sizeof(r->why), "AEN%s", s + 4);
	return r->kind;
}

static char modprobe_path[256], param_buf[MAX_PARAMS][160];
static const char *kvm_params[MAX_PARAMS + 2] = { "kvm" };
static bool kvm_was_loaded, kvm_changed, stuck;
static int kmsg = -1;

/* The AEN record of the current load, in the kvm-trace sprintf view */
static void read_record(struct aen_record *rec)
{
	FILE *f = fopen(S390DBF "/kvm-trace/sprintf", "r");
	struct aen_record r;
	char line[256];

	*rec = (struct aen_record){ .why = "no AEN record in kvm-trace (lost, or not written)" };
	while (f && rec->kind != AEN_BAD && fgets(line, sizeof(line), f)) {
		int hdr = 0;	/* "area sec:usec level -|* cpu caller  text" */

		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "%*d %*d:%*d %*d %*1[-*] %*d %*s %n", &hdr) == EOF)
			continue;
		snprintf(r.text, sizeof(r.text), "%s", line + hdr);
		if (!aen_parse(&r) || (r.kind == AEN_UNAVAILABLE && rec->kind == r.kind))
			continue;
		if (!hdr || rec->kind || r.kind == AEN_BAD)
			snprintf(r.why, sizeof(r.why), "%s AEN record",
				 rec->kind ? "second" : "malformed");
		r.kind = !hdr || rec->kind ? AEN_BAD : r.kind;
		*rec = r;
	}
	if (f)
		fclose(f);
}

/* The first line of @path, if whole */
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

/* modprobe -r kvm, or modprobe kvm with kvm_params: 0, or -1 with @why */
static int run_modprobe(bool load, char *why, int size)
{
	const char *argv[MAX_PARAMS + 3] = { modprobe_path, "-r", "kvm" };
	int n = 0, ms, status = 0;
	FILE *out = tmpfile();
	char line[256];
	pid_t pid;

	if (!out) {
		snprintf(why, size, "tmpfile: %s", strerror(errno));
		return -1;
	}
	if (load)
		memcpy(&argv[1], kvm_params, sizeof(kvm_params));
	kvm_changed = true;
	fflush(stdout);
	pid = fork();
	if (!pid) {	/* its output goes to "#" lines, not into the KTAP stream */
		dup2(fileno(out), 1);
		dup2(fileno(out), 2);
		execv(modprobe_path, (char *const *)argv);
		_exit(127);
	}
	for (ms = 0; pid > 0 && ms < (MODPROBE_S + REAP_S) * 1000; ms += 10) {
		n = waitpid(pid, &status, WNOHANG);
		if (n)
			break;
		if (ms == MODPROBE_S * 1000)
			kill(pid, SIGKILL);
		usleep(10000);
	}
	stuck = pid > 0 && !n;
	snprintf(why, size, "modprobe %skvm: %s", load ? "" : "-r ",
		 stuck ? "no end after SIGKILL" : ms >= MODPROBE_S * 1000 ? "timed out" :
		 n < 0 ? strerror(errno) : "failed");
	rewind(out);
	while (fgets(line, sizeof(line), out)) {
		line[strcspn(line, "\n")] = '\0';
		ksft_print_msg("%s\n", line);
		if (line[0] && n > 0 && ms < MODPROBE_S * 1000)
			snprintf(why, size, "%s", line);
	}
	fclose(out);
	if (n <= 0 || ms >= MODPROBE_S * 1000 || status)
		return -1;
	if ((kvm_state() > 0) != load)
		snprintf(why, size, "modprobe %skvm: exit 0, but kvm is %sloaded",
			 load ? "" : "-r ", load ? "not " : "still ");
	return (kvm_state() > 0) == load ? 0 : -1;
}

/* Put kvm back, fail on a kernel line that shows a problem, report, exit */
static void __attribute__((noreturn)) finish(int rc, const char *fmt, ...)
{
	static const char *const bad[] = { "WARNING:", "BUG:", "Oops", "KASAN", "UBSAN", "kmemleak",
		"Call Trace", "general protection", "Unable to handle kernel", NULL };
	char msg[512], why[300] = "a modprobe run did not end", rec[8192], *text;
	const char *const *p;
	ssize_t n = 0;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (kvm_changed && (kvm_state() > 0) != kvm_was_loaded &&
	    (stuck || run_modprobe(kvm_was_loaded, why, sizeof(why))) &&
	    (stuck || kvm_was_loaded || kvm_state() < 2)) {	/* else in use now: stays */
		ksft_print_msg("%s\n", msg);
		snprintf(msg, sizeof(msg), "cannot put kvm back: %s", why);
		rc = KSFT_FAIL;
	}
	while (kvm_changed && kmsg >= 0 && ((n = read(kmsg, rec, sizeof(rec) - 1)) > 0 ||
					    (n < 0 && errno == EPIPE))) {
		rec[n > 0 ? n : 0] = '\0';	/* "prio,seq,usec,flags;text\n"; EPIPE: lost ones */
		text = strchr(rec, ';');
		if (!text || atoi(rec) >> 3)	/* facility 0 is the kernel's */
			continue;
		for (p = bad; *p && !strstr(text, *p); p++)
			;
		if (*p && rc != KSFT_FAIL)
			snprintf(msg, sizeof(msg), "kernel log: %.*s",
				 (int)strcspn(text + 1, "\n"), text + 1);
		rc = *p ? KSFT_FAIL : rc;
	}
	if (kvm_changed && (kmsg < 0 || (n < 0 && errno != EAGAIN)))
		ksft_print_msg("kernel log not checked (to its end): /dev/kmsg cannot be read\n");
	if (rc != KSFT_SKIP)
		ksft_print_msg("%s\n", msg);
	if (rc == KSFT_SKIP)
		ksft_test_result_skip("%s\n", msg);
	else
		ksft_test_result(rc == KSFT_PASS, "aen_reload\n");
	ksft_print_cnts();	/* not ksft_exit_skip(): 5.10's numbers its result "ok 2" */
	exit(rc);
}

/* Keep kvm's parameters as "name=value", to load kvm with them */
static void save_params(void)
{
	glob_t g = { 0 };
	char val[128];
	size_t i;

	glob(KVM_SYSFS "/parameters/*", 0, NULL, &g);
	for (i = 0; i < g.gl_pathc; i++) {
		if (i == MAX_PARAMS || read_line(g.gl_pathv[i], val, sizeof(val)) ||
		    strpbrk(val, " \t\"'"))
			finish(KSFT_SKIP, "cannot keep kvm parameter %s", g.gl_pathv[i]);
		snprintf(param_buf[i], sizeof(param_buf[i]), "%s=%s",
			 strrchr(g.gl_pathv[i], '/') + 1, val);
		kvm_params[i + 1] = param_buf[i];
	}
}

/* Judge the record of load @name: the first sets @ref, later ones reuse it */
static void judge(const char *name, struct aen_record *ref)
{
	struct aen_record rec;

	read_record(&rec);
	ksft_print_msg("%s: %s\n", name, rec.kind ? rec.text : rec.why);
	if (!ref->kind && (rec.kind == AEN_NONE || rec.kind == AEN_UNAVAILABLE ||
			   rec.kind == AEN_OLD || (rec.kind == AEN_FAILED && !kvm_changed)))
		finish(KSFT_SKIP, "%s", rec.why);
	if (rec.kind != AEN_REGISTERED && rec.kind != AEN_SET)
		finish(KSFT_FAIL, "%s: %s", name, rec.why);
	if (ref->kind && (rec.kind == AEN_REGISTERED || strcmp(rec.aipb, ref->aipb)))
		finish(KSFT_FAIL, "%s: second AEN registration", name);
	if (!ref->kind)
		*ref = rec;
}

int main(void)
{
	struct aen_record ref = { .kind = AEN_NONE };
	char type[16] = "", line[300], name[32];
	int i, state;
	FILE *f;

	ksft_print_header();
	ksft_set_plan(1);
	if (geteuid())
		finish(KSFT_SKIP, "must be run as root");
	f = fopen("/proc/sysinfo", "r");	/* not uname(): qemu-user says s390x */
	while (f && !type[0] && fgets(line, sizeof(line), f))
		sscanf(line, "Type: %15s", type);
	if (!type[0])
		finish(KSFT_SKIP, "not a real s390 host: no machine type in /proc/sysinfo");
	fclose(f);
	if (access(S390DBF, F_OK))
		finish(KSFT_SKIP, "no s390dbf in debugfs: %s: %s", S390DBF, strerror(errno));
	state = kvm_state();
	if (state < 0)
		finish(KSFT_SKIP, "%s, %s",
		       "kvm cannot be unloaded: it needs CONFIG_KVM=m and CONFIG_MODULE_UNLOAD=y",
		       KVM_M_NOTE);
	if (state > 1)
		finish(KSFT_SKIP, "kvm is in use (refcnt %d)", state - 1);
	kvm_was_loaded = state;
	if (!read_line("/proc/sys/kernel/modules_disabled", line, sizeof(line)) && atoi(line))
		finish(KSFT_SKIP, "module loading is disabled (kernel.modules_disabled)");
	if (read_line("/proc/sys/kernel/modprobe", modprobe_path, sizeof(modprobe_path)))
		snprintf(modprobe_path, sizeof(modprobe_path), "/sbin/modprobe");
	if (access(modprobe_path, X_OK))
		finish(KSFT_SKIP, "no modprobe: %s: %s", modprobe_path, strerror(errno));
	kmsg = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	lseek(kmsg, 0, SEEK_END);
	if (kvm_was_loaded) {
		judge("current load", &ref);
		save_params();
	}
	for (i = 0; i <= RELOADS; i++) {
		snprintf(name, sizeof(name), i ? "reload %d" : "first load", i);
		if (kvm_state() > 0 && run_modprobe(false, line, sizeof(line))) {
			if (!stuck && kvm_state() > 1)
				finish(KSFT_SKIP, "kvm became busy: %s", line);
			finish(KSFT_FAIL, "unload before %s failed: %s", name, line);
		}
		if (run_modprobe(true, line, sizeof(line))) {
			if (!i && !kvm_was_loaded &&
			    (strstr(line, "No such device") || strstr(line, "not found")))
				finish(KSFT_SKIP, "kvm cannot load here: %s", line);
			finish(KSFT_FAIL, "%s failed: %s", name, line);
		}
		judge(name, &ref);
	}
	finish(KSFT_PASS, "first load and %d reloads keep one AEN registration", RELOADS);
}
